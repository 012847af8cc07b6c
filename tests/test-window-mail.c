/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 「届いたメールを確認」 in the real window: a saved mail (.eml) dropped on
 * it (the file list a file manager's drop gives, read from its
 * text/uri-list by GTK), a mail's text pasted through the clipboard with
 * the button on the intro, each page seen in the web view (its outline:
 * the page WebKit was served), the login ID's copy link, the page's
 * 「次へ」 followed into the walk; bad input (an empty paste, a binary
 * file, a file past the limit, several files) answered by a page naming
 * the cause; 「最初からやり直す」 forgetting the mail; and no checker in a
 * kiosk nor for a content set without mail.json. */
#define G_LOG_DOMAIN "gma-test-window-mail"
#include "config.h"

#include <glib/gstdio.h>

#include "gma-page-outline.h"
#include "mail-table.h"
#include "test-util.h"
#include "ui-test-util.h"

/* ---- the test mails -------------------------------------------------------------------- */

static GBytes *
table_mail (const char *name)
{
  g_autoptr(GPtrArray) table = test_mail_table ();

  for (guint i = 0; i < table->len; i++)
    {
      TestMail *mail = g_ptr_array_index (table, i);

      if (g_str_equal (mail->name, name))
        return g_bytes_ref (mail->data);
    }
  g_error ("No test mail %s", name);
}

/* @data written to a new file @name in a new temporary directory. */
static GFile *
write_temp (const char *name,
            GBytes     *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gma-window-mail-XXXXXX", &error);
  g_autofree char *path = NULL;
  gsize len;
  const char *bytes;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  bytes = g_bytes_get_data (data, &len);
  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
remove_temp (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

/* ---- dropping ---------------------------------------------------------------------------- */

static GtkDropTarget *
mail_drop_target (GmaWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "gma-mail-drop") == 0)
        return GTK_DROP_TARGET (controller);
    }
  g_error ("The window has no drop target for mails");
}

typedef struct {
  GValue  value;
  GError *error;
  gboolean done;
} Deserialized;

static void
deserialized (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Deserialized *d = user_data;

  gdk_content_deserialize_finish (result, &d->value, &d->error);
  d->done = TRUE;
}

static gboolean
deserialize_done (gpointer data)
{
  return ((Deserialized *) data)->done;
}

/* What a drop of @data as @mime_type (text/uri-list: the files a file
 * manager drags; text/plain: a selection of text) gives a target asking
 * for @type: GTK's own deserializer makes it. */
static void
drop_data (GmaWindow   *window,
           const char  *mime_type,
           const char  *data,
           GType        type)
{
  GtkDropTarget *target = mail_drop_target (window);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (data), -1, g_free);
  g_autoptr(GdkContentFormats) mime_types =
    gdk_content_formats_union_deserialize_mime_types (gdk_content_formats_ref (gtk_drop_target_get_formats (target)));
  Deserialized d = { G_VALUE_INIT, NULL, FALSE };
  gboolean handled = FALSE;

  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), type));
  g_assert_true (gdk_content_formats_contain_mime_type (mime_types, mime_type));
  gdk_content_deserialize_async (stream, mime_type, type, G_PRIORITY_DEFAULT, NULL,
                                 deserialized, &d);
  ui_wait_until (deserialize_done, &d, "the dropped files");
  g_assert_no_error (d.error);

  g_signal_emit_by_name (target, "drop", &d.value, 20.0, 20.0, &handled);
  g_assert_true (handled);
  g_value_unset (&d.value);
}

static void
drop_file (GmaWindow *window,
           GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *list = g_strconcat (uri, "\r\n", NULL);

  drop_data (window, "text/uri-list", list, GDK_TYPE_FILE_LIST);
}

/* ---- the page, as the web view was served it --------------------------------------------- */

