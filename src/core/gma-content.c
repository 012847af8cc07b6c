/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content.c: one content set, loaded and validated whole */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gma-contact.h"
#include "gma-content.h"
#include "gma-content-open.h"
#include "gma-html.h"
#include "gma-svg-check.h"

/* The content resource bundle is compiled with --manual-register; the
 * generated gma_content_register_resource() initialises the static
 * resource and registers it (gma_content_get_resource() returns NULL
 * before that). It must run only once. */
void gma_content_register_resource (void);

#define EMBEDDED_URI "resource://" RESOURCE_PREFIX "/content"
#define MAX_PAGE_SIZE  GMA_CONTENT_MAX_PAGE_SIZE
#define MAX_IMAGE_SIZE GMA_CONTENT_MAX_IMAGE_SIZE

struct _GmaContent
{
  GObject   parent_instance;

  /* Owned */
  GFile    *root;
  int       dir_fd;    /* @root opened once (gma-content-open.h), or -1: a resource */
  char     *dir_name;  /* @root's path, for messages */
  GmaFlow  *flow;
  GmaFaq   *faq;
  gboolean  embedded;
  const char *language;          /* "ja" or "en": what texts and pages are in */
  GmaProblems *english_missing;  /* why English is not available; empty when it is */
};

G_DEFINE_FINAL_TYPE (GmaContent, gma_content, G_TYPE_OBJECT)

G_DEFINE_QUARK (gma-content-error-quark, gma_content_error)

static void
gma_content_finalize (GObject *object)
{
  GmaContent *self = (GmaContent *)object;

  g_clear_object (&self->root);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_free (self->dir_name);
  g_clear_object (&self->flow);
  g_clear_object (&self->faq);
  g_clear_pointer (&self->english_missing, g_ptr_array_unref);

  G_OBJECT_CLASS (gma_content_parent_class)->finalize (object);
}

static void
gma_content_class_init (GmaContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gma_content_finalize;
}

static void
gma_content_init (GmaContent *self)
{
  self->language = "ja";
  self->dir_fd = -1;
}

gboolean
gma_content_path_is_safe (const char *path)
{
  g_auto(GStrv) segments = NULL;

  if (path == NULL || path[0] == '\0' || path[0] == '/' || strchr (path, '\\') != NULL)
    return FALSE;

  if (!g_utf8_validate (path, -1, NULL))
    return FALSE;

  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i]; i++)
    {
      if (segments[i][0] == '\0' ||
          g_str_equal (segments[i], ".") ||
          g_str_equal (segments[i], ".."))
        return FALSE;

      for (const char *p = segments[i]; *p; p++)
        if ((guchar) *p < 0x20 || *p == ':')
          return FALSE;
    }

  return TRUE;
}

/* The size limit of a file of the set, by its path. */
static gsize
max_size_for_path (const char *path)
{
  if (g_str_has_suffix (path, ".json"))
    return GMA_JSON_MAX_SIZE;
  if (g_str_has_prefix (path, "pages/"))
    return MAX_PAGE_SIZE;
  return MAX_IMAGE_SIZE;
}

/* Reads the file @path of the set. In a directory, each file is opened
 * once, beneath the directory and without following a link: a link
 * anywhere is refused, since it could lead out of the set (to /etc/passwd,
 * say) whatever the path's text, and what was checked is what is read
 * (gma-content-open.h, with its errors, all in G_IO_ERROR).
 * (@root itself was opened once, so an administrator may give the set's
 * directory through a link.) */
static GBytes *
load_file (GmaContent  *self,
           const char  *path,
           gsize        max_size,
           GError     **error)
{
  if (!gma_content_path_is_safe (path))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "this is not a plain relative path inside the content set");
      return NULL;
    }

  if (self->dir_fd >= 0)
    return gma_content_read_beneath (self->dir_fd, self->dir_name, path, max_size, error);
  return gma_content_read_resource (self->root, path, max_size, error);
}

/* Reads @path for the validation; on failure appends a problem naming
 * @path. */
static GBytes *
read_file (GmaContent  *self,
           const char  *path,
           GmaProblems *problems)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = load_file (self, path, max_size_for_path (path), &error);

  if (bytes == NULL)
    gma_problems_add (problems, path, NULL, "%s", error->message);

  return bytes;
}

/* ------------------------------------------------------------------ */
/* Links in page bodies                                               */
/* ------------------------------------------------------------------ */

