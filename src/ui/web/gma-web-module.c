/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The WebKit side of the page pane, built as a shared module that
 * GmaPageView loads after the window's first frame (see
 * gma-web-module.h for why). Everything that touches WebKit is here.
 *
 * The view shows only "gma:" pages, answered by the host. JavaScript is
 * off, a strict content security policy blocks every load from
 * elsewhere (remote loads never reach decide-policy: only the CSP stops
 * them), the network session is ephemeral, and every navigation away
 * from "gma:" is refused; links a person follows to https: or mailto:
 * are handed to the host. */
#define G_LOG_DOMAIN "gma-web-module"
#include "config.h"

#include <gmodule.h>
#include <webkit/webkit.h>

#include "gma-web-module.h"

#define SCHEME "gma"

typedef struct {
  const GmaWebHostFuncs *funcs;
  gpointer host;
  char *csp;
  /* The load that is finishing was cancelled by a newer one. */
  gboolean cancelled;
} ViewData;

static ViewData *
view_data (WebKitWebView *web_view)
{
  return web_view ? g_object_get_data (G_OBJECT (web_view), "gma-web-view-data") : NULL;
}

static void
view_data_free (gpointer data)
{
  ViewData *view = data;

  g_free (view->csp);
  g_free (view);
}

static void
handle_scheme_request (WebKitURISchemeRequest *request,
                       gpointer                user_data)
{
  ViewData *view = view_data (webkit_uri_scheme_request_get_web_view (request));
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  g_autofree char *content_type = NULL;
  SoupMessageHeaders *headers;

  if (view == NULL || view->host == NULL)
    {
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No page for %s", uri);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  g_debug ("Serving %s", uri);
  bytes = view->funcs->resolve (view->host, GTK_WIDGET (webkit_uri_scheme_request_get_web_view (request)),
                                uri, &content_type, &error);
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
  /* No "X-Content-Type-Options: nosniff": WebKit then refuses the
   * stylesheets of a custom scheme. */
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_append (headers, "Content-Security-Policy", view->csp);
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

/* <link rel="preconnect"> opens a connection that no content security
 * policy stops (CSP governs fetches, not connections): a page of the set
 * would reach a server just by naming it (tests/test-web-module.c saw
 * it with WebKitGTK 2.50). The content checker refuses <link>, and here
 * the pane refuses to connect ahead of any load at all. */
static void
disable_speculative_loads (WebKitSettings *settings)
{
  static const char * const features[] = {
    "LinkPreconnect", "LinkPreconnectEarlyHints", "LinkDNSPrefetch", "LinkPrefetch",
    "LinkPreload",
  };
  g_autoptr(WebKitFeatureList) all = webkit_settings_get_all_features ();

  for (gsize i = 0; i < webkit_feature_list_get_length (all); i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (all, i);
      const char *id = webkit_feature_get_identifier (feature);

      for (guint f = 0; f < G_N_ELEMENTS (features); f++)
        if (g_str_equal (id, features[f]))
          webkit_settings_set_feature_enabled (settings, feature, FALSE);
    }
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
  /* <a ping> would be a request that decide-policy never sees; WebKitGTK
   * 2.50 no longer sends pings ("enable-hyperlink-auditing" is deprecated
   * and does nothing, it says when set), and the CSP's default-src 'none'
   * covers them where it still would. */
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_allow_modal_dialogs (settings, FALSE);
  webkit_settings_set_enable_tabs_to_links (settings, TRUE);
  webkit_settings_set_default_charset (settings, "utf-8");
  webkit_settings_set_default_font_family (settings, "Noto Sans CJK JP");
  webkit_settings_set_sans_serif_font_family (settings, "Noto Sans CJK JP");
  webkit_settings_set_print_backgrounds (settings, FALSE);
  disable_speculative_loads (settings);
  /* Static pages without script are painted on the CPU. Compositing them
   * on the GPU cost the process tree about 50 MiB more (tools/bench page:
   * 275 against 224 MiB), and on Mesa's software GL (a virtual machine, a
   * terminal without a GPU driver; Xvfb here) Skia's GPU worker crashed the
   * web process now and then ("SkiaGPUWorker … segfault" in dmesg). */
  webkit_settings_set_hardware_acceleration_policy (settings, WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);

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
                  ViewData                 *view)
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
              view->funcs->action (view->host, GTK_WIDGET (web_view), uri);
            return TRUE;
          }

        if (is_own_uri (uri) && type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
          {
            webkit_policy_decision_use (decision);
            return TRUE;
          }

        /* Everything else stays out of the pane. A link the content means
         * to show (https:, mailto:) goes to the host, only when a person
         * followed it. */
        webkit_policy_decision_ignore (decision);
        if (user_link && is_external_uri (uri))
          view->funcs->external_link (view->host, GTK_WIDGET (web_view), uri);
        else if (user_link && is_own_uri (uri))
          webkit_web_view_load_uri (web_view, uri);
        return TRUE;
      }

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      {
        WebKitResponsePolicyDecision *response = WEBKIT_RESPONSE_POLICY_DECISION (decision);

        /* Nothing is ever downloaded. */
        if (!webkit_response_policy_decision_is_mime_type_supported (response))
          webkit_policy_decision_ignore (decision);
        else
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
           ViewData               *view)
{
  return NULL;
}

static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 ViewData            *view)
{
  return TRUE;
}

