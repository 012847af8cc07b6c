/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail.c: reading a mail: limits, saved message or pasted text,
 * character sets, and the GMime backend loaded on first use */

#define G_LOG_DOMAIN "gma-mail"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "gma-mail-private.h"

GQuark
gma_mail_error_quark (void)
{
  return g_quark_from_static_string (GMA_MAIL_ERROR_QUARK_NAME);
}

/* ------------------------------------------------------------------ */
/* The message                                                        */
/* ------------------------------------------------------------------ */

static void
address_free (gpointer data)
{
  GmaMailAddress *address = data;

  g_free (address->name);
  g_free (address->address);
  g_free (address);
}

static void
text_free (gpointer data)
{
  GmaMailText *text = data;

  g_free (text->text);
  g_free (text);
}

GmaMailMessage *
gma_mail_message_new (void)
{
  GmaMailMessage *message = g_new0 (GmaMailMessage, 1);

  message->from = g_ptr_array_new_with_free_func (address_free);
  message->parts = g_ptr_array_new_with_free_func (text_free);
  message->attached = g_ptr_array_new_with_free_func ((GDestroyNotify) gma_mail_message_free);
  return message;
}

void
gma_mail_message_free (GmaMailMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->subject);
  g_ptr_array_unref (message->from);
  g_ptr_array_unref (message->parts);
  g_ptr_array_unref (message->attached);
  g_free (message);
}

/* A string of the backend's, made valid UTF-8 without control
 * characters (a header may hold anything). */
static char *
clean_string (const char *text)
{
  char *clean = g_utf8_make_valid (text, -1);

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return g_strstrip (clean);
}

void
gma_mail_message_add_from (GmaMailMessage *message,
                           const char     *name,
                           const char     *address)
{
  GmaMailAddress *entry;

  if (address == NULL || address[0] == '\0')
    return;

  entry = g_new0 (GmaMailAddress, 1);
  entry->name = name != NULL && name[0] != '\0' ? clean_string (name) : NULL;
  entry->address = clean_string (address);
  g_ptr_array_add (message->from, entry);
}

void
gma_mail_message_add_text (GmaMailMessage *message,
                           GmaMailPartKind kind,
                           char           *text)
{
  GmaMailText *part = g_new0 (GmaMailText, 1);

  part->kind = kind;
  part->text = text;
  g_ptr_array_add (message->parts, part);
}

static gboolean
sink_set_subject (gpointer    message,
                  const char *raw,
                  GError    **error)
{
  GmaMailMessage *self = message;
  g_autofree char *subject = gma_mail_decode_header (raw, error);

  if (subject == NULL)
    return FALSE;
  g_free (self->subject);
  self->subject = clean_string (subject);
  if (self->subject[0] == '\0')
    g_clear_pointer (&self->subject, g_free);
  return TRUE;
}

static void
sink_add_from (gpointer    message,
               const char *name,
               const char *address)
{
  gma_mail_message_add_from (message, name, address);
}

static gboolean
sink_add_part (gpointer          message,
               GmaMailPartKind   kind,
               const char       *charset,
               const char       *data,
               gsize             len,
               GError          **error)
{
  char *text = gma_mail_convert_text (data, len, charset, error);

  if (text == NULL)
    return FALSE;
  gma_mail_message_add_text (message, kind, text);
  return TRUE;
}

static gpointer
sink_add_attached (gpointer message)
{
  GmaMailMessage *self = message;
  GmaMailMessage *attached = gma_mail_message_new ();

  g_ptr_array_add (self->attached, attached);
  return attached;
}

static const GmaMailSink sink = {
  .set_subject = sink_set_subject,
  .add_from = sink_add_from,
  .add_part = sink_add_part,
  .add_attached = sink_add_attached,
};

/* ------------------------------------------------------------------ */
/* The backend                                                        */
/* ------------------------------------------------------------------ */

static GMutex backend_lock;
static const GmaMailBackend *backend;

void
gma_mail_set_backend (const GmaMailBackend *new_backend)
{
  g_return_if_fail (new_backend == NULL || new_backend->abi == GMA_MAIL_BACKEND_ABI);

  g_mutex_lock (&backend_lock);
  backend = new_backend;
  g_mutex_unlock (&backend_lock);
}

const GmaMailBackend *
gma_mail_get_backend (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&backend_lock);
  g_autofree char *default_path = NULL;
  GmaMailBackendGetFunc get = NULL;
  const char *path;
  GModule *module;

  if (backend != NULL)
    return backend;

  path = g_getenv ("GMA_MAIL_MODULE");
  if (path == NULL || path[0] == '\0')
    path = default_path = g_build_filename (PKGLIBDIR, "gma-mail." G_MODULE_SUFFIX, NULL);

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NO_CHECKER,
                   _("The mail checker is not installed: %s"), g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, GMA_MAIL_BACKEND_SYMBOL, (gpointer *) &get) || get == NULL ||
      get () == NULL || get ()->abi != GMA_MAIL_BACKEND_ABI)
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NO_CHECKER,
                   _("%s is not the mail checker of this version of the program."), path);
      g_module_close (module);
      return NULL;
    }

  /* GMime registers GTypes: it is never unloaded. */
  g_module_make_resident (module);
  backend = get ();

  return backend;
}

