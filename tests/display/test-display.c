/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display.c: builds every window of the app and drives its main flows through the real
 * widgets, then checks the store. Runs under Xvfb (build-aux/test.sh). With
 * LB_SCREENSHOT_DIR set it also saves PNGs of what it shows. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "display-util.h"
#include "lb-history-page.h"
#include "lb-column-row.h"
#include "lb-import-assistant.h"
#include "lb-lbom.h"
#include "lb-metadata-editor.h"
#include "lb-overview-page.h"
#include "lb-ranking-item.h"
#include "lb-record-form.h"
#include "lb-results-page.h"
#include "lb-store.h"
#include "lb-smells.h"
#include "lb-smells-page.h"
#include "lb-window.h"
#include "../util/xlsx-fixture.h"

typedef struct {
  char    *dir;
  char    *db_path;
  LbStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lb-display-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "leaderboard.db", NULL);
  f->store = lb_store_open (f->db_path, &error);
  g_assert_no_error (error);
  lb_store_set_user (f->store, "Tester");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  lb_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static LbWindow *
new_window (Fixture *f)
{
  LbWindow *window = g_object_new (LB_TYPE_WINDOW,
                                   "store", f->store,
                                   "database-path", f->db_path,
                                   "default-width", 1100,
                                   "default-height", 760,
                                   NULL);

  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  return window;
}

static const char *
visible_page (LbWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "main_stack")));
}

typedef struct {
  gint64 leaderboard_id;
  gint64 import_id;
  guint  results;
  char  *file_name;
} Imported;

static void
imported_cb (LbImportAssistant *assistant,
             gint64             leaderboard_id,
             gint64             import_id,
             guint              results,
             const char        *file_name,
             Imported          *out)
{
  out->leaderboard_id = leaderboard_id;
  out->import_id = import_id;
  out->results = results;
  g_free (out->file_name);
  out->file_name = g_strdup (file_name);
}

/* Clicks Import and waits for the worker to finish; returns what ::imported said. */
static void
click_import (LbImportAssistant *assistant,
              Imported          *out)
{
  GtkWidget *button = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button");

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_connect (assistant, "imported", G_CALLBACK (imported_cb), out);
  g_object_ref (assistant);
  g_signal_emit_by_name (button, "clicked");
  lb_test_wait_idle (assistant);
  g_object_unref (assistant);
}

static GtkDropDown *
role_dropdown (LbImportAssistant *assistant,
               guint              column)
{
  GtkWidget *row = lb_import_assistant_get_column_row (assistant, column);

  g_assert_nonnull (row);
  return lb_column_row_get_dropdown (LB_COLUMN_ROW (row), LB_COLUMN_ROW_ROLE);
}

static guint
count_current_results (LbStore *store,
                       gint64   leaderboard_id)
{
  g_autoptr(GPtrArray) results = lb_store_list_results (store, leaderboard_id, TRUE, NULL);

  g_assert_nonnull (results);
  return results->len;
}

/* ---- tests ---- */

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  LbWindow *window = new_window (f);
  GtkWidget *button = lb_test_template_child (window, LB_TYPE_WINDOW, "empty_import_button");

  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import");
  g_assert_true (gtk_widget_is_sensitive (button));
  lb_test_save_screenshot (GTK_WIDGET (window), "empty-state.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_store_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *backup = g_strconcat (bad, ".bak-1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  LbWindow *window;
  GtkWidget *restore;
  const char *description;

  g_assert_true (g_file_set_contents (bad, "This is not a database, just text.\n", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "", -1, NULL));
  store = lb_store_open (bad, &error);
  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_A_DATABASE);

  window = g_object_new (LB_TYPE_WINDOW, "database-path", bad, "store-error", error->message, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  g_assert_cmpstr (visible_page (window), ==, "error");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (lb_test_template_child (window, LB_TYPE_WINDOW,
                                                                                  "error_page")));
  g_assert_nonnull (strstr (description, "notes.db"));
  restore = lb_test_template_child (window, LB_TYPE_WINDOW, "restore_button");
  g_assert_true (gtk_widget_get_visible (restore));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (restore)), "notes.db.bak-1"));
  lb_test_save_screenshot (GTK_WIDGET (window), "database-error.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/example/Leaderboard/lb-help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  lb_test_iterate (5);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_import_cp932 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-cp932.csv");
  g_autoptr(GPtrArray) boards = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  Imported done = { 0 };
  GtkWidget *target;
  GtkColumnView *preview;
  const LbCsvDialect *dialect;

  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_nonnull (lb_import_assistant_get_importer (assistant));
  dialect = lb_importer_get_dialect (lb_import_assistant_get_importer (assistant));
  g_assert_cmpstr (dialect->encoding, ==, "CP932");
  g_assert_true (dialect->encoding_detected);

  /* Live preview: a row number column, then the 8 columns of the file, 4 data records. */
  preview = GTK_COLUMN_VIEW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "preview_view"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))), ==, 4);
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "Ready to import 4 records"));
  /* Column A holds the model, proposed as detected. */
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (assistant, 1)), ==, LB_COLUMN_MODEL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lb_import_assistant_get_column_row (assistant, 1))),
                   ==, "detected");

  /* The target: a new leaderboard named after the file. */
  target = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "wide-cp932");
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-assistant.png");

  /* The user says column G (latency) is to be ignored: the plan follows at once. */
  gtk_drop_down_set_selected (role_dropdown (assistant, 7), LB_COLUMN_IGNORE);
  lb_test_wait_idle (assistant);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lb_import_assistant_get_column_row (assistant, 7))),
                   ==, "your choice");
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "Ready to import 4 records"));

  click_import (assistant, &done);
  g_assert_cmpstr (done.file_name, ==, "wide-cp932.csv");
  g_assert_cmpint (done.leaderboard_id, >, 0);
  g_assert_cmpint (done.import_id, >, 0);

  boards = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (boards->len, ==, 1);
  lb = lb_store_get_leaderboard (f->store, done.leaderboard_id, NULL);
  g_assert_cmpstr (lb->name, ==, "wide-cp932");
  /* JMMLU has 3 numbers and MT-bench 3; latency was ignored. */
  g_assert_cmpuint (done.results, ==, 6);
  g_assert_cmpuint (count_current_results (f->store, done.leaderboard_id), ==, 6);
  imports = lb_store_list_imports (f->store, done.leaderboard_id, NULL);
  g_assert_cmpuint (imports->len, ==, 1);
  g_assert_cmpstr (((LbImport *) g_ptr_array_index (imports, 0))->encoding, ==, "CP932");
  g_free (done.file_name);
}

