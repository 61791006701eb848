/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smells-page.c: drives the Smells page in a real window (display suite) */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "display-util.h"
#include "lb-smells-page.h"
#include "lb-smells-private.h"
#include "lb-results-page.h"
#include "lb-store.h"
#include "lb-window.h"

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_group_titled (GtkWidget *w, gconstpointer title)
{
  return ADW_IS_PREFERENCES_GROUP (w)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), title) == 0;
}

static gboolean
is_expander_titled (GtkWidget *w, gconstpointer title)
{
  return ADW_IS_EXPANDER_ROW (w)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0;
}

static gboolean
is_action_row_titled (GtkWidget *w, gconstpointer title)
{
  return ADW_IS_ACTION_ROW (w) && !ADW_IS_COMBO_ROW (w)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0;
}

static gboolean
is_combo_row (GtkWidget *w, gconstpointer data)
{
  return ADW_IS_COMBO_ROW (w);
}

static gboolean
is_entry_row (GtkWidget *w, gconstpointer data)
{
  return ADW_IS_ENTRY_ROW (w);
}

static gboolean
is_label_starting (GtkWidget *w, gconstpointer prefix)
{
  return GTK_IS_LABEL (w) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (w)), prefix);
}

/* The expander of @component in the group of @smell. */
static GtkWidget *
item_expander (GtkWidget  *page,
               const char *smell_label,
               const char *component_label)
{
  GtkWidget *group = find_widget (page, is_group_titled, smell_label);

  GtkWidget *expander;

  g_assert_nonnull (group);
  expander = find_widget (group, is_expander_titled, component_label);
  g_assert_nonnull (expander);
  /* Rows are filled when first opened. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  return expander;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static LbSmell *
stored_row (const char *smell, const char *component, const char *status, const char *evidence)
{
  LbSmell *row = g_new0 (LbSmell, 1);

  row->id = 1;
  row->leaderboard_id = 7;
  row->smell = g_strdup (smell);
  row->component = g_strdup (component);
  row->status = g_strdup (status);
  row->evidence = g_strdup (evidence);
  row->detected = evidence != NULL;
  return row;
}

static LbDetection *
model_detection (void)
{
  LbDetection *d = g_new0 (LbDetection, 1);
  LbEvidence *ev = g_new0 (LbEvidence, 1);
  LbEvidence *cell = g_new0 (LbEvidence, 1);

  d->smell = LB_SMELL_MISSING;
  d->component = LB_COMPONENT_MODEL;
  d->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_evidence_free);
  ev->kind = LB_EVIDENCE_MODEL;
  ev->check = g_strdup ("missing-model-version");
  ev->field = g_strdup ("version");
  ev->model_id = 21;
  ev->key = g_strdup ("missing-model-version|model|Qwen & <Co>");
  ev->message = g_strdup ("Model “Qwen & <Co>” has no version.");
  g_ptr_array_add (d->evidence, ev);
  cell->kind = LB_EVIDENCE_CELL;
  cell->check = g_strdup ("missing-result");
  cell->model_id = 21;
  cell->benchmark_id = 11;
  cell->import_id = 30;
  cell->row = 3;
  cell->column = 3;
  cell->key = g_strdup ("missing-result|cell|Qwen|GSM8K");
  cell->message = g_strdup ("No result for “Qwen” on “GSM8K” (scores.csv, cell C3): The cell is empty.");
  g_ptr_array_add (d->evidence, cell);
  return d;
}

static void
evidence_cb (LbSmellsPage *page, LbEvidence *evidence, LbEvidence **out)
{
  g_clear_pointer (out, lb_evidence_free);
  *out = lb_evidence_copy (evidence);
}

static void
verdict_cb (LbSmellsPage *page, LbSmell *item, LbSmell **out)
{
  g_clear_pointer (out, lb_smell_free);
  *out = lb_smell_copy (item);
}

static void
test_page_flow (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = lb_smells_page_new ();
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_smell_free);
  g_autoptr(GPtrArray) detections = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_detection_free);
  g_autoptr(LbEvidence) activated = NULL;
  g_autoptr(LbSmell) verdict = NULL;
  GtkWidget *expander, *row, *combo, *entry, *summary;
  LbSmellCounts counts;

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  /* Before any data: the whole catalogue, unchecked. */
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.total, ==, 72);
  g_assert_cmpuint (counts.unchecked, ==, 72);

  g_ptr_array_add (stored, stored_row ("missing", "model", "present", "old [missing-model-version|model|Qwen & <Co>]"));
  g_ptr_array_add (stored, stored_row ("redundant", "model", "mitigated", NULL));
  g_ptr_array_add (stored, stored_row ("confusing", "benchmark-task", "absent", "x [y]"));
  ((LbSmell *) g_ptr_array_index (stored, 2))->needs_review = TRUE;
  ((LbSmell *) g_ptr_array_index (stored, 2))->reviewer = g_strdup ("Sato");
  g_ptr_array_add (detections, model_detection ());
  lb_smells_page_set_checklist (LB_SMELLS_PAGE (page), stored, detections);
  spin ();

  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.present, ==, 1);
  g_assert_cmpuint (counts.mitigated, ==, 1);
  g_assert_cmpuint (counts.unchecked, ==, 69);
  g_assert_cmpuint (counts.attention, ==, 2);
  /* "Unchecked" is told apart: found nothing (an automatic check covers the item) or never looked at. */
  /* A count keeps to its name (no-break space) when the line wraps. */
  summary = find_widget (page, is_label_starting, "Needs a look:\u00a02 · Checked, nothing found:\u00a0");
  g_assert_nonnull (summary);
  g_assert_nonnull (find_widget (page, is_label_starting, "1 verdict needs a new look"));

  /* Every smell has its group with its explanation. */
  for (guint s = 0; s < LB_N_SMELLS; s++)
    {
      GtkWidget *group = find_widget (page, is_group_titled, lb_smell_kind_label (s));

      g_assert_nonnull (group);
      g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                                lb_smell_kind_explanation (s)));
    }

  expander = item_expander (page, "Missing entity", "Model");
  g_assert_nonnull (expander);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), "2 pieces of evidence"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  spin ();
  {
    /* Scrolled to the open item, for the screenshot. */
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (page, LB_TYPE_SMELLS_PAGE, "scroller")));
    graphene_point_t point;

    if (gtk_widget_compute_point (expander, page, &GRAPHENE_POINT_INIT (0, 0), &point))
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 120);
    lb_test_save_screenshot (window, "smells-page-item.png");
  }

  /* Clicking evidence tells the window where to go. */
  g_signal_connect (page, "evidence-activated", G_CALLBACK (evidence_cb), &activated);
  row = find_widget (expander, is_action_row_titled,
                     "No result for “Qwen” on “GSM8K” (scores.csv, cell C3): The cell is empty.");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_nonnull (activated);
  g_assert_cmpint (activated->kind, ==, LB_EVIDENCE_CELL);
  g_assert_cmpint (activated->model_id, ==, 21);
  g_assert_cmpint (activated->benchmark_id, ==, 11);
  g_assert_cmpuint (activated->row, ==, 3);
  g_assert_cmpuint (activated->column, ==, 3);
  /* Names with markup characters are shown as they are. */
  row = find_widget (expander, is_action_row_titled, "Model “Qwen & <Co>” has no version.");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpint (activated->kind, ==, LB_EVIDENCE_MODEL);
  g_assert_cmpstr (activated->field, ==, "version");

  /* A verdict through the status selector. */
  g_signal_connect (page, "verdict-changed", G_CALLBACK (verdict_cb), &verdict);
  combo = find_widget (expander, is_combo_row, NULL);
  g_assert_nonnull (combo);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, LB_SMELL_STATUS_PRESENT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), LB_SMELL_STATUS_MITIGATED);
  g_assert_nonnull (verdict);
  g_assert_cmpstr (verdict->smell, ==, "missing");
  g_assert_cmpstr (verdict->component, ==, "model");
  g_assert_cmpstr (verdict->status, ==, "mitigated");
  g_assert_cmpstr (verdict->checked_at, ==, "2026-11-28T03:00:00Z");
  g_assert_cmpint (verdict->leaderboard_id, ==, 7);
  /* Without a store, the account's full name: never the login as if it were a person. */
  g_assert_cmpstr (verdict->reviewer, ==, lb_real_name ());
  g_assert_cmpstr (verdict->reviewer, !=, g_get_user_name ());
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.present, ==, 0);
  g_assert_cmpuint (counts.mitigated, ==, 2);
  {
    g_autofree char *start = g_strdup_printf ("Needs a look:\u00a0%u · Checked, nothing found:\u00a0", counts.attention);

    g_assert_nonnull (find_widget (page, is_label_starting, start));
  }
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (summary)), " · Mitigated:\u00a02 · "));
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), "Mitigated"));

  /* A note keeps the status. */
  entry = find_widget (expander, is_entry_row, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Vendor publishes no versions; asked on 11/20.");
  g_signal_emit_by_name (entry, "apply");
  g_assert_cmpstr (verdict->status, ==, "mitigated");
  g_assert_cmpstr (verdict->note, ==, "Vendor publishes no versions; asked on 11/20.");

  /* The flagged item: choosing a status again clears the flag. */
  expander = item_expander (page, "Confusing entity", "Benchmark task");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), "look again"));
  combo = find_widget (expander, is_combo_row, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), LB_SMELL_STATUS_PRESENT);
  g_assert_cmpstr (verdict->smell, ==, "confusing");
  g_assert_false (verdict->needs_review);
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.needs_review, ==, 0);
  g_assert_cmpuint (counts.present, ==, 1);

  /* Reloading keeps open rows open, and filled; closed ones stay closed. */
  expander = find_widget (find_widget (page, is_group_titled, "Redundant entity"), is_expander_titled, "Model");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_null (find_widget (expander, is_combo_row, NULL));
  lb_smells_page_set_checklist (LB_SMELLS_PAGE (page), stored, detections);
  expander = find_widget (find_widget (page, is_group_titled, "Missing entity"), is_expander_titled, "Model");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_nonnull (find_widget (expander, is_combo_row, NULL));
  expander = find_widget (find_widget (page, is_group_titled, "Redundant entity"), is_expander_titled, "Model");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}


