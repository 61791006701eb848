/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display-share.c: the app and leaderboard-cli on one database, as a manager uses them:
 * the window open, its file chooser showing the database's folder, the CLI run beside it. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "display-util.h"
#include "lb-overview-page.h"
#include "lb-store.h"
#include "lb-window.h"

typedef struct {
  char      *dir;
  char      *db_path;
  char      *csv_path;
  LbStore   *store;
  GSettings *settings;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) fixture = lb_test_import_fixture ("wide-utf8-bom.csv");
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lb-share-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "leaderboard.db", NULL);
  /* The sheet lies next to the database, where the file chooser will show both. */
  f->csv_path = g_build_filename (f->dir, "scores.csv", NULL);
  g_assert_true (g_file_load_contents (fixture, NULL, &contents, &length, NULL, &error));
  g_assert_true (g_file_set_contents (f->csv_path, contents, length, &error));
  g_assert_no_error (error);
  f->store = lb_store_open (f->db_path, &error);
  g_assert_no_error (error);
  lb_store_set_user (f->store, "Tester");
  f->settings = g_settings_new (APP_ID);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  lb_test_remove_tree (f->dir);
  g_free (f->csv_path);
  g_free (f->db_path);
  g_free (f->dir);
}

static LbWindow *
new_window (Fixture *f)
{
  LbWindow *window = g_object_new (LB_TYPE_WINDOW,
                                   "store", f->store,
                                   "database-path", f->db_path,
                                   "settings", f->settings,
                                   "default-width", 1000,
                                   "default-height", 700,
                                   NULL);

  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  return window;
}

