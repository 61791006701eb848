/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare.c: the comparison's arithmetic against hand-computed values */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "lb-compare.h"

/* ---- a leaderboard as plain records ---- */

typedef struct {
  GPtrArray *benchmarks;
  GPtrArray *models;
  GPtrArray *results;
  GPtrArray *gaps;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
  f->models = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_model_free);
  f->results = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_result_free);
  f->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_gap_free);
}

static void
fixture_clear (Fixture *f)
{
  g_ptr_array_unref (f->benchmarks);
  g_ptr_array_unref (f->models);
  g_ptr_array_unref (f->results);
  g_ptr_array_unref (f->gaps);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

/* Benchmark ids are 100 + position, model ids 1.. in order of adding. */
static LbBenchmark *
add_benchmark (Fixture    *f,
               const char *name,
               gboolean    higher,
               const char *unit)
{
  LbBenchmark *b = g_new0 (LbBenchmark, 1);

  b->position = f->benchmarks->len;
  b->id = 100 + b->position;
  b->leaderboard_id = 1;
  b->name = g_strdup (name);
  b->unit = g_strdup (unit);
  b->higher_is_better = higher;
  b->direction_confirmed = TRUE;
  g_ptr_array_add (f->benchmarks, b);
  return b;
}

static void
set_scale (LbBenchmark *b,
           double       min,
           double       max)
{
  b->has_scale = TRUE;
  b->scale_min = min;
  b->scale_max = max;
}

static gint64
add_model (Fixture    *f,
           const char *name)
{
  LbModel *m = g_new0 (LbModel, 1);

  m->id = f->models->len + 1;
  m->leaderboard_id = 1;
  m->name = g_strdup (name);
  g_ptr_array_add (f->models, m);
  return m->id;
}

static gint64
model_id (Fixture    *f,
          const char *name)
{
  for (guint i = 0; i < f->models->len; i++)
    if (g_str_equal (((LbModel *) g_ptr_array_index (f->models, i))->name, name))
      return ((LbModel *) g_ptr_array_index (f->models, i))->id;
  g_assert_not_reached ();
}

static gint64
benchmark_id (Fixture    *f,
              const char *name)
{
  for (guint i = 0; i < f->benchmarks->len; i++)
    if (g_str_equal (((LbBenchmark *) g_ptr_array_index (f->benchmarks, i))->name, name))
      return ((LbBenchmark *) g_ptr_array_index (f->benchmarks, i))->id;
  g_assert_not_reached ();
}

/* Source row: the model's position + 2 (header on row 1); column: the benchmark's + 2. */
static LbResult *
add_result (Fixture    *f,
            const char *model,
            const char *benchmark,
            double      score)
{
  LbResult *r = g_new0 (LbResult, 1);

  r->id = f->results->len + 1;
  r->leaderboard_id = 1;
  r->model_id = model_id (f, model);
  r->benchmark_id = benchmark_id (f, benchmark);
  r->score = score;
  r->raw = g_strdup_printf ("%g", score);
  r->current = TRUE;
  r->import_id = 7;
  r->source_row = r->model_id + 1;
  r->source_column = r->benchmark_id - 100 + 2;
  g_ptr_array_add (f->results, r);
  return r;
}

static void
add_result_se (Fixture    *f,
               const char *model,
               const char *benchmark,
               double      score,
               double      se)
{
  LbResult *r = add_result (f, model, benchmark, score);

  r->has_stderr = TRUE;
  r->stderr_value = se;
}

static void
add_gap (Fixture    *f,
         const char *model,
         const char *benchmark,
         gint64      import_id,
         const char *raw,
         const char *reason)
{
  LbGap *g = g_new0 (LbGap, 1);

  g->id = 500 + f->gaps->len;
  g->leaderboard_id = 1;
  g->model_id = model_id (f, model);
  g->benchmark_id = benchmark_id (f, benchmark);
  g->import_id = import_id;
  g->source_row = g->model_id + 1;
  g->source_column = g->benchmark_id - 100 + 2;
  g->raw = g_strdup (raw);
  g->reason = g_strdup (reason);
  g_ptr_array_add (f->gaps, g);
}

static LbComparison *
compare_ok (Fixture                *f,
            const LbCompareOptions *options)
{
  g_autoptr(GError) error = NULL;
  LbComparison *c = lb_compare (f->benchmarks, f->models, f->results, f->gaps, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static guint
index_of (const LbComparison *c,
          const char         *model)
{
  for (guint m = 0; m < c->n_models; m++)
    if (g_str_equal (c->models[m].model->name, model))
      return m;
  g_assert_not_reached ();
}

static guint
row_of (const LbComparison *c,
        const char         *benchmark)
{
  for (guint r = 0; r < c->n_rows; r++)
    if (g_str_equal (c->rows[r].benchmark->name, benchmark))
      return r;
  g_assert_not_reached ();
}

static const LbCompareModel *
model_of (const LbComparison *c,
          const char         *model)
{
  return &c->models[index_of (c, model)];
}

static const LbCompareCell *
cell_of (const LbComparison *c,
         const char         *benchmark,
         const char         *model)
{
  return lb_comparison_get_cell (c, row_of (c, benchmark), index_of (c, model));
}

static const char *
ranked (const LbComparison *c,
        guint               i)
{
  g_assert_cmpuint (i, <, c->n_ranked);
  return c->models[c->ranking[i]].model->name;
}

#define EPS 1e-9

/* Three compared models A, B, C and a fourth, D, that is not compared but sets the ranges:
 *   X (higher): A 80, B 70, C 90, D 60  → range 60..90: A 2/3, B 1/3, C 1
 *   Y (higher): A 60, B 90, C 40, D 20  → range 20..90: A 4/7, B 1,   C 2/7
 *   Z (higher): A 50, B —,  C 70, D 0   → range 0..70:  A 5/7,        C 1
 * B's Z cell was empty in the import. */
static void
build_abc (Fixture *f)
{
  add_benchmark (f, "X", TRUE, NULL);
  add_benchmark (f, "Y", TRUE, NULL);
  add_benchmark (f, "Z", TRUE, NULL);
  add_model (f, "A");
  add_model (f, "B");
  add_model (f, "C");
  add_model (f, "D");
  add_result (f, "A", "X", 80);
  add_result (f, "B", "X", 70);
  add_result (f, "C", "X", 90);
  add_result (f, "D", "X", 60);
  add_result (f, "A", "Y", 60);
  add_result (f, "B", "Y", 90);
  add_result (f, "C", "Y", 40);
  add_result (f, "D", "Y", 20);
  add_result (f, "A", "Z", 50);
  add_result (f, "C", "Z", 70);
  add_result (f, "D", "Z", 0);
  add_gap (f, "B", "Z", 7, "", "The cell is empty.");
}

static LbCompareOptions *
options_abc (Fixture *f)
{
  LbCompareOptions *options = lb_compare_options_new ();

  lb_compare_options_add_model (options, model_id (f, "A"));
  lb_compare_options_add_model (options, model_id (f, "B"));
  lb_compare_options_add_model (options, model_id (f, "C"));
  return options;
}

/* ---- missing values ---- */

static void
test_missing_common_only (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  const LbCompareCell *cell;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  c = compare_ok (&f, options);

  g_assert_cmpuint (c->n_models, ==, 3);
  g_assert_cmpuint (c->n_rows, ==, 3);
  g_assert_cmpuint (c->n_composite, ==, 2);
  g_assert_true (c->rows[row_of (c, "X")].in_composite);
  g_assert_true (c->rows[row_of (c, "Y")].in_composite);
  g_assert_false (c->rows[row_of (c, "Z")].in_composite);
  g_assert_cmpstr (c->coverage_text, ==,
                   "Composite over 2 of 3 benchmarks. 1 is left out because some compared models have no result for it (they are marked partial).");

  /* coverage per model */
  g_assert_cmpuint (model_of (c, "A")->n_covered, ==, 3);
  g_assert_cmpuint (model_of (c, "B")->n_covered, ==, 2);
  g_assert_true (model_of (c, "B")->partial);
  g_assert_false (model_of (c, "A")->partial);
  {
    g_autofree char *coverage = lb_comparison_dup_model_coverage (c, index_of (c, "B"));
    g_assert_cmpstr (coverage, ==, "2 of 3 benchmarks");
  }

  /* ranges come from all four models, not only the compared three */
  g_assert_cmpfloat_with_epsilon (c->rows[row_of (c, "X")].range_min, 60, EPS);
  g_assert_cmpfloat_with_epsilon (c->rows[row_of (c, "X")].range_max, 90, EPS);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "Y", "A")->normalized, 4.0 / 7, EPS);

  /* composites: A (2/3 + 4/7)/2 = 13/21, B (1/3 + 1)/2 = 2/3, C (1 + 2/7)/2 = 9/14 */
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 13.0 / 21, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "B")->composite, 2.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "C")->composite, 9.0 / 14, EPS);
  g_assert_cmpuint (model_of (c, "A")->composite_n, ==, 2);
  g_assert_cmpuint (c->n_ranked, ==, 3);
  g_assert_cmpstr (ranked (c, 0), ==, "B");
  g_assert_cmpstr (ranked (c, 1), ==, "C");
  g_assert_cmpstr (ranked (c, 2), ==, "A");
  g_assert_cmpuint (model_of (c, "A")->rank, ==, 3);

  /* the missing cell keeps its reason and where it came from; it counts nowhere */
  cell = cell_of (c, "Z", "B");
  g_assert_cmpint (cell->kind, ==, LB_CELL_GAP);
  g_assert_cmpstr (lb_compare_cell_reason (cell), ==, "The cell is empty.");
  g_assert_cmpuint (cell->source_row, ==, 3);
  g_assert_cmpuint (cell->source_column, ==, 4);
  g_assert_true (isnan (cell->normalized));
  g_assert_false (cell->in_composite);
  g_assert_false (cell->best);

  /* A's Z is a value but outside the composite, and says so */
  g_assert_false (cell_of (c, "Z", "A")->in_composite);
  g_assert_true (cell_of (c, "X", "A")->in_composite);
}

