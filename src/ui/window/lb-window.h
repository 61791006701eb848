/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-window.h: the main window: the leaderboards in a sidebar, a leaderboard's pages beside */
#pragma once

#include <adwaita.h>
#include "lb-store.h"
#include "lb-toast-queue.h"

G_BEGIN_DECLS

#define LB_TYPE_WINDOW (lb_window_get_type ())
G_DECLARE_FINAL_TYPE (LbWindow, lb_window, LB, WINDOW, AdwApplicationWindow)

/* Construct properties: "store" (LbStore, NULL when the database could not be opened),
 * "database-path", "store-error" (the message when "store" is NULL), "settings" (may be NULL). */

/* Opens the import assistant for @file. */
void        lb_window_import_file          (LbWindow *self, GFile *file);
/* Writes the shown leaderboard into @file as "csv" (for Excel) or "lbom", in a thread; a
 * toast then says where it went or why it did not. What win.export-data's chooser calls. */
void        lb_window_export_file          (LbWindow *self, const char *format, GFile *file);
/* Shows the leaderboard @id (0: the first). */
void        lb_window_select_leaderboard   (LbWindow *self, gint64 id);
gint64      lb_window_get_leaderboard_id   (LbWindow *self);
/* Whether a review report asked for (win.print-report, win.export-report) is still being made. */
gboolean    lb_window_get_preparing_report (LbWindow *self);
/* The page @name of the view stack ("overview", "results", "compare", "smells", "history"),
 * built now if it was not yet (a page is built when first shown, or after the window's
 * first frame); owned by the window. NULL for another name. */
GtkWidget  *lb_window_get_page             (LbWindow *self, const char *name);
/* Shows a plain toast (no Undo). */
void        lb_window_add_toast            (LbWindow *self, const char *title);
/* The toasts shown (for the tests); NULL once the window is gone. */
LbToastQueue *lb_window_get_toasts         (LbWindow *self);

G_END_DECLS
