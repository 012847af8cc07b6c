/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing on a real print queue: tools/test's private CUPS, whose default
 * printer is a cups-pdf queue that writes each job as a PDF
 * (tools/lib/cups.sh; GMA_CUPS_SERVER, GMA_PRINT_SYSTEM_BUS, GMA_PRINT_DIR).
 *
 * In kiosk mode with kiosk-allow-print, 「印刷」 on each of the six results
 * prints the slip: the PDF the queue writes has exactly one page, and the
 * slip's text read back from it (pdftotext) has the result's reference and
 * title, the answers that led there and every URL of the result; every QR code on
 * the page (pdftoppm, zbarimg) decodes to one of those URLs or the
 * counter's web page, and each of those has its QR code.
 *
 * On the desktop, Ctrl+P opens the print dialog, which offers that queue,
 * without a warning: GLib's test set-up makes every warning and critical
 * of this process fatal. GTK's print support talks to colord and avahi on
 * the system bus, as on a desktop: tools/lib/cups.sh runs both on a system
 * bus of this run's own. */
#define G_LOG_DOMAIN "gma-test-print"
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "ui-test-util.h"

#define QUEUE "gma-pdf"

static const char *print_dir;

static gboolean
have_queue (void)
{
  if (print_dir != NULL)
    return TRUE;
  g_test_skip ("no private print queue: tools/test starts one (tools/lib/cups.sh), as root, "
               "with cups and printer-driver-cups-pdf installed");
  return FALSE;
}

/* Runs ARGV (a program found in PATH); its standard output, or an error
 * naming the program and what it said. An exit status of @also_ok is no
 * error either (zbarimg's 4: no code found). */
static char *
run_allowing (const char * const *argv,
              int                 also_ok)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL) &&
      !(WIFEXITED (status) && WEXITSTATUS (status) == also_ok))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
run (const char * const *argv)
{
  return run_allowing (argv, 0);
}

/* Text as it is compared: NFKC (pdftotext gives some kanji as their Kangxi
 * radicals, 方 as ⽅) without any white space (lines wrap on paper). */
