/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-normalize.c: normalisation of texts and queries
 * (gma-search-normalize.c) */

#define G_LOG_DOMAIN "test-search-normalize"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-search-private.h"

static void
test_normalize (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "ﾛｸﾞｲﾝ", "ログイン" },                 /* half-width, voiced mark */
    { "ろぐいん", "ログイン" },               /* hiragana */
    { "ＵＲＬ", "url" },                      /* full-width letters */
    { "URL", "url" },
    { "パスワード リセット", "パスワドリセット" }, /* space, long vowel */
    { "パスワード　リセット", "パスワドリセット" }, /* ideographic space */
    { "パスワ－ド", "パスワド" },             /* full-width hyphen for ー */
    { "パスワ-ド", "パスワド" },
    { "パスワ〜ド", "パスワド" },
    { "ﾊﾟｽﾜｰﾄﾞ", "パスワド" },
    { "ぱすわーど", "パスワド" },
    { "G-MIS", "gmis" },
    { "「このサイト」、。・", "コノサイト" },
    { "①ブラウザ", "1ブラウザ" },
    { "か\xe3\x82\x99", "ガ" },               /* か + combining voiced mark */
    { "ｷｬｯｼｭ", "キャッシュ" },
    { "ＩＤ：ＸＸＸ", "idxxx" },
    { "令和5年4月～6月", "令和5年4月6月" },
    { "㍻", "平成" },
    { "info@g-mis.net", "infogmisnet" },
    { "〒100-8916 ★※■", "〒1008916" },
    { "", "" },
    { " \t\n", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *norm = gma_search_normalize (cases[i].in, -1, NULL);

      g_assert_cmpstr (norm, ==, cases[i].out);
    }

  /* explicit length, invalid UTF-8 skipped */
  {
    g_autofree char *a = gma_search_normalize ("ﾛｸﾞｲﾝXYZ", strlen ("ﾛｸﾞｲﾝ"), NULL);
    g_autofree char *b = gma_search_normalize ("ab\xff\xfe" "cd", -1, NULL);
    g_autofree char *c = gma_search_normalize (NULL, -1, NULL);

    g_assert_cmpstr (a, ==, "ログイン");
    g_assert_cmpstr (b, ==, "abcd");
    g_assert_cmpstr (c, ==, "");
  }
}

static void
test_normalize_offsets (void)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *norm = gma_search_normalize ("ﾊﾟｽ ﾜｰﾄﾞ", -1, &offsets);
  const GmaSearchRange *o;

  /* ﾊﾟ = 6 bytes → パ (3 bytes); ｽ → ス; space dropped; ﾜ → ワ; ｰ dropped;
   * ﾄﾞ (6 bytes) → ド */
  g_assert_cmpstr (norm, ==, "パスワド");
  g_assert_cmpuint (offsets->len, ==, strlen (norm));
  o = (const GmaSearchRange *) (gpointer) offsets->data;
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (o[i].start, ==, 0);
      g_assert_cmpuint (o[i].end, ==, 6);
      g_assert_cmpuint (o[3 + i].start, ==, 6);
      g_assert_cmpuint (o[3 + i].end, ==, 9);
      g_assert_cmpuint (o[6 + i].start, ==, 10);
      g_assert_cmpuint (o[6 + i].end, ==, 13);
      g_assert_cmpuint (o[9 + i].start, ==, 16);
      g_assert_cmpuint (o[9 + i].end, ==, 22);
    }
  g_clear_pointer (&offsets, g_array_unref);
  g_clear_pointer (&norm, g_free);

  /* one original character, two normalised ones */
  norm = gma_search_normalize ("a㍻b", -1, &offsets);
  g_assert_cmpstr (norm, ==, "a平成b");
  o = (const GmaSearchRange *) (gpointer) offsets->data;
  g_assert_cmpuint (offsets->len, ==, 8);
  g_assert_cmpuint (o[1].start, ==, 1);
  g_assert_cmpuint (o[6].end, ==, 4);
  g_assert_cmpuint (o[7].start, ==, 4);
  g_assert_cmpuint (o[7].end, ==, 5);
}

static void
test_query_words (void)
{
  g_auto(GStrv) a = gma_search_query_words ("パスワード リセット");
  g_auto(GStrv) b = gma_search_query_words ("  ﾛｸﾞｲﾝ　ＩＤ\t、 ");
  g_auto(GStrv) c = gma_search_query_words ("");
  g_auto(GStrv) d = gma_search_query_words ("。、");

  g_assert_cmpuint (g_strv_length (a), ==, 2);
  g_assert_cmpstr (a[0], ==, "パスワド");
  g_assert_cmpstr (a[1], ==, "リセット");
  g_assert_cmpuint (g_strv_length (b), ==, 2);
  g_assert_cmpstr (b[0], ==, "ログイン");
  g_assert_cmpstr (b[1], ==, "id");
  g_assert_cmpuint (g_strv_length (c), ==, 0);
  g_assert_cmpuint (g_strv_length (d), ==, 0);
}

static void
test_utf8_decode (void)
{
  const char *text = "aé日𠀋";
  g_autofree gsize *offsets = NULL;
  g_autofree gunichar *chars = NULL;
  guint n;

  chars = _gma_search_utf8_decode (text, strlen (text), &offsets, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (chars[0], ==, 'a');
  g_assert_cmpuint (chars[1], ==, 0xE9);
  g_assert_cmpuint (chars[2], ==, 0x65E5);
  g_assert_cmpuint (chars[3], ==, 0x2000B);
  g_assert_cmpuint (offsets[1], ==, 1);
  g_assert_cmpuint (offsets[2], ==, 3);
  g_assert_cmpuint (offsets[3], ==, 6);
  g_assert_cmpuint (offsets[4], ==, strlen (text));
}

int
main (int   argc,
      char *argv[])
{
  /* messages name Japanese queries: print them as UTF-8 */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize", test_normalize);
  g_test_add_func ("/search/normalize-offsets", test_normalize_offsets);
  g_test_add_func ("/search/query-words", test_query_words);
  g_test_add_func ("/search/utf8-decode", test_utf8_decode);

  return g_test_run ();
}
