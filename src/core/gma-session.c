/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-session.c: one walk through the flow */

#define G_LOG_DOMAIN "gma-session"

#include "config.h"

#include "gma-session.h"

typedef struct
{
  const GmaNode *node;
  guint          answer;
} Step;

struct _GmaSession
{
  GObject        parent_instance;

  /* Owned */
  GmaFlow       *flow;
  GArray        *steps;     /* Step */

  /* Borrowed (from flow) */
  const GmaNode *current;
};

G_DEFINE_FINAL_TYPE (GmaSession, gma_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FLOW,
  PROP_CURRENT_NODE_ID,
  PROP_CAN_GO_BACK,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
steps_equal (GArray *a,
             GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      Step *step_a = &g_array_index (a, Step, i);
      Step *step_b = &g_array_index (b, Step, i);

      if (step_a->node != step_b->node || step_a->answer != step_b->answer)
        return FALSE;
    }

  return TRUE;
}

/* Replaces the walk by @steps (taken) ending on @current, and tells
 * listeners if anything changed. */
static void
gma_session_set_walk (GmaSession    *self,
                      GArray        *steps,
                      const GmaNode *current)
{
  g_autoptr(GArray) old_steps = self->steps;
  const GmaNode *old_current = self->current;
  gboolean old_can_go_back = old_steps->len > 0;
  gboolean same = old_current == current && steps_equal (old_steps, steps);

  self->steps = steps;
  self->current = current;

  if (same)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (old_current != current)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_NODE_ID]);
  if (old_can_go_back != (steps->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static GArray *
copy_steps (GmaSession *self,
            guint       n)
{
  GArray *steps = g_array_sized_new (FALSE, FALSE, sizeof (Step), n + 1);

  g_array_append_vals (steps, self->steps->data, MIN (n, self->steps->len));
  return steps;
}

static void
gma_session_constructed (GObject *object)
{
  GmaSession *self = (GmaSession *)object;

  G_OBJECT_CLASS (gma_session_parent_class)->constructed (object);

  g_assert (GMA_IS_FLOW (self->flow));
  self->current = gma_flow_get_start (self->flow);
}

static void
gma_session_finalize (GObject *object)
{
  GmaSession *self = (GmaSession *)object;

  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (gma_session_parent_class)->finalize (object);
}

static void
gma_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GmaSession *self = GMA_SESSION (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      g_value_set_object (value, self->flow);
      break;

    case PROP_CURRENT_NODE_ID:
      g_value_set_string (value, self->current ? gma_node_get_id (self->current) : NULL);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, gma_session_can_go_back (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GmaSession *self = GMA_SESSION (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      self->flow = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_session_class_init (GmaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gma_session_constructed;
  object_class->finalize = gma_session_finalize;
  object_class->get_property = gma_session_get_property;
  object_class->set_property = gma_session_set_property;

  properties[PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL,
                         GMA_TYPE_FLOW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT_NODE_ID] =
    g_param_spec_string ("current-node-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GmaSession::changed:
   *
   * Emitted once after every change of the walk (answers or current node).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
gma_session_init (GmaSession *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
}

GmaSession *
gma_session_new (GmaFlow *flow)
{
  g_return_val_if_fail (GMA_IS_FLOW (flow), NULL);

  return g_object_new (GMA_TYPE_SESSION,
                       "flow", flow,
                       NULL);
}

GmaFlow *
gma_session_get_flow (GmaSession *self)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), NULL);

  return self->flow;
}

const GmaNode *
gma_session_get_current (GmaSession *self)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), NULL);

  return self->current;
}

guint
gma_session_get_n_steps (GmaSession *self)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), 0);

  return self->steps->len;
}

const GmaNode *
gma_session_get_step_node (GmaSession *self,
                           guint       step)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  return g_array_index (self->steps, Step, step).node;
}

guint
gma_session_get_step_answer (GmaSession *self,
                             guint       step)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);

  return g_array_index (self->steps, Step, step).answer;
}

gboolean
gma_session_answer (GmaSession *self,
                    guint       answer)
{
  GArray *steps;
  Step step;

  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);

  if (self->current == NULL || answer >= gma_node_get_n_answers (self->current))
    return FALSE;

  step.node = self->current;
  step.answer = answer;
  steps = copy_steps (self, self->steps->len);
  g_array_append_val (steps, step);

  gma_session_set_walk (self, steps, gma_node_get_answer_target (self->current, answer));

  return TRUE;
}

gboolean
gma_session_back (GmaSession *self)
{
  const GmaNode *previous;

  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);

  if (self->steps->len == 0)
    return FALSE;

  previous = g_array_index (self->steps, Step, self->steps->len - 1).node;
  gma_session_set_walk (self, copy_steps (self, self->steps->len - 1), previous);

  return TRUE;
}

