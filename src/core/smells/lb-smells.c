/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells.c: the smell catalogue, the automatic checks and the verdict rules */

#define G_LOG_DOMAIN "lb-smells"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lb-smells.h"
#include "lb-value.h"
#include "lb-cell-ref.h"

/* ---------------------------------------------------------------------------------------------
 * Catalogue
 * ------------------------------------------------------------------------------------------- */

static const struct {
  const char *id;
  const char *label;
  const char *explanation;
  const char *look_for;
  const char *action;
} smells[LB_N_SMELLS] = {
  [LB_SMELL_CONFUSING] = {
    "confusing",
    N_("Confusing entity"),
    N_("Something is described so unclearly that readers cannot tell what it means or how it "
       "was measured."),
    N_("Columns called “Score” or “Column1”, benchmarks without a description, numbers without a "
       "unit, no note saying whether higher or lower is better."),
    N_("Give every benchmark a clear name, a one-line description, its unit and its direction, "
       "so that someone outside the team can read the table without asking."),
  },
  [LB_SMELL_DEPRECATED] = {
    "deprecated",
    N_("Deprecated entity"),
    N_("Something outdated or superseded is still shown as if it were current."),
    N_("Results older than the update cadence, benchmarks the field has retired, an old model "
       "version ranked beside its successor, a copy of the table that is no longer updated."),
    N_("Refresh or remove outdated results, mark retired benchmarks, and keep only the model "
       "versions that are still candidates."),
  },
  [LB_SMELL_INACCESSIBLE] = {
    "inaccessible",
    N_("Inaccessible entity"),
    N_("Something the leaderboard relies on exists but cannot be reached now."),
    N_("Model links that are not web addresses or lead nowhere, source spreadsheets that were "
       "moved, renamed or changed after they were imported."),
    N_("Fix the links, keep the source files in a shared place that does not move, and re-import "
       "a file when it has changed."),
  },
  [LB_SMELL_MISDISPLAYED] = {
    "misdisplayed",
    N_("Misdisplayed entity"),
    N_("The data is right but shown in a way that misleads: mixed formats, numbers stored as "
       "text, names cut off."),
    N_("A column mixing “85.3%” with “0.85” or one decimal with four, numbers with thousands "
       "separators or full-width digits, model names too long to read in a table."),
    N_("Use one number format per column in the spreadsheet, store numbers as numbers, and "
       "shorten long names (keep the full name in the notes)."),
  },
  [LB_SMELL_MISMATCHED] = {
    "mismatched",
    N_("Mismatched entity"),
    N_("What the documentation says differs from what the leaderboard actually shows."),
    N_("Benchmarks named in the evaluation data that have no results, results for benchmarks "
       "the documentation never mentions, a column mixing 0–1 and 0–100 values, a result whose "
       "model version differs from the model's."),
    N_("Bring the description and the table back in line: document every benchmark that is "
       "shown, put all values of a column on one scale, and correct wrong versions."),
  },
  [LB_SMELL_MISSING] = {
    "missing",
    N_("Missing entity"),
    N_("Something that should be there is absent: documentation, provenance, results or dates."),
    N_("No purpose, owner, evaluation data or procedure; models without version or source; "
       "benchmarks without metric or confirmed direction; empty cells; results without a date."),
    N_("Fill in the leaderboard details, ask the owner for the missing information, and record "
       "with every result the model version and the evaluation date."),
  },
  [LB_SMELL_REDUNDANT] = {
    "redundant",
    N_("Redundant entity"),
    N_("Something is duplicated without need, which can double-count or confuse."),
    N_("The same model under two spellings, two benchmark columns with identical values, the "
       "same file imported twice."),
    N_("Merge the duplicates: keep one spelling per model, drop the copied column, and delete "
       "the repeated import."),
  },
  [LB_SMELL_UNRESPONSIVE] = {
    "unresponsive",
    N_("Unresponsive entity"),
    N_("Something starts but does not finish or work, leaving the leaderboard incomplete."),
    N_("Imports that failed or were cancelled and were never completed."),
    N_("Read the message of the failed import, fix the file, and import it again."),
  },
};

static const struct {
  const char *id;
  const char *label;
  const char *explanation;
} components[LB_N_COMPONENTS] = {
  [LB_COMPONENT_BENCHMARK_DATASET] = {
    "benchmark-dataset", N_("Benchmark dataset"),
    N_("The data the models were tested on, and the documentation that names it."),
  },
  [LB_COMPONENT_BENCHMARK_TASK] = {
    "benchmark-task", N_("Benchmark task"),
    N_("What the test asks the model to do, and the purpose of the evaluation."),
  },
  [LB_COMPONENT_BENCHMARK_METRIC] = {
    "benchmark-metric", N_("Benchmark metric"),
    N_("How an answer is scored: the metric, its unit, its scale and whether higher is better."),
  },
  [LB_COMPONENT_BENCHMARK_PROTOCOL] = {
    "benchmark-protocol", N_("Benchmark protocol"),
    N_("The settings of the test (shots, prompts) and the procedure to reproduce it."),
  },
  [LB_COMPONENT_EVALUATION_HARNESS] = {
    "evaluation-harness", N_("Evaluation harness"),
    N_("The tool that ran the test."),
  },
  [LB_COMPONENT_EVALUATION_SCORE] = {
    "evaluation-score", N_("Evaluation score"),
    N_("The numbers themselves: their values, scales and dates."),
  },
  [LB_COMPONENT_MODEL] = {
    "model", N_("Model"),
    N_("The models compared, with their versions and the links to where they come from."),
  },
  [LB_COMPONENT_RANKING_DATAFRAME] = {
    "ranking-dataframe", N_("Ranking table"),
    N_("The table that is shown: its columns, cells, formats and freshness."),
  },
  [LB_COMPONENT_SUBMISSION_CHANNEL] = {
    "submission-channel", N_("Submission channel"),
    N_("How results get into the leaderboard: the imported files, who maintains them and how "
       "often."),
  },
};

static const struct {
  const char *id;
  const char *label;
} statuses[LB_N_SMELL_STATUSES] = {
  [LB_SMELL_STATUS_UNCHECKED] = { "unchecked", N_("Unchecked") },
  [LB_SMELL_STATUS_PRESENT] = { "present", N_("Present") },
  [LB_SMELL_STATUS_ABSENT] = { "absent", N_("Absent") },
  [LB_SMELL_STATUS_MITIGATED] = { "mitigated", N_("Mitigated") },
  [LB_SMELL_STATUS_ACCEPTED] = { "accepted", N_("Accepted risk") },
};

const char *
lb_smell_kind_to_string (LbSmellKind kind)
{
  g_return_val_if_fail (kind < LB_N_SMELLS, NULL);
  return smells[kind].id;
}

gboolean
lb_smell_kind_from_string (const char  *id,
                           LbSmellKind *out)
{
  for (guint i = 0; id != NULL && i < LB_N_SMELLS; i++)
    if (strcmp (id, smells[i].id) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lb_smell_kind_label (LbSmellKind kind)
{
  g_return_val_if_fail (kind < LB_N_SMELLS, NULL);
  return _(smells[kind].label);
}

const char *
lb_smell_kind_explanation (LbSmellKind kind)
{
  g_return_val_if_fail (kind < LB_N_SMELLS, NULL);
  return _(smells[kind].explanation);
}

const char *
lb_smell_kind_look_for (LbSmellKind kind)
{
  g_return_val_if_fail (kind < LB_N_SMELLS, NULL);
  return _(smells[kind].look_for);
}

const char *
lb_smell_kind_action (LbSmellKind kind)
{
  g_return_val_if_fail (kind < LB_N_SMELLS, NULL);
  return _(smells[kind].action);
}

const char *
lb_component_to_string (LbComponent component)
{
  g_return_val_if_fail (component < LB_N_COMPONENTS, NULL);
  return components[component].id;
}

gboolean
lb_component_from_string (const char  *id,
                          LbComponent *out)
{
  for (guint i = 0; id != NULL && i < LB_N_COMPONENTS; i++)
    if (strcmp (id, components[i].id) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lb_component_label (LbComponent component)
{
  g_return_val_if_fail (component < LB_N_COMPONENTS, NULL);
  return _(components[component].label);
}

const char *
lb_component_explanation (LbComponent component)
{
  g_return_val_if_fail (component < LB_N_COMPONENTS, NULL);
  return _(components[component].explanation);
}

const char *
lb_smell_status_to_string (LbSmellStatus status)
{
  g_return_val_if_fail (status < LB_N_SMELL_STATUSES, NULL);
  return statuses[status].id;
}

gboolean
lb_smell_status_from_string (const char    *id,
                             LbSmellStatus *out)
{
  for (guint i = 0; id != NULL && i < LB_N_SMELL_STATUSES; i++)
    if (strcmp (id, statuses[i].id) == 0)
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lb_smell_status_label (LbSmellStatus status)
{
  g_return_val_if_fail (status < LB_N_SMELL_STATUSES, NULL);
  return _(statuses[status].label);
}

/* ---------------------------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------------------------- */

LbEvidence *
lb_evidence_copy (const LbEvidence *src)
{
  LbEvidence *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->check = g_strdup (src->check);
  copy->field = g_strdup (src->field);
  copy->key = g_strdup (src->key);
  copy->message = g_strdup (src->message);
  copy->path = g_strdup (src->path);
  return copy;
}

void
lb_evidence_free (LbEvidence *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->check);
  g_free (rec->field);
  g_free (rec->key);
  g_free (rec->message);
  g_free (rec->path);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbEvidence, lb_evidence, lb_evidence_copy, lb_evidence_free)

const char *
lb_evidence_kind_to_string (LbEvidenceKind kind)
{
  switch (kind)
    {
    case LB_EVIDENCE_LEADERBOARD: return "leaderboard";
    case LB_EVIDENCE_BENCHMARK: return "benchmark";
    case LB_EVIDENCE_MODEL: return "model";
    case LB_EVIDENCE_CELL: return "cell";
    case LB_EVIDENCE_IMPORT: return "import";
    default: g_return_val_if_reached (NULL);
    }
}

void
lb_detection_free (LbDetection *detection)
{
  if (detection == NULL)
    return;
  g_clear_pointer (&detection->evidence, g_ptr_array_unref);
  g_free (detection);
}

LbSmellSnapshot *
lb_smell_snapshot_new (LbLeaderboard *leaderboard)
{
  LbSmellSnapshot *snapshot = g_new0 (LbSmellSnapshot, 1);

  snapshot->leaderboard = leaderboard;
  snapshot->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
  snapshot->models = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_model_free);
  snapshot->results = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_result_free);
  snapshot->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_gap_free);
  snapshot->imports = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_import_free);
  return snapshot;
}

void
lb_smell_snapshot_free (LbSmellSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->leaderboard, lb_leaderboard_free);
  g_clear_pointer (&snapshot->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&snapshot->models, g_ptr_array_unref);
  g_clear_pointer (&snapshot->results, g_ptr_array_unref);
  g_clear_pointer (&snapshot->gaps, g_ptr_array_unref);
  g_clear_pointer (&snapshot->imports, g_ptr_array_unref);
  g_free (snapshot);
}

