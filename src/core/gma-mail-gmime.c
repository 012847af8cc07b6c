/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-gmime.c: the mail checker's backend (gma-mail-backend.h),
 * built as a shared module that the core loads the first time a mail is
 * checked: RFC 5322 messages read with GMime 3, host names' registrable
 * domains with libpsl.
 *
 * GMime reads the headers (the From: addresses; the subject is handed
 * over as written, for the core to decode), the MIME tree and the
 * transfer encodings; what a part's text says is the core's business
 * (its charset is converted there, with the pasted text's). Before undoing a
 * part's base64 or quoted-printable, the encoded text is checked: GMime
 * skips what it cannot read, and a damaged mail must say so instead. */
#define G_LOG_DOMAIN "gma-mail-gmime"
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <gmime/gmime.h>
#include <libpsl.h>

#include "gma-mail-backend.h"

#define MAIL_ERROR (g_quark_from_static_string (GMA_MAIL_ERROR_QUARK_NAME))
/* The codes of GmaMailError (gma-mail.h) this module uses. */
enum {
  ERROR_NOT_MAIL = 2,
  ERROR_TRUNCATED = 3,
  ERROR_TOO_DEEP = 5,
  ERROR_ENCODING = 6,
};

const GmaMailBackend *gma_mail_backend_get (void);

/* GMime 3.2 defines none */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

static gpointer
init_gmime (gpointer data)
{
  g_mime_init ();
  return NULL;
}

typedef struct {
  gboolean truncated;
  gboolean too_deep;
} Warnings;

static void
on_warning (gint64              offset,
            GMimeParserWarning  code,
            const char         *item,
            gpointer            user_data)
{
  Warnings *warnings = user_data;

  /* Never the item: it is a piece of the mail, which is not logged. */
  if (code == GMIME_WARN_TRUNCATED_MESSAGE)
    warnings->truncated = TRUE;
  else if (code == GMIME_CRIT_NESTING_OVERFLOW)
    warnings->too_deep = TRUE;
}

/* The Subject: header as written, unfolded; "" when there is none. */
static char *
raw_subject (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  GMimeHeader *header = g_mime_header_list_get_header (headers, "Subject");
  const char *raw = header != NULL ? g_mime_header_get_raw_value (header) : NULL;
  GString *out = g_string_new (NULL);

  for (const char *p = raw; p != NULL && *p != '\0'; p++)
    if (*p != '\r' && *p != '\n')
      g_string_append_c (out, *p);
  return g_strstrip (g_string_free (out, FALSE));
}

static void
add_addresses (InternetAddressList *list,
               const GmaMailSink   *sink,
               gpointer             message)
{
  for (int i = 0; list != NULL && i < internet_address_list_length (list); i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        sink->add_from (message, internet_address_get_name (address),
                        internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)));
      else if (INTERNET_ADDRESS_IS_GROUP (address))
        add_addresses (internet_address_group_get_members (INTERNET_ADDRESS_GROUP (address)),
                       sink, message);
    }
}

/* Line @line of the encoded text, for the messages. */
static guint
line_at (const guint8 *data,
         gsize         offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Base64: the alphabet, '=' and white space, nothing else. */
static gboolean
check_base64 (const guint8  *data,
              gsize          len,
              GError       **error)
{
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];

      if (g_ascii_isalnum (c) || c == '+' || c == '/' || c == '=' || c == ' ' || c == '\t' ||
          c == '\r' || c == '\n')
        continue;

      g_set_error (error, MAIL_ERROR, ERROR_ENCODING,
                   _("The mail is damaged: a part in base64 has a character base64 does not "
                     "use (byte 0x%02X on line %u of the part)."),
                   c, line_at (data, i));
      return FALSE;
    }

  return TRUE;
}

/* Quoted-printable: '=' starts two hexadecimal digits or a soft line
 * break ("=" at the end of a line, maybe after spaces). */
