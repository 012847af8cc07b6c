/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Under a Japanese locale the whole window is Japanese: every text the
 * window shows or can show (labels, buttons, tooltips, placeholders, menus,
 * the window title) is looked at, and one that is English — a string that
 * was never marked for translation, or a translation that is missing —
 * fails the test with the text and where it is.
 *
 * Runs with the real translations built from po/ja.po (GMA_LOCALEDIR). */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "gma-preferences-window.h"
#include "ui-test-util.h"

/* Whole texts that are the same in Japanese: names and codes. */
static const char * const same_in_japanese[] = {
  "G-MIS", "FAQ", "English", "URL", "ID", "PDF", "QR", NULL,
};

static gboolean
is_japanese_char (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30ff) ||   /* hiragana, katakana */
         (c >= 0x3400 && c <= 0x9fff) ||   /* CJK ideographs */
         (c >= 0xff00 && c <= 0xffef);     /* full-width forms */
}

/* English when it has a run of three or more ASCII letters and no Japanese
 * at all, and is not one of the names above (alone or with digits,
 * punctuation or a mail address / URL around it). */
static gboolean
looks_english (const char *text)
{
  const char *p;
  guint run = 0, longest = 0;

  if (g_strv_contains (same_in_japanese, text))
    return FALSE;
  /* Key names in a menu's shortcut column ("Shift+Ctrl+C"), as GTK writes
   * them in every language. */
  if (g_regex_match_simple ("^((Shift|Ctrl|Alt|Super)\\+)+\\S+$", text, 0, 0))
    return FALSE;
  if (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "gma://") ||
      (strchr (text, '@') != NULL && strchr (text, ' ') == NULL))
    return FALSE;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_japanese_char (c))
        return FALSE;
      if (g_ascii_isalpha (c))
        longest = MAX (longest, ++run);
      else
        run = 0;
    }

  if (longest < 3)
    return FALSE;

  /* Names alone with punctuation or digits ("G-MIS 2.0", "(FAQ)"). */
  for (guint i = 0; same_in_japanese[i]; i++)
    {
      g_autofree char *rest = g_strdup (text);
      char *hit;

      while ((hit = strstr (rest, same_in_japanese[i])) != NULL)
        memset (hit, ' ', strlen (same_in_japanese[i]));
      for (p = rest, run = 0, longest = 0; *p; p++)
        longest = MAX (longest, g_ascii_isalpha (*p) ? ++run : (run = 0));
      if (longest < 3)
        return FALSE;
    }

  return TRUE;
}

typedef struct {
  GPtrArray *english;   /* "where: text" */
  guint      seen;      /* texts looked at */
} Survey;

static void
look_at (Survey *survey, const char *where, const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return;

  /* Mnemonic underscores and markup are not words. */
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return;
  {
    g_autofree char *plain = NULL;

    if (pango_parse_markup (stripped, -1, '_', NULL, &plain, NULL, NULL))
      {
        g_free (stripped);
        stripped = g_steal_pointer (&plain);
      }
  }

  survey->seen++;
  if (looks_english (stripped))
    g_ptr_array_add (survey->english, g_strdup_printf ("%s: “%s”", where, stripped));
}

static void
look_at_menu (Survey *survey, GMenuModel *model, const char *where)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        look_at (survey, where, label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          look_at_menu (survey, link, where);
          g_object_unref (link);
        }
    }
}

static void
look_at_widget (Survey *survey, GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  /* Key caps (“Ctrl”, “Home”) are key names, as GTK draws them in every
   * language. */
  if (GTK_IS_SHORTCUT_LABEL (widget))
    {
      survey->seen++;
      return;
    }

  look_at (survey, type, tooltip);

  if (GTK_IS_LABEL (widget))
    look_at (survey, type, gtk_label_get_label (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget))
    look_at (survey, type, gtk_button_get_label (GTK_BUTTON (widget)));
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

      look_at (survey, type, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
      if (model != NULL)
        look_at_menu (survey, model, "menu");
    }
  else if (GTK_IS_WINDOW (widget))
    look_at (survey, type, gtk_window_get_title (GTK_WINDOW (widget)));

  if (GTK_IS_EDITABLE (widget) || GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text"))
        {
          g_object_get (widget, "placeholder-text", &placeholder, NULL);
          look_at (survey, type, placeholder);
        }
    }

  /* Every child, shown or not: a hidden error bar or an unopened popover
   * is shown some day. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    look_at_widget (survey, child);

  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover != NULL && gtk_widget_get_parent (GTK_WIDGET (popover)) != widget)
        look_at_widget (survey, GTK_WIDGET (popover));
    }
}

static void
survey_window (Survey *survey, GtkWidget *window)
{
  look_at_widget (survey, window);
  if (gtk_window_get_titlebar (GTK_WINDOW (window)) != NULL &&
      gtk_widget_get_parent (gtk_window_get_titlebar (GTK_WINDOW (window))) != window)
    look_at_widget (survey, gtk_window_get_titlebar (GTK_WINDOW (window)));
}

static void
assert_all_japanese (Survey *survey, guint at_least)
{
  /* The survey must have looked at the window, not at nothing. */
  g_test_message ("%u texts looked at", survey->seen);
  g_assert_cmpuint (survey->seen, >=, at_least);

  for (guint i = 0; i < survey->english->len; i++)
    g_test_message ("not Japanese: %s", (const char *) survey->english->pdata[i]);
  if (survey->english->len > 0)
    g_test_fail_printf ("%u text(s) of the window are not Japanese", survey->english->len);
}

