/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-contact.c: the counter's card in the pages, where they mark
 * its place (gma-render-contact.c) */

#define G_LOG_DOMAIN "gma-test-render-contact"

#include "config.h"

#include <string.h>

#include "gma-contact.h"
#include "gma-render.h"
#include "gma-router.h"
#include "test-util.h"

#define HOSTILE_NAME "<b>&\"〇〇県' 医療政策課"
#define HOSTILE_NAME_ESCAPED "&lt;b&gt;&amp;&quot;〇〇県&apos; 医療政策課"

static GmaContact *
full_contact (void)
{
  g_autoptr(GmaContact) contact = gma_contact_new ();

  g_assert_true (gma_contact_set (contact, GMA_CONTACT_NAME, HOSTILE_NAME, NULL));
  g_assert_true (gma_contact_set (contact, GMA_CONTACT_PHONE, "03-1234-5678", NULL));
  g_assert_true (gma_contact_set (contact, GMA_CONTACT_HOURS, "平日 9:00〜17:00 <i>", NULL));
  g_assert_true (gma_contact_set (contact, GMA_CONTACT_URL, "https://www.pref.example.jp/iryo/?a=1&b=2", NULL));

  return g_steal_pointer (&contact);
}

static GmaContent *
load_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GmaContent *content = gma_content_new (root, NULL, &error);

  g_assert_no_error (error);
  return content;
}

static char *
load (GmaContent       *content,
      GmaSession       *session,
      const GmaContact *contact,
      const char       *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autoptr(GBytes) bytes = gma_router_load_with_contact (content, session, contact, uri, &type, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "text/html; charset=utf-8");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_fill (void)
{
  g_autoptr(GmaContact) contact = full_contact ();
  g_autoptr(GmaContact) phone_only = gma_contact_new ();
  const char *html =
    "<p>都道府県窓口にご確認ください。</p>\n"
    GMA_CONTACT_MARKER "\n"
    "<!-- " GMA_CONTACT_MARKER " -->\n"
    "<p>二つ目。</p>" GMA_CONTACT_MARKER;
  g_autofree char *with = gma_render_fill_contact (html, contact, "ja");
  g_autofree char *without = gma_render_fill_contact (html, NULL, "ja");
  g_autofree char *empty = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GmaContact) none = gma_contact_new ();

  /* Without a contact: the markers go, the guide's words stay. A marker
   * in a comment is no marker. */
  g_assert_cmpstr (without, ==,
                   "<p>都道府県窓口にご確認ください。</p>\n\n"
                   "<!-- " GMA_CONTACT_MARKER " -->\n"
                   "<p>二つ目。</p>");
  empty = gma_render_fill_contact (html, none, "ja");
  g_assert_cmpstr (empty, ==, without);

  /* With one: a card at each marker, every value escaped. */
  g_assert_cmpuint (test_count_occurrences (with, "<aside class=\"contact-card\""), ==, 2);
  g_assert_cmpuint (test_count_occurrences (with, GMA_CONTACT_MARKER), ==, 1);   /* the comment's */
  test_assert_contains (with, "<p class=\"contact-heading\">都道府県の窓口</p>");
  test_assert_contains (with, "<dd class=\"contact-name\">" HOSTILE_NAME_ESCAPED "</dd>");
  test_assert_contains (with, "<dd class=\"contact-phone\">03-1234-5678</dd>");
  test_assert_contains (with, "<dd class=\"contact-hours\">平日 9:00〜17:00 &lt;i&gt;</dd>");
  test_assert_contains (with, "<a href=\"https://www.pref.example.jp/iryo/?a=1&amp;b=2\">"
                         "https://www.pref.example.jp/iryo/?a=1&amp;b=2</a>");
  /* The web page can be copied, like every link of the pages. */
  test_assert_contains (with, "href=\"gma://action/copy?text=https%3A%2F%2Fwww.pref.example.jp%2Firyo%2F%3Fa%3D1%26b%3D2\"");
  test_assert_lacks (with, "<b>");
  test_assert_lacks (with, "<i>");
  test_assert_contains (with, "<p>都道府県窓口にご確認ください。</p>\n<aside");

  /* Only what is set. */
  g_assert_true (gma_contact_set (phone_only, GMA_CONTACT_PHONE, "03-1234-5678", NULL));
  partial = gma_render_fill_contact (html, phone_only, "ja");
  test_assert_contains (partial, "<dd class=\"contact-phone\">03-1234-5678</dd>");
  test_assert_lacks (partial, "contact-name");
  test_assert_lacks (partial, "contact-hours");
  test_assert_lacks (partial, "contact-url");
  test_assert_lacks (partial, "copy-link");

  /* On an English page the card's own words are English. */
  {
    g_autofree char *english = gma_render_fill_contact (html, contact, "en");

    test_assert_contains (english, "<p class=\"contact-heading\">The prefecture’s counter</p>");
    test_assert_contains (english, "<dt>Telephone</dt><dd class=\"contact-phone\">03-1234-5678</dd>");
    test_assert_lacks (english, "都道府県の窓口</p>");
    test_assert_lacks (english, "電話番号");
  }
}

/* Through the router, as the window serves them: a page and an FAQ answer
 * that send the reader to the counter, one that does not, and a page
 * opened from a search (the card is not marked). */
