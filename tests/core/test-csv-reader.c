/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lb-csv-reader.h"

/* Helpers */

static LbCsvReader *
open_fixture (const char *name, const LbCsvOptions *options, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return lb_csv_reader_new (file, options, NULL, error);
}

static LbCsvReader *
open_bytes (const char *data, gsize len, const LbCsvOptions *options, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return lb_csv_reader_new_from_bytes (bytes, "scores.csv", options, error);
}

/* All records as a GPtrArray of LbCsvRecord*; asserts no error. */
static GPtrArray *
read_all (LbCsvReader *reader)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_csv_record_free);
  g_autoptr(GError) error = NULL;
  LbCsvRecord *record;

  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    g_ptr_array_add (records, record);
  g_assert_no_error (error);
  g_assert_cmpfloat (lb_csv_reader_get_progress (reader), ==, 1.0);
  return records;
}

#define REC(records, i) ((LbCsvRecord *) g_ptr_array_index ((records), (i)))

static void
assert_fields (LbCsvRecord *record, const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (record->n_fields, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (record->fields[i], ==, expected[i]);
  g_assert_null (record->fields[n]);
}

#define FIELDS(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Encodings */

static void
test_encoding_cp932 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("cp932.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;
  const LbCsvDialect *d;

  g_assert_no_error (error);
  d = lb_csv_reader_get_dialect (reader);
  g_assert_cmpstr (d->encoding, ==, "CP932");
  g_assert_true (d->encoding_detected);
  g_assert_nonnull (strstr (d->encoding_reason, "CP932"));
  g_assert_cmpuint (d->delimiter, ==, ',');
  g_assert_cmpstr (d->line_ending, ==, "CRLF");
  g_assert_cmpuint (d->header_record, ==, 1);
  g_assert_null (lb_csv_reader_get_encoding_warning (reader));

  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 3);
  assert_fields (REC (records, 0), FIELDS ("モデル名", "スコア", "備考"));
  assert_fields (REC (records, 1), FIELDS ("表計算ソフト", "85.3%", "①性能"));
  assert_fields (REC (records, 2), FIELDS ("髙橋モデル", "1,234.5", "\uFF5Eテスト ﾃｽﾄ"));
  g_assert_cmpuint (REC (records, 2)->record, ==, 3);
  g_assert_cmpuint (REC (records, 2)->line, ==, 3);
  g_assert_cmpuint (d->size_bytes, ==, 84);
  g_assert_cmpuint (strlen (d->sha256), ==, 64);
}

/* 髙 as FB FC (IBM extension) and ① (NEC row 13) exist only in CP932, not SHIFT_JIS;
 * these bytes also decode as Windows-1252 ("ûü", "‡@"), which must lose. */
static void
test_encoding_cp932_extensions (void)
{
  static const char data[] = "Name,Mark\r\n\xFB\xFC,\x87\x40\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "CP932");
  g_assert_nonnull (strstr (lb_csv_reader_get_dialect (reader)->encoding_reason,
                            "read as Japanese"));
  records = read_all (reader);
  assert_fields (REC (records, 1), FIELDS ("髙", "①"));
}

/* The first 64 KiB are ASCII, so UTF-8 is only a guess; CP932 later must still work. */
static void
test_encoding_ascii_then_cp932 (void)
{
  g_autoptr(GString) utf8 = g_string_new ("Model,Score\r\n");
  g_autofree char *cp932 = NULL;
  gsize cp932_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint ascii_rows = 0;

  while (utf8->len < 100000)
    {
      g_string_append_printf (utf8, "model-%u,%u\r\n", ascii_rows, ascii_rows);
      ascii_rows++;
    }
  g_string_append (utf8, "表計算ソフト,85.3\r\nﾃｽﾄ能,1\r\n");
  cp932 = g_convert (utf8->str, utf8->len, "CP932", "UTF-8", NULL, &cp932_len, &error);
  g_assert_no_error (error);
  reader = open_bytes (cp932, cp932_len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "UTF-8");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, ascii_rows + 3);
  assert_fields (REC (records, 1), FIELDS ("model-0", "0"));
  assert_fields (REC (records, ascii_rows + 1), FIELDS ("表計算ソフト", "85.3"));
  assert_fields (REC (records, ascii_rows + 2), FIELDS ("ﾃｽﾄ能", "1"));
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "CP932");
}

static void
test_encoding_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("utf8-bom.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "UTF-8-BOM");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 2);
  assert_fields (REC (records, 0), FIELDS ("Model", "スコア"));
  assert_fields (REC (records, 1), FIELDS ("GPT-4", "85.3%"));
}

