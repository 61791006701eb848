/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-choice.c: leaderboard-cli profile, and what compare and report compare — the
 * choice saved on the Compare page, with flags over it */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "lb-compare.h"

typedef struct {
  char  *dir;
  char  *db;
  gint64 lb;
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

/* Runs leaderboard-cli --db <fixture db> ARGS… */
static void
cli (Fixture    *fixture,
     Run        *run,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return squeeze (out);
}

static gint64
model_id (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (fixture->db, &error);
  g_autoptr(GPtrArray) models = NULL;

  g_assert_no_error (error);
  models = lb_store_list_models (store, fixture->lb, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < models->len; i++)
    if (g_strcmp0 (((LbModel *) g_ptr_array_index (models, i))->name, name) == 0)
      return ((LbModel *) g_ptr_array_index (models, i))->id;
  g_assert_not_reached ();
}

/* The sheet as Japanese Excel saves it: CP932 without BOM, CRLF. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "import", "wide-cp932.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  fixture->dir = g_dir_make_tmp ("lb-cli-choice-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "lb.db", NULL);
  cli (fixture, &run, "import", csv, "--leaderboard", "評価 2026", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(LbStore) store = lb_store_open (fixture->db, &error);
    g_autoptr(LbLeaderboard) lb = NULL;

    g_assert_no_error (error);
    lb = lb_store_find_leaderboard (store, "評価 2026", &error);
    g_assert_no_error (error);
    fixture->lb = lb->id;
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "r.pdf", NULL);

  g_remove (pdf);
  g_remove (fixture->db);
  {
    g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

/* ---- profile list|show|create|delete ---- */

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  cli (fixture, &run, "profile", "list", "評価 2026", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "has no decision profiles yet");

  cli (fixture, &run, "profile", "create", "評価 2026", "正確さ重視", "--weight", "JMMLU=2",
       "--weight", "MT-bench=0.5", "--description", "問い合わせ対応", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Created the profile “正確さ重視”");
  assert_contains (run.out, "JMMLU     2");
  assert_contains (run.out, "MT-bench  0.5");
  /* What the profile leaves out weighs 0, and it says so. */
  assert_contains (run.out, "Not in the profile, so weight 0: “レイテンシ(ms)”.");

  cli (fixture, &run, "profile", "list", "評価 2026", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "正確さ重視\tJMMLU=2, MT-bench=0.5");
  cli (fixture, &run, "profile", "show", "評価 2026", "正確さ重視", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "問い合わせ対応");

  /* Mistakes: a clear message, and the database is not changed. */
  before = file_sha256 (fixture->db);
  {
    static const struct { const char *args[9]; int status; const char *message; } cases[] = {
      { { "profile", "create", "評価 2026", "正確さ重視", "--weight", "JMMLU=1", NULL }, 1,
        "already has a profile named “正確さ重視”. Give --replace" },
      { { "profile", "create", "評価 2026", "X", "--weight", "MT-bench=0,5", NULL }, 2,
        "The weight “0,5” of “MT-bench” is not a number of 0 or more" },
      { { "profile", "create", "評価 2026", "X", "--weight", "JMMLU", NULL }, 2, "is not a weight" },
      { { "profile", "create", "評価 2026", "X", "--weight", "JMMLU=-1", NULL }, 2, "not a number of 0 or more" },
      { { "profile", "create", "評価 2026", "X", "--weight", "Nope=1", NULL }, 1,
        "“Nope”, which is not a benchmark of this leaderboard" },
      { { "profile", "create", "評価 2026", "X", "--weight", "JMMLU=0", NULL }, 1, "the weight 0" },
      { { "profile", "create", "評価 2026", "X", "--weight", "JMMLU=1", "--weight", "JMMLU=2", NULL }, 2,
        "weighed twice" },
      { { "profile", "create", "評価 2026", "X", NULL }, 2, "A profile needs weights" },
      { { "profile", "show", "評価 2026", "Y", NULL }, 1, "The profiles of this leaderboard are: “正確さ重視”" },
      { { "profile", "delete", "評価 2026", "Y", NULL }, 1, "There is no profile named “Y”" },
      { { "profile", "list", "Nope", NULL }, 1, "No leaderboard named “Nope”" },
      { { "profile", "rename", "評価 2026", "Y", NULL }, 2, "Usage" },
      { { "profile", "show", "評価 2026", NULL }, 2, "Usage" },
      { { "profile", "list", "評価 2026", "--weight", "JMMLU=1", NULL }, 2, "go with “profile create” only" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) argv = g_ptr_array_new ();

        for (guint j = 0; cases[i].args[j] != NULL; j++)
          g_ptr_array_add (argv, (char *) cases[i].args[j]);
        while (argv->len < 8)
          g_ptr_array_add (argv, NULL);
        cli (fixture, &run, argv->pdata[0], argv->pdata[1], argv->pdata[2], argv->pdata[3],
             argv->pdata[4], argv->pdata[5], argv->pdata[6], argv->pdata[7], NULL);
        if (run.status != cases[i].status)
          g_error ("case %u: status %d, stderr: %s", i, run.status, run.err);
        assert_contains (run.err, cases[i].message);
      }
  }
  after = file_sha256 (fixture->db);
  g_assert_cmpstr (before, ==, after);

  cli (fixture, &run, "profile", "create", "評価 2026", "正確さ重視", "--weight", "JMMLU=3", "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Replaced the profile");
  cli (fixture, &run, "profile", "list", "評価 2026", NULL);
  assert_contains (run.out, "正確さ重視\tJMMLU=3\n");

  cli (fixture, &run, "profile", "delete", "評価 2026", "正確さ重視", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli (fixture, &run, "profile", "list", "評価 2026", NULL);
  assert_contains (run.out, "has no decision profiles yet");
}

/* ---- compare and report: the saved choice, and flags over it ---- */

static void
save_choice (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (fixture->db, &error);
  g_autoptr(LbCompareChoice) choice = lb_compare_choice_new (fixture->lb);
  gint64 gpt = model_id (fixture, "GPT-4o");
  gint64 llama = model_id (fixture, "Llama 3.1 70B");

  g_assert_no_error (error);
  g_array_append_val (choice->model_ids, gpt);
  g_array_append_val (choice->model_ids, llama);
  choice->baseline_id = llama;
  choice->profile = g_strdup ("正確さ重視");
  choice->include_partial = TRUE;
  g_assert_true (lb_store_put_compare_choice (store, choice, &error));
  g_assert_no_error (error);
}

static void
test_compare_saved (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  cli (fixture, &run, "profile", "create", "評価 2026", "正確さ重視", "--weight", "JMMLU=2", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Nothing saved: all models, equal weights, and nothing said about a saved choice. */
  cli (fixture, &run, "compare", "評価 2026", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "\"profile\" : null");
  assert_contains (run.out, "ELYZA-japanese");
  g_assert_null (strstr (run.err, "last chosen"));

  save_choice (fixture);
  cli (fixture, &run, "compare", "評価 2026", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.err, "comparing as the Compare page last showed it");
  assert_contains (run.out, "\"profile\" : \"正確さ重視\"");
  assert_contains (run.out, "\"include_partial\" : true");
  g_assert_null (strstr (run.out, "ELYZA-japanese"));
  g_assert_null (strstr (run.out, "Claude"));

  /* Flags override, one by one. */
  cli (fixture, &run, "compare", "評価 2026", "--json", "--all-models", "--equal-weights",
       "--exclude-partial", "--normalization", "declared-scale", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "ELYZA-japanese");
  assert_contains (run.out, "\"profile\" : null");
  assert_contains (run.out, "\"include_partial\" : false");
  assert_contains (run.out, "\"normalization\" : \"declared-scale\"");

  /* Other models than the saved baseline's: the first is the baseline, and it says so; the
   * table is headed by the line that says which comparison it is. */
  cli (fixture, &run, "compare", "評価 2026", "--models", "GPT-4o,Claude 3.5 Sonnet", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.err, "The saved baseline is not among the models given");
  assert_contains (run.out, "評価 2026\nThis comparison: 2 models (");
  assert_contains (run.out, "); baseline “");

  cli (fixture, &run, "compare", "評価 2026", "--json", "--ignore-saved", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.err, "last chosen"));
  assert_contains (run.out, "ELYZA-japanese");

  /* The saved profile deleted: equal weights, said on stderr. */
  cli (fixture, &run, "profile", "delete", "評価 2026", "正確さ重視", NULL);
  cli (fixture, &run, "compare", "評価 2026", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.err, "The saved decision profile “正確さ重視” no longer exists");
  assert_contains (run.out, "\"profile\" : null");

  /* Flags that contradict each other: usage errors. */
  cli (fixture, &run, "compare", "評価 2026", "--include-partial", "--exclude-partial", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "say opposite things");
  cli (fixture, &run, "compare", "評価 2026", "--normalization", "z-score", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "Unknown normalization “z-score”");
}

static void
test_report_flags (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pdf = g_build_filename (fixture->dir, "r.pdf", NULL);
  g_autofree char *text = NULL;

  cli (fixture, &run, "profile", "create", "評価 2026", "正確さ重視", "--weight", "JMMLU=2",
       "--weight", "MT-bench=1", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The flags the report did not have. */
  cli (fixture, &run, "report", "評価 2026", "-o", pdf, "--include-partial", "--baseline", "Llama 3.1 70B",
       "--normalization", "declared-scale", "--profile", "正確さ重視", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  assert_contains (text, "baseline“Llama3.170B”;decisionprofile“正確さ重視”;partialmodelsgetacompositeovertheir"
                         "ownbenchmarks;rescaledagainstdeclaredscales.");
  g_clear_pointer (&text, g_free);

  /* Without flags: the saved choice. */
  save_choice (fixture);
  cli (fixture, &run, "report", "評価 2026", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.err, "comparing as the Compare page last showed it");
  text = pdf_text (pdf);
  assert_contains (text, "Thiscomparison:2models(GPT-4o,Llama3.170B);baseline“Llama3.170B”;decisionprofile“正確さ重視”;");
  g_clear_pointer (&text, g_free);

  cli (fixture, &run, "report", "評価 2026", "-o", pdf, "--exclude-partial", "--baseline", "GPT-4o", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  assert_contains (text, "baseline“GPT-4o”;decisionprofile“正確さ重視”;thecompositeonlyoverbenchmarkseverymodelhas");

  cli (fixture, &run, "report", "評価 2026", "-o", pdf, "--baseline", "Nobody", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "has no model named “Nobody”");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli-choice/profile", Fixture, NULL, fixture_set_up, test_profile, fixture_tear_down);
  g_test_add ("/cli-choice/compare-saved", Fixture, NULL, fixture_set_up, test_compare_saved, fixture_tear_down);
  g_test_add ("/cli-choice/report-flags", Fixture, NULL, fixture_set_up, test_report_flags, fixture_tear_down);
  return g_test_run ();
}