static gboolean
check_quoted_printable (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  for (gsize i = 0; i < len; i++)
    {
      gsize j;

      if (data[i] != '=')
        continue;
      if (i + 2 < len && g_ascii_isxdigit (data[i + 1]) && g_ascii_isxdigit (data[i + 2]))
        {
          i += 2;
          continue;
        }
      for (j = i + 1; j < len && (data[j] == ' ' || data[j] == '\t'); j++)
        ;
      if (j == len || data[j] == '\n' || (data[j] == '\r' && (j + 1 == len || data[j + 1] == '\n')))
        continue;

      g_set_error (error, MAIL_ERROR, ERROR_ENCODING,
                   _("The mail is damaged: a part in quoted-printable has an “=” that starts no "
                     "character (line %u of the part)."),
                   line_at (data, i));
      return FALSE;
    }

  return TRUE;
}

/* The content of @part, its transfer encoding undone. */
static GByteArray *
decode_part (GMimePart  *part,
             GError    **error)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autoptr(GMimeStream) memory = NULL;
  GByteArray *decoded;
  GMimeContentEncoding encoding;
  GMimeStream *stream;
  GMimeEncoding state;
  gsize n;

  if (content == NULL)
    return g_byte_array_new ();

  stream = g_mime_data_wrapper_get_stream (content);
  encoding = g_mime_data_wrapper_get_encoding (content);
  memory = g_mime_stream_mem_new_with_byte_array (raw);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (memory), FALSE);
  if (stream != NULL)
    {
      g_mime_stream_reset (stream);
      if (g_mime_stream_write_to_stream (stream, memory) < 0)
        {
          g_set_error_literal (error, MAIL_ERROR, ERROR_NOT_MAIL,
                               _("A part of the mail cannot be read."));
          return NULL;
        }
    }

  switch (encoding)
    {
    case GMIME_CONTENT_ENCODING_BASE64:
      if (!check_base64 (raw->data, raw->len, error))
        return NULL;
      break;
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
      if (!check_quoted_printable (raw->data, raw->len, error))
        return NULL;
      break;
    case GMIME_CONTENT_ENCODING_UUENCODE:
      break;
    case GMIME_CONTENT_ENCODING_DEFAULT:
    case GMIME_CONTENT_ENCODING_7BIT:
    case GMIME_CONTENT_ENCODING_8BIT:
    case GMIME_CONTENT_ENCODING_BINARY:
    default:
      return g_steal_pointer (&raw);
    }

  g_mime_encoding_init_decode (&state, encoding);
  decoded = g_byte_array_sized_new (g_mime_encoding_outlen (&state, raw->len) + 16);
  n = g_mime_encoding_step (&state, (const char *) raw->data, raw->len, (char *) decoded->data);
  n += g_mime_encoding_flush (&state, NULL, 0, (char *) decoded->data + n);
  g_byte_array_set_size (decoded, n);

  return decoded;
}

static gboolean fill_message (GMimeMessage *mime, const GmaMailSink *sink, gpointer message,
                              guint depth, GError **error);

static gboolean
too_deep (GError **error)
{
  g_set_error (error, MAIL_ERROR, ERROR_TOO_DEEP,
               _("The mail’s parts are nested more than %u deep; a real mail nests a few. "
                 "It is not read."),
               GMA_MAIL_MAX_DEPTH);
  return FALSE;
}

