/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-warning-row.c: one import warning as a list row */

#define G_LOG_DOMAIN "lb-warning-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-csv-reader.h"
#include "lb-warning-row.h"
#include "lb-cell-ref.h"

GtkWidget *
lb_warning_row_new (const LbWarning *warning,
                    const char      *header)
{
  GtkWidget *row;
  g_autofree char *where = NULL;

  g_return_val_if_fail (warning != NULL, NULL);

  if (warning->row > 0 && warning->column > 0)
    {
      g_autofree char *letter = lb_column_letter (warning->column);

      where = header != NULL ? g_strdup_printf (_("Row %u, column %s (%s)"), warning->row, letter, header)
                             : g_strdup_printf (_("Row %u, column %s"), warning->row, letter);
    }
  else if (warning->row > 0)
    where = g_strdup_printf (_("Row %u"), warning->row);
  else
    where = g_strdup (_("Whole file"));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  return row;
}
