/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-svg-check.c: what an illustration may hold (gma-svg-check.h).
 *
 * A table of hostile and broken pictures, each with the whole message it
 * must be refused with ("FILE:LINE: reason", one line per problem), and
 * of pictures that must pass; the built-in illustrations pass; and the
 * loader checks a picture again each time it serves it.
 */
#define G_LOG_DOMAIN "gma-test-svg-check"

#include "config.h"

#include <string.h>

#include "gma-content.h"
#include "gma-svg-check.h"
#include "test-util.h"

#define NS "xmlns=\"http://www.w3.org/2000/svg\""
#define XLINK "xmlns:xlink=\"http://www.w3.org/1999/xlink\""
#define DOCTYPE_REASON "a DOCTYPE is not allowed in an illustration: it can declare entities, which can make a picture grow to gigabytes, and load files; delete the <!DOCTYPE …> declaration"
#define HANDLER_REASON "(an event handler) is not allowed: pictures run no scripts; remove it"
#define OUTSIDE "leads outside the picture; an illustration may only refer to its own parts"
#define HTML_REASON "is HTML, which is not allowed in an illustration: HTML in a picture can run scripts and load pages; remove it"

#define NUL_SVG "<svg " NS ">\n\n<title>a\0b</title></svg>\n"

typedef enum {
  GEN_NONE,
  GEN_QUADRATIC,  /* one entity of 10,000 characters, used 1,000 times */
  GEN_DEEP,       /* <g> in <g>, 100 deep */
  GEN_MANY,       /* 25 event handlers, one a line */
  GEN_LARGE_TEXT, /* a text of 1,000,000 characters (3 MB): valid */
  GEN_MANY_ELEMENTS, /* 40,000 rectangles (1.6 MB): valid */
} Gen;

typedef struct {
  const char *name;
  const char *svg;
  gssize      len;    /* -1: strlen (@svg) */
  Gen         gen;
  const char *error;  /* the whole message; NULL: valid */
} Row;

