/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-html.c: the one HTML model: tokenizer, references, text */

#define G_LOG_DOMAIN "gma-html"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gma-base.h"
#include "gma-html.h"

/* HTML's white space (not vertical tab). */
static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

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

static inline void
step_to (GmaHtmlPos *pos,
         const char *to)
{
  while (pos->p < to)
    step (pos);
}

void
gma_html_pos_advance (GmaHtmlPos *pos,
                      gsize       n)
{
  for (gsize i = 0; i < n && *pos->p; i++)
    step (pos);
}

gboolean
gma_html_name_is (const char *name,
                  gsize       len,
                  const char *lower)
{
  return strlen (lower) == len && g_ascii_strncasecmp (name, lower, len) == 0;
}

/* ------------------------------------------------------------------ */
/* Tokenizer                                                           */
/* ------------------------------------------------------------------ */

/* Elements whose contents are one RAW_TEXT token (gma-html.h). */
static const char * const raw_elements[] = {
  "script", "style", "title", "textarea", "iframe", "noembed", "noframes", "xmp",
};

void
gma_html_scanner_init (GmaHtmlScanner *scanner,
                       const char     *text,
                       gssize          len)
{
  g_return_if_fail (scanner != NULL);
  g_return_if_fail (text != NULL);

  scanner->pos.p = text;
  scanner->pos.line = 1;
  scanner->pos.col = 1;
  scanner->end = text + (len < 0 ? strlen (text) : (gsize) len);
  scanner->raw_name = NULL;
  scanner->raw_name_len = 0;
}

/* The next attribute from @pos, before the tag's '>' or @end: the
 * standard's attribute states. */
static gboolean
next_attribute (GmaHtmlPos       *pos,
                const char       *end,
                GmaHtmlAttribute *attribute)
{
  while (pos->p < end && *pos->p != '>')
    {
      if (is_space (*pos->p) || *pos->p == '/')
        {
          step (pos);
          continue;
        }

      /* The first character is the name's, even a '=' */
      attribute->name = pos->p;
      attribute->name_pos = *pos;
      step (pos);
      while (pos->p < end && !is_space (*pos->p) && *pos->p != '=' && *pos->p != '>' &&
             *pos->p != '/')
        step (pos);
      attribute->name_len = pos->p - attribute->name;
      attribute->value = NULL;
      attribute->value_len = 0;
      attribute->value_pos = *pos;

      while (pos->p < end && is_space (*pos->p))
        step (pos);
      if (pos->p >= end || *pos->p != '=')
        return TRUE;
      step (pos);
      while (pos->p < end && is_space (*pos->p))
        step (pos);

      if (pos->p < end && (*pos->p == '"' || *pos->p == '\''))
        {
          const char *close;
          char quote = *pos->p;

          step (pos);
          attribute->value = pos->p;
          attribute->value_pos = *pos;
          close = memchr (pos->p, quote, end - pos->p);
          step_to (pos, close != NULL ? close : end);
          attribute->value_len = pos->p - attribute->value;
          if (pos->p < end)
            step (pos);
        }
      else
        {
          attribute->value = pos->p;
          attribute->value_pos = *pos;
          while (pos->p < end && !is_space (*pos->p) && *pos->p != '>')
            step (pos);
          attribute->value_len = pos->p - attribute->value;
        }

      return TRUE;
    }

  return FALSE;
}

gboolean
gma_html_next_attribute (const GmaHtmlToken *tag,
                         GmaHtmlPos         *pos,
                         GmaHtmlAttribute   *attribute)
{
  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (pos != NULL, FALSE);
  g_return_val_if_fail (attribute != NULL, FALSE);

  return next_attribute (pos, tag->end, attribute);
}

/* Whether the '<' at @p starts markup rather than being text. */
static inline gboolean
starts_markup (const char *p,
               const char *end)
{
  char c;

  if (end - p < 2)
    return FALSE;
  c = p[1];
  if (g_ascii_isalpha (c) || c == '!' || c == '?')
    return TRUE;
  return c == '/' && end - p >= 3;
}

