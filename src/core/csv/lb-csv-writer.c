/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-csv-writer.c: CSV that Excel (also Japanese Excel) opens as intended */

#define G_LOG_DOMAIN "lb-csv-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lb-csv-writer.h"
#include "lb-csv-reader.h"

struct _LbCsvWriter
{
  GString  *buffer;
  gboolean  row_started;
};

/* The 17 significant digits of a double fit; more digits in a cell cannot be its value. */
#define MAX_RAW_DIGITS 17

static gunichar
fold_full_width (gunichar c)
{
  /* Full-width ASCII (U+FF01..U+FF5E) as typed with a Japanese input method. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFF01 + 0x21;
  return c;
}

/* The number of decimals @raw shows, when its digits denote |@value|; -1 when they don't
 * (or @raw is in E notation, or has no digits). */
static int
raw_decimals (const char *raw,
              double      value)
{
  char digits[MAX_RAW_DIGITS + 1];
  guint n_digits = 0;
  int after_separator = -1;
  double magnitude = fabs (value);
  double tolerance = 1e-9 * MAX (1.0, magnitude);

  if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
    return -1;

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = fold_full_width (g_utf8_get_char (p));

      if (c >= '0' && c <= '9')
        {
          if (n_digits == MAX_RAW_DIGITS)
            return -1;
          digits[n_digits++] = (char) c;
          if (after_separator >= 0)
            after_separator++;
        }
      else if (c == '.' || c == ',')
        {
          if (n_digits > 0)
            after_separator = 0;
        }
      else if ((c == 'e' || c == 'E') && n_digits > 0)
        return -1;
    }

  if (n_digits == 0)
    return -1;
  digits[n_digits] = '\0';

  /* "1,234" is a thousands separator (0 decimals), "85,3" a decimal comma (1): the value decides. */
  for (guint i = 0; i < 2; i++)
    {
      int decimals = i == 0 ? after_separator : 0;

      if (decimals < 0 || (i == 1 && after_separator == 0))
        continue;
      if (fabs (g_ascii_strtod (digits, NULL) / pow (10.0, decimals) - magnitude) <= tolerance)
        return decimals;
    }
  return -1;
}

static char *
format_fixed (double value,
              int    decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 400];

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

char *
lb_csv_format_number (double      value,
                      const char *raw)
{
  int decimals;

  if (!isfinite (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
    }

  decimals = raw_decimals (raw, value);
  if (decimals >= 0)
    {
      g_autofree char *text = format_fixed (value, decimals);

      if (g_ascii_strtod (text, NULL) == value)
        return g_steal_pointer (&text);
    }

  /* Plain decimals where Excel shows them so, E notation only for extreme magnitudes. */
  if (value == 0.0 || (fabs (value) >= 1e-4 && fabs (value) < 1e15))
    {
      for (int d = 0; d <= 20; d++)
        {
          g_autofree char *text = format_fixed (value, d);

          if (g_ascii_strtod (text, NULL) == value)
            return g_steal_pointer (&text);
        }
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[16];
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (precision == 17 || g_ascii_strtod (buffer, NULL) == value)
        return g_strdup (buffer);
    }
  g_assert_not_reached ();
}

static gboolean
is_formula_trigger (gunichar c)
{
  switch (c)
    {
    case '=': case '+': case '-': case '@':
    case '\t': case '\r': case '\n':
    case 0xFF1D: /* ＝ */
    case 0xFF0B: /* ＋ */
    case 0xFF0D: /* － */
    case 0xFF20: /* ＠ */
      return TRUE;
    default:
      return FALSE;
    }
}

static void
begin_field (LbCsvWriter *self)
{
  if (self->row_started)
    g_string_append_c (self->buffer, ',');
  self->row_started = TRUE;
}

LbCsvWriter *
lb_csv_writer_new (void)
{
  LbCsvWriter *self = g_new0 (LbCsvWriter, 1);

  self->buffer = g_string_new ("\xEF\xBB\xBF");
  return self;
}

void
lb_csv_writer_free (LbCsvWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

void
lb_csv_writer_add_text (LbCsvWriter *self,
                        const char  *text)
{
  gboolean neutralise;
  gboolean quote;

  g_return_if_fail (self != NULL);

  begin_field (self);
  if (text == NULL || *text == '\0')
    return;

  neutralise = is_formula_trigger (g_utf8_get_char_validated (text, -1));
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (self->buffer, '"');
  if (neutralise)
    g_string_append_c (self->buffer, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  if (quote)
    g_string_append_c (self->buffer, '"');
}

void
lb_csv_writer_add_number (LbCsvWriter *self,
                          double       value,
                          const char  *raw)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);

  begin_field (self);
  text = lb_csv_format_number (value, raw);
  g_string_append (self->buffer, text);
}

void
lb_csv_writer_add_empty (LbCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_field (self);
}

void
lb_csv_writer_end_row (LbCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->buffer, "\r\n");
  self->row_started = FALSE;
}

