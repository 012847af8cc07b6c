/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content-open.c: no file can be swapped in while the loader reads
 * it.
 *
 * The loader (gma-content-open.c) calls a test hook at every moment at
 * which another process could change the set's directory: before it opens
 * each folder of a path, before it opens the file, before it looks at
 * the open file, before each read. Here the hook swaps something at each
 * of those moments in turn (a file for a link to /dev/zero or to a file
 * outside the set, a folder for a link to a folder outside, a file for a
 * named pipe or for a file over the limit, the file growing past it), and
 * the result must be exactly what that moment allows: the link refused as
 * a link, the pipe as not a regular file, the large file as too large,
 * or, once the file is open, the very file that was opened. Never the
 * outside file, never /dev/zero, never a hang.
 */
#define G_LOG_DOMAIN "gma-test-content-open"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gma-content.h"
#include "gma-content-open.h"
#include "test-util.h"

static const char * const ja[] = { "ja", NULL };

#define SECRET "SECRET: outside the content set\n"

typedef enum {
  SWAP_FILE_FOR_DEV_ZERO,   /* the file → a link to /dev/zero */
  SWAP_FILE_FOR_OUTSIDE,    /* the file → a link to a file outside the set */
  SWAP_FOLDER_FOR_OUTSIDE,  /* its folder → a link to a folder outside the set */
  SWAP_FILE_FOR_FIFO,       /* the file → a named pipe */
  SWAP_FILE_FOR_HUGE,       /* the file → another, one byte over the limit */
  GROW_FILE,                /* the same file grows one byte over the limit */
  N_SWAPS
} Swap;

static const char * const swap_names[] = {
  "file-for-dev-zero", "file-for-outside", "folder-for-outside", "file-for-fifo",
  "file-for-huge", "grow-file",
};

typedef struct {
  char       *tmp;       /* holds set/ and outside/ */
  char       *set;
  char       *outside;   /* a folder with a file of each name, holding SECRET */
  const char *path;      /* the file read: "pages/r1.html" */
  GBytes     *original;  /* its bytes */

  /* the hook */
  GArray     *steps;     /* GmaContentStep, in order, of every call for @path */
  gint        swap_at;   /* the call at which to swap, or -1 */
  Swap        swap;
  int         grow_fd;   /* the file itself, open, for GROW_FILE */
} Fixture;

static void
write_or_fail (const char *path,
               const char *text,
               gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *file = NULL;
  g_autofree char *secret_pages = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *text = NULL;
  gsize len;

  f->tmp = g_dir_make_tmp ("gma-open-XXXXXX", NULL);
  g_assert_nonnull (f->tmp);
  f->set = g_build_filename (f->tmp, "set", NULL);
  f->outside = g_build_filename (f->tmp, "outside", NULL);
  f->path = "pages/r1.html";
  test_copy_tree (valid, f->set);

  /* Outside: the same names, other bytes. */
  secret_pages = g_build_filename (f->outside, "pages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (secret_pages, 0755), ==, 0);
  secret_file = g_build_filename (secret_pages, "r1.html", NULL);
  write_or_fail (secret_file, SECRET, -1);

  file = g_build_filename (f->set, f->path, NULL);
  g_assert_true (g_file_get_contents (file, &text, &len, NULL));
  f->original = g_bytes_new_take (g_steal_pointer (&text), len);

  f->steps = g_array_new (FALSE, FALSE, sizeof (GmaContentStep));
  f->swap_at = -1;
  f->grow_fd = -1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gma_content_set_step_hook (NULL, NULL);
  if (f->grow_fd >= 0)
    close (f->grow_fd);
  test_remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->set);
  g_free (f->outside);
  g_bytes_unref (f->original);
  g_array_unref (f->steps);
}

/* Moves @path of the set aside (the loader may hold it open) and returns
 * its full name. */
static char *
move_aside (Fixture    *f,
            const char *path)
{
  g_autofree char *name = g_build_filename (f->set, path, NULL);
  g_autofree char *aside = g_strconcat (name, ".aside", NULL);

  g_assert_cmpint (g_rename (name, aside), ==, 0);
  return g_steal_pointer (&name);
}

