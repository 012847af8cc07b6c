/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the UI tests: a real application and window, and
 * waiting for the real web view. */
#pragma once

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "gma-application.h"
#include "gma-page-view.h"
#include "gma-window-private.h"
#include "gma-window-kiosk-private.h"

#define UI_TEST_TIMEOUT_SECONDS 60

typedef struct {
  GmaApplication *app;
  GmaWindow *window;
  GmaContent *content;
} UiFixture;

static gboolean
ui_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done returns TRUE; FALSE if it did not
 * within UI_TEST_TIMEOUT_SECONDS. */
static inline gboolean
ui_try_wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (UI_TEST_TIMEOUT_SECONDS, ui_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    return FALSE;
  g_source_remove (id);
  return TRUE;
}

/* Iterates the main loop until @done returns TRUE, failing the test after
 * UI_TEST_TIMEOUT_SECONDS. */
static inline void
ui_wait_until (gboolean (*done) (gpointer), gpointer data, const char *what)
{
  if (!ui_try_wait_until (done, data))
    g_error ("Timed out waiting for %s", what);
}

/* A counter of signals (connect with g_signal_connect_swapped and a guint
 * as its data), and the condition that it has counted one. */
static inline void
ui_count (gpointer data)
{
  (*(guint *) data)++;
}

static inline gboolean
ui_counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* Iterates the main loop for @ms: only where what is waited for is time
 * itself (a check that nothing happened); say why where it is used. */
