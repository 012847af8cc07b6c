/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-private.h: what the files of GmaContent share:
 *
 *   gma-content.c            the set: loading it whole, its parts
 *   gma-content-files.c      its files and their policy
 *   gma-content-pages.c      the checks of its pages and cross-references
 *   gma-content-languages.c  its languages
 *   gma-content-mail.c       its mail.json (optional), for the mail checker
 */
#pragma once

#include "gma-content.h"

G_BEGIN_DECLS

struct _GmaContent
{
  GObject   parent_instance;

  /* Owned */
  GFile    *root;
  int       dir_fd;    /* @root opened once (gma-content-open.h), or -1: a resource */
  char     *dir_name;  /* @root's path, for messages */
  GmaFlow  *flow;
  GmaFaq   *faq;
  GmaMailFacts *mail;  /* NULL: the set has no mail.json */
  gboolean  embedded;
  const char *language;          /* "ja" or "en": what texts and pages are in */
  GmaProblems *english_missing;  /* why English is not available; empty when it is */
};

/* ---- gma-content-files.c ---- */

/* The size limit of a file of the set, by its path. */
gsize       _gma_content_file_max_size (const char  *path);
/* Reads the file @path of the set. In a directory, each file is opened
 * once, beneath the directory and without following a link: a link
 * anywhere is refused, since it could lead out of the set (to /etc/passwd,
 * say) whatever the path's text, and what was checked is what is read
 * (gma-content-open.h, with its errors, all in G_IO_ERROR).
 * (@root itself was opened once, so an administrator may give the set's
 * directory through a link.) */
GBytes     *_gma_content_load_bytes    (GmaContent  *self,
                                        const char  *path,
                                        gsize        max_size,
                                        GError     **error);
/* Reads @path for the validation; on failure appends a problem naming
 * @path. */
GBytes     *_gma_content_read_file     (GmaContent  *self,
                                        const char  *path,
                                        GmaProblems *problems);

/* ---- gma-content-pages.c ---- */

/* Reads and checks the page @page; returns its text when it could be
 * read and is UTF-8. A missing file is not reported but sets @missing:
 * the caller says where the page was asked for. */
char       *_gma_content_check_page    (GmaContent  *self,
                                        const char  *page,
                                        GHashTable  *files_checked,
                                        gboolean    *missing,
                                        GmaProblems *problems);
/* Checks what flow.json and faq.json name in each other and in the
 * pages, and every page. @page_texts receives each page of the flow
 * (keys are the flow's own strings) with its text, or NULL when it could
 * not be read, for _gma_content_check_translated_pages(). */
void        _gma_content_check_cross_references (GmaContent  *self,
                                                 GHashTable  *page_texts,
                                                 GmaProblems *problems);
/* What a page links to, shows and marks: each link target, picture and
 * contact marker (counted under GMA_CONTACT_MARKER: a tag with its class,
 * as the renderer finds them) with how often it occurs. */
GHashTable *_gma_content_page_targets  (const char  *text);

/* ---- gma-content-languages.c ---- */

/* The language @languages asks for: the first one the app knows; NULL
 * follows the locale. */
const char *_gma_content_choose_language (const char * const *languages);
/* The language a set is shown in when @wanted ("ja" or "en") is asked
 * for: English only when the set is complete in it, that is when
 * @english_missing (the gaps found so far) is empty; Japanese otherwise. */
const char *_gma_content_language_to_show (const char  *wanted,
                                           GmaProblems *english_missing);
/* Where the translation of the page body @page ("pages/remedy-1.html")
 * lives: "pages/en/remedy-1.html" for "en"; @page itself for "ja". Every
 * page of a flow is under pages/ (gma-flow.c refuses any other). */
char       *_gma_content_translated_page_path (const char *page,
                                               const char *language);
/* Every language map of @node (an object with a "ja" member, anywhere in
 * the file) must have a non-empty "en" of the same kind: a text for a
 * text, a list of words for a list. Each one that lacks it is added to
 * @missing under its JSON path. The Japanese itself is checked by the
 * parsers. */
void        _gma_content_check_json_translation (JsonNode    *node,
                                                 const char  *file,
                                                 const char  *path,
                                                 GmaProblems *missing);
/* Every page of the flow must have its English page (the same name
 * under pages/en/), valid by the same rules, with the same links,
 * pictures and contact markers as its Japanese page, whose text
 * @page_texts holds (see _gma_content_check_cross_references()). */
void        _gma_content_check_translated_pages (GmaContent  *self,
                                                 GHashTable  *page_texts,
                                                 GmaProblems *missing);

/* ---- gma-content-mail.c: mail.json, the mail checker's file of a set
 * (gma-mail-facts.h). A set may have none: an override made before the
 * checker existed stays valid, and has no checker. ---- */

#define GMA_CONTENT_MAIL_FILE "mail.json"

/* mail.json of @content, checked as JSON (gma_json_load()); NULL when
 * the set has none, or after appending a problem when it cannot be read
 * or is no JSON. */
JsonNode     *gma_content_mail_read  (GmaContent  *content,
                                      GmaProblems *problems);
/* Its facts in @language, validated against @flow; NULL after appending
 * problems. */
GmaMailFacts *gma_content_mail_parse (JsonNode    *json,
                                      const char  *language,
                                      GmaFlow     *flow,
                                      GmaProblems *problems);

G_END_DECLS
