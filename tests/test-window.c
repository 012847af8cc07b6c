/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the real window under Xvfb: the answer buttons, back, change,
 * start over, the FAQ sidebar, and the real web view's pages. */
#define G_LOG_DOMAIN "gma-test-window"
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

#include "test-util.h"
#include "ui-test-util.h"

static GtkWidget *
find_with_class (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
expected_title (const GmaNode *node)
{
  const char *reference = gma_node_get_reference (node);

  if (reference != NULL)
    return g_strdup_printf ("%s %s", reference, gma_node_get_title (node));
  return g_strdup (gma_node_get_title (node));
}

static char *
page_uri (const char *id)
{
  return g_strdup_printf ("gma://page/%s", id);
}

static void
test_intro (UiFixture *fixture, gconstpointer data)
{
  GmaFlow *flow = gma_content_get_flow (fixture->content);
  const GmaNode *start = gma_flow_get_start (flow);
  g_autofree char *uri = page_uri ("start");
  g_autofree char *title = expected_title (start);
  GtkWidget *button;

  g_assert_cmpstr (ui_wait_for_page (fixture, uri), ==, title);

  /* One button, carrying the content's label. */
  button = gma_question_view_get_answer_button (fixture->window->question_view, 0);
  g_assert_nonnull (button);
  g_assert_null (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   gma_node_get_answer_label (start, 0));

  /* The window says which year's guidance it shows. */
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->subtitle_label),
                            gma_content_get_edition (fixture->content)));
}

/* Collects every walk from @node to a result, as lists of answer indexes. */
static void
collect_walks (const GmaNode *node, GArray *prefix, GPtrArray *walks)
{
  if (gma_node_get_kind (node) == GMA_NODE_RESULT)
    {
      GArray *walk = g_array_copy (prefix);
      g_ptr_array_add (walks, walk);
      return;
    }

  for (guint i = 0; i < gma_node_get_n_answers (node); i++)
    {
      g_array_append_val (prefix, i);
      collect_walks (gma_node_get_answer_target (node, i), prefix, walks);
      g_array_set_size (prefix, prefix->len - 1);
    }
}

static void
test_every_walk (UiFixture *fixture, gconstpointer data)
{
  GmaFlow *flow = gma_content_get_flow (fixture->content);
  GmaSession *session = gma_window_get_session (fixture->window);
  g_autoptr(GPtrArray) walks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) prefix = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) results = g_hash_table_new (g_str_hash, g_str_equal);

  collect_walks (gma_flow_get_start (flow), prefix, walks);
  g_assert_cmpuint (walks->len, ==, 9);

  for (guint w = 0; w < walks->len; w++)
    {
      GArray *walk = g_ptr_array_index (walks, w);
      const GmaNode *node = gma_flow_get_start (flow);
      g_autofree char *uri = NULL;
      g_autofree char *title = NULL;

      if (w > 0)
        gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.restart", NULL);
      g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");

      for (guint i = 0; i < walk->len; i++)
        {
          guint answer = g_array_index (walk, guint, i);
          GtkWidget *button = gma_question_view_get_answer_button (fixture->window->question_view, answer);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

          /* The button says what the guide says. */
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                           gma_node_get_answer_label (node, answer));
          ui_click (button);
          node = gma_node_get_answer_target (node, answer);
          g_assert_true (gma_session_get_current (session) == node);
        }

      g_assert_cmpint (gma_node_get_kind (node), ==, GMA_NODE_RESULT);
      uri = page_uri (gma_node_get_id (node));
      title = expected_title (node);
      g_assert_cmpstr (ui_wait_for_page (fixture, uri), ==, title);
      {
        GtkWidget *reference = find_with_class (GTK_WIDGET (fixture->window->question_view), "reference-label");
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reference)), ==,
                         gma_node_get_reference (node) ? gma_node_get_reference (node) : "");
        g_assert_true (gtk_widget_get_visible (reference) == (gma_node_get_reference (node) != NULL));
      }
      g_hash_table_add (results, (gpointer) gma_node_get_id (node));
    }

  /* All six results were reached. */
  g_assert_cmpuint (g_hash_table_size (results), ==, 6);
}

