/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells.h: the leaderboard smell checklist (LBOps, Zhao et al. 2025): catalogue,
 * automatic checks over a snapshot, and the rules that merge them with reviewers' verdicts */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include "lb-store.h"
#include "lb-types.h"

G_BEGIN_DECLS

/* In the order of docs/lbom.md; the identifiers are lb_smell_kind_to_string(). */
typedef enum {
  LB_SMELL_CONFUSING,
  LB_SMELL_DEPRECATED,
  LB_SMELL_INACCESSIBLE,
  LB_SMELL_MISDISPLAYED,
  LB_SMELL_MISMATCHED,
  LB_SMELL_MISSING,
  LB_SMELL_REDUNDANT,
  LB_SMELL_UNRESPONSIVE,
  LB_N_SMELLS
} LbSmellKind;

typedef enum {
  LB_COMPONENT_BENCHMARK_DATASET,
  LB_COMPONENT_BENCHMARK_TASK,
  LB_COMPONENT_BENCHMARK_METRIC,
  LB_COMPONENT_BENCHMARK_PROTOCOL,
  LB_COMPONENT_EVALUATION_HARNESS,
  LB_COMPONENT_EVALUATION_SCORE,
  LB_COMPONENT_MODEL,
  LB_COMPONENT_RANKING_DATAFRAME,
  LB_COMPONENT_SUBMISSION_CHANNEL,
  LB_N_COMPONENTS
} LbComponent;

/* The checklist status of one smell × component. */
typedef enum {
  LB_SMELL_STATUS_UNCHECKED,
  LB_SMELL_STATUS_PRESENT,
  LB_SMELL_STATUS_ABSENT,
  LB_SMELL_STATUS_MITIGATED,
  LB_SMELL_STATUS_ACCEPTED,
  LB_N_SMELL_STATUSES
} LbSmellStatus;

/* ---- catalogue: identifiers are untranslated; every other text is translated ---- */
const char *lb_smell_kind_to_string      (LbSmellKind kind);          /* "confusing" */
gboolean    lb_smell_kind_from_string    (const char *id, LbSmellKind *out);
const char *lb_smell_kind_label          (LbSmellKind kind);          /* "Confusing entity" */
const char *lb_smell_kind_explanation    (LbSmellKind kind);          /* plain explanation */
const char *lb_smell_kind_look_for       (LbSmellKind kind);          /* in an internal leaderboard */
const char *lb_smell_kind_action         (LbSmellKind kind);          /* what to do about it */

const char *lb_component_to_string       (LbComponent component);     /* "benchmark-dataset" */
gboolean    lb_component_from_string     (const char *id, LbComponent *out);
const char *lb_component_label           (LbComponent component);     /* "Benchmark dataset" */
const char *lb_component_explanation     (LbComponent component);

const char *lb_smell_status_to_string    (LbSmellStatus status);      /* "unchecked" */
gboolean    lb_smell_status_from_string  (const char *id, LbSmellStatus *out);
const char *lb_smell_status_label        (LbSmellStatus status);      /* "Accepted risk" */

/* ---- what the checks read ---- */

/* A read-only view of one leaderboard. The arrays hold the records; NULL arrays count as empty. */
typedef struct {
  LbLeaderboard *leaderboard;  /* required */
  GPtrArray     *benchmarks;   /* of LbBenchmark* */
  GPtrArray     *models;       /* of LbModel* */
  GPtrArray     *results;      /* of LbResult*, every result incl. superseded ones */
  GPtrArray     *gaps;         /* of LbGap* */
  GPtrArray     *imports;      /* of LbImport*, with warnings */
} LbSmellSnapshot;

/* A new empty snapshot owning @leaderboard (a copy is not made) and empty arrays with free funcs. */
LbSmellSnapshot *lb_smell_snapshot_new  (LbLeaderboard *leaderboard);
void             lb_smell_snapshot_free (LbSmellSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbSmellSnapshot, lb_smell_snapshot_free)

#define LB_SMELL_DEFAULT_MAX_RESULT_AGE_DAYS 180
#define LB_SMELL_MAX_NAME_CHARS 60
/* Evidence kept per smell × component; beyond it one last item says how many more were found
 * (check "more-evidence"), so memory stays bounded whatever the sheet holds. */
