/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-contact.h: the prefecture's counter (「都道府県の窓口」) as a
 * deployment configured it: the GSettings keys counter-name,
 * counter-phone, counter-hours and counter-url. The guide sends people
 * there again and again; where it does, a page shows this contact as a
 * card (gma-render.h), and a kiosk's slip prints it.
 *
 * Every value is checked here, for the Preferences window (which refuses
 * a bad value as it is typed) and for values an administrator wrote with
 * dconf or gsettings (a bad one is left out, with a warning naming the
 * key). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the guide sends the reader to the prefecture's counter, a page
 * body holds this empty marker after the sentence; the content checker
 * allows the class "gma-contact" only on exactly this element, and the
 * renderer puts the card in its place (gma_render_fill_contact()). */
#define GMA_CONTACT_MARKER "<div class=\"gma-contact\"></div>"
#define GMA_CONTACT_MARKER_CLASS "gma-contact"

typedef enum {
  GMA_CONTACT_NAME,
  GMA_CONTACT_PHONE,
  GMA_CONTACT_HOURS,
  GMA_CONTACT_URL,
  GMA_CONTACT_N_FIELDS
} GmaContactField;

#define GMA_CONTACT_ERROR (gma_contact_error_quark ())
typedef enum {
  GMA_CONTACT_ERROR_TOO_LONG,      /* more characters than the field allows */
  GMA_CONTACT_ERROR_CONTROL,       /* a line break, tab or other control character */
  GMA_CONTACT_ERROR_PHONE,         /* a character a telephone number does not hold, or no digit */
  GMA_CONTACT_ERROR_URL,           /* not an https:// or http:// address */
  GMA_CONTACT_ERROR_INVISIBLE,     /* an invisible format character (see gma_contact_find_invisible()) */
  GMA_CONTACT_ERROR_URL_CHARACTER, /* a character a web address never holds as it is (a space, <, …) */
  GMA_CONTACT_ERROR_URL_HOST,      /* no host after https://, or one that is not a host name or IP address */
  GMA_CONTACT_ERROR_URL_PORT,      /* a port that is not a number from 1 to 65535 */
  GMA_CONTACT_ERROR_URL_USER,      /* a user name or password before the host */
  GMA_CONTACT_ERROR_URL_ENCODING,  /* a % that does not start a %XX escape */
} GmaContactError;

GQuark      gma_contact_error_quark      (void);

/* The GSettings key of @field ("counter-name" …). */
const char *gma_contact_field_get_key    (GmaContactField field);
/* The most characters @field may hold. */
guint       gma_contact_field_get_max_length (GmaContactField field);
/* Whether @value may be stored in @field. "" (not set) always may.
 * Leading and trailing white space is ignored (the card trims it). The
 * error's message is English and names neither key nor window; callers
 * say where the value came from. */
gboolean    gma_contact_validate         (GmaContactField  field,
                                          const char      *value,
                                          GError         **error);

/* The first invisible format character of @text (Unicode's general
 * category Cf: the bidirectional embeddings, overrides, isolates and
 * marks, zero-width spaces and joiners, the byte order mark, the soft
 * hyphen, tags …), which could make a value shown differently from what
 * it says; 0 when there is none. Every field refuses them
 * (GMA_CONTACT_ERROR_INVISIBLE, the message naming the code point). */
gunichar    gma_contact_find_invisible   (const char      *text);

typedef struct _GmaContact GmaContact;

/* An empty contact (nothing set). */
GmaContact *gma_contact_new              (void);
/* The contact in @settings (a GSettings of the application's schema).
 * A value that does not validate is left out, with a warning that names
 * its key and says why. */
GmaContact *gma_contact_new_from_settings (GSettings      *settings);
/* The same after @changed_key changed: only that key's value is warned
 * about, so that a bad value is not reported again each time another
 * key changes. */
GmaContact *gma_contact_new_from_settings_changed (GSettings  *settings,
                                                   const char *changed_key);
GmaContact *gma_contact_copy             (const GmaContact *self);
void        gma_contact_free             (GmaContact      *self);
/* Sets @field to @value (trimmed; NULL or "" unsets it). FALSE, and
 * nothing changed, when @value does not validate. */
gboolean    gma_contact_set              (GmaContact      *self,
                                          GmaContactField  field,
                                          const char      *value,
                                          GError         **error);
/* The value of @field, or NULL when it is not set. */
const char *gma_contact_get              (const GmaContact *self,
                                          GmaContactField  field);
/* TRUE when no field is set (NULL is empty too). */
gboolean    gma_contact_is_empty         (const GmaContact *self);
gboolean    gma_contact_equal            (const GmaContact *a,
                                          const GmaContact *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaContact, gma_contact_free)

G_END_DECLS
