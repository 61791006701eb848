/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display-ja.c: builds the main window and the import assistant in Japanese (LANGUAGE=ja,
 * the .mo built from po/ja.po) through their real code, walks every widget and fails on any
 * English word left from the program. Words of the user's data (the fixture's cells, file and
 * leaderboard names) and a short list of names that stay in Latin letters are allowed. Runs
 * under Xvfb (build-aux/test.sh). With LB_SCREENSHOT_DIR set it saves PNGs of what it shows. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "display-util.h"
#include "lb-history-page.h"
#include "lb-import-assistant.h"
#include "lb-importer.h"
#include "lb-overview-page.h"
#include "lb-preferences-window.h"
#include "lb-record-form.h"
#include "lb-review-report.h"
#include "lb-store.h"
#include "lb-value.h"
#include "lb-phrase-breaks.h"
#include "lb-window.h"
#include "../util/xlsx-fixture.h"

/* Names that are the same in Japanese: formats, encodings, products, the study. */
static const char * const allowed_words[] = {
  "API", "BOM", "CP932", "CSV", "Ctrl", "Excel", "IEEE", "JIS", "JSON", "LBOM", "LBOps",
  "Leaderboard", "PDF", "SHA", "Shift", "TSE", "URL", "UTF", "Unicode", "Web", "Windows", "Zhao", "sep", "shot",
};

typedef struct {
  char       *dir;
  char       *db_path;
  LbStore    *store;
  GHashTable *user_words;   /* words of the user's data: allowed */
  GPtrArray  *english;      /* "where: text" of every string with a program word in English */
} Fixture;

static void
add_words (GHashTable *words,
           const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("[A-Za-z]+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (words, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) csv = lb_test_import_fixture ("wide-cp932.csv");
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  f->dir = g_dir_make_tmp ("lb-display-ja-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "leaderboard.db", NULL);
  f->store = lb_store_open (f->db_path, &error);
  g_assert_no_error (error);
  lb_store_set_user (f->store, "Tester");
  f->english = g_ptr_array_new_with_free_func (g_free);

  /* The user's data: every cell of the fixture, its file name, the database path, the user. */
  f->user_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_assert_true (g_file_load_contents (csv, NULL, &bytes, &len, NULL, &error));
  g_assert_no_error (error);
  text = g_convert (bytes, len, "UTF-8", "CP932", NULL, NULL, &error);
  g_assert_no_error (error);
  add_words (f->user_words, text);
  add_words (f->user_words, g_file_peek_path (csv));
  add_words (f->user_words, f->db_path);
  add_words (f->user_words, "Tester");
  add_words (f->user_words, g_get_user_name ());
  add_words (f->user_words, g_get_real_name ());
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  lb_test_remove_tree (f->dir);
  g_clear_pointer (&f->user_words, g_hash_table_unref);
  g_clear_pointer (&f->english, g_ptr_array_unref);
  g_free (f->db_path);
  g_free (f->dir);
}

/* TRUE when @word (ASCII letters) is a word of the program left in English. */
static gboolean
is_program_word (Fixture    *f,
                 const char *word)
{
  if (strlen (word) < 3 || g_hash_table_contains (f->user_words, word))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed_words); i++)
    if (g_str_equal (word, allowed_words[i]))
      return FALSE;
  return TRUE;
}

/* Records @text (seen at @where) if it holds an English word of the program. */
static void
check_text (Fixture    *f,
            const char *where,
            const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL || *text == '\0')
    return;
  /* Words: runs of ASCII letters not glued to digits (P1, 5-shot, CP932 are codes). */
  regex = g_regex_new ("(?<![A-Za-z0-9])[A-Za-z]+(?![A-Za-z0-9])", 0, 0, NULL);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);

      if (is_program_word (f, word))
        {
          g_ptr_array_add (f->english, g_strdup_printf ("%s: “%s” (%s)", where, text, word));
          return;
        }
      g_match_info_next (match, NULL);
    }
}

