/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-svg-check.c: what an illustration of a content set may hold (see
 * the header).
 *
 * libxml2 reads the file through SAX callbacks of our own, building no
 * tree: the DOCTYPE callback stops the parser before the internal subset
 * is read, so no entity is ever declared, let alone expanded. The
 * options: XML_PARSE_NONET; no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or
 * XML_PARSE_HUGE; XML_PARSE_IGNORE_ENC (the bytes were checked to be
 * UTF-8, and a declaration of another encoding is refused first).
 *
 * Lines are counted in our copy of the bytes, from xmlByteConsumed() (for
 * UTF-8 input, the offset libxml2 has reached), so that they do not
 * depend on when a version of libxml2 updates its own line counter.
 * libxml2's own messages are used only for the errors this file does not
 * name itself.
 */

#define G_LOG_DOMAIN "gma-svg-check"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "gma-svg-check.h"

#define SVG_NS   "http://www.w3.org/2000/svg"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define XML_NS   "http://www.w3.org/XML/1998/namespace"

typedef struct
{
  char  *name;
  guint  line;
} OpenElement;

typedef struct
{
  xmlParserCtxtPtr ctxt;
  const char  *data;
  gsize        len;
  const char  *file;
  GmaProblems *problems;
  guint        n_problems;
  gboolean     done;        /* the parse was stopped, or failed: nothing more is said */

  /* line_at(): newlines counted up to @counted */
  gsize        counted;
  guint        counted_line;

  GArray      *open;        /* OpenElement: the elements not closed yet */

  /* The text of the <style> element being read (and of anything in it). */
  guint        style_depth; /* its depth, or 0 */
  guint        style_line;  /* the line its text starts on */
  GString     *style_text;
} Check;

gboolean
gma_svg_path_is_svg (const char *path)
{
  gsize len = strlen (path);

  return len >= 4 && g_ascii_strcasecmp (path + len - 4, ".svg") == 0;
}

/* The line (from 1) of the byte at @offset. */
static guint
line_at (Check *check,
         gsize  offset)
{
  offset = MIN (offset, check->len);
  if (offset < check->counted)
    {
      check->counted = 0;
      check->counted_line = 1;
    }
  for (gsize i = check->counted; i < offset; i++)
    if (check->data[i] == '\n')
      check->counted_line++;
  check->counted = offset;

  return check->counted_line;
}

/* The offset libxml2 has reached in our bytes. */
static gsize
parsed_offset (Check *check)
{
  long consumed = xmlByteConsumed (check->ctxt);

  if (consumed < 0)
    return 0;
  return MIN ((gsize) consumed, check->len);
}

/* The offset of the last @needle starting before @offset, or @offset
 * when there is none. */
static gsize
find_back (Check      *check,
           gsize       offset,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = offset; i-- > 0; )
    if (i + n <= check->len && memcmp (check->data + i, needle, n) == 0)
      return i;
  return offset;
}

static void stop (Check *check);

static void
problem (Check      *check,
         guint       line,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Check      *check,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *place = g_strdup_printf ("%u", line);
  va_list args;

  if (check->done)
    return;

  if (check->n_problems == GMA_SVG_MAX_PROBLEMS)
    {
      gma_problems_add (check->problems, check->file, place,
                        "the check stops after %u problems; fix these first",
                        GMA_SVG_MAX_PROBLEMS);
      check->n_problems++;
      stop (check);
      return;
    }

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  gma_problems_add (check->problems, check->file, place, "%s", reason);
  check->n_problems++;
}

static void
stop (Check *check)
{
  check->done = TRUE;
  xmlStopParser (check->ctxt);
}

/* @text shortened for a message. */
static char *
shorten (const char *text)
{
  const gsize max = 60;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= (glong) max)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max);
  return g_strconcat (start, "…", NULL);
}

/* ------------------------------------------------------------------ */
/* CSS: <style>, style="…" and every attribute                         */
/* ------------------------------------------------------------------ */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* Functions that load a file named by a string, not a url(…). */
static const char * const loading_functions[] = {
  "image-set", "-webkit-image-set", "image", "src", "cross-fade", "-webkit-cross-fade",
};

/* Counts the lines from *@counted (on the line *@line) up to @to, which
 * is never before it: each text is counted once, whatever its size. */