static inline void
ui_wait_ms (guint ms)
{
  gboolean timed_out = FALSE;

  /* The source removes itself when it fires. */
  g_timeout_add (ms, ui_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct {
  GmaPageView *page_view;
  const char *uri;
} LoadWait;

static gboolean
page_loaded (gpointer data)
{
  LoadWait *wait = data;

  const char *title = gma_page_view_get_title (wait->page_view);

  /* The title comes from the web process in a message of its own, which
   * may arrive after the load has finished: every page has one. */
  return !gma_page_view_is_loading (wait->page_view) &&
         g_strcmp0 (gma_page_view_get_shown_uri (wait->page_view), wait->uri) == 0 &&
         title != NULL && title[0] != '\0';
}

/* Waits until the pane has finished loading @uri; returns its title as
 * WebKit reports it. */
static inline const char *
ui_wait_for_page (UiFixture *fixture, const char *uri)
{
  LoadWait wait = { fixture->window->page_view, uri };
  g_autofree char *what = g_strdup_printf ("the page %s", uri);

  ui_wait_until (page_loaded, &wait, what);
  return gma_page_view_get_title (fixture->window->page_view);
}

typedef struct {
  GmaPageView *page_view;
  const char  *uri;
  const char  *title;
} TitleWait;

static gboolean
page_has_title (gpointer data)
{
  TitleWait *wait = data;

  return !gma_page_view_is_loading (wait->page_view) &&
         g_strcmp0 (gma_page_view_get_shown_uri (wait->page_view), wait->uri) == 0 &&
         g_strcmp0 (gma_page_view_get_title (wait->page_view), wait->title) == 0;
}

/* Waits until WebKit shows @uri with the title @title in @page_view (the
 * window's or one of its own). */
static inline void
ui_wait_for_page_view_title (GmaPageView *page_view,
                             const char  *uri,
                             const char  *title)
{
  TitleWait wait = { page_view, uri, title };

  /* What the pane shows when the wait gives up, not when it began. */
  if (!ui_try_wait_until (page_has_title, &wait))
    g_error ("Timed out waiting for %s titled “%s” (it shows %s titled “%s”)", uri, title,
             gma_page_view_get_shown_uri (page_view), gma_page_view_get_title (page_view));
}

/* Waits until WebKit shows @uri with the title @title in the window. */
static inline void
ui_wait_for_title (UiFixture  *fixture,
                   const char *uri,
                   const char *title)
{
  ui_wait_for_page_view_title (fixture->window->page_view, uri, title);
}

typedef struct {
  GmaPageView *page_view;
  const char  *uri;
} WarmWait;

static gboolean
warm_page_loaded (gpointer data)
{
  WarmWait *wait = data;
  GtkWidget *warm = gma_page_view_get_warm_view (wait->page_view);

  return warm != NULL &&
         g_strcmp0 (webkit_web_view_get_uri (WEBKIT_WEB_VIEW (warm)), wait->uri) == 0 &&
         !webkit_web_view_is_loading (WEBKIT_WEB_VIEW (warm));
}

/* Waits until the pane's warm view holds @uri, loaded; returns the view. */
static inline GtkWidget *
ui_wait_for_warm_page (UiFixture  *fixture,
                       const char *uri)
{
  WarmWait wait = { fixture->window->page_view, uri };
  g_autofree char *what = g_strdup_printf ("the warm page %s", uri);

  ui_wait_until (warm_page_loaded, &wait, what);
  return gma_page_view_get_warm_view (fixture->window->page_view);
}

typedef struct {
  GtkWidget *window;
  int        width;
} SizeWait;

static gboolean
window_has_width (gpointer data)
{
  SizeWait *wait = data;

  return ABS (gtk_widget_get_width (wait->window) - wait->width) <= 10;
}

typedef struct {
  GmaWindow *window;
  gboolean   painted;
} SettleWait;

/* Nothing left that changes the window's layout: no switch to or from
 * the narrow layout pending, the sidebar's revealer at rest. */
static gboolean
window_layout_at_rest (GmaWindow *window)
{
  return window->narrow_idle == 0 &&
         gtk_revealer_get_child_revealed (window->sidebar_revealer) ==
         gtk_revealer_get_reveal_child (window->sidebar_revealer);
}

static void
settle_after_paint (GdkFrameClock *frame_clock,
                    gpointer       data)
{
  SettleWait *wait = data;

  if (window_layout_at_rest (wait->window))
    wait->painted = TRUE;
  else
    gtk_widget_queue_draw (GTK_WIDGET (wait->window));
}

static gboolean
window_settled (gpointer data)
{
  return ((SettleWait *) data)->painted;
}

/* Waits until the window has painted a frame with its layout at rest
 * (see window_layout_at_rest()): what is then allocated is what a person
 * sees, the web view's size included (WebKit gets it with the frame). */
static inline void
ui_wait_for_settled_frame (UiFixture *fixture)
{
  SettleWait wait = { fixture->window, FALSE };
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  gulong id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (settle_after_paint), &wait);

  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  ui_wait_until (window_settled, &wait, "a frame of the window with its layout at rest");
  g_signal_handler_disconnect (frame_clock, id);
}

/* Resizes the window and waits until it has the new width (within 10 px:
 * the X server may round), growing or shrinking; then until the layout
 * that follows the width has settled and been painted. */
static inline void
ui_set_window_size (UiFixture *fixture,
                    int        width,
                    int        height)
{
  SizeWait wait = { GTK_WIDGET (fixture->window), width };
  g_autofree char *what = g_strdup_printf ("the window's new width, %d px", width);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  ui_wait_until (window_has_width, &wait, what);
  ui_wait_for_settled_frame (fixture);
}

static gboolean
window_drawn (gpointer data)
{
  UiFixture *fixture = data;
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         gma_page_view_get_web_view (fixture->window->page_view) != NULL;
}

/* One application per test program, as in real life; a window per test. */
static inline GmaApplication *
ui_get_application (void)
{
  static GmaApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = gma_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }

  return app;
}

/* Opens a window of @fixture->app on the embedded content and waits for
 * its first frame and its web view, like a person waits for the window. */
static inline void
ui_fixture_open_window (UiFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->content = gma_content_new_embedded (&error);
  g_assert_no_error (error);

  fixture->window = gma_window_new (fixture->app);
  gma_window_set_content (fixture->window, fixture->content, NULL);
  /* A kiosk's window has the screen's size of its own. */
  if (fixture->window->kiosk == NULL)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));

  ui_wait_until (window_drawn, fixture, "the window's first frame and web view");
}

