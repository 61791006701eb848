/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-results.c: result files (lm-evaluation-harness, Arena, Every Eval Ever JSON) imported */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lb-cell-ref.h"
#include "lb-changes.h"
#include "lb-compare.h"
#include "lb-importer.h"
#include "lb-lbom.h"
#include "lb-results-reader.h"
#include "lb-smells.h"

/* What lm-eval 0.4 writes, with Python's bare NaN for a metric it could not compute. */
#define LM_EVAL_JSON \
  "{\n" \
  "  \"results\": {\n" \
  "    \"jmmlu\": {\"alias\": \"jmmlu\", \"acc,none\": 0.5123, \"acc_stderr,none\": 0.0121,\n" \
  "              \"acc_norm,none\": NaN, \"acc_norm_stderr,none\": \"N/A\"},\n" \
  "    \"jsquad\": {\"alias\": \"jsquad\", \"exact_match,strict-match\": 0.71,\n" \
  "               \"exact_match_stderr,strict-match\": 0.02, \"perplexity,none\": 3.5}\n" \
  "  },\n" \
  "  \"n-shot\": {\"jmmlu\": 5, \"jsquad\": 2},\n" \
  "  \"higher_is_better\": {\"jmmlu\": {\"acc\": true, \"acc_norm\": true},\n" \
  "                       \"jsquad\": {\"exact_match\": true, \"perplexity\": false}},\n" \
  "  \"n-samples\": {\"jmmlu\": {\"original\": 7536, \"effective\": 7536}},\n" \
  "  \"config\": {\"model\": \"hf\", \"model_args\": \"pretrained=llm-jp/llm-jp-13b,dtype=float16\"},\n" \
  "  \"date\": 1714521600.5,\n" \
  "  \"lm_eval_version\": \"0.4.2\"\n" \
  "}\n"

#define ARENA_JSON \
  "{\"full\": {\"gpt-4o\": {\"rating\": 1285.2, \"rating_q025\": 1281.0, \"rating_q975\": 1289.4},\n" \
  "          \"llm-jp-13b\": {\"rating\": 1001.5, \"rating_q025\": 990.1, \"rating_q975\": 1010.3}},\n" \
  " \"japanese\": {\"gpt-4o\": {\"rating\": 1301.0, \"rating_q025\": 1290.0, \"rating_q975\": 1310.0},\n" \
  "              \"llm-jp-13b\": {\"rating\": 1180.5}}}\n"

/* Two documents: schema 0.2.1's standard error object, and a bare number as before. */
#define EEE_JSON \
  "[{\"schema_version\": \"0.2.1\", \"evaluation_id\": \"jmmlu/org/m1/1714521600\",\n" \
  "  \"retrieved_timestamp\": \"1714521600\",\n" \
  "  \"source_metadata\": {\"source_type\": \"documentation\", \"source_organization_name\": \"Example Org\",\n" \
  "                      \"evaluator_relationship\": \"third_party\"},\n" \
  "  \"eval_library\": {\"name\": \"lm_eval\", \"version\": \"0.4.2\"},\n" \
  "  \"model_info\": {\"name\": \"m1\", \"id\": \"org/m1\", \"developer\": \"Org\"},\n" \
  "  \"evaluation_results\": [\n" \
  "    {\"evaluation_name\": \"JMMLU\", \"source_data\": {\"dataset_name\": \"jmmlu\"},\n" \
  "     \"metric_config\": {\"lower_is_better\": false, \"score_type\": \"continuous\", \"min_score\": 0, \"max_score\": 1},\n" \
  "     \"score_details\": {\"score\": 0.61, \"uncertainty\": {\"standard_error\": {\"value\": 0.011},\n" \
  "       \"confidence_interval\": {\"lower\": 0.59, \"upper\": 0.63}, \"num_samples\": 7536}}},\n" \
  "    {\"evaluation_name\": \"Latency (s)\", \"source_data\": {\"dataset_name\": \"x\"},\n" \
  "     \"metric_config\": {\"lower_is_better\": true, \"score_type\": \"continuous\", \"min_score\": 0, \"max_score\": 100},\n" \
  "     \"score_details\": {\"score\": 12.5}}]},\n" \
  " {\"schema_version\": \"0.2.1\", \"evaluation_id\": \"e2\", \"retrieved_timestamp\": \"1714521600\",\n" \
  "  \"source_metadata\": {\"source_type\": \"evaluation_run\", \"source_organization_name\": \"Us\",\n" \
  "                      \"evaluator_relationship\": \"first_party\"},\n" \
  "  \"eval_library\": {\"name\": \"inspect_ai\", \"version\": \"0.3\"},\n" \
  "  \"model_info\": {\"name\": \"m2\", \"id\": \"org/m2\", \"developer\": \"Org2\"},\n" \
  "  \"evaluation_timestamp\": \"2024-06-01T10:00:00Z\",\n" \
  "  \"evaluation_results\": [\n" \
  "    {\"evaluation_name\": \"JMMLU\", \"source_data\": {\"dataset_name\": \"jmmlu\"},\n" \
  "     \"metric_config\": {\"lower_is_better\": false},\n" \
  "     \"score_details\": {\"score\": 0.55, \"uncertainty\": {\"standard_error\": 0.012}}}]}]\n"

