/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-contact.c: the prefecture's counter as a deployment configured it */

#define G_LOG_DOMAIN "gma-contact"

#include "config.h"

#include <string.h>

#include "gma-contact.h"

struct _GmaContact
{
  char *values[GMA_CONTACT_N_FIELDS];   /* trimmed; NULL when not set */
};

static const struct {
  const char *key;
  guint max_length;      /* in characters */
} fields[GMA_CONTACT_N_FIELDS] = {
  [GMA_CONTACT_NAME] = { "counter-name", 100 },
  [GMA_CONTACT_PHONE] = { "counter-phone", 30 },
  [GMA_CONTACT_HOURS] = { "counter-hours", 200 },
  [GMA_CONTACT_URL] = { "counter-url", 2048 },
};

G_DEFINE_QUARK (gma-contact-error-quark, gma_contact_error)

const char *
gma_contact_field_get_key (GmaContactField field)
{
  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, NULL);
  return fields[field].key;
}

guint
gma_contact_field_get_max_length (GmaContactField field)
{
  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, 0);
  return fields[field].max_length;
}

/* What a telephone number is written with, as people type it in Japan:
 * ASCII or full-width digits, spaces, hyphens (and what an input method
 * types for one), parentheses and a plus. */
static gboolean
is_phone_char (gunichar c,
               gboolean *digit)
{
  if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
    {
      *digit = TRUE;
      return TRUE;
    }

  switch (c)
    {
    case ' ': case 0x3000:                       /* spaces */
    case '-': case 0xFF0D: case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2014: case 0x2015: case 0x2212: case 0x30FC:  /* hyphens, dashes, ー */
    case '(': case ')': case 0xFF08: case 0xFF09:        /* parentheses */
    case '+': case 0xFF0B:
      return TRUE;
    default:
      return FALSE;
    }
}

gunichar
gma_contact_find_invisible (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+180E (Mongolian vowel separator) has been Cf since Unicode 6.3;
       * named as well for a GLib whose tables say otherwise. */
      if (g_unichar_type (c) == G_UNICODE_FORMAT || c == 0x180E)
        return c;
    }

  return 0;
}

/* The authority of @value, a URL with "scheme://": what lies between
 * "//" and the path, query or fragment; "" when there is no "//". */
static char *
url_authority (const char *value)
{
  const char *start = strstr (value, "//");

  if (start == NULL)
    return g_strdup ("");
  start += 2;
  return g_strndup (start, strcspn (start, "/?#"));
}

/* The host and port of @value as written, after any user name:
 * "[::1]:99999" of http://[::1]:99999/. */
static char *
url_host_and_port (const char *value)
{
  g_autofree char *authority = url_authority (value);
  const char *at = strrchr (authority, '@');

  return g_strdup (at != NULL ? at + 1 : authority);
}

/* Where the host of @host_and_port ends: after the "]" of an IPv6
 * address, else at the ":" before the port. */
static const char *
host_end (const char *host_and_port)
{
  if (host_and_port[0] == '[')
    {
      const char *close = strchr (host_and_port, ']');

      return close != NULL ? close + 1 : host_and_port + strlen (host_and_port);
    }
  return host_and_port + strcspn (host_and_port, ":");
}

/* The port as written in @value ("99999"), or NULL when there is none. */
static char *
url_port_text (const char *value)
{
  g_autofree char *host_and_port = url_host_and_port (value);
  const char *end = host_end (host_and_port);

  return end[0] == ':' ? g_strdup (end + 1) : NULL;
}

/* The host as written in @value, for a message. */
static char *
url_host_text (const char *value)
{
  g_autofree char *host_and_port = url_host_and_port (value);

  return g_strndup (host_and_port, host_end (host_and_port) - host_and_port);
}

/* A name the DNS can hold (letters, digits and hyphens, in labels of 1
 * to 63 that neither begin nor end with a hyphen; a final dot is
 * allowed), or an IP address. An international name comes here in its
 * ASCII form (GUri turns 例え.jp into xn--r8jz45g.jp). */
