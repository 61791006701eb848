/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-overview-page.h: the leaderboard's record form, saved as the user types */
#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_OVERVIEW_PAGE (lb_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (LbOverviewPage, lb_overview_page, LB, OVERVIEW_PAGE, LbPage)

/* Writes pending edits now instead of after the typing pause. */
void lb_overview_page_flush (LbOverviewPage *self);

G_END_DECLS
