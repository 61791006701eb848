/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-header-guess.h: which row of a sheet names its columns, judged by what the rows below hold */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The guess, and what it rests on. Rows are 1-based indexes into the records given. */
typedef struct {
  guint    record;       /* the header row */
  guint    alternative;  /* another row that is just as likely, or 0 */
  guint    named;        /* columns where the header has text and the rows below numbers or dates */
  guint    typed;        /* columns whose cells below the header are at least half numbers or dates */
  gboolean by_content;   /* FALSE: no row names number columns; the first full-width row was taken */
} LbHeaderGuess;

/* Guesses the header among @records (of char** NULL-terminated field arrays, as read, with
 * the sheet's first rows first): the row with text over the columns where the rows under it
 * hold numbers or dates; title, blank and padding rows above it are skipped. */
void   lb_header_guess           (GPtrArray     *records,
                                  LbHeaderGuess *out);

/* A translated sentence saying why @guess is not row 1 or that two rows are equally likely;
 * NULL when row 1 was the clear choice. Newly allocated. */
char  *lb_header_guess_describe  (const LbHeaderGuess *guess);

G_END_DECLS
