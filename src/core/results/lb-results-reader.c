/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-results-reader.c: result files (lm-evaluation-harness, Arena, Every Eval Ever) as a long table */

#define G_LOG_DOMAIN "lb-results"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-results-reader.h"
#include "lb-warning.h"

#define READ_CHUNK (64 * 1024)

/* The two-sided 97.5 % point of the normal distribution: a 95 % interval is ±1.96 SE wide. */
#define Z_975 1.959963984540054

/* Why a value is missing, when its text alone does not say (untranslated; the importer's
 * warnings and the gap translate it). */
#define REASON_NOT_A_NUMBER N_("Not a number in the source: the file says NaN or Infinity here.")
#define REASON_NULL         N_("The source gives no value here (null).")

typedef struct {
  char       *fields[LB_RESULTS_N_COLUMNS];  /* by LbResultsColumn - 1; NULL: no value */
  char       *paths[LB_RESULTS_N_COLUMNS];   /* the JSON path of the score and the standard error, or NULL */
  char       *detail;                        /* JSON: where the score came from, and what goes with it */
  const char *missing_reason;                /* of the score, or NULL */
} Row;

struct _LbResultsReader
{
  GObject          parent_instance;

  /* owned */
  char            *display_name;
  LbCsvDialect     dialect;
  LbResultsFormat  format;
  char            *format_label;
  GPtrArray       *rows;        /* of Row* */
  GHashTable      *benchmarks;  /* name → LbBenchmark*, what the file declares */
  GPtrArray       *warnings;    /* of LbWarning* */
  GHashTable      *nonfinite;   /* the JsonNode* (null) that stood for NaN or Infinity */
  gboolean         all_null_nonfinite; /* the nulls could not be told apart: any may be NaN */
  gboolean         any_nonfinite;
  gboolean         stderr_derived;
  guint            out_column[LB_RESULTS_N_COLUMNS + 1];  /* LbResultsColumn → column in the table, 0: left out */
  guint            n_out;
  guint            next;        /* rows handed out; 0: the header is next */
};

G_DEFINE_FINAL_TYPE (LbResultsReader, lb_results_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (lb-results-error-quark, lb_results_error)

static void
row_free (Row *row)
{
  for (guint i = 0; i < LB_RESULTS_N_COLUMNS; i++)
    {
      g_free (row->fields[i]);
      g_free (row->paths[i]);
    }
  g_free (row->detail);
  g_free (row);
}

/* ---- NaN and Infinity ---- */

typedef enum { NULL_GENUINE, NULL_NAN, NULL_INFINITY, NULL_MINUS_INFINITY } NullKind;

static gboolean
token_at (const char *p,
          const char *end,
          const char *token)
{
  gsize n = strlen (token);

  if ((gsize) (end - p) < n || memcmp (p, token, n) != 0)
    return FALSE;
  /* A whole token: "NaNa" or "nullable" outside a string is not one (and not JSON either). */
  return p + n == end || !(g_ascii_isalnum (p[n]) || p[n] == '_');
}

/* JSON as json-glib reads it: Python's bare NaN, Infinity and -Infinity (outside strings)
 * become null, and @kinds gets, for every null of the text in order, what it was. A UTF-8
 * byte order mark is left out. */
static GString *
replace_nonfinite (const char *data,
                   gsize       len,
                   GArray     *kinds)
{
  const char *p = data, *end = data + len;
  GString *out = g_string_sized_new (len + 16);
  gboolean in_string = FALSE;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      char c = *p;
      gboolean boundary = p == data || !(g_ascii_isalnum (p[-1]) || p[-1] == '_' || p[-1] == '.');
      NullKind kind = NULL_GENUINE;
      gsize skip = 0;

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && p + 1 < end)
            g_string_append_c (out, *++p);
          else if (c == '"')
            in_string = FALSE;
          p++;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, c);
          p++;
          continue;
        }
      if (boundary && token_at (p, end, "NaN"))
        kind = NULL_NAN, skip = 3;
      else if (boundary && token_at (p, end, "Infinity"))
        kind = NULL_INFINITY, skip = 8;
      else if (boundary && token_at (p, end, "-Infinity"))
        kind = NULL_MINUS_INFINITY, skip = 9;
      else if (boundary && token_at (p, end, "null"))
        kind = NULL_GENUINE, skip = 4;
      if (skip > 0)
        {
          g_array_append_val (kinds, kind);
          g_string_append (out, "null");
          p += skip;
          continue;
        }
      g_string_append_c (out, c);
      p++;
    }
  return out;
}

/* The null nodes of @node in the order of the text. */
static void
collect_nulls (JsonNode  *node,
               GPtrArray *nulls)
{
  if (JSON_NODE_HOLDS_NULL (node))
    g_ptr_array_add (nulls, node);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        collect_nulls (json_object_get_member (object, l->data), nulls);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_nulls (json_array_get_element (array, i), nulls);
    }
}

/* ---- reading values ---- */

typedef enum { NUM_NONE, NUM_OK, NUM_NONFINITE, NUM_NULL } NumKind;

static NumKind
get_number (LbResultsReader *self,
            JsonNode        *node,
            double          *out)
{
  *out = NAN;
  if (node == NULL)
    return NUM_NONE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      gpointer kind = g_hash_table_lookup (self->nonfinite, node);

      if (kind == NULL && !self->all_null_nonfinite)
        return NUM_NULL;
      /* The literal it was, so that the value's text says it. */
      if (GPOINTER_TO_INT (kind) == NULL_INFINITY)
        *out = INFINITY;
      else if (GPOINTER_TO_INT (kind) == NULL_MINUS_INFINITY)
        *out = -INFINITY;
      return NUM_NONFINITE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NUM_NONE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return isfinite (*out) ? NUM_OK : NUM_NONFINITE;
    default:
      return NUM_NONE;
    }
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL && json_object_has_member (object, name)
         ? json_object_get_member (object, name) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static gboolean
