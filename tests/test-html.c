/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-html.c: the one HTML model (gma-html.h): tokens, positions,
 * attributes, references, the text the search reads; and the search,
 * the highlighter and the tag scanner the renderer and the checker use
 * agreeing on the inputs where, each with its own scanner, they did not. */

#define G_LOG_DOMAIN "test-html"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gma-highlight.h"
#include "gma-html.h"
#include "gma-search.h"

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static const char *
kind_name (GmaHtmlTokenKind kind)
{
  switch (kind)
    {
    case GMA_HTML_TEXT: return "text";
    case GMA_HTML_START_TAG: return "start";
    case GMA_HTML_END_TAG: return "end";
    case GMA_HTML_COMMENT: return "comment";
    case GMA_HTML_RAW_TEXT: return "raw";
    default: g_assert_not_reached ();
    }
}

/* The tokens of @html (@len bytes or -1) as "kind«bytes»" joined by
 * " ", a tag's name after its kind ("start:a«<a x>»"), "!" after an
 * unclosed tag's. Checks on the way that the tokens cover the text in
 * order without gaps. */
static char *
describe (const char *html,
          gssize      len)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GmaHtmlScanner scanner;
  GmaHtmlToken token;
  const char *expected = html;

  if (len < 0)
    len = strlen (html);
  gma_html_scanner_init (&scanner, html, len);
  while (gma_html_next_token (&scanner, &token))
    {
      g_assert_true (token.start.p == expected);
      g_assert_true (token.end > token.start.p);
      expected = token.end;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, kind_name (token.kind));
      if (token.kind == GMA_HTML_START_TAG || token.kind == GMA_HTML_END_TAG)
        {
          g_string_append_c (out, ':');
          g_string_append_len (out, token.name, token.name_len);
          if (!token.closed)
            g_string_append_c (out, '!');
        }
      g_string_append (out, "«");
      g_string_append_len (out, token.start.p, token.end - token.start.p);
      g_string_append (out, "»");
    }
  g_assert_true (expected == html + len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_tokens (void)
{
  static const struct { const char *in, *out; } cases[] = {
    /* Where the search, the highlighter and the tag scanner disagreed:
     * "</" and a non-letter is a (bogus) comment up to '>' */
    { "x </ パスワード> y", "text«x » comment«</ パスワード>» text« y»" },
    { "x </パスワード> y", "text«x » comment«</パスワード>» text« y»" },
    { "a</>b", "text«a» comment«</>» text«b»" },
    { "a</", "text«a</»" },
    /* '<' and a non-letter is text */
    { "1 < 2 <3 <パ <", "text«1 < 2 <3 <パ <»" },
    { "a <\tb", "text«a <\tb»" },
    /* Comments */
    { "a<!-- <p>b</p> -->c", "text«a» comment«<!-- <p>b</p> -->» text«c»" },
    { "<!-->a", "comment«<!-->» text«a»" },
    { "<!--->a", "comment«<!--->» text«a»" },
    { "<!---->a", "comment«<!---->» text«a»" },
    { "<!-- a -- b --->c", "comment«<!-- a -- b --->» text«c»" },
    { "<!-- a --!>c", "comment«<!-- a --!>» text«c»" },
    { "<!-- a -> b -->c", "comment«<!-- a -> b -->» text«c»" },
    { "a<!-- <p>never closed", "text«a» comment«<!-- <p>never closed»" },
    { "a<!", "text«a» comment«<!»" },
    /* Bogus comments: doctype, CDATA outside SVG, processing instructions */
    { "<!DOCTYPE html><p>", "comment«<!DOCTYPE html>» start:p«<p>»" },
    { "<![CDATA[ a > b ]]>", "comment«<![CDATA[ a >» text« b ]]>»" },
    { "<?xml version=\"1.0\"?>x", "comment«<?xml version=\"1.0\"?>» text«x»" },
    { "<? no end", "comment«<? no end»" },
    /* Tags */
    { "<P>a</P >", "start:P«<P>» text«a» end:P«</P >»" },
    { "<br/><img src=x />", "start:br«<br/>» start:img«<img src=x />»" },
    { "a <b c", "text«a » start:b!«<b c»" },
    { "<a href=\"x>y\" title='a\"b>' c=d>t</a>",
      "start:a«<a href=\"x>y\" title='a\"b>' c=d>» text«t» end:a«</a>»" },
    { "<a title=\"never closed>t</a>", "start:a!«<a title=\"never closed>t</a>»" },
    { "</a href=\">\">x", "end:a«</a href=\">\">» text«x»" },
    { "<パ>", "text«<パ>»" },
    { "<a\n\tb\n>", "start:a«<a\n\tb\n>»" },
    /* Raw text: no tags inside, up to the matching end tag */
    { "<script>if (a<b) x='</p>'</script >y",
      "start:script«<script>» raw«if (a<b) x='</p>'» end:script«</script >» text«y»" },
    { "<SCRIPT>a</scripty></Script>b",
      "start:SCRIPT«<SCRIPT>» raw«a</scripty>» end:Script«</Script>» text«b»" },
    { "<script/>a</script>", "start:script«<script/>» raw«a» end:script«</script>»" },
    { "<style>p{}</style><p>", "start:style«<style>» raw«p{}» end:style«</style>» start:p«<p>»" },
    { "<style>never closed <p>", "start:style«<style>» raw«never closed <p>»" },
    { "<script></script>", "start:script«<script>» end:script«</script>»" },
    { "<textarea><b>x</b></textarea>",
      "start:textarea«<textarea>» raw«<b>x</b>» end:textarea«</textarea>»" },
    { "<title>パスワード</title>", "start:title«<title>» raw«パスワード» end:title«</title>»" },
    { "<script>a</script", "start:script«<script>» raw«a</script»" },
    { "</script>a", "end:script«</script>» text«a»" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tokens = describe (cases[i].in, -1);

      if (g_strcmp0 (tokens, cases[i].out) != 0)
        g_error ("“%s”:\n got      %s\n expected %s", cases[i].in, tokens, cases[i].out);
    }
}

/* With a length, the scanner stops there and a NUL is text. */
static void
test_tokens_length (void)
{
  static const char bytes[] = "a\0b<p>c</p>";
  g_autofree char *cut = describe ("abc<p>", 4);
  g_autofree char *cut_tag = describe ("x<a href='y'>", 8);
  GmaHtmlScanner scanner;
  GmaHtmlToken token;

  gma_html_scanner_init (&scanner, bytes, sizeof bytes - 1);
  g_assert_true (gma_html_next_token (&scanner, &token));
  g_assert_cmpint (token.kind, ==, GMA_HTML_TEXT);
  g_assert_cmpmem (token.start.p, token.end - token.start.p, "a\0b", 3);
  g_assert_true (gma_html_next_tag (&scanner, &token));
  g_assert_true (gma_html_name_is (token.name, token.name_len, "p"));

  g_assert_cmpstr (cut, ==, "text«abc<»");
  g_assert_cmpstr (cut_tag, ==, "text«x» start:a!«<a href»");
}

/* Lines and columns (characters, from 1) of tokens and attributes. */
static void
test_positions (void)
{
  const char *html = "<p>パスワード</p>\n  <a\n href=\"x\" class=y>リンク</a>";
  GmaHtmlScanner scanner;
  GmaHtmlToken token;
  GmaHtmlAttribute attribute;
  GmaHtmlPos pos;
  guint n = 0;
  static const struct { GmaHtmlTokenKind kind; guint line, col; } expected[] = {
    { GMA_HTML_START_TAG, 1, 1 },
    { GMA_HTML_TEXT, 1, 4 },
    { GMA_HTML_END_TAG, 1, 9 },
    { GMA_HTML_TEXT, 1, 13 },
    { GMA_HTML_START_TAG, 2, 3 },
    { GMA_HTML_TEXT, 3, 19 },
    { GMA_HTML_END_TAG, 3, 22 },
  };

  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_token (&scanner, &token))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpint (token.kind, ==, expected[n].kind);
      g_assert_cmpuint (token.start.line, ==, expected[n].line);
      g_assert_cmpuint (token.start.col, ==, expected[n].col);
      if (n == 4)
        {
          pos = token.attributes;
          g_assert_true (gma_html_next_attribute (&token, &pos, &attribute));
          g_assert_cmpuint (attribute.name_pos.line, ==, 3);
          g_assert_cmpuint (attribute.name_pos.col, ==, 2);
          g_assert_cmpuint (attribute.value_pos.col, ==, 8);
          g_assert_true (gma_html_next_attribute (&token, &pos, &attribute));
          g_assert_cmpuint (attribute.value_pos.line, ==, 3);
          g_assert_cmpuint (attribute.value_pos.col, ==, 17);
          g_assert_false (gma_html_next_attribute (&token, &pos, &attribute));
        }
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  /* gma_html_pos_advance() counts the same way, and stops at a NUL. */
  pos = (GmaHtmlPos) { html, 1, 1 };
  gma_html_pos_advance (&pos, strlen ("<p>パスワード</p>\n  "));
  g_assert_cmpuint (pos.line, ==, 2);
  g_assert_cmpuint (pos.col, ==, 3);
  gma_html_pos_advance (&pos, 1000);
  g_assert_true (*pos.p == '\0');
}

/* Attributes quoted every way, and names as HTML reads them. */
static void
test_attributes (void)
{
  const char *html = "<a =x b = \"y>\" c='z\"' d=e/ f g= h=\"\" I=J\tk/>";
  static const struct { const char *name, *value; } expected[] = {
    { "=x", NULL }, { "b", "y>" }, { "c", "z\"" }, { "d", "e/" }, { "f", NULL },
    { "g", "h=\"\"" }, { "I", "J" }, { "k", NULL },
  };
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;
  GmaHtmlAttribute attribute;
  GmaHtmlPos pos;
  guint n = 0;

  gma_html_scanner_init (&scanner, html, -1);
  g_assert_true (gma_html_next_tag (&scanner, &tag));
  g_assert_true (tag.closed);
  g_assert_true (tag.end == html + strlen (html));
  pos = tag.attributes;
  while (gma_html_next_attribute (&tag, &pos, &attribute))
    {
      g_autofree char *name = g_strndup (attribute.name, attribute.name_len);
      g_autofree char *value = attribute.value ? g_strndup (attribute.value, attribute.value_len) : NULL;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (name, ==, expected[n].name);
      g_assert_cmpstr (value, ==, expected[n].value);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_false (gma_html_next_tag (&scanner, &tag));

  /* Classes: case-sensitive words of the class attribute */
  gma_html_scanner_init (&scanner, "<p CLASS='a  gma-contact\tb'></p><p class=Gma-contact>", -1);
  g_assert_true (gma_html_next_tag (&scanner, &tag));
  g_assert_true (gma_html_tag_has_class (&tag, "gma-contact"));
  g_assert_true (gma_html_tag_has_class (&tag, "b"));
  g_assert_false (gma_html_tag_has_class (&tag, "gma"));
  g_assert_true (gma_html_next_tag (&scanner, &tag));
  g_assert_cmpint (tag.kind, ==, GMA_HTML_END_TAG);
  g_assert_false (gma_html_tag_has_class (&tag, "gma-contact"));
  g_assert_true (gma_html_next_tag (&scanner, &tag));
  g_assert_false (gma_html_tag_has_class (&tag, "gma-contact"));
}

/* gma_html_next_tag() sees the tags only: none in comments or raw text. */
static void
test_next_tag (void)
{
  const char *html = "<!-- <a> --><p>x </ <b>> <script><i></script><?<u>?><s>";
  const char *names[] = { "p", "script", "script", "s" };
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;
  guint n = 0;

  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_tag (&scanner, &tag))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (names));
      g_assert_true (gma_html_name_is (tag.name, tag.name_len, names[n]));
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
}

