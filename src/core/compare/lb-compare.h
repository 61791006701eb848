/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare.h: comparing models side by side, as a pure function over plain records */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "lb-store.h"
#include "lb-types.h"
#include "lb-json-writer.h"

G_BEGIN_DECLS

#define LB_COMPARE_ERROR (lb_compare_error_quark ())

typedef enum {
  LB_COMPARE_ERROR_TOO_FEW_MODELS,   /* fewer than two models to compare */
  LB_COMPARE_ERROR_UNKNOWN_MODEL,    /* a chosen or baseline model is not in the leaderboard */
  LB_COMPARE_ERROR_INVALID_WEIGHT,   /* a profile weight is negative or not a number */
  LB_COMPARE_ERROR_UNKNOWN_PROFILE,  /* no profile of that name (lb_compare_find_profile) */
  LB_COMPARE_ERROR_INVALID_PROFILE,  /* lb_compare_check_profile: no name, or nothing weighed */
} LbCompareError;

/* How scores on different scales are brought to 0–1 (1 = best) before averaging. */
typedef enum {
  LB_NORMALIZE_MIN_MAX,         /* between the lowest and highest score of all the leaderboard's models */
  LB_NORMALIZE_DECLARED_SCALE,  /* against the benchmark's declared scale; min–max where none is declared */
} LbNormalization;

typedef enum {
  LB_CELL_VALUE,          /* a current result */
  LB_CELL_GAP,            /* the imported cell held no value; reason says why */
  LB_CELL_NOT_EVALUATED,  /* nothing was imported for this model and benchmark */
  LB_CELL_WITHDRAWN,      /* a new version of the sheet left the cell without a value: was_* say what it withdrew */
} LbCellKind;

/* Whether a difference is larger than about two standard errors. */
typedef enum {
  LB_SIGNIFICANCE_UNKNOWN,         /* no standard error on one side */
  LB_SIGNIFICANCE_DISTINGUISHABLE,
  LB_SIGNIFICANCE_NOT_DISTINGUISHABLE,
} LbSignificance;

typedef enum {
  LB_FLIP_LEAVE_OUT,     /* the benchmark was left out */
  LB_FLIP_WEIGHT_UP,     /* its weight was raised by 50% */
  LB_FLIP_WEIGHT_DOWN,   /* its weight was lowered by 50% */
} LbFlipKind;

typedef struct _LbCompareOptions LbCompareOptions;

/* Options: which models (none chosen: all), the baseline (0: the first compared model), the
 * profile (NULL: equal weights), the normalisation, whether partial models get a composite. */
LbCompareOptions *lb_compare_options_new             (void);
LbCompareOptions *lb_compare_options_copy            (const LbCompareOptions *options);
void              lb_compare_options_free            (LbCompareOptions *options);
void              lb_compare_options_add_model       (LbCompareOptions *options, gint64 model_id);
void              lb_compare_options_clear_models    (LbCompareOptions *options);
void              lb_compare_options_set_baseline    (LbCompareOptions *options, gint64 model_id);
gint64            lb_compare_options_get_baseline    (const LbCompareOptions *options);
/* The profile is copied; NULL goes back to equal weights. */
void              lb_compare_options_set_profile     (LbCompareOptions *options, const LbProfile *profile);
const LbProfile  *lb_compare_options_get_profile     (const LbCompareOptions *options);
void              lb_compare_options_set_normalization (LbCompareOptions *options, LbNormalization method);
/* FALSE (default): the composite is over the benchmarks every compared model has.
 * TRUE: each model's composite is over the benchmarks it has, and models lacking some are
 * marked partial. */
void              lb_compare_options_set_include_partial (LbCompareOptions *options, gboolean include);
/* Models no longer listed (LbModel.unlisted) are left out of the default choice and of the
 * normalisation ranges (and counted in the notes) unless included; a model chosen by id is
 * always compared. */
void              lb_compare_options_set_include_unlisted (LbCompareOptions *options, gboolean include);
gboolean          lb_compare_options_get_include_unlisted (const LbCompareOptions *options);
/* Retired benchmarks are left out (and counted in the notes) unless included. */
void              lb_compare_options_set_include_retired (LbCompareOptions *options, gboolean include);
/* The number of items of a benchmark scored as a proportion (declared scale 0–1 or 0–100, or unit
 * "%"): results without a standard error then get the binomial one, sqrt(p(1−p)/n). */
void              lb_compare_options_set_item_count  (LbCompareOptions *options, gint64 benchmark_id,
                                                      guint n_items);

