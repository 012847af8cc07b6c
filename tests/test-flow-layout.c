/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flow-layout.c: the layered layout of the flow diagram
 * (gma-flow-layout.c): layers by longest path, long edges through dummy
 * vertices, no overlaps, no crossings in the guide's flow, marks */

#define G_LOG_DOMAIN "gma-test-flow-layout"

#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "flow-test-util.h"
#include "gma-flow-layout.h"

/* start → q → a → b → end, q → end directly (the edge spans three
 * layers), a → other (two layers) and b → other. */
static const char long_edge_flow[] =
  "{\"format\": 1, \"edition\": {\"ja\": \"テスト\"}, \"source\": {\"ja\": \"テスト\"},"
  " \"start\": \"start\","
  " \"nodes\": ["
  "  {\"id\": \"start\", \"kind\": \"intro\", \"title\": {\"ja\": \"はじめに\"},"
  "   \"page\": \"pages/start.html\","
  "   \"answers\": [{\"label\": {\"ja\": \"始める\"}, \"next\": \"q\"}]},"
  "  {\"id\": \"q\", \"kind\": \"question\", \"title\": {\"ja\": \"始め\"},"
  "   \"answers\": [{\"label\": {\"ja\": \"長い道\"}, \"next\": \"a\"},"
  "                 {\"label\": {\"ja\": \"近道\"}, \"next\": \"end\"}]},"
  "  {\"id\": \"a\", \"kind\": \"question\", \"title\": {\"ja\": \"一\"},"
  "   \"answers\": [{\"label\": {\"ja\": \"次\"}, \"next\": \"b\"},"
  "                 {\"label\": {\"ja\": \"別\"}, \"next\": \"other\"}]},"
  "  {\"id\": \"b\", \"kind\": \"question\", \"title\": {\"ja\": \"二\"},"
  "   \"answers\": [{\"label\": {\"ja\": \"次\"}, \"next\": \"end\"},"
  "                 {\"label\": {\"ja\": \"別\"}, \"next\": \"other\"}]},"
  "  {\"id\": \"end\", \"kind\": \"result\", \"title\": {\"ja\": \"終わり\"},"
  "   \"page\": \"pages/end.html\"},"
  "  {\"id\": \"other\", \"kind\": \"result\", \"title\": {\"ja\": \"別の終わり\"},"
  "   \"page\": \"pages/other.html\"}"
  " ]}";

static guint
vertex_of (GmaFlowLayout *layout,
           const char    *id)
{
  for (guint i = 0; i < layout->vertices->len; i++)
    {
      const GmaNode *node = gma_flow_layout_vertex (layout, i)->node;

      if (node != NULL && g_str_equal (gma_node_get_id (node), id))
        return i;
    }
  g_error ("no vertex for %s", id);
}

static guint
count_crossings (GmaFlowLayout *layout)
{
  guint crossings = 0;

  for (guint i = 0; i < layout->segs->len; i++)
    for (guint j = i + 1; j < layout->segs->len; j++)
      {
        GmaFlowSegment *a = &g_array_index (layout->segs, GmaFlowSegment, i);
        GmaFlowSegment *b = &g_array_index (layout->segs, GmaFlowSegment, j);
        GmaFlowVertex *af = gma_flow_layout_vertex (layout, a->from);
        GmaFlowVertex *bf = gma_flow_layout_vertex (layout, b->from);
        GmaFlowVertex *at = gma_flow_layout_vertex (layout, a->to);
        GmaFlowVertex *bt = gma_flow_layout_vertex (layout, b->to);

        if (af->layer != bf->layer)
          continue;
        if ((af->x < bf->x && at->x > bt->x) || (af->x > bf->x && at->x < bt->x))
          crossings++;
      }
  return crossings;
}