static void
test_missing_include_partial (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  lb_compare_options_set_include_partial (options, TRUE);
  c = compare_ok (&f, options);

  /* A (2/3 + 4/7 + 5/7)/3 = 41/63, B over X and Y only 2/3, C (1 + 2/7 + 1)/3 = 16/21 */
  g_assert_cmpuint (c->n_composite, ==, 3);
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 41.0 / 63, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "B")->composite, 2.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "C")->composite, 16.0 / 21, EPS);
  g_assert_cmpuint (model_of (c, "B")->composite_n, ==, 2);
  g_assert_cmpuint (model_of (c, "C")->composite_n, ==, 3);
  g_assert_true (model_of (c, "B")->partial);
  g_assert_false (model_of (c, "C")->partial);
  g_assert_cmpstr (ranked (c, 0), ==, "C");
  g_assert_cmpstr (ranked (c, 1), ==, "B");
  g_assert_cmpstr (ranked (c, 2), ==, "A");
  g_assert_nonnull (strstr (c->coverage_text, "models marked partial lack some of them"));
  g_assert_cmpint (cell_of (c, "Z", "B")->kind, ==, LB_CELL_GAP);
  g_assert_false (cell_of (c, "Z", "B")->in_composite);
}

static void
test_missing_not_evaluated_and_newest_gap (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  add_benchmark (&f, "X", TRUE, NULL);
  add_benchmark (&f, "Y", TRUE, NULL);
  add_model (&f, "A");
  add_model (&f, "B");
  add_result (&f, "A", "X", 1);
  add_result (&f, "B", "X", 2);
  add_result (&f, "A", "Y", 3);
  /* B's Y: an old import said "#N/A", a newer one "-" */
  add_gap (&f, "B", "Y", 3, "#N/A", "Excel error #N/A.");
  add_gap (&f, "B", "Y", 9, "-", "The cell holds only a dash.");
  c = compare_ok (&f, options);

  g_assert_cmpint (cell_of (c, "Y", "B")->kind, ==, LB_CELL_GAP);
  g_assert_cmpstr (cell_of (c, "Y", "B")->raw, ==, "-");
  g_assert_cmpint (cell_of (c, "Y", "B")->import_id, ==, 9);

  g_ptr_array_set_size (f.gaps, 0);
  g_clear_pointer (&c, lb_comparison_unref);
  c = compare_ok (&f, options);
  g_assert_cmpint (cell_of (c, "Y", "B")->kind, ==, LB_CELL_NOT_EVALUATED);
  g_assert_cmpstr (lb_compare_cell_reason (cell_of (c, "Y", "B")), ==,
                   "No result for this model was imported.");
  g_assert_null (cell_of (c, "Y", "B")->raw);
  /* composite only over X: A 0, B 1 */
  g_assert_cmpuint (c->n_composite, ==, 1);
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "B")->composite, 1.0, EPS);
}

static void
test_missing_no_common_benchmark (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  add_benchmark (&f, "X", TRUE, NULL);
  add_benchmark (&f, "Y", TRUE, NULL);
  add_model (&f, "A");
  add_model (&f, "B");
  add_result (&f, "A", "X", 1);
  add_result (&f, "B", "Y", 2);
  c = compare_ok (&f, options);

  g_assert_cmpuint (c->n_composite, ==, 0);
  g_assert_cmpuint (c->n_ranked, ==, 0);
  g_assert_false (model_of (c, "A")->has_composite);
  g_assert_cmpstr (c->coverage_text, ==,
                   "No composite: no benchmark has a result for every compared model. Compare fewer models, or include partial models.");
  g_assert_cmpstr (c->robustness_text, ==, "Robustness needs at least two models with a composite.");
}

/* ---- scales and direction ---- */

/* P 0–1, Q 0–100 in %, E Elo (no scale), L latency in ms (lower is better, no scale), R 1–10:
 *         P    Q    E     L    R
 *   M1   0.8  70  1200  200   8
 *   M2   0.6  90  1100  100   5.5 */
static void
build_scales (Fixture *f)
{
  set_scale (add_benchmark (f, "P", TRUE, NULL), 0, 1);
  set_scale (add_benchmark (f, "Q", TRUE, "%"), 0, 100);
  add_benchmark (f, "E", TRUE, NULL);
  add_benchmark (f, "L", FALSE, "ms");
  set_scale (add_benchmark (f, "R", TRUE, NULL), 1, 10);
  add_model (f, "M1");
  add_model (f, "M2");
  add_result (f, "M1", "P", 0.8);
  add_result (f, "M2", "P", 0.6);
  add_result (f, "M1", "Q", 70);
  add_result (f, "M2", "Q", 90);
  add_result (f, "M1", "E", 1200);
  add_result (f, "M2", "E", 1100);
  add_result (f, "M1", "L", 200);
  add_result (f, "M2", "L", 100);
  add_result (f, "M1", "R", 8);
  add_result (f, "M2", "R", 5.5);
}

static void
test_scales_declared (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;
  static const struct {
    const char *benchmark;
    LbNormalization method;
    double m1;
    double m2;
  } expected[] = {
    { "P", LB_NORMALIZE_DECLARED_SCALE, 0.8, 0.6 },
    { "Q", LB_NORMALIZE_DECLARED_SCALE, 0.7, 0.9 },
    { "E", LB_NORMALIZE_MIN_MAX, 1.0, 0.0 },
    { "L", LB_NORMALIZE_MIN_MAX, 0.0, 1.0 },     /* 200 ms is the worst: inverted */
    { "R", LB_NORMALIZE_DECLARED_SCALE, 7.0 / 9, 0.5 },
  };

  fixture_init (&f);
  build_scales (&f);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  c = compare_ok (&f, options);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (c->rows[row_of (c, expected[i].benchmark)].method, ==, expected[i].method);
      g_assert_cmpfloat_with_epsilon (cell_of (c, expected[i].benchmark, "M1")->normalized, expected[i].m1, EPS);
      g_assert_cmpfloat_with_epsilon (cell_of (c, expected[i].benchmark, "M2")->normalized, expected[i].m2, EPS);
    }
  /* M1 (0.8 + 0.7 + 1 + 0 + 7/9)/5, M2 (0.6 + 0.9 + 0 + 1 + 0.5)/5 = 0.6 */
  g_assert_cmpfloat_with_epsilon (model_of (c, "M1")->composite, (2.5 + 7.0 / 9) / 5, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "M2")->composite, 0.6, EPS);
  g_assert_nonnull (strstr (c->method_text, "against its declared scale"));
  g_assert_nonnull (strstr (c->method_text, "2 benchmarks declare no scale"));

  /* the best respects the direction; the difference to the baseline M1 too */
  g_assert_true (cell_of (c, "L", "M2")->best);
  g_assert_false (cell_of (c, "L", "M1")->best);
  g_assert_true (cell_of (c, "L", "M2")->has_difference);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "L", "M2")->difference, -100, EPS);
  g_assert_true (cell_of (c, "L", "M2")->difference_better);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "P", "M2")->difference, -0.2, EPS);
  g_assert_false (cell_of (c, "P", "M2")->difference_better);
  g_assert_true (cell_of (c, "P", "M1")->baseline);
  g_assert_false (cell_of (c, "P", "M1")->has_difference);
}

static void
test_scales_min_max (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  build_scales (&f);
  c = compare_ok (&f, options);

  /* with two models every benchmark is 1 or 0: M1 wins P, E, L(inverted: no), R */
  g_assert_cmpfloat_with_epsilon (cell_of (c, "L", "M1")->normalized, 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "R", "M1")->normalized, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "M1")->composite, 0.6, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "M2")->composite, 0.4, EPS);
  g_assert_nonnull (strstr (c->method_text, "between the lowest and highest score of the leaderboard’s models"));
  g_assert_nonnull (strstr (c->method_text, "every benchmark weighing the same"));
}

