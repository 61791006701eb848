/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-lbom.c: writing and reading LBOM v1 documents */

#define G_LOG_DOMAIN "lb-lbom"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-lbom.h"
#include "lb-warning.h"

G_DEFINE_QUARK (lb-lbom-error-quark, lb_lbom_error)

/* ------------------------------------------------------------------------------------------ */
/* Export                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/* 0 means "not set" for cadences, warning rows and columns. */
static void
add_int_or_null (JsonBuilder *builder,
                 const char  *key,
                 gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value != 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *key,
                    gboolean     present,
                    double       value)
{
  json_builder_set_member_name (builder, key);
  if (present)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *key,
             gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

static int
compare_imports_by_id (gconstpointer a,
                       gconstpointer b)
{
  const LbImport *ia = *(LbImport * const *) a;
  const LbImport *ib = *(LbImport * const *) b;

  return (ia->id > ib->id) - (ia->id < ib->id);
}

static void
build_benchmark (JsonBuilder       *builder,
                 const LbBenchmark *benchmark)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", benchmark->name);
  add_string (builder, "task", benchmark->task);
  add_string (builder, "metric", benchmark->metric);
  add_string (builder, "unit", benchmark->unit);
  add_boolean (builder, "higher_is_better", benchmark->higher_is_better);
  add_double_or_null (builder, "scale_min", benchmark->has_scale, benchmark->scale_min);
  add_double_or_null (builder, "scale_max", benchmark->has_scale, benchmark->scale_max);
  add_string (builder, "dataset", benchmark->dataset);
  add_string (builder, "dataset_version", benchmark->dataset_version);
  add_string (builder, "protocol", benchmark->protocol);
  add_string (builder, "harness", benchmark->harness);
  add_string (builder, "description", benchmark->description);
  /* Only when known: files of benchmarks without it stay as they were. */
  if (benchmark->n_items > 0)
    add_int (builder, "n_items", benchmark->n_items);
  json_builder_end_object (builder);
}

static void
build_model (JsonBuilder   *builder,
             const LbModel *model)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", model->name);
  add_string (builder, "version", model->version);
  add_string (builder, "provider", model->provider);
  add_string (builder, "provenance_url", model->provenance_url);
  add_string (builder, "access", model->access);
  add_string (builder, "notes", model->notes);
  json_builder_end_object (builder);
}

