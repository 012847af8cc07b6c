/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-router.h: the app's own URI scheme, "gma:", and what each URI
 * serves. The web pane asks the router for every gma: request; nothing
 * else is ever loaded there.
 *
 *   gma://page/<node-id>        the rendered page of a flow node
 *   gma://faq/<faq-id>          the rendered answer of an FAQ entry
 *   …/<id>?q=<search>           page or answer opened from a search,
 *                               with what it found marked
 *   gma://content/<path>        a file of the content set (illustrations)
 *   gma://app/<name>            the app's own files (page.css)
 *   gma://app/flow              「全体の流れ」: the whole flow as a picture
 *   gma://app/flow-diagram.css  the picture's style sheet
 *   gma://action/<name>?<query> an action for the window (not a document)
 */
#pragma once

#include "gma-contact.h"
#include "gma-content.h"
#include "gma-session.h"

G_BEGIN_DECLS

typedef enum {
  GMA_ROUTE_INVALID,
  GMA_ROUTE_PAGE,
  GMA_ROUTE_FAQ,
  GMA_ROUTE_CONTENT,
  GMA_ROUTE_APP,
  GMA_ROUTE_ACTION,
} GmaRoute;

/* Splits a gma: URI. @argument receives the node id, FAQ id, content
 * path, app file name or action name (newly allocated); @query (optional)
 * receives the decoded query string of an action, or NULL. Any other
 * scheme, or a malformed URI, is GMA_ROUTE_INVALID. */
GmaRoute  gma_router_parse (const char  *uri,
                            char       **argument,
                            char       **query);

/* Builds "gma://page/<id>" and friends. */
char     *gma_router_uri   (GmaRoute     route,
                            const char  *argument);
/* "gma://faq/<id>?q=<search>" and "gma://page/<id>?q=<search>": the page
 * opened from a search for @search (NULL or empty: no query), with what
 * the search found marked in its body. */
char     *gma_router_uri_for_search (GmaRoute    route,
                                     const char *argument,
                                     const char *search);

/* Serves a document route (page, faq, content, app). Fails with
 * GMA_CONTENT_ERROR_NOT_FOUND for unknown ids, files or routes. Pages
 * and FAQ answers show @contact (the prefecture's counter; NULL or empty:
 * none, the guide's wording alone) where the guide sends the reader
 * there (gma_render_fill_contact()). */
GBytes   *gma_router_load_with_contact (GmaContent       *content,
                                        GmaSession       *session,
                                        const GmaContact *contact,
                                        const char       *uri,
                                        char            **content_type,
                                        GError          **error);
/* The same without a contact. */
GBytes   *gma_router_load  (GmaContent  *content,
                            GmaSession  *session,
                            const char  *uri,
                            char       **content_type,
                            GError     **error);

G_END_DECLS
