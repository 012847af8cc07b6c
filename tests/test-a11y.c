/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y.c: the window as a screen reader reads it, through AT-SPI
 * from another process (tests/atspi-probe.py, see a11y-test-util.h).
 *
 * The page pane: with Debian 12's GTK 4.8 WebKit cannot hand its page to
 * assistive technology, so the pane offers the page's outline (headings
 * with their level, paragraphs, lists, links, images): remedy-2's page is
 * read that way and compared with its HTML; the outline follows the page
 * shown (one at a time, never the warm page's), its links do what the
 * page's links do, it takes no focus. And the harness itself: its name
 * check finds an unnamed button, its focus walk reports what GTK
 * focuses. */
#define G_LOG_DOMAIN "gma-test-a11y"
#include "config.h"

#include <string.h>

#include "a11y-test-util.h"
#include "gma-router.h"
#include "test-util.h"

/* ---- the page's HTML, read without the outline's reader ---------------------------- */

/* @html from @start to @end with its tags taken out, the pages' few
 * character references decoded and white space made single spaces. */
static char *
plain_text (const char *start,
            const char *end)
{
  static const struct { const char *reference; char c; } references[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
  };
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = start; p < end; p++)
    {
      gboolean decoded = FALSE;

      if (*p == '<')
        in_tag = TRUE;
      if (in_tag)
        {
          if (*p == '>')
            in_tag = FALSE;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (references); i++)
        if (g_str_has_prefix (p, references[i].reference))
          {
            g_string_append_c (out, references[i].c);
            p += strlen (references[i].reference) - 1;
            decoded = TRUE;
          }
      if (decoded)
        continue;
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The value of @attribute in the start tag at @tag (double quotes, as the
 * pages write them), or NULL. */
static char *
tag_attribute (const char *tag,
               const char *attribute)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", attribute);
  const char *close = strchr (tag, '>');
  const char *at = strstr (tag, needle);
  const char *value_end;

  if (at == NULL || close == NULL || at > close)
    return NULL;
  at += strlen (needle);
  value_end = strchr (at, '"');
  return g_strndup (at, value_end - at);
}

/* The headings of @html in order, each "LEVEL TEXT". */
static GPtrArray *
html_headings (const char *html)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = strstr (html, "<h"); p != NULL; p = strstr (p + 1, "<h"))
    {
      g_autofree char *close = NULL;
      g_autofree char *text = NULL;
      const char *end;

      if (p[2] < '1' || p[2] > '6' || (p[3] != '>' && p[3] != ' '))
        continue;
      close = g_strdup_printf ("</h%c>", p[2]);
      end = strstr (p, close);
      g_assert_nonnull (end);
      text = plain_text (p, end);
      g_ptr_array_add (headings, g_strdup_printf ("%c %s", p[2], text));
    }

  return headings;
}

/* The names of the links of @html in order: an aria-label, or the words. */
static GPtrArray *
html_link_names (const char *html)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = strstr (html, "<a "); p != NULL; p = strstr (p + 1, "<a "))
    {
      char *label = tag_attribute (p, "aria-label");
      const char *end = strstr (p, "</a>");

      g_assert_nonnull (end);
      g_ptr_array_add (names, label != NULL ? label : plain_text (p, end));
    }

  return names;
}

