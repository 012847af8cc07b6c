/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-text.c: the text of a mail: pasted text, the header lines a
 * mail program shows (「件名：」, "From:"), quote marks, addresses, and
 * the folding the checker compares texts with */

#define G_LOG_DOMAIN "gma-mail"

#include "config.h"

#include <string.h>

#include "gma-mail-private.h"

/* The labels of the header lines mail programs show above a mail, and
 * put above one they forward or quote (Outlook, Thunderbird, Gmail,
 * Apple Mail; Japanese and English). */
static const struct {
  const char  *label;
  GmaMailLabel kind;
} labels[] = {
  { "件名", GMA_MAIL_LABEL_SUBJECT },
  { "subject", GMA_MAIL_LABEL_SUBJECT },
  { "差出人", GMA_MAIL_LABEL_FROM },
  { "送信者", GMA_MAIL_LABEL_FROM },
  { "送信元", GMA_MAIL_LABEL_FROM },
  { "from", GMA_MAIL_LABEL_FROM },
  { "宛先", GMA_MAIL_LABEL_OTHER },
  { "to", GMA_MAIL_LABEL_OTHER },
  { "cc", GMA_MAIL_LABEL_OTHER },
  { "bcc", GMA_MAIL_LABEL_OTHER },
  { "日付", GMA_MAIL_LABEL_OTHER },
  { "日時", GMA_MAIL_LABEL_OTHER },
  { "date", GMA_MAIL_LABEL_OTHER },
  { "送信日時", GMA_MAIL_LABEL_OTHER },
  { "受信日時", GMA_MAIL_LABEL_OTHER },
  { "sent", GMA_MAIL_LABEL_OTHER },
  { "返信先", GMA_MAIL_LABEL_OTHER },
  { "reply-to", GMA_MAIL_LABEL_OTHER },
  { "重要度", GMA_MAIL_LABEL_OTHER },
  { "添付ファイル", GMA_MAIL_LABEL_OTHER },
};

static const char *
skip_quotes (const char *p,
             const char *end)
{
  for (;;)
    {
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p < end && *p == '>')
        p++;
      else
        return p;
    }
}

GmaMailLabel
gma_mail_line_label (const char  *line,
                     gsize        len,
                     const char **value)
{
  const char *end = line + len;
  const char *p = skip_quotes (line, end);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gsize label_len = strlen (labels[i].label);
      const char *q = p + label_len;

      if ((gsize) (end - p) < label_len || g_ascii_strncasecmp (p, labels[i].label, label_len) != 0)
        continue;
      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
      if (q < end && *q == ':')
        q++;
      else if (end - q >= 3 && strncmp (q, "：", 3) == 0)
        q += 3;
      else
        continue;
      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
      if (value != NULL)
        *value = q;
      return labels[i].kind;
    }

  return GMA_MAIL_LABEL_NONE;
}

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("._%+-!#$&'*/=?^`{|}~", c) != NULL;
}

static gboolean
is_domain_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-';
}

char *
gma_mail_find_address (const char *text,
                       gssize      len)
{
  const char *end;
  const char *at;

  if (len < 0)
    len = strlen (text);
  end = text + len;

  for (at = memchr (text, '@', len); at != NULL; at = memchr (at + 1, '@', end - at - 1))
    {
      const char *start = at;
      const char *stop = at + 1;

      while (start > text && is_local_char (start[-1]))
        start--;
      while (stop < end && is_domain_char (*stop))
        stop++;
      while (stop > at + 1 && (stop[-1] == '.' || stop[-1] == '-'))
        stop--;
      if (start < at && memchr (at + 1, '.', stop - at - 1) != NULL)
        return g_strndup (start, stop - start);
      if (at + 1 >= end)
        break;
    }

  return NULL;
}

char *
gma_mail_strip_quotes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      const char *line_end = strchr (p, '\n');
      const char *start;

      if (line_end == NULL)
        line_end = p + strlen (p);

      start = p;
      while (start < line_end && (*start == ' ' || *start == '\t'))
        start++;
      if (start < line_end && *start == '>')
        start = skip_quotes (start, line_end);
      else
        start = p;

      g_string_append_len (out, start, line_end - start);
      if (*line_end == '\n')
        g_string_append_c (out, '\n');
      p = *line_end == '\n' ? line_end + 1 : line_end;
    }

  return g_string_free (out, FALSE);
}

