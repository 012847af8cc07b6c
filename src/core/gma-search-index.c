/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search-index.c: the index, matching a query against it, and ranking (see
 * gma-search.h) */

#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "gma-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gma-html.h"
#include "gma-search-private.h"

static const double field_weight[N_FIELDS] = { 1.0, 0.6, 0.3 };
#define QUALITY_EXACT    1.0
#define QUALITY_EDIT     0.7
#define QUALITY_BIGRAM   0.5

/* Finds @needle in @hay. glibc's memmem() is fast on long texts but
 * costs a table set-up per call; titles and keywords are short, and are
 * searched once per candidate entry, so for them a plain scan for the
 * needle's last byte (the most varied byte of a UTF-8 kana or kanji)
 * is faster. */
#define SHORT_HAYSTACK 256

static inline const char *
find (const char *hay,
      gsize       hay_len,
      const char *needle,
      gsize       len)
{
  const char *p, *end;
  char last;

  if (len == 0 || len > hay_len)
    return len == 0 ? hay : NULL;
  if (hay_len > SHORT_HAYSTACK)
    return memmem (hay, hay_len, needle, len);

  last = needle[len - 1];
  end = hay + hay_len;
  for (p = hay + len - 1; p < end; p++)
    {
      p = memchr (p, last, end - p);
      if (p == NULL)
        return NULL;
      if (memcmp (p - (len - 1), needle, len - 1) == 0)
        return p - (len - 1);
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (GmaSearchIndex, gma_search_index,
                     gma_search_index_ref, gma_search_index_unref)
G_DEFINE_BOXED_TYPE (GmaSearchHit, gma_search_hit,
                     gma_search_hit_ref, gma_search_hit_unref)

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->id);
  g_free (e->title);
  g_free (e->body);
  g_strfreev (e->keywords);
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (e->norm[f]);
}

static void
postings_clear (gpointer data)
{
  Postings *p = data;

  g_free (p->data);
}

GmaSearchIndex *
gma_search_index_new (void)
{
  GmaSearchIndex *self = g_new0 (GmaSearchIndex, 1);

  g_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->postings = g_array_new (FALSE, TRUE, sizeof (Postings));
  g_array_set_clear_func (self->postings, postings_clear);
  self->table_bits = 10;
  self->keys = g_new0 (guint64, 1u << self->table_bits);
  self->slots = g_new0 (guint32, 1u << self->table_bits);

  return self;
}

GmaSearchIndex *
gma_search_index_ref (GmaSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
gma_search_index_unref (GmaSearchIndex *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->entries);
      g_array_unref (self->postings);
      g_free (self->total);
      g_free (self->word_score);
      g_free (self->joined_score);
      g_free (self->n_words);
      g_free (self->best_field);
      g_free (self->word_field);
      g_free (self->joined_field);
      g_free (self->counts);
      g_free (self->ranked);
      g_free (self->keys);
      g_free (self->slots);
      g_free (self);
    }
}

guint
gma_search_index_get_n_entries (GmaSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

static inline gsize
table_hash (guint64 key,
            guint   bits)
{
  return (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));
}

static Postings *
table_lookup (GmaSearchIndex *self,
              guint64         key)
{
  gsize mask = (1u << self->table_bits) - 1;

  for (gsize i = table_hash (key, self->table_bits); ; i = (i + 1) & mask)
    {
      if (self->keys[i] == key)
        return &g_array_index (self->postings, Postings, self->slots[i]);
      if (self->keys[i] == 0)
        return NULL;
    }
}

static void
table_grow (GmaSearchIndex *self)
{
  guint old_size = 1u << self->table_bits;
  guint64 *old_keys = self->keys;
  guint32 *old_slots = self->slots;
  gsize mask;

  self->table_bits++;
  mask = (1u << self->table_bits) - 1;
  self->keys = g_new0 (guint64, 1u << self->table_bits);
  self->slots = g_new0 (guint32, 1u << self->table_bits);

  for (guint i = 0; i < old_size; i++)
    if (old_keys[i] != 0)
      {
        gsize j = table_hash (old_keys[i], self->table_bits);

        while (self->keys[j] != 0)
          j = (j + 1) & mask;
        self->keys[j] = old_keys[i];
        self->slots[j] = old_slots[i];
      }

  g_free (old_keys);
  g_free (old_slots);
}

