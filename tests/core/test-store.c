/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/resource.h>
#include <math.h>
#include <string.h>
#include <sqlite3.h>

#include "lb-store.h"
#include "lb-smells.h"
#include "lb-store-private.h"
#include "lb-store-vfs.h"
#include "lb-warning.h"

/* ---- helpers ---- */

static char *
test_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own data dir; it starts missing. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static LbStore *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  LbStore *store = lb_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  lb_store_set_user (store, "Tester");
  return store;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Runs one statement on a separate connection and returns the first column as text. */
static char *
raw_query (const char *path,
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

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static LbAuditEntry *
last_audit (LbStore *store,
            gint64   leaderboard_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = lb_store_list_audit (store, leaderboard_id, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return lb_audit_entry_copy (g_ptr_array_index (entries, 0));
}

static guint
count_audit (LbStore *store,
             gint64   leaderboard_id)
{
  g_autoptr(GPtrArray) entries = lb_store_list_audit (store, leaderboard_id, 0, NULL);

  return entries->len;
}

static gint64
new_leaderboard (LbStore    *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lb_store_create_leaderboard (store, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
has_leaderboard (LbStore    *store,
                 const char *name)
{
  g_autoptr(LbLeaderboard) lb = lb_store_find_leaderboard (store, name, NULL);

  return lb != NULL;
}

/* ---- opening ---- */

static void
test_open_memory (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpstr (lb_store_get_path (store), ==, ":memory:");
  g_assert_null (lb_store_get_backup_path (store));
  new_leaderboard (store, "Chatbot 2026");
  list = lb_store_list_leaderboards (store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((LbLeaderboard *) g_ptr_array_index (list, 0))->name, ==, "Chatbot 2026");
}

/* SQLite opens "" as a temporary database and, built with URIs as Debian builds it,
 * "file:…?mode=memory" as a private one: an import there reports success and keeps
 * nothing. "" is refused; a name starting with "file:" is a file of that name. */
static void
test_open_not_a_file (void)
{
  g_autofree char *dir = test_path ("here");
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open ("", &error);

  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN);
  g_assert_null (store);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  store = lb_store_open ("file:kept.db?mode=memory", &error);
  g_assert_no_error (error);
  new_leaderboard (store, "Kept");
  g_clear_object (&store);
  g_assert_true (g_file_test ("file:kept.db?mode=memory", G_FILE_TEST_IS_REGULAR));
  store = lb_store_open ("file:kept.db?mode=memory", &error);
  g_assert_no_error (error);
  g_assert_true (has_leaderboard (store, "Kept"));
  g_clear_object (&store);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* lb_store_open_read_only() reads the current schema, writes nothing (a write through it
 * fails) and leaves an older schema as it is. */
static void
test_open_read_only (void)
{
  g_autofree char *path = test_path ("reader.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  new_leaderboard (store, "Read me");
  g_clear_object (&store);
  before = file_sha256 (path);

  store = lb_store_open_read_only (path, &error);
  g_assert_no_error (error);
  list = lb_store_list_leaderboards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (lb_store_create_leaderboard (store, "Never", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  g_remove (path);
  store = lb_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = file_sha256 (path);
  store = lb_store_open_read_only (path, &error);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OLDER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_clear_pointer (&path, g_free);
  path = test_path ("missing.db");
  store = lb_store_open_read_only (path, &error);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_open_creates_file (void)
{
  g_autofree char *dir = test_path ("deep/er");
  g_autofree char *path = g_build_filename (dir, "lb.db", NULL);
  g_autofree char *mode = NULL;
  g_autofree char *version = NULL;
  g_autofree char *expected = g_strdup_printf ("%d", LB_STORE_SCHEMA_VERSION);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;

  g_assert_false (g_file_test (dir, G_FILE_TEST_IS_DIR));
  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (lb_store_get_backup_path (store));
  new_leaderboard (store, "A");
  g_clear_object (&store);

  mode = raw_query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = raw_query (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, expected);

  /* Opening again keeps the data and writes no backup. */
  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (lb_store_get_backup_path (store));
  g_assert_true (has_leaderboard (store, "A"));
}

static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "leaderboard",
                                                "leaderboard.db", NULL);
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_setenv ("LEADERBOARD_DB", "/tmp/elsewhere/x.db", TRUE);
  from_env = lb_store_default_path ();
  g_assert_cmpstr (from_env, ==, "/tmp/elsewhere/x.db");
  g_unsetenv ("LEADERBOARD_DB");
  fallback = lb_store_default_path ();
  g_assert_cmpstr (fallback, ==, expected);
}

static void
test_now (void)
{
  g_autofree char *fixed = NULL;
  g_autofree char *date_only = NULL;
  g_autofree char *offset = NULL;

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  fixed = lb_now_iso8601 ();
  g_assert_cmpstr (fixed, ==, "2026-11-28T03:00:00Z");
  g_setenv ("LEADERBOARD_NOW", "2026-01-02", TRUE);
  date_only = lb_now_iso8601 ();
  g_assert_cmpstr (date_only, ==, "2026-01-02T00:00:00Z");
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T12:00:00+09:00", TRUE);
  offset = lb_now_iso8601 ();
  g_assert_cmpstr (offset, ==, "2026-11-28T03:00:00Z");
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *path = test_path ("newer.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;

  raw_exec (path, "CREATE TABLE leaderboards (id INTEGER PRIMARY KEY, name TEXT);"
                  "INSERT INTO leaderboards (name) VALUES ('future');"
                  "PRAGMA user_version = 99;");
  before = file_sha256 (path);

  store = lb_store_open (path, &error);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (void)
{
  static const struct {
    const char *name;
    const char *contents;  /* NULL: a database of another program */
  } cases[] = {
    { "scores.csv", "model,MMLU\nA,85.3\nB,79.1\n" },
    { "garbage.db", "SQLite format 3 garbage garbage garbage garbage garbage garbage" },
    { "other-app.db", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = test_path (cases[i].name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LbStore) store = NULL;

      if (cases[i].contents != NULL)
        {
          g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
        }
      else
        raw_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
      before = file_sha256 (path);

      store = lb_store_open (path, &error);
      g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE);
      g_assert_nonnull (strstr (error->message, path));
      after = file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* The "another program" check held only at user_version 0: at 1 or 2 another program's
 * file was migrated (tables added, WAL switched on, a .bak-N left beside it). Whatever its
 * user_version, a file that is not ours is refused and nothing of it or beside it changes. */
static void
test_foreign_any_version (void)
{
  static const struct {
    const char *sql;
    const char *expected;
  } cases[] = {
    { "CREATE TABLE contacts (name TEXT); PRAGMA user_version = 1;", "contacts" },
    { "CREATE TABLE contacts (name TEXT); CREATE TABLE notes (body TEXT);"
      "PRAGMA user_version = 2;", "contacts, notes" },
    { "CREATE TABLE leaderboards (id INTEGER PRIMARY KEY, name TEXT);"
      "PRAGMA user_version = 3;", "leaderboards" },
    { "PRAGMA user_version = 2;", "—" },
    /* Another program's marker, even with tables named like ours. */
    { "CREATE TABLE leaderboards (id INTEGER PRIMARY KEY, name TEXT);"
      "PRAGMA application_id = 1196444237; PRAGMA user_version = 1;", "0x47504a4d" },
    { "PRAGMA application_id = 1196444237;", "0x47504a4d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("other-%u.db", i);
      g_autofree char *path = test_path (name);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LbStore) store = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *entry;

      raw_exec (path, cases[i].sql);
      before = file_sha256 (path);

      store = lb_store_open (path, &error);
      g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE);
      g_assert_null (store);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "another program"));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      after = file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
      /* No -wal, -shm, -journal or .bak-N beside it. */
      listing = g_dir_open (dir, 0, NULL);
      while ((entry = g_dir_read_name (listing)) != NULL)
        if (g_str_has_prefix (entry, name))
          g_assert_cmpstr (entry, ==, name);
    }
}

/* A database of ours carries our application_id from its first migration on; one written
 * before we set it (our tables, no marker) is still ours: it opens and gets the marker. */
static void
test_application_id (void)
{
  g_autofree char *path = test_path ("ours.db");
  g_autofree char *expected = g_strdup_printf ("%u", LB_STORE_APPLICATION_ID);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  value = raw_query (path, "PRAGMA application_id");
  g_assert_cmpstr (value, ==, expected);
  g_clear_pointer (&value, g_free);

  for (int v = 1; v <= LB_STORE_SCHEMA_VERSION; v++)
    {
      g_remove (path);
      store = lb_store_open_at_version (path, v, &error);
      g_assert_no_error (error);
      new_leaderboard (store, "Released");
      g_clear_object (&store);
      raw_exec (path, "PRAGMA application_id = 0");

      store = lb_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (has_leaderboard (store, "Released"));
      g_clear_object (&store);
      value = raw_query (path, "PRAGMA application_id");
      g_assert_cmpstr (value, ==, expected);
      g_clear_pointer (&value, g_free);
    }
}

static void
test_corrupt (void)
{
  g_autofree char *path = test_path ("damaged.db");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);
  gsize length = 0;

  g_assert_no_error (error);
  new_leaderboard (store, "Soon damaged");
  g_clear_object (&store);

  /* Scribble over the schema page after its 100-byte file header. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 4096);
  memset (contents + 100, 0xff, 4096 - 100);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = file_sha256 (path);

  store = lb_store_open (path, &error);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only (void)
{
  g_autofree char *path = test_path ("ro.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);

  g_assert_no_error (error);
  new_leaderboard (store, "Kept");
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = file_sha256 (path);

  store = lb_store_open (path, &error);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static void
test_busy (void)
{
  g_autofree char *path = test_path ("locked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  sqlite3 *db = NULL;

  /* Another program holds an exclusive lock on a database in rollback-journal mode. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  store = lb_store_open (path, &error);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_BUSY);
  g_assert_null (store);

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  g_clear_error (&error);
  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* ---- migrations ---- */

static void
test_migrate_with_backup (void)
{
  g_autofree char *path = test_path ("old.db");
  g_autofree char *first_backup = g_strconcat (path, ".bak-1", NULL);
  g_autofree char *second_backup = g_strconcat (path, ".bak-1.1", NULL);
  g_autofree char *version = NULL;
  g_autofree char *backup_version = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *expected = g_strdup_printf ("%d", LB_STORE_SCHEMA_VERSION);
  g_autofree char *mapping = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  gint64 id;

  for (guint round = 0; round < 2; round++)
    {
      /* A version 1 database, as the first release wrote it. */
      g_remove (path);
      store = lb_store_open_at_version (path, 1, &error);
      g_assert_no_error (error);
      id = new_leaderboard (store, "Old data");
      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_OWNER,
                                                     "Sato", &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      version = raw_query (path, "PRAGMA user_version");
      g_assert_cmpstr (version, ==, "1");
      g_clear_pointer (&version, g_free);

      store = lb_store_open (path, &error);
      g_assert_no_error (error);
      /* The second upgrade keeps the first backup and writes another. */
      g_assert_cmpstr (lb_store_get_backup_path (store), ==,
                       round == 0 ? first_backup : second_backup);
      lb = lb_store_find_leaderboard (store, "Old data", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (lb->owner, ==, "Sato");
      g_clear_pointer (&lb, lb_leaderboard_free);
      /* The version 2 table is there. */
      g_assert_true (lb_store_set_mapping (store, "sig", "{\"a\":1}", &error));
      g_assert_no_error (error);
      mapping = lb_store_get_mapping (store, "sig", &error);
      g_assert_cmpstr (mapping, ==, "{\"a\":1}");
      g_clear_pointer (&mapping, g_free);
      g_clear_object (&store);

      version = raw_query (path, "PRAGMA user_version");
      g_assert_cmpstr (version, ==, expected);
      g_clear_pointer (&version, g_free);

      backup_version = raw_query (round == 0 ? first_backup : second_backup,
                                  "PRAGMA user_version");
      g_assert_cmpstr (backup_version, ==, "1");
      g_clear_pointer (&backup_version, g_free);
      backup_name = raw_query (round == 0 ? first_backup : second_backup,
                               "SELECT owner FROM leaderboards WHERE name = 'Old data'");
      g_assert_cmpstr (backup_name, ==, "Sato");
      g_clear_pointer (&backup_name, g_free);
    }
  g_assert_true (g_file_test (first_backup, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second_backup, G_FILE_TEST_IS_REGULAR));
}

/* A version 1 database of about 2 MB, in the journal mode given. */
static void
write_big_v1 (const char *path,
              const char *journal_mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;

  g_remove (path);
  store = lb_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  new_leaderboard (store, "Old data");
  g_clear_object (&store);
  raw_exec (path, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                  " INSERT INTO audit_log (at, entity, new_value)"
                  " SELECT '2026-01-01', 'padding', hex (randomblob (40)) FROM n");
  raw_exec (path, sql);
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 256 * 1024, 256 * 1024 };

  signal (SIGXFSZ, GPOINTER_TO_INT (user_data) ? SIG_DFL : SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Opens @path for migration (`leaderboard-cli set`, a write) in a process whose files may
 * not grow past 256 KiB: with @killed the kernel kills it (SIGXFSZ) in the middle of the
 * backup, as a power cut or a kill -9 would; otherwise the write fails as on a full disk and
 * the command must say so. */
static void
open_with_size_limit (const char *path,
                      gboolean    killed)
{
  const char *cli = g_getenv ("LEADERBOARD_CLI");
  const char *argv[] = { cli, "--db", path, "set", "Old data", "--owner", "Sato", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               limit_file_size, GINT_TO_POINTER (killed), NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (killed)
    {
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGXFSZ);
    }
  else
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      if (strstr (err, "full") == NULL || strstr (err, "not changed") == NULL)
        g_error ("not a full disk: %s", err);
    }
}

/* A backup killed half-way was left as a truncated PATH.bak-1, kept forever and taken for
 * a backup. The copy gets its name only when complete; the next open backs up again. */
static void
test_migrate_backup_killed (void)
{
  g_autofree char *path = test_path ("killed.db");
  g_autofree char *backup = g_strconcat (path, ".bak-1", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;

  write_big_v1 (path, "WAL");
  before = file_sha256 (path);
  open_with_size_limit (path, TRUE);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_store_get_backup_path (store), ==, backup);
  g_clear_object (&store);
  value = raw_query (backup, "SELECT count(*) FROM audit_log WHERE entity = 'padding'");
  g_assert_cmpstr (value, ==, "20000");
  g_clear_pointer (&value, g_free);
  value = raw_query (backup, "PRAGMA integrity_check");
  g_assert_cmpstr (value, ==, "ok");
}

/* A backup that failed (a full disk) said "the database was not changed" while the file's
 * header had already been switched to WAL. Now nothing in the file changes before the
 * backup is complete, and no backup is left. */
static void
test_migrate_backup_failed (void)
{
  g_autofree char *path = test_path ("full.db");
  g_autofree char *backup = g_strconcat (path, ".bak-1", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = NULL;

  write_big_v1 (path, "DELETE");
  before = file_sha256 (path);
  open_with_size_limit (path, FALSE);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  mode = raw_query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
}

/* Schema 3 rebuilt the results table: every result keeps every field, and the keys hold. */
static void
test_migrate_results_table (void)
{
  g_autofree char *path = test_path ("v2.db");
  g_autofree char *backup = g_strconcat (path, ".bak-2", NULL);
  g_autofree char *keys = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open_at_version (path, 2, &error);
  g_autoptr(GPtrArray) results = NULL;
  LbResult result = { 0 };
  gint64 lb, model, bench, first, second;

  g_assert_no_error (error);
  lb = new_leaderboard (store, "Before");
  model = lb_store_ensure_model (store, lb, "M", NULL, NULL, &error);
  bench = lb_store_ensure_benchmark (store, lb, "B", NULL, NULL, &error);
  g_assert_no_error (error);
  result.leaderboard_id = lb;
  result.model_id = model;
  result.benchmark_id = bench;
  result.score = 85.3;
  result.has_stderr = TRUE;
  result.stderr_value = 0.4;
  result.evaluated_at = (char *) "2024-05-01";
  result.raw = (char *) "85.3%";
  result.model_version = (char *) "v1";
  result.source_row = 7;
  result.source_column = 3;
  first = lb_store_add_result (store, &result, &error);
  result.score = 90;
  result.has_stderr = FALSE;
  result.raw = (char *) "90";
  result.current = TRUE;
  second = lb_store_add_result (store, &result, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_store_get_backup_path (store), ==, backup);
  results = lb_store_list_results (store, lb, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  {
    LbResult *a = g_ptr_array_index (results, 0);
    LbResult *b = g_ptr_array_index (results, 1);

    g_assert_cmpint (a->id, ==, first);
    g_assert_cmpfloat (a->score, ==, 85.3);
    g_assert_true (a->has_stderr);
    g_assert_cmpfloat (a->stderr_value, ==, 0.4);
    g_assert_cmpstr (a->evaluated_at, ==, "2024-05-01");
    g_assert_cmpstr (a->raw, ==, "85.3%");
    g_assert_cmpstr (a->model_version, ==, "v1");
    g_assert_cmpuint (a->source_row, ==, 7);
    g_assert_cmpuint (a->source_column, ==, 3);
    g_assert_false (a->current);
    g_assert_cmpint (b->id, ==, second);
    g_assert_true (b->current);
    g_assert_false (b->has_stderr);
  }
  g_clear_object (&store);

  keys = raw_query (path, "SELECT group_concat(\"table\", ',') FROM"
                          " (SELECT \"table\" FROM pragma_foreign_key_list('results') ORDER BY 1)");
  g_assert_cmpstr (keys, ==, "benchmarks,imports,models");
  sql = raw_query (path, "SELECT sql FROM sqlite_master WHERE name = 'results'");
  g_assert_nonnull (strstr (sql, "DEFERRABLE INITIALLY DEFERRED"));
  g_clear_pointer (&sql, g_free);
  sql = raw_query (path, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master"
                         " WHERE type = 'index' AND tbl_name = 'results' ORDER BY 1)");
  g_assert_cmpstr (sql, ==, "results_import_cell,results_leaderboard");
  g_clear_pointer (&sql, g_free);
  /* Superseding a result changes no index (issue 12: the new version of a sheet demotes
   * every old value): no index of results has `current` among its columns. */
  sql = raw_query (path, "SELECT count(*) FROM sqlite_master m, pragma_index_info(m.name) i"
                         " WHERE m.type = 'index' AND m.tbl_name = 'results' AND i.name = 'current'");
  g_assert_cmpstr (sql, ==, "0");
}

/* ---- leaderboards ---- */

static void
test_leaderboard_fields (void)
{
  static const struct {
    LbLeaderboardField field;
    const char *column;
    const char *value;
    gboolean ok;
    const char *stored;   /* what the audit row's new value says */
  } cases[] = {
    { LB_LEADERBOARD_FIELD_PURPOSE, "purpose", "Pick a support bot", TRUE, "Pick a support bot" },
    { LB_LEADERBOARD_FIELD_OWNER, "owner", "佐藤", TRUE, "佐藤" },
    { LB_LEADERBOARD_FIELD_OWNER_CONTACT, "owner_contact", "sato@example.com", TRUE, "sato@example.com" },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "30", TRUE, "30" },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", " 7 ", TRUE, "7" },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "0", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "-3", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "1.5", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "weekly", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "3660", TRUE, "3660" },
    /* A review due in the year 29354 is no schedule. */
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "3661", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "2147483647", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, "workflow_pattern", "P3", TRUE, "P3" },
    { LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, "workflow_pattern", "p5", TRUE, "P5" },
    { LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, "workflow_pattern", "P6", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_EVALUATION_DATA, "evaluation_data", "JGLUE", TRUE, "JGLUE" },
    { LB_LEADERBOARD_FIELD_PROCEDURE, "procedure", "Run harness", TRUE, "Run harness" },
    { LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT, "production_context", "Call centre", TRUE, "Call centre" },
    { LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, "last_reviewed_at", "2026-11-01", TRUE, "2026-11-01" },
    { LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, "last_reviewed_at", "2026-11-01T09:00:00Z", TRUE, "2026-11-01T09:00:00Z" },
    { LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, "last_reviewed_at", "2026-02-30", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, "last_reviewed_at", "11/01/2026", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_NAME, "name", "Renamed", TRUE, "Renamed" },
    { LB_LEADERBOARD_FIELD_NAME, "name", "", FALSE, NULL },
    { LB_LEADERBOARD_FIELD_PURPOSE, "purpose", NULL, TRUE, NULL },
    { LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "update_cadence_days", "", TRUE, NULL },
  };
  g_autoptr(LbStore) store = open_memory ();
  gint64 id = new_leaderboard (store, "Fields");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbAuditEntry) entry = NULL;
      g_autoptr(LbLeaderboard) lb = NULL;
      guint audits_before = count_audit (store, id);
      gboolean ok;

      g_test_message ("case %u: %s = %s", i, cases[i].column, cases[i].value);
      ok = lb_store_set_leaderboard_field (store, id, cases[i].field, cases[i].value, &error);
      if (!cases[i].ok)
        {
          g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_cmpuint (count_audit (store, id), ==, audits_before);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (count_audit (store, id), ==, audits_before + 1);
      entry = last_audit (store, id);
      g_assert_cmpstr (entry->entity, ==, "leaderboard");
      g_assert_cmpint (entry->entity_id, ==, id);
      g_assert_cmpstr (entry->field, ==, cases[i].column);
      g_assert_cmpstr (entry->new_value, ==, cases[i].stored);
      g_assert_cmpstr (entry->who, ==, "Tester");
      g_assert_cmpstr (entry->at, ==, "2026-11-28T03:00:00Z");
      lb = lb_store_get_leaderboard (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (lb->updated_at, ==, "2026-11-28T03:00:00Z");
    }

  {
    g_autoptr(LbLeaderboard) lb = lb_store_get_leaderboard (store, id, NULL);
    g_autoptr(LbAuditEntry) entry = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (lb->name, ==, "Renamed");
    g_assert_null (lb->purpose);
    g_assert_cmpstr (lb->owner, ==, "佐藤");
    g_assert_cmpint (lb->update_cadence_days, ==, 0);
    g_assert_cmpstr (lb->workflow_pattern, ==, "P5");
    g_assert_cmpstr (lb->last_reviewed_at, ==, "2026-11-01T09:00:00Z");

    /* The old value is recorded, and setting the same value again writes nothing. */
    g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_OWNER,
                                                   "Tanaka", &error));
    entry = last_audit (store, id);
    g_assert_cmpstr (entry->old_value, ==, "佐藤");
    g_assert_cmpstr (entry->new_value, ==, "Tanaka");
    g_assert_cmpuint (count_audit (store, id), ==, count_audit (store, id));
    {
      guint before = count_audit (store, id);
      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_OWNER,
                                                     "Tanaka", &error));
      g_assert_cmpuint (count_audit (store, id), ==, before);
    }

    /* Every change refreshes updated_at, and the log says when. */
    g_setenv ("LEADERBOARD_NOW", "2026-12-01T08:30:00Z", TRUE);
    g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PROCEDURE,
                                                   "Run it twice", &error));
    g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
    g_clear_pointer (&lb, lb_leaderboard_free);
    lb = lb_store_get_leaderboard (store, id, &error);
    g_assert_cmpstr (lb->updated_at, ==, "2026-12-01T08:30:00Z");
    g_assert_cmpstr (lb->created_at, ==, "2026-11-28T03:00:00Z");
    g_clear_pointer (&entry, lb_audit_entry_free);
    entry = last_audit (store, 0);
    g_assert_cmpstr (entry->at, ==, "2026-12-01T08:30:00Z");
    g_assert_cmpstr (entry->old_value, ==, "Run harness");

    g_assert_false (lb_store_set_leaderboard_field (store, 9999, LB_LEADERBOARD_FIELD_OWNER,
                                                    "x", &error));
    g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  }
}

/* A 100 MB purpose made `report` run past 120 s: free text is bounded on write. */
static void
test_leaderboard_text_bounded (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autofree char *longest = g_strnfill (LB_STORE_MAX_TEXT_CHARS, 'p');
  g_autoptr(GString) too_long = g_string_new (NULL);
  g_autofree char *count = NULL;
  gint64 id = new_leaderboard (store, "Bounded");

  g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE,
                                                 longest, &error));
  g_assert_no_error (error);
  /* Counted in characters, not bytes: Japanese text takes as many. */
  for (guint i = 0; i <= LB_STORE_MAX_TEXT_CHARS; i++)
    g_string_append (too_long, "目");
  g_assert_false (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE,
                                                  too_long->str, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  count = g_strdup_printf ("%d characters", LB_STORE_MAX_TEXT_CHARS + 1);
  g_assert_nonnull (strstr (error->message, count));
  lb = lb_store_get_leaderboard (store, id, NULL);
  g_assert_cmpstr (lb->purpose, ==, longest);
}

static void
test_leaderboard_unique_and_soft_delete (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  gint64 a = new_leaderboard (store, "Alpha");
  gint64 b = new_leaderboard (store, "beta");
  gint64 again;

  g_assert_cmpint (lb_store_create_leaderboard (store, "Alpha", &error), ==, 0);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Alpha"));
  g_clear_error (&error);
  g_assert_cmpint (lb_store_create_leaderboard (store, "  ", &error), ==, 0);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lb_store_set_leaderboard_field (store, b, LB_LEADERBOARD_FIELD_NAME, "Alpha",
                                                  &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* Listed by name, case folded. */
  new_leaderboard (store, "Gamma");
  list = lb_store_list_leaderboards (store, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((LbLeaderboard *) g_ptr_array_index (list, 0))->name, ==, "Alpha");
  g_assert_cmpstr (((LbLeaderboard *) g_ptr_array_index (list, 1))->name, ==, "beta");
  g_assert_cmpstr (((LbLeaderboard *) g_ptr_array_index (list, 2))->name, ==, "Gamma");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Soft delete: gone from lists and lookups by name, still there by id. */
  g_assert_true (lb_store_set_leaderboard_deleted (store, a, TRUE, &error));
  g_assert_no_error (error);
  list = lb_store_list_leaderboards (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  lb = lb_store_find_leaderboard (store, "Alpha", &error);
  g_assert_null (lb);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  lb = lb_store_get_leaderboard (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb->name, ==, "Alpha");
  g_clear_pointer (&lb, lb_leaderboard_free);
  {
    g_autoptr(LbAuditEntry) entry = last_audit (store, a);
    g_assert_cmpstr (entry->field, ==, "deleted");
    g_assert_cmpstr (entry->new_value, ==, "true");
  }

  /* Undelete. */
  g_assert_true (lb_store_set_leaderboard_deleted (store, a, FALSE, &error));
  g_assert_no_error (error);
  lb = lb_store_find_leaderboard (store, "Alpha", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb->id, ==, a);
  g_clear_pointer (&lb, lb_leaderboard_free);

  /* The name of a deleted leaderboard is free; then it cannot come back under that name. */
  g_assert_true (lb_store_set_leaderboard_deleted (store, a, TRUE, &error));
  again = new_leaderboard (store, "Alpha");
  g_assert_cmpint (again, !=, a);
  g_assert_false (lb_store_set_leaderboard_deleted (store, a, FALSE, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS);
  lb = lb_store_get_leaderboard (store, a, NULL);
  g_assert_nonnull (lb);
}

/* ---- benchmarks and models ---- */

static void
test_benchmark_fields (void)
{
  static const struct {
    LbBenchmarkField field;
    const char *column;
    const char *value;
    LbStoreError error;   /* 0 with ok */
    gboolean ok;
    const char *old_value;
    const char *new_value;
  } cases[] = {
    { LB_BENCHMARK_FIELD_TASK, "task", "QA", 0, TRUE, NULL, "QA" },
    { LB_BENCHMARK_FIELD_METRIC, "metric", "accuracy", 0, TRUE, NULL, "accuracy" },
    { LB_BENCHMARK_FIELD_UNIT, "unit", "%", 0, TRUE, NULL, "%" },
    { LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, "higher_is_better", "false", 0, TRUE, "true", "false" },
    { LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, "higher_is_better", "no", LB_STORE_ERROR_INVALID, FALSE, NULL, NULL },
    { LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, "higher_is_better", NULL, LB_STORE_ERROR_INVALID, FALSE, NULL, NULL },
    { LB_BENCHMARK_FIELD_SCALE_MIN, "scale_min", "0", 0, TRUE, NULL, "0" },
    { LB_BENCHMARK_FIELD_SCALE_MAX, "scale_max", "100.5", 0, TRUE, NULL, "100.5" },
    { LB_BENCHMARK_FIELD_SCALE_MAX, "scale_max", "abc", LB_STORE_ERROR_INVALID, FALSE, NULL, NULL },
    { LB_BENCHMARK_FIELD_SCALE_MAX, "scale_max", "inf", LB_STORE_ERROR_INVALID, FALSE, NULL, NULL },
    { LB_BENCHMARK_FIELD_SCALE_MIN, "scale_min", "200", LB_STORE_ERROR_INVALID, FALSE, NULL, NULL },
    { LB_BENCHMARK_FIELD_DATASET, "dataset", "JCommonsenseQA", 0, TRUE, NULL, "JCommonsenseQA" },
    { LB_BENCHMARK_FIELD_DATASET_VERSION, "dataset_version", "1.1", 0, TRUE, NULL, "1.1" },
    { LB_BENCHMARK_FIELD_PROTOCOL, "protocol", "5-shot", 0, TRUE, NULL, "5-shot" },
    { LB_BENCHMARK_FIELD_HARNESS, "harness", "lm-eval", 0, TRUE, NULL, "lm-eval" },
    { LB_BENCHMARK_FIELD_DESCRIPTION, "description", "Common sense", 0, TRUE, NULL, "Common sense" },
    { LB_BENCHMARK_FIELD_RETIRED, "retired", "true", 0, TRUE, "false", "true" },
    { LB_BENCHMARK_FIELD_RETIRED, "retired", "1", LB_STORE_ERROR_INVALID, FALSE, NULL, NULL },
    { LB_BENCHMARK_FIELD_NAME, "name", "JCQA", 0, TRUE, "JComQA", "JCQA" },
    { LB_BENCHMARK_FIELD_NAME, "name", "Other", LB_STORE_ERROR_EXISTS, FALSE, NULL, NULL },
  };
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(LbBenchmark) bm = NULL;
  gint64 lb = new_leaderboard (store, "Bench");
  gint64 id = lb_store_ensure_benchmark (store, lb, "JComQA", NULL, NULL, NULL);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (lb_store_ensure_benchmark (store, lb, "Other", NULL, NULL, NULL), >, 0);
  bm = lb_store_get_benchmark (store, id, NULL);
  g_assert_true (bm->higher_is_better);
  g_assert_false (bm->direction_confirmed);
  g_clear_pointer (&bm, lb_benchmark_free);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint audits_before = count_audit (store, lb);
      gboolean ok;

      g_test_message ("case %u: %s = %s", i, cases[i].column, cases[i].value);
      ok = lb_store_set_benchmark_field (store, id, cases[i].field, cases[i].value, &error);
      if (!cases[i].ok)
        {
          g_assert_error (error, LB_STORE_ERROR, (int) cases[i].error);
          g_assert_false (ok);
          g_assert_cmpuint (count_audit (store, lb), ==, audits_before);
        }
      else
        {
          g_autoptr(LbAuditEntry) entry = NULL;

          g_assert_no_error (error);
          entry = last_audit (store, lb);
          g_assert_cmpstr (entry->entity, ==, "benchmark");
          g_assert_cmpint (entry->entity_id, ==, id);
          g_assert_cmpstr (entry->field, ==, cases[i].column);
          g_assert_cmpstr (entry->old_value, ==, cases[i].old_value);
          g_assert_cmpstr (entry->new_value, ==, cases[i].new_value);
        }
    }

  bm = lb_store_get_benchmark (store, id, NULL);
  g_assert_cmpstr (bm->name, ==, "JCQA");
  g_assert_false (bm->higher_is_better);
  g_assert_true (bm->direction_confirmed);
  g_assert_true (bm->has_scale);
  g_assert_cmpfloat (bm->scale_min, ==, 0.0);
  g_assert_cmpfloat (bm->scale_max, ==, 100.5);
  g_assert_true (bm->retired);
  g_assert_cmpstr (bm->unit, ==, "%");
  g_assert_cmpstr (bm->protocol, ==, "5-shot");
}

static void
test_model_fields (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbModel) model = NULL;
  g_autoptr(LbAuditEntry) entry = NULL;
  gint64 lb = new_leaderboard (store, "Models");
  gint64 id = lb_store_ensure_model (store, lb, "gpt-x", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (lb_store_set_model_field (store, id, LB_MODEL_FIELD_ACCESS, "api", &error));
  g_assert_true (lb_store_set_model_field (store, id, LB_MODEL_FIELD_PROVIDER, "Example", &error));
  g_assert_true (lb_store_set_model_field (store, id, LB_MODEL_FIELD_VERSION, "2026-01", &error));
  g_assert_true (lb_store_set_model_field (store, id, LB_MODEL_FIELD_PROVENANCE_URL,
                                           "https://example.com/x", &error));
  g_assert_true (lb_store_set_model_field (store, id, LB_MODEL_FIELD_NOTES, "licence: MIT", &error));
  g_assert_no_error (error);
  g_assert_false (lb_store_set_model_field (store, id, LB_MODEL_FIELD_ACCESS, "paid", &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  model = lb_store_get_model (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (model->access, ==, "api");
  g_assert_cmpstr (model->provider, ==, "Example");
  g_assert_cmpstr (model->version, ==, "2026-01");
  g_assert_cmpstr (model->provenance_url, ==, "https://example.com/x");
  g_assert_cmpstr (model->notes, ==, "licence: MIT");
  entry = last_audit (store, lb);
  g_assert_cmpstr (entry->entity, ==, "model");
  g_assert_cmpstr (entry->field, ==, "notes");
  g_assert_cmpstr (entry->new_value, ==, "licence: MIT");
  g_assert_null (entry->old_value);

  g_assert_cmpint (lb_store_ensure_model (store, lb, "other", NULL, NULL, &error), >, 0);
  g_assert_false (lb_store_set_model_field (store, id, LB_MODEL_FIELD_NAME, "other", &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS);
}

/* The same outside a transaction (find first) and inside one (insert first), via @data. */
static void
test_ensure_idempotent (gconstpointer data)
{
  gboolean in_transaction = GPOINTER_TO_INT (data);
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  LbBenchmark init = { 0 };
  LbModel model_init = { 0 };
  gint64 lb = new_leaderboard (store, "Ensure");
  gint64 other = new_leaderboard (store, "Other");
  gboolean created = FALSE;
  gint64 a, b, c, m1, m2;

  if (in_transaction)
    g_assert_true (lb_store_begin (store, &error));
  init.unit = "%";
  init.higher_is_better = FALSE;
  init.position = 5;
  a = lb_store_ensure_benchmark (store, lb, "Latency", &init, &created, &error);
  g_assert_no_error (error);
  g_assert_true (created);
  /* A second call finds it and does not overwrite what is stored. */
  init.unit = "ms";
  init.higher_is_better = TRUE;
  b = lb_store_ensure_benchmark (store, lb, "Latency", &init, &created, &error);
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (a, ==, b);
  c = lb_store_ensure_benchmark (store, lb, "MMLU", NULL, &created, &error);
  g_assert_true (created);
  g_assert_cmpint (c, !=, a);
  /* Same name in another leaderboard is another benchmark. */
  g_assert_cmpint (lb_store_ensure_benchmark (store, other, "MMLU", NULL, NULL, &error), !=, c);

  benchmarks = lb_store_list_benchmarks (store, lb, &error);
  g_assert_cmpuint (benchmarks->len, ==, 2);
  g_assert_cmpstr (((LbBenchmark *) g_ptr_array_index (benchmarks, 0))->name, ==, "Latency");
  g_assert_cmpstr (((LbBenchmark *) g_ptr_array_index (benchmarks, 0))->unit, ==, "%");
  g_assert_false (((LbBenchmark *) g_ptr_array_index (benchmarks, 0))->higher_is_better);
  g_assert_cmpint (((LbBenchmark *) g_ptr_array_index (benchmarks, 1))->position, ==, 6);

  model_init.provider = "First";
  m1 = lb_store_ensure_model (store, lb, "Zeta", &model_init, &created, &error);
  g_assert_true (created);
  model_init.provider = "Second";
  m2 = lb_store_ensure_model (store, lb, "Zeta", &model_init, &created, &error);
  g_assert_false (created);
  g_assert_cmpint (m1, ==, m2);
  lb_store_ensure_model (store, lb, "alpha", NULL, NULL, &error);
  g_assert_no_error (error);
  models = lb_store_list_models (store, lb, &error);
  g_assert_cmpuint (models->len, ==, 2);
  g_assert_cmpstr (((LbModel *) g_ptr_array_index (models, 0))->name, ==, "alpha");
  g_assert_cmpstr (((LbModel *) g_ptr_array_index (models, 1))->provider, ==, "First");

  g_assert_cmpint (lb_store_ensure_model (store, lb, "", NULL, NULL, &error), ==, 0);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  if (in_transaction)
    {
      g_assert_true (lb_store_commit (store, &error));
      g_clear_pointer (&models, g_ptr_array_unref);
      models = lb_store_list_models (store, lb, &error);
      g_assert_cmpuint (models->len, ==, 2);
    }
}

/* ---- results and imports ---- */

typedef struct {
  LbStore *store;
  gint64   lb;
  gint64   m1, m2, b1, b2;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = open_memory ();
  fx->lb = new_leaderboard (fx->store, "Results");
  fx->m1 = lb_store_ensure_model (fx->store, fx->lb, "M1", NULL, NULL, NULL);
  fx->m2 = lb_store_ensure_model (fx->store, fx->lb, "M2", NULL, NULL, NULL);
  fx->b1 = lb_store_ensure_benchmark (fx->store, fx->lb, "B1", NULL, NULL, NULL);
  fx->b2 = lb_store_ensure_benchmark (fx->store, fx->lb, "B2", NULL, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
}

typedef struct {
  gint64      model;
  gint64      benchmark;
  double      score;   /* NAN: a gap */
} Cell;

/* Imports @cells the way the importer does: one transaction, then finish. */
static gint64
import_cells (Fixture    *fx,
              const char *sha256,
              const Cell *cells,
              guint       n_cells)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  gint64 id;
  guint n_results = 0;

  import->leaderboard_id = fx->lb;
  import->file_name = g_strdup_printf ("%s.csv", sha256);
  import->sha256 = g_strdup (sha256);
  import->layout = g_strdup ("wide");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_ptr_array_add (import->warnings, lb_warning_new (3, 2, "The cell C3 is empty."));

  g_assert_true (lb_store_begin (fx->store, &error));
  id = lb_store_add_import (fx->store, import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_cells; i++)
    {
      if (isnan (cells[i].score))
        {
          LbGap gap = { 0, fx->lb, cells[i].model, cells[i].benchmark, id, i + 2, 3, "#N/A",
                        "The cell holds an Excel error." };
          g_assert_cmpint (lb_store_add_gap (fx->store, &gap, &error), >, 0);
        }
      else
        {
          g_autofree char *raw = g_strdup_printf ("%g", cells[i].score);
          LbResult result = { 0 };

          result.leaderboard_id = fx->lb;
          result.model_id = cells[i].model;
          result.benchmark_id = cells[i].benchmark;
          result.score = cells[i].score;
          result.raw = raw;
          result.import_id = id;
          result.source_row = i + 2;
          result.source_column = 2;
          g_assert_cmpint (lb_store_add_result (fx->store, &result, &error), >, 0);
          n_results++;
        }
      g_assert_no_error (error);
    }
  g_assert_true (lb_store_finish_import (fx->store, id, n_cells, n_results, &error));
  g_assert_true (lb_store_commit (fx->store, &error));
  g_assert_no_error (error);
  return id;
}

/* The current score of a cell, NAN when there is none; asserts at most one is current. */
static double
current_score (Fixture *fx,
               gint64   model,
               gint64   benchmark)
{
  g_autoptr(GPtrArray) results = lb_store_list_results (fx->store, fx->lb, TRUE, NULL);
  double score = NAN;
  guint found = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const LbResult *r = g_ptr_array_index (results, i);
      if (r->model_id == model && r->benchmark_id == benchmark)
        {
          g_assert_true (r->current);
          score = r->score;
          found++;
        }
    }
  g_assert_cmpuint (found, <=, 1);
  return score;
}

static void
test_results_supersede (Fixture       *fx,
                        gconstpointer  data)
{
  const Cell first[] = { { fx->m1, fx->b1, 80.0 }, { fx->m2, fx->b1, 70.0 }, { fx->m1, fx->b2, NAN } };
  const Cell second[] = { { fx->m1, fx->b1, 85.0 }, { fx->m1, fx->b2, 50.0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(LbImport) import = NULL;
  LbLeaderboardStats stats = { 0 };
  gint64 imp1, imp2;

  imp1 = import_cells (fx, "aaa", first, G_N_ELEMENTS (first));
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 80.0);
  g_assert_true (isnan (current_score (fx, fx->m1, fx->b2)));

  imp2 = import_cells (fx, "bbb", second, G_N_ELEMENTS (second));
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 85.0);
  g_assert_cmpfloat (current_score (fx, fx->m2, fx->b1), ==, 70.0);
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b2), ==, 50.0);

  /* Nothing was deleted: every result is still there, oldest first. */
  all = lb_store_list_results (fx->store, fx->lb, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (all, 0))->score, ==, 80.0);
  g_assert_false (((LbResult *) g_ptr_array_index (all, 0))->current);
  g_assert_cmpint (((LbResult *) g_ptr_array_index (all, 0))->import_id, ==, imp1);
  g_assert_cmpuint (((LbResult *) g_ptr_array_index (all, 0))->source_row, ==, 2);
  g_assert_cmpstr (((LbResult *) g_ptr_array_index (all, 0))->raw, ==, "80");

  history = lb_store_list_cell_history (fx->store, fx->m1, fx->b1, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (history, 0))->score, ==, 85.0);
  g_assert_true (((LbResult *) g_ptr_array_index (history, 0))->current);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (history, 1))->score, ==, 80.0);
  g_assert_false (((LbResult *) g_ptr_array_index (history, 1))->current);

  import = lb_store_get_import (fx->store, imp2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->records, ==, 2);
  g_assert_cmpuint (import->results, ==, 2);
  g_assert_cmpstr (import->imported_by, ==, "Tester");
  g_assert_cmpuint (import->warnings->len, ==, 1);
  g_assert_cmpuint (((LbWarning *) g_ptr_array_index (import->warnings, 0))->row, ==, 3);
  g_assert_cmpstr (((LbWarning *) g_ptr_array_index (import->warnings, 0))->message, ==,
                   "The cell C3 is empty.");

  imports = lb_store_list_imports (fx->store, fx->lb, &error);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpint (((LbImport *) g_ptr_array_index (imports, 0))->id, ==, imp2);

  g_assert_true (lb_store_get_leaderboard_stats (fx->store, fx->lb, &stats, &error));
  g_assert_cmpuint (stats.n_models, ==, 2);
  g_assert_cmpuint (stats.n_benchmarks, ==, 2);
  g_assert_cmpuint (stats.n_results, ==, 3);
  g_assert_cmpstr (stats.newest_result, ==, "2026-11-28");
  g_assert_cmpstr (stats.last_import_at, ==, "2026-11-28T03:00:00Z");
  lb_leaderboard_stats_clear (&stats);
}

