/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page pane's page as accessible GTK widgets (see gma-page-outline.h).
 *
 * It takes no room (it asks for none and lays its widgets out at the
 * pane's width, as tall as they need, clipped), draws nothing and is
 * neither picked nor focused: only assistive technology finds it. */
#define G_LOG_DOMAIN "gma-page-outline"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gma-page-outline.h"

struct _GmaPageOutline
{
  GtkWidget parent_instance;

  char *uri;
  char *title;
};

G_DEFINE_FINAL_TYPE (GmaPageOutline, gma_page_outline, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A paragraph's role: GTK 4.14 has one; before, a label is one. */
#if GTK_CHECK_VERSION (4, 14, 0)
#define PARAGRAPH_ROLE GTK_ACCESSIBLE_ROLE_PARAGRAPH
#else
#define PARAGRAPH_ROLE GTK_ACCESSIBLE_ROLE_LABEL
#endif

static gboolean
on_link_activated (GtkLinkButton  *button,
                   GmaPageOutline *self)
{
  const char *href = g_object_get_data (G_OBJECT (button), "gma-href");
  g_autofree char *uri = g_uri_resolve_relative (self->uri, href, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL)
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri);
  /* Never GTK's own handling (it would open the URI itself). */
  return TRUE;
}

static GtkWidget *
text_new (const char        *text,
          GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   "accessible-role", role,
                                   NULL);

  return label;
}

static GtkWidget *
link_new (GmaPageOutline       *self,
          const GmaOutlineNode *node)
{
  g_autofree char *name = gma_outline_node_get_name (node);
  GtkWidget *button = gtk_link_button_new_with_label (node->href, node->text[0] != '\0' ? node->text : name);

  /* Activated through assistive technology, never focused: Tab goes
   * through the page's own links in the web view. */
  gtk_widget_set_focusable (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "gma-href", g_strdup (node->href), g_free);
  g_signal_connect_object (button, "activate-link", G_CALLBACK (on_link_activated), self, 0);
  return button;
}

static void
set_heading_level (GtkWidget *widget,
                   guint      level)
{
  g_autofree char *description = NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) level, -1);
  /* GTK 4.8 does not pass the level property on to AT-SPI: the words
   * say it there. */
  description = g_strdup_printf (_("Heading level %u"), level);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static GtkWidget *
words_new (GmaPageOutline       *self,
           const GmaOutlineNode *node)
{
  gboolean has_links = FALSE;
  GtkWidget *widget;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    if (((GmaOutlineNode *) g_ptr_array_index (node->children, i))->kind == GMA_OUTLINE_LINK)
      has_links = TRUE;

  /* A paragraph that is one link is that link. */
  if (node->kind == GMA_OUTLINE_PARAGRAPH && node->children->len == 1 && has_links)
    return link_new (self, g_ptr_array_index (node->children, 0));

  if (!has_links)
    {
      /* One label: its text is the heading's or the paragraph's. */
      g_autofree char *text = gma_outline_node_get_text (node);

      widget = text_new (text, node->kind == GMA_OUTLINE_HEADING ? GTK_ACCESSIBLE_ROLE_HEADING
                                                                 : PARAGRAPH_ROLE);
    }
  else
    {
      /* The words and links in their order, each a widget. */
      GtkAccessibleRole role = node->kind == GMA_OUTLINE_HEADING ? GTK_ACCESSIBLE_ROLE_HEADING
                                                                 : GTK_ACCESSIBLE_ROLE_GROUP;

      widget = g_object_new (GTK_TYPE_BOX, "accessible-role", role, NULL);
      if (node->kind == GMA_OUTLINE_HEADING)
        {
          g_autofree char *name = gma_outline_node_get_text (node);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      for (guint i = 0; i < node->children->len; i++)
        {
          const GmaOutlineNode *child = g_ptr_array_index (node->children, i);
          g_autofree char *text = NULL;

          if (child->kind == GMA_OUTLINE_LINK)
            {
              gtk_box_append (GTK_BOX (widget), link_new (self, child));
              continue;
            }
          text = g_strstrip (g_strdup (child->text));
          if (text[0] != '\0')
            gtk_box_append (GTK_BOX (widget), text_new (text, GTK_ACCESSIBLE_ROLE_LABEL));
        }
    }

  if (node->kind == GMA_OUTLINE_HEADING)
    set_heading_level (widget, node->level);

  return widget;
}

static GtkWidget *node_new (GmaPageOutline *self, const GmaOutlineNode *node);

static GtkWidget *
blocks_new (GmaPageOutline       *self,
            const GmaOutlineNode *node,
            GtkAccessibleRole     role)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "accessible-role", role,
                                 NULL);

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      GtkWidget *child = node_new (self, g_ptr_array_index (node->children, i));

      if (child != NULL)
        gtk_box_append (GTK_BOX (box), child);
    }

  return box;
}

