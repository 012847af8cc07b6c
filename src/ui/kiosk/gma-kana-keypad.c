/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-kana-keypad"

#include "config.h"

#include <glib/gi18n.h>

#include "gma-kana-keypad.h"

/* An on-screen keypad for a touch terminal without a keyboard. It types
 * into a GtkEditable at its cursor; its keys never take the focus, so the
 * entry keeps its cursor and selection while the visitor types. */

#define KEY_MIN_PX 56
/* Keys grow to share the keypad's width; at least 48 px wide (the touch
 * target the kiosk keeps), so that the 12 columns of kana fit a portrait
 * output 720 px wide. */
#define KEY_MIN_WIDTH_PX 48

struct _GmaKanaKeypad
{
  GtkWidget    parent_instance;

  /* Children */
  GtkWidget   *stack;

  /* Owned */
  char        *page;

  /* Borrowed (weak reference) */
  GtkEditable *target;
};

G_DEFINE_FINAL_TYPE (GmaKanaKeypad, gma_kana_keypad, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* {plain, with ゛, with ゜}; 0 where there is no such kana. */
static const gunichar voiced_table[][3] = {
  { 0x3046 /* う */, 0x3094 /* ゔ */, 0 },
  { 0x304B /* か */, 0x304C, 0 }, { 0x304D /* き */, 0x304E, 0 },
  { 0x304F /* く */, 0x3050, 0 }, { 0x3051 /* け */, 0x3052, 0 },
  { 0x3053 /* こ */, 0x3054, 0 },
  { 0x3055 /* さ */, 0x3056, 0 }, { 0x3057 /* し */, 0x3058, 0 },
  { 0x3059 /* す */, 0x305A, 0 }, { 0x305B /* せ */, 0x305C, 0 },
  { 0x305D /* そ */, 0x305E, 0 },
  { 0x305F /* た */, 0x3060, 0 }, { 0x3061 /* ち */, 0x3062, 0 },
  { 0x3064 /* つ */, 0x3065, 0 }, { 0x3066 /* て */, 0x3067, 0 },
  { 0x3068 /* と */, 0x3069, 0 },
  { 0x306F /* は */, 0x3070, 0x3071 }, { 0x3072 /* ひ */, 0x3073, 0x3074 },
  { 0x3075 /* ふ */, 0x3076, 0x3077 }, { 0x3078 /* へ */, 0x3079, 0x307A },
  { 0x307B /* ほ */, 0x307C, 0x307D },
};

/* {normal, small} */
static const gunichar small_table[][2] = {
  { 0x3042 /* あ */, 0x3041 }, { 0x3044 /* い */, 0x3043 },
  { 0x3046 /* う */, 0x3045 }, { 0x3048 /* え */, 0x3047 },
  { 0x304A /* お */, 0x3049 }, { 0x3064 /* つ */, 0x3063 },
  { 0x3084 /* や */, 0x3083 }, { 0x3086 /* ゆ */, 0x3085 },
  { 0x3088 /* よ */, 0x3087 }, { 0x308F /* わ */, 0x308E },
};

/**
 * gma_kana_apply_mark:
 * @c: a character
 * @mark: the mark key pressed after it
 *
 * What a mark key makes of the character before the cursor. Each key
 * toggles: ゛ turns か into が and が back into か; ゜ turns は or ば into
 * ぱ and ぱ back into は; ゛ on ぱ gives ば; 小 turns つ into っ and back.
 *
 * Returns: the new character, or 0 if @mark does not apply to @c
 */
gunichar
gma_kana_apply_mark (gunichar    c,
                     GmaKanaMark mark)
{
  switch (mark)
    {
    case GMA_KANA_MARK_DAKUTEN:
    case GMA_KANA_MARK_HANDAKUTEN:
      {
        guint want = mark == GMA_KANA_MARK_DAKUTEN ? 1 : 2;

        for (guint i = 0; i < G_N_ELEMENTS (voiced_table); i++)
          {
            const gunichar *row = voiced_table[i];

            if (row[want] == 0)
              continue;

            if (c == row[want])
              return row[0];
            if (c == row[0] || c == row[1] || c == row[2])
              return row[want];
          }
        return 0;
      }

    case GMA_KANA_MARK_SMALL:
      for (guint i = 0; i < G_N_ELEMENTS (small_table); i++)
        {
          if (c == small_table[i][0])
            return small_table[i][1];
          if (c == small_table[i][1])
            return small_table[i][0];
        }
      return 0;

    default:
      g_return_val_if_reached (0);
    }
}

/* The 五十音 table as it is printed: a column per consonant, read from
 * the right, the vowels あいうえお from top to bottom. */
static const char * const kana_columns[][5] = {
  { "あ", "い", "う", "え", "お" },
  { "か", "き", "く", "け", "こ" },
  { "さ", "し", "す", "せ", "そ" },
  { "た", "ち", "つ", "て", "と" },
  { "な", "に", "ぬ", "ね", "の" },
  { "は", "ひ", "ふ", "へ", "ほ" },
  { "ま", "み", "む", "め", "も" },
  { "や", NULL, "ゆ", NULL, "よ" },
  { "ら", "り", "る", "れ", "ろ" },
  { "わ", NULL, NULL, NULL, "を" },
  { "ん", NULL, NULL, NULL, NULL },
};

static const char * const latin_rows[] = {
  "ABCDEFGHIJ",
  "KLMNOPQRST",
  "UVWXYZ-._@",
  "1234567890",
};

static void
replace_before_cursor (GtkEditable *editable,
                       int          pos,
                       gunichar     c)
{
  char buf[7];
  int len = g_unichar_to_utf8 (c, buf);

  buf[len] = '\0';

  gtk_editable_delete_text (editable, pos - 1, pos);
  pos--;
  gtk_editable_insert_text (editable, buf, len, &pos);
  gtk_editable_set_position (editable, pos);
}

static void
keypad_insert (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GmaKanaKeypad *self = GMA_KANA_KEYPAD (widget);
  const char *text = g_variant_get_string (param, NULL);
  int pos;

  if (self->target == NULL)
    return;

  gtk_editable_delete_selection (self->target);

  pos = gtk_editable_get_position (self->target);
  gtk_editable_insert_text (self->target, text, -1, &pos);
  gtk_editable_set_position (self->target, pos);
}

static void
keypad_mark (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GmaKanaKeypad *self = GMA_KANA_KEYPAD (widget);
  GmaKanaMark mark = (GmaKanaMark) g_variant_get_int32 (param);
  g_autofree char *before = NULL;
  gunichar changed;
  int pos;

  if (self->target == NULL)
    return;

  pos = gtk_editable_get_position (self->target);
  if (pos <= 0)
    return;

  before = gtk_editable_get_chars (self->target, pos - 1, pos);
  changed = gma_kana_apply_mark (g_utf8_get_char (before), mark);

  if (changed == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  replace_before_cursor (self->target, pos, changed);
}

static void
keypad_backspace (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GmaKanaKeypad *self = GMA_KANA_KEYPAD (widget);
  int pos;

  if (self->target == NULL)
    return;

  if (gtk_editable_get_selection_bounds (self->target, NULL, NULL))
    {
      gtk_editable_delete_selection (self->target);
      return;
    }

  pos = gtk_editable_get_position (self->target);
  if (pos <= 0)
    return;

  gtk_editable_delete_text (self->target, pos - 1, pos);
  gtk_editable_set_position (self->target, pos - 1);
}

static void
keypad_clear (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GmaKanaKeypad *self = GMA_KANA_KEYPAD (widget);

  if (self->target != NULL)
    gtk_editable_delete_text (self->target, 0, -1);
}

static GtkWidget *
key_new (const char *label,
         const char *accessible_label,
         const char *action_name,
         GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  /* Reached with the keyboard or a switch; a touch leaves the focus. */
  gtk_widget_set_focusable (button, TRUE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_size_request (button, KEY_MIN_WIDTH_PX, KEY_MIN_PX);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);
  gtk_widget_add_css_class (button, "keypad-key");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                    -1);

  return button;
}

static GtkWidget *
text_key_new (const char *text)
{
  return key_new (text, NULL, "keypad.insert", g_variant_new_string (text));
}

static GtkWidget *
mark_key_new (const char  *label,
              const char  *accessible_label,
              GmaKanaMark  mark)
{
  GtkWidget *key = key_new (label, accessible_label, "keypad.mark", g_variant_new_int32 (mark));

  gtk_widget_add_css_class (key, "keypad-mark");
  return key;
}

static GtkWidget *
grid_new (void)
{
  return g_object_new (GTK_TYPE_GRID,
                       "row-spacing", 6,
                       "column-spacing", 6,
                       "row-homogeneous", TRUE,
                       "column-homogeneous", TRUE,
                       NULL);
}

static GtkWidget *
kana_page_new (void)
{
  GtkWidget *grid = grid_new ();
  guint n_columns = G_N_ELEMENTS (kana_columns);

  for (guint col = 0; col < n_columns; col++)
    for (guint row = 0; row < 5; row++)
      if (kana_columns[col][row] != NULL)
        /* Column 0 holds the marks; あ goes to the far right. */
        gtk_grid_attach (GTK_GRID (grid), text_key_new (kana_columns[col][row]),
                         n_columns - col, row, 1, 1);

  gtk_grid_attach (GTK_GRID (grid),
                   mark_key_new ("゛", _("Voiced sound mark"), GMA_KANA_MARK_DAKUTEN),
                   0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   mark_key_new ("゜", _("Semi-voiced sound mark"), GMA_KANA_MARK_HANDAKUTEN),
                   0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   mark_key_new ("小", _("Small kana"), GMA_KANA_MARK_SMALL),
                   0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   key_new ("ー", _("Long vowel mark"), "keypad.insert",
                            g_variant_new_string ("ー")),
                   0, 3, 1, 1);

  return grid;
}

static GtkWidget *
latin_page_new (void)
{
  GtkWidget *grid = grid_new ();

  for (guint row = 0; row < G_N_ELEMENTS (latin_rows); row++)
    for (guint col = 0; latin_rows[row][col] != '\0'; col++)
      {
        char text[2] = { latin_rows[row][col], '\0' };

        gtk_grid_attach (GTK_GRID (grid), text_key_new (text), col, row, 1, 1);
      }

  return grid;
}

static GtkWidget *
page_button_new (const char *label,
                 const char *page)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  /* Reached with the keyboard or a switch; a touch leaves the focus. */
  gtk_widget_set_focusable (button, TRUE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_size_request (button, 3 * KEY_MIN_PX, KEY_MIN_PX);
  gtk_widget_add_css_class (button, "keypad-page");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "keypad.page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", page);

  return button;
}