GBytes *
lb_csv_writer_get_bytes (LbCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_bytes_new (self->buffer->str, self->buffer->len);
}

GBytes *
lb_csv_export_leaderboard (LbStore  *store,
                           gint64    leaderboard_id,
                           GError  **error)
{
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) column_of = NULL;
  g_autoptr(GHashTable) row_of = NULL;
  g_autoptr(LbCsvWriter) writer = NULL;
  g_autofree LbResult **cells = NULL;
  gsize cells_size = 0;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  leaderboard = lb_store_get_leaderboard (store, leaderboard_id, error);
  if (leaderboard == NULL)
    return NULL;
  benchmarks = lb_store_list_benchmarks (store, leaderboard_id, error);
  if (benchmarks == NULL)
    return NULL;
  models = lb_store_list_models (store, leaderboard_id, error);
  if (models == NULL)
    return NULL;
  results = lb_store_list_results (store, leaderboard_id, TRUE, error);
  if (results == NULL)
    return NULL;

  column_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);
      g_hash_table_insert (column_of, &benchmark->id, GUINT_TO_POINTER (i + 1));
    }
  row_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = g_ptr_array_index (models, i);
      g_hash_table_insert (row_of, &model->id, GUINT_TO_POINTER (i + 1));
    }

  /* Excel opens at most 16,384 columns, and so does our reader: a wider table is no CSV for
   * anyone. Model, Version and Provider come first. */
  if (benchmarks->len > LB_CSV_EXPORT_MAX_COLUMNS - 3)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_TOO_MANY_COLUMNS,
                   _("“%s” has %u benchmarks: as a table that is %u columns, and Excel opens at "
                     "most %u. Nothing was exported. Export it as LBOM instead."),
                   leaderboard->name, benchmarks->len, benchmarks->len + 3,
                   (guint) LB_CSV_EXPORT_MAX_COLUMNS);
      return NULL;
    }
  /* Sizes in gsize and checked: models × benchmarks in 32 bits wraps (65,536 × 65,536 is 0). */
  if (!lb_size_mul3 (MAX (models->len, 1), MAX (benchmarks->len, 1), sizeof (LbResult *), &cells_size)
      || (cells = g_try_malloc0 (cells_size)) == NULL)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_RECORD_TOO_LARGE,
                   _("“%s” is too large to export as a table (%u models × %u benchmarks). "
                     "Nothing was exported. Export it as LBOM instead."),
                   leaderboard->name, models->len, benchmarks->len);
      return NULL;
    }
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *result = g_ptr_array_index (results, i);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (column_of, &result->benchmark_id));
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, &result->model_id));

      if (column == 0 || row == 0)
        continue;
      cells[(gsize) (row - 1) * benchmarks->len + (column - 1)] = result;
    }

  writer = lb_csv_writer_new ();
  lb_csv_writer_add_text (writer, _("Model"));
  lb_csv_writer_add_text (writer, _("Version"));
  lb_csv_writer_add_text (writer, _("Provider"));
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);

      if (benchmark->unit != NULL && *benchmark->unit != '\0')
        {
          g_autofree char *header = g_strdup_printf ("%s (%s)", benchmark->name, benchmark->unit);
          lb_csv_writer_add_text (writer, header);
        }
      else
        lb_csv_writer_add_text (writer, benchmark->name);
    }
  lb_csv_writer_end_row (writer);

  for (guint r = 0; r < models->len; r++)
    {
      LbModel *model = g_ptr_array_index (models, r);

      lb_csv_writer_add_text (writer, model->name);
      lb_csv_writer_add_text (writer, model->version);
      lb_csv_writer_add_text (writer, model->provider);
      for (guint c = 0; c < benchmarks->len; c++)
        {
          LbResult *result = cells[(gsize) r * benchmarks->len + c];

          if (result != NULL)
            lb_csv_writer_add_number (writer, result->score, result->raw);
          else
            lb_csv_writer_add_empty (writer);
        }
      lb_csv_writer_end_row (writer);
    }

  return lb_csv_writer_get_bytes (writer);
}
