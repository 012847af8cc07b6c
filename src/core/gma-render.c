/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render.c: page documents for the web pane and the plain-text summary */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-render.h"

#define TEMPLATE_PATH RESOURCE_PREFIX "/web/page.html"
#define APP_NAME "G-MIS メール対処アシスタント"

char *
gma_render_template (const char  *template_text,
                     GHashTable  *values,
                     GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_new (NULL);
  p = template_text;

  for (;;)
    {
      const char *open = strstr (p, "{{");
      const char *name_start;
      const char *close;
      gboolean raw;
      g_autofree char *name = NULL;
      const char *value;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);

      raw = open[2] == '{';
      name_start = open + (raw ? 3 : 2);
      close = strstr (name_start, raw ? "}}}" : "}}");
      if (close == NULL)
        {
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "the page template has an unclosed “%s”", raw ? "{{{" : "{{");
          return NULL;
        }

      name = g_strstrip (g_strndup (name_start, close - name_start));
      if (!g_hash_table_lookup_extended (values, name, NULL, (gpointer *) &value))
        {
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "the page template names an unknown value “%s”", name);
          return NULL;
        }

      if (value != NULL)
        {
          if (raw)
            g_string_append (out, value);
          else
            {
              g_autofree char *escaped = g_markup_escape_text (value, -1);

              g_string_append (out, escaped);
            }
        }

      p = close + (raw ? 3 : 2);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* Where a URL starting at @p ends: at white space, at any non-ASCII
 * character (Japanese text and full-width punctuation such as ）」 follow
 * URLs directly in the guide), or at characters never part of a URL.
 * Trailing ASCII punctuation is left out. */
static const char *
url_end (const char *p)
{
  const char *end = p;

  while (*end && (guchar) *end < 0x80 && !g_ascii_isspace (*end) && (guchar) *end >= 0x20 &&
         strchr ("<>\"'`{}|\\^", *end) == NULL)
    end++;

  while (end > p && strchr (".,;:!?)]", end[-1]) != NULL)
    {
      /* Keep a closing parenthesis that has its opening one in the URL. */
      if (end[-1] == ')' && memchr (p, '(', end - p) != NULL)
        break;
      end--;
    }

  return end;
}

static void
append_linkified (GString    *out,
                  const char *line,
                  gsize       len)
{
  const char *p = line;
  const char *line_end = line + len;

  while (p < line_end)
    {
      const char *http = g_strstr_len (p, line_end - p, "http");
      const char *end;
      gsize scheme_len;

      if (http == NULL)
        break;

      if (strncmp (http, "https://", 8) == 0)
        scheme_len = 8;
      else if (strncmp (http, "http://", 7) == 0)
        scheme_len = 7;
      else
        {
          append_escaped (out, p, http + 4 - p);
          p = http + 4;
          continue;
        }

      end = url_end (http);
      if (end > line_end)
        end = line_end;
      if ((gsize) (end - http) <= scheme_len)
        {
          append_escaped (out, p, http + scheme_len - p);
          p = http + scheme_len;
          continue;
        }

      append_escaped (out, p, http - p);
      g_string_append (out, "<a href=\"");
      append_escaped (out, http, end - http);
      g_string_append (out, "\">");
      append_escaped (out, http, end - http);
      g_string_append (out, "</a>");
      p = end;
    }

  if (p < line_end)
    append_escaped (out, p, line_end - p);
}

char *
gma_render_text_to_html (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  p = text;

  while (*p)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl ? nl : p + strlen (p);
      const char *start = p;
      const char *stop = end;

      /* Trim white space at either end of the paragraph. */
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;

      if (stop > start)
        {
          g_string_append (out, "<p>");
          append_linkified (out, start, stop - start);
          g_string_append (out, "</p>\n");
        }

      p = nl ? nl + 1 : end;
    }

  return g_string_free (out, FALSE);
}

