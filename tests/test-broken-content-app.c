/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-broken-content-app.c: the real gmis-assistant program, started on
 * a display with a broken --content, keeps running on the built-in
 * content: its window opens, on the page asked for (a page only the
 * built-in content has), and the program is still running after it. The
 * program says when the page is painted in its window
 * (GMIS_ASSISTANT_TIMINGS=1), on X11 and on Wayland alike. */
#define G_LOG_DOMAIN "gma-test-broken-content-app"

#include "config.h"

#include <signal.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"

typedef struct {
  GDataInputStream *err;
  GString          *seen;
  gboolean          ready;
  gboolean          ended;
} ReadyWait;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data);

static void
read_next_line (ReadyWait *wait)
{
  g_data_input_stream_read_line_async (wait->err, G_PRIORITY_DEFAULT, NULL, line_read_cb, wait);
}

/* The program's standard error, line by line: with
 * GMIS_ASSISTANT_TIMINGS=1 it says "timing: page-ready remedy-2 MS" once
 * the page is in its window and painted, on X11 as on Wayland. */
static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadyWait *wait = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result,
                                                                NULL, NULL);

  if (line == NULL)
    {
      wait->ended = TRUE;
      return;
    }
  g_string_append_printf (wait->seen, "%s\n", line);
  if (g_str_has_prefix (line, "timing: page-ready remedy-2 "))
    wait->ready = TRUE;
  else
    read_next_line (wait);
}

static gboolean
ready_or_ended (gpointer data)
{
  ReadyWait *wait = data;
  return wait->ready || wait->ended;
}

static void
test_broken_flow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gma-app-XXXXXX", NULL);
  g_autofree char *flow = g_build_filename (dir, "flow.json", NULL);
  g_autofree char *faq = g_build_filename (dir, "faq.json", NULL);
  g_autofree char *arg = g_strconcat ("--content=", dir, NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  ReadyWait wait = { NULL, seen, FALSE, FALSE };

  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("needs a display");
      return;
    }

  /* json-glib would take this file; the loader does not. */
  g_assert_true (g_file_set_contents (flow, "{'format': 1, /* c */ \"nodes\": []}", -1, NULL));
  g_assert_cmpint (g_mkdir (faq, 0755), ==, 0);

  /* remedy-2 is a page of the built-in content only: asked for with
   * the override in use, the program would print an error and exit. */
  /* Not on the test's own output: a program left running by a failed
   * test must not hold meson's pipe open. Its standard error comes to
   * this test. */
  g_subprocess_launcher_setenv (launcher, "GMIS_ASSISTANT_TIMINGS", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("GMA_BINARY"), arg,
                                         "--page=remedy-2", NULL);
  g_assert_no_error (error);

  /* Its window shows the page asked for, painted. */
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  wait.err = err;
  read_next_line (&wait);
  if (!ui_try_wait_until (ready_or_ended, &wait) || !wait.ready)
    {
      g_subprocess_force_exit (process);
      g_error ("The program did not show remedy-2; it said:\n%s", seen->str);
    }

  /* Still running a moment later. A wait for time to pass: that a
   * program does not end is no event that could be waited for. */
  g_usleep (2 * G_USEC_PER_SEC);
  /* The identifier is the process id while it runs, NULL once it ended. */
  g_assert_nonnull (g_subprocess_get_identifier (process));
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  g_remove (flow);
  g_rmdir (faq);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No display at all is no error here: the test then skips. */
  gtk_init_check ();

  g_test_add_func ("/broken-content-app/broken-flow", test_broken_flow);

  return g_test_run ();
}
