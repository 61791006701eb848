/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-page.c: models side by side: picker, table, chart, profiles, robustness */

#define G_LOG_DOMAIN "lb-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "lb-compare-chart.h"
#include "lb-compare-page.h"
#include "lb-scroll-fit-layout.h"
#include "lb-split-box.h"
#include "lb-profile-editor.h"
#include "lb-value.h"
#include "lb-cell-ref.h"

/* ---- one row of the table ---- */

typedef enum {
  ITEM_COVERAGE,
  ITEM_BENCHMARK,
  ITEM_COMPOSITE,
} ItemKind;

#define LB_TYPE_COMPARE_ITEM (lb_compare_item_get_type ())
G_DECLARE_FINAL_TYPE (LbCompareItem, lb_compare_item, LB, COMPARE_ITEM, GObject)

struct _LbCompareItem
{
  GObject       parent_instance;
  ItemKind      kind;
  guint         row;        /* ITEM_BENCHMARK: index into the comparison's rows */
  LbComparison *comparison;
};

G_DEFINE_FINAL_TYPE (LbCompareItem, lb_compare_item, G_TYPE_OBJECT)

/* Emitted when the item shows another comparison: the bound cells render it again in place,
 * so a new profile or baseline creates no widgets. */
static guint item_changed_signal;

static void
lb_compare_item_finalize (GObject *object)
{
  LbCompareItem *self = LB_COMPARE_ITEM (object);

  g_clear_pointer (&self->comparison, lb_comparison_unref);
  G_OBJECT_CLASS (lb_compare_item_parent_class)->finalize (object);
}

static void
lb_compare_item_class_init (LbCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_compare_item_finalize;
  item_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lb_compare_item_init (LbCompareItem *self)
{
}

static LbCompareItem *
lb_compare_item_new (LbComparison *comparison,
                     ItemKind      kind,
                     guint         row)
{
  LbCompareItem *item = g_object_new (LB_TYPE_COMPARE_ITEM, NULL);

  item->comparison = lb_comparison_ref (comparison);
  item->kind = kind;
  item->row = row;
  return item;
}

static void
lb_compare_item_set_comparison (LbCompareItem *item,
                                LbComparison  *comparison)
{
  g_clear_pointer (&item->comparison, lb_comparison_unref);
  item->comparison = lb_comparison_ref (comparison);
  g_signal_emit (item, item_changed_signal, 0);
}

/* ---- the page ---- */

struct _LbComparePage
{
  LbPage          parent_instance;

  /* template widgets */
  GtkMenuButton  *models_button;
  GtkSearchEntry *model_search;
  GtkListView    *model_list;
  GtkDropDown    *baseline_dropdown;
  GtkDropDown    *profile_dropdown;
  GtkButton      *edit_profile_button;
  GtkDropDown    *normalization_dropdown;
  GtkCheckButton *partial_check;
  GtkCheckButton *unlisted_check;
  GtkLabel       *error_label;
  GtkLabel       *coverage_label;
  GtkLabel       *robustness_label;
  GtkLabel       *uncertainty_label;
  GtkLabel       *method_label;
  GtkLabel       *notes_label;
  GtkExpander    *details_expander;
  GtkColumnView  *table;
  LbCompareChart *chart;

  /* owned */
  GPtrArray      *benchmarks;
  GPtrArray      *models;
  GPtrArray      *results;
  GPtrArray      *gaps;
  GPtrArray      *profiles;
  GHashTable     *chosen;          /* model ids (gint64*) */
  gint64          baseline_id;
  LbComparison   *comparison;
  LbCompareOptions *options;       /* what comparison was compared with, exactly */
  char           *saved_key;       /* the choice last read from or written to the store */
  GPtrArray      *restore_notes;   /* of char*: what of the saved choice no longer applied */
  GListStore     *rows;            /* of LbCompareItem */
  GtkStringList  *model_names;
  GtkStringFilter *model_filter;
  GtkStringList  *baseline_names;
  GtkStringList  *profile_names;
  gboolean        updating;        /* dropdowns are being refilled: ignore their signals */
  gboolean        model_list_stale; /* the picker's checks wait for its popover to open */

  /* borrowed */
  GtkWindow      *editor;          /* the open profile editor, or NULL */
};

G_DEFINE_FINAL_TYPE (LbComparePage, lb_compare_page, LB_TYPE_PAGE)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void recompute        (LbComparePage *self);
static void fill_model_list  (LbComparePage *self);
static void save_choice      (LbComparePage *self);
static void reload           (LbComparePage *self,
                              gboolean       keep_choice);
static void clear_data       (LbComparePage *self);

static LbModel *
model_by_id (LbComparePage *self,
             gint64         id)
{
  for (guint i = 0; self->models != NULL && i < self->models->len; i++)
    {
      LbModel *model = g_ptr_array_index (self->models, i);

      if (model->id == id)
        return model;
    }
  return NULL;
}

static LbModel *
model_by_name (LbComparePage *self,
               const char    *name)
{
  for (guint i = 0; self->models != NULL && i < self->models->len; i++)
    {
      LbModel *model = g_ptr_array_index (self->models, i);

      if (g_strcmp0 (model->name, name) == 0)
        return model;
    }
  return NULL;
}

static const LbProfile *
selected_profile (LbComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->profile_dropdown);

  /* item 0 is "Equal weights" */
  if (self->profiles == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0
      || selected > self->profiles->len)
    return NULL;
  return g_ptr_array_index (self->profiles, selected - 1);
}

/* ---- table cells ---- */

/* A cell is one label: the value, and on a second, smaller line what to know about it (best,
 * the difference to the baseline, why a value is missing). One widget per cell, tooltips made
 * only when asked for and style classes touched only when they change keep 200 columns × 50
 * rows responsive. */

typedef enum {
  CELL_PLAIN,
  CELL_HEADING,    /* bold */
  CELL_BEST,       /* bold, in the accent colour, and the second line says "best" */
} CellStyle;

static char *cell_tooltip (LbCompareItem *item, guint m);

