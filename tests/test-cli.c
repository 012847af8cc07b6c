/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, end to end: the real gmis-assistant program, run the
 * way an administrator runs it. Needs no display: every option here
 * prints and exits before a window could open. */
#define G_LOG_DOMAIN "gma-test-cli"
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "test-run.h"
#include "test-util.h"

/* The content contract's edges, with the guide's labels. */
static const char * const contract_edges[] = {
  "\"start\" -> \"pre-notice\"",
  "\"pre-notice\" -> \"mailbox-space\" [label=\"届いていない\"];",
  "\"pre-notice\" -> \"issue-mail\" [label=\"届いている\"];",
  "\"issue-mail\" -> \"mailbox-space\" [label=\"届いていない\"];",
  "\"issue-mail\" -> \"which-mail\" [label=\"届いている\"];",
  "\"which-mail\" -> \"url-access\" [label=\"アカウント発行通知メール\"];",
  "\"which-mail\" -> \"existing-account\" [label=\"既存アカウント通知メール\"];",
  "\"mailbox-space\" -> \"remedy-1\" [label=\"空き容量が不足している\"];",
  "\"mailbox-space\" -> \"spam-folder\" [label=\"空き容量は十分にある\"];",
  "\"spam-folder\" -> \"remedy-2\" [label=\"迷惑メールフォルダにあった\"];",
  "\"spam-folder\" -> \"remedy-4\" [label=\"迷惑メールフォルダにもメールがない\"];",
  "\"url-access\" -> \"remedy-3\" [label=\"アクセスできない\"];",
  "\"url-access\" -> \"set-password\" [label=\"アクセスできた\"];",
};

static void
test_print_flow (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint edges = 0;

  run_app (&run, (const char *[]) { "--print-flow", NULL });
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean known = FALSE;

      if (strstr (lines[i], "->") == NULL)
        continue;
      edges++;
      for (guint e = 0; e < G_N_ELEMENTS (contract_edges); e++)
        if (strstr (lines[i], contract_edges[e]) != NULL)
          known = TRUE;
      if (!known)
        g_error ("An edge not in the content contract: %s", lines[i]);
    }
  g_assert_cmpuint (edges, ==, G_N_ELEMENTS (contract_edges));
  for (guint e = 0; e < G_N_ELEMENTS (contract_edges); e++)
    g_assert_nonnull (strstr (run.out, contract_edges[e]));
  g_assert_true (g_str_has_prefix (run.out, "digraph"));
}

