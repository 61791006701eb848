/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile files and database faults through leaderboard-cli: each gives one clear message
 * naming the problem and where, the process exits with status 1 (no crash, no GLib warning),
 * and the database is byte for byte what it was. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>

typedef struct {
  char *dir;
  char *db;
  char *db_sha256;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static rlim_t file_size_limit;  /* for the child: 0 means none */

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit;

  if (file_size_limit == 0)
    return;
  /* An ignored SIGXFSZ stays ignored across exec: writes then fail with EFBIG. */
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = limit.rlim_max = file_size_limit;
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs leaderboard-cli --db DB ARGS… (NULL-terminated array). */
static void
cli_argv (const char  *db,
          Run         *run,
          const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               limit_file_size, NULL, &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  /* Exits, never killed by a signal (abort, segfault, sanitizer). */
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define cli(db, run, ...) cli_argv (db, run, (const char *[]) { __VA_ARGS__, NULL })

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
bad_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

static char *
import_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* The failure the user must see: status 1, one message that names the file (when given) and
 * says each of @expected, nothing from GLib or a sanitizer. */
static void
assert_refused (const Run   *run,
                const char  *file_name,
                const char **expected)
{
  if (run->status != 1 || strstr (run->err, "CRITICAL") != NULL || strstr (run->err, "WARNING") != NULL
      || strstr (run->err, "Sanitizer") != NULL || strstr (run->err, "runtime error") != NULL)
    g_error ("status %d, stderr: %s", run->status, run->err);
  g_assert_true (g_str_has_prefix (run->err, "leaderboard-cli: "));
  if (file_name != NULL && strstr (run->err, file_name) == NULL)
    g_error ("the message does not name %s: %s", file_name, run->err);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (run->err, expected[i]) == NULL)
      g_error ("the message does not say “%s”: %s", expected[i], run->err);
}

static void
assert_db_unchanged (Fixture *fixture)
{
  g_autofree char *now = file_sha256 (fixture->db);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *journal = g_strconcat (fixture->db, "-journal", NULL);

  g_assert_cmpstr (now, ==, fixture->db_sha256);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0755);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A database holding one leaderboard with results and a filled-in record. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = import_path ("long.csv");
  g_auto(Run) run = { 0 };

  fixture->dir = g_dir_make_tmp ("lb-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "team.db", NULL);
  cli (fixture->db, &run, "import", good, "--leaderboard", "Public");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture->db, &run, "set", "Public", "--purpose", "Pick a model", "--owner", "Sato");
  g_assert_cmpint (run.status, ==, 0);
  fixture->db_sha256 = file_sha256 (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  file_size_limit = 0;
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->db_sha256);
}

/* ---- committed bad files (tests/data/bad/, written by make-bad.py) ---- */

typedef enum { IMPORT, LBOM } Command;

typedef struct {
  const char *file;
  Command     command;
  const char *encoding;       /* --encoding for IMPORT, or NULL */
  const char *expected[4];    /* what the message must say besides the file name */
} BadFile;

