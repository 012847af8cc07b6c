/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-render.h: page documents for the web pane and the plain-text
 * summary. Every value inserted into a document is escaped; content page
 * bodies (HTML fragments from the content set) are inserted as they are,
 * and the pane's CSP and disabled JavaScript keep them inert. */
#pragma once

#include "gma-contact.h"
#include "gma-content.h"
#include "gma-session.h"

G_BEGIN_DECLS

/* The document template is a resource:
 * RESOURCE_PREFIX "/web/page.html". In it, {{name}} is replaced by the
 * HTML-escaped value of @name and {{{name}}} by the raw value. An unknown
 * name is an error. Templates are never used as printf formats. */
char *gma_render_template    (const char  *template_text,
                              GHashTable  *values,
                              GError     **error);
/* Which year's guidance the content describes, in the content's language
 * (「EDITIONの案内に基づく」, "Based on the guidance of EDITION"): the
 * line under a page's heading and the window's subtitle. */
char *gma_render_based_on    (GmaContent  *content);
/* Escapes @text and turns each http(s) URL in it into a link whose text
 * is the full URL; "\n" starts a new paragraph. */
char *gma_render_text_to_html (const char *text);
/* The page of @node. When @session's current node is @node, the path of
 * answers that led there is included. */
char *gma_render_node_page   (GmaContent  *content,
                              GmaSession  *session,
                              const GmaNode *node,
                              GError     **error);
char *gma_render_faq_page    (GmaContent  *content,
                              GmaFaqEntry *entry,
                              GError     **error);
/* The same pages, opened from a search for @query (may be NULL): the
 * places where it matches the page's body are marked with <mark>
 * (gma-highlight.h). */
char *gma_render_node_page_for_query (GmaContent     *content,
                                      GmaSession     *session,
                                      const GmaNode  *node,
                                      const char     *query,
                                      GError        **error);
char *gma_render_faq_page_for_query  (GmaContent     *content,
                                      GmaFaqEntry    *entry,
                                      const char     *query,
                                      GError        **error);
/* 「全体の流れ」: the whole flow as a picture (inline SVG), with the
 * path of @session (may be NULL) drawn as visited and its current node
 * marked; nodes link to their pages. */
char *gma_render_flow_page   (GmaContent  *content,
                              GmaSession  *session,
                              GError     **error);
/* The slip a kiosk prints for the result @session is on: the reference,
 * the answers given, the guide's steps, each URL the result needs with a
 * QR code (images at gma://app/qr?text=URL, which the window serves), and
 * @counter (the prefecture's counter, as an administrator configured it;
 * NULL or empty: none), its web page with a QR code too. */
char *gma_render_slip        (GmaContent       *content,
                              GmaSession       *session,
                              const GmaContact *counter,
                              GError          **error);
/* The documents rendered above keep their GMA_CONTACT_MARKERs (an FAQ
 * answer whose entry has "ask-counter" gets one after it);
 * gma_render_fill_contact() replaces them. */
/* @html with each GMA_CONTACT_MARKER replaced by a card showing @contact
 * (every value escaped; its web page as a link with a copy link), or
 * removed when @contact is NULL or empty: the guide's wording alone. The
 * card's own words are in @language ("en", or Japanese for anything else:
 * the content's language, see gma_content_get_language()). */
char *gma_render_fill_contact (const char       *html,
                               const GmaContact *contact,
                               const char       *language);
/* A page of the app's own (gma-render-mail.c: the mail checker's): the
 * page template around @body_html, inserted as it is (every value in it
 * must be escaped by the caller), with @title, @heading, the edition and
 * the source; @kind names the page's class ("page-KIND"). */
char *gma_render_document    (GmaContent  *content,
                              const char  *kind,
                              const char  *title,
                              const char  *heading,
                              const char  *body_html,
                              GError     **error);
/* The copy link the pages put after an address
 * ("gma://action/copy?text=…", the window handles it), for @text, with
 * its label in the content's language. */
char *gma_render_copy_link   (GmaContent  *content,
                              const char  *text);
/* Plain text for the clipboard: edition, answers given, the result, its
 * reference, the URLs it needs. */
char *gma_render_summary     (GmaContent  *content,
                              GmaSession  *session);

G_END_DECLS
