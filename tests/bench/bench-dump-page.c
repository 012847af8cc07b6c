/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-dump-page DIR ID: writes what the app's page pane is served for
 * page ID of the embedded content (its HTML, and every gma: file the page
 * refers to: the style sheet, the illustrations) to DIR, one file per URI:
 * gma://HOST/PATH goes to DIR/HOST/PATH, and the page itself to
 * DIR/page/ID. tests/bench/bench-bare-webview then serves exactly these bytes
 * under the same URIs, so both show the same page. Part of tools/bench,
 * not a test.
 */
#define G_LOG_DOMAIN "gma-bench-dump-page"
#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>

#include "gma-content.h"
#include "gma-router.h"
#include "gma-session.h"

/* Where gma://HOST/PATH is written in @dir; NULL for anything else. */
static char *
file_for_uri (const char *dir,
              const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *path;

  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), GMA_URI_SCHEME) != 0 ||
      g_uri_get_host (parsed) == NULL || g_uri_get_query (parsed) != NULL)
    return NULL;

  path = g_uri_get_path (parsed);
  if (strstr (path, "..") != NULL)
    return NULL;

  return g_build_filename (dir, g_uri_get_host (parsed), path, NULL);
}

static gboolean
dump (GmaContent  *content,
      GmaSession  *session,
      const char  *dir,
      const char  *uri,
      GHashTable  *seen,
      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *file = NULL;
  g_autofree char *parent = NULL;
  const char *data;
  gsize size;

  if (!g_hash_table_add (seen, g_strdup (uri)))
    return TRUE;

  file = file_for_uri (dir, uri);
  if (file == NULL)
    return TRUE;

  bytes = gma_router_load (content, session, uri, &content_type, error);
  if (bytes == NULL)
    return FALSE;

  parent = g_path_get_dirname (file);
  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "%s: %s", parent, g_strerror (errno));
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (file, data, size, error))
    return FALSE;

  /* Follow what the page loads: the src= of its images and the href= of
   * its style sheets (page.css refers to nothing). Links to other pages
   * are not loaded by this one. */
  if (g_str_has_prefix (content_type, "text/html"))
    {
      static const char *const loads[] = { "src=\"", "rel=\"stylesheet\" href=\"" };
      g_autofree char *text = g_strndup (data, size);

      for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
        for (const char *p = strstr (text, loads[i]); p != NULL; p = strstr (p, loads[i]))
          {
            gsize len;
            g_autofree char *ref = NULL;

            p += strlen (loads[i]);
            len = strcspn (p, "\"");
            ref = g_strndup (p, len);
            if (g_str_has_prefix (ref, GMA_URI_SCHEME ":") &&
                !dump (content, session, dir, ref, seen, error))
              return FALSE;
          }
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GmaSession) session = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *uri = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DIR PAGE-ID\n", argv[0]);
      return 2;
    }

  content = gma_content_new_embedded (&error);
  if (content == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  session = gma_session_new (gma_content_get_flow (content));
  if (!gma_session_jump_to (session, argv[2]))
    {
      g_printerr ("%s: no page “%s” in the flow\n", argv[0], argv[2]);
      return 2;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uri = gma_router_uri (GMA_ROUTE_PAGE, argv[2]);
  if (!dump (content, session, argv[1], uri, seen, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* What was written, the page first. */
  g_hash_table_remove (seen, uri);
  g_print ("%s\n", uri);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_print ("%s\n", (const char *) key);
  }

  return 0;
}