static void
build_import (JsonBuilder    *builder,
              const LbImport *import)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", import->id);
  add_string (builder, "file_name", import->file_name);
  add_string (builder, "sha256", import->sha256);
  add_int (builder, "size_bytes", (gint64) import->size_bytes);
  add_string (builder, "encoding", import->encoding);
  add_string (builder, "delimiter", import->delimiter);
  add_string (builder, "layout", import->layout);
  add_string (builder, "imported_at", import->imported_at);
  add_string (builder, "imported_by", import->imported_by);
  add_int (builder, "records", import->records);
  add_int (builder, "results", import->results);
  /* Optional keys (docs/lbom.md, "Added without a version change"). */
  add_string (builder, "sheet", import->sheet);
  add_string (builder, "mode", lb_import_mode_to_string (import->mode));
  add_string (builder, "signature", import->signature);
  add_string (builder, "provenance", lb_provenance_class_to_string (import->provenance));
  add_int_or_null (builder, "header_row", import->header_row);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; import->warnings != NULL && i < import->warnings->len; i++)
    {
      const LbWarning *warning = g_ptr_array_index (import->warnings, i);
      /* The format has text only: the text in the language of the export. */
      g_autofree char *text = lb_warning_dup_text (warning);

      json_builder_begin_object (builder);
      add_int_or_null (builder, "row", warning->row);
      add_int_or_null (builder, "column", warning->column);
      add_string (builder, "message", text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_smell (JsonBuilder   *builder,
             const LbSmell *smell)
{
  json_builder_begin_object (builder);
  add_string (builder, "smell", smell->smell);
  add_string (builder, "component", smell->component);
  add_string (builder, "status", smell->status);
  add_boolean (builder, "detected", smell->detected);
  add_string (builder, "evidence", smell->evidence);
  add_string (builder, "note", smell->note);
  add_string (builder, "reviewer", smell->reviewer);
  add_string (builder, "checked_at", smell->checked_at);
  json_builder_end_object (builder);
}

static void
build_profile (JsonBuilder     *builder,
               const LbProfile *profile)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", profile->name);
  add_string (builder, "description", profile->description);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint i = 0; profile->weights != NULL && i < profile->weights->len; i++)
    {
      const LbWeight *weight = g_ptr_array_index (profile->weights, i);

      json_builder_set_member_name (builder, weight->benchmark);
      json_builder_add_double_value (builder, weight->weight);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
build_review (JsonBuilder    *builder,
              const LbReview *review)
{
  json_builder_begin_object (builder);
  add_string (builder, "held_at", review->held_at);
  add_string (builder, "reviewer", review->reviewer);
  add_string (builder, "decision", review->decision);
  add_string (builder, "notes", review->notes);
  json_builder_end_object (builder);
}

/* How the file stored the result's value, as "source.cell", when it was kept: a workbook's
 * cell (type, value, number format, formula) or a result file's value (its JSON path and what
 * the file says about it). */
static gboolean
build_source_cell (JsonBuilder     *builder,
                   LbStore         *store,
                   const LbResult  *result,
                   GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *detail = lb_store_get_source_cell (store, result->import_id, result->source_row,
                                                      result->source_column, &local);
  g_autoptr(JsonNode) node = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (detail == NULL || (node = json_from_string (detail, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  json_builder_set_member_name (builder, "cell");
  json_builder_add_value (builder, g_steal_pointer (&node));
  return TRUE;
}

static gboolean
build_leaderboard (JsonBuilder  *builder,
                   LbStore      *store,
                   gint64        id,
                   GError      **error)
{
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) smells = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GHashTable) benchmark_names = NULL;
  g_autoptr(GHashTable) model_names = NULL;
  g_autoptr(GHashTable) cell_imports = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) listed_imports = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) gaps = NULL;

  if ((leaderboard = lb_store_get_leaderboard (store, id, error)) == NULL ||
      (gaps = lb_store_list_gaps (store, id, error)) == NULL ||
      (benchmarks = lb_store_list_benchmarks (store, id, error)) == NULL ||
      (models = lb_store_list_models (store, id, error)) == NULL ||
      (results = lb_store_list_results (store, id, FALSE, error)) == NULL ||
      (imports = lb_store_list_imports (store, id, error)) == NULL ||
      (smells = lb_store_list_smells (store, id, error)) == NULL ||
      (profiles = lb_store_list_profiles (store, id, error)) == NULL ||
      (reviews = lb_store_list_reviews (store, id, error)) == NULL)
    return FALSE;

  /* Oldest first, like the results: re-importing keeps the order, so a round trip matches. */
  g_ptr_array_sort (imports, compare_imports_by_id);
  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);

      gboolean has_cells = FALSE;

      g_hash_table_add (listed_imports, &import->id);
      /* A workbook's cells and a result file's values keep how the file stored them. */
      if (!lb_store_import_has_source_cells (store, import->id, &has_cells, error))
        return FALSE;
      if (has_cells)
        g_hash_table_add (cell_imports, &import->id);
    }

  json_builder_begin_object (builder);
  add_string (builder, "name", leaderboard->name);
  add_string (builder, "purpose", leaderboard->purpose);
  add_string (builder, "owner", leaderboard->owner);
  add_string (builder, "owner_contact", leaderboard->owner_contact);
  add_int_or_null (builder, "update_cadence_days", leaderboard->update_cadence_days);
  add_string (builder, "workflow_pattern", leaderboard->workflow_pattern);
  add_string (builder, "evaluation_data", leaderboard->evaluation_data);
  add_string (builder, "procedure", leaderboard->procedure);
  add_string (builder, "production_context", leaderboard->production_context);
  add_string (builder, "created_at", leaderboard->created_at);
  add_string (builder, "updated_at", leaderboard->updated_at);
  add_string (builder, "last_reviewed_at", leaderboard->last_reviewed_at);

  benchmark_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  json_builder_set_member_name (builder, "benchmarks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);

      g_hash_table_insert (benchmark_names, &benchmark->id, benchmark->name);
      build_benchmark (builder, benchmark);
    }
  json_builder_end_array (builder);

  model_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  json_builder_set_member_name (builder, "models");
  json_builder_begin_array (builder);
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = g_ptr_array_index (models, i);

      g_hash_table_insert (model_names, &model->id, model->name);
      build_model (builder, model);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      LbResult *result = g_ptr_array_index (results, i);
      const char *model = g_hash_table_lookup (model_names, &result->model_id);
      const char *benchmark = g_hash_table_lookup (benchmark_names, &result->benchmark_id);

      if (model == NULL || benchmark == NULL)
        {
          /* The store's foreign keys make this impossible; never write a dangling name. */
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_FAILED,
                       _("The database is inconsistent: result %" PRId64
                         " refers to a model or benchmark that does not exist."),
                       result->id);
          return FALSE;
        }

      json_builder_begin_object (builder);
      add_string (builder, "model", model);
      add_string (builder, "model_version", result->model_version);
      add_string (builder, "benchmark", benchmark);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, result->score);
      add_double_or_null (builder, "stderr", result->has_stderr, result->stderr_value);
      add_string (builder, "evaluated_at", result->evaluated_at);
      add_string (builder, "raw", result->raw);
      add_boolean (builder, "current", result->current);
      json_builder_set_member_name (builder, "source");
      if (result->import_id != 0)
        {
          json_builder_begin_object (builder);
          add_int (builder, "import", result->import_id);
          add_int (builder, "row", result->source_row);
          add_int (builder, "column", result->source_column);
          if (g_hash_table_contains (cell_imports, &result->import_id)
              && !build_source_cell (builder, store, result, error))
            return FALSE;
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* The cells without a value, with their reasons: a new version of the sheet withdraws an
     older value through one, and the smell checks and the report cite them. */
  json_builder_set_member_name (builder, "gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gaps->len; i++)
    {
      LbGap *gap = g_ptr_array_index (gaps, i);
      const char *model = g_hash_table_lookup (model_names, &gap->model_id);
      const char *benchmark = g_hash_table_lookup (benchmark_names, &gap->benchmark_id);

      /* A gap of a removed import goes with it, as its results do. */
      if (model == NULL || benchmark == NULL || !g_hash_table_contains (listed_imports, &gap->import_id))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "model", model);
      add_string (builder, "benchmark", benchmark);
      add_string (builder, "raw", gap->raw);
      add_string (builder, "reason", gap->reason);
      json_builder_set_member_name (builder, "source");
      json_builder_begin_object (builder);
      add_int (builder, "import", gap->import_id);
      add_int (builder, "row", gap->source_row);
      add_int (builder, "column", gap->source_column);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "imports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < imports->len; i++)
    build_import (builder, g_ptr_array_index (imports, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "smells");
  json_builder_begin_array (builder);
  for (guint i = 0; i < smells->len; i++)
    build_smell (builder, g_ptr_array_index (smells, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < profiles->len; i++)
    build_profile (builder, g_ptr_array_index (profiles, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reviews->len; i++)
    build_review (builder, g_ptr_array_index (reviews, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return TRUE;
}

/* The shortest text that reads back as @value, always with a '.' or an exponent so that it
 * stays a JSON real ("85.3", not JsonGenerator's "85.299999999999997"); E notation only for
 * extreme magnitudes. */
static void
append_shortest_double (GString *out,
                        double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char format[8];

  if (value == 0.0 || (fabs (value) >= 1e-4 && fabs (value) < 1e15))
    {
      for (int decimals = 0; decimals <= 20; decimals++)
        {
          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buffer, sizeof buffer, format, value);
          if (g_ascii_strtod (buffer, NULL) == value)
            break;
        }
    }
  else
    {
      for (int precision = 1; precision <= 17; precision++)
        {
          g_snprintf (format, sizeof format, "%%.%dg", precision);
          g_ascii_formatd (buffer, sizeof buffer, format, value);
          if (g_ascii_strtod (buffer, NULL) == value)
            break;
        }
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEni") == NULL)
    g_string_append (out, ".0");
}

/* Rewrites the real numbers of JsonGenerator's output in their shortest exact form and empty
 * objects as "{}"; strings and integers are copied unchanged. */
static char *
normalise_numbers (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));
  const char *p = json;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          const char *start = p++;

          while (*p != '\0' && *p != '"')
            p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
          if (*p == '"')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean real = FALSE;

          while (*p != '\0' && strchr ("+-0123456789.eE", *p) != NULL)
            {
              if (*p == '.' || *p == 'e' || *p == 'E')
                real = TRUE;
              p++;
            }
          if (real)
            append_shortest_double (out, g_ascii_strtod (start, NULL));
          else
            g_string_append_len (out, start, p - start);
        }
      else if (*p == '{' && *(p + strspn (p + 1, " \n") + 1) == '}')
        {
          /* JsonGenerator pads an empty object with the indentation: "{    }". */
          g_string_append (out, "{}");
          p += strspn (p + 1, " \n") + 2;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

char *
lb_lbom_export (LbStore       *store,
                const gint64  *ids,
                guint          n_ids,
                GError       **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) wanted = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (n_ids > 0)
    g_array_append_vals (wanted, ids, n_ids);
  else
    {
      g_autoptr(GPtrArray) all = lb_store_list_leaderboards (store, error);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < all->len; i++)
        g_array_append_val (wanted, ((LbLeaderboard *) g_ptr_array_index (all, i))->id);
    }

  now = lb_now_iso8601 ();
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "format", "lbom");
  add_int (builder, "version", LB_LBOM_VERSION);
  add_string (builder, "generated_at", now);
  add_string (builder, "generator", PACKAGE_NAME " " VERSION);
  json_builder_set_member_name (builder, "leaderboards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wanted->len; i++)
    if (!build_leaderboard (builder, store, g_array_index (wanted, gint64, i), error))
      return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  normalised = normalise_numbers (text);
  /* A text file ends with a line end. */
  return g_strconcat (normalised, "\n", NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Import                                                                                     */
/* ------------------------------------------------------------------------------------------ */

typedef enum {
  WANT_STRING,
  WANT_NUMBER,
  WANT_INTEGER,
  WANT_BOOLEAN,
  WANT_OBJECT,
  WANT_ARRAY,
} Want;

static const char *
describe_want (Want want)
{
  switch (want)
    {
    case WANT_STRING:  return _("a string");
    case WANT_NUMBER:  return _("a number");
    case WANT_INTEGER: return _("a whole number");
    case WANT_BOOLEAN: return _("true or false");
    case WANT_OBJECT:  return _("an object");
    case WANT_ARRAY:   return _("an array");
    default:           g_assert_not_reached ();
    }
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY:  return _("an array");
    case JSON_NODE_NULL:   return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:  return _("a string");
        case G_TYPE_BOOLEAN: return _("true or false");
        default:             return _("a number");
        }
    }
}

static char *
key_path (const char *where,
          const char *key)
{
  if (where == NULL || *where == '\0')
    return g_strdup (key);
  return g_strconcat (where, ".", key, NULL);
}

static gboolean
node_matches (JsonNode *node,
              Want      want)
{
  GType type;

  switch (want)
    {
    case WANT_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case WANT_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case WANT_STRING:
    case WANT_NUMBER:
    case WANT_INTEGER:
    case WANT_BOOLEAN:
    default:
      if (!JSON_NODE_HOLDS_VALUE (node))
        return FALSE;
      type = json_node_get_value_type (node);
      if (want == WANT_STRING)
        return type == G_TYPE_STRING;
      if (want == WANT_BOOLEAN)
        return type == G_TYPE_BOOLEAN;
      if (want == WANT_INTEGER)
        return type == G_TYPE_INT64;
      return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
    }
}

static gboolean
fail_wrong_type (const char  *path,
                 Want         want,
                 gboolean     nullable,
                 JsonNode    *node,
                 GError     **error)
{
  if (nullable)
    g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_WRONG_TYPE,
                 /* Translators: "leaderboards[0].results[3].score: expected a number or null, found a string" */
                 _("%s: expected %s or null, found %s."), path, describe_want (want), describe_node (node));
  else
    g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_WRONG_TYPE,
                 /* Translators: "leaderboards[0].results[3].score: expected a number, found a string" */
                 _("%s: expected %s, found %s."), path, describe_want (want), describe_node (node));
  return FALSE;
}

/* Looks up @key of @object. Returns FALSE with @error when it is missing while @required, or
 * holds another type (null is accepted when not @required). *@out is NULL when absent or null. */
static gboolean
get_member (JsonObject  *object,
            const char  *where,
            const char  *key,
            Want         want,
            gboolean     required,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || (JSON_NODE_HOLDS_NULL (node) && !required))
    {
      if (node == NULL && required)
        {
          if (where == NULL || *where == '\0')
            g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_MISSING_KEY,
                         _("The required key “%s” is missing at the top level of the file."), key);
          else
            g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_MISSING_KEY,
                         /* Translators: "leaderboards[0].results[3]: the required key “score” is missing." */
                         _("%s: the required key “%s” is missing."), where, key);
          return FALSE;
        }
      return TRUE;
    }
  if (!node_matches (node, want))
    {
      g_autofree char *path = key_path (where, key);
      return fail_wrong_type (path, want, !required, node, error);
    }
  *out = node;
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *where,
            const char  *key,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (object, where, key, WANT_STRING, required, &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_string (node);
  /* check_text() refuses what json-glib would decode to invalid UTF-8; this stays a guard. */
  if (*out != NULL && !g_utf8_validate (*out, -1, NULL))
    {
      g_autofree char *path = key_path (where, key);

      *out = NULL;
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8."), path);
      return FALSE;
    }
  return TRUE;
}

