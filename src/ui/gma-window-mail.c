/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-window-mail.c: 「届いたメールを確認」 in the window.
 *
 * A person drops a saved mail (.eml) or its text on the window, or copies
 * the mail's text and presses the action (the button on the intro and on
 * the question of which mail arrived, the header menu, Ctrl+Shift+V,
 * which reads the clipboard). The mail is read and checked in a worker
 * thread (gma_mail_check_bytes(): GMime, in the module loaded on first
 * use), and its page (gma-render-mail.h) is served at MAIL_URI from the
 * result the window holds, in memory only: nothing of the mail is written
 * anywhere, and 「最初からやり直す」 or another content set forgets it.
 * The page's 「次へ」 (gma://action/mail-next?to=NODE) replays the
 * answers the mail implies on the walk (gma_mail_result_apply()).
 *
 * A kiosk has no mail checker (no files, no clipboard at a counter), nor
 * has a content set without mail.json: the action is disabled, its
 * button and menu item hidden, and nothing can be dropped. */
#define G_LOG_DOMAIN "gma-window"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gma-mail-check.h"
#include "gma-render.h"
#include "gma-render-mail.h"
#include "gma-router.h"
#include "gma-window-private.h"

struct _GmaWindowMail
{
  GmaMailResult *result;     /* the mail checked last, or NULL */
  char          *error;      /* or why it could not be read */
  GCancellable  *cancellable; /* the check under way, or NULL */
};

/* ---- which questions offer the check ------------------------------------------------ */

/* Whether two of the guide's mails give @node different answers: the
 * question of which mail arrived. */
static gboolean
tells_mails_apart (GmaMailFacts *facts,
                   const char   *node)
{
  int seen = -1;

  for (guint k = 0; k < gma_mail_facts_get_n_kinds (facts); k++)
    {
      const GmaMailKind *kind = gma_mail_facts_get_kind (facts, k);

      for (guint a = 0; a < gma_mail_kind_get_n_answers (kind); a++)
        {
          int answer;

          if (!g_str_equal (gma_mail_kind_get_answer_node (kind, a), node))
            continue;
          answer = (int) gma_mail_kind_get_answer (kind, a);
          if (seen >= 0 && seen != answer)
            return TRUE;
          seen = answer;
        }
    }

  return FALSE;
}

/* Whether the checker may be used here: a desktop, a set with mail.json. */
static gboolean
can_check (GmaWindow *self)
{
  return self->kiosk == NULL && self->content != NULL &&
         gma_content_get_mail_facts (self->content) != NULL;
}

void
_gma_window_mail_update (GmaWindow *self)
{
  gboolean enabled = can_check (self);
  gboolean offered = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-mail", enabled);

  if (enabled && self->session != NULL)
    {
      const GmaNode *node = gma_session_get_current (self->session);

      offered = gma_node_get_kind (node) == GMA_NODE_INTRO ||
                tells_mails_apart (gma_content_get_mail_facts (self->content), gma_node_get_id (node));
    }
  gma_question_view_set_mail_visible (self->question_view, offered);

  /* 「最初からやり直す」 forgets a mail checked on the intro too. */
  if (self->mail->result != NULL || self->mail->error != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.restart", TRUE);
}

/* ---- the page -------------------------------------------------------------------------- */

gboolean
_gma_window_mail_resolve (GmaWindow   *self,
                          const char  *uri,
                          char       **content_type,
                          GBytes     **bytes,
                          GError     **error)
{
  GmaWindowMail *mail = self->mail;
  g_autofree char *html = NULL;
  char *filled;

  if (g_strcmp0 (uri, GMA_WINDOW_MAIL_URI) != 0)
    return FALSE;

  *bytes = NULL;
  if (mail->result != NULL)
    html = gma_render_mail_page (self->content, mail->result, error);
  else if (mail->error != NULL)
    html = gma_render_mail_error (self->content, mail->error, error);
  else
    g_set_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_NOT_FOUND,
                 "The mail was forgotten");
  if (html == NULL)
    return TRUE;

  /* A suspicious mail's page sends the reader to the counter. */
  filled = gma_render_fill_contact (html, self->contact, gma_content_get_language (self->content));
  *bytes = g_bytes_new_take (filled, strlen (filled));
  if (content_type != NULL)
    *content_type = g_strdup ("text/html; charset=utf-8");
  return TRUE;
}

