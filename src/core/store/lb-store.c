/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store.c: opening and migrating the database, transactions, the audit log and mappings */

#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lb-store-private.h"
#include "lb-store-vfs.h"

/* Each entry brings the schema from version i to i + 1, in one transaction. Never edit a
 * released entry: add a new one and bump LB_STORE_SCHEMA_VERSION. */
static const char *const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE leaderboards ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  purpose TEXT,"
  "  owner TEXT,"
  "  owner_contact TEXT,"
  "  update_cadence_days INTEGER CHECK (update_cadence_days IS NULL OR update_cadence_days > 0),"
  "  workflow_pattern TEXT CHECK (workflow_pattern IS NULL"
  "                               OR workflow_pattern IN ('P1', 'P2', 'P3', 'P4', 'P5')),"
  "  evaluation_data TEXT,"
  "  procedure TEXT,"
  "  production_context TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  last_reviewed_at TEXT,"
  "  deleted_at TEXT"
  ");"
  "CREATE UNIQUE INDEX leaderboards_name ON leaderboards (name) WHERE deleted_at IS NULL;"
  "CREATE TABLE benchmarks ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  task TEXT,"
  "  metric TEXT,"
  "  unit TEXT,"
  "  higher_is_better INTEGER NOT NULL DEFAULT 1,"
  "  direction_confirmed INTEGER NOT NULL DEFAULT 0,"
  "  scale_min REAL,"
  "  scale_max REAL,"
  "  dataset TEXT,"
  "  dataset_version TEXT,"
  "  protocol TEXT,"
  "  harness TEXT,"
  "  description TEXT,"
  "  retired INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (leaderboard_id, name)"
  ");"
  "CREATE TABLE models ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  version TEXT,"
  "  provider TEXT,"
  "  provenance_url TEXT,"
  "  access TEXT CHECK (access IS NULL OR access IN ('api', 'open-weights', 'internal')),"
  "  notes TEXT,"
  "  UNIQUE (leaderboard_id, name)"
  ");"
  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  file_name TEXT,"
  "  file_path TEXT,"
  "  sha256 TEXT,"
  "  size_bytes INTEGER NOT NULL DEFAULT 0,"
  "  encoding TEXT,"
  "  delimiter TEXT,"
  "  layout TEXT,"
  "  header_row INTEGER NOT NULL DEFAULT 0,"
  "  imported_at TEXT NOT NULL,"
  "  imported_by TEXT,"
  "  records INTEGER NOT NULL DEFAULT 0,"
  "  results INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL CHECK (status IN ('complete', 'failed', 'cancelled')),"
  "  deleted_at TEXT"
  ");"
  "CREATE INDEX imports_sha256 ON imports (leaderboard_id, sha256);"
  "CREATE TABLE import_warnings ("
  "  id INTEGER PRIMARY KEY,"
  "  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  source_row INTEGER NOT NULL DEFAULT 0,"
  "  source_column INTEGER NOT NULL DEFAULT 0,"
  "  message TEXT NOT NULL"
  ");"
  "CREATE INDEX import_warnings_import ON import_warnings (import_id);"
  "CREATE TABLE results ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,"
  "  benchmark_id INTEGER NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,"
  "  score REAL NOT NULL,"
  "  stderr REAL,"
  "  evaluated_at TEXT,"
  "  raw TEXT,"
  "  model_version TEXT,"
  "  current INTEGER NOT NULL DEFAULT 0,"
  "  import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE,"
  "  source_row INTEGER NOT NULL DEFAULT 0,"
  "  source_column INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX results_cell ON results (leaderboard_id, model_id, benchmark_id, current);"
  "CREATE INDEX results_import ON results (import_id);"
  "CREATE TABLE gaps ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,"
  "  benchmark_id INTEGER NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,"
  "  import_id INTEGER REFERENCES imports (id) ON DELETE CASCADE,"
  "  source_row INTEGER NOT NULL DEFAULT 0,"
  "  source_column INTEGER NOT NULL DEFAULT 0,"
  "  raw TEXT,"
  "  reason TEXT"
  ");"
  "CREATE INDEX gaps_cell ON gaps (leaderboard_id, model_id, benchmark_id);"
  "CREATE INDEX gaps_import ON gaps (import_id);"
  "CREATE TABLE smells ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  smell TEXT NOT NULL,"
  "  component TEXT NOT NULL DEFAULT '',"   /* '' stands for "no component" so UNIQUE holds */
  "  status TEXT NOT NULL DEFAULT 'unchecked'"
  "    CHECK (status IN ('unchecked', 'present', 'absent', 'mitigated', 'accepted')),"
  "  detected INTEGER NOT NULL DEFAULT 0,"
  "  evidence TEXT,"
  "  note TEXT,"
  "  reviewer TEXT,"
  "  checked_at TEXT,"
  "  needs_review INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (leaderboard_id, smell, component)"
  ");"
  "CREATE TABLE profiles ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  description TEXT,"
  "  UNIQUE (leaderboard_id, name)"
  ");"
  "CREATE TABLE profile_weights ("
  "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
  "  benchmark TEXT NOT NULL,"
  "  weight REAL NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (profile_id, benchmark)"
  ");"
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  held_at TEXT,"
  "  reviewer TEXT,"
  "  decision TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX reviews_leaderboard ON reviews (leaderboard_id);"
  /* The log outlives what it describes: no cascade. */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT,"
  "  leaderboard_id INTEGER,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX audit_log_leaderboard ON audit_log (leaderboard_id);",

  /* 2: column mappings remembered per header signature */
  "CREATE TABLE mappings ("
  "  signature TEXT PRIMARY KEY,"
  "  json TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");",

  /* 3: results' foreign keys are checked at commit. A multi-row INSERT that could fail
   * half-way needs a statement journal (a copy of every page it touches); with deferred keys
   * and INSERT OR FAIL it cannot, and an import writes a third fewer bytes. leaderboard_id
   * loses its key: it is the model's leaderboard, whose deletion cascades through models. */
  "CREATE TABLE results_v3 ("
  "  id INTEGER PRIMARY KEY,"
  "  leaderboard_id INTEGER NOT NULL,"
  "  model_id INTEGER NOT NULL"
  "    REFERENCES models (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  benchmark_id INTEGER NOT NULL"
  "    REFERENCES benchmarks (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  score REAL NOT NULL,"
  "  stderr REAL,"
  "  evaluated_at TEXT,"
  "  raw TEXT,"
  "  model_version TEXT,"
  "  current INTEGER NOT NULL DEFAULT 0,"
  "  import_id INTEGER"
  "    REFERENCES imports (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  source_row INTEGER NOT NULL DEFAULT 0,"
  "  source_column INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO results_v3 (id, leaderboard_id, model_id, benchmark_id, score, stderr,"
  "  evaluated_at, raw, model_version, current, import_id, source_row, source_column)"
  " SELECT id, leaderboard_id, model_id, benchmark_id, score, stderr,"
  "  evaluated_at, raw, model_version, current, import_id, source_row, source_column"
  " FROM results;"
  "DROP TABLE results;"
  "ALTER TABLE results_v3 RENAME TO results;"
  "CREATE INDEX results_cell ON results (leaderboard_id, model_id, benchmark_id, current);"
  "CREATE INDEX results_import ON results (import_id);",

  /* 4: reportA: the Compare page's choices per leaderboard (models, baseline, profile,
   * partial models, normalisation), so the page, the printed report and the CLI compare the
   * same way after a restart. Models are ids separated by commas; '' means all of them. */
  "CREATE TABLE compare_choices ("
  "  leaderboard_id INTEGER PRIMARY KEY REFERENCES leaderboards (id) ON DELETE CASCADE,"
  "  models TEXT NOT NULL DEFAULT '',"
  "  baseline_id INTEGER,"
  "  profile TEXT,"
  "  include_partial INTEGER NOT NULL DEFAULT 0,"
  "  normalization TEXT NOT NULL DEFAULT 'min-max'"
  "    CHECK (normalization IN ('min-max', 'declared-scale')),"
  "  updated_at TEXT NOT NULL"
  ");",
  /* 5: headers: a benchmark's number of items (questions), for the binomial standard error */
  "ALTER TABLE benchmarks ADD COLUMN n_items INTEGER;",

  /* 6: xlsx: the sheet an import read, and how a workbook stored a cell whose value is not
   * its plain text (type, value, number format, formula), by the cell's row and column. */
  "ALTER TABLE imports ADD COLUMN sheet TEXT;"
  "CREATE TABLE source_cells ("
  "  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  source_row INTEGER NOT NULL,"
  "  source_column INTEGER NOT NULL,"
  "  detail TEXT NOT NULL,"
  "  PRIMARY KEY (import_id, source_row, source_column)"
  ");",

  /* 7: smellsfast: a leaderboard's results in id order, as the smell checks and the LBOM
   * read them, without sorting all of them in a temporary B-tree (0.5 s for 320,000). */
  "CREATE INDEX results_leaderboard ON results (leaderboard_id, id);",
  /* 8: sheetver: an import's mode (the new version of the sheet, which defines what is
   * current, or an addition to it) and header signature; the mode last chosen per leaderboard */
  "ALTER TABLE imports ADD COLUMN mode TEXT NOT NULL DEFAULT 'add'"
  "  CHECK (mode IN ('add', 'replace'));"
  "ALTER TABLE imports ADD COLUMN signature TEXT;"
  "ALTER TABLE leaderboards ADD COLUMN import_mode TEXT"
  "  CHECK (import_mode IS NULL OR import_mode IN ('add', 'replace'));",
  /* 9: codes: an import warning's code and arguments (a JSON array of strings), rendered in
   * the reader's language (lb-warning.c); rows written before keep their text only. */
  "ALTER TABLE import_warnings ADD COLUMN code TEXT;"
  "ALTER TABLE import_warnings ADD COLUMN args TEXT;",
  /* 10: reimport: a cell's results without `current` in the key, so that superseding a
   * result (the new version of a sheet turns every old value's current to 0) changes no
   * index: 2.3 s for a 1,000,000-value sheet with it, 0.6 s without. A cell has a result
   * per import at most, so finding its current one still reads a handful of rows. */
  "DROP INDEX results_cell;"
  "CREATE INDEX results_cell ON results (leaderboard_id, model_id, benchmark_id);",
  /* 11: settings: who produced an import's numbers (the vendor, a third party, or us), as the
   * person importing said; a result file can say it per value (source_cells.detail) */
  "ALTER TABLE imports ADD COLUMN provenance TEXT"
  "  CHECK (provenance IS NULL OR provenance IN ('vendor', 'third-party', 'ours'));",
  /* 12: reimport2: the new version of a sheet writes its results at the end of every index.
   * results_cell (leaderboard, model, benchmark) put each new result between the old ones of
   * its cell, rewriting the whole index; (import, model, benchmark) takes its place and that of
   * results_import, and a cell's results are found with one seek per import of the
   * leaderboard and one among those typed in (import_id NULL). Rows and values are unchanged. */
  "DROP INDEX results_cell;"
  "DROP INDEX results_import;"
  "CREATE INDEX results_import_cell ON results (import_id, model_id, benchmark_id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LB_STORE_SCHEMA_VERSION);