static void
click_path (UiFixture *fixture, const guint *answers, guint n)
{
  for (guint i = 0; i < n; i++)
    ui_click (gma_question_view_get_answer_button (fixture->window->question_view, answers[i]));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_back_change_restart (UiFixture *fixture, gconstpointer data)
{
  GmaSession *session = gma_window_get_session (fixture->window);
  GtkWidget *row;
  GtkPopover *popover;
  GtkWidget *box, *button;
  /* はじめる, 届いていない (pre-notice), 空き容量は十分にある, 迷惑メールフォルダにあった */
  const guint path[] = { 0, 0, 1, 0 };
  g_autofree char *remedy2 = page_uri ("remedy-2");
  g_autofree char *remedy1 = page_uri ("remedy-1");
  g_autofree char *spam = page_uri ("spam-folder");

  click_path (fixture, path, G_N_ELEMENTS (path));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-2");
  ui_wait_for_page (fixture, remedy2);

  /* Back (the header button's action) returns to the question. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (fixture->window->question_view)))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.back", NULL);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "spam-folder");
  ui_wait_for_page (fixture, spam);

  /* Go on again, then change the mailbox answer through its row: the
   * later answer is dropped and the walk continues from the new one. */
  click_path (fixture, (const guint[]) { 0 }, 1);
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 4);
  row = gma_question_view_get_step_row (fixture->window->question_view, 2);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  popover = gma_question_view_get_change_popover (fixture->window->question_view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  box = gtk_popover_get_child (popover);
  /* heading, then one button per answer: answer 0 is 空き容量が不足している */
  button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  /* On Wayland a popover maps once the compositor has placed it. */
  ui_wait_until (widget_mapped, button, "the popover's answer button on screen");
  ui_click (button);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-1");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 3);
  g_assert_null (gma_question_view_get_step_row (fixture->window->question_view, 3));
  g_assert_cmpstr (ui_wait_for_page (fixture, remedy1), ==,
                   "対応方法1 メールボックスの空き容量が不足していた場合");

  /* Alt+Left is the accelerator of back. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "wizard.back");
    /* The accels are set in startup(), which a registered test app ran. */
    g_assert_true (g_strv_contains ((const char * const *) accels, "<Alt>Left"));
  }

  /* Start over. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.restart", NULL);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 0);
  g_assert_null (gma_question_view_get_step_row (fixture->window->question_view, 1));
  g_assert_false (gtk_widget_get_visible (find_with_class (GTK_WIDGET (fixture->window->question_view), "boxed-list")));
}

static void
test_copy_summary (UiFixture *fixture, gconstpointer data)
{
  /* はじめる, 届いている, 届いている, アカウント発行通知メール, アクセスできない */
  const guint path[] = { 0, 1, 1, 0, 0 };
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  GdkContentProvider *provider;
  GValue value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  const char *text;

  click_path (fixture, path, G_N_ELEMENTS (path));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-summary", NULL);

  provider = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (provider);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  text = g_value_get_string (&value);
  g_assert_nonnull (strstr (text, "対応方法3"));
  g_assert_nonnull (strstr (text, "アクセスできない"));
  g_assert_nonnull (strstr (text, "https://www.g-mis.mhlw.go.jp/"));
  g_assert_nonnull (strstr (text, "アカウント発行通知メール"));
  g_value_unset (&value);

  /* Another application pastes the same text: the copy went through the
   * display server (the X server, or the Wayland compositor, which takes
   * this first claim of the program; see test-kiosk-window.c,
   * display_server_takes_every_claim()). */
  {
    g_autofree char *pasted = ui_read_clipboard_elsewhere (gtk_widget_get_display (GTK_WIDGET (fixture->window)));

    g_assert_nonnull (pasted);
    g_assert_nonnull (strstr (pasted, "対応方法3"));
    g_assert_nonnull (strstr (pasted, "https://www.g-mis.mhlw.go.jp/"));
  }
}

