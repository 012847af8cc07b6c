/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gma-content.h"

G_BEGIN_DECLS

#define GMA_TYPE_APPLICATION (gma_application_get_type ())
G_DECLARE_FINAL_TYPE (GmaApplication, gma_application, GMA, APPLICATION, GtkApplication)

GmaApplication *gma_application_new              (void);
GSettings      *gma_application_get_settings     (GmaApplication *self);
GmaContent     *gma_application_get_content      (GmaApplication *self);
/* Why the override content was refused (one problem per line), or NULL. */
const char     *gma_application_get_content_error (GmaApplication *self);
gboolean        gma_application_get_kiosk        (GmaApplication *self);
/* The content language asked for (--language, the content-language key,
 * or the locale): "ja" or "en". A window may show the other one (the
 * menu, a kiosk visitor's choice). */
const char     *gma_application_get_language     (GmaApplication *self);
/* The content set (gma_application_get_content()) from now on in
 * @language, "ja" or "en": loaded again in it, unless it is shown in it
 * already. As gma_content_new() it may come back in Japanese. Returns the
 * set (borrowed), or NULL with @error (and nothing changed) when it cannot
 * be loaded. For gma_window_set_language(), which shows it. */
GmaContent     *gma_application_set_language     (GmaApplication *self,
                                                  const char     *language,
                                                  GError        **error);

G_END_DECLS
