/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-header.c: the header-row guess over any rows of cells */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "lb-header-guess.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *reason = NULL;
  LbHeaderGuess guess;

  fuzz_setup ();
  /* The reader hands over valid UTF-8, one line a row, cells split at commas. */
  text = g_utf8_make_valid ((const char *) data, (gssize) size);
  lines = g_strsplit (text, "\n", 2000);
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (records, g_strsplit (lines[i], ",", 300));

  lb_header_guess (records, &guess);
  g_assert_cmpuint (guess.record, >=, 1);
  g_assert_cmpuint (guess.record, <=, MAX (records->len, 1));
  if (guess.alternative != 0)
    {
      g_assert_cmpuint (guess.alternative, >, guess.record);
      g_assert_cmpuint (guess.alternative, <=, records->len);
    }
  g_assert_cmpuint (guess.named, <=, guess.typed);
  if (!guess.by_content)
    g_assert_cmpuint (guess.alternative, ==, 0);

  reason = lb_header_guess_describe (&guess);
  if (reason != NULL)
    g_assert_true (g_utf8_validate (reason, -1, NULL));
  else
    g_assert_true (guess.record == 1 && guess.alternative == 0);
  return 0;
}