/* What the window's pane is served for @uri (not the warm page). */
static char *
served_html (UiFixture  *fixture,
             const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autoptr(GBytes) bytes = gma_router_load_with_contact (fixture->content,
                                                          gma_window_get_session (fixture->window),
                                                          gma_window_get_contact (fixture->window),
                                                          uri, &type, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

/* ---- the page pane as a screen reader reads it ------------------------------------ */

static void
show_page (UiFixture  *fixture,
           const char *id)
{
  g_autofree char *uri = gma_router_uri (GMA_ROUTE_PAGE, id);

  g_assert_true (gma_window_show_page (fixture->window, id));
  ui_wait_for_page (fixture, uri);
}

/* The one document of the window: the page shown. */
static JsonObject *
page_document (JsonObject *tree)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  a11y_collect (tree, "document text", NULL, documents);
  if (documents->len != 1)
    {
      g_autofree char *text = a11y_to_string (tree);

      g_error ("%u documents instead of the page shown alone in\n%s", documents->len, text);
    }
  return g_ptr_array_index (documents, 0);
}

static void
assert_names (GPtrArray  *nodes,
              GPtrArray  *expected,
              const char *what)
{
  for (guint i = 0; i < MIN (nodes->len, expected->len); i++)
    g_assert_cmpstr (a11y_string (g_ptr_array_index (nodes, i), "name"), ==, g_ptr_array_index (expected, i));
  if (nodes->len != expected->len)
    g_error ("%u %s read, the page has %u", nodes->len, what, expected->len);
}

static void
test_page_remedy_2 (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = NULL;
  g_autoptr(JsonObject) tree = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) expected_headings = NULL;
  g_autoptr(GPtrArray) expected_links = NULL;
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) heading_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(JsonObject) problems = NULL;
  JsonObject *document, *web_view, *item;
  JsonArray *extents, *web_extents;

  show_page (fixture, "remedy-2");
  html = served_html (fixture, "gma://page/remedy-2");
  probe = a11y_probe_start ();
  tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");

  document = page_document (tree);
  g_assert_cmpstr (a11y_string (document, "name"), ==, gma_page_view_get_title (fixture->window->page_view));

  /* Its headings, with their level. */
  a11y_collect (document, "heading", NULL, heading_nodes);
  for (guint i = 0; i < heading_nodes->len; i++)
    {
      JsonObject *heading = g_ptr_array_index (heading_nodes, i);

      g_assert_true (json_object_get_member (heading, "level") != NULL &&
                     !json_object_get_null_member (heading, "level"));
      g_ptr_array_add (headings, g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                                  json_object_get_int_member (heading, "level"),
                                                  a11y_string (heading, "name")));
    }
  expected_headings = html_headings (html);
  for (guint i = 0; i < MIN (headings->len, expected_headings->len); i++)
    g_assert_cmpstr (g_ptr_array_index (headings, i), ==, g_ptr_array_index (expected_headings, i));
  g_assert_cmpuint (headings->len, ==, expected_headings->len);
  g_assert_cmpstr (g_ptr_array_index (headings, 0), ==, "1 迷惑メールフォルダにメールがあった場合");
  g_assert_true (g_ptr_array_find_with_equal_func (headings, "2 【Outlookの場合の例】", g_str_equal, NULL));

  /* Its links, with what they say (or the label the page gives them). */
  a11y_collect (document, "link", NULL, links);
  expected_links = html_link_names (html);
  assert_names (links, expected_links, "links");
  g_assert_nonnull (a11y_find (document, "link", "メールにあるURLにアクセスできない場合は対応方法3"));
  g_assert_nonnull (a11y_find (document, "link", "info@g-mis.net"));
  g_assert_nonnull (a11y_find (document, "link", "info@g-mis.net をコピー"));
  for (guint i = 0; i < links->len; i++)
    {
      JsonArray *actions = json_object_get_array_member (g_ptr_array_index (links, i), "actions");

      g_assert_cmpuint (json_array_get_length (actions), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (actions, 0), ==, "click");
    }

  /* Its lists' items, their words read in them. */
  a11y_collect (document, "list item", NULL, items);
  g_assert_cmpuint (items->len, ==, test_count_occurrences (html, "<li>") + test_count_occurrences (html, "<li "));
  item = a11y_find (document, "list item", NULL);
  g_assert_nonnull (a11y_find (item, "label", "事前のご連絡メール（10月23日）: 届いていない"));
  g_assert_nonnull (a11y_find (document, "label", "①メールを「受信トレイ」など安全なフォルダに移動する"));
  g_assert_nonnull (a11y_find (document, "label", "○ 以下の手順に従い、該当する対処を実施してください。"));

  /* Its pictures, named by their alternative text. */
  a11y_collect (document, "image", NULL, images);
  g_assert_cmpuint (images->len, ==, test_count_occurrences (html, "<img "));
  for (guint i = 0; i < images->len; i++)
    g_assert_true (g_str_has_prefix (a11y_string (g_ptr_array_index (images, i), "name"), "Outlook"));

  /* Where the page is on the screen, and none of it takes the focus:
   * Tab goes through the page's links in the web view. */
  web_view = a11y_find (tree, "filler", a11y_string (document, "name"));
  g_assert_nonnull (web_view);
  extents = json_object_get_array_member (g_ptr_array_index (heading_nodes, 0), "extents");
  web_extents = json_object_get_array_member (web_view, "extents");
  g_assert_cmpint (json_array_get_int_element (extents, 0), >=, json_array_get_int_element (web_extents, 0));
  g_assert_cmpint (json_array_get_int_element (extents, 1), >=, json_array_get_int_element (web_extents, 1));
  g_assert_cmpint (json_array_get_int_element (extents, 0), <, json_array_get_int_element (web_extents, 0) +
                                                               json_array_get_int_element (web_extents, 2));
  a11y_collect (document, NULL, NULL, all);
  for (guint i = 0; i < all->len; i++)
    g_assert_false (a11y_has_state (g_ptr_array_index (all, i), "focusable"));

  /* Everything a person can operate there is named. */
  problems = a11y_probe_call (probe, "{\"cmd\": \"check-names\", \"root\": {\"role\": \"document text\"}}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (problems, "problems")), ==, 0);
}