static gboolean
is_host_name (const char *host)
{
  g_auto(GStrv) labels = NULL;
  guint n;

  if (g_hostname_is_ip_address (host))
    return TRUE;
  if (strlen (host) > 253)
    return FALSE;

  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  /* "www.example.jp." ends with an empty label, the root's. */
  if (n > 1 && labels[n - 1][0] == '\0')
    n--;

  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > 63 || labels[i][0] == '-' || labels[i][length - 1] == '-')
        return FALSE;
      for (const char *p = labels[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-')
          return FALSE;
    }

  return n > 0;
}

static gboolean
url_host_error (const char  *value,
                GError     **error)
{
  g_autofree char *host = url_host_text (value);

  if (host[0] == '\0')
    g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL_HOST,
                 "there is no site after https://: a web address names one, "
                 "like https://www.pref.example.jp/");
  else
    g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL_HOST,
                 "“%s” is not a host name or IP address: write the site like "
                 "https://www.pref.example.jp/", host);
  return FALSE;
}

static gboolean
url_port_error (const char  *value,
                GError     **error)
{
  g_autofree char *port = url_port_text (value);

  g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL_PORT,
               "the port “%s” is not a number from 1 to 65535 (or leave it out)",
               port != NULL ? port : "");
  return FALSE;
}

static gboolean
url_user_error (GError **error)
{
  g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL_USER,
               "a web address for the counter holds no user name or password "
               "(nothing before “@”)");
  return FALSE;
}

/* Why GUri refused @value, as the field says it. */
static gboolean
url_parse_error (const char    *value,
                 const GError  *parse_error,
                 GError       **error)
{
  switch (parse_error->code)
    {
    case G_URI_ERROR_BAD_PORT:
      return url_port_error (value, error);
    case G_URI_ERROR_BAD_HOST:
      return url_host_error (value, error);
    case G_URI_ERROR_BAD_USER:
    case G_URI_ERROR_BAD_PASSWORD:
    case G_URI_ERROR_BAD_AUTH_PARAMS:
      return url_user_error (error);
    case G_URI_ERROR_BAD_PATH:
    case G_URI_ERROR_BAD_QUERY:
    case G_URI_ERROR_BAD_FRAGMENT:
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL_ENCODING,
                   "a “%%” in a web address starts an escape of two hexadecimal digits, "
                   "like %%E3");
      return FALSE;
    case G_URI_ERROR_FAILED:
    case G_URI_ERROR_BAD_SCHEME:
    default:
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL,
                   "a web address starts with https:// or http://");
      return FALSE;
    }
}

static gboolean
validate_url (const char  *value,
              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *scheme = NULL;
  const char *host;

  /* Characters a URL never holds as they are (RFC 3986); a browser
   * would have written them %-encoded. */
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || strchr ("<>\"{}|\\^`", *p) != NULL)
      {
        g_autofree char *which = *p == ' ' ? g_strdup ("a space")
                                 : g_ascii_isspace (*p) ? g_strdup_printf ("U+%04X", *p)
                                 : g_strdup_printf ("“%c”", *p);

        g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL_CHARACTER,
                     "a web address holds no spaces and none of < > \" { } | \\ ^ ` "
                     "(this one holds %s)", which);
        return FALSE;
      }

  /* The scheme first: "javascript:" is not a web page whatever follows. */
  scheme = g_uri_parse_scheme (value);
  if (scheme == NULL)
    {
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL,
                   "a web address starts with https:// or http://");
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL,
                   "“%s:” is not the address of a web page: a web address starts with "
                   "https:// or http://", scheme);
      return FALSE;
    }

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, &parse_error);
  if (uri == NULL)
    return url_parse_error (value, parse_error, error);

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    return url_host_error (value, error);
  if (g_uri_get_userinfo (uri) != NULL)
    return url_user_error (error);
  if (!is_host_name (host))
    return url_host_error (value, error);
  if (g_uri_get_port (uri) == 0)
    return url_port_error (value, error);

  return TRUE;
}

