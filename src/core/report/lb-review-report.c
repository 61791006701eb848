/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-review-report.c: assembling the review report from the store */

#define G_LOG_DOMAIN "lb-review-report"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-compare.h"
#include "lb-review-report.h"
#include "lb-changes.h"
#include "lb-smells.h"
#include "lb-cell-ref.h"
#include "lb-warning.h"

/* Benchmark columns per comparison table: more would squeeze the numbers unreadably. */
#define BENCHMARKS_PER_TABLE 5
#define ANSWER_LINES 4
#define WARNINGS_LISTED 5

struct _LbReviewReportOptions {
  GArray          *models;          /* of gint64 */
  char            *profile;
  char            *prepared_by;
  gint64           baseline;
  LbNormalization  normalization;
  gboolean         include_partial;
  LbCompareOptions *compare;        /* exactly these when set */
};

typedef struct {
  LbStore                     *store;
  const LbReviewReportOptions *options;
  LbReport                    *report;
  guint                        section;
  GDate                        today;

  LbLeaderboard               *leaderboard;
  GPtrArray                   *benchmarks;     /* of LbBenchmark*, by position */
  GPtrArray                   *models;         /* of LbModel*, by name */
  GPtrArray                   *chosen;         /* of LbModel*, borrowed */
  GPtrArray                   *current;        /* of LbResult* */
  GPtrArray                   *all_results;    /* of LbResult*, oldest first */
  GPtrArray                   *imports;        /* of LbImport*, oldest first */
  GPtrArray                   *gaps;           /* of LbGap* */
  GPtrArray                   *smells;         /* of LbSmell*, as stored */
  GPtrArray                   *checklist;      /* of LbSmell*, with today's checks merged in */
  GPtrArray                   *reviews;        /* of LbReview* */
  const LbProfile             *profile;        /* borrowed from profiles or the options, or NULL */
  GPtrArray                   *profiles;       /* of LbProfile* */
  GHashTable                  *imports_by_id;  /* import id → LbImport*, borrowed */
  GHashTable                  *cells;          /* "model:benchmark" → current LbResult*, borrowed */
  gboolean                     has_hand_values;
  LbComparison                *comparison;     /* as compared, or NULL with fewer than two models */
  GPtrArray                   *long_evidence;  /* of const LbSmell*, borrowed: cut in the checklist, in full in the appendix */
  GPtrArray                   *cited_paths;    /* of CitedPath*: values of result files the report cites */
  GHashTable                  *cited_seen;     /* "import:model:benchmark:path" of cited_paths */
} Builder;

/* A value of a result file (JSON) the report cites by its import's key alone, [3]: the file has
 * no cells, so Provenance lists where in it each such value is. */
typedef struct {
  gint64  import_id;
  gint64  model_id;
  gint64  benchmark_id;
  char   *path;
} CitedPath;

static void
cited_path_free (CitedPath *cited)
{
  g_free (cited->path);
  g_free (cited);
}

/* ---- small helpers ---- */

static const char *
list_separator (void)
{
  /* TRANSLATORS: between the items of a list in a sentence; Japanese uses "、" */
  return C_("list separator", ", ");
}

static char *
join_list (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, list_separator ());
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_date (const char *iso,
            GDate      *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (strlen (iso) > 10)
    {
      /* A moment (stored in UTC) falls on the reader's local day. */
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (iso, utc);

      if (moment != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (moment);

          y = g_date_time_get_year (local);
          m = g_date_time_get_month (local);
          d = g_date_time_get_day_of_month (local);
        }
    }
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The date as the report writes it; the text itself when it is not a date, NULL for NULL. */
static char *
format_date (const char *iso)
{
  char *text = lb_report_format_date (iso);

  return text != NULL ? text : g_strdup (iso);
}

static char *
format_gdate (const GDate *date)
{
  g_autofree char *iso = date_to_iso (date);

  return format_date (iso);
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
cell_key (gint64      model_id,
          gint64      benchmark_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, model_id, benchmark_id);
}

/* "[2:C14]": import 2 of the provenance list (the import's own number, as History, Results
 * and the CLI print it), cell C14; "[3]" for a value of a result file, whose place in the file
 * Provenance then lists (by the result's model and benchmark); "[H]" for a value typed in by
 * hand or of an import not listed. */
static char *
source_ref (Builder        *b,
            const LbResult *result)
{
  gint64 key = g_hash_table_contains (b->imports_by_id, &result->import_id) ? result->import_id : 0;

  if (key != 0 && result->source_path != NULL)
    {
      char *seen = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                    key, result->model_id, result->benchmark_id, result->source_path);

      if (g_hash_table_add (b->cited_seen, seen))
        {
          CitedPath *cited = g_new0 (CitedPath, 1);

          cited->import_id = key;
          cited->model_id = result->model_id;
          cited->benchmark_id = result->benchmark_id;
          cited->path = g_strdup (result->source_path);
          g_ptr_array_add (b->cited_paths, cited);
        }
    }
  return lb_cell_key (key, result->source_row, result->source_column, result->source_path);
}

/* The value as the sheet showed it, with where it came from. */
static char *
value_text (Builder        *b,
            const LbResult *result,
            gboolean        with_source)
{
  g_autofree char *ref = NULL;
  g_autofree char *number = NULL;
  const char *shown = empty_to_null (result->raw);

  if (shown == NULL)
    shown = number = g_strdup_printf ("%g", result->score);
  if (!with_source)
    return g_strdup (shown);
  ref = source_ref (b, result);
  return g_strdup_printf ("%s %s", shown, ref);
}

static const LbResult *
current_result (Builder *b,
                gint64   model_id,
                gint64   benchmark_id)
{
  g_autofree char *key = cell_key (model_id, benchmark_id);

  return g_hash_table_lookup (b->cells, key);
}

static void
add_section (Builder    *b,
             const char *title)
{
  g_autofree char *heading = g_strdup_printf ("%u  %s", ++b->section, title);

  lb_report_add_section (b->report, heading);
}

static gboolean
benchmark_in_comparison (const LbBenchmark *benchmark)
{
  return !benchmark->retired;
}

static char *
benchmark_header (const LbBenchmark *benchmark)
{
  /* ↑ higher is better, ↓ lower is better, ? while the direction is only guessed */
  return g_strdup_printf ("%s %s%s", benchmark->name, benchmark->higher_is_better ? "↑" : "↓",
                          benchmark->direction_confirmed ? "" : "?");
}

/* ---- loading ---- */

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->leaderboard, lb_leaderboard_free);
  g_clear_pointer (&b->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&b->models, g_ptr_array_unref);
  g_clear_pointer (&b->chosen, g_ptr_array_unref);
  g_clear_pointer (&b->long_evidence, g_ptr_array_unref);
  g_clear_pointer (&b->cited_paths, g_ptr_array_unref);
  g_clear_pointer (&b->cited_seen, g_hash_table_unref);
  g_clear_pointer (&b->current, g_ptr_array_unref);
  g_clear_pointer (&b->all_results, g_ptr_array_unref);
  g_clear_pointer (&b->imports, g_ptr_array_unref);
  g_clear_pointer (&b->gaps, g_ptr_array_unref);
  g_clear_pointer (&b->smells, g_ptr_array_unref);
  g_clear_pointer (&b->checklist, g_ptr_array_unref);
  g_clear_pointer (&b->reviews, g_ptr_array_unref);
  g_clear_pointer (&b->profiles, g_ptr_array_unref);
  g_clear_pointer (&b->imports_by_id, g_hash_table_unref);
  g_clear_pointer (&b->cells, g_hash_table_unref);
  g_clear_pointer (&b->comparison, lb_comparison_unref);
  g_clear_pointer (&b->report, lb_report_unref);
}

/* The stored checklist with today's automatic checks merged in as the Smells page would, but
 * without writing anything: verdicts stay, evidence is current. */
static gboolean
load_checklist (Builder  *b,
                GError  **error)
{
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *today = date_to_iso (&b->today);
  LbSmellOptions options;

  snapshot = lb_smell_snapshot_load (b->store, b->leaderboard->id, error);
  if (snapshot == NULL)
    return FALSE;
  lb_smell_options_init (&options);
  options.today = today;
  detections = lb_smells_detect (snapshot, &options);
  stored = lb_smell_checklist (b->smells, b->leaderboard->id);

  b->checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_smell_free);
  for (guint i = 0; i < stored->len; i++)
    {
      const LbSmell *item = g_ptr_array_index (stored, i);
      LbSmellKind kind;
      LbComponent component;

      if (!lb_smell_kind_from_string (item->smell, &kind) || item->component == NULL ||
          !lb_component_from_string (item->component, &component))
        {
          g_ptr_array_add (b->checklist, lb_smell_copy (item));
          continue;
        }
      g_ptr_array_add (b->checklist,
                       lb_smell_apply_detection (item, b->leaderboard->id, kind, component,
                                                 lb_detections_find (detections, kind, component)));
    }
  return TRUE;
}

/* The models chosen in the compare options as records, each checked to be the leaderboard's;
 * the profile is the options' own. */
static gboolean
load_compare_options (Builder  *b,
                      GError  **error)
{
  guint n_ids = 0;
  const gint64 *ids = lb_compare_options_get_models (b->options->compare, &n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      LbModel *found = NULL;

      for (guint j = 0; j < b->models->len && found == NULL; j++)
        if (((LbModel *) g_ptr_array_index (b->models, j))->id == ids[i])
          found = g_ptr_array_index (b->models, j);
      if (found == NULL)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                       _("The leaderboard “%s” has no model with id %" PRId64 ". "
                         "Choose models from the leaderboard’s list."),
                       b->leaderboard->name, ids[i]);
          return FALSE;
        }
      if (!g_ptr_array_find (b->chosen, found, NULL))
        g_ptr_array_add (b->chosen, found);
    }
  if (n_ids == 0)
    for (guint i = 0; i < b->models->len; i++)
      g_ptr_array_add (b->chosen, g_ptr_array_index (b->models, i));
  b->profile = lb_compare_options_get_profile (b->options->compare);
  return TRUE;
}

