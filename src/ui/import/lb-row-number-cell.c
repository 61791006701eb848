/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-row-number-cell.c: the preview's row number, and whether a summary row is imported */

#define G_LOG_DOMAIN "lb-row-number-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-row-number-cell.h"

struct _LbRowNumberCell
{
  GtkBox          parent_instance;

  /* template widgets */
  GtkLabel       *number;
  GtkLabel       *status;
  GtkCheckButton *button;

  guint           record;
  gboolean        showing;   /* the button is set from the importer, not by the user */
};

G_DEFINE_FINAL_TYPE (LbRowNumberCell, lb_row_number_cell, GTK_TYPE_BOX)

enum {
  SIGNAL_FORCE_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_forced (LbRowNumberCell *self,
             gboolean         forced)
{
  gtk_label_set_label (self->status, forced ? _("summary row — imported anyway")
                                            : _("summary row — not imported"));
}

static void
toggled_cb (LbRowNumberCell *self)
{
  gboolean forced = gtk_check_button_get_active (self->button);

  if (self->showing || self->record == 0)
    return;
  show_forced (self, forced);
  g_signal_emit (self, signals[SIGNAL_FORCE_TOGGLED], 0, self->record, forced);
}

static void
lb_row_number_cell_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_ROW_NUMBER_CELL);
  G_OBJECT_CLASS (lb_row_number_cell_parent_class)->dispose (object);
}

static void
lb_row_number_cell_class_init (LbRowNumberCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_row_number_cell_dispose;

  signals[SIGNAL_FORCE_TOGGLED] =
    g_signal_new ("force-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-row-number-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, LbRowNumberCell, number);
  gtk_widget_class_bind_template_child (widget_class, LbRowNumberCell, status);
  gtk_widget_class_bind_template_child (widget_class, LbRowNumberCell, button);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);
}

static void
lb_row_number_cell_init (LbRowNumberCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lb_row_number_cell_new (void)
{
  return g_object_new (LB_TYPE_ROW_NUMBER_CELL, NULL);
}

void
lb_row_number_cell_show (LbRowNumberCell *self,
                         guint            record,
                         gboolean         summary,
                         gboolean         forced)
{
  g_autofree char *text = g_strdup_printf ("%u", record);

  g_return_if_fail (LB_IS_ROW_NUMBER_CELL (self));

  self->record = record;
  gtk_label_set_label (self->number, text);
  show_forced (self, forced);
  gtk_widget_set_visible (GTK_WIDGET (self->status), summary);
  gtk_widget_set_visible (GTK_WIDGET (self->button), summary);
  self->showing = TRUE;
  gtk_check_button_set_active (self->button, forced);
  self->showing = FALSE;
}
