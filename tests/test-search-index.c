/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-index.c: the index and its ranking (gma-search-index.c,
 * through gma-search-match.c): a hand-made index with the guide's texts,
 * and the real embedded content */

#define G_LOG_DOMAIN "test-search-index"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-search.h"
#include "search-test-util.h"

/* ------------------------------------------------------------------ */
/* A hand-made index: the guide's FAQ and result pages, in the guide's   */
/* order (pages first, as gma_search_index_new_for_content() does)      */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *id;
  const char *title;
  const char *keywords[6];
  const char *body;
} Fixture;

static const Fixture guide[] = {
  { "start", "アカウント発行通知に係るトラブル対処方法について",
    { "とらぶる", "たいしょほうほう", "はっこうつうち", NULL },
    "アカウント発行通知メールが届かない等のトラブル発生時、参照してください。"
    "「既存アカウント通知メール」が届いた場合には、ご利用中のG-MISアカウントが存在するため、"
    "定期報告時は、既存のアカウントをご利用ください。" },
  { "remedy-1", "対応方法1 メールボックスの空き容量が不足していた場合",
    { "あきようりょう", "めーるぼっくす", "容量不足", NULL },
    "メールボックスの空き容量が不足している場合に空き容量を増やす方法は、ご利用中のメールソフトウェアにより、"
    "対応方法が異なります。メールサーバー上でメールが保管されている場合には、メールボックスの空き容量を"
    "確保した後、メールサーバからメールが再送されます。もしも、メールが受信できなかった場合には、"
    "都道府県窓口「ログインID」をご確認の上、「パスワードのリセット」を実施いただきますようお願いいたします。"
    "パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押して"
    "いただくようお願いいたします。" },
  { "remedy-2", "対応方法2 迷惑メールフォルダにメールがあった場合",
    { "めいわくめーるふぉるだ", "スパム", "安全なアドレス", NULL },
    "①メールを「受信トレイ」など安全なフォルダに移動する ②メールに記載のURLにアクセスする "
    "③「ようこそメール」に記載されるパスワード設定用のURLにアクセスし、パスワード設定を実施する "
    "④送信元メールアドレス (info@g-mis.net) を「安全なアドレス」として設定する "
    "【Outlookの場合の例】該当のメールを右クリックする 「迷惑メール(J)」→「迷惑メールのオプション(O)」を選択" },
  { "remedy-3", "対応方法3 メールにあるURLにアクセスできない",
    { "あくせすできない", "きゃっしゅくりあ", "ホワイトリスト", NULL },
    "「このサイトにアクセスできません」というメッセージが出た場合、以下の理由などが考えられます。"
    "① ブラウザのキャッシュが溜まっている ② サイトにフィルターがかかっている "
    "③ サーバーがメンテナンス中などで利用できない状態にある "
    "ブラウザの「キャッシュクリア」を行ってください。以下のサイトをホワイトリストに入れていただくよう"
    "情報システム管理者へ依頼してください。しばらく待ってから、アクセスいただくようお願いします。" },
  { "remedy-4", "対応方法4 既存のアカウントが無いにも関わらず、アカウント発行通知メールが届かない",
    { "きぞんのあかうんと", "送信エラー", "きかんこーど", NULL },
    "① メールが送信エラーとなっている ② 病院等のご担当者様が把握していない既存のアカウントが存在する "
    "③ 新規ユーザ登録申請時、機関コードを誤って登録してしまった "
    "申請時のメールアドレスが間違っていた可能性があります。都道府県の窓口からご連絡しますので、"
    "お待ちいただくようお願いします。" },
  { "faq-1-1", "インターネット環境がないため、新規ユーザ登録申請できません。",
    { "いんたーねっと", "しんきゆーざとうろく", NULL },
    "医療（薬局）機能情報提供制度では、都道府県の運用次第では、インターネット環境を持たない報告機関からは"
    "調査票（紙）による申請でも受け付け可能としていますが、オンライン報告を推奨しております。" },
  { "faq-1-2", "携帯電話での新規ユーザ登録申請は可能ですか。",
    { "けいたいでんわ", "スマホ", "スマートフォン", NULL },
    "新規ユーザ登録申請の機能については、スマートフォンやタブレットでの申請は可能です。" },
  { "faq-1-3", "メールアドレスを持っていません。",
    { "めーるあどれす", "メアド", NULL },
    "メールアドレス取得後、新規ユーザ登録申請をいただきますようお願いいたします。" },
  { "faq-1-4", "住所の全角入力や、電話番号の半角入力のやり方がわかりません。",
    { "ぜんかく", "はんかく", NULL },
    "一般的なPC操作の操作（全角／半角の切り替え方法等）につきましては、PCサポートでご確認いただけますよう"
    "お願いいたします。" },
  { "faq-2-1", "機関コードがわからない。",
    { "きかんこーど", NULL },
    "機関コードについては、都道府県からのお知らせ等でご確認ください。" },
  { "faq-2-2", "郵便番号検索で住所がヒットしない。",
    { "ゆうびんばんごう", NULL },
    "大口事業所で個別番号を有する事業者様の個別番号への対応はしていません。個別番号ではなく、"
    "住所地に割り振られた郵便番号を使用するようにお願いします。" },
  { "faq-2-3", "令和5年6月末の期限で申請を都道府県から依頼されていたが、間に合わなかった。申請をしたいがどうすればよいか。",
    { "しんせい", "きげん", NULL },
    "申請が間に合わなかった病院等及び薬局の方は、11月13日以降に本機能が再度利用可能となるため、"
    "申請をお願いします。" },
  { "faq-2-4", "新規開設・開業したが、ユーザ申請はいつ・どのように実施するのか。",
    { "しんきかいせつ", "かいぎょう", NULL },
    "令和5年11月13日に、新規ユーザ登録申請機能が利用可能となります。11月13日以降に申請をお願いします。" },
  { "faq-2-5", "申請後に、医療機関情報に変更があった。何か手続きは必要か。(所在地住所・名称・医療機関コードなど)",
    { "へんこう", NULL },
    "利用者情報につきましては、ログイン後、「ユーザ基礎情報登録」ボタンをクリックし、修正を行ってください。"
    "医療機関の情報修正については、定期報告または随時報告にて修正を行ってください。" },
  { "faq-2-6", "入力項目に何を入れたら良いかわからない。(個人経営の薬局なので「担当部署名」、「担当部署番号」、「建物名」に該当するものがない等)",
    { "にゅうりょくこうもく", "へるぷ", NULL },
    "項目毎の「ヘルプ」(?ボタン)を押して確認してください。" },
  { "faq-3-1", "アカウント発行通知メールを紛失してしまい、ログインできない。",
    { "ふんしつ", "ろぐいん", NULL },
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口にて「ログインID」をご確認の上、"
    "「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、"
    "「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-3-2", "「このサイトにアクセスできません」というメッセージが出た。",
    { "あくせすできない", "きゃっしゅ", NULL },
    "以下のケースに該当するかを確認し、それぞれの対処方法を行ってください。 "
    "①ブラウザのキャッシュが溜まっている⇒ブラウザの「キャッシュクリア」を行ってください。 "
    "②サイトにフィルターがかかっている⇒情報システム管理者にG-MISのサイト ( https://www.g-mis.mhlw.go.jp/ ) "
    "をアクセス可能としていただくようお願いしてください。 "
    "③サーバーがメンテナンス中などで利用できない状態にある⇒しばらく待ってからアクセスしてください。" },
  { "faq-3-3", "ログインIDが分からない。",
    { "ろぐいんあいでぃー", "ユーザ名", NULL },
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口にて「ログインID」をご確認の上、"
    "「パスワードのリセット」をお願いします。" },
  { "faq-3-4", "パスワードが分からない。",
    { "ぱすわーど", "PW", "パスワードリセット", "パスワードを忘れた", NULL },
    "「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、"
    "「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-4-1", "ログインIDが分からなくなり、ログインできない。",
    { "ろぐいんあいでぃー", NULL },
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口に「ログインID」をご確認の上、"
    "「パスワードのリセット」をお願いします。" },
  { "faq-4-2", "1月から定期報告と聞いていたが、G-MISにログインしても定期報告ボタンが押せない。",
    { "ていきほうこく", "ぼたん", NULL },
    "定期報告期間中のみ定期報告ボタンが押せます。定期報告の開始日・終了日は、都道府県毎に異なります。"
    "都道府県からのご案内等を確認してください。" },
  { "faq-4-3", "「医療機能情報提供制度」ボタンを押し、「医療機能情報提供制度ホーム画面」を表示したが、新規報告ボタンは押せるが、定期報告ボタンが押せない。",
    { "ていきほうこく", "しんきほうこく", NULL },
    "以下の2つの場合があります。 ①定期報告期間外の場合は、定期報告ボタンが押せません。"
    "②昨年度の報告データがG-MIS上に存在しない場合、「新規報告」機能を使って「定期報告」を実施いただく"
    "必要がございます。" },
};

