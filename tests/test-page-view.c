/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page pane (gma-page-view.c): its warm view, a web process that
 * dies once or again and again, and the timings the app prints: the real
 * window, the real web view (Xvfb), the real program. Nothing here looks
 * at how long anything takes; tools/bench does. */
#define G_LOG_DOMAIN "gma-test-page-view"
#include "config.h"

#include "gma-contact.h"
#include "test-util.h"
#include "ui-test-util.h"

static void
got_resource_data (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **html = user_data;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  g_autofree guchar *data = webkit_web_resource_get_data_finish (WEBKIT_WEB_RESOURCE (source), result,
                                                                 &size, &error);

  g_assert_no_error (error);
  *html = g_strndup ((const char *) data, size);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The HTML the shown view was served. */
static char *
shown_html (UiFixture *fixture)
{
  GtkWidget *view = gma_page_view_get_web_view (fixture->window->page_view);
  WebKitWebResource *resource = webkit_web_view_get_main_resource (WEBKIT_WEB_VIEW (view));
  char *html = NULL;

  g_assert_nonnull (resource);
  webkit_web_resource_get_data (resource, NULL, got_resource_data, &html);
  ui_wait_until (string_set, &html, "the page's HTML");

  return html;
}

static char *
page_uri (const GmaNode *node)
{
  return g_strdup_printf ("gma://page/%s", gma_node_get_id (node));
}

/* Clicks the first answer of the current question, whose page was warm:
 * in the same turn of the main loop (no load could have happened), the
 * warm view is the one shown, with its page loaded. */
static void
click_first_answer_warm (UiFixture *fixture)
{
  GmaPageView *page_view = fixture->window->page_view;
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *next = gma_node_get_answer_target (gma_session_get_current (session), 0);
  g_autofree char *uri = page_uri (next);
  GtkWidget *shown = gma_page_view_get_web_view (page_view);
  GtkWidget *warm = ui_wait_for_warm_page (fixture, uri);

  g_assert_true (warm != shown);
  /* Under the shown view, out of reach. */
  g_assert_false (gtk_widget_get_can_target (warm));
  g_assert_false (gtk_widget_get_focusable (warm));
  g_assert_true (gtk_widget_get_last_child (GTK_WIDGET (page_view)) == shown);

  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 0));

  g_assert_true (gma_session_get_current (session) == next);
  g_assert_true (gma_page_view_get_web_view (page_view) == warm);
  g_assert_false (gma_page_view_is_loading (page_view));
  g_assert_false (webkit_web_view_is_loading (WEBKIT_WEB_VIEW (warm)));
  g_assert_cmpstr (gma_page_view_get_shown_uri (page_view), ==, uri);
  g_assert_true (gtk_widget_get_can_target (warm));
  g_assert_true (gtk_widget_get_last_child (GTK_WIDGET (page_view)) == warm);
}

static void
test_warm_first_answer (UiFixture *fixture, gconstpointer data)
{
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *question;
  g_autofree char *html = NULL;
  g_autofree char *answered = NULL;

  ui_wait_for_page (fixture, "gma://page/start");

  /* The start's only answer, then the first question's first answer. */
  click_first_answer_warm (fixture);
  question = gma_session_get_current (session);
  g_assert_cmpuint (gma_node_get_n_answers (question), >, 1);
  click_first_answer_warm (fixture);

  /* The warm page was rendered for the walk the click made: it lists the
   * answer just given. */
  html = shown_html (fixture);
  answered = g_strdup_printf ("<span class=\"page-path-answer\">%s</span>",
                              gma_node_get_answer_label (question, 0));
  g_assert_nonnull (strstr (html, answered));
}

/* Another answer than the first loads its page; the warm page, made for
 * another walk, is not shown. */
