/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page pane. It holds the web view, which comes from the WebKit
 * module (gma-web-module.c) loaded after the window's first frame, so
 * that starting the app costs what a plain GTK window costs. This file
 * itself never touches WebKit.
 *
 * Once the shown page has loaded, a second, warm view in the same web
 * process loads the page the owner expects next (gma_page_view_preload_uri).
 * It lies under the shown one, laid out and painted at the same size but
 * never seen, picked or focused; when that page is asked for, the two trade
 * places, and the page is on screen in the next frame without a load.
 *
 * Where WebKit cannot hand its page to assistive technology (GTK 4.8),
 * each view keeps an outline of its page (gma-page-outline.h), read from
 * the HTML it is served; the shown view's is offered, under it. The pages
 * get the desktop's high contrast as a user style sheet (gma-page-style.h). */
#define G_LOG_DOMAIN "gma-page-view"
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "gma-a11y.h"
#include "gma-html.h"
#include "gma-page-outline.h"
#include "gma-page-style.h"
#include "gma-page-view.h"
#include "gma-router.h"
#include "gma-timing.h"
#include "gma-web-env.h"
#include "gma-web-module.h"

struct _GmaPageView
{
  GtkWidget parent_instance;

  /* Owned */
  GtkWidget *placeholder;   /* what shows without a web view: nothing, or why */
  char *uri;
  guint create_idle;
  double zoom;
  gboolean caret;
  /* A load was asked for and its load-finished has not come yet. */
  gboolean pending;
  /* The module could not be loaded, WebKit cannot start here, or the web
   * process kept dying: the placeholder says so. */
  gboolean load_failed;
  guint restarts;
  gint64 first_restart;

  /* The page to keep warm, its view's URI, and how far its load is. */
  char *warm_uri;
  char *warm_view_uri;
  gboolean warm_shown;
  gboolean warm_finished;
  /* GMIS_ASSISTANT_TIMINGS: the page whose first frame is awaited. */
  char *ready_id;

  /* WebKit hands its pages to assistive technology itself (see
   * gma-page-outline.h): no outline is needed. */
  gboolean web_a11y;
  /* The style sheet added to every page (high contrast), or NULL. */
  char *user_css;
  gboolean watching_settings;

  /* Borrowed (children, from the module) */
  GtkWidget *web_view;
  GtkWidget *warm_view;
  /* Borrowed (the placeholder's children, once it has a message) */
  GtkWidget *message_label;
  GtkWidget *reload_button;

  GmaPageResolver resolver;
  gpointer resolver_data;
};

G_DEFINE_FINAL_TYPE (GmaPageView, gma_page_view, GTK_TYPE_WIDGET)

enum {
  EXTERNAL_LINK,
  ACTION,
  PAGE_SHOWN,
  LOAD_FINISHED,
  RESTARTED,
  PRINT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GmaWebModule *web_module;

static gboolean
load_web_module (GError **error)
{
  const char *path = g_getenv ("GMA_WEB_MODULE");
  g_autofree char *default_path = NULL;
  GmaWebModuleGetFunc get = NULL;
  GModule *module;

  if (web_module != NULL)
    return TRUE;

  if (path == NULL || path[0] == '\0')
    path = default_path = g_build_filename (PKGLIBDIR, "gma-webkit." G_MODULE_SUFFIX, NULL);

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_module_error ());
      return FALSE;
    }

  if (!g_module_symbol (module, GMA_WEB_MODULE_SYMBOL, (gpointer *) &get) || get == NULL ||
      get () == NULL || get ()->abi != GMA_WEB_MODULE_ABI)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s is not a page module of this version", path);
      g_module_close (module);
      return FALSE;
    }

  /* WebKit cannot be unloaded. */
  g_module_make_resident (module);
  web_module = get ();

  return TRUE;
}

