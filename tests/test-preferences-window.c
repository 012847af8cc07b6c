/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Preferences window (the prefecture's counter) on real GSettings: a
 * keyfile backend in a test directory, locked and not; the card it makes
 * appear in the real web view; and the About window. */
#define G_LOG_DOMAIN "gma-test-preferences-window"
#include "config.h"

#include <glib/gstdio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "gma-preferences-window.h"
#include "test-util.h"
#include "ui-test-util.h"

#define SCHEMA_PATH "/io/github/gmisassistant/Assistant/"

typedef struct {
  char *dir;
  char *keyfile;
  GSettings *settings;
  GmaPreferencesWindow *window;
} KeyfileFixture;

static GSettings *
keyfile_settings (const char *keyfile,
                  const char *root_group)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (keyfile, SCHEMA_PATH, root_group);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, backend, NULL);
}

/* @data: the keyfile group of the app's keys, or NULL: then the keyfile
 * backend refuses every write, as dconf does for locked keys. */
static void
keyfile_set_up (KeyfileFixture *fixture,
                gconstpointer   data)
{
  const char *root_group = data;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gma-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->keyfile = g_build_filename (fixture->dir, "settings.ini", NULL);
  /* What an administrator left: one good value, one typo. */
  g_file_set_contents (fixture->keyfile,
                       "[assistant]\n"
                       "counter-name='〇〇県 医療政策課'\n"
                       "counter-url='www.pref.example.jp'\n",
                       -1, &error);
  g_assert_no_error (error);

  fixture->settings = keyfile_settings (fixture->keyfile, root_group);
  fixture->window = GMA_PREFERENCES_WINDOW (gma_preferences_window_new (fixture->settings));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
keyfile_tear_down (KeyfileFixture *fixture,
                   gconstpointer   data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->settings);
  g_unlink (fixture->keyfile);
  g_rmdir (fixture->dir);
  g_free (fixture->keyfile);
  g_free (fixture->dir);
}

/* Lets the window write what was typed (it does so when idle). */
static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
keyfile_value (KeyfileFixture *fixture,
               const char     *key)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  flush ();
  g_settings_sync ();
  g_key_file_load_from_file (file, fixture->keyfile, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_key_file_get_value (file, "assistant", key, NULL);
}

static void
assert_refused (KeyfileFixture  *fixture,
                GmaContactField  field,
                const char      *text)
{
  GtkEditable *entry = gma_preferences_window_get_entry (fixture->window, field);
  GtkLabel *message = gma_preferences_window_get_message (fixture->window, field);

  gtk_editable_set_text (entry, text);
  flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_text (message), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
}

static void
assert_accepted (KeyfileFixture  *fixture,
                 GmaContactField  field)
{
  GtkEditable *entry = gma_preferences_window_get_entry (fixture->window, field);
  GtkLabel *message = gma_preferences_window_get_message (fixture->window, field);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
}

