/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contact.c: the prefecture's counter: its values and the
 * settings (the real schema on the memory backend) (gma-contact.c) */

#define G_LOG_DOMAIN "gma-test-contact"

#include "config.h"

#include <string.h>

#include "gma-contact.h"
#include "test-util.h"

#define HOSTILE_NAME "<b>&\"〇〇県' 医療政策課"

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

  return g_test_run ();
}