static const BadFile bad_files[] = {
  { "quote-open-at-end.csv", IMPORT, NULL, { "row 3, column A", "never closed" } },
  { "quote-open-in-header.csv", IMPORT, NULL, { "row 1, column A", "never closed" } },
  { "quote-open-mid-file.csv", IMPORT, NULL, { "row 3, column A", "never closed" } },
  { "quote-stray-after-close.csv", IMPORT, NULL, { "row 3", "never closed" } },
  { "quote-only.csv", IMPORT, NULL, { "row 1, column A", "never closed" } },
  { "workbook-xlsx.csv", IMPORT, NULL, { "Excel workbook (.xlsx)", "CSV UTF-8" } },
  { "workbook-xls.csv", IMPORT, NULL, { "old Excel workbook (.xls)" } },
  { "document-pdf.csv", IMPORT, NULL, { "PDF document" } },
  { "image-png.csv", IMPORT, NULL, { "PNG image" } },
  { "gzip.csv", IMPORT, NULL, { "gzip-compressed" } },
  { "empty.csv", IMPORT, NULL, { "is empty" } },
  { "bom-only-utf8.csv", IMPORT, NULL, { "only a byte order mark" } },
  { "bom-only-utf16le.csv", IMPORT, NULL, { "only a byte order mark" } },
  { "blank-lines-only.csv", IMPORT, NULL, { "no header row" } },
  { "nul-in-field.csv", IMPORT, NULL, { "row 2", "NUL bytes", "byte 28" } },
  { "nul-utf16-without-bom.csv", IMPORT, NULL, { "NUL bytes" } },
  { "invalid-utf8-bom.csv", IMPORT, NULL, { "row 3, column A", "bytes C3", "UTF-8" } },
  { "invalid-utf16le.csv", IMPORT, NULL, { "row 2, column B", "bytes 00 DC", "UTF-16LE" } },
  { "invalid-utf16be.csv", IMPORT, NULL, { "row 2, column B", "bytes D8 00", "UTF-16BE" } },
  { "odd-length-utf16le.csv", IMPORT, NULL, { "row 3, column A", "bytes 41", "UTF-16LE" } },
  { "invalid-cp932.csv", IMPORT, "cp932", { "row 3, column A", "bytes 82", "CP932" } },
  { "invalid-windows1252.csv", IMPORT, "windows-1252", { "row 3, column A", "bytes 81 8D", "Windows-1252" } },
  { "cp932-truncated-lead-byte.csv", IMPORT, NULL, { "row 4, column A", "bytes 82", "cut short" } },
  { "cp932-lead-byte-in-cell.csv", IMPORT, NULL, { "row 3, column B", "bytes 82 0D", "CP932" } },
  { "header-only.csv", IMPORT, NULL, { "row 1", "no data rows" } },
  { "no-model-column.csv", IMPORT, NULL, { "row 1", "which model" } },
  { "duplicate-headers.csv", IMPORT, NULL, { "row 1", "columns B and D", "JMMLU" } },
  { "no-score-column.csv", IMPORT, NULL, { "no column holds benchmark scores" } },
  { "no-numbers.csv", IMPORT, NULL, { "benchmark scores" } },
  { "lbom-not-json.json", LBOM, NULL, { "not valid JSON", "line 1, column 5", "Nothing was imported." } },
  { "lbom-truncated.json", LBOM, NULL, { "not valid JSON", "line 1, column 300" } },
  { "lbom-invalid-utf8.json", LBOM, NULL, { "not UTF-8", "line 1" } },
  { "lbom-wrong-format.json", LBOM, NULL, { "“format” is “csv”" } },
  { "lbom-newer-version.json", LBOM, NULL, { "LBOM version 2", "update Leaderboard" } },
  { "lbom-missing-leaderboards.json", LBOM, NULL, { "“leaderboards” is missing", "top level" } },
  { "lbom-missing-model-name.json", LBOM, NULL, { "leaderboards[0].models[0]", "“name” is missing" } },
  { "lbom-wrong-type-score.json", LBOM, NULL, { "leaderboards[0].results[0].score", "expected a number" } },
  { "lbom-wrong-type-results.json", LBOM, NULL, { "leaderboards[0].results", "expected an array" } },
  { "lbom-dangling-model.json", LBOM, NULL, { "leaderboards[0].results[0].model", "“Nobody”" } },
  { "lbom-array-root.json", LBOM, NULL, { "levels deep" } },
  { "lbom-lone-surrogate.json", LBOM, NULL, { "leaderboards[0].models[0].name", "\\ud800", "lone surrogate" } },
  { "lbom-nul-in-name.json", LBOM, NULL, { "leaderboards[0].models[0].name", "\\u0000", "NUL character" } },
  { "lbom-weight-infinite.json", LBOM, NULL, { "leaderboards[0].profiles[0].weights.JMMLU", "1e400 is out of range" } },
  { "lbom-weight-negative.json", LBOM, NULL, { "leaderboards[0].profiles[0].weights[“JMMLU”]", "negative" } },
  { "lbom-score-huge.json", LBOM, NULL, { "leaderboards[0].results[0].score", "1.7e+308 is out of range" } },
  { "lbom-id-beyond-64-bits.json", LBOM, NULL, { "leaderboards[0].imports[0].id", "99999999999999999999 is out of range" } },
  { "lbom-duplicate-model-space.json", LBOM, NULL, { "leaderboards[0].models[1]", "“Model A ” is “Model A”", "listed twice" } },
  { "lbom-duplicate-model-nfd.json", LBOM, NULL, { "leaderboards[0].models[2]", "listed twice" } },
};

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autofree char *path = bad_path (bad->file);
  g_auto(Run) run = { 0 };

  if (bad->command == LBOM)
    cli (fixture->db, &run, "import-lbom", path);
  else if (bad->encoding != NULL)
    cli (fixture->db, &run, "import", path, "--leaderboard", "Public", "--encoding", bad->encoding);
  else
    cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, bad->file, (const char **) bad->expected);
  assert_db_unchanged (fixture);

  /* Into a new leaderboard as well: it must not be left behind half made. */
  if (bad->command == IMPORT)
    {
      run_clear (&run);
      if (bad->encoding != NULL)
        cli (fixture->db, &run, "import", path, "--leaderboard", "New", "--encoding", bad->encoding);
      else
        cli (fixture->db, &run, "import", path, "--leaderboard", "New");
      g_assert_cmpint (run.status, ==, 1);
      assert_db_unchanged (fixture);
    }
}

