/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-faq.c: the guide's FAQ as a GListModel of GmaFaqEntry */

#define G_LOG_DOMAIN "gma-faq"

#include "config.h"

#include <string.h>

#include "gma-faq.h"

/* ------------------------------------------------------------------ */
/* GmaFaqEntry                                                        */
/* ------------------------------------------------------------------ */

struct _GmaFaqEntry
{
  GObject   parent_instance;

  /* Owned */
  char     *id;
  char     *number;
  char     *category_id;
  char     *category_title;
  char     *question;
  char     *answer;
  char    **keywords;
  char    **see_also;
  gboolean  ask_counter;
};

G_DEFINE_FINAL_TYPE (GmaFaqEntry, gma_faq_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_ID,
  ENTRY_PROP_NUMBER,
  ENTRY_PROP_CATEGORY_ID,
  ENTRY_PROP_CATEGORY_TITLE,
  ENTRY_PROP_QUESTION,
  ENTRY_PROP_ANSWER,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

static void
gma_faq_entry_finalize (GObject *object)
{
  GmaFaqEntry *self = (GmaFaqEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->category_id, g_free);
  g_clear_pointer (&self->category_title, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->answer, g_free);
  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->see_also, g_strfreev);

  G_OBJECT_CLASS (gma_faq_entry_parent_class)->finalize (object);
}

