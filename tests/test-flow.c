/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flow.c: flow.json parsing and validation, and the real flow */

#define G_LOG_DOMAIN "gma-test-flow"

#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "gma-flow.h"

static const char * const ja[] = { "ja", NULL };

/* Loads tests/fixtures/flow/@name.json; returns the flow or NULL, with
 * the problems in @out_problems. */
static GmaFlow *
load_fixture (const char   *name,
              GmaProblems **out_problems)
{
  g_autofree char *file_name = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "flow", file_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GmaFlow *flow = NULL;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);

  root = gma_json_load (bytes, "flow.json", problems);
  g_assert_nonnull (root);   /* the fixtures are well-formed JSON */
  flow = gma_flow_new_from_json (root, ja, "flow.json", problems);
  g_assert_true ((flow == NULL) == (problems->len > 0));

  *out_problems = g_steal_pointer (&problems);
  return flow;
}

typedef struct
{
  const char *fixture;
  const char *path;       /* the JSON path the problem names */
  const char *fragment;   /* words the reason must contain */
} Broken;

static const Broken broken[] = {
  { "dangling-edge", "$.nodes[2].answers[1].next", "no node has the id “r9”" },
  { "cycle", "$.nodes[2].answers[1].next", "leads back to “q1” and makes a loop (q1 → q2 → q1)" },
  { "unreachable", "$.nodes[5]", "the node “r3” cannot be reached from the start node “start”" },
  { "duplicate-id", "$.nodes[4].id", "the id “r1” is already used by $.nodes[3]" },
  { "missing-start", "$.start", "no node has the id “begin”" },
  { "start-not-intro", "$.start", "the start node “q1” is a question; it must be an intro" },
  { "result-with-answers", "$.nodes[4].answers", "a result ends the walk and must have no answers" },
  { "question-one-answer", "$.nodes[2].answers", "a question needs at least two answers, it has 1" },
  { "wrong-types", "$.nodes[1].title", "must be a text such as {\"ja\": \"…\"}, not a string" },
  { "missing-ja", "$.nodes[1].title.ja", "the Japanese text is required but missing" },
  { "bad-format", "$.format", "format 2 is not known to this program" },
  { "dead-end-question", "$.nodes[2]", "a walk can stop at “q2”, which is a question and not a result" },
  { "non-https-url", "$.nodes[3].urls[0]", "“http://example.org/one” is not an https:// URL" },
  { "duplicate-label", "$.nodes[1].answers[1].label", "the label “はい” is used by another answer" },
  { "id-with-spaces", "$.nodes[2].id", "“q 2” is not a valid id" },
  { "unknown-kind", "$.nodes[2].kind", "unknown kind “choice”" },
  { "missing-nodes", "$.nodes", "this member is required but missing" },
  { "result-without-page", "$.nodes[4].page", "a result node needs a page" },
  { "bad-faq-id", "$.nodes[3].faq[0]", "“faq-x” is not an FAQ id" },
  { "answer-not-object", "$.nodes[1].answers[0]", "each answer must be an object" },
};

static gboolean
problems_have (GmaProblems *problems,
               const char  *path,
               const char  *fragment)
{
  g_autofree char *prefix = g_strdup_printf ("flow.json: %s: ", path);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (problem, prefix) && strstr (problem, fragment) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
dump_problems (GmaProblems *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
}

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GmaFlow) flow = load_fixture (b->fixture, &problems);

  dump_problems (problems);
  g_assert_null (flow);
  if (!problems_have (problems, b->path, b->fragment))
    g_error ("%s: no problem “flow.json: %s: …%s…”", b->fixture, b->path, b->fragment);
}