/* The chosen model ids in the order added (*@n_models 0: all); owned by @options. */
const gint64     *lb_compare_options_get_models      (const LbCompareOptions *options,
                                                      guint                  *n_models);
LbNormalization   lb_compare_options_get_normalization (const LbCompareOptions *options);
gboolean          lb_compare_options_get_include_partial (const LbCompareOptions *options);
gboolean          lb_compare_options_get_include_retired (const LbCompareOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCompareOptions, lb_compare_options_free)

/* One model × benchmark cell. */
typedef struct {
  LbCellKind     kind;
  double         score;              /* LB_CELL_VALUE: as imported */
  gboolean       has_stderr;
  gboolean       stderr_binomial;    /* derived from the item count, not imported */
  double         stderr_value;
  double         normalized;         /* 0–1, 1 = best; NAN unless LB_CELL_VALUE */
  double         normalized_stderr;  /* when has_stderr */
  gboolean       clamped;            /* outside the declared scale, clamped to it */
  gboolean       best;               /* best of the compared models on this benchmark (ties all best) */
  gboolean       baseline;           /* this is the baseline model's own cell */
  gboolean       has_difference;     /* both this cell and the baseline's hold a value */
  double         difference;         /* score − baseline score, in the benchmark's units */
  gboolean       difference_better;  /* the difference is in the benchmark's good direction */
  LbSignificance significance;       /* of the difference to the baseline */
  gboolean       in_composite;       /* counted in this model's composite */
  /* provenance */
  gint64         result_id;          /* or the gap's id */
  gint64         import_id;          /* 0: typed in by hand or not evaluated */
  guint          source_row;
  guint          source_column;
  char          *source_path;        /* where in a result file (JSON path), NULL for a cell */
  char          *settings;           /* the settings its source states (LbResult.settings), or NULL */
  LbProvenanceClass provenance;      /* who produced the number */
  char          *raw;                /* the cell's text, NULL when not evaluated */
  char          *evaluated_at;
  char          *model_version;
  const char    *reason;             /* for gaps and not evaluated: untranslated N_() sentence */
  /* LB_CELL_WITHDRAWN: the value withdrawn, and where it came from */
  double         was_score;
  char          *was_raw;
  gint64         was_import_id;
  guint          was_row;
  guint          was_column;
} LbCompareCell;

typedef struct {
  LbBenchmark     *benchmark;
  double           weight;           /* from the profile; 1 without one */
  LbNormalization  method;           /* what was used on this row (min–max where no scale is declared) */
  double           range_min;        /* the score that maps to 0 before inversion */
  double           range_max;        /* the score that maps to 1 before inversion */
  gboolean         degenerate;       /* every value is the same: all normalise to 1 */
  gboolean         common;           /* every compared model has a value */
  gboolean         in_composite;     /* common (or any value, with partial models) and weight > 0 */
  guint            n_values;         /* compared models with a value */
  gboolean         settings_differ;  /* two compared values state different settings */
  LbCompareCell   *cells;            /* one per compared model, in lb_comparison's model order */
} LbCompareRow;

typedef struct {
  LbModel        *model;
  gboolean        baseline;
  guint           n_covered;         /* benchmarks with a value */
  guint           n_benchmarks;      /* benchmarks compared */
  gboolean        partial;           /* lacks a value on a benchmark of weight > 0 */
  gboolean        has_composite;
  double          composite;         /* weighted mean of normalised scores, 0–1 */
  gint64          composite_shown;   /* the composite as printed, in thousandths ("0.698" is 698) */
  guint           composite_n;       /* benchmarks counted */
  gboolean        has_composite_stderr;
  double          composite_stderr;
  guint           rank;              /* 1-based, = rank_lo; 0 without composite */
  guint           tie_group;         /* models whose rank ranges overlap share it; 0 none */
  /* The rank as a range (docs/compare.md): from 1 + the number of models significantly better
   * to the number not significantly worse (itself included); equal for a clear rank. */
  guint           rank_lo;
  guint           rank_hi;
} LbCompareModel;

typedef struct {
  LbFlipKind  kind;
  guint       row;                   /* index into rows */
  guint       new_top;               /* index into models */
} LbCompareFlip;

typedef struct _LbComparison LbComparison;

