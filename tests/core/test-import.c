/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lb-importer.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
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

static gboolean
import_file (LbStore          *store,
             const char       *name,
             const char       *leaderboard,
             LbImportFlags     flags,
             LbImportOutcome  *outcome,
             GError          **error)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, error);

  if (importer == NULL)
    return FALSE;
  return lb_importer_run (importer, store, leaderboard, flags, NULL, NULL, NULL, outcome, error);
}

static LbBenchmark *
find_benchmark (GPtrArray  *benchmarks,
                const char *name)
{
  for (guint i = 0; i < benchmarks->len; i++)
    if (g_strcmp0 (((LbBenchmark *) g_ptr_array_index (benchmarks, i))->name, name) == 0)
      return g_ptr_array_index (benchmarks, i);
  return NULL;
}

static LbModel *
find_model (GPtrArray  *models,
            const char *name)
{
  for (guint i = 0; i < models->len; i++)
    if (g_strcmp0 (((LbModel *) g_ptr_array_index (models, i))->name, name) == 0)
      return g_ptr_array_index (models, i);
  return NULL;
}

static LbResult *
find_result (GPtrArray *results,
             gint64     model_id,
             gint64     benchmark_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *r = g_ptr_array_index (results, i);

      if (r->model_id == model_id && r->benchmark_id == benchmark_id)
        return r;
    }
  return NULL;
}

