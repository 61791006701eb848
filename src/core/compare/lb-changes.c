/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-changes.c: what changed between two states of a leaderboard, replayed from its imports */

#define G_LOG_DOMAIN "lb-changes"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "lb-changes.h"
#include "lb-cell-ref.h"

typedef struct {
  const LbResult *value;        /* current, or NULL */
  const LbResult *was;          /* withdrawn: the value it had */
  const LbGap    *gap;          /* withdrawn by */
} Cell;

typedef struct {
  GHashTable *cells;            /* "model:benchmark" → Cell* */
  GHashTable *listed;           /* model id (gint64*) → TRUE */
  GHashTable *known;            /* models met at all */
  GHashTable *benchmarks;       /* benchmark ids present */
  GHashTable *versions;         /* model id → const char* */
} State;

typedef struct {
  GPtrArray  *imports;          /* LbImport*, oldest first */
  GHashTable *rows;             /* import id → GPtrArray of LbResult* */
  GHashTable *gap_rows;         /* import id → GPtrArray of LbGap* */
  GPtrArray  *results;
  GPtrArray  *gaps;
  GHashTable *models;           /* id → LbModel* */
  GHashTable *benchmarks;       /* id → LbBenchmark* */
  GPtrArray  *model_list;
  GPtrArray  *benchmark_list;
} Data;

void
lb_change_free (LbChange *change)
{
  if (change == NULL)
    return;
  g_free (change->model);
  g_free (change->benchmark);
  g_clear_pointer (&change->old_result, lb_result_free);
  g_clear_pointer (&change->new_result, lb_result_free);
  g_clear_pointer (&change->gap, lb_gap_free);
  g_free (change->old_version);
  g_free (change->new_version);
  g_free (change);
}

static void
state_init (State *s)
{
  s->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  s->known = g_hash_table_new (g_int64_hash, g_int64_equal);
  s->benchmarks = g_hash_table_new (g_int64_hash, g_int64_equal);
  s->versions = g_hash_table_new (g_int64_hash, g_int64_equal);
}

static void
state_clear (State *s)
{
  g_clear_pointer (&s->cells, g_hash_table_unref);
  g_clear_pointer (&s->listed, g_hash_table_unref);
  g_clear_pointer (&s->known, g_hash_table_unref);
  g_clear_pointer (&s->benchmarks, g_hash_table_unref);
  g_clear_pointer (&s->versions, g_hash_table_unref);
}

static void
data_clear (Data *d)
{
  g_clear_pointer (&d->imports, g_ptr_array_unref);
  g_clear_pointer (&d->rows, g_hash_table_unref);
  g_clear_pointer (&d->gap_rows, g_hash_table_unref);
  g_clear_pointer (&d->results, g_ptr_array_unref);
  g_clear_pointer (&d->gaps, g_ptr_array_unref);
  g_clear_pointer (&d->models, g_hash_table_unref);
  g_clear_pointer (&d->benchmarks, g_hash_table_unref);
  g_clear_pointer (&d->model_list, g_ptr_array_unref);
  g_clear_pointer (&d->benchmark_list, g_ptr_array_unref);
}

static char *
cell_key (gint64 model_id,
          gint64 benchmark_id)
{
  return g_strdup_printf ("%" PRId64 ":%" PRId64, model_id, benchmark_id);
}

static int
import_by_id (gconstpointer a,
              gconstpointer b)
{
  const LbImport *x = *(const LbImport * const *) a;
  const LbImport *y = *(const LbImport * const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

static GPtrArray *
rows_of (GHashTable *table,
         gint64      import_id)
{
  GPtrArray *rows = g_hash_table_lookup (table, &import_id);

  if (rows == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = import_id;
      rows = g_ptr_array_new ();
      g_hash_table_insert (table, key, rows);
    }
  return rows;
}

static gboolean
data_load (Data     *d,
           LbStore  *store,
           gint64    leaderboard_id,
           GError  **error)
{
  if ((d->imports = lb_store_list_imports (store, leaderboard_id, error)) == NULL
      || (d->results = lb_store_list_results (store, leaderboard_id, FALSE, error)) == NULL
      || (d->gaps = lb_store_list_gaps (store, leaderboard_id, error)) == NULL
      || (d->model_list = lb_store_list_models (store, leaderboard_id, error)) == NULL
      || (d->benchmark_list = lb_store_list_benchmarks (store, leaderboard_id, error)) == NULL)
    return FALSE;
  g_ptr_array_sort (d->imports, import_by_id);
  d->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  d->gap_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < d->results->len; i++)
    {
      LbResult *r = g_ptr_array_index (d->results, i);

      if (r->import_id != 0)
        g_ptr_array_add (rows_of (d->rows, r->import_id), r);
    }
  for (guint i = 0; i < d->gaps->len; i++)
    {
      LbGap *g = g_ptr_array_index (d->gaps, i);

      g_ptr_array_add (rows_of (d->gap_rows, g->import_id), g);
    }
  d->models = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < d->model_list->len; i++)
    {
      LbModel *m = g_ptr_array_index (d->model_list, i);
      g_hash_table_insert (d->models, &m->id, m);
    }
  d->benchmarks = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < d->benchmark_list->len; i++)
    {
      LbBenchmark *b = g_ptr_array_index (d->benchmark_list, i);
      g_hash_table_insert (d->benchmarks, &b->id, b);
    }
  return TRUE;
}

