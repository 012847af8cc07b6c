/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-window"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-a11y.h"
#include "gma-render.h"
#include "gma-resources.h"
#include "gma-router.h"
#include "gma-timing.h"
#include "gma-window-private.h"

/* Below this width the FAQ sidebar no longer fits beside the wizard and
 * the page: it is hidden, and when asked for it takes the wizard's place. */
#define NARROW_WIDTH 1100

G_DEFINE_FINAL_TYPE (GmaWindow, gma_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_CARET_BROWSING,
  PROP_CONTENT_LANGUAGE,
  PROP_SETTINGS,
  PROP_KIOSK_MODE,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_layout (GmaWindow *self)
{
  gboolean sidebar = self->show_sidebar;

  gtk_revealer_set_reveal_child (self->sidebar_revealer, sidebar);
  /* GTK 4.8's toggle button tells assistive technology nothing of its
   * state when an action drives it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->sidebar_button), GTK_ACCESSIBLE_STATE_PRESSED, sidebar, -1);
  /* On a narrow window the sidebar replaces the wizard column. */
  gtk_widget_set_visible (self->wizard_column, !(self->narrow && sidebar));

  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
}

/* The warm page was rendered from what changed (the content, the
 * counter): it must never be shown. */
static void
drop_warm_page (GmaWindow *self)
{
  g_clear_object (&self->ahead_session);
  gma_page_view_preload_uri (self->page_view, NULL);
}

static void
load_current_page (GmaWindow *self)
{
  const GmaNode *node = gma_session_get_current (self->session);
  g_autofree char *uri = gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (node));
  g_autofree char *next_uri = NULL;
  /* The walk after the first answer of the current question; none at a
   * result. */
  g_autoptr(GmaSession) ahead = gma_session_copy (self->session);

  if (!gma_session_answer (ahead, 0))
    g_clear_object (&ahead);

  /* The warm page shows the answers of the walk it was rendered for:
   * it may be shown only on that walk. */
  if (self->ahead_session != NULL &&
      !gma_session_same_walk (self->ahead_session, self->session) &&
      !(ahead != NULL && gma_session_same_walk (self->ahead_session, ahead)))
    gma_page_view_forget_warm_page (self->page_view);

  gma_page_view_load_uri (self->page_view, uri);

  /* The page the first answer leads to is kept warm, so that it shows in
   * the frame after the click. */
  g_set_object (&self->ahead_session, ahead);
  if (ahead != NULL)
    next_uri = gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_session_get_current (ahead)));
  gma_page_view_preload_uri (self->page_view, next_uri);
}

static void
on_session_changed (GmaWindow  *self,
                    GmaSession *session)
{
  gma_question_view_update (self->question_view);
  load_current_page (self);
  _gma_window_update_actions (self);
}

/* Shows in the pane what the sidebar offered (an FAQ answer, or a page
 * found by a search), marking entry @id as the one shown. On a narrow
 * window the sidebar gives the wizard its place back, so that the page is
 * seen next to it. */
static void
show_from_sidebar (GmaWindow  *self,
                   const char *id,
                   const char *uri)
{
  gma_faq_sidebar_select (self->sidebar, id);
  gma_page_view_load_uri (self->page_view, uri);

  if (self->narrow)
    g_object_set (self, "show-sidebar", FALSE, NULL);
}

/* Shows the answer of @entry, an entry of the window's content. */
static void
show_faq_entry (GmaWindow   *self,
                GmaFaqEntry *entry)
{
  const char *id = gma_faq_entry_get_id (entry);
  g_autofree char *uri = gma_router_uri (GMA_ROUTE_FAQ, id);

  show_from_sidebar (self, id, uri);
}

void
_gma_window_show_faq (GmaWindow  *self,
                      const char *id)
{
  GmaFaqEntry *entry;

  if (gma_content_resolve (self->content, id, NULL, &entry) == GMA_PAGE_FAQ)
    show_faq_entry (self, entry);
}

