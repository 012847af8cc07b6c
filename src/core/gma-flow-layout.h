/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow-layout.h: where each box, arrow and answer label of the flow
 * diagram goes: a small layered ("Sugiyama") layout of a GmaFlow.
 *
 *  1. layers: a node's layer is the longest path to it from the start;
 *  2. an edge spanning several layers is cut into segments by dummy
 *     vertices, one per layer it crosses, so it can be routed between
 *     boxes and take part in the ordering;
 *  3. order within each layer: depth-first order from the start (first
 *     answer on the left), improved by barycenter sweeps down and up,
 *     keeping the order with the fewest crossings;
 *  4. x: each vertex pulled towards the mean x of its neighbours, layer
 *     by layer, without ever overlapping or changing the order;
 *  5. y: rows as tall as their tallest box, gaps as tall as their
 *     tallest answer label.
 *
 * Boxes and labels hold their text already wrapped (gma-text-wrap.h).
 * Coordinates are SVG user units (the page scales the picture), rounded
 * to integers: gma-flow-diagram.c writes them as integers, so that the
 * picture does not depend on the locale's decimal separator.
 */
#pragma once

#include <glib.h>

#include "gma-flow.h"

G_BEGIN_DECLS

/* Sizes the layout and the picture's writer share. */
#define GMA_FLOW_FONT_SIZE         13.0
#define GMA_FLOW_LINE_HEIGHT       18.0
#define GMA_FLOW_BOX_PAD_Y         9.0   /* above a box's first line */
#define GMA_FLOW_LABEL_FONT_SIZE   11.5
#define GMA_FLOW_LABEL_LINE_HEIGHT 15.0
#define GMA_FLOW_LABEL_PAD_Y       4.0
#define GMA_FLOW_ARROW_LENGTH      8.0
#define GMA_FLOW_ARROW_HALF        4.5   /* half the arrowhead's width */
#define GMA_FLOW_RING_OFFSET       5.0   /* the current node's ring, around its box */

/* A box (a node of the flow) or a dummy (where a long edge crosses a
 * layer). */
typedef struct
{
  const GmaNode *node;        /* NULL for a dummy */
  int            layer;
  guint          pos;         /* index within its layer */
  double         key;         /* sort key while ordering */
  double         x;           /* centre */
  double         y;           /* top */
  double         w;
  double         h;
  GPtrArray     *lines;       /* owned strings: the box's text */
  gboolean       has_reference; /* lines[0] is the result's reference */
  gboolean       visited;
  gboolean       current;
  GArray        *up;          /* guint: segments ending here (index into segs) */
  GArray        *down;        /* guint: segments starting here */
} GmaFlowVertex;

/* A piece of an edge between two adjacent layers. */
typedef struct
{
  guint  from;                /* vertex indices, adjacent layers */
  guint  to;
  guint  edge;                /* index into edges */
  double bias;                /* answer order, used as a barycenter tie-break */
} GmaFlowSegment;

/* An answer: the arrow from its question to where it leads. */
typedef struct
{
  guint      from;            /* real vertices (node indices) */
  guint      to;
  guint      answer;
  const char *label;
  GArray    *chain;           /* guint: from, dummies…, to */
  GPtrArray *label_lines;
  double     label_w;
  double     label_h;
  double     label_x;         /* centre */
  double     label_y;         /* centre */
  double     out_port;        /* x where the edge leaves its source */
  double     in_port;         /* x where it enters its target */
  gboolean   visited;
} GmaFlowEdge;

typedef struct
{
  GmaFlow   *flow;            /* borrowed */
  GArray    *vertices;        /* GmaFlowVertex: the flow's nodes in its order, then dummies */
  GArray    *edges;           /* GmaFlowEdge, in the order of the nodes and their answers */
  GArray    *segs;            /* GmaFlowSegment */
  GPtrArray *layers;          /* GArray of guint (vertex indices), in order */
  double     width;
  double     height;
} GmaFlowLayout;

/* Lays out @flow. @visited: ids of the nodes on the visitor's path, in
 * order, NULL-terminated (may be NULL): each listed node is marked
 * visited, and so is each edge from one listed node to the next one;
 * ids that name no node are skipped (their neighbours are not joined).
 * @current: the node marked current (may be NULL). */
GmaFlowLayout *gma_flow_layout_new  (GmaFlow            *flow,
                                     const char * const *visited,
                                     const char         *current);
void           gma_flow_layout_free (GmaFlowLayout      *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaFlowLayout, gma_flow_layout_free)

static inline GmaFlowVertex *
gma_flow_layout_vertex (GmaFlowLayout *layout,
                        guint          i)
{
  return &g_array_index (layout->vertices, GmaFlowVertex, i);
}

static inline GmaFlowEdge *
gma_flow_layout_edge (GmaFlowLayout *layout,
                      guint          i)
{
  return &g_array_index (layout->edges, GmaFlowEdge, i);
}

/* Rounding without libm (the core links only GLib and json-glib). */
static inline double
gma_flow_layout_round (double x)
{
  return x >= 0 ? (double) (gint64) (x + 0.5) : -(double) (gint64) (-x + 0.5);
}

G_END_DECLS