static void
test_list_pages (void)
{
  static const char * const ids[] = {
    "start", "pre-notice", "issue-mail", "which-mail", "mailbox-space", "spam-folder",
    "url-access", "remedy-1", "remedy-2", "remedy-3", "remedy-4", "set-password",
    "existing-account",
  };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_app (&run, (const char *[]) { "--list-pages", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpstr (fields[0], ==, ids[i]);
      g_assert_cmpstr (fields[1], !=, "");
    }
  g_assert_nonnull (strstr (run.out, "remedy-1\t対応方法1 メールボックスの空き容量が不足していた場合"));
}

static void
test_search (void)
{
  g_auto(Run) hits = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(GStrv) lines = NULL;

  run_app (&hits, (const char *[]) { "--search=このサイトにアクセスできません", NULL });
  g_assert_cmpint (hits.status, ==, 0);
  lines = g_strsplit (g_strchomp (hits.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  /* Both the FAQ and the remedy answer it. */
  g_assert_true (g_str_has_prefix (lines[0], "faq-3-2\t") || g_str_has_prefix (lines[0], "remedy-3\t"));
  g_assert_true (g_str_has_prefix (lines[1], "faq-3-2\t") || g_str_has_prefix (lines[1], "remedy-3\t"));

  run_app (&none, (const char *[]) { "--search=xyzzy", NULL });
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");
}

static void
test_unknown_page (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--page=no-such-page", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no-such-page"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_bad_option (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { "--no-such-option", NULL });
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no-such-option"));
}

static void
test_validate_shipped (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("GMA_SOURCE_ROOT"), "resources", "content", NULL);
  g_autofree char *arg = g_strconcat ("--validate-content=", dir, NULL);
  g_auto(Run) run = { 0 };

  run_app (&run, (const char *[]) { arg, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "ok\n");
  g_assert_cmpint (run.status, ==, 0);
}

/* Copies the shipped content into a temporary directory and replaces
 * flow.json with @flow (@length bytes). */
static char *
override_with_flow (const char *flow, gsize length)
{
  g_autofree char *dir = g_dir_make_tmp ("gma-cli-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("GMA_SOURCE_ROOT"), "resources", "content", NULL);
  g_autofree char *path = g_build_filename (dir, "flow.json", NULL);

  test_copy_tree (source, dir);
  if (flow != NULL)
    g_assert_true (g_file_set_contents (path, flow, length, NULL));

  return g_steal_pointer (&dir);
}

static void
assert_refused (const char *dir, const char *fragment)
{
  g_autofree char *arg = g_strconcat ("--validate-content=", dir, NULL);
  g_autofree char *list = g_strconcat ("--content=", dir, NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) pages = { 0 };

  run_app (&run, (const char *[]) { arg, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "flow.json"));
  if (fragment != NULL && strstr (run.err, fragment) == NULL)
    g_error ("Expected “%s” in:\n%s", fragment, run.err);

  /* The printing commands refuse a broken --content too. */
  run_app (&pages, (const char *[]) { list, "--list-pages", NULL });
  g_assert_cmpint (pages.status, ==, 1);
  g_assert_nonnull (strstr (pages.err, "flow.json"));
}

static void
test_validate_empty_dir (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gma-cli-XXXXXX", NULL);

  assert_refused (dir, NULL);
  g_rmdir (dir);
}

static void
test_validate_broken (gconstpointer data)
{
  const char *which = data;
  g_autofree char *text = NULL;
  gsize length;
  g_autofree char *dir = NULL;
  const char *fragment = NULL;

  if (g_str_equal (which, "truncated"))
    {
      text = g_strdup ("{\"format\": 1, \"nodes\": [{\"id\": \"start\"");
      fragment = "flow.json:1:";
    }
  else if (g_str_equal (which, "deep"))
    {
      /* 200,000 levels of nesting crash json-glib 1.6 if it ever sees them. */
      GString *s = g_string_new ("{\"a\":");
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (s, '[');
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (s, ']');
      g_string_append_c (s, '}');
      text = g_string_free (s, FALSE);
    }
  else if (g_str_equal (which, "not-utf8"))
    text = g_strdup ("{\"format\": 1, \"edition\": {\"ja\": \"\xff\xfe\"}}");
  else if (g_str_equal (which, "two-roots"))
    {
      text = g_strdup ("{\"format\": 1}\n{\"format\": 1}\n");
      fragment = "flow.json:2:1";
    }
  else if (g_str_equal (which, "dangling") || g_str_equal (which, "cycle"))
    {
      g_autofree char *path = g_build_filename (g_getenv ("GMA_SOURCE_ROOT"), "resources", "content", "flow.json", NULL);
      g_autofree char *shipped = NULL;
      g_autoptr(GString) edited = NULL;

      g_assert_true (g_file_get_contents (path, &shipped, NULL, NULL));
      edited = g_string_new (shipped);
      if (g_str_equal (which, "dangling"))
        {
          /* The remedy-4 answer points at a node that does not exist. */
          g_assert_cmpuint (g_string_replace (edited, "\"next\": \"remedy-4\"", "\"next\": \"remedy-9\"", 1), ==, 1);
          fragment = "remedy-9";
        }
      else
        {
          /* url-access → remedy-3 becomes url-access → pre-notice. */
          g_assert_cmpuint (g_string_replace (edited, "\"next\": \"remedy-3\"", "\"next\": \"pre-notice\"", 1), ==, 1);
          fragment = "$.nodes[6].answers[0].next: this answer leads back to “pre-notice” and makes a loop";
        }
      text = g_string_free (g_steal_pointer (&edited), FALSE);
    }
  else
    g_assert_not_reached ();

  length = strlen (text);
  dir = override_with_flow (text, length);
  assert_refused (dir, fragment);
  test_remove_tree (dir);
}

/* --language=en prints the English; a bad value is refused with exit 2;
 * a set without English says so. */
static void
test_language (void)
{
  const char * const list_en[] = { "--list-pages", "--language=en", NULL };
  const char * const flow_en[] = { "--print-flow", "--language", "en", NULL };
  const char * const search_en[] = { "--search=JUNK Mail", "--language=en", NULL };
  const char * const list_ja[] = { "--list-pages", "--language=ja", NULL };
  const char * const bad[] = { "--list-pages", "--language=fr", NULL };
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *content_option = g_strdup_printf ("--content=%s", fixture);
  const char * const missing[] = { "--list-pages", "--language=en", content_option, NULL };
  const char * const validate[] = { "--validate-content", fixture, NULL };

  {
    g_auto(Run) run = { 0 };
    run_app (&run, list_en);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "remedy-2\tRemedy 2 When the mail was in the junk mail folder\n"));
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, flow_en);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"spam-folder\" -> \"remedy-2\" [label=\"It was in the junk mail folder\"];"));
  }
  {
    /* The normaliser folds ASCII case for English words */
    g_auto(Run) run = { 0 };
    run_app (&run, search_en);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "remedy-2\t"));
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, list_ja);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "remedy-2\t対応方法2 迷惑メールフォルダにメールがあった場合\n"));
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, bad);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "--language=fr"));
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, missing);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "flow.json: $.source.en"));
  }
  {
    /* Valid without its English: "ok", and what English lacks */
    g_auto(Run) run = { 0 };
    run_app (&run, validate);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
    g_assert_nonnull (strstr (run.err, "pages/en/start.html"));
  }
}

