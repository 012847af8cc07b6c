/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-words.c: the core's own words around the content (gma-words.c):
 * both languages have every word, English has no Japanese, and the
 * language is chosen as the content's. */

#define G_LOG_DOMAIN "gma-test-words"

#include "config.h"

#include <locale.h>

#include "gma-words.h"

#define N_WORDS (sizeof (GmaWords) / sizeof (const char *))

static gboolean
has_japanese (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) ||
          (c >= 0xff00 && c <= 0xffef))
        return TRUE;
    }
  return FALSE;
}

static void
test_complete (void)
{
  const GmaWords *tables[] = { gma_words_for_language ("ja"), gma_words_for_language ("en") };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      const char * const *words = (const char * const *) tables[t];

      for (guint i = 0; i < N_WORDS; i++)
        if (words[i] == NULL)
          g_error ("word %u of the “%s” table is missing", i, tables[t]->language);
    }

  /* The words that stand alone are never empty. */
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_assert_cmpstr (tables[t]->app_name, !=, "");
      g_assert_cmpstr (tables[t]->flow_title, !=, "");
      g_assert_cmpstr (tables[t]->flow_diagram_title, !=, "");
      g_assert_cmpstr (tables[t]->counter, !=, "");
      g_assert_cmpstr (tables[t]->copy, !=, "");
    }
}

/* An English page is English throughout: no word of the English table
 * is Japanese, and every word that differs is translated. */
static void
test_english (void)
{
  const char * const *ja = (const char * const *) gma_words_for_language ("ja");
  const char * const *en = (const char * const *) gma_words_for_language ("en");

  for (guint i = 0; i < N_WORDS; i++)
    if (has_japanese (en[i]))
      g_error ("English word %u “%s” is Japanese", i, en[i]);

  g_assert_true (has_japanese (gma_words_for_language ("ja")->flow_diagram_title));
  g_assert_true (has_japanese (gma_words_for_language ("ja")->answers_so_far));
  for (guint i = 0; i < N_WORDS; i++)
    if (has_japanese (ja[i]))
      g_assert_cmpstr (ja[i], !=, en[i]);
}

static void
test_language (void)
{
  g_assert_cmpstr (gma_words_for_language ("en")->language, ==, "en");
  g_assert_cmpstr (gma_words_for_language ("ja")->language, ==, "ja");
  /* Japanese for anything else: the guide's language */
  g_assert_true (gma_words_for_language (NULL) == gma_words_for_language ("ja"));
  g_assert_true (gma_words_for_language ("fr") == gma_words_for_language ("ja"));
  g_assert_true (gma_words_for_language ("en_US") == gma_words_for_language ("ja"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/words/complete", test_complete);
  g_test_add_func ("/words/english", test_english);
  g_test_add_func ("/words/language", test_language);

  return g_test_run ();
}
