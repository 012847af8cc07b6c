/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The FAQ sidebar (gma-faq-sidebar.c) in the real window under Xvfb: the
 * list of questions, and the search: the list against the core's ranking,
 * highlights in the rows and in the pages, the "nothing found" state,
 * input method pre-edit, and the keys. */
#define G_LOG_DOMAIN "gma-test-faq-sidebar"
#include "config.h"

#include "gma-router.h"
#include "gma-search.h"
#include "ui-test-util.h"

static GmaFaqSidebar *
sidebar_of (UiFixture *fixture)
{
  return fixture->window->sidebar;
}

/* Types @text (as one committed change) and waits for the search-changed
 * delay to run the search. */
static void
search_for (UiFixture *fixture, const char *text)
{
  ui_search_faq (fixture, text);
}

/* The ids of the core's hits for @query, in its order: what --search
 * prints. */
static GStrv
core_ranking (UiFixture *fixture, const char *query)
{
  g_autoptr(GmaSearchIndex) index = gma_search_index_new_for_content (fixture->content);
  g_autoptr(GPtrArray) hits = gma_search_index_query (index, query);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < hits->len; i++)
    g_strv_builder_add (builder, gma_search_hit_get_id (g_ptr_array_index (hits, i)));

  return g_strv_builder_end (builder);
}

static void
assert_strv_equal (char **a, char **b)
{
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static GtkListBoxRow *
result_row (UiFixture *fixture, const char *id)
{
  GtkListBox *list = gma_faq_sidebar_get_results_list (sidebar_of (fixture));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (gma_search_hit_get_id (gma_faq_sidebar_get_row_hit (sidebar_of (fixture), row)), id) == 0)
        return row;
    }
}

static char *
uri_for_search (GmaRoute route, const char *id, const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);

  return g_strdup_printf ("gma://%s/%s?q=%s", route == GMA_ROUTE_FAQ ? "faq" : "page", id, escaped);
}

/* ---- the list ------------------------------------------------------------ */

static void
test_ranking_is_the_core_s (UiFixture *fixture, gconstpointer data)
{
  GmaFaqSidebar *sidebar = sidebar_of (fixture);
  const char * const queries[] = { "ﾛｸﾞｲﾝ", "ﾊﾟｽﾜｰﾄﾞ", "メール 届かない", "URL" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_auto(GStrv) shown = NULL;
      g_auto(GStrv) expected = core_ranking (fixture, queries[q]);

      search_for (fixture, queries[q]);
      shown = gma_faq_sidebar_dup_visible_ids (sidebar);
      g_assert_cmpuint (g_strv_length (expected), >, 0);
      assert_strv_equal (shown, expected);
    }

  /* ﾛｸﾞｲﾝ (half-width) finds the entries about logging in first. */
  search_for (fixture, "ﾛｸﾞｲﾝ");
  {
    g_auto(GStrv) shown = gma_faq_sidebar_dup_visible_ids (sidebar);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (gma_faq_sidebar_get_results_list (sidebar), 0);
    GmaSearchHit *hit = gma_faq_sidebar_get_row_hit (sidebar, row);

    g_assert_cmpstr (shown[0], ==, "faq-4-1");
    g_assert_nonnull (strstr (gma_search_hit_get_title (hit), "ログイン"));
    g_assert_true (g_strv_contains ((const char * const *) shown, "faq-3-3"));
  }

  /* The count is said, in a status a screen reader announces. */
  {
    GtkLabel *status = gma_faq_sidebar_get_status_label (sidebar);
    g_auto(GStrv) shown = gma_faq_sidebar_dup_visible_ids (sidebar);
    g_autofree char *count = g_strdup_printf ("%u", g_strv_length (shown));

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (status)), ==,
                     GTK_ACCESSIBLE_ROLE_STATUS);
    g_assert_nonnull (strstr (gtk_label_get_text (status), count));
  }
}