static GtkWidget *
node_new (GmaPageOutline       *self,
          const GmaOutlineNode *node)
{
  GtkWidget *widget;

  switch (node->kind)
    {
    case GMA_OUTLINE_HEADING:
    case GMA_OUTLINE_PARAGRAPH:
      return words_new (self, node);

    case GMA_OUTLINE_LIST:
      widget = blocks_new (self, node, GTK_ACCESSIBLE_ROLE_LIST);
      /* Unnamed, not "GtkBox". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      return widget;

    case GMA_OUTLINE_LIST_ITEM:
      return blocks_new (self, node, GTK_ACCESSIBLE_ROLE_LIST_ITEM);

    case GMA_OUTLINE_IMAGE:
      widget = text_new (node->text, GTK_ACCESSIBLE_ROLE_IMG);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, node->text, -1);
      return widget;

    case GMA_OUTLINE_LINK:
      return link_new (self, node);

    case GMA_OUTLINE_TEXT:
      return node->text[0] != '\0' ? text_new (node->text, GTK_ACCESSIBLE_ROLE_LABEL) : NULL;

    case GMA_OUTLINE_DOCUMENT:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* No room asked for: the pane's size is the web view's affair. */
static void
gma_page_outline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
}

/* The blocks one under the other, at the pane's width (or the least
 * each takes) and as tall as they are: a screen reader's review finds
 * them where the page is. */
static void
gma_page_outline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_width, NULL, NULL, NULL);
      child_width = MAX (width, child_width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
      gtk_widget_allocate (child, child_width, child_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_height;
    }
}

/* Never drawn: the web view above shows the page. */
static void
gma_page_outline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
}

static void
gma_page_outline_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gma_page_outline_parent_class)->dispose (object);
}

static void
gma_page_outline_finalize (GObject *object)
{
  GmaPageOutline *self = GMA_PAGE_OUTLINE (object);

  g_free (self->uri);
  g_free (self->title);

  G_OBJECT_CLASS (gma_page_outline_parent_class)->finalize (object);
}