static char *
comparable (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_text_has (const char *text,
                 const char *what,
                 const char *pdf)
{
  g_autofree char *haystack = comparable (text);
  g_autofree char *needle = comparable (what);

  if (strstr (haystack, needle) == NULL)
    g_error ("%s does not say “%s”; its text:\n%s", pdf, what, text);
}

/* The PDFs in the queue's directory. */
static GPtrArray *
list_pdfs (void)
{
  g_autoptr(GDir) dir = g_dir_open (print_dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

typedef struct {
  GPtrArray *before;
  char      *found;     /* the new PDF, once the queue has finished it */
} JobWait;

static gboolean
name_in (GPtrArray *names, const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* A new PDF, and its job (cups-pdf names it TITLE-job_N.pdf) completed. */
static gboolean
job_written (gpointer data)
{
  JobWait *wait = data;
  g_autoptr(GPtrArray) now = list_pdfs ();

  for (guint i = 0; i < now->len && wait->found == NULL; i++)
    {
      const char *name = g_ptr_array_index (now, i);
      const char *label = g_strrstr (name, "-job_");
      guint64 job = 0;

      if (name_in (wait->before, name) || label == NULL ||
          sscanf (label, "-job_%" G_GUINT64_FORMAT ".pdf", &job) != 1)
        continue;

      {
        const char *argv[] = { "lpstat", "-W", "completed", "-o", QUEUE, NULL };
        g_autofree char *completed = run (argv);
        g_autofree char *id = g_strdup_printf (QUEUE "-%" G_GUINT64_FORMAT " ", job);

        if (strstr (completed, id) != NULL)
          wait->found = g_build_filename (print_dir, name, NULL);
      }
    }

  /* The queue's progress is no event of this main loop: look again in a
   * moment (ui_wait_until iterates the loop until something happens). A
   * poll inside the wait for a condition, not a wait in place of one:
   * CUPS tells this process nothing when a job completes. */
  if (wait->found == NULL)
    ui_wait_ms (200);
  return wait->found != NULL;
}

static gboolean
slip_done (gpointer data)
{
  return !GMA_WINDOW (data)->kiosk->printing_slip;
}

#define COUNTER_URL "https://www.pref.example.jp/iryo/madoguchi.html"

/* GTK 4.8's CUPS printers ask colord for their colour profile when they are
 * made, and cancel that when they go; the callback then warns even though
 * it was cancelled ("failed to contact colord: [Error sending credentials:]
 * Operation was cancelled"). A silent print can end before colord answers,
 * and GTK then warns so at random. That one message is not fatal in the
 * slip tests; any other warning is. (The dialog's test allows none.) GTK
 * logs structured: its warnings are made fatal by GLib's default writer,
 * which this one calls for everything else. */
static gboolean allow_cancelled_colord;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (allow_cancelled_colord && (log_level & G_LOG_LEVEL_WARNING))
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          strstr (fields[i].value, "colord") != NULL &&
          g_str_has_suffix (fields[i].value, "Operation was cancelled"))
        return g_log_writer_standard_streams (log_level & ~G_LOG_FLAG_FATAL, fields, n_fields, user_data);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
print_set_up (UiFixture *fixture, gconstpointer data)
{
  GSettings *settings;

  ui_kiosk_fixture_set_up (fixture, data);
  settings = fixture->window->settings;
  g_settings_set_boolean (settings, "kiosk-allow-print", TRUE);
  /* A counter as an administrator fills it in: it is printed at the
   * bottom of the slip, its web page with a QR code. */
  g_settings_set_string (settings, "counter-name", "〇〇県 医療政策課 G-MIS 担当");
  g_settings_set_string (settings, "counter-phone", "03-0000-0000");
  g_settings_set_string (settings, "counter-hours", "平日 9:00〜17:00");
  g_settings_set_string (settings, "counter-url", COUNTER_URL);
}

static void
print_tear_down (UiFixture *fixture, gconstpointer data)
{
  GSettings *settings = g_object_ref (fixture->window->settings);

  ui_kiosk_fixture_tear_down (fixture, data);
  g_settings_reset (settings, "kiosk-allow-print");
  g_settings_reset (settings, "counter-name");
  g_settings_reset (settings, "counter-phone");
  g_settings_reset (settings, "counter-hours");
  g_settings_reset (settings, "counter-url");
  g_object_unref (settings);
}

static void
test_slip (UiFixture *fixture, gconstpointer data)
{
  const char *id = data;
  GmaWindow *window = fixture->window;
  g_autofree char *uri = g_strdup_printf ("gma://page/%s", id);
  g_autoptr(GPtrArray) before = NULL;
  JobWait wait = { NULL, NULL };
  const GmaNode *node;
  const char * const *urls;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *codes = NULL;
  g_auto(GStrv) decoded = NULL;
  GtkWidget *button;

  if (!have_queue ())
    return;
  allow_cancelled_colord = TRUE;

  /* A visitor walks to the result (the answers given on the way)… */
  g_signal_emit_by_name (window->kiosk->attract_screen, "activated");
  g_assert_true (gma_window_show_page (window, id));
  ui_wait_for_page (fixture, uri);
  node = gma_session_get_current (window->session);
  g_assert_cmpint (gma_node_get_kind (node), ==, GMA_NODE_RESULT);
  g_assert_cmpuint (gma_session_get_n_steps (window->session), >, 1);

  /* …and presses 「印刷」. */
  before = list_pdfs ();
  wait.before = before;
  button = ui_find_action_button (GTK_WIDGET (window->question_view), "win.print-slip");
  g_assert_nonnull (button);
  ui_click (button);
  g_assert_true (window->kiosk->printing_slip);
  ui_wait_until (slip_done, window, "the slip to be printed");
  ui_wait_for_page (fixture, uri);
  ui_wait_until (job_written, &wait, "the queue to write the slip's PDF");
  g_test_message ("%s: %s", id, wait.found);

  /* One page. */
  {
    const char *argv[] = { "pdfinfo", wait.found, NULL };

    info = run (argv);
    if (strstr (info, "\nPages:           1\n") == NULL)
      g_error ("The slip of %s is not one page:\n%s", id, info);
  }

  /* Its text: the reference, the answers, every URL. */
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", wait.found, "-", NULL };

    text = run (argv);
  }
  /* (パスワード設定 and 既存アカウント have a title but no reference.) */
  if (gma_node_get_reference (node) != NULL)
    assert_text_has (text, gma_node_get_reference (node), wait.found);
  assert_text_has (text, gma_node_get_title (node), wait.found);
  for (guint i = 0; i < gma_session_get_n_steps (window->session); i++)
    {
      const GmaNode *step = gma_session_get_step_node (window->session, i);

      if (gma_node_get_kind (step) == GMA_NODE_INTRO)
        continue;
      assert_text_has (text, gma_node_get_short_title (step), wait.found);
      assert_text_has (text, gma_node_get_answer_label (step, gma_session_get_step_answer (window->session, i)),
                       wait.found);
    }
  /* (対応方法1 has none: the counter's is there for every result.) */
  urls = gma_node_get_urls (node);
  for (guint i = 0; urls[i] != NULL; i++)
    assert_text_has (text, urls[i], wait.found);
  assert_text_has (text, COUNTER_URL, wait.found);

  /* Its QR codes, as a phone reads them off the paper. */
  dir = g_dir_make_tmp ("gma-slip-XXXXXX", NULL);
  prefix = g_build_filename (dir, "page", NULL);
  {
    const char *argv[] = { "pdftoppm", "-q", "-r", "150", "-png", wait.found, prefix, NULL };
    g_autofree char *out = run (argv);
  }
  {
    g_autofree char *png = g_strconcat (prefix, "-1.png", NULL);
    const char *argv[] = { "zbarimg", "-q", "--raw", png, NULL };

    codes = run_allowing (argv, 4);
    g_remove (png);
    g_rmdir (dir);
  }
  decoded = g_strsplit (g_strstrip (codes), "\n", -1);
  for (guint i = 0; decoded[i] != NULL; i++)
    if (!g_strv_contains (urls, decoded[i]) && !g_str_equal (decoded[i], COUNTER_URL))
      g_error ("A QR code of the slip of %s reads “%s”, which is none of its URLs", id, decoded[i]);
  for (guint i = 0; urls[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) decoded, urls[i]))
      g_error ("No QR code of the slip of %s reads %s (read: %s)", id, urls[i], codes);
  if (!g_strv_contains ((const char * const *) decoded, COUNTER_URL))
    g_error ("No QR code of the slip of %s reads the counter's %s (read: %s)", id, COUNTER_URL, codes);

  g_free (wait.found);
  allow_cancelled_colord = FALSE;
}

/* ------------------------------------------------------------------ */
/* The desktop's print dialog                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  GtkWidget *dialog;
  char      *printer;
  gboolean   shown;
  gboolean   timed_out;
} DialogWait;

static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* Runs inside the dialog's own main loop (webkit_print_operation_run_dialog
 * returns when the dialog closes): waits until it is on screen with the
 * queue chosen (the default printer), then cancels it. */
static gboolean
answer_dialog_cb (gpointer data)
{
  DialogWait *wait = data;
  GtkPrinter *printer;

  if (wait->timed_out)
    return G_SOURCE_REMOVE;
  if (wait->dialog == NULL)
    {
      wait->dialog = find_print_dialog ();
      /* Cleared when it goes (cancelled, below). */
      if (wait->dialog != NULL)
        g_object_add_weak_pointer (G_OBJECT (wait->dialog), (gpointer *) &wait->dialog);
    }
  if (wait->dialog == NULL || !gtk_widget_get_mapped (wait->dialog))
    return G_SOURCE_CONTINUE;
  printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (wait->dialog));
  if (printer == NULL)
    return G_SOURCE_CONTINUE;

  wait->printer = g_strdup (gtk_printer_get_name (printer));
  wait->shown = TRUE;
  gtk_dialog_response (GTK_DIALOG (wait->dialog), GTK_RESPONSE_CANCEL);
  return G_SOURCE_REMOVE;
}