static const Row rows[] = {
  /* ---- entities and DTDs: refused at the DOCTYPE, before any is read ---- */
  { "billion-laughs",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    "<!ENTITY lol \"lol\">\n"
    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<svg " NS "><text>&lol9;</text></svg>\n", -1, GEN_NONE,
    "pic.svg:2: " DOCTYPE_REASON },
  { "quadratic-blowup", NULL, -1, GEN_QUADRATIC,
    "pic.svg:1: " DOCTYPE_REASON },
  { "external-entity",
    "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<svg " NS "><text>&x;</text></svg>\n", -1, GEN_NONE,
    "pic.svg:1: " DOCTYPE_REASON },
  { "doctype-without-entities",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- exported -->\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
    "  \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    "<svg " NS "/>\n", -1, GEN_NONE,
    "pic.svg:3: " DOCTYPE_REASON },
  /* ---- scripts and events ---- */
  { "script",
    "<svg " NS ">\n<rect width=\"1\" height=\"1\"/>\n<script>alert(1)</script>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:3: the element <script> is not allowed in an illustration: pictures run no scripts; remove it" },
  { "script-xlink",
    "<svg " NS " " XLINK ">\n<script xlink:href=\"https://example.org/x.js\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: the element <script> is not allowed in an illustration: pictures run no scripts; remove it\n"
    "pic.svg:2: xlink:href=\"https://example.org/x.js\" on <script> " OUTSIDE " (xlink:href=\"#id\")" },
  { "html-script",
    "<svg " NS " xmlns:h=\"http://www.w3.org/1999/xhtml\">\n<h:script>alert(1)</h:script>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: the element <script> " HTML_REASON },
  { "onload",
    "<svg " NS " onload=\"alert(1)\"/>\n", -1, GEN_NONE,
    "pic.svg:1: the attribute “onload” " HANDLER_REASON },
  { "onclick-on-its-own-line",
    "<svg " NS ">\n<rect width=\"1\"\n  height=\"1\"\n  onclick=\"alert(1)\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:4: the attribute “onclick” " HANDLER_REASON },
  { "foreign-object",
    "<svg " NS ">\n<foreignObject>\n<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>\n</foreignObject>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: the element <foreignObject> is not allowed in an illustration: it would put HTML and other documents into the picture; remove it\n"
    "pic.svg:3: the element <div> " HTML_REASON },
  { "animation-sets-a-link",
    "<svg " NS ">\n<a href=\"#r\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/><rect id=\"r\"/></a>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: the element <set> is not allowed in an illustration: pictures stand still, and an animation can change what a picture refers to after the check; remove it" },
  { "processing-instruction",
    "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"https://example.org/x.xsl\" type=\"text/xsl\"?>\n<svg " NS "/>\n", -1, GEN_NONE,
    "pic.svg:2: the processing instruction <?xml-stylesheet …?> is not allowed in an illustration: it can load a style sheet or a program from elsewhere; remove it" },
  /* ---- references ---- */
  { "use-of-another-file",
    "<svg " NS ">\n<use href=\"other.svg#x\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: href=\"other.svg#x\" on <use> " OUTSIDE " (href=\"#id\")" },
  { "remote-image",
    "<svg " NS " " XLINK ">\n<image xlink:href=\"https://example.org/x.png\" width=\"1\" height=\"1\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: xlink:href=\"https://example.org/x.png\" on <image> " OUTSIDE " (xlink:href=\"#id\")" },
  { "data-image",
    "<svg " NS ">\n<image href=\"data:image/svg+xml;base64,PHN2Zy8+\" width=\"1\" height=\"1\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: href=\"data:image/svg+xml;base64,PHN2Zy8+\" on <image> embeds another file, which nobody checked; an illustration may only refer to its own parts (href=\"#id\"): draw it in the SVG, or make it a picture of its own shown by the page" },
  { "javascript-link",
    "<svg " NS ">\n<a href=\" javascript:alert(1)\"><text>x</text></a>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: href=\"javascript:alert(1)\" on <a> " OUTSIDE " (href=\"#id\")" },
  { "xml-base",
    "<svg " NS " xml:base=\"https://example.org/\">\n<use href=\"#x\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:1: the attribute “xml:base” is not allowed: it changes where every reference of the picture leads; remove it" },
  { "url-in-style-attribute",
    "<svg " NS ">\n<rect style=\"fill: url(https://example.org/x.svg#g)\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: url(https://example.org/x.svg#g) in the attribute “style” " OUTSIDE ", as url(#id)" },
  /* Found by fuzz-content: a shortened value leaked its first part. */
  { "long-url-shortened",
    "<svg " NS ">\n<rect fill=\"url(https://example.org/a/very/long/path/to/a/picture/somewhere/else.svg#g)\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: url(https://example.org/a/very/long/path/to/a/picture/somewhere/…) in the attribute “fill” " OUTSIDE ", as url(#id)" },
  { "url-in-presentation-attribute",
    "<svg " NS ">\n<rect fill=\"url(other.svg#g)\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: url(other.svg#g) in the attribute “fill” " OUTSIDE ", as url(#id)" },
  { "url-spelled-with-a-reference",
    "<svg " NS ">\n<rect fill=\"&#x75;rl(https://example.org/#g)\"/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: url(https://example.org/#g) in the attribute “fill” " OUTSIDE ", as url(#id)" },
  { "url-in-style-element",
    "<svg " NS ">\n<style>\nrect { fill: red }\n.a { fill: url( \"https://example.org/g.svg#g\" ) }\n</style>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:4: url(https://example.org/g.svg#g) in <style> " OUTSIDE ", as url(#id)" },
  { "url-in-cdata",
    "<svg " NS ">\n<style><![CDATA[\n.a{fill:url(#g)}\n.b{fill:url(x.svg)}\n]]></style>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:4: url(x.svg) in <style> " OUTSIDE ", as url(#id)" },
  { "import",
    "<svg " NS ">\n<style>\n@import url(https://example.org/x.css);\n</style>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:3: @import is not allowed in <style>: it loads a style sheet from elsewhere; write the rules in the picture itself" },
  { "css-escape",
    "<svg " NS ">\n<style>\nrect { fill: \\75 rl(https://example.org/) }\n</style>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:3: a backslash (\\) is not allowed in <style>: a CSS escape can spell a reference to another file so that no check sees it; write the characters themselves" },
  { "image-set",
    "<svg " NS ">\n<style>rect { fill: image-set(\"https://example.org/x.png\" 1x) }</style>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: the CSS function image-set() is not allowed in <style>: it loads other files; an illustration may only refer to its own parts, as url(#id)" },
  /* ---- not a picture, not XML, not UTF-8 ---- */
  { "truncated",
    "<svg " NS ">\n<g>\n<rect/>\n", -1, GEN_NONE,
    "pic.svg:4: the file ends before the element <g> opened at line 2 is closed; is the file truncated?" },
  { "truncated-in-a-tag",
    "<svg " NS ">\n<g>\n<rect width=\"1", -1, GEN_NONE,
    "pic.svg:3: the file ends before the element <g> opened at line 2 is closed; is the file truncated?" },
  { "end-tag-mismatch",
    "<svg " NS ">\n<g>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:3: the end tag </svg> does not close the element <g> opened at line 2; close it with </g> first" },
  { "two-pictures",
    "<svg " NS "/>\n<svg " NS "/>\n", -1, GEN_NONE,
    "pic.svg:2: something follows the end of the <svg> element; an illustration is one <svg> element" },
  { "html-entity",
    "<svg " NS ">\n<text>a&nbsp;b</text>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: “&nbsp;” is not a character reference XML knows; write the character itself (and “&amp;” for “&”)" },
  { "not-utf8",
    "<svg " NS ">\n<title>\x83\x65\x83\x58\x83\x67</title>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:2: the byte 0x83 is not valid UTF-8; save the file with the UTF-8 encoding" },
  { "declared-shift-jis",
    "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<svg " NS "/>\n", -1, GEN_NONE,
    "pic.svg:1: the file declares the encoding “Shift_JIS”; save it with the UTF-8 encoding and declare encoding=\"UTF-8\" or none" },
  { "nul-byte", NUL_SVG, sizeof (NUL_SVG) - 1, GEN_NONE,
    "pic.svg:3: the file holds a NUL byte; an illustration is a text file, in UTF-8" },
  { "empty", "  \n", -1, GEN_NONE,
    "pic.svg:1: the file is empty; an illustration is one <svg> element" },
  { "html-page",
    "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body/>\n</html>\n", -1, GEN_NONE,
    "pic.svg:1: the picture is <html> in the namespace http://www.w3.org/1999/xhtml; an illustration is one <svg xmlns=\"http://www.w3.org/2000/svg\"> element\n"
    "pic.svg:1: the element <html> " HTML_REASON "\n"
    "pic.svg:2: the element <body> " HTML_REASON },
  { "no-namespace",
    "<svg>\n<rect/>\n</svg>\n", -1, GEN_NONE,
    "pic.svg:1: the picture is <svg> without a namespace; an illustration is one <svg xmlns=\"http://www.w3.org/2000/svg\"> element" },
  { "nested-100-deep", NULL, -1, GEN_DEEP,
    "pic.svg:65: the elements are nested more than 64 levels deep here; a picture never needs that many" },
  { "25-handlers", NULL, -1, GEN_MANY, NULL /* built in test_row() */ },
  /* ---- pictures that pass ---- */
  { "fragments-gradients-and-metadata",
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!-- drawn by hand -->\n"
    "<svg " NS " " XLINK " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:version=\"1.2\">\n"
    "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient><rect id=\"r\" width=\"1\" height=\"1\"/></defs>\n"
    "<use xlink:href=\"#r\"/><use href=\"#r\"/>\n"
    "<style><![CDATA[ text { font-family: \"Noto Sans CJK JP\", sans-serif } .x > rect { fill: url(#g) } ]]></style>\n"
    "<rect fill=\"url(#g)\" style=\"stroke: url( '#g' )\"/>\n"
    "<a href=\"#r\"><text>見る &amp; 読む &#x2192;</text></a>\n"
    "</svg>\n", -1, GEN_NONE, NULL },
  { "large-text", NULL, -1, GEN_LARGE_TEXT, NULL },
  /* Each element's line is found from libxml2's offset in the file: once
   * that offset cost a conversion of the rest of the file, and this took
   * a minute. */
  { "many-elements", NULL, -1, GEN_MANY_ELEMENTS, NULL },
};

