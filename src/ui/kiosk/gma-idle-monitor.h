/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GMA_TYPE_IDLE_MONITOR (gma_idle_monitor_get_type ())

G_DECLARE_FINAL_TYPE (GmaIdleMonitor, gma_idle_monitor, GMA, IDLE_MONITOR, GObject)

GmaIdleMonitor *gma_idle_monitor_new                 (void);
void            gma_idle_monitor_set_running         (GmaIdleMonitor *self,
                                                      gboolean        running);
void            gma_idle_monitor_activity            (GmaIdleMonitor *self);
void            gma_idle_monitor_continue            (GmaIdleMonitor *self);
void            gma_idle_monitor_stop                (GmaIdleMonitor *self);
gboolean        gma_idle_monitor_get_warning         (GmaIdleMonitor *self);
guint           gma_idle_monitor_get_idle_timeout    (GmaIdleMonitor *self);
void            gma_idle_monitor_set_idle_timeout    (GmaIdleMonitor *self,
                                                      guint           seconds);
guint           gma_idle_monitor_get_warning_seconds (GmaIdleMonitor *self);
void            gma_idle_monitor_set_warning_seconds (GmaIdleMonitor *self,
                                                      guint           seconds);

G_END_DECLS
