/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store.h: the SQLite store, the only place data lives */
#pragma once

#include <gio/gio.h>
#include "lb-types.h"
#include "lb-clock.h"

G_BEGIN_DECLS

#define LB_STORE_ERROR (lb_store_error_quark ())

typedef enum {
  LB_STORE_ERROR_OPEN,          /* cannot open or create the file */
  LB_STORE_ERROR_NOT_A_DATABASE,/* the file is not an SQLite database, or is corrupt */
  LB_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer version of the app: refused, never changed */
  LB_STORE_ERROR_READ_ONLY,
  LB_STORE_ERROR_BUSY,          /* locked by another process */
  LB_STORE_ERROR_FULL,          /* disk full */
  LB_STORE_ERROR_NOT_FOUND,
  LB_STORE_ERROR_EXISTS,        /* a unique name is taken */
  LB_STORE_ERROR_INVALID,       /* a value the field does not accept */
  LB_STORE_ERROR_FAILED,        /* anything else SQLite reports */
  LB_STORE_ERROR_OLDER_SCHEMA,  /* lb_store_open_read_only(): needs an upgrade, which writes */
} LbStoreError;

/* The schema version this build writes (PRAGMA user_version). 1: first schema; 2: mappings;
 * 3: results' foreign keys deferred; 4: saved compare choices; 5: benchmarks' item counts;
 * 6: workbook sheets and stored cells; 7: results indexed by id; 8: import modes. */
#define LB_STORE_SCHEMA_VERSION 12

/* PRAGMA application_id of our databases ("LBDB"), set by every migration: another
 * program's SQLite file is recognised and never changed. */
#define LB_STORE_APPLICATION_ID 0x4C424442u

/* The longest update cadence a record takes: ten years. A longer one is refused, and one
 * stored before (another program, an old file) schedules no review past 9999-12-31. */
#define LB_STORE_MAX_CADENCE_DAYS 3660

/* The longest free text a field of a record, benchmark or model takes, in characters
 * (about 30 printed pages). */
#define LB_STORE_MAX_TEXT_CHARS 100000

typedef enum {
  LB_LEADERBOARD_FIELD_NAME,
  LB_LEADERBOARD_FIELD_PURPOSE,
  LB_LEADERBOARD_FIELD_OWNER,
  LB_LEADERBOARD_FIELD_OWNER_CONTACT,
  LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, /* decimal integer 1..LB_STORE_MAX_CADENCE_DAYS, or NULL */
  LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN,    /* "P1".."P5" or NULL */
  LB_LEADERBOARD_FIELD_EVALUATION_DATA,
  LB_LEADERBOARD_FIELD_PROCEDURE,
  LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT,
  LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT,    /* ISO 8601 date or timestamp, or NULL */
} LbLeaderboardField;

typedef enum {
  LB_BENCHMARK_FIELD_NAME,
  LB_BENCHMARK_FIELD_TASK,
  LB_BENCHMARK_FIELD_METRIC,
  LB_BENCHMARK_FIELD_UNIT,
  LB_BENCHMARK_FIELD_HIGHER_IS_BETTER,      /* "true"/"false"; also marks the direction confirmed */
  LB_BENCHMARK_FIELD_SCALE_MIN,             /* number or NULL */
  LB_BENCHMARK_FIELD_SCALE_MAX,             /* number or NULL */
  LB_BENCHMARK_FIELD_DATASET,
  LB_BENCHMARK_FIELD_DATASET_VERSION,
  LB_BENCHMARK_FIELD_PROTOCOL,
  LB_BENCHMARK_FIELD_HARNESS,
  LB_BENCHMARK_FIELD_DESCRIPTION,
  LB_BENCHMARK_FIELD_RETIRED,               /* "true"/"false" */
  LB_BENCHMARK_FIELD_N_ITEMS,               /* whole number > 0, or NULL: unknown */
} LbBenchmarkField;

typedef enum {
  LB_MODEL_FIELD_NAME,
  LB_MODEL_FIELD_VERSION,
  LB_MODEL_FIELD_PROVIDER,
  LB_MODEL_FIELD_PROVENANCE_URL,
  LB_MODEL_FIELD_ACCESS,                    /* "api", "open-weights", "internal" or NULL */
  LB_MODEL_FIELD_NOTES,
} LbModelField;

