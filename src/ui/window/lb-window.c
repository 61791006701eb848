/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-window.c: the main window */

#define G_LOG_DOMAIN "lb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-application.h"
#include "lb-compare-page.h"
#include "lb-csv-writer.h"
#include "lb-history-page.h"
#include "lb-import-assistant.h"
#include "lb-lbom.h"
#include "lb-leaderboard-item.h"
#include "lb-overview-page.h"
#include "lb-phrase-breaks.h"
#include "lb-record-form.h"
#include "lb-report-print.h"
#include "lb-results-page.h"
#include "lb-review-report.h"
#include "lb-smells-page.h"
#include "lb-toast-queue.h"
#include "lb-window.h"

typedef enum {
  UNDO_NONE,
  UNDO_IMPORT,          /* remove the import just made */
  UNDO_DELETE_LEADERBOARD,
  UNDO_REMOVE_IMPORT,
  UNDO_IMPORT_LBOM,     /* delete the leaderboard an LBOM file just created */
} UndoKind;

/* The pages of the view stack, in its order. */
typedef enum {
  PAGE_OVERVIEW,
  PAGE_RESULTS,
  PAGE_COMPARE,
  PAGE_SMELLS,
  PAGE_HISTORY,
  N_PAGES
} PageIndex;

static const struct {
  const char *name;             /* of its AdwViewStackPage */
  GType     (*get_type) (void);
} page_info[N_PAGES] = {
  [PAGE_OVERVIEW] = { "overview", lb_overview_page_get_type },
  [PAGE_RESULTS]  = { "results",  lb_results_page_get_type },
  [PAGE_COMPARE]  = { "compare",  lb_compare_page_get_type },
  [PAGE_SMELLS]   = { "smells",   lb_smells_page_get_type },
  [PAGE_HISTORY]  = { "history",  lb_history_page_get_type },
};

struct _LbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkButton            *restore_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *sidebar_list;
  GtkSingleSelection   *sidebar_selection;
  GtkFilterListModel   *sidebar_filter_model;
  GtkStringFilter      *sidebar_filter;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *view_stack;
  GtkMenuButton        *empty_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkMenuButton        *leaderboard_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *leaderboard_menu;
  AdwBin               *page_slots[N_PAGES];  /* where each page goes once built */

  /* owned */
  LbStore              *store;
  char                 *database_path;
  char                 *store_error;
  char                 *backup_path;    /* a backup to offer when the store cannot be opened */
  GSettings            *settings;
  GListStore           *leaderboards;   /* of LbLeaderboardItem */
  GtkListItemFactory   *sidebar_factory; /* the sidebar's rows, until the list is first shown */
  LbToastQueue         *toasts;         /* every toast of toast_overlay goes through it */
  UndoKind              undo_kind;
  gint64                undo_id;
  AdwToast             *undo_toast;
  gint64                last_removal_id;   /* the import removed last, and when (monotonic) */
  gint64                last_removal_at;
  guint                 poll_source;    /* looks for writes by other programs */
  guint                 build_pages_source;  /* builds the pages not shown yet, one a turn */
  gulong                first_frame_handler; /* on the frame clock until the first frame */
  gboolean              first_frame_drawn;

  /* borrowed: each page belongs to its slot; NULL until it is built (ensure_page) */
  LbPage               *pages[N_PAGES];

  gint64                leaderboard_id;
  gboolean              reloading;

  GCancellable         *report_cancellable;  /* while a report is being built */
  AdwToast             *report_toast;        /* "Preparing the report…", borrowed */
  guint                 report_toast_source;
};

