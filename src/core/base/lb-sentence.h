/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-sentence.h: joining translated sentences as their language writes them */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @sentence (leading spaces dropped) to @text, with one space between them as English
 * writes it, and none where Japanese or Chinese does: after 「。」「！」「？」「）」「」」「』」, at
 * the start, and after a line break or a space already there. */
void lb_sentence_append        (GString *text, const char *sentence);
/* The same with a printf format. */
void lb_sentence_append_printf (GString *text, const char *format, ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
