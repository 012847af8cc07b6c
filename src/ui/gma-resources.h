/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the UI's resource bundle (templates, style sheets) once; the
 * widgets with a template call it from their class_init, so that
 * g_object_new() alone makes them, with or without a GmaApplication. */
void gma_ui_ensure_resources (void);

G_END_DECLS