void
lb_smell_options_init (LbSmellOptions *options)
{
  g_return_if_fail (options != NULL);

  options->today = NULL;
  options->max_result_age_days = LB_SMELL_DEFAULT_MAX_RESULT_AGE_DAYS;
  options->check_files = TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Helpers for the checks
 * ------------------------------------------------------------------------------------------- */

typedef struct {
  const LbSmellSnapshot *snapshot;
  const LbSmellOptions  *options;
  GDate                  today;
  GHashTable            *models;        /* id → LbModel* */
  GHashTable            *benchmarks;    /* id → LbBenchmark* */
  GHashTable            *imports;       /* id → LbImport* */
  GHashTable            *current;       /* CellKey* → LbResult* (current ones) */
  GHashTable            *by_benchmark;  /* benchmark id → GPtrArray of its current LbResult* */
  GHashTable            *cell_gaps;     /* CellKey* → the LbGap of the newest live import */
  struct CellKey        *cell_keys;     /* the keys of both, in one block */
  GHashTable            *ranked;        /* model ids with a current result */
  GPtrArray             *found[LB_N_SMELLS][LB_N_COMPONENTS];
  guint                  omitted[LB_N_SMELLS][LB_N_COMPONENTS];  /* evidence over the cap */
} Checks;

#define N_ITEMS(arr) ((arr) != NULL ? (arr)->len : 0u)

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* What sscanf ("%4d-%2d-%2d") reads, without its cost on every result: optional spaces and
 * sign, up to 4 then 2 and 2 digits separated by '-'. */
static gboolean
scan_number (const char **p,
             guint        max_digits,
             int         *out)
{
  const char *q = *p;
  gboolean negative = FALSE;
  guint n = 0;
  int value = 0;

  while (g_ascii_isspace (*q))
    q++;
  if ((*q == '+' || *q == '-') && max_digits > 1)
    {
      negative = *q == '-';
      q++;
      max_digits--;
    }
  for (; n < max_digits && g_ascii_isdigit (*q); n++, q++)
    value = value * 10 + (*q - '0');
  if (n == 0)
    return FALSE;
  *out = negative ? -value : value;
  *p = q;
  return TRUE;
}

static gboolean
scan_iso_date (const char *s,
               int        *y,
               int        *m,
               int        *d)
{
  return scan_number (&s, 4, y) && *s++ == '-' && scan_number (&s, 2, m) && *s++ == '-'
         && scan_number (&s, 2, d);
}

/* "YYYY-MM-DD…" → @out; FALSE when it is not a valid date. */
static gboolean
parse_iso_date (const char *s,
                GDate      *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (s == NULL || !scan_iso_date (s, &y, &m, &d))
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A model × benchmark cell: a hash key without formatting text. */
typedef struct CellKey {
  gint64 model_id;
  gint64 benchmark_id;
} CellKey;

static guint
cell_key_hash (gconstpointer key)
{
  const CellKey *k = key;
  guint64 h = (guint64) k->model_id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ (guint64) k->benchmark_id;

  return (guint) (h ^ (h >> 29));
}

static gboolean
cell_key_equal (gconstpointer a,
                gconstpointer b)
{
  const CellKey *x = a, *y = b;

  return x->model_id == y->model_id && x->benchmark_id == y->benchmark_id;
}

static const char *
model_name (Checks *c,
            gint64  id)
{
  LbModel *model = g_hash_table_lookup (c->models, &id);

  return model != NULL && model->name != NULL ? model->name : "?";
}

static const char *
benchmark_name (Checks *c,
                gint64  id)
{
  LbBenchmark *benchmark = g_hash_table_lookup (c->benchmarks, &id);

  return benchmark != NULL && benchmark->name != NULL ? benchmark->name : "?";
}

/* " (scores.csv, cell D5)", " (results.json, at results.jmmlu."acc,none")" for a value at
 * @path of a result file, or "" for a result typed in by hand. Newly allocated. */
static char *
source_text (Checks     *c,
             gint64      import_id,
             guint       row,
             guint       column,
             const char *path)
{
  LbImport *import;
  g_autofree char *where = NULL;

  if (import_id == 0)
    return g_strdup ("");
  import = g_hash_table_lookup (c->imports, &import_id);
  where = lb_cell_source_text (import_id, import != NULL ? import->file_name : NULL,
                               import != NULL ? import->sheet : NULL, row, column, path);
  return g_strdup_printf (" (%s)", where);
}

static void
add (Checks      *c,
     LbSmellKind  smell,
     LbComponent  component,
     LbEvidence  *evidence)
{
  GPtrArray **slot = &c->found[smell][component];

  if (*slot != NULL && (*slot)->len >= LB_SMELL_MAX_EVIDENCE)
    {
      /* Memory stays bounded whatever the sheet: the rest is counted, not kept. */
      c->omitted[smell][component]++;
      lb_evidence_free (evidence);
      return;
    }
  if (*slot == NULL)
    *slot = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_evidence_free);
  g_ptr_array_add (*slot, evidence);
}

/* Whether @smell × @component holds as much evidence as it keeps: loops that would only add
 * more count it with omit() instead of building it. */
static gboolean
is_full (Checks      *c,
         LbSmellKind  smell,
         LbComponent  component)
{
  return c->found[smell][component] != NULL
         && c->found[smell][component]->len >= LB_SMELL_MAX_EVIDENCE;
}

static void
omit (Checks      *c,
      LbSmellKind  smell,
      LbComponent  component,
      guint        n)
{
  c->omitted[smell][component] = MIN ((guint64) c->omitted[smell][component] + n, G_MAXUINT);
}

/* When @smell × @component is full, counts one more finding and returns TRUE: the caller then
 * skips building its message. */
static gboolean
full_then_omit (Checks      *c,
                LbSmellKind  smell,
                LbComponent  component)
{
  if (!is_full (c, smell, component))
    return FALSE;
  omit (c, smell, component, 1);
  return TRUE;
}

static LbEvidence *
evidence_new (LbEvidenceKind  kind,
              const char     *check,
              const char     *field,
              char           *key,      /* taken */
              char           *message)  /* taken */
{
  LbEvidence *evidence = g_new0 (LbEvidence, 1);

  evidence->kind = kind;
  evidence->check = g_strdup (check);
  evidence->field = g_strdup (field);
  evidence->key = key;
  evidence->message = message;
  return evidence;
}

static void
add_leaderboard (Checks      *c,
                 LbSmellKind  smell,
                 LbComponent  component,
                 const char  *check,
                 const char  *field,
                 const char  *key_detail,
                 char        *message)
{
  char *key = g_strdup_printf ("%s|leaderboard|%s%s%s", check, field,
                               key_detail != NULL ? "|" : "", key_detail != NULL ? key_detail : "");

  add (c, smell, component, evidence_new (LB_EVIDENCE_LEADERBOARD, check, field, key, message));
}

static void
add_model (Checks        *c,
           LbSmellKind    smell,
           LbComponent    component,
           const char    *check,
           const LbModel *model,
           const char    *field,
           const char    *key_detail,
           char          *message)
{
  char *key = g_strdup_printf ("%s|model|%s%s%s", check, model->name,
                               key_detail != NULL ? "|" : "", key_detail != NULL ? key_detail : "");
  LbEvidence *evidence = evidence_new (LB_EVIDENCE_MODEL, check, field, key, message);

  evidence->model_id = model->id;
  add (c, smell, component, evidence);
}

static void
add_benchmark (Checks            *c,
               LbSmellKind        smell,
               LbComponent        component,
               const char        *check,
               const LbBenchmark *benchmark,
               const char        *field,
               const char        *key_detail,
               char              *message)
{
  char *key = g_strdup_printf ("%s|benchmark|%s%s%s", check, benchmark->name,
                               key_detail != NULL ? "|" : "", key_detail != NULL ? key_detail : "");
  LbEvidence *evidence = evidence_new (LB_EVIDENCE_BENCHMARK, check, field, key, message);

  evidence->benchmark_id = benchmark->id;
  add (c, smell, component, evidence);
}

static void
add_cell (Checks      *c,
          LbSmellKind  smell,
          LbComponent  component,
          const char  *check,
          gint64       model_id,
          gint64       benchmark_id,
          gint64       result_id,
          gint64       import_id,
          guint        row,
          guint        column,
          const char  *path,
          char        *message)
{
  char *key = g_strdup_printf ("%s|cell|%s|%s", check, model_name (c, model_id),
                               benchmark_name (c, benchmark_id));
  LbEvidence *evidence = evidence_new (LB_EVIDENCE_CELL, check, NULL, key, message);

  evidence->model_id = model_id;
  evidence->benchmark_id = benchmark_id;
  evidence->result_id = result_id;
  evidence->import_id = import_id;
  evidence->row = row;
  evidence->column = column;
  evidence->path = g_strdup (path);
  add (c, smell, component, evidence);
}

static void
add_result (Checks         *c,
            LbSmellKind     smell,
            LbComponent     component,
            const char     *check,
            const LbResult *result,
            char           *message)
{
  add_cell (c, smell, component, check, result->model_id, result->benchmark_id, result->id,
            result->import_id, result->source_row, result->source_column, result->source_path, message);
}

static void
add_import (Checks         *c,
            LbSmellKind     smell,
            LbComponent     component,
            const char     *check,
            const LbImport *import,
            const char     *field,
            char           *message)
{
  char *key = g_strdup_printf ("%s|import|%s|%s", check,
                               import->file_name != NULL ? import->file_name : "",
                               import->sha256 != NULL ? import->sha256 : "");
  LbEvidence *evidence = evidence_new (LB_EVIDENCE_IMPORT, check, field, key, message);

  evidence->import_id = import->id;
  add (c, smell, component, evidence);
}

/* The current result of a cell, or NULL. */
static LbResult *
current_result (Checks *c,
                gint64  model_id,
                gint64  benchmark_id)
{
  CellKey key = { model_id, benchmark_id };

  return g_hash_table_lookup (c->current, &key);
}

static gboolean
import_is_live (const LbImport *import)
{
  return import != NULL && !import->deleted;
}

/* The current results of a benchmark, in snapshot order (a new reference to a container). */
static GPtrArray *
benchmark_results (Checks *c,
                   gint64  benchmark_id)
{
  GPtrArray *found = g_hash_table_lookup (c->by_benchmark, &benchmark_id);

  return found != NULL ? g_ptr_array_ref (found) : g_ptr_array_new ();
}

/* NFKC of @s; "" for NULL or text that is not UTF-8 (which then matches nothing). */
static char *
nfkc (const char *s)
{
  char *norm;
  const char *p;

  if (s == NULL)
    return g_strdup ("");
  for (p = s; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_strdup (s);  /* ASCII is its own NFKC */
  norm = g_utf8_normalize (s, -1, G_NORMALIZE_NFKC);
  return norm != NULL ? norm : g_strdup ("");
}

/* NFKC, lower-case ASCII, '-' and '_' as spaces: byte lengths of ASCII are kept. */
static char *
normalize_words (const char *s,
                 gboolean    fold_case)
{
  char *norm = nfkc (s);

  for (char *p = norm; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_')
        *p = ' ';
      else if (fold_case)
        *p = g_ascii_tolower (*p);
    }
  return norm;
}

/* ---------------------------------------------------------------------------------------------
 * Missing
 * ------------------------------------------------------------------------------------------- */

static void
check_missing (Checks *c)
{
  const LbLeaderboard *lb = c->snapshot->leaderboard;
  static const struct {
    const char  *check;
    const char  *field;
    LbComponent  component;
    const char  *message;
  } fields[] = {
    { "missing-purpose", "purpose", LB_COMPONENT_BENCHMARK_TASK,
      N_("The leaderboard has no purpose (Details → Purpose is empty): nobody can tell which "
         "decision the numbers support. Write it in one line.") },
    { "missing-owner", "owner", LB_COMPONENT_SUBMISSION_CHANNEL,
      N_("The leaderboard has no owner (Details → Owner is empty): nobody is responsible for "
         "keeping it current. Name the person.") },
    { "missing-update-cadence", "update_cadence_days", LB_COMPONENT_SUBMISSION_CHANNEL,
      N_("The leaderboard has no update cadence (Details → Update every … days is empty): "
         "nobody can tell when the results are out of date. Decide how often they are refreshed.") },
    { "missing-evaluation-data", "evaluation_data", LB_COMPONENT_BENCHMARK_DATASET,
      N_("The leaderboard does not say which evaluation data the numbers come from (Details → "
         "Evaluation data is empty). Name the data sets and sources.") },
    { "missing-procedure", "procedure", LB_COMPONENT_BENCHMARK_PROTOCOL,
      N_("The leaderboard does not say how the numbers were produced (Details → Procedure is "
         "empty), so nobody can reproduce them. Describe the procedure.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean empty;

      if (strcmp (fields[i].field, "purpose") == 0)
        empty = is_blank (lb->purpose);
      else if (strcmp (fields[i].field, "owner") == 0)
        empty = is_blank (lb->owner);
      else if (strcmp (fields[i].field, "update_cadence_days") == 0)
        empty = lb->update_cadence_days <= 0;
      else if (strcmp (fields[i].field, "evaluation_data") == 0)
        empty = is_blank (lb->evaluation_data);
      else
        empty = is_blank (lb->procedure);

      if (empty)
        add_leaderboard (c, LB_SMELL_MISSING, fields[i].component, fields[i].check,
                         fields[i].field, NULL, g_strdup (_(fields[i].message)));
    }

  for (guint i = 0; i < N_ITEMS (c->snapshot->models); i++)
    {
      LbModel *m = g_ptr_array_index (c->snapshot->models, i);

      if (is_blank (m->version) && !full_then_omit (c, LB_SMELL_MISSING, LB_COMPONENT_MODEL))
        add_model (c, LB_SMELL_MISSING, LB_COMPONENT_MODEL, "missing-model-version", m, "version",
                   NULL, g_strdup_printf (_("Model “%s” has no version, so nobody can tell which "
                                            "release was evaluated. Record it on the model."),
                                          m->name));
      if (is_blank (m->provenance_url) && !full_then_omit (c, LB_SMELL_MISSING, LB_COMPONENT_MODEL))
        add_model (c, LB_SMELL_MISSING, LB_COMPONENT_MODEL, "missing-model-provenance", m,
                   "provenance_url", NULL,
                   g_strdup_printf (_("Model “%s” has no provenance link (where the model and "
                                      "its numbers come from). Add the model card or vendor page."),
                                    m->name));
    }

  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);

      if (is_blank (b->metric))
        add_benchmark (c, LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_METRIC, "missing-benchmark-metric",
                       b, "metric", NULL,
                       g_strdup_printf (_("Benchmark “%s” has no metric (accuracy, F1, …). "
                                          "Record how it is scored."), b->name));
      if (!b->direction_confirmed)
        add_benchmark (c, LB_SMELL_MISSING, LB_COMPONENT_BENCHMARK_METRIC,
                       "missing-benchmark-direction", b, "higher_is_better", NULL,
                       g_strdup_printf (_("Nobody has confirmed whether higher or lower is better "
                                          "on benchmark “%s” (the import only guessed “%s”). "
                                          "Confirm the direction."),
                                        b->name, b->higher_is_better ? _("higher is better")
                                                                     : _("lower is better")));
    }

  /* Holes: every model × benchmark without a current result, with the reason a file gave. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->models); i++)
    {
      LbModel *m = g_ptr_array_index (c->snapshot->models, i);

      for (guint j = 0; j < N_ITEMS (c->snapshot->benchmarks); j++)
        {
          LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, j);
          LbGap *gap = NULL;
          g_autofree char *where = NULL;

          if (current_result (c, m->id, b->id) != NULL
              || full_then_omit (c, LB_SMELL_MISSING, LB_COMPONENT_RANKING_DATAFRAME))
            continue;

          {
            CellKey key = { m->id, b->id };

            gap = g_hash_table_lookup (c->cell_gaps, &key);
          }

          if (gap != NULL)
            {
              where = source_text (c, gap->import_id, gap->source_row, gap->source_column, gap->source_path);
              add_cell (c, LB_SMELL_MISSING, LB_COMPONENT_RANKING_DATAFRAME, "missing-result",
                        m->id, b->id, 0, gap->import_id, gap->source_row, gap->source_column,
                        gap->source_path,
                        g_strdup_printf (_("No result for “%s” on “%s”%s: %s"), m->name, b->name,
                                         where, gap->reason != NULL ? _(gap->reason) : ""));
            }
          else
            add_cell (c, LB_SMELL_MISSING, LB_COMPONENT_RANKING_DATAFRAME, "missing-result",
                      m->id, b->id, 0, 0, 0, 0, NULL,
                      g_strdup_printf (_("No result for “%s” on “%s”: no imported file had this "
                                         "cell."), m->name, b->name));
        }
    }

  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      g_autofree char *where = NULL;

      if (!r->current || !is_blank (r->evaluated_at)
          || full_then_omit (c, LB_SMELL_MISSING, LB_COMPONENT_EVALUATION_SCORE))
        continue;
      where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
      add_result (c, LB_SMELL_MISSING, LB_COMPONENT_EVALUATION_SCORE, "missing-result-date", r,
                  g_strdup_printf (_("The result of “%s” on “%s”%s has no evaluation date, so "
                                     "nobody can tell how old it is."),
                                   model_name (c, r->model_id), benchmark_name (c, r->benchmark_id),
                                   where));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Deprecated
 * ------------------------------------------------------------------------------------------- */

/* The date a current result counts from: its evaluation date, else the day it was imported. */
static gboolean
result_date (Checks         *c,
             const LbResult *r,
             GDate          *out)
{
  LbImport *import;

  if (parse_iso_date (r->evaluated_at, out))
    return TRUE;
  import = g_hash_table_lookup (c->imports, &r->import_id);
  return import != NULL && parse_iso_date (import->imported_at, out);
}

/* A model name split into a family and a version number.
 *
 * The rule: the name is NFKC-normalised and lower-cased, then cut into words at spaces and
 * punctuation and between letters and digits ("Qwen2.5-7B" → qwen 2.5 7 b). A word made only
 * of digits and dots is a number. The version is the number after a lone "v" ("Mistral 7B
 * v0.2", "DeepSeek-V3") when there is one, else the first number. The family is every other
 * word, with the version's place marked, so the words after the version must match too:
 * "Llama 3 70B" / "Llama 3.1 70B" are one family; "Claude 3 Opus" / "Claude 3.5 Sonnet",
 * "Llama 3 8B" / "Llama 3.1 70B", "GPT-4" / "GPT-4o" (the "o" is a word of its own) are not.
 * Dates written in the name ("(20241022)") are words of the family, so dated snapshots are
 * never compared. A number with a leading zero ("M07", "モデル000123") numbers models and is
 * no version. Names without a number have no version and are never compared. */
typedef struct {
  char  *family;
  char  *version;
} ModelFamily;

static void
model_family_clear (ModelFamily *f)
{
  g_clear_pointer (&f->family, g_free);
  g_clear_pointer (&f->version, g_free);
}

static gboolean
split_model_name (const char  *name,
                  ModelFamily *out)
{
  g_autofree char *norm = nfkc (name);
  g_autofree char *folded = g_utf8_casefold (norm, -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) family = g_string_new (NULL);
  const char *p = folded;
  int version_at = -1;

  out->family = NULL;
  out->version = NULL;

  while (*p != '\0')
    {
      gunichar ch = g_utf8_get_char (p);
      const char *start = p;

      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1]) && p > start))
            p++;
          g_ptr_array_add (words, g_strndup (start, p - start));
        }
      else if (g_unichar_isalpha (ch))
        {
          while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)) && !g_ascii_isdigit (*p))
            p = g_utf8_next_char (p);
          g_ptr_array_add (words, g_strndup (start, p - start));
        }
      else
        p = g_utf8_next_char (p);
    }

  for (guint i = 0; i + 1 < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), "v") == 0
        && g_ascii_isdigit (*(char *) g_ptr_array_index (words, i + 1)))
      {
        version_at = i + 1;
        break;
      }
  if (version_at < 0)
    for (guint i = 0; i < words->len; i++)
      {
        const char *w = g_ptr_array_index (words, i);

        /* "モデル000123", "M07": a number with a leading zero numbers things, it is no
         * version (versions are written "3.1", never "03") */
        if (g_ascii_isdigit (*w) && !(w[0] == '0' && g_ascii_isdigit (w[1])))
          {
            version_at = i;
            break;
          }
      }
  if (version_at < 0)
    return FALSE;

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      if ((int) i == version_at)
        w = "#";
      else if ((int) i + 1 == version_at && strcmp (w, "v") == 0)
        continue;
      if (family->len > 0)
        g_string_append_c (family, ' ');
      g_string_append (family, w);
    }
  out->family = g_string_free (g_steal_pointer (&family), FALSE);
  out->version = g_strdup (g_ptr_array_index (words, version_at));
  return TRUE;
}

