/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-import-assistant.c: preview, column mapping, dry run and import of a CSV file */

#define G_LOG_DOMAIN "lb-import-assistant"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-column-row.h"
#include "lb-csv-reader.h"
#include "lb-import-assistant.h"
#include "lb-record-item.h"
#include "lb-row-number-cell.h"
#include "lb-warning-row.h"
#include "lb-cell-ref.h"

/* Waits for the user to stop changing things before the (whole-file) dry run. */
#define CHECK_DELAY_MS 250

static const struct {
  const char *encoding;
  const char *label;
} encodings[] = {
  { LB_ENCODING_UTF8, N_("UTF-8") },
  { LB_ENCODING_UTF8_BOM, N_("UTF-8 with BOM (Excel “CSV UTF-8”)") },
  { LB_ENCODING_CP932, N_("Japanese Shift-JIS / CP932 (Excel “CSV”)") },
  { LB_ENCODING_UTF16LE, N_("UTF-16 LE (Excel “Unicode Text”)") },
  { LB_ENCODING_UTF16BE, N_("UTF-16 BE") },
  { LB_ENCODING_WINDOWS1252, N_("Western / Windows-1252") },
};

static const struct {
  gunichar    delimiter;
  const char *label;
} delimiters[] = {
  { ',', N_("Comma ( , )") },
  { ';', N_("Semicolon ( ; )") },
  { '\t', N_("Tab") },
  { '|', N_("Bar ( | )") },
};

static const struct {
  char        separator;
  const char *label;
} decimals[] = {
  { '.', N_("Point ( 85.3 )") },
  { ',', N_("Comma ( 85,3 )") },
};

/* A choice the user made for a column, kept by header so it survives re-reading the file. */
typedef struct {
  gboolean     has_role;
  LbColumnRole role;
  gboolean     has_unit;
  char        *unit;
  gboolean     has_direction;
  gboolean     higher_is_better;
  char        *stderr_of;       /* the header of the benchmark column a standard error is of, or NULL */
} Choice;

struct _LbImportAssistant
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkButton          *cancel_button;
  GtkButton          *import_button;
  GtkStack           *stack;
  GtkWidget          *status_box;
  GtkImage           *status_icon;
  GtkLabel           *status_label;
  GtkCheckButton     *force_check;
  AdwComboRow        *mode_row;
  AdwComboRow        *provenance_row;
  AdwComboRow        *sheet_row;
  GtkStringList      *sheet_list;
  AdwComboRow        *encoding_row;
  GtkStringList      *encoding_list;
  AdwComboRow        *delimiter_row;
  GtkStringList      *delimiter_list;
  AdwComboRow        *decimal_row;
  GtkStringList      *decimal_list;
  AdwActionRow       *header_row;
  AdwActionRow       *format_row;
  GtkSpinButton      *header_spin;
  GtkButton          *header_confirm_button;
  AdwComboRow        *layout_row;
  GtkWidget          *preview_group;
  GtkColumnView      *preview_view;
  GtkWidget          *columns_group;
  GtkListBox         *columns_list;
  AdwComboRow        *target_row;
  GtkStringList      *target_list;
  AdwEntryRow        *name_row;
  GtkWidget          *warnings_group;
  GtkListBox         *warnings_list;
  AdwStatusPage      *progress_page;
  GtkProgressBar     *progress_bar;

  /* owned */
  LbStore            *store;
  GFile              *file;
  LbImporter         *importer;
  GHashTable         *choices;        /* header → Choice* */
  GPtrArray          *targets;        /* of LbLeaderboard*, the existing ones in target_row order after "new" */
  GListStore         *preview_rows;   /* of LbRecordItem borrowing LbCsvRecord from the importer */
  GCancellable       *check_cancellable;
  GCancellable       *import_cancellable;
  GPtrArray          *column_rows;    /* of LbColumnRow*, borrowed: the rows of columns_list by column */
  char               *proposed_name;
  GPtrArray          *sheet_names;    /* of char*, a workbook's sheets in sheet_row order, or NULL */

  gint64              current_leaderboard;
  guint               check_id;
  guint               read_sheet;     /* the sheet, encoding, delimiter and header rows as last read */
  guint               read_encoding;
  gboolean            read_sheet_chosen; /* the user picked the sheet */
  guint               read_delimiter;
  guint               read_decimal;
  guint               read_header;
  int                 layout_choice;  /* -1: as detected */
  gboolean            updating;       /* widgets are being filled in from the importer */
  gboolean            header_confirmed; /* the user took the row shown although another is as likely */
  gboolean            checking;
  gboolean            mode_chosen;    /* the user picked the mode: kept across re-reads */
  gboolean            recheck;
  gboolean            importing;
  gboolean            ready;
};

G_DEFINE_FINAL_TYPE (LbImportAssistant, lb_import_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void request_check (LbImportAssistant *self);

static void
choice_free (Choice *choice)
{
  g_free (choice->unit);
  g_free (choice->stderr_of);
  g_free (choice);
}

static Choice *
choice_for (LbImportAssistant *self,
            const char        *header)
{
  Choice *choice = g_hash_table_lookup (self->choices, header);

  if (choice == NULL)
    {
      choice = g_new0 (Choice, 1);
      g_hash_table_insert (self->choices, g_strdup (header), choice);
    }
  return choice;
}

static LbColumnSpec *
spec_for (LbImportAssistant *self,
          guint              column)
{
  GPtrArray *specs = self->importer != NULL ? lb_importer_get_columns (self->importer) : NULL;

  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (specs, i);

      if (spec->column == column)
        return spec;
    }
  return NULL;
}

