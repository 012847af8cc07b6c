/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the UI tests: a real application and window, and
 * waiting for the real web view. */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "gma-application.h"
#include "gma-page-view.h"
#include "gma-window-private.h"

#define UI_TEST_TIMEOUT_SECONDS 60

typedef struct {
  GmaApplication *app;
  GmaWindow *window;
  GmaContent *content;
} UiFixture;

static gboolean
ui_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done returns TRUE, failing the test after
 * UI_TEST_TIMEOUT_SECONDS. */
static inline void
ui_wait_until (gboolean (*done) (gpointer), gpointer data, const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (UI_TEST_TIMEOUT_SECONDS, ui_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static inline void
ui_wait_ms (guint ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, ui_timeout_cb, &timed_out);

  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

typedef struct {
  GmaPageView *page_view;
  const char *uri;
} LoadWait;

static gboolean
page_loaded (gpointer data)
{
  LoadWait *wait = data;

  const char *title = gma_page_view_get_title (wait->page_view);

  /* The title comes from the web process in a message of its own, which
   * may arrive after the load has finished: every page has one. */
  return !gma_page_view_is_loading (wait->page_view) &&
         g_strcmp0 (gma_page_view_get_shown_uri (wait->page_view), wait->uri) == 0 &&
         title != NULL && title[0] != '\0';
}

/* Waits until the pane has finished loading @uri; returns its title as
 * WebKit reports it. */
static inline const char *
ui_wait_for_page (UiFixture *fixture, const char *uri)
{
  LoadWait wait = { fixture->window->page_view, uri };
  g_autofree char *what = g_strdup_printf ("the page %s", uri);

  ui_wait_until (page_loaded, &wait, what);
  return gma_page_view_get_title (fixture->window->page_view);
}

typedef struct {
  GmaPageView *page_view;
  const char  *uri;
  const char  *title;
} TitleWait;

static gboolean
page_has_title (gpointer data)
{
  TitleWait *wait = data;

  return !gma_page_view_is_loading (wait->page_view) &&
         g_strcmp0 (gma_page_view_get_shown_uri (wait->page_view), wait->uri) == 0 &&
         g_strcmp0 (gma_page_view_get_title (wait->page_view), wait->title) == 0;
}

/* Waits until WebKit shows @uri with the title @title. */
static inline void
ui_wait_for_title (UiFixture  *fixture,
                   const char *uri,
                   const char *title)
{
  TitleWait wait = { fixture->window->page_view, uri, title };
  g_autofree char *what = g_strdup_printf ("%s titled “%s” (it shows “%s”)", uri, title,
                                           gma_page_view_get_title (fixture->window->page_view));

  ui_wait_until (page_has_title, &wait, what);
}

static gboolean
window_drawn (gpointer data)
{
  UiFixture *fixture = data;
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         gma_page_view_get_web_view (fixture->window->page_view) != NULL;
}

/* One application per test program, as in real life; a window per test. */
static inline GmaApplication *
ui_get_application (void)
{
  static GmaApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = gma_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }

  return app;
}

/* Opens a window of @fixture->app on the embedded content and waits for
 * its first frame and its web view, like a person waits for the window. */
static inline void
ui_fixture_open_window (UiFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->content = gma_content_new_embedded (&error);
  g_assert_no_error (error);

  fixture->window = gma_window_new (fixture->app);
  gma_window_set_content (fixture->window, fixture->content, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));

  ui_wait_until (window_drawn, fixture, "the window's first frame and web view");
}

static inline void
ui_fixture_set_up (UiFixture *fixture, gconstpointer data)
{
  fixture->app = g_object_ref (ui_get_application ());
  ui_fixture_open_window (fixture);
}

static inline void
ui_fixture_tear_down (UiFixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->content);
  g_clear_object (&fixture->app);
}

static inline void
ui_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}