static void
test_encoding_utf16le (void)
{
  const char *names[] = { "utf16le.txt", "utf16le-nobom.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbCsvReader) reader = open_fixture (names[i], NULL, &error);
      g_autoptr(GPtrArray) records = NULL;
      const LbCsvDialect *d;

      g_assert_no_error (error);
      d = lb_csv_reader_get_dialect (reader);
      g_assert_cmpstr (d->encoding, ==, "UTF-16LE");
      g_assert_cmpuint (d->delimiter, ==, '\t');
      g_assert_cmpstr (d->line_ending, ==, "CRLF");
      records = read_all (reader);
      g_assert_cmpuint (records->len, ==, 2);
      assert_fields (REC (records, 0), FIELDS ("モデル", "スコア", "備考"));
      assert_fields (REC (records, 1), FIELDS ("Claude", "91.2", "a, b"));
    }
}

static void
test_encoding_utf16be (void)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GString) with_bom = g_string_new_len ("\xFE\xFF", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  data = g_convert ("モデル\tスコア\r\nA\t1\r\n", -1, "UTF-16BE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_string_append_len (with_bom, data, (gssize) len);
  reader = open_bytes (with_bom->str, with_bom->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "UTF-16BE");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 2);
  assert_fields (REC (records, 0), FIELDS ("モデル", "スコア"));
  assert_fields (REC (records, 1), FIELDS ("A", "1"));
}

static void
test_encoding_windows1252 (void)
{
  const struct { const char *name; const char *a; const char *b; } cases[] = {
    { "windows1252.csv", "Café Crème", "Müller" },
    { "windows1252-ambiguous.csv", "Crème brûlée", "Ångström" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbCsvReader) reader = open_fixture (cases[i].name, NULL, &error);
      g_autoptr(GPtrArray) records = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "WINDOWS-1252");
      records = read_all (reader);
      g_assert_cmpuint (records->len, ==, 2);
      assert_fields (REC (records, 1), FIELDS (cases[i].a, cases[i].b));
    }
}

static void
test_encoding_override (void)
{
  LbCsvOptions options = { .encoding = "WINDOWS-1252" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("cp932.csv", &options, &error);
  g_autoptr(LbCsvRecord) record = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "WINDOWS-1252");
  g_assert_false (lb_csv_reader_get_dialect (reader)->encoding_detected);
  /* The user's choice wins: 0x8D (in 備考) is undefined in Windows-1252. */
  record = lb_csv_reader_next (reader, NULL, &error);
  g_assert_null (record);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_ENCODING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "cp932.csv, row 1, column C: the data (bytes 8D) is not valid Western (Windows-1252)"));
  g_assert_nonnull (strstr (error->message, "choose a different encoding"));
}

static void
test_encoding_unknown (void)
{
  LbCsvOptions options = { .encoding = "KLINGON" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("cp932.csv", &options, &error);

  g_assert_null (reader);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_UNKNOWN_ENCODING);
}

static void
test_encoding_late_invalid (void)
{
  g_autoptr(GString) data = g_string_new ("Model,Score,Note\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  LbCsvRecord *record;
  guint n = 0;

  /* Valid UTF-8 well beyond the sample, then a stray CP932 byte in row 3001, column C. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (data, "モデル%u,%u.5,ok\r\n", i, i);
  g_string_append (data, "X,1,\x95\x5C\r\n");
  reader = open_bytes (data->str, data->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "UTF-8");
  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      lb_csv_record_free (record);
    }
  g_assert_cmpuint (n, ==, 3001);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "scores.csv, row 3002, column C (“Note”)"));
  g_assert_nonnull (strstr (error->message, "(bytes 95) is not valid UTF-8"));
}

static void
test_encoding_mojibake_warning (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("mojibake.csv", NULL, &error);
  const char *warning;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "UTF-8");
  warning = lb_csv_reader_get_encoding_warning (reader);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "mojibake.csv, row 2, column B"));
}

/* Refused files */

static void
test_refused (void)
{
  const struct { const char *name; int code; const char *needle; } cases[] = {
    { "workbook.xlsx", LB_CSV_ERROR_BINARY,
      "This is an Excel workbook (.xlsx), not a CSV file. In Excel choose File › Save As › CSV UTF-8" },
    { "workbook.xls", LB_CSV_ERROR_BINARY, "old Excel workbook (.xls)" },
    { "document.pdf", LB_CSV_ERROR_BINARY, "PDF document" },
    { "empty.csv", LB_CSV_ERROR_EMPTY, "empty.csv is empty" },
    { "bom-only.csv", LB_CSV_ERROR_EMPTY, "only a byte order mark" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbCsvReader) reader = open_fixture (cases[i].name, NULL, &error);

      g_assert_null (reader);
      g_assert_error (error, LB_CSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
      g_assert_true (g_str_has_prefix (error->message, cases[i].name));
    }
}

static void
test_refused_nul (void)
{
  static const char data[] = "a,b\r\nc,\0d\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);

  g_assert_null (reader);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "scores.csv, row 2: "));
}

static void
test_refused_late_nul (void)
{
  g_autoptr(GString) data = g_string_new ("Model,Score\r\n");
  LbCsvOptions options = { .encoding = "CP932" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  LbCsvRecord *record;
  guint n = 0;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (data, "m%u,%u\r\n", i, i);
  g_string_append_len (data, "x,1\0002\r\n", 8);
  reader = open_bytes (data->str, data->len, &options, &error);
  g_assert_no_error (error);
  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      lb_csv_record_free (record);
    }
  g_assert_cmpuint (n, ==, 10001);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "scores.csv, row 10002, column B (“Score”): the file contains a NUL byte"));
}

