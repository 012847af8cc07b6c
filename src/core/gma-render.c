/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render.c: page documents for the web pane and the plain-text summary */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-flow-diagram.h"
#include "gma-highlight.h"
#include "gma-html.h"
#include "gma-render.h"
#include "gma-router.h"

#define TEMPLATE_PATH RESOURCE_PREFIX "/web/page.html"

/* The words the renderer adds around the content, in the content's
 * language (not the desktop's: a Japanese desktop may show the English
 * content, and the page must then be English throughout). They are
 * constant strings joined around values, never formats. */
typedef struct
{
  const char *language;        /* the document's lang attribute */
  const char *app_name;
  const char *based_on_before; /* "…(based on the guidance of " EDITION ")" */
  const char *based_on_after;
  const char *based_on_open;   /* around it after the app's name in the summary */
  const char *based_on_close;
  const char *footer_before;   /* "This content is based on … " EDITION … */
  const char *footer_after;
  const char *source_before;   /* "Source: “" SOURCE "”" */
  const char *source_after;
  const char *copy;            /* the copy link */
  const char *copy_before;     /* its accessible label: "Copy " TEXT */
  const char *copy_after;
  const char *url_open;        /* around a link's URL shown beside it */
  const char *url_close;
  const char *answers_so_far;
  const char *none;
  const char *related_faq;
  const char *related_pages;
  const char *flow_link;
  const char *flow_title;
  const char *flow_path_caption;
  const char *flow_hint;
  const char *category_open;   /* "FAQ 3-1" "（" CATEGORY "）" */
  const char *category_close;
  const char *summary_source;
  const char *summary_result;
  const char *summary_urls;
  const char *summary_question;
  const char *needed_urls;
  const char *qr_code;
  const char *counter;         /* the heading of the counter's card */
  const char *counter_name;    /* its rows */
  const char *counter_phone;
  const char *counter_hours;
  const char *counter_url;
} Words;

static const Words words_ja = {
  .language = "ja",
  .app_name = "G-MIS メール対処アシスタント",
  .based_on_before = "",
  .based_on_after = "の案内に基づく",
  .based_on_open = "（",
  .based_on_close = "）",
  .footer_before = "この内容は",
  .footer_after = "の案内に基づきます。",
  .source_before = "出典:「",
  .source_after = "」",
  .copy = "コピー",
  .copy_before = "",
  .copy_after = " をコピー",
  .url_open = "（",
  .url_close = "）",
  .answers_so_far = "これまでの回答",
  .none = "なし",
  .related_faq = "関連するよくある質問",
  .related_pages = "関連するページ",
  .flow_link = "全体の流れを図で見る",
  .flow_title = "全体の流れ",
  .flow_path_caption = "現在の回答の経路を強調して表示しています。オレンジの枠が現在のページです。",
  .flow_hint = "図の項目を選ぶと、その項目のページを表示します。",
  .category_open = "（",
  .category_close = "）",
  .summary_source = "出典: ",
  .summary_result = "結果: ",
  .summary_urls = "必要なURL:",
  .summary_question = "現在の質問: ",
  .needed_urls = "必要なURL",
  .qr_code = "QRコード",
  .counter = "都道府県の窓口",
  .counter_name = "窓口",
  .counter_phone = "電話番号",
  .counter_hours = "受付時間",
  .counter_url = "ウェブページ",
};

static const Words words_en = {
  .language = "en",
  .app_name = "G-MIS Mail Assistant",
  .based_on_before = "Based on the guidance of ",
  .based_on_after = "",
  .based_on_open = " (",
  .based_on_close = ")",
  .footer_before = "This content is based on the guidance of ",
  .footer_after = ".",
  .source_before = "Source: “",
  .source_after = "”",
  .copy = "Copy",
  .copy_before = "Copy ",
  .copy_after = "",
  .url_open = " (",
  .url_close = ")",
  .answers_so_far = "Your answers so far",
  .none = "none",
  .related_faq = "Related questions (FAQ)",
  .related_pages = "Related pages",
  .flow_link = "See the whole flow as a diagram",
  .flow_title = "The whole flow",
  .flow_path_caption = "The path of your answers is highlighted. The orange frame is the current page.",
  .flow_hint = "Choose an item of the diagram to show its page.",
  .category_open = " (",
  .category_close = ")",
  .summary_source = "Source: ",
  .summary_result = "Result: ",
  .summary_urls = "URLs you need:",
  .summary_question = "Current question: ",
  .needed_urls = "URLs you need",
  .qr_code = "QR code",
  .counter = "The prefecture’s counter",
  .counter_name = "Counter",
  .counter_phone = "Telephone",
  .counter_hours = "Hours",
  .counter_url = "Web page",
};

