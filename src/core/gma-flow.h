/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow.h: the guide's flowchart as an immutable, validated graph. */
#pragma once

#include <gio/gio.h>
#include "gma-json.h"

G_BEGIN_DECLS

typedef enum {
  GMA_NODE_INTRO,
  GMA_NODE_QUESTION,
  GMA_NODE_RESULT,
} GmaNodeKind;

/* A node is owned by its flow and lives as long as the flow. */
typedef struct _GmaNode GmaNode;

#define GMA_TYPE_FLOW (gma_flow_get_type ())
G_DECLARE_FINAL_TYPE (GmaFlow, gma_flow, GMA, FLOW, GObject)

/* Parses and validates flow.json. Structural checks (types, unique ids,
 * answers' targets exist, acyclic, all nodes reachable from the start
 * node, every walk ends on a result, kinds consistent with answers) are
 * made here; checks that need other files (pages, FAQ ids) are made by
 * GmaContent. All problems are appended to @problems; returns NULL when
 * there was any. @languages: preferred languages, "ja" is the fallback. */
GmaFlow        *gma_flow_new_from_json    (JsonNode            *root,
                                           const char * const  *languages,
                                           const char          *file,
                                           GmaProblems         *problems);

const GmaNode  *gma_flow_get_start        (GmaFlow    *self);
const GmaNode  *gma_flow_lookup           (GmaFlow    *self,
                                           const char *id);
/* Nodes in file order. */
guint           gma_flow_get_n_nodes      (GmaFlow    *self);
const GmaNode  *gma_flow_get_node         (GmaFlow    *self,
                                           guint       index);
/* Graphviz DOT: one `"from" -> "to" [label="answer"];` line per edge. */
char           *gma_flow_to_dot           (GmaFlow    *self);
/* flow.json's "edition" and "source" texts, in the chosen language. */
const char     *gma_flow_get_edition      (GmaFlow    *self);
const char     *gma_flow_get_source       (GmaFlow    *self);

const char     *gma_node_get_id           (const GmaNode *node);
GmaNodeKind     gma_node_get_kind         (const GmaNode *node);
/* The heading: the question for a question, the title for a result or
 * the intro. Never NULL. */
const char     *gma_node_get_title        (const GmaNode *node);
/* A short label for lists of answers given ("10月23日の事前連絡メール"),
 * falls back to the title. Never NULL. */
const char     *gma_node_get_short_title  (const GmaNode *node);
/* The guide's reference for a result ("対応方法1"), or NULL. */
const char     *gma_node_get_reference    (const GmaNode *node);
/* Path of the page body inside the content set ("pages/remedy-1.html"),
 * or NULL. */
const char     *gma_node_get_page         (const GmaNode *node);
guint           gma_node_get_n_answers    (const GmaNode *node);
const char     *gma_node_get_answer_label (const GmaNode *node,
                                           guint          index);
const GmaNode  *gma_node_get_answer_target (const GmaNode *node,
                                           guint          index);
/* URLs a result needs (for the copied summary); NULL-terminated, may be
 * empty, never NULL. */
const char * const *gma_node_get_urls     (const GmaNode *node);
/* Ids of FAQ entries related to the node; NULL-terminated, never NULL. */
const char * const *gma_node_get_faq      (const GmaNode *node);
/* Search keywords (readings, aliases); NULL-terminated, never NULL. */
const char * const *gma_node_get_keywords (const GmaNode *node);

G_END_DECLS
