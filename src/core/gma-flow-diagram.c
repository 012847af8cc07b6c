/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow-diagram.c: the whole flow drawn as one SVG picture: the
 * layout (gma-flow-layout.c) written as SVG elements. All coordinates are
 * written as integers, so the output does not depend on the locale's
 * decimal separator. */

#define G_LOG_DOMAIN "gma-flow-diagram"

#include "config.h"

#include <string.h>

#include "gma-flow-diagram.h"
#include "gma-flow-layout.h"
#include "gma-words.h"

#define STYLE_SHEET_PATH RESOURCE_PREFIX "/web/flow-diagram.css"

/* The style sheet's resource; g_once() keeps it for the life of the
 * process. */
static gpointer
load_style_sheet (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  gma_content_register_resources ();
  bytes = g_resources_lookup_data (STYLE_SHEET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The flow diagram's style sheet is not in the app's resources: %s",
             error->message);

  return bytes;
}

const char *
gma_flow_diagram_get_style_sheet (void)
{
  static GOnce once = G_ONCE_INIT;
  GBytes *bytes = g_once (&once, load_style_sheet, NULL);

  /* Resource data ends with a NUL. */
  return g_bytes_get_data (bytes, NULL);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Multi-line centred text: one <text> element per line (a text of
 * <tspan>s would need the line's x repeated on each anyway). */
static void
append_lines (GString    *out,
              GPtrArray  *lines,
              double      cx,
              double      top,
              double      line_height,
              double      font_size,
              const char *first_class)
{
  for (guint i = 0; i < lines->len; i++)
    {
      /* baseline: the line box's top plus the ascent of CJK glyphs */
      int y = (int) gma_flow_layout_round (top + i * line_height
                                           + (line_height - font_size) / 2 + font_size * 0.88);

      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\"", (int) cx, y);
      if (i == 0 && first_class != NULL)
        g_string_append_printf (out, " class=\"%s\"", first_class);
      g_string_append_c (out, '>');
      append_escaped (out, g_ptr_array_index (lines, i));
      g_string_append (out, "</text>");
    }
}

static void
append_edge (GString       *out,
             GmaFlowLayout *layout,
             guint          index)
{
  GmaFlowEdge *e = gma_flow_layout_edge (layout, index);
  GmaFlowVertex *from = gma_flow_layout_vertex (layout, e->from);
  double x = e->out_port, y = from->y + from->h;

  g_string_append_printf (out, "<g class=\"edge%s\" id=\"edge-", e->visited ? " visited" : "");
  append_escaped (out, gma_node_get_id (from->node));
  g_string_append_printf (out, "-%u\" data-from=\"", e->answer);
  append_escaped (out, gma_node_get_id (from->node));
  g_string_append (out, "\" data-to=\"");
  append_escaped (out, gma_node_get_id (gma_flow_layout_vertex (layout, e->to)->node));
  g_string_append (out, "\">");

  g_string_append_printf (out, "<path d=\"M%d %d", (int) x, (int) y);
  for (guint k = 1; k < e->chain->len; k++)
    {
      GmaFlowVertex *v = gma_flow_layout_vertex (layout, g_array_index (e->chain, guint, k));
      gboolean last = k + 1 == e->chain->len;
      double nx = last ? e->in_port : v->x;
      double ny = last ? v->y - GMA_FLOW_ARROW_LENGTH : v->y;
      double my = (y + ny) / 2;

      if (ny > y)
        g_string_append_printf (out, "C%d %d %d %d %d %d",
                                (int) x, (int) my, (int) nx, (int) my, (int) nx, (int) ny);
      else  /* only with a cycle: just draw a straight line */
        g_string_append_printf (out, "L%d %d", (int) nx, (int) ny);
      x = nx;
      y = ny;
      if (!last)
        {
          /* straight down through the dummy's row */
          y = v->y + v->h;
          g_string_append_printf (out, "V%d", (int) y);
        }
    }
  g_string_append (out, "\"/>");

  /* arrowhead touching the target's top edge */
  {
    GmaFlowVertex *to = gma_flow_layout_vertex (layout, e->to);
    int tx = (int) e->in_port, ty = (int) to->y;

    g_string_append_printf (out, "<path class=\"head\" d=\"M%d %dL%d %dL%d %dZ\"/>",
                            tx, ty,
                            (int) (tx - GMA_FLOW_ARROW_HALF), (int) (ty - GMA_FLOW_ARROW_LENGTH - 1),
                            (int) (tx + GMA_FLOW_ARROW_HALF), (int) (ty - GMA_FLOW_ARROW_LENGTH - 1));
  }
  g_string_append (out, "</g>\n");
}

static void
append_label (GString       *out,
              GmaFlowLayout *layout,
              guint          index)
{
  GmaFlowEdge *e = gma_flow_layout_edge (layout, index);
  double left = e->label_x - e->label_w / 2;
  double top = e->label_y - e->label_h / 2;

  g_string_append_printf (out,
                          "<g class=\"edge-label%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>",
                          e->visited ? " visited" : "",
                          (int) gma_flow_layout_round (left), (int) gma_flow_layout_round (top),
                          (int) gma_flow_layout_round (e->label_w), (int) gma_flow_layout_round (e->label_h));
  append_lines (out, e->label_lines, e->label_x, top + GMA_FLOW_LABEL_PAD_Y,
                GMA_FLOW_LABEL_LINE_HEIGHT, GMA_FLOW_LABEL_FONT_SIZE, NULL);
  g_string_append (out, "</g>\n");
}

static void
append_node (GString       *out,
             GmaFlowVertex *v)
{
  const char *id = gma_node_get_id (v->node);
  const char *kind;
  int left = (int) gma_flow_layout_round (v->x - v->w / 2);

  switch (gma_node_get_kind (v->node))
    {
    case GMA_NODE_INTRO:
      kind = "intro";
      break;
    case GMA_NODE_RESULT:
      kind = "result";
      break;
    case GMA_NODE_QUESTION:
    default:
      kind = "question";
      break;
    }

  g_string_append_printf (out, "<g class=\"node %s%s%s\" id=\"node-", kind,
                          v->visited ? " visited" : "",
                          v->current ? " current" : "");
  append_escaped (out, id);
  g_string_append (out, "\"><a href=\"gma://page/");
  append_escaped (out, id);
  g_string_append (out, "\"><title>");
  if (gma_node_get_reference (v->node) != NULL)
    {
      append_escaped (out, gma_node_get_reference (v->node));
      g_string_append_c (out, ' ');
    }
  append_escaped (out, gma_node_get_title (v->node));
  g_string_append (out, "</title>");

  if (v->current)
    g_string_append_printf (out,
                            "<rect class=\"ring\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\"/>",
                            (int) (left - GMA_FLOW_RING_OFFSET), (int) (v->y - GMA_FLOW_RING_OFFSET),
                            (int) (v->w + 2 * GMA_FLOW_RING_OFFSET), (int) (v->h + 2 * GMA_FLOW_RING_OFFSET),
                            gma_node_get_kind (v->node) == GMA_NODE_RESULT ? 14 : 9);

  g_string_append_printf (out,
                          "<rect class=\"box\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\"/>",
                          left, (int) v->y, (int) v->w, (int) v->h,
                          gma_node_get_kind (v->node) == GMA_NODE_RESULT ? 10 : 5);
  append_lines (out, v->lines, v->x, v->y + GMA_FLOW_BOX_PAD_Y,
                GMA_FLOW_LINE_HEIGHT, GMA_FLOW_FONT_SIZE, v->has_reference ? "ref" : NULL);
  g_string_append (out, "</a></g>\n");
}

static char *
layout_to_svg (GmaFlowLayout  *layout,
               const GmaWords *words,
               gboolean        with_style)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int w = (int) layout->width, h = (int) layout->height;

  /* The words are constants (gma-words.c), never content: no escaping. */
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gma-flow-diagram\" lang=\"%s\" "
                          "viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"gma-flow-diagram-title\">\n"
                          "<title id=\"gma-flow-diagram-title\">%s</title>\n",
                          words->language, w, h, words->flow_diagram_title);
  if (with_style)
    {
      g_string_append (out, "<style>\n");
      g_string_append (out, gma_flow_diagram_get_style_sheet ());
      g_string_append (out, "</style>\n");
    }
  g_string_append_printf (out, "<rect class=\"bg\" width=\"%d\" height=\"%d\"/>\n", w, h);

  /* edges under labels under nodes; highlighted edges on top of others */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->edges->len; i++)
      if (gma_flow_layout_edge (layout, i)->visited == (pass == 1))
        append_edge (out, layout, i);
  for (guint i = 0; i < layout->edges->len; i++)
    append_label (out, layout, i);
  for (guint v = 0; v < layout->vertices->len; v++)
    if (gma_flow_layout_vertex (layout, v)->node != NULL)
      append_node (out, gma_flow_layout_vertex (layout, v));

  g_string_append (out, "</svg>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
diagram_svg (GmaFlow            *flow,
             const char * const *visited,
             const char         *current,
             const char         *language,
             gboolean            with_style)
{
  g_autoptr(GmaFlowLayout) layout = NULL;

  g_return_val_if_fail (GMA_IS_FLOW (flow), NULL);

  layout = gma_flow_layout_new (flow, visited, current);
  return layout_to_svg (layout, gma_words_for_language (language), with_style);
}

char *
gma_flow_diagram_svg (GmaFlow            *flow,
                      const char * const *visited,
                      const char         *current,
                      const char         *language)
{
  return diagram_svg (flow, visited, current, language, TRUE);
}

char *
gma_flow_diagram_svg_inline (GmaFlow            *flow,
                             const char * const *visited,
                             const char         *current,
                             const char         *language)
{
  return diagram_svg (flow, visited, current, language, FALSE);
}
