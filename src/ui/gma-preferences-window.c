/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-preferences-window.c: the prefecture's counter, on a desktop install */
#define G_LOG_DOMAIN "gma-preferences"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-preferences-window.h"

typedef struct {
  GtkEditable *entry;
  GtkLabel *message;
} Row;

struct _GmaPreferencesWindow
{
  GtkWindow parent_instance;

  GSettings *settings;
  Row rows[GMA_CONTACT_N_FIELDS];
  GtkWidget *locked_note;
  gboolean updating;      /* the entries are being set from the settings */
  guint write_idle;       /* writes the entries' valid values */
};

G_DEFINE_FINAL_TYPE (GmaPreferencesWindow, gma_preferences_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *label;        /* with a mnemonic */
  const char *placeholder;
  GtkInputPurpose purpose;
} field_ui[GMA_CONTACT_N_FIELDS] = {
  [GMA_CONTACT_NAME] = { N_("_Name"), N_("e.g. Medical Policy Division, Example Prefecture"),
                         GTK_INPUT_PURPOSE_FREE_FORM },
  [GMA_CONTACT_PHONE] = { N_("_Telephone"), N_("e.g. 03-1234-5678"), GTK_INPUT_PURPOSE_PHONE },
  [GMA_CONTACT_HOURS] = { N_("_Hours"), N_("e.g. Weekdays 9:00–17:00"), GTK_INPUT_PURPOSE_FREE_FORM },
  [GMA_CONTACT_URL] = { N_("_Web Page"), N_("e.g. https://www.pref.example.jp/"), GTK_INPUT_PURPOSE_URL },
};

/* Why a value is refused, in the reader's language. */
static char *
describe_error (GmaContactField  field,
                const char      *value,
                const GError    *error)
{
  if (!g_error_matches (error, GMA_CONTACT_ERROR, error->code))
    return g_strdup (error->message);

  switch ((GmaContactError) error->code)
    {
    case GMA_CONTACT_ERROR_TOO_LONG:
      return g_strdup_printf (ngettext ("At most %u character.", "At most %u characters.",
                                        gma_contact_field_get_max_length (field)),
                              gma_contact_field_get_max_length (field));
    case GMA_CONTACT_ERROR_CONTROL:
      return g_strdup (_("One line, without tabs or other control characters."));
    case GMA_CONTACT_ERROR_PHONE:
      return g_strdup (_("Use digits, spaces, hyphens, parentheses and + only."));
    case GMA_CONTACT_ERROR_URL:
      return g_strdup (_("Enter a web address that starts with https:// (or http://), "
                         "like https://www.pref.example.jp/."));
    case GMA_CONTACT_ERROR_INVISIBLE:
      return g_strdup_printf (_("The text holds an invisible character (U+%04X) that can make it "
                                "look different from what it says. Delete it and type the text "
                                "again."),
                              gma_contact_find_invisible (value));
    case GMA_CONTACT_ERROR_URL_CHARACTER:
      return g_strdup (_("A web address has no spaces and none of these characters: "
                         "< > \" { } | \\ ^ `"));
    case GMA_CONTACT_ERROR_URL_HOST:
      return g_strdup (_("The name of the site after https:// is missing or not valid. "
                         "Write it like https://www.pref.example.jp/."));
    case GMA_CONTACT_ERROR_URL_PORT:
      return g_strdup (_("The number after the colon (the port) must be from 1 to 65535. "
                         "Most web addresses have none: leave it out."));
    case GMA_CONTACT_ERROR_URL_USER:
      return g_strdup (_("The counter’s web address holds no user name or password "
                         "(nothing before @)."));
    case GMA_CONTACT_ERROR_URL_ENCODING:
      /* xgettext:no-c-format */
      return g_strdup (_("Each percent sign (%) in a web address is followed by two "
                         "hexadecimal digits, like %E3."));
    default:
      return g_strdup (error->message);
    }
}

static void
show_validity (GmaPreferencesWindow *self,
               GmaContactField       field,
               const char           *value)
{
  Row *row = &self->rows[field];
  g_autoptr(GError) error = NULL;
  gboolean valid = gma_contact_validate (field, value, &error);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "error");
      gtk_label_set_text (row->message, "");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      g_autofree char *message = describe_error (field, value, error);

      gtk_widget_add_css_class (GTK_WIDGET (row->entry), "error");
      gtk_label_set_text (row->message, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->message), !valid);
}

static GmaContactField
field_of_entry (GtkEditable *entry)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "gma-contact-field"));
}

/* Writes each entry's value, trimmed, when it is valid and differs from
 * the setting. */
static void
write_values (GmaPreferencesWindow *self)
{
  g_clear_handle_id (&self->write_idle, g_source_remove);

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    {
      const char *key = gma_contact_field_get_key (i);
      const char *text = gtk_editable_get_text (self->rows[i].entry);
      g_autofree char *trimmed = NULL;
      g_autofree char *stored = NULL;

      if (!gma_contact_validate (i, text, NULL) || !g_settings_is_writable (self->settings, key))
        continue;

      trimmed = g_strstrip (g_strdup (text));
      stored = g_settings_get_string (self->settings, key);
      if (!g_str_equal (trimmed, stored))
        g_settings_set_string (self->settings, key, trimmed);
    }
}

static gboolean
write_values_cb (gpointer user_data)
{
  GmaPreferencesWindow *self = user_data;

  self->write_idle = 0;
  write_values (self);

  return G_SOURCE_REMOVE;
}

