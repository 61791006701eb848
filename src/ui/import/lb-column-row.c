/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-column-row.c: one column of the file in the import assistant */

#define G_LOG_DOMAIN "lb-column-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cell-ref.h"
#include "lb-column-row.h"

struct _LbColumnRow
{
  AdwActionRow    parent_instance;

  /* template widgets */
  GtkWidget      *stderr_box;
  GtkDropDown    *stderr_of;
  GtkDropDown    *unit;
  GtkStringList  *unit_list;
  GtkDropDown    *direction;
  GtkDropDown    *role;
  GtkStringList  *role_list;

  /* owned */
  guint           column;
  char           *extra_unit;   /* the unit read from the header, offered third; or NULL */
  GArray         *targets;      /* of guint: the score column of each stderr_of item */
  gboolean        showing;      /* the selectors are being set from a spec, not by the user */
};

G_DEFINE_FINAL_TYPE (LbColumnRow, lb_column_row, ADW_TYPE_ACTION_ROW)

enum {
  SIGNAL_ROLE_CHOSEN,
  SIGNAL_UNIT_CHOSEN,
  SIGNAL_DIRECTION_CHOSEN,
  SIGNAL_STDERR_OF_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
role_selected_cb (LbColumnRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role);

  if (self->showing || selected >= LB_N_COLUMN_ROLES)
    return;
  /* A benchmark's unit and direction show at once; the rest waits for the check. */
  gtk_widget_set_visible (GTK_WIDGET (self->unit), selected == LB_COLUMN_SCORE);
  gtk_widget_set_visible (GTK_WIDGET (self->direction), selected == LB_COLUMN_SCORE);
  g_signal_emit (self, signals[SIGNAL_ROLE_CHOSEN], 0, selected);
}

static void
unit_selected_cb (LbColumnRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit);

  if (self->showing)
    return;
  g_signal_emit (self, signals[SIGNAL_UNIT_CHOSEN], 0,
                 selected == 1 ? "%" : selected == 2 ? self->extra_unit : NULL);
}

static void
direction_selected_cb (LbColumnRow *self)
{
  if (self->showing)
    return;
  g_signal_emit (self, signals[SIGNAL_DIRECTION_CHOSEN], 0, gtk_drop_down_get_selected (self->direction) == 0);
}

static void
stderr_of_selected_cb (LbColumnRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->stderr_of);

  if (self->showing)
    return;
  g_signal_emit (self, signals[SIGNAL_STDERR_OF_CHOSEN], 0,
                 selected < self->targets->len ? g_array_index (self->targets, guint, selected) : 0);
}

static void
lb_column_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_COLUMN_ROW);
  G_OBJECT_CLASS (lb_column_row_parent_class)->dispose (object);
}

static void
lb_column_row_finalize (GObject *object)
{
  LbColumnRow *self = LB_COLUMN_ROW (object);

  g_clear_pointer (&self->extra_unit, g_free);
  g_clear_pointer (&self->targets, g_array_unref);
  G_OBJECT_CLASS (lb_column_row_parent_class)->finalize (object);
}

static void
lb_column_row_class_init (LbColumnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_column_row_dispose;
  object_class->finalize = lb_column_row_finalize;

  signals[SIGNAL_ROLE_CHOSEN] =
    g_signal_new ("role-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_UNIT_CHOSEN] =
    g_signal_new ("unit-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_DIRECTION_CHOSEN] =
    g_signal_new ("direction-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_STDERR_OF_CHOSEN] =
    g_signal_new ("stderr-of-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-column-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, stderr_box);
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, stderr_of);
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, unit);
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, unit_list);
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, direction);
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, role);
  gtk_widget_class_bind_template_child (widget_class, LbColumnRow, role_list);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, direction_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stderr_of_selected_cb);
}

static void
lb_column_row_init (LbColumnRow *self)
{
  self->showing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->targets = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < LB_N_COLUMN_ROLES; r++)
    gtk_string_list_append (self->role_list, lb_column_role_label (r));
  self->showing = FALSE;
}

