/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-xlsx.c: the workbook reader, over a raw archive or over XML parts zipped here */
#include "config.h"

#include <gsf/gsf.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fuzz-common.h"
#include "lb-xlsx-reader.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static void
add_part (GsfOutfile *zip,
          const char *name,
          const char *data,
          gsize       len)
{
  GsfOutput *member = gsf_outfile_new_child_full (zip, name, FALSE, "compression-level",
                                                  GSF_ZIP_DEFLATED, NULL);

  gsf_output_write (member, len, (const guint8 *) data);
  gsf_output_close (member);
  g_object_unref (member);
}

/* A workbook whose sheet, shared strings and styles are the input's parts, split at 0x01:
 * the fuzzer works on the XML the reader parses, not on deflate streams. */
static GBytes *
zip_parts (const uint8_t *data,
           size_t         size)
{
  static const char *const fixed =
    "<workbook " NS "><workbookPr date1904=\"0\"/><sheets><sheet name=\"評価\" sheetId=\"1\" "
    "r:id=\"rId1\"/><sheet name=\"Two\" sheetId=\"2\" r:id=\"rId1\" state=\"hidden\"/></sheets></workbook>";
  static const char *const rels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>"
    "</Relationships>";
  static const char *const root =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";
  static const char *const names[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml" };
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  GBytes *bytes;
  gsize start = 0;
  guint part = 0;

  add_part (zip, "_rels/.rels", root, strlen (root));
  add_part (zip, "xl/workbook.xml", fixed, strlen (fixed));
  add_part (zip, "xl/_rels/workbook.xml.rels", rels, strlen (rels));
  for (gsize i = 0; i <= size && part < G_N_ELEMENTS (names); i++)
    if (i == size || data[i] == 0x01)
      {
        add_part (zip, names[part++], (const char *) data + start, i - start);
        start = i + 1;
      }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LbXlsxReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sheets;
  guint8 control;

  fuzz_setup ();
  if (size < 1)
    return 0;
  /* Bit 0: the rest is a raw archive; otherwise XML parts. Bit 1: header row 1, not guessed. */
  control = data[0];
  bytes = (control & 1) ? g_bytes_new (data + 1, size - 1) : zip_parts (data + 1, size - 1);
  reader = lb_xlsx_reader_new_from_bytes (bytes, "fuzz.xlsx", &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LB_XLSX_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  sheets = lb_xlsx_reader_get_sheets (reader);
  g_assert_cmpuint (sheets->len, >, 0);
  for (guint s = 0; s < sheets->len; s++)
    {
      LbXlsxSheet *sheet = g_ptr_array_index (sheets, s);
      LbCsvRecord *record;
      guint last = 0;

      g_assert_true (g_utf8_validate (sheet->name, -1, NULL));
      if (!lb_xlsx_reader_open_sheet (reader, sheet->name, (control & 2) ? 1 : 0, NULL, &error))
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == LB_XLSX_ERROR);
          g_clear_error (&error);
          continue;
        }
      g_assert_cmpuint (lb_xlsx_reader_get_dialect (reader)->header_record, >=, 1);
      while ((record = lb_xlsx_reader_next (reader, NULL, &error)) != NULL)
        {
          g_assert_cmpuint (record->record, >, last);
          g_assert_cmpuint (record->record, <=, 1048576);
          g_assert_cmpuint (record->n_fields, <=, 16384);
          last = record->record;
          for (guint i = 0; i < record->n_fields; i++)
            {
              g_assert_nonnull (record->fields[i]);
              g_assert_true (g_utf8_validate (record->fields[i], -1, NULL));
              if (record->details != NULL && record->details[i] != NULL)
                {
                  g_autoptr(JsonParser) parser = json_parser_new ();
                  g_assert_true (json_parser_load_from_data (parser, record->details[i], -1, NULL));
                }
            }
          g_assert_null (record->fields[record->n_fields]);
          lb_csv_record_free (record);
        }
      if (error != NULL)
        {
          g_assert_true (error->domain == LB_XLSX_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_clear_error (&error);
        }
      g_assert_cmpfloat (lb_xlsx_reader_get_progress (reader), <=, 1.0);
    }
  return 0;
}
