/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-page.h: models side by side: picker, table, chart, profiles, robustness */
#pragma once

#include <adwaita.h>

#include "lb-page.h"

#include "lb-compare.h"

G_BEGIN_DECLS

#define LB_TYPE_COMPARE_PAGE (lb_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (LbComparePage, lb_compare_page, LB, COMPARE_PAGE, LbPage)

/* Properties (from LbPage): "store" and "leaderboard-id": the page reads the leaderboard from the
 * store, reloads when the store says it changed, and saves profiles to it. */

GtkWidget    *lb_compare_page_new            (void);

/* Without a store: shows one leaderboard from every benchmark, model, current result, gap
 * (LbBenchmark*, LbModel*, LbResult*, LbGap*) and its saved profiles (LbProfile*). The page keeps
 * references to the arrays and compares the four models with the most results until told
 * otherwise. */
void          lb_compare_page_set_data       (LbComparePage *self,
                                              GPtrArray     *benchmarks,
                                              GPtrArray     *models,
                                              GPtrArray     *results,
                                              GPtrArray     *gaps,
                                              GPtrArray     *profiles);

/* Sets "store" and "leaderboard-id". A failure to read is shown on the page. */
void          lb_compare_page_load           (LbComparePage *self,
                                              LbStore       *store,
                                              gint64         leaderboard_id);

/* Compares the models with these ids (in the leaderboard's order); none means all. */
void          lb_compare_page_set_chosen     (LbComparePage *self,
                                              const gint64  *model_ids,
                                              guint          n_ids);
/* Selects a saved profile by name, or equal weights for NULL. FALSE when there is none. */
gboolean      lb_compare_page_select_profile (LbComparePage *self,
                                              const char    *name);
void          lb_compare_page_set_baseline   (LbComparePage *self,
                                              gint64         model_id);
/* Checks @profile (lb_compare_check_profile), saves it (to the store when the page has one;
 * replacing the one of the same id, or name) and selects it. */
gboolean      lb_compare_page_save_profile   (LbComparePage   *self,
                                              const LbProfile *profile,
                                              GError         **error);

/* What the page shows, or NULL while the choice cannot be compared (the page says why). */
LbComparison *lb_compare_page_get_comparison (LbComparePage *self);
/* The options the page compares with, exactly (the print action passes these on); NULL before
 * the first comparison. Owned by the page, replaced on each change. */
const LbCompareOptions *lb_compare_page_get_options (LbComparePage *self);

G_END_DECLS
