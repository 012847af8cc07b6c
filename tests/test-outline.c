/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-outline.c: a page read as assistive technology needs it
 * (gma-outline.h): headings with their level, paragraphs, lists, links
 * with where they lead, images with their alternative text; what is
 * hidden left out; any input read without a crash. */
#define G_LOG_DOMAIN "gma-test-outline"
#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "gma-faq.h"
#include "gma-outline.h"
#include "gma-router.h"
#include "gma-session.h"
#include "test-util.h"

static char *
outline_string (const char *html)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaOutline) outline = gma_outline_new_from_html (html, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (outline);
  return gma_outline_to_string (outline);
}

static void
assert_outline (const char *html,
                const char *expected)
{
  g_autofree char *got = outline_string (html);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("The outline of\n%s\nis\n%s\nnot\n%s", html, got, expected);
}

static void
test_blocks (void)
{
  assert_outline ("<!DOCTYPE html><html><head><title> The  title </title>"
                  "<style>p { color: red }</style></head><body>"
                  "<h1>One</h1><p>Some <strong>strong</strong>\n  words.</p>"
                  "<h3>Three</h3><div>Loose <em>words</em></div><p>Line<br>\nbreak</p>"
                  "</body></html>",
                  "document\n"
                  "  heading 1\n"
                  "    text: One\n"
                  "  paragraph\n"
                  "    text: Some strong words.\n"
                  "  heading 3\n"
                  "    text: Three\n"
                  "  paragraph\n"
                  "    text: Loose words\n"
                  "  paragraph\n"
                  "    text: Line\\nbreak\n");
}

static void
test_title (void)
{
  g_autoptr(GmaOutline) outline =
    gma_outline_new_from_html ("<html><head><title>\n  A &amp; B\n</title></head><body><p>x</p></body></html>",
                               -1, NULL);

  g_assert_cmpstr (gma_outline_get_title (outline), ==, "A & B");
  g_clear_pointer (&outline, gma_outline_free);

  outline = gma_outline_new_from_html ("<p>no title</p>", -1, NULL);
  g_assert_null (gma_outline_get_title (outline));
}

static void
test_lists (void)
{
  assert_outline ("<ol><li>First<p class=\"x\">Its <a href=\"gma://page/a\">link</a></p></li>"
                  "<li>Second<ul><li>Inner</li></ul></li><li>Unclosed<li>Next</ol>"
                  "<li>Outside</li>",
                  "document\n"
                  "  list ordered\n"
                  "    item\n"
                  "      paragraph\n"
                  "        text: First\n"
                  "      paragraph\n"
                  "        text: Its \n"
                  "        link gma://page/a: link\n"
                  "    item\n"
                  "      paragraph\n"
                  "        text: Second\n"
                  "      list\n"
                  "        item\n"
                  "          paragraph\n"
                  "            text: Inner\n"
                  "    item\n"
                  "      paragraph\n"
                  "        text: Unclosed\n"
                  "    item\n"
                  "      paragraph\n"
                  "        text: Next\n"
                  "  paragraph\n"
                  "    text: Outside\n");
}

static void
test_links (void)
{
  /* The words between two links keep their space; a link's label is
   * its aria-label; a link without href is words; one without words
   * or label is left out; an image in a link is what it says. */
  assert_outline ("<p>Mail (<a href=\"mailto:a@b.c\">a@b.c</a> "
                  "<a class=\"copy-link\" href=\"gma://action/copy?text=a%40b.c\" aria-label=\"a@b.c をコピー\">コピー</a>) "
                  "to <a>nowhere</a> <a href=\"#x\"> </a><a href=\" https://x.example/?a=1&amp;b=2 \">"
                  "<img src=\"i.svg\" alt=\"Picture\"></a></p>",
                  "document\n"
                  "  paragraph\n"
                  "    text: Mail (\n"
                  "    link mailto:a@b.c: a@b.c\n"
                  "    text:  \n"
                  "    link gma://action/copy?text=a%40b.c [a@b.c をコピー]: コピー\n"
                  "    text: ) to nowhere \n"
                  "    link https://x.example/?a=1&b=2: Picture\n");
}

