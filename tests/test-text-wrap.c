/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text-wrap.c: Japanese line breaking with kinsoku (gma-text-wrap.c),
 * as the flow diagram's boxes and answer labels use it */

#define G_LOG_DOMAIN "gma-test-text-wrap"

#include "config.h"

#include <string.h>

#include "gma-text-wrap.h"

/* Texts of the guide's flow (titles, short titles, answer labels) and a
 * few harder ones. */
static const char * const texts[] = {
  "メールボックスの空き容量が不足していた場合",
  "迷惑メールフォルダにメールがあった場合",
  "「パスワードをお忘れですか？」から再設定してください。",
  "info@g-mis.net からのメールが届かない",
  "アカウント発行通知メールに記載されるURLから、「初期パスワード設定」を行ってください",
  "既存のアカウントが無いにも関わらず、アカウント発行通知メールが届かない",
  "ご利用のブラウザのキャッシュを削除する",
  "10月23日（月）の事前連絡メール",
  "G-MISにログインできない（ＩＤが分からない）。",
  "Check that the mailbox has free space left",
};

/* Characters a line may not start with, and may not end with. */
static const char closing[] = "、。，．・ー）」』】〕〉》！？：；ぁぃぅぇぉっゃゅょァィゥェォッャュョ…),.:;!?]}";
static const char opening[] = "（「『【〔〈《([{";