static void
table_add (GmaSearchIndex *self,
           guint64         key,
           guint32         value)
{
  gsize mask = (1u << self->table_bits) - 1;
  gsize i;
  Postings *p;

  for (i = table_hash (key, self->table_bits); ; i = (i + 1) & mask)
    if (self->keys[i] == key || self->keys[i] == 0)
      break;

  if (self->keys[i] == 0)
    {
      Postings empty = { NULL, 0, 0 };

      if ((self->n_keys + 1) * 2 > (1u << self->table_bits))
        {
          table_grow (self);
          table_add (self, key, value);
          return;
        }
      self->keys[i] = key;
      self->slots[i] = self->postings->len;
      self->n_keys++;
      g_array_append_val (self->postings, empty);
    }

  p = &g_array_index (self->postings, Postings, self->slots[i]);
  if (p->len > 0 && p->data[p->len - 1] == value)
    return;
  if (p->len == p->cap)
    {
      p->cap = p->cap ? p->cap * 2 : 4;
      p->data = g_renew (guint32, p->data, p->cap);
    }
  p->data[p->len++] = value;
}

static void
index_field (GmaSearchIndex *self,
             guint32         value,
             const char     *norm,
             gsize           len)
{
  const guchar *p = (const guchar *) norm;
  const guchar *end = p + len;
  gunichar prev = 0;

  while (p < end)
    {
      gunichar c = _gma_search_utf8_next (&p);

      if (c == KEYWORD_SEP)
        prev = 0;
      else
        {
          if (prev != 0)
            table_add (self, _gma_search_bigram_key (prev, c), value);
          prev = c;
        }
    }
}

static void
index_add (GmaSearchIndex     *self,
           GmaSearchKind       kind,
           const char         *id,
           const char         *title,
           const char * const *keywords,
           const char         *body)
{
  Entry e = { 0 };
  GString *kw = g_string_new (NULL);
  guint n;

  e.kind = kind;
  e.id = g_strdup (id);
  e.title = g_strdup (title ? title : "");
  e.body = g_strdup (body ? body : "");
  e.keywords = g_strdupv ((char **) keywords);
  if (e.keywords == NULL)
    e.keywords = g_new0 (char *, 1);

  e.norm[GMA_SEARCH_FIELD_TITLE] = gma_search_normalize (e.title, -1, NULL);
  for (guint i = 0; e.keywords[i]; i++)
    {
      g_autofree char *k = gma_search_normalize (e.keywords[i], -1, NULL);

      if (*k == '\0')
        continue;
      if (kw->len > 0)
        g_string_append_c (kw, KEYWORD_SEP);
      g_string_append (kw, k);
    }
  e.norm[GMA_SEARCH_FIELD_KEYWORDS] = g_string_free (kw, FALSE);
  e.norm[GMA_SEARCH_FIELD_BODY] = gma_search_normalize (e.body, -1, NULL);

  n = self->entries->len;
  for (guint f = 0; f < N_FIELDS; f++)
    {
      e.norm_len[f] = strlen (e.norm[f]);
      index_field (self, (n << 2) | f, e.norm[f], e.norm_len[f]);
    }

  g_array_append_val (self->entries, e);
}

void
gma_search_index_add (GmaSearchIndex     *self,
                      const char         *id,
                      const char         *title,
                      const char * const *keywords,
                      const char         *body)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  index_add (self, GMA_SEARCH_KIND_OTHER, id, title, keywords, body);
}

void
gma_search_index_add_faq_entry (GmaSearchIndex *self,
                                GmaFaqEntry    *entry)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GMA_IS_FAQ_ENTRY (entry));

  index_add (self, GMA_SEARCH_KIND_FAQ,
             gma_faq_entry_get_id (entry),
             gma_faq_entry_get_question (entry),
             gma_faq_entry_get_keywords (entry),
             gma_faq_entry_get_answer (entry));
}

