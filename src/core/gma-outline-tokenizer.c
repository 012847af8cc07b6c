/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-outline-tokenizer.c: start tags, end tags and text for gma-outline.c
 * (see gma-outline-tokenizer.h), on gma-html.h's tag scanner: text is
 * what lies between two tags. */
#define G_LOG_DOMAIN "gma-outline"
#include "config.h"

#include <string.h>

#include "gma-outline-tokenizer.h"

void
gma_outline_token_clear (GmaOutlineToken *token)
{
  g_clear_pointer (&token->name, g_free);
  g_clear_pointer (&token->text, g_free);
}

/* The length of the character reference at @p (it starts with '&'),
 * its character in @c; 0 when it is none this knows: it is then text. */
static gsize
reference_length (const char *p,
                  const char *end,
                  gunichar   *c)
{
  static const char * const names[] = { "amp;", "lt;", "gt;", "quot;", "apos;", "nbsp;" };
  static const gunichar chars[] = { '&', '<', '>', '"', '\'', 0xA0 };
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      guint base = 10;
      guint64 value = 0;
      const char *digits;

      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          base = 16;
          q++;
        }
      digits = q;
      while (q < end && q - digits < 8 && g_ascii_isxdigit (*q) && (base == 16 || g_ascii_isdigit (*q)))
        value = value * base + (base == 16 ? (guint) g_ascii_xdigit_value (*q++) : (guint) (*q++ - '0'));
      if (q == digits || q >= end || *q != ';' || value == 0 || !g_unichar_validate ((gunichar) value))
        return 0;
      *c = (gunichar) value;
      return q + 1 - p;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize n = strlen (names[i]);

      if ((gsize) (end - q) >= n && strncmp (q, names[i], n) == 0)
        {
          *c = chars[i];
          return n + 1;
        }
    }

  return 0;
}

/* @p…@end as text: references decoded, comments left out. */
static char *
decode_text (const char *p,
             const char *end)
{
  GString *out = g_string_sized_new (end - p);

  while (p < end)
    {
      gunichar c;
      gsize n;

      if (*p == '<' && end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          p = close != NULL ? close + 3 : end;
          continue;
        }
      /* <!DOCTYPE …> and the like. */
      if (*p == '<' && end - p >= 2 && (p[1] == '!' || p[1] == '?'))
        {
          const char *close = memchr (p, '>', end - p);

          p = close != NULL ? close + 1 : end;
          continue;
        }
      if (*p == '&' && (n = reference_length (p, end, &c)) > 0)
        {
          g_string_append_unichar (out, c);
          p += n;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

void
gma_outline_tokenizer_init (GmaOutlineTokenizer *tokenizer,
                            const char          *html,
                            gsize                len)
{
  gma_html_scanner_init (&tokenizer->scanner, html);
  tokenizer->text = html;
  tokenizer->end = html + len;
  tokenizer->has_next = FALSE;
}

gboolean
gma_outline_tokenizer_next (GmaOutlineTokenizer *tokenizer,
                            GmaOutlineToken     *token)
{
  const char *text_end;

  gma_outline_token_clear (token);

  if (!tokenizer->has_next)
    tokenizer->has_next = gma_html_next_tag (&tokenizer->scanner, &tokenizer->next);
  text_end = tokenizer->has_next ? tokenizer->next.start.p : tokenizer->end;

  if (text_end > tokenizer->text)
    {
      token->kind = GMA_OUTLINE_TOKEN_TEXT;
      token->text = decode_text (tokenizer->text, text_end);
      tokenizer->text = text_end;
      return TRUE;
    }
  if (!tokenizer->has_next)
    return FALSE;

  token->kind = tokenizer->next.is_end_tag ? GMA_OUTLINE_TOKEN_END : GMA_OUTLINE_TOKEN_START;
  token->name = g_ascii_strdown (tokenizer->next.name, tokenizer->next.name_len);
  token->tag = tokenizer->next;
  tokenizer->text = tokenizer->next.end;
  tokenizer->has_next = FALSE;
  return TRUE;
}

char *
gma_outline_token_get_attribute (const GmaOutlineToken *token,
                                 const char            *name)
{
  GmaHtmlPos pos = token->tag.attributes;
  GmaHtmlAttribute attribute;

  while (gma_html_next_attribute (&pos, &attribute))
    if (gma_html_name_is (attribute.name, attribute.name_len, name))
      return attribute.value != NULL ? decode_text (attribute.value, attribute.value + attribute.value_len)
                                     : g_strdup ("");

  return NULL;
}
