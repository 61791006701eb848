/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-warning-row.c: one import warning as a list row */

#define G_LOG_DOMAIN "lb-warning-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-csv-reader.h"
#include "lb-warning-row.h"
#include "lb-cell-ref.h"
#include "lb-warning.h"

/* The importer starts a cell's message with where the cell is ("row 4, column F (MT-bench): "),
 * which the row's subtitle says already: the rest of the message, or all of it. */
static const char *
without_location (const char *message,
                  guint       row,
                  const char *letter,
                  const char *header)
{
  g_autofree char *prefix = g_strdup_printf (_("row %u, column %s (%s)"), row, letter,
                                             header != NULL ? header : "");
  const char *rest;

  if (!g_str_has_prefix (message, prefix) || message[strlen (prefix)] != ':')
    return message;
  rest = message + strlen (prefix) + 1;
  while (*rest == ' ')
    rest++;
  return *rest != '\0' ? rest : message;
}

GtkWidget *
lb_warning_row_new (const LbWarning *warning,
                    const char      *header)
{
  GtkWidget *row;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  const char *message;

  g_return_val_if_fail (warning != NULL, NULL);

  /* In the reader's language, whatever the language of the import. */
  text = lb_warning_dup_text (warning);
  message = text;
  if (warning->row > 0 && warning->column > 0)
    {
      g_autofree char *letter = lb_column_letter (warning->column);

      where = header != NULL ? g_strdup_printf (_("Row %u, column %s (%s)"), warning->row, letter, header)
                             : g_strdup_printf (_("Row %u, column %s"), warning->row, letter);
      message = without_location (text, warning->row, letter, header);
    }
  else if (warning->row > 0)
    where = g_strdup_printf (_("Row %u"), warning->row);
  else
    where = g_strdup (_("Whole file"));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  return row;
}
