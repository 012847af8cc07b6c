/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screenshot-window: opens the real window in one state and saves the
 * screen as a PNG (for tools/screenshots; not a test).
 *
 *   screenshot-window OUT.png page ID      the walk to a node, or an FAQ entry
 *   screenshot-window OUT.png search TEXT  the FAQ sidebar searching TEXT
 *   screenshot-window OUT.png flow ID      「全体の流れ」 after walking to ID
 *   screenshot-window OUT.png contact ID   page ID with an example prefecture's counter
 *   screenshot-window OUT.png preferences ID  the same, with the Preferences window
 *   screenshot-window OUT.png shortcuts ID    page ID under the keyboard shortcuts window
 *   screenshot-window OUT.png menu ID      page ID with the header menu open
 *   screenshot-window OUT.png mail FILE    「届いたメールを確認」 of the text (or
 *                                          saved mail) in FILE, pasted
 *   screenshot-window OUT.png kiosk ID     kiosk mode (set as an administrator's dconf
 *                                          would), a visitor past the attract screen
 *                                          on page ID
 *
 * GMA_SCREENSHOT_LANGUAGE=en shows the content in English.
 *
 * The window takes the whole (virtual) screen: there is no window manager
 * under Xvfb to maximise it. Under a Wayland compositor (GDK_BACKEND=wayland,
 * e.g. cage) the screen is taken with grim. States are set through the window's own
 * actions, so no key press has to find its way to the window. */
#define G_LOG_DOMAIN "gma-screenshot"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gma-preferences-window.h"
#include "ui-test-util.h"

static gboolean
sidebar_filled (gpointer data)
{
  UiFixture *fixture = data;
  g_auto(GStrv) ids = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);
  return ids != NULL && ids[0] != NULL;
}

/* An example counter, clearly not a real one. */
static void
set_example_counter (UiFixture *fixture)
{
  GSettings *settings = gma_application_get_settings (fixture->app);

  g_settings_set_string (settings, "counter-name", "〇〇県 医療政策課（例）");
  g_settings_set_string (settings, "counter-phone", "03-0000-0000");
  g_settings_set_string (settings, "counter-hours", "平日 9:00〜17:00");
  g_settings_set_string (settings, "counter-url", "https://www.pref.example.jp/iryo/");
}

static void
on_found (WebKitFindController *find,
          guint                 match_count,
          gboolean             *found)
{
  *found = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Scrolls the page to the counter's card: a find scrolls to its match,
 * and finishing the find takes its highlight away again. */
static void
scroll_to_card (UiFixture *fixture)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  WebKitFindController *find = webkit_web_view_get_find_controller (web_view);
  gboolean found = FALSE;
  gulong handler = g_signal_connect (find, "found-text", G_CALLBACK (on_found), &found);

  webkit_find_controller_search (find, "03-0000-0000", WEBKIT_FIND_OPTIONS_NONE, 1);
  ui_wait_until (is_true, &found, "the counter's card in the page");
  g_signal_handler_disconnect (find, handler);
  webkit_find_controller_search_finish (find);
}

static void
show_page (UiFixture  *fixture,
           const char *id)
{
  g_autofree char *uri = NULL;

  g_object_set (fixture->window, "show-sidebar", g_str_has_prefix (id, "faq-"), NULL);
  if (!gma_window_show_page (fixture->window, id))
    g_error ("No page %s", id);
  uri = g_strdup_printf ("gma://%s/%s", g_str_has_prefix (id, "faq-") ? "faq" : "page", id);
  ui_wait_for_page (fixture, uri);
}

/* GMA_SCREENSHOT_SETTINGS="gtk-xft-dpi=147456 gtk-theme-name=HighContrast":
 * GtkSettings as a desktop sets them (text-scaling-factor 1.5 reaches GTK
 * as gtk-xft-dpi; Xvfb has no XSETTINGS, and GTK on X11 takes no DPI
 * from settings.ini). */
static void
apply_settings (const char *assignments)
{
  g_auto(GStrv) pairs = assignments != NULL ? g_strsplit (assignments, " ", -1) : NULL;
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);
      GParamSpec *pspec;

      if (pair[0][0] == '\0')
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (settings), pair[0]);
      if (pspec == NULL || pair[1] == NULL)
        g_error ("GMA_SCREENSHOT_SETTINGS: “%s” is not a setting NAME=VALUE of GtkSettings", pairs[i]);
      if (pspec->value_type == G_TYPE_INT)
        g_object_set (settings, pair[0], atoi (pair[1]), NULL);
      else if (pspec->value_type == G_TYPE_BOOLEAN)
        g_object_set (settings, pair[0], g_str_equal (pair[1], "true") || g_str_equal (pair[1], "1"), NULL);
      else if (pspec->value_type == G_TYPE_STRING)
        g_object_set (settings, pair[0], pair[1], NULL);
      else
        g_error ("GMA_SCREENSHOT_SETTINGS: %s is not a number, a string or a boolean", pair[0]);
    }
}