static void
notify_busy (LbImportAssistant *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_status (LbImportAssistant *self,
            const char        *icon,
            const char        *css,
            const char        *text)
{
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_remove_css_class (self->status_box, "error");
  gtk_widget_remove_css_class (self->status_box, "success");
  gtk_widget_remove_css_class (self->status_box, "dim");
  gtk_widget_remove_css_class (self->status_box, "warning");
  if (css != NULL)
    gtk_widget_add_css_class (self->status_box, css);
  gtk_label_set_label (self->status_label, text);
}

static void
set_ready (LbImportAssistant *self,
           gboolean           ready)
{
  self->ready = ready;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ready && !self->importing);
}

/* ---- the preview ---- */

static char *
column_title (LbColumnSpec *spec,
              LbLayout      layout)
{
  g_autofree char *letter = lb_column_letter (spec->column);
  const char *role = lb_column_role_label (spec->role);

  /* a long table's benchmarks each have their own direction: the column has none */
  if (spec->role == LB_COLUMN_SCORE && layout == LB_LAYOUT_LONG)
    return g_strdup_printf ("%s · %s\n%s%s%s", letter, spec->header, role,
                            spec->unit != NULL ? " " : "", spec->unit != NULL ? spec->unit : "");
  if (spec->role == LB_COLUMN_SCORE)
    return g_strdup_printf ("%s · %s\n%s%s%s %s", letter, spec->header, role,
                            spec->unit != NULL ? " " : "", spec->unit != NULL ? spec->unit : "",
                            spec->higher_is_better ? "↑" : "↓");
  return g_strdup_printf ("%s · %s\n%s", letter, spec->header, role);
}

static void
setup_preview_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_preview_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  guint index = GPOINTER_TO_UINT (data);
  LbCsvRecord *record = lb_record_item_get (gtk_list_item_get_item (item));
  const char *text = index < record->n_fields ? record->fields[index] : "";

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), *text != '\0' ? text : NULL);
}

static void
clear_preview (LbImportAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  g_list_store_remove_all (self->preview_rows);
}

static void
add_row_number_column (LbImportAssistant *self);

/* A width that shows the column's longest text in the preview, within reason: the column
 * view sizes columns from the rows it has seen, which truncates names like "Claude 3.5 Sonnet". */
static int
preview_width (GPtrArray    *records,
               LbColumnSpec *spec,
               LbLayout      layout)
{
  g_autofree char *title = column_title (spec, layout);
  char **lines = g_strsplit (title, "\n", -1);
  int widest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    widest = MAX (widest, (int) g_utf8_strlen (lines[i], -1));
  g_strfreev (lines);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      LbCsvRecord *record = g_ptr_array_index (records, i);
      const char *text = spec->column - 1 < record->n_fields ? record->fields[spec->column - 1] : "";
      int width = 0;

      /* Wide (CJK) characters take about two columns. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      widest = MAX (widest, width);
    }
  return CLAMP (widest * 8 + 20, 60, 280);
}

static void
fill_preview (LbImportAssistant *self)
{
  GPtrArray *specs = lb_importer_get_columns (self->importer);
  GPtrArray *records = lb_importer_get_preview (self->importer);

  clear_preview (self);
  add_row_number_column (self);
  for (guint i = 0; i < specs->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (specs, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = column_title (spec, lb_importer_get_layout (self->importer));
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_preview_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_preview_cb), GUINT_TO_POINTER (spec->column - 1));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, preview_width (records, spec,
                                                                      lb_importer_get_layout (self->importer)));
      gtk_column_view_append_column (self->preview_view, column);
    }
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      g_autoptr(LbRecordItem) item = lb_record_item_new (g_ptr_array_index (records, i), NULL);

      g_list_store_append (self->preview_rows, item);
    }
}

/* The row number, and for a summary row (平均, Total, ...) that it is left out, with a
 * check button to import it anyway. */
static void
force_toggled_cb (LbRowNumberCell   *cell,
                  guint              record,
                  gboolean           forced,
                  LbImportAssistant *self)
{
  if (self->updating || self->importer == NULL)
    return;
  lb_importer_set_row_forced (self->importer, record, forced);
  request_check (self);
}

static void
setup_row_number_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LbImportAssistant        *self)
{
  GtkWidget *cell = lb_row_number_cell_new ();

  g_signal_connect_object (cell, "force-toggled", G_CALLBACK (force_toggled_cb), self, 0);
  gtk_list_item_set_child (item, cell);
}

static void
bind_row_number_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LbImportAssistant        *self)
{
  LbCsvRecord *record = lb_record_item_get (gtk_list_item_get_item (item));
  gboolean summary = self->importer != NULL
    && lb_importer_get_row_summary (self->importer, record->record) != LB_SUMMARY_NONE;
  gboolean forced = summary && lb_importer_get_row_forced (self->importer, record->record);

  lb_row_number_cell_show (LB_ROW_NUMBER_CELL (gtk_list_item_get_child (item)), record->record,
                           summary, forced);
}

