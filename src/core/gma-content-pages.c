/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-pages.c: the checks of a set's pages (their markup, links,
 * pictures and references, read with gma-html) and of what flow.json and
 * faq.json name in each other and in the pages */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <string.h>

#include "gma-contact.h"
#include "gma-content-private.h"
#include "gma-html.h"
#include "gma-svg-check.h"

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

  bytes = _gma_content_load_bytes (check->self, path, _gma_content_file_max_size (path), &error);
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

char *
_gma_content_check_page (GmaContent  *self,
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
  bytes = _gma_content_load_bytes (self, page, _gma_content_file_max_size (page), &error);
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

void
_gma_content_check_cross_references (GmaContent  *self,
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

      /* A page id names one page (gma_content_resolve()). */
      if (gma_faq_lookup (self->faq, gma_node_get_id (node)) != NULL)
        {
          g_autofree char *where = g_strdup_printf ("$.nodes[%u].id", n);

          gma_problems_add (problems, "flow.json", where,
                            "“%s” is also the id of an entry of faq.json; a node and an FAQ "
                            "entry may not share an id", gma_node_get_id (node));
        }

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
          char *text = _gma_content_check_page (self, page, files_checked, &missing, problems);

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

static void
count_target (GHashTable *targets,
              const char *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (targets, key));

  g_hash_table_insert (targets, g_strdup (key), GUINT_TO_POINTER (n + 1));
}

GHashTable *
_gma_content_page_targets (const char *text)
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
