/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-outline.c: a page's headings, paragraphs, lists, links and images,
 * read from its HTML (see gma-outline.h) through the small tokenizer
 * interface of gma-outline-tokenizer.h. */
#define G_LOG_DOMAIN "gma-outline"
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "gma-outline.h"
#include "gma-outline-tokenizer.h"

struct _GmaOutline
{
  GmaOutlineNode *root;
  char *title;
};

/* ---- nodes ------------------------------------------------------------------- */

static GmaOutlineNode *
node_new (GmaOutlineKind kind)
{
  GmaOutlineNode *node = g_new0 (GmaOutlineNode, 1);

  node->kind = kind;
  return node;
}

static void
node_free (gpointer data)
{
  GmaOutlineNode *node = data;

  if (node == NULL)
    return;
  g_free (node->text);
  g_free (node->label);
  g_free (node->href);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

static void
node_append (GmaOutlineNode *parent,
             GmaOutlineNode *child)
{
  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func (node_free);
  g_ptr_array_add (parent->children, child);
}

/* ---- the builder ---------------------------------------------------------------- */

typedef struct
{
  GmaOutline     *outline;
  /* DOCUMENT, LIST and LIST_ITEM nodes, the innermost last. */
  GPtrArray      *containers;
  /* The HEADING or PARAGRAPH words go into (not yet in its container),
   * whether a tag opened it, its words since its last child. */
  GmaOutlineNode *block;
  gboolean        block_explicit;
  GString        *words;
  /* The link being read (its words in link_words). */
  GmaOutlineNode *link;
  GString        *link_words;
  /* An element left out with all it holds, and how deep in it. */
  char           *skip;
  guint           skip_depth;
  gboolean        in_head;
  GString        *title;
  /* Inside <svg>: how deep, the list its links go to, the link being
   * read and the <title> being read. */
  guint           svg_depth;
  GmaOutlineNode *svg_list;
  GmaOutlineNode *svg_link;
  GString        *svg_title;
} Builder;

static GmaOutlineNode *
builder_container (Builder *builder)
{
  return g_ptr_array_index (builder->containers, builder->containers->len - 1);
}

/* Appends @text to @words with each run of white space made one space;
 * none at the start of a block (@at_start) or after a line break. */
static void
append_words (GString    *words,
              const char *text,
              gboolean    at_start)
{
  for (const char *p = text; *p; p++)
    {
      char last = words->len > 0 ? words->str[words->len - 1] : (at_start ? '\n' : 0);

      if (!g_ascii_isspace (*p))
        g_string_append_c (words, *p);
      else if (last != ' ' && last != '\n')
        g_string_append_c (words, ' ');
    }
}

/* A <br>: the spaces before it go. */
static void
append_break (GString *words)
{
  while (words->len > 0 && words->str[words->len - 1] == ' ')
    g_string_truncate (words, words->len - 1);
  g_string_append_c (words, '\n');
}

/* The words so far become a TEXT child of the open block. */
static void
flush_words (Builder *builder)
{
  GmaOutlineNode *text;

  if (builder->words->len == 0)
    return;

  text = node_new (GMA_OUTLINE_TEXT);
  text->text = g_strdup (builder->words->str);
  node_append (builder->block, text);
  g_string_truncate (builder->words, 0);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void close_link (Builder *builder);

/* Ends the open block: white space at its ends goes, and so does the
 * block when nothing is left in it. */
static void
close_block (Builder *builder)
{
  GmaOutlineNode *block = builder->block;
  GPtrArray *children;

  if (block == NULL)
    return;

  close_link (builder);
  flush_words (builder);
  builder->block = NULL;

  children = block->children;
  while (children != NULL && children->len > 0)
    {
      GmaOutlineNode *first = g_ptr_array_index (children, 0);

      if (first->kind != GMA_OUTLINE_TEXT)
        break;
      g_strchug (first->text);
      if (first->text[0] != '\0')
        break;
      g_ptr_array_remove_index (children, 0);
    }
  while (children != NULL && children->len > 0)
    {
      GmaOutlineNode *last = g_ptr_array_index (children, children->len - 1);

      if (last->kind != GMA_OUTLINE_TEXT)
        break;
      g_strchomp (last->text);
      if (last->text[0] != '\0')
        break;
      g_ptr_array_remove_index (children, children->len - 1);
    }

  if (children == NULL || children->len == 0)
    node_free (block);
  else
    node_append (builder_container (builder), block);
}

static void
open_block (Builder        *builder,
            GmaOutlineKind  kind,
            guint           level,
            gboolean        is_explicit)
{
  close_block (builder);
  builder->block = node_new (kind);
  builder->block->level = level;
  builder->block_explicit = is_explicit;
}

/* Words (or a link) outside any block open a paragraph of their own. */
static void
ensure_block (Builder *builder)
{
  if (builder->block == NULL)
    open_block (builder, GMA_OUTLINE_PARAGRAPH, 0, FALSE);
}

static void
close_link (Builder *builder)
{
  GmaOutlineNode *link = builder->link;

  if (link == NULL)
    return;

  builder->link = NULL;
  link->text = g_strstrip (g_strdup (builder->link_words->str));
  g_string_truncate (builder->link_words, 0);
  if (link->text[0] == '\0' && link->label == NULL)
    {
      node_free (link);
      return;
    }
  node_append (builder->block, link);
}

static void
add_text (Builder    *builder,
          const char *text)
{
  if (builder->link != NULL)
    {
      append_words (builder->link_words, text, TRUE);
      return;
    }
  if (builder->block == NULL && is_blank (text))
    return;
  ensure_block (builder);
  append_words (builder->words, text, builder->block->children == NULL);
}

static void
add_image (Builder    *builder,
           const char *alt)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *text = NULL;
  GmaOutlineNode *open = builder->block;
  GmaOutlineNode *image;
  gboolean was_explicit = builder->block_explicit;
  GmaOutlineKind kind = open != NULL ? open->kind : GMA_OUTLINE_PARAGRAPH;
  guint level = open != NULL ? open->level : 0;

  append_words (words, alt, TRUE);
  text = g_strchomp (g_strdup (words->str));
  if (text[0] == '\0')
    return;

  /* An image in a link is what the link says. */
  if (builder->link != NULL)
    {
      append_words (builder->link_words, text, TRUE);
      return;
    }

  /* A block of its own: the words around it go on in another. */
  image = node_new (GMA_OUTLINE_IMAGE);
  image->text = g_steal_pointer (&text);
  close_block (builder);
  node_append (builder_container (builder), image);
  if (open != NULL)
    open_block (builder, kind, level, was_explicit);
}

/* Closes everything in the innermost container of @kind, and it too;
 * FALSE (nothing closed) when there is none. */
static gboolean
close_container (Builder        *builder,
                 GmaOutlineKind  kind)
{
  guint i;

  for (i = builder->containers->len; i > 1; i--)
    if (((GmaOutlineNode *) g_ptr_array_index (builder->containers, i - 1))->kind == kind)
      break;
  if (i <= 1)
    return FALSE;

  close_block (builder);
  g_ptr_array_set_size (builder->containers, i - 1);
  return TRUE;
}

static void
open_container (Builder        *builder,
                GmaOutlineNode *node)
{
  close_block (builder);
  node_append (builder_container (builder), node);
  g_ptr_array_add (builder->containers, node);
}

static void
open_list_item (Builder *builder)
{
  GmaOutlineNode *container = builder_container (builder);

  /* An item not closed before the next one. */
  if (container->kind == GMA_OUTLINE_LIST_ITEM)
    {
      close_container (builder, GMA_OUTLINE_LIST_ITEM);
      container = builder_container (builder);
    }

  if (container->kind != GMA_OUTLINE_LIST)
    {
      /* An item outside a list: its words are a paragraph. */
      close_block (builder);
      return;
    }

  open_container (builder, node_new (GMA_OUTLINE_LIST_ITEM));
}

static void
close_list_item (Builder *builder)
{
  GmaOutlineNode *container = builder_container (builder);

  close_block (builder);
  if (container->kind == GMA_OUTLINE_LIST_ITEM)
    close_container (builder, GMA_OUTLINE_LIST_ITEM);
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  return g_strv_contains (names, name);
}

static const char * const void_elements[] = {
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
  "track", "wbr", NULL,
};

/* Left out, with what they hold. */
static const char * const skipped_elements[] = {
  "script", "style", "template", "noscript", "iframe", "object", "select", "textarea",
  "button", "datalist", NULL,
};

/* A paragraph each. */
static const char * const paragraph_elements[] = {
  "p", "dt", "dd", "figcaption", "pre", "address", "td", "th", "caption", "summary", "legend",
  NULL,
};

/* Boundaries between blocks, nothing more. */
static const char * const boundary_elements[] = {
  "div", "section", "header", "footer", "main", "nav", "article", "aside", "blockquote",
  "figure", "dl", "table", "thead", "tbody", "tfoot", "tr", "form", "fieldset", "details",
  "hr", "body", "html", "hgroup", "search", NULL,
};

static guint
heading_level (const char *name)
{
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] - '0';
  return 0;
}

