/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-highlight.h: marking a search's matches in a page's HTML.
 *
 * The window opens a search hit as "gma://faq/<id>?q=<query>" or
 * "gma://page/<id>?q=<query>"; the page is rendered as usual and its body
 * (an HTML fragment) is then passed through gma_highlight_html(), which
 * wraps the places the query matches in <mark>.
 *
 * The match is the search's own (gma-search.h): the fragment's text, as
 * gma_html_to_text() gives it to the search index, is indexed as the
 * body of a one-entry index, with the entry's title and keywords beside
 * it, and the body ranges of the hit are what is marked. So what is
 * highlighted in the page is what the search list highlights in a
 * snippet, whatever NFKC, kana folding or a near miss did to the query.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Marks with <mark>…</mark> the places of @html's text where @query
 * matches, for an entry with @title (may be NULL), @keywords (may be
 * NULL) and the text of @html as its body. Only text tokens are marked
 * (gma-html.h): tags, comments and raw text (<script>, <style>…) are
 * copied as they are, references are never split, and a match that
 * spans several elements is marked piece by piece, one <mark> per run of
 * text, so that the result is as well formed as @html. Returns a new string: a copy of
 * @html when @query is NULL, has no words or does not match the body. */
char *gma_highlight_html (const char         *html,
                          const char         *title,
                          const char * const *keywords,
                          const char         *query);

G_END_DECLS
