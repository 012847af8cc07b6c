/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c: walking through a flow */

#define G_LOG_DOMAIN "gma-test-session"

#include "config.h"

#include "gma-session.h"

typedef struct
{
  GmaFlow    *flow;
  GmaSession *session;
  guint       n_changed;
  guint       n_notify_current;
  guint       n_notify_back;
} Fixture;

static void
on_changed (GmaSession *session,
            Fixture    *f)
{
  f->n_changed++;
}

static void
on_notify_current (GmaSession *session,
                   GParamSpec *pspec,
                   Fixture    *f)
{
  f->n_notify_current++;
}

static void
on_notify_back (GmaSession *session,
                GParamSpec *pspec,
                Fixture    *f)
{
  f->n_notify_back++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "flow", "valid.json", NULL);
  const char * const ja[] = { "ja", NULL };
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  root = gma_json_load (bytes, "flow.json", problems);
  f->flow = gma_flow_new_from_json (root, ja, "flow.json", problems);
  g_assert_nonnull (f->flow);

  f->session = gma_session_new (f->flow);
  g_signal_connect (f->session, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->session, "notify::current-node-id", G_CALLBACK (on_notify_current), f);
  g_signal_connect (f->session, "notify::can-go-back", G_CALLBACK (on_notify_back), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->flow);
}

static const char *
current_id (Fixture *f)
{
  return gma_node_get_id (gma_session_get_current (f->session));
}

/* Counts since the last call */
static void
assert_signals (Fixture *f,
                guint    changed,
                guint    notify_current)
{
  g_assert_cmpuint (f->n_changed, ==, changed);
  g_assert_cmpuint (f->n_notify_current, ==, notify_current);
  f->n_changed = 0;
  f->n_notify_current = 0;
}

static void
test_initial (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = NULL;

  g_assert_true (gma_session_get_flow (f->session) == f->flow);
  g_assert_cmpstr (current_id (f), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 0);
  g_assert_false (gma_session_can_go_back (f->session));
  g_assert_false (gma_session_back (f->session));

  g_object_get (f->session, "current-node-id", &id, NULL);
  g_assert_cmpstr (id, ==, "start");
  assert_signals (f, 0, 0);
}

static void
test_answer (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = NULL;

  g_assert_true (gma_session_answer (f->session, 0));
  assert_signals (f, 1, 1);
  g_assert_cmpuint (f->n_notify_back, ==, 1);
  g_assert_cmpstr (current_id (f), ==, "q1");
  g_assert_true (gma_session_can_go_back (f->session));

  /* Out of range: nothing happens */
  g_assert_false (gma_session_answer (f->session, 2));
  assert_signals (f, 0, 0);

  g_assert_true (gma_session_answer (f->session, 1));   /* いいえ → q2 */
  g_assert_true (gma_session_answer (f->session, 1));   /* いいえ → r2 */
  assert_signals (f, 2, 2);
  g_assert_cmpuint (f->n_notify_back, ==, 1);
  g_assert_cmpstr (current_id (f), ==, "r2");

  g_object_get (f->session, "current-node-id", &id, NULL);
  g_assert_cmpstr (id, ==, "r2");

  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 3);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_step_node (f->session, 0)), ==, "start");
  g_assert_cmpstr (gma_node_get_id (gma_session_get_step_node (f->session, 1)), ==, "q1");
  g_assert_cmpstr (gma_node_get_id (gma_session_get_step_node (f->session, 2)), ==, "q2");
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 0), ==, 0);
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 1), ==, 1);
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 2), ==, 1);

  /* A result has no answers */
  g_assert_false (gma_session_answer (f->session, 0));
  assert_signals (f, 0, 0);
}

static void
test_back (Fixture       *f,
           gconstpointer  data)
{
  gma_session_answer (f->session, 0);
  gma_session_answer (f->session, 0);
  assert_signals (f, 2, 2);
  g_assert_cmpstr (current_id (f), ==, "r1");

  g_assert_true (gma_session_back (f->session));
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "q1");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 1);

  g_assert_true (gma_session_back (f->session));
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "start");
  g_assert_false (gma_session_can_go_back (f->session));
  g_assert_cmpuint (f->n_notify_back, ==, 2);   /* on, then off */

  g_assert_false (gma_session_back (f->session));
  assert_signals (f, 0, 0);
}