static void
add_row_number_column (LbImportAssistant *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_number_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_number_cb), self);
  column = gtk_column_view_column_new (_("Row"), factory);
  gtk_column_view_append_column (self->preview_view, column);
}

static void
update_preview_titles (LbImportAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  GPtrArray *specs = lb_importer_get_columns (self->importer);

  /* Column 0 is the row number. */
  for (guint i = 0; i < specs->len && i + 1 < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i + 1);
      g_autofree char *title = column_title (g_ptr_array_index (specs, i),
                                             lb_importer_get_layout (self->importer));

      gtk_column_view_column_set_title (column, title);
    }
}

/* ---- the column rows ---- */

/* How the role of @spec's column was set, and for a benchmark where its unit and direction
 * come from. */
static char *
column_subtitle (LbImportAssistant  *self,
                 const LbColumnSpec *spec)
{
  gboolean score = spec->role == LB_COLUMN_SCORE;
  const char *how;

  if (!spec->role_detected)
    how = _("your choice");
  else if (lb_importer_get_mapping_remembered (self->importer))
    how = _("remembered from the last import of this sheet");
  else
    how = _("detected");
  if (score && lb_importer_get_layout (self->importer) == LB_LAYOUT_LONG)
    {
      /* a row per result: no direction to choose here, each benchmark has its own */
      g_autofree char *direction_text = lb_importer_dup_direction_text (self->importer);

      /* TRANSLATORS: a column's subtitle: how its role was set ("detected"), then where its
       * benchmarks' directions come from ("direction per benchmark, as the file states") */
      return g_strdup_printf (_("%s; %s"), how, direction_text);
    }
  if (score && (spec->unit_detected || spec->direction_detected))
    return g_strdup_printf (_("%s; unit and direction guessed from the name and values"), how);
  return g_strdup (how);
}

static void
update_column_row (LbImportAssistant *self,
                   LbColumnRow       *row,
                   LbColumnSpec      *spec)
{
  g_autofree char *subtitle = column_subtitle (self, spec);

  lb_column_row_show (row, spec, lb_importer_get_columns (self->importer),
                      lb_importer_get_layout (self->importer) == LB_LAYOUT_LONG, subtitle);
}

/* The choice kept for @row's column, or NULL when the file no longer has it. */
static Choice *
row_choice (LbImportAssistant *self,
            LbColumnRow       *row)
{
  LbColumnSpec *spec = spec_for (self, lb_column_row_get_column (row));

  return spec != NULL ? choice_for (self, spec->header) : NULL;
}

static void
role_chosen_cb (LbColumnRow       *row,
                guint              role,
                LbImportAssistant *self)
{
  Choice *choice = row_choice (self, row);

  if (self->updating || choice == NULL)
    return;
  choice->has_role = TRUE;
  choice->role = role;
  request_check (self);
}

static void
unit_chosen_cb (LbColumnRow       *row,
                const char        *unit,
                LbImportAssistant *self)
{
  Choice *choice = row_choice (self, row);

  if (self->updating || choice == NULL)
    return;
  choice->has_unit = TRUE;
  g_free (choice->unit);
  choice->unit = g_strdup (unit);
  request_check (self);
}

static void
direction_chosen_cb (LbColumnRow       *row,
                     gboolean           higher_is_better,
                     LbImportAssistant *self)
{
  Choice *choice = row_choice (self, row);

  if (self->updating || choice == NULL)
    return;
  choice->has_direction = TRUE;
  choice->higher_is_better = higher_is_better;
  request_check (self);
}

static void
stderr_of_chosen_cb (LbColumnRow       *row,
                     guint              column,
                     LbImportAssistant *self)
{
  Choice *choice = row_choice (self, row);
  LbColumnSpec *target = column != 0 ? spec_for (self, column) : NULL;

  if (self->updating || choice == NULL)
    return;
  g_free (choice->stderr_of);
  choice->stderr_of = target != NULL ? g_strdup (target->header) : NULL;
  request_check (self);
}

