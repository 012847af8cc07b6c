/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-command.c: gmis-assistant --check-mail=FILE */
#define G_LOG_DOMAIN "gma-mail-command"
#include "config.h"

#include <glib/gi18n.h>

#include "gma-mail-check.h"
#include "gma-mail-command.h"

int
gma_mail_command_run (GmaContent *content,
                      const char *path)
{
  GmaMailFacts *facts = gma_content_get_mail_facts (content);
  g_autoptr(GBytes) mail = NULL;
  g_autoptr(GmaMailResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *shown = g_filename_display_name (path);

  if (facts == NULL)
    {
      g_printerr (_("The content set has no mail.json, so it cannot check mails.\n"));
      return 1;
    }

  mail = gma_mail_read_file (path, &error);
  if (mail != NULL)
    result = gma_mail_check_bytes (facts, mail, &error);
  if (result == NULL)
    {
      /* The reason, never a piece of the mail */
      if (g_str_equal (path, "-"))
        g_printerr ("%s\n", error->message);
      else
        g_printerr ("%s: %s\n", shown, error->message);
      return 1;
    }

  lines = gma_mail_result_to_lines (result);
  g_print ("%s", lines);
  return 0;
}
