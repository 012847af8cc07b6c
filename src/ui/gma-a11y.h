/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-a11y.h: names for assistive technology where GTK 4.8 gives none.
 *
 * GTK 4.8 names a button after its class ("GtkButton") when its child is
 * a label or a box of its own (gtk_button_set_child()), and a button
 * with a mnemonic twice, underscore and all (「最初からやり直す(_S)
 * 最初からやり直す(S)」). These set the accessible label from the words
 * the widget shows, without the mnemonic. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @text without its mnemonic: 「最初からやり直す(_S)」 → 「最初からやり直す」,
 * "_Whole Flow" → "Whole Flow", "__" → "_". */
char *gma_a11y_strip_mnemonic (const char *text);
/* Sets @widget's accessible label to @text without its mnemonic. */
void  gma_a11y_set_label      (GtkWidget  *widget,
                               const char *text);/* Names @button after its label (gtk_button_set_label()) without the
 * mnemonic, and said once. Again after each gtk_button_set_label(). */
void  gma_a11y_name_button    (GtkButton  *button);
/* Names @name every button under @widget (itself included) that shows
 * an icon only, such as GtkSearchBar's own close button. */
void  gma_a11y_name_icon_buttons (GtkWidget  *widget,
                                  const char *name);

/* Keeps @revealer hidden while it is closed: GTK 4.8 leaves what a
 * closed revealer holds in the accessibility tree, "visible", where a
 * screen reader finds a message nobody sees. */
void  gma_a11y_hide_when_closed (GtkRevealer *revealer);

G_END_DECLS
