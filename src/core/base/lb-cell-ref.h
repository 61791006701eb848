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

/* The short key of a stored value's source cell, the one spelling the screen, the CLI and the
 * report print: "[2:E4]" (import 2, cell E4), "[2]" when the cell is not known or the value
 * is not in a cell but at @path of a result file (a JSON path, the source_path of LbResult
 * and LbGap; NULL for a sheet), "[H]" for a value typed in by hand (@import_id 0). Newly
 * allocated. */
char *lb_cell_key         (gint64      import_id,
                           guint       row,
                           guint       column,
                           const char *path);

/* Where a stored value came from, in words: "scores.csv, cell E4", "評価表.xlsx, cell
 * 評価!B2"; "results.json, at results.jmmlu."acc,none"" for a value at @path of a result file
 * (NULL for a sheet's cell); "import 2, cell E4" when @file_name is NULL; "typed in by hand"
 * for @import_id 0; the file alone when the cell is not known. Translated, newly allocated. */
char *lb_cell_source_text (gint64      import_id,
                           const char *file_name,
                           const char *sheet,
                           guint       row,
                           guint       column,
                           const char *path);

G_END_DECLS