G_DEFINE_FINAL_TYPE (LbWindow, lb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DATABASE_PATH,
  PROP_STORE_ERROR,
  PROP_SETTINGS,
  PROP_LEADERBOARD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The badge: what the Smells page and the report count as needing attention (present, or
 * flagged for a new look), through the one function they share. */
static guint
count_smells_needing_attention (GPtrArray *smells)
{
  LbSmellCounts counts;

  if (smells == NULL)
    return 0;
  lb_smell_count (smells, &counts);
  return counts.attention;
}

static LbPage *ensure_page (LbWindow *self, PageIndex i);

/* A piece of evidence on the Smells page was clicked: show what it points at. */
static void
smell_evidence_activated_cb (LbWindow     *self,
                             LbEvidence   *evidence,
                             LbSmellsPage *page)
{
  LbResultsPage *results;

  switch (evidence->kind)
    {
    case LB_EVIDENCE_LEADERBOARD:
      adw_view_stack_set_visible_child_name (self->view_stack, "overview");
      break;
    case LB_EVIDENCE_IMPORT:
      adw_view_stack_set_visible_child_name (self->view_stack, "history");
      break;
    case LB_EVIDENCE_MODEL:
    case LB_EVIDENCE_BENCHMARK:
    case LB_EVIDENCE_CELL:
    default:
      adw_view_stack_set_visible_child_name (self->view_stack, "results");
      results = LB_RESULTS_PAGE (ensure_page (self, PAGE_RESULTS));
      lb_results_page_show_cell (results, evidence->model_id, evidence->benchmark_id);
      /* A record's field: open its editor on that record. */
      if (evidence->kind == LB_EVIDENCE_MODEL && evidence->field != NULL)
        gtk_widget_activate_action (GTK_WIDGET (results), "results.edit-model", "x",
                                    evidence->model_id);
      else if (evidence->kind == LB_EVIDENCE_BENCHMARK && evidence->field != NULL)
        gtk_widget_activate_action (GTK_WIDGET (results), "results.edit-benchmark", "x",
                                    evidence->benchmark_id);
      break;
    }
}

/* Builds page @i into its slot if it is not yet. A page is built when it is first shown, or
 * soon after the window's first frame (build_pages_cb): building the four pages not shown
 * held the first window up. Once built it behaves as before: it loads its data when shown,
 * or when the main loop is idle (LbPage). */
static LbPage *
ensure_page (LbWindow  *self,
             PageIndex  i)
{
  LbPage *page;

  if (self->pages[i] != NULL)
    return self->pages[i];
  page = g_object_new (page_info[i].get_type (), "store", self->store, NULL);
  g_object_bind_property (self, "leaderboard-id", page, "leaderboard-id", G_BINDING_SYNC_CREATE);
  if (i == PAGE_SMELLS)
    g_signal_connect_object (page, "evidence-activated", G_CALLBACK (smell_evidence_activated_cb),
                             self, G_CONNECT_SWAPPED);
  self->pages[i] = page;
  adw_bin_set_child (self->page_slots[i], GTK_WIDGET (page));
  return page;
}

static void
view_stack_visible_child_cb (LbWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < N_PAGES; i++)
    if (child == GTK_WIDGET (self->page_slots[i]))
      ensure_page (self, i);
}

static gboolean
build_pages_cb (gpointer user_data)
{
  LbWindow *self = user_data;

  for (guint i = 0; i < N_PAGES; i++)
    if (self->pages[i] == NULL)
      {
        ensure_page (self, i);
        return G_SOURCE_CONTINUE;
      }
  self->build_pages_source = 0;
  return G_SOURCE_REMOVE;
}

/* The first frame is drawn: the pages not shown are built when the main loop is idle. */
static void
first_frame_cb (LbWindow      *self,
                GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->first_frame_handler, clock);
  self->first_frame_drawn = TRUE;
  if (self->store != NULL && self->build_pages_source == 0)
    self->build_pages_source = g_idle_add_full (G_PRIORITY_LOW, build_pages_cb, self, NULL);
}

static void
lb_window_map (GtkWidget *widget)
{
  LbWindow *self = LB_WINDOW (widget);

  GTK_WIDGET_CLASS (lb_window_parent_class)->map (widget);
  if (!self->first_frame_drawn && self->first_frame_handler == 0)
    self->first_frame_handler = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                                         G_CALLBACK (first_frame_cb), self,
                                                         G_CONNECT_SWAPPED);
}

static void
set_leaderboard_id (LbWindow *self,
                    gint64    id)
{
  if (self->leaderboard_id == id)
    return;
  self->leaderboard_id = id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leaderboard.delete", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-report", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-data", id != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADERBOARD_ID]);
}

static void
update_title (LbWindow *self)
{
  LbLeaderboardItem *item = gtk_single_selection_get_selected_item (self->sidebar_selection);
  const char *name = item != NULL ? lb_leaderboard_item_get_name (item) : NULL;

  adw_view_switcher_title_set_title (self->switcher_title, name != NULL ? name : _("Leaderboard"));
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("Leaderboard"));
}

static void
update_sidebar_stack (LbWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_filter_model));

  gtk_stack_set_visible_child_name (self->sidebar_stack, n > 0 ? "list" : "no-match");
}

/* Finds @id in the filtered list and selects it; FALSE when it is not shown. */
static gboolean
select_id (LbWindow *self,
           gint64    id)
{
  GListModel *model = G_LIST_MODEL (self->sidebar_filter_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbLeaderboardItem) item = g_list_model_get_item (model, i);

      if (lb_leaderboard_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->sidebar_selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
reload_sidebar (LbWindow *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GHashTable) checklists = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 keep = self->leaderboard_id;
  GDate today;

  if (self->store == NULL)
    return;

  /* Two queries for the whole sidebar, not one per leaderboard: a store of a thousand
   * leaderboards opens as fast as one of ten. */
  list = lb_store_list_leaderboards (self->store, &error);
  if (list != NULL)
    states = lb_store_list_smell_states (self->store, &error);
  if (list == NULL || states == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Cannot list the leaderboards: %s"), error->message);

      lb_window_add_toast (self, msg);
      return;
    }

  /* Each leaderboard's items, borrowed from @states. */
  checklists = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < states->len; i++)
    {
      LbSmell *item = g_ptr_array_index (states, i);
      GPtrArray *smells = g_hash_table_lookup (checklists, &item->leaderboard_id);

      if (smells == NULL)
        {
          smells = g_ptr_array_new ();
          g_hash_table_insert (checklists, &item->leaderboard_id, smells);
        }
      g_ptr_array_add (smells, item);
    }

  lb_clock_today (&today);
  for (guint i = 0; i < list->len; i++)
    {
      LbLeaderboard *lb = g_ptr_array_index (list, i);
      GPtrArray *smells = g_hash_table_lookup (checklists, &lb->id);
      LbReviewState state;
      GDate due;

      state = lb_review_state (lb->last_reviewed_at, lb->created_at, lb->update_cadence_days, &today, &due);
      g_ptr_array_add (items, lb_leaderboard_item_new (lb->id, lb->name,
                                                       state == LB_REVIEW_OVERDUE ? &due : NULL,
                                                       count_smells_needing_attention (smells)));
    }

  self->reloading = TRUE;
  g_list_store_splice (self->leaderboards, 0, g_list_model_get_n_items (G_LIST_MODEL (self->leaderboards)),
                       items->pdata, items->len);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, list->len > 0 ? "main" : "empty");
  update_sidebar_stack (self);
  if (keep == 0 || !select_id (self, keep))
    {
      LbLeaderboardItem *item = gtk_single_selection_get_selected_item (self->sidebar_selection);

      set_leaderboard_id (self, item != NULL ? lb_leaderboard_item_get_id (item) : 0);
    }
  update_title (self);
}

