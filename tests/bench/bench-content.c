/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-content [--runs=N]: how long loading and validating the embedded
 * content takes (gma_content_new_embedded(): the strict JSON reader, the
 * flow, the FAQ, every page checked and rendered once, the links), against
 * a floor: reading the same files from the same GResource and parsing the
 * two JSON files with json-glib, nothing checked. Medians over N runs
 * (default 200), in milliseconds, and the ratio. Part of tools/bench, not
 * a test.
 */
#define G_LOG_DOMAIN "gma-bench-content"
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "gma-content.h"

#define CONTENT_PATH RESOURCE_PREFIX "/content"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len % 2)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1) +
          g_array_index (times, double, times->len / 2)) / 2;
}

/* The floor: every file of the content read, the JSON parsed. */
static gboolean
read_tree (const char  *path,
           GError     **error)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (children == NULL)
    return FALSE;

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, "/", children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (g_str_has_suffix (children[i], "/"))
        {
          child[strlen (child) - 1] = '\0';
          if (!read_tree (child, error))
            return FALSE;
          continue;
        }

      bytes = g_resources_lookup_data (child, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;
      if (g_str_has_suffix (child, ".json"))
        {
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          if (!json_parser_load_from_data (parser, data, size, error))
            return FALSE;
        }
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint runs = 200;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--runs="))
        {
          guint64 n = 0;

          if (!g_ascii_string_to_unsigned (argv[i] + strlen ("--runs="), 10, 1, 100000, &n, &error))
            {
              g_printerr ("%s: --runs: %s\n", argv[0], error->message);
              return 2;
            }
          runs = n;
        }
      else
        {
          g_printerr ("usage: %s [--runs=N]\n", argv[0]);
          return 2;
        }
    }

  gma_content_register_resources ();

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0, t1, t2;
      g_autoptr(GmaContent) content = NULL;

      /* Alternate which goes first so that caches help both alike. */
      t0 = g_get_monotonic_time ();
      if (i % 2 == 0)
        content = gma_content_new_embedded (&error);
      else if (!read_tree (CONTENT_PATH, &error))
        break;
      t1 = g_get_monotonic_time ();
      if (i % 2 == 0 && !read_tree (CONTENT_PATH, &error))
        break;
      else if (i % 2 == 1)
        content = gma_content_new_embedded (&error);
      t2 = g_get_monotonic_time ();
      if (content == NULL)
        break;

      if (i % 2 == 0)
        {
          double a = (t1 - t0) / 1000.0, b = (t2 - t1) / 1000.0;
          g_array_append_val (load, a);
          g_array_append_val (floor, b);
        }
      else
        {
          double a = (t2 - t1) / 1000.0, b = (t1 - t0) / 1000.0;
          g_array_append_val (load, a);
          g_array_append_val (floor, b);
        }
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  {
    double l = median (load), f = median (floor);

    printf ("content load + validation: %.2f ms (floor: read + parse only %.2f ms, ratio %.1f×), median of %u\n",
            l, f, f > 0 ? l / f : 0, runs);
  }

  return 0;
}
