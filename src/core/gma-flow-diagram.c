/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow-diagram.c: the whole flow drawn as one SVG picture
 *
 * A small layered ("Sugiyama") layout:
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
 * All coordinates are written as integers, so the output does not
 * depend on the locale's decimal separator.
 */

#define G_LOG_DOMAIN "gma-flow-diagram"

#include "config.h"

#include <string.h>

#include "gma-flow-diagram.h"

/* The words the picture adds around the flow's own texts, in the
 * content's language (as gma-render.c's): a Japanese desktop may show the
 * English content, and its picture must then be English throughout. */
typedef struct
{
  const char *language;  /* the <svg>'s lang attribute */
  const char *title;     /* its accessible name */
} Words;

static const Words words_ja = {
  .language = "ja",
  .title = "対処の流れ（フローチャート）",
};

static const Words words_en = {
  .language = "en",
  .title = "What to do, step by step (flowchart)",
};

static const Words *
words_for_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 ? &words_en : &words_ja;
}

/* Sizes, in SVG user units (the page scales the picture). */
#define MARGIN          16.0
#define BOX_WIDTH       146.0
#define BOX_PAD_X       10.0
#define BOX_PAD_Y       9.0
#define FONT_SIZE       13.0
#define LINE_HEIGHT     18.0
#define BOX_MAX_UNITS   10.0   /* characters (full width) per line */
#define BOX_MAX_LINES   3
#define RESULT_MAX_LINES 5
#define DUMMY_WIDTH     12.0
#define NODE_GAP        24.0   /* between two boxes of a layer */
#define DUMMY_GAP       14.0   /* beside a dummy */
#define LABEL_FONT_SIZE 11.5
#define LABEL_LINE_HEIGHT 15.0
#define LABEL_MAX_UNITS 9.0
#define LABEL_MAX_LINES 3
#define LABEL_PAD_X     6.0
#define LABEL_PAD_Y     4.0
#define LABEL_GAP       4.0
#define MIN_LAYER_GAP   56.0
#define ARROW_LENGTH    8.0
#define ARROW_HALF      4.5
#define RING_OFFSET     5.0
#define N_SWEEPS        12
#define N_PLACE_ROUNDS  6

/* Rounding without libm (the core links only GLib and json-glib). */
static inline double
round_half_up (double x)
{
  return x >= 0 ? (double) (gint64) (x + 0.5) : -(double) (gint64) (-x + 0.5);
}

static inline double
ceil_up (double x)
{
  double t = (double) (gint64) x;

  return t < x ? t + 1.0 : t;
}

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
} Vertex;

typedef struct
{
  guint  from;                /* vertex indices, adjacent layers */
  guint  to;
  guint  edge;                /* index into edges */
  double bias;                /* answer order, used as a barycenter tie-break */
} Segment;

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
} Edge;

typedef struct
{
  GmaFlow   *flow;
  GArray    *vertices;        /* Vertex */
  GArray    *edges;           /* Edge */
  GArray    *segs;            /* Segment */
  GPtrArray *layers;          /* GArray of guint (vertex indices), in order */
  double     width;
  double     height;
} Layout;

static inline Vertex *
vertex (Layout *layout,
        guint   i)
{
  return &g_array_index (layout->vertices, Vertex, i);
}

static inline Edge *
edge_at (Layout *layout,
         guint   i)
{
  return &g_array_index (layout->edges, Edge, i);
}

static inline Segment *
seg_at (Layout *layout,
        guint   i)
{
  return &g_array_index (layout->segs, Segment, i);
}

static inline GArray *
layer_at (Layout *layout,
          guint   l)
{
  return g_ptr_array_index (layout->layers, l);
}

static void
vertex_clear (gpointer data)
{
  Vertex *v = data;

  g_clear_pointer (&v->lines, g_ptr_array_unref);
  g_clear_pointer (&v->up, g_array_unref);
  g_clear_pointer (&v->down, g_array_unref);
}

static void
edge_clear (gpointer data)
{
  Edge *e = data;

  g_clear_pointer (&e->chain, g_array_unref);
  g_clear_pointer (&e->label_lines, g_ptr_array_unref);
}