member_boolean (JsonObject *object,
                const char *name,
                gboolean   *out)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
member_count (LbResultsReader *self,
              JsonObject      *object,
              const char      *name,
              guint           *out)
{
  double v;

  if (get_number (self, member (object, name), &v) != NUM_OK || v < 0 || v > G_MAXUINT || v != floor (v))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* The shortest text that reads back as @v. */
static char *
format_number (double v)
{
  for (int digits = 15; digits <= 17; digits++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buffer, sizeof buffer, format, v);
      if (digits == 17 || g_ascii_strtod (buffer, NULL) == v)
        return g_strdup (buffer);
    }
  g_assert_not_reached ();
}

/* A JSON path as people write one: results.jmmlu."acc,none", evaluation_results[0].score. */
static void
path_key (GString    *path,
          const char *key)
{
  gboolean plain = key[0] != '\0' && (g_ascii_isalpha (key[0]) || key[0] == '_');

  for (const char *p = key; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-';
  if (path->len > 0)
    g_string_append_c (path, '.');
  if (plain)
    {
      g_string_append (path, key);
      return;
    }
  g_string_append_c (path, '"');
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *p);
    }
  g_string_append_c (path, '"');
}

static char *
path_join (const char *prefix,
           ...)
{
  GString *path = g_string_new (prefix);
  const char *key;
  va_list ap;

  va_start (ap, prefix);
  while ((key = va_arg (ap, const char *)) != NULL)
    path_key (path, key);
  va_end (ap);
  return g_string_free (path, FALSE);
}

/* "YYYY-MM-DD" (UTC) of a Unix time in seconds, or of an ISO 8601 timestamp; NULL otherwise. */
static char *
date_of_seconds (double seconds)
{
  g_autoptr(GDateTime) when = NULL;

  /* From 1990 to 2200: anything else is not a date of an evaluation. */
  if (!isfinite (seconds) || seconds < 631152000.0 || seconds > 7258118400.0)
    return NULL;
  when = g_date_time_new_from_unix_utc ((gint64) seconds);
  return when != NULL ? g_date_time_format (when, "%Y-%m-%d") : NULL;
}

static char *
date_of_node (LbResultsReader *self,
              JsonNode        *node)
{
  double seconds;
  const char *text;
  char *end = NULL;

  if (get_number (self, node, &seconds) == NUM_OK)
    return date_of_seconds (seconds);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  seconds = g_ascii_strtod (text, &end);
  if (end != text && end != NULL && *end == '\0')
    return date_of_seconds (seconds);
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (text, utc);

    if (when != NULL)
      {
        g_autoptr(GDateTime) in_utc = g_date_time_to_utc (when);

        return g_date_time_format (in_utc, "%Y-%m-%d");
      }
  }
  /* "2024-05-01" alone, or with a time GLib does not read. */
  if (strlen (text) >= 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-')
    return g_strndup (text, 10);
  return NULL;
}

/* ---- rows ---- */

static Row *
add_row (LbResultsReader *self,
         const char      *model,
         const char      *developer,
         const char      *benchmark,
         const char      *date)
{
  Row *row = g_new0 (Row, 1);

  row->fields[LB_RESULTS_COLUMN_MODEL - 1] = g_strdup (model);
  row->fields[LB_RESULTS_COLUMN_DEVELOPER - 1] = g_strdup (developer);
  row->fields[LB_RESULTS_COLUMN_BENCHMARK - 1] = g_strdup (benchmark);
  row->fields[LB_RESULTS_COLUMN_DATE - 1] = g_strdup (date);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* The score of @row from @node: its text, or the literal the source wrote and why it is
 * missing. */
static void
set_score (LbResultsReader *self,
           Row             *row,
           NumKind          kind,
           double           value)
{
  g_autofree char *text = NULL;

  switch (kind)
    {
    case NUM_OK:
      text = format_number (value);
      break;
    case NUM_NONFINITE:
      text = g_strdup (isnan (value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
      row->missing_reason = REASON_NOT_A_NUMBER;
      break;
    case NUM_NULL:
    case NUM_NONE:
    default:
      text = g_strdup ("");
      row->missing_reason = REASON_NULL;
      break;
    }
  row->fields[LB_RESULTS_COLUMN_SCORE - 1] = g_steal_pointer (&text);
}

static void
set_stderr (Row    *row,
            double  value)
{
  if (isfinite (value) && value >= 0)
    row->fields[LB_RESULTS_COLUMN_STDERR - 1] = format_number (value);
}

/* Remembers what the file says about the benchmark @name, the first time it is met. */
static LbBenchmark *
declare_benchmark (LbResultsReader *self,
                   const char      *name)
{
  LbBenchmark *benchmark = g_hash_table_lookup (self->benchmarks, name);

  if (benchmark != NULL)
    return NULL;
  benchmark = g_new0 (LbBenchmark, 1);
  benchmark->name = g_strdup (name);
  benchmark->higher_is_better = TRUE;
  g_hash_table_insert (self->benchmarks, benchmark->name, benchmark);
  return benchmark;
}

static char *
finish_detail (JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}


static void
add_detail_number (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  if (!isfinite (value))
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void add_detail_node (JsonBuilder *builder, const char *name, JsonNode *node);

/* A string of the file (or of ours) kept with a value, as long as a part may be. */
static void
add_detail_string (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value == NULL)
    return;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, value);
  add_detail_node (builder, name, node);
}

static void
collect_settings (JsonNode   *node,
                  const char *name,
                  GPtrArray  *parts)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        collect_settings (json_object_get_member (object, l->data), l->data, parts);
      return;
    }
  if (name == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (parts, g_strdup_printf ("%s %s", name, json_node_get_string (node)));
  else
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_ptr_array_add (parts, g_strdup_printf ("%s %s", name, text));
    }
}

