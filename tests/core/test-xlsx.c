/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-xlsx.c: Excel workbooks, built here from their XML parts, read and imported */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lb-importer.h"
#include "lb-xlsx-reader.h"
#include "lb-cell-ref.h"
#include "../util/xlsx-fixture.h"

/* What Excel writes for 「社内GPT」 typed with an IME: bold run, furigana after it. */
#define SHARED_STRINGS \
  "<si><t>モデル</t></si>" \
  "<si><r><t>社内</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>GPT</t></r>" \
  "<rPh sb=\"0\" eb=\"2\"><t>シャナイ</t></rPh><rPh sb=\"2\" eb=\"5\"><t>ジーピーティー</t></rPh>" \
  "<phoneticPr fontId=\"1\"/></si>" \
  "<si><t>JMMLU</t></si>" \
  "<si><t>評価日</t></si>" \
  "<si><t>Model-B</t><phoneticPr fontId=\"1\"/></si>" \
  "<si><t xml:space=\"preserve\">Model-C</t></si>" \
  "<si><t>メモ</t></si>"

/* 0 General, 1 built-in date 14, 2 和暦 (gannen), 3 0.0%, 4 built-in 0.00% */
#define STYLES \
  "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>" \
  "<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>" \
  "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"164\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"10\" applyNumberFormat=\"1\"/></cellXfs>"

/* 2024-05-01 is 45413 in the 1900 system, 43951 in the 1904 one. */
#define EVAL_SHEET(date2, date3) \
  "<dimension ref=\"A1:D4\"/><sheetData>" \
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>2</v></c>" \
  "<c r=\"C1\" t=\"inlineStr\"><is><t>JCommonsenseQA</t></is></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>" \
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"3\"><v>0.61199999999999999</v></c>" \
  "<c r=\"C2\" s=\"4\"><f>0.5+0.25</f><v>0.75</v></c><c r=\"D2\" s=\"1\"><v>" date2 "</v></c></row>" \
  "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>4</v></c><c r=\"B3\" t=\"e\"><f>NA()</f><v>#N/A</v></c>" \
  "<c r=\"C3\" s=\"4\"><v>0.8</v></c><c r=\"D3\" s=\"2\"><v>" date3 "</v></c></row>" \
  "<row r=\"4\" hidden=\"1\"><c r=\"A4\" t=\"s\"><v>5</v></c><c r=\"B4\" s=\"3\"><v>0.5</v></c>" \
  "<c r=\"C4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>" \
  "</sheetData>"

#define MEMO_SHEET "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>6</v></c></row></sheetData>"

static char *
tmp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static char *
write_eval_workbook (const char *name,
                     gboolean    date1904)
{
  const char *names[] = { "メモ", "評価" };
  const char *sheets[] = { MEMO_SHEET, date1904 ? EVAL_SHEET ("43951", "43951") : EVAL_SHEET ("45413", "45413") };
  char *path = tmp_path (name);

  xlsx_write_workbook (path, 2, names, sheets, SHARED_STRINGS, STYLES, date1904);
  return path;
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

static gpointer
find_named (GPtrArray  *items,
            gsize       name_offset,
            const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (g_strcmp0 (G_STRUCT_MEMBER (char *, item, name_offset), name) == 0)
        return item;
    }
  return NULL;
}

#define FIND_MODEL(models, n) ((LbModel *) find_named ((models), G_STRUCT_OFFSET (LbModel, name), (n)))
#define FIND_BENCHMARK(b, n) ((LbBenchmark *) find_named ((b), G_STRUCT_OFFSET (LbBenchmark, name), (n)))

static LbResult *
find_result (GPtrArray *results,
             gint64     model_id,
             gint64     benchmark_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *r = g_ptr_array_index (results, i);

      if (r->model_id == model_id && r->benchmark_id == benchmark_id)
        return r;
    }
  return NULL;
}

static gboolean
warnings_mention (GPtrArray  *warnings,
                  const char *text)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (((LbWarning *) g_ptr_array_index (warnings, i))->message, text) != NULL)
      return TRUE;
  return FALSE;
}