static void
test_other_answer_loads (UiFixture *fixture, gconstpointer data)
{
  GmaPageView *page_view = fixture->window->page_view;
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *question;
  const GmaNode *other;
  GtkWidget *shown;
  g_autofree char *uri = NULL;
  g_autofree char *warm_uri = NULL;
  g_autofree char *html = NULL;
  g_autofree char *answered = NULL;

  ui_wait_for_page (fixture, "gma://page/start");
  click_first_answer_warm (fixture);

  question = gma_session_get_current (session);
  warm_uri = page_uri (gma_node_get_answer_target (question, 0));
  ui_wait_for_warm_page (fixture, warm_uri);
  other = gma_node_get_answer_target (question, 1);
  uri = page_uri (other);
  shown = gma_page_view_get_web_view (page_view);

  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_true (gma_session_get_current (session) == other);
  g_assert_true (gma_page_view_get_web_view (page_view) == shown);
  g_assert_true (gma_page_view_is_loading (page_view));

  ui_wait_for_page (fixture, uri);
  html = shown_html (fixture);
  answered = g_strdup_printf ("<span class=\"page-path-answer\">%s</span>",
                              gma_node_get_answer_label (question, 1));
  g_assert_nonnull (strstr (html, answered));
}

static gboolean
counter_is (gpointer data)
{
  UiFixture *fixture = ((gpointer *) data)[0];
  const char *name = ((gpointer *) data)[1];
  const GmaContact *contact = gma_window_get_contact (fixture->window);

  return contact != NULL && g_strcmp0 (gma_contact_get (contact, GMA_CONTACT_NAME), name) == 0;
}

/* The counter changes while a page is warm: that page was rendered
 * without it, so it is made again, and the click shows the counter. */
static void
test_counter_change_rewarms (UiFixture *fixture, gconstpointer data)
{
  GSettings *settings = gma_application_get_settings (fixture->app);
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *question;
  g_autofree char *warm_uri = NULL;
  g_autofree char *html = NULL;
  gpointer wait[] = { fixture, (gpointer) "テスト県 医療政策課" };

  ui_wait_for_page (fixture, "gma://page/start");
  click_first_answer_warm (fixture);

  /* The first question's first answer leads to a page that names the
   * prefecture's counter (the embedded content: pre-notice → mailbox-space
   * → remedy-1). Walk there. */
  while (!g_str_equal (gma_node_get_id (gma_session_get_current (session)), "mailbox-space"))
    click_first_answer_warm (fixture);
  question = gma_session_get_current (session);
  warm_uri = page_uri (gma_node_get_answer_target (question, 0));
  g_assert_cmpstr (warm_uri, ==, "gma://page/remedy-1");
  ui_wait_for_warm_page (fixture, warm_uri);

  g_settings_set_string (settings, "counter-name", wait[1]);
  ui_wait_until (counter_is, wait, "the window's counter");

  click_first_answer_warm (fixture);
  html = shown_html (fixture);
  g_assert_nonnull (strstr (html, "<aside class=\"contact-card\""));
  g_assert_nonnull (strstr (html, "テスト県 医療政策課"));

  g_settings_reset (settings, "counter-name");
}

/* At a result there is nothing to keep warm. */
static void
test_no_warm_view_at_result (UiFixture *fixture, gconstpointer data)
{
  GmaSession *session = gma_window_get_session (fixture->window);
  g_autofree char *warm_uri = page_uri (gma_node_get_answer_target (gma_session_get_current (session), 0));

  /* A warm view first (the start page's next page), so that its going
   * away at a result is what is checked. */
  ui_wait_for_page (fixture, "gma://page/start");
  g_assert_nonnull (ui_wait_for_warm_page (fixture, warm_uri));

  g_assert_true (gma_window_show_page (fixture->window, "remedy-2"));
  ui_wait_for_page (fixture, "gma://page/remedy-2");
  g_assert_null (gma_page_view_get_warm_view (fixture->window->page_view));
}

/* ---- the timings of the real program ---- */

typedef struct {
  GString *err;
  gboolean done;
} ReadState;

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data);

static void
read_next (GDataInputStream *stream,
           ReadState        *state)
{
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, read_line_cb, state);
}

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadState *state = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source),
                                                               result, NULL, NULL);

  if (line == NULL)
    {
      state->done = TRUE;
      return;
    }
  g_string_append_printf (state->err, "%s\n", line);
  read_next (G_DATA_INPUT_STREAM (source), state);
}

static gboolean
stderr_has_page_ready (gpointer data)
{
  ReadState *state = data;

  return state->done || strstr (state->err->str, "timing: page-ready") != NULL;
}