/* A workbook of a notes sheet and two quarters: the assistant offers the data sheets first,
 * says that there are two, and re-reads the preview when another is chosen. */
static void
test_import_xlsx_sheets (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "評価表.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LbImportAssistant *assistant;
  AdwComboRow *sheet_row;
  GtkColumnView *preview;
  GListModel *list;
  Imported done = { 0 };

  xlsx_write_quarters (path);
  assistant = lb_import_assistant_new (f->store, file, 0);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 900, 760);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_nonnull (lb_import_assistant_get_importer (assistant));

  sheet_row = ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "sheet_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheet_row)));
  g_assert_false (gtk_widget_get_visible (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "encoding_row")));
  list = adw_combo_row_get_model (sheet_row);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (list), 0), ==, "評価 2024Q1");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (list), 2), ==, "メモ (no table)");
  g_assert_cmpuint (adw_combo_row_get_selected (sheet_row), ==, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sheet_row), "warning"));
  preview = GTK_COLUMN_VIEW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "preview_view"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))), ==, 2);
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-xlsx-sheets-ask.png");

  /* The second quarter: its three rows in the preview. */
  adw_combo_row_set_selected (sheet_row, 1);
  lb_test_wait_idle (assistant);
  g_assert_cmpstr (lb_importer_get_sheet (lb_import_assistant_get_importer (assistant)), ==, "評価 2024Q2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))), ==, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sheet_row)), ==, "Your choice");
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "Ready to import 3 records"));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-xlsx-sheet.png");

  click_import (assistant, &done);
  g_assert_cmpint (done.import_id, >, 0);
  g_assert_cmpuint (done.results, ==, 5);
  g_assert_cmpuint (count_current_results (f->store, done.leaderboard_id), ==, 5);
  g_free (done.file_name);
}

/* An Arena leaderboard file (JSON): the assistant says which format it found, offers no
 * encoding, delimiter or header row, and imports each category as a benchmark. */
static void
test_import_results_json (Fixture       *f,
                          gconstpointer  data)
{
  static const char json[] =
    "{\"japanese\": {\"gpt-4o\": {\"rating\": 1301.0, \"rating_q025\": 1290.0, \"rating_q975\": 1310.0},\n"
    "              \"llm-jp-13b\": {\"rating\": 1180.5, \"rating_q025\": 1170.0, \"rating_q975\": 1191.0}}}\n";
  g_autofree char *path = g_build_filename (f->dir, "arena.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LbImportAssistant *assistant;
  GtkWidget *format_row;
  Imported done = { 0 };

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  assistant = lb_import_assistant_new (f->store, file, 0);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 900, 760);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_nonnull (lb_import_assistant_get_importer (assistant));

  format_row = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "format_row");
  g_assert_true (gtk_widget_get_visible (format_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format_row)), ==,
                   "Detected from the content: Arena leaderboard ratings");
  g_assert_false (gtk_widget_get_visible (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "encoding_row")));
  g_assert_false (gtk_widget_get_visible (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "delimiter_row")));
  g_assert_false (gtk_widget_get_visible (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "header_row")));
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "Ready to import 2 records"));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-results-json.png");

  click_import (assistant, &done);
  g_assert_cmpint (done.import_id, >, 0);
  g_assert_cmpuint (done.results, ==, 2);
  g_assert_cmpuint (count_current_results (f->store, done.leaderboard_id), ==, 2);
  g_free (done.file_name);
}

static gint64
import_fixture (Fixture    *f,
                const char *name)
{
  g_autoptr(GFile) file = lb_test_import_fixture (name);
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  Imported done = { 0 };

  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  click_import (assistant, &done);
  g_assert_cmpint (done.leaderboard_id, >, 0);
  g_free (done.file_name);
  return done.leaderboard_id;
}

