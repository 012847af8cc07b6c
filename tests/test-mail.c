/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mail checker in the core: mail.json (loaded with its set, its
 * errors named by file and JSON path), reading (headers, pasted text),
 * the verdict's every field, the walk it replays, and its page. */
#define G_LOG_DOMAIN "gma-test-mail"
#include "config.h"

#include <string.h>

#include "gma-mail-check.h"
#include "gma-mail-private.h"
#include "gma-render.h"
#include "gma-render-mail.h"
#include "mail-guide.h"
#include "test-util.h"

static const char * const ja[] = { "ja", NULL };
static const char * const en[] = { "en", NULL };

static GmaContent *
embedded (const char * const *languages)
{
  g_autoptr(GError) error = NULL;
  GmaContent *content = gma_content_new_embedded_full (languages, &error);

  g_assert_no_error (error);
  return content;
}

static GmaMailResult *
check_text (GmaContent *content,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GmaMailResult *result = gma_mail_check_bytes (gma_content_get_mail_facts (content), bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* ------------------------------------------------------------------ */
/* mail.json                                                          */
/* ------------------------------------------------------------------ */

static void
test_facts_embedded (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  GmaMailFacts *facts = gma_content_get_mail_facts (content);
  const GmaMailKind *issue;
  const GmaMailKind *existing;
  const GmaMailKind *unknown;

  g_assert_nonnull (facts);
  g_assert_cmpstr (gma_mail_facts_get_sender (facts), ==, GUIDE_SENDER);
  g_assert_true (g_strv_contains (gma_mail_facts_get_hosts (facts), "www.med-login.mhlw.go.jp"));
  g_assert_true (g_strv_contains (gma_mail_facts_get_hosts (facts), "www.g-mis.mhlw.go.jp"));
  g_assert_cmpuint (gma_mail_facts_get_n_kinds (facts), ==, 3);

  /* The guide's subjects, exactly */
  issue = gma_mail_facts_lookup (facts, "issue-mail");
  existing = gma_mail_facts_lookup (facts, "existing-account");
  g_assert_cmpstr (gma_mail_kind_get_subject (issue), ==, GUIDE_ISSUE_SUBJECT);
  g_assert_cmpstr (gma_mail_kind_get_subject (existing), ==, GUIDE_EXISTING_SUBJECT);
  g_assert_cmpstr (gma_mail_kind_get_subject (gma_mail_facts_lookup (facts, "pre-notice")), ==,
                   GUIDE_PRE_NOTICE_SUBJECT);
  g_assert_cmpstr (gma_mail_kind_get_name (issue), ==, "アカウント発行通知メール");

  /* Each key sentence is in its mail, and in the other none */
  for (guint i = 0; gma_mail_kind_get_key_sentences (issue)[i] != NULL; i++)
    {
      test_assert_contains (GUIDE_ISSUE_BODY, gma_mail_kind_get_key_sentences (issue)[i]);
      test_assert_lacks (GUIDE_EXISTING_BODY, gma_mail_kind_get_key_sentences (issue)[i]);
    }
  for (guint i = 0; gma_mail_kind_get_key_sentences (existing)[i] != NULL; i++)
    {
      test_assert_contains (GUIDE_EXISTING_BODY, gma_mail_kind_get_key_sentences (existing)[i]);
      test_assert_lacks (GUIDE_ISSUE_BODY, gma_mail_kind_get_key_sentences (existing)[i]);
    }

  /* The answers: 届いている at issue-mail, アカウント発行通知メール at which-mail */
  g_assert_cmpuint (gma_mail_kind_get_n_answers (issue), ==, 2);
  g_assert_cmpstr (gma_mail_kind_get_answer_node (issue, 0), ==, "issue-mail");
  g_assert_cmpstr (gma_mail_kind_get_answer_node (issue, 1), ==, "which-mail");
  g_assert_cmpstr (gma_mail_kind_get_next (issue), ==, "url-access");
  g_assert_cmpstr (gma_mail_kind_get_next (existing), ==, "existing-account");
  unknown = gma_mail_facts_lookup (facts, GMA_MAIL_KIND_UNKNOWN);
  g_assert_cmpstr (gma_mail_kind_get_next (unknown), ==, "start");
  g_assert_cmpuint (gma_mail_kind_get_n_answers (unknown), ==, 0);
  g_assert_null (gma_mail_facts_lookup (facts, "nothing"));
}

static void
test_facts_english (void)
{
  g_autoptr(GmaContent) content = embedded (en);
  GmaMailFacts *facts = gma_content_get_mail_facts (content);

  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  g_assert_cmpstr (gma_mail_facts_get_text (facts, "title"), ==, "Checking the mail you received");
  /* Facts stay exact: the subject is the guide's in either language */
  g_assert_cmpstr (gma_mail_kind_get_subject (gma_mail_facts_lookup (facts, "issue-mail")), ==,
                   GUIDE_ISSUE_SUBJECT);
}

/* A copy of the valid fixture, its mail.json edited */
static char *
copy_valid (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  char *dir = g_dir_make_tmp ("gma-test-mail-XXXXXX", NULL);

  test_copy_tree (valid, dir);
  return dir;
}

static const struct {
  const char *name;
  const char *old;
  const char *new;
  const char *expected;
} broken_facts[] = {
  { "no-such-node", "{\n          \"node\": \"q1\",\n          \"next\": \"r1\"",
    "{\n          \"node\": \"q9\",\n          \"next\": \"r1\"",
    "mail.json: $.mails[0].answers[0].node: there is no node “q9” in flow.json" },
  { "no-such-answer", "{\n          \"node\": \"q1\",\n          \"next\": \"r1\"",
    "{\n          \"node\": \"q1\",\n          \"next\": \"r2\"",
    "mail.json: $.mails[0].answers[0].next: no answer of the node “q1” leads to “r2”" },
  { "not-a-walk", "\"node\": \"q2\",\n          \"next\": \"r2\"",
    "\"node\": \"q1\",\n          \"next\": \"r1\"",
    "mail.json: $.mails[1].answers[1].node: the answer before leads to “q2”, not to “q1”" },
  { "bad-sender", "\"info@example.org\"", "\"Info at example\"",
    "mail.json: $.sender: “Info at example” is not a mail address" },
  { "bad-host", "\"www.example.org\"", "\"https://www.example.org/\"",
    "mail.json: $.hosts[0]: “https://www.example.org/” is not a host name" },
  { "same-id", "\"id\": \"mail-b\"", "\"id\": \"mail-a\"",
    "mail.json: $.mails[1].id: the mail id “mail-a” is used twice" },
  { "unknown-id", "\"id\": \"mail-b\"", "\"id\": \"unknown\"",
    "mail.json: $.mails[1].id: “unknown” is not a valid mail id" },
  { "unknown-placeholder", "このメールの送信元は {address} です。案内のとおりです。",
    "このメールの送信元は {adress} です。",
    "mail.json: $.texts.sender-ok: “{adress}” is no placeholder of this text; it may hold address" },
  { "unused-text", "\"title\": {", "\"titel\": {",
    "mail.json: $.texts.titel: no page of the checker uses this text" },
  { "missing-text", "\"title\": {", "\"titel\": {",
    "mail.json: $.texts.title:" },
  { "empty-subject", "\"subject\": \"【テスト】メールAのお知らせ\"", "\"subject\": \" \"",
    "mail.json: $.mails[0].subject: the subject is empty" },
  { "not-json", "\"format\": 1,", "\"format\": 1,,",
    "mail.json:2:" },
};

static void
test_facts_broken (gconstpointer data)
{
  guint row = GPOINTER_TO_UINT (data);
  g_autofree char *dir = copy_valid ();
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;

  test_replace_in_file (dir, "mail.json", broken_facts[row].old, broken_facts[row].new);
  content = gma_content_new (root, ja, &error);
  g_assert_null (content);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  test_assert_contains (error->message, broken_facts[row].expected);
  test_remove_tree (dir);
}

/* The fixture's mail.json is valid; without it the set is too, with no
 * checker; a missing English text is a gap of English, named. */
static void
test_facts_optional (void)
{
  g_autofree char *dir = copy_valid ();
  g_autofree char *mail_json = g_build_filename (dir, "mail.json", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autofree char *missing = NULL;

  content = gma_content_new (root, ja, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gma_content_get_mail_facts (content));
  g_assert_cmpstr (gma_mail_kind_get_next (gma_mail_facts_lookup (gma_content_get_mail_facts (content),
                                                                  "mail-b")), ==, "r2");
  missing = gma_content_explain_missing_language (content, "en");
  test_assert_contains (missing, "mail.json: $.mails[1].name.en:");
  g_clear_object (&content);

  g_assert_cmpint (g_unlink (mail_json), ==, 0);
  content = gma_content_new (root, ja, &error);
  g_assert_no_error (error);
  g_assert_null (gma_content_get_mail_facts (content));
  test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Reading                                                            */
/* ------------------------------------------------------------------ */

static void
test_decode_header (void)
{
  static const struct {
    const char *raw;
    const char *decoded;
  } rows[] = {
    /* adjacent ISO-2022-JP words, the first with base64 padding */
    { "=?ISO-2022-JP?B?GyRCOHxAOE8rRi8+ShsoQkctTQ==?= =?ISO-2022-JP?B?SVMbJEI7dkwzNkkbKEI=?=",
      "厚生労働省G-MIS事務局" },
    { "=?UTF-8?Q?=E3=83=86=E3=82=B9=E3=83=88_1?=", "テスト 1" },
    { "Re: =?Shift_JIS?B?g2WDWINn?= x", "Re: テスト x" },
    { "plain subject", "plain subject" },
    /* raw Shift_JIS, as a broken mail program writes it */
    { "\x83\x65\x83\x58\x83\x67", "テスト" },
    { "=?utf-8?b?not closed", "=?utf-8?b?not closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *decoded = gma_mail_decode_header (rows[i].raw, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (decoded, ==, rows[i].decoded);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *decoded = gma_mail_decode_header ("=?x-none?B?AAAA?=", &error);

    g_assert_null (decoded);
    g_assert_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_CHARSET);
  }

  /* The mail's bytes in a message are shown without control characters */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *decoded = gma_mail_decode_header ("=?x\033[2Jy?B?AA==?=", &error);

    g_assert_null (decoded);
    g_assert_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_CHARSET);
    test_assert_contains (error->message, "“x?[2Jy”");
  }
}

static void
test_pasted_labels (void)
{
  g_autoptr(GmaMailMessage) message =
    gma_mail_parse_pasted ("\n差出人 ： 厚生労働省G-MIS事務局 <info@g-mis.net>\n"
                           "件名：  【件名】です \n宛先: a@b.example\n\n本文です。\n");

  g_assert_true (message->pasted);
  g_assert_cmpstr (message->subject, ==, "【件名】です");
  g_assert_cmpuint (message->from->len, ==, 1);
  g_assert_cmpstr (((GmaMailAddress *) message->from->pdata[0])->address, ==, GUIDE_SENDER);
  g_assert_cmpstr (((GmaMailAddress *) message->from->pdata[0])->name, ==, "厚生労働省G-MIS事務局");
  g_assert_cmpuint (message->parts->len, ==, 1);
  g_assert_cmpstr (((GmaMailText *) message->parts->pdata[0])->text, ==, "\n本文です。\n");
}

static void
test_subject_prefixes (void)
{
  static const struct {
    const char *subject;
    gboolean reply;
    const char *rest;
  } rows[] = {
    { "Re: Fwd: FW: 件名", TRUE, "件名" },
    { "RE[2]: 件名", TRUE, "件名" },
    { "転送： 返信: 件名", TRUE, "件名" },
    { "Ｒｅ：件名", TRUE, "件名" },
    { "Reply 件名", FALSE, "Reply 件名" },
    { "【件名】", FALSE, "【件名】" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *rest = NULL;

      g_assert_cmpint (gma_mail_subject_is_reply (rows[i].subject, &rest), ==, rows[i].reply);
      g_assert_cmpstr (rest, ==, rows[i].rest);
    }
}

static void
test_fold (void)
{
  g_autofree char *folded = gma_mail_fold ("ユーザ名（ログインID）：　ＡＢＣ\t～ 〜", FALSE);
  g_autofree char *spaced = gma_mail_fold ("  a\u3000 b \n", TRUE);

  g_assert_cmpstr (folded, ==, "ユーザ名(ログインid):abc~~");
  g_assert_cmpstr (spaced, ==, "a b");
}

/* ------------------------------------------------------------------ */
/* The verdict                                                        */
/* ------------------------------------------------------------------ */

#define HEADERS(from, subject) \
  "From: 厚生労働省G-MIS事務局 <" from ">\nSubject: " subject "\nMIME-Version: 1.0\n" \
  "Content-Type: text/html; charset=UTF-8\n\n"

static const GmaMailLink *
find_link (GmaMailResult *result,
           const char    *url)
{
  for (guint i = 0; i < gma_mail_result_get_n_links (result); i++)
    if (g_str_equal (gma_mail_result_get_link (result, i)->url, url))
      return gma_mail_result_get_link (result, i);
  g_error ("no link %s", url);
  return NULL;
}

static void
test_check_links (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GmaMailResult) result = check_text (content,
    HEADERS ("info@g-mis.net", "x")
    "<p><a href=\"https://www.med-login.mhlw.go.jp/s/login/\">https://www.med-login.mhlw.go.jp/s/login/</a></p>"
    "<p><a href=\"https://other.mhlw.go.jp/a\">https://other.mhlw.go.jp/a</a></p>"
    "<p><a href=\"https://evil.example/x\">https://www.med-login.mhlw.go.jp/</a></p>"
    "<p><a href=\"HTTPS://WWW.MHLW.GO.JP.example.com\">x</a></p>"
    "<p><a href=\"https://www.mhlw.go.jp%40evil.example@evil.example/\">y</a></p>"
    "<p><a href=\"http://www.mhlw.go.jp/\">http://www.mhlw.go.jp/</a></p>"
    "<p><a href=\"mailto:info@g-mis.net?subject=x\">info@g-mis.net</a></p>"
    "<p><a href=\"#top\">top</a> <a href=\"\">empty</a></p>"
    "<p>text https://www.g-mis.mhlw.go.jpにアクセス, and (https://www.mhlw.go.jp/a_(b)).</p>"
    "<p><a href=\"https://www.med-login.mhlw.go.jp/s/login/\">again</a></p>");
  g_autofree char *lines = NULL;
  const GmaMailLink *link;

  g_assert_cmpuint (gma_mail_result_get_n_links (result), ==, 9);

  link = find_link (result, "https://www.med-login.mhlw.go.jp/s/login/");
  g_assert_cmpuint (link->reasons, ==, 0);
  g_assert_true (link->guide_host);
  g_assert_cmpstr (link->host, ==, "www.med-login.mhlw.go.jp");

  /* Another host of the ministry's registrable domain: not the guide's,
   * but not a forger's */
  link = find_link (result, "https://other.mhlw.go.jp/a");
  g_assert_cmpuint (link->reasons, ==, 0);
  g_assert_false (link->guide_host);
  g_assert_cmpstr (link->domain, ==, "mhlw.go.jp");

  link = find_link (result, "https://evil.example/x");
  g_assert_cmpuint (link->reasons, ==, GMA_MAIL_REASON_TEXT_DIFFERS | GMA_MAIL_REASON_UNKNOWN_HOST);
  g_assert_cmpstr (link->shown, ==, "www.med-login.mhlw.go.jp");
  g_assert_cmpstr (link->host, ==, "evil.example");
  g_assert_cmpint (gma_mail_link_get_reason (link), ==, GMA_MAIL_REASON_TEXT_DIFFERS);

  link = find_link (result, "HTTPS://WWW.MHLW.GO.JP.example.com");
  g_assert_cmpuint (link->reasons, ==, GMA_MAIL_REASON_LOOKALIKE);
  g_assert_cmpstr (link->host, ==, "www.mhlw.go.jp.example.com");
  g_assert_cmpstr (link->domain, ==, "example.com");

  /* The host is after the last '@' */
  link = find_link (result, "https://www.mhlw.go.jp%40evil.example@evil.example/");
  g_assert_cmpuint (link->reasons, ==, GMA_MAIL_REASON_USERINFO | GMA_MAIL_REASON_UNKNOWN_HOST);
  g_assert_cmpstr (link->shown, ==, "www.mhlw.go.jp@evil.example");
  g_assert_cmpstr (link->host, ==, "evil.example");

  link = find_link (result, "http://www.mhlw.go.jp/");
  g_assert_cmpuint (link->reasons, ==, GMA_MAIL_REASON_HTTP);

  link = find_link (result, "mailto:info@g-mis.net?subject=x");
  g_assert_cmpuint (link->reasons, ==, 0);
  g_assert_cmpstr (link->address, ==, GUIDE_SENDER);

  /* URLs in the text end where Japanese words or punctuation begin */
  link = find_link (result, "https://www.g-mis.mhlw.go.jp");
  g_assert_cmpuint (link->reasons, ==, 0);
  link = find_link (result, "https://www.mhlw.go.jp/a_(b)");
  g_assert_cmpuint (link->reasons, ==, 0);
  /* The same link with another text is the same link */
  lines = gma_mail_result_to_lines (result);
  g_assert_cmpuint (test_count_occurrences (lines, "link: ok https://www.med-login.mhlw.go.jp/s/login/\n"),
                    ==, 1);

  g_assert_true (gma_mail_result_is_suspicious (result));
}

static void
test_check_forward (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GmaMailResult) result = check_text (content,
    "From: 事務長 <jimu@clinic.example>\nSubject: FW: 資料\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n\n"
    "ご確認ください。\n\n-----Original Message-----\nFrom: 厚生労働省G-MIS事務局 <info@g-mis.net>\n"
    "Sent: Monday, November 6, 2023 10:00 AM\nSubject: " GUIDE_EXISTING_SUBJECT "\n\n"
    "貴機関でご利用中のユーザ名（ログインID）： ab-12\n");
  const char *address = NULL;

  g_assert_cmpstr (gma_mail_kind_get_id (gma_mail_result_get_kind (result)), ==, "existing-account");
  g_assert_cmpint (gma_mail_result_get_found_by (result), ==, GMA_MAIL_FOUND_BY_SUBJECT);
  g_assert_cmpint (gma_mail_result_get_sender (result, &address), ==, GMA_MAIL_SENDER_OK);
  g_assert_cmpstr (address, ==, GUIDE_SENDER);
  g_assert_cmpstr (gma_mail_result_get_forwarded_by (result), ==, "jimu@clinic.example");
  g_assert_cmpstr (gma_mail_result_get_login_id (result), ==, "ab-12");
  g_assert_false (gma_mail_result_get_pasted (result));
  g_assert_false (gma_mail_result_is_suspicious (result));
}

/* The header lines of a quoted mail count only in a forward or reply:
 * a mail from elsewhere that quotes the sender is that elsewhere's. */
static void
test_check_fake_quote (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GmaMailResult) result = check_text (content,
    "From: support@evil.example\nSubject: " GUIDE_ISSUE_SUBJECT "\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n\n"
    "From: 厚生労働省G-MIS事務局 <info@g-mis.net>\nSubject: x\n\nG-MISへようこそ！\n");
  const char *address = NULL;

  g_assert_cmpint (gma_mail_result_get_sender (result, &address), ==, GMA_MAIL_SENDER_MISMATCH);
  g_assert_cmpstr (address, ==, "support@evil.example");
  g_assert_null (gma_mail_result_get_forwarded_by (result));
  g_assert_true (gma_mail_result_is_suspicious (result));
}

