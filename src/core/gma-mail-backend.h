/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-backend.h: the interface between the mail checker (the core:
 * gma-mail.c) and its backend (gma-mail-gmime.c: GMime 3 and libpsl),
 * a shared module loaded the first time a mail is checked.
 *
 * Why a module: GMime brings GPGME, libassuan, libgpg-error, libidn2 and
 * libunistring; linked into the program, the dynamic loader would map
 * and relocate them before main() runs, before the window's first frame,
 * for a feature most runs never use. Loaded on first use, that work is
 * done only by the runs that check a mail.
 *
 * The module calls nothing of the core (the program does not export its
 * symbols): it hands what it parsed to the core through the sink below,
 * and says what went wrong with a GError in the GMA_MAIL_ERROR domain,
 * which it finds by the quark's name.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GMA_MAIL_BACKEND_ABI 1
#define GMA_MAIL_BACKEND_SYMBOL "gma_mail_backend_get"
/* The name of the quark of GMA_MAIL_ERROR (gma-mail.h). */
#define GMA_MAIL_ERROR_QUARK_NAME "gma-mail-error-quark"

/* How deep a message's parts may nest (a multipart in a multipart, a
 * forwarded message in a message…), the message itself at depth 0. A
 * real mail nests two or three deep. */
#define GMA_MAIL_MAX_DEPTH 16

typedef enum {
  GMA_MAIL_PART_TEXT,   /* text/plain (and any other text/ but html) */
  GMA_MAIL_PART_HTML,   /* text/html */
} GmaMailPartKind;

/* What the backend found, handed over as it walks the message. Every
 * string is as the backend read it (the core checks that it is UTF-8
 * where it must be); @message is the core's. */
typedef struct {
  /* The Subject: header as written, unfolded: the core decodes it
   * (RFC 2047 encoded words; GMime 3.2 merges the base64 of adjacent
   * words before decoding, and loses what follows a word's padding, as in
   * the ISO-2022-JP subjects Japanese mail programs write). */
  gboolean (*set_subject) (gpointer        message,
                           const char     *raw,
                           GError        **error);
  /* One mailbox of the From: header. */
  void     (*add_from)    (gpointer        message,
                           const char     *name,
                           const char     *address);
  /* A text part, its transfer encoding undone: @len bytes of text in
   * @charset (the part's charset parameter; NULL when it has none). */
  gboolean (*add_part)    (gpointer        message,
                           GmaMailPartKind kind,
                           const char     *charset,
                           const char     *data,
                           gsize           len,
                           GError        **error);
  /* A message attached to @message (message/rfc822: a forward "as an
   * attachment"); the backend fills the returned message in turn. */
  gpointer (*add_attached) (gpointer       message);
} GmaMailSink;

typedef struct {
  guint abi;
  /* Parses the RFC 5322 message of @len bytes at @data into @message.
   * FALSE with @error (GMA_MAIL_ERROR) when it cannot be read. */
  gboolean (*parse)              (const char        *data,
                                  gsize              len,
                                  const GmaMailSink *sink,
                                  gpointer           message,
                                  GError           **error);
  /* The registrable domain of the host name @host (lower case, ASCII:
   * punycode for international names), by the Public Suffix List:
   * "mhlw.go.jp" for "www.med-login.mhlw.go.jp". NULL when it has none
   * (the host is itself a public suffix). */
  char    *(*registrable_domain) (const char        *host);
} GmaMailBackend;

typedef const GmaMailBackend *(*GmaMailBackendGetFunc) (void);

G_END_DECLS
