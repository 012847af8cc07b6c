/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render-mail.c: the mail checker's page */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-contact.h"
#include "gma-render.h"
#include "gma-render-mail.h"
#include "gma-router.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* The text @key of mail.json with its placeholders filled from @args
 * (name, value, …, NULL), everything escaped; each value in <strong>
 * with @strong. */
static void
append_filled (GString      *out,
               GmaMailFacts *facts,
               const char   *key,
               gboolean      strong,
               va_list       args)
{
  const char *text = gma_mail_facts_get_text (facts, key);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  const char *p = text;
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (values, (gpointer) name, va_arg (args, char *));

  for (;;)
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *before = NULL;
      g_autofree char *placeholder = NULL;
      const char *value;

      if (close == NULL)
        {
          append_escaped (out, p);
          return;
        }
      before = g_strndup (p, open - p);
      append_escaped (out, before);
      /* mail.json's validation allows only the placeholders given here */
      placeholder = g_strndup (open + 1, close - open - 1);
      value = g_hash_table_lookup (values, placeholder);
      if (value != NULL)
        {
          g_string_append (out, strong ? "<strong>" : "");
          append_escaped (out, value);
          g_string_append (out, strong ? "</strong>" : "");
        }
      p = close + 1;
    }
}

static void append_text (GString *out, GmaMailFacts *facts, const char *key, ...)
  G_GNUC_NULL_TERMINATED;

static void
append_text (GString      *out,
             GmaMailFacts *facts,
             const char   *key,
             ...)
{
  va_list args;

  va_start (args, key);
  append_filled (out, facts, key, TRUE, args);
  va_end (args);
}

/* The same, values as the text around them (a button's label) */
static void append_label (GString *out, GmaMailFacts *facts, const char *key, ...)
  G_GNUC_NULL_TERMINATED;

static void
append_label (GString      *out,
              GmaMailFacts *facts,
              const char   *key,
              ...)
{
  va_list args;

  va_start (args, key);
  append_filled (out, facts, key, FALSE, args);
  va_end (args);
}

static void
section_start (GString      *out,
               GmaMailFacts *facts,
               const char   *class_name,
               const char   *heading_key)
{
  g_string_append_printf (out, "<section class=\"mail-check %s\">\n<h2>", class_name);
  append_text (out, facts, heading_key, NULL);
  g_string_append (out, "</h2>\n");
}

static void
append_verdict (GString      *out,
                GmaMailFacts *facts,
                gboolean      ok)
{
  g_string_append (out, ok ? "<span class=\"verdict verdict-ok\">"
                           : "<span class=\"verdict verdict-suspicious\">");
  append_text (out, facts, ok ? "verdict-ok" : "verdict-suspicious", NULL);
  g_string_append (out, "</span> ");
}