/* Names are compared as the CSV import compares them: without spaces at either end or the
 * invisible characters editors leave (BOM, zero-width space and joiners, word joiner), with a
 * no-break space as a space, and with accents composed (NFC), so that "Model A", "Model A "
 * and a decomposed "Modèle" are one name each. Newly allocated. */
static char *
clean_name (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfc != NULL ? nfc : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060)
        continue;
      if (c == 0x00A0)
        c = ' ';
      g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

/* A required name, cleaned by clean_name(); refused when nothing is left of it. */
static gboolean
get_name (JsonObject  *object,
          const char  *where,
          const char  *key,
          char       **out,
          GError     **error)
{
  const char *text;

  *out = NULL;
  if (!get_string (object, where, key, TRUE, &text, error))
    return FALSE;
  *out = clean_name (text);
  if (**out == '\0')
    {
      g_autofree char *path = key_path (where, key);

      g_clear_pointer (out, g_free);
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s: the name is empty."), path);
      return FALSE;
    }
  return TRUE;
}

/* A number of a size Leaderboard can compute with (see LB_LBOM_MAX_MAGNITUDE). */
static gboolean
check_magnitude (const char  *path,
                 double       value,
                 GError     **error)
{
  if (isfinite (value) && fabs (value) <= LB_LBOM_MAX_MAGNITUDE)
    return TRUE;
  g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
               _("%s: %g is out of range: a number in an LBOM file is at most %g in size."),
               path, value, LB_LBOM_MAX_MAGNITUDE);
  return FALSE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *where,
            const char  *key,
            gboolean     required,
            gboolean    *present,
            double      *out,
            GError     **error)
{
  JsonNode *node;

  *present = FALSE;
  *out = 0.0;
  if (!get_member (object, where, key, WANT_NUMBER, required, &node, error))
    return FALSE;
  if (node != NULL)
    {
      *present = TRUE;
      *out = json_node_get_value_type (node) == G_TYPE_INT64
             ? (double) json_node_get_int (node) : json_node_get_double (node);
      if (!isfinite (*out) || fabs (*out) > LB_LBOM_MAX_MAGNITUDE)
        {
          g_autofree char *path = key_path (where, key);
          return check_magnitude (path, *out, error);
        }
    }
  return TRUE;
}

/* A whole number in [@min, @max]; *@out is 0 when absent or null. */
static gboolean
get_integer (JsonObject  *object,
             const char  *where,
             const char  *key,
             gboolean     required,
             gint64       min,
             gint64       max,
             gint64      *out,
             GError     **error)
{
  JsonNode *node;

  *out = 0;
  if (!get_member (object, where, key, WANT_INTEGER, required, &node, error))
    return FALSE;
  if (node != NULL)
    {
      gint64 value = json_node_get_int (node);

      if (value < min || value > max)
        {
          g_autofree char *path = key_path (where, key);
          g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                       _("%s: %" PRId64 " is out of range (%" PRId64
                         " to %" PRId64 ")."),
                       path, value, min, max);
          return FALSE;
        }
      *out = value;
    }
  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *where,
             const char  *key,
             gboolean     required,
             gboolean     fallback,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node;

  *out = fallback;
  if (!get_member (object, where, key, WANT_BOOLEAN, required, &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

/* An array of objects (absent or null gives an empty array when not @required). */
static gboolean
get_array (JsonObject  *object,
           const char  *where,
           const char  *key,
           gboolean     required,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (object, where, key, WANT_ARRAY, required, &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_array (node);
  return TRUE;
}

/* Element @index of @array, which must be an object; @where_out receives its path. */
static JsonObject *
get_element (JsonArray   *array,
             const char  *where,
             const char  *key,
             guint        index,
             char       **where_out,
             GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *path = NULL;

  if (where == NULL || *where == '\0')
    path = g_strdup_printf ("%s[%u]", key, index);
  else
    path = g_strdup_printf ("%s.%s[%u]", where, key, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_wrong_type (path, WANT_OBJECT, FALSE, node, error);
      return NULL;
    }
  *where_out = g_steal_pointer (&path);
  return json_node_get_object (node);
}

static gboolean
fail_not_one_of (const char  *where,
                 const char  *key,
                 const char  *value,
                 const char  *allowed,
                 GError     **error)
{
  g_autofree char *path = key_path (where, key);

  g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
               /* Translators: "leaderboards[0].models[2].access: “free” is not one of api, open-weights, internal." */
               _("%s: “%s” is not one of %s."), path, value, allowed);
  return FALSE;
}

/* A string member that must be one of the NULL-terminated @values (or absent/null). */
static gboolean
get_enum (JsonObject          *object,
          const char          *where,
          const char          *key,
          gboolean             required,
          const char * const  *values,
          const char         **out,
          GError             **error)
{
  g_autofree char *allowed = NULL;

  if (!get_string (object, where, key, required, out, error))
    return FALSE;
  if (*out == NULL || g_strv_contains (values, *out))
    return TRUE;
  allowed = g_strjoinv (", ", (char **) values);
  return fail_not_one_of (where, key, *out, allowed, error);
}

static gboolean
is_iso_date (const char *text)
{
  int year, month, day;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

static gboolean
is_iso_timestamp (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);

  return parsed != NULL;
}

/* An ISO 8601 timestamp ("2026-11-28T03:00:00Z"), or a date when @date_ok. */
static gboolean
get_time (JsonObject  *object,
          const char  *where,
          const char  *key,
          gboolean     date_ok,
          const char **out,
          GError     **error)
{
  if (!get_string (object, where, key, FALSE, out, error))
    return FALSE;
  if (*out == NULL || is_iso_timestamp (*out) || (date_ok && is_iso_date (*out)))
    return TRUE;

  {
    g_autofree char *path = key_path (where, key);
    g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                 _("%s: “%s” is not an ISO 8601 time such as “2026-11-28T03:00:00Z”."),
                 path, *out);
  }
  return FALSE;
}

static gboolean
get_date (JsonObject  *object,
          const char  *where,
          const char  *key,
          const char **out,
          GError     **error)
{
  if (!get_string (object, where, key, FALSE, out, error))
    return FALSE;
  if (*out == NULL || is_iso_date (*out))
    return TRUE;

  {
    g_autofree char *path = key_path (where, key);
    g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                 _("%s: “%s” is not a date such as “2026-11-28”."), path, *out);
  }
  return FALSE;
}

