/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in kiosk mode: an unattended touch terminal at a
 * prefecture's counter. GmaKiosk keeps the visitor inside (full screen,
 * key filter, no close) and watches for idleness; this file puts the
 * kiosk's screens over the window and wipes what a visitor leaves. */
#define G_LOG_DOMAIN "gma-window"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-a11y.h"
#include "gma-attract-screen.h"
#include "gma-idle-overlay.h"
#include "gma-kiosk-display.h"
#include "gma-qr.h"
#include "gma-qr-view.h"
#include "gma-render.h"
#include "gma-router.h"
#include "gma-window-kiosk-private.h"

void
_gma_window_kiosk_free (GmaWindowKiosk *kiosk)
{
  g_clear_object (&kiosk->kiosk);
  g_free (kiosk);
}

gboolean
_gma_window_kiosk_printing (GmaWindow *self)
{
  return self->kiosk != NULL && self->kiosk->printing_slip;
}

static void
reset_scrolling (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (widget);

      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (scrolled), 0);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reset_scrolling (child);
}

/* While a kiosk screen (attract screen, idle warning) lies over the window,
 * what is under it can be neither focused nor pressed: Enter under 「続けま
 * すか？」 must not press a hidden answer. The screen takes the focus (a
 * screen reader reads it). */
static void
show_cover (GmaWindow *self,
            GtkWidget *screen)
{
  gtk_widget_set_sensitive (self->fullscreen_box, FALSE);
  /* Nor read by assistive technology. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->fullscreen_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (screen != NULL)
    {
      gtk_widget_set_visible (screen, TRUE);
      gtk_widget_grab_focus (screen);
    }
}

static void
uncover (GmaWindow *self)
{
  gtk_widget_set_sensitive (self->fullscreen_box, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->fullscreen_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
}

/* Everything the last visitor left goes: answers, search text, scroll
 * positions, zoom, both clipboards (GmaKiosk empties those), and the web
 * view with its history and session. */
static void
on_kiosk_reset (GmaWindow *self,
                GmaKiosk  *kiosk)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->kiosk->printing_slip = FALSE;
  gma_session_restart (self->session);
  gtk_editable_set_text (gma_faq_sidebar_get_search_entry (self->sidebar), "");
  gma_kana_keypad_set_page (self->kiosk->keypad, "kana");
  g_object_set (self, "show-sidebar", FALSE, "caret-browsing", FALSE, NULL);
  gtk_widget_set_visible (self->kiosk->qr_view, FALSE);
  gtk_editable_set_text (self->find_entry, "");
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  gma_page_view_find (self->page_view, NULL, FALSE);
  gma_question_view_show_feedback (self->question_view, NULL);
  gma_kiosk_display_reset (self->kiosk->display_toggles);
  /* The next visitor starts in the terminal's own language. */
  if (GMA_IS_APPLICATION (app))
    gma_window_set_language (self, gma_application_get_language (GMA_APPLICATION (app)));
  /* The window follows the setting (changed::zoom-level). */
  g_settings_reset (self->settings, "zoom-level");
  reset_scrolling (GTK_WIDGET (self));

  /* WebKit cannot forget its back-forward list: build a new view on a new
   * ephemeral session. */
  gma_page_view_rebuild (self->page_view);

  show_cover (self, self->kiosk->attract_screen);
}

/* The kiosk's language button offers the other language, named in it. */
static void
update_language_button (GmaWindow *self)
{
  gboolean english = self->content != NULL &&
                     g_str_equal (gma_content_get_language (self->content), "en");

  /* Each language by its own name, as in the desktop's menu. */
  gtk_button_set_label (GTK_BUTTON (self->kiosk->language_button), english ? "日本語" : "English");
}

static void
on_language_clicked (GmaWindow *self)
{
  gboolean english = self->content != NULL &&
                     g_str_equal (gma_content_get_language (self->content), "en");

  gma_window_set_language (self, english ? "ja" : "en");
}

static void
on_attract_activated (GmaWindow        *self,
                      GmaAttractScreen *attract)
{
  /* The reset that showed it has already started a new walk. */
  gtk_widget_set_visible (self->kiosk->attract_screen, FALSE);
  uncover (self);
  gma_kiosk_reset_idle (self->kiosk->kiosk);
}

static void
on_idle_warning (GmaWindow *self,
                 guint      seconds,
                 GmaKiosk  *kiosk)
{
  show_cover (self, NULL);
}

