/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-page-view"
#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "gma-page-view.h"

#define SCHEME "gma"

struct _GmaPageView
{
  GtkWidget parent_instance;

  /* Owned */
  GtkWidget *placeholder;
  char *uri;
  guint create_idle;

  /* Borrowed (a child) */
  WebKitWebView *web_view;

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
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GmaPageView *
page_view_for_web_view (WebKitWebView *web_view)
{
  return web_view ? g_object_get_data (G_OBJECT (web_view), "gma-page-view") : NULL;
}

static void
handle_scheme_request (WebKitURISchemeRequest *request,
                       gpointer                user_data)
{
  GmaPageView *self = page_view_for_web_view (webkit_uri_scheme_request_get_web_view (request));
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  g_autofree char *content_type = NULL;
  SoupMessageHeaders *headers;

  if (self == NULL || self->resolver == NULL)
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No page for %s", uri);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  g_debug ("Serving %s", uri);
  bytes = self->resolver (uri, &content_type, &error, self->resolver_data);
  if (bytes == NULL)
    {
      g_warning ("%s", error->message);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response,
                                               content_type ? content_type : "application/octet-stream");
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_append (headers, "Content-Security-Policy", GMA_PAGE_CSP);
  /* No "X-Content-Type-Options: nosniff": WebKit then refuses the
   * stylesheets of a custom scheme. */
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static WebKitWebContext *
get_web_context (void)
{
  /* One context for the process (widgets live on the main thread); the
   * scheme is registered on it once. Each web view gets its own
   * ephemeral network session. */
  static WebKitWebContext *context;

  if (context == NULL)
    {
      WebKitSecurityManager *security;

      context = webkit_web_context_new ();
      security = webkit_web_context_get_security_manager (context);
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      webkit_web_context_register_uri_scheme (context, SCHEME, handle_scheme_request, NULL, NULL);
      webkit_security_manager_register_uri_scheme_as_local (security, SCHEME);
      webkit_security_manager_register_uri_scheme_as_secure (security, SCHEME);
    }

  return context;
}

static WebKitSettings *
new_settings (void)
{
  WebKitSettings *settings = webkit_settings_new ();

  webkit_settings_set_enable_javascript (settings, FALSE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webrtc (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_media_stream (settings, FALSE);
  webkit_settings_set_enable_encrypted_media (settings, FALSE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_site_specific_quirks (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_allow_modal_dialogs (settings, FALSE);
  webkit_settings_set_enable_tabs_to_links (settings, TRUE);
  webkit_settings_set_default_charset (settings, "utf-8");
  webkit_settings_set_default_font_family (settings, "Noto Sans CJK JP");
  webkit_settings_set_sans_serif_font_family (settings, "Noto Sans CJK JP");
  webkit_settings_set_print_backgrounds (settings, FALSE);

  return settings;
}

static gboolean
is_own_uri (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, SCHEME ":");
}

static gboolean
is_action_uri (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, SCHEME "://action/");
}

static gboolean
is_external_uri (const char *uri)
{
  g_autofree char *scheme = uri ? g_uri_parse_scheme (uri) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static gboolean
on_decide_policy (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  GmaPageView              *self)
{
  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      {
        WebKitNavigationAction *action =
          webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
        WebKitURIRequest *request = webkit_navigation_action_get_request (action);
        const char *uri = webkit_uri_request_get_uri (request);
        gboolean user_link = webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED;

        if (is_action_uri (uri))
          {
            webkit_policy_decision_ignore (decision);
            if (user_link)
              g_signal_emit (self, signals[ACTION], 0, uri);
            return TRUE;
          }

        if (is_own_uri (uri) && type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
          {
            webkit_policy_decision_use (decision);
            return TRUE;
          }

        /* Everything else stays out of the pane. A link the content means
         * to show (https:, mailto:) goes to the owner, only when a person
         * followed it. */
        webkit_policy_decision_ignore (decision);
        if (user_link && is_external_uri (uri))
          g_signal_emit (self, signals[EXTERNAL_LINK], 0, uri);
        else if (user_link && is_own_uri (uri))
          gma_page_view_load_uri (self, uri);
        return TRUE;
      }

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      {
        WebKitResponsePolicyDecision *response = WEBKIT_RESPONSE_POLICY_DECISION (decision);

        /* Nothing is ever downloaded. */
        if (!webkit_response_policy_decision_is_mime_type_supported (response))
          {
            webkit_policy_decision_ignore (decision);
            return TRUE;
          }
        webkit_policy_decision_use (decision);
        return TRUE;
      }

    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

static GtkWidget *
on_create (WebKitWebView          *web_view,
           WebKitNavigationAction *action,
           GmaPageView            *self)
{
  return NULL;
}

static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 GmaPageView         *self)
{
  return TRUE;
}

static gboolean
refuse_permission (WebKitWebView           *web_view,
                   WebKitPermissionRequest *request,
                   GmaPageView             *self)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
refuse_file_chooser (WebKitWebView            *web_view,
                     WebKitFileChooserRequest *request,
                     GmaPageView              *self)
{
  webkit_file_chooser_request_cancel (request);
  return TRUE;
}

static void
on_download_started (WebKitNetworkSession *session,
                     WebKitDownload       *download,
                     gpointer              user_data)
{
  webkit_download_cancel (download);
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 GmaPageView     *self)
{
  if (event == WEBKIT_LOAD_COMMITTED)
    g_signal_emit (self, signals[PAGE_SHOWN], 0, webkit_web_view_get_uri (web_view));
  else if (event == WEBKIT_LOAD_FINISHED)
    g_signal_emit (self, signals[LOAD_FINISHED], 0, webkit_web_view_get_uri (web_view));
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

static void
on_web_process_terminated (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           GmaPageView                       *self)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  g_warning ("The web process of the page pane ended (reason %d); rebuilding it", reason);
  /* Not from inside the dying view's own signal. */
  g_clear_handle_id (&self->create_idle, g_source_remove);
  self->create_idle = g_idle_add (rebuild_cb, self);
}

static void
destroy_web_view (GmaPageView *self)
{
  if (self->web_view == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->web_view, self);
  gtk_widget_unparent (GTK_WIDGET (self->web_view));
  self->web_view = NULL;
}

static void
create_web_view (GmaPageView *self)
{
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitSettings) settings = new_settings ();

  g_clear_handle_id (&self->create_idle, g_source_remove);
  if (self->web_view != NULL)
    return;

  g_signal_connect (session, "download-started", G_CALLBACK (on_download_started), NULL);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "web-context", get_web_context (),
                                 "network-session", session,
                                 "settings", settings,
                                 "default-content-security-policy", GMA_PAGE_CSP,
                                 "hexpand", TRUE,
                                 "vexpand", TRUE,
                                 NULL);
  g_object_set_data (G_OBJECT (self->web_view), "gma-page-view", self);

  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy), self);
  g_signal_connect (self->web_view, "create", G_CALLBACK (on_create), self);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (on_context_menu), self);
  g_signal_connect (self->web_view, "permission-request", G_CALLBACK (refuse_permission), self);
  g_signal_connect (self->web_view, "run-file-chooser", G_CALLBACK (refuse_file_chooser), self);
  g_signal_connect (self->web_view, "load-changed", G_CALLBACK (on_load_changed), self);
  g_signal_connect (self->web_view, "web-process-terminated", G_CALLBACK (on_web_process_terminated), self);

  gtk_widget_set_visible (self->placeholder, FALSE);
  gtk_widget_insert_after (GTK_WIDGET (self->web_view), GTK_WIDGET (self), self->placeholder);

  if (self->uri != NULL)
    webkit_web_view_load_uri (self->web_view, self->uri);
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

  /* The first frame is on screen: now the web view may cost what it costs. */
  if (self->web_view == NULL && self->create_idle == 0)
    self->create_idle = g_idle_add_full (G_PRIORITY_LOW, create_web_view_cb, self, NULL);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pageview");
}

static void
gma_page_view_init (GmaPageView *self)
{
  /* What shows until the first frame is painted and the web view exists:
   * the pane's background, nothing that moves. */
  self->placeholder = gtk_label_new (NULL);
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
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));
  g_return_if_fail (is_own_uri (uri));

  g_free (self->uri);
  self->uri = g_strdup (uri);

  if (self->web_view != NULL)
    webkit_web_view_load_uri (self->web_view, uri);
}

const char *
gma_page_view_get_uri (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return self->uri;
}

GtkWidget *
gma_page_view_get_web_view (GmaPageView *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_VIEW (self), NULL);
  return GTK_WIDGET (self->web_view);
}

void
gma_page_view_ensure_web_view (GmaPageView *self)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));
  create_web_view (self);
}

void
gma_page_view_rebuild (GmaPageView *self)
{
  g_return_if_fail (GMA_IS_PAGE_VIEW (self));

  destroy_web_view (self);
  create_web_view (self);
}