static GmaSearchIndex *
guide_index (void)
{
  GmaSearchIndex *index = gma_search_index_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (guide); i++)
    gma_search_index_add (index, guide[i].id, guide[i].title,
                          guide[i].keywords, guide[i].body);
  return index;
}

typedef struct {
  const char *query;
  const char *first;     /* expected first hit ("a|b": either); NULL: no hit at all */
  const char *also;      /* optional: must be second */
} RankCase;

static const RankCase hand_cases[] = {
  /* widths and kana */
  { "ﾛｸﾞｲﾝ", "faq-4-1" },
  { "ろぐいん", "faq-4-1" },
  { "ＵＲＬ", "remedy-3" },
  { "url", "remedy-3" },
  { "ＩＤ", "faq-3-3" },
  { "ﾊﾟｽﾜｰﾄﾞ", "faq-3-4" },
  { "ぱすわーど", "faq-3-4" },
  { "パスワ－ド", "faq-3-4" },
  { "ｷｬｯｼｭｸﾘｱ", "remedy-3" },
  { "きゃっしゅ", "remedy-3" },
  { "ﾒｰﾙﾎﾞｯｸｽ", "remedy-1" },
  { "ＯＵＴＬＯＯＫ", "remedy-2" },
  /* spaces */
  { "パスワード リセット", "faq-3-4" },
  { "ログ イン", "faq-4-1" },
  { "アクセス　できない", "remedy-3" },
  /* readings and aliases (keywords) */
  { "ていきほうこく", "faq-4-2", "faq-4-3" },
  { "あきようりょう", "remedy-1" },
  { "めいわくめーる", "remedy-2" },
  { "きかんこーど", "remedy-4" },
  { "ぜんかく", "faq-1-4" },
  { "PW", "faq-3-4" },
  { "スマホ", "faq-1-2" },
  { "メアド", "faq-1-3" },
  /* words in titles and bodies */
  { "このサイトにアクセスできません", "faq-3-2", "remedy-3" },
  { "定期報告", "faq-4-2" },
  { "機関コード", "faq-2-1" },
  { "迷惑メール", "remedy-2" },
  { "空き容量", "remedy-1" },
  { "送信エラー", "remedy-4" },
  { "ホワイトリスト", "remedy-3" },
  { "郵便番号", "faq-2-2" },
  /* typos: one wrong, missing or extra character */
  { "パスワートが分からない", "faq-3-4" },
  { "パスワードリセト", "faq-3-4" },
  { "メンテナンフ", "remedy-3" },
  { "ブラウザのキャシュ", "remedy-3" },
  { "ろぐいいんID", "faq-3-3" },
  { "ゆうびんばんご", "faq-2-2" },
  /* several words */
  { "ログイン できない", "faq-4-1" },
  { "定期報告 ボタン", "faq-4-2" },
  { "gmis ろぐいん", "faq-4-2" },
  { "住所 ヒット", "faq-2-2" },
  { "申請 間に合わなかった", "faq-2-3" },
  { "メールアドレス 持っていない", "faq-1-3" },
  { "ﾛｸﾞｲﾝ ID 分からなくなり", "faq-4-1" },
  /* phrases that are nowhere in those words (bigram similarity) */
  { "パスワードを忘れてしまった", "faq-3-4" },
  /* no hit */
  { "天気予報", NULL },
  { "xyzzy", NULL },
  { "インフルエンザ", NULL },
  { "ラーメン", NULL },
  { "さしすせそ", NULL },
  { "ログイン 天気", NULL },
  { "　、。", NULL },
};

