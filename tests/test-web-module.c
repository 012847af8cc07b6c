/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The web module (gma-web-module.c): what the web view may do.
 *
 * First, a hostile page: one that tries everything, in the real pane.
 *
 * The content checker refuses such a page when a content set is loaded
 * (test-broken-content). This is the second line: the same kind of page
 * served anyway, through the real page pane (GmaPageView), the real web
 * module, its real "gma:" scheme handler with the real CSP header, and
 * real WebKit. Only the resolver is the test's: it answers the pane's
 * gma: requests with the hostile bytes.
 *
 * A loopback HTTP server counts every connection; every remote thing
 * the page names points at it. It must see none. The pane must stay on
 * the app's own page when a person clicks the page's links (clicks are
 * real pointer events through XTEST), no window may open, and when the
 * web process dies the pane comes back with the page.
 *
 * Then the web view of the real window on the real content: its
 * settings, navigation away refused, no remote request from a page.
 */
#define G_LOG_DOMAIN "gma-test-web-module"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"

typedef struct {
  GtkWindow *window;
  GmaPageView *page_view;
  GSocketService *service;
  guint16 port;
  guint connections;
  GPtrArray *external_links;   /* what the pane handed to its owner */
  GPtrArray *served;           /* gma: URIs the scheme handler asked for */
  guint restarts;
} Fixture;