static GBytes *
host_resolve (gpointer     host,
              GtkWidget   *view,
              const char  *uri,
              char       **content_type,
              GError     **error)
{
  GmaPageView *self = host;
  GBytes *bytes;

  if (self->resolver == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No page for %s", uri);
      return NULL;
    }

  bytes = self->resolver (uri, view != NULL && view == self->warm_view,
                          content_type, error, self->resolver_data);

  /* The page as assistive technology gets it, read from the same bytes. */
  if (bytes != NULL && view != NULL && !self->web_a11y &&
      *content_type != NULL && g_str_has_prefix (*content_type, "text/html"))
    gma_page_outline_read (view, uri, bytes);

  return bytes;
}

/* ---- the page for assistive technology --------------------------------------- */

static void on_outline_link (GmaPageView    *self,
                             const char     *uri,
                             GmaPageOutline *outline);

/* The outline of @view's page: offered while @view is the one shown, and
 * gone for good where WebKit does it itself. */
static void
update_outline (GmaPageView *self,
                GtkWidget   *view)
{
  GmaPageOutline *outline;
  gboolean created;

  if (view == NULL)
    return;

  if (!self->web_a11y && gma_page_outline_web_view_offers_page (view))
    {
      self->web_a11y = TRUE;
      g_debug ("WebKit offers the pages to assistive technology: no outline");
    }
  if (self->web_a11y)
    {
      gma_page_outline_forget (view);
      return;
    }

  outline = gma_page_outline_sync (view, web_module->get_uri (view), GTK_WIDGET (self),
                                   view == self->web_view, &created);
  if (outline != NULL && created)
    g_signal_connect_object (outline, "activate-link", G_CALLBACK (on_outline_link), self,
                             G_CONNECT_SWAPPED);

  /* The web view, which takes the focus, is named after its page. */
  if (outline != NULL && view == self->web_view)
    gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gma_page_outline_get_title (outline), -1);
}

/* A link of the outline was activated: as if it was followed in the page. */
static void
on_outline_link (GmaPageView    *self,
                 const char     *uri,
                 GmaPageOutline *outline)
{
  GmaHtmlUrlKind kind;

  /* Only the page shown has links to follow. */
  if (self->web_view == NULL ||
      gma_page_outline_sync (self->web_view, web_module->get_uri (self->web_view), GTK_WIDGET (self),
                             TRUE, NULL) != outline)
    return;

  /* What the web module does with a link followed in the page. */
  kind = gma_html_url_kind (uri);
  if (g_str_has_prefix (uri, "gma://action/"))
    g_signal_emit (self, signals[ACTION], 0, uri);
  else if (kind == GMA_HTML_URL_APP)
    web_module->load_uri (self->web_view, uri);
  else if (kind == GMA_HTML_URL_WEB || kind == GMA_HTML_URL_MAILTO)
    g_signal_emit (self, signals[EXTERNAL_LINK], 0, uri);
}

/* ---- high contrast ---------------------------------------------------------------- */

static void
apply_contrast (GmaPageView *self)
{
  g_autofree char *css = gma_page_style_for_settings (gtk_widget_get_settings (GTK_WIDGET (self)));

  if (g_strcmp0 (css, self->user_css) == 0)
    return;

  g_free (self->user_css);
  self->user_css = g_steal_pointer (&css);
  if (self->web_view != NULL)
    web_module->set_user_css (self->web_view, self->user_css);
  if (self->warm_view != NULL)
    web_module->set_user_css (self->warm_view, self->user_css);
}

/* The pages follow the desktop's contrast from the first one on. */
static void
watch_contrast (GmaPageView *self)
{
  if (self->watching_settings)
    return;
  self->watching_settings = TRUE;

  gma_page_style_watch (gtk_widget_get_settings (GTK_WIDGET (self)), G_CALLBACK (apply_contrast), self);
  apply_contrast (self);
}