static void
fill_columns (LbImportAssistant *self)
{
  GPtrArray *specs = lb_importer_get_columns (self->importer);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint i = 0; i < specs->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (specs, i);
      GtkWidget *row = lb_column_row_new (spec);

      update_column_row (self, LB_COLUMN_ROW (row), spec);
      g_signal_connect_object (row, "role-chosen", G_CALLBACK (role_chosen_cb), self, 0);
      g_signal_connect_object (row, "unit-chosen", G_CALLBACK (unit_chosen_cb), self, 0);
      g_signal_connect_object (row, "direction-chosen", G_CALLBACK (direction_chosen_cb), self, 0);
      g_signal_connect_object (row, "stderr-of-chosen", G_CALLBACK (stderr_of_chosen_cb), self, 0);
      gtk_list_box_append (self->columns_list, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

/* ---- reading the file ---- */

static void
fill_reader_options (LbImportAssistant *self)
{
  const LbCsvDialect *dialect = lb_importer_get_dialect (self->importer);
  g_autofree char *enc_label = NULL;
  g_autofree char *delim_label = NULL;
  g_autofree char *header_subtitle = NULL;
  const char *delim_name = NULL;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_strcmp0 (dialect->encoding, encodings[i].encoding) == 0)
      enc_label = g_strdup_printf (_("Detected: %s"), _(encodings[i].label));
  if (dialect->encoding_detected)
    {
      const char *label = enc_label != NULL ? enc_label : dialect->encoding;

      if (g_strcmp0 (gtk_string_list_get_string (self->encoding_list, 0), label) != 0)
        gtk_string_list_splice (self->encoding_list, 0, 1, (const char * const[]) { label, NULL });
      adw_combo_row_set_selected (self->encoding_row, 0);
      self->read_encoding = 0;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), dialect->encoding_reason);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), _("Your choice"));
  /* Text that decodes but reads as mojibake: say so where the encoding is chosen. */
  if (lb_importer_get_encoding_warning (self->importer) != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row),
                                   lb_importer_get_encoding_warning (self->importer));
      gtk_widget_add_css_class (GTK_WIDGET (self->encoding_row), "warning");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->encoding_row), "warning");

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (dialect->delimiter == delimiters[i].delimiter)
      delim_name = _(delimiters[i].label);
  if (dialect->delimiter_detected)
    {
      delim_label = g_strdup_printf (_("Detected: %s"), delim_name ? delim_name : "?");
      if (g_strcmp0 (gtk_string_list_get_string (self->delimiter_list, 0), delim_label) != 0)
        gtk_string_list_splice (self->delimiter_list, 0, 1, (const char * const[]) { delim_label, NULL });
      adw_combo_row_set_selected (self->delimiter_row, 0);
      self->read_delimiter = 0;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row),
                                   dialect->sep_line ? _("Given by the “sep=” line at the top of the file")
                                                     : _("Detected from the consistent number of fields"));
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), _("Your choice"));

  /* The decimal separator, guessed from the cells ("0,853", "85,3 %"). */
  if (dialect->decimal_separator_detected)
    {
      g_autofree char *label = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (decimals); i++)
        if (dialect->decimal_separator == decimals[i].separator)
          label = g_strdup_printf (_("Detected: %s"), _(decimals[i].label));
      if (label != NULL && g_strcmp0 (gtk_string_list_get_string (self->decimal_list, 0), label) != 0)
        gtk_string_list_splice (self->decimal_list, 0, 1, (const char * const[]) { label, NULL });
      adw_combo_row_set_selected (self->decimal_row, 0);
      self->read_decimal = 0;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row),
                                   _("Guessed from how the numbers in the cells are written"));
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row), _("Your choice"));

  gtk_spin_button_set_value (self->header_spin, dialect->header_record);
  self->read_header = dialect->header_record;
  if (!dialect->header_detected)
    header_subtitle = g_strdup (_("Your choice"));
  else if (dialect->header_reason != NULL)
    /* Not row 1, or two rows equally likely: say which and why. */
    header_subtitle = g_strdup_printf (_("Guessed: %s"), dialect->header_reason);
  else
    header_subtitle = g_strdup_printf (_("Detected: row %u holds the column names"), dialect->header_record);
  adw_action_row_set_subtitle (self->header_row, header_subtitle);
  /* Two rows equally likely: nothing is imported until the user says which. */
  if (dialect->header_detected && dialect->header_alternative != 0)
    {
      g_autofree char *label = g_strdup_printf (_("Use row %u"), dialect->header_record);

      gtk_button_set_label (self->header_confirm_button, label);
      gtk_widget_add_css_class (GTK_WIDGET (self->header_row), "warning");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->header_row), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->header_confirm_button),
                          dialect->header_detected && dialect->header_alternative != 0);

  adw_combo_row_set_selected (self->layout_row, lb_importer_get_layout (self->importer));
  if (lb_importer_get_layout_detected (self->importer))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->layout_row), _("Detected"));
  else if (self->layout_choice < 0 && lb_importer_get_mapping_remembered (self->importer))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->layout_row),
                                 _("Remembered from the last import of this sheet"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->layout_row), _("Your choice"));
  self->updating = FALSE;
}

/* A workbook offers its sheets (data sheets first) instead of an encoding and a delimiter; a
 * result file (JSON) says which format it is, and has neither. */
static void
fill_sheets (LbImportAssistant *self)
{
  GPtrArray *sheets = lb_importer_get_sheets (self->importer);
  const char *sheet = lb_importer_get_sheet (self->importer);
  const char *format = lb_importer_get_source_format (self->importer);
  gboolean workbook = sheets != NULL;

  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), format != NULL);
  if (format != NULL)
    {
      /* Translators: the subtitle of "Format" for a result file; %s is e.g. "Arena leaderboard ratings" */
      g_autofree char *subtitle = g_strdup_printf (_("Detected from the content: %s"), format);

      adw_action_row_set_subtitle (self->format_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), workbook);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), !workbook && format == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), !workbook && format == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->decimal_row), !workbook && format == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->header_row), format == NULL);
  if (workbook && self->sheet_names == NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      self->sheet_names = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < sheets->len; i++)
        {
          LbXlsxSheet *s = g_ptr_array_index (sheets, i);

          if (s->part == NULL)
            continue;
          g_ptr_array_add (self->sheet_names, g_strdup (s->name));
          if (s->hidden)
            /* Translators: a sheet in the sheet drop-down that Excel hides */
            g_ptr_array_add (labels, g_strdup_printf (_("%s (hidden)"), s->name));
          else if (!s->has_table)
            /* Translators: a sheet in the sheet drop-down with no table in it */
            g_ptr_array_add (labels, g_strdup_printf (_("%s (no table)"), s->name));
          else
            g_ptr_array_add (labels, g_strdup (s->name));
        }
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (self->sheet_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sheet_list)),
                              (const char * const *) labels->pdata);
    }
  if (workbook)
    {
      for (guint i = 0; i < self->sheet_names->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->sheet_names, i), sheet) == 0)
          {
            adw_combo_row_set_selected (self->sheet_row, i);
            self->read_sheet = i;
          }
      if (lb_importer_get_sheet_ambiguous (self->importer))
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sheet_row),
                                       _("Several sheets hold a table: check that this is the one to import"));
          gtk_widget_add_css_class (GTK_WIDGET (self->sheet_row), "warning");
        }
      else
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sheet_row),
                                       self->read_sheet_chosen ? _("Your choice")
                                                               : _("Detected: the only sheet with a table"));
          gtk_widget_remove_css_class (GTK_WIDGET (self->sheet_row), "warning");
        }
    }
  self->updating = FALSE;
}