static void
layout_free (Layout *layout)
{
  g_clear_pointer (&layout->vertices, g_array_unref);
  g_clear_pointer (&layout->edges, g_array_unref);
  g_clear_pointer (&layout->segs, g_array_unref);
  g_clear_pointer (&layout->layers, g_ptr_array_unref);
  g_free (layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layout, layout_free)

/* ---- text wrapping ------------------------------------------------------ */

/* Width of a character in "full-width character" units: Japanese text
 * is counted by characters, narrow (ASCII) ones as about half. */
static double
char_units (gunichar c)
{
  if (c < 0x80)
    return 0.55;
  if (c >= 0xFF61 && c <= 0xFF9F)  /* half-width katakana */
    return 0.55;
  return 1.0;
}

/* Kinsoku: characters that must not start a line … */
static gboolean
is_closing (gunichar c)
{
  if (c == 0)
    return FALSE;
  if (c < 0x80)
    return strchr ("),.:;!?]}", (int) c) != NULL;
  return g_utf8_strchr ("、。，．・ー）」』】〕〉》！？：；"
                        "ぁぃぅぇぉっゃゅょァィゥェォッャュョ…", -1, c) != NULL;
}

/* Punctuation that ends a phrase: a good place to break after. */
static gboolean
ends_phrase (gunichar c)
{
  if (c < 0x80)
    return c != 0 && strchr ("),.:;!?]}", (int) c) != NULL;
  return g_utf8_strchr ("、。，．）」』】〕〉》！？：；…", -1, c) != NULL;
}

/* … and characters that must not end one. */
static gboolean
is_opening (gunichar c)
{
  return (c < 0x80 && (c == '(' || c == '[' || c == '{'))
         || (c >= 0x80 && g_utf8_strchr ("（「『【〔〈《", -1, c) != NULL);
}

typedef struct
{
  const char *start;
  gsize       len;           /* bytes */
  double      units;
  gboolean    space;
  gunichar    first;
  gunichar    last;
} Token;

/* Splits @text into unbreakable pieces: a run of ASCII letters and
 * digits (a URL, "G-MIS", "10") is one piece, every other character
 * is a piece of its own. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { p, 0, 0.0, FALSE, c, c };
      const char *q = g_utf8_next_char (p);

      if (g_unichar_isspace (c))
        {
          while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          t.space = TRUE;
          t.units = 0.35;
        }
      else if (c < 0x80 && g_ascii_isalnum ((char) c))
        {
          t.units = char_units (c);
          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);

              if (d >= 0x80 || !(g_ascii_isalnum ((char) d) || d == '-'
                                 || d == '_' || d == '@' || d == '.'))
                break;
              t.units += char_units (d);
              t.last = d;
              q = g_utf8_next_char (q);
            }
        }
      else
        {
          t.units = char_units (c);
        }
      t.len = q - p;
      g_array_append_val (tokens, t);
      p = q;
    }

  return tokens;
}

static double
units_of (const char *text)
{
  double units = 0.0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += char_units (g_utf8_get_char (p));

  return units;
}

static GPtrArray *
fill_lines (GArray *tokens,
            double  target)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  double width = 0.0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      gboolean must_break = FALSE;

      if (t->space && line->len == 0)
        continue;

      if (line->len > 0 && !is_closing (t->first))
        {
          if (width + t->units > target + 0.01)
            must_break = TRUE;
          else if (is_opening (t->last) && i + 1 < tokens->len)
            {
              /* keep an opening bracket with what follows it */
              const Token *n = &g_array_index (tokens, Token, i + 1);

              if (width + t->units + n->units > target + 0.01)
                must_break = TRUE;
            }
        }

      if (must_break)
        {
          g_ptr_array_add (lines, g_strchomp (g_strdup (line->str)));
          g_string_truncate (line, 0);
          width = 0.0;
          if (t->space)
            continue;
        }

      g_string_append_len (line, t->start, t->len);
      width += t->units;
    }

  if (line->len > 0)
    g_ptr_array_add (lines, g_strchomp (g_strdup (line->str)));

  return lines;
}

/* Cuts the last line so that it ends with "…" within @max_units. */
static void
ellipsize_last (GPtrArray *lines,
                double     max_units)
{
  char *last = g_ptr_array_index (lines, lines->len - 1);
  g_autoptr(GString) s = g_string_new (last);

  while (s->len > 0 && units_of (s->str) + 1.0 > max_units)
    {
      const char *prev = g_utf8_find_prev_char (s->str, s->str + s->len);

      g_string_truncate (s, prev - s->str);
    }
  g_string_append (s, "…");
  g_free (last);
  g_ptr_array_index (lines, lines->len - 1) = g_string_free (g_steal_pointer (&s), FALSE);
}

typedef enum
{
  CHAR_OTHER,
  CHAR_HIRAGANA,
  CHAR_KATAKANA,
  CHAR_KANJI,
  CHAR_ASCII,
} CharClass;

static CharClass
char_class (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c) ? CHAR_ASCII : CHAR_OTHER;
  if (c >= 0x3041 && c <= 0x309F)
    return CHAR_HIRAGANA;
  if ((c >= 0x30A0 && c <= 0x30FF && c != 0x30FB) || (c >= 0xFF66 && c <= 0xFF9F))
    return CHAR_KATAKANA;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005)
    return CHAR_KANJI;
  if (c >= 0xFF10 && c <= 0xFF5A)  /* full-width letters and digits */
    return CHAR_ASCII;
  return CHAR_OTHER;
}