typedef struct {
  guint  n_models;
  guint  n_unlisted;         /* of n_models, those the newest version of the sheet no longer lists */
  guint  n_benchmarks;
  guint  n_results;          /* current results */
  char  *newest_result;      /* newest evaluated_at, else newest import date, "YYYY-MM-DD" or NULL */
  char  *last_import_at;     /* newest imported_at of a non-deleted import, or NULL */
} LbLeaderboardStats;

void lb_leaderboard_stats_clear (LbLeaderboardStats *stats);

#define LB_TYPE_STORE (lb_store_get_type ())
G_DECLARE_FINAL_TYPE (LbStore, lb_store, LB, STORE, GObject)

GQuark      lb_store_error_quark        (void);

/* $LEADERBOARD_DB if set, else $XDG_DATA_HOME/leaderboard/leaderboard.db. Newly allocated. */
char       *lb_store_default_path       (void);

/* Opens (creating the file and its folder if needed) and migrates. ":memory:" gives a private
 * in-memory store. Before a migration the file is copied to "PATH.bak-<old version>".
 * A newer schema, a non-database file, a locked or read-only file fail with a clear message
 * and leave the file untouched. */
LbStore    *lb_store_open               (const char   *path,
                                         GError      **error);

/* Opens an existing database of the current schema only to read it: nothing in the file or
 * beside it is created or changed (no migration, no WAL switch), so it works on a full disk
 * and in a folder that cannot be written. An older schema fails with OLDER_SCHEMA (use
 * lb_store_open() to upgrade it); a missing file with OPEN. Writes through it fail. */
LbStore    *lb_store_open_read_only     (const char   *path,
                                         GError      **error);

const char *lb_store_get_path           (LbStore *self);
/* Path of the backup written by the last migration of this open, or NULL. */
const char *lb_store_get_backup_path    (LbStore *self);

/* Who is recorded in the audit log and on imports: the name set (lb_store_set_user(): the
 * Preferences name, the CLI), else the account's full name (lb_real_name()); NULL when neither
 * is known, never the login. */
const char *lb_store_get_user           (LbStore *self);
void        lb_store_set_user           (LbStore *self, const char *user);

/* Transactions nest (savepoints). Every store write outside one runs in its own.
 * A failed lb_store_commit() has rolled its level back and closed it: do not call
 * lb_store_rollback() after it. */
gboolean    lb_store_begin              (LbStore *self, GError **error);
/* A read transaction (end it with lb_store_rollback()): what it reads is one consistent state
 * while other connections go on writing (WAL). Inside a transaction it nests like begin. */
gboolean    lb_store_begin_read         (LbStore *self, GError **error);
gboolean    lb_store_commit             (LbStore *self, GError **error);
void        lb_store_rollback           (LbStore *self);

/* Emits ::changed (leaderboard id, 0 for "several"); writes through this object emit it
 * themselves after they commit; call it when another connection (a worker thread) wrote. */
void        lb_store_emit_changed       (LbStore *self, gint64 leaderboard_id);
/* Emits ::changed (0) once when another connection (another process: leaderboard-cli, or a
 * worker) committed since ::changed was last emitted. Cheap enough for a timer: it reads a
 * counter in the WAL index. Returns whether it emitted. */
gboolean    lb_store_poll_external_changes (LbStore *self);

/* ---- leaderboards ---- */
GPtrArray     *lb_store_list_leaderboards  (LbStore *self, GError **error);  /* of LbLeaderboard*, by name, without deleted */
LbLeaderboard *lb_store_get_leaderboard    (LbStore *self, gint64 id, GError **error);
LbLeaderboard *lb_store_find_leaderboard   (LbStore *self, const char *name, GError **error); /* NOT_FOUND */
gint64         lb_store_create_leaderboard (LbStore *self, const char *name, GError **error); /* EXISTS; 0 on error */
gboolean       lb_store_set_leaderboard_field (LbStore *self, gint64 id, LbLeaderboardField field,
                                               const char *value, GError **error); /* audited; NULL or "" clears */
