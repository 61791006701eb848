/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-page.h: the Compare page: which benchmarks each model has results for */
#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_COMPARE_PAGE (lb_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (LbComparePage, lb_compare_page, LB, COMPARE_PAGE, LbPage)


G_END_DECLS
