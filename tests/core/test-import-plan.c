/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-plan.c: the importer's guesses (header row, summary rows, roles, units, decimal
 * separator) on sheets written as Excel writes them */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <string.h>

#include "lb-importer.h"
#include "lb-header-guess.h"
#include "lb-compare.h"
#include "lb-review-report.h"
#include "lb-lbom.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lb-plan-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Writes @utf8 (rows separated by "\n") as Excel's "CSV" on Japanese Windows: CP932, CRLF,
 * no BOM; with @encoding "UTF-8-BOM" as "CSV UTF-8", or in another @encoding (German Excel:
 * "WINDOWS-1252", "Unicode text": "UTF-16LE" after a BOM given in @utf8). */
static GFile *
write_sheet (Fixture    *f,
             const char *name,
             const char *encoding,
             const char *utf8)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_auto(GStrv) lines = g_strsplit (utf8, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;

  if (g_strcmp0 (encoding, "UTF-8-BOM") == 0)
    {
      bytes = g_strconcat ("\xEF\xBB\xBF", crlf, NULL);
      len = strlen (bytes);
    }
  else
    {
      bytes = g_convert (crlf, -1, encoding != NULL ? encoding : "CP932", "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
    }
  g_file_set_contents (path, bytes, (gssize) len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static LbStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  LbStore *store = lb_store_open (":memory:", &error);

  g_assert_no_error (error);
  lb_store_set_user (store, "Tester");
  return store;
}

static LbColumnSpec *
column_named (LbImporter *importer,
              const char *header)
{
  GPtrArray *columns = lb_importer_get_columns (importer);

  for (guint i = 0; i < columns->len; i++)
    if (g_strcmp0 (((LbColumnSpec *) g_ptr_array_index (columns, i))->header, header) == 0)
      return g_ptr_array_index (columns, i);
  g_error ("no column “%s”", header);
  return NULL;
}

/* The sheet: nobody filled in 備考, so a data row has as many cells as the header
 * would without it. */
static const char cp932_empty_notes[] =
  "モデル名,バージョン,JMMLU,MT-bench,レイテンシ(ms),備考\n"
  "GPT-4o,2024-08-06,85.3,9.1,420,\n"
  "Claude 3.5 Sonnet,20241022,84.9,9.0,510,\n"
  "cotomi Pro,1.0,79.2,8.1,330,\n"
  "Llama 3.1 70B,3.1,71.8,7.9,890,\n";

static void
test_header_empty_notes (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "empty-notes.csv", "CP932", cp932_empty_notes);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  const LbCsvDialect *dialect;

  g_assert_no_error (error);
  dialect = lb_importer_get_dialect (importer);
  g_assert_cmpstr (dialect->encoding, ==, LB_ENCODING_CP932);
  g_assert_cmpuint (dialect->header_record, ==, 1);
  g_assert_true (dialect->header_detected);
  g_assert_cmpuint (dialect->header_alternative, ==, 0);
  g_assert_null (dialect->header_reason);
  g_assert_cmpint (column_named (importer, "モデル名")->role, ==, LB_COLUMN_MODEL);
  g_assert_cmpint (column_named (importer, "バージョン")->role, ==, LB_COLUMN_VERSION);
  g_assert_cmpint (column_named (importer, "JMMLU")->role, ==, LB_COLUMN_SCORE);
  g_assert_false (column_named (importer, "レイテンシ(ms)")->higher_is_better);
  g_assert_cmpuint (lb_importer_get_preview (importer)->len, ==, 4);
  g_assert_true (lb_importer_check (importer, &error));
  g_assert_no_error (error);
}

/* Notes on 3 of 15 rows, in UTF-8 with BOM. */
static void
test_header_some_notes (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) sheet = g_string_new ("モデル名,バージョン,JMMLU,MT-bench,レイテンシ(ms),備考\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;

  for (guint i = 1; i <= 15; i++)
    g_string_append_printf (sheet, "Model %u,2024-%02u-01,%u.5,%u.1,%u,%s\n", i, (i % 12) + 1,
                            60 + i, 5 + i % 4, 300 + 10 * i,
                            i % 5 == 0 ? "再測定予定" : "");
  file = write_sheet (f, "some-notes.csv", "UTF-8-BOM", sheet->str);
  importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_importer_get_dialect (importer)->header_record, ==, 1);
  g_assert_cmpuint (lb_importer_get_preview (importer)->len, ==, 15);
}

