/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mail-table.h: the test mails, made from the guide's two mails
 * (mail-guide.h): each in four charsets and two transfer encodings,
 * pasted text with and without its subject, forwarded and replied-to
 * copies, look-alikes of many kinds and broken mails, each with what
 * gmis-assistant --check-mail must answer. test-check-mail runs them
 * through the real program; make-mail-corpus writes them as the seed
 * corpus of fuzz-mail. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TEST_MAIL_GENUINE,
  TEST_MAIL_PASTED,
  TEST_MAIL_FORWARDED,
  TEST_MAIL_LOOKALIKE,
  TEST_MAIL_BROKEN,
} TestMailKind;

typedef struct {
  char        *name;      /* "genuine/issue-mail/iso-2022-jp/base64": a file name with '/' */
  TestMailKind kind;
  GBytes      *data;
  gboolean     from_stdin; /* given as --check-mail=- */
  int          status;    /* the exit status: 0 read, 1 not */
  /* status 0: standard output, exactly; status 1: a part of standard
   * error that names the cause */
  char        *expected;
} TestMail;

/* Every test mail, in a fixed order; free with g_ptr_array_unref(). */
GPtrArray *test_mail_table (void);

G_END_DECLS
