/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells-page.c: the Smells page: the smell checks recorded in the store */

#define G_LOG_DOMAIN "lb-smells-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-record-item.h"
#include "lb-store.h"
#include "lb-smells-page.h"

struct _LbSmellsPage
{
  LbPage      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkListBox *list;

  /* owned */
  GListStore *items;      /* of LbRecordItem holding LbSmell */
};

G_DEFINE_FINAL_TYPE (LbSmellsPage, lb_smells_page, LB_TYPE_PAGE)

static const char *
status_label (const char *status)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "unchecked", N_("Not checked") },
    { "present", N_("Present") },
    { "absent", N_("Absent") },
    { "mitigated", N_("Mitigated") },
    { "accepted", N_("Accepted") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].id) == 0)
      return _(labels[i].label);
  return status;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LbSmell *smell = lb_record_item_get (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (status_label (smell->status));
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf (_("%s entity"), smell->smell);

  if (smell->component != NULL)
    g_string_append_printf (detail, _("Component: %s"), smell->component);
  if (smell->evidence != NULL)
    g_string_append_printf (detail, "%s%s", detail->len > 0 ? "\n" : "", smell->evidence);
  if (smell->note != NULL)
    g_string_append_printf (detail, "%s%s", detail->len > 0 ? "\n" : "", smell->note);
  if (smell->reviewer != NULL || smell->checked_at != NULL)
    g_string_append_printf (detail, _("%sChecked by %s on %s"), detail->len > 0 ? "\n" : "",
                            smell->reviewer ? smell->reviewer : "—",
                            smell->checked_at ? smell->checked_at : "—");

  title[0] = g_ascii_toupper (title[0]);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (g_strcmp0 (smell->status, "present") == 0)
    gtk_widget_add_css_class (status, "error");
  if (smell->needs_review)
    gtk_widget_set_tooltip_text (status, _("New evidence appeared after this verdict"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  return row;
}

static void
reload (LbSmellsPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(GPtrArray) smells = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->items);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (store == NULL || leaderboard_id == 0)
    return;
  smells = lb_store_list_smells (store, leaderboard_id, &error);
  if (smells == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  for (guint i = 0; i < smells->len; i++)
    {
      g_autoptr(LbRecordItem) item = lb_record_item_new (lb_smell_copy (g_ptr_array_index (smells, i)),
                                                         (GDestroyNotify) lb_smell_free);

      g_list_store_append (self->items, item);
    }
  gtk_stack_set_visible_child_name (self->stack, smells->len > 0 ? "list" : "empty");
}

/* ---- GObject ---- */

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  reload (LB_SMELLS_PAGE (page));
}

static void
lb_smells_page_dispose (GObject *object)
{
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_SMELLS_PAGE);
  G_OBJECT_CLASS (lb_smells_page_parent_class)->dispose (object);
}

static void
lb_smells_page_finalize (GObject *object)
{
  LbSmellsPage *self = LB_SMELLS_PAGE (object);

  g_clear_object (&self->items);
  G_OBJECT_CLASS (lb_smells_page_parent_class)->finalize (object);
}

static void
lb_smells_page_class_init (LbSmellsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_smells_page_dispose;
  object_class->finalize = lb_smells_page_finalize;
  LB_PAGE_CLASS (klass)->reload = page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-smells-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, list);
}

static void
lb_smells_page_init (LbSmellsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (LB_TYPE_RECORD_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, NULL, NULL);
}