/* Soft delete (and undelete): hidden from lists, kept until purged. Audited. */
gboolean       lb_store_set_leaderboard_deleted (LbStore *self, gint64 id, gboolean deleted, GError **error);
gboolean       lb_store_get_leaderboard_stats (LbStore *self, gint64 id, LbLeaderboardStats *stats, GError **error);

/* ---- benchmarks ---- */
GPtrArray   *lb_store_list_benchmarks   (LbStore *self, gint64 leaderboard_id, GError **error); /* by position */
LbBenchmark *lb_store_get_benchmark     (LbStore *self, gint64 id, GError **error);
/* Returns the id of the benchmark @name of the leaderboard; creates it from @init (may be NULL:
 * higher is better, unconfirmed) when there is none. Existing metadata is never overwritten. */
gint64       lb_store_ensure_benchmark  (LbStore *self, gint64 leaderboard_id, const char *name,
                                         const LbBenchmark *init, gboolean *created, GError **error);
gboolean     lb_store_set_benchmark_field (LbStore *self, gint64 id, LbBenchmarkField field,
                                           const char *value, GError **error); /* audited */

/* ---- models ---- */
/* By name; without those only removed imports brought; LbModel.unlisted set. */
GPtrArray   *lb_store_list_models       (LbStore *self, gint64 leaderboard_id, GError **error);
typedef void (*LbModelFunc) (const LbModel *model, gpointer user_data);
/* Calls @func with each model lb_store_list_models() gives, in no order, without holding them
 * all: @model and its strings are valid during the call only. */
gboolean     lb_store_foreach_model     (LbStore *self, gint64 leaderboard_id, LbModelFunc func,
                                         gpointer user_data, GError **error);
LbModel     *lb_store_get_model         (LbStore *self, gint64 id, GError **error);
gint64       lb_store_ensure_model      (LbStore *self, gint64 leaderboard_id, const char *name,
                                         const LbModel *init, gboolean *created, GError **error);
gboolean     lb_store_set_model_field   (LbStore *self, gint64 id, LbModelField field,
                                         const char *value, GError **error); /* audited */

/* ---- results ---- */
/* Of LbResult*. With @current_only, one per model × benchmark; otherwise every result ever
 * imported for the leaderboard (not those of deleted imports), oldest first. */
GPtrArray   *lb_store_list_results      (LbStore *self, gint64 leaderboard_id, gboolean current_only,
                                         GError **error);
/* Every result for one cell, newest first, including superseded ones. */
GPtrArray   *lb_store_list_cell_history (LbStore *self, gint64 model_id, gint64 benchmark_id,
                                         GError **error);
/* Adds one result (fast path for the importer; call inside a transaction). A result of an
 * import is written current; other results' flags are left alone until
 * lb_store_finish_import() demotes the older ones. A hand-typed result (import_id 0) keeps
 * @result->current. Returns the new id, 0 on error. */
gint64       lb_store_add_result        (LbStore *self, const LbResult *result, GError **error);
/* Adds @n_results results like lb_store_add_result(), several to a statement (the importer's
 * hot path). A result's model, benchmark and import must exist: that is checked when the
 * outermost transaction commits, and a commit that finds one missing fails and writes nothing. */
gboolean     lb_store_add_results       (LbStore *self, const LbResult *results, guint n_results,
                                         GError **error);
gint64       lb_store_add_gap           (LbStore *self, const LbGap *gap, GError **error);
/* Of LbGap*: cells of non-deleted imports that held no value; a gap that withdrew an older
 * value (see LbGap.withdrawn) says which. */
GPtrArray   *lb_store_list_gaps         (LbStore *self, gint64 leaderboard_id, GError **error);

typedef void (*LbCellScoreFunc) (gint64 model_id, gint64 benchmark_id, double score,
                                 gpointer user_data);
/* Calls @func with each current result of the leaderboard, lightly (what the importer compares
 * a new version of the sheet with). */
gboolean     lb_store_foreach_current_score (LbStore *self, gint64 leaderboard_id,
                                             LbCellScoreFunc func, gpointer user_data,
                                             GError **error);

/* ---- imports ---- */
/* The import mode last chosen for the leaderboard: FALSE when none was (or on error). */
gboolean     lb_store_get_import_mode   (LbStore *self, gint64 leaderboard_id, LbImportMode *mode,
                                         GError **error);
