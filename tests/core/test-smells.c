/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smells.c: the smell catalogue, every automatic check (one fixture where it fires, one
 * where it must not) and the verdict rules, on snapshots built here */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "lb-smells.h"
#include "lb-smells-private.h"

#define TODAY "2026-11-28"

/* ---- building snapshots ---- */

static LbModel *
mk_model (gint64      id,
          const char *name,
          const char *version,
          const char *url)
{
  LbModel *m = g_new0 (LbModel, 1);

  m->id = id;
  m->leaderboard_id = 1;
  m->name = g_strdup (name);
  m->version = g_strdup (version);
  m->provenance_url = g_strdup (url);
  return m;
}

static LbBenchmark *
mk_benchmark (gint64      id,
              const char *name)
{
  LbBenchmark *b = g_new0 (LbBenchmark, 1);

  b->id = id;
  b->leaderboard_id = 1;
  b->name = g_strdup (name);
  b->metric = g_strdup ("accuracy");
  b->unit = g_strdup ("%");
  b->higher_is_better = TRUE;
  b->direction_confirmed = TRUE;
  b->has_scale = TRUE;
  b->scale_min = 0;
  b->scale_max = 100;
  b->description = g_strdup ("A test.");
  return b;
}

static LbResult *
mk_result (gint64      id,
           gint64      model_id,
           gint64      benchmark_id,
           double      score,
           const char *raw,
           const char *evaluated_at,
           guint       row,
           guint       column)
{
  LbResult *r = g_new0 (LbResult, 1);

  r->id = id;
  r->leaderboard_id = 1;
  r->model_id = model_id;
  r->benchmark_id = benchmark_id;
  r->score = score;
  r->raw = g_strdup (raw);
  r->evaluated_at = g_strdup (evaluated_at);
  r->current = TRUE;
  r->import_id = 30;
  r->source_row = row;
  r->source_column = column;
  return r;
}

static LbImport *
mk_import (gint64          id,
           const char     *file_name,
           const char     *sha256,
           LbImportStatus  status,
           const char     *imported_at)
{
  LbImport *import = g_new0 (LbImport, 1);

  import->id = id;
  import->leaderboard_id = 1;
  import->file_name = g_strdup (file_name);
  import->sha256 = g_strdup (sha256);
  import->status = status;
  import->imported_at = g_strdup (imported_at);
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  return import;
}

static LbGap *
mk_gap (gint64      model_id,
        gint64      benchmark_id,
        gint64      import_id,
        guint       row,
        guint       column,
        const char *raw,
        const char *reason)
{
  LbGap *g = g_new0 (LbGap, 1);

  g->leaderboard_id = 1;
  g->model_id = model_id;
  g->benchmark_id = benchmark_id;
  g->import_id = import_id;
  g->source_row = row;
  g->source_column = column;
  g->raw = g_strdup (raw);
  g->reason = g_strdup (reason);
  return g;
}

/* A leaderboard no check complains about: two models (rows 2, 3) × MMLU (column B), GSM8K (C). */
static LbSmellSnapshot *
clean_snapshot (void)
{
  LbLeaderboard *lb = g_new0 (LbLeaderboard, 1);
  LbSmellSnapshot *s;

  lb->id = 1;
  lb->name = g_strdup ("Support chatbot 2026");
  lb->purpose = g_strdup ("Choose the model for the Japanese support chatbot.");
  lb->owner = g_strdup ("Sato");
  lb->update_cadence_days = 90;
  lb->evaluation_data = g_strdup ("MMLU (5-shot) and GSM8K scores from the vendors' model cards.");
  lb->procedure = g_strdup ("Copied from the model cards on the evaluation date.");
  s = lb_smell_snapshot_new (lb);

  g_ptr_array_add (s->benchmarks, mk_benchmark (10, "MMLU"));
  g_ptr_array_add (s->benchmarks, mk_benchmark (11, "GSM8K"));
  g_ptr_array_add (s->models, mk_model (20, "Llama 3.1 70B", "3.1",
                                        "https://huggingface.co/meta-llama/Llama-3.1-70B"));
  g_ptr_array_add (s->models, mk_model (21, "Qwen2.5 72B", "2.5",
                                        "https://huggingface.co/Qwen/Qwen2.5-72B"));
  g_ptr_array_add (s->results, mk_result (40, 20, 10, 86.0, "86.0", "2026-11-01", 2, 2));
  g_ptr_array_add (s->results, mk_result (41, 21, 10, 85.3, "85.3", "2026-11-01", 3, 2));
  g_ptr_array_add (s->results, mk_result (42, 20, 11, 93.0, "93.0", "2026-11-01", 2, 3));
  g_ptr_array_add (s->results, mk_result (43, 21, 11, 91.6, "91.6", "2026-11-01", 3, 3));
  g_ptr_array_add (s->imports, mk_import (30, "scores.csv", "aaaa", LB_IMPORT_COMPLETE,
                                          "2026-11-02T09:00:00Z"));
  return s;
}

static LbModel *
model_by_id (LbSmellSnapshot *s, gint64 id)
{
  for (guint i = 0; i < s->models->len; i++)
    if (((LbModel *) g_ptr_array_index (s->models, i))->id == id)
      return g_ptr_array_index (s->models, i);
  g_assert_not_reached ();
}

static LbBenchmark *
benchmark_by_id (LbSmellSnapshot *s, gint64 id)
{
  for (guint i = 0; i < s->benchmarks->len; i++)
    if (((LbBenchmark *) g_ptr_array_index (s->benchmarks, i))->id == id)
      return g_ptr_array_index (s->benchmarks, i);
  g_assert_not_reached ();
}

static LbResult *
result_by_id (LbSmellSnapshot *s, gint64 id)
{
  for (guint i = 0; i < s->results->len; i++)
    if (((LbResult *) g_ptr_array_index (s->results, i))->id == id)
      return g_ptr_array_index (s->results, i);
  g_assert_not_reached ();
}

static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
remove_result (LbSmellSnapshot *s, gint64 id)
{
  g_assert_true (g_ptr_array_remove (s->results, result_by_id (s, id)));
}

static GPtrArray *
detect (LbSmellSnapshot *s)
{
  LbSmellOptions options;

  lb_smell_options_init (&options);
  options.today = TODAY;
  options.check_files = TRUE;
  return lb_smells_detect (s, &options);
}

/* The evidence items of @check, with the smell × component they were filed under. */
static GPtrArray *
evidence_of (GPtrArray   *detections,
             const char  *check,
             LbSmellKind *smell,
             LbComponent *component)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < detections->len; i++)
    {
      LbDetection *d = g_ptr_array_index (detections, i);

      g_assert_cmpuint (d->evidence->len, >, 0);
      for (guint k = 0; k < d->evidence->len; k++)
        {
          LbEvidence *ev = g_ptr_array_index (d->evidence, k);

          if (strcmp (ev->check, check) != 0)
            continue;
          g_ptr_array_add (out, ev);
          if (smell != NULL)
            *smell = d->smell;
          if (component != NULL)
            *component = d->component;
        }
    }
  return out;
}

/* ---- the clean fixture ---- */

static void
test_clean (void)
{
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = detect (s);

  for (guint i = 0; i < detections->len; i++)
    {
      LbDetection *d = g_ptr_array_index (detections, i);
      LbEvidence *ev = g_ptr_array_index (d->evidence, 0);

      g_test_message ("unexpected: %s", ev->message);
    }
  g_assert_cmpuint (detections->len, ==, 0);
}

/* ---- every check: a fixture where it fires, and a near miss where it must not ---- */

typedef struct {
  const char     *check;
  LbSmellKind     smell;
  LbComponent     component;
  LbEvidenceKind  kind;
  gint64          model_id;
  gint64          benchmark_id;
  gint64          import_id;
  guint           row;
  guint           column;
  const char     *field;
  const char     *message_part;     /* a part of the message that names the place */
  guint           n_evidence;
  void          (*fires) (LbSmellSnapshot *s);
  void          (*quiet) (LbSmellSnapshot *s);
} CheckCase;

static void fire_no_purpose (LbSmellSnapshot *s) { set_str (&s->leaderboard->purpose, "  \n"); }
static void fire_no_owner (LbSmellSnapshot *s) { set_str (&s->leaderboard->owner, NULL); }
static void fire_no_cadence (LbSmellSnapshot *s) { s->leaderboard->update_cadence_days = 0; }
static void fire_no_eval_data (LbSmellSnapshot *s) { set_str (&s->leaderboard->evaluation_data, ""); }
static void fire_no_procedure (LbSmellSnapshot *s) { set_str (&s->leaderboard->procedure, NULL); }
static void quiet_short_purpose (LbSmellSnapshot *s) { set_str (&s->leaderboard->purpose, "選定"); }

static void quiet_japanese_owner (LbSmellSnapshot *s) { set_str (&s->leaderboard->owner, "情報システム部 佐藤"); }
static void quiet_daily_cadence (LbSmellSnapshot *s) { s->leaderboard->update_cadence_days = 1; }
static void quiet_short_eval_data (LbSmellSnapshot *s) { set_str (&s->leaderboard->evaluation_data, "社内データ"); }
static void quiet_short_procedure (LbSmellSnapshot *s) { set_str (&s->leaderboard->procedure, "手順書 v2 参照"); }
static void quiet_odd_provenance (LbSmellSnapshot *s) { set_str (&model_by_id (s, 20)->provenance_url, "ftp://files.example.com/llama"); }
static void quiet_japanese_metric (LbSmellSnapshot *s) { set_str (&benchmark_by_id (s, 11)->metric, "正解率"); }
static void quiet_retired_in_name (LbSmellSnapshot *s) { set_str (&benchmark_by_id (s, 11)->name, "GSM8K (retired set)"); }
static void quiet_japanese_description (LbSmellSnapshot *s) { set_str (&benchmark_by_id (s, 10)->description, "日本語の常識推論"); }
static void quiet_score_with_name (LbSmellSnapshot *s) { set_str (&benchmark_by_id (s, 11)->name, "Score (GSM8K)"); }

