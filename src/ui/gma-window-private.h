/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between gma-window.c and gma-window-actions.c only. */
#pragma once

#include "gma-faq-sidebar.h"
#include "gma-kana-keypad.h"
#include "gma-kiosk.h"
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
  GtkWidget *menu_button;
  GtkButton *restart_button;
  GtkButton *flow_button;
  GtkWidget *sidebar_button;
  GMenuModel *primary_menu;
  GtkSearchBar *find_bar;
  GtkEditable *find_entry;

  /* Owned */
  GSettings *settings;
  GmaKiosk *kiosk;            /* NULL unless in kiosk mode */
  GmaContent *content;
  GmaSession *session;
  GmaContact *contact;        /* the prefecture's counter, from the settings */
  GmaSession *ahead_session;  /* the walk the warm page is rendered for */
  guint narrow_idle;

  /* Borrowed: kiosk mode's widgets (children of the window) */
  GtkWidget *attract_screen;
  GtkWidget *qr_view;
  GtkWidget *language_button;
  GtkWidget *display_toggles;   /* 文字を大きく, high contrast */
  GtkRevealer *keypad_revealer;
  GmaKanaKeypad *keypad;
  gboolean printing_slip;

  gboolean show_sidebar;
  gboolean narrow;
  gboolean caret_browsing;
};

void _gma_window_class_install_actions (GmaWindowClass *klass);
void _gma_window_add_map_actions       (GmaWindow      *self);
void _gma_window_update_actions        (GmaWindow      *self);
void _gma_window_show_faq              (GmaWindow      *self,
                                        const char     *id);
/* gma-window-keys.c: F6 between the regions, Tab out of the page, the
 * first focus. */
void _gma_window_setup_keys            (GmaWindow      *self);
/* gma-window-kiosk.c */
void _gma_window_setup_kiosk           (GmaWindow      *self);
/* Serves the kiosk's own documents (the slip, QR codes); FALSE when @uri
 * is not one of them. */
gboolean _gma_window_kiosk_resolve     (GmaWindow      *self,
                                        const char     *uri,
                                        char          **content_type,
                                        GBytes        **bytes,
                                        GError        **error);
/* Whether a slip can be printed now (kiosk, allowed, on a result). */
gboolean _gma_window_kiosk_can_print   (GmaWindow      *self);
void     _gma_window_kiosk_print_slip  (GmaWindow      *self);
/* Shows a link to another site (or a mail address) as a QR code. */
void _gma_window_kiosk_show_link       (GmaWindow      *self,
                                        const char     *uri);
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