static void
check_menu (Fixture    *f,
            const char *where,
            GMenuModel *menu)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (f, where, label);
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) sub = g_menu_link_iter_get_value (links);

          check_menu (f, where, sub);
        }
    }
}

static void
check_string_model (Fixture    *f,
                    const char *where,
                    GListModel *model)
{
  if (!GTK_IS_STRING_LIST (model))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    check_text (f, where, gtk_string_list_get_string (GTK_STRING_LIST (model), i));
}

/* Every string a widget shows or may show: its labels, tooltip, placeholder, menu and choices. */
static void
walk (Fixture    *f,
      GtkWidget  *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  /* A hidden widget shows nothing: such as AdwEntryRow's unused “Apply” button, which
     Debian's libadwaita catalog leaves in English. Pages of a stack are visible widgets. */
  if (!gtk_widget_get_visible (widget))
    return;

  /* The fixture's cells in the preview and the ranking are user data, checked by words. */
  check_text (f, type, tooltip);
  if (GTK_IS_LABEL (widget))
    check_text (f, type, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget))
    check_text (f, type, gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    {
      check_text (f, type, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
      check_menu (f, type, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
    }
  /* The window's menu buttons get their menus when first opened: the menus themselves. */
  if (LB_IS_WINDOW (widget))
    {
      check_menu (f, type, G_MENU_MODEL (gtk_widget_get_template_child (widget, LB_TYPE_WINDOW, "primary_menu")));
      check_menu (f, type, G_MENU_MODEL (gtk_widget_get_template_child (widget, LB_TYPE_WINDOW, "leaderboard_menu")));
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text (f, type, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    check_text (f, type, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_EXPANDER_ROW (widget))
    check_text (f, type, adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));
  if (ADW_IS_COMBO_ROW (widget))
    check_string_model (f, type, adw_combo_row_get_model (ADW_COMBO_ROW (widget)));
  if (GTK_IS_DROP_DOWN (widget))
    check_string_model (f, type, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)));
  if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text (f, type, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      check_text (f, type, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      check_text (f, type, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      check_text (f, type, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      check_text (f, type, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      check_text (f, type, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  if (GTK_IS_WINDOW (widget))
    check_text (f, type, gtk_window_get_title (GTK_WINDOW (widget)));
  if (GTK_IS_ENTRY (widget))
    check_text (f, type, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  if (GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_TEXT (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (f, type, placeholder);
    }
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          check_text (f, "GtkColumnViewColumn", gtk_column_view_column_get_title (column));
          check_menu (f, "GtkColumnViewColumn", gtk_column_view_column_get_header_menu (column));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (f, child);
}

static void
assert_all_japanese (Fixture    *f,
                     const char *what)
{
  for (guint i = 0; i < f->english->len; i++)
    g_test_message ("%s: English left: %s", what, (char *) g_ptr_array_index (f->english, i));
  g_assert_cmpuint (f->english->len, ==, 0);
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

/* The GtkLabel under @widget whose text is @text. */
static GtkLabel *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens the assistant on the CP932 fixture, checks it in Japanese, then imports the file. */
static gint64
import_in_japanese (Fixture *f)
{
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-cp932.csv");
  LbImportAssistant *assistant = lb_import_assistant_new (f->store, file, 0);
  GtkWidget *button = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button");
  gint64 id = 0;

  gtk_window_set_default_size (GTK_WINDOW (assistant), 900, 760);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_nonnull (lb_import_assistant_get_importer (assistant));
  /* The plan in Japanese: "4 行をインポートできます: 結果 8 件、…" */
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "4 行をインポートできます"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lb_import_assistant_get_column_row (assistant, 1))),
                   ==, "自動検出");
  walk (f, GTK_WIDGET (assistant));
  check_text (f, "status", lb_import_assistant_get_status (assistant));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "ja-import-assistant.png");

  /* Issue 15.8: the detected encoding and layout are shown whole, wrapped, not cut. */
  {
    GtkWidget *encoding = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "encoding_row");
    GtkLabel *shown = find_label_with (encoding, "検出: 日本語 Shift-JIS / CP932 (Excel の「CSV」)");

    g_assert_nonnull (shown);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shown)));
    g_assert_true (gtk_label_get_wrap (shown));
    g_assert_cmpint (gtk_label_get_ellipsize (shown), ==, PANGO_ELLIPSIZE_NONE);
  }

  /* Issue 15.8: header buttons show no access key in Japanese (「キャンセル(C)」 cluttered). */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "インポート");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "cancel_button"))),
                   ==, "キャンセル");

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_connect (assistant, "imported", G_CALLBACK (imported_cb), &id);
  g_object_ref (assistant);
  g_signal_emit_by_name (button, "clicked");
  lb_test_wait_idle (assistant);
  g_object_unref (assistant);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- tests ---- */