static void
on_idle_cancelled (GmaWindow *self,
                   GmaKiosk  *kiosk)
{
  if (!gtk_widget_get_visible (self->kiosk->attract_screen))
    uncover (self);
}

static void
on_qr_closed (GmaWindow *self,
              GmaQrView *qr_view)
{
  gtk_widget_set_visible (self->kiosk->qr_view, FALSE);
  uncover (self);
}

static void
on_show_sidebar_changed (GmaWindow  *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  gtk_revealer_set_reveal_child (self->keypad_revealer, self->show_sidebar);
}

/* Each kiosk screen covers the whole window, whatever its natural size
 * (GtkOverlay would otherwise give a tall screen its natural height). */
static gboolean
cover_window (GtkOverlay    *overlay,
              GtkWidget     *widget,
              GdkRectangle  *allocation,
              gpointer       user_data)
{
  allocation->x = 0;
  allocation->y = 0;
  allocation->width = gtk_widget_get_width (GTK_WIDGET (overlay));
  allocation->height = gtk_widget_get_height (GTK_WIDGET (overlay));

  return TRUE;
}

void
_gma_window_kiosk_show_link (GmaWindow  *self,
                             const char *uri)
{
  if (!gma_qr_view_set_uri (GMA_QR_VIEW (self->kiosk->qr_view), uri))
    return;
  show_cover (self, self->kiosk->qr_view);
}

static const char * const refused_app_actions[] = { "quit", "about", "preferences" };

#define SLIP_URI "gma://app/slip"
#define QR_URI_PREFIX "gma://app/qr?text="

gboolean
_gma_window_kiosk_resolve (GmaWindow  *self,
                           const char *uri,
                           char      **content_type,
                           GBytes    **bytes,
                           GError    **error)
{
  if (g_strcmp0 (uri, SLIP_URI) == 0)
    {
      char *html = gma_render_slip (self->content, self->session, self->contact, error);

      if (html != NULL)
        {
          *bytes = g_bytes_new_take (html, strlen (html));
          *content_type = g_strdup ("text/html; charset=utf-8");
        }
      return TRUE;
    }

  if (g_str_has_prefix (uri, QR_URI_PREFIX))
    {
      g_autofree char *text = g_uri_unescape_string (uri + strlen (QR_URI_PREFIX), NULL);
      g_autoptr(GdkTexture) texture = NULL;

      if (text != NULL)
        texture = gma_qr_texture_new (text, 4, error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Malformed %s", uri);
      if (texture != NULL)
        {
          *bytes = gdk_texture_save_to_png_bytes (texture);
          *content_type = g_strdup ("image/png");
        }
      return TRUE;
    }

  return FALSE;
}

gboolean
_gma_window_kiosk_can_print (GmaWindow *self)
{
  return self->kiosk != NULL &&
         gma_kiosk_get_allow_print (self->kiosk->kiosk) &&
         !self->kiosk->printing_slip &&
         gma_node_get_kind (gma_session_get_current (self->session)) == GMA_NODE_RESULT;
}

/* The slip is shown in the pane while it prints, then the result again. */
void
_gma_window_kiosk_print_slip (GmaWindow *self)
{
  if (!_gma_window_kiosk_can_print (self))
    return;

  self->kiosk->printing_slip = TRUE;
  _gma_window_update_actions (self);
  gma_page_view_load_uri (self->page_view, SLIP_URI);
}

static void
on_slip_loaded (GmaWindow   *self,
                const char  *uri,
                GmaPageView *page_view)
{
  if (_gma_window_kiosk_printing (self) && g_strcmp0 (uri, SLIP_URI) == 0)
    gma_page_view_print (page_view, TRUE);
}

static void
on_print_finished (GmaWindow   *self,
                   const char  *error,
                   GmaPageView *page_view)
{
  g_autofree char *current = NULL;

  if (!_gma_window_kiosk_printing (self))
    return;

  self->kiosk->printing_slip = FALSE;
  current = gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_session_get_current (self->session)));
  gma_page_view_load_uri (self->page_view, current);
  _gma_window_update_actions (self);

  if (error != NULL)
    {
      g_warning ("The slip was not printed: %s", error);
      gma_question_view_show_feedback (self->question_view,
                                       _("The slip could not be printed. Please ask the staff at the counter."));
    }
  else
    gma_question_view_show_feedback (self->question_view, _("The slip is printing."));
}

static void
on_allow_print_changed (GmaWindow *self)
{
  _gma_window_update_actions (self);
}

