/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-header-guess.c: which row of a sheet names its columns, judged by what the rows below hold */

#define G_LOG_DOMAIN "lb-header-guess"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-header-guess.h"
#include "lb-value.h"

/* Rows looked at as header candidates, and rows under a candidate that say what its
 * columns hold: a header sits near the top, and a few dozen rows show a column's kind. */
#define MAX_CANDIDATES 30
#define MAX_BELOW      50
/* Columns judged; wider rows are judged by their first columns. */
#define MAX_COLUMNS    1024

typedef enum {
  CELL_EMPTY,   /* empty, "-", "#N/A": says nothing */
  CELL_TYPED,   /* a number, a percentage or a date */
  CELL_TEXT,
} CellKind;

static CellKind
classify (const char *text)
{
  LbValue value;
  GDate date;

  lb_value_parse (text, '.', &value);
  if (value.kind == LB_VALUE_NUMBER)
    return CELL_TYPED;
  if (value.kind == LB_VALUE_MISSING)
    return CELL_EMPTY;
  lb_value_parse (text, ',', &value);
  if (value.kind == LB_VALUE_NUMBER)
    return CELL_TYPED;
  if (lb_date_parse (text, &date))
    return CELL_TYPED;
  return CELL_TEXT;
}

static guint
count_nonempty (char **fields)
{
  guint n = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    n += fields[i][0] != '\0';
  return n;
}

static guint
count_trimmed (char **fields)
{
  guint n = g_strv_length (fields);

  while (n > 0 && fields[n - 1][0] == '\0')
    n--;
  return n;
}

/* The earlier rule, for sheets where no row names number columns (all text, or no header):
 * the first row as wide as the table. */
static guint
first_full_row (GPtrArray *records)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint width = 0, width_n = 0;

  for (guint i = 0; i < records->len; i++)
    {
      guint n = count_trimmed (g_ptr_array_index (records, i));
      guint c;

      if (n == 0)
        continue;
      c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (n), GUINT_TO_POINTER (c));
      if (c > width_n || (c == width_n && n > width))
        {
          width_n = c;
          width = n;
        }
    }
  if (width == 0)
    return 1;
  for (guint i = 0; i < records->len; i++)
    if (count_nonempty (g_ptr_array_index (records, i)) == width)
      return i + 1;
  for (guint i = 0; i < records->len; i++)
    if (count_trimmed (g_ptr_array_index (records, i)) == width)
      return i + 1;
  return 1;
}

void
lb_header_guess (GPtrArray     *records,
                 LbHeaderGuess *out)
{
  guint n_rows, n_cols = 0;
  g_autofree guint8 *kinds = NULL;
  int best_score = 0;
  guint best_text = 0;

  g_return_if_fail (records != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  n_rows = MIN (records->len, MAX_CANDIDATES + MAX_BELOW);
  for (guint r = 0; r < n_rows; r++)
    n_cols = MAX (n_cols, count_trimmed (g_ptr_array_index (records, r)));
  n_cols = MIN (n_cols, MAX_COLUMNS);

  /* What every cell looks like, once. */
  kinds = g_new0 (guint8, (gsize) n_rows * MAX (n_cols, 1));
  for (guint r = 0; r < n_rows; r++)
    {
      char **f = g_ptr_array_index (records, r);

      for (guint c = 0; c < n_cols && f[c] != NULL; c++)
        kinds[(gsize) r * n_cols + c] = f[c][0] == '\0' ? CELL_EMPTY : classify (f[c]);
    }

  /* A candidate scores a point per column where it has text and the rows below it at least half
   * numbers or dates, and loses one where it holds a number over such a column (a data
   * row). A header names each column once: a text repeated along the row ("未評価" in every
   * score column of a model not yet measured) counts once. Ties go to the text it has over
   * the text columns (model names, notes). */
  for (guint r = 0; r < MIN (n_rows, MAX_CANDIDATES); r++)
    {
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
      char **f = g_ptr_array_index (records, r);
      int score = 0;
      guint named = 0, typed_cols = 0, text_over_text = 0, filled = 0;

      for (guint c = 0; c < n_cols; c++)
        {
          guint typed = 0, text = 0, seen = 0;
          CellKind own = kinds[(gsize) r * n_cols + c];

          filled += own != CELL_EMPTY;
          for (guint b = r + 1; b < n_rows && seen < MAX_BELOW; b++, seen++)
            {
              CellKind k = kinds[(gsize) b * n_cols + c];

              typed += k == CELL_TYPED;
              text += k == CELL_TEXT;
            }
          if (typed > 0 && typed * 2 >= typed + text)
            {
              typed_cols++;
              if (own == CELL_TEXT && g_hash_table_add (names, f[c]))
                {
                  named++;
                  score++;
                }
              else if (own == CELL_TYPED)
                score--;
            }
          else if (own == CELL_TEXT && text > 0)
            text_over_text++;
        }
      /* A header names more number columns than it holds numbers over. */
      if (filled < 2 || named == 0 || score <= 0)
        continue;
      if (score > best_score || (score == best_score && text_over_text > best_text))
        {
          best_score = score;
          best_text = text_over_text;
          out->record = r + 1;
          out->alternative = 0;
          out->named = named;
          out->typed = typed_cols;
          out->by_content = TRUE;
        }
      else if (score == best_score && text_over_text == best_text && out->alternative == 0)
        out->alternative = r + 1;
    }

  if (!out->by_content)
    out->record = first_full_row (records);
}

char *
lb_header_guess_describe (const LbHeaderGuess *guess)
{
  g_return_val_if_fail (guess != NULL, NULL);

  if (guess->alternative != 0)
    return g_strdup_printf (_("Rows %u and %u are equally likely to be the header row: both "
                              "have names over the columns that hold numbers below them. "
                              "Choose the header row."),
                            guess->record, guess->alternative);
  if (guess->record <= 1)
    return NULL;
  if (!guess->by_content)
    return g_strdup_printf (_("Row %u is taken as the header row: it is the first row as wide "
                              "as the table."),
                            guess->record);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Row %u is taken as the header row: it has names over the "
                                       "%u column that holds numbers or dates below it; the rows "
                                       "above it do not (a title, blank rows or padding).",
                                       "Row %u is taken as the header row: it has names over the "
                                       "%u columns that hold numbers or dates below it; the rows "
                                       "above it do not (a title, blank rows or padding).",
                                       guess->named),
                          guess->record, guess->named);
}
