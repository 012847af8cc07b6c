/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-languages.c: the content languages, Japanese (ja) and
 * English (en): their names, which one a set is shown in, where a page's
 * translation lives, and when a set is complete in English */

#define G_LOG_DOMAIN "gma-content"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gma-contact.h"
#include "gma-content-private.h"

/* Whether the locale or language name @name ("en_GB.UTF-8", "en@quot",
 * "en-US", "en") is of the language @language ("en"). */
static gboolean
name_is_language (const char *name,
                  const char *language)
{
  gsize len = strlen (language);

  return g_ascii_strncasecmp (name, language, len) == 0 &&
         (name[len] == '\0' || name[len] == '_' || name[len] == '-' ||
          name[len] == '.' || name[len] == '@');
}

const char *
gma_content_language_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && name_is_language (names[0], "en") ? "en" : "ja";
}

const char *
gma_content_language_from_name (const char *name)
{
  if (name == NULL)
    return NULL;
  if (name_is_language (name, "ja"))
    return "ja";
  if (name_is_language (name, "en"))
    return "en";
  return NULL;
}

const char *
_gma_content_choose_language (const char * const *languages)
{
  if (languages == NULL)
    return gma_content_language_from_locale ();

  for (const char * const *l = languages; *l; l++)
    {
      const char *known = gma_content_language_from_name (*l);

      if (known != NULL)
        return known;
    }

  return "ja";
}

const char *
_gma_content_language_to_show (const char  *wanted,
                               GmaProblems *english_missing)
{
  return g_str_equal (wanted, "en") && english_missing->len == 0 ? "en" : "ja";
}

char *
_gma_content_translated_page_path (const char *page,
                                   const char *language)
{
  g_assert (g_str_has_prefix (page, "pages/"));

  if (g_str_equal (language, "ja"))
    return g_strdup (page);
  return g_strconcat ("pages/", language, "/", page + strlen ("pages/"), NULL);
}

void
_gma_content_check_json_translation (JsonNode    *node,
                                     const char  *file,
                                     const char  *path,
                                     GmaProblems *missing)
{
  JsonObject *object;
  JsonNode *ja;
  JsonNode *en;
  g_autofree char *en_path = NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = gma_json_path_index (path, i);

          _gma_content_check_json_translation (json_array_get_element (array, i), file, element_path, missing);
        }
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  ja = json_object_get_member (object, "ja");
  if (ja == NULL)
    {
      /* In file order, so that the list reads as the file does. */
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          g_autofree char *member_path = gma_json_path_member (path, l->data);

          _gma_content_check_json_translation (json_object_get_member (object, l->data), file,
                                  member_path, missing);
        }
      return;
    }

  en = json_object_get_member (object, "en");
  en_path = gma_json_path_member (path, "en");

  if (JSON_NODE_HOLDS_ARRAY (ja))
    {
      JsonArray *list;
      gboolean strings = TRUE;

      if (en == NULL)
        {
          gma_problems_add (missing, file, en_path,
                            "the English words are missing; add \"en\": [ … ] next to \"ja\"");
          return;
        }
      if (!JSON_NODE_HOLDS_ARRAY (en))
        {
          gma_problems_add (missing, file, en_path,
                            "must be a list of words, as the Japanese is");
          return;
        }
      list = json_node_get_array (en);
      for (guint i = 0; i < json_array_get_length (list); i++)
        if (!gma_json_node_is_string (json_array_get_element (list, i)))
          strings = FALSE;
      if (!strings)
        gma_problems_add (missing, file, en_path, "must be a list of strings");
      else if (json_array_get_length (list) == 0 &&
               json_array_get_length (json_node_get_array (ja)) > 0)
        gma_problems_add (missing, file, en_path,
                          "the English list is empty; give the English words people search with");
      return;
    }

  if (en == NULL)
    gma_problems_add (missing, file, en_path,
                      "the English text is missing; add \"en\": \"…\" next to \"ja\"");
  else if (!gma_json_node_is_string (en))
    gma_problems_add (missing, file, en_path, "must be a string, as the Japanese is");
  else if (gma_json_text_is_blank (json_node_get_string (en)))
    gma_problems_add (missing, file, en_path, "the English text is empty");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The translated page @translated must link to, show and mark what its
 * Japanese page @page does, as often. */