static void
test_router (void)
{
  g_autoptr(GmaContent) content = load_valid ();
  g_autoptr(GmaSession) session = gma_session_new (gma_content_get_flow (content));
  g_autoptr(GmaContact) contact = full_contact ();
  g_autofree char *r1 = load (content, session, contact, "gma://page/r1");
  g_autofree char *r1_bare = load (content, session, NULL, "gma://page/r1");
  g_autofree char *r1_plain = NULL;
  g_autofree char *r1_search = load (content, session, contact, "gma://page/r1?q=%E7%AA%93%E5%8F%A3");
  g_autofree char *faq1 = load (content, session, contact, "gma://faq/faq-1-1");
  g_autofree char *faq1_bare = load (content, session, NULL, "gma://faq/faq-1-1");
  g_autofree char *faq2 = load (content, session, contact, "gma://faq/faq-1-2");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = gma_router_load (content, session, "gma://page/r1", NULL, &error);

  g_assert_no_error (error);
  r1_plain = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));

  g_assert_cmpuint (test_count_occurrences (r1, "<aside class=\"contact-card\""), ==, 1);
  test_assert_contains (r1, HOSTILE_NAME_ESCAPED);
  test_assert_lacks (r1, GMA_CONTACT_MARKER);
  test_assert_lacks (r1_bare, "contact-card");
  test_assert_lacks (r1_bare, GMA_CONTACT_MARKER);
  test_assert_contains (r1_bare, "都道府県の窓口にお問い合わせください。");
  g_assert_cmpstr (r1_plain, ==, r1_bare);

  /* The search marks the guide's words, not the card's. */
  test_assert_contains (r1_search, "<mark");
  test_assert_contains (r1_search, "<p class=\"contact-heading\">都道府県の窓口</p>");

  g_assert_true (gma_faq_entry_get_ask_counter (gma_faq_lookup (gma_content_get_faq (content), "faq-1-1")));
  g_assert_false (gma_faq_entry_get_ask_counter (gma_faq_lookup (gma_content_get_faq (content), "faq-1-2")));
  g_assert_cmpuint (test_count_occurrences (faq1, "<aside class=\"contact-card\""), ==, 1);
  test_assert_lacks (faq1_bare, "contact-card");
  test_assert_lacks (faq1_bare, GMA_CONTACT_MARKER);
  test_assert_lacks (faq2, "contact-card");
}

/* In the guide's content, the card follows each place where the guide
 * tells the reader to ask the prefecture's counter, and only those. */
static void
test_embedded_places (void)
{
  static const struct {
    const char *page;
    guint n;
  } pages[] = {
    { "remedy-1", 1 },      /* 都道府県窓口「ログインID」をご確認の上 */
    { "remedy-4", 1 },      /* 都道府県の窓口に連絡し、既存のアカウント情報をご確認ください */
    { "existing-account", 1 },  /* 都道府県窓口にて「ログインID」をご確認の上 */
  };
  static const char * const faq_ids[] = { "faq-3-1", "faq-3-3", "faq-4-1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  GmaFlow *flow;
  GmaFaq *faq;
  g_autoptr(GmaContact) contact = full_contact ();
  guint total = 0;

  g_assert_no_error (error);
  flow = gma_content_get_flow (content);
  faq = gma_content_get_faq (content);

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      g_autoptr(GmaSession) session = gma_session_new (flow);
      g_autofree char *uri = g_strdup_printf ("gma://page/%s", gma_node_get_id (node));
      g_autofree char *html = load (content, session, contact, uri);
      g_autofree char *bare = load (content, session, NULL, uri);
      guint expected = 0;

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        if (g_str_equal (pages[p].page, gma_node_get_id (node)))
          expected = pages[p].n;

      g_test_message ("%s", gma_node_get_id (node));
      g_assert_cmpuint (test_count_occurrences (html, "<aside class=\"contact-card\""), ==, expected);
      test_assert_lacks (bare, "contact-card");
      test_assert_lacks (bare, GMA_CONTACT_MARKER);
      total += expected;

      /* Each card right after the guide's sentence that names the counter. */
      for (const char *card = strstr (html, "<aside class=\"contact-card\""); card != NULL;
           card = strstr (card + 1, "<aside class=\"contact-card\""))
        {
          g_autofree char *before = g_strndup (html, card - html);
          const char *last_paragraph = g_strrstr (before, "<p>");

          g_assert_nonnull (last_paragraph);
          g_assert_true (strstr (last_paragraph, "都道府県窓口") != NULL ||
                         strstr (last_paragraph, "都道府県の窓口") != NULL);
        }
    }
  g_assert_cmpuint (total, ==, 3);

  /* FAQ: the entries whose answer sends the reader to 都道府県窓口 */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (faq)); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (G_LIST_MODEL (faq), i);
      gboolean expected = g_strv_contains (faq_ids, gma_faq_entry_get_id (entry));

      g_test_message ("%s", gma_faq_entry_get_id (entry));
      g_assert_true (gma_faq_entry_get_ask_counter (entry) == expected);
      if (expected)
        test_assert_contains (gma_faq_entry_get_answer (entry), "都道府県窓口");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact/fill", test_fill);
  g_test_add_func ("/contact/router", test_router);
  g_test_add_func ("/contact/embedded-places", test_embedded_places);

  return g_test_run ();
}