static void
gma_faq_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GmaFaqEntry *self = GMA_FAQ_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case ENTRY_PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case ENTRY_PROP_CATEGORY_ID:
      g_value_set_string (value, self->category_id);
      break;

    case ENTRY_PROP_CATEGORY_TITLE:
      g_value_set_string (value, self->category_title);
      break;

    case ENTRY_PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case ENTRY_PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gma_faq_entry_class_init (GmaFaqEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gma_faq_entry_finalize;
  object_class->get_property = gma_faq_entry_get_property;

  entry_properties[ENTRY_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  entry_properties[ENTRY_PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  entry_properties[ENTRY_PROP_CATEGORY_ID] =
    g_param_spec_string ("category-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  entry_properties[ENTRY_PROP_CATEGORY_TITLE] =
    g_param_spec_string ("category-title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  entry_properties[ENTRY_PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  entry_properties[ENTRY_PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
gma_faq_entry_init (GmaFaqEntry *self)
{
}

const char *
gma_faq_entry_get_id (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return self->id;
}

const char *
gma_faq_entry_get_number (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return self->number;
}

const char *
gma_faq_entry_get_category_id (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return self->category_id;
}

const char *
gma_faq_entry_get_category_title (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return self->category_title;
}

const char *
gma_faq_entry_get_question (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return self->question;
}

const char *
gma_faq_entry_get_answer (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return self->answer;
}

const char * const *
gma_faq_entry_get_keywords (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return (const char * const *) self->keywords;
}

gboolean
gma_faq_entry_get_ask_counter (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), FALSE);

  return self->ask_counter;
}

const char * const *
gma_faq_entry_get_see_also (GmaFaqEntry *self)
{
  g_return_val_if_fail (GMA_IS_FAQ_ENTRY (self), NULL);

  return (const char * const *) self->see_also;
}

/* ------------------------------------------------------------------ */
/* GmaFaq                                                             */
/* ------------------------------------------------------------------ */

struct _GmaFaq
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *entries;   /* GmaFaqEntry */
  GHashTable *by_id;     /* id → GmaFaqEntry (borrowed) */
  char       *title;
  char      **preface;
};

static GType
gma_faq_get_item_type (GListModel *model)
{
  return GMA_TYPE_FAQ_ENTRY;
}

static guint
gma_faq_get_n_items (GListModel *model)
{
  return GMA_FAQ (model)->entries->len;
}

static gpointer
gma_faq_get_item (GListModel *model,
                  guint       position)
{
  GmaFaq *self = GMA_FAQ (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gma_faq_get_item_type;
  iface->get_n_items = gma_faq_get_n_items;
  iface->get_item = gma_faq_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GmaFaq, gma_faq, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
gma_faq_finalize (GObject *object)
{
  GmaFaq *self = (GmaFaq *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->preface, g_strfreev);

  G_OBJECT_CLASS (gma_faq_parent_class)->finalize (object);
}

static void
gma_faq_class_init (GmaFaqClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gma_faq_finalize;
}

static void
gma_faq_init (GmaFaq *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static char **
parse_see_also (JsonObject  *object,
                const char  *file,
                const char  *path,
                GmaProblems *problems)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *where = gma_json_path_member (path, "see-also");
  JsonArray *array;
  gboolean ok = TRUE;

  if (!json_object_has_member (object, "see-also"))
    return g_strv_builder_end (builder);

  array = gma_json_get_array (object, "see-also", FALSE, file, path, problems);
  if (array == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = gma_json_path_index (where, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        {
          gma_problems_add (problems, file, element_path,
                            "must be a string naming a flow node (such as \"remedy-3\")");
          ok = FALSE;
          continue;
        }

      id = json_node_get_string (element);
      if (!gma_flow_id_is_valid (id))
        {
          gma_problems_add (problems, file, element_path,
                            "“%s” is not a valid node id; ids are made of ASCII letters, "
                            "digits and “-”", id);
          ok = FALSE;
          continue;
        }

      g_strv_builder_add (builder, id);
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

static GmaFaqEntry *
parse_entry (JsonNode            *json,
             guint                position,
             const char          *category_id,
             const char          *category_title,
             const char * const  *languages,
             const char          *file,
             const char          *path,
             GmaProblems         *problems)
{
  g_autoptr(GmaFaqEntry) entry = NULL;
  JsonObject *object;
  const char *id;
  guint before = problems->len;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      gma_problems_add (problems, file, path, "each entry must be an object ({ … })");
      return NULL;
    }
  object = json_node_get_object (json);

  entry = g_object_new (GMA_TYPE_FAQ_ENTRY, NULL);

  id = gma_json_get_string (object, "id", FALSE, file, path, problems);
  if (id != NULL)
    {
      g_autofree char *id_path = gma_json_path_member (path, "id");

      if (!gma_faq_id_is_valid (id))
        gma_problems_add (problems, file, id_path,
                          "“%s” is not an FAQ id; FAQ ids look like \"faq-3-1\"", id);
      else if (category_id != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("faq-%s-%u", category_id, position + 1);

          if (!g_str_equal (id, expected))
            gma_problems_add (problems, file, id_path,
                              "entry %u of category %s must have the id “%s”, not “%s”; "
                              "entries are numbered as in the guide",
                              position + 1, category_id, expected, id);
        }
    }

  entry->question = gma_json_get_text (object, "question", FALSE, languages,
                                       file, path, problems);
  entry->answer = gma_json_get_text (object, "answer", FALSE, languages,
                                     file, path, problems);
  if (json_object_has_member (object, "keywords"))
    entry->keywords = gma_json_get_text_list (object, "keywords", TRUE, languages,
                                              file, path, problems);
  else
    entry->keywords = g_new0 (char *, 1);
  entry->see_also = parse_see_also (object, file, path, problems);
  entry->ask_counter = gma_json_get_boolean (object, "ask-counter", TRUE, file, path, problems);

  if (problems->len > before || category_id == NULL || category_title == NULL)
    return NULL;

  entry->id = g_strdup (id);
  entry->number = g_strdup (id + strlen ("faq-"));
  entry->category_id = g_strdup (category_id);
  entry->category_title = g_strdup (category_title);

  return g_steal_pointer (&entry);
}

GmaFaq *
gma_faq_new_from_json (JsonNode           *root,
                       const char * const *languages,
                       const char         *file,
                       GmaProblems        *problems)
{
  g_autoptr(GmaFaq) self = NULL;
  g_autoptr(GHashTable) category_ids = NULL;
  JsonObject *object;
  JsonArray *preface;
  JsonArray *categories;
  guint before;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (file == NULL)
    file = "faq.json";

  before = problems->len;

  object = gma_json_get_root_object (root, file, problems);
  if (object == NULL)
    return NULL;
  self = g_object_new (GMA_TYPE_FAQ, NULL);

  self->title = gma_json_get_text (object, "title", FALSE, languages, file, "$", problems);

  preface = gma_json_get_array (object, "preface", FALSE, file, "$", problems);
  if (preface != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (json_array_get_length (preface) == 0)
        gma_problems_add (problems, file, "$.preface",
                          "the preface is empty; give at least one paragraph");

      for (guint i = 0; i < json_array_get_length (preface); i++)
        {
          g_autofree char *element_path = gma_json_path_index ("$.preface", i);
          g_autofree char *text = NULL;

          text = gma_json_text_from_node (json_array_get_element (preface, i), languages,
                                          file, element_path, problems);
          if (text != NULL)
            g_strv_builder_add (builder, text);
        }

      self->preface = g_strv_builder_end (builder);
    }

  categories = gma_json_get_array (object, "categories", FALSE, file, "$", problems);
  if (categories != NULL && json_array_get_length (categories) == 0)
    gma_problems_add (problems, file, "$.categories", "the FAQ has no categories");

  category_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; categories != NULL && c < json_array_get_length (categories); c++)
    {
      g_autofree char *path = gma_json_path_index ("$.categories", c);
      g_autofree char *entries_path = gma_json_path_member (path, "entries");
      g_autofree char *category_title = NULL;
      JsonNode *category_json = json_array_get_element (categories, c);
      JsonObject *category;
      const char *category_id;
      JsonArray *entries;

      if (!JSON_NODE_HOLDS_OBJECT (category_json))
        {
          gma_problems_add (problems, file, path, "each category must be an object ({ … })");
          continue;
        }
      category = json_node_get_object (category_json);

      category_id = gma_json_get_string (category, "id", FALSE, file, path, problems);
      if (category_id != NULL)
        {
          g_autofree char *id_path = gma_json_path_member (path, "id");

          if (!gma_faq_category_id_is_valid (category_id))
            {
              gma_problems_add (problems, file, id_path,
                                "“%s” is not a valid category id; use ASCII letters and "
                                "digits (such as \"3\")", category_id);
              category_id = NULL;
            }
          else if (g_hash_table_contains (category_ids, category_id))
            {
              gma_problems_add (problems, file, id_path,
                                "the category id “%s” is used twice; ids must be unique",
                                category_id);
              category_id = NULL;
            }
          else
            g_hash_table_add (category_ids, (gpointer) category_id);
        }

      category_title = gma_json_get_text (category, "title", FALSE, languages,
                                          file, path, problems);

      entries = gma_json_get_array (category, "entries", FALSE, file, path, problems);
      if (entries != NULL && json_array_get_length (entries) == 0)
        gma_problems_add (problems, file, entries_path, "the category has no entries");

      for (guint e = 0; entries != NULL && e < json_array_get_length (entries); e++)
        {
          g_autofree char *entry_path = gma_json_path_index (entries_path, e);
          GmaFaqEntry *entry;

          entry = parse_entry (json_array_get_element (entries, e), e,
                               category_id, category_title, languages,
                               file, entry_path, problems);
          if (entry == NULL)
            continue;

          if (g_hash_table_contains (self->by_id, entry->id))
            {
              g_autofree char *id_path = gma_json_path_member (entry_path, "id");

              gma_problems_add (problems, file, id_path,
                                "the id “%s” is used twice; ids must be unique", entry->id);
              g_object_unref (entry);
              continue;
            }

          g_ptr_array_add (self->entries, entry);
          g_hash_table_insert (self->by_id, entry->id, entry);
        }
    }

  if (problems->len > before)
    return NULL;

  return g_steal_pointer (&self);
}

GmaFaqEntry *
gma_faq_lookup (GmaFaq     *self,
                const char *id)
{
  g_return_val_if_fail (GMA_IS_FAQ (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

const char * const *
gma_faq_get_preface (GmaFaq *self)
{
  g_return_val_if_fail (GMA_IS_FAQ (self), NULL);

  return (const char * const *) self->preface;
}

char *
gma_faq_get_advice (GmaFaq *self)
{
  g_autofree char *last = NULL;
  guint n;
  const char *sentence;

  g_return_val_if_fail (GMA_IS_FAQ (self), NULL);

  n = self->preface != NULL ? g_strv_length (self->preface) : 0;
  if (n == 0)
    return NULL;

  /* A sentence ends with "。", or with "." before a space (the English). */
  last = g_strstrip (g_strdup (self->preface[n - 1]));
  sentence = last;
  for (const char *p = last; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      if ((g_str_has_prefix (p, "。") || (*p == '.' && *next == ' ')) && *next != '\0')
        sentence = next;
    }
  while (*sentence == ' ')
    sentence++;

  return g_strdup (sentence);
}

const char *
gma_faq_get_title (GmaFaq *self)
{
  g_return_val_if_fail (GMA_IS_FAQ (self), NULL);

  return self->title;
}
