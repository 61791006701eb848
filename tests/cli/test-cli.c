/* SPDX-License-Identifier: GPL-3.0-or-later */
/* End-to-end tests of leaderboard-cli on files written as Excel writes them. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>

#include "../util/xlsx-fixture.h"
#include "lb-store-private.h"

typedef struct {
  char *dir;
  char *db;
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

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static void cli_valist (const char *db, Run *run, const char *first, va_list args);

/* Runs leaderboard-cli --db <fixture db> ARGS… */
static void
cli (Fixture    *fixture,
     Run        *run,
     const char *first,
     ...)
{
  va_list args;

  va_start (args, first);
  cli_valist (fixture->db, run, first, args);
  va_end (args);
}

/* Runs leaderboard-cli --db DB ARGS… */
static void
cli_db (const char *db,
        Run        *run,
        const char *first,
        ...)
{
  va_list args;

  va_start (args, first);
  cli_valist (db, run, first, args);
  va_end (args);
}

/* When set, the next command runs as on a full disk: no file of it may grow. */
static gboolean full_disk;

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 0, 0 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
cli_valist (const char *db,
            Run        *run,
            const char *first,
            va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               full_disk ? limit_file_size : NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("lb-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static void
test_import_show_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-cp932.csv");
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "CP932"));
  g_assert_nonnull (strstr (run.out, "comma"));
  g_assert_nonnull (strstr (run.out, "wide"));
  g_assert_nonnull (strstr (run.out, "Imported 9 results from 4 rows into “Vendors”."));
  g_assert_nonnull (strstr (run.out, "row 4, column F (MT-bench)"));
  run_clear (&run);

  cli (fixture, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Vendors\t4 models, 3 benchmarks, 9 results"));
  run_clear (&run);

  cli (fixture, &run, "show", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "↓ レイテンシ(ms)"));
  g_assert_nonnull (strstr (run.out, "↑ JMMLU (%)"));
  g_assert_nonnull (strstr (run.out, "GPT-4o, version 2024-08-06, by OpenAI"));
  g_assert_nonnull (strstr (run.out, "wide-cp932.csv"));
}

/* The list of commands says that import reads workbooks and result files too, not only CSV. */
static void
test_help_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Import a CSV file, an Excel workbook or a result file (JSON)"));
}

static void
test_import_twice_refused_unchanged (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = data_path ("long.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", path, "--leaderboard", "Public", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  before = file_sha256 (fixture->db);
  cli (fixture, &run, "import", path, "--leaderboard", "Public", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already imported"));
  g_assert_nonnull (strstr (run.err, "use --force"));
  after = file_sha256 (fixture->db);
  g_assert_cmpstr (before, ==, after);
  run_clear (&run);

  cli (fixture, &run, "import", path, "--leaderboard", "Public", "--force", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-utf8-bom.csv");
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "UTF-8-BOM"));
  g_assert_nonnull (strstr (run.out, "would import 9 results"));
  run_clear (&run);

  cli (fixture, &run, "show", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No leaderboard named “Vendors”"));
  /* "nothing was written": not even an empty database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* A dry run upgraded an older database (and left a .bak-N) although it said nothing was
 * written. It refuses instead, and the file and its folder stay as they were. */
static void
test_import_dry_run_old_database (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-utf8-bom.csv");
  g_autofree char *backup = g_strconcat (fixture->db, ".bak-1", NULL);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open_at_version (fixture->db, 1, &error);
  g_auto(Run) run = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (lb_store_create_leaderboard (store, "Vendors", &error), >, 0);
  g_clear_object (&store);
  before = file_sha256 (fixture->db);

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "older version of Leaderboard"));
  g_assert_nonnull (strstr (run.err, "--dry-run"));
  after = file_sha256 (fixture->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  /* A reader of a WAL database may leave an empty -wal, never one with content. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

/* Commands that only read open the database read-only: they work on a file the user
 * made read-only, and change nothing in it. */
/* Issue 16.4: who produced a sheet's numbers is said at import and kept with it; a value
 * that is none of the three is refused before anything is read. */
static void
test_import_provenance (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-cp932.csv");
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", "--provenance", "vendors", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Unknown provenance “vendors”. Use vendor"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  run_clear (&run);

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", "--provenance", "third-party", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Provenance:  Reported by a third party\n"));
  run_clear (&run);
  cli (fixture, &run, "export", "Vendors", "--format", "lbom", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"provenance\" : \"third-party\""));
}

