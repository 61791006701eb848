/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-versions.c: the new version of a sheet defines what is current (issue 12, item 7),
 * and removing an import takes away what only it brought (item 9) */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lb-changes.h"
#include "lb-compare.h"
#include "lb-importer.h"
#include "lb-record-form.h"
#include "lb-report.h"
#include "lb-review-report.h"
#include "lb-store-private.h"

#define HEADER "モデル名,バージョン,提供元,JMMLU,MT-bench,レイテンシ(ms),備考\n"

static const char october[] =
  HEADER
  "GPT-4o,2024-08-06,OpenAI,80.1,8.9,450,API\n"
  "cotomi Pro,1.0,NEC,75.2,8.1,330,社内評価\n"
  "Llama 3.1 70B,3.1,Meta,70.3,7.8,520,オープン\n"
  "Claude 3.5 Sonnet,20240620,Anthropic,79.0,8.8,400,API\n";

static const char november[] =
  HEADER
  "GPT-4o,2024-11-20,OpenAI,81.0,9.0,430,API\n"
  "cotomi Pro,1.0,NEC,75.2,8.1,#N/A,レイテンシ再測定中\n"
  "Claude 3.5 Sonnet,20240620,Anthropic,80.5,8.9,390,API\n";

/* A partial sheet of one new model. */
static const char addition[] =
  HEADER
  "Gemini 1.5 Pro,002,Google,78.0,8.7,,\n";

static const char two_new[] =
  HEADER
  "Gemini 1.5 Pro,002,Google,78.0,8.7,,\n"
  "Gemini Flash,1,Google,60,7,200,\n";

typedef struct {
  char    *dir;
  LbStore *store;
} Fixture;

/* Writes @text as Japanese Excel saves "CSV (comma delimited)": CP932, CRLF, no BOM. */
static GFile *
write_sheet (Fixture    *f,
             const char *name,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  gsize len = 0;
  g_autofree char *cp932 = g_convert (crlf, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, cp932, len, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lb-sheetver-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = lb_store_open (":memory:", &error);
  g_assert_no_error (error);
  lb_store_set_user (f->store, "Tester");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->store);
}

/* Imports @text; @mode < 0: the importer's default. Returns the import id. */
static gint64
import_sheet (Fixture          *f,
              const char       *name,
              const char       *text,
              int               mode,
              LbImportFlags     flags,
              LbImportOutcome  *outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_sheet (f, name, text);
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, f->store, NULL, &error);

  g_assert_no_error (error);
  if (mode >= 0)
    lb_importer_set_mode (importer, (LbImportMode) mode);
  g_assert_true (lb_importer_run (importer, f->store, "社内LLM", flags, NULL, NULL, NULL, outcome,
                                  &error));
  g_assert_no_error (error);
  return outcome->import_id;
}

static gint64
leaderboard_id (Fixture *f)
{
  g_autoptr(LbLeaderboard) lb = lb_store_find_leaderboard (f->store, "社内LLM", NULL);

  g_assert_nonnull (lb);
  return lb->id;
}

static int
compare_int64 (const gint64 *a,
                       const gint64 *b)
{
  return (*a > *b) - (*a < *b);
}

