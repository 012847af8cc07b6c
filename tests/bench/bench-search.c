/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c: how long a search takes, against a floor.
 *
 * Two corpora: the real embedded content (intro, result pages, FAQ, as
 * gma_search_index_new_for_content() indexes them), and 10,000 synthetic
 * entries generated deterministically from the real texts (titles,
 * keywords and sentences mixed, some characters changed). For each query
 * of a fixed set it measures the median time of gma_search_index_query()
 * (normalising the query, matching, ranking, creating the hits) and of
 * the floor: a plain memmem() scan of the query's normalised words over
 * the same normalised texts, telling only whether each entry has every
 * word (no ranking, no approximate matching; query normalisation not
 * counted). It prints a line per query and the medians over all queries.
 *
 * Not a test: run by `tools/bench search`. Options: --entries=N (10000),
 * --seed=N (1), --query=TEXT (repeatable: these queries instead of the
 * fixed set).
 */

#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gma-html.h"
#include "gma-search.h"

typedef struct {
  char  *id;
  char  *title;
  char **keywords;
  char  *body;
  /* normalised, for the floor */
  char  *norm[3];
  gsize  norm_len[3];
} Record;

static const char *default_queries[] = {
  /* widths, kana, spaces, readings, aliases */
  "ﾛｸﾞｲﾝ", "ろぐいん", "ＵＲＬ", "PW", "パスワード リセット", "ていきほうこく",
  "きかんこーど", "めいわくめーる", "スマホ",
  /* words and phrases of the guide */
  "このサイトにアクセスできません", "定期報告 ボタン", "迷惑メールフォルダ",
  "キャッシュクリア", "空き容量", "ログインIDが分からない", "機関コード",
  "新規ユーザ登録申請", "メール",
  /* typos */
  "パスワートが分からない", "メンテナンフ", "ブラウザのキャシュ",
  /* no hit */
  "天気予報", "xyzzy", "インフルエンザ",
  NULL
};

static const char * const *queries = default_queries;
static guint n_queries = G_N_ELEMENTS (default_queries) - 1;

static void
record_free (gpointer data)
{
  Record *r = data;

  g_free (r->id);
  g_free (r->title);
  g_strfreev (r->keywords);
  g_free (r->body);
  for (guint f = 0; f < 3; f++)
    g_free (r->norm[f]);
  g_free (r);
}

static Record *
record_new (const char         *id,
            const char         *title,
            const char * const *keywords,
            const char         *body)
{
  Record *r = g_new0 (Record, 1);
  GString *kw = g_string_new (NULL);

  r->id = g_strdup (id);
  r->title = g_strdup (title);
  r->keywords = g_strdupv ((char **) keywords);
  r->body = g_strdup (body ? body : "");

  r->norm[0] = gma_search_normalize (r->title, -1, NULL);
  for (guint i = 0; r->keywords && r->keywords[i]; i++)
    {
      g_autofree char *k = gma_search_normalize (r->keywords[i], -1, NULL);

      if (kw->len)
        g_string_append_c (kw, '\n');
      g_string_append (kw, k);
    }
  r->norm[1] = g_string_free (kw, FALSE);
  r->norm[2] = gma_search_normalize (r->body, -1, NULL);
  for (guint f = 0; f < 3; f++)
    r->norm_len[f] = strlen (r->norm[f]);
  return r;
}

/* The records gma_search_index_new_for_content() makes, in its order. */
static GPtrArray *
real_records (GmaContent *content)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);
  GmaFlow *flow = gma_content_get_flow (content);
  GListModel *faq = G_LIST_MODEL (gma_content_get_faq (content));
  const GmaNode *start = gma_flow_get_start (flow);

  for (int i = -1; i < (int) gma_flow_get_n_nodes (flow); i++)
    {
      const GmaNode *node = i < 0 ? start : gma_flow_get_node (flow, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;

      if (i >= 0 && (node == start || gma_node_get_kind (node) != GMA_NODE_RESULT))
        continue;
      if (gma_node_get_page (node))
        bytes = gma_content_load_file (content, gma_node_get_page (node), NULL, NULL);
      if (bytes)
        body = gma_html_to_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      if (gma_node_get_reference (node))
        title = g_strconcat (gma_node_get_reference (node), " ", gma_node_get_title (node), NULL);
      else
        title = g_strdup (gma_node_get_title (node));
      g_ptr_array_add (records, record_new (gma_node_get_id (node), title,
                                            gma_node_get_keywords (node), body));
    }

  for (guint i = 0; i < g_list_model_get_n_items (faq); i++)
    {
      g_autoptr(GmaFaqEntry) e = g_list_model_get_item (faq, i);

      g_ptr_array_add (records, record_new (gma_faq_entry_get_id (e),
                                            gma_faq_entry_get_question (e),
                                            gma_faq_entry_get_keywords (e),
                                            gma_faq_entry_get_answer (e)));
    }
  return records;
}

