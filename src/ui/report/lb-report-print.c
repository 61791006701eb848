/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-report-print.c: printing the review report and saving it as PDF */

#define G_LOG_DOMAIN "lb-report-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lb-report-print.h"

typedef struct {
  LbReport  *report;
  GSettings *settings;
  GtkWindow *parent;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->report, lb_report_unref);
  g_clear_object (&data->settings);
  g_clear_object (&data->parent);
  g_free (data);
}

static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static GtkPageSetup *
remembered_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) value = NULL;
  GtkPageSetup *setup = NULL;

  if (settings_has_key (settings, "page-setup"))
    {
      value = g_settings_get_value (settings, "page-setup");
      if (g_variant_n_children (value) > 0)
        setup = gtk_page_setup_new_from_gvariant (value);
    }
  if (setup == NULL)
    {
      /* The locale's paper: Letter in the US and Canada, A4 elsewhere. */
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, paper);
    }
  return setup;
}

static GtkPrintSettings *
remembered_print_settings (GSettings *settings)
{
  g_autoptr(GVariant) value = NULL;

  if (!settings_has_key (settings, "print-settings"))
    return NULL;
  value = g_settings_get_value (settings, "print-settings");
  if (g_variant_n_children (value) == 0)
    return NULL;
  return gtk_print_settings_new_from_gvariant (value);
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LbReport          *report)
{
  /* With the full page in points, the page is laid out for the paper the user chose. */
  guint n_pages = lb_report_paginate (report, gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              LbReport          *report)
{
  lb_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintData               *data)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    lb_report_print_remember (data->settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (data->parent, _("The Report Could Not Be Printed"), error);
    }
}

void
lb_report_print_remember (GSettings        *settings,
                          GtkPrintSettings *print_settings)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPaperSize *paper;

  if (print_settings == NULL || !settings_has_key (settings, "print-settings"))
    return;
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));

  /* The page setup chosen in the dialog lives in the print settings. */
  if (!settings_has_key (settings, "page-setup"))
    return;
  setup = gtk_page_setup_new ();
  paper = gtk_print_settings_get_paper_size (print_settings);
  if (paper != NULL)
    {
      gtk_page_setup_set_paper_size (setup, paper);
      gtk_paper_size_free (paper);
    }
  gtk_page_setup_set_orientation (setup, gtk_print_settings_get_orientation (print_settings));
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

GtkPrintOperation *
lb_report_print_operation_new (LbReport  *report,
                               GSettings *settings)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) print_settings = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report keeps its own margins, within any printer's hard margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Leaderboard review"));
  setup = remembered_page_setup (settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  print_settings = remembered_print_settings (settings);
  if (print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, print_settings);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         lb_report_ref (report), (GClosureNotify) (void (*) (void)) lb_report_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         lb_report_ref (report), (GClosureNotify) (void (*) (void)) lb_report_unref, 0);
  return operation;
}

void
lb_report_print_suggest_name (GtkPrintOperation *operation,
                              const char        *file_name)
{
  GtkPrintSettings *print_settings;
  g_autofree char *base = NULL;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (file_name != NULL);

  print_settings = gtk_print_operation_get_print_settings (operation);
  if (print_settings == NULL)
    {
      g_autoptr(GtkPrintSettings) fresh = gtk_print_settings_new ();

      gtk_print_operation_set_print_settings (operation, fresh);
      print_settings = gtk_print_operation_get_print_settings (operation);
    }
  /* "Print to File" adds the extension of the format chosen. */
  base = g_str_has_suffix (file_name, ".pdf") ? g_strndup (file_name, strlen (file_name) - 4)
                                              : g_strdup (file_name);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
  /* The last file printed to would win over the name; its folder is kept. */
  if (gtk_print_settings_get (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI) != NULL)
    {
      g_autoptr(GFile) last = g_file_new_for_uri (gtk_print_settings_get (print_settings,
                                                                          GTK_PRINT_SETTINGS_OUTPUT_URI));
      g_autoptr(GFile) dir = g_file_get_parent (last);

      if (dir != NULL)
        {
          g_autofree char *dir_uri = g_file_get_uri (dir);

          gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, dir_uri);
        }
      gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, NULL);
    }
}

/* The dialog opens on the Comparison tab: the first thing seen is what will be printed. The
 * tab is put into the dialog's notebook after the signal returns, so this runs from an idle. */
