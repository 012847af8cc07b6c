/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow-layout.c: the layered layout of the flow diagram (see
 * gma-flow-layout.h) */

#define G_LOG_DOMAIN "gma-flow-layout"

#include "config.h"

#include "gma-flow-layout.h"
#include "gma-text-wrap.h"

/* Sizes, in SVG user units (the page scales the picture); those the
 * writer needs too are in gma-flow-layout.h. */
#define MARGIN          16.0
#define BOX_WIDTH       146.0
#define BOX_PAD_X       10.0
#define BOX_MAX_UNITS   10.0   /* characters (full width) per line */
#define BOX_MAX_LINES   3
#define RESULT_MAX_LINES 5
#define DUMMY_WIDTH     12.0
#define NODE_GAP        24.0   /* between two boxes of a layer */
#define DUMMY_GAP       14.0   /* beside a dummy */
#define LABEL_MAX_UNITS 9.0
#define LABEL_MAX_LINES 3
#define LABEL_PAD_X     6.0
#define LABEL_GAP       4.0
#define MIN_LAYER_GAP   56.0
#define N_SWEEPS        12
#define N_PLACE_ROUNDS  6

static inline double
ceil_up (double x)
{
  double t = (double) (gint64) x;

  return t < x ? t + 1.0 : t;
}

/* Short names for the layout's own use */
static inline GmaFlowVertex *
vertex (GmaFlowLayout *layout,
        guint          i)
{
  return gma_flow_layout_vertex (layout, i);
}

static inline GmaFlowEdge *
edge_at (GmaFlowLayout *layout,
         guint          i)
{
  return gma_flow_layout_edge (layout, i);
}

static inline GmaFlowSegment *
seg_at (GmaFlowLayout *layout,
        guint          i)
{
  return &g_array_index (layout->segs, GmaFlowSegment, i);
}

static inline GArray *
layer_at (GmaFlowLayout *layout,
          guint          l)
{
  return g_ptr_array_index (layout->layers, l);
}

static void
vertex_clear (gpointer data)
{
  GmaFlowVertex *v = data;

  g_clear_pointer (&v->lines, g_ptr_array_unref);
  g_clear_pointer (&v->up, g_array_unref);
  g_clear_pointer (&v->down, g_array_unref);
}

static void
edge_clear (gpointer data)
{
  GmaFlowEdge *e = data;

  g_clear_pointer (&e->chain, g_array_unref);
  g_clear_pointer (&e->label_lines, g_ptr_array_unref);
}

void
gma_flow_layout_free (GmaFlowLayout *layout)
{
  g_clear_pointer (&layout->vertices, g_array_unref);
  g_clear_pointer (&layout->edges, g_array_unref);
  g_clear_pointer (&layout->segs, g_array_unref);
  g_clear_pointer (&layout->layers, g_ptr_array_unref);
  g_free (layout);
}


static double
lines_units (GPtrArray *lines)
{
  double max = 0.0;

  for (guint i = 0; i < lines->len; i++)
    max = MAX (max, gma_text_wrap_units (g_ptr_array_index (lines, i)));

  return max;
}

/* ---- building the graph --------------------------------------------------- */

static guint
add_vertex (GmaFlowLayout *layout,
            const GmaNode *node,
            int            layer)
{
  GmaFlowVertex v = { 0, };

  v.node = node;
  v.layer = layer;
  v.up = g_array_new (FALSE, FALSE, sizeof (guint));
  v.down = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (layout->vertices, v);

  return layout->vertices->len - 1;
}

static void
add_segment (GmaFlowLayout *layout,
             guint          from,
             guint          to,
             guint          edge,
             double         bias)
{
  GmaFlowSegment s = { from, to, edge, bias };
  guint i;

  g_array_append_val (layout->segs, s);
  i = layout->segs->len - 1;
  g_array_append_val (vertex (layout, from)->down, i);
  g_array_append_val (vertex (layout, to)->up, i);
}

