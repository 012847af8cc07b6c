/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-kiosk"

#include "config.h"

#include <glib/gi18n.h>

#include "gma-idle-monitor.h"
#include "gma-kiosk.h"
#include "gma-kiosk-resources.h"

/* GmaKiosk takes over a window for an unattended touch terminal: full
 * screen with no way out, a key filter that lets through only what a
 * visitor needs (gma-kiosk-keys.c), no context menus or middle-click
 * paste, and an idle monitor (gma-idle-monitor.c) that forgets the
 * visitor. It owns no widgets; the window decides what a reset means
 * (GmaKiosk::reset) and shows the attract screen.
 *
 * Its handlers on what it does not own go when the kiosk goes: those
 * on the idle overlay are in a signal group, those on the window and on
 * its controllers are connected with g_signal_connect_object(). (Not a
 * signal group for the window: the window owns the kiosk and disposes it
 * in its own dispose, when GLib 2.74's GSignalGroup can no longer let go
 * of the window's weak reference and aborts.) */

#define KIOSK_CSS_PATH RESOURCE_PREFIX "/ui/kiosk.css"

/* What taking over the window changed, to be given back. */
typedef struct
{
  GtkEventController *key_controller;
  GtkEventController *activity_controller;
  gulong              close_request_id;
  gulong              fullscreened_id;
  gulong              map_id;
  gboolean            was_deletable;
} TakeOver;

struct _GmaKiosk
{
  GObject         parent_instance;

  /* Owned */
  GSettings      *settings;
  GmaIdleMonitor *monitor;
  GtkCssProvider *css_provider;
  GSignalGroup   *overlay_signals;  /* target: the idle overlay */
  TakeOver        held;

  /* Borrowed (weak) */
  GtkWindow      *window;

  gboolean        active;
};

G_DEFINE_FINAL_TYPE (GmaKiosk, gma_kiosk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_SETTINGS,
  PROP_ACTIVE,
  PROP_IDLE_TIMEOUT,
  PROP_WARNING_SECONDS,
  PROP_IDLE_WARNING,
  PROP_IDLE_OVERLAY,
  N_PROPS
};

enum {
  IDLE_WARNING,
  IDLE_CANCELLED,
  RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Input                                                                */
/* ------------------------------------------------------------------ */

static gboolean
focus_is_editable (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL)
    return FALSE;

  if (GTK_IS_EDITABLE (focus))
    return gtk_editable_get_editable (GTK_EDITABLE (focus));

  if (GTK_IS_TEXT_VIEW (focus))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (focus));

  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GmaKiosk              *self)
{
  if (gma_kiosk_key_allowed (keyval, state, focus_is_editable (self->window)))
    return GDK_EVENT_PROPAGATE;

  g_debug ("Swallowed key %s (modifiers 0x%x)", gdk_keyval_name (keyval), state);

  return GDK_EVENT_STOP;
}

static gboolean
activity_event_cb (GtkEventControllerLegacy *controller,
                   GdkEvent                 *event,
                   GmaKiosk                 *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  switch ((int) type)
    {
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
      /* No context menus (secondary button), no middle-click paste of
       * what the previous visitor selected, no extra buttons. */
      if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
        return GDK_EVENT_STOP;
      if (type == GDK_BUTTON_PRESS)
        goto activity;
      break;

    case GDK_KEY_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_SCROLL:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      goto activity;

    case GDK_DRAG_ENTER:
    case GDK_DRAG_MOTION:
    case GDK_DRAG_LEAVE:
    case GDK_DROP_START:
      /* No drag and drop: drop targets (entries, the web view) never see
       * a drag, so nothing can be dropped anywhere. */
      return GDK_EVENT_STOP;

    case GDK_MOTION_NOTIFY:
      /* A pointer merely resting or crossing a changed screen is nobody;
       * dragging is someone. */
      if ((gdk_event_get_modifier_state (event) & GDK_BUTTON1_MASK) != 0)
        goto activity;
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;

activity:
  /* While the warning is up, only its Continue (or gma_kiosk_reset_idle())
   * brings the visitor back: the touch that dismisses the overlay must not
   * also be handled by what is below it. */
  gma_idle_monitor_activity (self->monitor);

  return GDK_EVENT_PROPAGATE;
}

/* ------------------------------------------------------------------ */
/* Idleness                                                             */
/* ------------------------------------------------------------------ */

static void
hide_overlay (GmaKiosk *self)
{
  g_autoptr(GmaIdleOverlay) overlay = g_signal_group_dup_target (self->overlay_signals);

  if (overlay == NULL)
    return;

  gma_idle_overlay_stop (overlay);
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}

static void
monitor_warning_cb (GmaKiosk       *self,
                    guint           seconds,
                    GmaIdleMonitor *monitor)
{
  g_autoptr(GmaIdleOverlay) overlay = g_signal_group_dup_target (self->overlay_signals);

  if (overlay != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (overlay), TRUE);
      gma_idle_overlay_start (overlay, seconds);
    }

  g_signal_emit (self, signals[IDLE_WARNING], 0, seconds);
}

