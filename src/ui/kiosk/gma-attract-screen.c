/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-attract-screen"

#include "config.h"

#include <glib/gi18n.h>

#include "gma-attract-screen.h"

/* What a kiosk shows between visitors: large, calm, and one touch away
 * from the first question. */

struct _GmaAttractScreen
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (GmaAttractScreen, gma_attract_screen, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
click_pressed_cb (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  GmaAttractScreen *self)
{
  /* The whole touch is ours: the release must not reach the screen that
   * replaces this one. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
click_released_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   GmaAttractScreen *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_signal_emit (widget, signals[ACTIVATED], 0);
}

static void
gma_attract_screen_dispose (GObject *object)
{
  GmaAttractScreen *self = (GmaAttractScreen *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (gma_attract_screen_parent_class)->dispose (object);
}

static void
gma_attract_screen_class_init (GmaAttractScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_attract_screen_dispose;

  /**
   * GmaAttractScreen::activated:
   *
   * A visitor touched the screen (or pressed Enter or Space on it).
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "attract.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "attract.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "attract.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "attract.activate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attractscreen");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
gma_attract_screen_init (GmaAttractScreen *self)
{
  GtkGesture *click;
  GtkWidget *title;
  GtkWidget *summary;
  GtkWidget *prompt;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 36);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = label_new (_("G-MIS Mail Assistant"), "attract-title");
  gtk_box_append (GTK_BOX (self->box), title);

  summary = label_new (_("Shows what to do when the account issue notification email "
                         "has not arrived, when the URL in the email cannot be opened, "
                         "and in similar trouble."),
                       "attract-summary");
  gtk_box_append (GTK_BOX (self->box), summary);

  prompt = label_new (_("Touch the screen to start"), "attract-prompt");
  gtk_box_append (GTK_BOX (self->box), prompt);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Touch the screen to start"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, title, summary, NULL,
                                  -1);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-attract");
}

/**
 * gma_attract_screen_new:
 *
 * Returns: (transfer floating): a new attract screen
 */
GtkWidget *
gma_attract_screen_new (void)
{
  return g_object_new (GMA_TYPE_ATTRACT_SCREEN, NULL);
}
