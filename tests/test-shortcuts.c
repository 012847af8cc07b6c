/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The keyboard shortcuts window lists exactly the shortcuts the app
 * really has: every accelerator of the application's actions and every
 * shortcut the app's own widgets add. A new shortcut without an entry
 * (or an entry for a shortcut that went away) fails here. */
#define G_LOG_DOMAIN "gma-test-shortcuts"
#include "config.h"

#include "ui-test-util.h"

/* "keyval:mods" as GTK names it, so that "<Control>plus" and
 * "<ctrl>plus" are the same. */
static char *
normalize (guint keyval, GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

static void
add_accelerator (GHashTable *set, const char *accelerator, const char *where)
{
  guint keyval = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accelerator, &keyval, &mods) || keyval == 0)
    g_error ("%s: “%s” is not an accelerator", where, accelerator);
  g_hash_table_insert (set, normalize (keyval, mods), g_strdup (where));
}

static void
add_trigger (GHashTable *set, GtkShortcutTrigger *trigger, const char *where)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_insert (set,
                         normalize (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                    gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                         g_strdup (where));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (set, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
      add_trigger (set, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
    }
}

/* The shortcuts of @widget's own shortcut controllers (not its children's). */
static void
add_widget_shortcuts (GHashTable *set, GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  const char *where = G_OBJECT_TYPE_NAME (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_trigger (set, gtk_shortcut_get_trigger (shortcut), where);
        }
    }
}

/* What GTK gives the nearest GTK ancestor of @type (inherited class
 * shortcuts such as the inspector's): not the app's. */
static GHashTable *
inherited_shortcuts (GType type)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkWidget *instance;

  while (g_str_has_prefix (g_type_name (type), "Gma"))
    type = g_type_parent (type);
  if (G_TYPE_IS_ABSTRACT (type))
    return set;

  instance = g_object_ref_sink (g_object_new (type, NULL));
  add_widget_shortcuts (set, instance);
  if (GTK_IS_WINDOW (instance))
    gtk_window_destroy (GTK_WINDOW (instance));
  g_object_unref (instance);

  return set;
}

/* The shortcuts the app's own widgets (Gma*) add, in the window's tree. */
static void
add_app_widget_shortcuts (GHashTable *set, GtkWidget *widget)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Gma"))
    {
      g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GHashTable) inherited = inherited_shortcuts (G_OBJECT_TYPE (widget));
      GHashTableIter iter;
      gpointer key, value;

      add_widget_shortcuts (own, widget);
      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (inherited, key))
          g_hash_table_insert (set, g_strdup (key), g_strdup (value));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_app_widget_shortcuts (set, child);
}

static void
collect_listed (GHashTable *set, GtkWidget *widget, guint *n_entries)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      g_assert_nonnull (accelerator);
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        if (accels[i][0] != '\0')
          add_accelerator (set, accels[i], title);
      (*n_entries)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (set, child, n_entries);
}

static void
assert_subset (GHashTable *a, const char *a_name, GHashTable *b, const char *b_name)
{
  GHashTableIter iter;
  gpointer key, value;
  guint missing = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (b, key))
      {
        g_printerr ("%s (%s, %s) is not in %s\n", (char *) key, (char *) value, a_name, b_name);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
}

static void
test_every_shortcut_listed (UiFixture *fixture, gconstpointer data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_autoptr(GHashTable) registered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);
  GtkShortcutsWindow *overlay;
  guint n_entries = 0;

  /* The window has its shortcuts window, on GNOME's Ctrl+?; it is built
   * when first shown, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "show-help-overlay"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  /* Shown again, the same one. */
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerator (registered, accels[j], actions[i]);
    }
  add_app_widget_shortcuts (registered, GTK_WIDGET (fixture->window));

  collect_listed (listed, GTK_WIDGET (overlay), &n_entries);

  /* Sanity: both sides found what they should have. */
  g_assert_true (g_hash_table_contains (registered, "<Control>q"));
  g_assert_true (g_hash_table_contains (registered, "<Control>comma"));
  g_assert_true (g_hash_table_contains (registered, "<Control>question"));
  g_assert_true (g_hash_table_contains (registered, "slash"));    /* "/" focuses the search */
  g_assert_false (g_hash_table_contains (registered, "<Shift><Control>i"));   /* GTK's inspector */
  g_assert_cmpuint (n_entries, >=, 15);

  assert_subset (registered, "the registered shortcuts", listed, "the shortcuts window");
  assert_subset (listed, "the shortcuts window", registered, "the registered shortcuts");
}

/* The header menu opens it, and the Preferences. */
static void
test_menu (UiFixture *fixture, gconstpointer data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (fixture->window->menu_button);
  GMenuModel *menu;
  gboolean preferences = FALSE, shortcuts = FALSE, about = FALSE;

  /* It is built when first opened, not with the window. */
  g_assert_null (gtk_menu_button_get_menu_model (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);
  /* Opened again, the same menu. */
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == menu);
  gtk_menu_button_popdown (button);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            {
              preferences |= g_str_equal (action, "app.preferences");
              shortcuts |= g_str_equal (action, "win.show-help-overlay");
              about |= g_str_equal (action, "app.about");
            }
        }
      g_clear_object (&section);
    }

  g_assert_true (preferences);
  g_assert_true (shortcuts);
  g_assert_true (about);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/shortcuts/every-shortcut-listed", test_every_shortcut_listed);
  ADD ("/shortcuts/menu", test_menu);

  return g_test_run ();
}