static void
test_refused_blank_lines (void)
{
  static const char data[] = "\r\n,,,\r\n\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);

  g_assert_null (reader);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_EMPTY);
}

/* Dialect */

static void
test_dialect_semicolon_decimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("semicolon-decimal.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;
  const LbCsvDialect *d;

  g_assert_no_error (error);
  d = lb_csv_reader_get_dialect (reader);
  g_assert_cmpuint (d->delimiter, ==, ';');
  g_assert_true (d->delimiter_detected);
  g_assert_cmpint (d->decimal_separator, ==, ',');
  g_assert_true (d->decimal_separator_detected);
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 3);
  assert_fields (REC (records, 2), FIELDS ("B", "1.234,5", "7,25%"));
}

static void
test_dialect_decimal_point (void)
{
  static const char data[] = "Model\tScore\r\nA\t85.3\r\nB\t72.15\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lb_csv_reader_get_dialect (reader)->delimiter, ==, '\t');
  g_assert_cmpint (lb_csv_reader_get_dialect (reader)->decimal_separator, ==, '.');
}

static void
test_dialect_sep_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("sep-line.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;
  const LbCsvDialect *d;

  g_assert_no_error (error);
  d = lb_csv_reader_get_dialect (reader);
  g_assert_true (d->sep_line);
  g_assert_cmpuint (d->delimiter, ==, ';');
  g_assert_cmpuint (d->header_record, ==, 1);
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 2);
  assert_fields (REC (records, 0), FIELDS ("Model", "Score"));
  g_assert_cmpuint (REC (records, 0)->record, ==, 1);
  g_assert_cmpuint (REC (records, 0)->line, ==, 2);
  assert_fields (REC (records, 1), FIELDS ("A", "1,5"));
}

static void
test_dialect_sep_line_lf (void)
{
  static const char data[] = "sep=|\nModel|Score\nA|1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_true (lb_csv_reader_get_dialect (reader)->sep_line);
  g_assert_cmpuint (lb_csv_reader_get_dialect (reader)->delimiter, ==, '|');
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==, "LF");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 2);
  assert_fields (REC (records, 1), FIELDS ("A", "1"));
}

static void
test_dialect_title_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("title-row.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lb_csv_reader_get_dialect (reader)->header_record, ==, 3);
  g_assert_true (lb_csv_reader_get_dialect (reader)->header_detected);
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 5);
  assert_fields (REC (records, 0), FIELDS ("Leaderboard May 2024"));
  g_assert_cmpuint (REC (records, 1)->n_fields, ==, 0);
  assert_fields (REC (records, 2), FIELDS ("Model", "MMLU", "GSM8K", "Note"));
  assert_fields (REC (records, 4), FIELDS ("B", "80", "60"));
}

static void
test_dialect_header_override (void)
{
  LbCsvOptions options = { .header_record = 2, .delimiter = ',', .decimal_separator = ',' };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("title-row.csv", &options, &error);
  const LbCsvDialect *d;

  g_assert_no_error (error);
  d = lb_csv_reader_get_dialect (reader);
  g_assert_cmpuint (d->header_record, ==, 2);
  g_assert_false (d->header_detected);
  g_assert_false (d->delimiter_detected);
  g_assert_cmpint (d->decimal_separator, ==, ',');
  g_assert_false (d->decimal_separator_detected);
}