static Cell *
state_cell (State  *s,
            gint64  model_id,
            gint64  benchmark_id)
{
  char *key = cell_key (model_id, benchmark_id);
  Cell *cell = g_hash_table_lookup (s->cells, key);

  if (cell == NULL)
    {
      cell = g_new0 (Cell, 1);
      g_hash_table_insert (s->cells, key, cell);
    }
  else
    g_free (key);
  return cell;
}

/* The state after every import with id ≤ @upto (0: none). */
static void
replay (Data   *d,
        gint64  upto,
        State  *s)
{
  state_init (s);
  if (upto == 0)
    return;
  for (guint i = 0; i < d->imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (d->imports, i);
      GPtrArray *results, *gaps;
      gboolean replace = import->mode == LB_IMPORT_MODE_REPLACE;

      if (import->id > upto)
        break;
      if (import->status != LB_IMPORT_COMPLETE)
        continue;
      results = g_hash_table_lookup (d->rows, &import->id);
      gaps = g_hash_table_lookup (d->gap_rows, &import->id);
      if (replace)
        {
          g_hash_table_remove_all (s->listed);
          g_hash_table_remove_all (s->benchmarks);
        }
      for (guint j = 0; results != NULL && j < results->len; j++)
        {
          LbResult *r = g_ptr_array_index (results, j);
          Cell *cell = state_cell (s, r->model_id, r->benchmark_id);

          cell->value = r;
          cell->was = NULL;
          cell->gap = NULL;
          g_hash_table_add (s->listed, &r->model_id);
          g_hash_table_add (s->known, &r->model_id);
          g_hash_table_add (s->benchmarks, &r->benchmark_id);
          if (r->model_version != NULL)
            g_hash_table_insert (s->versions, &r->model_id, r->model_version);
        }
      for (guint j = 0; gaps != NULL && j < gaps->len; j++)
        {
          LbGap *g = g_ptr_array_index (gaps, j);
          Cell *cell = state_cell (s, g->model_id, g->benchmark_id);

          g_hash_table_add (s->listed, &g->model_id);
          g_hash_table_add (s->known, &g->model_id);
          g_hash_table_add (s->benchmarks, &g->benchmark_id);
          if (replace && cell->value != NULL && cell->value->import_id < g->import_id)
            {
              cell->was = cell->value;
              cell->value = NULL;
              cell->gap = g;
            }
        }
    }
}

static const char *
model_name (Data   *d,
            gint64  id)
{
  LbModel *m = g_hash_table_lookup (d->models, &id);
  return m != NULL ? m->name : "?";
}

static const char *
benchmark_name (Data   *d,
                gint64  id)
{
  LbBenchmark *b = g_hash_table_lookup (d->benchmarks, &id);
  return b != NULL ? b->name : "?";
}

static LbChange *
change_new (LbChangeKind  kind,
            const char   *model,
            const char   *benchmark)
{
  LbChange *c = g_new0 (LbChange, 1);

  c->kind = kind;
  c->model = g_strdup (model);
  c->benchmark = g_strdup (benchmark);
  return c;
}

static int
change_order (gconstpointer a,
              gconstpointer b)
{
  const LbChange *x = *(const LbChange * const *) a;
  const LbChange *y = *(const LbChange * const *) b;
  int c;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  if ((c = g_utf8_collate (x->model != NULL ? x->model : "", y->model != NULL ? y->model : "")) != 0)
    return c;
  return g_utf8_collate (x->benchmark != NULL ? x->benchmark : "", y->benchmark != NULL ? y->benchmark : "");
}