static char *
write_fixture (const char *name,
               const char *contents,
               gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static LbStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  LbStore *store = lb_store_open (":memory:", &error);

  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  return store;
}

/* Imports @contents (written to @name) into the leaderboard "Results"; returns its id. */
static gint64
import_text (LbStore         *store,
             const char      *name,
             const char      *contents,
             const char      *expected_format,
             LbImportOutcome *outcome)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_fixture (name, contents, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (importer);
  g_assert_cmpstr (lb_importer_get_source_format (importer), ==, expected_format);
  g_assert_cmpint (lb_importer_get_layout (importer), ==, LB_LAYOUT_LONG);
  lb_importer_run (importer, store, "Results", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL, outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->import_id, >, 0);
  g_unlink (path);
  return outcome->leaderboard_id;
}

static const LbBenchmark *
benchmark_named (GPtrArray  *benchmarks,
                 const char *name)
{
  for (guint i = 0; i < benchmarks->len; i++)
    {
      const LbBenchmark *b = g_ptr_array_index (benchmarks, i);

      if (g_str_equal (b->name, name))
        return b;
    }
  g_error ("no benchmark “%s”", name);
  return NULL;
}

static gint64
id_of_model (LbStore    *store,
             gint64      leaderboard_id,
             const char *name)
{
  g_autoptr(GPtrArray) models = lb_store_list_models (store, leaderboard_id, NULL);

  for (guint i = 0; i < models->len; i++)
    {
      const LbModel *m = g_ptr_array_index (models, i);

      if (g_str_equal (m->name, name))
        return m->id;
    }
  g_error ("no model “%s”", name);
  return 0;
}

static const LbResult *
result_of (GPtrArray *results,
           gint64     model_id,
           gint64     benchmark_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      const LbResult *r = g_ptr_array_index (results, i);

      if (r->model_id == model_id && r->benchmark_id == benchmark_id)
        return r;
    }
  return NULL;
}

/* The JSON path the source cell of @result records. */
static char *
path_of (LbStore        *store,
         const LbResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = lb_store_get_source_cell (store, result->import_id, result->source_row,
                                                      result->source_column, &error);
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (detail);
  node = json_from_string (detail, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (node), "json_path"));
}

