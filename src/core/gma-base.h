/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-base.h: what every file of the core shares. It includes nothing
 * of the project, so that any core file may include it:
 *
 *   - GmaProblems, the list of problems a validator reports, one line
 *     each ("FILE:PLACE: reason"), and GMA_CONTENT_ERROR, the error they
 *     become;
 *   - the size limits of a content set's files;
 *   - the rules for a path inside a set and for the ids of flow nodes
 *     and FAQ entries;
 *   - the app's own URI scheme, "gma:", and its fixed addresses, and
 *     the resources (the embedded content set, the page template and
 *     style sheets) they are served from.
 *
 * The layers above it: gma-json, gma-content-open (reading an override's
 * files), gma-svg-check (its pictures) ← gma-flow, gma-faq ← gma-content ←
 * gma-search, gma-render, gma-router (tests/validate/check-include-graph.py
 * keeps the include graph of src/core free of circles).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- problems and the content error ---- */

#define GMA_CONTENT_ERROR (gma_content_error_quark ())
typedef enum {
  GMA_CONTENT_ERROR_INVALID,    /* one line per problem in the message */
  GMA_CONTENT_ERROR_NOT_FOUND,  /* a file asked for is not in the set */
} GmaContentError;
GQuark gma_content_error_quark (void);

/* A list of problems, each a full line: "FILE:PLACE: reason".
 * It is a GPtrArray of strings owned by the array. */
typedef GPtrArray GmaProblems;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GmaProblems, g_ptr_array_unref)

GmaProblems *gma_problems_new      (void);
/* Appends "FILE:PLACE: reason" (PLACE a line:column), "FILE: PLACE:
 * reason" (PLACE a JSON path, "$…") or "FILE: reason" (PLACE NULL or
 * empty). Control characters of the reason (a quoted value may hold a
 * line break) are written as escapes, so that a problem is one line. */
void         gma_problems_add      (GmaProblems *problems,
                                    const char  *file,
                                    const char  *place,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (4, 5);
/* Joins all problems with "\n" into a GError (domain GMA_CONTENT_ERROR,
 * code GMA_CONTENT_ERROR_INVALID). Returns FALSE and sets @error when
 * there is at least one problem, TRUE otherwise. */
gboolean     gma_problems_to_error (GmaProblems *problems,
                                    GError     **error);

/* ---- size limits ---- */

/* flow.json and faq.json, each; checked before parsing, with the depth. */
#define GMA_JSON_MAX_SIZE  (2 * 1024 * 1024)  /* bytes */
#define GMA_JSON_MAX_DEPTH 32
/* A page body, pages/….html. */
#define GMA_CONTENT_MAX_PAGE_SIZE  (2 * 1024 * 1024)  /* bytes */
/* Any other file of a set (the illustrations pages link to). */
#define GMA_CONTENT_MAX_IMAGE_SIZE (4 * 1024 * 1024)  /* bytes */

/* ---- paths and ids ---- */

/* Whether @path is a plain relative path inside a set: valid UTF-8, no
 * leading "/", no "..", "." or empty segments, no backslash, colon or
 * control character. The one rule for every path of a set: flow.json's
 * pages, links in pages, gma_content_load_file(). */
gboolean     gma_content_path_is_safe   (const char *path);
/* Whether @id is a valid node id: ASCII letters, digits and '-'. */
gboolean     gma_flow_id_is_valid       (const char *id);
/* Whether @id has the form of an FAQ entry's id: "faq-<category>-<number>",
 * the category ASCII letters and digits, the number digits. */
gboolean     gma_faq_id_is_valid        (const char *id);
/* Whether @id is a valid FAQ category id: ASCII letters and digits. */
gboolean     gma_faq_category_id_is_valid (const char *id);

/* ---- the app's URI scheme ---- */

#define GMA_URI_SCHEME "gma"
/* 「全体の流れ」, the whole flow as a picture, and its style sheet */
#define GMA_FLOW_URI GMA_URI_SCHEME "://app/flow"
#define GMA_FLOW_STYLE_URI GMA_URI_SCHEME "://app/flow-diagram.css"

/* Registers the embedded content and web resources (the page template,
 * the style sheets) with GIO; called by gma_content_new_embedded() and
 * by whatever reads a resource, safe to call any number of times from
 * any thread. Call this, never the generated
 * gma_content_register_resource(), which must run only once. */
void         gma_content_register_resources (void);

G_END_DECLS
