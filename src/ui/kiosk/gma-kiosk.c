/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-kiosk"

#include "config.h"

#include <glib/gi18n.h>

#include "gma-kiosk.h"
#include "gma-kiosk-resources.h"

/* GmaKiosk takes over a window for an unattended touch terminal: full
 * screen with no way out, a key filter that lets through only what a
 * visitor needs, no context menus or middle-click paste, and an idle timer
 * that forgets the visitor. It owns no widgets; the window decides what a
 * reset means (GmaKiosk::reset) and shows the attract screen. */

#define KIOSK_CSS_PATH RESOURCE_PREFIX "/ui/kiosk.css"

#define RELEVANT_MODIFIERS (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | \
                            GDK_SUPER_MASK | GDK_HYPER_MASK | GDK_META_MASK)

struct _GmaKiosk
{
  GObject             parent_instance;

  /* Owned */
  GSettings          *settings;
  GtkEventController *key_controller;
  GtkEventController *activity_controller;
  GtkCssProvider     *css_provider;

  /* Borrowed (weak) */
  GtkWindow          *window;
  GmaIdleOverlay     *overlay;

  gulong              close_request_id;
  gulong              fullscreened_id;
  gulong              map_id;
  gulong              overlay_continue_id;

  guint               idle_id;
  guint               warning_id;
  guint               idle_timeout;
  guint               warning_seconds;

  guint               active : 1;
  guint               armed : 1;
  guint               in_warning : 1;
  guint               was_deletable : 1;
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
/* The key filter                                                       */
/* ------------------------------------------------------------------ */

static gboolean
is_zoom_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * gma_kiosk_key_allowed:
 * @keyval: the key pressed
 * @state: the modifiers held
 * @focus_is_editable: whether the focus widget takes text
 *
 * The kiosk's key policy, an allow-list: focus movement (Tab, Shift+Tab,
 * arrows, Page Up/Down, Home, End), activation (Enter, Space), back
 * (BackSpace, Alt+Left, the Back key), zoom (Ctrl with +, =, -, 0 and the
 * zoom keys) and, when an editable has the focus, text: printable
 * characters with at most Shift, Delete and input method keys. Everything
 * else is swallowed: quit, close, new, open, save, print, F1–F12, Escape,
 * the inspector (Ctrl+Shift+I, Ctrl+Shift+D), the window menu (Alt+Space),
 * context menus (Menu, Shift+F10), copy and paste.
 *
 * Caps Lock, Num Lock and mouse buttons in @state are ignored.
 *
 * Returns: %TRUE if the key may reach the window's widgets
 */
gboolean
gma_kiosk_key_allowed (guint           keyval,
                       GdkModifierType state,
                       gboolean        focus_is_editable)
{
  GdkModifierType mods = state & RELEVANT_MODIFIERS;
  gboolean none = mods == 0;
  gboolean none_or_shift = (mods & ~GDK_SHIFT_MASK) == 0;
  gunichar c;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      return none_or_shift;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* Alt+Left is “back”. */
      return none_or_shift || mods == GDK_ALT_MASK;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Back:
    case GDK_KEY_ZoomIn:
    case GDK_KEY_ZoomOut:
      return none;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      return focus_is_editable && none;

    /* Input method keys of a Japanese keyboard. */
    case GDK_KEY_Henkan:
    case GDK_KEY_Muhenkan:
    case GDK_KEY_Zenkaku_Hankaku:
    case GDK_KEY_Hiragana_Katakana:
    case GDK_KEY_Eisu_toggle:
    case GDK_KEY_Kanji:
      return focus_is_editable && none_or_shift;

    default:
      break;
    }

  /* Ctrl and Ctrl+Shift (+ is Shift+; on a JIS keyboard) for zoom. */
  if (is_zoom_key (keyval) &&
      (mods & GDK_CONTROL_MASK) != 0 &&
      (mods & ~(GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    return TRUE;

  if (!focus_is_editable || !none_or_shift)
    return FALSE;

  c = gdk_keyval_to_unicode (keyval);

  return c != 0 && g_unichar_isprint (c);
}

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

/* ------------------------------------------------------------------ */
/* Idle tracking                                                        */
/* ------------------------------------------------------------------ */

static void
hide_overlay (GmaKiosk *self)
{
  if (self->overlay == NULL)
    return;

  gma_idle_overlay_stop (self->overlay);
  gtk_widget_set_visible (GTK_WIDGET (self->overlay), FALSE);
}

static void
set_in_warning (GmaKiosk *self,
                gboolean  in_warning)
{
  if (self->in_warning == !!in_warning)
    return;

  self->in_warning = !!in_warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_WARNING]);
}

static void
stop_timers (GmaKiosk *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->warning_id, g_source_remove);
}

static gboolean
warning_timeout_cb (gpointer user_data)
{
  GmaKiosk *self = user_data;

  self->warning_id = 0;
  gma_kiosk_reset (self);

  return G_SOURCE_REMOVE;
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  GmaKiosk *self = user_data;

  self->idle_id = 0;

  set_in_warning (self, TRUE);

  self->warning_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                         self->warning_seconds * 1000,
                                         warning_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->warning_id, "[gma] kiosk idle warning");

  if (self->overlay != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->overlay), TRUE);
      gma_idle_overlay_start (self->overlay, self->warning_seconds);
    }

  g_signal_emit (self, signals[IDLE_WARNING], 0, self->warning_seconds);

  return G_SOURCE_REMOVE;
}

static void
restart_idle_timer (GmaKiosk *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (!self->active || !self->armed || self->in_warning)
    return;

  self->idle_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                      self->idle_timeout * 1000,
                                      idle_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->idle_id, "[gma] kiosk idle");
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
  if (!self->in_warning)
    {
      self->armed = TRUE;
      restart_idle_timer (self);
    }

  return GDK_EVENT_PROPAGATE;
}

