/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lb-csv-reader.h"
#include "lb-csv-writer.h"
#include "lb-store.h"

#define BOM "\xEF\xBB\xBF"

static char *
writer_text (LbCsvWriter *writer)
{
  g_autoptr(GBytes) bytes = lb_csv_writer_get_bytes (writer);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* One cell written alone, without the BOM and the row end. */
static char *
one_text_cell (const char *text)
{
  g_autoptr(LbCsvWriter) writer = lb_csv_writer_new ();
  g_autofree char *all = NULL;

  lb_csv_writer_add_text (writer, text);
  all = writer_text (writer);
  g_assert_true (g_str_has_prefix (all, BOM));
  return g_strdup (all + strlen (BOM));
}

static void
test_number_format (void)
{
  static const struct {
    double      value;
    const char *raw;
    const char *expected;
  } cases[] = {
    { 85.3, "85.3%", "85.3" },
    { 85.3, "85.30%", "85.30" },
    { 85.0, "85%", "85" },
    { 85.0, "85.0", "85.0" },
    { 0.853, "0.853", "0.853" },
    { 1234.5, "1,234.5", "1234.5" },
    { 1234.0, "1,234", "1234" },
    { 1234.5, "1.234,50", "1234.50" },
    { 85.3, "85,3", "85.3" },
    { -1.5, "▲1.5", "-1.5" },
    { -5.0, "(5)", "-5" },
    { -0.25, "-0.250", "-0.250" },
    { 12.0, "１２．００", "12.00" },
    { 1235.0, "¥1,235", "1235" },
    { 1200.0, "1.2E+03", "1200" },
    { 85.25, "85.3", "85.25" },            /* raw does not denote the value: shortest form */
    { 85.3, "n/a", "85.3" },
    { 0.1, NULL, "0.1" },
    { 1.0 / 3.0, NULL, "0.3333333333333333" },
    { 1e-5, NULL, "1e-05" },
    { 1e20, NULL, "1e+20" },
    { 0.0, NULL, "0" },
    { 123456789012.0, "123456789012", "123456789012" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lb_csv_format_number (cases[i].value, cases[i].raw);

      g_test_message ("case %u: %s", i, cases[i].raw ? cases[i].raw : "(null)");
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_text_quoting (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "plain", "plain" },
    { NULL, "" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { " spaced ", " spaced " },
    { "日本語モデル", "日本語モデル" },
    { "a;b|c", "a;b|c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = one_text_cell (cases[i].text);
      g_assert_cmpstr (field, ==, cases[i].expected);
    }
}

static void
test_text_injection (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "=1+1", "'=1+1" },
    { "+81 3 1234 5678", "'+81 3 1234 5678" },
    { "-5", "'-5" },                      /* text, not a number: neutralised */
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "\nx", "\"'\nx\"" },
    { "＝1+1", "'＝1+1" },
    { "＋1", "'＋1" },
    { "－1", "'－1" },
    { "＠x", "'＠x" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "a=b", "a=b" },
    { "GPT-4o", "GPT-4o" },
    { "'quoted", "'quoted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = one_text_cell (cases[i].text);
      g_assert_cmpstr (field, ==, cases[i].expected);
    }
}

static void
test_document_bytes (void)
{
  g_autoptr(LbCsvWriter) writer = lb_csv_writer_new ();
  g_autoptr(GBytes) bytes = NULL;
  static const char expected[] =
    BOM "Model,Score,Note\r\n"
    "'=cmd,-1.5,\r\n"
    ",85.30,\"a,b\"\r\n";
  g_autoptr(GBytes) want = g_bytes_new_static (expected, sizeof expected - 1);

  lb_csv_writer_add_text (writer, "Model");
  lb_csv_writer_add_text (writer, "Score");
  lb_csv_writer_add_text (writer, "Note");
  lb_csv_writer_end_row (writer);
  lb_csv_writer_add_text (writer, "=cmd");
  lb_csv_writer_add_number (writer, -1.5, "▲1.5");
  lb_csv_writer_add_empty (writer);
  lb_csv_writer_end_row (writer);
  lb_csv_writer_add_empty (writer);
  lb_csv_writer_add_number (writer, 85.3, "85.30%");
  lb_csv_writer_add_text (writer, "a,b");
  lb_csv_writer_end_row (writer);

  bytes = lb_csv_writer_get_bytes (writer);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   g_bytes_get_data (want, NULL), g_bytes_get_size (want));
}

/* Our own reader (which follows what Excel writes) gets back every field. */
static void
test_document_reads_back (void)
{
  g_autoptr(LbCsvWriter) writer = lb_csv_writer_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const LbCsvDialect *dialect;
  static const char *row1[] = { "Model", "Note", "日本語", NULL };
  static const char *row2[] = { "a \"quoted\", text", "two\r\nlines\nand one", "'=1+1", NULL };
  static const char *row3[] = { "", "-12.5", "0.853", NULL };
  const char **expected[] = { row1, row2, row3 };

  lb_csv_writer_add_text (writer, "Model");
  lb_csv_writer_add_text (writer, "Note");
  lb_csv_writer_add_text (writer, "日本語");
  lb_csv_writer_end_row (writer);
  lb_csv_writer_add_text (writer, "a \"quoted\", text");
  lb_csv_writer_add_text (writer, "two\r\nlines\nand one");
  lb_csv_writer_add_text (writer, "=1+1");
  lb_csv_writer_end_row (writer);
  lb_csv_writer_add_empty (writer);
  lb_csv_writer_add_number (writer, -12.5, "▲12.5");
  lb_csv_writer_add_number (writer, 0.853, "0.853");
  lb_csv_writer_end_row (writer);
  bytes = lb_csv_writer_get_bytes (writer);

  reader = lb_csv_reader_new_from_bytes (bytes, "export.csv", NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      g_autoptr(LbCsvRecord) record = lb_csv_reader_next (reader, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpuint (record->record, ==, r + 1);
      g_assert_cmpstrv (record->fields, expected[r]);
    }
  g_assert_null (lb_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);

  dialect = lb_csv_reader_get_dialect (reader);
  g_assert_cmpstr (dialect->encoding, ==, "UTF-8-BOM");
  g_assert_cmpuint (dialect->delimiter, ==, ',');
  g_assert_cmpstr (dialect->line_ending, ==, "CRLF");
}

static gint64
add_result (LbStore    *store,
            gint64      leaderboard_id,
            gint64      model_id,
            gint64      benchmark_id,
            gint64      import_id,
            double      score,
            const char *raw,
            guint       row,
            guint       column)
{
  g_autoptr(GError) error = NULL;
  LbResult result = { 0 };
  gint64 id;

  result.leaderboard_id = leaderboard_id;
  result.model_id = model_id;
  result.benchmark_id = benchmark_id;
  result.import_id = import_id;
  result.score = score;
  result.raw = (char *) raw;
  result.source_row = row;
  result.source_column = column;
  result.current = TRUE;
  id = lb_store_add_result (store, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_import (LbStore *store,
            gint64   leaderboard_id,
            guint    results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  gint64 id;

  import->leaderboard_id = leaderboard_id;
  import->file_name = g_strdup ("scores.csv");
  import->layout = g_strdup ("wide");
  import->delimiter = g_strdup (",");
  import->encoding = g_strdup ("CP932");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  id = lb_store_add_import (store, import, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_export_leaderboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(GBytes) bytes = NULL;
  LbBenchmark percent = { .unit = (char *) "%", .higher_is_better = TRUE };
  LbModel acme = { .version = (char *) "2024-05", .provider = (char *) "Acme, Inc." };
  LbModel formula = { .provider = (char *) "@evil" };
  gint64 lb, jmmlu, elo, mtbench, model_a, model_b, model_c, import1, import2;
  gboolean ok;
  static const char expected[] =
    BOM "Model,Version,Provider,JMMLU (%),Elo,MT-Bench\r\n"
    "'=HYPERLINK(1),,'@evil,,1250,\r\n"
    "Model A,2024-05,\"Acme, Inc.\",85.30,-12,7.25\r\n"
    "日本語モデル,,,0.853,,\r\n";
  g_autoptr(GBytes) want = g_bytes_new_static (expected, sizeof expected - 1);

  g_assert_no_error (error);
  lb = lb_store_create_leaderboard (store, "CSV export", &error);
  g_assert_no_error (error);
  jmmlu = lb_store_ensure_benchmark (store, lb, "JMMLU", &percent, NULL, &error);
  g_assert_no_error (error);
  elo = lb_store_ensure_benchmark (store, lb, "Elo", NULL, NULL, &error);
  g_assert_no_error (error);
  mtbench = lb_store_ensure_benchmark (store, lb, "MT-Bench", NULL, NULL, &error);
  g_assert_no_error (error);
  model_a = lb_store_ensure_model (store, lb, "Model A", &acme, NULL, &error);
  g_assert_no_error (error);
  model_b = lb_store_ensure_model (store, lb, "日本語モデル", NULL, NULL, &error);
  g_assert_no_error (error);
  model_c = lb_store_ensure_model (store, lb, "=HYPERLINK(1)", &formula, NULL, &error);
  g_assert_no_error (error);

  ok = lb_store_begin (store, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  import1 = add_import (store, lb, 2);
  add_result (store, lb, model_a, jmmlu, import1, 80.0, "80.0%", 2, 4);
  add_result (store, lb, model_a, elo, import1, 1000.0, "1,000", 2, 5);
  ok = lb_store_finish_import (store, import1, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  /* The second import supersedes both cells of Model A: only current results are written. */
  import2 = add_import (store, lb, 5);
  add_result (store, lb, model_a, jmmlu, import2, 85.3, "85.30%", 2, 4);
  add_result (store, lb, model_a, elo, import2, -12.0, "▲12", 2, 5);
  add_result (store, lb, model_a, mtbench, import2, 7.25, "7.25", 2, 6);
  add_result (store, lb, model_b, jmmlu, import2, 0.853, "0.853", 3, 4);
  add_result (store, lb, model_c, elo, import2, 1250.0, "1,250", 4, 5);
  ok = lb_store_finish_import (store, import2, 4, 5, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = lb_store_commit (store, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  bytes = lb_csv_export_leaderboard (store, lb, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  if (!g_bytes_equal (bytes, want))
    g_test_message ("got: %.*s", (int) g_bytes_get_size (bytes),
                    (const char *) g_bytes_get_data (bytes, NULL));
  g_assert_true (g_bytes_equal (bytes, want));
}

static void
test_export_unknown_leaderboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = lb_csv_export_leaderboard (store, 42, &error);
  g_assert_null (bytes);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

static void
build_wide_leaderboard (LbStore *store,
                        guint    n_models,
                        guint    n_benchmarks,
                        gint64  *leaderboard_id)
{
  g_autoptr(GError) error = NULL;
  gint64 lb, model = 0, benchmark = 0, import;
  gboolean ok;

  ok = lb_store_begin (store, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  lb = lb_store_create_leaderboard (store, "Huge", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_benchmarks; i++)
    {
      g_autofree char *name = g_strdup_printf ("B%05u", i);
      /* The position given, or the store looks for the largest one each time. */
      LbBenchmark init = { .higher_is_better = TRUE, .position = (int) i };

      benchmark = lb_store_ensure_benchmark (store, lb, name, &init, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_models; i++)
    {
      g_autofree char *name = g_strdup_printf ("M%05u", i);

      model = lb_store_ensure_model (store, lb, name, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  /* One result, in the last cell: the one furthest from the start of the table. */
  import = add_import (store, lb, 1);
  add_result (store, lb, model, benchmark, import, 42.0, "42", 2, 2);
  ok = lb_store_finish_import (store, import, 1, 1, &error);
  g_assert_no_error (error);
  ok = lb_store_commit (store, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  *leaderboard_id = lb;
}

/* 65,536 models × 65,536 benchmarks (a long-layout file can hold that): the product wrapped to
 * 0 in 32 bits and the export wrote past a one-cell buffer. A table wider than Excel opens is
 * refused, with the reason, before any table is allocated. */
static void
test_export_too_wide (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(GBytes) bytes = NULL;
  gint64 lb;

  g_assert_no_error (error);
  build_wide_leaderboard (store, 65536, 65536, &lb);
  bytes = lb_csv_export_leaderboard (store, lb, &error);
  g_assert_null (bytes);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_TOO_MANY_COLUMNS);
  g_assert_nonnull (strstr (error->message, "65536 benchmarks"));
  g_assert_nonnull (strstr (error->message, "65539 columns"));
  g_assert_nonnull (strstr (error->message, "LBOM"));
}

/* The widest table Excel opens still exports, its one value in the last cell. */
static void
test_export_widest (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;
  gint64 lb;

  g_assert_no_error (error);
  build_wide_leaderboard (store, 3, LB_CSV_EXPORT_MAX_COLUMNS - 3, &lb);
  bytes = lb_csv_export_leaderboard (store, lb, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (size > 5 && memcmp (data + size - 5, ",42\r\n", 5) == 0);
}

/* The size helper itself, at the edges where a product no longer fits. */
static void
test_size_checked (void)
{
  gsize out = 1;

  g_assert_true (lb_size_mul3 (65536, 65536, sizeof (gpointer), &out));
  g_assert_cmpuint (out, ==, (gsize) 65536 * 65536 * sizeof (gpointer));
  g_assert_false (lb_size_mul3 (G_MAXSIZE / 2 + 1, 2, 1, &out));
  g_assert_cmpuint (out, ==, 0);
  g_assert_false (lb_size_mul3 (G_MAXSIZE, G_MAXSIZE, sizeof (gpointer), &out));
  g_assert_false (lb_size_mul3 ((gsize) 1 << (sizeof (gsize) * 4), (gsize) 1 << (sizeof (gsize) * 4), 1, &out));
  g_assert_true (lb_size_mul3 (G_MAXSIZE, 1, 1, &out));
  g_assert_cmpuint (out, ==, G_MAXSIZE);
  g_assert_true (lb_size_mul3 (0, G_MAXSIZE, G_MAXSIZE, &out));
  g_assert_cmpuint (out, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);

  g_test_add_func ("/csv-writer/number/format", test_number_format);
  g_test_add_func ("/csv-writer/text/quoting", test_text_quoting);
  g_test_add_func ("/csv-writer/text/injection", test_text_injection);
  g_test_add_func ("/csv-writer/document/bom-crlf", test_document_bytes);
  g_test_add_func ("/csv-writer/document/reads-back", test_document_reads_back);
  g_test_add_func ("/csv-writer/export/leaderboard", test_export_leaderboard);
  g_test_add_func ("/csv-writer/export/unknown-leaderboard", test_export_unknown_leaderboard);
  g_test_add_func ("/csv-writer/export/too-wide", test_export_too_wide);
  g_test_add_func ("/csv-writer/export/widest", test_export_widest);
  g_test_add_func ("/csv-writer/size/checked", test_size_checked);
  return g_test_run ();
}