/* ------------------------------------------------------------------ */
/* The loopback server                                                 */
/* ------------------------------------------------------------------ */

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           data)
{
  Fixture *fixture = data;

  fixture->connections++;
  g_test_message ("the loopback server was connected to");
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The hostile page                                                    */
/* ------------------------------------------------------------------ */

/* A picture as large as the pane: a link around it is clicked wherever
 * the pointer is. */
static const char block_svg[] =
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
  "<rect width=\"10\" height=\"10\" fill=\"#888\"/></svg>";

#define BLOCK "<img src=\"gma://content/block.svg\" width=\"4000\" height=\"4000\" alt=\"\">"

/* @text with "{PORT}" replaced by the server's port (not a printf format:
 * the page's text never is one). */
static char *
with_port (const char *text,
           guint16     port)
{
  g_autoptr(GString) result = g_string_new (text);
  g_autofree char *number = g_strdup_printf ("%u", port);

  g_string_replace (result, "{PORT}", number, 0);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* Everything a page may try without being clicked, with every remote
 * URL on the loopback server. */
static char *
hostile_head (guint16 port)
{
  return with_port (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>hostile</title>"
    "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:{PORT}/refresh\">"
    "<link rel=\"stylesheet\" href=\"http://127.0.0.1:{PORT}/style.css\">"
    "<link rel=\"prefetch\" href=\"http://127.0.0.1:{PORT}/prefetch\">"
    "<link rel=\"preload\" as=\"image\" href=\"http://127.0.0.1:{PORT}/preload.png\">"
    "<link rel=\"preconnect\" href=\"http://127.0.0.1:{PORT}/\">"
    "<link rel=\"dns-prefetch\" href=\"http://127.0.0.1:{PORT}/\">"
    "<link rel=\"icon\" href=\"http://127.0.0.1:{PORT}/favicon.ico\">"
    "<style>@import url(\"http://127.0.0.1:{PORT}/import.css\");"
    "@font-face { font-family: x; src: url(\"http://127.0.0.1:{PORT}/font.woff\"); }"
    "body { font-family: x; background: url(\"http://127.0.0.1:{PORT}/background.png\"); }</style>"
    "<script src=\"http://127.0.0.1:{PORT}/script.js\"></script>"
    "<script>document.title = 'scripted'; location = 'http://127.0.0.1:{PORT}/script';</script>"
    "<base href=\"http://127.0.0.1:{PORT}/base/\">"
    "</head>"
    "<body onload=\"document.title = 'onload'\">"
    "<img src=\"http://127.0.0.1:{PORT}/image.png\" alt=\"\">"
    "<img srcset=\"http://127.0.0.1:{PORT}/image-2x.png 2x\" alt=\"\">"
    "<iframe src=\"http://127.0.0.1:{PORT}/frame.html\"></iframe>"
    "<object data=\"http://127.0.0.1:{PORT}/object\"></object>"
    "<video src=\"http://127.0.0.1:{PORT}/video.webm\" autoplay></video>"
    "<audio src=\"http://127.0.0.1:{PORT}/audio.ogg\" autoplay></audio>",
    port);
}

typedef struct {
  const char *name;
  /* The clickable part, "{PORT}" is the server's port. */
  const char *body;
  /* The link the pane hands to its owner (a person's click on an
   * https:/http:/mailto: link, opened in the desktop's browser), or
   * NULL. */
  const char *external;
} Click;

static const Click clicks[] = {
  { "javascript", "<a href=\"javascript:document.title='js'\">" BLOCK "</a>", NULL },
  { "data", "<a href=\"data:text/html,&lt;title&gt;data&lt;/title&gt;\">" BLOCK "</a>", NULL },
  { "file", "<a href=\"file:///etc/passwd\">" BLOCK "</a>", NULL },
  { "unknown-scheme", "<a href=\"gmis-unknown:whatever\">" BLOCK "</a>", NULL },
  { "blank-target", "<a href=\"http://127.0.0.1:{PORT}/blank\" target=\"_blank\" "
                    "ping=\"http://127.0.0.1:{PORT}/ping\">" BLOCK "</a>",
    "http://127.0.0.1:{PORT}/blank" },
  { "named-target", "<a href=\"http://127.0.0.1:{PORT}/named\" target=\"other\">" BLOCK "</a>",
    "http://127.0.0.1:{PORT}/named" },
  { "form", "<form action=\"http://127.0.0.1:{PORT}/form\" method=\"post\">"
            "<input type=\"hidden\" name=\"a\" value=\"b\">"
            "<input type=\"image\" src=\"gma://content/block.svg\" width=\"4000\" height=\"4000\" "
            "alt=\"\"></form>", NULL },
  { "form-blank", "<form action=\"http://127.0.0.1:{PORT}/form-blank\" target=\"_blank\">"
                  "<input type=\"image\" src=\"gma://content/block.svg\" width=\"4000\" "
                  "height=\"4000\" alt=\"\"></form>", NULL },
};

static char *
page_for (Fixture    *fixture,
          const char *uri)
{
  g_autofree char *head = hostile_head (fixture->port);

  if (g_str_equal (uri, "gma://page/clicked"))
    return g_strdup ("<!DOCTYPE html><html><head><title>clicked</title></head>"
                     "<body><p>clicked</p></body></html>");

  if (g_str_equal (uri, "gma://page/control"))
    /* A link to the app's own page: the click works, and is followed. */
    return g_strconcat (head, "<a href=\"gma://page/clicked\">" BLOCK "</a></body></html>", NULL);

  if (g_str_equal (uri, "gma://page/hostile"))
    return g_strconcat (head, "<p>nothing to click</p></body></html>", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (clicks); i++)
    {
      g_autofree char *own = g_strconcat ("gma://page/hostile-", clicks[i].name, NULL);

      if (g_str_equal (uri, own))
        {
          g_autofree char *body = with_port (clicks[i].body, fixture->port);

          return g_strconcat (head, body, "</body></html>", NULL);
        }
    }

  return NULL;
}

static GBytes *
resolve (const char  *uri,
         gboolean     ahead,
         char       **content_type,
         GError     **error,
         gpointer     user_data)
{
  Fixture *fixture = user_data;
  char *page;

  g_ptr_array_add (fixture->served, g_strdup (uri));

  if (g_str_equal (uri, "gma://content/block.svg"))
    {
      *content_type = g_strdup ("image/svg+xml");
      return g_bytes_new_static (block_svg, strlen (block_svg));
    }

  page = page_for (fixture, uri);
  if (page == NULL)
    {
      /* Not an error: the scheme handler would warn, and a warning fails
       * the test; what was asked for is in fixture->served. */
      *content_type = g_strdup ("text/plain");
      return g_bytes_new_static ("", 0);
    }

  *content_type = g_strdup ("text/html; charset=utf-8");
  return g_bytes_new_take (page, strlen (page));
}

/* ------------------------------------------------------------------ */
/* Fixture                                                             */
/* ------------------------------------------------------------------ */

static void
on_external_link (GmaPageView *page_view,
                  const char  *uri,
                  Fixture     *fixture)
{
  g_ptr_array_add (fixture->external_links, g_strdup (uri));
}

static void
on_restarted (GmaPageView *page_view,
              Fixture     *fixture)
{
  fixture->restarts++;
}

static gboolean
restarted (gpointer data)
{
  Fixture *fixture = data;

  return fixture->restarts > 0;
}

static gboolean
has_web_view (gpointer data)
{
  Fixture *fixture = data;

  return gma_page_view_get_web_view (fixture->page_view) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->external_links = g_ptr_array_new_with_free_func (g_free);
  fixture->served = g_ptr_array_new_with_free_func (g_free);

  fixture->service = g_socket_service_new ();
  fixture->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (fixture->service),
                                                       NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->service, "incoming", G_CALLBACK (on_incoming), fixture);
  g_socket_service_start (fixture->service);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page_view = g_object_new (GMA_TYPE_PAGE_VIEW, NULL);
  gma_page_view_set_resolver (fixture->page_view, resolve, fixture);
  g_signal_connect (fixture->page_view, "external-link", G_CALLBACK (on_external_link), fixture);
  g_signal_connect (fixture->page_view, "restarted", G_CALLBACK (on_restarted), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page_view));
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_present (fixture->window);

  ui_wait_until (has_web_view, fixture, "the web view");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_socket_service_stop (fixture->service);
  g_socket_listener_close (G_SOCKET_LISTENER (fixture->service));
  g_clear_object (&fixture->service);
  g_clear_pointer (&fixture->external_links, g_ptr_array_unref);
  g_clear_pointer (&fixture->served, g_ptr_array_unref);
}