static void
gma_kana_keypad_dispose (GObject *object)
{
  GmaKanaKeypad *self = (GmaKanaKeypad *)object;
  GtkWidget *child;

  gma_kana_keypad_set_target (self, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gma_kana_keypad_parent_class)->dispose (object);
}

static void
gma_kana_keypad_finalize (GObject *object)
{
  GmaKanaKeypad *self = (GmaKanaKeypad *)object;

  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (gma_kana_keypad_parent_class)->finalize (object);
}

static void
gma_kana_keypad_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GmaKanaKeypad *self = GMA_KANA_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_kana_keypad_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GmaKanaKeypad *self = GMA_KANA_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      gma_kana_keypad_set_target (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      gma_kana_keypad_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_kana_keypad_class_init (GmaKanaKeypadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_kana_keypad_dispose;
  object_class->finalize = gma_kana_keypad_finalize;
  object_class->get_property = gma_kana_keypad_get_property;
  object_class->set_property = gma_kana_keypad_set_property;

  /**
   * GmaKanaKeypad:target:
   *
   * The editable the keys type into, usually the FAQ search entry.
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * GmaKanaKeypad:page:
   *
   * The page shown: "kana" (五十音) or "latin" (A–Z and 0–9).
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "kana",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "keypad.insert", "s", keypad_insert);
  gtk_widget_class_install_action (widget_class, "keypad.mark", "i", keypad_mark);
  gtk_widget_class_install_action (widget_class, "keypad.backspace", NULL, keypad_backspace);
  gtk_widget_class_install_action (widget_class, "keypad.clear", NULL, keypad_clear);
  gtk_widget_class_install_property_action (widget_class, "keypad.page", "page");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kanakeypad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
update_actions (GmaKanaKeypad *self)
{
  gboolean enabled = self->target != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keypad.insert", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keypad.mark", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keypad.backspace", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keypad.clear", enabled);
}

static void
target_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  GmaKanaKeypad *self = data;

  self->target = NULL;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

static void
gma_kana_keypad_init (GmaKanaKeypad *self)
{
  GtkLayoutManager *layout;
  GtkWidget *tabs;
  GtkWidget *bottom;

  self->page = g_strdup ("kana");

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  tabs = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (tabs, "keypad-pages");
  gtk_box_append (GTK_BOX (tabs), page_button_new (_("Kana"), "kana"));
  gtk_box_append (GTK_BOX (tabs), page_button_new ("A–Z / 0–9", "latin"));
  gtk_widget_set_parent (tabs, GTK_WIDGET (self));

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_add_named (GTK_STACK (self->stack), kana_page_new (), "kana");
  gtk_stack_add_named (GTK_STACK (self->stack), latin_page_new (), "latin");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (bottom), TRUE);
  gtk_box_append (GTK_BOX (bottom),
                  key_new (_("Space"), NULL, "keypad.insert", g_variant_new_string (" ")));
  gtk_box_append (GTK_BOX (bottom),
                  key_new ("⌫", _("Delete one character"), "keypad.backspace", NULL));
  gtk_box_append (GTK_BOX (bottom),
                  key_new (_("Clear"), _("Clear the search text"), "keypad.clear", NULL));
  gtk_widget_set_parent (bottom, GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-keypad");

  update_actions (self);
}

/**
 * gma_kana_keypad_new:
 *
 * Returns: (transfer floating): a new keypad with no target
 */
GtkWidget *
gma_kana_keypad_new (void)
{
  return g_object_new (GMA_TYPE_KANA_KEYPAD, NULL);
}

/**
 * gma_kana_keypad_get_target:
 * @self: a #GmaKanaKeypad
 *
 * Returns: (transfer none) (nullable): the editable the keys type into
 */
GtkEditable *
gma_kana_keypad_get_target (GmaKanaKeypad *self)
{
  g_return_val_if_fail (GMA_IS_KANA_KEYPAD (self), NULL);

  return self->target;
}

/**
 * gma_kana_keypad_set_target:
 * @self: a #GmaKanaKeypad
 * @target: (nullable): the editable to type into, e.g. a #GtkSearchEntry
 *
 * The keypad holds only a weak reference to @target and forgets it when
 * it is finalized. Without a target the keys are insensitive.
 */
void
gma_kana_keypad_set_target (GmaKanaKeypad *self,
                            GtkEditable   *target)
{
  g_return_if_fail (GMA_IS_KANA_KEYPAD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (self->target == target)
    return;

  if (self->target != NULL)
    g_object_weak_unref (G_OBJECT (self->target), target_finalized_cb, self);

  self->target = target;

  if (target != NULL)
    g_object_weak_ref (G_OBJECT (target), target_finalized_cb, self);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/**
 * gma_kana_keypad_get_page:
 * @self: a #GmaKanaKeypad
 *
 * Returns: "kana" or "latin"
 */
const char *
gma_kana_keypad_get_page (GmaKanaKeypad *self)
{
  g_return_val_if_fail (GMA_IS_KANA_KEYPAD (self), NULL);

  return self->page;
}

/**
 * gma_kana_keypad_set_page:
 * @self: a #GmaKanaKeypad
 * @page: "kana" or "latin"
 *
 * Shows the 五十音 page or the A–Z / 0–9 page.
 */
void
gma_kana_keypad_set_page (GmaKanaKeypad *self,
                          const char    *page)
{
  g_return_if_fail (GMA_IS_KANA_KEYPAD (self));

  if (page == NULL)
    page = "kana";

  g_return_if_fail (g_str_equal (page, "kana") || g_str_equal (page, "latin"));

  if (g_strcmp0 (self->page, page) != 0)
    {
      g_free (self->page);
      self->page = g_strdup (page);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), page);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}