static inline void
ui_fixture_set_up (UiFixture *fixture, gconstpointer data)
{
  fixture->app = g_object_ref (ui_get_application ());
  ui_fixture_open_window (fixture);
}

static inline void
ui_fixture_tear_down (UiFixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->content);
  g_clear_object (&fixture->app);
}

/* A window of the counter kiosk: kiosk-mode set, as an administrator
 * sets it with dconf, before the window opens. */
static inline void
ui_kiosk_fixture_set_up (UiFixture *fixture, gconstpointer data)
{
  fixture->app = g_object_ref (ui_get_application ());
  g_settings_set_boolean (gma_application_get_settings (fixture->app), "kiosk-mode", TRUE);
  g_assert_true (gma_application_get_kiosk (fixture->app));
  ui_fixture_open_window (fixture);
}

/* Closes the window, then resets kiosk-mode: the next test of the
 * program starts from the default, whichever set-up it uses. */
static inline void
ui_kiosk_fixture_tear_down (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_object_ref (gma_application_get_settings (fixture->app));

  ui_fixture_tear_down (fixture, data);
  g_settings_reset (settings, "kiosk-mode");
}

typedef struct {
  GdkTexture *texture;
  GError     *error;
  gboolean    done;
} UiSnapshot;

static void
ui_snapshot_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  UiSnapshot *snapshot = user_data;

  snapshot->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result,
                                                           &snapshot->error);
  snapshot->done = TRUE;
}

static gboolean
ui_snapshot_taken (gpointer data)
{
  return ((UiSnapshot *) data)->done;
}

/* What @web_view draws of @region (the visible part, the whole document),
 * as WebKit paints it. */
static inline GdkTexture *
ui_snapshot_web_view (GtkWidget            *web_view,
                      WebKitSnapshotRegion  region)
{
  UiSnapshot snapshot = { NULL, NULL, FALSE };

  webkit_web_view_get_snapshot (WEBKIT_WEB_VIEW (web_view), region, WEBKIT_SNAPSHOT_OPTIONS_NONE,
                                NULL, ui_snapshot_done, &snapshot);
  ui_wait_until (ui_snapshot_taken, &snapshot, "a snapshot of the page");
  g_assert_no_error (snapshot.error);
  g_assert_nonnull (snapshot.texture);
  return snapshot.texture;
}

/* The text on @widget's clipboard, or NULL when it holds nothing. */
static inline char *
ui_dup_clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *provider = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  GValue value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  char *text;

  if (provider == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  text = g_value_dup_string (&value);
  g_value_unset (&value);

  return text;
}

/* The first button under @widget (or @widget itself) bound to @action. */
static inline GtkWidget *
ui_find_action_button (GtkWidget  *widget,
                       const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline void
ui_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Whether real input can be sent through the X server's XTEST extension:
 * xdotool is installed and GTK draws on X11 (not on Wayland, where
 * xdotool reaches no window of ours). */
static inline gboolean
ui_have_xtest (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkDisplay *display = gdk_display_get_default ();

  /* By type name: no X11 header is needed where GTK was built without it. */
  return xdotool != NULL && display != NULL &&
         g_str_equal (G_OBJECT_TYPE_NAME (display), "GdkX11Display");
}

/* Why ui_have_xtest() says no, for g_test_skip(): on Wayland (tools/test's
 * second pass) a test that sends real input stays X11-only. */
static inline const char *
ui_xtest_skip_reason (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (display != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (display), "GdkX11Display"))
    return "sends real input through XTEST (xdotool): X11 only, and GTK draws on Wayland here";
  if (xdotool == NULL)
    return "sends real input through XTEST and xdotool is not installed";
  return "sends real input through XTEST: needs an X11 display";
}