static gboolean
cell_query_tooltip_cb (GtkWidget   *label,
                       int          x,
                       int          y,
                       gboolean     keyboard,
                       GtkTooltip  *tooltip,
                       GtkListItem *list_item)
{
  LbCompareItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  text = cell_tooltip (item, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "model-index")));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_object_set_data (G_OBJECT (label), "model-index", g_object_get_data (G_OBJECT (factory), "model-index"));
  g_object_set_data (G_OBJECT (label), "render", g_object_get_data (G_OBJECT (factory), "render"));
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, label);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (gtk_widget_has_css_class (widget, css_class) == on)
    return;
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Only long second lines (why a value is missing, the coverage sentence) wrap: measuring a
 * wrapping label costs twice as much, and most cells hold a number. */
static void
set_cell_full (GtkListItem *list_item,
               const char  *main_text,
               CellStyle    style,
               const char  *sub_text,
               gboolean     wrap)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *main_escaped = g_markup_escape_text (main_text, -1);

  if (style != CELL_PLAIN)
    g_string_append_printf (markup, "<b>%s</b>", main_escaped);
  else
    g_string_append (markup, main_escaped);
  if (sub_text != NULL && *sub_text != '\0')
    {
      g_autofree char *sub_escaped = g_markup_escape_text (sub_text, -1);

      /* a lighter second line that reads on light and dark styles alike */
      g_string_append_printf (markup, "\n<span size=\"small\" alpha=\"70%%\">%s</span>", sub_escaped);
    }
  if (gtk_label_get_wrap (GTK_LABEL (label)) != wrap)
    gtk_label_set_wrap (GTK_LABEL (label), wrap);
  /* a new profile changes few cells: leave the others alone, laid out as they are */
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), markup->str) != 0)
    gtk_label_set_markup (GTK_LABEL (label), markup->str);
  set_class (label, "accent", style == CELL_BEST);
}

static void
set_cell (GtkListItem *list_item,
          const char  *main_text,
          CellStyle    style,
          const char  *sub_text)
{
  set_cell_full (list_item, main_text, style, sub_text, FALSE);
}

typedef void (*CellRenderFunc) (GtkListItem *list_item, LbCompareItem *item, guint m);

