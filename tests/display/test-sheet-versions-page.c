/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-versions-page.c: October's sheet, then November's as its new version, as Results,
 * Compare and History show them, in English and in Japanese. Runs under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include "display-util.h"
#include "lb-changes.h"
#include "lb-compare-page.h"
#include "lb-history-page.h"
#include "lb-import-assistant.h"
#include "lb-importer.h"
#include "lb-overview-page.h"
#include "lb-ranking-item.h"
#include "lb-results-page.h"
#include "lb-store.h"
#include "lb-window.h"

#define LATENCY 2   /* the cell of レイテンシ(ms) */
#define HEADER "モデル名,バージョン,提供元,JMMLU,MT-bench,レイテンシ(ms),備考\r\n"

static const char october[] =
  HEADER
  "GPT-4o,2024-08-06,OpenAI,80.1,8.9,450,API\r\n"
  "cotomi Pro,1.0,NEC,75.2,8.1,330,社内評価\r\n"
  "Llama 3.1 70B,3.1,Meta,70.3,7.8,520,オープン\r\n"
  "Claude 3.5 Sonnet,20240620,Anthropic,79.0,8.8,400,API\r\n";

static const char november[] =
  HEADER
  "GPT-4o,2024-11-20,OpenAI,81.0,9.0,430,API\r\n"
  "cotomi Pro,1.0,NEC,75.2,8.1,#N/A,レイテンシ再測定中\r\n"
  "Claude 3.5 Sonnet,20240620,Anthropic,80.5,8.9,390,API\r\n";

/* glibc caches translations per locale, not per $LANGUAGE: say the catalogs changed. */
extern int _nl_msg_cat_cntr;

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

  g_setenv ("LANGUAGE", data, TRUE);
  ++_nl_msg_cat_cntr;
  f->dir = g_dir_make_tmp ("lb-sheetver-XXXXXX", &error);
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

/* Writes @text as Japanese Excel does (CP932, CRLF) and imports it with the default mode. */
static gint64
import_sheet (Fixture    *f,
              const char *name,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  gsize len = 0;
  g_autofree char *cp932 = g_convert (text, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_auto(LbImportOutcome) outcome = { 0 };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, cp932, len, &error));
  file = g_file_new_for_path (path);
  importer = lb_importer_new (file, NULL, f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, f->store, "社内LLM", LB_IMPORT_FLAGS_NONE, NULL, NULL,
                                  NULL, &outcome, &error));
  g_assert_no_error (error);
  return outcome.leaderboard_id;
}

static void
write_sheet (Fixture    *f,
             const char *name,
             const char *text,
             GFile     **file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  gsize len = 0;
  g_autofree char *cp932 = g_convert (text, -1, "CP932", "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, cp932, len, &error));
  *file = g_file_new_for_path (path);
}

static LbRankingItem *
row_named (GListModel *rows,
           const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LbRankingItem) row = g_list_model_get_item (rows, i);

      if (g_str_has_prefix (lb_ranking_item_get_model (row)->name, prefix))
        return g_steal_pointer (&row);
    }
  return NULL;
}

