/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-slip.c: the copied summary and the printed slip
 * (gma-render-slip.c) */

#define G_LOG_DOMAIN "gma-test-render-slip"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "render-test-util.h"

static void
test_summary (void)
{
  g_autoptr(GmaContent) content = load_valid ();
  g_autoptr(GmaSession) session = gma_session_new (gma_content_get_flow (content));
  g_autofree char *at_start = NULL;
  g_autofree char *midway = NULL;
  g_autofree char *done = NULL;

  at_start = gma_render_summary (content, session);
  g_assert_cmpstr (at_start, ==,
                   "G-MIS メール対処アシスタント（テスト版（2023年11月）の案内に基づく）\n"
                   "出典: テストの案内\n"
                   "これまでの回答: なし\n"
                   "現在の質問: はじめに\n");

  gma_session_answer (session, 0);
  gma_session_answer (session, 1);
  midway = gma_render_summary (content, session);
  g_assert_cmpstr (midway, ==,
                   "G-MIS メール対処アシスタント（テスト版（2023年11月）の案内に基づく）\n"
                   "出典: テストの案内\n"
                   "これまでの回答:\n"
                   "1. 質問1: いいえ\n"
                   "現在の質問: 質問2ですか？\n");

  gma_session_answer (session, 0);
  done = gma_render_summary (content, session);
  g_assert_cmpstr (done, ==,
                   "G-MIS メール対処アシスタント（テスト版（2023年11月）の案内に基づく）\n"
                   "出典: テストの案内\n"
                   "これまでの回答:\n"
                   "1. 質問1: いいえ\n"
                   "2. 質問2ですか？: はい\n"
                   "結果: 対応方法1 結果1\n"
                   "必要なURL:\n"
                   "https://example.org/one\n"
                   "https://example.org/two\n");
}

/* The slip for the result a walk is on: its title, the answers given,
 * each URL the result needs with its QR code, the counter once at the
 * bottom (its web page with a QR code too), every value escaped, and no
 * contact marker left in the guide's steps. */
static void
test_slip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (ja, &error);
  g_autoptr(GmaSession) session = NULL;
  g_autoptr(GmaContact) counter = gma_contact_new ();
  g_autofree char *slip = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *at_question = NULL;
  const GmaNode *node;
  const char * const *urls;

  g_assert_no_error (error);
  session = gma_session_new (gma_content_get_flow (content));
  g_assert_true (gma_contact_set (counter, GMA_CONTACT_NAME, "<b>〇〇県</b> & 窓口", NULL));
  g_assert_true (gma_contact_set (counter, GMA_CONTACT_URL, "https://www.pref.example.jp/?a=1&b=2", NULL));

  /* Only a result has a slip. */
  at_question = gma_render_slip (content, session, counter, &error);
  g_assert_null (at_question);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* remedy-4: a URL, and a contact marker in its steps */
  g_assert_true (gma_session_jump_to (session, "remedy-4"));
  node = gma_session_get_current (session);
  urls = gma_node_get_urls (node);
  g_assert_nonnull (urls[0]);

  slip = gma_render_slip (content, session, counter, &error);
  g_assert_no_error (error);
  test_assert_contains (slip, gma_node_get_reference (node));
  test_assert_contains (slip, "class=\"page-path\"");
  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autofree char *encoded = g_uri_escape_string (urls[i], NULL, FALSE);
      g_autofree char *escaped = g_markup_escape_text (encoded, -1);
      g_autofree char *qr = g_strconcat ("src=\"gma://app/qr?text=", escaped, "\"", NULL);

      test_assert_contains (slip, qr);
    }
  test_assert_contains (slip, "<section class=\"slip-counter\">");
  test_assert_contains (slip, "&lt;b&gt;〇〇県&lt;/b&gt; &amp; 窓口");
  test_assert_contains (slip, "<span class=\"slip-url\">https://www.pref.example.jp/?a=1&amp;b=2</span>");
  test_assert_lacks (slip, "<b>〇〇県");
  test_assert_lacks (slip, "gma-contact\"></div>");
  g_assert_cmpuint (test_count_occurrences (slip, "slip-counter\""), ==, 1);

  /* Without a counter, no counter. */
  bare = gma_render_slip (content, session, NULL, &error);
  g_assert_no_error (error);
  test_assert_lacks (bare, "slip-counter");
  test_assert_contains (bare, gma_node_get_reference (node));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/summary", test_summary);
  g_test_add_func ("/render/slip", test_slip);

  return g_test_run ();
}
