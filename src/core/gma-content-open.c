/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-open.c: the files of an override directory, each opened
 * once, beneath the directory, without following a link (see the header).
 *
 * The path is walked with one openat() per component, each with
 * O_NOFOLLOW, from the descriptor of the folder before it. openat2()'s
 * RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH would do the same walk in one
 * call, but only on Linux 5.6 and later (and not where a seccomp filter
 * refuses it) and without saying which component was a link; the walk
 * needs neither a second code path nor a fallback. Names are never
 * looked up twice: the checks are made on what was opened (fstat()), and
 * what is read is that open file. fstatat() looks at a name again only
 * to explain a failure, never to decide what is read.
 */

#define _GNU_SOURCE  /* O_PATH */
#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gma-content-open.h"

static GmaContentStepHook step_hook;
static gpointer step_hook_data;

void
gma_content_set_step_hook (GmaContentStepHook hook,
                           gpointer           user_data)
{
  step_hook = hook;
  step_hook_data = user_data;
}

static inline void
step (const char     *path,
      GmaContentStep  what,
      const char     *name)
{
  if (G_UNLIKELY (step_hook != NULL))
    step_hook (path, what, name, step_hook_data);
}

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

/* Whether the folder @fd may be searched (its files opened) by this
 * process: only to explain an EACCES. */
static gboolean
folder_is_searchable (int fd)
{
  return faccessat (fd, ".", X_OK, AT_EACCESS) == 0;
}

int
gma_content_open_directory (const char  *path,
                            GError     **error)
{
  GStatBuf st;
  int fd;
  int saved;

  g_return_val_if_fail (path != NULL, -1);

  fd = open (path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  saved = errno;

  if (fd >= 0)
    {
      if (folder_is_searchable (fd))
        return fd;
      saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "the directory cannot be opened: %s", g_strerror (saved));
      return -1;
    }

  switch (saved)
    {
    case ENOENT:
      if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        {
          g_autofree char *target = g_file_read_link (path, NULL);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "the directory does not exist: this is a symbolic link to “%s”, "
                       "which leads nowhere", target != NULL ? target : "?");
        }
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "the directory does not exist");
      break;

    case ENOTDIR:
      if (g_stat (path, &st) == 0 && !S_ISDIR (st.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                             "this is not a directory; name the directory that holds "
                             "flow.json, faq.json, pages/ and illustrations/");
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "the directory does not exist (a part of its path is a file)");
      break;

    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "the directory cannot be opened: %s", g_strerror (saved));
      break;
    }

  return -1;
}

/* Why the folder @name (below @at; @parent is the name of @at, NULL for
 * the set's directory) could not be opened, @saved its errno. */
static void
folder_error (int          at,
              const char  *parent,
              const char  *name,
              int          saved,
              GError     **error)
{
  struct stat st;

  if (fstatat (at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK (st.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                 "the folder “%s” is a symbolic link; the content set must hold the "
                 "files themselves", name);
  else if (saved == ENOENT || saved == ENOTDIR)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "the file is missing from the content set");
  else if (saved == EACCES && !folder_is_searchable (at))
    {
      if (parent != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     "the folder “%s” cannot be opened: %s", parent, g_strerror (saved));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     "the content directory cannot be opened: %s", g_strerror (saved));
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 "the folder “%s” cannot be opened: %s", name, g_strerror (saved));
}

/* Why the file @name (below @at, the folder @parent) could not be
 * opened, @saved its errno. */
static void
file_error (int          at,
            const char  *parent,
            const char  *name,
            const char  *display,
            int          saved,
            GError     **error)
{
  struct stat st;
  gboolean known = fstatat (at, name, &st, AT_SYMLINK_NOFOLLOW) == 0;

  if (saved == ENOENT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "the file is missing from the content set");
  else if (saved == ELOOP || (known && S_ISLNK (st.st_mode)))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                         "is a symbolic link; the content set must hold the files themselves");
  else if (known && !S_ISREG (st.st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         "this is not a regular file");
  else if (saved == EACCES && !known && !folder_is_searchable (at))
    folder_error (at, parent, name, saved, error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 "the file cannot be read: Error opening file %s: %s", display,
                 g_strerror (saved));
}