/* ------------------------------------------------------------------ */
/* References                                                          */
/* ------------------------------------------------------------------ */

static void
test_references (void)
{
  static const struct {
    const char *in;
    GmaHtmlReference kind;
    gsize len;
    gunichar c;
  } cases[] = {
    { "&amp;x", GMA_HTML_REFERENCE_VALID, 5, '&' },
    { "&lt;", GMA_HTML_REFERENCE_VALID, 4, '<' },
    { "&nbsp;", GMA_HTML_REFERENCE_VALID, 6, 0xA0 },
    { "&yen;", GMA_HTML_REFERENCE_VALID, 5, 0xA5 },
    { "&hellip;", GMA_HTML_REFERENCE_VALID, 8, 0x2026 },
    { "&#12464;", GMA_HTML_REFERENCE_VALID, 8, 0x30B0 },
    { "&#x30ED;", GMA_HTML_REFERENCE_VALID, 8, 0x30ED },
    { "&#X30ed;", GMA_HTML_REFERENCE_VALID, 8, 0x30ED },
    { "&#x1F600;", GMA_HTML_REFERENCE_VALID, 9, 0x1F600 },
    { "&#10;", GMA_HTML_REFERENCE_VALID, 5, '\n' },
    /* What a browser reads otherwise */
    { "&unknown;", GMA_HTML_REFERENCE_INVALID, 9, 0 },
    { "&AMP;", GMA_HTML_REFERENCE_INVALID, 5, 0 },
    { "&#0;", GMA_HTML_REFERENCE_INVALID, 4, 0 },
    { "&#xD800;", GMA_HTML_REFERENCE_INVALID, 8, 0 },
    { "&#x80;", GMA_HTML_REFERENCE_INVALID, 6, 0 },
    { "&#1;", GMA_HTML_REFERENCE_INVALID, 4, 0 },
    { "&#x110000;", GMA_HTML_REFERENCE_INVALID, 10, 0 },
    { "&#99999999999999999999999;", GMA_HTML_REFERENCE_INVALID, 26, 0 },
    { "&#65", GMA_HTML_REFERENCE_INVALID, 4, 0 },
    { "&#65 ", GMA_HTML_REFERENCE_INVALID, 4, 0 },
    { "&#x41x;", GMA_HTML_REFERENCE_INVALID, 5, 0 },
    { "&abcdefghijklmnopqrstuvwxyzabcdef;", GMA_HTML_REFERENCE_INVALID, 34, 0 },
    /* Not references: text as written */
    { "&", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "& x", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&amp", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&amp x;", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&#;", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&#", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&#x;", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&;", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&1a;", GMA_HTML_REFERENCE_NONE, 0, 0 },
    { "&abcdefghijklmnopqrstuvwxyzabcdefg;", GMA_HTML_REFERENCE_NONE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = 0;
      gunichar c = 0;
      GmaHtmlReference kind;

      kind = gma_html_reference (cases[i].in, cases[i].in + strlen (cases[i].in), &len, &c);
      if (kind != cases[i].kind)
        g_error ("“%s”: kind %d, expected %d", cases[i].in, kind, cases[i].kind);
      if (kind != GMA_HTML_REFERENCE_NONE)
        g_assert_cmpuint (len, ==, cases[i].len);
      if (kind == GMA_HTML_REFERENCE_VALID)
        g_assert_cmpuint (c, ==, cases[i].c);
    }

  /* The end given is respected: "&amp;" cut before its ';' is not one. */
  {
    gsize len;
    gunichar c;

    g_assert_cmpint (gma_html_reference ("&amp;", (const char *) "&amp;" + 4, &len, &c), ==,
                     GMA_HTML_REFERENCE_NONE);
  }
}

static void
test_decode (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "A&amp;B&lt;&#x30ED;&#12464;", "A&B<ログ" },
    { "&bogus; &#0; &#65 & &amp &", "&bogus; &#0; &#65 & &amp &" },
    { "&&amp;&#38&amp;", "&&&#38&" },
    { "a&nbsp;b", "a\xc2\xa0" "b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gma_html_decode (cases[i].in, -1);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* A length: the rest is not read */
  {
    g_autofree char *out = gma_html_decode ("x&amp;y", 4);

    g_assert_cmpstr (out, ==, "x&am");
  }
}

/* The references of a text with their places, for the checker. */
static void
test_next_reference (void)
{
  const char *text = "a&amp;\nb & &#0; &x;";
  const char *end = text + strlen (text);
  static const struct {
    GmaHtmlReference kind;
    guint line, col;
    gsize len;
  } expected[] = {
    { GMA_HTML_REFERENCE_VALID, 1, 2, 5 },
    { GMA_HTML_REFERENCE_INVALID, 2, 5, 4 },
    { GMA_HTML_REFERENCE_INVALID, 2, 10, 3 },
  };
  GmaHtmlPos pos = { text, 1, 1 };
  GmaHtmlReference kind;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (gma_html_next_reference (&pos, end, &kind, &len));
      g_assert_cmpint (kind, ==, expected[i].kind);
      g_assert_cmpuint (pos.line, ==, expected[i].line);
      g_assert_cmpuint (pos.col, ==, expected[i].col);
      g_assert_cmpuint (len, ==, expected[i].len);
      gma_html_pos_advance (&pos, len);
    }

  g_assert_false (gma_html_next_reference (&pos, end, &kind, &len));
  g_assert_true (pos.p == end);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

static void
test_to_text (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "<p>メール&amp;<strong>URL</strong></p><p>次</p>", "メール&URL\n次" },
    { "<h2>対応方法1</h2>\n  <ul><li>一</li><li>二</li></ul>", "対応方法1\n一\n二" },
    { "a<br>b<br/>c", "a\nb\nc" },
    { "&lt;厚生労働省&gt; &#x30ED;&#12464;&nbsp;x", "<厚生労働省> ログ x" },
    { "a\xc2\xa0\xc2\xa0 b", "a b" },
    { "<a href=\"gma://faq/faq-3-2\" title='a>b'>FAQ 3-2</a>", "FAQ 3-2" },
    { "x<!-- <p>hidden</p> -->y", "xy" },
    { "<style>p { color: red }</style>z", "z" },
    { "<script>a<b</script>z<textarea>t</textarea>", "z" },
    { "1 < 2 &unknown; &#0;", "1 < 2 &unknown; &#0;" },
    { "x </ パスワード> y", "x y" },
    { "a <![CDATA[ b > c ]]>", "a c ]]>" },
    { "  <p>  a  </p>  ", "a" },
    { "a <b c", "a" },
    { "a<!-- never closed <p>b", "a" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gma_html_to_text (cases[i].in, -1, NULL);

      if (g_strcmp0 (text, cases[i].out) != 0)
        g_error ("“%s”: “%s”, expected “%s”", cases[i].in, text, cases[i].out);
    }
}

/* The byte map: each byte of the text to the bytes it comes from. */
static void
test_to_text_map (void)
{
  const char *html = "<p>a&amp;b</p>\n <li>c  d";
  /* "a&b\nc d" */
  static const GmaHtmlRange expected[] = {
    { 3, 4 }, { 4, 9 }, { 9, 10 }, { 10, 14 }, { 20, 21 }, { 21, 22 }, { 23, 24 },
  };
  g_autoptr(GArray) map = NULL;
  g_autofree char *text = gma_html_to_text (html, -1, &map);

  g_assert_cmpstr (text, ==, "a&b\nc d");
  g_assert_cmpuint (map->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < map->len; i++)
    {
      g_assert_cmpuint (g_array_index (map, GmaHtmlRange, i).start, ==, expected[i].start);
      g_assert_cmpuint (g_array_index (map, GmaHtmlRange, i).end, ==, expected[i].end);
    }

  /* A character from a reference: each of its bytes maps to all of it */
  g_clear_pointer (&map, g_array_unref);
  g_clear_pointer (&text, g_free);
  text = gma_html_to_text ("&#x30ED;", -1, &map);
  g_assert_cmpuint (map->len, ==, 3);
  for (guint i = 0; i < map->len; i++)
    {
      g_assert_cmpuint (g_array_index (map, GmaHtmlRange, i).start, ==, 0);
      g_assert_cmpuint (g_array_index (map, GmaHtmlRange, i).end, ==, 8);
    }
}

/* Long inputs made of one construct that never ends: one pass each, the
 * tokens cover the text (the meson timeout is the only clock). */
static void
test_long_inputs (void)
{
  static const char * const units[] = {
    "<", "&", "&#", "&amp", "<!--", "<a ", "</ ", "<a href=\"", "<script>", "</", "-->",
    "<!", "&#x1", "<p>x</p>",
  };
  const gsize size = 1 << 18;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) html = g_string_sized_new (size + 16);
      g_autofree char *text = NULL;
      g_autofree char *decoded = NULL;
      g_autoptr(GArray) map = NULL;
      GmaHtmlScanner scanner;
      GmaHtmlToken token;
      const char *last_end;
      guint n = 0;

      while (html->len < size)
        g_string_append (html, units[i]);

      gma_html_scanner_init (&scanner, html->str, html->len);
      last_end = html->str;
      while (gma_html_next_token (&scanner, &token))
        {
          g_assert_true (token.start.p == last_end);
          last_end = token.end;
          n++;
        }
      g_assert_true (last_end == html->str + html->len);
      g_assert_cmpuint (n, >, 0);

      text = gma_html_to_text (html->str, html->len, &map);
      g_assert_cmpuint (map->len, ==, strlen (text));
      decoded = gma_html_decode (html->str, html->len);
      g_assert_nonnull (decoded);
      g_test_message ("“%s”: %u tokens, %" G_GSIZE_FORMAT " bytes of text", units[i], n, strlen (text));
    }
}

