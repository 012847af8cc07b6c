/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the renderer's tests (test-render, test-render-links,
 * test-render-slip). */
#pragma once

#include "gma-render.h"
#include "test-util.h"

#define NASTY "<script>alert(\"x\")</script> & 'quote'"
#define NASTY_ESCAPED "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quote&apos;"

G_GNUC_UNUSED static const char * const ja[] = { "ja", NULL };

static inline GmaContent *
load_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "content", "valid", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GmaContent *content = gma_content_new (root, ja, &error);

  g_assert_no_error (error);
  return content;
}
