/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-outline-tokenizer.c: start tags, end tags and text for gma-outline.c
 * (see gma-outline-tokenizer.h), from gma-html's tokenizer and reference
 * decoder: what the rest of the app reads pages with. */
#define G_LOG_DOMAIN "gma-outline"
#include "config.h"

#include "gma-outline-tokenizer.h"

void
gma_outline_token_clear (GmaOutlineToken *token)
{
  g_clear_pointer (&token->name, g_free);
  g_clear_pointer (&token->text, g_free);
}

void
gma_outline_tokenizer_init (GmaOutlineTokenizer *tokenizer,
                            const char          *html,
                            gsize                len)
{
  gma_html_scanner_init (&tokenizer->scanner, html, len);
}

gboolean
gma_outline_tokenizer_next (GmaOutlineTokenizer *tokenizer,
                            GmaOutlineToken     *token)
{
  GmaHtmlToken html;

  gma_outline_token_clear (token);

  while (gma_html_next_token (&tokenizer->scanner, &html))
    switch (html.kind)
      {
      case GMA_HTML_TEXT:
      case GMA_HTML_RAW_TEXT:
        /* A raw text element's contents (a <title>, a script) are text
         * to the builder, which leaves out what it does not read. */
        token->kind = GMA_OUTLINE_TOKEN_TEXT;
        token->text = gma_html_decode (html.start.p, html.end - html.start.p);
        return TRUE;

      case GMA_HTML_START_TAG:
      case GMA_HTML_END_TAG:
        token->kind = html.kind == GMA_HTML_START_TAG ? GMA_OUTLINE_TOKEN_START : GMA_OUTLINE_TOKEN_END;
        token->name = g_ascii_strdown (html.name, html.name_len);
        token->tag = html;
        return TRUE;

      case GMA_HTML_COMMENT:
      default:
        break;
      }

  return FALSE;
}

char *
gma_outline_token_get_attribute (const GmaOutlineToken *token,
                                 const char            *name)
{
  GmaHtmlPos pos = token->tag.attributes;
  GmaHtmlAttribute attribute;

  while (gma_html_next_attribute (&token->tag, &pos, &attribute))
    if (gma_html_name_is (attribute.name, attribute.name_len, name))
      return attribute.value != NULL ? gma_html_decode (attribute.value, attribute.value_len) : g_strdup ("");

  return NULL;
}
