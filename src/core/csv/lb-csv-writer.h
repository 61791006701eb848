/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-csv-writer.h: CSV that Excel (also Japanese Excel) opens as intended */
#pragma once

#include <glib.h>
#include "lb-store.h"

G_BEGIN_DECLS

/* Builds a CSV document in memory: UTF-8 with a BOM (so Excel does not read it as CP932),
 * CRLF row ends, ',' between fields, fields quoted per RFC 4180 when they hold ',' '"' CR or
 * LF. Text cells that Excel would run as a formula (starting with = + - @ TAB CR LF or their
 * full-width forms ＝ ＋ － ＠) get a leading apostrophe; numbers are written with '.', no
 * thousands separators, and stay numbers (also negative ones). */
typedef struct _LbCsvWriter LbCsvWriter;

LbCsvWriter *lb_csv_writer_new          (void);
void         lb_csv_writer_free         (LbCsvWriter *self);

/* A text cell; NULL gives an empty cell. */
void         lb_csv_writer_add_text     (LbCsvWriter *self, const char *text);
/* A number cell. @raw (may be NULL) is the text the number was read from: its count of
 * decimals is kept when it denotes the same value ("85.30%" → 85.30), else the shortest
 * text that reads back as @value is written. */
void         lb_csv_writer_add_number   (LbCsvWriter *self, double value, const char *raw);
void         lb_csv_writer_add_empty    (LbCsvWriter *self);
/* Ends the current row (CRLF). */
void         lb_csv_writer_end_row      (LbCsvWriter *self);

/* The document so far; the writer stays usable. Owned by the caller. */
GBytes      *lb_csv_writer_get_bytes    (LbCsvWriter *self);

/* Formats @value as a plain decimal number for a CSV cell, as described for
 * lb_csv_writer_add_number(). Newly allocated. */
char        *lb_csv_format_number       (double value, const char *raw);

/* The wide table of a leaderboard's current results: header Model, Version, Provider, then a
 * column per benchmark ("JMMLU (%)" when it has a unit) in their order; a row per model; a
 * missing result is an empty cell. Returns the CSV bytes, or NULL with @error (LB_STORE_ERROR;
 * LB_CSV_ERROR_TOO_MANY_COLUMNS past LB_CSV_EXPORT_MAX_COLUMNS, _RECORD_TOO_LARGE when the table
 * does not fit in memory). */
#define LB_CSV_EXPORT_MAX_COLUMNS 16384  /* Excel's */

GBytes      *lb_csv_export_leaderboard  (LbStore  *store,
                                         gint64    leaderboard_id,
                                         GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCsvWriter, lb_csv_writer_free)

G_END_DECLS