static void fire_no_version (LbSmellSnapshot *s) { set_str (&model_by_id (s, 21)->version, NULL); }
static void quiet_version_text (LbSmellSnapshot *s) { set_str (&model_by_id (s, 21)->version, "2024-09-19"); }
static void fire_no_provenance (LbSmellSnapshot *s) { set_str (&model_by_id (s, 20)->provenance_url, " "); }
static void fire_no_metric (LbSmellSnapshot *s) { set_str (&benchmark_by_id (s, 11)->metric, NULL); }
static void fire_unconfirmed (LbSmellSnapshot *s) { benchmark_by_id (s, 11)->direction_confirmed = FALSE; }
static void quiet_lower_is_better (LbSmellSnapshot *s) { benchmark_by_id (s, 11)->higher_is_better = FALSE; }

static void
fire_hole_with_reason (LbSmellSnapshot *s)
{
  remove_result (s, 43);
  g_ptr_array_add (s->gaps, mk_gap (21, 11, 30, 3, 3, "", "The cell is empty."));
}

static void
quiet_hole_filled_later (LbSmellSnapshot *s)
{
  /* An older import left the cell empty; the current one has a value. */
  g_ptr_array_add (s->imports, mk_import (29, "old.csv", "bbbb", LB_IMPORT_COMPLETE,
                                          "2026-10-01T09:00:00Z"));
  g_ptr_array_add (s->gaps, mk_gap (21, 11, 29, 3, 3, "#N/A", "Excel error #N/A (the value is not available)."));
}

static void
fire_no_date (LbSmellSnapshot *s)
{
  set_str (&result_by_id (s, 42)->evaluated_at, NULL);
}

static void
quiet_superseded_without_date (LbSmellSnapshot *s)
{
  LbResult *old = mk_result (39, 20, 11, 90.0, "90.0", NULL, 2, 3);

  old->current = FALSE;
  g_ptr_array_add (s->results, old);
}

static void
set_all_dates (LbSmellSnapshot *s, const char *date)
{
  for (guint i = 0; i < s->results->len; i++)
    set_str (&((LbResult *) g_ptr_array_index (s->results, i))->evaluated_at, date);
}

static void
fire_overdue (LbSmellSnapshot *s)
{
  set_all_dates (s, "2026-08-01");
  s->leaderboard->update_cadence_days = 30;
}

static void
quiet_not_yet_due (LbSmellSnapshot *s)
{
  /* Due on 2026-11-28 itself: not overdue yet. */
  set_all_dates (s, "2026-10-29");
  s->leaderboard->update_cadence_days = 30;
}

static void fire_old_result (LbSmellSnapshot *s) { set_str (&result_by_id (s, 41)->evaluated_at, "2026-05-31"); }
static void quiet_exactly_180 (LbSmellSnapshot *s) { set_str (&result_by_id (s, 41)->evaluated_at, "2026-06-01"); }

static void
fire_older_version (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->models, mk_model (22, "Llama 3 70B", "3", "https://example.com/llama3"));
  g_ptr_array_add (s->results, mk_result (44, 22, 10, 79.5, "79.5", "2026-11-01", 4, 2));
  g_ptr_array_add (s->results, mk_result (45, 22, 11, 80.0, "80.0", "2026-11-01", 4, 3));
}

static void
quiet_older_version_unranked (LbSmellSnapshot *s)
{
  LbResult *r = mk_result (44, 22, 10, 79.5, "79.5", "2026-11-01", 4, 2);

  r->current = FALSE;
  g_ptr_array_add (s->models, mk_model (22, "Llama 3 70B", "3", "https://example.com/llama3"));
  g_ptr_array_add (s->results, r);
}

static void fire_retired (LbSmellSnapshot *s) { benchmark_by_id (s, 11)->retired = TRUE; }

static void
fire_same_model (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->models, mk_model (22, "llama-3.1  70b", "3.1", "https://example.com/x"));
}

static void
quiet_other_size (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->models, mk_model (22, "Llama 3.1 8B", "3.1", "https://example.com/x"));
}

static void
fire_identical_columns (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->benchmarks, mk_benchmark (12, "MMLU copy"));
  g_ptr_array_add (s->results, mk_result (44, 20, 12, 86.0, "86.0", "2026-11-01", 2, 4));
  g_ptr_array_add (s->results, mk_result (45, 21, 12, 85.3, "85.3", "2026-11-01", 3, 4));
  set_str (&s->leaderboard->evaluation_data, "MMLU, MMLU copy and GSM8K.");
}

static void
quiet_one_value_differs (LbSmellSnapshot *s)
{
  fire_identical_columns (s);
  result_by_id (s, 45)->score = 85.4;
}

static void
fire_same_file (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->imports, mk_import (31, "scores (2).csv", "aaaa", LB_IMPORT_COMPLETE,
                                          "2026-11-03T09:00:00Z"));
}

static void
quiet_same_file_failed_once (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->imports, mk_import (29, "scores.csv", "aaaa", LB_IMPORT_FAILED,
                                          "2026-11-01T09:00:00Z"));
}

static void
fire_unknown_benchmark (LbSmellSnapshot *s)
{
  set_str (&s->leaderboard->evaluation_data, "MMLU, GSM8K と HumanEval（社内で実行）");
}

static void
quiet_prose_words (LbSmellSnapshot *s)
{
  set_str (&s->leaderboard->evaluation_data,
           "mmlu and gsm8k from the cards; the math and arc questions were checked by hand.");
}

static void
fire_named_without_results (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->benchmarks, mk_benchmark (12, "JCommonsenseQA"));
  set_str (&s->leaderboard->evaluation_data, "MMLU, GSM8K and JCommonsenseQA.");
}

static void
quiet_unnamed_without_results (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->benchmarks, mk_benchmark (12, "JCommonsenseQA"));
}

static void
fire_not_named (LbSmellSnapshot *s)
{
  /* "MMLU-Pro" is a different benchmark from "MMLU". */
  set_str (&s->leaderboard->evaluation_data, "MMLU-Pro and GSM8K from the model cards.");
}

static void
quiet_named_by_base (LbSmellSnapshot *s)
{
  set_str (&benchmark_by_id (s, 10)->name, "MMLU (5-shot)");
  set_str (&s->leaderboard->evaluation_data, "mmlu and GSM8K from the model cards.");
}

static void
fire_mixed_scale (LbSmellSnapshot *s)
{
  result_by_id (s, 41)->score = 0.853;
  set_str (&result_by_id (s, 41)->raw, "0.853");
  benchmark_by_id (s, 10)->has_scale = FALSE;
}

/* A column without unit or scale: 0.853 beside 86.0 is a proportion beside a percentage. */
static void
fire_mixed_scale_unitless (LbSmellSnapshot *s)
{
  fire_mixed_scale (s);
  g_clear_pointer (&benchmark_by_id (s, 10)->unit, g_free);
}

/* Prices (0.60 and 1.25 USD) and latencies (0.8 s and 1.2 s) are no scale mix. */
static void
quiet_price_column (LbSmellSnapshot *s)
{
  LbBenchmark *b = benchmark_by_id (s, 10);

  fire_mixed_scale (s);
  set_str (&b->unit, "USD");
  b->higher_is_better = FALSE;
  result_by_id (s, 40)->score = 1.25;
  set_str (&result_by_id (s, 40)->raw, "1.25");
  result_by_id (s, 41)->score = 0.60;
  set_str (&result_by_id (s, 41)->raw, "0.60");
}

static void
quiet_unitless_latency (LbSmellSnapshot *s)
{
  LbBenchmark *b = benchmark_by_id (s, 10);

  fire_mixed_scale_unitless (s);
  b->higher_is_better = FALSE;
  result_by_id (s, 40)->score = 1.2;
  set_str (&result_by_id (s, 40)->raw, "1.2");
  result_by_id (s, 41)->score = 0.8;
  set_str (&result_by_id (s, 41)->raw, "0.8");
}

static void
quiet_unitless_small_ratio (LbSmellSnapshot *s)
{
  fire_mixed_scale_unitless (s);
  result_by_id (s, 40)->score = 5.0;
  set_str (&result_by_id (s, 40)->raw, "5.00");
  result_by_id (s, 41)->score = 0.6;
  set_str (&result_by_id (s, 41)->raw, "0.60");
}

static void
quiet_ambiguous_values (LbSmellSnapshot *s)
{
  result_by_id (s, 41)->score = 1.0;
  set_str (&result_by_id (s, 41)->raw, "1");
  result_by_id (s, 40)->score = 0.0;
  set_str (&result_by_id (s, 40)->raw, "0");
}

static void fire_outside_scale (LbSmellSnapshot *s) { result_by_id (s, 43)->score = 101.5; }
static void quiet_scale_edge (LbSmellSnapshot *s) { result_by_id (s, 43)->score = 100.0; }

static void fire_version_differs (LbSmellSnapshot *s) { set_str (&result_by_id (s, 40)->model_version, "3.0"); }
static void quiet_version_spelled (LbSmellSnapshot *s) { set_str (&result_by_id (s, 40)->model_version, " V3.1"); }

static void fire_mixed_units (LbSmellSnapshot *s) { set_str (&result_by_id (s, 41)->raw, "85.3%"); }

static void
quiet_all_percent (LbSmellSnapshot *s)
{
  set_str (&result_by_id (s, 40)->raw, "86.0%");
  set_str (&result_by_id (s, 41)->raw, "85.3 %");
}