static void
render_benchmark_cell (GtkListItem   *list_item,
                       LbCompareItem *item,
                       guint          m)
{
  const LbComparison *c = item->comparison;

  switch (item->kind)
    {
    case ITEM_COVERAGE:
      set_cell (list_item, _("Coverage"), CELL_HEADING, _("Benchmarks with a value"));
      break;
    case ITEM_COMPOSITE:
      set_cell_full (list_item, _("Composite"), CELL_HEADING, c->coverage_text, TRUE);
      break;
    case ITEM_BENCHMARK:
      {
        const LbCompareRow *row = &c->rows[item->row];
        g_autofree char *title = g_strdup_printf ("%s %s", row->benchmark->name,
                                                  row->benchmark->higher_is_better ? "↑" : "↓");
        g_autofree char *sub = NULL;
        g_autofree char *weight = g_strdup_printf ("%g", row->weight);
        const char *direction = row->benchmark->higher_is_better ? _("higher is better") : _("lower is better");

        if (!row->in_composite)
          sub = g_strdup_printf (_("%s · weight %s · not in the composite"), direction, weight);
        else
          sub = g_strdup_printf (_("%s · weight %s"), direction, weight);
        if (row->settings_differ)
          {
            /* the note above the table says which settings each model's score has */
            char *with = g_strdup_printf (_("%s · scores under different settings"), sub);

            g_free (sub);
            sub = with;
          }
        set_cell_full (list_item, title, CELL_PLAIN, sub, TRUE);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
cell_tooltip (LbCompareItem *item,
              guint          m)
{
  const LbComparison *c = item->comparison;
  const LbCompareRow *row;
  const LbCompareCell *v;
  g_autofree char *where = NULL;
  g_autofree char *origin = NULL;
  char *tooltip;

  if (m == G_MAXUINT)
    {
      /* the benchmark column */
      if (item->kind == ITEM_COMPOSITE)
        return g_strdup (c->method_text);
      if (item->kind == ITEM_BENCHMARK)
        return g_strdup (c->rows[item->row].benchmark->description);
      return NULL;
    }
  if (m >= c->n_models)
    return NULL;
  if (item->kind == ITEM_COMPOSITE)
    return g_strdup (c->coverage_text);
  if (item->kind != ITEM_BENCHMARK)
    return NULL;

  row = &c->rows[item->row];
  v = &row->cells[m];
  where = lb_cell_source_text (v->import_id, NULL, NULL, v->source_row, v->source_column,
                               v->source_path);
  if (v->kind == LB_CELL_NOT_EVALUATED)
    return g_strdup (lb_compare_cell_reason (v));
  if (v->kind == LB_CELL_WITHDRAWN)
    {
      g_autofree char *withdrawn = lb_compare_dup_withdrawn_text (row, v);

      return g_strdup_printf (_("%s\nThe new version of the sheet has “%s” there: the old value is "
                                "not current and not counted."), withdrawn, v->raw ? v->raw : "");
    }
  /* TRANSLATORS: where a value came from ("import 2, cell E4") and the cell's text */
  if (v->kind == LB_CELL_GAP)
    return g_strdup_printf (_("%s\nFrom %s: “%s”"), lb_compare_cell_reason (v), where, v->raw ? v->raw : "");
  if (v->import_id != 0)
    tooltip = g_strdup_printf (_("From %s: “%s”"), where, v->raw ? v->raw : "");
  else
    tooltip = g_strdup_printf (_("Typed in by hand: “%s”"), v->raw ? v->raw : "");
  if (v->evaluated_at != NULL)
    {
      g_autofree char *evaluated = lb_date_text_to_display (v->evaluated_at);
      char *t = g_strdup_printf (_("%s, evaluated %s"), tooltip, evaluated);

      g_free (tooltip);
      tooltip = t;
    }
  if (v->has_stderr && v->stderr_binomial)
    {
      char *t = g_strdup_printf (_("%s; standard error from the number of items"), tooltip);

      g_free (tooltip);
      tooltip = t;
    }
  origin = lb_provenance_dup_text (v->provenance, v->settings);
  if (origin != NULL)
    {
      GString *t = g_string_new (tooltip);

      g_string_append_printf (t, "\n%s", origin);
      if (row->settings_differ)
        {
          g_string_append_c (t, '\n');
          g_string_append (t, _("The scores on this benchmark were produced under different settings."));
        }
      g_free (tooltip);
      tooltip = g_string_free (t, FALSE);
    }
  return tooltip;
}

static void
render_model_cell (GtkListItem   *list_item,
                   LbCompareItem *item,
                   guint          m)
{
  const LbComparison *c = item->comparison;
  const LbCompareModel *model;

  if (m >= c->n_models)
    {
      set_cell (list_item, "", CELL_PLAIN, NULL);
      return;
    }
  model = &c->models[m];

  switch (item->kind)
    {
    case ITEM_COVERAGE:
      {
        g_autofree char *coverage = lb_comparison_dup_model_coverage (c, m);

        set_cell (list_item, coverage, CELL_PLAIN, model->partial ? _("partial") : NULL);
      }
      break;

    case ITEM_COMPOSITE:
      if (!model->has_composite)
        set_cell (list_item, "—", CELL_PLAIN, _("no composite"));
      else
        {
          g_autofree char *value = g_strdup_printf ("%.3f", model->composite);
          g_autoptr(GString) sub = g_string_new (NULL);

          g_autofree char *rank = lb_compare_format_rank (model);

          g_string_append_printf (sub, _("rank %s"), rank);
          if (model->has_composite_stderr)
            g_string_append_printf (sub, _(" · ±%.3f"), model->composite_stderr);
          if (model->partial && c->include_partial)
            g_string_append_printf (sub, ngettext (" · partial: over %u benchmark", " · partial: over %u benchmarks",
                                                   model->composite_n),
                                    model->composite_n);
          set_cell (list_item, value, model->rank == 1 ? CELL_BEST : CELL_PLAIN, sub->str);
        }
      break;

    case ITEM_BENCHMARK:
      {
        const LbCompareRow *row = &c->rows[item->row];
        const LbCompareCell *v = &row->cells[m];
        g_autofree char *score = NULL;
        g_autoptr(GString) sub = NULL;

        if (v->kind == LB_CELL_WITHDRAWN)
          {
            g_autofree char *withdrawn = lb_compare_dup_withdrawn_text (row, v);

            set_cell_full (list_item, withdrawn, CELL_PLAIN, NULL, TRUE);
            break;
          }
        if (v->kind != LB_CELL_VALUE)
          {
            set_cell_full (list_item, "—", CELL_PLAIN, lb_compare_cell_reason (v), TRUE);
            break;
          }
        score = lb_compare_format_cell_score_stderr (row, v);
        sub = g_string_new (NULL);
        if (v->best)
          g_string_append (sub, _("best"));
        if (v->baseline)
          {
            if (sub->len > 0)
              g_string_append (sub, " · ");
            g_string_append (sub, _("baseline"));
          }
        else if (v->has_difference)
          {
            g_autofree char *diff = NULL;

            if (g_strcmp0 (row->benchmark->unit, "%") == 0 && v->difference != 0)
              {
                /* A difference of percentages is in points: “−17.2%” read as 17.2 % less. */
                g_autofree char *points = lb_compare_format_cell_difference_size (v, &row->cells[c->baseline]);
                guint n = fabs (v->difference) == 1.0 ? 1 : 2;

                diff = v->difference > 0
                       ? g_strdup_printf (ngettext ("%s point higher", "%s points higher", n), points)
                       : g_strdup_printf (ngettext ("%s point lower", "%s points lower", n), points);
              }
            else
              diff = lb_compare_format_cell_difference (row, v, &row->cells[c->baseline]);
            if (sub->len > 0)
              g_string_append (sub, " · ");
            g_string_append (sub, diff);
            /* in words, not only colour: "−40 ms" is better when lower is better */
            if (v->significance == LB_SIGNIFICANCE_NOT_DISTINGUISHABLE)
              g_string_append (sub, _(" (not distinguishable)"));
            else if (v->difference != 0)
              g_string_append (sub, v->difference_better ? _(" (better)") : _(" (worse)"));
          }
        if (v->clamped)
          {
            if (sub->len > 0)
              g_string_append (sub, " · ");
            g_string_append (sub, _("outside the declared scale"));
          }
        /* the length of the chart's bar, so the table holds everything the chart shows */
        if (sub->len > 0)
          g_string_append (sub, " · ");
        g_string_append_printf (sub, _("rescaled %.2f"), v->normalized);
        set_cell (list_item, score, v->best ? CELL_BEST : CELL_PLAIN, sub->str);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
cell_render (GtkListItem *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  CellRenderFunc render = g_object_get_data (G_OBJECT (label), "render");

  GtkWidget *table = gtk_widget_get_ancestor (label, GTK_TYPE_COLUMN_VIEW);

  /* While the chart is shown the table is not: the page renders the cells again when the
   * table comes back (view_changed_cb). Not on "map" of the cell itself: rows are mapped
   * while the list allocates them, and a label changed then is snapshotted unallocated. */
  if (table != NULL && !gtk_widget_get_mapped (table) && gtk_label_get_label (GTK_LABEL (label))[0] != '\0')
    return;
  render (list_item, gtk_list_item_get_item (list_item),
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "model-index")));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gulong id;

  cell_render (list_item);
  id = g_signal_connect_object (gtk_list_item_get_item (list_item), "changed",
                                G_CALLBACK (cell_render), list_item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), "changed-handler", GSIZE_TO_POINTER (id));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "changed-handler"));

  if (id != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (list_item), id);
  g_object_set_data (G_OBJECT (list_item), "changed-handler", NULL);
}

static GtkListItemFactory *
cell_factory_new (CellRenderFunc render,
                  guint          model_index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "model-index", GUINT_TO_POINTER (model_index));
  g_object_set_data (G_OBJECT (factory), "render", render);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
  return factory;
}

/* One column per compared model, by index: columns are added or removed only at the end, and
 * the cells of those that stay render the new comparison in place. */
static void
update_columns (LbComparePage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  const LbComparison *c = self->comparison;
  guint n_models = c != NULL ? c->n_models : 0;

  if (g_list_model_get_n_items (columns) == 0)
    {
      g_autoptr(GtkListItemFactory) factory = cell_factory_new (render_benchmark_cell, G_MAXUINT);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (_("Benchmark"),
                                                                          g_steal_pointer (&factory));

      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
    }

  while (g_list_model_get_n_items (columns) > n_models + 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);

      gtk_column_view_remove_column (self->table, column);
    }
  for (guint m = g_list_model_get_n_items (columns) - 1; m < n_models; m++)
    {
      g_autoptr(GtkListItemFactory) factory = cell_factory_new (render_model_cell, m);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));

      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
    }

  /* titles say which column is the baseline */
  for (guint m = 0; m < n_models; m++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, m + 1);
      g_autofree char *title = c->models[m].baseline
                               ? g_strdup_printf (_("%s (baseline)"), c->models[m].model->name)
                               : g_strdup (c->models[m].model->name);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) != 0)
        gtk_column_view_column_set_title (column, title);
    }
}