static void
test_faq (UiFixture *fixture, gconstpointer data)
{
  GtkListBox *list = gma_faq_sidebar_get_list (fixture->window->sidebar);
  GtkEditable *entry = gma_faq_sidebar_get_search_entry (fixture->window->sidebar);
  GtkWidget *row;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) some = NULL;
  GmaFaqEntry *faq_entry;
  g_autofree char *title = NULL;

  all = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);
  g_assert_cmpuint (g_strv_length (all), ==, 17);
  g_assert_cmpstr (all[0], ==, "faq-1-1");
  g_assert_cmpstr (all[16], ==, "faq-4-3");

  /* Choosing an entry shows its answer in the pane. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 10));
  faq_entry = g_object_get_data (G_OBJECT (row), "gma-faq-entry");
  g_assert_cmpstr (gma_faq_entry_get_id (faq_entry), ==, "faq-3-1");
  g_signal_emit_by_name (row, "activate");
  title = g_strdup_printf ("FAQ 3-1 %s", gma_faq_entry_get_question (faq_entry));
  g_assert_cmpstr (ui_wait_for_page (fixture, "gma://faq/faq-3-1"), ==, title);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row));

  /* The search entry filters (search-changed is delayed: wait for it). */
  gtk_editable_set_text (entry, "ログインID");
  ui_wait_ms (400);
  some = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);
  g_assert_cmpuint (g_strv_length (some), >, 0);
  g_assert_cmpuint (g_strv_length (some), <, 17);
  g_assert_true (g_strv_contains ((const char * const *) some, "faq-3-3"));
  g_assert_false (g_strv_contains ((const char * const *) some, "faq-1-2"));

  /* F9 hides the sidebar (the toggle action). */
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
}

static void
test_foreign_navigation_refused (UiFixture *fixture, gconstpointer data)
{
  WebKitWebView *web_view;
  g_autofree char *uri = page_uri ("start");

  ui_wait_for_page (fixture, uri);
  web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));

  /* Neither a site nor a local file nor data: may replace the page. */
  webkit_web_view_load_uri (web_view, "https://www.g-mis.mhlw.go.jp/");
  ui_wait_ms (500);
  webkit_web_view_load_uri (web_view, "file:///etc/passwd");
  ui_wait_ms (500);
  webkit_web_view_load_uri (web_view, "data:text/html,<title>x</title>");
  ui_wait_ms (500);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==,
                   gma_node_get_title (gma_flow_get_start (gma_content_get_flow (fixture->content))));
}

/* A page that asks for something on the network gets nothing: the CSP
 * blocks it before any connection. A loopback server counts attempts. */
static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  guint *count = data;
  (*count)++;
  return FALSE;
}

static void
test_no_remote_request (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *start = page_uri ("start");
  WebKitWebView *web_view;
  guint16 port;
  guint count = 0;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), &count);
  g_socket_service_start (service);

  ui_wait_for_page (fixture, start);
  web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));

  /* Sanity check of the counter itself: a plain connection is counted. */
  {
    g_autoptr(GSocketClient) client = g_socket_client_new ();
    g_autoptr(GSocketConnection) connection =
      g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
    g_assert_no_error (error);
    ui_wait_ms (200);
    g_assert_cmpuint (count, ==, 1);
    count = 0;
  }

  html = g_strdup_printf ("<!DOCTYPE html><html><head><title>remote</title>"
                          "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%u/a.css\"></head>"
                          "<body><img src=\"http://127.0.0.1:%u/b.png\">"
                          "<iframe src=\"http://127.0.0.1:%u/c.html\"></iframe></body></html>",
                          port, port, port);
  webkit_web_view_load_html (web_view, html, "gma://page/start");
  {
    LoadWait wait = { fixture->window->page_view, "gma://page/start" };
    ui_wait_until (page_loaded, &wait, "the remote-resource page");
  }
  ui_wait_ms (1000);
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "remote");
  g_assert_cmpuint (count, ==, 0);

  g_socket_service_stop (service);
}

static void
test_web_settings (UiFixture *fixture, gconstpointer data)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  WebKitSettings *settings = webkit_web_view_get_settings (web_view);
  WebKitNetworkSession *session = webkit_web_view_get_network_session (web_view);

  g_assert_false (webkit_settings_get_enable_javascript (settings));
  g_assert_false (webkit_settings_get_enable_javascript_markup (settings));
  g_assert_false (webkit_settings_get_enable_developer_extras (settings));
  /* Painted on the CPU: no GPU compositing (see gma-web-module.c). */
  g_assert_cmpint (webkit_settings_get_hardware_acceleration_policy (settings), ==,
                   WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  g_assert_true (webkit_network_session_is_ephemeral (session));
  g_assert_cmpstr (webkit_web_view_get_default_content_security_policy (web_view), ==, GMA_PAGE_CSP);
}