static void
test_images (void)
{
  /* An image is a block of its own; decorative ones are left out. */
  assert_outline ("<p>Before <img src=\"a.svg\" alt=\" The  picture \"> after</p>"
                  "<figure><img src=\"b.svg\" alt=\"\"><img src=\"c.svg\" alt=\"x\" role=\"presentation\">"
                  "<figcaption>Caption</figcaption></figure><img src=\"d.svg\">",
                  "document\n"
                  "  paragraph\n"
                  "    text: Before\n"
                  "  image: The picture\n"
                  "  paragraph\n"
                  "    text: after\n"
                  "  paragraph\n"
                  "    text: Caption\n");
}

static void
test_hidden (void)
{
  assert_outline ("<p class=\"page-reference\" hidden>Reference</p>"
                  "<div aria-hidden=\"true\"><p>Not <div>read</div></p></div>"
                  "<script>document.write('<p>no</p>')</script><template><p>no</p></template>"
                  "<p>Shown<!-- a <p>comment</p> --> &lt;text&gt; &#x41;&#66;&nbsp;&unknown;</p>",
                  "document\n"
                  "  paragraph\n"
                  "    text: Shown <text> AB\xc2\xa0&unknown;\n");
}

static void
test_svg (void)
{
  /* The flow diagram: its boxes are links named by their <title>; the
   * words drawn in them are not read twice. */
  assert_outline ("<figure><svg role=\"group\" aria-labelledby=\"t\"><title id=\"t\">The flow</title>"
                  "<g><a href=\"gma://page/start\"><title>Start</title><text>Sta</text><text>rt</text></a></g>"
                  "<a href=\"gma://page/end\"><title>End</title></a><a href=\"gma://page/none\"></a>"
                  "<text>Yes</text></svg></figure><p>After</p>",
                  "document\n"
                  "  paragraph\n"
                  "    text: The flow\n"
                  "  list\n"
                  "    item\n"
                  "      paragraph\n"
                  "        link gma://page/start: Start\n"
                  "    item\n"
                  "      paragraph\n"
                  "        link gma://page/end: End\n"
                  "  paragraph\n"
                  "    text: After\n");
}

static void
test_names (void)
{
  g_autoptr(GmaOutline) outline =
    gma_outline_new_from_html ("<ul><li>Item <a href=\"x\" aria-label=\"Label\">words</a> end"
                               "<p>More</p><img src=\"i\" alt=\"Alt\"></li></ul>",
                               -1, NULL);
  const GmaOutlineNode *list = g_ptr_array_index (gma_outline_get_root (outline)->children, 0);
  const GmaOutlineNode *item = g_ptr_array_index (list->children, 0);
  const GmaOutlineNode *paragraph = g_ptr_array_index (item->children, 0);
  const GmaOutlineNode *link = g_ptr_array_index (paragraph->children, 1);
  g_autofree char *item_text = gma_outline_node_get_text (item);
  g_autofree char *link_text = gma_outline_node_get_text (link);
  g_autofree char *link_name = gma_outline_node_get_name (link);
  g_autofree char *paragraph_name = gma_outline_node_get_name (paragraph);

  g_assert_cmpint (link->kind, ==, GMA_OUTLINE_LINK);
  g_assert_cmpstr (item_text, ==, "Item words end More Alt");
  g_assert_cmpstr (link_text, ==, "words");
  g_assert_cmpstr (link_name, ==, "Label");
  g_assert_cmpstr (paragraph_name, ==, "Item words end");
}