static void
test_dialect_header_cleaned (void)
{
  static const char data[] = "\xE2\x80\x8BModel\xC2\xA0,\xEF\xBB\xBFScore\r\nA,1\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  records = read_all (reader);
  assert_fields (REC (records, 0), FIELDS ("Model", "Score"));
}

/* Quoting and line ends */

static void
test_quoting_embedded_newline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("alt-enter.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==, "CRLF");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 4);
  assert_fields (REC (records, 1), FIELDS ("A", "line one\nline two"));
  assert_fields (REC (records, 2), FIELDS ("B", "say \"hi\""));
  assert_fields (REC (records, 3), FIELDS ("C", "plain"));
  g_assert_cmpuint (REC (records, 2)->record, ==, 3);
  g_assert_cmpuint (REC (records, 2)->line, ==, 4);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==, "CRLF");
}

static void
test_quoting_cr_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("cr-only.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==, "CR");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 3);
  assert_fields (REC (records, 2), FIELDS ("B", "2"));
}

static void
test_quoting_mixed_line_ends (void)
{
  static const char data[] = "a,b\r\nc,d\ne,f\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==, "mixed");
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 3);
  assert_fields (REC (records, 2), FIELDS ("e", "f"));
}

static void
test_quoting_excel_padding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("excel-padding.csv", NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  records = read_all (reader);
  g_assert_cmpuint (records->len, ==, 3);
  assert_fields (REC (records, 0), FIELDS ("A", "B"));
  g_assert_cmpuint (REC (records, 1)->n_fields, ==, 0);
  g_assert_null (REC (records, 1)->fields[0]);
  assert_fields (REC (records, 2), FIELDS ("C", "D", "E", "F", "G"));
}

static void
test_quoting_unterminated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_fixture ("unterminated.csv", NULL, &error);
  LbCsvRecord *record;
  guint n = 0;

  g_assert_no_error (error);
  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      lb_csv_record_free (record);
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "unterminated.csv, row 3, column B"));
}

static void
test_quoting_unterminated_only (void)
{
  static const char data[] = "\"never closed, at all\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = open_bytes (data, sizeof data - 1, NULL, &error);
  g_autoptr(LbCsvRecord) record = NULL;

  g_assert_no_error (error);
  record = lb_csv_reader_next (reader, NULL, &error);
  g_assert_null (record);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "scores.csv, row 1, column A"));
}

/* Quotes, doubled quotes, CR and CRLF at every position relative to a chunk boundary. */
static void
test_quoting_chunk_boundaries (void)
{
  const char *eols[] = { "\r\n", "\r", "\n" };

  for (guint e = 0; e < G_N_ELEMENTS (eols); e++)
    for (guint shift = 0; shift < 16; shift++)
      {
        g_autoptr(GString) data = g_string_new ("k,v");
        g_autoptr(GError) error = NULL;
        g_autoptr(LbCsvReader) reader = NULL;
        g_autoptr(GPtrArray) records = NULL;
        guint rows = 0;

        g_string_append (data, eols[e]);
        g_string_append_len (data, "pad,xxxxxxxxxxxxxxxx", 4 + shift);
        g_string_append (data, eols[e]);
        while (data->len < 3 * 65536)
          {
            g_string_append_printf (data, "r%u,\"a\"\"b%sc\"%s", rows, eols[e], eols[e]);
            rows++;
          }
        reader = open_bytes (data->str, data->len, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==,
                         e == 0 ? "CRLF" : e == 1 ? "CR" : "LF");
        records = read_all (reader);
        g_assert_cmpuint (records->len, ==, rows + 2);
        for (guint i = 0; i < rows; i++)
          {
            LbCsvRecord *r = REC (records, i + 2);
            g_autofree char *k = g_strdup_printf ("r%u", i);
            g_autofree char *v = g_strdup_printf ("a\"b%sc", eols[e]);

            g_assert_cmpuint (r->n_fields, ==, 2);
            g_assert_cmpstr (r->fields[0], ==, k);
            g_assert_cmpstr (r->fields[1], ==, v);
            g_assert_cmpuint (r->record, ==, i + 3);
            g_assert_cmpuint (r->line, ==, 3 + 2 * i);
          }
        g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==,
                         e == 0 ? "CRLF" : e == 1 ? "CR" : "LF");
      }
}

