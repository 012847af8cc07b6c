/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-highlight.c: marking a search's matches in a page's HTML */

#define G_LOG_DOMAIN "gma-highlight"

#include "config.h"

#include <string.h>

#include "gma-highlight.h"
#include "gma-search.h"

/* A run of the fragment: text, or markup (a tag, a comment, a whole
 * <script> or <style> element). Byte offsets into the fragment. */
typedef struct {
  gsize start;
  gsize end;
  gboolean text;
} Token;

static const char *
find_ascii_ci (const char *haystack,
               gsize       len,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return haystack + i;

  return NULL;
}

/* Whether the start tag at @p (just after "<") is named @name. */
static gboolean
tag_is (const char *p,
        gsize       len,
        const char *name)
{
  gsize n = strlen (name);

  return len > n && g_ascii_strncasecmp (p, name, n) == 0 &&
         (g_ascii_isspace (p[n]) || p[n] == '>' || p[n] == '/');
}

/* The end of the markup starting at @i ("<"), or 0 when this "<" starts
 * no markup and is text. */
static gsize
markup_end (const char *html,
            gsize       len,
            gsize       i)
{
  const char *found;
  gsize j;
  char quote = 0;
  char c;

  if (i + 1 >= len)
    return 0;

  if (len - i >= 4 && strncmp (html + i, "<!--", 4) == 0)
    {
      found = strstr (html + i + 4, "-->");
      return found != NULL && (gsize) (found - html) + 3 <= len ? (gsize) (found - html) + 3 : len;
    }

  c = html[i + 1];
  if (!(g_ascii_isalpha (c) || c == '!' || c == '?' ||
        (c == '/' && i + 2 < len && g_ascii_isalpha (html[i + 2]))))
    return 0;

  for (j = i + 1; j < len; j++)
    {
      if (quote != 0)
        {
          if (html[j] == quote)
            quote = 0;
        }
      else if (html[j] == '"' || html[j] == '\'')
        quote = html[j];
      else if (html[j] == '>')
        break;
    }
  if (j >= len)
    return len;
  j++;

  /* Raw text elements: their contents are not text of the page. */
  for (guint k = 0; k < 2; k++)
    {
      const char *name = k == 0 ? "script" : "style";
      g_autofree char *close = g_strconcat ("</", name, NULL);

      if (tag_is (html + i + 1, len - i - 1, name))
        {
          const char *gt;

          found = find_ascii_ci (html + j, len - j, close);
          if (found == NULL)
            return len;
          gt = memchr (found, '>', len - (found - html));
          return gt != NULL ? (gsize) (gt - html) + 1 : len;
        }
    }

  return j;
}

static GArray *
tokenize (const char *html,
          gsize       len)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  gsize text_start = 0;
  gsize i = 0;

  while (i < len)
    {
      gsize end;

      if (html[i] != '<' || (end = markup_end (html, len, i)) == 0)
        {
          i++;
          continue;
        }

      if (i > text_start)
        g_array_append_val (tokens, ((Token) { text_start, i, TRUE }));
      g_array_append_val (tokens, ((Token) { i, end, FALSE }));
      i = text_start = end;
    }

  if (len > text_start)
    g_array_append_val (tokens, ((Token) { text_start, len, TRUE }));

  return tokens;
}

/* Decodes the character reference at @p ("&…;"): returns its length
 * and the character, or 0 when it is not one this knows (it is then
 * text as it is). */
static gsize
decode_entity (const char *p,
               gsize       len,
               gunichar   *c)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
    { "apos", '\'' }, { "nbsp", 0xA0 },
  };
  const char *semicolon = memchr (p, ';', MIN (len, 12));
  gsize name_len;

  if (semicolon == NULL)
    return 0;
  name_len = semicolon - (p + 1);

  if (name_len >= 2 && p[1] == '#')
    {
      g_autofree char *digits = g_strndup (p + 2, name_len - 1);
      gboolean hex = digits[0] == 'x' || digits[0] == 'X';
      const char *start = hex ? digits + 1 : digits;
      char *end = NULL;
      guint64 value;

      if (*start == '\0' || !g_ascii_isxdigit (*start))
        return 0;
      value = g_ascii_strtoull (start, &end, hex ? 16 : 10);
      if (*end != '\0' || value == 0 || value > 0x10FFFF || !g_unichar_validate ((gunichar) value))
        return 0;
      *c = (gunichar) value;
      return name_len + 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == name_len && strncmp (p + 1, named[i].name, name_len) == 0)
      {
        *c = named[i].c;
        return name_len + 2;
      }

  return 0;
}

