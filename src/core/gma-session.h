/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-session.h: one walk through the flow: the answers given so far and
 * the node they lead to. Emits "changed" after every change. */
#pragma once

#include "gma-flow.h"

G_BEGIN_DECLS

#define GMA_TYPE_SESSION (gma_session_get_type ())
G_DECLARE_FINAL_TYPE (GmaSession, gma_session, GMA, SESSION, GObject)

GmaSession     *gma_session_new              (GmaFlow    *flow);
GmaFlow        *gma_session_get_flow         (GmaSession *self);
/* Property "current-node-id" (string), notified on change. */
const GmaNode  *gma_session_get_current      (GmaSession *self);
/* Number of answers given; step i was asked at get_step_node(i) and
 * answered with answer index get_step_answer(i). */
guint           gma_session_get_n_steps      (GmaSession *self);
const GmaNode  *gma_session_get_step_node    (GmaSession *self,
                                              guint       step);
guint           gma_session_get_step_answer  (GmaSession *self,
                                              guint       step);
/* Answers the current node. FALSE if @answer is out of range. */
gboolean        gma_session_answer           (GmaSession *self,
                                              guint       answer);
/* Undoes the last answer. FALSE at the start. */
gboolean        gma_session_back             (GmaSession *self);
/* Replaces the answer of @step, drops every later answer and continues
 * from where the new answer leads. FALSE if out of range. */
gboolean        gma_session_change           (GmaSession *self,
                                              guint       step,
                                              guint       answer);
void            gma_session_restart          (GmaSession *self);
/* Walks to @id along the first path from the start (answers tried in
 * order), as if those answers had been given. FALSE if no such node. */
gboolean        gma_session_jump_to          (GmaSession *self,
                                              const char *id);
gboolean        gma_session_can_go_back      (GmaSession *self);
/* A new session on the same flow, with the same walk. */
GmaSession     *gma_session_copy             (GmaSession *self);
/* Whether @self and @other gave the same answers at the same nodes (of
 * the same flow). */
gboolean        gma_session_same_walk        (GmaSession *self,
                                              GmaSession *other);
/* Gives @self, from its start, the walk of @other, a session on another
 * flow (the same set in another language, say): the same answers at
 * nodes of the same ids, ending on a node of the same id. FALSE, and
 * @self at its start, when its flow has not those nodes along the walk. */
gboolean        gma_session_replay           (GmaSession *self,
                                              GmaSession *other);

G_END_DECLS
