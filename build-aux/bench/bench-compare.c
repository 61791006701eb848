/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare.c: how long a full comparison takes on a large store (build-aux/bench/bench-compare.sh).
 * Not a test: it prints times and memory, and asserts only that the comparison succeeds. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "lb-compare.h"
#include "lb-store.h"

#define GOAL_MS 50.0
#define RUNS    9

/* A reproducible score: the model's strength plus the benchmark's noise, on the benchmark's own
 * scale (0–1, 0–100 %, Elo-like, 1–10, or milliseconds where lower is better). */
static double
score_for (GRand *rand,
           guint  benchmark,
           double strength)
{
  double noise = g_rand_double_range (rand, -0.1, 0.1);
  double p = CLAMP (strength + noise, 0.0, 1.0);

  switch (benchmark % 5)
    {
    case 0: return round (p * 1000) / 1000;
    case 1: return round (p * 1000) / 10;
    case 2: return round (800 + p * 600);
    case 3: return round ((1 + p * 9) * 10) / 10;
    default: return round (2000 - p * 1500);
    }
}

static gint64
fill_leaderboard (LbStore    *store,
                  const char *name,
                  guint       n_models,
                  guint       n_benchmarks,
                  GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  g_autofree gint64 *benchmark_ids = g_new (gint64, n_benchmarks);
  gint64 lb, import_id;
  guint n_results = 0;

  if (!lb_store_begin (store, &error))
    g_error ("%s", error->message);
  lb = lb_store_create_leaderboard (store, name, &error);
  if (lb == 0)
    g_error ("%s", error->message);
  for (guint b = 0; b < n_benchmarks; b++)
    {
      g_autofree char *bname = g_strdup_printf ("Benchmark %02u", b + 1);
      LbBenchmark init = { 0 };

      init.higher_is_better = b % 5 != 4;
      init.direction_confirmed = TRUE;
      init.unit = b % 5 == 1 ? (char *) "%" : b % 5 == 4 ? (char *) "ms" : NULL;
      benchmark_ids[b] = lb_store_ensure_benchmark (store, lb, bname, &init, NULL, &error);
      if (benchmark_ids[b] == 0)
        g_error ("%s", error->message);
    }

  import->leaderboard_id = lb;
  import->file_name = g_strdup_printf ("%s.csv", name);
  import->sha256 = g_strdup_printf ("%064x", g_str_hash (name));
  import->layout = g_strdup ("wide");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  import_id = lb_store_add_import (store, import, &error);
  if (import_id == 0)
    g_error ("%s", error->message);

  for (guint m = 0; m < n_models; m++)
    {
      g_autofree char *mname = g_strdup_printf ("Model %03u", m + 1);
      gint64 model_id = lb_store_ensure_model (store, lb, mname, NULL, NULL, &error);
      double strength = g_rand_double (rand);

      if (model_id == 0)
        g_error ("%s", error->message);
      for (guint b = 0; b < n_benchmarks; b++)
        {
          /* as in real spreadsheets, the newest benchmarks were not run on every model:
           * a third of the cells of the last tenth of the benchmarks are empty */
          if (b >= n_benchmarks - n_benchmarks / 10 && g_rand_int_range (rand, 0, 3) == 0)
            {
              LbGap gap = { 0, lb, model_id, benchmark_ids[b], import_id, m + 2, b + 2, (char *) "",
                            (char *) "The cell is empty." };

              if (lb_store_add_gap (store, &gap, &error) == 0)
                g_error ("%s", error->message);
            }
          else
            {
              LbResult result = { 0 };
              g_autofree char *raw = NULL;

              result.leaderboard_id = lb;
              result.model_id = model_id;
              result.benchmark_id = benchmark_ids[b];
              result.score = score_for (rand, b, strength);
              result.has_stderr = b % 5 == 1;
              result.stderr_value = 1.2;
              raw = g_strdup_printf ("%g", result.score);
              result.raw = raw;
              result.import_id = import_id;
              result.source_row = m + 2;
              result.source_column = b + 2;
              if (lb_store_add_result (store, &result, &error) == 0)
                g_error ("%s", error->message);
              n_results++;
            }
        }
    }
  if (!lb_store_finish_import (store, import_id, n_models + 1, n_results, &error)
      || !lb_store_commit (store, &error))
    g_error ("%s", error->message);
  return lb;
}

static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef enum {
  STEP_FROM_STORE,   /* read from SQLite and compare */
  STEP_COMPUTE,      /* compare records already in memory */
  STEP_TEXT,         /* and render the CLI's text */
  STEP_JSON,         /* and the JSON */
} Step;

static gsize json_bytes;

/* A sink for the JSON: the document is written as it goes, never held whole. */
static gboolean
count_bytes (const char  *data,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  json_bytes += length;
  return TRUE;
}

