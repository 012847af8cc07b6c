/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-faq.h: the guide's FAQ as a GListModel of GmaFaqEntry, in the
 * guide's order, grouped in its categories. */
#pragma once

#include <gio/gio.h>
#include "gma-json.h"

G_BEGIN_DECLS

#define GMA_TYPE_FAQ_ENTRY (gma_faq_entry_get_type ())
G_DECLARE_FINAL_TYPE (GmaFaqEntry, gma_faq_entry, GMA, FAQ_ENTRY, GObject)

#define GMA_TYPE_FAQ (gma_faq_get_type ())
G_DECLARE_FINAL_TYPE (GmaFaq, gma_faq, GMA, FAQ, GObject)

/* Properties (all read-only strings): "id" ("faq-3-1"), "number" ("3-1"),
 * "category-id" ("3"), "category-title" ("G-MISのログインに係る事項"),
 * "question", "answer" (plain text; paragraphs separated by "\n"). */
const char         *gma_faq_entry_get_id             (GmaFaqEntry *self);
const char         *gma_faq_entry_get_number         (GmaFaqEntry *self);
const char         *gma_faq_entry_get_category_id    (GmaFaqEntry *self);
const char         *gma_faq_entry_get_category_title (GmaFaqEntry *self);
const char         *gma_faq_entry_get_question       (GmaFaqEntry *self);
const char         *gma_faq_entry_get_answer         (GmaFaqEntry *self);
/* Readings and aliases for search; NULL-terminated, never NULL. */
const char * const *gma_faq_entry_get_keywords       (GmaFaqEntry *self);
/* Related flow nodes ("remedy-3"); NULL-terminated, never NULL. */
const char * const *gma_faq_entry_get_see_also       (GmaFaqEntry *self);

/* Whether the answer sends the reader to the prefecture's counter
 * ("ask-counter": true in faq.json): its page shows the counter's card
 * after it, when a deployment configured one. */
gboolean            gma_faq_entry_get_ask_counter    (GmaFaqEntry *self);

/* Parses and validates faq.json; NULL (with problems appended) on error. */
GmaFaq             *gma_faq_new_from_json            (JsonNode           *root,
                                                      const char * const *languages,
                                                      const char         *file,
                                                      GmaProblems        *problems);
GmaFaqEntry        *gma_faq_lookup                   (GmaFaq     *self,
                                                      const char *id);
/* The guide's preface to the FAQ, one paragraph per element. */
const char * const *gma_faq_get_preface              (GmaFaq     *self);
/* The guide's advice to ask the prefecture's counter, in its words: the
 * last sentence of the preface's last paragraph (「都道府県により、…都道府県の
 * 窓口へお問い合わせいただくようお願いいたします。」), without the spaces
 * around it. Free with g_free(); NULL without a preface. */
char               *gma_faq_get_advice               (GmaFaq     *self);
/* The heading above the list ("よくある質問（FAQ）"). */
const char         *gma_faq_get_title                (GmaFaq     *self);

G_END_DECLS