static guint
line_up_to (const char **counted,
            guint       *line,
            const char  *to)
{
  for (; *counted < to; (*counted)++)
    if (**counted == '\n')
      (*line)++;
  return *line;
}

/* Checks the CSS (or attribute value) @text whose first byte is on the
 * line @line; @where says where it is, for the messages. */
static void
check_css (Check      *check,
           const char *text,
           guint       line,
           const char *where)
{
  const char *counted = text;
  const char *p;

  if ((p = strchr (text, '\\')) != NULL)
    {
      problem (check, line_up_to (&counted, &line, p),
               "a backslash (\\) is not allowed %s: a CSS escape can spell a reference to "
               "another file so that no check sees it; write the characters themselves",
               where);
      return;
    }

  for (p = text; *p; p++)
    {
      const char *name_start;
      g_autofree char *name = NULL;

      if (*p == '@' && g_ascii_strncasecmp (p, "@import", 7) == 0)
        {
          problem (check, line_up_to (&counted, &line, p),
                   "@import is not allowed %s: it loads a style sheet from elsewhere; write "
                   "the rules in the picture itself", where);
          /* (what it imports is not a second problem) */
          while (p[1] != '\0' && p[1] != ';')
            p++;
          continue;
        }

      if (*p != '(')
        continue;

      name_start = p;
      while (name_start > text && is_name_char (name_start[-1]))
        name_start--;
      if (name_start == p)
        continue;
      name = g_ascii_strdown (name_start, p - name_start);

      if (g_str_equal (name, "url"))
        {
          const char *arg = p + 1;
          const char *end;
          g_autofree char *target = NULL;
          g_autofree char *shown = NULL;

          while (g_ascii_isspace (*arg))
            arg++;
          if (*arg == '"' || *arg == '\'')
            {
              end = strchr (arg + 1, *arg);
              arg++;
            }
          else
            end = strchr (arg, ')');
          if (end == NULL)
            end = arg + strlen (arg);
          target = g_strstrip (g_strndup (arg, end - arg));
          /* Past the argument: the text is scanned once. */
          p = end - 1;

          if (target[0] == '#' && target[1] != '\0')
            continue;

          shown = shorten (target);
          problem (check, line_up_to (&counted, &line, name_start),
                   "url(%s) %s leads outside the picture; an illustration may only refer "
                   "to its own parts, as url(#id)", shown, where);
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (loading_functions); i++)
        if (g_str_equal (name, loading_functions[i]))
          problem (check, line_up_to (&counted, &line, name_start),
                   "the CSS function %s() is not allowed %s: it loads other files; an "
                   "illustration may only refer to its own parts, as url(#id)",
                   name, where);
    }
}

/* ------------------------------------------------------------------ */
/* Elements and attributes                                            */
/* ------------------------------------------------------------------ */

static const struct {
  const char *name;
  const char *reason;
} refused_elements[] = {
  { "script", "pictures run no scripts" },
  { "handler", "pictures run no scripts" },
  { "listener", "pictures run no scripts" },
  { "foreignObject", "it would put HTML and other documents into the picture" },
  { "set", "pictures stand still, and an animation can change what a picture refers to after the check" },
  { "animate", "pictures stand still, and an animation can change what a picture refers to after the check" },
  { "animateMotion", "pictures stand still, and an animation can change what a picture refers to after the check" },
  { "animateTransform", "pictures stand still, and an animation can change what a picture refers to after the check" },
  { "animateColor", "pictures stand still, and an animation can change what a picture refers to after the check" },
  { "discard", "pictures stand still, and an animation can change what a picture refers to after the check" },
};

/* The offset of the next attribute named @qname in the start tag read
 * up to @end (well-formed: libxml2 read it), from *@scan on, which moves
 * past it; @start when there is none. libxml2 gives the attributes in the
 * tag's order (namespace declarations apart), so one tag is scanned once. */
