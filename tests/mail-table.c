/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mail-table.c: the test mails (see mail-table.h) */
#include "config.h"

#include <string.h>

#include "gma-html.h"
#include "mail-guide.h"
#include "mail-table.h"

#define FROM_NAME "厚生労働省G-MIS事務局"
#define CLINIC "tanto@clinic.example"

#define L_LOGIN "https://www.med-login.mhlw.go.jp/login?c=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
#define L_SECOND "https://www.med-login.mhlw.go.jp/s/login/"
#define L_IRYO "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html"
#define L_YAKKYOKU "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html"

#define ISSUE_LINKS \
  "link: ok " L_LOGIN "\nlink: ok " L_SECOND "\nlink: ok " L_IRYO "\nlink: ok " L_YAKKYOKU "\n"
#define EXISTING_LINKS "link: ok " L_IRYO "\n"

#define ISSUE_OK \
  "mail: issue-mail\nsender: ok\n" ISSUE_LINKS "login-id: XXXXXX\nnext: url-access\n"
#define EXISTING_OK \
  "mail: existing-account\nsender: ok\n" EXISTING_LINKS "login-id: XXXXXX\nnext: existing-account\n"

static void
test_mail_free (gpointer data)
{
  TestMail *mail = data;

  g_free (mail->name);
  g_bytes_unref (mail->data);
  g_free (mail->expected);
  g_free (mail);
}

static void
add (GPtrArray    *table,
     TestMailKind  kind,
     const char   *name,
     GBytes       *data,
     int           status,
     const char   *expected)
{
  TestMail *mail = g_new0 (TestMail, 1);

  mail->name = g_strdup (name);
  mail->kind = kind;
  mail->data = data;
  mail->status = status;
  mail->expected = g_strdup (expected);
  /* Every fifth mail through standard input */
  mail->from_stdin = table->len % 5 == 4;
  g_ptr_array_add (table, mail);
}

static void
add_string (GPtrArray    *table,
            TestMailKind  kind,
            const char   *name,
            GString      *mail,
            int           status,
            const char   *expected)
{
  gsize len = mail->len;

  add (table, kind, name, g_bytes_new_take (g_string_free (mail, FALSE), len), status, expected);
}

/* ------------------------------------------------------------------ */
/* Encodings                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *label;  /* as the mail names it */
  const char *iconv;  /* what writes it: the supersets mail programs use */
} Charset;

static const Charset charsets[] = {
  { "ISO-2022-JP", "ISO-2022-JP" },
  { "Shift_JIS", "CP932" },
  { "EUC-JP", "EUC-JP-MS" },
  { "UTF-8", "UTF-8" },
};

/* @text in @charset. ISO-2022-JP has no full-width tilde: its writers
 * put the wave dash (the same JIS code) in its place. */
static GBytes *
encode (const char    *text,
        const Charset *charset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  char *converted;
  gsize len = 0;

  if (g_str_equal (charset->iconv, "ISO-2022-JP"))
    {
      g_auto(GStrv) parts = g_strsplit (text, "～", -1);

      source = g_strjoinv ("〜", parts);
    }
  else
    source = g_strdup (text);

  converted = g_convert (source, -1, charset->iconv, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (converted, len);
}

static void
append_base64 (GString    *out,
               GBytes     *data,
               const char *eol)
{
  gsize len;
  const guchar *p = g_bytes_get_data (data, &len);
  g_autofree char *encoded = g_base64_encode (p, len);
  gsize n = strlen (encoded);

  for (gsize i = 0; i < n; i += 76)
    {
      g_string_append_len (out, encoded + i, MIN (76, n - i));
      g_string_append (out, eol);
    }
}

static void
append_quoted_printable (GString    *out,
                         GBytes     *data,
                         const char *eol)
{
  gsize len;
  const guchar *p = g_bytes_get_data (data, &len);
  guint column = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = p[i];
      char piece[4];

      if (c == '\n')
        {
          g_string_append (out, eol);
          column = 0;
          continue;
        }
      if (c == '\r')
        continue;
      if ((c >= 33 && c <= 126 && c != '=') ||
          (c == ' ' && i + 1 < len && p[i + 1] != '\n' && p[i + 1] != '\r'))
        g_snprintf (piece, sizeof piece, "%c", c);
      else
        g_snprintf (piece, sizeof piece, "=%02X", c);

      if (column + strlen (piece) > 75)
        {
          g_string_append (out, "=");
          g_string_append (out, eol);
          column = 0;
        }
      g_string_append (out, piece);
      column += strlen (piece);
    }
  g_string_append (out, eol);
}

