/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content.c: one content set, loaded and validated whole */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "gma-content-open.h"
#include "gma-content-private.h"

#define EMBEDDED_URI "resource://" RESOURCE_PREFIX "/content"

G_DEFINE_FINAL_TYPE (GmaContent, gma_content, G_TYPE_OBJECT)

static void
gma_content_finalize (GObject *object)
{
  GmaContent *self = (GmaContent *)object;

  g_clear_object (&self->root);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_free (self->dir_name);
  g_clear_object (&self->flow);
  g_clear_object (&self->faq);
  g_clear_object (&self->mail);
  g_clear_pointer (&self->english_missing, g_ptr_array_unref);

  G_OBJECT_CLASS (gma_content_parent_class)->finalize (object);
}

static void
gma_content_class_init (GmaContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gma_content_finalize;
}

static void
gma_content_init (GmaContent *self)
{
  self->language = "ja";
  self->dir_fd = -1;
}

static GmaFlow *
parse_flow (JsonNode    *json,
            const char  *language,
            GmaProblems *problems)
{
  const char *languages[] = { language, NULL };

  return gma_flow_new_from_json (json, languages, "flow.json", problems);
}

static GmaFaq *
parse_faq (JsonNode    *json,
           const char  *language,
           GmaProblems *problems)
{
  const char *languages[] = { language, NULL };

  return gma_faq_new_from_json (json, languages, "faq.json", problems);
}

GmaContent *
gma_content_new (GFile               *root,
                 const char * const  *languages,
                 GError             **error)
{
  g_autoptr(GmaContent) self = NULL;
  g_autoptr(GmaProblems) problems = NULL;
  g_autoptr(GBytes) flow_bytes = NULL;
  g_autoptr(GBytes) faq_bytes = NULL;
  g_autoptr(JsonNode) flow_json = NULL;
  g_autoptr(JsonNode) faq_json = NULL;
  g_autoptr(JsonNode) mail_json = NULL;
  g_autoptr(GHashTable) page_texts = NULL;
  const char *wanted;
  const char *language;

  g_return_val_if_fail (G_IS_FILE (root), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wanted = _gma_content_choose_language (languages);

  problems = gma_problems_new ();
  self = g_object_new (GMA_TYPE_CONTENT, NULL);
  self->root = g_object_ref (root);
  self->english_missing = gma_problems_new ();

  /* A directory is opened once, here: the administrator may name it
   * through a symbolic link; below it, links are refused
   * (_gma_content_load_bytes()). When it cannot be opened, that is the
   * one problem. */
  if (!g_file_has_uri_scheme (root, "resource"))
    {
      g_autoptr(GError) dir_error = NULL;

      self->dir_name = g_file_get_path (root);
      if (self->dir_name != NULL)
        self->dir_fd = gma_content_open_directory (self->dir_name, &dir_error);
      else
        g_set_error_literal (&dir_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             "this is not a directory of this computer");
      if (self->dir_fd < 0)
        {
          g_autofree char *name = g_file_get_parse_name (root);

          gma_problems_add (problems, name, NULL, "%s", dir_error->message);
          gma_problems_to_error (problems, error);
          return NULL;
        }
    }

  flow_bytes = _gma_content_read_file (self, "flow.json", problems);
  faq_bytes = _gma_content_read_file (self, "faq.json", problems);

  if (flow_bytes != NULL)
    flow_json = gma_json_load (flow_bytes, "flow.json", problems);
  if (faq_bytes != NULL)
    faq_json = gma_json_load (faq_bytes, "faq.json", problems);
  mail_json = gma_content_mail_read (self, problems);

  /* The English is looked at first: a set is shown in English only when
   * every text has its English. */
  if (flow_json != NULL)
    _gma_content_check_json_translation (flow_json, "flow.json", "$", self->english_missing);
  if (faq_json != NULL)
    _gma_content_check_json_translation (faq_json, "faq.json", "$", self->english_missing);
  if (mail_json != NULL)
    _gma_content_check_json_translation (mail_json, GMA_CONTENT_MAIL_FILE, "$", self->english_missing);
  language = _gma_content_language_to_show (wanted, self->english_missing);

  if (flow_json != NULL)
    self->flow = parse_flow (flow_json, language, problems);
  if (faq_json != NULL)
    self->faq = parse_faq (faq_json, language, problems);
  if (mail_json != NULL && self->flow != NULL)
    self->mail = gma_content_mail_parse (mail_json, language, self->flow, problems);

  /* Each page is read once: the texts of the Japanese pages are kept
   * for the comparison with their English pages. */
  page_texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (self->flow != NULL && self->faq != NULL)
    _gma_content_check_cross_references (self, page_texts, problems);

  if (!gma_problems_to_error (problems, error))
    return NULL;

  _gma_content_check_translated_pages (self, page_texts, self->english_missing);
  /* Its keys are the strings of the flow, which may be replaced below. */
  g_clear_pointer (&page_texts, g_hash_table_unref);

  /* An English page is missing or wrong: the set is shown in Japanese. */
  if (!g_str_equal (_gma_content_language_to_show (language, self->english_missing), language))
    {
      language = _gma_content_language_to_show (language, self->english_missing);
      g_clear_object (&self->flow);
      g_clear_object (&self->faq);
      g_clear_object (&self->mail);
      self->flow = parse_flow (flow_json, language, problems);
      self->faq = parse_faq (faq_json, language, problems);
      if (mail_json != NULL && self->flow != NULL)
        self->mail = gma_content_mail_parse (mail_json, language, self->flow, problems);
      if (!gma_problems_to_error (problems, error))
        return NULL;
    }
  self->language = language;

  return g_steal_pointer (&self);
}

GmaContent *
gma_content_new_embedded (GError **error)
{
  return gma_content_new_embedded_full (NULL, error);
}

GmaContent *
gma_content_new_embedded_full (const char * const  *languages,
                               GError             **error)
{
  g_autoptr(GFile) root = NULL;
  GmaContent *self;

  gma_content_register_resources ();

  root = g_file_new_for_uri (EMBEDDED_URI);
  self = gma_content_new (root, languages, error);
  if (self != NULL)
    self->embedded = TRUE;

  return self;
}

GmaContent *
gma_content_load (const char  *directory,
                  const char  *language,
                  char       **override_error,
                  GError     **error)
{
  const char *languages[] = { language, NULL };

  if (override_error != NULL)
    *override_error = NULL;

  if (directory != NULL && directory[0] != '\0')
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (directory);
      g_autoptr(GError) local_error = NULL;
      GmaContent *content = gma_content_new (root, language ? languages : NULL, &local_error);

      if (content != NULL)
        return content;

      if (override_error != NULL)
        *override_error = g_strdup_printf (_("The content in “%s” was not used:\n%s"),
                                           directory, local_error->message);
    }

  return gma_content_new_embedded_full (language ? languages : NULL, error);
}