static gsize
next_attribute_offset (Check      *check,
                       gsize      *scan,
                       gsize       start,
                       gsize       end,
                       const char *qname)
{
  const char *d = check->data;
  gsize qlen = strlen (qname);
  gsize p = *scan;

  for (;;)
    {
      gsize name;
      gboolean found;
      char quote;

      while (p < end && g_ascii_isspace (d[p]))
        p++;
      if (p >= end || d[p] == '/' || d[p] == '>')
        return start;
      name = p;
      while (p < end && !g_ascii_isspace (d[p]) && d[p] != '=')
        p++;
      found = p - name == qlen && memcmp (d + name, qname, qlen) == 0;
      while (p < end && d[p] != '"' && d[p] != '\'')
        p++;
      if (p >= end)
        return start;
      quote = d[p++];
      while (p < end && d[p] != quote)
        p++;
      p++;
      if (found)
        {
          *scan = p;
          return name;
        }
    }
}

/* An attribute's value as SAX2 gives it, where a literal "&" is written
 * "&#38;" (libxml2 without XML_PARSE_NOENT), as the document means it. */
static char *
attribute_value (const xmlChar *start,
                 const xmlChar *end)
{
  g_autoptr(GString) value = g_string_new_len ((const char *) start, end - start);

  g_string_replace (value, "&#38;", "&", 0);
  return g_string_free (g_steal_pointer (&value), FALSE);
}

static void
check_attribute (Check      *check,
                 const char *element,
                 const char *local,
                 const char *prefix,
                 const char *uri,
                 const char *value,
                 guint       line)
{
  g_autofree char *qname = prefix != NULL ? g_strconcat (prefix, ":", local, NULL)
                                          : g_strdup (local);
  g_autofree char *where = NULL;

  if (strlen (local) > 2 && g_ascii_strncasecmp (local, "on", 2) == 0)
    {
      problem (check, line,
               "the attribute “%s” (an event handler) is not allowed: pictures run no "
               "scripts; remove it", qname);
      return;
    }

  if (g_strcmp0 (uri, XML_NS) == 0 && g_str_equal (local, "base"))
    {
      problem (check, line,
               "the attribute “xml:base” is not allowed: it changes where every reference "
               "of the picture leads; remove it");
      return;
    }

  if (g_str_equal (local, "href"))
    {
      g_autofree char *target = g_strstrip (g_strdup (value));
      g_autofree char *shown = NULL;

      if (target[0] == '#' && target[1] != '\0')
        return;

      shown = shorten (target);
      if (g_ascii_strncasecmp (target, "data:", 5) == 0)
        problem (check, line,
                 "%s=\"%s\" on <%s> embeds another file, which nobody checked; an "
                 "illustration may only refer to its own parts (%s=\"#id\"): draw it in the "
                 "SVG, or make it a picture of its own shown by the page",
                 qname, shown, element, qname);
      else
        problem (check, line,
                 "%s=\"%s\" on <%s> leads outside the picture; an illustration may only "
                 "refer to its own parts (%s=\"#id\")",
                 qname, shown, element, qname);
      return;
    }

  where = g_strdup_printf ("in the attribute “%s”", qname);
  check_css (check, value, line, where);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Check *check = user_data;
  const char *local = (const char *) localname;
  const char *ns = (const char *) uri;
  gsize end = parsed_offset (check);
  gsize start = find_back (check, end, "<");
  guint line = line_at (check, start);
  OpenElement open = { g_strdup (local), line };
  gsize scan;

  if (check->done)
    {
      g_free (open.name);
      return;
    }

  g_array_append_val (check->open, open);
  if (check->open->len > GMA_SVG_MAX_DEPTH)
    {
      problem (check, line,
               "the elements are nested more than %u levels deep here; a picture never "
               "needs that many", GMA_SVG_MAX_DEPTH);
      stop (check);
      return;
    }

  if (check->open->len == 1 && (!g_str_equal (local, "svg") || g_strcmp0 (ns, SVG_NS) != 0))
    problem (check, line,
             "the picture is <%s>%s%s; an illustration is one "
             "<svg xmlns=\"" SVG_NS "\"> element",
             local, ns != NULL ? " in the namespace " : " without a namespace",
             ns != NULL ? ns : "");

  if (g_strcmp0 (ns, XHTML_NS) == 0)
    problem (check, line,
             "the element <%s> is HTML, which is not allowed in an illustration: HTML in a "
             "picture can run scripts and load pages; remove it", local);
  else
    for (guint i = 0; i < G_N_ELEMENTS (refused_elements); i++)
      if (g_str_equal (local, refused_elements[i].name))
        problem (check, line, "the element <%s> is not allowed in an illustration: %s; "
                 "remove it", local, refused_elements[i].reason);

  /* past the element's name */
  scan = start + 1;
  while (scan < end && !g_ascii_isspace (check->data[scan]) && check->data[scan] != '/' &&
         check->data[scan] != '>')
    scan++;

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;
      const char *attr_prefix = (const char *) attribute[1];
      g_autofree char *qname = attr_prefix != NULL
                               ? g_strconcat (attr_prefix, ":", attribute[0], NULL)
                               : g_strdup ((const char *) attribute[0]);
      g_autofree char *value = attribute_value (attribute[3], attribute[4]);
      guint attr_line = line_at (check, next_attribute_offset (check, &scan, start, end, qname));

      check_attribute (check, local, (const char *) attribute[0], attr_prefix,
                       (const char *) attribute[2], value, attr_line);
    }

  if (check->style_depth == 0 && g_str_equal (local, "style"))
    {
      check->style_depth = check->open->len;
      check->style_line = line_at (check, end);
      g_string_truncate (check->style_text, 0);
    }
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Check *check = user_data;

  if (check->open->len == 0)
    return;

  if (check->style_depth == check->open->len)
    {
      check->style_depth = 0;
      check_css (check, check->style_text->str, check->style_line, "in <style>");
    }

  g_free (g_array_index (check->open, OpenElement, check->open->len - 1).name);
  g_array_set_size (check->open, check->open->len - 1);
}

