/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page pane where WebKit cannot start its sandbox, which used to
 * abort the whole program (WebKit's "Failed to fully launch dbus-proxy",
 * SIGTRAP): a stale session bus address, as after su or after the session
 * ended, and a full disk under the runtime directory. Each runs the real
 * window in a child process of its own (WebKit and GLib read the
 * environment once): the window comes up, the pane says why it shows no
 * page, the walk, the copy and the FAQ list still work, Reload asks again
 * (and shows the page once the cause is gone), and the process lives.
 *
 * The full disk is a small tmpfs, filled, under HOME and XDG_RUNTIME_DIR,
 * mounted in a mount namespace of the child's own (it goes with the
 * child): as root directly, otherwise in a user namespace of its own. A
 * directory that cannot be written at all is no stand-in: WebKit copes
 * with one (it then shows the pages). Where neither namespace can be
 * made, the test is skipped, saying why. */
#define G_LOG_DOMAIN "gma-test-web-env"
#define _GNU_SOURCE   /* unshare() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>

#include <glib/gstdio.h>

#include "test-util.h"
#include "ui-test-util.h"

#define STALE_BUS "unix:path=/nonexistent/bus"

/* Set for the child: GMA_TEST_UNWELL_DIR is a directory the parent made;
 * with GMA_TEST_UNWELL=full-disk the child mounts the tmpfs at DIR/disk
 * before anything starts, or writes why it cannot to DIR/skip. */
#define UNWELL_VARIABLE "GMA_TEST_UNWELL"
#define UNWELL_DIR_VARIABLE "GMA_TEST_UNWELL_DIR"
/* The session bus to go back to, once the stale one has been seen. */
#define REAL_BUS_VARIABLE "GMA_TEST_REAL_BUS"

static char *full_disk_fill;     /* the file that fills the tmpfs */
static char *full_disk_skip;     /* why there is no tmpfs, or NULL */

static gboolean
write_proc_file (const char  *path,
                 const char  *text,
                 char       **reason)
{
  g_autoptr(GError) error = NULL;

  if (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0644, &error))
    return TRUE;
  *reason = g_strdup_printf ("cannot write %s: %s", path, error->message);
  return FALSE;
}

/* A mount namespace of this process's own: as root, or (unprivileged) in a
 * user namespace where this user keeps its ids. Before any thread. */
static gboolean
own_mount_namespace (char **reason)
{
  g_autofree char *uid_map = NULL;
  g_autofree char *gid_map = NULL;
  uid_t uid = getuid ();
  gid_t gid = getgid ();
  int root_errno;

  if (unshare (CLONE_NEWNS) == 0)
    return TRUE;
  root_errno = errno;

  if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    {
      *reason = g_strdup_printf ("cannot mount a tmpfs: no mount namespace as root (%s) nor in a "
                                 "user namespace (%s)", g_strerror (root_errno), g_strerror (errno));
      return FALSE;
    }
  uid_map = g_strdup_printf ("%u %u 1\n", (guint) uid, (guint) uid);
  gid_map = g_strdup_printf ("%u %u 1\n", (guint) gid, (guint) gid);

  return write_proc_file ("/proc/self/setgroups", "deny", reason) &&
         write_proc_file ("/proc/self/uid_map", uid_map, reason) &&
         write_proc_file ("/proc/self/gid_map", gid_map, reason);
}

/* A 256 KiB tmpfs at @dir/disk, holding home/ and run/, then filled. */
static gboolean
mount_full_disk (const char  *dir,
                 char       **reason)
{
  g_autofree char *disk = g_build_filename (dir, "disk", NULL);
  g_autofree char *home = g_build_filename (disk, "home", NULL);
  g_autofree char *run = g_build_filename (disk, "run", NULL);
  g_autofree char *block = g_malloc0 (4096);
  int fd;

  if (!own_mount_namespace (reason))
    return FALSE;
  /* Nothing mounted here reaches the parent's namespace. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", disk, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k,mode=0700") != 0)
    {
      *reason = g_strdup_printf ("cannot mount a tmpfs at %s: %s", disk, g_strerror (errno));
      return FALSE;
    }

  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (run, 0700), ==, 0);
  /* On Wayland (tools/test's second pass) the compositor's socket is
   * found in XDG_RUNTIME_DIR: the new one points at it, made before the
   * disk is full. */
  if (g_getenv ("WAYLAND_DISPLAY") != NULL && !g_path_is_absolute (g_getenv ("WAYLAND_DISPLAY")) &&
      g_getenv ("XDG_RUNTIME_DIR") != NULL)
    {
      g_autofree char *socket = g_build_filename (g_getenv ("XDG_RUNTIME_DIR"), g_getenv ("WAYLAND_DISPLAY"), NULL);
      g_autofree char *link = g_build_filename (run, g_getenv ("WAYLAND_DISPLAY"), NULL);

      g_assert_cmpint (symlink (socket, link), ==, 0);
    }
  full_disk_fill = g_build_filename (disk, "fill", NULL);
  fd = g_open (full_disk_fill, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, 4096) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", run, TRUE);
  return TRUE;
}

