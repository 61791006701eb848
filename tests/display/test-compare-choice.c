/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Compare page's choices survive a restart, and the print and PDF actions report exactly
 * that comparison, saying which it is (display suite: run under xvfb-run). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "display-util.h"
#include "lb-compare-page.h"
#include "lb-report-print.h"
#include "lb-window.h"

typedef struct {
  char   *dir;
  char   *db;
  gint64  lb;
  gint64  models[5];
} Fixture;

static const char *const model_names[] = { "Alpha-7B", "Beta-13B", "Gamma-2B", "日本語モデル", "Delta-70B" };

/* Five models, three benchmarks (Gamma lacks MT-Bench), a profile — typed in, no file. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  const char *benchmarks[] = { "JCommonsenseQA", "MT-Bench", "JMMLU" };
  const double scores[5][3] = {
    { 85.3, 7.9, 61.0 }, { 80.1, 8.4, 66.5 }, { 61.0, -1, 50.2 }, { 88.8, 8.1, 70.3 }, { 70.0, 6.5, 55.0 },
  };
  gint64 benchmark_ids[3];
  LbProfile profile = { 0 };
  LbWeight weight = { (char *) "JCommonsenseQA", 2.0 };

  f->dir = g_dir_make_tmp ("lb-compare-choice-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "leaderboard.db", NULL);
  store = lb_store_open (f->db, &error);
  g_assert_no_error (error);
  f->lb = lb_store_create_leaderboard (store, "Support bot", &error);
  g_assert_no_error (error);
  for (guint b = 0; b < 3; b++)
    {
      LbBenchmark init = { .higher_is_better = TRUE, .direction_confirmed = TRUE };

      benchmark_ids[b] = lb_store_ensure_benchmark (store, f->lb, benchmarks[b], &init, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (lb_store_begin (store, &error));
  for (guint m = 0; m < 5; m++)
    {
      f->models[m] = lb_store_ensure_model (store, f->lb, model_names[m], NULL, NULL, &error);
      g_assert_no_error (error);
      for (guint b = 0; b < 3; b++)
        {
          LbResult result = { 0 };

          if (scores[m][b] < 0)
            continue;
          result.leaderboard_id = f->lb;
          result.model_id = f->models[m];
          result.benchmark_id = benchmark_ids[b];
          result.score = scores[m][b];
          result.current = TRUE;
          g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
        }
    }
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);

  profile.leaderboard_id = f->lb;
  profile.name = (char *) "Accuracy";
  profile.weights = g_ptr_array_new ();
  g_ptr_array_add (profile.weights, &weight);
  g_assert_cmpint (lb_store_put_profile (store, &profile, &error), >, 0);
  g_assert_no_error (error);
  g_ptr_array_unref (profile.weights);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lb_test_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* A window over a store freshly opened from the file, as after a restart. */
static LbWindow *
open_window (Fixture  *f,
             LbStore **store)
{
  g_autoptr(GError) error = NULL;
  LbWindow *window;

  *store = lb_store_open (f->db, &error);
  g_assert_no_error (error);
  window = g_object_new (LB_TYPE_WINDOW, "store", *store, "database-path", f->db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 850);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  lb_window_select_leaderboard (window, f->lb);
  lb_test_iterate (5);
  return window;
}

static LbComparePage *
compare_page (LbWindow *window)
{
  return LB_COMPARE_PAGE (lb_window_get_page (LB_WINDOW (window), "compare"));
}

static void
close_window (LbWindow  *window,
              LbStore  **store)
{
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
  g_clear_object (store);
}

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

/* The widget named @name below @widget, or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* LB_LOCALEDIR set (as for test-display-ja): run in the language of $LANGUAGE, to look at the
 * screenshots; the checks of English wording are then left out. */