/* @raw is the name as written, when it differs from the cleaned @what. */
static gboolean
fail_duplicate_name (const char  *where,
                     const char  *what,
                     const char  *raw,
                     GError     **error)
{
  if (raw == NULL || strcmp (raw, what) == 0)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s: the name “%s” is listed twice."), where, what);
      return FALSE;
    }
  g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
               /* Translators: "leaderboards[0].models[1]: the name “Model A ” is “Model A”, which is listed twice. …" */
               _("%s: the name “%s” is “%s”, which is listed twice. Names are compared without "
                 "spaces at either end and without invisible characters, as in a CSV import. "
                 "Give each entry its own name, or merge the two."),
               where, raw, what);
  return FALSE;
}

static gboolean
fail_duplicate (const char  *where,
                const char  *what,
                GError     **error)
{
  g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
               /* Translators: "leaderboards[0].models[3]: the name “GPT-4o” is listed twice." */
               _("%s: the name “%s” is listed twice."), where, what);
  return FALSE;
}

/* Adds @where to a store error so the user learns which entry the store refused. */
static gboolean
prefix_store_error (GError     **error,
                    const char  *where)
{
  g_prefix_error (error, "%s: ", where);
  return FALSE;
}

static const char * const workflow_patterns[] = { "P1", "P2", "P3", "P4", "P5", NULL };
static const char * const access_values[] = { "api", "open-weights", "internal", NULL };
static const char * const smell_values[] = {
  "confusing", "deprecated", "inaccessible", "misdisplayed", "mismatched", "missing",
  "redundant", "unresponsive", NULL
};
static const char * const component_values[] = {
  "benchmark-dataset", "benchmark-task", "benchmark-metric", "benchmark-protocol",
  "evaluation-harness", "evaluation-score", "model", "ranking-dataframe", "submission-channel",
  NULL
};
static const char * const status_values[] = {
  "unchecked", "present", "absent", "mitigated", "accepted", NULL
};
static const char * const layout_values[] = { "wide", "long", NULL };
static const char * const provenance_values[] = { "vendor", "third-party", "ours", NULL };
static const char * const mode_values[] = { "add", "replace", NULL };
/* A workbook cell's description (type, value, number format, formula) is a few hundred bytes. */
#define MAX_CELL_DETAIL 65536
static const char * const delimiter_values[] = { ",", ";", "\t", "|", NULL };

typedef struct {
  LbStore    *store;
  gint64      leaderboard_id;
  GHashTable *benchmarks;   /* name → gint64* id */
  GHashTable *models;       /* name → gint64* id */
  GHashTable *imports;      /* gint64* file id → gint64* new id */
} Board;

static void
board_clear (Board *board)
{
  g_clear_pointer (&board->benchmarks, g_hash_table_unref);
  g_clear_pointer (&board->models, g_hash_table_unref);
  g_clear_pointer (&board->imports, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Board, board_clear)

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gboolean
read_leaderboard_fields (Board       *board,
                         JsonObject  *object,
                         const char  *where,
                         GError     **error)
{
  static const struct {
    const char         *key;
    LbLeaderboardField  field;
  } text_fields[] = {
    { "purpose", LB_LEADERBOARD_FIELD_PURPOSE },
    { "owner", LB_LEADERBOARD_FIELD_OWNER },
    { "owner_contact", LB_LEADERBOARD_FIELD_OWNER_CONTACT },
    { "evaluation_data", LB_LEADERBOARD_FIELD_EVALUATION_DATA },
    { "procedure", LB_LEADERBOARD_FIELD_PROCEDURE },
    { "production_context", LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT },
  };
  const char *value;
  gint64 cadence;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (!get_string (object, where, text_fields[i].key, FALSE, &value, error))
        return FALSE;
      if (value != NULL &&
          !lb_store_set_leaderboard_field (board->store, board->leaderboard_id,
                                           text_fields[i].field, value, error))
        return prefix_store_error (error, where);
    }

  if (!get_integer (object, where, "update_cadence_days", FALSE, 1, G_MAXINT, &cadence, error))
    return FALSE;
  if (cadence != 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, cadence);

      if (!lb_store_set_leaderboard_field (board->store, board->leaderboard_id,
                                           LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, text, error))
        return prefix_store_error (error, where);
    }

  if (!get_enum (object, where, "workflow_pattern", FALSE, workflow_patterns, &value, error))
    return FALSE;
  if (value != NULL &&
      !lb_store_set_leaderboard_field (board->store, board->leaderboard_id,
                                       LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, value, error))
    return prefix_store_error (error, where);

  if (!get_time (object, where, "last_reviewed_at", TRUE, &value, error))
    return FALSE;
  if (value != NULL &&
      !lb_store_set_leaderboard_field (board->store, board->leaderboard_id,
                                       LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, value, error))
    return prefix_store_error (error, where);

  return TRUE;
}

static gboolean
read_benchmark (Board       *board,
                JsonObject  *object,
                const char  *where,
                GError     **error)
{
  LbBenchmark init = { 0 };
  g_autofree char *name = NULL;
  gboolean has_min, has_max, created = FALSE;
  gint64 id, n_items = 0;

  if (!get_name (object, where, "name", &name, error) ||
      !get_string (object, where, "task", FALSE, (const char **) &init.task, error) ||
      !get_string (object, where, "metric", FALSE, (const char **) &init.metric, error) ||
      !get_string (object, where, "unit", FALSE, (const char **) &init.unit, error) ||
      !get_boolean (object, where, "higher_is_better", TRUE, TRUE, &init.higher_is_better, error) ||
      !get_number (object, where, "scale_min", FALSE, &has_min, &init.scale_min, error) ||
      !get_number (object, where, "scale_max", FALSE, &has_max, &init.scale_max, error) ||
      !get_string (object, where, "dataset", FALSE, (const char **) &init.dataset, error) ||
      !get_string (object, where, "dataset_version", FALSE, (const char **) &init.dataset_version, error) ||
      !get_string (object, where, "protocol", FALSE, (const char **) &init.protocol, error) ||
      !get_string (object, where, "harness", FALSE, (const char **) &init.harness, error) ||
      !get_string (object, where, "description", FALSE, (const char **) &init.description, error) ||
      !get_integer (object, where, "n_items", FALSE, 1, G_MAXINT, &n_items, error))
    return FALSE;
  init.n_items = (guint) n_items;

  if (has_min != has_max)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s: give both “scale_min” and “scale_max”, or neither."), where);
      return FALSE;
    }
  if (g_hash_table_contains (board->benchmarks, name))
    return fail_duplicate_name (where, name, json_object_get_string_member (object, "name"), error);

  init.name = name;
  init.has_scale = has_min;
  /* The file states the direction explicitly: it is a decision, not the importer's guess. */
  init.direction_confirmed = TRUE;
  init.position = (int) g_hash_table_size (board->benchmarks);

  id = lb_store_ensure_benchmark (board->store, board->leaderboard_id, name, &init, &created, error);
  if (id == 0)
    return prefix_store_error (error, where);
  if (!created)
    return fail_duplicate (where, name, error);
  g_hash_table_insert (board->benchmarks, g_strdup (name), id_dup (id));
  return TRUE;
}