/* The sheet choice of a workbook, in Japanese. */
static void
test_import_xlsx_sheets (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "評価表.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LbImportAssistant *assistant;
  AdwComboRow *sheet_row;

  xlsx_write_quarters (path);
  add_words (f->user_words, "Model-B Model-C JMMLU MT-bench GPT Q1 Q2 N/A xlsx");
  assistant = lb_import_assistant_new (f->store, file, 0);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 900, 760);
  gtk_window_present (GTK_WINDOW (assistant));
  lb_test_wait_idle (assistant);
  g_assert_nonnull (lb_import_assistant_get_importer (assistant));
  sheet_row = ADW_COMBO_ROW (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "sheet_row"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (sheet_row)), 2),
                   ==, "メモ（表なし）");
  walk (f, GTK_WIDGET (assistant));
  check_text (f, "status", lb_import_assistant_get_status (assistant));
  check_text (f, "sheet", adw_action_row_get_subtitle (ADW_ACTION_ROW (sheet_row)));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "ja-import-xlsx-sheets-ask.png");
  adw_combo_row_set_selected (sheet_row, 1);
  lb_test_wait_idle (assistant);
  walk (f, GTK_WIDGET (assistant));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "ja-import-xlsx-sheet.png");
  assert_all_japanese (f, "import assistant (workbook)");
  gtk_window_destroy (GTK_WINDOW (assistant));
}

static void
test_translation_loaded (void)
{
  /* Without the catalog every other check here would pass vacuously on English. */
  g_assert_cmpstr (_("Overview"), ==, "概要");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u model", "%u models", 3), ==, "%u モデル");
}

static void
test_dates (void)
{
  static const struct {
    const char *stored;
    const char *date;
    const char *datetime;
  } cases[] = {
    { "2026-11-28",           "2026年11月28日", "2026年11月28日" },
    { "2026-01-05",           "2026年1月5日",   "2026年1月5日" },
    { "2026-11-28T03:04:05Z", "2026年11月28日", "2026年11月28日 03:04" },
    { "not a date",           "not a date",     "not a date" },
  };
  GDate due;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *d = lb_date_text_to_display (cases[i].stored);
      g_autofree char *dt = lb_datetime_text_to_display (cases[i].stored);

      g_assert_cmpstr (d, ==, cases[i].date);
      g_assert_cmpstr (dt, ==, cases[i].datetime);
    }
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, 28, G_DATE_DECEMBER, 2026);
  {
    g_autofree char *text = lb_review_state_describe (LB_REVIEW_DUE, &due);

    g_assert_cmpstr (text, ==, "次回のレビュー予定日: 2026年12月28日");
  }
}

/* The checker itself: program English is found, user data and the allowed names are not. */
static void
test_checker (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *hidden = gtk_label_new ("Hidden widgets show nothing");

  g_object_ref_sink (box);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("GPT-4o、Claude 3.5 Sonnet (wide-cp932.csv)"));
  gtk_box_append (GTK_BOX (box), gtk_label_new ("CSV UTF-8 (BOM 付き)、P1、5-shot"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "JMMLU の 85.3%");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "Evaluated on 2024年9月1日");
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_set_visible (hidden, FALSE);
  gtk_box_append (GTK_BOX (box), hidden);
  walk (f, box);
  g_assert_cmpuint (f->english->len, >=, 1);
  for (guint i = 0; i < f->english->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (f->english, i), "(Evaluated)"));
  g_object_unref (box);
}

