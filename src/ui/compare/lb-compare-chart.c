/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-chart.c: grouped horizontal bars of a comparison, drawn with cairo */

#define G_LOG_DOMAIN "lb-compare-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lb-compare-chart.h"

#define PADDING      12.0
#define BAR_HEIGHT   14.0
#define BAR_GAP       3.0
#define GROUP_GAP    12.0
#define LEGEND_ROW   20.0
#define SWATCH       12.0
#define VALUE_SPACE  150.0

struct _LbCompareChart
{
  GtkWidget      parent_instance;

  /* owned */
  LbComparison  *comparison;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
};

/* Scrollable itself, so that it draws only the groups in view: 200 models × 50 benchmarks are
 * 10,000 bars, and a scrolled window would otherwise have them all drawn on every change. */
G_DEFINE_FINAL_TYPE_WITH_CODE (LbCompareChart, lb_compare_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

/* Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
 * vision deficiency. Black comes last; on a dark style it becomes a light grey. */
static const char *const okabe_ito[] = {
  "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
};

void
lb_compare_chart_model_color (guint     index,
                              gboolean  dark,
                              GdkRGBA  *color)
{
  guint i = index % G_N_ELEMENTS (okabe_ito);

  if (dark && i == G_N_ELEMENTS (okabe_ito) - 1)
    gdk_rgba_parse (color, "#BBBBBB");
  else
    gdk_rgba_parse (color, okabe_ito[i]);
}

static guint
n_groups (LbCompareChart *self)
{
  /* every benchmark, and the composite */
  return self->comparison != NULL ? self->comparison->n_rows + 1 : 0;
}

/* The room a legend entry takes: the swatch and the longest model name, whole (up to the
 * whole width, past which a name is ellipsised). */
static double
legend_entry_width (LbCompareChart *self,
                    int             width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double widest = 0;

  for (guint m = 0; self->comparison != NULL && m < self->comparison->n_models; m++)
    {
      const LbCompareModel *model = &self->comparison->models[m];
      g_autofree char *name = model->baseline ? g_strdup_printf (_("%s (baseline)"), model->model->name)
                                              : g_strdup (model->model->name);
      int w;

      pango_layout_set_text (layout, name, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return MIN (SWATCH + 6 + widest + 18, MAX (1.0, width - 2 * PADDING));
}

static guint
legend_per_row (LbCompareChart *self,
                int             width)
{
  return MAX (1, (guint) ((width - 2 * PADDING) / legend_entry_width (self, width)));
}

static guint
legend_rows (LbCompareChart *self,
             int             width)
{
  guint per_row;

  if (self->comparison == NULL)
    return 0;
  per_row = legend_per_row (self, width);
  return (self->comparison->n_models + per_row - 1) / per_row;
}

static double
group_height (LbCompareChart *self)
{
  return self->comparison->n_models * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + GROUP_GAP;
}

static double
content_height (LbCompareChart *self,
                int             width)
{
  if (self->comparison == NULL)
    return 0;
  return 2 * PADDING + legend_rows (self, width) * LEGEND_ROW + GROUP_GAP + n_groups (self) * group_height (self);
}

static void
lb_compare_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LbCompareChart *self = LB_COMPARE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow enough for a 360 px window with the page's margins; the bars shrink. */
      *minimum = 280;
      *natural = 720;
      return;
    }
  *natural = (int) ceil (content_height (self, for_size < 0 ? 720 : for_size));
  /* the rest scrolls */
  *minimum = MIN (*natural, 160);
}

static void
lb_compare_chart_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LbCompareChart *self = LB_COMPARE_CHART (widget);
  double content = content_height (self, width);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, content - height)),
                              0, MAX (content, height), height * 0.1, height * 0.9, height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
}