/* Splits every body into sentences (at 。 and line breaks). */
static GPtrArray *
sentences_of (GPtrArray *records)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < records->len; i++)
    {
      Record *r = g_ptr_array_index (records, i);
      const char *p = r->body, *start = r->body;

      for (; *p; p = g_utf8_next_char (p))
        if (g_str_has_prefix (p, "。") || *p == '\n')
          {
            const char *end = *p == '\n' ? p : p + strlen ("。");

            if (end - start > 6)
              g_ptr_array_add (sentences, g_strndup (start, end - start));
            start = *p == '\n' ? p + 1 : end;
          }
      if (p - start > 6)
        g_ptr_array_add (sentences, g_strndup (start, p - start));
    }
  return sentences;
}

/* Replaces a few characters of @s by others drawn from @pool, so that
 * synthetic entries are not all copies of the same texts. */
static char *
mutate (GRand      *rand,
        const char *s,
        const char *pool)
{
  glong n_pool = g_utf8_strlen (pool, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      if (g_rand_int_range (rand, 0, 40) == 0)
        g_string_append_unichar (out, g_utf8_get_char (g_utf8_offset_to_pointer (pool, g_rand_int_range (rand, 0, n_pool))));
      else
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
synthetic_records (GPtrArray *real,
                   guint      n,
                   guint32    seed)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GPtrArray) sentences = sentences_of (real);
  GRand *rand = g_rand_new_with_seed (seed);
  const char *pool = "あいうえおかきくけこアイウエオ申請登録確認報告画面設定機関番号情報";

  for (guint i = 0; i < n; i++)
    {
      Record *base = g_ptr_array_index (real, i % real->len);
      Record *other = g_ptr_array_index (real, g_rand_int_range (rand, 0, real->len));
      g_autofree char *id = g_strdup_printf ("syn-%u", i);
      g_autofree char *title = NULL;
      g_autoptr(GStrvBuilder) kw = g_strv_builder_new ();
      g_auto(GStrv) keywords = NULL;
      GString *body = g_string_new (NULL);
      guint n_sentences = g_rand_int_range (rand, 2, 7);

      if (g_rand_boolean (rand))
        title = mutate (rand, base->title, pool);
      else
        title = g_strdup_printf ("%s（%s）", base->title, other->id);

      for (guint k = 0; base->keywords && base->keywords[k]; k++)
        if (g_rand_int_range (rand, 0, 3) != 0)
          g_strv_builder_add (kw, base->keywords[k]);
      if (other->keywords && other->keywords[0] && g_rand_boolean (rand))
        g_strv_builder_add (kw, other->keywords[0]);
      keywords = g_strv_builder_end (kw);

      for (guint k = 0; k < n_sentences; k++)
        {
          const char *s = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len));
          g_autofree char *m = mutate (rand, s, pool);

          g_string_append (body, m);
        }
      g_string_append_printf (body, "（整理番号%u）", i);

      g_ptr_array_add (records, record_new (id, title, (const char * const *) keywords, body->str));
      g_string_free (body, TRUE);
    }

  g_rand_free (rand);
  return records;
}

static gint64
now_ns (void)
{
  struct timespec ts;

  /* CPU time of this thread (user and system): other load on the
   * machine, such as a parallel build, disturbs it far less than wall
   * time */
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef guint (*RunFunc) (gpointer data, const char *query, char **words);

/* Median time of one call, in microseconds: 9 samples, each repeating the
 * call for at least 2 ms. */
static double
measure (RunFunc     run,
         gpointer    data,
         const char *query,
         char      **words,
         guint      *result)
{
  double samples[9];
  guint reps = 1;

  *result = run (data, query, words);   /* warm up */
  for (;;)
    {
      gint64 t0 = now_ns ();

      for (guint i = 0; i < reps; i++)
        run (data, query, words);
      if (now_ns () - t0 >= 2000000 || reps >= (1u << 20))
        break;
      reps *= 2;
    }

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      gint64 t0 = now_ns ();

      for (guint i = 0; i < reps; i++)
        run (data, query, words);
      samples[s] = (now_ns () - t0) / 1000.0 / reps;
    }
  return median (samples, G_N_ELEMENTS (samples));
}

