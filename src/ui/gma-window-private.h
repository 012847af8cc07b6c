/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between gma-window.c and gma-window-actions.c only. */
#pragma once

#include "gma-faq-sidebar.h"
#include "gma-page-view.h"
#include "gma-question-view.h"
#include "gma-window.h"

G_BEGIN_DECLS

struct _GmaWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkRevealer *sidebar_revealer;
  GmaFaqSidebar *sidebar;
  GtkWidget *wizard_column;
  GmaQuestionView *question_view;
  GmaPageView *page_view;
  GtkSearchBar *find_bar;
  GtkEditable *find_entry;

  /* Owned */
  GSettings *settings;
  GmaContent *content;
  GmaSession *session;
  guint narrow_idle;

  gboolean show_sidebar;
  gboolean narrow;
  gboolean caret_browsing;
};

void _gma_window_class_install_actions (GmaWindowClass *klass);
void _gma_window_update_actions        (GmaWindow      *self);
void _gma_window_show_faq              (GmaWindow      *self,
                                        const char     *id);
void _gma_window_show_message          (GmaWindow      *self,
                                        const char     *message);
/* Applies the zoom-level setting to the page pane. */
void _gma_window_apply_zoom            (GmaWindow      *self);
/* A gma://action/ link a person followed in the page pane. */
void _gma_window_page_action           (GmaWindow      *self,
                                        const char     *uri);
void _gma_window_find                  (GmaWindow      *self,
                                        gboolean        backwards);

G_END_DECLS