/* What every layout of a valid flow holds. */
static void
check_layout (GmaFlow       *flow,
              GmaFlowLayout *layout)
{
  guint n = gma_flow_get_n_nodes (flow);
  guint n_edges = 0;

  g_assert_true (layout->flow == flow);
  g_assert_cmpuint (layout->vertices->len, >=, n);
  g_assert_cmpfloat (layout->width, >, 0);
  g_assert_cmpfloat (layout->height, >, 0);

  /* The flow's nodes first, in its order; the start on layer 0; every
   * other node one layer below its lowest parent (the longest path). */
  for (guint i = 0; i < n; i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      GmaFlowVertex *v = gma_flow_layout_vertex (layout, i);
      int deepest_parent = -1;

      g_assert_true (v->node == node);
      g_assert_nonnull (v->lines);
      g_assert_cmpuint (v->lines->len, >=, 1);
      for (guint p = 0; p < n; p++)
        {
          const GmaNode *parent = gma_flow_get_node (flow, p);

          for (guint a = 0; a < gma_node_get_n_answers (parent); a++)
            if (gma_node_get_answer_target (parent, a) == node)
              deepest_parent = MAX (deepest_parent, gma_flow_layout_vertex (layout, p)->layer);
        }
      if (node == gma_flow_get_start (flow))
        g_assert_cmpint (v->layer, ==, 0);
      else
        g_assert_cmpint (v->layer, ==, deepest_parent + 1);
      n_edges += gma_node_get_n_answers (node);

      /* inside the picture */
      g_assert_cmpfloat (v->x - v->w / 2, >=, 0);
      g_assert_cmpfloat (v->x + v->w / 2, <=, layout->width);
      g_assert_cmpfloat (v->y, >=, 0);
      g_assert_cmpfloat (v->y + v->h, <=, layout->height);
    }
  for (guint i = n; i < layout->vertices->len; i++)
    g_assert_null (gma_flow_layout_vertex (layout, i)->node);

  /* An edge goes down through one dummy per layer it crosses. */
  g_assert_cmpuint (layout->edges->len, ==, n_edges);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      GmaFlowEdge *edge = gma_flow_layout_edge (layout, e);
      int from = gma_flow_layout_vertex (layout, edge->from)->layer;
      int to = gma_flow_layout_vertex (layout, edge->to)->layer;

      g_assert_cmpint (to, >, from);
      g_assert_cmpuint (edge->chain->len, ==, (guint) (to - from + 1));
      for (guint k = 1; k + 1 < edge->chain->len; k++)
        {
          GmaFlowVertex *d = gma_flow_layout_vertex (layout, g_array_index (edge->chain, guint, k));

          g_assert_null (d->node);
          g_assert_cmpint (d->layer, ==, from + (int) k);
        }
      g_assert_cmpfloat (edge->label_x - edge->label_w / 2, >=, 0);
      g_assert_cmpfloat (edge->label_x + edge->label_w / 2, <=, layout->width);
    }

  /* Within a layer: in order, apart; a layer's row is below the one
   * before it. */
  for (guint l = 0; l < layout->layers->len; l++)
    {
      GArray *layer = g_ptr_array_index (layout->layers, l);

      for (guint i = 0; i < layer->len; i++)
        {
          GmaFlowVertex *v = gma_flow_layout_vertex (layout, g_array_index (layer, guint, i));

          g_assert_cmpint (v->layer, ==, (int) l);
          g_assert_cmpuint (v->pos, ==, i);
          if (i > 0)
            {
              GmaFlowVertex *left = gma_flow_layout_vertex (layout, g_array_index (layer, guint, i - 1));

              g_assert_cmpfloat (left->x + left->w / 2, <, v->x - v->w / 2);
            }
          if (l > 0)
            {
              GArray *above = g_ptr_array_index (layout->layers, l - 1);

              for (guint k = 0; k < above->len; k++)
                {
                  GmaFlowVertex *u = gma_flow_layout_vertex (layout, g_array_index (above, guint, k));

                  g_assert_cmpfloat (u->y + u->h, <, v->y);
                }
            }
        }
    }
}

