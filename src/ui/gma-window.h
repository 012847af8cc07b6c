/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gma-application.h"
#include "gma-contact.h"
#include "gma-content.h"
#include "gma-session.h"

G_BEGIN_DECLS

#define GMA_TYPE_WINDOW (gma_window_get_type ())
G_DECLARE_FINAL_TYPE (GmaWindow, gma_window, GMA, WINDOW, GtkApplicationWindow)

GmaWindow  *gma_window_new          (GmaApplication *application);
/* Replaces the content set. The walk (the answers given) and the page
 * shown are kept when the new set has the same nodes along the walk (the
 * same set in another language, say); otherwise a new walk starts.
 * @error, when not NULL, is shown in a bar at the top of the window. */
void        gma_window_set_content  (GmaWindow      *self,
                                     GmaContent     *content,
                                     const char     *error);
GmaContent *gma_window_get_content  (GmaWindow      *self);
/* Shows the content in @language ("ja" or "en") at once, keeping the
 * walk and the page shown; the property and action "content-language"
 * do the same. When the content has no complete English, the window
 * stays Japanese and says why. FALSE then. */
gboolean    gma_window_set_language (GmaWindow      *self,
                                     const char     *language);
GmaSession *gma_window_get_session  (GmaWindow      *self);
/* The prefecture's counter the pages show (from the settings; values that
 * do not validate are left out). */
const GmaContact *gma_window_get_contact (GmaWindow  *self);
/* Shows a node of the flow (walking to it) or an FAQ entry. FALSE if
 * there is no such page. */
gboolean    gma_window_show_page    (GmaWindow      *self,
                                     const char     *id);

G_END_DECLS
