/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-application"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gma-application.h"
#include "gma-router.h"
#include "gma-kiosk.h"
#include "gma-mail-command.h"
#include "gma-preferences-window.h"
#include "gma-search.h"
#include "gma-resources.h"
#include "gma-window.h"

struct _GmaApplication
{
  GtkApplication parent_instance;

  /* Owned */
  GSettings *settings;
  GmaContent *content;       /* the one copy: the window shows this set */
  char *content_error;
  char *content_directory;   /* the override in use, or NULL */

  /* "ja" or "en" (static strings), or NULL */
  const char *language;               /* the content language shown; NULL
                                       * before the first command line */
  const char *content_language;       /* the language @content was asked in */
  const char *command_line_language;  /* --language, or NULL */

  gboolean kiosk;
  gboolean content_from_command_line;
  gboolean watching_settings;
};

G_DEFINE_FINAL_TYPE (GmaApplication, gma_application, GTK_TYPE_APPLICATION)

/* Exit statuses of the options that print. */
enum {
  STATUS_OK = 0,
  STATUS_FAILED = 1,   /* the content is broken, or another error */
  STATUS_USAGE = 2,    /* an option names something that does not exist */
};

static const GOptionEntry option_entries[] = {
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the window at this page of the flow or FAQ entry"), N_("ID") },
  { "list-pages", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and title of every page of the flow, then exit"), NULL },
  { "print-flow", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the flow as a Graphviz DOT graph, then exit"), NULL },
  { "validate-content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a content directory, print “ok” or every error, then exit"), N_("DIR") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the FAQ entries and pages matching the text, best first, then exit"), N_("TEXT") },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the content set in this directory instead of the built-in one"), N_("DIR") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the content in this language: ja (Japanese) or en (English)"), N_("LANGUAGE") },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run full screen for an unattended touch terminal"), NULL },
  { "check-mail", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a saved mail (or its text; “-” reads standard input): which of the guide’s "
       "mails it is, its sender, its links, its login ID and the next step; then exit"),
    N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version, then exit"), NULL },
  /* Not an option: whatever else is on the command line, refused by
   * check_usage() (the app opens no files). */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* The options that print something and exit, at most one per command
 * line, and which of the options that only modify each takes. Without
 * one of them the window opens, which takes every modifier. */
static const struct {
  const char *name;
  const char *modifiers[3];
} one_shot_options[] = {
  { "version", { NULL } },
  { "validate-content", { NULL } },  /* checks its own directory, in every language */
  { "list-pages", { "content", "language", NULL } },
  { "print-flow", { "content", "language", NULL } },
  { "search", { "content", "language", NULL } },
  { "check-mail", { "content", NULL } },     /* its verdict is the same in every language */
};

static const char * const modifier_options[] = { "content", "language", "page", "kiosk" };

/* Whether the options and arguments of a command line go together; if
 * not, why (a usage error): arguments that are not options, more than one
 * option that prints and exits, or an option that would modify nothing. */
static gboolean
check_usage (GVariantDict  *options,
             char         **message)
{
  g_autoptr(GVariant) remaining = g_variant_dict_lookup_value (options, G_OPTION_REMAINING,
                                                                G_VARIANT_TYPE_BYTESTRING_ARRAY);
  g_autoptr(GString) given = g_string_new (NULL);
  int action = -1;
  guint n_actions = 0;

  if (remaining != NULL && g_variant_n_children (remaining) > 0)
    {
      g_autofree const char **arguments = g_variant_get_bytestring_array (remaining, NULL);
      g_autofree char *list = g_strjoinv (" ", (char **) arguments);

      *message = g_strdup_printf (ngettext ("Unexpected argument: %s. gmis-assistant takes options "
                                            "only (see gmis-assistant --help).",
                                            "Unexpected arguments: %s. gmis-assistant takes options "
                                            "only (see gmis-assistant --help).",
                                            g_strv_length ((char **) arguments)),
                                  list);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (one_shot_options); i++)
    if (g_variant_dict_contains (options, one_shot_options[i].name))
      {
        g_string_append_printf (given, "%s--%s", n_actions > 0 ? ", " : "", one_shot_options[i].name);
        action = i;
        n_actions++;
      }
  if (n_actions > 1)
    {
      *message = g_strdup_printf (_("These options each print something and exit, so only one of "
                                    "them can be given: %s."),
                                  given->str);
      return FALSE;
    }
  if (action < 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (modifier_options); i++)
    if (g_variant_dict_contains (options, modifier_options[i]) &&
        !g_strv_contains (one_shot_options[action].modifiers, modifier_options[i]))
      {
        g_autofree char *modifier = g_strconcat ("--", modifier_options[i], NULL);
        g_autofree char *with = g_strconcat ("--", one_shot_options[action].name, NULL);

        *message = g_strdup_printf (_("%s cannot be given with %s: it would change nothing."),
                                    modifier, with);
        return FALSE;
      }

  return TRUE;
}