/* A counter's terminal may have no working GPU: a thin client, or a
 * terminal whose driver failed. There, under cage, Mesa gives GTK a
 * software GL that GTK 4.8 takes for a working one, and its GL renderer
 * aborts on the first frame (gsk_gl_driver_cache_texture), for ever
 * under Restart=always. The kiosk's screens are static and its page pane
 * is painted on the CPU anyway (gma-web-module.c), so the kiosk paints
 * with GTK's cairo renderer, which needs no driver, wherever it is
 * started; an administrator who has seen GL work on a terminal may still
 * choose it with GSK_RENDERER. GTK 4 has no API for this: the display's
 * "gsk-renderer" data (what GtkInspector sets on its own display) is
 * asked before GSK_RENDERER, when a window is realized. */
static void
choose_renderer (GmaWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_debug ("The kiosk window is realized already: its renderer stays");
      return;
    }
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
}

/* The window covers the terminal's output from its first frame. cage
 * grants the full-screen request before the window maps with no size
 * (0×0: the client chooses), so GTK's first frame had the desktop's
 * remembered size (window-width, window-height: 1200 × 780, cut to the
 * output) and only the maximize that cage sends at the map made it the
 * output's size, a second full layout later. The kiosk's size is the
 * output's; nor does it keep the desktop window's minimum (800 × 560),
 * which is wider than a portrait output of 720 × 1280. */
static int
fit_output (GmaWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  gtk_widget_set_size_request (GTK_WIDGET (self), -1, -1);
  if (monitor == NULL)
    return -1;
  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width <= 0 || geometry.height <= 0)
    return -1;
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);

  return geometry.width;
}

/* GtkHeaderBar keeps its title in the middle, between room for the
 * wider of its two sides on each: with the kiosk's large buttons, a
 * portrait output 720 px wide leaves the title a few pixels, an ellipsis.
 * Where the title would get less than half the width it needs, the
 * kiosk's header does without it (the attract screen and the page say
 * what this is). */
static void
fit_header (GmaWindow *self,
            GtkWidget *header,
            int        output_width)
{
  GtkWidget *title = gtk_header_bar_get_title_widget (GTK_HEADER_BAR (header));
  int header_minimum = 0;
  int title_minimum = 0;
  int title_natural = 0;

  if (output_width <= 0 || title == NULL)
    return;
  gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &header_minimum, NULL, NULL, NULL);
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, &title_minimum, &title_natural, NULL, NULL);
  if (output_width - (header_minimum - title_minimum) < title_natural / 2)
    gtk_widget_set_visible (title, FALSE);
}

/* Nothing that opens another window: the application's own actions are
 * refused, even when asked over D-Bus (org.gtk.Actions). The window gets
 * its application after construction. */
static void
refuse_app_actions (GmaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (refused_app_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), refused_app_actions[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
    }
}

/* The kiosk takes the window over: the template has the places for its
 * parts (the overlay its screens lie in, the keypad's revealer), and its
 * header is the first row of the full-screen box, so it stays when the
 * window is full screen. */
