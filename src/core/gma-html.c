/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-html.c: the one small tag scanner for content page fragments */

#define G_LOG_DOMAIN "gma-html"

#include "config.h"

#include <string.h>

#include "gma-html.h"

/* Steps over one byte. A column is a character: it is counted at the
 * first byte of each UTF-8 sequence. */
static inline void
step (GmaHtmlPos *pos)
{
  guchar c = (guchar) *pos->p;

  if (c == '\n')
    {
      pos->line++;
      pos->col = 1;
    }
  else if ((c & 0xC0) != 0x80)
    pos->col++;

  pos->p++;
}

void
gma_html_pos_advance (GmaHtmlPos *pos,
                      gsize       n)
{
  for (gsize i = 0; i < n && *pos->p; i++)
    step (pos);
}

void
gma_html_scanner_init (GmaHtmlScanner *scanner,
                       const char     *text)
{
  g_return_if_fail (scanner != NULL);
  g_return_if_fail (text != NULL);

  scanner->pos.p = text;
  scanner->pos.line = 1;
  scanner->pos.col = 1;
}

gboolean
gma_html_name_is (const char *name,
                  gsize       len,
                  const char *lower)
{
  return strlen (lower) == len && g_ascii_strncasecmp (name, lower, len) == 0;
}

gboolean
gma_html_next_attribute (GmaHtmlPos       *pos,
                         GmaHtmlAttribute *attribute)
{
  while (*pos->p && *pos->p != '>')
    {
      if (g_ascii_isspace (*pos->p) || *pos->p == '/')
        {
          step (pos);
          continue;
        }

      attribute->name = pos->p;
      attribute->name_pos = *pos;
      while (*pos->p && !g_ascii_isspace (*pos->p) && *pos->p != '=' && *pos->p != '>' &&
             *pos->p != '/')
        step (pos);
      attribute->name_len = pos->p - attribute->name;
      attribute->value = NULL;
      attribute->value_len = 0;
      attribute->value_pos = *pos;

      while (g_ascii_isspace (*pos->p))
        step (pos);
      if (*pos->p != '=')
        return TRUE;
      step (pos);
      while (g_ascii_isspace (*pos->p))
        step (pos);

      if (*pos->p == '"' || *pos->p == '\'')
        {
          char quote = *pos->p;

          step (pos);
          attribute->value = pos->p;
          attribute->value_pos = *pos;
          while (*pos->p && *pos->p != quote)
            step (pos);
          attribute->value_len = pos->p - attribute->value;
          if (*pos->p)
            step (pos);
        }
      else
        {
          attribute->value = pos->p;
          attribute->value_pos = *pos;
          while (*pos->p && !g_ascii_isspace (*pos->p) && *pos->p != '>')
            step (pos);
          attribute->value_len = pos->p - attribute->value;
        }

      return TRUE;
    }

  return FALSE;
}

gboolean
gma_html_next_tag (GmaHtmlScanner *scanner,
                   GmaHtmlTag     *tag)
{
  GmaHtmlPos *pos = &scanner->pos;

  g_return_val_if_fail (scanner != NULL, FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  while (*pos->p)
    {
      GmaHtmlAttribute attribute;
      GmaHtmlPos attributes;

      if (strncmp (pos->p, "<!--", 4) == 0)
        {
          const char *end = strstr (pos->p + 4, "-->");

          /* An unclosed comment hides the rest of the text. */
          gma_html_pos_advance (pos, end != NULL ? (gsize) (end + 3 - pos->p) : strlen (pos->p));
          continue;
        }

      if (pos->p[0] != '<' ||
          !(g_ascii_isalpha (pos->p[1]) || (pos->p[1] == '/' && g_ascii_isalpha (pos->p[2]))))
        {
          step (pos);
          continue;
        }

      tag->start = *pos;
      step (pos);
      tag->is_end_tag = *pos->p == '/';
      if (tag->is_end_tag)
        step (pos);

      tag->name = pos->p;
      while (*pos->p && !g_ascii_isspace (*pos->p) && *pos->p != '>' && *pos->p != '/')
        step (pos);
      tag->name_len = pos->p - tag->name;
      tag->attributes = *pos;

      /* Over the attributes, whose quoted values may hold a '>' */
      attributes = *pos;
      while (gma_html_next_attribute (&attributes, &attribute))
        ;
      *pos = attributes;

      tag->closed = *pos->p == '>';
      if (tag->closed)
        step (pos);
      tag->end = pos->p;

      return TRUE;
    }

  return FALSE;
}

/* The schemes a page may use, each with its kind: the one list both
 * functions below walk. */
static const struct {
  const char     *prefix;
  GmaHtmlUrlKind  kind;
} url_schemes[] = {
  { "https://", GMA_HTML_URL_WEB },
  { "http://", GMA_HTML_URL_WEB },
  { "mailto:", GMA_HTML_URL_MAILTO },
  { "gma://", GMA_HTML_URL_APP },
};

/* The entry of url_schemes[] @url starts with, or -1. */
static int
find_url_scheme (const char *url)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_schemes); i++)
    if (g_ascii_strncasecmp (url, url_schemes[i].prefix, strlen (url_schemes[i].prefix)) == 0)
      return i;

  return -1;
}

gsize
gma_html_url_scheme_len (const char *url)
{
  int i;

  g_return_val_if_fail (url != NULL, 0);

  i = find_url_scheme (url);
  return i >= 0 ? strlen (url_schemes[i].prefix) : 0;
}

GmaHtmlUrlKind
gma_html_url_kind (const char *url)
{
  int i;

  g_return_val_if_fail (url != NULL, GMA_HTML_URL_OTHER);

  while (g_ascii_isspace (*url))
    url++;

  if (url[0] == '#')
    return GMA_HTML_URL_FRAGMENT;

  i = find_url_scheme (url);
  return i >= 0 ? url_schemes[i].kind : GMA_HTML_URL_OTHER;
}

gboolean
gma_html_tag_has_class (const GmaHtmlTag *tag,
                        const char       *class_name)
{
  GmaHtmlPos pos;
  GmaHtmlAttribute attribute;
  gsize class_len;

  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (class_name != NULL, FALSE);

  if (tag->is_end_tag)
    return FALSE;

  class_len = strlen (class_name);
  pos = tag->attributes;
  while (gma_html_next_attribute (&pos, &attribute))
    {
      const char *p, *end;

      if (attribute.value == NULL || !gma_html_name_is (attribute.name, attribute.name_len, "class"))
        continue;

      p = attribute.value;
      end = attribute.value + attribute.value_len;
      while (p < end)
        {
          const char *word;

          while (p < end && g_ascii_isspace (*p))
            p++;
          word = p;
          while (p < end && !g_ascii_isspace (*p))
            p++;
          if ((gsize) (p - word) == class_len && strncmp (word, class_name, class_len) == 0)
            return TRUE;
        }
    }

  return FALSE;
}
