/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-csv-reader.c: a streaming reader for CSV/TSV files as Excel writes them
 *
 * Raw bytes are read in 64 KiB chunks (hashed as they pass), decoded to UTF-8 in bulk
 * (g_utf8_validate or GIConv, carrying multibyte sequences split across chunks) and
 * tokenised with a small state machine over the decoded text. Delimiters, quotes and
 * line ends are ASCII, so scanning UTF-8 bytes is safe. The first chunk is a sample:
 * encoding, delimiter, header row and decimal separator are decided from it. */

#define G_LOG_DOMAIN "lb-csv-reader"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lb-csv-reader.h"
#include "lb-header-guess.h"
#include "lb-cell-ref.h"
#include "lb-types.h"
#include "lb-value.h"
#include "lb-warning.h"

#define CHUNK_SIZE        (64 * 1024)
#define SAMPLE_MAX_RECORDS 1000

typedef struct {
  gsize    pos;       /* offset in text */
  guint    line;      /* physical line of pos, 1-based */
  guint    record;    /* records completed */
  gboolean skip_lf;   /* the last record ended in CR: a following LF makes it CRLF */
  guint    n_crlf;
  guint    n_lf;
  guint    n_cr;
} TokState;

typedef enum {
  TOK_RECORD,
  TOK_END,
  TOK_INCOMPLETE,
  TOK_ERROR,
} TokResult;

struct _LbCsvReader
{
  GObject       parent_instance;

  /* owned */
  GInputStream *stream;
  char         *display_name;
  LbCsvOptions  options;
  char         *forced_encoding;
  LbCsvDialect  dialect;
  LbWarning    *encoding_warning;
  GChecksum    *checksum;
  GIConv        iconv;
  GByteArray   *raw;          /* bytes read but not yet decoded */
  GString      *text;         /* decoded UTF-8 not yet tokenised (from state.pos) */
  GString      *recbuf;       /* fields of the current record, NUL-separated */
  GArray       *offsets;      /* start of each field in recbuf */
  char        **header;       /* the header record's fields once read */
  GError       *error;        /* the error that stopped the reader */

  guint64       size;
  gint64        mtime_usec;     /* when opened, 0 when unknown */
  gboolean      check;          /* compare what is read with @expected */
  LbCsvFingerprint expected;
  guint64       bytes_read;
  guint64       text_raw_start; /* raw bytes decoded before the current text buffer */
  guint64       text_raw_len;   /* raw bytes that produced the current text buffer */
  gboolean      eof_raw;
  gboolean      done;
  gboolean      bad_bytes;      /* the decoder stopped at bytes invalid in the encoding */
  gboolean      may_switch;     /* UTF-8 was chosen only because the sample was ASCII */
  guchar        bad[4];
  guint         n_bad;
  TokState      state;
};

G_DEFINE_FINAL_TYPE (LbCsvReader, lb_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (lb-csv-error-quark, lb_csv_error)

static const char *
encoding_label (const char *encoding)
{
  if (g_strcmp0 (encoding, LB_ENCODING_CP932) == 0)
    return _("Japanese Shift-JIS (CP932)");
  if (g_strcmp0 (encoding, LB_ENCODING_WINDOWS1252) == 0)
    return _("Western (Windows-1252)");
  return encoding;
}

/* Position prefix for messages: "scores.csv, row 12, column C". */
static char *
where (LbCsvReader *self, guint row, guint column)
{
  g_autofree char *col = NULL;

  if (column == 0)
    return g_strdup_printf (_("%s, row %u"), self->display_name, row);
  col = lb_column_letter (column);
  if (self->header != NULL && row > self->dialect.header_record &&
      column <= g_strv_length (self->header) && self->header[column - 1][0] != '\0')
    return g_strdup_printf (_("%s, row %u, column %s (“%s”)"), self->display_name, row, col,
                            self->header[column - 1]);
  return g_strdup_printf (_("%s, row %u, column %s"), self->display_name, row, col);
}

/* Raw input */

static gboolean
fail_changed (const char  *display_name,
              GError     **error)
{
  g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_CHANGED,
               _("%s has changed since it was read for the preview: it is not the same file "
                 "any more (perhaps it was saved again from Excel). Nothing was imported. Open "
                 "the file again to see what it holds now, then import it."),
               display_name);
  return FALSE;
}

