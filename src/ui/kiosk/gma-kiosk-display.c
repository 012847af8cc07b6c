/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-kiosk"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-kiosk-display.h"

#define LARGE_TEXT_FACTOR 1.5

static void
on_large_text_toggled (GtkToggleButton *button)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (button));
  int dpi = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gma-desktop-dpi"));

  if (gtk_toggle_button_get_active (button))
    {
      g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
      /* -1: the default, 96 dots per inch (in 1024ths). */
      if (dpi <= 0)
        dpi = 96 * 1024;
      g_object_set_data (G_OBJECT (button), "gma-desktop-dpi", GINT_TO_POINTER (dpi));
      g_object_set (settings, "gtk-xft-dpi", (int) (dpi * LARGE_TEXT_FACTOR), NULL);
    }
  else if (dpi != 0)
    {
      g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
      g_object_set_data (G_OBJECT (button), "gma-desktop-dpi", NULL);
    }
}

static void
on_high_contrast_toggled (GtkToggleButton *button)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (button));
  const char *theme = g_object_get_data (G_OBJECT (button), "gma-desktop-theme");

  if (gtk_toggle_button_get_active (button))
    {
      g_autofree char *desktop = NULL;

      g_object_get (settings, "gtk-theme-name", &desktop, NULL);
      g_object_set_data_full (G_OBJECT (button), "gma-desktop-theme", g_steal_pointer (&desktop), g_free);
      g_object_set (settings, "gtk-theme-name", "HighContrast", NULL);
    }
  else if (theme != NULL)
    {
      g_object_set (settings, "gtk-theme-name", theme, NULL);
      g_object_set_data (G_OBJECT (button), "gma-desktop-theme", NULL);
    }
}

/* Pressed or not, said to assistive technology too (GTK 4.8 does not). */
static void
on_toggled_state (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                               gtk_toggle_button_get_active (button), -1);
}

static GtkWidget *
new_toggle (const char *label,
            GCallback   callback)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "kiosk-display");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (button, "toggled", callback, NULL);
  g_signal_connect (button, "toggled", G_CALLBACK (on_toggled_state), NULL);
  on_toggled_state (GTK_TOGGLE_BUTTON (button));
  return button;
}

GtkWidget *
gma_kiosk_display_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (box, "kiosk-display-row");
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), new_toggle (_("Larger Text"), G_CALLBACK (on_large_text_toggled)));
  gtk_box_append (GTK_BOX (box), new_toggle (_("High Contrast"), G_CALLBACK (on_high_contrast_toggled)));
  return box;
}

void
gma_kiosk_display_reset (GtkWidget *display)
{
  g_return_if_fail (GTK_IS_BOX (display));

  for (GtkWidget *child = gtk_widget_get_first_child (display); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), FALSE);
}