static GmaPageOutline *
find_outline (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GmaPageOutline *found;

      if (GMA_IS_PAGE_OUTLINE (child) && gtk_widget_get_visible (child))
        return GMA_PAGE_OUTLINE (child);
      if ((found = find_outline (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
gather_text (GtkWidget *widget,
             GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_LINK_BUTTON (widget))
    g_string_append_printf (out, "<%s>\n", gtk_link_button_get_uri (GTK_LINK_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gather_text (child, out);
}

/* The text of the page shown (its outline's words, links as <URI>), or
 * NULL while it is not the mail's page, loaded. */
static char *
mail_page_text (GmaWindow *window)
{
  GmaPageView *page_view = window->page_view;
  GmaPageOutline *outline;
  GString *out;

  if (gma_page_view_is_loading (page_view) ||
      g_strcmp0 (gma_page_view_get_shown_uri (page_view), GMA_WINDOW_MAIL_URI) != 0)
    return NULL;
  outline = find_outline (GTK_WIDGET (page_view));
  if (outline == NULL || g_strcmp0 (gma_page_outline_get_uri (outline), GMA_WINDOW_MAIL_URI) != 0)
    return NULL;
  out = g_string_new (NULL);
  gather_text (GTK_WIDGET (outline), out);
  return g_string_free (out, FALSE);
}

typedef struct {
  GmaWindow  *window;
  const char *needle;
} PageWait;

static gboolean
mail_page_says (gpointer data)
{
  PageWait *wait = data;
  g_autofree char *text = mail_page_text (wait->window);

  /* Every page has a title (it may come after the load): this one is
   * mail.json's. */
  return text != NULL && strstr (text, wait->needle) != NULL &&
         g_strcmp0 (gma_page_view_get_title (wait->window->page_view), "届いたメールの確認") == 0;
}

/* Waits until the pane shows the mail's page saying @needle; returns
 * its text. */
static char *
wait_for_mail_page (UiFixture  *fixture,
                    const char *needle)
{
  PageWait wait = { fixture->window, needle };

  if (!ui_try_wait_until (mail_page_says, &wait))
    {
      g_autofree char *text = mail_page_text (fixture->window);

      g_error ("Timed out waiting for the mail's page saying “%s”; the pane shows %s (“%s”):\n%s",
               needle, gma_page_view_get_shown_uri (fixture->window->page_view),
               gma_page_view_get_title (fixture->window->page_view), text ? text : "(not it)");
    }
  return mail_page_text (fixture->window);
}

static GtkLinkButton *
find_link (GtkWidget  *widget,
           const char *uri)
{
  if (GTK_IS_LINK_BUTTON (widget) && g_strcmp0 (gtk_link_button_get_uri (GTK_LINK_BUTTON (widget)), uri) == 0)
    return GTK_LINK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLinkButton *found = find_link (child, uri);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Follows the page's link to @uri, as a screen reader does (the outline's
 * link, which the pane follows as the web view would). */
static void
follow_link (UiFixture  *fixture,
             const char *uri)
{
  GmaPageOutline *outline = find_outline (GTK_WIDGET (fixture->window->page_view));
  GtkLinkButton *link;

  g_assert_nonnull (outline);
  link = find_link (GTK_WIDGET (outline), uri);
  if (link == NULL)
    g_error ("The page has no link to %s", uri);
  g_signal_emit_by_name (link, "clicked");
}

static gboolean
at_node (gpointer data)
{
  UiFixture *fixture = ((gpointer *) data)[0];
  const char *id = ((gpointer *) data)[1];

  return g_str_equal (gma_node_get_id (gma_session_get_current (fixture->window->session)), id);
}

static void
assert_walk (GmaSession *session,
             const char *expected)
{
  GString *walk = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (guint i = 0; i < gma_session_get_n_steps (session); i++)
    g_string_append_printf (walk, "%s:%u ", gma_node_get_id (gma_session_get_step_node (session, i)),
                            gma_session_get_step_answer (session, i));
  g_string_append (walk, gma_node_get_id (gma_session_get_current (session)));
  got = g_string_free (walk, FALSE);
  g_assert_cmpstr (got, ==, expected);
}

static GtkWidget *
mail_button (UiFixture *fixture)
{
  GtkWidget *button = ui_find_action_button (GTK_WIDGET (fixture->window->question_view), "win.check-mail");

  g_assert_nonnull (button);
  return button;
}

/* Whether the button is shown: the widget and all its parents up to the
 * question view. */
static gboolean
mail_button_shown (UiFixture *fixture)
{
  for (GtkWidget *w = mail_button (fixture); w != GTK_WIDGET (fixture->window->question_view);
       w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return TRUE;
}

/* ---- the tests ------------------------------------------------------------------------------ */

/* A saved mail dropped: the existing-account mail, base64 in
 * ISO-2022-JP, as a mail program saves it */
static void
test_drop_eml (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) mail = table_mail ("genuine/existing-account/iso-2022-jp/base64");
  g_autoptr(GFile) file = write_temp ("既存アカウント.eml", mail);
  g_autofree char *text = NULL;
  g_autofree char *copied = NULL;
  gpointer node_wait[] = { fixture, "existing-account" };

  ui_wait_for_page (fixture, "gma://page/start");
  drop_file (fixture->window, file);
  text = wait_for_mail_page (fixture, "既存アカウント通知メール");

  /* Which mail, by its subject; the sender; the links; the privacy line */
  g_assert_nonnull (strstr (text, "このメールは既存アカウント通知メールです（件名で判断しました）。"));
  g_assert_nonnull (strstr (text, "【厚生労働省G-MIS事務局】報告機関内でのG-MISご利用者の確認依頼"));
  g_assert_nonnull (strstr (text, "info@g-mis.net"));
  g_assert_nonnull (strstr (text, "https://www.mhlw.go.jp/stf/seisakunitsuite/"));
  /* A genuine mail: no warning */
  g_assert_null (strstr (text, "このメールには、案内と違う点があります。"));
  /* The mail's own links are text, never links of the page */
  g_assert_null (strstr (text, "<https://www.mhlw.go.jp"));

  /* The login ID's copy link puts exactly the ID on the clipboard */
  g_assert_nonnull (strstr (text, "<gma://action/copy?text=XXXXXX>"));
  follow_link (fixture, "gma://action/copy?text=XXXXXX");
  copied = ui_dup_clipboard_text (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (copied, ==, "XXXXXX");

  /* 「次へ」: the walk the mail implies, to the existing-account page */
  follow_link (fixture, "gma://action/mail-next?to=existing-account");
  ui_wait_until (at_node, node_wait, "the walk at existing-account");
  assert_walk (fixture->window->session, "start:0 pre-notice:1 issue-mail:1 which-mail:1 existing-account");
  ui_wait_for_page (fixture, "gma://page/existing-account");

  remove_temp (file);
}

/* The text of a mail copied in a mail program, pasted with the button on
 * the intro: read from the clipboard as any paste is */
static void
test_paste_text (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) mail = table_mail ("pasted/issue-mail/body-crlf-login-id");
  g_autofree char *pasted = g_strndup (g_bytes_get_data (mail, NULL), g_bytes_get_size (mail));
  g_autofree char *text = NULL;
  gpointer node_wait[] = { fixture, "url-access" };

  ui_wait_for_page (fixture, "gma://page/start");
  g_assert_true (mail_button_shown (fixture));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), pasted);
  ui_click (mail_button (fixture));
  text = wait_for_mail_page (fixture, "アカウント発行通知メール");

  g_assert_nonnull (strstr (text, "このメールはアカウント発行通知メールです（本文で判断しました）。"));
  g_assert_nonnull (strstr (text, "gmis-1234567"));
  g_assert_nonnull (strstr (text, "<gma://action/copy?text=gmis-1234567>"));
  /* Pasted without its header: no sender to check */
  g_assert_null (strstr (text, "<gma://action/mail-next?to=existing-account>"));

  follow_link (fixture, "gma://action/mail-next?to=url-access");
  ui_wait_until (at_node, node_wait, "the walk at url-access");
  assert_walk (fixture->window->session, "start:0 pre-notice:1 issue-mail:1 which-mail:0 url-access");
  ui_wait_for_page (fixture, "gma://page/url-access");
}

/* A look-alike's page warns first and names what is wrong; a link to a
 * node the mail did not imply does nothing */
static void
test_lookalike (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) table = test_mail_table ();
  TestMail *lookalike = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pasted = NULL;

  for (guint i = 0; i < table->len && lookalike == NULL; i++)
    {
      TestMail *mail = g_ptr_array_index (table, i);

      if (mail->kind == TEST_MAIL_LOOKALIKE && strstr (mail->expected, "lookalike-host") != NULL)
        lookalike = mail;
    }
  g_assert_nonnull (lookalike);

  ui_wait_for_page (fixture, "gma://page/start");
  pasted = g_strndup (g_bytes_get_data (lookalike->data, NULL), g_bytes_get_size (lookalike->data));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), pasted);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-mail", NULL));
  text = wait_for_mail_page (fixture, "このメールには、案内と違う点があります。");
  /* The look-alike host, named */
  {
    g_autoptr(GUri) uri = NULL;
    g_auto(GStrv) words = NULL;
    const char *line = strstr (lookalike->expected, "link: suspicious ");

    g_assert_nonnull (line);
    words = g_strsplit (line, " ", 4);
    uri = g_uri_parse (words[2], G_URI_FLAGS_NONE, NULL);
    g_assert_nonnull (uri);
    g_assert_nonnull (strstr (text, g_uri_get_host (uri)));
  }

  /* Only the step the mail implies is followed */
  g_signal_emit_by_name (fixture->window->page_view, "action", "gma://action/mail-next?to=remedy-1");
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (fixture->window->session)), ==, "start");
}

