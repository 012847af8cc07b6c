/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  GMA_KANA_MARK_DAKUTEN,    /* ゛ voiced sound mark:      か → が, う → ゔ */
  GMA_KANA_MARK_HANDAKUTEN, /* ゜ semi-voiced sound mark: は → ぱ        */
  GMA_KANA_MARK_SMALL,      /* 小 small kana:             つ → っ, や → ゃ */
} GmaKanaMark;

gunichar gma_kana_apply_mark (gunichar    c,
                              GmaKanaMark mark);

#define GMA_TYPE_KANA_KEYPAD (gma_kana_keypad_get_type ())

G_DECLARE_FINAL_TYPE (GmaKanaKeypad, gma_kana_keypad, GMA, KANA_KEYPAD, GtkWidget)

GtkWidget   *gma_kana_keypad_new        (void);
GtkEditable *gma_kana_keypad_get_target (GmaKanaKeypad *self);
void         gma_kana_keypad_set_target (GmaKanaKeypad *self,
                                         GtkEditable   *target);
const char  *gma_kana_keypad_get_page   (GmaKanaKeypad *self);
void         gma_kana_keypad_set_page   (GmaKanaKeypad *self,
                                         const char    *page);

G_END_DECLS