static void
show_page (LbWindow   *window,
           const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         name);
  lb_test_spin (300);
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  const char *language = data;
  gint64 lb;
  LbWindow *window;
  LbResultsPage *results;
  LbComparePage *compare;
  GtkCheckButton *unlisted;
  g_autoptr(LbRankingItem) cotomi = NULL;
  g_autoptr(LbRankingItem) llama = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *expected = NULL;

  import_sheet (f, "oct.csv", october);
  lb = import_sheet (f, "nov.csv", november);

  window = g_object_new (LB_TYPE_WINDOW, "store", f->store, "database-path", f->db_path,
                         "default-width", 1200, "default-height", 800, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  lb_window_select_leaderboard (window, lb);
  lb_test_spin (200);

  /* Overview: the four models counted include Llama, and it says so. */
  {
    GtkWidget *overview = lb_window_get_page (LB_WINDOW (window), "overview");
    GtkLabel *count = GTK_LABEL (lb_test_template_child (overview, LB_TYPE_OVERVIEW_PAGE, "models_label"));
    GtkLabel *note = GTK_LABEL (lb_test_template_child (overview, LB_TYPE_OVERVIEW_PAGE, "unlisted_label"));
    g_autofree char *of_which = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of which %u no longer listed",
                                                              "of which %u no longer listed", 1), 1u);

    show_page (window, "overview");
    g_assert_cmpstr (gtk_label_get_text (count), ==, "4");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (note)));
    g_assert_cmpstr (gtk_label_get_text (note), ==, of_which);
    shot = g_strdup_printf ("sheetver-overview-%s.png", language);
    lb_test_save_screenshot (GTK_WIDGET (window), shot);
    g_clear_pointer (&shot, g_free);
  }

  /* Results: the withdrawn latency says what it was and where; Llama is shown as gone. */
  show_page (window, "results");
  results = LB_RESULTS_PAGE (lb_window_get_page (LB_WINDOW (window), "results"));
  cotomi = row_named (lb_results_page_get_rows (results), "cotomi Pro");
  g_assert_nonnull (cotomi);
  text = lb_results_page_describe_cell (results, cotomi, LATENCY, &tooltip);
  expected = g_strdup_printf (_("— withdrawn in [%" PRId64 ":%s%u]; was %s [%" PRId64 ":%s%u]"),
                              (gint64) 2, "F", 3u, "330 ms", (gint64) 1, "F", 3u);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (tooltip, "#N/A"));
  llama = row_named (lb_results_page_get_rows (results), "Llama 3.1 70B");
  g_assert_nonnull (llama);
  g_assert_cmpstr (lb_ranking_item_get_model (llama)->name, !=, "Llama 3.1 70B");
  shot = g_strdup_printf ("sheetver-results-%s.png", language);
  lb_test_save_screenshot (GTK_WIDGET (window), shot);

  /* Compare: Llama is left out until asked for. */
  show_page (window, "compare");
  compare = LB_COMPARE_PAGE (lb_window_get_page (LB_WINDOW (window), "compare"));
  unlisted = GTK_CHECK_BUTTON (lb_test_template_child (compare, LB_TYPE_COMPARE_PAGE, "unlisted_check"));
  g_assert_false (gtk_check_button_get_active (unlisted));
  g_assert_cmpuint (lb_compare_page_get_comparison (compare)->n_models, ==, 3);
  {
    /* Said once, with the way to include it: not also "add it under Models", which would not. */
    const char *notes = gtk_label_get_text (GTK_LABEL (lb_test_template_child (compare, LB_TYPE_COMPARE_PAGE, "notes_label")));
    g_autofree char *not_compared = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u of the leaderboard’s %u models is not compared: %s. Add it under Models.",
                                                                  "%u of the leaderboard’s %u models are not compared: %s. Add them under Models.",
                                                                  1), 1u, 4u, "Llama 3.1 70B");

    g_assert_null (strstr (notes, not_compared));
    g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u model is no longer listed in the newest version of the sheet and is left out (include it with “Include models no longer listed”).",
                                                              "%u models are no longer listed in the newest version of the sheet and are left out (include them with “Include models no longer listed”).",
                                                              1), 1u);

    g_assert_nonnull (strstr (notes, left_out));
  }
  g_free (shot);
  shot = g_strdup_printf ("sheetver-compare-%s.png", language);
  lb_test_save_screenshot (GTK_WIDGET (window), shot);
  gtk_check_button_set_active (unlisted, TRUE);
  lb_test_spin (300);
  g_assert_cmpuint (lb_compare_page_get_comparison (compare)->n_models, ==, 4);
  g_free (shot);
  shot = g_strdup_printf ("sheetver-compare-unlisted-%s.png", language);
  lb_test_save_screenshot (GTK_WIDGET (window), shot);

  /* History: each import with its mode and what it changed. */
  show_page (window, "history");
  {
    GtkWidget *history = lb_window_get_page (LB_WINDOW (window), "history");
    GtkListBox *list = GTK_LIST_BOX (lb_test_template_child (history, LB_TYPE_HISTORY_PAGE, "list"));
    GtkListBoxRow *newest;
    const char *subtitle;
    g_autoptr(GPtrArray) changes = lb_changes_of_import (f->store, lb, 2, NULL);
    g_autofree char *count = NULL;

    /* What each import changed is worked out in a thread (issue 17.5); the rows show it
       when it is known. */
    for (guint i = 0; i < 500 && lb_history_page_is_busy (LB_HISTORY_PAGE (history)); i++)
      lb_test_spin (10);
    g_assert_false (lb_history_page_is_busy (LB_HISTORY_PAGE (history)));
    lb_test_iterate (5);
    newest = gtk_list_box_get_row_at_index (list, 0);
    subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (newest));
    g_assert_nonnull (strstr (subtitle, _("new version of the sheet")));
    g_assert_nonnull (changes);
    g_assert_cmpuint (changes->len, >, 0);
    /* "A · B · 7 changes": what follows the second part ends the subtitle */
    count = g_strdup_printf (ngettext ("%s · %s · %u change", "%s · %s · %u changes", changes->len),
                             "\x01", "\x02", changes->len);
    g_assert_nonnull (strchr (count, '\x02'));
    g_assert_true (g_str_has_suffix (subtitle, strchr (count, '\x02') + 1));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (newest), TRUE);
    lb_test_spin (300);

    /* The rows are made anew at the next change of the store and again when the changes
       arrive from the thread: the row the reader opened stays open. */
    g_assert_true (lb_store_set_leaderboard_field (f->store, lb, LB_LEADERBOARD_FIELD_PURPOSE,
                                                   "Pick the help desk's model", NULL));
    lb_test_spin (50);
    for (guint i = 0; i < 500 && lb_history_page_is_busy (LB_HISTORY_PAGE (history)); i++)
      lb_test_spin (10);
    g_assert_false (lb_history_page_is_busy (LB_HISTORY_PAGE (history)));
    lb_test_iterate (5);
    newest = gtk_list_box_get_row_at_index (list, 0);
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (newest)));
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, 1))));
  }
  g_free (shot);
  shot = g_strdup_printf ("sheetver-history-%s.png", language);
  lb_test_save_screenshot (GTK_WIDGET (window), shot);

  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
}