static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  gma_session_answer (f->session, 0);   /* start → q1 */
  gma_session_answer (f->session, 1);   /* q1 → q2 */
  gma_session_answer (f->session, 1);   /* q2 → r2 */
  assert_signals (f, 3, 3);

  /* The same answer again changes nothing */
  g_assert_true (gma_session_change (f->session, 1, 1));
  assert_signals (f, 0, 0);
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 3);

  /* Out of range */
  g_assert_false (gma_session_change (f->session, 3, 0));
  g_assert_false (gma_session_change (f->session, 1, 2));
  assert_signals (f, 0, 0);

  /* Changing q1's answer drops the answer given at q2 */
  g_assert_true (gma_session_change (f->session, 1, 0));
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "r1");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 2);
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 1), ==, 0);

  /* …and the walk continues from where the new answer leads */
  g_assert_true (gma_session_change (f->session, 1, 1));
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "q2");
  g_assert_true (gma_session_answer (f->session, 0));
  g_assert_cmpstr (current_id (f), ==, "r1");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 3);

  /* A change that ends on the same node still changes the walk */
  f->n_changed = f->n_notify_current = 0;
  g_assert_true (gma_session_change (f->session, 1, 0));   /* q1 はい → r1 directly */
  assert_signals (f, 1, 0);
  g_assert_cmpstr (current_id (f), ==, "r1");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 2);
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  /* At the start, restarting changes nothing */
  gma_session_restart (f->session);
  assert_signals (f, 0, 0);

  gma_session_answer (f->session, 0);
  gma_session_answer (f->session, 1);
  assert_signals (f, 2, 2);

  gma_session_restart (f->session);
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 0);
  g_assert_false (gma_session_can_go_back (f->session));
}

static void
test_jump_to (Fixture       *f,
              gconstpointer  data)
{
  g_assert_false (gma_session_jump_to (f->session, "nowhere"));
  g_assert_false (gma_session_jump_to (f->session, NULL));
  assert_signals (f, 0, 0);

  /* r2 is only reached through q2 */
  g_assert_true (gma_session_jump_to (f->session, "r2"));
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "r2");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 3);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_step_node (f->session, 1)), ==, "q1");
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 1), ==, 1);
  g_assert_cmpstr (gma_node_get_id (gma_session_get_step_node (f->session, 2)), ==, "q2");
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 2), ==, 1);

  /* r1 is reached by the shortest path, through the first answer */
  g_assert_true (gma_session_jump_to (f->session, "r1"));
  assert_signals (f, 1, 1);
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 2);
  g_assert_cmpuint (gma_session_get_step_answer (f->session, 1), ==, 0);

  /* Jumping to where the session already is, the same way, is no change */
  g_assert_true (gma_session_jump_to (f->session, "r1"));
  assert_signals (f, 0, 0);

  /* Back works from a jumped-to node */
  g_assert_true (gma_session_back (f->session));
  g_assert_cmpstr (current_id (f), ==, "q1");

  g_assert_true (gma_session_jump_to (f->session, "start"));
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 0);
  g_assert_false (gma_session_can_go_back (f->session));
}

/* The fixture's flow, loaded again: in @language, and with node q2
 * named @q2 (a different flow when it is not "q2"). */
static GmaFlow *
load_other_flow (const char *language,
                 const char *q2)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "flow", "valid.json", NULL);
  const char * const languages[] = { language, NULL };
  g_autoptr(GmaProblems) problems = gma_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", q2);
  g_auto(GStrv) parts = NULL;
  GmaFlow *flow;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (text, "\"q2\"", -1);
  g_assert_cmpuint (g_strv_length (parts), >, 1);
  renamed = g_strjoinv (quoted, parts);
  bytes = g_bytes_new (renamed, strlen (renamed));
  root = gma_json_load (bytes, "flow.json", problems);
  flow = gma_flow_new_from_json (root, languages, "flow.json", problems);
  g_assert_nonnull (flow);

  return flow;
}

