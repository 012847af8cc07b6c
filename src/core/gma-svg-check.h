/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-svg-check.h: what an illustration of a content set may hold.
 *
 * An illustration (illustrations/NAME.svg) is shown by the web process,
 * in a page's <img> and, opened alone, as a document of its own. It must
 * be one still SVG picture, self-contained, in UTF-8, and is read with
 * libxml2 (no network, entities never expanded, no DTD loaded, its usual
 * limits) and refused, naming the file and the line, when it holds:
 *
 *   - anything that is not well-formed XML, or is not UTF-8 (a declared
 *     encoding other than UTF-8 too), or is nested more than
 *     GMA_SVG_MAX_DEPTH elements deep;
 *   - a DOCTYPE (entities: "billion laughs", quadratic blow-up; external
 *     DTDs), the parse stops there, before any declaration is read;
 *   - a processing instruction (<?xml-stylesheet?> loads style sheets
 *     and XSLT);
 *   - a root element other than <svg> in the SVG namespace, or an
 *     element in the XHTML namespace;
 *   - <script> (and SVG Tiny's <handler>, <listener>), <foreignObject>,
 *     and animation (<set>, <animate…>, <discard>: an animation can
 *     change a link or a reference after the check);
 *   - an event attribute (on…), xml:base;
 *   - an href or xlink:href (on any element: <a>, <use>, <image>,
 *     <feImage>…) other than a fragment "#id" of the picture itself: no
 *     other file, no web address, no data: URL (a data: URL is a second
 *     file inside the first that nobody checked: embed nothing; a raster
 *     picture goes into a file of its own, shown by the page);
 *   - in CSS (<style>, style="…", and every other attribute, which may be
 *     a presentation attribute): url(…) other than url(#id), @import,
 *     the functions that load files by a string (image-set(), image(),
 *     src(), cross-fade()), and any backslash (a CSS escape can spell
 *     "url(" so that no scan sees it).
 *
 * Lines are those of the file: an element's problem is on the line where
 * its start tag opens, an attribute's on the attribute's line, a style
 * sheet's on the line of the rule inside it.
 */
#pragma once

#include <glib.h>

#include "gma-base.h"

G_BEGIN_DECLS

#define GMA_SVG_MAX_DEPTH     64  /* elements in elements */
#define GMA_SVG_MAX_PROBLEMS  20  /* per file; then one line says it stopped */

/* Whether the file @path of a set is served as an SVG picture (its name
 * ends in ".svg", in any case), so is checked by gma_svg_check(). */
gboolean gma_svg_path_is_svg (const char *path);

/* Checks @bytes, the picture @file of a set. Each problem is appended to
 * @problems as "FILE:LINE: reason"; returns whether there was none. */
gboolean gma_svg_check       (GBytes      *bytes,
                              const char  *file,
                              GmaProblems *problems);

G_END_DECLS
