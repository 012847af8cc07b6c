/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-idle-overlay"

#include "config.h"

#include <glib/gi18n.h>

#include "gma-idle-overlay.h"

/* Covers the whole window when a kiosk session has been idle: asks
 * whether the visitor is still there and counts down to the reset. A touch
 * anywhere on it, not only on the button, means “continue”. */

struct _GmaIdleOverlay
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *box;
  GtkWidget *title_label;
  GtkWidget *countdown_label;
  GtkWidget *continue_button;

  guint      remaining;
  guint      tick_id;
};

G_DEFINE_FINAL_TYPE (GmaIdleOverlay, gma_idle_overlay, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REMAINING,
  N_PROPS
};

enum {
  CONTINUE,
  TIMEOUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_countdown (GmaIdleOverlay *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("Returning to the start screen in %u second",
                                    "Returning to the start screen in %u seconds",
                                    self->remaining),
                          self->remaining);
  gtk_label_set_text (GTK_LABEL (self->countdown_label), text);
}

static void
set_remaining (GmaIdleOverlay *self,
               guint           remaining)
{
  if (self->remaining == remaining)
    return;

  self->remaining = remaining;
  update_countdown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

static gboolean
tick_cb (gpointer user_data)
{
  GmaIdleOverlay *self = user_data;

  set_remaining (self, self->remaining - 1);

  if (self->remaining > 0)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  g_signal_emit (self, signals[TIMEOUT], 0);

  return G_SOURCE_REMOVE;
}

static void
emit_continue (GmaIdleOverlay *self)
{
  gma_idle_overlay_stop (self);
  g_signal_emit (self, signals[CONTINUE], 0);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GmaIdleOverlay  *self)
{
  /* Keep the whole touch for ourselves so its release cannot land on
   * whatever is below once the overlay is gone. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GmaIdleOverlay  *self)
{
  emit_continue (self);
}

static void
gma_idle_overlay_dispose (GObject *object)
{
  GmaIdleOverlay *self = (GmaIdleOverlay *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (gma_idle_overlay_parent_class)->dispose (object);
}

static void
gma_idle_overlay_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GmaIdleOverlay *self = GMA_IDLE_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_idle_overlay_class_init (GmaIdleOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_idle_overlay_dispose;
  object_class->get_property = gma_idle_overlay_get_property;

  /**
   * GmaIdleOverlay:remaining:
   *
   * Seconds left before #GmaIdleOverlay::timeout.
   */
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GmaIdleOverlay::continue:
   *
   * The visitor touched the overlay or its Continue button. The countdown
   * has been stopped; hide the overlay.
   */
  signals[CONTINUE] =
    g_signal_new ("continue",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GmaIdleOverlay::timeout:
   *
   * The countdown reached zero without a touch.
   */
  signals[TIMEOUT] =
    g_signal_new ("timeout",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "idleoverlay");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
}

static void
gma_idle_overlay_init (GmaIdleOverlay *self)
{
  GtkGesture *click;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->box, "idle-card");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title_label = gtk_label_new (_("Do you want to continue?"));
  gtk_widget_add_css_class (self->title_label, "idle-title");
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->title_label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (self->box), self->title_label);

  self->countdown_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->countdown_label, "idle-countdown");
  gtk_label_set_wrap (GTK_LABEL (self->countdown_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->countdown_label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (self->box), self->countdown_label);

  self->continue_button = gtk_button_new_with_label (_("Continue"));
  gtk_widget_set_halign (self->continue_button, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->continue_button, 280, 72);
  gtk_widget_add_css_class (self->continue_button, "pill");
  gtk_widget_add_css_class (self->continue_button, "suggested-action");
  gtk_widget_add_css_class (self->continue_button, "idle-continue");
  g_signal_connect_swapped (self->continue_button, "clicked",
                            G_CALLBACK (emit_continue), self);
  gtk_box_append (GTK_BOX (self->box), self->continue_button);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->countdown_label, NULL,
                                  -1);

  /* Bubble phase: the button handles its own clicks first. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-idle-overlay");

  update_countdown (self);
}

/**
 * gma_idle_overlay_new:
 *
 * Returns: (transfer floating): a new overlay, not counting down
 */
GtkWidget *
gma_idle_overlay_new (void)
{
  return g_object_new (GMA_TYPE_IDLE_OVERLAY, NULL);
}

/**
 * gma_idle_overlay_start:
 * @self: a #GmaIdleOverlay
 * @seconds: length of the countdown, at least 1
 *
 * (Re)starts the countdown. #GmaIdleOverlay::timeout is emitted after
 * @seconds unless gma_idle_overlay_stop() is called or the visitor
 * touches the overlay. The caller shows and hides the widget.
 */
void
gma_idle_overlay_start (GmaIdleOverlay *self,
                        guint           seconds)
{
  g_return_if_fail (GMA_IS_IDLE_OVERLAY (self));
  g_return_if_fail (seconds > 0);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  set_remaining (self, seconds);
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 1000, tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_id, "[gma] idle overlay countdown");
}

/**
 * gma_idle_overlay_stop:
 * @self: a #GmaIdleOverlay
 *
 * Stops the countdown without emitting any signal.
 */
void
gma_idle_overlay_stop (GmaIdleOverlay *self)
{
  g_return_if_fail (GMA_IS_IDLE_OVERLAY (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/**
 * gma_idle_overlay_get_remaining:
 * @self: a #GmaIdleOverlay
 *
 * Returns: the seconds shown in the countdown
 */
guint
gma_idle_overlay_get_remaining (GmaIdleOverlay *self)
{
  g_return_val_if_fail (GMA_IS_IDLE_OVERLAY (self), 0);

  return self->remaining;
}

/**
 * gma_idle_overlay_get_running:
 * @self: a #GmaIdleOverlay
 *
 * Returns: whether the countdown is running
 */
gboolean
gma_idle_overlay_get_running (GmaIdleOverlay *self)
{
  g_return_val_if_fail (GMA_IS_IDLE_OVERLAY (self), FALSE);

  return self->tick_id != 0;
}