static void
store_changed_cb (LbWindow *self,
                  gint64    leaderboard_id,
                  LbStore  *store)
{
  reload_sidebar (self);
}

/* leaderboard-cli (or another copy of the app) may write to the database while the window is
 * open: look every few seconds and when the window comes to the front, and reload once. */
#define POLL_INTERVAL_S 2

static gboolean
poll_external_changes_cb (gpointer user_data)
{
  LbWindow *self = user_data;

  lb_store_poll_external_changes (self->store);
  return G_SOURCE_CONTINUE;
}

static void
is_active_cb (LbWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    lb_store_poll_external_changes (self->store);
}

static void
sidebar_selection_cb (LbWindow *self)
{
  LbLeaderboardItem *item;

  if (self->reloading)
    return;
  item = gtk_single_selection_get_selected_item (self->sidebar_selection);
  set_leaderboard_id (self, item != NULL ? lb_leaderboard_item_get_id (item) : 0);
  update_title (self);
  /* Folded, a click on a leaderboard is the way to its pages (the list has no other). */
  if (item != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
sidebar_activate_cb (LbWindow *self,
                     guint     position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Folded, a click on the leaderboard already selected shows its pages too (the selection
 * does not change, so sidebar_selection_cb does not run). */
static void
sidebar_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     LbWindow        *self)
{
  GtkWidget *list = GTK_WIDGET (self->sidebar_list);
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  if (picked == NULL || picked == list || !adw_leaflet_get_folded (self->leaflet) ||
      gtk_single_selection_get_selected_item (self->sidebar_selection) == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The sidebar's rows are made when the list is first shown: a list not on screen yet would
 * make rows for hundreds of leaderboards before the window's first frame. The list gets its
 * model only then, after its factory: given the model first, it made rows without content
 * and made them again once it had the factory. */
static void
sidebar_map_cb (LbWindow *self)
{
  if (self->sidebar_factory == NULL)
    return;
  gtk_list_view_set_factory (self->sidebar_list, self->sidebar_factory);
  g_clear_object (&self->sidebar_factory);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->sidebar_selection));
}

static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  /* Once: the popover made keeps the menu; the function and its reference go. */
  gtk_menu_button_set_menu_model (button, user_data);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* @button shows @menu, its popover made the first time it opens (by click or key): three
 * menus of buttons made with the window held its first frame up. */
static void
lazy_menu_button (GtkMenuButton *button,
                  GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_popup_cb, g_object_ref (menu),
                                         g_object_unref);
}

/* The window is narrow: the bar below the pages shows their buttons, from now on. */
static void
switcher_bar_reveal_cb (LbWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar)
      && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
back_clicked_cb (LbWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_changed_cb (LbWindow *self)
{
  gtk_string_filter_set_search (self->sidebar_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_sidebar_stack (self);
}

/* ---- undo ---- */

static void
set_undo (LbWindow *self,
          UndoKind  kind,
          gint64    id)
{
  self->undo_kind = kind;
  self->undo_id = id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kind != UNDO_NONE);
}

static void
undo_toast_dismissed_cb (LbWindow *self,
                         AdwToast *toast)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

static void
show_undo_toast (LbWindow   *self,
                 const char *title,
                 UndoKind    kind,
                 gint64      id)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast;

  if (self->toasts == NULL)
    return;
  toast = adw_toast_new (markup);
  set_undo (self, kind, id);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Each toast undoes its own action: two removals in a row each keep their Undo
   * (Ctrl+Z undoes the latest). */
  adw_toast_set_action_name (toast, "win.undo-item");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ix)", (gint32) kind, id));
  adw_toast_set_timeout (toast, 10);
  self->undo_toast = toast;
  lb_toast_queue_add (self->toasts, toast);
  /* After adding: a dismissal held back until the toast has slid in does not count yet. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
report_error (LbWindow   *self,
              const char *what,
              GError     *error)
{
  g_autofree char *msg = g_strdup_printf ("%s: %s", what, error->message);

  lb_window_add_toast (self, msg);
}

static void do_undo (LbWindow *self, UndoKind kind, gint64 id);

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  UndoKind kind = self->undo_kind;
  gint64 id = self->undo_id;

  set_undo (self, UNDO_NONE, 0);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  do_undo (self, kind, id);
}

/* The Undo of one toast: what that toast said was done. */
static void
undo_item_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  gint32 kind = 0;
  gint64 id = 0;

  g_variant_get (param, "(ix)", &kind, &id);
  if ((UndoKind) kind == self->undo_kind && id == self->undo_id)
    {
      set_undo (self, UNDO_NONE, 0);
      self->undo_toast = NULL;
    }
  do_undo (self, (UndoKind) kind, id);
}