/* Layers by longest path from the start (Kahn's topological order). */
static void
assign_layers (GmaFlowLayout *layout,
               GHashTable    *index_of)
{
  guint n = gma_flow_get_n_nodes (layout->flow);
  g_autofree guint *indegree = g_new0 (guint, n);
  g_autofree guint *queue = g_new0 (guint, n);
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    {
      const GmaNode *node = gma_flow_get_node (layout->flow, i);

      for (guint a = 0; a < gma_node_get_n_answers (node); a++)
        {
          const GmaNode *t = gma_node_get_answer_target (node, a);

          if (t != NULL)
            indegree[GPOINTER_TO_UINT (g_hash_table_lookup (index_of, t)) - 1]++;
        }
    }

  for (guint i = 0; i < n; i++)
    if (indegree[i] == 0)
      queue[tail++] = i;

  while (head < tail)
    {
      guint u = queue[head++];
      const GmaNode *node = gma_flow_get_node (layout->flow, u);

      for (guint a = 0; a < gma_node_get_n_answers (node); a++)
        {
          const GmaNode *t = gma_node_get_answer_target (node, a);
          guint v;

          if (t == NULL)
            continue;
          v = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, t)) - 1;
          vertex (layout, v)->layer = MAX (vertex (layout, v)->layer,
                                           vertex (layout, u)->layer + 1);
          if (--indegree[v] == 0)
            queue[tail++] = v;
        }
    }

  /* A validated flow is acyclic; if not, the nodes on a cycle keep the
   * layer found so far and their back edges are simply drawn upwards. */
  if (tail < n)
    g_warning ("Flow has a cycle: diagram layout is approximate");
}

static void
build_edges (GmaFlowLayout *layout,
             GHashTable    *index_of)
{
  guint n = gma_flow_get_n_nodes (layout->flow);

  for (guint u = 0; u < n; u++)
    {
      const GmaNode *node = gma_flow_get_node (layout->flow, u);
      guint n_answers = gma_node_get_n_answers (node);

      for (guint a = 0; a < n_answers; a++)
        {
          const GmaNode *t = gma_node_get_answer_target (node, a);
          GmaFlowEdge e = { 0, };
          guint prev, ei;
          double bias = ((double) a - (n_answers - 1) / 2.0) * 0.2;
          int lu, lv;

          if (t == NULL)
            continue;

          e.from = u;
          e.to = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, t)) - 1;
          e.answer = a;
          e.label = gma_node_get_answer_label (node, a);
          e.chain = g_array_new (FALSE, FALSE, sizeof (guint));
          e.label_lines = gma_text_wrap (e.label, LABEL_MAX_UNITS, LABEL_MAX_LINES);
          e.label_w = ceil_up (lines_units (e.label_lines) * GMA_FLOW_LABEL_FONT_SIZE) + 2 * LABEL_PAD_X + 2;
          e.label_h = e.label_lines->len * GMA_FLOW_LABEL_LINE_HEIGHT + 2 * GMA_FLOW_LABEL_PAD_Y;
          g_array_append_val (layout->edges, e);
          ei = layout->edges->len - 1;

          lu = vertex (layout, u)->layer;
          lv = vertex (layout, edge_at (layout, ei)->to)->layer;
          prev = u;
          g_array_append_val (edge_at (layout, ei)->chain, prev);

          /* One dummy per layer strictly between the two ends. */
          for (int l = lu + 1; l < lv; l++)
            {
              guint d = add_vertex (layout, NULL, l);

              vertex (layout, d)->w = DUMMY_WIDTH;
              add_segment (layout, prev, d, ei, prev == u ? bias : 0.0);
              g_array_append_val (edge_at (layout, ei)->chain, d);
              prev = d;
            }

          if (lv > lu)
            add_segment (layout, prev, edge_at (layout, ei)->to, ei,
                         prev == u ? bias : 0.0);
          g_array_append_val (edge_at (layout, ei)->chain, edge_at (layout, ei)->to);
        }
    }
}

/* ---- ordering --------------------------------------------------------------- */

static void
dfs_order (GmaFlowLayout *layout,
           guint          v,
           gboolean      *seen,
           guint         *counter)
{
  GmaFlowVertex *vx = vertex (layout, v);

  if (seen[v])
    return;
  seen[v] = TRUE;
  vx->key = (*counter)++;

  for (guint i = 0; i < vx->down->len; i++)
    {
      GmaFlowSegment *s = seg_at (layout, g_array_index (vx->down, guint, i));

      dfs_order (layout, s->to, seen, counter);
      vx = vertex (layout, v);
    }
}

