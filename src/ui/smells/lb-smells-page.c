/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells-page.c: the Smells page: the leaderboard smell checklist with its evidence and the
 * reviewers' verdicts */

#define G_LOG_DOMAIN "lb-smells-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lb-smell-row.h"
#include "lb-smells-page.h"
#include "lb-store.h"
#include "lb-value.h"

struct _LbSmellsPage
{
  LbPage          parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel       *summary_label;
  GtkLabel       *review_label;
  GtkBox         *groups_box;
  GtkSwitch      *attention_switch;
  GtkWidget      *checking_box;

  /* owned */
  GPtrArray      *checklist;   /* of LbSmell*: the full checklist, catalogue order */
  GPtrArray      *detections;  /* of LbDetection* */
  GPtrArray      *expanders;   /* of LbSmellRow*, parallel to checklist (borrowed refs) */
  guint           reload_source;
  char           *signature;   /* of what the rows show */
  gboolean        stale;       /* the rows wait for the page to be shown */
  GCancellable   *cancellable; /* of the run in its thread, NULL when none runs */
  gint64          shown_id;    /* the leaderboard the rows are of */
  gboolean        disposed;
};

G_DEFINE_FINAL_TYPE (LbSmellsPage, lb_smells_page, LB_TYPE_PAGE)

enum {
  SIGNAL_EVIDENCE_ACTIVATED,
  SIGNAL_VERDICT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The smell × component pairs an automatic check looks at (docs/smell-checks.md); for the
 * others, nothing is known until a person looks. */
static const LbComponent checked[LB_N_SMELLS][LB_N_COMPONENTS + 1] = {
  [LB_SMELL_CONFUSING] = { LB_COMPONENT_BENCHMARK_TASK, LB_COMPONENT_BENCHMARK_METRIC,
                           LB_COMPONENT_RANKING_DATAFRAME, LB_N_COMPONENTS },
  [LB_SMELL_DEPRECATED] = { LB_COMPONENT_RANKING_DATAFRAME, LB_COMPONENT_EVALUATION_SCORE,
                            LB_COMPONENT_MODEL, LB_COMPONENT_BENCHMARK_DATASET, LB_N_COMPONENTS },
  [LB_SMELL_INACCESSIBLE] = { LB_COMPONENT_MODEL, LB_COMPONENT_SUBMISSION_CHANNEL, LB_N_COMPONENTS },
  [LB_SMELL_MISDISPLAYED] = { LB_COMPONENT_RANKING_DATAFRAME, LB_COMPONENT_EVALUATION_SCORE,
                              LB_COMPONENT_MODEL, LB_N_COMPONENTS },
  [LB_SMELL_MISMATCHED] = { LB_COMPONENT_BENCHMARK_DATASET, LB_COMPONENT_EVALUATION_SCORE,
                            LB_COMPONENT_MODEL, LB_N_COMPONENTS },
  [LB_SMELL_MISSING] = { LB_COMPONENT_BENCHMARK_TASK, LB_COMPONENT_SUBMISSION_CHANNEL,
                         LB_COMPONENT_BENCHMARK_DATASET, LB_COMPONENT_BENCHMARK_PROTOCOL,
                         LB_COMPONENT_MODEL, LB_COMPONENT_BENCHMARK_METRIC,
                         LB_COMPONENT_RANKING_DATAFRAME, LB_COMPONENT_EVALUATION_SCORE, LB_N_COMPONENTS },
  [LB_SMELL_REDUNDANT] = { LB_COMPONENT_MODEL, LB_COMPONENT_RANKING_DATAFRAME,
                           LB_COMPONENT_SUBMISSION_CHANNEL, LB_N_COMPONENTS },
  [LB_SMELL_UNRESPONSIVE] = { LB_COMPONENT_SUBMISSION_CHANNEL, LB_N_COMPONENTS },
};

static gboolean
has_automatic_check (const LbSmell *item)
{
  LbSmellKind smell;
  LbComponent component;

  if (!lb_smell_kind_from_string (item->smell, &smell) || !lb_component_from_string (item->component, &component))
    return FALSE;
  for (guint i = 0; checked[smell][i] != LB_N_COMPONENTS; i++)
    if (checked[smell][i] == component)
      return TRUE;
  return FALSE;
}

/* What a row needs: a look (present, or new evidence after the verdict). */
static gboolean
needs_attention (const LbSmell *item)
{
  return g_strcmp0 (item->status, "present") == 0 || item->needs_review;
}

/* "Unchecked" means two things: the checks looked and found nothing, or nobody (no check, no
 * person) has looked at all. The rows say which. */
static const char *
status_text (const LbSmell *item)
{
  LbSmellStatus status = LB_SMELL_STATUS_UNCHECKED;

  lb_smell_status_from_string (item->status, &status);
  if (status != LB_SMELL_STATUS_UNCHECKED)
    return lb_smell_status_label (status);
  return has_automatic_check (item) ? _("Checked: nothing found, no verdict yet")
                                    : _("Nobody has looked: no automatic check")
;
}

static LbDetection *
copy_detection (const LbDetection *src)
{
  LbDetection *copy = g_new0 (LbDetection, 1);

  copy->smell = src->smell;
  copy->component = src->component;
  copy->evidence = g_ptr_array_new_full (src->evidence->len, (GDestroyNotify) lb_evidence_free);
  for (guint i = 0; i < src->evidence->len; i++)
    g_ptr_array_add (copy->evidence, lb_evidence_copy (g_ptr_array_index (src->evidence, i)));
  return copy;
}

/* The detection of an item, or NULL. */
static LbDetection *
item_detection (LbSmellsPage  *self,
                const LbSmell *item)
{
  LbSmellKind smell;
  LbComponent component;

  if (self->detections == NULL
      || !lb_smell_kind_from_string (item->smell, &smell)
      || !lb_component_from_string (item->component, &component))
    return NULL;
  return lb_detections_find (self->detections, smell, component);
}

static char *
item_subtitle (const LbSmell     *item,
               const LbDetection *detection)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, status_text (item));
  if (detection != NULL)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u piece of evidence found",
                                              "%u pieces of evidence found",
                                              detection->evidence->len),
                              detection->evidence->len);
    }
  else if (item->detected)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("evidence found by the last run"));
    }
  if (item->needs_review)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("new evidence since the verdict: please look again"));
    }
  return g_string_free (text, FALSE);
}

