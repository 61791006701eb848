/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-results-page.c: the ranking table */

#define G_LOG_DOMAIN "lb-results-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "lb-csv-reader.h"
#include "lb-metadata-editor.h"
#include "lb-ranking-item.h"
#include "lb-results-page.h"
#include "lb-store.h"
#include "lb-value.h"
#include "lb-cell-ref.h"

#define N_TEXT_COLUMNS 3   /* model, version, provider; then the benchmarks, then the extras */

/* Columns after the benchmarks, for what else the sheet had and the store keeps. */
typedef enum {
  EXTRA_NONE,
  EXTRA_EVALUATED,   /* 評価日: the newest evaluation date of the row's results */
  EXTRA_NOTES,       /* 備考: the model's notes */
} ExtraColumn;

struct _LbResultsPage
{
  LbPage              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *filter_entry;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;

  /* owned */
  GPtrArray          *benchmarks;    /* of LbBenchmark*, in column order */
  GArray             *decimals;      /* of int, per benchmark: the most digits its cells showed */
  GHashTable         *imports;       /* import id → LbImport* */
  GListStore         *rows;          /* of LbRankingItem */
  GtkStringFilter    *filter;
  GtkSortListModel   *sort_model;
  LbRankingItem       *probe_a;
  LbRankingItem       *probe_b;

  gboolean            descending;    /* direction of the primary sort column */
  GHashTable         *user_widths;   /* column key ("model", "b:ID", …) → width the user dragged */
  gboolean            setting_width; /* a width set by the page, not by the user */
};

G_DEFINE_FINAL_TYPE (LbResultsPage, lb_results_page, LB_TYPE_PAGE)

#define STORE(page) lb_page_get_store (LB_PAGE (page))
#define LEADERBOARD_ID(page) lb_page_get_leaderboard_id (LB_PAGE (page))

typedef struct {
  LbResultsPage *self;   /* borrowed: the page owns the column */
  guint          index;  /* 0 model, 1 version, 2 provider, 3… benchmark, then the extras */
  ExtraColumn    extra;
  char          *name;   /* what a width the user gave it is remembered under */
} ColumnKey;

static void
column_key_free (gpointer data)
{
  ColumnKey *key = data;

  g_free (key->name);
  g_free (key);
}

static gboolean
is_benchmark (const ColumnKey *key)
{
  return key->extra == EXTRA_NONE && key->index >= N_TEXT_COLUMNS;
}

static LbBenchmark *
benchmark_at (LbResultsPage *self,
              guint          cell)
{
  return cell < self->benchmarks->len ? g_ptr_array_index (self->benchmarks, cell) : NULL;
}

/* @decimals < 0: as many as the number needs. */
static char *
format_score (double      score,
              int         decimals,
              const char *unit)
{
  g_autofree char *number = decimals >= 0 ? g_strdup_printf ("%.*f", decimals, score)
                          : fabs (score) < 1e6 ? g_strdup_printf ("%.6g", score)
                          : g_strdup_printf ("%.0f", score);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* "85.3%", but "380 ms" and "5 円", as Compare writes them. */
  return g_strconcat (number, g_str_equal (unit, "%") ? "" : " ", unit, NULL);
}

/* Digits after the decimal point in the cell as Excel displayed it ("72.0%" → 1). */
static int
raw_decimals (const char *raw)
{
  LbValue value;

  if (raw == NULL)
    return -1;
  lb_value_parse (raw, '.', &value);
  return value.kind == LB_VALUE_NUMBER ? MIN (value.decimals, 6) : -1;
}

static int
decimals_at (LbResultsPage *self,
             guint          cell)
{
  return cell < self->decimals->len ? g_array_index (self->decimals, int, cell) : -1;
}

static char *
describe_source (LbResultsPage *self,
                 gint64         import_id,
                 guint          row,
                 guint          column,
                 const char    *path)
{
  LbImport *import = g_hash_table_lookup (self->imports, &import_id);

  if (import_id != 0 && import == NULL)
    {
      g_autofree char *where = lb_cell_source_text (import_id, NULL, NULL, row, column, path);

      /* TRANSLATORS: "import 3, cell E4, of an import that was removed" */
      return g_strdup_printf (_("%s, of an import that was removed"), where);
    }
  return lb_cell_source_text (import_id, import != NULL ? import->file_name : NULL,
                              import != NULL ? import->sheet : NULL, row, column, path);
}