/* Bad input: each gets the page naming its cause, and the window goes on */
static void
test_bad_input (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20);
  g_autoptr(GFile) binary_file = write_temp ("binary.eml", binary);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) huge_file = NULL;
  g_autofree char *huge_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *list = NULL;
  g_autofree char *binary_uri = g_file_get_uri (binary_file);
  g_autofree char *huge_uri = NULL;

  ui_wait_for_page (fixture, "gma://page/start");

  /* An empty paste */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-mail", NULL));
  g_free (wait_for_mail_page (fixture, "There is nothing to check: the mail is empty."));

  /* A binary file */
  drop_file (fixture->window, binary_file);
  g_free (wait_for_mail_page (fixture, "This is not a mail: it holds binary data"));

  /* A file past the limit (sparse: nothing of it is read) */
  huge_file = write_temp ("huge.eml", binary);
  huge_path = g_file_get_path (huge_file);
  g_assert_cmpint (truncate (huge_path, 11 * 1000 * 1000), ==, 0);
  drop_file (fixture->window, huge_file);
  g_free (wait_for_mail_page (fixture, "The file is larger than 10 MB"));

  /* Several files at once */
  huge_uri = g_file_get_uri (huge_file);
  list = g_strconcat (binary_uri, "\r\n", huge_uri, "\r\n", NULL);
  drop_data (fixture->window, "text/uri-list", list, GDK_TYPE_FILE_LIST);
  text = wait_for_mail_page (fixture, "Several files were dropped");
  /* What the page says about any mail */
  g_assert_nonnull (strstr (text, "メモリ上で読んだだけ"));

  /* Text dropped (a selection dragged from a mail program) is checked
   * too: here an empty one */
  drop_data (fixture->window, "text/plain;charset=utf-8", "", G_TYPE_STRING);
  g_free (wait_for_mail_page (fixture, "There is nothing to check: the mail is empty."));

  remove_temp (binary_file);
  remove_temp (huge_file);
  g_assert_no_error (error);
}

