/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y-keys.c: the keyboard, as a person who uses only a keyboard
 * or a screen reader meets it, read through AT-SPI from another process
 * (tests/atspi-probe.py "focused", see a11y-test-util.h).
 *
 * - The first focus is はじめる, not the FAQ's search entry.
 * - 60 Tabs from the intro: the focus is never more than 12 presses
 *   without a name, it goes into the page pane and out of it again.
 * - F6 and Shift+F6 go round the regions: question, page, FAQ, header.
 * - After an answer given with the keyboard the focus is on the new
 *   question's first answer, in a group named by the question: what
 *   Orca reads (GTK 4.8 has no live regions).
 *
 * The keys are pressed through XTEST (xdotool): X11 only. Under
 * tools/test --wayland these tests skip, saying so. */
#define G_LOG_DOMAIN "gma-test-a11y-keys"
#include "config.h"

#include "a11y-test-util.h"

#define WALK_PRESSES 60
#define MAX_UNNAMED_RUN 12

static gboolean
skip_without_xtest (void)
{
  if (ui_have_xtest ())
    return FALSE;
  g_test_skip (ui_xtest_skip_reason ());
  return TRUE;
}

/* A name a screen reader can say for the focus: not empty, not a class
 * name such as "GtkText". */
static gboolean
has_name (JsonObject *focused)
{
  const char *name = a11y_string (focused, "name");
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (a11y_string (focused, "role") == NULL || stripped[0] == '\0')
    return FALSE;
  return !g_regex_match_simple ("^(Gtk|Gdk|Gma|WebKit)[A-Z][A-Za-z0-9]*$", stripped, 0, 0);
}

static const char *
region_of_focus (UiFixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  if (focus == NULL)
    return "none";
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->window->page_view)))
    return "page";
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->window->sidebar)))
    return "faq";
  if (gtk_widget_is_ancestor (focus, fixture->window->wizard_column))
    return "question";
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_HEADER_BAR) != NULL)
    return "header";
  return "elsewhere";
}

static void
test_first_focus (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  g_autoptr(JsonObject) focused = a11y_probe_call (probe, "{\"cmd\": \"focused\"}");
  const GmaNode *intro = gma_session_get_current (gma_window_get_session (fixture->window));

  g_assert_cmpstr (a11y_string (focused, "role"), ==, "push button");
  g_assert_cmpstr (a11y_string (focused, "name"), ==, gma_node_get_answer_label (intro, 0));
  g_assert_true (gtk_widget_has_focus (gma_question_view_get_answer_button (fixture->window->question_view, 0)));
  /* Not asserted here: that the ring is drawn from the start. The window
   * turns it on when it maps, but GTK turns it off again on any pointer
   * event, and Xvfb may send one as the window maps under the pointer
   * (seen once in CI on a loaded machine). test_f6 checks the ring after
   * each key. */
}

typedef struct {
  UiFixture *fixture;
  guint      unnamed_run;
  guint      longest_unnamed_run;
  gboolean   was_in_page;
  gboolean   left_page;
  GString   *log;
} TabWalk;

static void
on_tab (guint       step,
        JsonObject *focused,
        gpointer    user_data)
{
  TabWalk *walk = user_data;
  const char *region = region_of_focus (walk->fixture);

  g_string_append_printf (walk->log, "\n  %2u %-8s %s “%s”", step + 1, region, a11y_string (focused, "role"),
                          a11y_string (focused, "name"));
  if (has_name (focused))
    walk->unnamed_run = 0;
  else
    walk->unnamed_run++;
  walk->longest_unnamed_run = MAX (walk->longest_unnamed_run, walk->unnamed_run);

  if (g_str_equal (region, "page"))
    walk->was_in_page = TRUE;
  else if (walk->was_in_page)
    walk->left_page = TRUE;
}

static void
test_tab_walk (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = NULL;
  g_autoptr(GPtrArray) focus = NULL;
  TabWalk walk = { fixture, 0, 0, FALSE, FALSE, g_string_new (NULL) };

  if (skip_without_xtest ())
    return;

  {
    const GmaNode *intro = gma_session_get_current (gma_window_get_session (fixture->window));
    g_autofree char *uri = g_strdup_printf ("gma://page/%s", gma_node_get_id (intro));

    ui_wait_for_page (fixture, uri);
  }
  probe = a11y_probe_start ();
  focus = a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "Tab", WALK_PRESSES, on_tab, &walk);
  g_test_message ("The focus, Tab after Tab:%s", walk.log->str);

  if (walk.longest_unnamed_run > MAX_UNNAMED_RUN)
    g_error ("%u Tabs in a row without a named focus:%s", walk.longest_unnamed_run, walk.log->str);
  if (!walk.was_in_page || !walk.left_page)
    g_error ("The walk %s the page pane:%s", walk.was_in_page ? "never left" : "never reached", walk.log->str);

  /* Back out of the page with Shift+Tab too. */
  while (!g_str_equal (region_of_focus (fixture), "page"))
    g_ptr_array_unref (a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "Tab", 1, NULL, NULL));
  g_ptr_array_unref (a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "shift+Tab", 1, NULL, NULL));
  g_assert_cmpstr (region_of_focus (fixture), ==, "question");
  g_string_free (walk.log, TRUE);
}