static guint
count_leaderboards (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lb_store_list_leaderboards (store, &error);

  g_assert_no_error (error);
  return all->len;
}

static void
test_reader_strings (void)
{
  g_autofree char *path = write_eval_workbook ("strings.xlsx", FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbXlsxReader) reader = lb_xlsx_reader_new (file, NULL, NULL, &error);
  GPtrArray *sheets;
  LbCsvRecord *record;

  g_assert_no_error (error);
  sheets = lb_xlsx_reader_get_sheets (reader);
  g_assert_cmpuint (sheets->len, ==, 2);
  /* The data sheet first, although it is the second tab. */
  g_assert_cmpstr (((LbXlsxSheet *) g_ptr_array_index (sheets, 0))->name, ==, "評価");
  g_assert_true (((LbXlsxSheet *) g_ptr_array_index (sheets, 0))->has_table);
  g_assert_false (((LbXlsxSheet *) g_ptr_array_index (sheets, 1))->has_table);
  g_assert_cmpstr (lb_xlsx_reader_get_default_sheet (reader), ==, "評価");

  g_assert_true (lb_xlsx_reader_open_sheet (reader, "評価", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_xlsx_reader_get_dialect (reader)->header_record, ==, 1);
  record = lb_xlsx_reader_next (reader, NULL, &error);
  g_assert_nonnull (record);
  g_assert_cmpuint (record->n_fields, ==, 4);
  g_assert_cmpstr (record->fields[2], ==, "JCommonsenseQA");
  lb_csv_record_free (record);
  record = lb_xlsx_reader_next (reader, NULL, &error);
  g_assert_nonnull (record);
  g_assert_cmpuint (record->record, ==, 2);
  /* Furigana never enters the name; the rich-text runs join. */
  g_assert_cmpstr (record->fields[0], ==, "社内GPT");
  g_assert_cmpstr (record->fields[1], ==, "61.2%");
  g_assert_cmpstr (record->fields[2], ==, "75%");
  g_assert_cmpstr (record->fields[3], ==, "2024-05-01");
  g_assert_nonnull (record->details);
  g_assert_null (record->details[0]);
  g_assert_nonnull (strstr (record->details[2], "\"formula\":\"0.5+0.25\""));
  g_assert_nonnull (strstr (record->details[1], "\"format\":\"0.0%\""));
  lb_csv_record_free (record);
  record = lb_xlsx_reader_next (reader, NULL, &error);
  g_assert_cmpstr (record->fields[0], ==, "Model-B");
  g_assert_cmpstr (record->fields[1], ==, "#N/A");
  g_assert_cmpstr (record->fields[3], ==, "2024-05-01");
  g_assert_nonnull (strstr (record->details[3], "gannen"));
  lb_csv_record_free (record);
  record = lb_xlsx_reader_next (reader, NULL, &error);
  g_assert_cmpstr (record->fields[0], ==, "Model-C");
  g_assert_cmpstr (record->fields[2], ==, "#DIV/0!");
  lb_csv_record_free (record);
  g_assert_null (lb_xlsx_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_xlsx_reader_get_warnings (reader)->len, ==, 1);
  g_assert_nonnull (strstr (((LbWarning *) g_ptr_array_index (lb_xlsx_reader_get_warnings (reader), 0))->message,
                            "row 4 is hidden"));
  g_unlink (path);
}

static void
check_import (gboolean date1904)
{
  g_autofree char *path = write_eval_workbook (date1904 ? "eval-1904.xlsx" : "eval.xlsx", date1904);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *detail = NULL;
  LbImportOutcome outcome = { 0 };
  LbModel *gpt, *b;
  LbBenchmark *jmmlu, *jcqa;
  LbResult *r;
  gboolean found_na = FALSE;

  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_importer_get_sheet (importer), ==, "評価");
  g_assert_false (lb_importer_get_sheet_ambiguous (importer));
  g_assert_cmpuint (lb_importer_get_sheets (importer)->len, ==, 2);
  g_assert_true (lb_importer_run (importer, store, "Workbook", LB_IMPORT_FLAGS_NONE, NULL, NULL,
                                  NULL, &outcome, &error));
  g_assert_no_error (error);

  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  gaps = lb_store_list_gaps (store, outcome.leaderboard_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (models->len, ==, 3);
  gpt = FIND_MODEL (models, "社内GPT");
  b = FIND_MODEL (models, "Model-B");
  g_assert_nonnull (gpt);
  g_assert_nonnull (b);
  jmmlu = FIND_BENCHMARK (benchmarks, "JMMLU");
  jcqa = FIND_BENCHMARK (benchmarks, "JCommonsenseQA");
  g_assert_nonnull (jmmlu);
  g_assert_nonnull (jcqa);
  g_assert_cmpstr (jmmlu->unit, ==, "%");
  g_assert_cmpstr (jcqa->unit, ==, "%");

  r = find_result (results, gpt->id, jmmlu->id);
  g_assert_nonnull (r);
  g_assert_cmpfloat_with_epsilon (r->score, 61.2, 1e-9);
  g_assert_cmpstr (r->raw, ==, "61.2%");
  g_assert_cmpuint (r->source_row, ==, 2);
  g_assert_cmpuint (r->source_column, ==, 2);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-05-01");
  r = find_result (results, gpt->id, jcqa->id);
  g_assert_cmpfloat_with_epsilon (r->score, 75.0, 1e-9);
  detail = lb_store_get_source_cell (store, r->import_id, 2, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (detail, "\"formula\":\"0.5+0.25\""));
  g_assert_nonnull (strstr (detail, "\"value\":\"0.75\""));
  sheet = lb_store_get_import_sheet (store, r->import_id, &error);
  g_assert_cmpstr (sheet, ==, "評価");
  {
    g_autoptr(LbImport) import = lb_store_get_import (store, r->import_id, &error);
    g_autofree char *ref = lb_cell_ref_format (import->sheet, r->source_row, r->source_column);

    g_assert_cmpstr (ref, ==, "評価!C2");
  }
  /* 和暦-formatted, and the same day in both date systems. */
  r = find_result (results, b->id, jcqa->id);
  g_assert_cmpstr (r->evaluated_at, ==, "2024-05-01");

  g_assert_null (find_result (results, b->id, jmmlu->id));
  for (guint i = 0; i < gaps->len; i++)
    {
      LbGap *gap = g_ptr_array_index (gaps, i);

      if (gap->model_id == b->id && gap->benchmark_id == jmmlu->id)
        {
          found_na = TRUE;
          g_assert_cmpstr (gap->raw, ==, "#N/A");
          g_assert_nonnull (strstr (gap->reason, "#N/A"));
        }
    }
  g_assert_true (found_na);
  g_assert_cmpuint (outcome.gaps, ==, 2);
  /* Where each message points is the cell as Excel names it. */
  g_assert_true (warnings_mention (outcome.warnings, "評価!B3 (JMMLU)"));
  g_assert_true (warnings_mention (outcome.warnings, "row 4 is hidden"));
  lb_import_outcome_clear (&outcome);
  g_unlink (path);
}

static void
test_import_1900 (void)
{
  check_import (FALSE);
}

static void
test_import_1904 (void)
{
  check_import (TRUE);
}

static void
test_two_data_sheets (void)
{
  const char *names[] = { "Q1", "Q2 scores" };
  const char *sheets[] = {
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Model</t></is></c><c t=\"inlineStr\"><is><t>MMLU</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>A</t></is></c><c><v>1</v></c></row></sheetData>",
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Model</t></is></c><c t=\"inlineStr\"><is><t>MMLU</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>A</t></is></c><c><v>2.5</v></c></row></sheetData>",
  };
  g_autofree char *path = tmp_path ("two.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(LbImporter) chosen = NULL;
  g_autoptr(GPtrArray) results = NULL;
  LbCsvOptions options = { 0 };
  LbImportOutcome outcome = { 0 };

  xlsx_write_workbook (path, 2, names, sheets, NULL, NULL, FALSE);
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_get_sheet_ambiguous (importer));

  options.sheet = "Q2 scores";
  chosen = lb_importer_new (file, &options, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lb_importer_get_sheet_ambiguous (chosen));
  g_assert_true (lb_importer_run (chosen, store, "Two", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                                  &outcome, &error));
  g_assert_no_error (error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpfloat (((LbResult *) g_ptr_array_index (results, 0))->score, ==, 2.5);
  lb_import_outcome_clear (&outcome);

  g_clear_object (&chosen);
  options.sheet = "Q3";
  chosen = lb_importer_new (file, &options, store, NULL, &error);
  g_assert_null (chosen);
  g_assert_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NO_SUCH_SHEET);
  g_assert_nonnull (strstr (error->message, "“Q2 scores”"));
  g_unlink (path);
}

static void
test_merged (void)
{
  const char *names[] = { "Sheet1" };
  const char *sheets[] = {
    "<sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Model</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>JGLUE</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Org</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>y</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\"><v>5</v></c><c r=\"B3\"><v>1</v></c></row>"
    "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"B1:C1\"/><mergeCell ref=\"A3:B4\"/></mergeCells>",
  };
  g_autofree char *path = tmp_path ("merged.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbXlsxReader) reader = NULL;
  g_autoptr(LbCsvRecord) first = NULL;
  g_autoptr(LbCsvRecord) second = NULL;
  g_autoptr(LbCsvRecord) third = NULL;

  xlsx_write_workbook (path, 1, names, sheets, NULL, NULL, FALSE);
  reader = lb_xlsx_reader_new (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_xlsx_reader_open_sheet (reader, "Sheet1", 1, NULL, &error));
  first = lb_xlsx_reader_next (reader, NULL, &error);
  g_assert_cmpuint (first->n_fields, ==, 3);
  g_assert_cmpstr (first->fields[2], ==, "JGLUE");
  second = lb_xlsx_reader_next (reader, NULL, &error);
  third = lb_xlsx_reader_next (reader, NULL, &error);
  /* A merged number is never copied into the other cells: it would count twice. */
  g_assert_cmpstr (third->fields[0], ==, "5");
  g_assert_null (lb_xlsx_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_xlsx_reader_get_warnings (reader)->len, ==, 1);
  g_assert_nonnull (strstr (((LbWarning *) g_ptr_array_index (lb_xlsx_reader_get_warnings (reader), 0))->message,
                            "B1:C1 are merged"));
  g_unlink (path);
}

/* Each hostile file: a clear error of @code, and nothing in the store. */
static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *fragment)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);

  g_assert_null (importer);
  g_assert_error (error, domain, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);
  g_assert_cmpuint (count_leaderboards (store), ==, 0);
}

