/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-csv-reader.h: a streaming reader for CSV/TSV files as Excel writes them */
#pragma once

#include <gio/gio.h>
#include "lb-types.h"

G_BEGIN_DECLS

#define LB_CSV_ERROR (lb_csv_error_quark ())

typedef enum {
  LB_CSV_ERROR_IO,                 /* the file cannot be read */
  LB_CSV_ERROR_BINARY,             /* xlsx, xls, PDF, image, stray NUL bytes: not a text table */
  LB_CSV_ERROR_EMPTY,              /* no records (empty, BOM only, blank lines only) */
  LB_CSV_ERROR_ENCODING,           /* bytes that are not valid in the chosen encoding */
  LB_CSV_ERROR_UNTERMINATED_QUOTE, /* a quoted field is never closed */
  LB_CSV_ERROR_FIELD_TOO_LARGE,    /* a field exceeds max_field_bytes */
  LB_CSV_ERROR_TOO_MANY_COLUMNS,   /* a record exceeds max_columns */
  LB_CSV_ERROR_RECORD_TOO_LARGE,   /* a record exceeds max_record_bytes */
  LB_CSV_ERROR_UNKNOWN_ENCODING,   /* the override names an encoding we cannot decode */
  LB_CSV_ERROR_CHANGED,            /* the file is not the one an earlier reader read */
} LbCsvError;

/* Encodings by their canonical names, as stored with an import and in LBOM. */
#define LB_ENCODING_UTF8        "UTF-8"
#define LB_ENCODING_UTF8_BOM    "UTF-8-BOM"
#define LB_ENCODING_UTF16LE     "UTF-16LE"
#define LB_ENCODING_UTF16BE     "UTF-16BE"
#define LB_ENCODING_CP932       "CP932"
#define LB_ENCODING_WINDOWS1252 "WINDOWS-1252"

/* What the caller forces; zero/NULL members mean "detect". */
typedef struct {
  const char *encoding;     /* one of the LB_ENCODING_* names, or NULL */
  gunichar    delimiter;    /* ',', ';', '\t', '|', or 0 */
  guint       header_record;/* 1-based record number of the header row, or 0 */
  char        decimal_separator; /* '.' or ',', or 0 */
  gsize       max_field_bytes;   /* 0: 1 MiB */
  gsize       max_record_bytes;  /* 0: 16 MiB */
  guint       max_columns;       /* 0: 16384 (Excel's limit) */
  const char *sheet;             /* a workbook's sheet by name; NULL: the only one with a table */
} LbCsvOptions;

/* What the reader decided, and whether it was detected or forced. */
typedef struct {
  char      *encoding;          /* LB_ENCODING_*; when the first 64 KiB were plain ASCII, "UTF-8"
                                   may become "CP932" or "WINDOWS-1252" at the first other byte:
                                   read it again after the last record */
  gboolean   encoding_detected;
  char      *encoding_reason;   /* translated sentence saying why, e.g. "The file starts with a UTF-8 byte order mark." */
  gunichar   delimiter;
  gboolean   delimiter_detected;
  gboolean   sep_line;          /* a leading "sep=X" line was honoured and skipped */
  char       decimal_separator; /* '.' or ',' */
  gboolean   decimal_separator_detected;
  guint      header_record;     /* 1-based record number of the header row */
  gboolean   header_detected;
  guint      header_alternative;/* detected: another row just as likely to be the header, or 0 */
  char      *header_reason;     /* detected: translated sentence saying why it is not row 1, or
                                   that two rows are equally likely; NULL when row 1 is clear */
  const char *line_ending;      /* "CRLF", "LF", "CR" or "mixed" (static) */
  guint64    size_bytes;
  char      *sha256;            /* hex of the file's bytes; set once the whole file has been read (NULL before) */
} LbCsvDialect;

/* What a reader has read so far, for a later reader to check that it reads the same file:
 * its size and modification time when it was opened, and the SHA-256 of its first bytes. */