/* F6 goes round the regions from the question: the page, the FAQ, the
 * header and back; Shift+F6 the other way. Each time AT-SPI reports a
 * named focus. */
static void
test_f6 (UiFixture *fixture, gconstpointer data)
{
  static const char * const forth[] = { "page", "faq", "header", "question", "page" };
  static const char * const back[] = { "question", "header", "faq", "page" };
  g_autoptr(A11yProbe) probe = NULL;

  if (skip_without_xtest ())
    return;

  g_object_set (fixture->window, "show-sidebar", TRUE, NULL);
  probe = a11y_probe_start ();
  g_assert_cmpstr (region_of_focus (fixture), ==, "question");
  for (guint i = 0; i < G_N_ELEMENTS (forth); i++)
    {
      g_autoptr(GPtrArray) focus = a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "F6", 1, NULL, NULL);

      g_assert_cmpstr (region_of_focus (fixture), ==, forth[i]);
      g_assert_true (has_name (g_ptr_array_index (focus, 0)));
      /* The focus ring is drawn where F6 put the focus. */
      g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (fixture->window)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    {
      g_autoptr(GPtrArray) focus = a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "shift+F6", 1, NULL, NULL);

      g_assert_cmpstr (region_of_focus (fixture), ==, back[i]);
      g_assert_true (has_name (g_ptr_array_index (focus, 0)));
    }
}

typedef struct {
  GmaSession    *session;
  const GmaNode *from;
} NodeWait;

static gboolean
node_changed (gpointer data)
{
  NodeWait *wait = data;

  return gma_session_get_current (wait->session) != wait->from;
}

/* The element at @path (child indices from the application) in @tree. */
static JsonObject *
node_at (JsonObject *tree,
         JsonArray  *path,
         guint       length)
{
  JsonObject *node = tree;

  for (guint i = 0; i < length; i++)
    node = json_array_get_object_element (json_object_get_array_member (node, "children"),
                                          json_array_get_int_element (path, i));
  return node;
}

/* An answer given with the keyboard: the focus is on the new question's
 * first answer, in the group of answers its question names. */
static void
test_answer_focus (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = NULL;
  GmaSession *session = gma_window_get_session (fixture->window);

  if (skip_without_xtest ())
    return;

  probe = a11y_probe_start ();
  for (guint question = 0; question < 2; question++)
    {
      NodeWait wait = { session, gma_session_get_current (session) };
      g_autoptr(GPtrArray) focus = NULL;
      g_autoptr(JsonObject) tree = NULL;
      JsonArray *path;
      JsonObject *group;
      const GmaNode *node;

      g_assert_true (gtk_widget_has_focus (gma_question_view_get_answer_button (fixture->window->question_view, 0)));
      focus = a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "Return", 1, NULL, NULL);
      ui_wait_until (node_changed, &wait, "the next question");
      node = gma_session_get_current (session);
      g_assert_cmpuint (gma_node_get_kind (node), ==, GMA_NODE_QUESTION);

      g_ptr_array_unref (focus);
      focus = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      g_ptr_array_add (focus, a11y_probe_call (probe, "{\"cmd\": \"focused\"}"));
      g_assert_cmpstr (a11y_string (g_ptr_array_index (focus, 0), "role"), ==, "push button");
      g_assert_cmpstr (a11y_string (g_ptr_array_index (focus, 0), "name"), ==, gma_node_get_answer_label (node, 0));

      tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
      path = json_object_get_array_member (g_ptr_array_index (focus, 0), "path");
      g_assert_nonnull (path);
      group = node_at (tree, path, json_array_get_length (path) - 1);
      /* GTK 4.8 says "panel" for the role group. */
      g_assert_true (g_strcmp0 (a11y_string (group, "role"), "panel") == 0 ||
                     g_strcmp0 (a11y_string (group, "role"), "grouping") == 0);
      g_assert_cmpstr (a11y_string (group, "name"), ==, gma_node_get_title (node));
    }
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/a11y-keys/first-focus", test_first_focus);
  ADD ("/a11y-keys/tab-walk", test_tab_walk);
  ADD ("/a11y-keys/f6", test_f6);
  ADD ("/a11y-keys/answer-focus", test_answer_focus);
#undef ADD

  return g_test_run ();
}