#define BUSY_TIMEOUT_MS 3000

G_DEFINE_FINAL_TYPE (LbStore, lb_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (lb-store-error-quark, lb_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
set_sqlite_error (const char  *path,
                  sqlite3     *db,
                  int          rc,
                  GError     **error)
{
  int saved_errno = errno;  /* before anything else may change it */
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  /* SQLite reports a write that hit a full disk, a quota or the file size limit as an I/O
   * error when not even part of it went through, and does not always record errno then:
   * after a failed write, errno is still the write's. */
  if (system_errno == 0 && db != NULL
      && (sqlite3_extended_errcode (db) == SQLITE_IOERR_WRITE
          || sqlite3_extended_errcode (db) == SQLITE_IOERR_FSYNC
          || sqlite3_extended_errcode (db) == SQLITE_IOERR_TRUNCATE))
    system_errno = saved_errno;
  if ((rc & 0xff) == SQLITE_IOERR
      && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Leaderboard database or is damaged (%s). "
                     "Choose another file, or restore it from a backup."), path, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s). Make the file and its folder writable, "
                     "or copy it to a folder you can write to."), path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program. Close the other Leaderboard window "
                     "or program using it and try again."), path);
      break;
    case SQLITE_FULL:
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full. Free some space and try again; "
                     "nothing was changed."), path);
      break;
    case SQLITE_IOERR:
      if (db != NULL)
        {
          /* On an open connection: a read or write failed, the file was there. */
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                       _("Could not read or write “%s” (%s). The disk may be failing, full or "
                         "removed; the change was not saved."), path, detail);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("Cannot open “%s” (%s). Check that the folder exists and that you may "
                     "read and write it."), path, detail);
      break;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS,
                     _("An entry with the same name already exists in “%s”. Choose another name."),
                     path);
      else
        g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                     _("The database “%s” refused a value (%s). Check the value and try again."),
                     path, detail);
      break;
    default:
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s."), path, detail);
      break;
    }
  return FALSE;
}

