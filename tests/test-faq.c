/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-faq.c: faq.json parsing, validation and the list model */

#define G_LOG_DOMAIN "gma-test-faq"

#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "gma-faq.h"

static const char * const ja[] = { "ja", NULL };

static GmaFaq *
load_text (const char          *text,
           const char * const  *languages,
           GmaProblems        **out_problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(JsonNode) root = NULL;
  GmaFaq *faq;

  root = gma_json_load (bytes, "faq.json", problems);
  g_assert_nonnull (root);
  faq = gma_faq_new_from_json (root, languages, "faq.json", problems);
  g_assert_true ((faq == NULL) == (problems->len > 0));

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));

  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&problems);
  return faq;
}

static GmaFaq *
load_fixture (const char * const *languages)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid",
                                                 "faq.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return load_text (text, languages, NULL);
}

static void
test_valid (void)
{
  g_autoptr(GmaFaq) faq = load_fixture (ja);
  g_autoptr(GmaFaqEntry) first = NULL;
  g_autoptr(GmaFaqEntry) last = NULL;
  g_autofree char *question = NULL;
  g_autofree char *category_title = NULL;
  g_autofree char *number = NULL;
  const char * const *preface;

  g_assert_nonnull (faq);
  g_assert_true (G_IS_LIST_MODEL (faq));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (faq)) == GMA_TYPE_FAQ_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (faq)), ==, 3);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (faq), 3));

  g_assert_cmpstr (gma_faq_get_title (faq), ==, "よくある質問（FAQ）");
  preface = gma_faq_get_preface (faq);
  g_assert_cmpuint (g_strv_length ((char **) preface), ==, 2);
  g_assert_cmpstr (preface[0], ==, "回答は一般的な内容です。");

  /* File order */
  first = g_list_model_get_item (G_LIST_MODEL (faq), 0);
  last = g_list_model_get_item (G_LIST_MODEL (faq), 2);
  g_assert_cmpstr (gma_faq_entry_get_id (first), ==, "faq-1-1");
  g_assert_cmpstr (gma_faq_entry_get_id (last), ==, "faq-2-1");

  g_assert_cmpstr (gma_faq_entry_get_number (first), ==, "1-1");
  g_assert_cmpstr (gma_faq_entry_get_category_id (first), ==, "1");
  g_assert_cmpstr (gma_faq_entry_get_category_title (first), ==, "カテゴリ1");
  g_assert_cmpstr (gma_faq_entry_get_question (first), ==, "質問Aですか？");
  g_assert_cmpstr (gma_faq_entry_get_answer (first), ==,
                   "答えAです。\nhttps://example.org/a を参照してください。");
  g_assert_cmpstr (gma_faq_entry_get_keywords (first)[0], ==, "しつもんえー");
  g_assert_cmpstr (gma_faq_entry_get_see_also (first)[0], ==, "r1");
  g_assert_null (gma_faq_entry_get_see_also (first)[1]);
  g_assert_cmpuint (g_strv_length ((char **) gma_faq_entry_get_see_also (last)), ==, 2);

  /* Properties */
  g_object_get (last,
                "question", &question,
                "category-title", &category_title,
                "number", &number,
                NULL);
  g_assert_cmpstr (question, ==, "質問Cですか？");
  g_assert_cmpstr (category_title, ==, "カテゴリ2");
  g_assert_cmpstr (number, ==, "2-1");

  /* Lookup */
  g_assert_true (gma_faq_lookup (faq, "faq-1-1") == first);
  g_assert_nonnull (gma_faq_lookup (faq, "faq-1-2"));
  g_assert_null (gma_faq_lookup (faq, "faq-9-9"));
  g_assert_null (gma_faq_lookup (faq, NULL));

  /* An entry without keywords or see-also has empty vectors */
  g_assert_nonnull (gma_faq_entry_get_keywords (gma_faq_lookup (faq, "faq-1-2")));
  g_assert_null (gma_faq_entry_get_keywords (gma_faq_lookup (faq, "faq-1-2"))[0]);
  g_assert_null (gma_faq_entry_get_see_also (gma_faq_lookup (faq, "faq-1-2"))[0]);
}