gboolean
gma_contact_validate (GmaContactField   field,
                      const char       *value,
                      GError          **error)
{
  g_autofree char *trimmed = NULL;
  glong length;

  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_CONTROL,
                   "the text is not valid UTF-8");
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (value));
  if (trimmed[0] == '\0')
    return TRUE;

  length = g_utf8_strlen (trimmed, -1);
  if (length > (glong) fields[field].max_length)
    {
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_TOO_LONG,
                   "%ld characters, more than the %u allowed",
                   length, fields[field].max_length);
      return FALSE;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_CONTROL,
                       "the text holds a line break or another control character (U+%04X)", c);
          return FALSE;
        }
    }

  /* Shown, "平日 \u202E00:71〜00:9" reads 「平日 9:00〜17:00」. */
  {
    gunichar c = gma_contact_find_invisible (trimmed);

    if (c != 0)
      {
        g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_INVISIBLE,
                     "the text holds an invisible format character (U+%04X), which can make "
                     "it shown differently from what it says", c);
        return FALSE;
      }
  }

  switch (field)
    {
    case GMA_CONTACT_PHONE:
      {
        gboolean digit = FALSE;

        for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
          {
            gunichar c = g_utf8_get_char (p);

            if (!is_phone_char (c, &digit))
              {
                char utf8[7] = { 0 };

                g_unichar_to_utf8 (c, utf8);
                g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_PHONE,
                             "“%s” is not part of a telephone number: use digits, spaces, "
                             "hyphens, parentheses and +", utf8);
                return FALSE;
              }
          }
        if (!digit)
          {
            g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_PHONE,
                         "a telephone number has digits");
            return FALSE;
          }
      }
      break;

    case GMA_CONTACT_URL:
      return validate_url (trimmed, error);

    case GMA_CONTACT_NAME:
    case GMA_CONTACT_HOURS:
    case GMA_CONTACT_N_FIELDS:
    default:
      break;
    }

  return TRUE;
}

GmaContact *
gma_contact_new (void)
{
  return g_new0 (GmaContact, 1);
}

GmaContact *
gma_contact_new_from_settings_changed (GSettings  *settings,
                                       const char *changed_key)
{
  g_autoptr(GmaContact) self = gma_contact_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    {
      g_autofree char *value = g_settings_get_string (settings, fields[i].key);
      g_autoptr(GError) error = NULL;

      if (!gma_contact_set (self, i, value, &error) &&
          (changed_key == NULL || g_str_equal (changed_key, fields[i].key)))
        g_warning ("The setting %s is not used: %s", fields[i].key, error->message);
    }

  return g_steal_pointer (&self);
}

GmaContact *
gma_contact_new_from_settings (GSettings *settings)
{
  return gma_contact_new_from_settings_changed (settings, NULL);
}

GmaContact *
gma_contact_copy (const GmaContact *self)
{
  GmaContact *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = gma_contact_new ();
  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);

  return copy;
}

void
gma_contact_free (GmaContact *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    g_free (self->values[i]);
  g_free (self);
}

gboolean
gma_contact_set (GmaContact       *self,
                 GmaContactField   field,
                 const char       *value,
                 GError          **error)
{
  char *trimmed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, FALSE);

  if (!gma_contact_validate (field, value, error))
    return FALSE;

  trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  if (trimmed != NULL && trimmed[0] == '\0')
    g_clear_pointer (&trimmed, g_free);

  g_free (self->values[field]);
  self->values[field] = trimmed;

  return TRUE;
}

const char *
gma_contact_get (const GmaContact *self,
                 GmaContactField   field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < GMA_CONTACT_N_FIELDS, NULL);

  return self->values[field];
}

gboolean
gma_contact_is_empty (const GmaContact *self)
{
  if (self == NULL)
    return TRUE;

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    if (self->values[i] != NULL)
      return FALSE;

  return TRUE;
}

gboolean
gma_contact_equal (const GmaContact *a,
                   const GmaContact *b)
{
  if (gma_contact_is_empty (a) || gma_contact_is_empty (b))
    return gma_contact_is_empty (a) == gma_contact_is_empty (b);

  for (guint i = 0; i < GMA_CONTACT_N_FIELDS; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;

  return TRUE;
}
