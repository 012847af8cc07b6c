/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow.c: the guide's flowchart as an immutable, validated graph */

#define G_LOG_DOMAIN "gma-flow"

#include "config.h"

#include <string.h>

#include "gma-flow.h"

struct _GmaNode
{
  char        *id;
  GmaNodeKind  kind;
  gboolean     kind_known;
  guint        index;          /* position in GmaFlow.nodes */
  guint        file_index;     /* position in $.nodes, for messages */
  char        *title;
  char        *short_title;
  char        *reference;
  char        *page;
  GArray      *answers;        /* GmaAnswer */
  char       **urls;
  char       **faq;
  char       **keywords;
};

typedef struct
{
  char    *label;
  char    *next;
  guint    file_index;         /* position in $.nodes[N].answers */
  GmaNode *target;             /* borrowed, set after parsing */
} GmaAnswer;

struct _GmaFlow
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *nodes;           /* GmaNode * */
  GHashTable *by_id;           /* id → GmaNode * (borrowed) */
  char       *edition;
  char       *source;

  /* Borrowed */
  GmaNode    *start;
};

G_DEFINE_FINAL_TYPE (GmaFlow, gma_flow, G_TYPE_OBJECT)

static const char * const empty_strv[] = { NULL };

static void
gma_node_free (GmaNode *node)
{
  g_free (node->id);
  g_free (node->title);
  g_free (node->short_title);
  g_free (node->reference);
  g_free (node->page);
  g_clear_pointer (&node->answers, g_array_unref);
  g_strfreev (node->urls);
  g_strfreev (node->faq);
  g_strfreev (node->keywords);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaNode, gma_node_free)

static void
gma_answer_clear (gpointer data)
{
  GmaAnswer *answer = data;

  g_clear_pointer (&answer->label, g_free);
  g_clear_pointer (&answer->next, g_free);
}

static inline GmaAnswer *
node_answer (const GmaNode *node,
             guint          i)
{
  return &g_array_index (node->answers, GmaAnswer, i);
}