/* The outline is the page shown: after a click on an answer (the warm
 * page swapped in) and after a page asked for, and never two at once. */
static void
test_page_follows (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  GmaSession *session = gma_window_get_session (fixture->window);
  const char *first_uri;
  g_autofree char *next_uri = NULL;
  g_autofree char *start_title = NULL;

  first_uri = gma_page_view_get_shown_uri (fixture->window->page_view);
  ui_wait_for_page (fixture, first_uri);
  start_title = g_strdup (gma_page_view_get_title (fixture->window->page_view));
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");

    g_assert_cmpstr (a11y_string (page_document (tree), "name"), ==, start_title);
  }

  /* The first answer's page is warm: the click swaps it in. */
  gma_session_answer (session, 0);
  next_uri = gma_router_uri (GMA_ROUTE_PAGE, gma_node_get_id (gma_session_get_current (session)));
  ui_wait_for_page (fixture, next_uri);
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    JsonObject *document = page_document (tree);

    g_assert_cmpstr (a11y_string (document, "name"), ==, gma_page_view_get_title (fixture->window->page_view));
    g_assert_cmpstr (a11y_string (document, "name"), !=, start_title);
    /* The web view, which takes the focus, says which page it shows. */
    g_assert_nonnull (a11y_find (tree, "filler", a11y_string (document, "name")));
  }

  show_page (fixture, "remedy-4");
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
    g_autofree char *html = served_html (fixture, "gma://page/remedy-4");
    g_autoptr(GPtrArray) expected = html_headings (html);
    JsonObject *document = page_document (tree);
    JsonObject *heading = a11y_find (document, "heading", NULL);

    g_assert_cmpstr (a11y_string (document, "name"), ==, gma_page_view_get_title (fixture->window->page_view));
    g_assert_nonnull (heading);
    g_assert_cmpstr (g_ptr_array_index (expected, 0) + 2, ==, a11y_string (heading, "name"));
  }
}

typedef struct {
  char *external;
} LinkRecord;

static void
on_external_link (GmaPageView *page_view,
                  const char  *uri,
                  LinkRecord  *record)
{
  g_free (record->external);
  record->external = g_strdup (uri);
}

static gboolean
link_recorded (gpointer data)
{
  return ((LinkRecord *) data)->external != NULL;
}

typedef struct {
  GtkWidget  *window;
  const char *text;
} ClipboardWait;

static gboolean
clipboard_has (gpointer data)
{
  ClipboardWait *wait = data;
  g_autofree char *text = ui_dup_clipboard_text (wait->window);

  return g_strcmp0 (text, wait->text) == 0;
}

/* A link activated as a screen reader activates it does what the same
 * link does in the page: another page, an address handed to the
 * desktop, the copy action. */
static void
test_page_links (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = NULL;
  GmaPageView *page_view = fixture->window->page_view;
  LinkRecord record = { NULL };
  ClipboardWait clipboard = { GTK_WIDGET (fixture->window), "info@g-mis.net" };
  guint external_link = g_signal_lookup ("external-link", GMA_TYPE_PAGE_VIEW);

  show_page (fixture, "remedy-2");
  probe = a11y_probe_start ();

  /* The desktop is not asked to open anything here. */
  g_assert_cmpuint (g_signal_handlers_block_matched (page_view, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                                     external_link, 0, NULL, NULL, fixture->window), ==, 1);
  g_signal_connect (page_view, "external-link", G_CALLBACK (on_external_link), &record);

  g_clear_pointer (&record.external, g_free);
  json_object_unref (a11y_probe_call (probe, "{\"cmd\": \"action\", \"role\": \"link\", "
                                             "\"name\": \"info@g-mis.net\", \"action\": \"click\"}"));
  ui_wait_until (link_recorded, &record, "the mail address handed to the desktop");
  g_assert_cmpstr (record.external, ==, "mailto:info@g-mis.net");

  json_object_unref (a11y_probe_call (probe, "{\"cmd\": \"action\", \"role\": \"link\", "
                                             "\"name\": \"info@g-mis.net をコピー\", \"action\": \"click\"}"));
  ui_wait_until (clipboard_has, &clipboard, "the copied address");

  json_object_unref (a11y_probe_call (probe, "{\"cmd\": \"action\", \"role\": \"link\", \"name\": "
                                             "\"メールにあるURLにアクセスできない場合は対応方法3\", "
                                             "\"action\": \"click\"}"));
  ui_wait_for_page (fixture, "gma://page/remedy-3");
  {
    g_autoptr(JsonObject) tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");

    g_assert_cmpstr (a11y_string (page_document (tree), "name"), ==, gma_page_view_get_title (page_view));
  }

  g_signal_handlers_disconnect_by_func (page_view, on_external_link, &record);
  g_signal_handlers_unblock_matched (page_view, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                     external_link, 0, NULL, NULL, fixture->window);
  g_free (record.external);
}

