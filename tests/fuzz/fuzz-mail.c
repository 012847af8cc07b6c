/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-mail.c: the mail checker over arbitrary bytes: reading (the size
 * and depth limits, message or pasted text, GMime's parse, headers,
 * transfer encodings, charsets), the verdict and its page.
 *
 * Each input is checked against the embedded content's mail.json, with
 * the GMime backend linked in (gma_mail_set_backend()). Either it is
 * refused with a GMA_MAIL_ERROR whose message is one line of UTF-8, or
 * its verdict keeps its promises: the lines of --check-mail are one
 * "mail:", one "sender:", "link:" lines, at most one "login-id:" and one
 * "next:", in that order, without control characters; every link is
 * UTF-8, an ok one leads to a host of the guide's domains; the next node
 * is a node of the flow, which the walk reaches; the page renders, as
 * UTF-8, with none of the mail's links as a link of the page. The
 * input's first line is also decoded as a header.
 *
 * Built with -fsanitize=fuzzer by the meson option "fuzzing", and always
 * into the standalone driver that replays the corpus make-mail-corpus
 * writes (the test mails of tests/mail-table.c).
 */
#include "config.h"

#include <string.h>

#include "gma-mail-check.h"
#include "gma-mail-private.h"
#include "gma-render-mail.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
const GmaMailBackend *gma_mail_backend_get (void);

static GmaContent *
get_content (void)
{
  static GmaContent *content;

  if (content == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* A critical is a finding, under libFuzzer as in the tests */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

      gma_mail_set_backend (gma_mail_backend_get ());
      content = gma_content_new_embedded (&error);
      if (content == NULL || gma_content_get_mail_facts (content) == NULL)
        fail ("the embedded content: %s", error != NULL ? error->message : "no mail.json");
    }
  return content;
}

static void
check_error (const GError *error)
{
  if (error == NULL || error->domain != GMA_MAIL_ERROR)
    fail ("a mail refused without a GMA_MAIL_ERROR");
  if (error->message[0] == '\0' || strchr (error->message, '\n') != NULL ||
      !g_utf8_validate (error->message, -1, NULL))
    fail ("the reason is not one line of UTF-8: %s", error->message);
}

static void
check_lines (const char *lines)
{
  static const char * const order[] = { "mail: ", "sender: ", "link: ", "login-id: ", "next: " };
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
  guint at = 0;
  guint n = g_strv_length (split);

  if (n < 4 || split[n - 1][0] != '\0')
    fail ("the lines do not end in a line break:\n%s", lines);
  for (guint i = 0; i + 1 < n; i++)
    {
      const char *line = split[i];

      while (at < G_N_ELEMENTS (order) && !g_str_has_prefix (line, order[at]))
        at++;
      if (at == G_N_ELEMENTS (order))
        fail ("line %u is out of place: %s", i, line);
      /* one of each but links */
      if (at != 2)
        at++;
      for (const char *p = line; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || *p == 0x7f)
          fail ("a control character in line %u", i);
    }
  if (!g_str_has_prefix (split[0], "mail: ") || !g_str_has_prefix (split[1], "sender: ") ||
      !g_str_has_prefix (split[n - 2], "next: "))
    fail ("mail, sender or next missing:\n%s", lines);
  if (!g_utf8_validate (lines, -1, NULL))
    fail ("the lines are not UTF-8");
}

static void
check_result (GmaContent    *content,
              GmaMailResult *result)
{
  GmaMailFacts *facts = gma_content_get_mail_facts (content);
  const char * const *hosts = gma_mail_facts_get_hosts (facts);
  g_autofree char *lines = gma_mail_result_to_lines (result);
  g_autoptr(GmaSession) session = gma_session_new (gma_content_get_flow (content));
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  const char *subject = gma_mail_result_get_subject (result);
  const char *login_id = gma_mail_result_get_login_id (result);

  check_lines (lines);
  if (subject != NULL && !g_utf8_validate (subject, -1, NULL))
    fail ("the subject is not UTF-8");
  if (login_id != NULL && (!g_utf8_validate (login_id, -1, NULL) || login_id[0] == '\0'))
    fail ("the login ID is empty or not UTF-8");

  for (guint i = 0; i < gma_mail_result_get_n_links (result); i++)
    {
      const GmaMailLink *link = gma_mail_result_get_link (result, i);

      if (!g_utf8_validate (link->url, -1, NULL) ||
          (link->host != NULL && !g_utf8_validate (link->host, -1, NULL)) ||
          (link->text != NULL && !g_utf8_validate (link->text, -1, NULL)))
        fail ("link %u is not UTF-8", i);
      if (link->reasons == 0 && link->address == NULL &&
          (link->host == NULL || (!g_strv_contains (hosts, link->host) && link->domain == NULL)))
        fail ("link %u (%s) is ok, but leads to no host of the guide's domains", i, link->url);
      if (link->reasons == 0 && link->address == NULL && !g_str_equal (link->scheme, "https"))
        fail ("link %u (%s) is ok without https", i, link->url);
    }

  if (!gma_mail_result_apply (result, session) ||
      !g_str_equal (gma_node_get_id (gma_session_get_current (session)),
                    gma_mail_result_get_next (result)))
    fail ("the walk does not reach %s", gma_mail_result_get_next (result));

  page = gma_render_mail_page (content, result, &error);
  if (page == NULL)
    fail ("the page: %s", error->message);
  if (!g_utf8_validate (page, -1, NULL))
    fail ("the page is not UTF-8");
  if (strstr (page, "href=\"http") != NULL || strstr (page, "href=\"mailto") != NULL ||
      strstr (page, "<script") != NULL)
    fail ("the page links to a link of the mail, or holds a script");
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GmaContent *content = get_content ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaMailResult) result = NULL;
  const guint8 *nl = memchr (data, '\n', size);

  result = gma_mail_check_bytes (gma_content_get_mail_facts (content), bytes, &error);
  if (result == NULL)
    check_error (error);
  else
    check_result (content, result);

  /* The first line as a header */
  {
    g_autofree char *line = g_strndup ((const char *) data, nl != NULL ? (gsize) (nl - data) : size);
    g_autoptr(GError) header_error = NULL;
    g_autofree char *decoded = gma_mail_decode_header (line, &header_error);

    if (decoded == NULL)
      check_error (header_error);
    else if (!g_utf8_validate (decoded, -1, NULL))
      fail ("a decoded header is not UTF-8");
  }

  return 0;
}
