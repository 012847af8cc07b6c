/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window holds in kiosk mode (GmaWindow's kiosk, NULL on a
 * desktop): the kiosk's own state, kept out of struct _GmaWindow. Part of
 * the window (gma-window-kiosk.c) and its tests only. */
#pragma once

#include "gma-kana-keypad.h"
#include "gma-kiosk.h"
#include "gma-window-private.h"

G_BEGIN_DECLS

struct _GmaWindowKiosk
{
  GmaKiosk      *kiosk;
  /* Borrowed: the kiosk's widgets, children of the window */
  GtkWidget     *attract_screen;
  GtkWidget     *qr_view;
  GtkWidget     *language_button;
  GtkWidget     *display_toggles; /* 文字を大きく, high contrast */
  GmaKanaKeypad *keypad;
  gboolean       printing_slip;   /* the slip is in the page pane, printing */
};

G_END_DECLS
