/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-json-writer.c: JSON written as it goes, pretty-printed, in bounded memory
 *
 * json-glib builds a tree of the whole document and then a string of it: for a comparison of
 * 500 models × 50 benchmarks that is over a hundred megabytes and more than a second. This
 * writes the same document straight into a buffer that is handed on every 64 KiB. */

#define G_LOG_DOMAIN "lb-json"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-json-writer.h"

#define FLUSH_AT (64 * 1024)
#define MAX_DEPTH 64

/* The text so far: a plain buffer, since GString's appends cost more than the copying. */
typedef struct
{
  char  *str;
  gsize  len;
  gsize  allocated;
} Buffer;

struct _LbJsonWriter
{
  Buffer           out[1];
  LbJsonFlushFunc  flush;
  gpointer         user_data;
  GError          *error;
  guint            depth;
  /* Per open container: has it an element yet? */
  gboolean         has_element[MAX_DEPTH];
  /* A member name was just written: the value follows on the same line. */
  gboolean         after_name;
};

static void
buffer_grow (Buffer *buffer,
             gsize   extra)
{
  gsize needed;

  if (!g_size_checked_add (&needed, buffer->len, extra + 1))
    g_error ("JSON document too large");
  if (needed <= buffer->allocated)
    return;
  buffer->allocated = MAX (needed, buffer->allocated * 2);
  buffer->str = g_realloc (buffer->str, buffer->allocated);
}

static inline void
put (Buffer     *buffer,
     const char *data,
     gsize       length)
{
  if (buffer->len + length + 1 > buffer->allocated)
    buffer_grow (buffer, length);
  memcpy (buffer->str + buffer->len, data, length);
  buffer->len += length;
}

static inline void
put_c (Buffer *buffer,
       char    c)
{
  if (buffer->len + 2 > buffer->allocated)
    buffer_grow (buffer, 1);
  buffer->str[buffer->len++] = c;
}

static inline void
put_s (Buffer     *buffer,
       const char *text)
{
  put (buffer, text, strlen (text));
}

LbJsonWriter *
lb_json_writer_new (LbJsonFlushFunc flush,
                    gpointer        user_data)
{
  LbJsonWriter *self = g_new0 (LbJsonWriter, 1);

  buffer_grow (self->out, flush != NULL ? FLUSH_AT + 4096 : 4096);
  self->flush = flush;
  self->user_data = user_data;
  return self;
}

void
lb_json_writer_free (LbJsonWriter *self)
{
  if (self == NULL)
    return;
  g_free (self->out->str);
  g_clear_error (&self->error);
  g_free (self);
}

static void
maybe_flush (LbJsonWriter *self)
{
  if (self->flush == NULL || self->out->len < FLUSH_AT)
    return;
  if (self->error == NULL)
    self->flush (self->out->str, self->out->len, self->user_data, &self->error);
  self->out->len = 0;
}

static inline void
newline_indent (LbJsonWriter *self)
{
  /* A line end and two spaces a level, copied 16 bytes at a time: a plain memcpy of this
   * short, varying length became a "rep movs", which was a fifth of the time of a large
   * document. The buffer keeps room for the overrun; the length then cuts it back. */
  static const char spaces[] = "\n                                                                "
                               "                                                                "
                               "               ";
  gsize length = 1 + MIN (2 * self->depth, sizeof spaces - 17);
  Buffer *buffer = self->out;
  char *dest;

  if (buffer->len + length + 16 + 1 > buffer->allocated)
    buffer_grow (buffer, length + 16);
  dest = buffer->str + buffer->len;
  for (gsize i = 0; i < length; i += 16)
    memcpy (dest + i, spaces + i, 16);
  buffer->len += length;
}

/* Before a value or a member name: the comma and the line of the element. */
static inline void
begin_element (LbJsonWriter *self)
{
  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }
  if (self->depth > 0)
    {
      if (self->has_element[self->depth - 1])
        put_c (self->out, ',');
      self->has_element[self->depth - 1] = TRUE;
      newline_indent (self);
    }
}

static void
open_container (LbJsonWriter *self,
                char          bracket)
{
  begin_element (self);
  put_c (self->out, bracket);
  g_return_if_fail (self->depth < MAX_DEPTH);
  self->has_element[self->depth++] = FALSE;
}

static void
close_container (LbJsonWriter *self,
                 char          bracket)
{
  gboolean had_elements;

  g_return_if_fail (self->depth > 0);
  had_elements = self->has_element[--self->depth];
  if (had_elements)
    newline_indent (self);
  put_c (self->out, bracket);
  maybe_flush (self);
}