static gboolean
exec_sql (LbStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return lb_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
is_memory_path (const char *path)
{
  return g_strcmp0 (path, ":memory:") == 0;
}

/* The name SQLite is given for @path: Debian's SQLite reads a name that starts with "file:"
 * as a URI ("file::memory:", "?mode=memory"), so such a file is named relative to the
 * current folder. Newly allocated. */
static char *
sqlite_filename (const char *path)
{
  if (g_str_has_prefix (path, "file:"))
    return g_strconcat ("./", path, NULL);
  return g_strdup (path);
}

/* Looks at an existing file without writing to it: refuses a newer schema, a foreign or
 * damaged file and a file we may not write, before any PRAGMA that writes. */
static gboolean
check_existing_file (const char  *path,
                     gboolean     for_writing,
                     int         *version_out,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = sqlite_filename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;
  int version = 0;
  int n_tables = 0;
  guint32 application_id = 0;
  gboolean our_tables = FALSE;
  g_autofree char *table_names = NULL;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("Cannot open “%s” (%s). Check that the file exists and that you may read it."),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("“%s” is not a file. Choose a database file."), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (name, &db, SQLITE_OPEN_READONLY, lb_store_vfs_register ());
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      /* Ours before application_id was set (schema 1 to 3 as released): every table of
       * schema 1, mappings from 2 on, and columns no other program would have. */
      rc = sqlite3_prepare_v2 (db,
                               "SELECT (SELECT user_version FROM pragma_user_version),"
                               "       (SELECT count(*) FROM sqlite_master),"
                               "       (SELECT application_id FROM pragma_application_id),"
                               "       (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                               "          AND name IN ('leaderboards', 'benchmarks', 'models',"
                               "                       'imports', 'import_warnings', 'results',"
                               "                       'gaps', 'smells', 'profiles',"
                               "                       'profile_weights', 'reviews', 'audit_log')) = 12"
                               "   AND ((SELECT user_version FROM pragma_user_version) < 2"
                               "        OR EXISTS (SELECT 1 FROM sqlite_master"
                               "                   WHERE type = 'table' AND name = 'mappings'))"
                               "   AND (SELECT count(*) FROM pragma_table_info('leaderboards')"
                               "          WHERE name IN ('update_cadence_days', 'workflow_pattern',"
                               "                         'production_context')) = 3"
                               "   AND (SELECT count(*) FROM pragma_table_info('results')"
                               "          WHERE name IN ('current', 'source_row', 'source_column')) = 3,"
                               "       (SELECT group_concat(name, ', ') FROM"
                               "          (SELECT name FROM sqlite_master WHERE type = 'table'"
                               "             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                               "           ORDER BY name LIMIT 4))",
                               -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          n_tables = sqlite3_column_int (stmt, 1);
          application_id = (guint32) sqlite3_column_int64 (stmt, 2);
          our_tables = sqlite3_column_int (stmt, 3) != 0;
          table_names = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (path, NULL, rc, error);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  if (rc != SQLITE_OK)
    return FALSE;

  /* Another program's file is never changed, whatever its user_version says: it is ours
   * when it carries our application_id, or (written before we set one) holds our tables. */
  if (application_id != 0 && application_id != LB_STORE_APPLICATION_ID)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program (an SQLite file marked with "
                     "application id %#010x), not a Leaderboard database. Choose another "
                     "file, or name a new file to start a database; this one was not changed."),
                   path, application_id);
      return FALSE;
    }
  if (version > LB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Leaderboard (database version %d; "
                     "this version reads up to %d). Update Leaderboard to open it; the file "
                     "was not changed."), path, version, LB_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (application_id == 0 && (n_tables > 0 || version > 0) && !our_tables)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program (an SQLite file with the tables "
                     "%s), not a Leaderboard database. Choose another file, or name a new "
                     "file to start a database; this one was not changed."),
                   path, table_names != NULL ? table_names : "—");
      return FALSE;
    }
  if (version_out != NULL)
    *version_out = version;
  /* Mode bits as well as access(): root may write anything, but a file the user marked
   * read-only must stay as it is. */
  if (for_writing
      && ((st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0))
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only. Make the file and its folder writable, or copy it "
                     "to a folder you can write to, and open it again."), path);
      return FALSE;
    }
  return TRUE;
}