static void
on_entry_changed (GtkEditable          *entry,
                  GmaPreferencesWindow *self)
{
  if (self->updating)
    return;

  show_validity (self, field_of_entry (entry), gtk_editable_get_text (entry));

  /* Once the main loop is idle: replacing the text (select all, then
   * type or paste) passes through an empty entry, which is no value to
   * save. */
  if (self->write_idle == 0)
    self->write_idle = g_idle_add (write_values_cb, self);
}

/* The settings changed elsewhere (gsettings, dconf, another instance):
 * the entry follows, unless it already says the same (so that the cursor
 * stays where the person types). */
static void
update_field (GmaPreferencesWindow *self,
              GmaContactField       field)
{
  Row *row = &self->rows[field];
  const char *key = gma_contact_field_get_key (field);
  g_autofree char *value = g_settings_get_string (self->settings, key);
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (row->entry)));
  gboolean writable = g_settings_is_writable (self->settings, key);

  if (!g_str_equal (value, shown))
    {
      self->updating = TRUE;
      gtk_editable_set_text (row->entry, value);
      self->updating = FALSE;
      show_validity (self, field, value);
    }

  gtk_editable_set_editable (row->entry, writable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !writable, -1);
  if (writable)
    gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "locked");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->entry), "locked");
}

static void
update_locked_note (GmaPreferencesWindow *self)
{
  gboolean locked = FALSE;

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    locked |= !g_settings_is_writable (self->settings, gma_contact_field_get_key (i));
  gtk_widget_set_visible (self->locked_note, locked);
}

static void
on_settings_changed (GmaPreferencesWindow *self,
                     const char           *key,
                     GSettings            *settings)
{
  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    if (g_str_equal (key, gma_contact_field_get_key (i)))
      update_field (self, i);
}

static void
on_writable_changed (GmaPreferencesWindow *self,
                     const char           *key,
                     GSettings            *settings)
{
  on_settings_changed (self, key, settings);
  update_locked_note (self);
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);

  return label;
}

static void
build (GmaPreferencesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Prefecture’s Counter"));
  GtkWidget *intro;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *saved;

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), heading);

  intro = new_caption (_("The guide often tells people to ask the prefecture’s counter. What you "
                         "enter here is shown there, on the pages and in the answers that say so. "
                         "Leave everything empty to show the guide’s wording alone."));
  gtk_box_append (GTK_BOX (box), intro);

  self->locked_note = new_caption (_("Values that cannot be edited were set by the administrator."));
  gtk_widget_add_css_class (self->locked_note, "dim-label");
  gtk_box_append (GTK_BOX (box), self->locked_note);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(field_ui[i].label));
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *message = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);

      gtk_widget_set_hexpand (entry, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(field_ui[i].placeholder));
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), field_ui[i].purpose);
      g_object_set_data (G_OBJECT (entry), "gma-contact-field", GUINT_TO_POINTER (i));

      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (message, "error");
      gtk_widget_add_css_class (message, "caption");
      gtk_widget_set_visible (message, FALSE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL,
                                      -1);

      gtk_grid_attach (GTK_GRID (grid), label, 0, 2 * i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, 2 * i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), message, 1, 2 * i + 1, 1, 1);

      self->rows[i].entry = GTK_EDITABLE (entry);
      self->rows[i].message = GTK_LABEL (message);
    }
  gtk_box_append (GTK_BOX (box), grid);

  saved = new_caption (_("Changes are saved as you type."));
  gtk_widget_add_css_class (saved, "dim-label");
  gtk_widget_add_css_class (saved, "caption");
  gtk_box_append (GTK_BOX (box), saved);

  gtk_window_set_child (GTK_WINDOW (self), box);
}

static void
gma_preferences_window_constructed (GObject *object)
{
  GmaPreferencesWindow *self = GMA_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (gma_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    {
      update_field (self, i);
      /* A value set elsewhere that does not validate is shown with why
       * it is not used. */
      show_validity (self, i, gtk_editable_get_text (self->rows[i].entry));
      g_signal_connect (self->rows[i].entry, "changed", G_CALLBACK (on_entry_changed), self);
    }
  update_locked_note (self);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed",
                           G_CALLBACK (on_writable_changed), self, G_CONNECT_SWAPPED);
}

static void
gma_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GmaPreferencesWindow *self = GMA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GmaPreferencesWindow *self = GMA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_preferences_window_dispose (GObject *object)
{
  GmaPreferencesWindow *self = GMA_PREFERENCES_WINDOW (object);

  /* Closed right after typing: what was typed is kept. */
  if (self->write_idle != 0 && self->settings != NULL)
    write_values (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gma_preferences_window_parent_class)->dispose (object);
}

static void
gma_preferences_window_class_init (GmaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gma_preferences_window_constructed;
  object_class->set_property = gma_preferences_window_set_property;
  object_class->get_property = gma_preferences_window_get_property;
  object_class->dispose = gma_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Escape closes it, as it does a dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gma_preferences_window_init (GmaPreferencesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_titlebar (GTK_WINDOW (self), gtk_header_bar_new ());
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);
  build (self);
}

GtkWidget *
gma_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GMA_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

GtkEditable *
gma_preferences_window_get_entry (GmaPreferencesWindow *self,
                                  GmaContactField       field)
{
  g_return_val_if_fail (GMA_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, NULL);

  return self->rows[field].entry;
}

GtkLabel *
gma_preferences_window_get_message (GmaPreferencesWindow *self,
                                    GmaContactField       field)
{
  g_return_val_if_fail (GMA_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, NULL);

  return self->rows[field].message;
}

GtkWidget *
gma_preferences_window_get_locked_note (GmaPreferencesWindow *self)
{
  g_return_val_if_fail (GMA_IS_PREFERENCES_WINDOW (self), NULL);

  return self->locked_note;
}