/* Stable insertion sort of a layer by key (layers are small). */
static void
sort_layer (GmaFlowLayout *layout,
            GArray        *layer)
{
  guint *a = (guint *) (gpointer) layer->data;

  for (guint i = 1; i < layer->len; i++)
    {
      guint item = a[i];
      double key = vertex (layout, item)->key;
      guint j = i;

      while (j > 0 && vertex (layout, a[j - 1])->key > key)
        {
          a[j] = a[j - 1];
          j--;
        }
      a[j] = item;
    }

  for (guint i = 0; i < layer->len; i++)
    vertex (layout, a[i])->pos = i;
}

static guint
count_crossings (GmaFlowLayout *layout)
{
  guint crossings = 0;

  for (guint l = 0; l < layout->layers->len; l++)
    {
      GArray *layer = layer_at (layout, l);
      g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < layer->len; i++)
        {
          GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));

          g_array_append_vals (segs, v->down->data, v->down->len);
        }

      for (guint i = 0; i < segs->len; i++)
        for (guint j = i + 1; j < segs->len; j++)
          {
            GmaFlowSegment *a = seg_at (layout, g_array_index (segs, guint, i));
            GmaFlowSegment *b = seg_at (layout, g_array_index (segs, guint, j));
            int du = (int) vertex (layout, a->from)->pos - (int) vertex (layout, b->from)->pos;
            int dv = (int) vertex (layout, a->to)->pos - (int) vertex (layout, b->to)->pos;

            if ((du < 0 && dv > 0) || (du > 0 && dv < 0))
              crossings++;
          }
    }

  return crossings;
}

/* Sets each vertex's key of @layer to the barycenter of its neighbours
 * in the layer above (@downwards) or below. Vertices without such
 * neighbours keep their place. */
static void
barycenter (GmaFlowLayout *layout,
            GArray        *layer,
            gboolean       downwards)
{
  for (guint i = 0; i < layer->len; i++)
    {
      GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));
      GArray *adj = downwards ? v->up : v->down;
      double sum = 0.0;

      if (adj->len == 0)
        {
          v->key = v->pos;
          continue;
        }

      for (guint k = 0; k < adj->len; k++)
        {
          GmaFlowSegment *s = seg_at (layout, g_array_index (adj, guint, k));
          GmaFlowVertex *o = vertex (layout, downwards ? s->from : s->to);

          sum += o->pos + (downwards ? s->bias : -s->bias);
        }
      /* a tiny pull towards the current place breaks ties stably */
      v->key = sum / adj->len + v->pos * 1e-3;
    }

  sort_layer (layout, layer);
}

static void
order_layers (GmaFlowLayout *layout)
{
  guint n_vertices = layout->vertices->len;
  g_autofree gboolean *seen = g_new0 (gboolean, n_vertices);
  g_autofree guint *best = g_new0 (guint, n_vertices);
  guint counter = 0;
  guint best_crossings;
  const GmaNode *start = gma_flow_get_start (layout->flow);

  /* Initial order: depth first from the start, answers in file order. */
  for (guint v = 0; v < n_vertices; v++)
    if (vertex (layout, v)->node == start)
      dfs_order (layout, v, seen, &counter);
  for (guint v = 0; v < n_vertices; v++)
    dfs_order (layout, v, seen, &counter);

  for (guint l = 0; l < layout->layers->len; l++)
    sort_layer (layout, layer_at (layout, l));

  best_crossings = count_crossings (layout);
  for (guint v = 0; v < n_vertices; v++)
    best[v] = vertex (layout, v)->pos;

  for (guint sweep = 0; sweep < N_SWEEPS && best_crossings > 0; sweep++)
    {
      gboolean down = sweep % 2 == 0;
      guint crossings;

      if (down)
        for (guint l = 1; l < layout->layers->len; l++)
          barycenter (layout, layer_at (layout, l), TRUE);
      else
        for (guint l = layout->layers->len; l-- > 1;)
          barycenter (layout, layer_at (layout, l - 1), FALSE);

      crossings = count_crossings (layout);
      if (crossings < best_crossings)
        {
          best_crossings = crossings;
          for (guint v = 0; v < n_vertices; v++)
            best[v] = vertex (layout, v)->pos;
        }
    }

  /* Restore the best order found. */
  for (guint v = 0; v < n_vertices; v++)
    vertex (layout, v)->key = best[v];
  for (guint l = 0; l < layout->layers->len; l++)
    sort_layer (layout, layer_at (layout, l));
}

/* ---- placement ---------------------------------------------------------------- */

static double
separation (GmaFlowVertex *a,
            GmaFlowVertex *b)
{
  double gap = (a->node != NULL && b->node != NULL) ? NODE_GAP : DUMMY_GAP;

  return a->w / 2 + gap + b->w / 2;
}