static void
test_many_problems (void)
{
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GmaFlow) flow = load_fixture ("many-problems", &problems);

  dump_problems (problems);
  g_assert_null (flow);
  /* Every problem of the file is reported in one run. */
  g_assert_true (problems_have (problems, "$.format", "must be the number 1"));
  g_assert_true (problems_have (problems, "$.nodes[1].answers[0].next", "no node has the id “nowhere”"));
  g_assert_true (problems_have (problems, "$.nodes[3].title", "required but missing"));
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_valid (void)
{
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GmaFlow) flow = load_fixture ("valid", &problems);
  const GmaNode *start, *q1, *q2, *r1, *r2;
  const char * const *urls;

  dump_problems (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (flow);

  g_assert_cmpstr (gma_flow_get_edition (flow), ==, "テスト版（2023年11月）");
  g_assert_cmpstr (gma_flow_get_source (flow), ==, "テストの案内");
  g_assert_cmpuint (gma_flow_get_n_nodes (flow), ==, 5);

  start = gma_flow_get_start (flow);
  g_assert_true (start == gma_flow_get_node (flow, 0));
  g_assert_cmpstr (gma_node_get_id (start), ==, "start");
  g_assert_cmpint (gma_node_get_kind (start), ==, GMA_NODE_INTRO);
  g_assert_cmpstr (gma_node_get_page (start), ==, "pages/start.html");

  q1 = gma_flow_lookup (flow, "q1");
  q2 = gma_flow_lookup (flow, "q2");
  r1 = gma_flow_lookup (flow, "r1");
  r2 = gma_flow_lookup (flow, "r2");
  g_assert_null (gma_flow_lookup (flow, "nothing"));
  g_assert_null (gma_flow_get_node (flow, 5));

  g_assert_cmpint (gma_node_get_kind (q1), ==, GMA_NODE_QUESTION);
  g_assert_cmpstr (gma_node_get_title (q1), ==, "質問1ですか？");
  g_assert_cmpstr (gma_node_get_short_title (q1), ==, "質問1");
  g_assert_cmpstr (gma_node_get_short_title (q2), ==, "質問2ですか？");   /* falls back */
  g_assert_null (gma_node_get_page (q1));
  g_assert_cmpuint (gma_node_get_n_answers (q1), ==, 2);
  g_assert_cmpstr (gma_node_get_answer_label (q1, 0), ==, "はい");
  g_assert_true (gma_node_get_answer_target (q1, 0) == r1);
  g_assert_true (gma_node_get_answer_target (q1, 1) == q2);
  g_assert_cmpstr (gma_node_get_keywords (q1)[0], ==, "しつもん");

  g_assert_cmpint (gma_node_get_kind (r1), ==, GMA_NODE_RESULT);
  g_assert_cmpstr (gma_node_get_reference (r1), ==, "対応方法1");
  g_assert_null (gma_node_get_reference (r2));
  g_assert_cmpuint (gma_node_get_n_answers (r1), ==, 0);
  urls = gma_node_get_urls (r1);
  g_assert_cmpuint (g_strv_length ((char **) urls), ==, 2);
  g_assert_cmpstr (urls[1], ==, "https://example.org/two");
  g_assert_cmpstr (gma_node_get_faq (r1)[0], ==, "faq-1-1");
  g_assert_nonnull (gma_node_get_urls (r2));
  g_assert_null (gma_node_get_urls (r2)[0]);
  g_assert_null (gma_node_get_faq (r2)[0]);
  g_assert_null (gma_node_get_keywords (r2)[0]);
}

static void
test_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "flow", "valid.json", NULL);
  const char * const english[] = { "en_US", "en", "C", NULL };
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GmaFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  root = gma_json_load (bytes, "flow.json", problems);
  flow = gma_flow_new_from_json (root, english, "flow.json", problems);
  g_assert_nonnull (flow);

  /* English where given, Japanese otherwise */
  g_assert_cmpstr (gma_node_get_title (gma_flow_get_start (flow)), ==, "Introduction");
  g_assert_cmpstr (gma_node_get_answer_label (gma_flow_get_start (flow), 0), ==, "Start");
  g_assert_cmpstr (gma_node_get_title (gma_flow_lookup (flow, "q1")), ==, "質問1ですか？");
  g_assert_cmpstr (gma_flow_get_edition (flow), ==, "Test edition");
}