static void
do_swap (Fixture *f)
{
  switch (f->swap)
    {
    case SWAP_FILE_FOR_DEV_ZERO:
      {
        g_autofree char *name = move_aside (f, f->path);

        g_assert_cmpint (symlink ("/dev/zero", name), ==, 0);
        break;
      }
    case SWAP_FILE_FOR_OUTSIDE:
      {
        g_autofree char *name = move_aside (f, f->path);
        g_autofree char *target = g_build_filename (f->outside, f->path, NULL);

        g_assert_cmpint (symlink (target, name), ==, 0);
        break;
      }
    case SWAP_FOLDER_FOR_OUTSIDE:
      {
        g_autofree char *name = move_aside (f, "pages");
        g_autofree char *target = g_build_filename (f->outside, "pages", NULL);

        g_assert_cmpint (symlink (target, name), ==, 0);
        break;
      }
    case SWAP_FILE_FOR_FIFO:
      {
        g_autofree char *name = move_aside (f, f->path);

        g_assert_cmpint (mkfifo (name, 0644), ==, 0);
        break;
      }
    case SWAP_FILE_FOR_HUGE:
      {
        g_autofree char *name = move_aside (f, f->path);
        g_autofree char *huge = g_malloc (GMA_CONTENT_MAX_PAGE_SIZE + 1);

        memset (huge, 'x', GMA_CONTENT_MAX_PAGE_SIZE + 1);
        write_or_fail (name, huge, GMA_CONTENT_MAX_PAGE_SIZE + 1);
        break;
      }
    case GROW_FILE:
      g_assert_cmpint (ftruncate (f->grow_fd, GMA_CONTENT_MAX_PAGE_SIZE + 1), ==, 0);
      break;
    case N_SWAPS:
    default:
      g_assert_not_reached ();
    }
}

static void
step_hook (const char     *path,
           GmaContentStep  step,
           const char     *name,
           gpointer        user_data)
{
  Fixture *f = user_data;

  if (!g_str_equal (path, f->path))
    return;

  if ((gint) f->steps->len == f->swap_at)
    do_swap (f);
  g_array_append_val (f->steps, step);
}

/* What reading the file must give when @swap happened at the step @at:
 * NULL for the original bytes, or the reason of the error. */
static const char *
expected_reason (Swap           swap,
                 GmaContentStep at)
{
  gboolean before_open = at == GMA_CONTENT_STEP_OPEN_FOLDER || at == GMA_CONTENT_STEP_OPEN_FILE;

  switch (swap)
    {
    case SWAP_FILE_FOR_DEV_ZERO:
    case SWAP_FILE_FOR_OUTSIDE:
      return before_open ? "is a symbolic link; the content set must hold the files themselves"
                         : NULL;
    case SWAP_FOLDER_FOR_OUTSIDE:
      return at == GMA_CONTENT_STEP_OPEN_FOLDER
             ? "the folder “pages” is a symbolic link; the content set must hold the files themselves"
             : NULL;
    case SWAP_FILE_FOR_FIFO:
      return before_open ? "this is not a regular file" : NULL;
    case SWAP_FILE_FOR_HUGE:
      return before_open ? "the file is 2097153 bytes long; it may be at most 2097152 bytes" : NULL;
    case GROW_FILE:
      /* The same file: seen by fstat, or by the read of one byte more. */
      return "the file is 2097153 bytes long; it may be at most 2097152 bytes";
    case N_SWAPS:
    default:
      g_assert_not_reached ();
    }
}

/* Puts the set back as it was. */
static void
restore (Fixture *f)
{
  g_autofree char *pages = g_build_filename (f->set, "pages", NULL);
  g_autofree char *pages_aside = g_strconcat (pages, ".aside", NULL);
  g_autofree char *file = g_build_filename (f->set, f->path, NULL);
  g_autofree char *file_aside = g_strconcat (file, ".aside", NULL);

  if (g_file_test (pages_aside, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_unlink (pages), ==, 0);
      g_assert_cmpint (g_rename (pages_aside, pages), ==, 0);
    }
  if (g_file_test (file_aside, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_unlink (file), ==, 0);
      g_assert_cmpint (g_rename (file_aside, file), ==, 0);
    }
  write_or_fail (file, g_bytes_get_data (f->original, NULL), g_bytes_get_size (f->original));
}

/* The steps of reading @f->path, with nothing swapped. */
static GArray *
record_steps (Fixture    *f,
              GmaContent *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_array_set_size (f->steps, 0);
  f->swap_at = -1;
  gma_content_set_step_hook (step_hook, f);
  bytes = gma_content_load_file (content, f->path, NULL, &error);
  gma_content_set_step_hook (NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, f->original));

  return g_array_copy (f->steps);
}

/* gma_content_load_file(), as the page pane reads a page: every swap at
 * every step. */
