/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-entities.c: leaderboards, benchmarks and models, and their audited fields */

#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-store-private.h"

typedef enum {
  KIND_TEXT,
  KIND_NAME,      /* text that may not be empty, unique */
  KIND_CADENCE,   /* integer > 0 */
  KIND_PATTERN,   /* P1..P5 */
  KIND_DATE,      /* ISO 8601 date or timestamp */
  KIND_BOOL,      /* "true" / "false", never NULL */
  KIND_NUMBER,    /* a finite number */
  KIND_ACCESS,    /* api / open-weights / internal */
  KIND_COUNT,     /* integer > 0 */
} FieldKind;

typedef struct {
  const char *column;
  FieldKind   kind;
} FieldInfo;

static const FieldInfo leaderboard_fields[] = {
  [LB_LEADERBOARD_FIELD_NAME] = { "name", KIND_NAME },
  [LB_LEADERBOARD_FIELD_PURPOSE] = { "purpose", KIND_TEXT },
  [LB_LEADERBOARD_FIELD_OWNER] = { "owner", KIND_TEXT },
  [LB_LEADERBOARD_FIELD_OWNER_CONTACT] = { "owner_contact", KIND_TEXT },
  [LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS] = { "update_cadence_days", KIND_CADENCE },
  [LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN] = { "workflow_pattern", KIND_PATTERN },
  [LB_LEADERBOARD_FIELD_EVALUATION_DATA] = { "evaluation_data", KIND_TEXT },
  [LB_LEADERBOARD_FIELD_PROCEDURE] = { "procedure", KIND_TEXT },
  [LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT] = { "production_context", KIND_TEXT },
  [LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT] = { "last_reviewed_at", KIND_DATE },
};

static const FieldInfo benchmark_fields[] = {
  [LB_BENCHMARK_FIELD_NAME] = { "name", KIND_NAME },
  [LB_BENCHMARK_FIELD_TASK] = { "task", KIND_TEXT },
  [LB_BENCHMARK_FIELD_METRIC] = { "metric", KIND_TEXT },
  [LB_BENCHMARK_FIELD_UNIT] = { "unit", KIND_TEXT },
  [LB_BENCHMARK_FIELD_HIGHER_IS_BETTER] = { "higher_is_better", KIND_BOOL },
  [LB_BENCHMARK_FIELD_SCALE_MIN] = { "scale_min", KIND_NUMBER },
  [LB_BENCHMARK_FIELD_SCALE_MAX] = { "scale_max", KIND_NUMBER },
  [LB_BENCHMARK_FIELD_DATASET] = { "dataset", KIND_TEXT },
  [LB_BENCHMARK_FIELD_DATASET_VERSION] = { "dataset_version", KIND_TEXT },
  [LB_BENCHMARK_FIELD_PROTOCOL] = { "protocol", KIND_TEXT },
  [LB_BENCHMARK_FIELD_HARNESS] = { "harness", KIND_TEXT },
  [LB_BENCHMARK_FIELD_DESCRIPTION] = { "description", KIND_TEXT },
  [LB_BENCHMARK_FIELD_RETIRED] = { "retired", KIND_BOOL },
  [LB_BENCHMARK_FIELD_N_ITEMS] = { "n_items", KIND_COUNT },
};

static const FieldInfo model_fields[] = {
  [LB_MODEL_FIELD_NAME] = { "name", KIND_NAME },
  [LB_MODEL_FIELD_VERSION] = { "version", KIND_TEXT },
  [LB_MODEL_FIELD_PROVIDER] = { "provider", KIND_TEXT },
  [LB_MODEL_FIELD_PROVENANCE_URL] = { "provenance_url", KIND_TEXT },
  [LB_MODEL_FIELD_ACCESS] = { "access", KIND_ACCESS },
  [LB_MODEL_FIELD_NOTES] = { "notes", KIND_TEXT },
};

/* What the setters need to know about each table. */
typedef struct {
  const char      *table;
  const char      *entity;             /* audit entity */
  const char      *leaderboard_column; /* how to find the row's leaderboard */
  const FieldInfo *fields;
  guint            n_fields;
  const char      *not_found;          /* message with an id */
  const char      *name_taken;         /* message with the name */
} TableInfo;

static const TableInfo leaderboard_table = {
  "leaderboards", "leaderboard", "id", leaderboard_fields, G_N_ELEMENTS (leaderboard_fields),
  N_("There is no leaderboard with id %" PRId64 "; it may have been removed. "
     "Reload the list."),
  N_("A leaderboard named “%s” already exists. Choose another name."),
};

static const TableInfo benchmark_table = {
  "benchmarks", "benchmark", "leaderboard_id", benchmark_fields, G_N_ELEMENTS (benchmark_fields),
  N_("There is no benchmark with id %" PRId64 "; it may have been removed. "
     "Reload the leaderboard."),
  N_("This leaderboard already has a benchmark named “%s”. Choose another name."),
};

