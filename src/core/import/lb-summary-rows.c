/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-summary-rows.c: rows of a sheet that sum up the others (平均, 合計, Average, ...) */

#define G_LOG_DOMAIN "lb-importer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-summary-rows.h"
#include "lb-value.h"

/* Compared after NFKC, lower case, without spaces, dots and a trailing colon. */
static const char * const summary_names[] = {
  "平均", "平均値", "合計", "合計値", "総計", "小計", "計", "中央値", "最大", "最大値", "最小",
  "最小値", "標準偏差", "分散",
  "average", "avg", "mean", "total", "grandtotal", "subtotal", "sum", "median", "max", "maximum",
  "min", "minimum", "std", "stddev", "stdev", "sd", "standarddeviation",
};

struct _LbSummaryTracker {
  guint       *columns;
  guint        n_columns;
  char         decimal_separator;
  double      *sums;
  guint       *counts;
  /* The numbers of the last record judged, so adding it reads nothing again. */
  const LbCsvRecord *cached;
  double      *values;
  int         *decimals;  /* -1: no number */
};

gboolean
lb_summary_name (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *lower = NULL;
  GString *key;
  gboolean found = FALSE;

  /* Most model names stop here, before any normalising: longer than any summary word, or
   * starting with a character none of them starts with. */
  if (name == NULL || strlen (name) > 48)
    return FALSE;
  {
    const char *p = name;
    gunichar first;

    while (*p == ' ')
      p++;
    first = g_utf8_get_char_validated (p, -1);
    if (first < 0x80)
      {
        if (strchr ("aAmMtTsSgG", (int) first) == NULL || first == 0)
          return FALSE;
      }
    else if (!(first >= 0xFF01 && first <= 0xFF5E)   /* full-width ASCII */
             && first != 0x3000                     /* ideographic space */
             && first != 0x00A0
             && g_utf8_strchr ("平合総小計中最標分", -1, first) == NULL)
      return FALSE;
  }
  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return FALSE;
  lower = g_utf8_strdown (nfkc, -1);
  key = g_string_new (NULL);
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '.' || c == '_' || c == '-' || c == 0x30FB)
        continue;
      g_string_append_unichar (key, c);
    }
  while (key->len > 0 && key->str[key->len - 1] == ':')
    g_string_truncate (key, key->len - 1);
  for (guint i = 0; i < G_N_ELEMENTS (summary_names) && !found; i++)
    found = strcmp (key->str, summary_names[i]) == 0;
  g_string_free (key, TRUE);
  return found;
}

LbSummaryTracker *
lb_summary_tracker_new (const guint *columns,
                        guint        n_columns,
                        char         decimal_separator)
{
  LbSummaryTracker *t = g_new0 (LbSummaryTracker, 1);

  t->columns = g_memdup2 (columns, sizeof (guint) * MAX (n_columns, 1));
  t->n_columns = n_columns;
  t->decimal_separator = decimal_separator;
  t->sums = g_new0 (double, MAX (n_columns, 1));
  t->counts = g_new0 (guint, MAX (n_columns, 1));
  t->values = g_new0 (double, MAX (n_columns, 1));
  t->decimals = g_new0 (int, MAX (n_columns, 1));
  return t;
}

void
lb_summary_tracker_free (LbSummaryTracker *tracker)
{
  if (tracker == NULL)
    return;
  g_free (tracker->columns);
  g_free (tracker->sums);
  g_free (tracker->counts);
  g_free (tracker->values);
  g_free (tracker->decimals);
  g_free (tracker);
}

static void
read_values (LbSummaryTracker  *t,
             const LbCsvRecord *record)
{
  if (t->cached == record)
    return;
  for (guint i = 0; i < t->n_columns; i++)
    {
      guint c = t->columns[i];
      LbValue value;

      t->decimals[i] = -1;
      if (c == 0 || c > record->n_fields)
        continue;
      lb_value_parse (record->fields[c - 1], t->decimal_separator, &value);
      if (value.kind != LB_VALUE_NUMBER)
        continue;
      t->values[i] = value.number;
      t->decimals[i] = value.decimals;
    }
  t->cached = record;
}

/* Whether @shown is @exact as Excel would display it with @decimals digits. */
static gboolean
shown_as (double shown,
          int    decimals,
          double exact)
{
  double half = 0.5 * pow (10.0, -decimals);

  return fabs (shown - exact) <= half + 1e-9 * MAX (1.0, fabs (exact));
}

LbSummaryKind
lb_summary_tracker_judge (LbSummaryTracker  *tracker,
                          const LbCsvRecord *record,
                          const char        *name)
{
  guint numbers = 0, means = 0, sums = 0;

  g_return_val_if_fail (tracker != NULL && record != NULL, LB_SUMMARY_NONE);

  /* Records are freed and others allocated at the same address: read each one afresh. */
  tracker->cached = NULL;
  if (lb_summary_name (name))
    return LB_SUMMARY_BY_NAME;

  read_values (tracker, record);
  for (guint i = 0; i < tracker->n_columns; i++)
    {
      if (tracker->decimals[i] < 0)
        continue;
      numbers++;
      /* Three rows above at least: with one or two, a model can be their mean by chance. */
      if (tracker->counts[i] < 3)
        return LB_SUMMARY_NONE;
      means += shown_as (tracker->values[i], tracker->decimals[i],
                         tracker->sums[i] / tracker->counts[i]);
      sums += shown_as (tracker->values[i], tracker->decimals[i], tracker->sums[i]);
    }
  /* Every number, and at least two, must agree: one column can agree by chance. */
  if (numbers < 2)
    return LB_SUMMARY_NONE;
  if (means == numbers)
    return LB_SUMMARY_MEAN;
  if (sums == numbers)
    return LB_SUMMARY_SUM;
  return LB_SUMMARY_NONE;
}

void
lb_summary_tracker_add (LbSummaryTracker  *tracker,
                        const LbCsvRecord *record)
{
  g_return_if_fail (tracker != NULL && record != NULL);

  read_values (tracker, record);
  for (guint i = 0; i < tracker->n_columns; i++)
    if (tracker->decimals[i] >= 0)
      {
        tracker->sums[i] += tracker->values[i];
        tracker->counts[i]++;
      }
  tracker->cached = NULL;
}
