/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-preferences-window.c: the Preferences window: the name printed on review reports */

#define G_LOG_DOMAIN "lb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-preferences-window.h"

struct _LbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwEntryRow          *author_row;
  AdwPreferencesGroup  *report_group;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LbPreferencesWindow, lb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lb_preferences_window_constructed (GObject *object)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (lb_preferences_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "report-author", self->author_row, "text",
                     G_SETTINGS_BIND_DEFAULT);
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->author_row), FALSE);
      adw_preferences_group_set_description (self->report_group,
                                             _("The settings schema is not installed, so nothing set "
                                               "here could be kept. Install the app to set a name."));
    }
}

static void
lb_preferences_window_dispose (GObject *object)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (lb_preferences_window_parent_class)->dispose (object);
}

static void
lb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_preferences_window_class_init (LbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lb_preferences_window_constructed;
  object_class->dispose = lb_preferences_window_dispose;
  object_class->get_property = lb_preferences_window_get_property;
  object_class->set_property = lb_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Leaderboard/lb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, report_group);
}

static void
lb_preferences_window_init (LbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lb_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  return g_object_new (LB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