static GPtrArray *
diff (Data  *d,
      State *then,
      State *now)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_change_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < d->model_list->len; i++)
    {
      LbModel *m = g_ptr_array_index (d->model_list, i);
      gboolean was = g_hash_table_contains (then->listed, &m->id);
      gboolean is = g_hash_table_contains (now->listed, &m->id);
      const char *v0 = g_hash_table_lookup (then->versions, &m->id);
      const char *v1 = g_hash_table_lookup (now->versions, &m->id);

      if (is && !was)
        g_ptr_array_add (changes, change_new (LB_CHANGE_NEW_MODEL, m->name, NULL));
      else if (was && !is)
        g_ptr_array_add (changes, change_new (LB_CHANGE_UNLISTED, m->name, NULL));
      else if (was && is && g_strcmp0 (v0, v1) != 0)
        {
          LbChange *c = change_new (LB_CHANGE_VERSION, m->name, NULL);

          c->old_version = g_strdup (v0);
          c->new_version = g_strdup (v1);
          g_ptr_array_add (changes, c);
        }
    }
  for (guint i = 0; i < d->benchmark_list->len; i++)
    {
      LbBenchmark *b = g_ptr_array_index (d->benchmark_list, i);
      gboolean was = g_hash_table_contains (then->benchmarks, &b->id);
      gboolean is = g_hash_table_contains (now->benchmarks, &b->id);

      if (is && !was)
        g_ptr_array_add (changes, change_new (LB_CHANGE_BENCHMARK_ADDED, NULL, b->name));
      else if (was && !is)
        g_ptr_array_add (changes, change_new (LB_CHANGE_BENCHMARK_GONE, NULL, b->name));
    }

  g_hash_table_iter_init (&iter, now->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Cell *n = value;
      const Cell *o = g_hash_table_lookup (then->cells, key);
      const LbResult *any = n->value != NULL ? n->value : n->was;
      gint64 model_id, benchmark_id;
      LbChange *c = NULL;

      if (any == NULL)
        continue;
      model_id = any->model_id;
      benchmark_id = any->benchmark_id;
      /* A model new or gone is one change, not one per value. */
      if (!g_hash_table_contains (then->listed, &model_id)
          || !g_hash_table_contains (now->listed, &model_id))
        continue;
      if (n->value != NULL && o != NULL && o->value != NULL)
        {
          if (o->value->score != n->value->score)
            c = change_new (LB_CHANGE_VALUE, NULL, NULL);
        }
      else if (n->value != NULL)
        c = change_new (LB_CHANGE_VALUE_ADDED, NULL, NULL);
      else if (n->gap != NULL && o != NULL && o->value != NULL)
        c = change_new (LB_CHANGE_WITHDRAWN, NULL, NULL);
      if (c == NULL)
        continue;
      c->model = g_strdup (model_name (d, model_id));
      c->benchmark = g_strdup (benchmark_name (d, benchmark_id));
      if (o != NULL && o->value != NULL)
        c->old_result = lb_result_copy (o->value);
      if (n->value != NULL)
        c->new_result = lb_result_copy (n->value);
      if (n->gap != NULL)
        c->gap = lb_gap_copy (n->gap);
      g_ptr_array_add (changes, c);
    }
  g_ptr_array_sort (changes, change_order);
  return changes;
}

GPtrArray *
lb_changes_between (LbStore  *store,
                    gint64    leaderboard_id,
                    gint64    from_import,
                    gint64    to_import,
                    GError  **error)
{
  Data d = { 0 };
  State then = { 0 }, now = { 0 };
  GPtrArray *changes = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  if (data_load (&d, store, leaderboard_id, error))
    {
      if (to_import == 0)
        to_import = G_MAXINT64;
      replay (&d, from_import, &then);
      replay (&d, to_import, &now);
      changes = diff (&d, &then, &now);
    }
  state_clear (&then);
  state_clear (&now);
  data_clear (&d);
  return changes;
}