/* Compares "3" < "3.1" < "3.5" < "3.10" number by number; "3" equals "3.0". */
static int
compare_versions (const char *a,
                  const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      guint64 x = g_ascii_strtoull (a, (char **) &a, 10);
      guint64 y = g_ascii_strtoull (b, (char **) &b, 10);

      if (x != y)
        return x < y ? -1 : 1;
      if (*a == '.')
        a++;
      if (*b == '.')
        b++;
    }
  return 0;
}

static gboolean
model_is_ranked (Checks *c,
                 gint64  model_id)
{
  return g_hash_table_contains (c->ranked, &model_id);
}

static void
check_deprecated (Checks *c)
{
  const LbLeaderboard *lb = c->snapshot->leaderboard;
  guint max_age = c->options->max_result_age_days > 0 ? c->options->max_result_age_days
                                                      : LB_SMELL_DEFAULT_MAX_RESULT_AGE_DAYS;
  GDate newest;
  guint n_models = N_ITEMS (c->snapshot->models);
  g_autofree ModelFamily *families = NULL;
  GHashTable *newest_of;

  /* Review overdue: the newest result is older than the cadence allows. */
  g_date_clear (&newest, 1);
  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      GDate d;

      if (r->current && result_date (c, r, &d)
          && (!g_date_valid (&newest) || g_date_compare (&d, &newest) > 0))
        newest = d;
    }
  if (lb->update_cadence_days > 0 && g_date_valid (&newest))
    {
      GDate due = newest;

      g_date_add_days (&due, lb->update_cadence_days);
      if (g_date_compare (&c->today, &due) > 0)
        {
          g_autofree char *newest_iso = date_to_iso (&newest);
          g_autofree char *newest_shown = lb_date_to_display (&newest);
          g_autofree char *due_shown = lb_date_to_display (&due);

          add_leaderboard (c, LB_SMELL_DEPRECATED, LB_COMPONENT_RANKING_DATAFRAME,
                           "deprecated-review-overdue", "update_cadence_days", newest_iso,
                           g_strdup_printf (ngettext ("The newest result is from %s; with an update "
                                                      "cadence of %d day the results were due for "
                                                      "a refresh on %s. Refresh them or record why not.",
                                                      "The newest result is from %s; with an update "
                                                      "cadence of %d days the results were due for "
                                                      "a refresh on %s. Refresh them or record why not.",
                                                      lb->update_cadence_days),
                                            newest_shown, lb->update_cadence_days, due_shown));
        }
    }

  /* Results evaluated longer ago than the configured age. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      g_autofree char *where = NULL;
      g_autofree char *evaluated = NULL;
      GDate d;

      if (!r->current || !parse_iso_date (r->evaluated_at, &d))
        continue;
      if (g_date_days_between (&d, &c->today) <= (int) max_age
          || full_then_omit (c, LB_SMELL_DEPRECATED, LB_COMPONENT_EVALUATION_SCORE))
        continue;
      where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
      evaluated = lb_date_text_to_display (r->evaluated_at);
      add_result (c, LB_SMELL_DEPRECATED, LB_COMPONENT_EVALUATION_SCORE, "deprecated-old-result", r,
                  g_strdup_printf (ngettext ("The result of “%s” on “%s”%s was evaluated on %s, "
                                             "more than %u day ago.",
                                             "The result of “%s” on “%s”%s was evaluated on %s, "
                                             "more than %u days ago.", max_age),
                                   model_name (c, r->model_id), benchmark_name (c, r->benchmark_id),
                                   where, evaluated, max_age));
    }

  /* An older version of a model still ranked beside its successor. */
  families = g_new0 (ModelFamily, MAX (n_models, 1));
  for (guint i = 0; i < n_models; i++)
    {
      LbModel *m = g_ptr_array_index (c->snapshot->models, i);

      if (!model_is_ranked (c, m->id))
        continue;
      split_model_name (m->name, &families[i]);
    }
  /* The newest version of each family: the first model, in order, with its highest version. */
  newest_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_models; i++)
    {
      gpointer found;

      if (families[i].family == NULL)
        continue;
      found = g_hash_table_lookup (newest_of, families[i].family);
      if (found == NULL
          || compare_versions (families[GPOINTER_TO_UINT (found) - 1].version, families[i].version) < 0)
        g_hash_table_insert (newest_of, families[i].family, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < n_models; i++)
    {
      LbModel *older = g_ptr_array_index (c->snapshot->models, i);
      LbModel *newest_model;
      guint j;

      if (families[i].family == NULL)
        continue;
      j = GPOINTER_TO_UINT (g_hash_table_lookup (newest_of, families[i].family)) - 1;
      if (j == i || compare_versions (families[i].version, families[j].version) >= 0
          || full_then_omit (c, LB_SMELL_DEPRECATED, LB_COMPONENT_MODEL))
        continue;
      newest_model = g_ptr_array_index (c->snapshot->models, j);
      add_model (c, LB_SMELL_DEPRECATED, LB_COMPONENT_MODEL, "deprecated-older-version", older,
                 "name", newest_model->name,
                 g_strdup_printf (_("“%s” is still ranked beside its newer version “%s”. Remove "
                                    "the old version or say why it stays."),
                                  older->name, newest_model->name));
    }
  g_hash_table_unref (newest_of);
  for (guint i = 0; i < n_models; i++)
    model_family_clear (&families[i]);

  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);

      if (b->retired)
        add_benchmark (c, LB_SMELL_DEPRECATED, LB_COMPONENT_BENCHMARK_DATASET,
                       "deprecated-retired-benchmark", b, "retired", NULL,
                       g_strdup_printf (_("Benchmark “%s” is marked as retired but is still part "
                                          "of the leaderboard."), b->name));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Redundant
 * ------------------------------------------------------------------------------------------- */

