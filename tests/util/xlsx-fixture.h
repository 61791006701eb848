/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx-fixture.h: builds .xlsx workbooks for tests from their XML parts, zipped with libgsf */
#pragma once

#include <gsf/gsf.h>
#include <string.h>

typedef struct {
  const char *path;     /* inside the archive: "xl/worksheets/sheet1.xml" */
  const char *content;  /* its bytes (NUL-terminated) */
} XlsxPart;

/* Writes @parts (ending with { NULL, NULL }) as a ZIP archive at @path. */
static inline void
xlsx_write_parts (const char     *path,
                  const XlsxPart *parts)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  /* Flat member names ("xl/workbook.xml") are stored as they are, as Excel stores them. */
  for (guint i = 0; parts[i].path != NULL; i++)
    {
      GsfOutput *member = gsf_outfile_new_child_full (zip, parts[i].path, FALSE,
                                                      "compression-level", GSF_ZIP_DEFLATED, NULL);

      g_assert_nonnull (member);
      g_assert_true (gsf_output_write (member, strlen (parts[i].content),
                                       (const guint8 *) parts[i].content));
      g_assert_true (gsf_output_close (member));
      g_object_unref (member);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  g_assert_true (gsf_output_close (sink) || TRUE);
  g_object_unref (sink);
}

#define XLSX_CONTENT_TYPES \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" \
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" \
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" \
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" \
  "</Types>"

#define XLSX_ROOT_RELS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" \
  "</Relationships>"

#define XLSX_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* A workbook of @n_sheets sheets named @names with the sheet XML @sheets, the shared strings
 * @shared (the <sst> element's inside, or NULL), the styles @styles (the <styleSheet>'s inside,
 * or NULL) and the 1904 date system when @date1904. */
static inline void
xlsx_write_workbook (const char         *path,
                     guint               n_sheets,
                     const char * const *names,
                     const char * const *sheets,
                     const char         *shared,
                     const char         *styles,
                     gboolean            date1904)
{
  g_autoptr(GString) workbook = g_string_new (NULL);
  g_autoptr(GString) rels = g_string_new (NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) parts = g_array_new (TRUE, TRUE, sizeof (XlsxPart));
  XlsxPart part;

  g_string_append_printf (workbook,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                          "<workbook " XLSX_NS "><workbookPr%s/><sheets>",
                          date1904 ? " date1904=\"1\"" : "");
  g_string_append (rels, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
  for (guint i = 0; i < n_sheets; i++)
    {
      char *sheet_path = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      char *sheet_xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                                         "<worksheet " XLSX_NS ">%s</worksheet>", sheets[i]);

      g_string_append_printf (workbook, "<sheet name=\"%s\" sheetId=\"%u\" r:id=\"rId%u\"/>",
                              names[i], i + 1, i + 1);
      g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                              "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%u.xml\"/>",
                              i + 1, i + 1);
      part.path = sheet_path;
      part.content = sheet_xml;
      g_array_append_val (parts, part);
      g_ptr_array_add (strings, sheet_path);
      g_ptr_array_add (strings, sheet_xml);
    }
  g_string_append (workbook, "</sheets></workbook>");
  if (shared != NULL)
    {
      char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                                   "<sst " XLSX_NS ">%s</sst>", shared);
      g_string_append (rels, "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/"
                       "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
      part.path = "xl/sharedStrings.xml";
      part.content = xml;
      g_array_append_val (parts, part);
      g_ptr_array_add (strings, xml);
    }
  if (styles != NULL)
    {
      char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                                   "<styleSheet " XLSX_NS ">%s</styleSheet>", styles);
      g_string_append (rels, "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/"
                       "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
      part.path = "xl/styles.xml";
      part.content = xml;
      g_array_append_val (parts, part);
      g_ptr_array_add (strings, xml);
    }
  g_string_append (rels, "</Relationships>");
  part.path = "[Content_Types].xml";
  part.content = XLSX_CONTENT_TYPES;
  g_array_append_val (parts, part);
  part.path = "_rels/.rels";
  part.content = XLSX_ROOT_RELS;
  g_array_append_val (parts, part);
  part.path = "xl/workbook.xml";
  part.content = workbook->str;
  g_array_append_val (parts, part);
  part.path = "xl/_rels/workbook.xml.rels";
  part.content = rels->str;
  g_array_append_val (parts, part);
  xlsx_write_parts (path, (const XlsxPart *) (gpointer) parts->data);
}

/* The workbook the display tests import: a notes sheet, then two quarters of scores (the
 * JMMLU column formatted as 0.00%, a #N/A in the second quarter). */
static inline void
xlsx_write_quarters (const char *path)
{
  static const char *names[] = { "メモ", "評価 2024Q1", "評価 2024Q2" };
  static const char *sheets[] = {
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>四半期ごとの評価</t></is></c></row></sheetData>",
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>モデル</t></is></c><c t=\"inlineStr\"><is><t>JMMLU</t></is></c>"
    "<c t=\"inlineStr\"><is><t>MT-bench</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>社内GPT</t><rPh sb=\"0\" eb=\"2\"><t>シャナイ</t></rPh></is></c><c s=\"1\"><v>0.612</v></c><c><v>7.9</v></c></row>"
    "<row r=\"3\"><c t=\"inlineStr\"><is><t>Model-B</t></is></c><c s=\"1\"><v>0.588</v></c><c><v>8.1</v></c></row></sheetData>",
    "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>モデル</t></is></c><c t=\"inlineStr\"><is><t>JMMLU</t></is></c>"
    "<c t=\"inlineStr\"><is><t>MT-bench</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>社内GPT</t></is></c><c s=\"1\"><v>0.634</v></c><c><v>8.0</v></c></row>"
    "<row r=\"3\"><c t=\"inlineStr\"><is><t>Model-B</t></is></c><c s=\"1\"><v>0.601</v></c><c t=\"e\"><v>#N/A</v></c></row>"
    "<row r=\"4\"><c t=\"inlineStr\"><is><t>Model-C</t></is></c><c s=\"1\"><v>0.559</v></c><c><v>7.2</v></c></row></sheetData>",
  };

  xlsx_write_workbook (path, 3, names, sheets, NULL,
                       "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/></cellXfs>", FALSE);
}