static void
update_summary (LbSmellsPage *self)
{
  LbSmellCounts counts;
  g_autofree char *summary = NULL;

  guint nothing_found = 0, nobody = 0;

  lb_smell_count (self->checklist, &counts);
  for (guint i = 0; i < self->checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (self->checklist, i);

      if (g_strcmp0 (item->status, "unchecked") == 0 && !item->needs_review)
        {
          if (has_automatic_check (item))
            nothing_found++;
          else
            nobody++;
        }
    }
  /* Translators: the summary at the top of the Smells page; "unchecked" is told apart */
  summary = g_strdup_printf (_("Needs a look: %u · Checked, nothing found: %u · Nobody has looked: %u · "
                               "Mitigated: %u · Accepted: %u · Absent: %u"),
                             counts.attention, nothing_found, nobody, counts.mitigated, counts.accepted,
                             counts.absent);
  /* A count stays with its name when the line wraps (「未確認:」 / 「45」 at 360 px). */
  {
    g_auto(GStrv) parts = g_strsplit (summary, ": ", -1);

    g_free (summary);
    summary = g_strjoinv (":\u00a0", parts);
  }
  gtk_label_set_label (self->summary_label, summary);
  if (counts.needs_review > 0)
    {
      g_autofree char *review = g_strdup_printf (ngettext ("%u verdict needs a new look: new evidence appeared after it.",
                                                           "%u verdicts need a new look: new evidence appeared after them.",
                                                           counts.needs_review),
                                                 counts.needs_review);

      gtk_label_set_label (self->review_label, review);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_label), counts.needs_review > 0);
}