static void
apply_choices (LbImportAssistant *self)
{
  GPtrArray *specs = lb_importer_get_columns (self->importer);

  if (self->layout_choice >= 0)
    lb_importer_set_layout (self->importer, self->layout_choice);
  for (guint i = 0; i < specs->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (specs, i);
      Choice *choice = g_hash_table_lookup (self->choices, spec->header);

      if (choice == NULL)
        continue;
      if (choice->has_role)
        lb_importer_set_column_role (self->importer, spec->column, choice->role);
      if (choice->has_unit)
        lb_importer_set_column_unit (self->importer, spec->column, choice->unit);
      if (choice->has_direction)
        lb_importer_set_column_direction (self->importer, spec->column, choice->higher_is_better);
    }
  /* After the roles: the benchmark a standard error is of must be a score column by then. */
  for (guint i = 0; i < specs->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (specs, i);
      Choice *choice = g_hash_table_lookup (self->choices, spec->header);

      if (choice == NULL || choice->stderr_of == NULL || spec->role != LB_COLUMN_STDERR)
        continue;
      for (guint j = 0; j < specs->len; j++)
        {
          LbColumnSpec *other = g_ptr_array_index (specs, j);

          if (other->role == LB_COLUMN_SCORE && g_strcmp0 (other->header, choice->stderr_of) == 0)
            lb_importer_set_column_stderr_of (self->importer, spec->column, other->column);
        }
    }
}

static void
read_file (LbImportAssistant *self)
{
  LbCsvOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  guint enc = adw_combo_row_get_selected (self->encoding_row);
  guint delim = adw_combo_row_get_selected (self->delimiter_row);
  guint decimal = adw_combo_row_get_selected (self->decimal_row);
  guint sheet = adw_combo_row_get_selected (self->sheet_row);
  gboolean new_sheet = self->sheet_names != NULL && sheet != self->read_sheet;

  if (new_sheet)
    self->read_sheet_chosen = TRUE;
  self->read_sheet = sheet;
  self->read_encoding = enc;
  self->read_delimiter = delim;
  self->read_decimal = decimal;
  self->read_header = gtk_spin_button_get_value_as_int (self->header_spin);

  /* Row 0 of each list is "detected"; the rest follow the tables. */
  if (enc > 0 && enc <= G_N_ELEMENTS (encodings))
    options.encoding = encodings[enc - 1].encoding;
  if (delim > 0 && delim <= G_N_ELEMENTS (delimiters))
    options.delimiter = delimiters[delim - 1].delimiter;
  if (decimal > 0 && decimal <= G_N_ELEMENTS (decimals))
    options.decimal_separator = decimals[decimal - 1].separator;
  if (self->sheet_names != NULL && self->read_sheet_chosen && sheet < self->sheet_names->len)
    options.sheet = g_ptr_array_index (self->sheet_names, sheet);
  /* Another sheet has its own header row. */
  if (self->importer != NULL && !new_sheet)
    {
      const LbCsvDialect *dialect = lb_importer_get_dialect (self->importer);
      guint header = gtk_spin_button_get_value_as_int (self->header_spin);

      if (header != dialect->header_record || !dialect->header_detected || self->header_confirmed)
        options.header_record = header;
      self->header_confirmed = FALSE;
    }

  clear_preview (self);
  g_clear_object (&self->importer);
  self->importer = lb_importer_new (self->file, &options, self->store, NULL, &error);
  if (self->importer == NULL)
    {
      g_ptr_array_set_size (self->column_rows, 0);
      while (gtk_widget_get_first_child (GTK_WIDGET (self->columns_list)) != NULL)
        gtk_list_box_remove (self->columns_list, gtk_widget_get_first_child (GTK_WIDGET (self->columns_list)));
      gtk_widget_set_visible (self->preview_group, FALSE);
      gtk_widget_set_visible (self->columns_group, FALSE);
      gtk_widget_set_visible (self->warnings_group, FALSE);
      set_status (self, "dialog-error-symbolic", "error", error->message);
      set_ready (self, FALSE);
      if (enc > 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), _("Your choice"));
      if (delim > 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), _("Your choice"));
      /* An encoding chosen by the user may be what fails: keep the choice visible to change. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->layout_row), FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->layout_row), TRUE);
  gtk_widget_set_visible (self->preview_group, TRUE);
  gtk_widget_set_visible (self->columns_group, TRUE);
  apply_choices (self);
  fill_sheets (self);
  fill_reader_options (self);
  fill_columns (self);
  fill_preview (self);
  request_check (self);
}

/* ---- the target ---- */