/* 「最初からやり直す」 forgets the mail: its page goes, and is served no more */
static void
test_restart_forgets (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GBytes) mail = table_mail ("genuine/issue-mail/utf-8/quoted-printable");
  g_autoptr(GFile) file = write_temp ("mail.eml", mail);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;

  ui_wait_for_page (fixture, "gma://page/start");
  drop_file (fixture->window, file);
  g_free (wait_for_mail_page (fixture, "アカウント発行通知メール"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.restart", NULL));
  ui_wait_for_page (fixture, "gma://page/start");
  g_assert_true (_gma_window_mail_resolve (fixture->window, GMA_WINDOW_MAIL_URI, &content_type,
                                           &bytes, &error));
  g_assert_null (bytes);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND);

  remove_temp (file);
}

/* The button is on the intro and on the question of which mail arrived,
 * nowhere else; the header menu's item goes with the action */
static void
test_where_offered (UiFixture *fixture, gconstpointer data)
{
  GMenuModel *menu = fixture->window->primary_menu;
  gboolean in_menu = FALSE;
  GmaSession *session = fixture->window->session;

  g_assert_true (mail_button_shown (fixture));
  g_assert_true (gma_session_answer (session, 0));   /* → pre-notice */
  g_assert_false (mail_button_shown (fixture));
  g_assert_true (gma_session_jump_to (session, "which-mail"));
  g_assert_true (mail_button_shown (fixture));
  g_assert_true (gma_session_answer (session, 0));   /* → url-access */
  g_assert_false (mail_button_shown (fixture));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *hidden = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "win.check-mail"))
            {
              in_menu = TRUE;
              g_assert_true (g_menu_model_get_item_attribute (section, i, "hidden-when", "s", &hidden));
              g_assert_cmpstr (hidden, ==, "action-disabled");
            }
        }
    }
  g_assert_true (in_menu);
}