static void
fire_mixed_precision (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->models, mk_model (22, "Gemma 2 27B", "2", "https://example.com/gemma"));
  g_ptr_array_add (s->results, mk_result (44, 22, 10, 75.125, "75.125", "2026-11-01", 4, 2));
  g_ptr_array_add (s->results, mk_result (45, 22, 11, 80.0, "80.0", "2026-11-01", 4, 3));
}

static void
quiet_general_format (LbSmellSnapshot *s)
{
  /* What Excel's General format does: "86", "85.3", "75.12". */
  set_str (&result_by_id (s, 40)->raw, "86");
  g_ptr_array_add (s->models, mk_model (22, "Gemma 2 27B", "2", "https://example.com/gemma"));
  g_ptr_array_add (s->results, mk_result (44, 22, 10, 75.12, "75.12", "2026-11-01", 4, 2));
  g_ptr_array_add (s->results, mk_result (45, 22, 11, 80.0, "80.0", "2026-11-01", 4, 3));
}

static void fire_full_width (LbSmellSnapshot *s) { set_str (&result_by_id (s, 43)->raw, "９１.６"); }

static void
quiet_decimal_comma (LbSmellSnapshot *s)
{
  set_str (&result_by_id (s, 43)->raw, "91,6");
  set_str (&result_by_id (s, 42)->raw, "1234.5");
}

static void
fire_text_gap (LbSmellSnapshot *s)
{
  remove_result (s, 43);
  g_ptr_array_add (s->gaps, mk_gap (21, 11, 30, 3, 3, "約91.6", "The cell holds text, not a number."));
}

static void
quiet_error_gap (LbSmellSnapshot *s)
{
  remove_result (s, 43);
  g_ptr_array_add (s->gaps, mk_gap (21, 11, 30, 3, 3, "#DIV/0!",
                                    "The cell holds an Excel error or a note starting with “#”, not a number."));
}

static void fire_thousands (LbSmellSnapshot *s) { set_str (&result_by_id (s, 43)->raw, "1,091.6"); }

static void
fire_long_name (LbSmellSnapshot *s)
{
  /* 61 characters */
  set_str (&model_by_id (s, 21)->name,
           "Qwen2.5 72B Instruct AWQ quantised, internal fine-tune 2026-1");
}

static void
quiet_long_japanese_name (LbSmellSnapshot *s)
{
  g_autoptr(GString) name = g_string_new (NULL);

  /* 60 characters, 180 bytes */
  for (guint i = 0; i < 60; i++)
    g_string_append (name, "あ");
  set_str (&model_by_id (s, 21)->name, name->str);
}

static void fire_no_description (LbSmellSnapshot *s) { set_str (&benchmark_by_id (s, 10)->description, NULL); }

static void
fire_no_unit (LbSmellSnapshot *s)
{
  set_str (&benchmark_by_id (s, 10)->unit, NULL);
  benchmark_by_id (s, 10)->has_scale = FALSE;
}

static void
quiet_scale_without_unit (LbSmellSnapshot *s)
{
  set_str (&benchmark_by_id (s, 10)->unit, NULL);
}

static void fire_generic_header (LbSmellSnapshot *s)
{
  set_str (&benchmark_by_id (s, 11)->name, "Unnamed: 3");
  set_str (&s->leaderboard->evaluation_data, "MMLU and Unnamed: 3");
}

static void fire_bad_url (LbSmellSnapshot *s) { set_str (&model_by_id (s, 21)->provenance_url, "huggingface.co/Qwen"); }
static void quiet_http_url (LbSmellSnapshot *s) { set_str (&model_by_id (s, 21)->provenance_url, "http://intranet.example.co.jp/models/qwen"); }

static char *
write_source (const char *name, const char *contents)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
fire_source_missing (LbSmellSnapshot *s)
{
  LbImport *import = g_ptr_array_index (s->imports, 0);

  import->file_path = g_build_filename (g_get_user_data_dir (), "moved-away.csv", NULL);
}

static void
quiet_source_unchanged (LbSmellSnapshot *s)
{
  LbImport *import = g_ptr_array_index (s->imports, 0);

  import->file_path = write_source ("scores.csv", "model,MMLU\n");
  g_free (import->sha256);
  import->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "model,MMLU\n", -1);
}

static void
fire_source_changed (LbSmellSnapshot *s)
{
  LbImport *import = g_ptr_array_index (s->imports, 0);

  import->file_path = write_source ("scores.csv", "model,MMLU\nA,85.3\n");
  g_free (import->sha256);
  import->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "model,MMLU\n", -1);
}

static void
fire_failed_import (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->imports, mk_import (31, "december.csv", "cccc", LB_IMPORT_FAILED,
                                          "2026-11-20T09:00:00Z"));
}

static void
quiet_failed_then_done (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->imports, mk_import (31, "scores.csv", "0000", LB_IMPORT_FAILED,
                                          "2026-11-01T09:00:00Z"));
}

static void
fire_cancelled_import (LbSmellSnapshot *s)
{
  g_ptr_array_add (s->imports, mk_import (31, "december.csv", "cccc", LB_IMPORT_CANCELLED,
                                          "2026-11-20T09:00:00Z"));
}

static void
quiet_cancelled_deleted (LbSmellSnapshot *s)
{
  LbImport *import = mk_import (31, "december.csv", "cccc", LB_IMPORT_CANCELLED,
                                "2026-11-20T09:00:00Z");

  import->deleted = TRUE;
  g_ptr_array_add (s->imports, import);
}

#define LB LB_EVIDENCE_LEADERBOARD
#define BM LB_EVIDENCE_BENCHMARK
#define MO LB_EVIDENCE_MODEL
#define CE LB_EVIDENCE_CELL
#define IM LB_EVIDENCE_IMPORT