static gboolean
read_model (Board       *board,
            JsonObject  *object,
            const char  *where,
            GError     **error)
{
  LbModel init = { 0 };
  g_autofree char *name = NULL;
  gboolean created = FALSE;
  gint64 id;

  if (!get_name (object, where, "name", &name, error) ||
      !get_string (object, where, "version", FALSE, (const char **) &init.version, error) ||
      !get_string (object, where, "provider", FALSE, (const char **) &init.provider, error) ||
      !get_string (object, where, "provenance_url", FALSE, (const char **) &init.provenance_url, error) ||
      !get_enum (object, where, "access", FALSE, access_values, (const char **) &init.access, error) ||
      !get_string (object, where, "notes", FALSE, (const char **) &init.notes, error))
    return FALSE;

  if (g_hash_table_contains (board->models, name))
    return fail_duplicate_name (where, name, json_object_get_string_member (object, "name"), error);

  init.name = name;
  id = lb_store_ensure_model (board->store, board->leaderboard_id, name, &init, &created, error);
  if (id == 0)
    return prefix_store_error (error, where);
  if (!created)
    return fail_duplicate (where, name, error);
  g_hash_table_insert (board->models, g_strdup (name), id_dup (id));
  return TRUE;
}

static gboolean
read_import (Board       *board,
             JsonObject  *object,
             const char  *where,
             GError     **error)
{
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  JsonArray *warnings;
  const char *text;
  gint64 file_id, number, new_id;

  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  import->leaderboard_id = board->leaderboard_id;
  import->status = LB_IMPORT_COMPLETE;
  import->header_row = 1;

  if (!get_integer (object, where, "id", TRUE, 1, G_MAXINT64, &file_id, error))
    return FALSE;
  if (g_hash_table_contains (board->imports, &file_id))
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s: the import id %" PRId64 " is listed twice."), where, file_id);
      return FALSE;
    }

#define TAKE_STRING(key, member) \
  G_STMT_START { \
    if (!get_string (object, where, key, FALSE, &text, error)) \
      return FALSE; \
    import->member = g_strdup (text); \
  } G_STMT_END

  TAKE_STRING ("file_name", file_name);
  TAKE_STRING ("sha256", sha256);
  TAKE_STRING ("encoding", encoding);
  TAKE_STRING ("imported_by", imported_by);
#undef TAKE_STRING

  if (!get_enum (object, where, "delimiter", FALSE, delimiter_values, &text, error))
    return FALSE;
  import->delimiter = g_strdup (text);
  if (!get_enum (object, where, "layout", FALSE, layout_values, &text, error))
    return FALSE;
  import->layout = g_strdup (text);
  if (!get_time (object, where, "imported_at", FALSE, &text, error))
    return FALSE;
  import->imported_at = g_strdup (text);

  if (!get_integer (object, where, "size_bytes", FALSE, 0, G_MAXINT64, &number, error))
    return FALSE;
  import->size_bytes = (guint64) number;
  if (!get_integer (object, where, "records", FALSE, 0, G_MAXUINT, &number, error))
    return FALSE;
  import->records = (guint) number;
  if (!get_integer (object, where, "results", FALSE, 0, G_MAXUINT, &number, error))
    return FALSE;
  import->results = (guint) number;
  /* Optional keys of later files: a file without them reads as before (mode "add"). */
  if (!get_string (object, where, "sheet", FALSE, &text, error))
    return FALSE;
  import->sheet = g_strdup (text);
  if (!get_string (object, where, "signature", FALSE, &text, error))
    return FALSE;
  import->signature = g_strdup (text);
  if (!get_enum (object, where, "mode", FALSE, mode_values, &text, error))
    return FALSE;
  if (text != NULL)
    lb_import_mode_from_string (text, &import->mode);
  if (!get_enum (object, where, "provenance", FALSE, provenance_values, &text, error))
    return FALSE;
  if (text != NULL)
    lb_provenance_class_from_string (text, &import->provenance);
  if (!get_integer (object, where, "header_row", FALSE, 1, G_MAXUINT, &number, error))
    return FALSE;
  if (number > 0)
    import->header_row = (guint) number;

  if (!get_array (object, where, "warnings", FALSE, &warnings, error))
    return FALSE;
  for (guint i = 0; warnings != NULL && i < json_array_get_length (warnings); i++)
    {
      g_autofree char *item_where = NULL;
      JsonObject *item = get_element (warnings, where, "warnings", i, &item_where, error);
      const char *message;
      gint64 row, column;

      if (item == NULL ||
          !get_integer (item, item_where, "row", FALSE, 0, G_MAXUINT, &row, error) ||
          !get_integer (item, item_where, "column", FALSE, 0, G_MAXUINT, &column, error) ||
          !get_string (item, item_where, "message", TRUE, &message, error))
        return FALSE;
      g_ptr_array_add (import->warnings, lb_warning_new ((guint) row, (guint) column, message));
    }

  new_id = lb_store_add_import (board->store, import, error);
  if (new_id == 0)
    return prefix_store_error (error, where);
  /* lb_store_add_import() records its own time and user; the file's are the truth. */
  if (!lb_store_restore_import (board->store, new_id, import->imported_at, import->imported_by, error))
    return prefix_store_error (error, where);
  if (import->sheet != NULL && !lb_store_set_import_sheet (board->store, new_id, import->sheet, error))
    return prefix_store_error (error, where);
  g_hash_table_insert (board->imports, id_dup (file_id), id_dup (new_id));
  return TRUE;
}

/* The store ids of a result's or gap's model and benchmark, named in the file. */
static gboolean
lookup_cell_names (Board       *board,
                   const char  *where,
                   const char  *model,
                   const char  *benchmark,
                   gint64      *model_id,
                   gint64      *benchmark_id,
                   GError     **error)
{
  gint64 *found = g_hash_table_lookup (board->models, model);

  if (found == NULL)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s.model: “%s” is not the name of a model in “models”."), where, model);
      return FALSE;
    }
  *model_id = *found;
  found = g_hash_table_lookup (board->benchmarks, benchmark);
  if (found == NULL)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s.benchmark: “%s” is not the name of a benchmark in “benchmarks”."),
                   where, benchmark);
      return FALSE;
    }
  *benchmark_id = *found;
  return TRUE;
}

/* A "source" object: the store id of its import, and the cell's row and column. */
static gboolean
read_cell_source (Board       *board,
                  JsonObject  *source_object,
                  const char  *source_where,
                  gint64      *import_id,
                  guint       *row,
                  guint       *column,
                  GError     **error)
{
  gint64 file_id, r, c;
  gint64 *found;

  if (!get_integer (source_object, source_where, "import", TRUE, 1, G_MAXINT64, &file_id, error) ||
      !get_integer (source_object, source_where, "row", TRUE, 1, G_MAXUINT, &r, error) ||
      !get_integer (source_object, source_where, "column", TRUE, 1, G_MAXUINT, &c, error))
    return FALSE;
  found = g_hash_table_lookup (board->imports, &file_id);
  if (found == NULL)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s.import: there is no import with the id %" PRId64 " in “imports”."),
                   source_where, file_id);
      return FALSE;
    }
  *import_id = *found;
  *row = (guint) r;
  *column = (guint) c;
  return TRUE;
}