/* NFKC, case-folded, only letters and digits: "GPT-4 Turbo" and "gpt4turbo" are the same. */
static char *
squash_name (const char *name)
{
  g_autofree char *norm = nfkc (name);
  g_autofree char *folded = g_utf8_casefold (norm, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* One benchmark's current values as (model, score) pairs sorted by model: two columns are
 * identical when these are equal. */
typedef struct {
  gint64  model_id;
  gdouble score;
} CellValue;

typedef struct {
  guint      index;     /* in the snapshot's benchmarks */
  GArray    *values;    /* of CellValue, by model id */
  guint      hash;
} Column;

static int
cell_value_compare (gconstpointer a,
                    gconstpointer b)
{
  const CellValue *x = a, *y = b;

  return x->model_id < y->model_id ? -1 : x->model_id > y->model_id;
}

static gboolean
columns_equal (const Column *a,
               const Column *b)
{
  if (a->hash != b->hash || a->values->len != b->values->len)
    return FALSE;
  for (guint k = 0; k < a->values->len; k++)
    {
      const CellValue *x = &g_array_index (a->values, CellValue, k);
      const CellValue *y = &g_array_index (b->values, CellValue, k);

      if (x->model_id != y->model_id || x->score != y->score)
        return FALSE;
    }
  return TRUE;
}

static void
check_redundant (Checks *c)
{
  guint n_models = N_ITEMS (c->snapshot->models);
  guint n_benchmarks = N_ITEMS (c->snapshot->benchmarks);
  g_auto(GStrv) squashed = g_new0 (char *, n_models + 1);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) by_values = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autofree Column *columns = g_new0 (Column, MAX (n_benchmarks, 1));

  /* Models whose names squash to the same letters, grouped by that text: linear, whatever
   * the number of models. */
  for (guint i = 0; i < n_models; i++)
    {
      GArray *group;

      squashed[i] = squash_name (((LbModel *) g_ptr_array_index (c->snapshot->models, i))->name);
      if (squashed[i][0] == '\0')
        continue;
      group = g_hash_table_lookup (by_name, squashed[i]);
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_name, squashed[i], group);
        }
      g_array_append_val (group, i);
    }
  for (guint i = 0; i < n_models; i++)
    {
      LbModel *m = g_ptr_array_index (c->snapshot->models, i);
      GArray *group = squashed[i][0] != '\0' ? g_hash_table_lookup (by_name, squashed[i]) : NULL;

      if (group == NULL || group->len < 2)
        continue;
      for (guint k = 0; k < group->len; k++)
        {
          guint j = g_array_index (group, guint, k);
          LbModel *other = g_ptr_array_index (c->snapshot->models, j);

          if (j == i)
            continue;
          if (is_full (c, LB_SMELL_REDUNDANT, LB_COMPONENT_MODEL))
            {
              omit (c, LB_SMELL_REDUNDANT, LB_COMPONENT_MODEL, group->len - k - (i > j ? 1 : 0));
              break;
            }
          add_model (c, LB_SMELL_REDUNDANT, LB_COMPONENT_MODEL, "redundant-model-name", m, "name",
                     other->name,
                     g_strdup_printf (_("“%s” and “%s” differ only in case, spaces or punctuation: "
                                        "probably one model listed twice. Merge them."),
                                      m->name, other->name));
        }
    }

  /* Benchmark columns with the same value for every model. Columns are grouped by a hash of
   * their values and compared within a group, so 16,384 identical columns make one group
   * (each reported once against the first), not 134 million pairs. */
  for (guint i = 0; i < n_benchmarks; i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);
      g_autoptr(GPtrArray) results = benchmark_results (c, b->id);
      Column *col = &columns[i];
      GPtrArray *bucket;
      Column *first = NULL;
      guint hash = 5381;

      col->index = i;
      if (results->len < 2)
        continue;
      col->values = g_array_sized_new (FALSE, FALSE, sizeof (CellValue), results->len);
      for (guint k = 0; k < results->len; k++)
        {
          LbResult *r = g_ptr_array_index (results, k);
          CellValue v = { r->model_id, r->score == 0 ? 0.0 : r->score };  /* -0 equals 0 */

          g_array_append_val (col->values, v);
        }
      g_array_sort (col->values, cell_value_compare);
      for (guint k = 0; k < col->values->len; k++)
        {
          const CellValue *v = &g_array_index (col->values, CellValue, k);
          guint64 bits;

          memcpy (&bits, &v->score, sizeof bits);
          hash = hash * 33 + (guint) (v->model_id ^ (v->model_id >> 32));
          hash = hash * 33 + (guint) (bits ^ (bits >> 32));
        }
      col->hash = hash;

      bucket = g_hash_table_lookup (by_values, GUINT_TO_POINTER (hash));
      for (guint k = 0; bucket != NULL && k < bucket->len && first == NULL; k++)
        if (columns_equal (g_ptr_array_index (bucket, k), col))
          first = g_ptr_array_index (bucket, k);
      if (first == NULL)
        {
          /* The first column of its values: the one the later copies are reported against. */
          if (bucket == NULL)
            {
              bucket = g_ptr_array_new ();
              g_hash_table_insert (by_values, GUINT_TO_POINTER (hash), bucket);
            }
          g_ptr_array_add (bucket, col);
          continue;
        }
      if (is_full (c, LB_SMELL_REDUNDANT, LB_COMPONENT_RANKING_DATAFRAME))
        {
          omit (c, LB_SMELL_REDUNDANT, LB_COMPONENT_RANKING_DATAFRAME, 1);
          continue;
        }
      {
        LbBenchmark *a = g_ptr_array_index (c->snapshot->benchmarks, first->index);

        add_benchmark (c, LB_SMELL_REDUNDANT, LB_COMPONENT_RANKING_DATAFRAME,
                       "redundant-identical-columns", b, NULL, a->name,
                       g_strdup_printf (ngettext ("Benchmark “%s” has exactly the same value as "
                                                  "“%s” for all %u model: probably a copied "
                                                  "column. Check the source and remove one.",
                                                  "Benchmark “%s” has exactly the same values as "
                                                  "“%s” for all %u models: probably a copied "
                                                  "column. Check the source and remove one.",
                                                  results->len),
                                        b->name, a->name, results->len));
      }
    }
  for (guint i = 0; i < n_benchmarks; i++)
    g_clear_pointer (&columns[i].values, g_array_unref);

  /* The same bytes imported twice. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->imports); i++)
    {
      LbImport *a = g_ptr_array_index (c->snapshot->imports, i);

      if (!import_is_live (a) || a->status != LB_IMPORT_COMPLETE || is_blank (a->sha256))
        continue;
      for (guint j = 0; j < N_ITEMS (c->snapshot->imports); j++)
        {
          LbImport *b = g_ptr_array_index (c->snapshot->imports, j);

          if (j == i || !import_is_live (b) || b->status != LB_IMPORT_COMPLETE
              || g_strcmp0 (a->sha256, b->sha256) != 0)
            continue;
          g_autofree char *a_at = lb_date_text_to_display (a->imported_at);
          g_autofree char *b_at = lb_date_text_to_display (b->imported_at);

          add_import (c, LB_SMELL_REDUNDANT, LB_COMPONENT_SUBMISSION_CHANNEL, "redundant-same-file",
                      a, "sha256",
                      g_strdup_printf (_("The file “%s” imported on %s has the same content as "
                                         "“%s” imported on %s. Delete one of the imports."),
                                       a->file_name, a_at != NULL ? a_at : "?",
                                       b->file_name, b_at != NULL ? b_at : "?"));
          break;
        }
    }
}

/* ---------------------------------------------------------------------------------------------
 * Mismatched
 * ------------------------------------------------------------------------------------------- */

/* Benchmarks people commonly name in "evaluation data" texts, written as their authors do;
 * matched case-sensitively so that "math" or "arc" in prose do not count. */