/* How bad it is to end a line with @a and start the next with @b,
 * or -1 where kinsoku forbids it. Without a dictionary, the boundaries
 * between kinds of script are the best guess at word boundaries: after
 * a particle (hiragana before kanji or katakana) is good, inside a
 * katakana word is bad. */
static double
break_penalty (const Token *a,
               const Token *b)
{
  CharClass ca, cb;

  if (is_closing (b->first) || is_opening (a->last))
    return -1.0;
  if (a->space || b->space || ends_phrase (a->last) || is_opening (b->first))
    return 0.0;

  /* the honorific prefixes ご and お belong to the word after them */
  if (a->last == 0x3054 /* ご */ || a->last == 0x304A /* お */)
    return 20.0;
  if ((b->first == 0x3054 || b->first == 0x304A) && char_class (a->last) == CHAR_HIRAGANA)
    return 1.0;

  ca = char_class (a->last);
  cb = char_class (b->first);
  if (ca == CHAR_HIRAGANA && cb != CHAR_HIRAGANA)
    return 1.0;
  if (ca == CHAR_KATAKANA && cb == CHAR_KATAKANA)
    return 40.0;
  if (ca == CHAR_HIRAGANA && cb == CHAR_HIRAGANA)
    return 15.0;
  if (ca == CHAR_KANJI && cb == CHAR_KANJI)
    return 12.0;
  if (cb == CHAR_HIRAGANA)
    return 10.0;
  if (ca == CHAR_ASCII || cb == CHAR_ASCII)
    return 6.0;
  return 4.0;
}

/* Width of tokens [i, j), not counting spaces at either end. */
static double
span_units (GArray *tokens,
            guint   i,
            guint   j)
{
  double units = 0.0;

  while (i < j && g_array_index (tokens, Token, i).space)
    i++;
  while (j > i && g_array_index (tokens, Token, j - 1).space)
    j--;
  for (guint k = i; k < j; k++)
    units += g_array_index (tokens, Token, k).units;

  return units;
}

/* Optimal line breaking (dynamic programming over break positions):
 * fewest lines first, then even lengths and good break points. Returns
 * NULL when the text does not fit in @max_lines lines. */
static GPtrArray *
break_lines (GArray *tokens,
             double  max_units,
             guint   max_lines)
{
  guint n = tokens->len;
  gsize size = (gsize) (max_lines + 1) * (n + 1);
  g_autofree double *cost = g_new (double, size);
  g_autofree guint *from = g_new0 (guint, size);
  g_autofree guint *ends = NULL;
  GPtrArray *lines;
  guint best_l = 0;
  double best = G_MAXDOUBLE;

#define AT(l, j) ((gsize) (l) * (n + 1) + (j))
  for (gsize k = 0; k < size; k++)
    cost[k] = G_MAXDOUBLE;
  cost[AT (0, 0)] = 0.0;

  for (guint l = 1; l <= max_lines; l++)
    for (guint j = 1; j <= n; j++)
      for (guint i = j; i-- > 0;)
        {
          double width = span_units (tokens, i, j);
          double penalty = 0.0, c;

          if (width > max_units + 0.01 && j - i > 1)
            break;  /* longer spans only get wider */
          if (cost[AT (l - 1, i)] == G_MAXDOUBLE)
            continue;
          if (i > 0)
            {
              penalty = break_penalty (&g_array_index (tokens, Token, i - 1),
                                       &g_array_index (tokens, Token, i));
              if (penalty < 0)
                continue;
            }
          if (j < n && g_array_index (tokens, Token, j).space == FALSE
              && break_penalty (&g_array_index (tokens, Token, j - 1),
                                &g_array_index (tokens, Token, j)) < 0)
            continue;

          c = cost[AT (l - 1, i)] + penalty
              + (max_units - width) * (max_units - width);
          if (c < cost[AT (l, j)])
            {
              cost[AT (l, j)] = c;
              from[AT (l, j)] = i;
            }
        }

  for (guint l = 1; l <= max_lines; l++)
    if (cost[AT (l, n)] < G_MAXDOUBLE)
      {
        /* each extra line must pay for itself */
        double c = cost[AT (l, n)] + 60.0 * l;

        if (c < best)
          {
            best = c;
            best_l = l;
          }
      }
  if (best_l == 0)
    return NULL;

  ends = g_new0 (guint, best_l + 1);
  ends[best_l] = n;
  for (guint l = best_l; l > 0; l--)
    ends[l - 1] = from[AT (l, ends[l])];
#undef AT

  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < best_l; l++)
    {
      GString *line = g_string_new (NULL);

      for (guint k = ends[l]; k < ends[l + 1]; k++)
        {
          const Token *t = &g_array_index (tokens, Token, k);

          g_string_append_len (line, t->start, t->len);
        }
      g_ptr_array_add (lines, g_strstrip (g_string_free (line, FALSE)));
    }

  return lines;
}