static double
median_ms (LbStore                *store,
           gint64                  lb,
           GPtrArray              *benchmarks,
           GPtrArray              *models,
           GPtrArray              *results,
           GPtrArray              *gaps,
           const LbCompareOptions *options,
           Step                    step)
{
  double times[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbComparison) c = NULL;
      gint64 start = g_get_monotonic_time ();

      if (step == STEP_FROM_STORE)
        c = lb_compare_leaderboard (store, lb, options, &error);
      else
        c = lb_compare (benchmarks, models, results, gaps, options, &error);
      if (c == NULL)
        g_error ("%s", error->message);
      if (step == STEP_TEXT)
        g_free (lb_comparison_to_text (c));
      else if (step == STEP_JSON && !lb_comparison_write_json (c, "Large", count_bytes, NULL, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof times[0], cmp_double);
  return times[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250704);
  g_autoptr(LbCompareOptions) all = lb_compare_options_new ();
  g_autoptr(LbCompareOptions) profile_options = lb_compare_options_new ();
  g_autoptr(LbProfile) profile = g_new0 (LbProfile, 1);
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(LbComparison) c = NULL;
  guint n_small, n_models, n_benchmarks;
  gint64 large, small = 0;
  gint64 start;
  long kib_before;
  static const struct { const char *name; Step step; } steps[] = {
    { "read from the store and compare", STEP_FROM_STORE },
    { "compare (records in memory)", STEP_COMPUTE },
    { "compare and render the CLI text", STEP_TEXT },
    { "compare and render the JSON", STEP_JSON },
  };

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s DATABASE [SMALL-LEADERBOARDS [MODELS [BENCHMARKS]]]\n", argv[0]);
      return 2;
    }
  n_small = argc > 2 ? atoi (argv[2]) : 1044;
  n_models = argc > 3 ? atoi (argv[3]) : 500;
  n_benchmarks = argc > 4 ? atoi (argv[4]) : 50;

  store = lb_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_small; i++)
    {
      g_autofree char *name = g_strdup_printf ("Leaderboard %04u", i + 1);
      /* like the LBOps survey: most leaderboards are small, a few are wide */
      guint m = 5 + g_rand_int_range (rand, 0, 20);
      guint b = 3 + g_rand_int_range (rand, 0, 12);
      gint64 id = fill_leaderboard (store, name, m, b, rand);

      if (small == 0)
        small = id;
    }
  large = fill_leaderboard (store, "Large", n_models, n_benchmarks, rand);
  printf ("store: %u leaderboards (%u small, 1 of %u models × %u benchmarks) written in %.1f s\n",
          n_small + 1, n_small, n_models, n_benchmarks, (g_get_monotonic_time () - start) / 1e6);

  benchmarks = lb_store_list_benchmarks (store, large, &error);
  models = lb_store_list_models (store, large, &error);
  results = lb_store_list_results (store, large, TRUE, &error);
  gaps = lb_store_list_gaps (store, large, &error);
  if (benchmarks == NULL || models == NULL || results == NULL || gaps == NULL)
    g_error ("%s", error->message);
  printf ("large leaderboard: %u models, %u benchmarks, %u current results, %u empty cells\n",
          models->len, benchmarks->len, results->len, gaps->len);

  profile->name = g_strdup ("Bench profile");
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  for (guint b = 0; b < benchmarks->len; b++)
    {
      LbWeight *w = g_new0 (LbWeight, 1);

      w->benchmark = g_strdup (((LbBenchmark *) g_ptr_array_index (benchmarks, b))->name);
      w->weight = 1 + b % 3;
      g_ptr_array_add (profile->weights, w);
    }
  lb_compare_options_set_profile (profile_options, profile);
  lb_compare_options_set_include_partial (profile_options, TRUE);

  kib_before = peak_kib ();
  printf ("\nmedian of %d runs, all %u models (goal: under %.0f ms):\n", RUNS, models->len, GOAL_MS);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double ms = median_ms (store, large, benchmarks, models, results, gaps, all, steps[i].step);

      /* The goal is for the comparison; the CLI's text and JSON of every cell come on top. */
      if (steps[i].step == STEP_TEXT || steps[i].step == STEP_JSON)
        printf ("  %-40s %8.2f ms  (output for the CLI, beyond the goal)\n", steps[i].name, ms);
      else
        printf ("  %-40s %8.2f ms  (%.2f × goal)\n", steps[i].name, ms, ms / GOAL_MS);
      if (steps[i].step == STEP_COMPUTE)
        {
          ms = median_ms (store, large, benchmarks, models, results, gaps, profile_options, STEP_COMPUTE);
          printf ("  %-40s %8.2f ms  (%.2f × goal)\n", "compare with a profile and partial models",
                  ms, ms / GOAL_MS);
          ms = median_ms (store, small, NULL, NULL, NULL, NULL, all, STEP_FROM_STORE);
          printf ("  %-40s %8.2f ms\n", "a small leaderboard from the store", ms);
          printf ("  peak memory so far: %.1f MiB (%.1f MiB before comparing)\n",
                  peak_kib () / 1024.0, kib_before / 1024.0);
        }
    }

  c = lb_compare_leaderboard (store, large, all, &error);
  if (c == NULL)
    g_error ("%s", error->message);
  printf ("\ncomposite over %u of %u benchmarks; %u models ranked; top: %s; %u flips\n",
          c->n_composite, c->n_rows, c->n_ranked,
          c->n_ranked > 0 ? c->models[c->ranking[0]].model->name : "none", c->flips->len);
  printf ("JSON of the large comparison: %.1f MiB, written in pieces\n", json_bytes / (double) RUNS / 1048576.0);
  printf ("peak memory: %.1f MiB\n", peak_kib () / 1024.0);
  return 0;
}