static void
update_item (LbSmellsPage *self,
             guint         index)
{
  LbSmell *item = g_ptr_array_index (self->checklist, index);
  g_autofree char *subtitle = item_subtitle (item, item_detection (self, item));
  LbSmellStatus status = LB_SMELL_STATUS_UNCHECKED;
  const char *icon_name = NULL;
  const char *style = NULL;

  lb_smell_status_from_string (item->status, &status);
  /* Scanning 72 rows: what needs attention stands out. */
  if (item->needs_review)
    icon_name = "dialog-question-symbolic", style = "warning";
  else if (status == LB_SMELL_STATUS_PRESENT)
    icon_name = "dialog-warning-symbolic", style = "error";
  else if (status == LB_SMELL_STATUS_ABSENT || status == LB_SMELL_STATUS_MITIGATED)
    icon_name = "emblem-ok-symbolic", style = "success";
  else if (status == LB_SMELL_STATUS_ACCEPTED)
    icon_name = "dialog-information-symbolic", style = "dim-label";
  else if (!has_automatic_check (item))
    icon_name = "view-conceal-symbolic", style = "dim-label";
  lb_smell_row_show_status (g_ptr_array_index (self->expanders, index), subtitle, icon_name, style,
                            needs_attention (item));
}

/* "Show only what needs a look": the other rows, and groups left empty, are hidden. */
static void
apply_filter (LbSmellsPage *self)
{
  gboolean only = gtk_switch_get_active (self->attention_switch);
  GtkWidget *group;

  for (guint i = 0; self->expanders != NULL && i < self->expanders->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->expanders, i),
                            !only || needs_attention (g_ptr_array_index (self->checklist, i)));
  for (group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      gboolean any = !only;

      for (guint i = 0; !any && self->expanders != NULL && i < self->expanders->len; i++)
        any = gtk_widget_get_visible (g_ptr_array_index (self->expanders, i)) &&
              gtk_widget_is_ancestor (g_ptr_array_index (self->expanders, i), group);
      gtk_widget_set_visible (group, any);
    }
}

static void
attention_switch_cb (LbSmellsPage *self)
{
  apply_filter (self);
}

static void rebuild (LbSmellsPage *self);
static void rebuild_now (LbSmellsPage *self);

/* Everything the rows show, to tell whether a reload changed anything. */
static char *
page_signature (LbSmellsPage *self)
{
  GString *sig = g_string_new (NULL);

  for (guint i = 0; i < self->checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (self->checklist, i);

      g_string_append_printf (sig, "%s/%s %s %d %d %s|%s|%s|%s\n", item->smell,
                              item->component != NULL ? item->component : "", item->status,
                              item->detected, item->needs_review,
                              item->evidence != NULL ? item->evidence : "",
                              item->note != NULL ? item->note : "",
                              item->reviewer != NULL ? item->reviewer : "",
                              item->checked_at != NULL ? item->checked_at : "");
    }
  for (guint i = 0; i < self->detections->len; i++)
    {
      LbDetection *d = g_ptr_array_index (self->detections, i);

      for (guint k = 0; k < d->evidence->len; k++)
        {
          LbEvidence *ev = g_ptr_array_index (d->evidence, k);

          g_string_append_printf (sig, "%d %d %s %s\n", d->smell, d->component, ev->key, ev->message);
        }
    }
  return g_string_free (sig, FALSE);
}

/* Shows a finished run, unless the rows show it already. */
static void
show_run (LbSmellsPage *self,
          GPtrArray    *checklist,   /* taken */
          GPtrArray    *detections)  /* taken */
{
  g_autofree char *signature = NULL;

  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->detections, g_ptr_array_unref);
  self->checklist = checklist;
  self->detections = detections;
  self->shown_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  signature = page_signature (self);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;  /* e.g. the run after our own verdict: the rows show it already */
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  rebuild (self);
}

