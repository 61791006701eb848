/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-importer.h: turns a CSV file, a workbook's sheet or a result file into results in the store, in one transaction */
#pragma once

#include <gio/gio.h>
#include "lb-csv-reader.h"
#include "lb-store.h"
#include "lb-summary-rows.h"
#include "lb-xlsx-reader.h"

G_BEGIN_DECLS

#define LB_IMPORT_ERROR (lb_import_error_quark ())

typedef enum {
  LB_IMPORT_ERROR_NO_MODEL_COLUMN,   /* no column says which model a row is about */
  LB_IMPORT_ERROR_NO_SCORE_COLUMN,   /* nothing to import */
  LB_IMPORT_ERROR_LAYOUT,            /* long layout without benchmark/score columns */
  LB_IMPORT_ERROR_DUPLICATE_FILE,    /* the same bytes were imported into this leaderboard already */
  LB_IMPORT_ERROR_DUPLICATE_HEADER,  /* two columns with one name would become one benchmark */
  LB_IMPORT_ERROR_NO_RESULTS,        /* the file holds no numbers at all */
  LB_IMPORT_ERROR_CANCELLED,
  LB_IMPORT_ERROR_TOO_LARGE,         /* a pipe or device gives more than LB_IMPORT_MAX_STREAM_SIZE */
  LB_IMPORT_ERROR_HEADER_AMBIGUOUS,  /* two rows are equally likely to be the header: the user chooses */
} LbImportError;

/* The most read from standard input, a pipe or a device (which are copied to a temporary file). */
#define LB_IMPORT_MAX_STREAM_SIZE ((guint64) 256 * 1024 * 1024)

typedef enum {
  LB_LAYOUT_WIDE,   /* a row per model, a column per benchmark */
  LB_LAYOUT_LONG,   /* a row per result: model, benchmark, score, ... */
} LbLayout;

typedef enum {
  LB_COLUMN_IGNORE,
  LB_COLUMN_MODEL,
  LB_COLUMN_VERSION,
  LB_COLUMN_PROVIDER,
  LB_COLUMN_DATE,
  LB_COLUMN_NOTES,
  LB_COLUMN_SCORE,       /* wide: a benchmark's scores; long: the score column */
  LB_COLUMN_STDERR,      /* wide: stderr of the score column named by stderr_of; long: the stderr column */
  LB_COLUMN_BENCHMARK,   /* long only: the benchmark name */
  LB_COLUMN_LICENSE,     /* kept in the model's notes */
  LB_COLUMN_PARAMETERS,  /* kept in the model's notes */
  LB_N_COLUMN_ROLES
} LbColumnRole;

typedef struct {
  guint        column;            /* 1-based */
  char        *header;            /* header text as decoded, cleaned of BOM/NBSP */
  LbColumnRole role;
  gboolean     role_detected;     /* FALSE once the user chose */
  char        *unit;              /* SCORE: "%" or NULL */
  gboolean     unit_detected;
  gboolean     higher_is_better;  /* SCORE */
  gboolean     direction_detected;/* TRUE while it is only our guess (from the name) */
  guint        stderr_of;         /* STDERR in wide layout: the SCORE column it belongs to */
  gboolean     unnamed;           /* the header cell was empty ("Column F" is made up) */
} LbColumnSpec;

typedef enum {
  LB_IMPORT_FLAGS_NONE    = 0,
  LB_IMPORT_FLAGS_DRY_RUN = 1 << 0,  /* read and check everything, write nothing */
  LB_IMPORT_FLAGS_FORCE   = 1 << 1,  /* import a file whose sha256 was imported before */
} LbImportFlags;

typedef struct {
  gint64     leaderboard_id;
  gboolean   leaderboard_created;
  gint64     import_id;          /* 0 for a dry run */
  guint      records;            /* data records read (header and blank rows excluded) */
  guint      results;            /* results written (or that would be) */
  guint      gaps;               /* cells without a value */
  guint      models_created;
  guint      benchmarks_created;
  GPtrArray *warnings;           /* of LbWarning*, never NULL */
  guint      summary_rows;       /* rows left out as summaries (平均, Total, ...) */
  LbImportMode mode;             /* the mode that applied */
  guint      values_changed;     /* current values this import gives a different score */
  guint      withdrawn;          /* current values it withdraws (mode "replace": now without a value) */
  guint      unlisted;           /* models no longer listed after it (mode "replace") */
  guint      models_updated;     /* existing models whose version, provider or notes it changes */
} LbImportOutcome;

