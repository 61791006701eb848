/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-types.h: the records of the domain, as plain values (docs/lbom.md) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Timestamps are ISO 8601 strings in UTC ("2026-11-28T03:00:00Z"); dates are "YYYY-MM-DD".
 * NULL means "not set" for every string member. */

typedef struct {
  gint64  id;
  char   *name;
  char   *purpose;
  char   *owner;
  char   *owner_contact;
  int     update_cadence_days;   /* 0: not set */
  char   *workflow_pattern;      /* "P1".."P5" or NULL */
  char   *evaluation_data;
  char   *procedure;
  char   *production_context;
  char   *created_at;
  char   *updated_at;
  char   *last_reviewed_at;
} LbLeaderboard;

typedef struct {
  gint64   id;
  gint64   leaderboard_id;
  char    *name;
  char    *task;
  char    *metric;
  char    *unit;                /* "%" or NULL */
  gboolean higher_is_better;
  gboolean direction_confirmed; /* FALSE while the direction is only the importer's default guess */
  gboolean has_scale;           /* scale_min/scale_max are declared */
  double   scale_min;
  double   scale_max;
  char    *dataset;
  char    *dataset_version;
  char    *protocol;
  char    *harness;
  char    *description;
  gboolean retired;
  int      position;            /* column order as imported */
  guint    n_items;             /* items (questions) scored, 0: unknown */
} LbBenchmark;

typedef struct {
  gint64  id;
  gint64  leaderboard_id;
  char   *name;
  char   *version;
  char   *provider;
  char   *provenance_url;
  char   *access;                /* "api", "open-weights", "internal" or NULL */
  char   *notes;
  /* Not in the newest import that replaced the sheet ("no longer listed"): left out of the
   * default comparison; unlisted_since is that import's id. Set by lb_store_list_models(). */
  gboolean unlisted;
  gint64   unlisted_since;
} LbModel;

/* Who produced a number: the model's vendor (its own report), a third party (a public
 * leaderboard, a paper), or the organisation itself (its own evaluation run). */
typedef enum {
  LB_PROVENANCE_NOT_STATED,
  LB_PROVENANCE_VENDOR,
  LB_PROVENANCE_THIRD_PARTY,
  LB_PROVENANCE_OURS,
} LbProvenanceClass;

/* "vendor", "third-party", "ours", or NULL for not stated; the names the store and LBOM use. */
const char *lb_provenance_class_to_string   (LbProvenanceClass  provenance);
/* FALSE for a name that is none of them; NULL and "" are not stated. */
gboolean    lb_provenance_class_from_string (const char        *text,
                                             LbProvenanceClass *provenance);
/* In words: "Reported by the vendor", "Reported by a third party", "Measured by us", "Not
 * stated". Translated. */
const char *lb_provenance_class_label       (LbProvenanceClass  provenance);
/* Who produced a value and under which settings, a line each, as its tooltips say it:
 * "Reported by a third party\nSettings: lm-evaluation-harness 0.4.2; 5-shot"; NULL when
 * neither is known. Translated, newly allocated. */
char       *lb_provenance_dup_text          (LbProvenanceClass  provenance,
                                             const char        *settings);
/* Whether two values' stated settings (LbResult.settings) allow comparing them: equal texts,
 * a value whose source states none (NULL), or texts that are equal but for the number of
 * shots only one of them states ("lm-evaluation-harness 0.4.2" and "… 0.4.2; 5-shot"). Any
 * other difference — a stated setting with another value, or one text stating other
 * settings — is a difference: they may not be compared as they stand. */
gboolean    lb_settings_agree               (const char        *a,
                                             const char        *b);
/* Whether stated settings name a number of shots ("…; 5-shot"). */
gboolean    lb_settings_state_shots         (const char        *settings);

typedef struct {
  gint64   id;
  gint64   leaderboard_id;
  gint64   model_id;
  gint64   benchmark_id;
  double   score;
  gboolean has_stderr;
  double   stderr_value;
  char    *evaluated_at;         /* "YYYY-MM-DD" or NULL */
  char    *raw;                  /* the cell's text exactly as decoded */
  char    *model_version;        /* version given on the row, or NULL */
  gboolean current;              /* FALSE once a later import replaced it */
  gint64   import_id;            /* 0: typed in by hand */
  guint    source_row;           /* 1-based record number (Excel row) */
  guint    source_column;        /* 1-based column (1 = A) */
  char    *source_path;          /* where in a result file (JSON) the value is, or NULL for a cell */
  /* Under which settings the value was produced, as its source states them ("lm-evaluation-
   * harness 0.4.2; 5-shot"), or NULL; equal texts are equal settings. */
  char    *settings;
  LbProvenanceClass provenance;  /* who produced the number, as its source or import says */
} LbResult;

/* A cell that held no value (empty, "#N/A", "-", ...): kept so "missing" can say why. */
typedef struct {
  gint64  id;
  gint64  leaderboard_id;
  gint64  model_id;
  gint64  benchmark_id;
  gint64  import_id;
  guint   source_row;
  guint   source_column;
  char   *raw;
  char   *reason;                /* untranslated N_() sentence from lb_value_parse() */
  /* Withdrawn: the gap is in a new version of the sheet (an import in "replace" mode) where an
   * older import had a value, which is then no longer current. The value it withdrew: */
  gboolean withdrawn;
  gint64   was_result_id;
  gint64   was_import_id;         /* 0: typed in by hand */
  double   was_score;
  char    *was_raw;
  guint    was_row;
  guint    was_column;
  char    *source_path;          /* where in a result file (JSON) the cell is, or NULL */
} LbGap;