/* The spinner and "Checking…" while a run is in its thread. */
static void
set_checking (LbSmellsPage *self,
              gboolean      checking)
{
  /* Rows of another leaderboard (or none checked yet) would claim "checked, nothing found":
   * until the first run is done only the spinner shows. A new run of the same leaderboard
   * keeps the last outcome in view. */
  gboolean rows = !checking || self->shown_id == lb_page_get_leaderboard_id (LB_PAGE (self));

  gtk_widget_set_visible (self->checking_box, checking);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_box), rows);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), rows);
  if (!rows)
    gtk_widget_set_visible (GTK_WIDGET (self->review_label), FALSE);
}

static void
run_checks_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LbSmellsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  GPtrArray *checklist;
  gboolean wrote = FALSE;
  gboolean cancelled;
  LbStore *store;

  checklist = lb_smells_run_finish (result, &detections, &wrote, &error);
  if (self->disposed)
    {
      g_clear_pointer (&checklist, g_ptr_array_unref);
      return;
    }
  store = lb_page_get_store (LB_PAGE (self));
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Another connection wrote: the sidebar badge and the other pages read it again. A run
   * cancelled for a newer one may have written before it noticed, perhaps for the
   * leaderboard shown before: 0 says "any". */
  if (wrote && store != NULL)
    lb_store_emit_changed (store, cancelled ? 0 : lb_page_get_leaderboard_id (LB_PAGE (self)));
  if (cancelled)
    return;  /* a newer run replaced it */
  g_clear_object (&self->cancellable);
  set_checking (self, FALSE);
  if (checklist == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  show_run (self, checklist, g_steal_pointer (&detections));
  update_summary (self);  /* the review line, hidden while checking */
}

/* Runs the checks on the stored leaderboard in a thread (they read every result and hash
 * the source files) and shows the result when they are done; a newer run cancels an older. */