static void
test_import_utf8_bom_into_existing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-utf8-bom.csv");
  gint64 first = import_fixture (f, "wide-cp932.csv");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, first);
  AdwComboRow *target = ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "target_row"));
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  Imported done = { 0 };

  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_cmpstr (lb_importer_get_dialect (lb_import_assistant_get_importer (assistant))->encoding, ==,
                   "UTF-8-BOM");
  /* Offered: a new leaderboard, then the existing one. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (target)), ==, 2);
  adw_combo_row_set_selected (target, 1);
  g_assert_false (gtk_widget_get_visible (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "name_row")));
  lb_test_wait_idle (assistant);
  click_import (assistant, &done);
  g_assert_cmpint (done.leaderboard_id, ==, first);

  /* The same cells again: the new values are current, the old ones kept as history. */
  models = lb_store_list_models (f->store, first, NULL);
  benchmarks = lb_store_list_benchmarks (f->store, first, NULL);
  g_assert_cmpuint (models->len, ==, 4);
  history = lb_store_list_cell_history (f->store, ((LbModel *) g_ptr_array_index (models, 0))->id,
                                        ((LbBenchmark *) g_ptr_array_index (benchmarks, 0))->id, NULL);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_true (((LbResult *) g_ptr_array_index (history, 0))->current);
  g_assert_false (((LbResult *) g_ptr_array_index (history, 1))->current);
  g_free (done.file_name);
}

static void
test_import_remembered_mapping (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) first_file = lb_test_import_fixture ("wide-cp932.csv");
  g_autoptr(GFile) next_file = lb_test_import_fixture ("wide-cp932-next.csv");
  LbImportAssistant *first = lb_import_assistant_new (f->store, first_file, 0);
  LbImportAssistant *next;
  Imported done = { 0 }, again = { 0 };

  /* Last month: the user says the latency column is not a score. */
  gtk_window_present (GTK_WINDOW (first));
  lb_test_wait_idle (first);
  gtk_drop_down_set_selected (role_dropdown (first, 7), LB_COLUMN_IGNORE);
  lb_test_wait_idle (first);
  click_import (first, &done);

  /* This month's file from the same sheet: the mapping and the target come back, one click. */
  next = lb_import_assistant_new (f->store, next_file, done.leaderboard_id);
  gtk_window_present (GTK_WINDOW (next));
  lb_test_wait_idle (next);
  g_assert_true (lb_importer_get_mapping_remembered (lb_import_assistant_get_importer (next)));
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (next, 7)), ==, LB_COLUMN_IGNORE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lb_test_template_child (next, LB_TYPE_IMPORT_ASSISTANT,
                                                                               "target_row"))), ==, 1);
  click_import (next, &again);
  g_assert_cmpint (again.leaderboard_id, ==, done.leaderboard_id);
  /* 5 models × JMMLU and MT-bench, less "-" and "#N/A". */
  g_assert_cmpuint (again.results, ==, 8);
  g_free (done.file_name);
  g_free (again.file_name);
}

static void
test_import_wrong_encoding_blocks (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-cp932.csv");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  AdwComboRow *encoding = ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "encoding_row"));
  GtkWidget *import = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button");
  g_autoptr(GPtrArray) boards = NULL;

  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_true (gtk_widget_get_sensitive (import));

  /* Forcing UTF-8 on CP932 bytes re-reads at once and blocks with the reason. */
  adw_combo_row_set_selected (encoding, 1);
  lb_test_wait_idle (assistant);
  g_assert_null (lb_import_assistant_get_importer (assistant));
  g_assert_false (gtk_widget_get_sensitive (import));
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "wide-cp932.csv"));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-wrong-encoding.png");

  /* Back to detection: ready again. */
  adw_combo_row_set_selected (encoding, 0);
  lb_test_wait_idle (assistant);
  g_assert_nonnull (lb_import_assistant_get_importer (assistant));
  g_assert_true (gtk_widget_get_sensitive (import));

  gtk_window_destroy (GTK_WINDOW (assistant));
  boards = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (boards->len, ==, 0);
}