static void
check_page_parity (const char  *page,
                   const char  *page_text,
                   const char  *translated,
                   const char  *translated_text,
                   GmaProblems *missing)
{
  g_autoptr(GHashTable) ja = _gma_content_page_targets (page_text);
  g_autoptr(GHashTable) other = _gma_content_page_targets (translated_text);
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *keys = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_keys;

  g_hash_table_iter_init (&iter, ja);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);

  keys = g_hash_table_get_keys_as_array (all, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n_keys; i++)
    {
      guint n_ja = GPOINTER_TO_UINT (g_hash_table_lookup (ja, keys[i]));
      guint n_other = GPOINTER_TO_UINT (g_hash_table_lookup (other, keys[i]));

      if (n_ja == n_other)
        continue;

      if (g_str_equal (keys[i], GMA_CONTACT_MARKER))
        gma_problems_add (missing, translated, NULL,
                          "has %u contact marker(s) %s where the Japanese page %s has "
                          "%u; keep one after each sentence that has one",
                          n_other, GMA_CONTACT_MARKER, page, n_ja);
      else
        gma_problems_add (missing, translated, NULL,
                          "links to or shows “%s” %u time(s) where the Japanese page %s does "
                          "%u time(s); keep the same links and pictures",
                          (const char *) keys[i], n_other, page, n_ja);
    }
}

void
_gma_content_check_translated_pages (GmaContent  *self,
                                     GHashTable  *page_texts,
                                     GmaProblems *missing)
{
  g_autoptr(GHashTable) pages_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) files_checked = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  guint n_nodes = gma_flow_get_n_nodes (self->flow);

  for (guint n = 0; n < n_nodes; n++)
    {
      const char *page = gma_node_get_page (gma_flow_get_node (self->flow, n));
      const char *page_text;
      g_autofree char *translated = NULL;
      g_autofree char *translated_text = NULL;
      gboolean translated_missing;

      if (page == NULL || g_hash_table_contains (pages_seen, page))
        continue;
      g_hash_table_add (pages_seen, (gpointer) page);

      translated = _gma_content_translated_page_path (page, "en");
      translated_text = _gma_content_check_page (self, translated, files_checked, &translated_missing,
                                    missing);
      if (translated_missing)
        {
          g_autofree char *where = g_strdup_printf ("$.nodes[%u].page", n);

          gma_problems_add (missing, "flow.json", where,
                            "the page “%s” has no English page; add “%s”", page, translated);
          continue;
        }

      page_text = g_hash_table_lookup (page_texts, page);
      if (translated_text != NULL && page_text != NULL)
        check_page_parity (page, page_text, translated, translated_text, missing);
    }
}

const char *
gma_content_get_language (GmaContent *self)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);

  return self->language;
}

gboolean
gma_content_has_language (GmaContent *self,
                          const char *language)
{
  g_return_val_if_fail (GMA_IS_CONTENT (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  if (g_str_equal (language, "ja"))
    return TRUE;
  if (g_str_equal (language, "en"))
    return self->english_missing->len == 0;
  return FALSE;
}

char *
gma_content_explain_missing_language (GmaContent *self,
                                      const char *language)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (gma_content_has_language (self, language))
    return NULL;
  if (!g_str_equal (language, "en"))
    return g_strdup_printf ("the content set has no texts in the language “%s”; it has "
                            "Japanese (ja) and, when complete, English (en)", language);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->english_missing->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->english_missing, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
gma_content_get_page_path (GmaContent    *self,
                           const GmaNode *node)
{
  const char *page;

  g_return_val_if_fail (GMA_IS_CONTENT (self), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  page = gma_node_get_page (node);
  if (page == NULL)
    return NULL;

  return _gma_content_translated_page_path (page, self->language);
}