static void
run_checks (LbSmellsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  const char *path = store != NULL ? lb_store_get_path (store) : NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_checking (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "smells.run-checks",
                                 store != NULL && leaderboard_id != 0);
  if (store == NULL || leaderboard_id == 0)
    {
      lb_smells_page_set_checklist (self, NULL, NULL);
      return;
    }
  if (path != NULL && strcmp (path, ":memory:") != 0)
    {
      self->cancellable = g_cancellable_new ();
      set_checking (self, TRUE);
      lb_smells_run_async (path, lb_store_get_user (store), leaderboard_id, self->cancellable,
                           run_checks_done_cb, g_object_ref (self));
      return;
    }

  /* A private in-memory store (tests) has no file another connection could open. */
  checklist = lb_smells_run (store, leaderboard_id, NULL, NULL, &detections, &error);
  if (checklist == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  show_run (self, g_steal_pointer (&checklist), g_steal_pointer (&detections));
}

static gboolean
reload_idle_cb (gpointer data)
{
  LbSmellsPage *self = data;

  self->reload_source = 0;
  run_checks (self);
  return G_SOURCE_REMOVE;
}

/* Several changes in a row (an import, a form) give one run, after they are done. */
static void
schedule_reload (LbSmellsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
run_checks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  run_checks (LB_SMELLS_PAGE (widget));
}

/* Records a reviewer's verdict on item @index from the widgets' state. */
static void
apply_verdict (LbSmellsPage  *self,
               guint          index,
               LbSmellStatus  status,
               const char    *note)
{
  LbSmell *item = g_ptr_array_index (self->checklist, index);
  LbSmellKind smell;
  LbComponent component = LB_N_COMPONENTS;
  g_autofree char *now = lb_now_iso8601 ();
  LbSmell *verdict;

  if (!lb_smell_kind_from_string (item->smell, &smell))
    return;
  lb_component_from_string (item->component, &component);
  if (lb_page_get_store (LB_PAGE (self)) != NULL && lb_page_get_leaderboard_id (LB_PAGE (self)) != 0)
    {
      g_autoptr(GError) error = NULL;

      verdict = lb_smells_set_verdict (lb_page_get_store (LB_PAGE (self)),
                                       lb_page_get_leaderboard_id (LB_PAGE (self)), smell, component,
                                       status, note, &error);
      if (verdict == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
          schedule_reload (self);
          return;
        }
    }
  else
    verdict = lb_smell_apply_verdict (item, item->leaderboard_id, smell, component, status, note,
                                      lb_real_name (), now);
  g_ptr_array_index (self->checklist, index) = verdict;
  lb_smell_free (item);
  if (self->expanders != NULL && index < self->expanders->len)
    lb_smell_row_set_item (g_ptr_array_index (self->expanders, index), verdict);
  /* The rows show the verdict already; the run the store change triggers needs no rebuild. */
  g_free (self->signature);
  self->signature = page_signature (self);

  update_item (self, index);
  update_summary (self);
  g_signal_emit (self, signals[SIGNAL_VERDICT_CHANGED], 0, verdict);
}

/* The index of @row's item in the checklist, or FALSE for a row of an older build. */
static gboolean
row_index (LbSmellsPage *self,
           LbSmellRow   *row,
           guint        *index)
{
  return self->expanders != NULL && g_ptr_array_find (self->expanders, row, index);
}

static void
status_chosen_cb (LbSmellRow   *row,
                  guint         selected,
                  LbSmellsPage *self)
{
  LbSmellStatus current = LB_SMELL_STATUS_UNCHECKED;
  LbSmell *item;
  guint index;

  if (!row_index (self, row, &index))
    return;
  item = g_ptr_array_index (self->checklist, index);
  lb_smell_status_from_string (item->status, &current);
  if (current == selected && !item->needs_review)
    return;
  apply_verdict (self, index, selected, item->note);
}

static void
note_applied_cb (LbSmellRow   *row,
                 const char   *note,
                 LbSmellsPage *self)
{
  LbSmellStatus status = LB_SMELL_STATUS_UNCHECKED;
  guint index;

  if (!row_index (self, row, &index))
    return;
  lb_smell_status_from_string (((LbSmell *) g_ptr_array_index (self->checklist, index))->status, &status);
  apply_verdict (self, index, status, note);
}

static void
evidence_activated_cb (LbSmellRow   *row,
                       LbEvidence   *evidence,
                       LbSmellsPage *self)
{
  g_signal_emit (self, signals[SIGNAL_EVIDENCE_ACTIVATED], 0, evidence);
}

static GtkWidget *
item_row_new (LbSmellsPage *self,
              guint         index)
{
  LbSmell *item = g_ptr_array_index (self->checklist, index);
  GtkWidget *row = lb_smell_row_new (item, item_detection (self, item));

  g_signal_connect_object (row, "status-chosen", G_CALLBACK (status_chosen_cb), self, 0);
  g_signal_connect_object (row, "note-applied", G_CALLBACK (note_applied_cb), self, 0);
  g_signal_connect_object (row, "evidence-activated", G_CALLBACK (evidence_activated_cb), self, 0);
  return row;
}

/* Building 72 rows takes a moment: a page in the background only notes that it must. The
 * checklist and the counts stay current either way. */
static void
rebuild (LbSmellsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      update_summary (self);
      return;
    }
  rebuild_now (self);
}

static void
map_cb (GtkWidget *widget,
        gpointer   user_data)
{
  LbSmellsPage *self = LB_SMELLS_PAGE (widget);

  if (self->stale)
    rebuild_now (self);
}

static void
rebuild_now (LbSmellsPage *self)
{
  GtkWidget *child;
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint index = 0;

  /* Keep open what the reviewer had open. */
  for (guint i = 0; self->expanders != NULL && i < self->expanders->len; i++)
    if (adw_expander_row_get_expanded (g_ptr_array_index (self->expanders, i)))
      g_hash_table_add (expanded, g_strdup (lb_smell_row_get_item_id (g_ptr_array_index (self->expanders, i))));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_clear_pointer (&self->expanders, g_ptr_array_unref);
  self->expanders = g_ptr_array_new ();

  self->stale = FALSE;
  for (guint s = 0; s < LB_N_SMELLS; s++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *description = g_strdup_printf ("%s\n%s %s\n%s %s",
                                                      lb_smell_kind_explanation (s),
                                                      _("Look for:"), lb_smell_kind_look_for (s),
                                                      _("What to do:"), lb_smell_kind_action (s));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), lb_smell_kind_label (s));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      for (; index < self->checklist->len; index++)
        {
          LbSmell *item = g_ptr_array_index (self->checklist, index);
          GtkWidget *row;

          if (g_strcmp0 (item->smell, lb_smell_kind_to_string (s)) != 0)
            break;
          row = item_row_new (self, index);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                         g_hash_table_contains (expanded, lb_smell_row_get_item_id (LB_SMELL_ROW (row))));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (self->expanders, row);
          update_item (self, index);
        }
      gtk_box_append (self->groups_box, group);
    }
  apply_filter (self);
  update_summary (self);
}