static void
test_main_window (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const pages[] = { "overview", "results", "compare", "smells", "history" };
  gint64 id = import_in_japanese (f);
  g_autoptr(LbLeaderboard) lb = NULL;
  LbWindow *window;
  LbOverviewPage *overview;
  GtkWidget *review_row;

  assert_all_japanese (f, "import assistant");
  lb = lb_store_get_leaderboard (f->store, id, NULL);
  g_assert_nonnull (lb);
  add_words (f->user_words, lb->name);

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  window = g_object_new (LB_TYPE_WINDOW, "store", f->store, "database-path", f->db_path,
                         "default-width", 1100, "default-height", 760, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, id);

  /* Reviewed today: the dates on the overview are written the Japanese way. */
  overview = LB_OVERVIEW_PAGE (lb_window_get_page (LB_WINDOW (window), "overview"));
  g_signal_emit_by_name (lb_test_template_child (overview, LB_TYPE_OVERVIEW_PAGE, "reviewed_button"), "clicked");
  adw_combo_row_set_selected (ADW_COMBO_ROW (lb_test_template_child (overview, LB_TYPE_OVERVIEW_PAGE, "cadence_row")),
                              LB_CADENCE_MONTHLY);
  lb_test_iterate (5);
  review_row = lb_test_template_child (overview, LB_TYPE_OVERVIEW_PAGE, "review_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (review_row)), ==,
                   "次回のレビュー予定日: 2026年12月28日");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review_row)), ==,
                   "最終レビュー日: 2026年11月28日");
  /* The stat card's date breaks after the year, never inside the day (「2026年12月2 / 日」). */
  {
    GtkWidget *newest = lb_test_template_child (overview, LB_TYPE_OVERVIEW_PAGE, "newest_label");
    const char *text = gtk_label_get_text (GTK_LABEL (newest));

    g_assert_true (g_regex_match_simple ("^[0-9]{4}年\n[0-9]{1,2}月[0-9]{1,2}日$", text, 0, 0));
  }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("ja-page-%s.png", pages[i]);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                             pages[i]);
      lb_test_iterate (5);
      walk (f, GTK_WIDGET (window));
      lb_test_assert_unique_access_keys (adw_view_stack_get_visible_child (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack"))),
                                         pages[i]);
      lb_test_save_screenshot (GTK_WIDGET (window), name);
    }
  lb_test_spin (900);   /* let the overview's pending save run before the window goes */
  assert_all_japanese (f, "main window");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LEADERBOARD_NOW");
}

