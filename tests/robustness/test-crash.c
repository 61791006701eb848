/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: an import, an LBOM import and an edit of the record form are killed with
 * SIGKILL at random moments. Afterwards the database passes PRAGMA integrity_check, opens,
 * and holds exactly what it held before or everything the command writes — nothing between.
 * LB_CRASH_TRIALS sets the trials per command (20 by default) and LB_CRASH_ROWS the rows of
 * the imported sheet (2,000 by default); build-aux/bench-crash.sh runs more of both. The random seed is printed; run again with --seed to repeat a failure. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>

#include "lb-store.h"

#define N_BENCHMARKS 8

/* Fields the record form edits together, in one transaction. */
static const LbLeaderboardField form_fields[] = {
  LB_LEADERBOARD_FIELD_PURPOSE, LB_LEADERBOARD_FIELD_OWNER, LB_LEADERBOARD_FIELD_OWNER_CONTACT,
  LB_LEADERBOARD_FIELD_EVALUATION_DATA, LB_LEADERBOARD_FIELD_PROCEDURE,
  LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT,
};

typedef struct {
  char *dir;
  char *baseline;       /* the database before the command */
  char *trial;          /* the copy a trial works on */
  char *big_csv;
  char *big_lbom;
} Fixture;

static guint
n_trials (void)
{
  const char *env = g_getenv ("LB_CRASH_TRIALS");

  return env != NULL && atoi (env) > 0 ? (guint) atoi (env) : 20;
}

