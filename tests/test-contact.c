/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contact.c: the prefecture's counter: its values, the settings (the
 * real schema on the memory backend), and its card in the pages */

#define G_LOG_DOMAIN "gma-test-contact"

#include "config.h"

#include <string.h>

#include "gma-contact.h"
#include "gma-render.h"
#include "gma-router.h"
#include "test-util.h"

#define HOSTILE_NAME "<b>&\"〇〇県' 医療政策課"
#define HOSTILE_NAME_ESCAPED "&lt;b&gt;&amp;&quot;〇〇県&apos; 医療政策課"

static void
test_validate (void)
{
  static const struct {
    GmaContactField field;
    const char *value;
    int error;     /* -1: valid */
  } cases[] = {
    { GMA_CONTACT_NAME, "", -1 },
    { GMA_CONTACT_NAME, "   ", -1 },
    { GMA_CONTACT_NAME, "〇〇県 医療政策課 <b>&\"", -1 },
    { GMA_CONTACT_NAME, "一行目\n二行目", GMA_CONTACT_ERROR_CONTROL },
    { GMA_CONTACT_NAME, "タブ\tあり", GMA_CONTACT_ERROR_CONTROL },
    { GMA_CONTACT_HOURS, "平日 9:00〜17:00（12:00〜13:00を除く）", -1 },
    { GMA_CONTACT_HOURS, "x\u2028y", GMA_CONTACT_ERROR_CONTROL },
    { GMA_CONTACT_PHONE, "03-1234-5678", -1 },
    { GMA_CONTACT_PHONE, "+81 (3) 1234-5678", -1 },
    { GMA_CONTACT_PHONE, "０３－１２３４－５６７８", -1 },
    { GMA_CONTACT_PHONE, "03ー1234ー5678", -1 },
    { GMA_CONTACT_PHONE, "03-1234-5678 内線12", GMA_CONTACT_ERROR_PHONE },
    { GMA_CONTACT_PHONE, "tel:0312345678", GMA_CONTACT_ERROR_PHONE },
    { GMA_CONTACT_PHONE, "---", GMA_CONTACT_ERROR_PHONE },
    { GMA_CONTACT_PHONE, "0120-000-000-0000-0000-0000-0000", GMA_CONTACT_ERROR_TOO_LONG },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/iryo/", -1 },
    { GMA_CONTACT_URL, "HTTP://www.pref.example.jp", -1 },
    { GMA_CONTACT_URL, "https://www.pref.example.jp:8443/iryo/", -1 },
    { GMA_CONTACT_URL, "http://192.0.2.1/", -1 },
    { GMA_CONTACT_URL, "http://[2001:db8::1]:8080/", -1 },
    { GMA_CONTACT_URL, "https://例え.jp/", -1 },
    { GMA_CONTACT_URL, "https://www.pref.example.jp./", -1 },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/a?b=1&c=<x>", GMA_CONTACT_ERROR_URL_CHARACTER },
    { GMA_CONTACT_URL, "www.pref.example.jp", GMA_CONTACT_ERROR_URL },
    { GMA_CONTACT_URL, "javascript:alert(1)", GMA_CONTACT_ERROR_URL },
    { GMA_CONTACT_URL, "file:///etc/passwd", GMA_CONTACT_ERROR_URL },
    { GMA_CONTACT_URL, "mailto:kenko@pref.example.jp", GMA_CONTACT_ERROR_URL },
    { GMA_CONTACT_URL, "https://", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https:///path", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https:www.pref.example.jp", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https://user:pw@www.pref.example.jp/", GMA_CONTACT_ERROR_URL_USER },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/a b", GMA_CONTACT_ERROR_URL_CHARACTER },
    { GMA_CONTACT_URL, "http://[::1]:99999/", GMA_CONTACT_ERROR_URL_PORT },
    { GMA_CONTACT_URL, "https://www.pref.example.jp:0/", GMA_CONTACT_ERROR_URL_PORT },
    { GMA_CONTACT_URL, "https://www.pref.example.jp:https/", GMA_CONTACT_ERROR_URL_PORT },
    { GMA_CONTACT_URL, "https://[::1/", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https://www..pref.example.jp/", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https://-www.pref.example.jp/", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https://www_pref.example.jp/", GMA_CONTACT_ERROR_URL_HOST },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/%zz", GMA_CONTACT_ERROR_URL_ENCODING },
    { GMA_CONTACT_URL, "https://www.pref.example.jp/?q=%E3%8", GMA_CONTACT_ERROR_URL_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = gma_contact_validate (cases[i].field, cases[i].value, &error);

      g_test_message ("%s = “%s”", gma_contact_field_get_key (cases[i].field), cases[i].value);
      if (cases[i].error < 0)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_error (error, GMA_CONTACT_ERROR, cases[i].error);
          g_assert_false (valid);
          g_assert_cmpstr (error->message, !=, "");
        }
    }

  /* The length limit is in characters, not bytes. */
  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    {
      guint max = gma_contact_field_get_max_length (f);
      g_autoptr(GString) fits = g_string_new (f == GMA_CONTACT_URL ? "https://a.jp/" : NULL);
      g_autoptr(GError) error = NULL;

      while (g_utf8_strlen (fits->str, -1) < (glong) max)
        g_string_append (fits, f == GMA_CONTACT_PHONE ? "１" : f == GMA_CONTACT_URL ? "a" : "窓");
      g_assert_true (gma_contact_validate (f, fits->str, &error));
      g_assert_no_error (error);
      g_string_append (fits, f == GMA_CONTACT_PHONE ? "1" : "a");
      g_assert_false (gma_contact_validate (f, fits->str, &error));
      g_assert_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_TOO_LONG);
    }
}

static void
test_contact_values (void)
{
  g_autoptr(GmaContact) contact = gma_contact_new ();
  g_autoptr(GmaContact) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gma_contact_is_empty (contact));
  g_assert_true (gma_contact_is_empty (NULL));

  /* Trimmed; "" unsets; a bad value changes nothing. */
  g_assert_true (gma_contact_set (contact, GMA_CONTACT_PHONE, "  03-1234-5678 ", &error));
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_PHONE), ==, "03-1234-5678");
  g_assert_false (gma_contact_is_empty (contact));
  g_assert_false (gma_contact_set (contact, GMA_CONTACT_PHONE, "電話", &error));
  g_assert_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_PHONE);
  g_clear_error (&error);
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_PHONE), ==, "03-1234-5678");

  copy = gma_contact_copy (contact);
  g_assert_true (gma_contact_equal (copy, contact));
  g_assert_true (gma_contact_set (copy, GMA_CONTACT_PHONE, " ", &error));
  g_assert_null (gma_contact_get (copy, GMA_CONTACT_PHONE));
  g_assert_true (gma_contact_is_empty (copy));
  g_assert_false (gma_contact_equal (copy, contact));
  g_assert_true (gma_contact_equal (copy, NULL));

  g_assert_cmpstr (gma_contact_field_get_key (GMA_CONTACT_NAME), ==, "counter-name");
  g_assert_cmpstr (gma_contact_field_get_key (GMA_CONTACT_PHONE), ==, "counter-phone");
  g_assert_cmpstr (gma_contact_field_get_key (GMA_CONTACT_HOURS), ==, "counter-hours");
  g_assert_cmpstr (gma_contact_field_get_key (GMA_CONTACT_URL), ==, "counter-url");
}

