/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-ranking-row.h: one model's row in the ranking table, its cells one per benchmark */
#pragma once

#include <glib-object.h>
#include "lb-types.h"

G_BEGIN_DECLS

#define LB_TYPE_RANKING_ROW (lb_ranking_row_get_type ())
G_DECLARE_FINAL_TYPE (LbRankingRow, lb_ranking_row, LB, RANKING_ROW, GObject)

/* Takes @model. The row has @n_cells empty cells. */
LbRankingRow   *lb_ranking_row_new          (LbModel *model, guint n_cells);
/* A row that is no model: the page compares two of them to learn the sort direction. */
LbRankingRow   *lb_ranking_row_new_probe    (guint order);
guint           lb_ranking_row_get_probe    (LbRankingRow *self);  /* 0 for a real row */

const LbModel  *lb_ranking_row_get_model    (LbRankingRow *self);
guint           lb_ranking_row_get_n_cells  (LbRankingRow *self);

/* Each takes ownership; NULL clears. */
void            lb_ranking_row_set_result   (LbRankingRow *self, guint cell, LbResult *current);
void            lb_ranking_row_set_previous (LbRankingRow *self, guint cell, LbResult *previous);
void            lb_ranking_row_set_gap      (LbRankingRow *self, guint cell, LbGap *gap);

/* The current result, the one it replaced, the gap that says why there is none; may be NULL. */
const LbResult *lb_ranking_row_get_result   (LbRankingRow *self, guint cell);
const LbResult *lb_ranking_row_get_previous (LbRankingRow *self, guint cell);
const LbGap    *lb_ranking_row_get_gap      (LbRankingRow *self, guint cell);

G_END_DECLS