static const TableInfo model_table = {
  "models", "model", "leaderboard_id", model_fields, G_N_ELEMENTS (model_fields),
  N_("There is no model with id %" PRId64 "; it may have been removed. "
     "Reload the leaderboard."),
  N_("This leaderboard already has a model named “%s”. Choose another name."),
};

#define LEADERBOARD_COLUMNS \
  "id, name, purpose, owner, owner_contact, update_cadence_days, workflow_pattern," \
  " evaluation_data, procedure, production_context, created_at, updated_at, last_reviewed_at"

#define BENCHMARK_COLUMNS \
  "id, leaderboard_id, name, task, metric, unit, higher_is_better, direction_confirmed," \
  " scale_min, scale_max, dataset, dataset_version, protocol, harness, description, retired," \
  " position, n_items"

#define MODEL_COLUMNS \
  "id, leaderboard_id, name, version, provider, provenance_url, access, notes"

/* A row (result or gap, as x) that counts: typed in by hand, or of an import not removed. */
#define ROW_VISIBLE \
  " (x.import_id IS NULL" \
  "  OR NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = x.import_id AND i.deleted_at IS NOT NULL))"

/* A model or benchmark (as m, of leaderboard ?1) is shown unless every row it has came from
 * removed imports: what only a removed import brought goes with it. The test runs only when
 * the leaderboard has a removed import. */
#define MODEL_SHOWN \
  " (CASE WHEN NOT EXISTS (SELECT 1 FROM imports WHERE leaderboard_id = ?1" \
  "                        AND deleted_at IS NOT NULL) THEN 1" \
  "  WHEN m.id IN (SELECT x.model_id FROM results x WHERE x.leaderboard_id = ?1 AND" ROW_VISIBLE ")" \
  "    OR m.id IN (SELECT x.model_id FROM gaps x WHERE x.leaderboard_id = ?1 AND" ROW_VISIBLE ") THEN 1" \
  "  WHEN m.id IN (SELECT x.model_id FROM results x WHERE x.leaderboard_id = ?1)" \
  "    OR m.id IN (SELECT x.model_id FROM gaps x WHERE x.leaderboard_id = ?1) THEN 0" \
  "  ELSE 1 END)"

#define BENCHMARK_SHOWN \
  " (CASE WHEN NOT EXISTS (SELECT 1 FROM imports WHERE leaderboard_id = ?1" \
  "                        AND deleted_at IS NOT NULL) THEN 1" \
  "  WHEN m.id IN (SELECT x.benchmark_id FROM results x WHERE x.leaderboard_id = ?1 AND" ROW_VISIBLE ")" \
  "    OR m.id IN (SELECT x.benchmark_id FROM gaps x WHERE x.leaderboard_id = ?1 AND" ROW_VISIBLE ") THEN 1" \
  "  WHEN m.id IN (SELECT x.benchmark_id FROM results x WHERE x.leaderboard_id = ?1)" \
  "    OR m.id IN (SELECT x.benchmark_id FROM gaps x WHERE x.leaderboard_id = ?1) THEN 0" \
  "  ELSE 1 END)"

/* The newest new version of the sheet (import in mode "replace") of leaderboard ?1, or NULL. */
#define LAST_REPLACE \
  " (SELECT max(id) FROM imports WHERE leaderboard_id = ?1 AND mode = 'replace'" \
  "   AND status = 'complete' AND deleted_at IS NULL)"

/* Model m is no longer listed: a newer version of the sheet (k.lr) leaves it out, and no later
 * import nor a hand-typed result brings it back. A CASE, since SQLite runs both sides of an AND:
 * without a newer version the subqueries were most of the time of listing 500 models. The
 * model's results are sought per import from k.lr on (results_import_cell) and among those
 * typed in; an import not removed is visible. */
#define UNLISTED \
  " (CASE WHEN k.lr IS NULL THEN 0 ELSE" \
  "  NOT EXISTS (SELECT 1 FROM results x WHERE x.model_id = m.id AND +x.leaderboard_id = ?1" \
  "              AND (x.import_id IN (SELECT i.id FROM imports i WHERE i.leaderboard_id = ?1" \
  "                                    AND i.id >= k.lr AND i.deleted_at IS NULL)" \
  "                   OR x.import_id IS NULL))" \
  "  AND NOT EXISTS (SELECT 1 FROM gaps x WHERE x.leaderboard_id = ?1 AND x.model_id = m.id" \
  "                  AND x.import_id >= k.lr AND" ROW_VISIBLE ") END)"

