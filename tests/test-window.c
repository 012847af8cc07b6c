/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window (gma-window.c, gma-window-actions.c) under Xvfb: the
 * summary copied for another application, --page, a broken override
 * named at the top, the narrow layout, 日本語 / English. The parts have
 * tests of their own: the questions in test-question-view.c, the FAQ in
 * test-faq-sidebar.c, the page pane in test-page-view.c, what the web
 * view may do in test-web-module.c. */
#define G_LOG_DOMAIN "gma-test-window"
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"

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

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", path[i]);
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
  /* A launch defers nothing to the main loop: a page it made the pane
   * load would be loading now, and this waits for it. */
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

  ADD ("/window/copy-summary", test_copy_summary);
  ADD ("/window/page-option", test_page_option);
  ADD ("/window/broken-override", test_broken_override);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/language/switch", test_language_switch);
  ADD ("/window/language/unavailable", test_language_unavailable);
  /* Last: it gives the application's one instance a --language. */
  ADD ("/window/language/second-launch", test_language_second_launch);

  return g_test_run ();
}
