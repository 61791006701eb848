/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-warning.h: import warnings kept as a code and arguments, rendered in the reader's language */

#pragma once

#include "lb-types.h"

G_BEGIN_DECLS

/* A warning with @code (one of the codes lb_warning_render() knows) and its @args (strings,
 * NULL-terminated; copied). Its message is rendered now, in the current language, for the
 * places that keep text only (an LBOM, a database read by an older version). */
LbWarning  *lb_warning_new_coded (guint               row,
                                  guint               column,
                                  const char         *code,
                                  const char * const *args);

/* @code's sentence with @args, in the current language (gettext); NULL when @code is not
 * known or @args do not fit it. Newly allocated. */
char       *lb_warning_render    (const char         *code,
                                  const char * const *args);

/* What @warning says in the current language: rendered from its code when it has one, else
 * the text stored with it (written before codes were kept, or read from an LBOM) unchanged.
 * Newly allocated. */
char       *lb_warning_dup_text  (const LbWarning    *warning);

G_END_DECLS