/* ---- <svg>: the flow diagram's boxes are links, named by their <title> */

static void
svg_start (Builder     *builder,
           const GmaOutlineToken *token)
{
  g_autofree char *href = NULL;

  if (g_str_equal (token->name, "svg"))
    {
      builder->svg_depth++;
      return;
    }
  if (g_str_equal (token->name, "a") && builder->svg_link == NULL &&
      ((href = gma_outline_token_get_attribute (token, "href")) != NULL ||
       (href = gma_outline_token_get_attribute (token, "xlink:href")) != NULL))
    {
      builder->svg_link = node_new (GMA_OUTLINE_LINK);
      builder->svg_link->href = g_steal_pointer (&href);
      return;
    }
  if (g_str_equal (token->name, "title") && builder->svg_title == NULL)
    builder->svg_title = g_string_new (NULL);
}

static void
svg_end (Builder     *builder,
         const GmaOutlineToken *token)
{
  if (g_str_equal (token->name, "svg"))
    {
      if (--builder->svg_depth == 0)
        {
          builder->svg_list = NULL;
          g_clear_pointer (&builder->svg_link, node_free);
          if (builder->svg_title != NULL)
            g_string_free (g_steal_pointer (&builder->svg_title), TRUE);
        }
      return;
    }

  if (g_str_equal (token->name, "title") && builder->svg_title != NULL)
    {
      g_autofree char *title = g_strstrip (g_string_free (g_steal_pointer (&builder->svg_title), FALSE));

      if (title[0] == '\0')
        return;
      if (builder->svg_link != NULL)
        {
          g_free (builder->svg_link->text);
          builder->svg_link->text = g_steal_pointer (&title);
        }
      else
        {
          /* The picture's own title. */
          open_block (builder, GMA_OUTLINE_PARAGRAPH, 0, FALSE);
          append_words (builder->words, title, TRUE);
          close_block (builder);
        }
      return;
    }

  if (g_str_equal (token->name, "a") && builder->svg_link != NULL)
    {
      GmaOutlineNode *link = g_steal_pointer (&builder->svg_link);
      GmaOutlineNode *item;
      GmaOutlineNode *paragraph;

      if (link->text == NULL || link->text[0] == '\0')
        {
          node_free (link);
          return;
        }
      if (builder->svg_list == NULL)
        {
          builder->svg_list = node_new (GMA_OUTLINE_LIST);
          close_block (builder);
          node_append (builder_container (builder), builder->svg_list);
        }
      item = node_new (GMA_OUTLINE_LIST_ITEM);
      paragraph = node_new (GMA_OUTLINE_PARAGRAPH);
      node_append (paragraph, link);
      node_append (item, paragraph);
      node_append (builder->svg_list, item);
    }
}