static gpointer
leaderboard_from_row (LbStmt *stmt)
{
  LbLeaderboard *lb = g_new0 (LbLeaderboard, 1);

  lb->id = lb_column_id (stmt, 0);
  lb->name = lb_column_dup (stmt, 1);
  lb->purpose = lb_column_dup (stmt, 2);
  lb->owner = lb_column_dup (stmt, 3);
  lb->owner_contact = lb_column_dup (stmt, 4);
  lb->update_cadence_days = sqlite3_column_int (stmt, 5);
  lb->workflow_pattern = lb_column_dup (stmt, 6);
  lb->evaluation_data = lb_column_dup (stmt, 7);
  lb->procedure = lb_column_dup (stmt, 8);
  lb->production_context = lb_column_dup (stmt, 9);
  lb->created_at = lb_column_dup (stmt, 10);
  lb->updated_at = lb_column_dup (stmt, 11);
  lb->last_reviewed_at = lb_column_dup (stmt, 12);
  return lb;
}

static gpointer
benchmark_from_row (LbStmt *stmt)
{
  LbBenchmark *bm = g_new0 (LbBenchmark, 1);

  bm->id = lb_column_id (stmt, 0);
  bm->leaderboard_id = lb_column_id (stmt, 1);
  bm->name = lb_column_dup (stmt, 2);
  bm->task = lb_column_dup (stmt, 3);
  bm->metric = lb_column_dup (stmt, 4);
  bm->unit = lb_column_dup (stmt, 5);
  bm->higher_is_better = sqlite3_column_int (stmt, 6) != 0;
  bm->direction_confirmed = sqlite3_column_int (stmt, 7) != 0;
  /* The scale counts as declared only when both ends are. */
  bm->has_scale = sqlite3_column_type (stmt, 8) != SQLITE_NULL
                  && sqlite3_column_type (stmt, 9) != SQLITE_NULL;
  bm->scale_min = sqlite3_column_double (stmt, 8);
  bm->scale_max = sqlite3_column_double (stmt, 9);
  bm->dataset = lb_column_dup (stmt, 10);
  bm->dataset_version = lb_column_dup (stmt, 11);
  bm->protocol = lb_column_dup (stmt, 12);
  bm->harness = lb_column_dup (stmt, 13);
  bm->description = lb_column_dup (stmt, 14);
  bm->retired = sqlite3_column_int (stmt, 15) != 0;
  bm->position = sqlite3_column_int (stmt, 16);
  bm->n_items = (guint) MAX (sqlite3_column_int64 (stmt, 17), 0);
  return bm;
}

/* The row's model (MODEL_COLUMNS, then UNLISTED and its import when selected), its texts
 * borrowed from SQLite until the statement steps again. */
static void
model_borrow_row (LbStmt  *stmt,
                  LbModel *model)
{
  model->id = lb_column_id (stmt, 0);
  model->leaderboard_id = lb_column_id (stmt, 1);
  model->name = (char *) sqlite3_column_text (stmt, 2);
  model->version = (char *) sqlite3_column_text (stmt, 3);
  model->provider = (char *) sqlite3_column_text (stmt, 4);
  model->provenance_url = (char *) sqlite3_column_text (stmt, 5);
  model->access = (char *) sqlite3_column_text (stmt, 6);
  model->notes = (char *) sqlite3_column_text (stmt, 7);
  if (sqlite3_column_count (stmt) > 9)
    {
      model->unlisted = sqlite3_column_int (stmt, 8) != 0;
      model->unlisted_since = model->unlisted ? lb_column_id (stmt, 9) : 0;
    }
}

static gpointer
model_from_row (LbStmt *stmt)
{
  LbModel borrowed = { 0 };

  model_borrow_row (stmt, &borrowed);
  return lb_model_copy (&borrowed);
}

