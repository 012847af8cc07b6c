/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render-private.h: what the files of the renderer share:
 *
 *   gma-render.c          the template; the pages of nodes, FAQ entries and
 *                         the whole flow
 *   gma-render-links.c    text made HTML; the addresses and copy links after
 *                         links
 *   gma-render-contact.c  the prefecture's counter's card
 *   gma-render-slip.c     the copied summary and the printed slip
 */
#pragma once

#include "gma-render.h"
#include "gma-words.h"

G_BEGIN_DECLS

static inline void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* The words around the content, in @content's language. */
static inline const GmaWords *
_gma_render_words (GmaContent *content)
{
  return gma_words_for_language (gma_content_get_language (content));
}

/* gma-render.c */

/* The page template (web/page.html) filled: @kind is the page's class,
 * @title the document's, @reference (may be NULL) and @heading above
 * the body; the HTML parts may be NULL. */
char    *_gma_render_document   (GmaContent     *content,
                                 const char     *kind,
                                 const char     *title,
                                 const char     *reference,
                                 const char     *heading,
                                 const char     *path_html,
                                 const char     *body_html,
                                 const char     *related_html,
                                 GError        **error);
/* "対応方法3 TITLE" for a result with a reference; the title otherwise. */
char    *_gma_render_node_title (const GmaNode  *node);
/* The answers given so far, or NULL when there are none. The intro's
 * "start" is not an answer to anything and is left out. */
GString *_gma_render_path       (const GmaWords *words,
                                 GmaSession     *session);
/* The page body of a node, with the copy links and visible URLs added. */
char    *_gma_render_load_body  (GmaContent     *content,
                                 const char     *page,
                                 GError        **error);

/* gma-render-links.c */

/* After every link to a web page (https:) or a mail address (mailto:)
 * in @html: the URL or address as text, when the link's own text is not
 * already it (so that it can be read, typed and printed), and a link
 * that copies it ("gma://action/copy?text=…"), which works without
 * JavaScript: the window handles it. */
char    *_gma_render_add_link_extras (const GmaWords *words,
                                      const char     *html);

/* gma-render-contact.c */

/* The contact's name, telephone, hours and (with @link) web page, as a
 * list; every value escaped. */
void     _gma_render_append_contact_details (GString          *out,
                                             const GmaWords   *words,
                                             const GmaContact *contact,
                                             gboolean          link);

G_END_DECLS