static const Words *
words_for_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 ? &words_en : &words_ja;
}

static const Words *
words_for (GmaContent *content)
{
  return words_for_language (gma_content_get_language (content));
}

char *
gma_render_based_on (GmaContent *content)
{
  const Words *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);

  words = words_for (content);
  return g_strconcat (words->based_on_before, gma_content_get_edition (content),
                      words->based_on_after, NULL);
}

char *
gma_render_template (const char  *template_text,
                     GHashTable  *values,
                     GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_new (NULL);
  p = template_text;

  for (;;)
    {
      const char *open = strstr (p, "{{");
      const char *name_start;
      const char *close;
      gboolean raw;
      g_autofree char *name = NULL;
      const char *value;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);

      raw = open[2] == '{';
      name_start = open + (raw ? 3 : 2);
      close = strstr (name_start, raw ? "}}}" : "}}");
      if (close == NULL)
        {
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "the page template has an unclosed “%s”", raw ? "{{{" : "{{");
          return NULL;
        }

      name = g_strstrip (g_strndup (name_start, close - name_start));
      if (!g_hash_table_lookup_extended (values, name, NULL, (gpointer *) &value))
        {
          g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                       "the page template names an unknown value “%s”", name);
          return NULL;
        }

      if (value != NULL)
        {
          if (raw)
            g_string_append (out, value);
          else
            {
              g_autofree char *escaped = g_markup_escape_text (value, -1);

              g_string_append (out, escaped);
            }
        }

      p = close + (raw ? 3 : 2);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* Where a URL starting at @p ends: at white space, at any non-ASCII
 * character (Japanese text and full-width punctuation such as ）」 follow
 * URLs directly in the guide), or at characters never part of a URL.
 * Trailing ASCII punctuation is left out. */
static const char *
url_end (const char *p)
{
  const char *end = p;

  while (*end && (guchar) *end < 0x80 && !g_ascii_isspace (*end) && (guchar) *end >= 0x20 &&
         strchr ("<>\"'`{}|\\^", *end) == NULL)
    end++;

  while (end > p && strchr (".,;:!?)]", end[-1]) != NULL)
    {
      /* Keep a closing parenthesis that has its opening one in the URL. */
      if (end[-1] == ')' && memchr (p, '(', end - p) != NULL)
        break;
      end--;
    }

  return end;
}

static void
append_linkified (GString    *out,
                  const char *line,
                  gsize       len)
{
  const char *p = line;
  const char *line_end = line + len;

  while (p < line_end)
    {
      const char *http = g_strstr_len (p, line_end - p, "http");
      const char *end;
      gsize scheme_len;

      if (http == NULL)
        break;

      if (strncmp (http, "https://", 8) == 0)
        scheme_len = 8;
      else if (strncmp (http, "http://", 7) == 0)
        scheme_len = 7;
      else
        {
          append_escaped (out, p, http + 4 - p);
          p = http + 4;
          continue;
        }

      end = url_end (http);
      if (end > line_end)
        end = line_end;
      if ((gsize) (end - http) <= scheme_len)
        {
          append_escaped (out, p, http + scheme_len - p);
          p = http + scheme_len;
          continue;
        }

      append_escaped (out, p, http - p);
      g_string_append (out, "<a href=\"");
      append_escaped (out, http, end - http);
      g_string_append (out, "\">");
      append_escaped (out, http, end - http);
      g_string_append (out, "</a>");
      p = end;
    }

  if (p < line_end)
    append_escaped (out, p, line_end - p);
}