static int
read_user_version (LbStore  *self,
                   GError  **error)
{
  g_autoptr(LbStmt) stmt = lb_store_prepare (self, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      lb_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

static gboolean
backup_failed (LbStore     *self,
               const char  *target,
               gboolean     full,
               const char  *detail,
               GError     **error)
{
  g_set_error (error, LB_STORE_ERROR, full ? LB_STORE_ERROR_FULL : LB_STORE_ERROR_OPEN,
               _("Could not back up “%s” to “%s” before upgrading it (%s). Free some space "
                 "or make the folder writable and try again; the database was not changed."),
               self->path, target, detail);
  return FALSE;
}

/* Copies the database, as one consistent snapshot (the WAL's content too, without a
 * checkpoint), to a hidden temporary file beside it, and gives that the name
 * PATH.bak-<old version> (or .1, .2, … after it: an older backup is never overwritten)
 * only when it is complete and on disk: a backup that was killed or failed half-way never
 * looks like a backup. Runs before anything in the file changes. */
static gboolean
backup_before_migration (LbStore  *self,
                         int       old_version,
                         GError  **error)
{
  g_autofree char *base = g_strdup_printf ("%s.bak-%d", self->path, old_version);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *basename = g_path_get_basename (base);
  g_autofree char *hidden = g_strdup_printf (".%s.XXXXXX", basename);
  g_autofree char *temp = g_build_filename (dir, hidden, NULL);
  g_autofree char *target = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc, saved;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      return backup_failed (self, base, saved == ENOSPC || saved == EDQUOT,
                            g_strerror (saved), error);
    }
  close (fd);

  /* A private file: no journal beside it (a failed copy is deleted whole). */
  rc = sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (dest) != SQLITE_OK ? sqlite3_extended_errcode (dest)
                                                          : SQLITE_ERROR;
      else
        {
          int step_rc = sqlite3_backup_step (backup, -1);

          rc = sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK && step_rc != SQLITE_DONE)
            rc = step_rc;
        }
    }
  saved = errno;
  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_strdup (dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      gboolean full = (rc & 0xff) == SQLITE_FULL
                      || saved == ENOSPC || saved == EFBIG || saved == EDQUOT;

      sqlite3_close_v2 (dest);
      g_unlink (temp);
      return backup_failed (self, base, full, detail, error);
    }
  /* Closing without a journal or WAL left: the copy is a plain database file. */
  sqlite3_close_v2 (dest);

  /* link() fails rather than replace a backup another process wrote meanwhile. */
  target = g_strdup (base);
  for (guint i = 1;; i++)
    {
      if (link (temp, target) == 0)
        break;
      saved = errno;
      if (saved == EEXIST)
        {
          g_free (target);
          target = g_strdup_printf ("%s.%u", base, i);
          continue;
        }
      /* A file system without hard links (FAT, some network shares). */
      if ((saved == EPERM || saved == ENOSYS || saved == EOPNOTSUPP)
          && !g_file_test (target, G_FILE_TEST_EXISTS) && g_rename (temp, target) == 0)
        break;
      g_unlink (temp);
      return backup_failed (self, target, saved == ENOSPC || saved == EDQUOT,
                            g_strerror (saved), error);
    }
  g_unlink (temp);

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);
  return TRUE;
}