static void
too_large (guint64   size,
           gsize     max_size,
           GError  **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               "the file is %" G_GUINT64_FORMAT " bytes long; it may be at most %"
               G_GSIZE_FORMAT " bytes", size, max_size);
}

/* Reads the regular file open as @fd, @size bytes long when it was looked
 * at: at most @max_size bytes and one more, to see that it has grown. */
static GBytes *
read_open_file (int          fd,
                const char  *path,
                const char  *display,
                gsize        size,
                gsize        max_size,
                GError     **error)
{
  gsize capacity = MIN (size, max_size) + 1;
  g_autofree char *data = g_malloc (capacity);
  gsize len = 0;

  for (;;)
    {
      ssize_t n;

      if (len == capacity)
        {
          if (capacity > max_size)
            break;
          capacity = MIN (MAX (capacity * 2, 4096), max_size + 1);
          data = g_realloc (data, capacity);
        }

      step (path, GMA_CONTENT_STEP_READ, NULL);
      n = read (fd, data + len, capacity - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "the file cannot be read: Error reading file %s: %s", display,
                       g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }

  /* It has grown since it was looked at: its size now, if it can tell. */
  if (len > max_size)
    {
      struct stat st;
      guint64 now = len;

      if (fstat (fd, &st) == 0 && (guint64) st.st_size > now)
        now = st.st_size;
      too_large (now, max_size, error);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), len);
}

GBytes *
gma_content_read_beneath (int          dir_fd,
                          const char  *dir_name,
                          const char  *path,
                          gsize        max_size,
                          GError     **error)
{
  g_auto(GStrv) segments = NULL;
  g_autofree char *display = NULL;
  const char *parent = NULL;
  int folder = -1;
  int file = -1;
  int at = dir_fd;
  struct stat st;
  GBytes *bytes = NULL;
  guint n;

  g_return_val_if_fail (dir_fd >= 0, NULL);
  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = dir_name != NULL ? g_build_filename (dir_name, path, NULL) : g_strdup (path);
  segments = g_strsplit (path, "/", -1);
  n = g_strv_length (segments);

  for (guint i = 0; i + 1 < n; i++)
    {
      int next;

      step (path, GMA_CONTENT_STEP_OPEN_FOLDER, segments[i]);
      next = openat (at, segments[i], O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (next < 0)
        {
          folder_error (at, parent, segments[i], errno, error);
          goto out;
        }
      close_fd (&folder);
      folder = at = next;
      parent = segments[i];
    }

  /* O_NONBLOCK: a named pipe put there must not make the open wait for
   * a writer; it is refused below, as anything but a regular file. */
  step (path, GMA_CONTENT_STEP_OPEN_FILE, segments[n - 1]);
  file = openat (at, segments[n - 1], O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (file < 0)
    {
      file_error (at, parent, segments[n - 1], display, errno, error);
      goto out;
    }

  step (path, GMA_CONTENT_STEP_STAT, NULL);
  if (fstat (file, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "the file cannot be read: %s", g_strerror (saved));
      goto out;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           "this is not a regular file");
      goto out;
    }
  if ((guint64) st.st_size > max_size)
    {
      too_large (st.st_size, max_size, error);
      goto out;
    }

  bytes = read_open_file (file, path, display, st.st_size, max_size, error);

out:
  close_fd (&file);
  close_fd (&folder);
  return bytes;
}

GBytes *
gma_content_read_resource (GFile       *root,
                           const char  *path,
                           gsize        max_size,
                           GError     **error)
{
  g_autofree char *uri = g_file_get_uri (root);
  g_autofree char *resource = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;

  g_return_val_if_fail (g_str_has_prefix (uri, "resource://"), NULL);

  resource = g_build_path ("/", uri + strlen ("resource://"), path, NULL);
  if (!g_resources_get_info (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "the file is missing from the content set");
      return NULL;
    }
  if (size > max_size)
    {
      too_large (size, max_size, error);
      return NULL;
    }

  return g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