char *
gma_render_text_to_html (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  p = text;

  while (*p)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl ? nl : p + strlen (p);
      const char *start = p;
      const char *stop = end;

      /* Trim white space at either end of the paragraph. */
      while (start < stop && g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;

      if (stop > start)
        {
          g_string_append (out, "<p>");
          append_linkified (out, start, stop - start);
          g_string_append (out, "</p>\n");
        }

      p = nl ? nl + 1 : end;
    }

  return g_string_free (out, FALSE);
}

/* The value of the href attribute of @tag, decoded, or NULL. */
static char *
find_href (const GmaHtmlToken *tag)
{
  GmaHtmlPos pos = tag->attributes;
  GmaHtmlAttribute attribute;

  while (gma_html_next_attribute (tag, &pos, &attribute))
    if (attribute.value != NULL &&
        gma_html_name_is (attribute.name, attribute.name_len, "href"))
      {
        char *href = gma_html_decode (attribute.value, attribute.value_len);

        return g_strstrip (href);
      }

  return NULL;
}

static void
append_copy_link (GString     *out,
                  const Words *words,
                  const char  *text)
{
  g_autofree char *escaped_text = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *label = g_strconcat (words->copy_before, text, words->copy_after, NULL);

  g_string_append (out, "<a class=\"copy-link\" href=\"gma://action/copy?text=");
  append_escaped (out, escaped_text, -1);
  g_string_append (out, "\" aria-label=\"");
  append_escaped (out, label, -1);
  g_string_append (out, "\" title=\"");
  append_escaped (out, label, -1);
  g_string_append (out, "\">");
  append_escaped (out, words->copy, -1);
  g_string_append (out, "</a>");
}

/* After every link to a web page (https:) or a mail address (mailto:)
 * in @html: the URL or address as text, when the link's own text is not
 * already it (so that it can be read, typed and printed), and a link
 * that copies it ("gma://action/copy?text=…"), which works without
 * JavaScript: the window handles it. */
static char *
add_link_extras (const Words *words,
                 const char  *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *copied = html;       /* out holds html up to here */
  g_autofree char *href = NULL;    /* of the open link, if any */
  const char *content = NULL;      /* where the open link's text starts */
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;

  /* One pass over the tags (gma-html.h; comments are skipped): an <a>
   * with an href opens a link, the next </a> closes it. */
  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_tag (&scanner, &tag))
    {
      g_autofree char *text = NULL;
      const char *copy;

      if (!gma_html_name_is (tag.name, tag.name_len, "a") || !tag.closed)
        continue;

      if (tag.kind == GMA_HTML_START_TAG)
        {
          /* A new <a> ends an open one (HTML does not nest links). */
          g_clear_pointer (&href, g_free);
          href = find_href (&tag);
          content = tag.end;
          continue;
        }

      if (href == NULL)
        continue;

      switch (gma_html_url_kind (href))
        {
        case GMA_HTML_URL_WEB:
          copy = href;
          break;

        case GMA_HTML_URL_MAILTO:
          {
            /* The address only, without a "?subject=…" */
            char *query = strchr (href, '?');

            if (query != NULL)
              *query = '\0';
            copy = href + gma_html_url_scheme_len (href);
          }
          break;

        case GMA_HTML_URL_OTHER:
        case GMA_HTML_URL_APP:
        case GMA_HTML_URL_FRAGMENT:
        default:
          copy = NULL;
          break;
        }

      if (copy != NULL && copy[0] != '\0')
        {
          g_string_append_len (out, copied, tag.end - copied);
          copied = tag.end;

          /* The link's text, as the search reads it (gma-html.h) */
          text = gma_html_to_text (content, tag.start.p - content, NULL);
          if (g_strcmp0 (text, copy) != 0)
            {
              g_string_append (out, "<span class=\"link-url\">");
              append_escaped (out, words->url_open, -1);
              append_escaped (out, copy, -1);
              append_escaped (out, words->url_close, -1);
              g_string_append (out, "</span>");
            }
          g_string_append_c (out, ' ');
          append_copy_link (out, words, copy);
        }

      g_clear_pointer (&href, g_free);
    }

  g_string_append (out, copied);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The contact's name, telephone, hours and (with @link) web page, as a
 * list; every value escaped. */