static gboolean
read_raw_chunk (LbCsvReader   *self,
                GCancellable  *cancellable,
                GError       **error)
{
  gsize old = self->raw->len;
  gssize n;
  g_autoptr(GError) local_error = NULL;

  g_byte_array_set_size (self->raw, old + CHUNK_SIZE);
  n = g_input_stream_read (self->stream, self->raw->data + old, CHUNK_SIZE, cancellable,
                           &local_error);
  if (n < 0)
    {
      g_byte_array_set_size (self->raw, old);
      /* The caller asked for this one: keep it recognisable. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO, _("%s cannot be read: %s"),
                   self->display_name, local_error->message);
      return FALSE;
    }
  g_byte_array_set_size (self->raw, old + (gsize) n);
  if (self->check && self->bytes_read < self->expected.prefix_bytes
      && self->bytes_read + (guint64) n >= self->expected.prefix_bytes)
    {
      gsize head = (gsize) (self->expected.prefix_bytes - self->bytes_read);
      g_autoptr(GChecksum) prefix = NULL;

      g_checksum_update (self->checksum, self->raw->data + old, head);
      prefix = g_checksum_copy (self->checksum);
      if (strcmp (g_checksum_get_string (prefix), self->expected.prefix_sha256) != 0)
        return fail_changed (self->display_name, error);
      g_checksum_update (self->checksum, self->raw->data + old + head, n - head);
    }
  else
    g_checksum_update (self->checksum, self->raw->data + old, n);
  self->bytes_read += (guint64) n;
  /* Shorter or longer than when it was planned on: another file, or one being written. */
  if (self->check && ((n == 0 && self->bytes_read != self->expected.size)
                      || self->bytes_read > self->expected.size))
    return fail_changed (self->display_name, error);
  if (n == 0)
    {
      self->eof_raw = TRUE;
      self->dialect.size_bytes = self->bytes_read;
      g_free (self->dialect.sha256);
      self->dialect.sha256 = g_strdup (g_checksum_get_string (self->checksum));
    }
  return TRUE;
}

/* Length of a valid but incomplete UTF-8 sequence at the end of @d, else 0. */
static gsize
utf8_incomplete_tail (const guchar *d, gsize n)
{
  for (gsize back = 1; back <= 3 && back <= n; back++)
    {
      guchar c = d[n - back];
      gsize need;

      if ((c & 0xC0) == 0x80)
        continue;
      if ((c & 0xE0) == 0xC0)
        need = 2;
      else if ((c & 0xF0) == 0xE0)
        need = 3;
      else if ((c & 0xF8) == 0xF0)
        need = 4;
      else
        return 0;
      return need > back ? back : 0;
    }
  return 0;
}

static gboolean
is_utf16 (const char *encoding)
{
  return g_strcmp0 (encoding, LB_ENCODING_UTF16LE) == 0 || g_strcmp0 (encoding, LB_ENCODING_UTF16BE) == 0;
}

static void
note_bad_bytes (LbCsvReader *self, const guchar *d, gsize n)
{
  self->bad_bytes = TRUE;
  /* Show the offending bytes, not the ASCII after them; in UTF-16 the whole code unit. */
  self->n_bad = 1;
  if (is_utf16 (self->dialect.encoding))
    self->n_bad = (guint) MIN (n, 2);
  while (self->n_bad < MIN (n, sizeof self->bad) && d[self->n_bad] >= 0x80)
    self->n_bad++;
  memcpy (self->bad, d, self->n_bad);
}

static gboolean choose_legacy (LbCsvReader *self, const guchar *d, gsize n, gboolean complete);

/* Decodes as much of raw as possible onto the end of text. */
static void
decode_raw (LbCsvReader *self)
{
  gsize consumed = 0;

  if (self->bad_bytes || self->raw->len == 0)
    return;

  if (self->iconv == (GIConv) -1)
    {
      const char *end = NULL;
      const char *data = (const char *) self->raw->data;
      gsize n = self->raw->len;

      if (g_utf8_validate_len (data, n, &end))
        consumed = n;
      else
        {
          gsize good = (gsize) (end - data);
          gsize tail = utf8_incomplete_tail (self->raw->data + good, n - good);

          consumed = good;
          if (self->eof_raw || tail == 0 || good + tail != n)
            note_bad_bytes (self, self->raw->data + good, n - good);
        }

      /* The sample was plain ASCII, so UTF-8 was a guess: at the first non-UTF-8 byte
       * (with only ASCII before it) decide between CP932 and Windows-1252 and go on. */
      if (self->may_switch)
        {
          for (gsize i = 0; i < consumed && self->may_switch; i++)
            if (self->raw->data[i] >= 0x80)
              self->may_switch = FALSE;
          if (self->may_switch && self->bad_bytes &&
              choose_legacy (self, self->raw->data + consumed, n - consumed, self->eof_raw))
            {
              self->may_switch = FALSE;
              self->bad_bytes = FALSE;
              self->iconv = g_iconv_open ("UTF-8", self->dialect.encoding);
              g_assert (self->iconv != (GIConv) -1);
              g_string_append_len (self->text, data, (gssize) consumed);
              self->text_raw_len += consumed;
              g_byte_array_remove_range (self->raw, 0, (guint) consumed);
              decode_raw (self);
              return;
            }
        }
      g_string_append_len (self->text, data, (gssize) consumed);
    }
  else
    {
      char *in = (char *) self->raw->data;
      gsize in_left = self->raw->len;
      gsize start_len = self->text->len;

      while (in_left > 0)
        {
          gsize old_len = self->text->len;
          gsize room = in_left * 3 + 16;
          char *out;
          gsize out_left = room;
          gsize r;

          g_string_set_size (self->text, old_len + room);
          out = self->text->str + old_len;
          r = g_iconv (self->iconv, &in, &in_left, &out, &out_left);
          g_string_set_size (self->text, old_len + (room - out_left));
          if (r != (gsize) -1)
            break;
          if (errno == E2BIG)
            continue;
          if (errno == EINVAL && !self->eof_raw)
            break;
          note_bad_bytes (self, (const guchar *) in, in_left);
          break;
        }
      consumed = self->raw->len - in_left;

      /* A decoded U+0000 would silently cut a cell short: stop there instead. */
      {
        const char *nul = memchr (self->text->str + start_len, '\0', self->text->len - start_len);
        if (nul != NULL)
          {
            g_string_truncate (self->text, (gsize) (nul - self->text->str));
            note_bad_bytes (self, (const guchar *) "", 1);
          }
      }
    }

  self->text_raw_len += consumed;
  g_byte_array_remove_range (self->raw, 0, (guint) consumed);
}

/* Appends more decoded text, dropping what was tokenised. FALSE at the end of the
 * input (error unset) or on an error. */
static gboolean
refill (LbCsvReader   *self,
        guint          row,
        guint          column,
        GCancellable  *cancellable,
        GError       **error)
{
  g_string_truncate (self->text, 0);
  self->state.pos = 0;
  self->text_raw_start += self->text_raw_len;
  self->text_raw_len = 0;

  for (;;)
    {
      if (!self->bad_bytes && !self->eof_raw &&
          !read_raw_chunk (self, cancellable, error))
        return FALSE;
      decode_raw (self);
      if (self->text->len > 0)
        return TRUE;
      if (self->bad_bytes)
        {
          g_autofree char *at = where (self, row, column);
          g_autoptr(GString) hex = g_string_new (NULL);

          for (guint i = 0; i < self->n_bad; i++)
            g_string_append_printf (hex, "%s%02X", i ? " " : "", self->bad[i]);
          /* In UTF-16 a zero byte is half of an ordinary character. */
          if (self->bad[0] == 0 && !is_utf16 (self->dialect.encoding))
            g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_ENCODING,
                         _("%s: the file contains a NUL byte, which does not belong in a "
                           "%s text file. Choose another encoding in the import preview, "
                           "or save the sheet again from Excel as CSV UTF-8."),
                         at, encoding_label (self->dialect.encoding));
          else
            g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_ENCODING,
                         _("%s: the data (bytes %s) is not valid %s. The file is probably in "
                           "another encoding: choose a different encoding in the import "
                           "preview."),
                         at, hex->str, encoding_label (self->dialect.encoding));
          return FALSE;
        }
      if (self->eof_raw)
        return FALSE;
    }
}

/* Tokeniser */

static void
start_field (LbCsvReader *self)
{
  guint off;

  if (self->offsets->len > 0)
    g_string_append_c (self->recbuf, '\0');
  off = (guint) self->recbuf->len;
  g_array_append_val (self->offsets, off);
}

static gboolean
check_limits (LbCsvReader  *self,
              gsize         field_start,
              gboolean      in_quotes,
              guint         quote_row,
              guint         quote_col,
              GError      **error)
{
  if (self->recbuf->len - field_start > self->options.max_field_bytes)
    {
      g_autofree char *at = where (self, self->state.record + 1, self->offsets->len);

      if (in_quotes)
        {
          g_autofree char *col = lb_column_letter (quote_col);
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_FIELD_TOO_LARGE,
                       _("%s: the cell is larger than %zu bytes. A quote "
                         "opened in row %u, column %s is probably never closed; check that "
                         "cell in the file."),
                       at, self->options.max_field_bytes, quote_row, col);
        }
      else
        g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_FIELD_TOO_LARGE,
                     _("%s: the cell is larger than %zu bytes, which no "
                       "spreadsheet cell holds. Check the delimiter chosen in the import "
                       "preview."),
                     at, self->options.max_field_bytes);
      return FALSE;
    }
  if (self->recbuf->len > self->options.max_record_bytes)
    {
      g_autofree char *at = where (self, self->state.record + 1, self->offsets->len);
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_RECORD_TOO_LARGE,
                   _("%s: the row is larger than %zu bytes. Check the "
                     "delimiter and line ends chosen in the import preview, or split the "
                     "sheet."),
                   at, self->options.max_record_bytes);
      return FALSE;
    }
  return TRUE;
}