static void
do_undo (LbWindow *self,
         UndoKind  kind,
         gint64    id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (kind)
    {
    case UNDO_IMPORT:
      ok = lb_store_set_import_deleted (self->store, id, TRUE, &error);
      if (ok)
        lb_window_add_toast (self, _("Import undone: its results were removed"));
      break;
    case UNDO_DELETE_LEADERBOARD:
      ok = lb_store_set_leaderboard_deleted (self->store, id, FALSE, &error);
      if (ok)
        lb_window_select_leaderboard (self, id);
      break;
    case UNDO_REMOVE_IMPORT:
      ok = lb_store_set_import_deleted (self->store, id, FALSE, &error);
      break;
    case UNDO_IMPORT_LBOM:
      ok = lb_store_set_leaderboard_deleted (self->store, id, TRUE, &error);
      if (ok)
        lb_window_add_toast (self, _("Import undone: the leaderboard was removed"));
      break;
    case UNDO_NONE:
    default:
      return;
    }
  if (!ok)
    report_error (self, _("Cannot undo"), error);
}

/* Ctrl+Z. Not an application accelerator: those run before the focused widget, so typing in
 * Purpose and pressing Ctrl+Z removed the last import and kept the text. As a binding of the
 * window it runs only after the focused widget has let the key go; a text field keeps it for
 * its own undo even when it has nothing left to undo. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (!gtk_widget_is_sensitive (widget) || LB_WINDOW (widget)->undo_kind == UNDO_NONE)
    return FALSE;
  return gtk_widget_activate_action (widget, "win.undo", NULL);
}

/* ---- actions ---- */

static void
delete_leaderboard_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = self->leaderboard_id;

  if (self->store == NULL || id == 0)
    return;
  lb = lb_store_get_leaderboard (self->store, id, &error);
  if (lb == NULL || !lb_store_set_leaderboard_deleted (self->store, id, TRUE, &error))
    {
      report_error (self, _("Cannot delete the leaderboard"), error);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), lb->name);
  show_undo_toast (self, title, UNDO_DELETE_LEADERBOARD, id);
}

static void
remove_import_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  g_autoptr(LbImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (param);

  if (self->store == NULL)
    return;
  /* A double click on a trash button is one removal: the row goes at once, and the second
   * click would land on the next import's button. */
  {
    int double_click_ms = 400;
    gint64 now = g_get_monotonic_time ();

    g_object_get (gtk_widget_get_settings (widget), "gtk-double-click-time", &double_click_ms, NULL);
    if (self->last_removal_id != 0 && self->last_removal_id != id
        && now - self->last_removal_at < (gint64) double_click_ms * 1000)
      return;
    self->last_removal_id = id;
    self->last_removal_at = now;
  }
  import = lb_store_get_import (self->store, id, &error);
  if (import == NULL || !lb_store_set_import_deleted (self->store, id, TRUE, &error))
    {
      report_error (self, _("Cannot remove the import"), error);
      return;
    }
  title = g_strdup_printf (_("Import of “%s” removed"), import->file_name);
  show_undo_toast (self, title, UNDO_REMOVE_IMPORT, id);
}

/* win.show-help-overlay (Ctrl+?): the shortcuts window, built the first time it is asked for. */
static void
show_help_overlay_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/example/Leaderboard/lb-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Transient for the window, modal, hidden on close and kept until the window goes. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_error_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  lb_window_add_toast (LB_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
export_report_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(LbWindow) self = user_data;
  g_autofree char *path = lb_report_export_pdf_finish (result, NULL);

  /* A failure is shown by the export itself; cancelling says nothing. */
  if (path != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *title = g_strdup_printf (_("Report saved as “%s”"), name);

      lb_window_add_toast (self, title);
    }
}

/* win.print-report and win.export-report: the review report of the shown leaderboard, built
 * in a thread; the print dialog or the file chooser opens when it is ready. */

typedef struct {
  LbWindow *window;       /* owned */
  gint64    leaderboard_id;
  gboolean  export;       /* export-report: save as PDF; else print */
} ReportRequest;

static void
report_request_free (ReportRequest *request)
{
  g_object_unref (request->window);
  g_free (request);
}

