/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-phrase-breaks.h: wrapped Japanese text breaks between phrases, not inside words */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Pango breaks Japanese between any two characters (「欠/損値」, 「くださ/い」). Returns the
 * attributes that keep each short phrase of @text on one line: a phrase ends at a space or
 * punctuation, or where hiragana (a particle or an ending) is followed by kanji, katakana or
 * Latin. Phrases longer than a few characters stay breakable so that a narrow label still
 * fits. NULL when @text holds no Japanese. Owned by the caller. */
PangoAttrList *lb_phrase_break_attrs      (const char *text);

/* From now on every wrapping GtkLabel with a line of its own (an explanation, a description,
 * a note: not in a list or column view, a button, a row or beside other widgets, and not held
 * to a number of lines) gets lb_phrase_break_attrs() as its attributes when it is mapped and
 * at each later text, unless whole phrases would make it wider than 120 px (no label of the
 * app sets attributes of its own). Called once; later calls do nothing. */
void           lb_phrase_breaks_install   (void);

G_END_DECLS
