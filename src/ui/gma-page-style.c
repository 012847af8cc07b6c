/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The style sheet the pages get for the desktop's contrast (see
 * gma-page-style.h). */
#define G_LOG_DOMAIN "gma-page-style"
#include "config.h"

#include <string.h>

#include "gma-page-style.h"

static void
append_resource (GString    *css,
                 const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/web/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_return_if_fail (bytes != NULL);
  g_string_append_len (css, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
gma_page_style_for_settings (GtkSettings *settings)
{
  GObjectClass *klass;
  g_autofree char *theme = NULL;
  const char *env = g_getenv ("GTK_THEME");
  gboolean prefer_dark = FALSE;
  int contrast = 0, scheme = 0;
  gboolean dark;
  GString *css;

  g_return_val_if_fail (GTK_IS_SETTINGS (settings), NULL);

  klass = G_OBJECT_GET_CLASS (settings);
  g_object_get (settings, "gtk-theme-name", &theme, "gtk-application-prefer-dark-theme", &prefer_dark, NULL);
  /* GTK_THEME=Name[:variant] overrides the setting. */
  if (env != NULL && env[0] != '\0')
    {
      g_free (theme);
      theme = g_strdup (env);
    }
  /* GTK 4.20 has the desktop's preferences as settings of their own
   * (GTK_INTERFACE_CONTRAST_MORE is 1, GTK_INTERFACE_COLOR_SCHEME_DARK 2). */
  if (g_object_class_find_property (klass, "gtk-interface-contrast") != NULL)
    g_object_get (settings, "gtk-interface-contrast", &contrast, NULL);
  if (g_object_class_find_property (klass, "gtk-interface-color-scheme") != NULL)
    g_object_get (settings, "gtk-interface-color-scheme", &scheme, NULL);
  if (theme == NULL)
    theme = g_strdup ("");

  /* GTK 4.8 knows the inverse theme as "HighConstrastInverse" (sic) and
   * draws the window light under "HighContrastInverse"; the pages are
   * light on black under either, as the person asked. */
  if (contrast != 1 && !g_str_has_prefix (theme, "HighContrast") &&
      !g_str_has_prefix (theme, "HighConstrastInverse") && !g_str_has_prefix (theme, "Default-hc"))
    return NULL;

  dark = prefer_dark || scheme == 2 || strstr (theme, "Inverse") != NULL ||
         g_str_has_suffix (theme, "-dark") || g_str_has_suffix (theme, ":dark");
  css = g_string_new (NULL);
  append_resource (css, "high-contrast.css");
  if (dark)
    append_resource (css, "high-contrast-dark.css");
  return g_string_free (css, FALSE);
}

void
gma_page_style_watch (GtkSettings *settings,
                      GCallback    callback,
                      gpointer     object)
{
  static const char * const names[] = {
    "gtk-theme-name", "gtk-application-prefer-dark-theme",
    "gtk-interface-contrast", "gtk-interface-color-scheme",
  };

  g_return_if_fail (GTK_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_OBJECT (object));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (settings), names[i]) != NULL)
      {
        g_autofree char *signal = g_strconcat ("notify::", names[i], NULL);

        g_signal_connect_object (settings, signal, callback, object, G_CONNECT_SWAPPED);
      }
}
