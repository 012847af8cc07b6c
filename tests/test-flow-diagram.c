/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flow-diagram.c: the flow drawn as SVG */

#define G_LOG_DOMAIN "test-flow-diagram"

#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "flow-test-util.h"
#include "gma-flow-diagram.h"

/* What the parser saw in one document. */
typedef struct
{
  GHashTable *node_classes;   /* node id → class attribute */
  GHashTable *node_hrefs;     /* node id → href of its <a> */
  GHashTable *edge_classes;   /* "from>to" → class attribute (last seen) */
  GHashTable *boxes;          /* node id → double[4] x, y, w, h */
  GPtrArray  *visited_edges;  /* "from>to" */
  GString    *text;           /* all character data, unescaped */
  char       *current_node;   /* inside <g class="node"> */
  double      view_w;
  double      view_h;
  guint       n_edges;
  guint       n_svg;
} Doc;

static void
doc_clear (Doc *doc)
{
  g_clear_pointer (&doc->node_classes, g_hash_table_unref);
  g_clear_pointer (&doc->node_hrefs, g_hash_table_unref);
  g_clear_pointer (&doc->edge_classes, g_hash_table_unref);
  g_clear_pointer (&doc->boxes, g_hash_table_unref);
  g_clear_pointer (&doc->visited_edges, g_ptr_array_unref);
  if (doc->text != NULL)
    g_string_free (doc->text, TRUE);
  g_clear_pointer (&doc->current_node, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Doc, doc_clear)

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static gboolean
has_class (const char *classes,
           const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (classes == NULL)
    return FALSE;
  parts = g_strsplit (classes, " ", -1);
  return g_strv_contains ((const char * const *) parts, name);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Doc *doc = user_data;
  const char *id = attr (names, values, "id");
  const char *cls = attr (names, values, "class");

  if (strcmp (element, "svg") == 0)
    {
      const char *vb = attr (names, values, "viewBox");
      g_auto(GStrv) parts = NULL;

      doc->n_svg++;
      g_assert_nonnull (vb);
      g_assert_null (attr (names, values, "width"));
      parts = g_strsplit (vb, " ", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      doc->view_w = g_ascii_strtod (parts[2], NULL);
      doc->view_h = g_ascii_strtod (parts[3], NULL);
    }
  else if (strcmp (element, "g") == 0 && id != NULL && g_str_has_prefix (id, "node-"))
    {
      g_assert_true (has_class (cls, "node"));
      g_assert_false (g_hash_table_contains (doc->node_classes, id + 5));
      g_hash_table_insert (doc->node_classes, g_strdup (id + 5), g_strdup (cls));
      g_free (doc->current_node);
      doc->current_node = g_strdup (id + 5);
    }
  else if (strcmp (element, "g") == 0 && has_class (cls, "edge"))
    {
      const char *from = attr (names, values, "data-from");
      const char *to = attr (names, values, "data-to");
      char *key;

      g_assert_nonnull (from);
      g_assert_nonnull (to);
      key = g_strdup_printf ("%s>%s", from, to);
      doc->n_edges++;
      if (has_class (cls, "visited"))
        g_ptr_array_add (doc->visited_edges, g_strdup (key));
      g_hash_table_insert (doc->edge_classes, key, g_strdup (cls));
    }
  else if (strcmp (element, "a") == 0 && doc->current_node != NULL)
    {
      g_hash_table_insert (doc->node_hrefs, g_strdup (doc->current_node),
                           g_strdup (attr (names, values, "href")));
    }
  else if (strcmp (element, "rect") == 0 && has_class (cls, "box")
           && doc->current_node != NULL)
    {
      double *box = g_new (double, 4);

      box[0] = g_ascii_strtod (attr (names, values, "x"), NULL);
      box[1] = g_ascii_strtod (attr (names, values, "y"), NULL);
      box[2] = g_ascii_strtod (attr (names, values, "width"), NULL);
      box[3] = g_ascii_strtod (attr (names, values, "height"), NULL);
      g_hash_table_insert (doc->boxes, g_strdup (doc->current_node), box);
    }
  else if (strcmp (element, "script") == 0 || strcmp (element, "foreignObject") == 0)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "unexpected <%s>", element);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Doc *doc = user_data;

  /* node groups are not nested, and hold one <a>: leaving </a> ends it */
  if (strcmp (element, "a") == 0)
    g_clear_pointer (&doc->current_node, g_free);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  Doc *doc = user_data;

  g_string_append_len (doc->text, text, len);
}

static void
parse_svg (const char *svg,
           Doc        *doc)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (doc, 0, sizeof *doc);
  doc->node_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->node_hrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->edge_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->boxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->visited_edges = g_ptr_array_new_with_free_func (g_free);
  doc->text = g_string_new (NULL);

  g_assert_true (g_str_has_prefix (svg, "<svg "));
  context = g_markup_parse_context_new (&parser, 0, doc, NULL);
  g_markup_parse_context_parse (context, svg, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->n_svg, ==, 1);
}