/* The login ID: after its label, or on the line after it; not a
 * sentence that only names it */
static void
test_check_login_id (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  static const struct {
    const char *text;
    const char *id;
  } rows[] = {
    { "ユーザ名（ログインID）：XXXXXX", "XXXXXX" },
    { "ユーザ名 (ログインID) : Abc-9。", "Abc-9" },
    { "ユーザ名（ログインID）：\n\n  id@example.org  次の行", "id@example.org" },
    { "以下のユーザ名（ログインID）でログインいただく前に", NULL },
    { "> ユーザ名（ログインID）：quoted", "quoted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GmaMailResult) result = check_text (content, rows[i].text);

      g_assert_cmpstr (gma_mail_result_get_login_id (result), ==, rows[i].id);
    }
}

static void
test_check_apply (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GmaSession) session = gma_session_new (gma_content_get_flow (content));
  g_autoptr(GmaMailResult) issue = check_text (content, "件名：" GUIDE_ISSUE_SUBJECT "\n本文");
  g_autoptr(GmaMailResult) existing = check_text (content, "件名：" GUIDE_EXISTING_SUBJECT "\n本文");
  g_autoptr(GmaMailResult) pre_notice = check_text (content, "件名：" GUIDE_PRE_NOTICE_SUBJECT "\n本文");
  g_autoptr(GmaMailResult) other = check_text (content, "件名：お知らせ\n本文");
  const GmaNode *which;

  g_assert_true (gma_mail_result_apply (issue, session));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "url-access");
  /* start, pre-notice 届いている, issue-mail 届いている, which-mail アカウント発行通知メール */
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 4);
  which = gma_session_get_step_node (session, 3);
  g_assert_cmpstr (gma_node_get_id (which), ==, "which-mail");
  g_assert_cmpstr (gma_node_get_answer_label (which, gma_session_get_step_answer (session, 3)), ==,
                   "アカウント発行通知メール");
  g_assert_cmpstr (gma_node_get_answer_label (gma_session_get_step_node (session, 2),
                                              gma_session_get_step_answer (session, 2)), ==,
                   "届いている");

  g_assert_true (gma_mail_result_apply (existing, session));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "existing-account");
  g_assert_true (gma_mail_result_apply (pre_notice, session));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "issue-mail");
  g_assert_true (gma_mail_result_apply (other, session));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");
  g_assert_cmpstr (gma_mail_result_get_next (other), ==, "start");

  /* On another flow, without those nodes: back at the start, FALSE */
  {
    g_autofree char *dir = copy_valid ();
    g_autoptr(GFile) root = g_file_new_for_path (dir);
    g_autoptr(GError) error = NULL;
    g_autoptr(GmaContent) fixture = gma_content_new (root, ja, &error);
    g_autoptr(GmaSession) other_session = NULL;

    g_assert_no_error (error);
    other_session = gma_session_new (gma_content_get_flow (fixture));
    g_assert_true (gma_session_answer (other_session, 0));
    g_assert_false (gma_mail_result_apply (issue, other_session));
    g_assert_cmpuint (gma_session_get_n_steps (other_session), ==, 0);
    test_remove_tree (dir);
  }
}