static void
host_external_link (gpointer    host,
                    GtkWidget  *view,
                    const char *uri)
{
  GmaPageView *self = host;

  if (view == self->web_view)
    g_signal_emit (host, signals[EXTERNAL_LINK], 0, uri);
}

static void
host_action (gpointer    host,
             GtkWidget  *view,
             const char *uri)
{
  GmaPageView *self = host;

  if (view == self->web_view)
    g_signal_emit (host, signals[ACTION], 0, uri);
}

static void
host_page_shown (gpointer    host,
                 GtkWidget  *view,
                 const char *uri)
{
  GmaPageView *self = host;

  if (view == self->warm_view)
    self->warm_shown = g_strcmp0 (uri, self->warm_view_uri) == 0;
  else if (view == self->web_view)
    g_signal_emit (host, signals[PAGE_SHOWN], 0, uri);
  update_outline (self, view);
}

static void
on_ready_paint (GdkFrameClock *frame_clock,
                GmaPageView   *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_ready_paint, self);
  gma_timing_mark ("page-ready", self->ready_id);
  g_clear_pointer (&self->ready_id, g_free);
}

/* GMIS_ASSISTANT_TIMINGS=1: "timing: page-ready ID MS" once a frame was
 * painted after the page @uri finished loading. */
static void
mark_page_ready (GmaPageView *self,
                 const char  *uri)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  g_autofree char *id = NULL;

  if (!gma_timing_enabled () || frame_clock == NULL)
    return;

  if (gma_router_parse (uri, &id, NULL) == GMA_ROUTE_INVALID)
    return;

  if (self->ready_id == NULL)
    g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_ready_paint), self, 0);
  g_free (self->ready_id);
  self->ready_id = g_steal_pointer (&id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void start_warm_load (GmaPageView *self);

static void
host_load_finished (gpointer    host,
                    GtkWidget  *view,
                    const char *uri)
{
  GmaPageView *self = host;

  update_outline (self, view);
  if (view == self->warm_view)
    {
      if (g_strcmp0 (uri, self->warm_view_uri) == 0)
        self->warm_finished = TRUE;
      return;
    }
  if (view != self->web_view)
    return;

  if (g_strcmp0 (uri, self->uri) == 0)
    {
      self->pending = FALSE;
      mark_page_ready (self, uri);
    }
  g_signal_emit (host, signals[LOAD_FINISHED], 0, uri);

  /* The shown page is in: now the next one may load. */
  if (!self->pending)
    start_warm_load (self);
}

static void on_reload_clicked (GmaPageView *self);

/* The placeholder's title, message, note and Reload button, made the
 * first time they are needed (never before the first frame). */
static void
ensure_message (GmaPageView *self)
{
  GtkWidget *labels[3];

  if (self->message_label != NULL)
    return;

  labels[0] = gtk_label_new (_("The pages cannot be shown"));
  gtk_widget_add_css_class (labels[0], "pane-message-title");
  labels[1] = self->message_label = gtk_label_new (NULL);
  labels[2] = gtk_label_new (_("The questions and the FAQ list still work. If this happens "
                               "again, ask the person who looks after this computer."));
  gtk_widget_add_css_class (labels[2], "pane-message-note");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_wrap (GTK_LABEL (labels[i]), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (labels[i]), 40);
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0.0);
      gtk_box_append (GTK_BOX (self->placeholder), labels[i]);
    }

  /* No mnemonic: the kiosk's buttons show none, and this one is the
   * pane's only control. */
  self->reload_button = gtk_button_new_with_label (_("Reload"));
  gtk_widget_add_css_class (self->reload_button, "suggested-action");
  gtk_widget_set_halign (self->reload_button, GTK_ALIGN_START);
  g_signal_connect_object (self->reload_button, "clicked", G_CALLBACK (on_reload_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->placeholder), self->reload_button);
}

/* Instead of a page, the pane says why it shows none: @message, and what
 * still works; with a Reload button when trying again may help. */
