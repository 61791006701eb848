/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-results-page.h: the ranking table, a row per model and a column per benchmark */
#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_RESULTS_PAGE (lb_results_page_get_type ())
G_DECLARE_FINAL_TYPE (LbResultsPage, lb_results_page, LB, RESULTS_PAGE, LbPage)

/* The rows as shown (filtered and sorted), of LbRankingItem; for tests. */
GListModel *lb_results_page_get_rows   (LbResultsPage *self);
/* Sorts by column @index (0 model, 1 version, 2 provider, 3… benchmarks). */
void        lb_results_page_sort_by    (LbResultsPage *self, guint index, gboolean descending);
/* The text a cell shows and its provenance tooltip; for tests. Newly allocated. */
char       *lb_results_page_describe_cell (LbResultsPage *self, gpointer row, guint benchmark,
                                           char **tooltip);

/* Shows a model's row (the table filtered to its name) sorted by a benchmark's column, best
 * first; either id may be 0. For the Smells page's evidence. */
void        lb_results_page_show_cell  (LbResultsPage *self, gint64 model_id, gint64 benchmark_id);

G_END_DECLS
