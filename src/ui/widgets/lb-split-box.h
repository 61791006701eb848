/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-split-box.h: children stacked top to bottom; the last one, the page's main view, keeps
 * a share of the height whatever the first one would like */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LB_TYPE_SPLIT_BOX (lb_split_box_get_type ())
G_DECLARE_FINAL_TYPE (LbSplitBox, lb_split_box, LB, SPLIT_BOX, GtkWidget)

/* The last child (the main view) is given at least half of the height left by the children
 * between the first and the last, up to this much; the first child (controls and notes that
 * scroll) gets the rest, up to its natural height, never less than its minimum. */
#define LB_SPLIT_BOX_MAIN_SHARE_MAX 320

GtkWidget *lb_split_box_new (void);

G_END_DECLS
