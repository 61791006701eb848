/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-record-item.h: a GObject holding one plain record, for GListModels of records */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LB_TYPE_RECORD_ITEM (lb_record_item_get_type ())
G_DECLARE_FINAL_TYPE (LbRecordItem, lb_record_item, LB, RECORD_ITEM, GObject)

/* Takes ownership of @record; @free_func releases it with the item. */
LbRecordItem *lb_record_item_new (gpointer record, GDestroyNotify free_func);
/* The record, owned by the item. */
gpointer      lb_record_item_get (LbRecordItem *self);

G_END_DECLS