static void
test_embedded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GmaFlowLayout) layout = NULL;
  GmaFlow *flow;

  g_assert_no_error (error);
  flow = gma_content_get_flow (content);
  layout = gma_flow_layout_new (flow, NULL, NULL);
  check_layout (flow, layout);

  /* The guide's flowchart is drawn without a crossing. */
  g_assert_cmpuint (count_crossings (layout), ==, 0);

  /* Nothing is marked without a path. */
  for (guint i = 0; i < layout->vertices->len; i++)
    {
      g_assert_false (gma_flow_layout_vertex (layout, i)->visited);
      g_assert_false (gma_flow_layout_vertex (layout, i)->current);
    }

  /* A result's box starts with its reference. */
  {
    GmaFlowVertex *v = gma_flow_layout_vertex (layout, vertex_of (layout, "remedy-1"));

    g_assert_true (v->has_reference);
    g_assert_cmpstr (g_ptr_array_index (v->lines, 0), ==,
                     gma_node_get_reference (v->node));
  }
}

static void
test_long_edge (void)
{
  g_autoptr(GmaFlow) flow = flow_from_string (long_edge_flow);
  g_autoptr(GmaFlowLayout) layout = gma_flow_layout_new (flow, NULL, NULL);
  GmaFlowEdge *shortcut = NULL;

  check_layout (flow, layout);
  g_assert_cmpint (gma_flow_layout_vertex (layout, vertex_of (layout, "end"))->layer, ==, 4);
  g_assert_cmpint (gma_flow_layout_vertex (layout, vertex_of (layout, "other"))->layer, ==, 4);
  /* two dummies for q → end, one for a → other */
  g_assert_cmpuint (layout->vertices->len, ==, 6 + 2 + 1);
  g_assert_cmpuint (layout->layers->len, ==, 5);

  for (guint e = 0; e < layout->edges->len; e++)
    if (gma_flow_layout_edge (layout, e)->from == vertex_of (layout, "q") &&
        gma_flow_layout_edge (layout, e)->answer == 1)
      shortcut = gma_flow_layout_edge (layout, e);
  g_assert_nonnull (shortcut);
  g_assert_cmpstr (shortcut->label, ==, "近道");
  g_assert_cmpuint (shortcut->chain->len, ==, 4);
  g_assert_cmpuint (count_crossings (layout), ==, 0);
}

static void
test_marks (void)
{
  g_autoptr(GmaFlow) flow = flow_from_string (long_edge_flow);
  const char * const path[] = { "start", "q", "a", "no-such-node", "b", "end", NULL };
  const char * const on_path[] = { "start", "q", "a", "b", "end", NULL };
  g_autoptr(GmaFlowLayout) layout = gma_flow_layout_new (flow, path, "b");
  guint n_visited_edges = 0;

  check_layout (flow, layout);
  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      GmaFlowVertex *v = gma_flow_layout_vertex (layout, i);

      g_assert_true (v->visited == g_strv_contains (on_path, gma_node_get_id (v->node)));
      g_assert_true (v->current == g_str_equal (gma_node_get_id (v->node), "b"));
    }

  /* start → q, q → a and b → end, which follow each other on the path;
   * a and b do not (an unknown id lies between them), and q → end and
   * the edges to other are not taken. */
  for (guint e = 0; e < layout->edges->len; e++)
    {
      GmaFlowEdge *edge = gma_flow_layout_edge (layout, e);
      const char *from = gma_node_get_id (gma_flow_layout_vertex (layout, edge->from)->node);
      const char *to = gma_node_get_id (gma_flow_layout_vertex (layout, edge->to)->node);
      gboolean expected = (g_str_equal (from, "start") && g_str_equal (to, "q")) ||
                          (g_str_equal (from, "q") && g_str_equal (to, "a")) ||
                          (g_str_equal (from, "b") && g_str_equal (to, "end"));

      g_assert_true (edge->visited == expected);
      n_visited_edges += edge->visited;
    }
  g_assert_cmpuint (n_visited_edges, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow-layout/embedded", test_embedded);
  g_test_add_func ("/flow-layout/long-edge", test_long_edge);
  g_test_add_func ("/flow-layout/marks", test_marks);

  return g_test_run ();
}