/* With a GTK that has GtkAtSpiSocket, WebKit offers its page itself: the
 * outline must not be there as well. Not so with GTK 4.8. */
static void
test_page_webkit_bridge (UiFixture *fixture, gconstpointer data)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  g_autoptr(A11yProbe) probe = NULL;
  g_autoptr(JsonObject) tree = NULL;
  GtkAccessible *child;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();

  show_page (fixture, "remedy-2");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  child = gtk_accessible_get_first_accessible_child (GTK_ACCESSIBLE (gma_page_view_get_web_view (fixture->window->page_view)));
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (child == NULL || !g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkAtSpiSocket"))
    {
      g_clear_object (&child);
      g_test_skip ("This WebKit does not hand its pages to GTK's accessibility tree");
      return;
    }
  g_object_unref (child);

  probe = a11y_probe_start ();
  tree = a11y_probe_call (probe, "{\"cmd\": \"dump\"}");
  a11y_collect (tree, "document text", NULL, documents);
  g_assert_cmpuint (documents->len, ==, 0);
  a11y_collect (tree, "heading", "迷惑メールフォルダにメールがあった場合", headings);
  g_assert_cmpuint (headings->len, ==, 1);
#else
  g_autofree char *why = g_strdup_printf ("Built with GTK %d.%d: WebKit needs GtkAtSpiSocket (GTK 4.14) "
                                          "to hand its pages over; the outline does",
                                          GTK_MAJOR_VERSION, GTK_MINOR_VERSION);

  g_test_skip (why);
#endif
}

/* ---- the harness itself -------------------------------------------------------------- */

/* check-names finds what it is there to find: a button whose only name
 * is its class (GTK 4.8 takes no name from a child label). */
static void
test_harness_check_names (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = a11y_probe_start ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *unnamed = gtk_button_new ();
  GtkWidget *named = gtk_button_new_with_label ("名前のあるボタン");
  g_autoptr(JsonObject) answer = NULL;
  JsonArray *problems;
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (fixture->window));
  GtkWidget *overlay = gtk_overlay_new ();

  g_object_ref (content);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), content);
  g_object_unref (content);
  gtk_button_set_child (GTK_BUTTON (unnamed), gtk_label_new ("名前のないボタン"));
  gtk_box_append (GTK_BOX (box), unnamed);
  gtk_box_append (GTK_BOX (box), named);
  gtk_widget_set_name (box, "harness-box");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, "harness", -1);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), box);

  answer = a11y_probe_call (probe, "{\"cmd\": \"check-names\", \"root\": {\"name\": \"harness\"}}");
  problems = json_object_get_array_member (answer, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 0), "name"), ==,
                   "GtkButton");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 0), "reason"), ==,
                   "named after its class");

  /* Named, it is no longer one; hidden, it is not on the screen. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (unnamed), GTK_ACCESSIBLE_PROPERTY_LABEL, "名前", -1);
  g_clear_pointer (&answer, json_object_unref);
  answer = a11y_probe_call (probe, "{\"cmd\": \"check-names\", \"root\": {\"name\": \"harness\"}}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "problems")), ==, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (unnamed), GTK_ACCESSIBLE_PROPERTY_LABEL, "全体の流れ(_W)", -1);
  g_clear_pointer (&answer, json_object_unref);
  answer = a11y_probe_call (probe, "{\"cmd\": \"check-names\", \"root\": {\"name\": \"harness\"}}");
  problems = json_object_get_array_member (answer, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 0), "reason"), ==,
                   "a mnemonic's underscore in the name");

  gtk_widget_set_visible (unnamed, FALSE);
  g_clear_pointer (&answer, json_object_unref);
  answer = a11y_probe_call (probe, "{\"cmd\": \"check-names\", \"root\": {\"name\": \"harness\"}}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "problems")), ==, 0);
}

typedef struct {
  GtkWindow *window;
  guint      in_page;
} WalkCheck;

/* The element AT-SPI says has the focus is where GTK's focus widget is
 * across, and as large (its content box, as GTK tells AT-SPI). */