GPtrArray *
lb_changes_of_import (LbStore  *store,
                      gint64    leaderboard_id,
                      gint64    import_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) imports = lb_store_list_imports (store, leaderboard_id, error);
  gint64 previous = 0;

  if (imports == NULL)
    return NULL;
  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);

      if (import->id < import_id && import->id > previous && import->status == LB_IMPORT_COMPLETE)
        previous = import->id;
    }
  return lb_changes_between (store, leaderboard_id, previous, import_id, error);
}

typedef struct {
  char   *db_path;
  gint64  leaderboard_id;
  guint   max_results;
} ImportsData;

static void
imports_data_free (ImportsData *data)
{
  g_free (data->db_path);
  g_free (data);
}

GHashTable *
lb_changes_of_imports (LbStore       *store,
                       gint64         leaderboard_id,
                       guint          max_results,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GHashTable) changes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  LbLeaderboardStats stats = { 0 };
  gboolean too_large;

  if ((imports = lb_store_list_imports (store, leaderboard_id, error)) == NULL
      || !lb_store_get_leaderboard_stats (store, leaderboard_id, &stats, error))
    return NULL;
  too_large = stats.n_results > max_results;
  lb_leaderboard_stats_clear (&stats);
  for (guint i = 0; !too_large && i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);
      GPtrArray *of_import;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || (of_import = lb_changes_of_import (store, leaderboard_id, import->id, error)) == NULL)
        return NULL;
      g_hash_table_insert (changes, g_memdup2 (&import->id, sizeof import->id), of_import);
    }
  return g_steal_pointer (&changes);
}

static void
changes_of_imports_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  ImportsData *data = task_data;
  g_autoptr(LbStore) store = NULL;
  GHashTable *changes;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((store = lb_store_open_read_only (data->db_path, &error)) == NULL
      || (changes = lb_changes_of_imports (store, data->leaderboard_id, data->max_results,
                                           cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, changes, (GDestroyNotify) g_hash_table_unref);
}

void
lb_changes_of_imports_async (const char          *db_path,
                             gint64               leaderboard_id,
                             guint                max_results,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportsData *data;

  g_return_if_fail (db_path != NULL);

  data = g_new0 (ImportsData, 1);
  data->db_path = g_strdup (db_path);
  data->leaderboard_id = leaderboard_id;
  data->max_results = max_results;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lb_changes_of_imports_async);
  g_task_set_task_data (task, data, (GDestroyNotify) imports_data_free);
  g_task_run_in_thread (task, changes_of_imports_thread);
}

GHashTable *
lb_changes_of_imports_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lb_changes_of_imports_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
lb_changes_since (LbStore     *store,
                  gint64       leaderboard_id,
                  const char  *since,
                  gint64      *from_import,
                  GError     **error)
{
  g_autoptr(GPtrArray) imports = lb_store_list_imports (store, leaderboard_id, error);
  g_autofree char *until = NULL;
  gint64 from = 0;

  if (imports == NULL)
    return NULL;
  /* A date alone (an older "reviewed on" day) counts the whole day as seen. */
  until = strlen (since) == 10 ? g_strconcat (since, "T23:59:59Z", NULL) : g_strdup (since);
  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);

      if (import->status == LB_IMPORT_COMPLETE && import->imported_at != NULL
          && strcmp (import->imported_at, until) <= 0 && import->id > from)
        from = import->id;
    }
  if (from_import != NULL)
    *from_import = from;
  return lb_changes_between (store, leaderboard_id, from, 0, error);
}

static char *
result_ref (const LbResult *r)
{
  g_autofree char *key = lb_cell_key (r->import_id, r->source_row, r->source_column, r->source_path);
  g_autofree char *number = g_strdup_printf ("%g", r->score);

  return g_strdup_printf ("%s %s", r->raw != NULL ? r->raw : number, key);
}

