/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-profile-editor.c: the window that makes or changes a decision profile */

#define G_LOG_DOMAIN "lb-profile-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lb-profile-editor.h"

struct _LbProfileEditor
{
  GtkWindow parent_instance;

  /* template widgets */
  AdwEntryRow          *name_row;
  AdwEntryRow          *description_row;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *weights_group;

  GPtrArray            *benchmarks;  /* the LbBenchmark* the editor was opened with */
  GPtrArray            *spins;       /* of GtkSpinButton*, one per benchmark */
  gint64                profile_id;
  gint64                leaderboard_id;
  LbProfileSaveFunc     save_func;
  gpointer              save_data;
};

G_DEFINE_FINAL_TYPE (LbProfileEditor, lb_profile_editor, GTK_TYPE_WINDOW)

static void
save_cb (LbProfileEditor *self)
{
  g_autoptr(LbProfile) profile = g_new0 (LbProfile, 1);
  g_autoptr(GError) error = NULL;

  profile->id = self->profile_id;
  profile->leaderboard_id = self->leaderboard_id;
  profile->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  profile->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  if (profile->description[0] == '\0')
    g_clear_pointer (&profile->description, g_free);
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  for (guint i = 0; i < self->spins->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (self->benchmarks, i);
      double weight = gtk_spin_button_get_value (g_ptr_array_index (self->spins, i));
      LbWeight *w;

      if (weight <= 0.0)
        continue;
      w = g_new0 (LbWeight, 1);
      w->benchmark = g_strdup (benchmark->name);
      w->weight = weight;
      g_ptr_array_add (profile->weights, w);
    }

  if (self->save_func != NULL && !self->save_func (profile, self->save_data, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* One row per benchmark: its name, which way is better, and its weight. */
static void
add_weight_rows (LbProfileEditor *self,
                 const LbProfile *profile)
{
  for (guint i = 0; i < self->benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (self->benchmarks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);
      double weight = profile == NULL ? 1.0 : 0.0;

      for (guint j = 0; profile != NULL && j < profile->weights->len; j++)
        {
          LbWeight *w = g_ptr_array_index (profile->weights, j);

          if (g_strcmp0 (w->benchmark, benchmark->name) == 0)
            weight = w->weight;
        }
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      benchmark->name, -1);
      /* A benchmark name is the user's text ("Q&A <v2>"): never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), benchmark->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   benchmark->higher_is_better ? _("higher is better") : _("lower is better"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->weights_group, row);
      g_ptr_array_add (self->spins, spin);
    }
}

static void
lb_profile_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_PROFILE_EDITOR);
  G_OBJECT_CLASS (lb_profile_editor_parent_class)->dispose (object);
}

static void
lb_profile_editor_finalize (GObject *object)
{
  LbProfileEditor *self = LB_PROFILE_EDITOR (object);

  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  G_OBJECT_CLASS (lb_profile_editor_parent_class)->finalize (object);
}

static void
lb_profile_editor_class_init (LbProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_profile_editor_dispose;
  object_class->finalize = lb_profile_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LbProfileEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LbProfileEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, LbProfileEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LbProfileEditor, weights_group);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
}

static void
lb_profile_editor_init (LbProfileEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->spins = g_ptr_array_new ();
}

LbProfileEditor *
lb_profile_editor_new (GtkWindow         *parent,
                       GPtrArray         *benchmarks,
                       const LbProfile   *profile,
                       LbProfileSaveFunc  save_func,
                       gpointer           user_data)
{
  LbProfileEditor *self;

  g_return_val_if_fail (benchmarks != NULL, NULL);

  self = g_object_new (LB_TYPE_PROFILE_EDITOR, "transient-for", parent, NULL);
  self->benchmarks = g_ptr_array_ref (benchmarks);
  self->profile_id = profile != NULL ? profile->id : 0;
  self->leaderboard_id = benchmarks->len > 0
                         ? ((LbBenchmark *) g_ptr_array_index (benchmarks, 0))->leaderboard_id : 0;
  self->save_func = save_func;
  self->save_data = user_data;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), profile != NULL ? profile->name : _("New profile"));
  if (profile != NULL && profile->description != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->description_row), profile->description);
  add_weight_rows (self, profile);
  return self;
}