/* Whatever the page sets off after its load (a refresh after 0 s,
 * pictures, fonts) has time to try. A wait for time to pass, the only one
 * here: what is checked after it is that nothing happened, and no event
 * says that a page will try nothing more. */
static void
let_page_try (void)
{
  ui_wait_ms (1500);
}

static void
load_and_wait (Fixture    *fixture,
               const char *uri)
{
  gma_page_view_load_uri (fixture->page_view, uri);
  ui_wait_for_page_view_title (fixture->page_view, uri, "hostile");
  let_page_try ();
}

/* The pane still shows @uri, as its own page, untouched by any script. */
static void
assert_still_on (Fixture    *fixture,
                 const char *uri)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->page_view));

  g_assert_cmpstr (gma_page_view_get_shown_uri (fixture->page_view), ==, uri);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "hostile");
  g_assert_false (gma_page_view_is_loading (fixture->page_view));
}

static guint
count_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }

  return n;
}

/* A person's click in the middle of the pane, through the X server;
 * then the page has a second to respond. A wait for time to pass: the
 * tests that follow a click check that nothing happened (no request, no
 * window, the page kept), and the click's handling in the web process
 * ends in no event when it does nothing. */
static void
click_pane (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  ui_xdotool (1000, "mousemove --window %lu 450 350 click 1",
              (gulong) gdk_x11_surface_get_xid (surface));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

/* The counter counts: a plain connection to it is seen. */
static void
test_counter (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", fixture->port, NULL, &error);
  g_assert_no_error (error);
  ui_wait_until (ui_counted, &fixture->connections, "the connection to the loopback server");
  g_assert_cmpuint (fixture->connections, ==, 1);
}

/* Loaded and left alone, the page gets nothing from the network, runs
 * nothing, and is not refreshed away. */
static void
test_passive (Fixture       *fixture,
              gconstpointer  data)
{
  guint windows = count_toplevels ();

  load_and_wait (fixture, "gma://page/hostile");
  assert_still_on (fixture, "gma://page/hostile");
  g_assert_cmpuint (fixture->connections, ==, 0);
  g_assert_cmpuint (count_toplevels (), ==, windows);
  g_assert_cmpuint (fixture->external_links->len, ==, 0);
  /* Only the page itself went through the app's scheme: no <base>
   * turned a relative URL into a gma: request either. */
  g_assert_cmpuint (fixture->served->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->served, 0), ==, "gma://page/hostile");
}

/* The clicks are real: a link to the app's own page is followed. */
static void
test_click_control (Fixture       *fixture,
                    gconstpointer  data)
{
  if (!ui_have_xtest ())
    {
      g_test_skip (ui_xtest_skip_reason ());
      return;
    }

  load_and_wait (fixture, "gma://page/control");
  click_pane (fixture);
  ui_wait_for_page_view_title (fixture->page_view, "gma://page/clicked", "clicked");
  g_assert_cmpuint (fixture->connections, ==, 0);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  const Click *click = data;
  g_autofree char *uri = g_strconcat ("gma://page/hostile-", click->name, NULL);
  guint windows = count_toplevels ();

  if (!ui_have_xtest ())
    {
      g_test_skip (ui_xtest_skip_reason ());
      return;
    }

  load_and_wait (fixture, uri);
  assert_still_on (fixture, uri);

  click_pane (fixture);
  /* A second click, in case the first only focused the view. */
  click_pane (fixture);

  assert_still_on (fixture, uri);
  g_assert_cmpuint (fixture->connections, ==, 0);
  g_assert_cmpuint (count_toplevels (), ==, windows);

  if (click->external != NULL)
    {
      g_autofree char *external = with_port (click->external, fixture->port);

      /* Handed to the owner (the window opens it in the browser), once
       * per click, and never loaded in the pane. */
      g_assert_cmpuint (fixture->external_links->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (fixture->external_links, 0), ==, external);
      g_assert_cmpstr (g_ptr_array_index (fixture->external_links, 1), ==, external);
    }
  else
    g_assert_cmpuint (fixture->external_links->len, ==, 0);
}