/* Every hit highlights something in the field it was found in (unless
 * that is the keywords), and its ranges are sound (highlighted() checks
 * bounds, order and UTF-8 boundaries). */
static void
check_hit_ranges (const char *query,
                  GPtrArray  *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      GmaSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = highlighted (hit, GMA_SEARCH_FIELD_TITLE);
      g_autofree char *body = highlighted (hit, GMA_SEARCH_FIELD_BODY);

      if ((gma_search_hit_get_field (hit) == GMA_SEARCH_FIELD_TITLE && *title == '\0')
          || (gma_search_hit_get_field (hit) == GMA_SEARCH_FIELD_BODY && *body == '\0'))
        g_test_fail_printf ("%s: %s: nothing highlighted in the field found",
                            query, gma_search_hit_get_id (hit));
    }
}

/* Checks every case, reports each failure, fails once at the end. */
static void
check_cases (GmaSearchIndex *index,
             const RankCase *cases,
             gsize           n_cases)
{
  guint failed = 0;

  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GPtrArray) hits = gma_search_index_query (index, cases[i].query);
      const char *first = hits->len > 0
                          ? gma_search_hit_get_id (g_ptr_array_index (hits, 0)) : NULL;
      const char *second = hits->len > 1
                           ? gma_search_hit_get_id (g_ptr_array_index (hits, 1)) : NULL;
      g_auto(GStrv) accepted = cases[i].first ? g_strsplit (cases[i].first, "|", -1) : NULL;

      check_hit_ranges (cases[i].query, hits);

      if ((accepted == NULL ? first != NULL
           : (first == NULL || !g_strv_contains ((const char * const *) accepted, first)))
          || (cases[i].also != NULL && g_strcmp0 (second, cases[i].also) != 0))
        {
          g_test_message ("FAIL %s: expected %s, %s; got %s (%.1f), %s (%u hits)",
                          cases[i].query,
                          cases[i].first ? cases[i].first : "no hit",
                          cases[i].also ? cases[i].also : "-",
                          first ? first : "no hit",
                          first ? gma_search_hit_get_score (g_ptr_array_index (hits, 0)) : 0.0,
                          second ? second : "-", hits->len);
          failed++;
        }
    }

  if (failed > 0)
    g_test_fail_printf ("%u of %zu queries ranked wrong", failed, n_cases);
}

