/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-check.c: which mail, whose, which links, which login ID, and
 * where to go on: the verdict on a mail */

#define G_LOG_DOMAIN "gma-mail"

#include "config.h"

#include <string.h>

#include "gma-html.h"
#include "gma-mail-check-private.h"

/* A login ID longer than this is not one. */
#define MAX_LOGIN_ID 128

struct _GmaMailResult
{
  GObject            parent_instance;

  GmaMailFacts      *facts;
  const GmaMailKind *kind;
  GmaMailFoundBy     found_by;
  char              *subject;
  gboolean           pasted;
  GmaMailSender      sender;
  char              *sender_address;
  char              *forwarded_by;
  GPtrArray         *links;
  char              *login_id;
};

G_DEFINE_FINAL_TYPE (GmaMailResult, gma_mail_result, G_TYPE_OBJECT)

static void
gma_mail_result_finalize (GObject *object)
{
  GmaMailResult *self = GMA_MAIL_RESULT (object);

  g_clear_object (&self->facts);
  g_free (self->subject);
  g_free (self->sender_address);
  g_free (self->forwarded_by);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_free (self->login_id);

  G_OBJECT_CLASS (gma_mail_result_parent_class)->finalize (object);
}

static void
gma_mail_result_class_init (GmaMailResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gma_mail_result_finalize;
}

static void
gma_mail_result_init (GmaMailResult *self)
{
}

/* ------------------------------------------------------------------ */
/* The mail's text                                                    */
/* ------------------------------------------------------------------ */

/* Every part of @message and of the messages attached to it, as plain
 * text without quote marks, into @texts. */
static void
collect_texts (GmaMailMessage *message,
               GPtrArray      *texts)
{
  for (guint i = 0; i < message->parts->len; i++)
    {
      GmaMailText *part = g_ptr_array_index (message->parts, i);
      g_autofree char *plain = part->kind == GMA_MAIL_PART_HTML
                               ? gma_html_to_text (part->text, -1, NULL)
                               : g_strdup (part->text);

      g_ptr_array_add (texts, gma_mail_strip_quotes (plain));
    }
  for (guint i = 0; i < message->attached->len; i++)
    collect_texts (g_ptr_array_index (message->attached, i), texts);
}

static void
scan_links (GmaMailLinkScan *scan,
            GmaMailMessage  *message)
{
  for (guint i = 0; i < message->parts->len; i++)
    gma_mail_link_scan_part (scan, g_ptr_array_index (message->parts, i));
  for (guint i = 0; i < message->attached->len; i++)
    scan_links (scan, g_ptr_array_index (message->attached, i));
}

/* The lines of @text, as (start, end) pairs into it. */
typedef struct {
  const char *start;
  const char *end;
} Line;

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;

  for (;;)
    {
      const char *nl = strchr (p, '\n');
      Line line = { p, nl != NULL ? nl : p + strlen (p) };

      g_array_append_val (lines, line);
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return lines;
}

/* The original of a forwarded or replied-to mail, from its text: the
 * header lines a mail program puts above it (「差出人：…」 with another
 * such line close by), or the line that introduces a quote
 * ("… <info@g-mis.net> wrote:", 「…さんは書きました：」). */
static void
find_quoted_original (const char  *text,
                      char       **from,
                      char       **subject)
{
  static const char * const attributions[] = {
    "wrote:", "書きました:", "書きました：", ">:", "> :", "のメッセージ:", "のメッセージ：",
  };
  g_autoptr(GArray) lines = split_lines (text);

  for (guint i = 0; i < lines->len && *from == NULL; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      const char *value = NULL;
      g_autofree char *trimmed = g_strstrip (g_strndup (line->start, line->end - line->start));
      gboolean block = FALSE;

      if (gma_mail_line_label (line->start, line->end - line->start, &value) == GMA_MAIL_LABEL_FROM)
        {
          for (guint j = i >= 4 ? i - 4 : 0; j < lines->len && j <= i + 4; j++)
            {
              Line *near = &g_array_index (lines, Line, j);
              const char *near_value = NULL;
              GmaMailLabel label = gma_mail_line_label (near->start, near->end - near->start,
                                                        &near_value);

              if (j == i || label == GMA_MAIL_LABEL_NONE)
                continue;
              block = TRUE;
              if (label == GMA_MAIL_LABEL_SUBJECT && *subject == NULL)
                *subject = g_strstrip (g_strndup (near_value, near->end - near_value));
            }
          if (block)
            *from = gma_mail_find_address (value, line->end - value);
          if (*from == NULL)
            g_clear_pointer (subject, g_free);
          continue;
        }

      for (guint a = 0; a < G_N_ELEMENTS (attributions); a++)
        if (g_str_has_suffix (trimmed, attributions[a]))
          {
            *from = gma_mail_find_address (trimmed, -1);
            break;
          }
    }
}

