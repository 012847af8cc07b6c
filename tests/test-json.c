/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c: JSON paths and the typed getters */

#define G_LOG_DOMAIN "gma-test-json"

#include "config.h"

#include <string.h>

#include "gma-json.h"

static void
test_paths (void)
{
  g_autofree char *a = gma_json_path_member ("$", "nodes");
  g_autofree char *b = gma_json_path_index (a, 3);
  g_autofree char *c = gma_json_path_member (b, "short-title");
  g_autofree char *d = gma_json_path_member ("$", "odd name");

  g_assert_cmpstr (c, ==, "$.nodes[3].short-title");
  g_assert_cmpstr (d, ==, "$[\"odd name\"]");
}

static void
test_getters (void)
{
  const char *text =
    "{\"s\": \"x\", \"n\": 1, \"a\": [1], \"o\": {},"
    " \"t\": {\"ja\": \"日本語\", \"en\": \"English\"},"
    " \"t2\": {\"en\": \"English\"},"
    " \"t3\": {\"ja\": \"\"},"
    " \"t4\": {\"ja\": \"x\", \"en\": 5},"
    " \"l\": {\"ja\": [\"あ\", \"い\"], \"en\": [\"a\"]},"
    " \"l2\": {\"ja\": [\"あ\", 3]}}";
  const char * const ja_first[] = { "ja_JP.UTF-8", "ja", "en", NULL };
  const char * const english[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };
  const char * const c_locale[] = { "C", NULL };
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *t_ja = NULL;
  g_autofree char *t_en = NULL;
  g_autofree char *t_c = NULL;
  g_auto(GStrv) l_ja = NULL;
  g_auto(GStrv) l_en = NULL;
  JsonObject *o;

  problems = gma_problems_new ();
  bytes = g_bytes_new_static (text, strlen (text));
  root = gma_json_load (bytes, "flow.json", problems);
  g_assert_cmpuint (problems->len, ==, 0);
  o = json_node_get_object (root);

  g_assert_cmpstr (gma_json_get_string (o, "s", FALSE, "f.json", "$", problems), ==, "x");
  g_assert_nonnull (gma_json_get_array (o, "a", FALSE, "f.json", "$", problems));
  g_assert_nonnull (gma_json_get_object (o, "o", FALSE, "f.json", "$", problems));
  g_assert_null (gma_json_get_string (o, "missing", TRUE, "f.json", "$", problems));
  g_assert_cmpuint (problems->len, ==, 0);

  t_ja = gma_json_get_text (o, "t", FALSE, ja_first, "f.json", "$", problems);
  t_en = gma_json_get_text (o, "t", FALSE, english, "f.json", "$", problems);
  t_c = gma_json_get_text (o, "t", FALSE, c_locale, "f.json", "$", problems);
  g_assert_cmpstr (t_ja, ==, "日本語");
  g_assert_cmpstr (t_en, ==, "English");
  g_assert_cmpstr (t_c, ==, "日本語");

  l_ja = gma_json_get_text_list (o, "l", FALSE, c_locale, "f.json", "$", problems);
  l_en = gma_json_get_text_list (o, "l", FALSE, english, "f.json", "$", problems);
  g_assert_cmpuint (g_strv_length (l_ja), ==, 2);
  g_assert_cmpstr (l_en[0], ==, "a");
  g_assert_cmpuint (problems->len, ==, 0);

  /* Each wrong member adds exactly one problem naming its path. */
  g_assert_null (gma_json_get_string (o, "n", FALSE, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_array (o, "o", FALSE, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_object (o, "missing", FALSE, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_text (o, "t2", FALSE, NULL, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_text (o, "t3", FALSE, NULL, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_text (o, "t4", FALSE, NULL, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_text (o, "s", FALSE, NULL, "f.json", "$.x", problems));
  g_assert_null (gma_json_get_text_list (o, "l2", FALSE, NULL, "f.json", "$.x", problems));

  g_assert_cmpuint (problems->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "f.json: $.x.n: must be a string, not a number");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, "f.json: $.x.o: must be an array ([ … ]), not an object");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 2), "f.json: $.x.missing: this member is required"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 3), "f.json: $.x.t2.ja: the Japanese text is required"));
  g_assert_cmpstr (g_ptr_array_index (problems, 4), ==, "f.json: $.x.t3.ja: the Japanese text is empty");
  g_assert_cmpstr (g_ptr_array_index (problems, 5), ==, "f.json: $.x.t4.en: must be a string, not a number");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 6), "f.json: $.x.s: must be a text"));
  g_assert_cmpstr (g_ptr_array_index (problems, 7), ==, "f.json: $.x.l2.ja[1]: must be a string, not a number");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/paths", test_paths);
  g_test_add_func ("/json/getters", test_getters);

  return g_test_run ();
}
