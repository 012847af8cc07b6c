/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-router.c: the documents the pane is served (gma_router_load()),
 * read as HTML (gma-html.h), without a display: the content's
 * illustrations are served and each is shown by some page, every link
 * resolves, every picture says what it shows. */

#define G_LOG_DOMAIN "test-router"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-content.h"
#include "gma-html.h"
#include "gma-render.h"
#include "gma-router.h"
#include "gma-session.h"
#include "test-util.h"

/* The embedded content, a walk, and every document the pane can show:
 * each node's page (reached by walking to it, so with its path), each
 * FAQ answer, the whole flow. */
typedef struct {
  GmaContent *content;
  GmaSession *session;
  GPtrArray  *uris;
} Documents;

static void
documents_set_up (Documents     *documents,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GmaFlow *flow;
  GListModel *faq;

  documents->content = gma_content_new_embedded (&error);
  g_assert_no_error (error);
  flow = gma_content_get_flow (documents->content);
  faq = G_LIST_MODEL (gma_content_get_faq (documents->content));
  documents->session = gma_session_new (flow);

  documents->uris = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    g_ptr_array_add (documents->uris,
                     gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_flow_get_node (flow, i))));
  for (guint i = 0; i < g_list_model_get_n_items (faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (faq, i);

      g_ptr_array_add (documents->uris, gma_router_uri (GMA_ROUTE_FAQ, gma_faq_entry_get_id (entry)));
    }
  g_ptr_array_add (documents->uris, g_strdup (GMA_FLOW_URI));
}

static void
documents_tear_down (Documents     *documents,
                     gconstpointer  data)
{
  g_clear_pointer (&documents->uris, g_ptr_array_unref);
  g_clear_object (&documents->session);
  g_clear_object (&documents->content);
}

/* The @i-th document, as text. */
static char *
load_document (Documents *documents,
               guint      i)
{
  return test_load_document (documents->content, documents->session,
                             g_ptr_array_index (documents->uris, i));
}

/* The decoded values of attribute @name (href, src, alt…) of every start
 * tag @element in @html ("a", "img"…; NULL for any); with an @element, a
 * NULL for each such tag without the attribute. */
static GPtrArray *
attribute_values (const char *html,
                  const char *element,
                  const char *name)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;

  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_tag (&scanner, &tag))
    {
      GmaHtmlPos pos = tag.attributes;
      GmaHtmlAttribute attribute;
      gboolean found = FALSE;

      if (tag.kind != GMA_HTML_START_TAG ||
          (element != NULL && !gma_html_name_is (tag.name, tag.name_len, element)))
        continue;

      while (!found && gma_html_next_attribute (&tag, &pos, &attribute))
        if (attribute.value != NULL && gma_html_name_is (attribute.name, attribute.name_len, name))
          {
            g_ptr_array_add (values, gma_html_decode (attribute.value, attribute.value_len));
            found = TRUE;
          }
      if (!found && element != NULL)
        g_ptr_array_add (values, NULL);
    }

  return values;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return stripped[0] == '\0';
}

static void
test_illustrations (Documents     *documents,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) files = NULL;

  for (guint i = 0; i < documents->uris->len; i++)
    {
      g_autofree char *html = load_document (documents, i);
      g_autoptr(GPtrArray) sources = attribute_values (html, "img", "src");

      for (guint j = 0; j < sources->len; j++)
        {
          const char *src = g_ptr_array_index (sources, j);
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *type = NULL;

          g_assert_nonnull (src);
          /* Pictures exist, and are served as pictures. */
          bytes = gma_router_load (documents->content, documents->session, src, &type, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
          g_assert_cmpstr (type, ==, "image/svg+xml");
          if (g_str_has_prefix (src, "gma://content/illustrations/"))
            g_hash_table_add (referenced, g_strdup (src + strlen ("gma://content/illustrations/")));
        }
    }

  /* Every illustration of the set is shown by some page. */
  gma_content_register_resources ();
  files = g_resources_enumerate_children (RESOURCE_PREFIX "/content/illustrations/", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), >=, 4);
  for (guint i = 0; files[i]; i++)
    if (!g_hash_table_contains (referenced, files[i]))
      g_error ("illustrations/%s is shown by no page", files[i]);
  g_assert_cmpuint (g_hash_table_size (referenced), ==, g_strv_length (files));
}