static int
compare_result_ids (LbResult **a,
                            LbResult **b)
{
  return ((*a)->id > (*b)->id) - ((*a)->id < (*b)->id);
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

static int
model_index (LbComparison *c,
             const char   *name)
{
  for (guint m = 0; m < c->n_models; m++)
    if (g_strcmp0 (c->models[m].model->name, name) == 0)
      return (int) m;
  return -1;
}

static int
row_index (LbComparison *c,
           const char   *name)
{
  for (guint r = 0; r < c->n_rows; r++)
    if (g_strcmp0 (c->rows[r].benchmark->name, name) == 0)
      return (int) r;
  return -1;
}

static LbComparison *
compare (Fixture  *f,
         gboolean  include_unlisted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  LbComparison *c;

  lb_compare_options_set_include_unlisted (options, include_unlisted);
  c = lb_compare_leaderboard (f->store, leaderboard_id (f), options, &error);
  g_assert_no_error (error);
  return c;
}

static void
test_mode_guessed (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(LbImportOutcome) first = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autofree char *reason = NULL;

  import_sheet (f, "oct.csv", october, -1, LB_IMPORT_FLAGS_NONE, &first);
  g_assert_cmpint (first.mode, ==, LB_IMPORT_MODE_ADD);

  /* Same columns: the new version of the sheet. */
  file = write_sheet (f, "nov.csv", november);
  importer = lb_importer_new (file, NULL, f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_importer_guess_mode (importer, f->store, "社内LLM", &reason), ==,
                   LB_IMPORT_MODE_REPLACE);
  g_assert_nonnull (strstr (reason, "oct.csv"));
  /* Into another leaderboard (none yet): adds. */
  g_assert_cmpint (lb_importer_guess_mode (importer, f->store, "別の表", NULL), ==,
                   LB_IMPORT_MODE_ADD);
}

/* October imported by a version that kept no column signature (the database was upgraded
 * since): November, whose score columns are the leaderboard's benchmarks, is still its new
 * version. */
static void
test_mode_guessed_old_import (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(LbImportOutcome) first = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autofree char *reason = NULL;
  LbStore *store = f->store;

  import_sheet (f, "oct.csv", october, -1, LB_IMPORT_FLAGS_NONE, &first);
  g_assert_cmpint (sqlite3_exec (store->db, "UPDATE imports SET signature = NULL", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  file = write_sheet (f, "nov.csv", november);
  importer = lb_importer_new (file, NULL, f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_importer_guess_mode (importer, f->store, "社内LLM", &reason), ==,
                   LB_IMPORT_MODE_REPLACE);
  g_assert_nonnull (strstr (reason, "oct.csv"));
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_auto(LbImportOutcome) first = { 0 };
  g_auto(LbImportOutcome) dry = { 0 };
  g_auto(LbImportOutcome) second = { 0 };
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(LbComparison) all = NULL;
  g_autofree char *text = NULL;
  const LbCompareCell *cell;
  LbModel *llama, *gpt;
  gint64 nov_id;
  int r, m;

  import_sheet (f, "oct.csv", october, -1, LB_IMPORT_FLAGS_NONE, &first);

  /* The dry run says what would change and writes nothing. */
  import_sheet (f, "nov.csv", november, -1, LB_IMPORT_FLAGS_DRY_RUN, &dry);
  g_assert_cmpint (dry.mode, ==, LB_IMPORT_MODE_REPLACE);
  g_assert_cmpuint (dry.values_changed, ==, 6);
  g_assert_cmpuint (dry.withdrawn, ==, 1);
  g_assert_cmpuint (dry.unlisted, ==, 1);
  g_assert_cmpuint (dry.models_created, ==, 0);
  g_assert_cmpuint (dry.benchmarks_created, ==, 0);
  g_assert_cmpuint (dry.models_updated, ==, 2);   /* GPT-4o's version, cotomi Pro's notes */
  models = lb_store_list_models (f->store, leaderboard_id (f), NULL);
  g_assert_false (find_model (models, "Llama 3.1 70B")->unlisted);
  g_clear_pointer (&models, g_ptr_array_unref);

  nov_id = import_sheet (f, "nov.csv", november, -1, LB_IMPORT_FLAGS_NONE, &second);
  g_assert_cmpint (second.mode, ==, LB_IMPORT_MODE_REPLACE);
  g_assert_cmpuint (second.values_changed, ==, dry.values_changed);
  g_assert_cmpuint (second.withdrawn, ==, dry.withdrawn);
  g_assert_cmpuint (second.unlisted, ==, dry.unlisted);

  /* Version and notes come from the newest import. */
  models = lb_store_list_models (f->store, leaderboard_id (f), NULL);
  gpt = find_model (models, "GPT-4o");
  g_assert_cmpstr (gpt->version, ==, "2024-11-20");
  g_assert_cmpstr (find_model (models, "cotomi Pro")->notes, ==, "レイテンシ再測定中");
  llama = find_model (models, "Llama 3.1 70B");
  g_assert_true (llama->unlisted);
  g_assert_cmpint (llama->unlisted_since, ==, nov_id);
  g_assert_false (gpt->unlisted);
  /* The Overview counts Llama among the models and says it is no longer listed. */
  {
    LbLeaderboardStats stats = { 0 };

    g_assert_true (lb_store_get_leaderboard_stats (f->store, leaderboard_id (f), &stats, NULL));
    g_assert_cmpuint (stats.n_models, ==, 4);
    g_assert_cmpuint (stats.n_unlisted, ==, 1);
    lb_leaderboard_stats_clear (&stats);
  }

  /* Compare: Llama is left out, and out of the ranges; cotomi Pro's latency is withdrawn. */
  c = compare (f, FALSE);
  g_assert_cmpuint (c->n_models, ==, 3);
  g_assert_cmpint (model_index (c, "Llama 3.1 70B"), ==, -1);
  g_assert_cmpuint (c->n_unlisted, ==, 1);
  r = row_index (c, "JMMLU");
  g_assert_cmpfloat (c->rows[r].range_min, ==, 75.2);   /* not Llama's 70.3 */
  r = row_index (c, "レイテンシ(ms)");
  m = model_index (c, "cotomi Pro");
  cell = lb_comparison_get_cell (c, r, m);
  g_assert_cmpint (cell->kind, ==, LB_CELL_WITHDRAWN);
  g_assert_false (cell->in_composite);
  g_assert_false (cell->best);
  g_assert_cmpfloat (cell->was_score, ==, 330);
  g_assert_cmpstr (cell->was_raw, ==, "330");
  g_assert_cmpuint (cell->source_row, ==, 3);
  g_assert_cmpuint (cell->was_row, ==, 3);
  text = lb_compare_dup_withdrawn_text (&c->rows[r], cell);
  g_assert_cmpstr (text, ==, "— withdrawn in [2:F3]; was 330 ms [1:F3]");
  /* 330 no longer makes cotomi Pro best on latency: Claude's 390 is. */
  g_assert_true (lb_comparison_get_cell (c, r, model_index (c, "Claude 3.5 Sonnet"))->best);

  /* On request, Llama is compared again with its October values. */
  all = compare (f, TRUE);
  g_assert_cmpuint (all->n_models, ==, 4);
  g_assert_cmpint (model_index (all, "Llama 3.1 70B"), >=, 0);
  g_assert_cmpfloat (all->rows[row_index (all, "JMMLU")].range_min, ==, 70.3);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_auto(LbImportOutcome) first = { 0 };
  g_auto(LbImportOutcome) second = { 0 };
  g_auto(LbImportOutcome) third = { 0 };
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(LbComparison) c = NULL;
  LbImportMode remembered;
  int r;

  import_sheet (f, "oct.csv", october, -1, LB_IMPORT_FLAGS_NONE, &first);
  import_sheet (f, "nov.csv", november, LB_IMPORT_MODE_ADD, LB_IMPORT_FLAGS_NONE, &second);
  g_assert_cmpint (second.mode, ==, LB_IMPORT_MODE_ADD);
  g_assert_cmpuint (second.withdrawn, ==, 0);
  g_assert_cmpuint (second.unlisted, ==, 0);
  g_assert_cmpuint (second.values_changed, ==, 6);
  /* The choice is remembered for the leaderboard. */
  g_assert_true (lb_store_get_import_mode (f->store, leaderboard_id (f), &remembered, NULL));
  g_assert_cmpint (remembered, ==, LB_IMPORT_MODE_ADD);
  import_sheet (f, "gemini.csv", addition, -1, LB_IMPORT_FLAGS_NONE, &third);
  g_assert_cmpint (third.mode, ==, LB_IMPORT_MODE_ADD);

  models = lb_store_list_models (f->store, leaderboard_id (f), NULL);
  g_assert_cmpuint (models->len, ==, 5);
  for (guint i = 0; i < models->len; i++)
    g_assert_false (((LbModel *) g_ptr_array_index (models, i))->unlisted);

  c = compare (f, FALSE);
  r = row_index (c, "レイテンシ(ms)");
  g_assert_cmpint (lb_comparison_get_cell (c, r, model_index (c, "cotomi Pro"))->kind, ==,
                   LB_CELL_VALUE);
  g_assert_cmpfloat (lb_comparison_get_cell (c, r, model_index (c, "cotomi Pro"))->score, ==, 330);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_auto(LbImportOutcome) first = { 0 };
  g_auto(LbImportOutcome) second = { 0 };
  g_auto(LbImportOutcome) third = { 0 };
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  LbLeaderboardStats stats = { 0 };
  gint64 nov_id, gemini_id;
  int r;

  import_sheet (f, "oct.csv", october, -1, LB_IMPORT_FLAGS_NONE, &first);
  nov_id = import_sheet (f, "nov.csv", november, -1, LB_IMPORT_FLAGS_NONE, &second);
  gemini_id = import_sheet (f, "gemini.csv", two_new,
                            LB_IMPORT_MODE_ADD, LB_IMPORT_FLAGS_NONE, &third);

  /* Removing the addition takes its two models away, not only their values. */
  g_assert_true (lb_store_set_import_deleted (f->store, gemini_id, TRUE, &error));
  g_assert_no_error (error);
  models = lb_store_list_models (f->store, leaderboard_id (f), NULL);
  g_assert_cmpuint (models->len, ==, 4);
  g_assert_null (find_model (models, "Gemini 1.5 Pro"));
  g_assert_true (lb_store_get_leaderboard_stats (f->store, leaderboard_id (f), &stats, NULL));
  g_assert_cmpuint (stats.n_models, ==, 4);
  lb_leaderboard_stats_clear (&stats);
  g_clear_pointer (&models, g_ptr_array_unref);

  /* Removing November: October is current again, the withdrawn value included. */
  g_assert_true (lb_store_set_import_deleted (f->store, nov_id, TRUE, &error));
  g_assert_no_error (error);
  models = lb_store_list_models (f->store, leaderboard_id (f), NULL);
  g_assert_false (find_model (models, "Llama 3.1 70B")->unlisted);
  c = compare (f, FALSE);
  g_assert_cmpuint (c->n_models, ==, 4);
  r = row_index (c, "レイテンシ(ms)");
  g_assert_cmpint (lb_comparison_get_cell (c, r, model_index (c, "cotomi Pro"))->kind, ==,
                   LB_CELL_VALUE);
  g_assert_cmpfloat (lb_comparison_get_cell (c, r, model_index (c, "cotomi Pro"))->score, ==, 330);
  g_clear_pointer (&c, lb_comparison_unref);

  /* Undo of the removal: withdrawn again; undo of the addition's removal: its models back. */
  g_assert_true (lb_store_set_import_deleted (f->store, nov_id, FALSE, &error));
  g_assert_true (lb_store_set_import_deleted (f->store, gemini_id, FALSE, &error));
  g_assert_no_error (error);
  c = compare (f, FALSE);
  g_assert_cmpint (lb_comparison_get_cell (c, r, model_index (c, "cotomi Pro"))->kind, ==,
                   LB_CELL_WITHDRAWN);
  g_assert_cmpint (model_index (c, "Gemini Flash"), >=, 0);
  benchmarks = lb_store_list_benchmarks (f->store, leaderboard_id (f), NULL);
  g_assert_cmpuint (benchmarks->len, ==, 3);
}

/* A third month: GPT-4o's MT-bench withdrawn, cotomi Pro's latency back, Llama listed again,
 * Claude's row repeated (the second is left out with a warning). */
static const char december[] =
  HEADER
  "GPT-4o,2024-11-20,OpenAI,81.5,#N/A,420,API\n"
  "cotomi Pro,1.1,NEC,76.0,8.1,340,\n"
  "Llama 3.1 70B,3.1,Meta,70.3,7.9,510,オープン\n"
  "Claude 3.5 Sonnet,20240620,Anthropic,80.5,8.9,390,API\n"
  "Claude 3.5 Sonnet,20240620,Anthropic,99.0,9.9,100,API\n";

/* Every result of the leaderboard in the order written: model, benchmark, the import's place
 * among the imports, score and whether it is current. */
static char *
dump_results (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = lb_store_list_results (f->store, leaderboard_id (f), FALSE, &error);
  g_autoptr(GPtrArray) models = lb_store_list_models (f->store, leaderboard_id (f), &error);
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (f->store, leaderboard_id (f), &error);
  g_autoptr(GPtrArray) imports = lb_store_list_imports (f->store, leaderboard_id (f), &error);
  g_autoptr(GArray) import_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < imports->len; i++)
    g_array_append_val (import_ids, ((LbImport *) g_ptr_array_index (imports, i))->id);
  g_array_sort (import_ids, (GCompareFunc) compare_int64);
  g_ptr_array_sort (results, (GCompareFunc) compare_result_ids);
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *r = g_ptr_array_index (results, i);
      const char *model = NULL, *benchmark = NULL;
      guint import = 0;

      for (guint j = 0; j < models->len; j++)
        if (((LbModel *) g_ptr_array_index (models, j))->id == r->model_id)
          model = ((LbModel *) g_ptr_array_index (models, j))->name;
      for (guint j = 0; j < benchmarks->len; j++)
        if (((LbBenchmark *) g_ptr_array_index (benchmarks, j))->id == r->benchmark_id)
          benchmark = ((LbBenchmark *) g_ptr_array_index (benchmarks, j))->name;
      for (guint j = 0; j < import_ids->len; j++)
        if (g_array_index (import_ids, gint64, j) == r->import_id)
          import = j + 1;
      g_string_append_printf (out, "%s|%s|%u|%s|%s\n", model, benchmark, import, r->raw,
                              r->current ? "current" : "-");
    }
  return g_string_free (out, FALSE);
}

static void
assert_counts (const LbImportOutcome *o,
               guint                  changed,
               guint                  withdrawn,
               guint                  unlisted,
               guint                  created,
               guint                  updated)
{
  g_assert_cmpuint (o->values_changed, ==, changed);
  g_assert_cmpuint (o->withdrawn, ==, withdrawn);
  g_assert_cmpuint (o->unlisted, ==, unlisted);
  g_assert_cmpuint (o->models_created, ==, created);
  g_assert_cmpuint (o->models_updated, ==, updated);
}

/* Which result of each cell is current after a sequence of additions and new versions of the
 * sheet (with withdrawn cells, models no longer listed and back, a version change, a repeated
 * row), and the counts the dry run gives before each import are those of the import. */
static void
test_current_flags (Fixture       *f,
                    gconstpointer  data)
{
  struct { const char *name; const char *text; int mode; } steps[] = {
    { "oct.csv", october, -1 },
    { "gemini.csv", two_new, LB_IMPORT_MODE_ADD },
    { "nov.csv", november, LB_IMPORT_MODE_REPLACE },
    { "dec.csv", december, LB_IMPORT_MODE_REPLACE },
  };
  LbImportOutcome outcomes[G_N_ELEMENTS (steps)] = { { 0 } };
  g_autofree char *dump = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_auto(LbImportOutcome) dry = { 0 };
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (i > 0)
        {
          before = dump_results (f);
          import_sheet (f, steps[i].name, steps[i].text, steps[i].mode, LB_IMPORT_FLAGS_DRY_RUN, &dry);
          after = dump_results (f);
          g_assert_cmpstr (before, ==, after);
        }
      import_sheet (f, steps[i].name, steps[i].text, steps[i].mode, LB_IMPORT_FLAGS_NONE, &outcomes[i]);
      if (i > 0)
        assert_counts (&dry, outcomes[i].values_changed, outcomes[i].withdrawn, outcomes[i].unlisted,
                       outcomes[i].models_created, outcomes[i].models_updated);
    }
  assert_counts (&outcomes[1], 0, 0, 0, 2, 0);
  assert_counts (&outcomes[2], 6, 1, 3, 0, 2);   /* Llama and both Geminis no longer listed */
  assert_counts (&outcomes[3], 5, 1, 0, 0, 1);   /* the Geminis were unlisted before; cotomi Pro's version and notes */
  g_assert_cmpuint (outcomes[3].warnings->len, >, 0);

  dump = dump_results (f);
  g_assert_cmpstr (dump, ==,
    "GPT-4o|JMMLU|1|80.1|-\n"
    "GPT-4o|MT-bench|1|8.9|-\n"
    "GPT-4o|レイテンシ(ms)|1|450|-\n"
    "cotomi Pro|JMMLU|1|75.2|-\n"
    "cotomi Pro|MT-bench|1|8.1|-\n"
    "cotomi Pro|レイテンシ(ms)|1|330|-\n"
    "Llama 3.1 70B|JMMLU|1|70.3|-\n"
    "Llama 3.1 70B|MT-bench|1|7.8|-\n"
    "Llama 3.1 70B|レイテンシ(ms)|1|520|-\n"
    "Claude 3.5 Sonnet|JMMLU|1|79.0|-\n"
    "Claude 3.5 Sonnet|MT-bench|1|8.8|-\n"
    "Claude 3.5 Sonnet|レイテンシ(ms)|1|400|-\n"
    "Gemini 1.5 Pro|JMMLU|2|78.0|current\n"
    "Gemini 1.5 Pro|MT-bench|2|8.7|current\n"
    "Gemini Flash|JMMLU|2|60|current\n"
    "Gemini Flash|MT-bench|2|7|current\n"
    "Gemini Flash|レイテンシ(ms)|2|200|current\n"
    "GPT-4o|JMMLU|3|81.0|-\n"
    "GPT-4o|MT-bench|3|9.0|-\n"
    "GPT-4o|レイテンシ(ms)|3|430|-\n"
    "cotomi Pro|JMMLU|3|75.2|-\n"
    "cotomi Pro|MT-bench|3|8.1|-\n"
    "Claude 3.5 Sonnet|JMMLU|3|80.5|-\n"
    "Claude 3.5 Sonnet|MT-bench|3|8.9|-\n"
    "Claude 3.5 Sonnet|レイテンシ(ms)|3|390|-\n"
    "GPT-4o|JMMLU|4|81.5|current\n"
    "GPT-4o|レイテンシ(ms)|4|420|current\n"
    "cotomi Pro|JMMLU|4|76.0|current\n"
    "cotomi Pro|MT-bench|4|8.1|current\n"
    "cotomi Pro|レイテンシ(ms)|4|340|current\n"
    "Llama 3.1 70B|JMMLU|4|70.3|current\n"
    "Llama 3.1 70B|MT-bench|4|7.9|current\n"
    "Llama 3.1 70B|レイテンシ(ms)|4|510|current\n"
    "Claude 3.5 Sonnet|JMMLU|4|80.5|current\n"
    "Claude 3.5 Sonnet|MT-bench|4|8.9|current\n"
    "Claude 3.5 Sonnet|レイテンシ(ms)|4|390|current\n");
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    lb_import_outcome_clear (&outcomes[i]);
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The report's text as printed, without spaces and line breaks (wrapping moves them). */
static char *
report_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbReport) report = lb_review_report_build (f->store, leaderboard_id (f), NULL, &error);
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  g_assert_no_error (error);
  text = run_tool (argv);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *hit = strstr (at, needles[i]);

      if (hit == NULL)
        g_error ("“%s” not found (in this order) in:\n%s", needles[i], text);
      at = hit + strlen (needles[i]);
    }
}