/* Runs leaderboard-cli --db @db ARGS… to the end; returns its exit status, output in @out. */
static int
run_cli (const char  *db,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("leaderboard-cli: %s", err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* One statement on a connection of its own; the first column of the first row. */
static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkTreeView *
find_tree_view (GtkWidget *widget)
{
  if (GTK_IS_TREE_VIEW (widget))
    return GTK_TREE_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTreeView *found = find_tree_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the file list shows @name: the chooser has read the folder and, for its filter,
 * looked at every file's content type, which opens and closes each of them. */
static gboolean
file_list_shows (GtkTreeView *view,
                 const char  *name)
{
  GtkTreeModel *model = gtk_tree_view_get_model (view);
  GtkTreeIter iter;

  if (model == NULL || !gtk_tree_model_get_iter_first (model, &iter))
    return FALSE;
  do
    {
      g_autofree char *shown = NULL;

      /* Column 0 of GTK 4.8's chooser model is the name it shows. */
      gtk_tree_model_get (model, &iter, 0, &shown, -1);
      if (g_strcmp0 (shown, name) == 0)
        return TRUE;
    }
  while (gtk_tree_model_iter_next (model, &iter));
  return FALSE;
}

/* Shows the window's own Import file chooser on the database's folder, waits until it lists
 * the sheet beside the database, and cancels it. */
static void
browse_database_folder (LbWindow *window,
                        Fixture  *f)
{
  GtkWindow *chooser;
  GtkTreeView *view;
  gint64 deadline;

  g_settings_set_string (f->settings, "last-import-folder", f->dir);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((chooser = find_file_chooser ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (chooser);
  view = find_tree_view (GTK_WIDGET (chooser));
  g_assert_nonnull (view);
  while (!file_list_shows (view, "scores.csv") && g_get_monotonic_time () < deadline)
    lb_test_spin (50);
  g_assert_cmpint (gtk_tree_model_get_column_type (gtk_tree_view_get_model (view), 0), ==, G_TYPE_STRING);
  g_assert_true (file_list_shows (view, "scores.csv"));
  lb_test_save_screenshot (GTK_WIDGET (chooser), "share-file-chooser.png");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  lb_test_iterate (5);
  g_assert_null (find_file_chooser ());
}

static guint
n_sidebar_rows (LbWindow *window)
{
  GObject *model = gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW,
                                                  "sidebar_filter_model");

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
count_cb (LbStore *store,
          gint64   leaderboard_id,
          guint   *count)
{
  (*count)++;
}

/* Issue 14 item 5: the file chooser made GLib open and close leaderboard.db, -wal and -shm in
 * the app's process, which dropped the app's POSIX locks; the CLI then deleted -wal and -shm,
 * and the app's next write failed. */
static void
test_cli_beside_file_chooser (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db_path, "-shm", NULL);
  g_autofree char *out = NULL;
  g_autofree char *check = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeaderboard) from_cli = NULL;
  LbWindow *window;
  gint64 app_id;

  app_id = lb_store_create_leaderboard (f->store, "From the app", &error);
  g_assert_no_error (error);
  window = new_window (f);
  lb_window_select_leaderboard (window, app_id);
  lb_test_iterate (5);

  browse_database_folder (window, f);

  g_assert_cmpint (run_cli (f->db_path, &out, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "From the app"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f->db_path, &out, "import", f->csv_path, "--leaderboard", "From the CLI",
                            NULL), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* The app writes, through its window: deletes its leaderboard (with Undo offered). */
  gtk_widget_activate_action (GTK_WIDGET (window), "leaderboard.delete", NULL);
  lb_test_iterate (5);
  deleted = query (f->db_path, "SELECT count(*) FROM leaderboards "
                               "WHERE name = 'From the app' AND deleted_at IS NOT NULL");
  g_assert_cmpstr (deleted, ==, "1");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* The CLI's import landed too, and the app reads it on the same connection. */
  from_cli = lb_store_find_leaderboard (f->store, "From the CLI", &error);
  g_assert_no_error (error);
  results = query (f->db_path, "SELECT count(*) FROM results r JOIN leaderboards l "
                               "ON l.id = r.leaderboard_id WHERE l.name = 'From the CLI'");
  g_assert_cmpint (g_ascii_strtoll (results, NULL, 10), >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
  g_clear_object (&f->store);

  check = query (f->db_path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* Issue 14, low: the window did not show what the CLI changed until it was reopened. */
static void
test_refresh_after_cli (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  LbWindow *window;
  guint changes = 0;
  gint64 deadline;

  lb_store_create_leaderboard (f->store, "From the app", &error);
  g_assert_no_error (error);
  window = new_window (f);
  g_assert_cmpuint (n_sidebar_rows (window), ==, 1);
  g_signal_connect (f->store, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_cmpint (run_cli (f->db_path, &out, "import", f->csv_path, "--leaderboard", "From the CLI",
                            NULL), ==, 0);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (n_sidebar_rows (window) < 2 && g_get_monotonic_time () < deadline)
    lb_test_spin (100);
  g_assert_cmpuint (n_sidebar_rows (window), ==, 2);
  g_assert_cmpuint (changes, ==, 1);

  /* Nothing else changed: the next polls reload nothing. */
  lb_test_spin (4500);
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handlers_disconnect_by_func (f->store, count_cb, &changes);
  lb_test_save_screenshot (GTK_WIDGET (window), "share-refreshed.png");
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
}

static const char *
overview_text (LbWindow   *window,
               const char *name)
{
  GtkWidget *page = lb_window_get_page (LB_WINDOW (window), "overview");
  GtkWidget *child = lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, name);

  return GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child))
                              : gtk_editable_get_text (GTK_EDITABLE (child));
}

/* Spins until the Overview shows @text in @name, for up to 10 s (the window polls every 2). */
static void
wait_for_overview (LbWindow   *window,
                   const char *name,
                   const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (overview_text (window, name), text) != 0 && g_get_monotonic_time () < deadline)
    lb_test_spin (100);
  g_assert_cmpstr (overview_text (window, name), ==, text);
}

/* The Overview's record fields follow what the CLI set, and an edit the user has not saved yet
 * is neither lost nor overwritten. */
static void
test_overview_follows_cli (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  GtkWidget *page;
  LbWindow *window;
  gint64 id;

  id = lb_store_create_leaderboard (f->store, "Chat", &error);
  g_assert_no_error (error);
  window = new_window (f);
  lb_window_select_leaderboard (window, id);
  lb_test_iterate (5);
  g_assert_cmpstr (overview_text (window, "owner_row"), ==, "");

  g_assert_cmpint (run_cli (f->db_path, &out, "set", "Chat", "--owner", "佐藤", NULL), ==, 0);
  wait_for_overview (window, "owner_row", "佐藤");
  g_assert_cmpstr (overview_text (window, "owner_label"), ==, "佐藤");

  /* The user types a purpose; before it is saved, the CLI sets the contact. */
  page = lb_window_get_page (LB_WINDOW (window), "overview");
  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "purpose_row")),
                         "サポート用のモデル選定");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f->db_path, &out, "set", "Chat", "--owner-contact", "内線 1234", NULL), ==, 0);
  wait_for_overview (window, "owner_contact_row", "内線 1234");
  g_assert_cmpstr (overview_text (window, "purpose_row"), ==, "サポート用のモデル選定");

  lb = lb_store_get_leaderboard (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb->purpose, ==, "サポート用のモデル選定");
  g_assert_cmpstr (lb->owner, ==, "佐藤");
  g_assert_cmpstr (lb->owner_contact, ==, "内線 1234");
  lb_test_save_screenshot (GTK_WIDGET (window), "share-overview.png");
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LEADERBOARD_DB", "/nonexistent/never-used.db", TRUE);
  /* The file chooser is GTK's own here (no portal), in this process, as on a desktop. */
  g_unsetenv ("GTK_USE_PORTAL");
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/display/share/cli-beside-file-chooser", Fixture, NULL, fixture_setup,
              test_cli_beside_file_chooser, fixture_teardown);
  g_test_add ("/display/share/refresh-after-cli", Fixture, NULL, fixture_setup,
              test_refresh_after_cli, fixture_teardown);
  g_test_add ("/display/share/overview-follows-cli", Fixture, NULL, fixture_setup,
              test_overview_follows_cli, fixture_teardown);
  return g_test_run ();
}
