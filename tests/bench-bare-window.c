/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-bare-window: the baseline of the first-frame benchmark
 * (tools/lib/bench-startup.sh, "tools/bench startup").
 *
 * A bare GtkApplication with one empty GtkApplicationWindow of the app's
 * default size. It quits as soon as its first frame has been painted, which
 * is what gmis-assistant does with GMA_EXIT_AFTER_FIRST_FRAME=1: the time
 * from exec to exit of this program is what "a plain GTK window" costs.
 * With GMIS_ASSISTANT_TIMINGS=1 it prints "timing: first-frame MS" like
 * the app (see gma-timing.h).
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
