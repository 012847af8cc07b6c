/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-web-module.h: the interface between the page pane (GmaPageView,
 * in the program) and the WebKit module (gma-web-module.c, a shared
 * module loaded after the window's first frame).
 *
 * Why a module: linking WebKitGTK makes the dynamic loader map and
 * relocate about a hundred libraries (JavaScriptCore, ICU, GStreamer,
 * flite voices…) before main() runs. Measured here, that alone cost more
 * than a whole bare GTK window takes to show its first frame. Loaded
 * after the first frame, the same work no longer delays the window. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GMA_WEB_MODULE_ABI 6

/* What the module calls back into its host (the page view). A host may
 * hold more than one view (the one shown and a warm one): @view says
 * which. */
typedef struct {
  GBytes *(*resolve)       (gpointer     host,
                            GtkWidget   *view,
                            const char  *uri,
                            char       **content_type,
                            GError     **error);
  void    (*external_link) (gpointer     host,
                            GtkWidget   *view,
                            const char  *uri);
  void    (*action)        (gpointer     host,
                            GtkWidget   *view,
                            const char  *uri);
  void    (*page_shown)    (gpointer     host,
                            GtkWidget   *view,
                            const char  *uri);
  void    (*load_finished) (gpointer     host,
                            GtkWidget   *view,
                            const char  *uri);
  /* The web process ended; the host throws the view away. TRUE when
   * @view was the one shown: the death is logged once, for it (the views
   * of a host share one web process). */
  gboolean (*process_died) (gpointer     host,
                            GtkWidget   *view);
  /* A print() has ended; @error is NULL when it printed. */
  void    (*print_finished) (gpointer      host,
                             const GError *error);
} GmaWebHostFuncs;

/* What the module offers. Every view function takes the widget that
 * new_view() returned. */
typedef struct {
  guint        abi;
  /* A view with a @related view shares its web process and network
   * session (NULL: a new ephemeral session). */
  GtkWidget   *(*new_view)        (const GmaWebHostFuncs *funcs,
                                   gpointer               host,
                                   const char            *csp,
                                   GtkWidget             *related);
  /* Cuts the view off from its host: no callback reaches the host after
   * this (the view may outlive it, e.g. while a print finishes). */
  void         (*detach)          (GtkWidget  *view);
  void         (*load_uri)        (GtkWidget  *view,
                                   const char *uri);
  const char  *(*get_uri)         (GtkWidget  *view);
  const char  *(*get_title)       (GtkWidget  *view);
  gboolean     (*is_loading)      (GtkWidget  *view);
  void         (*set_zoom)        (GtkWidget  *view,
                                   double      zoom);
  void         (*set_caret)       (GtkWidget  *view,
                                   gboolean    enabled);
  void         (*print)           (GtkWidget  *view,
                                   GtkWindow  *parent,
                                   gboolean    silent);
  void         (*find)            (GtkWidget  *view,
                                   const char *text,
                                   gboolean    backwards);
  void         (*find_finish)     (GtkWidget  *view);
  /* Replaces the style sheet the app adds to every page of @view (at the
   * user's level: its !important rules win over the page's); NULL or "":
   * none. */
  void         (*set_user_css)    (GtkWidget  *view,
                                   const char *css);
} GmaWebModule;

typedef const GmaWebModule *(*GmaWebModuleGetFunc) (void);
#define GMA_WEB_MODULE_SYMBOL "gma_web_module_get"

G_END_DECLS