void
gma_search_index_add_faq (GmaSearchIndex *self,
                          GmaFaq         *faq)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GMA_IS_FAQ (faq));

  n = g_list_model_get_n_items (G_LIST_MODEL (faq));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), i);

      gma_search_index_add_faq_entry (self, entry);
    }
}

void
gma_search_index_add_node (GmaSearchIndex *self,
                           const GmaNode  *node,
                           const char     *page_html)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *reference;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  reference = gma_node_get_reference (node);
  if (reference != NULL && *reference != '\0')
    title = g_strconcat (reference, " ", gma_node_get_title (node), NULL);
  else
    title = g_strdup (gma_node_get_title (node));
  body = page_html != NULL ? gma_html_to_text (page_html, -1, NULL) : g_strdup ("");

  index_add (self, GMA_SEARCH_KIND_PAGE, gma_node_get_id (node), title,
             gma_node_get_keywords (node), body);
}

static void
add_node_with_page (GmaSearchIndex *self,
                    GmaContent     *content,
                    const GmaNode  *node)
{
  g_autofree char *page = gma_content_get_page_path (content, node);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *html = NULL;

  if (page != NULL)
    {
      g_autoptr(GError) error = NULL;

      bytes = gma_content_load_file (content, page, NULL, &error);
      if (bytes == NULL)
        g_warning ("Cannot index page %s: %s", page, error->message);
      else
        html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  gma_search_index_add_node (self, node, html);
}

GmaSearchIndex *
gma_search_index_new_for_content (GmaContent *content)
{
  GmaSearchIndex *self;
  GmaFlow *flow;
  const GmaNode *start;
  guint n;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);

  self = gma_search_index_new ();
  flow = gma_content_get_flow (content);

  start = gma_flow_get_start (flow);
  if (start != NULL)
    add_node_with_page (self, content, start);

  n = gma_flow_get_n_nodes (flow);
  for (guint i = 0; i < n; i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);

      if (node != start && gma_node_get_kind (node) == GMA_NODE_RESULT)
        add_node_with_page (self, content, node);
    }

  gma_search_index_add_faq (self, gma_content_get_faq (content));

  return self;
}

/* ------------------------------------------------------------------ */
/* Matching one word against every entry                               */
/* ------------------------------------------------------------------ */

