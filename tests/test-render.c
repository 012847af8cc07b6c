/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render.c: the page template, escaping and the pages (gma-render.c) */

#define G_LOG_DOMAIN "gma-test-render"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "render-test-util.h"

/* A content set whose texts are hostile, to check that every inserted
 * value is escaped. */
static GmaContent *
load_nasty (char **out_dir)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  char *dir = g_dir_make_tmp ("gma-render-XXXXXX", &error);
  static const char * const files[] = { "flow.json", "faq.json", "pages/start.html",
                                        "pages/r1.html", "pages/r2.html", "illustrations/pic.svg" };
  GmaContent *content;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (valid, files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (to);
      g_autofree char *text = NULL;
      g_autoptr(GString) edited = NULL;

      g_mkdir_with_parents (parent, 0700);
      g_file_get_contents (from, &text, NULL, &error);
      g_assert_no_error (error);

      /* Every Japanese text of the JSON files becomes hostile text */
      edited = g_string_new (text);
      if (g_str_has_suffix (files[i], ".json"))
        {
          static const char * const texts[] = {
            "テスト版（2023年11月）", "テストの案内", "質問1", "はい", "いいえ", "結果1",
            "対応方法1", "質問Aですか？", "カテゴリ1", "答えAです。",
          };

          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            {
              g_autofree char *replacement = g_strdup_printf ("%s<i>\\\"&'%u", texts[t], t);

              g_string_replace (edited, texts[t], replacement, 0);
            }
        }

      g_file_set_contents (to, edited->str, edited->len, &error);
      g_assert_no_error (error);
    }

  root = g_file_new_for_path (dir);
  content = gma_content_new (root, ja, &error);
  g_assert_no_error (error);

  *out_dir = dir;
  return content;
}

static void
test_template (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_hash_table_insert (values, (gpointer) "title", (gpointer) NASTY);
  g_hash_table_insert (values, (gpointer) "body", (gpointer) "<p>raw</p>");
  g_hash_table_insert (values, (gpointer) "fmt", (gpointer) "%s%n%d");
  g_hash_table_insert (values, (gpointer) "empty", (gpointer) "");

  out = gma_render_template ("<t>{{title}}</t><b>{{{body}}}</b><e>{{ body }}</e>"
                             "<f>{{fmt}} %s %d</f>[{{empty}}]{ {single} }",
                             values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==,
                   "<t>" NASTY_ESCAPED "</t><b><p>raw</p></b><e>&lt;p&gt;raw&lt;/p&gt;</e>"
                   "<f>%s%n%d %s %d</f>[]{ {single} }");
}

static void
test_template_errors (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const bad[] = {
    "a {{unknown}} b", "a {{{unknown}}} b", "a {{title b", "a {{{title}} b",
  };

  g_hash_table_insert (values, (gpointer) "title", (gpointer) "T");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = gma_render_template (bad[i], values, &error);

      g_assert_null (out);
      g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *out = gma_render_template ("{{nope}}", values, &error);

    g_assert_nonnull (strstr (error->message, "“nope”"));
  }
}

