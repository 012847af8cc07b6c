/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content-pages.c: the checks of a set's pages: refused markup,
 * links, references (gma-content-pages.c) */

#define G_LOG_DOMAIN "gma-test-content-pages"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "content-test-util.h"

/* Markup a page may not hold: each refused element, event handler and
 * URL attribute is reported at its own place. */
static void
test_refused_markup (void)
{
  static const struct {
    const char *prefix;
    const char *fragment;
  } expected[] = {
    { "pages/r2.html:2:1: ", "the element <script> is not allowed in a page: pages run no scripts" },
    { "pages/r2.html:3:1: ", "the element <style> is not allowed in a page" },
    { "pages/r2.html:4:1: ", "the element <meta> is not allowed in a page" },
    { "pages/r2.html:5:1: ", "the element <iframe> is not allowed in a page" },
    { "pages/r2.html:6:1: ", "the element <frame> is not allowed in a page" },
    { "pages/r2.html:7:1: ", "the element <object> is not allowed in a page" },
    { "pages/r2.html:7:15: ", "pictures must come from the content set (data=\"gma://content/" },
    { "pages/r2.html:8:1: ", "the element <embed> is not allowed in a page" },
    { "pages/r2.html:9:1: ", "the element <form> is not allowed in a page" },
    { "pages/r2.html:9:61: ", "the link “javascript:x()” cannot be followed" },
    { "pages/r2.html:10:1: ", "the element <base> is not allowed in a page" },
    { "pages/r2.html:11:1: ", "the element <link> is not allowed in a page" },
    { "pages/r2.html:12:4: ", "the attribute “onclick” (an event handler) is not allowed" },
    { "pages/r2.html:12:18: ", "the attribute “ONMOUSEOVER” (an event handler) is not allowed" },
    { "pages/r2.html:13:96: ", "(srcset=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/2x.png”" },
    { "pages/r2.html:13:126: ", "the file “illustrations/missing.svg”" },
    { "pages/r2.html:14:21: ", "the link “javascript:alert(1)” cannot be followed" },
    { "pages/r2.html:15:16: ", "(poster=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/p.png”" },
    { "pages/r2.html:16:28: ", "(background=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/bg.png”" },
    /* The counter's marker: only exactly <div class="gma-contact"></div> */
    { "pages/r2.html:19:1: ", "the class “gma-contact” marks where the prefecture’s counter is shown" },
    { "pages/r2.html:20:1: ", "allowed only on the empty element <div class=\"gma-contact\"></div>" },
    { "pages/r2.html:22:1: ", "the class “gma-contact” marks where" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture ("refused-markup", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (content);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_problem (error, expected[i].prefix, expected[i].fragment);

  /* Exactly those: the allowed markup and the comment raise nothing. */
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
}

static void
test_link_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = copy_valid_set ();
  g_autoptr(GmaContent) content = NULL;
  const char *r2 =
    "<p><a href=\"javascript:alert(1)\">a</a>\n"
    "<a href=\"r1.html\">b</a>\n"
    "<A HREF='gma://faq/faq-9-9'>c</A>\n"
    "<a href=gma://page/r1>ok</a> <a href=\"gma://other/x\">d</a>\n"
    "<img src=\"https://example.org/x.png\"> <img src=\"data:image/png;base64,AAAA\">\n"
    "<img src=\"gma://content/../flow.json\"> <img src=\"gma://page/r1\"></p>\n";

  /* A copy of the valid set with a new pages/r2.html */
  write_file (dir, "pages/r2.html", r2, -1);

  content = load_dir (dir, &error);
  g_assert_null (content);
  assert_problem (error, "pages/r2.html:1:13: ", "cannot be followed");
  assert_problem (error, "pages/r2.html:2:10: ", "“r1.html” cannot be followed");
  assert_problem (error, "pages/r2.html:3:10: ", "there is no FAQ “faq-9-9”");
  assert_problem (error, "pages/r2.html:4:39: ", "unknown link “gma://other/x”");
  assert_problem (error, "pages/r2.html:5:11: ", "not “https://example.org/x.png”");
  assert_problem (error, "pages/r2.html:5:49: ", "not “data:");
  assert_problem (error, "pages/r2.html:6:11: ", "does not name a file of the content set");
  assert_problem (error, "pages/r2.html:6:50: ", "not “gma://page/r1”");
  /* Exactly those eight */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 8);
  }

  /* The temporary files are left to the system's temp cleaner on
   * failure; remove them on success. */
  test_remove_tree (dir);
}

/* References: each one a browser would read otherwise than the app is
 * refused at its place, in text and in attribute values; the others are
 * decoded before a link is checked, as the browser follows it. */
static void
test_references (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = copy_valid_set ();
  g_autoptr(GmaContent) content = NULL;
  const char *r2 =
    "<p>a &foo; b &amp; c &#x80;</p>\n"
    "<a href=\"gma://page/r1&#35;top\" title=\"&#65\">r1</a>\n"
    "<p>&#0; &unknown &#; x </ &bad; > <!-- &bad; --></p>\n";

  write_file (dir, "pages/r2.html", r2, -1);

  content = load_dir (dir, &error);
  g_assert_null (content);
  assert_problem (error, "pages/r2.html:1:6: ", "“&foo;” is not a character reference a page may use");
  assert_problem (error, "pages/r2.html:1:22: ", "“&#x80;” is not a character reference");
  assert_problem (error, "pages/r2.html:2:40: ", "“&#65” is not a character reference");
  assert_problem (error, "pages/r2.html:3:4: ", "“&#0;” is not a character reference");
  /* Exactly those four: gma://page/r1#top is a link to r1, and what is
   * in comments is no text */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }

  test_remove_tree (dir);
}

/* A page id names one page: a node may not take an FAQ entry's id. */
static void
test_shared_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = copy_valid_set ();
  g_autoptr(GmaContent) content = NULL;

  /* the node r2 (its id and the answer and the FAQ entry that name it)
   * renamed faq-1-1, the id of the first FAQ entry */
  g_assert_cmpuint (test_edit_file (dir, "flow.json", "\"r2\"", "\"faq-1-1\"", 0), ==, 2);
  g_assert_cmpuint (test_edit_file (dir, "faq.json", "\"r2\"", "\"faq-1-1\"", 0), ==, 1);
  g_assert_cmpuint (test_edit_file (dir, "mail.json", "\"r2\"", "\"faq-1-1\"", 0), ==, 1);

  content = load_dir (dir, &error);
  g_assert_null (content);
  assert_problem (error, "flow.json: $.nodes[4].id: ",
                  "“faq-1-1” is also the id of an entry of faq.json");
  g_assert_null (strchr (error->message, '\n'));

  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/link-kinds", test_link_kinds);
  g_test_add_func ("/content/refused-markup", test_refused_markup);
  g_test_add_func ("/content/references", test_references);
  g_test_add_func ("/content/shared-id", test_shared_id);

  return g_test_run ();
}