/* The real schema (GSETTINGS_SCHEMA_DIR) on the memory backend. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);

  /* Every field's key is in the schema, a string. */
  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;

      g_assert_true (g_settings_schema_has_key (schema, gma_contact_field_get_key (f)));
      key = g_settings_schema_get_key (schema, gma_contact_field_get_key (f));
      g_assert_true (g_variant_type_equal (g_settings_schema_key_get_value_type (key),
                                           G_VARIANT_TYPE_STRING));
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
test_from_settings (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GmaContact) contact = NULL;

  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    g_settings_reset (settings, gma_contact_field_get_key (f));

  contact = gma_contact_new_from_settings (settings);
  g_assert_true (gma_contact_is_empty (contact));
  g_clear_pointer (&contact, gma_contact_free);

  g_settings_set_string (settings, "counter-name", HOSTILE_NAME);
  g_settings_set_string (settings, "counter-phone", "03-1234-5678");
  g_settings_set_string (settings, "counter-hours", "平日 9:00〜17:00");
  g_settings_set_string (settings, "counter-url", "https://www.pref.example.jp/");
  contact = gma_contact_new_from_settings (settings);
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_NAME), ==, HOSTILE_NAME);
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_PHONE), ==, "03-1234-5678");
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_HOURS), ==, "平日 9:00〜17:00");
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_URL), ==, "https://www.pref.example.jp/");
  g_clear_pointer (&contact, gma_contact_free);

  /* An administrator's typo: the key is named, the value left out, the
   * rest still shown. */
  g_settings_set_string (settings, "counter-phone", "03-1234-567８ まで");
  g_settings_set_string (settings, "counter-url", "javascript:alert(1)");
  g_test_expect_message ("gma-contact", G_LOG_LEVEL_WARNING,
                         "The setting counter-phone is not used: *");
  g_test_expect_message ("gma-contact", G_LOG_LEVEL_WARNING,
                         "The setting counter-url is not used: *https://*");
  contact = gma_contact_new_from_settings (settings);
  g_test_assert_expected_messages ();
  g_assert_null (gma_contact_get (contact, GMA_CONTACT_PHONE));
  g_assert_null (gma_contact_get (contact, GMA_CONTACT_URL));
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_NAME), ==, HOSTILE_NAME);
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_HOURS), ==, "平日 9:00〜17:00");
  g_clear_pointer (&contact, gma_contact_free);

  /* After another key changed, the bad values are left out again but not
   * reported again (an unexpected warning fails this test); after one of
   * them changed, that one is. */
  g_settings_set_string (settings, "counter-hours", "平日 9:00〜16:00");
  contact = gma_contact_new_from_settings_changed (settings, "counter-hours");
  g_assert_null (gma_contact_get (contact, GMA_CONTACT_PHONE));
  g_assert_cmpstr (gma_contact_get (contact, GMA_CONTACT_HOURS), ==, "平日 9:00〜16:00");
  g_clear_pointer (&contact, gma_contact_free);
  g_test_expect_message ("gma-contact", G_LOG_LEVEL_WARNING,
                         "The setting counter-url is not used: *https://*");
  contact = gma_contact_new_from_settings_changed (settings, "counter-url");
  g_test_assert_expected_messages ();
  g_assert_null (gma_contact_get (contact, GMA_CONTACT_URL));

  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    g_settings_reset (settings, gma_contact_field_get_key (f));
}

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