/* 59 models × 40 columns, percentages, notes on a few rows. */
static void
test_header_wide_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) sheet = g_string_new ("モデル名");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  GPtrArray *columns;

  for (guint c = 1; c < 39; c++)
    g_string_append_printf (sheet, ",Bench %u", c);
  g_string_append (sheet, ",備考\n");
  for (guint r = 1; r <= 59; r++)
    {
      g_string_append_printf (sheet, "Model %u", r);
      for (guint c = 1; c < 39; c++)
        g_string_append_printf (sheet, ",%u.%u%%", 40 + (r * c) % 50, (r + c) % 10);
      g_string_append_printf (sheet, ",%s\n", r % 17 == 0 ? "preview" : "");
    }
  file = write_sheet (f, "wide.csv", "CP932", sheet->str);
  importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_importer_get_dialect (importer)->header_record, ==, 1);
  columns = lb_importer_get_columns (importer);
  g_assert_cmpuint (columns->len, ==, 40);
  g_assert_cmpstr (((LbColumnSpec *) g_ptr_array_index (columns, 1))->header, ==, "Bench 1");
  g_assert_cmpuint (lb_importer_get_preview (importer)->len, ==, 59);
}

/* A title, a date line and a blank row above the header: the header is row 4, and the
 * dialect says why. */
static void
test_header_below_title (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "title.csv", "CP932",
                                       "2024年11月 LLM評価,,,\n"
                                       "作成: 企画部,2024/11/30,,\n"
                                       ",,,\n"
                                       "モデル名,JMMLU,MT-bench,備考\n"
                                       "GPT-4o,85.3,9.1,\n"
                                       "cotomi Pro,79.2,8.1,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  const LbCsvDialect *dialect;

  g_assert_no_error (error);
  dialect = lb_importer_get_dialect (importer);
  g_assert_cmpuint (dialect->header_record, ==, 4);
  g_assert_nonnull (dialect->header_reason);
  g_assert_nonnull (strstr (dialect->header_reason, "Row 4"));
  g_assert_cmpuint (lb_importer_get_preview (importer)->len, ==, 2);
  g_assert_true (lb_importer_check (importer, &error));
}

/* A header and a units row under it are equally likely: the import refuses to guess, and
 * goes ahead once the row is chosen. */
static void
test_header_ambiguous (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "units-row.csv", "CP932",
                                       "モデル名,JMMLU,MT-bench\n"
                                       "単位,%,点\n"
                                       "GPT-4o,85.3,9.1\n"
                                       "cotomi Pro,79.2,8.1\n");
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  LbImportOutcome outcome = { 0 };
  LbCsvOptions options = { 0 };
  const LbCsvDialect *dialect;

  g_assert_no_error (error);
  dialect = lb_importer_get_dialect (importer);
  g_assert_cmpuint (dialect->header_record, ==, 1);
  g_assert_cmpuint (dialect->header_alternative, ==, 2);
  g_assert_nonnull (strstr (dialect->header_reason, "equally likely"));
  g_assert_false (lb_importer_check (importer, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_HEADER_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "units-row.csv"));
  g_clear_error (&error);
  g_assert_false (lb_importer_run (importer, store, "Vendors", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_HEADER_AMBIGUOUS);
  lb_import_outcome_clear (&outcome);
  g_clear_error (&error);
  g_assert_null (lb_store_find_leaderboard (store, "Vendors", NULL));

  g_clear_object (&importer);
  options.header_record = 1;
  importer = lb_importer_new (file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lb_importer_get_dialect (importer)->header_detected);
  g_assert_true (lb_importer_check (importer, &error));
  g_assert_no_error (error);
}

static LbResult *
result_at (GPtrArray *results,
           guint      row,
           guint      column)
{
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *r = g_ptr_array_index (results, i);

      if (r->source_row == row && r->source_column == column)
        return r;
    }
  g_error ("no result at row %u column %u", row, column);
  return NULL;
}