/* Where the comment starting at @p ("<!--") ends. */
static const char *
comment_end (const char *p,
             const char *end)
{
  const char *q = p + 4;

  /* "<!-->" and "<!--->" */
  if (q < end && *q == '>')
    return q + 1;
  if (end - q >= 2 && q[0] == '-' && q[1] == '>')
    return q + 2;

  while ((q = memchr (q, '-', end - q)) != NULL)
    {
      const char *r;

      if (end - q < 2 || q[1] != '-')
        {
          q++;
          continue;
        }
      /* "--", any more dashes, then ">" or "!>" */
      r = q + 2;
      while (r < end && *r == '-')
        r++;
      if (r < end && *r == '>')
        return r + 1;
      if (end - r >= 2 && r[0] == '!' && r[1] == '>')
        return r + 2;
      q = r;
    }

  return end;
}

/* Where the bogus comment starting at @p ends: after the next '>'. */
static const char *
bogus_comment_end (const char *p,
                   const char *end)
{
  const char *gt = memchr (p, '>', end - p);

  return gt != NULL ? gt + 1 : end;
}

/* Where the contents of the raw text element @name end, from @p: at its
 * end tag ("</name" followed by white space, '/' or '>'), or @end. */
static const char *
raw_text_end (const char *p,
              const char *end,
              const char *name,
              gsize       name_len)
{
  const char *q = p;

  while ((q = memchr (q, '<', end - q)) != NULL)
    {
      if ((gsize) (end - q) > name_len + 2 && q[1] == '/' &&
          g_ascii_strncasecmp (q + 2, name, name_len) == 0)
        {
          char after = q[2 + name_len];

          if (is_space (after) || after == '/' || after == '>')
            return q;
        }
      q++;
    }

  return end;
}

static void
scan_tag (GmaHtmlScanner *scanner,
          GmaHtmlToken   *token)
{
  GmaHtmlPos *pos = &scanner->pos;
  const char *end = scanner->end;
  GmaHtmlAttribute attribute;

  step (pos);
  token->kind = GMA_HTML_START_TAG;
  if (*pos->p == '/')
    {
      token->kind = GMA_HTML_END_TAG;
      step (pos);
    }

  token->name = pos->p;
  while (pos->p < end && !is_space (*pos->p) && *pos->p != '/' && *pos->p != '>')
    step (pos);
  token->name_len = pos->p - token->name;
  token->attributes = *pos;

  /* Over the attributes, whose quoted values may hold a '>' */
  while (next_attribute (pos, end, &attribute))
    ;

  token->closed = pos->p < end;
  if (token->closed)
    step (pos);

  if (token->kind == GMA_HTML_START_TAG && token->closed)
    for (guint i = 0; i < G_N_ELEMENTS (raw_elements); i++)
      if (gma_html_name_is (token->name, token->name_len, raw_elements[i]))
        {
          scanner->raw_name = raw_elements[i];
          scanner->raw_name_len = token->name_len;
          break;
        }
}