gboolean     lb_store_set_import_mode   (LbStore *self, gint64 leaderboard_id, LbImportMode mode,
                                         GError **error);
/* Records an import (with its warnings); status and counts as given. Returns the id. */
gint64       lb_store_add_import        (LbStore *self, const LbImport *import, GError **error);
/* Makes the import's results current, superseding older results of the same cells (and, for
 * an import in mode "replace", withdrawing older results of the cells it has a gap in),
 * and stores the final counts. */
gboolean     lb_store_finish_import     (LbStore *self, gint64 import_id, guint records, guint results,
                                         GError **error);
/* What an import holds for a cell, as the importer knows it after reading the whole file
 * (the numbers are the store's SQL's too). */
typedef enum {
  LB_CELL_COVER_NONE = 0,     /* nothing: an older current result stays current */
  LB_CELL_COVER_RESULT = 1,   /* a value, which supersedes the older current result */
  LB_CELL_COVER_GAP = 2,      /* a cell without a value: withdraws it, in mode "replace" */
  LB_CELL_COVER_UNKNOWN = 3,  /* not a cell the importer met or knew: the store looks */
} LbCellCover;
typedef LbCellCover (*LbCellCoverFunc) (gint64 model_id, gint64 benchmark_id, gpointer user_data);
/* lb_store_finish_import() with the importer saying what the import holds for each cell that
 * had a current result before it (@covers is asked once per such result, in one pass over the
 * leaderboard's results, instead of a look-up per new result). The outcome is the same. */
gboolean     lb_store_finish_import_covering (LbStore *self, gint64 import_id, guint records,
                                              guint results, LbCellCoverFunc covers,
                                              gpointer user_data, GError **error);
/* Adds warnings the importer found after lb_store_add_import() (of LbWarning*). */
gboolean     lb_store_add_import_warnings (LbStore *self, gint64 import_id, GPtrArray *warnings,
                                           GError **error);
/* Records what is known of the file once every byte was read: its SHA-256 and size, and the
 * encoding the reader settled on (a guess made on an ASCII-only start may change). */
gboolean     lb_store_set_import_file   (LbStore *self, gint64 import_id, const char *sha256,
                                         guint64 size_bytes, const char *encoding,
                                         GError **error);
/* Records the workbook sheet an import read (NULL for a CSV file). */
gboolean     lb_store_set_import_sheet  (LbStore *self, gint64 import_id, const char *sheet,
                                         GError **error);
/* The sheet an import read, or NULL (a CSV file, or on error). Newly allocated. */
char        *lb_store_get_import_sheet  (LbStore *self, gint64 import_id, GError **error);
/* Keeps how a workbook stored the cell at @row, @column (@detail: JSON with its type, value,
 * number format and formula), for provenance. */
gboolean     lb_store_add_source_cell   (LbStore *self, gint64 import_id, guint row, guint column,
                                         const char *detail, GError **error);
/* That JSON, or NULL when none was kept (or on error). Newly allocated. */
char        *lb_store_get_source_cell   (LbStore *self, gint64 import_id, guint row, guint column,
                                         GError **error);
/* Sets *@has to whether any source cell (a workbook cell's or a result file value's
 * description) was kept for the import. */
gboolean     lb_store_import_has_source_cells (LbStore *self, gint64 import_id, gboolean *has,
                                               GError **error);
GPtrArray   *lb_store_list_imports      (LbStore *self, gint64 leaderboard_id, GError **error); /* newest first, without deleted */
LbImport    *lb_store_get_import        (LbStore *self, gint64 id, GError **error);
/* The id of a non-deleted complete import of the same bytes into the leaderboard, or 0. */
gint64       lb_store_find_import_by_sha256 (LbStore *self, gint64 leaderboard_id, const char *sha256,
                                             GError **error);
/* Soft delete (and undelete) an import: its results and gaps disappear, the previous results
 * of the same cells become current again (unless a newer version of the sheet withdrew them),
 * and the models and benchmarks only it brought are no longer listed. Audited. */
gboolean     lb_store_set_import_deleted (LbStore *self, gint64 id, gboolean deleted, GError **error);

