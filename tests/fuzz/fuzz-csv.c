/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: the CSV reader over bytes, with detected and forced dialects */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "lb-csv-reader.h"

static const char *const encodings[] = {
  NULL, LB_ENCODING_UTF8, LB_ENCODING_UTF8_BOM, LB_ENCODING_UTF16LE, LB_ENCODING_UTF16BE,
  LB_ENCODING_CP932, LB_ENCODING_WINDOWS1252, NULL,
};
static const gunichar delimiters[] = { 0, ',', ';', '\t', '|', 0, 0, 0 };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LbCsvOptions options = { 0 };
  LbCsvRecord *record;
  guint8 control;
  guint last_record = 0;
  guint n_records = 0;

  fuzz_setup ();
  if (size < 1)
    return 0;
  /* The first byte chooses what the caller forces; small limits reach the limit paths. */
  control = data[0];
  options.encoding = encodings[control & 7];
  options.delimiter = delimiters[(control >> 3) & 7];
  options.header_record = (control & 0x80) ? 2 : 0;
  if (control & 0x40)
    {
      options.max_field_bytes = 64;
      options.max_record_bytes = 256;
      options.max_columns = 8;
    }
  bytes = g_bytes_new (data + 1, size - 1);

  reader = lb_csv_reader_new_from_bytes (bytes, "fuzz.csv", &options, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LB_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  while ((record = lb_csv_reader_next (reader, NULL, &error)) != NULL)
    {
      g_assert_cmpuint (record->record, >, last_record);
      last_record = record->record;
      g_assert_cmpuint (record->line, >=, 1);
      if (options.max_columns != 0)
        g_assert_cmpuint (record->n_fields, <=, options.max_columns);
      for (guint i = 0; i < record->n_fields; i++)
        {
          g_assert_nonnull (record->fields[i]);
          g_assert_true (g_utf8_validate (record->fields[i], -1, NULL));
          if (options.max_field_bytes != 0)
            g_assert_cmpuint (strlen (record->fields[i]), <=, options.max_field_bytes);
        }
      g_assert_null (record->fields[record->n_fields]);
      lb_csv_record_free (record);
      n_records++;
    }
  if (error != NULL)
    {
      g_assert_true (error->domain == LB_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      const LbCsvDialect *dialect = lb_csv_reader_get_dialect (reader);
      double progress = lb_csv_reader_get_progress (reader);

      g_assert_nonnull (dialect->sha256);
      g_assert_cmpfloat (progress, >=, 0.0);
      g_assert_cmpfloat (progress, <=, 1.0);
    }
  return 0;
}
