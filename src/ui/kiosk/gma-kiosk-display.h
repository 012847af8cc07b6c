/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-kiosk-display.h: the kiosk's 「文字を大きく」 and high-contrast
 * toggles, for a visitor who cannot change the terminal's desktop
 * settings. Large text raises GTK's font DPI by half (the pages follow:
 * WebKitGTK zooms them by it); high contrast switches the GTK theme to
 * HighContrast (the pages follow: gma-page-style.c). Both are the
 * application's own GtkSettings values, reset to the desktop's by
 * gma_kiosk_display_reset(), which the idle reset calls. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of the two toggle buttons, for the bottom of the kiosk's window
 * (in its header they would make it wider than a portrait output). */
GtkWidget *gma_kiosk_display_new   (void);
/* Both off, the desktop's settings again. */
void       gma_kiosk_display_reset (GtkWidget *display);

G_END_DECLS
