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