/* A score typed in by hand is older than the first import that covers its cell. */
static void
test_results_supersede_typed (Fixture       *fx,
                              gconstpointer  data)
{
  const Cell cells[] = { { fx->m1, fx->b1, 85.0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  LbResult typed = { 0 };
  gint64 imp;

  typed.leaderboard_id = fx->lb;
  typed.model_id = fx->m1;
  typed.benchmark_id = fx->b1;
  typed.score = 60.0;
  typed.current = TRUE;
  g_assert_cmpint (lb_store_add_result (fx->store, &typed, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 60.0);

  imp = import_cells (fx, "aaa", cells, G_N_ELEMENTS (cells));
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 85.0);

  /* The cell's history holds the typed-in value (a result without import), newest first. */
  history = lb_store_list_cell_history (fx->store, fx->m1, fx->b1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (history, 0))->score, ==, 85.0);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (history, 1))->score, ==, 60.0);
  g_assert_cmpint (((LbResult *) g_ptr_array_index (history, 1))->import_id, ==, 0);

  /* Removing the import makes the typed-in value current again; undoing that, the import's. */
  g_assert_true (lb_store_set_import_deleted (fx->store, imp, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 60.0);
  g_assert_true (lb_store_set_import_deleted (fx->store, imp, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 85.0);
}

typedef enum {
  FINISH_BY_PROBE,        /* lb_store_finish_import() */
  FINISH_COVERING,        /* lb_store_finish_import_covering(), told what the import holds */
  FINISH_COVERING_UNKNOWN /* the same, told of no cell: the store looks itself */
} FinishWay;

typedef struct {
  const Cell *cells;
  guint       n_cells;
} Covering;

static LbCellCover
cover_from_cells (gint64   model_id,
                  gint64   benchmark_id,
                  gpointer user_data)
{
  const Covering *covering = user_data;

  for (guint i = 0; i < covering->n_cells; i++)
    if (covering->cells[i].model == model_id && covering->cells[i].benchmark == benchmark_id)
      return isnan (covering->cells[i].score) ? LB_CELL_COVER_GAP : LB_CELL_COVER_RESULT;
  return LB_CELL_COVER_NONE;
}

static LbCellCover
cover_unknown (gint64   model_id,
               gint64   benchmark_id,
               gpointer user_data)
{
  return LB_CELL_COVER_UNKNOWN;
}

/* The new version of a sheet: what stops being current is the same whether the store probes
 * each new value or the importer says what the file holds in each cell, or knows no cell. */
static void
test_results_supersede_covering (Fixture       *fx,
                                 gconstpointer  data)
{
  FinishWay way = GPOINTER_TO_INT (data);
  const Cell first[] = { { fx->m1, fx->b1, 80.0 }, { fx->m2, fx->b1, 70.0 }, { fx->m1, fx->b2, 60.0 } };
  /* M1 B1 superseded, M1 B2 withdrawn, M2 B2 (typed in) left current, M2 B1 not in it. */
  const Cell second[] = { { fx->m1, fx->b1, 85.0 }, { fx->m1, fx->b2, NAN }, { fx->m2, fx->b2, NAN } };
  Covering covering = { second, G_N_ELEMENTS (second) };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  g_autoptr(GPtrArray) all = NULL;
  LbResult typed = { 0 };
  gint64 id;

  typed.leaderboard_id = fx->lb;
  typed.model_id = fx->m2;
  typed.benchmark_id = fx->b2;
  typed.score = 55.0;
  typed.current = TRUE;
  g_assert_cmpint (lb_store_add_result (fx->store, &typed, &error), >, 0);
  import_cells (fx, "aaa", first, G_N_ELEMENTS (first));

  import->leaderboard_id = fx->lb;
  import->file_name = g_strdup ("bbb.csv");
  import->layout = g_strdup ("wide");
  import->status = LB_IMPORT_COMPLETE;
  import->mode = LB_IMPORT_MODE_REPLACE;
  g_assert_true (lb_store_begin (fx->store, &error));
  id = lb_store_add_import (fx->store, import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (second); i++)
    if (isnan (second[i].score))
      {
        LbGap gap = { 0, fx->lb, second[i].model, second[i].benchmark, id, i + 2, 3, "", "The cell is empty." };
        g_assert_cmpint (lb_store_add_gap (fx->store, &gap, &error), >, 0);
      }
    else
      {
        LbResult result = { 0 };

        result.leaderboard_id = fx->lb;
        result.model_id = second[i].model;
        result.benchmark_id = second[i].benchmark;
        result.score = second[i].score;
        result.import_id = id;
        g_assert_cmpint (lb_store_add_result (fx->store, &result, &error), >, 0);
      }
  if (way == FINISH_BY_PROBE)
    g_assert_true (lb_store_finish_import (fx->store, id, 3, 1, &error));
  else
    g_assert_true (lb_store_finish_import_covering (fx->store, id, 3, 1,
                                                    way == FINISH_COVERING ? cover_from_cells : cover_unknown,
                                                    &covering, &error));
  g_assert_true (lb_store_commit (fx->store, &error));
  g_assert_no_error (error);

  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 85.0);
  g_assert_true (isnan (current_score (fx, fx->m1, fx->b2)));
  g_assert_cmpfloat (current_score (fx, fx->m2, fx->b1), ==, 70.0);
  g_assert_cmpfloat (current_score (fx, fx->m2, fx->b2), ==, 55.0);
  all = lb_store_list_results (fx->store, fx->lb, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 5);
}

