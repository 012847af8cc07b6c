/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-broken-content.c: hostile and broken content sets, one per row.
 *
 * Each row starts from a copy of tests/fixtures/content/valid, breaks one
 * thing (a file's text, a file replaced by an empty one, a directory, a
 * dangling symbolic link, an unreadable file…) and gives the whole error
 * message the set must be refused with, every line "FILE:PLACE: reason".
 * Then the program's own loader (gma_content_load(), what
 * --content and the content-directory key use) must fall back to the
 * embedded content and carry the same message, and a set loaded before
 * must be untouched. No display is needed: nothing here opens a window.
 *
 * Rows about permissions (UNREADABLE) mean nothing to root, who reads a
 * file whatever its mode: run as root, each such row checks that the set
 * loads, and then runs again in a child that became the user nobody
 * (65534), where it must be refused with its message. A user other than
 * root runs it as itself.
 */
#define G_LOG_DOMAIN "gma-test-broken-content"

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gma-content.h"
#include "gma-json.h"
#include "test-util.h"

static const char * const ja[] = { "ja", NULL };

typedef enum {
  EDIT,         /* replace @find (exactly once) by @text in @path */
  WRITE,        /* write @text into @path (NULL @text: the generated text) */
  REMOVE,       /* remove the file @path */
  MAKE_DIR,     /* replace the file @path by an empty directory */
  DANGLING,     /* replace @path by a symbolic link to @text, which does not exist */
  LINK,         /* replace @path by a symbolic link to @text, which does */
  UNREADABLE,   /* chmod 000 @path (a file or a folder; NULL: the set's directory) */
  FIFO,         /* replace the file @path by a named pipe (reading it would block) */
  ROOT_EMPTY,   /* the set is an empty directory */
  ROOT_FILE,    /* the set's "directory" is a regular file */
  ROOT_DANGLING,/* the set's directory is a symbolic link to nothing */
  ROOT_MISSING, /* the set's directory does not exist */
  ROOT_DEVICE,  /* the set's "directory" is /dev/zero */
} Op;

typedef enum {
  GEN_NONE,
  GEN_DEEP,          /* flow.json nested 100,000 levels */
  GEN_HUGE_JSON,     /* a JSON file one byte over GMA_JSON_MAX_SIZE */
  GEN_HUGE_PAGE,     /* a page one byte over GMA_CONTENT_MAX_PAGE_SIZE */
} Gen;

typedef struct {
  const char *name;
  Op          op;
  const char *path;
  const char *find;
  const char *text;
  Gen         gen;
  /* The whole message; "{SIZE}" stands for the generated file's size,
   * "{DIR}" for the set's directory, "{ROOT}" for what was loaded instead
   * of it (set/ rows). */
  const char *error;
} Row;

#define MISSING "the file is missing from the content set"
#define IS_LINK "is a symbolic link; the content set must hold the files themselves"
#define NOT_FILE "this is not a regular file"
#define NOT_DIR "this is not a directory; name the directory that holds flow.json, faq.json, pages/ and illustrations/"

