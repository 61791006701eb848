/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-ranking-item.h: one model in the ranking table's list model: its results, one cell per benchmark
 * (the item a GtkColumnView row shows, not a widget) */
#pragma once

#include <glib-object.h>
#include "lb-types.h"

G_BEGIN_DECLS

#define LB_TYPE_RANKING_ITEM (lb_ranking_item_get_type ())
G_DECLARE_FINAL_TYPE (LbRankingItem, lb_ranking_item, LB, RANKING_ITEM, GObject)

/* Takes @model. The row has @n_cells empty cells. */
LbRankingItem   *lb_ranking_item_new          (LbModel *model, guint n_cells);
/* A row that is no model: the page compares two of them to learn the sort direction. */
LbRankingItem   *lb_ranking_item_new_probe    (guint order);
guint           lb_ranking_item_get_probe    (LbRankingItem *self);  /* 0 for a real row */

const LbModel  *lb_ranking_item_get_model    (LbRankingItem *self);
guint           lb_ranking_item_get_n_cells  (LbRankingItem *self);

/* Each takes ownership; NULL clears. */
void            lb_ranking_item_set_result   (LbRankingItem *self, guint cell, LbResult *current);
void            lb_ranking_item_set_previous (LbRankingItem *self, guint cell, LbResult *previous);
void            lb_ranking_item_set_gap      (LbRankingItem *self, guint cell, LbGap *gap);

/* The current result, the one it replaced, the gap that says why there is none; may be NULL. */
const LbResult *lb_ranking_item_get_result   (LbRankingItem *self, guint cell);
const LbResult *lb_ranking_item_get_previous (LbRankingItem *self, guint cell);
const LbGap    *lb_ranking_item_get_gap      (LbRankingItem *self, guint cell);

G_END_DECLS