static void
show_message (GmaPageView *self,
              const char  *message,
              gboolean     offer_reload)
{
  ensure_message (self);
  self->load_failed = TRUE;
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_widget_set_visible (self->reload_button, offer_reload);
  gtk_widget_set_visible (self->placeholder, TRUE);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  GmaPageView *self = user_data;

  self->create_idle = 0;
  gma_page_view_rebuild (self);
  g_signal_emit (self, signals[RESTARTED], 0);

  return G_SOURCE_REMOVE;
}

static void destroy_web_view (GmaPageView *self);

#define MAX_RESTARTS 3
#define RESTART_WINDOW_US (60 * G_USEC_PER_SEC)

static gboolean
host_process_died (gpointer   host,
                   GtkWidget *view)
{
  GmaPageView *self = host;
  gint64 now = g_get_monotonic_time ();

  /* The warm view shares the shown one's web process, which rebuilds
   * both (not from inside the dying view's own signal): until then its
   * page is not to be shown. */
  if (view != self->web_view)
    {
      if (view == self->warm_view)
        {
          g_clear_pointer (&self->warm_view_uri, g_free);
          self->warm_finished = FALSE;
        }
      return FALSE;
    }

  /* A page that kills the web process every time it is shown would be
   * rebuilt for ever: after a few deaths in a minute, say so instead. */
  if (now - self->first_restart > RESTART_WINDOW_US)
    {
      self->first_restart = now;
      self->restarts = 0;
    }
  if (++self->restarts > MAX_RESTARTS)
    {
      destroy_web_view (self);
      show_message (self, _("The part of the window that shows the pages stopped several times in "
                            "a short while. Press Reload to try again."),
                    TRUE);
      return TRUE;
    }

  /* Not from inside the dying view's own signal. */
  g_clear_handle_id (&self->create_idle, g_source_remove);
  self->create_idle = g_idle_add (rebuild_cb, self);
  return TRUE;
}

static void
host_print_finished (gpointer      host,
                     const GError *error)
{
  g_signal_emit (host, signals[PRINT_FINISHED], 0, error ? error->message : NULL);
}

static const GmaWebHostFuncs host_funcs = {
  .resolve = host_resolve,
  .external_link = host_external_link,
  .action = host_action,
  .page_shown = host_page_shown,
  .load_finished = host_load_finished,
  .process_died = host_process_died,
  .print_finished = host_print_finished,
};

/* The warm view lies under the shown one: laid out and painted (so that
 * its page is ready to be seen), but neither picked, focused nor offered
 * to assistive technologies. */
