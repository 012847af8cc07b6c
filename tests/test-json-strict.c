/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-strict.c: the strict, bounded JSON loader (gma_json_load()) */

#define G_LOG_DOMAIN "gma-test-json-strict"

#include "config.h"

#include <string.h>

#include "gma-json.h"

/* Loads @text (of @len bytes, -1: NUL-terminated) and returns the
 * problems; asserts that loading failed exactly when problems exist. */
static GmaProblems *
load_text (const char *text,
           gssize      len,
           JsonNode  **out_root)
{
  g_autoptr(GBytes) bytes = NULL;
  GmaProblems *problems = gma_problems_new ();
  JsonNode *root;

  if (len < 0)
    len = strlen (text);

  bytes = g_bytes_new (text, len);
  root = gma_json_load (bytes, "flow.json", problems);

  g_assert_true ((root == NULL) == (problems->len > 0));

  if (out_root != NULL)
    *out_root = root;
  else if (root != NULL)
    json_node_unref (root);

  return problems;
}

/* The single problem reported for @text starts with @prefix
 * ("flow.json:L:C: ") and mentions @fragment. */
static void
assert_rejected (const char *text,
                 gssize      len,
                 const char *prefix,
                 const char *fragment)
{
  g_autoptr(GmaProblems) problems = load_text (text, len, NULL);
  const char *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  if (!g_str_has_prefix (problem, prefix) || strstr (problem, fragment) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, fragment, problem);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *prefix;
  const char *fragment;
} Case;

static const Case cases[] = {
  { "empty", "", "flow.json:1:1: ", "the file is empty" },
  { "white-space", "  \n\t\n  ", "flow.json:3:3: ", "only white space" },
  { "two-roots", "{\"a\": 1}\n\n  {\"b\": 2}\n", "flow.json:3:3: ",
    "a second JSON value starts here; a file must hold exactly one object" },
  { "line-comment", "{\n  // note\n  \"a\": 1\n}", "flow.json:2:3: ", "comments" },
  { "block-comment", "{\"a\": /* x */ 1}", "flow.json:1:7: ", "comments" },
  { "comment-after", "{\"a\": 1}\n/* end */\n", "flow.json:2:1: ", "comments" },
  { "single-quotes", "{\n  'a': 1\n}", "flow.json:2:3: ", "double quotes" },
  { "single-quoted-value", "{\"a\": 'b'}", "flow.json:1:7: ", "not single quotes" },
  { "trailing-comma-object", "{\"a\": 1,\n}", "flow.json:2:1: ", "trailing comma" },
  { "trailing-comma-array", "{\"a\": [1, 2, ]}", "flow.json:1:14: ", "trailing comma" },
  { "bare-word", "{\"a\": yes}", "flow.json:1:7: ", "the bare word “yes”" },
  { "bare-key", "{a: 1}", "flow.json:1:2: ", "a member name in double quotes" },
  { "capital-true", "{\"a\": True}", "flow.json:1:7: ", "the bare word “True”" },
  { "truncated-object", "{\"a\": {\"b\": [1, 2]", "flow.json:1:19: ",
    "the object opened at 1:7 is closed" },
  { "truncated-string", "{\"a\": \"abc", "flow.json:1:7: ", "never closed" },
  { "truncated-after-colon", "{\"a\":", "flow.json:1:6: ", "truncated" },
  { "control-char", "{\"a\": \"x\ty\"}", "flow.json:1:9: ", "control character U+0009" },
  { "newline-in-string", "{\"a\": \"x\ny\"}", "flow.json:1:9: ", "line break inside a string" },
  { "bad-escape", "{\"a\": \"C:\\windows\"}", "flow.json:1:10: ", "unknown escape" },
  { "short-unicode-escape", "{\"a\": \"\\u12\"}", "flow.json:1:8: ", "four hexadecimal" },
  { "lone-surrogate", "{\"a\": \"\\ud800x\"}", "flow.json:1:8: ", "surrogate" },
  { "nul-escape", "{\"a\": \"\\u0000\"}", "flow.json:1:8: ", "\\u0000" },
  { "leading-zero", "{\"a\": 01}", "flow.json:1:7: ", "not a valid number" },
  { "plus-number", "{\"a\": +1}", "flow.json:1:7: ", "was expected" },
  { "bare-dot-number", "{\"a\": 1.}", "flow.json:1:7: ", "not a valid number" },
  { "missing-colon", "{\"a\" 1}", "flow.json:1:6: ", "a colon" },
  { "missing-comma", "{\"a\": 1\n \"b\": 2}", "flow.json:2:2: ", "a comma" },
  { "mismatched-bracket", "{\"a\": [1}", "flow.json:1:9: ", "does not match the array opened at 1:7" },
  { "root-array", "[1, 2]", "flow.json:1:1: ", "holds an array" },
  { "root-string", "  \"text\"", "flow.json:1:3: ", "holds a string" },
  { "root-number", "42", "flow.json:1:1: ", "holds a number" },
  { "duplicate-member", "{\"a\": 1,\n \"a\": 2}", "flow.json:2:2: ", "appears twice" },
  /* The same name written with escapes is the same name. */
  { "duplicate-member-escaped", "{\"id\":\"a\",\"\\u0069d\":\"b\"}", "flow.json:1:11: ",
    "the member “id” appears twice" },
  { "duplicate-member-escaped-first", "{\"\\u0069\\u0064\": 1, \"id\": 2}", "flow.json:1:21: ",
    "the member “id” appears twice" },
  { "duplicate-member-solidus", "{\"a/b\": 1, \"a\\/b\": 2}", "flow.json:1:12: ",
    "the member “a/b” appears twice" },
  { "duplicate-member-surrogates", "{\"\xF0\x9F\x98\x80\": 1, \"\\ud83d\\ude00\": 2}",
    "flow.json:1:10: ", "appears twice" },
  { "columns-count-characters", "{\"あいう\": 1 2}", "flow.json:1:11: ", "a comma" },
};

