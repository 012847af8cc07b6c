/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-html.h: the one small tag scanner for content page fragments.
 *
 * Used by the content checker (gma-content.c), which reports problems at
 * line:column places, and by the renderer (gma-render.c), which adds the
 * visible URL and copy link after links: both must see the same tags and
 * attributes, so both use this.
 *
 * Enough for page fragments, not a full HTML parser: comments are
 * skipped (an unclosed one hides the rest of the text), attribute values
 * may be double-, single- or un-quoted, names are compared without
 * regard to ASCII case. Everything is one pass over the text. Columns
 * count characters, from 1.
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

/* A tag: <name attributes…> or </name…>. */
typedef struct
{
  GmaHtmlPos  start;       /* at the '<' */
  const char *end;         /* just after the '>' (or the end of the text) */
  const char *name;        /* not NUL-terminated */
  gsize       name_len;
  gboolean    is_end_tag;  /* </name> */
  gboolean    closed;      /* its '>' was found */
  GmaHtmlPos  attributes;  /* just after the name */
} GmaHtmlTag;

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
  GmaHtmlPos pos;
} GmaHtmlScanner;

void     gma_html_scanner_init   (GmaHtmlScanner   *scanner,
                                  const char       *text);
/* The next tag, comments skipped. FALSE at the end of the text. */
gboolean gma_html_next_tag       (GmaHtmlScanner   *scanner,
                                  GmaHtmlTag       *tag);
/* The attributes of @tag, in order: start with *@pos = @tag->attributes. */
gboolean gma_html_next_attribute (GmaHtmlPos       *pos,
                                  GmaHtmlAttribute *attribute);
/* Whether @name (of @len bytes) is @lower, ignoring ASCII case. */
gboolean gma_html_name_is        (const char       *name,
                                  gsize             len,
                                  const char       *lower);
/* Whether the class attribute of @tag lists @class_name (compared as
 * HTML does, case-sensitively). */
gboolean gma_html_tag_has_class  (const GmaHtmlTag *tag,
                                  const char       *class_name);
/* Moves @pos forward by @n bytes, counting lines and columns. */
void     gma_html_pos_advance    (GmaHtmlPos       *pos,
                                  gsize             n);

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
