/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-bare-webview DIR URI: the floor of the page-ready and memory
 * figures of tools/bench.
 *
 * A bare GtkApplication with one GtkApplicationWindow of the app's default
 * size holding one WebKitWebView, which shows URI: the same page the app
 * shows, served with the same bytes (written to DIR by bench-dump-page)
 * under the same gma: URIs from a URI scheme handler, which is what any
 * program must do to show its own pages. Nothing more: WebKit's defaults
 * for everything else.
 *
 * With GMIS_ASSISTANT_TIMINGS=1 it prints "timing: first-frame MS" and
 * "timing: page-ready ID MS" like the app (see gma-timing.h): the page is
 * ready when its load has finished and a frame was painted after that.
 * It runs until it is killed: tools/bench reads the memory of its process
 * tree once the page is ready, then ends it.
 */
#define G_LOG_DOMAIN "gma-bench-bare-webview"
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "gma-timing.h"

static const char *page_dir;
static const char *page_uri;

static void
serve (WebKitURISchemeRequest *request,
       gpointer                user_data)
{
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GInputStream) stream = NULL;
  const char *host;
  const char *type;
  gsize size;

  host = uri ? g_uri_get_host (uri) : NULL;
  if (host == NULL || strstr (g_uri_get_path (uri), "..") != NULL)
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No page for %s",
                           webkit_uri_scheme_request_get_uri (request));
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  file = g_build_filename (page_dir, host, g_uri_get_path (uri), NULL);
  if (!g_file_get_contents (file, &data, &size, &error))
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  if (g_str_equal (host, "page") || g_str_equal (host, "faq"))
    type = "text/html";
  else if (g_str_has_suffix (file, ".css"))
    type = "text/css";
  else if (g_str_has_suffix (file, ".svg"))
    type = "image/svg+xml";
  else
    type = "application/octet-stream";

  stream = g_memory_input_stream_new_from_data (g_steal_pointer (&data), size, g_free);
  webkit_uri_scheme_request_finish (request, stream, size, type);
}

static void
on_page_painted (GdkFrameClock *frame_clock,
                 GtkWidget     *web_view)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_page_painted, web_view);

  gma_timing_mark ("page-ready", g_object_get_data (G_OBJECT (web_view), "gma-page-id"));
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  GdkFrameClock *frame_clock;

  if (event != WEBKIT_LOAD_FINISHED)
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (web_view));
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_page_painted), web_view, 0);
  gtk_widget_queue_draw (GTK_WIDGET (web_view));
}

static void
on_first_paint (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_paint, window);
  gma_timing_mark ("first-frame", NULL);
}

static void
on_map (GtkWidget *window,
        gpointer   user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_paint), window, 0);
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *web_view = webkit_web_view_new ();
  const char *slash = strrchr (page_uri, '/');

  webkit_web_context_register_uri_scheme (webkit_web_view_get_context (WEBKIT_WEB_VIEW (web_view)),
                                          "gma", serve, NULL, NULL);
  g_object_set_data_full (G_OBJECT (web_view), "gma-page-id", g_strdup (slash ? slash + 1 : page_uri), g_free);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (on_load_changed), NULL);

  gtk_window_set_title (GTK_WINDOW (window), "G-MIS Mail Assistant");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  gtk_window_set_child (GTK_WINDOW (window), web_view);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (web_view), page_uri);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DIR URI\n", argv[0]);
      return 2;
    }
  page_dir = argv[1];
  page_uri = argv[2];

  /* A unique application like gmis-assistant, under its own id. */
  app = gtk_application_new (APP_ID ".BenchBareWebView", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