static void
dismiss_report_toast (LbWindow *self)
{
  g_clear_handle_id (&self->report_toast_source, g_source_remove);
  if (self->report_toast != NULL)
    {
      adw_toast_dismiss (self->report_toast);
      self->report_toast = NULL;
    }
}

/* Building takes a moment on a large leaderboard: say so, rather than seem to do nothing. */
static gboolean
report_toast_cb (gpointer user_data)
{
  LbWindow *self = user_data;

  self->report_toast_source = 0;
  if (self->toasts != NULL)
    {
      self->report_toast = adw_toast_new (_("Preparing the report…"));
      adw_toast_set_timeout (self->report_toast, 0);
      lb_toast_queue_add (self->toasts, self->report_toast);
    }
  return G_SOURCE_REMOVE;
}

static void
report_built_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReportRequest *request = user_data;
  LbWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *comparison = NULL;
  g_autoptr(LbReport) report = lb_review_report_build_finish (result, &comparison, &error);
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      report_request_free (request);
      return;
    }
  g_clear_object (&self->report_cancellable);
  dismiss_report_toast (self);
  if (report == NULL)
    {
      report_error (self, _("Cannot make the report"), error);
      report_request_free (request);
      return;
    }
  if (self->store != NULL)
    lb = lb_store_get_leaderboard (self->store, request->leaderboard_id, NULL);
  now = lb_now_iso8601 ();
  name = lb_review_report_file_name (lb != NULL ? lb->name : "", now);
  /* Printing to a file proposes the name Export proposes, not "output.pdf". */
  if (request->export)
    lb_report_export_pdf (GTK_WINDOW (self), report, self->settings, name, export_report_done_cb,
                          g_object_ref (self));
  else
    lb_report_print (GTK_WINDOW (self), report, self->settings, name, comparison);
  report_request_free (request);
}

static void
report_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  g_autoptr(LbReviewReportOptions) options = lb_review_report_options_new ();
  g_autoptr(LbCompareOptions) saved = NULL;
  g_autoptr(GError) error = NULL;
  const LbCompareOptions *compare = NULL;
  LbComparePage *compare_page = (LbComparePage *) self->pages[PAGE_COMPARE];
  ReportRequest *request;

  if (self->store == NULL || self->leaderboard_id == 0)
    return;
  /* One report at a time: the first still being made opens its dialog when ready. */
  if (self->report_cancellable != NULL)
    return;
  /* The report compares exactly what the Compare page compares: its own options, passed on as
   * they are. The page shows the leaderboard the window shows; should it not (yet), or should
   * the page not be built yet, the choice saved for the leaderboard is what the page would show. */
  if (compare_page != NULL
      && lb_page_get_leaderboard_id (LB_PAGE (compare_page)) == self->leaderboard_id
      && !lb_page_get_reload_pending (LB_PAGE (compare_page)))
    compare = lb_compare_page_get_options (compare_page);
  if (compare == NULL)
    {
      saved = lb_compare_options_load_choice (self->store, self->leaderboard_id, NULL, NULL, &error);
      if (saved == NULL)
        {
          report_error (self, _("Cannot make the report"), error);
          return;
        }
      compare = saved;
    }
  lb_review_report_options_set_compare_options (options, compare);
  /* The name set once in Preferences; without one the report finds the real name. */
  if (self->settings != NULL)
    {
      g_autofree char *author = g_settings_get_string (self->settings, "report-author");

      g_strstrip (author);
      if (*author != '\0')
        lb_review_report_options_set_prepared_by (options, author);
    }
  request = g_new0 (ReportRequest, 1);
  request->window = g_object_ref (self);
  request->leaderboard_id = self->leaderboard_id;
  request->export = g_strcmp0 (action_name, "win.export-report") == 0;
  self->report_cancellable = g_cancellable_new ();
  self->report_toast_source = g_timeout_add (300, report_toast_cb, self);
  lb_review_report_build_async (lb_store_get_path (self->store), self->leaderboard_id, options,
                                self->report_cancellable, report_built_cb, request);
}

gboolean
lb_window_get_preparing_report (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), FALSE);
  return self->report_cancellable != NULL;
}

/* ---- win.export-data: the leaderboard as CSV for Excel or as LBOM ---- */

typedef struct {
  char    *db_path;
  gint64   leaderboard_id;
  gboolean lbom;
  GFile   *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->file);
  g_free (data);
}

