/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-column-row.h: one column of the file in the import assistant: what it holds (its role),
 * and for a benchmark its unit, direction, or the benchmark a standard error is of */
#pragma once

#include <adwaita.h>

#include "lb-importer.h"

G_BEGIN_DECLS

#define LB_TYPE_COLUMN_ROW (lb_column_row_get_type ())
G_DECLARE_FINAL_TYPE (LbColumnRow, lb_column_row, LB, COLUMN_ROW, AdwActionRow)

/* The row's selectors, for lb_column_row_get_dropdown(). */
typedef enum {
  LB_COLUMN_ROW_ROLE,
  LB_COLUMN_ROW_UNIT,
  LB_COLUMN_ROW_DIRECTION,
  LB_COLUMN_ROW_STDERR_OF,
} LbColumnRowChoice;

/* Signals, each only for the user's choice (never while the row shows a spec):
 *   "role-chosen" (guint role): an LbColumnRole.
 *   "unit-chosen" (const char *unit): "%", the unit read from the header, or NULL for none.
 *   "direction-chosen" (gboolean higher_is_better).
 *   "stderr-of-chosen" (guint column): the score column a standard error is of, 0 for none. */

/* A row for the column of @spec: "C · header", with "%" and the unit read from the header
 * (if any) offered beside "no unit". */
GtkWidget   *lb_column_row_new            (const LbColumnSpec *spec);

/* The file's column (1-based) the row is of. */
guint        lb_column_row_get_column     (LbColumnRow *self);

/* Shows @spec: its role, unit and direction (for a benchmark), and in the wide layout for a
 * standard error the score columns among @specs (of LbColumnSpec*) it can be of; @subtitle
 * says how the role was set. */
void         lb_column_row_show           (LbColumnRow        *self,
                                           const LbColumnSpec *spec,
                                           GPtrArray          *specs,
                                           gboolean            long_layout,
                                           const char         *subtitle);

GtkDropDown *lb_column_row_get_dropdown   (LbColumnRow       *self,
                                           LbColumnRowChoice  which);
/* Whether the "standard error of [benchmark]" picker is shown. */
gboolean     lb_column_row_get_stderr_shown (LbColumnRow *self);

G_END_DECLS