static GSettings *
new_settings (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The settings schema “%s” is not installed. Install the application "
                     "(meson install) or set GSETTINGS_SCHEMA_DIR to a directory holding "
                     "its compiled schema."),
                   APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The one GSettings of the process, made on first use (by the options
 * handled locally, the first command line, or a window). */
static GSettings *
ensure_settings (GmaApplication  *self,
                 GError         **error)
{
  if (self->settings == NULL)
    self->settings = new_settings (error);

  return self->settings;
}

/* The content language of the settings: "" follows the locale. */
static const char *
settings_language (GSettings *settings)
{
  g_autofree char *value = settings != NULL ? g_settings_get_string (settings, "content-language") : NULL;
  const char *language = gma_content_language_from_name (value);

  return language != NULL ? language : gma_content_language_from_locale ();
}

/* --language=ja|en, as "ja" or "en", or NULL when not given. The names
 * the content-language key takes are accepted too ("en_GB.UTF-8", "en-US"),
 * see gma_content_language_from_name(). FALSE (after printing why) for
 * any other value. */
static gboolean
option_language (GVariantDict  *options,
                 const char   **language,
                 char         **message)
{
  const char *value = NULL;

  *language = NULL;
  if (!g_variant_dict_lookup (options, "language", "&s", &value))
    return TRUE;

  *language = gma_content_language_from_name (value);
  if (*language != NULL)
    return TRUE;

  *message = g_strdup_printf (_("--language=%s: the content is in ja (Japanese) or en (English)"),
                              value);
  return FALSE;
}

static int
print_content_error (const char *message)
{
  g_printerr ("%s\n", message);
  return STATUS_FAILED;
}

/* Options that print something run here, in the process that was
 * started, without registering or opening a window. */