/* ------------------------------------------------------------------ */
/* The clients agree                                                   */
/* ------------------------------------------------------------------ */

/* Inputs on which the search's text, the highlighter's marks and the tag
 * scanner (the renderer's and the checker's) each had their own view.
 * @word appears in the source; @in_text whether it is in the text. */
static const struct {
  const char *html;
  const char *word;
  gboolean in_text;
} odd_markup[] = {
  { "x </ パスワード> y", "パスワード", FALSE },
  { "x </パスワード>y", "パスワード", FALSE },
  { "a <![CDATA[ パスワード ]]> b", "パスワード", FALSE },
  { "a <![CDATA[ x > パスワード ]]> b", "パスワード", TRUE },
  { "1 <? パスワード ?> 2", "パスワード", FALSE },
  { "<title>パスワード</title>本文", "パスワード", FALSE },
  { "<textarea>パスワード</textarea>本文", "パスワード", FALSE },
  { "<script>x='</p>パスワード'</script>本文", "パスワード", FALSE },
  { "<scripts>パスワード</scripts>", "パスワード", TRUE },
  { "1 <パスワード> 2", "パスワード", TRUE },
  { "a<!--->パスワード", "パスワード", TRUE },
  { "a<!-- x --!>パスワード", "パスワード", TRUE },
  { "a<!-- x -- パスワード", "パスワード", FALSE },
  { "<p title=\"パスワード\">本文</p>", "パスワード", FALSE },
  { "<p title=パスワード>本文</p>", "パスワード", FALSE },
  { "<a href='x>パスワード'>本文</a>", "パスワード", FALSE },
  { "&#x30D1;&#x30B9;ワード", "パスワード", TRUE },
  { "&#x80;パスワード", "パスワード", TRUE },
};

