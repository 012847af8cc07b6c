/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content.h: one content set (flow, FAQ, page bodies, illustrations),
 * loaded and validated whole, from the embedded GResource or from an
 * administrator's override directory with the same layout:
 *
 *   flow.json  faq.json  pages/NAME.html  illustrations/NAME.svg
 *   mail.json  (optional: what the mail checker knows)
 *
 * Every file is checked when the set is loaded, and again each time it
 * is read with gma_content_load_file(), with the same limits:
 *   flow.json, faq.json   at most GMA_JSON_MAX_SIZE (2 MiB) each;
 *   pages/…               at most GMA_CONTENT_MAX_PAGE_SIZE (2 MiB) each;
 *   anything else (the illustrations pages link to with
 *   gma://content/PATH)  at most GMA_CONTENT_MAX_IMAGE_SIZE (4 MiB) each.
 * In an override directory every file must be a regular file of the
 * directory itself: a symbolic link, to a file or to a folder, is
 * refused (the directory itself may be named through a link). The
 * directory is opened once, when the set is loaded, and each file below
 * it, each time it is read, without following links (gma-content-open.h).
 * Every SVG picture a page shows is checked (gma-svg-check.h) at load
 * and each time it is read. The limits and the path rule are gma-base.h's.
 */
#pragma once

#include <gio/gio.h>

#include "gma-base.h"
#include "gma-faq.h"
#include "gma-flow.h"
#include "gma-mail-facts.h"

G_BEGIN_DECLS

#define GMA_TYPE_CONTENT (gma_content_get_type ())
G_DECLARE_FINAL_TYPE (GmaContent, gma_content, GMA, CONTENT, GObject)

/* Loads the set rooted at @root (a directory, or a resource:// URI).
 * Either everything is valid, or NULL is returned and @error's message
 * holds every problem found, one per line, each as "FILE:PLACE: reason"
 * (PLACE is line:column for syntax errors, a JSON path otherwise; a
 * picture's is its line). When the directory itself cannot be used, the
 * one line names it: "DIR: the directory does not exist".
 *
 * Languages: Japanese is required and authoritative. @languages lists
 * the wanted language first ("en", "ja", or locale names such as
 * "en_US.UTF-8"; the first one that is Japanese or English counts;
 * NULL: gma_content_language_from_locale()). The set's texts and pages
 * are in English only when the set has a complete English translation
 * (gma_content_has_language()); otherwise they are in Japanese, and an
 * incomplete translation is not an error. */
GmaContent  *gma_content_new            (GFile              *root,
                                         const char * const *languages,
                                         GError            **error);
GmaContent  *gma_content_new_embedded   (GError            **error);
GmaContent  *gma_content_new_embedded_full (const char * const *languages,
                                         GError            **error);
/* Loads the content set: the override directory @directory when it is
 * non-empty, otherwise (or when the override is invalid) the embedded set.
 * @language: "ja", "en", or NULL for the locale's.
 * When the override is refused, @override_error receives every problem.
 * Returns NULL only if the embedded set itself is broken. The program's
 * one way to load a set (the window, the command line). */
GmaContent  *gma_content_load           (const char       *directory,
                                         const char       *language,
                                         char            **override_error,
                                         GError          **error);

/* The same set as @self (embedded, or the same directory), loaded again
 * in @language; as gma_content_new() it may come back in Japanese. */
GmaContent  *gma_content_new_for_language (GmaContent       *self,
                                         const char       *language,
                                         GError          **error);

GFile       *gma_content_get_root       (GmaContent *self);
gboolean     gma_content_is_embedded    (GmaContent *self);
GmaFlow     *gma_content_get_flow       (GmaContent *self);
GmaFaq      *gma_content_get_faq        (GmaContent *self);
/* What a page id names: see gma_content_resolve(). */
typedef enum {
  GMA_PAGE_NONE,   /* nothing of the set */
  GMA_PAGE_NODE,   /* a node of the flow ("remedy-3") */
  GMA_PAGE_FAQ,    /* an entry of the FAQ ("faq-3-1") */
} GmaPageKind;

/* Resolves a page id once, for whoever shows or serves the page (the
 * router, the window, the sidebar, --page): the ids of a valid set name
 * one page each (a node may not have an FAQ entry's id). @node and
 * @entry (both optional, borrowed) receive the node or the entry, NULL
 * otherwise. */
GmaPageKind  gma_content_resolve        (GmaContent     *self,
                                         const char     *id,
                                         const GmaNode **node,
                                         GmaFaqEntry   **entry);
/* What the mail checker knows (mail.json), or NULL when the set has no
 * mail.json: it then has no mail checker. */
GmaMailFacts *gma_content_get_mail_facts (GmaContent *self);
/* Which year's guidance the set describes ("令和5年度（2023年11月）"). */
const char  *gma_content_get_edition    (GmaContent *self);
/* The title of the guide the set is drawn from. */
const char  *gma_content_get_source     (GmaContent *self);

/* The content language from the locale: "en" when the first language
 * of g_get_language_names() is English, "ja" for anything else (the
 * guide is Japanese and so is its audience). */
const char  *gma_content_language_from_locale (void);
/* "ja" or "en" for a language or locale name of either ("en_GB.UTF-8"),
 * NULL for any other. */
const char  *gma_content_language_from_name (const char *name);

/* The language the set's texts and pages are shown in: "ja" or "en". */
const char  *gma_content_get_language   (GmaContent *self);
/* Whether the set is complete in @language: every text of flow.json and
 * faq.json has it, and every page has its translated page (the English
 * of "pages/remedy-1.html" is "pages/en/remedy-1.html"), valid, with the
 * same links, pictures and contact markers (<div class="gma-contact"></div>)
 * as the Japanese page. Always TRUE for "ja". */
gboolean     gma_content_has_language   (GmaContent *self,
                                         const char *language);
/* NULL when gma_content_has_language(); otherwise why not: one line per
 * gap, "FILE:PLACE: reason", as the validation's errors. */
char        *gma_content_explain_missing_language (GmaContent *self,
                                                   const char *language);
/* The page body of @node in the set's language, or NULL if it has none. */
char        *gma_content_get_page_path  (GmaContent    *self,
                                         const GmaNode *node);

/* Reads a file of the set by its relative path ("pages/start.html",
 * "illustrations/outlook-1.svg"). Paths that leave the set ("..",
 * absolute), name no file or a symbolic link fail with
 * GMA_CONTENT_ERROR_NOT_FOUND; a file over its size limit (above), or an
 * SVG picture of an override that fails gma_svg_check(), with
 * GMA_CONTENT_ERROR_INVALID.
 * @content_type (optional) receives a MIME type guessed from the name. */
GBytes      *gma_content_load_file      (GmaContent  *self,
                                         const char  *path,
                                         char       **content_type,
                                         GError     **error);

G_END_DECLS
