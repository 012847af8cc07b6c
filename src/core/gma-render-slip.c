/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render-slip.c: what a visitor takes away: the summary copied to
 * the clipboard, and the slip a kiosk prints */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-render-private.h"

char *
gma_render_summary (GmaContent *content,
                    GmaSession *session)
{
  GString *out;
  const GmaNode *current;
  const GmaWords *words;
  g_autofree char *based_on = NULL;
  guint n_steps;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_SESSION (session), NULL);

  words = _gma_render_words (content);
  out = g_string_new (NULL);
  current = gma_session_get_current (session);
  n_steps = 0;
  for (guint i = 0; i < gma_session_get_n_steps (session); i++)
    if (gma_node_get_kind (gma_session_get_step_node (session, i)) != GMA_NODE_INTRO)
      n_steps++;

  based_on = gma_render_based_on (content);
  g_string_append (out, words->app_name);
  g_string_append (out, words->based_on_open);
  g_string_append (out, based_on);
  g_string_append (out, words->based_on_close);
  g_string_append_c (out, '\n');
  g_string_append (out, words->summary_source);
  g_string_append (out, gma_content_get_source (content));
  g_string_append_c (out, '\n');

  g_string_append (out, words->answers_so_far);
  g_string_append_c (out, ':');
  if (n_steps == 0)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, words->none);
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_c (out, '\n');

  for (guint i = 0, number = 1; i < gma_session_get_n_steps (session); i++)
    {
      const GmaNode *step = gma_session_get_step_node (session, i);
      guint answer = gma_session_get_step_answer (session, i);

      /* The intro's "start" is not an answer. */
      if (gma_node_get_kind (step) == GMA_NODE_INTRO)
        continue;

      g_string_append_printf (out, "%u. %s: %s\n", number++,
                              gma_node_get_short_title (step),
                              gma_node_get_answer_label (step, answer));
    }

  if (current != NULL && gma_node_get_kind (current) == GMA_NODE_RESULT)
    {
      const char * const *urls = gma_node_get_urls (current);
      g_autofree char *title = _gma_render_node_title (current);

      g_string_append (out, words->summary_result);
      g_string_append (out, title);
      g_string_append_c (out, '\n');

      if (urls[0] != NULL)
        {
          g_string_append (out, words->summary_urls);
          g_string_append_c (out, '\n');
          for (guint i = 0; urls[i]; i++)
            g_string_append_printf (out, "%s\n", urls[i]);
        }
    }
  else if (current != NULL)
    {
      g_string_append (out, words->summary_question);
      g_string_append (out, gma_node_get_title (current));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* @url on a slip: its QR code, to be scanned, and its text, to be typed. */
static void
append_slip_url (GString        *out,
                 const GmaWords *words,
                 const char     *url)
{
  g_autofree char *encoded = g_uri_escape_string (url, NULL, FALSE);

  g_string_append (out, "<img class=\"slip-qr\" src=\"gma://app/qr?text=");
  append_escaped (out, encoded, -1);
  g_string_append (out, "\" alt=\"");
  append_escaped (out, words->qr_code, -1);
  g_string_append (out, "\"><span class=\"slip-url\">");
  append_escaped (out, url, -1);
  g_string_append (out, "</span>");
}

char *
gma_render_slip (GmaContent        *content,
                 GmaSession        *session,
                 const GmaContact  *counter,
                 GError           **error)
{
  const GmaNode *node;
  const char * const *urls;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autofree char *page = NULL;
  const GmaWords *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = _gma_render_words (content);

  node = gma_session_get_current (session);
  if (gma_node_get_kind (node) != GMA_NODE_RESULT)
    {
      g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
                   "A slip is printed for a result; “%s” is not one", gma_node_get_id (node));
      return NULL;
    }

  title = _gma_render_node_title (node);
  page = gma_content_get_page_path (content, node);
  if (page != NULL && !(body = _gma_render_load_body (content, page, error)))
    return NULL;
  path = _gma_render_path (words, session);

  /* Each URL with its QR code, to be typed or scanned elsewhere. */
  urls = gma_node_get_urls (node);
  if (urls[0] != NULL)
    {
      g_string_append (extra, "<section class=\"slip-urls\">\n<h2>");
      append_escaped (extra, words->needed_urls, -1);
      g_string_append (extra, "</h2>\n<ul>\n");
      for (guint i = 0; urls[i] != NULL; i++)
        {
          g_string_append (extra, "<li>");
          append_slip_url (extra, words, urls[i]);
          g_string_append (extra, "</li>\n");
        }
      g_string_append (extra, "</ul>\n</section>\n");
    }

  /* The counter once, at the bottom: the slip is one page. */
  if (!gma_contact_is_empty (counter))
    {
      const char *url = gma_contact_get (counter, GMA_CONTACT_URL);

      g_string_append (extra, "<section class=\"slip-counter\">\n<h2>");
      append_escaped (extra, words->counter, -1);
      g_string_append (extra, "</h2>\n");
      _gma_render_append_contact_details (extra, words, counter, FALSE);
      if (url != NULL)
        {
          g_string_append (extra, "<p class=\"slip-counter-url\">");
          append_slip_url (extra, words, url);
          g_string_append (extra, "</p>\n");
        }
      g_string_append (extra, "</section>\n");
    }

  if (body != NULL)
    {
      g_autofree char *without_markers = gma_render_fill_contact (body, NULL, NULL);

      g_string_prepend (extra, without_markers);
    }

  return _gma_render_document (content, "slip", title, gma_node_get_reference (node),
                          gma_node_get_title (node), path ? path->str : NULL,
                          extra->str, NULL, error);
}
