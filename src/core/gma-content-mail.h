/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-mail.h: mail.json, the mail checker's file of a content
 * set (gma-mail-facts.h), read for GmaContent (gma-content.c). A set may
 * have none: an override made before the checker existed stays valid,
 * and has no checker. */
#pragma once

#include "gma-content.h"

G_BEGIN_DECLS

#define GMA_CONTENT_MAIL_FILE "mail.json"

/* mail.json of @content, checked as JSON (gma_json_load()); NULL when
 * the set has none, or after appending a problem when it cannot be read
 * or is no JSON. */
JsonNode     *gma_content_mail_read  (GmaContent  *content,
                                      GmaProblems *problems);
/* Its facts in @language, validated against @flow; NULL after appending
 * problems. */
GmaMailFacts *gma_content_mail_parse (JsonNode    *json,
                                      const char  *language,
                                      GmaFlow     *flow,
                                      GmaProblems *problems);

G_END_DECLS