static gboolean
has_warning (const LbImportOutcome *outcome,
             const char            *code)
{
  for (guint i = 0; i < outcome->warnings->len; i++)
    {
      const LbWarning *w = g_ptr_array_index (outcome->warnings, i);

      if (g_strcmp0 (w->code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_lm_eval (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  gint64 lb = import_text (store, "results_2024-05-01.json", LM_EVAL_JSON,
                           "lm-evaluation-harness results (lm_eval 0.4.2)", &outcome);
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, lb, NULL);
  g_autoptr(GPtrArray) results = lb_store_list_results (store, lb, TRUE, NULL);
  g_autoptr(GPtrArray) gaps = lb_store_list_gaps (store, lb, NULL);
  gint64 model = id_of_model (store, lb, "llm-jp/llm-jp-13b");
  const LbBenchmark *acc = benchmark_named (benchmarks, "jmmlu acc");
  const LbBenchmark *em = benchmark_named (benchmarks, "jsquad exact_match (strict-match)");
  const LbBenchmark *ppl = benchmark_named (benchmarks, "jsquad perplexity");
  const LbResult *r;
  g_autofree char *path = NULL;

  g_assert_cmpuint (outcome.results, ==, 3);
  g_assert_cmpuint (outcome.gaps, ==, 1);
  g_assert_cmpuint (benchmarks->len, ==, 4);

  /* The settings lm-eval states go with the benchmark. */
  g_assert_cmpstr (acc->task, ==, "jmmlu");
  g_assert_cmpstr (acc->metric, ==, "acc");
  g_assert_cmpstr (acc->harness, ==, "lm-evaluation-harness 0.4.2");
  g_assert_cmpstr (acc->protocol, ==, "5-shot");
  g_assert_cmpuint (acc->n_items, ==, 7536);
  g_assert_true (acc->higher_is_better);
  g_assert_true (acc->direction_confirmed);
  g_assert_cmpstr (em->protocol, ==, "2-shot");
  /* higher_is_better: false in the file, not guessed from the name. */
  g_assert_false (ppl->higher_is_better);
  g_assert_true (ppl->direction_confirmed);

  r = result_of (results, model, acc->id);
  g_assert_nonnull (r);
  g_assert_cmpfloat (r->score, ==, 0.5123);
  g_assert_true (r->has_stderr);
  g_assert_cmpfloat (r->stderr_value, ==, 0.0121);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-05-01");
  path = path_of (store, r);
  g_assert_cmpstr (path, ==, "results.jmmlu.\"acc,none\"");

  r = result_of (results, model, em->id);
  g_assert_cmpfloat (r->score, ==, 0.71);
  g_assert_cmpfloat (r->stderr_value, ==, 0.02);
  r = result_of (results, model, ppl->id);
  g_assert_false (r->has_stderr);

  /* NaN: a missing value, with the reason. */
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpstr (((LbGap *) g_ptr_array_index (gaps, 0))->raw, ==, "NaN");
  g_assert_cmpstr (((LbGap *) g_ptr_array_index (gaps, 0))->reason, ==,
                   "Not a number in the source: the file says NaN or Infinity here.");
}

static void
test_arena (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  gint64 lb = import_text (store, "elo_results.json", ARENA_JSON, "Arena leaderboard ratings", &outcome);
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, lb, NULL);
  g_autoptr(GPtrArray) results = lb_store_list_results (store, lb, TRUE, NULL);
  const LbBenchmark *japanese = benchmark_named (benchmarks, "japanese");
  gint64 gpt = id_of_model (store, lb, "gpt-4o");
  gint64 jp = id_of_model (store, lb, "llm-jp-13b");
  const LbResult *r;
  g_autofree char *path = NULL;

  g_assert_cmpuint (outcome.results, ==, 4);
  g_assert_cmpuint (benchmarks->len, ==, 2);
  g_assert_true (japanese->higher_is_better);
  g_assert_true (japanese->direction_confirmed);
  g_assert_cmpstr (japanese->metric, ==, "rating");

  r = result_of (results, gpt, japanese->id);
  g_assert_cmpfloat (r->score, ==, 1301.0);
  /* (1310 − 1290) / (2 × 1.96), and the import says it was derived. */
  g_assert_true (r->has_stderr);
  g_assert_cmpfloat_with_epsilon (r->stderr_value, 20.0 / (2 * 1.959963984540054), 1e-9);
  g_assert_true (has_warning (&outcome, "results.stderr-from-interval"));
  path = path_of (store, r);
  g_assert_cmpstr (path, ==, "japanese.gpt-4o.rating");

  /* Without an interval, no standard error is made up. */
  r = result_of (results, jp, japanese->id);
  g_assert_cmpfloat (r->score, ==, 1180.5);
  g_assert_false (r->has_stderr);
}

static void
test_eee (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  gint64 lb = import_text (store, "eee.json", EEE_JSON, "Every Eval Ever (schema 0.2.1)", &outcome);
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, lb, NULL);
  g_autoptr(GPtrArray) results = lb_store_list_results (store, lb, TRUE, NULL);
  g_autoptr(GPtrArray) models = lb_store_list_models (store, lb, NULL);
  const LbBenchmark *jmmlu = benchmark_named (benchmarks, "JMMLU");
  const LbBenchmark *latency = benchmark_named (benchmarks, "Latency (s)");
  gint64 m1 = id_of_model (store, lb, "org/m1");
  gint64 m2 = id_of_model (store, lb, "org/m2");
  const LbResult *r;
  g_autofree char *path = NULL;

  g_assert_cmpuint (outcome.results, ==, 3);
  g_assert_cmpuint (models->len, ==, 2);
  g_assert_cmpstr (((LbModel *) g_ptr_array_index (models, 0))->provider, ==, "Org");
  g_assert_cmpstr (((LbModel *) g_ptr_array_index (models, 1))->provider, ==, "Org2");

  g_assert_true (jmmlu->higher_is_better);
  g_assert_true (jmmlu->direction_confirmed);
  g_assert_true (jmmlu->has_scale);
  g_assert_cmpfloat (jmmlu->scale_min, ==, 0);
  g_assert_cmpfloat (jmmlu->scale_max, ==, 1);
  g_assert_cmpuint (jmmlu->n_items, ==, 7536);
  g_assert_cmpstr (jmmlu->harness, ==, "lm-evaluation-harness 0.4.2");
  g_assert_false (latency->higher_is_better);
  g_assert_true (latency->direction_confirmed);
  g_assert_cmpfloat (latency->scale_max, ==, 100);

  r = result_of (results, m1, jmmlu->id);
  g_assert_cmpfloat (r->score, ==, 0.61);
  g_assert_cmpfloat (r->stderr_value, ==, 0.011);
  g_assert_null (r->evaluated_at);
  path = path_of (store, r);
  g_assert_cmpstr (path, ==, "[0].evaluation_results[0].score_details.score");

  r = result_of (results, m2, jmmlu->id);
  g_assert_cmpfloat (r->score, ==, 0.55);
  g_assert_true (r->has_stderr);
  g_assert_cmpfloat (r->stderr_value, ==, 0.012);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-06-01");
  g_clear_pointer (&path, g_free);
  path = path_of (store, r);
  g_assert_cmpstr (path, ==, "[1].evaluation_results[0].score_details.score");
}

/* The source cell's description of the result of @model on @benchmark, parsed. */
static JsonNode *
detail_of (LbStore    *store,
           gint64      leaderboard_id,
           const char *model,
           const char *benchmark)
{
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, leaderboard_id, NULL);
  g_autoptr(GPtrArray) results = lb_store_list_results (store, leaderboard_id, TRUE, NULL);
  const LbResult *r = result_of (results, id_of_model (store, leaderboard_id, model),
                                 benchmark_named (benchmarks, benchmark)->id);
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  JsonNode *node;

  g_assert_nonnull (r);
  detail = lb_store_get_source_cell (store, r->import_id, r->source_row, r->source_column, &error);
  g_assert_no_error (error);
  g_assert_nonnull (detail);
  node = json_from_string (detail, &error);
  g_assert_no_error (error);
  return node;
}