gboolean
gma_html_next_token (GmaHtmlScanner *scanner,
                     GmaHtmlToken   *token)
{
  GmaHtmlPos *pos;
  const char *end;
  const char *p;

  g_return_val_if_fail (scanner != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  pos = &scanner->pos;
  end = scanner->end;
  p = pos->p;
  if (p >= end)
    return FALSE;

  token->start = *pos;
  token->name = NULL;
  token->name_len = 0;
  token->closed = FALSE;
  token->attributes = *pos;

  if (scanner->raw_name != NULL)
    {
      const char *raw_end = raw_text_end (p, end, scanner->raw_name, scanner->raw_name_len);

      scanner->raw_name = NULL;
      if (raw_end > p)
        {
          token->kind = GMA_HTML_RAW_TEXT;
          step_to (pos, raw_end);
          token->end = pos->p;
          return TRUE;
        }
    }

  if (*p != '<' || !starts_markup (p, end))
    {
      /* Text, up to the next '<' that starts markup */
      const char *q = p + 1;

      while ((q = memchr (q, '<', end - q)) != NULL && !starts_markup (q, end))
        q++;
      token->kind = GMA_HTML_TEXT;
      step_to (pos, q != NULL ? q : end);
    }
  else if (g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2])))
    scan_tag (scanner, token);
  else
    {
      token->kind = GMA_HTML_COMMENT;
      if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        step_to (pos, comment_end (p, end));
      else if (strncmp (p, "</>", 3) == 0)
        step_to (pos, p + 3);
      else
        step_to (pos, bogus_comment_end (p, end));
    }

  token->end = pos->p;
  return TRUE;
}

gboolean
gma_html_next_tag (GmaHtmlScanner *scanner,
                   GmaHtmlToken   *tag)
{
  while (gma_html_next_token (scanner, tag))
    if (tag->kind == GMA_HTML_START_TAG || tag->kind == GMA_HTML_END_TAG)
      return TRUE;

  return FALSE;
}

gboolean
gma_html_tag_has_class (const GmaHtmlToken *tag,
                        const char         *class_name)
{
  GmaHtmlPos pos;
  GmaHtmlAttribute attribute;
  gsize class_len;

  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (class_name != NULL, FALSE);

  if (tag->kind != GMA_HTML_START_TAG)
    return FALSE;

  class_len = strlen (class_name);
  pos = tag->attributes;
  while (gma_html_next_attribute (tag, &pos, &attribute))
    {
      const char *p, *end;

      if (attribute.value == NULL || !gma_html_name_is (attribute.name, attribute.name_len, "class"))
        continue;

      p = attribute.value;
      end = attribute.value + attribute.value_len;
      while (p < end)
        {
          const char *word;

          while (p < end && is_space (*p))
            p++;
          word = p;
          while (p < end && !is_space (*p))
            p++;
          if ((gsize) (p - word) == class_len && strncmp (word, class_name, class_len) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* References                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  gunichar    c;
} NamedReference;

/* The named references a page may use, sorted by name (strcmp). */
static const NamedReference named_references[] = {
  { "amp", '&' }, { "apos", '\'' }, { "bull", 0x2022 }, { "copy", 0xA9 },
  { "darr", 0x2193 }, { "deg", 0xB0 }, { "divide", 0xF7 }, { "emsp", 0x2003 },
  { "ensp", 0x2002 }, { "gt", '>' }, { "harr", 0x2194 }, { "hellip", 0x2026 },
  { "laquo", 0xAB }, { "larr", 0x2190 }, { "ldquo", 0x201C }, { "lsquo", 0x2018 },
  { "lt", '<' }, { "mdash", 0x2014 }, { "middot", 0xB7 }, { "minus", 0x2212 },
  { "nbsp", 0xA0 }, { "ndash", 0x2013 }, { "para", 0xB6 }, { "plusmn", 0xB1 },
  { "quot", '"' }, { "raquo", 0xBB }, { "rarr", 0x2192 }, { "rdquo", 0x201D },
  { "reg", 0xAE }, { "rsquo", 0x2019 }, { "sect", 0xA7 }, { "thinsp", 0x2009 },
  { "times", 0xD7 }, { "trade", 0x2122 }, { "uarr", 0x2191 }, { "yen", 0xA5 },
};

/* Names longer than any of the table's are still read whole, and are
 * INVALID when a ';' ends them, up to this many characters (a browser's
 * longest has 31); longer ones are text. */
#define MAX_NAME 32

static int
compare_reference (const void *key,
                   const void *member)
{
  return strcmp (key, ((const NamedReference *) member)->name);
}

/* A character a numeric reference may name: the browser reads the others
 * as U+FFFD or, for C1 controls, as windows-1252. */
static gboolean
is_allowed_character (guint64 c)
{
  if (c == '\t' || c == '\n' || c == '\f' || c == '\r')
    return TRUE;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c > 0x10FFFF)
    return FALSE;
  return g_unichar_validate ((gunichar) c);
}

GmaHtmlReference
gma_html_reference (const char *p,
                    const char *end,
                    gsize      *len,
                    gunichar   *c)
{
  const NamedReference *found;
  char name[MAX_NAME + 2];
  const char *q;

  g_return_val_if_fail (p != NULL && p < end && *p == '&', GMA_HTML_REFERENCE_NONE);

  q = p + 1;
  if (q < end && *q == '#')
    {
      gboolean hex;
      const char *digits;
      guint64 value = 0;

      q++;
      hex = q < end && (*q == 'x' || *q == 'X');
      if (hex)
        q++;
      digits = q;
      while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)))
        {
          if (value <= 0x10FFFF)
            value = value * (hex ? 16 : 10) + g_ascii_xdigit_value (*q);
          q++;
        }

      /* "&#" without digits is text to a browser too */
      if (q == digits)
        return GMA_HTML_REFERENCE_NONE;

      if (q >= end || *q != ';' || !is_allowed_character (value))
        {
          *len = q - p + (q < end && *q == ';');
          return GMA_HTML_REFERENCE_INVALID;
        }

      *len = q + 1 - p;
      *c = (gunichar) value;
      return GMA_HTML_REFERENCE_VALID;
    }

  while (q < end && g_ascii_isalnum (*q) && q - p <= MAX_NAME)
    q++;
  if (q == p + 1 || !g_ascii_isalpha (p[1]) || q >= end || *q != ';')
    return GMA_HTML_REFERENCE_NONE;

  *len = q + 1 - p;
  memcpy (name, p + 1, q - p - 1);
  name[q - p - 1] = '\0';
  found = bsearch (name, named_references, G_N_ELEMENTS (named_references),
                   sizeof named_references[0], compare_reference);
  if (found == NULL)
    return GMA_HTML_REFERENCE_INVALID;

  *c = found->c;
  return GMA_HTML_REFERENCE_VALID;
}