static void
test_scales_clamped_and_degenerate (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  set_scale (add_benchmark (&f, "R", TRUE, NULL), 1, 10);
  add_benchmark (&f, "S", TRUE, NULL);
  add_model (&f, "A");
  add_model (&f, "B");
  add_result (&f, "A", "R", 11);   /* a typo or another scale: outside 1–10 */
  add_result (&f, "B", "R", 5.5);
  add_result (&f, "A", "S", 3);
  add_result (&f, "B", "S", 3);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  c = compare_ok (&f, options);

  g_assert_true (cell_of (c, "R", "A")->clamped);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "R", "A")->normalized, 1.0, EPS);
  g_assert_cmpuint (c->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->notes, 0), ==,
                   "1 score of “R” lies outside its declared scale 1–10 and counts as the nearest end of it.");
  /* S cannot tell A and B apart: both count as best */
  g_assert_true (c->rows[row_of (c, "S")].degenerate);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "S", "A")->normalized, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "S", "B")->normalized, 1.0, EPS);
  g_assert_true (cell_of (c, "S", "A")->best);
  g_assert_true (cell_of (c, "S", "B")->best);
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "B")->composite, 0.75, EPS);
}

/* ---- weights ---- */

static LbProfile *
profile_new (const char *name,
             ...)
{
  LbProfile *p = g_new0 (LbProfile, 1);
  const char *benchmark;
  va_list args;

  p->name = g_strdup (name);
  p->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  va_start (args, name);
  while ((benchmark = va_arg (args, const char *)) != NULL)
    {
      LbWeight *w = g_new0 (LbWeight, 1);

      w->benchmark = g_strdup (benchmark);
      w->weight = va_arg (args, double);
      g_ptr_array_add (p->weights, w);
    }
  va_end (args);
  return p;
}

static void
test_weights_profile (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(LbProfile) profile = profile_new ("Support bot", "X", 3.0, "Y", 1.0, "Speed", 2.0, NULL);
  const LbCompareFlip *flip;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  lb_compare_options_set_profile (options, profile);
  c = compare_ok (&f, options);

  g_assert_cmpfloat (c->rows[row_of (c, "X")].weight, ==, 3.0);
  g_assert_cmpfloat (c->rows[row_of (c, "Z")].weight, ==, 0.0);
  g_assert_cmpuint (c->n_zero_weight, ==, 1);
  /* A (3·2/3 + 4/7)/4 = 9/14, B (3·1/3 + 1)/4 = 1/2, C (3 + 2/7)/4 = 23/28 */
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 9.0 / 14, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "B")->composite, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "C")->composite, 23.0 / 28, EPS);
  g_assert_cmpstr (ranked (c, 0), ==, "C");
  g_assert_cmpstr (ranked (c, 1), ==, "A");
  g_assert_cmpstr (ranked (c, 2), ==, "B");
  g_assert_cmpstr (c->coverage_text, ==,
                   "Composite over 2 of 3 benchmarks. 1 has weight 0 in the profile or is not in it.");
  g_assert_nonnull (strstr (c->method_text, "weighted by the profile “Support bot”"));
  g_assert_cmpuint (c->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->notes, 0), ==,
                   "The profile “Support bot” weighs “Speed”, which is not a benchmark of this leaderboard; the weight is not used.");

  /* only leaving out X changes the top: Y alone puts B first */
  g_assert_true (c->robustness_tested);
  g_assert_false (c->top_robust);
  g_assert_cmpuint (c->flips->len, ==, 1);
  flip = &g_array_index (c->flips, LbCompareFlip, 0);
  g_assert_cmpint (flip->kind, ==, LB_FLIP_LEAVE_OUT);
  g_assert_cmpuint (flip->row, ==, row_of (c, "X"));
  g_assert_cmpuint (flip->new_top, ==, index_of (c, "B"));
  g_assert_cmpstr (c->robustness_text, ==, "“C” is on top, but leaving out “X” puts “B” on top.");
}

static void
test_weights_invalid (void)
{
  static const double bad[] = { -1.0, NAN, INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Fixture) f;
      g_autoptr(LbCompareOptions) options = NULL;
      g_autoptr(LbProfile) profile = profile_new ("Broken", "X", bad[i], NULL);
      g_autoptr(GError) error = NULL;
      LbComparison *c;

      fixture_init (&f);
      build_abc (&f);
      options = options_abc (&f);
      lb_compare_options_set_profile (options, profile);
      c = lb_compare (f.benchmarks, f.models, f.results, f.gaps, options, &error);
      g_assert_null (c);
      g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_WEIGHT);
      g_assert_nonnull (strstr (error->message, "“Broken”"));
    }
}

static void
test_weights_all_zero (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(LbProfile) profile = profile_new ("Nothing", "X", 0.0, NULL);

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  lb_compare_options_set_profile (options, profile);
  c = compare_ok (&f, options);
  g_assert_cmpuint (c->n_ranked, ==, 0);
  g_assert_cmpstr (c->coverage_text, ==, "No composite: every benchmark has weight 0 in the profile.");
}

/* ---- uncertainty ---- */

/* S1, S2 on 0–100 with standard errors:
 *   A 80±2, 70±2   → 0.75,  se √(0.02² + 0.02²)/2 = 0.01414
 *   B 78±2, 71±2   → 0.745, se 0.01414
 *   C 60±1, 50±1   → 0.55,  se √(0.01² + 0.01²)/2 = 0.00707
 * A–B differ by 0.005 < 2·√(2·0.01414²) = 0.04: a tie. A–C by 0.2 > 2·0.0158: distinct. */
static void
test_uncertainty_ties (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  set_scale (add_benchmark (&f, "S1", TRUE, NULL), 0, 100);
  set_scale (add_benchmark (&f, "S2", TRUE, NULL), 0, 100);
  add_model (&f, "A");
  add_model (&f, "B");
  add_model (&f, "C");
  add_result_se (&f, "A", "S1", 80, 2);
  add_result_se (&f, "B", "S1", 78, 2);
  add_result_se (&f, "C", "S1", 60, 1);
  add_result_se (&f, "A", "S2", 70, 2);
  add_result_se (&f, "B", "S2", 71, 2);
  add_result_se (&f, "C", "S2", 50, 1);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  c = compare_ok (&f, options);

  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "B")->composite, 0.745, EPS);
  g_assert_true (model_of (c, "A")->has_composite_stderr);
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite_stderr, sqrt (0.0008) / 2, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "C")->composite_stderr, sqrt (0.0002) / 2, EPS);
  g_assert_true (c->has_uncertainty);

  g_assert_cmpuint (model_of (c, "A")->rank, ==, 1);
  g_assert_cmpuint (model_of (c, "B")->rank, ==, 1);
  g_assert_cmpuint (model_of (c, "C")->rank, ==, 3);
  g_assert_cmpuint (model_of (c, "A")->rank_hi, ==, 2);
  g_assert_cmpuint (model_of (c, "B")->rank_hi, ==, 2);
  g_assert_cmpuint (model_of (c, "C")->rank_lo, ==, 3);
  g_assert_cmpuint (model_of (c, "C")->rank_hi, ==, 3);
  g_assert_cmpuint (model_of (c, "A")->tie_group, ==, 1);
  g_assert_cmpuint (model_of (c, "B")->tie_group, ==, 1);
  g_assert_cmpuint (model_of (c, "C")->tie_group, ==, 0);
  g_assert_cmpstr (c->uncertainty_text, ==,
                   "“A” and “B” cannot be told apart (their composites differ by less than two standard errors): their ranks lie within 1–2.");
  g_assert_nonnull (g_str_has_prefix (c->robustness_text, "No model is clearly on top") ? c->robustness_text : NULL);

  /* cell differences to the baseline A: B's −2 is within 2·√8, C's −20 is not */
  g_assert_cmpint (cell_of (c, "S1", "B")->significance, ==, LB_SIGNIFICANCE_NOT_DISTINGUISHABLE);
  g_assert_cmpint (cell_of (c, "S1", "C")->significance, ==, LB_SIGNIFICANCE_DISTINGUISHABLE);
}

static void
test_uncertainty_none (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  c = compare_ok (&f, options);
  g_assert_false (c->has_uncertainty);
  g_assert_false (model_of (c, "A")->has_composite_stderr);
  g_assert_cmpuint (model_of (c, "C")->tie_group, ==, 0);
  g_assert_cmpint (cell_of (c, "X", "B")->significance, ==, LB_SIGNIFICANCE_UNKNOWN);
  g_assert_cmpstr (c->uncertainty_text, ==,
                   "The results carry no standard errors, so the ranking has no uncertainty information: a small difference may not be real. "
                   "No gap between neighbouring composites without standard errors is under 0.010.");
}

