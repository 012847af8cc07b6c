/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pages.c: the pages as a person reads them in the real window: each
 * result at 800×600 without horizontal scrolling; 「全体の流れ」; zoom,
 * caret browsing, find, print and the copy links. (The documents
 * themselves, illustrations, links and alt texts, are tested without a
 * display by test-router.c.) */
#define G_LOG_DOMAIN "gma-test-pages"
#include "config.h"

#include <string.h>

#include "gma-router.h"
#include "ui-test-util.h"

static const char * const results[] = {
  "remedy-1", "remedy-2", "remedy-3", "remedy-4", "set-password", "existing-account", NULL,
};

/* ---- in the real window ------------------------------------------------------- */

/* Width of the whole document as WebKit draws it, in pixels. */
static int
document_width (WebKitWebView *web_view)
{
  g_autoptr(GdkTexture) texture = ui_snapshot_web_view (GTK_WIDGET (web_view),
                                                        WEBKIT_SNAPSHOT_REGION_FULL_DOCUMENT);

  return gdk_texture_get_width (texture);
}

static void
assert_no_horizontal_scroll (UiFixture  *fixture,
                             const char *uri)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (web_view));
  int view_width;
  int doc_width;

  /* The page loaded (its pictures too: they are part of the load), and
   * the window's layout settled and painted: only then is the view's
   * width the one the window's new size gives it (a slow build, such as
   * tools/test --sanitize, is still laying out before). */
  ui_wait_for_page (fixture, uri);
  ui_wait_for_settled_frame (fixture);
  view_width = gtk_widget_get_width (GTK_WIDGET (web_view));
  doc_width = document_width (web_view);

  g_test_message ("%s: document %d px, view %d px", uri, doc_width, view_width * scale);
  g_assert_cmpint (view_width, >, 300);
  if (doc_width > view_width * scale)
    g_error ("%s scrolls sideways: the document is %d px wide, the view %d px",
             uri, doc_width, view_width * scale);
}

static void
test_results_fit (UiFixture *fixture, gconstpointer data)
{
  ui_set_window_size (fixture, 800, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 810);

  for (guint i = 0; results[i]; i++)
    {
      g_autofree char *uri = gma_router_uri (GMA_ROUTE_PAGE, results[i]);
      const GmaNode *node;

      g_assert_true (gma_window_show_page (fixture->window, results[i]));
      node = gma_session_get_current (fixture->window->session);
      g_assert_cmpstr (gma_node_get_id (node), ==, results[i]);
      g_assert_cmpint (gma_node_get_kind (node), ==, GMA_NODE_RESULT);
      assert_no_horizontal_scroll (fixture, uri);
    }

  /* The whole flow, too */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-flow", NULL);
  assert_no_horizontal_scroll (fixture, GMA_FLOW_URI);
}

static void
test_flow (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GmaSession *session = fixture->window->session;
  GmaFlow *flow = gma_content_get_flow (fixture->content);
  /* はじめる, 届いている, 届いている, アカウント発行通知メール, アクセスできない */
  const guint path[] = { 0, 1, 1, 0, 0 };
  const char * const visited[] = { "start", "pre-notice", "issue-mail", "which-mail", "url-access", "remedy-3", NULL };
  g_autofree char *html = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    gtk_widget_activate_action (window, "wizard.answer", "u", path[i]);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-3");
  ui_wait_for_page (fixture, "gma://page/remedy-3");

  /* The result links to the whole flow. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) page = gma_router_load (fixture->content, session, "gma://page/remedy-3", NULL, &error);

    g_assert_no_error (error);
    html = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
    g_assert_nonnull (strstr (html, "<a href=\"" GMA_FLOW_URI "\">"));
    g_clear_pointer (&html, g_free);
  }

  gtk_widget_activate_action (window, "win.show-flow", NULL);
  g_assert_cmpstr (ui_wait_for_page (fixture, GMA_FLOW_URI), ==, "全体の流れ");
  /* Showing it does not change the walk. */
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-3");

  /* What the pane shows: every node once, exactly the walked ones
   * visited. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) page = gma_router_load (fixture->content, session, GMA_FLOW_URI, NULL, &error);

    g_assert_no_error (error);
    html = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  }
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const char *id = gma_node_get_id (gma_flow_get_node (flow, i));
      g_autofree char *anchor = g_strdup_printf ("id=\"node-%s\"", id);
      const char *at = strstr (html, anchor);
      const char *start;
      g_autofree char *tag = NULL;

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, anchor));
      start = g_strrstr_len (html, at - html, "<g ");
      tag = g_strndup (start, strchr (start, '>') - start);
      if ((strstr (tag, " visited") != NULL) != g_strv_contains (visited, id))
        g_error ("node %s: visited should be %d in %s", id, g_strv_contains (visited, id), tag);
    }

  /* The style sheet the picture needs is served. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) css = gma_router_load (fixture->content, session, GMA_FLOW_STYLE_URI, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (g_bytes_get_data (css, NULL), ".gma-flow-diagram .node.visited"));
  }
}

static void
test_zoom (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  GSettings *settings = fixture->window->settings;
  g_auto(GStrv) accels = NULL;

  g_settings_reset (settings, "zoom-level");
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.0, 0.001);

  gtk_widget_activate_action (window, "page.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.1, 0.001);
  gtk_widget_activate_action (window, "page.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.25, 0.001);

  gtk_widget_activate_action (window, "page.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.0, 0.001);
  gtk_widget_activate_action (window, "page.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 0.9, 0.001);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 0.9, 0.001);

  /* Never beyond the setting's range */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (window, "page.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 3.0, 0.001);
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (window, "page.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 0.5, 0.001);

  /* Remembered: a change of the setting (another window, an
   * administrator) applies to the pane. */
  g_settings_set_double (settings, "zoom-level", 1.5);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.5, 0.001);
  g_settings_reset (settings, "zoom-level");
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view), 1.0, 0.001);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "page.zoom-in");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>plus"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "page.zoom-reset");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>0"));
}