static void
set_shown (GtkWidget *view,
           gboolean   shown)
{
  gtk_widget_set_can_target (view, shown);
  gtk_widget_set_focusable (view, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

static void
destroy_warm_view (GmaPageView *self)
{
  g_clear_pointer (&self->warm_view_uri, g_free);
  self->warm_shown = FALSE;
  self->warm_finished = FALSE;
  if (self->warm_view == NULL)
    return;

  gma_page_outline_forget (self->warm_view);
  web_module->detach (self->warm_view);
  gtk_widget_unparent (self->warm_view);
  self->warm_view = NULL;
}

static void
destroy_web_view (GmaPageView *self)
{
  destroy_warm_view (self);
  if (self->web_view == NULL)
    return;

  gma_page_outline_forget (self->web_view);
  web_module->detach (self->web_view);
  gtk_widget_unparent (self->web_view);
  self->web_view = NULL;
  self->pending = FALSE;
}

/* Loads the page to keep warm into the warm view, once the shown page has
 * loaded (the two share one web process: the shown page goes first). */
static void
start_warm_load (GmaPageView *self)
{
  if (self->warm_uri == NULL || self->web_view == NULL || self->pending ||
      g_strcmp0 (self->warm_uri, self->uri) == 0 ||
      g_strcmp0 (self->warm_uri, self->warm_view_uri) == 0)
    return;

  if (self->warm_view == NULL)
    {
      self->warm_view = web_module->new_view (&host_funcs, self, GMA_PAGE_CSP, self->web_view);
      gma_a11y_set_label (self->warm_view, _("Page"));
      web_module->set_user_css (self->warm_view, self->user_css);
      web_module->set_zoom (self->warm_view, self->zoom);
      web_module->set_caret (self->warm_view, self->caret);
      set_shown (self->warm_view, FALSE);
      gtk_widget_insert_before (self->warm_view, GTK_WIDGET (self), self->web_view);
    }

  g_free (self->warm_view_uri);
  self->warm_view_uri = g_strdup (self->warm_uri);
  self->warm_shown = FALSE;
  self->warm_finished = FALSE;
  web_module->load_uri (self->warm_view, self->warm_view_uri);
}

/* The warm view holds the page asked for: the two views trade places. */
static void
swap_in_warm_view (GmaPageView *self)
{
  GtkWidget *shown = self->warm_view;
  GtkWidget *old = self->web_view;
  gboolean had_focus = gtk_widget_has_focus (old);
  gboolean shown_committed = self->warm_shown;
  gboolean finished = self->warm_finished;

  self->web_view = shown;
  self->warm_view = old;
  g_free (self->warm_view_uri);
  self->warm_view_uri = g_strdup (web_module->get_uri (old));
  self->warm_shown = self->warm_view_uri != NULL;
  self->warm_finished = !self->pending;
  self->pending = !finished;

  set_shown (shown, TRUE);
  set_shown (old, FALSE);
  update_outline (self, shown);
  update_outline (self, old);
  /* The last child is drawn on top. */
  gtk_widget_insert_before (shown, GTK_WIDGET (self), NULL);
  if (had_focus)
    gtk_widget_grab_focus (shown);

  if (shown_committed)
    g_signal_emit (self, signals[PAGE_SHOWN], 0, self->uri);
  if (finished)
    {
      mark_page_ready (self, self->uri);
      g_signal_emit (self, signals[LOAD_FINISHED], 0, self->uri);
    }
}

/* What the pane says when WebKit cannot start here (gma-web-env.h): the
 * cause in plain words and what to do about it. */
static const char *
describe_web_env_error (const GError *error)
{
  if (g_error_matches (error, GMA_WEB_ENV_ERROR, GMA_WEB_ENV_ERROR_NO_SPACE))
    return _("The disk of this computer is full, so the pages cannot be shown. Delete files you "
             "no longer need (and empty the trash) to make room, then press Reload.");

  return _("This computer’s connection to the desktop session (the session bus) cannot be "
           "used, so the pages cannot be shown. Log out and log in again, or restart the "
           "computer, then press Reload.");
}

static void
create_web_view (GmaPageView *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->create_idle, g_source_remove);
  if (self->web_view != NULL)
    return;

  /* WebKit aborts the whole program when its sandbox cannot start: it is
   * not started where it could not (the address of the accessibility bus
   * is the one GTK found, which WebKit takes too). */
  if (!gma_web_env_check (g_object_get_data (G_OBJECT (display), "-gtk-atspi-bus-address"), &error))
    {
      g_warning ("Pages are not shown: %s", error->message);
      show_message (self, describe_web_env_error (error), TRUE);
      return;
    }

  if (!load_web_module (&error))
    {
      g_autofree char *message =
        g_strdup_printf (_("The page pane could not be started: %s"), error->message);

      g_warning ("%s", message);
      show_message (self, message, FALSE);
      return;
    }

  self->web_view = web_module->new_view (&host_funcs, self, GMA_PAGE_CSP, NULL);
  /* Until its page's title names it (update_outline()): not "WebKitWebView". */
  gma_a11y_set_label (self->web_view, _("Page"));
  watch_contrast (self);
  web_module->set_user_css (self->web_view, self->user_css);
  web_module->set_zoom (self->web_view, self->zoom);
  web_module->set_caret (self->web_view, self->caret);

  self->load_failed = FALSE;
  gtk_widget_set_visible (self->placeholder, FALSE);
  gtk_widget_insert_after (self->web_view, GTK_WIDGET (self), self->placeholder);

  if (self->uri != NULL)
    {
      self->pending = TRUE;
      web_module->load_uri (self->web_view, self->uri);
    }
  else
    start_warm_load (self);
}

/* Reload: the web view is started again, the environment asked again (a
 * person may have made room on the disk), and the page last asked for is
 * shown. */
static void
on_reload_clicked (GmaPageView *self)
{
  self->restarts = 0;
  self->first_restart = 0;
  create_web_view (self);
}

static gboolean
create_web_view_cb (gpointer user_data)
{
  GmaPageView *self = user_data;

  self->create_idle = 0;
  create_web_view (self);

  return G_SOURCE_REMOVE;
}

static void
after_first_paint (GdkFrameClock *frame_clock,
                   GmaPageView   *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_first_paint, self);

  /* The first frame is on screen: now the web view may cost what it
   * costs. Before the other work that waits for this frame (the FAQ list
   * fills at low priority): the web process then starts while that runs. */
  if (self->web_view == NULL && self->create_idle == 0)
    self->create_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, create_web_view_cb, self, NULL);
}

