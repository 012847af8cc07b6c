/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content.c: loading whole content sets, embedded and overrides */

#define G_LOG_DOMAIN "gma-test-content"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gma-content.h"
#include "test-util.h"

static const char * const ja[] = { "ja", NULL };

static GmaContent *
load_dir (const char  *path,
          GError     **error)
{
  g_autoptr(GFile) root = g_file_new_for_path (path);

  return gma_content_new (root, ja, error);
}

static GmaContent *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", name, NULL);

  return load_dir (path, error);
}

/* Asserts that @text has a line starting with @prefix and containing
 * @fragment. */
static void
assert_line (const char *text,
             const char *prefix,
             const char *fragment)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix) && strstr (lines[i], fragment) != NULL)
      return;

  g_error ("no line “%s…%s…” in:\n%s", prefix, fragment, text);
}

/* Asserts that @error holds a line starting with @prefix and containing
 * @fragment. */
static void
assert_problem (const GError *error,
                const char   *prefix,
                const char   *fragment)
{
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  assert_line (error->message, prefix, fragment);
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture ("valid", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  g_autofree char *svg_type = NULL;
  g_autofree char *basename = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (content);
  g_assert_false (gma_content_is_embedded (content));
  g_assert_cmpstr (gma_content_get_edition (content), ==, "テスト版（2023年11月）");
  g_assert_cmpstr (gma_content_get_source (content), ==, "テストの案内");
  g_assert_cmpuint (gma_flow_get_n_nodes (gma_content_get_flow (content)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gma_content_get_faq (content))), ==, 3);

  basename = g_file_get_basename (gma_content_get_root (content));
  g_assert_cmpstr (basename, ==, "valid");

  bytes = gma_content_load_file (content, "pages/r1.html", &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "text/html; charset=utf-8");
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "<p>結果1の説明。都道府県の窓口にお問い合わせください。</p>"));
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = gma_content_load_file (content, "illustrations/pic.svg", &svg_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (svg_type, ==, "image/svg+xml");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* content_type is optional */
  bytes = gma_content_load_file (content, "flow.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
}

static void
test_load_file_refuses (void)
{
  static const char * const bad[] = {
    "../x", "../valid/flow.json", "pages/../flow.json", "/etc/passwd", "pages//r1.html",
    "pages\\r1.html", "", "./flow.json", "pages/", "pages/missing.html", "pages",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture ("valid", &error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *type = NULL;
      g_autoptr(GBytes) bytes = gma_content_load_file (content, bad[i], &type, &local_error);

      g_test_message ("%s", bad[i]);
      g_assert_null (bytes);
      g_assert_null (type);
      g_assert_error (local_error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND);
    }
}

typedef struct
{
  const char *fixture;
  const char *prefix;
  const char *fragment;
} Broken;

static const Broken broken[] = {
  { "missing-page", "flow.json: $.nodes[4].page: ", "the page “pages/r2.html” is not in the content set" },
  { "dangling-link", "pages/r2.html:3:10: ", "there is no node “nowhere”" },
  { "missing-faq", "flow.json: $.nodes[3].faq[1]: ", "faq.json has no entry “faq-1-9”" },
  { "bad-src", "pages/r1.html:2:11: ", "pictures must come from the content set" },
  { "missing-picture", "pages/r1.html:2:19: ", "“illustrations/missing.svg”" },
  { "dangling-see-also", "faq.json: $.categories[0].entries[1].see-also[0]: ", "flow.json has no node “nowhere”" },
  { "bad-ask-counter", "faq.json: $.categories[0].entries[1].ask-counter: ", "must be true or false, not" },
};

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture (b->fixture, &error);

  g_assert_null (content);
  assert_problem (error, b->prefix, b->fragment);
  /* Only the one problem the fixture has */
  g_assert_null (strchr (error->message, '\n'));
}

/* A copy of the valid fixture in a new temporary directory. */
static char *
copy_valid_set (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  char *dir = g_dir_make_tmp ("gma-content-XXXXXX", &error);

  g_assert_no_error (error);
  test_copy_tree (valid, dir);

  return dir;
}

/* Writes @len bytes of @text (-1: NUL-terminated) to @dir/@path. */
static void
write_file (const char *dir,
            const char *path,
            const char *text,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (dir, path, NULL);
  g_autofree char *parent = g_path_get_dirname (to);

  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (to, text, len, &error);
  g_assert_no_error (error);
}

/* Replaces @dir/@path (a file or an empty folder, or nothing) with a
 * symbolic link to @target. */
static void
make_link (const char *dir,
           const char *path,
           const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link_path = g_build_filename (dir, path, NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);

  g_remove (link_path);
  g_file_make_symbolic_link (link, target, NULL, &error);
  g_assert_no_error (error);
}

/* Asserts that loading @dir fails with exactly @n_problems problems. */
static GError *
load_dir_fails (const char *dir,
                guint       n_problems)
{
  GError *error = NULL;
  g_autoptr(GmaContent) content = load_dir (dir, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (content);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_problems);

  return error;
}

#define LINK_REASON "is a symbolic link; the content set must hold the files themselves"

/* A picture that is a link out of the set (here to a file outside it;
 * /etc/passwd would do the same) is refused, and so is a page. */
static void
test_symlink_file (void)
{
  g_autofree char *dir = copy_valid_set ();
  g_autofree char *outside = copy_valid_set ();
  g_autofree char *secret = g_build_filename (outside, "illustrations", "pic.svg", NULL);
  g_autofree char *secret_page = g_build_filename (outside, "pages", "r2.html", NULL);
  g_autoptr(GError) error = NULL;

  make_link (dir, "illustrations/pic.svg", secret);
  make_link (dir, "pages/r2.html", secret_page);

  error = load_dir_fails (dir, 2);
  assert_problem (error, "illustrations/pic.svg: ", LINK_REASON);
  assert_problem (error, "pages/r2.html: ", LINK_REASON);

  test_remove_tree (dir);
  test_remove_tree (outside);
}

/* A folder of the set that is a link is refused as well. */
static void
test_symlink_folder (void)
{
  g_autofree char *dir = copy_valid_set ();
  g_autofree char *outside = copy_valid_set ();
  g_autofree char *illustrations = g_build_filename (outside, "illustrations", NULL);
  g_autofree char *folder = g_build_filename (dir, "illustrations", NULL);
  g_autofree char *pic = g_build_filename (folder, "pic.svg", NULL);
  g_autoptr(GError) error = NULL;

  g_remove (pic);
  g_rmdir (folder);
  make_link (dir, "illustrations", illustrations);

  error = load_dir_fails (dir, 1);
  assert_problem (error, "illustrations/pic.svg: ",
                  "the folder “illustrations” " LINK_REASON);

  test_remove_tree (dir);
  test_remove_tree (outside);
}

/* gma_content_load_file() refuses links, also those made after the set
 * was loaded, to files and through folders. */
static void
test_symlink_load_file (void)
{
  g_autofree char *dir = copy_valid_set ();
  g_autofree char *outside = copy_valid_set ();
  g_autofree char *secret = g_build_filename (outside, "illustrations", "pic.svg", NULL);
  g_autofree char *pages = g_build_filename (outside, "pages", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_dir (dir, &error);
  static const char * const links[] = { "illustrations/link.svg", "more/r1.html" };

  g_assert_no_error (error);
  g_assert_nonnull (content);

  make_link (dir, "illustrations/link.svg", secret);
  make_link (dir, "more", pages);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = gma_content_load_file (content, links[i], NULL, &local_error);

      g_test_message ("%s", links[i]);
      g_assert_null (bytes);
      g_assert_error (local_error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (local_error->message, "symbolic link"));
    }

  test_remove_tree (dir);
  test_remove_tree (outside);
}

/* The administrator may name the set's directory itself through a
 * link. */
static void
test_symlink_root (void)
{
  g_autofree char *dir = copy_valid_set ();
  g_autofree char *holder = copy_valid_set ();
  g_autofree char *root = g_build_filename (holder, "content", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GBytes) bytes = NULL;

  make_link (holder, "content", dir);
  content = load_dir (root, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);

  bytes = gma_content_load_file (content, "illustrations/pic.svg", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  test_remove_tree (holder);
  test_remove_tree (dir);
}

/* Fills @image with an empty picture @len bytes long (blanks inside). */
static void
svg_of_length (char  *image,
               gsize  len)
{
  static const char open[] = "<svg xmlns=\"http://www.w3.org/2000/svg\">";
  static const char close[] = "</svg>";

  g_assert_cmpuint (len, >, strlen (open) + strlen (close));
  memset (image, ' ', len);
  memcpy (image, open, strlen (open));
  memcpy (image + len - strlen (close), close, strlen (close));
}

/* Pictures are size-checked at validation, with their own limit, and
 * gma_content_load_file() checks again with the same limits. */
static void
test_size_limits (void)
{
  g_autofree char *dir = copy_valid_set ();
  gsize image_len = GMA_CONTENT_MAX_IMAGE_SIZE + 1;
  gsize page_len = GMA_CONTENT_MAX_PAGE_SIZE + 1;
  g_autofree char *image = g_malloc (image_len);
  g_autofree char *page = g_malloc (page_len);
  g_autofree char *image_reason =
    g_strdup_printf ("the file is %" G_GSIZE_FORMAT " bytes long; it may be at most %d bytes",
                     image_len, GMA_CONTENT_MAX_IMAGE_SIZE);
  g_autofree char *page_reason =
    g_strdup_printf ("the file is %" G_GSIZE_FORMAT " bytes long; it may be at most %d bytes",
                     page_len, GMA_CONTENT_MAX_PAGE_SIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;

  g_assert_cmpint (GMA_CONTENT_MAX_IMAGE_SIZE, >, GMA_CONTENT_MAX_PAGE_SIZE);
  memset (page, ' ', page_len);

  /* Just within the limits: valid (a picture: an <svg> of blanks) */
  svg_of_length (image, image_len - 1);
  write_file (dir, "illustrations/pic.svg", image, image_len - 1);
  write_file (dir, "pages/r2.html", page, page_len - 1);
  content = load_dir (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);

  /* A picture within the image limit but over the page limit loads */
  {
    g_autoptr(GBytes) bytes = gma_content_load_file (content, "illustrations/pic.svg", NULL,
                                                     &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, image_len - 1);
  }

  /* One byte over: refused at validation, each under its own name */
  svg_of_length (image, image_len);
  write_file (dir, "illustrations/pic.svg", image, image_len);
  write_file (dir, "pages/r2.html", page, page_len);
  {
    g_autoptr(GError) local_error = load_dir_fails (dir, 2);

    assert_problem (local_error, "illustrations/pic.svg: ", image_reason);
    assert_problem (local_error, "pages/r2.html: ", page_reason);
  }

  /* … and when read after the validation */
  {
    g_autoptr(GBytes) bytes = gma_content_load_file (content, "illustrations/pic.svg", NULL,
                                                     &error);

    g_assert_null (bytes);
    g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
    g_clear_error (&error);

    bytes = gma_content_load_file (content, "pages/r2.html", NULL, &error);
    g_assert_null (bytes);
    g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  }

  test_remove_tree (dir);
}

/* Markup a page may not hold: each refused element, event handler and
 * URL attribute is reported at its own place. */
static void
test_refused_markup (void)
{
  static const struct {
    const char *prefix;
    const char *fragment;
  } expected[] = {
    { "pages/r2.html:2:1: ", "the element <script> is not allowed in a page: pages run no scripts" },
    { "pages/r2.html:3:1: ", "the element <style> is not allowed in a page" },
    { "pages/r2.html:4:1: ", "the element <meta> is not allowed in a page" },
    { "pages/r2.html:5:1: ", "the element <iframe> is not allowed in a page" },
    { "pages/r2.html:6:1: ", "the element <frame> is not allowed in a page" },
    { "pages/r2.html:7:1: ", "the element <object> is not allowed in a page" },
    { "pages/r2.html:7:15: ", "pictures must come from the content set (data=\"gma://content/" },
    { "pages/r2.html:8:1: ", "the element <embed> is not allowed in a page" },
    { "pages/r2.html:9:1: ", "the element <form> is not allowed in a page" },
    { "pages/r2.html:9:61: ", "the link “javascript:x()” cannot be followed" },
    { "pages/r2.html:10:1: ", "the element <base> is not allowed in a page" },
    { "pages/r2.html:11:1: ", "the element <link> is not allowed in a page" },
    { "pages/r2.html:12:4: ", "the attribute “onclick” (an event handler) is not allowed" },
    { "pages/r2.html:12:18: ", "the attribute “ONMOUSEOVER” (an event handler) is not allowed" },
    { "pages/r2.html:13:96: ", "(srcset=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/2x.png”" },
    { "pages/r2.html:13:126: ", "the file “illustrations/missing.svg”" },
    { "pages/r2.html:14:21: ", "the link “javascript:alert(1)” cannot be followed" },
    { "pages/r2.html:15:16: ", "(poster=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/p.png”" },
    { "pages/r2.html:16:28: ", "(background=\"gma://content/illustrations/NAME.svg\"), not “https://example.org/bg.png”" },
    /* The counter's marker: only exactly <div class="gma-contact"></div> */
    { "pages/r2.html:19:1: ", "the class “gma-contact” marks where the prefecture’s counter is shown" },
    { "pages/r2.html:20:1: ", "allowed only on the empty element <div class=\"gma-contact\"></div>" },
    { "pages/r2.html:22:1: ", "the class “gma-contact” marks where" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_fixture ("refused-markup", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (content);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_problem (error, expected[i].prefix, expected[i].fragment);

  /* Exactly those: the allowed markup and the comment raise nothing. */
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
}

static void
test_link_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = copy_valid_set ();
  g_autoptr(GmaContent) content = NULL;
  const char *r2 =
    "<p><a href=\"javascript:alert(1)\">a</a>\n"
    "<a href=\"r1.html\">b</a>\n"
    "<A HREF='gma://faq/faq-9-9'>c</A>\n"
    "<a href=gma://page/r1>ok</a> <a href=\"gma://other/x\">d</a>\n"
    "<img src=\"https://example.org/x.png\"> <img src=\"data:image/png;base64,AAAA\">\n"
    "<img src=\"gma://content/../flow.json\"> <img src=\"gma://page/r1\"></p>\n";

  /* A copy of the valid set with a new pages/r2.html */
  write_file (dir, "pages/r2.html", r2, -1);

  content = load_dir (dir, &error);
  g_assert_null (content);
  assert_problem (error, "pages/r2.html:1:13: ", "cannot be followed");
  assert_problem (error, "pages/r2.html:2:10: ", "“r1.html” cannot be followed");
  assert_problem (error, "pages/r2.html:3:10: ", "there is no FAQ “faq-9-9”");
  assert_problem (error, "pages/r2.html:4:39: ", "unknown link “gma://other/x”");
  assert_problem (error, "pages/r2.html:5:11: ", "not “https://example.org/x.png”");
  assert_problem (error, "pages/r2.html:5:49: ", "not “data:");
  assert_problem (error, "pages/r2.html:6:11: ", "does not name a file of the content set");
  assert_problem (error, "pages/r2.html:6:50: ", "not “gma://page/r1”");
  /* Exactly those eight */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 8);
  }

  /* The temporary files are left to the system's temp cleaner on
   * failure; remove them on success. */
  test_remove_tree (dir);
}

/* References: each one a browser would read otherwise than the app is
 * refused at its place, in text and in attribute values; the others are
 * decoded before a link is checked, as the browser follows it. */
static void
test_references (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = copy_valid_set ();
  g_autoptr(GmaContent) content = NULL;
  const char *r2 =
    "<p>a &foo; b &amp; c &#x80;</p>\n"
    "<a href=\"gma://page/r1&#35;top\" title=\"&#65\">r1</a>\n"
    "<p>&#0; &unknown &#; x </ &bad; > <!-- &bad; --></p>\n";

  write_file (dir, "pages/r2.html", r2, -1);

  content = load_dir (dir, &error);
  g_assert_null (content);
  assert_problem (error, "pages/r2.html:1:6: ", "“&foo;” is not a character reference a page may use");
  assert_problem (error, "pages/r2.html:1:22: ", "“&#x80;” is not a character reference");
  assert_problem (error, "pages/r2.html:2:40: ", "“&#65” is not a character reference");
  assert_problem (error, "pages/r2.html:3:4: ", "“&#0;” is not a character reference");
  /* Exactly those four: gma://page/r1#top is a link to r1, and what is
   * in comments is no text */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }

  test_remove_tree (dir);
}

/* Override directories with a broken flow.json, written into a fresh
 * temporary directory beside a valid faq.json. */

typedef struct
{
  const char *name;
  const char *prefix;     /* the problem line starts so */
  const char *fragment;
} Override;

static char *
make_override (const char *flow,
               gssize      flow_len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid_faq = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid",
                                                      "faq.json", NULL);
  g_autofree char *faq_text = NULL;
  char *dir = g_dir_make_tmp ("gma-override-XXXXXX", &error);
  gsize faq_len;

  g_assert_no_error (error);

  if (flow != NULL)
    {
      g_autofree char *flow_path = g_build_filename (dir, "flow.json", NULL);
      g_autofree char *faq_path = g_build_filename (dir, "faq.json", NULL);

      g_file_set_contents (flow_path, flow, flow_len, &error);
      g_assert_no_error (error);

      g_file_get_contents (valid_faq, &faq_text, &faq_len, &error);
      g_assert_no_error (error);
      g_file_set_contents (faq_path, faq_text, faq_len, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
remove_override (const char *dir)
{
  g_autofree char *flow_path = g_build_filename (dir, "flow.json", NULL);
  g_autofree char *faq_path = g_build_filename (dir, "faq.json", NULL);

  g_remove (flow_path);
  g_remove (faq_path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
check_override (const char *flow,
                gssize      flow_len,
                const char *prefix,
                const char *fragment)
{
  g_autofree char *dir = make_override (flow, flow_len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  gint64 begin = g_get_monotonic_time ();

  content = load_dir (dir, &error);
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 5 * G_USEC_PER_SEC);

  g_assert_null (content);
  assert_problem (error, prefix, fragment);

  remove_override (dir);
}

static void
test_override_empty (void)
{
  g_autofree char *dir = make_override (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_dir (dir, &error);

  g_assert_null (content);
  assert_problem (error, "flow.json: ", "the file is missing");
  assert_problem (error, "faq.json: ", "the file is missing");
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_override_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = load_dir ("/nonexistent/gma-content", &error);

  g_assert_null (content);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "/nonexistent/gma-content: the directory does not exist");
}

static void
test_override_truncated (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid",
                                                  "flow.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_file_get_contents (valid, &text, &len, &error);
  g_assert_no_error (error);

  /* Cut the file in the middle */
  check_override (text, len / 2, "flow.json:", "is the file truncated?");
}

static void
test_override_deep (void)
{
  const guint depth = 200000;
  GString *text = g_string_new ("{\"format\": 1, \"nodes\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  check_override (text->str, text->len, "flow.json:1:", "nested more than 32 levels");
  g_string_free (text, TRUE);
}

static void
test_override_not_utf8 (void)
{
  check_override ("{\n  \"format\": 1,\n  \"edition\": {\"ja\": \"\x97\xDF\x98\x61\"}\n}", -1,
                  "flow.json:3:22: ", "not valid UTF-8");
}

static void
test_override_two_roots (void)
{
  check_override ("{\"format\": 1}\n{\"format\": 1}\n", -1,
                  "flow.json:2:1: ", "a second JSON value starts here");
}

static void
test_override_comment (void)
{
  check_override ("{\n  # comment\n}", -1, "flow.json:2:3: ", "was expected");
}

static void
test_override_too_large (void)
{
  gsize len = GMA_JSON_MAX_SIZE + 10;
  g_autofree char *text = g_malloc (len);

  memset (text, ' ', len);
  text[0] = '{';
  text[len - 1] = '}';
  check_override (text, len, "flow.json: ", "may be at most");
}

static void
test_embedded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GmaContent) again = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *type = NULL;
  GmaFlow *flow;

  g_assert_no_error (error);
  g_assert_nonnull (content);
  g_assert_true (gma_content_is_embedded (content));

  uri = g_file_get_uri (gma_content_get_root (content));
  g_assert_cmpstr (uri, ==, "resource:///io/github/gmisassistant/Assistant/content");

  g_assert_cmpstr (gma_content_get_edition (content), ==, "令和5年度（2023年11月）");
  g_assert_cmpstr (gma_content_get_source (content), ==,
                   "アカウント発行通知に係るトラブル対処方法について");

  /* Every node's page loads */
  flow = gma_content_get_flow (content);
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const char *path = gma_node_get_page (gma_flow_get_node (flow, i));
      g_autoptr(GBytes) bytes = NULL;

      if (path == NULL)
        continue;
      bytes = gma_content_load_file (content, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  page = gma_content_load_file (content, "pages/remedy-1.html", &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "text/html; charset=utf-8");

  /* Registering the resources twice is harmless */
  again = gma_content_new_embedded (&error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* The guide's FAQ, question and answer as the guide writes them (the
 * answer's items ①②③ each on a line of their own, the one link as its
 * URL), copied here so that the suite needs nothing outside the tree. */
static const struct {
  const char *id;
  const char *question;
  const char *answer;
} guide_faq[] = {
  { "faq-1-1",
    "インターネット環境がないため、新規ユーザ登録申請できません。",
    "医療（薬局）機能情報提供制度では、都道府県の運用次第では、インターネット環境を持たない報告機関からは調査票（紙）による申請でも受け付け可能としていますが、オンライン報告を推奨しております。インターネット環境を整備後、新規ユーザ登録申請を行っていただくようお願いいたします。" },
  { "faq-1-2",
    "携帯電話での新規ユーザ登録申請は可能ですか。",
    "新規ユーザ登録申請の機能については、スマートフォンやタブレットでの申請は可能です。" },
  { "faq-1-3",
    "メールアドレスを持っていません。",
    "メールアドレス取得後、新規ユーザ登録申請をいただきますようお願いいたします。" },
  { "faq-1-4",
    "住所の全角入力や、電話番号の半角入力のやり方がわかりません。",
    "一般的なPC操作の操作（全角／半角の切り替え方法等）につきましては、PCサポートでご確認いただけますようお願いいたします。" },
  { "faq-2-1",
    "機関コードがわからない。",
    "機関コードについては、都道府県からのお知らせ等でご確認ください。" },
  { "faq-2-2",
    "郵便番号検索で住所がヒットしない。",
    "大口事業所で個別番号を有する事業者様の個別番号への対応はしていません。個別番号ではなく、住所地に割り振られた郵便番号を使用するようにお願いします。" },
  { "faq-2-3",
    "令和5年6月末の期限で申請を都道府県から依頼されていたが、間に合わなかった。申請をしたいがどうすればよいか。",
    "申請が間に合わなかった病院等及び薬局の方は、11月13日以降に本機能が再度利用可能となるため、申請をお願いします。" },
  { "faq-2-4",
    "新規開設・開業したが、ユーザ申請はいつ・どのように実施するのか。",
    "令和5年11月13日に、新規ユーザ登録申請機能が利用可能となります。11月13日以降に申請をお願いします。" },
  { "faq-2-5",
    "申請後に、医療機関情報に変更があった。何か手続きは必要か。(所在地住所・名称・医療機関コードなど)",
    "利用者情報につきましては、ログイン後、「ユーザ基礎情報登録」ボタンをクリックし、修正を行ってください。医療機関の情報修正については、定期報告または随時報告にて修正を行ってください。" },
  { "faq-2-6",
    "入力項目に何を入れたら良いかわからない。(個人経営の薬局なので「担当部署名」、「担当部署番号」、「建物名」に該当するものがない等)",
    "項目毎の「ヘルプ」(?ボタン)を押して確認してください。" },
  { "faq-3-1",
    "アカウント発行通知メールを紛失してしまい、ログインできない。",
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口にて「ログインID」をご確認の上、「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-3-2",
    "「このサイトにアクセスできません」というメッセージが出た。",
    "以下のケースに該当するかを確認し、それぞれの対処方法を行ってください。\n①ブラウザのキャッシュが溜まっている⇒ブラウザの「キャッシュクリア」を行ってください。\n②サイトにフィルターがかかっている⇒情報システム管理者にG-MISのサイト ( https://www.g-mis.mhlw.go.jp/ ) をアクセス可能としていただくようお願いしてください。\n③サーバーがメンテナンス中などで利用できない状態にある⇒しばらく待ってからアクセスしてください。" },
  { "faq-3-3",
    "ログインIDが分からない。",
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口にて「ログインID」をご確認の上、「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-3-4",
    "パスワードが分からない。",
    "「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-4-1",
    "ログインIDが分からなくなり、ログインできない。",
    "アカウント発行通知メールは、再送できません。大変恐れ入りますが、都道府県窓口に「ログインID」をご確認の上、「パスワードのリセット」をお願いします。パスワードのリセット方法は、ログイン画面におきまして、「パスワードをお忘れですか？」のリンクを押していただくようお願いします。" },
  { "faq-4-2",
    "1月から定期報告と聞いていたが、G-MISにログインしても定期報告ボタンが押せない。",
    "定期報告期間中のみ定期報告ボタンが押せます。定期報告の開始日・終了日は、都道府県毎に異なります。都道府県からのご案内等を確認してください。" },
  { "faq-4-3",
    "「医療機能情報提供制度」ボタンを押し、「医療機能情報提供制度ホーム画面」を表示したが、新規報告ボタンは押せるが、定期報告ボタンが押せない。",
    "以下の2つの場合があります。\n①定期報告期間外の場合は、定期報告ボタンが押せません。都道府県からのご案内する定期報告実施期間をご確認ください。\n②昨年度の報告データがG-MIS上に存在しない場合、「新規報告」機能を使って「定期報告」を実施いただく必要がございます。「新規報告」を選択し、令和5年度の報告を行ってください。" },
};

/* The page of @node_id in the embedded set, as text. */
static char *
embedded_page (GmaContent *content,
               const char *node_id)
{
  const GmaNode *node = gma_flow_lookup (gma_content_get_flow (content), node_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (node);
  path = gma_content_get_page_path (content, node);
  g_assert_nonnull (path);
  bytes = gma_content_load_file (content, path, NULL, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_has_fact (const char *where,
                 const char *text,
                 const char *fact)
{
  if (strstr (text, fact) == NULL)
    g_error ("the fact “%s” is not in %s", fact, where);
}

/* The menu labels a person sees on screen, in Japanese whatever the
 * language of the pages: Outlook's (remedy-2), Edge's (remedy-3), and the
 * login page's link (remedy-1 and faq-3-1). */
static const char * const outlook_labels[] = {
  "「迷惑メール(J)」", "「迷惑メールのオプション(O)」", "「信頼できる差出人のリスト」",
  "「追加(D)」", "「適用(A)」",
};
static const char * const edge_labels[] = {
  "「プライバシー、検索、サービス」", "「閲覧データのクリア」", "「クリアするデータの選択」",
};
static const char * const forgot_label = "「パスワードをお忘れですか？」";

/* Everything @content says, one text: its node titles and URLs, its
 * pages and its FAQ entries. Each page must lack @not_in_pages, if not
 * NULL (a word only the pages of another language have). */
static char *
gather_all_text (GmaContent *content,
                 const char *not_in_pages)
{
  GmaFlow *flow = gma_content_get_flow (content);
  GListModel *faq = G_LIST_MODEL (gma_content_get_faq (content));
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      const char * const *urls = gma_node_get_urls (node);

      g_string_append_printf (all, "%s\n", gma_node_get_title (node));
      for (guint u = 0; urls[u] != NULL; u++)
        g_string_append_printf (all, "%s\n", urls[u]);
      if (gma_node_get_page (node) != NULL)
        {
          g_autofree char *page = embedded_page (content, gma_node_get_id (node));

          if (not_in_pages != NULL)
            g_assert_null (strstr (page, not_in_pages));
          g_string_append_printf (all, "%s\n", page);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (faq, i);

      g_string_append_printf (all, "%s\n%s\n", gma_faq_entry_get_question (entry),
                              gma_faq_entry_get_answer (entry));
    }

  return g_string_free (all, FALSE);
}

/* The facts of the content contract appear, written exactly so, in the
 * embedded content: in the pages, the FAQ and the flow. */
static void
test_embedded_facts (void)
{
  static const char * const facts[] = {
    "info@g-mis.net",
    "https://www.g-mis.mhlw.go.jp/",
    "https://www.g-mis.mhlw.go.jp/user-Registration-Form",
    "https://www.med-login.mhlw.go.jp/s/login/",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html",
    "10月23日（月）",
    "11月6日（月）",
    "11月13日",
    "令和5年度",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (ja, &error);
  g_autofree char *all = NULL;
  g_autofree char *remedy_1 = NULL;
  g_autofree char *remedy_2 = NULL;
  g_autofree char *remedy_3 = NULL;
  GmaFaq *faq;
  guint n_entries;

  g_assert_no_error (error);
  faq = gma_content_get_faq (content);
  n_entries = g_list_model_get_n_items (G_LIST_MODEL (faq));

  /* Everything the set says: pages, node texts and URLs, FAQ entries */
  all = gather_all_text (content, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    assert_has_fact ("the embedded content", all, facts[i]);

  /* The menu labels, in the pages that walk through the menus */
  remedy_2 = embedded_page (content, "remedy-2");
  for (guint i = 0; i < G_N_ELEMENTS (outlook_labels); i++)
    assert_has_fact ("the page of remedy-2", remedy_2, outlook_labels[i]);
  remedy_3 = embedded_page (content, "remedy-3");
  for (guint i = 0; i < G_N_ELEMENTS (edge_labels); i++)
    assert_has_fact ("the page of remedy-3", remedy_3, edge_labels[i]);

  remedy_1 = embedded_page (content, "remedy-1");
  assert_has_fact ("the page of remedy-1", remedy_1, forgot_label);
  g_assert_nonnull (gma_faq_lookup (faq, "faq-3-1"));
  assert_has_fact ("faq-3-1", gma_faq_entry_get_answer (gma_faq_lookup (faq, "faq-3-1")),
                   forgot_label);

  /* The FAQ is the guide's, entry for entry */
  g_assert_cmpuint (n_entries, ==, G_N_ELEMENTS (guide_faq));
  for (guint i = 0; i < G_N_ELEMENTS (guide_faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), i);

      g_test_message ("%s", guide_faq[i].id);
      g_assert_cmpstr (gma_faq_entry_get_id (entry), ==, guide_faq[i].id);
      g_assert_cmpstr (gma_faq_entry_get_question (entry), ==, guide_faq[i].question);
      g_assert_cmpstr (gma_faq_entry_get_answer (entry), ==, guide_faq[i].answer);
    }
}

static const char * const en[] = { "en", NULL };

/* The embedded set is complete in English; if not, every gap is named. */
static void
test_english_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (en, &error);
  g_autofree char *missing = NULL;
  GmaFaq *faq;

  g_assert_no_error (error);
  missing = gma_content_explain_missing_language (content, "en");
  if (missing != NULL)
    {
      g_test_fail_printf ("the embedded content lacks English:\n%s", missing);
      return;
    }
  g_assert_true (gma_content_has_language (content, "en"));
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");

  /* Its texts are the English ones */
  g_assert_cmpstr (gma_content_get_edition (content), ==,
                   "fiscal year 2023 (令和5年度), November 2023");
  g_assert_cmpstr (gma_node_get_title (gma_flow_lookup (gma_content_get_flow (content), "remedy-2")),
                   ==, "When the mail was in the junk mail folder");
  faq = gma_content_get_faq (content);
  g_assert_cmpstr (gma_faq_get_title (faq), ==, "Frequently asked questions (FAQ)");
  g_assert_cmpstr (gma_faq_entry_get_question (gma_faq_lookup (faq, "faq-3-4")), ==,
                   "We do not know our password.");
}

/* The English pages and texts keep the guide's facts exactly: URLs, the
 * sender, the Japanese menu labels a person sees on screen. */
static void
test_english_facts (void)
{
  static const char * const facts[] = {
    "info@g-mis.net",
    "https://www.g-mis.mhlw.go.jp/",
    "https://www.g-mis.mhlw.go.jp/user-Registration-Form",
    "https://www.med-login.mhlw.go.jp/s/login/",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iyakuhin/kinoujohou/index.html",
    "Monday, October 23",
    "Monday, November 6",
    "November 13",
    "令和5年度",
    "【厚生労働省G-MIS事務局】G-MISのご利用準備完了に伴うパスワード登録のご依頼",
    "【厚生労働省G-MIS事務局】報告機関内でのG-MISご利用者の確認依頼",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (en, &error);
  g_autofree char *all = NULL;
  g_autofree char *remedy_1 = NULL;
  g_autofree char *remedy_2 = NULL;
  g_autofree char *remedy_3 = NULL;
  GmaFaq *faq;

  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  faq = gma_content_get_faq (content);

  /* The English pages, not the Japanese ones */
  all = gather_all_text (content, "答えると");
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    assert_has_fact ("the English content", all, facts[i]);

  remedy_2 = embedded_page (content, "remedy-2");
  for (guint i = 0; i < G_N_ELEMENTS (outlook_labels); i++)
    assert_has_fact ("the English page of remedy-2", remedy_2, outlook_labels[i]);
  remedy_3 = embedded_page (content, "remedy-3");
  for (guint i = 0; i < G_N_ELEMENTS (edge_labels); i++)
    assert_has_fact ("the English page of remedy-3", remedy_3, edge_labels[i]);
  remedy_1 = embedded_page (content, "remedy-1");
  assert_has_fact ("the English page of remedy-1", remedy_1, forgot_label);
  assert_has_fact ("faq-3-1 in English",
                   gma_faq_entry_get_answer (gma_faq_lookup (faq, "faq-3-1")), forgot_label);
}

/* An override without (all of) its English loads, in Japanese, and says
 * what is missing. */
static void
test_english_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);

  content = gma_content_new (root, en, &error);
  g_assert_no_error (error);
  g_assert_false (gma_content_has_language (content, "en"));
  g_assert_true (gma_content_has_language (content, "ja"));
  g_assert_cmpstr (gma_content_get_language (content), ==, "ja");
  /* Japanese throughout, even where an English text exists */
  g_assert_cmpstr (gma_content_get_edition (content), ==, "テスト版（2023年11月）");

  missing = gma_content_explain_missing_language (content, "en");
  g_assert_nonnull (missing);
  g_test_message ("%s", missing);
  assert_line (missing, "flow.json: $.source.en: ", "English text is missing");
  assert_line (missing, "flow.json: $.nodes[1].keywords.en: ", "English words are missing");
  assert_line (missing, "flow.json: $.nodes[0].page: ", "pages/en/start.html");
  g_assert_null (strstr (missing, "$.edition.en"));
}

/* A copy of the embedded set as an override: complete, it is shown in
 * English; each gap made in it is named, and it is then Japanese. */
static void
test_english_override (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "resources", "content", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("gma-test-english-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "content", NULL);
  g_autofree char *gone = g_build_filename (dir, "pages", "en", "url-access.html", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GmaContent) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  test_copy_tree (source, dir);

  content = gma_content_new (root, en, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  g_assert_null (gma_content_explain_missing_language (content, "en"));

  /* A text without English, a link lost, a contact marker added, a page
   * missing */
  test_replace_in_file (dir, "flow.json", ", \"en\": \"Remedy 1\"", "");
  test_replace_in_file (dir, "pages/en/remedy-2.html",
                   "(<a href=\"mailto:info@g-mis.net\">info@g-mis.net</a>)", "info@g-mis.net");
  test_replace_in_file (dir, "pages/en/remedy-4.html", "please wait.</p>",
                   "please wait.</p>\n<div class=\"note gma-contact\"></div>");
  g_assert_cmpint (g_remove (gone), ==, 0);

  broken = gma_content_new (root, en, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (broken), ==, "ja");
  g_assert_cmpstr (gma_node_get_reference (gma_flow_lookup (gma_content_get_flow (broken), "remedy-1")),
                   ==, "対応方法1");
  missing = gma_content_explain_missing_language (broken, "en");
  g_assert_nonnull (missing);
  g_test_message ("%s", missing);
  assert_line (missing, "flow.json: $.nodes[7].reference.en: ", "English text is missing");
  assert_line (missing, "pages/en/remedy-2.html: ", "“mailto:info@g-mis.net” 0 time(s) where the "
               "Japanese page pages/remedy-2.html does 1 time(s)");
  assert_line (missing, "pages/en/remedy-4.html: ", "has 2 contact marker(s) <div class=\"gma-contact\"></div> where the Japanese page pages/remedy-4.html has 1");
  assert_line (missing, "flow.json: $.nodes[6].page: ", "add “pages/en/url-access.html”");

  test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/valid", test_valid);
  g_test_add_func ("/content/load-file-refuses", test_load_file_refuses);
  g_test_add_func ("/content/link-kinds", test_link_kinds);
  g_test_add_func ("/content/refused-markup", test_refused_markup);
  g_test_add_func ("/content/references", test_references);
  g_test_add_func ("/content/symlink/file", test_symlink_file);
  g_test_add_func ("/content/symlink/folder", test_symlink_folder);
  g_test_add_func ("/content/symlink/load-file", test_symlink_load_file);
  g_test_add_func ("/content/symlink/root", test_symlink_root);
  g_test_add_func ("/content/size-limits", test_size_limits);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/broken/%s", broken[i].fixture);

      g_test_add_data_func (path, &broken[i], test_broken);
    }

  g_test_add_func ("/content/override/empty", test_override_empty);
  g_test_add_func ("/content/override/missing-dir", test_override_missing_dir);
  g_test_add_func ("/content/override/truncated", test_override_truncated);
  g_test_add_func ("/content/override/deep", test_override_deep);
  g_test_add_func ("/content/override/not-utf8", test_override_not_utf8);
  g_test_add_func ("/content/override/two-roots", test_override_two_roots);
  g_test_add_func ("/content/override/comment", test_override_comment);
  g_test_add_func ("/content/override/too-large", test_override_too_large);
  g_test_add_func ("/content/embedded", test_embedded);
  g_test_add_func ("/content/embedded-facts", test_embedded_facts);
  g_test_add_func ("/content/english/complete", test_english_complete);
  g_test_add_func ("/content/english/facts", test_english_facts);
  g_test_add_func ("/content/english/missing", test_english_missing);
  g_test_add_func ("/content/english/override", test_english_override);

  return g_test_run ();
}