/* ------------------------------------------------------------------ */
/* Which mail                                                         */
/* ------------------------------------------------------------------ */

/* The guide's mail whose subject @subject holds (reply and forward
 * prefixes left out; the longest such subject), or NULL. */
static const GmaMailKind *
kind_by_subject (GmaMailFacts *facts,
                 const char   *subject)
{
  g_autofree char *folded = NULL;
  const GmaMailKind *best = NULL;
  gsize best_len = 0;
  const char *rest = subject;

  if (subject == NULL)
    return NULL;
  gma_mail_subject_is_reply (subject, &rest);
  folded = gma_mail_fold (rest, FALSE);
  if (folded[0] == '\0')
    return NULL;

  for (guint i = 0; i < gma_mail_facts_get_n_kinds (facts); i++)
    {
      const GmaMailKind *kind = gma_mail_facts_get_kind (facts, i);
      g_autofree char *wanted = gma_mail_fold (gma_mail_kind_get_subject (kind), FALSE);

      if (strstr (folded, wanted) != NULL && strlen (wanted) > best_len)
        {
          best = kind;
          best_len = strlen (wanted);
        }
    }

  return best;
}

/* The guide's mail whose key sentences @body (folded) holds most of; NULL
 * when none holds any, or two hold as many. */
static const GmaMailKind *
kind_by_body (GmaMailFacts *facts,
              const char   *body)
{
  const GmaMailKind *best = NULL;
  guint best_count = 0;
  gboolean tie = FALSE;

  for (guint i = 0; i < gma_mail_facts_get_n_kinds (facts); i++)
    {
      const GmaMailKind *kind = gma_mail_facts_get_kind (facts, i);
      const char * const *sentences = gma_mail_kind_get_key_sentences (kind);
      guint count = 0;

      for (guint s = 0; sentences[s] != NULL; s++)
        {
          g_autofree char *wanted = gma_mail_fold (sentences[s], FALSE);

          if (wanted[0] != '\0' && strstr (body, wanted) != NULL)
            count++;
        }
      if (count > best_count)
        {
          best = kind;
          best_count = count;
          tie = FALSE;
        }
      else if (count > 0 && count == best_count)
        tie = TRUE;
    }

  return tie ? NULL : best;
}

/* Pasted text without a 「件名：」 line may start with the subject itself:
 * its first line, if it is little more than a subject of the guide's. */
static const GmaMailKind *
kind_by_first_line (GmaMailFacts  *facts,
                    const char    *text,
                    char         **subject)
{
  const char *p = text;
  const char *end;
  g_autofree char *line = NULL;
  g_autofree char *folded = NULL;
  const GmaMailKind *kind;

  while (*p == '\n' || g_ascii_isspace (*p))
    p++;
  end = strchr (p, '\n');
  line = g_strstrip (end != NULL ? g_strndup (p, end - p) : g_strdup (p));
  kind = kind_by_subject (facts, line);
  if (kind == NULL)
    return NULL;

  folded = gma_mail_fold (line, FALSE);
  {
    g_autofree char *wanted = gma_mail_fold (gma_mail_kind_get_subject (kind), FALSE);

    if (strlen (folded) > strlen (wanted) + 24)
      return NULL;
  }
  *subject = g_steal_pointer (&line);
  return kind;
}

/* ------------------------------------------------------------------ */
/* The login ID                                                       */
/* ------------------------------------------------------------------ */

/* Where @label (folded characters, no spaces) ends in the line [@p,
 * @end), spaces in the line skipped; NULL when it is not there. */