typedef struct
{
  GmaContent  *self;
  const char  *file;
  GmaProblems *problems;
  GHashTable  *files_checked;  /* paths of linked files already checked */
} PageCheck;

static void
page_problem (PageCheck  *check,
              guint       line,
              guint       col,
              const char *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
page_problem (PageCheck  *check,
              guint       line,
              guint       col,
              const char *format,
              ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *place = g_strdup_printf ("%u:%u", line, col);
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  gma_problems_add (check->problems, check->file, place, "%s", reason);
}

/* A file a page links to must be there, be a file of the set (not a
 * link), readable and not too large, and an SVG picture must pass
 * gma-svg-check.h. A missing file is reported where it is linked;
 * anything else about the file once, under its own name. */
static void
check_linked_file (PageCheck  *check,
                   const char *path,
                   const char *value,
                   guint       line,
                   guint       col)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_hash_table_contains (check->files_checked, path))
    return;

  bytes = load_file (check->self, path, max_size_for_path (path), &error);
  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      page_problem (check, line, col,
                    "the file “%s” (linked as “%s”) is not in the content set", path, value);
      return;
    }

  g_hash_table_add (check->files_checked, g_strdup (path));
  if (bytes == NULL)
    gma_problems_add (check->problems, path, NULL, "%s", error->message);
  else if (check->self->dir_fd >= 0 && gma_svg_path_is_svg (path))
    gma_svg_check (bytes, path, check->problems);  /* the built-in ones: tests/test-svg-check.c */
}

/* @value is the attribute's value with its references decoded, as the
 * browser follows it; @picture: whether it names a picture (src, srcset, poster…), which
 * must come from the content set, or a link (href, action…). */
static void
check_link (PageCheck  *check,
            const char *attribute,
            gboolean    picture,
            const char *value,
            guint       line,
            guint       col)
{
  g_autofree char *target = NULL;
  GmaHtmlUrlKind kind = gma_html_url_kind (value);
  char *cut;

  target = g_strstrip (g_strdup (value));

  if (kind == GMA_HTML_URL_APP)
    {
      const char *rest = target + gma_html_url_scheme_len (target);

      cut = strpbrk (target, "?#");
      if (cut != NULL)
        *cut = '\0';

      if (g_str_has_prefix (rest, "content/"))
        {
          const char *path = rest + strlen ("content/");

          if (!gma_content_path_is_safe (path))
            page_problem (check, line, col,
                          "“%s” does not name a file of the content set; write "
                          "gma://content/illustrations/NAME.svg", value);
          else
            check_linked_file (check, path, value, line, col);
          return;
        }

      if (picture)
        {
          page_problem (check, line, col,
                        "pictures must come from the content set "
                        "(%s=\"gma://content/illustrations/NAME.svg\"), not “%s”",
                        attribute, value);
          return;
        }

      if (g_str_has_prefix (rest, "page/"))
        {
          const char *id = rest + strlen ("page/");

          if (gma_flow_lookup (check->self->flow, id) == NULL)
            page_problem (check, line, col,
                          "the link “%s” names no node of flow.json; there is no node “%s”",
                          value, id);
          return;
        }

      if (g_str_has_prefix (rest, "faq/"))
        {
          const char *id = rest + strlen ("faq/");

          if (gma_faq_lookup (check->self->faq, id) == NULL)
            page_problem (check, line, col,
                          "the link “%s” names no entry of faq.json; there is no FAQ “%s”",
                          value, id);
          return;
        }

      page_problem (check, line, col,
                    "unknown link “%s”; gma:// links are gma://page/ID, gma://faq/ID and "
                    "gma://content/PATH", value);
      return;
    }

  if (picture)
    {
      page_problem (check, line, col,
                    "pictures must come from the content set "
                    "(%s=\"gma://content/illustrations/NAME.svg\"), not “%s”",
                    attribute, value);
      return;
    }

  if (kind == GMA_HTML_URL_WEB || kind == GMA_HTML_URL_MAILTO || kind == GMA_HTML_URL_FRAGMENT)
    return;

  page_problem (check, line, col,
                "the link “%s” cannot be followed; use gma://page/ID, gma://faq/ID, "
                "https://… or mailto:… links", value);
}