static void
test_import_duplicate_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-cp932.csv");
  gint64 id = import_fixture (f, "wide-cp932.csv");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, id);
  GtkWidget *force = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "force_check");

  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  /* Same name → the existing leaderboard is proposed, and the same bytes are refused. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT,
                                                                               "target_row"))), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button")));
  g_assert_true (gtk_widget_get_visible (force));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (force), TRUE);
  lb_test_wait_idle (assistant);
  g_assert_true (gtk_widget_get_sensitive (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button")));
  gtk_window_destroy (GTK_WINDOW (assistant));
}

static void
test_overview_form (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id = import_fixture (f, "wide-cp932.csv");
  LbWindow *window;
  LbOverviewPage *page;
  GtkWidget *owner_row, *review_row;
  GtkTextBuffer *procedure;
  guint found;

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  window = new_window (f);
  g_assert_cmpstr (visible_page (window), ==, "main");
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);
  page = LB_OVERVIEW_PAGE (lb_window_get_page (LB_WINDOW (window), "overview"));

  /* Required fields are flagged while empty. */
  owner_row = lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "owner_row");
  g_assert_true (gtk_widget_has_css_class (owner_row, "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "models_label"))),
                   ==, "4");

  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "purpose_row")),
                         "カスタマーサポートの自動応答に使うモデルを選ぶ");
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "山田 花子");
  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "owner_contact_row")),
                         "hanako.yamada@example.co.jp");
  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "production_context_row")),
                         "Answering customer e-mails in Japanese");
  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "evaluation_data_row")),
                         "Vendor model cards and JMMLU results from the vendors' sites");
  adw_combo_row_set_selected (ADW_COMBO_ROW (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "cadence_row")),
                              LB_CADENCE_MONTHLY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "pattern_row")), 1);
  procedure = gtk_text_view_get_buffer (GTK_TEXT_VIEW (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE,
                                                                        "procedure_view")));
  gtk_text_buffer_set_text (procedure, "1. Export the sheet as CSV\n2. Import it here", -1);
  g_assert_false (gtk_widget_has_css_class (owner_row, "error"));

  /* Saved after the typing pause, without any button. */
  lb_test_spin (900);
  lb = lb_store_get_leaderboard (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb->purpose, ==, "カスタマーサポートの自動応答に使うモデルを選ぶ");
  g_assert_cmpstr (lb->owner, ==, "山田 花子");
  g_assert_cmpstr (lb->owner_contact, ==, "hanako.yamada@example.co.jp");
  g_assert_cmpint (lb->update_cadence_days, ==, 30);
  g_assert_cmpstr (lb->workflow_pattern, ==, "P1");
  g_assert_cmpstr (lb->procedure, ==, "1. Export the sheet as CSV\n2. Import it here");
  g_clear_pointer (&lb, lb_leaderboard_free);

  /* Mark as reviewed today: stored at once, as the moment (an import later today is a change
   * since the review), and the next review is a month away. */
  g_signal_emit_by_name (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "reviewed_button"), "clicked");
  lb = lb_store_get_leaderboard (f->store, id, NULL);
  g_assert_cmpstr (lb->last_reviewed_at, ==, "2026-11-28T03:00:00Z");
  review_row = lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "review_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (review_row)), ==,
                   "Next review due on 2026-12-28");

  /* Every edit is in the audit log, with who made it. */
  audit = lb_store_list_audit (f->store, id, 0, NULL);
  found = 0;
  for (guint i = 0; i < audit->len; i++)
    {
      LbAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_strcmp0 (e->new_value, "山田 花子") == 0)
        {
          g_assert_cmpstr (e->who, ==, "Tester");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);
  lb_test_save_screenshot (GTK_WIDGET (window), "overview.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LEADERBOARD_NOW");
}

static const char *
row_name (GListModel *rows,
          guint       i)
{
  g_autoptr(LbRankingItem) row = g_list_model_get_item (rows, i);

  return lb_ranking_item_get_model (row)->name;
}