/* First index >= @from of a value >= @v in sorted @a (galloping). */
static inline guint32
gallop (const guint32 *a,
        guint32        len,
        guint32        from,
        guint32        v)
{
  guint32 lo = from, hi = from, step = 1;

  while (hi < len && a[hi] < v)
    {
      lo = hi + 1;
      hi += step;
      step <<= 1;
    }
  if (hi > len)
    hi = len;
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;

      if (a[mid] < v)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_postings_len (gconstpointer a,
                      gconstpointer b)
{
  const Postings *x = *(const Postings **) a, *y = *(const Postings **) b;

  return x->len < y->len ? -1 : x->len > y->len;
}

/* Per entry: score (0: no match) and field of the word's best match. */
typedef struct {
  double *score;
  guint8 *field;
  guint   n_matched;
} WordResult;

static inline void
result_set (WordResult *r,
            guint       entry,
            guint       field,
            double      score)
{
  if (r->score[entry] == 0.0)
    r->n_matched++;
  if (score > r->score[entry])
    {
      r->score[entry] = score;
      r->field[entry] = field;
    }
}

/* How many times @w occurs in the short fields (title and keywords) of
 * @e, at most MAX_OCCURRENCES: a word an entry repeats in its title and
 * keywords is what the entry is about (定期報告 in faq-4-2's keywords
 * ていきほうこく, ていきほうこくぼたん, ていきほうこくきかん). The body is not
 * counted: it is long and says many things. */
#define MAX_OCCURRENCES  5
#define OCCURRENCE_BONUS 0.01

static guint
count_short_occurrences (const Entry *e,
                         const Word  *w,
                         guint        first_field)
{
  guint n = 0;

  /* the fields before @first_field, where the word was found first, do
   * not have it */
  for (guint f = first_field; f <= GMA_SEARCH_FIELD_KEYWORDS; f++)
    {
      const char *p = e->norm[f], *end = p + e->norm_len[f];

      while (n < MAX_OCCURRENCES && (p = find (p, end - p, w->norm, w->len)) != NULL)
        {
          n++;
          p += w->len;
        }
    }
  return n;
}

static inline double
exact_score (const Entry *e,
             const Word  *w,
             guint        field)
{
  return field_weight[field] * QUALITY_EXACT
         + OCCURRENCE_BONUS * count_short_occurrences (e, w, field);
}

static void
match_exact (GmaSearchIndex *self,
             const Word     *w,
             WordResult     *r)
{
  Entry *entries = (Entry *) (gpointer) self->entries->data;
  g_autofree const Postings **lists = NULL;
  g_autofree guint32 *cursors = NULL;
  guint d = w->n_bigrams;

  if (d == 0)
    {
      /* one character: no bigram to look up */
      for (guint e = 0; e < self->entries->len; e++)
        for (guint f = 0; f < N_FIELDS; f++)
          if (find (entries[e].norm[f], entries[e].norm_len[f], w->norm, w->len))
            {
              result_set (r, e, f, exact_score (&entries[e], w, f));
              break;
            }
      return;
    }

  lists = g_new (const Postings *, d);
  cursors = g_new0 (guint32, d);
  for (guint k = 0; k < d; k++)
    {
      lists[k] = table_lookup (self, w->bigrams[k]);
      if (lists[k] == NULL)
        return;
    }
  qsort (lists, d, sizeof (Postings *), compare_postings_len);

  for (guint32 i = 0; i < lists[0]->len; i++)
    {
      guint32 v = lists[0]->data[i];
      guint e = v >> 2, f = v & 3;
      gboolean all = TRUE;

      if (r->score[e] > 0.0)
        continue;   /* already found in a better field of this entry */

      for (guint k = 1; k < d; k++)
        {
          cursors[k] = gallop (lists[k]->data, lists[k]->len, cursors[k], v);
          if (cursors[k] == lists[k]->len)
            return;
          if (lists[k]->data[cursors[k]] != v)
            {
              all = FALSE;
              break;
            }
        }
      if (!all)
        continue;

      /* a two-character word is its own bigram: no need to verify */
      if (w->n_chars == 2
          || find (entries[e].norm[f], entries[e].norm_len[f], w->norm, w->len))
        result_set (r, e, f, exact_score (&entries[e], w, f));
    }
}

/* Counts, for every (entry, field), how many of @w's distinct bigrams it
 * holds. */
static guint8 *
count_bigrams (GmaSearchIndex *self,
               const Word     *w)
{
  guint8 *counts = self->counts;

  memset (counts, 0, (gsize) self->entries->len * 4);

  for (guint k = 0; k < w->n_bigrams; k++)
    {
      const Postings *p = table_lookup (self, w->bigrams[k]);

      if (p == NULL)
        continue;
      for (guint32 i = 0; i < p->len; i++)
        if (counts[p->data[i]] < G_MAXUINT8)
          counts[p->data[i]]++;
    }
  return counts;
}

/* One edit, in the fields up to @last_field, where it would improve the
 * entry's score. A field within one edit holds at least d - 2 of the
 * word's d distinct bigrams (an edit breaks at most two), so only those
 * fields are scanned. */
static void
match_edit (GmaSearchIndex *self,
            const Word     *w,
            const guint8   *counts,
            guint           last_field,
            WordResult     *r)
{
  Entry *entries = (Entry *) (gpointer) self->entries->data;
  guint need = w->n_bigrams > 3 ? MIN (w->n_bigrams - 2, G_MAXUINT8) : 1;
  gsize n = (gsize) self->entries->len * 4;

  for (gsize v = 0; v < n; v++)
    {
      guint e = v >> 2, f = v & 3;

      if (f > last_field || counts[v] < need
          || r->score[e] >= field_weight[f] * QUALITY_EDIT)
        continue;
      if (_gma_search_approx_found (w, entries[e].norm[f], entries[e].norm_len[f]))
        result_set (r, e, f, field_weight[f] * QUALITY_EDIT);
    }
}

static void
match_bigram (GmaSearchIndex *self,
              const Word     *w,
              const guint8   *counts,
              WordResult     *r)
{
  Entry *entries = (Entry *) (gpointer) self->entries->data;
  guint need = (guint) ceil (GMA_SEARCH_BIGRAM_THRESHOLD * w->n_bigrams - 1e-9);
  gsize n = (gsize) self->entries->len * 4;

  need = CLAMP (need, 1, G_MAXUINT8);
  for (gsize v = 0; v < n; v++)
    {
      guint e = v >> 2, f = v & 3;
      g_autofree gunichar *chars = NULL;
      guint n_chars;
      double sim;

      if (counts[v] < need)
        continue;
      chars = _gma_search_utf8_decode (entries[e].norm[f], entries[e].norm_len[f], NULL, &n_chars);
      sim = _gma_search_bigram_window_similarity (w, chars, n_chars, NULL);
      if (sim >= GMA_SEARCH_BIGRAM_THRESHOLD - 1e-9)
        result_set (r, e, f, field_weight[f] * QUALITY_BIGRAM * sim);
    }
}

/* Finds @w in every entry, in tiers (see the header); records the tier
 * used in @w. */
static void
match_word (GmaSearchIndex *self,
            Word           *w,
            Tier            last_tier,
            WordResult     *r)
{
  guint8 *counts = NULL;

  memset (r->score, 0, sizeof (double) * self->entries->len);
  r->n_matched = 0;

  match_exact (self, w, r);
  if (r->n_matched > 0)
    {
      /* found somewhere: a near miss still counts in a title, which
       * beats an exact hit in a body (既存アカウント: the title
       * 「既存のアカウント…」 above bodies that say 既存アカウント) */
      w->tier = TIER_EXACT;
      if (w->matcher != NULL && w->n_bigrams >= 3)
        {
          counts = count_bigrams (self, w);
          match_edit (self, w, counts, GMA_SEARCH_FIELD_TITLE, r);
        }
      return;
    }

  if (w->n_chars < MIN_FUZZY_CHARS || w->n_bigrams < 3)
    return;

  counts = count_bigrams (self, w);

  if (w->matcher != NULL)
    {
      match_edit (self, w, counts, GMA_SEARCH_FIELD_BODY, r);
      if (r->n_matched > 0)
        {
          w->tier = TIER_EDIT;
          return;
        }
    }

  if (last_tier < TIER_BIGRAM)
    return;
  match_bigram (self, w, counts, r);
  if (r->n_matched > 0)
    w->tier = TIER_BIGRAM;
}

/* ------------------------------------------------------------------ */
/* Query                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
  double   score;
  guint    entry;
  guint8   field;
  gboolean joined;
} Ranked;

static inline int
compare_ranked (const Ranked *x,
                const Ranked *y)
{
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Sorts @a (best first) with @tmp as work space: a bottom-up merge sort,
 * so that a query with thousands of hits neither allocates nor calls
 * qsort()'s comparator through a pointer. */
static void
sort_ranked (Ranked *a,
             Ranked *tmp,
             guint   n)
{
  Ranked *src = a, *dst = tmp;

  for (guint width = 1; width < n; width *= 2)
    {
      for (guint lo = 0; lo < n; lo += 2 * width)
        {
          guint mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          guint i = lo, j = mid, k = lo;

          while (i < mid && j < hi)
            dst[k++] = compare_ranked (&src[j], &src[i]) < 0 ? src[j++] : src[i++];
          while (i < mid)
            dst[k++] = src[i++];
          while (j < hi)
            dst[k++] = src[j++];
        }
      Ranked *t = src;
      src = dst;
      dst = t;
    }
  if (src != a)
    memcpy (a, src, sizeof (Ranked) * n);
}

static void
ensure_scratch (GmaSearchIndex *self)
{
  guint n = self->entries->len;

  if (self->scratch_size >= n)
    return;
  n = MAX (n, self->scratch_size * 2);
  self->total = g_renew (double, self->total, n);
  self->word_score = g_renew (double, self->word_score, n);
  self->joined_score = g_renew (double, self->joined_score, n);
  self->n_words = g_renew (guint16, self->n_words, n);
  self->best_field = g_renew (guint8, self->best_field, n);
  self->word_field = g_renew (guint8, self->word_field, n);
  self->joined_field = g_renew (guint8, self->joined_field, n);
  self->counts = g_renew (guint8, self->counts, (gsize) n * 4);
  self->ranked = g_renew (Ranked, self->ranked, (gsize) n * 2);
  self->scratch_size = n;
}

GPtrArray *
gma_search_index_query (GmaSearchIndex *self,
                        const char     *text)
{
  GPtrArray *hits;
  Query *q;
  Ranked *ranked;
  guint n, n_ranked = 0;
  gboolean words_possible = TRUE;

  g_return_val_if_fail (self != NULL,
                        g_ptr_array_new_with_free_func ((GDestroyNotify) gma_search_hit_unref));

  q = _gma_search_query_new (text);
  n = self->entries->len;
  if (q->words->len == 0 || n == 0)
    {
      _gma_search_query_unref (q);
      return g_ptr_array_new_with_free_func ((GDestroyNotify) gma_search_hit_unref);
    }

  ensure_scratch (self);
  memset (self->total, 0, sizeof (double) * n);
  memset (self->n_words, 0, sizeof (guint16) * n);
  memset (self->best_field, N_FIELDS, n);

  for (guint i = 0; i < q->words->len && words_possible; i++)
    {
      Word *w = g_ptr_array_index (q->words, i);
      WordResult r = { self->word_score, self->word_field, 0 };

      match_word (self, w, TIER_BIGRAM, &r);
      if (r.n_matched == 0)
        words_possible = FALSE;

      for (guint e = 0; e < n && words_possible; e++)
        if (self->word_score[e] > 0.0)
          {
            self->total[e] += self->word_score[e] * w->n_chars;
            self->n_words[e]++;
            self->best_field[e] = MIN (self->best_field[e], self->word_field[e]);
          }
    }

  if (q->joined != NULL)
    {
      WordResult r = { self->joined_score, self->joined_field, 0 };

      /* the whole query as one word: only exact or one edit, or a good
       * word next to a word found nowhere would still find something */
      match_word (self, q->joined, TIER_EDIT, &r);
    }

  ranked = self->ranked;
  for (guint e = 0; e < n; e++)
    {
      Ranked rk = { 0.0, e, 0, FALSE };

      if (words_possible && self->n_words[e] == q->words->len)
        {
          rk.score = 100.0 * self->total[e] / q->total_chars;
          rk.field = self->best_field[e];
        }
      if (q->joined != NULL && 100.0 * self->joined_score[e] > rk.score)
        {
          rk.score = 100.0 * self->joined_score[e];
          rk.field = self->joined_field[e];
          rk.joined = TRUE;
        }
      if (rk.score > 0.0)
        ranked[n_ranked++] = rk;
    }
  sort_ranked (ranked, ranked + n, n_ranked);

  hits = g_ptr_array_new_full (n_ranked, (GDestroyNotify) gma_search_hit_unref);
  for (guint i = 0; i < n_ranked; i++)
    {
      const Ranked *rk = &ranked[i];
      GmaSearchHit *hit = g_new0 (GmaSearchHit, 1);

      g_ref_count_init (&hit->ref_count);
      hit->index = gma_search_index_ref (self);
      hit->entry = rk->entry;
      hit->score = rk->score;
      hit->field = rk->field;
      hit->joined = rk->joined;
      hit->query = _gma_search_query_ref (q);
      g_ptr_array_add (hits, hit);
    }

  _gma_search_query_unref (q);
  return hits;
}
