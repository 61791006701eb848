/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-results-reader.h: result files (lm-evaluation-harness, Arena, Every Eval Ever) read as a long table */
#pragma once

#include <gio/gio.h>
#include "lb-csv-reader.h"
#include "lb-types.h"

G_BEGIN_DECLS

#define LB_RESULTS_ERROR (lb_results_error_quark ())

typedef enum {
  LB_RESULTS_ERROR_IO,         /* the file cannot be read */
  LB_RESULTS_ERROR_TOO_LARGE,  /* more than LB_RESULTS_MAX_SIZE */
  LB_RESULTS_ERROR_MALFORMED,  /* not valid JSON: truncated or damaged */
  LB_RESULTS_ERROR_UNKNOWN,    /* valid JSON, but none of the result formats we read */
  LB_RESULTS_ERROR_NO_MODEL,   /* a result file that does not say which model it is about */
  LB_RESULTS_ERROR_EMPTY,      /* a result file without a single score */
} LbResultsError;

/* A result file larger than this is refused (they are a few kilobytes to a few megabytes). */
#define LB_RESULTS_MAX_SIZE ((guint64) 256 * 1024 * 1024)

typedef enum {
  LB_RESULTS_FORMAT_LM_EVAL,  /* lm-evaluation-harness results_*.json */
  LB_RESULTS_FORMAT_ARENA,    /* {category: {model: {rating, rating_q025, rating_q975}}} */
  LB_RESULTS_FORMAT_EEE,      /* Every Eval Ever aggregate documents (schema 0.2/0.3), one or a list */
} LbResultsFormat;

/* The columns of the table a result file is read as (1-based), in this order; a column no
 * result has a value for is left out of the header. */
typedef enum {
  LB_RESULTS_COLUMN_MODEL = 1,
  LB_RESULTS_COLUMN_DEVELOPER,
  LB_RESULTS_COLUMN_BENCHMARK,
  LB_RESULTS_COLUMN_SCORE,
  LB_RESULTS_COLUMN_STDERR,
  LB_RESULTS_COLUMN_DATE,
  LB_RESULTS_N_COLUMNS = LB_RESULTS_COLUMN_DATE,
} LbResultsColumn;

#define LB_TYPE_RESULTS_READER (lb_results_reader_get_type ())
G_DECLARE_FINAL_TYPE (LbResultsReader, lb_results_reader, LB, RESULTS_READER, GObject)

GQuark        lb_results_error_quark      (void);

/* TRUE when @data (the first bytes of a file) starts like a JSON object or array of objects:
 * "{", or "[" then "{", "[" or "]" (after an optional UTF-8 BOM and white space). A CSV file
 * does not start so. */
gboolean      lb_results_looks_like_json  (const guint8 *data,
                                           gsize         len);

/* Reads @file whole, recognises its format by its content and turns it into rows. Bare NaN,
 * Infinity and -Infinity (as Python writes them) become missing values. @display_name names
 * the file in messages (NULL: its base name). */
LbResultsReader *lb_results_reader_new    (GFile         *file,
                                           const char    *display_name,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* The same over bytes in memory. */
LbResultsReader *lb_results_reader_new_from_bytes (GBytes      *bytes,
                                                   const char  *display_name,
                                                   GError     **error);

LbResultsFormat lb_results_reader_get_format (LbResultsReader *self);

/* The format as users know it, with the version the file states when it does:
 * "lm-evaluation-harness results (lm_eval 0.4.2)". Translated, owned. */
const char   *lb_results_reader_get_format_label (LbResultsReader *self);

/* "UTF-8", header row 1 (not guessed), decimal point, the file's size and SHA-256. Owned. */
const LbCsvDialect *lb_results_reader_get_dialect (LbResultsReader *self);

/* The next row, from the header (record 1) on, or NULL at the end. Each value's ->details
 * entry says where in the file it came from as JSON, {"json_path": "results.jmmlu.\"acc,none\"",
 * ...} with what else the file says about it (interval, number of samples, source). Free with
 * lb_csv_record_free(). */
LbCsvRecord  *lb_results_reader_next      (LbResultsReader  *self,
                                           GCancellable     *cancellable,
                                           GError          **error);

/* What the file declares about the benchmark @name (direction, scale, task, metric, harness,
 * protocol such as "5-shot", number of items), or NULL. Owned by the reader. */
const LbBenchmark *lb_results_reader_get_benchmark (LbResultsReader *self,
                                                    const char      *name);

/* How many benchmarks the file holds (*@total) and for how many of them it states whether
 * higher or lower is better (*@stated); the others' direction is guessed from their names. */
void          lb_results_reader_count_directions (LbResultsReader *self,
                                                  guint           *stated,
                                                  guint           *total);

/* Why the value of @record's @column is missing when the file gives a reason the text does
 * not (NaN in the source): an untranslated N_() sentence, or NULL. */
const char   *lb_results_reader_get_missing_reason (LbResultsReader *self,
                                                    guint            record,
                                                    guint            column);

/* Where in the file the value of @record's @column is, as a JSON path
 * (results.jmmlu."acc,none"), or NULL when it is not one value of the file. Owned. */
const char   *lb_results_reader_get_path  (LbResultsReader *self,
                                           guint            record,
                                           guint            column);

/* What a reader of the file should be told (a standard error derived from an interval), of
 * LbWarning*. Owned. */
GPtrArray    *lb_results_reader_get_warnings (LbResultsReader *self);

/* Reads @file again and sets *@same to whether it holds the bytes the reader read. */
gboolean      lb_results_reader_is_file   (LbResultsReader  *self,
                                           GFile            *file,
                                           gboolean         *same,
                                           GCancellable     *cancellable,
                                           GError          **error);

double        lb_results_reader_get_progress (LbResultsReader *self);

G_END_DECLS