/* Exports @leaderboard_id of @store and imports it into a new store; returns that store and
 * sets *@copy_id to the copy's id. */
static LbStore *
round_trip (LbStore *store,
            gint64   leaderboard_id,
            gint64  *copy_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lbom = lb_lbom_export (store, &leaderboard_id, 1, &error);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(LbLeaderboard) copy = NULL;
  LbStore *other = new_store ();

  g_assert_no_error (error);
  gboolean ok = lb_lbom_import (other, lbom, -1, &names, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  copy = lb_store_find_leaderboard (other, "Results", &error);
  g_assert_no_error (error);
  *copy_id = copy->id;
  return other;
}

/* lm-eval writes one file per model: a second model's file adds its results, it does not
 * replace the first model's as a new version of the sheet would. */
static void
test_second_model_adds (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) first = { 0 };
  g_auto(LbImportOutcome) second = { 0 };
  g_auto(GStrv) parts = g_strsplit (LM_EVAL_JSON, "llm-jp/llm-jp-13b", -1);
  g_autofree char *other = g_strjoinv ("llm-jp/llm-jp-3-13b", parts);
  gint64 lb;
  g_autoptr(GPtrArray) results = NULL;

  import_text (store, "results_a.json", LM_EVAL_JSON, "lm-evaluation-harness results (lm_eval 0.4.2)", &first);
  lb = import_text (store, "results_b.json", other, "lm-evaluation-harness results (lm_eval 0.4.2)", &second);
  results = lb_store_list_results (store, lb, TRUE, NULL);
  g_assert_cmpuint (second.withdrawn, ==, 0);
  g_assert_cmpuint (second.unlisted, ==, 0);
  /* Both models' three results are current. */
  g_assert_cmpuint (results->len, ==, 6);
  id_of_model (store, lb, "llm-jp/llm-jp-13b");
  id_of_model (store, lb, "llm-jp/llm-jp-3-13b");
}

/* A result file's provenance (its JSON paths and what the file says about each value, nested
 * objects included) goes through the LBOM and back unchanged. */
static void
test_lbom_round_trip (void)
{
  const struct { const char *model, *benchmark, *path; } cells[] = {
    { "org/m1", "JMMLU", "[0].evaluation_results[0].score_details.score" },
    { "org/m1", "Latency (s)", "[0].evaluation_results[1].score_details.score" },
    { "org/m2", "JMMLU", "[1].evaluation_results[0].score_details.score" },
  };
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  gint64 lb = import_text (store, "eee.json", EEE_JSON, "Every Eval Ever (schema 0.2.1)", &outcome);
  gint64 copy = 0;
  g_autoptr(LbStore) other = round_trip (store, lb, &copy);
  g_autoptr(GPtrArray) results = lb_store_list_results (other, copy, TRUE, NULL);

  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(JsonNode) before = detail_of (store, lb, cells[i].model, cells[i].benchmark);
      g_autoptr(JsonNode) after = detail_of (other, copy, cells[i].model, cells[i].benchmark);
      JsonObject *object = json_node_get_object (after);

      g_assert_cmpstr (json_object_get_string_member (object, "json_path"), ==, cells[i].path);
      /* Kept as the file has it, as text: an LBOM's source cell is one flat object. */
      g_assert_nonnull (strstr (json_object_get_string_member (object, "source_metadata"),
                                "\"evaluator_relationship\""));
      g_assert_true (json_node_equal (before, after));
    }
}