void
_gma_window_setup_kiosk (GmaWindow *self)
{
  GmaWindowKiosk *kiosk;
  GtkWidget *header = GTK_WIDGET (self->header_bar);
  GtkWidget *idle_overlay;
  int output_width;

  g_return_if_fail (self->kiosk == NULL);

  choose_renderer (self);
  output_width = fit_output (self);
  kiosk = self->kiosk = g_new0 (GmaWindowKiosk, 1);
  kiosk->kiosk = gma_kiosk_new (GTK_WINDOW (self), self->settings);

  /* No client-side frame: the template's empty title bar asks for one,
   * and where no window manager says the window is full screen (X11
   * without one) its border would stay around the kiosk's screens. */
  gtk_window_set_titlebar (GTK_WINDOW (self), NULL);
  /* No window buttons in the header; pressing or dragging it does
   * nothing to the window. */
  gtk_header_bar_set_show_title_buttons (self->header_bar, FALSE);
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-titlebar-double-click", "none",
                "gtk-titlebar-middle-click", "none",
                "gtk-titlebar-right-click", "none",
                NULL);
  /* A touch screen has no Alt key: the labels lose their mnemonic letters,
   * 「最初からやり直す(S)」 becomes 「最初からやり直す」. */
  gtk_button_set_use_underline (self->restart_button, FALSE);
  gtk_button_set_label (self->restart_button, _("Start Over"));
  gtk_button_set_use_underline (self->flow_button, FALSE);
  gtk_button_set_label (self->flow_button, _("Whole Flow"));
  gma_a11y_name_button (self->restart_button);
  gma_a11y_name_button (self->flow_button);

  g_signal_connect (self->overlay, "get-child-position", G_CALLBACK (cover_window), NULL);

  /* An on-screen keypad for the FAQ search: a terminal has no keyboard.
   * It spans the window's width below everything, shown with the FAQ. */
  kiosk->keypad = GMA_KANA_KEYPAD (gma_kana_keypad_new ());
  gma_kana_keypad_set_target (kiosk->keypad, gma_faq_sidebar_get_search_entry (self->sidebar));
  gtk_revealer_set_child (self->keypad_revealer, GTK_WIDGET (kiosk->keypad));
  /* Typing happens on the keypad; a tap on the entry would only bring up
   * GTK's cut/copy/paste popup. */
  gtk_widget_set_can_target (GTK_WIDGET (gma_faq_sidebar_get_search_entry (self->sidebar)), FALSE);
  g_signal_connect (self, "notify::show-sidebar", G_CALLBACK (on_show_sidebar_changed), NULL);

  kiosk->qr_view = gma_qr_view_new ();
  gtk_widget_set_visible (kiosk->qr_view, FALSE);
  g_signal_connect_object (kiosk->qr_view, "closed", G_CALLBACK (on_qr_closed), self, G_CONNECT_SWAPPED);
  gtk_overlay_add_overlay (self->overlay, kiosk->qr_view);

  kiosk->attract_screen = gma_attract_screen_new ();
  g_signal_connect_object (kiosk->attract_screen, "activated",
                           G_CALLBACK (on_attract_activated), self, G_CONNECT_SWAPPED);
  gtk_overlay_add_overlay (self->overlay, kiosk->attract_screen);

  idle_overlay = gma_idle_overlay_new ();
  gtk_widget_set_visible (idle_overlay, FALSE);
  gtk_overlay_add_overlay (self->overlay, idle_overlay);
  gma_kiosk_set_idle_overlay (kiosk->kiosk, GMA_IDLE_OVERLAY (idle_overlay));
  g_signal_connect_object (kiosk->kiosk, "reset", G_CALLBACK (on_kiosk_reset), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk->kiosk, "idle-warning", G_CALLBACK (on_idle_warning), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk->kiosk, "idle-cancelled", G_CALLBACK (on_idle_cancelled), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->page_view, "load-finished", G_CALLBACK (on_slip_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_view, "print-finished", G_CALLBACK (on_print_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::kiosk-allow-print",
                           G_CALLBACK (on_allow_print_changed), self, G_CONNECT_SWAPPED);

  /* Nothing that opens another window. */
  gtk_widget_set_visible (self->menu_button, FALSE);
  refuse_app_actions (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (refuse_app_actions), NULL);
  /* Nor the keyboard shortcuts window (GtkApplicationWindow's own
   * action, also reachable over D-Bus). */
  {
    GAction *help = g_action_map_lookup_action (G_ACTION_MAP (self), "show-help-overlay");

    if (G_IS_SIMPLE_ACTION (help))
      g_simple_action_set_enabled (G_SIMPLE_ACTION (help), FALSE);
  }

  /* The header menu is gone, but a visitor may need English: one large
   * button switches (when the content set has its English). */
  kiosk->language_button = gtk_button_new ();
  gtk_widget_add_css_class (kiosk->language_button, "kiosk-language");
  g_signal_connect_object (kiosk->language_button, "clicked", G_CALLBACK (on_language_clicked),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::content-language", G_CALLBACK (update_language_button), NULL);
  update_language_button (self);
  gtk_header_bar_pack_end (self->header_bar, kiosk->language_button);
  /* 「文字を大きく」 and high contrast, which the idle reset turns off: a
   * row at the bottom (in the header they would make it wider than a
   * portrait output). */
  kiosk->display_toggles = gma_kiosk_display_new ();
  gtk_box_append (GTK_BOX (self->fullscreen_box), kiosk->display_toggles);
  /* F9 does nothing here. */
  gtk_widget_set_tooltip_text (self->sidebar_button, _("Show or hide the FAQ"));
  g_object_set (self, "show-sidebar", FALSE, NULL);

  gma_kiosk_set_active (kiosk->kiosk, TRUE);
  /* Measured with the kiosk's style sheet, which it has now. */
  fit_header (self, header, output_width);
  show_cover (self, kiosk->attract_screen);
  _gma_window_update_actions (self);
}