#define LB_SMELL_MAX_EVIDENCE 200

typedef struct {
  const char *today;               /* "YYYY-MM-DD" or an ISO 8601 timestamp; required */
  guint       max_result_age_days; /* results evaluated longer ago are "deprecated"; 0: default */
  gboolean    check_files;         /* look at imports' source files on disk */
} LbSmellOptions;

/* today = NULL (the caller must set it), default age, check_files = TRUE. */
void lb_smell_options_init (LbSmellOptions *options);

/* ---- what the checks find ---- */

typedef enum {
  LB_EVIDENCE_LEADERBOARD,   /* a field of the leaderboard record (field) */
  LB_EVIDENCE_BENCHMARK,     /* a benchmark (benchmark_id; field when one is meant) */
  LB_EVIDENCE_MODEL,         /* a model (model_id; field when one is meant) */
  LB_EVIDENCE_CELL,          /* model × benchmark in the Results table; import/row/column when imported */
  LB_EVIDENCE_IMPORT,        /* an import (import_id) */
} LbEvidenceKind;

typedef struct {
  LbEvidenceKind kind;
  char   *check;          /* stable id of the check, e.g. "missing-model-version" */
  char   *field;          /* record field: "purpose", "version", "metric", ... or NULL */
  gint64  model_id;       /* 0 when none */
  gint64  benchmark_id;
  gint64  import_id;
  gint64  result_id;
  guint   row;            /* 1-based record number in the import's file, 0: none */
  guint   column;         /* 1-based, 0: none */
  char   *path;           /* where in a result file (a JSON path; row and column are then of the
                           * table the file was read as, not a cell), or NULL */
  char   *key;            /* untranslated, built from names: the same finding gives the same key */
  char   *message;        /* translated: what is wrong and where */
} LbEvidence;

LB_DEFINE_RECORD (LbEvidence, lb_evidence)
#define LB_TYPE_EVIDENCE (lb_evidence_get_type ())

const char *lb_evidence_kind_to_string (LbEvidenceKind kind);  /* "leaderboard", "cell", ... */

typedef struct {
  LbSmellKind  smell;
  LbComponent  component;
  GPtrArray   *evidence;     /* of LbEvidence*, never empty */
} LbDetection;

void lb_detection_free (LbDetection *detection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbDetection, lb_detection_free)

/* Runs every automatic check. Returns LbDetection* (at most one per smell × component, in
 * catalogue order, each with its evidence), owned by the caller. Pure apart from reading the
 * imports' source files when options->check_files. */
GPtrArray   *lb_smells_detect        (const LbSmellSnapshot *snapshot,
                                      const LbSmellOptions  *options);

/* The detection for @smell × @component in @detections, or NULL (borrowed). */
LbDetection *lb_detections_find      (GPtrArray   *detections,
                                      LbSmellKind  smell,
                                      LbComponent  component);

/* The text stored in LbSmell.evidence: one line per item, "message [key]" (newly allocated). */
char        *lb_detection_to_text    (const LbDetection *detection);

/* The stored evidence of @smell for people to read: its lines without the "[key]" ending the
 * checks use to notice new evidence; NULL when there is none. Newly allocated. */
char        *lb_smell_evidence_display (const LbSmell *smell);

/* ---- verdict rules ---- */

/* Whether @smell holds a reviewer's verdict: a status other than unchecked, given by a reviewer
 * or on a date (the checks set neither). */
gboolean     lb_smell_has_verdict    (const LbSmell *smell);

/* Merges a check run into one checklist item and returns the new item (newly allocated).
 * @stored may be NULL (never reviewed, never detected); @detection NULL means nothing was found.
 * Without a verdict the status follows the checks: present when detected, else unchecked.
 * A verdict is never overwritten; evidence with a key the stored evidence lacks sets
 * needs_review, which only a new verdict clears. */
LbSmell     *lb_smell_apply_detection (const LbSmell     *stored,
                                       gint64             leaderboard_id,
                                       LbSmellKind        smell,
                                       LbComponent        component,
                                       const LbDetection *detection);

/* A reviewer's verdict on @stored (may be NULL): status, note, reviewer and checked_at set,
 * needs_review cleared. @component LB_N_COMPONENTS stands for a row without a component (as an
 * LBOM may hold). Newly allocated. */