static GmaContent *
load_embedded (void)
{
  g_autoptr(GError) error = NULL;
  GmaContent *content = gma_content_new_embedded (&error);

  g_assert_no_error (error);
  g_assert_nonnull (content);
  return content;
}

static guint
count_edges (GmaFlow *flow)
{
  guint n = 0;

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    n += gma_node_get_n_answers (gma_flow_get_node (flow, i));
  return n;
}

/* Every node has its group and link; boxes do not overlap, stay inside
 * the picture, and every edge goes downwards. */
static void
check_structure (GmaFlow *flow,
                 Doc     *doc)
{
  guint n = gma_flow_get_n_nodes (flow);

  g_assert_cmpuint (g_hash_table_size (doc->node_classes), ==, n);
  g_assert_cmpuint (doc->n_edges, ==, count_edges (flow));
  g_assert_cmpfloat (doc->view_w, >, 0);
  g_assert_cmpfloat (doc->view_h, >, 0);

  for (guint i = 0; i < n; i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      const char *id = gma_node_get_id (node);
      g_autofree char *href = g_strconcat ("gma://page/", id, NULL);
      const char *cls = g_hash_table_lookup (doc->node_classes, id);
      double *box = g_hash_table_lookup (doc->boxes, id);

      g_assert_nonnull (cls);
      g_assert_cmpstr (g_hash_table_lookup (doc->node_hrefs, id), ==, href);
      g_assert_true (has_class (cls, gma_node_get_kind (node) == GMA_NODE_RESULT ? "result"
                                     : gma_node_get_kind (node) == GMA_NODE_INTRO ? "intro"
                                     : "question"));
      g_assert_nonnull (box);
      g_assert_cmpfloat (box[0], >=, 0);
      g_assert_cmpfloat (box[1], >=, 0);
      g_assert_cmpfloat (box[0] + box[2], <=, doc->view_w);
      g_assert_cmpfloat (box[1] + box[3], <=, doc->view_h);

      for (guint j = 0; j < i; j++)
        {
          double *other = g_hash_table_lookup (doc->boxes,
                                               gma_node_get_id (gma_flow_get_node (flow, j)));
          gboolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                           || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];

          if (!apart)
            g_error ("boxes of %s and %s overlap", id,
                     gma_node_get_id (gma_flow_get_node (flow, j)));
        }

      for (guint a = 0; a < gma_node_get_n_answers (node); a++)
        {
          const GmaNode *target = gma_node_get_answer_target (node, a);
          double *tbox = g_hash_table_lookup (doc->boxes, gma_node_get_id (target));

          g_assert_cmpfloat (box[1] + box[3], <, tbox[1]);
        }
    }
}

static void
test_embedded_plain (void)
{
  g_autoptr(GmaContent) content = load_embedded ();
  GmaFlow *flow = gma_content_get_flow (content);
  g_autofree char *svg = gma_flow_diagram_svg (flow, NULL, NULL, "ja");
  g_auto(Doc) doc = { 0, };
  GHashTableIter iter;
  gpointer value;

  parse_svg (svg, &doc);
  check_structure (flow, &doc);

  g_assert_cmpuint (doc.visited_edges->len, ==, 0);
  g_hash_table_iter_init (&iter, doc.node_classes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_assert_false (has_class (value, "visited"));
      g_assert_false (has_class (value, "current"));
    }

  /* results show their reference */
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const char *ref = gma_node_get_reference (gma_flow_get_node (flow, i));

      if (ref != NULL)
        g_assert_nonnull (strstr (doc.text->str, ref));
    }

  /* light and dark */
  g_assert_nonnull (strstr (svg, "prefers-color-scheme: dark"));
  g_assert_null (strstr (svg, "<script"));
}

static void
check_path (GmaFlow            *flow,
            const char * const *visited,
            const char         *current,
            const char * const *expected_edges)
{
  g_autofree char *svg = gma_flow_diagram_svg (flow, visited, current, "ja");
  g_auto(Doc) doc = { 0, };
  GHashTableIter iter;
  gpointer key, value;
  guint n_current = 0;

  parse_svg (svg, &doc);
  check_structure (flow, &doc);

  /* exactly the listed nodes are visited */
  g_hash_table_iter_init (&iter, doc.node_classes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean listed = g_strv_contains (visited, key);

      if (listed != has_class (value, "visited"))
        g_error ("node %s: class \"%s\", %s on the path", (char *) key,
                 (char *) value, listed ? "is" : "not");
      if (has_class (value, "current"))
        {
          g_assert_cmpstr (key, ==, current);
          n_current++;
        }
    }
  g_assert_cmpuint (n_current, ==, current != NULL ? 1 : 0);

  /* exactly the expected edges are visited */
  g_assert_cmpuint (doc.visited_edges->len, ==, g_strv_length ((char **) expected_edges));
  for (guint i = 0; expected_edges[i] != NULL; i++)
    {
      const char *cls = g_hash_table_lookup (doc.edge_classes, expected_edges[i]);

      g_assert_nonnull (cls);
      g_assert_true (has_class (cls, "visited"));
    }
}

