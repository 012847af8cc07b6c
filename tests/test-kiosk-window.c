/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window in kiosk mode under Xvfb: the attract screen, QR codes
 * instead of links, the reset that forgets the visitor, and a web process
 * that dies. */
#define G_LOG_DOMAIN "gma-test-kiosk-window"
#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include "gma-qr-view.h"
#include "ui-test-util.h"

/* Whether a window action is enabled, as a button bound to it sees it. */
static gboolean
window_action_enabled (GmaWindow *window, const char *action)
{
  GtkWidget *overlay = gtk_window_get_child (GTK_WINDOW (window));
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  if (g_str_equal (action, "wizard.answer"))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (probe), "u", 0);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), probe);
  ui_wait_ms (50);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_overlay_remove_overlay (GTK_OVERLAY (overlay), probe);

  return enabled;
}

static gboolean
covers_monitor (gpointer data)
{
  GtkWidget *window = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor = surface != NULL ?
    gdk_display_get_monitor_at_surface (gtk_widget_get_display (window), surface) : NULL;
  GdkRectangle geometry;

  if (monitor == NULL || !gtk_window_is_fullscreen (GTK_WINDOW (window)))
    return FALSE;
  gdk_monitor_get_geometry (monitor, &geometry);
  return gtk_widget_get_width (window) == geometry.width &&
         gtk_widget_get_height (window) == geometry.height;
}

static void
test_attract_screen (UiFixture *fixture, gconstpointer data)
{
  GmaWindow *window = fixture->window;

  g_assert_nonnull (window->kiosk);
  g_assert_true (gma_kiosk_get_active (window->kiosk->kiosk));
  /* Full screen, the whole monitor (X11 or Wayland). */
  ui_wait_until (covers_monitor, window, "the kiosk window to cover the monitor, full screen");
  /* Between visitors: the attract screen covers everything. */
  g_assert_true (gtk_widget_get_visible (window->kiosk->attract_screen));
  {
    graphene_rect_t screen, overlay;

    /* Its whole box (with the CSS padding) covers the overlay exactly. */
    g_assert_true (gtk_widget_compute_bounds (window->kiosk->attract_screen, window->kiosk->attract_screen, &screen));
    g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (window->kiosk->attract_screen),
                                              gtk_widget_get_parent (window->kiosk->attract_screen), &overlay));
    g_assert_cmpfloat (screen.size.width, ==, overlay.size.width);
    g_assert_cmpfloat (screen.size.height, ==, overlay.size.height);
  }
  /* No menu with About or other windows; quitting and About are refused
   * even over D-Bus; no print dialog, find bar or caret mode. */
  g_assert_false (gtk_widget_get_visible (window->menu_button));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "quit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "about"));
  /* Nor the Preferences window, nor the keyboard shortcuts window (which
   * the window does have, as every window of the app). */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    g_assert_true (GMA_IS_WINDOW (l->data));
  g_assert_false (window_action_enabled (window, "page.print"));
  g_assert_false (window_action_enabled (window, "page.find"));
  g_assert_false (window_action_enabled (window, "page.caret-browsing"));
  g_assert_true (window_action_enabled (window, "wizard.answer"));
  /* What lies under the attract screen can be neither focused nor pressed. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->question_view)));

  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  g_assert_false (gtk_widget_get_visible (window->kiosk->attract_screen));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->question_view)));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (window->session)), ==, "start");
}

static void
test_link_shows_qr (UiFixture *fixture, gconstpointer data)
{
  GmaWindow *window = fixture->window;

  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  g_assert_false (gtk_widget_get_visible (window->kiosk->qr_view));

  /* What the pane emits when a visitor follows a link. */
  g_signal_emit_by_name (window->page_view, "external-link", "https://www.g-mis.mhlw.go.jp/user-Registration-Form");
  g_assert_true (gtk_widget_get_visible (window->kiosk->qr_view));
  g_assert_cmpstr (gma_qr_view_get_text (GMA_QR_VIEW (window->kiosk->qr_view)), ==,
                   "https://www.g-mis.mhlw.go.jp/user-Registration-Form");
  /* Nothing under it can be pressed meanwhile. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->question_view)));
  g_assert_nonnull (gma_qr_view_get_texture (GMA_QR_VIEW (window->kiosk->qr_view)));

  g_signal_emit_by_name (window->kiosk->qr_view, "closed");
  g_assert_false (gtk_widget_get_visible (window->kiosk->qr_view));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->question_view)));

  /* The sender address, the same way. */
  g_signal_emit_by_name (window->page_view, "external-link", "mailto:info@g-mis.net");
  g_assert_true (gtk_widget_get_visible (window->kiosk->qr_view));
  g_assert_nonnull (strstr (gma_qr_view_get_text (GMA_QR_VIEW (window->kiosk->qr_view)), "info@g-mis.net"));
}

