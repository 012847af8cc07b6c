/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GMA_TYPE_QR_VIEW (gma_qr_view_get_type ())

G_DECLARE_FINAL_TYPE (GmaQrView, gma_qr_view, GMA, QR_VIEW, GtkWidget)

GtkWidget  *gma_qr_view_new      (void);
void        gma_qr_view_set_text (GmaQrView  *self,
                                  const char *text,
                                  const char *caption);
gboolean    gma_qr_view_set_uri  (GmaQrView  *self,
                                  const char *uri);
const char *gma_qr_view_get_text (GmaQrView  *self);
GdkTexture *gma_qr_view_get_texture (GmaQrView *self);

G_END_DECLS