/* Reads one record into recbuf/offsets. In sample mode (@stream FALSE) nothing is read
 * from the input; the end of the decoded text is the end of the file only if the whole
 * file has been decoded. */
static TokResult
tokenize_record (LbCsvReader   *self,
                 char           delim,
                 gboolean       stream,
                 GCancellable  *cancellable,
                 GError       **error)
{
  TokState *st = &self->state;
  guchar stop[256] = { 0 };
  gboolean in_quotes = FALSE;
  gboolean quote_pending = FALSE; /* a quote inside a quoted field, at the end of the buffer */
  gboolean field_quoted = FALSE;
  gboolean started = FALSE;
  gboolean prev_cr = FALSE;
  gsize field_start;
  guint quote_row = 0, quote_col = 0, quote_line = 0;

  stop[(guchar) delim] = 1;
  stop['"'] = 1;
  stop['\r'] = 1;
  stop['\n'] = 1;

  g_string_truncate (self->recbuf, 0);
  g_array_set_size (self->offsets, 0);
  start_field (self);
  field_start = 0;

  for (;;)
    {
      const guchar *t;
      gsize len, p, q;

      if (st->pos >= self->text->len)
        {
          gboolean more;

          if (!stream)
            {
              if (!(self->eof_raw && self->raw->len == 0 && !self->bad_bytes))
                return TOK_INCOMPLETE;
              more = FALSE;
            }
          else
            {
              GError *local_error = NULL;

              more = refill (self, st->record + 1, self->offsets->len, cancellable,
                             &local_error);
              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  return TOK_ERROR;
                }
            }
          if (more)
            continue;

          /* End of input. */
          if (in_quotes && !quote_pending)
            {
              if (!stream)
                return TOK_INCOMPLETE;
              {
                g_autofree char *col = lb_column_letter (quote_col);
                g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_UNTERMINATED_QUOTE,
                             _("%s, row %u, column %s: a quote opened here (line %u) is never "
                               "closed. Add the closing quote (\") in the file, or save the "
                               "sheet again from Excel."),
                             self->display_name, quote_row, col, quote_line);
              }
              return TOK_ERROR;
            }
          if (!started)
            return TOK_END;
          st->record++;
          return TOK_RECORD;
        }

      t = (const guchar *) self->text->str;
      len = self->text->len;
      p = st->pos;

      if (st->skip_lf)
        {
          st->skip_lf = FALSE;
          if (t[p] == '\n')
            {
              st->n_cr--;
              st->n_crlf++;
              st->pos = p + 1;
              continue;
            }
        }

      started = TRUE;

      if (quote_pending)
        {
          quote_pending = FALSE;
          if (t[p] == '"')
            {
              g_string_append_c (self->recbuf, '"');
              st->pos = p + 1;
              continue;
            }
          in_quotes = FALSE;
        }

      if (in_quotes)
        {
          /* Line breaks inside the cell still count as physical lines; a CRLF split
           * across two buffers counts once. */
          for (q = p; q < len && t[q] != '"'; q++)
            {
              if (t[q] == '\r' || (t[q] == '\n' && !prev_cr))
                st->line++;
              prev_cr = t[q] == '\r';
            }
          if (q < len)
            prev_cr = FALSE;
          g_string_append_len (self->recbuf, (const char *) t + p, (gssize) (q - p));
          if (!check_limits (self, field_start, TRUE, quote_row, quote_col, error))
            return TOK_ERROR;
          if (q == len)
            {
              st->pos = len;
              continue;
            }
          if (q + 1 == len)
            {
              quote_pending = TRUE;
              st->pos = len;
              continue;
            }
          if (t[q + 1] == '"')
            {
              g_string_append_c (self->recbuf, '"');
              st->pos = q + 2;
            }
          else
            {
              in_quotes = FALSE;
              st->pos = q + 1;
            }
          continue;
        }

      for (q = p; q < len && !stop[t[q]]; q++)
        ;
      g_string_append_len (self->recbuf, (const char *) t + p, (gssize) (q - p));
      if (!check_limits (self, field_start, FALSE, 0, 0, error))
        return TOK_ERROR;
      if (q == len)
        {
          st->pos = len;
          continue;
        }

      switch (t[q])
        {
        case '"':
          if (self->recbuf->len == field_start && !field_quoted)
            {
              in_quotes = field_quoted = TRUE;
              quote_row = st->record + 1;
              quote_col = self->offsets->len;
              quote_line = st->line;
            }
          else
            g_string_append_c (self->recbuf, '"'); /* a stray quote is data, as in Excel */
          st->pos = q + 1;
          break;

        case '\n':
          st->n_lf++;
          st->line++;
          st->pos = q + 1;
          st->record++;
          return TOK_RECORD;

        case '\r':
          st->line++;
          if (q + 1 < len && t[q + 1] == '\n')
            {
              st->n_crlf++;
              st->pos = q + 2;
            }
          else
            {
              st->n_cr++;
              st->pos = q + 1;
              if (q + 1 == len)
                st->skip_lf = TRUE;
            }
          st->record++;
          return TOK_RECORD;

        default:
          g_assert (t[q] == (guchar) delim);
          start_field (self);
          field_start = self->recbuf->len;
          field_quoted = FALSE;
          st->pos = q + 1;
          break;
        }
    }
}

/* Number of fields once Excel's trailing padding is removed. */
static guint
trimmed_count (LbCsvReader *self)
{
  guint n = self->offsets->len;

  while (n > 0)
    {
      guint off = g_array_index (self->offsets, guint, n - 1);
      if (self->recbuf->str[off] != '\0')
        break;
      n--;
    }
  return n;
}

static char **
record_fields (LbCsvReader *self, guint n)
{
  char **fields = g_new (char *, n + 1);

  for (guint i = 0; i < n; i++)
    fields[i] = g_strdup (self->recbuf->str + g_array_index (self->offsets, guint, i));
  fields[n] = NULL;
  return fields;
}

/* A record in one allocation: the struct, the field pointers, then the fields' text. */
static LbCsvRecord *
new_record (LbCsvReader *self,
            guint        n)
{
  gsize text_len = self->recbuf->len + 1;
  gsize head = 0, total = 0;
  LbCsvRecord *record;
  char *text;
  gboolean fits;

  G_STATIC_ASSERT (sizeof (LbCsvRecord) % sizeof (char *) == 0);

  /* n and the text are bounded by max_columns and max_record_bytes, which a caller sets. */
  fits = lb_size_mul3 ((gsize) n + 1, sizeof (char *), 1, &head)
         && g_size_checked_add (&head, head, sizeof (LbCsvRecord))
         && g_size_checked_add (&total, head, text_len);
  if (!fits)
    g_error ("A CSV record of %u fields and %" G_GSIZE_FORMAT " bytes does not fit in memory", n, text_len);
  record = g_malloc (total);
  record->n_fields = n;
  record->details = NULL;
  record->fields = (char **) (gpointer) (record + 1);
  text = (char *) record + head;
  memcpy (text, self->recbuf->str, text_len);
  for (guint i = 0; i < n; i++)
    record->fields[i] = text + g_array_index (self->offsets, guint, i);
  record->fields[n] = NULL;
  return record;
}