/* Elements a page may not hold, and why; the administrator reads it. */
static const struct {
  const char *name;
  const char *reason;
} refused_elements[] = {
  { "script", "pages run no scripts" },
  { "style", "the page's security policy blocks <style>; use the classes of the app's style" },
  { "meta", "the app writes the page's head itself" },
  { "base", "it would change where every link of the page leads" },
  { "link", "the page's style and resources come from the app" },
  { "iframe", "pages embed no other pages" },
  { "frame", "pages embed no other pages" },
  { "object", "pages embed no objects or plug-ins" },
  { "embed", "pages embed no objects or plug-ins" },
  { "form", "pages send nothing anywhere" },
};

/* Attributes that hold one URL: a link, or a picture. */
static const struct {
  const char *name;
  gboolean    picture;
} url_attributes[] = {
  { "href", FALSE }, { "xlink:href", FALSE }, { "action", FALSE }, { "formaction", FALSE },
  { "src", TRUE }, { "poster", TRUE }, { "data", TRUE }, { "background", TRUE },
};

/* srcset="URL 1x, URL 2x": each URL is a picture. */
static void
check_srcset (PageCheck              *check,
              const GmaHtmlAttribute *attribute)
{
  GmaHtmlPos pos = attribute->value_pos;
  const char *end = attribute->value + attribute->value_len;

  while (pos.p < end)
    {
      const char *url;
      g_autofree char *value = NULL;
      GmaHtmlPos url_pos;
      gsize len;

      if (g_ascii_isspace (*pos.p) || *pos.p == ',')
        {
          gma_html_pos_advance (&pos, 1);
          continue;
        }

      url = pos.p;
      url_pos = pos;
      while (pos.p < end && !g_ascii_isspace (*pos.p))
        gma_html_pos_advance (&pos, 1);
      len = pos.p - url;
      while (len > 0 && url[len - 1] == ',')
        len--;

      value = gma_html_decode (url, len);
      check_link (check, "srcset", TRUE, value, url_pos.line, url_pos.col);

      /* The descriptor ("2x", "640w") up to the next comma */
      if (url[pos.p - url - 1] != ',')
        while (pos.p < end && *pos.p != ',')
          gma_html_pos_advance (&pos, 1);
    }
}

/* The references from @pos to @end a browser may read otherwise than the
 * app (gma-html.h): a page holds none. */
static void
check_references (PageCheck  *check,
                  GmaHtmlPos  pos,
                  const char *end)
{
  GmaHtmlReference kind;
  gsize len;

  while (gma_html_next_reference (&pos, end, &kind, &len))
    {
      if (kind == GMA_HTML_REFERENCE_INVALID)
        {
          g_autofree char *written = g_strndup (pos.p, len);

          page_problem (check, pos.line, pos.col,
                        "“%s” is not a character reference a page may use; write the "
                        "character itself (and “&amp;” for “&”)", written);
        }
      gma_html_pos_advance (&pos, len);
    }
}

/* Checks every token of a page (gma-html.h, as the renderer and the
 * search read it): refused elements, event handlers, each URL an
 * attribute holds, and references. */
static void
check_page_links (PageCheck  *check,
                  const char *text)
{
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;

  gma_html_scanner_init (&scanner, text, -1);

  while (gma_html_next_token (&scanner, &tag))
    {
      GmaHtmlPos pos = tag.attributes;
      GmaHtmlAttribute attribute;

      if (tag.kind == GMA_HTML_TEXT)
        check_references (check, tag.start, tag.end);
      if (tag.kind != GMA_HTML_START_TAG)
        continue;

      /* The place of the prefecture's counter's card: the renderer
       * replaces exactly this empty element, so nothing else may carry
       * its class. */
      if (gma_html_tag_has_class (&tag, GMA_CONTACT_MARKER_CLASS) &&
          strncmp (tag.start.p, GMA_CONTACT_MARKER, strlen (GMA_CONTACT_MARKER)) != 0)
        page_problem (check, tag.start.line, tag.start.col,
                      "the class “%s” marks where the prefecture’s counter is shown and is "
                      "allowed only on the empty element %s, written exactly so",
                      GMA_CONTACT_MARKER_CLASS, GMA_CONTACT_MARKER);

      for (guint i = 0; i < G_N_ELEMENTS (refused_elements); i++)
        if (gma_html_name_is (tag.name, tag.name_len, refused_elements[i].name))
          page_problem (check, tag.start.line, tag.start.col,
                        "the element <%s> is not allowed in a page: %s; remove it",
                        refused_elements[i].name, refused_elements[i].reason);

      while (gma_html_next_attribute (&tag, &pos, &attribute))
        {
          g_autofree char *name = g_strndup (attribute.name, attribute.name_len);
          g_autofree char *value = NULL;

          if (attribute.name_len > 2 && g_ascii_strncasecmp (name, "on", 2) == 0)
            {
              page_problem (check, attribute.name_pos.line, attribute.name_pos.col,
                            "the attribute “%s” (an event handler) is not allowed: pages run "
                            "no scripts; remove it", name);
              continue;
            }

          if (attribute.value == NULL)
            continue;

          check_references (check, attribute.value_pos, attribute.value + attribute.value_len);
          if (g_ascii_strcasecmp (name, "srcset") == 0)
            {
              check_srcset (check, &attribute);
              continue;
            }

          value = gma_html_decode (attribute.value, attribute.value_len);
          for (guint i = 0; i < G_N_ELEMENTS (url_attributes); i++)
            if (g_ascii_strcasecmp (name, url_attributes[i].name) == 0)
              check_link (check, name, url_attributes[i].picture, value,
                          attribute.value_pos.line, attribute.value_pos.col);
        }
    }
}