void
_gma_window_show_message (GmaWindow  *self,
                          const char *message)
{
  gtk_label_set_text (self->error_label, message);
  if (message != NULL)
    gma_a11y_set_label (GTK_WIDGET (self->error_label), message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The sidebar gives the URI to show: an FAQ answer, or, from a search,
 * a page of the guide, shown in the pane without changing the walk;
 * either with "?q=…" when a search led there. */
static void
on_faq_entry_activated (GmaWindow     *self,
                        const char    *uri,
                        GmaFaqSidebar *sidebar)
{
  g_autofree char *argument = NULL;
  GmaRoute route = gma_router_parse (uri, &argument, NULL);
  GmaPageKind kind = gma_content_resolve (self->content, argument, NULL, NULL);

  if ((route == GMA_ROUTE_FAQ && kind == GMA_PAGE_FAQ) ||
      (route == GMA_ROUTE_PAGE && kind == GMA_PAGE_NODE))
    show_from_sidebar (self, argument, uri);
}

/* The search found nothing and the person chose the guided check: take
 * them to the questions where they left off. The walk is kept (starting
 * over would throw away their answers); the pane shows its page again,
 * a narrow window gives the wizard its place back, and the focus goes
 * to the first answer, so that Enter or Space goes on. */
static void
on_guided_check_requested (GmaWindow     *self,
                           GmaFaqSidebar *sidebar)
{
  GtkWidget *button;

  if (self->narrow)
    g_object_set (self, "show-sidebar", FALSE, NULL);
  load_current_page (self);

  button = gma_question_view_get_answer_button (self->question_view, 0);
  if (button != NULL)
    gtk_widget_grab_focus (button);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->question_view), GTK_DIR_TAB_FORWARD);
}

/* "/" focuses the search, as on the web; where text is typed it is text. */
static gboolean
focus_search_shortcut (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) != NULL)
    return FALSE;

  gtk_widget_activate_action (widget, "win.search", NULL);
  return TRUE;
}

static void
show_uri_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GmaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The link could not be opened: %s"), error->message);
      _gma_window_show_message (self, message);
    }
}

static void
on_external_link (GmaWindow   *self,
                  const char  *uri,
                  GmaPageView *page_view)
{
  /* A kiosk opens nothing: the visitor takes the link away on a phone. */
  if (self->kiosk != NULL)
    {
      _gma_window_kiosk_show_link (self, uri);
      return;
    }

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL,
                     show_uri_done, g_object_ref (self));
}

static void
on_page_view_restarted (GmaWindow   *self,
                        GmaPageView *page_view)
{
  /* The web process died and the pane was rebuilt. A kiosk visitor is
   * back at the start, without a dialog. Elsewhere the rebuilt pane has
   * loaded again what it showed (the question's page, an FAQ answer or a
   * search's hit), and keeps the next page warm as before. */
  if (self->kiosk != NULL)
    gma_session_restart (self->session);
}

static void
on_page_shown (GmaWindow   *self,
               const char  *uri,
               GmaPageView *page_view)
{
  g_autofree char *argument = NULL;

  /* A page may be a search's hit too; "?q=…" is not part of the id. */
  switch (gma_router_parse (uri, &argument, NULL))
    {
    case GMA_ROUTE_FAQ:
    case GMA_ROUTE_PAGE:
      gma_faq_sidebar_select (self->sidebar, argument);
      break;

    default:
      gma_faq_sidebar_select (self->sidebar, NULL);
    }
}

static void
on_page_action (GmaWindow   *self,
                const char  *uri,
                GmaPageView *page_view)
{
  _gma_window_page_action (self, uri);
}

static void
on_find_changed (GmaWindow *self)
{
  _gma_window_find (self, FALSE);
}

static void
on_find_next (GmaWindow *self)
{
  _gma_window_find (self, FALSE);
}

static void
on_find_previous (GmaWindow *self)
{
  _gma_window_find (self, TRUE);
}

