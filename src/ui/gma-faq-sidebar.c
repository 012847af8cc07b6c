/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-faq-sidebar"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-a11y.h"
#include "gma-faq-sidebar.h"
#include "gma-resources.h"
#include "gma-router.h"

/* Characters of a snippet before its first match, at most. */
#define SNIPPET_BEFORE 6
/* Characters of a snippet from its first match on, at most (the label
 * ellipsizes what does not fit). */
#define SNIPPET_LENGTH 80

struct _GmaFaqSidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkWidget *browse_box;
  GtkLabel *title_label;
  GtkBox *preface_box;
  GtkListBox *list;
  GtkLabel *status_label;
  GtkListBox *results_list;
  GtkWidget *no_hits_box;
  GtkLabel *no_hits_label;
  GtkWidget *advice_box;
  GtkLabel *advice_label;
  GtkLabel *contact_label;

  /* Owned */
  GmaContent *content;
  GmaSearchIndex *index;
  char *query;   /* the search the results are for, or NULL */
  guint populate_idle;

  /* Wrapped labels are costly to measure, and the index reads every
   * page: both are made after the window's first frame, not before it. */
  gboolean first_frame_done;
  gboolean populated;
  /* An input method is composing: its pre-edit is not text yet. */
  gboolean preediting;
};

G_DEFINE_FINAL_TYPE (GmaFaqSidebar, gma_faq_sidebar, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  GUIDED_CHECK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GmaFaqEntry *
row_entry (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "gma-faq-entry");
}

static GmaSearchHit *
row_hit (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "gma-search-hit");
}