/* Rank ranges (LMArena's rank bounds): 90 ± 2, 87 ± 2, 84 ± 2 and 70 ± 1 on a 0–100 scale.
 * A–B and B–C differ by 3 < 2·√8 = 5.66, A–C by 6 > 5.66. Grouping against a leader made B "1="
 * and C "3" though B and C cannot be told apart; the ranges say A 1–2, B 1–3, C 2–3, D 4. */
static void
test_uncertainty_rank_ranges (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;
  g_autofree char *a = NULL, *b = NULL, *cc = NULL, *d = NULL;
  g_autofree char *text = NULL;

  fixture_init (&f);
  set_scale (add_benchmark (&f, "S", TRUE, NULL), 0, 100);
  add_model (&f, "A");
  add_model (&f, "B");
  add_model (&f, "C");
  add_model (&f, "D");
  add_result_se (&f, "A", "S", 90, 2);
  add_result_se (&f, "B", "S", 87, 2);
  add_result_se (&f, "C", "S", 84, 2);
  add_result_se (&f, "D", "S", 70, 1);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  c = compare_ok (&f, options);

  a = lb_compare_format_rank (model_of (c, "A"));
  b = lb_compare_format_rank (model_of (c, "B"));
  cc = lb_compare_format_rank (model_of (c, "C"));
  d = lb_compare_format_rank (model_of (c, "D"));
  g_assert_cmpstr (a, ==, "1–2");
  g_assert_cmpstr (b, ==, "1–3");
  g_assert_cmpstr (cc, ==, "2–3");
  g_assert_cmpstr (d, ==, "4");
  g_assert_true (lb_compare_models_distinguishable (model_of (c, "A"), model_of (c, "C")));
  g_assert_false (lb_compare_models_distinguishable (model_of (c, "B"), model_of (c, "C")));
  g_assert_cmpstr (c->uncertainty_text, ==,
                   "“A”, “B” and “C” cannot be told apart (their composites differ by less than two standard errors): their ranks lie within 1–3.");

  /* The JSON gives both bounds. */
  {
    g_autoptr(JsonNode) root = lb_comparison_to_json (c);
    JsonArray *models = json_object_get_array_member (json_node_get_object (root), "models");
    guint found = 0;

    for (guint i = 0; i < json_array_get_length (models); i++)
      {
        JsonObject *model = json_array_get_object_element (models, i);

        if (g_strcmp0 (json_object_get_string_member (model, "name"), "B") != 0)
          continue;
        g_assert_cmpint (json_object_get_int_member (model, "rank_lo"), ==, 1);
        g_assert_cmpint (json_object_get_int_member (model, "rank_hi"), ==, 3);
        g_assert_cmpint (json_object_get_int_member (model, "rank"), ==, 1);
        found++;
      }
    g_assert_cmpuint (found, ==, 1);
  }

  /* The terminal shows the same ranges. */
  text = lb_comparison_to_text (c);
  g_assert_nonnull (strstr (text, " #1–3"));
  g_assert_nonnull (strstr (text, "Ranking: 1–2. A (0.900); 1–3. B (0.870); 2–3. C (0.840); 4. D (0.700)\n"));
}

/* Without standard errors: composites that print alike are tied, and the gaps under 0.010 are
 * listed as too small to call. */
static void
test_uncertainty_small_gaps (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;
  g_autofree char *a = NULL, *b = NULL, *cc = NULL;

  fixture_init (&f);
  set_scale (add_benchmark (&f, "S", TRUE, NULL), 0, 100);
  add_model (&f, "A");
  add_model (&f, "B");
  add_model (&f, "C");
  add_model (&f, "D");
  add_result (&f, "A", "S", 80);
  add_result (&f, "B", "S", 80.02);
  add_result (&f, "C", "S", 79.5);
  add_result (&f, "D", "S", 70);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  c = compare_ok (&f, options);

  a = lb_compare_format_rank (model_of (c, "A"));
  b = lb_compare_format_rank (model_of (c, "B"));
  cc = lb_compare_format_rank (model_of (c, "C"));
  g_assert_cmpstr (a, ==, "1–2");
  g_assert_cmpstr (b, ==, "1–2");
  g_assert_cmpstr (cc, ==, "3");
  g_assert_cmpstr (c->uncertainty_text, ==,
                   "The results carry no standard errors, so the ranking has no uncertainty information: a small difference may not be real. "
                   "Without standard errors, a gap under 0.010 between neighbouring composites is too small to call; 1 is: “A” – “C” (0.005). "
                   "“B” and “A” have the same composite and share rank 1.");
}

static void
test_uncertainty_binomial (void)
{
  static const struct {
    double      scale_min;
    double      scale_max;
    const char *unit;
    double      score;
    guint       n_items;
    gboolean    has;
    double      se;
  } cases[] = {
    { 0, 100, NULL, 80, 100, TRUE, 4.0 },     /* 100·√(0.8·0.2/100) */
    { 0, 1, NULL, 0.5, 100, TRUE, 0.05 },     /* √(0.25/100) */
    { NAN, NAN, "%", 90, 900, TRUE, 1.0 },    /* 100·√(0.09/900) */
    { 1, 10, NULL, 5, 100, FALSE, 0 },        /* not a proportion */
    { 0, 100, NULL, 80, 0, FALSE, 0 },        /* no item count */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Fixture) f;
      g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
      g_autoptr(LbComparison) c = NULL;
      LbBenchmark *b;
      const LbCompareCell *cell;

      fixture_init (&f);
      b = add_benchmark (&f, "K", TRUE, cases[i].unit);
      if (!isnan (cases[i].scale_min))
        set_scale (b, cases[i].scale_min, cases[i].scale_max);
      add_model (&f, "A");
      add_model (&f, "B");
      add_result (&f, "A", "K", cases[i].score);
      add_result (&f, "B", "K", cases[i].score / 2);
      lb_compare_options_set_item_count (options, b->id, cases[i].n_items);
      c = compare_ok (&f, options);
      cell = cell_of (c, "K", "A");
      g_assert_cmpint (cell->has_stderr, ==, cases[i].has);
      g_assert_cmpint (cell->stderr_binomial, ==, cases[i].has);
      if (cases[i].has)
        g_assert_cmpfloat_with_epsilon (cell->stderr_value, cases[i].se, EPS);
    }
}

/* ---- robustness ---- */

static void
test_robustness_flips (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  static const struct {
    LbFlipKind  kind;
    const char *benchmark;
    const char *new_top;
  } expected[] = {
    /* X ×1.5: A (1 + 4/7)/2.5 = 0.629, B (0.5 + 1)/2.5 = 0.6, C (1.5 + 2/7)/2.5 = 0.714 */
    { LB_FLIP_WEIGHT_UP, "X", "C" },
    /* without Y: X alone, C = 1 */
    { LB_FLIP_LEAVE_OUT, "Y", "C" },
    /* Y ×0.5: A (2/3 + 2/7)/1.5 = 0.635, B (1/3 + 1/2)/1.5 = 0.556, C (1 + 1/7)/1.5 = 0.762 */
    { LB_FLIP_WEIGHT_DOWN, "Y", "C" },
  };

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  c = compare_ok (&f, options);

  g_assert_cmpstr (ranked (c, 0), ==, "B");
  g_assert_true (c->robustness_tested);
  g_assert_false (c->top_robust);
  g_assert_cmpuint (c->flips->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LbCompareFlip *flip = &g_array_index (c->flips, LbCompareFlip, i);

      g_assert_cmpint (flip->kind, ==, expected[i].kind);
      g_assert_cmpstr (c->rows[flip->row].benchmark->name, ==, expected[i].benchmark);
      g_assert_cmpstr (c->models[flip->new_top].model->name, ==, expected[i].new_top);
    }
  g_assert_cmpstr (c->robustness_text, ==,
                   "“B” is on top, but raising the weight of “X” by 50% puts “C” on top; "
                   "leaving out “Y” puts “C” on top; lowering the weight of “Y” by 50% puts “C” on top.");
}

static void
test_robustness_stable (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  add_benchmark (&f, "X", TRUE, NULL);
  add_benchmark (&f, "Y", FALSE, NULL);
  add_benchmark (&f, "W", TRUE, NULL);
  add_model (&f, "Best");
  add_model (&f, "Other");
  add_model (&f, "Third");
  add_result (&f, "Best", "X", 9);
  add_result (&f, "Other", "X", 5);
  add_result (&f, "Third", "X", 1);
  add_result (&f, "Best", "Y", 10);
  add_result (&f, "Other", "Y", 20);
  add_result (&f, "Third", "Y", 30);
  add_result (&f, "Best", "W", 3);
  add_result (&f, "Other", "W", 2);
  add_result (&f, "Third", "W", 2.5);
  c = compare_ok (&f, options);

  g_assert_cmpstr (ranked (c, 0), ==, "Best");
  g_assert_true (c->robustness_tested);
  g_assert_true (c->top_robust);
  g_assert_cmpuint (c->flips->len, ==, 0);
  g_assert_cmpstr (c->robustness_text, ==,
                   "“Best” stays on top when any single benchmark is left out and when any weight moves by ±50%.");
}