void
lb_json_writer_begin_object (LbJsonWriter *self)
{
  open_container (self, '{');
}

void
lb_json_writer_end_object (LbJsonWriter *self)
{
  close_container (self, '}');
}

void
lb_json_writer_begin_array (LbJsonWriter *self)
{
  open_container (self, '[');
}

void
lb_json_writer_end_array (LbJsonWriter *self)
{
  close_container (self, ']');
}

static void
append_quoted (Buffer     *out,
               const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  put_c (out, '"');
  run = text;
  for (const char *p = text; ; p++)
    {
      unsigned char c = (unsigned char) *p;
      const char *escape;
      char unicode[8];

      /* Most text needs no escape: it goes in as runs. */
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      put (out, run, p - run);
      if (c == '\0')
        break;
      run = p + 1;
      switch (c)
        {
        case '"':  escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (unicode, sizeof unicode, "\\u%04x", c);
          escape = unicode;
        }
      put_s (out, escape);
    }
  put_c (out, '"');
}

void
lb_json_writer_member (LbJsonWriter *self,
                       const char   *name)
{
  g_return_if_fail (name != NULL);
  begin_element (self);
  /* Member names are the program's own ASCII identifiers: nothing to escape. */
  put_c (self->out, '"');
  put_s (self->out, name);
  put (self->out, "\" : ", 4);
  self->after_name = TRUE;
}

void
lb_json_writer_string (LbJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      lb_json_writer_null (self);
      return;
    }
  begin_element (self);
  append_quoted (self->out, value);
  maybe_flush (self);
}

/* 10^n as a double, exact for n ≤ 22. */
static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* 5^n, n ≤ 27: all fit in 64 bits. */
static const guint64 powers_of_five[] = {
  1ull, 5ull, 25ull, 125ull, 625ull, 3125ull, 15625ull, 78125ull, 390625ull, 1953125ull,
  9765625ull, 48828125ull, 244140625ull, 1220703125ull, 6103515625ull, 30517578125ull,
  152587890625ull, 762939453125ull, 3814697265625ull, 19073486328125ull, 95367431640625ull,
  476837158203125ull, 2384185791015625ull, 11920928955078125ull, 59604644775390625ull,
  298023223876953125ull, 1490116119384765625ull, 7450580596923828125ull,
};

/* The @digits significant digits of @value > 0, correctly rounded (half to even), as the
 * integer *@n and the decimal exponent *@exponent of its first digit: value ≈ n × 10^(exponent
 * − digits + 1). Exact, in 128-bit integers, for the range numbers in a comparison have
 * (about 1e-10 to 1e16); FALSE outside it. */
static gboolean
round_digits (double   value,
              int      digits,
              guint64 *n,
              int     *exponent)
{
  int binary_exponent;
  double fraction = frexp (value, &binary_exponent);
  guint64 mantissa = (guint64) ldexp (fraction, 53);
  int e = binary_exponent - 53;
  int d = (int) floor (log10 (value));
  guint64 low = 1, high;

  for (int i = 1; i < digits; i++)
    low *= 10;
  high = low * 10;

  /* log10 can be one off near a power of ten: try its neighbours. */
  for (int attempt = 0; attempt < 3; attempt++)
    {
      int s = digits - 1 - d;
      unsigned __int128 product = mantissa;
      unsigned __int128 quotient;
      int shift;

      if (s < 0 || s >= (int) G_N_ELEMENTS (powers_of_five))
        return FALSE;
      product *= powers_of_five[s];
      shift = -(e + s);
      if (shift <= 0)
        {
          if (-shift > 10)
            return FALSE;
          quotient = product << -shift;
        }
      else
        {
          unsigned __int128 remainder, half;

          if (shift >= 120)
            return FALSE;
          quotient = product >> shift;
          remainder = product - (quotient << shift);
          half = (unsigned __int128) 1 << (shift - 1);
          if (remainder > half || (remainder == half && (quotient & 1) != 0))
            quotient++;
        }
      if (quotient >= high)
        d++;
      else if (quotient < low)
        d--;
      else
        {
          *n = (guint64) quotient;
          *exponent = d;
          return TRUE;
        }
    }
  return FALSE;
}

/* Does n × 10^(exponent − digits + 1) read back as @value? Answered (TRUE, *@same set) while
 * n < 2^53 and the power of ten is exact: one correctly rounded operation. */
static gboolean
reads_back (guint64   n,
            int       digits,
            int       exponent,
            double    value,
            gboolean *same)
{
  int scale = exponent - digits + 1;

  if (n >= ((guint64) 1 << 53) || scale < -22 || scale > 22)
    return FALSE;
  if (scale < 0)
    *same = (double) n / exact_powers_of_ten[-scale] == value;
  else
    *same = (double) n * exact_powers_of_ten[scale] == value;
  return TRUE;
}