static gboolean
is_edge_junk (gunichar c)
{
  return c == 0xFEFF || c == 0x200B || c == 0x00A0;
}

/* Header cells may carry a stray BOM, zero-width space or NBSP at their edges. */
static void
clean_header_cell (char *s)
{
  char *start = s;
  char *end;

  while (*start != '\0' && is_edge_junk (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start && is_edge_junk (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  *end = '\0';
  if (start != s)
    memmove (s, start, (gsize) (end - start) + 1);
}

/* Encoding detection */

static gboolean
is_ascii_letter (gunichar c)
{
  return c < 0x80 && g_ascii_isalpha ((char) c);
}

/* How plausible @text is as Japanese: kana and kanji count for it, half-width katakana
 * or kanji glued to Latin letters (what Windows-1252 accents become) against it. */
static int
score_japanese (const char *text)
{
  int score = 0;
  gunichar prev = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (c < 0x80)
        ;
      else if (c >= 0x3040 && c <= 0x30FF)
        score += 3;
      else if (c >= 0x3000 && c <= 0x303F)
        score += 2;
      else if (c >= 0x4E00 && c <= 0x9FFF)
        score += (is_ascii_letter (prev) && is_ascii_letter (next)) ? -1 : 1;
      else if (c >= 0xFF61 && c <= 0xFF9F)
        score += (is_ascii_letter (prev) || is_ascii_letter (next)) ? -2 : 1;
      else if (c >= 0xFF01 && c <= 0xFF5E)
        score += 1;
      else if ((c >= 0x2460 && c <= 0x2473) || (c >= 0x2160 && c <= 0x2179))
        score += 1; /* ① Ⅰ ⅰ: NEC special characters, common in Japanese sheets */
      else
        score -= 1;
      prev = c;
    }
  return score;
}

/* How plausible @text is as Western European: accented letters next to letters. */
static int
score_latin (const char *text)
{
  int score = 0;
  gunichar prev = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (c < 0x80)
        ;
      else if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7)
        score += (is_ascii_letter (prev) || is_ascii_letter (next)) ? 3 : 0;
      else if (c == 0x152 || c == 0x153 || c == 0x160 || c == 0x161 || c == 0x17D ||
               c == 0x17E || c == 0x178)
        score += 1;
      else if (c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2013 ||
               c == 0x2014 || c == 0x2026 || c == 0x20AC || c == 0xA0 || c == 0xB0 ||
               c == 0xA9 || c == 0xAE || c == 0xA3 || c == 0xA7 || c == 0xB7)
        score += 1;
      else
        score -= 2;
      prev = c;
    }
  return score;
}

/* Decodes @d strictly; an incomplete sequence at the end is fine when @complete is FALSE. */
static char *
try_decode (const guchar *d, gsize n, const char *from, gboolean complete)
{
  GIConv cd = g_iconv_open ("UTF-8", from);
  g_autoptr(GString) out = NULL;
  char *in = (char *) d;
  gsize in_left = n;

  if (cd == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (n * 2 + 16);
  while (in_left > 0)
    {
      gsize old_len = out->len;
      gsize room = in_left * 3 + 16;
      char *o;
      gsize o_left = room;
      gsize r;

      g_string_set_size (out, old_len + room);
      o = out->str + old_len;
      r = g_iconv (cd, &in, &in_left, &o, &o_left);
      g_string_set_size (out, old_len + (room - o_left));
      if (r != (gsize) -1)
        break;
      if (errno == E2BIG)
        continue;
      if (errno == EINVAL && !complete)
        break;
      g_iconv_close (cd);
      return NULL;
    }
  g_iconv_close (cd);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
line_of_offset (const guchar *d, gsize off)
{
  guint line = 1;

  for (gsize i = 0; i < off; i++)
    if (d[i] == '\n' || (d[i] == '\r' && (i + 1 >= off || d[i + 1] != '\n')))
      line++;
  return line;
}

static gboolean
check_binary (LbCsvReader *self, const guchar *d, gsize n, gboolean check_nul, GError **error)
{
  const char *save_as = _("In Excel choose File › Save As › CSV UTF-8 (Comma delimited) (*.csv) "
                          "and import that file.");
  const char *what = NULL;

  if (n >= 4 && memcmp (d, "PK\x03\x04", 4) == 0)
    what = _("This is an Excel workbook (.xlsx), not a CSV file.");
  else if (n >= 4 && memcmp (d, "\xD0\xCF\x11\xE0", 4) == 0)
    what = _("This is an old Excel workbook (.xls), not a CSV file.");
  else if (n >= 5 && memcmp (d, "%PDF-", 5) == 0)
    what = _("This is a PDF document, not a CSV file.");
  else if (n >= 8 && memcmp (d, "\x89PNG\r\n\x1A\n", 8) == 0)
    what = _("This is a PNG image, not a CSV file.");
  else if (n >= 3 && memcmp (d, "\xFF\xD8\xFF", 3) == 0)
    what = _("This is a JPEG image, not a CSV file.");
  else if (n >= 6 && (memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0))
    what = _("This is a GIF image, not a CSV file.");
  else if (n >= 2 && memcmp (d, "\x1F\x8B", 2) == 0)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_BINARY,
                   _("%s: This is a gzip-compressed file, not a CSV file. Decompress it "
                     "first and import the CSV file inside."), self->display_name);
      return FALSE;
    }

  if (what != NULL)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_BINARY, "%s: %s %s",
                   self->display_name, what, save_as);
      return FALSE;
    }

  if (check_nul)
    {
      const guchar *nul = memchr (d, 0, n);

      if (nul != NULL)
        {
          gsize off = (gsize) (nul - d);
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_BINARY,
                       _("%s, row %u: the file contains NUL bytes (the first at byte "
                         "%zu), so it is not a text table. %s"),
                       self->display_name, line_of_offset (d, off), off + 1, save_as);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
canonical_encoding (const char *name)
{
  static const struct { const char *alias; const char *canonical; } names[] = {
    { LB_ENCODING_UTF8, LB_ENCODING_UTF8 },
    { "UTF8", LB_ENCODING_UTF8 },
    { LB_ENCODING_UTF8_BOM, LB_ENCODING_UTF8_BOM },
    { LB_ENCODING_UTF16LE, LB_ENCODING_UTF16LE },
    { LB_ENCODING_UTF16BE, LB_ENCODING_UTF16BE },
    { LB_ENCODING_CP932, LB_ENCODING_CP932 },
    { "WINDOWS-31J", LB_ENCODING_CP932 },
    { LB_ENCODING_WINDOWS1252, LB_ENCODING_WINDOWS1252 },
    { "CP1252", LB_ENCODING_WINDOWS1252 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].alias) == 0)
      return names[i].canonical;
  return NULL;
}