static gboolean
builder_load (Builder  *b,
              gint64    leaderboard_id,
              GError  **error)
{
  g_autoptr(GDateTime) now = lb_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  /* Today where the reader is: at 05:00 JST on 2 December the report is dated 2 December. */
  g_date_clear (&b->today, 1);
  g_date_set_dmy (&b->today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));

  b->leaderboard = lb_store_get_leaderboard (b->store, leaderboard_id, error);
  if (b->leaderboard == NULL)
    return FALSE;
  if ((b->benchmarks = lb_store_list_benchmarks (b->store, leaderboard_id, error)) == NULL ||
      (b->models = lb_store_list_models (b->store, leaderboard_id, error)) == NULL ||
      (b->current = lb_store_list_results (b->store, leaderboard_id, TRUE, error)) == NULL ||
      (b->all_results = lb_store_list_results (b->store, leaderboard_id, FALSE, error)) == NULL ||
      (b->imports = lb_store_list_imports (b->store, leaderboard_id, error)) == NULL ||
      (b->gaps = lb_store_list_gaps (b->store, leaderboard_id, error)) == NULL ||
      (b->smells = lb_store_list_smells (b->store, leaderboard_id, error)) == NULL ||
      (b->reviews = lb_store_list_reviews (b->store, leaderboard_id, error)) == NULL ||
      (b->profiles = lb_store_list_profiles (b->store, leaderboard_id, error)) == NULL)
    return FALSE;

  /* The store lists imports newest first; keys count from the oldest. */
  for (guint i = 0, j = b->imports->len; i + 1 < j; i++, j--)
    {
      gpointer tmp = b->imports->pdata[i];
      b->imports->pdata[i] = b->imports->pdata[j - 1];
      b->imports->pdata[j - 1] = tmp;
    }
  b->imports_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  b->cited_paths = g_ptr_array_new_with_free_func ((GDestroyNotify) cited_path_free);
  b->cited_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < b->imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (b->imports, i);

      g_hash_table_insert (b->imports_by_id, &import->id, import);
    }

  b->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < b->current->len; i++)
    {
      LbResult *result = g_ptr_array_index (b->current, i);

      g_hash_table_insert (b->cells, cell_key (result->model_id, result->benchmark_id), result);
      if (result->import_id == 0)
        b->has_hand_values = TRUE;
    }

  b->chosen = g_ptr_array_new ();
  if (b->options != NULL && b->options->compare != NULL)
    return load_compare_options (b, error) && load_checklist (b, error);
  if (b->options != NULL && b->options->models->len > 0)
    {
      for (guint i = 0; i < b->options->models->len; i++)
        {
          gint64 id = g_array_index (b->options->models, gint64, i);
          LbModel *found = NULL;

          for (guint j = 0; j < b->models->len && found == NULL; j++)
            if (((LbModel *) g_ptr_array_index (b->models, j))->id == id)
              found = g_ptr_array_index (b->models, j);
          if (found == NULL)
            {
              g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                           _("The leaderboard “%s” has no model with id %" PRId64 ". "
                             "Choose models from the leaderboard’s list."),
                           b->leaderboard->name, id);
              return FALSE;
            }
          if (!g_ptr_array_find (b->chosen, found, NULL))
            g_ptr_array_add (b->chosen, found);
        }
    }
  else
    {
      for (guint i = 0; i < b->models->len; i++)
        g_ptr_array_add (b->chosen, g_ptr_array_index (b->models, i));
    }

  if (b->options != NULL && b->options->profile != NULL)
    {
      for (guint i = 0; i < b->profiles->len && b->profile == NULL; i++)
        if (g_strcmp0 (((LbProfile *) g_ptr_array_index (b->profiles, i))->name,
                       b->options->profile) == 0)
          b->profile = g_ptr_array_index (b->profiles, i);
      if (b->profile == NULL)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autofree char *list = NULL;

          for (guint i = 0; i < b->profiles->len; i++)
            g_ptr_array_add (names, ((LbProfile *) g_ptr_array_index (b->profiles, i))->name);
          list = join_list (names);
          if (names->len > 0)
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                         _("The leaderboard “%s” has no decision profile named “%s”. "
                           "Its profiles are: %s."),
                         b->leaderboard->name, b->options->profile, list);
          else
            g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                         _("The leaderboard “%s” has no decision profile named “%s”; it has no "
                           "profiles yet. Leave the profile out to weigh every benchmark equally."),
                         b->leaderboard->name, b->options->profile);
          return FALSE;
        }
    }
  return load_checklist (b, error);
}

/* ---- 1. title block ---- */

/* Who prepared the report: the name given (Preferences, `report --author`), else the store's
 * user when it was set to a name, else the account's real name — never the login. NULL when
 * none is known. */
static const char *
prepared_by (Builder *b)
{
  const char *login = g_get_user_name ();
  const char *name = b->options != NULL ? empty_to_null (b->options->prepared_by) : NULL;

  if (name != NULL)
    return name;
  name = empty_to_null (lb_store_get_user (b->store));
  if (name != NULL && g_strcmp0 (name, login) != 0)
    return name;
  return lb_real_name ();
}

static void
add_title_block (Builder *b)
{
  g_autofree char *today = format_gdate (&b->today);
  const char *prepared_by_name = prepared_by (b);

  lb_report_add_title (b->report, _("Leaderboard review"));
  lb_report_add_key_value (b->report, _("Leaderboard"), b->leaderboard->name, NULL);
  lb_report_add_key_value (b->report, _("Date"), today, NULL);
  lb_report_add_key_value (b->report, _("Prepared by"), prepared_by_name,
                           _("No name set: enter yours in Preferences (Your name in reports), "
                             "or give leaderboard-cli report --author NAME."));
}

/* ---- 2. the record ---- */

static char *
cadence_text (Builder *b)
{
  const LbLeaderboard *lb = b->leaderboard;
  int days = lb->update_cadence_days;
  GDate due;
  g_autofree char *every = NULL;
  g_autofree char *when = NULL;

  if (days <= 0)
    return NULL;

  /* The same rule as the record page: from the last review, else from the creation. */
  if (!parse_date (lb->last_reviewed_at, &due) && !parse_date (lb->created_at, &due))
    due = b->today;
  g_date_add_days (&due, days);
  when = format_gdate (&due);

  every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day", "Every %d days", days), days);
  if (g_date_compare (&due, &b->today) < 0)
    /* TRANSLATORS: "Every 30 days — review overdue since 1 November 2026" */
    return g_strdup_printf (_("%s — review overdue since %s"), every, when);
  /* TRANSLATORS: "Every 30 days — next review due 28 December 2026" */
  return g_strdup_printf (_("%s — next review due %s"), every, when);
}

static void
add_record (Builder *b)
{
  const LbLeaderboard *lb = b->leaderboard;
  g_autofree char *cadence = cadence_text (b);
  g_autofree char *pattern = NULL;
  g_autofree char *reviewed = NULL;
  const char *not_recorded = _("Not recorded");
  const char *fields[] = { lb->purpose, lb->owner, lb->owner_contact, cadence, lb->workflow_pattern,
                           lb->evaluation_data, lb->procedure, lb->production_context };
  guint n_missing = 0;

  if (lb->workflow_pattern != NULL && lb_workflow_pattern_name (lb->workflow_pattern) != NULL)
    pattern = g_strdup_printf ("%s — %s", lb->workflow_pattern,
                               _(lb_workflow_pattern_name (lb->workflow_pattern)));
  else
    pattern = g_strdup (lb->workflow_pattern);
  if (lb->last_reviewed_at != NULL)
    reviewed = format_date (lb->last_reviewed_at);

  add_section (b, _("The record"));
  lb_report_add_key_value (b->report, _("Purpose"), lb->purpose, not_recorded);
  lb_report_add_key_value (b->report, _("Owner"), lb->owner, not_recorded);
  lb_report_add_key_value (b->report, _("Contact"), lb->owner_contact, not_recorded);
  lb_report_add_key_value (b->report, _("Update cadence"), cadence, not_recorded);
  lb_report_add_key_value (b->report, _("Workflow pattern"), pattern, not_recorded);
  lb_report_add_key_value (b->report, _("Evaluation data"), lb->evaluation_data, not_recorded);
  lb_report_add_key_value (b->report, _("Reproduction procedure"), lb->procedure, not_recorded);
  lb_report_add_key_value (b->report, _("Production context"), lb->production_context, not_recorded);
  lb_report_add_key_value (b->report, _("Last reviewed"), reviewed, _("Never"));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (empty_to_null (fields[i]) == NULL)
      n_missing++;
  if (n_missing > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u of %u fields of the record is not filled in. Missing "
                                      "documentation is the most frequent leaderboard smell.",
                                      "%u of %u fields of the record are not filled in. Missing "
                                      "documentation is the most frequent leaderboard smell.",
                                      n_missing),
                         n_missing, (guint) G_N_ELEMENTS (fields));
      lb_report_add_note (b->report, note);
    }
}

/* ---- 3. the comparison ---- */

static guint
model_coverage (Builder       *b,
                const LbModel *model,
                guint         *n_benchmarks)
{
  guint covered = 0, total = 0;

  for (guint i = 0; i < b->benchmarks->len; i++)
    {
      const LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);

      if (!benchmark_in_comparison (benchmark))
        continue;
      total++;
      if (current_result (b, model->id, benchmark->id) != NULL)
        covered++;
    }
  *n_benchmarks = total;
  return covered;
}

static char *
coverage_text (guint covered,
               guint total)
{
  /* TRANSLATORS: coverage of a model: benchmarks with a value out of those compared */
  return g_strdup_printf (_("%u of %u"), covered, total);
}

static int
compare_coverage_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  Builder *builder = user_data;
  const LbModel *ma = *(LbModel * const *) a;
  const LbModel *mb = *(LbModel * const *) b;
  guint total, ca = model_coverage (builder, ma, &total), cb = model_coverage (builder, mb, &total);

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (ma->name, mb->name);
}

