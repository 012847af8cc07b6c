/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y-names.c: every element a person operates has a meaningful
 * name on every screen, as a screen reader reads it through AT-SPI from
 * another process (tests/atspi-probe.py "check-names": not empty, not a
 * class name such as "GtkButton", no mnemonic underscore, no text said
 * twice; and nothing else on the screen named after its class either,
 * such as a label read as "GtkLabel").
 *
 * The screens: the intro, a question, each result, the FAQ open and
 * searched, the whole flow, the find bar, the error bar, the Preferences
 * window, and the kiosk's attract screen and a question there (in
 * test-a11y-kiosk.c). Also: the question is a heading, the answers a
 * group it names; the FAQ's category headers are headings before their
 * entries; the FAQ toggle says whether it is pressed; the main menu is
 * one button. */
#define G_LOG_DOMAIN "gma-test-a11y-names"
#include "config.h"

#include "a11y-test-util.h"

/* Fails the test, listing them, when check-names finds anything on
 * @what's screen. */
static void
assert_all_named (A11yProbe  *probe,
                  const char *what)
{
  g_autoptr(JsonObject) answer = a11y_probe_call (probe, "{\"cmd\": \"check-names\"}");
  JsonArray *problems = json_object_get_array_member (answer, "problems");
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      g_autofree char *text = a11y_to_string (problem);

      g_string_append_printf (list, "\n  %s “%s”: %s (%s)", json_object_get_string_member (problem, "role"),
                              json_object_get_string_member (problem, "name"),
                              json_object_get_string_member (problem, "reason"), text);
    }
  if (list->len > 0)
    g_error ("%s: %u elements without a meaningful name:%s", what, json_array_get_length (problems), list->str);
  g_test_message ("%s: every element named", what);
}

typedef struct {
  GtkWidget *widget;
} MappedWait;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (((MappedWait *) data)->widget);
}

static void
wait_mapped (GtkWidget  *widget,
             const char *what)
{
  MappedWait wait = { widget };

  ui_wait_until (is_mapped, &wait, what);
}

static void
wait_current_page (UiFixture *fixture)
{
  const GmaNode *node = gma_session_get_current (gma_window_get_session (fixture->window));
  g_autofree char *uri = g_strdup_printf ("gma://page/%s", gma_node_get_id (node));

  ui_wait_for_page (fixture, uri);
}

static void
test_names_wizard (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  GmaSession *session = gma_window_get_session (fixture->window);
  GmaFlow *flow = gma_session_get_flow (session);
  guint results = 0;

  wait_current_page (fixture);
  if (g_getenv ("GMA_A11Y_DUMP"))
    {
      g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
      g_autofree char *text = a11y_to_string (tree);
      g_file_set_contents (g_getenv ("GMA_A11Y_DUMP"), text, -1, NULL);
    }
  assert_all_named (probe, "the intro");
  {
    /* The mail checker's offer on the intro: a button with a child label,
     * which GTK 4.8 would leave named after its class. */
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    JsonObject *mail = a11y_find (tree, "push button", _("Check the Mail You Received"));

    if (mail == NULL)
      g_error ("the intro: no button named “%s”", _("Check the Mail You Received"));
    g_assert_true (a11y_has_state (mail, "visible"));
  }

  g_assert_true (gma_session_answer (session, 0));
  wait_current_page (fixture);
  assert_all_named (probe, "the first question");

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      g_autofree char *what = NULL;

      if (gma_node_get_kind (node) != GMA_NODE_RESULT)
        continue;
      g_assert_true (gma_session_jump_to (session, gma_node_get_id (node)));
      wait_current_page (fixture);
      what = g_strdup_printf ("the result %s", gma_node_get_id (node));
      assert_all_named (probe, what);
      results++;
    }
  g_assert_cmpuint (results, >=, 6);
}

static void
test_names_panes (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  /* The FAQ, browsed, then searched. */
  g_object_set (fixture->window, "show-sidebar", TRUE, NULL);
  wait_mapped (GTK_WIDGET (gma_faq_sidebar_get_list (fixture->window->sidebar)), "the FAQ");
  assert_all_named (probe, "the FAQ");
  ui_search_faq (fixture, "迷惑メール");
  assert_all_named (probe, "the FAQ searched");
  ui_search_faq (fixture, "");

  /* The whole flow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-flow", NULL));
  ui_wait_for_page (fixture, GMA_FLOW_URI);
  assert_all_named (probe, "the whole flow");

  /* The find bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "page.find", NULL));
  wait_mapped (GTK_WIDGET (fixture->window->find_entry), "the find bar");
  assert_all_named (probe, "the find bar");
  gtk_search_bar_set_search_mode (fixture->window->find_bar, FALSE);

  /* The error bar, and its message read as what it says. */
  _gma_window_show_message (fixture->window, "テストのエラー");
  wait_mapped (GTK_WIDGET (fixture->window->error_label), "the error bar");
  assert_all_named (probe, "the error bar");
  {
    g_autoptr(JsonObject) found = a11y_probe_call (probe, "{\"cmd\": \"find\", \"name\": \"^テストのエラー$\"}");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (found, "nodes")), ==, 1);
  }
  _gma_window_show_message (fixture->window, NULL);
}

