/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail.h: a mail a person received, read for the checker
 * (gma-mail-check.h): a saved message (.eml: RFC 5322, MIME, RFC 2047,
 * base64 and quoted-printable, ISO-2022-JP, Shift_JIS, EUC-JP, UTF-8),
 * or the text copied from a mail program (a subject line and the body,
 * with or without 「件名：」 and 「差出人：」 lines).
 *
 * A mail is hostile input. It is read in memory only, never written
 * anywhere and never logged (not even in a debug message), and refused,
 * with a reason a person can act on, when it is:
 *   larger than GMA_MAIL_MAX_SIZE; empty or binary; cut off; without any
 *   text; nested deeper than GMA_MAIL_MAX_DEPTH (gma-mail-backend.h) or
 *   made of more than GMA_MAIL_MAX_MULTIPARTS multiparts (counted before
 *   the parser sees them); headed by more than GMA_MAIL_MAX_HEADER bytes
 *   of header; in a character set this computer cannot read; or damaged
 *   (a base64 or quoted-printable part, or a text not valid in its
 *   character set).
 *
 * Messages are parsed by GMime in a module loaded on first use
 * (gma-mail-backend.h): PKGLIBDIR/gma-mail.so, or the file named by the
 * environment variable GMA_MAIL_MODULE (tests, tools/run).
 */
#pragma once

#include <gio/gio.h>

#include "gma-mail-backend.h"

G_BEGIN_DECLS

#define GMA_MAIL_MAX_SIZE        (10 * 1000 * 1000)  /* bytes: 10 MB */
#define GMA_MAIL_MAX_HEADER      (256 * 1024)        /* bytes of the message's header */
#define GMA_MAIL_MAX_MULTIPARTS  64

#define GMA_MAIL_ERROR (gma_mail_error_quark ())
typedef enum {
  GMA_MAIL_ERROR_READ,             /* the file cannot be read */
  GMA_MAIL_ERROR_TOO_LARGE,
  GMA_MAIL_ERROR_NOT_MAIL,         /* empty, binary, no header */
  GMA_MAIL_ERROR_TRUNCATED,
  GMA_MAIL_ERROR_NO_TEXT,
  GMA_MAIL_ERROR_TOO_DEEP,
  GMA_MAIL_ERROR_ENCODING,         /* damaged base64, quoted-printable or text */
  GMA_MAIL_ERROR_CHARSET,          /* a character set this computer cannot read */
  GMA_MAIL_ERROR_HEADER_TOO_LONG,
  GMA_MAIL_ERROR_NO_CHECKER,       /* the backend module is missing or of another version */
} GmaMailError;
GQuark gma_mail_error_quark (void);

typedef struct {
  char *name;      /* the display name, or NULL */
  char *address;   /* as written, never NULL */
} GmaMailAddress;

typedef struct {
  GmaMailPartKind kind;
  char           *text;   /* UTF-8, line breaks as "\n" */
} GmaMailText;

/* A mail as read. Every string is valid UTF-8. */
typedef struct _GmaMailMessage GmaMailMessage;
struct _GmaMailMessage {
  char      *subject;    /* NULL when the mail has none */
  GPtrArray *from;       /* of GmaMailAddress */
  GPtrArray *parts;      /* of GmaMailText, in the mail's order */
  GPtrArray *attached;   /* of GmaMailMessage: forwarded as attachments */
  gboolean   pasted;     /* read as pasted text, not as a message */
};

void             gma_mail_message_free    (GmaMailMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaMailMessage, gma_mail_message_free)

/* Reads a mail: a saved message, or pasted text (told apart by whether
 * it starts with a mail header). NULL with @error (GMA_MAIL_ERROR) when
 * it cannot be read. */
GmaMailMessage  *gma_mail_message_parse   (GBytes          *mail,
                                           GError         **error);

/* Reads the file @path ("-": standard input) into memory, at most
 * GMA_MAIL_MAX_SIZE bytes: a larger one fails with
 * GMA_MAIL_ERROR_TOO_LARGE, a file that cannot be read with
 * GMA_MAIL_ERROR_READ. */
GBytes          *gma_mail_read_file       (const char      *path,
                                           GError         **error);

/* The backend: loaded from the module on first use; FALSE with @error
 * (GMA_MAIL_ERROR_NO_CHECKER) when it cannot be. */
const GmaMailBackend *gma_mail_get_backend (GError       **error);
/* Uses @backend instead of the module (the fuzzing harness links it in). */
void             gma_mail_set_backend     (const GmaMailBackend *backend);

/* @len bytes of text in @charset (NULL: none said; then UTF-8, else
 * ISO-2022-JP, Shift_JIS or EUC-JP, whichever reads it) as UTF-8 with
 * "\n" line breaks. NULL with GMA_MAIL_ERROR_CHARSET or _ENCODING. */
char            *gma_mail_convert_text    (const char      *data,
                                           gsize            len,
                                           const char      *charset,
                                           GError         **error);

G_END_DECLS