static void
test_results_table (Fixture       *f,
                    gconstpointer  data)
{
  LbWindow *window;
  LbResultsPage *page;
  GListModel *rows;
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autoptr(LbRankingItem) llama = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  g_autofree char *gap_tooltip = NULL;
  g_autofree char *gap_text = NULL;

  window = new_window (f);
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "results");
  page = LB_RESULTS_PAGE (lb_window_get_page (LB_WINDOW (window), "results"));
  rows = lb_results_page_get_rows (page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);

  /* JMMLU (column 3), best first: ELYZA has "-" and sorts last either way. */
  lb_results_page_sort_by (page, 3, TRUE);
  g_assert_cmpstr (row_name (rows, 0), ==, "Claude 3.5 Sonnet");
  g_assert_cmpstr (row_name (rows, 1), ==, "GPT-4o");
  g_assert_cmpstr (row_name (rows, 2), ==, "Llama 3.1 70B");
  g_assert_cmpstr (row_name (rows, 3), ==, "ELYZA-japanese");
  lb_results_page_sort_by (page, 3, FALSE);
  g_assert_cmpstr (row_name (rows, 0), ==, "Llama 3.1 70B");
  g_assert_cmpstr (row_name (rows, 3), ==, "ELYZA-japanese");

  /* Provenance of Llama's JMMLU: file, row, column, raw text. */
  llama = g_list_model_get_item (rows, 0);
  text = lb_results_page_describe_cell (page, llama, 0, &tooltip);
  /* Shown with the precision the column's cells were given with. */
  g_assert_cmpstr (text, ==, "72.0%");
  g_assert_nonnull (strstr (tooltip, "wide-cp932.csv, cell E4"));
  g_assert_nonnull (strstr (tooltip, "“72.0%”"));
  /* Its MT-bench is "#N/A": shown as a dash, and the tooltip says why. */
  gap_text = lb_results_page_describe_cell (page, llama, 1, &gap_tooltip);
  g_assert_cmpstr (gap_text, ==, "—");
  g_assert_nonnull (strstr (gap_tooltip, "#N/A"));
  g_assert_nonnull (strstr (gap_tooltip, "wide-cp932.csv, cell F4"));

  /* Filter by model name. */
  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_RESULTS_PAGE, "filter_entry")), "gpt");
  lb_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (lb_test_template_child (page, LB_TYPE_RESULTS_PAGE, "filter_entry")), "");
  lb_test_spin (300);
  lb_results_page_sort_by (page, 3, TRUE);
  lb_test_save_screenshot (GTK_WIDGET (window), "results.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_benchmark_editor (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (f->store, id, NULL);
  LbBenchmark *mt = g_ptr_array_index (benchmarks, 1);
  g_autoptr(LbBenchmark) after = NULL;
  LbWindow *window = new_window (f);
  GtkWidget *page = lb_window_get_page (LB_WINDOW (window), "results");
  LbMetadataEditor *editor = NULL;
  g_autoptr(GList) toplevels = NULL;
  GtkWidget *description_row;

  gtk_widget_activate_action (page, "results.edit-benchmark", "x", mt->id);
  lb_test_iterate (5);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LB_IS_METADATA_EDITOR (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  description_row = lb_metadata_editor_get_row (editor, LB_BENCHMARK_FIELD_DESCRIPTION);
  gtk_editable_set_text (GTK_EDITABLE (description_row), "Multi-turn chat quality judged by GPT-4, 1 to 10");
  g_assert_true (lb_metadata_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));

  after = lb_store_get_benchmark (f->store, mt->id, NULL);
  g_assert_cmpstr (after->description, ==, "Multi-turn chat quality judged by GPT-4, 1 to 10");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  LbWindow *window = new_window (f);
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;

  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);
  gtk_widget_activate_action (GTK_WIDGET (window), "leaderboard.delete", NULL);
  lb_test_iterate (3);
  after_delete = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (after_delete->len, ==, 0);
  g_assert_cmpstr (visible_page (window), ==, "empty");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lb_test_iterate (3);
  after_undo = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (after_undo->len, ==, 1);
  g_assert_cmpstr (visible_page (window), ==, "main");
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An LBOM file opened like a spreadsheet becomes a leaderboard, not a table of JSON text. */
static void
test_open_lbom_and_undo (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autofree char *text = lb_lbom_export (f->store, &id, 1, NULL);
  g_autofree char *path = g_build_filename (f->dir, "team.lbom.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LbLeaderboard) copy = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  LbWindow *window;

  g_assert_nonnull (text);
  /* The same leaderboard under another name, as a colleague would send it. */
  {
    g_autofree char *renamed = NULL;
    char *at = strstr (text, "\"name\" : \"wide-cp932\"");

    g_assert_nonnull (at);
    renamed = g_strdup_printf ("%.*s\"name\" : \"From a colleague\"%s", (int) (at - text), text,
                               at + strlen ("\"name\" : \"wide-cp932\""));
    g_assert_true (g_file_set_contents (path, renamed, -1, NULL));
  }

  window = new_window (f);
  lb_window_import_file (window, file);
  lb_test_iterate (3);
  copy = lb_store_find_leaderboard (f->store, "From a colleague", NULL);
  g_assert_nonnull (copy);
  g_assert_cmpuint (count_current_results (f->store, copy->id), ==, 9);
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, copy->id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lb_test_iterate (3);
  after_undo = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (after_undo->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_remove_import_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autoptr(GPtrArray) imports = lb_store_list_imports (f->store, id, NULL);
  gint64 import_id = ((LbImport *) g_ptr_array_index (imports, 0))->id;
  LbWindow *window = new_window (f);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "history");
  lb_test_save_screenshot (GTK_WIDGET (window), "history.png");
  g_assert_cmpuint (count_current_results (f->store, id), ==, 9);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-import", "x", import_id);
  lb_test_iterate (3);
  g_assert_cmpuint (count_current_results (f->store, id), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lb_test_iterate (3);
  g_assert_cmpuint (count_current_results (f->store, id), ==, 9);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first AdwPreferencesRow under @widget whose title contains @needle. */
static AdwPreferencesRow *
find_row_titled (GtkWidget  *widget,
                 const char *needle)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), needle) != NULL)
    return ADW_PREFERENCES_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row_titled (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A long value in the audit log is one line with a count of the rest: laying out all of it
 * (a smells run stores every finding) held the window up for seconds. */
static void
test_audit_long_value_one_line (Fixture       *f,
                                gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autoptr(GString) purpose = g_string_new ("First line of a long purpose\n");
  LbWindow *window;
  AdwPreferencesRow *row;
  const char *title;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (purpose, "line %u of what the model is for\n", i);
  g_string_append (purpose, "last line");
  g_assert_true (lb_store_set_leaderboard_field (f->store, id, LB_LEADERBOARD_FIELD_PURPOSE,
                                                 purpose->str, NULL));
  window = new_window (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "history");
  lb_test_iterate (3);
  row = find_row_titled (GTK_WIDGET (window), "First line of a long purpose");
  g_assert_nonnull (row);
  title = adw_preferences_row_get_title (row);
  g_assert_null (strchr (title, '\n'));
  g_assert_nonnull (strstr (title, "(and 2001 more lines)"));
  g_assert_cmpuint (g_utf8_strlen (title, -1), <, 300);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first visible GtkLabel under @widget showing exactly @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The titles of the audit log's lines under @widget that start with @prefix. */
static void
collect_titles (GtkWidget  *widget,
                const char *prefix,
                GPtrArray  *out)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    g_ptr_array_add (out, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_titles (child, prefix, out);
}

/* Issue 15.7: the audit log is one plain line per event under the day it happened, searched
 * and filtered by kind; History says the file's encoding in words, not “CP932”. */
static void
test_audit_plain_lines_by_day (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  LbWindow *window;
  GtkWidget *page;
  GtkWidget *search;
  AdwPreferencesRow *import_row;
  gint64 id;

  g_setenv ("LEADERBOARD_NOW", "2026-11-27T09:00:00Z", TRUE);
  id = import_fixture (f, "wide-cp932.csv");
  checklist = lb_smells_run (f->store, id, NULL, NULL, NULL, NULL);
  g_assert_nonnull (checklist);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T09:00:00Z", TRUE);
  g_assert_true (lb_store_set_leaderboard_field (f->store, id, LB_LEADERBOARD_FIELD_PURPOSE,
                                                 "Choose a model for the help desk", NULL));
  window = new_window (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "history");
  lb_test_iterate (3);
  page = lb_window_get_page (LB_WINDOW (window), "history");

  /* Grouped by day, each line in plain words. */
  g_assert_nonnull (find_label (page, "2026-11-27"));
  g_assert_nonnull (find_label (page, "2026-11-28"));
  g_assert_nonnull (find_row_titled (page, "Imported “wide-cp932.csv”"));
  import_row = find_row_titled (page, "wide-cp932.csv");
  g_assert_true (ADW_IS_EXPANDER_ROW (import_row));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (import_row)),
                            "Japanese Shift-JIS / CP932"));

  /* The smell checks wrote several fields per item: one line per item, none of them the
     evidence itself. */
  collect_titles (page, "Check “", checks);
  g_assert_cmpuint (checks->len, >, 0);
  g_assert_cmpuint (checks->len, <=, checklist->len);
  for (guint i = 0; i < checks->len; i++)
    {
      const char *title = g_ptr_array_index (checks, i);

      g_assert_null (strchr (title, '\n'));
      g_assert_null (strstr (title, "evidence"));
      g_assert_false (g_hash_table_contains (seen, title));
      g_hash_table_add (seen, (gpointer) title);
    }

  /* Searching keeps only the lines that match. */
  search = lb_test_template_child (page, LB_TYPE_HISTORY_PAGE, "audit_search");
  gtk_editable_set_text (GTK_EDITABLE (search), "help desk");
  g_signal_emit_by_name (search, "search-changed");
  lb_test_iterate (3);
  g_assert_nonnull (find_row_titled (page, "Choose a model for the help desk"));
  g_assert_null (find_row_titled (page, "Imported “wide-cp932.csv”"));
  g_assert_null (find_label (page, "2026-11-27"));

  /* The kind filter: imports only. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lb_test_template_child (page, LB_TYPE_HISTORY_PAGE, "audit_kind")), 1);
  lb_test_iterate (3);
  g_assert_nonnull (find_row_titled (page, "Imported “wide-cp932.csv”"));
  g_assert_null (find_row_titled (page, "Choose a model for the help desk"));
  g_assert_null (find_row_titled (page, "Check “"));
  g_assert_false (gtk_widget_is_visible (lb_test_template_child (page, LB_TYPE_HISTORY_PAGE, "audit_no_match")));

  /* Nothing matches: the page says so. */
  gtk_editable_set_text (GTK_EDITABLE (search), "no such change");
  g_signal_emit_by_name (search, "search-changed");
  lb_test_iterate (3);
  g_assert_true (gtk_widget_is_visible (lb_test_template_child (page, LB_TYPE_HISTORY_PAGE, "audit_no_match")));
  lb_test_save_screenshot (GTK_WIDGET (window), "history-filtered.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LEADERBOARD_NOW");
}

