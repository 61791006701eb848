/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-ranking-row.c: one model's row in the ranking table */

#define G_LOG_DOMAIN "lb-ranking-row"

#include "config.h"

#include "lb-ranking-row.h"

typedef struct {
  LbResult *current;
  LbResult *previous;
  LbGap    *gap;
} Cell;

struct _LbRankingRow
{
  GObject  parent_instance;

  /* owned */
  LbModel *model;
  GArray  *cells;   /* of Cell */
  guint    probe;
};

G_DEFINE_FINAL_TYPE (LbRankingRow, lb_ranking_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->current, lb_result_free);
  g_clear_pointer (&cell->previous, lb_result_free);
  g_clear_pointer (&cell->gap, lb_gap_free);
}

static void
lb_ranking_row_finalize (GObject *object)
{
  LbRankingRow *self = LB_RANKING_ROW (object);

  g_clear_pointer (&self->model, lb_model_free);
  g_clear_pointer (&self->cells, g_array_unref);
  G_OBJECT_CLASS (lb_ranking_row_parent_class)->finalize (object);
}

static void
lb_ranking_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LbRankingRow *self = LB_RANKING_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->model != NULL ? self->model->name : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ranking_row_class_init (LbRankingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_ranking_row_finalize;
  object_class->get_property = lb_ranking_row_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_ranking_row_init (LbRankingRow *self)
{
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (self->cells, cell_clear);
}

LbRankingRow *
lb_ranking_row_new (LbModel *model,
                    guint    n_cells)
{
  LbRankingRow *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (LB_TYPE_RANKING_ROW, NULL);
  self->model = model;
  g_array_set_size (self->cells, n_cells);
  return self;
}

LbRankingRow *
lb_ranking_row_new_probe (guint order)
{
  LbRankingRow *self = g_object_new (LB_TYPE_RANKING_ROW, NULL);

  self->probe = order;
  return self;
}

guint
lb_ranking_row_get_probe (LbRankingRow *self)
{
  g_return_val_if_fail (LB_IS_RANKING_ROW (self), 0);
  return self->probe;
}

const LbModel *
lb_ranking_row_get_model (LbRankingRow *self)
{
  g_return_val_if_fail (LB_IS_RANKING_ROW (self), NULL);
  return self->model;
}

guint
lb_ranking_row_get_n_cells (LbRankingRow *self)
{
  g_return_val_if_fail (LB_IS_RANKING_ROW (self), 0);
  return self->cells->len;
}

static Cell *
get_cell (LbRankingRow *self,
          guint         cell)
{
  g_return_val_if_fail (LB_IS_RANKING_ROW (self), NULL);
  if (cell >= self->cells->len)
    return NULL;
  return &g_array_index (self->cells, Cell, cell);
}

void
lb_ranking_row_set_result (LbRankingRow *self,
                           guint         cell,
                           LbResult     *current)
{
  Cell *c = get_cell (self, cell);

  g_return_if_fail (c != NULL);
  g_clear_pointer (&c->current, lb_result_free);
  c->current = current;
}

void
lb_ranking_row_set_previous (LbRankingRow *self,
                             guint         cell,
                             LbResult     *previous)
{
  Cell *c = get_cell (self, cell);

  g_return_if_fail (c != NULL);
  g_clear_pointer (&c->previous, lb_result_free);
  c->previous = previous;
}

void
lb_ranking_row_set_gap (LbRankingRow *self,
                        guint         cell,
                        LbGap        *gap)
{
  Cell *c = get_cell (self, cell);

  g_return_if_fail (c != NULL);
  g_clear_pointer (&c->gap, lb_gap_free);
  c->gap = gap;
}

const LbResult *
lb_ranking_row_get_result (LbRankingRow *self,
                           guint         cell)
{
  Cell *c = get_cell (self, cell);

  return c != NULL ? c->current : NULL;
}

const LbResult *
lb_ranking_row_get_previous (LbRankingRow *self,
                             guint         cell)
{
  Cell *c = get_cell (self, cell);

  return c != NULL ? c->previous : NULL;
}

const LbGap *
lb_ranking_row_get_gap (LbRankingRow *self,
                        guint         cell)
{
  Cell *c = get_cell (self, cell);

  return c != NULL ? c->gap : NULL;
}