static guint
run_index (gpointer    data,
           const char *query,
           char      **words)
{
  g_autoptr(GPtrArray) hits = gma_search_index_query (data, query);

  return hits->len;
}

static guint
run_floor (gpointer    data,
           const char *query,
           char      **words)
{
  GPtrArray *records = data;
  guint n_words = g_strv_length (words);
  guint matched = 0;

  if (n_words == 0)
    return 0;

  for (guint i = 0; i < records->len; i++)
    {
      Record *r = g_ptr_array_index (records, i);
      gboolean all = TRUE;

      for (guint w = 0; w < n_words && all; w++)
        {
          gsize len = strlen (words[w]);

          all = memmem (r->norm[0], r->norm_len[0], words[w], len)
                || memmem (r->norm[1], r->norm_len[1], words[w], len)
                || memmem (r->norm[2], r->norm_len[2], words[w], len);
        }
      matched += all;
    }
  return matched;
}

static void
bench (const char *name,
       GPtrArray  *records)
{
  g_autoptr(GmaSearchIndex) index = gma_search_index_new ();
  g_autofree double *times = g_new (double, n_queries);
  g_autofree double *floors = g_new (double, n_queries);
  g_autofree double *ratios = g_new (double, n_queries);
  gsize bytes = 0;
  gint64 t0;
  double build_ms;

  t0 = now_ns ();
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = g_ptr_array_index (records, i);

      gma_search_index_add (index, r->id, r->title, (const char * const *) r->keywords, r->body);
      bytes += r->norm_len[0] + r->norm_len[1] + r->norm_len[2];
    }
  build_ms = (now_ns () - t0) / 1e6;

  printf ("\n== %s: %u entries, %zu bytes of normalised text, index built in %.1f ms\n",
          name, records->len, bytes, build_ms);
  printf ("%6s %6s %10s %10s %7s  %s\n", "hits", "floor#", "query µs", "floor µs", "ratio", "query");

  for (guint q = 0; q < n_queries; q++)
    {
      g_auto(GStrv) words = gma_search_query_words (queries[q]);
      guint hits, floor_hits;

      times[q] = measure (run_index, index, queries[q], words, &hits);
      floors[q] = measure (run_floor, records, queries[q], words, &floor_hits);
      ratios[q] = times[q] / floors[q];
      printf ("%6u %6u %10.2f %10.2f %7.2f  %s\n",
              hits, floor_hits, times[q], floors[q], ratios[q], queries[q]);
    }

  {
    double mt = median (times, n_queries);
    double mf = median (floors, n_queries);
    double mr = median (ratios, n_queries);

    printf ("median per query: %.2f µs; floor (memmem): %.2f µs; "
            "ratio of medians: %.2f; median of ratios: %.2f\n", mt, mf, mt / mf, mr);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = NULL;
  g_autoptr(GPtrArray) real = NULL;
  g_autoptr(GPtrArray) synthetic = NULL;
  g_autoptr(GOptionContext) context = NULL;
  int n_entries = 10000;
  int seed = 1;
  g_auto(GStrv) only = NULL;
  GOptionEntry entries[] = {
    { "query", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only, "Measure this query (repeatable)", "TEXT" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Synthetic entries (10000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the synthetic set (1)", "N" },
    { NULL }
  };

  /* queries on the command line are Japanese: read them as UTF-8 */
  setlocale (LC_ALL, "");
  if (!g_get_charset (NULL))
    setlocale (LC_ALL, "C.UTF-8");

  context = g_option_context_new ("- search benchmark");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (only != NULL && only[0] != NULL)
    {
      queries = (const char * const *) only;
      n_queries = g_strv_length (only);
    }

  content = gma_content_new_embedded (&error);
  if (content == NULL)
    {
      g_printerr ("Cannot load the embedded content: %s\n", error->message);
      return 1;
    }

  real = real_records (content);
  {
    /* the benchmark must index what the application indexes */
    g_autoptr(GmaSearchIndex) app = gma_search_index_new_for_content (content);

    if (gma_search_index_get_n_entries (app) != real->len)
      {
        g_printerr ("Record set differs from gma_search_index_new_for_content()\n");
        return 1;
      }
  }
  synthetic = synthetic_records (real, MAX (n_entries, 1), seed);

  printf ("Search benchmark: thread CPU time, median of 9 samples per query; "
          "floor = memmem() of the normalised words over the same normalised texts\n");
  bench ("real content", real);
  bench ("synthetic", synthetic);

  return 0;
}