static gboolean
is_iso_date_or_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;
  char tail;

  if (strlen (text) == 10 && sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3)
    return text[4] == '-' && text[7] == '-' && g_date_valid_dmy (d, m, y);
  dt = g_date_time_new_from_iso8601 (text, utc);
  return dt != NULL;
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/* Checks @value for @info; sets *@normalized (NULL clears the field). */
static gboolean
validate_field (const FieldInfo  *info,
                const char       *value,
                char            **normalized,
                GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (value != NULL ? value : ""));

  *normalized = NULL;
  switch (info->kind)
    {
    case KIND_TEXT:
      /* Free text is kept exactly as typed; only an empty value clears it. A book pasted
       * into a field would make every page and the report that show it crawl. */
      if (value != NULL && g_utf8_strlen (value, -1) > LB_STORE_MAX_TEXT_CHARS)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("The text has %ld characters; a field holds at most %d. Shorten it, "
                         "or keep the long text in a document and write where it is here."),
                       g_utf8_strlen (value, -1), LB_STORE_MAX_TEXT_CHARS);
          return FALSE;
        }
      if (value != NULL && *value != '\0')
        *normalized = g_strdup (value);
      return TRUE;

    case KIND_NAME:
      if (*text == '\0')
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("The name cannot be empty. Enter a name."));
          return FALSE;
        }
      *normalized = g_steal_pointer (&text);
      return TRUE;

    case KIND_CADENCE:
      {
        guint64 days;

        if (*text == '\0')
          return TRUE;
        if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &days, NULL))
          {
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                         _("“%s” is not a valid update cadence. Enter a whole number of days "
                           "greater than 0, or leave it empty."), value);
            return FALSE;
          }
        /* A review due in the year 29354 is no schedule. */
        if (days > LB_STORE_MAX_CADENCE_DAYS)
          {
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                         _("An update cadence of %s days is longer than ten years. Enter a "
                           "number of days from 1 to %d, or leave it empty."),
                         text, LB_STORE_MAX_CADENCE_DAYS);
            return FALSE;
          }
        *normalized = g_strdup_printf ("%" G_GUINT64_FORMAT, days);
        return TRUE;
      }

    case KIND_PATTERN:
      if (*text == '\0')
        return TRUE;
      {
        g_autofree char *upper = g_ascii_strup (text, -1);

        if (lb_workflow_pattern_name (upper) == NULL)
          {
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                         _("“%s” is not a workflow pattern. Choose one of P1 to P5, or leave it "
                           "empty."), value);
            return FALSE;
          }
        *normalized = g_steal_pointer (&upper);
      }
      return TRUE;

    case KIND_DATE:
      if (*text == '\0')
        return TRUE;
      if (!is_iso_date_or_time (text))
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("“%s” is not a date. Enter it as YYYY-MM-DD (for example 2026-11-28), "
                         "or leave it empty."), value);
          return FALSE;
        }
      *normalized = g_steal_pointer (&text);
      return TRUE;

    case KIND_BOOL:
      if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "false") == 0)
        {
          *normalized = g_steal_pointer (&text);
          return TRUE;
        }
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                   _("“%s” is not a yes/no value. Use “true” or “false”."),
                   value != NULL ? value : "");
      return FALSE;

    case KIND_NUMBER:
      {
        char *end = NULL;
        double number;

        if (*text == '\0')
          return TRUE;
        number = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (number))
          {
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                         _("“%s” is not a number. Enter a number such as 0, 1 or 100 "
                           "(with a dot for decimals), or leave it empty."), value);
            return FALSE;
          }
        *normalized = format_number (number);
        return TRUE;
      }

    case KIND_COUNT:
      {
        guint64 n;

        if (*text == '\0')
          return TRUE;
        if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &n, NULL))
          {
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                         _("“%s” is not a number of items. Enter a whole number greater than 0 "
                           "(how many questions the benchmark scores), or leave it empty."),
                         value);
            return FALSE;
          }
        *normalized = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
        return TRUE;
      }

    case KIND_ACCESS:
      if (*text == '\0')
        return TRUE;
      if (g_strcmp0 (text, "api") != 0 && g_strcmp0 (text, "open-weights") != 0
          && g_strcmp0 (text, "internal") != 0)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("“%s” is not a kind of access. Choose “api”, “open-weights” or "
                         "“internal”, or leave it empty."), value);
          return FALSE;
        }
      *normalized = g_steal_pointer (&text);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* The stored value as the audit log shows it. */
static char *
column_as_text (LbStmt    *stmt,
                int        column,
                FieldKind  kind)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  switch (kind)
    {
    case KIND_BOOL:
      return g_strdup (sqlite3_column_int (stmt, column) ? "true" : "false");
    case KIND_NUMBER:
      return format_number (sqlite3_column_double (stmt, column));
    case KIND_CADENCE:
    case KIND_COUNT:
      return g_strdup_printf ("%d", sqlite3_column_int (stmt, column));
    case KIND_TEXT:
    case KIND_NAME:
    case KIND_PATTERN:
    case KIND_DATE:
    case KIND_ACCESS:
    default:
      return lb_column_dup (stmt, column);
    }
}

static void
bind_field (LbStmt     *stmt,
            int         index,
            FieldKind   kind,
            const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (kind == KIND_BOOL)
    sqlite3_bind_int (stmt, index, g_strcmp0 (value, "true") == 0);
  else if (kind == KIND_CADENCE || kind == KIND_COUNT)
    sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
  else if (kind == KIND_NUMBER)
    sqlite3_bind_double (stmt, index, g_ascii_strtod (value, NULL));
  else
    lb_bind_text (stmt, index, value);
}