/**
 * gma_kiosk_reset_idle:
 * @self: a #GmaKiosk
 *
 * Someone is there: cancels a running idle warning (emitting
 * #GmaKiosk::idle-cancelled and hiding the attached overlay) and starts
 * the idle timer again. Input on the window does this by itself except
 * during the warning; connect the warning's Continue to this function,
 * which is done for you for an overlay given to
 * gma_kiosk_set_idle_overlay().
 */
void
gma_kiosk_reset_idle (GmaKiosk *self)
{
  g_return_if_fail (GMA_IS_KIOSK (self));

  if (!self->active)
    return;

  self->armed = TRUE;

  if (self->in_warning)
    {
      g_clear_handle_id (&self->warning_id, g_source_remove);
      hide_overlay (self);
      set_in_warning (self, FALSE);
      g_signal_emit (self, signals[IDLE_CANCELLED], 0);
    }

  restart_idle_timer (self);
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

  stop_timers (self);
  hide_overlay (self);
  self->armed = FALSE;
  set_in_warning (self, FALSE);

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

static void
take_over (GmaKiosk *self)
{
  GtkWidget *widget = GTK_WIDGET (self->window);

  gtk_window_set_interactive_debugging (FALSE);

  self->close_request_id =
    g_signal_connect (self->window, "close-request", G_CALLBACK (close_request_cb), self);
  self->fullscreened_id =
    g_signal_connect (self->window, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self);
  self->map_id =
    g_signal_connect_after (self->window, "map", G_CALLBACK (window_map_cb), self);

  self->key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (self->key_controller, "gma-kiosk-keys");
  gtk_event_controller_set_propagation_phase (self->key_controller, GTK_PHASE_CAPTURE);
  g_signal_connect (self->key_controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, g_object_ref (self->key_controller));

  self->activity_controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (self->activity_controller, "gma-kiosk-activity");
  gtk_event_controller_set_propagation_phase (self->activity_controller, GTK_PHASE_CAPTURE);
  g_signal_connect (self->activity_controller, "event", G_CALLBACK (activity_event_cb), self);
  gtk_widget_add_controller (widget, g_object_ref (self->activity_controller));

  self->was_deletable = gtk_window_get_deletable (self->window);
  gtk_window_set_deletable (self->window, FALSE);
  gtk_widget_add_css_class (widget, "kiosk");
  load_css (self);

  gtk_window_fullscreen (self->window);

  gma_kiosk_clear_clipboards (gtk_widget_get_display (widget));
}

static void
give_back (GmaKiosk *self)
{
  GtkWidget *widget = GTK_WIDGET (self->window);

  stop_timers (self);
  hide_overlay (self);
  set_in_warning (self, FALSE);
  self->armed = FALSE;

  if (widget == NULL)
    return;

  g_clear_signal_handler (&self->close_request_id, self->window);
  g_clear_signal_handler (&self->fullscreened_id, self->window);
  g_clear_signal_handler (&self->map_id, self->window);

  if (self->key_controller != NULL)
    gtk_widget_remove_controller (widget, self->key_controller);
  g_clear_object (&self->key_controller);

  if (self->activity_controller != NULL)
    gtk_widget_remove_controller (widget, self->activity_controller);
  g_clear_object (&self->activity_controller);

  gtk_window_set_deletable (self->window, self->was_deletable);
  gtk_widget_remove_css_class (widget, "kiosk");
  unload_css (self);

  gtk_window_unfullscreen (self->window);
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

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->warning_id, g_source_remove);

  if (self->settings != NULL)
    g_settings_unbind (self, "idle-timeout");
  g_clear_object (&self->settings);
  g_clear_object (&self->css_provider);
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
      g_value_set_uint (value, self->idle_timeout);
      break;

    case PROP_WARNING_SECONDS:
      g_value_set_uint (value, self->warning_seconds);
      break;

    case PROP_IDLE_WARNING:
      g_value_set_boolean (value, self->in_warning);
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
  self->idle_timeout = 90;
  self->warning_seconds = GMA_KIOSK_WARNING_SECONDS;
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

static void
overlay_continue_cb (GmaIdleOverlay *overlay,
                     GmaKiosk       *self)
{
  gma_kiosk_reset_idle (self);
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
  g_return_if_fail (GMA_IS_KIOSK (self));
  g_return_if_fail (overlay == NULL || GMA_IS_IDLE_OVERLAY (overlay));

  if (self->overlay == overlay)
    return;

  if (self->overlay != NULL)
    g_clear_signal_handler (&self->overlay_continue_id, self->overlay);

  g_set_weak_pointer (&self->overlay, overlay);

  if (overlay != NULL)
    {
      self->overlay_continue_id =
        g_signal_connect (overlay, "continue", G_CALLBACK (overlay_continue_cb), self);
      if (!self->in_warning)
        hide_overlay (self);
    }
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

  return self->in_warning;
}

guint
gma_kiosk_get_idle_timeout (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), 0);

  return self->idle_timeout;
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
  g_return_if_fail (seconds > 0);

  if (self->idle_timeout == seconds)
    return;

  self->idle_timeout = seconds;

  if (self->idle_id != 0)
    restart_idle_timer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

guint
gma_kiosk_get_warning_seconds (GmaKiosk *self)
{
  g_return_val_if_fail (GMA_IS_KIOSK (self), 0);

  return self->warning_seconds;
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
  g_return_if_fail (seconds > 0);

  if (self->warning_seconds == seconds)
    return;

  self->warning_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_SECONDS]);
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
