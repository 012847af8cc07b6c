/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-driver.c: replays a fuzzing corpus without libFuzzer.
 *
 *   fuzz-content-replay DIR-OR-FILE…
 *
 * Calls LLVMFuzzerTestOneInput() once for every file given or found in a
 * directory given (sorted by name, not recursive), the way libFuzzer runs
 * an input. Any crash, sanitizer report or g_error() of the harness fails
 * the run; the output is TAP, one test per input, so that meson names the
 * input that failed. Built with the default compiler, so that every input
 * ever committed to the corpus stays a test in every build.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR-OR-FILE…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_names);

  if (files->len == 0)
    {
      g_printerr ("no inputs in the corpus\n");
      return 1;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (file, &data, &size, &error))
        {
          printf ("not ok %u %s # %s\n", i + 1, file, error->message);
          return 1;
        }
      /* Shown before the input runs: a crash leaves the name behind. */
      printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", file, size);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const guint8 *) data, size);
      printf ("ok %u %s\n", i + 1, file);
      fflush (stdout);
    }

  return 0;
}