static gboolean
clipboard_empty (GdkClipboard *clipboard)
{
  /* Nothing of the visitor is offered any more. */
  return gdk_clipboard_get_content (clipboard) == NULL;
}

/* Whether the display server takes each claim of the clipboard the app
 * makes, so that what another application pastes after the reset says
 * whether the kiosk emptied it: the X server does. A Wayland compositor
 * takes a claim only with the serial of an input event, and GTK 4.8 sends
 * that of the last key press: with none (a touch terminal, or the tests),
 * wlroots (cage) refuses every claim, so a visitor's copy never reaches
 * the compositor at all, and weston takes the first and ignores the later
 * ones, emptying included. There the reset's emptying is checked in the
 * app (above) only. */
static gboolean
display_server_takes_every_claim (GmaWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  if (g_str_equal (G_OBJECT_TYPE_NAME (display), "GdkX11Display"))
    return TRUE;
  g_test_message ("%s: what other clients paste is not checked here (see display_server_takes_every_claim)",
                  G_OBJECT_TYPE_NAME (display));
  return FALSE;
}

static void
test_reset_forgets (UiFixture *fixture, gconstpointer data)
{
  GmaWindow *window = fixture->window;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (window));
  GtkEditable *search = gma_faq_sidebar_get_search_entry (window->sidebar);
  GtkWidget *old_view;
  /* はじめる, 届いていない, 空き容量は十分にある */
  const guint path[] = { 0, 0, 1 };

  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    ui_click (gma_question_view_get_answer_button (window->question_view, path[i]));
  ui_wait_for_page (fixture, "gma://page/spam-folder");
  g_object_set (window, "show-sidebar", TRUE, NULL);
  gtk_editable_set_text (search, "パスワード");
  g_settings_set_double (window->settings, "zoom-level", 1.5);
  g_object_set (window, "caret-browsing", TRUE, NULL);
  gma_kana_keypad_set_page (window->kiosk->keypad, "latin");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-summary", NULL);
  gdk_clipboard_set_text (primary, "a visitor's selection");
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  if (display_server_takes_every_claim (window))
    {
      g_autofree char *pasted = ui_read_clipboard_elsewhere (gtk_widget_get_display (GTK_WIDGET (window)));

      g_assert_nonnull (pasted);
      g_assert_nonnull (strstr (pasted, "迷惑メールフォルダ"));
    }
  old_view = g_object_ref (gma_page_view_get_web_view (window->page_view));

  gma_kiosk_reset (window->kiosk->kiosk);

  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (window->session)), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (window->session), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_false (gtk_revealer_get_reveal_child (window->sidebar_revealer));
  g_assert_cmpfloat (g_settings_get_double (window->settings, "zoom-level"), ==, 1.0);
  {
    gboolean caret = TRUE;

    g_object_get (window, "caret-browsing", &caret, NULL);
    g_assert_false (caret);
  }
  g_assert_cmpstr (gma_kana_keypad_get_page (window->kiosk->keypad), ==, "kana");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->question_view)));
  g_assert_true (clipboard_empty (clipboard));
  g_assert_true (clipboard_empty (primary));
  /* Nor can another application paste it: the X server holds nothing of
   * it either. */
  if (display_server_takes_every_claim (window))
    {
      g_autofree char *pasted = ui_read_clipboard_elsewhere (gtk_widget_get_display (GTK_WIDGET (window)));

      g_assert_null (pasted);
    }
  /* A new web view: nothing of the old one's history remains. */
  g_assert_nonnull (gma_page_view_get_web_view (window->page_view));
  g_assert_true (gma_page_view_get_web_view (window->page_view) != old_view);
  g_assert_true (gtk_widget_get_visible (window->kiosk->attract_screen));
  ui_wait_for_page (fixture, "gma://page/start");
  g_object_unref (old_view);
}

