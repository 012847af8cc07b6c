/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-main"
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "gma-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GmaApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* GMA_LOCALEDIR: the build tree's translations (tools/run, tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GMA_LOCALEDIR") ? g_getenv ("GMA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gma_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
