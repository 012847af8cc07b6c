/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for the UI tests that read the application as a screen reader
 * does: through AT-SPI, from another process.
 *
 * a11y_probe_start() starts tests/atspi-probe.py ("serve") for this very
 * process; a11y_probe_call() sends it one command and iterates the main
 * loop until its answer comes, so that the application answers AT-SPI
 * meanwhile. The commands and the JSON of an element are described at the
 * top of tests/atspi-probe.py: dump (the tree), find, check-names (every
 * visible interactive element has a meaningful name), focused, action.
 *
 * a11y_tab_walk() presses a key (Tab, Shift+Tab…) through XTEST a number
 * of times and reads, after each press, the element AT-SPI says has the
 * focus.
 *
 * Needs the AT-SPI bus in the test's D-Bus session (tools/test starts
 * it), GMA_ATSPI_PYTHON (a Python with the Atspi bindings; set by
 * tests/meson.build) and, for a11y_tab_walk(), xdotool and X11. */
#pragma once

#include <json-glib/json-glib.h>

#include "ui-test-util.h"

typedef struct {
  GSubprocess      *process;
  GDataInputStream *output;
  GOutputStream    *input;
} A11yProbe;

typedef struct {
  gboolean  done;
  char     *line;
  GError   *error;
} A11yLine;

static void
a11y_line_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  A11yLine *line = user_data;

  line->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                          &line->error);
  line->done = TRUE;
}

static gboolean
a11y_line_done (gpointer data)
{
  return ((A11yLine *) data)->done;
}

/* The probe's next line of output, the main loop running meanwhile. */
static inline char *
a11y_probe_read_line (A11yProbe  *probe,
                      const char *what)
{
  A11yLine line = { FALSE, NULL, NULL };

  g_data_input_stream_read_line_async (probe->output, G_PRIORITY_DEFAULT, NULL, a11y_line_read, &line);
  if (!ui_try_wait_until (a11y_line_done, &line))
    g_error ("atspi-probe.py did not answer %s in %d s", what, UI_TEST_TIMEOUT_SECONDS);
  g_assert_no_error (line.error);
  if (line.line == NULL)
    g_error ("atspi-probe.py ended instead of answering %s (its errors are above)", what);
  return line.line;
}

static inline void
a11y_probe_stop (A11yProbe *probe)
{
  if (probe == NULL)
    return;

  g_output_stream_write_all (probe->input, "{\"cmd\": \"quit\"}\n", 16, NULL, NULL, NULL);
  g_output_stream_close (probe->input, NULL, NULL);
  g_subprocess_wait (probe->process, NULL, NULL);
  g_object_unref (probe->output);
  g_object_unref (probe->process);
  g_free (probe);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (A11yProbe, a11y_probe_stop)

/* Starts the probe for this process and waits until it has found this
 * process on the AT-SPI bus. */
static inline A11yProbe *
a11y_probe_start (void)
{
  const char *python = g_getenv ("GMA_ATSPI_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "atspi-probe.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *ready = NULL;
  g_autoptr(GError) error = NULL;
  A11yProbe *probe;

  if (python == NULL || python[0] == '\0')
    g_error ("GMA_ATSPI_PYTHON is not set: no Python with the Atspi bindings was found when the "
             "build was set up (install python3-pyatspi, see tools/packages.txt)");

  probe = g_new0 (A11yProbe, 1);
  probe->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     python, "-W", "ignore::DeprecationWarning", script, "--pid", pid, "serve",
                                     NULL);
  g_assert_no_error (error);
  probe->input = g_subprocess_get_stdin_pipe (probe->process);
  probe->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (probe->process));

  ready = a11y_probe_read_line (probe, "that it found this process");
  g_assert_cmpstr (ready, ==, "{\"ready\": true}");
  return probe;
}

/* Sends @command (a JSON object) and returns the answer; fails the test
 * when the probe reports an error. */
static inline JsonObject *
a11y_probe_call (A11yProbe  *probe,
                 const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_output_stream_write_all (probe->input, line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  answer = a11y_probe_read_line (probe, command);

  json_parser_load_from_data (parser, answer, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_dup_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "error") && !json_object_has_member (object, "role"))
    g_error ("atspi-probe.py: %s: %s", command, json_object_get_string_member (object, "error"));
  return object;
}

/* ---- the tree --------------------------------------------------------------------- */

static inline const char *
a11y_string (JsonObject *node,
             const char *member)
{
  JsonNode *value = json_object_get_member (node, member);

  return value != NULL && JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL;
}

static inline gboolean
a11y_has_state (JsonObject *node,
                const char *state)
{
  JsonArray *states = json_object_get_array_member (node, "states");

  for (guint i = 0; states != NULL && i < json_array_get_length (states); i++)
    if (g_strcmp0 (json_array_get_string_element (states, i), state) == 0)
      return TRUE;
  return FALSE;
}