/* The rows: coverage, one per benchmark, the composite. The same leaderboard keeps its items,
 * which only get the new comparison. */
static void
update_rows (LbComparePage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const LbComparison *c = self->comparison;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (c != NULL && n_items == c->n_rows + 2)
    {
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(LbCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

          lb_compare_item_set_comparison (item, self->comparison);
        }
      return;
    }
  if (c != NULL)
    {
      g_ptr_array_add (items, lb_compare_item_new (self->comparison, ITEM_COVERAGE, 0));
      for (guint r = 0; r < c->n_rows; r++)
        g_ptr_array_add (items, lb_compare_item_new (self->comparison, ITEM_BENCHMARK, r));
      g_ptr_array_add (items, lb_compare_item_new (self->comparison, ITEM_COMPOSITE, 0));
    }
  g_list_store_splice (self->rows, 0, n_items, items->pdata, items->len);
}

/* For each partial model that alone keeps benchmarks out of every model's composite, a line
 * that names it and them and says what to do; NULL when there is none. */
static char *
lone_partial_text (const LbComparison *c)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (c == NULL || c->include_partial)
    return NULL;
  for (guint m = 0; m < c->n_models; m++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n_rows = 0;

      for (guint r = 0; r < c->n_rows; r++)
        {
          const LbCompareRow *row = &c->rows[r];

          /* Left out only because this model lacks it. */
          if (row->common || row->weight <= 0 || row->n_values + 1 != c->n_models
              || row->cells[m].kind == LB_CELL_VALUE)
            continue;
          if (names->len > 0)
            /* Translators: between the benchmark names of a list */
            g_string_append (names, C_("list of names", ", "));
          /* Translators: a benchmark name in a sentence */
          g_string_append_printf (names, _("“%s”"), row->benchmark->name);
          n_rows++;
        }
      if (n_rows == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              ngettext ("“%s” alone has no result on %s, so that benchmark is left out of every model’s composite. Compare without it, or tick “Use every benchmark” to count it.",
                                        "“%s” alone has no result on %s, so these benchmarks are left out of every model’s composite. Compare without it, or tick “Use every benchmark” to count them.",
                                        n_rows),
                              c->models[m].model->name, names->str);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
update_texts (LbComparePage *self,
              const GError  *error)
{
  g_autofree char *lone_partial = lone_partial_text (self->comparison);
  const LbComparison *c = self->comparison;
  g_autoptr(GString) notes = g_string_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_label_set_text (self->coverage_label, c != NULL ? c->coverage_text : "");
  gtk_label_set_text (self->robustness_label, c != NULL ? c->robustness_text : "");
  gtk_label_set_text (self->uncertainty_label, c != NULL ? c->uncertainty_text : "");
  gtk_label_set_text (self->method_label, c != NULL ? c->method_text : "");
  for (guint i = 0; self->restore_notes != NULL && i < self->restore_notes->len; i++)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, g_ptr_array_index (self->restore_notes, i));
    }
  /* A model left out of the comparison is named, not only counted on the Models button. */
  if (c != NULL && self->models != NULL && c->n_models < self->models->len)
    {
      g_autoptr(GHashTable) compared = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GString) names = g_string_new (NULL);
      gboolean include_unlisted = gtk_check_button_get_active (self->unlisted_check);
      guint n_left = 0;

      for (guint m = 0; m < c->n_models; m++)
        g_hash_table_add (compared, &c->models[m].model->id);
      for (guint i = 0, listed = 0; i < self->models->len; i++)
        {
          LbModel *model = g_ptr_array_index (self->models, i);

          /* One the newest sheet no longer lists is left out by the comparison's own note,
           * which says how to include it: adding it under Models would not. */
          if (g_hash_table_contains (compared, &model->id) || (model->unlisted && !include_unlisted))
            continue;
          n_left++;
          if (listed++ == 5)
            {
              g_string_append (names, _(", …"));
              break;
            }
          /* TRANSLATORS: joins the names of the models left out of the comparison */
          g_string_append_printf (names, "%s%s", listed > 1 ? _(", ") : "", model->name);
        }
      if (n_left > 0 && notes->len > 0)
        g_string_append_c (notes, '\n');
      if (n_left > 0)
        g_string_append_printf (notes,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u of the leaderboard’s %u models is not compared: %s. Add it under Models.",
                                           "%u of the leaderboard’s %u models are not compared: %s. Add them under Models.",
                                           n_left),
                              n_left, self->models->len, names->str);
    }
  for (guint i = 0; c != NULL && i < c->notes->len; i++)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, g_ptr_array_index (c->notes, i));
    }
  if (lone_partial != NULL)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, lone_partial);
    }
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  /* The explanations are folded away; that the top place is not firm is said on the fold. */
  gtk_label_set_label (GTK_LABEL (gtk_expander_get_label_widget (self->details_expander)),
                          c != NULL && c->robustness_tested && !c->top_robust
                          ? _("The top place is not firm: _see why, and how the ranking was made")
                          : _("_How firm the ranking is and how it was made"));
  gtk_widget_set_visible (GTK_WIDGET (self->uncertainty_label),
                          c != NULL && *c->uncertainty_text != '\0');
}

/* Makes @list hold @names, replacing only the run between their common start and end: one
 * model more or less rebinds one row of a long list, not all of them. */
static void
splice_changed (GtkStringList      *list,
                const char * const *names,
                guint               n_names)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint start = 0, end = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  while (start < n_old && start < n_names
         && g_strcmp0 (gtk_string_list_get_string (list, start), names[start]) == 0)
    start++;
  while (end < n_old - start && end < n_names - start
         && g_strcmp0 (gtk_string_list_get_string (list, n_old - 1 - end), names[n_names - 1 - end]) == 0)
    end++;
  for (guint i = start; i < n_names - end; i++)
    g_ptr_array_add (added, (gpointer) names[i]);
  g_ptr_array_add (added, NULL);
  gtk_string_list_splice (list, start, n_old - start - end, (const char * const *) added->pdata);
}