/* The review report in Japanese: its PDF's text (pdftotext) holds no English of the program,
 * and its dates are written the Japanese way. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbReport) report = NULL;
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(LbReviewReportOptions) options = lb_review_report_options_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;
  gint64 id = import_in_japanese (f);

  g_ptr_array_set_size (f->english, 0);   /* the assistant is checked in every-page */
  lb = lb_store_get_leaderboard (f->store, id, NULL);
  add_words (f->user_words, lb->name);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  lb_review_report_options_set_prepared_by (options, "山田 花子");
  report = lb_review_report_build (f->store, id, options, &error);
  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  g_unsetenv ("LEADERBOARD_NOW");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "2026年11月28日"));
  g_assert_nonnull (strstr (text, "出所"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    check_text (f, "report", lines[i]);
  assert_all_japanese (f, "report");
}

static void
test_empty_window (Fixture       *f,
                   gconstpointer  data)
{
  LbWindow *window = g_object_new (LB_TYPE_WINDOW, "store", f->store, "database-path", f->db_path,
                                   "default-width", 1100, "default-height", 760, NULL);

  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  walk (f, GTK_WIDGET (window));
  lb_test_save_screenshot (GTK_WIDGET (window), "ja-empty-state.png");
  /* A pill button: no access key shown in Japanese. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (lb_test_template_child (window, LB_TYPE_WINDOW, "empty_import_button"))),
                   ==, "表計算ファイルをインポート…");
  assert_all_japanese (f, "empty window");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_window (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *prefs = lb_preferences_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (prefs));
  lb_test_iterate (5);
  lb_test_save_screenshot (prefs, "ja-preferences.png");
  walk (f, prefs);
  assert_all_japanese (f, "preferences window");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  GObject *overlay;
  g_autoptr(GError) error = NULL;

  /* GtkBuilder translates with the default domain only when told which one. */
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, "/org/example/Leaderboard/lb-help-overlay.ui", &error);
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  lb_test_iterate (5);
  walk (f, GTK_WIDGET (overlay));
  assert_all_japanese (f, "shortcuts window");
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* The byte ranges lb_phrase_break_attrs() keeps on one line, as "start-end start-end". */
static char *
kept_together (const char *text)
{
  g_autoptr(PangoAttrList) attrs = lb_phrase_break_attrs (text);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GSList) list = NULL;

  if (attrs == NULL)
    return g_strdup ("none");
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_ALLOW_BREAKS);
      g_string_append_printf (out, "%s%.*s", out->len > 0 ? "|" : "",
                              (int) (attr->end_index - attr->start_index), text + attr->start_index);
      pango_attribute_destroy (attr);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Issue 15.8: wrapped Japanese breaks between phrases (「欠/損値」「くださ/い」「ウィンド/ウ」 were
 * broken mid-word); explanations get the attributes, labels beside other widgets do not. */
static void
test_phrase_breaks (void)
{
  g_autofree char *a = kept_together ("欠損値を確認してください。");
  g_autofree char *b = kept_together ("ウィンドウにドロップしてください");
  g_autofree char *c = kept_together ("2026年12月16日");
  g_autofree char *d = kept_together ("No Japanese here");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *explanation = gtk_label_new ("スコアにポインターを合わせると出所を表示します。");
  GtkWidget *beside = gtk_label_new ("要確認の項目があります。");

  g_assert_cmpstr (a, ==, "欠損値を|確認してください");
  g_assert_cmpstr (b, ==, "ウィンドウに|ドロップしてください");
  g_assert_cmpstr (c, ==, "2026年|12月|16日");
  g_assert_cmpstr (d, ==, "none");

  lb_phrase_breaks_install ();
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_wrap (GTK_LABEL (beside), TRUE);
  gtk_box_append (GTK_BOX (box), explanation);
  gtk_box_append (GTK_BOX (row), beside);
  gtk_box_append (GTK_BOX (row), gtk_button_new_with_label ("OK"));
  gtk_box_append (GTK_BOX (box), row);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  g_assert_nonnull (gtk_label_get_attributes (GTK_LABEL (explanation)));
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (beside)));
  /* A new text gets its own phrases. */
  gtk_label_set_label (GTK_LABEL (explanation), "English only");
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (explanation)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 15.3: a smell group's description (a label that takes markup) widened a 360 px
 * window to 410 px: its phrases, merged into the markup's attributes, became one run. */
static void
test_phrase_breaks_markup (void)
{
  const char *description = "説明が不明確で、読み手が意味や測定方法を判断できないものがあります。\n"
                            "確認する点: 「スコア」や「列1」といった名前の列、説明のないベンチマーク、単位のない数値、"
                            "大きいほど良いのか小さいほど良いのかの記載がないもの。";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  int min = 0;

  lb_phrase_breaks_install ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (label), TRUE);
  gtk_label_set_label (GTK_LABEL (label), "欠損値を確認してください。");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), label);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  gtk_widget_measure (group, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 150);
  /* The plain text shows as it did, with its phrases. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "欠損値を確認してください。");
  g_assert_nonnull (gtk_label_get_attributes (GTK_LABEL (label)));
  /* Markup that comes later is markup again, not shown as tags. */
  gtk_label_set_label (GTK_LABEL (label), "<b>欠損値</b>を確認してください。");
  lb_test_iterate (2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "欠損値を確認してください。");
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  gtk_window_destroy (GTK_WINDOW (window));
}