/* As printf's %.<digits>g writes n × 10^(exponent − digits + 1): trailing zeros dropped,
 * exponent notation below 1e-4 and from 10^digits on. */
static void
write_g (char    *buffer,
         gsize    size,
         gboolean negative,
         guint64  n,
         int      digits,
         int      exponent)
{
  char text[24];
  int length = 0;
  char *p = buffer;

  /* The digits of n, first to last (n has @digits of them). */
  for (int i = digits - 1; i >= 0; i--, n /= 10)
    text[i] = (char) ('0' + n % 10);
  length = digits;

  while (length > 1 && text[length - 1] == '0')
    length--;
  if (negative)
    *p++ = '-';
  if (exponent < -4 || exponent >= digits)
    {
      *p++ = text[0];
      if (length > 1)
        {
          *p++ = '.';
          memcpy (p, text + 1, length - 1);
          p += length - 1;
        }
      g_snprintf (p, size - (p - buffer), "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
      return;
    }
  if (exponent < 0)
    {
      *p++ = '0';
      *p++ = '.';
      for (int i = -1; i > exponent; i--)
        *p++ = '0';
      memcpy (p, text, length);
      p += length;
    }
  else if (length <= exponent + 1)
    {
      memcpy (p, text, length);
      p += length;
      for (int i = length; i <= exponent; i++)
        *p++ = '0';
    }
  else
    {
      memcpy (p, text, exponent + 1);
      p += exponent + 1;
      *p++ = '.';
      memcpy (p, text + exponent + 1, length - exponent - 1);
      p += length - exponent - 1;
    }
  *p = '\0';
}

/* @value as "%.15g" when that reads back as the same double (85.3, not 85.299999999999997),
 * else as "%.17g", which always does. printf is most of the time of a large document, so
 * the usual range is done in integers; the rest goes to printf. */
static void
format_double (char   *buffer,
               gsize   size,
               double  value)
{
  guint64 n;
  int exponent;
  gboolean same;
  double magnitude = fabs (value);

  if (value == 0)
    {
      g_strlcpy (buffer, signbit (value) ? "-0" : "0", size);
      return;
    }
  if (round_digits (magnitude, 15, &n, &exponent) &&
      reads_back (n, 15, exponent, magnitude, &same))
    {
      if (same)
        {
          write_g (buffer, size, value < 0, n, 15, exponent);
          return;
        }
      if (round_digits (magnitude, 17, &n, &exponent))
        {
          write_g (buffer, size, value < 0, n, 17, exponent);
          return;
        }
    }
  g_ascii_formatd (buffer, size, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, size, "%.17g", value);
}

void
lb_json_writer_double (LbJsonWriter *self,
                       gboolean      has,
                       double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!has || !isfinite (value))
    {
      lb_json_writer_null (self);
      return;
    }
  begin_element (self);
  format_double (buffer, sizeof buffer, value);
  put_s (self->out, buffer);
  /* A whole number stays a double for readers that care (json-glib does the same). */
  if (strpbrk (buffer, ".eEn") == NULL)
    put_s (self->out, ".0");
}

void
lb_json_writer_int (LbJsonWriter *self,
                    gint64        value)
{
  char text[24];
  char *p = text + sizeof text;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  begin_element (self);
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  put (self->out, p, text + sizeof text - p);
}

void
lb_json_writer_boolean (LbJsonWriter *self,
                        gboolean      value)
{
  begin_element (self);
  put_s (self->out, value ? "true" : "false");
}

void
lb_json_writer_null (LbJsonWriter *self)
{
  begin_element (self);
  put_s (self->out, "null");
}

gboolean
lb_json_writer_finish (LbJsonWriter  *self,
                       GError       **error)
{
  g_return_val_if_fail (self->depth == 0, FALSE);

  put_c (self->out, '\n');
  if (self->flush != NULL)
    {
      if (self->error == NULL && self->out->len > 0)
        self->flush (self->out->str, self->out->len, self->user_data, &self->error);
      self->out->len = 0;
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

char *
lb_json_writer_steal_text (LbJsonWriter *self)
{
  char *text;

  g_return_val_if_fail (self->flush == NULL, NULL);
  if (!lb_json_writer_finish (self, NULL))
    g_return_val_if_reached (NULL);
  self->out->str[self->out->len] = '\0';
  text = g_steal_pointer (&self->out->str);
  lb_json_writer_free (self);
  return text;
}
