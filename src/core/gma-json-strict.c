/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-json-strict.c: gma_json_load(): the raw bytes of a content file
 * checked (size, UTF-8, depth, strict RFC 8259 syntax, duplicate member
 * names), each fault reported at its line:column, before json-glib 1.6
 * (which accepts comments, single quotes and several roots, and recurses
 * without limit) parses them */

#define G_LOG_DOMAIN "gma-json"

#include "config.h"

#include <string.h>

#include "gma-json.h"

/* ------------------------------------------------------------------ */
/* The strict scanner                                                 */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char  *data;
  gsize        len;
  gsize        pos;
  guint        line;
  guint        col;
  const char  *file;
  GmaProblems *problems;
} Scanner;

typedef struct
{
  char        kind;    /* '{' or '[' */
  guint       line;
  guint       col;
  GHashTable *keys;    /* objects: member names seen so far */
} Level;

typedef enum {
  STATE_VALUE,        /* a value must come */
  STATE_FIRST_VALUE,  /* just after '[': a value or ']' */
  STATE_NEXT_VALUE,   /* after ',' in an array */
  STATE_KEY,          /* after ',' in an object: a member name */
  STATE_FIRST_KEY,    /* just after '{': a member name or '}' */
  STATE_COLON,
  STATE_AFTER_VALUE,  /* ',' or the closing bracket */
  STATE_DONE,         /* the top-level value is complete */
} State;

static void
scanner_error (Scanner    *s,
               guint       line,
               guint       col,
               const char *format,
               ...) G_GNUC_PRINTF (4, 5);

static void
scanner_error (Scanner    *s,
               guint       line,
               guint       col,
               const char *format,
               ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *place = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  place = g_strdup_printf ("%u:%u", line, col);
  gma_problems_add (s->problems, s->file, place, "%s", reason);
}

static inline gboolean
scanner_eof (Scanner *s)
{
  return s->pos >= s->len;
}

static inline guchar
scanner_peek (Scanner *s)
{
  return s->pos < s->len ? (guchar) s->data[s->pos] : 0;
}

/* Moves past one character (the input is valid UTF-8 by now). */
static void
scanner_advance (Scanner *s)
{
  guchar c = (guchar) s->data[s->pos];

  if (c == '\n')
    {
      s->line++;
      s->col = 1;
      s->pos++;
      return;
    }

  if (c < 0x80)
    s->pos++;
  else
    s->pos = g_utf8_next_char (s->data + s->pos) - s->data;

  s->col++;
}

static void
scanner_skip_space (Scanner *s)
{
  while (!scanner_eof (s))
    {
      guchar c = scanner_peek (s);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        scanner_advance (s);
      else
        break;
    }
}

/* A printable description of the character at the cursor. */
static char *
scanner_describe_char (Scanner *s)
{
  gunichar ch = g_utf8_get_char (s->data + s->pos);

  if (ch < 0x20 || ch == 0x7f)
    return g_strdup_printf ("the control character U+%04X", ch);
  else
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (ch, buf);
      return g_strdup_printf ("the character “%s”", buf);
    }
}

static inline gboolean
is_word_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || c == '.' || c == '+' || c == '-';
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads four hex digits after "\u"; -1 if they are not there. */
static int
scanner_read_hex4 (Scanner *s)
{
  int value = 0;

  if (s->len - s->pos < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int v = hex_value ((guchar) s->data[s->pos + i]);

      if (v < 0)
        return -1;
      value = value * 16 + v;
    }

  s->pos += 4;
  s->col += 4;
  return value;
}

/* The cursor is on the opening quote. On success the cursor is after the
 * closing quote and, if @decoded is given, it receives the string's value
 * with its escapes decoded ("\u0069d" is "id"), so that two member names
 * are compared as JSON compares them. */