/* ---- GObject ---- */

static void
lb_smells_page_dispose (GObject *object)
{
  LbSmellsPage *self = LB_SMELLS_PAGE (object);

  /* The window closes: a run in its thread is dropped (and writes nothing if not yet writing). */
  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->expanders, g_ptr_array_unref);
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_SMELLS_PAGE);
  G_OBJECT_CLASS (lb_smells_page_parent_class)->dispose (object);
}

static void
lb_smells_page_finalize (GObject *object)
{
  LbSmellsPage *self = LB_SMELLS_PAGE (object);

  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->detections, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);
  G_OBJECT_CLASS (lb_smells_page_parent_class)->finalize (object);
}

/* LbPage: another leaderboard or store runs the checks now; a write to the store runs them
 * once the writes in a row are done. */
static void
lb_smells_page_reload (LbPage   *page,
                       gboolean  same_leaderboard)
{
  LbSmellsPage *self = LB_SMELLS_PAGE (page);

  if (same_leaderboard)
    schedule_reload (self);
  else
    run_checks (self);
}

static void
lb_smells_page_class_init (LbSmellsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_smells_page_dispose;
  object_class->finalize = lb_smells_page_finalize;
  LB_PAGE_CLASS (klass)->reload = lb_smells_page_reload;

  signals[SIGNAL_EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, LB_TYPE_EVIDENCE);
  signals[SIGNAL_VERDICT_CHANGED] =
    g_signal_new ("verdict-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-smells-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, attention_switch);
  gtk_widget_class_bind_template_child (widget_class, LbSmellsPage, checking_box);
  gtk_widget_class_bind_template_callback (widget_class, attention_switch_cb);
  gtk_widget_class_install_action (widget_class, "smells.run-checks", NULL, run_checks_action);
}

static void
lb_smells_page_init (LbSmellsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checklist = lb_smell_checklist (NULL, 0);
  self->detections = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_detection_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "smells.run-checks", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  rebuild (self);
}

/* ---- public API ---- */

GtkWidget *
lb_smells_page_new (void)
{
  return g_object_new (LB_TYPE_SMELLS_PAGE, NULL);
}

void
lb_smells_page_set_checklist (LbSmellsPage *self,
                              GPtrArray    *checklist,
                              GPtrArray    *detections)
{
  g_return_if_fail (LB_IS_SMELLS_PAGE (self));

  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->detections, g_ptr_array_unref);
  self->checklist = lb_smell_checklist (checklist, lb_page_get_leaderboard_id (LB_PAGE (self)));
  for (guint i = 0; checklist != NULL && checklist->len > 0 && i < self->checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (self->checklist, i);

      /* Without a store the rows given say which leaderboard they belong to. */
      if (item->leaderboard_id == 0)
        item->leaderboard_id = ((LbSmell *) g_ptr_array_index (checklist, 0))->leaderboard_id;
    }
  self->shown_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  self->detections = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_detection_free);
  for (guint i = 0; detections != NULL && i < detections->len; i++)
    g_ptr_array_add (self->detections, copy_detection (g_ptr_array_index (detections, i)));
  g_free (self->signature);
  self->signature = page_signature (self);
  rebuild (self);
}

void
lb_smells_page_get_counts (LbSmellsPage  *self,
                           LbSmellCounts *counts)
{
  g_return_if_fail (LB_IS_SMELLS_PAGE (self));

  lb_smell_count (self->checklist, counts);
}