static void
gma_flow_finalize (GObject *object)
{
  GmaFlow *self = (GmaFlow *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edition, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (gma_flow_parent_class)->finalize (object);
}

static void
gma_flow_class_init (GmaFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gma_flow_finalize;
}

static void
gma_flow_init (GmaFlow *self)
{
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gma_node_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static const char *
kind_name (GmaNodeKind kind)
{
  switch (kind)
    {
    case GMA_NODE_INTRO:
      return "an intro";
    case GMA_NODE_QUESTION:
      return "a question";
    case GMA_NODE_RESULT:
    default:
      return "a result";
    }
}

/* A path under pages/, by the same rule as every path of a content set
 * (gma_content_path_is_safe()). */
static gboolean
page_path_is_valid (const char *page)
{
  return g_str_has_prefix (page, "pages/") && gma_content_path_is_safe (page);
}

/* An array of strings; each element is checked by @check (NULL: any
 * string). Returns NULL (after problems) when something is wrong. */
static char **
parse_string_list (JsonObject  *object,
                   const char  *member,
                   const char  *file,
                   const char  *path,
                   GmaProblems *problems,
                   gboolean   (*check) (const char *value,
                                        const char *file,
                                        const char *path,
                                        GmaProblems *problems))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *where = gma_json_path_member (path, member);
  JsonArray *array;
  gboolean ok = TRUE;

  if (!json_object_has_member (object, member))
    return g_strv_builder_end (builder);

  array = gma_json_get_array (object, member, FALSE, file, path, problems);
  if (array == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = gma_json_path_index (where, i);
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        {
          gma_problems_add (problems, file, element_path, "must be a string");
          ok = FALSE;
          continue;
        }

      value = json_node_get_string (element);
      if (check != NULL && !check (value, file, element_path, problems))
        {
          ok = FALSE;
          continue;
        }

      g_strv_builder_add (builder, value);
    }

  if (!ok)
    return NULL;

  return g_strv_builder_end (builder);
}

static gboolean
check_url (const char  *value,
           const char  *file,
           const char  *path,
           GmaProblems *problems)
{
  if (!g_str_has_prefix (value, "https://") || value[strlen ("https://")] == '\0')
    {
      gma_problems_add (problems, file, path,
                        "“%s” is not an https:// URL; only https:// URLs may be listed",
                        value);
      return FALSE;
    }

  for (const char *p = value; *p; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20)
      {
        gma_problems_add (problems, file, path, "the URL “%s” contains white space", value);
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_faq_id (const char  *value,
              const char  *file,
              const char  *path,
              GmaProblems *problems)
{
  if (!gma_faq_id_is_valid (value))
    {
      gma_problems_add (problems, file, path,
                        "“%s” is not an FAQ id; FAQ ids look like \"faq-3-1\"", value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_node_id (const char  *id,
               const char  *file,
               const char  *path,
               GmaProblems *problems)
{
  if (!gma_flow_id_is_valid (id))
    {
      gma_problems_add (problems, file, path,
                        "“%s” is not a valid id; ids are made of ASCII letters, digits and "
                        "“-” (no spaces)", id);
      return FALSE;
    }

  return TRUE;
}

/* Reads one node; NULL when it is too broken to take part in the graph
 * checks (no usable id or kind). Other problems are appended but the node
 * is still returned. */
static GmaNode *
parse_node (JsonNode            *json,
            guint                index,
            const char * const  *languages,
            const char          *file,
            const char          *path,
            GmaProblems         *problems)
{
  g_autoptr(GmaNode) node = NULL;
  JsonObject *object;
  const char *id;
  const char *kind;
  const char *page;
  JsonArray *answers;
  g_autoptr(GHashTable) labels_seen = NULL;
  g_autofree char *answers_path = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      gma_problems_add (problems, file, path, "each node must be an object ({ … })");
      return NULL;
    }
  object = json_node_get_object (json);

  node = g_new0 (GmaNode, 1);
  node->file_index = index;
  node->answers = g_array_new (FALSE, TRUE, sizeof (GmaAnswer));
  g_array_set_clear_func (node->answers, gma_answer_clear);

  id = gma_json_get_string (object, "id", FALSE, file, path, problems);
  if (id != NULL)
    {
      g_autofree char *id_path = gma_json_path_member (path, "id");

      if (!check_node_id (id, file, id_path, problems))
        id = NULL;
    }

  kind = gma_json_get_string (object, "kind", FALSE, file, path, problems);
  if (kind != NULL)
    {
      node->kind_known = TRUE;
      if (g_str_equal (kind, "intro"))
        node->kind = GMA_NODE_INTRO;
      else if (g_str_equal (kind, "question"))
        node->kind = GMA_NODE_QUESTION;
      else if (g_str_equal (kind, "result"))
        node->kind = GMA_NODE_RESULT;
      else
        {
          g_autofree char *kind_path = gma_json_path_member (path, "kind");

          gma_problems_add (problems, file, kind_path,
                            "unknown kind “%s”; use \"intro\", \"question\" or \"result\"",
                            kind);
          node->kind_known = FALSE;
          kind = NULL;
        }
    }

  node->title = gma_json_get_text (object, "title", FALSE, languages, file, path, problems);
  node->short_title = gma_json_get_text (object, "short-title", TRUE, languages,
                                         file, path, problems);
  node->reference = gma_json_get_text (object, "reference", TRUE, languages,
                                       file, path, problems);

  page = gma_json_get_string (object, "page", TRUE, file, path, problems);
  if (page != NULL)
    {
      if (page_path_is_valid (page))
        node->page = g_strdup (page);
      else
        {
          g_autofree char *page_path = gma_json_path_member (path, "page");

          gma_problems_add (problems, file, page_path,
                            "“%s” is not a file under pages/ (write it like "
                            "\"pages/remedy-1.html\"; no “..”, “.” or empty parts, no "
                            "“\\”, “:” or control characters)", page);
        }
    }
  else if (kind != NULL && node->kind != GMA_NODE_QUESTION &&
           !json_object_has_member (object, "page"))
    {
      g_autofree char *page_path = gma_json_path_member (path, "page");

      gma_problems_add (problems, file, page_path,
                        "%s node needs a page; add \"page\": \"pages/….html\"",
                        node->kind == GMA_NODE_INTRO ? "an intro" : "a result");
    }

  node->urls = parse_string_list (object, "urls", file, path, problems, check_url);
  node->faq = parse_string_list (object, "faq", file, path, problems, check_faq_id);
  if (json_object_has_member (object, "keywords"))
    node->keywords = gma_json_get_text_list (object, "keywords", TRUE, languages,
                                             file, path, problems);
  else
    node->keywords = g_new0 (char *, 1);

  /* Answers */
  answers_path = gma_json_path_member (path, "answers");
  answers = gma_json_get_array (object, "answers", TRUE, file, path, problems);
  labels_seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (answers != NULL)
    {
      for (guint i = 0; i < json_array_get_length (answers); i++)
        {
          JsonNode *answer_json = json_array_get_element (answers, i);
          g_autofree char *answer_path = gma_json_path_index (answers_path, i);
          JsonObject *answer;
          char *label;
          const char *next;

          if (!JSON_NODE_HOLDS_OBJECT (answer_json))
            {
              gma_problems_add (problems, file, answer_path,
                                "each answer must be an object {\"label\": …, \"next\": …}");
              continue;
            }
          answer = json_node_get_object (answer_json);

          label = gma_json_get_text (answer, "label", FALSE, languages,
                                     file, answer_path, problems);
          next = gma_json_get_string (answer, "next", FALSE, file, answer_path, problems);

          if (label != NULL)
            {
              /* Labels are compared in Japanese, the authoritative text,
               * so that the check does not depend on the desktop's
               * language. */
              JsonObject *map = json_object_get_object_member (answer, "label");
              const char *ja = json_object_get_string_member (map, "ja");

              if (g_hash_table_contains (labels_seen, ja))
                {
                  g_autofree char *label_path = gma_json_path_member (answer_path, "label");

                  gma_problems_add (problems, file, label_path,
                                    "the label “%s” is used by another answer of this node; "
                                    "each answer needs its own label", ja);
                }
              else
                g_hash_table_add (labels_seen, (gpointer) ja);
            }

          if (next != NULL)
            {
              g_autofree char *next_path = gma_json_path_member (answer_path, "next");

              if (!check_node_id (next, file, next_path, problems))
                next = NULL;
            }

          if (label != NULL && next != NULL)
            {
              GmaAnswer a = { label, g_strdup (next), i, NULL };

              g_array_append_val (node->answers, a);
            }
          else
            g_free (label);
        }
    }

  if (kind != NULL)
    {
      guint n = answers != NULL ? json_array_get_length (answers) : 0;

      if (node->kind == GMA_NODE_RESULT && n > 0)
        gma_problems_add (problems, file, answers_path,
                          "a result ends the walk and must have no answers; remove them or "
                          "make the node a question");
      else if (node->kind == GMA_NODE_INTRO && n < 1)
        gma_problems_add (problems, file, answers_path,
                          "an intro needs at least one answer (the button that starts the "
                          "walk)");
      else if (node->kind == GMA_NODE_QUESTION && n < 2)
        gma_problems_add (problems, file, answers_path,
                          "a question needs at least two answers, it has %u", n);
    }

  if (id == NULL)
    return NULL;

  node->id = g_strdup (id);

  if (node->urls == NULL)
    node->urls = g_new0 (char *, 1);
  if (node->faq == NULL)
    node->faq = g_new0 (char *, 1);
  if (node->keywords == NULL)
    node->keywords = g_new0 (char *, 1);

  return g_steal_pointer (&node);
}

static char *
node_path (GmaNode *node)
{
  return g_strdup_printf ("$.nodes[%u]", node->file_index);
}

/* Iterative depth-first search; reports every answer that closes a loop. */
static void
check_acyclic (GmaFlow     *self,
               const char  *file,
               GmaProblems *problems)
{
  enum { WHITE, GREY, BLACK };
  g_autofree guint8 *colour = g_new0 (guint8, self->nodes->len);
  g_autofree guint *next_answer = g_new0 (guint, self->nodes->len);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  for (guint root = 0; root < self->nodes->len; root++)
    {
      GmaNode *first = g_ptr_array_index (self->nodes, root);

      if (colour[first->index] != WHITE)
        continue;

      colour[first->index] = GREY;
      g_ptr_array_add (stack, first);

      while (stack->len > 0)
        {
          GmaNode *node = g_ptr_array_index (stack, stack->len - 1);
          guint i = next_answer[node->index];
          GmaNode *target;

          if (i >= node->answers->len)
            {
              colour[node->index] = BLACK;
              g_ptr_array_set_size (stack, stack->len - 1);
              continue;
            }

          next_answer[node->index]++;
          target = node_answer (node, i)->target;
          if (target == NULL)
            continue;

          if (colour[target->index] == WHITE)
            {
              colour[target->index] = GREY;
              g_ptr_array_add (stack, target);
            }
          else if (colour[target->index] == GREY)
            {
              g_autoptr(GString) loop = g_string_new (NULL);
              g_autofree char *where = g_strdup_printf ("$.nodes[%u].answers[%u].next",
                                                        node->file_index,
                                                        node_answer (node, i)->file_index);
              guint from = 0;

              while (g_ptr_array_index (stack, from) != target)
                from++;
              for (guint k = from; k < stack->len; k++)
                {
                  GmaNode *n = g_ptr_array_index (stack, k);

                  g_string_append_printf (loop, "%s → ", n->id);
                }
              g_string_append (loop, target->id);

              gma_problems_add (problems, file, where,
                                "this answer leads back to “%s” and makes a loop (%s); the "
                                "flow must not contain loops", target->id, loop->str);
            }
        }
    }
}

static void
link_and_check_graph (GmaFlow     *self,
                      const char  *start_id,
                      const char  *file,
                      GmaProblems *problems)
{
  g_autofree gboolean *reached = NULL;
  g_autoptr(GQueue) queue = NULL;

  /* Every answer leads somewhere */
  for (guint n = 0; n < self->nodes->len; n++)
    {
      GmaNode *node = g_ptr_array_index (self->nodes, n);

      for (guint i = 0; i < node->answers->len; i++)
        {
          GmaAnswer *answer = node_answer (node, i);

          answer->target = g_hash_table_lookup (self->by_id, answer->next);
          if (answer->target == NULL)
            {
              g_autofree char *where = g_strdup_printf ("$.nodes[%u].answers[%u].next",
                                                        node->file_index,
                                                        answer->file_index);

              gma_problems_add (problems, file, where,
                                "no node has the id “%s”; this answer leads nowhere",
                                answer->next);
            }
        }
    }

  /* The start node */
  if (start_id != NULL)
    {
      self->start = g_hash_table_lookup (self->by_id, start_id);
      if (self->start == NULL)
        gma_problems_add (problems, file, "$.start",
                          "no node has the id “%s”; name the intro node here", start_id);
      else if (self->start->kind_known && self->start->kind != GMA_NODE_INTRO)
        gma_problems_add (problems, file, "$.start",
                          "the start node “%s” is %s; it must be an intro", start_id,
                          kind_name (self->start->kind));
    }

  check_acyclic (self, file, problems);

  if (self->start == NULL)
    return;

  /* Reachability: breadth-first from the start node */
  reached = g_new0 (gboolean, self->nodes->len);
  queue = g_queue_new ();
  reached[self->start->index] = TRUE;
  g_queue_push_tail (queue, self->start);

  while (!g_queue_is_empty (queue))
    {
      GmaNode *node = g_queue_pop_head (queue);

      for (guint i = 0; i < node->answers->len; i++)
        {
          GmaNode *target = node_answer (node, i)->target;

          if (target != NULL && !reached[target->index])
            {
              reached[target->index] = TRUE;
              g_queue_push_tail (queue, target);
            }
        }
    }

  for (guint n = 0; n < self->nodes->len; n++)
    {
      GmaNode *node = g_ptr_array_index (self->nodes, n);
      g_autofree char *where = node_path (node);

      if (!reached[node->index])
        {
          gma_problems_add (problems, file, where,
                            "the node “%s” cannot be reached from the start node “%s”; no "
                            "answer leads to it", node->id, self->start->id);
          continue;
        }

      /* Every walk must end on a result: a reached node that is not a
       * result must offer a way on. (Loops are reported above.) */
      if (node->kind_known && node->kind != GMA_NODE_RESULT && node->answers->len == 0)
        gma_problems_add (problems, file, where,
                          "a walk can stop at “%s”, which is %s and not a result; every "
                          "walk must end on a result", node->id, kind_name (node->kind));
    }
}

GmaFlow *
gma_flow_new_from_json (JsonNode            *root,
                        const char * const  *languages,
                        const char          *file,
                        GmaProblems         *problems)
{
  g_autoptr(GmaFlow) self = NULL;
  JsonObject *object;
  JsonArray *nodes;
  const char *start_id;
  guint before;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (file == NULL)
    file = "flow.json";

  before = problems->len;

  object = gma_json_get_root_object (root, file, problems);
  if (object == NULL)
    return NULL;
  self = g_object_new (GMA_TYPE_FLOW, NULL);

  self->edition = gma_json_get_text (object, "edition", FALSE, languages, file, "$", problems);
  self->source = gma_json_get_text (object, "source", FALSE, languages, file, "$", problems);

  start_id = gma_json_get_string (object, "start", FALSE, file, "$", problems);
  if (start_id != NULL && !check_node_id (start_id, file, "$.start", problems))
    start_id = NULL;

  nodes = gma_json_get_array (object, "nodes", FALSE, file, "$", problems);
  if (nodes != NULL && json_array_get_length (nodes) == 0)
    gma_problems_add (problems, file, "$.nodes", "the flow has no nodes");

  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      g_autofree char *path = gma_json_path_index ("$.nodes", i);
      GmaNode *node = parse_node (json_array_get_element (nodes, i), i, languages,
                                  file, path, problems);
      GmaNode *other;

      /* A node without a usable id takes no part in the graph checks. */
      if (node == NULL)
        continue;

      other = g_hash_table_lookup (self->by_id, node->id);
      if (other != NULL)
        {
          g_autofree char *id_path = gma_json_path_member (path, "id");

          gma_problems_add (problems, file, id_path,
                            "the id “%s” is already used by $.nodes[%u]; ids must be unique",
                            node->id, other->file_index);
          gma_node_free (node);
          continue;
        }

      node->index = self->nodes->len;
      g_ptr_array_add (self->nodes, node);
      g_hash_table_insert (self->by_id, node->id, node);
    }

  /* The graph checks run even after other problems, so that one run
   * reports everything (but not when there are no nodes at all). */
  if (nodes != NULL)
    link_and_check_graph (self, start_id, file, problems);

  if (problems->len > before)
    return NULL;

  return g_steal_pointer (&self);
}

const GmaNode *
gma_flow_get_start (GmaFlow *self)
{
  g_return_val_if_fail (GMA_IS_FLOW (self), NULL);

  return self->start;
}

const GmaNode *
gma_flow_lookup (GmaFlow    *self,
                 const char *id)
{
  g_return_val_if_fail (GMA_IS_FLOW (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

guint
gma_flow_get_n_nodes (GmaFlow *self)
{
  g_return_val_if_fail (GMA_IS_FLOW (self), 0);

  return self->nodes->len;
}

const GmaNode *
gma_flow_get_node (GmaFlow *self,
                   guint    index)
{
  g_return_val_if_fail (GMA_IS_FLOW (self), NULL);

  if (index >= self->nodes->len)
    return NULL;

  return g_ptr_array_index (self->nodes, index);
}

const char *
gma_flow_get_edition (GmaFlow *self)
{
  g_return_val_if_fail (GMA_IS_FLOW (self), NULL);

  return self->edition;
}

const char *
gma_flow_get_source (GmaFlow *self)
{
  g_return_val_if_fail (GMA_IS_FLOW (self), NULL);

  return self->source;
}

static void
append_dot_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
gma_flow_to_dot (GmaFlow *self)
{
  GString *out;

  g_return_val_if_fail (GMA_IS_FLOW (self), NULL);

  out = g_string_new ("digraph flow {\n");

  for (guint n = 0; n < self->nodes->len; n++)
    {
      GmaNode *node = g_ptr_array_index (self->nodes, n);

      for (guint i = 0; i < node->answers->len; i++)
        {
          GmaAnswer *answer = node_answer (node, i);

          g_string_append (out, "  ");
          append_dot_string (out, node->id);
          g_string_append (out, " -> ");
          append_dot_string (out, answer->next);
          g_string_append (out, " [label=");
          append_dot_string (out, answer->label);
          g_string_append (out, "];\n");
        }
    }

  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

const char *
gma_node_get_id (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->id;
}

GmaNodeKind
gma_node_get_kind (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, GMA_NODE_RESULT);

  return node->kind;
}

const char *
gma_node_get_title (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->title;
}

const char *
gma_node_get_short_title (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->short_title != NULL ? node->short_title : node->title;
}

const char *
gma_node_get_reference (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->reference;
}

const char *
gma_node_get_page (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->page;
}

guint
gma_node_get_n_answers (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  return node->answers->len;
}

const char *
gma_node_get_answer_label (const GmaNode *node,
                           guint          index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (index < node->answers->len, NULL);

  return node_answer (node, index)->label;
}

const GmaNode *
gma_node_get_answer_target (const GmaNode *node,
                            guint          index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (index < node->answers->len, NULL);

  return node_answer (node, index)->target;
}

const char * const *
gma_node_get_urls (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, empty_strv);

  return (const char * const *) node->urls;
}

const char * const *
gma_node_get_faq (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, empty_strv);

  return (const char * const *) node->faq;
}

const char * const *
gma_node_get_keywords (const GmaNode *node)
{
  g_return_val_if_fail (node != NULL, empty_strv);

  return (const char * const *) node->keywords;
}