typedef struct {
  GtkApplication *app;
  GtkWindow      *main_window;
} PreferencesWait;

static GtkWindow *
other_window (PreferencesWait *wait)
{
  for (GList *l = gtk_application_get_windows (wait->app); l != NULL; l = l->next)
    if (l->data != wait->main_window && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
preferences_shown (gpointer data)
{
  return other_window (data) != NULL;
}

static void
test_names_preferences (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  PreferencesWait wait = { GTK_APPLICATION (fixture->app), GTK_WINDOW (fixture->window) };

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  ui_wait_until (preferences_shown, &wait, "the Preferences window");
  assert_all_named (probe, "the Preferences window");
  gtk_window_destroy (other_window (&wait));
}

/* The question is a heading; its answers are a group it names. */
static void
test_question_group (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  GmaSession *session = gma_window_get_session (fixture->window);
  const GmaNode *node;

  g_assert_true (gma_session_answer (session, 0));
  wait_current_page (fixture);
  node = gma_session_get_current (session);
  {
    /* Besides the page's own title, in the page's outline. */
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    g_autoptr(GPtrArray) headings = g_ptr_array_new ();
    g_autoptr(GPtrArray) in_page = g_ptr_array_new ();

    a11y_collect (tree, "heading", gma_node_get_title (node), headings);
    a11y_collect (a11y_find (tree, "document text", NULL), "heading", gma_node_get_title (node), in_page);
    g_assert_cmpuint (headings->len - in_page->len, ==, 1);
  }
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    JsonObject *group = a11y_find (tree, "panel", gma_node_get_title (node));
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    if (group == NULL)
      group = a11y_find (tree, "grouping", gma_node_get_title (node));
    g_assert_nonnull (group);
    a11y_collect (group, "push button", NULL, buttons);
    g_assert_cmpuint (buttons->len, ==, gma_node_get_n_answers (node));
    for (guint i = 0; i < buttons->len; i++)
      g_assert_cmpstr (a11y_string (g_ptr_array_index (buttons, i), "name"), ==,
                       gma_node_get_answer_label (node, i));
  }
}

/* The header's FAQ button: a toggle button, or on GTK 4.8, which has
 * no such role, a push button with a pressed state. */
static JsonObject *
faq_toggle (JsonObject *tree)
{
  JsonObject *toggle = a11y_find (tree, "toggle button", "FAQ");

  return toggle != NULL ? toggle : a11y_find (tree, "push button", "FAQ");
}

/* The FAQ: its categories are headings, each before its entries; the
 * header's FAQ button says whether the FAQ is shown. The main menu
 * button is one button, not one inside another. */
static void
test_header_and_faq (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();

  g_object_set (fixture->window, "show-sidebar", FALSE, NULL);
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    JsonObject *toggle = faq_toggle (tree);
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();

    g_assert_nonnull (toggle);
    g_assert_false (a11y_has_state (toggle, "pressed") || a11y_has_state (toggle, "checked"));

    a11y_collect (tree, NULL, "メインメニュー", menus);
    g_assert_cmpuint (menus->len, >=, 1);
    for (guint i = 0; i < menus->len; i++)
      {
        g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
        g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

        a11y_collect (g_ptr_array_index (menus, i), "push button", NULL, buttons);
        a11y_collect (g_ptr_array_index (menus, i), "toggle button", NULL, toggles);
        g_assert_cmpuint (buttons->len + toggles->len, <=, 1);
      }
  }

  g_object_set (fixture->window, "show-sidebar", TRUE, NULL);
  wait_mapped (GTK_WIDGET (fixture->window->sidebar), "the FAQ");
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    JsonObject *toggle = faq_toggle (tree);
    JsonObject *list = NULL;
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();
    JsonArray *children;
    guint headings = 0;

    g_assert_true (a11y_has_state (toggle, "pressed") || a11y_has_state (toggle, "checked"));

    /* The FAQ's list (named by its title): a heading first, then the
     * entries, each category's heading before its own. */
    a11y_collect (tree, "list", NULL, lists);
    for (guint i = 0; i < lists->len && list == NULL; i++)
      if (a11y_find (g_ptr_array_index (lists, i), "list item", NULL) != NULL &&
          g_str_has_prefix (a11y_string (g_ptr_array_index (lists, i), "name"), "よくある質問"))
        list = g_ptr_array_index (lists, i);
    g_assert_nonnull (list);
    children = json_object_get_array_member (list, "children");
    g_assert_cmpstr (a11y_string (json_array_get_object_element (children, 0), "role"), ==, "heading");
    for (guint i = 0; i < json_array_get_length (children); i++)
      {
        JsonObject *child = json_array_get_object_element (children, i);

        if (g_strcmp0 (a11y_string (child, "role"), "heading") != 0)
          continue;
        headings++;
        /* Its category's number starts its first entry. */
        g_assert_cmpuint (i + 1, <, json_array_get_length (children));
        {
          g_auto(GStrv) words = g_strsplit (a11y_string (child, "name"), " ", 2);
          g_autofree char *prefix = g_strconcat (words[0], "-", NULL);

          g_assert_true (g_str_has_prefix (a11y_string (json_array_get_object_element (children, i + 1), "name"),
                                           prefix));
        }
      }
    g_assert_cmpuint (headings, >=, 2);
  }
}