static void
test_rank_hand (void)
{
  g_autoptr(GmaSearchIndex) index = guide_index ();

  g_assert_cmpuint (G_N_ELEMENTS (hand_cases), >=, 40);
  check_cases (index, hand_cases, G_N_ELEMENTS (hand_cases));
}

static void
test_rank_fields (void)
{
  g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
  const char *kw[] = { "ろぐいん", NULL };
  const char *none[] = { NULL };
  g_autoptr(GPtrArray) hits = NULL;
  GmaSearchHit *hit;

  /* added worst first: the order must come from the fields */
  gma_search_index_add (index, "body", "画面", none, "ログインしてください");
  gma_search_index_add (index, "keywords", "画面", kw, "説明");
  gma_search_index_add (index, "title", "ログイン画面", none, "説明");
  gma_search_index_add (index, "nothing", "画面", none, "説明");

  hits = gma_search_index_query (index, "ログイン");
  g_assert_cmpuint (hits->len, ==, 3);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (gma_search_hit_get_id (hit), ==, "title");
  g_assert_cmpint (gma_search_hit_get_field (hit), ==, GMA_SEARCH_FIELD_TITLE);
  g_assert_cmpint (gma_search_hit_get_kind (hit), ==, GMA_SEARCH_KIND_OTHER);
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpstr (gma_search_hit_get_id (hit), ==, "keywords");
  g_assert_cmpint (gma_search_hit_get_field (hit), ==, GMA_SEARCH_FIELD_KEYWORDS);
  hit = g_ptr_array_index (hits, 2);
  g_assert_cmpstr (gma_search_hit_get_id (hit), ==, "body");
  g_assert_cmpint (gma_search_hit_get_field (hit), ==, GMA_SEARCH_FIELD_BODY);
  g_assert_cmpfloat (gma_search_hit_get_score (g_ptr_array_index (hits, 0)), >,
                     gma_search_hit_get_score (g_ptr_array_index (hits, 1)));
  g_assert_cmpfloat (gma_search_hit_get_score (g_ptr_array_index (hits, 1)), >,
                     gma_search_hit_get_score (g_ptr_array_index (hits, 2)));

  /* an exact hit in the body beats nothing, a typo in the body is found
   * only when the word is nowhere exactly */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gma_search_index_query (index, "ログインして");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gma_search_index_query (index, "ロクイソ");  /* two edits from ログイン */
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gma_search_index_query (index, "ログイソ");  /* one edit */
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (gma_search_hit_get_id (g_ptr_array_index (hits, 0)), ==, "title");
}