static void
check_step (guint       step,
            JsonObject *focused,
            gpointer    user_data)
{
  WalkCheck *check = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (check->window));
  JsonArray *extents;
  graphene_point_t origin;

  if (a11y_string (focused, "role") == NULL || !json_object_has_member (focused, "extents"))
    g_error ("Press %u: AT-SPI reports no element with the focus", step);
  extents = json_object_get_array_member (focused, "extents");
  g_assert_nonnull (focus);
  /* GTK's focus may be a part of the widget AT-SPI reads (the text of an
   * entry): the widget that takes the focus; a web view is one (without
   * saying so: it is not "focusable"). */
  if (gtk_widget_get_ancestor (focus, WEBKIT_TYPE_WEB_VIEW) != NULL)
    focus = gtk_widget_get_ancestor (focus, WEBKIT_TYPE_WEB_VIEW);
  /* A search entry's text is read as the entry (its icon included). */
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL)
    focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  while (!gtk_widget_get_focusable (focus) && !WEBKIT_IS_WEB_VIEW (focus) && !GTK_IS_SEARCH_ENTRY (focus) &&
         gtk_widget_get_parent (focus) != NULL)
    focus = gtk_widget_get_parent (focus);
  g_assert_true (gtk_widget_compute_point (focus, GTK_WIDGET (check->window), &GRAPHENE_POINT_INIT (0, 0),
                                           &origin));
  g_test_message ("%u: %s “%s” at %d,%d %d×%d; GTK: %s at %.0f,%.0f %d×%d", step,
                  a11y_string (focused, "role"), a11y_string (focused, "name"),
                  (int) json_array_get_int_element (extents, 0), (int) json_array_get_int_element (extents, 1),
                  (int) json_array_get_int_element (extents, 2), (int) json_array_get_int_element (extents, 3),
                  G_OBJECT_TYPE_NAME (focus), origin.x, origin.y,
                  gtk_widget_get_width (focus), gtk_widget_get_height (focus));
  /* Not the height on the screen: a list scrolls to its focused row in
   * an animation, between AT-SPI's answer and this. */
  g_assert_cmpint (ABS (json_array_get_int_element (extents, 0) - (int) origin.x), <=, 1);
  if (WEBKIT_IS_WEB_VIEW (focus))
    {
      check->in_page++;
      /* From the page's second link on, WebKit 2.50 moves GTK's focus to
       * a text widget of its own inside the view, of no size, which is
       * what AT-SPI then reports: a nameless "text". */
      if (json_array_get_int_element (extents, 2) == 0 && json_array_get_int_element (extents, 3) == 0)
        {
          g_assert_cmpstr (a11y_string (focused, "role"), ==, "text");
          return;
        }
    }
  g_assert_cmpint (json_array_get_int_element (extents, 2), ==, gtk_widget_get_width (focus));
  g_assert_cmpint (json_array_get_int_element (extents, 3), ==, gtk_widget_get_height (focus));
}

/* The focus walk reports, press by press, the element GTK focuses, forth
 * (Tab) and back (Shift+Tab). */
static void
test_harness_tab_walk (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(A11yProbe) probe = NULL;
  g_autoptr(GPtrArray) forth = NULL;
  g_autoptr(GPtrArray) back = NULL;
  WalkCheck check = { GTK_WINDOW (fixture->window), 0 };

  if (!ui_have_xtest ())
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  probe = a11y_probe_start ();
  forth = a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "Tab", 25, check_step, &check);
  g_assert_cmpuint (forth->len, ==, 25);
  /* The walk went into the page (and was read there too). */
  g_assert_cmpuint (check.in_page, >, 0);

  back = a11y_tab_walk (GTK_WINDOW (fixture->window), probe, "shift+Tab", 3, check_step, &check);
  g_assert_cmpuint (back->len, ==, 3);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/a11y/page/remedy-2", test_page_remedy_2);
  ADD ("/a11y/page/follows", test_page_follows);
  ADD ("/a11y/page/links", test_page_links);
  ADD ("/a11y/page/webkit-bridge", test_page_webkit_bridge);
  ADD ("/a11y/harness/check-names", test_harness_check_names);
  ADD ("/a11y/harness/tab-walk", test_harness_tab_walk);
#undef ADD

  return g_test_run ();
}
