/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-html.c: the HTML model (gma-html.h) over arbitrary bytes.
 *
 * Each input is tokenized with its length (NUL bytes are text) and
 * checked against the promises of gma-html.h: the tokens cover the input
 * in order without gaps or empty tokens; a tag's name starts with an
 * ASCII letter and its attributes lie inside it; the lines and columns
 * are those gma_html_pos_advance() counts. The text has one map range per
 * byte, inside the input and never going backwards, and is the same with
 * and without the map; the text and the decoded input are UTF-8 when the
 * input is. Then, for UTF-8 input without NUL (a page that passed the
 * checker), its first words are highlighted: without the <mark> and
 * </mark> the highlighter put in, the output is the input.
 *
 * Built with -fsanitize=fuzzer by the meson option "fuzzing", and always
 * into the standalone driver that replays tests/fuzz/corpus/html.
 */
#include "config.h"

#include <string.h>

#include "gma-highlight.h"
#include "gma-html.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_tag (const GmaHtmlToken *tag)
{
  GmaHtmlPos pos = tag->attributes;
  GmaHtmlAttribute attribute;

  if (tag->name_len == 0 || !g_ascii_isalpha (tag->name[0]) || tag->name < tag->start.p ||
      tag->name + tag->name_len > tag->end)
    fail ("a tag's name is not a name inside the tag");

  while (gma_html_next_attribute (tag, &pos, &attribute))
    {
      if (attribute.name_len == 0 || attribute.name < tag->attributes.p ||
          attribute.name + attribute.name_len > tag->end)
        fail ("an attribute's name is outside its tag");
      if (attribute.value != NULL &&
          (attribute.value < attribute.name || attribute.value + attribute.value_len > tag->end))
        fail ("an attribute's value is outside its tag");
      if (pos.p > tag->end)
        fail ("the attributes run past their tag");
    }
}

static void
check_tokens (const char *text,
              gsize       len,
              gboolean    has_nul)
{
  GmaHtmlScanner scanner;
  GmaHtmlToken token;
  GmaHtmlPos counted = { text, 1, 1 };
  const char *expected = text;

  gma_html_scanner_init (&scanner, text, len);
  while (gma_html_next_token (&scanner, &token))
    {
      if (token.start.p != expected || token.end <= token.start.p || token.end > text + len)
        fail ("the tokens do not cover the text in order");
      if (token.kind != GMA_HTML_TEXT && token.kind != GMA_HTML_START_TAG &&
          token.kind != GMA_HTML_END_TAG && token.kind != GMA_HTML_COMMENT &&
          token.kind != GMA_HTML_RAW_TEXT)
        fail ("a token of kind %d", token.kind);
      if (token.kind == GMA_HTML_START_TAG || token.kind == GMA_HTML_END_TAG)
        check_tag (&token);

      /* gma_html_pos_advance() stops at a NUL */
      if (!has_nul)
        {
          gma_html_pos_advance (&counted, token.start.p - counted.p);
          if (counted.line != token.start.line || counted.col != token.start.col)
            fail ("a token at %u:%u is at %u:%u", token.start.line, token.start.col,
                  counted.line, counted.col);
        }
      expected = token.end;
    }

  if (expected != text + len)
    fail ("the tokens stop before the end of the text");
}

static void
check_text (const char *text,
            gsize       len,
            gboolean    utf8)
{
  g_autoptr(GArray) map = NULL;
  g_autofree char *plain = gma_html_to_text (text, len, &map);
  g_autofree char *again = gma_html_to_text (text, len, NULL);
  g_autofree char *decoded = gma_html_decode (text, len);
  gsize last_start = 0;

  if (strcmp (plain, again) != 0)
    fail ("the text with and without its map differs");
  if (map->len != strlen (plain))
    fail ("%u map ranges for %" G_GSIZE_FORMAT " bytes of text", map->len, strlen (plain));
  for (guint i = 0; i < map->len; i++)
    {
      const GmaHtmlRange *range = &g_array_index (map, GmaHtmlRange, i);

      if (range->start >= range->end || range->end > len)
        fail ("map %u: [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ") is outside %" G_GSIZE_FORMAT
              " bytes", i, range->start, range->end, len);
      if (range->start < last_start)
        fail ("map %u goes backwards", i);
      last_start = range->start;
    }

  if (utf8 && !g_utf8_validate (plain, -1, NULL))
    fail ("the text of UTF-8 input is not UTF-8");
  if (utf8 && !g_utf8_validate (decoded, -1, NULL))
    fail ("the decoded UTF-8 input is not UTF-8");
}

/* Without the marks it put in, the highlighter's output is the input. */
static void
check_highlight (const char *text)
{
  g_autofree char *plain = gma_html_to_text (text, -1, NULL);
  g_autofree char *query = NULL;
  g_autofree char *marked = NULL;
  const char *in = text;
  const char *out;
  const char *end;

  /* The query: the text's first characters, up to ten */
  end = plain;
  for (guint i = 0; i < 10 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  query = g_strndup (plain, end - plain);
  marked = gma_highlight_html (text, NULL, NULL, query);

  for (out = marked; *out != '\0';)
    {
      const char *tags[] = { "<mark>", "</mark>" };
      gboolean inserted = FALSE;

      for (guint t = 0; t < G_N_ELEMENTS (tags) && !inserted; t++)
        if (g_str_has_prefix (out, tags[t]) && !g_str_has_prefix (in, tags[t]))
          {
            out += strlen (tags[t]);
            inserted = TRUE;
          }
      if (inserted)
        continue;
      if (*in != *out)
        fail ("the highlighted page differs from the page at byte %" G_GSIZE_FORMAT, in - text);
      in++;
      out++;
    }
  if (*in != '\0')
    fail ("the highlighted page is shorter than the page");
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  gboolean has_nul = memchr (data, '\0', size) != NULL;
  gboolean utf8 = g_utf8_validate_len (text, size, NULL);

  check_tokens (text, size, has_nul);
  check_text (text, size, utf8);

  if (!has_nul && utf8)
    {
      g_autofree char *page = g_strndup (text, size);

      check_highlight (page);
    }

  return 0;
}
