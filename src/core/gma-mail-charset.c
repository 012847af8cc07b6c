/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-charset.c: a mail's character sets: the Japanese encodings
 * read as the mail programs write them, text without a charset, and
 * RFC 2047 encoded words in headers */

#define G_LOG_DOMAIN "gma-mail"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gma-mail-private.h"

/* ------------------------------------------------------------------ */
/* Character sets                                                     */
/* ------------------------------------------------------------------ */

/* The names of Japanese character sets, read as the supersets Japanese
 * mail programs write: Shift_JIS as Microsoft's CP932 (with ①, ～ and
 * the NEC and IBM characters), EUC-JP as eucJP-ms. */
static const char *
iconv_name (const char *charset)
{
  static const struct {
    const char *name;
    const char *iconv;
  } aliases[] = {
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "windows-31j", "CP932" }, { "cp932", "CP932" },
    { "ms932", "CP932" }, { "ms_kanji", "CP932" }, { "csshiftjis", "CP932" },
    { "euc-jp", "EUC-JP-MS" }, { "x-euc-jp", "EUC-JP-MS" }, { "eucjp", "EUC-JP-MS" },
    { "cseucpkdfmtjapanese", "EUC-JP-MS" },
    { "iso-2022-jp", "ISO-2022-JP" }, { "csiso2022jp", "ISO-2022-JP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (charset, aliases[i].name) == 0)
      return aliases[i].iconv;
  return charset;
}

/* A charset's name as a message shows it: at most 64 bytes of it, UTF-8,
 * control characters as '?' (the name comes from the mail). */
static char *
shown_name (const char *charset)
{
  char *shown = g_utf8_make_valid (charset, MIN (strlen (charset), 64));

  for (char *p = shown; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = '?';
  return shown;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0;
}

static gboolean
is_ascii_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "us-ascii") == 0 || g_ascii_strcasecmp (charset, "ascii") == 0;
}

/* @text (valid UTF-8, @len bytes) with "\r\n" and "\r" as "\n" and NUL
 * characters left out. */
static char *
normalize_text (const char *text,
                gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && text[i + 1] == '\n')
            i++;
        }
      else if (text[i] != '\0')
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
convert (const char  *data,
         gsize        len,
         const char  *from,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  gsize written = 0;
  g_autofree char *converted = g_convert (data, len, "UTF-8", from, &bytes_read, &written,
                                          &local_error);

  if (converted == NULL && g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_CHARSET, "");
      return NULL;
    }
  if (converted == NULL)
    {
      /* bytes_read: where the first byte that does not convert is */
      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_ENCODING, "%" G_GSIZE_FORMAT, bytes_read);
      return NULL;
    }

  return normalize_text (converted, written);
}

/* Text without a charset (a part that names none, pasted text saved to a
 * file): UTF-8, else the Japanese encodings, the 7-bit one first. */
char *
gma_mail_guess_japanese (const char *data,
                gsize       len)
{
  const char *candidates[] = { "ISO-2022-JP", "CP932", "EUC-JP-MS" };

  if (g_utf8_validate_len (data, len, NULL))
    return normalize_text (data, len);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *text;

      /* ISO-2022-JP is 7-bit: its text has escapes, and no 8-bit bytes */
      if (i == 0 && memchr (data, '\033', len) == NULL)
        continue;
      text = convert (data, len, candidates[i], NULL);
      if (text != NULL)
        return text;
    }

  return NULL;
}

char *
gma_mail_convert_text (const char  *data,
                       gsize        len,
                       const char  *charset,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  const char *from;
  char *text;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  /* An empty part or encoded word (whose bytes may be NULL) */
  if (len == 0)
    return g_strdup ("");

  if (charset == NULL || charset[0] == '\0' || is_ascii_name (charset))
    {
      text = gma_mail_guess_japanese (data, len);
      if (text == NULL)
        g_set_error_literal (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_ENCODING,
                             _("The mail’s text names no character set and is neither UTF-8 "
                               "nor Japanese text (ISO-2022-JP, Shift_JIS, EUC-JP): it may be "
                               "damaged."));
      return text;
    }

  shown = shown_name (charset);
  if (is_utf8_name (charset))
    {
      const char *end;
      g_autofree char *offset = NULL;

      if (g_utf8_validate_len (data, len, &end))
        return normalize_text (data, len);
      offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data));

      g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_ENCODING,
                   _("The mail is damaged: its text is not valid %s (at byte %s of a part)."),
                   "UTF-8", offset);
      return NULL;
    }

  from = iconv_name (charset);
  text = convert (data, len, from, &local_error);
  /* ISO-2022-JP with the characters of JIS X 0213 (①…, as Microsoft's
   * mail programs write them) */
  if (text == NULL && g_str_equal (from, "ISO-2022-JP") &&
      g_error_matches (local_error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_ENCODING))
    {
      g_clear_error (&local_error);
      text = convert (data, len, "ISO-2022-JP-3", &local_error);
    }
  if (text != NULL)
    return text;

  if (g_error_matches (local_error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_CHARSET))
    g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_CHARSET,
                 _("The mail’s text is written in the character set “%s”, which this computer "
                   "cannot read."), shown);
  else
    g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_ENCODING,
                 _("The mail is damaged: its text is not valid %s (at byte %s of a part)."),
                 shown, local_error->message);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Headers (RFC 2047)                                                 */
