/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells-run.c: the smell checks against the store (snapshot, merge with verdicts, audit)
 * and their text and JSON forms */

#define G_LOG_DOMAIN "lb-smells"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lb-smells.h"
#include "lb-smells-private.h"
#include "lb-value.h"
#include "lb-cell-ref.h"

/* ---- with the store ---- */

static LbSmellsRunHook test_hook;
static gpointer test_hook_data;

void
lb_smells_run_set_test_hook (LbSmellsRunHook hook,
                             gpointer        data)
{
  test_hook = hook;
  test_hook_data = data;
}

void
lb_smells_run_test_hook (LbSmellsRunStage stage)
{
  if (test_hook != NULL)
    test_hook (stage, test_hook_data);
}

LbSmellSnapshot *
lb_smell_snapshot_load (LbStore  *store,
                        gint64    leaderboard_id,
                        GError  **error)
{
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autoptr(LbSmellSnapshot) snapshot = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  /* One read transaction: the lists agree with each other, and writers are not held up. */
  if (!lb_store_begin_read (store, error))
    return NULL;
  leaderboard = lb_store_get_leaderboard (store, leaderboard_id, error);
  if (leaderboard == NULL)
    {
      lb_store_rollback (store);
      return NULL;
    }
  snapshot = lb_smell_snapshot_new (g_steal_pointer (&leaderboard));
  g_clear_pointer (&snapshot->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&snapshot->models, g_ptr_array_unref);
  g_clear_pointer (&snapshot->results, g_ptr_array_unref);
  g_clear_pointer (&snapshot->gaps, g_ptr_array_unref);
  g_clear_pointer (&snapshot->imports, g_ptr_array_unref);
  if ((snapshot->benchmarks = lb_store_list_benchmarks (store, leaderboard_id, error)) == NULL
      || (snapshot->models = lb_store_list_models (store, leaderboard_id, error)) == NULL
      || (snapshot->results = lb_store_list_results (store, leaderboard_id, FALSE, error)) == NULL
      || (snapshot->gaps = lb_store_list_gaps (store, leaderboard_id, error)) == NULL
      || (snapshot->imports = lb_store_list_imports (store, leaderboard_id, error)) == NULL)
    {
      lb_store_rollback (store);
      return NULL;
    }
  lb_store_rollback (store);  /* it only read */
  return g_steal_pointer (&snapshot);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

static const char *
bool_text (gboolean value)
{
  return value ? "true" : "false";
}

/* Writes @item when it differs from @old (NULL: not stored yet), auditing each changed field. */
static gboolean
store_item (LbStore        *store,
            const LbSmell  *old,
            LbSmell        *item,
            GError        **error)
{
  static const char * const untouched = "unchecked";
  struct {
    const char *field;
    const char *before;
    const char *after;
  } fields[] = {
    { "status", old != NULL ? old->status : untouched, item->status },
    { "detected", bool_text (old != NULL && old->detected), bool_text (item->detected) },
    { "evidence", old != NULL ? old->evidence : NULL, item->evidence },
    { "needs_review", bool_text (old != NULL && old->needs_review), bool_text (item->needs_review) },
    { "note", old != NULL ? old->note : NULL, item->note },
    { "reviewer", old != NULL ? old->reviewer : NULL, item->reviewer },
    { "checked_at", old != NULL ? old->checked_at : NULL, item->checked_at },
  };
  gboolean changed = FALSE;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    changed |= !same_text (fields[i].before, fields[i].after);
  if (!changed)
    return TRUE;

  id = lb_store_put_smell (store, item, error);
  if (id == 0)
    return FALSE;
  item->id = id;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field = NULL;

      if (same_text (fields[i].before, fields[i].after))
        continue;
      /* "missing/model.status": which item of the checklist changed, and how. */
      field = g_strdup_printf ("%s/%s.%s", item->smell, item->component != NULL ? item->component : "",
                               fields[i].field);
      if (!lb_store_audit (store, item->leaderboard_id, "smell", id, field, fields[i].before,
                           fields[i].after, error))
        return FALSE;
    }
  return TRUE;
}