static void
append_times (GString    *text,
              const char *piece,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    g_string_append (text, piece);
}

static char *
generate (Gen    gen,
          gsize *len)
{
  GString *text = g_string_new (NULL);

  switch (gen)
    {
    case GEN_QUADRATIC:
      g_string_append (text, "<!DOCTYPE svg [<!ENTITY a \"");
      append_times (text, "x", 10000);
      g_string_append (text, "\">]><svg " NS "><text>");
      append_times (text, "&a;", 1000);
      g_string_append (text, "</text></svg>\n");
      break;
    case GEN_DEEP:
      g_string_append (text, "<svg " NS ">\n");
      append_times (text, "<g>\n", 100);
      append_times (text, "</g>", 100);
      g_string_append (text, "\n</svg>\n");
      break;
    case GEN_MANY:
      g_string_append (text, "<svg " NS ">\n");
      append_times (text, "<rect onclick=\"x()\"/>\n", 25);
      g_string_append (text, "</svg>\n");
      break;
    case GEN_LARGE_TEXT:
      g_string_append (text, "<svg " NS "><text>");
      append_times (text, "字", 1000000);
      g_string_append (text, "</text></svg>\n");
      break;
    case GEN_MANY_ELEMENTS:
      g_string_append (text, "<svg " NS ">\n");
      append_times (text, "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>\n", 40000);
      g_string_append (text, "</svg>\n");
      break;
    case GEN_NONE:
    default:
      g_assert_not_reached ();
    }

  *len = text->len;
  return g_string_free (text, FALSE);
}