static void
test_escaping (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GmaContent) content = load_nasty (&dir);
  g_autoptr(GmaSession) session = gma_session_new (gma_content_get_flow (content));
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *faq_page = NULL;

  g_assert_true (gma_session_jump_to (session, "r1"));
  page = gma_render_node_page (content, session, gma_session_get_current (session), &error);
  g_assert_no_error (error);

  /* Nothing of the hostile text appears unescaped … */
  test_assert_lacks (page, "<i>");
  /* … and each value appears escaped where it belongs */
  test_assert_contains (page, "<title>対応方法1&lt;i&gt;&quot;&amp;&apos;6 結果1&lt;i&gt;&quot;&amp;&apos;5</title>");
  test_assert_contains (page, "<p class=\"page-reference\">対応方法1&lt;i&gt;&quot;&amp;&apos;6</p>");
  test_assert_contains (page, "<p class=\"page-edition\">テスト版（2023年11月）&lt;i&gt;&quot;&amp;&apos;0");
  test_assert_contains (page, "テストの案内&lt;i&gt;&quot;&amp;&apos;1");
  test_assert_contains (page, "<span class=\"page-path-question\">質問1&lt;i&gt;&quot;&amp;&apos;2</span>");
  test_assert_contains (page, "<span class=\"page-path-answer\">はい&lt;i&gt;&quot;&amp;&apos;3</span>");
  test_assert_contains (page, "質問Aですか？&lt;i&gt;&quot;&amp;&apos;7</a>");

  faq_page = gma_render_faq_page (content, gma_faq_lookup (gma_content_get_faq (content), "faq-1-1"),
                                  &error);
  g_assert_no_error (error);
  test_assert_lacks (faq_page, "<i>");
  test_assert_contains (faq_page, "<title>FAQ 1-1 質問Aですか？&lt;i&gt;&quot;&amp;&apos;7</title>");
  test_assert_contains (faq_page, "カテゴリ1&lt;i&gt;&quot;&amp;&apos;8");
  test_assert_contains (faq_page, "<p>答えAです。&lt;i&gt;&quot;&amp;&apos;9</p>");

  test_remove_tree (dir);
}

/* In English, the page is English throughout: its lang, the words the
 * renderer adds around the content, the English page body. */
static void
test_english_page (void)
{
  const char *languages[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (languages, &error);
  GmaFlow *flow;
  g_autoptr(GmaSession) session = NULL;
  g_autofree char *page = NULL;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  flow = gma_content_get_flow (content);
  session = gma_session_new (flow);
  g_assert_true (gma_session_jump_to (session, "remedy-3"));

  page = gma_render_node_page (content, session, gma_session_get_current (session), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"en\">"));
  test_assert_contains (page, "<h1 class=\"page-title\">You cannot access the URL in the mail</h1>");
  test_assert_contains (page, "Based on the guidance of fiscal year 2023 (令和5年度), November 2023");
  test_assert_contains (page, "<h2>Your answers so far</h2>");
  test_assert_contains (page, "Related questions (FAQ)");
  test_assert_contains (page, ">Copy</a>");
  test_assert_contains (page, "Ask your information system administrator");
  /* Nothing of the Japanese page or chrome */
  test_assert_lacks (page, "これまでの回答");
  test_assert_lacks (page, "コピー");
  test_assert_lacks (page, "の案内に基づ");
  test_assert_lacks (page, "ホワイトリスト");

  summary = gma_render_summary (content, session);
  test_assert_contains (summary, "G-MIS Mail Assistant (Based on the guidance of ");
  test_assert_contains (summary, "Result: Remedy 3 You cannot access the URL in the mail\n");
  test_assert_contains (summary, "https://www.g-mis.mhlw.go.jp/\n");
}

/* The year's guidance, as the pages and the window's subtitle say it: in
 * the content's language throughout, never half in the other. */
static void
test_based_on (void)
{
  const char *english[] = { "en", NULL };
  const char *japanese[] = { "ja", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) en = gma_content_new_embedded_full (english, &error);
  g_autoptr(GmaContent) ja = NULL;
  g_autofree char *en_text = NULL;
  g_autofree char *ja_text = NULL;

  g_assert_no_error (error);
  ja = gma_content_new_embedded_full (japanese, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (en), ==, "en");
  g_assert_cmpstr (gma_content_get_language (ja), ==, "ja");

  en_text = gma_render_based_on (en);
  ja_text = gma_render_based_on (ja);
  g_assert_cmpstr (en_text, ==, "Based on the guidance of fiscal year 2023 (令和5年度), November 2023");
  g_assert_cmpstr (ja_text, ==, "令和5年度（2023年11月）の案内に基づく");
}

