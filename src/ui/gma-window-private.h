/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the window's files only: gma-window.c, gma-window-actions.c,
 * gma-window-mail.c (「届いたメールを確認」) and kiosk/gma-window-kiosk.c
 * (what the window becomes in kiosk mode). */
#pragma once

#include "gma-faq-sidebar.h"
#include "gma-page-view.h"
#include "gma-question-view.h"
#include "gma-window.h"

G_BEGIN_DECLS

/* What the window holds in kiosk mode, owned by gma-window-kiosk.c. */
typedef struct _GmaWindowKiosk GmaWindowKiosk;

/* The mail checker's page (gma-window-mail.c). */
#define GMA_WINDOW_MAIL_URI "gma://app/mail-check"

typedef struct _GmaWindowMail GmaWindowMail;

struct _GmaWindow
{
  GtkApplicationWindow parent_instance;

  /* The window's child (from the template): the kiosk's screens lie over
   * the window in it */
  GtkOverlay *overlay;
  /* Template widgets */
  GtkWidget *fullscreen_box;    /* everything under them, header first */
  GtkHeaderBar *header_bar;
  GtkRevealer *keypad_revealer; /* empty unless in kiosk mode */
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
  GmaWindowKiosk *kiosk;      /* NULL unless in kiosk mode (gma-window-kiosk.c) */
  GmaContent *content;
  GmaSession *session;
  GmaContact *contact;        /* the prefecture's counter, from the settings */
  GmaSession *ahead_session;  /* the walk the warm page is rendered for */
  guint narrow_idle;

  gboolean kiosk_mode;        /* construct-only: a counter's terminal */

  /* 「届いたメールを確認」: the mail checked, in memory only */
  GmaWindowMail *mail;

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
void _gma_window_kiosk_free            (GmaWindowKiosk *kiosk);
/* Whether the kiosk's slip is in the page pane, printing. */
gboolean _gma_window_kiosk_printing    (GmaWindow      *self);
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
/* gma-window-mail.c: 「届いたメールを確認」 */
void _gma_window_mail_class_init       (GtkWidgetClass *widget_class);
void _gma_window_mail_init             (GmaWindow      *self);
void _gma_window_mail_dispose          (GmaWindow      *self);
/* Enables the action, shows its button where the walk offers it. */
void _gma_window_mail_update           (GmaWindow      *self);
/* Serves GMA_WINDOW_MAIL_URI; FALSE when @uri is another. */
gboolean _gma_window_mail_resolve      (GmaWindow      *self,
                                        const char     *uri,
                                        char          **content_type,
                                        GBytes        **bytes,
                                        GError        **error);
/* Forgets the mail (and its page). */
void _gma_window_mail_forget           (GmaWindow      *self);
/* gma://action/mail-next?to=NODE: the walk the mail implies. */
void _gma_window_mail_next             (GmaWindow      *self,
                                        GUri           *uri);

G_END_DECLS
