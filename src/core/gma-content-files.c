/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-files.c: the files of a content set and their policy: what
 * may be read (the path rule, no symbolic link below an override
 * directory, regular files only), how large, as which type */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <string.h>

#include "gma-content-private.h"

gsize
_gma_content_file_max_size (const char *path)
{
  if (g_str_has_suffix (path, ".json"))
    return GMA_JSON_MAX_SIZE;
  if (g_str_has_prefix (path, "pages/"))
    return GMA_CONTENT_MAX_PAGE_SIZE;
  return GMA_CONTENT_MAX_IMAGE_SIZE;
}

GFile *
_gma_content_open_file (GmaContent  *self,
                        const char  *path,
                        gsize        max_size,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *attributes = G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE;

  if (!gma_content_path_is_safe (path))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "this is not a plain relative path inside the content set");
      return NULL;
    }

  if (self->no_links)
    {
      g_auto(GStrv) segments = g_strsplit (path, "/", -1);

      file = g_object_ref (self->base);
      for (guint i = 0; segments[i] != NULL; i++)
        {
          GFile *child = g_file_get_child (file, segments[i]);
          gboolean last = segments[i + 1] == NULL;

          g_object_unref (file);
          file = child;
          g_clear_object (&info);
          g_clear_error (&local_error);
          info = g_file_query_info (file, attributes, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                    NULL, &local_error);
          if (info == NULL)
            break;

          if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
            {
              if (last)
                g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                                     "is a symbolic link; the content set must hold the "
                                     "files themselves");
              else
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                             "the folder “%s” is a symbolic link; the content set must "
                             "hold the files themselves", segments[i]);
              return NULL;
            }

          if (!last && g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
            {
              g_clear_object (&info);
              g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
              break;
            }
        }
    }
  else
    {
      file = g_file_resolve_relative_path (self->base, path);
      info = g_file_query_info (file, attributes, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
    }

  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY) ||
          g_error_matches (local_error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "the file is missing from the content set");
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "the file cannot be read: %s", local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           "this is not a regular file");
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "the file is %" G_GUINT64_FORMAT " bytes long; it may be at most %"
                   G_GSIZE_FORMAT " bytes", (guint64) g_file_info_get_size (info), max_size);
      return NULL;
    }

  return g_steal_pointer (&file);
}

GBytes *
_gma_content_load_bytes (GmaContent  *self,
                         const char  *path,
                         gsize        max_size,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  file = _gma_content_open_file (self, path, max_size, error);
  if (file == NULL)
    return NULL;

  if (!g_file_load_contents (file, NULL, &data, &len, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the file cannot be read: %s", local_error->message);
      return NULL;
    }

  /* The file may have grown since it was queried. */
  if (len > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "the file is %" G_GSIZE_FORMAT " bytes long; it may be at most %"
                   G_GSIZE_FORMAT " bytes", len, max_size);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), len);
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
