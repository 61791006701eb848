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

struct _LbWarningRow
{
  AdwActionRow  parent_instance;

  LbWarning    *warning;   /* owned */
};

G_DEFINE_FINAL_TYPE (LbWarningRow, lb_warning_row, ADW_TYPE_ACTION_ROW)

static void
lb_warning_row_finalize (GObject *object)
{
  LbWarningRow *self = LB_WARNING_ROW (object);

  g_clear_pointer (&self->warning, lb_warning_free);
  G_OBJECT_CLASS (lb_warning_row_parent_class)->finalize (object);
}

static void
lb_warning_row_class_init (LbWarningRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lb_warning_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-warning-row.ui");
}

static void
lb_warning_row_init (LbWarningRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lb_warning_row_new (const LbWarning *warning,
                    const char      *header)
{
  LbWarningRow *self;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  const char *message;

  g_return_val_if_fail (warning != NULL, NULL);

  self = g_object_new (LB_TYPE_WARNING_ROW, NULL);
  self->warning = lb_warning_copy (warning);
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), where);
  return GTK_WIDGET (self);
}

const LbWarning *
lb_warning_row_get_warning (LbWarningRow *self)
{
  g_return_val_if_fail (LB_IS_WARNING_ROW (self), NULL);
  return self->warning;
}