static gboolean
set_field_in_transaction (LbStore          *self,
                          const TableInfo  *table,
                          gint64            id,
                          guint             field,
                          const char       *value,
                          GError          **error)
{
  const FieldInfo *info = &table->fields[field];
  gboolean confirms_direction = table == &benchmark_table
                                && field == LB_BENCHMARK_FIELD_HIGHER_IS_BETTER;
  g_autofree char *normalized = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autoptr(LbStmt) stmt = NULL;
  gint64 leaderboard_id;
  int rc;

  if (!validate_field (info, value, &normalized, error))
    return FALSE;

  /* Table and column names come from the constant tables above, never from the user. */
  select_sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE id = ?1",
                                table->leaderboard_column, info->column, table->table);
  stmt = lb_store_prepare (self, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return lb_store_not_found (error, _(table->not_found), id);
  if (rc != SQLITE_ROW)
    return lb_store_fail (self, rc, error);
  leaderboard_id = lb_column_id (stmt, 0);
  old_value = column_as_text (stmt, 1, info->kind);
  g_clear_pointer (&stmt, lb_stmt_release);

  if (g_strcmp0 (old_value, normalized) == 0 && !confirms_direction)
    return TRUE;

  update_sql = g_strdup_printf ("UPDATE %s SET %s = ?1%s WHERE id = ?2",
                                table->table, info->column,
                                confirms_direction ? ", direction_confirmed = 1" : "");
  stmt = lb_store_prepare (self, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_field (stmt, 1, info->kind, normalized);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_extended_errcode (self->db);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS, _(table->name_taken),
                       normalized);
          return FALSE;
        }
      return lb_store_fail (self, rc, error);
    }
  g_clear_pointer (&stmt, lb_stmt_release);

  if (table == &benchmark_table
      && (field == LB_BENCHMARK_FIELD_SCALE_MIN || field == LB_BENCHMARK_FIELD_SCALE_MAX))
    {
      stmt = lb_store_prepare (self,
                               "SELECT scale_min > scale_max FROM benchmarks WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("The lowest possible score would be above the highest. Check the "
                         "scale’s minimum and maximum."));
          return FALSE;
        }
      g_clear_pointer (&stmt, lb_stmt_release);
    }

  return lb_store_touch_leaderboard (self, leaderboard_id, error)
         && lb_store_audit (self, leaderboard_id, table->entity, id, info->column,
                            old_value, normalized, error);
}

static gboolean
set_field (LbStore          *self,
           const TableInfo  *table,
           gint64            id,
           guint             field,
           const char       *value,
           GError          **error)
{
  if (!lb_store_begin (self, error))
    return FALSE;
  return lb_store_finish_write (self,
                                set_field_in_transaction (self, table, id, field, value, error),
                                error);
}

/* ---- leaderboards ---- */

GPtrArray *
lb_store_list_leaderboards (LbStore  *self,
                            GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " LEADERBOARD_COLUMNS " FROM leaderboards"
                           " WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, name, id",
                           error);
  if (stmt == NULL)
    return NULL;
  return lb_store_collect (self, stmt, leaderboard_from_row,
                           (GDestroyNotify) lb_leaderboard_free, error);
}

LbLeaderboard *
lb_store_get_leaderboard (LbStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  LbLeaderboard *lb;
  gboolean found;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self, "SELECT " LEADERBOARD_COLUMNS " FROM leaderboards WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  lb = lb_store_fetch_one (self, stmt, leaderboard_from_row, &found, error);
  if (!found && (error == NULL || *error == NULL))
    lb_store_not_found (error, _(leaderboard_table.not_found), id);
  return lb;
}

LbLeaderboard *
lb_store_find_leaderboard (LbStore     *self,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  LbLeaderboard *lb;
  gboolean found;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " LEADERBOARD_COLUMNS " FROM leaderboards"
                           " WHERE name = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  lb_bind_text (stmt, 1, name);
  lb = lb_store_fetch_one (self, stmt, leaderboard_from_row, &found, error);
  if (!found && (error == NULL || *error == NULL))
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                 _("There is no leaderboard named “%s”. Check the name, or create it first."),
                 name);
  return lb;
}

static gint64
create_leaderboard (LbStore     *self,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;
  gint64 id;
  int rc;

  if (!validate_field (&leaderboard_fields[LB_LEADERBOARD_FIELD_NAME], name, &clean, error))
    return 0;

  stmt = lb_store_prepare (self,
                           "INSERT INTO leaderboards (name, created_at, updated_at)"
                           " VALUES (?1, ?2, ?2)", error);
  if (stmt == NULL)
    return 0;
  now = lb_now_iso8601 ();
  lb_bind_text (stmt, 1, clean);
  lb_bind_text (stmt, 2, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS,
                     _(leaderboard_table.name_taken), clean);
      else
        lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  lb_store_note_changed (self, id);
  if (!lb_store_audit (self, id, "leaderboard", id, "created", NULL, clean, error))
    return 0;
  return id;
}