static void
test_rank_stable (void)
{
  g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
  g_autoptr(GPtrArray) hits = NULL;
  const char *ids[] = { "c", "a", "d", "b" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    gma_search_index_add (index, ids[i], "パスワードの設定", NULL, NULL);
  gma_search_index_add (index, "other", "メール", NULL, NULL);
  g_assert_cmpuint (gma_search_index_get_n_entries (index), ==, 5);

  hits = gma_search_index_query (index, "ぱすわーど");
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (gma_search_hit_get_id (g_ptr_array_index (hits, i)), ==, ids[i]);
      g_assert_cmpfloat (gma_search_hit_get_score (g_ptr_array_index (hits, i)), ==,
                         gma_search_hit_get_score (g_ptr_array_index (hits, 0)));
    }
}

static void
test_all_words (void)
{
  g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
  g_autoptr(GPtrArray) hits = NULL;

  gma_search_index_add (index, "a", "ブラウザのキャッシュ", NULL, NULL);
  gma_search_index_add (index, "b", "キャッシュ", NULL, "サーバーのメンテナンス");
  gma_search_index_add (index, "c", "サーバ", NULL, NULL);

  hits = gma_search_index_query (index, "キャッシュ サーバ");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (gma_search_hit_get_id (g_ptr_array_index (hits, 0)), ==, "b");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* word order does not matter */
  hits = gma_search_index_query (index, "サーバー キャッシュ");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = gma_search_index_query (index, "");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gma_search_index_query (index, NULL);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* The real embedded content                                           */
/* ------------------------------------------------------------------ */

static GmaContent *
load_content (void)
{
  g_autoptr(GError) error = NULL;
  GmaContent *content = gma_content_new_embedded (&error);

  g_assert_no_error (error);
  g_assert_nonnull (content);
  return content;
}

/* Keywords with at least one word that survives normalisation. */
static gboolean
has_keywords (const char * const *keywords)
{
  for (guint i = 0; keywords && keywords[i]; i++)
    {
      g_autofree char *norm = gma_search_normalize (keywords[i], -1, NULL);

      if (*norm != '\0')
        return TRUE;
    }
  return FALSE;
}

/* The validator: every shipped FAQ entry, the intro and every result
 * carry search keywords (readings, aliases), and none is blank. */
static void
test_content_keywords (void)
{
  g_autoptr(GmaContent) content = load_content ();
  GmaFlow *flow = gma_content_get_flow (content);
  GListModel *faq = G_LIST_MODEL (gma_content_get_faq (content));
  guint n_faq = g_list_model_get_n_items (faq);
  guint checked = 0;

  g_assert_cmpuint (n_faq, >=, 17);
  for (guint i = 0; i < n_faq; i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (faq, i);
      const char * const *keywords = gma_faq_entry_get_keywords (entry);

      if (!has_keywords (keywords))
        g_test_fail_printf ("faq.json: %s has no search keywords", gma_faq_entry_get_id (entry));
      for (guint k = 0; keywords[k]; k++)
        {
          g_autofree char *norm = gma_search_normalize (keywords[k], -1, NULL);

          if (*norm == '\0')
            g_test_fail_printf ("faq.json: %s: keyword %u is blank",
                                gma_faq_entry_get_id (entry), k);
        }
      checked++;
    }

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      const char * const *keywords = gma_node_get_keywords (node);

      if (gma_node_get_kind (node) == GMA_NODE_QUESTION)
        continue;
      if (!has_keywords (keywords))
        g_test_fail_printf ("flow.json: %s has no search keywords", gma_node_get_id (node));
      for (guint k = 0; keywords[k]; k++)
        {
          g_autofree char *norm = gma_search_normalize (keywords[k], -1, NULL);

          if (*norm == '\0')
            g_test_fail_printf ("flow.json: %s: keyword %u is blank", gma_node_get_id (node), k);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 17 + 5);
}

/* gma_search_index_new_for_content(): intro, results, FAQ, in order. */
static void
test_content_index (void)
{
  g_autoptr(GmaContent) content = load_content ();
  g_autoptr(GmaSearchIndex) index = gma_search_index_new_for_content (content);
  GmaFlow *flow = gma_content_get_flow (content);
  GListModel *faq = G_LIST_MODEL (gma_content_get_faq (content));
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) hits = NULL;
  guint n_results = 0;

  g_ptr_array_add (expected, (gpointer) gma_node_get_id (gma_flow_get_start (flow)));
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    if (gma_node_get_kind (gma_flow_get_node (flow, i)) == GMA_NODE_RESULT)
      {
        g_ptr_array_add (expected, (gpointer) gma_node_get_id (gma_flow_get_node (flow, i)));
        n_results++;
      }
  for (guint i = 0; i < g_list_model_get_n_items (faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (faq, i);

      g_ptr_array_add (expected, (gpointer) gma_faq_entry_get_id (entry));
    }
  g_assert_cmpuint (n_results, >=, 4);
  g_assert_cmpuint (gma_search_index_get_n_entries (index), ==, expected->len);

  /* each entry is found by its own title, with its id and kind */
  for (guint i = 0; i < expected->len; i++)
    {
      const char *id = g_ptr_array_index (expected, i);
      gboolean is_faq = g_str_has_prefix (id, "faq-");
      const char *title;
      gboolean found = FALSE;

      if (is_faq)
        {
          GmaFaqEntry *entry = gma_faq_lookup (gma_content_get_faq (content), id);

          title = gma_faq_entry_get_question (entry);
        }
      else
        title = gma_node_get_title (gma_flow_lookup (flow, id));

      hits = gma_search_index_query (index, title);
      for (guint k = 0; k < hits->len; k++)
        {
          GmaSearchHit *hit = g_ptr_array_index (hits, k);

          if (g_strcmp0 (gma_search_hit_get_id (hit), id) != 0)
            continue;
          found = TRUE;
          g_assert_cmpint (gma_search_hit_get_kind (hit), ==,
                           is_faq ? GMA_SEARCH_KIND_FAQ : GMA_SEARCH_KIND_PAGE);
          g_assert_cmpint (gma_search_hit_get_field (hit), ==, GMA_SEARCH_FIELD_TITLE);
          g_assert_true (strstr (gma_search_hit_get_title (hit), title) != NULL);
          if (!is_faq)
            {
              const char *reference = gma_node_get_reference (gma_flow_lookup (flow, id));

              if (reference != NULL)
                g_assert_true (g_str_has_prefix (gma_search_hit_get_title (hit), reference));
              /* the page text, tags stripped */
              g_assert_cmpstr (gma_search_hit_get_body (hit), !=, "");
              g_assert_null (strstr (gma_search_hit_get_body (hit), "</"));
              g_assert_null (strstr (gma_search_hit_get_body (hit), "<p"));
            }
          else
            g_assert_cmpstr (gma_search_hit_get_body (hit), ==,
                             gma_faq_entry_get_answer (gma_faq_lookup (gma_content_get_faq (content), id)));
        }
      if (!found)
        g_test_fail_printf ("%s not found by its own title", id);
      g_clear_pointer (&hits, g_ptr_array_unref);
    }
}

#define LOGIN_FAQ "faq-3-1|faq-3-3|faq-4-1"

static const RankCase content_cases[] = {
  /* widths and kana */
  { "ﾛｸﾞｲﾝ", LOGIN_FAQ },
  { "ろぐいん", LOGIN_FAQ },
  { "ﾛｸﾞｲﾝＩＤ", "faq-3-3|faq-4-1" },
  { "ＩＤ", "faq-3-3|faq-4-1" },
  { "ＵＲＬ", "remedy-3|set-password" },
  { "ﾊﾟｽﾜｰﾄﾞ", "faq-3-4|set-password" },
  { "ぱすわーど", "faq-3-4|set-password" },
  { "パスワ－ド", "faq-3-4|set-password" },
  { "ｷｬｯｼｭｸﾘｱ", "remedy-3|faq-3-2" },
  { "ﾒｰﾙﾎﾞｯｸｽ", "remedy-1" },
  { "ＯＵＴＬＯＯＫ", "remedy-2" },
  { "ｽﾏﾎ", "faq-1-2" },
  /* spaces */
  { "パスワード リセット", "faq-3-4" },
  { "パスワード　リセット", "faq-3-4" },
  { "ログ イン", LOGIN_FAQ },
  { "アクセス　できない", "remedy-3" },
  /* readings and aliases */
  { "ていきほうこく", "faq-4-2" },
  { "あきようりょう", "remedy-1" },
  { "めいわくめーる", "remedy-2" },
  { "きかんこーど", "faq-2-1|remedy-4" },
  { "ぜんかく", "faq-1-4" },
  { "ゆうびんばんごう", "faq-2-2" },
  { "PW", "faq-3-4|remedy-1|remedy-2|set-password|existing-account|" LOGIN_FAQ },
  { "スマホ", "faq-1-2" },
  { "スパム", "remedy-2" },
  { "きゃっしゅくりあ", "remedy-3|faq-3-2" },
  /* words and phrases of the guide */
  { "このサイトにアクセスできません", "faq-3-2", "remedy-3" },
  { "定期報告", "faq-4-2" },
  { "機関コード", "faq-2-1" },
  { "迷惑メール", "remedy-2" },
  { "空き容量", "remedy-1" },
  { "送信エラー", "remedy-4" },
  { "初期パスワード", "set-password" },
  { "既存アカウント", "remedy-4|existing-account" },
  { "郵便番号", "faq-2-2" },
  /* typos */
  { "パスワートが分からない", "faq-3-4" },
  { "機関コードが分からない", "faq-2-1" },
  { "メンテナンフ", "remedy-3|faq-3-2" },
  { "ブラウザのキャシュ", "remedy-3|faq-3-2" },
  { "ろぐいいんID", "faq-3-3|faq-4-1" },
  { "めいわくめーるふぉるば", "remedy-2" },
  { "ゆうびんばんご", "faq-2-2" },
  /* several words */
  { "定期報告 ボタン", "faq-4-2" },
  { "gmis ろぐいん", "faq-4-2" },
  { "住所 ヒット", "faq-2-2" },
  { "申請 間に合わなかった", "faq-2-3" },
  { "メールアドレス 持っていない", "faq-1-3" },
  { "ﾛｸﾞｲﾝ ID 分からなくなり", "faq-4-1" },
  { "キャッシュ ブラウザ", "remedy-3|faq-3-2" },
  /* no hit */
  { "天気予報", NULL },
  { "xyzzy", NULL },
  { "インフルエンザ", NULL },
  { "ラーメン", NULL },
  { "さしすせそ", NULL },
  { "ログイン 天気", NULL },
  { "　、。", NULL },
};

static void
test_rank_content (void)
{
  g_autoptr(GmaContent) content = load_content ();
  g_autoptr(GmaSearchIndex) index = gma_search_index_new_for_content (content);

  g_assert_cmpuint (G_N_ELEMENTS (content_cases), >=, 40);
  check_cases (index, content_cases, G_N_ELEMENTS (content_cases));
}

int
main (int   argc,
      char *argv[])
{
  /* messages name Japanese queries: print them as UTF-8 */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/rank/hand", test_rank_hand);
  g_test_add_func ("/search/rank/fields", test_rank_fields);
  g_test_add_func ("/search/rank/stable", test_rank_stable);
  g_test_add_func ("/search/rank/all-words", test_all_words);
  g_test_add_func ("/search/content/keywords", test_content_keywords);
  g_test_add_func ("/search/content/index", test_content_index);
  g_test_add_func ("/search/content/rank", test_rank_content);

  return g_test_run ();
}
