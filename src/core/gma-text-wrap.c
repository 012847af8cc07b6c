/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-text-wrap.c: Japanese line breaking for short labels, with kinsoku
 * (see gma-text-wrap.h) */

#define G_LOG_DOMAIN "gma-text-wrap"

#include "config.h"

#include <string.h>

#include "gma-text-wrap.h"

/* Width of a character in "full-width character" units: Japanese text
 * is counted by characters, narrow (ASCII) ones as about half. */
static double
char_units (gunichar c)
{
  if (c < 0x80)
    return 0.55;
  if (c >= 0xFF61 && c <= 0xFF9F)  /* half-width katakana */
    return 0.55;
  return 1.0;
}

/* Kinsoku: characters that must not start a line … */
static gboolean
is_closing (gunichar c)
{
  if (c == 0)
    return FALSE;
  if (c < 0x80)
    return strchr ("),.:;!?]}", (int) c) != NULL;
  return g_utf8_strchr ("、。，．・ー）」』】〕〉》！？：；"
                        "ぁぃぅぇぉっゃゅょァィゥェォッャュョ…", -1, c) != NULL;
}

/* Punctuation that ends a phrase: a good place to break after. */
static gboolean
ends_phrase (gunichar c)
{
  if (c < 0x80)
    return c != 0 && strchr ("),.:;!?]}", (int) c) != NULL;
  return g_utf8_strchr ("、。，．）」』】〕〉》！？：；…", -1, c) != NULL;
}

/* … and characters that must not end one. */
static gboolean
is_opening (gunichar c)
{
  return (c < 0x80 && (c == '(' || c == '[' || c == '{'))
         || (c >= 0x80 && g_utf8_strchr ("（「『【〔〈《", -1, c) != NULL);
}

typedef struct
{
  const char *start;
  gsize       len;           /* bytes */
  double      units;
  gboolean    space;
  gunichar    first;
  gunichar    last;
} Token;

/* Splits @text into unbreakable pieces: a run of ASCII letters and
 * digits (a URL, "G-MIS", "10") is one piece, every other character
 * is a piece of its own. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { p, 0, 0.0, FALSE, c, c };
      const char *q = g_utf8_next_char (p);

      if (g_unichar_isspace (c))
        {
          while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          t.space = TRUE;
          t.units = 0.35;
        }
      else if (c < 0x80 && g_ascii_isalnum ((char) c))
        {
          t.units = char_units (c);
          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);

              if (d >= 0x80 || !(g_ascii_isalnum ((char) d) || d == '-'
                                 || d == '_' || d == '@' || d == '.'))
                break;
              t.units += char_units (d);
              t.last = d;
              q = g_utf8_next_char (q);
            }
        }
      else
        {
          t.units = char_units (c);
        }
      t.len = q - p;
      g_array_append_val (tokens, t);
      p = q;
    }

  return tokens;
}

double
gma_text_wrap_units (const char *text)
{
  double units = 0.0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += char_units (g_utf8_get_char (p));

  return units;
}

static GPtrArray *
fill_lines (GArray *tokens,
            double  target)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  double width = 0.0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      gboolean must_break = FALSE;

      if (t->space && line->len == 0)
        continue;

      if (line->len > 0 && !is_closing (t->first))
        {
          if (width + t->units > target + 0.01)
            must_break = TRUE;
          else if (is_opening (t->last) && i + 1 < tokens->len)
            {
              /* keep an opening bracket with what follows it */
              const Token *n = &g_array_index (tokens, Token, i + 1);

              if (width + t->units + n->units > target + 0.01)
                must_break = TRUE;
            }
        }

      if (must_break)
        {
          g_ptr_array_add (lines, g_strchomp (g_strdup (line->str)));
          g_string_truncate (line, 0);
          width = 0.0;
          if (t->space)
            continue;
        }

      g_string_append_len (line, t->start, t->len);
      width += t->units;
    }

  if (line->len > 0)
    g_ptr_array_add (lines, g_strchomp (g_strdup (line->str)));

  return lines;
}

/* Cuts the last line so that it ends with "…" within @max_units. */
static void
ellipsize_last (GPtrArray *lines,
                double     max_units)
{
  char *last = g_ptr_array_index (lines, lines->len - 1);
  g_autoptr(GString) s = g_string_new (last);

  while (s->len > 0 && gma_text_wrap_units (s->str) + 1.0 > max_units)
    {
      const char *prev = g_utf8_find_prev_char (s->str, s->str + s->len);

      g_string_truncate (s, prev - s->str);
    }
  g_string_append (s, "…");
  g_free (last);
  g_ptr_array_index (lines, lines->len - 1) = g_string_free (g_steal_pointer (&s), FALSE);
}

typedef enum
{
  CHAR_OTHER,
  CHAR_HIRAGANA,
  CHAR_KATAKANA,
  CHAR_KANJI,
  CHAR_ASCII,
} CharClass;

static CharClass
char_class (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c) ? CHAR_ASCII : CHAR_OTHER;
  if (c >= 0x3041 && c <= 0x309F)
    return CHAR_HIRAGANA;
  if ((c >= 0x30A0 && c <= 0x30FF && c != 0x30FB) || (c >= 0xFF66 && c <= 0xFF9F))
    return CHAR_KATAKANA;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005)
    return CHAR_KANJI;
  if (c >= 0xFF10 && c <= 0xFF5A)  /* full-width letters and digits */
    return CHAR_ASCII;
  return CHAR_OTHER;
}

