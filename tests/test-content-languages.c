/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content-languages.c: the content languages: a set complete in
 * English, its facts, what is missing (gma-content-languages.c) */

#define G_LOG_DOMAIN "gma-test-content-languages"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "content-test-util.h"

static const char * const en[] = { "en", NULL };

/* The embedded set is complete in English; if not, every gap is named. */
static void
test_english_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (en, &error);
  g_autofree char *missing = NULL;
  GmaFaq *faq;

  g_assert_no_error (error);
  missing = gma_content_explain_missing_language (content, "en");
  if (missing != NULL)
    {
      g_test_fail_printf ("the embedded content lacks English:\n%s", missing);
      return;
    }
  g_assert_true (gma_content_has_language (content, "en"));
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");

  /* Its texts are the English ones */
  g_assert_cmpstr (gma_content_get_edition (content), ==,
                   "fiscal year 2023 (令和5年度), November 2023");
  g_assert_cmpstr (gma_node_get_title (gma_flow_lookup (gma_content_get_flow (content), "remedy-2")),
                   ==, "When the mail was in the junk mail folder");
  faq = gma_content_get_faq (content);
  g_assert_cmpstr (gma_faq_get_title (faq), ==, "Frequently asked questions (FAQ)");
  g_assert_cmpstr (gma_faq_entry_get_question (gma_faq_lookup (faq, "faq-3-4")), ==,
                   "We do not know our password.");
}

/* The English pages and texts keep the guide's facts exactly: URLs, the
 * sender, the Japanese menu labels a person sees on screen. */
static void
test_english_facts (void)
{
  static const char * const facts[] = {
    "info@g-mis.net",
    "https://www.g-mis.mhlw.go.jp/",
    "https://www.g-mis.mhlw.go.jp/user-Registration-Form",
    "https://www.med-login.mhlw.go.jp/s/login/",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html",
    "Monday, October 23",
    "Monday, November 6",
    "November 13",
    "令和5年度",
    "【厚生労働省G-MIS事務局】G-MISのご利用準備完了に伴うパスワード登録のご依頼",
    "【厚生労働省G-MIS事務局】報告機関内でのG-MISご利用者の確認依頼",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (en, &error);
  g_autofree char *all = NULL;
  g_autofree char *remedy_1 = NULL;
  g_autofree char *remedy_2 = NULL;
  g_autofree char *remedy_3 = NULL;
  GmaFaq *faq;

  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  faq = gma_content_get_faq (content);

  /* The English pages, not the Japanese ones */
  all = gather_all_text (content, "答えると");
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    assert_has_fact ("the English content", all, facts[i]);

  remedy_2 = embedded_page (content, "remedy-2");
  for (guint i = 0; i < G_N_ELEMENTS (outlook_labels); i++)
    assert_has_fact ("the English page of remedy-2", remedy_2, outlook_labels[i]);
  remedy_3 = embedded_page (content, "remedy-3");
  for (guint i = 0; i < G_N_ELEMENTS (edge_labels); i++)
    assert_has_fact ("the English page of remedy-3", remedy_3, edge_labels[i]);
  remedy_1 = embedded_page (content, "remedy-1");
  assert_has_fact ("the English page of remedy-1", remedy_1, forgot_label);
  assert_has_fact ("faq-3-1 in English",
                   gma_faq_entry_get_answer (gma_faq_lookup (faq, "faq-3-1")), forgot_label);
}

/* An override without (all of) its English loads, in Japanese, and says
 * what is missing. */
static void
test_english_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);

  content = gma_content_new (root, en, &error);
  g_assert_no_error (error);
  g_assert_false (gma_content_has_language (content, "en"));
  g_assert_true (gma_content_has_language (content, "ja"));
  g_assert_cmpstr (gma_content_get_language (content), ==, "ja");
  /* Japanese throughout, even where an English text exists */
  g_assert_cmpstr (gma_content_get_edition (content), ==, "テスト版（2023年11月）");

  missing = gma_content_explain_missing_language (content, "en");
  g_assert_nonnull (missing);
  g_test_message ("%s", missing);
  assert_line (missing, "flow.json: $.source.en: ", "English text is missing");
  assert_line (missing, "flow.json: $.nodes[1].keywords.en: ", "English words are missing");
  assert_line (missing, "flow.json: $.nodes[0].page: ", "pages/en/start.html");
  g_assert_null (strstr (missing, "$.edition.en"));
}

/* A copy of the embedded set as an override: complete, it is shown in
 * English; each gap made in it is named, and it is then Japanese. */
static void
test_english_override (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "resources", "content", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("gma-test-english-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "content", NULL);
  g_autofree char *gone = g_build_filename (dir, "pages", "en", "url-access.html", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GmaContent) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  test_copy_tree (source, dir);

  content = gma_content_new (root, en, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  g_assert_null (gma_content_explain_missing_language (content, "en"));

  /* A text without English, a link lost, a contact marker added, a page
   * missing */
  test_replace_in_file (dir, "flow.json", ", \"en\": \"Remedy 1\"", "");
  test_replace_in_file (dir, "pages/en/remedy-2.html",
                   "(<a href=\"mailto:info@g-mis.net\">info@g-mis.net</a>)", "info@g-mis.net");
  test_replace_in_file (dir, "pages/en/remedy-4.html", "please wait.</p>",
                   "please wait.</p>\n<div class=\"note gma-contact\"></div>");
  g_assert_cmpint (g_remove (gone), ==, 0);

  broken = gma_content_new (root, en, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (broken), ==, "ja");
  g_assert_cmpstr (gma_node_get_reference (gma_flow_lookup (gma_content_get_flow (broken), "remedy-1")),
                   ==, "対応方法1");
  missing = gma_content_explain_missing_language (broken, "en");
  g_assert_nonnull (missing);
  g_test_message ("%s", missing);
  assert_line (missing, "flow.json: $.nodes[7].reference.en: ", "English text is missing");
  assert_line (missing, "pages/en/remedy-2.html: ", "“mailto:info@g-mis.net” 0 time(s) where the "
               "Japanese page pages/remedy-2.html does 1 time(s)");
  assert_line (missing, "pages/en/remedy-4.html: ", "has 2 contact marker(s) <div class=\"gma-contact\"></div> where the Japanese page pages/remedy-4.html has 1");
  assert_line (missing, "flow.json: $.nodes[6].page: ", "add “pages/en/url-access.html”");

  test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/english/complete", test_english_complete);
  g_test_add_func ("/content/english/facts", test_english_facts);
  g_test_add_func ("/content/english/missing", test_english_missing);
  g_test_add_func ("/content/english/override", test_english_override);

  return g_test_run ();
}
