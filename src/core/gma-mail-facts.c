/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-facts.c: mail.json, what the mail checker knows */

#define G_LOG_DOMAIN "gma-mail-facts"

#include "config.h"

#include <string.h>

#include "gma-mail-facts.h"

/* The texts of the checker's page: every key must be in mail.json, and
 * its text may hold these placeholders only (docs/content-format.md). */
static const struct {
  const char *key;
  const char *placeholders[3];
} text_keys[] = {
  { "title", { NULL } },
  { "intro", { NULL } },
  { "section-mail", { NULL } },
  { "mail-by-subject", { "mail", NULL } },
  { "mail-by-body", { "mail", NULL } },
  { "mail-unknown", { NULL } },
  { "mail-known-list", { NULL } },
  { "subject-label", { NULL } },
  { "forwarded", { "address", NULL } },
  { "section-sender", { NULL } },
  { "sender-guide", { "sender", NULL } },
  { "sender-ok", { "address", NULL } },
  { "sender-mismatch", { "address", "sender", NULL } },
  { "sender-missing", { NULL } },
  { "section-links", { NULL } },
  { "links-none", { NULL } },
  { "link-ok", { NULL } },
  { "link-ok-domain", { "domain", NULL } },
  { "reason-text-differs", { "shown", "host", NULL } },
  { "reason-userinfo", { "shown", "host", NULL } },
  { "reason-lookalike", { "host", NULL } },
  { "reason-idn", { "host", NULL } },
  { "reason-http", { NULL } },
  { "reason-unknown-host", { "host", NULL } },
  { "reason-other-address", { "address", NULL } },
  { "reason-scheme", { "scheme", NULL } },
  { "reason-invalid", { NULL } },
  { "verdict-ok", { NULL } },
  { "verdict-suspicious", { NULL } },
  { "section-login-id", { NULL } },
  { "login-id", { NULL } },
  { "section-next", { NULL } },
  { "next-intro", { NULL } },
  { "next-button", { "title", NULL } },
  { "warning", { NULL } },
  { "doubt", { NULL } },
  { "privacy", { NULL } },
  { "unreadable", { NULL } },
};

struct _GmaMailKind
{
  char  *id;
  char  *name;
  char  *subject;
  char **key_sentences;
  char  *about;
  GPtrArray *answer_nodes;   /* of char* */
  GArray    *answers;        /* of guint */
  char  *next;
};

struct _GmaMailFacts
{
  GObject      parent_instance;

  char        *sender;
  char       **hosts;
  char       **login_id_labels;
  GPtrArray   *kinds;        /* of GmaMailKind, the guide's mails */
  GmaMailKind *unknown;
  GHashTable  *texts;        /* key → text */
};

G_DEFINE_FINAL_TYPE (GmaMailFacts, gma_mail_facts, G_TYPE_OBJECT)

static void
kind_free (gpointer data)
{
  GmaMailKind *kind = data;

  if (kind == NULL)
    return;
  g_free (kind->id);
  g_free (kind->name);
  g_free (kind->subject);
  g_strfreev (kind->key_sentences);
  g_free (kind->about);
  g_ptr_array_unref (kind->answer_nodes);
  g_array_unref (kind->answers);
  g_free (kind->next);
  g_free (kind);
}

static GmaMailKind *
kind_new (void)
{
  GmaMailKind *kind = g_new0 (GmaMailKind, 1);

  kind->answer_nodes = g_ptr_array_new_with_free_func (g_free);
  kind->answers = g_array_new (FALSE, FALSE, sizeof (guint));
  return kind;
}

static void
gma_mail_facts_finalize (GObject *object)
{
  GmaMailFacts *self = GMA_MAIL_FACTS (object);

  g_free (self->sender);
  g_strfreev (self->hosts);
  g_strfreev (self->login_id_labels);
  g_ptr_array_unref (self->kinds);
  kind_free (self->unknown);
  g_hash_table_unref (self->texts);

  G_OBJECT_CLASS (gma_mail_facts_parent_class)->finalize (object);
}

static void
gma_mail_facts_class_init (GmaMailFactsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gma_mail_facts_finalize;
}