/* A part of the file too long to keep with a value (a 100 KB prompt template, an odd
 * evaluation_id) is left out with its length, so the source cell stays within what an LBOM
 * holds and the export reads back; the score and its JSON path are kept. */
static void
test_long_part (void)
{
  g_autofree char *prompt = g_strnfill (100000, 'p');
  g_autofree char *id = g_strnfill (70000, 'i');
  g_autofree char *json = g_strdup_printf (
    "{\"schema_version\": \"0.2.1\", \"evaluation_id\": \"%s\", \"retrieved_timestamp\": \"1714521600\",\n"
    " \"source_metadata\": {\"source_type\": \"evaluation_run\", \"evaluator_relationship\": \"first_party\"},\n"
    " \"model_info\": {\"name\": \"m1\", \"id\": \"org/m1\"},\n"
    " \"evaluation_results\": [{\"evaluation_name\": \"JMMLU\",\n"
    "   \"generation_config\": {\"temperature\": 0, \"prompt_template\": \"%s\"},\n"
    "   \"metric_config\": {\"lower_is_better\": false}, \"score_details\": {\"score\": 0.61}}]}\n",
    id, prompt);
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  gint64 lb = import_text (store, "long.json", json, "Every Eval Ever (schema 0.2.1)", &outcome);
  g_autoptr(JsonNode) node = detail_of (store, lb, "org/m1", "JMMLU");
  JsonObject *object = json_node_get_object (node);
  g_autofree char *text = json_to_string (node, FALSE);
  gint64 copy = 0;
  g_autoptr(LbStore) other = NULL;
  g_autoptr(JsonNode) after = NULL;

  g_assert_cmpuint (strlen (text), <, 65536);
  g_assert_cmpstr (json_object_get_string_member (object, "json_path"), ==, "evaluation_results[0].score_details.score");
  g_assert_false (json_object_has_member (object, "generation_config"));
  g_assert_cmpint (json_object_get_int_member (object, "generation_config_left_out_bytes"), >, 100000);
  g_assert_false (json_object_has_member (object, "evaluation_id"));
  g_assert_cmpint (json_object_get_int_member (object, "evaluation_id_left_out_bytes"), ==, 70002);
  g_assert_true (json_object_has_member (object, "source_metadata"));

  other = round_trip (store, lb, &copy);
  after = detail_of (other, copy, "org/m1", "JMMLU");
  g_assert_true (json_node_equal (node, after));
}

/* NaN, Infinity and -Infinity outside strings are missing values; null says it is null; the
 * same words inside strings stay as they are. */
static void
test_not_a_number (void)
{
  const char *json =
    "{\"results\": {\"t\": {\"alias\": \"NaN Infinity null\", \"a,none\": NaN, \"b,none\": Infinity,"
    " \"c,none\": -Infinity, \"d,none\": null, \"e,none\": 0.25, \"e_stderr,none\": NaN}},"
    " \"model_name\": \"NaN-model\", \"lm_eval_version\": \"0.4.3\"}";
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  gint64 lb = import_text (store, "nan.json", json, "lm-evaluation-harness results (lm_eval 0.4.3)", &outcome);
  g_autoptr(GPtrArray) gaps = lb_store_list_gaps (store, lb, NULL);
  g_autoptr(GPtrArray) results = lb_store_list_results (store, lb, TRUE, NULL);
  const char *raws[] = { "NaN", "Infinity", "-Infinity", "" };

  /* The model's name, a string, is not touched. */
  id_of_model (store, lb, "NaN-model");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (results, 0))->score, ==, 0.25);
  /* A NaN standard error is none. */
  g_assert_false (((LbResult *) g_ptr_array_index (results, 0))->has_stderr);
  g_assert_cmpuint (gaps->len, ==, 4);
  for (guint i = 0; i < gaps->len; i++)
    {
      const LbGap *gap = g_ptr_array_index (gaps, i);

      g_assert_cmpstr (gap->raw, ==, raws[gap->source_row - 2]);
      g_assert_cmpstr (gap->reason, ==, gap->source_row - 2 < 3
                                        ? "Not a number in the source: the file says NaN or Infinity here."
                                        : "The source gives no value here (null).");
    }
}