static void
test_languages (void)
{
  const char * const english[] = { "en_GB", "en", "C", NULL };
  g_autoptr(GmaFaq) faq = load_fixture (english);
  GmaFaqEntry *entry;

  g_assert_nonnull (faq);
  g_assert_cmpstr (gma_faq_get_title (faq), ==, "Frequently asked questions");
  entry = gma_faq_lookup (faq, "faq-2-1");
  g_assert_cmpstr (gma_faq_entry_get_question (entry), ==, "Question C?");
  entry = gma_faq_lookup (faq, "faq-1-1");
  g_assert_cmpstr (gma_faq_entry_get_question (entry), ==, "質問Aですか？");
}

typedef struct
{
  const char *name;
  const char *text;
  const char *problem;   /* the full expected problem line, as a prefix */
} Broken;

#define HEAD "{\"format\": 1, \"title\": {\"ja\": \"FAQ\"}, \"preface\": [{\"ja\": \"前書き\"}], "
#define ENTRY(id) "{\"id\": \"" id "\", \"question\": {\"ja\": \"Q\"}, \"answer\": {\"ja\": \"A\"}}"

static const Broken broken[] = {
  { "wrong-number",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": ["
    ENTRY ("faq-1-1") ", " ENTRY ("faq-1-3") "]}]}",
    "faq.json: $.categories[0].entries[1].id: entry 2 of category 1 must have the id “faq-1-2”, not “faq-1-3”" },
  { "wrong-category",
    HEAD "\"categories\": [{\"id\": \"2\", \"title\": {\"ja\": \"C\"}, \"entries\": ["
    ENTRY ("faq-1-1") "]}]}",
    "faq.json: $.categories[0].entries[0].id: entry 1 of category 2 must have the id “faq-2-1”" },
  { "duplicate-category",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": [" ENTRY ("faq-1-1") "]},"
    " {\"id\": \"1\", \"title\": {\"ja\": \"D\"}, \"entries\": [" ENTRY ("faq-1-1") "]}]}",
    "faq.json: $.categories[1].id: the category id “1” is used twice" },
  { "bad-id",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": [" ENTRY ("1-1") "]}]}",
    "faq.json: $.categories[0].entries[0].id: “1-1” is not an FAQ id" },
  { "missing-answer",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": ["
    "{\"id\": \"faq-1-1\", \"question\": {\"ja\": \"Q\"}}]}]}",
    "faq.json: $.categories[0].entries[0].answer: this member is required but missing" },
  { "empty-question",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": ["
    "{\"id\": \"faq-1-1\", \"question\": {\"ja\": \"  \"}, \"answer\": {\"ja\": \"A\"}}]}]}",
    "faq.json: $.categories[0].entries[0].question.ja: the Japanese text is empty" },
  { "empty-preface",
    "{\"format\": 1, \"title\": {\"ja\": \"FAQ\"}, \"preface\": [], "
    "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": [" ENTRY ("faq-1-1") "]}]}",
    "faq.json: $.preface: the preface is empty" },
  { "preface-not-text",
    "{\"format\": 1, \"title\": {\"ja\": \"FAQ\"}, \"preface\": [{\"ja\": \"a\"}, \"b\"], "
    "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": [" ENTRY ("faq-1-1") "]}]}",
    "faq.json: $.preface[1]: must be a text such as {\"ja\": \"…\"}, not a string" },
  { "see-also-not-id",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": ["
    "{\"id\": \"faq-1-1\", \"question\": {\"ja\": \"Q\"}, \"answer\": {\"ja\": \"A\"}, \"see-also\": [\"remedy 3\"]}]}]}",
    "faq.json: $.categories[0].entries[0].see-also[0]: “remedy 3” is not a valid node id" },
  { "see-also-not-string",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": ["
    "{\"id\": \"faq-1-1\", \"question\": {\"ja\": \"Q\"}, \"answer\": {\"ja\": \"A\"}, \"see-also\": [3]}]}]}",
    "faq.json: $.categories[0].entries[0].see-also[0]: must be a string" },
  { "no-categories",
    HEAD "\"categories\": []}",
    "faq.json: $.categories: the FAQ has no categories" },
  { "empty-category",
    HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": []}]}",
    "faq.json: $.categories[0].entries: the category has no entries" },
  { "bad-format",
    "{\"format\": 3, \"title\": {\"ja\": \"FAQ\"}, \"preface\": [{\"ja\": \"p\"}], "
    "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, \"entries\": [" ENTRY ("faq-1-1") "]}]}",
    "faq.json: $.format: format 3 is not known" },
};

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GmaFaq) faq = load_text (b->text, ja, &problems);
  gboolean found = FALSE;

  g_assert_null (faq);
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (problems, i), b->problem))
      found = TRUE;

  if (!found)
    g_error ("%s: no problem “%s…”", b->name, b->problem);
}