static int
compare_strings_cb (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Settings longer than this are kept readable in part and whole by their fingerprint: two
 * results have the same settings exactly when the texts are equal. */
#define MAX_SETTINGS_TEXT 300

/* The settings a result file states for one value, as one text that is equal for two values
 * exactly when their stated settings are: the harness and its version, the number of shots,
 * then the generation settings by name ("lm-evaluation-harness 0.4.2; 5-shot",
 * "inspect_ai 0.3; max_tokens 512, temperature 0.7"). NULL when the file states none. */
static char *
settings_text (const char *harness,
               gboolean    has_shots,
               guint       shots,
               JsonNode   *generation)
{
  g_autoptr(GPtrArray) generation_parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  if (harness != NULL)
    g_string_append (text, harness);
  if (has_shots)
    g_string_append_printf (text, "%s%u-shot", text->len > 0 ? "; " : "", shots);
  collect_settings (generation, NULL, generation_parts);
  g_ptr_array_sort (generation_parts, compare_strings_cb);
  for (guint i = 0; i < generation_parts->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? (text->len > 0 ? "; " : "") : ", ",
                            (const char *) g_ptr_array_index (generation_parts, i));
  if (text->len == 0)
    return NULL;
  if (text->len > MAX_SETTINGS_TEXT)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
      const char *cut = text->str + MAX_SETTINGS_TEXT - 60;

      /* cut at a character, never inside one */
      cut = g_utf8_find_prev_char (text->str, cut + 1);
      g_string_truncate (text, cut - text->str);
      g_string_append_printf (text, "… (sha256 %.12s)", sum);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a source cell's description keeps at most of one part of the file, written out. A
 * description has at most seven parts from the file (an Every Eval Ever value) and two short
 * ones of ours (settings, at most MAX_SETTINGS_TEXT, and provenance), so it stays
 * under the 64 KiB an LBOM's source cell holds whatever the file says (a long prompt template
 * in generation_config, an odd evaluation_id). */
#define MAX_DETAIL_PART 8192

/* A part of the file kept with a value. The description stays one flat object, as the LBOM's
 * "source.cell" must be (it sits as deep as an LBOM nests): an object or an array is kept as
 * its JSON text. A part too long to keep is said, not dropped silently: NAME_left_out_bytes
 * gives its length as JSON; the file keeps it. */
static void
add_detail_node (JsonBuilder *builder,
                 const char  *name,
                 JsonNode    *node)
{
  g_autofree char *text = NULL;
  g_autofree char *kept_text = NULL;
  g_autoptr(JsonNode) kept = NULL;

  if (node == NULL)
    return;
  text = json_to_string (node, FALSE);
  if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
    {
      kept = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (kept, text);
    }
  else
    kept = json_node_copy (node);
  kept_text = json_to_string (kept, FALSE);
  if (strlen (kept_text) > MAX_DETAIL_PART)
    {
      g_autofree char *left_out = g_strconcat (name, "_left_out_bytes", NULL);

      json_builder_set_member_name (builder, left_out);
      json_builder_add_int_value (builder, (gint64) strlen (text));
      return;
    }
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, g_steal_pointer (&kept));
}

/* ---- lm-evaluation-harness ---- */

static gboolean
is_lm_eval (JsonNode *root)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  return member_object (object, "results") != NULL
         && (member (object, "lm_eval_version") != NULL || member (object, "configs") != NULL
             || member (object, "versions") != NULL || member (object, "n-shot") != NULL
             || member (object, "config") != NULL);
}

/* The model lm-eval ran: model_name, else pretrained= in config.model_args. Newly allocated. */
static char *
lm_eval_model (JsonObject *root)
{
  JsonObject *config = member_object (root, "config");
  JsonNode *args = member (config, "model_args");

  if (member_string (root, "model_name") != NULL)
    return g_strdup (member_string (root, "model_name"));
  if (args != NULL && JSON_NODE_HOLDS_OBJECT (args))
    return g_strdup (member_string (json_node_get_object (args), "pretrained"));
  if (args != NULL && JSON_NODE_HOLDS_VALUE (args) && json_node_get_value_type (args) == G_TYPE_STRING)
    {
      g_auto(GStrv) parts = g_strsplit (json_node_get_string (args), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *part = g_strstrip (parts[i]);

          if (g_str_has_prefix (part, "pretrained=") && part[11] != '\0')
            return g_strdup (part + 11);
        }
    }
  return NULL;
}

