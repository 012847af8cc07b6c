/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-match.c: the words of a query and how one matches a text
 * (gma-search-match.c, through gma-search-private.h): within one edit,
 * and by shared bigrams */

#define G_LOG_DOMAIN "test-search-match"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-search-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, _gma_search_query_unref)

static void
test_query (void)
{
  g_autoptr(Query) one = _gma_search_query_new ("ﾊﾟｽﾜｰﾄﾞ");
  g_autoptr(Query) two = _gma_search_query_new ("ログ　イン");
  g_autoptr(Query) none = _gma_search_query_new (" 、。 ");
  Word *w;

  g_assert_cmpuint (one->words->len, ==, 1);
  g_assert_null (one->joined);
  w = g_ptr_array_index (one->words, 0);
  g_assert_cmpstr (w->norm, ==, "パスワド");
  g_assert_cmpuint (w->n_chars, ==, 4);
  g_assert_cmpuint (one->total_chars, ==, 4);
  /* パス スワ ワド */
  g_assert_cmpuint (w->n_bigrams, ==, 3);
  g_assert_nonnull (w->matcher);
  g_assert_cmpint (w->tier, ==, TIER_NONE);
  g_assert_cmpint (_gma_search_word_bigram_index (w, _gma_search_bigram_key (0x30B9, 0x30EF)), >=, 0);
  g_assert_cmpint (_gma_search_word_bigram_index (w, _gma_search_bigram_key (0x30EF, 0x30B9)), ==, -1);

  /* several words: the whole query is tried as one word too */
  g_assert_cmpuint (two->words->len, ==, 2);
  g_assert_nonnull (two->joined);
  g_assert_cmpstr (two->joined->norm, ==, "ログイン");
  g_assert_cmpuint (two->total_chars, ==, 4);
  /* words of fewer than 4 characters get no automaton */
  g_assert_null (((Word *) g_ptr_array_index (two->words, 0))->matcher);

  g_assert_cmpuint (none->words->len, ==, 0);
}

/* @word (a query of one word) within one edit of some part of @text
 * (normalised first), as the index's second tier finds it. */
static gboolean
approx (const char *word,
        const char *text)
{
  g_autoptr(Query) q = _gma_search_query_new (word);
  g_autofree char *norm = gma_search_normalize (text, -1, NULL);

  g_assert_cmpuint (q->words->len, ==, 1);
  return _gma_search_approx_found (g_ptr_array_index (q->words, 0), norm, strlen (norm));
}

static void
test_one_edit (void)
{
  g_assert_true (approx ("メンテナンス", "サーバーがメンテナンス中"));   /* exact */
  g_assert_true (approx ("メンテフンス", "サーバーがメンテナンス中"));   /* one wrong */
  g_assert_true (approx ("メンテナス", "サーバーがメンテナンス中"));     /* one missing */
  g_assert_true (approx ("メンテナンンス", "サーバーがメンテナンス中")); /* one extra */
  g_assert_true (approx ("メンテナンフ", "サーバーがメンテナンス中"));   /* the last wrong */
  g_assert_true (approx ("パスワト", "パスワードをお忘れですか"));       /* after normalising */
  g_assert_false (approx ("メソテナソス", "サーバーがメンテナンス中"));  /* two wrong */
  g_assert_false (approx ("メンテナンス", "ログイン"));

  /* keywords are joined with a separator no match crosses */
  {
    g_autoptr(Query) q = _gma_search_query_new ("メンテナンス");
    const char *keywords = "メンテ\nナンス";

    g_assert_false (_gma_search_approx_found (g_ptr_array_index (q->words, 0),
                                              keywords, strlen (keywords)));
  }
}

static void
test_edit_ranges (void)
{
  g_autoptr(Query) q = _gma_search_query_new ("メンテナンフ");
  g_autofree char *norm = gma_search_normalize ("サーバーがメンテナンス中です", -1, NULL);
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));
  guint n;

  /* サバがメンテナンス中です */
  chars = _gma_search_utf8_decode (norm, strlen (norm), NULL, &n);
  g_assert_cmpuint (n, ==, 12);
  _gma_search_approx_ranges (g_ptr_array_index (q->words, 0), chars, n, ranges);
  g_assert_cmpuint (ranges->len, >=, 1);
  for (guint i = 0; i < ranges->len; i++)
    {
      GmaSearchRange *r = &g_array_index (ranges, GmaSearchRange, i);

      /* within メンテナンス (characters 3 to 9) */
      g_assert_cmpuint (r->start, >=, 3);
      g_assert_cmpuint (r->end, <=, 9);
      g_assert_cmpuint (r->end - r->start, >=, 5);
    }
}

static void
test_bigrams (void)
{
  g_autoptr(Query) q = _gma_search_query_new ("パスワードを忘れた");
  g_autofree char *norm = gma_search_normalize ("「パスワードをお忘れですか」", -1, NULL);
  g_autofree gunichar *chars = NULL;
  Word *w = g_ptr_array_index (q->words, 0);
  guint n, start = 99;
  double similarity;

  /* パス スワ ワド ドを を忘 忘れ れた */
  g_assert_cmpuint (w->n_bigrams, ==, 7);
  chars = _gma_search_utf8_decode (norm, strlen (norm), NULL, &n);
  similarity = _gma_search_bigram_window_similarity (w, chars, n, &start);
  /* パス スワ ワド ドを 忘れ, in the window from the first character */
  g_assert_cmpfloat_with_epsilon (similarity, 5.0 / 7.0, 1e-9);
  g_assert_cmpuint (start, ==, 0);

  g_free (chars);
  g_free (norm);
  norm = gma_search_normalize ("天気予報を見る", -1, NULL);
  chars = _gma_search_utf8_decode (norm, strlen (norm), NULL, &n);
  g_assert_cmpfloat (_gma_search_bigram_window_similarity (w, chars, n, NULL), ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  /* messages name Japanese words: print them as UTF-8 */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/match/query", test_query);
  g_test_add_func ("/search/match/one-edit", test_one_edit);
  g_test_add_func ("/search/match/edit-ranges", test_edit_ranges);
  g_test_add_func ("/search/match/bigrams", test_bigrams);

  return g_test_run ();
}