/* What a database holds, to compare before and after. */
static char *
store_state (LbStore *store)
{
  g_autoptr(GPtrArray) boards = lb_store_list_leaderboards (store, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < boards->len; i++)
    {
      const LbLeaderboard *b = g_ptr_array_index (boards, i);
      g_autoptr(GPtrArray) results = lb_store_list_results (store, b->id, FALSE, NULL);
      g_autoptr(GPtrArray) imports = lb_store_list_imports (store, b->id, NULL);

      g_string_append_printf (out, "%s:%u:%u;", b->name, results->len, imports->len);
    }
  return g_string_free (out, FALSE);
}

static void
refused (const char *name,
         const char *contents,
         gssize      length,
         gint        code)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  g_autofree char *path = write_fixture (name, contents, length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_text (store, "results.json", LM_EVAL_JSON, "lm-evaluation-harness results (lm_eval 0.4.2)", &outcome);
  before = store_state (store);
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_null (importer);
  g_assert_error (error, LB_RESULTS_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, name));
  after = store_state (store);
  g_assert_cmpstr (after, ==, before);
  g_unlink (path);
}

static void
test_unknown_json (void)
{
  static const char text[] = "{\"name\": \"x\", \"values\": [1, 2]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(LbResultsReader) reader = lb_results_reader_new_from_bytes (bytes, "config.json", &error);

  g_assert_null (reader);
  g_assert_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_UNKNOWN);
  /* It says what is read. */
  g_assert_nonnull (strstr (error->message, "lm-evaluation-harness"));
  g_assert_nonnull (strstr (error->message, "Arena"));
  g_assert_nonnull (strstr (error->message, "Every Eval Ever"));

  refused ("config.json", "{\"name\": \"x\", \"values\": [1, 2]}", -1, LB_RESULTS_ERROR_UNKNOWN);
  refused ("list.json", "[{\"a\": 1}]", -1, LB_RESULTS_ERROR_UNKNOWN);
}

static void
test_truncated (void)
{
  refused ("cut.json", LM_EVAL_JSON, 200, LB_RESULTS_ERROR_MALFORMED);
  refused ("cut2.json", "{\"results\": {\"t\": {\"acc,none\": 0.5", -1, LB_RESULTS_ERROR_MALFORMED);
}