/* European Excel: decimal commas, dd.mm.yyyy dates and "85,3 %" with a no-break space. */
static void
check_european (Fixture    *f,
                const char *name,
                const char *encoding,
                const char *sheet,
                char        delimiter)
{
  g_autoptr(GFile) file = write_sheet (f, name, encoding, sheet);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  LbImportOutcome outcome = { 0 };
  const LbCsvDialect *dialect;
  LbResult *r;

  g_assert_no_error (error);
  dialect = lb_importer_get_dialect (importer);
  g_assert_cmpint (dialect->delimiter, ==, delimiter);
  g_assert_cmpint (dialect->decimal_separator, ==, ',');
  g_assert_true (dialect->decimal_separator_detected);
  g_assert_cmpuint (dialect->header_record, ==, 1);
  g_assert_cmpint (column_named (importer, "Modell")->role, ==, LB_COLUMN_MODEL);
  g_assert_cmpint (column_named (importer, "Datum")->role, ==, LB_COLUMN_DATE);
  g_assert_cmpint (column_named (importer, "MMLU")->role, ==, LB_COLUMN_SCORE);
  g_assert_cmpint (column_named (importer, "Genauigkeit")->role, ==, LB_COLUMN_SCORE);
  g_assert_cmpstr (column_named (importer, "Genauigkeit")->unit, ==, "%");

  g_assert_true (lb_importer_run (importer, store, "EU", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.results, ==, 4);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  g_assert_no_error (error);
  r = result_at (results, 2, 3);
  g_assert_cmpfloat_with_epsilon (r->score, 0.853, 1e-12);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-05-01");
  r = result_at (results, 3, 4);
  g_assert_cmpfloat_with_epsilon (r->score, 79.1, 1e-12);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-05-02");
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  g_assert_cmpuint (benchmarks->len, ==, 2);
  lb_import_outcome_clear (&outcome);
}

static void
test_decimal_comma_semicolon (Fixture *f, gconstpointer data)
{
  check_european (f, "eu.csv", "WINDOWS-1252",
                  "Modell;Datum;MMLU;Genauigkeit\n"
                  "Modell A;01.05.2024;0,853;85,3\u00A0%\n"
                  "Modell B;02.05.2024;0,791;79,1\u00A0%\n", ';');
}

/* Version numbers ("3.1.2") and dotted dates in a Japanese sheet say nothing for a comma. */
static void
test_decimal_point_with_versions (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "versions.csv", "CP932",
                                       "モデル名;バージョン;評価日;JMMLU\n"
                                       "GPT-4o;1.2.3;2024.5.1;85\n"
                                       "cotomi Pro;2.0.10;2024.5.2;79\n"
                                       "Llama;3.1.0;01.05.2024;71\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lb_importer_get_dialect (importer)->delimiter, ==, ';');
  g_assert_cmpint (lb_importer_get_dialect (importer)->decimal_separator, ==, '.');
}

/* The same in a comma file: Excel quotes the cells with a decimal comma. */
static void
test_decimal_comma_quoted (Fixture *f, gconstpointer data)
{
  check_european (f, "eu-comma.csv", "UTF-8-BOM",
                  "Modell,Datum,MMLU,Genauigkeit\n"
                  "Modell A,01.05.2024,\"0,853\",\"85,3\u00A0%\"\n"
                  "Modell B,02.05.2024,\"0,791\",\"79,1\u00A0%\"\n", ',');
}

/* And as "Unicode text": UTF-16LE with a BOM and tabs. */
static void
test_decimal_comma_utf16 (Fixture *f, gconstpointer data)
{
  check_european (f, "eu.txt", "UTF-16LE",
                  "\uFEFFModell\tDatum\tMMLU\tGenauigkeit\n"
                  "Modell A\t01.05.2024\t0,853\t85,3\u00A0%\n"
                  "Modell B\t02.05.2024\t0,791\t79,1\u00A0%\n", '\t');
}

/* Units in headers, and the direction they give. */
static void
test_units_from_headers (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *header;
    const char *unit;
    gboolean    higher_is_better;
  } cases[] = {
    { "レイテンシ(ms)", "ms", FALSE },
    { "応答時間（秒）", "秒", FALSE },
    { "Time (s)", "s", FALSE },
    { "料金(USD/1Mトークン)", "USD/1Mトークン", FALSE },
    { "Cost ($/1M)", "$/1M", FALSE },
    { "月額(円)", "円", FALSE },
    { "正答率[%]", "%", TRUE },
    { "正解率（％）", "%", TRUE },
    { "JGLUE (v2)", NULL, TRUE },
  };
  g_autoptr(GString) sheet = g_string_new ("モデル名");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GPtrArray) benchmarks = NULL;
  LbImportOutcome outcome = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (sheet, ",%s", cases[i].header);
  g_string_append (sheet, "\nGPT-4o");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (sheet, ",%u.5", 10 + i);
  g_string_append (sheet, "\n");
  file = write_sheet (f, "units.csv", "CP932", sheet->str);
  importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LbColumnSpec *spec = column_named (importer, cases[i].header);

      g_assert_cmpint (spec->role, ==, LB_COLUMN_SCORE);
      g_assert_cmpstr (spec->unit, ==, cases[i].unit);
      g_assert_true (spec->unit_detected);
      g_assert_cmpint (spec->higher_is_better, ==, cases[i].higher_is_better);
      g_assert_true (spec->direction_detected);
    }
  g_assert_true (lb_importer_run (importer, store, "Units", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *b = g_ptr_array_index (benchmarks, i);

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        if (g_strcmp0 (b->name, cases[j].header) == 0)
          {
            g_assert_cmpstr (b->unit, ==, cases[j].unit);
            g_assert_cmpint (b->higher_is_better, ==, cases[j].higher_is_better);
            /* Still a guess: the direction is shown as unconfirmed. */
            g_assert_false (b->direction_confirmed);
          }
    }
  lb_import_outcome_clear (&outcome);
}