static void
test_links_resolve (Documents     *documents,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_internal = 0, n_copy = 0;

  for (guint i = 0; i < documents->uris->len; i++)
    {
      const char *uri = g_ptr_array_index (documents->uris, i);
      g_autofree char *html = load_document (documents, i);
      g_autoptr(GPtrArray) hrefs = attribute_values (html, NULL, "href");
      g_autoptr(GPtrArray) srcs = attribute_values (html, NULL, "src");

      g_ptr_array_extend_and_steal (hrefs, g_steal_pointer (&srcs));
      for (guint j = 0; j < hrefs->len; j++)
        {
          const char *link = g_ptr_array_index (hrefs, j);
          g_autofree char *target = NULL;
          g_autofree char *argument = NULL;
          g_autofree char *query = NULL;
          g_autoptr(GBytes) bytes = NULL;
          char *hash;

          if (!g_str_has_prefix (link, "gma:"))
            {
              /* The rest go to the desktop: web pages and mail only. */
              g_assert_true (g_str_has_prefix (link, "https://") || g_str_has_prefix (link, "mailto:") ||
                             link[0] == '#' || g_str_has_prefix (link, "http://www.w3.org/"));
              continue;
            }

          target = g_strdup (link);
          hash = strchr (target, '#');
          if (hash != NULL)
            *hash = '\0';

          if (gma_router_parse (target, &argument, &query) == GMA_ROUTE_ACTION)
            {
              /* Only the copy action, with a text to copy */
              g_assert_cmpstr (argument, ==, "copy");
              g_assert_true (g_str_has_prefix (query, "text="));
              g_assert_cmpuint (strlen (query), >, strlen ("text="));
              n_copy++;
              continue;
            }

          bytes = gma_router_load (documents->content, documents->session, target, NULL, &error);
          if (error != NULL)
            g_error ("%s links to %s: %s", uri, link, error->message);
          n_internal++;
        }
    }

  g_test_message ("%u internal links, %u copy links", n_internal, n_copy);
  g_assert_cmpuint (n_internal, >, 0);
  g_assert_cmpuint (n_copy, >, 0);
}

/* Every <img> has alt text, and every figure holds a picture that says
 * what it shows: an <img> with alt text or an <svg> with a <title>. */
static void
test_alt_text (Documents     *documents,
               gconstpointer  data)
{
  guint n_figures = 0;

  for (guint i = 0; i < documents->uris->len; i++)
    {
      const char *uri = g_ptr_array_index (documents->uris, i);
      g_autofree char *html = load_document (documents, i);
      g_autoptr(GPtrArray) alts = attribute_values (html, "img", "alt");
      GmaHtmlScanner scanner;
      GmaHtmlToken token;
      const char *figure = NULL;     /* the open figure's start */
      gboolean described = FALSE;    /* whether it has its description */
      gboolean in_svg = FALSE, in_title = FALSE;

      for (guint j = 0; j < alts->len; j++)
        if (is_blank (g_ptr_array_index (alts, j)))
          g_error ("an <img> of %s has no alt text", uri);

      gma_html_scanner_init (&scanner, html, -1);
      while (gma_html_next_token (&scanner, &token))
        {
          gboolean start = token.kind == GMA_HTML_START_TAG;

          if (token.kind == GMA_HTML_START_TAG || token.kind == GMA_HTML_END_TAG)
            {
              if (gma_html_name_is (token.name, token.name_len, "figure"))
                {
                  if (!start && figure != NULL && !described)
                    g_error ("a figure of %s has no description:\n%.*s", uri,
                             (int) (token.end - figure), figure);
                  n_figures += !start && figure != NULL;
                  figure = start ? token.start.p : NULL;
                  described = FALSE;
                }
              else if (gma_html_name_is (token.name, token.name_len, "svg"))
                in_svg = start;
              else if (gma_html_name_is (token.name, token.name_len, "title"))
                in_title = start && in_svg;
              else if (start && figure != NULL &&
                       gma_html_name_is (token.name, token.name_len, "img"))
                described = TRUE;    /* its alt text is checked above */
            }
          else if (token.kind == GMA_HTML_RAW_TEXT && in_title && figure != NULL)
            {
              g_autofree char *title = g_strndup (token.start.p, token.end - token.start.p);

              described = described || !is_blank (title);
            }
        }
      g_assert_null (figure);
    }

  g_assert_cmpuint (n_figures, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Documents, NULL, documents_set_up, func, documents_tear_down)

  ADD ("/router/documents/illustrations", test_illustrations);
  ADD ("/router/documents/links-resolve", test_links_resolve);
  ADD ("/router/documents/alt-text", test_alt_text);

  return g_test_run ();
}