static void
test_writes_settings (KeyfileFixture *fixture,
                      gconstpointer   data)
{
  GmaPreferencesWindow *window = fixture->window;
  GtkEditable *name = gma_preferences_window_get_entry (window, GMA_CONTACT_NAME);
  GtkEditable *phone = gma_preferences_window_get_entry (window, GMA_CONTACT_PHONE);
  GtkEditable *url = gma_preferences_window_get_entry (window, GMA_CONTACT_URL);
  g_autofree char *value = NULL;

  /* What is set is shown; the administrator's typo with why it is not
   * used. Nothing is locked. */
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "〇〇県 医療政策課");
  g_assert_cmpstr (gtk_editable_get_text (url), ==, "www.pref.example.jp");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gma_preferences_window_get_message (window, GMA_CONTACT_URL))));
  g_assert_false (gtk_widget_get_visible (gma_preferences_window_get_locked_note (window)));
  g_assert_true (gtk_editable_get_editable (name));

  /* Typing a valid value writes it, trimmed. */
  gtk_editable_set_text (phone, " 03-1234-5678 ");
  assert_accepted (fixture, GMA_CONTACT_PHONE);
  value = keyfile_value (fixture, "counter-phone");
  g_assert_cmpstr (value, ==, "'03-1234-5678'");
  g_clear_pointer (&value, g_free);
  g_assert_cmpstr (gtk_editable_get_text (phone), ==, " 03-1234-5678 ");

  gtk_editable_set_text (url, "https://www.pref.example.jp/iryo/");
  assert_accepted (fixture, GMA_CONTACT_URL);
  value = keyfile_value (fixture, "counter-url");
  g_assert_cmpstr (value, ==, "'https://www.pref.example.jp/iryo/'");
  g_clear_pointer (&value, g_free);

  /* An invalid value is refused where it is typed; the key keeps its last
   * valid value. */
  assert_refused (fixture, GMA_CONTACT_PHONE, "03-1234-5678 内線");
  assert_refused (fixture, GMA_CONTACT_URL, "javascript:alert(1)");
  assert_refused (fixture, GMA_CONTACT_NAME, "一行目\n二行目");
  value = keyfile_value (fixture, "counter-phone");
  g_assert_cmpstr (value, ==, "'03-1234-5678'");
  g_clear_pointer (&value, g_free);
  value = keyfile_value (fixture, "counter-url");
  g_assert_cmpstr (value, ==, "'https://www.pref.example.jp/iryo/'");
  g_clear_pointer (&value, g_free);
  value = keyfile_value (fixture, "counter-name");
  g_assert_cmpstr (value, ==, "'〇〇県 医療政策課'");
  g_clear_pointer (&value, g_free);

  /* Text that would be shown differently from what it says (a right-to-left
   * override: 「平日 9:00〜17:00」 on screen) is refused, the character
   * named; and a web address says what is wrong with it. */
  gtk_editable_set_text (gma_preferences_window_get_entry (window, GMA_CONTACT_HOURS), "平日 9:00〜17:00");
  flush ();
  assert_refused (fixture, GMA_CONTACT_HOURS, "平日 \u202E00:71〜00:9");
  test_assert_contains (gtk_label_get_text (gma_preferences_window_get_message (window, GMA_CONTACT_HOURS)),
                        "U+202E");
  value = keyfile_value (fixture, "counter-hours");
  g_assert_cmpstr (value, ==, "'平日 9:00〜17:00'");
  g_clear_pointer (&value, g_free);
  assert_refused (fixture, GMA_CONTACT_NAME, "〇〇県\u200B医療政策課");
  test_assert_contains (gtk_label_get_text (gma_preferences_window_get_message (window, GMA_CONTACT_NAME)),
                        "U+200B");
  assert_refused (fixture, GMA_CONTACT_URL, "http://[::1]:99999/");
  test_assert_contains (gtk_label_get_text (gma_preferences_window_get_message (window, GMA_CONTACT_URL)),
                        "port");
  test_assert_lacks (gtk_label_get_text (gma_preferences_window_get_message (window, GMA_CONTACT_URL)),
                     "starts with");
  assert_refused (fixture, GMA_CONTACT_URL, "https://user:pw@www.pref.example.jp/");
  test_assert_contains (gtk_label_get_text (gma_preferences_window_get_message (window, GMA_CONTACT_URL)),
                        "password");
  gtk_editable_set_text (gma_preferences_window_get_entry (window, GMA_CONTACT_NAME), "〇〇県 医療政策課");
  gtk_editable_set_text (gma_preferences_window_get_entry (window, GMA_CONTACT_URL),
                         "https://www.pref.example.jp/iryo/");
  gtk_editable_set_text (gma_preferences_window_get_entry (window, GMA_CONTACT_HOURS), "");
  flush ();

  /* Emptying a field unsets it. */
  gtk_editable_set_text (name, "");
  flush ();
  assert_accepted (fixture, GMA_CONTACT_NAME);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "counter-name"), ==, "");

  /* A change made elsewhere is shown. */
  g_settings_set_string (fixture->settings, "counter-hours", "平日 9:00〜17:00");
  g_assert_cmpstr (gtk_editable_get_text (gma_preferences_window_get_entry (window, GMA_CONTACT_HOURS)),
                   ==, "平日 9:00〜17:00");
}

static void
test_locked (KeyfileFixture *fixture,
             gconstpointer   data)
{
  GmaPreferencesWindow *window = fixture->window;

  g_assert_true (gtk_widget_get_visible (gma_preferences_window_get_locked_note (window)));
  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    {
      GtkEditable *entry = gma_preferences_window_get_entry (window, f);

      g_assert_false (g_settings_is_writable (fixture->settings, gma_contact_field_get_key (f)));
      g_assert_false (gtk_editable_get_editable (entry));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "locked"));
    }

  /* Even text put there by a program does not reach the settings: the
   * window does not try. A locked key refuses a write whoever makes it,
   * so the settings are put in delay mode, which takes every write,
   * writable or not, and keeps it as unapplied. */
  g_settings_delay (fixture->settings);
  gtk_editable_set_text (gma_preferences_window_get_entry (window, GMA_CONTACT_PHONE), "03-1234-5678");
  flush ();
  g_assert_false (g_settings_get_has_unapplied (fixture->settings));
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "counter-phone"), ==, "");
  /* The value is a valid one: no complaint about it either. */
  assert_accepted (fixture, GMA_CONTACT_PHONE);
}