static void
test_dot (void)
{
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GmaFlow) flow = load_fixture ("valid", &problems);
  g_autofree char *dot = NULL;

  g_assert_nonnull (flow);
  dot = gma_flow_to_dot (flow);
  g_assert_cmpstr (dot, ==,
                   "digraph flow {\n"
                   "  \"start\" -> \"q1\" [label=\"はじめる\"];\n"
                   "  \"q1\" -> \"r1\" [label=\"はい\"];\n"
                   "  \"q1\" -> \"q2\" [label=\"いいえ\"];\n"
                   "  \"q2\" -> \"r1\" [label=\"はい\"];\n"
                   "  \"q2\" -> \"r2\" [label=\"いいえ \\\"引用\\\" \\\\ 記号\"];\n"
                   "}\n");
}

/* flow.json's pages follow the rule of every path of a content set: a
 * page path the set would refuse is reported here, as a bad path, not
 * later as a page missing from the set. */
static void
test_page_paths (void)
{
  static const struct {
    const char *json;    /* as written in flow.json */
    gboolean    valid;
  } pages[] = {
    { "pages/r1.html", TRUE },
    { "pages/sub/r1.html", TRUE },
    { "pages/r1:x.html", FALSE },
    { "pages/c:r1.html", FALSE },
    { "pages/r1\\u0001.html", FALSE },
    { "pages/r1\\t.html", FALSE },
    { "pages/../flow.json", FALSE },
    { "pages/./r1.html", FALSE },
    { "pages//r1.html", FALSE },
    { "pages/r1\\\\x.html", FALSE },
    { "illustrations/r1.html", FALSE },
    { "/pages/r1.html", FALSE },
  };
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "flow", "valid.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (valid, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"page\": \"pages/r1.html\""));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *replacement = g_strdup_printf ("\"page\": \"%s\"", pages[i].json);
      g_auto(GStrv) parts = g_strsplit (text, "\"page\": \"pages/r1.html\"", 2);
      g_autofree char *flow_text = g_strjoinv (replacement, parts);
      g_autoptr(GBytes) bytes = g_bytes_new (flow_text, strlen (flow_text));
      g_autoptr(GmaProblems) problems = gma_problems_new ();
      g_autoptr(JsonNode) root = gma_json_load (bytes, "flow.json", problems);
      g_autoptr(GmaFlow) flow = NULL;

      g_test_message ("%s", pages[i].json);
      g_assert_nonnull (root);
      flow = gma_flow_new_from_json (root, ja, "flow.json", problems);
      dump_problems (problems);

      if (pages[i].valid)
        {
          g_assert_nonnull (flow);
          g_assert_cmpuint (problems->len, ==, 0);
        }
      else
        {
          g_assert_null (flow);
          g_assert_cmpuint (problems->len, ==, 1);
          g_assert_true (problems_have (problems, "$.nodes[3].page", "is not a file under pages/"));
        }
    }
}

/* The content contract's table of edges (shared/spec/content.md). The
 * intro's single answer has no label in the table: only its target is
 * checked. */
static const char * const contract_edges[] = {
  "  \"pre-notice\" -> \"mailbox-space\" [label=\"届いていない\"];",
  "  \"pre-notice\" -> \"issue-mail\" [label=\"届いている\"];",
  "  \"issue-mail\" -> \"mailbox-space\" [label=\"届いていない\"];",
  "  \"issue-mail\" -> \"which-mail\" [label=\"届いている\"];",
  "  \"which-mail\" -> \"url-access\" [label=\"アカウント発行通知メール\"];",
  "  \"which-mail\" -> \"existing-account\" [label=\"既存アカウント通知メール\"];",
  "  \"mailbox-space\" -> \"remedy-1\" [label=\"空き容量が不足している\"];",
  "  \"mailbox-space\" -> \"spam-folder\" [label=\"空き容量は十分にある\"];",
  "  \"spam-folder\" -> \"remedy-2\" [label=\"迷惑メールフォルダにあった\"];",
  "  \"spam-folder\" -> \"remedy-4\" [label=\"迷惑メールフォルダにもメールがない\"];",
  "  \"url-access\" -> \"remedy-3\" [label=\"アクセスできない\"];",
  "  \"url-access\" -> \"set-password\" [label=\"アクセスできた\"];",
};

