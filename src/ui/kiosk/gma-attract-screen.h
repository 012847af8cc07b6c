/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GMA_TYPE_ATTRACT_SCREEN (gma_attract_screen_get_type ())

G_DECLARE_FINAL_TYPE (GmaAttractScreen, gma_attract_screen, GMA, ATTRACT_SCREEN, GtkWidget)

GtkWidget *gma_attract_screen_new (void);

G_END_DECLS
