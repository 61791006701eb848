/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-page.c: the Compare page: which benchmarks each model has results for */

#define G_LOG_DOMAIN "lb-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-record-item.h"
#include "lb-store.h"
#include "lb-compare-page.h"

typedef struct {
  char  *name;
  char  *detail;
  guint  have;
  guint  total;
} Coverage;

struct _LbComparePage
{
  LbPage      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkListBox *list;

  /* owned */
  GListStore *items;      /* of LbRecordItem holding Coverage */
};

G_DEFINE_FINAL_TYPE (LbComparePage, lb_compare_page, LB_TYPE_PAGE)

static void
coverage_free (Coverage *c)
{
  g_free (c->name);
  g_free (c->detail);
  g_free (c);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  Coverage *c = lb_record_item_get (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = g_strdup_printf (ngettext ("%u of %u benchmark", "%u of %u benchmarks", c->total),
                                            c->have, c->total);
  GtkWidget *label = gtk_label_new (count);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->detail);
  gtk_widget_add_css_class (label, "numeric");
  if (c->have < c->total)
    gtk_widget_add_css_class (label, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
reload (LbComparePage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->items);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (store == NULL || leaderboard_id == 0)
    return;
  if ((models = lb_store_list_models (store, leaderboard_id, &error)) == NULL ||
      (benchmarks = lb_store_list_benchmarks (store, leaderboard_id, &error)) == NULL ||
      (results = lb_store_list_results (store, leaderboard_id, TRUE, &error)) == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      LbResult *r = g_ptr_array_index (results, i);

      g_hash_table_add (have, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                               r->model_id, r->benchmark_id));
    }
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *m = g_ptr_array_index (models, i);
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();
      Coverage *c = g_new0 (Coverage, 1);

      for (guint j = 0; j < benchmarks->len; j++)
        {
          LbBenchmark *b = g_ptr_array_index (benchmarks, j);
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, m->id, b->id);

          if (b->retired)
            continue;
          c->total++;
          if (g_hash_table_contains (have, key))
            c->have++;
          else
            g_ptr_array_add (missing, b->name);
        }
      c->name = g_strdup (m->name);
      if (missing->len == 0)
        c->detail = g_strdup (_("A current result for every benchmark"));
      else
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (missing, NULL);
          list = g_strjoinv (", ", (char **) missing->pdata);
          c->detail = g_strdup_printf (_("Missing: %s"), list);
        }
      g_ptr_array_add (items, lb_record_item_new (c, (GDestroyNotify) coverage_free));
    }
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

/* ---- GObject ---- */

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  reload (LB_COMPARE_PAGE (page));
}

static void
lb_compare_page_dispose (GObject *object)
{
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_COMPARE_PAGE);
  G_OBJECT_CLASS (lb_compare_page_parent_class)->dispose (object);
}

static void
lb_compare_page_finalize (GObject *object)
{
  LbComparePage *self = LB_COMPARE_PAGE (object);

  g_clear_object (&self->items);
  G_OBJECT_CLASS (lb_compare_page_parent_class)->finalize (object);
}

static void
lb_compare_page_class_init (LbComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_compare_page_dispose;
  object_class->finalize = lb_compare_page_finalize;
  LB_PAGE_CLASS (klass)->reload = page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbComparePage, list);
}

static void
lb_compare_page_init (LbComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (LB_TYPE_RECORD_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, NULL, NULL);
}