static void
test_corpus_size (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;
      gboolean listed = g_str_has_suffix (name, ".py");

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      /* Committed files stay small; the huge ones are generated by the tests below. */
      g_assert_cmpint (st.st_size, <, 16 * 1024);
      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        listed |= strcmp (bad_files[i].file, name) == 0;
      if (!listed)
        g_error ("tests/data/bad/%s is not in test-hostile.c's table", name);
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
}

/* ---- huge and late-breaking files, generated into the fixture's folder ---- */

static void
write_repeated (const char *path,
                const char *head,
                char        fill,
                gsize       n_fill,
                const char *tail)
{
  FILE *out = fopen (path, "wb");
  char block[64 * 1024];

  g_assert_nonnull (out);
  memset (block, fill, sizeof block);
  fputs (head, out);
  while (n_fill > 0)
    {
      gsize n = MIN (n_fill, sizeof block);

      g_assert_cmpuint (fwrite (block, 1, n, out), ==, n);
      n_fill -= n;
    }
  fputs (tail, out);
  g_assert_cmpint (fclose (out), ==, 0);
}

/* Valid rows up to about @bytes, then @tail (raw bytes, may hold NUL), then more rows. */
static void
write_rows_then (const char *path,
                 const char *head,
                 const char *row,
                 gsize       bytes,
                 const char *tail,
                 gsize       tail_length,
                 guint      *bad_row)
{
  FILE *out = fopen (path, "wb");
  guint rows = 1;

  g_assert_nonnull (out);
  fputs (head, out);
  for (gsize written = strlen (head); written < bytes; written += strlen (row) + 8)
    fprintf (out, "%06u%s", rows++, row);
  fwrite (tail, 1, tail_length, out);
  fputs (",85\r\n", out);
  g_assert_cmpint (fclose (out), ==, 0);
  *bad_row = rows + 1;
}

static void
test_huge_field (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "field-10mb.csv", NULL);
  g_auto(Run) run = { 0 };

  write_repeated (path, "model,JMMLU\r\nA,\"", 'x', 10 * 1024 * 1024, "\"\r\n");
  cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, "field-10mb.csv", (const char *[]) { "row 2, column B", "larger than", NULL });
  assert_db_unchanged (fixture);
}