static gboolean
read_lm_eval (LbResultsReader  *self,
              JsonObject       *root,
              GError          **error)
{
  JsonObject *results = member_object (root, "results");
  JsonObject *n_shot = member_object (root, "n-shot");
  JsonObject *n_samples = member_object (root, "n-samples");
  JsonObject *directions = member_object (root, "higher_is_better");
  JsonObject *configs = member_object (root, "configs");
  JsonNode *model_args = member (member_object (root, "config"), "model_args");
  const char *version = member_string (root, "lm_eval_version");
  g_autofree char *model = lm_eval_model (root);
  g_autofree char *date = date_of_node (self, member (root, "date"));
  g_autofree char *harness = NULL;
  g_autoptr(GList) tasks = NULL;

  self->format = LB_RESULTS_FORMAT_LM_EVAL;
  self->format_label = version != NULL
    /* Translators: the format of a result file, with the harness version it states */
    ? g_strdup_printf (_("lm-evaluation-harness results (lm_eval %s)"), version)
    : g_strdup (_("lm-evaluation-harness results"));
  if (model == NULL)
    {
      g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_NO_MODEL,
                   _("“%s” holds lm-evaluation-harness results but does not say which model they "
                     "are of (no “model_name”, and no “pretrained=” in “config.model_args”). "
                     "Nothing was imported."),
                   self->display_name);
      return FALSE;
    }
  harness = version != NULL ? g_strdup_printf ("lm-evaluation-harness %s", version)
                            : g_strdup ("lm-evaluation-harness");

  tasks = json_object_get_members (results);
  for (GList *t = tasks; t != NULL; t = t->next)
    {
      const char *task = t->data;
      JsonObject *metrics = member_object (results, task);
      g_autoptr(GList) keys = NULL;
      guint shots = 0, items = 0;
      gboolean has_shots, has_items;

      if (metrics == NULL)
        continue;
      has_shots = member_count (self, n_shot, task, &shots)
                  || member_count (self, member_object (configs, task), "num_fewshot", &shots);
      has_items = member_count (self, member_object (n_samples, task), "effective", &items)
                  || member_count (self, member_object (n_samples, task), "original", &items);
      keys = json_object_get_members (metrics);
      for (GList *k = keys; k != NULL; k = k->next)
        {
          const char *key = k->data;
          const char *comma = strchr (key, ',');
          g_autofree char *metric = comma != NULL ? g_strndup (key, (gsize) (comma - key)) : g_strdup (key);
          const char *filter = comma != NULL ? comma + 1 : NULL;
          g_autofree char *stderr_key = NULL;
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;
          g_autofree char *stderr_path = NULL;
          g_autoptr(JsonBuilder) builder = NULL;
          LbBenchmark *declared;
          NumKind kind, stderr_kind;
          double value, stderr_value;
          gboolean higher;
          Row *row;

          if (g_str_equal (metric, "alias") || g_str_has_suffix (metric, "_stderr"))
            continue;
          kind = get_number (self, member (metrics, key), &value);
          /* "alias", text and the group headers lm-eval writes are not scores. */
          if (kind == NUM_NONE)
            continue;
          stderr_key = filter != NULL ? g_strdup_printf ("%s_stderr,%s", metric, filter)
                                      : g_strdup_printf ("%s_stderr", metric);
          stderr_kind = get_number (self, member (metrics, stderr_key), &stderr_value);
          name = filter != NULL && !g_str_equal (filter, "none")
                 ? g_strdup_printf ("%s %s (%s)", task, metric, filter)
                 : g_strdup_printf ("%s %s", task, metric);
          path = path_join ("", "results", task, key, NULL);

          row = add_row (self, model, NULL, name, date);
          set_score (self, row, kind, value);
          row->paths[LB_RESULTS_COLUMN_SCORE - 1] = g_strdup (path);
          if (stderr_kind == NUM_OK)
            set_stderr (row, stderr_value);

          builder = json_builder_new ();
          json_builder_begin_object (builder);
          add_detail_string (builder, "json_path", path);
          if (member (metrics, stderr_key) != NULL)
            {
              stderr_path = path_join ("", "results", task, stderr_key, NULL);
              add_detail_string (builder, "stderr_path", stderr_path);
              row->paths[LB_RESULTS_COLUMN_STDERR - 1] = g_strdup (stderr_path);
            }
          add_detail_string (builder, "format", "lm-evaluation-harness");
          add_detail_string (builder, "lm_eval_version", version);
          if (has_shots)
            {
              json_builder_set_member_name (builder, "n-shot");
              json_builder_add_int_value (builder, shots);
            }
          add_detail_node (builder, "model_args", model_args);
          {
            g_autofree char *settings = settings_text (harness, has_shots, shots, NULL);

            add_detail_string (builder, "settings", settings);
          }
          row->detail = finish_detail (builder);

          declared = declare_benchmark (self, name);
          if (declared != NULL)
            {
              declared->task = g_strdup (task);
              declared->metric = g_strdup (metric);
              declared->harness = g_strdup (harness);
              if (has_shots)
                declared->protocol = g_strdup_printf ("%u-shot", shots);
              if (has_items)
                declared->n_items = items;
              /* The direction lm-eval states for the metric; without it the importer
               * guesses from the name and says it is a guess. */
              if (member_boolean (member_object (directions, task), metric, &higher))
                {
                  declared->higher_is_better = higher;
                  declared->direction_confirmed = TRUE;
                }
            }
        }
    }
  return TRUE;
}

/* ---- Arena ---- */

static gboolean
is_arena (JsonNode *root)
{
  JsonObject *object;
  g_autoptr(GList) categories = NULL;
  gboolean any_rating = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  categories = json_object_get_members (object);
  if (categories == NULL)
    return FALSE;
  for (GList *c = categories; c != NULL; c = c->next)
    {
      JsonObject *models = member_object (object, c->data);
      g_autoptr(GList) names = NULL;

      if (models == NULL)
        return FALSE;
      names = json_object_get_members (models);
      for (GList *m = names; m != NULL; m = m->next)
        {
          JsonObject *entry = member_object (models, m->data);

          if (entry == NULL)
            return FALSE;
          any_rating |= member (entry, "rating") != NULL;
        }
    }
  return any_rating;
}