static void
test_hostile_not_workbook (void)
{
  const XlsxPart parts[] = { { "hello.txt", "hello" }, { "word/document.xml", "<w/>" }, { NULL, NULL } };
  g_autofree char *path = tmp_path ("not-a-workbook.xlsx");

  xlsx_write_parts (path, parts);
  assert_refused (path, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK, "not an Excel workbook");
  g_unlink (path);
}

static void
test_hostile_bomb (void)
{
  const char *names[] = { "Sheet1" };
  g_autoptr(GString) huge = g_string_new ("<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>");
  g_autofree char *path = tmp_path ("bomb.xlsx");
  const char *sheets[1];

  /* 40 MiB of spaces pack into a few dozen KiB: far more than 200 times the file. */
  g_string_set_size (huge, huge->len + 40 * 1024 * 1024);
  memset (huge->str + strlen ("<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>"), ' ',
          40 * 1024 * 1024);
  g_string_append (huge, "</t></is></c></row></sheetData>");
  sheets[0] = huge->str;
  xlsx_write_workbook (path, 1, names, sheets, NULL, NULL, FALSE);
  assert_refused (path, LB_XLSX_ERROR, LB_XLSX_ERROR_TOO_LARGE, "zip bomb");
  g_unlink (path);
}

static void
test_hostile_entities (void)
{
  const char *sheets[] = { "<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>"
                           "<row r=\"2\"><c t=\"s\"><v>0</v></c><c><v>1</v></c></row></sheetData>" };
  g_autofree char *path = tmp_path ("entities.xlsx");
  const XlsxPart parts[] = {
    { "[Content_Types].xml", XLSX_CONTENT_TYPES },
    { "_rels/.rels", XLSX_ROOT_RELS },
    { "xl/workbook.xml", "<workbook " XLSX_NS "><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "</Relationships>" },
    { "xl/worksheets/sheet1.xml", NULL },
    { "xl/sharedStrings.xml", NULL },
    { NULL, NULL },
  };
  XlsxPart copy[G_N_ELEMENTS (parts)];
  g_autofree char *sheet = g_strdup_printf ("<worksheet " XLSX_NS ">%s</worksheet>", sheets[0]);

  /* Entities that expand a thousandfold ("billion laughs"), and one that reads a local file. */
  const char *strings[] = {
    "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    "<sst " XLSX_NS "><si><t>&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;</t></si></sst>",
    "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY d SYSTEM \"file:///etc/passwd\">]>"
    "<sst " XLSX_NS "><si><t>&d;</t></si></sst>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      memcpy (copy, parts, sizeof parts);
      copy[4].content = sheet;
      copy[5].content = strings[i];
      xlsx_write_parts (path, copy);
      assert_refused (path, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED, NULL);
    }
  g_unlink (path);
}

static void
test_hostile_truncated (void)
{
  g_autofree char *path = write_eval_workbook ("truncated.xlsx", FALSE);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  /* Cut half-way, and just before the end (the table of contents is at the end). */
  g_assert_true (g_file_set_contents (path, contents, (gssize) len / 2, &error));
  assert_refused (path, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK, "damaged or incomplete");
  g_assert_true (g_file_set_contents (path, contents, (gssize) len - 10, &error));
  assert_refused (path, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK, "damaged or incomplete");
  /* A damaged compressed part, table of contents intact. */
  memset (contents + 200, 0x55, 200);
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, &error));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(LbStore) store = new_store ();
    g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);

    g_assert_null (importer);
    g_assert_nonnull (error);
    g_assert_true (error->domain == LB_XLSX_ERROR);
    g_assert_cmpuint (count_leaderboards (store), ==, 0);
  }
  g_unlink (path);
}