GmaContent *
gma_content_new_for_language (GmaContent  *self,
                              const char  *language,
                              GError     **error)
{
  const char *languages[] = { language, NULL };

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (self->embedded)
    return gma_content_new_embedded_full (languages, error);
  return gma_content_new (self->root, languages, error);
}

GFile *
gma_content_get_root (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->root;
}

gboolean
gma_content_is_embedded (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), FALSE);

  return self->embedded;
}

GmaFlow *
gma_content_get_flow (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->flow;
}

GmaFaq *
gma_content_get_faq (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->faq;
}

GmaMailFacts *
gma_content_get_mail_facts (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->mail;
}

const char *
gma_content_get_edition (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return gma_flow_get_edition (self->flow);
}

const char *
gma_content_get_source (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return gma_flow_get_source (self->flow);
}

GmaPageKind
gma_content_resolve (GmaContent     *self,
                     const char     *id,
                     const GmaNode **node,
                     GmaFaqEntry   **entry)
{
  const GmaNode *found_node = NULL;
  GmaFaqEntry *found_entry = NULL;
  GmaPageKind kind = GMA_PAGE_NONE;

  g_return_val_if_fail (GMA_IS_CONTENT (self), GMA_PAGE_NONE);

  if (id != NULL && (found_node = gma_flow_lookup (self->flow, id)) != NULL)
    kind = GMA_PAGE_NODE;
  else if (id != NULL && (found_entry = gma_faq_lookup (self->faq, id)) != NULL)
    kind = GMA_PAGE_FAQ;

  if (node != NULL)
    *node = found_node;
  if (entry != NULL)
    *entry = found_entry;

  return kind;
}
