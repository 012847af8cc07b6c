/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-json.c: JSON paths and the typed getters of content files (their
 * loading is gma-json-strict.c's) */

#define G_LOG_DOMAIN "gma-json"

#include "config.h"

#include <string.h>

#include "gma-json.h"

/* ------------------------------------------------------------------ */
/* Paths and typed getters                                            */
/* ------------------------------------------------------------------ */

char *
gma_json_path_member (const char *parent,
                      const char *member)
{
  gboolean plain = member[0] != '\0';

  for (const char *p = member; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      plain = FALSE;

  if (parent == NULL)
    parent = "$";

  if (plain)
    return g_strdup_printf ("%s.%s", parent, member);
  else
    return g_strdup_printf ("%s[\"%s\"]", parent, member);
}

char *
gma_json_path_index (const char *parent,
                     guint       index)
{
  if (parent == NULL)
    parent = "$";

  return g_strdup_printf ("%s[%u]", parent, index);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

/* Looks @member up; on absence (unless @optional) or on a node that is
 * not @type (and, for values, @value_type), appends a problem. */
static JsonNode *
get_member (JsonObject   *object,
            const char   *member,
            gboolean      optional,
            JsonNodeType  type,
            GType         value_type,
            const char   *type_name,
            const char   *file,
            const char   *path,
            GmaProblems  *problems)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = json_object_get_member (object, member);
  if (node == NULL)
    {
      if (!optional)
        {
          g_autofree char *where = gma_json_path_member (path, member);

          gma_problems_add (problems, file, where,
                            "this member is required but missing; add %s", type_name);
        }
      return NULL;
    }

  if (json_node_get_node_type (node) != type ||
      (type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    {
      g_autofree char *where = gma_json_path_member (path, member);

      gma_problems_add (problems, file, where, "must be %s, not %s",
                        type_name, describe_node (node));
      return NULL;
    }

  return node;
}

const char *
gma_json_get_string (JsonObject  *object,
                     const char  *member,
                     gboolean     optional,
                     const char  *file,
                     const char  *path,
                     GmaProblems *problems)
{
  JsonNode *node = get_member (object, member, optional, JSON_NODE_VALUE, G_TYPE_STRING,
                               "a string", file, path, problems);

  return node ? json_node_get_string (node) : NULL;
}

gboolean
gma_json_get_boolean (JsonObject  *object,
                      const char  *member,
                      gboolean     optional,
                      const char  *file,
                      const char  *path,
                      GmaProblems *problems)
{
  JsonNode *node = get_member (object, member, optional, JSON_NODE_VALUE, G_TYPE_BOOLEAN,
                               "true or false", file, path, problems);

  return node ? json_node_get_boolean (node) : FALSE;
}

JsonArray *
gma_json_get_array (JsonObject  *object,
                    const char  *member,
                    gboolean     optional,
                    const char  *file,
                    const char  *path,
                    GmaProblems *problems)
{
  JsonNode *node = get_member (object, member, optional, JSON_NODE_ARRAY, G_TYPE_INVALID,
                               "an array ([ … ])", file, path, problems);

  return node ? json_node_get_array (node) : NULL;
}

JsonObject *
gma_json_get_object (JsonObject  *object,
                     const char  *member,
                     gboolean     optional,
                     const char  *file,
                     const char  *path,
                     GmaProblems *problems)
{
  JsonNode *node = get_member (object, member, optional, JSON_NODE_OBJECT, G_TYPE_INVALID,
                               "an object ({ … })", file, path, problems);

  return node ? json_node_get_object (node) : NULL;
}

gboolean
gma_json_node_is_string (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
gma_json_text_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isspace (ch) && ch != 0x3000)
        return FALSE;
    }

  return TRUE;
}

static const char * const *
default_languages (const char * const *languages)
{
  return languages != NULL ? languages : g_get_language_names ();
}

char *
gma_json_text_from_node (JsonNode            *node,
                         const char * const  *languages,
                         const char          *file,
                         const char          *path,
                         GmaProblems         *problems)
{
  JsonObject *map;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean ok = TRUE;
  const char *ja;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gma_problems_add (problems, file, path,
                        "must be a text such as {\"ja\": \"…\"}, not %s", describe_node (node));
      return NULL;
    }
  map = json_node_get_object (node);

  json_object_iter_init (&iter, map);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (!gma_json_node_is_string (value))
        {
          g_autofree char *lang_path = gma_json_path_member (path, name);

          gma_problems_add (problems, file, lang_path, "must be a string, not %s",
                            describe_node (value));
          ok = FALSE;
        }
    }

  if (!json_object_has_member (map, "ja"))
    {
      g_autofree char *ja_path = gma_json_path_member (path, "ja");

      gma_problems_add (problems, file, ja_path,
                        "the Japanese text is required but missing; add \"ja\": \"…\"");
      return NULL;
    }

  if (!ok)
    return NULL;

  ja = json_object_get_string_member (map, "ja");
  if (gma_json_text_is_blank (ja))
    {
      g_autofree char *ja_path = gma_json_path_member (path, "ja");

      gma_problems_add (problems, file, ja_path, "the Japanese text is empty");
      return NULL;
    }

  for (const char * const *l = default_languages (languages); *l; l++)
    {
      const char *text;

      if (g_str_equal (*l, "ja"))
        break;
      if (!json_object_has_member (map, *l))
        continue;
      text = json_object_get_string_member (map, *l);
      if (!gma_json_text_is_blank (text))
        return g_strdup (text);
    }

  return g_strdup (ja);
}