/* Saved again between the preview and the import: the import stops and writes nothing. */
static void
test_changed_after_preview (void)
{
  g_autofree char *path = write_eval_workbook ("changed.xlsx", FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);
  LbImportOutcome outcome = { 0 };
  g_autofree char *other = NULL;

  g_assert_no_error (error);
  other = write_eval_workbook ("changed-2.xlsx", TRUE);
  g_assert_cmpint (g_rename (other, path), ==, 0);
  g_assert_false (lb_importer_run (importer, store, "Changed", LB_IMPORT_FLAGS_NONE, NULL, NULL,
                                   NULL, &outcome, &error));
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_CHANGED);
  g_assert_cmpuint (count_leaderboards (store), ==, 0);
  lb_import_outcome_clear (&outcome);
  g_unlink (path);
}

/* Excel's last row is 1,048,576: a row past it is refused, the last one is read. */
static void
test_last_row (void)
{
  const char *names[] = { "Sheet1" };
  const char *last[] = {
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Model</t></is></c><c t=\"inlineStr\"><is><t>MMLU</t></is></c></row>"
    "<row r=\"1048576\"><c t=\"inlineStr\"><is><t>A</t></is></c><c><v>1</v></c></row></sheetData>" };
  const char *past[] = {
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Model</t></is></c><c t=\"inlineStr\"><is><t>MMLU</t></is></c></row>"
    "<row r=\"1048577\"><c t=\"inlineStr\"><is><t>A</t></is></c><c><v>1</v></c></row></sheetData>" };
  g_autofree char *path = tmp_path ("last-row.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GPtrArray) results = NULL;
  LbImportOutcome outcome = { 0 };

  xlsx_write_workbook (path, 1, names, last, NULL, NULL, FALSE);
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, store, "Last", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                                  &outcome, &error));
  g_assert_no_error (error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpuint (((LbResult *) g_ptr_array_index (results, 0))->source_row, ==, 1048576);
  lb_import_outcome_clear (&outcome);

  xlsx_write_workbook (path, 1, names, past, NULL, NULL, FALSE);
  {
    g_autoptr(LbStore) empty = new_store ();
    g_autoptr(LbImporter) refused = NULL;

    g_clear_error (&error);
    refused = lb_importer_new (file, NULL, empty, NULL, &error);
    if (refused != NULL)
      lb_importer_run (refused, empty, "Past", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &outcome, &error);
    g_assert_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "1048577"));
    g_assert_cmpuint (count_leaderboards (empty), ==, 0);
    lb_import_outcome_clear (&outcome);
  }
  g_unlink (path);
}

