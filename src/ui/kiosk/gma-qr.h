/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* Largest module size accepted by gma_qr_texture_new(). */
#define GMA_QR_MAX_MODULE_PX 32
/* Modules of white border around the symbol (the standard quiet zone). */
#define GMA_QR_QUIET_ZONE 4

GdkTexture *gma_qr_texture_new (const char  *text,
                                int          module_px,
                                GError     **error);

G_END_DECLS