static void
test_every_page (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const pages[] = { "overview", "results", "compare", "smells", "history" };
  LbWindow *window;

  LbSmell smell = { .smell = (char *) "missing", .component = (char *) "model",
                    .status = (char *) "present", .evidence = (char *) "No provenance link for 4 models" };
  g_autoptr(GObject) item = NULL;
  GListModel *sidebar;

  smell.leaderboard_id = import_fixture (f, "wide-cp932.csv");
  g_assert_cmpint (lb_store_put_smell (f->store, &smell, NULL), >, 0);
  window = new_window (f);
  {
    /* The Smells page runs the checks in a thread once it is built: wait until they are
     * stored (on a loaded machine five turns of the main loop were not enough). */
    GtkWidget *smells = lb_window_get_page (window, "smells");
    GtkWidget *checking = lb_test_template_child (smells, LB_TYPE_SMELLS_PAGE, "checking_box");

    lb_test_iterate (5);
    for (guint i = 0; i < 600 && (lb_page_get_reload_pending (LB_PAGE (smells))
                                  || gtk_widget_get_visible (checking)); i++)
      lb_test_spin (50);
    g_assert_false (gtk_widget_get_visible (checking));
  }

  /* The sidebar counts what the Smells page and the report count (lb_smell_count()); the page
   * ran the checks when the window opened, so the stored row is joined by what they found. */
  sidebar = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "sidebar_filter_model"));
  g_assert_cmpuint (g_list_model_get_n_items (sidebar), ==, 1);
  item = g_list_model_get_item (sidebar, 0);
  {
    gboolean has_smells = FALSE;
    g_autofree char *label = NULL;
    g_autofree char *expected = NULL;
    LbSmellCounts counts;

    g_assert_true (lb_smells_count_stored (f->store, smell.leaderboard_id, &counts, NULL));
    g_assert_cmpuint (counts.attention, >, 1);
    expected = g_strdup_printf ("%u", counts.attention);
    g_object_get (item, "has-smells", &has_smells, "smells-label", &label, NULL);
    g_assert_true (has_smells);
    g_assert_cmpstr (label, ==, expected);
  }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s.png", pages[i]);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                             pages[i]);
      lb_test_iterate (5);
      lb_test_assert_unique_access_keys (adw_view_stack_get_visible_child (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack"))),
                                         pages[i]);
      if (g_str_equal (pages[i], "compare") || g_str_equal (pages[i], "smells"))
        lb_test_save_screenshot (GTK_WIDGET (window), name);
    }
  /* A narrow window folds the sidebar away. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  lb_test_spin (300);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (lb_test_template_child (window, LB_TYPE_WINDOW, "leaflet"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_settings_remembered (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_page = NULL;
  LbWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = g_object_new (LB_TYPE_WINDOW, "store", f->store, "database-path", f->db_path,
                         "settings", settings, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "history");
  gtk_window_close (GTK_WINDOW (window));
  lb_test_iterate (3);
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "history");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

/* ---- toasts ----
 * libadwaita 1.2.2 frees a toast dismissed while it slides in when its fade-out ends, and the
 * slide-in, still running, then writes into it (lb-toast-queue.c says more). Under meson's
 * MALLOC_PERTURB_ that was a SIGSEGV in the next frame; these tests make that frame come late,
 * as on a loaded machine, or the dismissal come as quickly as a user's Ctrl+Z. */

