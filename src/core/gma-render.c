/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render.c: page documents for the web pane: the template and
 * the pages of nodes, FAQ entries and the whole flow */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-flow-diagram.h"
#include "gma-highlight.h"
#include "gma-render-private.h"

#define TEMPLATE_PATH RESOURCE_PREFIX "/web/page.html"

char *
gma_render_based_on (GmaContent *content)
{
  const GmaWords *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);

  words = _gma_render_words (content);
  return g_strconcat (words->based_on_before, gma_content_get_edition (content),
                      words->based_on_after, NULL);
}

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

char *
_gma_render_document (GmaContent  *content,
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
  g_autofree char *based_on = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *source = NULL;
  gboolean has_reference = reference != NULL && reference[0] != '\0';
  const GmaWords *words = _gma_render_words (content);
  const char *edition = gma_content_get_edition (content);

  template_text = load_template (error);
  if (template_text == NULL)
    return NULL;

  g_hash_table_insert (values, (gpointer) "title", (gpointer) title);
  g_hash_table_insert (values, (gpointer) "kind", (gpointer) kind);
  g_hash_table_insert (values, (gpointer) "reference", (gpointer) (has_reference ? reference : ""));
  g_hash_table_insert (values, (gpointer) "reference-attributes",
                       (gpointer) (has_reference ? "" : " hidden"));
  g_hash_table_insert (values, (gpointer) "heading", (gpointer) heading);
  based_on = gma_render_based_on (content);
  footer = g_strconcat (words->footer_before, edition, words->footer_after, NULL);
  source = g_strconcat (words->source_before, gma_content_get_source (content),
                        words->source_after, NULL);
  g_hash_table_insert (values, (gpointer) "lang", (gpointer) words->language);
  g_hash_table_insert (values, (gpointer) "based-on", based_on);
  g_hash_table_insert (values, (gpointer) "footer-edition", footer);
  g_hash_table_insert (values, (gpointer) "footer-source", source);
  g_hash_table_insert (values, (gpointer) "path", (gpointer) (path_html ? path_html : ""));
  g_hash_table_insert (values, (gpointer) "body", (gpointer) (body_html ? body_html : ""));
  g_hash_table_insert (values, (gpointer) "related", (gpointer) (related_html ? related_html : ""));

  return gma_render_template (template_text, values, error);
}

char *
_gma_render_node_title (const GmaNode *node)
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

GString *
_gma_render_path (const GmaWords *words,
                  GmaSession     *session)
{
  GString *path = NULL;

  for (guint i = 0; i < gma_session_get_n_steps (session); i++)
    {
      const GmaNode *step = gma_session_get_step_node (session, i);
      guint answer = gma_session_get_step_answer (session, i);

      if (gma_node_get_kind (step) == GMA_NODE_INTRO)
        continue;

      if (path == NULL)
        {
          path = g_string_new ("<section class=\"page-path\">\n<h2>");
          append_escaped (path, words->answers_so_far, -1);
          g_string_append (path, "</h2>\n<ol>\n");
        }

      g_string_append (path, "<li><span class=\"page-path-question\">");
      append_escaped (path, gma_node_get_short_title (step), -1);
      g_string_append (path, "</span>: <span class=\"page-path-answer\">");
      append_escaped (path, gma_node_get_answer_label (step, answer), -1);
      g_string_append (path, "</span></li>\n");
    }

  if (path != NULL)
    g_string_append (path, "</ol>\n</section>");

  return path;
}

static void
append_flow_link (GString        *out,
                  const GmaWords *words)
{
  g_string_append (out, "<nav class=\"page-flow-link\"><a href=\"" GMA_FLOW_URI "\">");
  append_escaped (out, words->flow_link, -1);
  g_string_append (out, "</a></nav>\n");
}

static GString *
related_start (const char *heading)
{
  GString *related = g_string_new ("<nav class=\"page-related\">\n<h2>");

  append_escaped (related, heading, -1);
  g_string_append (related, "</h2>\n<ul>\n");
  return related;
}

char *
_gma_render_load_body (GmaContent  *content,
                       const char  *page,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = gma_content_load_file (content, page, NULL, error);
  g_autofree char *fragment = NULL;
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

  fragment = g_strndup (data, len);
  return _gma_render_add_link_extras (_gma_render_words (content), fragment);
}

char *
gma_render_node_page (GmaContent     *content,
                      GmaSession     *session,
                      const GmaNode  *node,
                      GError        **error)
{
  return gma_render_node_page_for_query (content, session, node, NULL, error);
}