static void
gma_page_view_map (GtkWidget *widget)
{
  GmaPageView *self = GMA_PAGE_VIEW (widget);

  GTK_WIDGET_CLASS (gma_page_view_parent_class)->map (widget);

  if (self->web_view == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_first_paint), self, 0);
}

static void
gma_page_view_dispose (GObject *object)
{
  GmaPageView *self = GMA_PAGE_VIEW (object);

  g_clear_handle_id (&self->create_idle, g_source_remove);
  destroy_web_view (self);
  g_clear_pointer (&self->placeholder, gtk_widget_unparent);

  G_OBJECT_CLASS (gma_page_view_parent_class)->dispose (object);
}

static void
gma_page_view_finalize (GObject *object)
{
  GmaPageView *self = GMA_PAGE_VIEW (object);

  g_free (self->uri);
  g_free (self->warm_uri);
  g_free (self->warm_view_uri);
  g_free (self->ready_id);
  g_free (self->user_css);

  G_OBJECT_CLASS (gma_page_view_parent_class)->finalize (object);
}

static void
gma_page_view_class_init (GmaPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_page_view_dispose;
  object_class->finalize = gma_page_view_finalize;
  widget_class->map = gma_page_view_map;

  /* A person followed a link to another site or a mail address. */
  signals[EXTERNAL_LINK] =
    g_signal_new ("external-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A person followed a gma://action/ link. */
  signals[ACTION] =
    g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The pane now shows this URI (the load was committed). */
  signals[PAGE_SHOWN] =
    g_signal_new ("page-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The page at this URI has finished loading. */
  signals[LOAD_FINISHED] =
    g_signal_new ("load-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The web process died and the view was rebuilt. */
  signals[RESTARTED] =
    g_signal_new ("restarted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A print has ended: the argument is NULL, or why it failed. */
  signals[PRINT_FINISHED] =
    g_signal_new ("print-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pageview");
}

static void
gma_page_view_init (GmaPageView *self)
{
  self->zoom = 1.0;
  /* A region of the window, named (GTK 4.8 would say "GmaPageView"). */
  gma_a11y_set_label (GTK_WIDGET (self), _("Page"));

  /* What shows until the first frame is painted and the web view exists:
   * the pane's background, nothing that moves. Where there can be no web
   * view, the same place says why (show_message()). */
  self->placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->placeholder, "pane-message");
  gtk_widget_set_valign (self->placeholder, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (self->placeholder, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
}

void
gma_page_view_set_resolver (GmaPageView     *self,
                            GmaPageResolver  resolver,
                            gpointer         user_data)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  self->resolver = resolver;
  self->resolver_data = user_data;
}

void
gma_page_view_load_uri (GmaPageView *self,
                        const char  *uri)
{
  char *copy;

  g_return_if_fail (GMA_IS_PAGE_VIEW (self));
  g_return_if_fail (uri != NULL && g_str_has_prefix (uri, "gma:"));

  /* Copied before the old one goes: @uri may be gma_page_view_get_uri(). */
  copy = g_strdup (uri);
  g_free (self->uri);
  self->uri = copy;
  uri = copy;

  if (self->web_view == NULL)
    return;

  if (self->warm_view != NULL && g_strcmp0 (uri, self->warm_view_uri) == 0)
    {
      swap_in_warm_view (self);
      return;
    }

  self->pending = TRUE;
  web_module->load_uri (self->web_view, uri);
}

void
gma_page_view_preload_uri (GmaPageView *self,
                           const char  *uri)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));
  g_return_if_fail (uri == NULL || g_str_has_prefix (uri, "gma:"));

  g_free (self->warm_uri);
  self->warm_uri = g_strdup (uri);

  /* Nothing to keep warm: the view and what its page holds go. */
  if (uri == NULL)
    {
      if (self->warm_view != NULL)
        destroy_warm_view (self);
      return;
    }

  start_warm_load (self);
}

void
gma_page_view_forget_warm_page (GmaPageView *self)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  /* A view of its own costs a new WebKitWebView and its page: the one
   * there only needs another load, which start_warm_load() makes now
   * that it holds nothing to show. */
  g_clear_pointer (&self->warm_view_uri, g_free);
  self->warm_shown = FALSE;
  self->warm_finished = FALSE;
}