/* The baseline dropdown lists the compared models. */
static void
update_baseline_dropdown (LbComparePage *self)
{
  const LbComparison *c = self->comparison;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  gboolean same = TRUE;

  self->updating = TRUE;
  for (guint m = 0; c != NULL && m < c->n_models; m++)
    g_ptr_array_add (names, c->models[m].model->name);
  same = names->len == g_list_model_get_n_items (G_LIST_MODEL (self->baseline_names));
  for (guint m = 0; same && m < names->len; m++)
    same = g_strcmp0 (gtk_string_list_get_string (self->baseline_names, m), g_ptr_array_index (names, m)) == 0;
  if (!same)
    splice_changed (self->baseline_names, (const char * const *) names->pdata, names->len);
  if (c != NULL)
    gtk_drop_down_set_selected (self->baseline_dropdown, c->baseline);
  self->updating = FALSE;
}

static void
update_models_button (LbComparePage *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_("All Models"));
  else
    label = g_strdup_printf (ngettext ("%u Model", "%u Models", n), n);
  gtk_menu_button_set_label (self->models_button, label);
}

/* The choice as one string, to tell whether it changed since it was last saved. */
static char *
choice_key (const LbCompareChoice *choice)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < choice->model_ids->len; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ",", g_array_index (choice->model_ids, gint64, i));
  g_string_append_printf (key, "|%" G_GINT64_FORMAT "|%s|%d|%s", choice->baseline_id,
                          choice->profile != NULL ? choice->profile : "", choice->include_partial,
                          choice->normalization);
  /* Equal weights and a profile named "" are different choices. */
  if (choice->profile == NULL)
    g_string_append (key, "|none");
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Saves what the page compares for its leaderboard, so the page after a restart, the printed
 * report and leaderboard-cli compare the same. Only when it changed: a reload that keeps the
 * choice writes nothing. */
static void
save_choice (LbComparePage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(LbCompareChoice) choice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (store == NULL || leaderboard_id == 0 || self->options == NULL || self->models == NULL
      || self->models->len == 0)
    return;
  choice = lb_compare_choice_from_options (self->options, leaderboard_id);
  key = choice_key (choice);
  if (g_strcmp0 (key, self->saved_key) == 0)
    return;
  /* The page shows the comparison either way; a store that cannot be written (read-only,
   * full) only means the choice is not remembered, which is no reason to interrupt. */
  if (!lb_store_put_compare_choice (store, choice, &error))
    {
      g_debug ("The comparison choice was not saved: %s", error->message);
      return;
    }
  g_free (self->saved_key);
  self->saved_key = g_steal_pointer (&key);
}

static void
recompute (LbComparePage *self)
{
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(GError) error = NULL;
  LbComparison *c = NULL;

  g_clear_pointer (&self->comparison, lb_comparison_unref);
  if (self->models != NULL)
    {
      /* in the leaderboard's order, whatever order they were picked in */
      for (guint i = 0; i < self->models->len; i++)
        {
          LbModel *model = g_ptr_array_index (self->models, i);

          if (g_hash_table_contains (self->chosen, &model->id))
            lb_compare_options_add_model (options, model->id);
        }
      if (self->baseline_id != 0
          && (g_hash_table_size (self->chosen) == 0 || g_hash_table_contains (self->chosen, &self->baseline_id)))
        lb_compare_options_set_baseline (options, self->baseline_id);
      lb_compare_options_set_profile (options, selected_profile (self));
      lb_compare_options_set_normalization (options,
                                            gtk_drop_down_get_selected (self->normalization_dropdown) == 1
                                            ? LB_NORMALIZE_DECLARED_SCALE : LB_NORMALIZE_MIN_MAX);
      lb_compare_options_set_include_partial (options, gtk_check_button_get_active (self->partial_check));
      lb_compare_options_set_include_unlisted (options, gtk_check_button_get_active (self->unlisted_check));
      if (self->models->len >= 2 || lb_page_get_leaderboard_id (LB_PAGE (self)) == 0)
        c = lb_compare (self->benchmarks, self->models, self->results, self->gaps, options, &error);
      else
        g_set_error (&error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_TOO_FEW_MODELS,
                     ngettext ("This leaderboard has %u model; a comparison needs at least two. Import the results of more models.",
                               "This leaderboard has %u models; a comparison needs at least two. Import the results of more models.",
                               self->models->len),
                     self->models->len);
      /* no leaderboard open: nothing to say */
      if (self->models->len == 0 && lb_page_get_leaderboard_id (LB_PAGE (self)) == 0)
        g_clear_error (&error);
    }
  self->comparison = c;
  g_clear_pointer (&self->options, lb_compare_options_free);
  self->options = g_steal_pointer (&options);
  save_choice (self);

  /* rows first: columns added next bind to the new comparison */
  update_rows (self);
  update_columns (self);
  update_texts (self, error);
  update_baseline_dropdown (self);
  update_models_button (self);
  gtk_button_set_label (self->edit_profile_button,
                        selected_profile (self) != NULL ? _("_Edit Profile…") : _("_New Profile…"));
  lb_compare_chart_set_comparison (self->chart, self->comparison);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/* The table was hidden behind the chart and its cells kept their old text: render them now. */
static void
table_map_cb (LbComparePage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LbCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      g_signal_emit (item, item_changed_signal, 0);
    }
}

/* ---- the model picker ---- */

static void
model_check_toggled_cb (GtkCheckButton *check,
                        LbComparePage  *self)
{
  const char *name = g_object_get_data (G_OBJECT (check), "model-name");
  LbModel *model = model_by_name (self, name);
  gboolean active = gtk_check_button_get_active (check);

  /* an empty choice means all */
  if (model == NULL || self->updating
      || active == (g_hash_table_size (self->chosen) == 0 || g_hash_table_contains (self->chosen, &model->id)))
    return;
  if (g_hash_table_size (self->chosen) == 0)
    {
      /* "all" was in effect: unticking one means all the others */
      for (guint i = 0; i < self->models->len; i++)
        {
          LbModel *other = g_ptr_array_index (self->models, i);

          g_hash_table_add (self->chosen, g_memdup2 (&other->id, sizeof other->id));
        }
    }
  if (active)
    g_hash_table_add (self->chosen, g_memdup2 (&model->id, sizeof model->id));
  else
    g_hash_table_remove (self->chosen, &model->id);
  recompute (self);
}

