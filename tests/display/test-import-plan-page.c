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
#include "lb-import-assistant.h"
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
  /* 3 models: the 平均 row is left out, and the status says so in a warning. */
  g_assert_nonnull (strstr (lb_import_assistant_get_status (assistant), "3"));
  lb_test_iterate (10);
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-summary-row.png");

  button = find_button_with_label (GTK_WIDGET (assistant), _("Import anyway"));
  g_assert_nonnull (button);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
  lb_test_wait_idle (assistant);
  g_assert_true (lb_importer_get_row_forced (lb_import_assistant_get_importer (assistant), 7));
  lb_test_save_screenshot (GTK_WIDGET (assistant), "import-summary-row-forced.png");
  gtk_window_destroy (GTK_WINDOW (assistant));
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
  return g_test_run ();
}
