/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-report-print.h: printing the review report (GtkPrintOperation with preview and page setup)
 * and saving it as PDF (GtkFileChooserNative, written in a worker thread) */
#pragma once

#include <gtk/gtk.h>

#include "lb-report.h"

G_BEGIN_DECLS

/* A print operation for @report: the pages are laid out for the paper chosen in the dialog
 * (its page setup is embedded), A4 by default or Letter where the locale prints on it, or as
 * last remembered in @settings (may be NULL; keys "print-settings" and "page-setup"). */
GtkPrintOperation *lb_report_print_operation_new (LbReport  *report,
                                                  GSettings *settings);

/* Remembers the paper, orientation and printer of @print_settings in @settings (may be NULL;
 * nothing happens when its schema lacks the keys). */
void      lb_report_print_remember    (GSettings        *settings,
                                       GtkPrintSettings *print_settings);

/* Makes "Print to File" propose @file_name (the name Export proposes), in the folder last
 * printed to, instead of GTK's "output.pdf". */
void      lb_report_print_suggest_name (GtkPrintOperation *operation,
                                        const char        *file_name);

/* Shows the print dialog for @report over @parent, "Print to File" proposing @suggested_name
 * (may be NULL). @comparison (may be NULL) says which comparison goes in: the dialog shows it
 * on a tab of its own. The settings chosen are remembered in @settings (may be NULL) when the
 * user prints; a failure is shown in a dialog. */
void      lb_report_print             (GtkWindow  *parent,
                                       LbReport   *report,
                                       GSettings  *settings,
                                       const char *suggested_name,
                                       const char *comparison);

/* Makes the print dialog of @operation show @comparison (which comparison the report holds) on
 * a tab of its own, "Comparison". */
void      lb_report_print_show_comparison (GtkPrintOperation *operation,
                                           const char        *comparison);

/* Asks where to save the PDF (suggesting @suggested_name), then writes it in a worker thread on
 * the remembered paper. A failure is shown in a dialog over @parent. */
void      lb_report_export_pdf        (GtkWindow           *parent,
                                       LbReport            *report,
                                       GSettings           *settings,
                                       const char          *suggested_name,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* The path written (newly allocated), or NULL when the user cancelled or writing failed
 * (then @error says why; it is also shown already). */
char     *lb_report_export_pdf_finish (GAsyncResult  *result,
                                       GError       **error);

G_END_DECLS