/* Reads and checks the page @page; returns its text when it could be
 * read and is UTF-8. A missing file is not reported but sets @missing:
 * the caller says where the page was asked for. */
static char *
check_page (GmaContent  *self,
            const char  *page,
            GHashTable  *files_checked,
            gboolean    *missing,
            GmaProblems *problems)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *data;
  const char *bad = NULL;
  gsize len;
  PageCheck check = { self, page, problems, files_checked };

  /* Whatever else is wrong with the file is reported here, once. */
  *missing = FALSE;
  g_hash_table_add (files_checked, g_strdup (page));
  bytes = load_file (self, page, max_size_for_path (page), &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        *missing = TRUE;
      else
        gma_problems_add (problems, page, NULL, "%s", error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  if (!g_utf8_validate_len (data, len, &bad))
    {
      /* The bytes before @bad are valid UTF-8 without a NUL (which
       * g_utf8_validate_len() refuses), so the scanner's counting
       * reaches @bad. */
      GmaHtmlPos pos = { data, 1, 1 };

      gma_html_pos_advance (&pos, bad - data);
      page_problem (&check, pos.line, pos.col,
                    "the byte 0x%02X is not valid UTF-8; save the file with the UTF-8 encoding",
                    (guchar) *bad);
      return NULL;
    }

  text = g_strndup (data, len);
  check_page_links (&check, text);
  return g_steal_pointer (&text);
}

/* Checks what flow.json and faq.json name in each other and in the
 * pages, and every page. @page_texts receives each page of the flow
 * (keys are the flow's own strings) with its text, or NULL when it could
 * not be read, for check_translated_pages(). */
static void
check_cross_references (GmaContent  *self,
                        GHashTable  *page_texts,
                        GmaProblems *problems)
{
  g_autoptr(GHashTable) files_checked = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  guint n_nodes = gma_flow_get_n_nodes (self->flow);
  guint n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->faq));

  for (guint n = 0; n < n_nodes; n++)
    {
      const GmaNode *node = gma_flow_get_node (self->flow, n);
      const char * const *faq = gma_node_get_faq (node);
      const char *page = gma_node_get_page (node);

      for (guint i = 0; faq[i]; i++)
        if (gma_faq_lookup (self->faq, faq[i]) == NULL)
          {
            g_autofree char *where = g_strdup_printf ("$.nodes[%u].faq[%u]", n, i);

            gma_problems_add (problems, "flow.json", where,
                              "faq.json has no entry “%s”", faq[i]);
          }

      if (page != NULL && !g_hash_table_contains (page_texts, page))
        {
          gboolean missing;
          char *text = check_page (self, page, files_checked, &missing, problems);

          g_hash_table_insert (page_texts, (gpointer) page, text);
          if (missing)
            {
              g_autofree char *where = g_strdup_printf ("$.nodes[%u].page", n);

              gma_problems_add (problems, "flow.json", where,
                                "the page “%s” is not in the content set", page);
            }
        }
    }

  /* Entries are in file order and numbered by position within their
   * category (checked by GmaFaq), so their JSON paths follow. */
  {
    const char *category = NULL;
    guint category_index = 0;
    guint entry_index = 0;

    for (guint e = 0; e < n_entries; e++)
      {
        g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->faq), e);
        const char * const *see_also = gma_faq_entry_get_see_also (entry);

        if (category == NULL)
          category = gma_faq_entry_get_category_id (entry);
        else if (!g_str_equal (category, gma_faq_entry_get_category_id (entry)))
          {
            category = gma_faq_entry_get_category_id (entry);
            category_index++;
            entry_index = 0;
          }

        for (guint i = 0; see_also[i]; i++)
          if (gma_flow_lookup (self->flow, see_also[i]) == NULL)
            {
              g_autofree char *where =
                g_strdup_printf ("$.categories[%u].entries[%u].see-also[%u]",
                                 category_index, entry_index, i);

              gma_problems_add (problems, "faq.json", where,
                                "flow.json has no node “%s”", see_also[i]);
            }

        entry_index++;
      }
  }
}

