/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-xls-reader.c: Excel 97-2003 workbooks (.xls) through FreeXL, row by row like a CSV */

#define G_LOG_DOMAIN "lb-xls"

#include "config.h"

#include <freexl.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lb-xls-reader.h"
#include "lb-types.h"
#include "lb-warning.h"

#define HEADER_SAMPLE_ROWS 100
#define PEEK_ROWS          200

struct _LbXlsReader
{
  GObject        parent_instance;

  /* owned */
  char          *display_name;
  const void    *handle;      /* FreeXL's */
  GPtrArray     *sheets;      /* of LbXlsxSheet*, part = the sheet's index as text */
  LbCsvDialect   dialect;
  GPtrArray     *warnings;    /* of LbWarning* */
  GString       *text;

  /* the open sheet */
  LbXlsxSheet   *sheet;       /* borrowed */
  guint          rows;
  guint          columns;
  guint          next_row;    /* 0-based */
};

G_DEFINE_FINAL_TYPE (LbXlsReader, lb_xls_reader, G_TYPE_OBJECT)

static void
lb_xls_reader_finalize (GObject *object)
{
  LbXlsReader *self = LB_XLS_READER (object);

  if (self->handle != NULL)
    freexl_close (self->handle);
  g_free (self->display_name);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  lb_csv_dialect_clear (&self->dialect);
  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (lb_xls_reader_parent_class)->finalize (object);
}

static void
lb_xls_reader_class_init (LbXlsReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_xls_reader_finalize;
}

static void
lb_xls_reader_init (LbXlsReader *self)
{
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_xlsx_sheet_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  self->text = g_string_new (NULL);
}

/* Appends the text of cell (@row, @column), 0-based, as the importer reads it. */
static void
append_cell (LbXlsReader *self,
             guint        row,
             guint        column,
             GString     *out)
{
  FreeXL_CellValue value;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (freexl_get_cell_value (self->handle, row, (unsigned short) column, &value) != FREEXL_OK)
    return;
  switch (value.type)
    {
    case FREEXL_CELL_INT:
      g_string_append_printf (out, "%d", value.value.int_value);
      break;
    case FREEXL_CELL_DOUBLE:
      if (isfinite (value.value.double_value))
        /* Excel keeps 15 significant digits. */
        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", value.value.double_value));
      break;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      if (value.value.text_value != NULL && g_utf8_validate (value.value.text_value, -1, NULL))
        g_string_append (out, value.value.text_value);
      break;
    default:
      break;
    }
}

/* Row @row (0-based) of the open sheet as a record, or NULL when it holds nothing. */
static LbCsvRecord *
read_record (LbXlsReader *self,
             guint        row)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  LbCsvRecord *record;
  guint n = 0;
  gsize head;
  char *text;

  g_string_truncate (self->text, 0);
  for (guint c = 0; c < self->columns; c++)
    {
      gsize at = self->text->len;

      append_cell (self, row, c, self->text);
      if (self->text->len > at)
        n = c + 1;
      g_string_append_c (self->text, '\0');
      g_array_append_val (offsets, at);
    }
  if (n == 0)
    return NULL;
  head = sizeof (LbCsvRecord) + (n + 1) * sizeof (char *);
  record = g_malloc (head + self->text->len);
  record->record = row + 1;
  record->line = row + 1;
  record->n_fields = n;
  record->fields = (char **) (gpointer) (record + 1);
  record->details = NULL;
  text = (char *) record + head;
  memcpy (text, self->text->str, self->text->len);
  for (guint c = 0; c < n; c++)
    record->fields[c] = text + g_array_index (offsets, gsize, c);
  record->fields[n] = NULL;
  return record;
}

static gboolean
select_sheet (LbXlsReader *self,
              guint        index)
{
  unsigned int rows = 0;
  unsigned short columns = 0;

  if (freexl_select_active_worksheet (self->handle, (unsigned short) index) != FREEXL_OK
      || freexl_worksheet_dimensions (self->handle, &rows, &columns) != FREEXL_OK)
    return FALSE;
  self->rows = rows;
  self->columns = columns;
  return TRUE;
}

