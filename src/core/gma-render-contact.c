/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render-contact.c: the card of the prefecture's counter, where the
 * pages mark its place */

#define G_LOG_DOMAIN "gma-render"

#include "config.h"

#include <string.h>

#include "gma-html.h"
#include "gma-render-private.h"

void
_gma_render_append_contact_details (GString          *out,
                                    const GmaWords   *words,
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
           * typed; _gma_render_add_link_extras() adds its copy link. */
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
contact_card (const GmaWords   *words,
              const GmaContact *contact)
{
  g_autoptr(GString) card = g_string_new (NULL);

  g_string_append (card, "<aside class=\"contact-card\" aria-label=\"");
  append_escaped (card, words->counter, -1);
  g_string_append (card, "\">\n<p class=\"contact-heading\">");
  append_escaped (card, words->counter, -1);
  g_string_append (card, "</p>\n");
  _gma_render_append_contact_details (card, words, contact, TRUE);
  g_string_append (card, "</aside>");

  return _gma_render_add_link_extras (words, card->str);
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
    card = contact_card (gma_words_for_language (language), contact);

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