/* The web process dies (killed, as a crash would): the pane builds a new
 * web view and shows the page again, and the page still gets nothing. */
static void
test_web_process_killed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GArray) processes = NULL;
  GtkWidget *old_view = NULL;

  load_and_wait (fixture, "gma://page/hostile");
  /* Cleared when the dead view is thrown away (its address may be reused
   * by the new one, so it is not compared). */
  g_set_weak_pointer (&old_view, gma_page_view_get_web_view (fixture->page_view));

  processes = ui_find_web_processes ();
  g_test_message ("%u web process(es)", processes->len);
  g_assert_cmpuint (processes->len, >=, 1);

  g_test_expect_message ("gma-web-module", G_LOG_LEVEL_WARNING,
                         "The web process of the page pane ended*");
  for (guint i = 0; i < processes->len; i++)
    g_assert_cmpint (kill (g_array_index (processes, pid_t, i), SIGKILL), ==, 0);

  ui_wait_until (restarted, fixture, "the pane's new web view");
  g_test_assert_expected_messages ();
  ui_wait_for_page_view_title (fixture->page_view, "gma://page/hostile", "hostile");
  g_assert_cmpuint (fixture->restarts, ==, 1);
  g_assert_null (old_view);
  g_assert_nonnull (gma_page_view_get_web_view (fixture->page_view));

  let_page_try ();
  assert_still_on (fixture, "gma://page/hostile");
  g_assert_cmpuint (fixture->connections, ==, 0);
}

/* webkit_web_view_terminate_web_process(): the app's own doing, not a
 * crash; the pane is not rebuilt for it, but the next page it is asked
 * for is shown (WebKit starts a new web process). */
static void
test_web_process_terminated (Fixture       *fixture,
                             gconstpointer  data)
{
  WebKitWebView *web_view;
  guint terminated = 0;

  load_and_wait (fixture, "gma://page/hostile");
  web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->page_view));
  /* Connected after the pane's handler: when it has run, the pane has
   * done what it does about the ending. */
  g_signal_connect_swapped (web_view, "web-process-terminated", G_CALLBACK (ui_count), &terminated);
  webkit_web_view_terminate_web_process (web_view);
  ui_wait_until (ui_counted, &terminated, "web-process-terminated");

  gma_page_view_load_uri (fixture->page_view, "gma://page/clicked");
  ui_wait_for_page_view_title (fixture->page_view, "gma://page/clicked", "clicked");
  load_and_wait (fixture, "gma://page/hostile");
  assert_still_on (fixture, "gma://page/hostile");
  g_assert_cmpuint (fixture->restarts, ==, 0);
  g_assert_cmpuint (fixture->connections, ==, 0);
}

/* ------------------------------------------------------------------ */
/* In the real window, on the real content                             */
/* ------------------------------------------------------------------ */

/* The web view's settings (gma-web-module.c): no JavaScript, no
 * inspector, CPU painting, nothing kept on disk, the CSP. */
static void
test_web_settings (UiFixture *fixture, gconstpointer data)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  WebKitSettings *settings = webkit_web_view_get_settings (web_view);
  WebKitNetworkSession *session = webkit_web_view_get_network_session (web_view);

  g_assert_false (webkit_settings_get_enable_javascript (settings));
  g_assert_false (webkit_settings_get_enable_javascript_markup (settings));
  g_assert_false (webkit_settings_get_enable_developer_extras (settings));
  /* Painted on the CPU: no GPU compositing (see gma-web-module.c). */
  g_assert_cmpint (webkit_settings_get_hardware_acceleration_policy (settings), ==,
                   WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  g_assert_true (webkit_network_session_is_ephemeral (session));
  g_assert_cmpstr (webkit_web_view_get_default_content_security_policy (web_view), ==, GMA_PAGE_CSP);
}

typedef struct {
  const char *uri;
  guint asked;
} PolicyWait;

/* Counts the navigations to @data's URI that the web view asks about:
 * an emission hook, since the web module's handler decides and stops
 * the emission. */