static void
append_contact_details (GString          *out,
                        const Words      *words,
                        const GmaContact *contact,
                        gboolean          link)
{
  const struct {
    GmaContactField field;
    const char *label;
  } rows[] = {
    { GMA_CONTACT_NAME, words->counter_name },
    { GMA_CONTACT_PHONE, words->counter_phone },
    { GMA_CONTACT_HOURS, words->counter_hours },
    { GMA_CONTACT_URL, words->counter_url },
  };

  g_string_append (out, "<dl class=\"contact-details\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *value = gma_contact_get (contact, rows[i].field);

      if (value == NULL || (rows[i].field == GMA_CONTACT_URL && !link))
        continue;

      g_string_append (out, "<dt>");
      append_escaped (out, rows[i].label, -1);
      g_string_append (out, "</dt><dd class=\"contact-");
      g_string_append (out, gma_contact_field_get_key (rows[i].field) + strlen ("counter-"));
      g_string_append (out, "\">");
      if (rows[i].field == GMA_CONTACT_URL)
        {
          /* The text is the address itself, so that it can be read and
           * typed; add_link_extras() adds its copy link. */
          g_string_append (out, "<a href=\"");
          append_escaped (out, value, -1);
          g_string_append (out, "\">");
          append_escaped (out, value, -1);
          g_string_append (out, "</a>");
        }
      else
        append_escaped (out, value, -1);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");
}

static char *
contact_card (const Words      *words,
              const GmaContact *contact)
{
  g_autoptr(GString) card = g_string_new (NULL);

  g_string_append (card, "<aside class=\"contact-card\" aria-label=\"");
  append_escaped (card, words->counter, -1);
  g_string_append (card, "\">\n<p class=\"contact-heading\">");
  append_escaped (card, words->counter, -1);
  g_string_append (card, "</p>\n");
  append_contact_details (card, words, contact, TRUE);
  g_string_append (card, "</aside>");

  return add_link_extras (words, card->str);
}

char *
gma_render_fill_contact (const char       *html,
                         const GmaContact *contact,
                         const char       *language)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *card = NULL;
  const char *copied;
  gsize marker_len = strlen (GMA_CONTACT_MARKER);
  GmaHtmlScanner scanner;
  GmaHtmlToken tag;

  g_return_val_if_fail (html != NULL, NULL);

  if (!gma_contact_is_empty (contact))
    card = contact_card (words_for_language (language), contact);

  /* The same scanner as the content checker: a marker in a comment is no
   * marker. */
  out = g_string_new (NULL);
  copied = html;
  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_tag (&scanner, &tag))
    {
      if (!gma_html_tag_has_class (&tag, GMA_CONTACT_MARKER_CLASS) ||
          strncmp (tag.start.p, GMA_CONTACT_MARKER, marker_len) != 0)
        continue;

      g_string_append_len (out, copied, tag.start.p - copied);
      if (card != NULL)
        g_string_append (out, card);
      copied = tag.start.p + marker_len;
      /* Go on after the marker's end tag. */
      gma_html_scanner_init (&scanner, copied, -1);
    }
  g_string_append (out, copied);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