/* ------------------------------------------------------------------ */
/* Languages                                                          */
/* ------------------------------------------------------------------ */

/* Whether the locale or language name @name ("en_GB.UTF-8", "en@quot",
 * "en-US", "en") is of the language @language ("en"). */
static gboolean
name_is_language (const char *name,
                  const char *language)
{
  gsize len = strlen (language);

  return g_ascii_strncasecmp (name, language, len) == 0 &&
         (name[len] == '\0' || name[len] == '_' || name[len] == '-' ||
          name[len] == '.' || name[len] == '@');
}

const char *
gma_content_language_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && name_is_language (names[0], "en") ? "en" : "ja";
}

const char *
gma_content_language_from_name (const char *name)
{
  if (name == NULL)
    return NULL;
  if (name_is_language (name, "ja"))
    return "ja";
  if (name_is_language (name, "en"))
    return "en";
  return NULL;
}

/* The language @languages asks for: the first one the app knows; NULL
 * follows the locale. */
static const char *
choose_language (const char * const *languages)
{
  if (languages == NULL)
    return gma_content_language_from_locale ();

  for (const char * const *l = languages; *l; l++)
    {
      const char *known = gma_content_language_from_name (*l);

      if (known != NULL)
        return known;
    }

  return "ja";
}

/* Where the translation of the page body @page ("pages/remedy-1.html")
 * lives: "pages/en/remedy-1.html" for "en"; @page itself for "ja". Every
 * page of a flow is under pages/ (gma-flow.c refuses any other). */
static char *
translated_page_path (const char *page,
                      const char *language)
{
  g_assert (g_str_has_prefix (page, "pages/"));

  if (g_str_equal (language, "ja"))
    return g_strdup (page);
  return g_strconcat ("pages/", language, "/", page + strlen ("pages/"), NULL);
}

/* Every language map of @node (an object with a "ja" member, anywhere in
 * the file) must have a non-empty "en" of the same kind: a text for a
 * text, a list of words for a list. Each one that lacks it is added to
 * @missing under its JSON path. The Japanese itself is checked by the
 * parsers. */
static void
check_json_translation (JsonNode    *node,
                        const char  *file,
                        const char  *path,
                        GmaProblems *missing)
{
  JsonObject *object;
  JsonNode *ja;
  JsonNode *en;
  g_autofree char *en_path = NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = gma_json_path_index (path, i);

          check_json_translation (json_array_get_element (array, i), file, element_path, missing);
        }
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  ja = json_object_get_member (object, "ja");
  if (ja == NULL)
    {
      /* In file order, so that the list reads as the file does. */
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          g_autofree char *member_path = gma_json_path_member (path, l->data);

          check_json_translation (json_object_get_member (object, l->data), file,
                                  member_path, missing);
        }
      return;
    }

  en = json_object_get_member (object, "en");
  en_path = gma_json_path_member (path, "en");

  if (JSON_NODE_HOLDS_ARRAY (ja))
    {
      JsonArray *list;
      gboolean strings = TRUE;

      if (en == NULL)
        {
          gma_problems_add (missing, file, en_path,
                            "the English words are missing; add \"en\": [ … ] next to \"ja\"");
          return;
        }
      if (!JSON_NODE_HOLDS_ARRAY (en))
        {
          gma_problems_add (missing, file, en_path,
                            "must be a list of words, as the Japanese is");
          return;
        }
      list = json_node_get_array (en);
      for (guint i = 0; i < json_array_get_length (list); i++)
        if (!gma_json_node_is_string (json_array_get_element (list, i)))
          strings = FALSE;
      if (!strings)
        gma_problems_add (missing, file, en_path, "must be a list of strings");
      else if (json_array_get_length (list) == 0 &&
               json_array_get_length (json_node_get_array (ja)) > 0)
        gma_problems_add (missing, file, en_path,
                          "the English list is empty; give the English words people search with");
      return;
    }

  if (en == NULL)
    gma_problems_add (missing, file, en_path,
                      "the English text is missing; add \"en\": \"…\" next to \"ja\"");
  else if (!gma_json_node_is_string (en))
    gma_problems_add (missing, file, en_path, "must be a string, as the Japanese is");
  else if (gma_json_text_is_blank (json_node_get_string (en)))
    gma_problems_add (missing, file, en_path, "the English text is empty");
}

