/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lb-lbom.h"
#include "lb-store.h"

#define NOW_BUILT    "2026-11-28T03:00:00Z"
#define NOW_IMPORTED "2027-01-01T00:00:00Z"

static LbStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  LbStore *store = lb_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
read_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lbom", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_leaderboards (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lb_store_list_leaderboards (store, &error);

  g_assert_no_error (error);
  return all->len;
}

/* ---- building fixtures through the store API ---- */

static void
set_field (LbStore *store, gint64 id, LbLeaderboardField field, const char *value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = lb_store_set_leaderboard_field (store, id, field, value, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
add_import (LbStore    *store,
            gint64      leaderboard_id,
            const char *file_name,
            const char *sha256,
            guint       records,
            guint       results,
            guint       n_warnings,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  va_list args;
  gint64 id;

  import->leaderboard_id = leaderboard_id;
  import->file_name = g_strdup (file_name);
  import->file_path = g_strconcat ("/home/sato/", file_name, NULL);
  import->sha256 = g_strdup (sha256);
  import->size_bytes = 1234;
  import->encoding = g_strdup ("CP932");
  import->delimiter = g_strdup (",");
  import->layout = g_strdup ("wide");
  import->header_row = 1;
  import->records = records;
  import->results = results;
  import->status = LB_IMPORT_COMPLETE;
  /* Numbers a third party published (issue 16.4): the class survives the round trip. */
  import->provenance = LB_PROVENANCE_THIRD_PARTY;
  /* A workbook: the new version of the sheet, read from its sheet 評価. */
  if (g_str_has_suffix (file_name, ".xlsx"))
    {
      import->mode = LB_IMPORT_MODE_REPLACE;
      import->signature = g_strdup ("モデル|JMMLU|Latency");
      import->header_row = 3;
    }
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  va_start (args, n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    {
      guint row = va_arg (args, guint);
      guint column = va_arg (args, guint);
      const char *message = va_arg (args, const char *);

      g_ptr_array_add (import->warnings, lb_warning_new (row, column, message));
    }
  va_end (args);

  id = lb_store_add_import (store, import, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_result (LbStore    *store,
            gint64      leaderboard_id,
            gint64      model_id,
            gint64      benchmark_id,
            gint64      import_id,
            double      score,
            const char *raw,
            guint       row,
            guint       column)
{
  g_autoptr(GError) error = NULL;
  LbResult result = { 0 };
  gint64 id;

  result.leaderboard_id = leaderboard_id;
  result.model_id = model_id;
  result.benchmark_id = benchmark_id;
  result.import_id = import_id;
  result.score = score;
  result.raw = (char *) raw;
  result.source_row = row;
  result.source_column = column;
  result.current = TRUE;
  id = lb_store_add_result (store, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
finish_import (LbStore *store, gint64 import_id, guint records, guint results)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = lb_store_finish_import (store, import_id, records, results, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
transaction (LbStore *store, gboolean begin)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = begin ? lb_store_begin (store, &error) : lb_store_commit (store, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
put_smell (LbStore    *store,
           gint64      leaderboard_id,
           const char *name,
           const char *component,
           const char *status,
           gboolean    detected,
           const char *evidence,
           const char *reviewer,
           const char *checked_at)
{
  g_autoptr(GError) error = NULL;
  LbSmell smell = { 0 };
  gint64 id;

  smell.leaderboard_id = leaderboard_id;
  smell.smell = (char *) name;
  smell.component = (char *) component;
  smell.status = (char *) status;
  smell.detected = detected;
  smell.evidence = (char *) evidence;
  smell.reviewer = (char *) reviewer;
  smell.checked_at = (char *) checked_at;
  id = lb_store_put_smell (store, &smell, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
put_profile (LbStore    *store,
             gint64      leaderboard_id,
             const char *name,
             const char *description,
             guint       n_weights,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProfile) profile = g_new0 (LbProfile, 1);
  va_list args;
  gint64 id;

  profile->leaderboard_id = leaderboard_id;
  profile->name = g_strdup (name);
  profile->description = g_strdup (description);
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  va_start (args, n_weights);
  for (guint i = 0; i < n_weights; i++)
    {
      LbWeight *weight = g_new0 (LbWeight, 1);

      weight->benchmark = g_strdup (va_arg (args, const char *));
      weight->weight = va_arg (args, double);
      g_ptr_array_add (profile->weights, weight);
    }
  va_end (args);
  id = lb_store_put_profile (store, profile, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

static void
add_review (LbStore    *store,
            gint64      leaderboard_id,
            const char *held_at,
            const char *reviewer,
            const char *decision,
            const char *notes)
{
  g_autoptr(GError) error = NULL;
  LbReview review = { 0 };
  gint64 id;

  review.leaderboard_id = leaderboard_id;
  review.held_at = (char *) held_at;
  review.reviewer = (char *) reviewer;
  review.decision = (char *) decision;
  review.notes = (char *) notes;
  id = lb_store_add_review (store, &review, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

/* The small fixture whose export is tests/data/lbom/small.json. */
static gint64
build_small (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  LbBenchmark jmmlu_init = {
    .unit = (char *) "%", .higher_is_better = TRUE, .direction_confirmed = TRUE,
    .has_scale = TRUE, .scale_min = 0, .scale_max = 100, .protocol = (char *) "5-shot",
  };
  LbModel model_init = { .version = (char *) "1.0", .provider = (char *) "Acme", .access = (char *) "api" };
  gint64 lb, jmmlu, model, import;

  lb = lb_store_create_leaderboard (store, "Chatbot 2026", &error);
  g_assert_no_error (error);
  set_field (store, lb, LB_LEADERBOARD_FIELD_PURPOSE, "Pick a support model");
  set_field (store, lb, LB_LEADERBOARD_FIELD_OWNER, "Sato");
  set_field (store, lb, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "30");
  set_field (store, lb, LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, "P1");
  jmmlu = lb_store_ensure_benchmark (store, lb, "JMMLU", &jmmlu_init, NULL, &error);
  g_assert_no_error (error);
  model = lb_store_ensure_model (store, lb, "Model A", &model_init, NULL, &error);
  g_assert_no_error (error);

  transaction (store, TRUE);
  import = add_import (store, lb, "scores.csv",
                       "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                       2, 1, 1, 3u, 2u, "The cell is empty.");
  add_result (store, lb, model, jmmlu, import, 85.3, "85.3%", 2, 2);
  finish_import (store, import, 2, 1);
  transaction (store, FALSE);

  put_smell (store, lb, "missing", "evaluation-score", "present", TRUE, "1 empty cell", NULL, NULL);
  put_profile (store, lb, "Accuracy first", NULL, 1, "JMMLU", 1.0);
  add_review (store, lb, "2026-11-27", "Sato", "Use Model A", NULL);
  return lb;
}

/* Everything LBOM carries, and what it must not: superseded results, a deleted import, a
 * gap, a hand-typed result, warnings (one tied to no cell), smells, profiles, reviews,
 * unicode and awkward text, unset fields. */
static void
build_rich (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  LbBenchmark jmmlu_init = {
    .unit = (char *) "%", .higher_is_better = TRUE, .direction_confirmed = TRUE,
    .has_scale = TRUE, .scale_min = 0, .scale_max = 100, .task = (char *) "知識",
    .metric = (char *) "accuracy", .dataset = (char *) "JMMLU", .dataset_version = (char *) "1.1",
    .protocol = (char *) "5-shot", .harness = (char *) "llm-jp-eval 1.4",
    .description = (char *) "Japanese MMLU,\n\"translated\" — 日本語",
  };
  LbBenchmark elo_init = { .higher_is_better = TRUE };
  LbBenchmark latency_init = {
    .unit = (char *) "ms", .higher_is_better = FALSE, .direction_confirmed = TRUE,
    .has_scale = TRUE, .scale_min = 0, .scale_max = 10000.5,
  };
  LbModel a_init = {
    .version = (char *) "2024-05", .provider = (char *) "Acme", .access = (char *) "api",
    .provenance_url = (char *) "https://example.com/model-a",
  };
  LbModel b_init = { .provider = (char *) "オープン研究所", .access = (char *) "open-weights",
                     .notes = (char *) "License: Apache-2.0 🚀" };
  LbGap gap = { 0 };
  LbResult typed = { 0 };
  gint64 lb, plain, jmmlu, elo, latency, a, b, c, import1, import2, import3;
  gboolean ok;

  lb_store_set_user (store, "山田 太郎");

  lb = lb_store_create_leaderboard (store, "顧客サポート チャットボット 2026", &error);
  g_assert_no_error (error);
  set_field (store, lb, LB_LEADERBOARD_FIELD_PURPOSE, "問い合わせ対応に使うモデルを選ぶ");
  set_field (store, lb, LB_LEADERBOARD_FIELD_OWNER, "山田 太郎");
  set_field (store, lb, LB_LEADERBOARD_FIELD_OWNER_CONTACT, "yamada@example.jp, 内線 1234");
  set_field (store, lb, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "90");
  set_field (store, lb, LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, "P2");
  set_field (store, lb, LB_LEADERBOARD_FIELD_EVALUATION_DATA, "llm-jp-eval v1.4\nJapanese MT-Bench");
  set_field (store, lb, LB_LEADERBOARD_FIELD_PROCEDURE, "Run \"make eval\" then paste");
  set_field (store, lb, LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT, "FAQ chatbot");
  set_field (store, lb, LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, "2026-11-20");

  jmmlu = lb_store_ensure_benchmark (store, lb, "JMMLU", &jmmlu_init, NULL, &error);
  g_assert_no_error (error);
  elo = lb_store_ensure_benchmark (store, lb, "Elo ⭐", &elo_init, NULL, &error);
  g_assert_no_error (error);
  latency = lb_store_ensure_benchmark (store, lb, "Latency", &latency_init, NULL, &error);
  g_assert_no_error (error);
  a = lb_store_ensure_model (store, lb, "Model A", &a_init, NULL, &error);
  g_assert_no_error (error);
  b = lb_store_ensure_model (store, lb, "モデルB", &b_init, NULL, &error);
  g_assert_no_error (error);
  c = lb_store_ensure_model (store, lb, "=Model C", NULL, NULL, &error);
  g_assert_no_error (error);

  transaction (store, TRUE);
  import1 = add_import (store, lb, "2026-10 スコア.csv", "aa", 3, 3, 2,
                        4u, 3u, "The cell is empty.", 0u, 0u, "The file has no BOM; read as CP932.");
  add_result (store, lb, a, jmmlu, import1, 80.0, "80.0%", 2, 2);
  add_result (store, lb, a, elo, import1, 1000.0, "1,000", 2, 3);
  add_result (store, lb, b, jmmlu, import1, 70.5, "７０．５%", 3, 2);
  gap.leaderboard_id = lb;
  gap.model_id = b;
  gap.benchmark_id = elo;
  gap.import_id = import1;
  gap.source_row = 3;
  gap.source_column = 3;
  gap.raw = (char *) "#N/A";
  gap.reason = (char *) "Excel error #N/A.";
  lb_store_add_gap (store, &gap, &error);
  g_assert_no_error (error);
  finish_import (store, import1, 3, 3);
  transaction (store, FALSE);

  /* Deleted later: its id is skipped in the export, so import ids must be remapped. */
  transaction (store, TRUE);
  import2 = add_import (store, lb, "wrong.csv", "bb", 2, 1, 0);
  add_result (store, lb, a, jmmlu, import2, 1.0, "1", 2, 2);
  finish_import (store, import2, 2, 1);
  transaction (store, FALSE);
  ok = lb_store_set_import_deleted (store, import2, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  transaction (store, TRUE);
  import3 = add_import (store, lb, "2026-11.xlsx", "cc", 3, 2, 0);
  g_assert_true (lb_store_set_import_sheet (store, import3, "評価", &error));
  g_assert_no_error (error);
  add_result (store, lb, a, jmmlu, import3, 85.3, "85.3%", 2, 2);
  g_assert_true (lb_store_add_source_cell (store, import3, 2, 2,
                                           "{\"cell\":\"B2\",\"type\":\"n\",\"value\":\"0.853\","
                                           "\"format\":\"0.0%\",\"formula\":\"C2/D2\"}", &error));
  g_assert_no_error (error);
  /* The new version of the sheet has no value for モデルB's JMMLU: withdrawn. */
  {
    LbGap withdrawn = { 0 };

    withdrawn.leaderboard_id = lb;
    withdrawn.model_id = b;
    withdrawn.benchmark_id = jmmlu;
    withdrawn.import_id = import3;
    withdrawn.source_row = 3;
    withdrawn.source_column = 2;
    withdrawn.raw = (char *) "";
    withdrawn.reason = (char *) "The cell is empty.";
    lb_store_add_gap (store, &withdrawn, &error);
    g_assert_no_error (error);
  }
  {
    LbResult result = { 0 };

    result.leaderboard_id = lb;
    result.model_id = a;
    result.benchmark_id = latency;
    result.import_id = import3;
    result.score = -0.125;
    result.raw = (char *) "▲0.125";
    result.has_stderr = TRUE;
    result.stderr_value = 0.5;
    result.evaluated_at = (char *) "2026-11-01";
    result.model_version = (char *) "2024-05-13";
    result.source_row = 2;
    result.source_column = 4;
    lb_store_add_result (store, &result, &error);
    g_assert_no_error (error);
  }
  finish_import (store, import3, 3, 2);
  transaction (store, FALSE);

  /* Typed in by hand: no source. */
  typed.leaderboard_id = lb;
  typed.model_id = c;
  typed.benchmark_id = elo;
  typed.score = 1100.0;
  typed.raw = (char *) "1100";
  typed.current = TRUE;
  lb_store_add_result (store, &typed, &error);
  g_assert_no_error (error);

  put_smell (store, lb, "missing", "evaluation-score", "present", TRUE,
             "1 empty cell (モデルB × Elo ⭐)", "山田 太郎", "2026-11-20T10:00:00Z");
  put_smell (store, lb, "confusing", NULL, "unchecked", FALSE, NULL, NULL, NULL);
  /* "MT-Bench (old)" is no benchmark of the leaderboard (say, renamed since): kept anyway. */
  put_profile (store, lb, "精度重視", "Accuracy over speed", 4,
               "JMMLU", 2.0, "Elo ⭐", 0.5, "Latency", 0.25, "MT-Bench (old)", 1.0 / 3.0);
  put_profile (store, lb, "Empty", NULL, 0);
  add_review (store, lb, "2026-11-20", "山田 太郎", "Model A を採用", "Latency は要確認");
  add_review (store, lb, "2026-11-27T09:30:00Z", NULL, NULL, NULL);

  /* A second leaderboard with nothing but a name. */
  plain = lb_store_create_leaderboard (store, "Plain", &error);
  g_assert_no_error (error);
  g_assert_cmpint (plain, >, 0);
}

/* ---- export ---- */

static void
test_export_small (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = read_data_file ("small.json");
  g_autofree char *text = NULL;
  gint64 id;

  lb_store_set_user (store, "Sato");
  id = build_small (store);
  text = lb_lbom_export (store, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_export_unknown_id (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = 99;

  text = lb_lbom_export (store, &id, 1, &error);
  g_assert_null (text);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

static void
test_export_empty_store (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = lb_lbom_export (store, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\" : \"lbom\",\n"
                   "  \"version\" : 1,\n"
                   "  \"generated_at\" : \"" NOW_BUILT "\",\n"
                   "  \"generator\" : \"Leaderboard " VERSION "\",\n"
                   "  \"leaderboards\" : []\n"
                   "}\n");
}

/* ---- round trip ---- */

/* The document with generated_at blanked and each leaderboard's import ids renumbered 1, 2, …
 * in file order (results follow): what a round trip must preserve. */
static char *
normalise (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *leaderboards;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "generated_at", "");
  leaderboards = json_object_get_array_member (root, "leaderboards");
  for (guint i = 0; i < json_array_get_length (leaderboards); i++)
    {
      JsonObject *leaderboard = json_array_get_object_element (leaderboards, i);
      JsonArray *imports = json_object_get_array_member (leaderboard, "imports");
      JsonArray *results = json_object_get_array_member (leaderboard, "results");
      JsonArray *gaps = json_object_get_array_member (leaderboard, "gaps");
      g_autoptr(GHashTable) renumber = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint j = 0; j < json_array_get_length (imports); j++)
        {
          JsonObject *import = json_array_get_object_element (imports, j);
          gint64 old_id = json_object_get_int_member (import, "id");

          g_hash_table_insert (renumber, g_memdup2 (&old_id, sizeof old_id), GUINT_TO_POINTER (j + 1));
          json_object_set_int_member (import, "id", j + 1);
        }
      for (guint j = 0; j < json_array_get_length (results); j++)
        {
          JsonObject *result = json_array_get_object_element (results, j);
          JsonNode *source = json_object_get_member (result, "source");
          gint64 old_id;

          if (JSON_NODE_HOLDS_NULL (source))
            continue;
          old_id = json_object_get_int_member (json_node_get_object (source), "import");
          g_assert_true (g_hash_table_contains (renumber, &old_id));
          json_object_set_int_member (json_node_get_object (source), "import",
                                      GPOINTER_TO_UINT (g_hash_table_lookup (renumber, &old_id)));
        }
      for (guint j = 0; gaps != NULL && j < json_array_get_length (gaps); j++)
        {
          JsonObject *source = json_object_get_object_member (json_array_get_object_element (gaps, j), "source");
          gint64 old_id = json_object_get_int_member (source, "import");

          g_assert_true (g_hash_table_contains (renumber, &old_id));
          json_object_set_int_member (source, "import", GPOINTER_TO_UINT (g_hash_table_lookup (renumber, &old_id)));
        }
    }
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(LbStore) source = open_store ();
  g_autoptr(LbStore) target = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_normal = NULL;
  g_autofree char *second_normal = NULL;
  guint n_current = 0, n_typed = 0;
  gboolean ok;

  build_rich (source);
  first = lb_lbom_export (source, NULL, 0, &error);
  g_assert_no_error (error);
  /* Spot checks of the first document itself. */
  g_assert_nonnull (strstr (first, "\"name\" : \"顧客サポート チャットボット 2026\""));
  g_assert_nonnull (strstr (first, "\"raw\" : \"７０．５%\""));
  g_assert_nonnull (strstr (first, "\"score\" : -0.125,"));
  g_assert_nonnull (strstr (first, "\"import\" : 3,"));       /* import 2 was deleted */
  g_assert_null (strstr (first, "wrong.csv"));
  /* Gaps, workbook sheets, import modes and workbook cells are in it (docs/lbom.md). */
  g_assert_nonnull (strstr (first, "\"raw\" : \"#N/A\""));
  g_assert_nonnull (strstr (first, "\"sheet\" : \"評価\""));
  g_assert_nonnull (strstr (first, "\"mode\" : \"replace\""));
  g_assert_nonnull (strstr (first, "\"formula\" : \"C2/D2\""));
  g_assert_null (strstr (first, "/home/sato"));                /* nor full paths */
  g_assert_nonnull (strstr (first, "\"weights\" : {}\n"));
  g_assert_nonnull (strstr (first, "\"MT-Bench (old)\" : 0.3333333333333333\n"));

  /* Another day, another user: nothing of that may leak into the restored data. */
  g_setenv ("LEADERBOARD_NOW", NOW_IMPORTED, TRUE);
  lb_store_set_user (target, "Someone Else");
  ok = lb_lbom_import (target, first, -1, &names, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Plain");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "顧客サポート チャットボット 2026");

  second = lb_lbom_export (target, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (second, "\"generated_at\" : \"" NOW_IMPORTED "\""));
  g_assert_nonnull (strstr (second, "\"import\" : 2,"));
  g_assert_null (strstr (second, "Someone Else"));

  first_normal = normalise (first);
  second_normal = normalise (second);
  g_assert_cmpstr (second_normal, ==, first_normal);

  /* The restored store holds the same history, not just the same text. */
  leaderboard = lb_store_find_leaderboard (target, "顧客サポート チャットボット 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (leaderboard->created_at, ==, NOW_BUILT);
  results = lb_store_list_results (target, leaderboard->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 6);
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *result = g_ptr_array_index (results, i);

      n_current += result->current;
      n_typed += result->import_id == 0;
    }
  g_assert_cmpuint (n_current, ==, 4);   /* Model A × JMMLU 80.0 superseded, モデルB × JMMLU withdrawn */
  g_assert_cmpuint (n_typed, ==, 1);
  gaps = lb_store_list_gaps (target, leaderboard->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 2);
  /* モデルB's JMMLU is withdrawn by the new version of the sheet, there as here */
  {
    guint n_withdrawn = 0;

    for (guint i = 0; i < gaps->len; i++)
      n_withdrawn += ((LbGap *) g_ptr_array_index (gaps, i))->withdrawn;
    g_assert_cmpuint (n_withdrawn, ==, 1);
  }
  imports = lb_store_list_imports (target, leaderboard->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 2);
  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);

      g_assert_cmpstr (import->imported_by, ==, "山田 太郎");
      g_assert_cmpstr (import->imported_at, ==, NOW_BUILT);
      if (g_str_equal (import->file_name, "2026-11.xlsx"))
        {
          g_autofree char *cell = lb_store_get_source_cell (target, import->id, 2, 2, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (import->sheet, ==, "評価");
          g_assert_cmpint (import->mode, ==, LB_IMPORT_MODE_REPLACE);
          g_assert_cmpuint (import->header_row, ==, 3);
          g_assert_nonnull (cell);
          g_assert_nonnull (strstr (cell, "C2/D2"));
        }
      else
        g_assert_null (import->sheet);
    }

  g_setenv ("LEADERBOARD_NOW", NOW_BUILT, TRUE);
}

/* ---- import ---- */

static void
test_import_valid (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autofree char *data = read_data_file ("valid.json");
  LbResult *first, *second;
  LbImport *import;
  LbBenchmark *benchmark;
  gboolean ok;

  ok = lb_lbom_import (store, data, -1, &names, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Valid board");

  leaderboard = lb_store_find_leaderboard (store, "Valid board", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (leaderboard->purpose, ==, "Pick a support model");
  g_assert_null (leaderboard->owner_contact);
  g_assert_cmpint (leaderboard->update_cadence_days, ==, 30);
  g_assert_cmpstr (leaderboard->workflow_pattern, ==, "P1");
  g_assert_cmpstr (leaderboard->created_at, ==, "2026-01-05T08:00:00Z");
  g_assert_cmpstr (leaderboard->updated_at, ==, "2026-02-01T10:30:00Z");
  g_assert_cmpstr (leaderboard->last_reviewed_at, ==, "2026-01-31");

  benchmarks = lb_store_list_benchmarks (store, leaderboard->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (benchmarks->len, ==, 1);
  benchmark = g_ptr_array_index (benchmarks, 0);
  g_assert_cmpstr (benchmark->unit, ==, "%");
  g_assert_true (benchmark->has_scale);
  g_assert_cmpfloat (benchmark->scale_max, ==, 100.0);
  g_assert_true (benchmark->direction_confirmed);

  imports = lb_store_list_imports (store, leaderboard->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  import = g_ptr_array_index (imports, 0);
  g_assert_cmpstr (import->imported_at, ==, "2026-01-05T08:01:00Z");
  g_assert_cmpuint (import->warnings->len, ==, 1);
  g_assert_cmpuint (((LbWarning *) g_ptr_array_index (import->warnings, 0))->row, ==, 3);

  results = lb_store_list_results (store, leaderboard->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  first = g_ptr_array_index (results, 0);
  second = g_ptr_array_index (results, 1);
  g_assert_cmpfloat (first->score, ==, 85.3);
  g_assert_true (first->current);
  g_assert_cmpint (first->import_id, ==, import->id);   /* 7 in the file, remapped */
  g_assert_cmpuint (first->source_row, ==, 2);
  g_assert_cmpuint (first->source_column, ==, 2);
  g_assert_cmpfloat (second->score, ==, 70.5);
  g_assert_false (second->current);
  g_assert_cmpint (second->import_id, ==, 0);
  g_assert_true (second->has_stderr);
  g_assert_cmpfloat (second->stderr_value, ==, 1.25);
  g_assert_cmpstr (second->evaluated_at, ==, "2026-01-04");

  /* No reviewer in the file: not the importing user either. */
  reviews = lb_store_list_reviews (store, leaderboard->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((LbReview *) g_ptr_array_index (reviews, 0))->decision, ==, "Use Model A");
  g_assert_null (((LbReview *) g_ptr_array_index (reviews, 0))->reviewer);
}

static void
test_import_exists (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = read_data_file ("valid.json");
  gboolean ok;

  ok = lb_lbom_import (store, data, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  ok = lb_lbom_import (store, data, -1, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "A leaderboard named “Valid board” already exists. Rename or delete it, "
                   "then open the file again.");
  g_assert_cmpuint (count_leaderboards (store), ==, 1);
}

static void
test_import_byte_order_mark (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = read_data_file ("valid.json");
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", data, NULL);
  gboolean ok;

  ok = lb_lbom_import (store, with_bom, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (count_leaderboards (store), ==, 1);
}

static void
test_import_too_large (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  static const char data[] = "{}";
  gboolean ok;

  /* The size is checked before a single byte is read. */
  ok = lb_lbom_import (store, data, (gssize) 300 * 1000 * 1000, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file is 300.0\xc2\xa0MB; an LBOM file may be at most 268.4\xc2\xa0MB.");
}

static void
test_import_file (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *valid_path = g_test_build_filename (G_TEST_DIST, "data", "lbom", "valid.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("test-lbom-XXXXXX", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.lbom", NULL);
  g_autoptr(GFile) valid = g_file_new_for_path (valid_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/none.lbom");
  gboolean ok;

  ok = lb_lbom_import_file (store, valid, NULL, &names, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Valid board");

  ok = g_file_set_contents (broken_path, "{\"format\": \"lbom\", \"version\": 1}", -1, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = lb_lbom_import_file (store, broken, NULL, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_MISSING_KEY);
  g_assert_cmpstr (error->message, ==,
                   "broken.lbom: The required key “leaderboards” is missing at the top level of "
                   "the file.");
  g_clear_error (&error);

  ok = lb_lbom_import_file (store, missing, NULL, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_leaderboards (store), ==, 1);

  g_unlink (broken_path);
  g_rmdir (dir);
}

typedef struct {
  const char *name;
  const char *from;           /* replaced in valid.json; NULL: @to is the whole document */
  const char *to;
  int         code;
  const char *message;        /* exact, or a prefix when it ends in "…" */
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* The optional keys of December 2026 are checked as strictly as the rest. */
  { "gap-dangling-import", "\"imports\": [",
    "\"gaps\": [{\"model\": \"Model B\", \"benchmark\": \"JMMLU\", \"raw\": \"#N/A\", "
    "\"source\": {\"import\": 9, \"row\": 3, \"column\": 2}}], \"imports\": [",
    LB_LBOM_ERROR_INVALID,
    "leaderboards[0].gaps[0].source.import: there is no import with the id 9 in “imports”." },
  { "gap-unknown-model", "\"imports\": [",
    "\"gaps\": [{\"model\": \"Model Z\", \"benchmark\": \"JMMLU\", "
    "\"source\": {\"import\": 7, \"row\": 3, \"column\": 2}}], \"imports\": [",
    LB_LBOM_ERROR_INVALID,
    "leaderboards[0].gaps[0].model: “Model Z” is not the name of a model in “models”." },
  { "import-mode-unknown", "\"layout\": \"wide\",", "\"layout\": \"wide\", \"mode\": \"merge\",",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].imports[0].mode: …" },
  { "source-cell-not-object", "\"source\": {\"import\": 7, \"row\": 2, \"column\": 2}",
    "\"source\": {\"import\": 7, \"row\": 2, \"column\": 2, \"cell\": \"B2\"}",
    LB_LBOM_ERROR_WRONG_TYPE, "leaderboards[0].results[0].source.cell: expected an object or null, found a string." },
  { "format-missing", "\"format\": \"lbom\",", "", LB_LBOM_ERROR_MISSING_KEY,
    "The required key “format” is missing at the top level of the file." },
  { "format-wrong", "\"lbom\"", "\"sbom\"", LB_LBOM_ERROR_NOT_LBOM,
    "The file is not an LBOM file: “format” is “sbom”, not “lbom”." },
  { "version-newer", "\"version\": 1", "\"version\": 2", LB_LBOM_ERROR_VERSION,
    "The file is LBOM version 2; this version of Leaderboard reads version 1. Open it with the "
    "Leaderboard version that wrote it, or update Leaderboard." },
  { "version-string", "\"version\": 1", "\"version\": \"1\"", LB_LBOM_ERROR_WRONG_TYPE,
    "version: expected a whole number, found a string." },
  { "leaderboards-missing", "\"leaderboards\"", "\"boards\"", LB_LBOM_ERROR_MISSING_KEY,
    "The required key “leaderboards” is missing at the top level of the file." },
  { "leaderboard-not-object", "\"leaderboards\": [", "\"leaderboards\": [ 1,",
    LB_LBOM_ERROR_WRONG_TYPE, "leaderboards[0]: expected an object, found a number." },
  { "name-missing", "\"name\": \"Valid board\",", "", LB_LBOM_ERROR_MISSING_KEY,
    "leaderboards[0]: the required key “name” is missing." },
  { "name-null", "\"name\": \"Valid board\"", "\"name\": null", LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].name: expected a string, found null." },
  { "purpose-number", "\"purpose\": \"Pick a support model\"", "\"purpose\": 3",
    LB_LBOM_ERROR_WRONG_TYPE, "leaderboards[0].purpose: expected a string or null, found a number." },
  { "cadence-zero", "\"update_cadence_days\": 30", "\"update_cadence_days\": 0",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].update_cadence_days: 0 is out of range (1 to 2147483647)." },
  { "cadence-fraction", "\"update_cadence_days\": 30", "\"update_cadence_days\": 30.5",
    LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].update_cadence_days: expected a whole number or null, found a number." },
  { "pattern-unknown", "\"P1\"", "\"P9\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].workflow_pattern: “P9” is not one of P1, P2, P3, P4, P5." },
  { "created-not-time", "\"2026-01-05T08:00:00Z\"", "\"last Monday\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].created_at: “last Monday” is not an ISO 8601 time such as "
    "“2026-11-28T03:00:00Z”." },
  { "benchmark-direction-missing", "\"higher_is_better\": true, ", "", LB_LBOM_ERROR_MISSING_KEY,
    "leaderboards[0].benchmarks[0]: the required key “higher_is_better” is missing." },
  { "benchmark-direction-string", "\"higher_is_better\": true", "\"higher_is_better\": \"yes\"",
    LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].benchmarks[0].higher_is_better: expected true or false, found a string." },
  { "benchmark-half-scale", ", \"scale_max\": 100", "", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].benchmarks[0]: give both “scale_min” and “scale_max”, or neither." },
  { "profiles-not-array", "\"profiles\": [", "\"profiles\": \"none\", \"x-later\": [",
    LB_LBOM_ERROR_WRONG_TYPE, "leaderboards[0].profiles: expected an array or null, found a string." },
  { "model-duplicate", "{\"name\": \"Model B\"}", "{\"name\": \"Model A\"}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].models[1]: the name “Model A” is listed twice." },
  { "model-access", "\"access\": \"api\"", "\"access\": \"free\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].models[0].access: “free” is not one of api, open-weights, internal." },
  { "result-score-missing", "\"score\": 70.5, ", "", LB_LBOM_ERROR_MISSING_KEY,
    "leaderboards[0].results[1]: the required key “score” is missing." },
  { "result-score-string", "\"score\": 70.5", "\"score\": \"70.5\"", LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].results[1].score: expected a number, found a string." },
  { "result-unknown-model", "{\"model\": \"Model B\"", "{\"model\": \"Nobody\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[1].model: “Nobody” is not the name of a model in “models”." },
  { "result-unknown-benchmark", "\"benchmark\": \"JMMLU\", \"score\": 70.5",
    "\"benchmark\": \"JMMLU2\", \"score\": 70.5", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[1].benchmark: “JMMLU2” is not the name of a benchmark in "
    "“benchmarks”." },
  { "result-date", "\"2026-01-04\"", "\"2026/01/04\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[1].evaluated_at: “2026/01/04” is not a date such as “2026-11-28”." },
  { "result-current-string", "\"current\": false", "\"current\": \"no\"", LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].results[1].current: expected true or false or null, found a string." },
  { "source-dangling", "\"import\": 7", "\"import\": 9", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[0].source.import: there is no import with the id 9 in “imports”." },
  { "source-row-missing", "\"row\": 2, ", "", LB_LBOM_ERROR_MISSING_KEY,
    "leaderboards[0].results[0].source: the required key “row” is missing." },
  { "source-row-zero", "\"row\": 2, ", "\"row\": 0, ", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[0].source.row: 0 is out of range (1 to 4294967295)." },
  { "source-string", "\"source\": null", "\"source\": \"typed\"", LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].results[1].source: expected an object or null, found a string." },
  { "import-id-missing", "{\"id\": 7, ", "{", LB_LBOM_ERROR_MISSING_KEY,
    "leaderboards[0].imports[0]: the required key “id” is missing." },
  { "import-layout", "\"layout\": \"wide\"", "\"layout\": \"tall\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].imports[0].layout: “tall” is not one of wide, long." },
  { "warning-message-missing", ", \"message\": \"The cell is empty.\"", "", LB_LBOM_ERROR_MISSING_KEY,
    "leaderboards[0].imports[0].warnings[0]: the required key “message” is missing." },
  { "smell-unknown", "\"smell\": \"missing\"", "\"smell\": \"smelly\"", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].smells[0].smell: “smelly” is not one of confusing, deprecated, inaccessible, "
    "misdisplayed, mismatched, missing, redundant, unresponsive." },
  { "profile-weight-string", "{\"JMMLU\": 1}", "{\"JMMLU\": \"1\"}", LB_LBOM_ERROR_WRONG_TYPE,
    "leaderboards[0].profiles[0].weights[“JMMLU”]: expected a number, found a string." },
  /* Values json-glib would read wrongly, refused as strictly as a CSV cell, naming the place. */
  { "name-lone-surrogate", "{\"name\": \"Model B\"}", "{\"name\": \"Model \\ud800B\"}",
    LB_LBOM_ERROR_INVALID,
    "leaderboards[0].models[1].name (line 27): the text holds \\ud800, half of a character "
    "without its other half (a lone surrogate), which is not valid text. "
    "Ask for the file again." },
  { "name-lone-low-surrogate", "{\"name\": \"Model B\"}", "{\"name\": \"Model \\uDC00\"}",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].models[1].name (line 27): the text holds \\uDC00, …" },
  { "name-surrogate-then-text", "{\"name\": \"Model B\"}", "{\"name\": \"\\ud83d\\u0041\"}",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].models[1].name (line 27): the text holds \\ud83d, …" },
  { "name-nul", "{\"name\": \"Model B\"}", "{\"name\": \"Model\\u0000B\"}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].models[1].name (line 27): the text holds \\u0000, a NUL character, which "
    "cannot be stored (everything after it would be lost). Remove it from the file." },
  { "key-nul", "{\"JMMLU\": 1}", "{\"JM\\u0000MLU\": 1}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].profiles[0].weights.JM (line 46): the text holds \\u0000, …" },
  { "weight-infinite", "{\"JMMLU\": 1}", "{\"JMMLU\": 1e400}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].profiles[0].weights.JMMLU (line 46): 1e400 is out of range: it is too large "
    "to be a number." },
  { "weight-negative", "{\"JMMLU\": 1}", "{\"JMMLU\": -5}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].profiles[0].weights[“JMMLU”]: the weight -5 is negative; a weight is 0 or "
    "more." },
  { "weight-huge", "{\"JMMLU\": 1}", "{\"JMMLU\": 1e300}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].profiles[0].weights[“JMMLU”]: 1e+300 is out of range: a number in an LBOM "
    "file is at most 1e+15 in size." },
  { "score-huge", "\"score\": 85.3", "\"score\": 1.7e308", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[0].score: 1.7e+308 is out of range: a number in an LBOM file is at "
    "most 1e+15 in size." },
  { "score-huge-negative", "\"score\": 70.5", "\"score\": -1.7e308", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[1].score: -1.7e+308 is out of range: …" },
  { "score-overflows", "\"score\": 70.5", "\"score\": -1e999", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[1].score (line 32): -1e999 is out of range: it is too large to be a "
    "number." },
  { "stderr-negative", "\"stderr\": 1.25", "\"stderr\": -1.25", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[1].stderr: -1.25 is negative; a standard error is 0 or more." },
  { "import-id-beyond-64-bits", "{\"id\": 7, ", "{\"id\": 99999999999999999999, ", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].imports[0].id (line 36): 99999999999999999999 is out of range: a whole number "
    "in an LBOM file is at most 9223372036854775807 in size." },
  { "source-row-beyond-64-bits", "\"row\": 2, ", "\"row\": -99999999999999999999, ", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].results[0].source.row (line 31): -99999999999999999999 is out of range: …" },
  /* Names compared as the CSV import compares them. */
  { "model-duplicate-trailing-space", "{\"name\": \"Model B\"}", "{\"name\": \"Model A \"}",
    LB_LBOM_ERROR_INVALID,
    "leaderboards[0].models[1]: the name “Model A ” is “Model A”, which is listed twice. Names are "
    "compared without spaces at either end and without invisible characters, as in a CSV import. "
    "Give each entry its own name, or merge the two." },
  { "model-duplicate-zero-width", "{\"name\": \"Model B\"}", "{\"name\": \"Model\\u00a0A\\u200b\"}",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].models[1]: the name “Model\u00a0A\u200b” is “Model A”, …" },
  { "model-duplicate-decomposed", "{\"name\": \"Model B\"}",
    "{\"name\": \"Mod\\u00e8le\"}, {\"name\": \"Mode\\u0300le\"}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].models[2]: the name “Mode\u0300le” is “Mod\u00e8le”, which is listed twice. …" },
  { "benchmark-duplicate-bom", "{\"name\": \"JMMLU\", \"unit\"",
    "{\"name\": \"JMMLU\", \"higher_is_better\": true}, {\"name\": \"\\ufeffJMMLU\", \"unit\"",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].benchmarks[1]: the name “\ufeffJMMLU” is “JMMLU”, …" },
  { "weight-duplicate-trailing-space", "{\"JMMLU\": 1}", "{\"JMMLU\": 1, \"JMMLU \": 2}", LB_LBOM_ERROR_INVALID,
    "leaderboards[0].profiles[0].weights: the name “JMMLU ” is “JMMLU”, which is listed twice. …" },
  { "model-name-only-spaces", "{\"name\": \"Model B\"}", "{\"name\": \" \\u200b \"}",
    LB_LBOM_ERROR_INVALID, "leaderboards[0].models[1].name: the name is empty." },
  /* Fails after everything else was written: proves the transaction is rolled back. */
  { "review-late-error", "{\"held_at\": \"2026-01-31\"", "{\"held_at\": \"yesterday\"",
    LB_LBOM_ERROR_INVALID,
    "leaderboards[0].reviews[0].held_at: “yesterday” is not an ISO 8601 time such as "
    "“2026-11-28T03:00:00Z”." },
  { "reviews-not-array", "\"reviews\": [", "\"reviews\": 5, \"x-later\": [",
    LB_LBOM_ERROR_WRONG_TYPE, "leaderboards[0].reviews: expected an array or null, found a number." },
  { "root-array", NULL, "[]", LB_LBOM_ERROR_NOT_LBOM,
    "The file is not an LBOM file: it holds an array, not an object with “format”: “lbom”." },
  { "not-json", NULL, "{\"format\": \"lbom\",", LB_LBOM_ERROR_NOT_LBOM,
    "The file is not valid JSON (line 1, column …" },
  { "empty", NULL, "", LB_LBOM_ERROR_NOT_LBOM, "The file is empty." },
  { "not-utf8", NULL, "{\n\"format\": \"lb\xff\"}", LB_LBOM_ERROR_NOT_LBOM,
    "The file is not UTF-8 text (line 2). An LBOM file is written by Leaderboard as UTF-8; ask "
    "for the file again." },
  { "too-deep", NULL, "{\"format\": \"lbom\",\n \"x\": [[[[[[[1]]]]]]]}", LB_LBOM_ERROR_TOO_LARGE,
    "The file nests arrays and objects more than 7 levels deep (line 2); an LBOM file has at most 7." },
  { "deep-inside-string", NULL, "{\"format\": \"lbom\", \"x\": \"[[[[[[[[[[\"}", LB_LBOM_ERROR_MISSING_KEY,
    "The required key “version” is missing at the top level of the file." },
};

/* Two current results for one cell were accepted silently: each comparison would use one of
 * them. The file is refused, naming the result. */
static void
test_import_two_current (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *valid = read_data_file ("valid.json");
  g_autoptr(GString) document = g_string_new (valid);

  g_assert_cmpuint (g_string_replace (document,
                                      "{\"model\": \"Model B\", \"benchmark\": \"JMMLU\", \"score\": 70.5",
                                      "{\"model\": \"Model A\", \"benchmark\": \"JMMLU\", \"score\": 70.5", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (document, "\"raw\": \"70.5\", \"current\": false",
                                      "\"raw\": \"70.5\", \"current\": true", 1), ==, 1);
  g_assert_false (lb_lbom_import (store, document->str, (gssize) document->len, &names, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "leaderboards[0].results[1]"));
  g_assert_nonnull (strstr (error->message, "already marked current"));
  g_assert_cmpuint (count_leaderboards (store), ==, 0);
}

static void
test_import_error (gconstpointer data)
{
  const ErrorCase *test = data;
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *valid = read_data_file ("valid.json");
  g_autoptr(GString) document = NULL;
  gboolean ok;

  if (test->from != NULL)
    {
      document = g_string_new (valid);
      g_assert_nonnull (strstr (valid, test->from));
      g_assert_cmpuint (g_string_replace (document, test->from, test->to, 1), ==, 1);
    }
  else
    document = g_string_new (test->to);

  ok = lb_lbom_import (store, document->str, (gssize) document->len, &names, &error);
  g_assert_false (ok);
  g_assert_null (names);
  g_assert_error (error, LB_LBOM_ERROR, test->code);
  if (g_str_has_suffix (test->message, "…"))
    {
      g_autofree char *prefix = g_strndup (test->message, strlen (test->message) - strlen ("…"));
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("%s does not start with %s", error->message, prefix);
    }
  else
    g_assert_cmpstr (error->message, ==, test->message);
  g_assert_cmpuint (count_leaderboards (store), ==, 0);
}

/* Names are kept as the CSV import keeps them: a reference with a stray space or zero-width
 * space finds its model, a decomposed accent is stored composed, a surrogate pair is one
 * character. */
static void
test_import_names_cleaned (void)
{
  g_autoptr(LbStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *valid = read_data_file ("valid.json");
  g_autoptr(GString) document = g_string_new (valid);
  g_autoptr(LbLeaderboard) board = NULL;
  gboolean ok, found_b = FALSE, found_new = FALSE;

  g_assert_cmpuint (g_string_replace (document, "\"name\": \"Valid board\"", "\"name\": \" Valid board\\u00a0\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (document, "{\"name\": \"Model B\"}",
                                      "{\"name\": \"Model B\"}, {\"name\": \"\\ud83d\\ude00 Mode\\u0300le\"}", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (document, "{\"model\": \"Model B\"", "{\"model\": \" Model B\\u200b\"", 1), ==, 1);
  ok = lb_lbom_import (store, document->str, (gssize) document->len, &names, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Valid board");

  board = lb_store_find_leaderboard (store, "Valid board", &error);
  g_assert_no_error (error);
  models = lb_store_list_models (store, board->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (models->len, ==, 3);
  for (guint i = 0; i < models->len; i++)
    {
      const LbModel *model = g_ptr_array_index (models, i);

      found_b |= g_strcmp0 (model->name, "Model B") == 0;
      found_new |= g_strcmp0 (model->name, "\xf0\x9f\x98\x80 Mod\xc3\xa8le") == 0;
    }
  g_assert_true (found_b);
  g_assert_true (found_new);
  results = lb_store_list_results (store, board->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("LEADERBOARD_NOW", NOW_BUILT, TRUE);

  g_test_add_func ("/lbom/export/small", test_export_small);
  g_test_add_func ("/lbom/export/unknown-id", test_export_unknown_id);
  g_test_add_func ("/lbom/export/empty-store", test_export_empty_store);
  g_test_add_func ("/lbom/round-trip/rich", test_round_trip);
  g_test_add_func ("/lbom/import/valid", test_import_valid);
  g_test_add_func ("/lbom/import/exists", test_import_exists);
  g_test_add_func ("/lbom/import/byte-order-mark", test_import_byte_order_mark);
  g_test_add_func ("/lbom/import/too-large", test_import_too_large);
  g_test_add_func ("/lbom/import/file", test_import_file);
  g_test_add_func ("/lbom/import/names-cleaned", test_import_names_cleaned);
  g_test_add_func ("/lbom/import/two-current-in-one-cell", test_import_two_current);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lbom/import/error/%s", error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_import_error);
    }
  return g_test_run ();
}
