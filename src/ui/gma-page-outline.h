/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-page-outline.h: the page pane's page, for assistive technology.
 *
 * WebKitGTK hands a page's own accessibility tree to GTK 4 only when it
 * was built with a GTK that has GtkAtSpiSocket (4.14 and later); with
 * Debian 12's GTK 4.8 the web view is a leaf that says nothing. Where
 * that is so, the page pane shows this instead, under the web view, never
 * drawn, picked or focused: the same page (read from the HTML the web
 * view was served, see gma-outline.h) as GTK widgets with the roles a
 * screen reader knows: a document named by the page's title holding
 * headings (their level as the accessible level property and, since GTK
 * 4.8 does not pass that property on, in their description), paragraphs
 * and labels, lists and list items, images named by their alternative
 * text and links, which a screen reader activates like any link button
 * ("activate-link" gives the owner the URI they lead to). */
#pragma once

#include <gtk/gtk.h>

#include "gma-outline.h"

G_BEGIN_DECLS

#define GMA_TYPE_PAGE_OUTLINE (gma_page_outline_get_type ())
G_DECLARE_FINAL_TYPE (GmaPageOutline, gma_page_outline, GMA, PAGE_OUTLINE, GtkWidget)

/* The widgets of @outline, the page at @uri (its links are relative to
 * it). */
GtkWidget      *gma_page_outline_new       (const GmaOutline *outline,
                                            const char       *uri);
const char     *gma_page_outline_get_uri   (GmaPageOutline   *self);
/* The page's title ("" when it has none). */
const char     *gma_page_outline_get_title (GmaPageOutline   *self);

/* The outline of a web view's page, kept with the web view (a view
 * swapped in or out takes it along). The page pane tells it the HTML the
 * view is served (gma_page_outline_read()) and, when the view's page
 * changes, shown or not, asks for the outline (gma_page_outline_sync()). */

/* Keeps @html (served for @uri to @view) to build the outline of that
 * page from, when it is shown. */
void            gma_page_outline_read      (GtkWidget        *view,
                                            const char       *uri,
                                            GBytes           *html);
/* The outline of the page @view shows (@uri; NULL: none): a child of
 * @parent, under its others, built when need be (*@created TRUE: it is
 * new), offered to assistive technology while @shown. NULL when there
 * is none (the page was not read, or could not be). */
GmaPageOutline *gma_page_outline_sync      (GtkWidget        *view,
                                            const char       *uri,
                                            GtkWidget        *parent,
                                            gboolean          shown,
                                            gboolean         *created);
/* The outline of @view (if any) and what it was read from go. */
void            gma_page_outline_forget    (GtkWidget        *view);
/* Whether the web view @view hands its page to assistive technology
 * itself (a GtkAtSpiSocket as its first accessible child, which WebKit
 * built with GTK 4.14 makes once its web process is ready): then no
 * outline is needed. Never with GTK 4.8. */
gboolean        gma_page_outline_web_view_offers_page (GtkWidget *view);

G_END_DECLS