static void
count_target (GHashTable *targets,
              const char *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (targets, key));

  g_hash_table_insert (targets, g_strdup (key), GUINT_TO_POINTER (n + 1));
}

/* What a page links to, shows and marks: each link target, picture and
 * contact marker (counted under GMA_CONTACT_MARKER: a tag with its class,
 * as the renderer finds them) with how often it occurs. */
static GHashTable *
page_targets (const char *text)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;

  gma_html_scanner_init (&scanner, text, -1);
  while (gma_html_next_tag (&scanner, &tag))
    {
      GmaHtmlPos pos = tag.attributes;
      GmaHtmlAttribute attribute;

      if (tag.kind != GMA_HTML_START_TAG)
        continue;

      if (gma_html_tag_has_class (&tag, GMA_CONTACT_MARKER_CLASS))
        count_target (targets, GMA_CONTACT_MARKER);

      while (gma_html_next_attribute (&tag, &pos, &attribute))
        {
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          if (attribute.value == NULL)
            continue;

          name = g_ascii_strdown (attribute.name, attribute.name_len);
          value = g_strstrip (gma_html_decode (attribute.value, attribute.value_len));

          if (g_str_equal (name, "srcset"))
            {
              count_target (targets, value);
              continue;
            }

          for (guint i = 0; i < G_N_ELEMENTS (url_attributes); i++)
            if (g_str_equal (name, url_attributes[i].name))
              count_target (targets, value);
        }
    }

  return targets;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The translated page @translated must link to, show and mark what its
 * Japanese page @page does, as often. */
static void
check_page_parity (const char  *page,
                   const char  *page_text,
                   const char  *translated,
                   const char  *translated_text,
                   GmaProblems *missing)
{
  g_autoptr(GHashTable) ja = page_targets (page_text);
  g_autoptr(GHashTable) other = page_targets (translated_text);
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *keys = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_keys;

  g_hash_table_iter_init (&iter, ja);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);

  keys = g_hash_table_get_keys_as_array (all, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n_keys; i++)
    {
      guint n_ja = GPOINTER_TO_UINT (g_hash_table_lookup (ja, keys[i]));
      guint n_other = GPOINTER_TO_UINT (g_hash_table_lookup (other, keys[i]));

      if (n_ja == n_other)
        continue;

      if (g_str_equal (keys[i], GMA_CONTACT_MARKER))
        gma_problems_add (missing, translated, NULL,
                          "has %u contact marker(s) %s where the Japanese page %s has "
                          "%u; keep one after each sentence that has one",
                          n_other, GMA_CONTACT_MARKER, page, n_ja);
      else
        gma_problems_add (missing, translated, NULL,
                          "links to or shows “%s” %u time(s) where the Japanese page %s does "
                          "%u time(s); keep the same links and pictures",
                          (const char *) keys[i], n_other, page, n_ja);
    }
}

/* Every page of the flow must have its English page (the same name
 * under pages/en/), valid by the same rules, with the same links,
 * pictures and contact markers as its Japanese page, whose text
 * @page_texts holds (see check_cross_references()). */