static const CheckCase check_cases[] = {
  { "missing-purpose", LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_TASK, LB, 0, 0, 0, 0, 0, "purpose", "Purpose", 1, fire_no_purpose, quiet_short_purpose },
  { "missing-owner", LB_SMELL_MISSING, LB_COMPONENT_SUBMISSION_CHANNEL, LB, 0, 0, 0, 0, 0, "owner", "Owner", 1, fire_no_owner, quiet_japanese_owner },
  { "missing-update-cadence", LB_SMELL_MISSING, LB_COMPONENT_SUBMISSION_CHANNEL, LB, 0, 0, 0, 0, 0, "update_cadence_days", "cadence", 1, fire_no_cadence, quiet_daily_cadence },
  { "missing-evaluation-data", LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_DATASET, LB, 0, 0, 0, 0, 0, "evaluation_data", "Evaluation data", 1, fire_no_eval_data, quiet_short_eval_data },
  { "missing-procedure", LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_PROTOCOL, LB, 0, 0, 0, 0, 0, "procedure", "Procedure", 1, fire_no_procedure, quiet_short_procedure },
  { "missing-model-version", LB_SMELL_MISSING, LB_COMPONENT_MODEL, MO, 21, 0, 0, 0, 0, "version", "“Qwen2.5 72B”", 1, fire_no_version, quiet_version_text },
  { "missing-model-provenance", LB_SMELL_MISSING, LB_COMPONENT_MODEL, MO, 20, 0, 0, 0, 0, "provenance_url", "“Llama 3.1 70B”", 1, fire_no_provenance, quiet_odd_provenance },
  { "missing-benchmark-metric", LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_METRIC, BM, 0, 11, 0, 0, 0, "metric", "“GSM8K”", 1, fire_no_metric, quiet_japanese_metric },
  { "missing-benchmark-direction", LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_METRIC, BM, 0, 11, 0, 0, 0, "higher_is_better", "“GSM8K”", 1, fire_unconfirmed, quiet_lower_is_better },
  { "missing-result", LB_SMELL_MISSING, LB_COMPONENT_RANKING_DATAFRAME, CE, 21, 11, 30, 3, 3, NULL, "scores.csv, cell C3): The cell is empty.", 1, fire_hole_with_reason, quiet_hole_filled_later },
  { "missing-result-date", LB_SMELL_MISSING, LB_COMPONENT_EVALUATION_SCORE, CE, 20, 11, 30, 2, 3, NULL, "cell C2", 1, fire_no_date, quiet_superseded_without_date },
  { "deprecated-review-overdue", LB_SMELL_DEPRECATED, LB_COMPONENT_RANKING_DATAFRAME, LB, 0, 0, 0, 0, 0, "update_cadence_days", "2026-08-31", 1, fire_overdue, quiet_not_yet_due },
  { "deprecated-old-result", LB_SMELL_DEPRECATED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 10, 30, 3, 2, NULL, "2026-05-31", 1, fire_old_result, quiet_exactly_180 },
  { "deprecated-older-version", LB_SMELL_DEPRECATED, LB_COMPONENT_MODEL, MO, 22, 0, 0, 0, 0, "name", "“Llama 3.1 70B”", 1, fire_older_version, quiet_older_version_unranked },
  { "deprecated-retired-benchmark", LB_SMELL_DEPRECATED, LB_COMPONENT_BENCHMARK_DATASET, BM, 0, 11, 0, 0, 0, "retired", "“GSM8K”", 1, fire_retired, quiet_retired_in_name },
  { "redundant-model-name", LB_SMELL_REDUNDANT, LB_COMPONENT_MODEL, MO, 20, 0, 0, 0, 0, "name", "“llama-3.1  70b”", 2, fire_same_model, quiet_other_size },
  { "redundant-identical-columns", LB_SMELL_REDUNDANT, LB_COMPONENT_RANKING_DATAFRAME, BM, 0, 12, 0, 0, 0, NULL, "“MMLU”", 1, fire_identical_columns, quiet_one_value_differs },
  { "redundant-same-file", LB_SMELL_REDUNDANT, LB_COMPONENT_SUBMISSION_CHANNEL, IM, 0, 0, 30, 0, 0, "sha256", "“scores (2).csv”", 2, fire_same_file, quiet_same_file_failed_once },
  { "mismatched-unknown-benchmark", LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_DATASET, LB, 0, 0, 0, 0, 0, "evaluation_data", "“HumanEval”", 1, fire_unknown_benchmark, quiet_prose_words },
  { "mismatched-named-without-results", LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_DATASET, BM, 0, 12, 0, 0, 0, NULL, "“JCommonsenseQA”", 1, fire_named_without_results, quiet_unnamed_without_results },
  { "mismatched-results-not-named", LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_DATASET, BM, 0, 10, 0, 0, 0, NULL, "“MMLU”", 1, fire_not_named, quiet_named_by_base },
  { "mismatched-mixed-scale", LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 10, 30, 3, 2, NULL, "0.853", 1, fire_mixed_scale, quiet_ambiguous_values },
  { "mismatched-mixed-scale", LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 10, 30, 3, 2, NULL, "0.853", 1, fire_mixed_scale, quiet_price_column },
  { "mismatched-mixed-scale", LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 10, 30, 3, 2, NULL, "0.853", 1, fire_mixed_scale_unitless, quiet_unitless_latency },
  { "mismatched-mixed-scale", LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 10, 30, 3, 2, NULL, "0.853", 1, fire_mixed_scale_unitless, quiet_unitless_small_ratio },
  { "mismatched-outside-scale", LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 11, 30, 3, 3, NULL, "101.5", 1, fire_outside_scale, quiet_scale_edge },
  { "mismatched-model-version", LB_SMELL_MISMATCHED, LB_COMPONENT_MODEL, CE, 20, 10, 30, 2, 2, NULL, "“3.0”", 1, fire_version_differs, quiet_version_spelled },
  { "misdisplayed-mixed-units", LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME, CE, 21, 10, 30, 3, 2, NULL, "“85.3%”", 1, fire_mixed_units, quiet_all_percent },
  { "misdisplayed-mixed-precision", LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME, CE, 22, 10, 30, 4, 2, NULL, "“75.125”", 1, fire_mixed_precision, quiet_general_format },
  { "misdisplayed-number-as-text", LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 11, 30, 3, 3, NULL, "full-width", 1, fire_full_width, quiet_decimal_comma },
  { "misdisplayed-number-as-text", LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 11, 30, 3, 3, NULL, "thousands", 1, fire_thousands, quiet_decimal_comma },
  { "misdisplayed-number-as-text", LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE, CE, 21, 11, 30, 3, 3, NULL, "“約91.6”", 1, fire_text_gap, quiet_error_gap },
  { "misdisplayed-long-name", LB_SMELL_MISDISPLAYED, LB_COMPONENT_MODEL, MO, 21, 0, 0, 0, 0, "name", "61 characters", 1, fire_long_name, quiet_long_japanese_name },
  { "confusing-no-description", LB_SMELL_CONFUSING, LB_COMPONENT_BENCHMARK_TASK, BM, 0, 10, 0, 0, 0, "description", "“MMLU”", 1, fire_no_description, quiet_japanese_description },
  { "confusing-no-unit", LB_SMELL_CONFUSING, LB_COMPONENT_BENCHMARK_METRIC, BM, 0, 10, 0, 0, 0, "unit", "“MMLU”", 1, fire_no_unit, quiet_scale_without_unit },
  { "confusing-no-direction", LB_SMELL_CONFUSING, LB_COMPONENT_BENCHMARK_METRIC, BM, 0, 11, 0, 0, 0, "higher_is_better", "“GSM8K”", 1, fire_unconfirmed, quiet_lower_is_better },
  { "confusing-generic-header", LB_SMELL_CONFUSING, LB_COMPONENT_RANKING_DATAFRAME, BM, 0, 11, 0, 0, 0, "name", "“Unnamed: 3”", 1, fire_generic_header, quiet_score_with_name },
  { "inaccessible-provenance-url", LB_SMELL_INACCESSIBLE, LB_COMPONENT_MODEL, MO, 21, 0, 0, 0, 0, "provenance_url", "“huggingface.co/Qwen”", 1, fire_bad_url, quiet_http_url },
  { "inaccessible-source-missing", LB_SMELL_INACCESSIBLE, LB_COMPONENT_SUBMISSION_CHANNEL, IM, 0, 0, 30, 0, 0, "file_path", "moved-away.csv", 1, fire_source_missing, quiet_source_unchanged },
  { "inaccessible-source-changed", LB_SMELL_INACCESSIBLE, LB_COMPONENT_SUBMISSION_CHANNEL, IM, 0, 0, 30, 0, 0, "sha256", "scores.csv", 1, fire_source_changed, quiet_source_unchanged },
  { "unresponsive-import-failed", LB_SMELL_UNRESPONSIVE, LB_COMPONENT_SUBMISSION_CHANNEL, IM, 0, 0, 31, 0, 0, "status", "“december.csv”", 1, fire_failed_import, quiet_failed_then_done },
  { "unresponsive-import-cancelled", LB_SMELL_UNRESPONSIVE, LB_COMPONENT_SUBMISSION_CHANNEL, IM, 0, 0, 31, 0, 0, "status", "“december.csv”", 1, fire_cancelled_import, quiet_cancelled_deleted },
};

static void
test_check_fires (gconstpointer data)
{
  const CheckCase *tc = data;
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LbSmellKind smell = LB_N_SMELLS;
  LbComponent component = LB_N_COMPONENTS;
  LbEvidence *ev;

  tc->fires (s);
  detections = detect (s);
  found = evidence_of (detections, tc->check, &smell, &component);
  g_assert_cmpuint (found->len, ==, tc->n_evidence);
  g_assert_cmpint (smell, ==, tc->smell);
  g_assert_cmpint (component, ==, tc->component);

  /* The item the table names is among the evidence; it points at the right place. */
  ev = NULL;
  for (guint i = 0; i < found->len; i++)
    {
      LbEvidence *e = g_ptr_array_index (found, i);

      if (e->model_id == tc->model_id && e->benchmark_id == tc->benchmark_id
          && e->import_id == tc->import_id)
        ev = e;
    }
  g_assert_nonnull (ev);
  g_assert_cmpint (ev->kind, ==, tc->kind);
  g_assert_cmpuint (ev->row, ==, tc->row);
  g_assert_cmpuint (ev->column, ==, tc->column);
  g_assert_cmpstr (ev->field, ==, tc->field);
  g_assert_true (g_str_has_prefix (ev->key, tc->check));
  if (strstr (ev->message, tc->message_part) == NULL)
    g_error ("“%s” not in “%s”", tc->message_part, ev->message);
}

static void
test_check_quiet (gconstpointer data)
{
  const CheckCase *tc = data;
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) found = NULL;

  tc->quiet (s);
  detections = detect (s);
  found = evidence_of (detections, tc->check, NULL, NULL);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("unexpected: %s", ((LbEvidence *) g_ptr_array_index (found, i))->message);
  g_assert_cmpuint (found->len, ==, 0);
}

/* ---- the model-version rule, its false positives in particular ---- */

static const struct {
  const char *older;
  const char *newer;
  gboolean    flagged;
} version_cases[] = {
  { "Llama 3", "Llama 3.1", TRUE },
  { "Llama 3 70B", "Llama 3.1 70B", TRUE },
  { "Qwen2-72B-Instruct", "Qwen2.5-72B-Instruct", TRUE },
  { "Mistral 7B v0.1", "Mistral 7B v0.2", TRUE },
  { "DeepSeek-V2.5", "DeepSeek-V3", TRUE },
  { "Claude 3 Sonnet", "Claude 3.5 Sonnet", TRUE },
  { "Phi-3-mini", "phi-3.5-mini", TRUE },
  { "Model 3.9", "Model 3.10", TRUE },
  { "GPT-4", "GPT-4o", FALSE },
  { "Claude 3 Opus", "Claude 3.5 Sonnet", FALSE },
  { "Llama 3 8B", "Llama 3.1 70B", FALSE },
  { "Gemini 1.5 Pro", "Gemini 1.5 Flash", FALSE },
  { "Claude 3.5 Sonnet (20240620)", "Claude 3.5 Sonnet (20241022)", FALSE },
  { "Llama 3", "Llama 3.0", FALSE },
  { "ELYZA-japanese-Llama-2-7b", "Llama 3", FALSE },
  { "Swallow", "Swallow Plus", FALSE },
  /* numbered, not versioned: a 60-row sheet "M01" … "M60", a generated "モデル000001" */
  { "M01", "M60", FALSE },
  { "モデル000099", "モデル000100", FALSE },
};

static void
test_older_version_rule (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (version_cases); i++)
    {
      g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
      g_autoptr(GPtrArray) detections = NULL;
      g_autoptr(GPtrArray) found = NULL;

      /* Listed newest first, so the rule cannot rely on the order. */
      g_ptr_array_add (s->models, mk_model (23, version_cases[i].newer, "x", "https://example.com/b"));
      g_ptr_array_add (s->models, mk_model (22, version_cases[i].older, "x", "https://example.com/a"));
      g_ptr_array_add (s->results, mk_result (44, 22, 10, 70.0, "70.0", "2026-11-01", 4, 2));
      g_ptr_array_add (s->results, mk_result (45, 23, 10, 71.0, "71.0", "2026-11-01", 5, 2));
      detections = detect (s);
      found = evidence_of (detections, "deprecated-older-version", NULL, NULL);
      g_test_message ("%s / %s", version_cases[i].older, version_cases[i].newer);
      g_assert_cmpuint (found->len, ==, version_cases[i].flagged ? 1 : 0);
      if (version_cases[i].flagged)
        g_assert_cmpint (((LbEvidence *) g_ptr_array_index (found, 0))->model_id, ==, 22);
    }
}