static char *
describe_result (LbResultsPage     *self,
                 const LbModel     *model,
                 const LbBenchmark *bench,
                 const LbResult    *r,
                 const LbResult    *previous)
{
  LbImport *import = g_hash_table_lookup (self->imports, &r->import_id);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = format_score (r->score, raw_decimals (r->raw), bench->unit);
  g_autofree char *origin = lb_provenance_dup_text (r->provenance, r->settings);
  g_autofree char *source = describe_source (self, r->import_id, r->source_row, r->source_column, r->source_path);

  /* The popover stands alone: it says whose score it is. */
  g_string_append_printf (text, _("%s — %s on %s"), value, model->name, bench->name);
  if (r->has_stderr)
    g_string_append_printf (text, _(" (± %.4g)"), r->stderr_value);
  g_string_append_c (text, '\n');
  if (r->source_path != NULL)
    /* a result file has no header row: the path says where */
    g_string_append_printf (text, _("Source: %s"), source);
  else
    g_string_append_printf (text, _("Source: %s (header “%s”)"), source, bench->name);
  if (origin != NULL)
    g_string_append_printf (text, "\n%s", origin);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Raw text: “%s”"), r->raw != NULL ? r->raw : "");
  g_string_append_c (text, '\n');
  if (r->evaluated_at != NULL)
    {
      g_autofree char *evaluated = lb_date_text_to_display (r->evaluated_at);

      g_string_append_printf (text, _("Evaluated on %s"), evaluated);
    }
  else
    g_string_append (text, _("Evaluation date not given"));
  if (import != NULL)
    {
      g_autofree char *imported = lb_date_text_to_display (import->imported_at);
      g_autofree char *who = lb_person_display (import->imported_by);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Imported on %s by %s"), imported, who);
    }
  if (r->model_version != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Model version on that row: %s"), r->model_version);
    }
  if (previous != NULL)
    {
      g_autofree char *old = format_score (previous->score, raw_decimals (previous->raw), bench->unit);
      g_autofree char *old_source = describe_source (self, previous->import_id, previous->source_row,
                                                     previous->source_column, previous->source_path);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Replaces %s from %s"), old, old_source);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
lb_results_page_describe_cell (LbResultsPage  *self,
                               gpointer        item,
                               guint           cell,
                               char          **tooltip)
{
  LbRankingItem *row = item;
  LbBenchmark *bench = benchmark_at (self, cell);
  const LbResult *r;
  const LbGap *gap;

  g_return_val_if_fail (LB_IS_RESULTS_PAGE (self), NULL);
  g_return_val_if_fail (LB_IS_RANKING_ITEM (row), NULL);
  g_return_val_if_fail (bench != NULL, NULL);

  r = lb_ranking_item_get_result (row, cell);
  if (r != NULL)
    {
      if (tooltip != NULL)
        *tooltip = describe_result (self, lb_ranking_item_get_model (row), bench, r,
                                    lb_ranking_item_get_previous (row, cell));
      return format_score (r->score, decimals_at (self, cell), bench->unit);
    }

  gap = lb_ranking_item_get_gap (row, cell);
  if (gap != NULL && gap->withdrawn)
    {
      /* A new version of the sheet left the cell empty: say what it withdrew, and where. */
      g_autofree char *where = lb_cell_key (gap->import_id, gap->source_row, gap->source_column,
                                            gap->source_path);
      g_autofree char *was_where = lb_cell_key (gap->was_import_id, gap->was_row, gap->was_column, NULL);
      g_autofree char *was = format_score (gap->was_score, raw_decimals (gap->was_raw), bench->unit);
      char *text = g_strdup_printf (_("— withdrawn in %s; was %s %s"), where, was, was_where);

      if (tooltip != NULL)
        {
          g_autofree char *source = describe_source (self, gap->import_id, gap->source_row, gap->source_column, gap->source_path);
          g_autofree char *was_source = describe_source (self, gap->was_import_id, gap->was_row,
                                                         gap->was_column, NULL);

          *tooltip = g_strdup_printf (_("Withdrawn by the new version of the sheet: %s (“%s”)\n"
                                        "Was %s from %s; it is no longer current and not counted."),
                                      source, gap->raw != NULL ? gap->raw : "", was, was_source);
        }
      return text;
    }
  if (tooltip != NULL && gap != NULL)
    {
      g_autofree char *source = describe_source (self, gap->import_id, gap->source_row, gap->source_column, gap->source_path);

      *tooltip = g_strdup_printf (_("No value: %s\nSource: %s\nRaw text: “%s”"),
                                  gap->reason != NULL ? _(gap->reason) : _("the cell held no number."),
                                  source, gap->raw != NULL ? gap->raw : "");
    }
  else if (tooltip != NULL)
    *tooltip = g_strdup_printf (_("No result for %s on %s in any import"),
                                lb_ranking_item_get_model (row)->name, bench->name);
  return g_strdup ("—");
}

/* ---- sorting: missing values last whichever the direction ---- */

/* The newest evaluation date among the row's current results (dates sort as text). */
static const char *
evaluated_of (LbRankingItem *row)
{
  const char *newest = NULL;

  for (guint i = 0; i < lb_ranking_item_get_n_cells (row); i++)
    {
      const LbResult *r = lb_ranking_item_get_result (row, i);

      if (r != NULL && r->evaluated_at != NULL && g_strcmp0 (r->evaluated_at, newest) > 0)
        newest = r->evaluated_at;
    }
  return newest;
}

static const char *
text_of (LbRankingItem    *row,
         const ColumnKey *key)
{
  const LbModel *m = lb_ranking_item_get_model (row);
  const char *text = key->extra == EXTRA_EVALUATED ? evaluated_of (row)
                   : key->extra == EXTRA_NOTES ? m->notes
                   : key->index == 0 ? m->name : key->index == 1 ? m->version : m->provider;

  return text != NULL && *text != '\0' ? text : NULL;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ColumnKey *key = user_data;
  LbRankingItem *ra = (LbRankingItem *) a, *rb = (LbRankingItem *) b;
  guint pa = lb_ranking_item_get_probe (ra), pb = lb_ranking_item_get_probe (rb);
  /* Returned for "a is missing": GtkColumnView inverts a descending column's order. */
  int missing_last = key->self->descending ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  gboolean a_missing, b_missing;

  if (pa != 0 || pb != 0)
    return pa < pb ? GTK_ORDERING_SMALLER : pa > pb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;

  if (!is_benchmark (key))
    {
      const char *ta = text_of (ra, key), *tb = text_of (rb, key);

      a_missing = ta == NULL;
      b_missing = tb == NULL;
      if (!a_missing && !b_missing)
        {
          int c = g_utf8_collate (ta, tb);

          return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
        }
    }
  else
    {
      guint cell = key->index - N_TEXT_COLUMNS;
      const LbResult *xa = lb_ranking_item_get_result (ra, cell);
      const LbResult *xb = lb_ranking_item_get_result (rb, cell);
      LbBenchmark *bench = benchmark_at (key->self, cell);
      /* "Ascending", a header's first click, is best first: higher scores first where higher
       * is better. */
      int better = bench != NULL && bench->higher_is_better ? -1 : 1;

      a_missing = xa == NULL;
      b_missing = xb == NULL;
      if (!a_missing && !b_missing)
        return xa->score < xb->score ? better * GTK_ORDERING_SMALLER
             : xa->score > xb->score ? better * GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  if (a_missing && b_missing)
    return GTK_ORDERING_EQUAL;
  return a_missing ? missing_last : -missing_last;
}

static void
view_sorter_changed_cb (LbResultsPage *self,
                        GtkSorterChange change,
                        GtkSorter     *sorter)
{
  /* GTK 4.8 has no getter for the sort order: ask the sorter about two probes that every
   * column orders a before b. */
  self->descending = gtk_sorter_compare (sorter, self->probe_a, self->probe_b) == GTK_ORDERING_LARGER;
}

/* ---- cells ---- */

static void
popover_closed_cb (GtkPopover *popover)
{
  gtk_widget_unparent (GTK_WIDGET (popover));
}

static void
show_popover (GtkWidget  *parent,
              const char *text,
              const char *action,
              gint64      target)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (action != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit Model…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, parent);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  /* A cell that goes away (the table reloaded after an edit or another program's import)
   * takes its popover with it: its text would be of a row no longer there. */
  g_signal_connect_object (parent, "unmap", G_CALLBACK (gtk_popover_popdown), popover, G_CONNECT_SWAPPED);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static char *
describe_history (LbResultsPage *self,
                  LbRankingItem  *row,
                  guint          cell)
{
  LbBenchmark *bench = benchmark_at (self, cell);
  const LbModel *model = lb_ranking_item_get_model (row);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *tooltip = NULL;
  g_autofree char *shown = lb_results_page_describe_cell (self, row, cell, &tooltip);

  g_string_append (text, tooltip);
  history = lb_store_list_cell_history (STORE (self), model->id, bench->id, &error);
  if (history == NULL)
    {
      g_string_append_printf (text, "\n\n%s", error->message);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (history->len > 0)
    g_string_append_printf (text, "\n\n%s", _("History, newest first:"));
  for (guint i = 0; i < history->len; i++)
    {
      LbResult *r = g_ptr_array_index (history, i);
      g_autofree char *value = format_score (r->score, raw_decimals (r->raw), bench->unit);
      g_autofree char *source = describe_source (self, r->import_id, r->source_row, r->source_column, r->source_path);

      g_string_append_printf (text, "\n%s %s — %s%s", r->current ? "●" : "○", value, source,
                              r->current ? _(" (current)") : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a click on a cell needs: the column, and the list item whose model it shows. */
typedef struct {
  ColumnKey   *key;
  GtkListItem *item;  /* owns the cell's label, so it outlives the click gesture */
} CellContext;

static void
cell_context_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CellContext     *context)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  ColumnKey *key = context->key;
  LbRankingItem *row = gtk_list_item_get_item (context->item);
  g_autofree char *text = NULL;

  if (row == NULL || STORE (key->self) == NULL)
    return;
  if (key->index == 0 && key->extra == EXTRA_NONE)
    {
      const LbModel *m = lb_ranking_item_get_model (row);

      text = g_strdup_printf (_("%s\nVersion: %s\nProvider: %s\nProvenance: %s\nNotes: %s"), m->name,
                              m->version ? m->version : "—", m->provider ? m->provider : "—",
                              m->provenance_url ? m->provenance_url : "—", m->notes ? m->notes : "—");
      show_popover (label, text, "results.edit-model", m->id);
      return;
    }
  text = describe_history (key->self, row, key->index - N_TEXT_COLUMNS);
  show_popover (label, text, NULL, 0);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnKey                *key)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkGesture *click;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), is_benchmark (key) ? 1.0 : 0.0);
  if (is_benchmark (key))
    gtk_widget_add_css_class (label, "numeric");
  if ((key->index == 0 && key->extra == EXTRA_NONE) || is_benchmark (key))
    {
      CellContext *context = g_new0 (CellContext, 1);

      context->key = key;
      context->item = item;
      click = gtk_gesture_click_new ();
      g_signal_connect_data (click, "pressed", G_CALLBACK (cell_pressed_cb), context,
                             cell_context_free, 0);
      gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnKey                *key)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  LbRankingItem *row = gtk_list_item_get_item (item);

  gtk_widget_remove_css_class (label, "missing");
  gtk_widget_remove_css_class (label, "superseded");
  if (!is_benchmark (key))
    {
      const char *text = text_of (row, key);
      g_autofree char *date = key->extra == EXTRA_EVALUATED && text != NULL ? lb_date_text_to_display (text) : NULL;

      if (date != NULL)
        text = date;
      gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "—");
      gtk_widget_set_tooltip_text (label, text);
      if (text == NULL)
        gtk_widget_add_css_class (label, "missing");
    }
  else
    {
      guint cell = key->index - N_TEXT_COLUMNS;
      g_autofree char *tooltip = NULL;
      g_autofree char *text = lb_results_page_describe_cell (key->self, row, cell, &tooltip);

      gtk_label_set_label (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_text (label, tooltip);
      const LbResult *current = lb_ranking_item_get_result (row, cell);
      const LbResult *previous = lb_ranking_item_get_previous (row, cell);

      if (current == NULL)
        gtk_widget_add_css_class (label, "missing");
      else if (previous != NULL && previous->score != current->score)
        gtk_widget_add_css_class (label, "superseded");
    }
}

/* TRUE when @name already ends in @unit within brackets, as in 「レイテンシ(ms)」 or
 * 「レイテンシ（ms）」 or "Latency [ms]": the header then names the unit once. */
static gboolean
name_shows_unit (const char *name,
                 const char *unit)
{
  static const char * const brackets[][2] = { { "(", ")" }, { "（", "）" }, { "[", "]" }, { "［", "］" } };
  g_autofree char *folded_name = g_utf8_casefold (name, -1);
  g_autofree char *folded_unit = g_utf8_casefold (unit, -1);

  for (guint i = 0; i < G_N_ELEMENTS (brackets); i++)
    {
      g_autofree char *tail = g_strconcat (brackets[i][0], folded_unit, brackets[i][1], NULL);

      if (g_str_has_suffix (folded_name, tail))
        return TRUE;
    }
  return FALSE;
}

static char *
benchmark_title (const LbBenchmark *bench)
{
  const char *arrow = bench->higher_is_better ? "↑" : "↓";
  const char *unknown = bench->direction_confirmed ? "" : "?";

  if (bench->unit != NULL && *bench->unit != '\0' && !name_shows_unit (bench->name, bench->unit))
    return g_strdup_printf ("%s (%s) %s%s", bench->name, bench->unit, arrow, unknown);
  return g_strdup_printf ("%s %s%s", bench->name, arrow, unknown);
}

/* A width dragged by the user is kept for the column (by name) across reloads, so an edit
 * that reloads the table does not undo it. */
static void
column_width_changed_cb (GtkColumnViewColumn *column,
                         GParamSpec          *pspec,
                         ColumnKey           *key)
{
  LbResultsPage *self = key->self;

  if (self->setting_width || gtk_column_view_column_get_fixed_width (column) <= 0)
    return;
  g_hash_table_insert (self->user_widths, g_strdup (key->name),
                       GINT_TO_POINTER (gtk_column_view_column_get_fixed_width (column)));
}

static GtkColumnViewColumn *
add_column (LbResultsPage *self,
            guint          index,
            ExtraColumn    extra,
            const char    *name,
            const char    *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnKey *key = g_new0 (ColumnKey, 1);
  GtkColumnViewColumn *column;
  g_autoptr(GtkSorter) sorter = NULL;

  key->self = self;
  key->index = index;
  key->extra = extra;
  key->name = g_strdup (name);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), key);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), key);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, key, column_key_free));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  g_signal_connect (column, "notify::fixed-width", G_CALLBACK (column_width_changed_cb), key);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* Pixels @text takes in the table's font. */