static gboolean
attract_screen_shown (gpointer data)
{
  GmaWindow *window = data;
  return gtk_widget_get_visible (window->kiosk->attract_screen);
}

/* The large language button in the header: a visitor switches to English
 * with the walk kept; when the visitor leaves, the idle reset brings the
 * next one back to the terminal's own language, with nothing of the walk. */
static void
test_language_button (UiFixture *fixture, gconstpointer data)
{
  GmaWindow *window = fixture->window;
  GSettings *settings = gma_application_get_settings (fixture->app);
  const char *default_language = gma_application_get_language (fixture->app);
  g_autofree char *stored_before = g_settings_get_string (settings, "content-language");
  g_autofree char *stored_after = NULL;
  g_autoptr(GmaContent) japanese = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button = window->kiosk->language_button;
  /* はじめる, 届いていない, 空き容量は十分にある, 迷惑メールフォルダにあった */
  const guint path[] = { 0, 0, 1, 0 };

  /* This test runs under the C locale: the terminal's language is Japanese. */
  g_assert_cmpstr (default_language, ==, "ja");
  japanese = gma_content_new_embedded_full ((const char *[]) { "ja", NULL }, &error);
  g_assert_no_error (error);

  g_assert_nonnull (button);
  /* Shown full screen (a window's title bar is not), and large enough for
   * a finger. */
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpint (gtk_widget_get_height (button), >=, 48);
  g_assert_cmpint (gtk_widget_get_width (button), >=, 48);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "English");
  /* Its neighbours carry no mnemonic letter: a terminal has no Alt key. */
  g_assert_cmpstr (gtk_button_get_label (window->restart_button), ==, "Start Over");
  g_assert_false (gtk_button_get_use_underline (window->restart_button));
  g_assert_cmpstr (gtk_button_get_label (window->flow_button), ==, "Whole Flow");

  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    ui_click (gma_question_view_get_answer_button (window->question_view, path[i]));
  ui_wait_for_title (fixture, "gma://page/remedy-2", "対応方法2 迷惑メールフォルダにメールがあった場合");

  /* A visitor presses it: the same page, now in English, and the button
   * offers Japanese, by its own name. */
  ui_click (button);
  ui_wait_for_title (fixture, "gma://page/remedy-2", "Remedy 2 When the mail was in the junk mail folder");
  g_assert_cmpstr (gma_content_get_language (gma_window_get_content (window)), ==, "en");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "日本語");
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (window->session)), ==, "remedy-2");
  g_assert_cmpuint (gma_session_get_n_steps (window->session), ==, G_N_ELEMENTS (path));
  g_assert_cmpstr (gma_node_get_answer_label (gma_session_get_step_node (window->session, 1), 0), ==,
                   "Not received");
  /* A visitor's choice is not the terminal's: nothing is stored. */
  stored_after = g_settings_get_string (settings, "content-language");
  g_assert_cmpstr (stored_after, ==, stored_before);

  /* The visitor leaves: no input, the warning, then the idle reset. */
  gma_kiosk_set_idle_timeout (window->kiosk->kiosk, 1);
  gma_kiosk_set_warning_seconds (window->kiosk->kiosk, 1);
  gma_kiosk_reset_idle (window->kiosk->kiosk);
  ui_wait_until (attract_screen_shown, window, "the idle reset");

  g_assert_cmpstr (gma_content_get_language (gma_window_get_content (window)), ==, default_language);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "English");
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (window->session)), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (window->session), ==, 0);
  /* The next visitor's first page, in Japanese */
  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  ui_wait_for_title (fixture, "gma://page/start",
                     gma_node_get_title (gma_flow_get_start (gma_content_get_flow (japanese))));
}

