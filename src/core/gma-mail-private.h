/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-private.h: what the mail files of the core share (gma-mail.c,
 * gma-mail-charset.c, gma-mail-text.c, and the checker's gma-mail-check.c
 * and gma-mail-check-links.c); not for others. */
#pragma once

#include "gma-mail.h"

G_BEGIN_DECLS

GmaMailMessage *gma_mail_message_new (void);
void            gma_mail_message_add_from (GmaMailMessage *message,
                                           const char     *name,
                                           const char     *address);
void            gma_mail_message_add_text (GmaMailMessage *message,
                                           GmaMailPartKind kind,
                                           char           *text);

/* @len bytes of text in no known charset (a part that names none, pasted
 * text): UTF-8, else ISO-2022-JP, Shift_JIS or EUC-JP, whichever reads
 * it, with "\n" line breaks; NULL when none does. */
char           *gma_mail_guess_japanese (const char *data,
                                         gsize       len);
/* A header as written (@raw: unfolded) in UTF-8: RFC 2047 encoded
 * words decoded (adjacent words of one charset together), raw text read
 * as UTF-8 or Japanese. NULL with GMA_MAIL_ERROR_CHARSET or _ENCODING. */
char           *gma_mail_decode_header (const char  *raw,
                                        GError     **error);

/* Pasted text (UTF-8, "\n" line breaks) as a message: its 「件名：」
 * and 「差出人：」 lines at the top, if any, and the rest as its text. */
GmaMailMessage *gma_mail_parse_pasted (const char *text);

/* What a line such as 「件名：…」, "From: …" or 「送信日時：…」 labels;
 * the header lines a mail program shows above a mail, and puts above a
 * forwarded or quoted one. */
typedef enum {
  GMA_MAIL_LABEL_NONE,
  GMA_MAIL_LABEL_SUBJECT,
  GMA_MAIL_LABEL_FROM,
  GMA_MAIL_LABEL_OTHER,
} GmaMailLabel;

/* The label of @line (of @len bytes) and in *@value (optional) where its
 * value starts; leading quote marks ("> ") and spaces are skipped. */
GmaMailLabel    gma_mail_line_label   (const char  *line,
                                       gsize        len,
                                       const char **value);
/* The first mail address in @text (@len bytes, or -1): "<a@b>" or a
 * bare a@b; NULL when there is none. */
char           *gma_mail_find_address (const char *text,
                                       gssize      len);
/* @text without the quote marks ("> ", ">>") at the start of its lines. */
char           *gma_mail_strip_quotes (const char *text);
/* @text as the checker compares it: NFKC (full-width letters, digits and
 * punctuation as ASCII), the wave dash and tildes as "~", ASCII letters
 * in lower case, NUL left out; white space left out, or with
 * @keep_spaces each run of it as one " ". */
char           *gma_mail_fold         (const char *text,
                                       gboolean    keep_spaces);
/* Whether @subject starts with a reply or forward prefix ("Re:",
 * "Fwd:", "FW:", 「転送：」, 「返信：」…); *@rest (optional) is what
 * follows all of them. */
gboolean        gma_mail_subject_is_reply (const char  *subject,
                                           const char **rest);

/* Folds one character as the label matching does: full-width ASCII as
 * ASCII, the ideographic space as a space, wave dashes as "~", hyphens
 * as "-", ASCII letters in lower case. */
gunichar        gma_mail_fold_char    (gunichar c);

G_END_DECLS