static gboolean
scanner_string (Scanner  *s,
                char    **decoded)
{
  guint start_line = s->line;
  guint start_col = s->col;
  g_autoptr(GString) value = decoded != NULL ? g_string_new (NULL) : NULL;

  scanner_advance (s);   /* the quote */

  for (;;)
    {
      guchar c;

      if (scanner_eof (s))
        {
          scanner_error (s, start_line, start_col,
                         "this string is never closed: the file ends before its closing "
                         "double quote (\"); is the file truncated?");
          return FALSE;
        }

      c = scanner_peek (s);

      if (c == '"')
        {
          if (decoded != NULL)
            *decoded = g_string_free (g_steal_pointer (&value), FALSE);
          scanner_advance (s);
          return TRUE;
        }

      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            scanner_error (s, s->line, s->col,
                           "a line break inside a string (started at %u:%u); close the string "
                           "with a double quote (\") on the same line, or write the line "
                           "break as \\n", start_line, start_col);
          else
            scanner_error (s, s->line, s->col,
                           "the control character U+%04X is inside a string; write it as an "
                           "escape such as \\t or \\u%04X", c, c);
          return FALSE;
        }

      if (c == '\\')
        {
          guint esc_line = s->line;
          guint esc_col = s->col;
          guchar e;

          scanner_advance (s);
          if (scanner_eof (s))
            continue;   /* reported as an unclosed string */

          e = scanner_peek (s);
          switch (e)
            {
            case '"': case '\\': case '/': case 'b':
            case 'f': case 'n': case 'r': case 't':
              if (value != NULL)
                {
                  static const char from[] = "\"\\/bfnrt";
                  static const char to[] = "\"\\/\b\f\n\r\t";

                  g_string_append_c (value, to[strchr (from, e) - from]);
                }
              scanner_advance (s);
              break;

            case 'u':
              {
                int hi;

                scanner_advance (s);
                hi = scanner_read_hex4 (s);
                if (hi < 0)
                  {
                    scanner_error (s, esc_line, esc_col,
                                   "the escape \\u must be followed by exactly four hexadecimal "
                                   "digits (such as \\u00e9)");
                    return FALSE;
                  }
                if (hi == 0)
                  {
                    scanner_error (s, esc_line, esc_col,
                                   "the escape \\u0000 (a NUL character) is not allowed in "
                                   "content files");
                    return FALSE;
                  }
                if (hi >= 0xDC00 && hi <= 0xDFFF)
                  {
                    scanner_error (s, esc_line, esc_col,
                                   "the escape \\u%04X is the second half of a surrogate pair "
                                   "without a first half; write the character itself instead",
                                   (guint) hi);
                    return FALSE;
                  }
                if (hi >= 0xD800 && hi <= 0xDBFF)
                  {
                    int lo = -1;

                    if (s->len - s->pos >= 2 &&
                        s->data[s->pos] == '\\' && s->data[s->pos + 1] == 'u')
                      {
                        s->pos += 2;
                        s->col += 2;
                        lo = scanner_read_hex4 (s);
                      }
                    if (lo < 0xDC00 || lo > 0xDFFF)
                      {
                        scanner_error (s, esc_line, esc_col,
                                       "the escape \\u%04X is the first half of a surrogate "
                                       "pair but the second half does not follow; write the "
                                       "character itself instead", (guint) hi);
                        return FALSE;
                      }
                    hi = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                  }
                if (value != NULL)
                  g_string_append_unichar (value, (gunichar) hi);
              }
              break;

            default:
              {
                g_autofree char *what = scanner_describe_char (s);

                scanner_error (s, esc_line, esc_col,
                               "unknown escape: a backslash followed by %s; allowed escapes are "
                               "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write a "
                               "backslash itself as \\\\)", what);
                return FALSE;
              }
            }
          continue;
        }

      {
        gsize before = s->pos;

        scanner_advance (s);
        if (value != NULL)
          g_string_append_len (value, s->data + before, s->pos - before);
      }
    }
}

/* The cursor is on '-' or a digit. */
static gboolean
scanner_number (Scanner *s)
{
  guint line = s->line;
  guint col = s->col;
  gsize start = s->pos;
  gboolean ok = TRUE;

  if (scanner_peek (s) == '-')
    scanner_advance (s);

  if (scanner_peek (s) == '0')
    scanner_advance (s);
  else if (g_ascii_isdigit (scanner_peek (s)))
    {
      while (g_ascii_isdigit (scanner_peek (s)))
        scanner_advance (s);
    }
  else
    ok = FALSE;

  if (ok && scanner_peek (s) == '.')
    {
      scanner_advance (s);
      if (!g_ascii_isdigit (scanner_peek (s)))
        ok = FALSE;
      while (g_ascii_isdigit (scanner_peek (s)))
        scanner_advance (s);
    }

  if (ok && (scanner_peek (s) == 'e' || scanner_peek (s) == 'E'))
    {
      scanner_advance (s);
      if (scanner_peek (s) == '+' || scanner_peek (s) == '-')
        scanner_advance (s);
      if (!g_ascii_isdigit (scanner_peek (s)))
        ok = FALSE;
      while (g_ascii_isdigit (scanner_peek (s)))
        scanner_advance (s);
    }

  if (ok && !scanner_eof (s) && is_word_char (scanner_peek (s)))
    ok = FALSE;

  if (!ok)
    {
      g_autofree char *text = NULL;

      while (!scanner_eof (s) && is_word_char (scanner_peek (s)))
        scanner_advance (s);
      text = g_strndup (s->data + start, MIN (s->pos - start, 40));
      scanner_error (s, line, col,
                     "“%s” is not a valid number (write numbers like 1, -2 or 0.5, "
                     "without leading zeros or a leading +)", text);
    }

  return ok;
}

