/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gma-contact.h"

#include "gma-content.h"
#include "gma-search.h"

G_BEGIN_DECLS

#define GMA_TYPE_FAQ_SIDEBAR (gma_faq_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GmaFaqSidebar, gma_faq_sidebar, GMA, FAQ_SIDEBAR, GtkWidget)

/* The guide's FAQ and a search over the FAQ and the guide's pages.
 *
 * With an empty search entry: the FAQ's preface and its entries in their
 * categories. With words in it: the hits of the content's search index
 * (gma_search_index_new_for_content(), the ranking of `--search`), best
 * first: FAQ entries, the intro and the result pages, their matches
 * highlighted; or, when nothing matches, a way on: the guided check
 * ("guided-check-requested") and the guide's advice to ask the
 * prefecture's counter.
 *
 * The search runs as the text changes, but only on committed text:
 * while an input method has a pre-edit string, the list stays as it is.
 *
 * Choosing an entry or a hit emits "entry-activated" with the gma: URI
 * to show: "gma://faq/<id>" or "gma://page/<id>", with "?q=<search>"
 * when the search led there (gma_router_uri_for_search()). */
void            gma_faq_sidebar_set_content    (GmaFaqSidebar *self,
                                                GmaContent    *content);
/* Marks the entry or hit @id (an FAQ or node id) as the one shown (NULL:
 * none). */
void            gma_faq_sidebar_select         (GmaFaqSidebar *self,
                                                const char    *id);
void            gma_faq_sidebar_focus_search   (GmaFaqSidebar *self);
/* For tests. */
GtkEditable    *gma_faq_sidebar_get_search_entry (GmaFaqSidebar *self);
/* The list of FAQ entries (empty search) */
GtkListBox     *gma_faq_sidebar_get_list       (GmaFaqSidebar *self);
/* The list of hits (a search) */
GtkListBox     *gma_faq_sidebar_get_results_list (GmaFaqSidebar *self);
/* The search the hits are for (NULL: none, the FAQ is shown). */
const char     *gma_faq_sidebar_get_query      (GmaFaqSidebar *self);
/* The hit of a row of the results list. */
GmaSearchHit   *gma_faq_sidebar_get_row_hit    (GmaFaqSidebar *self,
                                                GtkListBoxRow *row);
/* The "nothing found" state, and its quote of the guide's advice. */
GtkWidget      *gma_faq_sidebar_get_no_hits    (GmaFaqSidebar *self);
GtkLabel       *gma_faq_sidebar_get_advice_label (GmaFaqSidebar *self);
/* Under that advice, the prefecture's counter a deployment configured
 * (NULL or empty: none). */
void            gma_faq_sidebar_set_contact      (GmaFaqSidebar    *self,
                                                  const GmaContact *contact);
GtkLabel       *gma_faq_sidebar_get_contact_label (GmaFaqSidebar *self);
/* "3 results", announced to screen readers */
GtkLabel       *gma_faq_sidebar_get_status_label (GmaFaqSidebar *self);
/* The ids the list shows, in its order: every FAQ entry, or the hits. */
GStrv           gma_faq_sidebar_dup_visible_ids (GmaFaqSidebar *self);

G_END_DECLS