static int
gma_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *directory = NULL;
  const char *validate = NULL;
  const char *page = NULL;
  const char *search = NULL;
  const char *check_mail = NULL;
  GmaApplication *self = GMA_APPLICATION (app);
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *override_error = NULL;
  g_autofree char *settings_directory = NULL;
  g_autofree char *language_error = NULL;
  const char *language = NULL;
  gboolean list_pages = g_variant_dict_contains (options, "list-pages");
  gboolean print_flow = g_variant_dict_contains (options, "print-flow");
  g_autofree char *usage_error = NULL;

  if (!check_usage (options, &usage_error))
    {
      g_printerr ("%s\n", usage_error);
      return STATUS_USAGE;
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("gmis-assistant %s\n", PACKAGE_VERSION);
      return STATUS_OK;
    }

  if (g_variant_dict_lookup (options, "validate-content", "^&ay", &validate))
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (validate);

      g_autofree char *missing = NULL;

      content = gma_content_new (root, NULL, &error);
      if (content == NULL)
        return print_content_error (error->message);
      g_print ("ok\n");
      /* Valid; the English is optional, but the administrator learns
       * what it lacks. */
      missing = gma_content_explain_missing_language (content, "en");
      if (missing != NULL)
        g_printerr (_("English is not available for this content (it is shown in Japanese "
                      "only):\n%s\n"), missing);
      return STATUS_OK;
    }

  if (!option_language (options, &language, &language_error))
    {
      g_printerr ("%s\n", language_error);
      return STATUS_USAGE;
    }

  /* A kiosk ignores GTK_DEBUG and its inspector from the very start. */
  if (g_variant_dict_contains (options, "kiosk"))
    gma_kiosk_prepare_environment ();
  else
    {
      GSettings *settings = ensure_settings (self, NULL);

      if (settings != NULL && g_settings_get_boolean (settings, "kiosk-mode"))
        gma_kiosk_prepare_environment ();
    }

  g_variant_dict_lookup (options, "content", "^&ay", &directory);
  g_variant_dict_lookup (options, "page", "&s", &page);
  g_variant_dict_lookup (options, "search", "&s", &search);
  if (g_variant_dict_lookup (options, "check-mail", "^&ay", &check_mail) && check_mail[0] == '\0')
    {
      g_printerr (_("--check-mail needs a file: --check-mail=FILE, or --check-mail=- to read "
                    "standard input.\n"));
      return STATUS_USAGE;
    }

  if (!list_pages && !print_flow && search == NULL && page == NULL && check_mail == NULL)
    return -1;

  if (directory == NULL || language == NULL)
    {
      /* Kept: a window opened by this process uses it (when another
       * process is the primary instance, that one uses its own). */
      GSettings *settings = ensure_settings (self, NULL);

      if (directory == NULL && settings != NULL)
        directory = settings_directory = g_settings_get_string (settings, "content-directory");
      if (language == NULL)
        language = settings_language (settings);
    }

  content = gma_content_load (directory, language, &override_error, &error);
  if (content == NULL)
    return print_content_error (error->message);

  /* Asked for English and the content has none: say so, print nothing. */
  if ((list_pages || print_flow || search != NULL) &&
      !g_str_equal (gma_content_get_language (content), language))
    {
      g_autofree char *missing = gma_content_explain_missing_language (content, language);

      g_printerr (_("English is not available for this content:\n%s\n"), missing);
      return STATUS_FAILED;
    }

  /* An explicit --content that is broken fails the printing commands;
   * the window would start on the built-in content instead. (--page goes
   * with the window only: see check_usage().) */
  if (override_error != NULL && page == NULL)
    return print_content_error (override_error);

  /* The verdict only: it is the same in every language */
  if (check_mail != NULL)
    return gma_mail_command_run (content, check_mail);

  if (page != NULL)
    {
      if (gma_content_resolve (content, page, NULL, NULL) == GMA_PAGE_NONE)
        {
          g_printerr (_("There is no page “%s”. gmis-assistant --list-pages shows the pages of "
                        "the flow; FAQ entries are named like faq-3-1.\n"),
                      page);
          return STATUS_USAGE;
        }
      return -1;
    }

  if (list_pages)
    {
      GmaFlow *flow = gma_content_get_flow (content);

      for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
        {
          const GmaNode *node = gma_flow_get_node (flow, i);
          const char *reference = gma_node_get_reference (node);

          if (reference != NULL)
            g_print ("%s\t%s %s\n", gma_node_get_id (node), reference, gma_node_get_title (node));
          else
            g_print ("%s\t%s\n", gma_node_get_id (node), gma_node_get_title (node));
        }
    }

  if (print_flow)
    {
      g_autofree char *dot = gma_flow_to_dot (gma_content_get_flow (content));
      g_print ("%s", dot);
    }

  if (search != NULL)
    {
      g_autoptr(GmaSearchIndex) index = gma_search_index_new_for_content (content);
      g_autoptr(GPtrArray) hits = gma_search_index_query (index, search);

      for (guint i = 0; i < hits->len; i++)
        {
          GmaSearchHit *hit = g_ptr_array_index (hits, i);
          g_print ("%s\t%s\n", gma_search_hit_get_id (hit), gma_search_hit_get_title (hit));
        }
    }

  return STATUS_OK;
}

