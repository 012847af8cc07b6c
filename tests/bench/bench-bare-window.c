/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-bare-window: the baseline of the first-frame benchmark
 * (tools/lib/bench-ui.sh, "tools/bench first-frame").
 *
 * A bare GtkApplication with one empty GtkApplicationWindow of the app's
 * default size. It quits as soon as its first frame has been painted, which
 * is what gmis-assistant does with GMA_EXIT_AFTER_FIRST_FRAME=1. With
 * GMIS_ASSISTANT_TIMINGS=1 it prints "timing: first-frame MS" like the app
 * (see gma-timing.h): that line, the time from the process's start to its
 * first frame, is what "a plain GTK window" costs.
 *
 * GMA_BENCH_TEXT=1 makes a third floor, for information: the words of the
 * app's first frame in Japanese (its header bar with title, subtitle and
 * buttons, the FAQ sidebar's search entry and heading, the first question
 * and its button), in plain GTK widgets at the app's type sizes, without
 * anything of the app behind them (no content, settings, templates or
 * actions). What it costs over the bare window is what drawing that text
 * costs: fonts found, loaded, measured and rendered.
 */
#define G_LOG_DOMAIN "gma-bench-bare-window"
#include "config.h"

#include <gtk/gtk.h>

#include "gma-timing.h"

static gboolean
quit_idle (gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);
  GtkApplication *app = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, user_data);
  gma_timing_mark ("first-frame", NULL);
  if (app != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_idle, g_object_ref (app), g_object_unref);
}

static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  GdkFrameClock *frame_clock = gdk_surface_get_frame_clock (surface);

  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The app's first frame, words and type sizes only (see the top). */
static void
add_first_frame_text (GtkWindow *window)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *wizard = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *start = gtk_button_new_with_label ("はじめる");

  /* The sizes of the app's style.css. */
  gtk_css_provider_load_from_data (provider,
                                   ".big { font-size: 1.45em; font-weight: bold; }"
                                   " .kind, headerbar .title { font-weight: bold; }"
                                   " headerbar .subtitle { font-size: 0.8em; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_box_append (GTK_BOX (titles), text_label ("G-MIS メール対処アシスタント", "title"));
  gtk_box_append (GTK_BOX (titles), text_label ("令和5年度（2023年11月）の案内に基づく", "subtitle"));
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), titles);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_from_icon_name ("go-previous-symbolic"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_with_mnemonic ("最初からやり直す(_S)"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), gtk_button_new_from_icon_name ("open-menu-symbolic"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), gtk_toggle_button_new_with_label ("FAQ"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), gtk_button_new_with_mnemonic ("全体の流れ(_W)"));
  gtk_window_set_titlebar (window, header);

  g_object_set (search, "placeholder-text", "よくある質問と案内を検索する", NULL);
  gtk_box_append (GTK_BOX (sidebar), search);
  gtk_box_append (GTK_BOX (sidebar), text_label ("よくある質問（FAQ）", "big"));
  gtk_widget_set_size_request (sidebar, 280, -1);

  gtk_widget_add_css_class (start, "suggested-action");
  gtk_widget_set_size_request (start, -1, 64);
  gtk_box_append (GTK_BOX (wizard), text_label ("はじめに", "kind"));
  gtk_box_append (GTK_BOX (wizard), text_label ("アカウント発行通知に係るトラブル対処方法について", "big"));
  gtk_box_append (GTK_BOX (wizard), start);
  gtk_widget_set_size_request (wizard, 320, -1);

  gtk_box_append (GTK_BOX (columns), sidebar);
  gtk_box_append (GTK_BOX (columns), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (columns), wizard);
  gtk_box_append (GTK_BOX (columns), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_window_set_child (window, columns);
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "G-MIS Mail Assistant");
  /* GMA_BENCH_TITLEBAR=1: the title bar GTK draws for a bare window on a
   * desktop with client-side decorations (GNOME). Under Xvfb, with no
   * compositor, GTK draws none, so the plain bare window draws no text at
   * all and never loads a font. */
  if (g_strcmp0 (g_getenv ("GMA_BENCH_TITLEBAR"), "1") == 0)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  if (g_strcmp0 (g_getenv ("GMA_BENCH_TEXT"), "1") == 0)
    add_first_frame_text (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  /* A unique application like gmis-assistant (it registers on the session
   * bus too, so both pay for that), under its own id so that it never talks
   * to a running gmis-assistant. */
  app = gtk_application_new (APP_ID ".BenchBareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