static void
model_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     LbComparePage            *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_list_item_set_child (list_item, check);
  g_signal_connect (check, "toggled", G_CALLBACK (model_check_toggled_cb), self);
}

static void
model_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    LbComparePage            *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (list_item));
  const char *name = gtk_string_object_get_string (item);
  LbModel *model = model_by_name (self, name);
  gboolean chosen = model != NULL
                    && (g_hash_table_size (self->chosen) == 0 || g_hash_table_contains (self->chosen, &model->id));

  /* set the name first: the toggled handler looks it up */
  g_object_set_data_full (G_OBJECT (check), "model-name", g_strdup (name), g_free);
  gtk_check_button_set_label (check, name);
  gtk_check_button_set_active (check, chosen);
}

static void
model_popover_show_cb (LbComparePage *self)
{
  if (self->model_list_stale)
    fill_model_list (self);
}

static void
model_search_changed_cb (LbComparePage  *self,
                         GtkSearchEntry *entry)
{
  gtk_string_filter_set_search (self->model_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
choose_all_cb (LbComparePage *self)
{
  lb_compare_page_set_chosen (self, NULL, 0);
}

#define DEFAULT_MODELS 4

typedef struct {
  guint  position;
  guint  n_results;
  gint64 id;
} Covered;

static int
by_coverage (gconstpointer a,
             gconstpointer b)
{
  const Covered *x = a, *y = b;

  if (x->n_results != y->n_results)
    return x->n_results > y->n_results ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static int
by_position (gconstpointer a,
             gconstpointer b)
{
  const Covered *x = a, *y = b;

  return x->position < y->position ? -1 : x->position > y->position;
}

/* The first choice: the few models with the most results, so the composite has benchmarks to
 * count; the user adds the others. */
static void
default_choice (LbComparePage *self,
                GArray        *ids)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) covered = g_array_new (FALSE, TRUE, sizeof (Covered));

  g_array_set_size (ids, 0);
  if (self->models == NULL)
    return;
  for (guint i = 0; i < self->models->len; i++)
    {
      LbModel *model = g_ptr_array_index (self->models, i);
      Covered c = { i, 0, model->id };

      /* A model the newest version of the sheet left out is compared only on request. */
      if (model->unlisted && !gtk_check_button_get_active (self->unlisted_check))
        continue;
      g_array_append_val (covered, c);
    }
  for (guint i = 0; i < covered->len; i++)
    {
      Covered *c = &g_array_index (covered, Covered, i);

      g_hash_table_insert (index, &c->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      LbResult *r = g_ptr_array_index (self->results, i);
      guint m = GPOINTER_TO_UINT (g_hash_table_lookup (index, &r->model_id));

      if (m > 0 && r->current)
        g_array_index (covered, Covered, m - 1).n_results++;
    }
  g_array_sort (covered, by_coverage);
  g_array_set_size (covered, MIN (covered->len, DEFAULT_MODELS));
  g_array_sort (covered, by_position);
  for (guint i = 0; i < covered->len; i++)
    g_array_append_val (ids, g_array_index (covered, Covered, i).id);
}

static void
choose_default_cb (LbComparePage *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  default_choice (self, ids);
  lb_compare_page_set_chosen (self, (const gint64 *) ids->data, ids->len);
}

/* The picker's check buttons show the choice when they are bound: while the popover is
 * closed its list waits (200 rows rebound took a tenth of a change with 200 models), and
 * model_popover_show_cb rebinds it before it opens. */
static void
fill_model_list (LbComparePage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  self->model_list_stale = FALSE;
  for (guint i = 0; self->models != NULL && i < self->models->len; i++)
    g_ptr_array_add (names, ((LbModel *) g_ptr_array_index (self->models, i))->name);
  g_ptr_array_add (names, NULL);
  /* a full splice rebinds every check button to the current choice */
  self->updating = TRUE;
  gtk_string_list_splice (self->model_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->model_names)),
                          (const char * const *) names->pdata);
  self->updating = FALSE;
}

static void
refresh_model_list (LbComparePage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->models_button))))
    fill_model_list (self);
  else
    self->model_list_stale = TRUE;
}

/* ---- dropdowns ---- */

static void
baseline_changed_cb (LbComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->baseline_dropdown);

  if (self->updating || self->comparison == NULL || selected >= self->comparison->n_models)
    return;
  self->baseline_id = self->comparison->models[selected].model->id;
  recompute (self);
}

static void
profile_changed_cb (LbComparePage *self)
{
  if (self->updating)
    return;
  recompute (self);
}

/* Models no longer listed join the comparison, or leave it. */
static void
unlisted_toggled_cb (LbComparePage *self)
{
  gboolean include = gtk_check_button_get_active (self->unlisted_check);

  if (self->updating || self->models == NULL)
    return;
  if (g_hash_table_size (self->chosen) > 0)
    for (guint i = 0; i < self->models->len; i++)
      {
        LbModel *model = g_ptr_array_index (self->models, i);

        if (!model->unlisted)
          continue;
        if (include)
          g_hash_table_add (self->chosen, g_memdup2 (&model->id, sizeof model->id));
        else
          g_hash_table_remove (self->chosen, &model->id);
      }
  refresh_model_list (self);
  recompute (self);
}

static void
options_changed_cb (LbComparePage *self)
{
  if (self->updating)
    return;
  recompute (self);
}

static void
refresh_profile_dropdown (LbComparePage *self,
                          const char    *select)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  self->updating = TRUE;
  g_ptr_array_add (names, (gpointer) _("Equal weights"));
  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    {
      LbProfile *profile = g_ptr_array_index (self->profiles, i);

      g_ptr_array_add (names, profile->name);
      if (g_strcmp0 (profile->name, select) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->profile_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->profile_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->profile_dropdown, selected);
  self->updating = FALSE;
}

/* ---- the profile editor ---- */

static gboolean
save_profile_func (const LbProfile  *profile,
                   gpointer          user_data,
                   GError          **error)
{
  return lb_compare_page_save_profile (LB_COMPARE_PAGE (user_data), profile, error);
}