/* The longest start of @d that decodes from @from, as UTF-8; *@good is its length in bytes. */
static char *
decode_prefix (const guchar *d, gsize n, const char *from, gsize *good)
{
  GIConv cd = g_iconv_open ("UTF-8", from);
  GString *out = NULL;
  char *in = (char *) d;
  gsize in_left = n;

  *good = 0;
  if (cd == (GIConv) -1)
    return g_strdup ("");
  out = g_string_sized_new (n * 2 + 16);
  while (in_left > 0)
    {
      gsize old_len = out->len;
      gsize room = in_left * 3 + 16;
      char *o;
      gsize o_left = room;
      gsize r;

      g_string_set_size (out, old_len + room);
      o = out->str + old_len;
      r = g_iconv (cd, &in, &in_left, &o, &o_left);
      g_string_set_size (out, old_len + (room - o_left));
      if (r != (gsize) -1 || errno != E2BIG)
        break;
    }
  g_iconv_close (cd);
  *good = n - in_left;
  return g_string_free (out, FALSE);
}

/* Row and column of the end of @text, counted as records and fields are (quotes respected),
 * with the delimiter the first line suggests. */
static void
locate_end (const char *text, guint *row, guint *column)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  const char *eol = strpbrk (text, "\r\n");
  gsize first_line = eol != NULL ? (gsize) (eol - text) : strlen (text);
  char delimiter = ',';
  guint best = 0;
  gboolean quoted = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint count = 0;

      for (gsize j = 0; j < first_line; j++)
        count += text[j] == candidates[i];
      if (count > best)
        {
          best = count;
          delimiter = candidates[i];
        }
    }
  *row = 1;
  *column = 1;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == delimiter)
        (*column)++;
      else if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        {
          (*row)++;
          *column = 1;
        }
    }
}

static void
set_encoding (LbCsvReader *self, const char *encoding, gboolean detected, const char *reason)
{
  g_free (self->dialect.encoding);
  self->dialect.encoding = g_strdup (encoding);
  self->dialect.encoding_detected = detected;
  g_free (self->dialect.encoding_reason);
  self->dialect.encoding_reason = g_strdup (reason);
}

/* Picks CP932 or Windows-1252 for @d, whichever decodes and reads more plausibly. */
static gboolean
choose_legacy (LbCsvReader *self, const guchar *d, gsize n, gboolean complete)
{
  g_autofree char *as_cp932 = try_decode (d, n, "CP932", complete);
  g_autofree char *as_1252 = try_decode (d, n, "WINDOWS-1252", complete);

  if (as_cp932 != NULL && as_1252 != NULL)
    {
      if (score_latin (as_1252) > score_japanese (as_cp932))
        set_encoding (self, LB_ENCODING_WINDOWS1252, TRUE,
                      _("The file reads both as Japanese Shift-JIS (CP932) and as Western "
                        "(Windows-1252); it was read as Western because the text then has "
                        "accented letters inside words, while as Japanese it would be "
                        "scattered kanji and half-width katakana."));
      else
        set_encoding (self, LB_ENCODING_CP932, TRUE,
                      _("The file reads both as Japanese Shift-JIS (CP932) and as Western "
                        "(Windows-1252); it was read as Japanese because the text then has "
                        "kana and kanji, while as Western it would be stray symbols."));
    }
  else if (as_cp932 != NULL)
    set_encoding (self, LB_ENCODING_CP932, TRUE,
                  _("The file is not UTF-8 but is valid Japanese Shift-JIS (CP932), the "
                    "encoding of Japanese Excel’s “CSV (Comma delimited)”."));
  else if (as_1252 != NULL)
    set_encoding (self, LB_ENCODING_WINDOWS1252, TRUE,
                  _("The file is neither UTF-8 nor Japanese Shift-JIS (CP932); it is valid "
                    "Western (Windows-1252)."));
  else
    return FALSE;
  return TRUE;
}

/* Decides the encoding from the raw sample and strips a BOM from it. */
static gboolean
detect_encoding (LbCsvReader *self, GError **error)
{
  const guchar *d = self->raw->data;
  gsize n = self->raw->len;
  gboolean complete = self->eof_raw;
  gsize bom = 0;

  if (self->forced_encoding != NULL)
    {
      const char *enc = canonical_encoding (self->forced_encoding);

      if (enc == NULL)
        {
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_UNKNOWN_ENCODING,
                       _("%s: the encoding “%s” is not supported. Choose UTF-8, Japanese "
                         "Shift-JIS (CP932), UTF-16 or Western (Windows-1252)."),
                       self->display_name, self->forced_encoding);
          return FALSE;
        }
      if (!check_binary (self, d, n, FALSE, error))
        return FALSE;
      if ((strcmp (enc, LB_ENCODING_UTF8) == 0 || strcmp (enc, LB_ENCODING_UTF8_BOM) == 0) &&
          n >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
        bom = 3;
      else if (strcmp (enc, LB_ENCODING_UTF16LE) == 0 && n >= 2 && memcmp (d, "\xFF\xFE", 2) == 0)
        bom = 2;
      else if (strcmp (enc, LB_ENCODING_UTF16BE) == 0 && n >= 2 && memcmp (d, "\xFE\xFF", 2) == 0)
        bom = 2;
      set_encoding (self, enc, FALSE, _("You chose this encoding."));
    }
  else if (n >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    {
      bom = 3;
      set_encoding (self, LB_ENCODING_UTF8_BOM, TRUE,
                    _("The file starts with a UTF-8 byte order mark, as Excel writes “CSV UTF-8”."));
    }
  else if (n >= 2 && memcmp (d, "\xFF\xFE", 2) == 0)
    {
      bom = 2;
      set_encoding (self, LB_ENCODING_UTF16LE, TRUE,
                    _("The file starts with a UTF-16 little-endian byte order mark, as Excel "
                      "writes “Unicode Text”."));
    }
  else if (n >= 2 && memcmp (d, "\xFE\xFF", 2) == 0)
    {
      bom = 2;
      set_encoding (self, LB_ENCODING_UTF16BE, TRUE,
                    _("The file starts with a UTF-16 big-endian byte order mark."));
    }
  else
    {
      gsize nul_even = 0, nul_odd = 0, pairs = n / 2;
      if (!check_binary (self, d, n, FALSE, error))
        return FALSE;

      for (gsize i = 0; i + 1 < n; i += 2)
        {
          nul_even += d[i] == 0;
          nul_odd += d[i + 1] == 0;
        }
      if (pairs > 0 && nul_odd >= MIN (pairs, 2) && nul_odd * 10 >= pairs && nul_even * 50 <= pairs)
        {
          set_encoding (self, LB_ENCODING_UTF16LE, TRUE,
                        _("Every other byte is zero, as in UTF-16 little-endian text without "
                          "a byte order mark."));
          goto done;
        }
      if (pairs > 0 && nul_even >= MIN (pairs, 2) && nul_even * 10 >= pairs && nul_odd * 50 <= pairs)
        {
          set_encoding (self, LB_ENCODING_UTF16BE, TRUE,
                        _("Every other byte is zero, as in UTF-16 big-endian text without "
                          "a byte order mark."));
          goto done;
        }
      if (!check_binary (self, d, n, TRUE, error))
        return FALSE;

      {
        const char *end = NULL;
        gboolean valid = g_utf8_validate_len ((const char *) d, n, &end);
        gsize good = (gsize) (end - (const char *) d);

        if (!valid && !complete && utf8_incomplete_tail (d + good, n - good) == n - good)
          valid = TRUE;
        if (valid)
          {
            gboolean ascii = TRUE;
            for (gsize i = 0; i < n && ascii; i++)
              ascii = d[i] < 0x80;
            self->may_switch = ascii && !complete;
            set_encoding (self, LB_ENCODING_UTF8, TRUE,
                          ascii ? _("The file contains only ASCII characters, which read the "
                                    "same in every supported encoding.")
                                : _("The file is valid UTF-8."));
            goto done;
          }
      }

      if (!choose_legacy (self, d, n, complete))
        {
          /* Say where it goes wrong in the encoding that reads furthest: a CP932 file cut
           * after a lead byte reads well up to its last byte. */
          const char *utf8_end = NULL;
          gsize good_utf8, good_cp932 = 0, good;
          g_autofree char *prefix = decode_prefix (d, n, "CP932", &good_cp932);
          g_autofree char *at = NULL;
          g_autoptr(GString) hex = g_string_new (NULL);
          const char *encoding = LB_ENCODING_CP932;
          guint row, column;

          g_utf8_validate_len ((const char *) d, n, &utf8_end);
          good_utf8 = (gsize) (utf8_end - (const char *) d);
          if (good_utf8 > good_cp932)
            {
              g_free (prefix);
              prefix = g_strndup ((const char *) d, good_utf8);
              encoding = LB_ENCODING_UTF8;
            }
          good = MAX (good_utf8, good_cp932);
          for (gsize i = good; i < n && i < good + 2; i++)
            g_string_append_printf (hex, "%s%02X", i > good ? " " : "", d[i]);
          locate_end (prefix, &row, &column);
          at = where (self, row, column);
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_ENCODING,
                       _("%s: the data (bytes %s) is not valid %s, and the file is not in any "
                         "other encoding Leaderboard can recognise (UTF-8, Japanese Shift-JIS "
                         "(CP932), UTF-16, Western (Windows-1252)). The file may be cut short "
                         "or damaged: save the sheet again from Excel, or choose the encoding "
                         "in the import preview."),
                       at, hex->str, encoding_label (encoding));
          return FALSE;
        }
    }

done:
  if (bom > 0)
    g_byte_array_remove_range (self->raw, 0, (guint) bom);
  self->text_raw_start = bom;

  if (strcmp (self->dialect.encoding, LB_ENCODING_UTF8) != 0 &&
      strcmp (self->dialect.encoding, LB_ENCODING_UTF8_BOM) != 0)
    {
      self->iconv = g_iconv_open ("UTF-8", self->dialect.encoding);
      if (self->iconv == (GIConv) -1)
        {
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_UNKNOWN_ENCODING,
                       _("%s: this system cannot decode %s."), self->display_name,
                       encoding_label (self->dialect.encoding));
          return FALSE;
        }
    }
  return TRUE;
}