gboolean
gma_html_next_reference (GmaHtmlPos       *pos,
                         const char       *end,
                         GmaHtmlReference *kind,
                         gsize            *len)
{
  g_return_val_if_fail (pos != NULL, FALSE);

  while (pos->p < end)
    {
      const char *amp = memchr (pos->p, '&', end - pos->p);
      gunichar c;

      if (amp == NULL)
        break;
      step_to (pos, amp);
      *kind = gma_html_reference (amp, end, len, &c);
      if (*kind != GMA_HTML_REFERENCE_NONE)
        return TRUE;
      step (pos);
    }

  step_to (pos, end);
  return FALSE;
}

char *
gma_html_decode (const char *text,
                 gssize      len)
{
  GString *out;
  const char *p, *end;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len);
  end = text + len;

  for (p = text; p < end;)
    {
      const char *amp = memchr (p, '&', end - p);
      gunichar c;
      gsize n;

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, amp - p);
      if (gma_html_reference (amp, end, &n, &c) == GMA_HTML_REFERENCE_VALID)
        {
          g_string_append_unichar (out, c);
          p = amp + n;
        }
      else
        {
          g_string_append_c (out, '&');
          p = amp + 1;
        }
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Elements that end a line of the text, sorted. */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "div",
  "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
  "table", "td", "th", "tr", "ul",
};