/* Blocks the main loop, as a loaded machine does: the next frame comes late. */
static void
stall (guint ms)
{
  g_usleep (ms * G_TIME_SPAN_MILLISECOND);
}

/* Spins the main loop until @toasts holds @n toasts (or 20 s went by: valgrind is slow). */
static void
spin_until_n_toasts (LbToastQueue *toasts,
                     guint         n)
{
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (lb_toast_queue_get_n_toasts (toasts) != n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (lb_toast_queue_get_n_toasts (toasts), ==, n);
}

static void
test_undo_while_toast_slides_in (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  LbWindow *window = new_window (f);
  LbToastQueue *toasts = lb_window_get_toasts (window);
  g_autoptr(GPtrArray) after_undo = NULL;

  g_assert_true (adw_get_enable_animations (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "leaderboard.delete", NULL);
  g_assert_cmpuint (lb_toast_queue_get_n_toasts (toasts), ==, 1);
  /* Undo at once: the Undo toast is still sliding in, so it stays until it is in. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (lb_toast_queue_get_holding (toasts));
  stall (700);
  lb_test_iterate (3);
  spin_until_n_toasts (toasts, 0);
  lb_test_spin (400);
  after_undo = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (after_undo->len, ==, 1);
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No load needed: an Undo toast that replaces another slides in for 500 ms, and Ctrl+Z within
 * the first 200 ms of it let its 300 ms fade-out end first. */
static void
test_quick_undo_after_second_delete (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 first = import_fixture (f, "wide-cp932.csv");
  gint64 second = import_fixture (f, "wide-utf8-bom.csv");
  LbWindow *window = new_window (f);
  LbToastQueue *toasts = lb_window_get_toasts (window);
  g_autoptr(GPtrArray) boards = NULL;

  lb_window_select_leaderboard (window, first);
  gtk_widget_activate_action (GTK_WIDGET (window), "leaderboard.delete", NULL);
  lb_test_spin (600);
  lb_window_select_leaderboard (window, second);
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, second);
  gtk_widget_activate_action (GTK_WIDGET (window), "leaderboard.delete", NULL);
  lb_test_spin (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  lb_test_spin (1000);
  spin_until_n_toasts (toasts, 0);
  boards = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (boards->len, ==, 1);
  g_assert_cmpint (((LbLeaderboard *) g_ptr_array_index (boards, 0))->id, ==, second);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toast shown after a held one is held too when dismissed at once. */
static void
test_next_toast_held_too (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr(LbToastQueue) toasts = NULL;
  g_autoptr(AdwToast) first = adw_toast_new ("First");
  g_autoptr(AdwToast) second = adw_toast_new ("Second");

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Content"));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  adw_toast_set_button_label (first, "_Undo");
  adw_toast_set_button_label (second, "_Undo");
  toasts = lb_toast_queue_new (ADW_TOAST_OVERLAY (overlay));
  lb_toast_queue_add (toasts, g_object_ref (first));
  lb_toast_queue_add (toasts, g_object_ref (second));
  adw_toast_dismiss (first);
  g_assert_true (lb_toast_queue_get_holding (toasts));
  /* A held toast has no button left to act with; the one waiting keeps its own. */
  g_assert_null (adw_toast_get_button_label (first));
  g_assert_cmpstr (adw_toast_get_button_label (second), ==, "_Undo");
  stall (700);
  /* The first goes once a frame has passed its slide-in; the second slides in at once. */
  spin_until_n_toasts (toasts, 1);
  g_assert_false (lb_toast_queue_get_holding (toasts));
  adw_toast_dismiss (second);
  g_assert_true (lb_toast_queue_get_holding (toasts));
  g_assert_null (adw_toast_get_button_label (second));
  stall (700);
  spin_until_n_toasts (toasts, 0);
  lb_test_spin (400);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  const char *name;
  gboolean    undo;           /* Ctrl+Z before closing */
  gboolean    slid_in;        /* ... once the toast is in (else at once, while it slides in) */
  gboolean    second_toast;   /* another toast waits behind the Undo toast */
  guint       left;           /* toasts left in the closed window */
} CloseCase;

static const CloseCase close_cases[] = {
  { "sliding-in", FALSE, FALSE, FALSE, 1 },
  { "held", TRUE, FALSE, FALSE, 0 },
  { "fading-out", TRUE, TRUE, FALSE, 0 },
  { "held-with-one-waiting", TRUE, FALSE, TRUE, 1 },
};

/* The user closes the window while a toast shows: whatever state it is in, it lets go. */
static void
test_close_while_toast_shows (Fixture       *f,
                              gconstpointer  data)
{
  const CloseCase *c = data;
  gint64 id = import_fixture (f, "wide-cp932.csv");
  LbWindow *window = new_window (f);
  LbToastQueue *toasts = lb_window_get_toasts (window);
  g_autoptr(GPtrArray) boards = NULL;

  g_test_message ("case %s", c->name);
  gtk_widget_activate_action (GTK_WIDGET (window), "leaderboard.delete", NULL);
  if (c->second_toast)
    lb_window_add_toast (window, "Report saved as “review.pdf”");
  g_assert_true (lb_toast_queue_get_sliding_in (toasts));
  while (c->slid_in && lb_toast_queue_get_sliding_in (toasts))
    g_main_context_iteration (NULL, TRUE);
  if (c->undo)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (lb_toast_queue_get_holding (toasts), ==, c->undo && !c->slid_in);

  /* Kept to look at it once closed; the overlay, unmapped, lets the held toast go at once. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (lb_toast_queue_get_holding (toasts));
  g_assert_cmpuint (lb_toast_queue_get_n_toasts (toasts), ==, c->left);
  stall (700);
  lb_test_spin (600);
  g_assert_cmpuint (lb_toast_queue_get_n_toasts (toasts), ==, c->left);
  g_object_unref (window);
  lb_test_spin (100);

  boards = lb_store_list_leaderboards (f->store, NULL);
  g_assert_cmpuint (boards->len, ==, c->undo ? 1 : 0);
  if (c->undo)
    g_assert_cmpint (((LbLeaderboard *) g_ptr_array_index (boards, 0))->id, ==, id);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LEADERBOARD_DB", "/nonexistent/never-used.db", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  {
    /* AdwApplication loads the app's style.css itself; the tests build windows without it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/Leaderboard/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/display/window/empty-state", test_empty_state);
  ADD ("/display/window/database-error", test_store_error);
  g_test_add_func ("/display/window/shortcuts", test_shortcuts_window);
  ADD ("/display/window/every-page", test_every_page);
  ADD ("/display/window/settings-remembered", test_settings_remembered);
  ADD ("/display/import/cp932", test_import_cp932);
  ADD ("/display/import/xlsx-sheets", test_import_xlsx_sheets);
  ADD ("/display/import/results-json", test_import_results_json);
  ADD ("/display/import/utf8-bom-into-existing", test_import_utf8_bom_into_existing);
  ADD ("/display/import/remembered-mapping", test_import_remembered_mapping);
  ADD ("/display/import/wrong-encoding-blocks", test_import_wrong_encoding_blocks);
  ADD ("/display/import/duplicate-file", test_import_duplicate_file);
  ADD ("/display/overview/fill-form", test_overview_form);
  ADD ("/display/results/sort-filter-provenance", test_results_table);
  ADD ("/display/results/edit-benchmark", test_benchmark_editor);
  ADD ("/display/window/delete-and-undo", test_delete_and_undo);
  ADD ("/display/history/remove-import-and-undo", test_remove_import_and_undo);
  ADD ("/display/history/audit-long-value-one-line", test_audit_long_value_one_line);
  ADD ("/display/history/audit-plain-lines-by-day", test_audit_plain_lines_by_day);
  ADD ("/display/window/open-lbom-and-undo", test_open_lbom_and_undo);
  ADD ("/display/toast/undo-while-sliding-in", test_undo_while_toast_slides_in);
  ADD ("/display/toast/quick-undo-after-second-delete", test_quick_undo_after_second_delete);
  g_test_add_func ("/display/toast/next-toast-held-too", test_next_toast_held_too);
  for (guint i = 0; i < G_N_ELEMENTS (close_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/display/toast/close-while-shown/%s", close_cases[i].name);

      g_test_add (path, Fixture, &close_cases[i], fixture_setup, test_close_while_toast_shows, fixture_teardown);
    }
#undef ADD
  return g_test_run ();
}