static void
test_lines_escape (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GmaMailResult) result = check_text (content,
    "From: a@evil.example\nSubject: y\nMIME-Version: 1.0\n"
    "Content-Type: text/html; charset=UTF-8\n\n<a href=\"https://a.example/x y\">z</a>\n");
  g_autofree char *lines = gma_mail_result_to_lines (result);

  g_test_message ("%s", lines);
  test_assert_contains (lines, "link: suspicious https://a.example/x%20y unknown-host\n");
  g_assert_cmpuint (test_count_occurrences (lines, "\n"), ==, 4);
}

/* ------------------------------------------------------------------ */
/* The page                                                           */
/* ------------------------------------------------------------------ */

static void
test_page (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GmaMailResult) result = check_text (content,
    HEADERS ("info@g-mis.net", "Fwd: " GUIDE_ISSUE_SUBJECT)
    "<p>ユーザ名（ログインID）：<b>id&amp;1</b></p>"
    "<p><a href=\"https://www.med-login.mhlw.go.jp/s/login/\">https://www.med-login.mhlw.go.jp/s/login/</a></p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;

  g_assert_cmpstr (gma_mail_kind_get_id (gma_mail_result_get_kind (result)), ==, "issue-mail");
  page = gma_render_mail_page (content, result, &error);
  g_assert_no_error (error);

  test_assert_contains (page, "<html lang=\"ja\">");
  test_assert_contains (page, "<h1 class=\"page-title\">届いたメールの確認</h1>");
  test_assert_contains (page, "このメールは<strong>アカウント発行通知メール</strong>です（件名で判断しました）。");
  test_assert_contains (page, "<dd>Fwd: " GUIDE_ISSUE_SUBJECT "</dd>");
  test_assert_contains (page, "このメールの送信元は <strong>info@g-mis.net</strong> です。");
  test_assert_contains (page, "送信元メールアドレスは、（<strong>info@g-mis.net</strong>）となります。");
  test_assert_contains (page, "<span class=\"verdict verdict-ok\">案内どおり</span>");
  /* The mail's links are text, never links of the page */
  test_assert_contains (page, "<span class=\"mail-url\">https://www.med-login.mhlw.go.jp/s/login/</span>");
  test_assert_lacks (page, "href=\"https://");
  /* The login ID, escaped, with its copy link */
  test_assert_contains (page, "<p class=\"url mail-login-id\">id&amp;1 <a class=\"copy-link\" "
                              "href=\"gma://action/copy?text=id%261\"");
  /* The next step, and what becomes of the mail */
  test_assert_contains (page, "<a class=\"next-step\" href=\"gma://action/mail-next?to=url-access\">"
                              "次へ：メールに記載のURLにアクセスできましたか？</a>");
  test_assert_contains (page, "「最初からやり直す」で消えます。");
  /* Nothing to warn of */
  test_assert_lacks (page, "mail-warning");
  test_assert_lacks (page, GMA_CONTACT_MARKER);
}