/* Wraps @text into at most @max_lines lines of about @max_units
 * characters; text that does not fit is cut with "…". */
static GPtrArray *
wrap_text (const char *text,
           double      max_units,
           guint       max_lines)
{
  g_autoptr(GArray) tokens = tokenize (text);
  GPtrArray *lines;

  if (tokens->len == 0)
    {
      lines = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (lines, g_strdup (""));
      return lines;
    }

  lines = break_lines (tokens, max_units, max_lines);
  if (lines != NULL)
    return lines;

  lines = fill_lines (tokens, max_units);
  if (lines->len > max_lines)
    {
      g_ptr_array_set_size (lines, max_lines);
      ellipsize_last (lines, max_units);
    }

  return lines;
}

static double
lines_units (GPtrArray *lines)
{
  double max = 0.0;

  for (guint i = 0; i < lines->len; i++)
    max = MAX (max, units_of (g_ptr_array_index (lines, i)));

  return max;
}

/* ---- building the graph --------------------------------------------------- */

static guint
add_vertex (Layout        *layout,
            const GmaNode *node,
            int            layer)
{
  Vertex v = { 0, };

  v.node = node;
  v.layer = layer;
  v.up = g_array_new (FALSE, FALSE, sizeof (guint));
  v.down = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (layout->vertices, v);

  return layout->vertices->len - 1;
}

static void
add_segment (Layout *layout,
             guint   from,
             guint   to,
             guint   edge,
             double  bias)
{
  Segment s = { from, to, edge, bias };
  guint i;

  g_array_append_val (layout->segs, s);
  i = layout->segs->len - 1;
  g_array_append_val (vertex (layout, from)->down, i);
  g_array_append_val (vertex (layout, to)->up, i);
}