static gboolean
migrate (LbStore  *self,
         int       target,
         GError  **error)
{
  int version = read_user_version (self, error);

  if (version < 0)
    return FALSE;
  if (version > LB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Leaderboard (database version %d; "
                     "this version reads up to %d). Update Leaderboard to open it; the file "
                     "was not changed."), self->path, version, LB_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version >= target)
    {
      g_autoptr(LbStmt) stmt = NULL;
      gboolean marked;

      /* Ours (check_existing_file() said so) but written before application_id was set. */
      if (version == 0)
        return TRUE;
      stmt = lb_store_prepare (self, "PRAGMA application_id", error);
      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        return stmt == NULL ? FALSE : lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
      marked = sqlite3_column_int64 (stmt, 0) != 0;
      g_clear_pointer (&stmt, lb_stmt_release);
      if (!marked)
        {
          g_autofree char *mark = g_strdup_printf ("PRAGMA application_id = %d",
                                                   (int) LB_STORE_APPLICATION_ID);

          /* Only a mark: a file another process is writing to is opened without it, at
           * once (the next open marks it). */
          sqlite3_busy_timeout (self->db, 0);
          sqlite3_exec (self->db, mark, NULL, NULL, NULL);
          sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
        }
      return TRUE;
    }

  for (int v = version; v < target; v++)
    {
      /* Integers, not user text. Every step marks the file as ours. */
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;"
                                                      "PRAGMA application_id = %d",
                                                      v + 1, (int) LB_STORE_APPLICATION_ID);

      int now_at;

      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Another process may have upgraded it meanwhile: look again under the write lock. */
      now_at = read_user_version (self, error);
      if (now_at < 0)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (now_at > v)
        {
          if (!exec_sql (self, "COMMIT", error))
            return FALSE;
          v = now_at - 1;
          continue;
        }
      if (!exec_sql (self, migrations[v], error) || !exec_sql (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Upgrading the database to version %d failed: "), v + 1);
          return FALSE;
        }
      if (!exec_sql (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lb_store_finalize (GObject *object)
{
  LbStore *self = (LbStore *) object;

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->static_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (lb_store_parent_class)->finalize (object);
}

static void
lb_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LbStore *self = LB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_USER:
      g_value_set_string (value, lb_store_get_user (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LbStore *self = LB_STORE (object);

  switch (prop_id)
    {
    case PROP_USER:
      lb_store_set_user (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_store_class_init (LbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_store_finalize;

  /* Process-wide, taken only before SQLite's first use (a later call fails harmlessly).
   * Memory statistics, which nothing here reads, cost a global mutex on every allocation. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  object_class->get_property = lb_store_get_property;
  object_class->set_property = lb_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after a write is committed; the id is the leaderboard, 0 when several changed. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
lb_store_init (LbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->static_statements = g_hash_table_new (NULL, NULL);
  self->pending_changed = -1;
}

/* ---- shared helpers (lb-store-private.h) ---- */

void
lb_stmt_release (LbStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

LbStmt *
lb_store_prepare (LbStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      lb_store_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

LbStmt *
lb_store_prepare_static (LbStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->static_statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      return stmt;
    }
  /* The statement itself is owned by the text-keyed cache. */
  stmt = lb_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->static_statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
lb_store_fail (LbStore  *self,
               int       rc,
               GError  **error)
{
  return set_sqlite_error (self->path, self->db, rc, error);
}

gboolean
lb_store_step_done (LbStore  *self,
                    LbStmt   *stmt,
                    GError  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
  return TRUE;
}

gboolean
lb_store_check_transaction (LbStore  *self,
                            GError  **error)
{
  if (self->depth > 0 && sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                   _("The changes to “%s” were undone after an earlier error (for example a "
                     "full disk), so nothing of this operation was saved. Fix the cause and "
                     "try again."), self->path);
      return FALSE;
    }
  return TRUE;
}

void
lb_store_note_changed (LbStore *self,
                       gint64   leaderboard_id)
{
  if (self->pending_changed == -1)
    self->pending_changed = leaderboard_id;
  else if (self->pending_changed != leaderboard_id)
    self->pending_changed = 0;
}

gboolean
lb_store_touch_leaderboard (LbStore  *self,
                            gint64    leaderboard_id,
                            GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *now = lb_now_iso8601 ();

  stmt = lb_store_prepare (self, "UPDATE leaderboards SET updated_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, leaderboard_id);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;
  lb_store_note_changed (self, leaderboard_id);
  return TRUE;
}

void
lb_bind_text (LbStmt     *stmt,
              int         index,
              const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
lb_bind_id (LbStmt *stmt,
            int     index,
            gint64  id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
lb_column_dup (LbStmt *stmt,
               int     column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gint64
lb_column_id (LbStmt *stmt,
              int     column)
{
  return sqlite3_column_int64 (stmt, column);
}

GPtrArray *
lb_store_collect (LbStore         *self,
                  LbStmt          *stmt,
                  LbRowFunc        func,
                  GDestroyNotify   free_func,
                  GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, func (stmt));
  if (rc != SQLITE_DONE)
    {
      lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gpointer
lb_store_fetch_one (LbStore   *self,
                    LbStmt    *stmt,
                    LbRowFunc  func,
                    gboolean  *found,
                    GError   **error)
{
  int rc = sqlite3_step (stmt);

  *found = FALSE;
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      return func (stmt);
    }
  if (rc != SQLITE_DONE)
    lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
  return NULL;
}

gboolean
lb_store_not_found (GError     **error,
                    const char  *message_format,
                    gint64       id)
{
  g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND, message_format, id);
  return FALSE;
}

gboolean
lb_store_finish_write (LbStore  *self,
                       gboolean  ok,
                       GError  **error)
{
  if (!ok)
    {
      lb_store_rollback (self);
      return FALSE;
    }
  return lb_store_commit (self, error);
}

/* Changes when another connection commits (never for our own commits); -1 on error. */
static gint64
read_data_version (LbStore *self)
{
  g_autoptr(LbStmt) stmt = lb_store_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static LbStore *
open_store (const char  *path,
            int          target,
            GError     **error)
{
  g_autoptr(LbStore) self = NULL;
  g_autofree char *name = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* SQLite opens "" as a private temporary database: nothing written would be kept. */
  if (*path == '\0')
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("No database file was named (the path is empty). Give the path of a "
                     "database file."));
      return NULL;
    }
  if (!is_memory_path (path))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s” for the database (%s). Choose another "
                         "location or check the folder’s permissions."), dir, g_strerror (saved));
          return NULL;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS) && !check_existing_file (path, TRUE, NULL, error))
        return NULL;
    }

  self = g_object_new (LB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Our VFS, not "unix": GLib and GTK open and close the database's files in this process
   * (sniffing content types), which drops the unix VFS's POSIX locks (lb-store-vfs.c). */
  name = sqlite_filename (path);
  rc = sqlite3_open_v2 (name, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        lb_store_vfs_register ());
  if (rc != SQLITE_OK)
    {
      lb_store_fail (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!lb_store_define_functions (self, error))
    return NULL;

  /* Takes effect only when the file is new. Results are many small rows written in bulk:
   * with 16 KiB pages instead of 4 an import makes a quarter of the writes. */
  if (!exec_sql (self, "PRAGMA page_size = 16384", error))
    return NULL;
  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* 16 MiB of page cache instead of 2: superseding or restoring a million results touches
   * the results table and its indexes all over. */
  if (!exec_sql (self, "PRAGMA cache_size = -16384", error))
    return NULL;
  /* The backup comes before anything changes the file, the switch to WAL too: when it
   * fails, the file is as it was. */
  if (!is_memory_path (path) && target > 0)
    {
      int version = read_user_version (self, error);

      if (version < 0)
        return NULL;
      if (version > 0 && version < target && !backup_before_migration (self, version, error))
        return NULL;
    }
  if (!is_memory_path (path))
    {
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error))
        return NULL;
      /* Safe in WAL mode and much faster for the importer's large transactions. */
      if (!exec_sql (self, "PRAGMA synchronous = NORMAL", error))
        return NULL;
    }
  if (!migrate (self, target, error))
    return NULL;
  self->data_version = read_data_version (self);

  return g_steal_pointer (&self);
}

LbStore *
lb_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_autoptr(LbStore) self = NULL;
  g_autofree char *name = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN,
                   _("No database file was named (the path is empty). Give the path of a "
                     "database file."));
      return NULL;
    }
  if (is_memory_path (path))
    return lb_store_open (path, error);
  if (!check_existing_file (path, FALSE, &version, error))
    return NULL;
  /* Reading an older schema could fail half-way or read it wrong; upgrading is a write. */
  if (version < LB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OLDER_SCHEMA,
                   _("“%s” was written by an older version of Leaderboard (database version %d; "
                     "this version writes %d) and is upgraded only when it is opened to be "
                     "changed. Open it in Leaderboard, or run a command that changes it; the "
                     "file was not changed."), path, version, LB_STORE_SCHEMA_VERSION);
      return NULL;
    }

  self = g_object_new (LB_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  name = sqlite_filename (path);
  /* Nothing is written: no WAL switch, no migration, no marker, and query_only refuses any
   * write. A file that may be written is still opened for writing, only so that the last
   * connection to close folds the WAL back and removes it, as every other does; one that
   * may not is opened read-only (a full disk or a read-only share does not keep anyone
   * from reading). */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    GStatBuf st;
    gboolean writable = g_stat (path, &st) == 0 && (st.st_mode & 0222) != 0
                        && g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;

    rc = sqlite3_open_v2 (name, &self->db,
                          (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY)
                          | SQLITE_OPEN_NOMUTEX,
                          lb_store_vfs_register ());
  }
  if (rc != SQLITE_OK)
    {
      lb_store_fail (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!exec_sql (self, "PRAGMA query_only = ON", error)
      || !exec_sql (self, "PRAGMA foreign_keys = ON", error)
      || !exec_sql (self, "PRAGMA cache_size = -16384", error))
    return NULL;
  /* Another process may have changed it since check_existing_file() looked. */
  version = read_user_version (self, error);
  if (version < 0)
    return NULL;
  if (version != LB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LB_STORE_ERROR,
                   version > LB_STORE_SCHEMA_VERSION ? LB_STORE_ERROR_NEWER_SCHEMA
                                                     : LB_STORE_ERROR_OLDER_SCHEMA,
                   _("“%s” was changed by another program while it was being opened. Try again."),
                   path);
      return NULL;
    }
  self->data_version = read_data_version (self);
  return g_steal_pointer (&self);
}

LbStore *
lb_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= LB_STORE_SCHEMA_VERSION, NULL);

  return open_store (path, version, error);
}

/* ---- public API ---- */

void
lb_leaderboard_stats_clear (LbLeaderboardStats *stats)
{
  g_return_if_fail (stats != NULL);

  g_clear_pointer (&stats->newest_result, g_free);
  g_clear_pointer (&stats->last_import_at, g_free);
  stats->n_models = 0;
  stats->n_benchmarks = 0;
  stats->n_results = 0;
}

char *
lb_store_default_path (void)
{
  const char *env = g_getenv ("LEADERBOARD_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "leaderboard", "leaderboard.db", NULL);
}

LbStore *
lb_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, LB_STORE_SCHEMA_VERSION, error);
}

