/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-highlight.c: <mark> in a page's HTML where the search matches
 * (gma-highlight.h), without a display. */

#define G_LOG_DOMAIN "test-highlight"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-highlight.h"

static void
assert_highlight (const char *html,
                  const char *query,
                  const char *expected)
{
  g_autofree char *marked = gma_highlight_html (html, NULL, NULL, query);

  if (g_strcmp0 (marked, expected) != 0)
    g_error ("“%s” for “%s”:\n got      %s\n expected %s", html, query, marked, expected);
}

/* Across elements: one <mark> per run of text, none around a tag. */
static void
test_across_elements (void)
{
  assert_highlight ("<p>初期<b>パスワード</b>の設定</p>", "パスワードの",
                    "<p>初期<b><mark>パスワード</mark></b><mark>の</mark>設定</p>");
  /* Between two blocks the text has a line break, which a word does not
   * cross; white space alone between elements is never marked. */
  assert_highlight ("<ul>\n<li>メール</li>\n<li>メール</li>\n</ul>", "メール",
                    "<ul>\n<li><mark>メール</mark></li>\n<li><mark>メール</mark></li>\n</ul>");
}

/* References are marked whole; attributes, comments, raw text and
 * bogus comments are not text. */
static void
test_not_text (void)
{
  assert_highlight ("<a title=\"A&amp;B\">A&amp;B</a><!-- A&amp;B --><style>b{}</style>", "a&b",
                    "<a title=\"A&amp;B\"><mark>A&amp;B</mark></a><!-- A&amp;B --><style>b{}</style>");
  assert_highlight ("&#x30D1;&#x30B9;ワード", "パスワード",
                    "<mark>&#x30D1;&#x30B9;ワード</mark>");
  assert_highlight ("x </ パスワード> y", "パスワード", "x </ パスワード> y");
  assert_highlight ("<title>パスワード</title><script>パスワード</script>パスワード", "パスワード",
                    "<title>パスワード</title><script>パスワード</script><mark>パスワード</mark>");
  assert_highlight ("<img alt=\"パスワード\">1 < パスワード", "パスワード",
                    "<img alt=\"パスワード\">1 < <mark>パスワード</mark>");
  /* A reference a browser reads otherwise is text as written */
  assert_highlight ("&#x80;パスワード", "パスワード", "&#x80;<mark>パスワード</mark>");
}

/* The search's own matching: widths, kana, no-break spaces. */
static void
test_search_match (void)
{
  assert_highlight ("ﾊﾟｽﾜｰﾄﾞとＵＲＬ", "パスワード url", "<mark>ﾊﾟｽﾜｰﾄﾞ</mark>と<mark>ＵＲＬ</mark>");
  assert_highlight ("<p>機関&nbsp;コード</p>", "機関コード", "<p><mark>機関&nbsp;コード</mark></p>");
}

/* Nothing found, or no query: the same HTML. */
static void
test_unchanged (void)
{
  g_autofree char *none = gma_highlight_html ("<p>天気</p>", NULL, NULL, NULL);

  assert_highlight ("<p>天気</p>", "予報", "<p>天気</p>");
  assert_highlight ("<p>天気</p>", "   ", "<p>天気</p>");
  assert_highlight ("", "天気", "");
  g_assert_cmpstr (none, ==, "<p>天気</p>");
}

/* The title and keywords rank the entry; only the body is marked. */
static void
test_title_not_marked (void)
{
  const char * const keywords[] = { "ログイン", NULL };
  g_autofree char *title = gma_highlight_html ("<p>本文</p>", "ログインできない", keywords, "ログイン");
  g_autofree char *body = gma_highlight_html ("<p>ログイン画面</p>", "ログインできない", keywords,
                                              "ログイン");

  g_assert_cmpstr (title, ==, "<p>本文</p>");
  g_assert_cmpstr (body, ==, "<p><mark>ログイン</mark>画面</p>");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/highlight/across-elements", test_across_elements);
  g_test_add_func ("/highlight/not-text", test_not_text);
  g_test_add_func ("/highlight/search-match", test_search_match);
  g_test_add_func ("/highlight/unchanged", test_unchanged);
  g_test_add_func ("/highlight/title-not-marked", test_title_not_marked);

  return g_test_run ();
}