static void
move_header_before_row (GtkWidget     *header,
                        GParamSpec    *pspec,
                        GtkListBoxRow *row)
{
  GtkWidget *list = gtk_widget_get_parent (header);

  if (list != NULL && list == gtk_widget_get_parent (GTK_WIDGET (row)) &&
      gtk_widget_get_next_sibling (header) != GTK_WIDGET (row))
    gtk_widget_insert_before (header, list, GTK_WIDGET (row));
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
  /* A heading, read before the entries of its category. */
  header = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (header, "faq-category");
  gtk_widget_add_css_class (header, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  /* The list appends it to its children, after all the rows: once it
   * is there, it moves before its row, where assistive technology reads
   * it in order. */
  g_signal_connect_object (header, "notify::parent", G_CALLBACK (move_header_before_row), row, 0);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
new_row (GmaFaqEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
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
  /* A grid, not a horizontal box: a box sizes its children's widths for
   * the height it was given, and a wrapped label's width for a height is
   * not what it was measured with when the lines are of different
   * heights (a line with Japanese in it is taller in the fallback font):
   * a question that needs three lines then gets the width of two, wider
   * than the sidebar, and is cut at its edge. The grid gives the label
   * its width first and asks for its height at that width. */
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_attach (GTK_GRID (grid), number, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), question, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_widget_add_css_class (row, "faq-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "gma-faq-entry", g_object_ref (entry), g_object_unref);

  return row;
}

/* ---- hits ---------------------------------------------------------------- */

/* 「FAQ 3-2」, 「対応方法3」, 「はじめに」 */
static char *
hit_kind_label (GmaFaqSidebar *self,
                GmaSearchHit  *hit)
{
  const char *id = gma_search_hit_get_id (hit);
  const GmaNode *node;
  GmaFaqEntry *entry;
  const char *reference;

  switch (gma_content_resolve (self->content, id, &node, &entry))
    {
    case GMA_PAGE_FAQ:
      return g_strdup_printf ("FAQ %s", gma_faq_entry_get_number (entry));

    case GMA_PAGE_NODE:
      reference = gma_node_get_reference (node);
      if (reference != NULL && reference[0] != '\0')
        return g_strdup (reference);
      /* The question view's words for the same pages */
      if (gma_node_get_kind (node) == GMA_NODE_INTRO)
        return g_strdup (_("Introduction"));
      return g_strdup (_("What to do"));

    case GMA_PAGE_NONE:
    default:
      /* Not of this set: what the index says it is */
      if (gma_search_hit_get_kind (hit) == GMA_SEARCH_KIND_FAQ)
        return g_strdup_printf ("FAQ %s", id);
      return g_strdup (_("What to do"));
    }
}

/* Highlights @ranges of the original text in a label showing the bytes
 * [@from, @to) of it, preceded by @shift bytes of its own. */
static PangoAttrList *
highlight_attributes (const GmaSearchRange *ranges,
                      guint                 n_ranges,
                      gsize                 from,
                      gsize                 to,
                      gsize                 shift)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < n_ranges; i++)
    {
      gsize start = MAX (ranges[i].start, from);
      gsize end = MIN (ranges[i].end, to);
      PangoAttribute *attr;

      if (start >= end)
        continue;
      start = start - from + shift;
      end = end - from + shift;

      /* Bold, so that the highlight does not rest on colour alone. */
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      /* A yellow that reads on light and dark backgrounds alike. */
      attr = pango_attr_background_new (0xf5f5, 0xc2c2, 0x1111);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_background_alpha_new (0x6666);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }

  return attrs;
}

/* One line of @body around its first match @range: a little before it,
 * more after it, line breaks as spaces. Sets @attrs to its highlights. */
static char *
make_snippet (const char            *body,
              const GmaSearchRange  *ranges,
              guint                  n_ranges,
              PangoAttrList        **attrs)
{
  static const char ellipsis[] = "…";
  const char *start = body + ranges[0].start;
  const char *end = start;
  g_autoptr(GString) snippet = g_string_new (NULL);
  gsize shift = 0;

  for (guint i = 0; i < SNIPPET_BEFORE && start > body; i++)
    {
      const char *prev = g_utf8_find_prev_char (body, start);

      if (prev == NULL || *prev == '\n')
        break;
      start = prev;
    }
  for (guint i = 0; i < SNIPPET_LENGTH && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  /* A match is shown whole. */
  for (guint i = 0; i < n_ranges; i++)
    if (body + ranges[i].start < end && body + ranges[i].end > end)
      end = body + ranges[i].end;

  if (start > body && start[-1] != '\n')
    {
      g_string_append (snippet, ellipsis);
      shift = strlen (ellipsis);
    }
  for (const char *p = start; p < end; p++)
    g_string_append_c (snippet, *p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p);

  *attrs = highlight_attributes (ranges, n_ranges, start - body, end - body, shift);

  return g_string_free (g_steal_pointer (&snippet), FALSE);
}

static GtkWidget *
new_hit_row (GmaFaqSidebar *self,
             GmaSearchHit  *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind_label, *title_label;
  g_autofree char *kind = hit_kind_label (self, hit);
  g_autofree char *description = NULL;
  g_autoptr(PangoAttrList) title_attrs = NULL;
  const char *title = gma_search_hit_get_title (hit);
  const GmaSearchRange *ranges;
  guint n_title_ranges = 0, n_body_ranges = 0;
  gsize skip = 0;

  /* A page's indexed title starts with its reference, which the kind
   * label already shows. */
  if (g_str_has_prefix (title, kind) && title[strlen (kind)] == ' ')
    skip = strlen (kind) + 1;

  kind_label = gtk_label_new (kind);
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
  gtk_widget_add_css_class (kind_label, "search-kind");
  gtk_widget_add_css_class (kind_label, "caption");
  gtk_box_append (GTK_BOX (box), kind_label);

  ranges = gma_search_hit_get_ranges (hit, GMA_SEARCH_FIELD_TITLE, &n_title_ranges);
  title_attrs = highlight_attributes (ranges, n_title_ranges, skip, strlen (title), 0);
  title_label = gtk_label_new (title + skip);
  gtk_label_set_attributes (GTK_LABEL (title_label), title_attrs);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title_label, "search-title");
  gtk_box_append (GTK_BOX (box), title_label);

  /* Found only in the body: show where. */
  ranges = gma_search_hit_get_ranges (hit, GMA_SEARCH_FIELD_BODY, &n_body_ranges);
  if (n_title_ranges == 0 && n_body_ranges > 0)
    {
      g_autoptr(PangoAttrList) attrs = NULL;
      g_autofree char *text = make_snippet (gma_search_hit_get_body (hit), ranges, n_body_ranges, &attrs);
      GtkWidget *snippet = gtk_label_new (text);

      gtk_label_set_attributes (GTK_LABEL (snippet), attrs);
      gtk_label_set_xalign (GTK_LABEL (snippet), 0);
      gtk_label_set_single_line_mode (GTK_LABEL (snippet), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (snippet, "search-snippet");
      gtk_widget_add_css_class (snippet, "caption");
      gtk_box_append (GTK_BOX (box), snippet);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "search-row");
  description = g_strdup_printf ("%s %s", kind, title + skip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "gma-search-hit", gma_search_hit_ref (hit),
                          (GDestroyNotify) gma_search_hit_unref);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_results (GmaFaqSidebar *self,
              GPtrArray     *hits)
{
  gboolean searching = hits != NULL;

  clear_list (self->results_list);
  if (searching)
    {
      g_autofree char *status = NULL;

      for (guint i = 0; i < hits->len; i++)
        gtk_list_box_append (self->results_list, new_hit_row (self, g_ptr_array_index (hits, i)));

      status = g_strdup_printf (ngettext ("%u result", "%u results", hits->len), hits->len);
      gtk_label_set_text (self->status_label, status);
      /* GTK 4.8 reads a label of role "status" by its class name. */
      gma_a11y_set_label (GTK_WIDGET (self->status_label), status);

      if (hits->len == 0)
        {
          g_autofree char *nothing = g_strdup_printf (_("Nothing matches “%s”."), self->query);

          gtk_label_set_text (self->no_hits_label, nothing);
        }
    }

  gtk_widget_set_visible (self->browse_box, !searching);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), searching);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), searching && hits->len > 0);
  gtk_widget_set_visible (self->no_hits_box, searching && hits->len == 0);
}