static void
on_find_stop (GmaWindow *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

static void
on_find_mode_changed (GmaWindow *self)
{
  /* Closing the bar ends the search and its highlights. */
  if (!gtk_search_bar_get_search_mode (self->find_bar))
    gma_page_view_find (self->page_view, NULL, FALSE);
  else if (gtk_editable_get_text (self->find_entry)[0] != '\0')
    _gma_window_find (self, FALSE);
}

/* Shift+Enter in the find entry: the previous match. */
static gboolean
on_find_key_pressed (GmaWindow       *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state,
                     GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) != 0)
    {
      _gma_window_find (self, TRUE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static GBytes *
resolve_uri (const char  *uri,
             gboolean     ahead,
             char       **content_type,
             GError     **error,
             gpointer     user_data)
{
  GmaWindow *self = user_data;
  GBytes *bytes = NULL;

  /* A kiosk's slip and its QR codes are served by the window. */
  if (self->kiosk != NULL && _gma_window_kiosk_resolve (self, uri, content_type, &bytes, error))
    return bytes;
  /* So is the page of the mail checked, which only the window holds. */
  if (_gma_window_mail_resolve (self, uri, content_type, &bytes, error))
    return bytes;

  /* The warm page is rendered for the walk its answer will make. */
  return gma_router_load_with_contact (self->content,
                                       ahead && self->ahead_session ? self->ahead_session : self->session,
                                       self->contact, uri, content_type, error);
}

/* An administrator or the Preferences window changed the counter: the
 * page shown is rendered again with it (or without it). */
static void
on_settings_changed (GmaWindow  *self,
                     const char *key,
                     GSettings  *settings)
{
  g_autoptr(GmaContact) contact = NULL;
  const char *uri;

  if (!g_str_has_prefix (key, "counter-"))
    return;

  contact = gma_contact_new_from_settings_changed (settings, key);
  if (gma_contact_equal (contact, self->contact))
    return;

  gma_contact_free (self->contact);
  self->contact = g_steal_pointer (&contact);
  gma_faq_sidebar_set_contact (self->sidebar, self->contact);

  drop_warm_page (self);

  uri = gma_page_view_get_uri (self->page_view);
  if (uri == NULL || _gma_window_kiosk_printing (self))
    return;
  if (self->session != NULL)
    {
      g_autofree char *current = gma_router_uri (GMA_ROUTE_PAGE,
                                                 gma_node_get_id (gma_session_get_current (self->session)));

      /* The question's page: again, and its next page warm again. */
      if (g_str_equal (uri, current))
        {
          load_current_page (self);
          return;
        }
    }
  gma_page_view_load_uri (self->page_view, uri);
}

const GmaContact *
gma_window_get_contact (GmaWindow *self)
{
  g_return_val_if_fail (GMA_IS_WINDOW (self), NULL);
  return self->contact;
}

void
gma_window_set_content (GmaWindow  *self,
                        GmaContent *content,
                        const char *error)
{
  g_autoptr(GmaSession) old_session = NULL;
  g_autofree char *old_uri = NULL;
  gboolean kept = FALSE;

  g_return_if_fail (GMA_IS_WINDOW (self));
  g_return_if_fail (GMA_IS_CONTENT (content));

  _gma_window_show_message (self, error);

  if (self->content == content)
    return;

  g_set_object (&self->content, content);
  /* The mail was checked with the other set's facts. */
  _gma_window_mail_forget (self);

  drop_warm_page (self);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
      old_session = g_steal_pointer (&self->session);
      old_uri = g_strdup (gma_page_view_get_uri (self->page_view));
    }
  self->session = gma_session_new (gma_content_get_flow (content));
  /* The walk goes on in the new set, before anyone hears of it. */
  if (old_session != NULL)
    kept = gma_session_replay (self->session, old_session);
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);

  {
    /* In the content's language, as the pages say it: not half in the
     * desktop's. */
    g_autofree char *subtitle = gma_render_based_on (content);
    gtk_label_set_text (self->subtitle_label, subtitle);
  }

  gma_faq_sidebar_set_content (self->sidebar, content);
  gma_question_view_set_session (self->question_view, self->session);
  on_session_changed (self, self->session);

  /* An FAQ answer or a search's hit stays in the pane, now in the new
   * set's words (the router renders it from the new set). */
  if (kept && old_uri != NULL && !g_str_equal (old_uri, gma_page_view_get_uri (self->page_view)))
    gma_page_view_load_uri (self->page_view, old_uri);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
}