static GmaWindow *
get_window (GmaApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (const GList *l = windows; l != NULL; l = l->next)
    if (GMA_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Loads the content set of @directory in self->language, unless it is
 * loaded already. */
static gboolean
ensure_content (GmaApplication *self,
                const char     *directory,
                GError        **error)
{
  g_autoptr(GmaContent) content = NULL;
  g_autofree char *override_error = NULL;
  gboolean same_directory;

  if (directory == NULL || directory[0] == '\0')
    directory = NULL;

  same_directory = self->content != NULL && g_strcmp0 (directory, self->content_directory) == 0;
  /* Loaded in this language, or shown in it anyway (asked for English
   * the set lacks, it came in Japanese, as asking for Japanese gives). */
  if (same_directory &&
      (g_strcmp0 (self->content_language, self->language) == 0 ||
       g_strcmp0 (gma_content_get_language (self->content), self->language) == 0))
    {
      self->content_language = self->language;
      return TRUE;
    }

  content = gma_content_load (directory, self->language, &override_error, error);
  if (content == NULL)
    return FALSE;

  self->content_language = self->language;
  /* Asked for English the set lacks: it came again in Japanese. The
   * window keeps the copy it shows, which is the same. */
  if (same_directory &&
      g_str_equal (gma_content_get_language (content), gma_content_get_language (self->content)))
    return TRUE;

  g_set_object (&self->content, content);
  g_free (self->content_error);
  self->content_error = g_steal_pointer (&override_error);
  g_free (self->content_directory);
  self->content_directory = g_strdup (directory);

  return TRUE;
}

static GmaWindow *
ensure_window (GmaApplication *self)
{
  GmaWindow *window = get_window (self);

  if (window == NULL)
    window = gma_window_new (self);

  return window;
}

/* The content language changes here, for the setting and for
 * --language: a window already open switches at once, keeping its walk
 * (it has the set loaded again through gma_application_set_language());
 * otherwise the next ensure_content() loads it. */
static void
set_language (GmaApplication *self,
              const char     *language)
{
  GmaWindow *window = get_window (self);

  self->language = language;
  if (window != NULL)
    gma_window_set_language (window, language);
}

static void
on_content_language_changed (GmaApplication *self)
{
  if (self->command_line_language != NULL)
    return;

  set_language (self, settings_language (self->settings));
}

static void
on_content_directory_changed (GmaApplication *self)
{
  g_autofree char *directory = g_settings_get_string (self->settings, "content-directory");
  g_autoptr(GError) error = NULL;
  GmaWindow *window = get_window (self);

  if (self->content_from_command_line)
    return;

  if (!ensure_content (self, directory, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  if (window != NULL)
    gma_window_set_content (window, self->content, self->content_error);
}

static int
gma_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  GmaApplication *self = GMA_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  g_autofree char *settings_directory = NULL;
  const char *directory = NULL;
  const char *page = NULL;
  GmaWindow *window;

  if (!self->watching_settings)
    {
      g_autoptr(GError) settings_error = NULL;

      if (ensure_settings (self, &settings_error) == NULL)
        {
          g_application_command_line_printerr (command_line, "%s\n", settings_error->message);
          return STATUS_FAILED;
        }
      self->watching_settings = TRUE;
      /* An administrator may change the override while the app runs. */
      g_signal_connect_object (self->settings, "changed::content-directory",
                               G_CALLBACK (on_content_directory_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::content-language",
                               G_CALLBACK (on_content_language_changed), self,
                               G_CONNECT_SWAPPED);
    }

  {
    const char *language = NULL;
    g_autofree char *language_error = NULL;

    if (!option_language (options, &language, &language_error))
      {
        g_application_command_line_printerr (command_line, "%s\n", language_error);
        return STATUS_USAGE;
      }
    /* Without --language a running instance keeps the language it
     * shows, which follows the setting and the menu. */
    if (language != NULL)
      {
        self->command_line_language = language;
        set_language (self, language);
      }
    else if (self->language == NULL)
      set_language (self, gma_application_get_language (self));
  }

  if (g_variant_dict_lookup (options, "content", "^&ay", &directory))
    {
      /* Relative to where this launch was made, which may not be where the
       * running instance was started. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, directory);

      self->content_from_command_line = TRUE;
      directory = settings_directory = g_file_get_path (file);
    }
  else if (self->content_from_command_line)
    directory = settings_directory = g_strdup (self->content_directory);
  else
    {
      settings_directory = g_settings_get_string (self->settings, "content-directory");
      directory = settings_directory;
    }

  if (g_variant_dict_contains (options, "kiosk"))
    self->kiosk = TRUE;

  if (!ensure_content (self, directory, &error))
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      return STATUS_FAILED;
    }

  window = ensure_window (self);
  gma_window_set_content (window, self->content, self->content_error);

  if (g_variant_dict_lookup (options, "page", "&s", &page))
    gma_window_show_page (window, page);

  gtk_window_present (GTK_WINDOW (window));

  return STATUS_OK;
}

static void
gma_application_activate (GApplication *app)
{
  GmaWindow *window = get_window (GMA_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GmaApplication *self = user_data;

  /* A kiosk may have been turned on by --kiosk or by dconf. */
  if (gma_application_get_kiosk (self))
    return;
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GmaApplication *self = user_data;
  GmaWindow *window = get_window (self);
  GtkWindow *parent = GTK_WINDOW (window);
  const char *authors[] = { _("The G-MIS Mail Assistant developers"), NULL };
  g_autofree char *comments = NULL;
  /* The content the window shows, which the About window describes. */
  GmaContent *content = window != NULL ? gma_window_get_content (window) : self->content;

  if (gma_application_get_kiosk (self))
    return;

  /* Which guide, whose, which year's; and whose the app is not. */
  comments = g_strdup_printf (_("Guides you through “%s”, the guide published by the G-MIS office "
                                "of the Ministry of Health, Labour and Welfare, when the G-MIS "
                                "account mail did not arrive.\n\n"
                                "The content describes the guidance of %s.\n\n"
                                "This is not an official product of the Ministry of Health, Labour "
                                "and Welfare or of its G-MIS office, and is not endorsed by them."),
                              content ? gma_content_get_source (content) : "",
                              content ? gma_content_get_edition (content) : "");

  gtk_show_about_dialog (parent,
                         "program-name", _("G-MIS Mail Assistant"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", comments,
                         "authors", authors,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "modal", TRUE,
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GmaApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (get_window (self));
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  GtkWidget *preferences = NULL;

  /* A kiosk's visitors change nothing. */
  if (gma_application_get_kiosk (self))
    return;

  for (const GList *l = windows; l != NULL && preferences == NULL; l = l->next)
    if (GMA_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;

  if (preferences == NULL)
    {
      preferences = gma_preferences_window_new (gma_application_get_settings (self));
      gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
      if (parent != NULL)
        {
          gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
          gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
        }
    }

  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
gma_application_startup (GApplication *app)
{
  GmaApplication *self = GMA_APPLICATION (app);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "wizard.back", { "<Alt>Left", NULL } },
    { "wizard.restart", { "<Alt>Home", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.search", { "<Control>k", NULL } },
    { "win.copy-summary", { "<Control><Shift>c", NULL } },
    { "win.check-mail", { "<Control><Shift>v", NULL } },
    { "win.show-flow", { "<Control>l", NULL } },
    { "page.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "page.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "page.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "page.print", { "<Control>p", NULL } },
    { "page.find", { "<Control>f", NULL } },
    { "page.caret-browsing", { "F7", NULL } },
  };

  /* Before GtkApplication's startup, which looks for its resources under
   * the resource base path. The keyboard shortcuts window is not among
   * them (it is at ui/help-overlay.ui, not gtk/help-overlay.ui): the window
   * builds it on first use, see ensure_help_overlay() in gma-window-actions.c. */
  gma_ui_ensure_resources ();

  G_APPLICATION_CLASS (gma_application_parent_class)->startup (app);

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
gma_application_dispose (GObject *object)
{
  GmaApplication *self = GMA_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->content);
  g_clear_pointer (&self->content_error, g_free);
  g_clear_pointer (&self->content_directory, g_free);

  G_OBJECT_CLASS (gma_application_parent_class)->dispose (object);
}

static void
gma_application_class_init (GmaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gma_application_dispose;

  app_class->handle_local_options = gma_application_handle_local_options;
  app_class->command_line = gma_application_command_line;
  app_class->activate = gma_application_activate;
  app_class->startup = gma_application_startup;
}

static void
gma_application_init (GmaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Walks you through the G-MIS account mail guide."));
}

GmaApplication *
gma_application_new (void)
{
  return g_object_new (GMA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
gma_application_get_settings (GmaApplication *self)
{
  g_return_val_if_fail (GMA_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (ensure_settings (self, &error) == NULL)
        g_error ("%s", error->message);
    }

  return self->settings;
}

GmaContent *
gma_application_get_content (GmaApplication *self)
{
  g_return_val_if_fail (GMA_IS_APPLICATION (self), NULL);
  return self->content;
}

const char *
gma_application_get_content_error (GmaApplication *self)
{
  g_return_val_if_fail (GMA_IS_APPLICATION (self), NULL);
  return self->content_error;
}

const char *
gma_application_get_language (GmaApplication *self)
{
  g_return_val_if_fail (GMA_IS_APPLICATION (self), NULL);

  if (self->command_line_language != NULL)
    return self->command_line_language;
  return settings_language (self->settings);
}

GmaContent *
gma_application_set_language (GmaApplication  *self,
                              const char      *language,
                              GError         **error)
{
  const char *previous;

  g_return_val_if_fail (GMA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (gma_content_language_from_name (language) != NULL, NULL);
  g_return_val_if_fail (self->content != NULL, NULL);

  previous = self->language;
  self->language = gma_content_language_from_name (language);
  if (!ensure_content (self, self->content_directory, error))
    {
      self->language = previous;
      return NULL;
    }

  return self->content;
}

gboolean
gma_application_get_kiosk (GmaApplication *self)
{
  g_return_val_if_fail (GMA_IS_APPLICATION (self), FALSE);

  if (self->kiosk)
    return TRUE;
  return self->settings != NULL && g_settings_get_boolean (self->settings, "kiosk-mode");
}