static int
text_width (LbResultsPage *self,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), text);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Sizes @column to its widest cell or its title (within @max), or to what the user gave it. */
static void
size_column (LbResultsPage       *self,
             GtkColumnViewColumn *column,
             const char          *name,
             int                  content,
             int                  max)
{
  gpointer user = g_hash_table_lookup (self->user_widths, name);
  /* Room for the cell's padding and the header's sort arrow. */
  int width = MAX (content + 28, text_width (self, gtk_column_view_column_get_title (column)) + 40);

  self->setting_width = TRUE;
  gtk_column_view_column_set_fixed_width (column, user != NULL ? GPOINTER_TO_INT (user) : MIN (width, max));
  self->setting_width = FALSE;
}

/* A text column: shown only when some model has a value, as wide as its widest value. */
static void
add_text_column (LbResultsPage *self,
                 GPtrArray     *rows,
                 guint          index,
                 ExtraColumn    extra,
                 const char    *name,
                 const char    *title,
                 int            max)
{
  GtkColumnViewColumn *column = add_column (self, index, extra, name, title);
  ColumnKey key = { self, index, extra, NULL };
  int widest = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const char *text = text_of (g_ptr_array_index (rows, i), &key);
      g_autofree char *date = extra == EXTRA_EVALUATED && text != NULL ? lb_date_text_to_display (text) : NULL;

      if (text == NULL)
        continue;
      any = TRUE;
      widest = MAX (widest, text_width (self, date != NULL ? date : text));
    }
  /* The model's name is always shown; an empty Version is not a column of dashes. */
  gtk_column_view_column_set_visible (column, any || index == 0);
  size_column (self, column, name, widest, max);
}