/* @text as RFC 2047 encoded words in @charset, eight characters a word
 * (each word a whole in ISO-2022-JP), folded */
static void
append_encoded_words (GString       *out,
                      const char    *text,
                      const Charset *charset,
                      const char    *eol)
{
  const char *p = text;
  gboolean first = TRUE;

  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *chunk = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *encoded = NULL;
      gsize len;
      const guchar *data;

      for (guint i = 0; i < 8 && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      chunk = g_strndup (p, end - p);
      bytes = encode (chunk, charset);
      data = g_bytes_get_data (bytes, &len);
      encoded = g_base64_encode (data, len);
      if (!first)
        {
          g_string_append (out, eol);
          g_string_append_c (out, ' ');
        }
      g_string_append_printf (out, "=?%s?B?%s?=", charset->label, encoded);
      first = FALSE;
      p = end;
    }
}

/* ------------------------------------------------------------------ */
/* Mails                                                              */
/* ------------------------------------------------------------------ */

/* The plain text version of a mail's HTML, as a mail program writes it */
static char *
plain_of (const char *html)
{
  return gma_html_to_text (html, -1, NULL);
}

static char *
html_document (const char *body,
               const char *charset)
{
  return g_strdup_printf ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                          "charset=%s\"></head>\n<body>\n%s\n</body></html>\n", charset, body);
}

static void
append_part (GString       *out,
             const char    *type,
             const char    *text,
             const Charset *charset,
             gboolean       base64,
             const char    *eol)
{
  g_autoptr(GBytes) bytes = encode (text, charset);

  g_string_append_printf (out, "Content-Type: %s; charset=\"%s\"%s", type, charset->label, eol);
  g_string_append_printf (out, "Content-Transfer-Encoding: %s%s%s",
                          base64 ? "base64" : "quoted-printable", eol, eol);
  if (base64)
    append_base64 (out, bytes, eol);
  else
    append_quoted_printable (out, bytes, eol);
}

/* A genuine mail of the guide: @subject and @html_body in @charset,
 * base64 or quoted-printable; a text and an HTML version
 * (multipart/alternative) or the HTML alone. */
static GString *
genuine_mail (const char    *subject,
              const char    *html_body,
              const Charset *charset,
              gboolean       base64,
              gboolean       alternative,
              const char    *eol)
{
  GString *out = g_string_new (NULL);
  g_autofree char *html = html_document (html_body, charset->label);

  g_string_append_printf (out, "Return-Path: <%s>%s", GUIDE_SENDER, eol);
  g_string_append_printf (out, "Date: Mon, 6 Nov 2023 10:00:00 +0900%s", eol);
  g_string_append (out, "From: ");
  append_encoded_words (out, FROM_NAME, charset, eol);
  g_string_append_printf (out, " <%s>%s", GUIDE_SENDER, eol);
  g_string_append_printf (out, "To: %s%s", CLINIC, eol);
  g_string_append (out, "Subject: ");
  append_encoded_words (out, subject, charset, eol);
  g_string_append (out, eol);
  g_string_append_printf (out, "Message-ID: <20231106100000.1@g-mis.net>%sMIME-Version: 1.0%s",
                          eol, eol);

  if (alternative)
    {
      g_autofree char *plain = plain_of (html_body);

      g_string_append_printf (out, "Content-Type: multipart/alternative;%s boundary=\"=_gmis_b1\"%s%s",
                              eol, eol, eol);
      g_string_append_printf (out, "This is a multi-part message in MIME format.%s%s--=_gmis_b1%s",
                              eol, eol, eol);
      append_part (out, "text/plain", plain, charset, base64, eol);
      g_string_append_printf (out, "%s--=_gmis_b1%s", eol, eol);
      append_part (out, "text/html", html, charset, base64, eol);
      g_string_append_printf (out, "%s--=_gmis_b1--%s", eol, eol);
    }
  else
    append_part (out, "text/html", html, charset, base64, eol);

  return out;
}

