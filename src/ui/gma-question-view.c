/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-question-view"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-a11y.h"
#include "gma-question-view.h"
#include "gma-resources.h"

#define FEEDBACK_SECONDS 6

struct _GmaQuestionView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *kind_label;
  GtkLabel *reference_label;
  GtkLabel *title_label;
  GtkBox *answers_box;
  GtkWidget *mail_box;
  GtkWidget *result_box;
  GtkWidget *print_button;
  GtkRevealer *feedback_revealer;
  GtkLabel *feedback_label;
  GtkWidget *steps_heading;
  GtkWidget *steps_hint;
  GtkListBox *steps_list;

  /* Owned */
  GmaSession *session;
  GtkPopover *change_popover;
  GPtrArray *answer_buttons;
  guint feedback_timeout;
};

G_DEFINE_FINAL_TYPE (GmaQuestionView, gma_question_view, GTK_TYPE_WIDGET)

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
new_answer_button (const char *label,
                   const char *action_name,
                   GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child = gtk_label_new (label);

  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), child);
  /* GTK 4.8 takes no name from a child label. */
  gma_a11y_set_label (button, label);
  gtk_widget_add_css_class (button, "answer-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static void
update_current (GmaQuestionView *self)
{
  const GmaNode *node = gma_session_get_current (self->session);
  GmaNodeKind kind = gma_node_get_kind (node);
  const char *reference = gma_node_get_reference (node);
  g_autofree char *kind_text = NULL;

  switch (kind)
    {
    case GMA_NODE_INTRO:
      kind_text = g_strdup (_("Introduction"));
      break;

    case GMA_NODE_QUESTION:
      /* Translators: a numbered question of the flowchart */
      kind_text = g_strdup_printf (_("Question %u"), gma_session_get_n_steps (self->session));
      break;

    case GMA_NODE_RESULT:
    default:
      kind_text = g_strdup (_("What to do"));
      break;
    }

  gtk_label_set_text (self->kind_label, kind_text);
  gtk_label_set_text (self->reference_label, reference ? reference : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reference_label), reference != NULL);
  gtk_label_set_text (self->title_label, gma_node_get_title (node));
  gtk_widget_set_visible (self->result_box, kind == GMA_NODE_RESULT);

  if (reference != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "result-title");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "result-title");

  remove_all_children (GTK_WIDGET (self->answers_box));
  g_ptr_array_set_size (self->answer_buttons, 0);

  for (guint i = 0; i < gma_node_get_n_answers (node); i++)
    {
      GtkWidget *button = new_answer_button (gma_node_get_answer_label (node, i),
                                             "wizard.answer",
                                             g_variant_new_uint32 (i));

      if (kind == GMA_NODE_INTRO)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (self->answers_box, button);
      g_ptr_array_add (self->answer_buttons, button);
    }
}

static void
update_steps (GmaQuestionView *self)
{
  guint n_steps = gma_session_get_n_steps (self->session);
  guint shown = 0;

  gtk_popover_popdown (self->change_popover);
  remove_all_children (GTK_WIDGET (self->steps_list));

  for (guint step = 0; step < n_steps; step++)
    {
      const GmaNode *node = gma_session_get_step_node (self->session, step);
      const char *question = gma_node_get_short_title (node);
      const char *answer = gma_node_get_answer_label (node, gma_session_get_step_answer (self->session, step));
      GtkWidget *row, *box, *text, *question_label, *answer_label, *icon;
      g_autofree char *description = NULL;

      /* The intro's "start" is not an answer anybody needs to change. */
      if (gma_node_get_kind (node) == GMA_NODE_INTRO)
        continue;

      question_label = gtk_label_new (question);
      gtk_label_set_xalign (GTK_LABEL (question_label), 0);
      gtk_label_set_wrap (GTK_LABEL (question_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (question_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (question_label, "dim-label");
      gtk_widget_add_css_class (question_label, "caption");

      answer_label = gtk_label_new (answer);
      gtk_label_set_xalign (GTK_LABEL (answer_label), 0);
      gtk_label_set_wrap (GTK_LABEL (answer_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (answer_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (answer_label, "step-answer");

      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), question_label);
      gtk_box_append (GTK_BOX (text), answer_label);

      /* The row's label already says it can be changed. */
      icon = g_object_new (GTK_TYPE_IMAGE,
                           "icon-name", "document-edit-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                           NULL);

      /* A grid, not a horizontal box, for the wrapped labels' sake: see
       * new_row() in gma-faq-sidebar.c. */
      box = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (box), 12);
      gtk_grid_attach (GTK_GRID (box), text, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (box), icon, 1, 0, 1, 1);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_add_css_class (row, "step-row");
      g_object_set_data (G_OBJECT (row), "gma-step", GUINT_TO_POINTER (step));
      description = g_strdup_printf (_("%s: %s. Activate to change this answer."), question, answer);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      gtk_list_box_append (self->steps_list, row);
      shown++;
    }

  gtk_widget_set_visible (self->steps_heading, shown > 0);
  gtk_widget_set_visible (self->steps_hint, shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), shown > 0);
}

static void
on_step_row_activated (GmaQuestionView *self,
                       GtkListBoxRow   *row,
                       GtkListBox      *list)
{
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gma-step"));
  const GmaNode *node = gma_session_get_step_node (self->session, step);
  guint chosen = gma_session_get_step_answer (self->session, step);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (gma_node_get_title (node));
  graphene_rect_t bounds;
  GtkWidget *focus = NULL;

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 24);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < gma_node_get_n_answers (node); i++)
    {
      GtkWidget *button = new_answer_button (gma_node_get_answer_label (node, i),
                                             "wizard.change",
                                             g_variant_new ("(uu)", step, i));

      if (i == chosen)
        {
          gtk_widget_add_css_class (button, "chosen");
          gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_STATE_SELECTED, TRUE,
                                       -1);
        }
      else if (focus == NULL)
        focus = button;
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_popover_set_child (self->change_popover, box);
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };
      gtk_popover_set_pointing_to (self->change_popover, &rect);
    }
  gtk_popover_popup (self->change_popover);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