/* Without a comparison (fewer than two models): every value as imported, nothing computed. */
static void
add_values (Builder *b)
{
  g_autoptr(GPtrArray) compared = g_ptr_array_new ();   /* LbBenchmark*, borrowed */
  g_autoptr(GPtrArray) models = g_ptr_array_copy (b->chosen, NULL, NULL);
  guint n_retired = 0;
  g_autofree char *intro = NULL;
  LbReportChart *chart;

  for (guint i = 0; i < b->benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);

      if (benchmark_in_comparison (benchmark))
        g_ptr_array_add (compared, benchmark);
      else
        n_retired++;
    }
  g_ptr_array_sort_with_data (models, compare_coverage_cb, b);

  intro = g_strdup_printf (_("%u of the leaderboard’s %u models are compared on %u benchmarks."),
                           models->len, b->models->len, compared->len);
  lb_report_add_paragraph (b->report, intro);
  if (n_retired > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u retired benchmark is left out.",
                                      "%u retired benchmarks are left out.", n_retired),
                         n_retired);
      lb_report_add_note (b->report, text);
    }
  if (b->profile != NULL)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *weights = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < b->profile->weights->len; i++)
        {
          const LbWeight *weight = g_ptr_array_index (b->profile->weights, i);
          g_ptr_array_add (parts, g_strdup_printf ("%s %g", weight->benchmark, weight->weight));
        }
      weights = join_list (parts);
      text = g_strdup_printf (_("Decision profile “%s”: %s."), b->profile->name,
                              parts->len > 0 ? weights : _("no weights"));
      lb_report_add_note (b->report, text);
    }
  lb_report_add_note (b->report,
                      _("A comparison needs at least two models, so no composite score is "
                        "computed: every value is shown as imported, and a missing value (—) is "
                        "neither filled in nor skipped."));

  if (models->len == 0 || compared->len == 0)
    {
      lb_report_add_paragraph (b->report, models->len == 0
                               ? _("There are no models to compare yet. Import a results file first.")
                               : _("There are no benchmarks to compare yet. Import a results file first."));
      return;
    }

  for (guint first = 0; first < compared->len; first += BENCHMARKS_PER_TABLE)
    {
      guint n = MIN (BENCHMARKS_PER_TABLE, compared->len - first);
      g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
      g_autofree double *widths = g_new (double, n + 2);
      LbReportTable *table;

      if (compared->len > BENCHMARKS_PER_TABLE)
        {
          g_autofree char *part =
            g_strdup_printf (_("Benchmarks %u–%u of %u"), first + 1, first + n, compared->len);
          lb_report_add_heading (b->report, part);
        }

      g_ptr_array_add (headers, g_strdup (_("Model")));
      g_ptr_array_add (headers, g_strdup (_("Coverage")));
      widths[0] = 2.0;
      widths[1] = 1.05;
      for (guint i = 0; i < n; i++)
        {
          g_ptr_array_add (headers, benchmark_header (g_ptr_array_index (compared, first + i)));
          widths[i + 2] = 1.3;
        }
      g_ptr_array_add (headers, NULL);

      table = lb_report_add_table (b->report, n + 2, (const char * const *) headers->pdata);
      lb_report_table_set_widths (table, widths);
      for (guint i = 1; i < n + 2; i++)
        lb_report_table_set_align (table, i, LB_REPORT_ALIGN_END);

      for (guint m = 0; m < models->len; m++)
        {
          const LbModel *model = g_ptr_array_index (models, m);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          guint total, covered = model_coverage (b, model, &total);

          g_ptr_array_add (cells, g_strdup (model->name));
          g_ptr_array_add (cells, coverage_text (covered, total));
          for (guint i = 0; i < n; i++)
            {
              const LbBenchmark *benchmark = g_ptr_array_index (compared, first + i);
              const LbResult *result = current_result (b, model->id, benchmark->id);

              g_ptr_array_add (cells, result != NULL ? value_text (b, result, TRUE) : g_strdup ("—"));
            }
          g_ptr_array_add (cells, NULL);
          lb_report_table_add_row (table, (const char * const *) cells->pdata);
        }
    }
  lb_report_add_note (b->report,
                      _("↑ higher is better, ↓ lower is better, ? direction not confirmed yet. "
                        "[2:C14] after a value: file [2] in the provenance list, cell C14 as Excel "
                        "shows it. — no value."));

  lb_report_add_heading (b->report, _("Coverage: benchmarks with a value"));
  chart = lb_report_add_bar_chart (b->report);
  for (guint m = 0; m < models->len; m++)
    {
      const LbModel *model = g_ptr_array_index (models, m);
      guint total, covered = model_coverage (b, model, &total);
      g_autofree char *text = coverage_text (covered, total);

      lb_report_chart_add_bar (chart, model->name, total > 0 ? (double) covered / total : NAN, text);
    }
}

/* Models named in a remark before the rest are counted. */
#define REMARK_NAMES 4

/* The models in the order the report shows them: ranked first, best first, then the rest. */
static GArray *
comparison_order (const LbComparison *c)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), c->n_models);
  g_autofree gboolean *ranked = g_new0 (gboolean, c->n_models + 1);

  for (guint i = 0; i < c->n_ranked; i++)
    {
      g_array_append_val (order, c->ranking[i]);
      ranked[c->ranking[i]] = TRUE;
    }
  for (guint m = 0; m < c->n_models; m++)
    if (!ranked[m])
      g_array_append_val (order, m);
  return order;
}

/* The most models the report lists in its ranking, chart and scores (the baseline included):
 * every model of a department's sheet (60 × 40 is a large one), not 20,000. */
#define REPORT_MAX_MODELS 100

/* "1–3" for a rank range (docs/compare.md), "2" for a clear rank, "—" without a composite. */
static char *
rank_text (const LbCompareModel *model)
{
  return lb_compare_format_rank (model);
}

static char *
composite_text (const LbCompareModel *model)
{
  g_autofree char *value = NULL;

  if (!model->has_composite)
    return g_strdup ("—");
  value = lb_compare_format_composite (model->composite);
  if (model->has_composite_stderr)
    {
      g_autofree char *se = lb_compare_format_composite (model->composite_stderr);
      return g_strdup_printf ("%s ± %s", value, se);
    }
  return g_steal_pointer (&value);
}

/* "NAME (baseline)" with the mark on a line of its own, so that it is never cut inside
 * (「基/準」). */
static char *
baseline_label (const char *name)
{
  g_autofree char *text = g_strdup_printf (_("%s (baseline)"), name);
  gsize len = strlen (name);

  if (g_str_has_prefix (text, name) && text[len] == ' ')
    text[len] = '\n';
  return g_steal_pointer (&text);
}

static char *
model_remark (const LbComparison *c,
              guint               m)
{
  const LbCompareModel *model = &c->models[m];
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (model->baseline)
    g_ptr_array_add (parts, g_strdup (_("baseline")));
  if (model->partial)
    g_ptr_array_add (parts, g_strdup (c->include_partial
                                      ? _("partial: its composite is over its own benchmarks")
                                      : _("lacks a value on some benchmarks")));
  if (model->has_composite)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *list = NULL;
      guint n_more = 0;

      /* Every model it cannot be told apart from, in the ranking's order. */
      for (guint i = 0; i < c->n_ranked; i++)
        {
          guint o = c->ranking[i];

          if (o == m || lb_compare_models_distinguishable (model, &c->models[o]))
            continue;
          if (names->len < REMARK_NAMES)
            g_ptr_array_add (names, c->models[o].model->name);
          else
            n_more++;
        }
      if (names->len > 0)
        {
          list = join_list (names);
          /* TRANSLATORS: the difference to these models is within the uncertainty */
          g_ptr_array_add (parts, g_strdup_printf (_("not distinguishable from %s"), list));
          if (n_more > 0)
            g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more model",
                                                                  "and %u more models", n_more),
                                                     n_more));
        }
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/* ---- 2b. the method: which comparison, the weights, what the composite counts ---- */

/* Right under the ranking: a ranking on fewer than half of the benchmarks must not pass
 * unnoticed. */
static void
add_coverage_warning (Builder            *b,
                      const LbComparison *c)
{
  g_autofree char *warning = lb_comparison_dup_coverage_warning (c);

  if (warning != NULL)
    lb_report_add_paragraph (b->report, warning);
}

static char *
weight_text (double weight)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* As the profile was typed: 2, 0.5, 1.25 */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", weight));
}

static void
add_method (Builder            *b,
            const LbComparison *c)
{
  const char *headers[] = { _("Benchmark"), _("Weight"), _("Share"),
                            _("In the composite"), NULL };
  const double widths[] = { 1.6, 0.7, 1.0, 2.7 };
  g_autofree char *summary = lb_comparison_dup_summary (c);
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  g_autofree char *list = NULL;
  LbReportTable *table;
  double total = 0.0;
  guint n_retired = 0;

  lb_report_add_heading (b->report, C_("report heading", "Method"));
  {
    /* TRANSLATORS: the same line the print step shows: which comparison this report holds */
    g_autofree char *text = g_strdup_printf (_("This comparison: %s"), summary);
    lb_report_add_paragraph (b->report, text);
  }
  if (b->profile != NULL)
    {
      g_autofree char *text = NULL;

      if (empty_to_null (b->profile->description) != NULL)
        text = g_strdup_printf (_("The benchmarks are weighted by the decision profile “%s” (%s)."),
                                b->profile->name, b->profile->description);
      else
        text = g_strdup_printf (_("The benchmarks are weighted by the decision profile “%s”."),
                                b->profile->name);
      lb_report_add_paragraph (b->report, text);
    }
  else
    lb_report_add_paragraph (b->report,
                             _("No decision profile is used: every benchmark weighs 1."));

  for (guint r = 0; r < c->n_rows; r++)
    if (c->rows[r].in_composite)
      {
        total += c->rows[r].weight;
        g_ptr_array_add (counted, c->rows[r].benchmark->name);
      }

  table = lb_report_add_table (b->report, G_N_ELEMENTS (headers) - 1, headers);
  lb_report_table_set_widths (table, widths);
  lb_report_table_set_align (table, 1, LB_REPORT_ALIGN_END);
  lb_report_table_set_align (table, 2, LB_REPORT_ALIGN_END);
  for (guint r = 0; r < c->n_rows; r++)
    {
      const LbCompareRow *row = &c->rows[r];
      g_autofree char *weight = weight_text (row->weight);
      g_autofree char *share = NULL;
      g_autofree char *reason = lb_comparison_dup_left_out_reason (c, r);
      g_autofree char *in = NULL;

      if (row->in_composite && total > 0.0)
        share = g_strdup_printf ("%.0f%%", 100.0 * row->weight / total);
      else
        share = g_strdup ("—");
      if (reason == NULL)
        in = g_strdup (_("Yes"));
      else
        /* TRANSLATORS: "No: weight 0 in the decision profile …" */
        in = g_strdup_printf (_("No: %s"), reason);
      lb_report_table_add_row (table, (const char *[]) { row->benchmark->name, weight, share, in, NULL });
    }
  for (guint i = 0; i < b->benchmarks->len; i++)
    {
      const LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);
      gboolean compared = FALSE;
      g_autofree char *in = NULL;

      for (guint r = 0; r < c->n_rows && !compared; r++)
        compared = c->rows[r].benchmark->id == benchmark->id;
      if (compared)
        continue;
      n_retired++;
      in = g_strdup_printf (_("No: %s"), _("retired"));
      lb_report_table_add_row (table, (const char *[]) { benchmark->name, "—", "—", in, NULL });
    }

  list = join_list (counted);
  if (counted->len > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The composite counts %u of the %u benchmarks: %s.",
                                      "The composite counts %u of the %u benchmarks: %s.",
                                      c->n_rows + n_retired),
                         counted->len, c->n_rows + n_retired, list);
      lb_report_add_paragraph (b->report, text);
    }
  else
    lb_report_add_paragraph (b->report, _("The composite counts no benchmark, so no model is ranked."));
}

