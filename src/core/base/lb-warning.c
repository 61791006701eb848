/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-warning.c: import warnings kept as a code and arguments, rendered in the reader's language.
 * Every warning a reader or the importer emits has its code here, and this is the only place
 * that turns one into a sentence: the window, leaderboard-cli, the report and the LBOM all ask
 * lb_warning_dup_text(). A code's arguments never change meaning once released; a new wording
 * with other arguments is a new code. */

#define G_LOG_DOMAIN "lb-warning"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-warning.h"

typedef struct {
  const char *code;
  guint       n_args;
} Code;

/* Cell warnings start with four "where" arguments: the workbook reference ("" for CSV), the
 * row, the column letter and the column's header. */
#define WHERE 4

static const Code codes[] = {
  { "cell.duplicate", WHERE + 4 },           /* model, benchmark, first row, text */
  { "cell.stderr-invalid", WHERE + 1 },      /* text */
  { "cell.not-number", WHERE + 3 },          /* text, model, benchmark */
  { "cell.not-number.formula", WHERE + 3 },  /* text, model, benchmark */
  { "cell.no-value", WHERE + 3 },            /* model, benchmark, reason (an untranslated msgid) */
  { "date.unreadable", WHERE + 1 },          /* text */
  { "row.model-empty", 2 },                  /* row, column letter */
  { "row.benchmark-empty", 2 },              /* row, column letter */
  { "row.summary-name", 2 },                 /* row, model */
  { "row.summary-mean", 2 },                 /* row, model */
  { "row.summary-sum", 2 },                  /* row, model */
  { "column.empty-benchmark", 3 },           /* column letter, header, records */
  { "csv.mojibake", 5 },                     /* file, row, column letter or "", header or "", text */
  { "xls.no-formats", 0 },
  { "sheet.hidden-rows", 3 },                /* sheet, rows, how many */
  { "sheet.hidden-columns", 3 },             /* sheet, columns, how many */
  { "sheet.merged", 6 },                     /* sheet, first column, first row, last column, last row, text */
  { "results.stderr-from-interval", 1 },     /* file */
};

static guint
number (const char *text)
{
  guint64 n = g_ascii_strtoull (text, NULL, 10);

  return n > G_MAXUINT ? G_MAXUINT : (guint) n;
}

/* Where a cell is, from the four WHERE arguments. */
static char *
render_where (const char * const *a)
{
  if (*a[0] != '\0')
    /* Translators: where a cell of a workbook is: "評価!C14 (JMMLU)" */
    return g_strdup_printf (_("%s (%s)"), a[0], a[3]);
  /* Translators: where a cell is: "row 12, column C (JMMLU)" */
  return g_strdup_printf (_("row %u, column %s (%s)"), number (a[1]), a[2], a[3]);
}

/* A CSV reader's position: "scores.csv, row 12, column C (“JMMLU”)". */
static char *
render_file_position (const char * const *a)
{
  if (*a[2] == '\0')
    return g_strdup_printf (_("%s, row %u"), a[0], number (a[1]));
  if (*a[3] != '\0')
    return g_strdup_printf (_("%s, row %u, column %s (“%s”)"), a[0], number (a[1]), a[2], a[3]);
  return g_strdup_printf (_("%s, row %u, column %s"), a[0], number (a[1]), a[2]);
}

