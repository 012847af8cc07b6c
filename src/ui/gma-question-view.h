/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gma-session.h"

G_BEGIN_DECLS

#define GMA_TYPE_QUESTION_VIEW (gma_question_view_get_type ())
G_DECLARE_FINAL_TYPE (GmaQuestionView, gma_question_view, GMA, QUESTION_VIEW, GtkWidget)

/* The current node of @session (its question and one button per answer,
 * acting on "wizard.answer"), and the answers given so far, each of which
 * can be changed ("wizard.change"). Call update() after the session
 * changed. */
void       gma_question_view_set_session     (GmaQuestionView *self,
                                              GmaSession      *session);
void       gma_question_view_update          (GmaQuestionView *self);
/* A short message under the question ("Copied"), hidden after a while;
 * NULL hides it now. */
void       gma_question_view_show_feedback   (GmaQuestionView *self,
                                              const char      *message);
/* Shows the 「印刷」 button of a result (a kiosk allowed to print). */
void       gma_question_view_set_print_visible (GmaQuestionView *self,
                                              gboolean         visible);
/* Shows the 「届いたメールを確認」 button (win.check-mail) under the
 * answers, with a line on how to give the mail. */
void       gma_question_view_set_mail_visible (GmaQuestionView *self,
                                              gboolean         visible);
/* For tests and focus handling: the button of answer @index, or NULL. */
GtkWidget *gma_question_view_get_answer_button (GmaQuestionView *self,
                                              guint            index);
/* For tests: the row of answered step @step, or NULL. */
GtkWidget *gma_question_view_get_step_row    (GmaQuestionView *self,
                                              guint            step);
/* For tests: the popover offering other answers for a step. */
GtkPopover *gma_question_view_get_change_popover (GmaQuestionView *self);

G_END_DECLS