static gboolean
stderr_done (gpointer data)
{
  return ((ReadState *) data)->done;
}

/* Runs the program with @envp additions and @args; returns what it wrote
 * on stderr once @until holds, then ends it. */
static char *
run_program (const char * const *env,
             const char * const *args,
             gboolean          (*until) (gpointer))
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) stream = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ReadState state = { g_string_new (NULL), FALSE };

  g_subprocess_launcher_unsetenv (launcher, "GMIS_ASSISTANT_TIMINGS");
  for (guint i = 0; env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("GMA_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  stream = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  read_next (stream, &state);
  ui_wait_until (until, &state, "the program's timings");

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  /* What is left in the pipe. */
  ui_wait_until (stderr_done, &state, "the end of the program's stderr");

  return g_string_free (state.err, FALSE);
}

static gboolean
has_line (const char *text,
          const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static void
test_timings (void)
{
  const char *env[] = { "GMIS_ASSISTANT_TIMINGS", "1", NULL };
  const char *args[] = { "--page=remedy-2", NULL };
  g_autofree char *err = run_program (env, args, stderr_has_page_ready);

  g_test_message ("%s", err);
  g_assert_true (has_line (err, "^timing: first-frame [0-9]+$"));
  g_assert_true (has_line (err, "^timing: page-ready remedy-2 [0-9]+$"));
  /* The first frame once, before the page. */
  g_assert_true (strstr (err, "timing: first-frame") < strstr (err, "timing: page-ready"));
  g_assert_null (strstr (strstr (err, "timing: first-frame") + 1, "timing: first-frame"));
}

static void
test_no_timings_unless_asked (void)
{
  const char *env[] = { "GMA_EXIT_AFTER_FIRST_FRAME", "1", NULL };
  const char *args[] = { "--page=remedy-2", NULL };
  g_autofree char *err = run_program (env, args, stderr_done);

  g_assert_null (strstr (err, "timing:"));
}

/* The web process dies on a desktop while an FAQ answer is shown: the
 * rebuilt pane shows that answer again, not the question's page, and the
 * walk stays. */
static void
test_web_process_crash (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GmaSession *session = gma_window_get_session (fixture->window);
  g_autofree char *warm_uri = NULL;

  gtk_widget_activate_action (window, "wizard.answer", "u", 0);
  ui_wait_for_page (fixture, "gma://page/pre-notice");
  warm_uri = page_uri (gma_node_get_answer_target (gma_session_get_current (session), 0));
  gtk_widget_activate_action (window, "win.show-faq", "s", "faq-3-1");
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");

  ui_crash_web_processes (fixture->window->page_view);
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");
  /* Everything the rebuilt pane loads is in: the page it showed, then
   * (only once that is in) the question's next page, warm again. */
  ui_wait_for_warm_page (fixture, warm_uri);
  g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), ==, "gma://faq/faq-3-1");
  g_assert_cmpstr (gma_page_view_get_shown_uri (fixture->window->page_view), ==, "gma://faq/faq-3-1");
  g_assert_cmpuint (gma_session_get_n_steps (gma_window_get_session (fixture->window)), ==, 1);
}

/* The pane has stopped (it says why), or has a new web view. */
static gboolean
rebuilt_or_stopped (gpointer data)
{
  ViewWait *wait = data;

  return gma_page_view_get_message (wait->page_view) != NULL || ui_view_replaced (wait);
}

/* The web process dies again and again (as for a page that kills it each
 * time): after a few deaths in a short while the pane stops rebuilding
 * and says so, with Reload, which starts it again and shows the page. */