/* The bytes of @html inside text tokens, as a mask. */
static char *
text_mask (const char *html)
{
  char *mask = g_malloc0 (strlen (html) + 1);
  GmaHtmlScanner scanner;
  GmaHtmlToken token;

  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_token (&scanner, &token))
    if (token.kind == GMA_HTML_TEXT)
      memset (mask + (token.start.p - html), 1, token.end - token.start.p);

  return mask;
}

static void
test_clients_agree (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (odd_markup); i++)
    {
      const char *html = odd_markup[i].html;
      const char *word = odd_markup[i].word;
      g_autofree char *mask = text_mask (html);
      g_autoptr(GArray) map = NULL;
      g_autofree char *text = gma_html_to_text (html, -1, &map);
      g_autofree char *marked = gma_highlight_html (html, NULL, NULL, word);
      g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GString) unmarked = g_string_new (NULL);
      const char *at = strstr (html, word);
      const char *p;
      gsize source = 0;
      guint n_marks = 0;
      GmaHtmlScanner scanner;
      GmaHtmlToken tag;

      g_test_message ("%s", html);

      /* The search: the word is in the page's text, or not */
      gma_search_index_add (index, "page", "", NULL, text);
      hits = gma_search_index_query (index, word);
      g_assert_cmpuint (hits->len, ==, odd_markup[i].in_text ? 1 : 0);
      g_assert_true ((strstr (text, word) != NULL) == odd_markup[i].in_text);

      /* The search's text comes from text tokens only */
      for (guint b = 0; b < map->len; b++)
        {
          const GmaHtmlRange *range = &g_array_index (map, GmaHtmlRange, b);

          if (text[b] != '\n')
            for (gsize k = range->start; k < range->end; k++)
              g_assert_true (mask[k]);
        }

      /* The highlighter: marks exactly when the search finds the word,
       * only in text tokens; without its marks, the page as it was */
      for (p = marked; *p != '\0';)
        {
          if (g_str_has_prefix (p, "<mark>"))
            {
              const char *close = strstr (p, "</mark>");

              g_assert_nonnull (close);
              for (const char *q = p + 6; q < close; q++)
                g_assert_true (mask[source + (q - (p + 6))]);
              g_string_append_len (unmarked, p + 6, close - (p + 6));
              source += close - (p + 6);
              p = close + 7;
              n_marks++;
              continue;
            }
          g_string_append_c (unmarked, *p++);
          source++;
        }
      g_assert_cmpstr (unmarked->str, ==, html);
      g_assert_true ((n_marks > 0) == odd_markup[i].in_text);

      /* The tag scanner (the renderer's links and the checker's
       * elements): no tag holds the word when the text does, and the
       * word's bytes are in a tag only where they are in no text */
      gma_html_scanner_init (&scanner, html, -1);
      while (gma_html_next_tag (&scanner, &tag))
        if (at >= tag.start.p && at < tag.end)
          g_assert_false (odd_markup[i].in_text);
    }
}