static const char *
target_name (LbImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);

  if (selected == 0 || selected > self->targets->len)
    return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  return ((LbLeaderboard *) g_ptr_array_index (self->targets, selected - 1))->name;
}

static void
fill_targets (LbImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lb_store_list_leaderboards (self->store, &error);
  g_autofree char *base = g_file_get_basename (self->file);
  char *dot;
  guint select = 0;

  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  g_free (self->proposed_name);
  self->proposed_name = g_strdup (base);

  gtk_string_list_append (self->target_list, _("A new leaderboard"));
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      LbLeaderboard *lb = g_ptr_array_index (list, i);

      gtk_string_list_append (self->target_list, lb->name);
      if (g_strcmp0 (lb->name, self->proposed_name) == 0)
        select = i + 1;
      else if (select == 0 && lb->id == self->current_leaderboard && self->importer != NULL &&
               lb_importer_get_mapping_remembered (self->importer))
        select = i + 1;
    }
  if (list != NULL)
    self->targets = g_steal_pointer (&list);
  else
    self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_leaderboard_free);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->proposed_name);
  adw_combo_row_set_selected (self->target_row, select);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), select == 0);
  self->updating = FALSE;
}

/* ---- checking: a dry run of the whole import ---- */

static void
show_warnings (LbImportAssistant *self,
               GPtrArray         *warnings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      LbWarning *w = g_ptr_array_index (warnings, i);
      LbColumnSpec *spec = w->column > 0 ? spec_for (self, w->column) : NULL;
      GtkWidget *row = lb_warning_row_new (w, spec != NULL ? spec->header : NULL);

      gtk_list_box_append (self->warnings_list, row);
    }
  gtk_widget_set_visible (self->warnings_group, warnings != NULL && warnings->len > 0);
}

static LbImportFlags
run_flags (LbImportAssistant *self)
{
  return gtk_check_button_get_active (self->force_check) ? LB_IMPORT_FLAGS_FORCE : LB_IMPORT_FLAGS_NONE;
}

static void
dry_run_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LbImportAssistant) self = user_data;
  LbImportOutcome outcome = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = lb_importer_run_finish (LB_IMPORTER (source), result, &outcome, &error);
  self->checking = FALSE;

  if (self->recheck || (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) ||
      (error != NULL && g_error_matches (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_CANCELLED)) ||
      LB_IMPORTER (source) != self->importer)
    {
      lb_import_outcome_clear (&outcome);
      if (self->recheck && !gtk_widget_in_destruction (GTK_WIDGET (self)))
        {
          self->recheck = FALSE;
          request_check (self);
        }
      notify_busy (self);
      return;
    }

  if (!ok)
    {
      gboolean duplicate = g_error_matches (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_DUPLICATE_FILE);

      g_autofree char *message = duplicate
        ? g_strdup_printf ("%s %s", error->message,
                           _("To import it again anyway, tick “Import this file again anyway” below."))
        : g_strdup (error->message);

      gtk_widget_set_visible (GTK_WIDGET (self->force_check), duplicate);
      set_status (self, "dialog-error-symbolic", "error", message);
      show_warnings (self, NULL);
      set_ready (self, FALSE);
    }
  else
    {
      g_autofree char *text = NULL;
      g_autofree char *extra = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->force_check),
                              gtk_check_button_get_active (self->force_check));
      {
        /* Before anything is written: which mode applies, and what it would change. */
        g_autofree char *ready = g_strdup_printf (ngettext ("Ready to import %u record: ", "Ready to import %u records: ",
                                                            outcome.records), outcome.records);
        g_autofree char *changes = lb_import_outcome_counts (&outcome, outcome.mode == LB_IMPORT_MODE_REPLACE
                                                                         ? LB_OUTCOME_VALUES_CHANGED | LB_OUTCOME_WITHDRAWN
                                                                           | LB_OUTCOME_UNLISTED
                                                                         : LB_OUTCOME_VALUES_CHANGED);
        g_autofree char *mode = outcome.mode == LB_IMPORT_MODE_REPLACE
          ? g_strdup_printf (_("As the new version of the sheet: %s. "), changes)
          : g_strdup_printf (_("Adding to the leaderboard: %s. "), changes);

        text = g_strconcat (mode, ready, NULL);
      }
      {
        g_autofree char *counts = lb_import_outcome_counts (&outcome, LB_OUTCOME_RESULTS | LB_OUTCOME_GAPS
                                                                      | LB_OUTCOME_NEW_MODELS | LB_OUTCOME_NEW_BENCHMARKS
                                                                      | LB_OUTCOME_WARNINGS);

        /* TRANSLATORS: the counts of an import, then a full stop: "12 results, 1 warning." */
        extra = g_strdup_printf (_("%s."), counts);
      }
      if (outcome.summary_rows > 0)
        {
          g_autofree char *more = g_strdup_printf (ngettext (" %u summary row is left out (see the preview).",
                                                             " %u summary rows are left out (see the preview).",
                                                             outcome.summary_rows),
                                                   outcome.summary_rows);
          char *longer = g_strconcat (extra, more, NULL);

          g_free (extra);
          extra = longer;
        }
      {
        g_autofree char *full = g_strconcat (text, extra, NULL);

        if (outcome.warnings->len > 0)
          set_status (self, "dialog-warning-symbolic", "warning", full);
        else
          set_status (self, "emblem-ok-symbolic", "success", full);
      }
      show_warnings (self, outcome.warnings);
      set_ready (self, TRUE);
    }
  lb_import_outcome_clear (&outcome);
  notify_busy (self);
}