static void
test_faq_and_page (UiFixture *fixture, gconstpointer data)
{
  g_auto(GStrv) shown = NULL;
  GtkListBoxRow *row;
  GtkWidget *kind;

  /* Answered by both FAQ 3-2 and 対応方法3: both come first. */
  search_for (fixture, "このサイトにアクセスできません");
  shown = gma_faq_sidebar_dup_visible_ids (sidebar_of (fixture));
  g_assert_cmpuint (g_strv_length (shown), >=, 2);
  g_assert_true ((g_str_equal (shown[0], "faq-3-2") && g_str_equal (shown[1], "remedy-3")) ||
                 (g_str_equal (shown[0], "remedy-3") && g_str_equal (shown[1], "faq-3-2")));

  /* Each says what it is: the FAQ number, the guide's reference. */
  row = result_row (fixture, "faq-3-2");
  kind = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (kind)), ==, "FAQ 3-2");
  row = result_row (fixture, "remedy-3");
  kind = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (kind)), ==, "対応方法3");
  /* ...and the title does not repeat the reference. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (kind))), ==,
                   "メールにあるURLにアクセスできない");
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_no_hits (UiFixture *fixture, gconstpointer data)
{
  GmaFaqSidebar *sidebar = sidebar_of (fixture);
  GtkWidget *no_hits = gma_faq_sidebar_get_no_hits (sidebar);
  const char *advice;
  const char * const *preface = gma_faq_get_preface (gma_content_get_faq (fixture->content));
  GtkWidget *button;
  const guint path[] = { 0, 1 };
  g_auto(GStrv) none = core_ranking (fixture, "天気予報");

  g_assert_false (gtk_widget_get_visible (no_hits));

  /* Somewhere in the walk: the guided check continues from there. */
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    ui_click (gma_question_view_get_answer_button (fixture->window->question_view, path[i]));

  search_for (fixture, "天気予報");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_true (gtk_widget_get_visible (no_hits));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gma_faq_sidebar_get_results_list (sidebar))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gma_faq_sidebar_get_list (sidebar))));

  /* The guide's advice, in its words: quoted from the FAQ's preface. */
  advice = gtk_label_get_text (gma_faq_sidebar_get_advice_label (sidebar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gma_faq_sidebar_get_advice_label (sidebar))));
  g_assert_nonnull (strstr (advice, "都道府県の窓口へお問い合わせいただくようお願いいたします"));
  g_assert_nonnull (strstr (preface[g_strv_length ((char **) preface) - 1], advice));

  /* The guided check: the walk is kept, the focus is on its first answer. */
  button = gtk_widget_get_first_child (no_hits);
  while (button != NULL && !GTK_IS_BUTTON (button))
    button = gtk_widget_get_next_sibling (button);
  ui_click (button);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (gma_window_get_session (fixture->window))),
                   ==, "issue-mail");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 gma_question_view_get_answer_button (fixture->window->question_view, 0));
  ui_wait_for_page (fixture, "gma://page/issue-mail");

  /* Narrow: the sidebar gives the wizard its place back. */
  ui_set_window_size (fixture, 800, 600);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL);
  /* The sidebar slides in. */
  ui_wait_until (widget_mapped, button, "the sidebar to slide in");
  g_assert_false (gtk_widget_get_visible (fixture->window->wizard_column));
  ui_click (button);
  g_assert_true (gtk_widget_get_visible (fixture->window->wizard_column));
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
}

static void
assert_browsing (UiFixture *fixture)
{
  GmaFaqSidebar *sidebar = sidebar_of (fixture);
  GtkListBox *list = gma_faq_sidebar_get_list (sidebar);
  g_auto(GStrv) shown = gma_faq_sidebar_dup_visible_ids (sidebar);
  guint headers = 0;
  GtkListBoxRow *row;

  g_assert_null (gma_faq_sidebar_get_query (sidebar));
  g_assert_cmpuint (g_strv_length (shown), ==, 17);
  g_assert_cmpstr (shown[0], ==, "faq-1-1");
  g_assert_cmpstr (shown[16], ==, "faq-4-3");
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_list_box_row_get_header (row) != NULL)
      headers++;
  g_assert_cmpuint (headers, ==, 4);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gma_faq_sidebar_get_results_list (sidebar))));
  g_assert_false (gtk_widget_get_visible (gma_faq_sidebar_get_no_hits (sidebar)));
}

static void
test_clear (UiFixture *fixture, gconstpointer data)
{
  GtkEditable *entry = gma_faq_sidebar_get_search_entry (sidebar_of (fixture));

  assert_browsing (fixture);

  search_for (fixture, "ﾛｸﾞｲﾝ");
  search_for (fixture, "");
  assert_browsing (fixture);

  /* From "nothing found" too; and Escape clears. */
  search_for (fixture, "天気予報");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  assert_browsing (fixture);
}

/* ---- input methods ------------------------------------------------------- */