static void
append_mail_section (GString       *out,
                     GmaMailFacts  *facts,
                     GmaMailResult *result)
{
  const GmaMailKind *kind = gma_mail_result_get_kind (result);
  const char *subject = gma_mail_result_get_subject (result);

  section_start (out, facts, "mail-check-which", "section-mail");
  g_string_append (out, "<p class=\"lead\">");
  switch (gma_mail_result_get_found_by (result))
    {
    case GMA_MAIL_FOUND_BY_SUBJECT:
      append_text (out, facts, "mail-by-subject", "mail", gma_mail_kind_get_name (kind), NULL);
      break;
    case GMA_MAIL_FOUND_BY_BODY:
      append_text (out, facts, "mail-by-body", "mail", gma_mail_kind_get_name (kind), NULL);
      break;
    case GMA_MAIL_FOUND_BY_NONE:
    default:
      append_text (out, facts, "mail-unknown", NULL);
      break;
    }
  g_string_append (out, "</p>\n");

  if (subject != NULL)
    {
      g_string_append (out, "<dl class=\"mail-facts\"><dt>");
      append_text (out, facts, "subject-label", NULL);
      g_string_append (out, "</dt><dd>");
      append_escaped (out, subject);
      g_string_append (out, "</dd></dl>\n");
    }

  g_string_append (out, "<p>");
  append_escaped (out, gma_mail_kind_get_about (kind));
  g_string_append (out, "</p>\n");

  /* Another mail: which the guide's are */
  if (gma_mail_result_get_found_by (result) == GMA_MAIL_FOUND_BY_NONE)
    {
      g_string_append (out, "<p>");
      append_text (out, facts, "mail-known-list", NULL);
      g_string_append (out, "</p>\n<ul class=\"facts mail-known\">\n");
      for (guint i = 0; i < gma_mail_facts_get_n_kinds (facts); i++)
        {
          const GmaMailKind *known = gma_mail_facts_get_kind (facts, i);

          g_string_append (out, "<li><strong>");
          append_escaped (out, gma_mail_kind_get_name (known));
          g_string_append (out, "</strong>: ");
          append_text (out, facts, "subject-label", NULL);
          g_string_append (out, " <span class=\"mail-subject\">");
          append_escaped (out, gma_mail_kind_get_subject (known));
          g_string_append (out, "</span></li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
append_sender_section (GString       *out,
                       GmaMailFacts  *facts,
                       GmaMailResult *result)
{
  const char *address = NULL;
  GmaMailSender sender = gma_mail_result_get_sender (result, &address);
  const char *forwarded_by = gma_mail_result_get_forwarded_by (result);
  const char *genuine = gma_mail_facts_get_sender (facts);

  section_start (out, facts, "mail-check-sender", "section-sender");
  g_string_append (out, "<p class=\"mail-verdict\">");
  switch (sender)
    {
    case GMA_MAIL_SENDER_OK:
      append_verdict (out, facts, TRUE);
      append_text (out, facts, "sender-ok", "address", address, NULL);
      break;
    case GMA_MAIL_SENDER_MISMATCH:
      append_verdict (out, facts, FALSE);
      append_text (out, facts, "sender-mismatch", "address", address, "sender", genuine, NULL);
      break;
    case GMA_MAIL_SENDER_MISSING:
    default:
      append_text (out, facts, "sender-missing", NULL);
      break;
    }
  g_string_append (out, "</p>\n");
  if (forwarded_by != NULL)
    {
      g_string_append (out, "<p>");
      append_text (out, facts, "forwarded", "address", forwarded_by, NULL);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"reference\">");
  append_text (out, facts, "sender-guide", "sender", genuine, NULL);
  g_string_append (out, "</p>\n</section>\n");
}

/* Each reason of @link, in plain words. */
static void
append_reasons (GString           *out,
                GmaMailFacts      *facts,
                const GmaMailLink *link)
{
  const char *host = link->host != NULL ? link->host : "";

  for (GmaMailReasons reason = GMA_MAIL_REASON_INVALID; reason <= GMA_MAIL_REASON_HTTP;
       reason <<= 1)
    {
      if (!(link->reasons & reason))
        continue;
      g_string_append (out, "<li>");
      switch (reason)
        {
        case GMA_MAIL_REASON_INVALID:
          append_text (out, facts, "reason-invalid", NULL);
          break;
        case GMA_MAIL_REASON_USERINFO:
          append_text (out, facts, "reason-userinfo", "shown", link->shown, "host", host, NULL);
          break;
        case GMA_MAIL_REASON_TEXT_DIFFERS:
          append_text (out, facts, "reason-text-differs", "shown", link->shown, "host",
                       link->address != NULL ? link->address : host, NULL);
          break;
        case GMA_MAIL_REASON_IDN:
          append_text (out, facts, "reason-idn", "host", host, NULL);
          break;
        case GMA_MAIL_REASON_LOOKALIKE:
          append_text (out, facts, "reason-lookalike", "host", host, NULL);
          break;
        case GMA_MAIL_REASON_OTHER_ADDRESS:
          append_text (out, facts, "reason-other-address", "address", link->address, NULL);
          break;
        case GMA_MAIL_REASON_SCHEME:
          append_text (out, facts, "reason-scheme", "scheme", link->scheme, NULL);
          break;
        case GMA_MAIL_REASON_UNKNOWN_HOST:
          append_text (out, facts, "reason-unknown-host", "host", host, NULL);
          break;
        case GMA_MAIL_REASON_HTTP:
        default:
          append_text (out, facts, "reason-http", NULL);
          break;
        }
      g_string_append (out, "</li>\n");
    }
}

static void
append_links_section (GString       *out,
                      GmaMailFacts  *facts,
                      GmaMailResult *result)
{
  guint n = gma_mail_result_get_n_links (result);

  section_start (out, facts, "mail-check-links", "section-links");
  if (n == 0)
    {
      g_string_append (out, "<p>");
      append_text (out, facts, "links-none", NULL);
      g_string_append (out, "</p>\n</section>\n");
      return;
    }

  g_string_append (out, "<ul class=\"mail-links\">\n");
  for (guint i = 0; i < n; i++)
    {
      const GmaMailLink *link = gma_mail_result_get_link (result, i);
      gboolean ok = link->reasons == 0;

      g_string_append (out, ok ? "<li class=\"mail-link mail-link-ok\">"
                               : "<li class=\"mail-link mail-link-suspicious\">");
      append_verdict (out, facts, ok);
      if (link->host != NULL)
        {
          g_string_append (out, "<span class=\"mail-link-host\">");
          append_escaped (out, link->host);
          g_string_append (out, "</span>");
        }
      /* The address as text, never a link: not even a genuine one is
       * opened from here */
      g_string_append (out, "<br><span class=\"mail-url\">");
      append_escaped (out, link->url);
      g_string_append (out, "</span>\n<ul class=\"mail-link-reasons\">\n");
      if (ok && link->guide_host)
        {
          g_string_append (out, "<li>");
          append_text (out, facts, "link-ok", NULL);
          g_string_append (out, "</li>\n");
        }
      else if (ok)
        {
          g_string_append (out, "<li>");
          append_text (out, facts, "link-ok-domain", "domain", link->domain, NULL);
          g_string_append (out, "</li>\n");
        }
      else
        append_reasons (out, facts, link);
      g_string_append (out, "</ul></li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

static void
append_privacy (GString      *out,
                GmaMailFacts *facts)
{
  g_string_append (out, "<p class=\"mail-privacy\">");
  append_text (out, facts, "privacy", NULL);
  g_string_append (out, "</p>\n");
}

static GmaMailFacts *
get_facts (GmaContent  *content,
           GError     **error)
{
  GmaMailFacts *facts = gma_content_get_mail_facts (content);

  if (facts == NULL)
    g_set_error_literal (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
                         "the content set has no mail.json");
  return facts;
}

char *
gma_render_mail_page (GmaContent     *content,
                      GmaMailResult  *result,
                      GError        **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GmaMailFacts *facts;
  const char *login_id;
  const char *next;
  const GmaNode *next_node;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (result), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  facts = get_facts (content, error);
  if (facts == NULL)
    return NULL;

  g_string_append (body, "<p class=\"lead\">");
  append_text (body, facts, "intro", NULL);
  g_string_append (body, "</p>\n");

  if (gma_mail_result_is_suspicious (result))
    {
      g_string_append (body, "<p class=\"note mail-warning\"><strong>");
      append_text (body, facts, "warning", NULL);
      g_string_append (body, "</strong></p>\n<p>");
      append_text (body, facts, "doubt", NULL);
      g_string_append (body, "</p>\n" GMA_CONTACT_MARKER "\n");
    }

  append_mail_section (body, facts, result);
  append_sender_section (body, facts, result);
  append_links_section (body, facts, result);

  login_id = gma_mail_result_get_login_id (result);
  if (login_id != NULL)
    {
      g_autofree char *copy = gma_render_copy_link (content, login_id);

      section_start (body, facts, "mail-check-login-id", "section-login-id");
      g_string_append (body, "<p>");
      append_text (body, facts, "login-id", NULL);
      g_string_append (body, "</p>\n<p class=\"url mail-login-id\">");
      append_escaped (body, login_id);
      g_string_append (body, " ");
      g_string_append (body, copy);
      g_string_append (body, "</p>\n</section>\n");
    }

  next = gma_mail_result_get_next (result);
  next_node = gma_flow_lookup (gma_content_get_flow (content), next);
  if (next_node != NULL)
    {
      g_autofree char *escaped_next = g_uri_escape_string (next, NULL, FALSE);

      section_start (body, facts, "mail-check-next", "section-next");
      g_string_append (body, "<p>");
      append_text (body, facts, "next-intro", NULL);
      g_string_append (body, "</p>\n<p class=\"mail-next\"><a class=\"next-step\" href=\""
                       GMA_URI_SCHEME "://action/" GMA_MAIL_NEXT_ACTION "?to=");
      append_escaped (body, escaped_next);
      g_string_append (body, "\">");
      append_label (body, facts, "next-button", "title", gma_node_get_title (next_node), NULL);
      g_string_append (body, "</a></p>\n</section>\n");
    }

  append_privacy (body, facts);

  return gma_render_document (content, "mail-check", gma_mail_facts_get_text (facts, "title"),
                              gma_mail_facts_get_text (facts, "title"), body->str, error);
}

char *
gma_render_mail_error (GmaContent  *content,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GmaMailFacts *facts;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (reason != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  facts = get_facts (content, error);
  if (facts == NULL)
    return NULL;

  g_string_append (body, "<p class=\"lead\">");
  append_text (body, facts, "unreadable", NULL);
  g_string_append (body, "</p>\n<p class=\"note mail-error\">");
  append_escaped (body, reason);
  g_string_append (body, "</p>\n");
  append_privacy (body, facts);

  return gma_render_document (content, "mail-check", gma_mail_facts_get_text (facts, "title"),
                              gma_mail_facts_get_text (facts, "title"), body->str, error);
}