LbSmell     *lb_smell_apply_verdict   (const LbSmell     *stored,
                                       gint64             leaderboard_id,
                                       LbSmellKind        smell,
                                       LbComponent        component,
                                       LbSmellStatus      status,
                                       const char        *note,
                                       const char        *reviewer,
                                       const char        *checked_at);

/* The full checklist: one LbSmell* per smell × component in catalogue order (copies of the
 * stored rows, fresh unchecked items where none is stored), followed by stored rows without a
 * component (from an LBOM) at the end of their smell's group. Newly allocated. */
GPtrArray   *lb_smell_checklist       (GPtrArray *stored,
                                       gint64     leaderboard_id);

typedef struct {
  guint total;
  guint unchecked;
  guint present;
  guint absent;
  guint mitigated;
  guint accepted;
  guint detected;       /* items an automatic check found evidence for */
  guint needs_review;
  guint attention;      /* present, or flagged for a new look: the sidebar badge */
} LbSmellCounts;

/* Counts the checklist: the one function behind the sidebar badge, the page and the report.
 * @checklist is what lb_smell_checklist() returns (or the stored rows: missing ones count as
 * unchecked). */
void         lb_smell_count           (GPtrArray     *checklist,
                                       LbSmellCounts *counts);

/* ---- text and JSON for the CLI and the report ---- */

/* Every checklist item with its status, verdict and evidence, as `leaderboard-cli smells`
 * prints it (translated, newly allocated). @snapshot gives the names; @today "YYYY-MM-DD…". */
char        *lb_smells_format_text    (const LbSmellSnapshot *snapshot,
                                       GPtrArray             *checklist,
                                       GPtrArray             *detections,
                                       const char            *today);

/* The same as a JSON object (see lb-smells-run.c for the keys); new reference. */
JsonNode    *lb_smells_to_json        (const LbSmellSnapshot *snapshot,
                                       GPtrArray             *checklist,
                                       GPtrArray             *detections,
                                       const char            *today);

/* ---- with the store (lb-smells-run.c) ---- */

/* Reads everything the checks look at: the leaderboard, its benchmarks, models, every result
 * (superseded ones too), gaps and imports with warnings. */
LbSmellSnapshot *lb_smell_snapshot_load (LbStore  *store,
                                         gint64    leaderboard_id,
                                         GError  **error);

/* Runs the checks on the stored leaderboard and merges them into its stored checklist with the
 * verdict rules, in one transaction; every changed field is written to the audit log. @options
 * may be NULL (defaults, today from lb_now_iso8601()). Returns the full checklist (as
 * lb_smell_checklist()); @detections, when not NULL, receives the detections. */
GPtrArray   *lb_smells_run            (LbStore               *store,
                                       gint64                 leaderboard_id,
                                       const LbSmellOptions  *options,
                                       LbSmellSnapshot      **snapshot,
                                       GPtrArray            **detections,
                                       GError               **error);

/* lb_smells_run() in a GTask thread on its own connection to @db_path, recorded under @user
 * (NULL: the default), today from lb_now_iso8601(). Cancelling drops the outcome (the
 * checks do not write once cancelled before their write transaction). */
void         lb_smells_run_async      (const char            *db_path,
                                       const char            *user,
                                       gint64                 leaderboard_id,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
/* The checklist, as lb_smells_run(); @detections as there; @wrote, when not NULL, whether the
 * run changed the stored checklist (then call lb_store_emit_changed() on the main store). */
GPtrArray   *lb_smells_run_finish     (GAsyncResult          *result,
                                       GPtrArray            **detections,
                                       gboolean              *wrote,
                                       GError               **error);

/* Stores the verdict of the store's user on one item (audited); returns the stored item. */
LbSmell     *lb_smells_set_verdict    (LbStore        *store,
                                       gint64          leaderboard_id,
                                       LbSmellKind     smell,
                                       LbComponent     component,
                                       LbSmellStatus   status,
                                       const char     *note,
                                       GError        **error);

/* lb_smell_count() of the stored checklist: what the sidebar badge and the report show. */
gboolean     lb_smells_count_stored   (LbStore        *store,
                                       gint64          leaderboard_id,
                                       LbSmellCounts  *counts,
                                       GError        **error);

G_END_DECLS
