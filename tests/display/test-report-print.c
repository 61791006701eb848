/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review report through GtkPrintOperation: the same pages the PDF export draws, on the
 * paper the page setup says (display suite: needs a display, run under xvfb-run). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "display-util.h"
#include "lb-report-print.h"
#include "lb-compare-page.h"
#include "lb-preferences-window.h"
#include "lb-window.h"

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

/* The toplevel window of @type that is not @except, or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @path exists (the PDF is written in a worker thread). */
static void
wait_for_file (const char *path)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  lb_test_iterate (5);
}

static void
test_window_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-report-window-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "leaderboard.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "saved report.pdf", NULL);
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *dialog;
  LbWindow *window;
  gint64 id;
  gint64 model_ids[3];

  g_assert_no_error (error);
  store = lb_store_open (db, &error);
  g_assert_no_error (error);
  id = lb_store_create_leaderboard (store, "Support <bot> 2026", &error);
  g_assert_no_error (error);
  g_assert_true (lb_store_set_leaderboard_field (store, id, LB_LEADERBOARD_FIELD_PURPOSE,
                                                 "Answer questions about invoices", &error));
  {
    /* Three models typed in by hand, so the Compare page has something to show. */
    const char *models[] = { "Alpha-7B", "Beta-13B", "Gamma-2B" };
    const double scores[] = { 85.3, 80.1, 61.0 };

    gint64 benchmark = lb_store_ensure_benchmark (store, id, "JCommonsenseQA", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (lb_store_begin (store, &error));
    for (guint i = 0; i < G_N_ELEMENTS (models); i++)
      {
        LbResult result = { 0 };

        result.leaderboard_id = id;
        result.model_id = model_ids[i] = lb_store_ensure_model (store, id, models[i], NULL, NULL, &error);
        result.benchmark_id = benchmark;
        result.score = scores[i];
        result.current = TRUE;
        g_assert_no_error (error);
        g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
      }
    g_assert_true (lb_store_commit (store, &error));
    g_assert_no_error (error);
  }

  window = g_object_new (LB_TYPE_WINDOW, "store", store, "database-path", db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  lb_window_select_leaderboard (window, id);
  lb_test_iterate (5);
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);

  /* Print: the dialog opens over the window; cancelling prints nothing. */
  lb_test_ask_report (window, "win.print-report");
  dialog = find_toplevel (g_type_from_name ("GtkPrintUnixDialog"), GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  lb_test_iterate (5);

  /* Export: the file chooser suggests a name; the PDF is written where the user chose. */
  lb_test_ask_report (window, "win.export-report");
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  {
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
    g_assert_cmpstr (suggested, ==, "Support _bot_ 2026 – review 2026-11-28.pdf");
  }
  file = g_file_new_for_path (dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), file, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "saved report.pdf");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  wait_for_file (pdf);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *text = run_tool (argv);

    g_assert_nonnull (strstr (text, "Answer questions about invoices"));
    g_assert_nonnull (strstr (text, "Support <bot> 2026"));
    /* The comparison the Compare page shows: every model, ranked. */
    g_assert_nonnull (strstr (text, "3 of the leaderboard’s 3 models are compared on 1 benchmark"));
    g_assert_nonnull (strstr (text, "85.3* [H]"));
  }

  /* Two models chosen on the Compare page: the report compares those two. */
  {
    const gint64 chosen[] = { model_ids[0], model_ids[2] };
    GObject *page = G_OBJECT (lb_window_get_page (LB_WINDOW (window), "compare"));
    g_autofree char *second = g_build_filename (dir, "second.pdf", NULL);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", second, "-", NULL };
    g_autofree char *text = NULL;

    lb_compare_page_set_chosen (LB_COMPARE_PAGE (page), chosen, G_N_ELEMENTS (chosen));
    lb_test_iterate (5);
    lb_test_ask_report (window, "win.export-report");
    dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
    g_assert_nonnull (dialog);
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), file, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "second.pdf");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    wait_for_file (second);
    text = run_tool (argv);
    g_assert_nonnull (strstr (text, "2 of the leaderboard’s 3 models are compared"));
    {
      /* Beta-13B may be named in the smells' evidence, but is not compared. */
      const char *from = strstr (text, "Comparison of the chosen models");
      const char *to = strstr (text, "Smell checklist");

      g_assert_true (from != NULL && to != NULL && from < to);
      g_assert_null (g_strstr_len (from, to - from, "Beta-13B"));
    }
    g_unlink (second);
  }

  /* Without a leaderboard there is nothing to print. */
  g_assert_true (lb_store_set_leaderboard_deleted (store, id, TRUE, &error));
  lb_test_iterate (5);
  if (lb_window_get_leaderboard_id (window) == 0)
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-report", NULL)
                    && find_toplevel (g_type_from_name ("GtkPrintUnixDialog"), GTK_WINDOW (window)) != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
  g_unlink (pdf);
  g_unlink (db);
  g_rmdir (dir);
}

/* The name printed on reports is set once in Preferences and kept in GSettings report-author. */
static void
test_preferences_author (void)
{
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  GtkWidget *prefs;
  GtkWidget *row;
  g_autofree char *author = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "report-author"))
    {
      g_test_skip ("The compiled GSettings schema has no report-author key.");
      return;
    }
  settings = g_settings_new (APP_ID);
  prefs = lb_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (prefs));
  lb_test_iterate (5);
  row = lb_test_template_child (prefs, LB_TYPE_PREFERENCES_WINDOW, "author_row");
  g_assert_true (gtk_widget_get_sensitive (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "山田 花子");
  lb_test_iterate (5);
  author = g_settings_get_string (settings, "report-author");
  g_assert_cmpstr (author, ==, "山田 花子");
  lb_test_save_screenshot (prefs, "preferences.png");
  gtk_window_destroy (GTK_WINDOW (prefs));
  lb_test_iterate (5);

  /* Without the schema nothing could be kept: the row says so instead of pretending. */
  prefs = lb_preferences_window_new (NULL, NULL);
  row = lb_test_template_child (prefs, LB_TYPE_PREFERENCES_WINDOW, "author_row");
  g_assert_false (gtk_widget_get_sensitive (row));
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "report-author");
}

int
main (int argc, char *argv[])
{
  /* No accessibility bus in the test session. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/report-print/export", test_print_export);
  g_test_add_func ("/report-print/remembers-paper", test_print_remembers_paper);
  g_test_add_func ("/report-print/window-actions", test_window_actions);
  g_test_add_func ("/report-print/preferences-author", test_preferences_author);
  return g_test_run ();
}
