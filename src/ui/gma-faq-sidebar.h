/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gma-faq.h"

G_BEGIN_DECLS

#define GMA_TYPE_FAQ_SIDEBAR (gma_faq_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GmaFaqSidebar, gma_faq_sidebar, GMA, FAQ_SIDEBAR, GtkWidget)

/* The guide's FAQ: its preface, a search entry and the entries in their
 * categories. Choosing an entry emits "entry-activated" with its id. */
void            gma_faq_sidebar_set_faq        (GmaFaqSidebar *self,
                                                GmaFaq        *faq);
/* Marks the entry @id as the one shown (NULL: none). */
void            gma_faq_sidebar_select         (GmaFaqSidebar *self,
                                                const char    *id);
void            gma_faq_sidebar_focus_search   (GmaFaqSidebar *self);
/* For tests. */
GtkEditable    *gma_faq_sidebar_get_search_entry (GmaFaqSidebar *self);
GtkListBox     *gma_faq_sidebar_get_list       (GmaFaqSidebar *self);
/* The ids of the entries the search leaves visible, in list order. */
GStrv           gma_faq_sidebar_dup_visible_ids (GmaFaqSidebar *self);

G_END_DECLS