/* Each web address that is refused says why: the port, the host, the
 * user name, the escape or the scheme, not always "start with https://". */
static void
test_url_messages (void)
{
  static const struct {
    const char *value;
    const char *says;      /* in the message */
    const char *not_says;  /* not in it, or NULL */
  } cases[] = {
    { "http://[::1]:99999/", "port “99999”", "starts with" },
    { "https://www.pref.example.jp:0/", "port “0”", "starts with" },
    { "https://www.pref.example.jp:https/", "port “https”", "starts with" },
    { "https://[::1/", "“[::1”", "starts with" },
    { "https://www..pref.example.jp/", "“www..pref.example.jp”", "starts with" },
    { "https://", "no site after https://", NULL },
    { "https:///path", "no site after https://", NULL },
    { "https://user:pw@www.pref.example.jp/", "user name or password", "starts with" },
    { "https://www.pref.example.jp/%zz", "%", "starts with" },
    { "www.pref.example.jp", "starts with https:// or http://", NULL },
    { "javascript:alert(1)", "“javascript:”", NULL },
    { "ftp://ftp.pref.example.jp/", "“ftp:”", NULL },
    { "https://www.pref.example.jp/a b", "a space", "starts with" },
    { "https://www.pref.example.jp/<x>", "“<”", "starts with" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (gma_contact_validate (GMA_CONTACT_URL, cases[i].value, &error));
      g_assert_nonnull (error);
      g_test_message ("“%s”: %s", cases[i].value, error->message);
      test_assert_contains (error->message, cases[i].says);
      if (cases[i].not_says != NULL)
        test_assert_lacks (error->message, cases[i].not_says);
    }
}

/* Bidirectional controls and the other invisible format characters
 * (Unicode's category Cf) can make a value shown differently from what it
 * says: 「平日 \u202E00:71〜00:9」 is shown as 「平日 9:00〜17:00」. Every
 * field refuses them, naming the code point, as it refuses control
 * characters; other combining marks (an ideographic variation selector)
 * are kept. */
static void
test_invisible_characters (void)
{
  static const gunichar invisible[] = {
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,   /* embeddings, overrides, pop */
    0x2066, 0x2067, 0x2068, 0x2069,           /* isolates */
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F,   /* zero-width space, joiners, marks */
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064,   /* word joiner, invisible operators */
    0xFEFF, 0x061C, 0x180E, 0x00AD, 0xFFF9, 0xE0001, 0xE0041,
  };
  static const char * const around[GMA_CONTACT_N_FIELDS][2] = {
    [GMA_CONTACT_NAME] = { "〇〇県", "医療政策課" },
    [GMA_CONTACT_PHONE] = { "03-1234", "-5678" },
    [GMA_CONTACT_HOURS] = { "平日 9:00", "〜17:00" },
    [GMA_CONTACT_URL] = { "https://www.pref.example.jp/", "iryo/" },
  };
  g_autoptr(GError) error = NULL;

  /* The report's example, shown as 「平日 9:00〜17:00」. */
  g_assert_false (gma_contact_validate (GMA_CONTACT_HOURS, "平日 \u202E00:71〜00:9", &error));
  g_assert_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_INVISIBLE);
  test_assert_contains (error->message, "U+202E");
  g_clear_error (&error);
  g_assert_cmpuint (gma_contact_find_invisible ("平日 \u202E00:71〜00:9"), ==, 0x202E);
  g_assert_cmpuint (gma_contact_find_invisible ("平日 9:00〜17:00"), ==, 0);

  for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
    for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
      {
        char utf8[7] = { 0 };
        g_autofree char *value = NULL;
        g_autofree char *code = g_strdup_printf ("U+%04X", invisible[i]);
        g_autoptr(GmaContact) contact = gma_contact_new ();

        g_unichar_to_utf8 (invisible[i], utf8);
        value = g_strconcat (around[f][0], utf8, around[f][1], NULL);
        g_test_message ("%s with %s", gma_contact_field_get_key (f), code);
        g_assert_false (gma_contact_validate (f, value, &error));
        g_assert_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_INVISIBLE);
        test_assert_contains (error->message, code);
        g_clear_error (&error);

        /* At either end too, where trimming does not take it away. */
        g_clear_pointer (&value, g_free);
        value = g_strconcat (utf8, around[f][0], around[f][1], NULL);
        g_assert_false (gma_contact_set (contact, f, value, &error));
        g_assert_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_INVISIBLE);
        g_clear_error (&error);
        g_assert_null (gma_contact_get (contact, f));
      }

  /* 葛 with an ideographic variation selector (a mark, not a format
   * character) is a name as its office writes it. */
  g_assert_true (gma_contact_validate (GMA_CONTACT_NAME, "葛\U000E0100飾区 保健所", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact/validate", test_validate);
  g_test_add_func ("/contact/url-messages", test_url_messages);
  g_test_add_func ("/contact/invisible-characters", test_invisible_characters);
  g_test_add_func ("/contact/values", test_contact_values);
  g_test_add_func ("/contact/from-settings", test_from_settings);
  g_test_add_func ("/contact/fill", test_fill);
  g_test_add_func ("/contact/router", test_router);
  g_test_add_func ("/contact/embedded-places", test_embedded_places);

  return g_test_run ();
}