static void
adjustment_value_changed_cb (GtkAdjustment  *adjustment,
                             LbCompareChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (LbCompareChart  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static GtkSizeRequestMode
lb_compare_chart_get_request_mode (GtkWidget *widget)
{
  /* the legend wraps: the narrower, the taller */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
is_dark (GtkWidget *widget,
         GdkRGBA   *foreground)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* light text means a dark background */
  return 0.2126 * foreground->red + 0.7152 * foreground->green + 0.0722 * foreground->blue > 0.5;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y_center,
           int          max_width)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, max_width > 0 ? max_width * PANGO_SCALE : -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y_center - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* One group: the benchmark's (or the composite's) name, then a bar per model. */
static void
draw_group (LbCompareChart *self,
            GtkSnapshot    *snapshot,
            PangoLayout    *layout,
            guint           g,
            double          y,
            double          width,
            double          label_width,
            gboolean        dark,
            const GdkRGBA  *foreground)
{
  const LbComparison *c = self->comparison;
  gboolean composite = g == c->n_rows;
  double h = group_height (self);
  double bar_x = PADDING + label_width + 8;
  double bar_w = MAX (40.0, width - bar_x - PADDING - VALUE_SPACE);
  g_autoptr(GString) name = g_string_new (NULL);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, y, width, h));

  if (composite)
    g_string_append (name, _("Composite"));
  else
    g_string_append_printf (name, "%s %s", c->rows[g].benchmark->name,
                            c->rows[g].benchmark->higher_is_better ? "↑" : "↓");
  gdk_cairo_set_source_rgba (cr, foreground);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  draw_text (cr, layout, name->str, PADDING, y + (h - GROUP_GAP) / 2, (int) label_width);

  /* the 0 axis */
  cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue, 0.35);
  cairo_rectangle (cr, bar_x - 1, y, 1, h - GROUP_GAP);
  cairo_fill (cr);

  for (guint m = 0; m < c->n_models; m++)
    {
      double by = y + m * (BAR_HEIGHT + BAR_GAP);
      g_autofree char *label = NULL;
      double value = NAN;
      GdkRGBA color;

      if (composite)
        {
          const LbCompareModel *model = &c->models[m];

          if (model->has_composite)
            {
              value = model->composite;
              label = model->partial && c->include_partial
                      ? g_strdup_printf (_("%.2f (partial)"), value)
                      : g_strdup_printf ("%.2f", value);
            }
          else
            label = g_strdup (_("— no composite"));
        }
      else
        {
          const LbCompareRow *row = &c->rows[g];
          const LbCompareCell *cell = &row->cells[m];

          if (cell->kind == LB_CELL_VALUE)
            {
              g_autofree char *score = lb_compare_format_cell_score (row, cell);

              value = cell->normalized;
              if (cell->best)
                label = g_strdup_printf (_("%s (best)"), score);
              else if (row->method == LB_NORMALIZE_MIN_MAX && value < 0.02 && !row->degenerate)
                /* Its bar is next to nothing: the worst of the leaderboard rescales to 0, which
                   is no missing value and no zero score. */
                label = g_strdup_printf (_("%s (worst of the leaderboard)"), score);
              else
                label = g_steal_pointer (&score);
            }
          else
            label = g_strdup (_("— no value"));
        }
      if (c->n_models > G_N_ELEMENTS (okabe_ito))
        {
          /* the colours repeat: the name tells the bars apart */
          char *named = g_strdup_printf ("%s: %s", c->models[m].model->name, label);

          g_free (label);
          label = named;
        }

      lb_compare_chart_model_color (m, dark, &color);
      if (!isnan (value))
        {
          /* a sliver even at 0, so a zero reads as a value and not as a gap */
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, bar_x, by, MAX (2.0, value * bar_w), BAR_HEIGHT);
          cairo_fill (cr);
        }
      else
        {
          /* an outlined empty box marks the missing value */
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.8);
          cairo_set_line_width (cr, 1.0);
          cairo_set_dash (cr, (double[]) { 3.0, 3.0 }, 2, 0);
          cairo_rectangle (cr, bar_x + 0.5, by + 0.5, 24, BAR_HEIGHT - 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      gdk_cairo_set_source_rgba (cr, foreground);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      draw_text (cr, layout, label,
                 bar_x + (isnan (value) ? 28 : MAX (2.0, value * bar_w)) + 6,
                 by + BAR_HEIGHT / 2, -1);
    }
  cairo_destroy (cr);
}