static void
test_preedit (UiFixture *fixture, gconstpointer data)
{
  GmaFaqSidebar *sidebar = sidebar_of (fixture);
  GtkEditable *entry = gma_faq_sidebar_get_search_entry (sidebar);
  GtkEditable *text = gtk_editable_get_delegate (entry);
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) during = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) expected = core_ranking (fixture, "パスワード");
  guint search_changed = 0;

  g_assert_true (GTK_IS_TEXT (text));
  search_for (fixture, "ログイン");
  before = gma_faq_sidebar_dup_visible_ids (sidebar);
  g_assert_false (g_strv_equal ((const char * const *) before, (const char * const *) expected));

  /* Composing: the text changes under the input method, the list does
   * not, even after the entry's delay (its search-changed has come: the
   * sidebar's handler, connected first, has run). */
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (ui_count), &search_changed);
  g_signal_emit_by_name (text, "preedit-changed", "ぱすわーど");
  gtk_editable_set_text (entry, "パスワード");
  ui_wait_until (ui_counted, &search_changed, "the entry's search-changed");
  g_assert_cmpstr (gma_faq_sidebar_get_query (sidebar), ==, "ログイン");
  during = gma_faq_sidebar_dup_visible_ids (sidebar);
  assert_strv_equal (during, before);

  /* Enter and Down belong to the input method meanwhile. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gma_faq_sidebar_get_query (sidebar), ==, "ログイン");

  /* Committed: searched at once. */
  g_signal_emit_by_name (text, "preedit-changed", "");
  g_assert_cmpstr (gma_faq_sidebar_get_query (sidebar), ==, "パスワード");
  after = gma_faq_sidebar_dup_visible_ids (sidebar);
  assert_strv_equal (after, expected);
}

/* ---- keys ---------------------------------------------------------------- */

static GtkEventController *
find_controller (GtkWidget *widget, const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  return NULL;
}

/* The window's shortcut for @keyval (no modifiers), or NULL. */
static GtkShortcut *
find_shortcut (GtkWidget *widget, guint keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return shortcut;
        }
    }

  return NULL;
}

static gboolean
search_has_focus (UiFixture *fixture)
{
  GtkEditable *entry = gma_faq_sidebar_get_search_entry (sidebar_of (fixture));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
}

static void
test_keys (UiFixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GmaFaqSidebar *sidebar = sidebar_of (fixture);
  GtkEditable *entry = gma_faq_sidebar_get_search_entry (sidebar);
  GtkWidget *answer = gma_question_view_get_answer_button (fixture->window->question_view, 0);
  GtkEventController *keys;
  GtkShortcut *slash;
  gboolean handled = FALSE;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.search");

  /* Ctrl+K, and only it: Ctrl+F finds in the page. */
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>k");

  /* Ctrl+K's action, from anywhere, even with the sidebar hidden. */
  gtk_widget_activate_action (window, "win.toggle-sidebar", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  gtk_widget_grab_focus (answer);
  g_assert_false (search_has_focus (fixture));
  gtk_widget_activate_action (window, "win.search", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  g_assert_true (search_has_focus (fixture));

  /* "/" does the same when the focus is not where text is typed... */
  slash = find_shortcut (window, GDK_KEY_slash);
  g_assert_nonnull (slash);
  gtk_widget_grab_focus (answer);
  g_assert_false (search_has_focus (fixture));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (slash), 0, window, NULL));
  g_assert_true (search_has_focus (fixture));
  /* ...and is left alone in the entry, where it is a character. */
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (slash), 0, window, NULL));

  /* Down: from the entry to the first row, of the FAQ... */
  keys = find_controller (GTK_WIDGET (entry), "gma-search-keys");
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (gma_faq_sidebar_get_list (sidebar), 0)));

  /* ...or of the hits. Other keys are the entry's. */
  gma_faq_sidebar_focus_search (sidebar);
  search_for (fixture, "このサイトにアクセスできません");
  handled = TRUE;
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
  g_assert_false (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (gma_faq_sidebar_get_results_list (sidebar), 0)));

  /* Enter in the entry opens the best hit, with the search. */
  {
    g_auto(GStrv) shown = gma_faq_sidebar_dup_visible_ids (sidebar);
    GmaRoute route = g_str_has_prefix (shown[0], "faq-") ? GMA_ROUTE_FAQ : GMA_ROUTE_PAGE;
    g_autofree char *uri = uri_for_search (route, shown[0], "このサイトにアクセスできません");

    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), ==, uri);
    ui_wait_for_page (fixture, uri);
    /* The row of what is shown is selected. */
    g_assert_true (gtk_list_box_get_selected_row (gma_faq_sidebar_get_results_list (sidebar)) ==
                   gtk_list_box_get_row_at_index (gma_faq_sidebar_get_results_list (sidebar), 0));
  }

  /* Enter on a row opens it. */
  {
    g_auto(GStrv) shown = gma_faq_sidebar_dup_visible_ids (sidebar);
    GmaRoute route = g_str_has_prefix (shown[1], "faq-") ? GMA_ROUTE_FAQ : GMA_ROUTE_PAGE;
    g_autofree char *uri = uri_for_search (route, shown[1], "このサイトにアクセスできません");

    g_signal_emit_by_name (gtk_list_box_get_row_at_index (gma_faq_sidebar_get_results_list (sidebar), 1),
                           "activate");
    g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), ==, uri);
  }
}