/* Moves the vertices of @layer as close as possible to their wanted
 * x (in ->key) without overlaps: the mean of a left-packed and a
 * right-packed solution, both of which keep the separations. */
static void
place_layer (GmaFlowLayout *layout,
             GArray        *layer)
{
  guint n = layer->len;
  g_autofree double *left = g_new0 (double, n);
  g_autofree double *right = g_new0 (double, n);

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));

      left[i] = v->key;
      if (i > 0)
        left[i] = MAX (left[i], left[i - 1]
                       + separation (vertex (layout, g_array_index (layer, guint, i - 1)), v));
    }
  for (guint i = n; i-- > 0;)
    {
      GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));

      right[i] = v->key;
      if (i + 1 < n)
        right[i] = MIN (right[i], right[i + 1]
                        - separation (v, vertex (layout, g_array_index (layer, guint, i + 1))));
    }
  for (guint i = 0; i < n; i++)
    vertex (layout, g_array_index (layer, guint, i))->x = (left[i] + right[i]) / 2;
}

static void
wanted_x (GmaFlowLayout *layout,
          GArray        *layer,
          gboolean       from_above)
{
  for (guint i = 0; i < layer->len; i++)
    {
      GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));
      GArray *adj = from_above ? v->up : v->down;
      double sum = 0.0;

      v->key = v->x;
      if (adj->len == 0)
        continue;
      for (guint k = 0; k < adj->len; k++)
        {
          GmaFlowSegment *s = seg_at (layout, g_array_index (adj, guint, k));

          sum += vertex (layout, from_above ? s->from : s->to)->x;
        }
      v->key = sum / adj->len;
    }
}

static void
place_x (GmaFlowLayout *layout)
{
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;

  /* Start packed and centred on 0. */
  for (guint l = 0; l < layout->layers->len; l++)
    {
      GArray *layer = layer_at (layout, l);
      double x = 0.0;

      for (guint i = 0; i < layer->len; i++)
        {
          GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));

          if (i > 0)
            x += separation (vertex (layout, g_array_index (layer, guint, i - 1)), v);
          v->x = x;
        }
      for (guint i = 0; i < layer->len; i++)
        vertex (layout, g_array_index (layer, guint, i))->x -= x / 2;
    }

  for (guint pass = 0; pass < N_PLACE_ROUNDS; pass++)
    {
      for (guint l = 1; l < layout->layers->len; l++)
        {
          wanted_x (layout, layer_at (layout, l), TRUE);
          place_layer (layout, layer_at (layout, l));
        }
      for (guint l = layout->layers->len; l-- > 1;)
        {
          wanted_x (layout, layer_at (layout, l - 1), FALSE);
          place_layer (layout, layer_at (layout, l - 1));
        }
    }

  for (guint v = 0; v < layout->vertices->len; v++)
    {
      GmaFlowVertex *vx = vertex (layout, v);

      min_x = MIN (min_x, vx->x - vx->w / 2 - GMA_FLOW_RING_OFFSET);
      max_x = MAX (max_x, vx->x + vx->w / 2 + GMA_FLOW_RING_OFFSET);
    }
  for (guint v = 0; v < layout->vertices->len; v++)
    vertex (layout, v)->x = gma_flow_layout_round (vertex (layout, v)->x - min_x + MARGIN);
  layout->width = ceil_up (max_x - min_x + 2 * MARGIN);
}

/* Spreads the ports where several edges leave (or enter) a box, in the
 * order of the vertices at their other ends, so they do not cross. */
static void
place_ports (GmaFlowLayout *layout)
{
  for (guint vi = 0; vi < layout->vertices->len; vi++)
    {
      GmaFlowVertex *v = vertex (layout, vi);

      if (v->node == NULL)
        continue;

      for (int dir = 0; dir < 2; dir++)
        {
          GArray *adj = dir == 0 ? v->down : v->up;
          guint n = adj->len;
          double step = n > 1 ? MIN (28.0, (v->w * 0.6) / (n - 1)) : 0.0;
          g_autofree guint *order = g_new0 (guint, MAX (n, 1));

          /* segments sorted by the position of the other end */
          for (guint i = 0; i < n; i++)
            order[i] = g_array_index (adj, guint, i);
          for (guint i = 1; i < n; i++)
            for (guint j = i; j > 0; j--)
              {
                GmaFlowSegment *a = seg_at (layout, order[j - 1]);
                GmaFlowSegment *b = seg_at (layout, order[j]);
                double xa = vertex (layout, dir == 0 ? a->to : a->from)->x;
                double xb = vertex (layout, dir == 0 ? b->to : b->from)->x;
                guint tmp;

                if (xa <= xb)
                  break;
                tmp = order[j - 1];
                order[j - 1] = order[j];
                order[j] = tmp;
              }

          for (guint i = 0; i < n; i++)
            {
              GmaFlowSegment *s = seg_at (layout, order[i]);
              double x = gma_flow_layout_round (v->x + (i - (n - 1) / 2.0) * step);

              if (dir == 0)
                edge_at (layout, s->edge)->out_port = x;
              else
                edge_at (layout, s->edge)->in_port = x;
            }
        }
    }
}