static gboolean
refuse_permission (WebKitWebView           *web_view,
                   WebKitPermissionRequest *request,
                   ViewData                *view)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
refuse_file_chooser (WebKitWebView            *web_view,
                     WebKitFileChooserRequest *request,
                     ViewData                 *view)
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

static gboolean
on_load_failed (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                ViewData        *view)
{
  g_debug ("Load of %s failed: %s", uri, error->message);
  /* A load replaced by a newer one still ends with LOAD_FINISHED, while
   * the view's URI is already the newer one's: that is not the end of
   * the newer load. */
  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED) ||
      g_error_matches (error, WEBKIT_POLICY_ERROR, WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE))
    view->cancelled = TRUE;

  return FALSE;
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 ViewData        *view)
{
  g_debug ("Load event %d for %s (title “%s”%s)", event, webkit_web_view_get_uri (web_view),
           webkit_web_view_get_title (web_view), view->cancelled ? ", cancelled" : "");
  if (event == WEBKIT_LOAD_COMMITTED)
    view->funcs->page_shown (view->host, GTK_WIDGET (web_view), webkit_web_view_get_uri (web_view));
  else if (event == WEBKIT_LOAD_FINISHED)
    {
      if (view->cancelled)
        view->cancelled = FALSE;
      else
        view->funcs->load_finished (view->host, GTK_WIDGET (web_view), webkit_web_view_get_uri (web_view));
    }
}

static void
on_web_process_terminated (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           ViewData                          *view)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  /* Every view of the process hears of it; the host says which one it
   * showed, and that one logs it. */
  if (view->funcs->process_died (view->host, GTK_WIDGET (web_view)))
    g_warning ("The web process of the page pane ended (reason %d)", reason);
}

static GtkWidget *
module_new_view (const GmaWebHostFuncs *funcs,
                 gpointer               host,
                 const char            *csp,
                 GtkWidget             *related)
{
  g_autoptr(WebKitSettings) settings = new_settings ();
  WebKitWebView *web_view;
  ViewData *view = g_new0 (ViewData, 1);

  view->funcs = funcs;
  view->host = host;
  view->csp = g_strdup (csp);

  if (related != NULL)
    {
      /* The same web process and network session (and context). */
      web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                               "related-view", related,
                               "settings", settings,
                               "default-content-security-policy", csp,
                               "hexpand", TRUE,
                               "vexpand", TRUE,
                               NULL);
    }
  else
    {
      g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();

      g_signal_connect (session, "download-started", G_CALLBACK (on_download_started), NULL);
      web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                               "web-context", get_web_context (),
                               "network-session", session,
                               "settings", settings,
                               "default-content-security-policy", csp,
                               "hexpand", TRUE,
                               "vexpand", TRUE,
                               NULL);
    }
  g_object_set_data_full (G_OBJECT (web_view), "gma-web-view-data", view, view_data_free);

  g_signal_connect (web_view, "decide-policy", G_CALLBACK (on_decide_policy), view);
  g_signal_connect (web_view, "create", G_CALLBACK (on_create), view);
  g_signal_connect (web_view, "context-menu", G_CALLBACK (on_context_menu), view);
  g_signal_connect (web_view, "permission-request", G_CALLBACK (refuse_permission), view);
  g_signal_connect (web_view, "run-file-chooser", G_CALLBACK (refuse_file_chooser), view);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (on_load_changed), view);
  g_signal_connect (web_view, "load-failed", G_CALLBACK (on_load_failed), view);
  g_signal_connect (web_view, "web-process-terminated", G_CALLBACK (on_web_process_terminated), view);

  return GTK_WIDGET (web_view);
}

static void
module_detach (GtkWidget *widget)
{
  ViewData *view = view_data (WEBKIT_WEB_VIEW (widget));

  if (view == NULL)
    return;

  g_signal_handlers_disconnect_by_data (widget, view);
  view->host = NULL;
}

static void
module_load_uri (GtkWidget  *view,
                 const char *uri)
{
  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (view), uri);
}