static void
gma_mail_facts_init (GmaMailFacts *self)
{
  self->kinds = g_ptr_array_new_with_free_func (kind_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* A host name as the guide writes one: lower-case ASCII letters, digits
 * and '-' in dot-separated labels. */
static gboolean
host_is_valid (const char *host)
{
  gboolean label_start = TRUE;

  if (host[0] == '\0' || strlen (host) > 253)
    return FALSE;
  for (const char *p = host; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (label_start)
            return FALSE;
          label_start = TRUE;
          continue;
        }
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
        return FALSE;
      label_start = FALSE;
    }
  return !label_start && strchr (host, '.') != NULL;
}

static gboolean
address_is_valid (const char *address)
{
  const char *at = strchr (address, '@');

  if (at == NULL || at == address || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = address; p < at; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || g_ascii_isupper (*p))
      return FALSE;
  return host_is_valid (at + 1);
}

/* An array of non-empty strings (@what in messages); NULL after a
 * problem. */
static char **
get_strings (JsonObject  *object,
             const char  *member,
             gboolean     optional,
             gboolean     allow_empty,
             const char  *file,
             const char  *path,
             GmaProblems *problems)
{
  JsonArray *array = gma_json_get_array (object, member, optional, file, path, problems);
  g_autofree char *member_path = gma_json_path_member (path, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean ok = TRUE;

  if (array == NULL)
    return optional && !json_object_has_member (object, member) ? g_new0 (char *, 1) : NULL;

  if (!allow_empty && json_array_get_length (array) == 0)
    {
      gma_problems_add (problems, file, member_path, "the list is empty");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *element_path = gma_json_path_index (member_path, i);

      if (!gma_json_node_is_string (node) || gma_json_text_is_blank (json_node_get_string (node)))
        {
          gma_problems_add (problems, file, element_path, "must be a non-empty string");
          ok = FALSE;
          continue;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

/* The answers of @kind: a walk through @flow. */
static void
parse_answers (GmaMailKind *kind,
               JsonObject  *object,
               GmaFlow     *flow,
               const char  *file,
               const char  *path,
               GmaProblems *problems)
{
  JsonArray *answers = gma_json_get_array (object, "answers", FALSE, file, path, problems);
  g_autofree char *answers_path = gma_json_path_member (path, "answers");
  const char *previous_next = NULL;

  if (answers == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      g_autofree char *answer_path = gma_json_path_index (answers_path, i);
      JsonNode *answer_node = json_array_get_element (answers, i);
      JsonObject *answer;
      const char *node_id;
      const char *next_id;
      const GmaNode *node;
      guint index = G_MAXUINT;

      if (!JSON_NODE_HOLDS_OBJECT (answer_node))
        {
          gma_problems_add (problems, file, answer_path,
                            "each answer must be an object ({\"node\": ID, \"next\": ID})");
          return;
        }
      answer = json_node_get_object (answer_node);
      node_id = gma_json_get_string (answer, "node", FALSE, file, answer_path, problems);
      next_id = gma_json_get_string (answer, "next", FALSE, file, answer_path, problems);
      if (node_id == NULL || next_id == NULL)
        return;

      node = gma_flow_lookup (flow, node_id);
      if (node == NULL)
        {
          g_autofree char *where = gma_json_path_member (answer_path, "node");

          gma_problems_add (problems, file, where, "there is no node “%s” in flow.json", node_id);
          return;
        }
      for (guint a = 0; a < gma_node_get_n_answers (node) && index == G_MAXUINT; a++)
        if (g_str_equal (gma_node_get_id (gma_node_get_answer_target (node, a)), next_id))
          index = a;
      if (index == G_MAXUINT)
        {
          g_autofree char *where = gma_json_path_member (answer_path, "next");

          gma_problems_add (problems, file, where,
                            "no answer of the node “%s” leads to “%s” in flow.json",
                            node_id, next_id);
          return;
        }
      if (previous_next != NULL && !g_str_equal (previous_next, node_id))
        {
          g_autofree char *where = gma_json_path_member (answer_path, "node");

          gma_problems_add (problems, file, where,
                            "the answer before leads to “%s”, not to “%s”; the answers are a "
                            "walk, each one at the node the one before leads to",
                            previous_next, node_id);
          return;
        }

      g_ptr_array_add (kind->answer_nodes, g_strdup (node_id));
      g_array_append_val (kind->answers, index);
      previous_next = next_id;
    }

  kind->next = g_strdup (previous_next != NULL ? previous_next
                                               : gma_node_get_id (gma_flow_get_start (flow)));
}

static GmaMailKind *
parse_kind (JsonNode            *node,
            gboolean             unknown,
            const char * const  *languages,
            GmaFlow             *flow,
            const char          *file,
            const char          *path,
            GmaProblems         *problems)
{
  GmaMailKind *kind;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      gma_problems_add (problems, file, path, "must be an object ({ … })");
      return NULL;
    }
  object = json_node_get_object (node);
  kind = kind_new ();

  kind->name = gma_json_get_text (object, "name", FALSE, languages, file, path, problems);
  kind->about = gma_json_get_text (object, "about", FALSE, languages, file, path, problems);

  if (unknown)
    {
      kind->id = g_strdup (GMA_MAIL_KIND_UNKNOWN);
      kind->key_sentences = g_new0 (char *, 1);
      kind->next = g_strdup (gma_node_get_id (gma_flow_get_start (flow)));
      return kind;
    }

  kind->id = g_strdup (gma_json_get_string (object, "id", FALSE, file, path, problems));
  if (kind->id != NULL && (!gma_flow_id_is_valid (kind->id) ||
                           g_str_equal (kind->id, GMA_MAIL_KIND_UNKNOWN)))
    {
      g_autofree char *where = gma_json_path_member (path, "id");

      gma_problems_add (problems, file, where,
                        "“%s” is not a valid mail id; use ASCII letters, digits and '-' "
                        "(and not “%s”, which names any other mail)", kind->id,
                        GMA_MAIL_KIND_UNKNOWN);
    }
  kind->subject = g_strdup (gma_json_get_string (object, "subject", FALSE, file, path, problems));
  if (kind->subject != NULL && gma_json_text_is_blank (kind->subject))
    {
      g_autofree char *where = gma_json_path_member (path, "subject");

      gma_problems_add (problems, file, where, "the subject is empty");
    }
  kind->key_sentences = get_strings (object, "key-sentences", FALSE, TRUE, file, path, problems);
  parse_answers (kind, object, flow, file, path, problems);

  return kind;
}

/* Every "{name}" of @text is a placeholder of @key's. */
static void
check_placeholders (const char  *text,
                    guint        key,
                    const char  *file,
                    const char  *path,
                    GmaProblems *problems)
{
  for (const char *p = strchr (text, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *close = strchr (p, '}');
      g_autofree char *name = NULL;
      gboolean known = FALSE;

      if (close == NULL)
        {
          gma_problems_add (problems, file, path, "a “{” is not closed by “}”");
          return;
        }
      name = g_strndup (p + 1, close - p - 1);
      for (guint i = 0; text_keys[key].placeholders[i] != NULL; i++)
        if (g_str_equal (name, text_keys[key].placeholders[i]))
          known = TRUE;
      if (!known)
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) text_keys[key].placeholders);

          gma_problems_add (problems, file, path,
                            "“{%s}” is no placeholder of this text; it may hold %s", name,
                            allowed[0] != '\0' ? allowed : "none");
        }
    }
}

static void
parse_texts (GmaMailFacts        *self,
             JsonObject          *root,
             const char * const  *languages,
             const char          *file,
             GmaProblems         *problems)
{
  JsonObject *texts = gma_json_get_object (root, "texts", FALSE, file, "$", problems);
  g_autoptr(GList) members = NULL;

  if (texts == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    {
      g_autofree char *text = gma_json_get_text (texts, text_keys[i].key, FALSE, languages, file,
                                                 "$.texts", problems);
      g_autofree char *path = gma_json_path_member ("$.texts", text_keys[i].key);

      if (text == NULL)
        continue;
      check_placeholders (text, i, file, path, problems);
      g_hash_table_insert (self->texts, (gpointer) text_keys[i].key, g_steal_pointer (&text));
    }

  members = json_object_get_members (texts);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (text_keys) && !known; i++)
        known = g_str_equal (l->data, text_keys[i].key);
      if (!known)
        {
          g_autofree char *path = gma_json_path_member ("$.texts", l->data);

          gma_problems_add (problems, file, path,
                            "no page of the checker uses this text (docs/content-format.md "
                            "lists the texts)");
        }
    }
}

GmaMailFacts *
gma_mail_facts_new_from_json (JsonNode            *root,
                              const char * const  *languages,
                              GmaFlow             *flow,
                              const char          *file,
                              GmaProblems         *problems)
{
  g_autoptr(GmaMailFacts) self = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonArray *mails;
  const char *sender;
  guint before;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (GMA_IS_FLOW (flow), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (file == NULL)
    file = "mail.json";
  before = problems->len;

  object = gma_json_get_root_object (root, file, problems);
  if (object == NULL)
    return NULL;
  self = g_object_new (GMA_TYPE_MAIL_FACTS, NULL);

  sender = gma_json_get_string (object, "sender", FALSE, file, "$", problems);
  if (sender != NULL && !address_is_valid (sender))
    gma_problems_add (problems, file, "$.sender",
                      "“%s” is not a mail address in lower case (name@host.example)", sender);
  self->sender = g_strdup (sender);

  self->hosts = get_strings (object, "hosts", FALSE, FALSE, file, "$", problems);
  for (guint i = 0; self->hosts != NULL && self->hosts[i] != NULL; i++)
    if (!host_is_valid (self->hosts[i]))
      {
        g_autofree char *path = gma_json_path_index ("$.hosts", i);

        gma_problems_add (problems, file, path,
                          "“%s” is not a host name in lower case (www.example.go.jp), without "
                          "“https://” or a path", self->hosts[i]);
      }

  self->login_id_labels = get_strings (object, "login-id-labels", FALSE, TRUE, file, "$",
                                       problems);

  mails = gma_json_get_array (object, "mails", FALSE, file, "$", problems);
  if (mails != NULL && json_array_get_length (mails) == 0)
    gma_problems_add (problems, file, "$.mails", "there are no mails; give the guide's mails");
  for (guint i = 0; mails != NULL && i < json_array_get_length (mails); i++)
    {
      g_autofree char *path = gma_json_path_index ("$.mails", i);
      GmaMailKind *kind = parse_kind (json_array_get_element (mails, i), FALSE, languages, flow,
                                      file, path, problems);

      if (kind == NULL)
        continue;
      if (kind->id != NULL && g_hash_table_contains (ids, kind->id))
        {
          g_autofree char *where = gma_json_path_member (path, "id");

          gma_problems_add (problems, file, where, "the mail id “%s” is used twice", kind->id);
        }
      else if (kind->id != NULL)
        g_hash_table_add (ids, kind->id);
      g_ptr_array_add (self->kinds, kind);
    }

  self->unknown = parse_kind (json_object_get_member (object, "unknown"), TRUE, languages, flow,
                              file, "$.unknown", problems);
  parse_texts (self, object, languages, file, problems);

  if (problems->len > before)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
gma_mail_facts_get_sender (GmaMailFacts *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), NULL);
  return self->sender;
}

const char * const *
gma_mail_facts_get_hosts (GmaMailFacts *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), NULL);
  return (const char * const *) self->hosts;
}

