/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The questions (gma-question-view.c) in the real window under Xvfb: the
 * answer buttons with the guide's words, every walk to each of the six
 * results, back, changing an earlier answer through its row, start over. */
#define G_LOG_DOMAIN "gma-test-question-view"
#include "config.h"

#include "ui-test-util.h"

static GtkWidget *
find_with_class (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
expected_title (const GmaNode *node)
{
  const char *reference = gma_node_get_reference (node);

  if (reference != NULL)
    return g_strdup_printf ("%s %s", reference, gma_node_get_title (node));
  return g_strdup (gma_node_get_title (node));
}

static char *
page_uri (const char *id)
{
  return g_strdup_printf ("gma://page/%s", id);
}

static void
test_intro (UiFixture *fixture, gconstpointer data)
{
  GmaFlow *flow = gma_content_get_flow (fixture->content);
  const GmaNode *start = gma_flow_get_start (flow);
  g_autofree char *uri = page_uri ("start");
  g_autofree char *title = expected_title (start);
  GtkWidget *button;

  g_assert_cmpstr (ui_wait_for_page (fixture, uri), ==, title);

  /* One button, carrying the content's label. */
  button = gma_question_view_get_answer_button (fixture->window->question_view, 0);
  g_assert_nonnull (button);
  g_assert_null (gma_question_view_get_answer_button (fixture->window->question_view, 1));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   gma_node_get_answer_label (start, 0));

  /* The window says which year's guidance it shows. */
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->subtitle_label),
                            gma_content_get_edition (fixture->content)));
}

/* Collects every walk from @node to a result, as lists of answer indexes. */
static void
collect_walks (const GmaNode *node, GArray *prefix, GPtrArray *walks)
{
  if (gma_node_get_kind (node) == GMA_NODE_RESULT)
    {
      GArray *walk = g_array_copy (prefix);
      g_ptr_array_add (walks, walk);
      return;
    }

  for (guint i = 0; i < gma_node_get_n_answers (node); i++)
    {
      g_array_append_val (prefix, i);
      collect_walks (gma_node_get_answer_target (node, i), prefix, walks);
      g_array_set_size (prefix, prefix->len - 1);
    }
}

static void
test_every_walk (UiFixture *fixture, gconstpointer data)
{
  GmaFlow *flow = gma_content_get_flow (fixture->content);
  GmaSession *session = gma_window_get_session (fixture->window);
  g_autoptr(GPtrArray) walks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) prefix = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) results = g_hash_table_new (g_str_hash, g_str_equal);

  collect_walks (gma_flow_get_start (flow), prefix, walks);
  g_assert_cmpuint (walks->len, ==, 9);

  for (guint w = 0; w < walks->len; w++)
    {
      GArray *walk = g_ptr_array_index (walks, w);
      const GmaNode *node = gma_flow_get_start (flow);
      g_autofree char *uri = NULL;
      g_autofree char *title = NULL;

      if (w > 0)
        gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.restart", NULL);
      g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");

      for (guint i = 0; i < walk->len; i++)
        {
          guint answer = g_array_index (walk, guint, i);
          GtkWidget *button = gma_question_view_get_answer_button (fixture->window->question_view, answer);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

          /* The button says what the guide says. */
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                           gma_node_get_answer_label (node, answer));
          ui_click (button);
          node = gma_node_get_answer_target (node, answer);
          g_assert_true (gma_session_get_current (session) == node);
        }

      g_assert_cmpint (gma_node_get_kind (node), ==, GMA_NODE_RESULT);
      uri = page_uri (gma_node_get_id (node));
      title = expected_title (node);
      g_assert_cmpstr (ui_wait_for_page (fixture, uri), ==, title);
      {
        GtkWidget *reference = find_with_class (GTK_WIDGET (fixture->window->question_view), "reference-label");
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reference)), ==,
                         gma_node_get_reference (node) ? gma_node_get_reference (node) : "");
        g_assert_true (gtk_widget_get_visible (reference) == (gma_node_get_reference (node) != NULL));
      }
      g_hash_table_add (results, (gpointer) gma_node_get_id (node));
    }

  /* All six results were reached. */
  g_assert_cmpuint (g_hash_table_size (results), ==, 6);
}

static void
click_path (UiFixture *fixture, const guint *answers, guint n)
{
  for (guint i = 0; i < n; i++)
    ui_click (gma_question_view_get_answer_button (fixture->window->question_view, answers[i]));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_back_change_restart (UiFixture *fixture, gconstpointer data)
{
  GmaSession *session = gma_window_get_session (fixture->window);
  GtkWidget *row;
  GtkPopover *popover;
  GtkWidget *box, *button;
  /* はじめる, 届いていない (pre-notice), 空き容量は十分にある, 迷惑メールフォルダにあった */
  const guint path[] = { 0, 0, 1, 0 };
  g_autofree char *remedy2 = page_uri ("remedy-2");
  g_autofree char *remedy1 = page_uri ("remedy-1");
  g_autofree char *spam = page_uri ("spam-folder");

  click_path (fixture, path, G_N_ELEMENTS (path));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-2");
  ui_wait_for_page (fixture, remedy2);

  /* Back (the header button's action) returns to the question. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (fixture->window->question_view)))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.back", NULL);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "spam-folder");
  ui_wait_for_page (fixture, spam);

  /* Go on again, then change the mailbox answer through its row: the
   * later answer is dropped and the walk continues from the new one. */
  click_path (fixture, (const guint[]) { 0 }, 1);
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 4);
  row = gma_question_view_get_step_row (fixture->window->question_view, 2);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  popover = gma_question_view_get_change_popover (fixture->window->question_view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  box = gtk_popover_get_child (popover);
  /* heading, then one button per answer: answer 0 is 空き容量が不足している */
  button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  /* On Wayland a popover maps once the compositor has placed it. */
  ui_wait_until (widget_mapped, button, "the popover's answer button on screen");
  ui_click (button);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "remedy-1");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 3);
  g_assert_null (gma_question_view_get_step_row (fixture->window->question_view, 3));
  g_assert_cmpstr (ui_wait_for_page (fixture, remedy1), ==,
                   "対応方法1 メールボックスの空き容量が不足していた場合");

  /* Alt+Left is the accelerator of back. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "wizard.back");
    /* The accels are set in startup(), which a registered test app ran. */
    g_assert_true (g_strv_contains ((const char * const *) accels, "<Alt>Left"));
  }

  /* Start over. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.restart", NULL);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 0);
  g_assert_null (gma_question_view_get_step_row (fixture->window->question_view, 1));
  g_assert_false (gtk_widget_get_visible (find_with_class (GTK_WIDGET (fixture->window->question_view), "boxed-list")));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/question-view/intro", test_intro);
  ADD ("/question-view/every-walk", test_every_walk);
  ADD ("/question-view/back-change-restart", test_back_change_restart);

  return g_test_run ();
}
