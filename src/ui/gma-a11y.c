/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-a11y"
#include "config.h"

#include <string.h>

#include "gma-a11y.h"

char *
gma_a11y_strip_mnemonic (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      /* 「(_S)」, the Japanese way: the key in brackets after the words. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (p[0] == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

void
gma_a11y_set_label (GtkWidget  *widget,
                    const char *text)
{
  g_autofree char *plain = gma_a11y_strip_mnemonic (text);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

void
gma_a11y_name_button (GtkButton *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gma_a11y_set_label (GTK_WIDGET (button), gtk_button_get_label (button));
  /* The mnemonic's label says it labels the button; GTK 4.8 adds its
   * words to the name, with the key in brackets: said twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
gma_a11y_name_icon_buttons (GtkWidget  *widget,
                            const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    gma_a11y_set_label (widget, name);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gma_a11y_name_icon_buttons (child, name);
}

static void
update_revealer_visible (GtkRevealer *revealer)
{
  gtk_widget_set_visible (GTK_WIDGET (revealer),
                          gtk_revealer_get_reveal_child (revealer) || gtk_revealer_get_child_revealed (revealer));
}

void
gma_a11y_hide_when_closed (GtkRevealer *revealer)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (update_revealer_visible), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (update_revealer_visible), NULL);
  update_revealer_visible (revealer);
}