static void
test_bad_input (void)
{
  static const char * const inputs[] = {
    "", "<", "<<<>>>", "<a href=", "<a href=\"gma://x", "</p></li></ul></h2>",
    "<ul><li><ul><li><ol>", "<p>&#0; &#x110000; &#xD800; &#99999999999; &;</p>",
    "<svg><svg><a href=x><title>t", "<h7>no</h7><h0>no</h0>", "<!--", "<!", "<p hidden>",
    "<script>", "<title>t", "<img alt=\"x\"", "text only",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GmaOutline) outline = gma_outline_new_from_html (inputs[i], -1, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (outline);
      text = gma_outline_to_string (outline);
      g_assert_true (g_str_has_prefix (text, "document\n"));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GmaOutline) outline = gma_outline_new_from_html ("<p>ok \xff</p>", -1, &error);

    g_assert_null (outline);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    test_assert_contains (error->message, "UTF-8");
  }

  {
    /* @len is honoured: what follows is not read. */
    g_autofree char *text = NULL;
    g_autoptr(GmaOutline) outline = gma_outline_new_from_html ("<p>in</p><p>out</p>", 9, NULL);

    text = gma_outline_to_string (outline);
    g_assert_cmpstr (text, ==, "document\n  paragraph\n    text: in\n");
  }
}

/* ---- the real pages ------------------------------------------------------------ */

/* The HTML the pane is served for @uri (a node's page, walked to). */
static char *
render_uri (GmaContent *content,
            const char *uri)
{
  g_autoptr(GmaSession) session = gma_session_new (gma_content_get_flow (content));

  return test_load_document (content, session, uri);
}

/* Counts the elements @name (start tags) of @html, by a plain search:
 * not through gma-html or the outline. */
static guint
count_elements (const char *html,
                const char *name)
{
  g_autofree char *open = g_strdup_printf ("<%s", name);
  guint n = 0;

  for (const char *p = strstr (html, open); p != NULL; p = strstr (p + 1, open))
    if (p[strlen (open)] == '>' || p[strlen (open)] == ' ')
      n++;
  return n;
}

static void
count_nodes (const GmaOutlineNode *node,
             GmaOutlineKind        kind,
             guint                *n)
{
  if (node->kind == kind)
    (*n)++;
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    count_nodes (g_ptr_array_index (node->children, i), kind, n);
}

static void
test_remedy_2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autofree char *html = render_uri (content, "gma://page/remedy-2");
  g_autoptr(GmaOutline) outline = gma_outline_new_from_html (html, -1, &error);
  g_autofree char *text = NULL;
  guint headings = 0, items = 0, links = 0, images = 0;

  g_assert_no_error (error);
  text = gma_outline_to_string (outline);
  g_test_message ("%s", text);

  g_assert_cmpstr (gma_outline_get_title (outline), ==, "対応方法2 迷惑メールフォルダにメールがあった場合");
  /* The reference above the title, the title and the guide's headings. */
  test_assert_contains (text, "\n  paragraph\n    text: 対応方法2\n  heading 1\n    text: 迷惑メールフォルダにメールがあった場合\n");
  test_assert_contains (text, "\n  heading 2\n    text: これまでの回答\n  list ordered\n    item\n"
                              "      paragraph\n        text: 事前のご連絡メール（10月23日）: 届いていない\n");
  test_assert_contains (text, "\n  heading 2\n    text: 【Outlookの場合の例】\n");
  test_assert_contains (text, "\n  heading 2\n    text: 関連するよくある質問\n");
  /* A step with its link, and the step whose mail address has a copy link. */
  test_assert_contains (text, "        text: ②メールに記載のURLにアクセスする\n      paragraph\n"
                              "        link gma://page/remedy-3: メールにあるURLにアクセスできない場合は対応方法3\n");
  test_assert_contains (text, "        text: ④送信元メールアドレス (\n"
                              "        link mailto:info@g-mis.net: info@g-mis.net\n"
                              "        text:  \n"
                              "        link gma://action/copy?text=info%40g-mis.net [info@g-mis.net をコピー]: コピー\n"
                              "        text: ) を「安全なアドレス」として設定する\n");
  test_assert_contains (text, "link gma://faq/faq-3-2: FAQ 3-2 「このサイトにアクセスできません」というメッセージが出た。\n");
  test_assert_contains (text, "  image: Outlookの画面の模式図：");
  test_assert_lacks (text, "page.css");

  /* As many as the page has, counted without the outline's reader. */
  count_nodes (gma_outline_get_root (outline), GMA_OUTLINE_HEADING, &headings);
  count_nodes (gma_outline_get_root (outline), GMA_OUTLINE_LIST_ITEM, &items);
  count_nodes (gma_outline_get_root (outline), GMA_OUTLINE_LINK, &links);
  count_nodes (gma_outline_get_root (outline), GMA_OUTLINE_IMAGE, &images);
  g_assert_cmpuint (headings, ==, count_elements (html, "h1") + count_elements (html, "h2") +
                                  count_elements (html, "h3") + count_elements (html, "h4"));
  g_assert_cmpuint (items, ==, count_elements (html, "li"));
  g_assert_cmpuint (links, ==, count_elements (html, "a"));
  g_assert_cmpuint (images, ==, count_elements (html, "img"));
  g_assert_cmpuint (headings, >=, 4);
  g_assert_cmpuint (items, >=, 10);
  g_assert_cmpuint (links, >=, 5);
}

