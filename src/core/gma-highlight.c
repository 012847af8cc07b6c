/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-highlight.c: marking a search's matches in a page's HTML */

#define G_LOG_DOMAIN "gma-highlight"

#include "config.h"

#include <string.h>

#include "gma-highlight.h"
#include "gma-html.h"
#include "gma-search.h"

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
  g_autoptr(GArray) map = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GmaSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const GmaSearchRange *ranges;
  guint n_ranges = 0;
  GmaHtmlScanner scanner;
  GmaHtmlToken token;
  gsize len;
  guint r;

  g_return_val_if_fail (html != NULL, NULL);

  if (query == NULL)
    return g_strdup (html);

  /* The body's text as the search indexes a page (gma-html.h), with the
   * bytes of @html each of its bytes comes from. */
  len = strlen (html);
  text = gma_html_to_text (html, len, &map);

  index = gma_search_index_new ();
  gma_search_index_add (index, "page", title != NULL ? title : "", keywords, text);
  hits = gma_search_index_query (index, query);
  if (hits->len == 0)
    return g_strdup (html);

  ranges = gma_search_hit_get_ranges (g_ptr_array_index (hits, 0), GMA_SEARCH_FIELD_BODY, &n_ranges);
  if (n_ranges == 0)
    return g_strdup (html);

  /* The ranges in the fragment: from the first byte's source to the last
   * byte's, so a reference is marked whole or not at all. */
  marks = g_array_sized_new (FALSE, FALSE, sizeof (GmaHtmlRange), n_ranges);
  for (guint i = 0; i < n_ranges; i++)
    {
      GmaHtmlRange mark;
      GmaHtmlRange *last;

      if (ranges[i].start >= ranges[i].end || ranges[i].end > map->len)
        continue;
      mark.start = g_array_index (map, GmaHtmlRange, ranges[i].start).start;
      mark.end = g_array_index (map, GmaHtmlRange, ranges[i].end - 1).end;
      last = marks->len > 0 ? &g_array_index (marks, GmaHtmlRange, marks->len - 1) : NULL;
      if (last != NULL && last->end >= mark.start)
        last->end = MAX (mark.end, last->end);
      else
        g_array_append_val (marks, mark);
    }

  /* Marks go into the text tokens only; the rest is copied as it is. */
  out = g_string_sized_new (len + 13 * marks->len + 16);
  r = 0;
  gma_html_scanner_init (&scanner, html, len);
  while (gma_html_next_token (&scanner, &token))
    {
      gsize start = token.start.p - html;
      gsize end = token.end - html;
      gsize p = start;

      if (token.kind != GMA_HTML_TEXT)
        {
          g_string_append_len (out, html + start, end - start);
          continue;
        }

      while (p < end)
        {
          const GmaHtmlRange *mark;
          gsize s, e;

          while (r < marks->len && g_array_index (marks, GmaHtmlRange, r).end <= p)
            r++;
          mark = r < marks->len ? &g_array_index (marks, GmaHtmlRange, r) : NULL;
          if (mark == NULL || mark->start >= end)
            {
              g_string_append_len (out, html + p, end - p);
              break;
            }

          s = MAX (p, mark->start);
          e = MIN (end, mark->end);
          g_string_append_len (out, html + p, s - p);
          append_marked (out, html + s, e - s);
          p = e;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
