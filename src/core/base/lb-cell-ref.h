/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cell-ref.h: cell references as a spreadsheet shows them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The letters Excel shows for the 1-based @column: "A", "Z", "AA", "XFD"; "?" for 0, a cell
 * whose column is not known. Newly allocated. */
char *lb_column_letter (guint column);

G_END_DECLS
