/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-text-wrap.h: Japanese line breaking for short labels (the boxes
 * and answer labels of the flow diagram), without a font: widths are
 * counted in "full-width character" units, a Japanese character 1, an
 * ASCII or half-width katakana character 0.55, a run of spaces 0.35.
 *
 * The text is cut into unbreakable pieces (a run of ASCII letters and
 * digits with - _ @ . inside, such as "G-MIS" or "info@g-mis.net", is one
 * piece; every other character is a piece of its own) and broken between
 * them:
 *
 *   - kinsoku: a line never starts with closing punctuation, a small
 *     kana or the prolonged sound mark (、。」）ー っ ャ …), and does not
 *     end with an opening bracket (「（『 …);
 *   - the fewest lines first, then lines of even length and good break
 *     points: after punctuation or a space best, after a particle
 *     (hiragana before kanji or katakana) good, inside a katakana word
 *     or between kanji bad, and the honorific prefixes ご and お stay
 *     with the word after them;
 *   - a text that cannot be broken so in @max_lines lines is filled line
 *     by line instead (closing punctuation still never starts a line, an
 *     opening bracket goes to the next line with what follows it when
 *     they do not fit), and its last line is cut with "…".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The width of @text in full-width units (see above; here every space
 * counts as an ASCII character, 0.55). */
double     gma_text_wrap_units (const char *text);

/* @text in at most @max_lines lines of at most @max_units each (but a
 * single piece wider than that gets a line of its own, and closing
 * punctuation may stand out of a filled line), ASCII white space at
 * either end of a line dropped. Returns a new array of new strings, never
 * empty: an empty text is one empty line. */
GPtrArray *gma_text_wrap       (const char *text,
                                double      max_units,
                                guint       max_lines);

G_END_DECLS
