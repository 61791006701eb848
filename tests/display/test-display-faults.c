/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display-faults.c: for each database fault the store refuses (not a database, a damaged
 * file, a newer schema, a read-only file, a file locked by another program), the window comes
 * up showing the error, the file name (escaped: names may hold < & >) and the way out, and
 * the file is byte for byte what it was. Runs under Xvfb with the display suite. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "display-util.h"
#include "lb-store.h"
#include "lb-window.h"

typedef enum {
  FAULT_TEXT,
  FAULT_DAMAGED,
  FAULT_NEWER,
  FAULT_READ_ONLY,
  FAULT_LOCKED,
} Fault;

typedef struct {
  const char *name;
  Fault       fault;
  LbStoreError code;
  const char *says;
} FaultCase;

static const FaultCase cases[] = {
  { "text", FAULT_TEXT, LB_STORE_ERROR_NOT_A_DATABASE, "not a Leaderboard database" },
  { "damaged", FAULT_DAMAGED, LB_STORE_ERROR_NOT_A_DATABASE, "damaged" },
  { "newer-schema", FAULT_NEWER, LB_STORE_ERROR_NEWER_SCHEMA, "newer version of Leaderboard" },
  { "read-only", FAULT_READ_ONLY, LB_STORE_ERROR_READ_ONLY, "read-only" },
  { "locked", FAULT_LOCKED, LB_STORE_ERROR_BUSY, "in use by another program" },
};

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A real database with one leaderboard, closed cleanly (a single file). */
static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lb_store_create_leaderboard (store, "Kept", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_fault (gconstpointer data)
{
  const FaultCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-faults-XXXXXX", &error);
  /* A name that is also markup ("/" cannot be in a file name): it must show as text. */
  g_autofree char *path = g_build_filename (dir, "R&D <b>scores<span>.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *locker = NULL;
  LbWindow *window;
  GtkWidget *page;
  GtkWidget *stack;
  const char *description;

  g_assert_no_error (error);
  switch (c->fault)
    {
    case FAULT_TEXT:
      g_assert_true (g_file_set_contents (path, "model,JMMLU\nA,85\n", -1, NULL));
      break;
    case FAULT_DAMAGED:
      {
        g_autofree char *contents = NULL;
        gsize length = 0;

        make_database (path);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        /* Page 1 with its header, the rest of the file gone. */
        g_assert_true (g_file_set_contents (path, contents, 100, NULL));
      }
      break;
    case FAULT_NEWER:
      make_database (path);
      raw_exec (path, "PRAGMA user_version = 99;");
      break;
    case FAULT_READ_ONLY:
      make_database (path);
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      break;
    case FAULT_LOCKED:
      make_database (path);
      raw_exec (path, "PRAGMA journal_mode = DELETE;");
      g_assert_cmpint (sqlite3_open (path, &locker), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (locker, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
      break;
    default:
      g_assert_not_reached ();
    }
  before = file_sha256 (path);

  store = lb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, (int) c->code);
  g_assert_nonnull (strstr (error->message, c->says));

  /* The app starts anyway, on its error page. */
  window = g_object_new (LB_TYPE_WINDOW, "database-path", path, "store-error", error->message, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "error_page"));
  description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_nonnull (strstr (description, c->says));
  g_assert_nonnull (strstr (description, "R&amp;D &lt;b&gt;scores&lt;span&gt;.db"));
  g_assert_null (strstr (description, "<b>scores"));
  g_assert_nonnull (strstr (description, "Open another database file"));
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);

  if (locker != NULL)
    {
      sqlite3_exec (locker, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (locker);
    }
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  g_chmod (path, 0644);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  g_unsetenv ("LEADERBOARD_DB");
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/display/database-fault/%s", cases[i].name);

      g_test_add_data_func (test_path, &cases[i], test_fault);
    }
  return g_test_run ();
}