const char *
lb_store_get_path (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return self->path;
}

const char *
lb_store_get_backup_path (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return self->backup_path;
}

const char *
lb_store_get_user (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  /* The name given (Preferences, the CLI), else the account's full name; never the login,
   * which is not a person's name: NULL then, and what is recorded says no name was set. */
  if (self->user == NULL)
    self->user = g_strdup (lb_real_name ());
  return self->user;
}

void
lb_store_set_user (LbStore    *self,
                   const char *user)
{
  g_return_if_fail (LB_IS_STORE (self));

  if (user != NULL && *user == '\0')
    user = NULL;
  if (g_strcmp0 (self->user, user) == 0)
    return;
  g_free (self->user);
  self->user = g_strdup (user);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

gboolean
lb_store_begin (LbStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!lb_store_check_transaction (self, error))
    return FALSE;
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT lb_%u", self->depth);
  if (!exec_sql (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
lb_store_begin_read (LbStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return lb_store_begin (self, error);
  /* BEGIN alone takes no lock; the first read starts the snapshot every later read sees. */
  if (!exec_sql (self, "BEGIN DEFERRED", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
lb_store_commit (LbStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      gint64 changed;

      if (!lb_store_check_transaction (self, error) || !exec_sql (self, "COMMIT", error))
        {
          /* The transaction is lost either way: leave the database as it was. */
          if (!sqlite3_get_autocommit (self->db))
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          self->depth = 0;
          self->pending_changed = -1;
          return FALSE;
        }
      self->depth = 0;
      changed = self->pending_changed;
      self->pending_changed = -1;
      if (changed != -1)
        g_signal_emit (self, signals[CHANGED], 0, changed);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE lb_%u", self->depth - 1);

      if (!lb_store_check_transaction (self, error) || !exec_sql (self, sql, error))
        {
          /* As at the top level: a failed commit closes its level, rolled back. */
          lb_store_rollback (self);
          return FALSE;
        }
      self->depth--;
    }
  return TRUE;
}

void
lb_store_rollback (LbStore *self)
{
  g_return_if_fail (LB_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->pending_changed = -1;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO lb_%u; RELEASE lb_%u",
                                              self->depth - 1, self->depth - 1);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

void
lb_store_emit_changed (LbStore *self,
                       gint64   leaderboard_id)
{
  g_return_if_fail (LB_IS_STORE (self));

  /* Whoever reloads on this reads what other connections committed until now. */
  if (self->depth == 0)
    self->data_version = read_data_version (self);
  g_signal_emit (self, signals[CHANGED], 0, leaderboard_id);
}

gboolean
lb_store_poll_external_changes (LbStore *self)
{
  gint64 version;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  /* Inside a transaction we see our snapshot; the caller looks again after it. */
  if (self->depth > 0)
    return FALSE;
  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;
  lb_store_emit_changed (self, 0);
  return TRUE;
}

/* ---- audit log ---- */

gboolean
lb_store_audit (LbStore     *self,
                gint64       leaderboard_id,
                const char  *entity,
                gint64       entity_id,
                const char  *field,
                const char  *old_value,
                const char  *new_value,
                GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  /* One statement is atomic on its own: no savepoint needed. */
  stmt = lb_store_prepare (self,
                           "INSERT INTO audit_log (at, who, leaderboard_id, entity, entity_id,"
                           "                       field, old_value, new_value)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  now = lb_now_iso8601 ();
  lb_bind_text (stmt, 1, now);
  lb_bind_text (stmt, 2, lb_store_get_user (self));
  lb_bind_id (stmt, 3, leaderboard_id);
  lb_bind_text (stmt, 4, entity);
  lb_bind_id (stmt, 5, entity_id);
  lb_bind_text (stmt, 6, field);
  lb_bind_text (stmt, 7, old_value);
  lb_bind_text (stmt, 8, new_value);
  return lb_store_step_done (self, stmt, error);
}

GPtrArray *
lb_store_list_audit (LbStore  *self,
                     gint64    leaderboard_id,
                     guint     limit,
                     GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id, at, who, leaderboard_id, entity, entity_id, field,"
                           "       old_value, new_value FROM audit_log"
                           " WHERE ?1 = 0 OR leaderboard_id = ?1"
                           " ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LbAuditEntry *entry = g_new0 (LbAuditEntry, 1);

      entry->id = lb_column_id (stmt, 0);
      entry->at = lb_column_dup (stmt, 1);
      entry->who = lb_column_dup (stmt, 2);
      entry->leaderboard_id = lb_column_id (stmt, 3);
      entry->entity = lb_column_dup (stmt, 4);
      entry->entity_id = lb_column_id (stmt, 5);
      entry->field = lb_column_dup (stmt, 6);
      entry->old_value = lb_column_dup (stmt, 7);
      entry->new_value = lb_column_dup (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      lb_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* ---- mappings ---- */

char *
lb_store_get_mapping (LbStore     *self,
                      const char  *signature,
                      GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  g_return_val_if_fail (signature != NULL, NULL);

  stmt = lb_store_prepare (self, "SELECT json FROM mappings WHERE signature = ?1", error);
  if (stmt == NULL)
    return NULL;
  lb_bind_text (stmt, 1, signature);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return lb_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    lb_store_fail (self, rc, error);
  return NULL;
}

gboolean
lb_store_set_mapping (LbStore     *self,
                      const char  *signature,
                      const char  *json,
                      GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  if (!lb_store_begin (self, error))
    return FALSE;
  if (json == NULL)
    stmt = lb_store_prepare (self, "DELETE FROM mappings WHERE signature = ?1", error);
  else
    stmt = lb_store_prepare (self,
                             "INSERT INTO mappings (signature, json, updated_at) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (signature) DO UPDATE"
                             " SET json = excluded.json, updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    {
      lb_store_rollback (self);
      return FALSE;
    }
  now = lb_now_iso8601 ();
  lb_bind_text (stmt, 1, signature);
  if (json != NULL)
    {
      lb_bind_text (stmt, 2, json);
      lb_bind_text (stmt, 3, now);
    }
  if (!lb_store_step_done (self, stmt, error))
    {
      lb_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&stmt, lb_stmt_release);
  return lb_store_commit (self, error);
}