/* --language takes the names the content-language key takes: a locale
 * name is read as its language. */
static void
test_language_names (void)
{
  const char * const locale_en[] = { "--list-pages", "--language=en_US.UTF-8", NULL };
  const char * const tag_ja[] = { "--list-pages", "--language=ja-JP", NULL };
  const char * const not_english[] = { "--list-pages", "--language=eng", NULL };

  {
    g_auto(Run) run = { 0 };
    run_app (&run, locale_en);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "remedy-2\tRemedy 2 When the mail was in the junk mail folder\n"));
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, tag_ja);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "remedy-2\t対応方法2 迷惑メールフォルダにメールがあった場合\n"));
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, not_english);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "--language=eng: the content is in ja (Japanese) or en (English)"));
  }
}

/* A broken override named with --content: the program goes on with the
 * built-in content. --page is checked against the content in use; "r1"
 * is a page of the override's valid set (tests/fixtures/content/valid)
 * and not of the built-in one, so the answer shows which set is used. */
static void
test_broken_override_falls_back (gconstpointer data)
{
  const char *which = data;
  g_autofree char *valid = g_build_filename (g_getenv ("GMA_SOURCE_ROOT"), "tests", "fixtures",
                                             "content", "valid", NULL);
  g_autofree char *dir = g_dir_make_tmp ("gma-cli-XXXXXX", NULL);
  g_autofree char *arg = g_strconcat ("--content=", dir, NULL);
  g_autofree char *broken_file = NULL;
  g_auto(Run) run = { 0 };

  test_copy_tree (valid, dir);

  /* Before it is broken, the override is used: it has the page r1. */
  {
    g_auto(Run) control = { 0 };

    run_app (&control, (const char *[]) { arg, "--list-pages", NULL });
    g_assert_cmpint (control.status, ==, 0);
    g_assert_nonnull (strstr (control.out, "r1\t対応方法1 結果1\n"));
  }

  if (g_str_equal (which, "flow-comment"))
    {
      broken_file = g_build_filename (dir, "flow.json", NULL);
      g_assert_true (g_file_set_contents (broken_file, "{\"format\": 1 // one\n}", -1, NULL));
    }
  else if (g_str_equal (which, "faq-directory"))
    {
      broken_file = g_build_filename (dir, "faq.json", NULL);
      g_assert_cmpint (g_remove (broken_file), ==, 0);
      g_assert_cmpint (g_mkdir (broken_file, 0755), ==, 0);
    }
  else if (g_str_equal (which, "page-dangling-symlink"))
    {
      broken_file = g_build_filename (dir, "pages", "r2.html", NULL);
      g_assert_cmpint (g_remove (broken_file), ==, 0);
      g_assert_cmpint (symlink ("nowhere.html", broken_file), ==, 0);
    }
  else
    g_assert_not_reached ();

  run_app (&run, (const char *[]) { arg, "--page=r1", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "There is no page “r1”"));

  test_remove_tree (dir);
}

/* Runs gmis-assistant on the content directory @dir, checked
 * (--validate-content) and used (--content with --list-pages), and
 * asserts that both refuse it with exactly the line @line (and no word of
 * files inside it); as nobody when @as_nobody. */
static void
assert_directory_refused (const char *dir,
                          const char *line,
                          gboolean    as_nobody)
{
  g_autofree char *validate = g_strconcat ("--validate-content=", dir, NULL);
  g_autofree char *content = g_strconcat ("--content=", dir, NULL);
  g_autofree char *used = g_strdup_printf ("The content in “%s” was not used:\n%s\n", dir, line);
  g_autofree char *checked = g_strconcat (line, "\n", NULL);
  g_auto(Run) check = { 0 };
  g_auto(Run) list = { 0 };

  run_app_full (&check, (const char *[]) { validate, NULL }, NULL, as_nobody);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_cmpstr (check.out, ==, "");
  g_assert_cmpstr (check.err, ==, checked);

  run_app_full (&list, (const char *[]) { content, "--list-pages", NULL }, NULL, as_nobody);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_cmpstr (list.out, ==, "");
  g_assert_cmpstr (list.err, ==, used);
}