/* The cursor is on a letter: only true, false and null are allowed. */
static gboolean
scanner_word (Scanner *s)
{
  guint line = s->line;
  guint col = s->col;
  gsize start = s->pos;
  g_autofree char *word = NULL;

  while (!scanner_eof (s) && is_word_char (scanner_peek (s)))
    scanner_advance (s);

  word = g_strndup (s->data + start, s->pos - start);
  if (g_str_equal (word, "true") || g_str_equal (word, "false") || g_str_equal (word, "null"))
    return TRUE;

  if (strlen (word) > 40)
    word[40] = '\0';

  scanner_error (s, line, col,
                 "the bare word “%s” is not allowed; put text in double quotes "
                 "(\"%s\"); only true, false and null may be written without them",
                 word, word);
  return FALSE;
}

static const char *
describe_unexpected (guchar c)
{
  switch (c)
    {
    case '/':
      return "comments (// or /* */) are not allowed in JSON; remove the comment";
    case '\'':
      return "strings must be in double quotes (\"), not single quotes (')";
    default:
      return NULL;
    }
}

static void
scanner_unexpected (Scanner    *s,
                    const char *expected)
{
  const char *special = describe_unexpected (scanner_peek (s));
  g_autofree char *what = NULL;

  if (special != NULL)
    {
      scanner_error (s, s->line, s->col, "%s", special);
      return;
    }

  what = scanner_describe_char (s);
  scanner_error (s, s->line, s->col, "%s was found where %s was expected", what, expected);
}

static gboolean
scanner_run (Scanner *s)
{
  Level stack[GMA_JSON_MAX_DEPTH];
  guint depth = 0;
  State state = STATE_VALUE;
  gboolean ok = FALSE;

  scanner_skip_space (s);
  if (scanner_eof (s))
    {
      scanner_error (s, s->line, s->col,
                     s->len == 0
                       ? "the file is empty; it must hold one JSON object ({ … })"
                       : "the file holds only white space; it must hold one JSON object ({ … })");
      return FALSE;
    }

  /* The root must be an object. */
  if (scanner_peek (s) != '{' && describe_unexpected (scanner_peek (s)) == NULL)
    {
      guchar c = scanner_peek (s);
      const char *what;

      if (c == '[')
        what = "an array";
      else if (c == '"')
        what = "a string";
      else if (c == '-' || g_ascii_isdigit (c))
        what = "a number";
      else
        what = NULL;

      if (what != NULL)
        scanner_error (s, s->line, s->col,
                       "the file holds %s; it must hold one JSON object ({ … })", what);
      else
        scanner_unexpected (s, "the opening { of the file's object");
      return FALSE;
    }

  for (;;)
    {
      guchar c;

      scanner_skip_space (s);

      if (scanner_eof (s))
        {
          if (state == STATE_DONE)
            {
              ok = TRUE;
              break;
            }

          g_assert (depth > 0);
          scanner_error (s, s->line, s->col,
                         "the file ends before the %s opened at %u:%u is closed with “%c”; "
                         "is the file truncated?",
                         stack[depth - 1].kind == '{' ? "object" : "array",
                         stack[depth - 1].line, stack[depth - 1].col,
                         stack[depth - 1].kind == '{' ? '}' : ']');
          break;
        }

      c = scanner_peek (s);

      switch (state)
        {
        case STATE_DONE:
          if (describe_unexpected (c) != NULL)
            scanner_unexpected (s, "the end of the file");
          else
            scanner_error (s, s->line, s->col,
                           "a second JSON value starts here; a file must hold exactly one object");
          goto out;

        case STATE_COLON:
          if (c != ':')
            {
              scanner_unexpected (s, "a colon (:) after the member name");
              goto out;
            }
          scanner_advance (s);
          state = STATE_VALUE;
          continue;

        case STATE_FIRST_KEY:
        case STATE_KEY:
          if (c == '"')
            {
              guint key_line = s->line;
              guint key_col = s->col;
              char *key = NULL;
              Level *level = &stack[depth - 1];

              if (!scanner_string (s, &key))
                goto out;

              if (level->keys == NULL)
                level->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

              if (g_hash_table_contains (level->keys, key))
                {
                  scanner_error (s, key_line, key_col,
                                 "the member “%s” appears twice in the object opened at "
                                 "%u:%u; each name may appear only once",
                                 key, level->line, level->col);
                  g_free (key);
                  goto out;
                }
              g_hash_table_add (level->keys, key);
              state = STATE_COLON;
              continue;
            }
          if (c == '}' && state == STATE_FIRST_KEY)
            goto close;
          if (c == '}')
            {
              scanner_error (s, s->line, s->col,
                             "a comma before “}” is not allowed (trailing comma); remove the "
                             "last comma");
              goto out;
            }
          scanner_unexpected (s, "a member name in double quotes");
          goto out;

        case STATE_AFTER_VALUE:
          {
            Level *level = &stack[depth - 1];
            char close_char = level->kind == '{' ? '}' : ']';

            if (c == ',')
              {
                scanner_advance (s);
                state = level->kind == '{' ? STATE_KEY : STATE_NEXT_VALUE;
                continue;
              }
            if (c == (guchar) close_char)
              goto close;
            if (c == '}' || c == ']')
              {
                scanner_error (s, s->line, s->col,
                               "“%c” does not match the %s opened at %u:%u; close it with “%c”",
                               c, level->kind == '{' ? "object" : "array",
                               level->line, level->col, close_char);
                goto out;
              }
            if (level->kind == '{')
              scanner_unexpected (s, "a comma (,) or the “}” closing the object");
            else
              scanner_unexpected (s, "a comma (,) or the “]” closing the array");
            goto out;
          }

        case STATE_FIRST_VALUE:
        case STATE_NEXT_VALUE:
        case STATE_VALUE:
          if (c == ']' && state == STATE_FIRST_VALUE)
            goto close;
          if (c == ']' && state == STATE_NEXT_VALUE)
            {
              scanner_error (s, s->line, s->col,
                             "a comma before “]” is not allowed (trailing comma); remove the "
                             "last comma");
              goto out;
            }

          if (c == '{' || c == '[')
            {
              if (depth >= GMA_JSON_MAX_DEPTH)
                {
                  scanner_error (s, s->line, s->col,
                                 "the objects and arrays are nested more than %d levels deep "
                                 "here; content files never need that many",
                                 GMA_JSON_MAX_DEPTH);
                  goto out;
                }
              stack[depth].kind = (char) c;
              stack[depth].line = s->line;
              stack[depth].col = s->col;
              stack[depth].keys = NULL;
              depth++;
              scanner_advance (s);
              state = c == '{' ? STATE_FIRST_KEY : STATE_FIRST_VALUE;
              continue;
            }

          if (c == '"')
            {
              if (!scanner_string (s, NULL))
                goto out;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scanner_number (s))
                goto out;
            }
          else if (g_ascii_isalpha (c))
            {
              if (!scanner_word (s))
                goto out;
            }
          else
            {
              scanner_unexpected (s, "a value");
              goto out;
            }

          state = STATE_AFTER_VALUE;
          continue;

        default:
          g_assert_not_reached ();
        }

    close:
      scanner_advance (s);
      depth--;
      g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
      state = depth == 0 ? STATE_DONE : STATE_AFTER_VALUE;
    }