static void
monitor_cancelled_cb (GmaKiosk       *self,
                      GmaIdleMonitor *monitor)
{
  hide_overlay (self);
  g_signal_emit (self, signals[IDLE_CANCELLED], 0);
}

static void
monitor_notify_cb (GmaKiosk       *self,
                   GParamSpec     *pspec,
                   GmaIdleMonitor *monitor)
{
  if (g_str_equal (pspec->name, "warning"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_WARNING]);
  else if (g_str_equal (pspec->name, "idle-timeout"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
  else if (g_str_equal (pspec->name, "warning-seconds"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_SECONDS]);
}

/**
 * gma_kiosk_reset_idle:
 * @self: a #GmaKiosk
 *
 * Someone is there: cancels a running idle warning (emitting
 * #GmaKiosk::idle-cancelled and hiding the attached overlay) and starts
 * the idle timer again. Input on the window does this by itself except
 * during the warning; connect the warning's Continue to this function,
 * which is done for you for the #GmaKiosk:idle-overlay.
 */
void
gma_kiosk_reset_idle (GmaKiosk *self)
{
  g_return_if_fail (GMA_IS_KIOSK (self));

  gma_idle_monitor_continue (self->monitor);
}

/**
 * gma_kiosk_reset:
 * @self: a #GmaKiosk
 *
 * Forgets the visitor now: stops the timers, hides the overlay, empties
 * the clipboards and emits #GmaKiosk::reset. The idle timer stays off
 * until the next input, so an empty attract screen is never “reset”
 * again. Called when the idle warning runs out.
 */
void
gma_kiosk_reset (GmaKiosk *self)
{
  g_return_if_fail (GMA_IS_KIOSK (self));

  gma_idle_monitor_stop (self->monitor);
  hide_overlay (self);

  if (self->window != NULL)
    gma_kiosk_clear_clipboards (gtk_widget_get_display (GTK_WIDGET (self->window)));

  g_signal_emit (self, signals[RESET], 0);
}

/* ------------------------------------------------------------------ */
/* Taking over the window                                               */
/* ------------------------------------------------------------------ */

static gboolean
close_request_cb (GtkWindow *window,
                  GmaKiosk  *self)
{
  g_debug ("Refused to close the kiosk window");
  return TRUE;
}

static void
fullscreened_cb (GtkWindow  *window,
                 GParamSpec *pspec,
                 GmaKiosk   *self)
{
  if (self->active && !gtk_window_is_fullscreen (window))
    gtk_window_fullscreen (window);
}

static gboolean
close_inspector_cb (gpointer user_data)
{
  gtk_window_set_interactive_debugging (FALSE);
  return G_SOURCE_REMOVE;
}

static void
window_map_cb (GtkWidget *widget,
               GmaKiosk  *self)
{
  /* GTK_DEBUG=interactive opens the inspector along with the first
   * window; close it again once that has happened. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_inspector_cb, NULL, NULL);
  gtk_window_fullscreen (GTK_WINDOW (widget));
}

/* The kiosk's style sheet is in a bundle of its own, which a desktop
 * never registers. */
static gpointer
register_resources (gpointer data)
{
  gma_kiosk_register_resource ();
  return NULL;
}

static void
load_css (GmaKiosk *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self->window));

  if (self->css_provider == NULL)
    {
      static GOnce once = G_ONCE_INIT;

      g_once (&once, register_resources, NULL);
      if (!g_resources_get_info (KIOSK_CSS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 NULL, NULL, NULL))
        {
          g_warning ("Kiosk style sheet %s is missing", KIOSK_CSS_PATH);
          return;
        }

      self->css_provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (self->css_provider, KIOSK_CSS_PATH);
    }

  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (self->css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 10);
}

static void
unload_css (GmaKiosk *self)
{
  if (self->css_provider == NULL || self->window == NULL)
    return;

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self->window)),
                                                 GTK_STYLE_PROVIDER (self->css_provider));
}