static void
test_robustness_single_benchmark (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  add_benchmark (&f, "X", TRUE, NULL);
  add_model (&f, "A");
  add_model (&f, "B");
  add_result (&f, "A", "X", 1);
  add_result (&f, "B", "X", 2);
  c = compare_ok (&f, options);
  g_assert_false (c->robustness_tested);
  g_assert_cmpstr (c->robustness_text, ==,
                   "Only one benchmark counts in the composite, so “B” is on top by that benchmark alone; leaving a benchmark out or moving a weight cannot be tested.");
}

/* ---- choosing models, errors ---- */

static void
test_errors (void)
{
  g_auto(Fixture) f;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  LbComparison *c;

  fixture_init (&f);
  build_abc (&f);

  lb_compare_options_add_model (options, model_id (&f, "A"));
  lb_compare_options_add_model (options, model_id (&f, "A"));   /* twice counts once */
  c = lb_compare (f.benchmarks, f.models, f.results, f.gaps, options, &error);
  g_assert_null (c);
  g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_TOO_FEW_MODELS);
  g_clear_error (&error);

  lb_compare_options_add_model (options, 99);
  c = lb_compare (f.benchmarks, f.models, f.results, f.gaps, options, &error);
  g_assert_null (c);
  g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_MODEL);
  g_clear_error (&error);

  lb_compare_options_clear_models (options);
  lb_compare_options_add_model (options, model_id (&f, "A"));
  lb_compare_options_add_model (options, model_id (&f, "B"));
  lb_compare_options_set_baseline (options, model_id (&f, "C"));
  c = lb_compare (f.benchmarks, f.models, f.results, f.gaps, options, &error);
  g_assert_null (c);
  g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_MODEL);
  g_assert_cmpstr (error->message, ==,
                   "The baseline “C” is not among the compared models. Add it to the comparison or pick another baseline.");
}

static void
test_baseline_and_all_models (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  build_abc (&f);
  lb_compare_options_set_baseline (options, model_id (&f, "C"));
  c = compare_ok (&f, options);

  g_assert_cmpuint (c->n_models, ==, 4);
  g_assert_cmpuint (c->baseline, ==, index_of (c, "C"));
  g_assert_true (model_of (c, "C")->baseline);
  /* A's X is 80, C's 90: −10, worse */
  g_assert_cmpfloat_with_epsilon (cell_of (c, "X", "A")->difference, -10, EPS);
  g_assert_false (cell_of (c, "X", "A")->difference_better);
  g_assert_cmpfloat_with_epsilon (cell_of (c, "Y", "A")->difference, 20, EPS);
  g_assert_true (cell_of (c, "Y", "A")->difference_better);
  /* B has no Z: no difference there */
  g_assert_false (cell_of (c, "Z", "B")->has_difference);
  g_assert_true (cell_of (c, "X", "C")->best);
  g_assert_true (cell_of (c, "Y", "B")->best);
}

static void
test_retired_and_unconfirmed (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  build_abc (&f);
  ((LbBenchmark *) g_ptr_array_index (f.benchmarks, 2))->retired = TRUE;          /* Z */
  ((LbBenchmark *) g_ptr_array_index (f.benchmarks, 1))->direction_confirmed = FALSE; /* Y */
  options = options_abc (&f);
  c = compare_ok (&f, options);

  g_assert_cmpuint (c->n_rows, ==, 2);
  g_assert_cmpuint (c->n_retired, ==, 1);
  g_assert_cmpuint (model_of (c, "B")->n_covered, ==, 2);
  g_assert_false (model_of (c, "B")->partial);
  g_assert_cmpstr (c->coverage_text, ==, "Composite over 2 of 2 benchmarks.");
  g_assert_cmpuint (c->notes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (c->notes, 0), ==,
                   "That higher is better on “Y” is only the importer’s guess; confirm the direction in the benchmark’s details.");
  g_assert_cmpstr (g_ptr_array_index (c->notes, 1), ==, "1 retired benchmark is left out.");
}

/* Issue 15.5: each guessed direction was a note of its own, and five of them pushed the table
 * off a small Compare page; the guesses share one note that names each. */
static void
test_guessed_directions_one_note (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;

  fixture_init (&f);
  build_abc (&f);
  ((LbBenchmark *) g_ptr_array_index (f.benchmarks, 0))->direction_confirmed = FALSE; /* X */
  ((LbBenchmark *) g_ptr_array_index (f.benchmarks, 1))->direction_confirmed = FALSE; /* Y */
  ((LbBenchmark *) g_ptr_array_index (f.benchmarks, 1))->higher_is_better = FALSE;
  options = options_abc (&f);
  c = compare_ok (&f, options);

  g_assert_cmpuint (c->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->notes, 0), ==,
                   "The directions of 2 benchmarks are only the importer’s guess: “X” (higher is better), "
                   "“Y” (lower is better). Confirm them in each benchmark’s details.");
}

/* ---- output ---- */

static void
test_format (void)
{
  g_autoptr(LbBenchmark) b = g_new0 (LbBenchmark, 1);
  LbCompareRow row = { .benchmark = b };
  static const struct {
    const char *unit;
    double      value;
    gboolean    difference;
    const char *expected;
  } cases[] = {
    { "%", 85.3, FALSE, "85.3%" },
    { NULL, 1250, FALSE, "1250" },
    { NULL, 0.853, FALSE, "0.853" },
    { "ms", 120.5, FALSE, "120.5 ms" },
    { NULL, -0.05, TRUE, "−0.05" },
    /* a difference of percentages is in points */
    { "%", 1.2, TRUE, "+1.2 pt" },
    { "ms", -3, TRUE, "−3 ms" },
    { NULL, 0.0001, TRUE, "±0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = NULL;

      g_free (b->unit);
      b->unit = g_strdup (cases[i].unit);
      if (cases[i].difference)
        {
          /* cells typed in, without source text: as few decimals as needed */
          LbCompareCell cell = { .kind = LB_CELL_VALUE, .has_difference = TRUE, .difference = cases[i].value };
          LbCompareCell baseline = { .kind = LB_CELL_VALUE };

          s = lb_compare_format_cell_difference (&row, &cell, &baseline);
        }
      else
        s = lb_compare_format_score (&row, cases[i].value);
      g_assert_cmpstr (s, ==, cases[i].expected);
    }
}

/* A cell keeps the decimals its source cell showed: 79.0% stays 79.0%, 5.00 stays 5.00. */
static void
test_format_cell_precision (void)
{
  g_autoptr(LbBenchmark) b = g_new0 (LbBenchmark, 1);
  LbCompareRow row = { .benchmark = b };
  static const struct {
    const char *unit;
    const char *raw;
    double      score;
    const char *expected;
  } cases[] = {
    { "%", "79.0%", 79.0, "79.0%" },
    { "%", "79,0", 79.0, "79.0%" },          /* a decimal comma */
    { "USD", "5.00", 5.0, "5.00 USD" },
    { NULL, "1,250", 1250, "1250" },         /* a thousands separator */
    { "%", "0.790", 79.0, "79.0%" },         /* a fraction shown as a percentage */
    { "%", "８５．３０", 85.3, "85.30%" },    /* full-width digits */
    { NULL, "86", 86, "86" },
    { NULL, NULL, 0.853, "0.853" },           /* typed in: as lb_compare_format_score() */
    { NULL, "n/a", 0.5, "0.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LbCompareCell cell = { .kind = LB_CELL_VALUE, .score = cases[i].score, .raw = (char *) cases[i].raw };
      g_autofree char *s = NULL;

      g_free (b->unit);
      b->unit = g_strdup (cases[i].unit);
      s = lb_compare_format_cell_score (&row, &cell);
      g_assert_cmpstr (s, ==, cases[i].expected);
    }

  /* A standard error is written to at least the score's decimals: "85.0 ± 1.0", "79.1 ± 0.05". */
  {
    static const struct { const char *raw; double score, se; const char *expected; } se_cases[] = {
      { "85.0%", 85.0, 1.0, "1.0" },
      { "79.1%", 79.1, 0.05, "0.05" },
      { "5.00", 5.0, 0.1, "0.10" },
      { NULL, 0.8, 0.9, "0.9" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (se_cases); i++)
      {
        LbCompareCell cell = { .kind = LB_CELL_VALUE, .score = se_cases[i].score, .has_stderr = TRUE,
                               .stderr_value = se_cases[i].se, .raw = (char *) se_cases[i].raw };
        g_autofree char *se = lb_compare_format_cell_stderr (&cell);

        g_assert_cmpstr (se, ==, se_cases[i].expected);
      }
  }

  /* A difference is written to the decimals of the two cells it is taken from: 59.1 against
   * 82.1 is "−23.0", not "−23". */
  {
    static const struct {
      const char *unit;
      const char *raw, *baseline_raw;
      double      score, baseline_score;
      const char *expected, *size;
    } diff_cases[] = {
      { NULL, "59.1", "82.1", 59.1, 82.1, "−23.0", "23.0" },
      { NULL, "7.66", "6.8", 7.66, 6.8, "+0.86", "0.86" },
      { "%", "80.5%", "79.5%", 80.5, 79.5, "+1.0 pt", "1.0" },
      { "ms", "330", "330", 330, 330, "±0 ms", "0" },
      { NULL, "5.00", "5.00", 5.0, 5.0, "±0.00", "0.00" },
      /* a typed-in baseline cannot tell its decimals: as few as needed */
      { NULL, "59.1", NULL, 59.1, 82.1, "−23", "23" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (diff_cases); i++)
      {
        LbCompareCell cell = { .kind = LB_CELL_VALUE, .score = diff_cases[i].score,
                               .raw = (char *) diff_cases[i].raw, .has_difference = TRUE,
                               .difference = diff_cases[i].score - diff_cases[i].baseline_score };
        LbCompareCell baseline = { .kind = LB_CELL_VALUE, .score = diff_cases[i].baseline_score,
                                   .raw = (char *) diff_cases[i].baseline_raw };
        g_autofree char *s = NULL;
        g_autofree char *size = NULL;

        g_free (b->unit);
        b->unit = g_strdup (diff_cases[i].unit);
        s = lb_compare_format_cell_difference (&row, &cell, &baseline);
        size = lb_compare_format_cell_difference_size (&cell, &baseline);
        g_assert_cmpstr (s, ==, diff_cases[i].expected);
        g_assert_cmpstr (size, ==, diff_cases[i].size);
      }
  }
}

static void
test_json (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *array;
  JsonObject *z;
  JsonObject *cell;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  c = compare_ok (&f, options);
  node = lb_comparison_to_json (c);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "normalization"), ==, "min-max");
  g_assert_cmpstr (json_object_get_string_member (root, "baseline"), ==, "A");
  g_assert_cmpint (json_object_get_int_member (root, "composite_benchmarks"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "coverage"), ==, c->coverage_text);
  array = json_object_get_array_member (root, "ranking");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "B");

  array = json_object_get_array_member (root, "models");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (array, 0), "composite"),
                                  13.0 / 21, EPS);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "coverage"), ==,
                   "2 of 3 benchmarks");

  array = json_object_get_array_member (root, "benchmarks");
  z = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (z, "name"), ==, "Z");
  cell = json_array_get_object_element (json_object_get_array_member (z, "cells"), 1);
  g_assert_cmpstr (json_object_get_string_member (cell, "status"), ==, "missing");
  g_assert_true (json_object_get_null_member (cell, "score"));
  g_assert_cmpstr (json_object_get_string_member (cell, "reason"), ==, "The cell is empty.");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (cell, "source"), "row"), ==, 3);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "robustness"), "flips")),
                    ==, 3);
}