static void
edit_profile_cb (LbComparePage *self)
{
  LbProfileEditor *editor;

  if (self->benchmarks == NULL)
    return;
  /* Modal over the page, and closed with it (dispose): the page outlives it. */
  editor = lb_profile_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->benchmarks, selected_profile (self), save_profile_func, self);
  g_set_weak_pointer (&self->editor, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- GObject ---- */

static void
lb_compare_page_dispose (GObject *object)
{
  LbComparePage *self = LB_COMPARE_PAGE (object);

  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  g_clear_weak_pointer (&self->editor);
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_COMPARE_PAGE);
  G_OBJECT_CLASS (lb_compare_page_parent_class)->dispose (object);
}

static void
lb_compare_page_finalize (GObject *object)
{
  LbComparePage *self = LB_COMPARE_PAGE (object);

  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->comparison, lb_comparison_unref);
  g_clear_pointer (&self->options, lb_compare_options_free);
  g_clear_pointer (&self->saved_key, g_free);
  g_clear_pointer (&self->restore_notes, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->model_names);
  g_clear_object (&self->model_filter);
  g_clear_object (&self->baseline_names);
  g_clear_object (&self->profile_names);
  G_OBJECT_CLASS (lb_compare_page_parent_class)->finalize (object);
}

static void
lb_compare_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LbComparePage *self = LB_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_boxed (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  reload (LB_COMPARE_PAGE (page), same_leaderboard);
}

/* Another leaderboard or store: a profile being edited belongs to the old one, so it goes. */
static void
page_leave (LbPage *page)
{
  LbComparePage *self = LB_COMPARE_PAGE (page);

  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
}

static void
lb_compare_page_class_init (LbComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_compare_page_dispose;
  object_class->finalize = lb_compare_page_finalize;
  object_class->get_property = lb_compare_page_get_property;
  LB_PAGE_CLASS (klass)->reload = page_reload;
  LB_PAGE_CLASS (klass)->leave = page_leave;

  properties[PROP_COMPARISON] =
    g_param_spec_boxed ("comparison", NULL, NULL, LB_TYPE_COMPARISON,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LB_TYPE_COMPARE_CHART);
  g_type_ensure (LB_TYPE_SCROLL_FIT_LAYOUT);
  g_type_ensure (LB_TYPE_SPLIT_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, models_button);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, model_search);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, model_list);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, baseline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, edit_profile_button);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, normalization_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, partial_check);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, unlisted_check);
  gtk_widget_class_bind_template_callback (widget_class, unlisted_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, robustness_label);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, uncertainty_label);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, method_label);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, table);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, chart);
  gtk_widget_class_bind_template_callback (widget_class, model_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_default_cb);
  gtk_widget_class_bind_template_callback (widget_class, baseline_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
}

static void
lb_compare_page_init (LbComparePage *self)
{
  g_autoptr(GtkListItemFactory) model_factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->rows = g_list_store_new (LB_TYPE_COMPARE_ITEM);
  g_signal_connect_swapped (self->table, "map", G_CALLBACK (table_map_cb), self);
  gtk_column_view_set_model (self->table,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));

  self->model_names = gtk_string_list_new (NULL);
  self->model_filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (self->model_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->model_names)),
                                        g_object_ref (GTK_FILTER (self->model_filter)));
  g_signal_connect (model_factory, "setup", G_CALLBACK (model_item_setup_cb), self);
  g_signal_connect (model_factory, "bind", G_CALLBACK (model_item_bind_cb), self);
  gtk_list_view_set_model (self->model_list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  gtk_list_view_set_factory (self->model_list, model_factory);
  g_signal_connect_object (gtk_menu_button_get_popover (self->models_button), "show",
                           G_CALLBACK (model_popover_show_cb), self, G_CONNECT_SWAPPED);

  self->baseline_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->baseline_dropdown, G_LIST_MODEL (self->baseline_names));
  self->profile_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->profile_dropdown, G_LIST_MODEL (self->profile_names));
  refresh_profile_dropdown (self, NULL);
  recompute (self);
}

/* ---- public API ---- */

GtkWidget *
lb_compare_page_new (void)
{
  return g_object_new (LB_TYPE_COMPARE_PAGE, NULL);
}

/* The leaderboard's saved choice, or NULL when there is none (or no store): the options, and
 * the saved key so that showing it again writes nothing. What no longer applies is noted. */
static LbCompareOptions *
restore_choice (LbComparePage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbCompareChoice) choice = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  if (store == NULL || leaderboard_id == 0)
    return NULL;
  options = lb_compare_options_load_choice (store, leaderboard_id, notices, &saved, &error);
  if (options == NULL)
    {
      /* The page still compares, from its default choice; say why the saved one is not used. */
      g_ptr_array_add (notices, g_strdup_printf (_("The comparison chosen last time could not be read: %s"),
                                                 error->message));
      self->restore_notes = g_steal_pointer (&notices);
      return NULL;
    }
  if (!saved)
    return NULL;
  choice = lb_compare_choice_from_options (options, leaderboard_id);
  if (notices->len == 0)
    self->saved_key = choice_key (choice);
  else
    self->restore_notes = g_steal_pointer (&notices);
  return g_steal_pointer (&options);
}