static GtkEventController *
add_capture_controller (GmaKiosk           *self,
                        GtkEventController *controller,
                        const char         *name,
                        const char         *signal,
                        GCallback           callback)
{
  gtk_event_controller_set_name (controller, name);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, signal, callback, self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->window), g_object_ref (controller));

  return controller;
}

static void
take_over (GmaKiosk *self)
{
  GtkWidget *widget = GTK_WIDGET (self->window);

  gtk_window_set_interactive_debugging (FALSE);

  self->held.close_request_id =
    g_signal_connect_object (self->window, "close-request", G_CALLBACK (close_request_cb), self, 0);
  self->held.fullscreened_id =
    g_signal_connect_object (self->window, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self, 0);
  self->held.map_id =
    g_signal_connect_object (self->window, "map", G_CALLBACK (window_map_cb), self, G_CONNECT_AFTER);

  self->held.key_controller =
    add_capture_controller (self, gtk_event_controller_key_new (), "gma-kiosk-keys",
                            "key-pressed", G_CALLBACK (key_pressed_cb));
  self->held.activity_controller =
    add_capture_controller (self, gtk_event_controller_legacy_new (), "gma-kiosk-activity",
                            "event", G_CALLBACK (activity_event_cb));

  self->held.was_deletable = gtk_window_get_deletable (self->window);
  gtk_window_set_deletable (self->window, FALSE);
  gtk_widget_add_css_class (widget, "kiosk");
  load_css (self);

  gtk_window_fullscreen (self->window);

  gma_kiosk_clear_clipboards (gtk_widget_get_display (widget));

  gma_idle_monitor_set_running (self->monitor, TRUE);
}