/* ------------------------------------------------------------------ */
/* Reading a file                                                     */
/* ------------------------------------------------------------------ */

static GBytes *
too_large (GError **error)
{
  g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_TOO_LARGE,
               _("The file is larger than 10 MB; a mail to check is much smaller. "
                 "Save the mail alone, without its attachments."));
  return NULL;
}

/* Appends @n bytes to @data; FALSE (with @error) past the limit. */
static gboolean
append_limited (GByteArray  *data,
                const guint8 *buffer,
                gsize         n,
                GError      **error)
{
  if (data->len + n > GMA_MAIL_MAX_SIZE)
    {
      too_large (error);
      return FALSE;
    }
  g_byte_array_append (data, buffer, n);
  return TRUE;
}

/* Standard input, read to its end but never past the limit. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  gsize n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    if (!append_limited (data, buffer, n, error))
      return NULL;

  if (ferror (stdin))
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_READ,
                   _("The standard input cannot be read: %s"), g_strerror (errno));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
gma_mail_read_file (const char  *path,
                    GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *shown = NULL;
  guint8 buffer[64 * 1024];

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    return read_stdin (error);

  shown = g_filename_display_name (path);
  file = g_file_new_for_commandline_arg (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_READ,
                   _("“%s” is a folder, not a mail."), shown);
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > GMA_MAIL_MAX_SIZE)
    {
      too_large (error);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_READ,
                   _("“%s” cannot be read: %s"), shown, local_error->message);
      return NULL;
    }

  /* To the end, but never past the limit: the file may have grown. */
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                                      &local_error);

      if (n < 0)
        {
          g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_READ,
                       _("“%s” cannot be read: %s"), shown, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (!append_limited (data, buffer, n, error))
        return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* ------------------------------------------------------------------ */
/* Saved message or pasted text                                       */
/* ------------------------------------------------------------------ */

/* Where the message's header ends (the empty line after it), or NULL. */
static const char *
header_end (const char *data,
            gsize       len)
{
  for (gsize i = 0; i + 1 < len; i++)
    {
      if (data[i] != '\n')
        continue;
      if (data[i + 1] == '\n')
        return data + i + 1;
      if (data[i + 1] == '\r' && i + 2 < len && data[i + 2] == '\n')
        return data + i + 1;
    }
  return NULL;
}

/* Whether the line at @p (up to @end) is a header field: a name of
 * printable ASCII without ':' and a ':'. */
static gboolean
is_field (const char *p,
          const char *end,
          const char **name_end)
{
  const char *q = p;

  while (q < end && (guchar) *q > 32 && (guchar) *q < 127 && *q != ':')
    q++;
  if (q == p || q >= end || *q != ':')
    return FALSE;
  if (name_end != NULL)
    *name_end = q;
  return TRUE;
}

/* A saved message starts with a header: every line up to the first
 * empty one is a field (a name of printable ASCII and ':') or the folded
 * continuation of one, and one of them is a field every mail has; or it
 * starts with an mbox "From " line. Pasted text starts otherwise
 * (「件名：」 is no field name: it is not ASCII), or has a line of text
 * among its "Subject:" and "From:" lines. A last line without its line
 * break may be cut anywhere and is not looked at. */
static gboolean
looks_like_message (const char *data,
                    gsize       len)
{
  static const char * const mail_fields[] = {
    "from", "subject", "date", "mime-version", "received", "message-id", "return-path",
    "content-type", "to", "delivered-to",
  };
  const char *end = data + len;
  const char *p = data;
  gboolean first = TRUE;
  gboolean mail_field = FALSE;

  if (len >= 5 && strncmp (data, "From ", 5) == 0)
    return TRUE;

  while (p < end && *p != '\n' && *p != '\r')
    {
      const char *line_end = memchr (p, '\n', end - p);
      const char *name_end;

      if (line_end == NULL)
        break;

      if (*p == ' ' || *p == '\t')
        {
          /* a folded line continues the field before it */
          if (first)
            return FALSE;
        }
      else if (!is_field (p, line_end, &name_end))
        return FALSE;
      else
        for (guint i = 0; i < G_N_ELEMENTS (mail_fields); i++)
          if ((gsize) (name_end - p) == strlen (mail_fields[i]) &&
              g_ascii_strncasecmp (p, mail_fields[i], name_end - p) == 0)
            mail_field = TRUE;

      first = FALSE;
      p = line_end + 1;
    }

  return mail_field;
}

/* Counts the multipart and message/rfc822 parts a message declares,
 * without parsing it: each "Content-Type:" field (at the start of a line)
 * whose value (with its folded lines) names one. GMime parses nesting
 * recursively, each level taking longer; a message of 100,000 nested
 * multiparts is refused here, before it is handed over. */
static guint
count_multiparts (const char *data,
                  gsize       len)
{
  const char *end = data + len;
  const char *p = data;
  guint n = 0;

  while (p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      gsize field_len = strlen ("content-type:");

      if (line_end == NULL)
        line_end = end;

      if ((gsize) (end - p) > field_len && g_ascii_strncasecmp (p, "content-type:", field_len) == 0)
        {
          /* the value: this line and its folded continuations, at most 1 KiB */
          const char *value_end = line_end;
          g_autofree char *value = NULL;

          while (value_end + 1 < end && (value_end[1] == ' ' || value_end[1] == '\t') &&
                 value_end - p < 1024)
            {
              const char *next = memchr (value_end + 1, '\n', end - value_end - 1);

              value_end = next != NULL ? next : end;
            }
          value = g_ascii_strdown (p + field_len, MIN (value_end - p - field_len, 1024));
          if (strstr (value, "multipart/") != NULL || strstr (value, "message/") != NULL)
            n++;
          line_end = value_end;
        }

      p = line_end + 1;
    }

  return n;
}

/* Whether any part of @message, or of a message attached to it, has text. */
static gboolean
has_text (GmaMailMessage *message)
{
  for (guint i = 0; i < message->parts->len; i++)
    {
      GmaMailText *part = g_ptr_array_index (message->parts, i);
      const char *p = part->text;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return TRUE;
    }
  for (guint i = 0; i < message->attached->len; i++)
    if (has_text (g_ptr_array_index (message->attached, i)))
      return TRUE;
  return FALSE;
}

static GmaMailMessage *
parse_message (const char  *data,
               gsize        len,
               GError     **error)
{
  const GmaMailBackend *mail_backend;
  g_autoptr(GmaMailMessage) message = NULL;
  const char *body = header_end (data, len);

  if (body == NULL)
    {
      g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_TRUNCATED,
                           _("The mail is cut off: it ends in its header, before its text. "
                             "Save the whole mail again."));
      return NULL;
    }
  if ((gsize) (body - data) > GMA_MAIL_MAX_HEADER)
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_HEADER_TOO_LONG,
                   _("The mail’s header is %u KB long; a mail’s header is a few KB, and this "
                     "checker reads at most %u KB of it."),
                   (guint) ((body - data) / 1024), GMA_MAIL_MAX_HEADER / 1024);
      return NULL;
    }
  if (count_multiparts (data, len) > GMA_MAIL_MAX_MULTIPARTS)
    {
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_TOO_DEEP,
                   _("The mail is made of more than %u multiparts (parts holding parts); a real "
                     "mail has a few. It is not read."),
                   GMA_MAIL_MAX_MULTIPARTS);
      return NULL;
    }

  mail_backend = gma_mail_get_backend (error);
  if (mail_backend == NULL)
    return NULL;

  message = gma_mail_message_new ();
  if (!mail_backend->parse (data, len, &sink, message, error))
    return NULL;

  if (!has_text (message))
    {
      g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NO_TEXT,
                           _("The mail has no text: its body is empty, or holds attachments "
                             "only."));
      return NULL;
    }

  return g_steal_pointer (&message);
}