static void
test_page_option (UiFixture *fixture, gconstpointer data)
{
  GmaSession *session = gma_window_get_session (fixture->window);

  g_assert_true (gma_window_show_page (fixture->window, "remedy-4"));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-4");
  /* The walk that leads there is shown as answers. */
  g_assert_nonnull (gma_question_view_get_step_row (fixture->window->question_view, 1));
  g_assert_cmpstr (ui_wait_for_page (fixture, "gma://page/remedy-4"), ==,
                   "対応方法4 既存のアカウントが無いにも関わらず、アカウント発行通知メールが届かない");

  g_assert_true (gma_window_show_page (fixture->window, "faq-2-4"));
  ui_wait_for_page (fixture, "gma://faq/faq-2-4");
  g_assert_false (gma_window_show_page (fixture->window, "no-such-page"));
}

static void
test_broken_override (UiFixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("gma-override-XXXXXX", NULL);
  g_autofree char *flow = g_build_filename (dir, "flow.json", NULL);
  g_autofree char *override_error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GError) error = NULL;

  /* A truncated flow.json: the embedded content is used, the error is
   * shown at the top of the window and names the file. */
  g_assert_true (g_file_set_contents (flow, "{\"format\": 1, \"nodes\": [", -1, NULL));
  content = gma_content_load (dir, NULL, &override_error, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);
  g_assert_true (gma_content_is_embedded (content));
  g_assert_nonnull (override_error);
  g_assert_nonnull (strstr (override_error, "flow.json"));

  gma_window_set_content (fixture->window, content, override_error);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->error_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->error_label), "flow.json"));
  ui_wait_for_page (fixture, "gma://page/start");

  g_remove (flow);
  g_rmdir (dir);
}

static void
test_narrow (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  ui_set_window_size (fixture, 800, 600);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 810);
  g_assert_true (gtk_widget_has_css_class (window, "narrow"));
  /* Collapsed: the wizard and the page share the window. */
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  g_assert_true (gtk_widget_get_visible (fixture->window->wizard_column));

  /* Asked for, the FAQ takes the wizard's place; choosing an entry gives
   * it back. */
  gtk_widget_activate_action (window, "win.toggle-sidebar", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  g_assert_false (gtk_widget_get_visible (fixture->window->wizard_column));
  gtk_widget_activate_action (window, "win.show-faq", "s", "faq-1-2");
  g_assert_true (gtk_widget_get_visible (fixture->window->wizard_column));
  ui_wait_for_page (fixture, "gma://faq/faq-1-2");

  ui_set_window_size (fixture, 1280, 800);
  g_assert_false (gtk_widget_has_css_class (window, "narrow"));
}

static char *
get_language (GmaWindow *window)
{
  char *language = NULL;

  g_object_get (window, "content-language", &language, NULL);
  return language;
}

/* 日本語 / English in the header menu: everything changes at once, the
 * walk and the page shown stay. */