gboolean
gma_window_set_language (GmaWindow  *self,
                         const char *language)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GError) error = NULL;
  gboolean shared;

  g_return_val_if_fail (GMA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  if (self->content == NULL)
    return TRUE;

  /* The application's set is the one copy: it is loaded again there, so
   * that the next launch finds it in this language too. A set given to
   * gma_window_set_content() by anyone else is read again here. */
  shared = GMA_IS_APPLICATION (app) &&
           gma_application_get_content (GMA_APPLICATION (app)) == self->content;

  if (g_str_equal (gma_content_get_language (self->content), language))
    {
      /* Nothing to load; the application learns which is shown. */
      if (shared)
        gma_application_set_language (GMA_APPLICATION (app), language, NULL);
      return TRUE;
    }

  /* The same set again, read in the other language. */
  if (shared)
    {
      GmaContent *loaded = gma_application_set_language (GMA_APPLICATION (app), language, &error);

      content = loaded != NULL ? g_object_ref (loaded) : NULL;
    }
  else
    content = gma_content_new_for_language (self->content, language, &error);
  if (content == NULL)
    {
      _gma_window_show_message (self, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
      return FALSE;
    }
  if (!g_str_equal (gma_content_get_language (content), language))
    {
      g_autofree char *why = gma_content_explain_missing_language (content, language);
      g_auto(GStrv) lines = g_strsplit (why != NULL ? why : "", "\n", -1);
      guint n_lines = g_strv_length (lines);
      g_autofree char *first = NULL;
      g_autofree char *message = NULL;

      /* The first gaps; --validate-content lists them all. */
      if (n_lines > 5)
        {
          g_free (lines[5]);
          lines[5] = g_strdup_printf (ngettext ("… and %u more (gmis-assistant --validate-content "
                                                "lists them all)",
                                                "… and %u more (gmis-assistant --validate-content "
                                                "lists them all)", n_lines - 5),
                                      n_lines - 5);
          for (guint i = 6; i < n_lines; i++)
            g_clear_pointer (&lines[i], g_free);
        }
      first = g_strjoinv ("\n", lines);
      message = g_strdup_printf (_("English is not available: the content set lacks parts of "
                                   "its English translation, so it is shown in Japanese.\n%s"),
                                 first);
      _gma_window_show_message (self, message);
      /* The menu's choice goes back to what is shown. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
      return FALSE;
    }

  gma_window_set_content (self, content, NULL);

  /* A choice made on a desktop is remembered; a kiosk's visitors' is not
   * (the idle reset goes back to the default language). */
  if (self->kiosk == NULL && self->settings != NULL &&
      g_settings_is_writable (self->settings, "content-language"))
    {
      g_autofree char *stored = g_settings_get_string (self->settings, "content-language");

      if (!g_str_equal (stored, language) &&
          !(stored[0] == '\0' && g_str_equal (gma_content_language_from_locale (), language)))
        g_settings_set_string (self->settings, "content-language", language);
    }

  return TRUE;
}

GmaContent *
gma_window_get_content (GmaWindow *self)
{
  g_return_val_if_fail (GMA_IS_WINDOW (self), NULL);
  return self->content;
}

GmaSession *
gma_window_get_session (GmaWindow *self)
{
  g_return_val_if_fail (GMA_IS_WINDOW (self), NULL);
  return self->session;
}

gboolean
gma_window_show_page (GmaWindow  *self,
                      const char *id)
{
  GmaFaqEntry *entry;

  g_return_val_if_fail (GMA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  switch (gma_content_resolve (self->content, id, NULL, &entry))
    {
    case GMA_PAGE_NODE:
      return gma_session_jump_to (self->session, id);

    case GMA_PAGE_FAQ:
      g_object_set (self, "show-sidebar", TRUE, NULL);
      show_faq_entry (self, entry);
      return TRUE;

    case GMA_PAGE_NONE:
    default:
      return FALSE;
    }
}

static gboolean
update_narrow_cb (gpointer user_data)
{
  GmaWindow *self = user_data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;

  self->narrow_idle = 0;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      /* Entering the narrow layout hides the sidebar; leaving it restores
       * the preference. */
      self->show_sidebar = narrow ? FALSE : g_settings_get_boolean (self->settings, "show-sidebar");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
      update_layout (self);
    }

  return G_SOURCE_REMOVE;
}

static void
gma_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  GmaWindow *self = GMA_WINDOW (widget);

  GTK_WIDGET_CLASS (gma_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Changing children while allocating is not allowed: do it before the
   * next frame is laid out. */
  if ((width < NARROW_WIDTH) != self->narrow && self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_narrow_cb, self, NULL);
}

static void
after_first_paint (GdkFrameClock *frame_clock,
                   GmaWindow     *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_first_paint, self);
  gma_timing_mark ("first-frame", NULL);

  /* tools/bench measures the time to the first frame: stop right here,
   * before the work that waits for this frame (the web view, the FAQ
   * list) gets a turn. */
  if (g_getenv ("GMA_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_application_quit (g_application_get_default ());
}

/* The header menu's popover, a tree of widgets nobody sees before the menu
 * opens, is built then, not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  GmaWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
gma_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gma_window_parent_class)->map (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_first_paint), widget, 0);
}

static gboolean
gma_window_close_request (GtkWindow *window)
{
  GmaWindow *self = GMA_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 360));
    }

  return GTK_WINDOW_CLASS (gma_window_parent_class)->close_request (window);
}

/* What the window needs is given at construction (GmaWindow:settings,
 * GmaWindow:kiosk-mode), so g_object_new() alone makes a working window;
 * the content may come later (GmaWindow:content). "application" is not a
 * construct property of GtkWindow: nothing here needs it. */
static void
gma_window_constructed (GObject *object)
{
  GmaWindow *self = GMA_WINDOW (object);

  G_OBJECT_CLASS (gma_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema =
        source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

      if (schema == NULL)
        g_error ("GmaWindow was given no settings and the schema %s is not installed", APP_ID);
      self->settings = g_settings_new_full (schema, NULL, NULL);
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->show_sidebar = g_settings_get_boolean (self->settings, "show-sidebar");
  update_layout (self);

  /* The prefecture's counter, shown where the guide sends people there. */
  self->contact = gma_contact_new_from_settings (self->settings);
  gma_faq_sidebar_set_contact (self->sidebar, self->contact);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  gma_page_view_set_resolver (self->page_view, resolve_uri, self);

  /* The pane's zoom is remembered (and may be set by an administrator). */
  g_signal_connect_object (self->settings, "changed::zoom-level",
                           G_CALLBACK (_gma_window_apply_zoom), self, G_CONNECT_SWAPPED);
  _gma_window_apply_zoom (self);

  if (self->kiosk_mode)
    _gma_window_setup_kiosk (self);
}

static void
gma_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GmaWindow *self = GMA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_CARET_BROWSING:
      g_value_set_boolean (value, self->caret_browsing);
      break;

    case PROP_CONTENT_LANGUAGE:
      g_value_set_string (value, self->content != NULL ? gma_content_get_language (self->content) : "ja");
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_KIOSK_MODE:
      g_value_set_boolean (value, self->kiosk_mode);
      break;

    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GmaWindow *self = GMA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          self->show_sidebar = g_value_get_boolean (value);
          /* Only a choice made on a wide window is remembered, and none
           * made by a kiosk's visitors. */
          if (!self->narrow && self->kiosk == NULL && self->settings != NULL)
            g_settings_set_boolean (self->settings, "show-sidebar", self->show_sidebar);
          update_layout (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CARET_BROWSING:
      if (self->caret_browsing != g_value_get_boolean (value))
        {
          self->caret_browsing = g_value_get_boolean (value);
          gma_page_view_set_caret_browsing (self->page_view, self->caret_browsing);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CONTENT_LANGUAGE:
      if (gma_content_language_from_name (g_value_get_string (value)) != NULL)
        gma_window_set_language (self, gma_content_language_from_name (g_value_get_string (value)));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_KIOSK_MODE:
      self->kiosk_mode = g_value_get_boolean (value);
      break;

    case PROP_CONTENT:
      if (g_value_get_object (value) != NULL)
        gma_window_set_content (self, g_value_get_object (value), NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_window_dispose (GObject *object)
{
  GmaWindow *self = GMA_WINDOW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_pointer (&self->kiosk, _gma_window_kiosk_free);
  _gma_window_mail_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GMA_TYPE_WINDOW);

  G_OBJECT_CLASS (gma_window_parent_class)->dispose (object);
}

static void
gma_window_finalize (GObject *object)
{
  GmaWindow *self = GMA_WINDOW (object);

  g_clear_object (&self->ahead_session);
  g_clear_object (&self->session);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->contact, gma_contact_free);

  G_OBJECT_CLASS (gma_window_parent_class)->finalize (object);
}

static void
gma_window_class_init (GmaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gma_window_constructed;
  object_class->dispose = gma_window_dispose;
  object_class->finalize = gma_window_finalize;
  object_class->get_property = gma_window_get_property;
  object_class->set_property = gma_window_set_property;

  widget_class->size_allocate = gma_window_size_allocate;
  widget_class->map = gma_window_map;

  window_class->close_request = gma_window_close_request;

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A movable caret in the page pane (F7), so that the page can be read
   * with the keyboard and a screen reader. */
  properties[PROP_CARET_BROWSING] =
    g_param_spec_boolean ("caret-browsing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The language the content is shown in, "ja" or "en" (the header
   * menu's 日本語 / English). */
  properties[PROP_CONTENT_LANGUAGE] =
    g_param_spec_string ("content-language", NULL, NULL, "ja",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The application's settings (window size, sidebar, zoom, the counter,
   * the kiosk's); without them, the schema's own. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A counter's terminal (gma-window-kiosk.c): full screen, the kiosk's
   * screens over the window, a keypad for the FAQ. */
  properties[PROP_KIOSK_MODE] =
    g_param_spec_boolean ("kiosk-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The content set shown (gma_window_set_content(), without an error). */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GMA_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GMA_TYPE_FAQ_SIDEBAR);
  g_type_ensure (GMA_TYPE_PAGE_VIEW);
  g_type_ensure (GMA_TYPE_QUESTION_VIEW);

  gma_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gma-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, fullscreen_box);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, keypad_revealer);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, wizard_column);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, question_view);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, page_view);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, restart_button);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, flow_button);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, GmaWindow, find_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_faq_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_external_link);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_page_view_restarted);
  gtk_widget_class_bind_template_callback (widget_class, on_page_action);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_find_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_find_mode_changed);

  _gma_window_class_install_actions (klass);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_slash, 0, focus_search_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Divide, 0, focus_search_shortcut, NULL);
}