static void
test_minimal_valid (void)
{
  g_autoptr(GmaFaq) faq = load_text (HEAD "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, "
                                     "\"entries\": [" ENTRY ("faq-1-1") "]}]}", ja, NULL);

  g_assert_nonnull (faq);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (faq)), ==, 1);
}

static void
test_embedded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  static const guint per_category[] = { 4, 6, 4, 3 };
  GmaFaq *faq;
  guint n = 0;

  g_assert_no_error (error);
  faq = gma_content_get_faq (content);

  /* 17 entries, faq-1-1 … faq-4-3, in the guide's order */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (faq)), ==, 17);
  for (guint c = 0; c < G_N_ELEMENTS (per_category); c++)
    for (guint e = 0; e < per_category[c]; e++)
      {
        g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), n++);
        g_autofree char *id = g_strdup_printf ("faq-%u-%u", c + 1, e + 1);

        g_assert_cmpstr (gma_faq_entry_get_id (entry), ==, id);
      }

  g_assert_nonnull (gma_faq_get_preface (faq)[0]);
}

/* A FAQ whose preface is @paragraphs (JSON strings, comma-separated). */
static GmaFaq *
load_with_preface (const char *paragraphs)
{
  g_autofree char *text =
    g_strdup_printf ("{\"format\": 1, \"title\": {\"ja\": \"FAQ\"}, \"preface\": [%s], "
                     "\"categories\": [{\"id\": \"1\", \"title\": {\"ja\": \"C\"}, "
                     "\"entries\": [" ENTRY ("faq-1-1") "]}]}", paragraphs);
  GmaFaq *faq = load_text (text, ja, NULL);

  g_assert_nonnull (faq);
  return faq;
}

/* The advice to ask the prefecture's counter: the last sentence of the
 * preface, in the guide's words, in either language. */
static void
test_advice (void)
{
  const char * const en[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (ja, &error);
  g_autoptr(GmaContent) english = NULL;
  g_autoptr(GmaFaq) fixture = load_fixture (ja);
  struct {
    const char *preface;
    const char *advice;
  } cases[] = {
    /* One sentence: all of it, trimmed */
    { "{\"ja\": \"  窓口へどうぞ。 \"}", "窓口へどうぞ。" },
    /* The last paragraph's last sentence */
    { "{\"ja\": \"前書き。\"}, {\"ja\": \"一。二。三。\"}", "三。" },
    /* English sentences end with ". " */
    { "{\"ja\": \"First. Second, v1.2 of it.  Third.\"}", "Third." },
    /* No full stop at the end: still the last sentence */
    { "{\"ja\": \"一。二\"}", "二" },
  };

  g_assert_no_error (error);
  {
    g_autofree char *advice = gma_faq_get_advice (gma_content_get_faq (content));

    g_assert_cmpstr (advice, ==, "都道府県により、回答内容が一部異なる場合がございますので、"
                                 "都道府県の窓口へお問い合わせいただくようお願いいたします。");
  }

  english = gma_content_new_embedded_full (en, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (english), ==, "en");
  {
    g_autofree char *advice = gma_faq_get_advice (gma_content_get_faq (english));

    g_assert_cmpstr (advice, ==, "As the answers may partly differ from prefecture to prefecture, "
                                 "please ask your prefecture’s counter.");
  }

  {
    g_autofree char *advice = gma_faq_get_advice (fixture);

    g_assert_cmpstr (advice, ==, "詳しくは都道府県の窓口にお問い合わせください。");
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GmaFaq) faq = load_with_preface (cases[i].preface);
      g_autofree char *advice = gma_faq_get_advice (faq);

      g_assert_cmpstr (advice, ==, cases[i].advice);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faq/valid", test_valid);
  g_test_add_func ("/faq/minimal-valid", test_minimal_valid);
  g_test_add_func ("/faq/languages", test_languages);
  g_test_add_func ("/faq/embedded", test_embedded);
  g_test_add_func ("/faq/advice", test_advice);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/faq/broken/%s", broken[i].name);

      g_test_add_data_func (path, &broken[i], test_broken);
    }

  return g_test_run ();
}