/* Layers by longest path from the start (Kahn's topological order). */
static void
assign_layers (Layout     *layout,
               GHashTable *index_of)
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
build_edges (Layout     *layout,
             GHashTable *index_of)
{
  guint n = gma_flow_get_n_nodes (layout->flow);

  for (guint u = 0; u < n; u++)
    {
      const GmaNode *node = gma_flow_get_node (layout->flow, u);
      guint n_answers = gma_node_get_n_answers (node);

      for (guint a = 0; a < n_answers; a++)
        {
          const GmaNode *t = gma_node_get_answer_target (node, a);
          Edge e = { 0, };
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
          e.label_lines = wrap_text (e.label, LABEL_MAX_UNITS, LABEL_MAX_LINES);
          e.label_w = ceil_up (lines_units (e.label_lines) * LABEL_FONT_SIZE) + 2 * LABEL_PAD_X + 2;
          e.label_h = e.label_lines->len * LABEL_LINE_HEIGHT + 2 * LABEL_PAD_Y;
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
dfs_order (Layout   *layout,
           guint     v,
           gboolean *seen,
           guint    *counter)
{
  Vertex *vx = vertex (layout, v);

  if (seen[v])
    return;
  seen[v] = TRUE;
  vx->key = (*counter)++;

  for (guint i = 0; i < vx->down->len; i++)
    {
      Segment *s = seg_at (layout, g_array_index (vx->down, guint, i));

      dfs_order (layout, s->to, seen, counter);
      vx = vertex (layout, v);
    }
}

/* Stable insertion sort of a layer by key (layers are small). */
static void
sort_layer (Layout *layout,
            GArray *layer)
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
count_crossings (Layout *layout)
{
  guint crossings = 0;

  for (guint l = 0; l < layout->layers->len; l++)
    {
      GArray *layer = layer_at (layout, l);
      g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < layer->len; i++)
        {
          Vertex *v = vertex (layout, g_array_index (layer, guint, i));

          g_array_append_vals (segs, v->down->data, v->down->len);
        }

      for (guint i = 0; i < segs->len; i++)
        for (guint j = i + 1; j < segs->len; j++)
          {
            Segment *a = seg_at (layout, g_array_index (segs, guint, i));
            Segment *b = seg_at (layout, g_array_index (segs, guint, j));
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
barycenter (Layout   *layout,
            GArray   *layer,
            gboolean  downwards)
{
  for (guint i = 0; i < layer->len; i++)
    {
      Vertex *v = vertex (layout, g_array_index (layer, guint, i));
      GArray *adj = downwards ? v->up : v->down;
      double sum = 0.0;

      if (adj->len == 0)
        {
          v->key = v->pos;
          continue;
        }

      for (guint k = 0; k < adj->len; k++)
        {
          Segment *s = seg_at (layout, g_array_index (adj, guint, k));
          Vertex *o = vertex (layout, downwards ? s->from : s->to);

          sum += o->pos + (downwards ? s->bias : -s->bias);
        }
      /* a tiny pull towards the current place breaks ties stably */
      v->key = sum / adj->len + v->pos * 1e-3;
    }

  sort_layer (layout, layer);
}

static void
order_layers (Layout *layout)
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
separation (Vertex *a,
            Vertex *b)
{
  double gap = (a->node != NULL && b->node != NULL) ? NODE_GAP : DUMMY_GAP;

  return a->w / 2 + gap + b->w / 2;
}

/* Moves the vertices of @layer as close as possible to their wanted
 * x (in ->key) without overlaps: the mean of a left-packed and a
 * right-packed solution, both of which keep the separations. */
static void
place_layer (Layout *layout,
             GArray *layer)
{
  guint n = layer->len;
  g_autofree double *left = g_new0 (double, n);
  g_autofree double *right = g_new0 (double, n);

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      Vertex *v = vertex (layout, g_array_index (layer, guint, i));

      left[i] = v->key;
      if (i > 0)
        left[i] = MAX (left[i], left[i - 1]
                       + separation (vertex (layout, g_array_index (layer, guint, i - 1)), v));
    }
  for (guint i = n; i-- > 0;)
    {
      Vertex *v = vertex (layout, g_array_index (layer, guint, i));

      right[i] = v->key;
      if (i + 1 < n)
        right[i] = MIN (right[i], right[i + 1]
                        - separation (v, vertex (layout, g_array_index (layer, guint, i + 1))));
    }
  for (guint i = 0; i < n; i++)
    vertex (layout, g_array_index (layer, guint, i))->x = (left[i] + right[i]) / 2;
}

static void
wanted_x (Layout   *layout,
          GArray   *layer,
          gboolean  from_above)
{
  for (guint i = 0; i < layer->len; i++)
    {
      Vertex *v = vertex (layout, g_array_index (layer, guint, i));
      GArray *adj = from_above ? v->up : v->down;
      double sum = 0.0;

      v->key = v->x;
      if (adj->len == 0)
        continue;
      for (guint k = 0; k < adj->len; k++)
        {
          Segment *s = seg_at (layout, g_array_index (adj, guint, k));

          sum += vertex (layout, from_above ? s->from : s->to)->x;
        }
      v->key = sum / adj->len;
    }
}

static void
place_x (Layout *layout)
{
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;

  /* Start packed and centred on 0. */
  for (guint l = 0; l < layout->layers->len; l++)
    {
      GArray *layer = layer_at (layout, l);
      double x = 0.0;

      for (guint i = 0; i < layer->len; i++)
        {
          Vertex *v = vertex (layout, g_array_index (layer, guint, i));

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
      Vertex *vx = vertex (layout, v);

      min_x = MIN (min_x, vx->x - vx->w / 2 - RING_OFFSET);
      max_x = MAX (max_x, vx->x + vx->w / 2 + RING_OFFSET);
    }
  for (guint v = 0; v < layout->vertices->len; v++)
    vertex (layout, v)->x = round_half_up (vertex (layout, v)->x - min_x + MARGIN);
  layout->width = ceil_up (max_x - min_x + 2 * MARGIN);
}

/* Spreads the ports where several edges leave (or enter) a box, in the
 * order of the vertices at their other ends, so they do not cross. */
static void
place_ports (Layout *layout)
{
  for (guint vi = 0; vi < layout->vertices->len; vi++)
    {
      Vertex *v = vertex (layout, vi);

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
                Segment *a = seg_at (layout, order[j - 1]);
                Segment *b = seg_at (layout, order[j]);
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
              Segment *s = seg_at (layout, order[i]);
              double x = round_half_up (v->x + (i - (n - 1) / 2.0) * step);

              if (dir == 0)
                edge_at (layout, s->edge)->out_port = x;
              else
                edge_at (layout, s->edge)->in_port = x;
            }
        }
    }
}

static void
place_y (Layout *layout)
{
  double y = MARGIN + RING_OFFSET;
  guint n_layers = layout->layers->len;
  g_autofree double *gap = g_new0 (double, MAX (n_layers, 1));

  for (guint l = 0; l < n_layers; l++)
    gap[l] = MIN_LAYER_GAP;
  for (guint i = 0; i < layout->edges->len; i++)
    {
      Edge *e = edge_at (layout, i);
      int l = vertex (layout, e->from)->layer;

      if (l >= 0 && (guint) l < n_layers)
        gap[l] = MAX (gap[l], e->label_h + 2 * ARROW_LENGTH + 16.0);
    }

  for (guint l = 0; l < n_layers; l++)
    {
      GArray *layer = layer_at (layout, l);
      double row = 0.0;

      for (guint i = 0; i < layer->len; i++)
        row = MAX (row, vertex (layout, g_array_index (layer, guint, i))->h);

      for (guint i = 0; i < layer->len; i++)
        {
          Vertex *v = vertex (layout, g_array_index (layer, guint, i));

          /* boxes are centred in their row; dummies span it */
          if (v->node == NULL)
            v->h = row;
          v->y = round_half_up (y + (row - v->h) / 2);
        }
      y += row + (l + 1 < n_layers ? gap[l] : 0.0);
    }

  layout->height = ceil_up (y + MARGIN + RING_OFFSET);
}

/* Answer labels sit halfway along the first segment of their edge;
 * labels sharing a gap are pushed apart sideways if they overlap. */
static void
place_labels (Layout *layout)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < layout->edges->len; i++)
    {
      Edge *e = edge_at (layout, i);
      Vertex *from = vertex (layout, e->from);
      Vertex *next = vertex (layout, g_array_index (e->chain, guint, 1));
      double next_x = next->node != NULL ? e->in_port : next->x;

      e->label_x = (e->out_port + next_x) / 2;
      e->label_y = (from->y + from->h + next->y) / 2;
      g_array_append_val (order, i);
    }

  /* sort by (gap, x) */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Edge *a = edge_at (layout, g_array_index (order, guint, j - 1));
        Edge *b = edge_at (layout, g_array_index (order, guint, j));
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
      Edge *a = edge_at (layout, g_array_index (order, guint, i - 1));
      Edge *b = edge_at (layout, g_array_index (order, guint, i));
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
      Edge *e = edge_at (layout, i);

      e->label_x = round_half_up (CLAMP (e->label_x, e->label_w / 2 + 2,
                                 layout->width - e->label_w / 2 - 2));
      e->label_y = round_half_up (e->label_y);
    }
}