static void
lb_compare_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LbCompareChart *self = LB_COMPARE_CHART (widget);
  const LbComparison *c = self->comparison;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double offset = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA foreground;
  gboolean dark;
  double label_width = 0;
  double y = PADDING - offset;
  double legend_height;
  double entry_width;
  guint per_row;

  if (c == NULL)
    return;

  dark = is_dark (widget, &foreground);
  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* the widest benchmark name, up to a third of the width */
  for (guint g = 0; g < n_groups (self); g++)
    {
      int w;

      pango_layout_set_text (layout, g < c->n_rows ? c->rows[g].benchmark->name : _("Composite"), -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      label_width = MAX (label_width, w + 24);
    }
  label_width = MIN (label_width, width / 3.0);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* legend: which colour is which model */
  per_row = legend_per_row (self, width);
  entry_width = legend_entry_width (self, width);
  legend_height = legend_rows (self, width) * LEGEND_ROW;
  if (y + legend_height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, y, width, legend_height));

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      for (guint m = 0; m < c->n_models; m++)
        {
          double x = PADDING + (m % per_row) * entry_width;
          double ly = y + (m / per_row) * LEGEND_ROW;
          g_autofree char *name = c->models[m].baseline
                                  ? g_strdup_printf (_("%s (baseline)"), c->models[m].model->name)
                                  : g_strdup (c->models[m].model->name);
          GdkRGBA color;

          lb_compare_chart_model_color (m, dark, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, x, ly + (LEGEND_ROW - SWATCH) / 2 - 2, SWATCH, SWATCH);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &foreground);
          draw_text (cr, layout, name, x + SWATCH + 6, ly + LEGEND_ROW / 2 - 2, (int) (entry_width - SWATCH - 14));
        }
      cairo_destroy (cr);
    }
  y += legend_height + GROUP_GAP;

  /* only the groups in view, each its own small cairo node */
  for (guint g = 0; g < n_groups (self) && y < height; g++)
    {
      if (y + group_height (self) > 0)
        draw_group (self, snapshot, layout, g, y, width, label_width, dark, &foreground);
      y += group_height (self);
    }
  gtk_snapshot_pop (snapshot);
}

char *
lb_compare_chart_dup_description (LbCompareChart *self)
{
  const LbComparison *c;
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (LB_IS_COMPARE_CHART (self), NULL);

  c = self->comparison;
  if (c == NULL)
    return g_strdup (_("No comparison to show."));
  g_string_append_printf (s,
                          ngettext ("Bar chart of the rescaled scores (0 to 1, 1 = best) of %u model on %u benchmarks, and the composite.",
                                    "Bar chart of the rescaled scores (0 to 1, 1 = best) of %u models on %u benchmarks, and the composite.",
                                    c->n_models),
                          c->n_models, c->n_rows);
  g_string_append_c (s, ' ');
  if (c->n_ranked > 0)
    g_string_append_printf (s, _("“%s” has the highest composite."), c->models[c->ranking[0]].model->name);
  g_string_append_c (s, ' ');
  g_string_append (s, _("The table shows the same values."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
update_accessible (LbCompareChart *self)
{
  g_autofree char *description = lb_compare_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
lb_compare_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (lb_compare_chart_parent_class)->css_changed (widget, change);
  /* the palette depends on light or dark */
  gtk_widget_queue_draw (widget);
}

static void
lb_compare_chart_finalize (GObject *object)
{
  LbCompareChart *self = LB_COMPARE_CHART (object);

  g_clear_pointer (&self->comparison, lb_comparison_unref);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (lb_compare_chart_parent_class)->finalize (object);
}

static void
lb_compare_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LbCompareChart *self = LB_COMPARE_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_boxed (value, self->comparison);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_compare_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LbCompareChart *self = LB_COMPARE_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      lb_compare_chart_set_comparison (self, g_value_get_boxed (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_compare_chart_class_init (LbCompareChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lb_compare_chart_finalize;
  object_class->get_property = lb_compare_chart_get_property;
  object_class->set_property = lb_compare_chart_set_property;

  widget_class->get_request_mode = lb_compare_chart_get_request_mode;
  widget_class->measure = lb_compare_chart_measure;
  widget_class->size_allocate = lb_compare_chart_size_allocate;
  widget_class->snapshot = lb_compare_chart_snapshot;
  widget_class->css_changed = lb_compare_chart_css_changed;

  properties[PROP_COMPARISON] =
    g_param_spec_boxed ("comparison", NULL, NULL, LB_TYPE_COMPARISON,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "lb-compare-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lb_compare_chart_init (LbCompareChart *self)
{
  update_accessible (self);
}

GtkWidget *
lb_compare_chart_new (void)
{
  return g_object_new (LB_TYPE_COMPARE_CHART, NULL);
}

void
lb_compare_chart_set_comparison (LbCompareChart *self,
                                 LbComparison   *comparison)
{
  g_return_if_fail (LB_IS_COMPARE_CHART (self));

  if (self->comparison == comparison)
    return;
  g_clear_pointer (&self->comparison, lb_comparison_unref);
  if (comparison != NULL)
    self->comparison = lb_comparison_ref (comparison);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

LbComparison *
lb_compare_chart_get_comparison (LbCompareChart *self)
{
  g_return_val_if_fail (LB_IS_COMPARE_CHART (self), NULL);
  return self->comparison;
}