static void
test_swap_while_serving (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (f->set);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new (root, ja, &error);
  g_autoptr(GArray) steps = NULL;
  guint n_tried = 0;

  g_assert_no_error (error);
  steps = record_steps (f, content);

  /* Folder, file, look, read (and the read that finds the end). */
  g_assert_cmpuint (steps->len, >=, 4);
  g_assert_cmpint (g_array_index (steps, GmaContentStep, 0), ==, GMA_CONTENT_STEP_OPEN_FOLDER);
  g_assert_cmpint (g_array_index (steps, GmaContentStep, 1), ==, GMA_CONTENT_STEP_OPEN_FILE);
  g_assert_cmpint (g_array_index (steps, GmaContentStep, 2), ==, GMA_CONTENT_STEP_STAT);
  g_assert_cmpint (g_array_index (steps, GmaContentStep, 3), ==, GMA_CONTENT_STEP_READ);

  for (Swap swap = 0; swap < N_SWAPS; swap++)
    for (guint at = 0; at < steps->len; at++)
      {
        GmaContentStep step = g_array_index (steps, GmaContentStep, at);
        const char *reason = expected_reason (swap, step);
        g_autoptr(GError) local_error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autofree char *file = g_build_filename (f->set, f->path, NULL);

        g_test_message ("swap %s at step %u (%d)", swap_names[swap], at, step);

        if (swap == GROW_FILE)
          {
            f->grow_fd = open (file, O_WRONLY | O_CLOEXEC);
            g_assert_cmpint (f->grow_fd, >=, 0);
          }
        g_array_set_size (f->steps, 0);
        f->swap = swap;
        f->swap_at = at;
        gma_content_set_step_hook (step_hook, f);
        bytes = gma_content_load_file (content, f->path, NULL, &local_error);
        gma_content_set_step_hook (NULL, NULL);

        /* The swap happened. */
        g_assert_cmpuint (f->steps->len, >, at);

        if (reason == NULL)
          {
            g_assert_no_error (local_error);
            g_assert_true (g_bytes_equal (bytes, f->original));
          }
        else
          {
            g_autofree char *message = NULL;

            g_assert_null (bytes);
            g_assert_nonnull (local_error);
            message = g_strdup_printf (g_str_has_prefix (reason, "the file is ")
                                       ? "“%s”: %s" : "“%s” is not in the content set: %s",
                                       f->path, reason);
            g_assert_cmpstr (local_error->message, ==, message);
          }

        if (f->grow_fd >= 0)
          {
            close (f->grow_fd);
            f->grow_fd = -1;
          }
        restore (f);
        n_tried++;
      }

  g_assert_cmpuint (n_tried, ==, N_SWAPS * steps->len);
}

/* The validation: a file swapped for a link (to /dev/zero, to a file
 * outside) at any step of its reading is refused as a link, or the file
 * opened is the one read. */
static void
test_swap_while_validating (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (f->set);
  g_autoptr(GArray) steps = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GmaContent) content = gma_content_new (root, ja, &error);

    g_assert_no_error (error);
    steps = record_steps (f, content);
  }

  /* (A folder swapped after the file was opened would be refused when
   * the next page in it is read: the serving test covers folders.) */
  for (Swap swap = SWAP_FILE_FOR_DEV_ZERO; swap <= SWAP_FILE_FOR_OUTSIDE; swap++)
    for (guint at = 0; at < steps->len; at++)
      {
        GmaContentStep step = g_array_index (steps, GmaContentStep, at);
        const char *reason = expected_reason (swap, step);
        g_autoptr(GError) error = NULL;
        g_autoptr(GmaContent) content = NULL;

        g_test_message ("swap %s at step %u (%d)", swap_names[swap], at, step);
        g_array_set_size (f->steps, 0);
        f->swap = swap;
        f->swap_at = at;
        gma_content_set_step_hook (step_hook, f);
        content = gma_content_new (root, ja, &error);
        gma_content_set_step_hook (NULL, NULL);
        g_assert_cmpuint (f->steps->len, >, at);

        if (reason == NULL)
          {
            g_assert_no_error (error);
            g_assert_nonnull (content);
          }
        else
          {
            g_autofree char *expected = g_strdup_printf ("%s: %s", f->path, reason);

            g_assert_null (content);
            g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
            /* The folder swapped out: the other pages in it go too. */
            test_assert_contains (error->message, expected);
            test_assert_lacks (error->message, "SECRET");
          }
        restore (f);
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/content-open/swap-while-serving", Fixture, NULL,
              fixture_set_up, test_swap_while_serving, fixture_tear_down);
  g_test_add ("/content-open/swap-while-validating", Fixture, NULL,
              fixture_set_up, test_swap_while_validating, fixture_tear_down);

  return g_test_run ();
}
