/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's key policy: which keys may reach the window's widgets. A
 * pure function of the key, the modifiers and the focus (tests/
 * test-kiosk-keys.c); GmaKiosk applies it to every key press. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean gma_kiosk_key_allowed (guint           keyval,
                                GdkModifierType state,
                                gboolean        focus_is_editable);

G_END_DECLS