void lb_import_outcome_clear (LbImportOutcome *outcome);

/* Which counts lb_import_outcome_counts() says. */
typedef enum {
  LB_OUTCOME_RESULTS         = 1 << 0,
  LB_OUTCOME_VALUES_CHANGED  = 1 << 1,
  LB_OUTCOME_WITHDRAWN       = 1 << 2,
  LB_OUTCOME_UNLISTED        = 1 << 3,
  LB_OUTCOME_NEW_MODELS      = 1 << 4,
  LB_OUTCOME_NEW_BENCHMARKS  = 1 << 5,
  LB_OUTCOME_GAPS            = 1 << 6,
  LB_OUTCOME_WARNINGS        = 1 << 7,
} LbOutcomeCounts;

/* The chosen counts of @outcome as one translated phrase, each with its plural, in the order
 * above: "6 values changed, 1 withdrawn, 1 model no longer listed". Newly allocated. */
char *lb_import_outcome_counts (const LbImportOutcome *outcome,
                                LbOutcomeCounts        which);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LbImportOutcome, lb_import_outcome_clear)

typedef void (*LbImportProgress) (double fraction, gpointer user_data);

#define LB_TYPE_IMPORTER (lb_importer_get_type ())
G_DECLARE_FINAL_TYPE (LbImporter, lb_importer, LB, IMPORTER, GObject)

GQuark        lb_import_error_quark      (void);

/* Opens @file, detects the dialect, reads the header and a sample, and proposes a plan
 * (layout, column roles, units, directions), using a mapping remembered in @store for the
 * same header signature when there is one (@store may be NULL). Standard input, a pipe or a
 * device is read once into a temporary file (at most LB_IMPORT_MAX_STREAM_SIZE), removed with
 * the importer; the provenance keeps @file's name. */
LbImporter   *lb_importer_new            (GFile              *file,
                                          const LbCsvOptions *options,
                                          LbStore            *store,
                                          GCancellable       *cancellable,
                                          GError            **error);

GFile        *lb_importer_get_file       (LbImporter *self);
const LbCsvDialect *lb_importer_get_dialect (LbImporter *self);
/* A workbook's sheets (of LbXlsxSheet*, data sheets first, owned), or NULL for a CSV file. */
GPtrArray    *lb_importer_get_sheets     (LbImporter *self);
/* The result file's format as users know it, with the version the file states
 * ("lm-evaluation-harness results (lm_eval 0.4.2)"), translated; NULL for a table. Owned. */
const char   *lb_importer_get_source_format (LbImporter *self);
/* In a long table (a row per result) each benchmark has its own direction, stated by a result
 * file or guessed from the benchmark's name, and the score column has none: where they come
 * from, "direction per benchmark, as the file states"; translated, newly allocated. NULL for
 * a wide table, whose score columns have their directions. */
char         *lb_importer_dup_direction_text (LbImporter *self);
/* The sheet the plan reads (options->sheet, or the workbook's only sheet with a table, or
 * its first sheet), or NULL for a CSV file. */
const char   *lb_importer_get_sheet      (LbImporter *self);
/* TRUE when no sheet was named and the workbook has several sheets with a table (or none):
 * the caller should ask which one. */