/* An Excel 97-2003 workbook: the same importer, its sheets offered the same way. */
static void
test_xls (void)
{
  static const XlsCell memo[] = { { 0, 0, "四半期ごとの評価", 0 }, { G_MAXUINT16, 0, NULL, 0 } };
  static const XlsCell scores[] = {
    { 0, 0, "モデル", 0 }, { 0, 1, "JMMLU", 0 }, { 0, 2, "MT-bench", 0 },
    { 1, 0, "社内GPT", 0 }, { 1, 1, NULL, 61.2 }, { 1, 2, NULL, 7.9 },
    { 3, 0, "Model-B", 0 }, { 3, 1, NULL, 58.8 }, { 3, 2, NULL, 8.1 },
    { G_MAXUINT16, 0, NULL, 0 },
  };
  const char *names[] = { "メモ", "評価" };
  const XlsCell *cells[] = { memo, scores };
  g_autofree char *path = tmp_path ("old.xls");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *contents = NULL;
  LbImportOutcome outcome = { 0 };
  LbResult *r;
  gsize len = 0;

  xls_write_workbook (path, 2, names, cells);
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_importer_get_sheet (importer), ==, "評価");
  g_assert_false (lb_importer_get_sheet_ambiguous (importer));
  g_assert_cmpstr (((LbXlsxSheet *) g_ptr_array_index (lb_importer_get_sheets (importer), 0))->name, ==, "評価");
  g_assert_true (lb_importer_run (importer, store, "Old", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                                  &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.results, ==, 4);
  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  benchmarks = lb_store_list_benchmarks (store, outcome.leaderboard_id, &error);
  results = lb_store_list_results (store, outcome.leaderboard_id, TRUE, &error);
  r = find_result (results, FIND_MODEL (models, "社内GPT")->id, FIND_BENCHMARK (benchmarks, "JMMLU")->id);
  g_assert_cmpfloat_with_epsilon (r->score, 61.2, 1e-9);
  g_assert_cmpuint (r->source_row, ==, 2);
  g_assert_cmpuint (r->source_column, ==, 2);
  r = find_result (results, FIND_MODEL (models, "Model-B")->id, FIND_BENCHMARK (benchmarks, "MT-bench")->id);
  g_assert_cmpuint (r->source_row, ==, 4);
  sheet = lb_store_get_import_sheet (store, r->import_id, &error);
  g_assert_cmpstr (sheet, ==, "評価");
  /* What an .xls cannot say is said. */
  g_assert_true (warnings_mention (outcome.warnings, "without its number formats"));
  lb_import_outcome_clear (&outcome);

  /* Cut short: a clear refusal, nothing written. */
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len / 2, &error));
  assert_refused (path, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK, "old Excel workbook (.xls)");
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xlsx/reader/strings-and-formats", test_reader_strings);
  g_test_add_func ("/xlsx/reader/merged", test_merged);
  g_test_add_func ("/xlsx/import/1900", test_import_1900);
  g_test_add_func ("/xlsx/import/1904", test_import_1904);
  g_test_add_func ("/xlsx/import/two-data-sheets", test_two_data_sheets);
  g_test_add_func ("/xlsx/import/changed-after-preview", test_changed_after_preview);
  g_test_add_func ("/xlsx/import/last-row", test_last_row);
  g_test_add_func ("/xlsx/xls/import", test_xls);
  g_test_add_func ("/xlsx/hostile/not-a-workbook", test_hostile_not_workbook);
  g_test_add_func ("/xlsx/hostile/zip-bomb", test_hostile_bomb);
  g_test_add_func ("/xlsx/hostile/entities", test_hostile_entities);
  g_test_add_func ("/xlsx/hostile/truncated", test_hostile_truncated);
  return g_test_run ();
}
