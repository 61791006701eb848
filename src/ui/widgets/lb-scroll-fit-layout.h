/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-scroll-fit-layout.h: lays out one GtkScrolledWindow child, asking for the natural height
 * its content has at the width it is given */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LB_TYPE_SCROLL_FIT_LAYOUT (lb_scroll_fit_layout_get_type ())
G_DECLARE_FINAL_TYPE (LbScrollFitLayout, lb_scroll_fit_layout, LB, SCROLL_FIT_LAYOUT, GtkLayoutManager)

GtkLayoutManager *lb_scroll_fit_layout_new (void);

G_END_DECLS