/* Runs "xdotool ARGS" (@format and what follows make ARGS), which must
 * succeed, then lets the app handle what it sent for @settle_ms. */
static inline void ui_xdotool (guint settle_ms, const char *format, ...) G_GNUC_PRINTF (2, 3);

static inline void
ui_xdotool (guint       settle_ms,
            const char *format,
            ...)
{
  g_autofree char *args = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  command = g_strconcat ("xdotool ", args, NULL);

  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  ui_wait_ms (settle_ms);
}

static gboolean
ui_window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static void
ui_read_text_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **out = user_data;

  /* Nothing to read (no selection, or none as text) leaves NULL. */
  out[0] = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  out[1] = GINT_TO_POINTER (1);
}

static gboolean
ui_read_done (gpointer data)
{
  char **out = data;
  return out[1] != NULL;
}

/* The text on @display's clipboard as another application sees it: read
 * through a second connection to the display server, which is another
 * client to it, through the X server's selection or the Wayland
 * compositor's data device. On Wayland only the client with the keyboard
 * focus is offered the selection: the other client shows a window and
 * waits for the focus first. NULL when there is no text. */
static inline char *
ui_read_clipboard_elsewhere (GdkDisplay *display)
{
  GdkDisplay *other = gdk_display_open (gdk_display_get_name (display));
  GtkWidget *window;
  char *out[2] = { NULL, NULL };

  g_assert_nonnull (other);
  window = gtk_window_new ();
  gtk_window_set_display (GTK_WINDOW (window), other);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("another application"));
  gtk_window_present (GTK_WINDOW (window));
  if (g_str_equal (G_OBJECT_TYPE_NAME (other), "GdkWaylandDisplay"))
    ui_wait_until (ui_window_active, window, "the other client's window to have the focus");

  gdk_clipboard_read_text_async (gdk_display_get_clipboard (other), NULL, ui_read_text_cb, out);
  ui_wait_until (ui_read_done, out, "the other client's clipboard read");

  gtk_window_destroy (GTK_WINDOW (window));
  gdk_display_close (other);
  return out[0];
}

/* /proc/PID/stat: "PID (COMM) STATE PPID …"; COMM may hold spaces and
 * parentheses, so it ends at the last ')'. */
static inline gboolean
ui_read_stat (const char  *pid,
              char       **comm,
              pid_t       *ppid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *text = NULL;
  const char *open_paren;
  const char *close_paren;
  int parent;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  open_paren = strchr (text, '(');
  close_paren = strrchr (text, ')');
  if (open_paren == NULL || close_paren == NULL || close_paren < open_paren ||
      sscanf (close_paren + 1, " %*c %d", &parent) != 1)
    return FALSE;

  *comm = g_strndup (open_paren + 1, close_paren - open_paren - 1);
  *ppid = parent;
  return TRUE;
}

/* The pids of the web processes this test program started: processes
 * named WebKitWebProcess (cut to 15 characters by the kernel) that
 * descend from this one, directly or through a sandbox launcher. */
static inline GArray *
ui_find_web_processes (void)
{
  g_autoptr(GHashTable) family = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autoptr(GArray) ppids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autoptr(GPtrArray) comms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  GArray *found = g_array_new (FALSE, FALSE, sizeof (pid_t));
  const char *name;
  gboolean grew = TRUE;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *comm = NULL;
      pid_t pid, ppid;

      if (!g_ascii_isdigit (name[0]) || !ui_read_stat (name, &comm, &ppid))
        continue;
      pid = (pid_t) g_ascii_strtoll (name, NULL, 10);
      g_array_append_val (pids, pid);
      g_array_append_val (ppids, ppid);
      g_ptr_array_add (comms, comm);
    }

  /* This process and its descendants, however deep. */
  g_hash_table_add (family, GINT_TO_POINTER ((int) getpid ()));
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < pids->len; i++)
        {
          gpointer pid = GINT_TO_POINTER ((int) g_array_index (pids, pid_t, i));
          gpointer ppid = GINT_TO_POINTER ((int) g_array_index (ppids, pid_t, i));

          if (!g_hash_table_contains (family, pid) && g_hash_table_contains (family, ppid))
            {
              g_hash_table_add (family, pid);
              grew = TRUE;
            }
        }
    }

  for (guint i = 0; i < pids->len; i++)
    {
      pid_t pid = g_array_index (pids, pid_t, i);

      if (pid != getpid () && g_hash_table_contains (family, GINT_TO_POINTER ((int) pid)) &&
          g_str_has_prefix (g_ptr_array_index (comms, i), "WebKitWebProces"))
        g_array_append_val (found, pid);
    }

  return found;
}