static void
show_page (GmaWindow *self)
{
  gma_page_view_load_uri (self->page_view, GMA_WINDOW_MAIL_URI);
  _gma_window_update_actions (self);
  /* The page is in the pane: on a narrow window the FAQ makes way. */
  if (self->narrow)
    g_object_set (self, "show-sidebar", FALSE, NULL);
}

static void
clear (GmaWindowMail *mail)
{
  if (mail->cancellable != NULL)
    g_cancellable_cancel (mail->cancellable);
  g_clear_object (&mail->cancellable);
  g_clear_object (&mail->result);
  g_clear_pointer (&mail->error, g_free);
}

/* A mail that could not be read, or no mail at all: the page says why. */
static void
show_error (GmaWindow  *self,
            const char *reason)
{
  clear (self->mail);
  self->mail->error = g_strdup (reason);
  show_page (self);
}

void
_gma_window_mail_forget (GmaWindow *self)
{
  gboolean shown = g_strcmp0 (gma_page_view_get_uri (self->page_view), GMA_WINDOW_MAIL_URI) == 0;

  clear (self->mail);
  if (self->session != NULL)
    _gma_window_update_actions (self);
  /* Not even the page stays (a rebuilt pane would load it again). */
  if (shown && self->session != NULL)
    {
      g_autofree char *uri = gma_router_uri (GMA_ROUTE_PAGE,
                                             gma_node_get_id (gma_session_get_current (self->session)));
      gma_page_view_load_uri (self->page_view, uri);
    }
}

/* ---- checking, in a worker thread ----------------------------------------------------- */

typedef struct {
  GmaMailFacts *facts;
  GBytes       *text;   /* pasted or dropped text, or NULL */
  char         *path;   /* a dropped file, or NULL */
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->facts);
  g_clear_pointer (&data->text, g_bytes_unref);
  g_free (data->path);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(GBytes) mail = NULL;
  GmaMailResult *result = NULL;
  GError *error = NULL;

  mail = data->text != NULL ? g_bytes_ref (data->text) : gma_mail_read_file (data->path, &error);
  if (mail != NULL)
    result = gma_mail_check_bytes (data->facts, mail, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
check_done (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  GmaWindow *self = GMA_WINDOW (source);
  g_autoptr(GmaMailResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Forgotten, or another mail came, while it was read (the task frees
   * its result). */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    return;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      show_error (self, error->message);
      return;
    }

  clear (self->mail);
  self->mail->result = g_steal_pointer (&result);
  show_page (self);
}

/* Checks @text (pasted or dropped) or the file at @path. */
static void
check (GmaWindow  *self,
       GBytes     *text,
       const char *path)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (!can_check (self))
    return;

  clear (self->mail);
  self->mail->cancellable = g_cancellable_new ();

  data = g_new0 (CheckData, 1);
  data->facts = g_object_ref (gma_content_get_mail_facts (self->content));
  data->text = text != NULL ? g_bytes_ref (text) : NULL;
  data->path = g_strdup (path);

  task = g_task_new (self, self->mail->cancellable, check_done, NULL);
  g_task_set_source_tag (task, check);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  /* The result must not arrive after it was cancelled. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, check_thread);
}

static void
check_text (GmaWindow  *self,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  check (self, bytes, NULL);
}

/* Only a file of this computer (a mail program saves it there; the
 * document portal gives a path too): nothing else is fetched. */
static void
check_file (GmaWindow *self,
            GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *reason =
        g_strdup_printf (_("“%s” is not a file on this computer. Save the mail as a file first, "
                           "then drop that file here."), name);
      show_error (self, reason);
      return;
    }
  check (self, NULL, path);
}

