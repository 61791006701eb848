/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells-page.h: the Smells page: the leaderboard smell checklist with its evidence and the
 * reviewers' verdicts */
#pragma once

#include "lb-page.h"
#include "lb-smells.h"

G_BEGIN_DECLS

#define LB_TYPE_SMELLS_PAGE (lb_smells_page_get_type ())
G_DECLARE_FINAL_TYPE (LbSmellsPage, lb_smells_page, LB, SMELLS_PAGE, LbPage)

/* With a store and a leaderboard (LbPage's properties) the page runs the checks
 * (lb_smells_run()), runs them again after the store changes, and stores verdicts.
 *
 * Signals:
 *   "evidence-activated" (LbEvidence *evidence): a piece of evidence was clicked; the window
 *     opens the record field, the model, the benchmark or the cell it points at.
 *   "verdict-changed" (LbSmell *item): a reviewer changed a status or a note; the page has
 *     stored it when it has a store. */

GtkWidget *lb_smells_page_new            (void);

/* Shows @checklist (LbSmell*, stored rows; missing ones show as unchecked; may be NULL) with the
 * evidence of @detections (LbDetection*, may be NULL). Both are copied. For a page without a
 * store (tests, previews); verdicts then stay in the page and are only signalled. */
void       lb_smells_page_set_checklist  (LbSmellsPage *self,
                                          GPtrArray    *checklist,
                                          GPtrArray    *detections);

/* The counts the summary shows (lb_smell_count() of the checklist shown). */
void       lb_smells_page_get_counts     (LbSmellsPage  *self,
                                          LbSmellCounts *counts);

G_END_DECLS
