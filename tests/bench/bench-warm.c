/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-warm [--runs=N]: what a click on an answer costs until its page is
 * on screen, in frames and milliseconds, in the real window with the real
 * web view (run under a display; tools/bench runs it under Xvfb).
 *
 *   warm   the first answer of the first question, whose page the pane
 *          kept warm: from the click to the first frame painted after
 *          the page is shown
 *   cold   the second answer of the same question (not warm): from the
 *          click to the first frame painted after its load finished
 *
 * Each run starts over and waits, like a person reading the question,
 * until the warm page has loaded. Medians over N runs (default 15). Part
 * of tools/bench, not a test.
 */
#define G_LOG_DOMAIN "gma-bench-warm"
#include "config.h"

#include <stdio.h>

#include "gma-router.h"
#include "ui-test-util.h"

typedef struct {
  GmaPageView *page_view;
  const char *uri;
  guint frames;
  gboolean loaded;
  gboolean painted;
  gint64 start;
  gint64 end;
} Click;

static void
on_after_paint (GdkFrameClock *frame_clock,
                Click         *click)
{
  if (click->painted)
    return;
  click->frames++;
  if (click->loaded)
    {
      click->painted = TRUE;
      click->end = g_get_monotonic_time ();
    }
}

static void
on_load_finished (GmaPageView *page_view,
                  const char  *uri,
                  Click       *click)
{
  if (g_strcmp0 (uri, click->uri) == 0)
    click->loaded = TRUE;
}

static gboolean
click_painted (gpointer data)
{
  return ((Click *) data)->painted;
}

/* Clicks answer @answer of the current question; returns when a frame
 * was painted after its page was in. */
static void
measure (UiFixture *fixture,
         guint      answer,
         GArray    *frames,
         GArray    *ms)
{
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *node = gma_session_get_current (session);
  g_autofree char *uri = gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_node_get_answer_target (node, answer)));
  g_autofree char *warm_uri = gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_node_get_answer_target (node, 0)));
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  Click click = { fixture->window->page_view, uri };
  gulong paint_id, load_id;
  double elapsed;

  /* A person reads the question first. */
  ui_wait_for_warm_page (fixture, warm_uri);
  ui_wait_ms (200);

  paint_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &click);
  load_id = g_signal_connect (fixture->window->page_view, "load-finished", G_CALLBACK (on_load_finished), &click);
  click.start = g_get_monotonic_time ();
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, answer));
  ui_wait_until (click_painted, &click, "the answer's page");
  g_signal_handler_disconnect (frame_clock, paint_id);
  g_signal_handler_disconnect (fixture->window->page_view, load_id);

  elapsed = (click.end - click.start) / 1000.0;
  g_array_append_val (frames, click.frames);
  g_array_append_val (ms, elapsed);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static int
compare_uints (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

static double
median_ms (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len % 2 ? g_array_index (values, double, values->len / 2)
                         : (g_array_index (values, double, values->len / 2 - 1) +
                            g_array_index (values, double, values->len / 2)) / 2;
}

static double
median_frames (GArray *values)
{
  g_array_sort (values, compare_uints);
  return values->len % 2 ? g_array_index (values, guint, values->len / 2)
                         : (g_array_index (values, guint, values->len / 2 - 1) +
                            g_array_index (values, guint, values->len / 2)) / 2.0;
}

int
main (int argc, char *argv[])
{
  UiFixture fixture = { 0 };
  g_autoptr(GArray) warm_frames = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) warm_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cold_frames = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) cold_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = 15;

  gtk_init ();
  for (int i = 1; i < argc; i++)
    {
      guint64 n;

      if (g_str_has_prefix (argv[i], "--runs=") &&
          g_ascii_string_to_unsigned (argv[i] + strlen ("--runs="), 10, 1, 1000, &n, NULL))
        runs = n;
      else
        {
          g_printerr ("usage: %s [--runs=N]\n", argv[0]);
          return 2;
        }
    }

  fixture.app = g_object_ref (ui_get_application ());
  ui_fixture_open_window (&fixture);
  ui_wait_for_page (&fixture, "gma://page/start");

  /* The start's only answer leads to the first question. */
  ui_click (gma_question_view_get_answer_button (fixture.window->question_view, 0));
  for (guint i = 0; i < runs; i++)
    {
      GmaSession *session = gma_window_get_session (fixture.window);

      measure (&fixture, 0, warm_frames, warm_ms);
      gma_session_back (session);
      measure (&fixture, 1, cold_frames, cold_ms);
      gma_session_back (session);
    }

  printf ("%-34s %10s %10s\n", "first question, medians of", "frames", "ms");
  printf ("%-34s %10.1f %10.1f\n", "  warm answer (the first)", median_frames (warm_frames), median_ms (warm_ms));
  printf ("%-34s %10.1f %10.1f\n", "  cold answer (the second)", median_frames (cold_frames), median_ms (cold_ms));

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  g_clear_object (&fixture.content);
  g_clear_object (&fixture.app);

  return 0;
}
