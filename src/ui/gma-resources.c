/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-ui"
#include "config.h"

#include "gma-resources.h"
#include "gma-ui-resources.h"

void
gma_ui_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      gma_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