static void
clear_columns (LbResultsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
update_count (LbResultsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u model", "%u models", total), total);
  else
    text = g_strdup_printf (ngettext ("%u of %u model", "%u of %u models", total), shown, total);
  gtk_label_set_label (self->count_label, text);
}

static void
reload (LbResultsPage *self)
{
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) cell_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;

  clear_columns (self);
  g_list_store_remove_all (self->rows);
  g_array_set_size (self->decimals, 0);
  g_hash_table_remove_all (self->imports);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  self->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  if (STORE (self) == NULL || LEADERBOARD_ID (self) == 0)
    return;

  if ((models = lb_store_list_models (STORE (self), LEADERBOARD_ID (self), &error)) == NULL ||
      (current = lb_store_list_results (STORE (self), LEADERBOARD_ID (self), TRUE, &error)) == NULL ||
      (all = lb_store_list_results (STORE (self), LEADERBOARD_ID (self), FALSE, &error)) == NULL ||
      (gaps = lb_store_list_gaps (STORE (self), LEADERBOARD_ID (self), &error)) == NULL ||
      (imports = lb_store_list_imports (STORE (self), LEADERBOARD_ID (self), &error)) == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  g_ptr_array_unref (self->benchmarks);
  self->benchmarks = lb_store_list_benchmarks (STORE (self), LEADERBOARD_ID (self), &error);
  if (self->benchmarks == NULL)
    {
      self->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }

  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);

      g_hash_table_insert (self->imports, &import->id, import);
    }
  /* The table now owns the imports. */
  g_ptr_array_set_free_func (imports, NULL);

  for (guint i = 0; i < self->benchmarks->len; i++)
    {
      LbBenchmark *bench = g_ptr_array_index (self->benchmarks, i);

      g_hash_table_insert (cell_of, &bench->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = lb_model_copy (g_ptr_array_index (models, i));
      LbRankingItem *row;

      /* A model the newest version of the sheet leaves out stays visible, as such. */
      if (model->unlisted)
        {
          /* TRANSLATORS: a model's name in the results table when the newest sheet left it out */
          char *name = g_strdup_printf (_("%s (no longer listed)"), model->name);

          g_free (model->name);
          model->name = name;
        }
      row = lb_ranking_item_new (model, self->benchmarks->len);

      g_ptr_array_add (rows, row);
      g_hash_table_insert (row_of, (gpointer) &lb_ranking_item_get_model (row)->id, row);
    }

#define LOOKUP(rec) \
  LbRankingItem *row = g_hash_table_lookup (row_of, &(rec)->model_id); \
  guint cell = GPOINTER_TO_UINT (g_hash_table_lookup (cell_of, &(rec)->benchmark_id)); \
  if (row == NULL || cell == 0) \
    continue;

  for (guint i = 0; i < gaps->len; i++)
    {
      LbGap *gap = g_ptr_array_index (gaps, i);
      LOOKUP (gap);
      lb_ranking_item_set_gap (row, cell - 1, lb_gap_copy (gap));
    }
  /* Oldest first: the last superseded result of a cell is the one the current one replaced. */
  for (guint i = 0; i < all->len; i++)
    {
      LbResult *r = g_ptr_array_index (all, i);
      LOOKUP (r);
      if (!r->current)
        lb_ranking_item_set_previous (row, cell - 1, lb_result_copy (r));
    }
  g_array_set_size (self->decimals, 0);
  for (guint i = 0; i < self->benchmarks->len; i++)
    {
      int none = -1;

      g_array_append_val (self->decimals, none);
    }
  for (guint i = 0; i < current->len; i++)
    {
      LbResult *r = g_ptr_array_index (current, i);
      LOOKUP (r);
      lb_ranking_item_set_result (row, cell - 1, lb_result_copy (r));
      /* One column shows one precision, the finest its cells were given with. */
      g_array_index (self->decimals, int, cell - 1) = MAX (g_array_index (self->decimals, int, cell - 1),
                                                           raw_decimals (r->raw));
    }
#undef LOOKUP

  add_text_column (self, rows, 0, EXTRA_NONE, "model", _("Model"), 360);
  add_text_column (self, rows, 1, EXTRA_NONE, "version", _("Version"), 200);
  add_text_column (self, rows, 2, EXTRA_NONE, "provider", _("Provider"), 200);
  for (guint i = 0; i < self->benchmarks->len; i++)
    {
      LbBenchmark *bench = g_ptr_array_index (self->benchmarks, i);
      g_autofree char *title = benchmark_title (bench);
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Benchmark…"), NULL);
      g_autofree char *name = g_strdup_printf ("b:%" G_GINT64_FORMAT, bench->id);
      GtkColumnViewColumn *column;

      g_menu_item_set_action_and_target_value (edit, "results.edit-benchmark",
                                               g_variant_new_int64 (bench->id));
      g_menu_append_item (menu, edit);
      int content = 70;

      column = add_column (self, N_TEXT_COLUMNS + i, EXTRA_NONE, name, title);
      gtk_column_view_column_set_header_menu (column, G_MENU_MODEL (menu));
      /* A withdrawn value says so in full: "— withdrawn in [2:F3]; was 330 [1:F3]". */
      for (guint j = 0; j < rows->len; j++)
        {
          LbRankingItem *row = g_ptr_array_index (rows, j);
          const LbGap *gap = lb_ranking_item_get_gap (row, i);

          if (gap != NULL && gap->withdrawn && lb_ranking_item_get_result (row, i) == NULL)
            {
              g_autofree char *text = lb_results_page_describe_cell (self, row, i, NULL);

              content = MAX (content, text_width (self, text));
            }
        }
      size_column (self, column, name, content, 400);
    }
  /* What else the sheet had (評価日, 備考), after the scores. */
  add_text_column (self, rows, N_TEXT_COLUMNS + self->benchmarks->len, EXTRA_EVALUATED, "evaluated",
                   _("Evaluated"), 200);
  add_text_column (self, rows, N_TEXT_COLUMNS + self->benchmarks->len + 1, EXTRA_NOTES, "notes",
                   _("Notes"), 320);

  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "table" : "empty");
  if (self->benchmarks->len > 0)
    {
      LbBenchmark *first = g_ptr_array_index (self->benchmarks, 0);

      lb_results_page_sort_by (self, N_TEXT_COLUMNS, first->higher_is_better);
    }
  update_count (self);
}

