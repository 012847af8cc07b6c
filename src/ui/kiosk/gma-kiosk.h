/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gma-idle-overlay.h"
#include "gma-kiosk-keys.h"

G_BEGIN_DECLS

/* Seconds the idle warning counts down before the session is reset. */
#define GMA_KIOSK_WARNING_SECONDS 10

#define GMA_TYPE_KIOSK (gma_kiosk_get_type ())

G_DECLARE_FINAL_TYPE (GmaKiosk, gma_kiosk, GMA, KIOSK, GObject)

GmaKiosk  *gma_kiosk_new                 (GtkWindow       *window,
                                          GSettings       *settings);
GtkWindow *gma_kiosk_get_window          (GmaKiosk        *self);
gboolean   gma_kiosk_get_active          (GmaKiosk        *self);
void       gma_kiosk_set_active          (GmaKiosk        *self,
                                          gboolean         active);
void       gma_kiosk_set_idle_overlay    (GmaKiosk        *self,
                                          GmaIdleOverlay  *overlay);
void       gma_kiosk_reset_idle          (GmaKiosk        *self);
void       gma_kiosk_reset               (GmaKiosk        *self);
gboolean   gma_kiosk_get_idle_warning    (GmaKiosk        *self);
guint      gma_kiosk_get_idle_timeout    (GmaKiosk        *self);
void       gma_kiosk_set_idle_timeout    (GmaKiosk        *self,
                                          guint            seconds);
guint      gma_kiosk_get_warning_seconds (GmaKiosk        *self);
void       gma_kiosk_set_warning_seconds (GmaKiosk        *self,
                                          guint            seconds);
gboolean   gma_kiosk_get_allow_print     (GmaKiosk        *self);

void       gma_kiosk_clear_clipboards    (GdkDisplay      *display);
void       gma_kiosk_prepare_environment (void);

G_END_DECLS
