/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gmis-assistant --check-mail, end to end: every mail of the table
 * (mail-table.h: the guide's two mails in four charsets and two transfer
 * encodings, pasted text, forwarded and replied-to copies, look-alikes,
 * broken mails) through the real program, its output compared line for
 * line, its exit status, and for a broken mail the cause it names. */
#define G_LOG_DOMAIN "gma-test-check-mail"
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mail-table.h"
#include "test-run.h"
#include "test-util.h"

static void
test_mail (gconstpointer data)
{
  const TestMail *mail = data;
  g_auto(Run) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *option = NULL;
  g_autoptr(GError) error = NULL;

  if (mail->from_stdin)
    run_app_with_input (&run, (const char *[]) { "--check-mail=-", NULL }, mail->data);
  else
    {
      dir = g_dir_make_tmp ("gma-check-mail-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "mail.eml", NULL);
      g_file_set_contents (path, g_bytes_get_data (mail->data, NULL),
                           g_bytes_get_size (mail->data), &error);
      g_assert_no_error (error);
      option = g_strconcat ("--check-mail=", path, NULL);
      run_app (&run, (const char *[]) { option, NULL });
      g_unlink (path);
      g_rmdir (dir);
    }

  g_test_message ("status %d\nstdout:\n%sstderr:\n%s", run.status, run.out, run.err);
  g_assert_cmpint (run.status, ==, mail->status);
  if (mail->status == 0)
    {
      g_assert_cmpstr (run.out, ==, mail->expected);
      g_assert_cmpstr (run.err, ==, "");
    }
  else
    {
      g_assert_cmpstr (run.out, ==, "");
      test_assert_contains (run.err, mail->expected);
      /* One line: the cause, not the mail */
      g_assert_cmpuint (test_count_occurrences (run.err, "\n"), ==, 1);
    }
}

/* The table has what the issue asks for. */
static void
test_table (gconstpointer data)
{
  GPtrArray *table = (GPtrArray *) data;
  guint counts[TEST_MAIL_BROKEN + 1] = { 0 };

  for (guint i = 0; i < table->len; i++)
    counts[((TestMail *) g_ptr_array_index (table, i))->kind]++;

  g_assert_cmpuint (table->len, >=, 30);
  /* each genuine mail in 4 charsets and 2 transfer encodings, and the pre-notice */
  g_assert_cmpuint (counts[TEST_MAIL_GENUINE], >=, 2 * 4 * 2);
  g_assert_cmpuint (counts[TEST_MAIL_PASTED], >=, 4);
  g_assert_cmpuint (counts[TEST_MAIL_FORWARDED], >=, 3);
  g_assert_cmpuint (counts[TEST_MAIL_LOOKALIKE], >=, 10);
  g_assert_cmpuint (counts[TEST_MAIL_BROKEN], >=, 8);
}

static void
test_usage (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--check-mail=", NULL });
  g_assert_cmpint (run.status, ==, 2);
  test_assert_contains (run.err, "--check-mail");
}

/* --check-mail is one of the options that print and exit: with another,
 * or with a modifier that changes nothing for it, a usage error */
static void
test_conflicts (void)
{
  static const char * const rows[][3] = {
    { "--check-mail=-", "--list-pages", NULL },
    { "--search=メール", "--check-mail=-", NULL },
    { "--check-mail=-", "--language=en", NULL },
    { "--check-mail=-", "--kiosk", NULL },
    { "--check-mail=-", "--page=start", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_auto(Run) run = { 0 };

      run_app (&run, rows[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      test_assert_contains (run.err, "--check-mail");
    }
}

static void
test_missing_file (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--check-mail=/nonexistent/mail.eml", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  test_assert_contains (run.err, "/nonexistent/mail.eml");
}

/* A content set without mail.json (an override made before the checker)
 * is valid, and has no checker. */
static void
test_content_without_mail (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gma-check-mail-XXXXXX", NULL);
  g_autofree char *set = g_build_filename (dir, "set", NULL);
  g_autofree char *mail_json = g_build_filename (set, "mail.json", NULL);
  g_autofree char *content = NULL;

  test_copy_tree (valid, set);
  g_assert_cmpint (g_unlink (mail_json), ==, 0);
  content = g_strconcat ("--content=", set, NULL);

  run_app (&run, (const char *[]) { content, "--check-mail=-", NULL });
  g_assert_cmpint (run.status, ==, 1);
  test_assert_contains (run.err, "mail.json");
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) table = NULL;

  g_test_init (&argc, &argv, NULL);

  table = test_mail_table ();
  g_test_add_data_func ("/check-mail/table", table, test_table);
  for (guint i = 0; i < table->len; i++)
    {
      TestMail *mail = g_ptr_array_index (table, i);
      g_autofree char *path = g_strconcat ("/check-mail/", mail->name, NULL);

      g_test_add_data_func (path, mail, test_mail);
    }
  g_test_add_func ("/check-mail/usage", test_usage);
  g_test_add_func ("/check-mail/conflicts", test_conflicts);
  g_test_add_func ("/check-mail/missing-file", test_missing_file);
  g_test_add_func ("/check-mail/content-without-mail", test_content_without_mail);

  return g_test_run ();
}