/* Dialect detection over the decoded sample */

static GPtrArray *
sample_records (LbCsvReader *self, char delim, TokState *end_state, TokResult *last)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  TokState saved = self->state;
  TokResult r = TOK_RECORD;

  while (records->len < SAMPLE_MAX_RECORDS)
    {
      r = tokenize_record (self, delim, FALSE, NULL, NULL);
      if (r != TOK_RECORD)
        break;
      g_ptr_array_add (records, record_fields (self, self->offsets->len));
    }
  if (end_state != NULL)
    *end_state = self->state;
  if (last != NULL)
    *last = r;
  self->state = saved;
  return records;
}

static guint
count_nonempty (char **fields)
{
  guint n = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    n += fields[i][0] != '\0';
  return n;
}

static gboolean
is_blank (char **fields)
{
  return count_nonempty (fields) == 0;
}

/* Share of non-blank records whose field count is the most common one (which must be > 1). */
static double
delimiter_score (GPtrArray *records, guint *width)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint total = 0, best = 0, best_n = 0;

  for (guint i = 0; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);
      guint n = g_strv_length (f);
      guint c;

      if (is_blank (f))
        continue;
      total++;
      c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (n), GUINT_TO_POINTER (c));
      if (c > best_n || (c == best_n && n > best))
        {
          best_n = c;
          best = n;
        }
    }
  *width = best;
  if (total == 0 || best < 2)
    return 0.0;
  return (double) best_n / total;
}

/* Votes of a cell for a decimal comma (+1) or point (-1): "85,3", "0,853", "1.234,5",
 * "85,3 %" (no-break space, as French Excel writes it) and "1.234.567" vote for a comma;
 * "85.3" and "1,234.5" for a point; "1,234", "1.234" and dates such as "01.05.2024" say
 * nothing. */
static int
decimal_vote (const char *text)
{
  char s[64];
  const char *comma, *dot;
  gsize n = 0, after;
  GDate date;

  /* Digits, separators and %, without the spaces Excel puts before % or between groups. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009)
        continue;
      if (n == 0 && (c == '-' || c == '+'))
        continue;
      if (!g_ascii_isdigit (c) && c != ',' && c != '.' && c != '%')
        return 0;
      if (n >= sizeof s - 1)
        return 0;
      s[n++] = (char) c;
    }
  s[n] = '\0';
  if (!g_ascii_isdigit (s[0]))
    return 0;
  comma = strrchr (s, ',');
  dot = strrchr (s, '.');
  if (comma != NULL && (dot == NULL || comma > dot))
    {
      if (strchr (s, ',') != comma)
        return -1;  /* "1,234,567": thousands commas */
      after = strspn (comma + 1, "0123456789");
      /* "1,234" is ambiguous; "85,3", "0,853" and "1.234,5" are not. */
      return (after != 3 || dot != NULL || (comma == s + 1 && s[0] == '0')) ? 1 : 0;
    }
  if (dot != NULL && comma == NULL)
    {
      if (strchr (s, '.') != dot)
        {
          /* "1.234.567" has thousands dots; "01.05.2024" is a date and "3.1.2" a version. */
          const char *p = s;
          gsize lead = strspn (p, "0123456789");

          if (lb_date_parse (text, &date) || lead == 0 || lead > 3)
            return 0;
          for (p += lead; *p == '.'; p += 4)
            if (strspn (p + 1, "0123456789") != 3)
              return 0;
          return *p == '\0' || *p == '%' ? 1 : 0;
        }
      after = strspn (dot + 1, "0123456789");
      return (after != 3 || (dot == s + 1 && s[0] == '0')) ? -1 : 0;
    }
  if (dot != NULL)
    return -1;
  return 0;
}

