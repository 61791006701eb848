/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-history-page.c: the History page: the imports and the audit log */

#define G_LOG_DOMAIN "lb-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-record-item.h"
#include "lb-warning-row.h"
#include "lb-store.h"
#include "lb-history-page.h"

/* The audit log can grow long; the page shows the newest entries. */
#define AUDIT_LIMIT 200

struct _LbHistoryPage
{
  LbPage      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkListBox *list;
  GtkListBox *audit_list;

  /* owned */
  GListStore *items;      /* of LbRecordItem holding LbImport */
  GListStore *audit;      /* of LbRecordItem holding LbAuditEntry */
};

G_DEFINE_FINAL_TYPE (LbHistoryPage, lb_history_page, LB_TYPE_PAGE)

static const char *
delimiter_name (const char *delimiter)
{
  if (g_strcmp0 (delimiter, ",") == 0)
    return _("comma");
  if (g_strcmp0 (delimiter, ";") == 0)
    return _("semicolon");
  if (g_strcmp0 (delimiter, "\t") == 0)
    return _("tab");
  if (g_strcmp0 (delimiter, "|") == 0)
    return _("bar");
  return delimiter != NULL ? delimiter : "?";
}

static GtkWidget *
create_import_row (gpointer item,
                   gpointer user_data)
{
  LbImport *import = lb_record_item_get (item);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;

  counts = g_strdup_printf (ngettext ("%u record, %u results", "%u records, %u results", import->records),
                            import->records, import->results);
  subtitle = g_strdup_printf (ngettext ("%.10s · %s · %s · %s · %u warning",
                                        "%.10s · %s · %s · %s · %u warnings", import->warnings->len),
                              import->imported_at, import->encoding ? import->encoding : "?",
                              delimiter_name (import->delimiter), counts, import->warnings->len);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), import->file_name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, import->file_path);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this import and its results"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-import");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", import->id);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), import->warnings->len > 0);
  for (guint i = 0; i < import->warnings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              lb_warning_row_new (g_ptr_array_index (import->warnings, i), NULL));
  return row;
}

static GtkWidget *
create_audit_row (gpointer item,
                  gpointer user_data)
{
  LbAuditEntry *e = lb_record_item_get (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (e->old_value != NULL && *e->old_value != '\0' && e->new_value != NULL && *e->new_value != '\0')
    title = g_strdup_printf (_("%s %s: “%s” → “%s”"), e->entity, e->field ? e->field : "",
                             e->old_value, e->new_value);
  else if (e->new_value != NULL && *e->new_value != '\0')
    title = g_strdup_printf (_("%s %s: “%s”"), e->entity, e->field ? e->field : "", e->new_value);
  else if (e->old_value != NULL && *e->old_value != '\0')
    title = g_strdup_printf (_("%s %s cleared (was “%s”)"), e->entity, e->field ? e->field : "",
                             e->old_value);
  else
    title = g_strdup_printf ("%s %s", e->entity, e->field ? e->field : "");
  subtitle = g_strdup_printf (_("%s by %s"), e->at, e->who ? e->who : _("unknown"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
reload (LbHistoryPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->items);
  g_list_store_remove_all (self->audit);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (store == NULL || leaderboard_id == 0)
    return;
  if ((imports = lb_store_list_imports (store, leaderboard_id, &error)) == NULL ||
      (audit = lb_store_list_audit (store, leaderboard_id, AUDIT_LIMIT, &error)) == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  for (guint i = 0; i < imports->len; i++)
    {
      g_autoptr(LbRecordItem) item = lb_record_item_new (lb_import_copy (g_ptr_array_index (imports, i)),
                                                         (GDestroyNotify) lb_import_free);

      g_list_store_append (self->items, item);
    }
  for (guint i = 0; i < audit->len; i++)
    {
      g_autoptr(LbRecordItem) item = lb_record_item_new (lb_audit_entry_copy (g_ptr_array_index (audit, i)),
                                                         (GDestroyNotify) lb_audit_entry_free);

      g_list_store_append (self->audit, item);
    }
  gtk_stack_set_visible_child_name (self->stack, imports->len + audit->len > 0 ? "list" : "empty");
}

/* ---- GObject ---- */

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  reload (LB_HISTORY_PAGE (page));
}

static void
lb_history_page_dispose (GObject *object)
{
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_HISTORY_PAGE);
  G_OBJECT_CLASS (lb_history_page_parent_class)->dispose (object);
}

static void
lb_history_page_finalize (GObject *object)
{
  LbHistoryPage *self = LB_HISTORY_PAGE (object);

  g_clear_object (&self->items);
  g_clear_object (&self->audit);
  G_OBJECT_CLASS (lb_history_page_parent_class)->finalize (object);
}

static void
lb_history_page_class_init (LbHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_history_page_dispose;
  object_class->finalize = lb_history_page_finalize;
  LB_PAGE_CLASS (klass)->reload = page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, list);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, audit_list);
}

static void
lb_history_page_init (LbHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (LB_TYPE_RECORD_ITEM);
  self->audit = g_list_store_new (LB_TYPE_RECORD_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_import_row, NULL, NULL);
  gtk_list_box_bind_model (self->audit_list, G_LIST_MODEL (self->audit), create_audit_row, NULL, NULL);
}