static gboolean
on_decide_policy_hook (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               data)
{
  PolicyWait *wait = data;
  WebKitPolicyDecision *decision = g_value_get_object (&params[1]);

  if (WEBKIT_IS_NAVIGATION_POLICY_DECISION (decision))
    {
      WebKitNavigationAction *action =
        webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));

      g_test_message ("decide-policy: %s", webkit_uri_request_get_uri (webkit_navigation_action_get_request (action)));
      if (g_strcmp0 (webkit_uri_request_get_uri (webkit_navigation_action_get_request (action)), wait->uri) == 0)
        wait->asked++;
    }
  return TRUE;
}

static gboolean
policy_asked (gpointer data)
{
  return ((PolicyWait *) data)->asked > 0;
}

/* Neither a site nor a local file nor data: may replace the page: each
 * is asked about (and then refused, at once), and the page stays. */
static void
test_foreign_navigation_refused (UiFixture *fixture, gconstpointer data)
{
  static const char *foreign[] = {
    "https://www.g-mis.mhlw.go.jp/",
    "file:///etc/passwd",
    "data:text/html,<title>x</title>",
  };
  WebKitWebView *web_view;
  const char *uri = "gma://page/start";
  guint signal_id = g_signal_lookup ("decide-policy", WEBKIT_TYPE_WEB_VIEW);

  ui_wait_for_page (fixture, uri);
  web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));

  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    {
      PolicyWait wait = { foreign[i], 0 };
      gulong hook = g_signal_add_emission_hook (signal_id, 0, on_decide_policy_hook, &wait, NULL);
      g_autofree char *what = g_strdup_printf ("the decision about %s", foreign[i]);

      webkit_web_view_load_uri (web_view, foreign[i]);
      ui_wait_until (policy_asked, &wait, what);
      g_signal_remove_emission_hook (signal_id, hook);
      g_assert_false (webkit_web_view_is_loading (web_view));
      g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);
    }
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==,
                   gma_node_get_title (gma_flow_get_start (gma_content_get_flow (fixture->content))));
}

/* A page that asks for something on the network gets nothing: the CSP
 * blocks it before any connection. A loopback server counts attempts. */
static gboolean
on_window_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  guint *count = data;
  (*count)++;
  return FALSE;
}

static void
test_no_remote_request (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  const char *start = "gma://page/start";
  WebKitWebView *web_view;
  guint16 port;
  guint count = 0;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_window_incoming), &count);
  g_socket_service_start (service);

  ui_wait_for_page (fixture, start);
  web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));

  /* Sanity check of the counter itself: a plain connection is counted. */
  {
    g_autoptr(GSocketClient) client = g_socket_client_new ();
    g_autoptr(GSocketConnection) connection =
      g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
    g_assert_no_error (error);
    ui_wait_until (ui_counted, &count, "the connection to the loopback server");
    g_assert_cmpuint (count, ==, 1);
    count = 0;
  }

  html = g_strdup_printf ("<!DOCTYPE html><html><head><title>remote</title>"
                          "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%u/a.css\"></head>"
                          "<body><img src=\"http://127.0.0.1:%u/b.png\">"
                          "<iframe src=\"http://127.0.0.1:%u/c.html\"></iframe></body></html>",
                          port, port, port);
  webkit_web_view_load_html (web_view, html, "gma://page/start");
  {
    LoadWait wait = { fixture->window->page_view, "gma://page/start" };
    ui_wait_until (page_loaded, &wait, "the remote-resource page");
  }
  /* No wait after the load: the stylesheet, the picture and the frame
   * hold the page's load until each has been refused or answered, and a
   * connection to the server would be answered (closed) only once
   * on_window_incoming() has counted it. */
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "remote");
  g_assert_cmpuint (count, ==, 0);

  g_socket_service_stop (service);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/web-module/hostile-page/counter", NULL, test_counter);
  ADD ("/web-module/hostile-page/passive", NULL, test_passive);
  ADD ("/web-module/hostile-page/click/control", NULL, test_click_control);
  for (guint i = 0; i < G_N_ELEMENTS (clicks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/web-module/hostile-page/click/%s", clicks[i].name);
      ADD (path, &clicks[i], test_click);
    }
  ADD ("/web-module/hostile-page/web-process-killed", NULL, test_web_process_killed);
  ADD ("/web-module/hostile-page/web-process-terminated", NULL, test_web_process_terminated);
#undef ADD

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/web-module/window/web-settings", test_web_settings);
  ADD ("/web-module/window/foreign-navigation-refused", test_foreign_navigation_refused);
  ADD ("/web-module/window/no-remote-request", test_no_remote_request);
#undef ADD

  return g_test_run ();
}