const char * const *
gma_mail_facts_get_login_id_labels (GmaMailFacts *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), NULL);
  return (const char * const *) self->login_id_labels;
}

guint
gma_mail_facts_get_n_kinds (GmaMailFacts *self)
{
  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), 0);
  return self->kinds->len;
}

const GmaMailKind *
gma_mail_facts_get_kind (GmaMailFacts *self,
                         guint         index)
{
  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), NULL);
  g_return_val_if_fail (index < self->kinds->len, NULL);
  return g_ptr_array_index (self->kinds, index);
}

const GmaMailKind *
gma_mail_facts_lookup (GmaMailFacts *self,
                       const char   *id)
{
  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_equal (id, GMA_MAIL_KIND_UNKNOWN))
    return self->unknown;
  for (guint i = 0; i < self->kinds->len; i++)
    {
      GmaMailKind *kind = g_ptr_array_index (self->kinds, i);

      if (g_str_equal (kind->id, id))
        return kind;
    }
  return NULL;
}

const char *
gma_mail_facts_get_text (GmaMailFacts *self,
                         const char   *key)
{
  const char *text;

  g_return_val_if_fail (GMA_IS_MAIL_FACTS (self), NULL);

  text = g_hash_table_lookup (self->texts, key);
  g_return_val_if_fail (text != NULL, "");
  return text;
}

const char *
gma_mail_kind_get_id (const GmaMailKind *kind)
{
  return kind->id;
}

const char *
gma_mail_kind_get_name (const GmaMailKind *kind)
{
  return kind->name;
}

const char *
gma_mail_kind_get_subject (const GmaMailKind *kind)
{
  return kind->subject;
}

const char * const *
gma_mail_kind_get_key_sentences (const GmaMailKind *kind)
{
  return (const char * const *) kind->key_sentences;
}

const char *
gma_mail_kind_get_about (const GmaMailKind *kind)
{
  return kind->about;
}

guint
gma_mail_kind_get_n_answers (const GmaMailKind *kind)
{
  return kind->answers->len;
}

const char *
gma_mail_kind_get_answer_node (const GmaMailKind *kind,
                               guint              index)
{
  g_return_val_if_fail (index < kind->answers->len, NULL);
  return g_ptr_array_index (kind->answer_nodes, index);
}

guint
gma_mail_kind_get_answer (const GmaMailKind *kind,
                          guint              index)
{
  g_return_val_if_fail (index < kind->answers->len, 0);
  return g_array_index (kind->answers, guint, index);
}

const char *
gma_mail_kind_get_next (const GmaMailKind *kind)
{
  return kind->next;
}
