/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search.c: normalisation, bigram index and ranking (see gma-search.h). */

#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "gma-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gma-html.h"
#include "gma-search.h"

#define N_FIELDS         3
#define MIN_FUZZY_CHARS  4
#define MAX_EDIT_CHARS   64
#define KEYWORD_SEP      '\n'   /* never left in normalised text */

static const double field_weight[N_FIELDS] = { 1.0, 0.6, 0.3 };
#define QUALITY_EXACT    1.0
#define QUALITY_EDIT     0.7
#define QUALITY_BIGRAM   0.5

/* ------------------------------------------------------------------ */
/* UTF-8 and Unicode helpers                                           */
/* ------------------------------------------------------------------ */

/* Decodes one character of text known to be valid UTF-8 (we produced it). */
static inline gunichar
utf8_next (const guchar **p)
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

/* Decodes valid UTF-8 into characters and the byte offset of each (plus
 * one past the end). */
static gunichar *
utf8_decode (const char *text,
             gsize       len,
             gsize     **byte_offsets,
             guint      *n_chars)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  gunichar *chars = g_new (gunichar, len + 1);
  gsize *offs = byte_offsets ? g_new (gsize, len + 1) : NULL;
  guint n = 0;

  while (p < end)
    {
      if (offs)
        offs[n] = p - (const guchar *) text;
      chars[n++] = utf8_next (&p);
    }
  if (offs)
    {
      offs[n] = len;
      *byte_offsets = offs;
    }
  *n_chars = n;
  return chars;
}

/* Characters that belong to the cluster of the character before them:
 * combining marks, and the half-width voiced sound marks (which NFKC
 * turns into combining marks and composes: ﾊ + ﾟ → パ). */
static inline gboolean
is_cluster_extender (gunichar c)
{
  return c == 0xFF9E || c == 0xFF9F || (c >= 0x300 && g_unichar_ismark (c));
}

/* After NFKC and case folding: is @c left out of the normalised text? */
static gboolean
is_ignored (gunichar c)
{
  if (c < 0x80)
    return !g_ascii_isalnum (c);

  /* the prolonged sound mark, and voiced sound marks NFKC could not
   * compose with the character before them */
  if (c == 0x30FC || c == 0x3099 || c == 0x309A)
    return TRUE;
  /* the postal mark is a word of its own (〒 for 郵便番号) */
  if (c == 0x3012)
    return FALSE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gunichar
hiragana_to_katakana (gunichar c)
{
  if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)
    return c + 0x60;
  return c;
}

/* Characters NFKC and case folding leave alone (when no mark follows):
 * kanji, hiragana, katakana, 々. */
static inline gboolean
is_stable_cjk (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0x3041 && c <= 0x3096)
         || (c >= 0x30A1 && c <= 0x30FA)
         || c == 0x3005;
}

static inline void
emit (GString *out,
      GArray  *offsets,
      gunichar c,
      gsize    start,
      gsize    end)
{
  gsize before = out->len;

  c = hiragana_to_katakana (c);
  if (is_ignored (c))
    return;

  g_string_append_unichar (out, c);
  if (offsets != NULL)
    {
      GmaSearchRange r = { start, end };

      for (gsize i = before; i < out->len; i++)
        g_array_append_val (offsets, r);
    }
}

char *
gma_search_normalize (const char  *text,
                      gssize       len,
                      GArray     **offsets)
{
  GString *out;
  GArray *offs = NULL;
  const char *p, *end;

  if (text == NULL)
    {
      text = "";
      len = 0;
    }
  if (len < 0)
    len = strlen (text);

  out = g_string_sized_new (len + 1);
  if (offsets != NULL)
    offs = g_array_sized_new (FALSE, FALSE, sizeof (GmaSearchRange), len);

  p = text;
  end = text + len;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *q;
      gsize start, stop;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;          /* invalid or truncated: skip the byte */
          continue;
        }

      q = g_utf8_next_char (p);
      while (q < end)
        {
          gunichar m = g_utf8_get_char_validated (q, end - q);

          if (m == (gunichar) -1 || m == (gunichar) -2 || !is_cluster_extender (m))
            break;
          q = g_utf8_next_char (q);
        }

      start = p - text;
      stop = q - text;

      if (q == g_utf8_next_char (p) && c < 0x80)
        {
          if (g_ascii_isalnum (c))
            emit (out, offs, g_ascii_tolower (c), start, stop);
        }
      else if (q == g_utf8_next_char (p) && is_stable_cjk (c))
        {
          emit (out, offs, c, start, stop);
        }
      else
        {
          g_autofree char *nfkc = g_utf8_normalize (p, q - p, G_NORMALIZE_NFKC);
          g_autofree char *folded = NULL;

          if (nfkc != NULL)
            {
              folded = g_utf8_casefold (nfkc, -1);
              for (const char *f = folded; *f; f = g_utf8_next_char (f))
                emit (out, offs, g_utf8_get_char (f), start, stop);
            }
        }

      p = q;
    }

  if (offsets != NULL)
    *offsets = offs;
  return g_string_free (out, FALSE);
}