gboolean
gma_session_change (GmaSession *self,
                    guint       step,
                    guint       answer)
{
  const GmaNode *node;
  GArray *steps;
  Step new_step;

  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);

  if (step >= self->steps->len)
    return FALSE;

  node = g_array_index (self->steps, Step, step).node;
  if (answer >= gma_node_get_n_answers (node))
    return FALSE;

  /* The same answer again changes nothing: the later answers stay. */
  if (g_array_index (self->steps, Step, step).answer == answer)
    return TRUE;

  new_step.node = node;
  new_step.answer = answer;
  steps = copy_steps (self, step);
  g_array_append_val (steps, new_step);

  gma_session_set_walk (self, steps, gma_node_get_answer_target (node, answer));

  return TRUE;
}

void
gma_session_restart (GmaSession *self)
{
  g_return_if_fail (GMA_IS_SESSION (self));

  gma_session_set_walk (self, copy_steps (self, 0), gma_flow_get_start (self->flow));
}

gboolean
gma_session_jump_to (GmaSession *self,
                     const char *id)
{
  const GmaNode *start;
  const GmaNode *goal;
  g_autoptr(GHashTable) parent = NULL;   /* node → Step that reached it */
  g_autoptr(GQueue) queue = NULL;
  g_autoptr(GPtrArray) path = NULL;
  GArray *steps;
  gboolean found = FALSE;

  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);

  start = gma_flow_get_start (self->flow);
  goal = gma_flow_lookup (self->flow, id);
  if (goal == NULL || start == NULL)
    return FALSE;

  /* Breadth-first from the start, answers in order: the first path
   * found is the shortest, and among those the one with earlier answers. */
  parent = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  queue = g_queue_new ();
  g_hash_table_insert (parent, (gpointer) start, NULL);
  g_queue_push_tail (queue, (gpointer) start);

  while (!found && !g_queue_is_empty (queue))
    {
      const GmaNode *node = g_queue_pop_head (queue);

      if (node == goal)
        {
          found = TRUE;
          break;
        }

      for (guint i = 0; i < gma_node_get_n_answers (node); i++)
        {
          const GmaNode *target = gma_node_get_answer_target (node, i);
          Step *via;

          if (g_hash_table_contains (parent, target))
            continue;

          via = g_new (Step, 1);
          via->node = node;
          via->answer = i;
          g_hash_table_insert (parent, (gpointer) target, via);
          g_queue_push_tail (queue, (gpointer) target);
        }
    }

  if (!found)
    return FALSE;

  path = g_ptr_array_new ();
  for (const GmaNode *node = goal; node != start; )
    {
      Step *via = g_hash_table_lookup (parent, node);

      g_ptr_array_add (path, via);
      node = via->node;
    }

  steps = g_array_sized_new (FALSE, FALSE, sizeof (Step), path->len);
  for (guint i = path->len; i > 0; i--)
    g_array_append_val (steps, *(Step *) g_ptr_array_index (path, i - 1));

  gma_session_set_walk (self, steps, goal);

  return TRUE;
}

gboolean
gma_session_can_go_back (GmaSession *self)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);

  return self->steps->len > 0;
}

GmaSession *
gma_session_copy (GmaSession *self)
{
  GmaSession *copy;

  g_return_val_if_fail (GMA_IS_SESSION (self), NULL);

  copy = gma_session_new (self->flow);
  gma_session_set_walk (copy, copy_steps (self, self->steps->len), self->current);

  return copy;
}

gboolean
gma_session_same_walk (GmaSession *self,
                       GmaSession *other)
{
  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GMA_IS_SESSION (other), FALSE);

  return self->current == other->current && steps_equal (self->steps, other->steps);
}

static gboolean
same_id (const GmaNode *a,
         const GmaNode *b)
{
  return a != NULL && b != NULL && g_str_equal (gma_node_get_id (a), gma_node_get_id (b));
}

gboolean
gma_session_replay (GmaSession *self,
                    GmaSession *other)
{
  g_autoptr(GArray) steps = NULL;
  const GmaNode *node;

  g_return_val_if_fail (GMA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GMA_IS_SESSION (other), FALSE);

  /* Built whole and set once: one "changed", and none for a walk that
   * cannot be made. */
  node = gma_flow_get_start (self->flow);
  steps = g_array_sized_new (FALSE, FALSE, sizeof (Step), other->steps->len + 1);
  for (guint i = 0; i < other->steps->len; i++)
    {
      const Step *theirs = &g_array_index (other->steps, Step, i);
      Step mine = { node, theirs->answer };

      if (!same_id (node, theirs->node) || theirs->answer >= gma_node_get_n_answers (node))
        break;
      g_array_append_val (steps, mine);
      node = gma_node_get_answer_target (node, theirs->answer);
    }

  if (steps->len != other->steps->len || !same_id (node, other->current))
    {
      gma_session_restart (self);
      return FALSE;
    }

  gma_session_set_walk (self, g_steal_pointer (&steps), node);
  return TRUE;
}