static void
test_text (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  c = compare_ok (&f, options);
  text = lb_comparison_to_text (c);
  lines = g_strsplit (text, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "Profile: equal weights");
  g_assert_cmpstr (lines[2], ==, "Benchmark  Weight  A (baseline)  B            C");
  g_assert_cmpstr (lines[3], ==, "Coverage           3/3           2/3 partial  3/3");
  g_assert_cmpstr (lines[4], ==, "X ↑        ×1      80            70 (−10)     90* (+10)");
  g_assert_cmpstr (lines[6], ==, "Z ↑        ×1†     50            —[1]         70* (+20)");
  g_assert_cmpstr (lines[7], ==, "Composite          0.619 #3      0.667 #1     0.643 #2");
  g_assert_cmpstr (lines[9], ==, c->coverage_text);
  g_assert_cmpstr (lines[10], ==, "Ranking: 1. B (0.667); 2. C (0.643); 3. A (0.619)");
  g_assert_true (g_str_has_prefix (lines[11], "Robustness: “B” is on top, but raising the weight of “X”"));
  g_assert_nonnull (strstr (text, "[1] “B” on “Z”: The cell is empty. (import 7, cell D3)\n"));
}

static void
test_text_wide_names (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  fixture_init (&f);
  add_benchmark (&f, "日本語理解", TRUE, "%");
  add_benchmark (&f, "X", TRUE, NULL);
  add_model (&f, "モデルA");
  add_model (&f, "B");
  add_result (&f, "モデルA", "日本語理解", 85.3);
  add_result (&f, "B", "日本語理解", 80);
  add_result (&f, "モデルA", "X", 1);
  add_result (&f, "B", "X", 2);
  c = compare_ok (&f, options);
  text = lb_comparison_to_text (c);
  lines = g_strsplit (text, "\n", -1);
  /* "日本語理解 ↑" takes 12 columns; "モデルA (baseline)" 18 */
  g_assert_cmpstr (lines[2], ==, "Benchmark     Weight  モデルA (baseline)  B");
  g_assert_cmpstr (lines[4], ==, "日本語理解 ↑  ×1      85.3%*              80% (−5.3 pt)");
}

static void
test_check_profile (void)
{
  g_auto(Fixture) f;
  static const struct {
    const char *name;
    const char *benchmark;
    double      weight;
    int         code;   /* -1: valid */
  } cases[] = {
    { "Support bot", "X", 2.0, -1 },
    { "  ", "X", 2.0, LB_COMPARE_ERROR_INVALID_PROFILE },
    { NULL, "X", 2.0, LB_COMPARE_ERROR_INVALID_PROFILE },
    { "Support bot", "X", -2.0, LB_COMPARE_ERROR_INVALID_WEIGHT },
    { "Support bot", "X", 0.0, LB_COMPARE_ERROR_INVALID_PROFILE },
    { "Support bot", "Latency", 1.0, LB_COMPARE_ERROR_INVALID_PROFILE },
  };

  fixture_init (&f);
  build_abc (&f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LbProfile) profile = profile_new (cases[i].name, cases[i].benchmark, cases[i].weight, NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok = lb_compare_check_profile (profile, f.benchmarks, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LB_COMPARE_ERROR, cases[i].code);
        }
    }
}

/* ---- over the store ---- */

static void
test_store_leaderboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  g_autoptr(LbProfile) profile = profile_new ("Support bot", "X", 3.0, "Y", 1.0, NULL);
  g_autoptr(LbProfile) found = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  static const char *const benchmark_names[] = { "X", "Y", "Z" };
  static const char *const model_names[] = { "A", "B", "C", "D" };
  static const double matrix[4][3] = {
    { 80, 60, 50 }, { 70, 90, NAN }, { 90, 40, 70 }, { 60, 20, 0 },
  };
  gint64 benchmark_ids[3], model_ids[4];
  gint64 lb, import_id;
  const LbCompareCell *cell;

  g_assert_no_error (error);
  lb = lb_store_create_leaderboard (store, "Chatbots", &error);
  g_assert_no_error (error);
  for (guint b = 0; b < 3; b++)
    {
      LbBenchmark init = { .higher_is_better = TRUE, .direction_confirmed = TRUE };

      benchmark_ids[b] = lb_store_ensure_benchmark (store, lb, benchmark_names[b], &init, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint m = 0; m < 4; m++)
    {
      model_ids[m] = lb_store_ensure_model (store, lb, model_names[m], NULL, NULL, &error);
      g_assert_no_error (error);
    }

  import->leaderboard_id = lb;
  import->file_name = g_strdup ("chatbots.csv");
  import->sha256 = g_strdup ("00");
  import->layout = g_strdup ("wide");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_assert_true (lb_store_begin (store, &error));
  import_id = lb_store_add_import (store, import, &error);
  g_assert_no_error (error);
  for (guint m = 0; m < 4; m++)
    for (guint b = 0; b < 3; b++)
      {
        if (isnan (matrix[m][b]))
          {
            LbGap gap = { 0, lb, model_ids[m], benchmark_ids[b], import_id, m + 2, b + 2, "",
                          "The cell is empty." };

            g_assert_cmpint (lb_store_add_gap (store, &gap, &error), >, 0);
          }
        else
          {
            g_autofree char *raw = g_strdup_printf ("%g", matrix[m][b]);
            LbResult result = { 0 };

            result.leaderboard_id = lb;
            result.model_id = model_ids[m];
            result.benchmark_id = benchmark_ids[b];
            result.score = matrix[m][b];
            result.raw = raw;
            result.import_id = import_id;
            result.source_row = m + 2;
            result.source_column = b + 2;
            g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
          }
        g_assert_no_error (error);
      }
  g_assert_true (lb_store_finish_import (store, import_id, 5, 11, &error));
  g_assert_true (lb_store_commit (store, &error));

  /* the profile goes through the store and comes back by name */
  profile->leaderboard_id = lb;
  g_assert_true (lb_compare_check_profile (profile, NULL, &error));
  g_assert_cmpint (lb_store_put_profile (store, profile, &error), >, 0);
  g_assert_no_error (error);
  found = lb_compare_find_profile (store, lb, "Support bot", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->weights->len, ==, 2);
  g_assert_null (lb_compare_find_profile (store, lb, "Latency first", &error));
  g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_PROFILE);
  g_assert_cmpstr (error->message, ==,
                   "There is no profile named “Latency first”. The profiles of this leaderboard are: “Support bot”.");
  g_clear_error (&error);
  profiles = lb_store_list_profiles (store, lb, &error);
  g_assert_cmpuint (profiles->len, ==, 1);

  lb_compare_options_add_model (options, model_ids[0]);
  lb_compare_options_add_model (options, model_ids[1]);
  lb_compare_options_add_model (options, model_ids[2]);
  lb_compare_options_set_profile (options, found);
  c = lb_compare_leaderboard (store, lb, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);

  /* the same numbers as /compare/weights/profile, now from SQLite */
  g_assert_cmpfloat_with_epsilon (model_of (c, "A")->composite, 9.0 / 14, EPS);
  g_assert_cmpfloat_with_epsilon (model_of (c, "C")->composite, 23.0 / 28, EPS);
  g_assert_cmpstr (ranked (c, 0), ==, "C");
  g_assert_cmpstr (c->robustness_text, ==, "“C” is on top, but leaving out “X” puts “B” on top.");
  cell = cell_of (c, "Z", "B");
  g_assert_cmpint (cell->kind, ==, LB_CELL_GAP);
  g_assert_cmpstr (lb_compare_cell_reason (cell), ==, "The cell is empty.");
  g_assert_cmpint (cell->import_id, ==, import_id);
  g_assert_cmpuint (cell->source_row, ==, 3);
  g_assert_cmpuint (cell->source_column, ==, 4);
  cell = cell_of (c, "Y", "C");
  g_assert_cmpstr (cell->raw, ==, "40");
  g_assert_cmpuint (cell->source_row, ==, 4);

  /* a model of another leaderboard is not this one's */
  models = lb_store_list_models (store, lb, &error);
  g_assert_cmpuint (models->len, ==, 4);
  lb_compare_options_add_model (options, 999);
  g_clear_pointer (&c, lb_comparison_unref);
  c = lb_compare_leaderboard (store, lb, options, &error);
  g_assert_null (c);
  g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_MODEL);
}

