/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-ranking-item.c: one model in the ranking table's list model */

#define G_LOG_DOMAIN "lb-ranking-item"

#include "config.h"

#include "lb-ranking-item.h"

typedef struct {
  LbResult *current;
  LbResult *previous;
  LbGap    *gap;
} Cell;

struct _LbRankingItem
{
  GObject  parent_instance;

  /* owned */
  LbModel *model;
  GArray  *cells;   /* of Cell */
  guint    probe;
};

G_DEFINE_FINAL_TYPE (LbRankingItem, lb_ranking_item, G_TYPE_OBJECT)

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
lb_ranking_item_finalize (GObject *object)
{
  LbRankingItem *self = LB_RANKING_ITEM (object);

  g_clear_pointer (&self->model, lb_model_free);
  g_clear_pointer (&self->cells, g_array_unref);
  G_OBJECT_CLASS (lb_ranking_item_parent_class)->finalize (object);
}

static void
lb_ranking_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LbRankingItem *self = LB_RANKING_ITEM (object);

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
lb_ranking_item_class_init (LbRankingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_ranking_item_finalize;
  object_class->get_property = lb_ranking_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_ranking_item_init (LbRankingItem *self)
{
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (self->cells, cell_clear);
}

LbRankingItem *
lb_ranking_item_new (LbModel *model,
                    guint    n_cells)
{
  LbRankingItem *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (LB_TYPE_RANKING_ITEM, NULL);
  self->model = model;
  g_array_set_size (self->cells, n_cells);
  return self;
}

LbRankingItem *
lb_ranking_item_new_probe (guint order)
{
  LbRankingItem *self = g_object_new (LB_TYPE_RANKING_ITEM, NULL);

  self->probe = order;
  return self;
}

guint
lb_ranking_item_get_probe (LbRankingItem *self)
{
  g_return_val_if_fail (LB_IS_RANKING_ITEM (self), 0);
  return self->probe;
}

const LbModel *
lb_ranking_item_get_model (LbRankingItem *self)
{
  g_return_val_if_fail (LB_IS_RANKING_ITEM (self), NULL);
  return self->model;
}

guint
lb_ranking_item_get_n_cells (LbRankingItem *self)
{
  g_return_val_if_fail (LB_IS_RANKING_ITEM (self), 0);
  return self->cells->len;
}

static Cell *
get_cell (LbRankingItem *self,
          guint         cell)
{
  g_return_val_if_fail (LB_IS_RANKING_ITEM (self), NULL);
  if (cell >= self->cells->len)
    return NULL;
  return &g_array_index (self->cells, Cell, cell);
}

void
lb_ranking_item_set_result (LbRankingItem *self,
                           guint         cell,
                           LbResult     *current)
{
  Cell *c = get_cell (self, cell);

  g_return_if_fail (c != NULL);
  g_clear_pointer (&c->current, lb_result_free);
  c->current = current;
}

void
lb_ranking_item_set_previous (LbRankingItem *self,
                             guint         cell,
                             LbResult     *previous)
{
  Cell *c = get_cell (self, cell);

  g_return_if_fail (c != NULL);
  g_clear_pointer (&c->previous, lb_result_free);
  c->previous = previous;
}

void
lb_ranking_item_set_gap (LbRankingItem *self,
                        guint         cell,
                        LbGap        *gap)
{
  Cell *c = get_cell (self, cell);

  g_return_if_fail (c != NULL);
  g_clear_pointer (&c->gap, lb_gap_free);
  c->gap = gap;
}

const LbResult *
lb_ranking_item_get_result (LbRankingItem *self,
                           guint         cell)
{
  Cell *c = get_cell (self, cell);

  return c != NULL ? c->current : NULL;
}

const LbResult *
lb_ranking_item_get_previous (LbRankingItem *self,
                             guint         cell)
{
  Cell *c = get_cell (self, cell);

  return c != NULL ? c->previous : NULL;
}

const LbGap *
lb_ranking_item_get_gap (LbRankingItem *self,
                        guint         cell)
{
  Cell *c = get_cell (self, cell);

  return c != NULL ? c->gap : NULL;
}