load_template (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  gma_content_register_resources ();

  bytes = g_resources_lookup_data (TEMPLATE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static const char *
kind_class (GmaNodeKind kind)
{
  switch (kind)
    {
    case GMA_NODE_INTRO:
      return "intro";
    case GMA_NODE_QUESTION:
      return "question";
    case GMA_NODE_RESULT:
    default:
      return "result";
    }
}

static char *
render_document (GmaContent  *content,
                 const char  *kind,
                 const char  *title,
                 const char  *reference,
                 const char  *heading,
                 const char  *path_html,
                 const char  *body_html,
                 const char  *related_html,
                 GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *template_text = NULL;
  g_autofree char *based_on = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *source = NULL;
  gboolean has_reference = reference != NULL && reference[0] != '\0';
  const Words *words = words_for (content);
  const char *edition = gma_content_get_edition (content);

  template_text = load_template (error);
  if (template_text == NULL)
    return NULL;

  g_hash_table_insert (values, (gpointer) "title", (gpointer) title);
  g_hash_table_insert (values, (gpointer) "kind", (gpointer) kind);
  g_hash_table_insert (values, (gpointer) "reference", (gpointer) (has_reference ? reference : ""));
  g_hash_table_insert (values, (gpointer) "reference-attributes",
                       (gpointer) (has_reference ? "" : " hidden"));
  g_hash_table_insert (values, (gpointer) "heading", (gpointer) heading);
  based_on = gma_render_based_on (content);
  footer = g_strconcat (words->footer_before, edition, words->footer_after, NULL);
  source = g_strconcat (words->source_before, gma_content_get_source (content),
                        words->source_after, NULL);
  g_hash_table_insert (values, (gpointer) "lang", (gpointer) words->language);
  g_hash_table_insert (values, (gpointer) "based-on", based_on);
  g_hash_table_insert (values, (gpointer) "footer-edition", footer);
  g_hash_table_insert (values, (gpointer) "footer-source", source);
  g_hash_table_insert (values, (gpointer) "path", (gpointer) (path_html ? path_html : ""));
  g_hash_table_insert (values, (gpointer) "body", (gpointer) (body_html ? body_html : ""));
  g_hash_table_insert (values, (gpointer) "related", (gpointer) (related_html ? related_html : ""));

  return gma_render_template (template_text, values, error);
}

static char *
node_document_title (const GmaNode *node)
{
  const char *reference = gma_node_get_reference (node);

  if (gma_node_get_kind (node) == GMA_NODE_RESULT && reference != NULL)
    return g_strdup_printf ("%s %s", reference, gma_node_get_title (node));

  return g_strdup (gma_node_get_title (node));
}

static char *
faq_label (GmaFaqEntry *entry)
{
  return g_strdup_printf ("FAQ %s", gma_faq_entry_get_number (entry));
}

/* The answers given so far, or NULL when there are none. The intro's
 * "start" is not an answer to anything and is left out. */
static GString *
render_path (const Words *words,
             GmaSession  *session)
{
  GString *path = NULL;

  for (guint i = 0; i < gma_session_get_n_steps (session); i++)
    {
      const GmaNode *step = gma_session_get_step_node (session, i);
      guint answer = gma_session_get_step_answer (session, i);

      if (gma_node_get_kind (step) == GMA_NODE_INTRO)
        continue;

      if (path == NULL)
        {
          path = g_string_new ("<section class=\"page-path\">\n<h2>");
          append_escaped (path, words->answers_so_far, -1);
          g_string_append (path, "</h2>\n<ol>\n");
        }

      g_string_append (path, "<li><span class=\"page-path-question\">");
      append_escaped (path, gma_node_get_short_title (step), -1);
      g_string_append (path, "</span>: <span class=\"page-path-answer\">");
      append_escaped (path, gma_node_get_answer_label (step, answer), -1);
      g_string_append (path, "</span></li>\n");
    }

  if (path != NULL)
    g_string_append (path, "</ol>\n</section>");

  return path;
}

static void
append_flow_link (GString     *out,
                  const Words *words)
{
  g_string_append (out, "<nav class=\"page-flow-link\"><a href=\"" GMA_FLOW_URI "\">");
  append_escaped (out, words->flow_link, -1);
  g_string_append (out, "</a></nav>\n");
}

static GString *
related_start (const char *heading)
{
  GString *related = g_string_new ("<nav class=\"page-related\">\n<h2>");

  append_escaped (related, heading, -1);
  g_string_append (related, "</h2>\n<ul>\n");
  return related;
}

/* The page body of a node, with the copy links and visible URLs added. */
static char *
load_body (GmaContent  *content,
           const char  *page,
           GError     **error)
{
  g_autoptr(GBytes) bytes = gma_content_load_file (content, page, NULL, error);
  g_autofree char *fragment = NULL;
  const char *data;
  gsize len;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID,
                   "%s is not valid UTF-8", page);
      return NULL;
    }

  fragment = g_strndup (data, len);
  return add_link_extras (words_for (content), fragment);
}

