/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-warning-row.h: one import warning as a list row: the message, and where (row, column) */
#pragma once

#include <adwaita.h>
#include "lb-types.h"

G_BEGIN_DECLS

#define LB_TYPE_WARNING_ROW (lb_warning_row_get_type ())
G_DECLARE_FINAL_TYPE (LbWarningRow, lb_warning_row, LB, WARNING_ROW, AdwActionRow)

/* A row for @warning (copied), in the reader's language: the message as title, where it is
 * ("Row 4, column F (MT-bench)") as subtitle; @header (may be NULL) names the column's header. */
GtkWidget       *lb_warning_row_new         (const LbWarning *warning,
                                             const char      *header);
/* The warning the row shows (owned by the row). */
const LbWarning *lb_warning_row_get_warning (LbWarningRow *self);

G_END_DECLS
