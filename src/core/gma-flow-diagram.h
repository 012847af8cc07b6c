/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-flow-diagram.h: the whole flow drawn as one SVG picture.
 *
 * The picture is generated from the GmaFlow itself, so it stays true when
 * an administrator changes flow.json. Nodes are laid out top to bottom in
 * layers (a node's layer is the longest path to it from the start node),
 * ordered within each layer to reduce crossings (gma-flow-layout.h); its
 * own words are gma-words.h's.
 *
 * Structure of the document (stable: the UI and the tests rely on it):
 *
 *   <svg class="gma-flow-diagram" lang="ja|en" viewBox="…">
 *     <title id="gma-flow-diagram-title">…</title>
 *     <style>…</style>                    light, dark, high contrast (not in
 *                                         the _inline variant)
 *     <g class="edge [visited]" id="edge-FROM-N" data-from="FROM" data-to="TO">
 *     <g class="edge-label [visited]">…</g>
 *     <g class="node KIND [visited] [current]" id="node-ID">
 *       <a href="gma://page/ID">…</a>
 *     </g>
 *   </svg>
 *
 * KIND is "intro", "question" or "result"; N is the answer's index.
 */
#pragma once

#include <glib.h>
#include "gma-flow.h"

G_BEGIN_DECLS

/* Returns a standalone SVG document (UTF-8, newly allocated).
 * @visited: ids of the nodes on the visitor's path, in order,
 *   NULL-terminated; may be NULL. Each listed node is drawn as visited,
 *   and so is each edge from one listed node to the next one listed.
 *   Ids that name no node are ignored.
 * @current: id of the node being shown, marked "current"; may be NULL.
 * @language: the flow's language ("en", or Japanese for anything else,
 *   see gma_content_get_language()): the picture's own words (its title)
 *   and its lang attribute are in it. */
char *gma_flow_diagram_svg (GmaFlow            *flow,
                            const char * const *visited,
                            const char         *current,
                            const char         *language);

/* The same picture without its <style> element, for a page that shows
 * it inline: a page's content security policy blocks <style> elements,
 * so the page links to the style sheet instead (GMA_FLOW_STYLE_URI). */
char       *gma_flow_diagram_svg_inline      (GmaFlow            *flow,
                                              const char * const *visited,
                                              const char         *current,
                                              const char         *language);
/* The picture's CSS (light, dark, high contrast), without <style>: the
 * resource web/flow-diagram.css (resources/web/), which the router serves
 * as GMA_FLOW_STYLE_URI. */
const char *gma_flow_diagram_get_style_sheet (void);

G_END_DECLS
