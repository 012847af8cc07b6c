/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-base.c: what every core file shares (gma-base.h): the problems
 * list and the error it becomes, the path rule, the id rules */

#define G_LOG_DOMAIN "gma-test-base"

#include "config.h"

#include "gma-base.h"

static void
test_problems (void)
{
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gma_problems_to_error (problems, &error));
  g_assert_no_error (error);

  gma_problems_add (problems, "flow.json", "3:5", "first %d", 1);
  gma_problems_add (problems, "flow.json", "$.nodes[2]", "second");
  gma_problems_add (problems, "faq.json", NULL, "third");

  /* One problem, one line: control characters in a reason are escaped. */
  gma_problems_add (problems, "pages/a.html", "2:3", "the link “%s”", "a\nb\r\tc\x1b");

  g_assert_false (gma_problems_to_error (problems, &error));
  g_assert_error (error, GMA_CONTENT_ERROR, GMA_CONTENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "flow.json:3:5: first 1\n"
                   "flow.json: $.nodes[2]: second\n"
                   "faq.json: third\n"
                   "pages/a.html:2:3: the link “a\\nb\\r\\tc\\u001B”");
}

static void
test_path_rule (void)
{
  g_assert_true (gma_content_path_is_safe ("pages/r1.html"));
  g_assert_false (gma_content_path_is_safe ("pages/r1\xff.html"));
  g_assert_false (gma_content_path_is_safe ("pages/a:b.html"));
  g_assert_false (gma_content_path_is_safe ("pages/a\x01.html"));
}

static void
test_flow_id_syntax (void)
{
  g_assert_true (gma_flow_id_is_valid ("remedy-1"));
  g_assert_true (gma_flow_id_is_valid ("Start2"));
  g_assert_false (gma_flow_id_is_valid (""));
  g_assert_false (gma_flow_id_is_valid (NULL));
  g_assert_false (gma_flow_id_is_valid ("a b"));
  g_assert_false (gma_flow_id_is_valid ("a/b"));
  g_assert_false (gma_flow_id_is_valid ("ノード"));
}

static void
test_faq_id_syntax (void)
{
  g_assert_true (gma_faq_id_is_valid ("faq-3-1"));
  g_assert_true (gma_faq_id_is_valid ("faq-A2-10"));
  g_assert_false (gma_faq_id_is_valid ("faq-3"));
  g_assert_false (gma_faq_id_is_valid ("faq-3-"));
  g_assert_false (gma_faq_id_is_valid ("faq--1"));
  g_assert_false (gma_faq_id_is_valid ("faq-3-1a"));
  g_assert_false (gma_faq_id_is_valid ("FAQ-3-1"));
  g_assert_false (gma_faq_id_is_valid ("faq-3 -1"));
  g_assert_false (gma_faq_id_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/base/problems", test_problems);
  g_test_add_func ("/base/path-rule", test_path_rule);
  g_test_add_func ("/base/flow-id-syntax", test_flow_id_syntax);
  g_test_add_func ("/base/faq-id-syntax", test_faq_id_syntax);

  return g_test_run ();
}
