/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smell-row.h: one item of the smell checklist as an expander row: its status, and when
 * opened its evidence and the reviewer's verdict */
#pragma once

#include <adwaita.h>

#include "lb-smells.h"

G_BEGIN_DECLS

#define LB_TYPE_SMELL_ROW (lb_smell_row_get_type ())
G_DECLARE_FINAL_TYPE (LbSmellRow, lb_smell_row, LB, SMELL_ROW, AdwExpanderRow)

/* Signals:
 *   "evidence-activated" (LbEvidence *evidence): a piece of evidence was clicked.
 *   "status-chosen" (guint status): the reviewer picked an LbSmellStatus.
 *   "note-applied" (const char *note): the reviewer applied the note. */

/* A row for @item (copied) with the evidence of @detection (may be NULL; its evidence is
 * kept). The evidence and verdict rows are built when the row is first opened. */
GtkWidget     *lb_smell_row_new          (const LbSmell     *item,
                                          const LbDetection *detection);

/* The item the row is of (owned by the row). */
const LbSmell *lb_smell_row_get_item     (LbSmellRow *self);
/* Replaces the item (copied), after a verdict; the rows already opened stay as they are. */
void           lb_smell_row_set_item     (LbSmellRow    *self,
                                          const LbSmell *item);
/* "smell/component": what stays the same across reloads. */
const char    *lb_smell_row_get_item_id  (LbSmellRow *self);

/* Shows the status: @subtitle, the icon @icon_name (may be NULL) with the style class @style
 * (may be NULL), and whether the row needs attention. */
void           lb_smell_row_show_status  (LbSmellRow *self,
                                          const char *subtitle,
                                          const char *icon_name,
                                          const char *style,
                                          gboolean    attention);

G_END_DECLS