/* ---- highlights ----------------------------------------------------------- */

/* The text of every <mark> of @html, in order. */
static GStrv
marked_texts (const char *html)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = html;

  while ((p = strstr (p, "<mark>")) != NULL)
    {
      const char *end = strstr (p, "</mark>");

      g_assert_nonnull (end);
      g_autofree char *text = g_strndup (p + 6, end - (p + 6));

      g_strv_builder_add (builder, text);
      p = end;
    }

  return g_strv_builder_end (builder);
}

static char *
load_html (UiFixture *fixture, const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gma_router_load (fixture->content, gma_window_get_session (fixture->window),
                                             uri, NULL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_open_hits_highlighted (UiFixture *fixture, gconstpointer data)
{
  const char *query = "このサイトにアクセスできません";
  GmaSession *session = gma_window_get_session (fixture->window);
  g_autofree char *faq_uri = uri_for_search (GMA_ROUTE_FAQ, "faq-3-2", "ｷｬｯｼｭｸﾘｱ");
  g_autofree char *page_uri = uri_for_search (GMA_ROUTE_PAGE, "remedy-3", query);
  g_autofree char *html = NULL;
  g_auto(GStrv) marks = NULL;
  const char *title;

  /* The FAQ answer, opened from the list: what the search found is
   * marked, in the page the pane shows. */
  search_for (fixture, "ｷｬｯｼｭｸﾘｱ");
  g_signal_emit_by_name (result_row (fixture, "faq-3-2"), "activate");
  title = ui_wait_for_page (fixture, faq_uri);
  g_assert_nonnull (strstr (title, "FAQ 3-2"));
  html = load_html (fixture, faq_uri);
  marks = marked_texts (html);
  g_assert_cmpuint (g_strv_length (marks), ==, 1);
  g_assert_cmpstr (marks[0], ==, "キャッシュクリア");
  g_assert_nonnull (strstr (html, "ブラウザの「<mark>キャッシュクリア</mark>」を行って"));
  g_clear_pointer (&html, g_free);
  g_clear_pointer (&marks, g_strfreev);
  /* Without a search, nothing is marked. */
  html = load_html (fixture, "gma://faq/faq-3-2");
  g_assert_null (strstr (html, "<mark>"));
  g_clear_pointer (&html, g_free);

  search_for (fixture, query);

  /* The page of 対応方法3, shown without walking there. */
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");
  g_signal_emit_by_name (result_row (fixture, "remedy-3"), "activate");
  title = ui_wait_for_page (fixture, page_uri);
  g_assert_cmpstr (title, ==, "対応方法3 メールにあるURLにアクセスできない");
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (session)), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (session), ==, 0);
  html = load_html (fixture, page_uri);
  marks = marked_texts (html);
  g_assert_cmpuint (g_strv_length (marks), >, 0);
  for (guint i = 0; marks[i] != NULL; i++)
    {
      g_autofree char *normal = gma_search_normalize (marks[i], -1, NULL);
      g_autofree char *whole = gma_search_normalize (query, -1, NULL);

      /* Only text is marked, and what is marked is the query's. */
      g_assert_null (strchr (marks[i], '<'));
      g_assert_nonnull (strstr (whole, normal));
    }
}

/* The highlighted byte ranges of a label (its bold runs). */
static GArray *
label_highlights (GtkLabel *label)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (GmaSearchRange));
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  GSList *list;

  if (attrs == NULL)
    return ranges;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_WEIGHT)
        g_array_append_val (ranges, ((GmaSearchRange) { attr->start_index, attr->end_index }));
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return ranges;
}