static const char *
match_label (const char     *p,
             const char     *end,
             const gunichar *label,
             gsize           n)
{
  for (const char *start = p; start < end; start = g_utf8_next_char (start))
    {
      const char *q = start;
      gsize i = 0;

      while (i < n && q < end)
        {
          gunichar c = gma_mail_fold_char (g_utf8_get_char (q));

          if (c == ' ' || c == '\t')
            {
              if (i == 0)
                break;
              q = g_utf8_next_char (q);
              continue;
            }
          if (c != label[i])
            break;
          i++;
          q = g_utf8_next_char (q);
        }
      if (i == n)
        return q;
    }

  return NULL;
}

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

/* The first word from @p on, up to @end; NULL when there is none. */
static char *
first_word (const char *p,
            const char *end)
{
  const char *start;
  g_autofree char *word = NULL;
  glong n_chars;

  while (p < end && is_space_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  start = p;
  while (p < end && !is_space_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p == start)
    return NULL;

  word = g_strndup (start, p - start);
  /* Punctuation after it: 「XXXXXX。」 */
  while (g_str_has_suffix (word, "。") || g_str_has_suffix (word, "、"))
    word[strlen (word) - 3] = '\0';
  n_chars = g_utf8_strlen (word, -1);
  if (word[0] == '\0' || n_chars > MAX_LOGIN_ID)
    return NULL;
  return g_steal_pointer (&word);
}

static char *
find_login_id (GmaMailFacts *facts,
               GPtrArray    *texts)
{
  const char * const *labels = gma_mail_facts_get_login_id_labels (facts);

  for (guint l = 0; labels[l] != NULL; l++)
    {
      g_autoptr(GArray) label = g_array_new (FALSE, FALSE, sizeof (gunichar));

      for (const char *p = labels[l]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = gma_mail_fold_char (g_utf8_get_char (p));

          if (c != ' ' && c != '\t')
            g_array_append_val (label, c);
        }
      if (label->len == 0)
        continue;

      for (guint t = 0; t < texts->len; t++)
        {
          g_autoptr(GArray) lines = split_lines (g_ptr_array_index (texts, t));

          for (guint i = 0; i < lines->len; i++)
            {
              Line *line = &g_array_index (lines, Line, i);
              const char *after = match_label (line->start, line->end,
                                               (const gunichar *) label->data, label->len);
              char *id;

              if (after == NULL)
                continue;
              id = first_word (after, line->end);
              /* The ID on the line after its label */
              for (guint j = i + 1; id == NULL && j < lines->len && j <= i + 2; j++)
                {
                  Line *next = &g_array_index (lines, Line, j);

                  id = first_word (next->start, next->end);
                }
              if (id != NULL)
                return id;
            }
        }
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* The check                                                          */
/* ------------------------------------------------------------------ */

static const char *
first_from (GmaMailMessage *message)
{
  return message->from->len > 0 ? ((GmaMailAddress *) g_ptr_array_index (message->from, 0))->address
                                : NULL;
}

GmaMailResult *
gma_mail_check (GmaMailFacts    *facts,
                GmaMailMessage  *message,
                GError         **error)
{
  g_autoptr(GmaMailResult) self = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;
  g_autofree char *original_from = NULL;
  g_autofree char *original_subject = NULL;
  const GmaMailBackend *backend;
  GmaMailLinkScan scan;
  const char *outer_from;
  const char *checked;
  gboolean reply;

  g_return_val_if_fail (GMA_IS_MAIL_FACTS (facts), NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  backend = gma_mail_get_backend (error);
  if (backend == NULL)
    return NULL;

  self = g_object_new (GMA_TYPE_MAIL_RESULT, NULL);
  self->facts = g_object_ref (facts);
  self->pasted = message->pasted;
  self->subject = g_strdup (message->subject);

  collect_texts (message, texts);
  {
    g_autofree char *joined = NULL;

    g_ptr_array_add (texts, NULL);
    joined = g_strjoinv ("\n", (char **) texts->pdata);
    g_ptr_array_remove_index (texts, texts->len - 1);
    body = gma_mail_fold (joined, FALSE);
  }

  /* The original of a forward or reply: the attached mail, or the
   * header lines above the quoted one */
  reply = message->subject != NULL && gma_mail_subject_is_reply (message->subject, NULL);
  if (message->attached->len > 0)
    {
      GmaMailMessage *attached = g_ptr_array_index (message->attached, 0);

      original_from = g_strdup (first_from (attached));
      original_subject = g_strdup (attached->subject);
    }
  else if (reply)
    for (guint i = 0; i < texts->len && original_from == NULL; i++)
      find_quoted_original (g_ptr_array_index (texts, i), &original_from, &original_subject);

  /* Which mail */
  self->kind = kind_by_subject (facts, message->subject);
  if (self->kind == NULL)
    self->kind = kind_by_subject (facts, original_subject);
  if (self->kind != NULL)
    self->found_by = GMA_MAIL_FOUND_BY_SUBJECT;
  else if (message->subject == NULL && original_subject == NULL)
    {
      if (message->pasted && texts->len > 0)
        self->kind = kind_by_first_line (facts, g_ptr_array_index (texts, 0), &self->subject);
      if (self->kind != NULL)
        self->found_by = GMA_MAIL_FOUND_BY_SUBJECT;
      else if ((self->kind = kind_by_body (facts, body)) != NULL)
        self->found_by = GMA_MAIL_FOUND_BY_BODY;
    }
  if (self->kind == NULL)
    {
      self->kind = gma_mail_facts_lookup (facts, GMA_MAIL_KIND_UNKNOWN);
      self->found_by = GMA_MAIL_FOUND_BY_NONE;
    }

  /* Whose */
  outer_from = first_from (message);
  checked = outer_from;
  if (original_from != NULL && g_strcmp0 (original_from, outer_from) != 0)
    {
      self->forwarded_by = g_strdup (outer_from);
      checked = original_from;
    }
  self->sender_address = g_strdup (checked);
  if (checked == NULL)
    self->sender = GMA_MAIL_SENDER_MISSING;
  else if (g_ascii_strcasecmp (checked, gma_mail_facts_get_sender (facts)) == 0)
    self->sender = GMA_MAIL_SENDER_OK;
  else
    self->sender = GMA_MAIL_SENDER_MISMATCH;

  /* Its links */
  gma_mail_link_scan_init (&scan, facts, backend);
  scan_links (&scan, message);
  self->links = g_steal_pointer (&scan.links);
  gma_mail_link_scan_clear (&scan);

  self->login_id = find_login_id (facts, texts);

  return g_steal_pointer (&self);
}

GmaMailResult *
gma_mail_check_bytes (GmaMailFacts  *facts,
                      GBytes        *mail,
                      GError       **error)
{
  g_autoptr(GmaMailMessage) message = NULL;

  g_return_val_if_fail (GMA_IS_MAIL_FACTS (facts), NULL);
  g_return_val_if_fail (mail != NULL, NULL);

  message = gma_mail_message_parse (mail, error);
  if (message == NULL)
    return NULL;
  return gma_mail_check (facts, message, error);
}

/* ------------------------------------------------------------------ */
/* The result                                                         */
/* ------------------------------------------------------------------ */

static const struct {
  GmaMailReasons reason;
  const char    *name;
} reason_names[] = {
  { GMA_MAIL_REASON_INVALID, "invalid-url" },
  { GMA_MAIL_REASON_USERINFO, "userinfo" },
  { GMA_MAIL_REASON_TEXT_DIFFERS, "text-shows-other-address" },
  { GMA_MAIL_REASON_IDN, "idn-host" },
  { GMA_MAIL_REASON_LOOKALIKE, "lookalike-host" },
  { GMA_MAIL_REASON_OTHER_ADDRESS, "other-address" },
  { GMA_MAIL_REASON_SCHEME, "not-web" },
  { GMA_MAIL_REASON_UNKNOWN_HOST, "unknown-host" },
  { GMA_MAIL_REASON_HTTP, "http" },
};

GmaMailReasons
gma_mail_link_get_reason (const GmaMailLink *link)
{
  g_return_val_if_fail (link != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (link->reasons & reason_names[i].reason)
      return reason_names[i].reason;
  return 0;
}

const char *
gma_mail_reason_to_string (GmaMailReasons reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (reason == reason_names[i].reason)
      return reason_names[i].name;
  return NULL;
}

const GmaMailKind *
gma_mail_result_get_kind (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);
  return self->kind;
}

GmaMailFoundBy
gma_mail_result_get_found_by (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), GMA_MAIL_FOUND_BY_NONE);
  return self->found_by;
}

const char *
gma_mail_result_get_subject (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);
  return self->subject;
}

gboolean
gma_mail_result_get_pasted (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), FALSE);
  return self->pasted;
}