static gboolean
add_comparison (Builder  *b,
                GError  **error)
{
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) c = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) gap_notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *intro = NULL;
  const char *summary_headers[] = { _("Rank"), _("Model"), _("Coverage"), _("Composite"), _("Remark"), NULL };
  const double summary_widths[] = { 0.5, 2.0, 1.3, 1.1, 2.2 };
  LbReportTable *table;
  LbReportChart *chart = NULL;
  gboolean any_composite = FALSE;
  guint n_tables, per_table;
  guint n_unlisted = 0, n_best = 0;

  add_section (b, _("Comparison of the chosen models"));

  if (b->options != NULL && b->options->compare != NULL)
    options = lb_compare_options_copy (b->options->compare);
  else
    options = lb_compare_options_new ();
  if (b->options != NULL && b->options->compare == NULL)
    for (guint i = 0; i < b->options->models->len; i++)
      lb_compare_options_add_model (options, g_array_index (b->options->models, gint64, i));
  if (b->options == NULL || b->options->compare == NULL)
    lb_compare_options_set_profile (options, b->profile);
  if (b->options != NULL && b->options->compare == NULL)
    {
      lb_compare_options_set_baseline (options, b->options->baseline);
      lb_compare_options_set_normalization (options, b->options->normalization);
      lb_compare_options_set_include_partial (options, b->options->include_partial);
    }
  c = lb_compare (b->benchmarks, b->models, b->current, b->gaps, options, &local_error);
  if (c == NULL && g_error_matches (local_error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_TOO_FEW_MODELS))
    {
      add_values (b);
      return TRUE;
    }
  if (c == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  b->comparison = lb_comparison_ref (c);

  if (c->profile_name != NULL)
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of the leaderboard’s %u models are compared on %u "
                                          "benchmark, weighted by the decision profile “%s”.",
                                          "%u of the leaderboard’s %u models are compared on %u "
                                          "benchmarks, weighted by the decision profile “%s”.",
                                          c->n_rows),
                             c->n_models, b->models->len, c->n_rows, c->profile_name);
  else
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of the leaderboard’s %u models are compared on %u "
                                          "benchmark, every benchmark weighing the same.",
                                          "%u of the leaderboard’s %u models are compared on %u "
                                          "benchmarks, every benchmark weighing the same.",
                                          c->n_rows),
                             c->n_models, b->models->len, c->n_rows);
  lb_report_add_paragraph (b->report, intro);

  /* The ranking: a meeting reads the best ranked models, not thousands of them; those left
   * out are counted, and the baseline is always listed. */
  order = comparison_order (c);
  if (order->len > REPORT_MAX_MODELS)
    {
      gboolean baseline_listed = FALSE;

      n_unlisted = order->len - REPORT_MAX_MODELS;
      g_array_set_size (order, REPORT_MAX_MODELS);
      for (guint i = 0; i < order->len; i++)
        baseline_listed |= g_array_index (order, guint, i) == c->baseline;
      n_best = REPORT_MAX_MODELS;
      if (!baseline_listed)
        {
          g_array_index (order, guint, order->len - 1) = c->baseline;
          n_best--;
          n_unlisted++;
        }
    }
  table = lb_report_add_table (b->report, 5, summary_headers);
  lb_report_table_set_widths (table, summary_widths);
  lb_report_table_set_align (table, 0, LB_REPORT_ALIGN_END);
  lb_report_table_set_align (table, 3, LB_REPORT_ALIGN_END);
  for (guint i = 0; i < order->len; i++)
    {
      guint m = g_array_index (order, guint, i);
      g_autofree char *rank = rank_text (&c->models[m]);
      g_autofree char *coverage = lb_comparison_dup_model_coverage (c, m);
      g_autofree char *composite = composite_text (&c->models[m]);
      g_autofree char *remark = model_remark (c, m);

      lb_report_table_add_row (table, (const char *[]) { rank, c->models[m].model->name, coverage,
                                                         composite, remark, NULL });
    }
  if (n_unlisted > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more compared model is ranked but not listed in this report, "
                                      "which lists the %u best ranked (and the baseline, wherever it "
                                      "ranks) here, in the chart and in the scores. The full ranking is "
                                      "on the Compare page and in “leaderboard-cli compare --json”; "
                                      "choose fewer models to print them all.",
                                      "%u more compared models are ranked but not listed in this report, "
                                      "which lists the %u best ranked (and the baseline, wherever it "
                                      "ranks) here, in the chart and in the scores. The full ranking is "
                                      "on the Compare page and in “leaderboard-cli compare --json”; "
                                      "choose fewer models to print them all.",
                                      n_unlisted),
                         n_unlisted, n_best);

      lb_report_add_paragraph (b->report, text);
    }
  add_coverage_warning (b, c);
  if (c->coverage_text != NULL)
    lb_report_add_paragraph (b->report, c->coverage_text);
  if (c->robustness_text != NULL)
    lb_report_add_paragraph (b->report, c->robustness_text);
  if (c->uncertainty_text != NULL)
    lb_report_add_paragraph (b->report, c->uncertainty_text);

  /* A chart of nothing but "no composite" says less than the sentence above it. */
  for (guint m = 0; m < c->n_models && !any_composite; m++)
    any_composite = c->models[m].has_composite;
  if (any_composite)
    {
      const char *ticks[] = { "0", "0.25", "0.50", "0.75", "1", NULL };

      lb_report_add_heading (b->report, _("Composite score"));
      chart = lb_report_add_bar_chart (b->report);
      lb_report_chart_set_axis (chart, ticks,
                                c->has_uncertainty
                                ? _("The composite on a 0–1 scale (1 = best), rank before the name. "
                                    "Whiskers: ± one standard error. A bracket joins neighbours "
                                    "that cannot be told apart.")
                                : _("The composite on a 0–1 scale (1 = best), rank before the name. "
                                    "A bracket joins neighbours that cannot be told apart."));
    }
  for (guint i = 0; any_composite && i < order->len; i++)
    {
      guint m = g_array_index (order, guint, i);
      const LbCompareModel *model = &c->models[m];
      g_autofree char *value = NULL;
      g_autofree char *rank = rank_text (model);
      g_autofree char *label = NULL;

      if (model->has_composite)
        {
          value = composite_text (model);
          label = g_strdup_printf ("%s  %s", rank, model->model->name);
        }
      else
        {
          g_autofree char *coverage = lb_comparison_dup_model_coverage (c, m);
          /* TRANSLATORS: a bar of the chart for a model that has no composite */
          value = g_strdup_printf (_("no composite (%s)"), coverage);
          label = g_strdup (model->model->name);
        }
      lb_report_chart_add_bar_full (chart, label,
                                    model->has_composite ? model->composite : NAN,
                                    model->has_composite_stderr ? model->composite_stderr : NAN,
                                    model->has_composite ? model->tie_group : 0, value);
    }
  if (c->method_text != NULL)
    lb_report_add_note (b->report, c->method_text);
  for (guint i = 0; c->notes != NULL && i < c->notes->len; i++)
    lb_report_add_note (b->report, g_ptr_array_index (c->notes, i));

  add_method (b, c);

  /* The scores behind it, each with its source cell: one row per model, in the ranking's
   * order; wide comparisons page across the benchmarks in tables of equal size, the model
   * column repeated, each table's gap notes under it. */
  n_tables = (c->n_rows + BENCHMARKS_PER_TABLE - 1) / BENCHMARKS_PER_TABLE;
  per_table = n_tables > 0 ? (c->n_rows + n_tables - 1) / n_tables : 0;
  if (c->n_rows > 0)
    {
      lb_report_add_heading (b->report, _("Scores"));
      lb_report_add_note (b->report,
                          _("↑ higher is better, ↓ lower is better, ? direction not confirmed yet. "
                            "* best of the compared models. † not counted in the composite. "
                            "[2:C14] after a value: file [2] in the provenance list, cell C14 as Excel "
                            "shows it. — no value: nothing was imported, or the cell was empty (see the "
                            "numbered notes)."));
      lb_report_add_note (b->report,
                          _("79.1 ± 0.9: the score and its standard error. (+1.2 pt) the difference "
                            "to the baseline, in percentage points on a percent benchmark; n.d. not "
                            "distinguishable from the baseline: within two standard errors."));
    }
  for (guint first = 0; first < c->n_rows; first += per_table)
    {
      guint n = MIN (per_table, c->n_rows - first);
      g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
      g_autofree double *widths = g_new (double, n + 1);
      guint first_note = gap_notes->len;

      if (n_tables > 1)
        {
          g_autofree char *part =
            g_strdup_printf (_("Benchmarks %u–%u of %u"), first + 1, first + n, c->n_rows);
          lb_report_add_heading (b->report, part);
        }
      g_ptr_array_add (headers, g_strdup (_("Model")));
      widths[0] = 1.5;
      for (guint r = first; r < first + n; r++)
        {
          const LbCompareRow *row = &c->rows[r];
          g_autofree char *name = benchmark_header (row->benchmark);

          /* † not in the composite */
          g_ptr_array_add (headers, row->in_composite ? g_strdup (name) : g_strconcat (name, " †", NULL));
          widths[r - first + 1] = 1.3;
        }
      g_ptr_array_add (headers, NULL);
      table = lb_report_add_table (b->report, n + 1, (const char * const *) headers->pdata);
      lb_report_table_set_widths (table, widths);
      for (guint i = 1; i <= n; i++)
        lb_report_table_set_align (table, i, LB_REPORT_ALIGN_END);

      for (guint i = 0; i < order->len; i++)
        {
          guint m = g_array_index (order, guint, i);
          const LbCompareModel *model = &c->models[m];
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (cells, model->baseline ? baseline_label (model->model->name)
                                                  : g_strdup (model->model->name));
          for (guint r = first; r < first + n; r++)
            {
              const LbCompareRow *row = &c->rows[r];
              const LbCompareCell *cell = lb_comparison_get_cell (c, r, m);
              LbResult source = { 0 };
              g_autofree char *ref = NULL;

              source.model_id = model->model->id;
              source.benchmark_id = row->benchmark->id;
              source.import_id = cell->import_id;
              source.source_row = cell->source_row;
              source.source_column = cell->source_column;
              source.source_path = cell->source_path;
              if (cell->kind == LB_CELL_VALUE)
                {
                  g_autofree char *score = lb_compare_format_cell_score_stderr (row, cell);
                  GString *text = g_string_new (score);

                  ref = source_ref (b, &source);
                  g_string_append_printf (text, "%s %s", cell->best ? "*" : "", ref);
                  if (cell->has_difference && !cell->baseline)
                    {
                      const LbCompareCell *baseline = lb_comparison_get_cell (c, r, c->baseline);
                      g_autofree char *number = lb_compare_format_cell_difference (row, cell, baseline);
                      g_auto(GStrv) words = g_strsplit (number, " ", -1);
                      /* "+1.2 pt" is not cut between the number and its unit */
                      g_autofree char *diff = g_strjoinv ("\u00a0", words);

                      /* The difference on a line of its own under the score. */
                      g_string_append_c (text, '\n');
                      if (cell->significance == LB_SIGNIFICANCE_NOT_DISTINGUISHABLE)
                        /* TRANSLATORS: "n.d." abbreviates "not distinguishable", explained below the table */
                        g_string_append_printf (text, _(" (%s, n.d.)"), diff);
                      else
                        g_string_append_printf (text, " (%s)", diff);
                    }
                  g_ptr_array_add (cells, g_string_free (text, FALSE));
                }
              else if (cell->kind == LB_CELL_WITHDRAWN)
                {
                  LbResult was = { 0 };
                  g_autofree char *was_ref = NULL;
                  g_autofree char *was_score = lb_compare_format_score (row, cell->was_score);
                  g_autofree char *withdrawn = NULL;
                  guint note = gap_notes->len + 1;

                  was.import_id = cell->was_import_id;
                  was.source_row = cell->was_row;
                  was.source_column = cell->was_column;
                  ref = source_ref (b, &source);
                  was_ref = source_ref (b, &was);
                  /* TRANSLATORS: a cell the new version of the sheet left without a value:
                   * where ([file:cell]), the value it had and where that came from */
                  withdrawn = g_strdup_printf (_("— withdrawn in %s; was %s %s"), ref, was_score,
                                               was_ref);
                  g_ptr_array_add (gap_notes,
                                   g_strdup_printf (_("(%u) %s on %s: %s"), note,
                                                    c->models[m].model->name, row->benchmark->name,
                                                    withdrawn));
                  g_ptr_array_add (cells, g_strdup_printf ("%s (%u)", withdrawn, note));
                }
              else if (cell->kind == LB_CELL_GAP)
                {
                  guint note = gap_notes->len + 1;

                  ref = source_ref (b, &source);
                  /* TRANSLATORS: a note on a cell without a value: model, benchmark, why, and
                   * its source as [file:cell] */
                  g_ptr_array_add (gap_notes,
                                   g_strdup_printf (_("(%u) %s on %s: %s %s"), note,
                                                    model->model->name, row->benchmark->name,
                                                    lb_compare_cell_reason (cell), ref));
                  g_ptr_array_add (cells, g_strdup_printf ("— (%u)", note));
                }
              else
                g_ptr_array_add (cells, g_strdup ("—"));
            }
          g_ptr_array_add (cells, NULL);
          lb_report_table_add_row (table, (const char * const *) cells->pdata);
        }
      /* The notes of this table's empty cells, under it. */
      for (guint i = first_note; i < gap_notes->len; i++)
        lb_report_add_note (b->report, g_ptr_array_index (gap_notes, i));
    }
  return TRUE;
}