static gboolean
is_one_of (gunichar    c,
           const char *set)
{
  return c != 0 && g_utf8_strchr (set, -1, c) != NULL;
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The width of a line as the wrapper measures it: a run of spaces is
 * 0.35 (gma_text_wrap_units() counts each space as an ASCII character). */
static double
line_units (const char *line)
{
  g_autofree char *letters = without_spaces (line);
  guint runs = 0;

  for (const char *p = line; *p; p++)
    if (*p == ' ' && p[1] != ' ')
      runs++;
  return gma_text_wrap_units (letters) + 0.35 * runs;
}

/* Whether @line is one unbreakable run of ASCII ("info@g-mis.net"),
 * which may be wider than the width. */
static gboolean
is_one_piece (const char *line)
{
  return strchr (line, ' ') == NULL && g_ascii_isalnum (line[0]) &&
         g_utf8_strlen (line, -1) == (glong) strlen (line);
}

static char *
joined (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = without_spaces (g_ptr_array_index (lines, i));

      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static void
assert_lines (const char         *text,
              double              max_units,
              guint               max_lines,
              const char * const *expected)
{
  g_autoptr(GPtrArray) lines = gma_text_wrap (text, max_units, max_lines);

  for (guint i = 0; i < lines->len || expected[i] != NULL; i++)
    if (i >= lines->len || expected[i] == NULL ||
        strcmp (g_ptr_array_index (lines, i), expected[i]) != 0)
      {
        g_autofree char *got = NULL;

        g_ptr_array_add (lines, NULL);
        got = g_strjoinv ("|", (char **) lines->pdata);
        g_error ("“%s” in %g units: expected “%s”, got “%s”", text, max_units,
                 g_strjoinv ("|", (char **) expected), got);
      }
}

static void
test_units (void)
{
  g_assert_cmpfloat_with_epsilon (gma_text_wrap_units (""), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gma_text_wrap_units ("あ"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gma_text_wrap_units ("URL"), 3 * 0.55, 1e-9);
  g_assert_cmpfloat_with_epsilon (gma_text_wrap_units ("ﾛｸﾞｲﾝ"), 5 * 0.55, 1e-9);
  g_assert_cmpfloat_with_epsilon (gma_text_wrap_units ("ログインＩＤ"), 6.0, 1e-9);
}

static void
test_empty (void)
{
  const char * const blanks[] = { "", "   ", " \t " };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GPtrArray) lines = gma_text_wrap (blanks[i], 10.0, 3);

      g_assert_cmpuint (lines->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "");
    }
}

/* Where the breaks fall: after particles and punctuation, not inside a
 * katakana word, and ご stays with its word. */
static void
test_phrases (void)
{
  const char * const short_one[] = { "空き容量が不足", NULL };
  const char * const mailbox[] = { "メールボックスの", "空き容量が", "不足していた場合", NULL };
  const char * const spam[] = { "迷惑メールフォルダに", "メールがあった場合", NULL };
  const char * const existing[] = {
    "既存のアカウントが", "無いにも関わらず、", "アカウント発行通知", "メールが届かない", NULL
  };
  const char * const cache[] = { "ご利用のブラウザの", "キャッシュを削除する", NULL };
  const char * const english[] = { "Check that the", "mailbox has", "free space left", NULL };

  assert_lines ("空き容量が不足", 10.0, 3, short_one);
  assert_lines (texts[0], 10.0, 5, mailbox);
  assert_lines (texts[1], 10.0, 5, spam);
  assert_lines (texts[5], 10.0, 5, existing);
  assert_lines (texts[6], 10.0, 5, cache);
  assert_lines (texts[9], 10.0, 5, english);
}

/* For every text and many widths: no line starts with closing
 * punctuation or ends with an opening bracket, a run such as
 * "info@g-mis.net" is never cut, nothing is lost, and lines fit. */
static void
test_kinsoku (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double max_units = 4.0; max_units <= 14.0; max_units += 0.5)
      {
        g_autoptr(GPtrArray) lines = gma_text_wrap (texts[t], max_units, 20);
        g_autofree char *all = joined (lines);
        g_autofree char *expected = without_spaces (texts[t]);

        g_assert_cmpstr (all, ==, expected);
        for (guint i = 0; i < lines->len; i++)
          {
            const char *line = g_ptr_array_index (lines, i);
            const char *last = g_utf8_find_prev_char (line, line + strlen (line));

            g_assert_cmpuint (strlen (line), >, 0);
            if (i > 0 && is_one_of (g_utf8_get_char (line), closing))
              g_error ("“%s” in %g units: line %u “%s” starts with closing punctuation",
                       texts[t], max_units, i, line);
            if (i + 1 < lines->len && is_one_of (g_utf8_get_char (last), opening))
              g_error ("“%s” in %g units: line %u “%s” ends with an opening bracket",
                       texts[t], max_units, i, line);
            if (!is_one_piece (line) && line_units (line) > max_units + 0.01)
              g_error ("“%s” in %g units: line %u “%s” is %g units wide",
                       texts[t], max_units, i, line, line_units (line));
          }

        if (strstr (texts[t], "info@g-mis.net") != NULL)
          {
            gboolean whole = FALSE;

            for (guint i = 0; i < lines->len; i++)
              whole |= strstr (g_ptr_array_index (lines, i), "info@g-mis.net") != NULL;
            g_assert_true (whole);
          }
      }
}

/* A text that does not fit in its lines is cut, its last line ending
 * with "…", every line within the width. */
static void
test_too_long (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GPtrArray) lines = gma_text_wrap (texts[t], 5.0, 2);
      g_autoptr(GPtrArray) roomy = gma_text_wrap (texts[t], 5.0, 20);
      const char *last;

      g_assert_cmpuint (lines->len, <=, 2);
      if (roomy->len <= 2)
        continue;

      g_assert_cmpuint (lines->len, ==, 2);
      last = g_ptr_array_index (lines, 1);
      g_assert_true (g_str_has_suffix (last, "…"));
      for (guint i = 0; i < lines->len; i++)
        if (!is_one_piece (g_ptr_array_index (lines, i)))
          g_assert_cmpfloat (line_units (g_ptr_array_index (lines, i)), <=, 5.0 + 0.01);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-wrap/units", test_units);
  g_test_add_func ("/text-wrap/empty", test_empty);
  g_test_add_func ("/text-wrap/phrases", test_phrases);
  g_test_add_func ("/text-wrap/kinsoku", test_kinsoku);
  g_test_add_func ("/text-wrap/too-long", test_too_long);

  return g_test_run ();
}