static void
test_desktop_dialog (UiFixture *fixture, gconstpointer data)
{
  DialogWait wait = { NULL, NULL, FALSE, FALSE };
  g_auto(GStrv) accels = NULL;
  guint answer, timeout;

  if (!have_queue ())
    return;

  ui_wait_for_page (fixture, "gma://page/start");

  /* Ctrl+P is the window's print action… */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "page.print");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));

  /* …which opens the print dialog, offering the default printer. */
  answer = g_timeout_add (100, answer_dialog_cb, &wait);
  timeout = g_timeout_add_seconds (UI_TEST_TIMEOUT_SECONDS, ui_timeout_cb, &wait.timed_out);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "page.print", NULL);
  if (!wait.timed_out)
    g_source_remove (timeout);
  else
    g_source_remove (answer);

  g_assert_false (wait.timed_out);
  g_assert_true (wait.shown);
  g_assert_cmpstr (wait.printer, ==, QUEUE);
  /* Cancelled, it is gone. */
  g_assert_null (wait.dialog);
  g_assert_null (find_print_dialog ());
  g_free (wait.printer);
}

int
main (int argc, char *argv[])
{
  static const char * const results[] = {
    "remedy-1", "remedy-2", "remedy-3", "remedy-4", "set-password", "existing-account",
  };

  /* GTK and every CUPS client in this process use the private queue. */
  if (g_getenv ("GMA_CUPS_SERVER") != NULL && g_getenv ("GMA_PRINT_DIR") != NULL &&
      g_getenv ("GMA_PRINT_SYSTEM_BUS") != NULL)
    {
      g_setenv ("CUPS_SERVER", g_getenv ("GMA_CUPS_SERVER"), TRUE);
      g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_getenv ("GMA_PRINT_SYSTEM_BUS"), TRUE);
      print_dir = g_getenv ("GMA_PRINT_DIR");
    }

  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *path = g_strdup_printf ("/print/kiosk-slip/%s", results[i]);

      g_test_add (path, UiFixture, results[i], print_set_up, test_slip, print_tear_down);
    }
  g_test_add ("/print/desktop-dialog", UiFixture, NULL, ui_fixture_set_up, test_desktop_dialog,
              ui_fixture_tear_down);

  return g_test_run ();
}