/* Takes new data; keeps the choice of models, baseline and profile where they still exist. */
static void
apply_data (LbComparePage *self,
            GPtrArray     *benchmarks,
            GPtrArray     *models,
            GPtrArray     *results,
            GPtrArray     *gaps,
            GPtrArray     *profiles,
            gboolean       keep_choice)
{
  g_autofree char *profile = NULL;
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LbCompareOptions) restored = NULL;

  if (selected_profile (self) != NULL)
    profile = g_strdup (selected_profile (self)->name);
  if (!keep_choice)
    {
      g_clear_pointer (&self->saved_key, g_free);
      g_clear_pointer (&self->restore_notes, g_ptr_array_unref);
      restored = restore_choice (self);
    }
  if (keep_choice)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->chosen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_array_append_val (chosen, *(gint64 *) key);
    }

  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  self->benchmarks = g_ptr_array_ref (benchmarks);
  self->models = g_ptr_array_ref (models);
  self->results = g_ptr_array_ref (results);
  self->gaps = gaps != NULL ? g_ptr_array_ref (gaps) : NULL;
  self->profiles = profiles != NULL ? g_ptr_array_ref (profiles)
                                    : g_ptr_array_new_with_free_func ((GDestroyNotify) lb_profile_free);
  if (!keep_choice || model_by_id (self, self->baseline_id) == NULL)
    self->baseline_id = 0;

  if (restored != NULL)
    {
      guint n_ids = 0;
      const gint64 *ids = lb_compare_options_get_models (restored, &n_ids);
      const LbProfile *saved_profile = lb_compare_options_get_profile (restored);

      g_array_append_vals (chosen, ids, n_ids);
      self->baseline_id = lb_compare_options_get_baseline (restored);
      profile = saved_profile != NULL ? g_strdup (saved_profile->name) : NULL;
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->normalization_dropdown,
                                  lb_compare_options_get_normalization (restored) == LB_NORMALIZE_DECLARED_SCALE ? 1 : 0);
      gtk_check_button_set_active (self->partial_check, lb_compare_options_get_include_partial (restored));
      self->updating = FALSE;
    }
  refresh_profile_dropdown (self, profile);
  if (!keep_choice && restored == NULL)
    default_choice (self, chosen);
  /* drops the models that are gone */
  lb_compare_page_set_chosen (self, (const gint64 *) chosen->data, chosen->len);
}

static void
reload (LbComparePage *self,
        gboolean       keep_choice)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  if (store == NULL || leaderboard_id == 0)
    {
      clear_data (self);
      return;
    }
  if ((benchmarks = lb_store_list_benchmarks (store, leaderboard_id, &error)) == NULL
      || (models = lb_store_list_models (store, leaderboard_id, &error)) == NULL
      || (results = lb_store_list_results (store, leaderboard_id, TRUE, &error)) == NULL
      || (gaps = lb_store_list_gaps (store, leaderboard_id, &error)) == NULL
      || (profiles = lb_store_list_profiles (store, leaderboard_id, &error)) == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  apply_data (self, benchmarks, models, results, gaps, profiles, keep_choice);
}

/* No leaderboard: nothing to compare, and nothing stale shown. */
static void
clear_data (LbComparePage *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  apply_data (self, none, none, none, NULL, NULL, FALSE);
}

void
lb_compare_page_set_data (LbComparePage *self,
                          GPtrArray     *benchmarks,
                          GPtrArray     *models,
                          GPtrArray     *results,
                          GPtrArray     *gaps,
                          GPtrArray     *profiles)
{
  g_return_if_fail (LB_IS_COMPARE_PAGE (self));
  g_return_if_fail (benchmarks != NULL && models != NULL && results != NULL);

  apply_data (self, benchmarks, models, results, gaps, profiles, FALSE);
}

void
lb_compare_page_load (LbComparePage *self,
                      LbStore       *store,
                      gint64         leaderboard_id)
{
  g_return_if_fail (LB_IS_COMPARE_PAGE (self));
  g_return_if_fail (LB_IS_STORE (store));

  g_object_set (self, "store", store, "leaderboard-id", leaderboard_id, NULL);
}

void
lb_compare_page_set_chosen (LbComparePage *self,
                            const gint64  *model_ids,
                            guint          n_ids)
{
  g_return_if_fail (LB_IS_COMPARE_PAGE (self));

  g_hash_table_remove_all (self->chosen);
  for (guint i = 0; i < n_ids; i++)
    if (model_by_id (self, model_ids[i]) != NULL)
      g_hash_table_add (self->chosen, g_memdup2 (&model_ids[i], sizeof (gint64)));
  refresh_model_list (self);
  recompute (self);
}

gboolean
lb_compare_page_select_profile (LbComparePage *self,
                                const char    *name)
{
  g_return_val_if_fail (LB_IS_COMPARE_PAGE (self), FALSE);

  if (name == NULL)
    {
      gtk_drop_down_set_selected (self->profile_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    if (g_strcmp0 (((LbProfile *) g_ptr_array_index (self->profiles, i))->name, name) == 0)
      {
        gtk_drop_down_set_selected (self->profile_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
lb_compare_page_set_baseline (LbComparePage *self,
                              gint64         model_id)
{
  g_return_if_fail (LB_IS_COMPARE_PAGE (self));

  self->baseline_id = model_id;
  recompute (self);
}

gboolean
lb_compare_page_save_profile (LbComparePage    *self,
                              const LbProfile  *profile,
                              GError          **error)
{
  guint replace = G_MAXUINT;

  g_return_val_if_fail (LB_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!lb_compare_check_profile (profile, self->benchmarks, error))
    return FALSE;
  if (self->profiles == NULL)
    self->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_profile_free);

  if (lb_page_get_store (LB_PAGE (self)) != NULL)
    {
      g_autoptr(LbProfile) copy = lb_profile_copy (profile);

      copy->leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
      /* the store emits ::changed, and the page reloads from it */
      if (lb_store_put_profile (lb_page_get_store (LB_PAGE (self)), copy, error) == 0)
        return FALSE;
      reload (self, TRUE);
      refresh_profile_dropdown (self, profile->name);
      recompute (self);
      return TRUE;
    }

  for (guint i = 0; i < self->profiles->len; i++)
    {
      LbProfile *other = g_ptr_array_index (self->profiles, i);

      if (profile->id != 0 && other->id == profile->id)
        replace = i;
      else if (g_strcmp0 (other->name, profile->name) == 0)
        {
          if (profile->id == 0 || other->id == 0)
            replace = i;
          else
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("A profile named “%s” exists already. Pick another name."), profile->name);
              return FALSE;
            }
        }
    }
  if (replace != G_MAXUINT)
    {
      lb_profile_free (g_ptr_array_index (self->profiles, replace));
      g_ptr_array_index (self->profiles, replace) = lb_profile_copy (profile);
    }
  else
    g_ptr_array_add (self->profiles, lb_profile_copy (profile));

  refresh_profile_dropdown (self, profile->name);
  recompute (self);
  return TRUE;
}

LbComparison *
lb_compare_page_get_comparison (LbComparePage *self)
{
  g_return_val_if_fail (LB_IS_COMPARE_PAGE (self), NULL);
  return self->comparison;
}

const LbCompareOptions *
lb_compare_page_get_options (LbComparePage *self)
{
  g_return_val_if_fail (LB_IS_COMPARE_PAGE (self), NULL);
  return self->options;
}