static void
test_generic_headers (void)
{
  static const struct { const char *name; gboolean generic; } cases[] = {
    { "score", TRUE }, { "Value", TRUE }, { "列1", TRUE }, { "Unnamed: 3", TRUE },
    { "Column1", TRUE }, { "スコア", TRUE }, { "ｽｺｱ", TRUE }, { " SCORE ", TRUE }, { "列 12", TRUE },
    { "MMLU", FALSE }, { "MT-Bench score", FALSE }, { "F1", FALSE }, { "Colab eval", FALSE },
    { "JGLUE 値", FALSE }, { "Column A accuracy", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
      g_autoptr(GPtrArray) detections = NULL;
      g_autoptr(GPtrArray) found = NULL;

      set_str (&benchmark_by_id (s, 11)->name, cases[i].name);
      detections = detect (s);
      found = evidence_of (detections, "confusing-generic-header", NULL, NULL);
      g_test_message ("%s", cases[i].name);
      g_assert_cmpuint (found->len, ==, cases[i].generic ? 1 : 0);
    }
}

static void
test_max_age_option (void)
{
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LbSmellOptions options;

  lb_smell_options_init (&options);
  g_assert_cmpuint (options.max_result_age_days, ==, 180);
  options.today = "2026-11-28T03:00:00Z";
  options.max_result_age_days = 20;
  detections = lb_smells_detect (s, &options);
  found = evidence_of (detections, "deprecated-old-result", NULL, NULL);
  g_assert_cmpuint (found->len, ==, 4);
}

static void
test_files_not_checked (void)
{
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LbSmellOptions options;

  fire_source_missing (s);
  lb_smell_options_init (&options);
  options.today = TODAY;
  options.check_files = FALSE;
  detections = lb_smells_detect (s, &options);
  found = evidence_of (detections, "inaccessible-source-missing", NULL, NULL);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_hole_without_gap (void)
{
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LbEvidence *ev;

  remove_result (s, 40);
  detections = detect (s);
  found = evidence_of (detections, "missing-result", NULL, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  ev = g_ptr_array_index (found, 0);
  g_assert_cmpint (ev->model_id, ==, 20);
  g_assert_cmpint (ev->benchmark_id, ==, 10);
  g_assert_cmpint (ev->import_id, ==, 0);
  g_assert_nonnull (strstr (ev->message, "no imported file"));
}

static void
test_detections_in_catalogue_order (void)
{
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;

  fire_no_purpose (s);
  fire_unconfirmed (s);
  fire_failed_import (s);
  detections = detect (s);
  /* missing/task, missing/metric, confusing/metric, unresponsive/submission */
  g_assert_cmpuint (detections->len, ==, 4);
  for (guint i = 1; i < detections->len; i++)
    {
      LbDetection *a = g_ptr_array_index (detections, i - 1);
      LbDetection *b = g_ptr_array_index (detections, i);

      g_assert_true (a->smell < b->smell || (a->smell == b->smell && a->component < b->component));
    }
  g_assert_nonnull (lb_detections_find (detections, LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_METRIC));
  g_assert_null (lb_detections_find (detections, LB_SMELL_MISSING, LB_COMPONENT_MODEL));
}

/* ---- catalogue ---- */

static void
test_catalogue (void)
{
  static const char * const smell_ids[] = {
    "confusing", "deprecated", "inaccessible", "misdisplayed", "mismatched", "missing",
    "redundant", "unresponsive",
  };
  static const char * const component_ids[] = {
    "benchmark-dataset", "benchmark-task", "benchmark-metric", "benchmark-protocol",
    "evaluation-harness", "evaluation-score", "model", "ranking-dataframe", "submission-channel",
  };

  g_assert_cmpuint (G_N_ELEMENTS (smell_ids), ==, LB_N_SMELLS);
  g_assert_cmpuint (G_N_ELEMENTS (component_ids), ==, LB_N_COMPONENTS);
  for (guint i = 0; i < LB_N_SMELLS; i++)
    {
      LbSmellKind kind;

      g_assert_cmpstr (lb_smell_kind_to_string (i), ==, smell_ids[i]);
      g_assert_true (lb_smell_kind_from_string (smell_ids[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpuint (strlen (lb_smell_kind_label (i)), >, 5);
      g_assert_cmpuint (strlen (lb_smell_kind_explanation (i)), >, 20);
      g_assert_cmpuint (strlen (lb_smell_kind_look_for (i)), >, 20);
      g_assert_cmpuint (strlen (lb_smell_kind_action (i)), >, 20);
    }
  for (guint i = 0; i < LB_N_COMPONENTS; i++)
    {
      LbComponent component;

      g_assert_cmpstr (lb_component_to_string (i), ==, component_ids[i]);
      g_assert_true (lb_component_from_string (component_ids[i], &component));
      g_assert_cmpint (component, ==, i);
      g_assert_cmpuint (strlen (lb_component_label (i)), >, 3);
      g_assert_cmpuint (strlen (lb_component_explanation (i)), >, 10);
    }
  g_assert_false (lb_smell_kind_from_string ("smelly", NULL));
  g_assert_false (lb_component_from_string (NULL, NULL));
  g_assert_cmpstr (lb_smell_status_to_string (LB_SMELL_STATUS_ACCEPTED), ==, "accepted");
  g_assert_cmpstr (lb_smell_status_label (LB_SMELL_STATUS_ACCEPTED), ==, "Accepted risk");
}

/* ---- verdict rules ---- */

static LbDetection *
detection_with (const char *const *keys)
{
  LbDetection *d = g_new0 (LbDetection, 1);

  d->smell = LB_SMELL_MISSING;
  d->component = LB_COMPONENT_MODEL;
  d->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_evidence_free);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      LbEvidence *ev = g_new0 (LbEvidence, 1);

      ev->kind = LB_EVIDENCE_MODEL;
      ev->check = g_strdup ("missing-model-version");
      ev->key = g_strdup (keys[i]);
      ev->message = g_strdup_printf ("Message about %s.", keys[i]);
      g_ptr_array_add (d->evidence, ev);
    }
  return d;
}

static void
test_verdict_detection_suggests_present (void)
{
  static const char * const keys[] = { "missing-model-version|model|A", NULL };
  g_autoptr(LbDetection) d = detection_with (keys);
  g_autoptr(LbSmell) item = lb_smell_apply_detection (NULL, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d);
  g_autoptr(LbSmell) gone = NULL;
  g_autoptr(LbSmell) nothing = NULL;

  g_assert_cmpstr (item->smell, ==, "missing");
  g_assert_cmpstr (item->component, ==, "model");
  g_assert_cmpstr (item->status, ==, "present");
  g_assert_true (item->detected);
  g_assert_false (item->needs_review);
  g_assert_null (item->reviewer);
  g_assert_cmpstr (item->evidence, ==, "Message about missing-model-version|model|A. [missing-model-version|model|A]");

  /* Without a verdict the status follows the checks back to unchecked. */
  gone = lb_smell_apply_detection (item, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, NULL);
  g_assert_cmpstr (gone->status, ==, "unchecked");
  g_assert_false (gone->detected);
  g_assert_null (gone->evidence);

  nothing = lb_smell_apply_detection (NULL, 1, LB_SMELL_REDUNDANT, LB_COMPONENT_MODEL, NULL);
  g_assert_cmpstr (nothing->status, ==, "unchecked");
  g_assert_cmpstr (nothing->smell, ==, "redundant");
  g_assert_cmpint (nothing->leaderboard_id, ==, 1);
}

static void
test_evidence_display (void)
{
  g_autoptr(LbSmell) item = g_new0 (LbSmell, 1);
  g_autofree char *shown = NULL;

  item->evidence = g_strdup ("Model “Foo [beta]” has no version. [missing-model-version|model|Foo [beta]]\n"
                             "A line [without] a key\n"
                             "No result for “A” on “B”. [missing-result|cell|A|B]");
  shown = lb_smell_evidence_display (item);
  g_assert_cmpstr (shown, ==, "Model “Foo [beta]” has no version.\n"
                              "A line [without] a key\n"
                              "No result for “A” on “B”.");
  g_free (item->evidence);
  item->evidence = g_strdup ("");
  g_assert_null (lb_smell_evidence_display (item));
}

static void
test_verdict_never_overwritten (void)
{
  static const char * const one[] = { "k|model|A", NULL };
  static const char * const two[] = { "k|model|A", "k|model|B", NULL };
  g_autoptr(LbDetection) d1 = detection_with (one);
  g_autoptr(LbDetection) d2 = detection_with (two);
  g_autoptr(LbSmell) detected = lb_smell_apply_detection (NULL, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d1);
  g_autoptr(LbSmell) verdict = lb_smell_apply_verdict (detected, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                                       LB_SMELL_STATUS_ACCEPTED, "Vendor gives no versions.",
                                                       "Sato", "2026-11-28T03:00:00Z");
  g_autoptr(LbSmell) same = NULL;
  g_autoptr(LbSmell) more = NULL;
  g_autoptr(LbSmell) again = NULL;
  g_autoptr(LbSmell) cleared = NULL;

  g_assert_cmpstr (verdict->status, ==, "accepted");
  g_assert_cmpstr (verdict->reviewer, ==, "Sato");
  g_assert_cmpstr (verdict->note, ==, "Vendor gives no versions.");
  g_assert_cmpstr (verdict->checked_at, ==, "2026-11-28T03:00:00Z");
  g_assert_true (lb_smell_has_verdict (verdict));

  /* The same evidence again: nothing to look at. */
  same = lb_smell_apply_detection (verdict, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d1);
  g_assert_cmpstr (same->status, ==, "accepted");
  g_assert_false (same->needs_review);
  g_assert_cmpstr (same->note, ==, "Vendor gives no versions.");

  /* New evidence: the verdict stays, the item is flagged. */
  more = lb_smell_apply_detection (same, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d2);
  g_assert_cmpstr (more->status, ==, "accepted");
  g_assert_cmpstr (more->reviewer, ==, "Sato");
  g_assert_true (more->needs_review);
  g_assert_nonnull (strstr (more->evidence, "[k|model|B]"));

  /* The flag stays until a reviewer looks, even when the run sees nothing new. */
  again = lb_smell_apply_detection (more, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d2);
  g_assert_true (again->needs_review);
  cleared = lb_smell_apply_verdict (again, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                    LB_SMELL_STATUS_PRESENT, NULL, "Tanaka", "2026-11-29T01:00:00Z");
  g_assert_false (cleared->needs_review);
  g_assert_cmpstr (cleared->status, ==, "present");
  g_assert_null (cleared->note);
  g_assert_cmpstr (cleared->evidence, ==, again->evidence);
}

static void
test_verdict_absent_then_evidence (void)
{
  static const char * const one[] = { "k|model|A", NULL };
  g_autoptr(LbDetection) d1 = detection_with (one);
  g_autoptr(LbSmell) absent = lb_smell_apply_verdict (NULL, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                                      LB_SMELL_STATUS_ABSENT, "Checked by hand.", "Sato",
                                                      "2026-11-01T00:00:00Z");
  g_autoptr(LbSmell) quiet = lb_smell_apply_detection (absent, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, NULL);
  g_autoptr(LbSmell) found = NULL;
  g_autoptr(LbSmell) gone = NULL;

  g_assert_cmpstr (quiet->status, ==, "absent");
  g_assert_false (quiet->needs_review);
  found = lb_smell_apply_detection (quiet, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d1);
  g_assert_cmpstr (found->status, ==, "absent");
  g_assert_true (found->detected);
  g_assert_true (found->needs_review);
  gone = lb_smell_apply_detection (found, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, NULL);
  g_assert_cmpstr (gone->status, ==, "absent");
  g_assert_false (gone->detected);
  g_assert_true (gone->needs_review);

  /* A verdict without a reviewer's name (an unnamed account) is still a verdict. */
  {
    g_autoptr(LbSmell) anonymous = lb_smell_apply_verdict (NULL, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                                           LB_SMELL_STATUS_ABSENT, NULL, "", "2026-11-02T00:00:00Z");
    g_autoptr(LbSmell) rerun = lb_smell_apply_detection (anonymous, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d1);

    g_assert_null (anonymous->reviewer);
    g_assert_true (lb_smell_has_verdict (anonymous));
    g_assert_cmpstr (rerun->status, ==, "absent");
    g_assert_true (rerun->needs_review);
  }

  /* A reviewer who sets "unchecked" gives no verdict: the checks lead again. */
  {
    g_autoptr(LbSmell) reset = lb_smell_apply_verdict (gone, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                                       LB_SMELL_STATUS_UNCHECKED, NULL, "Sato", NULL);
    g_autoptr(LbSmell) rerun = lb_smell_apply_detection (reset, 1, LB_SMELL_MISSING, LB_COMPONENT_MODEL, d1);

    g_assert_false (lb_smell_has_verdict (reset));
    g_assert_cmpstr (rerun->status, ==, "present");
    g_assert_false (rerun->needs_review);
  }
}

static LbSmell *
stored_row (const char *smell, const char *component, const char *status, gboolean needs_review)
{
  LbSmell *row = g_new0 (LbSmell, 1);

  row->leaderboard_id = 1;
  row->smell = g_strdup (smell);
  row->component = g_strdup (component);
  row->status = g_strdup (status);
  row->needs_review = needs_review;
  row->detected = g_strcmp0 (status, "present") == 0;
  return row;
}

static void
test_checklist_and_counts (void)
{
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_smell_free);
  g_autoptr(GPtrArray) list = NULL;
  LbSmellCounts counts, again;
  LbSmell *first, *last;

  g_ptr_array_add (stored, stored_row ("missing", "model", "present", FALSE));
  g_ptr_array_add (stored, stored_row ("missing", "benchmark-metric", "present", FALSE));
  g_ptr_array_add (stored, stored_row ("redundant", "model", "mitigated", FALSE));
  g_ptr_array_add (stored, stored_row ("confusing", "benchmark-task", "absent", TRUE));
  g_ptr_array_add (stored, stored_row ("unresponsive", "submission-channel", "accepted", FALSE));
  g_ptr_array_add (stored, stored_row ("missing", NULL, "present", FALSE));  /* from an LBOM */

  list = lb_smell_checklist (stored, 1);
  g_assert_cmpuint (list->len, ==, LB_N_SMELLS * LB_N_COMPONENTS + 1);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpstr (first->smell, ==, "confusing");
  g_assert_cmpstr (first->component, ==, "benchmark-dataset");
  g_assert_cmpstr (first->status, ==, "unchecked");
  last = g_ptr_array_index (list, LB_SMELL_MISSING * LB_N_COMPONENTS + LB_N_COMPONENTS);
  g_assert_cmpstr (last->smell, ==, "missing");
  g_assert_null (last->component);

  lb_smell_count (list, &counts);
  g_assert_cmpuint (counts.total, ==, 73);
  g_assert_cmpuint (counts.present, ==, 3);
  g_assert_cmpuint (counts.mitigated, ==, 1);
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_cmpuint (counts.accepted, ==, 1);
  g_assert_cmpuint (counts.unchecked, ==, 67);
  g_assert_cmpuint (counts.needs_review, ==, 1);
  g_assert_cmpuint (counts.detected, ==, 3);
  g_assert_cmpuint (counts.attention, ==, 4);

  /* The stored rows alone count the same: the badge and the report agree. */
  lb_smell_count (stored, &again);
  g_assert_cmpmem (&counts, sizeof counts, &again, sizeof again);
}


/* ---- with the store ---- */

typedef struct {
  LbStore *store;
  gint64   lb;
  gint64   llama, qwen, mmlu, gsm8k;
} StoreFixture;

static guint
count_audit (LbStore *store, gint64 lb, const char *field_suffix)
{
  g_autoptr(GPtrArray) entries = lb_store_list_audit (store, lb, 0, NULL);
  guint n = 0;

  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      LbAuditEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->entity, "smell") == 0
          && (field_suffix == NULL || g_str_has_suffix (e->field, field_suffix)))
        n++;
    }
  return n;
}