static const LbChange *
find_change (GPtrArray    *changes,
             LbChangeKind  kind,
             const char   *model,
             const char   *benchmark)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const LbChange *c = g_ptr_array_index (changes, i);

      if (c->kind == kind && g_strcmp0 (c->model, model) == 0
          && g_strcmp0 (c->benchmark, benchmark) == 0)
        return c;
    }
  return NULL;
}

/* October, reviewed at 10:00, November the same afternoon: compare, changes and the report. */
static void
test_end_to_end (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(LbImportOutcome) first = { 0 };
  g_auto(LbImportOutcome) second = { 0 };
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) of_import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(LbRecordForm) form = NULL;
  g_autofree char *text = NULL;
  const LbChange *c;
  gint64 from = -1, nov_id;

  g_setenv ("LEADERBOARD_NOW", "2026-11-01T09:00:00Z", TRUE);
  import_sheet (f, "oct.csv", october, -1, LB_IMPORT_FLAGS_NONE, &first);

  /* "Mark as reviewed" keeps the moment through the record form. */
  lb = lb_store_get_leaderboard (f->store, leaderboard_id (f), NULL);
  form = lb_record_form_new (lb);
  g_assert_true (lb_record_form_set (form, LB_RECORD_FORM_LAST_REVIEWED,
                                           "2026-11-01T10:00:00Z", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (form->last_reviewed_at, ==, "2026-11-01T10:00:00Z");
  g_assert_true (lb_store_set_leaderboard_field (f->store, lb->id, LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT,
                                                 form->last_reviewed_at, &error));
  g_assert_no_error (error);

  g_setenv ("LEADERBOARD_NOW", "2026-11-01T15:00:00Z", TRUE);
  nov_id = import_sheet (f, "nov.csv", november, -1, LB_IMPORT_FLAGS_NONE, &second);

  /* Since the review (the same day): everything November changed. */
  changes = lb_changes_since (f->store, lb->id, "2026-11-01T10:00:00Z", &from, &error);
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, first.import_id);
  g_assert_cmpuint (changes->len, ==, 9);
  g_assert_nonnull (find_change (changes, LB_CHANGE_UNLISTED, "Llama 3.1 70B", NULL));
  c = find_change (changes, LB_CHANGE_VERSION, "GPT-4o", NULL);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->old_version, ==, "2024-08-06");
  g_assert_cmpstr (c->new_version, ==, "2024-11-20");
  c = find_change (changes, LB_CHANGE_WITHDRAWN, "cotomi Pro", "レイテンシ(ms)");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->old_result->raw, ==, "330");
  g_assert_cmpstr (c->gap->raw, ==, "#N/A");
  text = lb_change_describe (c);
  g_assert_cmpstr (text, ==, "cotomi Pro, レイテンシ(ms): 330 [1:F3] → withdrawn in [2:F3] (“#N/A”)");
  g_clear_pointer (&text, g_free);
  c = find_change (changes, LB_CHANGE_VALUE, "GPT-4o", "JMMLU");
  g_assert_nonnull (c);
  g_assert_cmpfloat (c->old_result->score, ==, 80.1);
  g_assert_cmpfloat (c->new_result->score, ==, 81.0);
  g_assert_cmpuint (c->old_result->source_row, ==, 2);
  /* cotomi Pro's unchanged values are not changes. */
  g_assert_null (find_change (changes, LB_CHANGE_VALUE, "cotomi Pro", "JMMLU"));

  /* The import's own changes (History) are the same here. */
  of_import = lb_changes_of_import (f->store, lb->id, nov_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_import->len, ==, 9);
  /* All imports at once, as History works them out (in its thread or, on a private
     in-memory store, at once); beyond the limit, nothing is replayed. */
  {
    g_autoptr(GHashTable) all = lb_changes_of_imports (f->store, lb->id, G_MAXUINT, NULL, &error);
    g_autoptr(GHashTable) none = NULL;
    g_autoptr(GCancellable) cancelled = g_cancellable_new ();

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (all), ==, 2);
    g_assert_cmpuint (((GPtrArray *) g_hash_table_lookup (all, &nov_id))->len, ==, 9);
    none = lb_changes_of_imports (f->store, lb->id, 1, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (none), ==, 0);
    g_cancellable_cancel (cancelled);
    g_assert_null (lb_changes_of_imports (f->store, lb->id, G_MAXUINT, cancelled, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* The report says it, with the file keys of its provenance list. */
  text = report_text (f);
  assert_in_order (text, (const char *[]) {
    "—withdrawnin[2:F3];was330ms[1:F3]",
    "Whatchangedsincethelastreview",
    "Modelsnolongerlisted", "Llama3.170B",
    "Versionchanges", "GPT-4o2024-08-06→2024-11-20",
    "Changedvalues",
    NULL });
  g_assert_nonnull (strstr (text, "330[1:F3]—withdrawnin[2:F3]"));
  /* Llama is not a column of the values table as if it were current (its header row comes
   * before the withdrawn cell); later sections name it. */
  {
    const char *llama = strstr (text, "Llama3.170B");
    const char *withdrawn = strstr (text, "—withdrawnin[2:F3];was330ms[1:F3]");

    g_assert_nonnull (llama);
    g_assert_nonnull (withdrawn);
    g_assert_true (llama > withdrawn);
  }
  g_assert_null (strstr (text, "Nomodelleft"));
  g_unsetenv ("LEADERBOARD_NOW");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  g_test_add ("/sheet-versions/mode-guessed", Fixture, NULL, fixture_set_up, test_mode_guessed,
              fixture_tear_down);
  g_test_add ("/sheet-versions/mode-guessed-old-import", Fixture, NULL, fixture_set_up,
              test_mode_guessed_old_import, fixture_tear_down);
  g_test_add ("/sheet-versions/replace", Fixture, NULL, fixture_set_up, test_replace,
              fixture_tear_down);
  g_test_add ("/sheet-versions/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/sheet-versions/current-flags", Fixture, NULL, fixture_set_up, test_current_flags,
              fixture_tear_down);
  g_test_add ("/sheet-versions/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/sheet-versions/end-to-end", Fixture, NULL, fixture_set_up, test_end_to_end,
              fixture_tear_down);
  return g_test_run ();
}