char *
gma_json_get_text (JsonObject          *object,
                   const char          *member,
                   gboolean             optional,
                   const char * const  *languages,
                   const char          *file,
                   const char          *path,
                   GmaProblems         *problems)
{
  g_autofree char *where = NULL;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  where = gma_json_path_member (path, member);
  node = json_object_get_member (object, member);
  if (node == NULL)
    {
      if (!optional)
        gma_problems_add (problems, file, where,
                          "this member is required but missing; add a text such as "
                          "{\"ja\": \"…\"}");
      return NULL;
    }

  return gma_json_text_from_node (node, languages, file, where, problems);
}

static gboolean
check_string_array (JsonNode    *node,
                    const char  *file,
                    const char  *path,
                    GmaProblems *problems)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gma_problems_add (problems, file, path, "must be an array of strings, not %s",
                        describe_node (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!gma_json_node_is_string (element))
        {
          g_autofree char *element_path = gma_json_path_index (path, i);

          gma_problems_add (problems, file, element_path, "must be a string, not %s",
                            describe_node (element));
          ok = FALSE;
        }
    }

  return ok;
}

static char **
string_array_to_strv (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));

  return g_strv_builder_end (builder);
}

char **
gma_json_get_text_list (JsonObject          *object,
                        const char          *member,
                        gboolean             optional,
                        const char * const  *languages,
                        const char          *file,
                        const char          *path,
                        GmaProblems         *problems)
{
  g_autofree char *where = NULL;
  JsonObject *map;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean ok = TRUE;

  map = gma_json_get_object (object, member, optional, file, path, problems);
  if (map == NULL)
    return NULL;

  where = gma_json_path_member (path, member);

  json_object_iter_init (&iter, map);
  while (json_object_iter_next (&iter, &name, &value))
    {
      g_autofree char *lang_path = gma_json_path_member (where, name);

      if (!check_string_array (value, file, lang_path, problems))
        ok = FALSE;
    }

  if (!json_object_has_member (map, "ja"))
    {
      g_autofree char *ja_path = gma_json_path_member (where, "ja");

      gma_problems_add (problems, file, ja_path,
                        "the Japanese list is required but missing; add \"ja\": [ … ]");
      return NULL;
    }

  if (!ok)
    return NULL;

  for (const char * const *l = default_languages (languages); *l; l++)
    {
      if (g_str_equal (*l, "ja"))
        break;
      if (json_object_has_member (map, *l))
        return string_array_to_strv (json_object_get_array_member (map, *l));
    }

  return string_array_to_strv (json_object_get_array_member (map, "ja"));
}

JsonObject *
gma_json_get_root_object (JsonNode    *root,
                          const char  *file,
                          GmaProblems *problems)
{
  JsonObject *object;
  JsonNode *format;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      gma_problems_add (problems, file, "$", "the file must hold one JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  format = json_object_get_member (object, "format");
  if (format == NULL)
    gma_problems_add (problems, file, "$.format",
                      "this member is required but missing; add \"format\": 1");
  else if (!JSON_NODE_HOLDS_VALUE (format) ||
           (json_node_get_value_type (format) != G_TYPE_INT64 &&
            json_node_get_value_type (format) != G_TYPE_DOUBLE))
    gma_problems_add (problems, file, "$.format", "must be the number 1");
  else if (json_node_get_double (format) != 1.0)
    gma_problems_add (problems, file, "$.format",
                      "format %g is not known to this program, which reads format 1",
                      json_node_get_double (format));

  return object;
}
