/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-json.h: strict, bounded JSON loading for content files.
 *
 * json-glib 1.6 accepts comments, single quotes and several top-level
 * values, and recurses without limit (a deeply nested file crashes it).
 * gma_json_load() therefore checks the raw bytes first (size, UTF-8,
 * nesting depth, strict RFC 8259 syntax with line:column positions) and
 * only then hands them to json-glib (gma-json-strict.c).
 *
 * The typed getters (gma-json.c) read a member of an object and, when it
 * is missing or of the wrong type, append a problem naming the JSON path
 * ("flow.json: $.nodes[3].answers[0].next: …") to a GmaProblems list, so
 * that a validator can report every error in a file, not just the first.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gma-base.h"

G_BEGIN_DECLS

/* Checks and parses @bytes (the contents of @file, a name used in
 * messages such as "flow.json"). On failure appends problems and returns
 * NULL. The root must be an object. */
JsonNode    *gma_json_load         (GBytes      *bytes,
                                    const char  *file,
                                    GmaProblems *problems);

/* The root object of a content file, after checking that it is one and
 * that its "format" member is 1 (a problem is added otherwise; a wrong
 * format still returns the object, so that the rest is checked too).
 * NULL when the root is not an object. */
JsonObject  *gma_json_get_root_object (JsonNode   *root,
                                    const char  *file,
                                    GmaProblems *problems);

/* Path helpers: "$", "$.nodes", "$.nodes[3]" … (newly allocated) */
char        *gma_json_path_member  (const char  *parent,
                                    const char  *member);
char        *gma_json_path_index   (const char  *parent,
                                    guint        index);

/* Typed member access. Each returns NULL (or FALSE) and appends a
 * problem "FILE: PATH.member: reason" when the member is missing (unless
 * @optional) or has the wrong type. */
const char  *gma_json_get_string   (JsonObject  *object,
                                    const char  *member,
                                    gboolean     optional,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);
/* FALSE when missing (and @optional) or not a boolean. */
gboolean     gma_json_get_boolean  (JsonObject  *object,
                                    const char  *member,
                                    gboolean     optional,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);
JsonArray   *gma_json_get_array    (JsonObject  *object,
                                    const char  *member,
                                    gboolean     optional,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);
JsonObject  *gma_json_get_object   (JsonObject  *object,
                                    const char  *member,
                                    gboolean     optional,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);
/* Whether @node is a JSON string. */
gboolean     gma_json_node_is_string (JsonNode  *node);
/* Whether @text is empty or only white space, the ideographic space
 * (U+3000) of Japanese text included. */
gboolean     gma_json_text_is_blank (const char *text);

/* A language map {"ja": "…", "en": "…"}: "ja" is required and must be a
 * non-empty string; other members must be strings. Returns the string for
 * the first language of @languages present in the map (falling back to
 * "ja"), newly allocated, or NULL after appending a problem. */
char        *gma_json_get_text     (JsonObject  *object,
                                    const char  *member,
                                    gboolean     optional,
                                    const char * const *languages,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);
/* The same for a language map that is not a member (an array element):
 * @node is the map, @path its own path ("$.preface[0]"). */
char        *gma_json_text_from_node (JsonNode  *node,
                                    const char * const *languages,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);
/* A language map whose values are arrays of strings ({"ja": ["…"]}).
 * Returns a NULL-terminated vector (possibly empty) or NULL after a
 * problem. */
char       **gma_json_get_text_list (JsonObject *object,
                                    const char  *member,
                                    gboolean     optional,
                                    const char * const *languages,
                                    const char  *file,
                                    const char  *path,
                                    GmaProblems *problems);

G_END_DECLS