static gboolean
read_result (Board       *board,
             JsonObject  *object,
             const char  *where,
             GError     **error)
{
  LbResult result = { 0 };
  g_autofree char *model = NULL;
  g_autofree char *benchmark = NULL;
  JsonNode *source;
  JsonNode *cell = NULL;
  gint64 id;

  if (!get_name (object, where, "model", &model, error) ||
      !get_string (object, where, "model_version", FALSE, (const char **) &result.model_version, error) ||
      !get_name (object, where, "benchmark", &benchmark, error))
    return FALSE;
  {
    gboolean present;
    if (!get_number (object, where, "score", TRUE, &present, &result.score, error) ||
        !get_number (object, where, "stderr", FALSE, &result.has_stderr, &result.stderr_value, error))
      return FALSE;
  }
  if (result.has_stderr && result.stderr_value < 0.0)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s.stderr: %g is negative; a standard error is 0 or more."),
                   where, result.stderr_value);
      return FALSE;
    }
  if (!get_date (object, where, "evaluated_at", (const char **) &result.evaluated_at, error) ||
      !get_string (object, where, "raw", FALSE, (const char **) &result.raw, error) ||
      !get_boolean (object, where, "current", FALSE, TRUE, &result.current, error) ||
      !get_member (object, where, "source", WANT_OBJECT, FALSE, &source, error))
    return FALSE;

  if (!lookup_cell_names (board, where, model, benchmark, &result.model_id, &result.benchmark_id, error))
    return FALSE;
  if (source != NULL)
    {
      g_autofree char *source_where = key_path (where, "source");
      JsonObject *source_object = json_node_get_object (source);

      if (!read_cell_source (board, source_object, source_where, &result.import_id,
                             &result.source_row, &result.source_column, error) ||
          !get_member (source_object, source_where, "cell", WANT_OBJECT, FALSE, &cell, error))
        return FALSE;
    }

  result.leaderboard_id = board->leaderboard_id;
  id = lb_store_add_result (board->store, &result, error);
  if (id == 0)
    return prefix_store_error (error, where);
  /* lb_store_add_result() leaves the current flag to lb_store_finish_import(); the file says
   * which results are current, so the flag is taken as it is. */
  if (!lb_store_restore_result_current (board->store, id, result.current, error))
    return prefix_store_error (error, where);
  /* How the file stored the value (a workbook's cell, a result file's JSON path and what it
   * says about it), kept as the importer keeps it. */
  if (cell != NULL)
    {
      g_autofree char *detail = json_to_string (cell, FALSE);

      if (strlen (detail) > MAX_CELL_DETAIL)
        {
          g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                       _("%s.source.cell: %zu bytes is more than a cell’s description holds (%u)."),
                       where, strlen (detail), (guint) MAX_CELL_DETAIL);
          return FALSE;
        }
      if (!lb_store_add_source_cell (board->store, result.import_id, result.source_row,
                                     result.source_column, detail, error))
        return prefix_store_error (error, where);
    }
  return TRUE;
}

/* A cell that held no value: its import, where it is, its text and why it has no value. */
static gboolean
read_gap (Board       *board,
          JsonObject  *object,
          const char  *where,
          GError     **error)
{
  LbGap gap = { 0 };
  g_autofree char *model = NULL;
  g_autofree char *benchmark = NULL;
  g_autofree char *source_where = key_path (where, "source");
  JsonNode *source;
  JsonObject *source_object;

  if (!get_name (object, where, "model", &model, error) ||
      !get_name (object, where, "benchmark", &benchmark, error) ||
      !get_string (object, where, "raw", FALSE, (const char **) &gap.raw, error) ||
      !get_string (object, where, "reason", FALSE, (const char **) &gap.reason, error) ||
      !get_member (object, where, "source", WANT_OBJECT, TRUE, &source, error))
    return FALSE;
  source_object = json_node_get_object (source);
  if (!lookup_cell_names (board, where, model, benchmark, &gap.model_id, &gap.benchmark_id, error) ||
      !read_cell_source (board, source_object, source_where, &gap.import_id, &gap.source_row,
                         &gap.source_column, error))
    return FALSE;
  gap.leaderboard_id = board->leaderboard_id;
  if (lb_store_add_gap (board->store, &gap, error) == 0)
    return prefix_store_error (error, where);
  return TRUE;
}

static gboolean
read_smell (Board       *board,
            JsonObject  *object,
            const char  *where,
            GHashTable  *seen,
            GError     **error)
{
  LbSmell smell = { 0 };
  g_autofree char *key = NULL;

  if (!get_enum (object, where, "smell", TRUE, smell_values, (const char **) &smell.smell, error) ||
      !get_enum (object, where, "component", FALSE, component_values, (const char **) &smell.component, error) ||
      !get_enum (object, where, "status", FALSE, status_values, (const char **) &smell.status, error) ||
      !get_boolean (object, where, "detected", FALSE, FALSE, &smell.detected, error) ||
      !get_string (object, where, "evidence", FALSE, (const char **) &smell.evidence, error) ||
      !get_string (object, where, "note", FALSE, (const char **) &smell.note, error) ||
      !get_string (object, where, "reviewer", FALSE, (const char **) &smell.reviewer, error) ||
      !get_time (object, where, "checked_at", TRUE, (const char **) &smell.checked_at, error))
    return FALSE;

  key = g_strdup_printf ("%s/%s", smell.smell, smell.component != NULL ? smell.component : "");
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                   _("%s: the smell “%s” of the component “%s” is listed twice."), where,
                   smell.smell, smell.component != NULL ? smell.component : "");
      return FALSE;
    }

  if (smell.status == NULL)
    smell.status = (char *) "unchecked";
  smell.leaderboard_id = board->leaderboard_id;
  if (lb_store_put_smell (board->store, &smell, error) == 0)
    return prefix_store_error (error, where);
  return TRUE;
}

static gboolean
read_profile (Board       *board,
              JsonObject  *object,
              const char  *where,
              GHashTable  *seen,
              GError     **error)
{
  g_autoptr(LbProfile) profile = g_new0 (LbProfile, 1);
  g_autofree char *weights_where = key_path (where, "weights");
  const char *text;
  JsonNode *weights;
  JsonObjectIter iter;
  const char *benchmark;
  JsonNode *value;

  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  profile->leaderboard_id = board->leaderboard_id;

  if (!get_string (object, where, "name", TRUE, &text, error))
    return FALSE;
  profile->name = g_strdup (text);
  if (!get_string (object, where, "description", FALSE, &text, error))
    return FALSE;
  profile->description = g_strdup (text);
  if (!g_hash_table_add (seen, g_strdup (profile->name)))
    return fail_duplicate (where, profile->name, error);

  if (!get_member (object, where, "weights", WANT_OBJECT, FALSE, &weights, error))
    return FALSE;
  if (weights != NULL)
    {
      g_autoptr(GHashTable) weighed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      json_object_iter_init_ordered (&iter, json_node_get_object (weights));
      while (json_object_iter_next_ordered (&iter, &benchmark, &value))
        {
          LbWeight *weight;
          g_autofree char *path = g_strdup_printf ("%s[“%s”]", weights_where, benchmark);
          g_autofree char *name = clean_name (benchmark);
          double number;

          if (!node_matches (value, WANT_NUMBER))
            return fail_wrong_type (path, WANT_NUMBER, FALSE, value, error);
          number = json_node_get_value_type (value) == G_TYPE_INT64
                   ? (double) json_node_get_int (value) : json_node_get_double (value);
          if (!check_magnitude (path, number, error))
            return FALSE;
          /* Compare refuses a negative weight; refused here, before anything is kept. */
          if (number < 0.0)
            {
              g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                           _("%s: the weight %g is negative; a weight is 0 or more."),
                           path, number);
              return FALSE;
            }
          if (*name == '\0')
            {
              g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                           _("%s: the name is empty."), path);
              return FALSE;
            }
          /* A weight may name a benchmark the leaderboard no longer has (profiles keep
           * weights by name, and a benchmark can be renamed): kept as it is, so that every
           * file Leaderboard writes can be read back. */
          if (!g_hash_table_add (weighed, g_strdup (name)))
            return fail_duplicate_name (weights_where, name, benchmark, error);
          weight = g_new0 (LbWeight, 1);
          weight->benchmark = g_steal_pointer (&name);
          weight->weight = number;
          g_ptr_array_add (profile->weights, weight);
        }
    }

  if (lb_store_put_profile (board->store, profile, error) == 0)
    return prefix_store_error (error, where);
  return TRUE;
}

