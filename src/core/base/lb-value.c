/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-value.c: reading cell values and dates as Excel displays them */

#define G_LOG_DOMAIN "lb-value"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lb-value.h"

/* Texts that mean "no value", compared after NFKC and trimming. */
static const struct {
  const char *text;
  gboolean    ignore_case;
  const char *reason;
} missing_tokens[] = {
  { "-",        FALSE, N_("The cell holds only a dash, which marks a missing value.") },
  { "\u2014",   FALSE, N_("The cell holds only a dash, which marks a missing value.") },
  { "\u2013",   FALSE, N_("The cell holds only a dash, which marks a missing value.") },
  { "\u2015",   FALSE, N_("The cell holds only a dash, which marks a missing value.") },
  { "\u2212",   FALSE, N_("The cell holds only a dash, which marks a missing value.") },
  { "N/A",      TRUE,  N_("The cell says “N/A” (not available).") },
  { "NA",       TRUE,  N_("The cell says “N/A” (not available).") },
  { "nan",      TRUE,  N_("The cell says “nan” (not a number).") },
  { "#N/A",     FALSE, N_("Excel error #N/A (the value is not available).") },
  { "#DIV/0!",  FALSE, N_("Excel error #DIV/0! (a division by zero).") },
  { "#VALUE!",  FALSE, N_("Excel error #VALUE! (a formula used the wrong kind of value).") },
  { "#REF!",    FALSE, N_("Excel error #REF! (a formula refers to a deleted cell).") },
  { "#NAME?",   FALSE, N_("Excel error #NAME? (a formula uses an unknown name).") },
  { "#NUM!",    FALSE, N_("Excel error #NUM! (a number is out of range).") },
  { "#NULL!",   FALSE, N_("Excel error #NULL! (two ranges do not intersect).") },
};

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x00A0 || c == 0x3000 ||
         c == 0x202F || c == 0x2009 || c == 0xFEFF || c == 0x200B;
}

