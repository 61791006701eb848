/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-xlsx-reader.h: a streaming reader for Excel workbooks (.xlsx), row by row like a CSV */
#pragma once

#include <gio/gio.h>
#include "lb-csv-reader.h"

G_BEGIN_DECLS

#define LB_XLSX_ERROR (lb_xlsx_error_quark ())

typedef enum {
  LB_XLSX_ERROR_IO,            /* the file cannot be read */
  LB_XLSX_ERROR_NOT_WORKBOOK,  /* a ZIP archive (or damaged one) that is not an Excel workbook */
  LB_XLSX_ERROR_TOO_LARGE,     /* a part unpacks to too much, or far more than the file (zip bomb) */
  LB_XLSX_ERROR_MALFORMED,     /* XML that is damaged, has a DTD, or cells out of Excel's range */
  LB_XLSX_ERROR_NO_SUCH_SHEET, /* the sheet asked for is not in the workbook */
} LbXlsxError;

/* A part of more than this many bytes, unpacked, is refused. */
#define LB_XLSX_MAX_PART_SIZE ((guint64) 1024 * 1024 * 1024)
/* Nor may the parts read unpack to more than this many times the file's size (above 16 MiB). */
#define LB_XLSX_MAX_RATIO 200

typedef struct {
  char     *name;       /* as Excel shows it on the tab */
  gboolean  hidden;     /* hidden or "very hidden" in Excel */
  gboolean  has_table;  /* a worksheet with two rows of two cells or more */
  char     *part;       /* path of its XML part in the archive, or NULL (a chart sheet) */
} LbXlsxSheet;

#define LB_TYPE_XLSX_READER (lb_xlsx_reader_get_type ())
G_DECLARE_FINAL_TYPE (LbXlsxReader, lb_xlsx_reader, LB, XLSX_READER, GObject)

GQuark        lb_xlsx_error_quark      (void);

/* TRUE when @data (at least its first 4 bytes) starts like a ZIP archive. */
gboolean      lb_xlsx_looks_like_zip   (const guint8 *data,
                                        gsize         len);

/* Opens the workbook @file: its list of sheets, shared strings and number formats, and the
 * SHA-256 of the file. @display_name names it in messages (NULL: the file's name). */
LbXlsxReader *lb_xlsx_reader_new       (GFile         *file,
                                        const char    *display_name,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* The same over bytes in memory; @display_name names them in messages. */
LbXlsxReader *lb_xlsx_reader_new_from_bytes (GBytes      *bytes,
                                             const char  *display_name,
                                             GError     **error);

/* Of LbXlsxSheet*, sheets with a table first, then the others, each in workbook order. Owned. */
GPtrArray    *lb_xlsx_reader_get_sheets (LbXlsxReader *self);

/* The sheet a caller should read when it names none: the only sheet with a table, or NULL
 * when there are several (or none). */
const char   *lb_xlsx_reader_get_default_sheet (LbXlsxReader *self);

/* Starts reading the sheet @name (from its first row); fails with NO_SUCH_SHEET. With
 * @header_record 0 the header row is guessed the same way as for CSV. */
gboolean      lb_xlsx_reader_open_sheet (LbXlsxReader  *self,
                                         const char    *name,
                                         guint          header_record,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The dialect of the open sheet: encoding "UTF-8", decimal point, the header row. Owned. */
const LbCsvDialect *lb_xlsx_reader_get_dialect (LbXlsxReader *self);

const char   *lb_xlsx_reader_get_sheet_name (LbXlsxReader *self);

/* The next non-empty row of the open sheet as a record (record = Excel's row number), its
 * fields the values as text the importer reads (numbers in full, percentages as "61.2%",
 * dates as "2024-05-01", errors as "#N/A"); ->details says for each field how the cell was
 * stored, as JSON, when that differs from the text. NULL at the end or on error. */
LbCsvRecord  *lb_xlsx_reader_next      (LbXlsxReader  *self,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* What a reader of the sheet should be told (hidden rows and columns, merged cells), of
 * LbWarning*; complete after the last row. Owned. */
GPtrArray    *lb_xlsx_reader_get_warnings (LbXlsxReader *self);

/* Reads @file again and sets *@same to whether it holds the bytes the reader opened
 * (SHA-256 and size); FALSE with LB_XLSX_ERROR_IO when it cannot be read. */
gboolean      lb_xlsx_reader_is_file   (LbXlsxReader  *self,
                                        GFile         *file,
                                        gboolean      *same,
                                        GCancellable  *cancellable,
                                        GError       **error);

double        lb_xlsx_reader_get_progress (LbXlsxReader *self);

void          lb_xlsx_sheet_free       (LbXlsxSheet *sheet);

G_END_DECLS
