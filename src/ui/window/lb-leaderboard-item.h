/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-leaderboard-item.h: one leaderboard in the sidebar, with its badges */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LB_TYPE_LEADERBOARD_ITEM (lb_leaderboard_item_get_type ())
G_DECLARE_FINAL_TYPE (LbLeaderboardItem, lb_leaderboard_item, LB, LEADERBOARD_ITEM, GObject)

/* @overdue_since: the day since which the review is overdue, or NULL when it is not (the
 * "overdue-tooltip" says so in a sentence); @smells_present: smells with status "present" in
 * the store. */
LbLeaderboardItem *lb_leaderboard_item_new            (gint64       id,
                                                       const char  *name,
                                                       const GDate *overdue_since,
                                                       guint        smells_present);
gint64             lb_leaderboard_item_get_id         (LbLeaderboardItem *self);
const char        *lb_leaderboard_item_get_name       (LbLeaderboardItem *self);

G_END_DECLS
