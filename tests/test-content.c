/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content.c: loading whole content sets, embedded and overrides
 * (gma-content.c) */

#define G_LOG_DOMAIN "gma-test-content"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "content-test-util.h"

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture ("valid", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  g_autofree char *svg_type = NULL;
  g_autofree char *basename = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (content);
  g_assert_false (gma_content_is_embedded (content));
  g_assert_cmpstr (gma_content_get_edition (content), ==, "テスト版（2023年11月）");
  g_assert_cmpstr (gma_content_get_source (content), ==, "テストの案内");
  g_assert_cmpuint (gma_flow_get_n_nodes (gma_content_get_flow (content)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gma_content_get_faq (content))), ==, 3);

  basename = g_file_get_basename (gma_content_get_root (content));
  g_assert_cmpstr (basename, ==, "valid");

  bytes = gma_content_load_file (content, "pages/r1.html", &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "text/html; charset=utf-8");
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "<p>結果1の説明。都道府県の窓口にお問い合わせください。</p>"));
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = gma_content_load_file (content, "illustrations/pic.svg", &svg_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (svg_type, ==, "image/svg+xml");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* content_type is optional */
  bytes = gma_content_load_file (content, "flow.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
}

typedef struct
{
  const char *fixture;
  const char *prefix;
  const char *fragment;
} Broken;

static const Broken broken[] = {
  { "missing-page", "flow.json: $.nodes[4].page: ", "the page “pages/r2.html” is not in the content set" },
  { "dangling-link", "pages/r2.html:3:10: ", "there is no node “nowhere”" },
  { "missing-faq", "flow.json: $.nodes[3].faq[1]: ", "faq.json has no entry “faq-1-9”" },
  { "bad-src", "pages/r1.html:2:11: ", "pictures must come from the content set" },
  { "missing-picture", "pages/r1.html:2:19: ", "“illustrations/missing.svg”" },
  { "dangling-see-also", "faq.json: $.categories[0].entries[1].see-also[0]: ", "flow.json has no node “nowhere”" },
  { "bad-ask-counter", "faq.json: $.categories[0].entries[1].ask-counter: ", "must be true or false, not" },
};

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture (b->fixture, &error);

  g_assert_null (content);
  assert_problem (error, b->prefix, b->fragment);
  /* Only the one problem the fixture has */
  g_assert_null (strchr (error->message, '\n'));
}

/* Override directories with a broken flow.json, written into a fresh
 * temporary directory beside a valid faq.json. */

typedef struct
{
  const char *name;
  const char *prefix;     /* the problem line starts so */
  const char *fragment;
} Override;