static guint
n_rows (void)
{
  const char *env = g_getenv ("LB_CRASH_ROWS");

  return env != NULL && atoi (env) > 0 ? (guint) atoi (env) : 2000;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Runs @argv to the end; returns its exit status. */
static int
run_sync (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("%s failed: %s", argv[0], err);
  return 0;
}

/* Runs @argv and kills it with SIGKILL after @delay_us (if it is still running). Returns
 * whether it was killed. */
static gboolean
run_and_kill (const char * const *argv,
              gulong              delay_us)
{
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int wait_status = 0;
  gint64 deadline;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                                | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + (gint64) delay_us;
  while (g_get_monotonic_time () < deadline)
    {
      if (waitpid (pid, &wait_status, WNOHANG) == pid)
        {
          g_spawn_close_pid (pid);
          /* It finished first: it must have succeeded. */
          g_assert_true (WIFEXITED (wait_status));
          g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
          return FALSE;
        }
      g_usleep (200);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (WIFEXITED (wait_status))
    {
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
      return FALSE;
    }
  g_assert_true (WIFSIGNALED (wait_status));
  return TRUE;
}

/* Opens the database as the next start of the app would (recovering the write-ahead log),
 * checks its integrity, and returns a digest of every row of every table. */
static char *
db_digest (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 0);

  for (guint t = 0; t < tables->len; t++)
    {
      /* Table names come from sqlite_master of our own schema, quoted. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (const char *) g_ptr_array_index (tables, t));

      g_checksum_update (sum, g_ptr_array_index (tables, t), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);

            g_checksum_update (sum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  {
    /* And the app opens it. */
    g_autoptr(GError) error = NULL;
    g_autoptr(LbStore) store = lb_store_open (path, &error);

    g_assert_no_error (error);
  }
  return g_strdup (g_checksum_get_string (sum));
}

static void
write_big_csv (const char *path,
               guint       seed)
{
  g_autoptr(GString) text = g_string_new ("model");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint b = 0; b < N_BENCHMARKS; b++)
    g_string_append_printf (text, ",Bench %u", b);
  g_string_append (text, "\r\n");
  for (guint r = 0; r < n_rows (); r++)
    {
      g_string_append_printf (text, "Model %05u", r);
      for (guint b = 0; b < N_BENCHMARKS; b++)
        g_string_append_printf (text, ",%.1f", g_rand_double_range (rand, 20, 95));
      g_string_append (text, "\r\n");
    }
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *lbom = NULL;
  g_autofree char *renamed = NULL;
  const char *cli = g_getenv ("LEADERBOARD_CLI");

  g_assert_nonnull (cli);
  fixture->dir = g_dir_make_tmp ("lb-crash-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->baseline = g_build_filename (fixture->dir, "baseline.db", NULL);
  fixture->trial = g_build_filename (fixture->dir, "trial.db", NULL);
  fixture->big_csv = g_build_filename (fixture->dir, "second.csv", NULL);
  fixture->big_lbom = g_build_filename (fixture->dir, "copy.lbom", NULL);
  first = g_build_filename (fixture->dir, "first.csv", NULL);

  /* Years of history in miniature: a leaderboard with a first import and a filled-in record;
   * the second import supersedes every one of its results. */
  write_big_csv (first, 1);
  write_big_csv (fixture->big_csv, 2);
  run_sync ((const char *[]) { cli, "--db", fixture->baseline, "import", first, "--leaderboard", "Big", NULL });
  run_sync ((const char *[]) { cli, "--db", fixture->baseline, "set", "Big", "--purpose", "generation 0",
                               "--owner", "generation 0", NULL });

  /* The LBOM of the same leaderboard under another name, for the LBOM import. */
  run_sync ((const char *[]) { cli, "--db", fixture->baseline, "export", "Big", "--format", "lbom",
                               "-o", fixture->big_lbom, NULL });
  g_assert_true (g_file_get_contents (fixture->big_lbom, &lbom, NULL, NULL));
  g_assert_nonnull (strstr (lbom, "\"name\" : \"Big\""));
  {
    g_auto(GStrv) parts = g_strsplit (lbom, "\"name\" : \"Big\"", 2);

    renamed = g_strjoin ("\"name\" : \"Copy of Big\"", parts[0], parts[1], NULL);
  }
  g_assert_true (g_file_set_contents (fixture->big_lbom, renamed, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->baseline);
  g_free (fixture->trial);
  g_free (fixture->big_csv);
  g_free (fixture->big_lbom);
}

/* Half the trials kill anywhere in the command's running time; the other half near its end,
 * where the commit and the checkpoint happen. */
static gulong
kill_delay (guint  trial,
            gint64 duration)
{
  if (trial % 2 == 0)
    return (gulong) g_test_rand_double_range (0, (double) duration * 1.1);
  return (gulong) g_test_rand_double_range ((double) duration * 0.8, (double) duration * 1.05);
}

/* Kills @argv (which works on fixture->trial) at random moments within its running time;
 * each time the database must be as before or as after a complete run. */
static void
crash_trials (Fixture            *fixture,
              const char * const *argv)
{
  g_autofree char *before = db_digest (fixture->baseline);
  g_autofree char *after = NULL;
  guint killed = 0, kept_before = 0, got_after = 0;
  gint64 start, duration;

  /* A complete run gives the "after" state and the time window to kill in. */
  copy_file (fixture->baseline, fixture->trial);
  start = g_get_monotonic_time ();
  run_sync (argv);
  duration = g_get_monotonic_time () - start;
  after = db_digest (fixture->trial);
  g_assert_cmpstr (before, !=, after);

  for (guint i = 0; i < n_trials (); i++)
    {
      g_autofree char *digest = NULL;
      gulong delay = kill_delay (i, duration);

      copy_file (fixture->baseline, fixture->trial);
      killed += run_and_kill (argv, delay);
      digest = db_digest (fixture->trial);
      if (g_strcmp0 (digest, before) == 0)
        kept_before++;
      else if (g_strcmp0 (digest, after) == 0)
        got_after++;
      else
        g_error ("trial %u (killed after %lu µs of %" G_GINT64_FORMAT "): the database is neither as "
                 "before nor as after the command", i, delay, duration);
    }
  g_test_message ("%u trials in a %.2f s window: %u killed; %u as before, %u complete",
                  n_trials (), duration / 1e6, killed, kept_before, got_after);
  g_assert_cmpuint (kept_before + got_after, ==, n_trials ());
}

static void
test_crash_import (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cli = g_getenv ("LEADERBOARD_CLI");

  crash_trials (fixture, (const char *[]) { cli, "--db", fixture->trial, "import", fixture->big_csv,
                                            "--leaderboard", "Big", NULL });
}

static void
test_crash_lbom (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("LEADERBOARD_CLI");

  crash_trials (fixture, (const char *[]) { cli, "--db", fixture->trial, "import-lbom",
                                            fixture->big_lbom, NULL });
}

/* The record form saves its fields in one transaction; the child (this program) does that
 * over and over, each time with the next generation number in every field. */
static int
child_edit_form (const char *path,
                 guint       generations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (path, &error);
  g_autoptr(LbLeaderboard) lb = NULL;

  g_assert_no_error (error);
  lb = lb_store_find_leaderboard (store, "Big", &error);
  g_assert_no_error (error);
  for (guint generation = 1; generation <= generations; generation++)
    {
      g_autofree char *value = g_strdup_printf ("generation %u", generation);

      g_assert_true (lb_store_begin (store, &error));
      for (guint f = 0; f < G_N_ELEMENTS (form_fields); f++)
        g_assert_true (lb_store_set_leaderboard_field (store, lb->id, form_fields[f], value, &error));
      g_assert_true (lb_store_commit (store, &error));
    }
  return 0;
}

static void
test_crash_form (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *self = g_getenv ("LB_TEST_CRASH_SELF");
  g_autofree char *window_us = NULL;
  gint64 start, duration;
  guint killed = 0;
  const guint generations = 200;
  g_autofree char *n = g_strdup_printf ("%u", generations);
  const char *argv[] = { self, "--child-edit-form", fixture->trial, n, NULL };

  copy_file (fixture->baseline, fixture->trial);
  start = g_get_monotonic_time ();
  run_sync (argv);
  duration = g_get_monotonic_time () - start;

  for (guint i = 0; i < n_trials (); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbStore) store = NULL;
      g_autoptr(LbLeaderboard) lb = NULL;
      g_autoptr(GPtrArray) audit = NULL;
      g_autofree char *digest = NULL;
      const char *values[G_N_ELEMENTS (form_fields)];
      guint generation = 0;
      guint audited = 0;

      copy_file (fixture->baseline, fixture->trial);
      killed += run_and_kill (argv, kill_delay (i, duration));
      digest = db_digest (fixture->trial);
      store = lb_store_open (fixture->trial, &error);
      g_assert_no_error (error);
      lb = lb_store_find_leaderboard (store, "Big", &error);
      g_assert_no_error (error);

      /* Every field of the form holds the same generation: all of an edit, or none of it. */
      values[0] = lb->purpose; values[1] = lb->owner; values[2] = lb->owner_contact;
      values[3] = lb->evaluation_data; values[4] = lb->procedure; values[5] = lb->production_context;
      g_assert_true (g_str_has_prefix (lb->purpose, "generation "));
      generation = (guint) atoi (lb->purpose + strlen ("generation "));
      for (guint f = 1; f < G_N_ELEMENTS (form_fields); f++)
        {
          if (generation == 0 && f >= 2)
            g_assert_null (values[f]);
          else
            g_assert_cmpstr (values[f], ==, lb->purpose);
        }
      /* And the audit log has one entry per field changed in each committed edit. */
      audit = lb_store_list_audit (store, lb->id, 0, &error);
      g_assert_no_error (error);
      for (guint a = 0; a < audit->len; a++)
        {
          LbAuditEntry *entry = g_ptr_array_index (audit, a);

          audited += g_str_has_prefix (entry->new_value != NULL ? entry->new_value : "", "generation ")
                     && strcmp (entry->new_value, "generation 0") != 0;
        }
      g_assert_cmpuint (audited, ==, generation * G_N_ELEMENTS (form_fields));
    }
  window_us = g_strdup_printf ("%.2f", duration / 1e6);
  g_test_message ("%u trials in a %s s window: %u killed", n_trials (), window_us, killed);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  g_unsetenv ("LEADERBOARD_DB");
  if (argc == 4 && strcmp (argv[1], "--child-edit-form") == 0)
    return child_edit_form (argv[2], (guint) atoi (argv[3]));
  g_setenv ("LB_TEST_CRASH_SELF", argv[0], TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/crash/import", Fixture, NULL, fixture_set_up, test_crash_import, fixture_tear_down);
  g_test_add ("/crash/lbom-import", Fixture, NULL, fixture_set_up, test_crash_lbom, fixture_tear_down);
  g_test_add ("/crash/record-form", Fixture, NULL, fixture_set_up, test_crash_form, fixture_tear_down);
  return g_test_run ();
}
