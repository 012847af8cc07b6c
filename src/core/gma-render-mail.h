/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render-mail.h: the page of 「届いたメールを確認」, made from a
 * checker's result (gma-mail-check.h), in the words of the content set's
 * mail.json, in the content's language.
 *
 * The page shows which mail it is, its sender, every link of the mail
 * with its verdict in plain words (as text: a link of the mail is never
 * made a link of the page), the login ID with a copy link
 * (gma://action/copy?text=ID), the next step (GMA_MAIL_NEXT_URI, for the
 * window to replay the result's answers, gma_mail_result_apply()) and
 * what becomes of the mail. A suspicious mail's page says so first and
 * sends the reader to the prefecture's counter: it holds a
 * GMA_CONTACT_MARKER, which gma_render_fill_contact() fills or removes,
 * as for the content's pages. */
#pragma once

#include "gma-content.h"
#include "gma-mail-check.h"

G_BEGIN_DECLS

/* The next step's link: "gma://action/mail-next?to=NODE-ID". */
#define GMA_MAIL_NEXT_ACTION "mail-next"

/* NULL with @error when the content has no mail.json (GMA_CONTENT_ERROR_NOT_FOUND)
 * or the page template cannot be read. */
char *gma_render_mail_page  (GmaContent     *content,
                             GmaMailResult  *result,
                             GError        **error);
/* The page for a mail that could not be read: @reason (the error's
 * message) and what becomes of the mail. */
char *gma_render_mail_error (GmaContent     *content,
                             const char     *reason,
                             GError        **error);

G_END_DECLS
