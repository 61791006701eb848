/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-value.c: cell values and dates as Excel displays them */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "lb-value.h"

static void
check_value (const char *text,
             char        decimal_separator)
{
  LbValue value;

  lb_value_parse (text, decimal_separator, &value);
  switch (value.kind)
    {
    case LB_VALUE_NUMBER:
      /* A score must be a real number: no inf or NaN may reach the store. */
      g_assert_true (isfinite (value.number));
      g_assert_cmpint (value.decimals, >=, 0);
      break;
    case LB_VALUE_MISSING:
    case LB_VALUE_TEXT:
      g_assert_nonnull (value.reason);
      g_assert_true (g_utf8_validate (value.reason, -1, NULL));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_date (const char *text)
{
  GDate date;
  GDate again;
  g_autofree char *iso = NULL;

  g_date_clear (&date, 1);
  if (!lb_date_parse (text, &date))
    return;
  g_assert_true (g_date_valid (&date));
  iso = lb_date_to_iso (&date);
  g_assert_cmpuint (strlen (iso), ==, 10);
  /* What we store reads back as the same day. */
  g_date_clear (&again, 1);
  g_assert_true (lb_date_parse (iso, &again));
  g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  fuzz_setup ();
  /* The reader hands over valid UTF-8 without NUL bytes; so do we. */
  text = g_utf8_make_valid ((const char *) data, size);
  check_value (text, '.');
  check_value (text, ',');
  check_date (text);
  return 0;
}