/* With a store: the page runs the checks, stores verdicts and follows changes. */
static void
test_page_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(GPtrArray) stored = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = lb_smells_page_new ();
  GtkWidget *expander, *combo;
  LbSmellCounts counts;
  gint64 lb, model;
  LbSmell *item = NULL;

  g_assert_no_error (error);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  lb_store_set_user (store, "Tester");
  lb = lb_store_create_leaderboard (store, "Chatbot", &error);
  model = lb_store_ensure_model (store, lb, "Qwen2.5 72B", NULL, NULL, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (page, "store", store, "leaderboard-id", lb, NULL);
  spin ();

  /* An empty leaderboard: purpose, owner, ... and the model's version are missing. */
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.present, >=, 5);
  g_assert_true (gtk_widget_activate_action (page, "smells.run-checks", NULL));
  expander = item_expander (page, "Missing entity", "Model");
  g_assert_nonnull (find_widget (expander, is_action_row_titled,
                                 "Model “Qwen2.5 72B” has no version, so nobody can tell which "
                                 "release was evaluated. Record it on the model."));

  /* The verdict goes to the store, with the store's user. */
  combo = find_widget (expander, is_combo_row, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), LB_SMELL_STATUS_ACCEPTED);
  spin ();
  stored = lb_store_list_smells (store, lb, &error);
  for (guint i = 0; i < stored->len; i++)
    {
      LbSmell *row = g_ptr_array_index (stored, i);

      if (g_strcmp0 (row->smell, "missing") == 0 && g_strcmp0 (row->component, "model") == 0)
        item = row;
    }
  g_assert_nonnull (item);
  g_assert_cmpstr (item->status, ==, "accepted");
  g_assert_cmpstr (item->reviewer, ==, "Tester");
  g_assert_false (item->needs_review);

  /* New evidence in the store: the page runs again by itself and flags the verdict. */
  g_assert_cmpint (lb_store_ensure_model (store, lb, "Gemma 2 27B", NULL, NULL, &error), >, 0);
  g_assert_true (lb_store_set_model_field (store, model, LB_MODEL_FIELD_NOTES, "x", &error));
  spin ();
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.needs_review, ==, 1);
  g_assert_cmpuint (counts.accepted, ==, 1);
  expander = item_expander (page, "Missing entity", "Model");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), "Accepted risk"));
  g_assert_nonnull (find_widget (page, is_label_starting, "1 verdict needs a new look"));

  /* No leaderboard: nothing to run. */
  g_object_set (page, "leaderboard-id", (gint64) 0, NULL);
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.unchecked, ==, 72);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* In the window: the badge counts what the page counts, and evidence leads to its place. */
static void
test_window_navigation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  g_autoptr(GObject) item = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;
  LbEvidence evidence = { 0 };
  LbSmellCounts counts;
  LbWindow *window;
  GtkWidget *smells_page, *results_page;
  AdwViewStack *stack;
  GListModel *sidebar;
  gint64 lb, qwen, llama, mmlu, import_id;

  g_assert_no_error (error);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  lb = lb_store_create_leaderboard (store, "Chatbot", &error);
  qwen = lb_store_ensure_model (store, lb, "Qwen2.5 72B", NULL, NULL, &error);
  llama = lb_store_ensure_model (store, lb, "Llama 3.1 70B", NULL, NULL, &error);
  mmlu = lb_store_ensure_benchmark (store, lb, "MMLU", NULL, NULL, &error);
  import->leaderboard_id = lb;
  import->file_name = g_strdup ("scores.csv");
  import->sha256 = g_strdup ("aa");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_assert_true (lb_store_begin (store, &error));
  import_id = lb_store_add_import (store, import, &error);
  {
    LbResult r = { 0 };

    r.leaderboard_id = lb;
    r.model_id = llama;
    r.benchmark_id = mmlu;
    r.score = 86.0;
    r.raw = (char *) "86.0";
    r.import_id = import_id;
    r.source_row = 2;
    r.source_column = 2;
    g_assert_cmpint (lb_store_add_result (store, &r, &error), >, 0);
  }
  g_assert_true (lb_store_finish_import (store, import_id, 2, 1, &error));
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);

  window = g_object_new (LB_TYPE_WINDOW, "store", store, "default-width", 1100, "default-height", 760, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* The sidebar badge is the page's count of items needing attention. */
  smells_page = lb_window_get_page (LB_WINDOW (window), "smells");
  lb_smells_page_get_counts (LB_SMELLS_PAGE (smells_page), &counts);
  g_assert_cmpuint (counts.attention, >, 0);
  sidebar = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "sidebar_filter_model"));
  item = g_list_model_get_item (sidebar, 0);
  g_object_get (item, "smells-label", &label, NULL);
  expected = g_strdup_printf ("%u", counts.attention);
  g_assert_cmpstr (label, ==, expected);

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "view_stack"));
  results_page = lb_window_get_page (LB_WINDOW (window), "results");
  /* In the background the page keeps its counts but builds its rows only when shown (not
   * even once before the window's first frame). */
  {
    GtkWidget *group = find_widget (smells_page, is_group_titled, "Missing entity");
    GtkWidget *hole;

    g_assert_null (group);
    adw_view_stack_set_visible_child_name (stack, "smells");
    spin ();
    group = find_widget (smells_page, is_group_titled, "Missing entity");
    hole = find_widget (group, is_expander_titled, "Ranking table");
    g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (hole)), "Present"));
  }

  /* A hole: the Results page shows that model's row. */
  evidence.kind = LB_EVIDENCE_CELL;
  evidence.check = (char *) "missing-result";
  evidence.model_id = qwen;
  evidence.benchmark_id = mmlu;
  g_signal_emit_by_name (smells_page, "evidence-activated", &evidence);
  spin ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (lb_results_page_get_rows (LB_RESULTS_PAGE (results_page))), ==, 1);

  /* A leaderboard field: the Overview page; an import: the History page. */
  evidence.kind = LB_EVIDENCE_LEADERBOARD;
  evidence.field = (char *) "purpose";
  evidence.model_id = evidence.benchmark_id = 0;
  g_signal_emit_by_name (smells_page, "evidence-activated", &evidence);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  evidence.kind = LB_EVIDENCE_IMPORT;
  evidence.field = (char *) "status";
  evidence.import_id = import_id;
  g_signal_emit_by_name (smells_page, "evidence-activated", &evidence);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "history");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Holds the checks in their thread until the main thread lets them go. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  GThread *main_thread;
  gboolean held;
  gboolean release;
} Gate;

