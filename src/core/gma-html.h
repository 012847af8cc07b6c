/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-html.h: the one HTML model of the app.
 *
 * Only this module knows HTML syntax. Its clients: the page checker
 * (gma-content-pages.c: tags, attributes and references, reported at
 * line:column places), the renderer (gma-render-links.c and
 * gma-render-contact.c: links and the counter's marker), the search
 * (gma-search-index.c: a page's text) and the highlighter
 * (gma-highlight.c: <mark> in the page's text runs). Since they all
 * read a page through the same tokenizer and decoder, they
 * agree on what is a tag, what is text and what a reference means.
 *
 * The tokenizer follows the HTML standard's tokenizer for what page
 * fragments hold, in one pass, never failing:
 *
 *   <x…   with x an ASCII letter: a start tag; </x… an end tag. The name
 *         runs to white space, '/' or '>'; attribute values may be
 *         double-, single- or unquoted, and a quoted one may hold '>'.
 *         A tag without its '>' runs to the end of the text (closed is
 *         FALSE; HTML drops it).
 *   <!--  a comment, to the next "-->" (or "--!>"); "<!-->" and "<!--->"
 *         are empty comments; an unclosed one runs to the end of the
 *         text and hides it.
 *   <!…, <?…, and </ followed by anything but an ASCII letter: what HTML
 *         calls a bogus comment, to the next '>' (or the end). So
 *         "x </ パスワード> y" is the text "x ", a comment and " y", as a
 *         browser shows it; "<!DOCTYPE …>" and "<![CDATA[…" (outside SVG
 *         and MathML, where it is text; that difference is not made
 *         here) are comments too. "</>" is a comment of nothing.
 *   <     followed by anything else (white space, a digit, a non-ASCII
 *         character, the end): text, as is "</" at the very end.
 *
 * After the start tag of script, style, title, textarea, iframe, noembed,
 * noframes or xmp, everything up to the matching end tag ("</script"
 * followed by white space, '/' or '>', in any case) is one RAW_TEXT
 * token, never read as tags and not taken as the page's text (a
 * script, a style sheet, a title, a form's value: not the page's prose).
 *
 * References: "&name;" for the names in the table of gma-html.c (the
 * XML five, &nbsp; and common typographic ones), "&#N;" and "&#xH;" for
 * a character a page may hold (not NUL, a surrogate, a C1 or a C0
 * control other than tab and line breaks, nor beyond U+10FFFF). Anything
 * else is text as written, never partly decoded. Those a browser would
 * read otherwise (an unknown "&name;", which it may know; a numeric one
 * without its ';' or naming no such character) are INVALID, and the
 * checker refuses the page that holds one, so that the page the app
 * searches is the page the browser shows.
 *
 * Positions: byte pointers into the text, with the line and column
 * (characters, from 1) of each token and attribute for the checker's
 * messages. Byte offsets are p - text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *p;
  guint       line;
  guint       col;
} GmaHtmlPos;

typedef enum {
  GMA_HTML_TEXT,        /* text, references not decoded (gma_html_decode()) */
  GMA_HTML_START_TAG,
  GMA_HTML_END_TAG,
  GMA_HTML_COMMENT,     /* comments, bogus comments, doctypes */
  GMA_HTML_RAW_TEXT,    /* the contents of script, style… */
} GmaHtmlTokenKind;

typedef struct
{
  GmaHtmlTokenKind  kind;
  GmaHtmlPos        start;       /* the first byte (a tag's '<') */
  const char       *end;         /* just after the last byte */
  /* Tags only: */
  const char       *name;        /* not NUL-terminated */
  gsize             name_len;
  gboolean          closed;      /* its '>' was found */
  GmaHtmlPos        attributes;  /* just after the name */
} GmaHtmlToken;

typedef struct
{
  const char *name;        /* not NUL-terminated */
  gsize       name_len;
  GmaHtmlPos  name_pos;
  const char *value;       /* as written, quotes left out; NULL: no value */
  gsize       value_len;
  GmaHtmlPos  value_pos;
} GmaHtmlAttribute;

typedef struct
{
  /*< private >*/
  GmaHtmlPos  pos;
  const char *end;
  const char *raw_name;    /* inside a raw text element: its name */
  gsize       raw_name_len;
} GmaHtmlScanner;

/* @len: bytes of @text, or -1 when it is NUL-terminated. With a length,
 * a NUL is a byte of text like any other. */
void     gma_html_scanner_init   (GmaHtmlScanner     *scanner,
                                  const char         *text,
                                  gssize              len);
/* The next token: the tokens cover the text, in order, without gaps.
 * FALSE at the end of the text. */
gboolean gma_html_next_token     (GmaHtmlScanner     *scanner,
                                  GmaHtmlToken       *token);
/* The next start or end tag, other tokens skipped. */
gboolean gma_html_next_tag       (GmaHtmlScanner     *scanner,
                                  GmaHtmlToken       *tag);
/* The attributes of @tag, in order: start with *@pos = @tag->attributes. */
gboolean gma_html_next_attribute (const GmaHtmlToken *tag,
                                  GmaHtmlPos         *pos,
                                  GmaHtmlAttribute   *attribute);
/* Whether @name (of @len bytes) is @lower, ignoring ASCII case. */
gboolean gma_html_name_is        (const char         *name,
                                  gsize               len,
                                  const char         *lower);
/* Whether the class attribute of the start tag @tag lists @class_name
 * (compared as HTML does, case-sensitively). */
gboolean gma_html_tag_has_class  (const GmaHtmlToken *tag,
                                  const char         *class_name);
/* Moves @pos forward by @n bytes (not past a NUL), counting lines and
 * columns. */
void     gma_html_pos_advance    (GmaHtmlPos         *pos,
                                  gsize               n);

typedef enum {
  GMA_HTML_REFERENCE_NONE,     /* not a reference: the '&' is text */
  GMA_HTML_REFERENCE_VALID,    /* decoded */
  GMA_HTML_REFERENCE_INVALID,  /* one a browser may read otherwise: text as written */
} GmaHtmlReference;

/* The reference at @p (a '&'), in the text ending at @end: its kind, and
 * for VALID and INVALID its length in *@len; for VALID its character in
 * *@c. */
GmaHtmlReference gma_html_reference      (const char *p,
                                          const char *end,
                                          gsize      *len,
                                          gunichar   *c);
/* The next reference (VALID or INVALID) from *@pos on, before @end: TRUE
 * with *@pos at its '&', its kind and length; move *@pos past it before
 * asking again. FALSE at @end. */
gboolean         gma_html_next_reference (GmaHtmlPos       *pos,
                                          const char       *end,
                                          GmaHtmlReference *kind,
                                          gsize            *len);
/* @text (@len bytes, or -1) with its references decoded; an attribute
 * value or a run of text. */
char            *gma_html_decode         (const char *text,
                                          gssize      len);

/* A byte range [start, end) of an HTML text. */
typedef struct
{
  gsize start;
  gsize end;
} GmaHtmlRange;

/* The text of an HTML fragment (@len bytes, or -1), as the search reads
 * it: the text tokens with their references decoded; a line break for
 * each block element (p, li, h1…, br…); runs of white space (and
 * no-break spaces) as one space, none at either end; NUL bytes left out.
 * With @map, *@map receives one GmaHtmlRange per byte of the result: the
 * bytes of @html it comes from (a whole reference for each byte of its
 * character; a block element's tag for its line break). */
char *gma_html_to_text (const char  *html,
                        gssize       len,
                        GArray     **map);

typedef enum {
  GMA_HTML_URL_OTHER,
  GMA_HTML_URL_WEB,       /* https:// or http:// */
  GMA_HTML_URL_MAILTO,    /* mailto: */
  GMA_HTML_URL_APP,       /* gma:// */
  GMA_HTML_URL_FRAGMENT,  /* #… */
} GmaHtmlUrlKind;

/* The kind of @url; schemes are matched without regard to case and
 * white space around @url is ignored, as a browser does. */
GmaHtmlUrlKind gma_html_url_kind (const char *url);
/* The length of @url's scheme with its "://" or ":" ("https://" is 8),
 * for a kind other than OTHER and FRAGMENT; 0 otherwise. @url must not
 * start with white space. */
gsize          gma_html_url_scheme_len (const char *url);

G_END_DECLS
