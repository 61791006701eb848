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

/* ---- Excel 97-2003 (.xls): BIFF8 records in an OLE2 compound file, written with libgsf ---- */

typedef struct {
  guint16     row;     /* 0-based; G_MAXUINT16 ends a list */
  guint16     column;  /* 0-based */
  const char *text;    /* a shared string, or NULL for @number */
  double      number;
} XlsCell;

static inline void
xls_u16 (GByteArray *b, guint v)
{
  guint8 x[2] = { v & 0xff, (v >> 8) & 0xff };
  g_byte_array_append (b, x, 2);
}

static inline void
xls_u32 (GByteArray *b, guint32 v)
{
  guint8 x[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
  g_byte_array_append (b, x, 4);
}

static inline void
xls_record (GByteArray *b, guint type, GByteArray *data)
{
  xls_u16 (b, type);
  xls_u16 (b, data != NULL ? data->len : 0);
  if (data != NULL)
    {
      g_byte_array_append (b, data->data, data->len);
      g_byte_array_set_size (data, 0);
    }
}

/* A UTF-16 string with a 1- or 2-byte length, as BOUNDSHEET and SST hold them. */
static inline void
xls_string (GByteArray *b, const char *utf8, gboolean long_length)
{
  glong n = 0;
  g_autofree gunichar2 *w = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  guint8 flags = 1;

  if (long_length)
    xls_u16 (b, (guint) n);
  else
    {
      guint8 c = (guint8) n;
      g_byte_array_append (b, &c, 1);
    }
  g_byte_array_append (b, &flags, 1);
  for (glong i = 0; i < n; i++)
    xls_u16 (b, w[i]);
}

static inline void
xls_bof (GByteArray *b, GByteArray *d, guint kind)
{
  xls_u16 (d, 0x0600);
  xls_u16 (d, kind);
  xls_u16 (d, 0x0DBB);
  xls_u16 (d, 0x07CC);
  xls_u32 (d, 0);
  xls_u32 (d, 6);
  xls_record (b, 0x0809, d);
}

/* Writes @n_sheets sheets named @names holding @cells (each list in row order). */
static inline void
xls_write_workbook (const char          *path,
                    guint                n_sheets,
                    const char * const  *names,
                    const XlsCell * const *cells)
{
  g_autoptr(GByteArray) globals = g_byte_array_new ();
  g_autoptr(GByteArray) sheets = g_byte_array_new ();
  g_autoptr(GByteArray) sst = g_byte_array_new ();
  g_autoptr(GByteArray) d = g_byte_array_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  GsfOutput *sink;
  GsfOutfile *ole;
  GsfOutput *stream;
  guint32 globals_size;

  for (guint s = 0; s < n_sheets; s++)
    {
      guint32 at = sheets->len;
      guint rows = 0, columns = 0;

      g_array_append_val (offsets, at);
      for (const XlsCell *c = cells[s]; c->row != G_MAXUINT16; c++)
        {
          rows = MAX (rows, (guint) c->row + 1);
          columns = MAX (columns, (guint) c->column + 1);
        }
      xls_bof (sheets, d, 0x0010);
      xls_u32 (d, 0);
      xls_u32 (d, rows);
      xls_u16 (d, 0);
      xls_u16 (d, columns);
      xls_u16 (d, 0);
      xls_record (sheets, 0x0200, d);   /* DIMENSIONS */
      for (const XlsCell *c = cells[s]; c->row != G_MAXUINT16; c++)
        {
          xls_u16 (d, c->row);
          xls_u16 (d, c->column);
          xls_u16 (d, 15);
          if (c->text != NULL)
            {
              xls_u32 (d, strings->len);
              g_ptr_array_add (strings, (gpointer) c->text);
              xls_record (sheets, 0x00FD, d);   /* LABELSST */
            }
          else
            {
              g_byte_array_append (d, (const guint8 *) &c->number, 8);
              xls_record (sheets, 0x0203, d);   /* NUMBER */
            }
        }
      xls_record (sheets, 0x000A, NULL);   /* EOF */
    }

  xls_bof (globals, d, 0x0005);
  xls_u16 (d, 0x04B0);
  xls_record (globals, 0x0042, d);   /* CODEPAGE: UTF-16 */
  xls_u16 (d, 0);
  xls_record (globals, 0x0022, d);   /* DATEMODE: 1900 */
  for (guint i = 0; i < 16; i++)
    {
      xls_u16 (d, 0);
      xls_u16 (d, 0);
      xls_u16 (d, i < 15 ? 0xFFF5 : 0x0001);
      {
        static const guint8 zeros[14] = { 0 };
        g_byte_array_append (d, zeros, sizeof zeros);
      }
      xls_record (globals, 0x00E0, d);   /* XF */
    }
  xls_u32 (sst, strings->len);
  xls_u32 (sst, strings->len);
  for (guint i = 0; i < strings->len; i++)
    xls_string (sst, g_ptr_array_index (strings, i), TRUE);
  /* The sheets start after the globals: the BOUNDSHEETs, the SST and EOF. */
  globals_size = globals->len + 4 + sst->len + 4;
  for (guint s = 0; s < n_sheets; s++)
    {
      g_autoptr(GByteArray) name = g_byte_array_new ();

      xls_string (name, names[s], FALSE);
      globals_size += 4 + 6 + name->len;
    }
  for (guint s = 0; s < n_sheets; s++)
    {
      xls_u32 (d, globals_size + g_array_index (offsets, guint32, s));
      xls_u16 (d, 0);
      xls_string (d, names[s], FALSE);
      xls_record (globals, 0x0085, d);   /* BOUNDSHEET */
    }
  xls_u16 (globals, 0x00FC);
  xls_u16 (globals, sst->len);
  g_byte_array_append (globals, sst->data, sst->len);
  xls_record (globals, 0x000A, NULL);
  g_assert_cmpuint (globals->len, ==, globals_size);
  g_byte_array_append (globals, sheets->data, sheets->len);

  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (sink);
  stream = gsf_outfile_new_child (ole, "Workbook", FALSE);
  g_assert_true (gsf_output_write (stream, globals->len, globals->data));
  g_assert_true (gsf_output_close (stream));
  g_object_unref (stream);
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  g_object_unref (ole);
  g_object_unref (sink);
}