gint64
lb_store_create_leaderboard (LbStore     *self,
                             const char  *name,
                             GError     **error)
{
  gint64 id;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  if (!lb_store_begin (self, error))
    return 0;
  id = create_leaderboard (self, name, error);
  if (!lb_store_finish_write (self, id != 0, error))
    return 0;
  return id;
}

gboolean
lb_store_set_leaderboard_field (LbStore             *self,
                                gint64               id,
                                LbLeaderboardField   field,
                                const char          *value,
                                GError             **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < G_N_ELEMENTS (leaderboard_fields), FALSE);

  return set_field (self, &leaderboard_table, id, field, value, error);
}

static gboolean
set_leaderboard_deleted (LbStore   *self,
                         gint64     id,
                         gboolean   deleted,
                         GError   **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *now = lb_now_iso8601 ();
  gboolean was_deleted;
  int rc;

  stmt = lb_store_prepare (self, "SELECT name, deleted_at IS NOT NULL FROM leaderboards WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return lb_store_not_found (error, _(leaderboard_table.not_found), id);
  if (rc != SQLITE_ROW)
    return lb_store_fail (self, rc, error);
  name = lb_column_dup (stmt, 0);
  was_deleted = sqlite3_column_int (stmt, 1) != 0;
  g_clear_pointer (&stmt, lb_stmt_release);
  if (was_deleted == !!deleted)
    return TRUE;

  stmt = lb_store_prepare (self,
                           "UPDATE leaderboards SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, deleted ? now : NULL);
  lb_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS,
                       _("The leaderboard “%s” cannot be restored: another leaderboard now has "
                         "that name. Rename the other one first."), name);
          return FALSE;
        }
      return lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
    }
  lb_store_note_changed (self, id);
  return lb_store_audit (self, id, "leaderboard", id, "deleted",
                         deleted ? "false" : "true", deleted ? "true" : "false", error);
}

gboolean
lb_store_set_leaderboard_deleted (LbStore   *self,
                                  gint64     id,
                                  gboolean   deleted,
                                  GError   **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!lb_store_begin (self, error))
    return FALSE;
  return lb_store_finish_write (self, set_leaderboard_deleted (self, id, deleted, error), error);
}

gboolean
lb_store_get_leaderboard_stats (LbStore             *self,
                                gint64               id,
                                LbLeaderboardStats  *stats,
                                GError             **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  stmt = lb_store_prepare (self,
                           "SELECT (SELECT count(*) FROM models m WHERE leaderboard_id = ?1"
                           "         AND" MODEL_SHOWN "),"
                           "       (SELECT count(*) FROM benchmarks m WHERE leaderboard_id = ?1"
                           "         AND" BENCHMARK_SHOWN "),"
                           "       (SELECT count(*) FROM results"
                           "         WHERE leaderboard_id = ?1 AND current = 1),"
                           "       coalesce ((SELECT max(evaluated_at) FROM results"
                           "                   WHERE leaderboard_id = ?1 AND current = 1),"
                           "                 (SELECT substr(max(imported_at), 1, 10) FROM imports"
                           "                   WHERE leaderboard_id = ?1 AND deleted_at IS NULL"
                           "                     AND status = 'complete')),"
                           "       (SELECT max(imported_at) FROM imports"
                           "         WHERE leaderboard_id = ?1 AND deleted_at IS NULL),"
                           "       EXISTS (SELECT 1 FROM leaderboards WHERE id = ?1),"
                           "       (SELECT count(*) FROM models m, (SELECT" LAST_REPLACE " AS lr) k"
                           "         WHERE leaderboard_id = ?1 AND" MODEL_SHOWN " AND" UNLISTED ")",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return lb_store_fail (self, rc, error);
  if (!sqlite3_column_int (stmt, 5))
    return lb_store_not_found (error, _(leaderboard_table.not_found), id);
  stats->n_models = sqlite3_column_int (stmt, 0);
  stats->n_benchmarks = sqlite3_column_int (stmt, 1);
  stats->n_results = sqlite3_column_int (stmt, 2);
  stats->newest_result = lb_column_dup (stmt, 3);
  stats->last_import_at = lb_column_dup (stmt, 4);
  stats->n_unlisted = sqlite3_column_int (stmt, 6);
  return TRUE;
}

/* ---- benchmarks ---- */

GPtrArray *
lb_store_list_benchmarks (LbStore  *self,
                          gint64    leaderboard_id,
                          GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " BENCHMARK_COLUMNS " FROM benchmarks m"
                           " WHERE leaderboard_id = ?1 AND" BENCHMARK_SHOWN
                           " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  return lb_store_collect (self, stmt, benchmark_from_row, (GDestroyNotify) lb_benchmark_free,
                           error);
}

