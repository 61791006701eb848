/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-warning-row.h: one import warning as a list row: the message, and where (row, column) */
#pragma once

#include <adwaita.h>
#include "lb-types.h"

G_BEGIN_DECLS

/* A new AdwActionRow for @warning; @header (may be NULL) names the column's header. */
GtkWidget *lb_warning_row_new (const LbWarning *warning, const char *header);

G_END_DECLS
