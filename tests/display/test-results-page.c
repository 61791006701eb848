/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-results-page.c: the Results page and its editors as a manager uses them: what the
 * header says, what a dialog writes when only one field was touched. Runs under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "display-util.h"
#include "lb-import-assistant.h"
#include "lb-metadata-editor.h"
#include "lb-ranking-item.h"
#include "lb-results-page.h"
#include "lb-store.h"
#include "lb-window.h"

#define LATENCY 2   /* the cell of レイテンシ(ms) in wide-cp932.csv: guessed lower is better */

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

  f->dir = g_dir_make_tmp ("lb-results-XXXXXX", &error);
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

static void
imported_cb (LbImportAssistant *assistant,
             gint64             leaderboard_id,
             gint64             import_id,
             guint              results,
             const char        *file_name,
             gint64            *out)
{
  *out = leaderboard_id;
}

/* Imports tests/data/import/@name through the assistant, as a user would. */
static gint64
import_fixture (Fixture    *f,
                const char *name)
{
  g_autoptr(GFile) file = lb_test_import_fixture (name);
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  GtkWidget *button = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button");
  gint64 id = 0;

  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_connect (assistant, "imported", G_CALLBACK (imported_cb), &id);
  g_object_ref (assistant);
  g_signal_emit_by_name (button, "clicked");
  lb_test_wait_idle (assistant);
  g_object_unref (assistant);
  g_assert_cmpint (id, >, 0);
  return id;
}

static LbWindow *
new_window (Fixture *f,
            int      width,
            int      height)
{
  LbWindow *window = g_object_new (LB_TYPE_WINDOW,
                                   "store", f->store,
                                   "database-path", f->db_path,
                                   "default-width", width,
                                   "default-height", height,
                                   NULL);

  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  return window;
}

static LbMetadataEditor *
find_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LB_IS_METADATA_EDITOR (l->data))
      return l->data;
  return NULL;
}

static LbMetadataEditor *
open_benchmark_editor (GtkWidget *page,
                       gint64     benchmark_id)
{
  LbMetadataEditor *editor;

  gtk_widget_activate_action (page, "results.edit-benchmark", "x", benchmark_id);
  lb_test_iterate (5);
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

/* The title of the column of benchmark cell @cell. */
static const char *
column_title (LbResultsPage *page,
              guint          cell)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (lb_test_template_child (page, LB_TYPE_RESULTS_PAGE, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = g_list_model_get_n_items (columns);
  guint seen = 0;

  /* Benchmark columns carry a header menu (Edit Benchmark…); the text columns do not. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_header_menu (column) != NULL && seen++ == cell)
        return gtk_column_view_column_get_title (column);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Issue 15.1: a lower-is-better guess, the unit typed in and saved: the ranking keeps its
 * direction, the guess stays a guess, and the header names the unit once. */
static void
test_edit_benchmark_keeps_guess (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (f->store, id, NULL);
  LbBenchmark *latency = g_ptr_array_index (benchmarks, LATENCY);
  g_autoptr(LbBenchmark) after = NULL;
  g_autoptr(LbBenchmark) confirmed = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  LbWindow *window = new_window (f, 1100, 760);
  LbResultsPage *page = LB_RESULTS_PAGE (lb_window_get_page (LB_WINDOW (window), "results"));
  LbMetadataEditor *editor;
  AdwComboRow *direction;
  GtkStringObject *shown;
  guint changes = 0;

  g_assert_cmpstr (latency->name, ==, "レイテンシ(ms)");
  /* The import took the unit from the header. */
  g_assert_cmpstr (latency->unit, ==, "ms");
  g_assert_false (latency->higher_is_better);
  g_assert_false (latency->direction_confirmed);

  editor = open_benchmark_editor (GTK_WIDGET (page), latency->id);
  direction = ADW_COMBO_ROW (lb_metadata_editor_get_row (editor, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER));
  /* It opens on the guess, said to be one. */
  shown = adw_combo_row_get_selected_item (direction);
  g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "Lower is better (guess)");
  g_assert_true (adw_combo_row_get_use_subtitle (direction));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (direction)), "guessed at import"));
  gtk_editable_set_text (GTK_EDITABLE (lb_metadata_editor_get_row (editor, LB_BENCHMARK_FIELD_UNIT)), "");
  lb_test_save_screenshot (GTK_WIDGET (editor), "edit-benchmark-guess.png");
  g_assert_true (lb_metadata_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  lb_test_iterate (5);

  after = lb_store_get_benchmark (f->store, latency->id, NULL);
  g_assert_null (after->unit);
  g_assert_false (after->higher_is_better);
  g_assert_false (after->direction_confirmed);
  /* Only the unit was written: one change in the audit log. */
  audit = lb_store_list_audit (f->store, id, 0, NULL);
  g_assert_nonnull (audit);
  for (guint i = 0; i < audit->len; i++)
    {
      LbAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry->entity, "benchmark") == 0 && entry->entity_id == latency->id)
        changes++;
    }
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (column_title (page, LATENCY), ==, "レイテンシ(ms) ↓?");

  /* Choosing the guessed direction confirms it. */
  editor = open_benchmark_editor (GTK_WIDGET (page), latency->id);
  direction = ADW_COMBO_ROW (lb_metadata_editor_get_row (editor, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER));
  adw_combo_row_set_selected (direction, 2);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (direction)), ==,
                   "Lower is better");
  g_assert_true (lb_metadata_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  lb_test_iterate (5);
  confirmed = lb_store_get_benchmark (f->store, latency->id, NULL);
  g_assert_false (confirmed->higher_is_better);
  g_assert_true (confirmed->direction_confirmed);
  g_assert_cmpstr (column_title (page, LATENCY), ==, "レイテンシ(ms) ↓");

  /* Once confirmed there is no guess entry left: it opens on the direction itself. */
  editor = open_benchmark_editor (GTK_WIDGET (page), latency->id);
  direction = ADW_COMBO_ROW (lb_metadata_editor_get_row (editor, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (direction)), ==,
                   "Lower is better");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (direction)), ==, 2);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first label under @root showing @text. */