out:
  while (depth > 0)
    {
      depth--;
      g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
    }

  return ok;
}

/* Line and column (in characters) of byte @offset. */
static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *col)
{
  const char *p = data;
  const char *end = data + offset;

  *line = 1;
  *col = 1;

  while (p < end)
    {
      if (*p == '\n')
        {
          (*line)++;
          *col = 1;
          p++;
        }
      else
        {
          p = g_utf8_next_char (p);
          (*col)++;
        }
    }
}

JsonNode *
gma_json_load (GBytes      *bytes,
               const char  *file,
               GmaProblems *problems)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  const char *bad = NULL;
  gsize len;
  Scanner s;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  if (len > GMA_JSON_MAX_SIZE)
    {
      gma_problems_add (problems, file, NULL,
                        "the file is %" G_GSIZE_FORMAT " bytes long; content files may be at "
                        "most %d bytes", len, GMA_JSON_MAX_SIZE);
      return NULL;
    }

  if (!g_utf8_validate_len (data, len, &bad))
    {
      guint line, col;
      g_autofree char *place = NULL;

      position_of (data, bad - data, &line, &col);
      place = g_strdup_printf ("%u:%u", line, col);
      if (*bad == '\0')
        gma_problems_add (problems, file, place,
                          "the file contains a NUL byte; save it as UTF-8 text");
      else
        gma_problems_add (problems, file, place,
                          "the byte 0x%02X is not valid UTF-8; save the file with the UTF-8 "
                          "encoding (not Shift_JIS or another encoding)", (guchar) *bad);
      return NULL;
    }

  /* A UTF-8 byte order mark is tolerated (some editors write one). */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  s.data = data;
  s.len = len;
  s.pos = 0;
  s.line = 1;
  s.col = 1;
  s.file = file;
  s.problems = problems;

  if (!scanner_run (&s))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &error))
    {
      /* Not expected after the scanner's checks. */
      gma_problems_add (problems, file, NULL, "%s", error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      gma_problems_add (problems, file, "1:1",
                        "the file must hold one JSON object ({ … })");
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}