/* ---- leaderboard-cli compare ---- */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *db,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* tests/data/compare/chatbots.csv:
 *           JMMLU (±se)   MT-bench  Latency (ms, lower is better)
 *   Alpha   85.3% ±1.0    9.1       420
 *   Beta    84.9% ±1.1    9.2       510
 *   Gamma   72.0% ±1.2    #N/A      380
 * Alpha and Beta, min–max over all three:
 *   Alpha (1 + 0 + (1 − 40/130))/3 = 0.5641,  Beta (12.9/13.3 + 1 + 0)/3 = 0.6566 */
static void
test_cli (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "compare.db", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "compare", "chatbots.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *models;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  {
    g_auto(Run) run;

    run_cli (&run, db, "import", csv, "--leaderboard", "Chatbots", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  /* all three: Gamma lacks MT-bench, so the composite is over 2 of 3 */
  {
    g_auto(Run) run;

    run_cli (&run, db, "compare", "Chatbots", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    /* the score and its standard error as the Compare page and the report write them */
    g_assert_nonnull (strstr (run.out, "\nJMMLU ↑         ×1      85.3 ± 1.0%*      84.9 ± 1.1% (−0.4 pt, n.d.)  72.0 ± 1.2% (−13.3 pt)\n"));
    g_assert_nonnull (strstr (run.out, "\nComposite over 2 of 3 benchmarks. 1 is left out because"));
    g_assert_nonnull (strstr (run.out, "\nRobustness: “Alpha” is on top, but leaving out “JMMLU” puts “Gamma” on top.\n"));
    g_assert_nonnull (strstr (run.out, "[1] “Gamma” on “MT-bench”: Excel error #N/A (the value is not available). (import 1, cell D4)\n"));
  }

  /* two of them, as data */
  {
    g_auto(Run) run;

    run_cli (&run, db, "compare", "Chatbots", "--models", "Alpha, Beta", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "leaderboard"), ==, "Chatbots");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "ranking"), 0), ==, "Beta");
    models = json_object_get_array_member (root, "models");
    g_assert_cmpuint (json_array_get_length (models), ==, 2);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (models, 0), "composite"),
                                    (1.0 + 0.0 + (1.0 - 40.0 / 130)) / 3, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (models, 1), "composite"),
                                    (12.9 / 13.3 + 1.0) / 3, 1e-9);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (models, 1), "rank"), ==, 1);
  }

  /* a profile saved in the store */
  {
    g_autoptr(LbStore) store = lb_store_open (db, &error);
    g_autoptr(LbLeaderboard) lb = NULL;
    g_autoptr(LbProfile) profile = profile_new ("Fast answers", "Latency (ms)", 3.0, "JMMLU", 1.0, NULL);
    g_auto(Run) run;

    g_assert_no_error (error);
    lb = lb_store_find_leaderboard (store, "Chatbots", &error);
    g_assert_no_error (error);
    profile->leaderboard_id = lb->id;
    g_assert_cmpint (lb_store_put_profile (store, profile, &error), >, 0);
    g_assert_no_error (error);
    g_clear_object (&store);

    /* Latency ×3, JMMLU ×1 over all three: Alpha (1 + 3·(1 − 40/130))/4 = 0.769 stays ahead of
     * Gamma (0 + 3·1)/4 = 0.75; Beta (12.9/13.3 + 0)/4 = 0.242 */
    run_cli (&run, db, "compare", "Chatbots", "--profile", "Fast answers", "--baseline", "Beta", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Profile: Fast answers\n"));
    g_assert_nonnull (strstr (run.out, "Ranking: 1. Alpha (0.769); 2. Gamma (0.750); 3. Beta (0.242)\n"));
    g_assert_nonnull (strstr (run.out, "Beta (baseline)"));
  }

  /* what is wrong, and what exists */
  {
    static const struct {
      const char *args[4];
      int         status;
      const char *message;
    } cases[] = {
      { { "--models", "Alpha,Delta" }, 1,
        "leaderboard-cli: The leaderboard “Chatbots” has no model named “Delta”. Its models are: “Alpha”, “Beta”, “Gamma”.\n" },
      { { "--models", "Alpha" }, 1,
        "leaderboard-cli: A comparison needs at least two models, but only 1 is chosen. Pick another model.\n" },
      { { "--profile", "Cheap" }, 1,
        "leaderboard-cli: There is no profile named “Cheap”. The profiles of this leaderboard are: “Fast answers”.\n" },
      { { "--models", "Alpha,Beta", "--baseline", "Gamma" }, 1,
        "leaderboard-cli: The baseline “Gamma” is not among the compared models. Add it to the comparison or pick another baseline.\n" },
      { { "--normalization", "z-score" }, 2,
        "leaderboard-cli: Unknown normalization “z-score”. Use “min-max” or “declared-scale”.\n" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(Run) run;

        run_cli (&run, db, "compare", "Chatbots", cases[i].args[0], cases[i].args[1], cases[i].args[2],
                 cases[i].args[3], NULL);
        g_assert_cmpint (run.status, ==, cases[i].status);
        g_assert_cmpstr (run.err, ==, cases[i].message);
        g_assert_cmpstr (run.out, ==, "");
      }
  }
}

/* ---- what the method says, and the choice saved per leaderboard ---- */

static void
test_method_sentences (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(LbProfile) profile = profile_new ("Speed", "X", 1.0, "Y", 0.0, "Z", 1.0, NULL);
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *warning = NULL;

  fixture_init (&f);
  build_abc (&f);
  options = options_abc (&f);
  lb_compare_options_set_baseline (options, model_id (&f, "C"));
  c = compare_ok (&f, options);

  summary = lb_comparison_dup_summary (c);
  g_assert_cmpstr (summary, ==, "3 models (A, B, C); baseline “C”; equal weights; the composite only over "
                                "benchmarks every model has; rescaled between the lowest and highest score.");
  g_assert_null (lb_comparison_dup_left_out_reason (c, row_of (c, "X")));
  reason = lb_comparison_dup_left_out_reason (c, row_of (c, "Z"));
  g_assert_cmpstr (reason, ==, "1 of 3 compared models has no value (B)");
  /* 2 of 3 is more than half: no warning */
  g_assert_null (lb_comparison_dup_coverage_warning (c));
  g_clear_pointer (&c, lb_comparison_unref);
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&reason, g_free);

  /* Y weighs 0, Z lacks B: one of three benchmarks is left, fewer than half. */
  lb_compare_options_set_profile (options, profile);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  c = compare_ok (&f, options);
  g_assert_cmpuint (c->n_composite, ==, 1);
  reason = lb_comparison_dup_left_out_reason (c, row_of (c, "Y"));
  g_assert_cmpstr (reason, ==, "weight 0 in the decision profile “Speed” (or not in it)");
  warning = lb_comparison_dup_coverage_warning (c);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "covers only 1 of 3 benchmarks"));
  g_assert_nonnull (strstr (warning, "include partial models"));
  summary = lb_comparison_dup_summary (c);
  g_assert_nonnull (strstr (summary, "decision profile “Speed”"));
  g_assert_nonnull (strstr (summary, "rescaled against declared scales"));
}