gboolean      lb_importer_get_sheet_ambiguous (LbImporter *self);
LbLayout      lb_importer_get_layout     (LbImporter *self);
gboolean      lb_importer_get_layout_detected (LbImporter *self);
void          lb_importer_set_layout     (LbImporter *self, LbLayout layout);
/* Of LbColumnSpec*, one per header column, owned by the importer. */
GPtrArray    *lb_importer_get_columns    (LbImporter *self);
void          lb_importer_set_column_role (LbImporter *self, guint column, LbColumnRole role);
void          lb_importer_set_column_unit (LbImporter *self, guint column, const char *unit);
/* Makes the standard-error column @column that of the score column @score_column (0: none). */
void          lb_importer_set_column_stderr_of (LbImporter *self, guint column, guint score_column);
void          lb_importer_set_column_direction (LbImporter *self, guint column, gboolean higher_is_better);
/* The header signature the mapping is remembered under. */
const char   *lb_importer_get_signature  (LbImporter *self);
/* Whether the plan came from a remembered mapping. */
gboolean      lb_importer_get_mapping_remembered (LbImporter *self);
/* A sentence when the preview's text looks like mojibake (wrong encoding), else NULL. */
const char   *lb_importer_get_encoding_warning (LbImporter *self);

/* Who is recorded as importing, when the run's store (a worker's own connection) does not
 * know: the name set in the window's store. NULL: the store's user. */
void          lb_importer_set_user       (LbImporter *self, const char *user);
/* The first data records (at most 100) as read for the preview, of LbCsvRecord*. */
GPtrArray    *lb_importer_get_preview    (LbImporter *self);
/* Whether the preview's record @record is a summary row (平均, Total, or numbers that are the
 * mean or sum of the rows above), which the import leaves out unless it is forced. */
LbSummaryKind lb_importer_get_row_summary (LbImporter *self, guint record);
/* Imports the summary row @record anyway (@forced TRUE), or leaves it out again. */
void          lb_importer_set_row_forced (LbImporter *self, guint record, gboolean forced);
gboolean      lb_importer_get_row_forced (LbImporter *self, guint record);
/* Who produced the file's numbers (the vendor, a third party, or us), recorded with the
 * import; a result file's own statement per value (Every Eval Ever's evaluator) comes first. */
void          lb_importer_set_provenance (LbImporter *self, LbProvenanceClass provenance);
LbProvenanceClass lb_importer_get_provenance (LbImporter *self);
/* Chooses the mode (the user's choice; without one, lb_importer_guess_mode() decides at run). */
void          lb_importer_set_mode       (LbImporter *self, LbImportMode mode);
/* The mode an import into @leaderboard_name would use, and in @reason (may be NULL; translated,
 * newly allocated) why: the choice made, the one remembered for the leaderboard, or whether the
 * file has the same columns as the leaderboard's newest import (then it is the new version of
 * the sheet). A leaderboard without imports gets "add". */
LbImportMode  lb_importer_guess_mode     (LbImporter  *self,
                                          LbStore     *store,
                                          const char  *leaderboard_name,
                                          char       **reason);
/* Checks the plan: FALSE with the blocking reason, TRUE otherwise. */
gboolean      lb_importer_check          (LbImporter *self, GError **error);

/* Imports into the leaderboard @leaderboard_name (created when missing) in one transaction.
 * On any error or cancel nothing is written; LB_CSV_ERROR_CHANGED when the file is no longer
 * the one the plan was made from (size, modification time or the bytes read for it). Warnings go into @outcome and the import. */
gboolean      lb_importer_run            (LbImporter        *self,
                                          LbStore           *store,
                                          const char        *leaderboard_name,
                                          LbImportFlags      flags,
                                          LbImportProgress   progress,
                                          gpointer           progress_data,
                                          GCancellable      *cancellable,
                                          LbImportOutcome   *outcome,
                                          GError           **error);

/* The same in a worker thread on its own connection to the database at @db_path;
 * @progress is called in the main context. */
void          lb_importer_run_async      (LbImporter          *self,
                                          const char          *db_path,
                                          const char          *leaderboard_name,
                                          LbImportFlags        flags,
                                          LbImportProgress     progress,
                                          gpointer             progress_data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean      lb_importer_run_finish     (LbImporter       *self,
                                          GAsyncResult     *result,
                                          LbImportOutcome  *outcome,
                                          GError          **error);

const char   *lb_column_role_to_string   (LbColumnRole role);  /* "model", "score", ... */
const char   *lb_column_role_label       (LbColumnRole role);  /* translated label */
const char   *lb_layout_to_string        (LbLayout layout);    /* "wide" / "long" */

G_END_DECLS
