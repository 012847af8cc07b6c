/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the fuzzing harnesses (GLib and the core only): how a
 * finding is reported, and the promises every search hit keeps. */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gprintf.h>

#include "gma-search.h"

/* A finding: said on standard error, then abort(), which libFuzzer
 * catches (and saves the input) and the replay driver reports. */
static void fail (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

/* Every highlight range of every hit, in its title and its body, is
 * sorted, disjoint and inside the text it highlights (gma-search.h). */
static inline void
check_hits (GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      GmaSearchHit *hit = g_ptr_array_index (hits, i);
      const GmaSearchField fields[] = { GMA_SEARCH_FIELD_TITLE, GMA_SEARCH_FIELD_BODY };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *text = fields[f] == GMA_SEARCH_FIELD_TITLE ? gma_search_hit_get_title (hit)
                                                                 : gma_search_hit_get_body (hit);
          gsize text_len = text != NULL ? strlen (text) : 0;
          guint n = 0;
          const GmaSearchRange *ranges = gma_search_hit_get_ranges (hit, fields[f], &n);
          gsize last_end = 0;

          for (guint r = 0; r < n; r++)
            {
              if (ranges[r].start >= ranges[r].end || ranges[r].end > text_len ||
                  ranges[r].start < last_end)
                fail ("hit %s: range %u [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT
                         ") is not sorted, disjoint and inside %" G_GSIZE_FORMAT " bytes",
                         gma_search_hit_get_id (hit), r, ranges[r].start, ranges[r].end,
                         text_len);
              last_end = ranges[r].end;
            }
        }
    }
}