static gboolean
read_arena (LbResultsReader  *self,
            JsonObject       *root,
            GError          **error)
{
  g_autoptr(GList) categories = json_object_get_members (root);

  self->format = LB_RESULTS_FORMAT_ARENA;
  /* Translators: the format of a result file */
  self->format_label = g_strdup (_("Arena leaderboard ratings"));
  for (GList *c = categories; c != NULL; c = c->next)
    {
      const char *category = c->data;
      JsonObject *models = member_object (root, category);
      g_autoptr(GList) names = json_object_get_members (models);
      LbBenchmark *declared = declare_benchmark (self, category);

      if (declared != NULL)
        {
          declared->metric = g_strdup ("rating");
          declared->harness = g_strdup ("Arena");
          declared->direction_confirmed = TRUE;
        }
      for (GList *m = names; m != NULL; m = m->next)
        {
          const char *model = m->data;
          JsonObject *entry = member_object (models, model);
          g_autofree char *path = path_join ("", category, model, "rating", NULL);
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          double rating, low, high;
          NumKind kind = get_number (self, member (entry, "rating"), &rating);
          gboolean interval = get_number (self, member (entry, "rating_q025"), &low) == NUM_OK
                              && get_number (self, member (entry, "rating_q975"), &high) == NUM_OK
                              && low <= high;
          Row *row;

          if (kind == NUM_NONE && member (entry, "rating") == NULL)
            continue;
          row = add_row (self, model, NULL, category, NULL);
          set_score (self, row, kind, rating);
          row->paths[LB_RESULTS_COLUMN_SCORE - 1] = g_strdup (path);
          json_builder_begin_object (builder);
          add_detail_string (builder, "json_path", path);
          add_detail_string (builder, "format", "arena");
          if (interval)
            {
              /* The store has no place for an interval: the result keeps a standard error
               * derived from it, (q975 − q025) / (2 × 1.96), which is exact only for a
               * symmetric normal interval; the interval itself stays here, with the value,
               * and the import says so (warning "results.stderr-from-interval"). */
              add_detail_number (builder, "rating_q025", low);
              add_detail_number (builder, "rating_q975", high);
              add_detail_string (builder, "stderr", "(rating_q975 - rating_q025) / 3.92");
              if (kind == NUM_OK)
                {
                  set_stderr (row, (high - low) / (2 * Z_975));
                  self->stderr_derived = TRUE;
                }
            }
          add_detail_node (builder, "num_battles", member (entry, "num_battles"));
          row->detail = finish_detail (builder);
        }
    }
  (void) error;
  return TRUE;
}

/* ---- Every Eval Ever ---- */

static gboolean
is_eee_document (JsonNode *node)
{
  JsonObject *object;
  JsonNode *results;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  results = member (object, "evaluation_results");
  return member_object (object, "model_info") != NULL && results != NULL && JSON_NODE_HOLDS_ARRAY (results);
}