char *
gma_render_node_page (GmaContent     *content,
                      GmaSession     *session,
                      const GmaNode  *node,
                      GError        **error)
{
  return gma_render_node_page_for_query (content, session, node, NULL, error);
}

char *
gma_render_node_page_for_query (GmaContent     *content,
                                GmaSession     *session,
                                const GmaNode  *node,
                                const char     *query,
                                GError        **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) related = NULL;
  g_autofree char *page = NULL;
  const char * const *faq;
  const Words *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (session == NULL || GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = words_for (content);
  title = node_document_title (node);

  page = gma_content_get_page_path (content, node);
  if (page != NULL && !(body = load_body (content, page, error)))
    return NULL;

  /* The answers that led here */
  if (session != NULL && gma_session_get_current (session) == node)
    path = render_path (words, session);

  /* Related FAQ entries */
  faq = gma_node_get_faq (node);
  if (faq[0] != NULL)
    {
      GmaFaq *model = gma_content_get_faq (content);

      related = related_start (words->related_faq);

      for (guint i = 0; faq[i]; i++)
        {
          GmaFaqEntry *entry = gma_faq_lookup (model, faq[i]);
          g_autofree char *label = NULL;

          if (entry == NULL)
            continue;

          label = faq_label (entry);
          g_string_append (related, "<li><a href=\"gma://faq/");
          append_escaped (related, gma_faq_entry_get_id (entry), -1);
          g_string_append (related, "\"><span class=\"page-related-number\">");
          append_escaped (related, label, -1);
          g_string_append (related, "</span> ");
          append_escaped (related, gma_faq_entry_get_question (entry), -1);
          g_string_append (related, "</a></li>\n");
        }

      g_string_append (related, "</ul>\n</nav>");
    }

  /* Every result links to the whole flow, where its path is drawn. */
  if (gma_node_get_kind (node) == GMA_NODE_RESULT)
    {
      if (related == NULL)
        related = g_string_new (NULL);
      else
        g_string_append_c (related, '\n');
      append_flow_link (related, words);
    }

  /* A search led here: mark what it found. */
  if (query != NULL && body != NULL)
    {
      char *marked = gma_highlight_html (body, title, gma_node_get_keywords (node), query);

      g_free (body);
      body = marked;
    }

  return render_document (content,
                          kind_class (gma_node_get_kind (node)),
                          title,
                          gma_node_get_reference (node),
                          gma_node_get_title (node),
                          path ? path->str : NULL,
                          body,
                          related ? related->str : NULL,
                          error);
}

char *
gma_render_faq_page (GmaContent   *content,
                     GmaFaqEntry  *entry,
                     GError      **error)
{
  return gma_render_faq_page_for_query (content, entry, NULL, error);
}

char *
gma_render_faq_page_for_query (GmaContent   *content,
                               GmaFaqEntry  *entry,
                               const char   *query,
                               GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) related = NULL;
  const char * const *see_also;
  const Words *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (entry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = words_for (content);
  label = faq_label (entry);
  title = g_strdup_printf ("%s %s", label, gma_faq_entry_get_question (entry));
  reference = g_strconcat (label, words->category_open, gma_faq_entry_get_category_title (entry),
                           words->category_close, NULL);
  {
    g_autofree char *answer = gma_render_text_to_html (gma_faq_entry_get_answer (entry));

    /* The answer sends the reader to the prefecture's counter: its card
     * goes after it. */
    if (gma_faq_entry_get_ask_counter (entry))
      {
        char *with_marker = g_strconcat (answer, GMA_CONTACT_MARKER "\n", NULL);

        g_free (answer);
        answer = with_marker;
      }
    body = add_link_extras (words, answer);
  }

  see_also = gma_faq_entry_get_see_also (entry);
  if (see_also[0] != NULL)
    {
      GmaFlow *flow = gma_content_get_flow (content);

      related = related_start (words->related_pages);

      for (guint i = 0; see_also[i]; i++)
        {
          const GmaNode *node = gma_flow_lookup (flow, see_also[i]);
          g_autofree char *node_title = NULL;

          if (node == NULL)
            continue;

          node_title = node_document_title (node);
          g_string_append (related, "<li><a href=\"gma://page/");
          append_escaped (related, gma_node_get_id (node), -1);
          g_string_append (related, "\">");
          append_escaped (related, node_title, -1);
          g_string_append (related, "</a></li>\n");
        }

      g_string_append (related, "</ul>\n</nav>");
    }

  if (query != NULL)
    {
      char *marked = gma_highlight_html (body, gma_faq_entry_get_question (entry),
                                         gma_faq_entry_get_keywords (entry), query);

      g_free (body);
      body = marked;
    }

  return render_document (content, "faq", title, reference,
                          gma_faq_entry_get_question (entry),
                          NULL, body, related ? related->str : NULL, error);
}