static void
test_page_suspicious (void)
{
  g_autoptr(GmaContent) content = embedded (en);
  g_autoptr(GmaMailResult) result = check_text (content,
    HEADERS ("info@g-mis.net.evil.example", "<b>hi</b>")
    "<p><a href=\"https://www.mhlw.go.jp@evil.example/&lt;x&gt;\">https://www.mhlw.go.jp/</a></p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *page = gma_render_mail_page (content, result, &error);
  g_autofree char *filled = NULL;

  g_assert_no_error (error);
  test_assert_contains (page, "<html lang=\"en\">");
  test_assert_contains (page, "This mail is none of the mails the guide describes.");
  test_assert_contains (page, "<dd>&lt;b&gt;hi&lt;/b&gt;</dd>");
  test_assert_contains (page, "<p class=\"note mail-warning\"><strong>This mail differs from the guide.");
  test_assert_contains (page, GMA_CONTACT_MARKER);
  test_assert_contains (page, "This mail was sent from <strong>info@g-mis.net.evil.example</strong>, "
                              "not from the guide’s sender (<strong>info@g-mis.net</strong>).");
  test_assert_contains (page, "<span class=\"mail-url\">https://www.mhlw.go.jp@evil.example/&lt;x&gt;</span>");
  test_assert_contains (page, "It has “<strong>www.mhlw.go.jp</strong>” before an “@”, but it leads "
                              "to <strong>evil.example</strong>, after the “@”.");
  /* The guide's mails, listed for comparison */
  test_assert_contains (page, GUIDE_EXISTING_SUBJECT);
  test_assert_contains (page, "href=\"gma://action/mail-next?to=start\">Next: ");
  test_assert_lacks (page, "<b>");

  /* The counter's card goes where the marker is, as on the content's pages */
  filled = gma_render_fill_contact (page, NULL, "en");
  test_assert_lacks (filled, GMA_CONTACT_MARKER);
}

static void
test_page_error (void)
{
  g_autoptr(GmaContent) content = embedded (ja);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = gma_render_mail_error (content, "壊れています <x>", &error);

  g_assert_no_error (error);
  test_assert_contains (page, "このメールは読み取れませんでした。");
  test_assert_contains (page, "壊れています &lt;x&gt;");
  test_assert_contains (page, "「最初からやり直す」で消えます。");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail/facts/embedded", test_facts_embedded);
  g_test_add_func ("/mail/facts/english", test_facts_english);
  g_test_add_func ("/mail/facts/optional", test_facts_optional);
  for (guint i = 0; i < G_N_ELEMENTS (broken_facts); i++)
    {
      g_autofree char *path = g_strconcat ("/mail/facts/broken/", broken_facts[i].name, NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_facts_broken);
    }
  g_test_add_func ("/mail/read/decode-header", test_decode_header);
  g_test_add_func ("/mail/read/pasted-labels", test_pasted_labels);
  g_test_add_func ("/mail/read/subject-prefixes", test_subject_prefixes);
  g_test_add_func ("/mail/read/fold", test_fold);
  g_test_add_func ("/mail/check/links", test_check_links);
  g_test_add_func ("/mail/check/forward", test_check_forward);
  g_test_add_func ("/mail/check/fake-quote", test_check_fake_quote);
  g_test_add_func ("/mail/check/login-id", test_check_login_id);
  g_test_add_func ("/mail/check/apply", test_check_apply);
  g_test_add_func ("/mail/check/lines-escape", test_lines_escape);
  g_test_add_func ("/mail/page", test_page);
  g_test_add_func ("/mail/page/suspicious", test_page_suspicious);
  g_test_add_func ("/mail/page/error", test_page_error);

  return g_test_run ();
}