/* Limits */

static void
test_limits (void)
{
  g_autoptr(GString) big = g_string_new ("a,b\r\n1,\"");
  g_autoptr(GString) wide = g_string_new ("a\r\n");
  LbCsvOptions field_opts = { .max_field_bytes = 1000 };
  LbCsvOptions col_opts = { .max_columns = 10, .delimiter = ',' };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(LbCsvRecord) first = NULL;
  g_autoptr(LbCsvRecord) second = NULL;

  g_string_append (big, "x");
  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "yyyy");
  reader = open_bytes (big->str, big->len, &field_opts, &error);
  g_assert_no_error (error);
  first = lb_csv_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  second = lb_csv_reader_next (reader, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_FIELD_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "scores.csv, row 2, column B (“b”)"));
  g_assert_nonnull (strstr (error->message, "row 2, column B is probably never closed"));
  g_clear_error (&error);
  g_clear_object (&reader);
  g_clear_pointer (&first, lb_csv_record_free);

  for (guint i = 0; i < 11; i++)
    g_string_append (wide, "v,");
  g_string_append (wide, "\r\n");
  reader = open_bytes (wide->str, wide->len, &col_opts, &error);
  g_assert_no_error (error);
  first = lb_csv_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  second = lb_csv_reader_next (reader, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, LB_CSV_ERROR, LB_CSV_ERROR_TOO_MANY_COLUMNS);
  g_assert_nonnull (strstr (error->message, "scores.csv, row 2, column K: the row has 11 columns"));
}

