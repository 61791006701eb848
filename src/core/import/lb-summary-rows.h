/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-summary-rows.h: rows of a sheet that sum up the others (平均, 合計, Average, ...) */
#pragma once

#include <glib.h>
#include "lb-csv-reader.h"

G_BEGIN_DECLS

typedef enum {
  LB_SUMMARY_NONE,
  LB_SUMMARY_BY_NAME,  /* the model cell says 平均, 合計, Total, Median, ... */
  LB_SUMMARY_MEAN,     /* every number is the mean of the rows above */
  LB_SUMMARY_SUM,      /* every number is the sum of the rows above */
} LbSummaryKind;

/* Whether @name (a model cell) names a summary: 平均 合計 小計 中央値 最大 最小 標準偏差
 * Average Mean Total Sum Median Max Min Std and their usual variants, after NFKC. */
gboolean lb_summary_name (const char *name);

typedef struct _LbSummaryTracker LbSummaryTracker;

/* Follows the rows of a sheet, the numbers of the @n_columns columns @columns (1-based),
 * read with @decimal_separator. */
LbSummaryTracker *lb_summary_tracker_new   (const guint *columns,
                                            guint        n_columns,
                                            char         decimal_separator);
void              lb_summary_tracker_free  (LbSummaryTracker *tracker);

/* What @record is, judged by its model cell @name and against the rows added so far. */
LbSummaryKind     lb_summary_tracker_judge (LbSummaryTracker  *tracker,
                                            const LbCsvRecord *record,
                                            const char        *name);

/* Counts @record among the rows above the next ones (call it for rows that are imported). */
void              lb_summary_tracker_add   (LbSummaryTracker  *tracker,
                                            const LbCsvRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbSummaryTracker, lb_summary_tracker_free)

G_END_DECLS
