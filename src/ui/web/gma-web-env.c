/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whether WebKit can start a web process here: see gma-web-env.h. What is
 * checked follows what WebKitGTK 2.50's sandbox launcher needs
 * (Source/WebKit/UIProcess/Launcher/glib/BubblewrapLauncher.cpp and
 * XDGDBusProxy.cpp), and nothing more. */
#define G_LOG_DOMAIN "gma-web-env"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gma-web-env.h"

/* Room the sandbox needs in the runtime directory, with a margin: a file
 * of a few hundred bytes (a block each) for every sandboxed process and
 * the proxies' sockets. */
#define ROOM_NEEDED (64 * 1024)

G_DEFINE_QUARK (gma-web-env-error-quark, gma_web_env_error)

/* The directory WebKit binds into the proxy's sandbox for @address: that
 * of the first "path=" of an address that begins with "unix:", read as
 * WebKit reads it (directoryContainingDBusSocket()); NULL for any other
 * address (an abstract socket, TCP), which needs no directory. */
static char *
socket_directory (const char *address)
{
  g_autofree char *socket = NULL;
  const char *path;

  if (address == NULL || !g_str_has_prefix (address, "unix:"))
    return NULL;
  path = strstr (address, "path=");
  if (path == NULL)
    return NULL;
  path += strlen ("path=");
  socket = g_strndup (path, strcspn (path, ","));

  return g_path_get_dirname (socket);
}

static gboolean
check_bus (const char  *what,
           const char  *address,
           GError     **error)
{
  g_autofree char *directory = socket_directory (address);
  GStatBuf st;
  int saved_errno;

  if (directory == NULL)
    return TRUE;
  if (g_stat (directory, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return TRUE;
      saved_errno = ENOTDIR;
    }
  else
    saved_errno = errno;

  g_set_error (error, GMA_WEB_ENV_ERROR, GMA_WEB_ENV_ERROR_BUS,
               "the %s “%s” is in %s (%s): WebKit cannot start its sandbox without it. "
               "Log out and in again (the address is left from a session that ended, "
               "or from another user after su)",
               what, address, directory, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
is_no_space (int error_code)
{
  return error_code == ENOSPC || error_code == EDQUOT;
}

static gboolean
no_space_error (const char  *directory,
                int          error_code,
                GError     **error)
{
  gboolean from_environment = g_getenv ("XDG_RUNTIME_DIR") != NULL;

  g_set_error (error, GMA_WEB_ENV_ERROR, GMA_WEB_ENV_ERROR_NO_SPACE,
               "there is no room left in %s (%s), where WebKit writes what its sandbox needs "
               "to start: %s. Free some space on that disk",
               directory,
               from_environment ? "XDG_RUNTIME_DIR" : "the cache directory, XDG_RUNTIME_DIR being unset",
               g_strerror (error_code));
  return FALSE;
}

/* Writes ROOM_NEEDED bytes to a new file in the runtime directory and
 * removes it. Only a full disk (or quota) is an answer of no: a directory
 * that cannot be written at all, WebKit does without. */
static gboolean
check_runtime_directory (GError **error)
{
  const char *directory = g_get_user_runtime_dir ();
  g_autofree char *probe = g_build_filename (directory, ".gmis-assistant-room-XXXXXX", NULL);
  g_autofree char *zeros = NULL;
  gsize written = 0;
  int error_code = 0;
  int fd;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    return is_no_space (errno) ? no_space_error (directory, errno, error) : TRUE;

  fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return is_no_space (errno) ? no_space_error (directory, errno, error) : TRUE;

  zeros = g_malloc0 (ROOM_NEEDED);
  while (written < ROOM_NEEDED && error_code == 0)
    {
      gssize n = write (fd, zeros + written, ROOM_NEEDED - written);

      if (n > 0)
        written += n;
      else if (n < 0 && errno != EINTR)
        error_code = errno;
      else if (n == 0)
        error_code = ENOSPC;
    }
  /* A file system on the network may say so only now. */
  if (close (fd) != 0 && error_code == 0)
    error_code = errno;
  g_unlink (probe);

  if (is_no_space (error_code))
    return no_space_error (directory, error_code, error);

  return TRUE;
}

gboolean
gma_web_env_check (const char  *a11y_bus_address,
                   GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_bus ("session bus address (DBUS_SESSION_BUS_ADDRESS)",
                    g_getenv ("DBUS_SESSION_BUS_ADDRESS"), error) &&
         check_bus ("accessibility bus address (AT_SPI_BUS_ADDRESS)",
                    g_getenv ("AT_SPI_BUS_ADDRESS"), error) &&
         check_bus ("accessibility bus address", a11y_bus_address, error) &&
         check_runtime_directory (error);
}