/* Every entry is reached by its label's mnemonic and says what it is. */
static void
test_accessible (KeyfileFixture *fixture,
                 gconstpointer   data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  guint mnemonic_labels = 0;
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
        {
          GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));

          GtkWidget *focus;

          g_assert_nonnull (target);
          g_assert_true (GTK_IS_EDITABLE (target));
          g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)), !=, GDK_KEY_VoidSymbol);
          /* Its mnemonic puts the keyboard focus in the entry. */
          g_assert_true (gtk_widget_mnemonic_activate (widget, FALSE));
          focus = gtk_root_get_focus (GTK_ROOT (root));
          g_assert_nonnull (focus);
          g_assert_true (focus == target || gtk_widget_is_ancestor (focus, target));
          mnemonic_labels++;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);

  g_assert_cmpuint (mnemonic_labels, ==, GMA_CONTACT_N_FIELDS);
}

/* ---- in the application ---------------------------------------------- */

typedef struct {
  guint matches;
  gboolean answered;
} FindResult;

static void
on_counted (WebKitFindController *find, guint match_count, FindResult *result)
{
  result->matches = match_count;
  result->answered = TRUE;
}

static void
on_failed_to_find (WebKitFindController *find, FindResult *result)
{
  result->matches = 0;
  result->answered = TRUE;
}

static gboolean
find_answered (gpointer data)
{
  FindResult *result = data;
  return result->answered;
}

/* How often @text is on the page the real web view shows (its rendered
 * text, not the document's source). */
static guint
count_on_page (UiFixture *fixture, const char *text)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (gma_page_view_get_web_view (fixture->window->page_view));
  WebKitFindController *find = webkit_web_view_get_find_controller (web_view);
  FindResult result = { 0 };
  gulong found = g_signal_connect (find, "counted-matches", G_CALLBACK (on_counted), &result);
  gulong failed = g_signal_connect (find, "failed-to-find-text", G_CALLBACK (on_failed_to_find), &result);

  webkit_find_controller_count_matches (find, text, WEBKIT_FIND_OPTIONS_NONE, 100);
  ui_wait_until (find_answered, &result, "the web view to count the text");
  g_signal_handler_disconnect (find, found);
  g_signal_handler_disconnect (find, failed);

  return result.matches;
}