static void
detect_mojibake (LbCsvReader *self, GPtrArray *records)
{
  if (strcmp (self->dialect.encoding, LB_ENCODING_UTF8) != 0 &&
      strcmp (self->dialect.encoding, LB_ENCODING_UTF8_BOM) != 0)
    return;

  for (guint i = 0; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);

      for (guint j = 0; f[j] != NULL; j++)
        {
          guint marks = 0, replacement = 0;

          for (const char *p = f[j]; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);
              /* UTF-8 Japanese read as CP932 and saved again: 縺 繝 蜷 繧 譁 荳 and U+FFFD. */
              if (c == 0x7E3A || c == 0x7E5D || c == 0x8737 || c == 0x7E67 || c == 0x8B41 ||
                  c == 0x8373)
                marks++;
              else if (c == 0xFFFD)
                replacement++;
            }
          if (marks >= 2 || replacement > 0)
            {
              g_autofree char *row = g_strdup_printf ("%u", i + 1);
              g_autofree char *col = lb_column_letter (j + 1);
              const char *header = "";

              /* As where() says it: the header only below the header row. */
              if (self->header != NULL && i + 1 > self->dialect.header_record &&
                  j + 1 <= g_strv_length (self->header))
                header = self->header[j];
              self->encoding_warning =
                lb_warning_new_coded (0, 0, "csv.mojibake",
                                      (const char *[]) { self->display_name, row, col, header,
                                                         f[j], NULL });
              return;
            }
        }
    }
}

static gboolean
detect_dialect (LbCsvReader *self, GError **error)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  const char *t = self->text->str;
  g_autoptr(GPtrArray) records = NULL;
  TokState end_state;
  TokResult last = TOK_END;
  char delim = ',';
  gboolean any = FALSE;

  /* "sep=;" on the first line, as Excel reads (but never writes) it. */
  if (g_ascii_strncasecmp (t, "sep=", 4) == 0 && self->text->len >= 5 && (guchar) t[4] < 0x80 &&
      (t[5] == '\0' || t[5] == '\r' || t[5] == '\n'))
    {
      self->dialect.sep_line = TRUE;
      delim = t[4];
      self->state.pos = 5;
      if (t[5] == '\r' && t[6] == '\n')
        self->state.pos = 7;
      else if (t[5] != '\0')
        self->state.pos = 6;
      self->state.line = 2;
    }

  if (self->options.delimiter != 0)
    {
      delim = (char) self->options.delimiter;
      self->dialect.delimiter_detected = FALSE;
    }
  else if (self->dialect.sep_line)
    self->dialect.delimiter_detected = TRUE;
  else
    {
      double best = -1.0;
      guint best_width = 0;

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_autoptr(GPtrArray) recs = sample_records (self, candidates[i], NULL, NULL);
          guint width = 0;
          double score = delimiter_score (recs, &width);

          if (score > best + 1e-9 || (score > best - 1e-9 && width > best_width && score > 0))
            {
              best = score;
              best_width = width;
              delim = candidates[i];
            }
        }
      self->dialect.delimiter_detected = TRUE;
    }
  self->dialect.delimiter = (gunichar) delim;

  records = sample_records (self, delim, &end_state, &last);
  for (guint i = 0; i < records->len && !any; i++)
    any = !is_blank (g_ptr_array_index (records, i));
  if (!any && last == TOK_END)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_EMPTY,
                   self->text->len == 0 && self->text_raw_start > 0
                     ? _("%s contains only a byte order mark and no data. Check that you "
                         "exported the right sheet.")
                     : _("%s contains no data. Check that you exported the right sheet."),
                   self->display_name);
      return FALSE;
    }

  if (self->options.header_record != 0)
    {
      self->dialect.header_record = self->options.header_record;
      self->dialect.header_detected = FALSE;
    }
  else
    {
      lb_csv_dialect_guess_header (&self->dialect, records);
    }

  if (self->options.decimal_separator == ',' || self->options.decimal_separator == '.')
    {
      self->dialect.decimal_separator = self->options.decimal_separator;
      self->dialect.decimal_separator_detected = FALSE;
    }
  else
    {
      int votes = 0;

      /* From the cells, whatever the delimiter: a comma file quotes "85,3". */
      for (guint i = self->dialect.header_record; i < records->len; i++)
        {
          char **f = g_ptr_array_index (records, i);
          for (guint j = 0; f[j] != NULL; j++)
            votes += decimal_vote (f[j]);
        }
      self->dialect.decimal_separator = votes > 0 ? ',' : '.';
      self->dialect.decimal_separator_detected = TRUE;
    }

  if (end_state.n_crlf + end_state.n_lf + end_state.n_cr == 0)
    self->dialect.line_ending = "CRLF";
  else if (end_state.n_lf == 0 && end_state.n_cr == 0)
    self->dialect.line_ending = "CRLF";
  else if (end_state.n_crlf == 0 && end_state.n_cr == 0)
    self->dialect.line_ending = "LF";
  else if (end_state.n_crlf == 0 && end_state.n_lf == 0)
    self->dialect.line_ending = "CR";
  else
    self->dialect.line_ending = "mixed";

  detect_mojibake (self, records);
  return TRUE;
}

/* GObject */

static void
lb_csv_reader_finalize (GObject *object)
{
  LbCsvReader *self = LB_CSV_READER (object);

  g_clear_object (&self->stream);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->forced_encoding, g_free);
  lb_csv_dialect_clear (&self->dialect);
  g_clear_pointer (&self->encoding_warning, lb_warning_free);
  g_clear_pointer (&self->checksum, g_checksum_free);
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_clear_pointer (&self->raw, g_byte_array_unref);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  if (self->recbuf != NULL)
    g_string_free (self->recbuf, TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lb_csv_reader_parent_class)->finalize (object);
}

static void
lb_csv_reader_class_init (LbCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_csv_reader_finalize;
}

static void
lb_csv_reader_init (LbCsvReader *self)
{
  self->iconv = (GIConv) -1;
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->raw = g_byte_array_sized_new (2 * CHUNK_SIZE);
  self->text = g_string_sized_new (4 * CHUNK_SIZE);
  self->recbuf = g_string_sized_new (1024);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->state.line = 1;
}