/* Standard-error columns, as people spell them, link to their benchmark. */
static void
test_stderr_spellings (Fixture *f, gconstpointer data)
{
  static const char *const spellings[] = {
    "JMMLU標準誤差", "JMMLU 標準誤差", "JMMLU SE", "JMMLU (SE)", "JMMLU ±", "JMMLU_stderr",
    "JMMLU stderr", "ＪＭＭＬＵ（ＳＥ）",
  };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *sheet = g_strdup_printf ("モデル名,JMMLU,%s,MT-bench\n"
                                                "GPT-4o,85.3,0.4,9.1\n"
                                                "cotomi Pro,79.2,0.5,8.1\n", spellings[i]);
      g_autoptr(GFile) file = write_sheet (f, "stderr.csv", "CP932", sheet);
      g_autoptr(GError) error = NULL;
      g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
      LbColumnSpec *spec;

      g_assert_no_error (error);
      spec = g_ptr_array_index (lb_importer_get_columns (importer), 2);
      g_test_message ("%s", spellings[i]);
      g_assert_cmpint (spec->role, ==, LB_COLUMN_STDERR);
      g_assert_cmpuint (spec->stderr_of, ==, 2);
    }
}

/* "Standard error" chosen by hand is linked (by name, else the score column on its left),
 * can be pointed at another benchmark, and is refused without one. */
static void
test_stderr_by_hand (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "stderr-hand.csv", "CP932",
                                       "モデル名,JMMLU,MT-bench,誤差\n"
                                       "GPT-4o,85.3,9.1,0.4\n"
                                       "cotomi Pro,79.2,8.1,0.5\n");
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) results = NULL;
  LbImportOutcome outcome = { 0 };
  LbColumnSpec *spec;
  LbResult *r;

  g_assert_no_error (error);
  spec = column_named (importer, "誤差");
  g_assert_cmpint (spec->role, ==, LB_COLUMN_SCORE);
  lb_importer_set_column_role (importer, 4, LB_COLUMN_STDERR);
  g_assert_cmpuint (spec->stderr_of, ==, 3);
  lb_importer_set_column_stderr_of (importer, 4, 2);
  g_assert_cmpuint (spec->stderr_of, ==, 2);
  g_assert_true (lb_importer_run (importer, store, "SE", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  r = result_at (results, 2, 2);
  g_assert_true (r->has_stderr);
  g_assert_cmpfloat_with_epsilon (r->stderr_value, 0.4, 1e-12);
  g_assert_false (result_at (results, 2, 3)->has_stderr);
  lb_import_outcome_clear (&outcome);

  lb_importer_set_column_stderr_of (importer, 4, 0);
  g_assert_false (lb_importer_check (importer, &error));
  g_assert_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "column D"));
}