static const Row rows[] = {
  /* ---- flow.json: the file itself ---- */
  { "flow/missing", REMOVE, "flow.json", NULL, NULL, GEN_NONE,
    "flow.json: " MISSING },
  { "flow/empty", WRITE, "flow.json", NULL, "", GEN_NONE,
    "flow.json:1:1: the file is empty; it must hold one JSON object ({ … })" },
  { "flow/directory", MAKE_DIR, "flow.json", NULL, NULL, GEN_NONE,
    "flow.json: " NOT_FILE },
  { "flow/dangling-symlink", DANGLING, "flow.json", NULL, "nowhere.json", GEN_NONE,
    "flow.json: " IS_LINK },
  { "flow/named-pipe", FIFO, "flow.json", NULL, NULL, GEN_NONE,
    "flow.json: " NOT_FILE },
  { "flow/symlink-to-valid-file", LINK, "flow.json", NULL, "pages/../faq.json", GEN_NONE,
    "flow.json: " IS_LINK },
  { "flow/unreadable", UNREADABLE, "flow.json", NULL, NULL, GEN_NONE,
    "flow.json: the file cannot be read: Error opening file {DIR}/flow.json: Permission denied" },
  { "flow/too-large", WRITE, "flow.json", NULL, NULL, GEN_HUGE_JSON,
    "flow.json: the file is {SIZE} bytes long; it may be at most 2097152 bytes" },
  /* ---- flow.json: what json-glib 1.6 would let through ---- */
  { "flow/comment", EDIT, "flow.json", "  \"start\": \"start\",", "  // the first node\n  \"start\": \"start\",", GEN_NONE,
    "flow.json:10:3: comments (// or /* */) are not allowed in JSON; remove the comment" },
  { "flow/single-quotes", EDIT, "flow.json", "\"start\": \"start\"", "'start': \"start\"", GEN_NONE,
    "flow.json:10:3: strings must be in double quotes (\"), not single quotes (')" },
  { "flow/raw-tab-in-string", EDIT, "flow.json", "\"ja\": \"質問2ですか？\"", "\"ja\": \"質問2\tですか？\"", GEN_NONE,
    "flow.json:63:19: the control character U+0009 is inside a string; write it as an escape such as \\t or \\u0009" },
  { "flow/duplicate-key", EDIT, "flow.json", "\"id\": \"q2\",", "\"id\": \"q2\", \"id\": \"q3\",", GEN_NONE,
    "flow.json:60:19: the member “id” appears twice in the object opened at 59:5; each name may appear only once" },
  { "flow/second-root", EDIT, "flow.json", "\n  ]\n}", "\n  ]\n}\n{\"format\": 1}", GEN_NONE,
    "flow.json:114:1: a second JSON value starts here; a file must hold exactly one object" },
  { "flow/nested-100000", WRITE, "flow.json", NULL, NULL, GEN_DEEP,
    "flow.json:1:55: the objects and arrays are nested more than 32 levels deep here; content files never need that many" },
  { "flow/not-utf8", EDIT, "flow.json", "テストの案内", "\x83\x65\x83\x58\x83\x67", GEN_NONE,
    "flow.json:8:12: the byte 0x83 is not valid UTF-8; save the file with the UTF-8 encoding (not Shift_JIS or another encoding)" },
  { "flow/truncated", EDIT, "flow.json", "\n  ]\n}", "\n  ]\n", GEN_NONE,
    "flow.json:113:1: the file ends before the object opened at 1:1 is closed with “}”; is the file truncated?" },
  /* ---- flow.json: valid JSON, wrong content ---- */
  { "flow/format-2", EDIT, "flow.json", "\"format\": 1", "\"format\": 2", GEN_NONE,
    "flow.json: $.format: format 2 is not known to this program, which reads format 1" },
  { "flow/unknown-kind", EDIT, "flow.json", "\"kind\": \"result\",\n      \"title\": {\n        \"ja\": \"結果2\"", "\"kind\": \"answer\",\n      \"title\": {\n        \"ja\": \"結果2\"", GEN_NONE,
    "flow.json: $.nodes[4].kind: unknown kind “answer”; use \"intro\", \"question\" or \"result\"" },
  { "flow/dangling-next", EDIT, "flow.json", "\"next\": \"r2\"", "\"next\": \"r9\"", GEN_NONE,
    "flow.json: $.nodes[2].answers[1].next: no node has the id “r9”; this answer leads nowhere\n"
    "flow.json: $.nodes[4]: the node “r2” cannot be reached from the start node “start”; no answer leads to it" },
  { "flow/cycle", EDIT, "flow.json", "\"next\": \"r2\"", "\"next\": \"q1\"", GEN_NONE,
    "flow.json: $.nodes[2].answers[1].next: this answer leads back to “q1” and makes a loop (q1 → q2 → q1); the flow must not contain loops\n"
    "flow.json: $.nodes[4]: the node “r2” cannot be reached from the start node “start”; no answer leads to it" },
  { "flow/title-without-ja", EDIT, "flow.json", "\"ja\": \"はじめに\",", "\"ko\": \"はじめに\",", GEN_NONE,
    "flow.json: $.nodes[0].title.ja: the Japanese text is required but missing; add \"ja\": \"…\"" },
  { "flow/keywords-not-a-list", EDIT, "flow.json", "[\n          \"しつもん\"\n        ]", "\"しつもん\"", GEN_NONE,
    "flow.json: $.nodes[1].keywords.ja: must be an array of strings, not a string" },
  { "flow/keywords-number", EDIT, "flow.json", "\"いち\"", "1", GEN_NONE,
    "flow.json: $.nodes[3].keywords.ja[1]: must be a string, not a number" },
  { "flow/page-outside-set", EDIT, "flow.json", "\"pages/r2.html\"", "\"../../../etc/passwd\"", GEN_NONE,
    "flow.json: $.nodes[4].page: “../../../etc/passwd” is not a file under pages/ (write it like \"pages/remedy-1.html\"; no “..”, “.” or empty parts, no “\\”, “:” or control characters)" },
  { "flow/plain-http-url", EDIT, "flow.json", "https://example.org/two", "http://example.org/two", GEN_NONE,
    "flow.json: $.nodes[3].urls[1]: “http://example.org/two” is not an https:// URL; only https:// URLs may be listed" },
  /* ---- faq.json ---- */
  { "faq/missing", REMOVE, "faq.json", NULL, NULL, GEN_NONE,
    "faq.json: " MISSING },
  { "faq/empty", WRITE, "faq.json", NULL, "", GEN_NONE,
    "faq.json:1:1: the file is empty; it must hold one JSON object ({ … })" },
  { "faq/directory", MAKE_DIR, "faq.json", NULL, NULL, GEN_NONE,
    "faq.json: " NOT_FILE },
  { "faq/dangling-symlink", DANGLING, "faq.json", NULL, "/nonexistent/faq.json", GEN_NONE,
    "faq.json: " IS_LINK },
  { "faq/too-large", WRITE, "faq.json", NULL, NULL, GEN_HUGE_JSON,
    "faq.json: the file is {SIZE} bytes long; it may be at most 2097152 bytes" },
  { "faq/trailing-comma", EDIT, "faq.json", "\"r1\"\n", "\"r1\",\n", GEN_NONE,
    "faq.json:38:11: a comma before “]” is not allowed (trailing comma); remove the last comma" },
  { "faq/duplicate-id", EDIT, "faq.json", "\"id\": \"faq-1-2\"", "\"id\": \"faq-1-1\"", GEN_NONE,
    "faq.json: $.categories[0].entries[1].id: entry 2 of category 1 must have the id “faq-1-2”, not “faq-1-1”; entries are numbered as in the guide" },
  { "faq/keywords-not-a-map", EDIT, "faq.json", "{\n            \"ja\": [\n              \"しつもんえー\"\n            ]\n          }", "[\"しつもんえー\"]", GEN_NONE,
    "faq.json: $.categories[0].entries[0].keywords: must be an object ({ … }), not an array" },
  { "faq/see-also-dangling", EDIT, "faq.json", "\"q1\",", "\"q9\",", GEN_NONE,
    "faq.json: $.categories[1].entries[0].see-also[0]: flow.json has no node “q9”" },
  { "faq/answer-number", EDIT, "faq.json", "\"答えBです。\"", "42", GEN_NONE,
    "faq.json: $.categories[0].entries[1].answer.ja: must be a string, not a number" },
  /* ---- pages ---- */
  { "page/missing", REMOVE, "pages/r2.html", NULL, NULL, GEN_NONE,
    "flow.json: $.nodes[4].page: the page “pages/r2.html” is not in the content set" },
  { "page/directory", MAKE_DIR, "pages/r2.html", NULL, NULL, GEN_NONE,
    "pages/r2.html: " NOT_FILE },
  { "page/named-pipe", FIFO, "pages/start.html", NULL, NULL, GEN_NONE,
    "pages/start.html: " NOT_FILE },
  { "page/dangling-symlink", DANGLING, "pages/r2.html", NULL, "r9.html", GEN_NONE,
    "pages/r2.html: " IS_LINK },
  { "page/symlink-to-etc-passwd", LINK, "pages/r2.html", NULL, "/etc/passwd", GEN_NONE,
    "pages/r2.html: " IS_LINK },
  { "page/folder-is-symlink", LINK, "pages", NULL, "illustrations", GEN_NONE,
    "pages/start.html: the folder “pages” is a symbolic link; the content set must hold the files themselves\n"
    "pages/r1.html: the folder “pages” is a symbolic link; the content set must hold the files themselves\n"
    "pages/r2.html: the folder “pages” is a symbolic link; the content set must hold the files themselves" },
  { "page/unreadable", UNREADABLE, "pages/r1.html", NULL, NULL, GEN_NONE,
    "pages/r1.html: the file cannot be read: Error opening file {DIR}/pages/r1.html: Permission denied" },
  { "page/folder-unreadable", UNREADABLE, "pages", NULL, NULL, GEN_NONE,
    "pages/start.html: the folder “pages” cannot be opened: Permission denied\n"
    "pages/r1.html: the folder “pages” cannot be opened: Permission denied\n"
    "pages/r2.html: the folder “pages” cannot be opened: Permission denied" },
  { "page/symlink-to-dev-zero", LINK, "pages/r2.html", NULL, "/dev/zero", GEN_NONE,
    "pages/r2.html: " IS_LINK },
  { "page/too-large", WRITE, "pages/r2.html", NULL, NULL, GEN_HUGE_PAGE,
    "pages/r2.html: the file is {SIZE} bytes long; it may be at most 2097152 bytes" },
  { "page/not-utf8", WRITE, "pages/r2.html", NULL, "<p>結果2</p>\n<p>\x8C\x8B\x89\xCA</p>\n", GEN_NONE,
    "pages/r2.html:2:4: the byte 0x8C is not valid UTF-8; save the file with the UTF-8 encoding" },
  { "page/script", EDIT, "pages/r2.html", "<p>結果2の説明。</p>", "<p>結果2の説明。</p><script>fetch('https://example.org/')</script>", GEN_NONE,
    "pages/r2.html:1:15: the element <script> is not allowed in a page: pages run no scripts; remove it" },
  { "page/onload", EDIT, "pages/r2.html", "<p>結果2の説明。</p>", "<p onclick=\"x()\">結果2の説明。</p>", GEN_NONE,
    "pages/r2.html:1:4: the attribute “onclick” (an event handler) is not allowed: pages run no scripts; remove it" },
  { "page/remote-image", EDIT, "pages/r1.html", "gma://content/illustrations/pic.svg", "https://example.org/pic.svg", GEN_NONE,
    "pages/r1.html:3:19: pictures must come from the content set (src=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/pic.svg”" },
  { "page/javascript-link", EDIT, "pages/r2.html", "gma://page/r1#top", "javascript:alert(1)", GEN_NONE,
    "pages/r2.html:2:13: the link “javascript:alert(1)” cannot be followed; use gma://page/ID, gma://faq/ID, https://… or mailto:… links" },
  /* Found by fuzz-content: a value with a line break once split its
   * problem over two lines, the second naming no file. */
  { "page/link-with-line-break", EDIT, "pages/r2.html", "gma://page/r1#top", "gma://page/r1\n\tr2", GEN_NONE,
    "pages/r2.html:2:13: the link “gma://page/r1\\n\\tr2” names no node of flow.json; there is no node “r1\\n\\tr2”" },
  { "page/file-link", EDIT, "pages/r2.html", "gma://page/r1#top", "file:///etc/passwd", GEN_NONE,
    "pages/r2.html:2:13: the link “file:///etc/passwd” cannot be followed; use gma://page/ID, gma://faq/ID, https://… or mailto:… links" },
  { "page/form", EDIT, "pages/r2.html", "<p>結果2の説明。</p>", "<form action=\"https://example.org/\"><input name=q></form>", GEN_NONE,
    "pages/r2.html:1:1: the element <form> is not allowed in a page: pages send nothing anywhere; remove it" },
  /* ---- illustrations ---- */
  { "illustration/directory", MAKE_DIR, "illustrations/pic.svg", NULL, NULL, GEN_NONE,
    "illustrations/pic.svg: " NOT_FILE },
  { "illustration/dangling-symlink", DANGLING, "illustrations/pic.svg", NULL, "gone.svg", GEN_NONE,
    "illustrations/pic.svg: " IS_LINK },
  { "illustration/missing", REMOVE, "illustrations/pic.svg", NULL, NULL, GEN_NONE,
    "pages/r1.html:3:19: the file “illustrations/pic.svg” (linked as “gma://content/illustrations/pic.svg”) is not in the content set" },
  { "illustration/named-pipe", FIFO, "illustrations/pic.svg", NULL, NULL, GEN_NONE,
    "illustrations/pic.svg: " NOT_FILE },
  { "illustration/symlink-to-dev-zero", LINK, "illustrations/pic.svg", NULL, "/dev/zero", GEN_NONE,
    "illustrations/pic.svg: " IS_LINK },
  { "illustration/unreadable", UNREADABLE, "illustrations/pic.svg", NULL, NULL, GEN_NONE,
    "illustrations/pic.svg: the file cannot be read: Error opening file {DIR}/illustrations/pic.svg: Permission denied" },
  /* The checker itself has its own table (test-svg-check.c); here, that
   * the loader calls it on the pictures pages show. */
  { "illustration/script", WRITE, "illustrations/pic.svg", NULL,
    "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script>\n</svg>\n", GEN_NONE,
    "illustrations/pic.svg:2: the element <script> is not allowed in an illustration: pictures run no scripts; remove it" },
  { "illustration/billion-laughs", WRITE, "illustrations/pic.svg", NULL,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>\n", GEN_NONE,
    "illustrations/pic.svg:2: a DOCTYPE is not allowed in an illustration: it can declare entities, which can make a picture grow to gigabytes, and load files; delete the <!DOCTYPE …> declaration" },
  { "illustration/not-xml", WRITE, "illustrations/pic.svg", NULL, "", GEN_NONE,
    "illustrations/pic.svg:1: the file is empty; an illustration is one <svg> element" },
  /* ---- the set as a whole ---- */
  { "set/empty-directory", ROOT_EMPTY, NULL, NULL, NULL, GEN_NONE,
    "flow.json: " MISSING "\n"
    "faq.json: " MISSING },
  { "set/a-file", ROOT_FILE, NULL, NULL, NULL, GEN_NONE,
    "{ROOT}: " NOT_DIR },
  { "set/dev-zero", ROOT_DEVICE, NULL, NULL, NULL, GEN_NONE,
    "/dev/zero: " NOT_DIR },
  { "set/missing", ROOT_MISSING, NULL, NULL, NULL, GEN_NONE,
    "{ROOT}: the directory does not exist" },
  { "set/below-a-file", ROOT_FILE, "flow.json/set", NULL, NULL, GEN_NONE,
    "{ROOT}: the directory does not exist (a part of its path is a file)" },
  { "set/dangling-symlink", ROOT_DANGLING, NULL, NULL, NULL, GEN_NONE,
    "{ROOT}: the directory does not exist: this is a symbolic link to “/nonexistent/gma-content”, which leads nowhere" },
  { "set/unreadable", UNREADABLE, NULL, NULL, NULL, GEN_NONE,
    "{ROOT}: the directory cannot be opened: Permission denied" },
};