/* Every page of the flow: each heading, list item, link and image the
 * HTML has is in the outline, and every link and image is named. */
static void
check_names (const GmaOutlineNode *node)
{
  if (node->kind == GMA_OUTLINE_LINK || node->kind == GMA_OUTLINE_IMAGE ||
      node->kind == GMA_OUTLINE_HEADING)
    {
      g_autofree char *name = gma_outline_node_get_name (node);

      g_assert_cmpstr (name, !=, "");
    }
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    check_names (g_ptr_array_index (node->children, i));
}

static void
test_all_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  GmaFlow *flow;
  GListModel *faq;

  g_assert_no_error (error);
  flow = gma_content_get_flow (content);
  faq = G_LIST_MODEL (gma_content_get_faq (content));
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    g_ptr_array_add (uris, gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_flow_get_node (flow, i))));
  for (guint i = 0; i < g_list_model_get_n_items (faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (faq, i);

      g_ptr_array_add (uris, gma_router_uri (GMA_ROUTE_FAQ, gma_faq_entry_get_id (entry)));
    }

  for (guint i = 0; i < uris->len; i++)
    {
      g_autofree char *html = render_uri (content, g_ptr_array_index (uris, i));
      g_autoptr(GmaOutline) outline = gma_outline_new_from_html (html, -1, &error);
      guint items = 0, links = 0;

      g_assert_no_error (error);
      count_nodes (gma_outline_get_root (outline), GMA_OUTLINE_LIST_ITEM, &items);
      count_nodes (gma_outline_get_root (outline), GMA_OUTLINE_LINK, &links);
      g_assert_cmpuint (items, ==, count_elements (html, "li"));
      g_assert_cmpuint (links, ==, count_elements (html, "a"));
      check_names (gma_outline_get_root (outline));
      g_assert_nonnull (gma_outline_get_title (outline));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outline/blocks", test_blocks);
  g_test_add_func ("/outline/title", test_title);
  g_test_add_func ("/outline/lists", test_lists);
  g_test_add_func ("/outline/links", test_links);
  g_test_add_func ("/outline/images", test_images);
  g_test_add_func ("/outline/hidden", test_hidden);
  g_test_add_func ("/outline/svg", test_svg);
  g_test_add_func ("/outline/names", test_names);
  g_test_add_func ("/outline/bad-input", test_bad_input);
  g_test_add_func ("/outline/remedy-2", test_remedy_2);
  g_test_add_func ("/outline/all-pages", test_all_pages);

  return g_test_run ();
}