/* ------------------------------------------------------------------ */

static gboolean
pane_says_why (gpointer data)
{
  UiFixture *fixture = data;

  return gma_page_view_get_message (fixture->window->page_view) != NULL;
}

static gboolean
faq_listed (gpointer data)
{
  UiFixture *fixture = data;
  g_auto(GStrv) ids = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);

  return g_strv_length (ids) == 17;
}

static gboolean
faq_filtered (gpointer data)
{
  UiFixture *fixture = data;
  g_auto(GStrv) ids = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);

  return g_strv_contains ((const char * const *) ids, "faq-3-3") &&
         !g_strv_contains ((const char * const *) ids, "faq-1-2");
}

/* The pane says why it shows no page (the warning, naming the cause, is
 * logged once for each try) and offers Reload. */
static void
assert_pane_says (UiFixture  *fixture,
                  const char *cause)
{
  GmaPageView *page_view = fixture->window->page_view;
  GtkWidget *reload = gma_page_view_get_reload_button (page_view);
  const char *message = gma_page_view_get_message (page_view);

  g_test_message ("The pane says: %s", message);
  g_assert_nonnull (message);
  test_assert_contains (message, cause);
  g_assert_null (gma_page_view_get_web_view (page_view));
  g_assert_false (gma_page_view_is_loading (page_view));
  g_assert_nonnull (reload);
  g_assert_true (gtk_widget_get_mapped (reload));
  g_assert_true (gtk_widget_is_sensitive (reload));
}

/* In the child: the window on an unwell machine. @warning: what the app
 * logs (a pattern), @cause: what the pane says (in part); @cure makes the
 * machine well again. */
static void
run_window (const char *warning,
            const char *cause,
            void      (*cure) (void))
{
  UiFixture fixture_data = { 0 };
  UiFixture *fixture = &fixture_data;
  GmaSession *session;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  fixture->app = g_object_ref (ui_get_application ());
  fixture->content = gma_content_new_embedded (&error);
  g_assert_no_error (error);

  g_test_expect_message ("gma-page-view", G_LOG_LEVEL_WARNING, warning);
  fixture->window = gma_window_new (fixture->app);
  gma_window_set_content (fixture->window, fixture->content, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_wait_until (pane_says_why, fixture, "the pane's message");
  g_test_assert_expected_messages ();

  /* The window is up, and says why there is no page. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  assert_pane_says (fixture, cause);
  session = gma_window_get_session (fixture->window);

  /* The walk goes on: the buttons answer, the pane is asked for each page. */
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 0));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "pre-notice");
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "issue-mail");
  g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), ==, "gma://page/issue-mail");
  assert_pane_says (fixture, cause);

  /* The summary of the walk is copied. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-summary", NULL);
  summary = ui_dup_clipboard_text (GTK_WIDGET (fixture->window));
  g_assert_nonnull (summary);
  test_assert_contains (summary, "届いている");

  /* The FAQ is listed and searched; an entry chosen waits for the pane. */
  ui_wait_until (faq_listed, fixture, "the FAQ list");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-faq", "s", "faq-3-1");
  g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), ==, "gma://faq/faq-3-1");
  gtk_editable_set_text (GTK_EDITABLE (gma_faq_sidebar_get_search_entry (fixture->window->sidebar)),
                         "ログインID");
  ui_wait_until (faq_filtered, fixture, "the FAQ search");
  assert_pane_says (fixture, cause);

  /* Reload asks again: still unwell, the same message. */
  g_test_expect_message ("gma-page-view", G_LOG_LEVEL_WARNING, warning);
  ui_click (gma_page_view_get_reload_button (fixture->window->page_view));
  g_test_assert_expected_messages ();
  assert_pane_says (fixture, cause);

  /* Made well (the disk freed, a new login), Reload shows the page asked
   * for last. */
  cure ();
  ui_click (gma_page_view_get_reload_button (fixture->window->page_view));
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");
  g_assert_null (gma_page_view_get_message (fixture->window->page_view));
  g_assert_false (gtk_widget_get_mapped (gma_page_view_get_reload_button (fixture->window->page_view)));

  ui_fixture_tear_down (fixture, NULL);
}