static gboolean
is_eee (JsonNode *root)
{
  JsonArray *array;

  if (JSON_NODE_HOLDS_OBJECT (root))
    return is_eee_document (root);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;
  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_eee_document (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static gboolean
read_eee_document (LbResultsReader  *self,
                   JsonObject       *doc,
                   const char       *prefix,
                   guint             number,
                   GError          **error)
{
  JsonObject *model_info = member_object (doc, "model_info");
  JsonObject *library = member_object (doc, "eval_library");
  JsonArray *results = json_node_get_array (member (doc, "evaluation_results"));
  const char *model = member_string (model_info, "id");
  const char *developer = member_string (model_info, "developer");
  g_autofree char *doc_date = date_of_node (self, member (doc, "evaluation_timestamp"));
  g_autofree char *harness = NULL;

  if (model == NULL)
    model = member_string (model_info, "name");
  if (model == NULL)
    {
      g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_NO_MODEL,
                   _("“%s”: Every Eval Ever document %u does not say which model it is about "
                     "(“model_info” has no “id” or “name”). Nothing was imported."),
                   self->display_name, number);
      return FALSE;
    }
  if (member_string (library, "name") != NULL)
    {
      const char *name = member_string (library, "name");

      /* one harness, one name: an lm-eval output of the same run states “lm-evaluation-
       * harness”, and the two must not read as different settings */
      if (g_str_equal (name, "lm_eval") || g_str_equal (name, "lm-eval"))
        name = "lm-evaluation-harness";
      harness = member_string (library, "version") != NULL
                ? g_strdup_printf ("%s %s", name, member_string (library, "version"))
                : g_strdup (name);
    }

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *metric = member_object (result, "metric_config");
      JsonObject *score = member_object (result, "score_details");
      JsonObject *uncertainty = member_object (score, "uncertainty");
      JsonNode *se_node = member (uncertainty, "standard_error");
      const char *name = member_string (result, "evaluation_name");
      g_autofree char *index = g_strdup_printf ("%sevaluation_results[%u]", prefix, i);
      g_autofree char *path = NULL;
      g_autofree char *date = NULL;
      g_autoptr(JsonBuilder) builder = NULL;
      LbBenchmark *declared;
      double value, se = NAN, low, high;
      NumKind kind;
      guint samples = 0;
      gboolean has_samples = member_count (self, uncertainty, "num_samples", &samples);
      gboolean lower;
      Row *row;

      if (name == NULL || score == NULL)
        continue;
      kind = get_number (self, member (score, "score"), &value);
      path = path_join (index, "score_details", "score", NULL);
      date = date_of_node (self, member (result, "evaluation_timestamp"));
      row = add_row (self, model, developer, name, date != NULL ? date : doc_date);
      set_score (self, row, kind, value);
      row->paths[LB_RESULTS_COLUMN_SCORE - 1] = g_strdup (path);
      /* 0.2.1 and later: {"value": …, "method": …}; before, the number itself. */
      if (se_node != NULL && JSON_NODE_HOLDS_OBJECT (se_node))
        se_node = member (json_node_get_object (se_node), "value");
      if (get_number (self, se_node, &se) == NUM_OK)
        set_stderr (row, se);
      if (se_node != NULL)
        row->paths[LB_RESULTS_COLUMN_STDERR - 1]
          = JSON_NODE_HOLDS_OBJECT (member (uncertainty, "standard_error"))
            ? path_join (index, "score_details", "uncertainty", "standard_error", "value", NULL)
            : path_join (index, "score_details", "uncertainty", "standard_error", NULL);

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_detail_string (builder, "json_path", path);
      add_detail_string (builder, "format", "every-eval-ever");
      add_detail_string (builder, "schema_version", member_string (doc, "schema_version"));
      add_detail_string (builder, "evaluation_id", member_string (doc, "evaluation_id"));
      add_detail_node (builder, "confidence_interval", member (uncertainty, "confidence_interval"));
      if (has_samples)
        {
          json_builder_set_member_name (builder, "num_samples");
          json_builder_add_int_value (builder, samples);
        }
      add_detail_node (builder, "source_metadata", member (doc, "source_metadata"));
      add_detail_node (builder, "generation_config", member (result, "generation_config"));
      add_detail_string (builder, "retrieved_timestamp", member_string (doc, "retrieved_timestamp"));
      {
        g_autofree char *settings = settings_text (harness, FALSE, 0, member (result, "generation_config"));
        const char *relationship = member_string (member_object (doc, "source_metadata"),
                                                  "evaluator_relationship");

        add_detail_string (builder, "settings", settings);
        /* who produced the number: the model's developer, or someone else */
        if (g_strcmp0 (relationship, "first_party") == 0)
          add_detail_string (builder, "provenance", "vendor");
        else if (g_strcmp0 (relationship, "third_party") == 0)
          add_detail_string (builder, "provenance", "third-party");
      }
      row->detail = finish_detail (builder);

      declared = declare_benchmark (self, name);
      if (declared == NULL)
        continue;
      declared->harness = g_strdup (harness);
      declared->description = g_strdup (member_string (metric, "evaluation_description"));
      if (member_boolean (metric, "lower_is_better", &lower))
        {
          declared->higher_is_better = !lower;
          declared->direction_confirmed = TRUE;
        }
      if (get_number (self, member (metric, "min_score"), &low) == NUM_OK
          && get_number (self, member (metric, "max_score"), &high) == NUM_OK && low < high)
        {
          declared->has_scale = TRUE;
          declared->scale_min = low;
          declared->scale_max = high;
        }
      if (has_samples)
        declared->n_items = samples;
    }
  return TRUE;
}