static char *
check_to_message (const char *data,
                  gsize       len,
                  gboolean   *ok)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(GString) message = g_string_new (NULL);

  *ok = gma_svg_check (bytes, "pic.svg", problems);
  g_assert_cmpint (*ok, ==, problems->len == 0);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (message, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (problems, i));

  return g_string_free (g_steal_pointer (&message), FALSE);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autofree char *generated = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GString) expected = g_string_new (row->error);
  const char *svg = row->svg;
  gsize len;
  gboolean ok;

  if (row->gen != GEN_NONE)
    svg = generated = generate (row->gen, &len);
  else
    len = row->len >= 0 ? (gsize) row->len : strlen (row->svg);

  if (row->gen == GEN_MANY)
    {
      /* 20 problems, then one line saying the check stopped. */
      for (guint i = 0; i < GMA_SVG_MAX_PROBLEMS; i++)
        g_string_append_printf (expected, "%spic.svg:%u: the attribute “onclick” "
                                HANDLER_REASON, i > 0 ? "\n" : "", i + 2);
      g_string_append_printf (expected, "\npic.svg:%u: the check stops after 20 problems; "
                              "fix these first", GMA_SVG_MAX_PROBLEMS + 2);
    }

  message = check_to_message (svg, len, &ok);
  if (row->error == NULL && row->gen != GEN_MANY)
    {
      g_assert_cmpstr (message, ==, "");
      g_assert_true (ok);
    }
  else
    {
      g_assert_cmpstr (message, ==, expected->str);
      g_assert_false (ok);
    }
}

/* Every illustration the program ships passes, as compiled in. */
static void
test_builtin (void)
{
  const char *dir = RESOURCE_PREFIX "/content/illustrations";
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  guint n_svg = 0;

  gma_content_register_resources ();
  names = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", dir, names[i], NULL);
      g_autofree char *file = g_strconcat ("illustrations/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr(GmaProblems) problems = gma_problems_new ();

      g_assert_no_error (error);
      g_assert_true (gma_svg_path_is_svg (names[i]));
      if (!gma_svg_check (bytes, file, problems))
        g_error ("%s", (const char *) g_ptr_array_index (problems, 0));
      n_svg++;
    }

  g_assert_cmpuint (n_svg, >=, 4);
}

static void
test_is_svg (void)
{
  g_assert_true (gma_svg_path_is_svg ("illustrations/a.svg"));
  g_assert_true (gma_svg_path_is_svg ("illustrations/A.SVG"));
  g_assert_false (gma_svg_path_is_svg ("illustrations/a.svg.png"));
  g_assert_false (gma_svg_path_is_svg ("svg"));
}

/* A picture replaced after the set was validated is checked again when
 * it is served (gma_content_load_file()). */
static void
test_checked_when_served (void)
{
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("gma-svg-XXXXXX", NULL);
  g_autofree char *pic = g_build_filename (tmp, "illustrations", "pic.svg", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (tmp);
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char * const ja[] = { "ja", NULL };

  test_copy_tree (valid, tmp);
  content = gma_content_new (root, ja, &error);
  g_assert_no_error (error);

  bytes = gma_content_load_file (content, "illustrations/pic.svg", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (g_file_set_contents (pic, "<svg " NS " onload=\"alert(1)\"/>", -1, NULL));
  bytes = gma_content_load_file (content, "illustrations/pic.svg", NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“illustrations/pic.svg” is not shown:\n"
                   "illustrations/pic.svg:1: the attribute “onload” " HANDLER_REASON);

  test_remove_tree (tmp);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/svg-check/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  g_test_add_func ("/svg-check/builtin", test_builtin);
  g_test_add_func ("/svg-check/is-svg", test_is_svg);
  g_test_add_func ("/svg-check/checked-when-served", test_checked_when_served);

  return g_test_run ();
}