static const char * const known_benchmarks[] = {
  "MMLU", "MMLU-Pro", "JMMLU", "GSM8K", "MATH", "HellaSwag", "ARC", "TruthfulQA", "Winogrande",
  "HumanEval", "MBPP", "MT-Bench", "Japanese MT-Bench", "JGLUE", "JCommonsenseQA", "JSQuAD",
  "JNLI", "JSTS", "MARC-ja", "GPQA", "IFEval", "BBH", "MuSR", "ELYZA-tasks-100", "llm-jp-eval",
  "Chatbot Arena", "BIG-bench", "Rakuda", "JMT-Bench",
};

/* A name is mentioned when it occurs with no ASCII letter or digit right before or after it,
 * and not inside a longer name that was already found ("MMLU" inside "MMLU-Pro"). */
typedef struct {
  char        *needle;    /* normalised */
  const char  *display;
  LbBenchmark *benchmark; /* NULL for a known name without a benchmark */
  gboolean     fold;
  gboolean     mentioned;
} Mention;

static void
mention_clear (gpointer data)
{
  Mention *m = data;

  g_free (m->needle);
}

static int
mention_longer_first (gconstpointer a,
                      gconstpointer b)
{
  const Mention *x = a, *y = b;

  return (int) strlen (y->needle) - (int) strlen (x->needle);
}

static gboolean
find_mention (const char *text,
              gboolean   *used,
              const char *needle)
{
  gsize n = strlen (needle);
  gboolean found = FALSE;

  if (n == 0)
    return FALSE;
  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gsize at = p - text;
      gboolean overlaps = FALSE;

      if (at > 0 && g_ascii_isalnum (text[at - 1]))
        continue;
      if (g_ascii_isalnum (text[at + n]))
        continue;
      for (gsize k = at; k < at + n; k++)
        overlaps |= used[k];
      if (overlaps)
        continue;
      for (gsize k = at; k < at + n; k++)
        used[k] = TRUE;
      found = TRUE;
    }
  return found;
}

/* "MMLU (5-shot)" → "MMLU": the part before a bracket, or NULL when there is none. */
static char *
base_name (const char *name)
{
  g_autofree char *norm = nfkc (name);  /* "（" → "(" */
  const char *open = strpbrk (norm, "([");
  g_autofree char *base = NULL;

  if (open == NULL || open == norm)
    return NULL;
  base = g_strndup (norm, open - norm);
  g_strstrip (base);
  return base[0] != '\0' ? g_steal_pointer (&base) : NULL;
}

static void
check_mentions (Checks *c)
{
  const LbLeaderboard *lb = c->snapshot->leaderboard;
  g_autofree char *text_folded = NULL;
  g_autofree char *text_exact = NULL;
  g_autofree gboolean *used_folded = NULL;
  g_autoptr(GArray) mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reported = g_hash_table_new (NULL, NULL);

  if (is_blank (lb->evaluation_data))
    return;

  g_array_set_clear_func (mentions, mention_clear);
  text_folded = normalize_words (lb->evaluation_data, TRUE);
  text_exact = normalize_words (lb->evaluation_data, FALSE);
  used_folded = g_new0 (gboolean, strlen (text_folded) + 1);

  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);
      g_autofree char *base = base_name (b->name);
      Mention m = { normalize_words (b->name, TRUE), b->name, b, TRUE, FALSE };

      g_array_append_val (mentions, m);
      g_hash_table_add (covered, normalize_words (b->name, TRUE));
      if (base != NULL)
        {
          Mention mb = { normalize_words (base, TRUE), b->name, b, TRUE, FALSE };

          g_array_append_val (mentions, mb);
          g_hash_table_add (covered, normalize_words (base, TRUE));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (known_benchmarks); i++)
    {
      g_autofree char *folded = normalize_words (known_benchmarks[i], TRUE);
      Mention m = { NULL, known_benchmarks[i], NULL, FALSE, FALSE };

      if (g_hash_table_contains (covered, folded))
        continue;
      m.needle = normalize_words (known_benchmarks[i], FALSE);
      g_array_append_val (mentions, m);
    }
  g_array_sort (mentions, mention_longer_first);

  /* Longer names claim their text first. Both texts have the same bytes apart from ASCII
   * case, so they share the claimed spans. */
  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);

      if (m->fold)
        m->mentioned = find_mention (text_folded, used_folded, m->needle);
      else
        m->mentioned = find_mention (text_exact, used_folded, m->needle);
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);
      g_autoptr(GPtrArray) results = NULL;

      if (!m->mentioned)
        continue;
      if (m->benchmark == NULL)
        {
          LbEvidence *ev = evidence_new (LB_EVIDENCE_LEADERBOARD, "mismatched-unknown-benchmark",
                                         "evaluation_data",
                                         g_strdup_printf ("mismatched-unknown-benchmark|leaderboard|"
                                                          "evaluation_data|%s", m->display),
                                         g_strdup_printf (_("The evaluation data names “%s”, but "
                                                            "the leaderboard has no results for "
                                                            "it. Import them or correct the text."),
                                                          m->display));
          add (c, LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_DATASET, ev);
          continue;
        }
      if (!g_hash_table_add (reported, m->benchmark))
        continue;
      results = benchmark_results (c, m->benchmark->id);
      if (results->len == 0)
        add_benchmark (c, LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_DATASET,
                       "mismatched-named-without-results", m->benchmark, NULL, NULL,
                       g_strdup_printf (_("The evaluation data names “%s”, but the leaderboard "
                                          "has no results for it. Import them or correct the "
                                          "text."), m->benchmark->name));
    }

  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);
      g_autoptr(GPtrArray) results = benchmark_results (c, b->id);
      gboolean mentioned = FALSE;

      for (guint k = 0; k < mentions->len; k++)
        {
          Mention *m = &g_array_index (mentions, Mention, k);

          mentioned |= m->benchmark == b && m->mentioned;
        }
      if (!mentioned && results->len > 0)
        add_benchmark (c, LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_DATASET,
                       "mismatched-results-not-named", b, NULL, NULL,
                       g_strdup_printf (_("Benchmark “%s” has results, but the evaluation data "
                                          "never mentions it. Describe where its numbers come "
                                          "from."), b->name));
    }
}

/* Whether a 0–1 vs 0–100 mix is a plausible reading of @benchmark's column: a proportion
 * (unit "%", or a declared scale of 0–1 or 0–100); without unit and scale, a higher-is-better
 * column whose values all lie within 0–100 and whose large values are at least ten times its
 * small ones (0.853 beside 86.0, not 0.60 USD beside 5.00 USD or 0.8 s beside 1.2 s). */
static gboolean
percent_like (const LbBenchmark *b,
              GPtrArray         *results,
              GPtrArray         *small,
              GPtrArray         *large)
{
  double max_small = 0, max_large = 0;

  if (b->has_scale)
    return b->scale_min == 0 && (b->scale_max == 1 || b->scale_max == 100);
  if (!is_blank (b->unit))
    {
      g_autofree char *unit = g_strstrip (g_strdup (b->unit));

      return g_str_equal (unit, "%") || g_str_equal (unit, "％") || g_ascii_strcasecmp (unit, "pt") == 0;
    }
  if (!b->higher_is_better)
    return FALSE;
  for (guint k = 0; k < results->len; k++)
    {
      const LbResult *r = g_ptr_array_index (results, k);

      if (r->score < 0 || r->score > 100)
        return FALSE;
    }
  for (guint k = 0; k < small->len; k++)
    max_small = MAX (max_small, ((const LbResult *) g_ptr_array_index (small, k))->score);
  for (guint k = 0; k < large->len; k++)
    max_large = MAX (max_large, ((const LbResult *) g_ptr_array_index (large, k))->score);
  return max_large >= 10 * max_small;
}

typedef struct {
  const char *text;     /* borrowed from a result */
  guint       count;    /* current values under it */
  guint       first;    /* the order in which it was first seen */
} StatedSettings;

static int
stated_settings_rank_cb (gconstpointer a,
                         gconstpointer b)
{
  const StatedSettings *x = *(StatedSettings * const *) a;
  const StatedSettings *y = *(StatedSettings * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* The most settings of one benchmark a value's settings are held against. */
#define SETTINGS_HELD_AGAINST 32

/* Scores of one benchmark produced under settings their sources state differently (a harness
 * version, the number of shots, the temperature): a value is pointed at when settings of the
 * benchmark more common than its own (or as common and seen first) do not agree with its own
 * (lb_settings_agree(): a value stating no shots agrees with one stating them). The evidence
 * names the most common settings it disagrees with. */
static void
check_mismatched_settings (Checks *c)
{
  /* "benchmark\tsettings" → StatedSettings; benchmark id → GPtrArray of them, ranked */
  g_autoptr(GHashTable) stated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) ranked = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;
  guint seen = 0;

  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      char *key;
      StatedSettings *entry;

      if (!r->current || r->settings == NULL)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", r->benchmark_id, r->settings);
      if ((entry = g_hash_table_lookup (stated, key)) == NULL)
        {
          GPtrArray *of_benchmark = g_hash_table_lookup (ranked, &r->benchmark_id);

          entry = g_new0 (StatedSettings, 1);
          entry->text = r->settings;
          entry->first = seen++;
          g_hash_table_insert (stated, key, entry);
          if (of_benchmark == NULL)
            {
              of_benchmark = g_ptr_array_new ();
              g_hash_table_insert (ranked, &r->benchmark_id, of_benchmark);
            }
          g_ptr_array_add (of_benchmark, entry);
        }
      else
        g_free (key);
      entry->count++;
    }
  g_hash_table_iter_init (&iter, ranked);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, stated_settings_rank_cb);

  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      GPtrArray *of_benchmark;
      const char *other = NULL;
      g_autofree char *where = NULL;

      if (!r->current || r->settings == NULL
          || (of_benchmark = g_hash_table_lookup (ranked, &r->benchmark_id)) == NULL
          || of_benchmark->len < 2)
        continue;
      for (guint k = 0; k < of_benchmark->len && k < SETTINGS_HELD_AGAINST; k++)
        {
          const StatedSettings *entry = g_ptr_array_index (of_benchmark, k);

          if (strcmp (entry->text, r->settings) == 0)
            break;
          if (!lb_settings_agree (entry->text, r->settings))
            {
              other = entry->text;
              break;
            }
        }
      if (other == NULL || full_then_omit (c, LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_PROTOCOL))
        continue;
      where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
      add_result (c, LB_SMELL_MISMATCHED, LB_COMPONENT_BENCHMARK_PROTOCOL, "mismatched-settings", r,
                  g_strdup_printf (_("The result of “%s” on “%s”%s was produced under “%s”, while "
                                     "the benchmark’s other scores were produced under “%s”, so they "
                                     "are not comparable as they stand. Rerun it under the same "
                                     "settings, or leave the benchmark out of the decision."),
                                   model_name (c, r->model_id), benchmark_name (c, r->benchmark_id),
                                   where, r->settings, other));
    }
}