static gboolean
warnings_mention (GPtrArray  *warnings,
                  guint       row,
                  const char *text)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      LbWarning *w = g_ptr_array_index (warnings, i);

      if (w->row == row && strstr (w->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_summary_names (void)
{
  static const char *const yes[] = {
    "平均", "合計", "小計", "中央値", "最大", "最小", "標準偏差", "Average", "Mean", "Total",
    "Sum", "Median", "Max", "Min", "Std", "ＡＶＥＲＡＧＥ", "平均：", " 合計 ", "Std. Dev.",
    "平均値", "Grand Total",
  };
  static const char *const no[] = {
    "GPT-4o", "Qwen-Max", "Mistral Medium", "平均的なモデル", "Llama 3.1 70B", "", "Summit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      g_test_message ("%s", yes[i]);
      g_assert_true (lb_summary_name (yes[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      g_test_message ("%s", no[i]);
      g_assert_false (lb_summary_name (no[i]));
    }
}

/* 平均 and 合計 rows at the bottom, and a row of averages with no name for it: none is a
 * model; each is named in a warning; one can be imported anyway. */
static void
test_summary_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "summary.csv", "CP932",
                                       "モデル名,JMMLU,MT-bench,備考\n"
                                       "GPT-4o,85.3,9.1,\n"
                                       "cotomi Pro,79.2,8.1,\n"
                                       "Llama 3.1 70B,71.8,7.9,\n"
                                       "Claude 3.5 Sonnet,84.9,9.0,\n"
                                       "Overall,80.3,8.5,\n"
                                       "平均,80.3,8.5,\n"
                                       "合計,321.2,34.1,\n");
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) models = NULL;
  LbImportOutcome outcome = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (lb_importer_get_row_summary (importer, 2), ==, LB_SUMMARY_NONE);
  g_assert_cmpint (lb_importer_get_row_summary (importer, 5), ==, LB_SUMMARY_NONE);
  g_assert_cmpint (lb_importer_get_row_summary (importer, 6), ==, LB_SUMMARY_MEAN);
  g_assert_cmpint (lb_importer_get_row_summary (importer, 7), ==, LB_SUMMARY_BY_NAME);
  g_assert_cmpint (lb_importer_get_row_summary (importer, 8), ==, LB_SUMMARY_BY_NAME);

  g_assert_true (lb_importer_run (importer, store, "Sum", LB_IMPORT_FLAGS_DRY_RUN, NULL, NULL,
                                  NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.summary_rows, ==, 3);
  g_assert_cmpuint (outcome.models_created, ==, 4);
  g_assert_true (warnings_mention (outcome.warnings, 6, "“Overall” are the averages"));
  g_assert_true (warnings_mention (outcome.warnings, 7, "“平均” is a summary row"));
  g_assert_true (warnings_mention (outcome.warnings, 8, "“合計” is a summary row"));
  lb_import_outcome_clear (&outcome);

  /* "Overall" is a model after all. */
  lb_importer_set_row_forced (importer, 6, TRUE);
  g_assert_true (lb_importer_get_row_forced (importer, 6));
  g_assert_true (lb_importer_run (importer, store, "Sum", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.summary_rows, ==, 2);
  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  g_assert_cmpuint (models->len, ==, 5);
  for (guint i = 0; i < models->len; i++)
    {
      const char *name = ((LbModel *) g_ptr_array_index (models, i))->name;

      g_assert_cmpstr (name, !=, "平均");
      g_assert_cmpstr (name, !=, "合計");
    }
  lb_import_outcome_clear (&outcome);
}

/* A benchmark column that is all "#N/A" is kept, said at import and in the comparison. */
static void
test_empty_benchmark_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "empty-bench.csv", "CP932",
                                       "モデル名,JMMLU,JGLUE,MT-bench,担当\n"
                                       "GPT-4o,85.3,#N/A,9.1,\n"
                                       "cotomi Pro,79.2,#N/A,8.1,\n"
                                       "Llama 3.1 70B,71.8,#N/A,7.9,\n");
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(LbComparison) comparison = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autofree char *text = NULL;
  LbImportOutcome outcome = { 0 };
  gboolean noted = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (column_named (importer, "JGLUE")->role, ==, LB_COLUMN_SCORE);
  /* A column nobody filled in and nobody marked missing is not a benchmark. */
  g_assert_cmpint (column_named (importer, "担当")->role, ==, LB_COLUMN_IGNORE);
  g_assert_true (lb_importer_run (importer, store, "Empty", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.benchmarks_created, ==, 3);
  g_assert_cmpuint (outcome.gaps, ==, 3);
  g_assert_true (warnings_mention (outcome.warnings, 0, "“JGLUE” has no value in any of the 3 rows (covered by 0 of 3)"));
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  g_assert_cmpuint (benchmarks->len, ==, 3);

  comparison = lb_compare_leaderboard (store, outcome.leaderboard_id, options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < comparison->notes->len; i++)
    noted |= strstr (g_ptr_array_index (comparison->notes, i), "“JGLUE” has no value for any of the 3 models compared (covered by 0 of 3)") != NULL;
  g_assert_true (noted);
  text = lb_comparison_to_text (comparison);
  g_assert_nonnull (strstr (text, "covered by 0 of 3"));

  /* And the printed report has the line (as pdftotext reads it, spaces taken out). */
  {
    g_autoptr(LbReviewReportOptions) report_options = lb_review_report_options_new ();
    g_autoptr(LbReport) report = lb_review_report_build (store, outcome.leaderboard_id, report_options, &error);
    g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *out = NULL;
    g_autoptr(GString) squeezed = g_string_new (NULL);
    int status = 0;

    g_assert_no_error (error);
    g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, pdf, &error));
    g_assert_no_error (error);
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, &out, NULL, &status, NULL))
      {
        g_test_skip ("pdftotext is not installed");
        lb_import_outcome_clear (&outcome);
        return;
      }
    for (const char *p = out; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        g_string_append_c (squeezed, *p);
    g_assert_nonnull (strstr (squeezed->str, "“JGLUE”hasnovalueforanyofthe3modelscompared(coveredby0of3)"));
  }
  lb_import_outcome_clear (&outcome);
}