static int
compare_name (const void *key,
              const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

static gboolean
is_block_element (const char *name,
                  gsize       len)
{
  char lower[16];

  if (len == 0 || len >= sizeof lower)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (name[i]);
  lower[len] = '\0';

  return bsearch (lower, block_elements, G_N_ELEMENTS (block_elements),
                  sizeof block_elements[0], compare_name) != NULL;
}

typedef struct {
  GString *out;
  GArray  *map;      /* GmaHtmlRange per byte of out, or NULL */
} Text;

static inline void
text_append (Text       *text,
             const char *bytes,
             gsize       n,
             gsize       start,
             gsize       end)
{
  g_string_append_len (text->out, bytes, n);
  if (text->map != NULL)
    for (gsize i = 0; i < n; i++)
      g_array_append_val (text->map, ((GmaHtmlRange) { start, end }));
}

/* White space: one space, none at the start or after a line break. A
 * line break (@line) replaces a space before it. */
static void
text_space (Text     *text,
            gboolean  line,
            gsize     start,
            gsize     end)
{
  GString *out = text->out;

  if (out->len == 0 || out->str[out->len - 1] == '\n')
    return;
  if (out->str[out->len - 1] == ' ')
    {
      if (line)
        out->str[out->len - 1] = '\n';
      return;
    }
  text_append (text, line ? "\n" : " ", 1, start, end);
}

static void
text_run (Text             *text,
          const char       *html,
          const GmaHtmlToken *token)
{
  const char *p = token->start.p;

  while (p < token->end)
    {
      gsize at = p - html;
      gunichar c;
      gsize n;

      if (*p == '&' && gma_html_reference (p, token->end, &n, &c) == GMA_HTML_REFERENCE_VALID)
        {
          char utf8[6];

          if (c == 0xA0)
            text_space (text, FALSE, at, at + n);
          else
            text_append (text, utf8, g_unichar_to_utf8 (c, utf8), at, at + n);
          p += n;
        }
      else if (is_space (*p))
        {
          text_space (text, FALSE, at, at + 1);
          p++;
        }
      else if ((guchar) p[0] == 0xC2 && token->end - p >= 2 && (guchar) p[1] == 0xA0)
        {
          text_space (text, FALSE, at, at + 2);
          p += 2;
        }
      else
        {
          if (*p != '\0')
            text_append (text, p, 1, at, at + 1);
          p++;
        }
    }
}

char *
gma_html_to_text (const char  *html,
                  gssize       len,
                  GArray     **map)
{
  GmaHtmlScanner scanner;
  GmaHtmlToken token;
  Text text;

  if (map != NULL)
    *map = NULL;
  g_return_val_if_fail (html != NULL, NULL);

  if (len < 0)
    len = strlen (html);
  text.out = g_string_sized_new (len);
  text.map = map != NULL ? g_array_sized_new (FALSE, FALSE, sizeof (GmaHtmlRange), len) : NULL;

  gma_html_scanner_init (&scanner, html, len);
  while (gma_html_next_token (&scanner, &token))
    {
      if (token.kind == GMA_HTML_TEXT)
        text_run (&text, html, &token);
      else if ((token.kind == GMA_HTML_START_TAG || token.kind == GMA_HTML_END_TAG) &&
               is_block_element (token.name, token.name_len))
        text_space (&text, TRUE, token.start.p - html, token.end - html);
    }

  while (text.out->len > 0 && is_space (text.out->str[text.out->len - 1]))
    g_string_truncate (text.out, text.out->len - 1);
  if (map != NULL)
    {
      g_array_set_size (text.map, text.out->len);
      *map = text.map;
    }

  return g_string_free (text.out, FALSE);
}

/* ------------------------------------------------------------------ */
/* URLs                                                                */
/* ------------------------------------------------------------------ */

/* The schemes a page may use, each with its kind: the one list both
 * functions below walk. */
static const struct {
  const char     *prefix;
  GmaHtmlUrlKind  kind;
} url_schemes[] = {
  { "https://", GMA_HTML_URL_WEB },
  { "http://", GMA_HTML_URL_WEB },
  { "mailto:", GMA_HTML_URL_MAILTO },
  { GMA_URI_SCHEME "://", GMA_HTML_URL_APP },
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