/* The elements a person could operate, now or later: interactive and
 * visible (insensitive ones too: a screen reader still lists them). */
static void
collect_operable (JsonObject *node,
                  GPtrArray  *found)
{
  static const char * const roles[] = { "push button", "toggle button", "entry", "list item", "link", NULL };
  JsonArray *children = json_object_get_array_member (node, "children");

  if (!a11y_has_state (node, "visible"))
    return;
  if ((g_strv_contains (roles, a11y_string (node, "role") ? a11y_string (node, "role") : "") ||
       a11y_has_state (node, "focusable")))
    g_ptr_array_add (found, node);
  for (guint i = 0; children != NULL && i < json_array_get_length (children); i++)
    collect_operable (json_array_get_object_element (children, i), found);
}

/* The kiosk: its attract screen covers the window for assistive
 * technology too (what is under it is neither operable nor there), and
 * a question there has every control named, the keypad's keys reachable
 * with the keyboard, the display toggles there. */
static void
test_names_kiosk (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  GtkWidget *attract = fixture->window->kiosk->attract_screen;

  g_assert_true (gtk_widget_get_visible (attract));
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    g_autoptr(GPtrArray) operable = g_ptr_array_new ();
    g_autoptr(GString) list = g_string_new (NULL);

    JsonArray *windows = json_object_get_array_member (tree, "children");

    /* The application itself is not "visible": its windows are. */
    for (guint i = 0; i < json_array_get_length (windows); i++)
      collect_operable (json_array_get_object_element (windows, i), operable);
    for (guint i = 0; i < operable->len; i++)
      g_string_append_printf (list, "\n  %s “%s”", a11y_string (g_ptr_array_index (operable, i), "role"),
                              a11y_string (g_ptr_array_index (operable, i), "name"));
    /* The attract screen itself, and nothing under it. */
    g_assert_cmpuint (operable->len, >=, 1);
    if (operable->len > 1)
      g_error ("%u elements under the attract screen still read:%s", operable->len, list->str);
  }
  assert_all_named (probe, "the kiosk's attract screen");

  g_signal_emit_by_name (attract, "activated");
  g_assert_false (gtk_widget_get_visible (attract));
  g_assert_true (gma_session_answer (gma_window_get_session (fixture->window), 0));
  wait_current_page (fixture);
  assert_all_named (probe, "a question in the kiosk");
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    JsonObject *larger = a11y_find (tree, NULL, "文字を大きく");
    JsonObject *contrast = a11y_find (tree, NULL, "ハイコントラスト");
    JsonObject *faq = faq_toggle (tree);

    g_assert_nonnull (larger);
    g_assert_nonnull (contrast);
    g_assert_true (a11y_has_state (larger, "visible"));
    g_assert_false (a11y_has_state (larger, "pressed"));
    /* The FAQ button does not offer F9, which does nothing here. */
    g_assert_nonnull (faq);
    g_assert_null (strstr (a11y_string (faq, "description"), "F9"));
  }
}

int
main (int argc, char *argv[])
{
  /* In Japanese, where the mnemonics are 「(_S)」 after the words. */
  ui_test_init_japanese (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/a11y-names/wizard", test_names_wizard);
  ADD ("/a11y-names/panes", test_names_panes);
  ADD ("/a11y-names/preferences", test_names_preferences);
  ADD ("/a11y-names/question-group", test_question_group);
  ADD ("/a11y-names/header-and-faq", test_header_and_faq);
#undef ADD
  g_test_add ("/a11y-names/kiosk", UiFixture, NULL, ui_kiosk_fixture_set_up, test_names_kiosk,
              ui_kiosk_fixture_tear_down);

  return g_test_run ();
}
