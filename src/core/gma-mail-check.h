/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-check.h: 「届いたメールを確認」: which of the guide's mails a
 * mail is, whether its sender and links are the guide's, its login ID,
 * and where the walk goes on from it.
 *
 *   mail   by its subject (reply and forward prefixes left out; a
 *          forwarded mail's own subject too), or, when it has none (text
 *          pasted without its subject), by the key sentences of its body;
 *   sender the From: address (a forwarded or replied-to copy: the
 *          original's, from the attached mail or the quoted header lines)
 *          against the guide's;
 *   links  every link of the mail (HTML links with their visible text,
 *          and the URLs of its text), each ok when it leads to a host of
 *          the guide's URLs (or another host of the same registrable
 *          domain, by the Public Suffix List), suspicious otherwise, with
 *          each reason found (GmaMailReasons);
 *   login ID  what follows 「ユーザ名（ログインID）：」;
 *   next   the answers the mail implies, to be replayed on the walk.
 *
 * Everything it knows comes from the content set (gma-mail-facts.h). The
 * result holds pieces of the mail (its subject, links, login ID): it is
 * kept in memory only, and forgotten with the result. */
#pragma once

#include "gma-mail.h"
#include "gma-mail-facts.h"
#include "gma-session.h"

G_BEGIN_DECLS

typedef enum {
  GMA_MAIL_FOUND_BY_NONE,      /* the unknown entry: none of the guide's mails */
  GMA_MAIL_FOUND_BY_SUBJECT,
  GMA_MAIL_FOUND_BY_BODY,
} GmaMailFoundBy;

typedef enum {
  GMA_MAIL_SENDER_OK,
  GMA_MAIL_SENDER_MISMATCH,
  GMA_MAIL_SENDER_MISSING,     /* no address (pasted text without 「差出人：」) */
} GmaMailSender;

/* Why a link is suspicious; a link may have several. In the order of
 * gma_mail_link_get_reason(): the most telling first. */
typedef enum {
  GMA_MAIL_REASON_INVALID       = 1 << 0,  /* "invalid-url": it cannot be read */
  GMA_MAIL_REASON_USERINFO      = 1 << 1,  /* "userinfo": https://genuine@evil.example/ */
  GMA_MAIL_REASON_TEXT_DIFFERS  = 1 << 2,  /* "text-shows-other-address" */
  GMA_MAIL_REASON_IDN           = 1 << 3,  /* "idn-host": an international (punycode) name */
  GMA_MAIL_REASON_LOOKALIKE     = 1 << 4,  /* "lookalike-host": www.mhlw.go.jp.example.com */
  GMA_MAIL_REASON_OTHER_ADDRESS = 1 << 5,  /* "other-address": mailto: not the sender */
  GMA_MAIL_REASON_SCHEME        = 1 << 6,  /* "not-web": javascript:, data:, file:… */
  GMA_MAIL_REASON_UNKNOWN_HOST  = 1 << 7,  /* "unknown-host": not a host of the guide's */
  GMA_MAIL_REASON_HTTP          = 1 << 8,  /* "http": http: instead of https: */
} GmaMailReasons;

/* A link of the mail, as the checker read it. */
typedef struct {
  char           *url;          /* as written (the href, or the URL in the text) */
  char           *text;         /* an HTML link's visible text; NULL for a URL of the text */
  char           *scheme;       /* lower case: "https", "mailto"… */
  char           *host;         /* lower case, international names in Unicode; NULL if none */
  char           *domain;       /* the host's registrable domain, or NULL */
  char           *address;      /* mailto: the address */
  char           *shown;        /* TEXT_DIFFERS: the address the text shows;
                                 * USERINFO: what stands before the '@' */
  GmaMailReasons  reasons;      /* 0: ok */
  gboolean        guide_host;   /* ok: a host of the guide's URLs (or the sender);
                                 * FALSE: another host of the same domain */
} GmaMailLink;

/* The reason to name for @link: the first of its reasons, or 0. */
GmaMailReasons  gma_mail_link_get_reason (const GmaMailLink *link);
/* The reason's word on the command line ("lookalike-host"…). */
const char     *gma_mail_reason_to_string (GmaMailReasons reason);

#define GMA_TYPE_MAIL_RESULT (gma_mail_result_get_type ())
G_DECLARE_FINAL_TYPE (GmaMailResult, gma_mail_result, GMA, MAIL_RESULT, GObject)

/* Checks @message against @facts. NULL with @error
 * (GMA_MAIL_ERROR_NO_CHECKER) only when the backend cannot be loaded. */
GmaMailResult      *gma_mail_check             (GmaMailFacts   *facts,
                                                GmaMailMessage *message,
                                                GError        **error);
/* Reads @mail (gma_mail_message_parse()) and checks it. */
GmaMailResult      *gma_mail_check_bytes       (GmaMailFacts   *facts,
                                                GBytes         *mail,
                                                GError        **error);

/* Which mail: one of the guide's, or the entry for other mails
 * (gma_mail_kind_get_id() is GMA_MAIL_KIND_UNKNOWN). */
const GmaMailKind  *gma_mail_result_get_kind      (GmaMailResult *self);
GmaMailFoundBy      gma_mail_result_get_found_by  (GmaMailResult *self);
/* The mail's subject as read (NULL: none). */
const char         *gma_mail_result_get_subject   (GmaMailResult *self);
/* Whether it was pasted text rather than a saved message. */
gboolean            gma_mail_result_get_pasted    (GmaMailResult *self);
/* The sender's verdict; @address (optional) receives the address
 * checked (NULL when MISSING). */
GmaMailSender       gma_mail_result_get_sender    (GmaMailResult *self,
                                                   const char   **address);
/* Who forwarded (or replied to) the mail, when the sender checked is the
 * original's; NULL otherwise. */
const char         *gma_mail_result_get_forwarded_by (GmaMailResult *self);
guint               gma_mail_result_get_n_links   (GmaMailResult *self);
const GmaMailLink  *gma_mail_result_get_link      (GmaMailResult *self,
                                                   guint          index);
/* The login ID the mail gives, or NULL. */
const char         *gma_mail_result_get_login_id  (GmaMailResult *self);
/* The node the walk goes on from (gma_mail_kind_get_next()). */
const char         *gma_mail_result_get_next      (GmaMailResult *self);
/* Whether the sender is another than the guide's or a link is
 * suspicious. */
gboolean            gma_mail_result_is_suspicious (GmaMailResult *self);
/* Gives @session the walk the mail implies: from its start to the first
 * answer's node (gma_session_jump_to()), then the mail's answers. TRUE
 * when it ends on gma_mail_result_get_next(); FALSE (the session back at
 * its start) when its flow has not those nodes and answers. */
gboolean            gma_mail_result_apply         (GmaMailResult *self,
                                                   GmaSession    *session);
/* The verdict as the command line prints it, one line each:
 *   mail: ID
 *   sender: ok | mismatch ADDRESS | missing
 *   link: ok URL | suspicious URL REASON      (one per link)
 *   login-id: ID                              (when found)
 *   next: NODE-ID */
char               *gma_mail_result_to_lines      (GmaMailResult *self);

G_END_DECLS
