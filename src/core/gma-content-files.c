/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-files.c: the files of a content set and their policy: what
 * may be read (the path rule, no symbolic link below an override
 * directory, regular files only: gma-content-open.c reads them), how
 * large, which pictures are shown (gma-svg-check.c), as which type */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <string.h>

#include "gma-content-open.h"
#include "gma-content-private.h"
#include "gma-svg-check.h"

gsize
_gma_content_file_max_size (const char *path)
{
  if (g_str_has_suffix (path, ".json"))
    return GMA_JSON_MAX_SIZE;
  if (g_str_has_prefix (path, "pages/"))
    return GMA_CONTENT_MAX_PAGE_SIZE;
  return GMA_CONTENT_MAX_IMAGE_SIZE;
}

GBytes *
_gma_content_load_bytes (GmaContent  *self,
                         const char  *path,
                         gsize        max_size,
                         GError     **error)
{
  if (!gma_content_path_is_safe (path))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "this is not a plain relative path inside the content set");
      return NULL;
    }

  if (self->dir_fd >= 0)
    return gma_content_read_beneath (self->dir_fd, self->dir_name, path, max_size, error);
  return gma_content_read_resource (self->root, path, max_size, error);
}

GBytes *
_gma_content_read_file (GmaContent  *self,
                        const char  *path,
                        GmaProblems *problems)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = _gma_content_load_bytes (self, path, _gma_content_file_max_size (path), &error);

  if (bytes == NULL)
    gma_problems_add (problems, path, NULL, "%s", error->message);

  return bytes;
}

static const char *
guess_content_type (const char *path)
{
  static const struct {
    const char *suffix;
    const char *type;
  } types[] = {
    { ".html", "text/html; charset=utf-8" },
    { ".svg",  "image/svg+xml" },
    { ".css",  "text/css" },
    { ".png",  "image/png" },
    { ".json", "application/json" },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (lower, types[i].suffix))
      return types[i].type;

  return "application/octet-stream";
}

GBytes *
gma_content_load_file (GmaContent  *self,
                       const char  *path,
                       char       **content_type,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The same checks as the validation's, with the same limits. */
  bytes = _gma_content_load_bytes (self, path, _gma_content_file_max_size (path), &local_error);
  if (bytes != NULL && self->dir_fd >= 0 && gma_svg_path_is_svg (path))
    {
      g_autoptr(GmaProblems) problems = gma_problems_new ();

      if (!gma_svg_check (bytes, path, problems))
        {
          g_autoptr(GError) svg_error = NULL;

          g_clear_pointer (&bytes, g_bytes_unref);
          gma_problems_to_error (problems, &svg_error);
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "“%s” is not shown:\n%s", path, svg_error->message);
          return NULL;
        }
    }
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                     "“%s”: %s", path, local_error->message);
      else
        g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
                     "“%s” is not in the content set: %s", path, local_error->message);
      return NULL;
    }

  if (content_type != NULL)
    *content_type = g_strdup (guess_content_type (path));

  return bytes;
}
