/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render-links.c: links in a page: URLs in plain text made links,
 * and after each link to the web or a mail address its address as text
 * and a link that copies it */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-html.h"
#include "gma-render-private.h"

/* Where a URL starting at @p ends: at white space, at any non-ASCII
 * character (Japanese text and full-width punctuation such as ）」 follow
 * URLs directly in the guide), or at characters never part of a URL.
 * Trailing ASCII punctuation is left out. */
static const char *
url_end (const char *p)
{
  const char *end = p;

  while (*end && (guchar) *end < 0x80 && !g_ascii_isspace (*end) && (guchar) *end >= 0x20 &&
         strchr ("<>\"'`{}|\\^", *end) == NULL)
    end++;

  while (end > p && strchr (".,;:!?)]", end[-1]) != NULL)
    {
      /* Keep a closing parenthesis that has its opening one in the URL. */
      if (end[-1] == ')' && memchr (p, '(', end - p) != NULL)
        break;
      end--;
    }

  return end;
}

static void
append_linkified (GString    *out,
                  const char *line,
                  gsize       len)
{
  const char *p = line;
  const char *line_end = line + len;

  while (p < line_end)
    {
      const char *http = g_strstr_len (p, line_end - p, "http");
      const char *end;
      gsize scheme_len;

      if (http == NULL)
        break;

      if (strncmp (http, "https://", 8) == 0)
        scheme_len = 8;
      else if (strncmp (http, "http://", 7) == 0)
        scheme_len = 7;
      else
        {
          append_escaped (out, p, http + 4 - p);
          p = http + 4;
          continue;
        }

      end = url_end (http);
      if (end > line_end)
        end = line_end;
      if ((gsize) (end - http) <= scheme_len)
        {
          append_escaped (out, p, http + scheme_len - p);
          p = http + scheme_len;
          continue;
        }

      append_escaped (out, p, http - p);
      g_string_append (out, "<a href=\"");
      append_escaped (out, http, end - http);
      g_string_append (out, "\">");
      append_escaped (out, http, end - http);
      g_string_append (out, "</a>");
      p = end;
    }

  if (p < line_end)
    append_escaped (out, p, line_end - p);
}

char *
gma_render_text_to_html (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  p = text;

  while (*p)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl ? nl : p + strlen (p);
      const char *start = p;
      const char *stop = end;

      /* Trim white space at either end of the paragraph. */
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;

      if (stop > start)
        {
          g_string_append (out, "<p>");
          append_linkified (out, start, stop - start);
          g_string_append (out, "</p>\n");
        }

      p = nl ? nl + 1 : end;
    }

  return g_string_free (out, FALSE);
}

/* The value of the href attribute of @tag, decoded, or NULL. */
static char *
find_href (const GmaHtmlToken *tag)
{
  GmaHtmlPos pos = tag->attributes;
  GmaHtmlAttribute attribute;

  while (gma_html_next_attribute (tag, &pos, &attribute))
    if (attribute.value != NULL &&
        gma_html_name_is (attribute.name, attribute.name_len, "href"))
      {
        char *href = gma_html_decode (attribute.value, attribute.value_len);

        return g_strstrip (href);
      }

  return NULL;
}

static void
append_copy_link (GString        *out,
                  const GmaWords *words,
                  const char     *text)
{
  g_autofree char *escaped_text = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *label = g_strconcat (words->copy_before, text, words->copy_after, NULL);

  g_string_append (out, "<a class=\"copy-link\" href=\"gma://action/copy?text=");
  append_escaped (out, escaped_text, -1);
  g_string_append (out, "\" aria-label=\"");
  append_escaped (out, label, -1);
  g_string_append (out, "\" title=\"");
  append_escaped (out, label, -1);
  g_string_append (out, "\">");
  append_escaped (out, words->copy, -1);
  g_string_append (out, "</a>");
}

char *
_gma_render_add_link_extras (const GmaWords *words,
                             const char     *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *copied = html;       /* out holds html up to here */
  g_autofree char *href = NULL;    /* of the open link, if any */
  const char *content = NULL;      /* where the open link's text starts */
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;

  /* One pass over the tags (gma-html.h; comments are skipped): an <a>
   * with an href opens a link, the next </a> closes it. */
  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_tag (&scanner, &tag))
    {
      g_autofree char *text = NULL;
      const char *copy;

      if (!gma_html_name_is (tag.name, tag.name_len, "a") || !tag.closed)
        continue;

      if (tag.kind == GMA_HTML_START_TAG)
        {
          /* A new <a> ends an open one (HTML does not nest links). */
          g_clear_pointer (&href, g_free);
          href = find_href (&tag);
          content = tag.end;
          continue;
        }

      if (href == NULL)
        continue;

      switch (gma_html_url_kind (href))
        {
        case GMA_HTML_URL_WEB:
          copy = href;
          break;

        case GMA_HTML_URL_MAILTO:
          {
            /* The address only, without a "?subject=…" */
            char *query = strchr (href, '?');

            if (query != NULL)
              *query = '\0';
            copy = href + gma_html_url_scheme_len (href);
          }
          break;

        case GMA_HTML_URL_OTHER:
        case GMA_HTML_URL_APP:
        case GMA_HTML_URL_FRAGMENT:
        default:
          copy = NULL;
          break;
        }

      if (copy != NULL && copy[0] != '\0')
        {
          g_string_append_len (out, copied, tag.end - copied);
          copied = tag.end;

          /* The link's text, as the search reads it (gma-html.h) */
          text = gma_html_to_text (content, tag.start.p - content, NULL);
          if (g_strcmp0 (text, copy) != 0)
            {
              g_string_append (out, "<span class=\"link-url\">");
              append_escaped (out, words->url_open, -1);
              append_escaped (out, copy, -1);
              append_escaped (out, words->url_close, -1);
              g_string_append (out, "</span>");
            }
          g_string_append_c (out, ' ');
          append_copy_link (out, words, copy);
        }

      g_clear_pointer (&href, g_free);
    }

  g_string_append (out, copied);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
gma_render_copy_link (GmaContent *content,
                      const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  append_copy_link (out, _gma_render_words (content), text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