static void
store_fixture_set_up (StoreFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  LbBenchmark init = { 0 };
  LbModel minit = { 0 };
  gint64 import_id;
  struct { gint64 *model; gint64 *benchmark; double score; } cells[] = {
    { &fx->llama, &fx->mmlu, 86.0 }, { &fx->qwen, &fx->mmlu, 85.3 },
    { &fx->llama, &fx->gsm8k, 93.0 }, { &fx->qwen, &fx->gsm8k, 91.6 },
  };

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  fx->store = lb_store_open (":memory:", &error);
  g_assert_no_error (error);
  lb_store_set_user (fx->store, "Tester");
  fx->lb = lb_store_create_leaderboard (fx->store, "Chatbot", &error);
  g_assert_no_error (error);
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_PURPOSE, "Pick the chatbot model.", NULL));
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_OWNER, "Sato", NULL));
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "90", NULL));
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_EVALUATION_DATA, "MMLU and GSM8K from the model cards.", NULL));
  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, LB_LEADERBOARD_FIELD_PROCEDURE, "Copied from the cards.", NULL));

  init.metric = "accuracy";
  init.unit = "%";
  init.higher_is_better = TRUE;
  init.description = "A test.";
  fx->mmlu = lb_store_ensure_benchmark (fx->store, fx->lb, "MMLU", &init, NULL, &error);
  fx->gsm8k = lb_store_ensure_benchmark (fx->store, fx->lb, "GSM8K", &init, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_store_set_benchmark_field (fx->store, fx->mmlu, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, "true", NULL));
  g_assert_true (lb_store_set_benchmark_field (fx->store, fx->gsm8k, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, "true", NULL));

  minit.version = "3.1";
  minit.provenance_url = "https://huggingface.co/meta-llama";
  fx->llama = lb_store_ensure_model (fx->store, fx->lb, "Llama 3.1 70B", &minit, NULL, &error);
  minit.version = NULL;  /* the one thing that smells */
  minit.provenance_url = "https://huggingface.co/Qwen";
  fx->qwen = lb_store_ensure_model (fx->store, fx->lb, "Qwen2.5 72B", &minit, NULL, &error);
  g_assert_no_error (error);

  import->leaderboard_id = fx->lb;
  import->file_name = g_strdup ("scores.csv");
  import->sha256 = g_strdup ("aaaa");
  import->layout = g_strdup ("wide");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_assert_true (lb_store_begin (fx->store, &error));
  import_id = lb_store_add_import (fx->store, import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      LbResult r = { 0 };

      r.leaderboard_id = fx->lb;
      r.model_id = *cells[i].model;
      r.benchmark_id = *cells[i].benchmark;
      r.score = cells[i].score;
      r.raw = g_strdup_printf ("%.1f", cells[i].score);
      r.evaluated_at = "2026-11-01";
      r.import_id = import_id;
      r.source_row = 2 + i % 2;
      r.source_column = 2 + i / 2;
      g_assert_cmpint (lb_store_add_result (fx->store, &r, &error), >, 0);
      g_free (r.raw);
    }
  g_assert_true (lb_store_finish_import (fx->store, import_id, 3, 4, &error));
  g_assert_true (lb_store_commit (fx->store, &error));
  g_assert_no_error (error);
}