/* A simple mail in UTF-8: the headers given (each ending in "\n") and
 * one HTML part */
static GString *
utf8_html_mail (const char *headers,
                const char *html_body)
{
  GString *out = g_string_new (headers);

  g_string_append (out, "MIME-Version: 1.0\nContent-Type: text/html; charset=UTF-8\n"
                        "Content-Transfer-Encoding: 8bit\n\n");
  g_string_append (out, html_body);
  g_string_append_c (out, '\n');
  return out;
}

static char *
genuine_headers (const char *from,
                 const char *subject)
{
  return g_strdup_printf ("From: %s <%s>\nTo: " CLINIC "\nSubject: %s\n"
                          "Date: Mon, 6 Nov 2023 10:00:00 +0900\n", FROM_NAME, from, subject);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static void
add_genuine (GPtrArray *table)
{
  for (guint m = 0; m < 2; m++)
    for (guint c = 0; c < G_N_ELEMENTS (charsets); c++)
      for (guint b = 0; b < 2; b++)
        {
          const char *id = m == 0 ? "issue-mail" : "existing-account";
          g_autofree char *name = g_strdup_printf ("genuine/%s/%s/%s", id, charsets[c].label,
                                                   b == 0 ? "base64" : "quoted-printable");
          g_autofree char *lower = g_ascii_strdown (name, -1);
          GString *mail = genuine_mail (m == 0 ? GUIDE_ISSUE_SUBJECT : GUIDE_EXISTING_SUBJECT,
                                        m == 0 ? GUIDE_ISSUE_BODY : GUIDE_EXISTING_BODY,
                                        &charsets[c], b == 0, (c + b) % 2 == 0,
                                        c % 2 == 0 ? "\r\n" : "\n");

          add_string (table, TEST_MAIL_GENUINE, lower, mail, 0, m == 0 ? ISSUE_OK : EXISTING_OK);
        }

  /* The pre-notice mail of 10月23日: the guide gives its subject */
  {
    g_autofree char *headers = genuine_headers (GUIDE_SENDER, GUIDE_PRE_NOTICE_SUBJECT);

    add_string (table, TEST_MAIL_GENUINE, "genuine/pre-notice",
                utf8_html_mail (headers, "<p>〇〇病院 ご担当者様</p><p>G-MISのアカウントを発行します。</p>"),
                0, "mail: pre-notice\nsender: ok\nnext: issue-mail\n");
  }
}

static void
add_pasted (GPtrArray *table)
{
  g_autofree char *issue = plain_of (GUIDE_ISSUE_BODY);
  g_autofree char *existing = plain_of (GUIDE_EXISTING_BODY);
  GString *text;

  /* Thunderbird: the header lines it shows, then the text */
  text = g_string_new (NULL);
  g_string_append_printf (text, "件名: %s\n差出人: %s <%s>\n日付: 2023/11/06 10:00\n宛先: %s\n\n%s\n",
                          GUIDE_ISSUE_SUBJECT, FROM_NAME, GUIDE_SENDER, CLINIC, issue);
  add_string (table, TEST_MAIL_PASTED, "pasted/issue-mail/subject-and-sender", text, 0, ISSUE_OK);

  /* Outlook: 「差出人」「送信日時」「宛先」「件名」 with full-width colons */
  text = g_string_new (NULL);
  g_string_append_printf (text, "差出人：%s <%s>\n送信日時：2023年11月6日 10:00\n宛先：%s\n件名：%s\n\n%s",
                          FROM_NAME, GUIDE_SENDER, CLINIC, GUIDE_EXISTING_SUBJECT, existing);
  add_string (table, TEST_MAIL_PASTED, "pasted/existing-account/outlook", text, 0, EXISTING_OK);

  /* The subject line only: no sender's address to check */
  text = g_string_new (NULL);
  g_string_append_printf (text, "件名：%s\n%s", GUIDE_ISSUE_SUBJECT, issue);
  add_string (table, TEST_MAIL_PASTED, "pasted/issue-mail/subject-only", text, 0,
              "mail: issue-mail\nsender: missing\n" ISSUE_LINKS "login-id: XXXXXX\nnext: url-access\n");

  /* The subject itself on the first line, without its label */
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n\n%s", GUIDE_EXISTING_SUBJECT, existing);
  add_string (table, TEST_MAIL_PASTED, "pasted/existing-account/subject-first-line", text, 0,
              "mail: existing-account\nsender: missing\n" EXISTING_LINKS
              "login-id: XXXXXX\nnext: existing-account\n");

  /* The body alone: told by its key sentences */
  add_string (table, TEST_MAIL_PASTED, "pasted/issue-mail/body-only", g_string_new (issue), 0,
              "mail: issue-mail\nsender: missing\n" ISSUE_LINKS "login-id: XXXXXX\nnext: url-access\n");
  add_string (table, TEST_MAIL_PASTED, "pasted/existing-account/body-only", g_string_new (existing), 0,
              "mail: existing-account\nsender: missing\n" EXISTING_LINKS
              "login-id: XXXXXX\nnext: existing-account\n");

  /* A real login ID, and a body copied with Windows line breaks */
  {
    g_autofree char *with_id = replace_once (issue, "XXXXXX", "gmis-1234567");
    g_auto(GStrv) lines = g_strsplit (with_id, "\n", -1);
    g_autofree char *crlf = g_strjoinv ("\r\n", lines);

    add_string (table, TEST_MAIL_PASTED, "pasted/issue-mail/body-crlf-login-id",
                g_string_new (crlf), 0,
                "mail: issue-mail\nsender: missing\n" ISSUE_LINKS
                "login-id: gmis-1234567\nnext: url-access\n");
  }

  /* Text of neither mail */
  add_string (table, TEST_MAIL_PASTED, "pasted/other-text",
              g_string_new ("いつもお世話になっております。\n会議の資料をお送りします。\n"), 0,
              "mail: unknown\nsender: missing\nnext: start\n");
}

static void
add_forwarded (GPtrArray *table)
{
  g_autofree char *issue = plain_of (GUIDE_ISSUE_BODY);
  g_autofree char *existing = plain_of (GUIDE_EXISTING_BODY);
  g_autofree char *quoted = NULL;
  GString *mail;

  /* Thunderbird, forwarded inline */
  mail = g_string_new (NULL);
  g_string_append_printf (mail,
                          "From: 事務長 <jimu@clinic.example>\nTo: %s\nSubject: Fwd: %s\n"
                          "Date: Mon, 6 Nov 2023 11:00:00 +0900\nMIME-Version: 1.0\n"
                          "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
                          "Content-Transfer-Encoding: 8bit\n\n"
                          "確認をお願いします。\n\n-------- Forwarded Message --------\n"
                          "Subject: \t%s\nDate: \tMon, 6 Nov 2023 10:00:00 +0900\nFrom: \t%s <%s>\n"
                          "To: \tjimu@clinic.example\n\n%s\n",
                          CLINIC, GUIDE_ISSUE_SUBJECT, GUIDE_ISSUE_SUBJECT, FROM_NAME, GUIDE_SENDER,
                          issue);
  add_string (table, TEST_MAIL_FORWARDED, "forwarded/issue-mail/inline", mail, 0, ISSUE_OK);

  /* Forwarded as an attachment (message/rfc822), the original in ISO-2022-JP */
  {
    GString *original = genuine_mail (GUIDE_EXISTING_SUBJECT, GUIDE_EXISTING_BODY, &charsets[0],
                                      TRUE, TRUE, "\n");

    mail = g_string_new (NULL);
    g_string_append_printf (mail,
                            "From: jimu@clinic.example\nTo: %s\nSubject: =?UTF-8?B?%s?=\n"
                            "Date: Mon, 6 Nov 2023 11:00:00 +0900\nMIME-Version: 1.0\n"
                            "Content-Type: multipart/mixed; boundary=\"fw\"\n\n--fw\n"
                            "Content-Type: text/plain; charset=UTF-8\n\n転送します。\n\n--fw\n"
                            "Content-Type: message/rfc822\n"
                            "Content-Disposition: attachment; filename=\"mail.eml\"\n\n%s\n--fw--\n",
                            CLINIC, "6KaL44Gm44GP44Gg44GV44GE", original->str);
    g_string_free (original, TRUE);
    add_string (table, TEST_MAIL_FORWARDED, "forwarded/existing-account/attached", mail, 0,
                EXISTING_OK);
  }

  /* Outlook, forwarded with 「FW: 」 and its 「差出人」 block */
  mail = g_string_new (NULL);
  g_string_append_printf (mail,
                          "From: jimu@clinic.example\nTo: %s\nSubject: FW: %s\n"
                          "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
                          "よろしくお願いします。\n\n________________________________\n"
                          "差出人: %s <%s>\n送信日時: 2023年11月6日 10:00\n宛先: jimu@clinic.example\n"
                          "件名: %s\n\n%s\n",
                          CLINIC, GUIDE_EXISTING_SUBJECT, FROM_NAME, GUIDE_SENDER,
                          GUIDE_EXISTING_SUBJECT, existing);
  add_string (table, TEST_MAIL_FORWARDED, "forwarded/existing-account/outlook", mail, 0,
              EXISTING_OK);

  /* A reply, the original quoted under its attribution line */
  {
    g_auto(GStrv) lines = g_strsplit (existing, "\n", -1);
    g_autofree char *joined = g_strjoinv ("\n> ", lines);

    quoted = g_strconcat ("> ", joined, NULL);
  }
  mail = g_string_new (NULL);
  g_string_append_printf (mail,
                          "From: %s\nTo: %s\nSubject: Re: %s\nMIME-Version: 1.0\n"
                          "Content-Type: text/plain; charset=UTF-8\n\n"
                          "承知しました。\n\n2023年11月6日(月) 10:00 %s <%s>:\n%s\n",
                          CLINIC, GUIDE_SENDER, GUIDE_EXISTING_SUBJECT, FROM_NAME, GUIDE_SENDER,
                          quoted);
  add_string (table, TEST_MAIL_FORWARDED, "replied/existing-account", mail, 0, EXISTING_OK);

  /* Forwarded under a subject of the forwarder's: told by the original's */
  mail = g_string_new (NULL);
  g_string_append_printf (mail,
                          "From: jimu@clinic.example\nSubject: Fwd: 見てください\n"
                          "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
                          "---------- Forwarded message ---------\nFrom: %s <%s>\n"
                          "Date: 2023年11月6日(月) 10:00\nSubject: %s\nTo: <jimu@clinic.example>\n\n%s\n",
                          FROM_NAME, GUIDE_SENDER, GUIDE_ISSUE_SUBJECT, issue);
  add_string (table, TEST_MAIL_FORWARDED, "forwarded/issue-mail/own-subject", mail, 0, ISSUE_OK);
}

/* The issue mail with its first link (the password URL) as @href and
 * @text, from @from */
static GString *
issue_with_link (const char *from,
                 const char *href,
                 const char *text)
{
  g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", href, text);
  g_autofree char *body = replace_once (GUIDE_ISSUE_BODY,
                                        "<a href=\"" L_LOGIN "\">" L_LOGIN "</a>", link);
  g_autofree char *headers = genuine_headers (from, GUIDE_ISSUE_SUBJECT);

  return utf8_html_mail (headers, body);
}

static void
add_lookalike_link (GPtrArray  *table,
                    const char *name,
                    const char *href,
                    const char *text,
                    const char *reason)
{
  g_autofree char *expected = NULL;
  g_autofree char *printed = g_strdup (href);

  expected = g_strdup_printf ("mail: issue-mail\nsender: ok\nlink: suspicious %s %s\n"
                              "link: ok " L_SECOND "\nlink: ok " L_IRYO "\nlink: ok " L_YAKKYOKU
                              "\nlogin-id: XXXXXX\nnext: url-access\n", printed, reason);
  add_string (table, TEST_MAIL_LOOKALIKE, name, issue_with_link (GUIDE_SENDER, href, text), 0,
              expected);
}

static void
add_lookalikes (GPtrArray *table)
{
  g_autofree char *punycode = g_hostname_to_ascii ("www.med-login.mhlw.gо.jp");
  g_autofree char *punycode_url = g_strdup_printf ("https://%s/login?c=xxxxxxxx", punycode);

  /* The sender */
  add_string (table, TEST_MAIL_LOOKALIKE, "lookalike/sender-domain-suffix",
              issue_with_link ("info@g-mis.net.evil.example", L_LOGIN, L_LOGIN), 0,
              "mail: issue-mail\nsender: mismatch info@g-mis.net.evil.example\n" ISSUE_LINKS
              "login-id: XXXXXX\nnext: url-access\n");
  add_string (table, TEST_MAIL_LOOKALIKE, "lookalike/sender-rn-for-m",
              issue_with_link ("info@g-rnis.net", L_LOGIN, L_LOGIN), 0,
              "mail: issue-mail\nsender: mismatch info@g-rnis.net\n" ISSUE_LINKS
              "login-id: XXXXXX\nnext: url-access\n");

  /* The links */
  add_lookalike_link (table, "lookalike/text-shows-genuine", "https://evil.example/login?c=1",
                      L_LOGIN, "text-shows-other-address");
  add_lookalike_link (table, "lookalike/host-starts-with-genuine",
                      "https://www.med-login.mhlw.go.jp.example.com/login?c=1",
                      "https://www.med-login.mhlw.go.jp.example.com/login?c=1", "lookalike-host");
  add_lookalike_link (table, "lookalike/userinfo", "https://www.med-login.mhlw.go.jp@evil.example/login",
                      "https://www.med-login.mhlw.go.jp@evil.example/login", "userinfo");
  add_lookalike_link (table, "lookalike/idn-cyrillic-o", "https://www.med-login.mhlw.gо.jp/login",
                      "https://www.med-login.mhlw.gо.jp/login", "idn-host");
  add_lookalike_link (table, "lookalike/punycode", punycode_url, punycode_url, "idn-host");
  add_lookalike_link (table, "lookalike/http", "http://www.med-login.mhlw.go.jp/login?c=1",
                      "http://www.med-login.mhlw.go.jp/login?c=1", "http");
  add_lookalike_link (table, "lookalike/capital-i-for-l", "https://www.med-login.mhIw.go.jp/login",
                      "https://www.med-login.mhIw.go.jp/login", "lookalike-host");
  add_lookalike_link (table, "lookalike/hyphenated", "https://mhlw-go-jp.example/login",
                      "こちら", "lookalike-host");
  add_lookalike_link (table, "lookalike/unknown-host", "https://bit.example/3xYz", "こちらからアクセス",
                      "unknown-host");
  add_lookalike_link (table, "lookalike/backslash", "https://evil.example\\@www.med-login.mhlw.go.jp/",
                      "ログイン", "unknown-host");
  add_lookalike_link (table, "lookalike/percent-host", "https://www.%6Dhlw.go.jp.evil.example/",
                      "ログイン", "lookalike-host");
  add_lookalike_link (table, "lookalike/mailto-shows-sender", "mailto:info@g-mis.net.example",
                      GUIDE_SENDER, "text-shows-other-address");
  add_lookalike_link (table, "lookalike/javascript", "javascript:alert(1)", "ログイン", "not-web");

  /* A URL in the text, not a link */
  {
    g_autofree char *body = replace_once (GUIDE_EXISTING_BODY, "<p>上記の内容",
                                          "<p>確認はこちら https://g-mis-net.example/check</p><p>上記の内容");
    g_autofree char *headers = genuine_headers (GUIDE_SENDER, GUIDE_EXISTING_SUBJECT);

    add_string (table, TEST_MAIL_LOOKALIKE, "lookalike/text-url", utf8_html_mail (headers, body), 0,
                "mail: existing-account\nsender: ok\n"
                "link: suspicious https://g-mis-net.example/check lookalike-host\n" EXISTING_LINKS
                "login-id: XXXXXX\nnext: existing-account\n");
  }

  /* A subject close to the guide's: another mail */
  {
    g_autofree char *headers = genuine_headers (GUIDE_SENDER,
                                                "【厚生労働省G-MIS事務局】G-MISのパスワード再登録のご依頼");

    add_string (table, TEST_MAIL_LOOKALIKE, "lookalike/other-subject",
                utf8_html_mail (headers, GUIDE_ISSUE_BODY), 0,
                "mail: unknown\nsender: ok\n" ISSUE_LINKS "login-id: XXXXXX\nnext: start\n");
  }
}

static void
add_broken (GPtrArray *table)
{
  GString *mail;

  add_string (table, TEST_MAIL_BROKEN, "broken/empty", g_string_new (""), 1, "empty");

  add_string (table, TEST_MAIL_BROKEN, "broken/cut-in-header",
              g_string_new ("From: 厚生労働省G-MIS事務局 <info@g-mis.net>\nSubject: =?UTF-8?B?44CQ?=\n"
                            "Date: Mon, 6 Nov 2023 10:00:00 +0900\nMIME-Vers"),
              1, "cut off");

  mail = genuine_mail (GUIDE_ISSUE_SUBJECT, GUIDE_ISSUE_BODY, &charsets[3], TRUE, TRUE, "\n");
  g_string_truncate (mail, mail->len * 2 / 3);
  add_string (table, TEST_MAIL_BROKEN, "broken/cut-in-part", mail, 1, "cut off");

  add_string (table, TEST_MAIL_BROKEN, "broken/no-body",
              g_string_new ("From: info@g-mis.net\nSubject: test\nMIME-Version: 1.0\n\n\n"), 1,
              "no text");

  mail = g_string_new (NULL);
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (mail, (char) ((i * 7919 + 13) % 256));
  add_string (table, TEST_MAIL_BROKEN, "broken/binary", mail, 1, "binary");

  mail = g_string_new ("From: info@g-mis.net\nSubject: deep\nMIME-Version: 1.0\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (mail, "Content-Type: multipart/mixed; boundary=\"b%u\"\n\n--b%u\n", i, i);
  g_string_append (mail, "Content-Type: text/plain\n\nhello\n");
  add_string (table, TEST_MAIL_BROKEN, "broken/deep-multipart", mail, 1, "multiparts");

  mail = g_string_new ("From: info@g-mis.net\nSubject: ");
  for (guint i = 0; i < 100000; i++)
    g_string_append (mail, "0123456789");
  g_string_append (mail, "\nMIME-Version: 1.0\n\nhello\n");
  add_string (table, TEST_MAIL_BROKEN, "broken/header-1mb", mail, 1, "header");

  add_string (table, TEST_MAIL_BROKEN, "broken/unknown-charset",
              g_string_new ("From: info@g-mis.net\nSubject: x\nMIME-Version: 1.0\n"
                            "Content-Type: text/plain; charset=x-unknown-jp\n\n\x82\xa0\x82\xa2\n"),
              1, "x-unknown-jp");

  add_string (table, TEST_MAIL_BROKEN, "broken/unknown-charset-subject",
              g_string_new ("From: info@g-mis.net\nSubject: =?x-mac-nothing?B?GyRCJUYbKEI=?=\n"
                            "MIME-Version: 1.0\n\nhello\n"),
              1, "x-mac-nothing");

  add_string (table, TEST_MAIL_BROKEN, "broken/bad-base64",
              g_string_new ("From: info@g-mis.net\nSubject: x\nMIME-Version: 1.0\n"
                            "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
                            "44CQ5Y6a55Sf!!5Yq05YON\n"),
              1, "base64");

  add_string (table, TEST_MAIL_BROKEN, "broken/bad-quoted-printable",
              g_string_new ("From: info@g-mis.net\nSubject: x\nMIME-Version: 1.0\n"
                            "Content-Type: text/plain; charset=UTF-8\n"
                            "Content-Transfer-Encoding: quoted-printable\n\n=E3=80=ZZ\n"),
              1, "quoted-printable");

  add_string (table, TEST_MAIL_BROKEN, "broken/bad-shift-jis",
              g_string_new ("From: info@g-mis.net\nSubject: x\nMIME-Version: 1.0\n"
                            "Content-Type: text/plain; charset=Shift_JIS\n\n\x82\xa0\x82\n"),
              1, "Shift_JIS");

  mail = g_string_sized_new (10 * 1000 * 1000 + 100);
  g_string_append (mail, "From: info@g-mis.net\nSubject: big\n\n");
  while (mail->len <= 10 * 1000 * 1000)
    g_string_append (mail, "0123456789012345678901234567890123456789012345678901234567890123456789\n");
  add_string (table, TEST_MAIL_BROKEN, "broken/too-large", mail, 1, "10 MB");
}

GPtrArray *
test_mail_table (void)
{
  GPtrArray *table = g_ptr_array_new_with_free_func (test_mail_free);

  add_genuine (table);
  add_pasted (table);
  add_forwarded (table);
  add_lookalikes (table);
  add_broken (table);

  return table;
}