static void
test_detector (void)
{
  /* The rule itself, both ways, so that the survey cannot pass by
   * accepting everything. */
  g_assert_true (looks_english ("Start Over"));
  g_assert_true (looks_english ("_Back"));
  g_assert_true (looks_english ("Search the FAQ"));
  g_assert_false (looks_english ("最初からやり直す(_S)"));
  g_assert_false (looks_english ("G-MIS"));
  g_assert_false (looks_english ("(FAQ)"));
  g_assert_false (looks_english ("info@g-mis.net"));
  g_assert_false (looks_english ("https://www.g-mis.mhlw.go.jp/"));
  g_assert_false (looks_english ("11/13"));
  g_assert_false (looks_english ("Shift+Ctrl+C"));
  g_assert_true (looks_english ("Ctrl+F to find"));
  g_assert_false (looks_english ("よくある質問（FAQ）"));
}

static void
test_window_is_japanese (UiFixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  Survey survey = { english, 0 };
  g_autofree char *start = g_strdup ("gma://page/start");
  GMenuModel *app_menu;

  ui_wait_for_page (fixture, start);

  /* The translation is loaded at all: one known message. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Back"), !=, "Back");

  /* The header menu is built when first opened: open it once, so that
   * its items are surveyed too. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (fixture->window->menu_button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (fixture->window->menu_button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (fixture->window->menu_button)));
  survey_window (&survey, GTK_WIDGET (fixture->window));
  app_menu = gtk_application_get_menubar (GTK_APPLICATION (fixture->app));
  if (app_menu != NULL)
    look_at_menu (&survey, app_menu, "menubar");

  assert_all_japanese (&survey, 20);

  /* The header's labelled buttons keep their mnemonic letters on a
   * desktop; a touch terminal has no Alt key, and shows none. */
  if (fixture->window->kiosk != NULL)
    {
      g_assert_cmpstr (gtk_button_get_label (fixture->window->restart_button), ==, "最初からやり直す");
      g_assert_cmpstr (gtk_button_get_label (fixture->window->flow_button), ==, "全体の流れ");
      g_assert_false (gtk_button_get_use_underline (fixture->window->flow_button));
    }
  else
    {
      g_assert_cmpstr (gtk_button_get_label (fixture->window->restart_button), ==, "最初からやり直す(_S)");
      g_assert_cmpstr (gtk_button_get_label (fixture->window->flow_button), ==, "全体の流れ(_W)");
      g_assert_true (gtk_button_get_use_underline (fixture->window->flow_button));
    }
}

/* The windows the header menu opens: Preferences and the keyboard
 * shortcuts. Each is found among the toplevels once opened. */
typedef struct {
  GtkWidget *main_window;
  GtkWidget *found;
} ToplevelWait;

static gboolean
toplevel_opened (gpointer data)
{
  ToplevelWait *wait = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && wait->found == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != wait->main_window && gtk_widget_get_visible (window) &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (wait->main_window))
        wait->found = window;
    }

  return wait->found != NULL;
}

static GtkWidget *
open_toplevel (GActionGroup *group, const char *action, GtkWidget *main_window)
{
  ToplevelWait wait = { main_window, NULL };
  g_autofree char *what = g_strdup_printf ("the window the action %s opens", action);

  g_action_group_activate_action (group, action, NULL);
  ui_wait_until (toplevel_opened, &wait, what);
  return wait.found;
}