static void
store_fixture_tear_down (StoreFixture *fx, gconstpointer data)
{
  g_clear_object (&fx->store);
}

static LbSmell *
checklist_item (GPtrArray *checklist, const char *smell, const char *component)
{
  for (guint i = 0; i < checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (checklist, i);

      if (g_strcmp0 (item->smell, smell) == 0 && g_strcmp0 (item->component, component) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static void
test_store_run_and_verdicts (StoreFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(LbSmell) verdict = NULL;
  LbSmellCounts counts, stored_counts;
  LbSmell *item;
  guint audited;

  checklist = lb_smells_run (fx->store, fx->lb, NULL, &snapshot, &detections, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checklist->len, ==, 72);
  g_assert_cmpuint (snapshot->results->len, ==, 4);
  /* Only the model without version smells. */
  g_assert_cmpuint (detections->len, ==, 1);
  item = checklist_item (checklist, "missing", "model");
  g_assert_cmpstr (item->status, ==, "present");
  g_assert_true (item->detected);
  g_assert_nonnull (strstr (item->evidence, "[missing-model-version|model|Qwen2.5 72B]"));
  g_assert_cmpint (item->id, >, 0);
  g_assert_cmpuint (count_audit (fx->store, fx->lb, "missing/model.status"), ==, 1);
  g_assert_true (lb_smells_count_stored (fx->store, fx->lb, &stored_counts, &error));
  lb_smell_count (checklist, &counts);
  g_assert_cmpmem (&counts, sizeof counts, &stored_counts, sizeof stored_counts);
  g_assert_cmpuint (counts.present, ==, 1);
  g_assert_cmpuint (counts.attention, ==, 1);

  /* A reviewer's verdict, audited. */
  verdict = lb_smells_set_verdict (fx->store, fx->lb, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                   LB_SMELL_STATUS_ACCEPTED, "The vendor gives no version.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (verdict->reviewer, ==, "Tester");
  g_assert_cmpstr (verdict->checked_at, ==, "2026-11-28T03:00:00Z");
  g_assert_cmpuint (count_audit (fx->store, fx->lb, "missing/model.status"), ==, 2);
  g_assert_cmpuint (count_audit (fx->store, fx->lb, "missing/model.note"), ==, 1);

  /* Running again changes nothing and writes nothing. */
  audited = count_audit (fx->store, fx->lb, NULL);
  g_clear_pointer (&checklist, g_ptr_array_unref);
  checklist = lb_smells_run (fx->store, fx->lb, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  item = checklist_item (checklist, "missing", "model");
  g_assert_cmpstr (item->status, ==, "accepted");
  g_assert_false (item->needs_review);
  g_assert_cmpuint (count_audit (fx->store, fx->lb, NULL), ==, audited);

  /* New evidence: the verdict stays, the item is flagged. */
  g_assert_true (lb_store_set_model_field (fx->store, fx->llama, LB_MODEL_FIELD_VERSION, NULL, &error));
  g_clear_pointer (&checklist, g_ptr_array_unref);
  checklist = lb_smells_run (fx->store, fx->lb, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  item = checklist_item (checklist, "missing", "model");
  g_assert_cmpstr (item->status, ==, "accepted");
  g_assert_cmpstr (item->note, ==, "The vendor gives no version.");
  g_assert_true (item->needs_review);
  g_assert_cmpuint (count_audit (fx->store, fx->lb, "missing/model.needs_review"), ==, 1);
  g_assert_true (lb_smells_count_stored (fx->store, fx->lb, &stored_counts, &error));
  g_assert_cmpuint (stored_counts.needs_review, ==, 1);
  g_assert_cmpuint (stored_counts.attention, ==, 1);

  /* A new look clears the flag; the evidence going away keeps the verdict. */
  g_clear_pointer (&verdict, lb_smell_free);
  verdict = lb_smells_set_verdict (fx->store, fx->lb, LB_SMELL_MISSING, LB_COMPONENT_MODEL,
                                   LB_SMELL_STATUS_MITIGATED, "Asked both vendors.", &error);
  g_assert_false (verdict->needs_review);
  g_assert_true (lb_store_set_model_field (fx->store, fx->llama, LB_MODEL_FIELD_VERSION, "3.1", &error));
  g_assert_true (lb_store_set_model_field (fx->store, fx->qwen, LB_MODEL_FIELD_VERSION, "2.5", &error));
  g_clear_pointer (&checklist, g_ptr_array_unref);
  checklist = lb_smells_run (fx->store, fx->lb, NULL, NULL, NULL, &error);
  item = checklist_item (checklist, "missing", "model");
  g_assert_cmpstr (item->status, ==, "mitigated");
  g_assert_false (item->detected);
  g_assert_null (item->evidence);
  g_assert_false (item->needs_review);
}

static void
test_store_text_and_json (StoreFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *smells;
  JsonObject *missing_result = NULL;

  g_assert_true (lb_store_set_model_field (fx->store, fx->qwen, LB_MODEL_FIELD_VERSION, "2.5", &error));
  /* A hole at Qwen × GSM8K: delete nothing, add a model with one result only. */
  {
    gint64 gemma = lb_store_ensure_model (fx->store, fx->lb, "Gemma 2 27B", NULL, NULL, &error);

    g_assert_true (lb_store_set_model_field (fx->store, gemma, LB_MODEL_FIELD_VERSION, "2", &error));
    g_assert_true (lb_store_set_model_field (fx->store, gemma, LB_MODEL_FIELD_PROVENANCE_URL, "https://ai.google.dev/gemma", &error));
  }
  checklist = lb_smells_run (fx->store, fx->lb, NULL, &snapshot, &detections, &error);
  g_assert_no_error (error);

  text = lb_smells_format_text (snapshot, checklist, detections, "2026-11-28T03:00:00Z");
  g_assert_nonnull (strstr (text, "Leaderboard smells of “Chatbot”, checked on 2026-11-28\n"));
  g_assert_nonnull (strstr (text, "Present: 1 · Unchecked: 71"));
  g_assert_nonnull (strstr (text, "\nMissing entity\n"));
  g_assert_nonnull (strstr (text, "  Ranking table: Present (detected)\n    - No result for “Gemma 2 27B” on “MMLU”"));
  g_assert_nonnull (strstr (text, "  Model: Unchecked\n"));

  json = lb_smells_to_json (snapshot, checklist, detections, "2026-11-28");
  root = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (root, "leaderboard"), ==, "Chatbot");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "present"), ==, 1);
  smells = json_object_get_array_member (root, "smells");
  g_assert_cmpuint (json_array_get_length (smells), ==, 72);
  for (guint i = 0; i < json_array_get_length (smells); i++)
    {
      JsonObject *o = json_array_get_object_element (smells, i);

      if (g_strcmp0 (json_object_get_string_member (o, "smell"), "missing") == 0
          && g_strcmp0 (json_object_get_string_member (o, "component"), "ranking-dataframe") == 0)
        missing_result = o;
    }
  g_assert_nonnull (missing_result);
  g_assert_cmpstr (json_object_get_string_member (missing_result, "status"), ==, "present");
  g_assert_true (json_object_get_boolean_member (missing_result, "detected"));
  {
    JsonArray *evidence = json_object_get_array_member (missing_result, "evidence");
    JsonObject *ev;

    g_assert_cmpuint (json_array_get_length (evidence), ==, 2);
    ev = json_array_get_object_element (evidence, 0);
    g_assert_cmpstr (json_object_get_string_member (ev, "check"), ==, "missing-result");
    g_assert_cmpstr (json_object_get_string_member (ev, "target"), ==, "cell");
    g_assert_cmpstr (json_object_get_string_member (ev, "model"), ==, "Gemma 2 27B");
    g_assert_cmpstr (json_object_get_string_member (ev, "benchmark"), ==, "MMLU");
    g_assert_true (json_object_get_null_member (ev, "cell"));
  }
}

/* ---- leaderboard-cli smells, end to end ---- */

typedef struct {
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
cli (const char *db, CliRun *run, const char *first, ...)
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
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_cli_smells (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "import", "wide-cp932.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  JsonObject *root;
  JsonArray *smells;
  gboolean found_cell = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  cli (db, &run, "import", csv, "--leaderboard", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);

  /* Smells are present, and that is not an error. */
  cli (db, &run, "smells", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Leaderboard smells of “Vendors”, checked on 2026-11-28\n"));
  g_assert_nonnull (strstr (run.out, "\nMissing entity\n"));
  g_assert_nonnull (strstr (run.out, "    - No result for “ELYZA-japanese” on “JMMLU” (wide-cp932.csv, cell E5): "
                                     "The cell holds only a dash, which marks a missing value.\n"));
  g_assert_nonnull (strstr (run.out, "  Evaluation harness: Unchecked\n"));
  cli_run_clear (&run);

  cli (db, &run, "smells", "Vendors", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "leaderboard"), ==, "Vendors");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "total"), ==, 72);
  smells = json_object_get_array_member (root, "smells");
  g_assert_cmpuint (json_array_get_length (smells), ==, 72);
  for (guint i = 0; i < json_array_get_length (smells); i++)
    {
      JsonArray *evidence = json_object_get_array_member (json_array_get_object_element (smells, i), "evidence");

      for (guint k = 0; k < json_array_get_length (evidence); k++)
        {
          JsonObject *ev = json_array_get_object_element (evidence, k);

          if (g_strcmp0 (json_object_get_string_member (ev, "check"), "missing-result") == 0
              && g_strcmp0 (json_object_get_string_member (ev, "cell"), "E5") == 0)
            {
              g_assert_cmpstr (json_object_get_string_member (ev, "model"), ==, "ELYZA-japanese");
              g_assert_cmpstr (json_object_get_string_member (ev, "benchmark"), ==, "JMMLU");
              g_assert_cmpint (json_object_get_int_member (ev, "row"), ==, 5);
              g_assert_cmpint (json_object_get_int_member (ev, "column"), ==, 5);
              found_cell = TRUE;
            }
        }
    }
  g_assert_true (found_cell);
  cli_run_clear (&run);

  cli (db, &run, "smells", "Nobody", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No leaderboard named “Nobody”"));
  g_assert_cmpstr (run.out, ==, "");
  cli_run_clear (&run);

  cli (db, &run, "smells", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* ---- the checks hold no write lock while they compute ---- */

typedef struct {
  const char *db;
  const char *csv;
  guint       writes;
} WriterBeside;

/* At each stage of the run, another process (the CLI) imports into the same database: the
 * run must leave it free to write. Before, the whole run held BEGIN IMMEDIATE and the import
 * failed "in use" after the busy timeout. */
static void
write_beside (LbSmellsRunStage stage,
              gpointer         data)
{
  WriterBeside *w = data;
  g_autofree char *name = g_strdup_printf ("Beside %u", w->writes);
  g_auto(CliRun) run = { 0 };

  cli (w->db, &run, "import", w->csv, "--leaderboard", name, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  w->writes++;
}

static void
test_run_leaves_writers_free (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "beside", NULL);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "import", "wide-cp932.csv", NULL);
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) leaderboards = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  WriterBeside w = { db, csv, 0 };
  LbSmellCounts counts;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  cli (db, &run, "import", csv, "--leaderboard", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);

  store = lb_store_open (db, &error);
  g_assert_no_error (error);
  lb = lb_store_find_leaderboard (store, "Vendors", &error);
  g_assert_no_error (error);
  lb_smells_run_set_test_hook (write_beside, &w);
  checklist = lb_smells_run (store, lb->id, NULL, NULL, NULL, &error);
  lb_smells_run_set_test_hook (NULL, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (checklist);
  g_assert_cmpuint (w.writes, ==, 2);

  /* Both imports beside it landed, and the run's own verdict merge too. */
  leaderboards = lb_store_list_leaderboards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaderboards->len, ==, 3);
  g_assert_true (lb_smells_count_stored (store, lb->id, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.detected, >, 0);
}

/* ---- bounded memory: 16,384 identical columns ---- */

static void
limit_memory (gpointer data)
{
  /* 1 GiB of address space: before, the checks kept every identical pair (134 million)
   * and grew past 9 GB. Not under the sanitizers, which reserve far more. */
  struct rlimit limit = { (rlim_t) 1 << 30, (rlim_t) 1 << 30 };

  if (g_getenv ("LB_CLI_REAL") == NULL)
    setrlimit (RLIMIT_AS, &limit);
}

static void
test_identical_columns_bounded (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "columns", NULL);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "copies.csv", NULL);
  g_autoptr(GString) text = g_string_new ("model");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  const guint n_columns = 16383;  /* with the model column, the 16,384 a sheet may have */
  JsonArray *smells;
  JsonArray *evidence = NULL;
  JsonObject *last;
  g_autofree char *more = NULL;
  const char *argv[] = { g_getenv ("LEADERBOARD_CLI"), "--db", db, "smells", "Copies", "--json", NULL };
  int wait_status = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  /* About 200 KB: three models with the same value in every column. */
  for (guint k = 0; k < n_columns; k++)
    g_string_append_printf (text, ",B%u", k + 1);
  g_string_append (text, "\r\n");
  for (guint m = 0; m < 3; m++)
    {
      g_string_append_printf (text, "Model %c", 'A' + m);
      for (guint k = 0; k < n_columns; k++)
        g_string_append_printf (text, ",%u", 5 + m);
      g_string_append (text, "\r\n");
    }
  g_assert_true (g_file_set_contents (csv, text->str, text->len, &error));
  g_assert_no_error (error);
  cli (db, &run, "import", csv, "--leaderboard", "Copies", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_memory, NULL,
                               &run.out, &run.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  smells = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "smells");
  for (guint i = 0; i < json_array_get_length (smells); i++)
    {
      JsonObject *item = json_array_get_object_element (smells, i);

      if (g_strcmp0 (json_object_get_string_member (item, "smell"), "redundant") == 0
          && g_strcmp0 (json_object_get_string_member (item, "component"), "ranking-dataframe") == 0)
        evidence = json_object_get_array_member (item, "evidence");
    }
  g_assert_nonnull (evidence);
  /* Each copy once against the first column, capped, and the rest counted. */
  g_assert_cmpuint (json_array_get_length (evidence), ==, LB_SMELL_MAX_EVIDENCE + 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (evidence, 0), "message"), ==,
                   "Benchmark “B2” has exactly the same values as “B1” for all 3 models: probably a "
                   "copied column. Check the source and remove one.");
  last = json_array_get_object_element (evidence, LB_SMELL_MAX_EVIDENCE);
  g_assert_cmpstr (json_object_get_string_member (last, "check"), ==, "more-evidence");
  more = g_strdup_printf ("… and %u more findings of this kind", n_columns - 1 - LB_SMELL_MAX_EVIDENCE);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (last, "message"), more));
}