static void
test_many_columns (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "columns-20000.csv", NULL);
  g_autoptr(GString) text = g_string_new ("model");
  g_auto(Run) run = { 0 };

  for (guint i = 1; i < 20000; i++)
    g_string_append_printf (text, ",B%u", i);
  g_string_append (text, "\r\nA");
  for (guint i = 1; i < 20000; i++)
    g_string_append (text, ",1");
  g_string_append (text, "\r\n");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, "columns-20000.csv",
                  (const char *[]) { "row 1", "20000 columns", "16384", NULL });
  assert_db_unchanged (fixture);
}

static void
test_huge_line (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "line-100mb.csv", NULL);
  g_auto(Run) run = { 0 };

  write_repeated (path, "", 'x', 100 * 1024 * 1024, "");
  cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, "line-100mb.csv", (const char *[]) { "row 1, column A", "larger than", NULL });
  assert_db_unchanged (fixture);
}

static void
test_late_nul (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "late-nul.csv", NULL);
  g_autofree char *row = NULL;
  g_auto(Run) run = { 0 };
  guint bad_row = 0;

  write_rows_then (path, "model,JMMLU\r\n", ",85.3\r\n", 2 * 1024 * 1024, "Bad\0Row", 7, &bad_row);
  row = g_strdup_printf ("row %u", bad_row);
  cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, "late-nul.csv", (const char *[]) { row, "NUL", NULL });
  assert_db_unchanged (fixture);
}

static void
test_late_invalid_utf8 (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "late-invalid.csv", NULL);
  g_autofree char *row = NULL;
  g_auto(Run) run = { 0 };
  guint bad_row = 0;

  /* The byte order mark settles UTF-8, so a bad byte 2 MB later is an error, not a switch. */
  write_rows_then (path, "\xEF\xBB\xBFモデル,JMMLU\r\n", "モデル,85.3\r\n", 2 * 1024 * 1024,
                   "Bad\xC3\x28Row", 8, &bad_row);
  row = g_strdup_printf ("row %u, column A", bad_row);
  cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, "late-invalid.csv", (const char *[]) { row, "bytes C3", NULL });
  assert_db_unchanged (fixture);
}

static void
test_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "folder.csv", NULL);
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  cli (fixture->db, &run, "import", path, "--leaderboard", "Public");
  assert_refused (&run, "folder.csv", (const char *[]) { "directory", NULL });
  assert_db_unchanged (fixture);
}

static void
test_lbom_deep (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "deep.json", NULL);
  g_auto(Run) run = { 0 };

  /* Far deeper than any recursive parser's stack would survive. */
  write_repeated (path, "{\"format\": \"lbom\", \"version\": 1, \"leaderboards\": ", '[', 1000000, "");
  cli (fixture->db, &run, "import-lbom", path);
  assert_refused (&run, "deep.json", (const char *[]) { "levels deep", "at most 7", NULL });
  assert_db_unchanged (fixture);
}

static void
test_lbom_huge (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_auto(Run) run = { 0 };
  int fd;

  /* A sparse file: refused by its size, before a byte of it is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  cli (fixture->db, &run, "import-lbom", path);
  assert_refused (&run, "huge.json", (const char *[]) { "may be at most", NULL });
  assert_db_unchanged (fixture);
}

/* A device has no size to refuse it by (st_size is 0): the read itself stops at the limit. */
static void
test_lbom_device (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };

  cli (fixture->db, &run, "import-lbom", "/dev/zero");
  assert_refused (&run, "zero", (const char *[]) { "is larger than", "the most an LBOM file may be", NULL });
  assert_db_unchanged (fixture);
}

static void
test_lbom_exists (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "public.lbom", NULL);
  g_auto(Run) run = { 0 };

  cli (fixture->db, &run, "export", "Public", "--format", "lbom", "-o", path);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  assert_db_unchanged (fixture);
  cli (fixture->db, &run, "import-lbom", path);
  assert_refused (&run, "public.lbom", (const char *[]) { "“Public” already exists", NULL });
  assert_db_unchanged (fixture);
}