static void
test_looks_like_json (void)
{
  const struct { const char *text; gboolean json; } cases[] = {
    { "{\"a\": 1}", TRUE },
    { "\xEF\xBB\xBF  \n{", TRUE },
    { "[ {\"a\": 1}]", TRUE },
    { "[]", TRUE },
    { "[model],[score]\n", FALSE },
    { "Model,Score\n", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (lb_results_looks_like_json ((const guint8 *) cases[i].text, strlen (cases[i].text)),
                     ==, cases[i].json);
}

/* Issue 16: a value of a result file is cited where it is in the file, never as a sheet's
 * cell: the store gives each result and gap its JSON path, and the comparison, the smell
 * evidence and the changes carry it to the words and keys the screen, the CLI and the report
 * print. */
static void
test_cited_by_path (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  LbSmellOptions smell_options;
  gboolean dated = FALSE, missing = FALSE;
  gint64 lb;

  lb = import_text (store, "results.json", LM_EVAL_JSON, "lm-evaluation-harness results (lm_eval 0.4.2)", &outcome);

  results = lb_store_list_results (store, lb, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    {
      const LbResult *r = g_ptr_array_index (results, i);
      g_autofree char *key = lb_cell_key (r->import_id, r->source_row, r->source_column, r->source_path);

      g_assert_nonnull (r->source_path);
      g_assert_true (g_str_has_prefix (r->source_path, "results."));
      /* the row and column are of the table the file was read as: no cell key */
      g_assert_cmpstr (key, ==, "[1]");
    }
  gaps = lb_store_list_gaps (store, lb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpstr (((LbGap *) g_ptr_array_index (gaps, 0))->source_path, ==, "results.jmmlu.\"acc_norm,none\"");

  /* The smell evidence says where in the file, not "cell C3". */
  snapshot = lb_smell_snapshot_load (store, lb, &error);
  g_assert_no_error (error);
  lb_smell_options_init (&smell_options);
  smell_options.today = "2026-12-01";
  detections = lb_smells_detect (snapshot, &smell_options);
  for (guint i = 0; i < detections->len; i++)
    {
      const LbDetection *d = g_ptr_array_index (detections, i);

      for (guint k = 0; k < d->evidence->len; k++)
        {
          const LbEvidence *ev = g_ptr_array_index (d->evidence, k);

          if (ev->kind != LB_EVIDENCE_CELL || ev->import_id == 0)
            continue;
          g_assert_null (strstr (ev->message, ", cell "));
          g_assert_nonnull (ev->path);
          if (g_str_equal (ev->check, "missing-result"))
            {
              missing = TRUE;
              g_assert_nonnull (strstr (ev->message, "(results.json, at results.jmmlu.\"acc_norm,none\")"));
            }
          else if (strstr (ev->message, "(results.json, at results.jmmlu.\"acc,none\")") != NULL)
            dated = TRUE;
        }
    }
  g_assert_true (missing);
  g_assert_true (dated);

  /* A second file for another model: the comparison's cells keep their paths, and its
   * footnotes for cells without a value say where in the file. */
  {
    g_autofree char *other = g_strdup (LM_EVAL_JSON);
    g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, lb, &error);
    g_autoptr(GPtrArray) models = lb_store_list_models (store, lb, &error);
    g_autoptr(GPtrArray) current = lb_store_list_results (store, lb, TRUE, &error);
    g_autoptr(GPtrArray) all_gaps = NULL;
    g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
    g_autoptr(LbComparison) c = NULL;
    g_autofree char *text = NULL;
    g_auto(LbImportOutcome) second = { 0 };
    char *at = strstr (other, "llm-jp/llm-jp-13b");

    memcpy (at, "llm-jp/llm-jp-7bx", strlen ("llm-jp/llm-jp-7bx"));
    import_text (store, "results_b.json", other, "lm-evaluation-harness results (lm_eval 0.4.2)", &second);
    g_clear_pointer (&models, g_ptr_array_unref);
    g_clear_pointer (&current, g_ptr_array_unref);
    models = lb_store_list_models (store, lb, &error);
    current = lb_store_list_results (store, lb, TRUE, &error);
    all_gaps = lb_store_list_gaps (store, lb, &error);
    g_assert_no_error (error);
    lb_compare_options_set_include_partial (options, TRUE);
    c = lb_compare (benchmarks, models, current, all_gaps, options, &error);
    g_assert_no_error (error);
    for (guint r = 0; r < c->n_rows; r++)
      for (guint m = 0; m < c->n_models; m++)
        {
          const LbCompareCell *cell = lb_comparison_get_cell (c, r, m);

          if (cell->kind == LB_CELL_VALUE || cell->kind == LB_CELL_GAP)
            g_assert_nonnull (cell->source_path);
        }
    text = lb_comparison_to_text (c);
    g_assert_nonnull (strstr (text, "(import 1, at results.jmmlu.\"acc_norm,none\")"));
    g_assert_null (strstr (text, ", cell "));
  }
}

/* Issue 16.4: the settings a result file states for each value (harness and version, shots,
 * generation settings) and who produced it; scores of one benchmark under different stated
 * settings are flagged in the comparison and by a Mismatched-entity smell at the cell. */
static void
test_settings_mismatch (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_auto(LbImportOutcome) outcome = { 0 };
  g_auto(LbImportOutcome) lm = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autofree char *text = NULL;
  LbSmellOptions smell_options;
  LbDetection *found;
  gint64 lb, jmmlu_row = -1;

  lb = import_text (store, "eee.json", EEE_JSON, "Every Eval Ever (schema 0.2.1)", &outcome);
  results = lb_store_list_results (store, lb, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      const LbResult *r = g_ptr_array_index (results, i);

      if (r->model_id == id_of_model (store, lb, "org/m1"))
        {
          g_assert_cmpstr (r->settings, ==, "lm-evaluation-harness 0.4.2");
          g_assert_cmpint (r->provenance, ==, LB_PROVENANCE_THIRD_PARTY);
        }
      else
        {
          g_assert_cmpstr (r->settings, ==, "inspect_ai 0.3");
          g_assert_cmpint (r->provenance, ==, LB_PROVENANCE_VENDOR);
        }
    }

  benchmarks = lb_store_list_benchmarks (store, lb, &error);
  models = lb_store_list_models (store, lb, &error);
  gaps = lb_store_list_gaps (store, lb, &error);
  g_assert_no_error (error);
  lb_compare_options_set_include_partial (options, TRUE);
  c = lb_compare (benchmarks, models, results, gaps, options, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < c->n_rows; r++)
    {
      if (g_str_equal (c->rows[r].benchmark->name, "JMMLU"))
        jmmlu_row = r;
      /* Latency has one value: nothing to differ from */
      g_assert_cmpint (c->rows[r].settings_differ, ==, g_str_equal (c->rows[r].benchmark->name, "JMMLU"));
    }
  g_assert_cmpint (jmmlu_row, >=, 0);
  text = lb_comparison_to_text (c);
  g_assert_nonnull (strstr (text, "Note: The scores on “JMMLU” were produced under different settings "
                                  "(“lm-evaluation-harness 0.4.2” for “org/m1”; “inspect_ai 0.3” for “org/m2”)"));

  snapshot = lb_smell_snapshot_load (store, lb, &error);
  g_assert_no_error (error);
  lb_smell_options_init (&smell_options);
  smell_options.today = "2026-12-01";
  detections = lb_smells_detect (snapshot, &smell_options);
  found = lb_detections_find (detections, LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_PROTOCOL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->evidence->len, ==, 1);
  {
    const LbEvidence *ev = g_ptr_array_index (found->evidence, 0);

    g_assert_cmpstr (ev->check, ==, "mismatched-settings");
    g_assert_cmpint (ev->model_id, ==, id_of_model (store, lb, "org/m2"));
    g_assert_nonnull (strstr (ev->message, "produced under “inspect_ai 0.3”"));
    g_assert_nonnull (strstr (ev->message, "(eee.json, at [1].evaluation_results[0].score_details.score)"));
  }

  /* lm-eval states the harness and its version and the shots; who ran it, it does not. */
  {
    g_autoptr(LbStore) other = new_store ();
    g_autoptr(GPtrArray) lm_results = NULL;
    gint64 lm_lb = import_text (other, "results.json", LM_EVAL_JSON,
                                "lm-evaluation-harness results (lm_eval 0.4.2)", &lm);

    lm_results = lb_store_list_results (other, lm_lb, TRUE, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < lm_results->len; i++)
      {
        const LbResult *r = g_ptr_array_index (lm_results, i);

        /* the harness named as Every Eval Ever's lm_eval is named: one harness, one text */
        g_assert_true (g_str_equal (r->settings, "lm-evaluation-harness 0.4.2; 5-shot")
                       || g_str_equal (r->settings, "lm-evaluation-harness 0.4.2; 2-shot"));
        g_assert_cmpint (r->provenance, ==, LB_PROVENANCE_NOT_STATED);
      }
  }

  /* A sheet's class is the one the person importing gave, on the import and each value. */
  {
    g_autoptr(LbStore) sheet_store = new_store ();
    g_autofree char *csv = write_fixture ("ours.csv", "Model,JMMLU\r\nA,50.1\r\nB,60.2\r\n", -1);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, sheet_store, NULL, &error);
    g_autoptr(GPtrArray) imports = NULL;
    g_autoptr(GPtrArray) values = NULL;
    g_auto(LbImportOutcome) sheet = { 0 };

    g_assert_no_error (error);
    lb_importer_set_provenance (importer, LB_PROVENANCE_OURS);
    g_assert_true (lb_importer_run (importer, sheet_store, "Ours", LB_IMPORT_FLAGS_NONE,
                                    NULL, NULL, NULL, &sheet, &error));
    g_assert_no_error (error);
    imports = lb_store_list_imports (sheet_store, sheet.leaderboard_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((LbImport *) g_ptr_array_index (imports, 0))->provenance, ==, LB_PROVENANCE_OURS);
    values = lb_store_list_results (sheet_store, sheet.leaderboard_id, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (values->len, ==, 2);
    for (guint i = 0; i < values->len; i++)
      {
        g_assert_cmpint (((LbResult *) g_ptr_array_index (values, i))->provenance, ==, LB_PROVENANCE_OURS);
        g_assert_null (((LbResult *) g_ptr_array_index (values, i))->settings);
      }
    g_unlink (csv);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/results/lm-eval", test_lm_eval);
  g_test_add_func ("/results/arena", test_arena);
  g_test_add_func ("/results/every-eval-ever", test_eee);
  g_test_add_func ("/results/not-a-number", test_not_a_number);
  g_test_add_func ("/results/second-model-adds", test_second_model_adds);
  g_test_add_func ("/results/lbom-round-trip", test_lbom_round_trip);
  g_test_add_func ("/results/cited-by-path", test_cited_by_path);
  g_test_add_func ("/results/settings-mismatch", test_settings_mismatch);
  g_test_add_func ("/results/long-part", test_long_part);
  g_test_add_func ("/results/refused/unknown-json", test_unknown_json);
  g_test_add_func ("/results/refused/truncated", test_truncated);
  g_test_add_func ("/results/looks-like-json", test_looks_like_json);
  return g_test_run ();
}
