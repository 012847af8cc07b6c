/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-content.c: the content loader over arbitrary bytes.
 *
 * The first byte of an input chooses the file the rest becomes, in an
 * otherwise valid content set (a copy of tests/fixtures/content/valid):
 *
 *   byte % 5 == 0   flow.json
 *               1   faq.json
 *               2   pages/r2.html (a page body: the page checker)
 *               3   pages/start.html, also rendered and searched when the
 *                   set is valid (the renderer and the index over a page
 *                   that passed the checker)
 *               4   illustrations/pic.svg, the picture pages/r1.html shows
 *                   (the illustrations' checker, gma-svg-check.h); when the
 *                   set is valid, it is served as it was checked
 *
 * The whole loader runs, as the app runs it: gma_content_new() with its
 * size and depth checks, strict JSON pre-scan, json-glib, flow and FAQ
 * validation, page checks. Loading must either succeed or fail with a
 * message in which every line names a file of the set; when it succeeds,
 * every page is rendered, and the set is searched, every hit's highlight
 * ranges checked as fuzz-search.c checks them.
 *
 * Built with -fsanitize=fuzzer by the meson option "fuzzing", and always
 * into the standalone driver (fuzz-driver.c) that replays the corpus in
 * tests/fuzz/corpus/content as a test.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gma-content.h"
#include "gma-render.h"
#include "gma-search.h"
#include "gma-session.h"
#include "fuzz-util.h"
#include "../test-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char * const ja[] = { "ja", NULL };
static const char * const targets[] = {
  "flow.json", "faq.json", "pages/r2.html", "pages/start.html", "illustrations/pic.svg",
};

static char *set_tmp;           /* the temporary directory, holding… */
static char *set_dir;           /* …the copy of the set */
static GHashTable *originals;   /* target → GBytes of the valid file */

static void
remove_set (void)
{
  if (set_tmp != NULL)
    test_remove_tree (set_tmp);
}

/* The valid set, copied once into a private temporary directory. The
 * fixture is found through GMA_SOURCE_ROOT, or the source tree the
 * program was built from. */
static void
init (void)
{
  const char *root = g_getenv ("GMA_SOURCE_ROOT");
  g_autofree char *valid = NULL;

  if (root == NULL)
    root = GMA_FUZZ_SOURCE_ROOT;
  valid = g_build_filename (root, "tests", "fixtures", "content", "valid", NULL);
  set_tmp = g_dir_make_tmp ("gma-fuzz-XXXXXX", NULL);
  if (set_tmp == NULL)
    fail ("cannot make a temporary directory");
  set_dir = g_build_filename (set_tmp, "set", NULL);
  test_copy_tree (valid, set_dir);
  atexit (remove_set);

  originals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = g_build_filename (set_dir, targets[i], NULL);
      g_autofree char *text = NULL;
      gsize len;

      if (!g_file_get_contents (path, &text, &len, NULL))
        fail ("cannot read %s", path);
      g_hash_table_insert (originals, (gpointer) targets[i],
                           g_bytes_new_take (g_steal_pointer (&text), len));
    }
}

/* A plain write, without g_file_set_contents()'s rename and fsync:
 * thousands of inputs a second. */
static void
write_file (const char *name,
            const void *data,
            gsize       size)
{
  g_autofree char *path = g_build_filename (set_dir, name, NULL);
  const char *p = data;
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    fail ("cannot write %s: %s", path, g_strerror (errno));
  while (size > 0)
    {
      ssize_t n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        fail ("cannot write %s: %s", path, g_strerror (errno));
      p += n;
      size -= n;
    }
  close (fd);
}

static void
render_everything (GmaContent *content)
{
  GmaFlow *flow = gma_content_get_flow (content);
  g_autoptr(GmaSession) session = gma_session_new (flow);
  g_autoptr(GmaSearchIndex) index = gma_search_index_new_for_content (content);
  g_autoptr(GPtrArray) hits = gma_search_index_query (index, "結果 説明");

  for (guint i = 0; i < gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = gma_flow_get_node (flow, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *html = gma_render_node_page_for_query (content, session, node, "説明",
                                                              &error);

      if (html == NULL)
        fail ("a valid set's page %s does not render: %s", gma_node_get_id (node),
                 error->message);
    }

  check_hits (hits);
}

/* The picture of a valid set is served as it was checked, byte for
 * byte: @expected, the input or the valid picture. */
static void
serve_picture (GmaContent   *content,
               const guint8 *expected,
               gsize         expected_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gma_content_load_file (content, "illustrations/pic.svg", NULL,
                                                   &error);

  if (bytes == NULL)
    fail ("the picture of a valid set is not served: %s", error->message);
  if (g_bytes_get_size (bytes) != expected_size ||
      memcmp (g_bytes_get_data (bytes, NULL), expected, expected_size) != 0)
    fail ("the picture served is not the picture checked");
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gboolean initialised;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GError) error = NULL;
  const char *target;
  GBytes *original;

  if (!initialised)
    {
      init ();
      initialised = TRUE;
    }

  if (size < 1)
    return 0;

  target = targets[data[0] % G_N_ELEMENTS (targets)];
  write_file (target, data + 1, size - 1);

  root = g_file_new_for_path (set_dir);
  content = gma_content_new (root, ja, &error);

  if (content == NULL)
    {
      g_auto(GStrv) lines = NULL;

      if (error == NULL || error->domain != GMA_CONTENT_ERROR || error->message[0] == '\0')
        fail ("a set was refused without a content error");
      if (!g_utf8_validate (error->message, -1, NULL))
        fail ("the message is not UTF-8: %s", error->message);

      /* Every line names a file of the set. */
      lines = g_strsplit (error->message, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (!g_str_has_prefix (lines[i], "flow.json:") &&
            !g_str_has_prefix (lines[i], "faq.json:") &&
            !g_str_has_prefix (lines[i], "mail.json:") &&
            !g_str_has_prefix (lines[i], "pages/") &&
            !g_str_has_prefix (lines[i], "illustrations/"))
          fail ("a line of the message names no file: %s", lines[i]);
    }
  else
    {
      GBytes *picture = g_hash_table_lookup (originals, "illustrations/pic.svg");

      render_everything (content);
      if (g_str_equal (target, "illustrations/pic.svg"))
        serve_picture (content, data + 1, size - 1);
      else
        serve_picture (content, g_bytes_get_data (picture, NULL), g_bytes_get_size (picture));
    }

  /* Back to the valid file for the next input. */
  original = g_hash_table_lookup (originals, target);
  write_file (target, g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  return 0;
}