static gboolean
read_review (Board       *board,
             JsonObject  *object,
             const char  *where,
             GError     **error)
{
  LbReview review = { 0 };
  gint64 id;

  if (!get_time (object, where, "held_at", TRUE, (const char **) &review.held_at, error) ||
      !get_string (object, where, "reviewer", FALSE, (const char **) &review.reviewer, error) ||
      !get_string (object, where, "decision", FALSE, (const char **) &review.decision, error) ||
      !get_string (object, where, "notes", FALSE, (const char **) &review.notes, error))
    return FALSE;

  review.leaderboard_id = board->leaderboard_id;
  id = lb_store_add_review (board->store, &review, error);
  if (id == 0)
    return prefix_store_error (error, where);
  /* lb_store_add_review() names the current user when no reviewer is given: the file's
   * "nobody recorded" must not become the importing user. */
  if (review.reviewer == NULL && !lb_store_restore_review_reviewer (board->store, id, NULL, error))
    return prefix_store_error (error, where);
  return TRUE;
}

typedef gboolean (*ReadFunc) (Board *board, JsonObject *object, const char *where, GError **error);

static gboolean
read_each (Board       *board,
           JsonObject  *object,
           const char  *where,
           const char  *key,
           ReadFunc     func,
           GError     **error)
{
  JsonArray *array;

  if (!get_array (object, where, key, FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_where = NULL;
      JsonObject *item = get_element (array, where, key, i, &item_where, error);

      if (item == NULL || !func (board, item, item_where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_leaderboard (LbStore     *store,
                  JsonObject  *object,
                  const char  *where,
                  GHashTable  *names,
                  GError     **error)
{
  g_auto(Board) board = { 0 };
  g_autoptr(LbLeaderboard) existing = NULL;
  g_autoptr(GHashTable) smells_seen = NULL;
  g_autoptr(GHashTable) profiles_seen = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *created_at, *updated_at;
  JsonArray *array;

  if (!get_name (object, where, "name", &name, error) ||
      !get_time (object, where, "created_at", FALSE, &created_at, error) ||
      !get_time (object, where, "updated_at", FALSE, &updated_at, error))
    return FALSE;
  if (!g_hash_table_add (names, g_strdup (name)))
    return fail_duplicate_name (where, name, json_object_get_string_member (object, "name"), error);

  existing = lb_store_find_leaderboard (store, name, &local_error);
  if (existing != NULL)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_EXISTS,
                   _("A leaderboard named “%s” already exists. Rename or delete it, then "
                     "open the file again."), name);
      return FALSE;
    }
  if (!g_error_matches (local_error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  board.store = store;
  board.benchmarks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  board.models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  board.imports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  board.leaderboard_id = lb_store_create_leaderboard (store, name, error);
  if (board.leaderboard_id == 0)
    return prefix_store_error (error, where);

  smells_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profiles_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_leaderboard_fields (&board, object, where, error) ||
      !read_each (&board, object, where, "benchmarks", read_benchmark, error) ||
      !read_each (&board, object, where, "models", read_model, error) ||
      !read_each (&board, object, where, "imports", read_import, error) ||
      !read_each (&board, object, where, "results", read_result, error) ||
      !read_each (&board, object, where, "gaps", read_gap, error))
    return FALSE;

  if (!get_array (object, where, "smells", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_where = NULL;
      JsonObject *item = get_element (array, where, "smells", i, &item_where, error);

      if (item == NULL || !read_smell (&board, item, item_where, smells_seen, error))
        return FALSE;
    }

  if (!get_array (object, where, "profiles", FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_where = NULL;
      JsonObject *item = get_element (array, where, "profiles", i, &item_where, error);

      if (item == NULL || !read_profile (&board, item, item_where, profiles_seen, error))
        return FALSE;
    }

  if (!read_each (&board, object, where, "reviews", read_review, error))
    return FALSE;

  /* Last, since every write above stamps updated_at with the present. */
  if (!lb_store_restore_leaderboard_times (store, board.leaderboard_id, created_at, updated_at, error))
    return prefix_store_error (error, where);
  return TRUE;
}

/* Where the scanner is: one frame per open array or object. */
typedef struct {
  gboolean  is_array;
  guint     index;        /* arrays: the element being read */
  gboolean  want_key;     /* objects: the next string is a key */
  GString  *key;          /* objects: the key whose value is being read */
} ScanFrame;

/* "leaderboards[0].results[3].score", as the messages of the reader below name places. */
static char *
scan_path (ScanFrame *frames,
           guint      depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (frames[i].is_array)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else if (frames[i].key->len > 0)
        g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", frames[i].key->str);
    }
  if (path->len == 0)
    g_string_append (path, _("the top level"));
  return g_string_free (path, FALSE);
}

static guint
hex4 (const char *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return G_MAXUINT;
      value = value * 16 + (guint) g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* Refuses what JsonParser should never see or would read wrongly, naming the place: text that
 * is not UTF-8; nesting deeper than the format (the parser recurses, so a hostile file could
 * exhaust the stack); "\u0000", which json-glib cuts the string at ("Model\u0000A" would be
 * "Model"); a lone surrogate such as "\ud800", which it turns into invalid UTF-8; a whole
 * number beyond 64 bits, which it wraps (99999999999999999999 would be -1); a number beyond
 * the largest double (1e400 would be Infinity). */
static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  ScanFrame frames[LB_LBOM_MAX_DEPTH + 1] = { { 0 } };
  const char *end;
  guint depth = 0;
  guint line = 1;
  gboolean ok = FALSE;

  if (!g_utf8_validate_len (data, length, &end))
    {
      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM,
                   _("The file is not UTF-8 text (line %u). An LBOM file is written by "
                     "Leaderboard as UTF-8; ask for the file again."), line);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    frames[i].key = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      ScanFrame *top = depth > 0 ? &frames[depth - 1] : NULL;

      if (c == '\n')
        line++;
      else if (c == '"')
        {
          gboolean is_key = top != NULL && !top->is_array && top->want_key;
          gsize start = i + 1;

          for (i++; i < length && data[i] != '"'; i++)
            {
              guint unit, low;

              if (data[i] != '\\' || i + 1 >= length)
                continue;
              i++;
              if (data[i] != 'u' || i + 4 >= length)
                continue;
              unit = hex4 (data + i + 1);
              low = (unit >= 0xD800 && unit <= 0xDBFF && i + 10 < length
                     && data[i + 5] == '\\' && data[i + 6] == 'u') ? hex4 (data + i + 7) : G_MAXUINT;
              if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF)
                  || (unit >= 0xD800 && unit <= 0xDBFF && !(low >= 0xDC00 && low <= 0xDFFF)))
                {
                  g_autofree char *where = NULL;
                  g_autofree char *escape = g_strndup (data + i - 1, 6);

                  if (is_key)
                    {
                      g_string_truncate (top->key, 0);
                      g_string_append_len (top->key, data + start, (gssize) (i - 1 - start));
                    }
                  where = scan_path (frames, depth);
                  if (unit == 0)
                    g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                                 /* Translators: "leaderboards[0].models[0].name (line 12): the text holds \u0000, …" */
                                 _("%s (line %u): the text holds %s, a NUL character, which "
                                   "cannot be stored (everything after it would be lost). "
                                   "Remove it from the file."),
                                 where, line, escape);
                  else
                    g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                                 _("%s (line %u): the text holds %s, half of a character "
                                   "without its other half (a lone surrogate), which is not "
                                   "valid text. Ask for the file again."),
                                 where, line, escape);
                  goto out;
                }
              if (unit >= 0xD800 && unit <= 0xDBFF)
                i += 6;  /* the pair's second half */
            }
          if (is_key)
            {
              g_string_truncate (top->key, 0);
              g_string_append_len (top->key, data + start, (gssize) (MIN (i, length) - start));
              top->want_key = FALSE;
            }
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > LB_LBOM_MAX_DEPTH)
            {
              g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_TOO_LARGE,
                           _("The file nests arrays and objects more than %d levels deep "
                             "(line %u); an LBOM file has at most %d."),
                           LB_LBOM_MAX_DEPTH, line, LB_LBOM_MAX_DEPTH);
              goto out;
            }
          frames[depth - 1].is_array = c == '[';
          frames[depth - 1].index = 0;
          frames[depth - 1].want_key = c == '{';
          g_string_truncate (frames[depth - 1].key, 0);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      else if (c == ',' && top != NULL)
        {
          if (top->is_array)
            top->index++;
          else
            top->want_key = TRUE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          gboolean whole = TRUE;
          g_autofree char *number = NULL;
          g_autofree char *where = NULL;
          char *number_end = NULL;

          while (i + 1 < length && (g_ascii_isdigit (data[i + 1]) || strchr ("+-.eE", data[i + 1]) != NULL))
            {
              i++;
              whole &= data[i] != '.' && data[i] != 'e' && data[i] != 'E';
            }
          number = g_strndup (data + start, i - start + 1);
          errno = 0;
          if (whole)
            {
              g_ascii_strtoll (number, &number_end, 10);
              if (errno != ERANGE)
                continue;
              where = scan_path (frames, depth);
              g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                           _("%s (line %u): %s is out of range: a whole number in an LBOM "
                             "file is at most %" PRId64 " in size."),
                           where, line, number, G_MAXINT64);
              goto out;
            }
          if (isfinite (g_ascii_strtod (number, &number_end)))
            continue;
          where = scan_path (frames, depth);
          g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_INVALID,
                       _("%s (line %u): %s is out of range: it is too large to be a number."),
                       where, line, number);
          goto out;
        }
    }
  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    g_string_free (frames[i].key, TRUE);
  return ok;
}