static void
filter_changed_cb (LbResultsPage *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  update_count (self);
}

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  if (!same_leaderboard)
    g_hash_table_remove_all (LB_RESULTS_PAGE (page)->user_widths);
  reload (LB_RESULTS_PAGE (page));
}

/* ---- metadata editing ---- */

typedef struct {
  LbStore *store;
  gint64   id;
} EditTarget;

static void
edit_target_free (EditTarget *target)
{
  g_clear_object (&target->store);
  g_free (target);
}

static gboolean
apply_benchmark_cb (guint        field,
                    const char  *value,
                    gpointer     user_data,
                    GError     **error)
{
  EditTarget *target = user_data;

  return lb_store_set_benchmark_field (target->store, target->id, field, value, error);
}

static gboolean
apply_model_cb (guint        field,
                const char  *value,
                gpointer     user_data,
                GError     **error)
{
  EditTarget *target = user_data;

  return lb_store_set_model_field (target->store, target->id, field, value, error);
}

static EditTarget *
edit_target_new (LbStore *store,
                 gint64   id)
{
  EditTarget *target = g_new0 (EditTarget, 1);

  target->store = g_object_ref (store);
  target->id = id;
  return target;
}

static void
edit_benchmark_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LbResultsPage *self = LB_RESULTS_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  static const char * const direction_labels[] = { N_("Higher is better"), N_("Lower is better"), NULL };
  static const char * const direction_values[] = { "true", "false", NULL };
  const char *labels[3] = { _(direction_labels[0]), _(direction_labels[1]), NULL };
  g_autoptr(LbBenchmark) bench = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *min = NULL, *max = NULL, *items = NULL;
  LbMetadataEditor *editor;

  if (STORE (self) == NULL || (bench = lb_store_get_benchmark (STORE (self), id, &error)) == NULL)
    return;
  if (bench->n_items > 0)
    items = g_strdup_printf ("%u", bench->n_items);
  if (bench->has_scale)
    {
      min = g_strdup_printf ("%g", bench->scale_min);
      max = g_strdup_printf ("%g", bench->scale_max);
    }
  editor = lb_metadata_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), bench->name,
                                   _("Changes are saved to the audit log with your name."),
                                   apply_benchmark_cb, edit_target_new (STORE (self), id),
                                   (GDestroyNotify) edit_target_free);
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_UNIT, _("Unit (for example %)"), bench->unit);
  /* Opens on the direction the table ranks by now, guessed or not: saving without touching
   * it must not turn latency into higher-is-better. */
  lb_metadata_editor_add_choice (editor, LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, _("Direction"),
                                 labels, direction_values, bench->higher_is_better ? "true" : "false",
                                 bench->direction_confirmed ? NULL
                                 : _("The direction marked “guess” was guessed at import and nobody has confirmed it: "
                                     "choose a direction to confirm it."));
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_SCALE_MIN, _("Scale minimum"), min);
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_SCALE_MAX, _("Scale maximum"), max);
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_N_ITEMS,
                                _("Number of items (for the standard error of a score)"), items);
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_DESCRIPTION, _("Description"), bench->description);
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_DATASET, _("Data set"), bench->dataset);
  lb_metadata_editor_add_entry (editor, LB_BENCHMARK_FIELD_PROTOCOL, _("Protocol (for example 5-shot)"),
                                bench->protocol);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_model_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbResultsPage *self = LB_RESULTS_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(LbModel) model = NULL;
  g_autoptr(GError) error = NULL;
  LbMetadataEditor *editor;

  if (STORE (self) == NULL || (model = lb_store_get_model (STORE (self), id, &error)) == NULL)
    return;
  editor = lb_metadata_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), model->name,
                                   _("Changes are saved to the audit log with your name."),
                                   apply_model_cb, edit_target_new (STORE (self), id),
                                   (GDestroyNotify) edit_target_free);
  lb_metadata_editor_add_entry (editor, LB_MODEL_FIELD_VERSION, _("Version"), model->version);
  lb_metadata_editor_add_entry (editor, LB_MODEL_FIELD_PROVIDER, _("Provider"), model->provider);
  lb_metadata_editor_add_entry (editor, LB_MODEL_FIELD_PROVENANCE_URL, _("Provenance link"),
                                model->provenance_url);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- GObject ---- */