static gboolean
show_comparison_tab_cb (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GtkWidget) box = g_weak_ref_get (ref);
  GtkWidget *notebook = box != NULL ? gtk_widget_get_ancestor (box, GTK_TYPE_NOTEBOOK) : NULL;

  if (notebook != NULL)
    {
      GtkWidget *page = box;

      while (page != NULL && gtk_widget_get_parent (page) != NULL &&
             gtk_notebook_page_num (GTK_NOTEBOOK (notebook), page) < 0)
        page = gtk_widget_get_parent (page);
      if (page != NULL && gtk_notebook_page_num (GTK_NOTEBOOK (notebook), page) >= 0)
        gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook),
                                       gtk_notebook_page_num (GTK_NOTEBOOK (notebook), page));
    }
  g_weak_ref_clear (ref);
  g_free (ref);
  return G_SOURCE_REMOVE;
}

static GObject *
create_comparison_widget_cb (GtkPrintOperation *operation,
                             const char        *comparison)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("This report holds the comparison shown on the Compare page:"));
  GtkWidget *label = gtk_label_new (comparison);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_name (label, "lb-print-comparison");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  {
    GtkWidget *hint = gtk_label_new (_("To print another comparison, cancel and change it on the Compare "
                                       "page. The printer is chosen on the General tab."));

    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (box), hint);
  }
  g_weak_ref_init (ref, box);
  g_idle_add (show_comparison_tab_cb, ref);
  return G_OBJECT (box);
}

void
lb_report_print_show_comparison (GtkPrintOperation *operation,
                                 const char        *comparison)
{
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (comparison != NULL);

  gtk_print_operation_set_custom_tab_label (operation, _("Comparison"));
  g_signal_connect_data (operation, "create-custom-widget", G_CALLBACK (create_comparison_widget_cb),
                         g_strdup (comparison), (GClosureNotify) (void (*) (void)) g_free, 0);
}

void
lb_report_print (GtkWindow  *parent,
                 LbReport   *report,
                 GSettings  *settings,
                 const char *suggested_name,
                 const char *comparison)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintData *data;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (report != NULL);

  operation = lb_report_print_operation_new (report, settings);
  if (suggested_name != NULL)
    lb_report_print_suggest_name (operation, suggested_name);
  if (comparison != NULL)
    lb_report_print_show_comparison (operation, comparison);
  data = g_new0 (PrintData, 1);
  data->report = lb_report_ref (report);
  data->settings = settings != NULL ? g_object_ref (settings) : NULL;
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), data,
                         (GClosureNotify) (void (*) (void)) print_data_free, 0);
  gtk_print_operation_set_allow_async (operation, TRUE);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, _("The Report Could Not Be Printed"), error);
}

/* ---- PDF export ---- */

typedef struct {
  LbReport             *report;
  GtkWindow            *parent;
  GtkFileChooserNative *chooser;
  LbPaper               paper;
  char                 *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->report, lb_report_unref);
  g_clear_object (&data->parent);
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
  g_free (data->path);
  g_free (data);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!lb_report_render_pdf_finish (data->report, result, &error))
    {
      show_error (data->parent, _("The Report Could Not Be Saved"), error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_strdup (data->path), g_free);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  GCancellable *cancellable;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  data->path = file != NULL ? g_file_get_path (file) : NULL;
  if (data->path == NULL)
    {
      GError *error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("The report can only be saved to a folder on this computer. "
                                     "Choose a local folder."));
      show_error (data->parent, _("The Report Could Not Be Saved"), error);
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  lb_report_render_pdf_async (data->report, data->paper, data->path, cancellable,
                              render_done_cb, g_steal_pointer (&task));
}

void
lb_report_export_pdf (GtkWindow           *parent,
                      LbReport            *report,
                      GSettings           *settings,
                      const char          *suggested_name,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GTask *task;
  ExportData *data;
  const char *paper_name;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (report != NULL);

  data = g_new0 (ExportData, 1);
  data->report = lb_report_ref (report);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  setup = remembered_page_setup (settings);
  paper_name = gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup));
  data->paper = g_strcmp0 (paper_name, GTK_PAPER_NAME_LETTER) == 0 ? LB_PAPER_LETTER : LB_PAPER_A4;

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, lb_report_export_pdf);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  data->chooser = gtk_file_chooser_native_new (_("Export Report as PDF"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), suggested_name);
  g_signal_connect (data->chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

char *
lb_report_export_pdf_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lb_report_export_pdf, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