/* Removes spaces, NBSP, zero-width space and BOM at both ends, in place. */
static char *
trim_in_place (char *s)
{
  char *start = s;
  char *end;

  while (*start != '\0' && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);
      if (!is_space_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  if (start != s)
    memmove (s, start, (gsize) (end - start) + 1);
  return s;
}

static gboolean
has_prefix_skip (const char **p, const char *prefix)
{
  gsize n = strlen (prefix);

  if (strncmp (*p, prefix, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ')
    (*p)++;
}

static gboolean
skip_currency (const char **p)
{
  return has_prefix_skip (p, "\u00A5") || has_prefix_skip (p, "$") ||
         has_prefix_skip (p, "\u20AC") || has_prefix_skip (p, "\u00A3");
}

/* Parses the digits of a number with @dec as decimal separator and @group as
 * thousands separator (0: none allowed). Appends a plain C-locale number to @out. */
static gboolean
parse_digits (const char **pp, char dec, char group, GString *out, int *decimals)
{
  const char *p = *pp;
  guint int_digits = 0;
  guint group_len = 0;
  gboolean grouped = FALSE;

  *decimals = 0;
  while (g_ascii_isdigit (*p) || (group != 0 && *p == group))
    {
      if (*p == group)
        {
          /* A group separator needs 1-3 digits before the first one and exactly 3 between. */
          if (int_digits == 0 || (grouped && group_len != 3) || (!grouped && group_len > 3))
            return FALSE;
          grouped = TRUE;
          group_len = 0;
        }
      else
        {
          g_string_append_c (out, *p);
          int_digits++;
          group_len++;
        }
      p++;
    }
  if (grouped && group_len != 3)
    return FALSE;
  if (*p == dec)
    {
      p++;
      g_string_append_c (out, '.');
      while (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          (*decimals)++;
        }
      if (*decimals == 0 && int_digits == 0)
        return FALSE;
    }
  else if (int_digits == 0)
    return FALSE;
  if ((*p == 'E' || *p == 'e') && (g_ascii_isdigit (p[1]) ||
      ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      g_string_append_c (out, 'e');
      p++;
      if (*p == '+' || *p == '-')
        g_string_append_c (out, *p++);
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
    }
  *pp = p;
  return TRUE;
}

/* Reads @s (already NFKC-normalised and trimmed) as a number. */
static gboolean
parse_number (const char *s, char decimal_separator, LbValue *out)
{
  g_autoptr(GString) num = g_string_new (NULL);
  const char *p = s;
  gboolean negative = FALSE;
  gboolean parens = FALSE;
  gboolean percent = FALSE;
  char group;
  int decimals = 0;
  char *end = NULL;
  double v;

  if (*p == '(')
    {
      parens = negative = TRUE;
      p++;
    }
  skip_currency (&p);
  if (*p == '-' || *p == '+')
    {
      if (*p == '-')
        negative = TRUE;
      p++;
    }
  else if (has_prefix_skip (&p, "\u2212") || has_prefix_skip (&p, "\u25B2") ||
           has_prefix_skip (&p, "\u25B3"))
    negative = TRUE;
  skip_spaces (&p);
  skip_currency (&p);

  group = decimal_separator == ',' ? '.' : ',';
  {
    const char *save = p;
    gsize save_len = num->len;

    if (!parse_digits (&p, decimal_separator, group, num, &decimals))
      {
        /* With a decimal comma, "85.3" (no comma, dot not a thousands group) still
         * means 85.3: people mix both in one sheet. */
        p = save;
        g_string_truncate (num, save_len);
        if (decimal_separator != ',' || strchr (p, ',') != NULL ||
            !parse_digits (&p, '.', 0, num, &decimals))
          return FALSE;
      }
  }
  skip_spaces (&p);
  if (*p == '%')
    {
      percent = TRUE;
      p++;
    }
  if (parens)
    {
      if (*p != ')')
        return FALSE;
      p++;
    }
  if (*p != '\0')
    return FALSE;

  v = g_ascii_strtod (num->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;

  out->kind = LB_VALUE_NUMBER;
  out->number = negative ? -v : v;
  out->percent = percent;
  out->decimals = decimals;
  out->reason = NULL;
  return TRUE;
}

/* The common cell, "85.3" or "-12" (digits, at most one @decimal_separator between digits,
 * an optional leading minus), read without normalising; FALSE sends anything else down the
 * full path, which gives the same result for these. */
static gboolean
parse_plain_number (const char *text,
                    char        decimal_separator,
                    LbValue    *out)
{
  /* Powers of ten that a double holds exactly. */
  static const double exact_powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  char buffer[40];
  const char *p = text;
  gsize n = 0;
  int decimals = -1;
  guint digits = 0;
  guint64 mantissa = 0;
  double v;

  if (*p == '-')
    buffer[n++] = *p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (n >= sizeof buffer - 1)
        return FALSE;
      if (g_ascii_isdigit (*p))
        {
          buffer[n++] = *p;
          if (decimals >= 0)
            decimals++;
          if (mantissa != 0 || *p != '0')
            digits++;
          if (digits <= 15)
            mantissa = mantissa * 10 + (guint64) (*p - '0');
        }
      else if (*p == decimal_separator && decimals < 0 && g_ascii_isdigit (p[1]))
        {
          buffer[n++] = '.';
          decimals = 0;
        }
      else
        return FALSE;
    }
  buffer[n] = '\0';
  decimals = MAX (decimals, 0);
  /* Up to 15 digits over an exact power of ten: one correctly rounded division gives the
   * double nearest the text, the very bits strtod gives (Clinger's fast path). */
  if (digits <= 15 && (gsize) decimals < G_N_ELEMENTS (exact_powers))
    {
      v = (double) mantissa / exact_powers[decimals];
      if (text[0] == '-')
        v = -v;
    }
  else
    v = g_ascii_strtod (buffer, NULL);
  if (!isfinite (v))
    return FALSE;
  out->kind = LB_VALUE_NUMBER;
  out->number = v;
  out->decimals = decimals;
  return TRUE;
}

/**
 * lb_value_parse:
 *
 * Never fails; @out always says what the text is.
 */
void
lb_value_parse (const char *text,
                char        decimal_separator,
                LbValue    *out)
{
  g_autofree char *norm = NULL;
  const guchar *q;
  gboolean ascii = TRUE;

  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  if (decimal_separator != ',')
    decimal_separator = '.';

  if (text == NULL)
    text = "";
  if (parse_plain_number (text, decimal_separator, out))
    return;
  for (q = (const guchar *) text; *q != '\0'; q++)
    if (*q >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  /* Full-width digits and signs ("８５．３", "＋", "￥") become ASCII; most cells are ASCII. */
  if (ascii || !g_utf8_validate (text, -1, NULL))
    norm = g_strdup (text);
  else
    norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    norm = g_strdup (text);
  trim_in_place (norm);

  if (norm[0] == '\0')
    {
      out->kind = LB_VALUE_MISSING;
      out->reason = N_("The cell is empty.");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (missing_tokens); i++)
    {
      gboolean same = missing_tokens[i].ignore_case
                        ? g_ascii_strcasecmp (norm, missing_tokens[i].text) == 0
                        : strcmp (norm, missing_tokens[i].text) == 0;
      if (same)
        {
          out->kind = LB_VALUE_MISSING;
          out->reason = missing_tokens[i].reason;
          return;
        }
    }

  if (parse_number (norm, decimal_separator, out))
    return;

  out->kind = LB_VALUE_TEXT;
  out->number = 0;
  out->percent = FALSE;
  out->decimals = 0;
  if (norm[0] == '=' || norm[0] == '+' || norm[0] == '@' || text[0] == '\t' || text[0] == '\r')
    {
      out->formula_like = TRUE;
      out->reason = N_("The cell looks like a formula; it is kept as text and never evaluated.");
    }
  else if (norm[0] == '#')
    out->reason = N_("The cell holds an Excel error or a note starting with “#”, not a number.");
  else
    out->reason = N_("The cell holds text, not a number.");
}

/* Dates */

typedef struct {
  const char *name;
  const char *abbrev;      /* ASCII letter used in "R6.5.1" */
  int         base;        /* Gregorian year of era year 1 */
  int         first_y, first_m, first_d;
  int         last_y, last_m, last_d; /* 0: open-ended */
} Era;

static const Era eras[] = {
  { "令和", "R", 2019, 2019, 5, 1, 0, 0, 0 },
  { "平成", "H", 1989, 1989, 1, 8, 2019, 4, 30 },
  { "昭和", "S", 1926, 1926, 12, 25, 1989, 1, 7 },
  { "大正", "T", 1912, 1912, 7, 30, 1926, 12, 24 },
  { "明治", "M", 1868, 1868, 10, 23, 1912, 7, 29 },
};

/* Reads 1 to @max_digits ASCII digits. */
static gboolean
read_uint (const char **pp, int max_digits, int *value, int *n_digits)
{
  const char *p = *pp;
  int v = 0;
  int n = 0;

  while (g_ascii_isdigit (*p) && n < max_digits)
    {
      v = v * 10 + (*p - '0');
      p++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (*p))
    return FALSE;
  *pp = p;
  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return TRUE;
}

/* "12:34" or "12:34:56", optionally with a fraction of seconds. */
static gboolean
valid_time (const char *p)
{
  int h, m, s;

  if (!read_uint (&p, 2, &h, NULL) || *p++ != ':' || !read_uint (&p, 2, &m, NULL))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_uint (&p, 2, &s, NULL) || s > 59)
        return FALSE;
      if (*p == '.')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }
  return *p == '\0' && h <= 24 && m <= 59;
}

static gboolean
set_date (GDate *out, int y, int m, int d)
{
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static gboolean
in_era (const Era *era, int y, int m, int d)
{
  int v = y * 10000 + m * 100 + d;

  if (v < era->first_y * 10000 + era->first_m * 100 + era->first_d)
    return FALSE;
  if (era->last_y != 0 && v > era->last_y * 10000 + era->last_m * 100 + era->last_d)
    return FALSE;
  return TRUE;
}

/* The date part only, without a time. */
static gboolean
parse_date_part (const char *p, GDate *out)
{
  int a, b, c, na;

  /* Japanese eras: "令和6年5月1日", "令和元年5月1日", "R6.5.1", "H31/4/30". */
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      const Era *era = &eras[i];
      const char *q = p;
      gboolean kanji;
      int y;

      if (has_prefix_skip (&q, era->name))
        kanji = TRUE;
      else if (g_ascii_toupper (*q) == era->abbrev[0] && g_ascii_isdigit (q[1]))
        {
          kanji = FALSE;
          q++;
        }
      else
        continue;

      if (kanji && has_prefix_skip (&q, "元"))
        a = 1;
      else if (!read_uint (&q, 2, &a, NULL))
        return FALSE;
      if (kanji)
        {
          if (!has_prefix_skip (&q, "年") || !read_uint (&q, 2, &b, NULL) ||
              !has_prefix_skip (&q, "月") || !read_uint (&q, 2, &c, NULL) ||
              !has_prefix_skip (&q, "日") || *q != '\0')
            return FALSE;
        }
      else
        {
          char sep = *q;
          if ((sep != '.' && sep != '/' && sep != '-') || (q++, !read_uint (&q, 2, &b, NULL)) ||
              *q++ != sep || !read_uint (&q, 2, &c, NULL) || *q != '\0')
            return FALSE;
        }
      if (a < 1)
        return FALSE;
      y = era->base + a - 1;
      if (!in_era (era, y, b, c))
        return FALSE;
      return set_date (out, y, b, c);
    }

  if (!read_uint (&p, 4, &a, &na))
    return FALSE;

  if (na == 4 && has_prefix_skip (&p, "年"))
    {
      if (!read_uint (&p, 2, &b, NULL) || !has_prefix_skip (&p, "月") ||
          !read_uint (&p, 2, &c, NULL) || !has_prefix_skip (&p, "日") || *p != '\0')
        return FALSE;
      return set_date (out, a, b, c);
    }

  if (na == 4 && (*p == '/' || *p == '-' || *p == '.'))
    {
      char sep = *p++;
      if (!read_uint (&p, 2, &b, NULL) || *p++ != sep || !read_uint (&p, 2, &c, NULL) ||
          *p != '\0')
        return FALSE;
      return set_date (out, a, b, c);
    }

  /* "01.05.2024": day first, as in German and most European locales. */
  if (na <= 2 && *p == '.')
    {
      int ny;
      p++;
      if (!read_uint (&p, 2, &b, NULL) || *p++ != '.' || !read_uint (&p, 4, &c, &ny) ||
          ny != 4 || *p != '\0')
        return FALSE;
      return set_date (out, c, b, a);
    }

  return FALSE;
}

gboolean
lb_date_parse (const char *text,
               GDate      *out)
{
  g_autofree char *norm = NULL;
  char *space;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return FALSE;
  trim_in_place (norm);

  space = strchr (norm, ' ');
  if (space == NULL)
    space = strchr (norm, 'T');
  if (space != NULL && space != norm && g_ascii_isdigit (space[-1]))
    {
      const char *t = space + 1;
      while (*t == ' ')
        t++;
      if (!valid_time (t))
        return FALSE;
      *space = '\0';
    }
  return parse_date_part (norm, out);
}

char *
lb_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
lb_date_to_display (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;
  char *shown;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_utc ((int) g_date_get_year (date), (int) g_date_get_month (date),
                            (int) g_date_get_day (date), 0, 0, 0);
  if (dt == NULL)
    return lb_date_to_iso (date);
  /* Translators: how a date is shown, as a g_date_time_format() string; for
     example "%Y年%-m月%-d日" or "%-d %B %Y". */
  shown = g_date_time_format (dt, _("%Y-%m-%d"));
  /* A broken translation must not lose the date. */
  return shown != NULL ? shown : lb_date_to_iso (date);
}

/* A stored time ("…T03:00:00Z") in local time, or NULL when @text is not one. */
static GDateTime *
parse_stored_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (strlen (text) <= 10 || (text[10] != 'T' && text[10] != ' '))
    return NULL;
  parsed = g_date_time_new_from_iso8601 (text, utc);
  return parsed != NULL ? g_date_time_to_local (parsed) : NULL;
}

/* A stored date ("2026-11-28") exactly, no other spelling. */
static gboolean
parse_stored_date (const char *text,
                   GDate      *out)
{
  guint y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
lb_date_text_to_display (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (text == NULL)
    return NULL;
  g_date_clear (&date, 1);
  time = parse_stored_time (text);
  if (time != NULL)
    g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (time),
                    (GDateMonth) g_date_time_get_month (time),
                    (GDateYear) g_date_time_get_year (time));
  else if (!parse_stored_date (text, &date))
    return g_strdup (text);
  return lb_date_to_display (&date);
}

char *
lb_datetime_text_to_display (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  char *shown;

  if (text == NULL)
    return NULL;
  time = parse_stored_time (text);
  if (time == NULL)
    return lb_date_text_to_display (text);
  /* Translators: how a date with its time of day is shown, as a g_date_time_format()
     string; for example "%Y年%-m月%-d日 %H:%M". */
  shown = g_date_time_format (time, _("%Y-%m-%d %H:%M"));
  return shown != NULL ? shown : g_strdup (text);
}