static gboolean
import_document (LbStore     *store,
                 JsonNode    *root,
                 GPtrArray   *created,
                 GError     **error)
{
  g_autoptr(GHashTable) names = NULL;
  JsonObject *object;
  JsonArray *leaderboards;
  const char *format;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM,
                   _("The file is not an LBOM file: it holds %s, not an object with "
                     "“format”: “lbom”."), describe_node (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!get_string (object, "", "format", TRUE, &format, error))
    return FALSE;
  if (g_strcmp0 (format, "lbom") != 0)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM,
                   _("The file is not an LBOM file: “format” is “%s”, not “lbom”."), format);
      return FALSE;
    }
  if (!get_integer (object, "", "version", TRUE, G_MININT64, G_MAXINT64, &version, error))
    return FALSE;
  if (version != LB_LBOM_VERSION)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_VERSION,
                   _("The file is LBOM version %" PRId64 "; this version of "
                     "Leaderboard reads version %d. Open it with the Leaderboard version that "
                     "wrote it, or update Leaderboard."),
                   version, LB_LBOM_VERSION);
      return FALSE;
    }

  if (!get_array (object, "", "leaderboards", TRUE, &leaderboards, error))
    return FALSE;

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (leaderboards); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *item = get_element (leaderboards, "", "leaderboards", i, &where, error);

      if (item == NULL || !read_leaderboard (store, item, where, names, error))
        return FALSE;
      g_ptr_array_add (created, clean_name (json_object_get_string_member (item, "name")));
    }
  return TRUE;
}

gboolean
lb_lbom_import (LbStore     *store,
                const char  *data,
                gssize       length,
                GPtrArray  **names,
                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  size = length < 0 ? strlen (data) : (gsize) length;
  if (size > LB_LBOM_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (LB_LBOM_MAX_SIZE);
      g_autofree char *actual = g_format_size (size);

      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_TOO_LARGE,
                   _("The file is %s; an LBOM file may be at most %s."), actual, limit);
      return FALSE;
    }
  /* An editor may have added a byte order mark; JSON has none. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  /* Also keeps a NULL @data (allowed with @length 0) away from the parser. */
  if (size == 0)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM, _("The file is empty."));
      return FALSE;
    }
  if (!check_text (data, size, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      guint line = 0, column = 0;
      int consumed = 0;
      /* json-glib quotes the bytes it stopped at, which may be half a character (an escape
       * like \ud8 followed by junk): the message shown must be valid text all the same. */
      g_autofree char *what = g_utf8_make_valid (parse_error->message, -1);

      /* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT"; say it as a sentence. */
      if (sscanf (what, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2
          && consumed > 0)
        g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM,
                     _("The file is not valid JSON (line %u, column %u: %s)."), line, column,
                     what + consumed);
      else
        g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM,
                     _("The file is not valid JSON: %s."), what);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_NOT_LBOM,
                   _("The file is empty."));
      return FALSE;
    }

  created = g_ptr_array_new_with_free_func (g_free);
  if (!lb_store_begin (store, error))
    return FALSE;
  if (!import_document (store, json_parser_get_root (parser), created, error))
    {
      lb_store_rollback (store);
      return FALSE;
    }
  /* A failed commit has already rolled the transaction back. */
  if (!lb_store_commit (store, error))
    return FALSE;

  if (names != NULL)
    *names = g_steal_pointer (&created);
  return TRUE;
}

static char *
read_bounded (GFile         *file,
              const char    *display_name,
              GCancellable  *cancellable,
              gsize         *length,
              GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  const gsize chunk = 64 * 1024;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  for (;;)
    {
      gsize old = bytes->len;
      gssize n;

      if (old > LB_LBOM_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (LB_LBOM_MAX_SIZE);

          g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %s, the most an LBOM file may be."),
                       display_name, limit);
          return NULL;
        }
      g_byte_array_set_size (bytes, old + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (in), bytes->data + old, chunk, cancellable,
                               &local_error);
      if (n < 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_byte_array_set_size (bytes, old + (gsize) n);
      if (n == 0)
        break;
    }
  *length = bytes->len;
  /* NUL-terminated like g_file_load_contents(), for the parser's sake. */
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

gboolean
lb_lbom_import_file (LbStore       *store,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GPtrArray    **names,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  display_name = g_strdup (g_file_info_get_display_name (info));

  if ((guint64) g_file_info_get_size (info) > LB_LBOM_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (LB_LBOM_MAX_SIZE);
      g_autofree char *actual = g_format_size ((guint64) g_file_info_get_size (info));

      g_set_error (error, LB_LBOM_ERROR, LB_LBOM_ERROR_TOO_LARGE,
                   _("%s: the file is %s; an LBOM file may be at most %s."),
                   display_name, actual, limit);
      return FALSE;
    }

  /* The size above is 0 for a pipe or a device (/dev/zero): the read itself stops at the limit. */
  contents = read_bounded (file, display_name, cancellable, &length, error);
  if (contents == NULL)
    return FALSE;
  if (!lb_lbom_import (store, contents, (gssize) length, names, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return FALSE;
    }
  return TRUE;
}