LbBenchmark *
lb_store_get_benchmark (LbStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  LbBenchmark *bm;
  gboolean found;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self, "SELECT " BENCHMARK_COLUMNS " FROM benchmarks WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  bm = lb_store_fetch_one (self, stmt, benchmark_from_row, &found, error);
  if (!found && (error == NULL || *error == NULL))
    lb_store_not_found (error, _(benchmark_table.not_found), id);
  return bm;
}

/* Looks up (leaderboard, name) in @table; 0 when there is none, -1 on error. */
static gint64
find_by_name (LbStore     *self,
              const char  *sql,
              gint64       leaderboard_id,
              const char  *name,
              GError     **error)
{
  g_autoptr(LbStmt) stmt = lb_store_prepare_static (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  lb_bind_text (stmt, 2, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      lb_store_fail (self, rc, error);
      return -1;
    }
  return 0;
}

static gint64
insert_benchmark (LbStore        *self,
                  gint64          leaderboard_id,
                  const char     *name,
                  gconstpointer   init_data,
                  GError        **error)
{
  const LbBenchmark *init = init_data;
  g_autoptr(LbStmt) stmt = NULL;
  gint64 id;

  stmt = lb_store_prepare_static (self,
                                  "INSERT INTO benchmarks (leaderboard_id, name, task, metric, unit,"
                                  "  higher_is_better, direction_confirmed, scale_min, scale_max, dataset,"
                                  "  dataset_version, protocol, harness, description, retired, position)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                  "  ?15, coalesce (?16, (SELECT coalesce (max(position) + 1, 0)"
                                  "                        FROM benchmarks WHERE leaderboard_id = ?1)))"
                                  " ON CONFLICT (leaderboard_id, name) DO NOTHING",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  lb_bind_text (stmt, 2, name);
  if (init != NULL)
    {
      lb_bind_text (stmt, 3, init->task);
      lb_bind_text (stmt, 4, init->metric);
      lb_bind_text (stmt, 5, init->unit);
      sqlite3_bind_int (stmt, 6, init->higher_is_better != FALSE);
      sqlite3_bind_int (stmt, 7, init->direction_confirmed != FALSE);
      if (init->has_scale)
        {
          sqlite3_bind_double (stmt, 8, init->scale_min);
          sqlite3_bind_double (stmt, 9, init->scale_max);
        }
      lb_bind_text (stmt, 10, init->dataset);
      lb_bind_text (stmt, 11, init->dataset_version);
      lb_bind_text (stmt, 12, init->protocol);
      lb_bind_text (stmt, 13, init->harness);
      lb_bind_text (stmt, 14, init->description);
      sqlite3_bind_int (stmt, 15, init->retired != FALSE);
      sqlite3_bind_int (stmt, 16, init->position);
    }
  else
    {
      sqlite3_bind_int (stmt, 6, 1);
      sqlite3_bind_int (stmt, 7, 0);
      sqlite3_bind_int (stmt, 15, 0);
    }
  if (!lb_store_step_done (self, stmt, error))
    return 0;
  if (sqlite3_changes (self->db) == 0)
    return -1;
  lb_store_note_changed (self, leaderboard_id);
  id = sqlite3_last_insert_rowid (self->db);
  /* Only an LBOM file gives a number of items: the common insert stays as it was. */
  if (init != NULL && init->n_items > 0)
    {
      g_clear_pointer (&stmt, lb_stmt_release);
      stmt = lb_store_prepare_static (self, "UPDATE benchmarks SET n_items = ?1 WHERE id = ?2", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, init->n_items);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!lb_store_step_done (self, stmt, error))
        return 0;
    }
  return id;
}

/* What ensure_benchmark and ensure_model share: find (leaderboard, name), else insert. An
 * InsertFunc returns the new id, -1 when the name is taken, 0 on error. */
typedef gint64 (*InsertFunc) (LbStore *self, gint64 leaderboard_id, const char *name,
                              gconstpointer init, GError **error);

static gint64
ensure_named (LbStore      *self,
              const char   *find_sql,
              InsertFunc    insert,
              const char   *empty_name_message, /* N_(): translated only when used */
              gint64        leaderboard_id,
              const char   *name,
              gconstpointer init,
              gboolean     *created,
              GError      **error)
{
  gint64 id;

  if (created != NULL)
    *created = FALSE;
  if (*name == '\0')
    {
      g_set_error_literal (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID, _(empty_name_message));
      return 0;
    }

  /* Inside a transaction (the importer's), insert first: a new name costs one statement.
   * Outside one, look first, so that finding a name never takes the write lock. */
  if (self->depth == 0)
    {
      id = find_by_name (self, find_sql, leaderboard_id, name, error);
      if (id != 0)
        return MAX (id, 0);
      if (!lb_store_begin (self, error))
        return 0;
      id = insert (self, leaderboard_id, name, init, error);
      if (!lb_store_finish_write (self, id != 0, error))
        return 0;
    }
  else
    id = lb_store_check_transaction (self, error) ? insert (self, leaderboard_id, name, init, error) : 0;
  if (id == -1)
    {
      /* Taken a moment ago, so it is there (only another program could have removed it). */
      id = find_by_name (self, find_sql, leaderboard_id, name, error);
      if (id == 0)
        g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                     _("“%s” was changed by another program while it was being added. Try again."),
                     name);
      return MAX (id, 0);
    }
  if (id != 0 && created != NULL)
    *created = TRUE;
  return id;
}

gint64
lb_store_ensure_benchmark (LbStore            *self,
                           gint64              leaderboard_id,
                           const char         *name,
                           const LbBenchmark  *init,
                           gboolean           *created,
                           GError            **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  return ensure_named (self, "SELECT id FROM benchmarks WHERE leaderboard_id = ?1 AND name = ?2",
                       insert_benchmark,
                       N_("A benchmark needs a name. Give the column a header."),
                       leaderboard_id, name, init, created, error);
}

gboolean
lb_store_set_benchmark_field (LbStore           *self,
                              gint64             id,
                              LbBenchmarkField   field,
                              const char        *value,
                              GError           **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < G_N_ELEMENTS (benchmark_fields), FALSE);

  return set_field (self, &benchmark_table, id, field, value, error);
}

/* ---- models ---- */

GPtrArray *
lb_store_list_models (LbStore  *self,
                      gint64    leaderboard_id,
                      GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " MODEL_COLUMNS ", " UNLISTED ", k.lr"
                           " FROM models m, (SELECT" LAST_REPLACE " AS lr) k"
                           " WHERE leaderboard_id = ?1 AND" MODEL_SHOWN
                           " ORDER BY name COLLATE NOCASE, name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  return lb_store_collect (self, stmt, model_from_row, (GDestroyNotify) lb_model_free, error);
}

gboolean
lb_store_foreach_model (LbStore       *self,
                        gint64         leaderboard_id,
                        LbModelFunc    func,
                        gpointer       user_data,
                        GError       **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* lb_store_list_models() without the order, each row's text borrowed from SQLite. */
  stmt = lb_store_prepare (self,
                           "SELECT " MODEL_COLUMNS ", " UNLISTED ", k.lr"
                           " FROM models m, (SELECT" LAST_REPLACE " AS lr) k"
                           " WHERE leaderboard_id = ?1 AND" MODEL_SHOWN, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LbModel model = { 0 };

      model_borrow_row (stmt, &model);
      func (&model, user_data);
    }
  if (rc != SQLITE_DONE)
    return lb_store_fail (self, rc, error);
  return TRUE;
}

LbModel *
lb_store_get_model (LbStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  LbModel *model;
  gboolean found;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self, "SELECT " MODEL_COLUMNS " FROM models WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  model = lb_store_fetch_one (self, stmt, model_from_row, &found, error);
  if (!found && (error == NULL || *error == NULL))
    lb_store_not_found (error, _(model_table.not_found), id);
  return model;
}

static gint64
insert_model (LbStore        *self,
              gint64          leaderboard_id,
              const char     *name,
              gconstpointer   init_data,
              GError        **error)
{
  const LbModel *init = init_data;
  g_autoptr(LbStmt) stmt = NULL;

  stmt = lb_store_prepare_static (self,
                                  "INSERT INTO models (leaderboard_id, name, version, provider,"
                                  "  provenance_url, access, notes)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                  " ON CONFLICT (leaderboard_id, name) DO NOTHING", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  lb_bind_text (stmt, 2, name);
  if (init != NULL)
    {
      lb_bind_text (stmt, 3, init->version);
      lb_bind_text (stmt, 4, init->provider);
      lb_bind_text (stmt, 5, init->provenance_url);
      lb_bind_text (stmt, 6, init->access);
      lb_bind_text (stmt, 7, init->notes);
    }
  if (!lb_store_step_done (self, stmt, error))
    return 0;
  if (sqlite3_changes (self->db) == 0)
    return -1;
  lb_store_note_changed (self, leaderboard_id);
  return sqlite3_last_insert_rowid (self->db);
}

gint64
lb_store_ensure_model (LbStore        *self,
                       gint64          leaderboard_id,
                       const char     *name,
                       const LbModel  *init,
                       gboolean       *created,
                       GError        **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  return ensure_named (self, "SELECT id FROM models WHERE leaderboard_id = ?1 AND name = ?2",
                       insert_model, N_("A model needs a name. Fill in the model cell."),
                       leaderboard_id, name, init, created, error);
}

gboolean
lb_store_set_model_field (LbStore       *self,
                          gint64         id,
                          LbModelField   field,
                          const char    *value,
                          GError       **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < G_N_ELEMENTS (model_fields), FALSE);

  return set_field (self, &model_table, id, field, value, error);
}