static char *
make_override (const char *flow,
               gssize      flow_len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid_faq = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid",
                                                      "faq.json", NULL);
  g_autofree char *faq_text = NULL;
  char *dir = g_dir_make_tmp ("gma-override-XXXXXX", &error);
  gsize faq_len;

  g_assert_no_error (error);

  if (flow != NULL)
    {
      g_autofree char *flow_path = g_build_filename (dir, "flow.json", NULL);
      g_autofree char *faq_path = g_build_filename (dir, "faq.json", NULL);

      g_file_set_contents (flow_path, flow, flow_len, &error);
      g_assert_no_error (error);

      g_file_get_contents (valid_faq, &faq_text, &faq_len, &error);
      g_assert_no_error (error);
      g_file_set_contents (faq_path, faq_text, faq_len, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
remove_override (const char *dir)
{
  g_autofree char *flow_path = g_build_filename (dir, "flow.json", NULL);
  g_autofree char *faq_path = g_build_filename (dir, "faq.json", NULL);

  g_remove (flow_path);
  g_remove (faq_path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
check_override (const char *flow,
                gssize      flow_len,
                const char *prefix,
                const char *fragment)
{
  g_autofree char *dir = make_override (flow, flow_len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  gint64 begin = g_get_monotonic_time ();

  content = load_dir (dir, &error);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 5 * G_USEC_PER_SEC);

  g_assert_null (content);
  assert_problem (error, prefix, fragment);

  remove_override (dir);
}

static void
test_override_empty (void)
{
  g_autofree char *dir = make_override (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_dir (dir, &error);

  g_assert_null (content);
  assert_problem (error, "flow.json: ", "the file is missing");
  assert_problem (error, "faq.json: ", "the file is missing");
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_override_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_dir ("/nonexistent/gma-content", &error);

  g_assert_null (content);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "/nonexistent/gma-content: the directory does not exist");
}

static void
test_override_truncated (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid",
                                                  "flow.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_file_get_contents (valid, &text, &len, &error);
  g_assert_no_error (error);

  /* Cut the file in the middle */
  check_override (text, len / 2, "flow.json:", "is the file truncated?");
}

static void
test_override_deep (void)
{
  const guint depth = 200000;
  GString *text = g_string_new ("{\"format\": 1, \"nodes\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  check_override (text->str, text->len, "flow.json:1:", "nested more than 32 levels");
  g_string_free (text, TRUE);
}

static void
test_override_not_utf8 (void)
{
  check_override ("{\n  \"format\": 1,\n  \"edition\": {\"ja\": \"\x97\xDF\x98\x61\"}\n}", -1,
                  "flow.json:3:22: ", "not valid UTF-8");
}

static void
test_override_two_roots (void)
{
  check_override ("{\"format\": 1}\n{\"format\": 1}\n", -1,
                  "flow.json:2:1: ", "a second JSON value starts here");
}

static void
test_override_comment (void)
{
  check_override ("{\n  # comment\n}", -1, "flow.json:2:3: ", "was expected");
}

static void
test_override_too_large (void)
{
  gsize len = GMA_JSON_MAX_SIZE + 10;
  g_autofree char *text = g_malloc (len);

  memset (text, ' ', len);
  text[0] = '{';
  text[len - 1] = '}';
  check_override (text, len, "flow.json: ", "may be at most");
}

static void
test_embedded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GmaContent) again = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *type = NULL;
  GmaFlow *flow;

  g_assert_no_error (error);
  g_assert_nonnull (content);
  g_assert_true (gma_content_is_embedded (content));

  uri = g_file_get_uri (gma_content_get_root (content));
  g_assert_cmpstr (uri, ==, "resource:///io/github/gmisassistant/Assistant/content");

  g_assert_cmpstr (gma_content_get_edition (content), ==, "令和5年度（2023年11月）");
  g_assert_cmpstr (gma_content_get_source (content), ==,
                   "アカウント発行通知に係るトラブル対処方法について");

  /* Every node's page loads */
  flow = gma_content_get_flow (content);
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const char *path = gma_node_get_page (gma_flow_get_node (flow, i));
      g_autoptr(GBytes) bytes = NULL;

      if (path == NULL)
        continue;
      bytes = gma_content_load_file (content, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  page = gma_content_load_file (content, "pages/remedy-1.html", &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "text/html; charset=utf-8");

  /* Registering the resources twice is harmless */
  again = gma_content_new_embedded (&error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* The guide's FAQ, question and answer as the guide writes them (the
 * answer's items ①②③ each on a line of their own, the one link as its
 * URL), copied here so that the suite needs nothing outside the tree. */
static const struct {
  const char *id;
  const char *question;
  const char *answer;
} guide_faq[] = {
  { "faq-1-1",
    "インターネット環境がないため、新規ユーザ登録申請できません。",
    "医療（薬局）機能情報提供制度では、都道府県の運用次第では、インターネット環境を持たない報告機関からは調査票（紙）による申請でも受け付け可能としていますが、オンライン報告を推奨しております。インターネット環境を整備後、新規ユーザ登録申請を行っていただくようお願いいたします。" },
  { "faq-1-2",
    "携帯電話での新規ユーザ登録申請は可能ですか。",
    "新規ユーザ登録申請の機能については、スマートフォンやタブレットでの申請は可能です。" },
  { "faq-1-3",
    "メールアドレスを持っていません。",
    "メールアドレス取得後、新規ユーザ登録申請をいただきますようお願いいたします。" },
  { "faq-1-4",
    "住所の全角入力や、電話番号の半角入力のやり方がわかりません。",
    "一般的なPC操作の操作（全角／半角の切り替え方法等）につきましては、PCサポートでご確認いただけますようお願いいたします。" },
  { "faq-2-1",
    "機関コードがわからない。",
    "機関コードについては、都道府県からのお知らせ等でご確認ください。" },
  { "faq-2-2",
    "郵便番号検索で住所がヒットしない。",
    "大口事業所で個別番号を有する事業者様の個別番号への対応はしていません。個別番号ではなく、住所地に割り振られた郵便番号を使用するようにお願いします。" },
  { "faq-2-3",
    "令和5年6月末の期限で申請を都道府県から依頼されていたが、間に合わなかった。申請をしたいがどうすればよいか。",
    "申請が間に合わなかった病院等及び薬局の方は、11月13日以降に本機能が再度利用可能となるため、申請をお願いします。" },
  { "faq-2-4",
    "新規開設・開業したが、ユーザ申請はいつ・どのように実施するのか。",
    "令和5年11月13日に、新規ユーザ登録申請機能が利用可能となります。11月13日以降に申請をお願いします。" },
  { "faq-2-5",
    "申請後に、医療機関情報に変更があった。何か手続きは必要か。(所在地住所・名称・医療機関コードなど)",
    "利用者情報につきましては、ログイン後、「ユーザ基礎情報登録」ボタンをクリックし、修正を行ってください。医療機関の情報修正については、定期報告または随時報告にて修正を行ってください。" },
  { "faq-2-6",
    "入力項目に何を入れたら良いかわからない。(個人経営の薬局なので「担当部署名」、「担当部署番号」、「建物名」に該当するものがない等)",
    "項目毎の「ヘルプ」(?ボタン)を押して確認してください。" },
  { "faq-3-1",
    "アカウント発行通知メールを紛失してしまい、ログインできない。",
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口にて「ログインID」をご確認の上、「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-3-2",
    "「このサイトにアクセスできません」というメッセージが出た。",
    "以下のケースに該当するかを確認し、それぞれの対処方法を行ってください。\n①ブラウザのキャッシュが溜まっている⇒ブラウザの「キャッシュクリア」を行ってください。\n②サイトにフィルターがかかっている⇒情報システム管理者にG-MISのサイト ( https://www.g-mis.mhlw.go.jp/ ) をアクセス可能としていただくようお願いしてください。\n③サーバーがメンテナンス中などで利用できない状態にある⇒しばらく待ってからアクセスしてください。" },
  { "faq-3-3",
    "ログインIDが分からない。",
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口にて「ログインID」をご確認の上、「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-3-4",
    "パスワードが分からない。",
    "「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-4-1",
    "ログインIDが分からなくなり、ログインできない。",
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口に「ログインID」をご確認の上、「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-4-2",
    "1月から定期報告と聞いていたが、G-MISにログインしても定期報告ボタンが押せない。",
    "定期報告期間中のみ定期報告ボタンが押せます。定期報告の開始日・終了日は、都道府県毎に異なります。都道府県からのご案内等を確認してください。" },
  { "faq-4-3",
    "「医療機能情報提供制度」ボタンを押し、「医療機能情報提供制度ホーム画面」を表示したが、新規報告ボタンは押せるが、定期報告ボタンが押せない。",
    "以下の2つの場合があります。\n①定期報告期間外の場合は、定期報告ボタンが押せません。都道府県からのご案内する定期報告実施期間をご確認ください。\n②昨年度の報告データがG-MIS上に存在しない場合、「新規報告」機能を使って「定期報告」を実施いただく必要がございます。「新規報告」を選択し、令和5年度の報告を行ってください。" },
};

/* The facts of the content contract appear, written exactly so, in the
 * embedded content: in the pages, the FAQ and the flow. */
static void
test_embedded_facts (void)
{
  static const char * const facts[] = {
    "info@g-mis.net",
    "https://www.g-mis.mhlw.go.jp/",
    "https://www.g-mis.mhlw.go.jp/user-Registration-Form",
    "https://www.med-login.mhlw.go.jp/s/login/",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html",
    "10月23日（月）",
    "11月6日（月）",
    "11月13日",
    "令和5年度",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (ja, &error);
  g_autofree char *all = NULL;
  g_autofree char *remedy_1 = NULL;
  g_autofree char *remedy_2 = NULL;
  g_autofree char *remedy_3 = NULL;
  GmaFaq *faq;
  guint n_entries;

  g_assert_no_error (error);
  faq = gma_content_get_faq (content);
  n_entries = g_list_model_get_n_items (G_LIST_MODEL (faq));

  /* Everything the set says: pages, node texts and URLs, FAQ entries */
  all = gather_all_text (content, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    assert_has_fact ("the embedded content", all, facts[i]);

  /* The menu labels, in the pages that walk through the menus */
  remedy_2 = embedded_page (content, "remedy-2");
  for (guint i = 0; i < G_N_ELEMENTS (outlook_labels); i++)
    assert_has_fact ("the page of remedy-2", remedy_2, outlook_labels[i]);
  remedy_3 = embedded_page (content, "remedy-3");
  for (guint i = 0; i < G_N_ELEMENTS (edge_labels); i++)
    assert_has_fact ("the page of remedy-3", remedy_3, edge_labels[i]);

  remedy_1 = embedded_page (content, "remedy-1");
  assert_has_fact ("the page of remedy-1", remedy_1, forgot_label);
  g_assert_nonnull (gma_faq_lookup (faq, "faq-3-1"));
  assert_has_fact ("faq-3-1", gma_faq_entry_get_answer (gma_faq_lookup (faq, "faq-3-1")),
                   forgot_label);

  /* The FAQ is the guide's, entry for entry */
  g_assert_cmpuint (n_entries, ==, G_N_ELEMENTS (guide_faq));
  for (guint i = 0; i < G_N_ELEMENTS (guide_faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), i);

      g_test_message ("%s", guide_faq[i].id);
      g_assert_cmpstr (gma_faq_entry_get_id (entry), ==, guide_faq[i].id);
      g_assert_cmpstr (gma_faq_entry_get_question (entry), ==, guide_faq[i].question);
      g_assert_cmpstr (gma_faq_entry_get_answer (entry), ==, guide_faq[i].answer);
    }
}

/* A page id resolved once: a node, an FAQ entry, or nothing. */
static void
test_resolve (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (ja, &error);
  const GmaNode *node = (const GmaNode *) &error;
  GmaFaqEntry *entry = (GmaFaqEntry *) &error;

  g_assert_no_error (error);

  g_assert_cmpint (gma_content_resolve (content, "remedy-3", &node, &entry), ==, GMA_PAGE_NODE);
  g_assert_true (node == gma_flow_lookup (gma_content_get_flow (content), "remedy-3"));
  g_assert_null (entry);

  g_assert_cmpint (gma_content_resolve (content, "faq-3-1", &node, &entry), ==, GMA_PAGE_FAQ);
  g_assert_null (node);
  g_assert_true (entry == gma_faq_lookup (gma_content_get_faq (content), "faq-3-1"));

  g_assert_cmpint (gma_content_resolve (content, "faq-9-9", &node, &entry), ==, GMA_PAGE_NONE);
  g_assert_null (node);
  g_assert_null (entry);
  g_assert_cmpint (gma_content_resolve (content, "", NULL, NULL), ==, GMA_PAGE_NONE);
  g_assert_cmpint (gma_content_resolve (content, NULL, NULL, NULL), ==, GMA_PAGE_NONE);
  g_assert_cmpint (gma_content_resolve (content, "start", NULL, NULL), ==, GMA_PAGE_NODE);

  /* Every node and every entry is found as what it is. */
  for (guint i = 0; i < gma_flow_get_n_nodes (gma_content_get_flow (content)); i++)
    {
      const GmaNode *n = gma_flow_get_node (gma_content_get_flow (content), i);

      g_assert_cmpint (gma_content_resolve (content, gma_node_get_id (n), &node, NULL), ==, GMA_PAGE_NODE);
      g_assert_true (node == n);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (gma_content_get_faq (content))); i++)
    {
      g_autoptr(GmaFaqEntry) e = g_list_model_get_item (G_LIST_MODEL (gma_content_get_faq (content)), i);

      g_assert_cmpint (gma_content_resolve (content, gma_faq_entry_get_id (e), NULL, &entry), ==, GMA_PAGE_FAQ);
      g_assert_true (entry == e);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/valid", test_valid);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/broken/%s", broken[i].fixture);

      g_test_add_data_func (path, &broken[i], test_broken);
    }

  g_test_add_func ("/content/override/empty", test_override_empty);
  g_test_add_func ("/content/override/missing-dir", test_override_missing_dir);
  g_test_add_func ("/content/override/truncated", test_override_truncated);
  g_test_add_func ("/content/override/deep", test_override_deep);
  g_test_add_func ("/content/override/not-utf8", test_override_not_utf8);
  g_test_add_func ("/content/override/two-roots", test_override_two_roots);
  g_test_add_func ("/content/override/comment", test_override_comment);
  g_test_add_func ("/content/override/too-large", test_override_too_large);
  g_test_add_func ("/content/embedded", test_embedded);
  g_test_add_func ("/content/embedded-facts", test_embedded_facts);
  g_test_add_func ("/content/resolve", test_resolve);

  return g_test_run ();
}
