/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cell-ref.c: cell references as a spreadsheet shows them */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "lb-cell-ref.h"

char *
lb_column_letter (guint column)
{
  char buf[16];
  int i = sizeof buf - 1;

  if (column == 0)
    return g_strdup ("?");
  buf[i] = '\0';
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = (char) ('A' + column % 26);
      column /= 26;
    }
  return g_strdup (buf + i);
}

char *
lb_cell_ref_format (const char *sheet,
                    guint       row,
                    guint       column)
{
  g_autofree char *letter = lb_column_letter (column);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean quote = FALSE;

  if (sheet == NULL)
    return g_strdup_printf ("%s%u", letter, row);
  for (const char *p = sheet; *p != '\0' && !quote; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      quote = !(g_unichar_isalnum (c) || c == '_' || c == '.');
    }
  if (quote)
    {
      g_string_append_c (out, '\'');
      for (const char *p = sheet; *p != '\0'; p++)
        {
          if (*p == '\'')
            g_string_append_c (out, '\'');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
    }
  else
    g_string_append (out, sheet);
  g_string_append_printf (out, "!%s%u", letter, row);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
lb_cell_key (gint64      import_id,
             guint       row,
             guint       column,
             const char *path)
{
  g_autofree char *letter = NULL;

  if (import_id == 0)
    return g_strdup ("[H]");
  /* a result file has no cells: the row and column are of the table it was read as */
  if (row == 0 || column == 0 || path != NULL)
    return g_strdup_printf ("[%" PRId64 "]", import_id);
  letter = lb_column_letter (column);
  return g_strdup_printf ("[%" PRId64 ":%s%u]", import_id, letter, row);
}

char *
lb_cell_source_text (gint64      import_id,
                     const char *file_name,
                     const char *sheet,
                     guint       row,
                     guint       column,
                     const char *path)
{
  g_autofree char *cell = NULL;
  g_autofree char *file = NULL;

  if (import_id == 0)
    return g_strdup (_("typed in by hand"));
  /* TRANSLATORS: stands for a file's name where it is not known: "import 2" */
  file = file_name != NULL ? g_strdup (file_name) : g_strdup_printf (_("import %" PRId64), import_id);
  if (path != NULL)
    /* TRANSLATORS: where a value of a result file came from: the file (or "import 2"), then
     * the value's place in the file as a JSON path: "results.json, at results.jmmlu."acc,none"" */
    return g_strdup_printf (_("%s, at %s"), file, path);
  if (row == 0 || column == 0)
    return g_steal_pointer (&file);
  cell = lb_cell_ref_format (sheet, row, column);
  /* TRANSLATORS: where a value came from: the file (or "import 2"), then the cell as Excel
   * names it: "scores.csv, cell E4", "評価表.xlsx, cell 評価!B2" */
  return g_strdup_printf (_("%s, cell %s"), file, cell);
}
