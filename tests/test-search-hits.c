/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-hits.c: what a hit highlights, in bytes of the original
 * text (gma-search-hits.c) */

#define G_LOG_DOMAIN "test-search-hits"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-search.h"
#include "search-test-util.h"

static void
test_highlight (void)
{
  static const struct {
    const char *title, *body, *query, *title_hl, *body_hl;
  } cases[] = {
    /* NFKC shortens: ﾊﾟ (two characters) is パ */
    { "ﾊﾟｽﾜｰﾄﾞをお忘れですか", "", "パスワード", "ﾊﾟｽﾜｰﾄﾞ", "" },
    { "パスワードが分からない", "", "ﾊﾟｽﾜｰﾄﾞ", "パスワード", "" },
    { "「ﾛｸﾞｲﾝ」画面", "再度ﾛｸﾞｲﾝ、またはログイン", "ろぐいん", "ﾛｸﾞｲﾝ", "ﾛｸﾞｲﾝ|ログイン" },
    /* full width */
    { "ＵＲＬにアクセス", "", "url", "ＵＲＬ", "" },
    { "メールのURL", "", "ＵＲＬ", "URL", "" },
    /* one character that NFKC makes two */
    { "㍻の報告", "", "平成", "㍻", "" },
    { "㍻の報告", "", "成の", "㍻の", "" },
    /* spaces and long vowels inside a match are covered */
    { "パスワード リセット", "", "パスワドリセット", "パスワード リセット", "" },
    { "パスワード リセット", "", "リセット", "リセット", "" },
    /* several words */
    { "ブラウザのキャッシュクリア", "キャッシュが溜まっている", "ブラウザ きゃっしゅ",
      "ブラウザ|キャッシュ", "キャッシュ" },
    /* a typo highlights what it matched */
    { "パスワードが分からない", "", "パスワート", "パスワード", "" },
    { "メンテナンス中", "サーバーがﾒﾝﾃﾅﾝｽ中", "メンテナンフ", "メンテナンス", "ﾒﾝﾃﾅﾝｽ" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
      g_autoptr(GPtrArray) hits = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      guint n;

      gma_search_index_add (index, "x", cases[i].title, NULL, cases[i].body);
      hits = gma_search_index_query (index, cases[i].query);
      g_assert_cmpuint (hits->len, ==, 1);

      title = highlighted (g_ptr_array_index (hits, 0), GMA_SEARCH_FIELD_TITLE);
      body = highlighted (g_ptr_array_index (hits, 0), GMA_SEARCH_FIELD_BODY);
      g_assert_cmpstr (title, ==, cases[i].title_hl);
      g_assert_cmpstr (body, ==, cases[i].body_hl);

      /* computed once, then kept */
      g_assert_true (gma_search_hit_get_ranges (g_ptr_array_index (hits, 0),
                                                GMA_SEARCH_FIELD_TITLE, &n)
                     == gma_search_hit_get_ranges (g_ptr_array_index (hits, 0),
                                                   GMA_SEARCH_FIELD_TITLE, &n));
      g_assert_null (gma_search_hit_get_ranges (g_ptr_array_index (hits, 0),
                                                GMA_SEARCH_FIELD_KEYWORDS, &n));
      g_assert_cmpuint (n, ==, 0);
    }

  /* exact byte offsets for ﾊﾟ (6 bytes, one normalised character) */
  {
    g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
    g_autoptr(GPtrArray) hits = NULL;
    const GmaSearchRange *r;
    guint n;

    gma_search_index_add (index, "x", "【ﾊﾟｽﾜｰﾄﾞ】", NULL, NULL);
    hits = gma_search_index_query (index, "ぱす");
    r = gma_search_hit_get_ranges (g_ptr_array_index (hits, 0), GMA_SEARCH_FIELD_TITLE, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpuint (r[0].start, ==, 3);    /* after 【 */
    g_assert_cmpuint (r[0].end, ==, 3 + 9);  /* ﾊ ﾟ ｽ */
  }
}

int
main (int   argc,
      char *argv[])
{
  /* messages name Japanese queries: print them as UTF-8 */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/highlight", test_highlight);

  return g_test_run ();
}