static void
give_back (GmaKiosk *self)
{
  GtkWidget *widget = GTK_WIDGET (self->window);

  gma_idle_monitor_set_running (self->monitor, FALSE);
  hide_overlay (self);

  if (widget != NULL)
    {
      g_clear_signal_handler (&self->held.close_request_id, self->window);
      g_clear_signal_handler (&self->held.fullscreened_id, self->window);
      g_clear_signal_handler (&self->held.map_id, self->window);
      if (self->held.key_controller != NULL)
        gtk_widget_remove_controller (widget, self->held.key_controller);
      if (self->held.activity_controller != NULL)
        gtk_widget_remove_controller (widget, self->held.activity_controller);

      gtk_window_set_deletable (self->window, self->held.was_deletable);
      gtk_widget_remove_css_class (widget, "kiosk");
      unload_css (self);

      gtk_window_unfullscreen (self->window);
    }

  g_clear_object (&self->held.key_controller);
  g_clear_object (&self->held.activity_controller);
  /* Without the window, its handlers went with it. */
  self->held = (TakeOver) { 0 };
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */
/* ------------------------------------------------------------------ */

static void
gma_kiosk_constructed (GObject *object)
{
  GmaKiosk *self = (GmaKiosk *)object;

  G_OBJECT_CLASS (gma_kiosk_parent_class)->constructed (object);

  g_return_if_fail (GTK_IS_WINDOW (self->window));

  if (self->settings != NULL)
    g_settings_bind (self->settings, "idle-timeout",
                     self, "idle-timeout",
                     G_SETTINGS_BIND_GET);
}

static void
gma_kiosk_dispose (GObject *object)
{
  GmaKiosk *self = (GmaKiosk *)object;

  if (self->active)
    {
      give_back (self);
      self->active = FALSE;
    }

  gma_kiosk_set_idle_overlay (self, NULL);

  if (self->settings != NULL)
    g_settings_unbind (self, "idle-timeout");
  g_clear_object (&self->settings);
  g_clear_object (&self->css_provider);
  g_clear_object (&self->overlay_signals);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (gma_kiosk_parent_class)->dispose (object);
}

static void
gma_kiosk_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GmaKiosk *self = GMA_KIOSK (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, gma_kiosk_get_idle_timeout (self));
      break;

    case PROP_WARNING_SECONDS:
      g_value_set_uint (value, gma_kiosk_get_warning_seconds (self));
      break;

    case PROP_IDLE_WARNING:
      g_value_set_boolean (value, gma_kiosk_get_idle_warning (self));
      break;

    case PROP_IDLE_OVERLAY:
      g_value_take_object (value, g_signal_group_dup_target (self->overlay_signals));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_kiosk_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GmaKiosk *self = GMA_KIOSK (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_ACTIVE:
      gma_kiosk_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_IDLE_TIMEOUT:
      gma_kiosk_set_idle_timeout (self, g_value_get_uint (value));
      break;

    case PROP_WARNING_SECONDS:
      gma_kiosk_set_warning_seconds (self, g_value_get_uint (value));
      break;

    case PROP_IDLE_OVERLAY:
      gma_kiosk_set_idle_overlay (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_kiosk_class_init (GmaKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gma_kiosk_constructed;
  object_class->dispose = gma_kiosk_dispose;
  object_class->get_property = gma_kiosk_get_property;
  object_class->set_property = gma_kiosk_set_property;

  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL,
                         GTK_TYPE_WINDOW,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * GmaKiosk:active:
   *
   * Whether the window is held in kiosk mode.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * GmaKiosk:idle-timeout:
   *
   * Seconds without input before #GmaKiosk::idle-warning. Follows the
   * “idle-timeout” setting when the kiosk was made with settings.
   */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       1, 24 * 60 * 60, 90,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * GmaKiosk:warning-seconds:
   *
   * Length of the idle warning's countdown before #GmaKiosk::reset.
   */
  properties[PROP_WARNING_SECONDS] =
    g_param_spec_uint ("warning-seconds", NULL, NULL,
                       1, 600, GMA_KIOSK_WARNING_SECONDS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * GmaKiosk:idle-warning:
   *
   * Whether the idle warning is counting down.
   */
  properties[PROP_IDLE_WARNING] =
    g_param_spec_boolean ("idle-warning", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * GmaKiosk:idle-overlay:
   *
   * The idle warning the kiosk drives (see gma_kiosk_set_idle_overlay()).
   */
  properties[PROP_IDLE_OVERLAY] =
    g_param_spec_object ("idle-overlay", NULL, NULL,
                         GMA_TYPE_IDLE_OVERLAY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GmaKiosk::idle-warning:
   * @self: a #GmaKiosk
   * @seconds: the countdown before #GmaKiosk::reset
   *
   * Nobody has touched the window for #GmaKiosk:idle-timeout seconds.
   * An overlay given to gma_kiosk_set_idle_overlay() is shown and started.
   */
  signals[IDLE_WARNING] =
    g_signal_new ("idle-warning",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * GmaKiosk::idle-cancelled:
   *
   * The visitor answered the idle warning in time.
   */
  signals[IDLE_CANCELLED] =
    g_signal_new ("idle-cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GmaKiosk::reset:
   *
   * The visitor is gone: wipe everything they left (answers, search
   * text, scroll positions, zoom, open QR codes) and show the attract
   * screen. The clipboards have already been emptied.
   */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gma_kiosk_init (GmaKiosk *self)
{
  self->monitor = gma_idle_monitor_new ();
  gma_idle_monitor_set_warning_seconds (self->monitor, GMA_KIOSK_WARNING_SECONDS);
  g_signal_connect_swapped (self->monitor, "warning", G_CALLBACK (monitor_warning_cb), self);
  g_signal_connect_swapped (self->monitor, "cancelled", G_CALLBACK (monitor_cancelled_cb), self);
  g_signal_connect_swapped (self->monitor, "expired", G_CALLBACK (gma_kiosk_reset), self);
  g_signal_connect_swapped (self->monitor, "notify", G_CALLBACK (monitor_notify_cb), self);

  self->overlay_signals = g_signal_group_new (GMA_TYPE_IDLE_OVERLAY);
  g_signal_group_connect_object (self->overlay_signals, "continue",
                                 G_CALLBACK (gma_kiosk_reset_idle), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */
/* ------------------------------------------------------------------ */

/**
 * gma_kiosk_new:
 * @window: the window to hold
 * @settings: (nullable): the application's settings, for “idle-timeout”
 *   and “kiosk-allow-print”
 *
 * Creates an inactive kiosk for @window. It keeps only a weak reference
 * to @window; keep the kiosk alive as long as the window.
 *
 * Returns: (transfer full): a new #GmaKiosk
 */
GmaKiosk *
gma_kiosk_new (GtkWindow *window,
               GSettings *settings)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (GMA_TYPE_KIOSK,
                       "window", window,
                       "settings", settings,
                       NULL);
}

/**
 * gma_kiosk_get_window:
 * @self: a #GmaKiosk
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWindow *
gma_kiosk_get_window (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), NULL);

  return self->window;
}

gboolean
gma_kiosk_get_active (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), FALSE);

  return self->active;
}

/**
 * gma_kiosk_set_active:
 * @self: a #GmaKiosk
 * @active: whether to hold the window
 *
 * When active: the window is full screen and put back into full screen
 * when it leaves it, closing it is refused, the inspector is closed, keys
 * are filtered by gma_kiosk_key_allowed(), secondary and middle clicks
 * are swallowed, nothing can be dropped, the window has the “kiosk” style
 * class (kiosk.css), and idle tracking runs. Deactivating undoes all of this.
 */
void
gma_kiosk_set_active (GmaKiosk *self,
                      gboolean  active)
{
  g_return_if_fail (GMA_IS_KIOSK (self));
  g_return_if_fail (self->window != NULL);

  active = !!active;

  if (self->active == active)
    return;

  self->active = active;

  if (active)
    take_over (self);
  else
    give_back (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * gma_kiosk_set_idle_overlay:
 * @self: a #GmaKiosk
 * @overlay: (nullable): an overlay covering the window, e.g. in a
 *   #GtkOverlay above all the content
 *
 * Lets the kiosk drive @overlay: it is hidden now, shown and started on
 * #GmaKiosk::idle-warning, hidden on a reset, and its
 * #GmaIdleOverlay::continue calls gma_kiosk_reset_idle().
 */
void
gma_kiosk_set_idle_overlay (GmaKiosk       *self,
                            GmaIdleOverlay *overlay)
{
  g_autoptr(GmaIdleOverlay) old = NULL;

  g_return_if_fail (GMA_IS_KIOSK (self));
  g_return_if_fail (overlay == NULL || GMA_IS_IDLE_OVERLAY (overlay));

  old = g_signal_group_dup_target (self->overlay_signals);
  if (old == overlay)
    return;

  g_signal_group_set_target (self->overlay_signals, overlay);
  if (overlay != NULL && !gma_idle_monitor_get_warning (self->monitor))
    hide_overlay (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_OVERLAY]);
}

/**
 * gma_kiosk_get_idle_warning:
 * @self: a #GmaKiosk
 *
 * Returns: whether the idle warning is counting down
 */
gboolean
gma_kiosk_get_idle_warning (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), FALSE);

  return gma_idle_monitor_get_warning (self->monitor);
}

guint
gma_kiosk_get_idle_timeout (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), 0);

  return gma_idle_monitor_get_idle_timeout (self->monitor);
}

/**
 * gma_kiosk_set_idle_timeout:
 * @self: a #GmaKiosk
 * @seconds: seconds without input before the idle warning
 *
 * A running idle timer starts again with the new length.
 */
void
gma_kiosk_set_idle_timeout (GmaKiosk *self,
                            guint     seconds)
{
  g_return_if_fail (GMA_IS_KIOSK (self));

  gma_idle_monitor_set_idle_timeout (self->monitor, seconds);
}

guint
gma_kiosk_get_warning_seconds (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), 0);

  return gma_idle_monitor_get_warning_seconds (self->monitor);
}

/**
 * gma_kiosk_set_warning_seconds:
 * @self: a #GmaKiosk
 * @seconds: length of the next idle warning's countdown
 */
void
gma_kiosk_set_warning_seconds (GmaKiosk *self,
                               guint     seconds)
{
  g_return_if_fail (GMA_IS_KIOSK (self));

  gma_idle_monitor_set_warning_seconds (self->monitor, seconds);
}

/**
 * gma_kiosk_get_allow_print:
 * @self: a #GmaKiosk
 *
 * Returns: whether a result's slip may be printed (the
 *   “kiosk-allow-print” setting; %FALSE without settings)
 */
gboolean
gma_kiosk_get_allow_print (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), FALSE);

  if (self->settings == NULL)
    return FALSE;

  return g_settings_get_boolean (self->settings, "kiosk-allow-print");
}

/**
 * gma_kiosk_clear_clipboards:
 * @display: a #GdkDisplay
 *
 * Empties the clipboard and the primary selection of @display, so that
 * nothing a visitor copied or selected is there for the next one.
 */
void
gma_kiosk_clear_clipboards (GdkDisplay *display)
{
  g_return_if_fail (GDK_IS_DISPLAY (display));

  gdk_clipboard_set_content (gdk_display_get_clipboard (display), NULL);
  gdk_clipboard_set_content (gdk_display_get_primary_clipboard (display), NULL);
}

/**
 * gma_kiosk_prepare_environment:
 *
 * Call before GTK is initialised (before g_application_run() reaches
 * startup, e.g. in #GApplication::handle-local-options) when running as
 * a kiosk: removes GTK_DEBUG, so that GTK_DEBUG=interactive cannot open
 * the inspector.
 */
void
gma_kiosk_prepare_environment (void)
{
  g_unsetenv ("GTK_DEBUG");
}
