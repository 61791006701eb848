/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "lb-value.h"

typedef struct {
  const char *text;
  char        decimal_separator;
  LbValueKind kind;
  double      number;
  gboolean    percent;
  int         decimals;
  gboolean    formula_like;
  const char *reason;   /* expected reason for MISSING; NULL: not checked */
} ValueCase;

static const ValueCase value_cases[] = {
  { "85.3%",              '.', LB_VALUE_NUMBER, 85.3,    TRUE,  1, FALSE, NULL },
  { "1,234.5",            '.', LB_VALUE_NUMBER, 1234.5,  FALSE, 1, FALSE, NULL },
  { "85,3",               ',', LB_VALUE_NUMBER, 85.3,    FALSE, 1, FALSE, NULL },
  { "1.234,5",            ',', LB_VALUE_NUMBER, 1234.5,  FALSE, 1, FALSE, NULL },
  { "12,5%",              ',', LB_VALUE_NUMBER, 12.5,    TRUE,  1, FALSE, NULL },
  { "▲1.5",               '.', LB_VALUE_NUMBER, -1.5,    FALSE, 1, FALSE, NULL },
  { "△1.5",               '.', LB_VALUE_NUMBER, -1.5,    FALSE, 1, FALSE, NULL },
  { "(5)",                '.', LB_VALUE_NUMBER, -5,      FALSE, 0, FALSE, NULL },
  { "８５．３",           '.', LB_VALUE_NUMBER, 85.3,    FALSE, 1, FALSE, NULL },
  { "８５．３％",         '.', LB_VALUE_NUMBER, 85.3,    TRUE,  1, FALSE, NULL },
  { "1.2E+03",            '.', LB_VALUE_NUMBER, 1200,    FALSE, 1, FALSE, NULL },
  { "1.23457E+11",        '.', LB_VALUE_NUMBER, 1.23457e11, FALSE, 5, FALSE, NULL },
  { "¥1,235",             '.', LB_VALUE_NUMBER, 1235,    FALSE, 0, FALSE, NULL },
  { "￥1,235",            '.', LB_VALUE_NUMBER, 1235,    FALSE, 0, FALSE, NULL },
  { "$12",                '.', LB_VALUE_NUMBER, 12,      FALSE, 0, FALSE, NULL },
  { "+5",                 '.', LB_VALUE_NUMBER, 5,       FALSE, 0, FALSE, NULL },
  { "-0.25",              '.', LB_VALUE_NUMBER, -0.25,   FALSE, 2, FALSE, NULL },
  { " 72.10 ",            '.', LB_VALUE_NUMBER, 72.1,    FALSE, 2, FALSE, NULL },
  { "85.3",               ',', LB_VALUE_NUMBER, 85.3,    FALSE, 1, FALSE, NULL },
  { "",                   '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell is empty." },
  { "   ",                '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell is empty." },
  { "-",                  '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell holds only a dash, which marks a missing value." },
  { "—",                  '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell holds only a dash, which marks a missing value." },
  { "–",                  '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell holds only a dash, which marks a missing value." },
  { "N/A",                '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell says “N/A” (not available)." },
  { "n/a",                '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell says “N/A” (not available)." },
  { "NA",                 '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell says “N/A” (not available)." },
  { "#N/A",               '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #N/A (the value is not available)." },
  { "#DIV/0!",            '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #DIV/0! (a division by zero)." },
  { "#VALUE!",            '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #VALUE! (a formula used the wrong kind of value)." },
  { "#REF!",              '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #REF! (a formula refers to a deleted cell)." },
  { "#NAME?",             '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #NAME? (a formula uses an unknown name)." },
  { "#NUM!",              '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #NUM! (a number is out of range)." },
  { "#NULL!",             '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "Excel error #NULL! (two ranges do not intersect)." },
  { "nan",                '.', LB_VALUE_MISSING, 0, FALSE, 0, FALSE, "The cell says “nan” (not a number)." },
  { "=SUM(A1)",           '.', LB_VALUE_TEXT, 0, FALSE, 0, TRUE,  NULL },
  { "+81-3-1234-5678",    '.', LB_VALUE_TEXT, 0, FALSE, 0, TRUE,  NULL },
  { "@x",                 '.', LB_VALUE_TEXT, 0, FALSE, 0, TRUE,  NULL },
  { "＝1+1",              '.', LB_VALUE_TEXT, 0, FALSE, 0, TRUE,  NULL },
  { "GPT-4",              '.', LB_VALUE_TEXT, 0, FALSE, 0, FALSE, NULL },
  { "1,2",                '.', LB_VALUE_TEXT, 0, FALSE, 0, FALSE, NULL },
  { "12.5.3",             '.', LB_VALUE_TEXT, 0, FALSE, 0, FALSE, NULL },
  { "2024/5/1",           '.', LB_VALUE_TEXT, 0, FALSE, 0, FALSE, NULL },
};

static void
test_value_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      const ValueCase *c = &value_cases[i];
      LbValue v;

      g_test_message ("value %u: “%s”", i, c->text);
      lb_value_parse (c->text, c->decimal_separator, &v);
      g_assert_cmpint (v.kind, ==, c->kind);
      g_assert_cmpint (v.formula_like, ==, c->formula_like);
      if (c->kind == LB_VALUE_NUMBER)
        {
          g_assert_cmpfloat_with_epsilon (v.number, c->number, 1e-9 * MAX (1.0, fabs (c->number)));
          g_assert_cmpint (v.percent, ==, c->percent);
          g_assert_cmpint (v.decimals, ==, c->decimals);
          g_assert_null (v.reason);
        }
      else
        {
          g_assert_nonnull (v.reason);
          if (c->reason != NULL)
            g_assert_cmpstr (v.reason, ==, c->reason);
        }
    }
}

/* Plain cells ("85.3", "-12") take a short path; padded with spaces, the same text takes the
 * full one. Both must read it the same, down to the last bit. */
static void
test_value_plain_matches_full (void)
{
  static const struct { const char *text; char decimal_separator; } cases[] = {
    { "85.3", '.' }, { "0", '.' }, { "-12", '.' }, { "007", '.' }, { "-0", '.' },
    { "0.1", '.' }, { "123456789012345678901234567890", '.' }, { "1e5", '.' },
    { "85,3", ',' }, { "85.3", ',' }, { "1,234", '.' }, { "1.234", ',' }, { "1.", '.' },
    { ".5", '.' }, { "-", '.' }, { "--1", '.' }, { "1-", '.' }, { "12.5.3", '.' },
    { "99.99999999999999999", '.' }, { "3,5", '.' }, { "12,5,3", ',' },
    /* Where a quick division and strtod could differ, if the quick one were wrong. */
    { "0.1", '.' }, { "2.675", '.' }, { "0.30000000000000004", '.' }, { "123456789012345", '.' },
    { "1234567890123456", '.' }, { "9007199254740993", '.' }, { "0.0000000000000000000001", '.' },
    { "0.00000000000000000000001", '.' }, { "-0.000", '.' }, { "000000000000000000123.5", '.' },
    { "85.30000000000000", '.' }, { "1.7976931348623157", '.' }, { "4,9406564584124654", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *padded = g_strdup_printf (" %s ", cases[i].text);
      LbValue plain, full;

      g_test_message ("“%s” with '%c'", cases[i].text, cases[i].decimal_separator);
      lb_value_parse (cases[i].text, cases[i].decimal_separator, &plain);
      lb_value_parse (padded, cases[i].decimal_separator, &full);
      g_assert_cmpint (plain.kind, ==, full.kind);
      g_assert_true (memcmp (&plain.number, &full.number, sizeof plain.number) == 0);
      g_assert_cmpint (plain.percent, ==, full.percent);
      g_assert_cmpint (plain.decimals, ==, full.decimals);
      g_assert_cmpint (plain.formula_like, ==, full.formula_like);
      g_assert_cmpstr (plain.reason, ==, full.reason);
    }
}

/* The same over many random plain numbers of up to 17 digits. */
static void
test_value_plain_matches_full_random (void)
{
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) text = g_string_new (g_test_rand_bit () ? "-" : "");
      g_autofree char *padded = NULL;
      guint n_digits = (guint) g_test_rand_int_range (1, 18);
      guint point = (guint) g_test_rand_int_range (0, (gint32) n_digits);
      LbValue plain, full;

      for (guint d = 0; d < n_digits; d++)
        {
          if (point > 0 && d == point)
            g_string_append_c (text, '.');
          g_string_append_c (text, (char) ('0' + g_test_rand_int_range (0, 10)));
        }
      padded = g_strdup_printf (" %s", text->str);
      lb_value_parse (text->str, '.', &plain);
      lb_value_parse (padded, '.', &full);
      if (memcmp (&plain.number, &full.number, sizeof plain.number) != 0
          || plain.decimals != full.decimals || plain.kind != full.kind)
        g_error ("“%s”: %.17g (%d decimals) by the short path, %.17g (%d) by the full one",
                 text->str, plain.number, plain.decimals, full.number, full.decimals);
    }
}

static void
test_value_null_is_missing (void)
{
  LbValue v;

  lb_value_parse (NULL, '.', &v);
  g_assert_cmpint (v.kind, ==, LB_VALUE_MISSING);
  g_assert_cmpstr (v.reason, ==, "The cell is empty.");
}

typedef struct {
  const char *text;
  const char *iso;   /* NULL: must be rejected */
} DateCase;

static const DateCase date_cases[] = {
  { "2024/5/1",           "2024-05-01" },
  { "2024-05-01",         "2024-05-01" },
  { "2024年5月1日",       "2024-05-01" },
  { "令和6年5月1日",      "2024-05-01" },
  { "令和元年5月1日",     "2019-05-01" },
  { "平成31年4月30日",    "2019-04-30" },
  { "昭和64年1月7日",     "1989-01-07" },
  { "R6.5.1",             "2024-05-01" },
  { "H31.4.30",           "2019-04-30" },
  { "01.05.2024",         "2024-05-01" },
  { "2024/05/01 12:34",   "2024-05-01" },
  { "2024/5/1 9:05:30",   "2024-05-01" },
  { "２０２４／５／１",   "2024-05-01" },
  { "2024/2/29",          "2024-02-29" },
  { "2024/2/30",          NULL },
  { "2023/2/29",          NULL },
  { "2024/13/1",          NULL },
  { "平成32年1月1日",     NULL },
  { "令和1年4月30日",     NULL },
  { "平成31年5月1日",     NULL },
  { "R0.5.1",             NULL },
  { "2024/5/1 25:00",     NULL },
  { "5/1",                NULL },
  { "85.3",               NULL },
  { "",                   NULL },
  { "GPT-4",              NULL },
};

static void
test_date_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      GDate date;
      gboolean ok;

      g_test_message ("date %u: “%s”", i, c->text);
      ok = lb_date_parse (c->text, &date);
      if (c->iso == NULL)
        g_assert_false (ok);
      else
        {
          g_autofree char *iso = NULL;

          g_assert_true (ok);
          iso = lb_date_to_iso (&date);
          g_assert_cmpstr (iso, ==, c->iso);
        }
    }
}

/* Untranslated (LANGUAGE empty, TZ=UTC): dates stay ISO; only stored dates and
 * times are reformatted, anything else is shown as it was stored. */
static void
test_date_display_table (void)
{
  static const struct {
    const char *text;
    const char *date;
    const char *datetime;
  } cases[] = {
    { "2026-11-28",           "2026-11-28", "2026-11-28" },
    { "2026-11-28T03:04:05Z", "2026-11-28", "2026-11-28 03:04" },
    { "2026-11-28T23:30:00-02:00", "2026-11-29", "2026-11-29 01:30" },
    { "2026-11-28 08:00:00Z", "2026-11-28", "2026-11-28 08:00" },
    { "2026-02-30",           "2026-02-30", "2026-02-30" },
    { "2026/11/28",           "2026/11/28", "2026/11/28" },
    { "soon",                 "soon",       "soon" },
    { "",                     "",           "" },
  };
  GDate date;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *d = lb_date_text_to_display (cases[i].text);
      g_autofree char *dt = lb_datetime_text_to_display (cases[i].text);

      g_test_message ("display %u: “%s”", i, cases[i].text);
      g_assert_cmpstr (d, ==, cases[i].date);
      g_assert_cmpstr (dt, ==, cases[i].datetime);
    }
  g_assert_null (lb_date_text_to_display (NULL));
  g_assert_null (lb_datetime_text_to_display (NULL));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, G_DATE_FEBRUARY, 2024);
  shown = lb_date_to_display (&date);
  g_assert_cmpstr (shown, ==, "2024-02-29");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/value/parse/table", test_value_table);
  g_test_add_func ("/value/parse/null", test_value_null_is_missing);
  g_test_add_func ("/value/parse/plain-matches-full", test_value_plain_matches_full);
  g_test_add_func ("/value/parse/plain-matches-full-random", test_value_plain_matches_full_random);
  g_test_add_func ("/value/date/table", test_date_table);
  g_test_add_func ("/value/date/display", test_date_display_table);
  return g_test_run ();
}
