/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-qr-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gma-qr.h"
#include "gma-qr-view.h"

/* Modules are drawn this large so that the picture is only ever scaled
 * down, which keeps their edges sharp with GTK 4.8's linear filter. */
#define QR_TARGET_PX 960

struct _GmaQrView
{
  GtkWidget   parent_instance;

  /* Children */
  GtkWidget  *caption_label;
  GtkWidget  *picture;
  GtkWidget  *text_label;
  GtkWidget  *close_button;

  /* Owned */
  char       *text;
  GdkTexture *texture;
};

G_DEFINE_FINAL_TYPE (GmaQrView, gma_qr_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

enum {
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
close_clicked_cb (GmaQrView *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
gma_qr_view_dispose (GObject *object)
{
  GmaQrView *self = (GmaQrView *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (gma_qr_view_parent_class)->dispose (object);
}

static void
gma_qr_view_finalize (GObject *object)
{
  GmaQrView *self = (GmaQrView *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (gma_qr_view_parent_class)->finalize (object);
}

static void
gma_qr_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GmaQrView *self = GMA_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_qr_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GmaQrView *self = GMA_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      gma_qr_view_set_text (self, g_value_get_string (value), NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_qr_view_class_init (GmaQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gma_qr_view_dispose;
  object_class->finalize = gma_qr_view_finalize;
  object_class->get_property = gma_qr_view_get_property;
  object_class->set_property = gma_qr_view_set_property;

  /**
   * GmaQrView:text:
   *
   * The text shown as a QR code and in large type below it.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GmaQrView::closed:
   *
   * Emitted when the visitor presses the Close button.
   */
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qrview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gma_qr_view_init (GmaQrView *self)
{
  GtkLayoutManager *layout;

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  self->caption_label = g_object_new (GTK_TYPE_LABEL,
                                      "wrap", TRUE,
                                      "justify", GTK_JUSTIFY_CENTER,
                                      "selectable", FALSE,
                                      NULL);
  gtk_widget_add_css_class (self->caption_label, "qr-caption");
  gtk_widget_set_parent (self->caption_label, GTK_WIDGET (self));

  self->picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (self->picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (self->picture, 320, 320);
  gtk_widget_set_vexpand (self->picture, TRUE);
  gtk_widget_set_hexpand (self->picture, TRUE);
  gtk_widget_add_css_class (self->picture, "qr-code");
  gtk_widget_set_parent (self->picture, GTK_WIDGET (self));

  self->text_label = g_object_new (GTK_TYPE_LABEL,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "justify", GTK_JUSTIFY_CENTER,
                                   "selectable", FALSE,
                                   NULL);
  gtk_widget_add_css_class (self->text_label, "qr-text");
  gtk_widget_set_parent (self->text_label, GTK_WIDGET (self));

  self->close_button = gtk_button_new_with_label (_("Close"));
  gtk_widget_set_halign (self->close_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->close_button, "pill");
  gtk_widget_add_css_class (self->close_button, "suggested-action");
  gtk_widget_add_css_class (self->close_button, "qr-close");
  gtk_widget_set_size_request (self->close_button, 240, 64);
  g_signal_connect_swapped (self->close_button, "clicked",
                            G_CALLBACK (close_clicked_cb), self);
  gtk_widget_set_parent (self->close_button, GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-qr-view");
}

/**
 * gma_qr_view_new:
 *
 * Returns: (transfer floating): a new, empty #GmaQrView
 */
GtkWidget *
gma_qr_view_new (void)
{
  return g_object_new (GMA_TYPE_QR_VIEW, NULL);
}

static int
module_px_for_text (const char *text)
{
  g_autoptr(GdkTexture) probe = NULL;
  int modules;

  /* Encode once at one pixel per module to learn the symbol's size. */
  probe = gma_qr_texture_new (text, 1, NULL);
  if (probe == NULL)
    return 1;

  modules = gdk_texture_get_width (probe);

  return CLAMP (QR_TARGET_PX / modules, 1, GMA_QR_MAX_MODULE_PX);
}

/**
 * gma_qr_view_set_text:
 * @self: a #GmaQrView
 * @text: (nullable): the text to show, usually a URL
 * @caption: (nullable): what to tell the visitor, or %NULL for the
 *   default “Scan with your phone”
 *
 * Shows @text as a large QR code with the text itself below it. If the
 * text cannot be encoded (too long), only the text is shown.
 */
void
gma_qr_view_set_text (GmaQrView  *self,
                      const char *text,
                      const char *caption)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GMA_IS_QR_VIEW (self));

  gtk_label_set_text (GTK_LABEL (self->caption_label),
                      caption != NULL ? caption : _("Scan with your phone"));

  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  g_clear_object (&self->texture);

  if (text != NULL && *text != '\0')
    {
      self->texture = gma_qr_texture_new (text, module_px_for_text (text), &error);
      if (self->texture == NULL)
        g_debug ("No QR code for “%s”: %s", text, error->message);
    }

  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (self->texture));
  gtk_widget_set_visible (self->picture, self->texture != NULL);
  gtk_label_set_text (GTK_LABEL (self->text_label), text != NULL ? text : "");

  if (self->texture != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("QR code"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * gma_qr_view_set_uri:
 * @self: a #GmaQrView
 * @uri: an http:, https: or mailto: URI
 *
 * Shows a link the content meant to open. For http and https the QR code
 * and the text are the URL. For mailto the QR code holds the mailto: URI,
 * so a phone opens its mail app, and the text is the bare address.
 *
 * Returns: %TRUE if @uri was shown, %FALSE if its scheme is not one of
 *   the above (nothing changes then)
 */
gboolean
gma_qr_view_set_uri (GmaQrView  *self,
                     const char *uri)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (GMA_IS_QR_VIEW (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 ||
      g_ascii_strcasecmp (scheme, "https") == 0)
    {
      gma_qr_view_set_text (self, uri, NULL);
      return TRUE;
    }

  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    {
      const char *rest = uri + strlen (scheme) + 1;
      g_autofree char *path = g_strndup (rest, strcspn (rest, "?#"));
      g_autofree char *address = g_uri_unescape_string (path, NULL);

      if (address == NULL || *address == '\0')
        return FALSE;

      gma_qr_view_set_text (self, uri, NULL);
      /* The code carries the whole URI; the visitor reads the address. */
      gtk_label_set_text (GTK_LABEL (self->text_label), address);
      gtk_label_set_text (GTK_LABEL (self->caption_label),
                          _("Scan with your phone to write to this address"));
      return TRUE;
    }

  return FALSE;
}

/**
 * gma_qr_view_get_text:
 * @self: a #GmaQrView
 *
 * Returns: (nullable): the encoded text
 */
const char *
gma_qr_view_get_text (GmaQrView *self)
{
  g_return_val_if_fail (GMA_IS_QR_VIEW (self), NULL);

  return self->text;
}

/**
 * gma_qr_view_get_texture:
 * @self: a #GmaQrView
 *
 * Returns: (transfer none) (nullable): the QR code shown, or %NULL if the
 *   text could not be encoded
 */
GdkTexture *
gma_qr_view_get_texture (GmaQrView *self)
{
  g_return_val_if_fail (GMA_IS_QR_VIEW (self), NULL);

  return self->texture;
}
