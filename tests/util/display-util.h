/* SPDX-License-Identifier: GPL-3.0-or-later */
/* display-util.h: what the display tests share (main loop, screenshots, fixtures) */
#pragma once

#include <gtk/gtk.h>

#include "lb-import-assistant.h"
#include "lb-window.h"

G_BEGIN_DECLS

/* Runs @n rounds of whatever the main loop has ready, without blocking. */
void       lb_test_iterate          (guint n);
/* Runs the main loop for @ms, so frames get drawn. */
void       lb_test_spin             (guint ms);
/* Deletes @path and everything below it. */
void       lb_test_remove_tree      (const char *path);
/* With $LB_SCREENSHOT_DIR set, saves what @widget shows there as @name (for looking at it). */
void       lb_test_save_screenshot  (GtkWidget *widget, const char *name);
/* The template child @name of @widget (of class @type); asserts it exists. */
GtkWidget *lb_test_template_child   (gpointer widget, GType type, const char *name);
/* tests/data/import/@name. */
GFile     *lb_test_import_fixture   (const char *name);
/* Waits until the assistant's debounced dry run has finished. */
void       lb_test_wait_idle        (LbImportAssistant *assistant);
/* Asks @window for its review report (@action: "win.print-report" or "win.export-report"),
 * checks that the window goes on answering while it is made, and waits until its dialog is
 * about to open. */
void       lb_test_ask_report       (LbWindow *window, const char *action);

/* Fails the test when two mapped labels of @page (popovers left out) have an access key of
 * one letter; @name names the page in the message. */
void lb_test_assert_unique_access_keys (GtkWidget *page, const char *name);

G_END_DECLS
