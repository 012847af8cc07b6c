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
 * or the locale): "ja" or "en". */
const char     *gma_application_get_language     (GmaApplication *self);

/* Loads the content set: the override directory @directory when it is
 * non-empty, otherwise (or when the override is invalid) the embedded set.
 * @language: "ja", "en", or NULL for the locale's.
 * When the override is refused, @override_error receives every problem.
 * Returns NULL only if the embedded set itself is broken. */
GmaContent     *gma_application_load_content     (const char     *directory,
                                                  const char     *language,
                                                  char          **override_error,
                                                  GError        **error);

G_END_DECLS