static void
test_embedded_path (void)
{
  g_autoptr(GmaContent) content = load_embedded ();
  GmaFlow *flow = gma_content_get_flow (content);
  const char * const visited[] = {
    "start", "pre-notice", "issue-mail", "which-mail", "url-access", NULL
  };
  const char * const edges[] = {
    "start>pre-notice", "pre-notice>issue-mail", "issue-mail>which-mail",
    "which-mail>url-access", NULL
  };
  const char * const to_result[] = {
    "start", "pre-notice", "mailbox-space", "spam-folder", "remedy-2", NULL
  };
  const char * const to_result_edges[] = {
    "start>pre-notice", "pre-notice>mailbox-space", "mailbox-space>spam-folder",
    "spam-folder>remedy-2", NULL
  };
  /* "start" and "issue-mail" are both visited but not adjacent: no edge
   * joins them, and an unknown id is skipped without joining its
   * neighbours either */
  const char * const gaps[] = { "start", "issue-mail", "no-such-node", "url-access", NULL };
  const char * const gaps_visited[] = { "start", "issue-mail", "url-access", NULL };
  g_autofree char *svg = NULL;
  g_auto(Doc) doc = { 0, };

  check_path (flow, visited, "url-access", edges);
  check_path (flow, to_result, "remedy-2", to_result_edges);
  check_path (flow, to_result, NULL, to_result_edges);

  svg = gma_flow_diagram_svg (flow, gaps, "no-such-node", "ja");
  parse_svg (svg, &doc);
  for (guint i = 0; gaps_visited[i] != NULL; i++)
    g_assert_true (has_class (g_hash_table_lookup (doc.node_classes, gaps_visited[i]), "visited"));
  g_assert_cmpuint (doc.visited_edges->len, ==, 0);
  g_assert_null (strstr (svg, "current\""));
}

static const char escape_flow[] =
  "{\"format\": 1,"
  " \"edition\": {\"ja\": \"テスト\"},"
  " \"source\": {\"ja\": \"テスト\"},"
  " \"start\": \"begin\","
  " \"nodes\": ["
  "  {\"id\": \"begin\", \"kind\": \"intro\", \"title\": {\"ja\": \"始め\"},"
  "   \"page\": \"pages/begin.html\","
  "   \"answers\": [{\"label\": {\"ja\": \"進む\"}, \"next\": \"ask\"}]},"
  "  {\"id\": \"ask\", \"kind\": \"question\","
  "   \"title\": {\"ja\": \"質問 <b>&amp; \\\"x\\\"</b>\"},"
  "   \"short-title\": {\"ja\": \"A<&>B\"},"
  "   \"answers\": [{\"label\": {\"ja\": \"はい & <いいえ>\"}, \"next\": \"done\"},"
  "                 {\"label\": {\"ja\": \"別\"}, \"next\": \"other\"}]},"
  "  {\"id\": \"done\", \"kind\": \"result\", \"reference\": {\"ja\": \"R&D<1>\"},"
  "   \"title\": {\"ja\": \"終わり\"}, \"page\": \"pages/done.html\"},"
  "  {\"id\": \"other\", \"kind\": \"result\", \"title\": {\"ja\": \"別の終わり\"},"
  "   \"page\": \"pages/other.html\"}"
  " ]}";

static void
test_escape (void)
{
  g_autoptr(GmaFlow) flow = flow_from_string (escape_flow);
  const char * const visited[] = { "begin", "ask", "done", NULL };
  const char * const edges[] = { "begin>ask", "ask>done", NULL };
  g_autofree char *svg = gma_flow_diagram_svg (flow, visited, "done", "ja");
  g_auto(Doc) doc = { 0, };

  /* parses, so everything was escaped; the texts survive intact */
  parse_svg (svg, &doc);
  check_structure (flow, &doc);
  g_assert_nonnull (strstr (doc.text->str, "A<&>B"));
  g_assert_nonnull (strstr (doc.text->str, "R&D<1>"));
  g_assert_nonnull (strstr (doc.text->str, "<いいえ>"));
  g_assert_nonnull (strstr (doc.text->str, "質問 <b>&amp; \"x\"</b>"));
  g_assert_null (strstr (svg, "<&>"));
  g_assert_null (strstr (svg, "<b>"));
  g_assert_nonnull (strstr (svg, "A&lt;&amp;&gt;B"));

  check_path (flow, visited, "done", edges);
}