static GtkWidget *
label_showing (GtkWidget  *root,
               const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *hit;

      if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (c)), text) == 0)
        return c;
      hit = label_showing (c, text);
      if (hit != NULL)
        return hit;
    }
  return NULL;
}

/* Clicks @cell as a pointer would, and returns the text of the popover it opens. */
static const char *
click_cell (GtkWidget *cell)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cell);
  GtkWidget *popover;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "pressed", 1, 1.0, 1.0);
    }
  lb_test_iterate (3);
  for (popover = gtk_widget_get_first_child (cell); popover != NULL && !GTK_IS_POPOVER (popover);
       popover = gtk_widget_get_next_sibling (popover))
    ;
  g_assert_nonnull (popover);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover)))));
}

static GtkColumnViewColumn *
column_titled (LbResultsPage *page,
               const char    *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (lb_test_template_child (page, LB_TYPE_RESULTS_PAGE, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;   /* the view keeps it */
    }
  g_assert_not_reached ();
  return NULL;
}

static const char *
row_name (GListModel *rows,
          guint       i)
{
  g_autoptr(LbRankingItem) row = g_list_model_get_item (rows, i);

  return lb_ranking_item_get_model (row)->name;
}

static int
pixels (GtkWidget  *widget,
        const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Issue 15.4: the model names are shown whole, empty columns go, the sheet's 評価日 and 備考
 * come, a width the user gave survives an edit, a popover says whose score it is, and the
 * first click on a score's header puts the best first. */
static void
test_results_columns (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = import_fixture (f, "wide-cp932.csv");
  g_autoptr(GPtrArray) models = lb_store_list_models (f->store, id, NULL);
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (f->store, id, NULL);
  LbBenchmark *jmmlu = g_ptr_array_index (benchmarks, 0);
  LbWindow *window = new_window (f, 1100, 760);
  LbResultsPage *page = LB_RESULTS_PAGE (lb_window_get_page (LB_WINDOW (window), "results"));
  GtkWidget *view = lb_test_template_child (page, LB_TYPE_RESULTS_PAGE, "column_view");
  GListModel *rows = lb_results_page_get_rows (page);
  GtkColumnViewColumn *model_column;
  g_autoptr(LbRankingItem) first = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "results");
  lb_test_iterate (5);
  model_column = column_titled (page, "Model");
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (model_column), >=, pixels (view, "Claude 3.5 Sonnet"));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (page, "Version")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (page, "Evaluated")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (page, "Notes")));

  /* The first click on a header (GTK sorts ascending) puts the best first, either direction. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column_titled (page, "JMMLU (%) ↑?"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_name (rows, 0), ==, "Claude 3.5 Sonnet");
  g_assert_cmpstr (row_name (rows, 3), ==, "ELYZA-japanese");   /* missing: last */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column_titled (page, "レイテンシ(ms) ↓?"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_name (rows, 0), ==, "Llama 3.1 70B");
  g_assert_cmpstr (row_name (rows, 3), ==, "ELYZA-japanese");

  /* The popover of a score names the model. */
  first = g_list_model_get_item (rows, 0);
  text = lb_results_page_describe_cell (page, first, LATENCY, &tooltip);
  /* The unit comes from the header "(ms)". */
  g_assert_cmpstr (text, ==, "380 ms");
  g_assert_true (g_str_has_prefix (tooltip, "380 ms — Llama 3.1 70B on レイテンシ(ms)\n"));
  /* Clicked, a score's cell tells its history, and a model's name its details, of the row
   * it shows now (after sorting). */
  lb_test_iterate (5);
  {
    GtkWidget *cell = label_showing (view, "380 ms");
    const char *said;

    g_assert_nonnull (cell);
    said = click_cell (cell);
    g_assert_true (g_str_has_prefix (said, tooltip));
    g_assert_nonnull (strstr (said, "History, newest first:"));
    cell = label_showing (view, "Llama 3.1 70B");
    g_assert_nonnull (cell);
    said = click_cell (cell);
    g_assert_true (g_str_has_prefix (said, "Llama 3.1 70B\nVersion: "));
  }

  /* A width the user dragged is kept when an edit reloads the table. */
  gtk_column_view_column_set_fixed_width (model_column, 333);
  g_assert_true (lb_store_set_benchmark_field (f->store, jmmlu->id, LB_BENCHMARK_FIELD_DESCRIPTION,
                                               "Japanese MMLU", NULL));
  lb_test_iterate (5);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (page, "Model")), ==, 333);

  /* Without a version anywhere there is no column of dashes. */
  for (guint i = 0; i < models->len; i++)
    g_assert_true (lb_store_set_model_field (f->store, ((LbModel *) g_ptr_array_index (models, i))->id,
                                             LB_MODEL_FIELD_VERSION, NULL, NULL));
  lb_test_iterate (5);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (page, "Version")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (page, "Provider")));
  lb_test_save_screenshot (GTK_WIDGET (window), "results-columns.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
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
  ADD ("/results/edit-benchmark/keeps-guess", test_edit_benchmark_keeps_guess);
  ADD ("/results/columns", test_results_columns);
#undef ADD
  return g_test_run ();
}