static void
test_row_highlights (UiFixture *fixture, gconstpointer data)
{
  GmaFaqSidebar *sidebar = sidebar_of (fixture);
  GtkListBox *list;
  GtkListBoxRow *row;
  g_autofree char *word = gma_search_normalize ("ﾊﾟｽﾜｰﾄﾞ", -1, NULL);
  guint titles = 0, snippets = 0;

  /* NFKC makes ﾊﾟ (6 bytes) one パ (3 bytes): the ranges are the
   * original's, and the label shows the original. */
  search_for (fixture, "ﾊﾟｽﾜｰﾄﾞ");
  list = gma_faq_sidebar_get_results_list (sidebar);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GmaSearchHit *hit = gma_faq_sidebar_get_row_hit (sidebar, row);
      GtkWidget *kind = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
      GtkLabel *title = GTK_LABEL (gtk_widget_get_next_sibling (kind));
      GtkWidget *snippet = gtk_widget_get_next_sibling (GTK_WIDGET (title));
      const char *hit_title = gma_search_hit_get_title (hit);
      const char *text = gtk_label_get_text (title);
      /* A page's title is shown without its reference. */
      gsize skip = strlen (hit_title) - strlen (text);
      guint n = 0;
      const GmaSearchRange *ranges = gma_search_hit_get_ranges (hit, GMA_SEARCH_FIELD_TITLE, &n);
      g_autoptr(GArray) shown = label_highlights (title);

      g_assert_cmpstr (hit_title + skip, ==, text);
      g_assert_cmpuint (shown->len, ==, n);
      for (guint r = 0; r < n; r++)
        {
          GmaSearchRange *s = &g_array_index (shown, GmaSearchRange, r);
          g_autofree char *normal = gma_search_normalize (text + s->start, s->end - s->start, NULL);

          g_assert_cmpuint (s->start + skip, ==, ranges[r].start);
          g_assert_cmpuint (s->end + skip, ==, ranges[r].end);
          g_assert_cmpstr (normal, ==, word);
          titles++;
        }

      /* Found only in the body: a snippet, highlighted where it matched. */
      if (n == 0)
        {
          g_autoptr(GArray) in_snippet = NULL;
          const char *snippet_text;

          g_assert_nonnull (snippet);
          snippet_text = gtk_label_get_text (GTK_LABEL (snippet));
          in_snippet = label_highlights (GTK_LABEL (snippet));
          g_assert_cmpuint (in_snippet->len, >, 0);
          for (guint r = 0; r < in_snippet->len; r++)
            {
              GmaSearchRange *s = &g_array_index (in_snippet, GmaSearchRange, r);
              g_autofree char *normal = gma_search_normalize (snippet_text + s->start, s->end - s->start, NULL);

              g_assert_cmpstr (normal, ==, word);
              snippets++;
            }
        }
      else
        g_assert_null (snippet);
    }

  g_assert_cmpuint (titles, >, 0);
  g_assert_cmpuint (snippets, >, 0);
}

/* ---- the rows fit ---------------------------------------------------------- */

typedef struct {
  GtkWidget *widget;
  guint frames;
} FrameWait;

static void
count_frame (GdkFrameClock *clock, FrameWait *wait)
{
  wait->frames++;
}

/* Done after a few frames; until then asks for one more. */
static gboolean
frames_done (gpointer data)
{
  FrameWait *wait = data;

  if (wait->frames >= 3)
    return TRUE;
  /* Something to paint */
  gtk_widget_queue_draw (wait->widget);
  return FALSE;
}

/* Waits until @widget has been laid out and drawn a few times. */
static void
wait_for_frames (GtkWidget *widget)
{
  FrameWait wait = { widget, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &wait);
  ui_wait_until (frames_done, &wait, "three frames of the list");
  g_signal_handler_disconnect (clock, id);
}

/* Every label of @widget and its descendants lies within @list, and its
 * text is laid out within the label's own width: the label shows all of
 * its text, wrapped, not cut at the list's edge. */
static void
assert_labels_fit (GtkWidget  *widget,
                   GtkWidget  *list,
                   const char *language,
                   guint      *n_labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_fit (child, list, language, n_labels);

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      graphene_rect_t bounds;
      PangoRectangle ink, logical;
      int width = gtk_widget_get_width (widget);

      g_assert_true (gtk_widget_compute_bounds (widget, list, &bounds));
      pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (widget)), &ink, &logical);
      if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (list) ||
          logical.width > width)
        g_test_fail_printf ("%s: the label “%s” is %g px wide at x %g, its text %d px, in a list %d px wide",
                            language, gtk_label_get_text (GTK_LABEL (widget)),
                            bounds.size.width, bounds.origin.x, logical.width,
                            gtk_widget_get_width (list));
      (*n_labels)++;
    }
}

