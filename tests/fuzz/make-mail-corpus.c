/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-mail-corpus.c: writes the test mails (tests/mail-table.h) into a
 * folder, one file each, named after the mail ("genuine-issue-mail-
 * iso-2022-jp-base64"): the seed corpus of fuzz-mail, which the build
 * makes and fuzz-mail-corpus replays.
 *
 *   make-mail-corpus DIR
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "mail-table.h"

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) table = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return 2;
    }
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    {
      g_printerr ("%s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }

  table = test_mail_table ();
  for (guint i = 0; i < table->len; i++)
    {
      TestMail *mail = g_ptr_array_index (table, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup (mail->name);
      g_autofree char *path = NULL;

      g_strdelimit (name, "/", '-');
      path = g_build_filename (argv[1], name, NULL);
      if (!g_file_set_contents (path, g_bytes_get_data (mail->data, NULL),
                                g_bytes_get_size (mail->data), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  return 0;
}
