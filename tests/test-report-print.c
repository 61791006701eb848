/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review report through GtkPrintOperation: the same pages the PDF export draws, on the
 * paper the page setup says (display suite: needs a display, run under xvfb-run). */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "lb-report-print.h"

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static LbReport *
long_report (void)
{
  LbReport *report = lb_report_new ("Support <bot> & co", "28 November 2026");
  const char *headers[] = { "ModelHeader", "Score", NULL };
  LbReportTable *table;

  lb_report_add_title (report, "Leaderboard review");
  lb_report_add_key_value (report, "Purpose", "Answer questions about invoices", NULL);
  table = lb_report_add_table (report, 2, headers);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("model-%03u", i);
      lb_report_table_add_row (table, (const char *[]) { name, "85.3% [1:B2]", NULL });
    }
  lb_report_add_question (report, "Which data is this comparison based on?", NULL, 4);
  return report;
}

/* Prints @report through GtkPrintOperation into a PDF file and returns pdfinfo's output. */
static char *
export (LbReport   *report,
        GSettings  *settings,
        const char *name,
        char      **text)
{
  g_autoptr(GtkPrintOperation) operation = lb_report_print_operation_new (report, settings);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("lb-report-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    *text = run_tool (argv);
  }
  {
    const char *argv[] = { "pdfinfo", path, NULL };
    return run_tool (argv);
  }
}

static void
test_print_export (void)
{
  g_autoptr(LbReport) report = long_report ();
  g_autofree char *text = NULL;
  g_autofree char *info = export (report, NULL, "print.pdf", &text);
  g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", lb_report_get_n_pages (report));
  g_autofree char *footer = g_strdup_printf ("Page %u of %u", lb_report_get_n_pages (report),
                                             lb_report_get_n_pages (report));

  g_assert_cmpuint (lb_report_get_n_pages (report), >=, 2);
  g_assert_nonnull (strstr (info, pages));
  /* The test runs in C.UTF-8, whose paper is A4. */
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));
  g_assert_nonnull (strstr (text, "Support <bot> & co"));
  g_assert_nonnull (strstr (text, "Answer questions about invoices"));
  g_assert_nonnull (strstr (text, "model-119"));
  g_assert_nonnull (strstr (text, footer));
}

static gboolean
schema_has_print_keys (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL && g_settings_schema_has_key (schema, "page-setup") &&
         g_settings_schema_has_key (schema, "print-settings");
}

static void
test_print_remembers_paper (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GtkPrintSettings) chosen = gtk_print_settings_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(LbReport) report = long_report ();
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  guint a4_pages;

  if (!schema_has_print_keys ())
    {
      g_test_skip ("The compiled GSettings schema has no page-setup and print-settings keys.");
      return;
    }
  settings = g_settings_new (APP_ID);
  g_free (export (report, settings, "a4.pdf", &text));
  a4_pages = lb_report_get_n_pages (report);
  g_clear_pointer (&text, g_free);

  /* What the user chose in the dialog is used the next time. */
  gtk_print_settings_set_paper_size (chosen, letter);
  gtk_print_settings_set_orientation (chosen, GTK_PAGE_ORIENTATION_PORTRAIT);
  lb_report_print_remember (settings, chosen);

  info = export (report, settings, "letter.pdf", &text);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  /* Laid out again for the shorter page. */
  g_assert_cmpuint (lb_report_get_n_pages (report), >=, a4_pages);
  g_assert_nonnull (strstr (text, "model-119"));
}

int
main (int argc, char *argv[])
{
  /* No accessibility bus in the test session. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-print/export", test_print_export);
  g_test_add_func ("/report-print/remembers-paper", test_print_remembers_paper);
  return g_test_run ();
}