static void
set_unreadable (LbXlsReader  *self,
                GError      **error)
{
  g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
               _("%s cannot be read as an old Excel workbook (.xls): it is damaged, "
                 "password-protected, or not a workbook. Nothing was imported. Open it in "
                 "Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8."),
               self->display_name);
}

gboolean
lb_xls_looks_like_ole (const guint8 *data,
                       gsize         len)
{
  static const guint8 magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

  return len >= 8 && memcmp (data, magic, 8) == 0;
}

LbXlsReader *
lb_xls_reader_new (GFile         *file,
                   const char    *display_name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(LbXlsReader) self = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  unsigned int count = 0, password = 0, date_mode = 0;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LB_TYPE_XLS_READER, NULL);
  self->display_name = display_name != NULL ? g_strdup (display_name) : g_file_get_basename (file);
  path = g_file_get_path (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (path == NULL || info == NULL)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_IO, _("%s cannot be opened: %s"),
                   self->display_name, local_error != NULL ? local_error->message : "?");
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > LB_XLS_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (LB_XLS_MAX_FILE_SIZE);

      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_TOO_LARGE,
                   _("%s is larger than %s, more than an Excel 97-2003 workbook holds. Nothing "
                     "was imported. Save it as an Excel workbook (.xlsx) or as CSV."),
                   self->display_name, limit);
      return NULL;
    }
  /* The SHA-256 of the bytes FreeXL reads: the import checks that it reads them again. */
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_IO, _("%s cannot be read: %s"),
                   self->display_name, local_error->message);
      return NULL;
    }
  self->dialect.sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  self->dialect.size_bytes = length;
  g_clear_pointer (&contents, g_free);

  if (freexl_open (path, &self->handle) != FREEXL_OK)
    {
      self->handle = NULL;
      set_unreadable (self, error);
      return NULL;
    }
  if (freexl_get_info (self->handle, FREEXL_BIFF_PASSWORD, &password) != FREEXL_OK
      || password == FREEXL_BIFF_OBFUSCATED
      || freexl_get_info (self->handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0)
    {
      set_unreadable (self, error);
      return NULL;
    }
  freexl_get_info (self->handle, FREEXL_BIFF_DATEMODE, &date_mode);

  for (guint i = 0; i < count; i++)
    {
      LbXlsxSheet *sheet = g_new0 (LbXlsxSheet, 1);
      const char *name = NULL;
      guint wide_rows = 0;

      if (freexl_get_worksheet_name (self->handle, (unsigned short) i, &name) != FREEXL_OK
          || name == NULL || !g_utf8_validate (name, -1, NULL))
        sheet->name = g_strdup_printf ("Sheet%u", i + 1);
      else
        sheet->name = g_strdup (name);
      sheet->part = g_strdup_printf ("%u", i);
      if (select_sheet (self, i))
        for (guint r = 0; r < self->rows && r < PEEK_ROWS && wide_rows < 2; r++)
          {
            LbCsvRecord *record = read_record (self, r);
            guint filled = 0;

            for (guint c = 0; record != NULL && c < record->n_fields; c++)
              filled += record->fields[c][0] != '\0';
            wide_rows += filled >= 2;
            g_clear_pointer (&record, lb_csv_record_free);
          }
      sheet->has_table = wide_rows >= 2;
      g_ptr_array_add (self->sheets, sheet);
    }
  /* Data sheets first, as for .xlsx. */
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_xlsx_sheet_free);

    for (int pass = 0; pass < 2; pass++)
      for (guint i = 0; i < self->sheets->len; i++)
        {
          LbXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

          if (sheet != NULL && sheet->has_table == (pass == 0))
            {
              g_ptr_array_add (ordered, sheet);
              self->sheets->pdata[i] = NULL;
            }
        }
    /* Every sheet moved: the old array holds only NULLs, which are not freed. */
    g_ptr_array_set_free_func (self->sheets, NULL);
    g_ptr_array_unref (self->sheets);
    self->sheets = g_steal_pointer (&ordered);
  }

  self->dialect.encoding = g_strdup (LB_ENCODING_UTF8);
  self->dialect.encoding_detected = TRUE;
  self->dialect.encoding_reason = g_strdup (_("An Excel 97-2003 workbook stores its text as Unicode "
                                              "or in its own code page, which is converted."));
  self->dialect.delimiter = ',';
  self->dialect.decimal_separator = '.';
  self->dialect.line_ending = "CRLF";
  return g_steal_pointer (&self);
}