extern int _nl_msg_cat_cntr;

/* The first action row under @widget whose title holds @needle, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *needle)
{
  if (ADW_IS_ACTION_ROW (widget)
      && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), needle) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A sheet imported in English: its warnings read in Japanese on the History page (they are
 * kept as a code and arguments, not as the English text). */
static void
test_history_warnings (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "warnings.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LbImportOutcome) outcome = { 0 };
  GtkWidget *history;
  GtkListBox *list;
  LbWindow *window;

  g_assert_true (g_file_set_contents (csv, "Model,JMMLU,MT-bench\nA,0.61,7.1\nB,abc,6.9\n", -1, NULL));
  file = g_file_new_for_path (csv);
  g_setenv ("LANGUAGE", "C", TRUE);
  ++_nl_msg_cat_cntr;
  importer = lb_importer_new (file, NULL, f->store, NULL, &error);
  g_assert_no_error (error);
  lb_importer_run (importer, f->store, "English import", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                   &outcome, &error);
  g_setenv ("LANGUAGE", "ja", TRUE);
  ++_nl_msg_cat_cntr;
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.warnings->len, ==, 1);
  g_assert_nonnull (strstr (((LbWarning *) g_ptr_array_index (outcome.warnings, 0))->message,
                            "is not a number"));

  window = g_object_new (LB_TYPE_WINDOW, "store", f->store, "database-path", f->db_path,
                         "default-width", 1100, "default-height", 760, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "history");
  history = lb_window_get_page (LB_WINDOW (window), "history");
  for (guint i = 0; i < 500 && lb_history_page_is_busy (LB_HISTORY_PAGE (history)); i++)
    lb_test_spin (10);
  lb_test_iterate (5);
  list = GTK_LIST_BOX (lb_test_template_child (history, LB_TYPE_HISTORY_PAGE, "list"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, 0)), TRUE);
  lb_test_iterate (5);
  /* The row's subtitle says where; its title the rest, in Japanese. */
  g_assert_nonnull (find_row_titled (GTK_WIDGET (list), "「abc」は数値ではないため、B には JMMLU のスコアがありません。"));
  g_assert_null (find_row_titled (GTK_WIDGET (list), "is not a number"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("LB_LOCALEDIR");

  g_setenv ("LEADERBOARD_DB", "/nonexistent/never-used.db", TRUE);
  g_setenv ("LANGUAGE", "ja", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* gtk_test_init() pins the locale to en_US (or C where that is missing, and gettext ignores
     LANGUAGE in C): take the environment's again, C.UTF-8 here. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  /* The catalog built from po/ja.po in the build tree, as the app binds its installed one. */
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/Leaderboard/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/display-ja/catalog/loaded", test_translation_loaded);
  g_test_add_func ("/display-ja/dates/japanese", test_dates);
  g_test_add_func ("/display-ja/phrase-breaks", test_phrase_breaks);
  g_test_add_func ("/display-ja/phrase-breaks/markup", test_phrase_breaks_markup);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/display-ja/checker/finds-english", test_checker);
  ADD ("/display-ja/window/empty-state", test_empty_window);
  ADD ("/display-ja/window/shortcuts", test_shortcuts_window);
  ADD ("/display-ja/window/preferences", test_preferences_window);
  ADD ("/display-ja/window/every-page", test_main_window);
  ADD ("/display-ja/report/pdf", test_report);
  ADD ("/display-ja/history/warnings-in-reader-language", test_history_warnings);
  ADD ("/display-ja/import/xlsx-sheets", test_import_xlsx_sheets);
#undef ADD
  return g_test_run ();
}