static void
test_node_page (void)
{
  g_autoptr(GmaContent) content = load_valid ();
  GmaFlow *flow = gma_content_get_flow (content);
  g_autoptr(GmaSession) session = gma_session_new (flow);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *q1 = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r1_elsewhere = NULL;
  g_autofree char *faq = NULL;

  /* The intro: its title, its body, no path, no related FAQ */
  start = gma_render_node_page (content, session, gma_flow_get_start (flow), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (start, "<!DOCTYPE html>\n<html lang=\"ja\">"));
  test_assert_contains (start, "<meta charset=\"utf-8\">");
  test_assert_contains (start, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "img-src gma:; style-src gma:; font-src gma:\">");
  test_assert_contains (start, "<link rel=\"stylesheet\" href=\"gma://app/page.css\">");
  test_assert_contains (start, "<title>はじめに</title>");
  test_assert_contains (start, "<h1 class=\"page-title\">はじめに</h1>");
  test_assert_contains (start, "<main class=\"page-body\"><p>はじめに読んでください。</p>");
  test_assert_contains (start, "<p class=\"page-reference\" hidden></p>");
  test_assert_lacks (start, "page-path");
  test_assert_lacks (start, "<nav class=\"page-related\">");
  test_assert_contains (start, "テストの案内");

  /* A question without a page */
  q1 = gma_render_node_page (content, NULL, gma_flow_lookup (flow, "q1"), &error);
  g_assert_no_error (error);
  test_assert_contains (q1, "<title>質問1ですか？</title>");
  test_assert_contains (q1, "<main class=\"page-body\"></main>");

  /* A result reached by answers */
  gma_session_answer (session, 0);
  gma_session_answer (session, 1);
  gma_session_answer (session, 0);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "r1");
  r1 = gma_render_node_page (content, session, gma_session_get_current (session), &error);
  g_assert_no_error (error);
  test_assert_contains (r1, "<title>対応方法1 結果1</title>");
  test_assert_contains (r1, "<section class=\"page-path\">\n<h2>これまでの回答</h2>\n<ol>\n");
  /* The intro's "start" is not an answer: the path begins after it. */
  test_assert_contains (r1, "<ol>\n<li><span class=\"page-path-question\">質問1</span>: "
                       "<span class=\"page-path-answer\">いいえ</span></li>\n"
                       "<li><span class=\"page-path-question\">質問2ですか？</span>: "
                       "<span class=\"page-path-answer\">はい</span></li>\n</ol>");
  test_assert_contains (r1, "<nav class=\"page-related\">");
  test_assert_contains (r1, "<a href=\"gma://faq/faq-1-1\"><span class=\"page-related-number\">FAQ 1-1</span> "
                       "質問Aですか？</a>");
  test_assert_contains (r1, "<img src=\"gma://content/illustrations/pic.svg\"");

  /* The same node when the session is elsewhere: no path */
  r1_elsewhere = gma_render_node_page (content, session, gma_flow_lookup (flow, "r2"), &error);
  g_assert_no_error (error);
  test_assert_lacks (r1_elsewhere, "page-path");
  test_assert_contains (r1_elsewhere, "<title>結果2</title>");

  /* An FAQ page */
  faq = gma_render_faq_page (content, gma_faq_lookup (gma_content_get_faq (content), "faq-2-1"), &error);
  g_assert_no_error (error);
  test_assert_contains (faq, "<title>FAQ 2-1 質問Cですか？</title>");
  test_assert_contains (faq, "<p>答えCです。</p>");
  test_assert_contains (faq, "<a href=\"gma://page/q1\">質問1ですか？</a>");
  test_assert_contains (faq, "<a href=\"gma://page/r2\">結果2</a>");
}