/* ---- smells, profiles, reviews ---- */
GPtrArray   *lb_store_list_smells       (LbStore *self, gint64 leaderboard_id, GError **error);
/* Every leaderboard's checklist items in one query, by leaderboard id, without evidence, note
 * or reviewer: enough for lb_smell_count() (the sidebar's badges). Of LbSmell*. */
GPtrArray    *lb_store_list_smell_states (LbStore *self, GError **error);
/* Inserts or replaces the row for (leaderboard, smell, component); returns its id. */
gint64       lb_store_put_smell         (LbStore *self, const LbSmell *smell, GError **error);
GPtrArray   *lb_store_list_profiles     (LbStore *self, gint64 leaderboard_id, GError **error);
/* Inserts (id 0) or replaces a profile with its weights; returns its id. Audited. */
gint64       lb_store_put_profile       (LbStore *self, const LbProfile *profile, GError **error);
gboolean     lb_store_delete_profile    (LbStore *self, gint64 id, GError **error);
GPtrArray   *lb_store_list_reviews      (LbStore *self, gint64 leaderboard_id, GError **error);
gint64       lb_store_add_review        (LbStore *self, const LbReview *review, GError **error);

/* ---- audit log ---- */
gboolean     lb_store_audit             (LbStore *self, gint64 leaderboard_id, const char *entity,
                                         gint64 entity_id, const char *field,
                                         const char *old_value, const char *new_value, GError **error);
/* Of LbAuditEntry*, newest first; @limit 0 means all. */
GPtrArray   *lb_store_list_audit        (LbStore *self, gint64 leaderboard_id, guint limit, GError **error);

/* ---- the Compare page's choices, one set per leaderboard ---- */

/* What the user chose to compare. Models are ids (empty: all of them); profile is a name
 * (NULL: equal weights); normalization is "min-max" or "declared-scale". */
typedef struct {
  gint64    leaderboard_id;
  GArray   *model_ids;            /* of gint64, never NULL */
  gint64    baseline_id;          /* 0: the first compared model */
  char     *profile;
  gboolean  include_partial;
  char     *normalization;
  char     *updated_at;           /* when it was saved; NULL for one not saved */
} LbCompareChoice;

LbCompareChoice *lb_compare_choice_new  (gint64 leaderboard_id);
void             lb_compare_choice_free (LbCompareChoice *choice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCompareChoice, lb_compare_choice_free)

/* The leaderboard's saved choice, or NULL without @error when none was saved. Caller owns it. */
LbCompareChoice *lb_store_get_compare_choice (LbStore *self, gint64 leaderboard_id, GError **error);
/* Saves @choice for its leaderboard, replacing the one before. This is the user's view, not
 * data: it is not audited and emits no ::changed (the pages would reload on their own choice). */
gboolean     lb_store_put_compare_choice (LbStore *self, const LbCompareChoice *choice, GError **error);

/* ---- import column mappings, remembered per header signature ---- */
char        *lb_store_get_mapping       (LbStore *self, const char *signature, GError **error); /* JSON or NULL */
gboolean     lb_store_set_mapping       (LbStore *self, const char *signature, const char *json,
                                         GError **error);

/* ---- restoring from an LBOM file (implemented in lb-store-lbom.c) ---- */
/* These write values exactly as given, without an audit entry, so that an LBOM import keeps
 * what the file says rather than "now" and the importing user. Call them inside a transaction,
 * after the ordinary writes of the same rows. */
/* Sets created_at and updated_at; NULL keeps the value. */
gboolean     lb_store_restore_leaderboard_times (LbStore *self, gint64 id, const char *created_at,
                                                 const char *updated_at, GError **error);
/* Sets imported_at (NULL keeps it) and imported_by (NULL clears it) of an import. */
gboolean     lb_store_restore_import    (LbStore *self, gint64 id, const char *imported_at,
                                         const char *imported_by, GError **error);
/* Sets a result's current flag without touching other results. */
gboolean     lb_store_restore_result_current (LbStore *self, gint64 id, gboolean current,
                                              GError **error);
/* Sets (NULL clears) the reviewer of a review. */
gboolean     lb_store_restore_review_reviewer (LbStore *self, gint64 id, const char *reviewer,
                                               GError **error);


G_END_DECLS