/* Names that differ only once decoded are different names. */
static void
test_escaped_names_distinct (void)
{
  static const char * const texts[] = {
    "{\"a\\\"\": 1, \"a\": 2}",
    "{\"\\u0069d\": 1, \"Id\": 2, \"i\\\\d\": 3, \"i\\nd\": 4}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GmaProblems) problems = load_text (texts[i], -1, &root);

      g_test_message ("%s", texts[i]);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_nonnull (root);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;

  assert_rejected (c->text, -1, c->prefix, c->fragment);
}

static void
test_valid (void)
{
  const char *text =
    "\xEF\xBB\xBF{\n"
    "  \"s\": \"a \\\"quoted\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 日本語\",\n"
    "  \"n\": [0, -1, 1.5, 2e10, -0.25E-3],\n"
    "  \"o\": {\"t\": true, \"f\": false, \"z\": null, \"e\": {}, \"a\": []}\n"
    "}\n";
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  problems = load_text (text, -1, &root);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (root);

  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "s"), ==,
                   "a \"quoted\" \\ / \b\f\n\r\t é 😀 日本語");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "n")), ==, 5);
}

static void
test_not_utf8 (void)
{
  /* "é" in Latin-1 on line 2, after two characters */
  assert_rejected ("{\n  \"a\xE9\": 1}", -1, "flow.json:2:5: ", "not valid UTF-8");
  /* Shift_JIS "あ" */
  assert_rejected ("{\"\x82\xA0\": 1}", -1, "flow.json:1:3: ", "0x82");
  /* A NUL byte */
  assert_rejected ("{\"a\": \"\0\"}", 10, "flow.json:1:8: ", "NUL");
  /* Columns count characters, not bytes */
  assert_rejected ("{\"日本\xFF\": 1}", -1, "flow.json:1:5: ", "0xFF");
}

static void
test_deep_nesting (void)
{
  const guint depth = 200000;
  GString *text = g_string_new ("{\"a\": ");
  gint64 begin;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  begin = g_get_monotonic_time ();
  /* The root object is level 1, the arrays 2…; the 32nd array is too deep:
   * column 7 + 31 = 38. */
  assert_rejected (text->str, text->len, "flow.json:1:38: ", "nested more than 32 levels");
  g_assert_cmpint (g_get_monotonic_time () - begin, <, 2 * G_USEC_PER_SEC);

  /* Deep objects as well */
  g_string_truncate (text, 0);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"a\":");
  assert_rejected (text->str, text->len, "flow.json:1:", "nested more than 32 levels");

  g_string_free (text, TRUE);
}

static void
test_depth_limit (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GmaProblems) problems = NULL;

  /* Exactly GMA_JSON_MAX_DEPTH levels is fine. */
  g_string_append (text, "{\"a\": ");
  for (guint i = 1; i < GMA_JSON_MAX_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < GMA_JSON_MAX_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  problems = load_text (text->str, text->len, NULL);
  g_assert_cmpuint (problems->len, ==, 0);

  g_string_free (text, TRUE);
}

static void
test_too_large (void)
{
  gsize len = GMA_JSON_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (len);

  memset (text, ' ', len);
  text[0] = '{';
  text[len - 1] = '}';
  assert_rejected (text, len, "flow.json: ", "at most");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/reject/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  g_test_add_func ("/json/valid", test_valid);
  g_test_add_func ("/json/escaped-names-distinct", test_escaped_names_distinct);
  g_test_add_func ("/json/not-utf8", test_not_utf8);
  g_test_add_func ("/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json/depth-limit", test_depth_limit);
  g_test_add_func ("/json/too-large", test_too_large);

  return g_test_run ();
}