static gboolean
walk (GMimeObject        *object,
      const GmaMailSink  *sink,
      gpointer            message,
      guint               depth,
      GError            **error)
{
  if (depth > GMA_MAIL_MAX_DEPTH)
    return too_deep (error);

  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);

      for (int i = 0; i < g_mime_multipart_get_count (multipart); i++)
        if (!walk (g_mime_multipart_get_part (multipart, i), sink, message, depth + 1, error))
          return FALSE;
      return TRUE;
    }

  if (GMIME_IS_MESSAGE_PART (object))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));

      if (inner == NULL)
        return TRUE;
      return fill_message (inner, sink, sink->add_attached (message), depth + 1, error);
    }

  if (GMIME_IS_PART (object))
    {
      GMimeContentType *type = g_mime_object_get_content_type (object);
      GMimeContentDisposition *disposition = g_mime_object_get_content_disposition (object);
      g_autoptr(GByteArray) data = NULL;
      const char *charset;

      if (type == NULL || !g_mime_content_type_is_type (type, "text", "*"))
        return TRUE;
      /* A text file attached to the mail is not its text. */
      if (disposition != NULL && g_mime_content_disposition_is_attachment (disposition))
        return TRUE;

      data = decode_part (GMIME_PART (object), error);
      if (data == NULL)
        return FALSE;
      charset = g_mime_content_type_get_parameter (type, "charset");
      return sink->add_part (message,
                             g_mime_content_type_is_type (type, "text", "html") ? GMA_MAIL_PART_HTML
                                                                              : GMA_MAIL_PART_TEXT,
                             charset, (const char *) data->data, data->len, error);
    }

  return TRUE;
}

static gboolean
fill_message (GMimeMessage       *mime,
              const GmaMailSink  *sink,
              gpointer            message,
              guint               depth,
              GError            **error)
{
  g_autofree char *subject = NULL;
  GMimeObject *body;

  if (depth > GMA_MAIL_MAX_DEPTH)
    return too_deep (error);

  subject = raw_subject (mime);
  if (subject[0] != '\0' && !sink->set_subject (message, subject, error))
    return FALSE;
  add_addresses (g_mime_message_get_from (mime), sink, message);

  body = g_mime_message_get_mime_part (mime);
  if (body == NULL)
    return TRUE;

  return walk (body, sink, message, depth, error);
}

static gboolean
parse (const char         *data,
       gsize               len,
       const GmaMailSink  *sink,
       gpointer            message,
       GError            **error)
{
  static GOnce once = G_ONCE_INIT;
  /* for raw 8-bit display names */
  const char *fallback[] = { "utf-8", "cp932", "euc-jp", NULL };
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) mime = NULL;
  GMimeParserOptions *options;
  Warnings warnings = { FALSE, FALSE };

  g_once (&once, init_gmime, NULL);

  stream = g_mime_stream_mem_new_with_buffer (data, len);
  parser = g_mime_parser_new_with_stream (stream);
  options = g_mime_parser_options_new ();
  g_mime_parser_options_set_fallback_charsets (options, fallback);
  g_mime_parser_options_set_warning_callback (options, on_warning, &warnings);
  mime = g_mime_parser_construct_message (parser, options);
  g_mime_parser_options_free (options);

  if (warnings.too_deep)
    return too_deep (error);
  if (mime == NULL)
    {
      g_set_error_literal (error, MAIL_ERROR, ERROR_NOT_MAIL,
                           _("This is not a mail: it does not start with a mail’s header."));
      return FALSE;
    }
  if (warnings.truncated)
    {
      g_set_error_literal (error, MAIL_ERROR, ERROR_TRUNCATED,
                           _("The mail is cut off: it ends before its last part does. Save the "
                             "whole mail again."));
      return FALSE;
    }

  return fill_message (mime, sink, message, 0, error);
}

/* The list compiled into libpsl, or else the system's (which then lives
 * as long as the process). */
static gpointer
load_psl (gpointer data)
{
  const psl_ctx_t *psl = psl_builtin ();

  return (gpointer) (psl != NULL ? psl : psl_latest (NULL));
}

static char *
registrable_domain (const char *host)
{
  static GOnce once = G_ONCE_INIT;
  const psl_ctx_t *psl = g_once (&once, load_psl, NULL);
  const char *domain;

  if (psl == NULL || host == NULL)
    return NULL;

  domain = psl_registrable_domain (psl, host);
  return g_strdup (domain);
}

static const GmaMailBackend backend = {
  .abi = GMA_MAIL_BACKEND_ABI,
  .parse = parse,
  .registrable_domain = registrable_domain,
};

G_MODULE_EXPORT const GmaMailBackend *
gma_mail_backend_get (void)
{
  return &backend;
}