static void
test_language_switch (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GSettings *settings = gma_application_get_settings (fixture->app);
  GmaSession *session;
  g_autofree char *language = NULL;
  static const guint answers[] = { 0, 0, 1, 0 };  /* start → … → remedy-2 */

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    gtk_widget_activate_action (window, "wizard.answer", "u", answers[i]);
  ui_wait_for_title (fixture, "gma://page/remedy-2", "対応方法2 迷惑メールフォルダにメールがあった場合");
  language = get_language (fixture->window);
  g_assert_cmpstr (language, ==, "ja");

  gtk_widget_activate_action (window, "win.content-language", "s", "en");
  ui_wait_for_title (fixture, "gma://page/remedy-2", "Remedy 2 When the mail was in the junk mail folder");
  g_clear_pointer (&language, g_free);
  language = get_language (fixture->window);
  g_assert_cmpstr (language, ==, "en");
  g_assert_cmpstr (gma_content_get_language (gma_window_get_content (fixture->window)), ==, "en");

  /* The walk is the same walk, now in English */
  session = gma_window_get_session (fixture->window);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-2");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, G_N_ELEMENTS (answers));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_cmpuint (gma_session_get_step_answer (session, i), ==, answers[i]);
  g_assert_cmpstr (gma_node_get_answer_label (gma_session_get_step_node (session, 1), 0), ==,
                   "Not received");
  /* The subtitle follows the content (test-japanese-ui checks it under
   * a Japanese locale too). */
  g_assert_cmpstr (gtk_label_get_text (fixture->window->subtitle_label), ==,
                   "Based on the guidance of fiscal year 2023 (令和5年度), November 2023");
  /* Remembered on a desktop */
  {
    g_autofree char *stored = g_settings_get_string (settings, "content-language");
    g_assert_cmpstr (stored, ==, "en");
  }

  /* An FAQ answer shown stays shown across a switch */
  gtk_widget_activate_action (window, "win.show-faq", "s", "faq-3-1");
  ui_wait_for_title (fixture, "gma://faq/faq-3-1",
                  "FAQ 3-1 We lost the account issuance notification mail and cannot log in.");
  gtk_widget_activate_action (window, "win.content-language", "s", "ja");
  ui_wait_for_title (fixture, "gma://faq/faq-3-1",
                  "FAQ 3-1 アカウント発行通知メールを紛失してしまい、ログインできない。");
  g_assert_cmpstr (gtk_label_get_text (fixture->window->subtitle_label), ==,
                   "令和5年度（2023年11月）の案内に基づく");

  /* …and back in Japanese the walk is still there */
  session = gma_window_get_session (fixture->window);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-2");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, G_N_ELEMENTS (answers));
  g_assert_cmpstr (gma_node_get_answer_label (gma_session_get_step_node (session, 1), 0), ==,
                   "届いていない");
  gtk_widget_activate_action (window, "win.show-flow", NULL);
  gtk_widget_activate_action (window, "wizard.back", NULL);
  ui_wait_for_title (fixture, "gma://page/spam-folder",
                  "「迷惑メールフォルダ」に当該メールがありますか");

  g_settings_reset (settings, "content-language");
}

/* An override without English: the window stays Japanese and says why. */
static void
test_language_unavailable (UiFixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *override_error = NULL;
  g_autofree char *language = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  content = gma_content_load (dir, "ja", &override_error, &error);
  g_assert_no_error (error);
  g_assert_null (override_error);
  gma_window_set_content (fixture->window, content, NULL);
  ui_wait_for_title (fixture, "gma://page/start", "はじめに");

  g_assert_false (gma_window_set_language (fixture->window, "en"));
  language = get_language (fixture->window);
  g_assert_cmpstr (language, ==, "ja");
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->error_revealer));
  message = gtk_label_get_text (fixture->window->error_label);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "flow.json: $.source.en"));
  /* The first gaps, and where to see them all */
  g_assert_nonnull (strstr (message, "--validate-content"));
}

/* The web process dies on a desktop while an FAQ answer is shown: the
 * rebuilt pane shows that answer again, not the question's page, and the
 * walk stays. */
static void
test_web_process_crash (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  gtk_widget_activate_action (window, "wizard.answer", "u", 0);
  ui_wait_for_page (fixture, "gma://page/pre-notice");
  gtk_widget_activate_action (window, "win.show-faq", "s", "faq-3-1");
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");

  ui_crash_web_processes (fixture->window->page_view);
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");
  /* Long enough for a load of the question's page to have replaced it */
  ui_wait_ms (1000);
  g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), ==, "gma://faq/faq-3-1");
  g_assert_cmpstr (gma_page_view_get_shown_uri (fixture->window->page_view), ==, "gma://faq/faq-3-1");
  g_assert_cmpuint (gma_session_get_n_steps (gma_window_get_session (fixture->window)), ==, 1);
}

/* The pane has stopped (it says why), or has a new web view. */
static gboolean
rebuilt_or_stopped (gpointer data)
{
  ViewWait *wait = data;

  return gma_page_view_get_message (wait->page_view) != NULL || ui_view_replaced (wait);
}

/* The web process dies again and again (as for a page that kills it each
 * time): after a few deaths in a short while the pane stops rebuilding
 * and says so, with Reload, which starts it again and shows the page. */
