/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-method.c: the review report's method (which comparison, the weights, what the
 * composite counts and leaves out) and the meeting questions the data raises, read back from
 * the PDF's text */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lb-compare.h"
#include "lb-report.h"
#include "lb-review-report.h"

extern int _nl_msg_cat_cntr;

/* ---- helpers ---- */

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The text with every space and line break taken out, so wrapped words compare whole. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in:\n%s", needle, haystack);
}

/* ---- a leaderboard with every question in it ---- */

typedef struct {
  LbStore *store;
  gint64   lb;
  gint64   alpha, beta, gamma;
  gint64   jcqa, mtbench, latency, guess, old;
  gint64   profile_id;
} Fixture;

typedef struct {
  gint64     *model;
  gint64     *benchmark;
  double      score;
  guint       row, column;
  const char *version;
  const char *evaluated_at;
} Value;

static gint64
import_values (Fixture     *fx,
               const char  *file_name,
               const char  *imported_at,
               const Value *values,
               guint        n_values,
               const Value *gaps,
               guint        n_gaps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  gint64 id;

  import->leaderboard_id = fx->lb;
  import->file_name = g_strdup (file_name);
  import->sha256 = g_strdup ("00");
  import->encoding = g_strdup ("CP932");
  import->layout = g_strdup ("wide");
  import->imported_at = g_strdup (imported_at);
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);

  g_assert_true (lb_store_begin (fx->store, &error));
  id = lb_store_add_import (fx->store, import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_values; i++)
    {
      LbResult result = { 0 };
      g_autofree char *raw = g_strdup_printf ("%g", values[i].score);

      result.leaderboard_id = fx->lb;
      result.model_id = *values[i].model;
      result.benchmark_id = *values[i].benchmark;
      result.score = values[i].score;
      result.raw = raw;
      result.model_version = (char *) values[i].version;
      result.evaluated_at = (char *) values[i].evaluated_at;
      result.import_id = id;
      result.source_row = values[i].row;
      result.source_column = values[i].column;
      g_assert_cmpint (lb_store_add_result (fx->store, &result, &error), >, 0);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_gaps; i++)
    {
      LbGap gap = { 0 };

      gap.leaderboard_id = fx->lb;
      gap.model_id = *gaps[i].model;
      gap.benchmark_id = *gaps[i].benchmark;
      gap.import_id = id;
      gap.source_row = gaps[i].row;
      gap.source_column = gaps[i].column;
      gap.raw = (char *) "";
      gap.reason = (char *) "The cell is empty.";
      g_assert_cmpint (lb_store_add_gap (fx->store, &gap, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (lb_store_finish_import (fx->store, id, n_values, n_values, &error));
  g_assert_true (lb_store_commit (fx->store, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
ensure_benchmark (Fixture    *fx,
                  const char *name,
                  const char *unit,
                  gboolean    higher_is_better,
                  gboolean    confirmed)
{
  LbBenchmark init = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  init.unit = (char *) unit;
  init.higher_is_better = higher_is_better;
  init.direction_confirmed = confirmed;
  id = lb_store_ensure_benchmark (fx->store, fx->lb, name, &init, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
ensure_model (Fixture    *fx,
              const char *name,
              const char *version)
{
  g_autoptr(GError) error = NULL;
  LbModel init = { 0 };
  gint64 id;

  init.version = (char *) version;
  id = lb_store_ensure_model (fx->store, fx->lb, name, &init, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
put_profile (Fixture    *fx,
             const char *name,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProfile) profile = g_new0 (LbProfile, 1);
  const char *benchmark;
  va_list args;
  gint64 id;

  profile->leaderboard_id = fx->lb;
  profile->name = g_strdup (name);
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  va_start (args, name);
  while ((benchmark = va_arg (args, const char *)) != NULL)
    {
      LbWeight *w = g_new0 (LbWeight, 1);

      w->benchmark = g_strdup (benchmark);
      w->weight = va_arg (args, double);
      g_ptr_array_add (profile->weights, w);
    }
  va_end (args);
  id = lb_store_put_profile (fx->store, profile, &error);
  g_assert_no_error (error);
  return id;
}

/*            JCQA %    MT-Bench   Latency ↓   Guess (↑?)   Old (retired)
 *   Alpha    85 (v1)   7.9        420         3            50
 *   Beta     80        (empty)    390         4            60
 *   Gamma    61        6.0 (Sep)  500         2            70
 * Alpha's record says v2. A second file was imported and removed again. */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 wrong;

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  fx->store = lb_store_open (":memory:", &error);
  g_assert_no_error (error);
  lb_store_set_user (fx->store, "Taro Suzuki");
  fx->lb = lb_store_create_leaderboard (fx->store, "Chatbots", &error);
  g_assert_no_error (error);
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS,
                                                 "30", &error));

  fx->jcqa = ensure_benchmark (fx, "JCommonsenseQA", "%", TRUE, TRUE);
  fx->mtbench = ensure_benchmark (fx, "MT-Bench", NULL, TRUE, TRUE);
  fx->latency = ensure_benchmark (fx, "Latency", NULL, FALSE, TRUE);
  fx->guess = ensure_benchmark (fx, "Guess", NULL, TRUE, FALSE);
  fx->old = ensure_benchmark (fx, "Old", NULL, TRUE, TRUE);
  g_assert_true (lb_store_set_benchmark_field (fx->store, fx->old, LB_BENCHMARK_FIELD_RETIRED, "true", &error));
  g_assert_no_error (error);
  fx->alpha = ensure_model (fx, "Alpha", "v2");
  fx->beta = ensure_model (fx, "Beta", NULL);
  fx->gamma = ensure_model (fx, "Gamma", NULL);

  {
    const Value values[] = {
      { &fx->alpha, &fx->jcqa, 85, 2, 2, "v1", NULL },
      { &fx->alpha, &fx->mtbench, 7.9, 2, 3, NULL, NULL },
      { &fx->alpha, &fx->latency, 420, 2, 4, NULL, NULL },
      { &fx->alpha, &fx->guess, 3, 2, 5, NULL, NULL },
      { &fx->alpha, &fx->old, 50, 2, 6, NULL, NULL },
      { &fx->beta, &fx->jcqa, 80, 3, 2, NULL, NULL },
      { &fx->beta, &fx->latency, 390, 3, 4, NULL, NULL },
      { &fx->beta, &fx->guess, 4, 3, 5, NULL, NULL },
      { &fx->beta, &fx->old, 60, 3, 6, NULL, NULL },
      { &fx->gamma, &fx->jcqa, 61, 4, 2, NULL, NULL },
      { &fx->gamma, &fx->mtbench, 6.0, 4, 3, NULL, "2026-09-01" },
      { &fx->gamma, &fx->latency, 500, 4, 4, NULL, NULL },
      { &fx->gamma, &fx->guess, 2, 4, 5, NULL, NULL },
      { &fx->gamma, &fx->old, 70, 4, 6, NULL, NULL },
    };
    const Value gaps[] = { { &fx->beta, &fx->mtbench, NAN, 3, 3, NULL, NULL } };
    const Value wrong_values[] = { { &fx->beta, &fx->mtbench, 9.9, 2, 2, NULL, NULL } };

    import_values (fx, "scores.csv", "2026-11-20T09:00:00Z", values, G_N_ELEMENTS (values),
                   gaps, G_N_ELEMENTS (gaps));
    wrong = import_values (fx, "wrong-sheet.csv", "2026-11-21T09:00:00Z", wrong_values,
                           G_N_ELEMENTS (wrong_values), NULL, 0);
  }
  g_assert_true (lb_store_set_import_deleted (fx->store, wrong, TRUE, &error));
  g_assert_no_error (error);

  fx->profile_id = put_profile (fx, "Accuracy", "JCommonsenseQA", 2.0, "MT-Bench", 1.0,
                                "Latency", 0.5, "Guess", 0.0, NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  g_unsetenv ("LEADERBOARD_NOW");
}

static const LbProfile *
find_profile (GPtrArray  *profiles,
              const char *name)
{
  for (guint i = 0; i < profiles->len; i++)
    if (g_strcmp0 (((LbProfile *) g_ptr_array_index (profiles, i))->name, name) == 0)
      return g_ptr_array_index (profiles, i);
  g_assert_not_reached ();
}

/* Compare options with the named profile (NULL: equal weights). */
static LbCompareOptions *
options_with_profile (Fixture    *fx,
                      const char *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = lb_store_list_profiles (fx->store, fx->lb, &error);
  LbCompareOptions *options = lb_compare_options_new ();

  g_assert_no_error (error);
  if (profile != NULL)
    lb_compare_options_set_profile (options, find_profile (profiles, profile));
  return options;
}

/* The report's text, squeezed. */
static char *
report_text (Fixture                *fx,
             const LbCompareOptions *compare)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbReviewReportOptions) options = lb_review_report_options_new ();
  g_autoptr(LbReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  lb_review_report_options_set_compare_options (options, compare);
  report = lb_review_report_build (fx->store, fx->lb, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  path = g_build_filename (g_get_user_cache_dir (), "method.pdf", NULL);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    text = run_tool (argv);
  }
  return squeeze (text);
}

/* ---- the method ---- */

static void
test_method_weights (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(LbCompareOptions) options = options_with_profile (fx, "Accuracy");
  g_autofree char *text = NULL;

  lb_compare_options_set_include_partial (options, FALSE);
  text = report_text (fx, options);

  assert_contains (text, "Method");
  /* Which comparison: the same line the print step shows. */
  assert_contains (text, "Thiscomparison:3models(Alpha,Beta,Gamma);baseline“Alpha”;decisionprofile“Accuracy”;"
                         "thecompositeonlyoverbenchmarkseverymodelhas;rescaledbetweenthelowestandhighestscore.");
  assert_contains (text, "Thebenchmarksareweightedbythedecisionprofile“Accuracy”.");
  /* The weights and each benchmark's share, and why each one left out is left out. */
  assert_contains (text, "BenchmarkWeightShareInthecomposite");
  assert_contains (text, "80%");
  assert_contains (text, "20%");
  assert_contains (text, "0.5");
  assert_contains (text, "No:1of3comparedmodelshasnovalue(Beta)");
  assert_contains (text, "No:weight0inthedecisionprofile“Accuracy”(ornotinit)");
  assert_contains (text, "No:retired");
  assert_contains (text, "Thecompositecounts2ofthe5benchmarks:JCommonsenseQA,Latency.");
  /* 2 of 4 compared is half: no warning. */
  assert_lacks (text, "Warning:thecompositecovers");
}

static void
test_method_equal_weights (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(LbCompareOptions) options = options_with_profile (fx, NULL);
  g_autofree char *text = report_text (fx, options);

  assert_contains (text, "Nodecisionprofileisused:everybenchmarkweighs1.");
  assert_contains (text, "equalweights");
  assert_contains (text, "Thecompositecounts3ofthe5benchmarks:JCommonsenseQA,Latency,Guess.");
}

static void
test_method_coverage_warning (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(LbCompareOptions) options = NULL;
  g_autofree char *text = NULL;

  put_profile (fx, "Narrow", "JCommonsenseQA", 1.0, NULL);
  options = options_with_profile (fx, "Narrow");
  text = report_text (fx, options);
  assert_contains (text, "Warning:thecompositecoversonly1of4benchmarks—fewerthanhalf—");
  assert_contains (text, "includepartialmodels");
  /* It stands right under the ranking, before the coverage sentence. */
  {
    const char *warning = strstr (text, "Warning:thecompositecovers");
    const char *coverage = strstr (text, "Compositeover1of4benchmarks");

    g_assert_nonnull (coverage);
    g_assert_true (warning < coverage);
  }
}

/* The options go in exactly as given, not rebuilt: showing retired benchmarks is one a
 * rebuilt copy loses. */
static void
test_method_exact_options (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(LbCompareOptions) options = options_with_profile (fx, NULL);
  g_autofree char *text = NULL;

  lb_compare_options_add_model (options, fx->gamma);
  lb_compare_options_add_model (options, fx->alpha);
  lb_compare_options_set_baseline (options, fx->alpha);
  lb_compare_options_set_include_retired (options, TRUE);
  lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);
  text = report_text (fx, options);
  assert_contains (text, "Thiscomparison:2models(Gamma,Alpha);baseline“Alpha”;equalweights;");
  assert_contains (text, "rescaledagainstdeclaredscales");
  assert_contains (text, "Thecompositecounts5ofthe5benchmarks:JCommonsenseQA,MT-Bench,Latency,Guess,Old.");
  assert_lacks (text, "No:retired");
  {
    const char *compared = strstr (text, "Comparisonofthechosenmodels");
    const char *smells = strstr (text, "Smellchecklist");

    g_assert_nonnull (compared);
    g_assert_null (g_strstr_len (compared, smells - compared, "Beta"));
  }
}

/* ---- the questions the data raises ---- */

static void
test_questions_from_data (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(LbCompareOptions) options = options_with_profile (fx, "Accuracy");
  g_autofree char *text = report_text (fx, options);
  const char *questions = strstr (text, "Questionsforthemeeting");

  g_assert_nonnull (questions);
  assert_contains (questions, "Raisedbythedata");
  /* The benchmark whose removal flips #1, with its weight. */
  assert_contains (questions, "5.Without“JCommonsenseQA”,“Beta”wouldbefirstinsteadof“Alpha”.Is“JCommonsenseQA”"
                              "therightthingtodecideon,andisitsweight(2)right?");
  assert_contains (questions, "without“JCommonsenseQA”:“Beta”");
  /* Partial coverage. */
  assert_contains (questions, "1modeliscomparedonpartialcoverage.");
  assert_contains (questions, "Beta:3of4benchmarks.Thebenchmarksitlacksareleftoutofeveryone’scomposite.");
  /* The version of a result against the model's record. */
  assert_contains (questions, "Alpha:therecordsaysv2,JCommonsenseQA[1:B2]saysv1");
  /* A withdrawn import. */
  assert_contains (questions, "Thevaluesof1importwerewithdrawn");
  assert_contains (questions, "wrong-sheet.csv,removedon28November2026byTaroSuzuki");
  /* A direction only guessed. */
  assert_contains (questions, "“Guess”(takenashigherisbetter)");
  /* Older than the cadence (30 days before 28 November). */
  assert_contains (questions, "1resultisolderthantheupdatecadence(every30days,sofrom29October2026on).");
  assert_contains (questions, "GammaonMT-Bench,1September2026[1:C4]");
}

static void
test_questions_clean (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCompareOptions) options = options_with_profile (fx, NULL);
  g_autofree char *text = NULL;

  /* Gamma and Beta only, the direction confirmed, no cadence: none of the questions. Beta lacks
   * MT-Bench, so it is still partial; the other questions go. */
  lb_compare_options_add_model (options, fx->beta);
  lb_compare_options_add_model (options, fx->gamma);
  g_assert_true (lb_store_set_benchmark_field (fx->store, fx->guess, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER,
                                               "true", &error));
  g_assert_no_error (error);
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS,
                                                 NULL, &error));
  g_assert_no_error (error);
  text = report_text (fx, options);
  assert_lacks (text, "therecordsays v2");
  assert_lacks (text, "therecordsaysv2");
  assert_lacks (text, "takenashigherisbetter");
  assert_lacks (text, "olderthantheupdatecadence");
  assert_contains (text, "comparedonpartialcoverage");
}

/* Translated sentences of the comparison join as Japanese writes them: no space after 「。」
 * (and with one in English). */
static void
test_method_japanese_sentences (Fixture       *fx,
                                gconstpointer  data)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(LbCompareOptions) options = options_with_profile (fx, pass == 0 ? NULL : "Accuracy");
      g_autoptr(LbComparison) c = NULL;
      g_autoptr(GError) error = NULL;
      const char *texts[3];

      g_setenv ("LANGUAGE", "ja", TRUE);
      ++_nl_msg_cat_cntr;
      c = lb_compare_leaderboard (fx->store, fx->lb, options, &error);
      g_assert_no_error (error);
      texts[0] = c->method_text;
      texts[1] = c->uncertainty_text;
      texts[2] = c->coverage_text;
      /* Two sentences at least, both translated. */
      g_assert_nonnull (strstr (texts[0], "。総合スコアは"));
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (texts[i] != NULL)
          {
            g_assert_null (strstr (texts[i], "。 "));
            g_assert_null (strstr (texts[i], "） "));
            /* names are quoted as Japanese quotes them: 「…」, not “…” */
            g_assert_null (strstr (texts[i], "“"));
          }
      g_clear_pointer (&c, lb_comparison_unref);

      g_setenv ("LANGUAGE", "", TRUE);
      ++_nl_msg_cat_cntr;
      c = lb_compare_leaderboard (fx->store, fx->lb, options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (c->method_text, "inverted. The composite is the mean"));
    }

  /* A tie names the tied models, quoted as Japanese quotes them. */
  {
    g_autoptr(LbCompareOptions) options = NULL;
    g_autoptr(LbComparison) c = NULL;
    g_autoptr(GError) error = NULL;
    gint64 delta = ensure_model (fx, "Delta", NULL);
    const Value values[] = {
      { &delta, &fx->jcqa, 85, 2, 2, NULL, NULL },
      { &delta, &fx->mtbench, 7.9, 2, 3, NULL, NULL },
      { &delta, &fx->latency, 420, 2, 4, NULL, NULL },
      { &delta, &fx->guess, 3, 2, 5, NULL, NULL },
      { &delta, &fx->old, 50, 2, 6, NULL, NULL },
    };

    import_values (fx, "delta.csv", "2026-11-22T09:00:00Z", values, G_N_ELEMENTS (values), NULL, 0);
    options = options_with_profile (fx, NULL);
    g_setenv ("LANGUAGE", "ja", TRUE);
    ++_nl_msg_cat_cntr;
    c = lb_compare_leaderboard (fx->store, fx->lb, options, &error);
    g_setenv ("LANGUAGE", "", TRUE);
    ++_nl_msg_cat_cntr;
    g_assert_no_error (error);
    assert_contains (c->uncertainty_text, "「Delta」");
    assert_contains (c->uncertainty_text, "は総合スコアが同じため");
    assert_lacks (c->uncertainty_text, "“");
  }
}

int
main (int argc, char *argv[])
{
  g_autofree char *po_dir = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report-method/method/weights", test_method_weights);
  ADD ("/report-method/method/equal-weights", test_method_equal_weights);
  ADD ("/report-method/method/coverage-warning", test_method_coverage_warning);
  ADD ("/report-method/method/exact-options", test_method_exact_options);
  ADD ("/report-method/method/japanese-sentences", test_method_japanese_sentences);
  ADD ("/report-method/questions/from-data", test_questions_from_data);
  ADD ("/report-method/questions/clean", test_questions_clean);
#undef ADD
  return g_test_run ();
}