/* Every question of the FAQ sidebar wraps within the sidebar, in both
 * languages: none is drawn wider than the list and cut at its edge. */
static void
test_rows_fit (UiFixture *fixture, gconstpointer data)
{
  static const char * const languages[] = { "ja", "en" };

  g_object_set (fixture->window, "show-sidebar", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      GtkWidget *list;
      guint n_rows = 0, n_labels = 0;

      g_assert_true (gma_window_set_language (fixture->window, languages[i]));
      list = GTK_WIDGET (gma_faq_sidebar_get_list (sidebar_of (fixture)));
      wait_for_frames (list);
      g_assert_true (gtk_widget_get_mapped (list));
      g_assert_cmpint (gtk_widget_get_width (list), >, 0);

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (row, list, &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (list));
          if (GTK_IS_LIST_BOX_ROW (row))
            n_rows++;
          assert_labels_fit (row, list, languages[i], &n_labels);
        }
      /* Every question, its number, and the category headings */
      g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (G_LIST_MODEL (
                          gma_content_get_faq (gma_window_get_content (fixture->window)))));
      g_assert_cmpuint (n_labels, >, 2 * n_rows);
    }

  g_settings_reset (gma_application_get_settings (fixture->app), "content-language");
}

/* The list of every question, an entry chosen, the search filtering, and
 * F9 (the window's toggle) hiding the sidebar. */
static void
test_list (UiFixture *fixture, gconstpointer data)
{
  GtkListBox *list = gma_faq_sidebar_get_list (fixture->window->sidebar);
  GtkWidget *row;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) some = NULL;
  GmaFaqEntry *faq_entry;
  g_autofree char *title = NULL;

  all = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);
  g_assert_cmpuint (g_strv_length (all), ==, 17);
  g_assert_cmpstr (all[0], ==, "faq-1-1");
  g_assert_cmpstr (all[16], ==, "faq-4-3");

  /* Choosing an entry shows its answer in the pane. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 10));
  faq_entry = g_object_get_data (G_OBJECT (row), "gma-faq-entry");
  g_assert_cmpstr (gma_faq_entry_get_id (faq_entry), ==, "faq-3-1");
  g_signal_emit_by_name (row, "activate");
  title = g_strdup_printf ("FAQ 3-1 %s", gma_faq_entry_get_question (faq_entry));
  g_assert_cmpstr (ui_wait_for_page (fixture, "gma://faq/faq-3-1"), ==, title);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row));

  /* The search entry filters (search-changed is delayed: wait for it). */
  search_for (fixture, "ログインID");
  some = gma_faq_sidebar_dup_visible_ids (fixture->window->sidebar);
  g_assert_cmpuint (g_strv_length (some), >, 0);
  g_assert_cmpuint (g_strv_length (some), <, 17);
  g_assert_true (g_strv_contains ((const char * const *) some, "faq-3-3"));
  g_assert_false (g_strv_contains ((const char * const *) some, "faq-1-2"));

  /* F9 hides the sidebar (the toggle action). */
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->sidebar_revealer));
  /* The toggle is kept in the settings: the next test's window has the
   * sidebar again. */
  g_assert_false (g_settings_get_boolean (gma_application_get_settings (fixture->app), "show-sidebar"));
  g_settings_reset (gma_application_get_settings (fixture->app), "show-sidebar");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/faq-sidebar/list", test_list);
  ADD ("/faq-sidebar/ranking-is-the-core-s", test_ranking_is_the_core_s);
  ADD ("/faq-sidebar/faq-and-page", test_faq_and_page);
  ADD ("/faq-sidebar/no-hits", test_no_hits);
  ADD ("/faq-sidebar/clear", test_clear);
  ADD ("/faq-sidebar/preedit", test_preedit);
  ADD ("/faq-sidebar/keys", test_keys);
  ADD ("/faq-sidebar/open-hits-highlighted", test_open_hits_highlighted);
  ADD ("/faq-sidebar/row-highlights", test_row_highlights);
  ADD ("/faq-sidebar/rows-fit", test_rows_fit);

  return g_test_run ();
}