/* The one case of the issue, spelt out */
static void
test_issue_case (void)
{
  const char *html = "x </ パスワード> y";
  g_autofree char *text = gma_html_to_text (html, -1, NULL);
  g_autofree char *marked = gma_highlight_html (html, NULL, NULL, "パスワード");
  GmaHtmlScanner scanner;
  GmaHtmlToken token;

  g_assert_cmpstr (text, ==, "x y");
  g_assert_cmpstr (marked, ==, html);
  gma_html_scanner_init (&scanner, html, -1);
  g_assert_false (gma_html_next_tag (&scanner, &token));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/tokens", test_tokens);
  g_test_add_func ("/html/tokens-length", test_tokens_length);
  g_test_add_func ("/html/positions", test_positions);
  g_test_add_func ("/html/attributes", test_attributes);
  g_test_add_func ("/html/next-tag", test_next_tag);
  g_test_add_func ("/html/references", test_references);
  g_test_add_func ("/html/decode", test_decode);
  g_test_add_func ("/html/next-reference", test_next_reference);
  g_test_add_func ("/html/to-text", test_to_text);
  g_test_add_func ("/html/to-text-map", test_to_text_map);
  g_test_add_func ("/html/long-inputs", test_long_inputs);
  g_test_add_func ("/html/clients-agree", test_clients_agree);
  g_test_add_func ("/html/issue-case", test_issue_case);

  return g_test_run ();
}