static void
test_cancelled (void)
{
  g_autoptr(GString) data = g_string_new ("a,b\r\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(LbCsvRecord) record = NULL;

  while (data->len < 200000)
    g_string_append (data, "1,2\r\n");
  reader = open_bytes (data->str, data->len, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  record = lb_csv_reader_next (reader, cancellable, &error);
  g_assert_null (record);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Streaming */

/* A CP932 file much larger than one chunk, so multibyte characters and CRLF pairs fall
 * across chunk boundaries; compares every field. */
static void
test_streaming_cp932_chunks (void)
{
  g_autoptr(GString) utf8 = g_string_new ("モデル,スコア,備考\r\n");
  g_autofree char *cp932 = NULL;
  gsize cp932_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autofree char *expected_sha = NULL;
  LbCsvRecord *record;
  guint n = 0;
  double progress, last_progress = 0.0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (utf8, "表ソ能%u,%u.%u,\"ﾃｽﾄ\r\n①髙%s\"\r\n", i, i % 100, i % 10,
                            i % 3 == 0 ? "\"\"" : "");
  cp932 = g_convert (utf8->str, utf8->len, "CP932", "UTF-8", NULL, &cp932_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp932_len, >, 4 * 64 * 1024);
  bytes = g_bytes_new (cp932, cp932_len);
  expected_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  reader = lb_csv_reader_new_from_bytes (bytes, "big.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->encoding, ==, "CP932");
  g_assert_null (lb_csv_reader_get_dialect (reader)->sha256);

  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      if (n > 0)
        {
          guint i = n - 1;
          g_autofree char *a = g_strdup_printf ("表ソ能%u", i);
          g_autofree char *b = g_strdup_printf ("%u.%u", i % 100, i % 10);
          g_autofree char *c = g_strdup_printf ("ﾃｽﾄ\r\n①髙%s", i % 3 == 0 ? "\"" : "");

          g_assert_cmpuint (record->n_fields, ==, 3);
          g_assert_cmpstr (record->fields[0], ==, a);
          g_assert_cmpstr (record->fields[1], ==, b);
          g_assert_cmpstr (record->fields[2], ==, c);
          g_assert_cmpuint (record->line, ==, 2 + 2 * i);
        }
      n++;
      lb_csv_record_free (record);
      progress = lb_csv_reader_get_progress (reader);
      g_assert_cmpfloat (progress, >=, last_progress);
      g_assert_cmpfloat (progress, <=, 1.0);
      if (n == 10000)
        g_assert_cmpfloat_with_epsilon (progress, 0.5, 0.05);
      last_progress = progress;
    }
  g_assert_no_error (error);
  g_assert_cmpfloat (lb_csv_reader_get_progress (reader), ==, 1.0);
  g_assert_cmpuint (n, ==, 20001);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->sha256, ==, expected_sha);
  g_assert_cmpstr (lb_csv_reader_get_dialect (reader)->line_ending, ==, "CRLF");
}

/* 100,000 rows x 13 columns of CP932, as the issue's speed requirement says. */
static void
test_perf_cp932 (void)
{
  g_autoptr(GString) utf8 = g_string_new ("モデル名");
  g_autofree char *cp932 = NULL;
  gsize cp932_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  LbCsvRecord *record;
  guint n = 0;
  double seconds;

  if (!g_test_perf ())
    {
      g_test_skip ("run with -m perf");
      return;
    }
  for (guint c = 1; c < 13; c++)
    g_string_append_printf (utf8, ",評価%u", c);
  g_string_append (utf8, "\r\n");
  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_printf (utf8, "表計算ソフトモデル%u", i);
      for (guint c = 1; c < 13; c++)
        g_string_append_printf (utf8, ",%u.%02u%%", (i * c) % 100, (i + c) % 100);
      g_string_append (utf8, "\r\n");
    }
  cp932 = g_convert (utf8->str, utf8->len, "CP932", "UTF-8", NULL, &cp932_len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&cp932), cp932_len);

  g_test_timer_start ();
  reader = lb_csv_reader_new_from_bytes (bytes, "perf.csv", NULL, &error);
  g_assert_no_error (error);
  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      lb_csv_record_free (record);
    }
  seconds = g_test_timer_elapsed ();
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 100001);
  g_test_minimized_result (seconds, "read %" G_GSIZE_FORMAT " bytes in %.3f s", cp932_len, seconds);
  g_assert_cmpfloat (seconds, <, 1.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/encoding/cp932", test_encoding_cp932);
  g_test_add_func ("/csv/encoding/cp932-extensions", test_encoding_cp932_extensions);
  g_test_add_func ("/csv/encoding/ascii-then-cp932", test_encoding_ascii_then_cp932);
  g_test_add_func ("/csv/encoding/utf8-bom", test_encoding_utf8_bom);
  g_test_add_func ("/csv/encoding/utf16le", test_encoding_utf16le);
  g_test_add_func ("/csv/encoding/utf16be", test_encoding_utf16be);
  g_test_add_func ("/csv/encoding/windows1252", test_encoding_windows1252);
  g_test_add_func ("/csv/encoding/override", test_encoding_override);
  g_test_add_func ("/csv/encoding/unknown", test_encoding_unknown);
  g_test_add_func ("/csv/encoding/late-invalid", test_encoding_late_invalid);
  g_test_add_func ("/csv/encoding/mojibake-warning", test_encoding_mojibake_warning);
  g_test_add_func ("/csv/refused/signatures", test_refused);
  g_test_add_func ("/csv/refused/nul", test_refused_nul);
  g_test_add_func ("/csv/refused/late-nul", test_refused_late_nul);
  g_test_add_func ("/csv/refused/blank-lines", test_refused_blank_lines);
  g_test_add_func ("/csv/dialect/semicolon-decimal", test_dialect_semicolon_decimal);
  g_test_add_func ("/csv/dialect/decimal-point", test_dialect_decimal_point);
  g_test_add_func ("/csv/dialect/sep-line", test_dialect_sep_line);
  g_test_add_func ("/csv/dialect/sep-line-lf", test_dialect_sep_line_lf);
  g_test_add_func ("/csv/dialect/title-row", test_dialect_title_row);
  g_test_add_func ("/csv/dialect/header-override", test_dialect_header_override);
  g_test_add_func ("/csv/dialect/header-cleaned", test_dialect_header_cleaned);
  g_test_add_func ("/csv/quoting/embedded-newline", test_quoting_embedded_newline);
  g_test_add_func ("/csv/quoting/cr-only", test_quoting_cr_only);
  g_test_add_func ("/csv/quoting/mixed-line-ends", test_quoting_mixed_line_ends);
  g_test_add_func ("/csv/quoting/excel-padding", test_quoting_excel_padding);
  g_test_add_func ("/csv/quoting/unterminated", test_quoting_unterminated);
  g_test_add_func ("/csv/quoting/unterminated-only", test_quoting_unterminated_only);
  g_test_add_func ("/csv/quoting/chunk-boundaries", test_quoting_chunk_boundaries);
  g_test_add_func ("/csv/limits/field-and-columns", test_limits);
  g_test_add_func ("/csv/cancelled", test_cancelled);
  g_test_add_func ("/csv/streaming/cp932-chunks", test_streaming_cp932_chunks);
  g_test_add_func ("/csv/perf/cp932-100k", test_perf_cp932);

  return g_test_run ();
}
