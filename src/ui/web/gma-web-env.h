/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-web-env.h: whether WebKit can start a web process here.
 *
 * WebKitGTK starts each web process in a bubblewrap sandbox, with
 * xdg-dbus-proxy (itself in a sandbox) for the session and accessibility
 * buses, and aborts the whole program when that launch fails
 * ("Failed to fully launch dbus-proxy", SIGTRAP). Two ordinary states of a
 * clinic's PC make it fail:
 *
 *  - a bus address whose socket lies in a directory that is gone (a stale
 *    DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/UID/bus after su, or
 *    after that session ended): bubblewrap cannot bind the directory;
 *  - a runtime directory (XDG_RUNTIME_DIR, or ~/.cache without it) with no
 *    room left: bubblewrap cannot write the sandbox's information there.
 *
 * The page pane asks here before it makes a web view, and does not start
 * WebKit when the answer is no. A bus that merely does not answer, or a
 * runtime directory that cannot be written at all, WebKit copes with (the
 * pages show): those are not refused. The sandbox itself is never turned
 * off. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GMA_WEB_ENV_ERROR (gma_web_env_error_quark ())
typedef enum {
  GMA_WEB_ENV_ERROR_BUS,       /* a bus's socket is in a directory that is not there */
  GMA_WEB_ENV_ERROR_NO_SPACE,  /* no room left in the runtime directory */
} GmaWebEnvError;

GQuark   gma_web_env_error_quark (void);

/* TRUE when WebKit can start its sandbox; otherwise FALSE and an error
 * (in English, for the log) naming the cause: the variable and its
 * address, or the directory. @a11y_bus_address: the accessibility bus's
 * address as the toolkit knows it (WebKit takes the same), or NULL.
 * Blocking, but cheap: a stat() or two and a 64 KiB file written and
 * removed in the runtime directory. */
gboolean gma_web_env_check       (const char  *a11y_bus_address,
                                  GError     **error);

G_END_DECLS