static void
gate_hook (LbSmellsRunStage stage,
           gpointer         data)
{
  Gate *gate = data;

  if (stage != LB_SMELLS_RUN_COMPUTING)
    return;
  /* Before, the page ran the checks right here, on the main thread. */
  g_assert_true (g_thread_self () != gate->main_thread);
  g_mutex_lock (&gate->lock);
  gate->held = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->release)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

/* On a database file the checks run in a thread: the page says it is checking and the main
 * loop goes on; the outcome is shown and stored when they are done; closing cancels. */
static void
test_page_in_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-smells-thread-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = lb_smells_page_new ();
  GtkWidget *checking = lb_test_template_child (page, LB_TYPE_SMELLS_PAGE, "checking_box");
  LbSmellCounts counts;
  gint64 lb;
  guint turns = 0;
  Gate gate = { 0 };
  GtkWidget *attention = lb_test_template_child (page, LB_TYPE_SMELLS_PAGE, "attention_switch");

  g_assert_nonnull (dir);
  store = lb_store_open (db, &error);
  g_assert_no_error (error);
  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  lb_store_set_user (store, "Tester");
  lb = lb_store_create_leaderboard (store, "Chatbot", &error);
  g_assert_cmpint (lb_store_ensure_model (store, lb, "Qwen2.5 72B", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  gate.main_thread = g_thread_self ();
  lb_smells_run_set_test_hook (gate_hook, &gate);
  g_object_set (page, "store", store, "leaderboard-id", lb, NULL);
  /* Returned at once: nothing is known yet, and the page says it is checking. */
  g_assert_true (gtk_widget_get_visible (checking));
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.present, ==, 0);

  /* While the checks are held in their thread, the window answers. */
  g_mutex_lock (&gate.lock);
  while (!gate.held)
    g_cond_wait (&gate.cond, &gate.lock);
  g_mutex_unlock (&gate.lock);
  gtk_switch_set_active (GTK_SWITCH (attention), TRUE);
  lb_test_iterate (5);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (attention)));
  g_assert_true (gtk_widget_get_visible (checking));
  lb_test_save_screenshot (window, "smells-checking.png");
  gtk_switch_set_active (GTK_SWITCH (attention), FALSE);
  g_mutex_lock (&gate.lock);
  gate.release = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);

  /* Bounded by turns of the main loop, not by time: each turn waits for an event. */
  while (gtk_widget_get_visible (checking) && turns++ < 100000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (checking));
  lb_smells_page_get_counts (LB_SMELLS_PAGE (page), &counts);
  g_assert_cmpuint (counts.present, >=, 5);
  stored = lb_store_list_smells (store, lb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, >=, 5);  /* written by the thread's own connection */
  lb_smells_run_set_test_hook (NULL, NULL);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);

  /* Closing while a run is in its thread drops it. */
  g_assert_true (gtk_widget_activate_action (page, "smells.run-checks", NULL));
  g_assert_true (gtk_widget_get_visible (checking));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_clear_object (&store);
  lb_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  /* Xvfb has no session bus for the accessibility bridge. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/smells-page/flow", test_page_flow);
  g_test_add_func ("/smells-page/store", test_page_store);
  g_test_add_func ("/smells-page/in-thread", test_page_in_thread);
  g_test_add_func ("/smells-page/window", test_window_navigation);
  return g_test_run ();
}
