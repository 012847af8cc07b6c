/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-links.c: text made HTML, and the address and copy link
 * after each link (gma-render-links.c) */

#define G_LOG_DOMAIN "gma-test-render-links"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "render-test-util.h"

/* The valid set with @r2 as pages/r2.html, in a new temporary directory
 * (*@dir); the caller removes it with test_remove_tree(). */
static GmaContent *
load_valid_with_r2 (const char  *r2,
                    char       **dir)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autofree char *r2_path = NULL;
  GmaContent *content;

  *dir = g_dir_make_tmp ("gma-render-XXXXXX", &error);
  g_assert_no_error (error);
  test_copy_tree (valid, *dir);

  r2_path = g_build_filename (*dir, "pages", "r2.html", NULL);
  g_file_set_contents (r2_path, r2, -1, &error);
  g_assert_no_error (error);

  root = g_file_new_for_path (*dir);
  content = gma_content_new (root, ja, &error);
  g_assert_no_error (error);
  return content;
}

static char *
render_r2 (GmaContent *content)
{
  g_autoptr(GError) error = NULL;
  char *page = gma_render_node_page (content, NULL,
                                     gma_flow_lookup (gma_content_get_flow (content), "r2"),
                                     &error);

  g_assert_no_error (error);
  return page;
}

