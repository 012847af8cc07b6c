/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content-files.c: the files of a set and their policy: symbolic
 * links, sizes, what gma_content_load_file() refuses (gma-content-files.c) */

#define G_LOG_DOMAIN "gma-test-content-files"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "content-test-util.h"

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

/* mail.json is optional, but when it is there it is read as every file
 * of the set is: a link is refused under its name. */
static void
test_symlink_mail (void)
{
  g_autofree char *dir = copy_valid_set ();
  g_autofree char *outside = copy_valid_set ();
  g_autofree char *mail = g_build_filename (dir, "mail.json", NULL);
  g_autofree char *secret = g_build_filename (outside, "mail.json", NULL);
  g_autoptr(GError) error = NULL;

  make_link (dir, "mail.json", secret);
  error = load_dir_fails (dir, 1);
  g_assert_cmpstr (error->message, ==, "mail.json: " LINK_REASON);
  g_clear_error (&error);

  /* Without it, the set loads (and has no mail checker) */
  g_assert_cmpint (g_remove (mail), ==, 0);
  {
    g_autoptr(GmaContent) content = load_dir (dir, &error);

    g_assert_no_error (error);
    g_assert_nonnull (content);
    g_assert_null (gma_content_get_mail_facts (content));
  }

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/load-file-refuses", test_load_file_refuses);
  g_test_add_func ("/content/symlink/file", test_symlink_file);
  g_test_add_func ("/content/symlink/folder", test_symlink_folder);
  g_test_add_func ("/content/symlink/mail", test_symlink_mail);
  g_test_add_func ("/content/symlink/load-file", test_symlink_load_file);
  g_test_add_func ("/content/symlink/root", test_symlink_root);
  g_test_add_func ("/content/size-limits", test_size_limits);

  return g_test_run ();
}