static void
test_web_process_keeps_dying (UiFixture *fixture, gconstpointer data)
{
  GmaPageView *page_view = fixture->window->page_view;
  GtkWidget *reload;
  guint deaths = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", 0);
  ui_wait_for_page (fixture, "gma://page/pre-notice");

  /* Each new web process is killed once its page is in (one killed while
   * it starts takes WebKit's UI process with it: "readPIDFromPeer"). */
  while (gma_page_view_get_message (page_view) == NULL)
    {
      /* Held: its address is not reused by the new one. */
      g_autoptr(GtkWidget) old_view = g_object_ref (gma_page_view_get_web_view (page_view));
      ViewWait wait = { page_view, old_view };

      g_assert_cmpuint (++deaths, <=, 10);
      ui_kill_web_processes ();
      ui_wait_until (rebuilt_or_stopped, &wait, "a new web view, or the pane stopped");
      g_test_assert_expected_messages ();
      if (gma_page_view_get_message (page_view) == NULL)
        ui_wait_for_page (fixture, "gma://page/pre-notice");
    }
  g_test_message ("The pane stopped after %u deaths: %s", deaths, gma_page_view_get_message (page_view));
  g_assert_cmpuint (deaths, >, 1);

  /* It says so, with Reload; the rest of the window goes on. */
  reload = gma_page_view_get_reload_button (page_view);
  g_assert_null (gma_page_view_get_web_view (page_view));
  g_assert_true (gtk_widget_get_mapped (reload));
  test_assert_contains (gma_page_view_get_message (page_view), "stopped");
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_cmpstr (gma_page_view_get_uri (page_view), ==, "gma://page/issue-mail");

  /* Reload: a web view again, showing the page last asked for. */
  ui_click (reload);
  g_assert_nonnull (gma_page_view_get_web_view (page_view));
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  g_assert_null (gma_page_view_get_message (page_view));
  g_assert_false (gtk_widget_get_mapped (reload));

  /* Counted afresh: the next death rebuilds the pane again. */
  ui_crash_web_processes (page_view);
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  g_assert_null (gma_page_view_get_message (page_view));
}

/* Waits until the warm view holds the page of @node, loaded; returns the
 * view. */
static GtkWidget *
wait_for_warm_node (UiFixture     *fixture,
                    const GmaNode *node)
{
  g_autofree char *uri = g_strconcat ("gma://page/", gma_node_get_id (node), NULL);

  return ui_wait_for_warm_page (fixture, uri);
}

/* Another answer than the first, and Back, make the warm page useless
 * (made for another walk): the warm view stays, and the next page loads
 * into it, still shown in the frame after the click. */
static void
test_warm_view_kept (UiFixture *fixture, gconstpointer data)
{
  GmaPageView *page_view = fixture->window->page_view;
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *question;
  GtkWidget *warm;

  /* start → pre-notice → issue-mail, whose answers lead to two questions
   * whose first answers lead to two other pages */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.answer", "u", 1);
  question = gma_session_get_current (session);
  g_assert_cmpstr (gma_node_get_id (question), ==, "issue-mail");
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  warm = wait_for_warm_node (fixture, gma_node_get_answer_target (question, 0));

  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_true (gma_page_view_get_warm_view (page_view) == warm);
  ui_wait_for_page (fixture, "gma://page/which-mail");
  g_assert_true (wait_for_warm_node (fixture, gma_node_get_answer_target (gma_session_get_current (session), 0)) == warm);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.back", NULL);
  g_assert_true (gma_session_get_current (session) == question);
  g_assert_true (gma_page_view_get_warm_view (page_view) == warm);
  ui_wait_for_page (fixture, "gma://page/issue-mail");
  g_assert_true (wait_for_warm_node (fixture, gma_node_get_answer_target (question, 0)) == warm);

  /* The page loaded again into the kept view is shown at once */
  ui_click (gma_question_view_get_answer_button (fixture->window->question_view, 0));
  g_assert_true (gma_page_view_get_web_view (page_view) == warm);
  g_assert_false (gma_page_view_is_loading (page_view));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/page-view/warm-first-answer", test_warm_first_answer);
  ADD ("/page-view/other-answer-loads", test_other_answer_loads);
  ADD ("/page-view/no-warm-view-at-result", test_no_warm_view_at_result);
  ADD ("/page-view/counter-change-rewarms", test_counter_change_rewarms);
  ADD ("/page-view/warm-view-kept", test_warm_view_kept);
  ADD ("/page-view/web-process-crash", test_web_process_crash);
  ADD ("/page-view/web-process-keeps-dying", test_web_process_keeps_dying);
  g_test_add_func ("/page-view/timings", test_timings);
  g_test_add_func ("/page-view/no-timings-unless-asked", test_no_timings_unless_asked);

  return g_test_run ();
}