static gboolean
check_cb (gpointer user_data)
{
  LbImportAssistant *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = NULL;
  const char *name;

  self->check_id = 0;
  if (self->importer == NULL || self->importing)
    {
      notify_busy (self);
      return G_SOURCE_REMOVE;
    }

  apply_choices (self);
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      LbColumnRow *row = g_ptr_array_index (self->column_rows, i);
      LbColumnSpec *spec = spec_for (self, lb_column_row_get_column (row));

      if (spec != NULL)
        update_column_row (self, row, spec);
    }
  update_preview_titles (self);

  name = target_name (self);
  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*trimmed == '\0')
    {
      set_status (self, "dialog-error-symbolic", "error",
                  _("Give the new leaderboard a name, or choose an existing one to import into."));
      set_ready (self, FALSE);
      notify_busy (self);
      return G_SOURCE_REMOVE;
    }
  if (!lb_importer_check (self->importer, &error))
    {
      set_status (self, "dialog-error-symbolic", "error", error->message);
      show_warnings (self, NULL);
      set_ready (self, FALSE);
      notify_busy (self);
      return G_SOURCE_REMOVE;
    }

  /* The mode: the user's, or the guess for this leaderboard, saying why. */
  if (self->mode_chosen)
    {
      lb_importer_set_mode (self->importer,
                            adw_combo_row_get_selected (self->mode_row) == 0 ? LB_IMPORT_MODE_REPLACE
                                                                             : LB_IMPORT_MODE_ADD);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), _("Your choice"));
    }
  else
    {
      g_autofree char *reason = NULL;
      g_autofree char *subtitle = NULL;
      LbImportMode mode = lb_importer_guess_mode (self->importer, self->store, name, &reason);

      self->updating = TRUE;
      adw_combo_row_set_selected (self->mode_row, mode == LB_IMPORT_MODE_REPLACE ? 0 : 1);
      self->updating = FALSE;
      /* TRANSLATORS: under the mode the assistant guessed, e.g. "Guessed: the file has the same columns as …" */
      subtitle = g_strdup_printf (_("Guessed: %s"), reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), subtitle);
    }

  set_status (self, "content-loading-symbolic", "dim", _("Checking every row of the file…"));
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  self->checking = TRUE;
  lb_importer_set_user (self->importer, lb_store_get_user (self->store));
  lb_importer_run_async (self->importer, lb_store_get_path (self->store), name,
                         LB_IMPORT_FLAGS_DRY_RUN | run_flags (self), NULL, NULL,
                         self->check_cancellable, dry_run_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
request_check (LbImportAssistant *self)
{
  set_ready (self, FALSE);
  if (self->checking)
    {
      /* Never change the plan under a running dry run: cancel it, check again when it ends. */
      self->recheck = TRUE;
      g_cancellable_cancel (self->check_cancellable);
      return;
    }
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
  notify_busy (self);
}

/* ---- callbacks ---- */

static void
mode_changed_cb (LbImportAssistant *self)
{
  if (self->updating)
    return;
  self->mode_chosen = TRUE;
  request_check (self);
}

static void
reader_option_changed_cb (LbImportAssistant *self)
{
  /* The combo rows also notify when their list is relabelled ("Detected: …"): only a
   * different choice re-reads the file. */
  if (self->updating ||
      (adw_combo_row_get_selected (self->sheet_row) == self->read_sheet &&
       adw_combo_row_get_selected (self->encoding_row) == self->read_encoding &&
       adw_combo_row_get_selected (self->delimiter_row) == self->read_delimiter &&
       adw_combo_row_get_selected (self->decimal_row) == self->read_decimal &&
       (guint) gtk_spin_button_get_value_as_int (self->header_spin) == self->read_header))
    return;
  /* A running dry run keeps its own reference to the old importer and is ignored when done. */
  if (self->checking)
    g_cancellable_cancel (self->check_cancellable);
  read_file (self);
}

static void
header_confirm_clicked_cb (LbImportAssistant *self)
{
  if (self->checking)
    g_cancellable_cancel (self->check_cancellable);
  self->header_confirmed = TRUE;
  read_file (self);
}

static void
layout_changed_cb (LbImportAssistant *self)
{
  if (self->updating)
    return;
  self->layout_choice = adw_combo_row_get_selected (self->layout_row);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->layout_row), _("Your choice"));
  request_check (self);
}

static void
target_changed_cb (LbImportAssistant *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), adw_combo_row_get_selected (self->target_row) == 0);
  if (!self->updating)
    request_check (self);
}