static int run_cli (Fixture *f, char **out, const char *first, ...) G_GNUC_NULL_TERMINATED;

/* A benchmark's number of items is kept with it and gives Compare its binomial standard error. */
static void
test_items_used_by_compare (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "items.csv", "UTF-8-BOM",
                                       "モデル名,正答率[%]\n"
                                       "GPT-4o,85.3\n"
                                       "cotomi Pro,79.2\n");
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(LbComparison) before = NULL;
  g_autoptr(LbComparison) after = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbBenchmark) reread = NULL;
  LbImportOutcome outcome = { 0 };
  const LbCompareCell *cell;
  LbBenchmark *b;

  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, store, "Items", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  b = g_ptr_array_index (benchmarks, 0);
  g_assert_cmpuint (b->n_items, ==, 0);

  before = lb_compare_leaderboard (store, outcome.leaderboard_id, options, &error);
  g_assert_no_error (error);
  g_assert_false (lb_comparison_get_cell (before, 0, 0)->has_stderr);

  g_assert_false (lb_store_set_benchmark_field (store, b->id, LB_BENCHMARK_FIELD_N_ITEMS, "0", &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lb_store_set_benchmark_field (store, b->id, LB_BENCHMARK_FIELD_N_ITEMS, "1000", &error));
  g_assert_no_error (error);
  reread = lb_store_get_benchmark (store, b->id, &error);
  g_assert_cmpuint (reread->n_items, ==, 1000);

  /* It survives an LBOM round trip. */
  {
    g_autofree char *lbom = lb_lbom_export (store, &outcome.leaderboard_id, 1, &error);
    g_autoptr(LbStore) other = new_store ();
    g_autoptr(LbLeaderboard) copy = NULL;
    g_autoptr(GPtrArray) copied = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (strstr (lbom, "\"n_items\" : 1000"));
    g_assert_true (lb_lbom_import (other, lbom, -1, NULL, &error));
    g_assert_no_error (error);
    copy = lb_store_find_leaderboard (other, "Items", &error);
    copied = lb_store_list_benchmarks (other, copy->id, &error);
    g_assert_cmpuint (((LbBenchmark *) g_ptr_array_index (copied, 0))->n_items, ==, 1000);
  }

  after = lb_compare_leaderboard (store, outcome.leaderboard_id, options, &error);
  g_assert_no_error (error);
  cell = lb_comparison_get_cell (after, 0, 0);
  g_assert_true (cell->has_stderr);
  g_assert_true (cell->stderr_binomial);
  /* 100 × sqrt (p (1 − p) / n) for the first model's score. */
  g_assert_cmpfloat_with_epsilon (cell->stderr_value,
                                  100.0 * sqrt (cell->score / 100.0 * (1.0 - cell->score / 100.0) / 1000.0),
                                  1e-9);
  lb_import_outcome_clear (&outcome);
}

