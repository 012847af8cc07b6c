/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search-match.c: the words of a query and how one matches a text (see
 * gma-search.h) */

#define G_LOG_DOMAIN "gma-search"

#include "config.h"

#include <string.h>

#include "gma-search-private.h"

/* ------------------------------------------------------------------ */
/* Words of a query                                                    */
/* ------------------------------------------------------------------ */

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static Word *
word_new (char *norm)
{
  Word *w = g_new0 (Word, 1);
  guint n = 0;

  w->norm = norm;
  w->len = strlen (norm);
  w->chars = _gma_search_utf8_decode (norm, w->len, NULL, &w->n_chars);
  w->tier = TIER_NONE;

  w->bigrams = g_new (guint64, MAX (w->n_chars, 1));
  for (guint i = 0; i + 1 < w->n_chars; i++)
    w->bigrams[n++] = _gma_search_bigram_key (w->chars[i], w->chars[i + 1]);
  if (n > 0)
    {
      qsort (w->bigrams, n, sizeof (guint64), compare_u64);
      guint k = 1;
      for (guint i = 1; i < n; i++)
        if (w->bigrams[i] != w->bigrams[k - 1])
          w->bigrams[k++] = w->bigrams[i];
      n = k;
    }
  w->n_bigrams = n;

  if (w->n_chars >= MIN_FUZZY_CHARS && w->n_chars <= MAX_EDIT_CHARS)
    {
      Matcher *mt = w->matcher = g_new0 (Matcher, 1);

      for (guint i = 0; i < w->n_chars; i++)
        {
          gunichar c = w->chars[i];
          guint j;

          for (j = 0; j < mt->n_distinct; j++)
            if (mt->chars[j] == c)
              break;
          if (j == mt->n_distinct)
            {
              mt->chars[j] = c;
              mt->n_distinct++;
              mt->bloom[(c & 0xFF) >> 3] |= 1 << (c & 7);
            }
          mt->masks[j] |= G_GUINT64_CONSTANT (1) << i;
        }
    }

  return w;
}

static void
word_free (gpointer data)
{
  Word *w = data;

  g_free (w->norm);
  g_free (w->chars);
  g_free (w->bigrams);
  g_free (w->matcher);
  g_free (w);
}

static void
query_free (Query *q)
{
  g_ptr_array_unref (q->words);
  if (q->joined)
    word_free (q->joined);
}

Query *
_gma_search_query_new (const char *text)
{
  Query *q = g_rc_box_new0 (Query);
  g_auto (GStrv) words = gma_search_query_words (text);

  q->words = g_ptr_array_new_with_free_func (word_free);
  for (guint i = 0; words[i]; i++)
    {
      Word *w = word_new (g_strdup (words[i]));

      q->total_chars += w->n_chars;
      g_ptr_array_add (q->words, w);
    }
  if (q->words->len > 1)
    q->joined = word_new (g_strjoinv ("", words));

  return q;
}

Query *
_gma_search_query_ref (Query *q)
{
  return g_rc_box_acquire (q);
}

void
_gma_search_query_unref (Query *q)
{
  g_rc_box_release_full (q, (GDestroyNotify) query_free);
}

/* ------------------------------------------------------------------ */
/* Approximate matching                                                */
/* ------------------------------------------------------------------ */

static inline guint64
matcher_mask (const Matcher *mt,
              gunichar       c)
{
  if (!(mt->bloom[(c & 0xFF) >> 3] & (1 << (c & 7))))
    return 0;
  for (guint i = 0; i < mt->n_distinct; i++)
    if (mt->chars[i] == c)
      return mt->masks[i];
  return 0;
}

/* One step of the automaton: r0 = exact prefixes, r1 = prefixes within
 * one substitution, insertion or deletion, ending at the current text
 * character. */
