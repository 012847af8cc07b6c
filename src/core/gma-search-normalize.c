/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-search-normalize.c: normalisation of texts and queries (see
 * gma-search.h) */

#define G_LOG_DOMAIN "gma-search"

#include "config.h"

#include <string.h>

#include "gma-search-private.h"

gunichar *
_gma_search_utf8_decode (const char  *text,
                         gsize        len,
                         gsize      **byte_offsets,
                         guint       *n_chars)
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
      chars[n++] = _gma_search_utf8_next (&p);
    }
  if (offs)
    {
      offs[n] = len;
      *byte_offsets = offs;
    }
  *n_chars = n;
  return chars;
}

/* ------------------------------------------------------------------ */
/* UTF-8 and Unicode helpers                                           */
/* ------------------------------------------------------------------ */

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
emit (GString  *out,
      GArray   *offsets,
      gunichar  c,
      gsize     start,
      gsize     end)
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
