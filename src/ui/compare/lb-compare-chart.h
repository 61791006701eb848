/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-chart.h: grouped horizontal bars of a comparison, drawn with cairo */
#pragma once

#include <gtk/gtk.h>

#include "lb-compare.h"

G_BEGIN_DECLS

#define LB_TYPE_COMPARE_CHART (lb_compare_chart_get_type ())
G_DECLARE_FINAL_TYPE (LbCompareChart, lb_compare_chart, LB, COMPARE_CHART, GtkWidget)

GtkWidget    *lb_compare_chart_new            (void);
/* Shows @comparison (a reference is kept; NULL clears the chart). */
void          lb_compare_chart_set_comparison (LbCompareChart *self, LbComparison *comparison);
LbComparison *lb_compare_chart_get_comparison (LbCompareChart *self);
/* The colour of the @index-th model: Okabe–Ito, the black swapped for grey on a dark style. */
void          lb_compare_chart_model_color    (guint index, gboolean dark, GdkRGBA *color);
/* The description screen readers get; newly allocated. */
char         *lb_compare_chart_dup_description (LbCompareChart *self);

G_END_DECLS