static LbSmell *
find_stored (GPtrArray  *stored,
             const char *smell,
             const char *component)
{
  for (guint i = 0; i < stored->len; i++)
    {
      LbSmell *row = g_ptr_array_index (stored, i);

      if (g_strcmp0 (row->smell, smell) == 0 && g_strcmp0 (row->component, component) == 0)
        return row;
    }
  return NULL;
}

static GPtrArray *
run_cancellable (LbStore               *store,
                 gint64                 leaderboard_id,
                 const LbSmellOptions  *options,
                 GCancellable          *cancellable,
                 LbSmellSnapshot      **snapshot_out,
                 GPtrArray            **detections_out,
                 GError               **error);

GPtrArray *
lb_smells_run (LbStore               *store,
               gint64                 leaderboard_id,
               const LbSmellOptions  *options,
               LbSmellSnapshot      **snapshot_out,
               GPtrArray            **detections_out,
               GError               **error)
{
  return run_cancellable (store, leaderboard_id, options, NULL, snapshot_out, detections_out, error);
}

static GPtrArray *
run_cancellable (LbStore               *store,
                 gint64                 leaderboard_id,
                 const LbSmellOptions  *options,
                 GCancellable          *cancellable,
                 LbSmellSnapshot      **snapshot_out,
                 GPtrArray            **detections_out,
                 GError               **error)
{
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *now = NULL;
  LbSmellOptions defaults;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  if (options == NULL)
    {
      now = lb_now_iso8601 ();
      lb_smell_options_init (&defaults);
      defaults.today = now;
      options = &defaults;
    }

  /* Read in one read transaction, compute with no transaction open (hashing source files
   * included), then write the verdict merge in a short write transaction: other connections
   * (the CLI beside the app, an import) can write all the while. Whatever another connection
   * commits in between is merged with the verdicts read inside the write transaction. */
  snapshot = lb_smell_snapshot_load (store, leaderboard_id, error);
  if (snapshot == NULL)
    return NULL;
  lb_smells_run_test_hook (LB_SMELLS_RUN_COMPUTING);
  detections = lb_smells_detect (snapshot, options);
  lb_smells_run_test_hook (LB_SMELLS_RUN_WRITING);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;  /* nobody waits for it: write nothing */

  if (!lb_store_begin (store, error))
    return NULL;
  stored = lb_store_list_smells (store, leaderboard_id, error);
  if (stored == NULL)
    goto failed;

  for (guint s = 0; s < LB_N_SMELLS; s++)
    for (guint k = 0; k < LB_N_COMPONENTS; k++)
      {
        LbSmell *old = find_stored (stored, lb_smell_kind_to_string (s), lb_component_to_string (k));
        LbDetection *detection = lb_detections_find (detections, s, k);
        g_autoptr(LbSmell) item = NULL;

        if (old == NULL && detection == NULL)
          continue;  /* nothing to record: the checklist shows it unchecked */
        item = lb_smell_apply_detection (old, leaderboard_id, s, k, detection);
        if (!store_item (store, old, item, error))
          goto failed;
      }
  /* A failed commit has rolled back already. */
  if (!lb_store_commit (store, error))
    return NULL;

  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = lb_store_list_smells (store, leaderboard_id, error);
  if (stored == NULL)
    return NULL;
  if (snapshot_out != NULL)
    *snapshot_out = g_steal_pointer (&snapshot);
  if (detections_out != NULL)
    *detections_out = g_steal_pointer (&detections);
  return lb_smell_checklist (stored, leaderboard_id);

failed:
  lb_store_rollback (store);
  return NULL;
}

/* ---- in a thread ---- */

