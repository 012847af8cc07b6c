/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-page-style.h: what the desktop's settings add to the pages' style.
 *
 * WebKitGTK 6.0 never matches (prefers-contrast: more) (its Adwaita theme
 * says no under GTK 4), so the app adds the high-contrast colours
 * (resources/web/high-contrast.css, and high-contrast-dark.css for an
 * inverse theme or a dark preference) to every page as a user style
 * sheet when the theme is HighContrast or GTK 4.20's
 * gtk-interface-contrast asks for more. The desktop's text scaling needs
 * nothing here: WebKitGTK zooms the pages by GTK's font DPI itself. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The style sheet for the pages under @settings, or NULL (none). */
char *gma_page_style_for_settings (GtkSettings *settings);
/* Calls @callback (swapped: @object its only argument) whenever one of
 * the settings gma_page_style_for_settings() reads changes, while
 * @object lives. */
void  gma_page_style_watch        (GtkSettings *settings,
                                   GCallback    callback,
                                   gpointer     object);

G_END_DECLS