GPtrArray *
lb_xls_reader_get_sheets (LbXlsReader *self)
{
  g_return_val_if_fail (LB_IS_XLS_READER (self), NULL);
  return self->sheets;
}

const char *
lb_xls_reader_get_default_sheet (LbXlsReader *self)
{
  const char *found = NULL;

  g_return_val_if_fail (LB_IS_XLS_READER (self), NULL);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      LbXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (!sheet->has_table)
        continue;
      if (found != NULL)
        return NULL;
      found = sheet->name;
    }
  return found;
}

gboolean
lb_xls_reader_open_sheet (LbXlsReader   *self,
                          const char    *name,
                          guint          header_record,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) sample = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_csv_record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  static char *empty_row[1] = { NULL };
  LbXlsxSheet *sheet = NULL;

  g_return_val_if_fail (LB_IS_XLS_READER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < self->sheets->len && sheet == NULL; i++)
    if (strcmp (((LbXlsxSheet *) g_ptr_array_index (self->sheets, i))->name, name) == 0)
      sheet = g_ptr_array_index (self->sheets, i);
  if (sheet == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->sheets->len; i++)
        g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "",
                                ((LbXlsxSheet *) g_ptr_array_index (self->sheets, i))->name);
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NO_SUCH_SHEET,
                   _("%s has no sheet “%s”. Its sheets are: %s."), self->display_name, name, names->str);
      return FALSE;
    }
  if (!select_sheet (self, (guint) g_ascii_strtoull (sheet->part, NULL, 10)))
    {
      set_unreadable (self, error);
      return FALSE;
    }
  self->sheet = sheet;
  self->next_row = 0;
  g_ptr_array_set_size (self->warnings, 0);

  /* The header guess CSV files get, over the first rows. */
  for (guint r = 0; r < self->rows && r < HEADER_SAMPLE_ROWS; r++)
    {
      LbCsvRecord *record = read_record (self, r);

      if (record != NULL)
        g_ptr_array_add (sample, record);
      g_ptr_array_add (fields, record != NULL ? (gpointer) record->fields : (gpointer) empty_row);
    }
  if (header_record != 0)
    {
      self->dialect.header_record = header_record;
      self->dialect.header_detected = FALSE;
    }
  else
    {
      lb_csv_dialect_guess_header (&self->dialect, fields);
    }
  g_ptr_array_add (self->warnings,
                   lb_warning_new_coded (0, 0, "xls.no-formats", NULL));
  return TRUE;
}

const LbCsvDialect *
lb_xls_reader_get_dialect (LbXlsReader *self)
{
  g_return_val_if_fail (LB_IS_XLS_READER (self), NULL);
  return &self->dialect;
}

LbCsvRecord *
lb_xls_reader_next (LbXlsReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (LB_IS_XLS_READER (self), NULL);
  g_return_val_if_fail (self->sheet != NULL, NULL);

  while (self->next_row < self->rows)
    {
      LbCsvRecord *record = read_record (self, self->next_row++);

      if (record != NULL)
        return record;
    }
  return NULL;
}

GPtrArray *
lb_xls_reader_get_warnings (LbXlsReader *self)
{
  g_return_val_if_fail (LB_IS_XLS_READER (self), NULL);
  return self->warnings;
}

double
lb_xls_reader_get_progress (LbXlsReader *self)
{
  g_return_val_if_fail (LB_IS_XLS_READER (self), 0.0);
  return self->rows > 0 ? (double) self->next_row / self->rows : 1.0;
}