static void
on_text (void          *user_data,
         const xmlChar *text,
         int            len)
{
  Check *check = user_data;

  if (check->style_depth > 0)
    g_string_append_len (check->style_text, (const char *) text, len);
}

static void
on_processing_instruction (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  Check *check = user_data;
  guint line = line_at (check, find_back (check, parsed_offset (check), "<?"));

  problem (check, line,
           "the processing instruction <?%s …?> is not allowed in an illustration: it can "
           "load a style sheet or a program from elsewhere; remove it",
           (const char *) target);
}

static void
on_doctype (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  Check *check = user_data;
  guint line = line_at (check, find_back (check, parsed_offset (check), "<!DOCTYPE"));

  /* Stopped before its internal subset: no entity is declared. */
  problem (check, line,
           "a DOCTYPE is not allowed in an illustration: it can declare entities, which can "
           "make a picture grow to gigabytes, and load files; delete the <!DOCTYPE …> "
           "declaration");
  stop (check);
}

/* libxml2's errors: the first one of level error or fatal is said, in
 * our words when we know it. Warnings are not problems. */
static void
on_error (void        *user_data,
          xmlErrorPtr  error)
{
  Check *check = user_data;
  g_autofree char *message = NULL;
  guint line;

  if (check->done || error->level < XML_ERR_ERROR)
    return;

  line = error->line > 0 ? (guint) error->line : 1;

  /* Whatever libxml2 says at the end of the file while elements are
   * open (in a tag, in an attribute, between elements), the file ends
   * too soon. */
  if (error->level == XML_ERR_FATAL && check->open->len > 0 &&
      parsed_offset (check) >= check->len)
    {
      OpenElement *open = &g_array_index (check->open, OpenElement, check->open->len - 1);

      problem (check, line_at (check, check->len),
               "the file ends before the element <%s> opened at line %u is closed; is the "
               "file truncated?", open->name, open->line);
      check->done = TRUE;
      return;
    }

  switch (error->code)
    {
    default:
      message = g_strstrip (g_strdup (error->message != NULL ? error->message : "?"));
      problem (check, line, "this is not well-formed XML: %s", message);
      break;

    case XML_ERR_TAG_NAME_MISMATCH:
      if (check->open->len > 0 && error->str2 != NULL)
        {
          OpenElement *open = &g_array_index (check->open, OpenElement, check->open->len - 1);

          problem (check, line,
                   "the end tag </%s> does not close the element <%s> opened at line %u; "
                   "close it with </%s> first", error->str2, open->name, open->line,
                   open->name);
        }
      else
        problem (check, line, "an end tag does not match the element it closes");
      break;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      problem (check, line,
               "“&%s;” is not a character reference XML knows; write the character itself "
               "(and “&amp;” for “&”)", error->str1 != NULL ? error->str1 : "?");
      break;

    case XML_ERR_DOCUMENT_END:
      problem (check, line,
               "something follows the end of the <svg> element; an illustration is one "
               "<svg> element");
      break;
    }

  if (error->level == XML_ERR_FATAL)
    check->done = TRUE;
}

