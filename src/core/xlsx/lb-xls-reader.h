/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-xls-reader.h: Excel 97-2003 workbooks (.xls) through FreeXL, row by row like a CSV */
#pragma once

#include <gio/gio.h>
#include "lb-csv-reader.h"
#include "lb-xlsx-reader.h"

G_BEGIN_DECLS

/* The most FreeXL is given to read (it holds the whole workbook in memory). */
#define LB_XLS_MAX_FILE_SIZE ((guint64) 256 * 1024 * 1024)

#define LB_TYPE_XLS_READER (lb_xls_reader_get_type ())
G_DECLARE_FINAL_TYPE (LbXlsReader, lb_xls_reader, LB, XLS_READER, GObject)

/* TRUE when @data starts like an OLE2 compound file (.xls, and also an encrypted .xlsx). */
gboolean      lb_xls_looks_like_ole    (const guint8 *data,
                                        gsize         len);

/* Opens the workbook at @file (a local file); errors are in LB_XLSX_ERROR. */
LbXlsReader  *lb_xls_reader_new        (GFile         *file,
                                        const char    *display_name,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* As the .xlsx reader's functions of the same names. */
GPtrArray    *lb_xls_reader_get_sheets (LbXlsReader *self);
const char   *lb_xls_reader_get_default_sheet (LbXlsReader *self);
gboolean      lb_xls_reader_open_sheet (LbXlsReader   *self,
                                        const char    *name,
                                        guint          header_record,
                                        GCancellable  *cancellable,
                                        GError       **error);
const LbCsvDialect *lb_xls_reader_get_dialect (LbXlsReader *self);
LbCsvRecord  *lb_xls_reader_next       (LbXlsReader   *self,
                                        GCancellable  *cancellable,
                                        GError       **error);
GPtrArray    *lb_xls_reader_get_warnings (LbXlsReader *self);
double        lb_xls_reader_get_progress (LbXlsReader *self);

G_END_DECLS
