/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the tests of the flow's picture (test-flow-layout,
 * test-flow-diagram). */
#pragma once

#include <string.h>

#include "gma-flow.h"

/* A valid flow from @json (asserts that it is valid). */
static inline GmaFlow *
flow_from_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char * const languages[] = { "ja", NULL };
  GmaFlow *flow;

  root = gma_json_load (bytes, "flow.json", problems);
  g_assert_nonnull (root);
  flow = gma_flow_new_from_json (root, languages, "flow.json", problems);
  gma_problems_to_error (problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow);
  return flow;
}