static void
test_read_only_commands (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-cp932.csv");
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpint (g_chmod (fixture->db, 0444), ==, 0);
  before = file_sha256 (fixture->db);

  cli (fixture, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Vendors\t4 models"));
  run_clear (&run);
  cli (fixture, &run, "show", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "export", "Vendors", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "compare", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "report", "Vendors", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  after = file_sha256 (fixture->db);
  g_assert_cmpstr (before, ==, after);

  /* A write is still refused, saying why. */
  cli (fixture, &run, "set", "Vendors", "--owner", "佐藤", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_cmpint (g_chmod (fixture->db, 0644), ==, 0);
}

/* On a full disk a command said "disk I/O error … check that the folder exists": even a
 * reader needs the WAL index. It says the disk is full, and changes nothing. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-cp932.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  const char *const commands[][4] = {
    { "list", NULL },
    { "show", "Vendors", NULL },
    { "set", "Vendors", "--owner=佐藤", NULL },
  };

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  before = file_sha256 (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      full_disk = TRUE;
      cli (fixture, &run, commands[i][0], commands[i][1], commands[i][2], NULL);
      full_disk = FALSE;
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "is full"));
      g_assert_null (strstr (run.err, "I/O error"));
      run_clear (&run);
    }
  after = file_sha256 (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_xlsx_sheet (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *names[] = { "Q1", "Q2 scores" };
  const char *sheets[] = {
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Model</t></is></c><c t=\"inlineStr\"><is><t>MMLU</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>A</t></is></c><c><v>1</v></c></row></sheetData>",
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Model</t></is></c><c t=\"inlineStr\"><is><t>MMLU</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>A</t></is></c><c><v>2.5</v></c></row>"
    "<row r=\"3\"><c t=\"inlineStr\"><is><t>B</t></is></c><c t=\"e\"><v>#DIV/0!</v></c></row></sheetData>",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "scores.xlsx", NULL);
  g_auto(Run) run = { 0 };

  xlsx_write_workbook (path, 2, names, sheets, NULL, NULL, FALSE);
  /* Two sheets hold a table: the command asks which, and writes nothing. */
  cli (fixture, &run, "import", path, "--leaderboard", "Book", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--sheet"));
  g_assert_nonnull (strstr (run.err, "“Q1”, “Q2 scores”"));
  run_clear (&run);
  cli (fixture, &run, "list", NULL);
  g_assert_null (strstr (run.out, "Book"));
  run_clear (&run);

  cli (fixture, &run, "import", path, "--leaderboard", "Book", "--sheet", "Q2 scores", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Q2 scores (chosen)"));
  g_assert_nonnull (strstr (run.out, "Imported 1 result from 2 rows into “Book”."));
  g_assert_nonnull (strstr (run.out, "'Q2 scores'!B3 (MMLU)"));
  g_assert_nonnull (strstr (run.out, "#DIV/0!"));
  run_clear (&run);

  cli (fixture, &run, "import", path, "--leaderboard", "Book", "--sheet", "Q9", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no sheet “Q9”"));
}

/* Writes @text (UTF-8, LF) into the fixture's folder as Japanese Excel saves it: CP932, CRLF. */
static char *
write_cp932 (Fixture    *fixture,
             const char *name,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  gsize len = 0;
  g_autofree char *cp932 = g_convert (crlf, -1, "CP932", "UTF-8", NULL, &len, NULL);
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_nonnull (cp932);
  g_assert_true (g_file_set_contents (path, cp932, len, NULL));
  return path;
}

/* Issue 12: November's sheet is the new version of October's. */
static void
test_sheet_versions (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *oct = write_cp932 (fixture, "oct.csv",
    "モデル名,バージョン,提供元,JMMLU,MT-bench,レイテンシ(ms),備考\n"
    "GPT-4o,2024-08-06,OpenAI,80.1,8.9,450,API\n"
    "cotomi Pro,1.0,NEC,75.2,8.1,330,社内評価\n"
    "Llama 3.1 70B,3.1,Meta,70.3,7.8,520,オープン\n"
    "Claude 3.5 Sonnet,20240620,Anthropic,79.0,8.8,400,API\n");
  g_autofree char *nov = write_cp932 (fixture, "nov.csv",
    "モデル名,バージョン,提供元,JMMLU,MT-bench,レイテンシ(ms),備考\n"
    "GPT-4o,2024-11-20,OpenAI,81.0,9.0,430,API\n"
    "cotomi Pro,1.0,NEC,75.2,8.1,#N/A,レイテンシ再測定中\n"
    "Claude 3.5 Sonnet,20240620,Anthropic,80.5,8.9,390,API\n");
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", oct, "--leaderboard", "社内LLM", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "import", nov, "--leaderboard", "社内LLM", "--mode", "sideways", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Unknown mode “sideways”"));
  run_clear (&run);

  /* Before writing: the mode, why, and what it would change. */
  cli (fixture, &run, "import", nov, "--leaderboard", "社内LLM", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "replace — the new version of the sheet"));
  g_assert_nonnull (strstr (run.out, "same columns as “oct.csv”"));
  g_assert_nonnull (strstr (run.out, "Mode replace: 6 values changed, 1 withdrawn, 1 model no longer listed, 0 new models, 0 new benchmarks."));
  run_clear (&run);
  cli (fixture, &run, "import", nov, "--leaderboard", "社内LLM", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Mode replace: 6 values changed, 1 withdrawn"));
  run_clear (&run);

  cli (fixture, &run, "compare", "社内LLM", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "— withdrawn in [2:F3]; was 330 ms [1:F3]"));
  g_assert_null (strstr (run.out, "Llama 3.1 70B  "));
  g_assert_nonnull (strstr (run.out, "1 model is no longer listed"));
  run_clear (&run);
  cli (fixture, &run, "compare", "社内LLM", "--include-unlisted", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Llama 3.1 70B"));
  run_clear (&run);

  cli (fixture, &run, "changes", "社内LLM", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "9 changes in the newest import (#2)"));
  g_assert_nonnull (strstr (run.out, "No longer listed: Llama 3.1 70B"));
  g_assert_nonnull (strstr (run.out, "GPT-4o: version 2024-08-06 → 2024-11-20"));
  g_assert_nonnull (strstr (run.out, "cotomi Pro, レイテンシ(ms): 330 [1:F3] → withdrawn in [2:F3] (“#N/A”)"));
  g_assert_nonnull (strstr (run.out, "GPT-4o, JMMLU: 80.1 [1:D2] → 81.0 [2:D2]"));
  run_clear (&run);
  cli (fixture, &run, "changes", "社内LLM", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"kind\" : \"withdrawn\""));
  g_assert_nonnull (strstr (run.out, "\"from_import\" : 1"));
  run_clear (&run);
  cli (fixture, &run, "changes", "社内LLM", "--since-review", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "has not been marked as reviewed"));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = data_path ("long.csv");
  g_autofree char *no_scores = data_path ("no-scores.csv");
  g_autofree char *xlsx = g_build_filename (fixture->dir, "scores.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  static const char zip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";

  cli (fixture, &run, "import", good, "--leaderboard", "Public", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  before = file_sha256 (fixture->db);

  /* An Excel workbook renamed .csv */
  g_assert_true (g_file_set_contents (xlsx, zip, sizeof zip - 1, NULL));
  cli (fixture, &run, "import", xlsx, "--leaderboard", "Public", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "scores.csv"));
  g_assert_nonnull (strstr (run.err, "xlsx"));
  run_clear (&run);

  cli (fixture, &run, "import", no_scores, "--leaderboard", "Public", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Benchmark score"));
  run_clear (&run);

  cli (fixture, &run, "import", "/nonexistent/file.csv", "--leaderboard", "Public", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "file.csv"));
  run_clear (&run);

  after = file_sha256 (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_set_record (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = data_path ("long.csv");
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "import", path, "--leaderboard", "Public", NULL);
  run_clear (&run);

  cli (fixture, &run, "set", "Public", "--purpose", "Pick the model for the support chatbot",
       "--owner", "Sato Hanako", "--cadence-days", "30", "--pattern", "P1",
       "--procedure", "Copy the vendor numbers.\nCheck the dates.", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Set 5 fields of “Public”."));
  run_clear (&run);

  /* One bad value: nothing of the command is written. */
  cli (fixture, &run, "set", "Public", "--owner", "Somebody Else", "--pattern", "P9", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nothing was changed"));
  run_clear (&run);

  cli (fixture, &run, "show", "Public", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Pick the model for the support chatbot"));
  g_assert_nonnull (strstr (run.out, "Sato Hanako"));
  g_assert_null (strstr (run.out, "Somebody Else"));
  g_assert_nonnull (strstr (run.out, "every 30 days"));
  g_assert_nonnull (strstr (run.out, "P1 External Evaluation Integration"));
  g_assert_nonnull (strstr (run.out, "Check the dates."));
}

/* Drops the "generated_at" line, which differs between two exports. */
static char *
without_generated_at (const char *json)
{
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"generated_at\"") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-cp932.csv");
  g_autofree char *lbom = g_build_filename (fixture->dir, "vendors.lbom.json", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "vendors.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *csv_bytes = NULL;
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  char *saved_db = NULL;  /* borrowed: the fixture owns it */
  g_auto(Run) run = { 0 };
  gsize length = 0;

  cli (fixture, &run, "import", path, "--leaderboard", "Vendors", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "set", "Vendors", "--owner", "佐藤", NULL);
  run_clear (&run);

  cli (fixture, &run, "export", "Vendors", "--format", "lbom", "-o", lbom, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "export", "Vendors", "--format", "lbom", NULL);
  g_assert_cmpint (run.status, ==, 0);
  first = g_steal_pointer (&run.out);
  g_assert_nonnull (strstr (first, "\"format\" : \"lbom\""));
  g_assert_nonnull (strstr (first, "\"raw\" : \"85.3%\""));
  run_clear (&run);

  /* Into another database, and out again: the same document. */
  saved_db = fixture->db;
  fixture->db = other_db;
  cli (fixture, &run, "import-lbom", lbom, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "“Vendors”"));
  run_clear (&run);
  cli (fixture, &run, "export", "Vendors", "--format", "lbom", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *a = without_generated_at (first);
    g_autofree char *b = without_generated_at (run.out);

    g_assert_cmpstr (a, ==, b);
  }
  run_clear (&run);

  /* Importing it again is refused and changes nothing. */
  cli (fixture, &run, "import-lbom", lbom, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Vendors"));
  g_assert_nonnull (strstr (run.err, "Nothing was imported."));
  run_clear (&run);
  fixture->db = saved_db;

  cli (fixture, &run, "export", "Vendors", "--format", "csv", "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &csv_bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (csv_bytes, "\xef\xbb\xbfModel,Version,Provider,JMMLU (%),MT-bench,"));
  g_assert_nonnull (strstr (csv_bytes, "\r\nGPT-4o,2024-08-06,OpenAI,85.3,9.1,420\r\n"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  cli (fixture, &run, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  cli (fixture, &run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_clear (&run);
  cli (fixture, &run, "import", "x.csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  cli (fixture, &run, "import", "x.csv", "--leaderboard", "A", "--encoding", "klingon", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "klingon"));
  run_clear (&run);
  cli (fixture, &run, "set", "A", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* `--db ""` and `--db :memory:` gave SQLite's private databases: "Imported 9 results" and
 * nothing kept. Both are refused before anything is read. */
static void
test_db_not_a_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = data_path ("wide-utf8-bom.csv");
  static const char *const dbs[] = { "", ":memory:" };

  for (guint i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      g_auto(Run) run = { 0 };

      cli_db (dbs[i], &run, "import", path, "--leaderboard", "Vendors", NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_null (strstr (run.out, "Imported"));
      g_assert_nonnull (strstr (run.err, "--db"));
      g_assert_nonnull (strstr (run.err, dbs[i][0] != '\0' ? "“:memory:” is not a database file"
                                                             : "path given with --db is empty"));
    }
}

/* `cat big.csv | leaderboard-cli import /dev/stdin`: a pipe can be read only once, so the
 * preview and the import must see the same bytes: every row, as from the file itself. */
static void
test_import_from_pipe (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.csv", NULL);
  g_autofree char *from_file = g_build_filename (fixture->dir, "from-file.csv", NULL);
  g_autofree char *from_pipe = g_build_filename (fixture->dir, "from-pipe.csv", NULL);
  g_autofree char *quoted_path = NULL;
  g_autofree char *command = NULL;
  g_autofree char *file_csv = NULL;
  g_autofree char *pipe_csv = NULL;
  g_autoptr(GString) csv = g_string_new ("model,JMMLU (%),MT-bench\r\n");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  g_auto(Run) run = { 0 };
  int wait_status = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Model %05u,%u.%u,%u.%u\r\n", i, 40 + i % 60, i % 10, 5 + i % 5, i % 7);
  g_assert_cmpuint (csv->len, >, 64 * 1024 * 4);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));

  quoted_path = g_shell_quote (path);
  {
    g_autofree char *exe = g_shell_quote (g_getenv ("LEADERBOARD_CLI"));
    g_autofree char *db = g_shell_quote (fixture->db);

    command = g_strdup_printf ("cat %s | %s --db %s import /dev/stdin --leaderboard Piped",
                               quoted_path, exe, db);
  }
  argv[2] = command;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run.out, &run.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (WEXITSTATUS (wait_status) != 0)
    g_error ("exit %d: %s", WEXITSTATUS (wait_status), run.err);
  g_assert_nonnull (strstr (run.out, "Imported 40000 results from 20000 rows into “Piped”."));
  run_clear (&run);

  cli (fixture, &run, "import", path, "--leaderboard", "File", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 40000 results from 20000 rows into “File”."));
  run_clear (&run);

  /* The same table, cell for cell. */
  cli (fixture, &run, "export", "Piped", "--format", "csv", "-o", from_pipe, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  cli (fixture, &run, "export", "File", "--format", "csv", "-o", from_file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (from_pipe, &pipe_csv, NULL, NULL));
  g_assert_true (g_file_get_contents (from_file, &file_csv, NULL, NULL));
  g_assert_cmpstr (pipe_csv, ==, file_csv);

  /* The provenance names what the user gave, not a temporary copy. */
  cli (fixture, &run, "show", "Piped", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "stdin"));
  g_assert_null (strstr (run.out, "leaderboard-import-"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/cli/import-show-list", Fixture, NULL, fixture_set_up, test_import_show_list, fixture_tear_down);
  g_test_add ("/cli/help/import", Fixture, NULL, fixture_set_up, test_help_import, fixture_tear_down);
  g_test_add ("/cli/import/provenance", Fixture, NULL, fixture_set_up, test_import_provenance, fixture_tear_down);
  g_test_add ("/cli/import-twice/refused-unchanged", Fixture, NULL, fixture_set_up,
              test_import_twice_refused_unchanged, fixture_tear_down);
  g_test_add ("/cli/import/from-pipe", Fixture, NULL, fixture_set_up, test_import_from_pipe, fixture_tear_down);
  g_test_add ("/cli/import/dry-run", Fixture, NULL, fixture_set_up, test_import_dry_run, fixture_tear_down);
  g_test_add ("/cli/import/sheet-versions", Fixture, NULL, fixture_set_up, test_sheet_versions, fixture_tear_down);
  g_test_add ("/cli/import/xlsx-sheet", Fixture, NULL, fixture_set_up, test_import_xlsx_sheet, fixture_tear_down);
  g_test_add ("/cli/import/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/cli/set", Fixture, NULL, fixture_set_up, test_set_record, fixture_tear_down);
  g_test_add ("/cli/export/round-trip", Fixture, NULL, fixture_set_up, test_export_round_trip, fixture_tear_down);
  g_test_add ("/cli/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/cli/db/not-a-file", Fixture, NULL, fixture_set_up, test_db_not_a_file, fixture_tear_down);
  g_test_add ("/cli/import/dry-run-old-database", Fixture, NULL, fixture_set_up,
              test_import_dry_run_old_database, fixture_tear_down);
  g_test_add ("/cli/db/read-only-commands", Fixture, NULL, fixture_set_up, test_read_only_commands,
              fixture_tear_down);
  g_test_add ("/cli/db/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  return g_test_run ();
}
