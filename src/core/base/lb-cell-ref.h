/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cell-ref.h: cell references as a spreadsheet shows them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The letters Excel shows for the 1-based @column: "A", "Z", "AA", "XFD"; "?" for 0, a cell
 * whose column is not known. Newly allocated. */
char *lb_column_letter (guint column);

/* Where a cell is, as Excel writes a reference to it: "評価!C14", "'Q1 scores'!B2" (a sheet
 * name with spaces or punctuation is quoted), or "C14" when @sheet is NULL. Newly allocated. */
char *lb_cell_ref_format (const char *sheet,
                          guint       row,
                          guint       column);

G_END_DECLS