static void
test_choice_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(LbProfile) profile = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbCompareOptions) loaded = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  const gint64 *ids;
  guint n_ids = 0;
  gboolean saved = TRUE;
  gint64 lb, a, b, c;

  g_assert_no_error (error);
  lb = lb_store_create_leaderboard (store, "Chosen", &error);
  a = lb_store_ensure_model (store, lb, "A", NULL, NULL, &error);
  b = lb_store_ensure_model (store, lb, "B", NULL, NULL, &error);
  c = lb_store_ensure_model (store, lb, "C", NULL, NULL, &error);
  g_assert_no_error (error);
  profile = profile_new ("Accuracy", "X", 2.0, NULL);
  profile->leaderboard_id = lb;
  profile->id = lb_store_put_profile (store, profile, &error);
  g_assert_cmpint (profile->id, >, 0);

  /* Nothing saved: the default options, and it says so. */
  loaded = lb_compare_options_load_choice (store, lb, notices, &saved, &error);
  g_assert_no_error (error);
  g_assert_false (saved);
  lb_compare_options_get_models (loaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 0);
  g_assert_null (lb_compare_options_get_profile (loaded));
  g_clear_pointer (&loaded, lb_compare_options_free);

  lb_compare_options_add_model (options, c);
  lb_compare_options_add_model (options, a);
  lb_compare_options_set_baseline (options, a);
  lb_compare_options_set_profile (options, profile);
  lb_compare_options_set_include_partial (options, TRUE);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  g_assert_true (lb_compare_options_save_choice (options, store, lb, &error));
  g_assert_no_error (error);

  loaded = lb_compare_options_load_choice (store, lb, notices, &saved, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_cmpuint (notices->len, ==, 0);
  ids = lb_compare_options_get_models (loaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, c);
  g_assert_cmpint (ids[1], ==, a);
  g_assert_cmpint (lb_compare_options_get_baseline (loaded), ==, a);
  g_assert_cmpstr (lb_compare_options_get_profile (loaded)->name, ==, "Accuracy");
  g_assert_cmpuint (lb_compare_options_get_profile (loaded)->weights->len, ==, 1);
  g_assert_true (lb_compare_options_get_include_partial (loaded));
  g_assert_cmpint (lb_compare_options_get_normalization (loaded), ==, LB_NORMALIZE_DECLARED_SCALE);
  g_clear_pointer (&loaded, lb_compare_options_free);

  /* The profile and the baseline are gone, one model too: each change is said, none silent. */
  lb_compare_options_clear_models (options);
  lb_compare_options_add_model (options, b);
  lb_compare_options_add_model (options, 4242);
  lb_compare_options_set_baseline (options, 4243);
  g_assert_true (lb_compare_options_save_choice (options, store, lb, &error));
  g_assert_true (lb_store_delete_profile (store, profile->id, &error));
  g_assert_no_error (error);
  loaded = lb_compare_options_load_choice (store, lb, notices, &saved, &error);
  g_assert_no_error (error);
  ids = lb_compare_options_get_models (loaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, b);
  g_assert_cmpint (lb_compare_options_get_baseline (loaded), ==, 0);
  g_assert_null (lb_compare_options_get_profile (loaded));
  g_assert_cmpuint (notices->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (notices, 0), ==,
                   "1 model of the saved comparison is no longer in the leaderboard and is left out.");
  g_assert_nonnull (strstr (g_ptr_array_index (notices, 1), "baseline"));
  g_assert_nonnull (strstr (g_ptr_array_index (notices, 2), "“Accuracy” no longer exists"));
}

/* Issue 16.4: a score whose source states fewer settings (no number of shots) is not "under
 * different settings" from one that states them; 5-shot against 2-shot is. */
static void
test_settings_stating_less (void)
{
  g_auto(Fixture) f;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();

  fixture_init (&f);
  add_benchmark (&f, "JMMLU", TRUE, "%");
  add_model (&f, "A");
  add_model (&f, "B");
  add_model (&f, "C");
  add_result (&f, "A", "JMMLU", 61.0)->settings = g_strdup ("lm-evaluation-harness 0.4.2; 5-shot");
  add_result (&f, "B", "JMMLU", 58.0)->settings = g_strdup ("lm-evaluation-harness 0.4.2");
  add_result (&f, "C", "JMMLU", 55.0);
  {
    g_autoptr(LbComparison) c = compare_ok (&f, options);
    g_autofree char *text = lb_comparison_to_text (c);

    g_assert_false (c->rows[0].settings_differ);
    g_assert_null (strstr (text, "different settings"));
  }
  g_free (((LbResult *) g_ptr_array_index (f.results, 1))->settings);
  ((LbResult *) g_ptr_array_index (f.results, 1))->settings = g_strdup ("lm-evaluation-harness 0.4.2; 2-shot");
  {
    g_autoptr(LbComparison) c = compare_ok (&f, options);

    g_assert_true (c->rows[0].settings_differ);
  }
  /* C states settings without shots beside two that state different ones: the note says
   * C's source gives no number, rather than listing it as if it were another setting. */
  ((LbResult *) g_ptr_array_index (f.results, 2))->settings = g_strdup ("lm-evaluation-harness 0.4.2");
  {
    g_autoptr(LbComparison) c = compare_ok (&f, options);
    g_autofree char *text = lb_comparison_to_text (c);

    g_assert_true (c->rows[0].settings_differ);
    g_assert_nonnull (strstr (text, "“lm-evaluation-harness 0.4.2” (no number of shots stated) for “C”"));
    g_assert_nonnull (strstr (text, "“lm-evaluation-harness 0.4.2; 5-shot” for “A”"));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/compare/missing/common-only", test_missing_common_only);
  g_test_add_func ("/compare/settings/stating-less", test_settings_stating_less);
  g_test_add_func ("/compare/missing/include-partial", test_missing_include_partial);
  g_test_add_func ("/compare/missing/not-evaluated-and-newest-gap", test_missing_not_evaluated_and_newest_gap);
  g_test_add_func ("/compare/missing/no-common-benchmark", test_missing_no_common_benchmark);
  g_test_add_func ("/compare/scales/declared", test_scales_declared);
  g_test_add_func ("/compare/scales/min-max", test_scales_min_max);
  g_test_add_func ("/compare/scales/clamped-and-degenerate", test_scales_clamped_and_degenerate);
  g_test_add_func ("/compare/weights/profile", test_weights_profile);
  g_test_add_func ("/compare/weights/invalid", test_weights_invalid);
  g_test_add_func ("/compare/weights/all-zero", test_weights_all_zero);
  g_test_add_func ("/compare/uncertainty/ties", test_uncertainty_ties);
  g_test_add_func ("/compare/uncertainty/none", test_uncertainty_none);
  g_test_add_func ("/compare/format/cell-precision", test_format_cell_precision);
  g_test_add_func ("/compare/uncertainty/rank-ranges", test_uncertainty_rank_ranges);
  g_test_add_func ("/compare/uncertainty/small-gaps", test_uncertainty_small_gaps);
  g_test_add_func ("/compare/uncertainty/binomial", test_uncertainty_binomial);
  g_test_add_func ("/compare/robustness/flips", test_robustness_flips);
  g_test_add_func ("/compare/robustness/stable", test_robustness_stable);
  g_test_add_func ("/compare/robustness/single-benchmark", test_robustness_single_benchmark);
  g_test_add_func ("/compare/models/errors", test_errors);
  g_test_add_func ("/compare/models/baseline-and-all", test_baseline_and_all_models);
  g_test_add_func ("/compare/benchmarks/retired-and-unconfirmed", test_retired_and_unconfirmed);
  g_test_add_func ("/compare/benchmarks/guessed-directions-one-note", test_guessed_directions_one_note);
  g_test_add_func ("/compare/output/format", test_format);
  g_test_add_func ("/compare/output/json", test_json);
  g_test_add_func ("/compare/output/text", test_text);
  g_test_add_func ("/compare/output/text-wide-names", test_text_wide_names);
  g_test_add_func ("/compare/profiles/check", test_check_profile);
  g_test_add_func ("/compare/store/leaderboard", test_store_leaderboard);
  g_test_add_func ("/compare/cli/compare", test_cli);
  g_test_add_func ("/compare/method/sentences", test_method_sentences);
  g_test_add_func ("/compare/choice/store", test_choice_store);
  return g_test_run ();
}
