/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smell-row.c: one item of the smell checklist as an expander row */

#define G_LOG_DOMAIN "lb-smell-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-smell-row.h"
#include "lb-value.h"

/* More evidence than this per item is summarised in one row: the CLI and report list it all. */
#define MAX_EVIDENCE_ROWS 25

struct _LbSmellRow
{
  AdwExpanderRow  parent_instance;

  /* template widgets */
  GtkImage       *status_icon;

  /* owned */
  LbSmell        *item;
  GPtrArray      *evidence;       /* of LbEvidence*, the detection's; NULL without one */
  GPtrArray      *evidence_rows;  /* of AdwActionRow*, borrowed, parallel to evidence */
  char           *item_id;
  gboolean        populated;
};

G_DEFINE_FINAL_TYPE (LbSmellRow, lb_smell_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_EVIDENCE_ACTIVATED,
  SIGNAL_STATUS_CHOSEN,
  SIGNAL_NOTE_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
evidence_activated_cb (AdwActionRow *row,
                       LbSmellRow   *self)
{
  guint index;

  if (g_ptr_array_find (self->evidence_rows, row, &index))
    g_signal_emit (self, signals[SIGNAL_EVIDENCE_ACTIVATED], 0, g_ptr_array_index (self->evidence, index));
}

static GtkWidget *
evidence_row_new (LbSmellRow       *self,
                  const LbEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (row, evidence->kind == LB_EVIDENCE_CELL
                                    ? _("Show the cell in the Results page")
                                    : _("Show the record this is about"));
  g_signal_connect_object (row, "activated", G_CALLBACK (evidence_activated_cb), self, 0);
  g_ptr_array_add (self->evidence_rows, row);
  return row;
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
status_selected_cb (AdwComboRow *combo,
                    GParamSpec  *pspec,
                    LbSmellRow  *self)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (selected < LB_N_SMELL_STATUSES)
    g_signal_emit (self, signals[SIGNAL_STATUS_CHOSEN], 0, selected);
}

static void
note_applied_cb (AdwEntryRow *entry,
                 LbSmellRow  *self)
{
  g_signal_emit (self, signals[SIGNAL_NOTE_APPLIED], 0, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Fills the row when it is first opened: 72 rows with selectors and entries would make every
 * reload slow. */
static void
populate (LbSmellRow *self)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *status;
  GtkWidget *note;
  LbSmellStatus current = LB_SMELL_STATUS_UNCHECKED;

  if (self->populated)
    return;
  self->populated = TRUE;

  if (self->evidence != NULL)
    {
      for (guint i = 0; i < self->evidence->len && i < MAX_EVIDENCE_ROWS; i++)
        adw_expander_row_add_row (row, evidence_row_new (self, g_ptr_array_index (self->evidence, i)));
      if (self->evidence->len > MAX_EVIDENCE_ROWS)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("%u more piece of evidence",
                                                             "%u more pieces of evidence",
                                                             self->evidence->len - MAX_EVIDENCE_ROWS),
                                                   self->evidence->len - MAX_EVIDENCE_ROWS);

          adw_expander_row_add_row (row, text_row_new (more, _("The report and “leaderboard-cli smells” list them all.")));
        }
    }
  else if (self->item->evidence != NULL && self->item->evidence[0] != '\0')
    {
      /* Evidence recorded by an earlier run or another computer, without links. */
      g_autofree char *shown = lb_smell_evidence_display (self->item);

      adw_expander_row_add_row (row, text_row_new (_("Recorded evidence"), shown));
    }

  for (guint i = 0; i < LB_N_SMELL_STATUSES; i++)
    gtk_string_list_append (labels, lb_smell_status_label (i));
  lb_smell_status_from_string (self->item->status, &current);
  status = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), current);
  /* After the current status is shown: only the reviewer's choice is signalled. */
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  adw_expander_row_add_row (row, status);

  note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (note), self->item->note != NULL ? self->item->note : "");
  g_signal_connect_object (note, "apply", G_CALLBACK (note_applied_cb), self, 0);
  adw_expander_row_add_row (row, note);

  if (self->item->reviewer != NULL || self->item->checked_at != NULL)
    {
      g_autofree char *when = lb_date_text_to_display (self->item->checked_at);
      /* Translators: who gave the verdict, and when */
      g_autofree char *by = g_strdup_printf (C_("verdict", "%s on %s"),
                                             self->item->reviewer != NULL ? self->item->reviewer : "—",
                                             when != NULL ? when : "—");

      adw_expander_row_add_row (row, text_row_new (_("Last verdict"), by));
    }
}

static void
expanded_cb (LbSmellRow *self,
             GParamSpec *pspec)
{
  if (self->item != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    populate (self);
}

static void
lb_smell_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_SMELL_ROW);
  G_OBJECT_CLASS (lb_smell_row_parent_class)->dispose (object);
}

static void
lb_smell_row_finalize (GObject *object)
{
  LbSmellRow *self = LB_SMELL_ROW (object);

  g_clear_pointer (&self->item, lb_smell_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);
  g_clear_pointer (&self->item_id, g_free);
  G_OBJECT_CLASS (lb_smell_row_parent_class)->finalize (object);
}

static void
lb_smell_row_class_init (LbSmellRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_smell_row_dispose;
  object_class->finalize = lb_smell_row_finalize;

  signals[SIGNAL_EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, LB_TYPE_EVIDENCE);
  signals[SIGNAL_STATUS_CHOSEN] =
    g_signal_new ("status-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_NOTE_APPLIED] =
    g_signal_new ("note-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-smell-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LbSmellRow, status_icon);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
}

static void
lb_smell_row_init (LbSmellRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->evidence_rows = g_ptr_array_new ();
}

GtkWidget *
lb_smell_row_new (const LbSmell     *item,
                  const LbDetection *detection)
{
  LbSmellRow *self;
  LbComponent component;
  gboolean has_component;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (LB_TYPE_SMELL_ROW, NULL);
  self->item = lb_smell_copy (item);
  self->evidence = detection != NULL ? g_ptr_array_ref (detection->evidence) : NULL;
  self->item_id = g_strdup_printf ("%s/%s", item->smell, item->component != NULL ? item->component : "");
  has_component = lb_component_from_string (item->component, &component);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 has_component ? lb_component_label (component)
                                               : _("Whole leaderboard"));
  if (has_component)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), lb_component_explanation (component));
  return GTK_WIDGET (self);
}

const LbSmell *
lb_smell_row_get_item (LbSmellRow *self)
{
  g_return_val_if_fail (LB_IS_SMELL_ROW (self), NULL);
  return self->item;
}

void
lb_smell_row_set_item (LbSmellRow    *self,
                       const LbSmell *item)
{
  g_return_if_fail (LB_IS_SMELL_ROW (self));
  g_return_if_fail (item != NULL);

  g_clear_pointer (&self->item, lb_smell_free);
  self->item = lb_smell_copy (item);
}

const char *
lb_smell_row_get_item_id (LbSmellRow *self)
{
  g_return_val_if_fail (LB_IS_SMELL_ROW (self), NULL);
  return self->item_id;
}

void
lb_smell_row_show_status (LbSmellRow *self,
                          const char *subtitle,
                          const char *icon_name,
                          const char *style,
                          gboolean    attention)
{
  g_return_if_fail (LB_IS_SMELL_ROW (self));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_icon),
                              style != NULL ? (const char *[]) { style, NULL } : (const char *[]) { NULL });
  if (attention)
    gtk_widget_add_css_class (GTK_WIDGET (self), "lb-smell-attention");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "lb-smell-attention");
}