static void populate (GmaFaqSidebar *self);

/* Runs the search for the entry's committed text, unless it is the one
 * shown already. */
static void
run_search (GmaFaqSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) hits = NULL;

  if (self->content == NULL)
    return;
  if (!self->populated)
    {
      /* populate() runs the search when it is done. */
      populate (self);
      return;
    }

  if (stripped[0] == '\0')
    {
      if (self->query == NULL && gtk_widget_get_visible (self->browse_box))
        return;
      g_clear_pointer (&self->query, g_free);
      show_results (self, NULL);
      return;
    }

  if (g_strcmp0 (stripped, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&stripped);
  hits = gma_search_index_query (self->index, self->query);
  show_results (self, hits);
}

static void
on_search_changed (GmaFaqSidebar  *self,
                   GtkSearchEntry *entry)
{
  /* search-changed also comes while an input method composes (some
   * insert their pre-edit as text): wait for the commit. */
  if (self->preediting)
    return;

  run_search (self);
}

static void
on_preedit_changed (GmaFaqSidebar *self,
                    const char    *preedit,
                    GtkText       *text)
{
  gboolean preediting = preedit != NULL && preedit[0] != '\0';

  if (preediting == self->preediting)
    return;

  self->preediting = preediting;
  /* Committed (or cancelled): search what is there now. If the commit
   * comes after this, search-changed follows it. */
  if (!preediting)
    run_search (self);
}

