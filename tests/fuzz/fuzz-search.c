/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-search.c: the search normaliser and queries over arbitrary bytes.
 *
 * Each input is normalised as a text (any bytes: invalid UTF-8 is
 * skipped) and checked against the promises of gma-search.h: the result
 * is UTF-8, and there is one offset range per result byte, inside the
 * input and never going backwards. If it is valid UTF-8 it is then a
 * query over the real index of the embedded content, and every range of
 * every hit must lie inside the text it highlights. Finally it is
 * indexed as a page of its own and searched for with its own words,
 * which must find it.
 *
 * Built with -fsanitize=fuzzer by the meson option "fuzzing", and always
 * into the standalone driver that replays tests/fuzz/corpus/search.
 */
#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "gma-html.h"
#include "gma-search.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

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
      g_autofree char *stripped = gma_html_to_text (text, -1, NULL);

      check_hits (hits);

      /* The text as an entry of its own: each of its words is, once
       * normalised, a part of its normalised title, so the text as a
       * query finds it, and so does each word that stays the same when
       * normalised again (not every word does: in “a-´” the accent
       * follows “a” only once the dash is dropped, and then composes
       * with it into “á”, which the title does not hold). */
      gma_search_index_add (own, "own", text, NULL, stripped);
      if (words[0] != NULL)
        {
          g_autoptr(GPtrArray) own_hits = gma_search_index_query (own, text);

          check_hits (own_hits);
          if (own_hits->len != 1)
            fail ("the text does not find itself");
        }
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) own_hits = gma_search_index_query (own, words[i]);
          g_autofree char *again = gma_search_normalize (words[i], -1, NULL);

          check_hits (own_hits);
          if (strcmp (again, words[i]) == 0 && own_hits->len != 1)
            fail ("the word “%s” of the text does not find it", words[i]);
        }
    }

  return 0;
}