/* The clean snapshot with @n more models, each with one MMLU result evaluated long ago. */
static LbSmellSnapshot *
snapshot_with_many_old_results (guint n)
{
  LbSmellSnapshot *s = clean_snapshot ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Model %05u", i);

      g_ptr_array_add (s->models, mk_model (1000 + i, name, "1", "https://example.com/m"));
      g_ptr_array_add (s->results, mk_result (100000 + i, 1000 + i, 10, 50.0, "50.0", "2020-01-01",
                                              4 + i, 2));
    }
  return s;
}

/* The cap holds for the checks that find one item per result, too. */
static void
test_evidence_capped (void)
{
  g_autoptr(LbSmellSnapshot) s = snapshot_with_many_old_results (1000);
  g_autoptr(GPtrArray) detections = detect (s);
  LbDetection *d = lb_detections_find (detections, LB_SMELL_DEPRECATED, LB_COMPONENT_EVALUATION_SCORE);
  LbEvidence *last;

  g_assert_nonnull (d);
  g_assert_cmpuint (d->evidence->len, ==, LB_SMELL_MAX_EVIDENCE + 1);
  last = g_ptr_array_index (d->evidence, LB_SMELL_MAX_EVIDENCE);
  g_assert_cmpstr (last->check, ==, "more-evidence");
  g_assert_cmpstr (last->key, ==, "more-evidence|deprecated|evaluation-score|800");
}

/* 300 spellings of one model: 89,700 ordered pairs, of which the first 200 are kept. */
static void
test_same_names_capped (void)
{
  g_autoptr(LbSmellSnapshot) s = clean_snapshot ();
  g_autoptr(GPtrArray) detections = NULL;
  LbDetection *d;
  LbEvidence *last;

  for (guint i = 0; i < 300; i++)
    g_ptr_array_add (s->models, mk_model (1000 + i, i % 2 == 0 ? "Same Model" : "same-model", "1",
                                          "https://example.com/m"));
  detections = detect (s);
  d = lb_detections_find (detections, LB_SMELL_REDUNDANT, LB_COMPONENT_MODEL);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->evidence->len, ==, LB_SMELL_MAX_EVIDENCE + 1);
  last = g_ptr_array_index (d->evidence, LB_SMELL_MAX_EVIDENCE);
  g_assert_cmpstr (last->key, ==, "more-evidence|redundant|model|89500");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/smells/catalogue", test_catalogue);
  g_test_add_func ("/smells/check/clean-snapshot", test_clean);
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_autofree char *fires = g_strdup_printf ("/smells/check/%s/fires-%u", check_cases[i].check, i);
      g_autofree char *quiet = g_strdup_printf ("/smells/check/%s/quiet-%u", check_cases[i].check, i);

      g_test_add_data_func (fires, &check_cases[i], test_check_fires);
      if (check_cases[i].quiet != NULL)
        g_test_add_data_func (quiet, &check_cases[i], test_check_quiet);
    }
  g_test_add_func ("/smells/check/older-version-rule", test_older_version_rule);
  g_test_add_func ("/smells/check/generic-headers", test_generic_headers);
  g_test_add_func ("/smells/check/max-age-option", test_max_age_option);
  g_test_add_func ("/smells/check/files-not-checked", test_files_not_checked);
  g_test_add_func ("/smells/check/hole-without-gap", test_hole_without_gap);
  g_test_add_func ("/smells/detections/catalogue-order", test_detections_in_catalogue_order);
  g_test_add_func ("/smells/verdict/detection-suggests-present", test_verdict_detection_suggests_present);
  g_test_add_func ("/smells/verdict/never-overwritten", test_verdict_never_overwritten);
  g_test_add_func ("/smells/evidence/display", test_evidence_display);
  g_test_add_func ("/smells/verdict/absent-then-evidence", test_verdict_absent_then_evidence);
  g_test_add_func ("/smells/checklist/counts", test_checklist_and_counts);
  g_test_add ("/smells/store/run-and-verdicts", StoreFixture, NULL, store_fixture_set_up,
              test_store_run_and_verdicts, store_fixture_tear_down);
  g_test_add ("/smells/store/text-and-json", StoreFixture, NULL, store_fixture_set_up,
              test_store_text_and_json, store_fixture_tear_down);
  g_test_add_func ("/smells/cli/smells", test_cli_smells);
  g_test_add_func ("/smells/store/run-leaves-writers-free", test_run_leaves_writers_free);
  g_test_add_func ("/smells/cli/identical-columns-bounded", test_identical_columns_bounded);
  g_test_add_func ("/smells/check/evidence-capped", test_evidence_capped);
  g_test_add_func ("/smells/check/same-names-capped", test_same_names_capped);
  return g_test_run ();
}