static void
test_caret (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  WebKitSettings *settings = webkit_web_view_get_settings (web_view);
  g_auto(GStrv) accels = NULL;

  g_assert_false (webkit_settings_get_enable_caret_browsing (settings));
  gtk_widget_activate_action (window, "page.caret-browsing", NULL);
  g_assert_true (webkit_settings_get_enable_caret_browsing (settings));
  gtk_widget_activate_action (window, "page.caret-browsing", NULL);
  g_assert_false (webkit_settings_get_enable_caret_browsing (settings));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "page.caret-browsing");
  g_assert_true (g_strv_contains ((const char * const *) accels, "F7"));
}

static void
test_copy_action (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GmaPageView *page_view = fixture->window->page_view;
  const char *url = "https://www.g-mis.mhlw.go.jp/a b?x=1&y=%2F#top";
  g_autofree char *escaped = g_uri_escape_string (url, NULL, FALSE);
  g_autofree char *link = g_strconcat ("gma://action/copy?text=", escaped, NULL);
  g_autofree char *text = NULL;

  g_signal_emit_by_name (page_view, "action", link);
  text = ui_dup_clipboard_text (window);
  g_assert_cmpstr (text, ==, url);
  g_clear_pointer (&text, g_free);

  /* The links the pages carry work the same way. */
  g_signal_emit_by_name (page_view, "action", "gma://action/copy?text=info%40g-mis.net");
  text = ui_dup_clipboard_text (window);
  g_assert_cmpstr (text, ==, "info@g-mis.net");
  g_clear_pointer (&text, g_free);

  /* Anything else changes nothing. */
  g_signal_emit_by_name (page_view, "action", "gma://action/copy");
  g_signal_emit_by_name (page_view, "action", "gma://action/copy?text=");
  g_signal_emit_by_name (page_view, "action", "gma://action/copy?other=x");
  g_signal_emit_by_name (page_view, "action", "gma://action/delete?text=x");
  g_signal_emit_by_name (page_view, "action", "gma://page/copy?text=x");
  g_signal_emit_by_name (page_view, "action", "https://action/copy?text=x");
  text = ui_dup_clipboard_text (window);
  g_assert_cmpstr (text, ==, "info@g-mis.net");
}

typedef struct {
  guint matches;
  gboolean failed;
} FindResult;

static void
on_found_text (WebKitFindController *find,
               guint                 match_count,
               FindResult           *result)
{
  result->matches = match_count;
}

static void
on_failed_to_find (WebKitFindController *find,
                   FindResult           *result)
{
  result->failed = TRUE;
}

static gboolean
find_answered (gpointer data)
{
  FindResult *result = data;

  return result->matches > 0 || result->failed;
}

static void
test_find_and_print (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  WebKitFindController *find = webkit_web_view_get_find_controller (web_view);
  FindResult result = { 0 };
  g_auto(GStrv) accels = NULL;
  GtkWidget *probe;

  g_assert_true (gma_window_show_page (fixture->window, "remedy-2"));
  ui_wait_for_page (fixture, "gma://page/remedy-2");

  g_signal_connect (find, "found-text", G_CALLBACK (on_found_text), &result);
  g_signal_connect (find, "failed-to-find-text", G_CALLBACK (on_failed_to_find), &result);

  g_assert_false (gtk_search_bar_get_search_mode (fixture->window->find_bar));
  gtk_widget_activate_action (window, "page.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (fixture->window->find_bar));

  gtk_editable_set_text (fixture->window->find_entry, "迷惑メール");
  /* The entry waits a moment before it says the text changed. */
  ui_wait_until (find_answered, &result, "the page to find the text");
  g_assert_false (result.failed);
  g_assert_cmpuint (result.matches, >, 0);
  g_assert_cmpstr (webkit_find_controller_get_search_text (find), ==, "迷惑メール");

  /* Escape closes the bar. */
  g_signal_emit_by_name (fixture->window->find_entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (fixture->window->find_bar));

  g_signal_handlers_disconnect_by_data (find, &result);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "page.find");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
  g_clear_pointer (&accels, g_strfreev);
  /* Ctrl+F is the page's find only. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.search");
  g_assert_false (g_strv_contains ((const char * const *) accels, "<Control>f"));
  g_clear_pointer (&accels, g_strfreev);

  /* Print: installed, enabled, on Ctrl+P (not run: it opens a dialog).
   * A button for the action is sensitive exactly when it is enabled. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "page.print");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));
  probe = gtk_button_new ();
  gtk_widget_set_parent (probe, GTK_WIDGET (fixture->window->find_bar));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "page.print");
  g_assert_true (gtk_widget_get_sensitive (probe));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "page.no-such-action");
  g_assert_false (gtk_widget_get_sensitive (probe));
  gtk_widget_unparent (probe);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/pages/results-fit-800", test_results_fit);
  ADD ("/pages/flow", test_flow);
  ADD ("/pages/zoom", test_zoom);
  ADD ("/pages/caret", test_caret);
  ADD ("/pages/copy-action", test_copy_action);
  ADD ("/pages/find-and-print", test_find_and_print);

  return g_test_run ();
}
