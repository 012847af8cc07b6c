/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every action of the window, and when each is enabled, in one place. */
#define G_LOG_DOMAIN "gma-window"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-render.h"
#include "gma-window-private.h"

static void
wizard_answer (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);

  gma_session_answer (self->session, g_variant_get_uint32 (param));
}

static void
wizard_change (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);
  guint32 step, answer;

  g_variant_get (param, "(uu)", &step, &answer);
  gma_session_change (self->session, step, answer);
}

static void
wizard_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gma_session_back (GMA_WINDOW (widget)->session);
}

static void
wizard_restart (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  gma_session_restart (GMA_WINDOW (widget)->session);
}

static void
win_copy_summary (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);
  g_autofree char *summary = gma_render_summary (self->content, self->session);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), summary);
  gma_question_view_show_feedback (self->question_view, _("Copied. Paste it into a mail or read it out on the phone."));
}

static void
win_search (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  gma_faq_sidebar_focus_search (self->sidebar);
}

static void
win_show_faq (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _gma_window_show_faq (GMA_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
win_dismiss_error (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_revealer_set_reveal_child (GMA_WINDOW (widget)->error_revealer, FALSE);
}

void
_gma_window_class_install_actions (GmaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "wizard.answer", "u", wizard_answer);
  gtk_widget_class_install_action (widget_class, "wizard.change", "(uu)", wizard_change);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, wizard_back);
  gtk_widget_class_install_action (widget_class, "wizard.restart", NULL, wizard_restart);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL, win_copy_summary);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, win_search);
  gtk_widget_class_install_action (widget_class, "win.show-faq", "s", win_show_faq);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, win_dismiss_error);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");
}

void
_gma_window_update_actions (GmaWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_session = self->session != NULL;
  gboolean can_back = have_session && gma_session_can_go_back (self->session);

  gtk_widget_action_set_enabled (widget, "wizard.back", can_back);
  gtk_widget_action_set_enabled (widget, "wizard.restart", can_back);
  gtk_widget_action_set_enabled (widget, "wizard.answer", have_session);
  gtk_widget_action_set_enabled (widget, "wizard.change", have_session);
  gtk_widget_action_set_enabled (widget, "win.copy-summary", have_session);
}