/* ---- 4. the smell checklist ---- */

#define EVIDENCE_LINES 5

static gboolean
item_unchecked (const LbSmell *item)
{
  return g_strcmp0 (item->status, "unchecked") == 0 && !item->detected;
}

static const char *
smell_label (const char *id)
{
  LbSmellKind kind;

  return lb_smell_kind_from_string (id, &kind) ? lb_smell_kind_label (kind) : id;
}

static const char *
component_label (const char *id)
{
  LbComponent component;

  if (id == NULL)
    return "";
  return lb_component_from_string (id, &component) ? lb_component_label (component) : id;
}

static char *
status_text (const LbSmell *item)
{
  LbSmellStatus status = LB_SMELL_STATUS_UNCHECKED;
  const char *label;

  lb_smell_status_from_string (item->status, &status);
  label = lb_smell_status_label (status);
  if (item->needs_review)
    /* TRANSLATORS: a smell's status when new evidence appeared after the verdict */
    return g_strdup_printf (_("%s (review again: new evidence)"), label);
  if (item->detected && !lb_smell_has_verdict (item))
    /* TRANSLATORS: a smell's status found by the automatic checks, without a verdict yet */
    return g_strdup_printf (_("%s (detected, no verdict yet)"), label);
  return g_strdup (label);
}

/* The evidence as people read it, at most EVIDENCE_LINES lines; the rest is in the appendix,
 * item @appendix_number. */
static char *
evidence_text (const LbSmell *item,
               guint          appendix_number)
{
  g_autofree char *text = lb_smell_evidence_display (item);
  g_auto(GStrv) lines = NULL;
  GString *out;
  guint n;

  if (text == NULL)
    return g_strdup ("");
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  if (n <= EVIDENCE_LINES)
    return g_steal_pointer (&text);
  out = g_string_new (NULL);
  for (guint i = 0; i < EVIDENCE_LINES; i++)
    g_string_append_printf (out, "%s\n", lines[i]);
  /* TRANSLATORS: the second %u is the number of the item in the report's appendix */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "… and %u more (all of it in the appendix, A.%u).",
                                            "… and %u more (all of it in the appendix, A.%u).",
                                            n - EVIDENCE_LINES),
                          n - EVIDENCE_LINES, appendix_number);
  return g_string_free (out, FALSE);
}

static void
add_smells (Builder *b)
{
  const char *headers[] = { _("Smell"), _("Part"), _("Status"), _("Evidence"), _("Note"), NULL };
  const double widths[] = { 1.1, 1.0, 1.05, 3.0, 1.35 };
  LbReportTable *table = NULL;
  LbSmellCounts counts;
  g_autofree char *summary = NULL;
  guint n_unchecked_smells = 0;

  add_section (b, _("Smell checklist"));
  lb_report_add_note (b->report,
                      _("The leaderboard smells of the LBOps study (Zhao et al., IEEE TSE 2025): "
                        "problems that make a leaderboard’s results hard to trust or use. The "
                        "automatic checks ran when this report was made; a reviewer’s verdict is "
                        "never replaced by them."));

  lb_smell_count (b->checklist, &counts);
  summary = g_strdup_printf (_("%u items (each smell for each part of the leaderboard): %u present, "
                               "%u mitigated, %u accepted, %u absent, %u unchecked."),
                             counts.total, counts.present, counts.mitigated, counts.accepted,
                             counts.absent, counts.unchecked);
  lb_report_add_paragraph (b->report, summary);

  for (guint i = 0; i < b->checklist->len; i++)
    {
      const LbSmell *item = g_ptr_array_index (b->checklist, i);
      g_autofree char *status = NULL;
      g_autofree char *evidence = NULL;

      if (item_unchecked (item))
        continue;
      if (table == NULL)
        {
          table = lb_report_add_table (b->report, 5, headers);
          lb_report_table_set_widths (table, widths);
        }
      status = status_text (item);
      evidence = evidence_text (item, b->long_evidence->len + 1);
      if (strstr (evidence, "\n…") != NULL || g_str_has_prefix (evidence, "…"))
        g_ptr_array_add (b->long_evidence, (gpointer) item);
      lb_report_table_add_row (table, (const char *[]) { smell_label (item->smell),
                                                         component_label (item->component),
                                                         status, evidence,
                                                         item->note != NULL ? item->note : "",
                                                         NULL });
    }
  if (table == NULL)
    lb_report_add_paragraph (b->report, _("Nothing has been found or checked yet."));

  /* What nobody has looked at, plainly, one line per smell. */
  for (guint s = 0; s < LB_N_SMELLS; s++)
    {
      const char *id = lb_smell_kind_to_string (s);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      guint total = 0;

      for (guint i = 0; i < b->checklist->len; i++)
        {
          const LbSmell *item = g_ptr_array_index (b->checklist, i);

          if (g_strcmp0 (item->smell, id) != 0)
            continue;
          total++;
          if (item_unchecked (item))
            g_ptr_array_add (parts, (gpointer) (item->component != NULL
                                                ? component_label (item->component)
                                                : _("the leaderboard as a whole")));
        }
      if (parts->len == 0)
        continue;
      if (n_unchecked_smells++ == 0)
        lb_report_add_heading (b->report, _("Not checked yet"));
      if (parts->len == total)
        lb_report_add_key_value (b->report, lb_smell_kind_label (s), _("every part"), NULL);
      else
        {
          g_autofree char *list = join_list (parts);
          lb_report_add_key_value (b->report, lb_smell_kind_label (s), list, NULL);
        }
    }
  if (n_unchecked_smells == 0)
    lb_report_add_paragraph (b->report, _("Every item of the checklist has been looked at."));
}

/* The evidence the checklist had to cut, in full: the report says everything the app knows,
 * never "see the app". */
static void
add_evidence_appendix (Builder *b)
{
  if (b->long_evidence->len == 0)
    return;
  lb_report_add_section (b->report, _("Appendix: the evidence in full"));
  for (guint i = 0; i < b->long_evidence->len; i++)
    {
      const LbSmell *item = g_ptr_array_index (b->long_evidence, i);
      g_autofree char *text = lb_smell_evidence_display (item);
      g_autofree char *heading = g_strdup_printf ("A.%u  %s — %s", i + 1, smell_label (item->smell),
                                                  item->component != NULL
                                                  ? component_label (item->component)
                                                  : _("the leaderboard as a whole"));
      g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

      lb_report_add_heading (b->report, heading);
      for (guint l = 0; lines[l] != NULL; l++)
        if (*lines[l] != '\0')
          lb_report_add_note (b->report, lines[l]);
    }
}

/* ---- 5. changes since the last review ---- */

static const char *
import_date (Builder *b,
             gint64   import_id)
{
  LbImport *import = g_hash_table_lookup (b->imports_by_id, &import_id);

  return import != NULL ? import->imported_at : NULL;
}

static void
add_changes (Builder *b)
{
  const char *since = b->leaderboard->last_reviewed_at;
  g_autofree char *since_text = NULL;
  g_autoptr(GPtrArray) new_models = g_ptr_array_new ();
  g_autoptr(GPtrArray) removed_models = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_imports = g_ptr_array_new_with_free_func (g_free);
  LbReportTable *table = NULL;
  const char *headers[] = { _("Model"), _("Benchmark"), _("At the last review"), _("Now"), NULL };
  const double widths[] = { 1.6, 1.4, 1.3, 1.3 };
  g_autofree char *since_day = NULL;

  add_section (b, _("What changed since the last review"));
  if (since == NULL)
    {
      lb_report_add_paragraph (b->report,
                               _("This leaderboard has not been reviewed before, so there is no "
                                 "earlier state to compare with: everything in this report is new "
                                 "to the meeting."));
      return;
    }

  since_text = format_date (since);
  /* A review on a day counts the whole day: imports on that day were seen. */
  since_day = strlen (since) == 10 ? g_strconcat (since, "T23:59:59Z", NULL) : g_strdup (since);

  {
    g_autofree char *text = g_strdup_printf (_("Last reviewed on %s."), since_text);
    lb_report_add_paragraph (b->report, text);
  }
  if (b->reviews->len > 0)
    {
      const LbReview *review = g_ptr_array_index (b->reviews, b->reviews->len - 1);
      g_autofree char *held = format_date (review->held_at);
      g_autofree char *text = g_strdup_printf (_("Decision at the review of %s (%s): %s"),
                                               held != NULL ? held : "?",
                                               review->reviewer != NULL ? review->reviewer : "?",
                                               review->decision != NULL ? review->decision : "—");
      lb_report_add_note (b->report, text);
    }

  for (guint i = 0; i < b->imports->len; i++)
    {
      const LbImport *import = g_ptr_array_index (b->imports, i);

      if (import->imported_at != NULL && strcmp (import->imported_at, since_day) > 0)
        {
          g_autofree char *key = lb_cell_key (import->id, 0, 0, NULL);

          g_ptr_array_add (new_imports, g_strdup_printf ("%s %s", key, import->file_name));
        }
    }

  /* The state after the newest import made by the review, replayed, against now: a new
   * version of the sheet withdraws values and stops listing models (lb-changes). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) changes = lb_changes_since (b->store, b->leaderboard->id, since, NULL,
                                                     &error);
    g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) added_benchmarks = g_ptr_array_new ();
    g_autoptr(GPtrArray) gone_benchmarks = g_ptr_array_new ();
    g_autofree char *imports = join_list (new_imports);
    g_autofree char *added = NULL;
    g_autofree char *removed = NULL;
    g_autofree char *version_text = NULL;
    g_autofree char *added_text = NULL;
    g_autofree char *gone_text = NULL;

    lb_report_add_key_value (b->report, _("Files imported since"), imports, _("None"));
    if (changes == NULL)
      {
        lb_report_add_paragraph (b->report, error->message);
        return;
      }
    for (guint i = 0; i < changes->len; i++)
      {
        const LbChange *c = g_ptr_array_index (changes, i);

        if (c->kind == LB_CHANGE_NEW_MODEL)
          g_ptr_array_add (new_models, c->model);
        else if (c->kind == LB_CHANGE_UNLISTED)
          g_ptr_array_add (removed_models, c->model);
        else if (c->kind == LB_CHANGE_VERSION)
          /* TRANSLATORS: a model's version change: "GPT-4o 2024-08-06 → 2024-11-20" */
          g_ptr_array_add (versions, g_strdup_printf (_("%s %s → %s"), c->model,
                                                      c->old_version != NULL ? c->old_version : "—",
                                                      c->new_version != NULL ? c->new_version : "—"));
        else if (c->kind == LB_CHANGE_BENCHMARK_ADDED)
          g_ptr_array_add (added_benchmarks, c->benchmark);
        else if (c->kind == LB_CHANGE_BENCHMARK_GONE)
          g_ptr_array_add (gone_benchmarks, c->benchmark);
      }
    added = join_list (new_models);
    removed = join_list (removed_models);
    version_text = join_list (versions);
    added_text = join_list (added_benchmarks);
    gone_text = join_list (gone_benchmarks);
    lb_report_add_key_value (b->report, _("New models"), added, _("None"));
    lb_report_add_key_value (b->report, _("Models no longer listed"), removed, _("None"));
    lb_report_add_key_value (b->report, _("Version changes"), version_text, _("None"));
    lb_report_add_key_value (b->report, _("New benchmarks"), added_text, _("None"));
    lb_report_add_key_value (b->report, _("Benchmarks no longer in the sheet"), gone_text, _("None"));

    for (guint i = 0; i < changes->len; i++)
      {
        const LbChange *c = g_ptr_array_index (changes, i);
        g_autofree char *old_text = NULL;
        g_autofree char *now_text = NULL;

        if (c->kind != LB_CHANGE_VALUE && c->kind != LB_CHANGE_VALUE_ADDED
            && c->kind != LB_CHANGE_WITHDRAWN)
          continue;
        old_text = c->old_result != NULL ? value_text (b, c->old_result, TRUE) : g_strdup ("—");
        if (c->new_result != NULL)
          now_text = value_text (b, c->new_result, TRUE);
        else
          {
            LbResult where = { 0 };
            g_autofree char *ref = NULL;

            where.model_id = c->gap->model_id;
            where.benchmark_id = c->gap->benchmark_id;
            where.import_id = c->gap->import_id;
            where.source_row = c->gap->source_row;
            where.source_column = c->gap->source_column;
            where.source_path = c->gap->source_path;
            ref = source_ref (b, &where);
            /* TRANSLATORS: a value the new version of the sheet left without one, and where */
            now_text = g_strdup_printf (_("— withdrawn in %s"), ref);
          }
        if (table == NULL)
          {
            lb_report_add_heading (b->report, _("Changed values"));
            table = lb_report_add_table (b->report, 4, headers);
            lb_report_table_set_widths (table, widths);
            lb_report_table_set_align (table, 2, LB_REPORT_ALIGN_END);
            lb_report_table_set_align (table, 3, LB_REPORT_ALIGN_END);
          }
        lb_report_table_add_row (table, (const char *[]) { c->model, c->benchmark,
                                                           old_text, now_text, NULL });
      }
  }
  if (table == NULL)
    lb_report_add_paragraph (b->report, _("No value of a model that was listed then has changed."));
}