char **
gma_search_query_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = query ? query : "";
  const char *start = NULL;

  for (;;)
    {
      gunichar c = *p ? g_utf8_get_char_validated (p, -1) : 0;
      gboolean invalid = (c == (gunichar) -1 || c == (gunichar) -2);
      gboolean boundary = (c == 0 || (!invalid && g_unichar_isspace (c)));

      if (boundary && start != NULL)
        {
          char *word = gma_search_normalize (start, p - start, NULL);

          if (*word)
            g_ptr_array_add (words, word);
          else
            g_free (word);
          start = NULL;
        }
      else if (!boundary && start == NULL)
        start = p;

      if (c == 0)
        break;
      p = invalid ? p + 1 : g_utf8_next_char (p);
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

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
/* Words of a query                                                    */
/* ------------------------------------------------------------------ */

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
bigram_key (gunichar a,
            gunichar b)
{
  return ((guint64) a << 21) | b;
}

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
  w->chars = utf8_decode (norm, w->len, NULL, &w->n_chars);
  w->tier = TIER_NONE;

  w->bigrams = g_new (guint64, MAX (w->n_chars, 1));
  for (guint i = 0; i + 1 < w->n_chars; i++)
    w->bigrams[n++] = bigram_key (w->chars[i], w->chars[i + 1]);
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

static Query *
query_new (const char *text)
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

static Query *
query_ref (Query *q)
{
  return g_rc_box_acquire (q);
}

static void
query_unref (Query *q)
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

/* Is @w within one edit of some substring of @text? */
static gboolean
approx_found (const Word *w,
              const char *text,
              gsize       len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  guint64 r0 = 0, r1 = 0;
  guint64 accept = G_GUINT64_CONSTANT (1) << (w->n_chars - 1);

  while (p < end)
    {
      gunichar c = utf8_next (&p);

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

/* Character ranges [start, end) of @chars within one edit of @w. */
static void
approx_ranges (const Word     *w,
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

static inline int
word_bigram_index (const Word *w,
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

/* The best share of @w's distinct bigrams found in one window of
 * n_chars + 1 characters of @chars; the window's first character in
 * @best_start. */
static double
bigram_window_similarity (const Word     *w,
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
    ids[i] = word_bigram_index (w, bigram_key (chars[i], chars[i + 1]));

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

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

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
      gunichar c = utf8_next (&p);

      if (c == KEYWORD_SEP)
        prev = 0;
      else
        {
          if (prev != 0)
            table_add (self, bigram_key (prev, c), value);
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
      if (approx_found (w, entries[e].norm[f], entries[e].norm_len[f]))
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
      chars = utf8_decode (entries[e].norm[f], entries[e].norm_len[f], NULL, &n_chars);
      sim = bigram_window_similarity (w, chars, n_chars, NULL);
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

  q = query_new (text);
  n = self->entries->len;
  if (q->words->len == 0 || n == 0)
    {
      query_unref (q);
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
      hit->query = query_ref (q);
      g_ptr_array_add (hits, hit);
    }

  query_unref (q);
  return hits;
}

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
      query_unref (self->query);
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

  chars = utf8_decode (norm, len, &offs, &n);
  char_ranges = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));

  if (w->tier == TIER_EDIT || w->tier == TIER_EXACT)
    approx_ranges (w, chars, n, char_ranges);
  else
    {
      guint start;
      double sim = bigram_window_similarity (w, chars, n, &start);

      if (sim >= GMA_SEARCH_BIGRAM_THRESHOLD - 1e-9)
        {
          for (guint i = start; i + 1 < n && i < start + w->n_chars; i++)
            if (word_bigram_index (w, bigram_key (chars[i], chars[i + 1])) >= 0)
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