static void
check_files (GmaWindow *self,
             GSList    *files)
{
  if (files == NULL)
    show_error (self, _("Nothing was dropped: drop one saved mail (.eml)."));
  else if (files->next != NULL)
    show_error (self, _("Several files were dropped: drop one saved mail (.eml) at a time."));
  else
    check_file (self, files->data);
}

/* ---- dropped ----------------------------------------------------------------------------- */

static gboolean
on_drop_accept (GtkDropTarget *target,
                GdkDrop       *drop,
                GmaWindow     *self)
{
  /* As GtkDropTarget's own handler decides, when the checker is here */
  return can_check (self) &&
         (gdk_drop_get_actions (drop) & gtk_drop_target_get_actions (target)) != 0 &&
         gdk_content_formats_match (gtk_drop_target_get_formats (target), gdk_drop_get_formats (drop));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GmaWindow     *self)
{
  if (!can_check (self))
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    check_files (self, g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    check_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    check_text (self, g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  else
    return FALSE;

  return TRUE;
}

/* ---- pasted (the action) ------------------------------------------------------------ */

static void
clipboard_files_read (GObject      *source,
                      GAsyncResult *res,
                      gpointer      user_data)
{
  g_autoptr(GmaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), res, &error);

  if (value == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("The copied file could not be read: %s"),
                                                 error->message);
      show_error (self, reason);
      return;
    }
  check_files (self, g_value_get_boxed (value));
}

static void
clipboard_text_read (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  g_autoptr(GmaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), res, &error);

  if (text == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("The copied text could not be read: %s"),
                                                 error->message);
      show_error (self, reason);
      return;
    }
  /* An empty text is refused by the checker, with its reason. */
  check_text (self, text);
}

/* win.check-mail: the mail on the clipboard, its text or a copied file. */
static void
win_check_mail (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GmaWindow *self = GMA_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (!can_check (self))
    return;

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    clipboard_files_read, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, NULL, clipboard_text_read, g_object_ref (self));
  else
    show_error (self, _("Nothing is copied. Select the whole mail in your mail program (its "
                        "subject and text), copy it, and choose “Check the Mail You Received” "
                        "again; or drop the saved mail (.eml) onto this window."));
}

/* ---- 「次へ」 ----------------------------------------------------------------------------- */

void
_gma_window_mail_next (GmaWindow *self,
                       GUri      *uri)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GmaMailResult) result = NULL;
  const char *query = g_uri_get_query (uri);
  const char *to;

  if (self->mail->result == NULL || query == NULL ||
      (params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL)) == NULL)
    return;
  /* Only the step the page of the mail held offers. */
  to = g_hash_table_lookup (params, "to");
  if (g_strcmp0 (to, gma_mail_result_get_next (self->mail->result)) != 0)
    return;

  /* The session's changes may forget the mail: hold it while replaying. */
  result = g_object_ref (self->mail->result);
  if (!gma_mail_result_apply (result, self->session))
    _gma_window_show_message (self, _("The questions cannot be continued from this mail: the "
                                      "content set’s questions do not have the answers it implies."));
}

/* ---- the window ------------------------------------------------------------------------ */

void
_gma_window_mail_init (GmaWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

  self->mail = g_new0 (GmaWindowMail, 1);

  /* Anywhere on the window: before the web view or an entry, which take
   * drops of their own, get it. */
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (target), "gma-mail-drop");
  g_signal_connect_object (target, "accept", G_CALLBACK (on_drop_accept), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_gma_window_mail_dispose (GmaWindow *self)
{
  if (self->mail == NULL)
    return;
  clear (self->mail);
  g_clear_pointer (&self->mail, g_free);
}

void
_gma_window_mail_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-mail", NULL, win_check_mail);
}