/* Appends the text of @html[@token] to @text, and to @map, for each byte
 * appended, the bytes of @html it came from. */
static void
decode_text (const char  *html,
             const Token *token,
             GString     *text,
             GArray      *map)
{
  gsize i = token->start;

  while (i < token->end)
    {
      gunichar c;
      gsize n;

      if (html[i] == '&' && (n = decode_entity (html + i, token->end - i, &c)) > 0)
        {
          char buf[6];
          gint len = g_unichar_to_utf8 (c, buf);
          GmaSearchRange source = { i, i + n };

          g_string_append_len (text, buf, len);
          for (gint k = 0; k < len; k++)
            g_array_append_val (map, source);
          i += n;
          continue;
        }

      g_string_append_c (text, html[i]);
      g_array_append_val (map, ((GmaSearchRange) { i, i + 1 }));
      i++;
    }
}

static gboolean
is_blank (const char *p,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (p[i]))
      return FALSE;
  return TRUE;
}

static void
append_marked (GString    *out,
               const char *p,
               gsize       len)
{
  /* White space alone between two elements (say, a list's items) is
   * left alone: a <mark> there would be a stray inline box. */
  if (is_blank (p, len))
    {
      g_string_append_len (out, p, len);
      return;
    }

  g_string_append (out, "<mark>");
  g_string_append_len (out, p, len);
  g_string_append (out, "</mark>");
}

char *
gma_highlight_html (const char         *html,
                    const char         *title,
                    const char * const *keywords,
                    const char         *query)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) map = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GmaSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const GmaSearchRange *ranges;
  guint n_ranges = 0;
  gsize len;
  guint r;

  g_return_val_if_fail (html != NULL, NULL);

  if (query == NULL)
    return g_strdup (html);

  len = strlen (html);
  tokens = tokenize (html, len);
  text = g_string_new (NULL);
  map = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->text)
        decode_text (html, token, text, map);
    }

  index = gma_search_index_new ();
  gma_search_index_add (index, "page", title != NULL ? title : "", keywords, text->str);
  hits = gma_search_index_query (index, query);
  if (hits->len == 0)
    return g_strdup (html);

  ranges = gma_search_hit_get_ranges (g_ptr_array_index (hits, 0), GMA_SEARCH_FIELD_BODY, &n_ranges);
  if (n_ranges == 0)
    return g_strdup (html);

  /* The ranges in the fragment: from the first byte's source to the last
   * byte's, so an entity is marked whole or not at all. */
  marks = g_array_sized_new (FALSE, FALSE, sizeof (GmaSearchRange), n_ranges);
  for (guint i = 0; i < n_ranges; i++)
    {
      GmaSearchRange mark;

      if (ranges[i].start >= ranges[i].end || ranges[i].end > map->len)
        continue;
      mark.start = g_array_index (map, GmaSearchRange, ranges[i].start).start;
      mark.end = g_array_index (map, GmaSearchRange, ranges[i].end - 1).end;
      if (marks->len > 0 && g_array_index (marks, GmaSearchRange, marks->len - 1).end >= mark.start)
        g_array_index (marks, GmaSearchRange, marks->len - 1).end =
          MAX (mark.end, g_array_index (marks, GmaSearchRange, marks->len - 1).end);
      else
        g_array_append_val (marks, mark);
    }

  out = g_string_sized_new (len + 13 * marks->len + 16);
  r = 0;
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);
      gsize p = token->start;

      if (!token->text)
        {
          g_string_append_len (out, html + token->start, token->end - token->start);
          continue;
        }

      while (p < token->end)
        {
          const GmaSearchRange *mark;
          gsize s, e;

          while (r < marks->len && g_array_index (marks, GmaSearchRange, r).end <= p)
            r++;
          mark = r < marks->len ? &g_array_index (marks, GmaSearchRange, r) : NULL;
          if (mark == NULL || mark->start >= token->end)
            {
              g_string_append_len (out, html + p, token->end - p);
              break;
            }

          s = MAX (p, mark->start);
          e = MIN (token->end, mark->end);
          g_string_append_len (out, html + p, s - p);
          append_marked (out, html + s, e - s);
          p = e;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