static gboolean
read_eee (LbResultsReader  *self,
          JsonNode         *root,
          GError          **error)
{
  JsonObject *first;
  const char *schema;

  self->format = LB_RESULTS_FORMAT_EEE;
  if (JSON_NODE_HOLDS_OBJECT (root))
    first = json_node_get_object (root);
  else
    first = json_node_get_object (json_array_get_element (json_node_get_array (root), 0));
  schema = member_string (first, "schema_version");
  self->format_label = schema != NULL
    /* Translators: the format of a result file, with the schema version it states */
    ? g_strdup_printf (_("Every Eval Ever (schema %s)"), schema)
    : g_strdup (_("Every Eval Ever"));

  if (JSON_NODE_HOLDS_OBJECT (root))
    return read_eee_document (self, json_node_get_object (root), "", 1, error);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("[%u].", i);
      JsonObject *doc = json_node_get_object (json_array_get_element (json_node_get_array (root), i));

      if (!read_eee_document (self, doc, prefix, i + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- the reader ---- */

static void
lb_results_reader_finalize (GObject *object)
{
  LbResultsReader *self = LB_RESULTS_READER (object);

  g_free (self->display_name);
  lb_csv_dialect_clear (&self->dialect);
  g_free (self->format_label);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->benchmarks, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->nonfinite, g_hash_table_unref);

  G_OBJECT_CLASS (lb_results_reader_parent_class)->finalize (object);
}

static void
lb_results_reader_class_init (LbResultsReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_results_reader_finalize;
}

static void
lb_results_reader_init (LbResultsReader *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->benchmarks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) lb_benchmark_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  self->nonfinite = g_hash_table_new (NULL, NULL);
}

static gboolean
parse (LbResultsReader  *self,
       GBytes           *bytes,
       GError          **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (NullKind));
  g_autoptr(GString) text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) nulls = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gboolean ok;

  self->dialect.encoding = g_strdup (LB_ENCODING_UTF8);
  self->dialect.delimiter = ',';
  self->dialect.decimal_separator = '.';
  self->dialect.header_record = 1;
  self->dialect.line_ending = "LF";
  self->dialect.size_bytes = len;
  self->dialect.sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (data == NULL)
    data = "";
  if (!g_utf8_validate (data, (gssize) len, NULL))
    {
      g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_MALFORMED,
                   _("“%s” starts like a JSON file but is not valid UTF-8 text, so it cannot be "
                     "read. Nothing was imported. Save the results again as UTF-8."),
                   self->display_name);
      return FALSE;
    }
  text = replace_nonfinite (data, len, kinds);
  if (!json_parser_load_from_data (parser, text->str, (gssize) text->len, &local_error)
      || json_parser_get_root (parser) == NULL)
    {
      g_autofree char *where = NULL;
      /* json-glib may quote the bad bytes (a lone surrogate): the message stays UTF-8. */
      g_autofree char *valid = local_error != NULL ? g_utf8_make_valid (local_error->message, -1) : NULL;
      const char *message = valid;
      guint line = 0, character = 0;
      int used = 0;

      /* json-glib says "<data>:4:33: Parse error: …": the line and character, in words. */
      if (message != NULL && sscanf (message, "<data>:%u:%u: %n", &line, &character, &used) == 2
          && used > 0)
        where = g_strdup_printf (_("line %u, character %u: %s"), line, character, message + used);
      g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_MALFORMED,
                   _("“%s” is not valid JSON (%s). It may be cut off or damaged. Nothing was "
                     "imported. Write or download the file again, then import it."),
                   self->display_name,
                   where != NULL ? where : message != NULL ? message : _("the file is empty"));
      return FALSE;
    }
  root = json_parser_get_root (parser);

  /* Which nulls were NaN: the text's nulls and the tree's, both in order. Should they not
   * match (a member given twice), any null may have been NaN, and every one says so. */
  collect_nulls (root, nulls);
  for (guint i = 0; i < kinds->len; i++)
    self->any_nonfinite |= g_array_index (kinds, NullKind, i) != NULL_GENUINE;
  if (nulls->len == kinds->len)
    {
      for (guint i = 0; i < nulls->len; i++)
        if (g_array_index (kinds, NullKind, i) != NULL_GENUINE)
          g_hash_table_insert (self->nonfinite, g_ptr_array_index (nulls, i),
                               GINT_TO_POINTER (g_array_index (kinds, NullKind, i)));
    }
  else
    self->all_null_nonfinite = self->any_nonfinite;

  if (is_eee (root))
    ok = read_eee (self, root, error);
  else if (is_lm_eval (root))
    ok = read_lm_eval (self, json_node_get_object (root), error);
  else if (is_arena (root))
    ok = read_arena (self, json_node_get_object (root), error);
  else
    {
      g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_UNKNOWN,
                   _("“%s” is JSON, but not a result file Leaderboard can read. It reads "
                     "lm-evaluation-harness results (with “results” and “lm_eval_version”), Arena "
                     "leaderboards ({category: {model: {rating, rating_q025, rating_q975}}}) and "
                     "Every Eval Ever documents (with “model_info” and “evaluation_results”), as "
                     "well as CSV files and Excel workbooks. Nothing was imported."),
                   self->display_name);
      return FALSE;
    }
  /* The nodes go with the parser. */
  g_hash_table_remove_all (self->nonfinite);
  if (!ok)
    return FALSE;
  if (self->rows->len == 0)
    {
      g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_EMPTY,
                   _("“%s” is a file of %s but holds no scores. Nothing was imported."),
                   self->display_name, self->format_label);
      return FALSE;
    }

  /* The columns some result has a value for. */
  for (guint c = 1; c <= LB_RESULTS_N_COLUMNS; c++)
    {
      gboolean used = c == LB_RESULTS_COLUMN_MODEL || c == LB_RESULTS_COLUMN_BENCHMARK
                      || c == LB_RESULTS_COLUMN_SCORE;

      for (guint i = 0; !used && i < self->rows->len; i++)
        used = ((Row *) g_ptr_array_index (self->rows, i))->fields[c - 1] != NULL;
      self->out_column[c] = used ? ++self->n_out : 0;
    }
  if (self->stderr_derived)
    g_ptr_array_add (self->warnings,
                     lb_warning_new_coded (0, self->out_column[LB_RESULTS_COLUMN_STDERR],
                                           "results.stderr-from-interval",
                                           (const char * const[]) { self->display_name, NULL }));
  return TRUE;
}

static LbResultsReader *
reader_new (GBytes      *bytes,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(LbResultsReader) self = g_object_new (LB_TYPE_RESULTS_READER, NULL);

  self->display_name = g_strdup (display_name);
  if (!parse (self, bytes, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The whole of @file, at most LB_RESULTS_MAX_SIZE bytes. */
static GBytes *
read_file (GFile         *file,
           const char    *display_name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, &local_error);
  g_autoptr(GByteArray) data = NULL;
  guint8 *buffer;

  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_IO, _("%s cannot be opened: %s"),
                     display_name, local_error->message);
      return NULL;
    }
  data = g_byte_array_new ();
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          g_free (buffer);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_IO, _("%s cannot be read: %s"),
                         display_name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (guint64) n > LB_RESULTS_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (LB_RESULTS_MAX_SIZE);

          g_free (buffer);
          g_set_error (error, LB_RESULTS_ERROR, LB_RESULTS_ERROR_TOO_LARGE,
                       _("“%s” is larger than %s, more than a result file holds. Nothing was "
                         "imported."),
                       display_name, limit);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  g_free (buffer);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* ---- public API ---- */

gboolean
lb_results_looks_like_json (const guint8 *data,
                            gsize         len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len)
    return FALSE;
  if (data[i] == '{')
    return TRUE;
  if (data[i] != '[')
    return FALSE;
  for (i++; i < len && g_ascii_isspace (data[i]); i++)
    ;
  return i < len && (data[i] == '{' || data[i] == '[' || data[i] == ']');
}

LbResultsReader *
lb_results_reader_new (GFile         *file,
                       const char    *display_name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *base = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = base = g_file_get_basename (file);
  bytes = read_file (file, display_name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return reader_new (bytes, display_name, error);
}

LbResultsReader *
lb_results_reader_new_from_bytes (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return reader_new (bytes, display_name != NULL ? display_name : "", error);
}

LbResultsFormat
lb_results_reader_get_format (LbResultsReader *self)
{
  g_return_val_if_fail (LB_IS_RESULTS_READER (self), LB_RESULTS_FORMAT_LM_EVAL);

  return self->format;
}

const char *
lb_results_reader_get_format_label (LbResultsReader *self)
{
  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);

  return self->format_label;
}