/* Runs the test in a child with @variables set; FALSE (the test skipped)
 * when the child wrote why it could not break the machine. */
static gboolean
run_child (const char * const *variables,
           const char         *dir)
{
  g_autofree char *skip_file = g_build_filename (dir, "skip", NULL);
  g_autofree char *reason = NULL;
  g_autofree char *test_path = g_strconcat (g_test_get_path (), "/subprocess", NULL);

  for (guint i = 0; variables[i] != NULL; i += 2)
    g_setenv (variables[i], variables[i + 1], TRUE);
  /* Its output goes straight to the log (a pipe would wait for WebKit's
   * helpers, which outlive a child that crashed). */
  g_test_trap_subprocess (test_path, 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  for (guint i = 0; variables[i] != NULL; i += 2)
    g_unsetenv (variables[i]);

  if (g_file_get_contents (skip_file, &reason, NULL, NULL))
    {
      g_unlink (skip_file);
      g_test_skip (reason);
      return FALSE;
    }

  /* It ran to its end: it did not die. */
  g_test_trap_assert_passed ();
  return TRUE;
}

/* ---- a stale session bus address ---- */

static void
cure_bus (void)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_getenv (REAL_BUS_VARIABLE), TRUE);
}

static void
test_stale_bus_child (void)
{
  run_window ("*session bus address (DBUS_SESSION_BUS_ADDRESS) “" STALE_BUS "” is in /nonexistent*",
              "session", cure_bus);
}

static void
test_stale_bus (void)
{
  const char *real_bus = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  g_autofree char *dir = g_dir_make_tmp ("gma-web-env-XXXXXX", NULL);
  /* GTK's accessibility goes without: with the session bus gone it may
   * still find the accessibility bus (through the X server, where an
   * earlier test's session left its address), and then trips over its own
   * feet (a critical in g_dbus_connection_emit_signal()), which is not
   * what this test is about. */
  const char * const variables[] = {
    "DBUS_SESSION_BUS_ADDRESS", STALE_BUS,
    REAL_BUS_VARIABLE, real_bus,
    "GTK_A11Y", "none",
    NULL,
  };
  g_autofree char *saved = g_strdup (real_bus);

  /* tools/test runs the suite in a session of its own. */
  if (real_bus == NULL)
    {
      g_test_skip ("no session bus to go back to (run it under dbus-run-session)");
      return;
    }

  run_child (variables, dir);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved, TRUE);
  g_rmdir (dir);
}

/* ---- a full disk ---- */

static void
cure_disk (void)
{
  g_assert_cmpint (g_unlink (full_disk_fill), ==, 0);
}

static void
test_full_disk_child (void)
{
  if (full_disk_skip != NULL)
    {
      g_autofree char *skip_file = g_build_filename (g_getenv (UNWELL_DIR_VARIABLE), "skip", NULL);

      g_assert_true (g_file_set_contents (skip_file, full_disk_skip, -1, NULL));
      return;
    }

  run_window ("*there is no room left in *run (XDG_RUNTIME_DIR)*", "disk", cure_disk);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gma-web-env-XXXXXX", NULL);
  g_autofree char *disk = g_build_filename (dir, "disk", NULL);
  const char * const variables[] = {
    UNWELL_VARIABLE, "full-disk",
    UNWELL_DIR_VARIABLE, dir,
    NULL,
  };

  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  run_child (variables, dir);
  /* The tmpfs went with the child's namespace: an empty directory. */
  g_assert_cmpint (g_rmdir (disk), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  /* The child that is to run on a full disk makes it before anything
   * starts a thread or reads HOME. */
  if (g_strcmp0 (g_getenv (UNWELL_VARIABLE), "full-disk") == 0 &&
      !mount_full_disk (g_getenv (UNWELL_DIR_VARIABLE), &full_disk_skip))
    g_assert_nonnull (full_disk_skip);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/web-env/stale-session-bus", test_stale_bus);
  g_test_add_func ("/web-env/stale-session-bus/subprocess", test_stale_bus_child);
  g_test_add_func ("/web-env/full-disk", test_full_disk);
  g_test_add_func ("/web-env/full-disk/subprocess", test_full_disk_child);

  return g_test_run ();
}