static gboolean
english (void)
{
  return g_getenv ("LB_LOCALEDIR") == NULL;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LbStore) store = NULL;
  LbWindow *window = open_window (f, &store);
  LbComparePage *page = compare_page (window);
  const gint64 chosen[] = { f->models[1], f->models[2], f->models[3] };
  const LbCompareOptions *options;
  const gint64 *ids;
  guint n_ids = 0;
  g_autofree char *before = NULL;

  /* First time: the default choice (the four with most results), not yet anything saved. */
  options = lb_compare_page_get_options (page);
  g_assert_nonnull (options);
  ids = lb_compare_options_get_models (options, &n_ids);
  g_assert_cmpuint (n_ids, ==, 4);

  /* The user's choice: three models, a baseline, a profile, partial models, declared scales. */
  lb_compare_page_set_chosen (page, chosen, G_N_ELEMENTS (chosen));
  lb_compare_page_set_baseline (page, f->models[3]);
  g_assert_true (lb_compare_page_select_profile (page, "Accuracy"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "partial_check")), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "normalization_dropdown")), 1);
  lb_test_iterate (5);
  before = lb_comparison_dup_summary (lb_compare_page_get_comparison (page));
  g_assert_true (!english () || strstr (before, "3 models (Beta-13B, Gamma-2B, 日本語モデル); baseline “日本語モデル”; decision profile “Accuracy”; "
                                    "partial models get a composite over their own benchmarks; rescaled against declared scales.") != NULL);
  lb_test_save_screenshot (GTK_WIDGET (window), "compare-choice-before.png");
  close_window (window, &store);

  /* Restart: a new store connection, a new window — the same comparison. */
  window = open_window (f, &store);
  page = compare_page (window);
  options = lb_compare_page_get_options (page);
  ids = lb_compare_options_get_models (options, &n_ids);
  g_assert_cmpuint (n_ids, ==, 3);
  g_assert_cmpint (ids[0], ==, f->models[1]);
  g_assert_cmpint (ids[1], ==, f->models[2]);
  g_assert_cmpint (ids[2], ==, f->models[3]);
  g_assert_cmpint (lb_compare_options_get_baseline (options), ==, f->models[3]);
  g_assert_cmpstr (lb_compare_options_get_profile (options)->name, ==, "Accuracy");
  g_assert_true (lb_compare_options_get_include_partial (options));
  g_assert_cmpint (lb_compare_options_get_normalization (options), ==, LB_NORMALIZE_DECLARED_SCALE);
  /* The widgets say so too. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "partial_check"))));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "normalization_dropdown"))), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "profile_dropdown"))), ==, 1);
  {
    g_autofree char *after = lb_comparison_dup_summary (lb_compare_page_get_comparison (page));
    g_assert_cmpstr (after, ==, before);
  }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "compare");
  lb_test_spin (300);
  lb_test_save_screenshot (GTK_WIDGET (window), "compare-choice-after-restart.png");

  /* A profile deleted meanwhile: equal weights, and the page says so. */
  close_window (window, &store);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LbStore) other = lb_store_open (f->db, &error);
    g_autoptr(GPtrArray) profiles = lb_store_list_profiles (other, f->lb, &error);

    g_assert_no_error (error);
    g_assert_true (lb_store_delete_profile (other, ((LbProfile *) g_ptr_array_index (profiles, 0))->id, &error));
  }
  window = open_window (f, &store);
  page = compare_page (window);
  g_assert_null (lb_compare_options_get_profile (lb_compare_page_get_options (page)));
  {
    GtkLabel *notes = GTK_LABEL (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "notes_label"));

    g_assert_true (!english () || strstr (gtk_label_get_text (notes), "The saved decision profile “Accuracy” no longer exists"));
  }
  close_window (window, &store);
}

static void
test_print_uses_page (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LbStore) store = NULL;
  LbWindow *window = open_window (f, &store);
  LbComparePage *page = compare_page (window);
  const gint64 chosen[] = { f->models[0], f->models[4] };
  g_autofree char *summary = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  GtkWindow *dialog;

  lb_compare_page_set_chosen (page, chosen, G_N_ELEMENTS (chosen));
  lb_compare_page_set_baseline (page, f->models[4]);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lb_test_template_child (page, LB_TYPE_COMPARE_PAGE, "normalization_dropdown")), 1);
  lb_test_iterate (5);
  summary = lb_comparison_dup_summary (lb_compare_page_get_comparison (page));

  /* The print dialog says which comparison goes in, on its own tab. */
  lb_test_ask_report (window, "win.print-report");
  dialog = find_toplevel (g_type_from_name ("GtkPrintUnixDialog"), GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  {
    GtkWidget *label = find_named (GTK_WIDGET (dialog), "lb-print-comparison");

    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, summary);
    g_assert_true (!english () || strstr (summary, "2 models (Alpha-7B, Delta-70B); baseline “Delta-70B”; equal weights;"));
  }
  lb_test_save_screenshot (GTK_WIDGET (dialog), "compare-choice-print-dialog.png");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  lb_test_iterate (5);

  /* The PDF holds the same comparison, word for word. */
  lb_test_ask_report (window, "win.export-report");
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
    g_autoptr(GError) error = NULL;
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *flat_summary = NULL;
    int status = 0;

    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "report.pdf");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    for (guint i = 0; i < 600 && !g_file_test (pdf, G_FILE_TEST_EXISTS); i++)
      lb_test_spin (100);
    lb_test_iterate (5);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    flat = squeeze (text);
    flat_summary = squeeze (summary);
    g_assert_nonnull (strstr (flat, flat_summary));
    g_assert_true (!english () || strstr (flat, "2oftheleaderboard’s5modelsarecompared"));
  }
  close_window (window, &store);
}

int
main (int argc, char *argv[])
{
  /* No accessibility bus in the test session. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  if (!english ())
    {
      /* gtk_test_init() pins the locale: take the environment's again. */
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LB_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  g_test_add ("/compare-choice/survives-restart", Fixture, NULL, fixture_set_up, test_survives_restart,
              fixture_tear_down);
  g_test_add ("/compare-choice/print-uses-page", Fixture, NULL, fixture_set_up, test_print_uses_page,
              fixture_tear_down);
  return g_test_run ();
}