static void
test_dialogs_are_japanese (UiFixture *fixture, gconstpointer data)
{
  const struct {
    gboolean app;
    const char *action;
    guint at_least;
  } dialogs[] = {
    { TRUE, "preferences", 8 },
    { FALSE, "show-help-overlay", 15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
      Survey survey = { english, 0 };
      GActionGroup *group = dialogs[i].app ? G_ACTION_GROUP (fixture->app)
                                           : G_ACTION_GROUP (fixture->window);
      GtkWidget *dialog = open_toplevel (group, dialogs[i].action, GTK_WIDGET (fixture->window));

      g_test_message ("%s", dialogs[i].action);
      survey_window (&survey, dialog);
      assert_all_japanese (&survey, dialogs[i].at_least);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* Why the Preferences window refuses a value is said in Japanese too,
 * whatever is wrong with it (the core's reasons are English, for the
 * administrator's log). */
static void
test_preferences_messages (UiFixture *fixture, gconstpointer data)
{
  static const struct {
    GmaContactField field;
    const char *value;
  } refused[] = {
    { GMA_CONTACT_NAME, "一行目\n二行目" },
    { GMA_CONTACT_HOURS, "平日 \u202E00:71〜00:9" },
    { GMA_CONTACT_NAME, "〇〇県\u200B医療政策課" },
    { GMA_CONTACT_PHONE, "03-1234-5678 内線" },
    { GMA_CONTACT_URL, "javascript:alert(1)" },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/a b" },
    { GMA_CONTACT_URL, "https://" },
    { GMA_CONTACT_URL, "https://www..pref.example.jp/" },
    { GMA_CONTACT_URL, "http://[::1]:99999/" },
    { GMA_CONTACT_URL, "https://user:pw@www.pref.example.jp/" },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/%zz" },
  };
  GtkWidget *dialog = open_toplevel (G_ACTION_GROUP (fixture->app), "preferences",
                                     GTK_WIDGET (fixture->window));
  GmaPreferencesWindow *preferences = GMA_PREFERENCES_WINDOW (dialog);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GtkLabel *message = gma_preferences_window_get_message (preferences, refused[i].field);
      const char *text;

      gtk_editable_set_text (gma_preferences_window_get_entry (preferences, refused[i].field),
                             refused[i].value);
      text = gtk_label_get_text (message);
      g_test_message ("“%s”: %s", refused[i].value, text);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
      g_assert_cmpstr (text, !=, "");
      if (looks_english (text))
        g_error ("The Preferences window says why “%s” is refused in English: %s",
                 refused[i].value, text);
    }

  /* The invisible character is named. */
  gtk_editable_set_text (gma_preferences_window_get_entry (preferences, GMA_CONTACT_HOURS),
                         "平日 \u202E00:71〜00:9");
  g_assert_nonnull (strstr (gtk_label_get_text (gma_preferences_window_get_message (preferences, GMA_CONTACT_HOURS)),
                            "U+202E"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    g_settings_reset (gma_application_get_settings (fixture->app), gma_contact_field_get_key (f));
}

/* English content on a Japanese desktop: the interface stays Japanese,
 * and what the window says about the content (its subtitle) is English
 * throughout, as the pages are, not half in each language. */
static void
test_english_content (UiFixture *fixture, gconstpointer data)
{
  const char *subtitle;

  ui_wait_for_page (fixture, "gma://page/start");
  g_assert_cmpstr (gtk_label_get_text (fixture->window->subtitle_label), ==,
                   "令和5年度（2023年11月）の案内に基づく");

  g_assert_true (gma_window_set_language (fixture->window, "en"));
  ui_wait_for_page (fixture, "gma://page/start");
  subtitle = gtk_label_get_text (fixture->window->subtitle_label);
  g_test_message ("subtitle: %s", subtitle);
  g_assert_cmpstr (subtitle, ==, "Based on the guidance of fiscal year 2023 (令和5年度), November 2023");

  g_assert_true (gma_window_set_language (fixture->window, "ja"));
  g_assert_cmpstr (gtk_label_get_text (fixture->window->subtitle_label), ==,
                   "令和5年度（2023年11月）の案内に基づく");
  g_settings_reset (gma_application_get_settings (fixture->app), "content-language");
}

int
main (int argc, char *argv[])
{
  ui_test_init_japanese (&argc, &argv);

  g_test_add_func ("/japanese-ui/detector", test_detector);
  g_test_add ("/japanese-ui/window", UiFixture, NULL,
              ui_fixture_set_up, test_window_is_japanese, ui_fixture_tear_down);
  g_test_add ("/japanese-ui/english-content", UiFixture, NULL,
              ui_fixture_set_up, test_english_content, ui_fixture_tear_down);

  g_test_add ("/japanese-ui/preferences-and-shortcuts", UiFixture, NULL,
              ui_fixture_set_up, test_dialogs_are_japanese, ui_fixture_tear_down);
  g_test_add ("/japanese-ui/preferences-messages", UiFixture, NULL,
              ui_fixture_set_up, test_preferences_messages, ui_fixture_tear_down);
  /* The counter kiosk: attract screen, idle overlay, keypad, QR view are
   * children of the window (shown or not) and are surveyed with it. */
  g_test_add ("/japanese-ui/kiosk-window", UiFixture, NULL,
              ui_kiosk_fixture_set_up, test_window_is_japanese, ui_kiosk_fixture_tear_down);

  return g_test_run ();
}