GtkWidget *
gma_page_view_get_warm_view (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->warm_view;
}

const char *
gma_page_view_get_uri (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->uri;
}

const char *
gma_page_view_get_title (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->web_view ? web_module->get_title (self->web_view) : NULL;
}

const char *
gma_page_view_get_shown_uri (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->web_view ? web_module->get_uri (self->web_view) : NULL;
}

gboolean
gma_page_view_is_loading (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), FALSE);
  if (self->web_view == NULL)
    return !self->load_failed;
  return self->pending || web_module->is_loading (self->web_view);
}

const char *
gma_page_view_get_message (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->load_failed && self->message_label != NULL ?
         gtk_label_get_text (GTK_LABEL (self->message_label)) : NULL;
}

GtkWidget *
gma_page_view_get_reload_button (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->reload_button;
}

GtkWidget *
gma_page_view_get_web_view (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->web_view;
}

void
gma_page_view_rebuild (GmaPageView *self)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  destroy_web_view (self);
  create_web_view (self);
}

void
gma_page_view_set_zoom (GmaPageView *self,
                        double       zoom)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  self->zoom = zoom;
  if (self->web_view != NULL)
    web_module->set_zoom (self->web_view, zoom);
  if (self->warm_view != NULL)
    web_module->set_zoom (self->warm_view, zoom);
}

void
gma_page_view_set_caret_browsing (GmaPageView *self,
                                  gboolean     enabled)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  self->caret = enabled;
  if (self->web_view != NULL)
    web_module->set_caret (self->web_view, enabled);
  if (self->warm_view != NULL)
    web_module->set_caret (self->warm_view, enabled);
}

void
gma_page_view_print (GmaPageView *self,
                     gboolean     silent)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  if (self->web_view != NULL)
    web_module->print (self->web_view, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), silent);
}

void
gma_page_view_find (GmaPageView *self,
                    const char  *text,
                    gboolean     backwards)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  if (self->web_view == NULL)
    return;
  if (text == NULL || text[0] == '\0')
    web_module->find_finish (self->web_view);
  else
    web_module->find (self->web_view, text, backwards);
}