void
gma_question_view_update (GmaQuestionView *self)
{
  GtkWidget *focus;
  GtkRoot *root;

  g_return_if_fail (GMA_IS_QUESTION_VIEW (self));

  if (self->session == NULL)
    return;

  /* Keep keyboard and screen-reader users on the question: if the focus
   * was on a button about to be replaced, move it to the first answer. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean focus_inside = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  update_current (self);
  update_steps (self);

  if (focus_inside)
    {
      if (self->answer_buttons->len > 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->answer_buttons, 0));
      else
        gtk_widget_grab_focus (gtk_widget_get_first_child (self->result_box));
    }
}

void
gma_question_view_set_session (GmaQuestionView *self,
                               GmaSession      *session)
{
  g_return_if_fail (GMA_IS_QUESTION_VIEW (self));
  g_return_if_fail (!session || GMA_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    gma_question_view_update (self);
}

static gboolean
hide_feedback (gpointer user_data)
{
  GmaQuestionView *self = user_data;

  self->feedback_timeout = 0;
  gtk_revealer_set_reveal_child (self->feedback_revealer, FALSE);

  return G_SOURCE_REMOVE;
}

void
gma_question_view_show_feedback (GmaQuestionView *self,
                                 const char      *message)
{
  g_return_if_fail (GMA_IS_QUESTION_VIEW (self));

  g_clear_handle_id (&self->feedback_timeout, g_source_remove);
  if (message == NULL)
    {
      gtk_revealer_set_reveal_child (self->feedback_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->feedback_label, message);
  /* GTK 4.8 reads a label of role "status" by its class name. */
  gma_a11y_set_label (GTK_WIDGET (self->feedback_label), message);
  gtk_revealer_set_reveal_child (self->feedback_revealer, TRUE);
  self->feedback_timeout = g_timeout_add_seconds (FEEDBACK_SECONDS, hide_feedback, self);
}

void
gma_question_view_set_print_visible (GmaQuestionView *self,
                                     gboolean         visible)
{
  g_return_if_fail (GMA_IS_QUESTION_VIEW (self));
  gtk_widget_set_visible (self->print_button, visible);
}

void
gma_question_view_set_mail_visible (GmaQuestionView *self,
                                    gboolean         visible)
{
  g_return_if_fail (GMA_IS_QUESTION_VIEW (self));
  gtk_widget_set_visible (self->mail_box, visible);
}

GtkWidget *
gma_question_view_get_answer_button (GmaQuestionView *self,
                                     guint            index)
{
  g_return_val_if_fail (GMA_IS_QUESTION_VIEW (self), NULL);

  if (index >= self->answer_buttons->len)
    return NULL;
  return g_ptr_array_index (self->answer_buttons, index);
}

GtkWidget *
gma_question_view_get_step_row (GmaQuestionView *self,
                                guint            step)
{
  g_return_val_if_fail (GMA_IS_QUESTION_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gma-step")) == step)
      return row;

  return NULL;
}

GtkPopover *
gma_question_view_get_change_popover (GmaQuestionView *self)
{
  g_return_val_if_fail (GMA_IS_QUESTION_VIEW (self), NULL);
  return self->change_popover;
}

static void
gma_question_view_dispose (GObject *object)
{
  GmaQuestionView *self = GMA_QUESTION_VIEW (object);

  g_clear_handle_id (&self->feedback_timeout, g_source_remove);
  if (self->change_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->change_popover));
      self->change_popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GMA_TYPE_QUESTION_VIEW);
  g_clear_object (&self->session);
  g_clear_pointer (&self->answer_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (gma_question_view_parent_class)->dispose (object);
}

static void
gma_question_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GmaQuestionView *self = GMA_QUESTION_VIEW (widget);

  GTK_WIDGET_CLASS (gma_question_view_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (self->change_popover);
}

static void
gma_question_view_class_init (GmaQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_question_view_dispose;
  widget_class->size_allocate = gma_question_view_size_allocate;

  gma_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gma-question-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, reference_label);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, answers_box);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, mail_box);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, result_box);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, print_button);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, feedback_revealer);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, steps_hint);
  gtk_widget_class_bind_template_child (widget_class, GmaQuestionView, steps_list);
  gtk_widget_class_set_css_name (widget_class, "questionview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gma_question_view_init (GmaQuestionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gma_a11y_hide_when_closed (self->feedback_revealer);
  self->answer_buttons = g_ptr_array_new ();
  self->change_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->change_popover), GTK_WIDGET (self));
  gtk_popover_set_position (self->change_popover, GTK_POS_BOTTOM);

  g_signal_connect_object (self->steps_list, "row-activated",
                           G_CALLBACK (on_step_row_activated), self,
                           G_CONNECT_SWAPPED);
}