GmaMailSender
gma_mail_result_get_sender (GmaMailResult  *self,
                            const char    **address)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), GMA_MAIL_SENDER_MISSING);

  if (address != NULL)
    *address = self->sender_address;
  return self->sender;
}

const char *
gma_mail_result_get_forwarded_by (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);
  return self->forwarded_by;
}

guint
gma_mail_result_get_n_links (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), 0);
  return self->links->len;
}

const GmaMailLink *
gma_mail_result_get_link (GmaMailResult *self,
                          guint          index)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);
  return g_ptr_array_index (self->links, index);
}

const char *
gma_mail_result_get_login_id (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);
  return self->login_id;
}

const char *
gma_mail_result_get_next (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);
  return gma_mail_kind_get_next (self->kind);
}

gboolean
gma_mail_result_is_suspicious (GmaMailResult *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), FALSE);

  if (self->sender == GMA_MAIL_SENDER_MISMATCH)
    return TRUE;
  for (guint i = 0; i < self->links->len; i++)
    if (((GmaMailLink *) g_ptr_array_index (self->links, i))->reasons != 0)
      return TRUE;
  return FALSE;
}

gboolean
gma_mail_result_apply (GmaMailResult *self,
                       GmaSession    *session)
{
  guint n;

  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), FALSE);
  g_return_val_if_fail (GMA_IS_SESSION (session), FALSE);

  gma_session_restart (session);
  n = gma_mail_kind_get_n_answers (self->kind);
  if (n > 0 && !gma_session_jump_to (session, gma_mail_kind_get_answer_node (self->kind, 0)))
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      const GmaNode *current = gma_session_get_current (session);

      if (!g_str_equal (gma_node_get_id (current), gma_mail_kind_get_answer_node (self->kind, i)) ||
          !gma_session_answer (session, gma_mail_kind_get_answer (self->kind, i)))
        goto fail;
    }

  if (g_str_equal (gma_node_get_id (gma_session_get_current (session)),
                   gma_mail_kind_get_next (self->kind)))
    return TRUE;