#define NOT_A_DIRECTORY "this is not a directory; name the directory that holds flow.json, " \
                        "faq.json, pages/ and illustrations/"

/* --content and --validate-content name what is wrong with the directory
 * itself, not the files it would hold. */
static void
test_content_not_a_directory (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("gma-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (tmp, "flow.json", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing", NULL);
  g_autofree char *below_file = g_build_filename (file, "content", NULL);
  g_autofree char *link = g_build_filename (tmp, "link", NULL);
  g_autofree char *line = NULL;

  g_assert_true (g_file_set_contents (file, "{}", -1, NULL));
  g_assert_cmpint (symlink ("/nonexistent/gma-content", link), ==, 0);

  line = g_strconcat (file, ": " NOT_A_DIRECTORY, NULL);
  assert_directory_refused (file, line, FALSE);
  assert_directory_refused ("/dev/zero", "/dev/zero: " NOT_A_DIRECTORY, FALSE);
  g_free (line);
  line = g_strconcat (missing, ": the directory does not exist", NULL);
  assert_directory_refused (missing, line, FALSE);
  g_free (line);
  line = g_strconcat (below_file, ": the directory does not exist (a part of its path is a file)", NULL);
  assert_directory_refused (below_file, line, FALSE);
  g_free (line);
  line = g_strconcat (link, ": the directory does not exist: this is a symbolic link to "
                      "“/nonexistent/gma-content”, which leads nowhere", NULL);
  assert_directory_refused (link, line, FALSE);

  test_remove_tree (tmp);
}

/* A content directory of mode 000: root reads it (and the set is
 * valid); anyone else is told it cannot be opened. Run as nobody when
 * the test is root. */