static void
check_mismatched (Checks *c)
{
  check_mentions (c);

  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);
      g_autoptr(GPtrArray) results = benchmark_results (c, b->id);
      g_autoptr(GPtrArray) small = g_ptr_array_new ();
      g_autoptr(GPtrArray) large = g_ptr_array_new ();
      GPtrArray *odd;

      /* Mixed scales: some values strictly between 0 and 1, others between 1 and 100.
       * 0, 1 and 100 fit either scale and say nothing. */
      for (guint k = 0; k < results->len; k++)
        {
          LbResult *r = g_ptr_array_index (results, k);

          if (r->score > 0 && r->score < 1)
            g_ptr_array_add (small, r);
          else if (r->score > 1 && r->score <= 100)
            g_ptr_array_add (large, r);
        }
      if (small->len > 0 && large->len > 0 && percent_like (b, results, small, large))
        {
          odd = small->len <= large->len ? small : large;
          for (guint k = 0; k < odd->len; k++)
            {
              LbResult *r = g_ptr_array_index (odd, k);
              g_autofree char *where = NULL;

              if (full_then_omit (c, LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE))
                continue;
              where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
              add_result (c, LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE,
                          "mismatched-mixed-scale", r,
                          g_strdup_printf (odd == small
                                           ? ngettext ("“%s” on “%s”%s is %s, on a 0–1 scale, while "
                                                       "%u other value of the column is on a 0–100 "
                                                       "scale. Put the column on one scale.",
                                                       "“%s” on “%s”%s is %s, on a 0–1 scale, while "
                                                       "%u other values of the column are on a 0–100 "
                                                       "scale. Put the column on one scale.",
                                                       large->len)
                                           : ngettext ("“%s” on “%s”%s is %s, on a 0–100 scale, while "
                                                       "%u other value of the column is on a 0–1 "
                                                       "scale. Put the column on one scale.",
                                                       "“%s” on “%s”%s is %s, on a 0–100 scale, while "
                                                       "%u other values of the column are on a 0–1 "
                                                       "scale. Put the column on one scale.",
                                                       small->len),
                                           model_name (c, r->model_id), b->name, where,
                                           r->raw != NULL ? r->raw : "?",
                                           (odd == small ? large : small)->len));
            }
        }

      /* Values outside the declared scale. */
      if (b->has_scale)
        for (guint k = 0; k < results->len; k++)
          {
            LbResult *r = g_ptr_array_index (results, k);
            g_autofree char *where = NULL;

            if ((r->score >= b->scale_min && r->score <= b->scale_max)
                || full_then_omit (c, LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE))
              continue;
            where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
            add_result (c, LB_SMELL_MISMATCHED, LB_COMPONENT_EVALUATION_SCORE,
                        "mismatched-outside-scale", r,
                        g_strdup_printf (_("“%s” on “%s”%s is %g, outside the declared scale "
                                           "%g–%g. Correct the value or the scale."),
                                         model_name (c, r->model_id), b->name, where, r->score,
                                         b->scale_min, b->scale_max));
          }
    }

  /* A result's model version differing from the model's. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      LbModel *m = g_hash_table_lookup (c->models, &r->model_id);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *where = NULL;

      if (!r->current || m == NULL || is_blank (r->model_version) || is_blank (m->version))
        continue;
      a = g_strstrip (g_utf8_casefold (r->model_version, -1));
      b = g_strstrip (g_utf8_casefold (m->version, -1));
      if (strcmp (a + (a[0] == 'v' && g_ascii_isdigit (a[1])),
                  b + (b[0] == 'v' && g_ascii_isdigit (b[1]))) == 0
          || full_then_omit (c, LB_SMELL_MISMATCHED, LB_COMPONENT_MODEL))
        continue;
      where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
      add_result (c, LB_SMELL_MISMATCHED, LB_COMPONENT_MODEL, "mismatched-model-version", r,
                  g_strdup_printf (_("The result of “%s” on “%s”%s is for version “%s”, but the "
                                     "model is recorded as version “%s”. Check which version was "
                                     "evaluated."),
                                   m->name, benchmark_name (c, r->benchmark_id), where,
                                   r->model_version, m->version));
    }

  check_mismatched_settings (c);
}

/* ---------------------------------------------------------------------------------------------
 * Misdisplayed
 * ------------------------------------------------------------------------------------------- */

typedef struct {
  gboolean percent;     /* ends in a percent sign */
  int      decimals;    /* digits after the decimal separator */
  gboolean thousands;   /* "1,234" style grouping */
  gboolean full_width;  /* full-width digits, as Japanese input methods type them */
} RawShape;

static void
raw_shape (const char *raw,
           RawShape   *out)
{
  g_autofree char *norm = NULL;
  const char *dot;
  const char *comma;
  gsize len;

  memset (out, 0, sizeof *out);
  if (raw == NULL)
    return;
  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0xFF10 && ch <= 0xFF19)
        out->full_width = TRUE;
    }
  norm = nfkc (raw);
  g_strstrip (norm);
  len = strlen (norm);
  out->percent = len > 0 && norm[len - 1] == '%';

  /* A comma followed by exactly three digits and then no digit groups thousands. */
  for (const char *p = strchr (norm, ','); p != NULL; p = strchr (p + 1, ','))
    if (p > norm && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
        && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
      out->thousands = TRUE;

  dot = strrchr (norm, '.');
  comma = strrchr (norm, ',');
  if (dot == NULL && comma != NULL && !out->thousands)
    dot = comma;  /* "85,3" in a decimal-comma file */
  if (dot != NULL)
    for (const char *p = dot + 1; g_ascii_isdigit (*p); p++)
      out->decimals++;
}

static gboolean
raw_has_digit (const char *raw)
{
  g_autofree char *norm = nfkc (raw);

  for (const char *p = norm; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static void
check_misdisplayed (Checks *c)
{
  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);
      g_autoptr(GPtrArray) results = benchmark_results (c, b->id);
      g_autoptr(GPtrArray) with_percent = g_ptr_array_new ();
      g_autoptr(GPtrArray) without_percent = g_ptr_array_new ();
      guint by_decimals[16] = { 0 };
      int min_decimals = G_MAXINT, max_decimals = -1, common = 0;

      for (guint k = 0; k < results->len; k++)
        {
          LbResult *r = g_ptr_array_index (results, k);
          RawShape shape;

          if (r->raw == NULL)
            continue;
          raw_shape (r->raw, &shape);
          g_ptr_array_add (shape.percent ? with_percent : without_percent, r);
          /* Excel's General format drops trailing zeros, so "85" and a one-digit difference
           * ("85.3" next to "85.25") are normal; two digits or more are not. */
          if (shape.decimals > 0)
            {
              int d = MIN (shape.decimals, 15);

              by_decimals[d]++;
              min_decimals = MIN (min_decimals, d);
              max_decimals = MAX (max_decimals, d);
            }
        }

      if (with_percent->len > 0 && without_percent->len > 0)
        {
          GPtrArray *odd = with_percent->len <= without_percent->len ? with_percent : without_percent;

          for (guint k = 0; k < odd->len; k++)
            {
              LbResult *r = g_ptr_array_index (odd, k);
              g_autofree char *where = NULL;

              if (full_then_omit (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME))
                continue;
              where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
              add_result (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME,
                          "misdisplayed-mixed-units", r,
                          g_strdup_printf (odd == with_percent
                                           ? ngettext ("“%s” on “%s”%s is shown as “%s” with a "
                                                       "percent sign, while %u other value of the "
                                                       "column has none. Use one number format per "
                                                       "column.",
                                                       "“%s” on “%s”%s is shown as “%s” with a "
                                                       "percent sign, while %u other values of the "
                                                       "column have none. Use one number format per "
                                                       "column.", without_percent->len)
                                           : ngettext ("“%s” on “%s”%s is shown as “%s” without a "
                                                       "percent sign, while %u other value of the "
                                                       "column has one. Use one number format per "
                                                       "column.",
                                                       "“%s” on “%s”%s is shown as “%s” without a "
                                                       "percent sign, while %u other values of the "
                                                       "column have one. Use one number format per "
                                                       "column.", with_percent->len),
                                           model_name (c, r->model_id), b->name, where, r->raw,
                                           (odd == with_percent ? without_percent : with_percent)->len));
            }
        }

      if (max_decimals - min_decimals >= 2)
        {
          for (int d = 1; d < 16; d++)
            if (by_decimals[d] > by_decimals[common])
              common = d;
          for (guint k = 0; k < results->len; k++)
            {
              LbResult *r = g_ptr_array_index (results, k);
              g_autofree char *where = NULL;
              RawShape shape;

              raw_shape (r->raw, &shape);
              if (shape.decimals == 0 || ABS (shape.decimals - common) < 2
                  || full_then_omit (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME))
                continue;
              where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
              add_result (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME,
                          "misdisplayed-mixed-precision", r,
                          g_strdup_printf (_("“%s” on “%s”%s is shown as “%s” with %d decimals, "
                                             "while most values of the column have %d. Use one "
                                             "number format per column."),
                                           model_name (c, r->model_id), b->name, where, r->raw,
                                           shape.decimals, common));
            }
        }
    }

  /* Numbers that arrived as text. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (c->snapshot->results, i);
      g_autofree char *where = NULL;
      RawShape shape;

      if (!r->current || r->raw == NULL)
        continue;
      raw_shape (r->raw, &shape);
      if ((!shape.thousands && !shape.full_width)
          || full_then_omit (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE))
        continue;
      where = source_text (c, r->import_id, r->source_row, r->source_column, r->source_path);
      add_result (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE,
                  "misdisplayed-number-as-text", r,
                  g_strdup_printf (shape.full_width
                                   ? _("“%s” on “%s”%s arrived as text with full-width digits "
                                       "(“%s”). It was read as %g; store it as a number in the "
                                       "spreadsheet.")
                                   : _("“%s” on “%s”%s arrived as text with thousands separators "
                                       "(“%s”). It was read as %g; store it as a number in the "
                                       "spreadsheet."),
                                   model_name (c, r->model_id), benchmark_name (c, r->benchmark_id),
                                   where, r->raw, r->score));
    }
  /* Text cells recorded as gaps: the reader says "not a number"; a digit in the text says a
   * number was meant ("85.3 pts", "約85"). Excel errors ("#DIV/0!") and "nan" are not. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->gaps); i++)
    {
      LbGap *g = g_ptr_array_index (c->snapshot->gaps, i);
      LbImport *import = g_hash_table_lookup (c->imports, &g->import_id);
      g_autofree char *where = NULL;
      g_autofree char *raw = NULL;

      if (import != NULL && import->deleted)
        continue;
      if (g->reason == NULL || strstr (g->reason, "not a number") == NULL)
        continue;
      if (g->raw == NULL || !raw_has_digit (g->raw))
        continue;
      raw = g_strstrip (nfkc (g->raw));
      if (raw[0] == '#' || g_ascii_strcasecmp (raw, "nan") == 0)
        continue;
      if (current_result (c, g->model_id, g->benchmark_id) != NULL
          || full_then_omit (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE))
        continue;
      where = source_text (c, g->import_id, g->source_row, g->source_column, g->source_path);
      add_cell (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_EVALUATION_SCORE,
                "misdisplayed-number-as-text", g->model_id, g->benchmark_id, 0, g->import_id,
                g->source_row, g->source_column, g->source_path,
                g_strdup_printf (_("“%s” on “%s”%s holds the text “%s”, which looks like a number "
                                   "but could not be read as one, so the cell counts as empty. "
                                   "Write the plain number in the spreadsheet."),
                                 model_name (c, g->model_id), benchmark_name (c, g->benchmark_id),
                                 where, g->raw));
    }

  /* Names too long to be shown whole. */
  for (guint i = 0; i < N_ITEMS (c->snapshot->models); i++)
    {
      LbModel *m = g_ptr_array_index (c->snapshot->models, i);
      glong n = g_utf8_strlen (m->name != NULL ? m->name : "", -1);

      if (n > LB_SMELL_MAX_NAME_CHARS)
        add_model (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_MODEL, "misdisplayed-long-name", m,
                   "name", NULL,
                   g_strdup_printf (_("The model name “%s” has %ld characters, too long to be "
                                      "shown whole (more than %d). Shorten it and keep the details "
                                      "in the notes."), m->name, n, LB_SMELL_MAX_NAME_CHARS));
    }
  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);
      glong n = g_utf8_strlen (b->name != NULL ? b->name : "", -1);

      if (n > LB_SMELL_MAX_NAME_CHARS)
        add_benchmark (c, LB_SMELL_MISDISPLAYED, LB_COMPONENT_RANKING_DATAFRAME,
                       "misdisplayed-long-name", b, "name", NULL,
                       g_strdup_printf (_("The benchmark name “%s” has %ld characters, too long "
                                          "to be shown whole as a column header (more than %d). "
                                          "Shorten it and keep the details in the description."),
                                        b->name, n, LB_SMELL_MAX_NAME_CHARS));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Confusing
 * ------------------------------------------------------------------------------------------- */

