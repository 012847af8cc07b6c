/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search.h: Japanese-aware search over the FAQ and the pages.
 *
 * NORMALISATION
 *
 * One function, gma_search_normalize(), is applied to every indexed text
 * once (when it is added) and to every query. In this order, per
 * cluster (a character together with the combining marks and half-width
 * voiced sound marks U+FF9E/U+FF9F that follow it, so that ﾊﾟ becomes パ):
 *
 *   1. NFKC (full-width ＵＲＬ → URL, half-width ﾛｸﾞｲﾝ → ログイン, ① → 1);
 *   2. case folding (URL → url);
 *   3. hiragana → katakana (ろぐいん → ログイン; ゝゞ → ヽヾ);
 *   4. dropped: white space, punctuation and symbols (Unicode categories
 *      Z*, P*, S*), controls and format characters, uncomposed kana voiced
 *      sound marks, and the prolonged sound mark ー. The postal mark 〒
 *      is kept: people search with it.
 *
 * Long vowels and dashes: the prolonged sound mark ー (and ｰ, which NFKC
 * maps to it) is *ignored*, exactly like the dashes and tildes that IMEs
 * and people put in its place (- − ‐ — ― ～ 〜 are punctuation or
 * symbols). Ignoring all of them is the one rule that unifies every
 * variant at once: パスワード = パスワ－ド = パスワ-ド = パスワド, and it also
 * folds the guide's own inconsistent spellings (サーバー / サーバ,
 * ユーザー / ユーザ) and G-MIS = GMIS. The price is a few coincidental
 * matches between words that differ only by a long vowel, which a guide
 * of a few dozen entries never meets.
 *
 * The result is UTF-8. @offsets (optional) receives a GArray of
 * GmaSearchRange with ONE ELEMENT PER BYTE of the result: element i is
 * the byte range [start, end) of @text that produced the character
 * containing result byte i. A match of result bytes [a, b) therefore
 * covers original bytes [offsets[a].start, offsets[b-1].end), whatever
 * NFKC did to lengths (ﾊﾟ: 6 original bytes, one character パ of 3 bytes).
 *
 * MATCHING AND RANKING
 *
 * A query is split into words at white space (ASCII, U+3000 and every
 * other Unicode space) before normalisation; empty words are dropped. An
 * entry matches when every word matches one of its fields (title,
 * keywords, body), each anywhere. When there are several words, the
 * whole query without its spaces is also tried as one word (exactly or
 * within one edit only), and the better of the two readings counts
 * (ログ イン finds ログイン; ログイン 天気 finds nothing).
 *
 * Each word is looked for in tiers; a tier is used only if the tier
 * before it found the word in no entry at all (a word spelt right
 * somewhere is not also looked for approximately elsewhere, except in
 * titles: see 1.):
 *
 *   0. exact: the normalised word is a substring of the normalised field;
 *   1. one edit (words of at least 4 normalised characters, at most 64):
 *      a substring of the field is within one substitution, insertion or
 *      deletion of the word (パスワト finds パスワード). Titles are
 *      always matched this way too, even when the word was found exactly
 *      elsewhere: a near miss in a title beats an exact hit in a body
 *      (既存アカウント finds the title 既存のアカウント…);
 *   2. bigram similarity (words of at least 4 characters): some window of
 *      the field, one character longer than the word, holds at least
 *      GMA_SEARCH_BIGRAM_THRESHOLD of the word's distinct character
 *      bigrams (パスワードを忘れた finds …パスワードをお忘れですか…).
 *
 * A word's score in an entry is field weight × tier quality, from its best
 * field: title 1.0, keywords 0.6, body 0.3; exact 1.0, one edit 0.7,
 * bigram 0.5 × similarity; an exact word gets 0.01 more for each time it
 * occurs in the title and keywords (at most 5: an entry that repeats a
 * word in its short fields is about it; too small to change the order of
 * the fields and tiers). An entry's score is the average of its words'
 * scores weighted by their lengths in characters, × 100 (so an exact hit
 * in the title scores 100 to 105). Results are sorted by score, best
 * first; equal scores keep the order in which entries were added.
 *
 * INDEX
 *
 * Entries keep their original texts, their normalised texts and a
 * character-bigram inverted index (bigram → sorted list of entry and
 * field), all built once in gma_search_index_add(). A query intersects
 * the postings of a word's bigrams to find candidate fields and verifies
 * them with memmem(); the approximate tiers count shared bigrams per
 * field and verify only fields that could possibly match. Highlight
 * ranges are computed lazily, only for hits that are asked for them.
 *
 * A query allocates its hits and its words, nothing in proportion to
 * the size of the index: its work space is kept in the index. So it is
 * not thread-safe: use an index and its hits from one thread.
 */
#pragma once

#include <gio/gio.h>
#include "gma-content.h"

G_BEGIN_DECLS

/* Minimal share of a word's distinct bigrams for a tier-2 match. */
#define GMA_SEARCH_BIGRAM_THRESHOLD 0.5

