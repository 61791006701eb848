/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-row-number-cell.h: the preview's row number, and for a summary row (平均, Total, ...)
 * that it is left out, with a check button to import it anyway */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LB_TYPE_ROW_NUMBER_CELL (lb_row_number_cell_get_type ())
G_DECLARE_FINAL_TYPE (LbRowNumberCell, lb_row_number_cell, LB, ROW_NUMBER_CELL, GtkBox)

/* Signal "force-toggled" (guint record, gboolean forced): the user chose to import the summary
 * row @record anyway, or not; never emitted by lb_row_number_cell_show(). */

GtkWidget *lb_row_number_cell_new  (void);

/* Shows the file's row @record; a summary row says whether it is imported (@forced). */
void       lb_row_number_cell_show (LbRowNumberCell *self,
                                    guint            record,
                                    gboolean         summary,
                                    gboolean         forced);

G_END_DECLS