char *
gma_render_flow_page (GmaContent  *content,
                      GmaSession  *session,
                      GError     **error)
{
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) path = NULL;
  g_autofree char *svg = NULL;
  const GmaNode *current = NULL;
  const Words *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (session == NULL || GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = words_for (content);

  if (session != NULL)
    {
      for (guint i = 0; i < gma_session_get_n_steps (session); i++)
        g_ptr_array_add (visited, (gpointer) gma_node_get_id (gma_session_get_step_node (session, i)));
      current = gma_session_get_current (session);
      if (current != NULL)
        g_ptr_array_add (visited, (gpointer) gma_node_get_id (current));
      path = render_path (words, session);
    }
  g_ptr_array_add (visited, NULL);

  svg = gma_flow_diagram_svg_inline (gma_content_get_flow (content),
                                     (const char * const *) visited->pdata,
                                     current ? gma_node_get_id (current) : NULL,
                                     gma_content_get_language (content));

  /* The page's CSP blocks <style> elements: the picture's style comes
   * as a style sheet of the app. */
  g_string_append (body, "<link rel=\"stylesheet\" href=\"" GMA_FLOW_STYLE_URI "\">\n");
  if (current != NULL && visited->len > 2)
    {
      g_string_append (body, "<p class=\"flow-caption\">");
      append_escaped (body, words->flow_path_caption, -1);
      g_string_append (body, "</p>\n");
    }
  g_string_append (body, "<p class=\"flow-caption flow-hint\">");
  append_escaped (body, words->flow_hint, -1);
  g_string_append (body, "</p>\n");
  g_string_append (body, "<figure class=\"flow-diagram\">\n");
  g_string_append (body, svg);
  g_string_append (body, "</figure>\n");

  return render_document (content, "flow", words->flow_title, NULL, words->flow_title,
                          path ? path->str : NULL, body->str, NULL, error);
}

