/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-broken-content-app.c: the real gmis-assistant program, started on
 * a display with a broken --content, keeps running on the built-in
 * content: its window opens, on the page asked for (a page only the
 * built-in content has), and the program is still running after it. */
#define G_LOG_DOMAIN "gma-test-broken-content-app"

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"

static char *
window_of (GSubprocess *process)
{
  /* The program's visible window, waited for (at most 60 s). */
  g_autofree char *command =
    g_strdup_printf ("timeout 60 xdotool search --sync --onlyvisible --pid %s",
                     g_subprocess_get_identifier (process));
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strstrip (out);
  /* The first window is enough. */
  if (strchr (out, '\n') != NULL)
    *strchr (out, '\n') = '\0';
  return g_steal_pointer (&out);
}

static void
test_broken_flow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gma-app-XXXXXX", NULL);
  g_autofree char *flow = g_build_filename (dir, "flow.json", NULL);
  g_autofree char *faq = g_build_filename (dir, "faq.json", NULL);
  g_autofree char *arg = g_strconcat ("--content=", dir, NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;

  if (!ui_have_xtest ())
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  /* json-glib would take this file; the loader does not. */
  g_assert_true (g_file_set_contents (flow, "{'format': 1, /* c */ \"nodes\": []}", -1, NULL));
  g_assert_cmpint (g_mkdir (faq, 0755), ==, 0);

  /* remedy-2 is a page of the built-in content only: asked for with
   * the override in use, the program would print an error and exit. */
  /* Not on the test's own output: a program left running by a failed
   * test must not hold meson's pipe open. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, g_getenv ("GMA_BINARY"), arg,
                              "--page=remedy-2", NULL);
  g_assert_no_error (error);

  window = window_of (process);
  g_test_message ("window %s", window);
  g_assert_cmpstr (window, !=, "");

  /* Still running a moment later. */
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
  /* GTK picks its display as the program under test will: xdotool finds
   * the program's window only if that is X11. No display at all is no
   * error here, ui_have_xtest() then says no. */
  gtk_init_check ();

  g_test_add_func ("/broken-content-app/broken-flow", test_broken_flow);

  return g_test_run ();
}