static inline void
matcher_step (const Matcher *mt,
              gunichar       c,
              guint64       *r0,
              guint64       *r1)
{
  guint64 b = matcher_mask (mt, c);
  guint64 old0 = *r0;

  *r0 = ((old0 << 1) | 1) & b;
  *r1 = (((*r1 << 1) | 1) & b)   /* match */
        | (old0 << 1) | 1        /* substitution */
        | old0                   /* extra character in the text */
        | (*r0 << 1);            /* character of the word missing */
}

gboolean
_gma_search_approx_found (const Word *w,
                          const char *text,
                          gsize       len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  guint64 r0 = 0, r1 = 0;
  guint64 accept = G_GUINT64_CONSTANT (1) << (w->n_chars - 1);

  while (p < end)
    {
      gunichar c = _gma_search_utf8_next (&p);

      if (c == KEYWORD_SEP)
        {
          r0 = r1 = 0;
          continue;
        }
      matcher_step (w->matcher, c, &r0, &r1);
      if (r1 & accept)
        return TRUE;
    }
  return FALSE;
}

/* Is the edit distance between @a and @b at most one? */
static gboolean
within_one_edit (const gunichar *a,
                 guint           na,
                 const gunichar *b,
                 guint           nb)
{
  guint i = 0;

  if (na == nb)
    {
      guint diff = 0;

      for (i = 0; i < na; i++)
        if (a[i] != b[i] && ++diff > 1)
          return FALSE;
      return TRUE;
    }
  if (na + 1 == nb)
    return within_one_edit (b, nb, a, na);
  if (nb + 1 != na)
    return FALSE;

  /* a is one longer than b */
  while (i < nb && a[i] == b[i])
    i++;
  for (; i < nb; i++)
    if (a[i + 1] != b[i])
      return FALSE;
  return TRUE;
}

void
_gma_search_approx_ranges (const Word     *w,
                           const gunichar *chars,
                           guint           n,
                           GArray         *char_ranges)
{
  guint64 r0 = 0, r1 = 0;
  guint64 accept = G_GUINT64_CONSTANT (1) << (w->n_chars - 1);

  for (guint j = 0; j < n; j++)
    {
      if (chars[j] == KEYWORD_SEP)
        {
          r0 = r1 = 0;
          continue;
        }
      matcher_step (w->matcher, chars[j], &r0, &r1);
      if (r1 & accept)
        {
          const guint lengths[] = { w->n_chars, w->n_chars - 1, w->n_chars + 1 };

          for (guint k = 0; k < G_N_ELEMENTS (lengths); k++)
            {
              guint l = lengths[k];

              if (l <= j + 1
                  && within_one_edit (w->chars, w->n_chars, chars + j + 1 - l, l))
                {
                  GmaSearchRange r = { j + 1 - l, j + 1 };

                  g_array_append_val (char_ranges, r);
                  break;
                }
            }
        }
    }
}

double
_gma_search_bigram_window_similarity (const Word     *w,
                                      const gunichar *chars,
                                      guint           n,
                                      guint          *best_start)
{
  g_autofree int *ids = NULL;
  g_autofree guint *counts = NULL;
  guint window = w->n_chars;   /* bigram positions in a window of n_chars + 1 */
  guint distinct = 0, best = 0;

  if (n < 2 || w->n_bigrams == 0)
    return 0.0;

  ids = g_new (int, n - 1);
  counts = g_new0 (guint, w->n_bigrams);
  for (guint i = 0; i + 1 < n; i++)
    ids[i] = _gma_search_word_bigram_index (w, _gma_search_bigram_key (chars[i], chars[i + 1]));

  if (best_start)
    *best_start = 0;
  for (guint i = 0; i + 1 < n; i++)
    {
      if (ids[i] >= 0 && counts[ids[i]]++ == 0)
        distinct++;
      if (i >= window)
        {
          int out = ids[i - window];

          if (out >= 0 && --counts[out] == 0)
            distinct--;
        }
      if (distinct > best)
        {
          best = distinct;
          if (best_start)
            *best_start = i + 1 > window ? i + 1 - window : 0;
        }
    }

  return (double) best / w->n_bigrams;
}