fail:
  gma_session_restart (session);
  return FALSE;
}

/* @text on one line of the output: white space and control characters
 * escaped as %XX, so that a field is one word (a URL's own escapes are
 * left as they are). */
static void
append_word (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == 0x7f)
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

char *
gma_mail_result_to_lines (GmaMailResult *self)
{
  GString *out;

  g_return_val_if_fail (GMA_IS_MAIL_RESULT (self), NULL);

  out = g_string_new ("mail: ");
  g_string_append (out, gma_mail_kind_get_id (self->kind));

  g_string_append (out, "\nsender: ");
  switch (self->sender)
    {
    case GMA_MAIL_SENDER_OK:
      g_string_append (out, "ok");
      break;
    case GMA_MAIL_SENDER_MISMATCH:
      g_string_append (out, "mismatch ");
      append_word (out, self->sender_address);
      break;
    case GMA_MAIL_SENDER_MISSING:
    default:
      g_string_append (out, "missing");
      break;
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const GmaMailLink *link = g_ptr_array_index (self->links, i);
      GmaMailReasons reason = gma_mail_link_get_reason (link);

      g_string_append (out, reason == 0 ? "\nlink: ok " : "\nlink: suspicious ");
      append_word (out, link->url);
      if (reason != 0)
        {
          g_string_append_c (out, ' ');
          g_string_append (out, gma_mail_reason_to_string (reason));
        }
    }

  if (self->login_id != NULL)
    {
      g_string_append (out, "\nlogin-id: ");
      append_word (out, self->login_id);
    }

  g_string_append (out, "\nnext: ");
  g_string_append (out, gma_mail_kind_get_next (self->kind));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