static GmaPreferencesWindow *
find_preferences (GmaApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (GMA_IS_PREFERENCES_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
reset_counter (GSettings *settings)
{
  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    g_settings_reset (settings, gma_contact_field_get_key (f));
}

static void
test_card_in_page (UiFixture *fixture, gconstpointer data)
{
  GSettings *settings = gma_application_get_settings (fixture->app);
  GmaPreferencesWindow *preferences;
  g_auto(GStrv) accels = NULL;
  const char *name = "〇〇県 <b>医療政策課</b> & \"窓口\"";

  reset_counter (settings);
  g_assert_true (gma_window_show_page (fixture->window, "remedy-4"));
  ui_wait_for_page (fixture, "gma://page/remedy-4");
  g_assert_cmpuint (count_on_page (fixture, "医療政策課"), ==, 0);
  g_assert_cmpuint (count_on_page (fixture, "03-9876-5432"), ==, 0);

  /* app.preferences (Ctrl+,) opens the window over the main one. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  preferences = find_preferences (fixture->app);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (preferences)));
  /* Asked again, the same window comes forward. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  g_assert_true (find_preferences (fixture->app) == preferences);

  /* Typed there, the counter appears in the page, escaped. */
  gtk_editable_set_text (gma_preferences_window_get_entry (preferences, GMA_CONTACT_NAME), name);
  gtk_editable_set_text (gma_preferences_window_get_entry (preferences, GMA_CONTACT_PHONE), "03-9876-5432");
  flush ();
  g_assert_cmpstr (g_settings_get_string (settings, "counter-name"), ==, name);
  g_assert_cmpstr (gma_contact_get (gma_window_get_contact (fixture->window), GMA_CONTACT_NAME), ==, name);
  ui_wait_for_page (fixture, "gma://page/remedy-4");
  g_assert_cmpuint (count_on_page (fixture, "〇〇県 <b>医療政策課</b> & \"窓口\""), ==, 1);
  /* And under the guide's advice in the FAQ sidebar (when a search finds
   * nothing), as plain text. */
  {
    GtkLabel *label = gma_faq_sidebar_get_contact_label (fixture->window->sidebar);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
    g_assert_false (gtk_label_get_use_markup (label));
    g_assert_nonnull (strstr (gtk_label_get_text (label), name));
    g_assert_nonnull (strstr (gtk_label_get_text (label), "03-9876-5432"));
  }
  g_assert_cmpuint (count_on_page (fixture, "03-9876-5432"), ==, 1);
  /* The guide's own words are still there. */
  g_assert_cmpuint (count_on_page (fixture, "既存のアカウント情報をご確認ください"), ==, 1);

  /* The FAQ answers that send people there show it too; others do not. */
  gma_page_view_load_uri (fixture->window->page_view, "gma://faq/faq-3-1");
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");
  g_assert_cmpuint (count_on_page (fixture, "03-9876-5432"), ==, 1);
  gma_page_view_load_uri (fixture->window->page_view, "gma://faq/faq-3-2");
  ui_wait_for_page (fixture, "gma://faq/faq-3-2");
  g_assert_cmpuint (count_on_page (fixture, "03-9876-5432"), ==, 0);

  /* Emptied, the page has the guide's wording alone again. */
  gma_page_view_load_uri (fixture->window->page_view, "gma://faq/faq-3-1");
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");
  gtk_editable_set_text (gma_preferences_window_get_entry (preferences, GMA_CONTACT_NAME), "");
  gtk_editable_set_text (gma_preferences_window_get_entry (preferences, GMA_CONTACT_PHONE), "");
  flush ();
  g_assert_true (gma_contact_is_empty (gma_window_get_contact (fixture->window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gma_faq_sidebar_get_contact_label (fixture->window->sidebar))));
  ui_wait_for_page (fixture, "gma://faq/faq-3-1");
  g_assert_cmpuint (count_on_page (fixture, "03-9876-5432"), ==, 0);
  g_assert_cmpuint (count_on_page (fixture, "都道府県窓口にて"), ==, 1);

  /* An administrator's typo in dconf: a warning names the key, the rest
   * is still shown, nothing breaks. */
  g_test_expect_message ("gma-contact", G_LOG_LEVEL_WARNING, "The setting counter-phone is not used: *");
  g_settings_set_string (settings, "counter-phone", "TEL 03-9876-5432");
  g_test_assert_expected_messages ();
  g_assert_true (gma_contact_is_empty (gma_window_get_contact (fixture->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gma_preferences_window_get_message (preferences, GMA_CONTACT_PHONE))));
  /* Another key changes: the counter shows it, and the bad phone number
   * is not warned about a second time (that would fail this test). */
  g_settings_set_string (settings, "counter-name", "〇〇県 医療政策課");
  flush ();
  g_assert_cmpstr (gma_contact_get (gma_window_get_contact (fixture->window), GMA_CONTACT_NAME), ==,
                   "〇〇県 医療政策課");
  g_assert_null (gma_contact_get (gma_window_get_contact (fixture->window), GMA_CONTACT_PHONE));

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "counter-phone");
  reset_counter (settings);
}

/* ---- About ----------------------------------------------------------- */

static GtkAboutDialog *
find_about (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_ABOUT_DIALOG (window);
    }
  return NULL;
}

static void
test_about (UiFixture *fixture, gconstpointer data)
{
  GtkAboutDialog *about;
  const char *comments;

  g_assert_null (find_about ());
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  about = find_about ();
  g_assert_nonnull (about);

  g_assert_cmpstr (gtk_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (gtk_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (about), ==, APP_ID);

  /* Which guide, whose, which year's guidance, and whose product it is not. */
  comments = gtk_about_dialog_get_comments (about);
  g_assert_nonnull (comments);
  g_assert_nonnull (strstr (comments, gma_content_get_source (fixture->content)));
  g_assert_nonnull (strstr (comments, gma_content_get_edition (fixture->content)));
  g_assert_nonnull (strstr (comments, "G-MIS office of the Ministry of Health, Labour and Welfare"));
  g_assert_nonnull (strstr (comments, "not an official product of the Ministry"));

  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int argc, char *argv[])
{
  /* English messages: the test reads the About window's text. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/preferences-window/writes-settings", KeyfileFixture, "assistant",
              keyfile_set_up, test_writes_settings, keyfile_tear_down);
  g_test_add ("/preferences-window/locked", KeyfileFixture, NULL,
              keyfile_set_up, test_locked, keyfile_tear_down);
  g_test_add ("/preferences-window/accessible", KeyfileFixture, "assistant",
              keyfile_set_up, test_accessible, keyfile_tear_down);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/preferences-window/card-in-page", test_card_in_page);
  ADD ("/about/contents", test_about);

  return g_test_run ();
}
