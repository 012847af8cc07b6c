/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the search tests (test-search-index, test-search-hits). */
#pragma once

#include <string.h>

#include "gma-search.h"

/* The highlighted parts of the hit's title or body, joined with "|". */
static inline char *
highlighted (GmaSearchHit   *hit,
             GmaSearchField  field)
{
  const char *text = field == GMA_SEARCH_FIELD_TITLE
                     ? gma_search_hit_get_title (hit) : gma_search_hit_get_body (hit);
  GString *out = g_string_new (NULL);
  const GmaSearchRange *r;
  guint n;

  r = gma_search_hit_get_ranges (hit, field, &n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (r[i].start, <, r[i].end);
      g_assert_cmpuint (r[i].end, <=, strlen (text));
      if (i > 0)
        {
          g_assert_cmpuint (r[i - 1].end, <, r[i].start);
          g_string_append_c (out, '|');
        }
      g_assert_true (g_utf8_validate (text + r[i].start, r[i].end - r[i].start, NULL));
      g_string_append_len (out, text + r[i].start, r[i].end - r[i].start);
    }
  return g_string_free (out, FALSE);
}