/* In a thread (it runs over every result), on its own connection. */
static void
export_data_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  store = lb_store_open (data->db_path, &error);
  if (store != NULL && data->lbom)
    {
      char *text = lb_lbom_export (store, &data->leaderboard_id, 1, &error);

      if (text != NULL)
        bytes = g_bytes_new_take (text, strlen (text));
    }
  else if (store != NULL)
    {
      bytes = lb_csv_export_leaderboard (store, data->leaderboard_id, &error);
    }
  if (bytes == NULL
      || !g_file_replace_contents (data->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                   &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_data_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LbWindow *self = LB_WINDOW (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (data->file);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *what = g_strdup_printf (_("Cannot export to “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_error (self, what, error);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

    lb_window_add_toast (self, title);
  }
}

static void
export_data_response_cb (GtkFileChooserNative *chooser,
                         int                   response,
                         gpointer              user_data)
{
  LbWindow *self = LB_WINDOW (user_data);
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  const char *format = g_object_get_data (G_OBJECT (chooser), "lb-export-format");

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    lb_window_export_file (self, format, file);
  g_object_unref (chooser);
}

/* The name Export proposes: the leaderboard's, without what a file name cannot hold. */
static char *
export_file_name (const char *leaderboard_name,
                  gboolean    lbom)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = leaderboard_name != NULL ? leaderboard_name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  if (out->len == 0 || strspn (out->str, ".") == out->len)
    g_string_prepend (out, _("Leaderboard"));
  g_string_append (out, lbom ? ".lbom.json" : ".csv");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
export_data_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  gboolean lbom = g_strcmp0 (g_variant_get_string (param, NULL), "lbom") == 0;
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->leaderboard_id == 0
      || (lb = lb_store_get_leaderboard (self->store, self->leaderboard_id, NULL)) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (lbom ? _("Export as LBOM") : _("Export as CSV for Excel"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (lbom)
    {
      gtk_file_filter_set_name (filter, _("LBOM files"));
      gtk_file_filter_add_mime_type (filter, "application/x-leaderboard-lbom+json");
      gtk_file_filter_add_suffix (filter, "lbom");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = export_file_name (lb->name, lbom);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "last-import-folder");
  if (folder != NULL && *folder != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }

  g_object_set_data (G_OBJECT (chooser), "lb-export-format", (gpointer) (lbom ? "lbom" : "csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_data_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_response_cb (LbWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lb_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder = NULL;

  chooser = gtk_file_chooser_native_new (_("Import a Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Spreadsheets and result files: CSV, text, Excel workbooks, JSON"));
  gtk_file_filter_add_mime_type (csv, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (csv, "xlsx");
  gtk_file_filter_add_mime_type (csv, "application/vnd.ms-excel");
  gtk_file_filter_add_suffix (csv, "xls");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_mime_type (csv, "text/plain");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "application/x-leaderboard-lbom+json");
  gtk_file_filter_add_suffix (csv, "lbom");
  /* Result files of lm-evaluation-harness, Arena and Every Eval Ever: the importer tells them
   * apart by their content. */
  gtk_file_filter_add_mime_type (csv, "application/json");
  gtk_file_filter_add_suffix (csv, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "last-import-folder");
  if (folder != NULL && *folder != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_database_response_cb (LbWindow             *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (path != NULL && LB_IS_APPLICATION (app))
        lb_application_open_database (LB_APPLICATION (app), path);
    }
  g_object_unref (chooser);
}

static void
open_database_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (open_database_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The newest "PATH.bak-N" next to the database, or NULL. */
static char *
find_backup (const char *db_path)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".bak-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *best = NULL;
  gint64 best_version = -1;
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gint64 version;

      if (g_str_has_prefix (name, prefix) &&
          g_ascii_string_to_signed (name + strlen (prefix), 10, 0, G_MAXINT, &version, NULL) &&
          version > best_version)
        {
          best_version = version;
          g_free (best);
          best = g_build_filename (dir_path, name, NULL);
        }
    }
  return g_steal_pointer (&best);
}

static void
restore_backup_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LbWindow *self = LB_WINDOW (widget);
  g_autoptr(GFile) db = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside_path = NULL;
  GtkApplication *app;

  if (self->backup_path == NULL || self->database_path == NULL)
    return;

  db = g_file_new_for_path (self->database_path);
  backup = g_file_new_for_path (self->backup_path);
  /* The file that failed is kept beside, never deleted: it may still hold data worth saving. */
  aside_path = g_strdup_printf ("%s.unreadable-%s", self->database_path, stamp);
  aside = g_file_new_for_path (aside_path);
  if (g_file_query_exists (db, NULL) &&
      !g_file_move (db, aside, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      report_error (self, _("Cannot move the database aside"), error);
      return;
    }
  if (!g_file_copy (backup, db, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      report_error (self, _("Cannot restore the backup"), error);
      return;
    }
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (LB_IS_APPLICATION (app))
    lb_application_open_database (LB_APPLICATION (app), self->database_path);
}

/* ---- drag and drop ---- */

static gboolean
drop_cb (LbWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;
  gboolean any;

  if (self->store == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  any = files != NULL;
  for (GSList *l = files; l != NULL; l = l->next)
    lb_window_import_file (self, l->data);
  g_slist_free (files);
  return any;
}

/* ---- import ---- */

/* An LBOM file (a Leaderboard Bill of Materials) rather than a spreadsheet. */
static gboolean
is_lbom_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".lbom.json") || g_str_has_suffix (lower, ".lbom"));
}

static void
import_lbom (LbWindow *self,
             GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(LbLeaderboard) first = NULL;
  g_autofree char *title = NULL;

  if (!lb_lbom_import_file (self->store, file, NULL, &names, &error))
    {
      AdwMessageDialog *dialog;
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), basename);
      g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was imported."), error->message);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (names->len == 0)
    return;
  first = lb_store_find_leaderboard (self->store, g_ptr_array_index (names, 0), NULL);
  if (first != NULL)
    lb_window_select_leaderboard (self, first->id);
  title = g_strdup_printf (ngettext ("Imported %u leaderboard from %s", "Imported %u leaderboards from %s",
                                     names->len),
                           names->len, basename);
  if (names->len == 1 && first != NULL)
    show_undo_toast (self, title, UNDO_IMPORT_LBOM, first->id);
  else
    lb_window_add_toast (self, title);
}

static void
imported_cb (LbWindow          *self,
             gint64             leaderboard_id,
             gint64             import_id,
             guint              results,
             const char        *file_name,
             LbImportAssistant *assistant)
{
  g_autofree char *title = NULL;

  lb_window_select_leaderboard (self, leaderboard_id);
  title = g_strdup_printf (ngettext ("Imported %u result from %s", "Imported %u results from %s", results),
                           results, file_name);
  show_undo_toast (self, title, UNDO_IMPORT, import_id);
  /* What was just imported is what the user wants to see, folded or not. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static gboolean
close_request_cb (LbWindow *self)
{
  if (self->settings != NULL)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (GTK_WINDOW (self)));
      g_settings_set_int64 (self->settings, "last-leaderboard", self->leaderboard_id);
      g_settings_set_string (self->settings, "last-page", adw_view_stack_get_visible_child_name (self->view_stack));
    }
  return FALSE;
}

/* ---- GObject ---- */

/* The name set in Preferences is who the store records (imports, verdicts, the audit log);
 * without one the store finds the account's full name. */
static void
report_author_changed_cb (GSettings  *settings,
                          const char *key,
                          LbWindow   *self)
{
  g_autofree char *author = g_settings_get_string (settings, "report-author");

  if (self->store != NULL)
    lb_store_set_user (self->store, g_strstrip (author));
}

static void
lb_window_constructed (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);

  G_OBJECT_CLASS (lb_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::report-author",
                               G_CALLBACK (report_author_changed_cb), self, 0);
      report_author_changed_cb (self->settings, "report-author", self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", FALSE);

  if (self->store == NULL)
    {
      g_autofree char *description = NULL;
      g_autofree char *escaped_path = g_markup_escape_text (self->database_path ? self->database_path : "", -1);
      g_autofree char *escaped_error = g_markup_escape_text (self->store_error ? self->store_error : "", -1);

      self->backup_path = self->database_path != NULL ? find_backup (self->database_path) : NULL;
      if (self->backup_path != NULL)
        {
          g_autofree char *base = g_path_get_basename (self->backup_path);
          g_autofree char *label = g_strdup_printf (_("_Restore Backup “%s”"), base);

          gtk_button_set_label (self->restore_button, label);
          gtk_widget_set_visible (GTK_WIDGET (self->restore_button), TRUE);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", TRUE);
        }
      description = g_strdup_printf (_("%s\n\n<small>Database: %s</small>\n\nNothing was changed. "
                                       "Open another database file, or restore "
                                       "a backup if there is one."),
                                     escaped_error, escaped_path);
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  self->poll_source = g_timeout_add_seconds (POLL_INTERVAL_S, poll_external_changes_cb, self);
  reload_sidebar (self);
  if (self->settings != NULL)
    {
      gint64 last = g_settings_get_int64 (self->settings, "last-leaderboard");
      g_autofree char *page = g_settings_get_string (self->settings, "last-page");

      if (last != 0)
        lb_window_select_leaderboard (self, last);
      adw_view_stack_set_visible_child_name (self->view_stack, page);
    }
  /* The page shown first is built now; the others when shown or after the first frame. */
  view_stack_visible_child_cb (self);
}

static void
lb_window_dispose (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);

  /* The queue lets go of its toasts before the overlay, going, dismisses what it still shows. */
  if (self->report_cancellable != NULL)
    g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  g_clear_handle_id (&self->report_toast_source, g_source_remove);
  self->report_toast = NULL;
  g_clear_object (&self->toasts);
  self->undo_toast = NULL;
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->build_pages_source, g_source_remove);
  /* libadwaita 1.2 crashes when the view stack goes before the switchers that show it. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_WINDOW);
  memset (self->pages, 0, sizeof self->pages);
  g_clear_object (&self->leaderboards);
  g_clear_object (&self->sidebar_factory);
  G_OBJECT_CLASS (lb_window_parent_class)->dispose (object);
}

static void
lb_window_finalize (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->store_error, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  G_OBJECT_CLASS (lb_window_parent_class)->finalize (object);
}

static void
lb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LbWindow *self = LB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_STORE_ERROR:
      g_value_set_string (value, self->store_error);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_LEADERBOARD_ID:
      g_value_set_int64 (value, self->leaderboard_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LbWindow *self = LB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_string (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_window_class_init (LbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lb_window_constructed;
  widget_class->map = lb_window_map;
  object_class->dispose = lb_window_dispose;
  /* Every wrapped label of the app, the dialogs' too: Japanese breaks between phrases. */
  lb_phrase_breaks_install ();
  object_class->finalize = lb_window_finalize;
  object_class->get_property = lb_window_get_property;
  object_class->set_property = lb_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_ERROR] =
    g_param_spec_string ("store-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADERBOARD_ID] =
    g_param_spec_int64 ("leaderboard-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LB_TYPE_LEADERBOARD_ITEM);
  g_type_ensure (LB_TYPE_OVERVIEW_PAGE);
  g_type_ensure (LB_TYPE_RESULTS_PAGE);
  g_type_ensure (LB_TYPE_COMPARE_PAGE);
  g_type_ensure (LB_TYPE_SMELLS_PAGE);
  g_type_ensure (LB_TYPE_HISTORY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, content);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_selection);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_filter_model);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_filter);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, leaderboard_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, leaderboard_menu);
  for (guint i = 0; i < N_PAGES; i++)
    {
      g_autofree char *slot = g_strconcat (page_info[i].name, "_slot", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, slot, FALSE,
                                                 G_STRUCT_OFFSET (LbWindow, page_slots)
                                                 + i * sizeof (AdwBin *));
    }
  /* Not used here, but reachable by name for the display tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "content_header", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, switcher_bar_reveal_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", show_error_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-item", "(ix)", undo_item_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_shortcut_cb, NULL);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-import", "x", remove_import_cb);
  gtk_widget_class_install_action (widget_class, "leaderboard.delete", NULL, delete_leaderboard_cb);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, report_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, report_cb);
  gtk_widget_class_install_action (widget_class, "win.export-data", "s", export_data_cb);
}

static void
lb_window_init (LbWindow *self)
{
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->toasts = lb_toast_queue_new (self->toast_overlay);
  lazy_menu_button (self->empty_menu_button, self->primary_menu);
  lazy_menu_button (self->sidebar_menu_button, self->primary_menu);
  lazy_menu_button (self->leaderboard_menu_button, self->leaderboard_menu);
  switcher_bar_reveal_cb (self);
  self->leaderboards = g_list_store_new (LB_TYPE_LEADERBOARD_ITEM);
  gtk_filter_list_model_set_model (self->sidebar_filter_model, G_LIST_MODEL (self->leaderboards));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leaderboard.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-data", FALSE);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (sidebar_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), GTK_EVENT_CONTROLLER (click));
  self->sidebar_factory = g_object_ref (gtk_list_view_get_factory (self->sidebar_list));
  gtk_list_view_set_factory (self->sidebar_list, NULL);
  g_signal_connect_object (self->sidebar_list, "map", G_CALLBACK (sidebar_map_cb), self,
                           G_CONNECT_SWAPPED);

  /* On the window's content, which style.css outlines while a file is dragged over it. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (drop));
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "drop-area");

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

void
lb_window_import_file (LbWindow *self,
                       GFile    *file)
{
  LbImportAssistant *assistant;
  g_autoptr(GFile) parent = NULL;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    {
      lb_window_add_toast (self, _("Open a database before importing a spreadsheet"));
      return;
    }
  if (is_lbom_file (file))
    {
      import_lbom (self, file);
      return;
    }
  parent = g_file_get_parent (file);
  if (self->settings != NULL && parent != NULL)
    {
      g_autofree char *folder = g_file_get_path (parent);

      if (folder != NULL)
        g_settings_set_string (self->settings, "last-import-folder", folder);
    }

  assistant = lb_import_assistant_new (self->store, file, self->leaderboard_id);
  gtk_window_set_transient_for (GTK_WINDOW (assistant), GTK_WINDOW (self));
  /* Closing the main window closes the assistant, which cancels a running import. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (assistant), TRUE);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

void
lb_window_select_leaderboard (LbWindow *self,
                              gint64    id)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  if (select_id (self, id))
    return;
  /* Not listed yet (just created by another connection) or hidden by the search: reload, clear. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_sidebar (self);
  select_id (self, id);
}

GtkWidget *
lb_window_get_page (LbWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N_PAGES; i++)
    if (strcmp (page_info[i].name, name) == 0)
      return GTK_WIDGET (ensure_page (self, i));
  return NULL;
}

gint64
lb_window_get_leaderboard_id (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), 0);
  return self->leaderboard_id;
}

void
lb_window_add_toast (LbWindow   *self,
                     const char *title)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (LB_IS_WINDOW (self));

  /* Closed already (a report export finishing late): nobody to tell. */
  if (self->toasts == NULL)
    return;
  /* A toast title is Pango markup; ours are plain text holding file names. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 8);
  lb_toast_queue_add (self->toasts, toast);
}

LbToastQueue *
lb_window_get_toasts (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);
  return self->toasts;
}

void
lb_window_export_file (LbWindow   *self,
                       const char *format,
                       GFile      *file)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->leaderboard_id == 0)
    return;
  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (lb_store_get_path (self->store));
  data->leaderboard_id = self->leaderboard_id;
  data->lbom = g_strcmp0 (format, "lbom") == 0;
  data->file = g_object_ref (file);
  task = g_task_new (self, NULL, export_data_done_cb, NULL);
  g_task_set_source_tag (task, lb_window_export_file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_data_thread);
}
