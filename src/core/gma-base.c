/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-base.c: problems, the content error, the path and id rules */

#define G_LOG_DOMAIN "gma-base"

#include "config.h"

#include <string.h>

#include "gma-base.h"

/* The resource bundle (resources/gma-content.gresource.xml) is compiled
 * with --manual-register; the generated gma_content_register_resource()
 * initialises the static resource and registers it. It must run only
 * once. */
void gma_content_register_resource (void);

G_DEFINE_QUARK (gma-content-error-quark, gma_content_error)

/* ------------------------------------------------------------------ */
/* Problems                                                           */
/* ------------------------------------------------------------------ */

GmaProblems *
gma_problems_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* @text with every C0 control character and DEL written as an escape
 * (\n, \r, \t, \u001B…); takes @text. */
static char *
escape_controls (char *text)
{
  GString *escaped;

  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        return text;
      if ((guchar) *p < 0x20 || *p == 0x7f)
        break;
    }

  escaped = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\n':
          g_string_append (escaped, "\\n");
          break;
        case '\r':
          g_string_append (escaped, "\\r");
          break;
        case '\t':
          g_string_append (escaped, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20 || *p == 0x7f)
            g_string_append_printf (escaped, "\\u%04X", (guint) (guchar) *p);
          else
            g_string_append_c (escaped, *p);
        }
    }

  g_free (text);
  return g_string_free (escaped, FALSE);
}

void
gma_problems_add (GmaProblems *problems,
                  const char  *file,
                  const char  *place,
                  const char  *format,
                  ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* One problem, one line: a value quoted in the reason (a link of a
   * page, an id of flow.json) may hold a line break or another control
   * character, which is shown as an escape instead. */
  reason = escape_controls (g_steal_pointer (&reason));

  if (file == NULL)
    file = "";

  /* "flow.json:3:5: …" for positions, "flow.json: $.nodes[2]: …" for
   * JSON paths, "flow.json: …" when the whole file is concerned. */
  if (place == NULL || place[0] == '\0')
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", file, reason));
  else if (place[0] == '$')
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s: %s", file, place, reason));
  else
    g_ptr_array_add (problems, g_strdup_printf ("%s:%s: %s", file, place, reason));
}

gboolean
gma_problems_to_error (GmaProblems *problems,
                       GError     **error)
{
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (problems != NULL, FALSE);

  if (problems->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (problems, i));
    }

  g_set_error_literal (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       message->str);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Paths and ids                                                      */
/* ------------------------------------------------------------------ */

gboolean
gma_content_path_is_safe (const char *path)
{
  g_auto(GStrv) segments = NULL;

  if (path == NULL || path[0] == '\0' || path[0] == '/' || strchr (path, '\\') != NULL)
    return FALSE;

  if (!g_utf8_validate (path, -1, NULL))
    return FALSE;

  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i]; i++)
    {
      if (segments[i][0] == '\0' ||
          g_str_equal (segments[i], ".") ||
          g_str_equal (segments[i], ".."))
        return FALSE;

      for (const char *p = segments[i]; *p; p++)
        if ((guchar) *p < 0x20 || *p == ':')
          return FALSE;
    }

  return TRUE;
}

gboolean
gma_flow_id_is_valid (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

gboolean
gma_faq_category_id_is_valid (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

gboolean
gma_faq_id_is_valid (const char *id)
{
  const char *dash;
  g_autofree char *category = NULL;

  if (id == NULL || !g_str_has_prefix (id, "faq-"))
    return FALSE;

  id += strlen ("faq-");
  dash = strchr (id, '-');
  if (dash == NULL)
    return FALSE;

  category = g_strndup (id, dash - id);
  if (!gma_faq_category_id_is_valid (category))
    return FALSE;

  if (dash[1] == '\0')
    return FALSE;
  for (const char *p = dash + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Resources                                                          */
/* ------------------------------------------------------------------ */

static gpointer
register_resources (gpointer data)
{
  gma_content_register_resource ();
  return NULL;
}

void
gma_content_register_resources (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, register_resources, NULL);
}
