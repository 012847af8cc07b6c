/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running the real gmis-assistant (GMA_BINARY) from a core test: its
 * exit status and what it printed. GLib and GIO only. */
#pragma once

#include <gio/gio.h>
#include <grp.h>
#include <unistd.h>

#define RUN_NOBODY 65534

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static inline gboolean
run_cancel_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static inline char *
run_bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  return len > 0 ? g_strndup (data, len) : g_strdup ("");
}

/* In the child, before gmis-assistant starts: become nobody (exit
 * status 125 when it cannot). */
static inline void
run_become_nobody (gpointer data)
{
  if (setgroups (0, NULL) != 0 || setgid (RUN_NOBODY) != 0 || setuid (RUN_NOBODY) != 0)
    _exit (125);
}

/* Runs gmis-assistant with @args (NULL-terminated), @input (NULL:
 * nothing) on its standard input, for at most 60 s: a hang is a failure,
 * not a stuck test run. As the user nobody when @as_nobody (this process
 * is root). */
static inline void
run_app_full (Run                *run,
              const char * const *args,
              GBytes             *input,
              gboolean            as_nobody)
{
  const char *binary = g_getenv ("GMA_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  guint timeout;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (as_nobody)
    g_subprocess_launcher_set_child_setup (launcher, run_become_nobody, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  timeout = g_timeout_add_seconds (60, run_cancel_cb, cancellable);
  g_subprocess_communicate (process, input != NULL ? input : nothing, cancellable, &out, &err,
                            &error);
  g_assert_no_error (error);
  g_source_remove (timeout);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = run_bytes_to_string (out);
  run->err = run_bytes_to_string (err);
  g_assert_cmpint (run->status, !=, 125);  /* became nobody */
}

static inline void
run_app_with_input (Run                *run,
                    const char * const *args,
                    GBytes             *input)
{
  run_app_full (run, args, input, FALSE);
}

static inline void
run_app (Run                *run,
         const char * const *args)
{
  run_app_with_input (run, args, NULL);
}
