/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-value.h: reading cell values and dates as Excel displays them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LB_VALUE_NUMBER,   /* a number was read */
  LB_VALUE_MISSING,  /* empty, "-", "—", "N/A", "#N/A", "#DIV/0!", ...: no value; see reason */
  LB_VALUE_TEXT,     /* text that is not a number (kept as text, never evaluated) */
} LbValueKind;

typedef struct {
  LbValueKind kind;
  double      number;       /* when kind == LB_VALUE_NUMBER: "85.3%" gives 85.3 */
  gboolean    percent;      /* the cell carried a % sign */
  int         decimals;     /* digits shown after the decimal separator (0 for integers) */
  gboolean    formula_like; /* text starting with = + @ that is not a number */
  const char *reason;       /* for MISSING and TEXT: an untranslated N_() sentence, e.g.
                               "The cell is empty.", "Excel error #DIV/0!." — translate with _() */
} LbValue;

/* Reads @text (UTF-8) as Excel displayed it: "85.3%", "1,234.5", "85,3" (with
 * @decimal_separator ','), "▲1.5", "△1.5", "(5)", full-width digits, "1.2E+03",
 * "¥1,235". Never fails: the result says what the text is. */
void      lb_value_parse        (const char *text,
                                 char        decimal_separator,
                                 LbValue    *out);

/* Reads a date: "2024/5/1", "2024-05-01", "2024年5月1日", "令和6年5月1日" (also H/R
 * abbreviations), "01.05.2024" (day first), "2024/05/01 12:34". Returns FALSE for
 * anything else or an impossible date. */
gboolean  lb_date_parse         (const char *text,
                                 GDate      *out);

/* Formats @date as "YYYY-MM-DD" (newly allocated). */
char     *lb_date_to_iso        (const GDate *date);

/* Formats @date for people, in the user's language: "2026-11-28" in English,
 * "2026年11月28日" in Japanese (newly allocated). */
char     *lb_date_to_display    (const GDate *date);

/* Formats a stored date ("2026-11-28") or time ("2026-11-28T03:00:00Z", shown as its
 * local date) like lb_date_to_display(); other text comes back unchanged. NULL for NULL. */
char     *lb_date_text_to_display (const char *text);

/* Like lb_date_text_to_display() with the local time of day: "2026-11-28 12:00". */
char     *lb_datetime_text_to_display (const char *text);

G_END_DECLS