static char *
generate (Gen    gen,
          gsize *len)
{
  GString *text = g_string_new (NULL);

  switch (gen)
    {
    case GEN_DEEP:
      /* The root object is level 1; the 31st array (column 25 + 30) is
       * level 32, one too deep. */
      g_string_append (text, "{\"format\": 1, \"nodes\": ");
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (text, ']');
      g_string_append_c (text, '}');
      break;
    case GEN_HUGE_JSON:
      g_string_append_c (text, '{');
      while (text->len < GMA_JSON_MAX_SIZE)
        g_string_append_c (text, ' ');
      g_string_append_c (text, '}');
      break;
    case GEN_HUGE_PAGE:
      while (text->len < GMA_CONTENT_MAX_PAGE_SIZE + 1)
        g_string_append (text, "<p>x</p>\n");
      g_string_truncate (text, GMA_CONTENT_MAX_PAGE_SIZE + 1);
      break;
    case GEN_NONE:
    default:
      g_assert_not_reached ();
    }

  *len = text->len;
  return g_string_free (text, FALSE);
}

/* Breaks @set as @row says; returns the directory to load (the set, or
 * what stands in its place), and the size of a generated file. */
static char *
break_set (const Row  *row,
           const char *set,
           gsize      *generated_len)
{
  g_autofree char *path = row->path != NULL ? g_build_filename (set, row->path, NULL)
                                            : g_strdup (set);
  g_autoptr(GError) error = NULL;

  *generated_len = 0;

  switch (row->op)
    {
    case EDIT:
      /* The row's text must really be in the file, once. */
      test_replace_all_in_file (set, row->path, row->find, row->text, 1);
      break;
    case WRITE:
      if (row->gen != GEN_NONE)
        {
          g_autofree char *text = generate (row->gen, generated_len);

          g_file_set_contents (path, text, *generated_len, &error);
        }
      else
        g_file_set_contents (path, row->text, strlen (row->text), &error);
      g_assert_no_error (error);
      break;
    case REMOVE:
      g_assert_cmpint (g_unlink (path), ==, 0);
      break;
    case MAKE_DIR:
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      break;
    case DANGLING:
    case LINK:
      test_remove_tree (path);
      g_assert_cmpint (symlink (row->text, path), ==, 0);
      /* A dangling link leads nowhere; the other one somewhere real. */
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, row->op == LINK);
      break;
    case UNREADABLE:
      g_assert_cmpint (g_chmod (path, 0), ==, 0);
      break;
    case FIFO:
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (mkfifo (path, 0644), ==, 0);
      break;
    case ROOT_EMPTY:
      {
        g_autofree char *empty = g_build_filename (set, "empty", NULL);

        g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
        return g_steal_pointer (&empty);
      }
    case ROOT_FILE:
      /* The set's flow.json, or a path below it (@path) */
      if (row->path != NULL)
        return g_steal_pointer (&path);
      return g_build_filename (set, "flow.json", NULL);
    case ROOT_MISSING:
      return g_build_filename (set, "missing", NULL);
    case ROOT_DEVICE:
      return g_strdup ("/dev/zero");
    case ROOT_DANGLING:
      {
        g_autofree char *link = g_build_filename (set, "gone", NULL);

        g_assert_cmpint (symlink ("/nonexistent/gma-content", link), ==, 0);
        return g_steal_pointer (&link);
      }
    default:
      g_assert_not_reached ();
    }

  return g_strdup (set);
}

