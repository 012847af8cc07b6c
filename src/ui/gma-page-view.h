/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-page-view.h: the page pane.
 *
 * The web view comes from the WebKit module (gma-web-module.c), loaded and
 * created after the window's first frame. It shows only
 * the app's own "gma:" pages, answered by a resolver the owner sets;
 * JavaScript is off, a strict content security policy blocks every load
 * from elsewhere, and every navigation away from "gma:" is refused: links
 * to https: and mailto: are handed to the owner ("external-link"),
 * gma://action/ links too ("action"). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Content security policy of every page (also sent as a header). */
#define GMA_PAGE_CSP "default-src 'none'; img-src gma:; style-src gma:; font-src gma:; " \
                     "base-uri 'none'; form-action 'none'"

/* @ahead: the page is asked for by the warm view, to be shown when the
 * owner asks for it next (see gma_page_view_preload_uri()). */
typedef GBytes *(*GmaPageResolver) (const char  *uri,
                                    gboolean     ahead,
                                    char       **content_type,
                                    GError     **error,
                                    gpointer     user_data);

#define GMA_TYPE_PAGE_VIEW (gma_page_view_get_type ())
G_DECLARE_FINAL_TYPE (GmaPageView, gma_page_view, GMA, PAGE_VIEW, GtkWidget)

void        gma_page_view_set_resolver   (GmaPageView     *self,
                                          GmaPageResolver  resolver,
                                          gpointer         user_data);
/* Shows a gma: URI (remembered until the web view exists); @uri may be
 * gma_page_view_get_uri(), to load the page again. */
void        gma_page_view_load_uri       (GmaPageView     *self,
                                          const char      *uri);
/* Keeps @uri warm: once the shown page has loaded, a second view in the
 * same web process loads @uri (its requests reach the resolver with
 * @ahead TRUE), so that gma_page_view_load_uri() of @uri shows it in the
 * next frame, without a load. NULL: nothing to keep warm (the warm view
 * goes). A warm page is kept until this is called again. */
void        gma_page_view_preload_uri    (GmaPageView     *self,
                                          const char      *uri);
/* The warm page may not be shown (it was made for another walk): it is
 * never swapped in, and the next page to keep warm loads into the same
 * warm view, which is kept. */
void        gma_page_view_forget_warm_page (GmaPageView   *self);
/* The warm view, or NULL (for tests). */
GtkWidget  *gma_page_view_get_warm_view  (GmaPageView     *self);
/* The URI last asked for. */
const char *gma_page_view_get_uri        (GmaPageView     *self);
/* The URI and title the web view shows (NULL before it exists); used by
 * the tests and the screenshot driver to wait for a page. */
const char *gma_page_view_get_shown_uri  (GmaPageView     *self);
const char *gma_page_view_get_title      (GmaPageView     *self);
/* TRUE until the page last asked for has finished loading (also before
 * the web view exists). */
gboolean    gma_page_view_is_loading     (GmaPageView     *self);
void        gma_page_view_set_zoom       (GmaPageView     *self,
                                          double           zoom);
void        gma_page_view_set_caret_browsing (GmaPageView *self,
                                          gboolean         enabled);
/* Prints the page: with the print dialog, or @silent to the default
 * printer. "print-finished" (string: NULL, or why it failed) follows. */
void        gma_page_view_print          (GmaPageView     *self,
                                          gboolean         silent);
/* Finds @text in the page (next or previous match); NULL or "" ends
 * the search. */
void        gma_page_view_find           (GmaPageView     *self,
                                          const char      *text,
                                          gboolean         backwards);
/* What the pane says instead of a page, when it cannot show pages
 * (WebKit cannot start here, or its web process kept dying), or NULL. */
const char *gma_page_view_get_message    (GmaPageView     *self);
/* The button under that message that starts the web view again, asking
 * again whether it can start (for tests): NULL until a message was
 * shown, hidden unless offered. */
GtkWidget  *gma_page_view_get_reload_button (GmaPageView  *self);
/* The web view, or NULL before the first frame (for tests). */
GtkWidget  *gma_page_view_get_web_view   (GmaPageView     *self);
/* Throws away the web view and everything it remembers (history, cache,
 * the web process) and builds a new one on a new ephemeral session. */
void        gma_page_view_rebuild        (GmaPageView     *self);

G_END_DECLS