gunichar
gma_mail_fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF5E)
    c -= 0xFEE0;
  if (c == 0x3000)
    return ' ';
  if (c == 0x301C || c == 0xFF5E || c == 0x223C)
    return '~';
  if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212 || c == 0xFE63)
    return '-';
  if (c < 0x80)
    return g_ascii_tolower (c);
  return c;
}

char *
gma_mail_fold (const char *text,
               gboolean    keep_spaces)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out;
  gboolean space = FALSE;

  if (normalized == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (normalized));
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        {
          space = keep_spaces && out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }

      /* the wave dash of ISO-2022-JP and the full-width tilde of CP932
       * as one; hyphens as one; ASCII in lower case */
      g_string_append_unichar (out, gma_mail_fold_char (c));
    }

  return g_string_free (out, FALSE);
}

gboolean
gma_mail_subject_is_reply (const char  *subject,
                           const char **rest)
{
  static const char * const prefixes[] = {
    "re", "fwd", "fw", "aw", "wg", "tr", "転送", "返信",
  };
  const char *p = subject;
  gboolean found = FALSE;

  for (;;)
    {
      const char *q = NULL;

      while (*p == ' ' || *p == '\t' || strncmp (p, "　", 3) == 0)
        p += *p == ' ' || *p == '\t' ? 1 : 3;

      for (guint i = 0; i < G_N_ELEMENTS (prefixes) && q == NULL; i++)
        {
          /* Full-width letters as well ("Ｒｅ：") */
          const char *want = prefixes[i];

          for (q = p; *want != '\0' && *q != '\0'; q = g_utf8_next_char (q), want = g_utf8_next_char (want))
            if (gma_mail_fold_char (g_utf8_get_char (q)) != g_utf8_get_char (want))
              break;
          if (*want != '\0')
            {
              q = NULL;
              continue;
            }
          /* "Re[2]:", "RE(2):" */
          if (*q == '[' || *q == '(')
            {
              const char *close = q + 1;

              while (g_ascii_isdigit (*close))
                close++;
              q = (*close == ']' || *close == ')') && close > q + 1 ? close + 1 : q;
            }
          while (*q == ' ')
            q++;
          if (*q == ':')
            q++;
          else if (strncmp (q, "：", 3) == 0)
            q += 3;
          else
            q = NULL;
        }

      if (q == NULL)
        break;
      p = q;
      found = TRUE;
    }

  if (rest != NULL)
    {
      while (*p == ' ' || *p == '\t' || strncmp (p, "　", 3) == 0)
        p += *p == ' ' || *p == '\t' ? 1 : 3;
      *rest = p;
    }
  return found;
}

GmaMailMessage *
gma_mail_parse_pasted (const char *text)
{
  GmaMailMessage *message = gma_mail_message_new ();
  const char *p = text;
  const char *body;

  message->pasted = TRUE;

  /* Blank lines before the mail */
  while (*p == '\n' || *p == ' ' || *p == '\t')
    p++;
  body = p;

  /* The header lines the mail program showed, at the top */
  while (*p != '\0')
    {
      const char *line_end = strchr (p, '\n');
      const char *value = NULL;
      GmaMailLabel label;

      if (line_end == NULL)
        line_end = p + strlen (p);
      label = gma_mail_line_label (p, line_end - p, &value);
      if (label == GMA_MAIL_LABEL_NONE)
        break;

      if (label == GMA_MAIL_LABEL_SUBJECT && message->subject == NULL)
        message->subject = g_strstrip (g_strndup (value, line_end - value));
      else if (label == GMA_MAIL_LABEL_FROM && message->from->len == 0)
        {
          g_autofree char *address = gma_mail_find_address (value, line_end - value);
          g_autofree char *name = g_strstrip (g_strndup (value, line_end - value));
          char *angle = strchr (name, '<');

          if (angle != NULL)
            *angle = '\0';
          g_strstrip (name);
          if (address != NULL)
            gma_mail_message_add_from (message, name, address);
        }

      p = *line_end == '\n' ? line_end + 1 : line_end;
      body = p;
    }

  if (message->subject != NULL && message->subject[0] == '\0')
    g_clear_pointer (&message->subject, g_free);

  gma_mail_message_add_text (message, GMA_MAIL_PART_TEXT, g_strdup (body));
  return message;
}