static void
gma_window_init (GmaWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound as a template child: gtk_widget_dispose_template() would
   * unparent the window's own child behind GtkWindow's back. */
  self->overlay = GTK_OVERLAY (gtk_window_get_child (GTK_WINDOW (self)));
  _gma_window_add_map_actions (self);
  _gma_window_mail_init (self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         create_primary_menu, self, NULL);

  g_signal_connect_object (self->sidebar, "guided-check-requested",
                           G_CALLBACK (on_guided_check_requested), self, G_CONNECT_SWAPPED);

  gma_a11y_hide_when_closed (self->error_revealer);
  gma_a11y_hide_when_closed (self->sidebar_revealer);
  gma_a11y_name_button (self->restart_button);
  gma_a11y_name_button (self->flow_button);
  /* The find bar's own close button shows an icon only. */
  gma_a11y_name_icon_buttons (GTK_WIDGET (self->find_bar), _("Close"));
  _gma_window_setup_keys (self);
  gtk_search_bar_connect_entry (self->find_bar, self->find_entry);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_find_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
}

GmaWindow *
gma_window_new (GmaApplication *application)
{
  GmaWindow *self;

  g_return_val_if_fail (GMA_IS_APPLICATION (application), NULL);

  self = g_object_new (GMA_TYPE_WINDOW,
                       "settings", gma_application_get_settings (application),
                       "kiosk-mode", gma_application_get_kiosk (application),
                       "application", application,
                       NULL);
  if (gma_application_get_content (application) != NULL)
    gma_window_set_content (self, gma_application_get_content (application),
                            gma_application_get_content_error (application));

  return self;
}