typedef struct {
  guint   row;                   /* 1-based, 0: not tied to a row */
  guint   column;                /* 1-based, 0: not tied to a column */
  char   *message;               /* translated when recorded (the language of the import) */
  char   *code;                  /* what it says, to render in the reader's language (lb-warning.h); NULL for text only */
  char  **args;                  /* the code's arguments, as strings; NULL with code */
} LbWarning;

typedef enum {
  LB_IMPORT_COMPLETE,
  LB_IMPORT_FAILED,
  LB_IMPORT_CANCELLED,
} LbImportStatus;

/* How an import's rows meet what the leaderboard holds. */
typedef enum {
  LB_IMPORT_MODE_ADD,            /* adds to the leaderboard: a partial sheet; empty cells withdraw nothing */
  LB_IMPORT_MODE_REPLACE,        /* the new version of the sheet: it defines what is current */
} LbImportMode;

typedef struct {
  gint64          id;
  gint64          leaderboard_id;
  char           *file_name;     /* base name */
  char           *file_path;     /* full path when known, for the "source file changed" check */
  char           *sha256;
  guint64         size_bytes;
  char           *encoding;
  char           *delimiter;     /* "," ";" "\t" "|" */
  char           *layout;        /* "wide" or "long" */
  guint           header_row;
  char           *imported_at;
  char           *imported_by;
  guint           records;
  guint           results;
  LbImportStatus  status;
  gboolean        deleted;       /* removed by the user (undoable) */
  GPtrArray      *warnings;      /* of LbWarning*, never NULL */
  char           *sheet;         /* the workbook sheet read, or NULL for a CSV file */
  LbImportMode    mode;
  char           *signature;     /* the header signature of the file, or NULL */
  LbProvenanceClass provenance;  /* who produced the file's numbers, as the importer said */
} LbImport;

const char   *lb_import_mode_to_string   (LbImportMode mode);  /* "add" / "replace" */
/* "add"/"replace" into @mode; FALSE (and @mode untouched) for anything else. */
gboolean      lb_import_mode_from_string (const char *text, LbImportMode *mode);

typedef struct {
  gint64  id;
  gint64  leaderboard_id;
  char   *smell;                 /* "confusing" ... "unresponsive" */
  char   *component;             /* "benchmark-dataset" ... or NULL */
  char   *status;                /* "unchecked", "present", "absent", "mitigated", "accepted" */
  gboolean detected;
  char   *evidence;
  char   *note;
  char   *reviewer;
  char   *checked_at;
  gboolean needs_review;         /* new evidence appeared after the verdict */
} LbSmell;

typedef struct {
  char   *benchmark;             /* benchmark name */
  double  weight;
} LbWeight;

typedef struct {
  gint64     id;
  gint64     leaderboard_id;
  char      *name;
  char      *description;
  GPtrArray *weights;            /* of LbWeight*, never NULL */
} LbProfile;

typedef struct {
  gint64  id;
  gint64  leaderboard_id;
  char   *held_at;
  char   *reviewer;
  char   *decision;
  char   *notes;
} LbReview;

typedef struct {
  gint64  id;
  char   *at;
  char   *who;
  gint64  leaderboard_id;        /* 0: not tied to one */
  char   *entity;                /* "leaderboard", "benchmark", "model", "result", "import", "smell", "profile", "review" */
  gint64  entity_id;
  char   *field;
  char   *old_value;
  char   *new_value;
} LbAuditEntry;

#define LB_DEFINE_RECORD(TypeName, type_name) \
  TypeName *type_name##_copy (const TypeName *src); \
  void      type_name##_free (TypeName *rec); \
  GType     type_name##_get_type (void) G_GNUC_CONST; \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, type_name##_free)

LB_DEFINE_RECORD (LbLeaderboard, lb_leaderboard)
LB_DEFINE_RECORD (LbBenchmark, lb_benchmark)
LB_DEFINE_RECORD (LbModel, lb_model)
LB_DEFINE_RECORD (LbResult, lb_result)
LB_DEFINE_RECORD (LbGap, lb_gap)
LB_DEFINE_RECORD (LbWarning, lb_warning)
LB_DEFINE_RECORD (LbImport, lb_import)
LB_DEFINE_RECORD (LbSmell, lb_smell)
LB_DEFINE_RECORD (LbWeight, lb_weight)
LB_DEFINE_RECORD (LbProfile, lb_profile)
LB_DEFINE_RECORD (LbReview, lb_review)
LB_DEFINE_RECORD (LbAuditEntry, lb_audit_entry)

#define LB_TYPE_LEADERBOARD (lb_leaderboard_get_type ())
#define LB_TYPE_BENCHMARK   (lb_benchmark_get_type ())
#define LB_TYPE_MODEL       (lb_model_get_type ())
#define LB_TYPE_RESULT      (lb_result_get_type ())
#define LB_TYPE_IMPORT      (lb_import_get_type ())

LbWarning *lb_warning_new (guint row, guint column, const char *message);

/* Sizes that multiply: *@out = @a × @b × @c. FALSE (and *@out = 0) when the product does not
 * fit in a gsize, instead of wrapping around to a small number. */
gboolean    lb_size_mul3 (gsize a, gsize b, gsize c, gsize *out);

/* "P1".."P5" → the pattern's English name (untranslated N_() string), NULL otherwise. */
const char *lb_workflow_pattern_name (const char *pattern);

/* The account's full name when it is one: NULL when GLib has none ("Unknown") or it is only
 * the login again (as root's is on Debian). Owned by GLib. */
const char *lb_real_name (void);

/* A recorded person (who imported, who reviewed) as people read it: the name; when none was
 * recorded, that plainly; when it is this account's login (what older versions recorded
 * without a name), that it is an account and not a name. Newly allocated. */
char       *lb_person_display (const char *name);

G_END_DECLS
