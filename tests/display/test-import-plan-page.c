/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-plan-page.c: the import assistant asks what the importer cannot be sure of
 * (an ambiguous header row, summary rows) and shows its guesses. Runs under Xvfb; with
 * LB_SCREENSHOT_DIR it saves what it shows, and with LB_LOCALEDIR and LANGUAGE=ja it runs in
 * Japanese. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "display-util.h"
#include "lb-column-row.h"
#include "lb-import-assistant.h"
#include "lb-compare-page.h"
#include "lb-store.h"

typedef struct {
  char    *dir;
  LbStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("lb-plan-page-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "leaderboard.db", NULL);
  f->store = lb_store_open (db, &error);
  g_assert_no_error (error);
  lb_store_set_user (f->store, "Tester");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  lb_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A CP932 CRLF file, as Japanese Excel saves "CSV". */
static GFile *
write_cp932 (Fixture *f, const char *name, const char *utf8)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_auto(GStrv) lines = g_strsplit (utf8, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *bytes = g_convert (crlf, -1, "CP932", "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  g_file_set_contents (path, bytes, (gssize) len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GtkWidget *
find_button_with_label (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *hit;

      if (GTK_IS_CHECK_BUTTON (c) && gtk_widget_get_visible (c) && gtk_widget_get_mapped (c)
          && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (c)), label) == 0)
        return c;
      hit = find_button_with_label (c, label);
      if (hit != NULL)
        return hit;
    }
  return NULL;
}

static void
test_header_ambiguous_asks (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_cp932 (f, "units-row.csv",
                                       "モデル名,JMMLU,MT-bench\n"
                                       "単位,%,点\n"
                                       "GPT-4o,85.3,9.1\n"
                                       "cotomi Pro,79.2,8.1\n");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  GtkWidget *confirm;
  GtkWidget *import_button;
  AdwActionRow *header_row;

  gtk_window_set_default_size (GTK_WINDOW (assistant), 1000, 800);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);

  header_row = ADW_ACTION_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "header_row"));
  confirm = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "header_confirm_button");
  import_button = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button");
  /* It asks: the reason on the row, a button to take row 1, and no import until then. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (header_row), "1"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (header_row), "2"));
  g_assert_true (gtk_widget_get_visible (confirm));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (header_row), "warning"));
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "units-row.csv"));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-header-ambiguous.png");

  g_signal_emit_by_name (confirm, "clicked");
  lb_test_wait_idle (assistant);
  g_assert_false (gtk_widget_get_visible (confirm));
  g_assert_false (lb_importer_get_dialect (lb_import_assistant_get_importer (assistant))->header_detected);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  gtk_window_destroy (GTK_WINDOW (assistant));
}

static void
test_summary_row_override (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_cp932 (f, "summary.csv",
                                       "社内LLM評価 2024年11月,,,,\n"
                                       ",,,,\n"
                                       "モデル名,JMMLU,JMMLU標準誤差,レイテンシ(ms),料金(USD/1Mトークン)\n"
                                       "GPT-4o,85.3,0.4,420,5.0\n"
                                       "cotomi Pro,79.2,0.5,330,2.0\n"
                                       "Llama 3.1 70B,71.8,0.6,890,0.9\n"
                                       "平均,78.8,0.5,546.7,2.6\n");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  LbImporter *importer;
  GtkWidget *button;

  gtk_window_set_default_size (GTK_WINDOW (assistant), 1100, 900);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  importer = lb_import_assistant_get_importer (assistant);
  g_assert_cmpuint (lb_importer_get_dialect (importer)->header_record, ==, 3);
  g_assert_cmpint (lb_importer_get_row_summary (importer, 7), ==, LB_SUMMARY_BY_NAME);
  /* 3 models: the 平均 row is left out, and the status says so. */
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "3"));
  {
    g_autofree char *left_out = g_strdup_printf (ngettext (" %u summary row is left out (see the preview).",
                                                           " %u summary rows are left out (see the preview).", 1), 1);

    g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), left_out));
  }
  lb_test_iterate (10);
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-summary-row.png");

  button = find_button_with_label (GTK_WIDGET (assistant), _("Import anyway"));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_prev_sibling (button))), ==,
                   _("summary row — not imported"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
  lb_test_wait_idle (assistant);
  g_assert_true (lb_importer_get_row_forced (lb_import_assistant_get_importer (assistant), 7));
  /* The row says so at once, and again once the check has redrawn the preview. */
  button = find_button_with_label (GTK_WIDGET (assistant), _("Import anyway"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_prev_sibling (button))), ==,
                   _("summary row — imported anyway"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), FALSE);
  lb_test_wait_idle (assistant);
  g_assert_false (lb_importer_get_row_forced (lb_import_assistant_get_importer (assistant), 7));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_button_with_label (GTK_WIDGET (assistant), _("Import anyway"))), TRUE);
  lb_test_wait_idle (assistant);
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-summary-row-forced.png");
  gtk_window_destroy (GTK_WINDOW (assistant));
}

