/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-record-item.c: a GObject holding one plain record */

#define G_LOG_DOMAIN "lb-record-item"

#include "config.h"

#include "lb-record-item.h"

struct _LbRecordItem
{
  GObject        parent_instance;

  /* owned */
  gpointer       record;
  GDestroyNotify free_func;
};

G_DEFINE_FINAL_TYPE (LbRecordItem, lb_record_item, G_TYPE_OBJECT)

static void
lb_record_item_finalize (GObject *object)
{
  LbRecordItem *self = LB_RECORD_ITEM (object);

  if (self->free_func != NULL)
    g_clear_pointer (&self->record, self->free_func);
  G_OBJECT_CLASS (lb_record_item_parent_class)->finalize (object);
}

static void
lb_record_item_class_init (LbRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_record_item_finalize;
}

static void
lb_record_item_init (LbRecordItem *self)
{
}

LbRecordItem *
lb_record_item_new (gpointer       record,
                    GDestroyNotify free_func)
{
  LbRecordItem *self = g_object_new (LB_TYPE_RECORD_ITEM, NULL);

  self->record = record;
  self->free_func = free_func;
  return self;
}

gpointer
lb_record_item_get (LbRecordItem *self)
{
  g_return_val_if_fail (LB_IS_RECORD_ITEM (self), NULL);
  return self->record;
}
