/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the core tests (GLib and the core): text assertions
 * with the whole text in the failure, scratch copies of content sets, a
 * page as the pane is served it. */
#pragma once

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "gma-router.h"
#include "gma-session.h"

static inline void
test_assert_contains (const char *haystack,
                      const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static inline void
test_assert_lacks (const char *haystack,
                   const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” unexpectedly found in:\n%s", needle, haystack);
}

static inline guint
test_count_occurrences (const char *haystack,
                        const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Copies the folder @from into the folder @to (made if missing), files
 * byte for byte. */
static inline void
test_copy_tree (const char *from,
                const char *to)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (g_mkdir_with_parents (to, 0755) != 0)
    g_error ("cannot make %s: %s", to, g_strerror (errno));
  dir = g_dir_open (from, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        test_copy_tree (source, target);
      else
        {
          g_autofree char *text = NULL;
          gsize len;

          g_file_get_contents (source, &text, &len, &error);
          g_assert_no_error (error);
          g_file_set_contents (target, text, len, &error);
          g_assert_no_error (error);
        }
    }
}

/* Removes @path and everything under it, without following links; a
 * folder a test made unreadable is made readable first. */
static inline void
test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          test_remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Replaces @old in @dir/@name by @new, at most @limit times (0: every
 * time); returns how many times it did. */
static inline guint
test_edit_file (const char *dir,
                const char *name,
                const char *old,
                const char *new,
                guint       limit)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  guint n;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  n = g_string_replace (edited, old, new, limit);
  g_file_set_contents (path, edited->str, edited->len, &error);
  g_assert_no_error (error);

  return n;
}

/* Replaces the first @old in @dir/@name (which must hold it) by @new. */
static inline void
test_replace_in_file (const char *dir,
                      const char *name,
                      const char *old,
                      const char *new)
{
  if (test_edit_file (dir, name, old, new, 1) == 0)
    g_error ("“%s” not found in %s/%s", old, dir, name);
}

/* Replaces every @old in @dir/@name by @new; the file must hold exactly
 * @count of them (an edit meant for one place must not land in two). */
static inline void
test_replace_all_in_file (const char *dir,
                          const char *name,
                          const char *old,
                          const char *new,
                          guint       count)
{
  guint n = test_edit_file (dir, name, old, new, 0);

  if (n != count)
    g_error ("“%s” found %u time(s) in %s/%s, not %u", old, n, dir, name, count);
}

/* The HTML the page pane is served for @uri; a flow page is walked to in
 * @session first. */
static inline char *
test_load_document (GmaContent *content,
                    GmaSession *session,
                    const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  gsize len;
  const char *data;

  if (g_str_has_prefix (uri, "gma://page/"))
    g_assert_true (gma_session_jump_to (session, uri + strlen ("gma://page/")));

  bytes = gma_router_load (content, session, uri, &type, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_str_has_prefix (type, "text/html"));

  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}