char *
lb_change_describe (const LbChange *c)
{
  g_autofree char *old_ref = NULL;
  g_autofree char *new_ref = NULL;

  g_return_val_if_fail (c != NULL, NULL);

  if (c->old_result != NULL)
    old_ref = result_ref (c->old_result);
  if (c->new_result != NULL)
    new_ref = result_ref (c->new_result);
  switch (c->kind)
    {
    case LB_CHANGE_NEW_MODEL:
      return g_strdup_printf (_("New model: %s"), c->model);
    case LB_CHANGE_UNLISTED:
      return g_strdup_printf (_("No longer listed: %s"), c->model);
    case LB_CHANGE_VERSION:
      return g_strdup_printf (_("%s: version %s → %s"), c->model,
                              c->old_version != NULL ? c->old_version : "—",
                              c->new_version != NULL ? c->new_version : "—");
    case LB_CHANGE_BENCHMARK_ADDED:
      return g_strdup_printf (_("New benchmark: %s"), c->benchmark);
    case LB_CHANGE_BENCHMARK_GONE:
      return g_strdup_printf (_("Benchmark no longer in the sheet: %s"), c->benchmark);
    case LB_CHANGE_VALUE:
      return g_strdup_printf (_("%s, %s: %s → %s"), c->model, c->benchmark, old_ref, new_ref);
    case LB_CHANGE_VALUE_ADDED:
      return g_strdup_printf (_("%s, %s: — → %s"), c->model, c->benchmark, new_ref);
    case LB_CHANGE_WITHDRAWN:
      {
        g_autofree char *key = lb_cell_key (c->gap->import_id, c->gap->source_row,
                                            c->gap->source_column, c->gap->source_path);

        /* TRANSLATORS: a value a new version of the sheet left empty: "cotomi Pro,
         * レイテンシ(ms): 330 [1:F3] → withdrawn in [2:F3] (“#N/A”)" */
        return g_strdup_printf (_("%s, %s: %s → withdrawn in %s (“%s”)"),
                                c->model, c->benchmark, old_ref, key,
                                c->gap->raw != NULL ? c->gap->raw : "");
      }
    default:
      return g_strdup ("");
    }
}

static void
write_cell (LbJsonWriter   *w,
            const char     *member,
            const LbResult *r)
{
  lb_json_writer_member (w, member);
  if (r == NULL)
    {
      lb_json_writer_null (w);
      return;
    }
  lb_json_writer_begin_object (w);
  lb_json_writer_member (w, "score");
  lb_json_writer_double (w, TRUE, r->score);
  lb_json_writer_member (w, "raw");
  lb_json_writer_string (w, r->raw);
  lb_json_writer_member (w, "import");
  lb_json_writer_int (w, r->import_id);
  lb_json_writer_member (w, "row");
  lb_json_writer_int (w, r->source_row);
  lb_json_writer_member (w, "column");
  lb_json_writer_int (w, r->source_column);
  if (r->source_path != NULL)
    {
      lb_json_writer_member (w, "path");
      lb_json_writer_string (w, r->source_path);
    }
  lb_json_writer_end_object (w);
}

void
lb_changes_write_json (LbJsonWriter *w,
                       GPtrArray    *changes)
{
  static const char *const kinds[] = {
    "new-model", "no-longer-listed", "version", "benchmark-added", "benchmark-gone",
    "value", "value-added", "withdrawn",
  };

  lb_json_writer_begin_array (w);
  for (guint i = 0; i < changes->len; i++)
    {
      const LbChange *c = g_ptr_array_index (changes, i);
      g_autofree char *text = lb_change_describe (c);

      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "kind");
      lb_json_writer_string (w, kinds[c->kind]);
      lb_json_writer_member (w, "model");
      lb_json_writer_string (w, c->model);
      lb_json_writer_member (w, "benchmark");
      lb_json_writer_string (w, c->benchmark);
      write_cell (w, "old", c->old_result);
      write_cell (w, "new", c->new_result);
      lb_json_writer_member (w, "withdrawn_in");
      if (c->gap != NULL)
        {
          lb_json_writer_begin_object (w);
          lb_json_writer_member (w, "raw");
          lb_json_writer_string (w, c->gap->raw);
          lb_json_writer_member (w, "import");
          lb_json_writer_int (w, c->gap->import_id);
          lb_json_writer_member (w, "row");
          lb_json_writer_int (w, c->gap->source_row);
          lb_json_writer_member (w, "column");
          lb_json_writer_int (w, c->gap->source_column);
          if (c->gap->source_path != NULL)
            {
              lb_json_writer_member (w, "path");
              lb_json_writer_string (w, c->gap->source_path);
            }
          lb_json_writer_end_object (w);
        }
      else
        lb_json_writer_null (w);
      lb_json_writer_member (w, "old_version");
      lb_json_writer_string (w, c->old_version);
      lb_json_writer_member (w, "new_version");
      lb_json_writer_string (w, c->new_version);
      lb_json_writer_member (w, "text");
      lb_json_writer_string (w, text);
      lb_json_writer_end_object (w);
    }
  lb_json_writer_end_array (w);
}