static void
size_nodes (Layout *layout)
{
  for (guint v = 0; v < layout->vertices->len; v++)
    {
      Vertex *vx = vertex (layout, v);
      const char *reference;

      if (vx->node == NULL)
        continue;

      vx->w = BOX_WIDTH;
      reference = gma_node_get_reference (vx->node);
      if (gma_node_get_kind (vx->node) == GMA_NODE_RESULT)
        {
          vx->lines = wrap_text (gma_node_get_title (vx->node), BOX_MAX_UNITS,
                                 reference != NULL ? RESULT_MAX_LINES - 1 : RESULT_MAX_LINES);
          if (reference != NULL)
            {
              g_ptr_array_insert (vx->lines, 0, g_strdup (reference));
              vx->has_reference = TRUE;
            }
        }
      else
        {
          vx->lines = wrap_text (gma_node_get_short_title (vx->node),
                                 BOX_MAX_UNITS, BOX_MAX_LINES);
        }
      vx->h = vx->lines->len * LINE_HEIGHT + 2 * BOX_PAD_Y;
    }
}

/* ---- output ----------------------------------------------------------------- */

/* The picture's style, shared by the standalone document (in a <style>
 * element) and pages that show it inline (served as a style sheet: the
 * page's CSP allows no <style> element). */
