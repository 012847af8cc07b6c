/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GMA_TYPE_IDLE_OVERLAY (gma_idle_overlay_get_type ())

G_DECLARE_FINAL_TYPE (GmaIdleOverlay, gma_idle_overlay, GMA, IDLE_OVERLAY, GtkWidget)

GtkWidget *gma_idle_overlay_new           (void);
void       gma_idle_overlay_start         (GmaIdleOverlay *self,
                                           guint           seconds);
void       gma_idle_overlay_stop          (GmaIdleOverlay *self);
guint      gma_idle_overlay_get_remaining (GmaIdleOverlay *self);
gboolean   gma_idle_overlay_get_running   (GmaIdleOverlay *self);

G_END_DECLS
