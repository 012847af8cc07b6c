/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-kiosk"

#include "config.h"

#include "gma-idle-monitor.h"

/* GmaIdleMonitor is the kiosk's sense of whether someone is there: two
 * timers and three states, knowing nothing of windows or input.
 *
 *   disarmed ──activity──▶ armed ──idle-timeout s──▶ warning ──warning-seconds s──▶ expired (disarmed)
 *                            ▲                          │
 *                            └─────────continue─────────┘
 *
 * Input restarts the idle timer (gma_idle_monitor_activity()), except
 * during the warning, which only gma_idle_monitor_continue() (the
 * warning's Continue) ends. After ::expired, or gma_idle_monitor_stop(),
 * it is disarmed until the next input, so that an empty attract screen
 * is never warned about again. */

struct _GmaIdleMonitor
{
  GObject parent_instance;

  guint   idle_id;
  guint   warning_id;
  guint   idle_timeout;
  guint   warning_seconds;

  guint   running : 1;
  guint   armed : 1;
  guint   in_warning : 1;
};

G_DEFINE_FINAL_TYPE (GmaIdleMonitor, gma_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDLE_TIMEOUT,
  PROP_WARNING_SECONDS,
  PROP_WARNING,
  N_PROPS
};

enum {
  WARNING,
  CANCELLED,
  EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_in_warning (GmaIdleMonitor *self,
                gboolean        in_warning)
{
  if (self->in_warning == !!in_warning)
    return;

  self->in_warning = !!in_warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING]);
}

static gboolean
warning_timeout_cb (gpointer user_data)
{
  GmaIdleMonitor *self = user_data;

  self->warning_id = 0;
  g_object_ref (self);
  gma_idle_monitor_stop (self);
  g_signal_emit (self, signals[EXPIRED], 0);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  GmaIdleMonitor *self = user_data;

  self->idle_id = 0;

  set_in_warning (self, TRUE);
  self->warning_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                         self->warning_seconds * 1000,
                                         warning_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->warning_id, "[gma] kiosk idle warning");

  g_signal_emit (self, signals[WARNING], 0, self->warning_seconds);

  return G_SOURCE_REMOVE;
}

static void
restart_idle_timer (GmaIdleMonitor *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (!self->running || !self->armed || self->in_warning)
    return;

  self->idle_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                      self->idle_timeout * 1000,
                                      idle_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->idle_id, "[gma] kiosk idle");
}

/**
 * gma_idle_monitor_new:
 *
 * Returns: (transfer full): a monitor that is not running
 */
GmaIdleMonitor *
gma_idle_monitor_new (void)
{
  return g_object_new (GMA_TYPE_IDLE_MONITOR, NULL);
}

/**
 * gma_idle_monitor_set_running:
 * @self: a #GmaIdleMonitor
 * @running: whether to watch
 *
 * A monitor that is not running has no timers and no warning (ended
 * without #GmaIdleMonitor::cancelled). A monitor that starts running is
 * disarmed until the first gma_idle_monitor_activity().
 */
void
gma_idle_monitor_set_running (GmaIdleMonitor *self,
                              gboolean        running)
{
  g_return_if_fail (GMA_IS_IDLE_MONITOR (self));

  self->running = !!running;
  if (!self->running)
    gma_idle_monitor_stop (self);
}

/**
 * gma_idle_monitor_activity:
 * @self: a #GmaIdleMonitor
 *
 * Someone touched the screen: arms the monitor and starts the idle timer
 * again. Ignored during the warning (see gma_idle_monitor_continue()).
 */
void
gma_idle_monitor_activity (GmaIdleMonitor *self)
{
  g_return_if_fail (GMA_IS_IDLE_MONITOR (self));

  if (self->in_warning)
    return;

  self->armed = TRUE;
  restart_idle_timer (self);
}

/**
 * gma_idle_monitor_continue:
 * @self: a #GmaIdleMonitor
 *
 * Someone is there: ends a running warning (emitting
 * #GmaIdleMonitor::cancelled) and starts the idle timer again.
 */