static const char style_rules[] =
  ".gma-flow-diagram{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",sans-serif;letter-spacing:0}\n"
  ".gma-flow-diagram a,.gma-flow-diagram text{text-decoration:none}\n"
  ".gma-flow-diagram .bg{fill:#ffffff}\n"
  ".gma-flow-diagram text{font-size:13px;fill:#1f2328;text-anchor:middle}\n"
  ".gma-flow-diagram .box{fill:#ffffff;stroke:#6e7781;stroke-width:1.5}\n"
  ".gma-flow-diagram .intro .box{fill:#f2f4f7}\n"
  ".gma-flow-diagram .result .box{fill:#eaf5ee;stroke:#2b7a4b;stroke-width:2}\n"
  ".gma-flow-diagram .result .ref{font-weight:bold;fill:#1d6a3a}\n"
  ".gma-flow-diagram .node.visited .box{fill:#e3edfb;stroke:#1a5fb4;stroke-width:3}\n"
  ".gma-flow-diagram .ring{fill:none;stroke:#c2410c;stroke-width:3}\n"
  ".gma-flow-diagram .node.current text{font-weight:bold}\n"
  ".gma-flow-diagram a:hover .box,.gma-flow-diagram a:focus .box{stroke:#c2410c}\n"
  ".gma-flow-diagram .edge path{fill:none;stroke:#8c959f;stroke-width:1.5}\n"
  ".gma-flow-diagram .edge .head{fill:#8c959f;stroke:none}\n"
  ".gma-flow-diagram .edge.visited path{stroke:#1a5fb4;stroke-width:3}\n"
  ".gma-flow-diagram .edge.visited .head{fill:#1a5fb4}\n"
  ".gma-flow-diagram .edge-label rect{fill:#ffffff;stroke:#d0d7de}\n"
  ".gma-flow-diagram .edge-label text{font-size:11.5px;fill:#57606a}\n"
  ".gma-flow-diagram .edge-label.visited rect{stroke:#1a5fb4}\n"
  ".gma-flow-diagram .edge-label.visited text{fill:#1a5fb4;font-weight:bold}\n"
  "@media screen and (prefers-color-scheme: dark){\n"
  ".gma-flow-diagram .bg{fill:#1e1e1e}\n"
  ".gma-flow-diagram text{fill:#e6e6e6}\n"
  ".gma-flow-diagram .box{fill:#2a2d31;stroke:#8b949e}\n"
  ".gma-flow-diagram .intro .box{fill:#33373c}\n"
  ".gma-flow-diagram .result .box{fill:#1d3325;stroke:#5cbf83}\n"
  ".gma-flow-diagram .result .ref{fill:#8fdcaa}\n"
  ".gma-flow-diagram .node.visited .box{fill:#1f3350;stroke:#78aeed}\n"
  ".gma-flow-diagram .ring{stroke:#ffa35c}\n"
  ".gma-flow-diagram a:hover .box,.gma-flow-diagram a:focus .box{stroke:#ffa35c}\n"
  ".gma-flow-diagram .edge path{stroke:#7d8590}\n"
  ".gma-flow-diagram .edge .head{fill:#7d8590}\n"
  ".gma-flow-diagram .edge.visited path{stroke:#78aeed}\n"
  ".gma-flow-diagram .edge.visited .head{fill:#78aeed}\n"
  ".gma-flow-diagram .edge-label rect{fill:#1e1e1e;stroke:#4a4f55}\n"
  ".gma-flow-diagram .edge-label text{fill:#a8b0b8}\n"
  ".gma-flow-diagram .edge-label.visited rect{stroke:#78aeed}\n"
  ".gma-flow-diagram .edge-label.visited text{fill:#78aeed}\n"
  "}\n"
  "@media (prefers-contrast: more){\n"
  ".gma-flow-diagram text,.gma-flow-diagram .edge-label text{fill:#000000}\n"
  ".gma-flow-diagram .box,.gma-flow-diagram .edge-label rect{stroke:#000000}\n"
  ".gma-flow-diagram .edge path{stroke:#000000}\n"
  ".gma-flow-diagram .edge .head{fill:#000000}\n"
  ".gma-flow-diagram .node.visited .box{fill:#ffffff;stroke:#003c8f;stroke-width:4}\n"
  ".gma-flow-diagram .edge.visited path{stroke:#003c8f;stroke-width:4}\n"
  ".gma-flow-diagram .edge.visited .head{fill:#003c8f}\n"
  "}\n"
  "@media screen and (prefers-contrast: more) and (prefers-color-scheme: dark){\n"
  ".gma-flow-diagram .bg,.gma-flow-diagram .box,.gma-flow-diagram .intro .box,"
  ".gma-flow-diagram .result .box,.gma-flow-diagram .edge-label rect{fill:#000000}\n"
  ".gma-flow-diagram text,.gma-flow-diagram .edge-label text,.gma-flow-diagram .result .ref{fill:#ffffff}\n"
  ".gma-flow-diagram .box,.gma-flow-diagram .edge-label rect{stroke:#ffffff}\n"
  ".gma-flow-diagram .edge path{stroke:#ffffff}\n"
  ".gma-flow-diagram .edge .head{fill:#ffffff}\n"
  ".gma-flow-diagram .node.visited .box{fill:#000000;stroke:#ffd700}\n"
  ".gma-flow-diagram .edge.visited path{stroke:#ffd700}\n"
  ".gma-flow-diagram .edge.visited .head{fill:#ffd700}\n"
  ".gma-flow-diagram .edge-label.visited text{fill:#ffd700}\n"
  "}\n";

const char *
gma_flow_diagram_get_style_sheet (void)
{
  return style_rules;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Multi-line centred text: one <tspan> per line. */
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
      int y = (int) round_half_up (top + i * line_height + (line_height - font_size) / 2 + font_size * 0.88);

      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\"", (int) cx, y);
      if (i == 0 && first_class != NULL)
        g_string_append_printf (out, " class=\"%s\"", first_class);
      g_string_append_c (out, '>');
      append_escaped (out, g_ptr_array_index (lines, i));
      g_string_append (out, "</text>");
    }
}