static char *
render_known (const char         *code,
              const char * const *a)
{
  g_autofree char *where = NULL;
  const char * const *rest = a + WHERE;

  if (g_str_has_prefix (code, "cell.") || g_str_has_prefix (code, "date."))
    where = render_where (a);

  if (g_str_equal (code, "cell.duplicate"))
    return g_strdup_printf (_("%s: “%s” already has a %s score in row %u; this value (%s) was "
                              "not imported. Remove the duplicate row in the spreadsheet."),
                            where, rest[0], rest[1], number (rest[2]), rest[3]);
  if (g_str_equal (code, "cell.stderr-invalid"))
    return g_strdup_printf (_("%s: the standard error “%s” is not a positive number and was "
                              "left out."),
                            where, rest[0]);
  if (g_str_equal (code, "cell.not-number") || g_str_equal (code, "cell.not-number.formula"))
    return g_strdup_printf (_("%s: “%s” is not a number, so %s has no %s score. %s"),
                            where, rest[0], rest[1], rest[2],
                            g_str_equal (code, "cell.not-number.formula")
                              ? _("It looks like a formula; it was kept as text and not calculated.")
                              : _("Correct the cell if a score was meant."));
  if (g_str_equal (code, "cell.no-value"))
    return g_strdup_printf (_("%s: %s has no %s score. %s"), where, rest[0], rest[1],
                            *rest[2] != '\0' ? _(rest[2]) : "");
  if (g_str_equal (code, "date.unreadable"))
    return g_strdup_printf (_("%s: “%s” is not a date we can read (write it as 2024/5/1 or "
                              "2024-05-01); the evaluation date was left empty."),
                            where, rest[0]);
  if (g_str_equal (code, "row.model-empty"))
    return g_strdup_printf (_("row %u: the model name in column %s is empty, so the row was "
                              "skipped."),
                            number (a[0]), a[1]);
  if (g_str_equal (code, "row.benchmark-empty"))
    return g_strdup_printf (_("row %u: the benchmark name in column %s is empty, so the row was "
                              "skipped."),
                            number (a[0]), a[1]);
  if (g_str_equal (code, "row.summary-name"))
    return g_strdup_printf (_("row %u: “%s” is a summary row (an average, total or similar), not "
                              "a model, so it was not imported. If it is a model, choose to "
                              "import the row anyway."),
                            number (a[0]), a[1]);
  if (g_str_equal (code, "row.summary-mean"))
    return g_strdup_printf (_("row %u: the numbers of “%s” are the averages of the rows above, "
                              "so it was taken for a summary row and not imported. If it is a "
                              "model, choose to import the row anyway."),
                            number (a[0]), a[1]);
  if (g_str_equal (code, "row.summary-sum"))
    return g_strdup_printf (_("row %u: the numbers of “%s” are the sums of the rows above, so it "
                              "was taken for a summary row and not imported. If it is a model, "
                              "choose to import the row anyway."),
                            number (a[0]), a[1]);
  if (g_str_equal (code, "column.empty-benchmark"))
    return g_strdup_printf (_("column %s: the benchmark “%s” has no value in any of the %u rows "
                              "(covered by 0 of %u). It was kept so that the gap is seen; fill "
                              "in the scores in the spreadsheet when there are some."),
                            a[0], a[1], number (a[2]), number (a[2]));
  if (g_str_equal (code, "csv.mojibake"))
    {
      g_autofree char *at = render_file_position (a);

      return g_strdup_printf (_("%s: the text “%s” looks garbled (mojibake): Japanese text was "
                                "probably opened with the wrong encoding and saved again. Check "
                                "the original sheet."),
                              at, a[4]);
    }
  if (g_str_equal (code, "xls.no-formats"))
    return g_strdup (_("An Excel 97-2003 workbook (.xls) is read without its number formats: a "
                       "percentage shows as 0.612, not 61.2%. Check the unit of each benchmark "
                       "column, or save the file as .xlsx and import that."));
  if (g_str_equal (code, "sheet.hidden-rows"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Sheet “%s”: row %s is hidden in Excel. It was imported "
                                         "all the same; check that it belongs to the table, or "
                                         "delete it in the workbook.",
                                         "Sheet “%s”: rows %s are hidden in Excel. They were "
                                         "imported all the same; check that they belong to the "
                                         "table, or delete them in the workbook.",
                                         number (a[2])),
                            a[0], a[1]);
  if (g_str_equal (code, "sheet.hidden-columns"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Sheet “%s”: column %s is hidden in Excel. It was read "
                                         "all the same; check its role in the import.",
                                         "Sheet “%s”: columns %s are hidden in Excel. They were "
                                         "read all the same; check their roles in the import.",
                                         number (a[2])),
                            a[0], a[1]);
  if (g_str_equal (code, "sheet.merged"))
    return g_strdup_printf (_("Sheet “%s”: cells %s%u:%s%u are merged; their text “%s” was used "
                              "in each of them."),
                            a[0], a[1], number (a[2]), a[3], number (a[4]), a[5]);
  if (g_str_equal (code, "results.stderr-from-interval"))
    return g_strdup_printf (_("%s gives each rating a 95 %% interval (rating_q025 to rating_q975), "
                              "for which Leaderboard has no place. Each result's standard error "
                              "was derived from it as (q975 − q025) / 3.92, which is exact only "
                              "for a symmetric normal interval; the interval itself is kept with "
                              "the value's source."),
                            a[0]);
  g_return_val_if_reached (NULL);
}

char *
lb_warning_render (const char         *code,
                   const char * const *args)
{
  guint n_args = args != NULL ? g_strv_length ((char **) args) : 0;

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (codes[i].code, code))
      return n_args == codes[i].n_args ? render_known (code, args) : NULL;
  return NULL;
}

LbWarning *
lb_warning_new_coded (guint               row,
                      guint               column,
                      const char         *code,
                      const char * const *args)
{
  LbWarning *warning;
  g_autofree char *message = NULL;

  g_return_val_if_fail (code != NULL, NULL);

  message = lb_warning_render (code, args);
  g_return_val_if_fail (message != NULL, NULL);
  warning = lb_warning_new (row, column, message);
  warning->code = g_strdup (code);
  warning->args = args != NULL ? g_strdupv ((char **) args) : g_new0 (char *, 1);
  return warning;
}

char *
lb_warning_dup_text (const LbWarning *warning)
{
  char *text;

  g_return_val_if_fail (warning != NULL, NULL);

  text = lb_warning_render (warning->code, (const char * const *) warning->args);
  if (text != NULL)
    return text;
  return g_strdup (warning->message != NULL ? warning->message : "");
}