static gboolean
warnings_mention (GPtrArray  *warnings,
                  guint       row,
                  guint       column,
                  const char *fragment)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      LbWarning *w = g_ptr_array_index (warnings, i);

      if (w->row == row && w->column == column && strstr (w->message, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The Japanese wide sheet, in either encoding, lands the same in the store. */
static void
check_wide_japanese (LbStore         *store,
                     LbImportOutcome *outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, outcome->leaderboard_id, &error);
  g_autoptr(GPtrArray) models = lb_store_list_models (store, outcome->leaderboard_id, &error);
  g_autoptr(GPtrArray) results = lb_store_list_results (store, outcome->leaderboard_id, TRUE, &error);
  g_autoptr(GPtrArray) gaps = lb_store_list_gaps (store, outcome->leaderboard_id, &error);
  LbBenchmark *jmmlu, *mtbench, *latency;
  LbModel *gpt, *llama, *elyza;
  LbResult *r;

  g_assert_no_error (error);
  g_assert_true (outcome->leaderboard_created);
  g_assert_cmpuint (outcome->records, ==, 4);
  g_assert_cmpuint (outcome->results, ==, 9);
  g_assert_cmpuint (outcome->gaps, ==, 3);
  g_assert_cmpuint (outcome->models_created, ==, 4);
  g_assert_cmpuint (outcome->benchmarks_created, ==, 3);

  g_assert_cmpuint (benchmarks->len, ==, 3);
  jmmlu = find_benchmark (benchmarks, "JMMLU");
  mtbench = find_benchmark (benchmarks, "MT-bench");
  latency = find_benchmark (benchmarks, "レイテンシ(ms)");
  g_assert_nonnull (jmmlu);
  g_assert_nonnull (mtbench);
  g_assert_nonnull (latency);
  g_assert_cmpstr (jmmlu->unit, ==, "%");
  g_assert_null (mtbench->unit);
  g_assert_true (jmmlu->higher_is_better);
  g_assert_false (latency->higher_is_better);
  g_assert_false (latency->direction_confirmed);

  g_assert_cmpuint (models->len, ==, 4);
  gpt = find_model (models, "GPT-4o");
  llama = find_model (models, "Llama 3.1 70B");
  elyza = find_model (models, "ELYZA-japanese");
  g_assert_nonnull (gpt);
  g_assert_nonnull (llama);
  g_assert_nonnull (elyza);
  g_assert_cmpstr (gpt->version, ==, "2024-08-06");
  g_assert_cmpstr (gpt->provider, ==, "OpenAI");
  g_assert_cmpstr (gpt->notes, ==, "API");
  g_assert_cmpstr (elyza->notes, ==, "①試験版");
  g_assert_null (elyza->version);

  g_assert_cmpuint (results->len, ==, 9);
  r = find_result (results, gpt->id, jmmlu->id);
  g_assert_nonnull (r);
  g_assert_cmpfloat_with_epsilon (r->score, 85.3, 1e-9);
  g_assert_cmpstr (r->raw, ==, "85.3%");
  g_assert_cmpuint (r->source_row, ==, 2);
  g_assert_cmpuint (r->source_column, ==, 5);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-09-01");
  g_assert_cmpstr (r->model_version, ==, "2024-08-06");
  g_assert_cmpint (r->import_id, ==, outcome->import_id);
  g_assert_true (r->current);

  r = find_result (results, llama->id, jmmlu->id);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-08-01");   /* 令和6年8月1日 */
  g_assert_null (find_result (results, llama->id, mtbench->id));
  g_assert_null (find_result (results, elyza->id, jmmlu->id));

  /* Missing cells are kept with their place and reason, and warned about. */
  g_assert_cmpuint (gaps->len, ==, 3);
  g_assert_true (warnings_mention (outcome->warnings, 4, 6, "#N/A"));
  g_assert_true (warnings_mention (outcome->warnings, 5, 5, "ELYZA-japanese"));
  g_assert_true (warnings_mention (outcome->warnings, 5, 7, "row 5, column G"));
}

static void
test_wide_cp932 (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = NULL;
  LbImportOutcome outcome = { 0 };

  g_assert_true (import_file (store, "wide-cp932.csv", "ベンダー比較", 0, &outcome, &error));
  g_assert_no_error (error);
  check_wide_japanese (store, &outcome);

  import = lb_store_get_import (store, outcome.import_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (import->file_name, ==, "wide-cp932.csv");
  g_assert_cmpstr (import->encoding, ==, "CP932");
  g_assert_cmpstr (import->delimiter, ==, ",");
  g_assert_cmpstr (import->layout, ==, "wide");
  g_assert_cmpstr (import->imported_by, ==, "Tester");
  g_assert_cmpuint (import->records, ==, 4);
  g_assert_cmpuint (import->results, ==, 9);
  g_assert_cmpuint (import->warnings->len, ==, outcome.warnings->len);
  g_assert_cmpuint (strlen (import->sha256), ==, 64);
  lb_import_outcome_clear (&outcome);
}

static void
test_wide_utf8_bom (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = NULL;
  LbImportOutcome outcome = { 0 };

  g_assert_true (import_file (store, "wide-utf8-bom.csv", "ベンダー比較", 0, &outcome, &error));
  g_assert_no_error (error);
  check_wide_japanese (store, &outcome);
  import = lb_store_get_import (store, outcome.import_id, &error);
  g_assert_cmpstr (import->encoding, ==, "UTF-8-BOM");
  lb_import_outcome_clear (&outcome);
}

static void
test_long (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  LbImportOutcome outcome = { 0 };
  LbResult *r;
  LbModel *gpt, *gemini;

  g_assert_true (import_file (store, "long.csv", "Public", 0, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.records, ==, 5);
  g_assert_cmpuint (outcome.results, ==, 5);
  g_assert_cmpuint (outcome.gaps, ==, 0);

  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  g_assert_cmpuint (benchmarks->len, ==, 3);
  g_assert_cmpuint (models->len, ==, 2);
  g_assert_false (find_benchmark (benchmarks, "Latency (s)")->higher_is_better);
  g_assert_true (find_benchmark (benchmarks, "MMLU")->higher_is_better);

  gpt = find_model (models, "GPT-4o");
  gemini = find_model (models, "Gemini 1.5 Pro");
  r = find_result (results, gpt->id, find_benchmark (benchmarks, "MMLU")->id);
  g_assert_cmpfloat_with_epsilon (r->score, 0.887, 1e-12);
  g_assert_true (r->has_stderr);
  g_assert_cmpfloat_with_epsilon (r->stderr_value, 0.003, 1e-12);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-05-13");
  g_assert_cmpuint (r->source_row, ==, 2);
  g_assert_cmpuint (r->source_column, ==, 3);
  r = find_result (results, gemini->id, find_benchmark (benchmarks, "GSM8K")->id);
  g_assert_false (r->has_stderr);
  lb_import_outcome_clear (&outcome);
}

/* A sheet of mostly empty cells, in a database on disk: tens of thousands of gaps and warnings
 * are written in one transaction (megabytes of pages) and all of them are kept. */
static void
test_many_warnings (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "many", NULL);
  g_autofree char *csv = g_build_filename (dir, "many.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "many.db", NULL);
  g_autoptr(GString) text = g_string_new ("Model,A,B,C,D,E,F,G,H,I,Score\r\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  LbImportOutcome outcome = { 0 };
  const guint rows = 20000;
  guint expected_gaps = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* Every third cell of A to I says N/A, the rest are scores. */
  for (guint i = 0; i < rows; i++)
    {
      g_string_append_printf (text, "Model %u", i);
      for (guint c = 0; c < 10; c++)
        if (c < 9 && (i + c) % 3 == 0)
          {
            g_string_append (text, ",N/A");
            expected_gaps++;
          }
        else
          g_string_append_printf (text, ",%u.5", (i + c) % 90);
      g_string_append (text, "\r\n");
    }
  g_assert_true (g_file_set_contents (csv, text->str, (gssize) text->len, &error));
  file = g_file_new_for_path (csv);
  store = lb_store_open (db, &error);
  g_assert_no_error (error);
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, store, "Sparse", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.results, ==, rows * 10 - expected_gaps);
  g_assert_cmpuint (outcome.gaps, ==, expected_gaps);
  g_assert_cmpuint (outcome.warnings->len, ==, expected_gaps);

  imports = lb_store_list_imports (store, outcome.leaderboard_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  g_assert_cmpuint (((LbImport *) g_ptr_array_index (imports, 0))->warnings->len, ==, expected_gaps);
  gaps = lb_store_list_gaps (store, outcome.leaderboard_id, &error);
  g_assert_cmpuint (gaps->len, ==, expected_gaps);
  lb_import_outcome_clear (&outcome);
}

/* Next month's file: the new value becomes current, the old one is kept. */
static void
test_reimport_keeps_history (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) history = NULL;
  LbImportOutcome first = { 0 }, second = { 0 };
  LbModel *gpt;
  LbBenchmark *jmmlu;
  LbResult *r;

  g_assert_true (import_file (store, "wide-cp932.csv", "Vendors", 0, &first, &error));
  g_assert_true (import_file (store, "wide-cp932-next.csv", "Vendors", 0, &second, &error));
  g_assert_no_error (error);
  g_assert_false (second.leaderboard_created);
  g_assert_cmpint (second.leaderboard_id, ==, first.leaderboard_id);
  g_assert_cmpuint (second.models_created, ==, 1);
  g_assert_cmpuint (second.benchmarks_created, ==, 0);

  benchmarks = lb_store_list_benchmarks (store, first.leaderboard_id, &error);
  models = lb_store_list_models (store, first.leaderboard_id, &error);
  current = lb_store_list_results (store, first.leaderboard_id, TRUE, &error);
  g_assert_cmpuint (models->len, ==, 5);
  gpt = find_model (models, "GPT-4o");
  jmmlu = find_benchmark (benchmarks, "JMMLU");
  r = find_result (current, gpt->id, jmmlu->id);
  g_assert_cmpfloat_with_epsilon (r->score, 87.0, 1e-9);
  g_assert_cmpint (r->import_id, ==, second.import_id);

  history = lb_store_list_cell_history (store, gpt->id, jmmlu->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (((LbResult *) g_ptr_array_index (history, 0))->score, 87.0, 1e-9);
  g_assert_true (((LbResult *) g_ptr_array_index (history, 0))->current);
  g_assert_cmpfloat_with_epsilon (((LbResult *) g_ptr_array_index (history, 1))->score, 85.3, 1e-9);
  g_assert_false (((LbResult *) g_ptr_array_index (history, 1))->current);

  lb_import_outcome_clear (&first);
  lb_import_outcome_clear (&second);
}

static void
test_duplicate_file_refused (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  LbImportOutcome outcome = { 0 };

  g_assert_true (import_file (store, "long.csv", "Public", 0, &outcome, &error));
  lb_import_outcome_clear (&outcome);

  g_assert_false (import_file (store, "long.csv", "Public", 0, &outcome, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_DUPLICATE_FILE);
  g_assert_nonnull (strstr (error->message, "long.csv"));
  /* How to import it anyway is for the caller to say (--force, or the assistant's checkbox). */
  g_assert_null (strstr (error->message, "--force"));
  lb_import_outcome_clear (&outcome);
  g_clear_error (&error);

  g_assert_true (import_file (store, "long.csv", "Public", LB_IMPORT_FLAGS_FORCE, &outcome, &error));
  g_assert_no_error (error);
  imports = lb_store_list_imports (store, outcome.leaderboard_id, &error);
  g_assert_cmpuint (imports->len, ==, 2);
  lb_import_outcome_clear (&outcome);
}

static void
test_dry_run_writes_nothing (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leaderboards = NULL;
  LbImportOutcome outcome = { 0 };

  g_assert_true (import_file (store, "wide-cp932.csv", "Vendors", LB_IMPORT_FLAGS_DRY_RUN, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.results, ==, 9);
  g_assert_cmpuint (outcome.gaps, ==, 3);
  g_assert_cmpuint (outcome.models_created, ==, 4);
  g_assert_cmpint (outcome.import_id, ==, 0);
  leaderboards = lb_store_list_leaderboards (store, &error);
  g_assert_cmpuint (leaderboards->len, ==, 0);
  lb_import_outcome_clear (&outcome);
}

static void
test_semicolon_title_row (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  LbImportOutcome outcome = { 0 };
  LbResult *r;

  g_assert_true (import_file (store, "semicolon-title.csv", "EU", 0, &outcome, &error));
  g_assert_no_error (error);
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  g_assert_cmpuint (benchmarks->len, ==, 2);
  g_assert_cmpuint (models->len, ==, 2);
  g_assert_cmpstr (find_model (models, "ModelA")->provider, ==, "Acme");
  r = find_result (results, find_model (models, "ModelA")->id, find_benchmark (benchmarks, "MMLU")->id);
  g_assert_cmpfloat_with_epsilon (r->score, 85.3, 1e-9);
  g_assert_cmpuint (r->source_row, ==, 3);   /* the title row is row 1, the header row 2 */
  g_assert_cmpuint (r->source_column, ==, 3);
  g_assert_cmpuint (outcome.results, ==, 3);
  g_assert_cmpuint (outcome.gaps, ==, 1);
  g_assert_true (warnings_mention (outcome.warnings, 4, 4, "#DIV/0!"));
  lb_import_outcome_clear (&outcome);
}

static void
test_no_scores_writes_nothing (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leaderboards = NULL;
  LbImportOutcome outcome = { 0 };

  g_assert_false (import_file (store, "no-scores.csv", "Nothing", 0, &outcome, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_NO_SCORE_COLUMN);
  leaderboards = lb_store_list_leaderboards (store, NULL);
  g_assert_cmpuint (leaderboards->len, ==, 0);
  lb_import_outcome_clear (&outcome);
}

static void
test_cancel_writes_nothing (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("long.csv");
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) leaderboards = NULL;
  LbImportOutcome outcome = { 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (lb_importer_run (importer, store, "Public", 0, NULL, NULL, cancellable, &outcome, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_CANCELLED);
  leaderboards = lb_store_list_leaderboards (store, NULL);
  g_assert_cmpuint (leaderboards->len, ==, 0);
  lb_import_outcome_clear (&outcome);
}

/* Next month's file of the same sheet imports with the choices made last time. */
static void
test_mapping_remembered (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first_file = fixture ("wide-cp932.csv");
  g_autoptr(GFile) next_file = fixture ("wide-cp932-next.csv");
  g_autoptr(LbImporter) first = lb_importer_new (first_file, NULL, store, NULL, &error);
  g_autoptr(LbImporter) next = NULL;
  LbImportOutcome outcome = { 0 };
  LbColumnSpec *notes;

  g_assert_no_error (error);
  g_assert_false (lb_importer_get_mapping_remembered (first));
  /* The user decides the notes column ("備考", H) is to be ignored. */
  notes = g_ptr_array_index (lb_importer_get_columns (first), 7);
  g_assert_cmpint (notes->role, ==, LB_COLUMN_NOTES);
  g_assert_true (notes->role_detected);
  lb_importer_set_column_role (first, 8, LB_COLUMN_IGNORE);
  g_assert_true (lb_importer_run (first, store, "Vendors", 0, NULL, NULL, NULL, &outcome, &error));
  lb_import_outcome_clear (&outcome);

  next = lb_importer_new (next_file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_importer_get_signature (next), ==, lb_importer_get_signature (first));
  g_assert_true (lb_importer_get_mapping_remembered (next));
  notes = g_ptr_array_index (lb_importer_get_columns (next), 7);
  g_assert_cmpint (notes->role, ==, LB_COLUMN_IGNORE);
  g_assert_false (notes->role_detected);
}

static void
test_plan_detection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("wide-cp932.csv");
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  static const LbColumnRole expected[] = {
    LB_COLUMN_MODEL, LB_COLUMN_VERSION, LB_COLUMN_PROVIDER, LB_COLUMN_DATE,
    LB_COLUMN_SCORE, LB_COLUMN_SCORE, LB_COLUMN_SCORE, LB_COLUMN_NOTES,
  };
  GPtrArray *columns;

  g_assert_no_error (error);
  g_assert_cmpint (lb_importer_get_layout (importer), ==, LB_LAYOUT_WIDE);
  g_assert_true (lb_importer_get_layout_detected (importer));
  columns = lb_importer_get_columns (importer);
  g_assert_cmpuint (columns->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < columns->len; i++)
    g_assert_cmpint (((LbColumnSpec *) g_ptr_array_index (columns, i))->role, ==, expected[i]);
  g_assert_cmpuint (lb_importer_get_preview (importer)->len, ==, 4);
  g_assert_true (lb_importer_check (importer, &error));

  /* Without a model column the import is blocked, with the reason. */
  lb_importer_set_column_role (importer, 1, LB_COLUMN_IGNORE);
  g_assert_false (lb_importer_check (importer, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_NO_MODEL_COLUMN);
}

/* English header synonyms, a stderr column, directions from the names. */
static void
test_synonyms_and_stderr (void)
{
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture ("wide-synonyms.csv");
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  static const LbColumnRole expected[] = {
    LB_COLUMN_MODEL, LB_COLUMN_PROVIDER, LB_COLUMN_DATE, LB_COLUMN_LICENSE, LB_COLUMN_PARAMETERS,
    LB_COLUMN_SCORE, LB_COLUMN_STDERR, LB_COLUMN_SCORE, LB_COLUMN_SCORE, LB_COLUMN_NOTES,
  };
  LbImportOutcome outcome = { 0 };
  GPtrArray *columns;
  LbModel *alpha, *beta;
  LbResult *r;

  g_assert_no_error (error);
  columns = lb_importer_get_columns (importer);
  g_assert_cmpuint (columns->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < columns->len; i++)
    g_assert_cmpint (((LbColumnSpec *) g_ptr_array_index (columns, i))->role, ==, expected[i]);
  g_assert_cmpuint (((LbColumnSpec *) g_ptr_array_index (columns, 6))->stderr_of, ==, 6);
  g_assert_true (((LbColumnSpec *) g_ptr_array_index (columns, 7))->higher_is_better);   /* "Answer" is no "wer" */
  g_assert_false (((LbColumnSpec *) g_ptr_array_index (columns, 8))->higher_is_better);  /* Cost */

  g_assert_true (lb_importer_run (importer, store, "Synonyms", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  g_assert_cmpuint (benchmarks->len, ==, 3);
  alpha = find_model (models, "Alpha-7B");
  beta = find_model (models, "Beta-70B");
  g_assert_cmpstr (alpha->provider, ==, "Acme AI");
  g_assert_cmpstr (alpha->notes, ==, "License: MIT; #Params (B): 7; first run");
  r = find_result (results, alpha->id, find_benchmark (benchmarks, "MMLU")->id);
  g_assert_cmpfloat_with_epsilon (r->score, 1234.5, 1e-9);
  g_assert_cmpstr (r->raw, ==, "1,234.5");
  g_assert_true (r->has_stderr);
  g_assert_cmpfloat_with_epsilon (r->stderr_value, 0.4, 1e-12);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-06-01");
  r = find_result (results, beta->id, find_benchmark (benchmarks, "Cost ($/1M tokens)")->id);
  g_assert_cmpfloat_with_epsilon (r->score, 2.1, 1e-12);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-07-01");   /* 01.07.2024 is day first */
  g_assert_false (find_benchmark (benchmarks, "Cost ($/1M tokens)")->higher_is_better);
  lb_import_outcome_clear (&outcome);
}

/* The file is saved again between the preview and the import: the import must not read
 * data planned on other bytes (here: the benchmark columns swapped, same size). */
typedef enum {
  CHANGE_SWAP_COLUMNS,   /* same size, same modification time, other bytes */
  CHANGE_APPEND,         /* a row more */
  CHANGE_TOUCH,          /* same bytes, saved again */
} Change;

static void
write_or_die (const char *path,
              const char *contents,
              gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
set_mtime (const char *path,
           guint64     seconds,
           guint32     usec)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint32 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, usec, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_changed_file_refused (gconstpointer data)
{
  Change change = GPOINTER_TO_INT (data);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scores.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GString) before = g_string_new ("model,JMMLU,MT-bench\r\nModel A,85.3,7.1\r\n");
  g_autoptr(GString) after = NULL;
  LbImportOutcome outcome = { 0 };
  gint64 leaderboard_id;

  g_assert_no_error (error);
  /* A leaderboard with one import already, which must stay as it is. */
  g_assert_true (import_file (store, "wide-cp932.csv", "Vendors", 0, &outcome, &error));
  g_assert_no_error (error);
  leaderboard_id = outcome.leaderboard_id;
  lb_import_outcome_clear (&outcome);

  write_or_die (path, before->str, (gssize) before->len);
  set_mtime (path, 1700000000, 123456);

  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);

  after = g_string_new (before->str);
  switch (change)
    {
    case CHANGE_SWAP_COLUMNS:
      g_string_assign (after, "model,MT-bench,JMMLU\r\nModel A,7.1,85.3\r\n");
      g_assert_cmpuint (after->len, ==, before->len);
      write_or_die (path, after->str, (gssize) after->len);
      set_mtime (path, 1700000000, 123456);
      break;
    case CHANGE_APPEND:
      g_string_append (after, "Model B,79.1,6.8\r\n");
      write_or_die (path, after->str, (gssize) after->len);
      set_mtime (path, 1700000000, 123456);
      break;
    case CHANGE_TOUCH:
      set_mtime (path, 1700000001, 123456);
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_false (lb_importer_run (importer, store, "Vendors", LB_IMPORT_FLAGS_FORCE, NULL, NULL,
                                   NULL, &outcome, &error));
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "scores.csv"));
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  lb_import_outcome_clear (&outcome);

  /* Nothing written: still the one import and its 9 results. */
  imports = lb_store_list_imports (store, leaderboard_id, NULL);
  g_assert_cmpuint (imports->len, ==, 1);
  results = lb_store_list_results (store, leaderboard_id, TRUE, NULL);
  g_assert_cmpuint (results->len, ==, 9);

  /* Planned again on what the file holds now, it imports. */
  g_clear_error (&error);
  g_clear_object (&importer);
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, store, "Vendors", LB_IMPORT_FLAGS_FORCE, NULL, NULL,
                                  NULL, &outcome, &error));
  g_assert_no_error (error);
  lb_import_outcome_clear (&outcome);

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct {
  char            *path;
  gboolean         ok;
  GError          *error;
  LbImportOutcome  outcome;
} RaceImport;

static gpointer
race_import_thread (gpointer data)
{
  RaceImport *race = data;
  g_autoptr(LbStore) store = lb_store_open (race->path, &race->error);

  if (store != NULL)
    race->ok = import_file (store, "wide-utf8-bom.csv", "Shared", LB_IMPORT_FLAGS_NONE,
                            &race->outcome, &race->error);
  return NULL;
}

/* Two imports create the same new leaderboard at once: the second looked it up before the
 * first committed it, then failed "already exists, choose another name". Looked up again
 * under the write lock, it imports into the one the first created. */
static void
test_concurrent_create (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "race", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) first = NULL;
  g_autoptr(GPtrArray) boards = NULL;
  g_autoptr(LbLeaderboard) shared = NULL;
  RaceImport race = { 0 };
  LbLeaderboardStats stats = { 0 };
  GThread *thread;
  gint64 id;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  race.path = g_build_filename (dir, "race.db", NULL);
  first = lb_store_open (race.path, &error);
  g_assert_no_error (error);

  /* The first import has created it and not committed yet. */
  g_assert_true (lb_store_begin (first, &error));
  id = lb_store_create_leaderboard (first, "Shared", &error);
  g_assert_no_error (error);
  thread = g_thread_new ("second import", race_import_thread, &race);
  /* The second reads the file and looks for "Shared" meanwhile, then waits for the lock
   * (up to three seconds). Were it slower than this, it would find "Shared" committed:
   * the test passes then too, without the race. */
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (lb_store_commit (first, &error));
  g_thread_join (thread);

  g_assert_no_error (race.error);
  g_assert_true (race.ok);
  g_assert_false (race.outcome.leaderboard_created);
  g_assert_cmpint (race.outcome.leaderboard_id, ==, id);
  boards = lb_store_list_leaderboards (first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (boards->len, ==, 1);
  shared = lb_store_find_leaderboard (first, "Shared", &error);
  g_assert_no_error (error);
  g_assert_true (lb_store_get_leaderboard_stats (first, shared->id, &stats, &error));
  g_assert_cmpuint (stats.n_results, ==, race.outcome.results);
  g_assert_cmpuint (stats.n_results, >, 0);
  lb_leaderboard_stats_clear (&stats);
  lb_import_outcome_clear (&race.outcome);
  g_free (race.path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/import/plan/detection", test_plan_detection);
  g_test_add_func ("/import/wide/cp932", test_wide_cp932);
  g_test_add_func ("/import/wide/utf8-bom", test_wide_utf8_bom);
  g_test_add_func ("/import/long", test_long);
  g_test_add_func ("/import/wide/synonyms-and-stderr", test_synonyms_and_stderr);
  g_test_add_func ("/import/wide/semicolon-title-row", test_semicolon_title_row);
  g_test_add_func ("/import/reimport/keeps-history", test_reimport_keeps_history);
  g_test_add_func ("/import/many-warnings", test_many_warnings);
  g_test_add_func ("/import/duplicate-file/refused", test_duplicate_file_refused);
  g_test_add_func ("/import/dry-run/writes-nothing", test_dry_run_writes_nothing);
  g_test_add_func ("/import/no-scores/writes-nothing", test_no_scores_writes_nothing);
  g_test_add_func ("/import/cancel/writes-nothing", test_cancel_writes_nothing);
  g_test_add_func ("/import/mapping/remembered", test_mapping_remembered);
  g_test_add_func ("/import/leaderboard/created-concurrently", test_concurrent_create);
  g_test_add_data_func ("/import/changed-file/swapped-columns", GINT_TO_POINTER (CHANGE_SWAP_COLUMNS), test_changed_file_refused);
  g_test_add_data_func ("/import/changed-file/appended", GINT_TO_POINTER (CHANGE_APPEND), test_changed_file_refused);
  g_test_add_data_func ("/import/changed-file/touched", GINT_TO_POINTER (CHANGE_TOUCH), test_changed_file_refused);

  return g_test_run ();
}