struct _LbComparison {
  /*< private >*/
  gatomicrefcount   ref_count;
  /*< public >*/
  LbNormalization   normalization;
  gboolean          include_partial;
  char             *profile_name;    /* NULL: equal weights */
  guint             n_models;
  LbCompareModel   *models;          /* in the order chosen (all: the leaderboard's order) */
  guint             baseline;        /* index into models */
  guint             n_rows;
  LbCompareRow     *rows;            /* benchmarks, by position */
  guint             n_composite;     /* benchmarks counted in the composite (without partial models) */
  guint             n_zero_weight;   /* benchmarks the profile weighs 0 */
  guint             n_retired;       /* retired benchmarks left out */
  guint             n_unlisted;      /* models no longer listed, left out */
  guint            *ranking;         /* n_ranked indices into models, best first */
  guint             n_ranked;
  gboolean          has_uncertainty; /* some ranked model has a composite standard error */
  gboolean          robustness_tested;
  gboolean          top_robust;      /* the top stays on top under every variation tried */
  GArray           *flips;           /* of LbCompareFlip */
  /* translated sentences for people; the CLI, page and report show exactly these */
  char             *method_text;
  char             *coverage_text;
  char             *uncertainty_text;
  char             *robustness_text;
  GPtrArray        *notes;           /* of char*, translated: unknown benchmarks in the profile, ... */
};

GQuark        lb_compare_error_quark  (void);
GType         lb_comparison_get_type  (void) G_GNUC_CONST;
#define LB_TYPE_COMPARISON (lb_comparison_get_type ())

/* Compares the chosen models. @benchmarks, @models, @results, @gaps: every one of the leaderboard
 * (LbBenchmark*, LbModel*, LbResult*, LbGap*; only current results are used; @gaps may be NULL).
 * Min–max ranges are taken over all the leaderboard's models, so they do not move with the
 * selection. Returns a new comparison (lb_comparison_unref), or NULL with @error set. */
LbComparison *lb_compare              (GPtrArray               *benchmarks,
                                       GPtrArray               *models,
                                       GPtrArray               *results,
                                       GPtrArray               *gaps,
                                       const LbCompareOptions  *options,
                                       GError                 **error);

LbComparison *lb_comparison_ref       (LbComparison *self);
void          lb_comparison_unref     (LbComparison *self);

/* The cell of model @model (index) on row @row. */
const LbCompareCell *lb_comparison_get_cell (const LbComparison *self, guint row, guint model);

/* "n of m benchmarks" for model @model, translated, newly allocated. */
char         *lb_comparison_dup_model_coverage (const LbComparison *self, guint model);

/* "— withdrawn in [2:O13]; was 330 [1:O14]" for a withdrawn cell (import:cell), translated,
 * newly allocated; NULL for other cells. */
char         *lb_compare_dup_withdrawn_text (const LbCompareRow *row, const LbCompareCell *cell);

/* The sentence saying why a cell has no value, translated (owned by gettext). */
const char   *lb_compare_cell_reason  (const LbCompareCell *cell);

/* Formats a score with the benchmark's unit, e.g. "85.3%", "1250", "0.853"; newly allocated. */
char         *lb_compare_format_score (const LbCompareRow *row, double score);
/* The cell's score with the decimals its source cell showed ("79.0%", "5.00 USD"), else as
 * lb_compare_format_score(); newly allocated. */
char         *lb_compare_format_cell_score (const LbCompareRow *row, const LbCompareCell *cell);
/* A standard error as printed beside a score ("0.9"); newly allocated. */
char         *lb_compare_format_stderr (double stderr_value);
/* The cell's standard error with at least the decimals its score shows ("85.0 ± 1.0");
 * newly allocated. */
char         *lb_compare_format_cell_stderr (const LbCompareCell *cell);
/* The cell's score as its source cell showed it, with its standard error when it has one,
 * the unit once at the end: "79.1 ± 0.9%", "120 ± 3 ms", "0.61 ± 0.011"; the one spelling of
 * the Compare page, the CLI and the report. Newly allocated. */
char         *lb_compare_format_cell_score_stderr (const LbCompareRow  *row,
                                                   const LbCompareCell *cell);
/* @cell's difference to @baseline's score with its sign, e.g. "+1.2 pt" (points on a percent
 * benchmark), "−0.05", to the decimals the two source cells show (82.1 − 59.1 is "−23.0", not
 * "−23"; as few as needed when either has no source text); newly allocated. */
char         *lb_compare_format_cell_difference (const LbCompareRow  *row,
                                                 const LbCompareCell *cell,
                                                 const LbCompareCell *baseline);
/* The size of that difference without sign or unit ("23.0"), for a sentence such as
 * "23.0 points lower"; newly allocated. */
char         *lb_compare_format_cell_difference_size (const LbCompareCell *cell,
                                                      const LbCompareCell *baseline);
