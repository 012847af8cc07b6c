/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search-private.h: what the files of the search share (gma-search.h
 * says what the search does):
 *
 *   gma-search-normalize.c  normalisation, the words of a query
 *   gma-search-match.c      a word of a query and how it matches a text:
 *                           within one edit (a bit-parallel automaton),
 *                           by shared bigrams
 *   gma-search-index.c      the index (entries, a bigram inverted index),
 *                           matching a query against it, ranking
 *   gma-search-hits.c       the hits, and what to highlight in them
 */
#pragma once

#include "gma-search.h"

G_BEGIN_DECLS

/* ---- shared limits ---- */

#define N_FIELDS         3
#define MIN_FUZZY_CHARS  4
#define MAX_EDIT_CHARS   64
#define KEYWORD_SEP      '\n'   /* never left in normalised text */

/* ---- the words of a query (gma-search-match.c) ---- */

/* Decodes one character of text known to be valid UTF-8 (we produced it). */
static inline gunichar
_gma_search_utf8_next (const guchar **p)
{
  const guchar *s = *p;
  gunichar c = s[0];

  if (c < 0x80)
    {
      *p = s + 1;
      return c;
    }
  if (c < 0xE0)
    {
      *p = s + 2;
      return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    }
  if (c < 0xF0)
    {
      *p = s + 3;
      return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
  *p = s + 4;
  return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6)
         | (s[3] & 0x3F);
}

typedef enum {
  TIER_NONE = -1,
  TIER_EXACT,
  TIER_EDIT,
  TIER_BIGRAM,
} Tier;

/* Bit-parallel (shift-and) matcher for one edit, Wu and Manber. */
typedef struct {
  gunichar chars[MAX_EDIT_CHARS];
  guint64  masks[MAX_EDIT_CHARS];
  guint    n_distinct;
  guint8   bloom[32];
} Matcher;

typedef struct {
  char     *norm;
  gsize     len;          /* bytes */
  gunichar *chars;
  guint     n_chars;
  guint64  *bigrams;      /* distinct, sorted */
  guint     n_bigrams;
  Matcher  *matcher;      /* 4 to 64 characters */
  Tier      tier;
} Word;

typedef struct {
  GPtrArray *words;       /* Word */
  Word      *joined;      /* NULL unless several words */
  guint      total_chars;
} Query;

static inline guint64
_gma_search_bigram_key (gunichar a,
                        gunichar b)
{
  return ((guint64) a << 21) | b;
}

/* The index of @key among @w's bigrams, or -1. */
static inline int
_gma_search_word_bigram_index (const Word *w,
                               guint64     key)
{
  guint lo = 0, hi = w->n_bigrams;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (w->bigrams[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (lo < w->n_bigrams && w->bigrams[lo] == key) ? (int) lo : -1;
}

/* ---- the index and its hits (gma-search-index.c, gma-search-hits.c) ---- */

typedef struct {
  char          *id;
  char          *title;
  char          *body;
  char         **keywords;
  GmaSearchKind  kind;
  char          *norm[N_FIELDS];
  gsize          norm_len[N_FIELDS];
} Entry;

/* Sorted values (entry << 2 | field) of the fields holding one bigram. */
typedef struct {
  guint32 *data;
  guint32  len;
  guint32  cap;
} Postings;

struct _GmaSearchIndex {
  grefcount  ref_count;
  GArray    *entries;     /* Entry */

  /* bigram → postings: open addressing, linear probing */
  guint64   *keys;        /* 0: empty slot */
  guint32   *slots;       /* index into postings */
  guint      table_bits;
  guint      n_keys;
  GArray    *postings;    /* Postings */

  /* Per-query work space, one element per entry (4 per entry for
   * counts), kept between queries so that a query allocates nothing
   * in proportion to the index but its hits. */
  guint      scratch_size;
  double    *total;
  double    *word_score;
  double    *joined_score;
  guint16   *n_words;
  guint8    *best_field;
  guint8    *word_field;
  guint8    *joined_field;
  guint8    *counts;
  gpointer   ranked;      /* 2 per entry: the ranking and a work space */
};

/* Highlight ranges of a hit, computed when first asked for. */
typedef struct {
  GArray *ranges[N_FIELDS];
} HitRanges;

/* Kept small: a query may return thousands. */
struct _GmaSearchHit {
  grefcount        ref_count;
  guint            entry;
  double           score;
  GmaSearchIndex  *index;
  Query           *query;
  HitRanges       *ranges;
  guint8           field;
  gboolean         joined : 1;  /* matched as the whole query */
};

/* ---- functions ---- */

/* gma-search-normalize.c */

/* Decodes valid UTF-8 into characters and the byte offset of each (plus
 * one past the end; @byte_offsets may be NULL). */
gunichar *_gma_search_utf8_decode (const char  *text,
                                   gsize        len,
                                   gsize      **byte_offsets,
                                   guint       *n_chars);

/* gma-search-match.c */

/* The words of @text (gma_search_query_words()), each ready to match,
 * and, when there are several, the whole query as one word. */
Query    *_gma_search_query_new   (const char *text);
Query    *_gma_search_query_ref   (Query      *q);
void      _gma_search_query_unref (Query      *q);
/* Is @w within one edit of some substring of @text? */
gboolean  _gma_search_approx_found (const Word *w,
                                    const char *text,
                                    gsize       len);
/* Character ranges [start, end) of @chars within one edit of @w. */
void      _gma_search_approx_ranges (const Word     *w,
                                     const gunichar *chars,
                                     guint           n,
                                     GArray         *char_ranges);
/* The best share of @w's distinct bigrams found in one window of
 * n_chars + 1 characters of @chars; the window's first character in
 * @best_start. */
double    _gma_search_bigram_window_similarity (const Word     *w,
                                                const gunichar *chars,
                                                guint           n,
                                                guint          *best_start);

G_END_DECLS