/* ---- database faults: the file is refused or the write fails, nothing is overwritten ---- */

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Runs a reading and a writing command on @path; both must be refused with @expected and
 * leave the file as it was. */
static void
assert_db_refused (Fixture     *fixture,
                   const char  *path,
                   const char **expected)
{
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *good = import_path ("long.csv");
  g_autofree char *name = g_path_get_basename (path);
  g_auto(Run) run = { 0 };

  cli (path, &run, "list", NULL);
  assert_refused (&run, name, expected);
  run_clear (&run);
  cli (path, &run, "import", good, "--leaderboard", "Other");
  assert_refused (&run, name, expected);
  run_clear (&run);
  cli (path, &run, "set", "Public", "--owner", "Somebody");
  assert_refused (&run, name, expected);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_db_not_a_database (Fixture *fixture, gconstpointer data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "scores.db", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "contacts.db", NULL);

  g_assert_true (g_file_set_contents (text, "model,JMMLU\nA,85\n", -1, NULL));
  assert_db_refused (fixture, text, (const char *[]) { "not a Leaderboard database", NULL });
  g_assert_true (g_file_set_contents (garbage, "SQLite format 3\0garbage garbage garbage", 40, NULL));
  assert_db_refused (fixture, garbage, (const char *[]) { "not a Leaderboard database", NULL });
  raw_exec (other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_db_refused (fixture, other, (const char *[]) { "database of another program", NULL });
}

static void
test_db_newer_schema (Fixture *fixture, gconstpointer data)
{
  raw_exec (fixture->db, "PRAGMA user_version = 99;");
  assert_db_refused (fixture, fixture->db, (const char *[]) { "newer version of Leaderboard", NULL });
}

static void
test_db_read_only (Fixture *fixture, gconstpointer data)
{
  g_autofree char *good = import_path ("long.csv");
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_chmod (fixture->db, 0444), ==, 0);
  /* A command that only reads opens it read-only: it works, and changes nothing. */
  cli (fixture->db, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Public"));
  run_clear (&run);
  cli (fixture->db, &run, "import", good, "--leaderboard", "Other");
  assert_refused (&run, "team.db", (const char *[]) { "read-only", NULL });
  run_clear (&run);
  cli (fixture->db, &run, "set", "Public", "--owner", "Somebody");
  assert_refused (&run, "team.db", (const char *[]) { "read-only", NULL });
  /* A reader may leave an empty -wal beside a file it may not write: the file is as it was. */
  after = file_sha256 (fixture->db);
  g_assert_cmpstr (after, ==, fixture->db_sha256);
  g_chmod (fixture->db, 0644);
}

static void
test_db_locked (Fixture *fixture, gconstpointer data)
{
  g_autofree char *good = import_path ("wide-cp932.csv");
  g_auto(Run) run = { 0 };
  sqlite3 *db = NULL;

  /* Another process (this one) holds the write lock for longer than the CLI waits. */
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  cli (fixture->db, &run, "import", good, "--leaderboard", "Other");
  assert_refused (&run, "team.db", (const char *[]) { "in use by another program", NULL });
  run_clear (&run);
  cli (fixture->db, &run, "set", "Public", "--owner", "Somebody");
  assert_refused (&run, "team.db", (const char *[]) { "in use by another program", NULL });
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_db_unchanged (fixture);
}

static void
test_db_damaged (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* The first half of a real database: the header promises pages that are gone. */
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  g_assert_true (g_file_set_contents (path, contents, (gssize) (length / 2), NULL));
  assert_db_refused (fixture, path, (const char *[]) { "damaged", NULL });
}

static void
test_db_disk_full (Fixture *fixture, gconstpointer data)
{
  g_autofree char *big = g_build_filename (fixture->dir, "big.csv", NULL);
  g_autofree char *purpose = g_strnfill (60 * 1024, 'p');  /* under the bound of a field */
  g_autoptr(GString) text = g_string_new ("model,B1,B2,B3,B4,B5\r\n");
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "Model %u,%u.5,%u.1,%u.2,%u.3,%u.4\r\n", i, i % 90, i % 80, i % 70,
                            i % 60, i % 50);
  g_assert_true (g_file_set_contents (big, text->str, (gssize) text->len, NULL));

  /* No file may grow past 48 KiB: the write-ahead log fills up at the commit. */
  file_size_limit = 48 * 1024;
  cli (fixture->db, &run, "import", big, "--leaderboard", "Public");
  assert_refused (&run, "team.db", (const char *[]) { "is full", NULL });
  assert_db_unchanged (fixture);
  run_clear (&run);
  cli (fixture->db, &run, "set", "Public", "--purpose", purpose, "--owner", "Somebody");
  assert_refused (&run, "team.db", (const char *[]) { "Nothing was changed", "is full", NULL });
  assert_db_unchanged (fixture);
  run_clear (&run);
  file_size_limit = 0;
  cli (fixture->db, &run, "show", "Public");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Sato"));
  g_assert_null (strstr (run.out, "Somebody"));
}