static void
test_embedded_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  g_autofree char *dot = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;
  GmaFlow *flow;

  g_assert_no_error (error);
  g_assert_nonnull (content);
  flow = gma_content_get_flow (content);

  dot = gma_flow_to_dot (flow);
  g_test_message ("%s", dot);
  lines = g_strsplit (dot, "\n", -1);
  n_lines = g_strv_length (lines);

  /* header, 13 edges, "}", and the empty string after the last "\n" */
  g_assert_cmpuint (n_lines, ==, 16);
  g_assert_cmpstr (lines[0], ==, "digraph flow {");
  g_assert_cmpstr (lines[14], ==, "}");
  g_assert_cmpstr (lines[15], ==, "");

  for (guint i = 1; i < 14; i++)
    g_ptr_array_add (edges, lines[i]);

  /* The intro's edge */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (edges, 0), "  \"start\" -> \"pre-notice\" [label=\""));
  g_ptr_array_remove_index (edges, 0);

  /* The other twelve, exactly, in any order */
  for (guint i = 0; i < G_N_ELEMENTS (contract_edges); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < edges->len && !found; j++)
        if (g_str_equal (g_ptr_array_index (edges, j), contract_edges[i]))
          {
            g_ptr_array_remove_index (edges, j);
            found = TRUE;
          }

      if (!found)
        g_error ("the flow lacks the edge %s", contract_edges[i]);
    }
  g_assert_cmpuint (edges->len, ==, 0);

  /* The node ids and kinds of the contract */
  {
    static const struct { const char *id; GmaNodeKind kind; } nodes[] = {
      { "start", GMA_NODE_INTRO },
      { "pre-notice", GMA_NODE_QUESTION },
      { "issue-mail", GMA_NODE_QUESTION },
      { "which-mail", GMA_NODE_QUESTION },
      { "mailbox-space", GMA_NODE_QUESTION },
      { "spam-folder", GMA_NODE_QUESTION },
      { "url-access", GMA_NODE_QUESTION },
      { "remedy-1", GMA_NODE_RESULT },
      { "remedy-2", GMA_NODE_RESULT },
      { "remedy-3", GMA_NODE_RESULT },
      { "remedy-4", GMA_NODE_RESULT },
      { "set-password", GMA_NODE_RESULT },
      { "existing-account", GMA_NODE_RESULT },
    };

    g_assert_cmpuint (gma_flow_get_n_nodes (flow), ==, G_N_ELEMENTS (nodes));
    for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
      {
        const GmaNode *node = gma_flow_lookup (flow, nodes[i].id);

        g_assert_nonnull (node);
        g_assert_cmpint (gma_node_get_kind (node), ==, nodes[i].kind);
      }
    g_assert_cmpstr (gma_node_get_id (gma_flow_get_start (flow)), ==, "start");
    g_assert_cmpstr (gma_node_get_reference (gma_flow_lookup (flow, "remedy-1")), ==, "対応方法1");
    g_assert_cmpstr (gma_node_get_title (gma_flow_lookup (flow, "remedy-1")), ==,
                     "メールボックスの空き容量が不足していた場合");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/flow/broken/%s", broken[i].fixture);

      g_test_add_data_func (path, &broken[i], test_broken);
    }

  g_test_add_func ("/flow/many-problems", test_many_problems);
  g_test_add_func ("/flow/valid", test_valid);
  g_test_add_func ("/flow/languages", test_languages);
  g_test_add_func ("/flow/dot", test_dot);
  g_test_add_func ("/flow/page-paths", test_page_paths);
  g_test_add_func ("/flow/embedded-edges", test_embedded_edges);

  return g_test_run ();
}
