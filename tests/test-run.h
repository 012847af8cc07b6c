/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running the real gmis-assistant (GMA_BINARY) from a core test: its
 * exit status and what it printed. GLib and GIO only. */
#pragma once

#include <gio/gio.h>

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

/* Runs gmis-assistant with @args (NULL-terminated), @input (NULL:
 * nothing) on its standard input, for at most 60 s: a hang is a failure,
 * not a stuck test run. */
static inline void
run_app_with_input (Run                *run,
                    const char * const *args,
                    GBytes             *input)
{
  const char *binary = g_getenv ("GMA_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
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

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
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
}

static inline void
run_app (Run                *run,
         const char * const *args)
{
  run_app_with_input (run, args, NULL);
}