static void
test_web_process_keeps_dying (UiFixture *fixture, gconstpointer data)
{
  GmaPageView *page_view = fixture->window->page_view;
  GtkWidget *reload;
  guint deaths = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", 0);
  ui_wait_for_page (fixture, "gma://page/pre-notice");

  /* Each new web process is killed once its page is in (one killed while
   * it starts takes WebKit's UI process with it: "readPIDFromPeer"). */
  while (gma_page_view_get_message (page_view) == NULL)
    {
      /* Held: its address is not reused by the new one. */
      g_autoptr(GtkWidget) old_view = g_object_ref (gma_page_view_get_web_view (page_view));
      ViewWait wait = { page_view, old_view };

      g_assert_cmpuint (++deaths, <=, 10);
      ui_kill_web_processes ();
      ui_wait_until (rebuilt_or_stopped, &wait, "a new web view, or the pane stopped");
      g_test_assert_expected_messages ();
      if (gma_page_view_get_message (page_view) == NULL)
        ui_wait_for_page (fixture, "gma://page/pre-notice");
    }
  g_test_message ("The pane stopped after %u deaths: %s", deaths, gma_page_view_get_message (page_view));
  g_assert_cmpuint (deaths, >, 1);

  /* It says so, with Reload; the rest of the window goes on. */
  reload = gma_page_view_get_reload_button (page_view);
  g_assert_null (gma_page_view_get_web_view (page_view));
  g_assert_true (gtk_widget_get_mapped (reload));
  test_assert_contains (gma_page_view_get_message (page_view), "stopped");
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_cmpstr (gma_page_view_get_uri (page_view), ==, "gma://page/issue-mail");

  /* Reload: a web view again, showing the page last asked for. */
  ui_click (reload);
  g_assert_nonnull (gma_page_view_get_web_view (page_view));
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  g_assert_null (gma_page_view_get_message (page_view));
  g_assert_false (gtk_widget_get_mapped (reload));

  /* Counted afresh: the next death rebuilds the pane again. */
  ui_crash_web_processes (page_view);
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  g_assert_null (gma_page_view_get_message (page_view));
}

/* Waits until the warm view holds the page of @node, loaded; returns the
 * view. */
static GtkWidget *
wait_for_warm_node (UiFixture     *fixture,
                    const GmaNode *node)
{
  g_autofree char *uri = g_strconcat ("gma://page/", gma_node_get_id (node), NULL);

  return ui_wait_for_warm_page (fixture, uri);
}

/* Another answer than the first, and Back, make the warm page useless
 * (made for another walk): the warm view stays, and the next page loads
 * into it, still shown in the frame after the click. */
static void
test_warm_view_kept (UiFixture *fixture, gconstpointer data)
{
  GmaPageView *page_view = fixture->window->page_view;
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *question;
  GtkWidget *warm;

  /* start → pre-notice → issue-mail, whose answers lead to two questions
   * whose first answers lead to two other pages */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", 1);
  question = gma_session_get_current (session);
  g_assert_cmpstr (gma_node_get_id (question), ==, "issue-mail");
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  warm = wait_for_warm_node (fixture, gma_node_get_answer_target (question, 0));

  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_true (gma_page_view_get_warm_view (page_view) == warm);
  ui_wait_for_page (fixture, "gma://page/which-mail");
  g_assert_true (wait_for_warm_node (fixture, gma_node_get_answer_target (gma_session_get_current (session), 0)) == warm);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.back", NULL);
  g_assert_true (gma_session_get_current (session) == question);
  g_assert_true (gma_page_view_get_warm_view (page_view) == warm);
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  g_assert_true (wait_for_warm_node (fixture, gma_node_get_answer_target (question, 0)) == warm);

  /* The page loaded again into the kept view is shown at once */
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 0));
  g_assert_true (gma_page_view_get_web_view (page_view) == warm);
  g_assert_false (gma_page_view_is_loading (page_view));
}

/* What a launch of gmis-assistant does in the running instance: its
 * command line, with @options (--language=en is { "language": "en" }). */