static const char *
module_get_uri (GtkWidget *view)
{
  return webkit_web_view_get_uri (WEBKIT_WEB_VIEW (view));
}

static const char *
module_get_title (GtkWidget *view)
{
  return webkit_web_view_get_title (WEBKIT_WEB_VIEW (view));
}

static gboolean
module_is_loading (GtkWidget *view)
{
  return webkit_web_view_is_loading (WEBKIT_WEB_VIEW (view));
}

static void
module_set_zoom (GtkWidget *view,
                 double     zoom)
{
  webkit_web_view_set_zoom_level (WEBKIT_WEB_VIEW (view), zoom);
}

static void
module_set_caret (GtkWidget *view,
                  gboolean   enabled)
{
  webkit_settings_set_enable_caret_browsing (webkit_web_view_get_settings (WEBKIT_WEB_VIEW (view)), enabled);
}

/* The print operation only holds a weak pointer to its web view and
 * finishes after it, if need be: its callbacks hold the view. */
static void
on_print_failed (WebKitPrintOperation *operation,
                 GError               *error,
                 WebKitWebView        *web_view)
{
  ViewData *view = view_data (web_view);

  g_object_set_data (G_OBJECT (operation), "gma-print-failed", GINT_TO_POINTER (TRUE));
  if (view != NULL && view->host != NULL)
    view->funcs->print_finished (view->host, error);
}

static void
on_print_finished (WebKitPrintOperation *operation,
                   WebKitWebView        *web_view)
{
  ViewData *view = view_data (web_view);

  if (!g_object_get_data (G_OBJECT (operation), "gma-print-failed") &&
      view != NULL && view->host != NULL)
    view->funcs->print_finished (view->host, NULL);
  g_object_unref (operation);
}

static void
module_print (GtkWidget *widget,
              GtkWindow *parent,
              gboolean   silent)
{
  WebKitPrintOperation *operation = webkit_print_operation_new (WEBKIT_WEB_VIEW (widget));

  /* The operation lives until it has finished. */
  g_signal_connect_data (operation, "failed", G_CALLBACK (on_print_failed),
                         g_object_ref (widget), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "finished", G_CALLBACK (on_print_finished),
                         g_object_ref (widget), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  if (silent)
    webkit_print_operation_print (operation);
  else if (webkit_print_operation_run_dialog (operation, parent) == WEBKIT_PRINT_OPERATION_RESPONSE_CANCEL)
    {
      /* No "finished" comes after a cancelled dialog. */
      g_object_unref (operation);
    }
}

static void
module_find (GtkWidget  *view,
             const char *text,
             gboolean    backwards)
{
  WebKitFindController *find = webkit_web_view_get_find_controller (WEBKIT_WEB_VIEW (view));
  guint32 options = WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND;

  if (backwards)
    options |= WEBKIT_FIND_OPTIONS_BACKWARDS;

  if (g_strcmp0 (webkit_find_controller_get_search_text (find), text) == 0)
    {
      if (backwards)
        webkit_find_controller_search_previous (find);
      else
        webkit_find_controller_search_next (find);
    }
  else
    webkit_find_controller_search (find, text, options, G_MAXUINT);
}

static void
module_find_finish (GtkWidget *view)
{
  webkit_find_controller_search_finish (webkit_web_view_get_find_controller (WEBKIT_WEB_VIEW (view)));
}

static void
module_set_user_css (GtkWidget  *view,
                     const char *css)
{
  WebKitUserContentManager *manager = webkit_web_view_get_user_content_manager (WEBKIT_WEB_VIEW (view));
  g_autoptr(WebKitUserStyleSheet) sheet = NULL;

  /* The pages have no other user style sheet. */
  webkit_user_content_manager_remove_all_style_sheets (manager);
  if (css == NULL || css[0] == '\0')
    return;

  sheet = webkit_user_style_sheet_new (css, WEBKIT_USER_CONTENT_INJECT_ALL_FRAMES,
                                       WEBKIT_USER_STYLE_LEVEL_USER, NULL, NULL);
  webkit_user_content_manager_add_style_sheet (manager, sheet);
}

static const GmaWebModule module = {
  .abi = GMA_WEB_MODULE_ABI,
  .new_view = module_new_view,
  .detach = module_detach,
  .load_uri = module_load_uri,
  .get_uri = module_get_uri,
  .get_title = module_get_title,
  .is_loading = module_is_loading,
  .set_zoom = module_set_zoom,
  .set_caret = module_set_caret,
  .print = module_print,
  .find = module_find,
  .find_finish = module_find_finish,
  .set_user_css = module_set_user_css,
};

G_MODULE_EXPORT const GmaWebModule *
gma_web_module_get (void)
{
  return &module;
}
