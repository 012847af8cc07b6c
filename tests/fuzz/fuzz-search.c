/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-search.c: the search normaliser and queries over arbitrary bytes.
 *
 * Each input is normalised as a text (any bytes: invalid UTF-8 is
 * skipped) and checked against the promises of gma-search.h: the result
 * is UTF-8, and there is one offset range per result byte, inside the
 * input and never going backwards. If it is valid UTF-8 it is then a
 * query over the real index of the embedded content, and every range of
 * every hit must lie inside the text it highlights. Finally it is
 * indexed as a page of its own and searched for with its own words.
 *
 * Built with -fsanitize=fuzzer by the meson option "fuzzing", and always
 * into the standalone driver that replays tests/fuzz/corpus/search.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gprintf.h>

#include "gma-content.h"
#include "gma-search.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

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


static void
check_normalize (const char *text,
                 gsize       len)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *normal = gma_search_normalize (text, len, &offsets);
  gsize normal_len = strlen (normal);
  gsize last_start = 0;

  if (!g_utf8_validate (normal, -1, NULL))
    fail ("the normalised text is not UTF-8");
  if (offsets->len != normal_len)
    fail ("%u offsets for %" G_GSIZE_FORMAT " bytes", offsets->len, normal_len);

  for (guint i = 0; i < offsets->len; i++)
    {
      const GmaSearchRange *range = &g_array_index (offsets, GmaSearchRange, i);

      if (range->start >= range->end || range->end > len)
        fail ("offset %u: [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ") is outside %"
                 G_GSIZE_FORMAT " bytes", i, range->start, range->end, len);
      if (range->start < last_start)
        fail ("offset %u goes backwards", i);
      last_start = range->start;
    }

  /* Without offsets, the same text. */
  {
    g_autofree char *again = gma_search_normalize (text, len, NULL);

    if (strcmp (again, normal) != 0)
      fail ("normalising with and without offsets differs");
  }
}

static void
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

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static GmaSearchIndex *index;
  g_autofree char *text = g_strndup ((const char *) data, size);

  if (index == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GmaContent) content = gma_content_new_embedded (&error);

      if (content == NULL)
        fail ("the embedded content: %s", error->message);
      index = gma_search_index_new_for_content (content);
    }

  check_normalize ((const char *) data, size);

  /* A query is UTF-8 text without NUL (it comes from a GtkEntry). */
  if (memchr (data, '\0', size) == NULL && g_utf8_validate ((const char *) data, size, NULL))
    {
      g_autoptr(GPtrArray) hits = gma_search_index_query (index, text);
      g_auto(GStrv) words = gma_search_query_words (text);
      g_autoptr(GmaSearchIndex) own = gma_search_index_new ();
      g_autofree char *stripped = gma_search_strip_html (text, -1);

      check_hits (hits);

      /* The text as an entry of its own: each of its words finds it. */
      gma_search_index_add (own, "own", text, NULL, stripped);
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) own_hits = gma_search_index_query (own, words[i]);

          check_hits (own_hits);
        }
    }

  return 0;
}
