/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-preferences-window.h: the Preferences window of a desktop install:
 * the prefecture's counter (the counter-* keys, gma-contact.h).
 *
 * Each entry writes its key as it is typed (once the main loop is idle),
 * when the value is valid; an
 * invalid value is refused where it is typed, with the reason beside it,
 * and the key keeps its last valid value. Keys an administrator locked
 * (g_settings_is_writable() FALSE) are shown read-only. A kiosk never
 * opens this window (app.preferences is refused there). */
#pragma once

#include <gtk/gtk.h>

#include "gma-contact.h"

G_BEGIN_DECLS

#define GMA_TYPE_PREFERENCES_WINDOW (gma_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GmaPreferencesWindow, gma_preferences_window, GMA, PREFERENCES_WINDOW, GtkWindow)

/* @settings: a GSettings of the application's schema. */
GtkWidget  *gma_preferences_window_new           (GSettings            *settings);
/* For tests and the screenshot driver: the entry of @field and the
 * message under it (hidden while the value is valid). */
GtkEditable *gma_preferences_window_get_entry    (GmaPreferencesWindow *self,
                                                  GmaContactField       field);
GtkLabel   *gma_preferences_window_get_message   (GmaPreferencesWindow *self,
                                                  GmaContactField       field);
/* The note that the administrator set some values (hidden otherwise). */
GtkWidget  *gma_preferences_window_get_locked_note (GmaPreferencesWindow *self);

G_END_DECLS