static void
place_y (GmaFlowLayout *layout)
{
  double y = MARGIN + GMA_FLOW_RING_OFFSET;
  guint n_layers = layout->layers->len;
  g_autofree double *gap = g_new0 (double, MAX (n_layers, 1));

  for (guint l = 0; l < n_layers; l++)
    gap[l] = MIN_LAYER_GAP;
  for (guint i = 0; i < layout->edges->len; i++)
    {
      GmaFlowEdge *e = edge_at (layout, i);
      int l = vertex (layout, e->from)->layer;

      if (l >= 0 && (guint) l < n_layers)
        gap[l] = MAX (gap[l], e->label_h + 2 * GMA_FLOW_ARROW_LENGTH + 16.0);
    }

  for (guint l = 0; l < n_layers; l++)
    {
      GArray *layer = layer_at (layout, l);
      double row = 0.0;

      for (guint i = 0; i < layer->len; i++)
        row = MAX (row, vertex (layout, g_array_index (layer, guint, i))->h);

      for (guint i = 0; i < layer->len; i++)
        {
          GmaFlowVertex *v = vertex (layout, g_array_index (layer, guint, i));

          /* boxes are centred in their row; dummies span it */
          if (v->node == NULL)
            v->h = row;
          v->y = gma_flow_layout_round (y + (row - v->h) / 2);
        }
      y += row + (l + 1 < n_layers ? gap[l] : 0.0);
    }

  layout->height = ceil_up (y + MARGIN + GMA_FLOW_RING_OFFSET);
}

/* Answer labels sit halfway along the first segment of their edge;
 * labels sharing a gap are pushed apart sideways if they overlap. */
static void
place_labels (GmaFlowLayout *layout)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < layout->edges->len; i++)
    {
      GmaFlowEdge *e = edge_at (layout, i);
      GmaFlowVertex *from = vertex (layout, e->from);
      GmaFlowVertex *next = vertex (layout, g_array_index (e->chain, guint, 1));
      double next_x = next->node != NULL ? e->in_port : next->x;

      e->label_x = (e->out_port + next_x) / 2;
      e->label_y = (from->y + from->h + next->y) / 2;
      g_array_append_val (order, i);
    }

  /* sort by (gap, x) */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        GmaFlowEdge *a = edge_at (layout, g_array_index (order, guint, j - 1));
        GmaFlowEdge *b = edge_at (layout, g_array_index (order, guint, j));
        int la = vertex (layout, a->from)->layer, lb = vertex (layout, b->from)->layer;
        guint tmp;

        if (la < lb || (la == lb && a->label_x <= b->label_x))
          break;
        tmp = g_array_index (order, guint, j - 1);
        g_array_index (order, guint, j - 1) = g_array_index (order, guint, j);
        g_array_index (order, guint, j) = tmp;
      }

  for (guint i = 1; i < order->len; i++)
    {
      GmaFlowEdge *a = edge_at (layout, g_array_index (order, guint, i - 1));
      GmaFlowEdge *b = edge_at (layout, g_array_index (order, guint, i));
      double min_dx = (a->label_w + b->label_w) / 2 + LABEL_GAP;

      if (vertex (layout, a->from)->layer != vertex (layout, b->from)->layer)
        continue;
      if (b->label_x - a->label_x < min_dx)
        {
          double push = (min_dx - (b->label_x - a->label_x)) / 2;

          a->label_x -= push;
          b->label_x += push;
        }
    }

  for (guint i = 0; i < layout->edges->len; i++)
    {
      GmaFlowEdge *e = edge_at (layout, i);

      e->label_x = gma_flow_layout_round (CLAMP (e->label_x, e->label_w / 2 + 2,
                                 layout->width - e->label_w / 2 - 2));
      e->label_y = gma_flow_layout_round (e->label_y);
    }
}