static int
run_command_line (GmaApplication *app,
                  GVariantDict   *options)
{
  const char *argv[] = { "gmis-assistant", NULL };
  g_autoptr(GVariantDict) none = g_variant_dict_new (NULL);
  g_autoptr(GApplicationCommandLine) command_line = NULL;
  int status = -1;

  command_line = g_object_new (G_TYPE_APPLICATION_COMMAND_LINE,
                               "arguments", g_variant_new_bytestring_array (argv, -1),
                               "options", g_variant_dict_end (options != NULL ? options : none),
                               NULL);
  g_signal_emit_by_name (app, "command-line", command_line, &status);
  return status;
}

/* English chosen in the menu stays when gmis-assistant is started again
 * (the running instance gets a second command line), and --language
 * switches a window open, walk kept. The application's set is the one
 * the window shows: the launch does not bring back an older copy. */
static void
test_language_second_launch (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GSettings *settings = gma_application_get_settings (fixture->app);
  g_autoptr(GVariantDict) japanese = g_variant_dict_new (NULL);
  static const guint answers[] = { 0, 0, 1, 0 };  /* start → … → remedy-2 */
  g_autofree char *language = NULL;

  /* The first launch gives the window the application's set. */
  g_assert_cmpint (run_command_line (fixture->app, NULL), ==, 0);
  g_assert_true (gma_window_get_content (fixture->window) == gma_application_get_content (fixture->app));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    gtk_widget_activate_action (window, "wizard.answer", "u", answers[i]);
  ui_wait_for_title (fixture, "gma://page/remedy-2", "対応方法2 迷惑メールフォルダにメールがあった場合");

  gtk_widget_activate_action (window, "win.content-language", "s", "en");
  ui_wait_for_title (fixture, "gma://page/remedy-2", "Remedy 2 When the mail was in the junk mail folder");

  /* Started again: still English, on the same page */
  g_assert_cmpint (run_command_line (fixture->app, NULL), ==, 0);
  language = get_language (fixture->window);
  g_assert_cmpstr (language, ==, "en");
  g_assert_cmpstr (gma_content_get_language (gma_application_get_content (fixture->app)), ==, "en");
  g_assert_true (gma_window_get_content (fixture->window) == gma_application_get_content (fixture->app));
  ui_wait_ms (300);
  ui_wait_for_title (fixture, "gma://page/remedy-2", "Remedy 2 When the mail was in the junk mail folder");

  /* --language=ja on the English window: Japanese, and it stays so */
  g_variant_dict_insert (japanese, "language", "s", "ja");
  g_assert_cmpint (run_command_line (fixture->app, japanese), ==, 0);
  ui_wait_for_title (fixture, "gma://page/remedy-2", "対応方法2 迷惑メールフォルダにメールがあった場合");
  g_assert_cmpuint (gma_session_get_n_steps (gma_window_get_session (fixture->window)), ==,
                    G_N_ELEMENTS (answers));
  g_assert_cmpint (run_command_line (fixture->app, NULL), ==, 0);
  g_clear_pointer (&language, g_free);
  language = get_language (fixture->window);
  g_assert_cmpstr (language, ==, "ja");
  g_assert_true (gma_window_get_content (fixture->window) == gma_application_get_content (fixture->app));

  g_settings_reset (settings, "content-language");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/window/intro", test_intro);
  ADD ("/window/every-walk", test_every_walk);
  ADD ("/window/back-change-restart", test_back_change_restart);
  ADD ("/window/copy-summary", test_copy_summary);
  ADD ("/window/faq", test_faq);
  ADD ("/window/foreign-navigation-refused", test_foreign_navigation_refused);
  ADD ("/window/no-remote-request", test_no_remote_request);
  ADD ("/window/web-settings", test_web_settings);
  ADD ("/window/page-option", test_page_option);
  ADD ("/window/broken-override", test_broken_override);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/language/switch", test_language_switch);
  ADD ("/window/language/unavailable", test_language_unavailable);
  ADD ("/window/web-process-crash", test_web_process_crash);
  ADD ("/window/web-process-keeps-dying", test_web_process_keeps_dying);
  ADD ("/window/warm-view-kept", test_warm_view_kept);
  /* Last: it gives the application's one instance a --language. */
  ADD ("/window/language/second-launch", test_language_second_launch);

  return g_test_run ();
}