static void
activate_row (GmaFaqSidebar *self,
              GtkListBoxRow *row)
{
  g_autofree char *uri = NULL;

  if (row_entry (row) != NULL)
    uri = gma_router_uri (GMA_ROUTE_FAQ, gma_faq_entry_get_id (row_entry (row)));
  else if (row_hit (row) != NULL)
    {
      GmaSearchHit *hit = row_hit (row);
      GmaRoute route = gma_search_hit_get_kind (hit) == GMA_SEARCH_KIND_FAQ ? GMA_ROUTE_FAQ : GMA_ROUTE_PAGE;

      uri = gma_router_uri_for_search (route, gma_search_hit_get_id (hit), self->query);
    }

  if (uri != NULL)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, uri);
}

static void
on_search_activate (GmaFaqSidebar  *self,
                    GtkSearchEntry *entry)
{
  GtkListBoxRow *row;

  /* Enter searches now (not after the entry's delay), then opens the
   * best hit. With no words, it does nothing: there is no best entry. */
  if (self->preediting)
    return;
  run_search (self);
  if (self->query == NULL)
    return;

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row != NULL)
    activate_row (self, row);
}

static void
on_stop_search (GmaFaqSidebar  *self,
                GtkSearchEntry *entry)
{
  /* Escape: back to the whole FAQ. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  run_search (self);
}

static void
on_row_activated (GmaFaqSidebar *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  activate_row (self, row);
}

static void
on_check_clicked (GmaFaqSidebar *self,
                  GtkButton     *button)
{
  g_signal_emit (self, signals[GUIDED_CHECK_REQUESTED], 0);
}

static gboolean
on_entry_key_pressed (GmaFaqSidebar         *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkListBox *list;
  GtkListBoxRow *row;

  /* While composing, Down belongs to the input method (its candidates). */
  if (self->preediting || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  run_search (self);
  list = self->query != NULL ? self->results_list : self->list;
  row = gtk_list_box_get_row_at_index (list, 0);
  if (row == NULL)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
populate (GmaFaqSidebar *self)
{
  GmaFaq *faq = gma_content_get_faq (self->content);
  GtkWidget *child;
  const char * const *preface;
  g_autofree char *advice = NULL;

  g_clear_handle_id (&self->populate_idle, g_source_remove);
  self->populated = TRUE;

  /* The index of --search: the same hits in the same order. */
  g_clear_pointer (&self->index, gma_search_index_unref);
  self->index = gma_search_index_new_for_content (self->content);

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

  advice = gma_faq_get_advice (faq);
  gtk_label_set_text (self->advice_label, advice != NULL ? advice : "");
  gtk_widget_set_visible (self->advice_box, advice != NULL && advice[0] != '\0');

  clear_list (self->list);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (faq)); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), i);
      gtk_list_box_append (self->list, new_row (entry));
    }

  /* Whatever was typed before: search it with the new index. */
  g_clear_pointer (&self->query, g_free);
  clear_list (self->results_list);
  if (!self->preediting)
    run_search (self);
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
  if (self->content != NULL && !self->populated && self->populate_idle == 0)
    self->populate_idle = g_idle_add_full (G_PRIORITY_LOW, populate_cb, self, NULL);
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
  if (self->content != NULL && !self->populated)
    populate (self);
}

void
gma_faq_sidebar_set_content (GmaFaqSidebar *self,
                             GmaContent    *content)
{
  g_return_if_fail (GMA_IS_FAQ_SIDEBAR (self));
  g_return_if_fail (GMA_IS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  gtk_label_set_text (self->title_label, gma_faq_get_title (gma_content_get_faq (content)));
  self->populated = FALSE;
  g_clear_pointer (&self->index, gma_search_index_unref);
  if (self->first_frame_done)
    populate (self);
}

static gboolean
select_in (GtkListBox *list,
           const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *row;
      const char *row_id;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      row = GTK_LIST_BOX_ROW (child);
      row_id = row_entry (row) != NULL ? gma_faq_entry_get_id (row_entry (row))
                                       : gma_search_hit_get_id (row_hit (row));
      if (id != NULL && g_strcmp0 (row_id, id) == 0)
        {
          gtk_list_box_select_row (list, row);
          return TRUE;
        }
    }

  gtk_list_box_unselect_all (list);
  return FALSE;
}

