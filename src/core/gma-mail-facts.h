/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-facts.h: what the mail checker knows, from the content set's
 * mail.json (docs/content-format.md): the guide's mails (their subjects,
 * key sentences and the answers each implies), the sender, the hosts of
 * the guide's URLs, the label of the login ID, and the words of the
 * checker's page. Validated against the flow. */
#pragma once

#include "gma-flow.h"
#include "gma-json.h"

G_BEGIN_DECLS

/* One of the guide's mails (or the entry for any other mail, whose id is
 * GMA_MAIL_KIND_UNKNOWN); owned by its facts. */
typedef struct _GmaMailKind GmaMailKind;

#define GMA_MAIL_KIND_UNKNOWN "unknown"

#define GMA_TYPE_MAIL_FACTS (gma_mail_facts_get_type ())
G_DECLARE_FINAL_TYPE (GmaMailFacts, gma_mail_facts, GMA, MAIL_FACTS, GObject)

/* Parses and validates mail.json (@file names it in messages) against
 * @flow: every problem is appended to @problems, as "FILE: PATH: reason";
 * NULL when there was any. Texts are in the first of @languages the map
 * has ("ja" otherwise). */
GmaMailFacts       *gma_mail_facts_new_from_json (JsonNode            *root,
                                                  const char * const  *languages,
                                                  GmaFlow             *flow,
                                                  const char          *file,
                                                  GmaProblems         *problems);

/* The sender's address the guide gives ("info@g-mis.net"). */
const char         *gma_mail_facts_get_sender    (GmaMailFacts *self);
/* The hosts of the guide's URLs ("www.med-login.mhlw.go.jp", …). */
const char * const *gma_mail_facts_get_hosts     (GmaMailFacts *self);
/* What stands before the login ID in a mail (「ユーザ名（ログインID）：」). */
const char * const *gma_mail_facts_get_login_id_labels (GmaMailFacts *self);
/* The guide's mails, in the file's order. */
guint               gma_mail_facts_get_n_kinds   (GmaMailFacts *self);
const GmaMailKind  *gma_mail_facts_get_kind      (GmaMailFacts *self,
                                                  guint         index);
/* A mail by id; GMA_MAIL_KIND_UNKNOWN gives the entry for other mails. */
const GmaMailKind  *gma_mail_facts_lookup        (GmaMailFacts *self,
                                                  const char   *id);
/* A text of the checker's page by its key (see the table in
 * gma-mail-facts.c and docs/content-format.md); never NULL for a key of
 * that table. Placeholders ("{address}") are left in. */
const char         *gma_mail_facts_get_text      (GmaMailFacts *self,
                                                  const char   *key);

const char         *gma_mail_kind_get_id         (const GmaMailKind *kind);
/* Its name in the guide (「アカウント発行通知メール」). */
const char         *gma_mail_kind_get_name       (const GmaMailKind *kind);
/* Its subject as the guide gives it; NULL for the unknown entry. */
const char         *gma_mail_kind_get_subject    (const GmaMailKind *kind);
/* Sentences of its body that tell it when no subject was pasted;
 * NULL-terminated, may be empty. */
const char * const *gma_mail_kind_get_key_sentences (const GmaMailKind *kind);
/* What the guide says about the mail. */
const char         *gma_mail_kind_get_about      (const GmaMailKind *kind);
/* The answers the mail implies, a walk: answer
 * gma_mail_kind_get_answer() of node gma_mail_kind_get_answer_node(),
 * each leading to the next one's node. */
guint               gma_mail_kind_get_n_answers  (const GmaMailKind *kind);
const char         *gma_mail_kind_get_answer_node (const GmaMailKind *kind,
                                                   guint              index);
guint               gma_mail_kind_get_answer     (const GmaMailKind *kind,
                                                  guint              index);
/* Where the answers lead: the node the walk goes on from (the flow's
 * start when the mail implies no answer). */
const char         *gma_mail_kind_get_next       (const GmaMailKind *kind);

G_END_DECLS