typedef struct {
  gsize start;
  gsize end;
} GmaSearchRange;

typedef enum {
  GMA_SEARCH_FIELD_TITLE,
  GMA_SEARCH_FIELD_KEYWORDS,
  GMA_SEARCH_FIELD_BODY,
} GmaSearchField;

typedef enum {
  GMA_SEARCH_KIND_OTHER,   /* added with gma_search_index_add() */
  GMA_SEARCH_KIND_PAGE,    /* a flow node's page; the id is the node id */
  GMA_SEARCH_KIND_FAQ,     /* an FAQ entry; the id is "faq-3-2" */
} GmaSearchKind;

/* See above. @len: bytes of @text, or -1 if NUL-terminated. Invalid
 * UTF-8 is skipped. Returns a newly allocated string, never NULL. */
char        *gma_search_normalize          (const char  *text,
                                            gssize       len,
                                            GArray     **offsets);

/* The normalised, non-empty words of @query, in order (the whole query
 * without spaces is not among them). Never NULL. */
char       **gma_search_query_words        (const char  *query);



typedef struct _GmaSearchIndex GmaSearchIndex;
typedef struct _GmaSearchHit   GmaSearchHit;

#define GMA_TYPE_SEARCH_INDEX (gma_search_index_get_type ())
#define GMA_TYPE_SEARCH_HIT   (gma_search_hit_get_type ())
GType            gma_search_index_get_type     (void) G_GNUC_CONST;
GType            gma_search_hit_get_type       (void) G_GNUC_CONST;

GmaSearchIndex  *gma_search_index_new          (void);
/* The index the window and `--search` use, entries in the guide's order:
 * the intro page first, then every result page in flow order (title
 * "対応方法3 メールにあるURLにアクセスできない": reference and title;
 * keywords: the node's; body: the page's text without tags), then every
 * FAQ entry in guide order. Question nodes are not indexed: they are
 * steps of the walk, not answers. A page that cannot be read (it cannot
 * happen with a validated set) is indexed without a body, with a
 * warning. */
GmaSearchIndex  *gma_search_index_new_for_content (GmaContent   *content);
GmaSearchIndex  *gma_search_index_ref          (GmaSearchIndex *self);
void             gma_search_index_unref        (GmaSearchIndex *self);

/* Adds an entry. @title: the question or page title; @keywords:
 * readings and aliases (NULL-terminated, may be NULL); @body: the answer
 * or the page text (may be NULL). All strings are copied. */
void             gma_search_index_add          (GmaSearchIndex     *self,
                                                const char         *id,
                                                const char         *title,
                                                const char * const *keywords,
                                                const char         *body);
/* An FAQ entry: its question, keywords and answer. */
void             gma_search_index_add_faq_entry (GmaSearchIndex *self,
                                                 GmaFaqEntry    *entry);
/* Every entry of @faq, in its order. */
void             gma_search_index_add_faq      (GmaSearchIndex *self,
                                                GmaFaq         *faq);
/* A flow node's page: title as above, its keywords, and @page_html
 * (the page body, may be NULL) as text (gma_html_to_text()). */
void             gma_search_index_add_node     (GmaSearchIndex *self,
                                                const GmaNode  *node,
                                                const char     *page_html);
guint            gma_search_index_get_n_entries (GmaSearchIndex *self);

/* The hits for @query, best first (see above). Returns a new array of
 * GmaSearchHit, owning its elements; empty (never NULL) when nothing
 * matches or the query has no words. */
GPtrArray       *gma_search_index_query        (GmaSearchIndex *self,
                                                const char     *query);

GmaSearchHit    *gma_search_hit_ref            (GmaSearchHit *self);
void             gma_search_hit_unref          (GmaSearchHit *self);
const char      *gma_search_hit_get_id         (GmaSearchHit *self);
GmaSearchKind    gma_search_hit_get_kind       (GmaSearchHit *self);
/* The indexed title and body, as given (pages: the stripped text). The
 * ranges below are byte offsets into these strings. */
const char      *gma_search_hit_get_title      (GmaSearchHit *self);
const char      *gma_search_hit_get_body       (GmaSearchHit *self);
double           gma_search_hit_get_score      (GmaSearchHit *self);
/* The best field any word of the query was found in. */
GmaSearchField   gma_search_hit_get_field      (GmaSearchHit *self);
/* What to highlight in the title or the body (FIELD_KEYWORDS: none):
 * sorted, disjoint byte ranges of the ORIGINAL text, covering every
 * place a word of the query matched (exactly or, for words that only
 * matched approximately, approximately). Computed on first call and kept
 * with the hit. Returns NULL and 0 when there is nothing. */
const GmaSearchRange *gma_search_hit_get_ranges (GmaSearchHit   *self,
                                                 GmaSearchField  field,
                                                 guint          *n_ranges);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaSearchIndex, gma_search_index_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaSearchHit, gma_search_hit_unref)

G_END_DECLS