int
main (int argc, char *argv[])
{
  UiFixture fixture = { 0 };
  GdkMonitor *monitor;
  GdkRectangle geometry;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  const char *out, *state, *argument;
  int status;

  /* As main.c does: the window is shown in the desktop's language. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GMA_LOCALEDIR") ? g_getenv ("GMA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  apply_settings (g_getenv ("GMA_SCREENSHOT_SETTINGS"));

  if (argc != 4)
    {
      g_printerr ("usage: %s OUT.png page|search|flow|menu|contact|preferences|shortcuts|kiosk|mail ARGUMENT\n"
                  "(GMA_SCREENSHOT_LANGUAGE=en shows the content in English)\n", argv[0]);
      return 2;
    }
  out = argv[1];
  state = argv[2];
  argument = argv[3];

  /* The counter's kiosk: as an administrator sets it with dconf. */
  if (g_str_equal (state, "kiosk"))
    g_settings_set_boolean (gma_application_get_settings (ui_get_application ()), "kiosk-mode", TRUE);
  ui_fixture_set_up (&fixture, NULL);
  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), geometry.width, geometry.height);
  if (g_getenv ("GMA_SCREENSHOT_LANGUAGE") != NULL &&
      !gma_window_set_language (fixture.window, g_getenv ("GMA_SCREENSHOT_LANGUAGE")))
    g_error ("No content in %s", g_getenv ("GMA_SCREENSHOT_LANGUAGE"));

  if (g_str_equal (state, "page"))
    show_page (&fixture, argument);
  else if (g_str_equal (state, "contact") || g_str_equal (state, "preferences"))
    {
      set_example_counter (&fixture);
      show_page (&fixture, argument);
      scroll_to_card (&fixture);
      if (g_str_equal (state, "preferences"))
        g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "preferences", NULL);
    }
  else if (g_str_equal (state, "kiosk"))
    {
      /* A visitor has touched the attract screen and is on page ARGUMENT */
      g_autofree char *uri = g_strdup_printf ("gma://page/%s", argument);

      g_signal_emit_by_name (fixture.window->kiosk->attract_screen, "activated");
      if (!gma_window_show_page (fixture.window, argument))
        g_error ("No page %s", argument);
      ui_wait_for_page (&fixture, uri);
    }
  else if (g_str_equal (state, "shortcuts"))
    {
      show_page (&fixture, argument);
      g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-help-overlay", NULL);
    }
  else if (g_str_equal (state, "search"))
    {
      g_object_set (fixture.window, "show-sidebar", TRUE, NULL);
      ui_wait_until (sidebar_filled, &fixture, "the FAQ list");
      gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.search", NULL);
      gtk_editable_set_text (gma_faq_sidebar_get_search_entry (fixture.window->sidebar), argument);
      ui_wait_for_page (&fixture, "gma://page/start");
    }
  else if (g_str_equal (state, "flow"))
    {
      g_object_set (fixture.window, "show-sidebar", FALSE, NULL);
      if (!gma_window_show_page (fixture.window, argument))
        g_error ("No page %s", argument);
      gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-flow", NULL);
      ui_wait_for_page (&fixture, "gma://app/flow");
    }
  else if (g_str_equal (state, "menu"))
    {
      /* The header menu open, on the page ARGUMENT */
      g_autofree char *uri = g_strdup_printf ("gma://page/%s", argument);

      if (!gma_window_show_page (fixture.window, argument))
        g_error ("No page %s", argument);
      ui_wait_for_page (&fixture, uri);
      gtk_menu_button_popup (GTK_MENU_BUTTON (fixture.window->menu_button));
    }
  else if (g_str_equal (state, "mail"))
    {
      /* The mail in FILE copied, and 「届いたメールを確認」 pressed */
      g_autofree char *text = NULL;

      if (!g_file_get_contents (argument, &text, NULL, &error))
        g_error ("%s", error->message);
      ui_wait_for_page (&fixture, "gma://page/start");
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture.window)), text);
      gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.check-mail", NULL);
      ui_wait_for_page (&fixture, GMA_WINDOW_MAIL_URI);
    }
  else
    g_error ("Unknown state %s", state);

  /* Let the last layout and the page's pictures settle. */
  ui_wait_ms (1500);

  /* Under a Wayland compositor (cage, for the kiosk on a portrait
   * output), grim: wlr-screencopy. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkWaylandDisplay"))
    command = g_strdup_printf ("grim '%s'", out);
  else
    command = g_strdup_printf ("import -window root '%s'", out);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", command, error->message);

  ui_fixture_tear_down (&fixture, NULL);
  return 0;
}