static void
lb_results_page_dispose (GObject *object)
{
  LbResultsPage *self = LB_RESULTS_PAGE (object);

  if (self->column_view != NULL)
    {
      clear_columns (self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_RESULTS_PAGE);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->rows);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  G_OBJECT_CLASS (lb_results_page_parent_class)->dispose (object);
}

static void
lb_results_page_finalize (GObject *object)
{
  LbResultsPage *self = LB_RESULTS_PAGE (object);

  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&self->decimals, g_array_unref);
  g_clear_pointer (&self->imports, g_hash_table_unref);
  g_clear_pointer (&self->user_widths, g_hash_table_unref);
  G_OBJECT_CLASS (lb_results_page_parent_class)->finalize (object);
}

static void
lb_results_page_class_init (LbResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_results_page_dispose;
  object_class->finalize = lb_results_page_finalize;
  LB_PAGE_CLASS (klass)->reload = page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbResultsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbResultsPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, LbResultsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LbResultsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "results.edit-benchmark", "x", edit_benchmark_cb);
  gtk_widget_class_install_action (widget_class, "results.edit-model", "x", edit_model_cb);
}

static void
lb_results_page_init (LbResultsPage *self)
{
  GtkSorter *view_sorter;
  GtkFilterListModel *filter_model;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
  self->decimals = g_array_new (FALSE, TRUE, sizeof (int));
  self->imports = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) lb_import_free);
  self->rows = g_list_store_new (LB_TYPE_RANKING_ITEM);
  self->user_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->probe_a = lb_ranking_item_new_probe (1);
  self->probe_b = lb_ranking_item_new_probe (2);

  self->filter = gtk_string_filter_new (gtk_property_expression_new (LB_TYPE_RANKING_ITEM, NULL, "name"));
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), GTK_FILTER (self->filter));

  /* Learn the direction before the sort model re-sorts: handlers run in connection order. */
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (view_sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (filter_model), g_object_ref (view_sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

GListModel *
lb_results_page_get_rows (LbResultsPage *self)
{
  g_return_val_if_fail (LB_IS_RESULTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

void
lb_results_page_sort_by (LbResultsPage *self,
                         guint          index,
                         gboolean       descending)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_if_fail (LB_IS_RESULTS_PAGE (self));

  column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), index);
  /* A higher-is-better column sorts best (highest) first when "ascending". */
  if (index >= N_TEXT_COLUMNS && benchmark_at (self, index - N_TEXT_COLUMNS) != NULL &&
      ((LbBenchmark *) benchmark_at (self, index - N_TEXT_COLUMNS))->higher_is_better)
    descending = !descending;
  if (column != NULL)
    gtk_column_view_sort_by_column (self->column_view, column,
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

void
lb_results_page_show_cell (LbResultsPage *self,
                           gint64         model_id,
                           gint64         benchmark_id)
{
  g_autoptr(LbModel) model = NULL;
  const char *name = "";

  g_return_if_fail (LB_IS_RESULTS_PAGE (self));

  if (model_id != 0 && STORE (self) != NULL)
    model = lb_store_get_model (STORE (self), model_id, NULL);
  if (model != NULL && model->name != NULL)
    name = model->name;
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), name);
  /* Now, not after the search entry's typing pause. */
  gtk_string_filter_set_search (self->filter, name);

  for (guint i = 0; benchmark_id != 0 && self->benchmarks != NULL && i < self->benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (self->benchmarks, i);

      if (benchmark->id == benchmark_id)
        {
          lb_results_page_sort_by (self, 3 + i, benchmark->higher_is_better);
          break;
        }
    }
}