char *
gma_render_node_page_for_query (GmaContent     *content,
                                GmaSession     *session,
                                const GmaNode  *node,
                                const char     *query,
                                GError        **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) related = NULL;
  g_autofree char *page = NULL;
  const char * const *faq;
  const GmaWords *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (session == NULL || GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = _gma_render_words (content);
  title = _gma_render_node_title (node);

  page = gma_content_get_page_path (content, node);
  if (page != NULL && !(body = _gma_render_load_body (content, page, error)))
    return NULL;

  /* The answers that led here */
  if (session != NULL && gma_session_get_current (session) == node)
    path = _gma_render_path (words, session);

  /* Related FAQ entries */
  faq = gma_node_get_faq (node);
  if (faq[0] != NULL)
    {
      GmaFaq *model = gma_content_get_faq (content);

      related = related_start (words->related_faq);

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

  /* Every result links to the whole flow, where its path is drawn. */
  if (gma_node_get_kind (node) == GMA_NODE_RESULT)
    {
      if (related == NULL)
        related = g_string_new (NULL);
      else
        g_string_append_c (related, '\n');
      append_flow_link (related, words);
    }

  /* A search led here: mark what it found. */
  if (query != NULL && body != NULL)
    {
      char *marked = gma_highlight_html (body, title, gma_node_get_keywords (node), query);

      g_free (body);
      body = marked;
    }

  return _gma_render_document (content,
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
  return gma_render_faq_page_for_query (content, entry, NULL, error);
}

char *
gma_render_faq_page_for_query (GmaContent   *content,
                               GmaFaqEntry  *entry,
                               const char   *query,
                               GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) related = NULL;
  const char * const *see_also;
  const GmaWords *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (entry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = _gma_render_words (content);
  label = faq_label (entry);
  title = g_strdup_printf ("%s %s", label, gma_faq_entry_get_question (entry));
  reference = g_strconcat (label, words->category_open, gma_faq_entry_get_category_title (entry),
                           words->category_close, NULL);
  {
    g_autofree char *answer = gma_render_text_to_html (gma_faq_entry_get_answer (entry));

    /* The answer sends the reader to the prefecture's counter: its card
     * goes after it. */
    if (gma_faq_entry_get_ask_counter (entry))
      {
        char *with_marker = g_strconcat (answer, GMA_CONTACT_MARKER "\n", NULL);

        g_free (answer);
        answer = with_marker;
      }
    body = _gma_render_add_link_extras (words, answer);
  }

  see_also = gma_faq_entry_get_see_also (entry);
  if (see_also[0] != NULL)
    {
      GmaFlow *flow = gma_content_get_flow (content);

      related = related_start (words->related_pages);

      for (guint i = 0; see_also[i]; i++)
        {
          const GmaNode *node = gma_flow_lookup (flow, see_also[i]);
          g_autofree char *node_title = NULL;

          if (node == NULL)
            continue;

          node_title = _gma_render_node_title (node);
          g_string_append (related, "<li><a href=\"gma://page/");
          append_escaped (related, gma_node_get_id (node), -1);
          g_string_append (related, "\">");
          append_escaped (related, node_title, -1);
          g_string_append (related, "</a></li>\n");
        }

      g_string_append (related, "</ul>\n</nav>");
    }

  if (query != NULL)
    {
      char *marked = gma_highlight_html (body, gma_faq_entry_get_question (entry),
                                         gma_faq_entry_get_keywords (entry), query);

      g_free (body);
      body = marked;
    }

  return _gma_render_document (content, "faq", title, reference,
                          gma_faq_entry_get_question (entry),
                          NULL, body, related ? related->str : NULL, error);
}

char *
gma_render_flow_page (GmaContent  *content,
                      GmaSession  *session,
                      GError     **error)
{
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) path = NULL;
  g_autofree char *svg = NULL;
  const GmaNode *current = NULL;
  const GmaWords *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (session == NULL || GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = _gma_render_words (content);

  if (session != NULL)
    {
      for (guint i = 0; i < gma_session_get_n_steps (session); i++)
        g_ptr_array_add (visited, (gpointer) gma_node_get_id (gma_session_get_step_node (session, i)));
      current = gma_session_get_current (session);
      if (current != NULL)
        g_ptr_array_add (visited, (gpointer) gma_node_get_id (current));
      path = _gma_render_path (words, session);
    }
  g_ptr_array_add (visited, NULL);

  svg = gma_flow_diagram_svg_inline (gma_content_get_flow (content),
                                     (const char * const *) visited->pdata,
                                     current ? gma_node_get_id (current) : NULL,
                                     gma_content_get_language (content));

  /* The page's CSP blocks <style> elements: the picture's style comes
   * as a style sheet of the app. */
  g_string_append (body, "<link rel=\"stylesheet\" href=\"" GMA_FLOW_STYLE_URI "\">\n");
  if (current != NULL && visited->len > 2)
    {
      g_string_append (body, "<p class=\"flow-caption\">");
      append_escaped (body, words->flow_path_caption, -1);
      g_string_append (body, "</p>\n");
    }
  g_string_append (body, "<p class=\"flow-caption flow-hint\">");
  append_escaped (body, words->flow_hint, -1);
  g_string_append (body, "</p>\n");
  g_string_append (body, "<figure class=\"flow-diagram\">\n");
  g_string_append (body, svg);
  g_string_append (body, "</figure>\n");

  return _gma_render_document (content, "flow", words->flow_title, NULL, words->flow_title,
                          path ? path->str : NULL, body->str, NULL, error);
}

char *
gma_render_document (GmaContent  *content,
                     const char  *kind,
                     const char  *title,
                     const char  *heading,
                     const char  *body_html,
                     GError     **error)
{
  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (kind != NULL && title != NULL && heading != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gma_render_document (content, kind, title, NULL, heading, NULL, body_html, NULL, error);
}