/* How bad it is to end a line with @a and start the next with @b,
 * or -1 where kinsoku forbids it. Without a dictionary, the boundaries
 * between kinds of script are the best guess at word boundaries: after
 * a particle (hiragana before kanji or katakana) is good, inside a
 * katakana word is bad. */
static double
break_penalty (const Token *a,
               const Token *b)
{
  CharClass ca, cb;

  if (is_closing (b->first) || is_opening (a->last))
    return -1.0;
  if (a->space || b->space || ends_phrase (a->last) || is_opening (b->first))
    return 0.0;

  /* the honorific prefixes ご and お belong to the word after them */
  if (a->last == 0x3054 /* ご */ || a->last == 0x304A /* お */)
    return 20.0;
  if ((b->first == 0x3054 || b->first == 0x304A) && char_class (a->last) == CHAR_HIRAGANA)
    return 1.0;

  ca = char_class (a->last);
  cb = char_class (b->first);
  if (ca == CHAR_HIRAGANA && cb != CHAR_HIRAGANA)
    return 1.0;
  if (ca == CHAR_KATAKANA && cb == CHAR_KATAKANA)
    return 40.0;
  if (ca == CHAR_HIRAGANA && cb == CHAR_HIRAGANA)
    return 15.0;
  if (ca == CHAR_KANJI && cb == CHAR_KANJI)
    return 12.0;
  if (cb == CHAR_HIRAGANA)
    return 10.0;
  if (ca == CHAR_ASCII || cb == CHAR_ASCII)
    return 6.0;
  return 4.0;
}

/* Width of tokens [i, j), not counting spaces at either end. */
static double
span_units (GArray *tokens,
            guint   i,
            guint   j)
{
  double units = 0.0;

  while (i < j && g_array_index (tokens, Token, i).space)
    i++;
  while (j > i && g_array_index (tokens, Token, j - 1).space)
    j--;
  for (guint k = i; k < j; k++)
    units += g_array_index (tokens, Token, k).units;

  return units;
}

/* Optimal line breaking (dynamic programming over break positions):
 * fewest lines first, then even lengths and good break points. Returns
 * NULL when the text does not fit in @max_lines lines. */
static GPtrArray *
break_lines (GArray *tokens,
             double  max_units,
             guint   max_lines)
{
  guint n = tokens->len;
  gsize size = (gsize) (max_lines + 1) * (n + 1);
  g_autofree double *cost = g_new (double, size);
  g_autofree guint *from = g_new0 (guint, size);
  g_autofree guint *ends = NULL;
  GPtrArray *lines;
  guint best_l = 0;
  double best = G_MAXDOUBLE;

#define AT(l, j) ((gsize) (l) * (n + 1) + (j))
  for (gsize k = 0; k < size; k++)
    cost[k] = G_MAXDOUBLE;
  cost[AT (0, 0)] = 0.0;

  for (guint l = 1; l <= max_lines; l++)
    for (guint j = 1; j <= n; j++)
      for (guint i = j; i-- > 0;)
        {
          double width = span_units (tokens, i, j);
          double penalty = 0.0, c;

          if (width > max_units + 0.01 && j - i > 1)
            break;  /* longer spans only get wider */
          if (cost[AT (l - 1, i)] == G_MAXDOUBLE)
            continue;
          if (i > 0)
            {
              penalty = break_penalty (&g_array_index (tokens, Token, i - 1),
                                       &g_array_index (tokens, Token, i));
              if (penalty < 0)
                continue;
            }
          if (j < n && g_array_index (tokens, Token, j).space == FALSE
              && break_penalty (&g_array_index (tokens, Token, j - 1),
                                &g_array_index (tokens, Token, j)) < 0)
            continue;

          c = cost[AT (l - 1, i)] + penalty
              + (max_units - width) * (max_units - width);
          if (c < cost[AT (l, j)])
            {
              cost[AT (l, j)] = c;
              from[AT (l, j)] = i;
            }
        }

  for (guint l = 1; l <= max_lines; l++)
    if (cost[AT (l, n)] < G_MAXDOUBLE)
      {
        /* each extra line must pay for itself */
        double c = cost[AT (l, n)] + 60.0 * l;

        if (c < best)
          {
            best = c;
            best_l = l;
          }
      }
  if (best_l == 0)
    return NULL;

  ends = g_new0 (guint, best_l + 1);
  ends[best_l] = n;
  for (guint l = best_l; l > 0; l--)
    ends[l - 1] = from[AT (l, ends[l])];
#undef AT

  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < best_l; l++)
    {
      GString *line = g_string_new (NULL);

      for (guint k = ends[l]; k < ends[l + 1]; k++)
        {
          const Token *t = &g_array_index (tokens, Token, k);

          g_string_append_len (line, t->start, t->len);
        }
      g_ptr_array_add (lines, g_strstrip (g_string_free (line, FALSE)));
    }

  return lines;
}

GPtrArray *
gma_text_wrap (const char *text,
               double      max_units,
               guint       max_lines)
{
  g_autoptr(GArray) tokens = tokenize (text);
  GPtrArray *lines;

  if (tokens->len == 0)
    {
      lines = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (lines, g_strdup (""));
      return lines;
    }

  lines = break_lines (tokens, max_units, max_lines);
  if (lines != NULL)
    return lines;

  lines = fill_lines (tokens, max_units);
  if (lines->len > max_lines)
    {
      g_ptr_array_set_size (lines, max_lines);
      ellipsize_last (lines, max_units);
    }

  return lines;
}