/* ---- security ---- */

/* Cells that Excel would run as formulas come back from an export as text. */
static void
test_formula_injection (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "formulas.csv", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autofree char *exported = NULL;
  static const char *const cells[] = {
    "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", "'+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0",
    "'@SUM(1+1)*cmd|' /C calc'!A0", "'＝1+1",
  };
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path,
    "model,provider,JMMLU\r\n"
    "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Acme,85\r\n"
    "\"+cmd|' /C calc'!A0\",Acme,80\r\n"
    "\"-2+3+cmd|' /C calc'!A0\",Acme,70\r\n"
    "\"@SUM(1+1)*cmd|' /C calc'!A0\",Acme,60\r\n"
    "＝1+1,Acme,50\r\n", -1, NULL));
  cli (fixture->db, &run, "import", path, "--leaderboard", "Formulas");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture->db, &run, "export", "Formulas", "--format", "csv", "-o", out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    if (strstr (exported, cells[i]) == NULL)
      g_error ("the export does not hold %s as text:\n%s", cells[i], exported);
  /* No line starts a cell with a bare formula character. */
  g_assert_null (strstr (exported, "\n="));
  g_assert_null (strstr (exported, "\n+"));
  g_assert_null (strstr (exported, "\n@"));
  g_assert_null (strstr (exported, ",=HYPERLINK"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  g_unsetenv ("LEADERBOARD_DB");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/corpus/at-least-30-small-files", test_corpus_size);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/%s/%s",
                                               bad_files[i].command == LBOM ? "lbom" : "csv",
                                               bad_files[i].file);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hostile/csv/generated/field-10mb", test_huge_field);
  ADD ("/hostile/csv/generated/columns-20000", test_many_columns);
  ADD ("/hostile/csv/generated/line-100mb", test_huge_line);
  ADD ("/hostile/csv/generated/nul-after-2mb", test_late_nul);
  ADD ("/hostile/csv/generated/invalid-utf8-after-2mb", test_late_invalid_utf8);
  ADD ("/hostile/csv/generated/folder", test_folder);
  ADD ("/hostile/lbom/generated/nested-1000000-deep", test_lbom_deep);
  ADD ("/hostile/lbom/generated/300mb", test_lbom_huge);
  ADD ("/hostile/lbom/generated/leaderboard-exists", test_lbom_exists);
  ADD ("/hostile/lbom/generated/dev-zero", test_lbom_device);
  ADD ("/hostile/db/not-a-database", test_db_not_a_database);
  ADD ("/hostile/db/newer-schema", test_db_newer_schema);
  ADD ("/hostile/db/read-only", test_db_read_only);
  ADD ("/hostile/db/locked", test_db_locked);
  ADD ("/hostile/db/damaged", test_db_damaged);
  ADD ("/hostile/db/disk-full", test_db_disk_full);
  ADD ("/hostile/security/csv-formula-injection", test_formula_injection);
#undef ADD
  return g_test_run ();
}