static void
test_delete_import_restores (Fixture       *fx,
                             gconstpointer  data)
{
  const Cell first[] = { { fx->m1, fx->b1, 80.0 }, { fx->m2, fx->b1, 70.0 } };
  const Cell second[] = { { fx->m1, fx->b1, 85.0 }, { fx->m2, fx->b2, 60.0 }, { fx->m2, fx->b1, NAN } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(LbAuditEntry) entry = NULL;
  gint64 imp2;

  import_cells (fx, "aaa", first, G_N_ELEMENTS (first));
  imp2 = import_cells (fx, "bbb", second, G_N_ELEMENTS (second));
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 85.0);
  gaps = lb_store_list_gaps (fx->store, fx->lb, &error);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpstr (((LbGap *) g_ptr_array_index (gaps, 0))->raw, ==, "#N/A");
  g_clear_pointer (&gaps, g_ptr_array_unref);

  g_assert_true (lb_store_set_import_deleted (fx->store, imp2, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 80.0);
  g_assert_cmpfloat (current_score (fx, fx->m2, fx->b1), ==, 70.0);
  g_assert_true (isnan (current_score (fx, fx->m2, fx->b2)));
  all = lb_store_list_results (fx->store, fx->lb, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_clear_pointer (&all, g_ptr_array_unref);
  gaps = lb_store_list_gaps (fx->store, fx->lb, &error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  imports = lb_store_list_imports (fx->store, fx->lb, &error);
  g_assert_cmpuint (imports->len, ==, 1);
  g_assert_cmpint (lb_store_find_import_by_sha256 (fx->store, fx->lb, "bbb", &error), ==, 0);
  entry = last_audit (fx->store, fx->lb);
  g_assert_cmpstr (entry->entity, ==, "import");
  g_assert_cmpint (entry->entity_id, ==, imp2);
  g_assert_cmpstr (entry->field, ==, "deleted");
  g_assert_cmpstr (entry->new_value, ==, "true");

  /* Undo. */
  g_assert_true (lb_store_set_import_deleted (fx->store, imp2, FALSE, &error));
  g_assert_cmpfloat (current_score (fx, fx->m1, fx->b1), ==, 85.0);
  g_assert_cmpfloat (current_score (fx, fx->m2, fx->b2), ==, 60.0);
  g_assert_cmpfloat (current_score (fx, fx->m2, fx->b1), ==, 70.0);
  all = lb_store_list_results (fx->store, fx->lb, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 4);
  gaps = lb_store_list_gaps (fx->store, fx->lb, &error);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpint (lb_store_find_import_by_sha256 (fx->store, fx->lb, "bbb", &error), ==, imp2);

  g_assert_false (lb_store_set_import_deleted (fx->store, 4242, TRUE, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

static void
test_find_import_by_sha256 (Fixture       *fx,
                            gconstpointer  data)
{
  const Cell cells[] = { { fx->m1, fx->b1, 1.0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) failed = g_new0 (LbImport, 1);
  gint64 other = new_leaderboard (fx->store, "Other");
  gint64 id;

  g_assert_cmpint (lb_store_find_import_by_sha256 (fx->store, fx->lb, "abc", &error), ==, 0);
  g_assert_no_error (error);
  id = import_cells (fx, "abc", cells, 1);
  g_assert_cmpint (lb_store_find_import_by_sha256 (fx->store, fx->lb, "abc", &error), ==, id);
  /* Another leaderboard has not seen these bytes. */
  g_assert_cmpint (lb_store_find_import_by_sha256 (fx->store, other, "abc", &error), ==, 0);

  /* A failed import of the same bytes does not count. */
  failed->leaderboard_id = other;
  failed->sha256 = g_strdup ("abc");
  failed->status = LB_IMPORT_FAILED;
  failed->warnings = g_ptr_array_new ();
  g_assert_cmpint (lb_store_add_import (fx->store, failed, &error), >, 0);
  g_assert_cmpint (lb_store_find_import_by_sha256 (fx->store, other, "abc", &error), ==, 0);
  g_assert_no_error (error);
}

/* ---- smells, profiles, reviews, mappings ---- */

static void
test_smells_put_replace (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) smells = NULL;
  LbSmell smell = { 0 };
  gint64 lb = new_leaderboard (store, "Smells");
  gint64 a, b, c;

  smell.leaderboard_id = lb;
  smell.smell = "missing";
  smell.component = "evaluation-score";
  smell.status = "present";
  smell.detected = TRUE;
  smell.evidence = "3 empty cells";
  a = lb_store_put_smell (store, &smell, &error);
  g_assert_no_error (error);

  smell.status = "mitigated";
  smell.note = "asked the vendor";
  smell.reviewer = "Sato";
  smell.needs_review = TRUE;
  b = lb_store_put_smell (store, &smell, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, ==, b);

  smell.component = NULL;
  c = lb_store_put_smell (store, &smell, &error);
  g_assert_cmpint (c, !=, a);

  smell.status = "maybe";
  g_assert_cmpint (lb_store_put_smell (store, &smell, &error), ==, 0);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  smells = lb_store_list_smells (store, lb, &error);
  g_assert_cmpuint (smells->len, ==, 2);
  g_assert_null (((LbSmell *) g_ptr_array_index (smells, 0))->component);
  g_assert_cmpstr (((LbSmell *) g_ptr_array_index (smells, 0))->status, ==, "mitigated");
  g_assert_cmpstr (((LbSmell *) g_ptr_array_index (smells, 1))->component, ==, "evaluation-score");
  g_assert_cmpstr (((LbSmell *) g_ptr_array_index (smells, 1))->status, ==, "mitigated");
  g_assert_cmpstr (((LbSmell *) g_ptr_array_index (smells, 1))->note, ==, "asked the vendor");
  g_assert_cmpstr (((LbSmell *) g_ptr_array_index (smells, 1))->evidence, ==, "3 empty cells");
  g_assert_true (((LbSmell *) g_ptr_array_index (smells, 1))->detected);
  g_assert_true (((LbSmell *) g_ptr_array_index (smells, 1))->needs_review);
}

/* The sidebar's one query: every live leaderboard's items, counted as the Smells page counts. */
static void
test_smell_states_all_leaderboards (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = NULL;
  LbSmell smell = { .smell = "missing", .component = "model", .status = "present",
                    .detected = TRUE, .evidence = "no version" };
  gint64 first = new_leaderboard (store, "First");
  gint64 second = new_leaderboard (store, "Second");
  gint64 gone = new_leaderboard (store, "Deleted");
  LbSmellCounts counts;

  smell.leaderboard_id = first;
  g_assert_cmpint (lb_store_put_smell (store, &smell, &error), >, 0);
  smell.component = "benchmark-task";
  smell.status = "mitigated";
  smell.needs_review = TRUE;
  g_assert_cmpint (lb_store_put_smell (store, &smell, &error), >, 0);
  smell.leaderboard_id = second;
  smell.status = "absent";
  smell.needs_review = FALSE;
  g_assert_cmpint (lb_store_put_smell (store, &smell, &error), >, 0);
  smell.leaderboard_id = gone;
  smell.status = "present";
  g_assert_cmpint (lb_store_put_smell (store, &smell, &error), >, 0);
  g_assert_true (lb_store_set_leaderboard_deleted (store, gone, TRUE, &error));

  states = lb_store_list_smell_states (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 3);
  for (guint i = 0; i < states->len; i++)
    {
      LbSmell *item = g_ptr_array_index (states, i);

      g_assert_cmpint (item->leaderboard_id, !=, gone);
      g_assert_null (item->evidence);
    }
  g_ptr_array_set_size (states, 2);
  g_assert_cmpint (((LbSmell *) g_ptr_array_index (states, 1))->leaderboard_id, ==, first);
  lb_smell_count (states, &counts);
  g_assert_cmpuint (counts.attention, ==, 2);
}

static LbWeight *
weight (const char *benchmark,
        double      value)
{
  LbWeight *w = g_new0 (LbWeight, 1);

  w->benchmark = g_strdup (benchmark);
  w->weight = value;
  return w;
}

static void
test_profiles (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(LbAuditEntry) entry = NULL;
  LbProfile profile = { 0 };
  const LbProfile *got;
  gint64 lb = new_leaderboard (store, "Profiles");
  gint64 id;

  profile.leaderboard_id = lb;
  profile.name = "Accuracy first";
  profile.description = "For the call centre";
  profile.weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  g_ptr_array_add (profile.weights, weight ("MMLU", 2.0));
  g_ptr_array_add (profile.weights, weight ("Latency", 0.5));
  id = lb_store_put_profile (store, &profile, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  profiles = lb_store_list_profiles (store, lb, &error);
  g_assert_cmpuint (profiles->len, ==, 1);
  got = g_ptr_array_index (profiles, 0);
  g_assert_cmpstr (got->name, ==, "Accuracy first");
  g_assert_cmpstr (got->description, ==, "For the call centre");
  g_assert_cmpuint (got->weights->len, ==, 2);
  g_assert_cmpstr (((LbWeight *) g_ptr_array_index (got->weights, 0))->benchmark, ==, "MMLU");
  g_assert_cmpfloat (((LbWeight *) g_ptr_array_index (got->weights, 1))->weight, ==, 0.5);
  g_clear_pointer (&profiles, g_ptr_array_unref);

  /* Replacing keeps the id and replaces the weights. */
  profile.id = id;
  g_ptr_array_set_size (profile.weights, 0);
  g_ptr_array_add (profile.weights, weight ("GSM8K", 1.0));
  g_assert_cmpint (lb_store_put_profile (store, &profile, &error), ==, id);
  profiles = lb_store_list_profiles (store, lb, &error);
  got = g_ptr_array_index (profiles, 0);
  g_assert_cmpuint (got->weights->len, ==, 1);
  g_assert_cmpstr (((LbWeight *) g_ptr_array_index (got->weights, 0))->benchmark, ==, "GSM8K");
  g_clear_pointer (&profiles, g_ptr_array_unref);
  entry = last_audit (store, lb);
  g_assert_cmpstr (entry->entity, ==, "profile");
  g_assert_cmpstr (entry->old_value, ==, "MMLU=2; Latency=0.5");
  g_assert_cmpstr (entry->new_value, ==, "GSM8K=1");
  g_clear_pointer (&entry, lb_audit_entry_free);

  /* A second profile cannot take the name. */
  profile.id = 0;
  g_assert_cmpint (lb_store_put_profile (store, &profile, &error), ==, 0);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (lb_store_delete_profile (store, id, &error));
  g_assert_no_error (error);
  profiles = lb_store_list_profiles (store, lb, &error);
  g_assert_cmpuint (profiles->len, ==, 0);
  entry = last_audit (store, lb);
  g_assert_cmpstr (entry->field, ==, "deleted");
  g_assert_cmpstr (entry->old_value, ==, "Accuracy first");
  g_assert_false (lb_store_delete_profile (store, id, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  g_ptr_array_unref (profile.weights);
}

static void
test_reviews (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  LbReview review = { 0 };
  gint64 lb = new_leaderboard (store, "Reviews");

  review.leaderboard_id = lb;
  review.held_at = "2026-10-01";
  review.reviewer = "Board";
  review.decision = "Keep model A";
  g_assert_cmpint (lb_store_add_review (store, &review, &error), >, 0);
  review.held_at = NULL;
  review.reviewer = NULL;
  review.decision = "Switch to B";
  review.notes = "cheaper";
  g_assert_cmpint (lb_store_add_review (store, &review, &error), >, 0);
  g_assert_no_error (error);

  reviews = lb_store_list_reviews (store, lb, &error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpstr (((LbReview *) g_ptr_array_index (reviews, 0))->decision, ==, "Switch to B");
  g_assert_cmpstr (((LbReview *) g_ptr_array_index (reviews, 0))->reviewer, ==, "Tester");
  g_assert_cmpstr (((LbReview *) g_ptr_array_index (reviews, 0))->held_at, ==, "2026-11-28T03:00:00Z");
  g_assert_cmpstr (((LbReview *) g_ptr_array_index (reviews, 1))->decision, ==, "Keep model A");
}

static void
test_mappings (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  json = lb_store_get_mapping (store, "model|MMLU|GSM8K", &error);
  g_assert_no_error (error);
  g_assert_null (json);
  g_assert_true (lb_store_set_mapping (store, "model|MMLU|GSM8K", "{\"layout\":\"wide\"}", &error));
  json = lb_store_get_mapping (store, "model|MMLU|GSM8K", &error);
  g_assert_cmpstr (json, ==, "{\"layout\":\"wide\"}");
  g_clear_pointer (&json, g_free);
  g_assert_true (lb_store_set_mapping (store, "model|MMLU|GSM8K", "{\"layout\":\"long\"}", &error));
  json = lb_store_get_mapping (store, "model|MMLU|GSM8K", &error);
  g_assert_cmpstr (json, ==, "{\"layout\":\"long\"}");
  g_clear_pointer (&json, g_free);
  json = lb_store_get_mapping (store, "other", &error);
  g_assert_null (json);
  g_assert_no_error (error);
}

/* Defined with the transaction tests below. */
static void changed_cb (LbStore *store, gint64 leaderboard_id, gpointer user_data);

/* The Compare page's choices: saved per leaderboard, replaced, read back, gone with the
 * leaderboard; saving emits no ::changed (the page would reload its own choice). Made in an
 * older file, the table comes with the migration. */
static void
test_compare_choice (void)
{
  g_autofree char *path = test_path ("choice-v3.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) old = lb_store_open_at_version (path, 3, &error);
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbCompareChoice) choice = NULL;
  g_autoptr(LbCompareChoice) got = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 lb, other, m1, m2;

  g_assert_no_error (error);
  lb = new_leaderboard (old, "Chosen");
  other = new_leaderboard (old, "Other");
  g_clear_object (&old);
  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  m1 = lb_store_ensure_model (store, lb, "A", NULL, NULL, &error);
  m2 = lb_store_ensure_model (store, lb, "B", NULL, NULL, &error);
  g_assert_no_error (error);

  got = lb_store_get_compare_choice (store, lb, &error);
  g_assert_no_error (error);
  g_assert_null (got);

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), changed);
  choice = lb_compare_choice_new (lb);
  g_array_append_val (choice->model_ids, m2);
  g_array_append_val (choice->model_ids, m1);
  choice->baseline_id = m1;
  choice->profile = g_strdup ("Accuracy “first”");
  choice->include_partial = TRUE;
  g_free (choice->normalization);
  choice->normalization = g_strdup ("declared-scale");
  g_assert_true (lb_store_put_compare_choice (store, choice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 0);

  got = lb_store_get_compare_choice (store, lb, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpuint (got->model_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (got->model_ids, gint64, 0), ==, m2);
  g_assert_cmpint (g_array_index (got->model_ids, gint64, 1), ==, m1);
  g_assert_cmpint (got->baseline_id, ==, m1);
  g_assert_cmpstr (got->profile, ==, "Accuracy “first”");
  g_assert_true (got->include_partial);
  g_assert_cmpstr (got->normalization, ==, "declared-scale");
  g_assert_nonnull (got->updated_at);
  g_clear_pointer (&got, lb_compare_choice_free);

  /* Replaced, not added; another leaderboard has none. */
  g_array_set_size (choice->model_ids, 0);
  choice->baseline_id = 0;
  g_clear_pointer (&choice->profile, g_free);
  choice->include_partial = FALSE;
  g_assert_true (lb_store_put_compare_choice (store, choice, &error));
  got = lb_store_get_compare_choice (store, lb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->model_ids->len, ==, 0);
  g_assert_cmpint (got->baseline_id, ==, 0);
  g_assert_null (got->profile);
  g_assert_false (got->include_partial);
  g_clear_pointer (&got, lb_compare_choice_free);
  g_assert_null (lb_store_get_compare_choice (store, other, &error));
  g_assert_no_error (error);

  /* A normalization the app does not know is refused, and nothing changes. */
  g_free (choice->normalization);
  choice->normalization = g_strdup ("z-score");
  g_assert_false (lb_store_put_compare_choice (store, choice, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  got = lb_store_get_compare_choice (store, lb, &error);
  g_assert_cmpstr (got->normalization, ==, "declared-scale");
  g_clear_pointer (&got, lb_compare_choice_free);

  /* A choice for a leaderboard that does not exist is refused. */
  choice->leaderboard_id = 4242;
  g_free (choice->normalization);
  choice->normalization = g_strdup ("min-max");
  g_assert_false (lb_store_put_compare_choice (store, choice, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (lb_store_get_compare_choice (store, 4242, &error));
  g_assert_no_error (error);
}

/* ---- transactions ---- */

static void
changed_cb (LbStore *store,
            gint64   leaderboard_id,
            gpointer user_data)
{
  GArray *ids = user_data;

  g_array_append_val (ids, leaderboard_id);
}

static void
test_transactions_rollback (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LbLeaderboard) lb = NULL;
  gint64 a, c, keep;
  guint audits;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), changed);

  /* Nested savepoints: the inner rollback drops only its own work. */
  g_assert_true (lb_store_begin (store, &error));
  a = lb_store_create_leaderboard (store, "A", &error);
  g_assert_true (lb_store_begin (store, &error));
  lb_store_create_leaderboard (store, "B", &error);
  lb_store_rollback (store);
  g_assert_true (lb_store_begin (store, &error));
  c = lb_store_create_leaderboard (store, "C", &error);
  g_assert_true (lb_store_commit (store, &error));
  g_assert_cmpuint (changed->len, ==, 0);   /* not before the outer commit */
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (has_leaderboard (store, "A"));
  g_assert_false (has_leaderboard (store, "B"));
  g_assert_true (has_leaderboard (store, "C"));
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, 0);   /* A and C: several */
  g_assert_cmpint (a, !=, c);

  /* An outer rollback drops everything and emits nothing. */
  g_assert_true (lb_store_begin (store, &error));
  lb_store_create_leaderboard (store, "D", &error);
  lb_store_rollback (store);
  g_assert_false (has_leaderboard (store, "D"));
  g_assert_cmpuint (changed->len, ==, 1);

  /* A failing write inside a transaction leaves the rest of it alone. */
  g_assert_true (lb_store_begin (store, &error));
  keep = lb_store_create_leaderboard (store, "E", &error);
  g_assert_cmpint (lb_store_create_leaderboard (store, "E", &error), ==, 0);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (lb_store_commit (store, &error));
  g_assert_true (has_leaderboard (store, "E"));
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpint (g_array_index (changed, gint64, 1), ==, keep);

  /* A refused value changes nothing and logs nothing. */
  g_assert_true (lb_store_set_leaderboard_field (store, keep, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS,
                                                 "14", &error));
  audits = count_audit (store, 0);
  g_assert_false (lb_store_set_leaderboard_field (store, keep, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS,
                                                  "abc", &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  lb = lb_store_get_leaderboard (store, keep, &error);
  g_assert_cmpint (lb->update_cadence_days, ==, 14);
  g_assert_cmpuint (count_audit (store, 0), ==, audits);

  /* A whole import rolled back leaves no trace. */
  {
    g_autoptr(GPtrArray) results = NULL;
    LbResult result = { 0 };
    gint64 model = lb_store_ensure_model (store, keep, "M", NULL, NULL, NULL);
    gint64 bench = lb_store_ensure_benchmark (store, keep, "B", NULL, NULL, NULL);

    g_assert_true (lb_store_begin (store, &error));
    result.leaderboard_id = keep;
    result.model_id = model;
    result.benchmark_id = bench;
    result.score = 1;
    g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
    lb_store_rollback (store);
    results = lb_store_list_results (store, keep, FALSE, &error);
    g_assert_cmpuint (results->len, ==, 0);
    g_clear_pointer (&results, g_ptr_array_unref);

    /* A result for a model that does not exist breaks a foreign key, checked at commit:
     * the commit fails and nothing of the transaction is written. */
    g_assert_true (lb_store_begin (store, &error));
    g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
    result.model_id = 99999;
    g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
    g_assert_false (lb_store_commit (store, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
    g_clear_error (&error);
    results = lb_store_list_results (store, keep, FALSE, &error);
    g_assert_cmpuint (results->len, ==, 0);
    g_clear_pointer (&results, g_ptr_array_unref);

    /* On its own, the same result is refused at once. */
    g_assert_cmpint (lb_store_add_result (store, &result, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    /* The store is usable afterwards. */
    result.model_id = model;
    g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
    g_assert_no_error (error);
    results = lb_store_list_results (store, keep, FALSE, &error);
    g_assert_cmpuint (results->len, ==, 1);
  }
}

static void
test_disk_full (void)
{
  g_autofree char *path = test_path ("full.db");
  g_autofree char *big = g_strnfill (LB_STORE_MAX_TEXT_CHARS, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);
  g_autoptr(LbLeaderboard) lb = NULL;
  gint64 id;
  guint audits;

  g_assert_no_error (error);
  id = new_leaderboard (store, "Full");
  g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE,
                                                 "small", &error));
  audits = count_audit (store, id);
  /* The database may not grow any more: as good as a full disk. */
  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE, big,
                                                  &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  lb = lb_store_get_leaderboard (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb->purpose, ==, "small");
  g_assert_cmpuint (count_audit (store, id), ==, audits);
}

/* The file size limit stands in for a full disk: the transaction fits in the page cache, so
 * the write fails only at COMMIT. A failed commit closes its level, rolled back: the caller
 * does not roll back again (that used to raise a critical), and the file is unchanged. */
static void
test_failed_commit (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = test_path ("commit-full.db");
      g_autofree char *big = g_strnfill (LB_STORE_MAX_TEXT_CHARS, 'x');
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LbStore) store = lb_store_open (path, &error);
      g_autoptr(LbLeaderboard) lb = NULL;
      struct rlimit limit;
      GStatBuf st;
      gint64 id;

      g_assert_no_error (error);
      id = new_leaderboard (store, "Kept");
      g_clear_object (&store);
      before = file_sha256 (path);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      store = lb_store_open (path, &error);
      g_assert_no_error (error);

      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size + 64 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_true (lb_store_begin (store, &error));
      g_assert_true (lb_store_begin (store, &error));
      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_OWNER, "Sato", &error));
      g_assert_true (lb_store_commit (store, &error));   /* a savepoint: nothing written yet */
      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE, big, &error));
      /* Each field is bounded: three of them (and their audit rows) outgrow the limit. */
      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PROCEDURE, big, &error));
      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_EVALUATION_DATA, big, &error));
      g_assert_false (lb_store_commit (store, &error));
      g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FULL);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);

      /* No level is left open: a new transaction starts at the top. */
      g_assert_true (lb_store_begin (store, &error));
      lb_store_rollback (store);
      lb = lb_store_get_leaderboard (store, id, &error);
      g_assert_no_error (error);
      g_assert_null (lb->purpose);
      g_assert_null (lb->owner);
      g_clear_object (&store);
      after = file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

/* After an error inside a transaction, either the transaction goes on whole, or (when SQLite
 * rolled it back itself) every later write and the commit fail: never half of it saved. */
static void
test_disk_full_in_transaction (void)
{
  g_autofree char *path = test_path ("full-tx.db");
  g_autofree char *big = g_strnfill (LB_STORE_MAX_TEXT_CHARS, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);
  gint64 id;
  gboolean committed;

  g_assert_no_error (error);
  new_leaderboard (store, "Before");
  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_assert_true (lb_store_begin (store, &error));
  id = lb_store_create_leaderboard (store, "A", &error);
  g_assert_no_error (error);
  g_assert_false (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE, big,
                                                  &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_test_message ("SQLite rolled back on its own: %d", sqlite3_get_autocommit (store->db));
  lb_store_create_leaderboard (store, "B", NULL);
  committed = lb_store_commit (store, &error);
  g_assert_true (committed == (error == NULL));
  g_clear_error (&error);

  g_assert_true (has_leaderboard (store, "Before"));
  g_assert_true (has_leaderboard (store, "A") == committed);
  g_assert_true (has_leaderboard (store, "B") == committed);
  g_assert_true (lb_store_begin (store, &error));
  lb_store_rollback (store);
}

static void
test_changed_signal (void)
{
  g_autoptr(LbStore) store = open_memory ();
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), changed);
  id = new_leaderboard (store, "Signals");
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, id);
  g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_OWNER, "Ito",
                                                 &error));
  g_assert_cmpuint (changed->len, ==, 2);
  /* A refused write emits nothing. */
  g_assert_false (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN,
                                                  "P9", &error));
  g_assert_cmpuint (changed->len, ==, 2);
  g_clear_error (&error);
  g_assert_cmpint (lb_store_ensure_model (store, id, "M", NULL, NULL, &error), >, 0);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_cmpint (g_array_index (changed, gint64, 2), ==, id);
  /* Finding an existing model writes nothing. */
  g_assert_cmpint (lb_store_ensure_model (store, id, "M", NULL, NULL, &error), >, 0);
  g_assert_cmpuint (changed->len, ==, 3);
  lb_store_emit_changed (store, 0);
  g_assert_cmpuint (changed->len, ==, 4);
}