static void
test_content_directory_unreadable (void)
{
  g_autofree char *valid = g_build_filename (g_getenv ("GMA_SOURCE_ROOT"), "tests", "fixtures",
                                             "content", "valid", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("gma-cli-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "set", NULL);
  g_autofree char *line = g_strconcat (dir, ": the directory cannot be opened: Permission denied", NULL);
  gboolean root = geteuid () == 0;

  test_copy_tree (valid, dir);
  /* nobody may reach the set's directory, which is all that is refused */
  g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0), ==, 0);

  if (root)
    {
      g_autofree char *validate = g_strconcat ("--validate-content=", dir, NULL);
      g_auto(Run) run = { 0 };

      run_app (&run, (const char *[]) { validate, NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, "ok\n");
    }

  assert_directory_refused (dir, line, root);

  test_remove_tree (tmp);
}

/* Runs gmis-assistant with @args and asserts that it refused them as a
 * usage error (exit status 2, nothing printed on standard output), naming
 * each of @named on standard error. */
static void
assert_usage_error (const char * const *args,
                    const char * const *named)
{
  g_auto(Run) run = { 0 };
  g_autofree char *line = g_strjoinv (" ", (char **) args);

  g_test_message ("gmis-assistant %s", line);
  run_app (&run, args);
  g_test_message ("exit %d, stderr: %s", run.status, run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; named[i] != NULL; i++)
    test_assert_contains (run.err, named[i]);
}

/* The options that print something and exit are one per command line:
 * more than one is a usage error naming them all, not the first one run
 * and the others dropped. */
static void
test_conflicting_actions (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *validate = g_strconcat ("--validate-content=", valid, NULL);

  assert_usage_error ((const char *[]) { validate, "--search=x", "--list-pages", NULL },
                      (const char *[]) { "--validate-content", "--search", "--list-pages", NULL });
  assert_usage_error ((const char *[]) { "--version", "--validate-content=/nonexistent", NULL },
                      (const char *[]) { "--version", "--validate-content", NULL });
  assert_usage_error ((const char *[]) { "--list-pages", "--print-flow", NULL },
                      (const char *[]) { "--list-pages", "--print-flow", NULL });
  assert_usage_error ((const char *[]) { "--print-flow", "--version", NULL },
                      (const char *[]) { "--print-flow", "--version", NULL });
  assert_usage_error ((const char *[]) { "--search=窓口", validate, NULL },
                      (const char *[]) { "--search", "--validate-content", NULL });

  /* Each alone still does its work. */
  {
    g_auto(Run) run = { 0 };

    run_app (&run, (const char *[]) { "--version", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "gmis-assistant "));
  }
  {
    g_auto(Run) run = { 0 };

    run_app (&run, (const char *[]) { validate, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
  }
}

/* Arguments that are not options are refused, named, rather than ignored
 * (gmis-assistant opens no files). */
static void
test_stray_arguments (void)
{
  assert_usage_error ((const char *[]) { "foo", "bar", NULL },
                      (const char *[]) { "foo", "bar", NULL });
  assert_usage_error ((const char *[]) { "--list-pages", "remedy-2", NULL },
                      (const char *[]) { "remedy-2", NULL });
  assert_usage_error ((const char *[]) { "--page", "start", "extra", NULL },
                      (const char *[]) { "extra", NULL });
}

/* The options that only modify go with what they modify: --content and
 * --language with the window and the printing options that read the
 * content (--list-pages, --print-flow, --search); --page and --kiosk with
 * the window only. Given to an option they do not modify, they would be
 * dropped: a usage error naming both. */
static void
test_modifiers (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *validate = g_strconcat ("--validate-content=", valid, NULL);
  g_autofree char *content = g_strconcat ("--content=", valid, NULL);

  assert_usage_error ((const char *[]) { "--kiosk", "--list-pages", NULL },
                      (const char *[]) { "--kiosk", "--list-pages", NULL });
  assert_usage_error ((const char *[]) { "--page=start", "--print-flow", NULL },
                      (const char *[]) { "--page", "--print-flow", NULL });
  assert_usage_error ((const char *[]) { "--search=窓口", "--kiosk", NULL },
                      (const char *[]) { "--kiosk", "--search", NULL });
  assert_usage_error ((const char *[]) { "--language=en", validate, NULL },
                      (const char *[]) { "--language", "--validate-content", NULL });
  assert_usage_error ((const char *[]) { content, validate, NULL },
                      (const char *[]) { "--content", "--validate-content", NULL });
  assert_usage_error ((const char *[]) { "--version", "--language=en", NULL },
                      (const char *[]) { "--language", "--version", NULL });

  /* What goes together. */
  {
    g_auto(Run) run = { 0 };

    run_app (&run, (const char *[]) { content, "--language=ja", "--list-pages", NULL });
    g_assert_cmpint (run.status, ==, 0);
    test_assert_contains (run.out, "r1\t対応方法1 結果1\n");
  }
  {
    g_auto(Run) run = { 0 };

    run_app (&run, (const char *[]) { "--language=en", "--search=junk mail", NULL });
    g_assert_cmpint (run.status, ==, 0);
    test_assert_contains (run.out, "remedy-2\t");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/print-flow", test_print_flow);
  g_test_add_func ("/cli/list-pages", test_list_pages);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/unknown-page", test_unknown_page);
  g_test_add_func ("/cli/bad-option", test_bad_option);
  g_test_add_func ("/cli/conflicting-actions", test_conflicting_actions);
  g_test_add_func ("/cli/stray-arguments", test_stray_arguments);
  g_test_add_func ("/cli/modifiers", test_modifiers);
  g_test_add_func ("/cli/language", test_language);
  g_test_add_func ("/cli/language-names", test_language_names);
  g_test_add_func ("/cli/validate/shipped", test_validate_shipped);
  g_test_add_func ("/cli/validate/empty", test_validate_empty_dir);
  g_test_add_func ("/cli/content/not-a-directory", test_content_not_a_directory);
  g_test_add_func ("/cli/content/unreadable-directory", test_content_directory_unreadable);
  g_test_add_data_func ("/cli/validate/truncated", "truncated", test_validate_broken);
  g_test_add_data_func ("/cli/validate/nested-200000", "deep", test_validate_broken);
  g_test_add_data_func ("/cli/validate/not-utf8", "not-utf8", test_validate_broken);
  g_test_add_data_func ("/cli/validate/two-roots", "two-roots", test_validate_broken);
  g_test_add_data_func ("/cli/validate/dangling-edge", "dangling", test_validate_broken);
  g_test_add_data_func ("/cli/validate/cycle", "cycle", test_validate_broken);

  g_test_add_data_func ("/cli/broken-override/flow-comment", "flow-comment",
                        test_broken_override_falls_back);
  g_test_add_data_func ("/cli/broken-override/faq-directory", "faq-directory",
                        test_broken_override_falls_back);
  g_test_add_data_func ("/cli/broken-override/page-dangling-symlink", "page-dangling-symlink",
                        test_broken_override_falls_back);

  return g_test_run ();
}
