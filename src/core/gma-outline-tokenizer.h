/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-outline-tokenizer.h: the one interface gma-outline.c reads HTML
 * through: start tags (lower-case name, attributes with their values
 * decoded), end tags and runs of text (character references decoded,
 * comments and <!…> declarations left out).
 *
 * Built on gma-html.h's tokenizer and reference decoder. To read through
 * another tokenizer, only gma-outline-tokenizer.c changes (and the
 * private parts below). Private to src/core. */
#pragma once

#include <glib.h>

#include "gma-html.h"

G_BEGIN_DECLS

typedef enum {
  GMA_OUTLINE_TOKEN_START,
  GMA_OUTLINE_TOKEN_END,
  GMA_OUTLINE_TOKEN_TEXT,
} GmaOutlineTokenKind;

typedef struct
{
  GmaOutlineTokenKind  kind;
  char                *name;  /* START, END: lower case */
  char                *text;  /* TEXT */
  /* < private > */
  GmaHtmlToken         tag;
} GmaOutlineToken;

typedef struct
{
  /* < private > */
  GmaHtmlScanner  scanner;
} GmaOutlineTokenizer;

/* Reads @html (@len bytes). */
void     gma_outline_tokenizer_init      (GmaOutlineTokenizer   *tokenizer,
                                          const char            *html,
                                          gsize                  len);
/* The next token into @token (what it held is freed first); FALSE at
 * the end. gma_outline_token_clear() frees the last one. */
gboolean gma_outline_tokenizer_next      (GmaOutlineTokenizer   *tokenizer,
                                          GmaOutlineToken       *token);
void     gma_outline_token_clear         (GmaOutlineToken       *token);
/* The value of attribute @name of a start tag, decoded; "" when it has
 * no value; NULL when the tag does not have it. */
char    *gma_outline_token_get_attribute (const GmaOutlineToken *token,
                                          const char            *name);

G_END_DECLS