static void
append_edge (GString *out,
             Layout  *layout,
             guint    index)
{
  Edge *e = edge_at (layout, index);
  Vertex *from = vertex (layout, e->from);
  double x = e->out_port, y = from->y + from->h;

  g_string_append_printf (out, "<g class=\"edge%s\" id=\"edge-", e->visited ? " visited" : "");
  append_escaped (out, gma_node_get_id (from->node));
  g_string_append_printf (out, "-%u\" data-from=\"", e->answer);
  append_escaped (out, gma_node_get_id (from->node));
  g_string_append (out, "\" data-to=\"");
  append_escaped (out, gma_node_get_id (vertex (layout, e->to)->node));
  g_string_append (out, "\">");

  g_string_append_printf (out, "<path d=\"M%d %d", (int) x, (int) y);
  for (guint k = 1; k < e->chain->len; k++)
    {
      Vertex *v = vertex (layout, g_array_index (e->chain, guint, k));
      gboolean last = k + 1 == e->chain->len;
      double nx = last ? e->in_port : v->x;
      double ny = last ? v->y - ARROW_LENGTH : v->y;
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
    Vertex *to = vertex (layout, e->to);
    int tx = (int) e->in_port, ty = (int) to->y;

    g_string_append_printf (out, "<path class=\"head\" d=\"M%d %dL%d %dL%d %dZ\"/>",
                            tx, ty,
                            (int) (tx - ARROW_HALF), (int) (ty - ARROW_LENGTH - 1),
                            (int) (tx + ARROW_HALF), (int) (ty - ARROW_LENGTH - 1));
  }
  g_string_append (out, "</g>\n");
}

static void
append_label (GString *out,
              Layout  *layout,
              guint    index)
{
  Edge *e = edge_at (layout, index);
  double left = e->label_x - e->label_w / 2;
  double top = e->label_y - e->label_h / 2;

  g_string_append_printf (out,
                          "<g class=\"edge-label%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>",
                          e->visited ? " visited" : "",
                          (int) round_half_up (left), (int) round_half_up (top),
                          (int) round_half_up (e->label_w), (int) round_half_up (e->label_h));
  append_lines (out, e->label_lines, e->label_x, top + LABEL_PAD_Y,
                LABEL_LINE_HEIGHT, LABEL_FONT_SIZE, NULL);
  g_string_append (out, "</g>\n");
}

static void
append_node (GString *out,
             Vertex  *v)
{
  const char *id = gma_node_get_id (v->node);
  const char *kind;
  int left = (int) round_half_up (v->x - v->w / 2);

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
                            (int) (left - RING_OFFSET), (int) (v->y - RING_OFFSET),
                            (int) (v->w + 2 * RING_OFFSET), (int) (v->h + 2 * RING_OFFSET),
                            gma_node_get_kind (v->node) == GMA_NODE_RESULT ? 14 : 9);

  g_string_append_printf (out,
                          "<rect class=\"box\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\"/>",
                          left, (int) v->y, (int) v->w, (int) v->h,
                          gma_node_get_kind (v->node) == GMA_NODE_RESULT ? 10 : 5);
  append_lines (out, v->lines, v->x, v->y + BOX_PAD_Y, LINE_HEIGHT, FONT_SIZE,
                v->has_reference ? "ref" : NULL);
  g_string_append (out, "</a></g>\n");
}

static char *
layout_to_svg (Layout      *layout,
               const Words *words,
               gboolean     with_style)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int w = (int) layout->width, h = (int) layout->height;

  /* The words are constants of this file, never content: no escaping. */
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gma-flow-diagram\" lang=\"%s\" "
                          "viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"gma-flow-diagram-title\">\n"
                          "<title id=\"gma-flow-diagram-title\">%s</title>\n",
                          words->language, w, h, words->title);
  if (with_style)
    {
      g_string_append (out, "<style>\n");
      g_string_append (out, style_rules);
      g_string_append (out, "</style>\n");
    }
  g_string_append_printf (out, "<rect class=\"bg\" width=\"%d\" height=\"%d\"/>\n", w, h);

  /* edges under labels under nodes; highlighted edges on top of others */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->edges->len; i++)
      if (edge_at (layout, i)->visited == (pass == 1))
        append_edge (out, layout, i);
  for (guint i = 0; i < layout->edges->len; i++)
    append_label (out, layout, i);
  for (guint v = 0; v < layout->vertices->len; v++)
    if (vertex (layout, v)->node != NULL)
      append_node (out, vertex (layout, v));

  g_string_append (out, "</svg>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- marks -------------------------------------------------------------------- */

static void
mark_path (Layout             *layout,
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

static char *
diagram_svg (GmaFlow            *flow,
             const char * const *visited,
             const char         *current,
             const char         *language,
             gboolean            with_style)
{
  g_autoptr(Layout) layout = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  guint n;
  int n_layers = 0;

  g_return_val_if_fail (GMA_IS_FLOW (flow), NULL);

  layout = g_new0 (Layout, 1);
  layout->flow = flow;
  layout->vertices = g_array_new (FALSE, TRUE, sizeof (Vertex));
  g_array_set_clear_func (layout->vertices, vertex_clear);
  layout->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  g_array_set_clear_func (layout->edges, edge_clear);
  layout->segs = g_array_new (FALSE, TRUE, sizeof (Segment));
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

  return layout_to_svg (layout, words_for_language (language), with_style);
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