/* Appends to @found, depth first, the elements under @node (itself
 * included) with role @role (NULL: any) and name @name (NULL: any). */
static inline void
a11y_collect (JsonObject *node,
              const char *role,
              const char *name,
              GPtrArray  *found)
{
  JsonArray *children = json_object_get_array_member (node, "children");

  if ((role == NULL || g_strcmp0 (a11y_string (node, "role"), role) == 0) &&
      (name == NULL || g_strcmp0 (a11y_string (node, "name"), name) == 0))
    g_ptr_array_add (found, node);
  for (guint i = 0; children != NULL && i < json_array_get_length (children); i++)
    a11y_collect (json_array_get_object_element (children, i), role, name, found);
}

/* The first element under @node with @role and @name (NULL: any), or NULL. */
static inline JsonObject *
a11y_find (JsonObject *node,
           const char *role,
           const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  a11y_collect (node, role, name, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* @node as indented JSON, for failure messages. */
static inline char *
a11y_to_string (JsonObject *node)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (root, node);
  return json_to_string (root, TRUE);
}

/* ---- focus, step by step ------------------------------------------------------------ */

typedef struct {
  guint    presses;
  gboolean answered;
} A11yKeys;

/* Counts the presses of keys other than modifiers (xdotool presses
 * Shift before Tab in "shift+Tab"). */
static gboolean
a11y_count_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                A11yKeys              *keys)
{
  if (!(keyval >= GDK_KEY_Shift_L && keyval <= GDK_KEY_Hyper_R) &&
      !(keyval >= GDK_KEY_ISO_Lock && keyval <= GDK_KEY_ISO_Level5_Lock))
    keys->presses++;
  return GDK_EVENT_PROPAGATE;
}

typedef struct {
  A11yKeys *keys;
  guint     presses;
} A11yKeyWait;

static gboolean
a11y_key_seen (gpointer data)
{
  A11yKeyWait *wait = data;

  return wait->keys->presses >= wait->presses;
}

static void
a11y_web_answered (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  A11yKeys *keys = user_data;

  webkit_web_view_can_execute_editing_command_finish (WEBKIT_WEB_VIEW (source), result, NULL);
  keys->answered = TRUE;
}

static gboolean
a11y_web_done (gpointer data)
{
  return ((A11yKeys *) data)->answered;
}

/* Called by a11y_tab_walk() after each press (@step from 0), with the
 * element AT-SPI says has the focus. */
typedef void (*A11yStepFunc) (guint       step,
                              JsonObject *focused,
                              gpointer    user_data);

/* Presses @key (xdotool's name: "Tab", "shift+Tab", "F6"…) @steps times
 * in @window and returns, for each press, the element that has the focus
 * then as AT-SPI reports it (see "focused" in tests/atspi-probe.py);
 * @func (if not NULL) is called after each. No wait is timed: each press
 * is seen by GTK before the next, and when the focus is in a web view,
 * which handles keys in its web process and may give them back, the web
 * process has answered a later request first. */
static inline GPtrArray *
a11y_tab_walk (GtkWindow    *window,
               A11yProbe    *probe,
               const char   *key,
               guint         steps,
               A11yStepFunc  func,
               gpointer      user_data)
{
  GPtrArray *focus = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  GtkEventController *controller = gtk_event_controller_key_new ();
  A11yKeys keys = { 0, FALSE };

  g_assert_true (ui_have_xtest ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (a11y_count_key), &keys);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  /* Without a window manager the keyboard goes where the pointer is. */
  ui_xdotool (0, "mousemove %d %d", gtk_widget_get_width (GTK_WIDGET (window)) / 2, 2);

  for (guint i = 0; i < steps; i++)
    {
      A11yKeyWait wait = { &keys, keys.presses + 1 };
      GtkWidget *focused;

      ui_xdotool (0, "key %s", key);
      ui_wait_until (a11y_key_seen, &wait, "GTK to see the key");

      focused = gtk_root_get_focus (GTK_ROOT (window));
      while (focused != NULL && !WEBKIT_IS_WEB_VIEW (focused))
        focused = gtk_widget_get_parent (focused);
      if (focused != NULL)
        {
          keys.answered = FALSE;
          webkit_web_view_can_execute_editing_command (WEBKIT_WEB_VIEW (focused), WEBKIT_EDITING_COMMAND_COPY,
                                                       NULL, a11y_web_answered, &keys);
          ui_wait_until (a11y_web_done, &keys, "the web process");
        }

      g_ptr_array_add (focus, a11y_probe_call (probe, "{\"cmd\": \"focused\"}"));
      if (func != NULL)
        func (i, g_ptr_array_index (focus, focus->len - 1), user_data);
    }

  gtk_widget_remove_controller (GTK_WIDGET (window), controller);
  return focus;
}