/* A composite as printed everywhere ("0.698"); newly allocated. */
char         *lb_compare_format_composite (double composite);
/* "1–3" for a rank range, "2" for a clear rank, "—" without a composite; newly allocated. */
char         *lb_compare_format_rank (const LbCompareModel *model);
/* Whether the composites of @a and @b can be told apart: they print differently and, when both
 * have a standard error, differ by more than two combined standard errors. */
gboolean      lb_compare_models_distinguishable (const LbCompareModel *a, const LbCompareModel *b);

/* Gaps between neighbouring composites below this, without standard errors, are too small to
 * call (the 0–1 composite scale). */
#define LB_COMPARE_SMALL_GAP 0.01

/* Everything the comparison says, as data (the CLI's --json), written as it goes to @flush in
 * pieces, so that memory stays bounded; @leaderboard (may be NULL) is added as a member. FALSE
 * with the error @flush gave. */
gboolean      lb_comparison_write_json (const LbComparison  *self,
                                        const char          *leaderboard,
                                        LbJsonFlushFunc      flush,
                                        gpointer             user_data,
                                        GError             **error);
/* The same document as a tree (tests). Caller owns it. */
JsonNode     *lb_comparison_to_json   (const LbComparison *self);

/* The table, coverage, composite, robustness, uncertainty, method and notes as plain text
 * for a terminal (columns aligned, wide characters counted twice). Newly allocated. */
char         *lb_comparison_to_text   (const LbComparison *self);

/* Checks a profile before it is saved: a name, weights of 0 or more, at least one above 0.
 * @benchmarks (LbBenchmark*, may be NULL) lets it name weights for unknown benchmarks. */
gboolean      lb_compare_check_profile (const LbProfile  *profile,
                                        GPtrArray        *benchmarks,
                                        GError          **error);

/* ---- over the store ---- */

/* The leaderboard's profile named @name (LB_COMPARE_ERROR_UNKNOWN_PROFILE, naming those that
 * exist, when there is none). Caller owns it. */
LbProfile    *lb_compare_find_profile (LbStore     *store,
                                       gint64       leaderboard_id,
                                       const char  *name,
                                       GError     **error);

/* Reads the leaderboard's benchmarks, models, current results and gaps from @store and
 * compares them with lb_compare(). */
LbComparison *lb_compare_leaderboard  (LbStore                 *store,
                                       gint64                   leaderboard_id,
                                       const LbCompareOptions  *options,
                                       GError                 **error);

/* ---- the choice saved per leaderboard, and what the method says (lb-compare-choice.c) ---- */

/* "min-max" / "declared-scale" and back; FALSE for any other text. */
const char   *lb_normalization_to_string   (LbNormalization method);
gboolean      lb_normalization_from_string (const char *text, LbNormalization *method);

/* The choice to save for @options (models, baseline, profile name, partial, normalisation).
 * Caller owns it. */
LbCompareChoice *lb_compare_choice_from_options (const LbCompareOptions *options,
                                                 gint64                  leaderboard_id);

/* Options from the leaderboard's saved choice (default options when none was saved): models
 * and a baseline no longer in the leaderboard are dropped, a profile no longer saved falls
 * back to equal weights. Each such change adds a translated sentence to @notices (may be
 * NULL; of char*), to be shown: the choice is never changed silently. *@saved (may be NULL)
 * says whether a choice was saved. NULL with @error when the store cannot be read. */
LbCompareOptions *lb_compare_options_load_choice (LbStore    *store,
                                                  gint64      leaderboard_id,
                                                  GPtrArray  *notices,
                                                  gboolean   *saved,
                                                  GError    **error);

/* Saves @options as the leaderboard's choice. */
gboolean      lb_compare_options_save_choice (const LbCompareOptions  *options,
                                              LbStore                 *store,
                                              gint64                   leaderboard_id,
                                              GError                 **error);

/* One line saying which comparison this is, for the print step and the CLI: models compared,
 * baseline, profile, partial models, normalisation. Translated, newly allocated. */
char         *lb_comparison_dup_summary    (const LbComparison *self);

/* Why row @row is not counted in the composite (weight 0, not every compared model has a
 * value, no value at all), translated; NULL when it is counted. Newly allocated. */
char         *lb_comparison_dup_left_out_reason (const LbComparison *self,
                                                 guint               row);

/* The warning when the composite covers fewer than half of the compared benchmarks, with what
 * to do; NULL when it covers half or more (or there are none). Translated, newly allocated. */
char         *lb_comparison_dup_coverage_warning (const LbComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbComparison, lb_comparison_unref)

G_END_DECLS