typedef struct {
  char      *db_path;
  char      *user;
  gint64     leaderboard_id;
  GPtrArray *checklist;
  GPtrArray *detections;
  gboolean   wrote;
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->db_path);
  g_free (data->user);
  g_clear_pointer (&data->checklist, g_ptr_array_unref);
  g_clear_pointer (&data->detections, g_ptr_array_unref);
  g_free (data);
}

static void
run_wrote_cb (LbStore *store,
              gint64   leaderboard_id,
              gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(LbStore) store = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = lb_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->user != NULL)
    lb_store_set_user (store, data->user);
  /* Commits on this connection emit ::changed here, in this thread: only a flag is set. */
  g_signal_connect (store, "changed", G_CALLBACK (run_wrote_cb), &data->wrote);
  data->checklist = run_cancellable (store, data->leaderboard_id, NULL, cancellable, NULL,
                                     &data->detections, &error);
  if (data->checklist == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
lb_smells_run_async (const char          *db_path,
                     const char          *user,
                     gint64               leaderboard_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (db_path != NULL);

  data = g_new0 (RunData, 1);
  data->db_path = g_strdup (db_path);
  data->user = g_strdup (user);
  data->leaderboard_id = leaderboard_id;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lb_smells_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

GPtrArray *
lb_smells_run_finish (GAsyncResult  *result,
                      GPtrArray    **detections,
                      gboolean      *wrote,
                      GError       **error)
{
  RunData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lb_smells_run_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (wrote != NULL)
    *wrote = data->wrote;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  if (detections != NULL)
    *detections = g_steal_pointer (&data->detections);
  return g_steal_pointer (&data->checklist);
}

LbSmell *
lb_smells_set_verdict (LbStore        *store,
                       gint64          leaderboard_id,
                       LbSmellKind     smell,
                       LbComponent     component,
                       LbSmellStatus   status,
                       const char     *note,
                       GError        **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(LbSmell) item = NULL;
  g_autofree char *now = NULL;
  LbSmell *old;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (smell < LB_N_SMELLS, NULL);
  g_return_val_if_fail (component <= LB_N_COMPONENTS, NULL);
  g_return_val_if_fail (status < LB_N_SMELL_STATUSES, NULL);

  if (!lb_store_begin (store, error))
    return NULL;
  stored = lb_store_list_smells (store, leaderboard_id, error);
  if (stored == NULL)
    goto failed;
  old = find_stored (stored, lb_smell_kind_to_string (smell),
                     component < LB_N_COMPONENTS ? lb_component_to_string (component) : NULL);
  now = lb_now_iso8601 ();
  item = lb_smell_apply_verdict (old, leaderboard_id, smell, component, status, note,
                                 lb_store_get_user (store), now);
  if (!store_item (store, old, item, error))
    goto failed;
  /* A failed commit has rolled back already. */
  if (!lb_store_commit (store, error))
    return NULL;
  if (item->id == 0 && old != NULL)
    item->id = old->id;
  return g_steal_pointer (&item);

failed:
  lb_store_rollback (store);
  return NULL;
}

gboolean
lb_smells_count_stored (LbStore        *store,
                        gint64          leaderboard_id,
                        LbSmellCounts  *counts,
                        GError        **error)
{
  g_autoptr(GPtrArray) stored = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  stored = lb_store_list_smells (store, leaderboard_id, error);
  if (stored == NULL)
    return FALSE;
  lb_smell_count (stored, counts);
  return TRUE;
}

/* ---- text and JSON ---- */

static LbDetection *
item_detection (GPtrArray     *detections,
                const LbSmell *item)
{
  LbSmellKind smell;
  LbComponent component;

  if (detections == NULL
      || !lb_smell_kind_from_string (item->smell, &smell)
      || !lb_component_from_string (item->component, &component))
    return NULL;
  return lb_detections_find (detections, smell, component);
}

static const char *
name_of_model (const LbSmellSnapshot *snapshot,
               gint64                 id)
{
  for (guint i = 0; snapshot != NULL && snapshot->models != NULL && i < snapshot->models->len; i++)
    {
      LbModel *m = g_ptr_array_index (snapshot->models, i);

      if (m->id == id)
        return m->name;
    }
  return NULL;
}

static const char *
name_of_benchmark (const LbSmellSnapshot *snapshot,
                   gint64                 id)
{
  for (guint i = 0; snapshot != NULL && snapshot->benchmarks != NULL && i < snapshot->benchmarks->len; i++)
    {
      LbBenchmark *b = g_ptr_array_index (snapshot->benchmarks, i);

      if (b->id == id)
        return b->name;
    }
  return NULL;
}

static const char *
item_status_label (const LbSmell *item)
{
  LbSmellStatus status = LB_SMELL_STATUS_UNCHECKED;

  lb_smell_status_from_string (item->status, &status);
  return lb_smell_status_label (status);
}

char *
lb_smells_format_text (const LbSmellSnapshot *snapshot,
                       GPtrArray             *checklist,
                       GPtrArray             *detections,
                       const char            *today)
{
  GString *out = g_string_new (NULL);
  LbSmellCounts counts;
  const char *group = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (checklist != NULL, NULL);

  lb_smell_count (checklist, &counts);
  checked = lb_date_text_to_display (today);
  g_string_append_printf (out, _("Leaderboard smells of “%s”, checked on %s"),
                          snapshot != NULL && snapshot->leaderboard != NULL
                          ? snapshot->leaderboard->name : "?",
                          checked != NULL ? checked : "?");
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Present: %u · Unchecked: %u · Mitigated: %u · Accepted: %u · Absent: %u"),
                          counts.present, counts.unchecked, counts.mitigated, counts.accepted,
                          counts.absent);
  if (counts.needs_review > 0)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("Need a new look: %u"), counts.needs_review);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (checklist, i);
      LbDetection *detection = item_detection (detections, item);
      LbSmellKind smell;
      LbComponent component;

      if (!lb_smell_kind_from_string (item->smell, &smell))
        continue;
      if (g_strcmp0 (group, item->smell) != 0)
        {
          group = item->smell;
          g_string_append_printf (out, "\n%s\n", lb_smell_kind_label (smell));
        }
      g_string_append_printf (out, "  %s: %s",
                              lb_component_from_string (item->component, &component)
                              ? lb_component_label (component) : _("Whole leaderboard"),
                              item_status_label (item));
      if (item->detected || detection != NULL)
        g_string_append_printf (out, " (%s)", _("detected"));
      if (item->needs_review)
        g_string_append_printf (out, " — %s", _("new evidence since the verdict"));
      g_string_append_c (out, '\n');
      if (detection != NULL)
        for (guint k = 0; k < detection->evidence->len; k++)
          {
            LbEvidence *ev = g_ptr_array_index (detection->evidence, k);

            g_string_append_printf (out, "    - %s\n", ev->message);
          }
      else if (item->evidence != NULL && *item->evidence != '\0')
        {
          g_autofree char *shown = lb_smell_evidence_display (item);
          g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            g_string_append_printf (out, "    - %s\n", lines[k]);
        }
      if (item->note != NULL)
        g_string_append_printf (out, "    %s %s\n", _("Note:"), item->note);
      if (item->reviewer != NULL)
        {
          g_string_append (out, "    ");
          if (item->checked_at != NULL)
            {
              g_autofree char *when = lb_date_text_to_display (item->checked_at);

              /* Translators: who gave the verdict, and on which day */
              g_string_append_printf (out, _("Verdict by %s on %s"), item->reviewer, when);
            }
          else
            g_string_append_printf (out, _("Verdict by %s"), item->reviewer);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
add_optional_string (JsonBuilder *b,
                     const char  *key,
                     const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_optional_int (JsonBuilder *b,
                  const char  *key,
                  gint64       value)
{
  json_builder_set_member_name (b, key);
  if (value != 0)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
lb_smells_to_json (const LbSmellSnapshot *snapshot,
                   GPtrArray             *checklist,
                   GPtrArray             *detections,
                   const char            *today)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  LbSmellCounts counts;

  g_return_val_if_fail (checklist != NULL, NULL);

  lb_smell_count (checklist, &counts);
  json_builder_begin_object (b);
  add_optional_string (b, "leaderboard", snapshot != NULL && snapshot->leaderboard != NULL
                                         ? snapshot->leaderboard->name : NULL);
  add_optional_string (b, "checked_at", today);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, counts.total);
  json_builder_set_member_name (b, "present");
  json_builder_add_int_value (b, counts.present);
  json_builder_set_member_name (b, "unchecked");
  json_builder_add_int_value (b, counts.unchecked);
  json_builder_set_member_name (b, "mitigated");
  json_builder_add_int_value (b, counts.mitigated);
  json_builder_set_member_name (b, "accepted");
  json_builder_add_int_value (b, counts.accepted);
  json_builder_set_member_name (b, "absent");
  json_builder_add_int_value (b, counts.absent);
  json_builder_set_member_name (b, "detected");
  json_builder_add_int_value (b, counts.detected);
  json_builder_set_member_name (b, "needs_review");
  json_builder_add_int_value (b, counts.needs_review);
  json_builder_set_member_name (b, "attention");
  json_builder_add_int_value (b, counts.attention);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "smells");
  json_builder_begin_array (b);
  for (guint i = 0; i < checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (checklist, i);
      LbDetection *detection = item_detection (detections, item);

      json_builder_begin_object (b);
      add_optional_string (b, "smell", item->smell);
      add_optional_string (b, "component", item->component);
      add_optional_string (b, "status", item->status != NULL ? item->status : "unchecked");
      json_builder_set_member_name (b, "detected");
      json_builder_add_boolean_value (b, detection != NULL || item->detected);
      json_builder_set_member_name (b, "needs_review");
      json_builder_add_boolean_value (b, item->needs_review);
      add_optional_string (b, "note", item->note);
      add_optional_string (b, "reviewer", item->reviewer);
      add_optional_string (b, "checked_at", item->checked_at);
      json_builder_set_member_name (b, "evidence");
      json_builder_begin_array (b);
      for (guint k = 0; detection != NULL && k < detection->evidence->len; k++)
        {
          LbEvidence *ev = g_ptr_array_index (detection->evidence, k);

          json_builder_begin_object (b);
          add_optional_string (b, "check", ev->check);
          add_optional_string (b, "target", lb_evidence_kind_to_string (ev->kind));
          add_optional_string (b, "field", ev->field);
          add_optional_int (b, "model_id", ev->model_id);
          add_optional_string (b, "model", ev->model_id != 0 ? name_of_model (snapshot, ev->model_id) : NULL);
          add_optional_int (b, "benchmark_id", ev->benchmark_id);
          add_optional_string (b, "benchmark", ev->benchmark_id != 0
                                               ? name_of_benchmark (snapshot, ev->benchmark_id) : NULL);
          add_optional_int (b, "import_id", ev->import_id);
          add_optional_int (b, "result_id", ev->result_id);
          add_optional_int (b, "row", ev->row);
          add_optional_int (b, "column", ev->column);
          add_optional_string (b, "path", ev->path);
          if (ev->row != 0 && ev->column != 0 && ev->path == NULL)
            {
              g_autofree char *letter = lb_column_letter (ev->column);
              g_autofree char *cell = g_strdup_printf ("%s%u", letter, ev->row);

              add_optional_string (b, "cell", cell);
            }
          else
            add_optional_string (b, "cell", NULL);
          add_optional_string (b, "key", ev->key);
          add_optional_string (b, "message", ev->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
