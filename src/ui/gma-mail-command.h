/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-command.h: gmis-assistant --check-mail=FILE */
#pragma once

#include "gma-content.h"

G_BEGIN_DECLS

/* Checks the mail in @path ("-": standard input) against the mail facts
 * of @content and prints the verdict, one line each (see
 * gma_mail_result_to_lines()). Returns the exit status: 0 when the mail
 * was read, 1 when it could not be (the reason on standard error). */
int gma_mail_command_run (GmaContent *content,
                          const char *path);

G_END_DECLS
