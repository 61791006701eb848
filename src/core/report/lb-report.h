/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-report.h: a printable document (headings, text, key–value blocks, tables, a bar chart,
 * questions with room for answers, a sign-off block) laid out with Pango onto pages and drawn
 * with cairo — the same code serves GtkPrintOperation and PDF export. No GTK. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define LB_REPORT_ERROR (lb_report_error_quark ())

typedef enum {
  LB_REPORT_ERROR_WRITE,   /* the PDF file could not be written */
} LbReportError;

typedef enum {
  LB_PAPER_A4,
  LB_PAPER_LETTER,
} LbPaper;

typedef enum {
  LB_REPORT_ALIGN_START,
  LB_REPORT_ALIGN_END,     /* numbers */
  LB_REPORT_ALIGN_CENTER,
} LbReportAlign;

typedef struct _LbReport      LbReport;
typedef struct _LbReportTable LbReportTable;
typedef struct _LbReportChart LbReportChart;

GQuark         lb_report_error_quark        (void);
GType          lb_report_get_type           (void) G_GNUC_CONST;
#define LB_TYPE_REPORT (lb_report_get_type ())

/* Width and height of @paper in points (1/72 inch), portrait. */
void           lb_paper_get_size            (LbPaper paper, double *width, double *height);
/* The paper the locale prints on (LC_PAPER): Letter for the US and Canada, A4 otherwise. */
LbPaper        lb_paper_for_locale          (void);
/* "a4" / "letter" (case-insensitive) → paper; FALSE for anything else. */
gboolean       lb_paper_from_string         (const char *text, LbPaper *paper);

/* A date as the report language writes it ("28 November 2026", "2026年11月28日").
 * @iso is "YYYY-MM-DD" (printed as is) or an ISO 8601 timestamp (UTC unless it says otherwise;
 * dated in the local time zone); NULL when it cannot be read. Newly allocated. */
char          *lb_report_format_date        (const char *iso);

/* A new empty document. @running_title (the leaderboard name) and @date_text are printed at
 * the top of every page; both are plain text (never markup). */
LbReport      *lb_report_new                (const char *running_title,
                                             const char *date_text);
LbReport      *lb_report_ref                (LbReport *self);
void           lb_report_unref              (LbReport *self);

/* Plain text used as the PDF document title (default: the running title). */
void           lb_report_set_document_title (LbReport *self, const char *title);

/* Text longer than this many characters is cut, with a note saying how much was left out. */
#define LB_REPORT_MAX_TEXT_CHARS 20000

/* All text below is plain text: it is never parsed as markup. Long words wrap. */
void           lb_report_add_title          (LbReport *self, const char *title);
/* A numbered or unnumbered section heading, as given. */
void           lb_report_add_section        (LbReport *self, const char *heading);
void           lb_report_add_heading        (LbReport *self, const char *heading);
void           lb_report_add_paragraph      (LbReport *self, const char *text);
/* Smaller, muted text: explanations, footnotes. */
void           lb_report_add_note           (LbReport *self, const char *text);
/* One line of a key–value block; consecutive calls form one block. NULL or empty @value
 * prints @missing_text (or "—" when that is NULL too). */
void           lb_report_add_key_value      (LbReport   *self,
                                             const char *key,
                                             const char *value,
                                             const char *missing_text);
/* A table with a header row (repeated on each page the table continues on). The table
 * belongs to the report. */
LbReportTable *lb_report_add_table          (LbReport          *self,
                                             guint              n_columns,
                                             const char * const *headers);
/* Relative widths of the columns (n_columns values > 0); default: equal. */
void           lb_report_table_set_widths   (LbReportTable *table, const double *widths);
void           lb_report_table_set_align    (LbReportTable *table, guint column, LbReportAlign align);
/* One row of n_columns cells (NULL: empty). */
void           lb_report_table_add_row      (LbReportTable      *table,
                                             const char * const *cells);
guint          lb_report_table_get_n_rows   (LbReportTable *table);
/* A horizontal bar chart; bars are drawn in the order added. */
LbReportChart *lb_report_add_bar_chart      (LbReport *self);
/* @fraction in 0–1 (clamped); NAN draws no bar, only @value_text. */
void           lb_report_chart_add_bar      (LbReportChart *chart,
                                             const char    *label,
                                             double         fraction,
                                             const char    *value_text);
/* The same with an error bar of ± @error (a fraction of the axis; NAN: none) and a tie mark:
 * neighbouring bars of the same @tie_group > 0 are joined by a bracket. */
void           lb_report_chart_add_bar_full (LbReportChart *chart,
                                             const char    *label,
                                             double         fraction,
                                             double         error,
                                             guint          tie_group,
                                             const char    *value_text);
/* Labels of equally spaced ticks from fraction 0 to 1 under the bars (NULL: none), and a
 * muted @legend under the axis (may be NULL). */
void           lb_report_chart_set_axis     (LbReportChart      *chart,
                                             const char * const *tick_labels,
                                             const char         *legend);
/* A question, an optional muted @hint under it (what the record already says; may be NULL),
 * and @n_lines ruled lines to write the answer on. */
void           lb_report_add_question       (LbReport   *self,
                                             const char *question,
                                             const char *hint,
                                             guint       n_lines);
/* A sign-off block: one labelled line to write on per label. */
void           lb_report_add_sign_off       (LbReport           *self,
                                             const char * const *labels);
/* A sign-off table: one box per role, side by side at the right, each with a line for the
 * name (@names[i] printed on it, may be NULL), one for the date (@dates[i], may be NULL) and a
 * box for the seal or signature labelled @mark_label ("印", "Signature"). Never split. */
void           lb_report_add_sign_off_boxes (LbReport           *self,
                                             const char * const *roles,
                                             const char * const *names,
                                             const char * const *dates,
                                             const char         *name_label,
                                             const char         *date_label,
                                             const char         *mark_label);
/* The next block starts on a new page. */
void           lb_report_add_page_break     (LbReport *self);

/* Lays the document out on pages of @width × @height points (the cairo_t's units when drawn).
 * Must be called before lb_report_get_n_pages() and lb_report_draw_page(); may be called again
 * for another size. Returns the number of pages (at least 1). */
guint          lb_report_paginate           (LbReport *self,
                                             double    width,
                                             double    height);
guint          lb_report_get_n_pages        (LbReport *self);
/* Draws page @page (0-based) onto @cr, whose user space is in points with the page's top-left
 * corner at the origin. */
void           lb_report_draw_page          (LbReport *self,
                                             cairo_t  *cr,
                                             guint     page);

/* Lays out for @paper and writes every page to a PDF file at @path (replaced atomically). */
gboolean       lb_report_render_pdf         (LbReport    *self,
                                             LbPaper      paper,
                                             const char  *path,
                                             GError     **error);

/* The same in a worker thread. The report must not be laid out or drawn elsewhere until the
 * callback runs. */
void           lb_report_render_pdf_async   (LbReport            *self,
                                             LbPaper              paper,
                                             const char          *path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       lb_report_render_pdf_finish  (LbReport      *self,
                                             GAsyncResult  *result,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbReport, lb_report_unref)

G_END_DECLS