/* The encoding a leading XML declaration names, or NULL. */
static char *
declared_encoding (const char *data,
                   gsize       len)
{
  g_autofree char *head = NULL;
  const char *end;
  const char *p;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (len < 6 || memcmp (data, "<?xml", 5) != 0 || !g_ascii_isspace (data[5]))
    return NULL;

  head = g_strndup (data, MIN (len, 256));
  end = strstr (head, "?>");
  if (end == NULL)
    return NULL;
  head[end - head] = '\0';

  p = strstr (head, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != '=')
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '"' || *p == '\'')
    {
      const char *close = strchr (p + 1, *p);

      if (close != NULL)
        return g_strndup (p + 1, close - p - 1);
    }
  return NULL;
}

static gpointer
init_libxml2 (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

gboolean
gma_svg_check (GBytes      *bytes,
               const char  *file,
               GmaProblems *problems)
{
  static GOnce once = G_ONCE_INIT;
  Check check = { 0 };
  xmlSAXHandler *sax;
  xmlDocPtr doc;
  const char *bad = NULL;
  g_autofree char *encoding = NULL;
  guint n_before;
  gsize len;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  n_before = problems->len;
  check.data = g_bytes_get_data (bytes, &len);
  check.len = len;
  check.file = file;
  check.problems = problems;
  check.counted_line = 1;
  if (check.data == NULL)
    check.data = "";

  /* The bytes themselves first: UTF-8 (which has no NUL), something
   * in it, and no other encoding declared. */
  if (!g_utf8_validate_len (check.data, check.len, &bad))
    {
      if (*bad == '\0')
        problem (&check, line_at (&check, bad - check.data),
                 "the file holds a NUL byte; an illustration is a text file, in UTF-8");
      else
        problem (&check, line_at (&check, bad - check.data),
                 "the byte 0x%02X is not valid UTF-8; save the file with the UTF-8 encoding",
                 (guchar) *bad);
      return FALSE;
    }
  {
    gsize i = 0;

    while (i < check.len && g_ascii_isspace (check.data[i]))
      i++;
    if (i == check.len)
      {
        problem (&check, 1, "the file is empty; an illustration is one <svg> element");
        return FALSE;
      }
  }
  encoding = declared_encoding (check.data, check.len);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      problem (&check, 1,
               "the file declares the encoding “%s”; save it with the UTF-8 encoding and "
               "declare encoding=\"UTF-8\" or none", encoding);
      return FALSE;
    }
  if (check.len > G_MAXINT)
    {
      problem (&check, 1, "the file is too large");
      return FALSE;
    }

  g_once (&once, init_libxml2, NULL);

  check.ctxt = xmlNewParserCtxt ();
  if (check.ctxt == NULL)
    {
      problem (&check, 1, "the file cannot be checked: out of memory");
      return FALSE;
    }
  check.open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  check.style_text = g_string_new (NULL);

  /* Our callbacks only: no tree, no entities (getEntity and the DTD
   * callbacks are NULL), comments ignored. */
  sax = check.ctxt->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_text;
  sax->cdataBlock = on_text;
  sax->processingInstruction = on_processing_instruction;
  sax->internalSubset = on_doctype;
  sax->serror = on_error;
  check.ctxt->userData = &check;

  /* No encoding named: libxml2 reads UTF-8 as it is, without a converter
   * (with one, xmlByteConsumed() converts the rest of the input back at
   * each call: a large picture took minutes). */
  doc = xmlCtxtReadMemory (check.ctxt, check.data, (int) check.len, file, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_IGNORE_ENC);
  if (doc != NULL)
    xmlFreeDoc (doc);

  for (guint i = 0; i < check.open->len; i++)
    g_free (g_array_index (check.open, OpenElement, i).name);
  g_array_unref (check.open);
  g_string_free (check.style_text, TRUE);
  xmlFreeParserCtxt (check.ctxt);

  return problems->len == n_before;
}