GtkWidget *
lb_column_row_new (const LbColumnSpec *spec)
{
  LbColumnRow *self;
  g_autofree char *letter = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (LB_TYPE_COLUMN_ROW, NULL);
  self->column = spec->column;
  letter = lb_column_letter (spec->column);
  title = g_strdup_printf ("%s · %s", letter, *spec->header != '\0' ? spec->header : _("(no header)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* A unit read from the header ("ms", "円") is offered beside "no unit" and "%". */
  if (spec->unit != NULL && !g_str_equal (spec->unit, "%"))
    {
      self->extra_unit = g_strdup (spec->unit);
      self->showing = TRUE;
      gtk_string_list_append (self->unit_list, spec->unit);
      self->showing = FALSE;
    }
  return GTK_WIDGET (self);
}

guint
lb_column_row_get_column (LbColumnRow *self)
{
  g_return_val_if_fail (LB_IS_COLUMN_ROW (self), 0);
  return self->column;
}

void
lb_column_row_show (LbColumnRow        *self,
                    const LbColumnSpec *spec,
                    GPtrArray          *specs,
                    gboolean            long_layout,
                    const char         *subtitle)
{
  gboolean score;
  gboolean wide_stderr;
  guint unit_index = 0;
  guint target_index = GTK_INVALID_LIST_POSITION;
  g_autoptr(GtkStringList) target_labels = gtk_string_list_new (NULL);

  g_return_if_fail (LB_IS_COLUMN_ROW (self));
  g_return_if_fail (spec != NULL && specs != NULL);

  score = spec->role == LB_COLUMN_SCORE;
  wide_stderr = spec->role == LB_COLUMN_STDERR && !long_layout;
  if (spec->unit != NULL && g_str_equal (spec->unit, "%"))
    unit_index = 1;
  else if (spec->unit != NULL && g_strcmp0 (spec->unit, self->extra_unit) == 0)
    unit_index = 2;

  /* "standard error of [benchmark]": the score columns as they are now. */
  g_array_set_size (self->targets, 0);
  for (guint i = 0; wide_stderr && i < specs->len; i++)
    {
      const LbColumnSpec *other = g_ptr_array_index (specs, i);
      g_autofree char *letter = NULL;
      g_autofree char *label = NULL;

      if (other->role != LB_COLUMN_SCORE)
        continue;
      letter = lb_column_letter (other->column);
      label = g_strdup_printf ("%s · %s", letter, other->header);
      if (other->column == spec->stderr_of)
        target_index = self->targets->len;
      g_array_append_val (self->targets, other->column);
      gtk_string_list_append (target_labels, label);
    }

  self->showing = TRUE;
  gtk_drop_down_set_selected (self->role, spec->role);
  gtk_drop_down_set_selected (self->unit, unit_index);
  gtk_drop_down_set_selected (self->direction, spec->higher_is_better ? 0 : 1);
  gtk_drop_down_set_model (self->stderr_of, G_LIST_MODEL (target_labels));
  gtk_drop_down_set_selected (self->stderr_of, target_index);
  self->showing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->unit), score);
  gtk_widget_set_visible (GTK_WIDGET (self->direction), score && !long_layout);
  gtk_widget_set_visible (self->stderr_box, wide_stderr);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

GtkDropDown *
lb_column_row_get_dropdown (LbColumnRow       *self,
                            LbColumnRowChoice  which)
{
  g_return_val_if_fail (LB_IS_COLUMN_ROW (self), NULL);

  switch (which)
    {
    case LB_COLUMN_ROW_ROLE:
      return self->role;
    case LB_COLUMN_ROW_UNIT:
      return self->unit;
    case LB_COLUMN_ROW_DIRECTION:
      return self->direction;
    case LB_COLUMN_ROW_STDERR_OF:
      return self->stderr_of;
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lb_column_row_get_stderr_shown (LbColumnRow *self)
{
  g_return_val_if_fail (LB_IS_COLUMN_ROW (self), FALSE);
  return gtk_widget_get_visible (self->stderr_box);
}