static void
gma_page_outline_class_init (GmaPageOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_page_outline_dispose;
  object_class->finalize = gma_page_outline_finalize;
  widget_class->measure = gma_page_outline_measure;
  widget_class->size_allocate = gma_page_outline_size_allocate;
  widget_class->snapshot = gma_page_outline_snapshot;

  /* A link was activated (through assistive technology): where it leads
   * (its href made absolute against the page's URI). */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "pageoutline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
gma_page_outline_init (GmaPageOutline *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
gma_page_outline_new (const GmaOutline *outline,
                      const char       *uri)
{
  GmaPageOutline *self;
  const GmaOutlineNode *root;
  const char *title;

  g_return_val_if_fail (outline != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (GMA_TYPE_PAGE_OUTLINE, NULL);
  self->uri = g_strdup (uri);
  root = gma_outline_get_root (outline);
  for (guint i = 0; root->children != NULL && i < root->children->len; i++)
    {
      GtkWidget *child = node_new (self, g_ptr_array_index (root->children, i));

      if (child != NULL)
        gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
    }

  title = gma_outline_get_title (outline);
  self->title = g_strdup (title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);

  return GTK_WIDGET (self);
}

const char *
gma_page_outline_get_uri (GmaPageOutline *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_OUTLINE (self), NULL);
  return self->uri;
}

const char *
gma_page_outline_get_title (GmaPageOutline *self)
{
  g_return_val_if_fail (GMA_IS_PAGE_OUTLINE (self), NULL);
  return self->title;
}

/* ---- the outline kept with a web view ------------------------------------------ */

#define VIEW_KEY "gma-page-outline-view"

typedef struct
{
  GmaOutline *outline;  /* read from the HTML last served… */
  char *uri;            /* …for this URI */
  GtkWidget *widget;    /* the GmaPageOutline of the page shown, or NULL */
  gboolean fresh;       /* read since the widget was built: the same URI
                         * may have been served again with other HTML
                         * (the mail checker's page, a new counter) */
} ViewOutline;

static void
view_outline_free (gpointer data)
{
  ViewOutline *view = data;

  g_clear_pointer (&view->outline, gma_outline_free);
  g_free (view->uri);
  g_clear_pointer (&view->widget, gtk_widget_unparent);
  g_free (view);
}

/* Whether @a and @b are the same page (what follows a '#' aside). */
static gboolean
same_page (const char *a,
           const char *b)
{
  gsize a_len, b_len;

  if (a == NULL || b == NULL)
    return FALSE;
  a_len = strcspn (a, "#");
  b_len = strcspn (b, "#");
  return a_len == b_len && strncmp (a, b, a_len) == 0;
}

void
gma_page_outline_read (GtkWidget  *view,
                       const char *uri,
                       GBytes     *html)
{
  ViewOutline *data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaOutline) outline = NULL;
  gsize len;
  const char *text;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (html != NULL);

  text = g_bytes_get_data (html, &len);
  outline = gma_outline_new_from_html (text != NULL ? text : "", len, &error);
  if (outline == NULL)
    g_warning ("%s cannot be offered to assistive technology: %s", uri, error->message);

  data = g_object_get_data (G_OBJECT (view), VIEW_KEY);
  if (data == NULL)
    {
      data = g_new0 (ViewOutline, 1);
      g_object_set_data_full (G_OBJECT (view), VIEW_KEY, data, view_outline_free);
    }
  g_clear_pointer (&data->outline, gma_outline_free);
  data->outline = g_steal_pointer (&outline);
  g_free (data->uri);
  data->uri = g_strdup (uri);
  data->fresh = TRUE;
}

GmaPageOutline *
gma_page_outline_sync (GtkWidget  *view,
                       const char *uri,
                       GtkWidget  *parent,
                       gboolean    shown,
                       gboolean   *created)
{
  ViewOutline *data;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  if (created != NULL)
    *created = FALSE;
  data = g_object_get_data (G_OBJECT (view), VIEW_KEY);
  if (data == NULL)
    return NULL;

  /* Built for another page, or from HTML served before the page now
   * shown: it goes. */
  if (data->widget != NULL &&
      (!same_page (gma_page_outline_get_uri (GMA_PAGE_OUTLINE (data->widget)), uri) ||
       (data->fresh && same_page (data->uri, uri))))
    g_clear_pointer (&data->widget, gtk_widget_unparent);

  if (data->widget == NULL && data->outline != NULL && same_page (data->uri, uri))
    {
      data->widget = gma_page_outline_new (data->outline, data->uri);
      data->fresh = FALSE;
      /* The first child is under the others. */
      gtk_widget_insert_after (data->widget, parent, NULL);
      if (created != NULL)
        *created = TRUE;
    }

  if (data->widget == NULL)
    return NULL;

  gtk_accessible_update_state (GTK_ACCESSIBLE (data->widget), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
  return GMA_PAGE_OUTLINE (data->widget);
}

void
gma_page_outline_forget (GtkWidget *view)
{
  g_return_if_fail (GTK_IS_WIDGET (view));

  g_object_set_data (G_OBJECT (view), VIEW_KEY, NULL);
}

gboolean
gma_page_outline_web_view_offers_page (GtkWidget *view)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  GtkAccessible *child;

  g_return_val_if_fail (GTK_IS_WIDGET (view), FALSE);
  gboolean socket;

  /* GTK 4.10 API, above GDK_VERSION_MAX_ALLOWED: only built with 4.14. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  child = gtk_accessible_get_first_accessible_child (GTK_ACCESSIBLE (view));
  G_GNUC_END_IGNORE_DEPRECATIONS
  socket = child != NULL && g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkAtSpiSocket");
  g_clear_object (&child);
  return socket;
#else
  return FALSE;
#endif
}