typedef struct {
  GmaPageView *page_view;
  GtkWidget   *old_view;
} ViewWait;

static inline gboolean
ui_view_replaced (gpointer data)
{
  ViewWait *wait = data;
  GtkWidget *view = gma_page_view_get_web_view (wait->page_view);

  return view != NULL && view != wait->old_view;
}

/* Kills the web processes this program started (at least one: a test
 * that found none would have crashed nothing), expecting the crash to be
 * logged once, as it should be for an administrator (the caller asserts
 * it once the pane has heard of it). */
static inline void
ui_kill_web_processes (void)
{
  g_autoptr(GArray) processes = ui_find_web_processes ();

  g_test_message ("%u web process(es)", processes->len);
  g_assert_cmpuint (processes->len, >=, 1);
  g_test_expect_message ("gma-web-module", G_LOG_LEVEL_WARNING, "The web process of the page pane ended*");
  for (guint i = 0; i < processes->len; i++)
    g_assert_cmpint (kill (g_array_index (processes, pid_t, i), SIGKILL), ==, 0);
}

/* Kills the web processes this program started and waits until
 * @page_view has made a new web view. */
static inline void
ui_crash_web_processes (GmaPageView *page_view)
{
  g_autoptr(GtkWidget) old_view = g_object_ref (gma_page_view_get_web_view (page_view));
  ViewWait wait = { page_view, old_view };

  ui_kill_web_processes ();
  ui_wait_until (ui_view_replaced, &wait, "the rebuilt web view");
  g_test_assert_expected_messages ();
}

typedef struct {
  GmaFaqSidebar *sidebar;
  const char    *query;
} UiQueryWait;

static gboolean
ui_query_shown (gpointer data)
{
  UiQueryWait *wait = data;

  return g_strcmp0 (gma_faq_sidebar_get_query (wait->sidebar), wait->query) == 0;
}

/* Types @text in the FAQ's search (as one committed change) and waits for
 * the search-changed delay to run the search. */
static inline void
ui_search_faq (UiFixture  *fixture,
               const char *text)
{
  UiQueryWait wait = { fixture->window->sidebar, NULL };
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *what = g_strdup_printf ("the search for “%s”", text);

  /* The list is filled after the first frame: make sure it is. */
  gma_faq_sidebar_get_list (wait.sidebar);
  gtk_editable_set_text (gma_faq_sidebar_get_search_entry (wait.sidebar), text);
  wait.query = stripped[0] != '\0' ? stripped : NULL;
  ui_wait_until (ui_query_shown, &wait, what);
}

#ifdef GETTEXT_PACKAGE
/* gtk_test_init() in a Japanese session, with the real translations built
 * from po/ja.po (GMA_LOCALEDIR); fails when ja_JP.UTF-8 is missing. */
static inline void
ui_test_init_japanese (int    *argc,
                       char ***argv)
{
  /* Before GTK calls setlocale(): a Japanese session. */
  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ja", TRUE);
  g_unsetenv ("LANG");

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() sets a fixed English locale; take the session's. */
  setlocale (LC_ALL, "");

  if (setlocale (LC_MESSAGES, NULL) == NULL ||
      !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ja_JP"))
    g_error ("the ja_JP.UTF-8 locale is not available (tools/setup generates it)");

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GMA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
#endif