static void
check_translated_pages (GmaContent  *self,
                        GHashTable  *page_texts,
                        GmaProblems *missing)
{
  g_autoptr(GHashTable) pages_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) files_checked = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  guint n_nodes = gma_flow_get_n_nodes (self->flow);

  for (guint n = 0; n < n_nodes; n++)
    {
      const char *page = gma_node_get_page (gma_flow_get_node (self->flow, n));
      const char *page_text;
      g_autofree char *translated = NULL;
      g_autofree char *translated_text = NULL;
      gboolean translated_missing;

      if (page == NULL || g_hash_table_contains (pages_seen, page))
        continue;
      g_hash_table_add (pages_seen, (gpointer) page);

      translated = translated_page_path (page, "en");
      translated_text = check_page (self, translated, files_checked, &translated_missing,
                                    missing);
      if (translated_missing)
        {
          g_autofree char *where = g_strdup_printf ("$.nodes[%u].page", n);

          gma_problems_add (missing, "flow.json", where,
                            "the page “%s” has no English page; add “%s”", page, translated);
          continue;
        }

      page_text = g_hash_table_lookup (page_texts, page);
      if (translated_text != NULL && page_text != NULL)
        check_page_parity (page, page_text, translated, translated_text, missing);
    }
}

static GmaFlow *
parse_flow (JsonNode    *json,
            const char  *language,
            GmaProblems *problems)
{
  const char *languages[] = { language, NULL };

  return gma_flow_new_from_json (json, languages, "flow.json", problems);
}

static GmaFaq *
parse_faq (JsonNode    *json,
           const char  *language,
           GmaProblems *problems)
{
  const char *languages[] = { language, NULL };

  return gma_faq_new_from_json (json, languages, "faq.json", problems);
}

GmaContent *
gma_content_new (GFile               *root,
                 const char * const  *languages,
                 GError             **error)
{
  g_autoptr(GmaContent) self = NULL;
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GBytes) flow_bytes = NULL;
  g_autoptr(GBytes) faq_bytes = NULL;
  g_autoptr(JsonNode) flow_json = NULL;
  g_autoptr(JsonNode) faq_json = NULL;
  g_autoptr(GHashTable) page_texts = NULL;
  const char *wanted;
  const char *language;

  g_return_val_if_fail (G_IS_FILE (root), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wanted = choose_language (languages);

  problems = gma_problems_new ();
  self = g_object_new (GMA_TYPE_CONTENT, NULL);
  self->root = g_object_ref (root);
  self->english_missing = gma_problems_new ();

  /* A directory is opened once, here: the administrator may name it
   * through a symbolic link; below it, links are refused (load_file()).
   * When it cannot be opened, that is the one problem. */
  if (!g_file_has_uri_scheme (root, "resource"))
    {
      g_autoptr(GError) dir_error = NULL;

      self->dir_name = g_file_get_path (root);
      if (self->dir_name != NULL)
        self->dir_fd = gma_content_open_directory (self->dir_name, &dir_error);
      else
        g_set_error_literal (&dir_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             "this is not a directory of this computer");
      if (self->dir_fd < 0)
        {
          g_autofree char *name = g_file_get_parse_name (root);

          gma_problems_add (problems, name, NULL, "%s", dir_error->message);
          gma_problems_to_error (problems, error);
          return NULL;
        }
    }

  flow_bytes = read_file (self, "flow.json", problems);
  faq_bytes = read_file (self, "faq.json", problems);

  if (flow_bytes != NULL)
    flow_json = gma_json_load (flow_bytes, "flow.json", problems);
  if (faq_bytes != NULL)
    faq_json = gma_json_load (faq_bytes, "faq.json", problems);

  /* The English is looked at first: a set is shown in English only when
   * every text has its English. */
  if (flow_json != NULL)
    check_json_translation (flow_json, "flow.json", "$", self->english_missing);
  if (faq_json != NULL)
    check_json_translation (faq_json, "faq.json", "$", self->english_missing);
  language = g_str_equal (wanted, "en") && self->english_missing->len == 0 ? "en" : "ja";

  if (flow_json != NULL)
    self->flow = parse_flow (flow_json, language, problems);
  if (faq_json != NULL)
    self->faq = parse_faq (faq_json, language, problems);

  /* Each page is read once: the texts of the Japanese pages are kept
   * for the comparison with their English pages. */
  page_texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (self->flow != NULL && self->faq != NULL)
    check_cross_references (self, page_texts, problems);

  if (!gma_problems_to_error (problems, error))
    return NULL;

  check_translated_pages (self, page_texts, self->english_missing);
  /* Its keys are the strings of the flow, which may be replaced below. */
  g_clear_pointer (&page_texts, g_hash_table_unref);

  /* An English page is missing or wrong: the set is shown in Japanese. */
  if (g_str_equal (language, "en") && self->english_missing->len > 0)
    {
      language = "ja";
      g_clear_object (&self->flow);
      g_clear_object (&self->faq);
      self->flow = parse_flow (flow_json, language, problems);
      self->faq = parse_faq (faq_json, language, problems);
      if (!gma_problems_to_error (problems, error))
        return NULL;
    }
  self->language = language;

  return g_steal_pointer (&self);
}

