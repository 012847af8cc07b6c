/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-faq-sidebar"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-faq-sidebar.h"

struct _GmaFaqSidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkLabel *title_label;
  GtkBox *preface_box;
  GtkListBox *list;
  GtkWidget *empty_label;

  /* Owned */
  GmaFaq *faq;
  char *query;   /* casefolded, or NULL for no filter */
  guint populate_idle;

  /* Wrapped labels are costly to measure: the list is filled after the
   * window's first frame, not before it. */
  gboolean first_frame_done;
  gboolean populated;
};

G_DEFINE_FINAL_TYPE (GmaFaqSidebar, gma_faq_sidebar, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GmaFaqEntry *
row_entry (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "gma-faq-entry");
}

static gboolean
entry_matches (GmaFaqEntry *entry,
               const char  *query)
{
  const char * const *keywords = gma_faq_entry_get_keywords (entry);
  g_autofree char *question = g_utf8_casefold (gma_faq_entry_get_question (entry), -1);
  g_autofree char *answer = g_utf8_casefold (gma_faq_entry_get_answer (entry), -1);

  if (strstr (question, query) != NULL || strstr (answer, query) != NULL)
    return TRUE;

  for (guint i = 0; keywords[i] != NULL; i++)
    {
      g_autofree char *keyword = g_utf8_casefold (keywords[i], -1);
      if (strstr (keyword, query) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GmaFaqSidebar *self = user_data;

  return self->query == NULL || entry_matches (row_entry (row), self->query);
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  GmaFaqEntry *entry = row_entry (row);
  GtkWidget *header;
  g_autofree char *text = NULL;

  if (before != NULL &&
      g_strcmp0 (gma_faq_entry_get_category_id (row_entry (before)),
                 gma_faq_entry_get_category_id (entry)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  text = g_strdup_printf ("%s %s", gma_faq_entry_get_category_id (entry),
                          gma_faq_entry_get_category_title (entry));
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (header, "faq-category");
  gtk_widget_add_css_class (header, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
new_row (GmaFaqEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = gtk_label_new (gma_faq_entry_get_number (entry));
  GtkWidget *question = gtk_label_new (gma_faq_entry_get_question (entry));
  g_autofree char *description = g_strdup_printf ("%s %s", gma_faq_entry_get_number (entry),
                                                  gma_faq_entry_get_question (entry));

  gtk_label_set_yalign (GTK_LABEL (number), 0);
  gtk_widget_add_css_class (number, "faq-number");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (question), 0);
  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (question), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (question, TRUE);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), question);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "faq-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "gma-faq-entry", g_object_ref (entry), g_object_unref);

  return row;
}

static guint
count_visible (GmaFaqSidebar *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        (self->query == NULL || entry_matches (row_entry (GTK_LIST_BOX_ROW (row)), self->query)))
      n++;

  return n;
}

static void
on_search_changed (GmaFaqSidebar  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->query, g_free);
  if (stripped[0] != '\0')
    self->query = g_utf8_casefold (stripped, -1);

  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_headers (self->list);
  gtk_widget_set_visible (self->empty_label, self->faq != NULL && count_visible (self) == 0);
}

static void
on_search_activate (GmaFaqSidebar  *self,
                    GtkSearchEntry *entry)
{
  /* Enter opens the first entry that matches. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        (self->query == NULL || entry_matches (row_entry (GTK_LIST_BOX_ROW (row)), self->query)))
      {
        g_signal_emit (self, signals[ENTRY_ACTIVATED], 0,
                       gma_faq_entry_get_id (row_entry (GTK_LIST_BOX_ROW (row))));
        return;
      }
}

static void
on_row_activated (GmaFaqSidebar *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, gma_faq_entry_get_id (row_entry (row)));
}

static void
populate (GmaFaqSidebar *self)
{
  GmaFaq *faq = self->faq;
  GtkWidget *child;
  const char * const *preface;

  g_clear_handle_id (&self->populate_idle, g_source_remove);
  self->populated = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preface_box))) != NULL)
    gtk_box_remove (self->preface_box, child);
  preface = gma_faq_get_preface (faq);
  for (guint i = 0; preface[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (preface[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->preface_box, label);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (faq)); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), i);
      gtk_list_box_append (self->list, new_row (entry));
    }

  on_search_changed (self, self->search_entry);
}

static gboolean
populate_cb (gpointer user_data)
{
  GmaFaqSidebar *self = user_data;

  self->populate_idle = 0;
  populate (self);

  return G_SOURCE_REMOVE;
}

static void
after_first_paint (GdkFrameClock *frame_clock,
                   GmaFaqSidebar *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_first_paint, self);

  self->first_frame_done = TRUE;
  if (self->faq != NULL && !self->populated && self->populate_idle == 0)
    self->populate_idle = g_idle_add (populate_cb, self);
}

static void
gma_faq_sidebar_realize (GtkWidget *widget)
{
  GmaFaqSidebar *self = GMA_FAQ_SIDEBAR (widget);

  GTK_WIDGET_CLASS (gma_faq_sidebar_parent_class)->realize (widget);

  if (!self->first_frame_done)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_first_paint), self, 0);
}

static void
ensure_populated (GmaFaqSidebar *self)
{
  if (self->faq != NULL && !self->populated)
    populate (self);
}

void
gma_faq_sidebar_set_faq (GmaFaqSidebar *self,
                         GmaFaq        *faq)
{
  g_return_if_fail (GMA_IS_FAQ_SIDEBAR (self));
  g_return_if_fail (GMA_IS_FAQ (faq));

  if (!g_set_object (&self->faq, faq))
    return;

  gtk_label_set_text (self->title_label, gma_faq_get_title (faq));
  self->populated = FALSE;
  if (self->first_frame_done)
    populate (self);
}

void
gma_faq_sidebar_select (GmaFaqSidebar *self,
                        const char    *id)
{
  g_return_if_fail (GMA_IS_FAQ_SIDEBAR (self));

  ensure_populated (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && id != NULL &&
        g_strcmp0 (gma_faq_entry_get_id (row_entry (GTK_LIST_BOX_ROW (row))), id) == 0)
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        return;
      }

  gtk_list_box_unselect_all (self->list);
}

void
gma_faq_sidebar_focus_search (GmaFaqSidebar *self)
{
  g_return_if_fail (GMA_IS_FAQ_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkEditable *
gma_faq_sidebar_get_search_entry (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkListBox *
gma_faq_sidebar_get_list (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  ensure_populated (self);
  return self->list;
}

GStrv
gma_faq_sidebar_dup_visible_ids (GmaFaqSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);

  ensure_populated (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        (self->query == NULL || entry_matches (row_entry (GTK_LIST_BOX_ROW (row)), self->query)))
      g_strv_builder_add (builder, gma_faq_entry_get_id (row_entry (GTK_LIST_BOX_ROW (row))));

  return g_strv_builder_end (builder);
}

static void
gma_faq_sidebar_dispose (GObject *object)
{
  GmaFaqSidebar *self = GMA_FAQ_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->populate_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GMA_TYPE_FAQ_SIDEBAR);
  /* GTK 4.8 only clears the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->faq);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (gma_faq_sidebar_parent_class)->dispose (object);
}

static void
gma_faq_sidebar_class_init (GmaFaqSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_faq_sidebar_dispose;
  widget_class->realize = gma_faq_sidebar_realize;

  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gma-faq-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, preface_box);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_css_name (widget_class, "faqsidebar");
}

static void
gma_faq_sidebar_init (GmaFaqSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
}