/* ---- 6. provenance ---- */

static const char *
model_name_by_id (Builder *b,
                  gint64   id)
{
  for (guint i = 0; i < b->models->len; i++)
    {
      const LbModel *model = g_ptr_array_index (b->models, i);

      if (model->id == id)
        return model->name;
    }
  return "?";
}

static const char *
benchmark_name_by_id (Builder *b,
                      gint64   id)
{
  for (guint i = 0; i < b->benchmarks->len; i++)
    {
      const LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);

      if (benchmark->id == id)
        return benchmark->name;
    }
  return "?";
}

static int
compare_cited_cb (gconstpointer a,
                  gconstpointer b)
{
  const CitedPath *x = *(const CitedPath **) a;
  const CitedPath *y = *(const CitedPath **) b;

  return (x->import_id > y->import_id) - (x->import_id < y->import_id);
}

/* Where in its file each cited value of a result file is: such a file has no cells, so its
 * values carry the import's key alone. */
static void
add_cited_paths (Builder *b)
{
  const char *headers[] = { _("Key"), _("Model"), _("Benchmark"), _("Where in the file"), NULL };
  const double widths[] = { 0.45, 1.8, 1.8, 4.0 };
  LbReportTable *table;

  if (b->cited_paths->len == 0)
    return;
  /* by import; within one, the order cited (the sort is stable) */
  g_ptr_array_sort (b->cited_paths, compare_cited_cb);
  {
    const CitedPath *first = g_ptr_array_index (b->cited_paths, 0);
    g_autofree char *example = lb_cell_key (first->import_id, 0, 0, NULL);
    g_autofree char *text =
      /* TRANSLATORS: %s is a key of the provenance table, "[3]" */
      g_strdup_printf (_("A result file (JSON) has no cells: its values carry the key of their "
                         "file alone, such as %s, and this table says where in the file each one "
                         "is, as a path through the file’s objects and lists."), example);

    lb_report_add_paragraph (b->report, text);
  }
  table = lb_report_add_table (b->report, G_N_ELEMENTS (headers) - 1, headers);
  lb_report_table_set_widths (table, widths);
  for (guint i = 0; i < b->cited_paths->len; i++)
    {
      const CitedPath *cited = g_ptr_array_index (b->cited_paths, i);
      g_autofree char *key = lb_cell_key (cited->import_id, 0, 0, NULL);

      lb_report_table_add_row (table, (const char *[]) { key, model_name_by_id (b, cited->model_id),
                                                         benchmark_name_by_id (b, cited->benchmark_id),
                                                         cited->path, NULL });
    }
}

static void
add_provenance (Builder *b)
{
  /* TRANSLATORS: a narrow column header of the provenance table: the file's text encoding
   * (Japanese 「文字コード」 fits where 「エンコーディング」 does not) */
  const char *headers[] = { _("Key"), _("File"), _("SHA-256"), _("Imported"),
                            C_("provenance column", "Encoding"), _("Rows, values"), _("Warnings"),
                            NULL };
  const double widths[] = { 0.45, 2.0, 1.25, 1.7, 1.0, 0.9, 0.85 };
  LbReportTable *table;

  add_section (b, _("Provenance"));
  lb_report_add_paragraph (b->report,
                           _("Every value in this report carries a key such as [2:C14]: the file "
                             "with that number below, and the cell (column letter and row as Excel "
                             "shows them) the value was read from. The SHA-256 fingerprint "
                             "identifies the exact file."));
  if (b->imports->len == 0)
    {
      lb_report_add_paragraph (b->report, _("Nothing has been imported into this leaderboard yet."));
      return;
    }

  table = lb_report_add_table (b->report, G_N_ELEMENTS (headers) - 1, headers);
  lb_report_table_set_widths (table, widths);
  lb_report_table_set_align (table, 5, LB_REPORT_ALIGN_END);
  lb_report_table_set_align (table, 6, LB_REPORT_ALIGN_END);
  for (guint i = 0; i < b->imports->len; i++)
    {
      const LbImport *import = g_ptr_array_index (b->imports, i);
      g_autofree char *key = lb_cell_key (import->id, 0, 0, NULL);
      g_autofree char *sha = g_strndup (import->sha256 != NULL ? import->sha256 : "", 12);
      g_autofree char *date = format_date (import->imported_at);
      g_autofree char *imported = NULL;
      g_autofree char *counts = g_strdup_printf ("%u, %u", import->records, import->results);
      g_autofree char *warnings = g_strdup_printf ("%u", import->warnings->len);

      g_autofree char *who = lb_person_display (import->imported_by);

      /* TRANSLATORS: "<date>, by <person>" in the provenance table */
      imported = g_strdup_printf (_("%s, by %s"), date != NULL ? date : "?", who);
      g_autofree char *file = import->provenance != LB_PROVENANCE_NOT_STATED
        ? g_strdup_printf ("%s\n%s", import->file_name, lb_provenance_class_label (import->provenance))
        : g_strdup (import->file_name);

      lb_report_table_add_row (table, (const char *[]) { key, file, sha, imported,
                                                         import->encoding, counts, warnings, NULL });
    }
  if (b->has_hand_values)
    lb_report_add_note (b->report, _("[H] a value typed in by hand: it has no source file."));
  add_cited_paths (b);

  for (guint i = 0; i < b->imports->len; i++)
    {
      const LbImport *import = g_ptr_array_index (b->imports, i);

      for (guint w = 0; w < import->warnings->len && w < WARNINGS_LISTED; w++)
        {
          const LbWarning *warning = g_ptr_array_index (import->warnings, w);
          g_autofree char *letter = warning->column > 0 ? lb_column_letter (warning->column) : NULL;
          g_autofree char *key = lb_cell_key (import->id, 0, 0, NULL);
          g_autofree char *where = NULL;
          g_autofree char *message = lb_warning_dup_text (warning);
          g_autofree char *text = NULL;

          if (warning->row > 0 && letter != NULL)
            where = lb_cell_ref_format (NULL, warning->row, warning->column);
          else if (warning->row > 0)
            where = g_strdup_printf (_("row %u"), warning->row);
          else if (letter != NULL)
            where = g_strdup_printf (_("column %s"), letter);
          text = where != NULL ? g_strdup_printf ("%s %s: %s", key, where, message)
                               : g_strdup_printf ("%s %s", key, message);
          lb_report_add_note (b->report, text);
        }
      if (import->warnings->len > WARNINGS_LISTED)
        {
          guint more = import->warnings->len - WARNINGS_LISTED;
          g_autofree char *text =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "[%u] and %u more warning.",
                                          "[%u] and %u more warnings.", more),
                             (guint) import->id, more);
          lb_report_add_note (b->report, text);
        }
    }
}

/* ---- 7. questions and 8. sign-off ---- */

/* At most @max characters of @text, with an ellipsis when cut; newly allocated. */
static char *
shorten (const char *text,
         glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, max);
    return g_strconcat (cut, "…", NULL);
  }
}

static char *
recorded_or_not (const char *text)
{
  if (empty_to_null (text) == NULL)
    return g_strdup (_("not recorded"));
  return shorten (text, 160);
}

/* ---- 7b. questions the data asks ---- */

/* Items named in a hint before it counts the rest. */
#define HINT_ITEMS 5

typedef struct {
  char *question;
  char *hint;
} DataQuestion;

static void
data_question_clear (gpointer data)
{
  DataQuestion *q = data;

  g_free (q->question);
  g_free (q->hint);
}

static void
add_data_question (GArray *questions,
                   char   *question,
                   char   *hint)
{
  DataQuestion q = { question, hint };

  g_array_append_val (questions, q);
}

/* "a; b; c; and 4 more": at most HINT_ITEMS of @items. Newly allocated. */
static char *
join_some (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = MIN (items->len, HINT_ITEMS);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, _("; "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
  if (items->len > n)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "; and %u more", "; and %u more",
                                              items->len - n),
                            items->len - n);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The change of benchmark or weight that puts another model on top. */