const LbCsvDialect *
lb_results_reader_get_dialect (LbResultsReader *self)
{
  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);

  return &self->dialect;
}

/* A record in one block, as the CSV reader's: its fields and details point into it. */
static LbCsvRecord *
new_record (guint               number,
            guint               n,
            const char * const *fields,
            const char * const *details)
{
  gsize head = sizeof (LbCsvRecord) + (n + 1) * sizeof (char *) * (details != NULL ? 2 : 1);
  gsize total = head;
  LbCsvRecord *record;
  char *text;

  for (guint i = 0; i < n; i++)
    {
      total += strlen (fields[i] != NULL ? fields[i] : "") + 1;
      if (details != NULL && details[i] != NULL)
        total += strlen (details[i]) + 1;
    }
  record = g_malloc (total);
  record->record = number;
  record->line = number;
  record->n_fields = n;
  record->fields = (char **) (gpointer) (record + 1);
  record->details = details != NULL ? record->fields + n + 1 : NULL;
  text = (char *) record + head;
  for (guint i = 0; i < n; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gsize size = strlen (field) + 1;

      memcpy (text, field, size);
      record->fields[i] = text;
      text += size;
      if (details == NULL)
        continue;
      if (details[i] == NULL)
        {
          record->details[i] = NULL;
          continue;
        }
      size = strlen (details[i]) + 1;
      memcpy (text, details[i], size);
      record->details[i] = text;
      text += size;
    }
  record->fields[n] = NULL;
  if (details != NULL)
    record->details[n] = NULL;
  return record;
}

LbCsvRecord *
lb_results_reader_next (LbResultsReader  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  const char *fields[LB_RESULTS_N_COLUMNS] = { NULL };
  const char *details[LB_RESULTS_N_COLUMNS] = { NULL };
  guint number;

  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (self->next > self->rows->len)
    return NULL;
  number = ++self->next;
  if (number == 1)
    {
      /* Names the importer knows for these roles, in either language. */
      const char *headers[LB_RESULTS_N_COLUMNS] = {
        C_("results column", "Model"),
        C_("results column", "Developer"),
        C_("results column", "Benchmark"),
        C_("results column", "Score"),
        C_("results column", "Standard error"),
        C_("results column", "Evaluation date"),
      };

      for (guint c = 1; c <= LB_RESULTS_N_COLUMNS; c++)
        if (self->out_column[c] != 0)
          fields[self->out_column[c] - 1] = headers[c - 1];
      return new_record (1, self->n_out, fields, NULL);
    }
  {
    Row *row = g_ptr_array_index (self->rows, number - 2);

    for (guint c = 1; c <= LB_RESULTS_N_COLUMNS; c++)
      if (self->out_column[c] != 0)
        fields[self->out_column[c] - 1] = row->fields[c - 1];
    details[self->out_column[LB_RESULTS_COLUMN_SCORE] - 1] = row->detail;
    return new_record (number, self->n_out, fields, details);
  }
}

const LbBenchmark *
lb_results_reader_get_benchmark (LbResultsReader *self,
                                 const char      *name)
{
  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->benchmarks, name);
}

void
lb_results_reader_count_directions (LbResultsReader *self,
                                    guint           *stated,
                                    guint           *total)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (LB_IS_RESULTS_READER (self));
  g_return_if_fail (stated != NULL && total != NULL);

  *stated = 0;
  *total = g_hash_table_size (self->benchmarks);
  g_hash_table_iter_init (&iter, self->benchmarks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *stated += ((const LbBenchmark *) value)->direction_confirmed;
}

const char *
lb_results_reader_get_missing_reason (LbResultsReader *self,
                                      guint            record,
                                      guint            column)
{
  Row *row;

  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);

  if (record < 2 || record - 2 >= self->rows->len || column == 0
      || column != self->out_column[LB_RESULTS_COLUMN_SCORE])
    return NULL;
  row = g_ptr_array_index (self->rows, record - 2);
  return row->missing_reason;
}

const char *
lb_results_reader_get_path (LbResultsReader *self,
                            guint            record,
                            guint            column)
{
  Row *row;

  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);

  if (record < 2 || record - 2 >= self->rows->len || column == 0)
    return NULL;
  row = g_ptr_array_index (self->rows, record - 2);
  for (guint c = 1; c <= LB_RESULTS_N_COLUMNS; c++)
    if (self->out_column[c] == column)
      return row->paths[c - 1];
  return NULL;
}

GPtrArray *
lb_results_reader_get_warnings (LbResultsReader *self)
{
  g_return_val_if_fail (LB_IS_RESULTS_READER (self), NULL);

  return self->warnings;
}

gboolean
lb_results_reader_is_file (LbResultsReader  *self,
                           GFile            *file,
                           gboolean         *same,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (LB_IS_RESULTS_READER (self), FALSE);
  g_return_val_if_fail (same != NULL, FALSE);

  bytes = read_file (file, self->display_name, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  *same = g_bytes_get_size (bytes) == self->dialect.size_bytes
          && g_strcmp0 (sha256, self->dialect.sha256) == 0;
  return TRUE;
}

double
lb_results_reader_get_progress (LbResultsReader *self)
{
  g_return_val_if_fail (LB_IS_RESULTS_READER (self), 0.0);

  return (double) self->next / (self->rows->len + 1);
}
