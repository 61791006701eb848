/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-review-report.h: the review report of one leaderboard, for the meeting — built from the
 * store as an LbReport ready to print or save as PDF */
#pragma once

#include "lb-compare.h"
#include "lb-report.h"
#include "lb-store.h"

G_BEGIN_DECLS

typedef struct _LbReviewReportOptions LbReviewReportOptions;

/* What to report: which models (none chosen: all), which decision profile (NULL: equal
 * weights), who prepared it (NULL: the store's user). */
LbReviewReportOptions *lb_review_report_options_new          (void);
void                   lb_review_report_options_free         (LbReviewReportOptions *options);
LbReviewReportOptions *lb_review_report_options_copy         (const LbReviewReportOptions *options);
void                   lb_review_report_options_add_model    (LbReviewReportOptions *options,
                                                              gint64                 model_id);
void                   lb_review_report_options_set_profile  (LbReviewReportOptions *options,
                                                              const char            *profile_name);
void                   lb_review_report_options_set_prepared_by (LbReviewReportOptions *options,
                                                              const char            *name);
/* As on the Compare page: the baseline model (0: the first compared), the normalisation and
 * whether models lacking some benchmarks get a composite over their own. */
void                   lb_review_report_options_set_baseline (LbReviewReportOptions *options,
                                                              gint64                 model_id);
void                   lb_review_report_options_set_normalization (LbReviewReportOptions *options,
                                                              LbNormalization        method);
void                   lb_review_report_options_set_include_partial (LbReviewReportOptions *options,
                                                              gboolean               include);

/* Compares exactly with @compare (copied): the Compare page's own options, or the CLI's
 * saved choice with its flags. When set, the models, profile, baseline, normalisation and
 * partial setting above are not used. NULL goes back to them. */
void                   lb_review_report_options_set_compare_options (LbReviewReportOptions  *options,
                                                              const LbCompareOptions *compare);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbReviewReportOptions, lb_review_report_options_free)

/* Builds the review report of leaderboard @leaderboard_id: the record, the comparison, the
 * smell checklist, the changes since the last review, the provenance of every number, the
 * questions for the meeting and a sign-off block. Today is lb_now_iso8601()'s date.
 * Returns a new report (lb_report_unref), or NULL with @error set (LB_STORE_ERROR;
 * LB_STORE_ERROR_NOT_FOUND for a model or profile that is not in the leaderboard). */
LbReport *lb_review_report_build (LbStore                     *store,
                                  gint64                       leaderboard_id,
                                  const LbReviewReportOptions *options,
                                  GError                     **error);

/* The same, built in a thread on a read-only connection of its own to the database at
 * @db_path, so that a window is not held up; @options (may be NULL) is copied. */
void      lb_review_report_build_async  (const char                  *db_path,
                                         gint64                       leaderboard_id,
                                         const LbReviewReportOptions *options,
                                         GCancellable                *cancellable,
                                         GAsyncReadyCallback          callback,
                                         gpointer                     user_data);
/* The report (lb_report_unref), or NULL with @error set (as lb_review_report_build(); also
 * G_IO_ERROR_CANCELLED). @comparison (may be NULL) is set to the one-line summary of the
 * comparison the report holds (lb_comparison_dup_summary()), NULL when it compares fewer than
 * two models. */
LbReport *lb_review_report_build_finish (GAsyncResult  *result,
                                         char         **comparison,
                                         GError       **error);

/* The file name to suggest for the report: "NAME – review YYYY-MM-DD.pdf", with the characters
 * file systems refuse (/ \ : * ? " < > |, control characters) replaced by "_". Newly allocated. */
char     *lb_review_report_file_name (const char *leaderboard_name,
                                      const char *iso_date);

G_END_DECLS
