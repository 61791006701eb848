/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cell-ref.c: cell references as a spreadsheet shows them */

#include "config.h"

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