/* ---- one database shared with leaderboard-cli ---- */

/* Runs leaderboard-cli --db @db ARGS…, returns its exit status and its output in @out. */
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

/* What g_content_type_guess() does to each file a file chooser lists: open, read, close. */
static void
sniff_file (const char *path)
{
  char buf[4096];
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, buf, sizeof buf), >=, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

/* The app had the database open; GLib sniffed its files (the file chooser showed their folder),
 * which dropped every POSIX lock this process held on them; leaderboard-cli then thought it was
 * alone, and on closing checkpointed and deleted the -wal and -shm under the app. */
static void
test_share_other_descriptor_closed (void)
{
  g_autofree char *path = test_path ("shared.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "import", "wide-utf8-bom.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *check = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  new_leaderboard (store, "From the app");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  sniff_file (path);
  sniff_file (wal);
  sniff_file (shm);

  g_assert_cmpint (run_cli (path, &out, "import", csv, "--leaderboard", "From the CLI", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (path, &out, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "From the app"));
  g_assert_nonnull (strstr (out, "From the CLI"));

  /* The app still holds its locks: the CLI left the WAL and its index alone. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  new_leaderboard (store, "From the app, later");
  g_assert_true (has_leaderboard (store, "From the CLI"));
  g_clear_object (&store);

  check = raw_query (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  count = raw_query (path, "SELECT count(*) FROM leaderboards");
  g_assert_cmpstr (count, ==, "3");
}

/* The plain sqlite3 tool and any other program lock with POSIX locks: ours exclude them. */
static void
test_share_excludes_posix_locks (void)
{
  g_autofree char *path = test_path ("posix.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  sqlite3 *db = NULL;

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  new_leaderboard (store, "First");

  /* SQLite's own unix VFS, as in the sqlite3 tool, in this process: a POSIX lock conflicts
   * with an open file description lock even within one process. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, "unix"), ==, SQLITE_OK);
  g_assert_true (lb_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_create_leaderboard (store, "Second", &error), >, 0);
  g_assert_no_error (error);
  /* We hold the write lock: the other program cannot write but reads what was committed. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  g_assert_cmpint (sqlite3_exec (db, "SELECT count(*) FROM leaderboards", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE leaderboards SET owner = 'Sato'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Closing it, the other program must not take the WAL away: we still use it. */
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autoptr(LbLeaderboard) lb = NULL;

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
    lb = lb_store_find_leaderboard (store, "Second", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lb->owner, ==, "Sato");
  }
  new_leaderboard (store, "Third");
  g_clear_object (&store);
  {
    g_autofree char *check = raw_query (path, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
}

/* A reader who may not write the folder (another user's database, a read-only share), after
 * a writer died and left its -wal and -shm: SQLite reads the WAL itself, and still locks. */
static gboolean
read_count (const char *path,
            int        *count)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, lb_store_vfs_register ()) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "SELECT count(*) FROM leaderboards", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *count = sqlite3_column_int (stmt, 0);
  else
    g_test_message ("reading %s: %s", path, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static void
test_share_read_only_shm (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (g_test_subprocess ())
    {
      int count = 0;

      /* Root may write anything: read as nobody. */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_true (read_count (g_getenv ("LB_TEST_READ_ONLY_COPY"), &count));
      g_assert_cmpint (count, ==, 1);
      return;
    }

  path = test_path ("source.db");
  dir = g_dir_make_tmp ("lb-read-only-XXXXXX", NULL);
  g_assert_nonnull (dir);
  copy = g_build_filename (dir, "copy.db", NULL);
  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  new_leaderboard (store, "In the WAL");
  /* Copied while open: the copies are what a writer that was killed leaves behind. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
      g_assert_cmpint (g_chmod (to, 0444), ==, 0);
    }
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  /* A process of its own, as a reader elsewhere would be (and so it may drop root). */
  g_setenv ("LB_TEST_READ_ONLY_COPY", copy, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("LB_TEST_READ_ONLY_COPY");
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);

      g_assert_cmpint (g_unlink (to), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Writers in three other processes and in this one, all at once: each waits its turn, no
 * write is lost, and the file stays sound. */
static void
test_share_concurrent_writers (void)
{
  g_autofree char *path = test_path ("busy.db");
  g_autofree char *check = NULL;
  g_autofree char *cli_audits = NULL;
  g_autoptr(GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  const guint n_rounds = 15;
  gint64 id;

  g_assert_nonnull (exe);
  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  id = new_leaderboard (store, "Busy");

  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *script = g_strdup_printf (
        "for i in $(seq 1 %u); do \"$0\" --db \"$1\" set Busy --owner \"p%u-$i\" >/dev/null || exit 1; done",
        n_rounds, p);
      GSubprocess *writer = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "sh", "-c", script,
                                              exe, path, NULL);

      g_assert_no_error (error);
      g_ptr_array_add (writers, writer);
    }
  for (guint i = 1; i <= 2 * n_rounds; i++)
    {
      g_autofree char *purpose = g_strdup_printf ("Round %u", i);

      g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE, purpose,
                                                     &error));
      g_assert_no_error (error);
      g_usleep (10 * 1000);
    }
  for (guint p = 0; p < writers->len; p++)
    {
      GSubprocess *writer = g_ptr_array_index (writers, p);

      g_assert_true (g_subprocess_wait (writer, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (writer));
      g_assert_cmpint (g_subprocess_get_exit_status (writer), ==, 0);
    }

  {
    g_autoptr(LbLeaderboard) lb = lb_store_get_leaderboard (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lb->purpose, ==, "Round 30");
    g_assert_true (g_str_has_suffix (lb->owner, "-15"));
  }
  g_clear_object (&store);
  /* Every one of the CLI's writes is in the audit log. */
  cli_audits = raw_query (path, "SELECT count(*) FROM audit_log WHERE field = 'owner'");
  g_assert_cmpint (g_ascii_strtoll (cli_audits, NULL, 10), ==, 3 * n_rounds);
  check = raw_query (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* The window polls: a write by another process is seen once, our own writes are not. */
static void
test_share_poll_external_changes (void)
{
  g_autofree char *path = test_path ("polled.db");
  g_autofree char *out = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbStore) worker = NULL;

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), changed);
  g_assert_false (lb_store_poll_external_changes (store));

  new_leaderboard (store, "Ours");
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_false (lb_store_poll_external_changes (store));
  g_assert_cmpuint (changed->len, ==, 1);

  g_assert_cmpint (run_cli (path, &out, "set", "Ours", "--owner", "Sato", NULL), ==, 0);
  g_assert_true (lb_store_poll_external_changes (store));
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpint (g_array_index (changed, gint64, 1), ==, 0);
  g_assert_false (lb_store_poll_external_changes (store));
  g_assert_cmpuint (changed->len, ==, 2);

  /* A worker's connection: its owner says so with lb_store_emit_changed(), and the poll
   * does not report the same change a second time. */
  worker = lb_store_open (path, &error);
  g_assert_no_error (error);
  lb_store_set_user (worker, "Tester");
  new_leaderboard (worker, "The worker's");
  lb_store_emit_changed (store, 0);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_false (lb_store_poll_external_changes (store));
  g_assert_cmpuint (changed->len, ==, 3);

  /* Inside a transaction the store sees its snapshot and waits. */
  new_leaderboard (worker, "Another");
  g_assert_true (lb_store_begin (store, &error));
  g_assert_false (lb_store_poll_external_changes (store));
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (lb_store_poll_external_changes (store));
  g_assert_cmpuint (changed->len, ==, 4);
}

/* Everything a v11 leaderboard shows of its results, as text: the current results, the gaps
 * (with the value each withdraws) and the history of every cell. */
static char *
dump_cells (LbStore *store,
            gint64   lb,
            gint64  *models,
            gint64  *benchmarks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) current = lb_store_list_results (store, lb, TRUE, &error);
  g_autoptr(GPtrArray) gaps = lb_store_list_gaps (store, lb, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < current->len; i++)
    {
      const LbResult *r = g_ptr_array_index (current, i);

      g_string_append_printf (out, "current %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " %g %s\n",
                              r->model_id, r->benchmark_id, r->score, r->raw);
    }
  for (guint i = 0; i < gaps->len; i++)
    {
      const LbGap *g = g_ptr_array_index (gaps, i);

      g_string_append_printf (out, "gap %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " %s withdrawn %d was %g\n",
                              g->model_id, g->benchmark_id, g->raw, g->withdrawn, g->was_score);
    }
  for (guint m = 0; m < 2; m++)
    for (guint b = 0; b < 2; b++)
      {
        g_autoptr(GPtrArray) history = lb_store_list_cell_history (store, models[m], benchmarks[b],
                                                                   &error);

        g_assert_no_error (error);
        g_string_append_printf (out, "history %u/%u:", m, b);
        for (guint i = 0; i < history->len; i++)
          {
            const LbResult *r = g_ptr_array_index (history, i);

            g_string_append_printf (out, " %g%s", r->score, r->current ? "*" : "");
          }
        g_string_append_c (out, '\n');
      }
  return g_string_free (out, FALSE);
}

/* Adds an import of @lb in @mode with a result per score and a gap per NAN, as the importer
 * writes them. */
static gint64
add_v11_import (LbStore      *store,
                gint64        lb,
                LbImportMode  mode,
                const gint64 *models,
                const gint64 *benchmarks,
                const double  scores[2][2])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  gint64 id;

  import->leaderboard_id = lb;
  import->file_name = g_strdup ("sheet.csv");
  import->status = LB_IMPORT_COMPLETE;
  import->mode = mode;
  g_assert_true (lb_store_begin (store, &error));
  id = lb_store_add_import (store, import, &error);
  g_assert_no_error (error);
  for (guint m = 0; m < 2; m++)
    for (guint b = 0; b < 2; b++)
      {
        if (isnan (scores[m][b]))
          {
            LbGap gap = { 0, lb, models[m], benchmarks[b], id, m + 2, b + 2, "#N/A", "error" };

            g_assert_cmpint (lb_store_add_gap (store, &gap, &error), >, 0);
          }
        else
          {
            LbResult result = { 0 };

            result.leaderboard_id = lb;
            result.model_id = models[m];
            result.benchmark_id = benchmarks[b];
            result.score = scores[m][b];
            result.import_id = id;
            result.source_row = m + 2;
            result.source_column = b + 2;
            g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
          }
        g_assert_no_error (error);
      }
  g_assert_true (lb_store_finish_import (store, id, 2, 4, &error));
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);
  return id;
}

/* Migration 12 changes only indexes: a v11 file's current results, withdrawn cells and cell
 * histories (a typed-in value among them) read the same after it, and so after undoing the
 * newest import. */
static void
test_migrate_cell_indexes (void)
{
  g_autofree char *path = test_path ("v11-cells.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *indexes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open_at_version (path, 11, &error);
  const double first[2][2] = { { 80, 70 }, { 60, 50 } };
  const double second[2][2] = { { 81, NAN }, { 61, 51 } };
  const double third[2][2] = { { 82, NAN }, { NAN, NAN } };
  gint64 lb, models[2], benchmarks[2], last;
  LbResult typed = { 0 };

  g_assert_no_error (error);
  lb = new_leaderboard (store, "Cells");
  models[0] = lb_store_ensure_model (store, lb, "M1", NULL, NULL, &error);
  models[1] = lb_store_ensure_model (store, lb, "M2", NULL, NULL, &error);
  benchmarks[0] = lb_store_ensure_benchmark (store, lb, "B1", NULL, NULL, &error);
  benchmarks[1] = lb_store_ensure_benchmark (store, lb, "B2", NULL, NULL, &error);
  g_assert_no_error (error);
  add_v11_import (store, lb, LB_IMPORT_MODE_REPLACE, models, benchmarks, first);
  add_v11_import (store, lb, LB_IMPORT_MODE_REPLACE, models, benchmarks, second);
  typed.leaderboard_id = lb;
  typed.model_id = models[1];
  typed.benchmark_id = benchmarks[1];
  typed.score = 40;
  typed.current = TRUE;
  g_assert_cmpint (lb_store_add_result (store, &typed, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    /* typed in over the second version's value */
    g_autofree char *sql = g_strdup_printf ("UPDATE results SET current = 0"
                                            " WHERE model_id = %" G_GINT64_FORMAT
                                            "   AND benchmark_id = %" G_GINT64_FORMAT
                                            "   AND import_id IS NOT NULL", models[1], benchmarks[1]);
    raw_exec (path, sql);
  }
  store = lb_store_open_at_version (path, 11, &error);
  g_assert_no_error (error);
  last = add_v11_import (store, lb, LB_IMPORT_MODE_ADD, models, benchmarks, third);
  before = dump_cells (store, lb, models, benchmarks);
  g_clear_object (&store);

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  after = dump_cells (store, lb, models, benchmarks);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, ==,
                   "current 1/1 82 (null)\n"
                   "current 2/1 61 (null)\n"
                   "current 2/2 40 (null)\n"
                   "gap 1/2 #N/A withdrawn 1 was 70\n"   /* by the second version */
                   "gap 1/2 #N/A withdrawn 0 was 0\n"    /* an addition withdraws nothing */
                   "gap 2/1 #N/A withdrawn 0 was 0\n"
                   "gap 2/2 #N/A withdrawn 0 was 0\n"
                   "history 0/0: 82* 81 80\n"
                   "history 0/1: 70\n"
                   "history 1/0: 61* 60\n"
                   "history 1/1: 40* 51 50\n");
  indexes = raw_query (path, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master"
                             " WHERE type = 'index' AND tbl_name = 'results' ORDER BY 1)");
  g_assert_cmpstr (indexes, ==, "results_import_cell,results_leaderboard");

  /* Undoing the addition: the second version is current again where it had a value. */
  g_assert_true (lb_store_set_import_deleted (store, last, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump_cells (store, lb, models, benchmarks);
  g_assert_cmpstr (after, ==,
                   "current 1/1 81 (null)\n"
                   "current 2/1 61 (null)\n"
                   "current 2/2 40 (null)\n"
                   "gap 1/2 #N/A withdrawn 1 was 70\n"
                   "history 0/0: 81* 80\n"
                   "history 0/1: 70\n"
                   "history 1/0: 61* 60\n"
                   "history 1/1: 40* 51 50\n");
}

/* A v8 database kept its import warnings as text only: after migration 9 they read as they
 * were written (there is no code to render them again), and new ones keep their code. */
static void
test_migrate_warnings_text (void)
{
  g_autofree char *path = test_path ("v8-warnings.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open_at_version (path, 8, &error);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(LbWarning) coded = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_autoptr(LbImport) again = NULL;
  LbImport *import;
  gint64 lb;

  g_assert_no_error (error);
  lb = new_leaderboard (store, "Old warnings");
  g_clear_object (&store);
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO imports (id, leaderboard_id, file_name, imported_at, status)"
      "  VALUES (7, %" G_GINT64_FORMAT ", 'old.csv', '2026-10-01T09:00:00Z', 'complete');"
      "INSERT INTO import_warnings (import_id, source_row, source_column, message)"
      "  VALUES (7, 4, 2, 'row 4, column B (JMMLU): Beta has no JMMLU score. The cell is empty.');"
      "INSERT INTO import_warnings (import_id, source_row, source_column, message)"
      "  VALUES (7, 0, 0, '古い警告はそのまま');", lb);
    raw_exec (path, sql);
  }

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  imports = lb_store_list_imports (store, lb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  import = g_ptr_array_index (imports, 0);
  g_assert_cmpuint (import->warnings->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const LbWarning *w = g_ptr_array_index (import->warnings, i);
      g_autofree char *text = lb_warning_dup_text (w);

      g_assert_null (w->code);
      g_assert_cmpstr (text, ==, i == 0 ? "row 4, column B (JMMLU): Beta has no JMMLU score. "
                                          "The cell is empty."
                                        : "古い警告はそのまま");
    }

  /* A warning written now keeps its code and arguments. */
  coded = lb_warning_new_coded (3, 0, "row.model-empty",
                                (const char *[]) { "3", "A \"q\" \\ \n\t列", NULL });
  g_ptr_array_add (fresh, lb_warning_copy (coded));
  g_assert_true (lb_store_add_import_warnings (store, 7, fresh, &error));
  g_assert_no_error (error);
  again = lb_store_get_import (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->warnings->len, ==, 3);
  {
    const LbWarning *w = g_ptr_array_index (again->warnings, 2);

    g_assert_cmpstr (w->code, ==, "row.model-empty");
    g_assert_cmpuint (g_strv_length (w->args), ==, 2);
    g_assert_cmpstr (w->args[0], ==, "3");
    g_assert_cmpstr (w->args[1], ==, "A \"q\" \\ \n\t列");
    g_assert_cmpstr (w->message, ==, "row 3: the model name in column A \"q\" \\ \n\t列 is empty, so the row was skipped.");
  }
}

int
main (int argc, char *argv[])
{
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  g_unsetenv ("LEADERBOARD_DB");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/memory", test_open_memory);
  g_test_add_func ("/store/open/creates-file", test_open_creates_file);
  g_test_add_func ("/store/open/not-a-file", test_open_not_a_file);
  g_test_add_func ("/store/open/read-only-reader", test_open_read_only);
  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/open/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/store/open/not-a-database", test_not_a_database);
  g_test_add_func ("/store/open/corrupt", test_corrupt);
  g_test_add_func ("/store/open/foreign-any-version", test_foreign_any_version);
  g_test_add_func ("/store/open/application-id", test_application_id);
  g_test_add_func ("/store/open/read-only", test_read_only);
  g_test_add_func ("/store/open/busy", test_busy);
  g_test_add_func ("/store/share/other-descriptor-closed", test_share_other_descriptor_closed);
  g_test_add_func ("/store/share/excludes-posix-locks", test_share_excludes_posix_locks);
  g_test_add_func ("/store/share/poll-external-changes", test_share_poll_external_changes);
  g_test_add_func ("/store/share/read-only-shm", test_share_read_only_shm);
  g_test_add_func ("/store/share/concurrent-writers", test_share_concurrent_writers);
  g_test_add_func ("/store/migrate/backup-and-keep-data", test_migrate_with_backup);
  g_test_add_func ("/store/migrate/results-table", test_migrate_results_table);
  g_test_add_func ("/store/migrate/warnings-text-kept", test_migrate_warnings_text);
  g_test_add_func ("/store/migrate/cell-indexes", test_migrate_cell_indexes);
  g_test_add_func ("/store/migrate/backup-killed", test_migrate_backup_killed);
  g_test_add_func ("/store/migrate/backup-failed", test_migrate_backup_failed);
  g_test_add_func ("/store/now", test_now);
  g_test_add_func ("/store/leaderboard/fields", test_leaderboard_fields);
  g_test_add_func ("/store/leaderboard/text-bounded", test_leaderboard_text_bounded);
  g_test_add_func ("/store/leaderboard/unique-and-soft-delete", test_leaderboard_unique_and_soft_delete);
  g_test_add_func ("/store/benchmark/fields", test_benchmark_fields);
  g_test_add_func ("/store/model/fields", test_model_fields);
  g_test_add_data_func ("/store/ensure/idempotent", GINT_TO_POINTER (FALSE), test_ensure_idempotent);
  g_test_add_data_func ("/store/ensure/idempotent-in-transaction", GINT_TO_POINTER (TRUE),
                        test_ensure_idempotent);
  g_test_add ("/store/results/supersede", Fixture, NULL,
              fixture_set_up, test_results_supersede, fixture_tear_down);
  g_test_add ("/store/results/supersede-typed", Fixture, NULL,
              fixture_set_up, test_results_supersede_typed, fixture_tear_down);
  g_test_add ("/store/results/supersede-covering/by-probe", Fixture, GINT_TO_POINTER (FINISH_BY_PROBE),
              fixture_set_up, test_results_supersede_covering, fixture_tear_down);
  g_test_add ("/store/results/supersede-covering/told", Fixture, GINT_TO_POINTER (FINISH_COVERING),
              fixture_set_up, test_results_supersede_covering, fixture_tear_down);
  g_test_add ("/store/results/supersede-covering/unknown", Fixture,
              GINT_TO_POINTER (FINISH_COVERING_UNKNOWN),
              fixture_set_up, test_results_supersede_covering, fixture_tear_down);
  g_test_add ("/store/results/delete-import-restores", Fixture, NULL,
              fixture_set_up, test_delete_import_restores, fixture_tear_down);
  g_test_add ("/store/imports/find-by-sha256", Fixture, NULL,
              fixture_set_up, test_find_import_by_sha256, fixture_tear_down);
  g_test_add_func ("/store/smells/put-replace", test_smells_put_replace);
  g_test_add_func ("/store/smells/states-all-leaderboards", test_smell_states_all_leaderboards);
  g_test_add_func ("/store/profiles/weights", test_profiles);
  g_test_add_func ("/store/reviews/add-list", test_reviews);
  g_test_add_func ("/store/mappings/remember", test_mappings);
  g_test_add_func ("/store/compare-choice/save-restore", test_compare_choice);
  g_test_add_func ("/store/transactions/rollback", test_transactions_rollback);
  g_test_add_func ("/store/transactions/changed-signal", test_changed_signal);
  g_test_add_func ("/store/errors/disk-full", test_disk_full);
  g_test_add_func ("/store/errors/disk-full-at-commit", test_failed_commit);
  g_test_add_func ("/store/errors/disk-full-in-transaction", test_disk_full_in_transaction);

  return g_test_run ();
}