static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GmaSession) copy = NULL;
  g_autoptr(GmaSession) fresh = gma_session_new (f->flow);

  g_assert_true (gma_session_answer (f->session, 0));
  g_assert_true (gma_session_answer (f->session, 1));   /* → q2 */
  assert_signals (f, 2, 2);

  copy = gma_session_copy (f->session);
  g_assert_true (gma_session_get_flow (copy) == f->flow);
  g_assert_true (gma_session_get_current (copy) == gma_session_get_current (f->session));
  g_assert_cmpuint (gma_session_get_n_steps (copy), ==, 2);
  g_assert_true (gma_session_same_walk (copy, f->session));
  g_assert_true (gma_session_same_walk (f->session, copy));
  g_assert_false (gma_session_same_walk (fresh, f->session));

  /* The copy walks on alone */
  g_assert_true (gma_session_answer (copy, 0));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (copy)), ==, "r1");
  g_assert_cmpstr (current_id (f), ==, "q2");
  g_assert_false (gma_session_same_walk (copy, f->session));
  assert_signals (f, 0, 0);

  /* Another answer to the same node is another walk */
  g_assert_true (gma_session_back (copy));
  g_assert_true (gma_session_same_walk (copy, f->session));
  g_assert_true (gma_session_change (copy, 1, 0));     /* q1: はい → r1 */
  g_assert_cmpuint (gma_session_get_n_steps (copy), ==, 2);
  g_assert_false (gma_session_same_walk (copy, f->session));

  /* Both at their start, on the same flow */
  gma_session_restart (f->session);
  g_assert_true (gma_session_same_walk (fresh, f->session));
}

static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GmaFlow) english = load_other_flow ("en", "q2");
  g_autoptr(GmaFlow) other = load_other_flow ("ja", "q3");
  g_autoptr(GmaSession) walk = gma_session_new (english);
  g_autoptr(GmaSession) elsewhere = gma_session_new (other);

  /* The same walk in the same flow read in another language */
  g_assert_true (gma_session_answer (walk, 0));
  g_assert_true (gma_session_answer (walk, 1));
  g_assert_true (gma_session_answer (walk, 1));        /* → r2 */
  g_assert_true (gma_session_replay (f->session, walk));
  assert_signals (f, 1, 1);
  g_assert_cmpstr (current_id (f), ==, "r2");
  g_assert_cmpuint (gma_session_get_n_steps (f->session), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (gma_session_get_step_answer (f->session, i), ==,
                        gma_session_get_step_answer (walk, i));
      g_assert_true (gma_flow_lookup (f->flow, gma_node_get_id (gma_session_get_step_node (f->session, i))) ==
                     gma_session_get_step_node (f->session, i));
    }
  g_assert_false (gma_session_same_walk (f->session, walk));  /* another flow's nodes */

  /* Through a node the other flow lacks: back at the start */
  g_assert_false (gma_session_replay (elsewhere, walk));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (elsewhere)), ==, "start");
  g_assert_cmpuint (gma_session_get_n_steps (elsewhere), ==, 0);
  g_assert_true (gma_session_replay (f->session, elsewhere));  /* both at the start */
  g_assert_cmpstr (current_id (f), ==, "start");
  assert_signals (f, 1, 1);

  /* A walk that avoids it is made there */
  g_assert_true (gma_session_back (walk));
  g_assert_true (gma_session_change (walk, 1, 0));     /* q1: はい → r1 */
  g_assert_true (gma_session_replay (elsewhere, walk));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (elsewhere)), ==, "r1");
  g_assert_cmpuint (gma_session_get_n_steps (elsewhere), ==, 2);

  /* Ending on a node of another id fails too: the walk to q3 there is
   * not the walk to q2 here */
  g_assert_true (gma_session_replay (f->session, walk));
  assert_signals (f, 1, 1);
  g_assert_true (gma_session_back (elsewhere));
  g_assert_true (gma_session_answer (elsewhere, 1));    /* q1: いいえ → q3 */
  g_assert_false (gma_session_replay (f->session, elsewhere));
  g_assert_cmpstr (current_id (f), ==, "start");
  assert_signals (f, 1, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/initial", Fixture, NULL, fixture_set_up, test_initial, fixture_tear_down);
  g_test_add ("/session/answer", Fixture, NULL, fixture_set_up, test_answer, fixture_tear_down);
  g_test_add ("/session/back", Fixture, NULL, fixture_set_up, test_back, fixture_tear_down);
  g_test_add ("/session/change", Fixture, NULL, fixture_set_up, test_change, fixture_tear_down);
  g_test_add ("/session/restart", Fixture, NULL, fixture_set_up, test_restart, fixture_tear_down);
  g_test_add ("/session/jump-to", Fixture, NULL, fixture_set_up, test_jump_to, fixture_tear_down);
  g_test_add ("/session/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/session/replay", Fixture, NULL, fixture_set_up, test_replay, fixture_tear_down);

  return g_test_run ();
}