static void
test_embedded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GmaSession) session = NULL;
  g_autofree char *page = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *faq = NULL;
  GmaFaqEntry *entry;

  g_assert_no_error (error);
  session = gma_session_new (gma_content_get_flow (content));

  g_assert_true (gma_session_jump_to (session, "remedy-1"));
  page = gma_render_node_page (content, session, gma_session_get_current (session), &error);
  g_assert_no_error (error);
  test_assert_contains (page, "<title>対応方法1 メールボックスの空き容量が不足していた場合</title>");
  test_assert_contains (page, "これまでの回答");

  g_assert_true (gma_session_jump_to (session, "remedy-3"));
  summary = gma_render_summary (content, session);
  g_test_message ("%s", summary);
  test_assert_contains (summary, "令和5年度（2023年11月）");
  test_assert_contains (summary, "アカウント発行通知に係るトラブル対処方法について");
  test_assert_contains (summary, "結果: 対応方法3 メールにあるURLにアクセスできない\n");
  test_assert_contains (summary, "必要なURL:\nhttps://");

  entry = gma_faq_lookup (gma_content_get_faq (content), "faq-3-1");
  g_assert_nonnull (entry);
  faq = gma_render_faq_page (content, entry, &error);
  g_assert_no_error (error);
  {
    g_autofree char *title = g_markup_printf_escaped ("<title>FAQ 3-1 %s</title>",
                                                      gma_faq_entry_get_question (entry));

    test_assert_contains (faq, title);
  }
}

/* 「全体の流れ」: every node, exactly the visited ones marked. */
static void
test_flow_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GmaSession) session = NULL;
  g_autofree char *page = NULL;
  GmaFlow *flow;
  /* start → pre-notice → mailbox-space → spam-folder → remedy-2 */
  const guint answers[] = { 0, 0, 1, 0 };
  const char * const visited[] = { "start", "pre-notice", "mailbox-space", "spam-folder", "remedy-2", NULL };

  g_assert_no_error (error);
  flow = gma_content_get_flow (content);
  session = gma_session_new (flow);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    gma_session_answer (session, answers[i]);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-2");

  page = gma_render_flow_page (content, session, &error);
  g_assert_no_error (error);
  test_assert_contains (page, "<title>全体の流れ</title>");
  /* Inline, without a <style> element (the page's CSP blocks it); the
   * style comes from the app's style sheet. */
  test_assert_contains (page, "<svg ");
  test_assert_lacks (page, "<style");
  test_assert_lacks (page, "style=");
  test_assert_contains (page, "<link rel=\"stylesheet\" href=\"gma://app/flow-diagram.css\">");
  test_assert_contains (page, "page-path-answer");

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const char *id = gma_node_get_id (gma_flow_get_node (flow, i));
      g_autofree char *anchor = g_strdup_printf ("id=\"node-%s\"", id);
      g_autofree char *link = g_strdup_printf ("<a href=\"gma://page/%s\"", id);
      const char *at = strstr (page, anchor);
      const char *start;
      g_autofree char *tag = NULL;

      g_assert_nonnull (at);
      test_assert_contains (at, link);
      g_assert_cmpuint (test_count_occurrences (page, anchor), ==, 1);

      /* The class attribute of this node's <g> */
      start = g_strrstr_len (page, at - page, "<g ");
      g_assert_nonnull (start);
      tag = g_strndup (start, strchr (start, '>') - start);
      g_assert_cmpint (strstr (tag, " visited") != NULL, ==, g_strv_contains (visited, id));
      g_assert_cmpint (strstr (tag, " current") != NULL, ==, g_strcmp0 (id, "remedy-2") == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/english-page", test_english_page);
  g_test_add_func ("/render/based-on", test_based_on);
  g_test_add_func ("/render/template", test_template);
  g_test_add_func ("/render/template-errors", test_template_errors);
  g_test_add_func ("/render/escaping", test_escaping);
  g_test_add_func ("/render/node-page", test_node_page);
  g_test_add_func ("/render/embedded", test_embedded);
  g_test_add_func ("/render/flow-page", test_flow_page);

  return g_test_run ();
}