static void
test_items_cli (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "items-cli.csv", "CP932",
                                       "モデル名,JMMLU[%]\n"
                                       "GPT-4o,85.3\n"
                                       "cotomi Pro,79.2\n");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *out = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL;

  if (g_getenv ("LEADERBOARD_CLI") == NULL)
    {
      g_test_skip ("LEADERBOARD_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (f, &out, "import", path, "-l", "Vendors", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &out2, "set-benchmark", "Vendors", "JMMLU[%]", "--items", "1000", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &out3, "set-benchmark", "Vendors", "JMMLU[%]", "--items", "many", NULL), ==, 1);
  g_assert_nonnull (strstr (out3, "not a number of items"));
  g_assert_cmpint (run_cli (f, &out4, "compare", "Vendors", NULL), ==, 0);
  g_assert_nonnull (strstr (out4, "±"));
}

/* The CLI refuses to guess and names the option; with it, it imports. */
static int
run_cli (Fixture     *f,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, g_strdup (g_getenv ("LEADERBOARD_CLI")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_build_filename (f->dir, "cli.db", NULL));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, &err, &status, &error));
  g_assert_no_error (error);
  if (out != NULL)
    {
      char *both = g_strconcat (*out, err, NULL);
      g_free (*out);
      *out = both;
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_header_ambiguous_cli (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_sheet (f, "units-row.csv", "CP932",
                                       "モデル名,JMMLU,MT-bench\n"
                                       "単位,%,点\n"
                                       "GPT-4o,85.3,9.1\n");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  if (g_getenv ("LEADERBOARD_CLI") == NULL)
    {
      g_test_skip ("LEADERBOARD_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli (f, &out, "import", path, "-l", "Vendors", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "--header-row 1 or --header-row 2"));
  g_assert_cmpint (run_cli (f, &out2, "import", path, "-l", "Vendors", "--header-row", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "Header row:  1 (chosen)"));
}

/* The guess itself, over records in memory. */
static GPtrArray *
records_from (const char *const *rows)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; rows[i] != NULL; i++)
    g_ptr_array_add (records, g_strsplit (rows[i], strchr (rows[i], ';') != NULL ? ";" : ",", -1));
  return records;
}

static void
test_header_guess_table (void)
{
  static const struct {
    const char *rows[8];
    guint record;
    guint alternative;
  } cases[] = {
    /* No header at all: numbers only; the first row, as before. */
    { { "1,2,3", "4,5,6", NULL }, 1, 0 },
    /* All text: the first full row. */
    { { "a,b,c", "d,e,f", NULL }, 1, 0 },
    /* A header of years over numbers is still the first full row. */
    { { "model,2023,2024", "A,1,2", "B,3,4", NULL }, 1, 0 },
    /* Padding: empty leading rows. */
    { { ",,", ",,", "model,score,date", "A,1,2024/5/1", NULL }, 3, 0 },
    /* A group row over the header names fewer columns. */
    { { ",日本語,,英語", "モデル,JMMLU,JGLUE,MMLU", "A,1,2,3", "B,4,5,6", NULL }, 2, 0 },
    /* A model nobody has measured yet ("未評価" everywhere) is no second header. */
    { { "モデル名,JMMLU,JGLUE,MT-bench", "新モデル,未評価,未評価,未評価", "A,1,2,3", "B,4,5,6", NULL }, 1, 0 },
    /* A row of units in brackets repeats itself: the names above it are the header. */
    { { "モデル名,JMMLU,JGLUE,MT-bench", "単位,(%),(%),(点)", "A,1,2,3", "B,4,5,6", NULL }, 1, 0 },
    /* A row holding as many numbers over number columns as names is no header (fuzz-header). */
    { { "1x,2,3", "4,y,36", NULL }, 1, 0 },
    /* dd.mm.yyyy dates and decimal commas are numbers too. */
    { { "Modell;Datum;MMLU;Genauigkeit", "A;01.05.2024;0,853;85,3\u00A0%", "B;02.05.2024;0,791;79,1\u00A0%", NULL }, 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) records = records_from (cases[i].rows);
      LbHeaderGuess guess;

      lb_header_guess (records, &guess);
      g_assert_cmpuint (guess.record, ==, cases[i].record);
      g_assert_cmpuint (guess.alternative, ==, cases[i].alternative);
    }
}

int
main (int argc, char *argv[])
{
  /* As the app does; pango (the report) reads the locale once. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/import-plan/header/guess-table", test_header_guess_table);
  g_test_add_func ("/import-plan/summary/names", test_summary_names);
  g_test_add ("/import-plan/summary/rows", Fixture, NULL, fixture_set_up, test_summary_rows, fixture_tear_down);
  g_test_add ("/import-plan/header/empty-notes-cp932", Fixture, NULL, fixture_set_up, test_header_empty_notes, fixture_tear_down);
  g_test_add ("/import-plan/header/some-notes-utf8-bom", Fixture, NULL, fixture_set_up, test_header_some_notes, fixture_tear_down);
  g_test_add ("/import-plan/header/60x40", Fixture, NULL, fixture_set_up, test_header_wide_sheet, fixture_tear_down);
  g_test_add ("/import-plan/header/below-title", Fixture, NULL, fixture_set_up, test_header_below_title, fixture_tear_down);
  g_test_add ("/import-plan/header/ambiguous", Fixture, NULL, fixture_set_up, test_header_ambiguous, fixture_tear_down);
  g_test_add ("/import-plan/header/ambiguous-cli", Fixture, NULL, fixture_set_up, test_header_ambiguous_cli, fixture_tear_down);
  g_test_add ("/import-plan/decimal-comma/semicolon-cp1252", Fixture, NULL, fixture_set_up, test_decimal_comma_semicolon, fixture_tear_down);
  g_test_add ("/import-plan/decimal-comma/not-versions", Fixture, NULL, fixture_set_up, test_decimal_point_with_versions, fixture_tear_down);
  g_test_add ("/import-plan/decimal-comma/quoted-comma", Fixture, NULL, fixture_set_up, test_decimal_comma_quoted, fixture_tear_down);
  g_test_add ("/import-plan/decimal-comma/utf16-tabs", Fixture, NULL, fixture_set_up, test_decimal_comma_utf16, fixture_tear_down);
  g_test_add ("/import-plan/units/from-headers", Fixture, NULL, fixture_set_up, test_units_from_headers, fixture_tear_down);
  g_test_add ("/import-plan/stderr/spellings", Fixture, NULL, fixture_set_up, test_stderr_spellings, fixture_tear_down);
  g_test_add ("/import-plan/stderr/by-hand", Fixture, NULL, fixture_set_up, test_stderr_by_hand, fixture_tear_down);
  g_test_add ("/import-plan/empty-benchmark/kept", Fixture, NULL, fixture_set_up, test_empty_benchmark_kept, fixture_tear_down);
  g_test_add ("/import-plan/items/used-by-compare", Fixture, NULL, fixture_set_up, test_items_used_by_compare, fixture_tear_down);
  g_test_add ("/import-plan/items/cli", Fixture, NULL, fixture_set_up, test_items_cli, fixture_tear_down);
  return g_test_run ();
}