static char *
load_template (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  gma_content_register_resources ();

  bytes = g_resources_lookup_data (TEMPLATE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static const char *
kind_class (GmaNodeKind kind)
{
  switch (kind)
    {
    case GMA_NODE_INTRO:
      return "intro";
    case GMA_NODE_QUESTION:
      return "question";
    case GMA_NODE_RESULT:
    default:
      return "result";
    }
}

static char *
render_document (GmaContent  *content,
                 const char  *kind,
                 const char  *title,
                 const char  *reference,
                 const char  *heading,
                 const char  *path_html,
                 const char  *body_html,
                 const char  *related_html,
                 GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *template_text = NULL;
  gboolean has_reference = reference != NULL && reference[0] != '\0';

  template_text = load_template (error);
  if (template_text == NULL)
    return NULL;

  g_hash_table_insert (values, (gpointer) "title", (gpointer) title);
  g_hash_table_insert (values, (gpointer) "kind", (gpointer) kind);
  g_hash_table_insert (values, (gpointer) "reference", (gpointer) (has_reference ? reference : ""));
  g_hash_table_insert (values, (gpointer) "reference-attributes",
                       (gpointer) (has_reference ? "" : " hidden"));
  g_hash_table_insert (values, (gpointer) "heading", (gpointer) heading);
  g_hash_table_insert (values, (gpointer) "edition", (gpointer) gma_content_get_edition (content));
  g_hash_table_insert (values, (gpointer) "source", (gpointer) gma_content_get_source (content));
  g_hash_table_insert (values, (gpointer) "path", (gpointer) (path_html ? path_html : ""));
  g_hash_table_insert (values, (gpointer) "body", (gpointer) (body_html ? body_html : ""));
  g_hash_table_insert (values, (gpointer) "related", (gpointer) (related_html ? related_html : ""));

  return gma_render_template (template_text, values, error);
}

static char *
node_document_title (const GmaNode *node)
{
  const char *reference = gma_node_get_reference (node);

  if (gma_node_get_kind (node) == GMA_NODE_RESULT && reference != NULL)
    return g_strdup_printf ("%s %s", reference, gma_node_get_title (node));

  return g_strdup (gma_node_get_title (node));
}

static char *
faq_label (GmaFaqEntry *entry)
{
  return g_strdup_printf ("FAQ %s", gma_faq_entry_get_number (entry));
}

char *
gma_render_node_page (GmaContent     *content,
                      GmaSession     *session,
                      const GmaNode  *node,
                      GError        **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) related = NULL;
  const char * const *faq;
  const char *page;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (session == NULL || GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  title = node_document_title (node);

  page = gma_node_get_page (node);
  if (page != NULL)
    {
      g_autoptr(GBytes) bytes = gma_content_load_file (content, page, NULL, error);
      const char *data;
      gsize len;

      if (bytes == NULL)
        return NULL;

      data = g_bytes_get_data (bytes, &len);
      if (!g_utf8_validate_len (data, len, NULL))
        {
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "%s is not valid UTF-8", page);
          return NULL;
        }
      body = g_strndup (data, len);
    }

  /* The answers that led here */
  if (session != NULL &&
      gma_session_get_current (session) == node &&
      gma_session_get_n_steps (session) > 0)
    {
      path = g_string_new ("<section class=\"page-path\">\n<h2>これまでの回答</h2>\n<ol>\n");

      for (guint i = 0; i < gma_session_get_n_steps (session); i++)
        {
          const GmaNode *step = gma_session_get_step_node (session, i);
          guint answer = gma_session_get_step_answer (session, i);

          g_string_append (path, "<li><span class=\"page-path-question\">");
          append_escaped (path, gma_node_get_short_title (step), -1);
          g_string_append (path, "</span>: <span class=\"page-path-answer\">");
          append_escaped (path, gma_node_get_answer_label (step, answer), -1);
          g_string_append (path, "</span></li>\n");
        }

      g_string_append (path, "</ol>\n</section>");
    }

  /* Related FAQ entries */
  faq = gma_node_get_faq (node);
  if (faq[0] != NULL)
    {
      GmaFaq *model = gma_content_get_faq (content);

      related = g_string_new ("<nav class=\"page-related\">\n<h2>関連するよくある質問</h2>\n<ul>\n");

      for (guint i = 0; faq[i]; i++)
        {
          GmaFaqEntry *entry = gma_faq_lookup (model, faq[i]);
          g_autofree char *label = NULL;

          if (entry == NULL)
            continue;

          label = faq_label (entry);
          g_string_append (related, "<li><a href=\"gma://faq/");
          append_escaped (related, gma_faq_entry_get_id (entry), -1);
          g_string_append (related, "\"><span class=\"page-related-number\">");
          append_escaped (related, label, -1);
          g_string_append (related, "</span> ");
          append_escaped (related, gma_faq_entry_get_question (entry), -1);
          g_string_append (related, "</a></li>\n");
        }

      g_string_append (related, "</ul>\n</nav>");
    }

  return render_document (content,
                          kind_class (gma_node_get_kind (node)),
                          title,
                          gma_node_get_reference (node),
                          gma_node_get_title (node),
                          path ? path->str : NULL,
                          body,
                          related ? related->str : NULL,
                          error);
}

char *
gma_render_faq_page (GmaContent   *content,
                     GmaFaqEntry  *entry,
                     GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) related = NULL;
  const char * const *see_also;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (entry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = faq_label (entry);
  title = g_strdup_printf ("%s %s", label, gma_faq_entry_get_question (entry));
  reference = g_strdup_printf ("%s（%s）", label, gma_faq_entry_get_category_title (entry));
  body = gma_render_text_to_html (gma_faq_entry_get_answer (entry));

  see_also = gma_faq_entry_get_see_also (entry);
  if (see_also[0] != NULL)
    {
      GmaFlow *flow = gma_content_get_flow (content);

      related = g_string_new ("<nav class=\"page-related\">\n<h2>関連するページ</h2>\n<ul>\n");

      for (guint i = 0; see_also[i]; i++)
        {
          const GmaNode *node = gma_flow_lookup (flow, see_also[i]);
          g_autofree char *node_title = NULL;

          if (node == NULL)
            continue;

          node_title = node_document_title (node);
          g_string_append (related, "<li><a href=\"gma://page/");
          append_escaped (related, gma_node_get_id (node), -1);
          g_string_append (related, "\">");
          append_escaped (related, node_title, -1);
          g_string_append (related, "</a></li>\n");
        }

      g_string_append (related, "</ul>\n</nav>");
    }

  return render_document (content, "faq", title, reference,
                          gma_faq_entry_get_question (entry),
                          NULL, body, related ? related->str : NULL, error);
}

char *
gma_render_summary (GmaContent *content,
                    GmaSession *session)
{
  GString *out;
  const GmaNode *current;
  guint n_steps;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_SESSION (session), NULL);

  out = g_string_new (NULL);
  current = gma_session_get_current (session);
  n_steps = gma_session_get_n_steps (session);

  g_string_append_printf (out, "%s（%sの案内に基づく）\n", APP_NAME,
                          gma_content_get_edition (content));
  g_string_append_printf (out, "出典: %s\n", gma_content_get_source (content));

  g_string_append (out, "これまでの回答:");
  if (n_steps == 0)
    g_string_append (out, " なし\n");
  else
    g_string_append_c (out, '\n');

  for (guint i = 0; i < n_steps; i++)
    {
      const GmaNode *step = gma_session_get_step_node (session, i);
      guint answer = gma_session_get_step_answer (session, i);

      g_string_append_printf (out, "%u. %s: %s\n", i + 1,
                              gma_node_get_short_title (step),
                              gma_node_get_answer_label (step, answer));
    }

  if (current != NULL && gma_node_get_kind (current) == GMA_NODE_RESULT)
    {
      const char * const *urls = gma_node_get_urls (current);
      g_autofree char *title = node_document_title (current);

      g_string_append_printf (out, "結果: %s\n", title);

      if (urls[0] != NULL)
        {
          g_string_append (out, "必要なURL:\n");
          for (guint i = 0; urls[i]; i++)
            g_string_append_printf (out, "%s\n", urls[i]);
        }
    }
  else if (current != NULL)
    g_string_append_printf (out, "現在の質問: %s\n", gma_node_get_title (current));

  return g_string_free (out, FALSE);
}
