/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-words.h: the words the core adds around the content, one table for
 * the pages (gma-render) and the picture of the flow (gma-flow-diagram).
 * They are in the content's language, not the desktop's: a Japanese
 * desktop may show the English content, and its pages and picture must
 * then be English throughout. They are constant strings joined around
 * values, never formats. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *language;        /* the document's (and the picture's) lang attribute */
  const char *app_name;
  const char *based_on_before; /* "…(based on the guidance of " EDITION ")" */
  const char *based_on_after;
  const char *based_on_open;   /* around it after the app's name in the summary */
  const char *based_on_close;
  const char *footer_before;   /* "This content is based on … " EDITION … */
  const char *footer_after;
  const char *source_before;   /* "Source: “" SOURCE "”" */
  const char *source_after;
  const char *copy;            /* the copy link */
  const char *copy_before;     /* its accessible label: "Copy " TEXT */
  const char *copy_after;
  const char *url_open;        /* around a link's URL shown beside it */
  const char *url_close;
  const char *answers_so_far;
  const char *none;
  const char *related_faq;
  const char *related_pages;
  const char *flow_link;
  const char *flow_title;
  const char *flow_path_caption;
  const char *flow_hint;
  const char *category_open;   /* "FAQ 3-1" "（" CATEGORY "）" */
  const char *category_close;
  const char *summary_source;
  const char *summary_result;
  const char *summary_urls;
  const char *summary_question;
  const char *needed_urls;
  const char *qr_code;
  const char *counter;         /* the heading of the counter's card */
  const char *counter_name;    /* its rows */
  const char *counter_phone;
  const char *counter_hours;
  const char *counter_url;
  const char *flow_diagram_title; /* the picture's accessible name */
} GmaWords;

/* The words in @language: English for "en", Japanese for anything else
 * (the content's language, see gma_content_get_language()). */
const GmaWords *gma_words_for_language (const char *language);

G_END_DECLS
