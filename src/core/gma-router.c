/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-router"
#include "config.h"

#include "gma-render.h"
#include "gma-router.h"

static const struct {
  GmaRoute route;
  const char *host;
} routes[] = {
  { GMA_ROUTE_PAGE, "page" },
  { GMA_ROUTE_FAQ, "faq" },
  { GMA_ROUTE_CONTENT, "content" },
  { GMA_ROUTE_APP, "app" },
  { GMA_ROUTE_ACTION, "action" },
};

/* The app's own files that pages may load (resources under web/), all
 * style sheets. */
static const char * const app_files[] = { "page.css", "flow-diagram.css", NULL };

GmaRoute
gma_router_parse (const char  *uri,
                  char       **argument,
                  char       **query)
{
  g_autoptr(GUri) parsed = NULL;
  const char *host;
  const char *path;
  GmaRoute route = GMA_ROUTE_INVALID;

  g_return_val_if_fail (argument != NULL, GMA_ROUTE_INVALID);

  *argument = NULL;
  if (query != NULL)
    *query = NULL;

  if (uri == NULL)
    return GMA_ROUTE_INVALID;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), GMA_URI_SCHEME) != 0)
    return GMA_ROUTE_INVALID;

  host = g_uri_get_host (parsed);
  for (guint i = 0; host != NULL && i < G_N_ELEMENTS (routes); i++)
    if (g_ascii_strcasecmp (host, routes[i].host) == 0)
      route = routes[i].route;
  if (route == GMA_ROUTE_INVALID)
    return GMA_ROUTE_INVALID;

  /* g_uri_parse() without ENCODED_PATH has decoded the path already. */
  path = g_uri_get_path (parsed);
  if (path == NULL || path[0] != '/' || path[1] == '\0')
    return GMA_ROUTE_INVALID;

  *argument = g_strdup (path + 1);
  if (query != NULL && g_uri_get_query (parsed) != NULL)
    *query = g_uri_unescape_string (g_uri_get_query (parsed), NULL);

  return route;
}

char *
gma_router_uri (GmaRoute    route,
                const char *argument)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (argument != NULL, NULL);

  escaped = g_uri_escape_string (argument, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (routes[i].route == route)
      return g_strdup_printf ("%s://%s/%s", GMA_URI_SCHEME, routes[i].host, escaped);

  g_return_val_if_reached (NULL);
}

char *
gma_router_uri_for_search (GmaRoute    route,
                           const char *argument,
                           const char *search)
{
  g_autofree char *uri = gma_router_uri (route, argument);
  g_autofree char *escaped = NULL;

  if (uri == NULL || search == NULL || search[0] == '\0')
    return g_steal_pointer (&uri);

  escaped = g_uri_escape_string (search, NULL, FALSE);
  return g_strconcat (uri, "?q=", escaped, NULL);
}

/* The search of a page's URI ("?q=…"), or NULL. gma_router_parse() has
 * decoded the whole query, so everything after "q=" is the search, "&"
 * included. */
static const char *
search_of_query (const char *query)
{
  if (query == NULL || !g_str_has_prefix (query, "q=") || query[2] == '\0')
    return NULL;
  return query + 2;
}

static GBytes *
string_to_bytes (char        *owned_text,
                 char       **content_type)
{
  if (content_type != NULL)
    *content_type = g_strdup ("text/html; charset=utf-8");
  return g_bytes_new_take (owned_text, strlen (owned_text));
}

/* A page or FAQ answer, with the counter's card where its markers are. */
static GBytes *
document_to_bytes (GmaContent        *content,
                   char              *owned_html,
                   const GmaContact  *contact,
                   char             **content_type)
{
  char *filled = gma_render_fill_contact (owned_html, contact,
                                          gma_content_get_language (content));

  g_free (owned_html);
  return string_to_bytes (filled, content_type);
}

static GBytes *
not_found (const char  *uri,
           GError     **error)
{
  g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
               "Nothing is served at %s", uri);
  return NULL;
}

GBytes *
gma_router_load (GmaContent  *content,
                 GmaSession  *session,
                 const char  *uri,
                 char       **content_type,
                 GError     **error)
{
  return gma_router_load_with_contact (content, session, NULL, uri, content_type, error);
}

GBytes *
gma_router_load_with_contact (GmaContent        *content,
                              GmaSession        *session,
                              const GmaContact  *contact,
                              const char        *uri,
                              char             **content_type,
                              GError           **error)
{
  g_autofree char *argument = NULL;
  g_autofree char *query = NULL;
  GmaRoute route;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_SESSION (session), NULL);

  if (content_type != NULL)
    *content_type = NULL;

  route = gma_router_parse (uri, &argument, &query);

  switch (route)
    {
    case GMA_ROUTE_PAGE:
      {
        const GmaNode *node;
        char *html;

        if (gma_content_resolve (content, argument, &node, NULL) != GMA_PAGE_NODE)
          return not_found (uri, error);
        if (!(html = gma_render_node_page_for_query (content, session, node, search_of_query (query), error)))
          return NULL;
        return document_to_bytes (content, html, contact, content_type);
      }

    case GMA_ROUTE_FAQ:
      {
        GmaFaqEntry *entry;
        char *html;

        if (gma_content_resolve (content, argument, NULL, &entry) != GMA_PAGE_FAQ)
          return not_found (uri, error);
        if (!(html = gma_render_faq_page_for_query (content, entry, search_of_query (query), error)))
          return NULL;
        return document_to_bytes (content, html, contact, content_type);
      }

    case GMA_ROUTE_CONTENT:
      return gma_content_load_file (content, argument, content_type, error);

    case GMA_ROUTE_APP:
      if (g_strcmp0 (argument, "flow") == 0)
        {
          char *html = gma_render_flow_page (content, session, error);

          return html ? string_to_bytes (html, content_type) : NULL;
        }
      if (g_strv_contains (app_files, argument))
        {
          g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/web/", argument, NULL);
          GBytes *bytes;

          gma_content_register_resources ();
          bytes = g_resources_lookup_data (path, 0, error);

          if (bytes != NULL && content_type != NULL)
            *content_type = g_strdup ("text/css");
          return bytes;
        }
      return not_found (uri, error);

    case GMA_ROUTE_ACTION:
    case GMA_ROUTE_INVALID:
    default:
      return not_found (uri, error);
    }
}
