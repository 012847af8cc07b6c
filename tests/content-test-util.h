/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the content tests (test-content, test-content-files,
 * test-content-pages, test-content-languages): loading sets, asserting
 * on their problems, scratch copies, the embedded set's texts. */
#pragma once

#include <string.h>

#include "gma-content.h"
#include "test-util.h"

G_GNUC_UNUSED static const char * const ja[] = { "ja", NULL };

static inline GmaContent *
load_dir (const char  *path,
          GError     **error)
{
  g_autoptr(GFile) root = g_file_new_for_path (path);

  return gma_content_new (root, ja, error);
}

static inline GmaContent *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", name, NULL);

  return load_dir (path, error);
}

/* Asserts that @text has a line starting with @prefix and containing
 * @fragment. */
static inline void
assert_line (const char *text,
             const char *prefix,
             const char *fragment)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix) && strstr (lines[i], fragment) != NULL)
      return;

  g_error ("no line “%s…%s…” in:\n%s", prefix, fragment, text);
}

/* Asserts that @error holds a line starting with @prefix and containing
 * @fragment. */
static inline void
assert_problem (const GError *error,
                const char   *prefix,
                const char   *fragment)
{
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  assert_line (error->message, prefix, fragment);
}

/* A copy of the valid fixture in a new temporary directory. */
static inline char *
copy_valid_set (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  char *dir = g_dir_make_tmp ("gma-content-XXXXXX", &error);

  g_assert_no_error (error);
  test_copy_tree (valid, dir);

  return dir;
}

/* Writes @len bytes of @text (-1: NUL-terminated) to @dir/@path. */
static inline void
write_file (const char *dir,
            const char *path,
            const char *text,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (dir, path, NULL);
  g_autofree char *parent = g_path_get_dirname (to);

  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (to, text, len, &error);
  g_assert_no_error (error);
}

/* The page of @node_id in the embedded set, as text. */
static inline char *
embedded_page (GmaContent *content,
               const char *node_id)
{
  const GmaNode *node = gma_flow_lookup (gma_content_get_flow (content), node_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (node);
  path = gma_content_get_page_path (content, node);
  g_assert_nonnull (path);
  bytes = gma_content_load_file (content, path, NULL, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static inline void
assert_has_fact (const char *where,
                 const char *text,
                 const char *fact)
{
  if (strstr (text, fact) == NULL)
    g_error ("the fact “%s” is not in %s", fact, where);
}

/* The menu labels a person sees on screen, in Japanese whatever the
 * language of the pages: Outlook's (remedy-2), Edge's (remedy-3), and the
 * login page's link (remedy-1 and faq-3-1). */
G_GNUC_UNUSED static const char * const outlook_labels[] = {
  "「迷惑メール(J)」", "「迷惑メールのオプション(O)」", "「信頼できる差出人のリスト」",
  "「追加(D)」", "「適用(A)」",
};

G_GNUC_UNUSED static const char * const edge_labels[] = {
  "「プライバシー、検索、サービス」", "「閲覧データのクリア」", "「クリアするデータの選択」",
};

G_GNUC_UNUSED static const char * const forgot_label = "「パスワードをお忘れですか？」";

/* Everything @content says, one text: its node titles and URLs, its
 * pages and its FAQ entries. Each page must lack @not_in_pages, if not
 * NULL (a word only the pages of another language have). */
static inline char *
gather_all_text (GmaContent *content,
                 const char *not_in_pages)
{
  GmaFlow *flow = gma_content_get_flow (content);
  GListModel *faq = G_LIST_MODEL (gma_content_get_faq (content));
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      const char * const *urls = gma_node_get_urls (node);

      g_string_append_printf (all, "%s\n", gma_node_get_title (node));
      for (guint u = 0; urls[u] != NULL; u++)
        g_string_append_printf (all, "%s\n", urls[u]);
      if (gma_node_get_page (node) != NULL)
        {
          g_autofree char *page = embedded_page (content, gma_node_get_id (node));

          if (not_in_pages != NULL)
            g_assert_null (strstr (page, not_in_pages));
          g_string_append_printf (all, "%s\n", page);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (faq); i++)
    {
      g_autoptr(GmaFaqEntry) entry = g_list_model_get_item (faq, i);

      g_string_append_printf (all, "%s\n%s\n", gma_faq_entry_get_question (entry),
                              gma_faq_entry_get_answer (entry));
    }

  return g_string_free (all, FALSE);
}