/* The assistant on November's sheet: it says which mode applies, why, and what it would change
 * before anything is written. */
static void
test_assistant (Fixture       *f,
                gconstpointer  data)
{
  const char *language = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *expected = NULL;
  LbImportAssistant *assistant;
  AdwComboRow *mode_row;
  GtkLabel *status;
  /* A file name with markup characters, as a department names its sheets ("R&D"). */
  gint64 lb = import_sheet (f, "R&D <Oct>.csv", october);

  write_sheet (f, "nov.csv", november, &file);
  assistant = lb_import_assistant_new (f->store, file, lb);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 900, 800);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  lb_test_spin (200);
  mode_row = ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "mode_row"));
  status = GTK_LABEL (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "status_label"));
  g_assert_cmpuint (adw_combo_row_get_selected (mode_row), ==, 0);
  /* The guess names the earlier file, shown as it is. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (mode_row)), "R&D <Oct>.csv"));
  /* Each count with its plural: "1 model no longer listed", 「掲載されていないモデル 1 件」 */
  expected = g_strdup_printf (_("As the new version of the sheet: %s. "),
                              g_str_equal (language, "ja")
                              ? "値の変更 6 件、取り下げ 1 件、掲載されていないモデル 1 件"
                              : "6 values changed, 1 withdrawn, 1 model no longer listed");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (status), expected));
  shot = g_strdup_printf ("sheetver-assistant-%s.png", language);
  lb_test_save_screenshot (GTK_WIDGET (assistant), shot);

  /* Choosing "adds to the leaderboard" checks again: nothing withdrawn then. */
  adw_combo_row_set_selected (mode_row, 1);
  lb_test_spin (100);
  lb_test_wait_idle (assistant);
  g_free (expected);
  expected = g_strdup_printf (_("Adding to the leaderboard: %s. "),
                              g_str_equal (language, "ja") ? "値の変更 6 件" : "6 values changed");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (status), expected));
  gtk_window_destroy (GTK_WINDOW (assistant));
  lb_test_iterate (5);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("LB_LOCALEDIR");

  g_setenv ("LEADERBOARD_DB", "/nonexistent/never-used.db", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add ("/sheet-versions-page/en", Fixture, "en", fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/sheet-versions-page/ja", Fixture, "ja", fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/sheet-versions-page/assistant/en", Fixture, "en", fixture_setup, test_assistant, fixture_teardown);
  g_test_add ("/sheet-versions-page/assistant/ja", Fixture, "ja", fixture_setup, test_assistant, fixture_teardown);
  return g_test_run ();
}