/* ------------------------------------------------------------------ */

/* An encoded word at @p ("=?CHARSET?B?TEXT?=" or ?Q?): its charset and
 * encoding, its text [*@text, *@text_end), and where it ends. */
static gboolean
encoded_word (const char  *p,
              char       **charset,
              char        *encoding,
              const char **text,
              const char **text_end,
              const char **end)
{
  const char *q = p + 2;
  const char *charset_end;
  const char *close;

  if (p[0] != '=' || p[1] != '?')
    return FALSE;
  while (*q != '\0' && *q != '?' && !g_ascii_isspace (*q))
    q++;
  charset_end = q;
  if (*q != '?' || q == p + 2 || strchr ("BbQq", q[1]) == NULL || q[1] == '\0' || q[2] != '?')
    return FALSE;
  close = q + 3;
  while (*close != '\0' && !(close[0] == '?' && close[1] == '=') && !g_ascii_isspace (*close))
    close++;
  if (close[0] != '?' || close[1] != '=')
    return FALSE;

  *charset = g_strndup (p + 2, charset_end - p - 2);
  /* RFC 2231: "ISO-2022-JP*ja" */
  if (strchr (*charset, '*') != NULL)
    *strchr (*charset, '*') = '\0';
  *encoding = g_ascii_toupper (q[1]);
  *text = q + 3;
  *text_end = close;
  *end = close + 2;
  return TRUE;
}

static void
decode_word (GByteArray *out,
             char        encoding,
             const char *text,
             const char *end)
{
  if (encoding == 'B')
    {
      gsize len = end - text;
      g_autofree guchar *decoded = g_malloc (len * 3 / 4 + 3);
      gint state = 0;
      guint save = 0;
      gsize n = g_base64_decode_step (text, len, decoded, &state, &save);

      g_byte_array_append (out, decoded, n);
      return;
    }

  for (const char *p = text; p < end; p++)
    {
      guint8 c = *p;

      if (c == '_')
        c = ' ';
      else if (c == '=' && p + 2 < end && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          c = g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]);
          p += 2;
        }
      g_byte_array_append (out, &c, 1);
    }
}

/* Whether this computer converts text from @charset. */
static gboolean
charset_is_known (const char *charset)
{
  GIConv conv;

  if (is_utf8_name (charset) || is_ascii_name (charset))
    return TRUE;
  conv = g_iconv_open ("UTF-8", iconv_name (charset));
  if (conv == (GIConv) -1)
    return FALSE;
  g_iconv_close (conv);
  return TRUE;
}

/* The bytes of the encoded words read so far, in *@charset, converted
 * onto @out; both emptied. */
static gboolean
flush_words (GString     *out,
             GByteArray  *pending,
             char       **charset,
             GError     **error)
{
  g_autofree char *decoded = gma_mail_convert_text ((const char *) pending->data, pending->len,
                                                    *charset, error);

  if (decoded == NULL)
    return FALSE;
  g_string_append (out, decoded);
  g_byte_array_set_size (pending, 0);
  g_clear_pointer (charset, g_free);
  return TRUE;
}

char *
gma_mail_decode_header (const char  *raw,
                        GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GByteArray) pending = g_byte_array_new ();  /* bytes of adjacent words */
  g_autofree char *pending_charset = NULL;
  const char *p = raw;

  g_return_val_if_fail (raw != NULL, NULL);

  while (*p != '\0')
    {
      g_autofree char *charset = NULL;
      const char *text;
      const char *text_end;
      const char *end;
      const char *next;
      char encoding;

      if (encoded_word (p, &charset, &encoding, &text, &text_end, &end))
        {
          if (!charset_is_known (charset))
            {
              g_autofree char *shown = shown_name (charset);

              g_set_error (error, GMA_MAIL_ERROR, GMA_MAIL_ERROR_CHARSET,
                           _("The mail’s subject is written in the character set “%s”, which "
                             "this computer cannot read."), shown);
              return NULL;
            }
          /* Words of one charset are decoded together: a character may
           * be split between them */
          if (pending_charset != NULL && g_ascii_strcasecmp (pending_charset, charset) != 0)
            goto flush;
          if (pending_charset == NULL)
            pending_charset = g_steal_pointer (&charset);
          decode_word (pending, encoding, text, text_end);
          p = end;
          /* White space between two encoded words is not text */
          for (next = p; *next == ' ' || *next == '\t'; next++)
            ;
          {
            g_autofree char *next_charset = NULL;

            if (encoded_word (next, &next_charset, &encoding, &text, &text_end, &end))
              p = next;
          }
          continue;
        }

    flush:
      if (pending_charset != NULL)
        {
          if (!flush_words (out, pending, &pending_charset, error))
            return NULL;
          continue;
        }

      /* Text as written, up to the next encoded word */
      next = strstr (p + 1, "=?");
      if (next == NULL)
        next = p + strlen (p);
      {
        g_autofree char *plain = gma_mail_guess_japanese (p, next - p);

        if (plain == NULL)
          plain = g_utf8_make_valid (p, next - p);
        g_string_append (out, plain);
      }
      p = next;
    }

  if (pending_charset != NULL && !flush_words (out, pending, &pending_charset, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

