/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-metadata-editor.c: a small window editing a benchmark's or a model's metadata */

#define G_LOG_DOMAIN "lb-metadata-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-metadata-editor.h"

typedef struct {
  guint       field;
  GtkWidget  *row;        /* AdwEntryRow or AdwComboRow */
  char       *initial;
  GStrv       values;     /* for a choice */
  gboolean    guessed;    /* a choice whose first entry is the unconfirmed guess: writes nothing */
} Field;

struct _LbMetadataEditor
{
  AdwWindow            parent_instance;

  /* borrowed (children) */
  AdwPreferencesGroup *group;
  GtkLabel            *error_label;

  /* owned */
  GArray              *fields;   /* of Field */
  LbMetadataApplyFunc  apply;
  gpointer             user_data;
  GDestroyNotify       destroy;
};

G_DEFINE_FINAL_TYPE (LbMetadataEditor, lb_metadata_editor, ADW_TYPE_WINDOW)

static void
field_clear (gpointer data)
{
  Field *f = data;

  g_clear_pointer (&f->initial, g_free);
  g_clear_pointer (&f->values, g_strfreev);
}

static char *
field_value (Field *f)
{
  if (ADW_IS_COMBO_ROW (f->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));

      if (f->guessed)
        {
          /* Left on the guess: the same as when the window opened, so nothing is written. */
          if (selected == 0)
            return g_strdup (f->initial);
          selected--;
        }
      return selected < g_strv_length (f->values) ? g_strdup (f->values[selected]) : NULL;
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row))));
}

static void
save_clicked_cb (LbMetadataEditor *self)
{
  if (lb_metadata_editor_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
lb_metadata_editor_finalize (GObject *object)
{
  LbMetadataEditor *self = LB_METADATA_EDITOR (object);

  g_clear_pointer (&self->fields, g_array_unref);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  G_OBJECT_CLASS (lb_metadata_editor_parent_class)->finalize (object);
}

static void
lb_metadata_editor_class_init (LbMetadataEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lb_metadata_editor_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lb_metadata_editor_init (LbMetadataEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();

  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, field_clear);

  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), TRUE);
  gtk_box_append (GTK_BOX (box), header);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 540, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

LbMetadataEditor *
lb_metadata_editor_new (GtkWindow           *parent,
                        const char          *title,
                        const char          *description,
                        LbMetadataApplyFunc  apply,
                        gpointer             user_data,
                        GDestroyNotify       destroy)
{
  LbMetadataEditor *self = g_object_new (LB_TYPE_METADATA_EDITOR,
                                         "transient-for", parent,
                                         "title", title,
                                         NULL);

  adw_preferences_group_set_title (self->group, title);
  adw_preferences_group_set_description (self->group, description);
  self->apply = apply;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

void
lb_metadata_editor_add_entry (LbMetadataEditor *self,
                              guint             field,
                              const char       *label,
                              const char       *value)
{
  Field f = { field, adw_entry_row_new (), g_strdup (value ? value : ""), NULL, FALSE };

  g_return_if_fail (LB_IS_METADATA_EDITOR (self));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f.row), label);
  gtk_editable_set_text (GTK_EDITABLE (f.row), f.initial);
  adw_preferences_group_add (self->group, f.row);
  g_array_append_val (self->fields, f);
}

void
lb_metadata_editor_add_choice (LbMetadataEditor   *self,
                               guint               field,
                               const char         *label,
                               const char * const *labels,
                               const char * const *values,
                               const char         *value,
                               const char         *guess_note)
{
  Field f = { field, adw_combo_row_new (), NULL, g_strdupv ((char **) values), guess_note != NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint offset = 0;

  g_return_if_fail (LB_IS_METADATA_EDITOR (self));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f.row), label);
  if (f.guessed)
    {
      /* The guess has an entry of its own, so that opening and saving confirms nothing. */
      for (guint i = 0; values[i] != NULL; i++)
        if (g_strcmp0 (values[i], value) == 0)
          {
            g_autofree char *guess = g_strdup_printf (_("%s (guess)"), labels[i]);

            gtk_string_list_append (list, guess);
          }
      f.guessed = g_list_model_get_n_items (G_LIST_MODEL (list)) == 1;
      if (f.guessed)
        {
          const char *description = adw_preferences_group_get_description (self->group);
          g_autofree char *both = description != NULL && *description != '\0'
                                  ? g_strdup_printf ("%s\n%s", description, guess_note)
                                  : g_strdup (guess_note);

          /* The value under the title, where it has the room to say "(guess)" in full. */
          adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (f.row), TRUE);
          gtk_widget_set_tooltip_text (f.row, guess_note);
          adw_preferences_group_set_description (self->group, both);
          offset = 1;
        }
    }
  if (!f.guessed)
    f.initial = g_strdup (value);
  gtk_string_list_splice (list, offset, 0, labels);
  adw_combo_row_set_model (ADW_COMBO_ROW (f.row), G_LIST_MODEL (list));
  if (!f.guessed)
    for (guint i = 0; values[i] != NULL; i++)
      if (g_strcmp0 (values[i], value) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (f.row), i);
  adw_preferences_group_add (self->group, f.row);
  g_array_append_val (self->fields, f);
}

gboolean
lb_metadata_editor_save (LbMetadataEditor *self)
{
  g_return_val_if_fail (LB_IS_METADATA_EDITOR (self), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);
      g_autofree char *value = field_value (f);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (value, f->initial) == 0)
        continue;
      gtk_widget_remove_css_class (f->row, "error");
      if (!self->apply (f->field, value != NULL && *value != '\0' ? value : NULL, self->user_data, &error))
        {
          gtk_widget_add_css_class (f->row, "error");
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return FALSE;
        }
      g_free (f->initial);
      f->initial = g_steal_pointer (&value);
    }
  return TRUE;
}

GtkWidget *
lb_metadata_editor_get_row (LbMetadataEditor *self,
                            guint             field)
{
  g_return_val_if_fail (LB_IS_METADATA_EDITOR (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_array_index (self->fields, Field, i).field == field)
      return g_array_index (self->fields, Field, i).row;
  return NULL;
}