static void
test_text_to_html (void)
{
  static const struct {
    const char *text;
    const char *html;
  } cases[] = {
    { "", "" },
    { "一行目\n\n二行目", "<p>一行目</p>\n<p>二行目</p>\n" },
    { NASTY, "<p>" NASTY_ESCAPED "</p>\n" },
    { "詳しくはhttps://www.g-mis.mhlw.go.jp/を見てください。",
      "<p>詳しくは<a href=\"https://www.g-mis.mhlw.go.jp/\">https://www.g-mis.mhlw.go.jp/</a>"
      "を見てください。</p>\n" },
    { "（https://www.med-login.mhlw.go.jp/s/login/）",
      "<p>（<a href=\"https://www.med-login.mhlw.go.jp/s/login/\">"
      "https://www.med-login.mhlw.go.jp/s/login/</a>）</p>\n" },
    { "「https://example.org/a?b=1&c=2」 http://example.org.",
      "<p>「<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>」 "
      "<a href=\"http://example.org\">http://example.org</a>.</p>\n" },
    { "https://example.org/x\"onmouseover=\"alert(1)",
      "<p><a href=\"https://example.org/x\">https://example.org/x</a>&quot;onmouseover=&quot;alert(1)</p>\n" },
    { "https:// alone, httpx://no, ftp://no",
      "<p>https:// alone, httpx://no, ftp://no</p>\n" },
    { "  空白  \n", "<p>空白</p>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = gma_render_text_to_html (cases[i].text);

      g_assert_cmpstr (html, ==, cases[i].html);
    }
}

/* Beside every web and mail link: the address as text when the link's
 * text is not it, and a copy link with exactly that address. */
static void
test_link_extras (void)
{
  g_autoptr(GmaContent) content = load_valid ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *faq = NULL;
  GmaFlow *flow = gma_content_get_flow (content);

  start = gma_render_node_page (content, NULL, gma_flow_lookup (flow, "start"), &error);
  g_assert_no_error (error);
  test_assert_contains (start, "<a href=\"https://example.org/\">外部</a>"
                          "<span class=\"link-url\">（https://example.org/）</span> "
                          "<a class=\"copy-link\" href=\"gma://action/copy?text=https%3A%2F%2Fexample.org%2F\" "
                          "aria-label=\"https://example.org/ をコピー\"");
  test_assert_contains (start, "<a href='mailto:info@example.org'>メール</a>"
                          "<span class=\"link-url\">（info@example.org）</span> "
                          "<a class=\"copy-link\" href=\"gma://action/copy?text=info%40example.org\"");
  /* Links inside the app and in comments get nothing. */
  test_assert_contains (start, "<a href=\"gma://page/q1\">質問へ</a>、");
  test_assert_contains (start, "<a href=\"#top\">上へ</a></p>");
  test_assert_contains (start, "<!-- <a href=\"gma://page/commented-out\"> -->");
  g_assert_cmpuint (test_count_occurrences (start, "class=\"copy-link\""), ==, 2);

  /* FAQ answers: the link's text is the URL already, so only the copy
   * link is added. */
  faq = gma_render_faq_page (content, gma_faq_lookup (gma_content_get_faq (content), "faq-1-1"), &error);
  g_assert_no_error (error);
  test_assert_contains (faq, "<a href=\"https://example.org/a\"");
  test_assert_contains (faq, "class=\"copy-link\"");
  test_assert_lacks (faq, "link-url");
}

/* Links the checker accepts get their extras whatever their quoting and
 * case; comments hide links and their ends; quotes may hold '>'. */
static void
test_link_extras_tricky (void)
{
  const char *r2 =
    "<p><a href=https://a.example/>A</a>\n"
    "<A HREF=\"HTTPS://B.example/\">B</A>\n"
    "<!-- <a href=\"https://c.example/\"> --><a href=\"https://d.example/\">D</a>\n"
    "<a href=\"https://e.example/\">E<!-- </a> --> more</a>\n"
    "<a title=\"x>y\" href=\"https://g.example/\">G</a>\n"
    "<a href=\"https://h.example/?q='x'\" title='say \"hi\"'>H</a>\n"
    "<a href=\"MAILTO:info@example.org?subject=x\">mail</a>\n"
    "<abbr href=\"https://i.example/\">I</abbr>\n"
    "<a href=\"https://f.example/\">never closed</p>\n<a x";
  g_autofree char *dir = NULL;
  g_autoptr(GmaContent) content = load_valid_with_r2 (r2, &dir);
  g_autofree char *page = render_r2 (content);

  test_assert_contains (page, "<a href=https://a.example/>A</a>"
                         "<span class=\"link-url\">（https://a.example/）</span> "
                         "<a class=\"copy-link\" href=\"gma://action/copy?text=https%3A%2F%2Fa.example%2F\"");
  test_assert_contains (page, "<A HREF=\"HTTPS://B.example/\">B</A>"
                         "<span class=\"link-url\">（HTTPS://B.example/）</span> ");
  test_assert_contains (page, "<!-- <a href=\"https://c.example/\"> --><a href=\"https://d.example/\">D</a>"
                         "<span class=\"link-url\">（https://d.example/）</span> ");
  test_assert_lacks (page, "（https://c.example/）");
  test_assert_contains (page, "<!-- </a> --> more</a><span class=\"link-url\">（https://e.example/）</span> ");
  test_assert_contains (page, "<a title=\"x>y\" href=\"https://g.example/\">G</a>"
                         "<span class=\"link-url\">（https://g.example/）</span> ");
  test_assert_contains (page, ">H</a><span class=\"link-url\">（https://h.example/?q=&apos;x&apos;）</span> ");
  test_assert_contains (page, ">mail</a><span class=\"link-url\">（info@example.org）</span> ");
  test_assert_lacks (page, "i.example/）");
  test_assert_lacks (page, "f.example/）");
  test_assert_contains (page, "never closed</p>\n<a x");
  g_assert_cmpuint (test_count_occurrences (page, "class=\"copy-link\""), ==, 7);

  test_remove_tree (dir);
}

/* The link's text is read as the search reads it, and its href as the
 * browser follows it (gma-html.h): references decoded, comments and
 * bogus comments no text, no link inside a comment. */
static void
test_link_extras_html (void)
{
  const char *r2 =
    "<p><a href=\"https://a.example/\">&#104;ttps://a.example/</a>\n"
    "<a href=\"https://b.example/\"> https://b.example/&nbsp;</a>\n"
    "<a href=\"https://c.example/&#63;x\">C</a>\n"
    "x </ <a href=\"https://d.example/\">D</a>> y\n"
    "<a href=\"https://e.example/\">https://e.example/<!-- note --></a></p>\n";
  g_autofree char *dir = NULL;
  g_autoptr(GmaContent) content = load_valid_with_r2 (r2, &dir);
  g_autofree char *page = render_r2 (content);

  /* The text is the URL: only the copy link */
  test_assert_contains (page, "&#104;ttps://a.example/</a> <a class=\"copy-link\"");
  test_assert_lacks (page, "（https://a.example/）");
  test_assert_contains (page, "https://b.example/&nbsp;</a> <a class=\"copy-link\"");
  test_assert_lacks (page, "（https://b.example/）");
  test_assert_contains (page, "<!-- note --></a> <a class=\"copy-link\"");
  test_assert_lacks (page, "（https://e.example/）");
  /* The href decoded */
  test_assert_contains (page, ">C</a><span class=\"link-url\">（https://c.example/?x）</span> "
                         "<a class=\"copy-link\" href=\"gma://action/copy?text=https%3A%2F%2Fc.example%2F%3Fx\"");
  /* In a bogus comment, as in the browser: no link */
  test_assert_lacks (page, "d.example/）");
  test_assert_lacks (page, "d.example%2F");
  g_assert_cmpuint (test_count_occurrences (page, "class=\"copy-link\""), ==, 4);

  test_remove_tree (dir);
}

/* Pages as large as a page may be, full of link starts: rendering them
 * used to take a time growing with the square of their size (18 s for
 * 2 MB of "<a x>"), now one pass over the text. No time is measured
 * here: the test's timeout in meson is the guard. */
static void
test_link_extras_large (void)
{
  /* Tags with no links; link starts with no '>' anywhere after them;
   * links never closed, then an unclosed comment full of tags */
  static const struct {
    const char *unit;
    const char *tail;
    const char *tail_unit;
  } pages[] = {
    { "<a x>", NULL, NULL },
    { "<a ", NULL, NULL },
    { "<a href=\"https://x.example/\">x", "<!--", "<a x>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GString) r2 = g_string_sized_new (GMA_CONTENT_MAX_PAGE_SIZE);
      gsize room = GMA_CONTENT_MAX_PAGE_SIZE - 16;
      g_autofree char *dir = NULL;
      g_autoptr(GmaContent) content = NULL;
      g_autofree char *page = NULL;
      guint n = 0;

      if (pages[i].tail != NULL)
        room = room * 3 / 4;
      while (r2->len + strlen (pages[i].unit) <= room)
        {
          g_string_append (r2, pages[i].unit);
          n++;
        }
      g_assert_cmpuint (n, >=, 50000);
      if (pages[i].tail != NULL)
        {
          g_string_append (r2, pages[i].tail);
          while (r2->len + strlen (pages[i].tail_unit) <= GMA_CONTENT_MAX_PAGE_SIZE - 16)
            g_string_append (r2, pages[i].tail_unit);
        }

      g_test_message ("%u × “%s”, %" G_GSIZE_FORMAT " bytes", n, pages[i].unit, r2->len);
      content = load_valid_with_r2 (r2->str, &dir);
      page = render_r2 (content);
      g_assert_nonnull (strstr (page, r2->str));
      g_assert_cmpuint (test_count_occurrences (page, "copy-link"), ==, 0);

      test_remove_tree (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/text-to-html", test_text_to_html);
  g_test_add_func ("/render/link-extras", test_link_extras);
  g_test_add_func ("/render/link-extras-tricky", test_link_extras_tricky);
  g_test_add_func ("/render/link-extras-html", test_link_extras_html);
  g_test_add_func ("/render/link-extras-large", test_link_extras_large);

  return g_test_run ();
}
