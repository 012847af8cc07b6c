/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-check-private.h: what the checker's files share
 * (gma-mail-check.c, gma-mail-check-links.c); not for others. */
#pragma once

#include "gma-mail-check.h"
#include "gma-mail-private.h"

G_BEGIN_DECLS

/* Finding and judging the links of a mail (gma-mail-check-links.c). */
typedef struct {
  GmaMailFacts         *facts;
  const GmaMailBackend *backend;
  GPtrArray            *domains;    /* registrable domains of the guide's hosts and sender */
  GPtrArray            *skeletons;  /* of their distinctive labels ("mhlw", "g-mis") */
  GHashTable           *seen;       /* links found, each once */
  GPtrArray            *links;      /* of GmaMailLink, in the mail's order */
} GmaMailLinkScan;

void            gma_mail_link_scan_init  (GmaMailLinkScan      *scan,
                                          GmaMailFacts         *facts,
                                          const GmaMailBackend *backend);
void            gma_mail_link_scan_clear (GmaMailLinkScan      *scan);
void            gma_mail_link_scan_part  (GmaMailLinkScan      *scan,
                                          const GmaMailText    *part);
void            gma_mail_link_free       (gpointer              link);

G_END_DECLS
