/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search-hits.c: the hits of a query and what to highlight in them (see
 * gma-search.h) */

#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "gma-search"

#include "config.h"

#include <string.h>

#include "gma-search-private.h"

/* ------------------------------------------------------------------ */
/* Hits                                                                */
/* ------------------------------------------------------------------ */

GmaSearchHit *
gma_search_hit_ref (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
gma_search_hit_unref (GmaSearchHit *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      if (self->ranges != NULL)
        {
          for (guint f = 0; f < N_FIELDS; f++)
            g_clear_pointer (&self->ranges->ranges[f], g_array_unref);
          g_free (self->ranges);
        }
      _gma_search_query_unref (self->query);
      gma_search_index_unref (self->index);
      g_free (self);
    }
}

static inline const Entry *
hit_entry (GmaSearchHit *self)
{
  return &g_array_index (self->index->entries, Entry, self->entry);
}

const char *
gma_search_hit_get_id (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return hit_entry (self)->id;
}

GmaSearchKind
gma_search_hit_get_kind (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, GMA_SEARCH_KIND_OTHER);

  return hit_entry (self)->kind;
}

const char *
gma_search_hit_get_title (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return hit_entry (self)->title;
}

const char *
gma_search_hit_get_body (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return hit_entry (self)->body;
}

double
gma_search_hit_get_score (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->score;
}

GmaSearchField
gma_search_hit_get_field (GmaSearchHit *self)
{
  g_return_val_if_fail (self != NULL, GMA_SEARCH_FIELD_TITLE);

  return self->field;
}

static int
compare_range (gconstpointer a,
               gconstpointer b)
{
  const GmaSearchRange *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Sorts @ranges and merges those that overlap or touch. */
static void
merge_ranges (GArray *ranges)
{
  guint k = 0;

  if (ranges->len == 0)
    return;
  g_array_sort (ranges, compare_range);
  for (guint i = 1; i < ranges->len; i++)
    {
      GmaSearchRange *last = &g_array_index (ranges, GmaSearchRange, k);
      const GmaSearchRange *r = &g_array_index (ranges, GmaSearchRange, i);

      if (r->start <= last->end)
        last->end = MAX (last->end, r->end);
      else
        g_array_index (ranges, GmaSearchRange, ++k) = *r;
    }
  g_array_set_size (ranges, k + 1);
}

/* Ranges, in normalised bytes, where @w matches @norm with its tier. */
static void
word_ranges (const Word     *w,
             GmaSearchField  field,
             const char     *norm,
             gsize           len,
             GArray         *out)
{
  g_autofree gunichar *chars = NULL;
  g_autofree gsize *offs = NULL;
  g_autoptr(GArray) char_ranges = NULL;
  guint n;

  if (w->tier == TIER_EXACT)
    {
      const char *p = norm, *end = norm + len;
      gboolean found = FALSE;

      while (p < end)
        {
          const char *hit = memmem (p, end - p, w->norm, w->len);
          GmaSearchRange r;

          if (hit == NULL)
            break;
          r.start = hit - norm;
          r.end = r.start + w->len;
          g_array_append_val (out, r);
          p = hit + w->len;
          found = TRUE;
        }
      /* titles are also matched within one edit */
      if (found || field != GMA_SEARCH_FIELD_TITLE || w->matcher == NULL
          || w->n_bigrams < 3)
        return;
    }
  else if (w->tier != TIER_EDIT && w->tier != TIER_BIGRAM)
    return;

  chars = _gma_search_utf8_decode (norm, len, &offs, &n);
  char_ranges = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));

  if (w->tier == TIER_EDIT || w->tier == TIER_EXACT)
    _gma_search_approx_ranges (w, chars, n, char_ranges);
  else
    {
      guint start;
      double sim = _gma_search_bigram_window_similarity (w, chars, n, &start);

      if (sim >= GMA_SEARCH_BIGRAM_THRESHOLD - 1e-9)
        {
          for (guint i = start; i + 1 < n && i < start + w->n_chars; i++)
            if (_gma_search_word_bigram_index (w, _gma_search_bigram_key (chars[i], chars[i + 1])) >= 0)
              {
                GmaSearchRange r = { i, i + 2 };

                g_array_append_val (char_ranges, r);
              }
        }
    }

  for (guint i = 0; i < char_ranges->len; i++)
    {
      const GmaSearchRange *cr = &g_array_index (char_ranges, GmaSearchRange, i);
      GmaSearchRange r = { offs[cr->start], offs[cr->end] };

      g_array_append_val (out, r);
    }
}

const GmaSearchRange *
gma_search_hit_get_ranges (GmaSearchHit   *self,
                           GmaSearchField  field,
                           guint          *n_ranges)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ranges != NULL, NULL);

  *n_ranges = 0;
  if (field != GMA_SEARCH_FIELD_TITLE && field != GMA_SEARCH_FIELD_BODY)
    return NULL;

  if (self->ranges == NULL)
    self->ranges = g_new0 (HitRanges, 1);

  if (self->ranges->ranges[field] == NULL)
    {
      const Entry *e = hit_entry (self);
      const char *text = field == GMA_SEARCH_FIELD_TITLE ? e->title : e->body;
      g_autoptr(GArray) offsets = NULL;
      g_autofree char *norm = gma_search_normalize (text, -1, &offsets);
      gsize len = strlen (norm);
      GArray *norm_ranges = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));
      GArray *ranges = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));

      if (self->joined)
        word_ranges (self->query->joined, field, norm, len, norm_ranges);
      else
        for (guint i = 0; i < self->query->words->len; i++)
          word_ranges (g_ptr_array_index (self->query->words, i), field, norm, len, norm_ranges);
      merge_ranges (norm_ranges);

      for (guint i = 0; i < norm_ranges->len; i++)
        {
          const GmaSearchRange *nr = &g_array_index (norm_ranges, GmaSearchRange, i);
          GmaSearchRange r;

          if (nr->end <= nr->start || nr->end > len)
            continue;
          r.start = g_array_index (offsets, GmaSearchRange, nr->start).start;
          r.end = g_array_index (offsets, GmaSearchRange, nr->end - 1).end;
          g_array_append_val (ranges, r);
        }
      merge_ranges (ranges);
      g_array_unref (norm_ranges);

      self->ranges->ranges[field] = ranges;
    }

  *n_ranges = self->ranges->ranges[field]->len;
  if (*n_ranges == 0)
    return NULL;
  return (const GmaSearchRange *) (gpointer) self->ranges->ranges[field]->data;
}