static void
assert_no_checker (UiFixture *fixture)
{
  GtkDropTarget *target = mail_drop_target (fixture->window);
  GValue value = G_VALUE_INIT;
  gboolean handled = TRUE;

  g_assert_false (mail_button_shown (fixture));
  g_assert_false (gtk_widget_get_sensitive (mail_button (fixture)));
  /* Ctrl+Shift+V with text copied: nothing (the action is disabled) */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "件名：テスト\n本文\n");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-mail", NULL);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "件名：【厚生労働省G-MIS事務局】報告機関内でのG-MISご利用者の確認依頼\n");
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &handled);
  g_value_unset (&value);
  g_assert_false (handled);
  ui_wait_ms (200);
  g_assert_cmpstr (gma_page_view_get_uri (fixture->window->page_view), !=, GMA_WINDOW_MAIL_URI);
}

/* A kiosk has no mail checker: no files, no clipboard at a counter */
static void
test_kiosk (UiFixture *fixture, gconstpointer data)
{
  g_assert_nonnull (fixture->window->kiosk);
  assert_no_checker (fixture);
}

/* A content set without mail.json has none either */
static void
test_no_mail_json (UiFixture *fixture, gconstpointer data)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gma-no-mail-XXXXXX", &error);
  g_autofree char *mail_json = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GmaContent) content = NULL;
  const char * const ja[] = { "ja", NULL };

  g_assert_no_error (error);
  test_copy_tree (valid, dir);
  mail_json = g_build_filename (dir, "mail.json", NULL);
  g_assert_cmpint (g_unlink (mail_json), ==, 0);
  root = g_file_new_for_path (dir);
  content = gma_content_new (root, ja, &error);
  g_assert_no_error (error);
  g_assert_null (gma_content_get_mail_facts (content));

  /* The same window had the checker with the embedded set */
  g_assert_true (mail_button_shown (fixture));
  gma_window_set_content (fixture->window, content, NULL);
  g_assert_cmpint (gma_node_get_kind (gma_session_get_current (fixture->window->session)), ==,
                   GMA_NODE_INTRO);
  assert_no_checker (fixture);

  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/window-mail/drop-eml", UiFixture, NULL, ui_fixture_set_up, test_drop_eml, ui_fixture_tear_down);
  g_test_add ("/window-mail/paste-text", UiFixture, NULL, ui_fixture_set_up, test_paste_text, ui_fixture_tear_down);
  g_test_add ("/window-mail/lookalike", UiFixture, NULL, ui_fixture_set_up, test_lookalike, ui_fixture_tear_down);
  g_test_add ("/window-mail/bad-input", UiFixture, NULL, ui_fixture_set_up, test_bad_input, ui_fixture_tear_down);
  g_test_add ("/window-mail/restart-forgets", UiFixture, NULL, ui_fixture_set_up, test_restart_forgets,
              ui_fixture_tear_down);
  g_test_add ("/window-mail/where-offered", UiFixture, NULL, ui_fixture_set_up, test_where_offered,
              ui_fixture_tear_down);
  g_test_add ("/window-mail/kiosk", UiFixture, NULL, ui_kiosk_fixture_set_up, test_kiosk,
              ui_kiosk_fixture_tear_down);
  g_test_add ("/window-mail/no-mail-json", UiFixture, NULL, ui_fixture_set_up, test_no_mail_json,
              ui_fixture_tear_down);

  return g_test_run ();
}