void
gma_idle_monitor_continue (GmaIdleMonitor *self)
{
  g_return_if_fail (GMA_IS_IDLE_MONITOR (self));

  if (!self->running)
    return;

  self->armed = TRUE;

  if (self->in_warning)
    {
      g_clear_handle_id (&self->warning_id, g_source_remove);
      set_in_warning (self, FALSE);
      g_signal_emit (self, signals[CANCELLED], 0);
    }

  restart_idle_timer (self);
}

/**
 * gma_idle_monitor_stop:
 * @self: a #GmaIdleMonitor
 *
 * Stops both timers and ends the warning, without a signal; disarmed
 * until the next gma_idle_monitor_activity().
 */
void
gma_idle_monitor_stop (GmaIdleMonitor *self)
{
  g_return_if_fail (GMA_IS_IDLE_MONITOR (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->warning_id, g_source_remove);
  self->armed = FALSE;
  set_in_warning (self, FALSE);
}

gboolean
gma_idle_monitor_get_warning (GmaIdleMonitor *self)
{
  g_return_val_if_fail (GMA_IS_IDLE_MONITOR (self), FALSE);

  return self->in_warning;
}

guint
gma_idle_monitor_get_idle_timeout (GmaIdleMonitor *self)
{
  g_return_val_if_fail (GMA_IS_IDLE_MONITOR (self), 0);

  return self->idle_timeout;
}

/**
 * gma_idle_monitor_set_idle_timeout:
 * @self: a #GmaIdleMonitor
 * @seconds: seconds without input before the warning
 *
 * A running idle timer starts again with the new length.
 */
void
gma_idle_monitor_set_idle_timeout (GmaIdleMonitor *self,
                                   guint           seconds)
{
  g_return_if_fail (GMA_IS_IDLE_MONITOR (self));
  g_return_if_fail (seconds > 0);

  if (self->idle_timeout == seconds)
    return;

  self->idle_timeout = seconds;
  if (self->idle_id != 0)
    restart_idle_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

guint
gma_idle_monitor_get_warning_seconds (GmaIdleMonitor *self)
{
  g_return_val_if_fail (GMA_IS_IDLE_MONITOR (self), 0);

  return self->warning_seconds;
}

/**
 * gma_idle_monitor_set_warning_seconds:
 * @self: a #GmaIdleMonitor
 * @seconds: length of the next warning
 */
void
gma_idle_monitor_set_warning_seconds (GmaIdleMonitor *self,
                                      guint           seconds)
{
  g_return_if_fail (GMA_IS_IDLE_MONITOR (self));
  g_return_if_fail (seconds > 0);

  if (self->warning_seconds == seconds)
    return;

  self->warning_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_SECONDS]);
}

static void
gma_idle_monitor_dispose (GObject *object)
{
  GmaIdleMonitor *self = (GmaIdleMonitor *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->warning_id, g_source_remove);

  G_OBJECT_CLASS (gma_idle_monitor_parent_class)->dispose (object);
}

static void
gma_idle_monitor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GmaIdleMonitor *self = GMA_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;

    case PROP_WARNING_SECONDS:
      g_value_set_uint (value, self->warning_seconds);
      break;

    case PROP_WARNING:
      g_value_set_boolean (value, self->in_warning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_idle_monitor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GmaIdleMonitor *self = GMA_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_IDLE_TIMEOUT:
      gma_idle_monitor_set_idle_timeout (self, g_value_get_uint (value));
      break;

    case PROP_WARNING_SECONDS:
      gma_idle_monitor_set_warning_seconds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_idle_monitor_class_init (GmaIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gma_idle_monitor_dispose;
  object_class->get_property = gma_idle_monitor_get_property;
  object_class->set_property = gma_idle_monitor_set_property;

  /* Seconds without input before ::warning. */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       1, 24 * 60 * 60, 90,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Seconds from ::warning to ::expired. */
  properties[PROP_WARNING_SECONDS] =
    g_param_spec_uint ("warning-seconds", NULL, NULL,
                       1, 600, 10,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the warning is counting down. */
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GmaIdleMonitor::warning:
   * @seconds: the countdown before ::expired
   */
  signals[WARNING] =
    g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The warning was answered in time (gma_idle_monitor_continue()). */
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The warning ran out; the monitor is stopped already. */
  signals[EXPIRED] =
    g_signal_new ("expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gma_idle_monitor_init (GmaIdleMonitor *self)
{
  self->idle_timeout = 90;
  self->warning_seconds = 10;
}