static void
size_nodes (GmaFlowLayout *layout)
{
  for (guint v = 0; v < layout->vertices->len; v++)
    {
      GmaFlowVertex *vx = vertex (layout, v);
      const char *reference;

      if (vx->node == NULL)
        continue;

      vx->w = BOX_WIDTH;
      reference = gma_node_get_reference (vx->node);
      if (gma_node_get_kind (vx->node) == GMA_NODE_RESULT)
        {
          vx->lines = gma_text_wrap (gma_node_get_title (vx->node), BOX_MAX_UNITS,
                                 reference != NULL ? RESULT_MAX_LINES - 1 : RESULT_MAX_LINES);
          if (reference != NULL)
            {
              g_ptr_array_insert (vx->lines, 0, g_strdup (reference));
              vx->has_reference = TRUE;
            }
        }
      else
        {
          vx->lines = gma_text_wrap (gma_node_get_short_title (vx->node),
                                 BOX_MAX_UNITS, BOX_MAX_LINES);
        }
      vx->h = vx->lines->len * GMA_FLOW_LINE_HEIGHT + 2 * GMA_FLOW_BOX_PAD_Y;
    }
}

/* ---- marks -------------------------------------------------------------------- */

static void
mark_path (GmaFlowLayout      *layout,
           GHashTable         *index_of,
           const char * const *visited,
           const char         *current)
{
  gint prev = -1;

  for (guint i = 0; visited != NULL && visited[i] != NULL; i++)
    {
      const GmaNode *node = gma_flow_lookup (layout->flow, visited[i]);
      guint v;

      if (node == NULL)
        {
          prev = -1;
          continue;
        }
      v = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, node)) - 1;
      vertex (layout, v)->visited = TRUE;

      if (prev >= 0)
        for (guint e = 0; e < layout->edges->len; e++)
          if (edge_at (layout, e)->from == (guint) prev && edge_at (layout, e)->to == v)
            edge_at (layout, e)->visited = TRUE;
      prev = (gint) v;
    }

  if (current != NULL)
    {
      const GmaNode *node = gma_flow_lookup (layout->flow, current);

      if (node != NULL)
        vertex (layout, GPOINTER_TO_UINT (g_hash_table_lookup (index_of, node)) - 1)->current = TRUE;
    }
}

GmaFlowLayout *
gma_flow_layout_new (GmaFlow            *flow,
                     const char * const *visited,
                     const char         *current)
{
  g_autoptr(GmaFlowLayout) layout = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  guint n;
  int n_layers = 0;

  g_return_val_if_fail (GMA_IS_FLOW (flow), NULL);

  layout = g_new0 (GmaFlowLayout, 1);
  layout->flow = flow;
  layout->vertices = g_array_new (FALSE, TRUE, sizeof (GmaFlowVertex));
  g_array_set_clear_func (layout->vertices, vertex_clear);
  layout->edges = g_array_new (FALSE, TRUE, sizeof (GmaFlowEdge));
  g_array_set_clear_func (layout->edges, edge_clear);
  layout->segs = g_array_new (FALSE, TRUE, sizeof (GmaFlowSegment));
  layout->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* node → index + 1 (0 means absent) */
  index_of = g_hash_table_new (NULL, NULL);
  n = gma_flow_get_n_nodes (flow);
  for (guint i = 0; i < n; i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);

      add_vertex (layout, node, 0);
      g_hash_table_insert (index_of, (gpointer) node, GUINT_TO_POINTER (i + 1));
    }

  assign_layers (layout, index_of);
  build_edges (layout, index_of);
  mark_path (layout, index_of, visited, current);
  size_nodes (layout);

  for (guint v = 0; v < layout->vertices->len; v++)
    n_layers = MAX (n_layers, vertex (layout, v)->layer + 1);
  for (int l = 0; l < n_layers; l++)
    g_ptr_array_add (layout->layers, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint v = 0; v < layout->vertices->len; v++)
    {
      guint vv = v;

      g_array_append_val (layer_at (layout, vertex (layout, v)->layer), vv);
    }

  order_layers (layout);
  place_x (layout);
  place_y (layout);
  place_ports (layout);
  place_labels (layout);


  return g_steal_pointer (&layout);
}