static GtkDropDown *
row_dropdown (LbImportAssistant *assistant, guint column, LbColumnRowChoice which)
{
  GtkWidget *row = lb_import_assistant_get_column_row (assistant, column);

  return lb_column_row_get_dropdown (LB_COLUMN_ROW (row), which);
}

/* A standard error chosen by hand gets a "standard error of [benchmark]" picker; units from
 * the headers are offered and shown as guessed. */
static void
test_stderr_picker_and_units (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_cp932 (f, "stderr.csv",
                                       "モデル名,JMMLU,MT-bench,誤差,JMMLU標準誤差,レイテンシ(ms),料金(円)\n"
                                       "GPT-4o,85.3,9.1,0.1,0.4,420,3000\n"
                                       "cotomi Pro,79.2,8.1,0.2,0.5,330,1500\n"
                                       "Llama 3.1 70B,71.8,7.9,0.2,0.6,890,900\n");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  LbImporter *importer;
  GPtrArray *columns;
  GtkDropDown *picker;
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (assistant), 1200, 1300);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  importer = lb_import_assistant_get_importer (assistant);
  columns = lb_importer_get_columns (importer);

  /* E "JMMLU標準誤差" was linked by its name, and its picker says so. */
  g_assert_cmpint (((LbColumnSpec *) g_ptr_array_index (columns, 4))->role, ==, LB_COLUMN_STDERR);
  row = lb_import_assistant_get_column_row (assistant, 5);
  g_assert_true (lb_column_row_get_stderr_shown (LB_COLUMN_ROW (row)));
  picker = row_dropdown (assistant, 5, LB_COLUMN_ROW_STDERR_OF);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (picker)),
                                               gtk_drop_down_get_selected (picker)), ==, "B · JMMLU");

  /* F and G: the units from the headers, lower is better, as guesses. */
  g_assert_cmpuint (gtk_drop_down_get_selected (row_dropdown (assistant, 6, LB_COLUMN_ROW_UNIT)), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (row_dropdown (assistant, 6, LB_COLUMN_ROW_DIRECTION)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (row_dropdown (assistant, 7, LB_COLUMN_ROW_UNIT)), ==, 2);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lb_import_assistant_get_column_row (assistant, 6))),
                            strstr (_("%s; unit and direction guessed from the name and values"), "%s") + 2));

  /* D "誤差" marked as a standard error by hand: linked to the score column on its left
   * (MT-bench), then pointed at JMMLU with the picker. */
  gtk_drop_down_set_selected (row_dropdown (assistant, 4, LB_COLUMN_ROW_ROLE), LB_COLUMN_STDERR);
  lb_test_wait_idle (assistant);
  importer = lb_import_assistant_get_importer (assistant);
  columns = lb_importer_get_columns (importer);
  g_assert_cmpuint (((LbColumnSpec *) g_ptr_array_index (columns, 3))->stderr_of, ==, 3);
  picker = row_dropdown (assistant, 4, LB_COLUMN_ROW_STDERR_OF);
  g_assert_true (lb_column_row_get_stderr_shown (LB_COLUMN_ROW (lb_import_assistant_get_column_row (assistant, 4))));
  gtk_drop_down_set_selected (picker, 0);
  lb_test_wait_idle (assistant);
  g_assert_cmpuint (((LbColumnSpec *) g_ptr_array_index (lb_importer_get_columns (lb_import_assistant_get_importer (assistant)), 3))->stderr_of, ==, 2);
  /* E is JMMLU's standard error already: two would replace one another, so it asks. */
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "JMMLU"));
  g_assert_false (gtk_widget_get_sensitive (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button")));
  gtk_drop_down_set_selected (picker, 1);
  lb_test_wait_idle (assistant);
  g_assert_true (gtk_widget_get_sensitive (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button")));

  /* F's guesses overruled by hand: no unit, higher is better; the subtitle says whose choice. */
  gtk_drop_down_set_selected (row_dropdown (assistant, 6, LB_COLUMN_ROW_UNIT), 0);
  gtk_drop_down_set_selected (row_dropdown (assistant, 6, LB_COLUMN_ROW_DIRECTION), 0);
  lb_test_wait_idle (assistant);
  {
    LbColumnSpec *latency = g_ptr_array_index (lb_importer_get_columns (lb_import_assistant_get_importer (assistant)), 5);

    g_assert_null (latency->unit);
    g_assert_true (latency->higher_is_better);
    g_assert_false (latency->direction_detected);
  }
  gtk_drop_down_set_selected (row_dropdown (assistant, 6, LB_COLUMN_ROW_UNIT), 2);
  lb_test_wait_idle (assistant);
  g_assert_cmpstr (((LbColumnSpec *) g_ptr_array_index (lb_importer_get_columns (lb_import_assistant_get_importer (assistant)), 5))->unit, ==, "ms");
  {
    GtkWidget *scroller = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "columns_list");

    /* Bring the columns into view for the picture. */
    gtk_widget_grab_focus (lb_import_assistant_get_column_row (assistant, 4));
    (void) scroller;
  }
  lb_test_iterate (10);
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-stderr-picker.png");
  gtk_window_destroy (GTK_WINDOW (assistant));
}

/* German Excel: the decimal comma is guessed from the cells and shown as a guess; choosing
 * the point by hand reads the file again. */
static void
test_decimal_comma_shown (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "eu.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *sheet = "Modell;Datum;MMLU;Genauigkeit\r\n"
                      "Modell A;01.05.2024;0,853;85,3\xC2\xA0%\r\n"
                      "Modell B;02.05.2024;0,791;79,1\xC2\xA0%\r\n";
  LbImportAssistant *assistant = NULL;
  AdwComboRow *decimal;

  g_file_set_contents (path, sheet, -1, &error);
  g_assert_no_error (error);
  assistant = lb_import_assistant_new (f->store, file, 0);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 1000, 900);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  decimal = ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "decimal_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (decimal), ==, 0);
  g_assert_nonnull (strstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (decimal)), "85,3"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (decimal)), ==,
                   _("Guessed from how the numbers in the cells are written"));
  /* 2 models × MMLU and Genauigkeit. */
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "4"));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-decimal-comma.png");

  adw_combo_row_set_selected (decimal, 1);  /* Point */
  lb_test_wait_idle (assistant);
  g_assert_cmpint (lb_importer_get_dialect (lb_import_assistant_get_importer (assistant))->decimal_separator, ==, '.');
  g_assert_false (lb_importer_get_dialect (lb_import_assistant_get_importer (assistant))->decimal_separator_detected);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (decimal)), ==, _("Your choice"));
  gtk_window_destroy (GTK_WINDOW (assistant));
}