char *
gma_render_summary (GmaContent *content,
                    GmaSession *session)
{
  GString *out;
  const GmaNode *current;
  const Words *words;
  g_autofree char *based_on = NULL;
  guint n_steps;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_SESSION (session), NULL);

  words = words_for (content);
  out = g_string_new (NULL);
  current = gma_session_get_current (session);
  n_steps = 0;
  for (guint i = 0; i < gma_session_get_n_steps (session); i++)
    if (gma_node_get_kind (gma_session_get_step_node (session, i)) != GMA_NODE_INTRO)
      n_steps++;

  based_on = gma_render_based_on (content);
  g_string_append (out, words->app_name);
  g_string_append (out, words->based_on_open);
  g_string_append (out, based_on);
  g_string_append (out, words->based_on_close);
  g_string_append_c (out, '\n');
  g_string_append (out, words->summary_source);
  g_string_append (out, gma_content_get_source (content));
  g_string_append_c (out, '\n');

  g_string_append (out, words->answers_so_far);
  g_string_append_c (out, ':');
  if (n_steps == 0)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, words->none);
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_c (out, '\n');

  for (guint i = 0, number = 1; i < gma_session_get_n_steps (session); i++)
    {
      const GmaNode *step = gma_session_get_step_node (session, i);
      guint answer = gma_session_get_step_answer (session, i);

      /* The intro's "start" is not an answer. */
      if (gma_node_get_kind (step) == GMA_NODE_INTRO)
        continue;

      g_string_append_printf (out, "%u. %s: %s\n", number++,
                              gma_node_get_short_title (step),
                              gma_node_get_answer_label (step, answer));
    }

  if (current != NULL && gma_node_get_kind (current) == GMA_NODE_RESULT)
    {
      const char * const *urls = gma_node_get_urls (current);
      g_autofree char *title = node_document_title (current);

      g_string_append (out, words->summary_result);
      g_string_append (out, title);
      g_string_append_c (out, '\n');

      if (urls[0] != NULL)
        {
          g_string_append (out, words->summary_urls);
          g_string_append_c (out, '\n');
          for (guint i = 0; urls[i]; i++)
            g_string_append_printf (out, "%s\n", urls[i]);
        }
    }
  else if (current != NULL)
    {
      g_string_append (out, words->summary_question);
      g_string_append (out, gma_node_get_title (current));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* @url on a slip: its QR code, to be scanned, and its text, to be typed. */
static void
append_slip_url (GString     *out,
                 const Words *words,
                 const char  *url)
{
  g_autofree char *encoded = g_uri_escape_string (url, NULL, FALSE);

  g_string_append (out, "<img class=\"slip-qr\" src=\"gma://app/qr?text=");
  append_escaped (out, encoded, -1);
  g_string_append (out, "\" alt=\"");
  append_escaped (out, words->qr_code, -1);
  g_string_append (out, "\"><span class=\"slip-url\">");
  append_escaped (out, url, -1);
  g_string_append (out, "</span>");
}

char *
gma_render_slip (GmaContent        *content,
                 GmaSession        *session,
                 const GmaContact  *counter,
                 GError           **error)
{
  const GmaNode *node;
  const char * const *urls;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autofree char *page = NULL;
  const Words *words;

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (GMA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = words_for (content);

  node = gma_session_get_current (session);
  if (gma_node_get_kind (node) != GMA_NODE_RESULT)
    {
      g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
                   "A slip is printed for a result; “%s” is not one", gma_node_get_id (node));
      return NULL;
    }

  title = node_document_title (node);
  page = gma_content_get_page_path (content, node);
  if (page != NULL && !(body = load_body (content, page, error)))
    return NULL;
  path = render_path (words, session);

  /* Each URL with its QR code, to be typed or scanned elsewhere. */
  urls = gma_node_get_urls (node);
  if (urls[0] != NULL)
    {
      g_string_append (extra, "<section class=\"slip-urls\">\n<h2>");
      append_escaped (extra, words->needed_urls, -1);
      g_string_append (extra, "</h2>\n<ul>\n");
      for (guint i = 0; urls[i] != NULL; i++)
        {
          g_string_append (extra, "<li>");
          append_slip_url (extra, words, urls[i]);
          g_string_append (extra, "</li>\n");
        }
      g_string_append (extra, "</ul>\n</section>\n");
    }

  /* The counter once, at the bottom: the slip is one page. */
  if (!gma_contact_is_empty (counter))
    {
      const char *url = gma_contact_get (counter, GMA_CONTACT_URL);

      g_string_append (extra, "<section class=\"slip-counter\">\n<h2>");
      append_escaped (extra, words->counter, -1);
      g_string_append (extra, "</h2>\n");
      append_contact_details (extra, words, counter, FALSE);
      if (url != NULL)
        {
          g_string_append (extra, "<p class=\"slip-counter-url\">");
          append_slip_url (extra, words, url);
          g_string_append (extra, "</p>\n");
        }
      g_string_append (extra, "</section>\n");
    }

  if (body != NULL)
    {
      g_autofree char *without_markers = gma_render_fill_contact (body, NULL, NULL);

      g_string_prepend (extra, without_markers);
    }

  return render_document (content, "slip", title, gma_node_get_reference (node),
                          gma_node_get_title (node), path ? path->str : NULL,
                          extra->str, NULL, error);
}

char *
gma_render_document (GmaContent  *content,
                     const char  *kind,
                     const char  *title,
                     const char  *heading,
                     const char  *body_html,
                     GError     **error)
{
  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (kind != NULL && title != NULL && heading != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render_document (content, kind, title, NULL, heading, NULL, body_html, NULL, error);
}

char *
gma_render_copy_link (GmaContent *content,
                      const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (GMA_IS_CONTENT (content), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  append_copy_link (out, words_for (content), text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