void
gma_faq_sidebar_select (GmaFaqSidebar *self,
                        const char    *id)
{
  g_return_if_fail (GMA_IS_FAQ_SIDEBAR (self));

  ensure_populated (self);
  select_in (self->list, id);
  select_in (self->results_list, id);
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

GtkListBox *
gma_faq_sidebar_get_results_list (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  ensure_populated (self);
  return self->results_list;
}

const char *
gma_faq_sidebar_get_query (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  return self->query;
}

GmaSearchHit *
gma_faq_sidebar_get_row_hit (GmaFaqSidebar *self,
                             GtkListBoxRow *row)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);
  return row_hit (row);
}

GtkWidget *
gma_faq_sidebar_get_no_hits (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  return self->no_hits_box;
}

void
gma_faq_sidebar_set_contact (GmaFaqSidebar    *self,
                             const GmaContact *contact)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *value;

  g_return_if_fail (GMA_IS_FAQ_SIDEBAR (self));

  if (!gma_contact_is_empty (contact))
    {
      g_string_append (text, _("The prefecture’s counter:"));
      if ((value = gma_contact_get (contact, GMA_CONTACT_NAME)) != NULL)
        g_string_append_printf (text, "\n%s", value);
      if ((value = gma_contact_get (contact, GMA_CONTACT_PHONE)) != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Telephone: %s"), value);
        }
      if ((value = gma_contact_get (contact, GMA_CONTACT_HOURS)) != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Hours: %s"), value);
        }
      if ((value = gma_contact_get (contact, GMA_CONTACT_URL)) != NULL)
        g_string_append_printf (text, "\n%s", value);
    }

  gtk_label_set_text (self->contact_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), text->len > 0);
}

GtkLabel *
gma_faq_sidebar_get_contact_label (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  return self->contact_label;
}

GtkLabel *
gma_faq_sidebar_get_advice_label (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  return self->advice_label;
}

GtkLabel *
gma_faq_sidebar_get_status_label (GmaFaqSidebar *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);
  return self->status_label;
}

GStrv
gma_faq_sidebar_dup_visible_ids (GmaFaqSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBox *list;

  g_return_val_if_fail (GMA_IS_FAQ_SIDEBAR (self), NULL);

  ensure_populated (self);
  list = self->query != NULL ? self->results_list : self->list;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *row;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      row = GTK_LIST_BOX_ROW (child);
      g_strv_builder_add (builder, row_entry (row) != NULL ? gma_faq_entry_get_id (row_entry (row))
                                                           : gma_search_hit_get_id (row_hit (row)));
    }

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
  g_clear_object (&self->content);
  g_clear_pointer (&self->index, gma_search_index_unref);
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

  /* (const char *uri): the page to show */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Nothing was found and the person asked for the guided check. */
  signals[GUIDED_CHECK_REQUESTED] =
    g_signal_new ("guided-check-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gma_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/gma-faq-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, browse_box);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, preface_box);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, status_label);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, results_list);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, no_hits_box);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, no_hits_label);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, advice_box);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, advice_label);
  gtk_widget_class_bind_template_child (widget_class, GmaFaqSidebar, contact_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
  gtk_widget_class_set_css_name (widget_class, "faqsidebar");
}

static void
gma_faq_sidebar_init (GmaFaqSidebar *self)
{
  GtkEventController *keys;
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A region of the window, named (GTK 4.8 would say "GmaFaqSidebar"). */
  gma_a11y_set_label (GTK_WIDGET (self), _("Frequently Asked Questions"));

  gtk_list_box_set_header_func (self->list, update_header, self, NULL);

  /* Pre-edit is a signal of the entry's GtkText. */
  text = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (text, "preedit-changed",
                           G_CALLBACK (on_preedit_changed), self, G_CONNECT_SWAPPED);

  /* Down goes from the entry into the list. Capture phase: before the
   * entry's text moves its cursor. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "gma-search-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed",
                           G_CALLBACK (on_entry_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