/* Headers that say nothing about what was measured: what Excel, pandas or a hurried person
 * put on a column. Compared after NFKC, lower-casing and trimming. */
static gboolean
is_generic_header (const char *name)
{
  static const char * const words[] = {
    "score", "scores", "value", "values", "result", "results", "data", "metric", "number",
    "total", "点数", "得点", "スコア", "値", "結果", "数値", "データ",
  };
  static const char * const prefixes[] = {
    "column", "col", "列", "field", "unnamed:", "unnamed", "項目", "フィールド",
  };
  g_autofree char *norm = nfkc (name);
  g_autofree char *folded = g_strstrip (g_utf8_casefold (norm, -1));

  if (folded[0] == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (folded, words[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      {
        const char *rest = folded + strlen (prefixes[i]);
        gboolean digits = FALSE;

        while (*rest == ' ' || *rest == '_')
          rest++;
        for (; g_ascii_isdigit (*rest); rest++)
          digits = TRUE;
        if (digits && *rest == '\0')
          return TRUE;
      }
  return FALSE;
}

static void
check_confusing (Checks *c)
{
  for (guint i = 0; i < N_ITEMS (c->snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (c->snapshot->benchmarks, i);

      if (is_blank (b->description))
        add_benchmark (c, LB_SMELL_CONFUSING, LB_COMPONENT_BENCHMARK_TASK,
                       "confusing-no-description", b, "description", NULL,
                       g_strdup_printf (_("Benchmark “%s” has no description, so readers cannot "
                                          "tell what it tests. Add one line."), b->name));
      /* No unit is normal for a rating or a 1–10 grade, as long as the scale says what the
       * numbers mean; with neither, 0.85 and 85 read the same. */
      if (is_blank (b->unit) && !b->has_scale)
        add_benchmark (c, LB_SMELL_CONFUSING, LB_COMPONENT_BENCHMARK_METRIC, "confusing-no-unit",
                       b, "unit", NULL,
                       g_strdup_printf (_("Benchmark “%s” has neither a unit nor a scale, so "
                                          "readers cannot tell what its numbers mean. Record the "
                                          "unit (such as %%) or the scale (such as 0–1)."),
                                        b->name));
      if (!b->direction_confirmed)
        add_benchmark (c, LB_SMELL_CONFUSING, LB_COMPONENT_BENCHMARK_METRIC,
                       "confusing-no-direction", b, "higher_is_better", NULL,
                       g_strdup_printf (_("Benchmark “%s” does not say whether higher or lower "
                                          "is better. Confirm the direction."), b->name));
      if (is_generic_header (b->name))
        add_benchmark (c, LB_SMELL_CONFUSING, LB_COMPONENT_RANKING_DATAFRAME,
                       "confusing-generic-header", b, "name", NULL,
                       g_strdup_printf (_("The column “%s” has a generic header that does not "
                                          "say what was measured. Rename it after the benchmark."),
                                        b->name));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Inaccessible
 * ------------------------------------------------------------------------------------------- */

static gboolean
is_web_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *scheme;

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && !is_blank (g_uri_get_host (uri)) && strchr (trimmed, ' ') == NULL;
}

/* The checks run again after every change, so a file's hash is remembered for as long as its
 * size and modification time stay the same. */
typedef struct {
  guint64  size;
  gint64   mtime;
  char    *sha256;
} HashEntry;

static void
hash_entry_free (gpointer data)
{
  HashEntry *entry = data;

  g_free (entry->sha256);
  g_free (entry);
}

G_LOCK_DEFINE_STATIC (hash_cache);
static GHashTable *hash_cache;  /* path → HashEntry* */

/* The file's SHA-256 in hex, or NULL when it cannot be read. */
static char *
file_sha256 (const char *path)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  HashEntry *entry;
  guint64 size;
  gint64 mtime;
  guchar buf[65536];
  gssize n;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED
                            "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  size = g_file_info_get_size (info);
  mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
          + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  G_LOCK (hash_cache);
  if (hash_cache == NULL)
    hash_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hash_entry_free);
  entry = g_hash_table_lookup (hash_cache, path);
  if (entry != NULL && entry->size == size && entry->mtime == mtime)
    {
      char *sha = g_strdup (entry->sha256);

      G_UNLOCK (hash_cache);
      return sha;
    }
  G_UNLOCK (hash_cache);

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buf, sizeof buf, NULL, NULL)) > 0)
    g_checksum_update (checksum, buf, n);
  if (n < 0)
    return NULL;

  entry = g_new0 (HashEntry, 1);
  entry->size = size;
  entry->mtime = mtime;
  entry->sha256 = g_strdup (g_checksum_get_string (checksum));
  G_LOCK (hash_cache);
  g_hash_table_replace (hash_cache, g_strdup (path), entry);
  G_UNLOCK (hash_cache);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
check_inaccessible (Checks *c)
{
  for (guint i = 0; i < N_ITEMS (c->snapshot->models); i++)
    {
      LbModel *m = g_ptr_array_index (c->snapshot->models, i);

      if (is_blank (m->provenance_url) || is_web_url (m->provenance_url)
          || full_then_omit (c, LB_SMELL_INACCESSIBLE, LB_COMPONENT_MODEL))
        continue;
      add_model (c, LB_SMELL_INACCESSIBLE, LB_COMPONENT_MODEL, "inaccessible-provenance-url", m,
                 "provenance_url", m->provenance_url,
                 g_strdup_printf (_("The provenance link of “%s” (“%s”) is not a web address "
                                    "starting with http:// or https://, so nobody can open it. "
                                    "Correct the link."), m->name, m->provenance_url));
    }

  if (!c->options->check_files)
    return;
  for (guint i = 0; i < N_ITEMS (c->snapshot->imports); i++)
    {
      LbImport *import = g_ptr_array_index (c->snapshot->imports, i);
      g_autofree char *sha = NULL;
      g_autofree char *imported = lb_date_text_to_display (import->imported_at);

      if (!import_is_live (import) || import->status != LB_IMPORT_COMPLETE
          || is_blank (import->file_path))
        continue;
      if (!g_file_test (import->file_path, G_FILE_TEST_IS_REGULAR))
        {
          add_import (c, LB_SMELL_INACCESSIBLE, LB_COMPONENT_SUBMISSION_CHANNEL,
                      "inaccessible-source-missing", import, "file_path",
                      g_strdup_printf (_("The source file of “%s” (imported on %s) is no "
                                         "longer at “%s”: it was moved, renamed or deleted. Keep "
                                         "source files where they can be found, or import the "
                                         "file again from its new place."),
                                       import->file_name != NULL ? import->file_name : "?",
                                       imported != NULL ? imported : "?",
                                       import->file_path));
          continue;
        }
      sha = file_sha256 (import->file_path);
      if (sha != NULL && import->sha256 != NULL && g_ascii_strcasecmp (sha, import->sha256) != 0)
        add_import (c, LB_SMELL_INACCESSIBLE, LB_COMPONENT_SUBMISSION_CHANNEL,
                    "inaccessible-source-changed", import, "sha256",
                    g_strdup_printf (_("The source file “%s” has changed since it was imported "
                                       "on %s: the leaderboard no longer shows what the file "
                                       "says. Import it again."),
                                     import->file_path,
                                     imported != NULL ? imported : "?"));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Unresponsive
 * ------------------------------------------------------------------------------------------- */

static void
check_unresponsive (Checks *c)
{
  for (guint i = 0; i < N_ITEMS (c->snapshot->imports); i++)
    {
      LbImport *import = g_ptr_array_index (c->snapshot->imports, i);
      g_autofree char *imported = lb_date_text_to_display (import->imported_at);
      gboolean redone = FALSE;

      if (!import_is_live (import) || import->status == LB_IMPORT_COMPLETE)
        continue;
      /* A later complete import of the same file (by name or content) made up for it. */
      for (guint j = 0; j < N_ITEMS (c->snapshot->imports); j++)
        {
          LbImport *other = g_ptr_array_index (c->snapshot->imports, j);

          if (other == import || !import_is_live (other) || other->status != LB_IMPORT_COMPLETE)
            continue;
          if (g_strcmp0 (other->imported_at, import->imported_at) < 0)
            continue;
          if (g_strcmp0 (other->file_name, import->file_name) == 0
              || (import->sha256 != NULL && g_strcmp0 (other->sha256, import->sha256) == 0))
            redone = TRUE;
        }
      if (redone)
        continue;
      add_import (c, LB_SMELL_UNRESPONSIVE, LB_COMPONENT_SUBMISSION_CHANNEL,
                  import->status == LB_IMPORT_FAILED ? "unresponsive-import-failed"
                                                     : "unresponsive-import-cancelled",
                  import, "status",
                  g_strdup_printf (import->status == LB_IMPORT_FAILED
                                   ? _("The import of “%s” on %s failed and was never completed, "
                                       "so its results are missing. Fix the file and import it "
                                       "again.")
                                   : _("The import of “%s” on %s was cancelled and never "
                                       "completed, so its results are missing. Import it again."),
                                   import->file_name != NULL ? import->file_name : "?",
                                   imported != NULL ? imported : "?"));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Running the checks
 * ------------------------------------------------------------------------------------------- */

/* The last item of evidence that was capped. Its key holds the count, so more (or fewer)
 * findings than at the verdict ask for a new look like any new evidence. */
static LbEvidence *
more_evidence_new (LbSmellKind smell,
                   LbComponent component,
                   guint       omitted)
{
  return evidence_new (LB_EVIDENCE_LEADERBOARD, "more-evidence", NULL,
                       g_strdup_printf ("more-evidence|%s|%s|%u", lb_smell_kind_to_string (smell),
                                        lb_component_to_string (component), omitted),
                       g_strdup_printf (ngettext ("… and %u more finding of this kind, not listed "
                                                  "here. Correct the ones above and run the checks "
                                                  "again to see the rest.",
                                                  "… and %u more findings of this kind, not listed "
                                                  "here. Correct the ones above and run the checks "
                                                  "again to see the rest.", omitted),
                                        omitted));
}

GPtrArray *
lb_smells_detect (const LbSmellSnapshot *snapshot,
                  const LbSmellOptions  *options)
{
  Checks c = { 0 };
  GPtrArray *detections;
  gsize n_keys = 0;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (snapshot->leaderboard != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->today != NULL, NULL);

  c.snapshot = snapshot;
  c.options = options;
  if (!parse_iso_date (options->today, &c.today))
    {
      g_critical ("lb_smells_detect: today “%s” is not an ISO 8601 date", options->today);
      g_date_set_dmy (&c.today, 1, 1, 2000);
    }
  c.models = g_hash_table_new (g_int64_hash, g_int64_equal);
  c.benchmarks = g_hash_table_new (g_int64_hash, g_int64_equal);
  c.imports = g_hash_table_new (g_int64_hash, g_int64_equal);
  c.current = g_hash_table_new (cell_key_hash, cell_key_equal);
  c.by_benchmark = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  c.cell_gaps = g_hash_table_new (cell_key_hash, cell_key_equal);
  c.cell_keys = g_new (CellKey, MAX ((gsize) N_ITEMS (snapshot->results) + N_ITEMS (snapshot->gaps), 1));
  c.ranked = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < N_ITEMS (snapshot->models); i++)
    {
      LbModel *m = g_ptr_array_index (snapshot->models, i);
      g_hash_table_insert (c.models, &m->id, m);
    }
  for (guint i = 0; i < N_ITEMS (snapshot->benchmarks); i++)
    {
      LbBenchmark *b = g_ptr_array_index (snapshot->benchmarks, i);
      g_hash_table_insert (c.benchmarks, &b->id, b);
    }
  for (guint i = 0; i < N_ITEMS (snapshot->imports); i++)
    {
      LbImport *import = g_ptr_array_index (snapshot->imports, i);
      g_hash_table_insert (c.imports, &import->id, import);
    }
  for (guint i = 0; i < N_ITEMS (snapshot->results); i++)
    {
      LbResult *r = g_ptr_array_index (snapshot->results, i);

      GPtrArray *column;

      if (!r->current)
        continue;
      c.cell_keys[n_keys] = (CellKey) { r->model_id, r->benchmark_id };
      g_hash_table_replace (c.current, &c.cell_keys[n_keys++], r);
      g_hash_table_add (c.ranked, &r->model_id);
      column = g_hash_table_lookup (c.by_benchmark, &r->benchmark_id);
      if (column == NULL)
        {
          column = g_ptr_array_new ();
          g_hash_table_insert (c.by_benchmark, &r->benchmark_id, column);
        }
      g_ptr_array_add (column, r);
    }
  /* The gap of the newest live import explains a hole best. */
  for (guint i = 0; i < N_ITEMS (snapshot->gaps); i++)
    {
      LbGap *g = g_ptr_array_index (snapshot->gaps, i);
      LbImport *import = g_hash_table_lookup (c.imports, &g->import_id);
      CellKey *key;
      LbGap *other;

      if (import != NULL && import->deleted)
        continue;
      c.cell_keys[n_keys] = (CellKey) { g->model_id, g->benchmark_id };
      key = &c.cell_keys[n_keys++];
      other = g_hash_table_lookup (c.cell_gaps, key);
      if (other == NULL || g->import_id >= other->import_id)
        g_hash_table_replace (c.cell_gaps, key, g);
    }

  check_confusing (&c);
  check_deprecated (&c);
  check_inaccessible (&c);
  check_misdisplayed (&c);
  check_mismatched (&c);
  check_missing (&c);
  check_redundant (&c);
  check_unresponsive (&c);

  detections = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_detection_free);
  for (guint s = 0; s < LB_N_SMELLS; s++)
    for (guint k = 0; k < LB_N_COMPONENTS; k++)
      if (c.found[s][k] != NULL)
        {
          LbDetection *d = g_new0 (LbDetection, 1);

          d->smell = s;
          d->component = k;
          d->evidence = g_steal_pointer (&c.found[s][k]);
          if (c.omitted[s][k] > 0)
            g_ptr_array_add (d->evidence, more_evidence_new (s, k, c.omitted[s][k]));
          g_ptr_array_add (detections, d);
        }

  g_hash_table_unref (c.models);
  g_hash_table_unref (c.benchmarks);
  g_hash_table_unref (c.imports);
  g_hash_table_unref (c.current);
  g_hash_table_unref (c.by_benchmark);
  g_hash_table_unref (c.ranked);
  g_hash_table_unref (c.cell_gaps);
  g_free (c.cell_keys);
  return detections;
}

LbDetection *
lb_detections_find (GPtrArray   *detections,
                    LbSmellKind  smell,
                    LbComponent  component)
{
  g_return_val_if_fail (detections != NULL, NULL);

  for (guint i = 0; i < detections->len; i++)
    {
      LbDetection *d = g_ptr_array_index (detections, i);

      if (d->smell == smell && d->component == component)
        return d;
    }
  return NULL;
}

char *
lb_detection_to_text (const LbDetection *detection)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (detection != NULL, NULL);

  for (guint i = 0; i < detection->evidence->len; i++)
    {
      LbEvidence *ev = g_ptr_array_index (detection->evidence, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s [%s]", ev->message, ev->key);
    }
  return g_string_free (text, FALSE);
}

char *
lb_smell_evidence_display (const LbSmell *smell)
{
  g_auto(GStrv) lines = NULL;
  GString *out;

  g_return_val_if_fail (smell != NULL, NULL);

  if (is_blank (smell->evidence))
    return NULL;
  out = g_string_new (NULL);
  lines = g_strsplit (smell->evidence, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);
      const char *open = NULL;

      /* "message [check-id|…]": a message or a name may hold brackets, a check id only
       * lower-case letters and dashes. */
      if (len > 0 && lines[i][len - 1] == ']')
        for (const char *p = lines[i]; open == NULL && (p = strstr (p, " [")) != NULL; p++)
          {
            const char *q = p + 2;

            while (g_ascii_islower (*q) || *q == '-')
              q++;
            if (q > p + 2 && *q == '|')
              open = p;
          }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, lines[i], open != NULL ? (gssize) (open - lines[i]) : (gssize) len);
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------------------
 * Verdict rules
 * ------------------------------------------------------------------------------------------- */

gboolean
lb_smell_has_verdict (const LbSmell *smell)
{
  g_return_val_if_fail (smell != NULL, FALSE);

  /* A verdict carries a reviewer or a date (an LBOM may hold either); checks set neither. */
  return (!is_blank (smell->reviewer) || !is_blank (smell->checked_at))
         && smell->status != NULL && strcmp (smell->status, "unchecked") != 0;
}

/* Whether @stored_text (one "message [key]" per line) holds an item with @key. */
static gboolean
text_has_key (const char *stored_text,
              const char *key)
{
  g_autofree char *suffix = g_strdup_printf (" [%s]", key);
  g_auto(GStrv) lines = NULL;

  if (stored_text == NULL)
    return FALSE;
  lines = g_strsplit (stored_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_suffix (lines[i], suffix))
      return TRUE;
  return FALSE;
}

static LbSmell *
item_new (const LbSmell *stored,
          gint64         leaderboard_id,
          LbSmellKind    smell,
          LbComponent    component)
{
  LbSmell *item;

  if (stored != NULL)
    return lb_smell_copy (stored);
  item = g_new0 (LbSmell, 1);
  item->leaderboard_id = leaderboard_id;
  item->smell = g_strdup (lb_smell_kind_to_string (smell));
  item->component = component < LB_N_COMPONENTS ? g_strdup (lb_component_to_string (component)) : NULL;
  item->status = g_strdup ("unchecked");
  return item;
}

LbSmell *
lb_smell_apply_detection (const LbSmell     *stored,
                          gint64             leaderboard_id,
                          LbSmellKind        smell,
                          LbComponent        component,
                          const LbDetection *detection)
{
  LbSmell *item;

  g_return_val_if_fail (smell < LB_N_SMELLS, NULL);
  g_return_val_if_fail (component < LB_N_COMPONENTS, NULL);

  item = item_new (stored, leaderboard_id, smell, component);

  if (lb_smell_has_verdict (item))
    {
      if (detection != NULL)
        for (guint i = 0; i < detection->evidence->len; i++)
          {
            LbEvidence *ev = g_ptr_array_index (detection->evidence, i);

            if (!text_has_key (item->evidence, ev->key))
              item->needs_review = TRUE;
          }
    }
  else
    {
      g_free (item->status);
      item->status = g_strdup (detection != NULL ? "present" : "unchecked");
    }

  item->detected = detection != NULL;
  g_free (item->evidence);
  item->evidence = detection != NULL ? lb_detection_to_text (detection) : NULL;
  return item;
}

LbSmell *
lb_smell_apply_verdict (const LbSmell *stored,
                        gint64         leaderboard_id,
                        LbSmellKind    smell,
                        LbComponent    component,
                        LbSmellStatus  status,
                        const char    *note,
                        const char    *reviewer,
                        const char    *checked_at)
{
  LbSmell *item;

  g_return_val_if_fail (smell < LB_N_SMELLS, NULL);
  g_return_val_if_fail (component <= LB_N_COMPONENTS, NULL);
  g_return_val_if_fail (status < LB_N_SMELL_STATUSES, NULL);

  item = item_new (stored, leaderboard_id, smell, component);
  g_free (item->status);
  item->status = g_strdup (lb_smell_status_to_string (status));
  g_free (item->note);
  item->note = is_blank (note) ? NULL : g_strdup (note);
  g_free (item->reviewer);
  item->reviewer = is_blank (reviewer) ? NULL : g_strdup (reviewer);
  g_free (item->checked_at);
  item->checked_at = g_strdup (checked_at);
  item->needs_review = FALSE;
  return item;
}

GPtrArray *
lb_smell_checklist (GPtrArray *stored,
                    gint64     leaderboard_id)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_smell_free);

  for (guint s = 0; s < LB_N_SMELLS; s++)
    {
      for (guint k = 0; k < LB_N_COMPONENTS; k++)
        {
          LbSmell *found = NULL;

          for (guint i = 0; stored != NULL && i < stored->len && found == NULL; i++)
            {
              LbSmell *row = g_ptr_array_index (stored, i);

              if (g_strcmp0 (row->smell, smells[s].id) == 0
                  && g_strcmp0 (row->component, components[k].id) == 0)
                found = row;
            }
          g_ptr_array_add (list, item_new (found, leaderboard_id, s, k));
        }
      for (guint i = 0; stored != NULL && i < stored->len; i++)
        {
          LbSmell *row = g_ptr_array_index (stored, i);

          if (g_strcmp0 (row->smell, smells[s].id) == 0 && row->component == NULL)
            g_ptr_array_add (list, lb_smell_copy (row));
        }
    }
  return list;
}

void
lb_smell_count (GPtrArray     *checklist,
                LbSmellCounts *counts)
{
  g_autoptr(GPtrArray) full = NULL;

  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  full = lb_smell_checklist (checklist, 0);
  for (guint i = 0; i < full->len; i++)
    {
      LbSmell *item = g_ptr_array_index (full, i);
      LbSmellStatus status = LB_SMELL_STATUS_UNCHECKED;

      lb_smell_status_from_string (item->status, &status);
      counts->total++;
      switch (status)
        {
        case LB_SMELL_STATUS_UNCHECKED: counts->unchecked++; break;
        case LB_SMELL_STATUS_PRESENT: counts->present++; break;
        case LB_SMELL_STATUS_ABSENT: counts->absent++; break;
        case LB_SMELL_STATUS_MITIGATED: counts->mitigated++; break;
        case LB_SMELL_STATUS_ACCEPTED: counts->accepted++; break;
        case LB_N_SMELL_STATUSES:
        default: g_assert_not_reached ();
        }
      if (item->detected)
        counts->detected++;
      if (item->needs_review)
        counts->needs_review++;
      if (status == LB_SMELL_STATUS_PRESENT || item->needs_review)
        counts->attention++;
    }
}