typedef struct {
  guint64 size;
  gint64  mtime_usec;         /* 0 when unknown (bytes in memory) */
  guint64 prefix_bytes;       /* how many bytes the first reader had read */
  char    prefix_sha256[65];  /* hex SHA-256 of those bytes */
} LbCsvFingerprint;

/* One record. Row numbers are what Excel shows: record 1 is the first record of the file
 * (a skipped "sep=" line does not count). Columns are 1-based (1 = A). Trailing empty
 * fields that Excel pads are removed, so a blank row has n_fields == 0. */
typedef struct {
  guint   record;   /* 1-based record (row) number */
  guint   line;     /* 1-based physical line where the record starts */
  guint   n_fields;
  char  **fields;   /* n_fields UTF-8 strings, NUL-terminated array; part of the record's
                       own allocation: edit in place, never free or replace one */
  char  **details;  /* NULL, or n_fields entries (each NULL or JSON): how a workbook stored
                       the cell when that differs from its text (type, value, number format,
                       formula); part of the same allocation. Always NULL for CSV */
} LbCsvRecord;

#define LB_TYPE_CSV_READER (lb_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (LbCsvReader, lb_csv_reader, LB, CSV_READER, GObject)

GQuark        lb_csv_error_quark      (void);

/* Opens @file, reads a sample and detects the dialect; @options may be NULL.
 * Fails with LB_CSV_ERROR_BINARY, _EMPTY, _ENCODING, _IO with a message that names the file. */
LbCsvReader  *lb_csv_reader_new       (GFile               *file,
                                       const LbCsvOptions  *options,
                                       GCancellable        *cancellable,
                                       GError             **error);

/* lb_csv_reader_new() naming the data @display_name in messages (NULL: the file's name). With
 * @expected (may be NULL), fails with LB_CSV_ERROR_CHANGED as soon as the file's size,
 * modification time or first @expected->prefix_bytes bytes differ from what it records. */
LbCsvReader  *lb_csv_reader_new_full  (GFile                  *file,
                                       const char             *display_name,
                                       const LbCsvOptions     *options,
                                       const LbCsvFingerprint *expected,
                                       GCancellable           *cancellable,
                                       GError                **error);

/* Same over bytes already in memory; @display_name names the data in messages. */
LbCsvReader  *lb_csv_reader_new_from_bytes (GBytes              *bytes,
                                            const char          *display_name,
                                            const LbCsvOptions  *options,
                                            GError             **error);

/* The dialect in use (owned by the reader). */
const LbCsvDialect *lb_csv_reader_get_dialect (LbCsvReader *self);

/* The next record, or NULL at the end (with *error unset) or on error.
 * Streams: memory stays bounded by the record size. Free with lb_csv_record_free(). */
LbCsvRecord  *lb_csv_reader_next      (LbCsvReader   *self,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* A translated sentence (with row and column) when the text looks like mojibake, e.g.
 * UTF-8 Japanese that was read as CP932 and saved again; NULL otherwise. Owned by the reader. */
const char   *lb_csv_reader_get_encoding_warning (LbCsvReader *self);
/* The same warning with its code and arguments, to keep and render in another language. */
const LbWarning *lb_csv_reader_get_encoding_warning_record (LbCsvReader *self);

/* Fills @fingerprint with what identifies the bytes read so far (including those read ahead). */
void          lb_csv_reader_get_fingerprint (LbCsvReader      *self,
                                             LbCsvFingerprint *fingerprint);

/* Fraction of the input consumed so far, 0.0 to 1.0. */
double        lb_csv_reader_get_progress (LbCsvReader *self);

/* Guesses the header among @rows (of char**, NULL-terminated fields, the first rows of a table
 * in order) into @dialect: its row, an equally likely other row and why. The guess a CSV file
 * gets, for other readers of tables (workbooks). */
void          lb_csv_dialect_guess_header (LbCsvDialect *dialect,
                                           GPtrArray    *rows);

void          lb_csv_record_free      (LbCsvRecord *record);
void          lb_csv_dialect_clear    (LbCsvDialect *dialect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCsvRecord, lb_csv_record_free)

G_END_DECLS