/* Long Japanese titles are wrapped into several short lines. */
static void
test_wrap (void)
{
  g_autoptr(GmaContent) content = load_embedded ();
  GmaFlow *flow = gma_content_get_flow (content);
  g_autofree char *svg = gma_flow_diagram_svg (flow, NULL, NULL, "ja");
  const GmaNode *node = gma_flow_lookup (flow, "remedy-4");
  g_autofree char *open = NULL;
  const char *group, *end;
  guint n_lines = 0;

  g_assert_nonnull (node);
  open = g_strdup_printf ("id=\"node-%s\"", gma_node_get_id (node));
  group = strstr (svg, open);
  g_assert_nonnull (group);
  end = strstr (group, "</g>");
  for (const char *p = strstr (group, "<text"); p != NULL && p < end; p = strstr (p + 1, "<text"))
    {
      const char *close = strstr (p, "</text>");
      const char *content_start = strchr (p, '>') + 1;
      g_autofree char *line = g_strndup (content_start, close - content_start);

      g_assert_cmpint (g_utf8_strlen (line, -1), <=, 13);
      n_lines++;
    }
  /* reference + at least two lines of title */
  g_assert_cmpuint (n_lines, >=, 3);
}

static gboolean
is_japanese (gunichar c)
{
  return (c >= 0x3000 && c <= 0x30ff) ||   /* CJK punctuation, kana */
         (c >= 0x3400 && c <= 0x9fff) ||   /* ideographs */
         (c >= 0xff00 && c <= 0xffef);     /* full-width forms */
}

static void
add_chars (GHashTable *chars, const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    g_hash_table_add (chars, GUINT_TO_POINTER (g_utf8_get_char (p)));
}

/* With English content the picture is English throughout: its own words
 * (its title, its lang) are English, and every Japanese character in it
 * comes from the flow's English texts (which quote the Japanese screens'
 * words), none from the code. In Japanese, its title stays Japanese. */
static void
test_language (void)
{
  const char *english[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded_full (english, &error);
  g_autoptr(GHashTable) allowed = g_hash_table_new (NULL, NULL);
  g_autofree char *svg = NULL;
  g_autofree char *inline_svg = NULL;
  g_autofree char *ja_svg = NULL;
  GmaFlow *flow;
  guint n_japanese = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (gma_content_get_language (content), ==, "en");
  flow = gma_content_get_flow (content);

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);

      add_chars (allowed, gma_node_get_title (node));
      add_chars (allowed, gma_node_get_short_title (node));
      add_chars (allowed, gma_node_get_reference (node));
      for (guint a = 0; a < gma_node_get_n_answers (node); a++)
        add_chars (allowed, gma_node_get_answer_label (node, a));
    }

  svg = gma_flow_diagram_svg (flow, NULL, NULL, "en");
  inline_svg = gma_flow_diagram_svg_inline (flow, NULL, NULL, "en");
  for (guint k = 0; k < 2; k++)
    {
      const char *doc = k == 0 ? svg : inline_svg;

      g_assert_nonnull (strstr (doc, " lang=\"en\" "));
      g_assert_nonnull (strstr (doc, "<title id=\"gma-flow-diagram-title\">What to do, step by step (flowchart)</title>"));
      for (const char *p = doc; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!is_japanese (c))
            continue;
          n_japanese++;
          if (!g_hash_table_contains (allowed, GUINT_TO_POINTER (c)))
            {
              g_autofree char *around = g_strndup (MAX (p - 30, doc), 80);

              g_test_fail_printf ("Japanese in the English picture not from the flow: “%s”", around);
              break;
            }
        }
    }
  /* The flow's English quotes Japanese (「初期パスワード設定」): the check
   * looked at some. */
  g_assert_cmpuint (n_japanese, >, 0);

  ja_svg = gma_flow_diagram_svg (flow, NULL, NULL, "ja");
  g_assert_nonnull (strstr (ja_svg, " lang=\"ja\" "));
  g_assert_nonnull (strstr (ja_svg, "<title id=\"gma-flow-diagram-title\">対処の流れ（フローチャート）</title>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow-diagram/embedded/plain", test_embedded_plain);
  g_test_add_func ("/flow-diagram/embedded/path", test_embedded_path);
  g_test_add_func ("/flow-diagram/embedded/wrap", test_wrap);
  g_test_add_func ("/flow-diagram/escape", test_escape);
  g_test_add_func ("/flow-diagram/language", test_language);

  return g_test_run ();
}
