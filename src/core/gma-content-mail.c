/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-mail.c: mail.json of a content set */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include "gma-content-private.h"

JsonNode *
gma_content_mail_read (GmaContent  *content,
                       GmaProblems *problems)
{
  g_autoptr(GFile) file = g_file_get_child (gma_content_get_root (content), GMA_CONTENT_MAIL_FILE);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Optional: a set without it has no mail checker. (Anything there, a
   * link included, is read as every file of the set is, and refused so.) */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (info == NULL && (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
                       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY) ||
                       g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND)))
    return NULL;
  g_clear_error (&error);

  bytes = gma_content_load_file (content, GMA_CONTENT_MAIL_FILE, NULL, &error);
  if (bytes == NULL)
    {
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