static LbCsvReader *
reader_open (GInputStream            *stream,
             guint64                  size,
             gint64                   mtime_usec,
             const char              *display_name,
             const LbCsvOptions      *options,
             const LbCsvFingerprint  *expected,
             GCancellable            *cancellable,
             GError                 **error)
{
  g_autoptr(LbCsvReader) self = NULL;

  g_return_val_if_fail (options == NULL || options->delimiter < 0x80, NULL);

  self = g_object_new (LB_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->display_name = g_strdup (display_name);
  self->size = size;
  self->mtime_usec = mtime_usec;
  if (expected != NULL)
    {
      self->check = TRUE;
      self->expected = *expected;
    }
  self->dialect.size_bytes = size;
  if (options != NULL)
    self->options = *options;
  self->forced_encoding = g_strdup (self->options.encoding);
  self->options.encoding = self->forced_encoding;
  if (self->options.max_field_bytes == 0)
    self->options.max_field_bytes = 1024 * 1024;
  if (self->options.max_record_bytes == 0)
    self->options.max_record_bytes = 16 * 1024 * 1024;
  if (self->options.max_columns == 0)
    self->options.max_columns = 16384;

  while (!self->eof_raw && self->raw->len < CHUNK_SIZE)
    if (!read_raw_chunk (self, cancellable, error))
      return NULL;

  if (self->raw->len == 0)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_EMPTY,
                   _("%s is empty. Check that you exported the right sheet."), display_name);
      return NULL;
    }

  if (!detect_encoding (self, error))
    return NULL;
  decode_raw (self);
  if (!detect_dialect (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

LbCsvReader *
lb_csv_reader_new (GFile               *file,
                   const LbCsvOptions  *options,
                   GCancellable        *cancellable,
                   GError             **error)
{
  return lb_csv_reader_new_full (file, NULL, options, NULL, cancellable, error);
}

LbCsvReader *
lb_csv_reader_new_full (GFile                   *file,
                        const char              *display_name,
                        const LbCsvOptions      *options,
                        const LbCsvFingerprint  *expected,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  guint64 size = 0;
  gint64 mtime_usec = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name != NULL ? g_strdup (display_name) : g_file_get_basename (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO, _("%s cannot be opened: %s"),
                   name, local_error->message);
      return NULL;
    }
  /* Of the open file (fstat), so a file replaced by rename is seen as what is read. */
  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                         G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                         cancellable, NULL);
  if (info != NULL)
    {
      size = (guint64) g_file_info_get_size (info);
      mtime_usec = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
                   * G_USEC_PER_SEC
                   + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
    }
  if (expected != NULL && (size != expected->size || mtime_usec != expected->mtime_usec))
    {
      fail_changed (name, error);
      return NULL;
    }
  return reader_open (G_INPUT_STREAM (stream), size, mtime_usec, name, options, expected,
                      cancellable, error);
}

LbCsvReader *
lb_csv_reader_new_from_bytes (GBytes              *bytes,
                              const char          *display_name,
                              const LbCsvOptions  *options,
                              GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  return reader_open (stream, g_bytes_get_size (bytes), 0,
                      display_name != NULL ? display_name : _("The data"), options, NULL, NULL,
                      error);
}

const LbCsvDialect *
lb_csv_reader_get_dialect (LbCsvReader *self)
{
  g_return_val_if_fail (LB_IS_CSV_READER (self), NULL);

  return &self->dialect;
}

/**
 * lb_csv_reader_get_encoding_warning:
 *
 * A translated sentence when the text looks like mojibake, else %NULL (owned by the reader).
 */
const char *
lb_csv_reader_get_encoding_warning (LbCsvReader *self)
{
  g_return_val_if_fail (LB_IS_CSV_READER (self), NULL);

  return self->encoding_warning != NULL ? self->encoding_warning->message : NULL;
}

/**
 * lb_csv_reader_get_encoding_warning_record:
 *
 * The same warning with its code and arguments (lb-warning.h), or %NULL (owned by the reader).
 */
const LbWarning *
lb_csv_reader_get_encoding_warning_record (LbCsvReader *self)
{
  g_return_val_if_fail (LB_IS_CSV_READER (self), NULL);

  return self->encoding_warning;
}

LbCsvRecord *
lb_csv_reader_next (LbCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  LbCsvRecord *record;
  guint start_line;
  guint n;
  TokResult r;

  g_return_val_if_fail (LB_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }
  if (self->done)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  start_line = self->state.line;
  r = tokenize_record (self, (char) self->dialect.delimiter, TRUE, cancellable, &self->error);
  if (r == TOK_ERROR)
    {
      self->done = TRUE;
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }
  if (r != TOK_RECORD)
    {
      self->done = TRUE;
      if (self->state.n_crlf + self->state.n_lf + self->state.n_cr > 0)
        self->dialect.line_ending = (self->state.n_lf == 0 && self->state.n_cr == 0) ? "CRLF"
                                    : (self->state.n_crlf == 0 && self->state.n_cr == 0) ? "LF"
                                    : (self->state.n_crlf == 0 && self->state.n_lf == 0) ? "CR"
                                    : "mixed";
      return NULL;
    }

  n = trimmed_count (self);
  if (n > self->options.max_columns)
    {
      g_autofree char *at = where (self, self->state.record, self->options.max_columns + 1);
      g_set_error (&self->error, LB_CSV_ERROR, LB_CSV_ERROR_TOO_MANY_COLUMNS,
                   _("%s: the row has %u columns, more than the %u allowed. Check the "
                     "delimiter chosen in the import preview."),
                   at, n, self->options.max_columns);
      self->done = TRUE;
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }

  record = new_record (self, n);
  record->record = self->state.record;
  record->line = start_line;
  if (record->record == self->dialect.header_record)
    {
      for (guint i = 0; i < n; i++)
        clean_header_cell (record->fields[i]);
      g_clear_pointer (&self->header, g_strfreev);
      self->header = g_strdupv (record->fields);
    }
  return record;
}

void
lb_csv_reader_get_fingerprint (LbCsvReader      *self,
                               LbCsvFingerprint *fingerprint)
{
  g_autoptr(GChecksum) copy = NULL;

  g_return_if_fail (LB_IS_CSV_READER (self));
  g_return_if_fail (fingerprint != NULL);

  memset (fingerprint, 0, sizeof *fingerprint);
  fingerprint->size = self->size;
  fingerprint->mtime_usec = self->mtime_usec;
  fingerprint->prefix_bytes = self->bytes_read;
  copy = g_checksum_copy (self->checksum);
  g_strlcpy (fingerprint->prefix_sha256, g_checksum_get_string (copy),
             sizeof fingerprint->prefix_sha256);
}

double
lb_csv_reader_get_progress (LbCsvReader *self)
{
  double consumed;

  g_return_val_if_fail (LB_IS_CSV_READER (self), 0.0);

  if (self->done)
    return 1.0;
  if (self->size == 0)
    return 0.0;
  consumed = (double) self->text_raw_start;
  if (self->text->len > 0)
    consumed += (double) self->text_raw_len * self->state.pos / self->text->len;
  return CLAMP (consumed / self->size, 0.0, 1.0);
}

void
lb_csv_dialect_guess_header (LbCsvDialect *dialect,
                             GPtrArray    *rows)
{
  LbHeaderGuess guess;

  g_return_if_fail (dialect != NULL);
  g_return_if_fail (rows != NULL);

  lb_header_guess (rows, &guess);
  dialect->header_record = guess.record;
  dialect->header_alternative = guess.alternative;
  g_free (dialect->header_reason);
  dialect->header_reason = lb_header_guess_describe (&guess);
  dialect->header_detected = TRUE;
}

void
lb_csv_record_free (LbCsvRecord *record)
{
  /* The fields live in the record's own block (see new_record()). */
  g_free (record);
}

void
lb_csv_dialect_clear (LbCsvDialect *dialect)
{
  if (dialect == NULL)
    return;
  g_clear_pointer (&dialect->encoding, g_free);
  g_clear_pointer (&dialect->encoding_reason, g_free);
  g_clear_pointer (&dialect->header_reason, g_free);
  g_clear_pointer (&dialect->sha256, g_free);
}