/* ---- tags ------------------------------------------------------------------------------ */

static gboolean
is_hidden (const GmaOutlineToken *token)
{
  g_autofree char *hidden = gma_outline_token_get_attribute (token, "hidden");
  g_autofree char *aria_hidden = gma_outline_token_get_attribute (token, "aria-hidden");
  g_autofree char *role = gma_outline_token_get_attribute (token, "role");

  return hidden != NULL || g_strcmp0 (aria_hidden, "true") == 0 ||
         (g_str_equal (token->name, "img") && (g_strcmp0 (role, "presentation") == 0 ||
                                               g_strcmp0 (role, "none") == 0));
}

static void
start_tag (Builder     *builder,
           const GmaOutlineToken *token)
{
  const char *name = token->name;
  guint level;

  if (is_hidden (token) || name_in (name, skipped_elements))
    {
      if (!name_in (name, void_elements))
        {
          builder->skip = g_strdup (name);
          builder->skip_depth = 1;
        }
      return;
    }

  if (g_str_equal (name, "svg"))
    {
      close_block (builder);
      svg_start (builder, token);
      return;
    }
  if (g_str_equal (name, "head"))
    {
      builder->in_head = TRUE;
      return;
    }
  if (g_str_equal (name, "title"))
    {
      if (builder->title == NULL)
        builder->title = g_string_new (NULL);
      return;
    }

  if ((level = heading_level (name)) > 0)
    open_block (builder, GMA_OUTLINE_HEADING, level, TRUE);
  else if (name_in (name, paragraph_elements))
    open_block (builder, GMA_OUTLINE_PARAGRAPH, 0, TRUE);
  else if (g_str_equal (name, "ul") || g_str_equal (name, "ol") || g_str_equal (name, "menu"))
    {
      GmaOutlineNode *list = node_new (GMA_OUTLINE_LIST);

      list->ordered = g_str_equal (name, "ol");
      open_container (builder, list);
    }
  else if (g_str_equal (name, "li"))
    open_list_item (builder);
  else if (name_in (name, boundary_elements))
    close_block (builder);
  else if (g_str_equal (name, "br"))
    {
      if (builder->link != NULL)
        append_words (builder->link_words, " ", TRUE);
      else if (builder->block != NULL)
        append_break (builder->words);
    }
  else if (g_str_equal (name, "img"))
    {
      g_autofree char *alt = gma_outline_token_get_attribute (token, "alt");

      if (alt != NULL)
        add_image (builder, alt);
    }
  else if (g_str_equal (name, "a"))
    {
      g_autofree char *href = gma_outline_token_get_attribute (token, "href");

      if (href == NULL)
        return;
      ensure_block (builder);
      close_link (builder);
      flush_words (builder);
      builder->link = node_new (GMA_OUTLINE_LINK);
      builder->link->href = g_strstrip (g_steal_pointer (&href));
      builder->link->label = gma_outline_token_get_attribute (token, "aria-label");
      if (builder->link->label != NULL)
        {
          g_strstrip (builder->link->label);
          if (builder->link->label[0] == '\0')
            g_clear_pointer (&builder->link->label, g_free);
        }
    }
  /* Anything else (span, strong, mark…) is part of the words. */
}

