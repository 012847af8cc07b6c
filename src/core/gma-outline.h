/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-outline.h: what a page says, as assistive technology needs it.
 *
 * A page of the pane (the HTML the resolver serves to the web view) read
 * into a small tree of headings (with their level), paragraphs, lists,
 * list items, links (with where they lead) and images (with their
 * alternative text), in reading order. The page pane builds accessible
 * GTK widgets from it where WebKit cannot hand the page itself to
 * assistive technology (see gma-page-outline.h).
 *
 * Not a general HTML parser: it reads the app's own pages, which the
 * content checker has accepted. Whatever it does not know is read as
 * text in its place (inline elements) or as a boundary between blocks
 * (block elements); elements marked hidden or aria-hidden are left out,
 * as a browser leaves them out of its accessibility tree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GMA_OUTLINE_DOCUMENT,   /* the root: blocks */
  GMA_OUTLINE_HEADING,    /* level 1–6: inline children */
  GMA_OUTLINE_PARAGRAPH,  /* inline children */
  GMA_OUTLINE_LIST,       /* list items; ordered or not */
  GMA_OUTLINE_LIST_ITEM,  /* blocks */
  GMA_OUTLINE_IMAGE,      /* a block: text is the alternative text */
  GMA_OUTLINE_TEXT,       /* inline: text */
  GMA_OUTLINE_LINK,       /* inline: text, href, and label when the page names it */
} GmaOutlineKind;

typedef struct _GmaOutlineNode GmaOutlineNode;

struct _GmaOutlineNode
{
  GmaOutlineKind  kind;
  guint           level;     /* HEADING: 1–6 */
  gboolean        ordered;   /* LIST: <ol> */
  char           *text;      /* TEXT and LINK: the words; IMAGE: alt */
  char           *label;     /* LINK: its aria-label, or NULL */
  char           *href;      /* LINK: as written (entities decoded) */
  GPtrArray      *children;  /* of GmaOutlineNode; NULL when there are none */
};

typedef struct _GmaOutline GmaOutline;

/* Reads @html (@len bytes, or -1: NUL-terminated). NULL and @error set
 * when it is not UTF-8; any markup is read as well as it goes. */
GmaOutline           *gma_outline_new_from_html (const char        *html,
                                                 gssize             len,
                                                 GError           **error);
void                  gma_outline_free          (GmaOutline        *outline);
const GmaOutlineNode *gma_outline_get_root      (const GmaOutline  *outline);
/* The page's <title>, or NULL. */
const char           *gma_outline_get_title     (const GmaOutline  *outline);
/* The words of @node and of everything in it, as one line: a link's
 * words (not its label), an image's alternative text. */
char                 *gma_outline_node_get_text (const GmaOutlineNode *node);
/* The name assistive technology gives @node: a link's label when the
 * page names it, its words otherwise; the text of anything else. */
char                 *gma_outline_node_get_name (const GmaOutlineNode *node);
/* One line per node, indented by depth ("heading 2: …", "link
 * gma://page/remedy-3: …"): for tests and debugging. */
char                 *gma_outline_to_string     (const GmaOutline  *outline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaOutline, gma_outline_free)

G_END_DECLS