/* After the import, Compare shows the benchmark nobody has a value for, and the standard
 * errors a number of items gives. */
static void
test_compare_shows_empty_and_items (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = write_cp932 (f, "empty.csv",
                                       "モデル名,JMMLU[%],JGLUE\n"
                                       "GPT-4o,85.3,#N/A\n"
                                       "cotomi Pro,79.2,#N/A\n"
                                       "Llama 3.1 70B,71.8,#N/A\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, f->store, NULL, &error);
  g_autoptr(GPtrArray) benchmarks = NULL, models = NULL, results = NULL, gaps = NULL, profiles = NULL;
  LbImportOutcome outcome = { 0 };
  GtkWindow *window;
  LbComparePage *page;
  GtkLabel *notes;

  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, f->store, "Empty", 0, NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  benchmarks = lb_store_list_benchmarks (f->store, outcome.leaderboard_id, &error);
  g_assert_true (lb_store_set_benchmark_field (f->store, ((LbBenchmark *) g_ptr_array_index (benchmarks, 0))->id,
                                               LB_BENCHMARK_FIELD_N_ITEMS, "1000", &error));
  g_clear_pointer (&benchmarks, g_ptr_array_unref);
  benchmarks = lb_store_list_benchmarks (f->store, outcome.leaderboard_id, &error);
  models = lb_store_list_models (f->store, outcome.leaderboard_id, &error);
  results = lb_store_list_results (f->store, outcome.leaderboard_id, FALSE, &error);
  gaps = lb_store_list_gaps (f->store, outcome.leaderboard_id, &error);
  profiles = g_ptr_array_new ();
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  page = LB_COMPARE_PAGE (lb_compare_page_new ());
  gtk_window_set_child (window, GTK_WIDGET (page));
  lb_compare_page_set_data (page, benchmarks, models, results, gaps, profiles);
  gtk_window_present (window);
  lb_test_iterate (20);

  notes = GTK_LABEL (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "notes_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notes)));
  g_assert_nonnull (strstr (gtk_label_get_text (notes), "JGLUE"));
  g_assert_nonnull (strstr (gtk_label_get_text (notes), "0"));
  lb_test_save_screenshot (GTK_WIDGET (window), "compare-empty-benchmark.png");
  gtk_window_destroy (window);
  lb_import_outcome_clear (&outcome);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("LB_LOCALEDIR");

  g_setenv ("LEADERBOARD_DB", "/nonexistent/never-used.db", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (localedir != NULL)
    {
      /* For looking at it in Japanese: LANGUAGE=ja with the catalog of the build tree. */
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/Leaderboard/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_test_add ("/import-plan-page/header/ambiguous-asks", Fixture, NULL, fixture_setup,
              test_header_ambiguous_asks, fixture_teardown);
  g_test_add ("/import-plan-page/summary/override", Fixture, NULL, fixture_setup,
              test_summary_row_override, fixture_teardown);
  g_test_add ("/import-plan-page/stderr/picker-and-units", Fixture, NULL, fixture_setup,
              test_stderr_picker_and_units, fixture_teardown);
  g_test_add ("/import-plan-page/decimal/comma-shown", Fixture, NULL, fixture_setup,
              test_decimal_comma_shown, fixture_teardown);
  g_test_add ("/import-plan-page/compare/empty-and-items", Fixture, NULL, fixture_setup,
              test_compare_shows_empty_and_items, fixture_teardown);
  return g_test_run ();
}