static void
end_tag (Builder     *builder,
         const GmaOutlineToken *token)
{
  const char *name = token->name;

  if (g_str_equal (name, "head"))
    builder->in_head = FALSE;
  else if (g_str_equal (name, "title") && builder->title != NULL && builder->outline->title == NULL)
    {
      g_autoptr(GString) words = g_string_new (NULL);

      append_words (words, builder->title->str, TRUE);
      builder->outline->title = g_strstrip (g_strdup (words->str));
      g_string_truncate (builder->title, 0);
    }
  else if (heading_level (name) > 0 || name_in (name, paragraph_elements) ||
           name_in (name, boundary_elements))
    close_block (builder);
  else if (g_str_equal (name, "li"))
    close_list_item (builder);
  else if (g_str_equal (name, "ul") || g_str_equal (name, "ol") || g_str_equal (name, "menu"))
    close_container (builder, GMA_OUTLINE_LIST);
  else if (g_str_equal (name, "a"))
    close_link (builder);
}

static void
read_token (Builder     *builder,
            const GmaOutlineToken *token)
{
  if (builder->skip != NULL)
    {
      if (token->kind != GMA_OUTLINE_TOKEN_TEXT && g_str_equal (token->name, builder->skip))
        {
          if (token->kind == GMA_OUTLINE_TOKEN_START)
            builder->skip_depth++;
          else if (--builder->skip_depth == 0)
            g_clear_pointer (&builder->skip, g_free);
        }
      return;
    }

  if (builder->svg_depth > 0)
    {
      if (token->kind == GMA_OUTLINE_TOKEN_START)
        svg_start (builder, token);
      else if (token->kind == GMA_OUTLINE_TOKEN_END)
        svg_end (builder, token);
      else if (builder->svg_title != NULL)
        g_string_append (builder->svg_title, token->text);
      return;
    }

  switch (token->kind)
    {
    case GMA_OUTLINE_TOKEN_START:
      start_tag (builder, token);
      break;
    case GMA_OUTLINE_TOKEN_END:
      end_tag (builder, token);
      break;
    case GMA_OUTLINE_TOKEN_TEXT:
      if (builder->title != NULL && builder->outline->title == NULL && builder->in_head)
        g_string_append (builder->title, token->text);
      else if (!builder->in_head)
        add_text (builder, token->text);
      break;
    default:
      g_assert_not_reached ();
    }
}

