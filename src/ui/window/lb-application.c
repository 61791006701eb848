/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-application.c: the Leaderboard application */

#define G_LOG_DOMAIN "lb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-application.h"
#include "lb-preferences-window.h"
#include "lb-store.h"
#include "lb-window.h"

struct _LbApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *db_path;      /* from --db, else NULL: lb_store_default_path() */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LbApplication, lb_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.import", { "<Control>o", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.print-report", { "<Control>p", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static LbWindow *
create_window (LbApplication *self,
               const char    *path)
{
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = lb_store_open (path, &error);
  if (store == NULL)
    g_message ("Cannot open %s: %s", path, error->message);

  return g_object_new (LB_TYPE_WINDOW,
                       "application", self,
                       "store", store,
                       "database-path", path,
                       "store-error", error != NULL ? error->message : NULL,
                       "settings", self->settings,
                       NULL);
}

static LbWindow *
ensure_window (LbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (LB_IS_WINDOW (window))
    return LB_WINDOW (window);

  path = self->db_path != NULL ? g_strdup (self->db_path) : lb_store_default_path ();
  return create_window (self, path);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  LbApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing lets each window save its state and cancel its work. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  LbApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Leaderboard"),
                        "application-icon", APP_ID,
                        "version", VERSION,
                        "comments", _("Keep the model leaderboards you decide with: where every "
                                      "number comes from, who owns them and when they are due "
                                      "for review."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  LbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (lb_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_cb },
  { .name = "preferences", .activate = preferences_cb },
  { .name = "about", .activate = about_cb },
};

static int
lb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  LbApplication *self = LB_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db != NULL && *db != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }
  return -1;
}

static void
lb_application_startup (GApplication *app)
{
  LbApplication *self = LB_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (lb_application_parent_class)->startup (app);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("GSettings schema %s is not installed; window size and folders are not remembered",
               APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
lb_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (LB_APPLICATION (app))));
}

static void
lb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LbWindow *window = ensure_window (LB_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    lb_window_import_file (window, files[i]);
}

static void
lb_application_finalize (GObject *object)
{
  LbApplication *self = LB_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lb_application_parent_class)->finalize (object);
}

static void
lb_application_class_init (LbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lb_application_finalize;
  app_class->handle_local_options = lb_application_handle_local_options;
  app_class->startup = lb_application_startup;
  app_class->activate = lb_application_activate;
  app_class->open = lb_application_open;
}

static void
lb_application_init (LbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database at PATH instead of the default (also $LEADERBOARD_DB)"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.csv…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Import the CSV files given, or open the leaderboards."));
}

LbApplication *
lb_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (LB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/org/example/Leaderboard",
                       NULL);
}

GSettings *
lb_application_get_settings (LbApplication *self)
{
  g_return_val_if_fail (LB_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
lb_application_open_database (LbApplication *self,
                              const char    *path)
{
  GtkWindow *old;
  LbWindow *window;

  g_return_if_fail (LB_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  g_free (self->db_path);
  self->db_path = g_strdup (path);

  old = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Hold the app so closing the old window does not quit it before the new one exists. */
  g_application_hold (G_APPLICATION (self));
  if (old != NULL)
    gtk_window_close (old);
  window = create_window (self, path);
  gtk_window_present (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (self));
}