static gpointer
register_resources (gpointer data)
{
  gma_content_register_resource ();
  return NULL;
}

void
gma_content_register_resources (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, register_resources, NULL);
}

GmaContent *
gma_content_new_embedded (GError **error)
{
  return gma_content_new_embedded_full (NULL, error);
}

GmaContent *
gma_content_new_embedded_full (const char * const  *languages,
                               GError             **error)
{
  g_autoptr(GFile) root = NULL;
  GmaContent *self;

  gma_content_register_resources ();

  root = g_file_new_for_uri (EMBEDDED_URI);
  self = gma_content_new (root, languages, error);
  if (self != NULL)
    self->embedded = TRUE;

  return self;
}

GmaContent *
gma_content_new_for_language (GmaContent  *self,
                              const char  *language,
                              GError     **error)
{
  const char *languages[] = { language, NULL };

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (self->embedded)
    return gma_content_new_embedded_full (languages, error);
  return gma_content_new (self->root, languages, error);
}

GFile *
gma_content_get_root (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->root;
}

gboolean
gma_content_is_embedded (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), FALSE);

  return self->embedded;
}

GmaFlow *
gma_content_get_flow (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->flow;
}

GmaFaq *
gma_content_get_faq (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->faq;
}

const char *
gma_content_get_edition (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return gma_flow_get_edition (self->flow);
}

const char *
gma_content_get_source (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return gma_flow_get_source (self->flow);
}

const char *
gma_content_get_language (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->language;
}

gboolean
gma_content_has_language (GmaContent *self,
                          const char *language)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  if (g_str_equal (language, "ja"))
    return TRUE;
  if (g_str_equal (language, "en"))
    return self->english_missing->len == 0;
  return FALSE;
}

char *
gma_content_explain_missing_language (GmaContent *self,
                                      const char *language)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (gma_content_has_language (self, language))
    return NULL;
  if (!g_str_equal (language, "en"))
    return g_strdup_printf ("the content set has no texts in the language “%s”; it has "
                            "Japanese (ja) and, when complete, English (en)", language);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->english_missing->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->english_missing, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
gma_content_get_page_path (GmaContent    *self,
                           const GmaNode *node)
{
  const char *page;

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  page = gma_node_get_page (node);
  if (page == NULL)
    return NULL;

  return translated_page_path (page, self->language);
}

static const char *
guess_content_type (const char *path)
{
  static const struct {
    const char *suffix;
    const char *type;
  } types[] = {
    { ".html", "text/html; charset=utf-8" },
    { ".svg",  "image/svg+xml" },
    { ".css",  "text/css" },
    { ".png",  "image/png" },
    { ".json", "application/json" },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (lower, types[i].suffix))
      return types[i].type;

  return "application/octet-stream";
}

GBytes *
gma_content_load_file (GmaContent  *self,
                       const char  *path,
                       char       **content_type,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The same checks as the validation's, with the same limits. */
  bytes = load_file (self, path, max_size_for_path (path), &local_error);
  if (bytes != NULL && self->dir_fd >= 0 && gma_svg_path_is_svg (path))
    {
      g_autoptr(GmaProblems) problems = gma_problems_new ();

      if (!gma_svg_check (bytes, path, problems))
        {
          g_autoptr(GError) svg_error = NULL;

          g_clear_pointer (&bytes, g_bytes_unref);
          gma_problems_to_error (problems, &svg_error);
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "“%s” is not shown:\n%s", path, svg_error->message);
          return NULL;
        }
    }
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                     "“%s”: %s", path, local_error->message);
      else
        g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
                     "“%s” is not in the content set: %s", path, local_error->message);
      return NULL;
    }

  if (content_type != NULL)
    *content_type = g_strdup (guess_content_type (path));

  return bytes;
}