GmaOutline *
gma_outline_new_from_html (const char  *html,
                           gssize       len,
                           GError     **error)
{
  Builder builder = { 0 };
  GmaOutlineTokenizer tokenizer;
  GmaOutlineToken token = { 0 };
  const char *invalid = NULL;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = strlen (html);
  if (!g_utf8_validate (html, len, &invalid))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The page is not UTF-8 text (at byte %" G_GSIZE_FORMAT ")", (gsize) (invalid - html));
      return NULL;
    }
  builder.outline = g_new0 (GmaOutline, 1);
  builder.outline->root = node_new (GMA_OUTLINE_DOCUMENT);
  builder.containers = g_ptr_array_new ();
  g_ptr_array_add (builder.containers, builder.outline->root);
  builder.words = g_string_new (NULL);
  builder.link_words = g_string_new (NULL);

  gma_outline_tokenizer_init (&tokenizer, html, len);
  while (gma_outline_tokenizer_next (&tokenizer, &token))
    read_token (&builder, &token);
  gma_outline_token_clear (&token);

  close_block (&builder);
  g_ptr_array_unref (builder.containers);
  g_string_free (builder.words, TRUE);
  g_string_free (builder.link_words, TRUE);
  g_free (builder.skip);
  g_clear_pointer (&builder.svg_link, node_free);
  if (builder.svg_title != NULL)
    g_string_free (builder.svg_title, TRUE);
  if (builder.title != NULL)
    g_string_free (builder.title, TRUE);

  return builder.outline;
}

void
gma_outline_free (GmaOutline *outline)
{
  if (outline == NULL)
    return;

  node_free (outline->root);
  g_free (outline->title);
  g_free (outline);
}

const GmaOutlineNode *
gma_outline_get_root (const GmaOutline *outline)
{
  g_return_val_if_fail (outline != NULL, NULL);
  return outline->root;
}

const char *
gma_outline_get_title (const GmaOutline *outline)
{
  g_return_val_if_fail (outline != NULL, NULL);
  return outline->title;
}

static void
append_node_text (GString              *out,
                  const GmaOutlineNode *node)
{
  if (node->text != NULL)
    {
      /* Blocks in a list item are read one after the other. */
      if (node->kind == GMA_OUTLINE_IMAGE && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      g_string_append (out, node->text);
    }
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      const GmaOutlineNode *child = g_ptr_array_index (node->children, i);

      if (child->kind != GMA_OUTLINE_TEXT && child->kind != GMA_OUTLINE_LINK &&
          out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      append_node_text (out, child);
    }
}

char *
gma_outline_node_get_text (const GmaOutlineNode *node)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_new (NULL);
  append_node_text (out, node);
  return g_strstrip (g_string_free (out, FALSE));
}

char *
gma_outline_node_get_name (const GmaOutlineNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (node->kind == GMA_OUTLINE_LINK && node->label != NULL)
    return g_strdup (node->label);
  return gma_outline_node_get_text (node);
}

static void
append_node_line (GString              *out,
                  const GmaOutlineNode *node,
                  guint                 depth)
{
  static const char * const kinds[] = {
    [GMA_OUTLINE_DOCUMENT] = "document",
    [GMA_OUTLINE_HEADING] = "heading",
    [GMA_OUTLINE_PARAGRAPH] = "paragraph",
    [GMA_OUTLINE_LIST] = "list",
    [GMA_OUTLINE_LIST_ITEM] = "item",
    [GMA_OUTLINE_IMAGE] = "image",
    [GMA_OUTLINE_TEXT] = "text",
    [GMA_OUTLINE_LINK] = "link",
  };

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append (out, kinds[node->kind]);
  if (node->kind == GMA_OUTLINE_HEADING)
    g_string_append_printf (out, " %u", node->level);
  if (node->kind == GMA_OUTLINE_LIST && node->ordered)
    g_string_append (out, " ordered");
  if (node->href != NULL)
    g_string_append_printf (out, " %s", node->href);
  if (node->label != NULL)
    g_string_append_printf (out, " [%s]", node->label);
  if (node->text != NULL)
    {
      g_string_append (out, ": ");
      for (const char *p = node->text; *p; p++)
        if (*p == '\n')
          g_string_append (out, "\\n");
        else
          g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    append_node_line (out, g_ptr_array_index (node->children, i), depth + 1);
}

char *
gma_outline_to_string (const GmaOutline *outline)
{
  GString *out;

  g_return_val_if_fail (outline != NULL, NULL);

  out = g_string_new (NULL);
  append_node_line (out, outline->root, 0);
  return g_string_free (out, FALSE);
}