static void
question_flips (Builder *b,
                GArray  *questions)
{
  const LbComparison *c = b->comparison;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const LbCompareModel *top;
  g_autofree char *list = NULL;
  g_autofree char *weight = NULL;
  const LbCompareFlip *first;
  const char *benchmark;

  if (c == NULL || c->n_ranked < 2 || c->flips == NULL || c->flips->len == 0)
    return;
  top = &c->models[c->ranking[0]];
  first = &g_array_index (c->flips, LbCompareFlip, 0);
  benchmark = c->rows[first->row].benchmark->name;
  weight = weight_text (c->rows[first->row].weight);

  for (guint i = 0; i < c->flips->len; i++)
    {
      const LbCompareFlip *flip = &g_array_index (c->flips, LbCompareFlip, i);
      const char *name = c->rows[flip->row].benchmark->name;
      const char *other = c->models[flip->new_top].model->name;

      switch (flip->kind)
        {
        case LB_FLIP_LEAVE_OUT:
          g_ptr_array_add (items, g_strdup_printf (_("without “%s”: “%s”"), name, other));
          break;
        case LB_FLIP_WEIGHT_UP:
          g_ptr_array_add (items, g_strdup_printf (_("“%s” weighing 50%% more: “%s”"), name, other));
          break;
        case LB_FLIP_WEIGHT_DOWN:
          g_ptr_array_add (items, g_strdup_printf (_("“%s” weighing 50%% less: “%s”"), name, other));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  list = join_some (items);
  if (first->kind == LB_FLIP_LEAVE_OUT)
    add_data_question (questions,
                       g_strdup_printf (_("Without “%s”, “%s” would be first instead of “%s”. Is “%s” "
                                          "the right thing to decide on, and is its weight (%s) right?"),
                                        benchmark, c->models[first->new_top].model->name,
                                        top->model->name, benchmark, weight),
                       g_strdup_printf (_("Changes that put another model first: %s."), list));
  else
    add_data_question (questions,
                       g_strdup_printf (_("Moving the weight of “%s” (now %s) by half puts “%s” first "
                                          "instead of “%s”. Is that weight what the decision needs?"),
                                        benchmark, weight, c->models[first->new_top].model->name,
                                        top->model->name),
                       g_strdup_printf (_("Changes that put another model first: %s."), list));
}

/* Models ranked on fewer benchmarks than the others. */
static void
question_partial (Builder *b,
                  GArray  *questions)
{
  const LbComparison *c = b->comparison;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (c == NULL)
    return;
  for (guint m = 0; m < c->n_models; m++)
    if (c->models[m].partial)
      {
        g_autofree char *coverage = lb_comparison_dup_model_coverage (c, m);

        /* TRANSLATORS: "Beta: 2 of 3 benchmarks" */
        g_ptr_array_add (items, g_strdup_printf (_("%s: %s"), c->models[m].model->name, coverage));
      }
  if (items->len == 0)
    return;
  list = join_some (items);
  add_data_question (questions,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u model is compared on partial coverage. Are its missing "
                                                   "results to be obtained before deciding?",
                                                   "%u models are compared on partial coverage. Are their missing "
                                                   "results to be obtained before deciding?",
                                                   items->len),
                                      items->len),
                     g_strdup_printf (c->include_partial
                                      ? g_dngettext (GETTEXT_PACKAGE,
                                                     "%s. Its composite is over its own benchmarks, not the same ones as the others’.",
                                                     "%s. Their composites are over their own benchmarks, not the same ones.",
                                                     items->len)
                                      : g_dngettext (GETTEXT_PACKAGE,
                                                     "%s. The benchmarks it lacks are left out of everyone’s composite.",
                                                     "%s. The benchmarks they lack are left out of everyone’s composite.",
                                                     items->len),
                                      list));
}

/* A result that says another version than the model's record. */
static void
question_versions (Builder *b,
                   GArray  *questions)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint m = 0; m < b->chosen->len; m++)
    {
      const LbModel *model = g_ptr_array_index (b->chosen, m);
      const char *record = empty_to_null (model->version);
      const char *seen = NULL;

      for (guint i = 0; i < b->benchmarks->len; i++)
        {
          const LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);
          const LbResult *result = current_result (b, model->id, benchmark->id);
          const char *version = result != NULL ? empty_to_null (result->model_version) : NULL;
          g_autofree char *ref = NULL;

          if (version == NULL)
            continue;
          /* Without a version in the record, results disagreeing among themselves. */
          if (record == NULL && (seen == NULL || g_strcmp0 (seen, version) == 0))
            {
              seen = version;
              continue;
            }
          if (record != NULL && g_strcmp0 (record, version) == 0)
            continue;
          ref = source_ref (b, result);
          if (record != NULL)
            /* TRANSLATORS: "Alpha-7B: the record says v2, JCommonsenseQA [1:B2] says v1" */
            g_ptr_array_add (items, g_strdup_printf (_("%s: the record says %s, %s %s says %s"),
                                                     model->name, record, benchmark->name, ref, version));
          else
            g_ptr_array_add (items, g_strdup_printf (_("%s: results say %s and %s (%s %s)"),
                                                     model->name, seen, version, benchmark->name, ref));
        }
    }
  if (items->len == 0)
    return;
  list = join_some (items);
  add_data_question (questions,
                     g_strdup (_("Some results were measured on another version of the model than its record "
                                 "names. Which version is being decided on?")),
                     g_strdup_printf (C_("end of a list", "%s."), list));
}

/* Imports removed since: their values are no longer in the comparison. */
static void
question_withdrawn (Builder *b,
                    GArray  *questions)
{
  g_autoptr(GPtrArray) audit = lb_store_list_audit (b->store, b->leaderboard->id, 0, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (audit == NULL)
    return;
  /* Newest first: the first "deleted" entry of an import is its state now. */
  for (guint i = 0; i < audit->len; i++)
    {
      const LbAuditEntry *entry = g_ptr_array_index (audit, i);
      const char *file = NULL;
      g_autofree char *when = NULL;

      if (g_strcmp0 (entry->entity, "import") != 0 || g_strcmp0 (entry->field, "deleted") != 0 ||
          g_hash_table_contains (seen, &entry->entity_id))
        continue;
      g_hash_table_add (seen, (gpointer) &entry->entity_id);
      if (g_strcmp0 (entry->new_value, "true") != 0 ||
          g_hash_table_contains (b->imports_by_id, &entry->entity_id))
        continue;
      for (guint j = 0; j < audit->len && file == NULL; j++)
        {
          const LbAuditEntry *other = g_ptr_array_index (audit, j);

          if (g_strcmp0 (other->entity, "import") == 0 && other->entity_id == entry->entity_id &&
              g_strcmp0 (other->field, "file") == 0)
            file = other->new_value;
        }
      when = format_date (entry->at);
      if (entry->who != NULL)
        {
          g_autofree char *who = lb_person_display (entry->who);

          /* TRANSLATORS: "scores.csv, removed on 20 November 2026 by Taro Suzuki" */
          g_ptr_array_add (items, g_strdup_printf (_("%s, removed on %s by %s"),
                                                   file != NULL ? file : "?",
                                                   when != NULL ? when : "?", who));
        }
      else
        g_ptr_array_add (items, g_strdup_printf (_("%s, removed on %s"), file != NULL ? file : "?",
                                                 when != NULL ? when : "?"));
    }
  if (items->len == 0)
    return;
  list = join_some (items);
  add_data_question (questions,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The values of %u import were withdrawn and are not in this "
                                                   "report. Was that intended, and is what replaced them right?",
                                                   "The values of %u imports were withdrawn and are not in this "
                                                   "report. Was that intended, and is what replaced them right?",
                                                   items->len),
                                      items->len),
                     g_strdup_printf (C_("end of a list", "%s."), list));
}

/* Directions that are only the importer's guess. */
static void
question_directions (Builder *b,
                     GArray  *questions)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0; i < b->benchmarks->len; i++)
    {
      const LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);

      if (!benchmark_in_comparison (benchmark) || benchmark->direction_confirmed)
        continue;
      g_ptr_array_add (items, g_strdup_printf (benchmark->higher_is_better
                                               ? _("“%s” (taken as higher is better)")
                                               : _("“%s” (taken as lower is better)"),
                                               benchmark->name));
    }
  if (items->len == 0)
    return;
  list = join_some (items);
  add_data_question (questions,
                     g_strdup (_("Which direction is better on the benchmarks whose direction was only "
                                 "guessed by the importer?")),
                     g_strdup_printf (_("Guessed: %s. A wrong direction turns the ranking on that "
                                        "benchmark upside down; confirm it in the benchmark’s details."),
                                      list));
}

/* Benchmarks whose compared scores were produced under different stated settings. */
static void
question_settings (Builder *b,
                   GArray  *questions)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint r = 0; b->comparison != NULL && r < b->comparison->n_rows; r++)
    if (b->comparison->rows[r].settings_differ)
      g_ptr_array_add (items, g_strdup_printf (_("“%s”"), b->comparison->rows[r].benchmark->name));
  if (items->len == 0)
    return;
  list = join_some (items);
  add_data_question (questions,
                     g_strdup_printf (_("May the scores on %s be compared although they were produced "
                                        "under different settings?"), list),
                     g_strdup (_("Their settings are listed under the comparison. If not, rerun them "
                                 "under one setting, or decide without the benchmark.")));
}

/* Results measured (or, without a date, imported) longer ago than the update cadence. */
static void
question_stale (Builder *b,
                GArray  *questions)
{
  int days = b->leaderboard->update_cadence_days;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *limit_text = NULL;
  GDate limit = b->today;
  guint n_old = 0;

  if (days <= 0)
    return;
  g_date_subtract_days (&limit, days);
  for (guint m = 0; m < b->chosen->len; m++)
    {
      const LbModel *model = g_ptr_array_index (b->chosen, m);

      for (guint i = 0; i < b->benchmarks->len; i++)
        {
          const LbBenchmark *benchmark = g_ptr_array_index (b->benchmarks, i);
          const LbResult *result = current_result (b, model->id, benchmark->id);
          const char *at;
          GDate when;
          g_autofree char *date = NULL;
          g_autofree char *ref = NULL;

          if (result == NULL || !benchmark_in_comparison (benchmark))
            continue;
          at = result->evaluated_at;
          if (at == NULL && result->import_id != 0)
            at = import_date (b, result->import_id);
          if (!parse_date (at, &when) || g_date_compare (&when, &limit) >= 0)
            continue;
          n_old++;
          date = format_gdate (&when);
          ref = source_ref (b, result);
          /* TRANSLATORS: "Alpha-7B on MT-Bench, 1 September 2026 [1:C2]" */
          g_ptr_array_add (items, g_strdup_printf (_("%s on %s, %s %s"), model->name, benchmark->name,
                                                   date, ref));
        }
    }
  if (n_old == 0)
    return;
  list = join_some (items);
  limit_text = format_gdate (&limit);
  add_data_question (questions,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u result is older than the update cadence (every %d days, "
                                                   "so from %s on). Is there a newer one?",
                                                   "%u results are older than the update cadence (every %d days, "
                                                   "so from %s on). Are there newer ones?",
                                                   n_old),
                                      n_old, days, limit_text),
                     g_strdup_printf (C_("end of a list", "%s."), list));
}

