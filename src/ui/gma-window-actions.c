/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every action of the window, and when each is enabled, in one place. */
#define G_LOG_DOMAIN "gma-window"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-render.h"
#include "gma-render-mail.h"
#include "gma-router.h"
#include "gma-window-private.h"

/* Zoom levels of the page pane, in the range of the zoom-level setting. */
static const double zoom_steps[] = {
  0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
};
#define ZOOM_EPSILON 0.001

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
  /* Starting over forgets the mail checked too. */
  _gma_window_mail_forget (GMA_WINDOW (widget));
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
win_show_flow (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);

  gma_page_view_load_uri (self->page_view, GMA_FLOW_URI);
  /* On a narrow window the picture is in the page pane: show the wizard
   * beside it rather than the FAQ. */
  if (self->narrow)
    g_object_set (self, "show-sidebar", FALSE, NULL);
}

static void
set_zoom (GmaWindow *self,
          double     zoom)
{
  g_settings_set_double (self->settings, "zoom-level", CLAMP (zoom, zoom_steps[0],
                                                              zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]));
}

static void
page_zoom_in (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom-level");

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom + ZOOM_EPSILON)
      {
        set_zoom (self, zoom_steps[i]);
        return;
      }
}

static void
page_zoom_out (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom-level");

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - ZOOM_EPSILON)
      {
        set_zoom (self, zoom_steps[i - 1]);
        return;
      }
}

static void
page_zoom_reset (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  set_zoom (GMA_WINDOW (widget), 1.0);
}

void
_gma_window_apply_zoom (GmaWindow *self)
{
  gma_page_view_set_zoom (self->page_view, g_settings_get_double (self->settings, "zoom-level"));
  _gma_window_update_actions (self);
}

static void
page_print (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  gma_page_view_print (GMA_WINDOW (widget)->page_view, FALSE);
}

static void
page_find (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (self->find_entry, 0, -1);
}

void
_gma_window_find (GmaWindow *self,
                  gboolean   backwards)
{
  gma_page_view_find (self->page_view, gtk_editable_get_text (self->find_entry), backwards);
}

/* "gma://action/copy?text=…": puts exactly the text on the clipboard.
 * The links are made by gma-render-links.c beside every web and mail address. */
static void
page_action_copy (GmaWindow  *self,
                  GUri       *uri)
{
  g_autoptr(GHashTable) params = NULL;
  const char *query = g_uri_get_query (uri);
  const char *text;
  g_autofree char *feedback = NULL;

  if (query == NULL)
    return;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return;
  text = g_hash_table_lookup (params, "text");
  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  feedback = g_strdup_printf (_("Copied: %s"), text);
  gma_question_view_show_feedback (self->question_view, feedback);
}

void
_gma_window_page_action (GmaWindow  *self,
                         const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (parsed == NULL ||
      g_strcmp0 (g_uri_get_scheme (parsed), GMA_URI_SCHEME) != 0 ||
      g_strcmp0 (g_uri_get_host (parsed), "action") != 0)
    return;

  if (g_strcmp0 (g_uri_get_path (parsed), "/copy") == 0)
    page_action_copy (self, parsed);
  else if (g_strcmp0 (g_uri_get_path (parsed), "/" GMA_MAIL_NEXT_ACTION) == 0)
    _gma_window_mail_next (self, parsed);
  else
    g_debug ("Ignoring the unknown page action %s", uri);
}

static void
win_dismiss_error (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_revealer_set_reveal_child (GMA_WINDOW (widget)->error_revealer, FALSE);
}

static void
win_print_slip (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _gma_window_kiosk_print_slip (GMA_WINDOW (widget));
}

/* The keyboard shortcuts window is built the first time it is asked for.
 * GtkApplication would build it with the window, before the first frame,
 * if it were at gtk/help-overlay.ui under the resource base path: a whole
 * hidden window, about a twentieth of the work up to the first frame. */
static GtkShortcutsWindow *
ensure_help_overlay (GmaWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_application_window_get_help_overlay (window) != NULL)
    return gtk_application_window_get_help_overlay (window);

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");
  /* The window holds it; the builder's reference goes with the builder. */
  gtk_application_window_set_help_overlay (window,
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  return gtk_application_window_get_help_overlay (window);
}

static void
win_show_help_overlay (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (ensure_help_overlay (GMA_WINDOW (user_data))));
}

/* win.show-help-overlay, in the window's action map as GtkApplicationWindow
 * would add it (so it is exported alike, and the kiosk can disable it);
 * gtk_application_window_set_help_overlay() keeps an action of that name. */
void
_gma_window_add_map_actions (GmaWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "show-help-overlay", .activate = win_show_help_overlay },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
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
  gtk_widget_class_install_action (widget_class, "win.print-slip", NULL, win_print_slip);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, win_search);
  gtk_widget_class_install_action (widget_class, "win.show-faq", "s", win_show_faq);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, win_dismiss_error);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");
  gtk_widget_class_install_action (widget_class, "win.show-flow", NULL, win_show_flow);
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, page_zoom_in);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, page_zoom_out);
  gtk_widget_class_install_action (widget_class, "page.zoom-reset", NULL, page_zoom_reset);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, page_print);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, page_find);
  gtk_widget_class_install_property_action (widget_class, "page.caret-browsing", "caret-browsing");
  gtk_widget_class_install_property_action (widget_class, "win.content-language", "content-language");
  _gma_window_mail_class_init (widget_class);
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
  gtk_widget_action_set_enabled (widget, "win.print-slip",
                                 have_session && _gma_window_kiosk_can_print (self));
  gma_question_view_set_print_visible (self->question_view,
                                       have_session && _gma_window_kiosk_can_print (self));
  gtk_widget_action_set_enabled (widget, "win.show-flow", have_session);
  /* A kiosk's visitor gets neither dialogs (the print dialog's "print to
   * file" browses the disk) nor modes that outlive them. */
  gtk_widget_action_set_enabled (widget, "page.print", self->kiosk == NULL);
  gtk_widget_action_set_enabled (widget, "page.find", self->kiosk == NULL);
  gtk_widget_action_set_enabled (widget, "page.caret-browsing", self->kiosk == NULL);
  _gma_window_mail_update (self);

  if (self->settings != NULL)
    {
      double zoom = g_settings_get_double (self->settings, "zoom-level");

      gtk_widget_action_set_enabled (widget, "page.zoom-in",
                                     zoom < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - ZOOM_EPSILON);
      gtk_widget_action_set_enabled (widget, "page.zoom-out", zoom > zoom_steps[0] + ZOOM_EPSILON);
      gtk_widget_action_set_enabled (widget, "page.zoom-reset", ABS (zoom - 1.0) > ZOOM_EPSILON);
    }
}