static void
test_web_process_crash (UiFixture *fixture, gconstpointer data)
{
  GmaWindow *window = fixture->window;

  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  ui_click (gma_question_view_get_answer_button (window->question_view, 0));
  ui_click (gma_question_view_get_answer_button (window->question_view, 1));
  ui_wait_for_page (fixture, "gma://page/issue-mail");

  ui_crash_web_processes (window->page_view);
  /* No dialog: the view is rebuilt and the visitor is back at the start. */
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (window->session)), ==, "start");
  g_assert_cmpstr (ui_wait_for_page (fixture, "gma://page/start"), ==,
                   gma_node_get_title (gma_flow_get_start (gma_content_get_flow (fixture->content))));
}

/* The kiosk's window has the output's size from its first frame, not the
 * desktop window's remembered one (window-width, window-height), and not
 * its minimum, which is wider than a portrait output. */
static void
test_fits_output (void)
{
  GmaApplication *app = ui_get_application ();
  GSettings *settings = gma_application_get_settings (app);
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  GdkRectangle geometry;
  GmaWindow *window;
  int width = 0, height = 0;

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  /* A remembered size unlike any output's. */
  g_settings_set_int (settings, "window-width", 1111);
  g_settings_set_int (settings, "window-height", 555);

  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  window = gma_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, geometry.width);
  g_assert_cmpint (height, ==, geometry.height);
  gtk_widget_get_size_request (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, ==, -1);
  g_assert_cmpint (height, ==, -1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The desktop's window keeps both. */
  g_settings_reset (settings, "kiosk-mode");
  window = gma_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 555);
  gtk_widget_get_size_request (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* With no renderer chosen by the administrator (GSK_RENDERER), the kiosk
 * paints with cairo, which needs no GPU driver (gma-window-kiosk.c). In a
 * process of its own: GTK reads GSK_RENDERER once, at the first window,
 * and the tests run with GSK_RENDERER=cairo. */
static void
test_renderer (void)
{
  if (g_test_subprocess ())
    {
      UiFixture fixture = { NULL };
      GskRenderer *renderer;

      g_unsetenv ("GSK_RENDERER");
      ui_kiosk_fixture_set_up (&fixture, NULL);
      renderer = gtk_native_get_renderer (GTK_NATIVE (fixture.window));
      g_assert_nonnull (renderer);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
      ui_kiosk_fixture_tear_down (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
slip_done (gpointer data)
{
  GmaWindow *window = data;
  return !window->kiosk->printing_slip;
}

static void
test_print_slip (UiFixture *fixture, gconstpointer data)
{
  GmaWindow *window = fixture->window;
  /* はじめる, 届いていない, 空き容量は十分にある, 迷惑メールフォルダにもメールがない */
  const guint path[] = { 0, 0, 1, 1 };
  g_autoptr(GBytes) slip = NULL;
  g_autoptr(GBytes) qr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *qr_type = NULL;
  g_autofree char *html = NULL;
  GtkWidget *print_button;

  g_settings_set_boolean (window->settings, "kiosk-allow-print", FALSE);
  g_settings_set_string (window->settings, "counter-name", "〇〇県 医療政策課 <窓口>");
  g_settings_set_string (window->settings, "counter-phone", "000-0000-0000");
  g_settings_set_string (window->settings, "counter-url", "https://www.pref.example.jp/iryo/?a=1&b=2");
  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    ui_click (gma_question_view_get_answer_button (window->question_view, path[i]));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (window->session)), ==, "remedy-4");

  /* Not allowed: no button, no action. */
  print_button = ui_find_action_button (GTK_WIDGET (window->question_view), "win.print-slip");
  g_assert_nonnull (print_button);
  g_assert_false (gtk_widget_get_visible (print_button));
  g_assert_false (_gma_window_kiosk_can_print (window));

  g_settings_set_boolean (window->settings, "kiosk-allow-print", TRUE);
  g_assert_true (_gma_window_kiosk_can_print (window));
  g_assert_true (gtk_widget_get_visible (print_button));

  /* The slip: reference, answers, steps, each URL with its QR code, and
   * the counter, every value escaped. */
  g_assert_true (_gma_window_kiosk_resolve (window, "gma://app/slip", &content_type, &slip, &error));
  g_assert_no_error (error);
  html = g_strndup (g_bytes_get_data (slip, NULL), g_bytes_get_size (slip));
  g_assert_nonnull (strstr (html, "対応方法4"));
  g_assert_nonnull (strstr (html, "迷惑メールフォルダにもメールがない"));
  g_assert_nonnull (strstr (html, "https://www.g-mis.mhlw.go.jp/user-Registration-Form"));
  g_assert_nonnull (strstr (html, "src=\"gma://app/qr?text=https%3A%2F%2Fwww.g-mis.mhlw.go.jp%2Fuser-Registration-Form\""));
  g_assert_nonnull (strstr (html, "〇〇県 医療政策課 &lt;窓口&gt;"));
  g_assert_nonnull (strstr (html, "000-0000-0000"));
  /* The counter's web page with its QR code; the page's own markers
   * are gone (the counter is printed once, at the bottom). */
  g_assert_nonnull (strstr (html, "src=\"gma://app/qr?text=https%3A%2F%2Fwww.pref.example.jp%2Firyo%2F%3Fa%3D1%26b%3D2\""));
  g_assert_nonnull (strstr (html, "https://www.pref.example.jp/iryo/?a=1&amp;b=2"));
  g_assert_null (strstr (html, GMA_CONTACT_MARKER));
  g_assert_null (strstr (html, "contact-card"));
  g_assert_nonnull (strstr (html, "機関コード"));

  g_assert_true (_gma_window_kiosk_resolve (window, "gma://app/qr?text=https%3A%2F%2Fwww.g-mis.mhlw.go.jp%2F",
                                            &qr_type, &qr, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qr_type, ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (qr, NULL), 4, "\x89PNG", 4);

  /* Printing shows the slip, prints it without a dialog and comes back
   * to the result. Whether this machine has a printer or not, it ends. */
  g_test_expect_message ("gma-window", G_LOG_LEVEL_WARNING, "The slip was not printed*");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-slip", NULL);
  g_assert_true (window->kiosk->printing_slip);
  ui_wait_until (slip_done, window, "the slip to be printed");
  ui_wait_for_page (fixture, "gma://page/remedy-4");
  g_assert_false (window->kiosk->printing_slip);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_kiosk_fixture_set_up, func, ui_kiosk_fixture_tear_down)

  ADD ("/kiosk-window/attract-screen", test_attract_screen);
  ADD ("/kiosk-window/link-shows-qr", test_link_shows_qr);
  ADD ("/kiosk-window/reset-forgets", test_reset_forgets);
  ADD ("/kiosk-window/language-button", test_language_button);
  ADD ("/kiosk-window/web-process-crash", test_web_process_crash);
  ADD ("/kiosk-window/print-slip", test_print_slip);
  g_test_add_func ("/kiosk-window/fits-output", test_fits_output);
  g_test_add_func ("/kiosk-window/renderer", test_renderer);

  return g_test_run ();
}
