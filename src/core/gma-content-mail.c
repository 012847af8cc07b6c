/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-mail.c: mail.json of a content set */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include "gma-content-private.h"

JsonNode *
gma_content_mail_read (GmaContent  *content,
                       GmaProblems *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Optional: a set without it has no mail checker. Read as every file
   * of the set is (beneath the set's opened directory, no link followed):
   * anything else there, a link included, is refused under its name. */
  bytes = _gma_content_load_bytes (content, GMA_CONTENT_MAIL_FILE,
                                   _gma_content_file_max_size (GMA_CONTENT_MAIL_FILE), &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        gma_problems_add (problems, GMA_CONTENT_MAIL_FILE, NULL, "%s", error->message);
      return NULL;
    }

  return gma_json_load (bytes, GMA_CONTENT_MAIL_FILE, problems);
}

GmaMailFacts *
gma_content_mail_parse (JsonNode    *json,
                        const char  *language,
                        GmaFlow     *flow,
                        GmaProblems *problems)
{
  const char *languages[] = { language, NULL };

  return gma_mail_facts_new_from_json (json, languages, flow, GMA_CONTENT_MAIL_FILE, problems);
}