static void
option_changed_cb (LbImportAssistant *self)
{
  if (!self->updating)
    request_check (self);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  LbImportAssistant *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LbImportAssistant) self = user_data;
  LbImportOutcome outcome = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_file_get_basename (self->file);

  self->importing = FALSE;
  gtk_button_set_label (self->cancel_button, C_("header button", "_Cancel"));
  if (!lb_importer_run_finish (LB_IMPORTER (source), result, &outcome, &error))
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                           g_error_matches (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_CANCELLED);

      if (gtk_widget_in_destruction (GTK_WIDGET (self)))
        return;
      gtk_stack_set_visible_child_name (self->stack, "plan");
      set_status (self, "dialog-error-symbolic", "error",
                  cancelled ? _("The import was cancelled. Nothing was changed in the database.")
                            : error->message);
      set_ready (self, cancelled);
      notify_busy (self);
      lb_import_outcome_clear (&outcome);
      return;
    }

  /* The worker wrote through its own connection: tell our store's listeners. */
  lb_store_emit_changed (self->store, outcome.leaderboard_id);
  g_signal_emit (self, signals[IMPORTED], 0, outcome.leaderboard_id, outcome.import_id,
                 outcome.results, base);
  lb_import_outcome_clear (&outcome);
  notify_busy (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_clicked_cb (LbImportAssistant *self)
{
  if (!self->ready || self->importing || self->importer == NULL)
    return;

  self->importing = TRUE;
  set_ready (self, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  lb_importer_set_user (self->importer, lb_store_get_user (self->store));
  /* the rows are in the order of LbProvenanceClass */
  G_STATIC_ASSERT (LB_PROVENANCE_NOT_STATED == 0 && LB_PROVENANCE_OURS == 3);
  lb_importer_set_provenance (self->importer, adw_combo_row_get_selected (self->provenance_row));
  lb_importer_run_async (self->importer, lb_store_get_path (self->store), target_name (self),
                         run_flags (self), import_progress_cb, self, self->import_cancellable,
                         import_done_cb, g_object_ref (self));
  notify_busy (self);
}

static void
cancel_clicked_cb (LbImportAssistant *self)
{
  if (self->importing)
    {
      g_cancellable_cancel (self->import_cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ---- */

static void
lb_import_assistant_dispose (GObject *object)
{
  LbImportAssistant *self = LB_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->preview_view != NULL)
    clear_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_IMPORT_ASSISTANT);
  G_OBJECT_CLASS (lb_import_assistant_parent_class)->dispose (object);
}

static void
lb_import_assistant_finalize (GObject *object)
{
  LbImportAssistant *self = LB_IMPORT_ASSISTANT (object);

  g_clear_object (&self->preview_rows);
  g_clear_object (&self->importer);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->proposed_name, g_free);
  g_clear_pointer (&self->sheet_names, g_ptr_array_unref);
  G_OBJECT_CLASS (lb_import_assistant_parent_class)->finalize (object);
}

static void
lb_import_assistant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LbImportAssistant *self = LB_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, lb_import_assistant_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_import_assistant_class_init (LbImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_import_assistant_dispose;
  object_class->finalize = lb_import_assistant_finalize;
  object_class->get_property = lb_import_assistant_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, status_box);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, status_label);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, force_check);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, sheet_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, mode_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, provenance_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, encoding_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, delimiter_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, decimal_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, header_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, format_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, header_spin);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, header_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, layout_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, preview_group);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, columns_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, target_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, target_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, name_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, progress_page);
  gtk_widget_class_bind_template_child (widget_class, LbImportAssistant, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, reader_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, layout_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lb_import_assistant_init (LbImportAssistant *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) choice_free);
  self->column_rows = g_ptr_array_new ();
  self->layout_choice = -1;
  self->preview_rows = g_list_store_new (LB_TYPE_RECORD_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview_rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  self->updating = TRUE;
  gtk_string_list_append (self->encoding_list, _("Detect"));
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (self->encoding_list, _(encodings[i].label));
  gtk_string_list_append (self->delimiter_list, _("Detect"));
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    gtk_string_list_append (self->delimiter_list, _(delimiters[i].label));
  gtk_string_list_append (self->decimal_list, _("Detect"));
  for (guint i = 0; i < G_N_ELEMENTS (decimals); i++)
    gtk_string_list_append (self->decimal_list, _(decimals[i].label));
  self->updating = FALSE;
}

LbImportAssistant *
lb_import_assistant_new (LbStore *store,
                         GFile   *file,
                         gint64   current_leaderboard)
{
  LbImportAssistant *self;
  g_autofree char *base = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LB_TYPE_IMPORT_ASSISTANT, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->current_leaderboard = current_leaderboard;
  base = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, base);

  self->updating = TRUE;
  read_file (self);
  fill_targets (self);
  self->updating = FALSE;
  return self;
}

LbImporter *
lb_import_assistant_get_importer (LbImportAssistant *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_ASSISTANT (self), NULL);
  return self->importer;
}

gboolean
lb_import_assistant_get_busy (LbImportAssistant *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->checking || self->importing || self->check_id != 0;
}

GtkWidget *
lb_import_assistant_get_column_row (LbImportAssistant *self,
                                    guint              column)
{
  g_return_val_if_fail (LB_IS_IMPORT_ASSISTANT (self), NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      LbColumnRow *row = g_ptr_array_index (self->column_rows, i);

      if (lb_column_row_get_column (row) == column)
        return GTK_WIDGET (row);
    }
  return NULL;
}

const char *
lb_import_assistant_get_status (LbImportAssistant *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_label_get_label (self->status_label);
}