static char *
expected_message (const Row  *row,
                  const char *dir,
                  const char *root,
                  gsize       generated_len)
{
  g_autoptr(GString) message = g_string_new (row->error);
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, generated_len);

  g_string_replace (message, "{DIR}", dir, 0);
  g_string_replace (message, "{ROOT}", root, 0);
  g_string_replace (message, "{SIZE}", size, 0);

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* Loads the broken set as root, who reads whatever the modes say: it
 * loads, unless a file is a file root could not read either. */
static void
run_row_as_root (const Row  *row,
                 const char *set,
                 const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new (root, ja, &error);

  g_assert_no_error (error);
  g_assert_nonnull (content);
}

static void
run_row (const Row *row,
         gboolean   as_root)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("gma-broken-XXXXXX", NULL);
  g_autofree char *set = g_build_filename (tmp, "set", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *fallback_expected = NULL;
  g_autofree char *override_error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GmaContent) before = NULL;
  g_autoptr(GmaContent) broken = NULL;
  g_autoptr(GmaContent) used = NULL;
  g_autoptr(GError) error = NULL;
  gsize generated_len;

  g_assert_nonnull (tmp);

  test_copy_tree (valid, set);

  /* The copy is valid before it is broken. */
  root = g_file_new_for_path (set);
  before = gma_content_new (root, ja, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);
  g_clear_object (&root);

  dir = break_set (row, set, &generated_len);
  expected = expected_message (row, set, dir, generated_len);

  if (as_root)
    {
      run_row_as_root (row, set, dir);
      test_remove_tree (tmp);
      return;
    }

  /* 1. The set is refused with exactly this message. */
  root = g_file_new_for_path (dir);
  broken = gma_content_new (root, ja, &error);
  g_assert_null (broken);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* 2. A set loaded before is untouched: what it has read stays, and it
   *    still reads the files the row did not break. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(GBytes) bytes = NULL;
    const char *other = g_strcmp0 (row->path, "flow.json") == 0 ? "faq.json" : "flow.json";
    /* (No file of a directory nobody may open can be read.) */
    gboolean readable = !(row->op == UNREADABLE && row->path == NULL);

    g_assert_cmpuint (gma_flow_get_n_nodes (gma_content_get_flow (before)), ==, 5);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gma_content_get_faq (before))), ==, 3);
    g_assert_cmpstr (gma_content_get_edition (before), ==, "テスト版（2023年11月）");
    if (readable)
      {
        bytes = gma_content_load_file (before, other, NULL, &local_error);
        g_assert_no_error (local_error);
        g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      }
  }

  /* 3. The application falls back to the embedded content, and says why
   *    with the same message. */
  used = gma_content_load (dir, NULL, &override_error, &error);
  g_assert_no_error (error);
  g_assert_nonnull (used);
  g_assert_true (gma_content_is_embedded (used));
  g_assert_cmpuint (gma_flow_get_n_nodes (gma_content_get_flow (used)), ==, 13);
  fallback_expected = g_strdup_printf ("The content in “%s” was not used:\n%s", dir, expected);
  g_assert_cmpstr (override_error, ==, fallback_expected);

  test_remove_tree (tmp);
}

