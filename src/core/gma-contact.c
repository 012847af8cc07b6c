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

static gboolean
validate_url (const char  *value,
              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  /* Characters a URL never holds as they are (RFC 3986); a browser
   * would have written them %-encoded. */
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || strchr ("<>\"{}|\\^`", *p) != NULL)
      {
        g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL,
                     "a web address holds no spaces and none of < > \" { } | \\ ^ `");
        return FALSE;
      }

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL,
                   "a web address starts with https:// or http://");
      return FALSE;
    }
  if (host == NULL || host[0] == '\0' || g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, GMA_CONTACT_ERROR, GMA_CONTACT_ERROR_URL,
                   "a web address names a site after https://, like https://www.pref.example.jp/");
      return FALSE;
    }

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