/* Binary data: NUL bytes, or many control characters. */
static gboolean
looks_binary (const char *data,
              gsize       len)
{
  gsize controls = 0;

  if (memchr (data, '\0', len) != NULL)
    return TRUE;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\033')
        controls++;
    }
  return controls > 8 && controls * 100 > len;
}

GmaMailMessage *
gma_mail_message_parse (GBytes  *mail,
                        GError **error)
{
  gsize len = 0;
  const char *data;
  g_autofree char *text = NULL;
  GmaMailMessage *message;

  g_return_val_if_fail (mail != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (mail, &len);
  if (len > GMA_MAIL_MAX_SIZE)
    {
      too_large (error);
      return NULL;
    }

  /* A byte order mark, as some editors save text */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  {
    gsize i = 0;

    while (i < len && g_ascii_isspace (data[i]))
      i++;
    if (i == len)
      {
        g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NOT_MAIL,
                             _("There is nothing to check: the mail is empty."));
        return NULL;
      }
  }

  if (looks_like_message (data, len))
    return parse_message (data, len, error);

  if (looks_binary (data, len))
    {
      g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NOT_MAIL,
                           _("This is not a mail: it holds binary data, not text. Save the mail "
                             "from the mail program (.eml), or copy its text."));
      return NULL;
    }

  text = gma_mail_guess_japanese (data, len);
  if (text == NULL)
    {
      g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NOT_MAIL,
                           _("This is not a mail: it is neither a saved mail nor text in UTF-8 "
                             "or a Japanese encoding."));
      return NULL;
    }

  message = gma_mail_parse_pasted (text);
  if (!has_text (message) && message->subject == NULL)
    {
      gma_mail_message_free (message);
      g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_NO_TEXT,
                           _("The text has no mail in it: copy the mail’s subject and body."));
      return NULL;
    }
  return message;
}