#define NOBODY 65534

/* Whether this process (root) can become nobody and, as nobody, read
 * the fixtures: tried in a child that does nothing else. */
static gboolean
can_become_nobody (const char  *fixture,
                   char       **why)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        _exit (1);
      _exit (access (fixture, R_OK | X_OK) == 0 ? 0 : 2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));

  if (WEXITSTATUS (status) == 1)
    *why = g_strdup ("root here cannot become the user nobody (no CAP_SETUID?)");
  else if (WEXITSTATUS (status) == 2)
    *why = g_strdup_printf ("the user nobody cannot read %s", fixture);
  return WEXITSTATUS (status) == 0;
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autofree char *valid = NULL;
  g_autofree char *why = NULL;

  if (row->op != UNREADABLE || geteuid () != 0)
    {
      run_row (row, FALSE);
      return;
    }

  /* A permission row, as root: in the child, as nobody… */
  if (g_test_subprocess ())
    {
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
      g_assert_cmpint (geteuid (), ==, NOBODY);
      /* Dumpable again, as an exec would make it: LeakSanitizer (tools/test
       * --sanitize) looks at the process through ptrace. */
      g_assert_cmpint (prctl (PR_SET_DUMPABLE, 1, 0, 0, 0), ==, 0);
      run_row (row, FALSE);
      return;
    }

  /* …root itself reads the set… */
  run_row (row, TRUE);

  /* …and nobody may not. */
  valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  if (!can_become_nobody (valid, &why))
    {
      g_test_skip (why);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The application's messages in English, as written. */
  g_setenv ("LANGUAGE", "C", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/broken-content/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }

  return g_test_run ();
}