/* The questions this leaderboard's data raises, numbered on from @first. */
static void
add_data_questions (Builder *b,
                    guint    first)
{
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (DataQuestion));

  g_array_set_clear_func (questions, data_question_clear);
  question_flips (b, questions);
  question_partial (b, questions);
  question_versions (b, questions);
  question_withdrawn (b, questions);
  question_directions (b, questions);
  question_settings (b, questions);
  question_stale (b, questions);

  if (questions->len == 0)
    return;
  lb_report_add_heading (b->report, _("Raised by the data"));
  for (guint i = 0; i < questions->len; i++)
    {
      const DataQuestion *q = &g_array_index (questions, DataQuestion, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", first + i, q->question);

      lb_report_add_question (b->report, text, q->hint, ANSWER_LINES);
    }
}

static void
add_questions (Builder *b)
{
  const LbLeaderboard *lb = b->leaderboard;
  g_autofree char *data = recorded_or_not (lb->evaluation_data);
  g_autofree char *owner = recorded_or_not (lb->owner);
  g_autofree char *procedure = recorded_or_not (lb->procedure);
  g_autofree char *cadence = cadence_text (b);
  char *hints[4] = { NULL };
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  const char *questions[] = {
    N_("Which data is this comparison based on?"),
    N_("Who updates the results, and how often?"),
    N_("Which smells are present, and what is done about them?"),
    N_("Can the result be reproduced from the written procedure?"),
  };

  for (guint i = 0; i < b->checklist->len; i++)
    {
      const LbSmell *item = g_ptr_array_index (b->checklist, i);
      const char *label = smell_label (item->smell);

      if ((g_strcmp0 (item->status, "present") == 0 || item->needs_review) &&
          !g_ptr_array_find_with_equal_func (present, label, g_str_equal, NULL))
        g_ptr_array_add (present, (gpointer) label);
    }

  /* TRANSLATORS: under a question for the meeting: what the record already says */
  hints[0] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The record says: %s. %u file imported (see Provenance).",
                                           "The record says: %s. %u files imported (see Provenance).",
                                           b->imports->len),
                              data, b->imports->len);
  hints[1] = g_strdup_printf (_("The record says: owner %s; %s."), owner,
                              cadence != NULL ? cadence : _("no update cadence"));
  if (present->len > 0)
    {
      g_autofree char *list = join_list (present);
      hints[2] = g_strdup_printf (_("Present or detected: %s."), list);
    }
  else
    hints[2] = g_strdup (_("None is marked present or detected yet; see the checklist."));
  hints[3] = g_strdup_printf (_("The record says: %s."), procedure);

  lb_report_add_page_break (b->report);
  add_section (b, _("Questions for the meeting"));
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, _(questions[i]));
      lb_report_add_question (b->report, text, hints[i], ANSWER_LINES);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    g_free (hints[i]);
  add_data_questions (b, G_N_ELEMENTS (questions) + 1);
}

/* The decision and who signs it: in Japanese the 作成・確認・承認 boxes with a 印 box each, in
 * English a prepared / reviewed / approved table. Only the preparer is filled in. */
static void
add_sign_off (Builder *b)
{
  /* TRANSLATORS: the lines of the meeting's decision, to be written on by hand */
  const char *decision[] = { _("Chosen model"), _("Conditions"), _("Next review date"), NULL };
  /* TRANSLATORS: the roles of the sign-off boxes; Japanese "作成", "確認", "承認" */
  const char *roles[] = { C_("sign-off", "Prepared"), C_("sign-off", "Reviewed"),
                          C_("sign-off", "Approved"), NULL };
  g_autofree char *today = format_gdate (&b->today);
  const char *names[] = { prepared_by (b), NULL, NULL, NULL };
  const char *dates[] = { today, NULL, NULL, NULL };
  g_autofree char *cadence = cadence_text (b);

  add_section (b, _("Decision and sign-off"));
  if (cadence != NULL)
    lb_report_add_note (b->report, cadence);
  lb_report_add_sign_off (b->report, decision);
  lb_report_add_sign_off_boxes (b->report, roles, names, dates,
                                /* TRANSLATORS: in a sign-off box; Japanese "氏名" */
                                C_("sign-off", "Name"),
                                /* TRANSLATORS: in a sign-off box; Japanese "日付" */
                                C_("sign-off", "Date"),
                                /* TRANSLATORS: the box for the seal or signature; Japanese "印" */
                                C_("sign-off", "Signature"));
}

/* ---- public API ---- */

LbReviewReportOptions *
lb_review_report_options_new (void)
{
  LbReviewReportOptions *options = g_new0 (LbReviewReportOptions, 1);

  options->models = g_array_new (FALSE, FALSE, sizeof (gint64));
  return options;
}

void
lb_review_report_options_free (LbReviewReportOptions *options)
{
  if (options == NULL)
    return;
  g_array_unref (options->models);
  g_free (options->profile);
  g_free (options->prepared_by);
  g_clear_pointer (&options->compare, lb_compare_options_free);
  g_free (options);
}

LbReviewReportOptions *
lb_review_report_options_copy (const LbReviewReportOptions *options)
{
  LbReviewReportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = lb_review_report_options_new ();
  g_array_append_vals (copy->models, options->models->data, options->models->len);
  copy->profile = g_strdup (options->profile);
  copy->prepared_by = g_strdup (options->prepared_by);
  copy->baseline = options->baseline;
  copy->normalization = options->normalization;
  copy->include_partial = options->include_partial;
  if (options->compare != NULL)
    copy->compare = lb_compare_options_copy (options->compare);
  return copy;
}

void
lb_review_report_options_add_model (LbReviewReportOptions *options,
                                    gint64                 model_id)
{
  g_return_if_fail (options != NULL);

  g_array_append_val (options->models, model_id);
}

void
lb_review_report_options_set_profile (LbReviewReportOptions *options,
                                      const char            *profile_name)
{
  g_return_if_fail (options != NULL);

  g_free (options->profile);
  options->profile = g_strdup (profile_name);
}

void
lb_review_report_options_set_prepared_by (LbReviewReportOptions *options,
                                          const char            *name)
{
  g_return_if_fail (options != NULL);

  g_free (options->prepared_by);
  options->prepared_by = g_strdup (name);
}

void
lb_review_report_options_set_baseline (LbReviewReportOptions *options,
                                       gint64                 model_id)
{
  g_return_if_fail (options != NULL);

  options->baseline = model_id;
}

void
lb_review_report_options_set_normalization (LbReviewReportOptions *options,
                                            LbNormalization        method)
{
  g_return_if_fail (options != NULL);

  options->normalization = method;
}

void
lb_review_report_options_set_include_partial (LbReviewReportOptions *options,
                                              gboolean               include)
{
  g_return_if_fail (options != NULL);

  options->include_partial = include;
}

void
lb_review_report_options_set_compare_options (LbReviewReportOptions  *options,
                                              const LbCompareOptions *compare)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->compare, lb_compare_options_free);
  if (compare != NULL)
    options->compare = lb_compare_options_copy (compare);
}

/* lb_review_report_build(), also giving the summary of the comparison it holds (NULL when
 * fewer than two models are compared) in @comparison (may be NULL). */
static LbReport *
build_report (LbStore                     *store,
              gint64                       leaderboard_id,
              const LbReviewReportOptions *options,
              char                       **comparison,
              GError                     **error)
{
  Builder b = { 0 };
  g_autofree char *today = NULL;
  g_autofree char *doc_title = NULL;
  LbReport *report;

  b.store = store;
  b.options = options;
  if (!builder_load (&b, leaderboard_id, error))
    {
      builder_clear (&b);
      return NULL;
    }

  today = format_gdate (&b.today);
  b.report = lb_report_new (b.leaderboard->name, today);
  /* TRANSLATORS: the PDF's document title */
  doc_title = g_strdup_printf (_("Leaderboard review: %s"), b.leaderboard->name);
  lb_report_set_document_title (b.report, doc_title);

  b.long_evidence = g_ptr_array_new ();
  add_title_block (&b);
  add_record (&b);
  if (!add_comparison (&b, error))
    {
      builder_clear (&b);
      return NULL;
    }
  add_smells (&b);
  add_changes (&b);
  add_provenance (&b);
  add_questions (&b);
  add_sign_off (&b);
  add_evidence_appendix (&b);

  if (comparison != NULL)
    *comparison = b.comparison != NULL ? lb_comparison_dup_summary (b.comparison) : NULL;
  report = g_steal_pointer (&b.report);
  builder_clear (&b);
  return report;
}

LbReport *
lb_review_report_build (LbStore                     *store,
                        gint64                       leaderboard_id,
                        const LbReviewReportOptions *options,
                        GError                     **error)
{
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_report (store, leaderboard_id, options, NULL, error);
}

typedef struct {
  char                  *db_path;
  gint64                 leaderboard_id;
  LbReviewReportOptions *options;
  LbReport              *report;        /* the result */
  char                  *comparison;    /* the result's comparison summary, or NULL */
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_free (data->db_path);
  lb_review_report_options_free (data->options);
  g_clear_pointer (&data->report, lb_report_unref);
  g_free (data->comparison);
  g_free (data);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  g_autoptr(LbStore) store = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((store = lb_store_open_read_only (data->db_path, &error)) == NULL
      || (data->report = build_report (store, data->leaderboard_id, data->options,
                                       &data->comparison, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
lb_review_report_build_async (const char                  *db_path,
                              gint64                       leaderboard_id,
                              const LbReviewReportOptions *options,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  BuildData *data;

  g_return_if_fail (db_path != NULL);

  data = g_new0 (BuildData, 1);
  data->db_path = g_strdup (db_path);
  data->leaderboard_id = leaderboard_id;
  data->options = options != NULL ? lb_review_report_options_copy (options)
                                  : lb_review_report_options_new ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lb_review_report_build_async);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  g_task_run_in_thread (task, build_thread);
}

LbReport *
lb_review_report_build_finish (GAsyncResult  *result,
                               char         **comparison,
                               GError       **error)
{
  BuildData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lb_review_report_build_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (comparison != NULL)
    *comparison = g_steal_pointer (&data->comparison);
  return g_steal_pointer (&data->report);
}

char *
lb_review_report_file_name (const char *leaderboard_name,
                            const char *iso_date)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date = NULL;

  g_return_val_if_fail (leaderboard_name != NULL, NULL);

  for (const char *p = leaderboard_name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  /* A name of dots alone would name a folder. */
  if (out->len == 0 || strspn (out->str, ".") == out->len)
    g_string_prepend (out, _("Leaderboard"));
  if (iso_date == NULL || *iso_date == '\0')
    /* TRANSLATORS: the suggested file name of the PDF */
    return g_strdup_printf (_("%s – review.pdf"), out->str);
  date = g_strndup (iso_date, 10);
  /* TRANSLATORS: the suggested file name of the PDF: leaderboard name and date */
  return g_strdup_printf (_("%s – review %s.pdf"), out->str, date);
}
