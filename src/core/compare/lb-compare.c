/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare.c: comparing models side by side, as a pure function over plain records */

#define G_LOG_DOMAIN "lb-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "lb-compare.h"
#include "lb-sentence.h"
#include "lb-cell-ref.h"

/* Two composites closer than this are equal: sums of the same terms in another order differ
 * in the last bits, and such noise must not invent an order or a flip. */
#define LB_COMPARE_EPSILON 1e-9

/* How many flips the robustness sentence names before it summarises the rest. */
#define LB_COMPARE_FLIPS_NAMED 5

struct _LbCompareOptions {
  GArray          *models;          /* of gint64 */
  gint64           baseline;
  LbProfile       *profile;
  LbNormalization  normalization;
  gboolean         include_partial;
  gboolean         include_retired;
  gboolean         include_unlisted;
  GHashTable      *item_counts;     /* benchmark id (gint64*) → GUINT_TO_POINTER (n) */
};

G_DEFINE_QUARK (lb-compare-error-quark, lb_compare_error)
G_DEFINE_BOXED_TYPE (LbComparison, lb_comparison, lb_comparison_ref, lb_comparison_unref)

/* ---- options ---- */

LbCompareOptions *
lb_compare_options_new (void)
{
  LbCompareOptions *options = g_new0 (LbCompareOptions, 1);

  options->models = g_array_new (FALSE, FALSE, sizeof (gint64));
  options->normalization = LB_NORMALIZE_MIN_MAX;
  options->item_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return options;
}

LbCompareOptions *
lb_compare_options_copy (const LbCompareOptions *options)
{
  LbCompareOptions *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (options != NULL, NULL);

  copy = lb_compare_options_new ();
  g_array_append_vals (copy->models, options->models->data, options->models->len);
  copy->baseline = options->baseline;
  copy->profile = options->profile != NULL ? lb_profile_copy (options->profile) : NULL;
  copy->normalization = options->normalization;
  copy->include_partial = options->include_partial;
  copy->include_retired = options->include_retired;
  copy->include_unlisted = options->include_unlisted;
  g_hash_table_iter_init (&iter, options->item_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->item_counts, g_memdup2 (key, sizeof (gint64)), value);
  return copy;
}

void
lb_compare_options_free (LbCompareOptions *options)
{
  if (options == NULL)
    return;
  g_array_unref (options->models);
  g_clear_pointer (&options->profile, lb_profile_free);
  g_hash_table_unref (options->item_counts);
  g_free (options);
}

void
lb_compare_options_add_model (LbCompareOptions *options,
                              gint64            model_id)
{
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < options->models->len; i++)
    if (g_array_index (options->models, gint64, i) == model_id)
      return;
  g_array_append_val (options->models, model_id);
}

void
lb_compare_options_clear_models (LbCompareOptions *options)
{
  g_return_if_fail (options != NULL);
  g_array_set_size (options->models, 0);
}

void
lb_compare_options_set_baseline (LbCompareOptions *options,
                                 gint64            model_id)
{
  g_return_if_fail (options != NULL);
  options->baseline = model_id;
}

gint64
lb_compare_options_get_baseline (const LbCompareOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->baseline;
}

void
lb_compare_options_set_profile (LbCompareOptions *options,
                                const LbProfile  *profile)
{
  g_return_if_fail (options != NULL);
  g_clear_pointer (&options->profile, lb_profile_free);
  if (profile != NULL)
    options->profile = lb_profile_copy (profile);
}

const LbProfile *
lb_compare_options_get_profile (const LbCompareOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  return options->profile;
}

void
lb_compare_options_set_normalization (LbCompareOptions *options,
                                      LbNormalization   method)
{
  g_return_if_fail (options != NULL);
  options->normalization = method;
}

void
lb_compare_options_set_include_partial (LbCompareOptions *options,
                                        gboolean          include)
{
  g_return_if_fail (options != NULL);
  options->include_partial = !!include;
}

void
lb_compare_options_set_include_unlisted (LbCompareOptions *options,
                                         gboolean          include)
{
  g_return_if_fail (options != NULL);
  options->include_unlisted = !!include;
}

gboolean
lb_compare_options_get_include_unlisted (const LbCompareOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);
  return options->include_unlisted;
}

void
lb_compare_options_set_include_retired (LbCompareOptions *options,
                                        gboolean          include)
{
  g_return_if_fail (options != NULL);
  options->include_retired = !!include;
}

void
lb_compare_options_set_item_count (LbCompareOptions *options,
                                   gint64            benchmark_id,
                                   guint             n_items)
{
  g_return_if_fail (options != NULL);

  if (n_items == 0)
    g_hash_table_remove (options->item_counts, &benchmark_id);
  else
    g_hash_table_insert (options->item_counts, g_memdup2 (&benchmark_id, sizeof benchmark_id),
                         GUINT_TO_POINTER (n_items));
}

/* The getters, for saving a choice and for saying what goes into a report. */

const gint64 *
lb_compare_options_get_models (const LbCompareOptions *options,
                               guint                  *n_models)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (n_models != NULL, NULL);

  *n_models = options->models->len;
  return (const gint64 *) options->models->data;
}

LbNormalization
lb_compare_options_get_normalization (const LbCompareOptions *options)
{
  g_return_val_if_fail (options != NULL, LB_NORMALIZE_MIN_MAX);
  return options->normalization;
}

gboolean
lb_compare_options_get_include_partial (const LbCompareOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);
  return options->include_partial;
}

gboolean
lb_compare_options_get_include_retired (const LbCompareOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);
  return options->include_retired;
}

/* ---- the comparison value ---- */

static void
comparison_free (LbComparison *self)
{
  for (guint r = 0; r < self->n_rows; r++)
    {
      LbCompareRow *row = &self->rows[r];

      for (guint m = 0; row->cells != NULL && m < self->n_models; m++)
        {
          g_free (row->cells[m].raw);
          g_free (row->cells[m].source_path);
          g_free (row->cells[m].settings);
          g_free (row->cells[m].was_raw);
          g_free (row->cells[m].evaluated_at);
          g_free (row->cells[m].model_version);
        }
      g_free (row->cells);
      lb_benchmark_free (row->benchmark);
    }
  g_free (self->rows);
  for (guint m = 0; m < self->n_models; m++)
    lb_model_free (self->models[m].model);
  g_free (self->models);
  g_free (self->ranking);
  g_clear_pointer (&self->flips, g_array_unref);
  g_free (self->profile_name);
  g_free (self->method_text);
  g_free (self->coverage_text);
  g_free (self->uncertainty_text);
  g_free (self->robustness_text);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

LbComparison *
lb_comparison_ref (LbComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lb_comparison_unref (LbComparison *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    comparison_free (self);
}

const LbCompareCell *
lb_comparison_get_cell (const LbComparison *self,
                        guint               row,
                        guint               model)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows && model < self->n_models, NULL);
  return &self->rows[row].cells[model];
}

char *
lb_comparison_dup_model_coverage (const LbComparison *self,
                                  guint               model)
{
  const LbCompareModel *m;

  g_return_val_if_fail (self != NULL && model < self->n_models, NULL);

  m = &self->models[model];
  /* TRANSLATORS: coverage of a model, e.g. "7 of 9 benchmarks" */
  return g_strdup_printf (ngettext ("%u of %u benchmark", "%u of %u benchmarks", m->n_benchmarks),
                          m->n_covered, m->n_benchmarks);
}

char *
lb_compare_dup_withdrawn_text (const LbCompareRow  *row,
                               const LbCompareCell *cell)
{
  g_autofree char *where = NULL;
  g_autofree char *was_where = NULL;
  g_autofree char *was = NULL;

  g_return_val_if_fail (row != NULL && cell != NULL, NULL);

  if (cell->kind != LB_CELL_WITHDRAWN)
    return NULL;
  where = lb_cell_key (cell->import_id, cell->source_row, cell->source_column, cell->source_path);
  /* only a sheet withdraws a value, and what it withdrew was in a sheet: the path is NULL */
  was_where = lb_cell_key (cell->was_import_id, cell->was_row, cell->was_column, NULL);
  was = lb_compare_format_score (row, cell->was_score);
  /* TRANSLATORS: a cell a new version of the sheet left empty: [import:cell] where, then the
   * value it had and where that came from, e.g. "— withdrawn in [2:O13]; was 330 [1:O14]" */
  return g_strdup_printf (_("— withdrawn in %s; was %s %s"), where, was, was_where);
}

const char *
lb_compare_cell_reason (const LbCompareCell *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->kind == LB_CELL_VALUE)
    return NULL;
  if (cell->reason == NULL || *cell->reason == '\0')
    return _("The imported cell held no value.");
  return _(cell->reason);
}

/* Up to three decimals, trailing zeros dropped: "85.3", "1250", "0.853". */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *s;
  gsize len;

  if (fabs (value) < 0.0005)
    value = 0.0;
  g_snprintf (buf, sizeof buf, "%.3f", value);
  s = g_strdup (buf);
  len = strlen (s);
  while (len > 0 && s[len - 1] == '0')
    s[--len] = '\0';
  if (len > 0 && (s[len - 1] == '.' || s[len - 1] == ','))
    s[--len] = '\0';
  return s;
}

static char *
with_unit (const LbCompareRow *row,
           char               *number)
{
  const char *unit = row->benchmark->unit;
  char *s;

  if (unit == NULL || *unit == '\0')
    return number;
  if (g_strcmp0 (unit, "%") == 0)
    s = g_strconcat (number, "%", NULL);
  else
    s = g_strconcat (number, " ", unit, NULL);
  g_free (number);
  return s;
}

char *
lb_compare_format_score (const LbCompareRow *row,
                         double              score)
{
  g_return_val_if_fail (row != NULL, NULL);
  return with_unit (row, format_number (score));
}

/* How many decimals @raw shows for @score: "79.0%" 1, "5.00" 2, "79,0" 1 (a decimal comma),
 * "1,250" 0 (a thousands separator), "0.790" for 79.0 1 (a fraction shown as a percentage).
 * -1 when it cannot tell. */
static int
source_decimals (const char *raw,
                 double      score)
{
  g_autofree char *text = NULL;
  const char *p, *start = NULL, *sep = NULL, *end;
  guint n_frac;
  double value;
  g_autofree char *digits = NULL;

  if (raw == NULL || !isfinite (score))
    return -1;
  text = g_utf8_normalize (raw, -1, G_NORMALIZE_NFKC);
  if (text == NULL)
    return -1;
  for (p = text; *p != '\0' && !g_ascii_isdigit (*p); p++)
    ;
  if (*p == '\0')
    return -1;
  start = p;
  for (; *p != '\0' && (g_ascii_isdigit (*p) || *p == '.' || *p == ','); p++)
    if (*p == '.' || *p == ',')
      sep = p;
  end = p;
  while (end > start && !g_ascii_isdigit (end[-1]))
    end--;
  if (sep == NULL || sep >= end)
    return 0;
  n_frac = end - sep - 1;
  if (n_frac > 6)
    return -1;
  /* Read it with @sep as the decimal point and the other separators dropped. */
  digits = g_strndup (start, end - start);
  {
    GString *clean = g_string_new (NULL);

    for (const char *q = digits; *q != '\0'; q++)
      if (g_ascii_isdigit (*q))
        g_string_append_c (clean, *q);
      else if (q == digits + (sep - start))
        g_string_append_c (clean, '.');
    value = g_ascii_strtod (clean->str, NULL);
    g_string_free (clean, TRUE);
  }
  score = fabs (score);
  if (fabs (value - score) <= 1e-9 * MAX (1.0, score))
    return n_frac;
  if (fabs (value * 100 - score) <= 1e-7 * MAX (1.0, score))
    return MAX ((int) n_frac - 2, 0);
  {
    /* "1,250" read as 1250: the separator groups thousands, there are no decimals. */
    GString *whole = g_string_new (NULL);

    for (const char *q = digits; *q != '\0'; q++)
      if (g_ascii_isdigit (*q))
        g_string_append_c (whole, *q);
    value = g_ascii_strtod (whole->str, NULL);
    g_string_free (whole, TRUE);
  }
  if (fabs (value - score) <= 1e-9 * MAX (1.0, score))
    return 0;
  return -1;
}

char *
lb_compare_format_cell_score (const LbCompareRow  *row,
                              const LbCompareCell *cell)
{
  int decimals;

  g_return_val_if_fail (row != NULL && cell != NULL, NULL);

  decimals = source_decimals (cell->raw, cell->score);
  if (decimals < 0)
    return lb_compare_format_score (row, cell->score);
  return with_unit (row, g_strdup_printf ("%.*f", decimals, cell->score));
}

char *
lb_compare_format_stderr (double stderr_value)
{
  return format_number (stderr_value);
}

char *
lb_compare_format_cell_stderr (const LbCompareCell *cell)
{
  g_autofree char *own = NULL;
  const char *point;
  int decimals, own_decimals;

  g_return_val_if_fail (cell != NULL, NULL);

  own = format_number (cell->stderr_value);
  point = strpbrk (own, ".,");
  own_decimals = point != NULL ? (int) strlen (point + 1) : 0;
  decimals = source_decimals (cell->raw, cell->score);
  /* "85.0 ± 1.0", not "85.0 ± 1": the error is written to the score's decimals, or more. */
  if (decimals <= own_decimals)
    return g_steal_pointer (&own);
  return g_strdup_printf ("%.*f", decimals, cell->stderr_value);
}

char *
lb_compare_format_cell_score_stderr (const LbCompareRow  *row,
                                     const LbCompareCell *cell)
{
  g_autofree char *score = NULL;
  g_autofree char *se = NULL;
  const char *unit;
  gsize len, suffix = 0;

  g_return_val_if_fail (row != NULL && cell != NULL, NULL);

  score = lb_compare_format_cell_score (row, cell);
  if (!cell->has_stderr)
    return g_steal_pointer (&score);
  se = lb_compare_format_cell_stderr (cell);
  unit = row->benchmark->unit;
  len = strlen (score);
  /* "79.1%" → "79.1 ± 0.9%", "120 ms" → "120 ± 3 ms": the unit stays at the end */
  if (unit != NULL && *unit != '\0' && g_str_has_suffix (score, unit))
    {
      suffix = strlen (unit);
      if (g_strcmp0 (unit, "%") != 0 && len > suffix && score[len - suffix - 1] == ' ')
        suffix++;
    }
  return g_strdup_printf ("%.*s ± %s%s", (int) (len - suffix), score, se, score + len - suffix);
}

static gboolean
is_percent (const LbCompareRow *row)
{
  return g_strcmp0 (row->benchmark->unit, "%") == 0;
}

/* |@difference| to @decimals (as format_number() when negative). */
static char *
difference_size (double difference,
                 int    decimals)
{
  if (decimals < 0)
    return format_number (fabs (difference));
  return g_strdup_printf ("%.*f", decimals, fabs (difference));
}

/* The decimals a difference of two source cells is written to: the more of the two, or -1
 * when either cannot tell. */
static int
difference_decimals (const LbCompareCell *cell,
                     const LbCompareCell *baseline)
{
  int a = source_decimals (cell->raw, cell->score);
  int b = baseline != NULL ? source_decimals (baseline->raw, baseline->score) : -1;

  return a < 0 || b < 0 ? -1 : MAX (a, b);
}

static char *
format_difference (const LbCompareRow *row,
                   double              difference,
                   int                 decimals)
{
  g_autofree char *number = NULL;
  char *signed_number;

  number = difference_size (difference, decimals);
  if (strspn (number, "0.,") == strlen (number))
    signed_number = g_strconcat ("±", number, NULL);
  else
    /* U+2212 MINUS SIGN reads better than a hyphen next to digits */
    signed_number = g_strconcat (difference > 0 ? "+" : "−", number, NULL);
  if (is_percent (row))
    {
      /* A difference of two percentages is in percentage points: 79.1% − 78.0% is +1.1 pt,
       * not +1.1%. */
      char *points = g_strdup_printf ("%s %s", signed_number,
                                      /* TRANSLATORS: percentage points, after a difference of two
                                       * percentages ("+1.1 pt"); Japanese "ポイント" */
                                      C_("percentage points", "pt"));
      g_free (signed_number);
      return points;
    }
  return with_unit (row, signed_number);
}

char *
lb_compare_format_cell_difference (const LbCompareRow  *row,
                                   const LbCompareCell *cell,
                                   const LbCompareCell *baseline)
{
  g_return_val_if_fail (row != NULL && cell != NULL, NULL);
  return format_difference (row, cell->difference, difference_decimals (cell, baseline));
}

char *
lb_compare_format_cell_difference_size (const LbCompareCell *cell,
                                        const LbCompareCell *baseline)
{
  g_return_val_if_fail (cell != NULL, NULL);
  return difference_size (cell->difference, difference_decimals (cell, baseline));
}

char *
lb_compare_format_composite (double composite)
{
  if (fabs (composite) < 0.0005)
    composite = 0.0;
  return g_strdup_printf ("%.3f", composite);
}

char *
lb_compare_format_rank (const LbCompareModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);

  if (model->rank_lo == 0)
    return g_strdup ("—");
  if (model->rank_hi > model->rank_lo)
    /* an en dash between the bounds of a rank range */
    return g_strdup_printf ("%u–%u", model->rank_lo, model->rank_hi);
  return g_strdup_printf ("%u", model->rank_lo);
}

/* ---- computing ---- */

static int
benchmark_by_position (gconstpointer a,
                       gconstpointer b)
{
  const LbBenchmark *ba = *(LbBenchmark * const *) a;
  const LbBenchmark *bb = *(LbBenchmark * const *) b;

  if (ba->position != bb->position)
    return ba->position < bb->position ? -1 : 1;
  return ba->id < bb->id ? -1 : ba->id > bb->id;
}

/* The binomial standard error of a result scored as a proportion, in the score's units. */
static gboolean
binomial_stderr (const LbBenchmark *benchmark,
                 guint              n_items,
                 double             score,
                 double            *out)
{
  double factor;
  double p;

  if (n_items == 0)
    return FALSE;
  if (benchmark->has_scale && benchmark->scale_min == 0.0 && benchmark->scale_max == 1.0)
    factor = 1.0;
  else if ((benchmark->has_scale && benchmark->scale_min == 0.0 && benchmark->scale_max == 100.0)
           || g_strcmp0 (benchmark->unit, "%") == 0)
    factor = 100.0;
  else
    return FALSE;

  p = CLAMP (score / factor, 0.0, 1.0);
  *out = factor * sqrt (p * (1.0 - p) / n_items);
  return TRUE;
}

static LbSignificance
significance_of (double   difference,
                 gboolean has_a,
                 double   se_a,
                 gboolean has_b,
                 double   se_b)
{
  double combined;

  if (!has_a || !has_b)
    return LB_SIGNIFICANCE_UNKNOWN;
  combined = sqrt (se_a * se_a + se_b * se_b);
  if (fabs (difference) <= 2.0 * combined + LB_COMPARE_EPSILON)
    return LB_SIGNIFICANCE_NOT_DISTINGUISHABLE;
  return LB_SIGNIFICANCE_DISTINGUISHABLE;
}

static const char *
model_label (const LbComparison *self,
             guint               m)
{
  return self->models[m].model->name;
}

/* "A", "A and B", "A, B and C" */
static char *
join_names (const LbComparison *self,
            const guint        *members,
            guint               n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i == n - 1)
        /* TRANSLATORS: between the last two names of a list */
        g_string_append (s, _(" and "));
      else if (i > 0)
        /* TRANSLATORS: between names of a list */
        g_string_append (s, _(", "));
      g_string_append_printf (s, _("“%s”"), model_label (self, members[i]));
    }
  return g_string_free (s, FALSE);
}

static void
compute_rows (LbComparison            *self,
              GPtrArray               *rows_in,
              GPtrArray               *results,
              GPtrArray               *gaps,
              GHashTable              *chosen_index,
              GHashTable              *left_out,
              const LbCompareOptions  *options)
{
  g_autoptr(GHashTable) row_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree double *lo = g_new (double, self->n_rows);
  g_autofree double *hi = g_new (double, self->n_rows);
  g_autofree gboolean *seen = g_new0 (gboolean, self->n_rows);
  g_autofree gint64 *gap_import = NULL;

  for (guint r = 0; r < self->n_rows; r++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (rows_in, r);

      g_hash_table_insert (row_index, &benchmark->id, GUINT_TO_POINTER (r + 1));
      self->rows[r].cells = g_new0 (LbCompareCell, self->n_models);
      for (guint m = 0; m < self->n_models; m++)
        {
          self->rows[r].cells[m].kind = LB_CELL_NOT_EVALUATED;
          self->rows[r].cells[m].normalized = NAN;
          self->rows[r].cells[m].reason = N_("No result for this model was imported.");
        }
    }

  /* Results: ranges over every model of the leaderboard, cells for the chosen ones. */
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      const LbResult *result = g_ptr_array_index (results, i);
      guint r, m;
      LbCompareCell *cell;

      if (!result->current || !isfinite (result->score))
        continue;
      r = GPOINTER_TO_UINT (g_hash_table_lookup (row_index, &result->benchmark_id));
      if (r-- == 0)
        continue;
      /* Models no longer listed do not set the ranges. */
      if (g_hash_table_contains (left_out, &result->model_id))
        continue;
      if (!seen[r])
        {
          lo[r] = hi[r] = result->score;
          seen[r] = TRUE;
        }
      else
        {
          lo[r] = MIN (lo[r], result->score);
          hi[r] = MAX (hi[r], result->score);
        }

      m = GPOINTER_TO_UINT (g_hash_table_lookup (chosen_index, &result->model_id));
      if (m-- == 0)
        continue;
      cell = &self->rows[r].cells[m];
      /* one current result per cell; should the store ever hold two, the newest wins */
      if (cell->kind == LB_CELL_VALUE && cell->result_id > result->id)
        continue;
      g_free (cell->raw);
      g_free (cell->source_path);
      g_free (cell->evaluated_at);
      g_free (cell->model_version);
      cell->kind = LB_CELL_VALUE;
      cell->reason = NULL;
      cell->score = result->score;
      cell->has_stderr = result->has_stderr && isfinite (result->stderr_value)
                         && result->stderr_value >= 0.0;
      cell->stderr_value = cell->has_stderr ? result->stderr_value : 0.0;
      cell->result_id = result->id;
      cell->import_id = result->import_id;
      cell->source_row = result->source_row;
      cell->source_column = result->source_column;
      cell->source_path = g_strdup (result->source_path);
      g_free (cell->settings);
      cell->settings = g_strdup (result->settings);
      cell->provenance = result->provenance;
      cell->raw = g_strdup (result->raw);
      cell->evaluated_at = g_strdup (result->evaluated_at);
      cell->model_version = g_strdup (result->model_version);
    }

  /* Gaps say why a cell is empty; the newest import's gap speaks. */
  {
    gsize n_cells = 0;
    gboolean fits = lb_size_mul3 (self->n_rows, self->n_models, 1, &n_cells);

    /* The cells exist already, row by row, so their number fits. */
    g_assert (fits);
    gap_import = g_new0 (gint64, n_cells);
  }
  for (guint i = 0; gaps != NULL && i < gaps->len; i++)
    {
      const LbGap *gap = g_ptr_array_index (gaps, i);
      guint r, m;
      LbCompareCell *cell;
      gint64 *newest;

      r = GPOINTER_TO_UINT (g_hash_table_lookup (row_index, &gap->benchmark_id));
      m = GPOINTER_TO_UINT (g_hash_table_lookup (chosen_index, &gap->model_id));
      if (r-- == 0 || m-- == 0)
        continue;
      cell = &self->rows[r].cells[m];
      newest = &gap_import[(gsize) r * self->n_models + m];
      if (cell->kind == LB_CELL_VALUE)
        continue;
      if ((cell->kind == LB_CELL_GAP || cell->kind == LB_CELL_WITHDRAWN)
          && (gap->import_id < *newest || (gap->import_id == *newest && gap->id < cell->result_id)))
        continue;
      *newest = gap->import_id;
      g_free (cell->raw);
      g_free (cell->source_path);
      g_clear_pointer (&cell->was_raw, g_free);
      cell->kind = gap->withdrawn ? LB_CELL_WITHDRAWN : LB_CELL_GAP;
      if (gap->withdrawn)
        {
          cell->was_score = gap->was_score;
          cell->was_raw = g_strdup (gap->was_raw);
          cell->was_import_id = gap->was_import_id;
          cell->was_row = gap->was_row;
          cell->was_column = gap->was_column;
        }
      cell->reason = gap->reason != NULL ? g_intern_string (gap->reason) : NULL;
      cell->result_id = gap->id;
      cell->import_id = gap->import_id;
      cell->source_row = gap->source_row;
      cell->source_column = gap->source_column;
      cell->source_path = g_strdup (gap->source_path);
      cell->raw = g_strdup (gap->raw);
    }

  /* Normalise, mark the best, take differences to the baseline. */
  for (guint r = 0; r < self->n_rows; r++)
    {
      LbCompareRow *row = &self->rows[r];
      const LbBenchmark *benchmark = row->benchmark;
      gboolean higher = benchmark->higher_is_better;
      guint n_items = GPOINTER_TO_UINT (g_hash_table_lookup (options->item_counts, &benchmark->id));
      /* The options' count (a what-if) first, then the one recorded with the benchmark. */
      if (n_items == 0)
        n_items = benchmark->n_items;
      const LbCompareCell *base = &row->cells[self->baseline];
      double span;
      double best = NAN;
      guint clamped = 0;

      if (options->normalization == LB_NORMALIZE_DECLARED_SCALE && benchmark->has_scale
          && isfinite (benchmark->scale_min) && isfinite (benchmark->scale_max)
          && benchmark->scale_max > benchmark->scale_min)
        {
          row->method = LB_NORMALIZE_DECLARED_SCALE;
          row->range_min = benchmark->scale_min;
          row->range_max = benchmark->scale_max;
        }
      else
        {
          row->method = LB_NORMALIZE_MIN_MAX;
          row->range_min = seen[r] ? lo[r] : NAN;
          row->range_max = seen[r] ? hi[r] : NAN;
        }
      span = row->range_max - row->range_min;
      row->degenerate = !(span > 0.0);

      for (guint m = 0; m < self->n_models; m++)
        {
          LbCompareCell *cell = &row->cells[m];
          double n;

          if (cell->kind != LB_CELL_VALUE)
            continue;
          row->n_values++;
          if (!cell->has_stderr
              && binomial_stderr (benchmark, n_items, cell->score, &cell->stderr_value))
            cell->has_stderr = cell->stderr_binomial = TRUE;

          if (row->degenerate)
            {
              /* nothing to tell the models apart: every one is as good as the best */
              n = 1.0;
              cell->normalized_stderr = 0.0;
            }
          else
            {
              n = (cell->score - row->range_min) / span;
              if (n < 0.0 || n > 1.0)
                {
                  cell->clamped = TRUE;
                  clamped++;
                  n = CLAMP (n, 0.0, 1.0);
                }
              if (!higher)
                n = 1.0 - n;
              cell->normalized_stderr = cell->stderr_value / span;
            }
          cell->normalized = n;

          if (isnan (best) || (higher ? cell->score > best : cell->score < best))
            best = cell->score;
        }

      for (guint m = 0; m < self->n_models; m++)
        {
          LbCompareCell *cell = &row->cells[m];

          if (cell->kind != LB_CELL_VALUE)
            continue;
          cell->best = cell->score == best;
          if (m == self->baseline)
            {
              cell->baseline = TRUE;
              continue;
            }
          if (base->kind != LB_CELL_VALUE)
            continue;
          cell->has_difference = TRUE;
          cell->difference = cell->score - base->score;
          cell->difference_better = higher ? cell->difference > 0 : cell->difference < 0;
          cell->significance = significance_of (cell->difference, cell->has_stderr,
                                                cell->stderr_value, base->has_stderr,
                                                base->stderr_value);
        }
      row->common = row->n_values == self->n_models;

      /* A benchmark nobody has a value for stays in view, and says so. */
      if (row->n_values == 0 && self->n_models > 0)
        g_ptr_array_add (self->notes,
                         g_strdup_printf (ngettext ("“%s” has no value for the model compared (covered by 0 of %u); it counts in no composite.",
                                                    "“%s” has no value for any of the %u models compared (covered by 0 of %u); it counts in no composite.",
                                                    self->n_models),
                                          benchmark->name, self->n_models, self->n_models));

      if (clamped > 0)
        {
          g_autofree char *min_s = format_number (row->range_min);
          g_autofree char *max_s = format_number (row->range_max);

          g_ptr_array_add (self->notes,
                           g_strdup_printf (ngettext ("%u score of “%s” lies outside its declared scale %s–%s and counts as the nearest end of it.",
                                                      "%u scores of “%s” lie outside its declared scale %s–%s and count as the nearest end of it.",
                                                      clamped),
                                            clamped, benchmark->name, min_s, max_s));
        }
    }
}

/* @composite as lb_compare_format_composite() prints it, in thousandths: printf's rounding
 * of the binary value, which round (composite * 1000) does not always match. */
static gint64
shown_thousandths (double composite)
{
  g_autofree char *text = lb_compare_format_composite (composite);
  gint64 n = 0;
  gboolean negative = text[0] == '-';

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      n = n * 10 + (*p - '0');
  return negative ? -n : n;
}

/* The most distinct settings of one benchmark compared pairwise. */
#define SETTINGS_COMPARED 64
/* The most neighbouring pairs too close to call the uncertainty sentence names. */
#define SMALL_GAPS_LISTED 12
/* The most groups of models that cannot be told apart it names. */
#define TIE_GROUPS_LISTED 12

/* Scores of one benchmark that their sources say were produced under different settings (a
 * harness version, the number of shots, the temperature) are not comparable as they stand:
 * sets @row->settings_differ and says which settings each compared model's score has, or
 * returns NULL when they agree (lb_settings_agree(): a value whose source states none agrees
 * with any, one stating no shots with one stating them). */
static char *
settings_note (LbComparison *self,
               LbCompareRow *row)
{
  g_autoptr(GPtrArray) settings = g_ptr_array_new ();   /* distinct, borrowed */
  g_autoptr(GString) groups = g_string_new (NULL);
  gboolean some_state_shots = FALSE;

  for (guint m = 0; m < self->n_models; m++)
    {
      const LbCompareCell *cell = &row->cells[m];

      if (cell->kind == LB_CELL_VALUE && cell->settings != NULL
          && !g_ptr_array_find_with_equal_func (settings, cell->settings, g_str_equal, NULL))
        g_ptr_array_add (settings, cell->settings);
    }
  /* Two settings that cannot be told to agree (a value stating no shots agrees with one
   * stating them); past SETTINGS_COMPARED distinct ones, they differ without a doubt. */
  row->settings_differ = settings->len > SETTINGS_COMPARED;
  for (guint i = 0; !row->settings_differ && i < settings->len; i++)
    for (guint k = i + 1; !row->settings_differ && k < settings->len; k++)
      row->settings_differ = !lb_settings_agree (g_ptr_array_index (settings, i),
                                                 g_ptr_array_index (settings, k));
  if (!row->settings_differ)
    return NULL;
  for (guint i = 0; i < settings->len && !some_state_shots; i++)
    some_state_shots = lb_settings_state_shots (g_ptr_array_index (settings, i));
  for (guint i = 0; i < settings->len; i++)
    {
      const char *stated = g_ptr_array_index (settings, i);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *quoted = NULL;
      guint n = 0;

      /* Beside texts that give a number of shots, one that gives none is not "0-shot". */
      if (some_state_shots && !lb_settings_state_shots (stated))
        /* TRANSLATORS: settings as the source states them, when others name a number of shots */
        quoted = g_strdup_printf (_("“%s” (no number of shots stated)"), stated);
      else
        quoted = g_strdup_printf (_("“%s”"), stated);

      for (guint m = 0; m < self->n_models; m++)
        {
          const LbCompareCell *cell = &row->cells[m];
          g_autofree char *name = NULL;

          if (cell->kind != LB_CELL_VALUE || g_strcmp0 (cell->settings, stated) != 0)
            continue;
          name = g_strdup_printf (_("“%s”"), self->models[m].model->name);
          /* TRANSLATORS: joins names in a list */
          g_string_append_printf (names, "%s%s", n++ > 0 ? _(", ") : "", name);
        }
      if (groups->len > 0)
        /* TRANSLATORS: separates the groups of "settings for models" in a list */
        g_string_append (groups, C_("settings groups", "; "));
      /* TRANSLATORS: settings as the source states them, then the models whose score used them:
       * "“lm-evaluation-harness 0.4.2; 5-shot” for “Model A”, “Model B”" */
      g_string_append_printf (groups, _("%s for %s"), quoted, names->str);
    }
  /* TRANSLATORS: a benchmark, then the groups of settings and models */
  return g_strdup_printf (_("The scores on “%s” were produced under different settings (%s), so they "
                            "are not comparable as they stand: rerun them under one setting, or give "
                            "the benchmark weight 0 in a profile."),
                          row->benchmark->name, groups->str);
}

static void
compute_composites (LbComparison *self,
                    double       *sums,
                    double       *weights)
{
  for (guint m = 0; m < self->n_models; m++)
    {
      LbCompareModel *model = &self->models[m];
      double variance = 0.0;
      gboolean all_stderr = TRUE;

      model->n_benchmarks = self->n_rows;
      sums[m] = weights[m] = 0.0;
      for (guint r = 0; r < self->n_rows; r++)
        {
          const LbCompareRow *row = &self->rows[r];
          LbCompareCell *cell = &row->cells[m];

          if (cell->kind == LB_CELL_VALUE)
            model->n_covered++;
          else if (row->weight > 0.0)
            model->partial = TRUE;
          if (!row->in_composite || cell->kind != LB_CELL_VALUE)
            continue;
          cell->in_composite = TRUE;
          model->composite_n++;
          sums[m] += row->weight * cell->normalized;
          weights[m] += row->weight;
          if (cell->has_stderr)
            variance += row->weight * row->weight * cell->normalized_stderr * cell->normalized_stderr;
          else
            all_stderr = FALSE;
        }
      if (weights[m] > 0.0)
        {
          model->has_composite = TRUE;
          model->composite = sums[m] / weights[m];
          model->composite_shown = shown_thousandths (model->composite);
          model->has_composite_stderr = all_stderr;
          model->composite_stderr = all_stderr ? sqrt (variance) / weights[m] : 0.0;
        }
    }
}

static int
ranking_cmp (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const LbComparison *self = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  double ca = self->models[ia].composite;
  double cb = self->models[ib].composite;

  if (fabs (ca - cb) > LB_COMPARE_EPSILON)
    return ca > cb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

gboolean
lb_compare_models_distinguishable (const LbCompareModel *a,
                                   const LbCompareModel *b)
{
  double d;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!a->has_composite || !b->has_composite)
    return FALSE;
  /* Composites that print alike are tied: the reader cannot see a difference. (Compared as
   * numbers printed once per model: this runs for every pair of a ranking.) */
  if (a->composite_shown == b->composite_shown)
    return FALSE;
  if (!a->has_composite_stderr || !b->has_composite_stderr)
    return TRUE;
  d = fabs (a->composite - b->composite);
  return d > 2.0 * sqrt (a->composite_stderr * a->composite_stderr
                         + b->composite_stderr * b->composite_stderr) + LB_COMPARE_EPSILON;
}

/* Sorted by composite. A model's rank is a range (as LMArena's rank bounds): from 1 + the number
 * of models significantly better to the number of models not significantly worse, itself
 * included. "Significantly" is by more than two combined standard errors where both have one,
 * and any printed difference where one lacks it. Models whose ranges overlap their neighbour's
 * share a tie group. */
static void
compute_ranking (LbComparison *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint group = 0;
  guint n_with_stderr = 0;
  guint n_groups = 0;

  self->ranking = g_new0 (guint, self->n_models);
  for (guint m = 0; m < self->n_models; m++)
    if (self->models[m].has_composite)
      self->ranking[self->n_ranked++] = m;
  g_qsort_with_data (self->ranking, self->n_ranked, sizeof (guint), ranking_cmp, self);

  for (guint i = 0; i < self->n_ranked; i++)
    {
      LbCompareModel *model = &self->models[self->ranking[i]];
      guint better = 0, worse = 0;

      if (model->has_composite_stderr)
        n_with_stderr++;
      for (guint j = 0; j < self->n_ranked; j++)
        {
          const LbCompareModel *other = &self->models[self->ranking[j]];

          if (j == i || !lb_compare_models_distinguishable (model, other))
            continue;
          if (other->composite > model->composite)
            better++;
          else
            worse++;
        }
      model->rank_lo = 1 + better;
      model->rank_hi = self->n_ranked - worse;
      model->rank = model->rank_lo;
    }
  /* Tie groups: runs of neighbours whose ranges overlap. */
  for (guint i = 0; i + 1 < self->n_ranked; i++)
    {
      LbCompareModel *model = &self->models[self->ranking[i]];
      LbCompareModel *next = &self->models[self->ranking[i + 1]];

      if (next->rank_lo <= model->rank_hi)
        {
          if (model->tie_group == 0)
            model->tie_group = ++group;
          next->tie_group = model->tie_group;
        }
    }
  self->has_uncertainty = n_with_stderr > 0;

  if (self->n_ranked < 2)
    {
      self->uncertainty_text = g_strdup ("");
      return;
    }
  if (n_with_stderr == 0)
    {
      g_autoptr(GString) lacking = g_string_new (NULL);
      guint n_lacking = 0;
      gboolean some = FALSE;

      /* Name the benchmarks that keep the composites from having a standard error. */
      for (guint r = 0; r < self->n_rows; r++)
        {
          gboolean row_lacks = FALSE;

          for (guint m = 0; m < self->n_models; m++)
            {
              const LbCompareCell *cell = &self->rows[r].cells[m];

              if (!cell->in_composite)
                continue;
              if (cell->has_stderr)
                some = TRUE;
              else
                row_lacks = TRUE;
            }
          if (row_lacks)
            {
              if (n_lacking++ > 0)
                g_string_append (lacking, _(", "));
              g_string_append_printf (lacking, _("“%s”"), self->rows[r].benchmark->name);
            }
        }
      if (some)
        g_string_append_printf (text,
                                ngettext ("Results on %s carry no standard error, so the composites have none and the ranking has no uncertainty information: a small difference may not be real.",
                                          "Results on %s carry no standard errors, so the composites have none and the ranking has no uncertainty information: a small difference may not be real.",
                                          n_lacking),
                                lacking->str);
      else
        g_string_append (text, _("The results carry no standard errors, so the ranking has no uncertainty information: a small difference may not be real."));
    }
  else if (n_with_stderr < self->n_ranked)
    g_string_append_printf (text,
                            ngettext ("Standard errors are known for %u of %u ranked model; differences involving the others have no uncertainty information.",
                                      "Standard errors are known for %u of %u ranked models; differences involving the others have no uncertainty information.",
                                      self->n_ranked),
                            n_with_stderr, self->n_ranked);

  /* Without standard errors, name the steps too small to call. */
  if (n_with_stderr < self->n_ranked)
    {
      g_autoptr(GString) gaps = g_string_new (NULL);
      g_autofree char *threshold = lb_compare_format_composite (LB_COMPARE_SMALL_GAP);
      guint n_small = 0;

      for (guint i = 0; i + 1 < self->n_ranked; i++)
        {
          const LbCompareModel *a = &self->models[self->ranking[i]];
          const LbCompareModel *b = &self->models[self->ranking[i + 1]];
          double d = a->composite - b->composite;
          g_autofree char *gap = NULL;

          if ((a->has_composite_stderr && b->has_composite_stderr) || d >= LB_COMPARE_SMALL_GAP
              || !lb_compare_models_distinguishable (a, b))
            continue;
          /* the gap as the reader can work it out from the printed composites */
          if (n_small++ >= SMALL_GAPS_LISTED)
            continue;   /* counted, not listed: a sentence, not a page of names */
          gap = lb_compare_format_composite ((round (a->composite * 1000) - round (b->composite * 1000)) / 1000);
          if (n_small > 1)
            g_string_append (gaps, _(", "));
          /* TRANSLATORS: two neighbours of the ranking and the gap between their composites */
          g_string_append_printf (gaps, _("“%s” – “%s” (%s)"), a->model->name, b->model->name, gap);
        }
      if (n_small > SMALL_GAPS_LISTED)
        /* TRANSLATORS: ends the list of the gaps too small to call, those not named */
        g_string_append_printf (gaps, _(" and %u more"), n_small - SMALL_GAPS_LISTED);
      if (n_small > 0)
        lb_sentence_append_printf (text,
                                   ngettext ("Without standard errors, a gap under %s between neighbouring composites is too small to call; %u is: %s.",
                                             "Without standard errors, a gap under %s between neighbouring composites is too small to call; %u are: %s.",
                                             n_small),
                                   threshold, n_small, gaps->str);
      else
        lb_sentence_append_printf (text, _("No gap between neighbouring composites without standard errors is under %s."),
                                   threshold);
    }

  /* The groups' members in ranking order, bucketed in one pass (a group per model would
   * otherwise read the ranking once per group). */
  {
    g_autofree guint *first = g_new0 (guint, group + 2);
    g_autofree guint *members_all = g_new (guint, self->n_ranked + 1);
    g_autofree guint *filled = g_new0 (guint, group + 2);
    guint n_more = 0;

    for (guint i = 0; i < self->n_ranked; i++)
      first[self->models[self->ranking[i]].tie_group + 1]++;
    for (guint g = 1; g <= group + 1; g++)
      first[g] += first[g - 1];
    for (guint i = 0; i < self->n_ranked; i++)
      {
        guint g = self->models[self->ranking[i]].tie_group;

        members_all[first[g] + filled[g]++] = self->ranking[i];
      }

    for (guint g = 1; g <= group; g++)
      {
        const guint *members = members_all + first[g];
        guint n = filled[g];
        g_autofree char *names = NULL;
        guint lo = G_MAXUINT, hi = 0;
        gboolean same = TRUE;
        g_autofree char *t0 = NULL;

        if (n == 0)
          continue;
        n_groups++;
        if (n_groups > TIE_GROUPS_LISTED)
          {
            n_more++;
            continue;
          }
        t0 = lb_compare_format_composite (self->models[members[0]].composite);
        for (guint k = 0; k < n; k++)
          {
            const LbCompareModel *model = &self->models[members[k]];

            lo = MIN (lo, model->rank_lo);
            hi = MAX (hi, model->rank_hi);
            if (k > 0)
              {
                g_autofree char *t1 = lb_compare_format_composite (model->composite);

                same &= g_str_equal (t0, t1);
              }
          }
        names = join_names (self, members, n);
        if (!same)
          lb_sentence_append_printf (text, _("%s cannot be told apart (their composites differ by less than two standard errors): their ranks lie within %u–%u."),
                                     names, lo, hi);
        else
          lb_sentence_append_printf (text, _("%s have the same composite and share rank %u."), names, lo);
      }
    if (n_more > 0)
      lb_sentence_append_printf (text,
                                 ngettext ("%u more group of models cannot be told apart either; the ranking gives each model’s rank range.",
                                           "%u more groups of models cannot be told apart either; the ranking gives each model’s rank range.",
                                           n_more),
                                 n_more);
  }
  if (n_groups == 0 && n_with_stderr == self->n_ranked)
    lb_sentence_append (text, _("Every step in the ranking is larger than two standard errors."));
  self->uncertainty_text = g_string_free (g_steal_pointer (&text), FALSE);
}

/* The model on top after one variation: the current top stays unless another is strictly
 * ahead. */
static guint
top_after (const LbComparison *self,
           const double       *sums,
           const double       *weights,
           guint               r,
           LbFlipKind          kind)
{
  const LbCompareRow *row = &self->rows[r];
  guint top = self->ranking[0];
  double best = -G_MAXDOUBLE;
  guint best_m = top;
  double factor = kind == LB_FLIP_LEAVE_OUT ? -1.0 : kind == LB_FLIP_WEIGHT_UP ? 0.5 : -0.5;

  for (guint i = 0; i < self->n_ranked; i++)
    {
      guint m = self->ranking[i];
      const LbCompareCell *cell = &row->cells[m];
      double s = sums[m];
      double w = weights[m];
      double c;

      if (cell->in_composite)
        {
          s += factor * row->weight * cell->normalized;
          w += factor * row->weight;
        }
      if (w <= LB_COMPARE_EPSILON)
        continue;
      c = s / w;
      if (c > best + LB_COMPARE_EPSILON || (m == top && c >= best - LB_COMPARE_EPSILON))
        {
          best = c;
          best_m = m;
        }
    }
  return best_m;
}

static void
compute_robustness (LbComparison *self,
                    const double *sums,
                    const double *weights)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const LbCompareModel *top;
  guint n_rows_counted = 0;

  self->flips = g_array_new (FALSE, FALSE, sizeof (LbCompareFlip));
  if (self->n_ranked < 2)
    {
      self->robustness_text = g_strdup (_("Robustness needs at least two models with a composite."));
      return;
    }
  top = &self->models[self->ranking[0]];

  for (guint r = 0; r < self->n_rows; r++)
    if (self->rows[r].in_composite)
      n_rows_counted++;
  if (n_rows_counted < 2)
    {
      self->robustness_text = g_strdup_printf (_("Only one benchmark counts in the composite, so “%s” is on top by that benchmark alone; leaving a benchmark out or moving a weight cannot be tested."),
                                               top->model->name);
      return;
    }

  self->robustness_tested = TRUE;
  for (guint r = 0; r < self->n_rows; r++)
    {
      static const LbFlipKind kinds[] = { LB_FLIP_LEAVE_OUT, LB_FLIP_WEIGHT_UP, LB_FLIP_WEIGHT_DOWN };

      if (!self->rows[r].in_composite)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          guint new_top = top_after (self, sums, weights, r, kinds[k]);

          if (new_top != self->ranking[0])
            {
              LbCompareFlip flip = { kinds[k], r, new_top };

              g_array_append_val (self->flips, flip);
            }
        }
    }
  self->top_robust = self->flips->len == 0;

  if (top->tie_group != 0)
    g_string_append_printf (text, _("No model is clearly on top (see the uncertainty above); by the composite alone, "));
  if (self->top_robust)
    {
      g_string_append_printf (text, _("“%s” stays on top when any single benchmark is left out and when any weight moves by ±50%%."),
                              top->model->name);
    }
  else
    {
      guint named = MIN (self->flips->len, LB_COMPARE_FLIPS_NAMED);

      g_string_append_printf (text, _("“%s” is on top, but "), top->model->name);
      for (guint i = 0; i < named; i++)
        {
          const LbCompareFlip *flip = &g_array_index (self->flips, LbCompareFlip, i);
          const char *benchmark = self->rows[flip->row].benchmark->name;
          const char *other = self->models[flip->new_top].model->name;

          if (i > 0)
            g_string_append (text, _("; "));
          switch (flip->kind)
            {
            case LB_FLIP_LEAVE_OUT:
              g_string_append_printf (text, _("leaving out “%s” puts “%s” on top"), benchmark, other);
              break;
            case LB_FLIP_WEIGHT_UP:
              g_string_append_printf (text, _("raising the weight of “%s” by 50%% puts “%s” on top"), benchmark, other);
              break;
            case LB_FLIP_WEIGHT_DOWN:
              g_string_append_printf (text, _("lowering the weight of “%s” by 50%% puts “%s” on top"), benchmark, other);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (self->flips->len > named)
        g_string_append_printf (text,
                                ngettext ("; and %u other change does too",
                                          "; and %u other changes do too",
                                          self->flips->len - named),
                                self->flips->len - named);
      g_string_append (text, _("."));
    }
  self->robustness_text = g_string_free (g_steal_pointer (&text), FALSE);
}

static void
compose_texts (LbComparison *self,
               guint         n_fallback,
               guint         n_not_common)
{
  g_autoptr(GString) method = g_string_new (NULL);
  g_autoptr(GString) coverage = g_string_new (NULL);

  if (self->normalization == LB_NORMALIZE_DECLARED_SCALE)
    {
      g_string_append (method, _("Each benchmark’s scores are rescaled to 0–1 against its declared scale (1 = best); lower-is-better benchmarks are inverted."));
      if (n_fallback > 0)
        {
          lb_sentence_append_printf (method,
                                     ngettext ("%u benchmark declares no scale and is rescaled between the lowest and highest score of the leaderboard’s models instead.",
                                               "%u benchmarks declare no scale and are rescaled between the lowest and highest score of the leaderboard’s models instead.",
                                               n_fallback),
                                     n_fallback);
        }
    }
  else
    g_string_append (method, _("Each benchmark’s scores are rescaled to 0–1 between the lowest and highest score of the leaderboard’s models (1 = best); lower-is-better benchmarks are inverted."));
  if (self->profile_name != NULL)
    lb_sentence_append_printf (method, _("The composite is the mean of the rescaled scores weighted by the profile “%s”."),
                               self->profile_name);
  else
    lb_sentence_append (method, _("The composite is the mean of the rescaled scores, every benchmark weighing the same."));
  self->method_text = g_string_free (g_steal_pointer (&method), FALSE);

  if (self->include_partial)
    {
      if (self->n_composite == 0)
        g_string_append (coverage, _("No composite: no benchmark of weight above zero has a result."));
      else
        g_string_append_printf (coverage,
                                ngettext ("Composite over each model’s own results on %u benchmark of %u; models marked partial lack some of them, so their composites are not over the same benchmarks.",
                                          "Composite over each model’s own results on %u benchmarks of %u; models marked partial lack some of them, so their composites are not over the same benchmarks.",
                                          self->n_composite),
                                self->n_composite, self->n_rows);
    }
  else if (self->n_composite == 0)
    {
      if (self->n_rows > 0 && self->n_zero_weight == self->n_rows)
        g_string_append (coverage, _("No composite: every benchmark has weight 0 in the profile."));
      else
        g_string_append (coverage, _("No composite: no benchmark has a result for every compared model. Compare fewer models, or include partial models."));
    }
  else
    {
      /* TRANSLATORS: "over 7 of 9 benchmarks" */
      g_string_append_printf (coverage,
                              ngettext ("Composite over %u of %u benchmark.",
                                        "Composite over %u of %u benchmarks.",
                                        self->n_rows),
                              self->n_composite, self->n_rows);
      if (n_not_common > 0)
        {
          lb_sentence_append_printf (coverage,
                                     ngettext ("%u is left out because some compared models have no result for it (they are marked partial).",
                                               "%u are left out because some compared models have no result for them (they are marked partial).",
                                               n_not_common),
                                     n_not_common);
        }
    }
  if (self->n_zero_weight > 0 && self->profile_name != NULL
      && !(self->n_composite == 0 && self->n_zero_weight == self->n_rows))
    {
      lb_sentence_append_printf (coverage,
                                 ngettext ("%u has weight 0 in the profile or is not in it.",
                                           "%u have weight 0 in the profile or are not in it.",
                                           self->n_zero_weight),
                                 self->n_zero_weight);
    }
  self->coverage_text = g_string_free (g_steal_pointer (&coverage), FALSE);
}

LbComparison *
lb_compare (GPtrArray               *benchmarks,
            GPtrArray               *models,
            GPtrArray               *results,
            GPtrArray               *gaps,
            const LbCompareOptions  *options,
            GError                 **error)
{
  g_autoptr(LbComparison) self = NULL;
  g_autoptr(GPtrArray) rows_in = NULL;
  g_autoptr(GHashTable) model_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) chosen_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree double *sums = NULL;
  g_autofree double *weights = NULL;
  g_autoptr(GHashTable) left_out = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_fallback = 0;
  guint n_not_common = 0;
  guint n_unlisted = 0;
  g_autoptr(GString) guessed = g_string_new (NULL);
  guint n_guessed = 0;
  const LbCompareRow *last_guessed = NULL;

  g_return_val_if_fail (benchmarks != NULL, NULL);
  g_return_val_if_fail (models != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* which models */
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = g_ptr_array_index (models, i);

      g_hash_table_insert (model_by_id, &model->id, model);
    }
  if (options->models->len == 0)
    for (guint i = 0; i < models->len; i++)
      {
        LbModel *model = g_ptr_array_index (models, i);

        if (model->unlisted && !options->include_unlisted)
          n_unlisted++;
        else
          g_ptr_array_add (chosen, model);
      }
  for (guint i = 0; i < options->models->len; i++)
    {
      gint64 id = g_array_index (options->models, gint64, i);
      LbModel *model = g_hash_table_lookup (model_by_id, &id);

      if (model == NULL)
        {
          g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_MODEL,
                       _("Model %" PRId64 " is not in this leaderboard. Pick the models to compare again."),
                       id);
          return NULL;
        }
      g_ptr_array_add (chosen, model);
    }
  if (chosen->len < 2)
    {
      g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_TOO_FEW_MODELS,
                   ngettext ("A comparison needs at least two models, but only %u is chosen. Pick another model.",
                             "A comparison needs at least two models, but only %u are chosen. Pick more models.",
                             chosen->len),
                   chosen->len);
      return NULL;
    }

  self = g_new0 (LbComparison, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_unlisted = n_unlisted;
  self->normalization = options->normalization;
  self->include_partial = options->include_partial;
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->n_models = chosen->len;
  self->models = g_new0 (LbCompareModel, self->n_models);
  for (guint m = 0; m < self->n_models; m++)
    {
      LbModel *model = g_ptr_array_index (chosen, m);

      self->models[m].model = lb_model_copy (model);
      g_hash_table_insert (chosen_index, &self->models[m].model->id, GUINT_TO_POINTER (m + 1));
    }
  /* Models no longer listed stay out of the ranges unless included or chosen. */
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = g_ptr_array_index (models, i);

      if (model->unlisted && !options->include_unlisted
          && !g_hash_table_contains (chosen_index, &model->id))
        {
          g_hash_table_add (left_out, &model->id);
          /* Counted once (a default choice counted it already). */
          if (options->models->len > 0)
            self->n_unlisted++;
        }
    }

  if (options->baseline != 0)
    {
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (chosen_index, &options->baseline));

      if (b == 0)
        {
          LbModel *model = g_hash_table_lookup (model_by_id, &options->baseline);

          if (model != NULL)
            g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_MODEL,
                         _("The baseline “%s” is not among the compared models. Add it to the comparison or pick another baseline."),
                         model->name);
          else
            g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_MODEL,
                         _("The baseline model %" PRId64 " is not in this leaderboard. Pick another baseline."),
                         options->baseline);
          return NULL;
        }
      self->baseline = b - 1;
    }
  self->models[self->baseline].baseline = TRUE;

  /* which benchmarks, in column order */
  rows_in = g_ptr_array_new ();
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);

      if (benchmark->retired && !options->include_retired)
        self->n_retired++;
      else
        g_ptr_array_add (rows_in, benchmark);
    }
  g_ptr_array_sort (rows_in, benchmark_by_position);
  self->n_rows = rows_in->len;
  self->rows = g_new0 (LbCompareRow, self->n_rows);
  for (guint r = 0; r < self->n_rows; r++)
    {
      self->rows[r].benchmark = lb_benchmark_copy (g_ptr_array_index (rows_in, r));
      self->rows[r].weight = options->profile != NULL ? 0.0 : 1.0;
    }

  /* weights */
  if (options->profile != NULL)
    {
      const LbProfile *profile = options->profile;

      self->profile_name = g_strdup (profile->name);
      for (guint i = 0; profile->weights != NULL && i < profile->weights->len; i++)
        {
          const LbWeight *weight = g_ptr_array_index (profile->weights, i);
          gboolean found = FALSE;

          if (!isfinite (weight->weight) || weight->weight < 0.0)
            {
              g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_WEIGHT,
                           _("The profile “%s” gives “%s” the weight %g. A weight must be 0 or more; edit the profile."),
                           profile->name, weight->benchmark, weight->weight);
              return NULL;
            }
          for (guint r = 0; r < self->n_rows; r++)
            if (g_strcmp0 (self->rows[r].benchmark->name, weight->benchmark) == 0)
              {
                self->rows[r].weight = weight->weight;
                found = TRUE;
              }
          if (!found)
            {
              gboolean retired = FALSE;

              for (guint i2 = 0; i2 < benchmarks->len; i2++)
                if (g_strcmp0 (((LbBenchmark *) g_ptr_array_index (benchmarks, i2))->name, weight->benchmark) == 0)
                  retired = TRUE;
              if (retired)
                g_ptr_array_add (self->notes,
                                 g_strdup_printf (_("The profile “%s” weighs “%s”, which is retired; the weight is not used."),
                                                  profile->name, weight->benchmark));
              else
                g_ptr_array_add (self->notes,
                                 g_strdup_printf (_("The profile “%s” weighs “%s”, which is not a benchmark of this leaderboard; the weight is not used."),
                                                  profile->name, weight->benchmark));
            }
        }
    }

  compute_rows (self, rows_in, results, gaps, chosen_index, left_out, options);

  for (guint r = 0; r < self->n_rows; r++)
    {
      LbCompareRow *row = &self->rows[r];

      if (row->weight <= 0.0)
        self->n_zero_weight++;
      else if (!row->common)
        n_not_common++;
      if (row->method != self->normalization)
        n_fallback++;
      row->in_composite = row->weight > 0.0
                          && (self->include_partial ? row->n_values > 0 : row->common);
      if (row->in_composite)
        self->n_composite++;
      if (row->in_composite && !row->benchmark->direction_confirmed)
        {
          /* TRANSLATORS: joins the benchmarks whose direction is a guess */
          g_string_append_printf (guessed, "%s", n_guessed++ > 0 ? _(", ") : "");
          g_string_append_printf (guessed,
                                  row->benchmark->higher_is_better ? _("“%s” (higher is better)")
                                                                   : _("“%s” (lower is better)"),
                                  row->benchmark->name);
          last_guessed = row;
        }
    }
  for (guint r = 0; r < self->n_rows; r++)
    {
      g_autofree char *note = settings_note (self, &self->rows[r]);

      if (note != NULL)
        g_ptr_array_add (self->notes, g_steal_pointer (&note));
    }
  /* One note for all the guesses: one per benchmark pushed the comparison off a small page. */
  if (n_guessed == 1)
    g_ptr_array_add (self->notes,
                     g_strdup_printf (last_guessed->benchmark->higher_is_better
                                      ? _("That higher is better on “%s” is only the importer’s guess; confirm the direction in the benchmark’s details.")
                                      : _("That lower is better on “%s” is only the importer’s guess; confirm the direction in the benchmark’s details."),
                                      last_guessed->benchmark->name));
  else if (n_guessed > 1)
    g_ptr_array_add (self->notes,
                     g_strdup_printf (_("The directions of %u benchmarks are only the importer’s guess: %s. Confirm them in each benchmark’s details."),
                                      n_guessed, guessed->str));
  if (self->n_unlisted > 0)
    g_ptr_array_add (self->notes,
                     g_strdup_printf (ngettext ("%u model is no longer listed in the newest version of the sheet and is left out (include it with “Include models no longer listed”).",
                                                   "%u models are no longer listed in the newest version of the sheet and are left out (include them with “Include models no longer listed”).",
                                                   self->n_unlisted),
                                      self->n_unlisted));
  if (self->n_retired > 0)
    g_ptr_array_add (self->notes,
                     g_strdup_printf (ngettext ("%u retired benchmark is left out.",
                                                "%u retired benchmarks are left out.",
                                                self->n_retired),
                                      self->n_retired));

  sums = g_new0 (double, self->n_models);
  weights = g_new0 (double, self->n_models);
  compute_composites (self, sums, weights);
  compute_ranking (self);
  compute_robustness (self, sums, weights);
  compose_texts (self, n_fallback, n_not_common);

  return g_steal_pointer (&self);
}

/* ---- as text ---- */

/* Columns a terminal gives @text: wide (CJK) characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_string_append (out, text);
  for (guint w = display_width (text); w < width; w++)
    g_string_append_c (out, ' ');
}

static char *
cell_text (const LbComparison *self,
           const LbCompareRow *row,
           guint               m,
           GPtrArray          *footnotes)
{
  const LbCompareCell *cell = &row->cells[m];
  g_autofree char *score = NULL;
  GString *s;

  if (cell->kind != LB_CELL_VALUE)
    {
      g_autofree char *where = NULL;
      char *note;

      if (cell->kind == LB_CELL_WITHDRAWN)
        {
          g_autofree char *withdrawn = lb_compare_dup_withdrawn_text (row, cell);

          /* TRANSLATORS: a footnote: model, benchmark, then "— withdrawn in …; was …" */
          note = g_strdup_printf (_("“%s” on “%s”: %s"), self->models[m].model->name,
                                  row->benchmark->name, withdrawn);
        }
      else if (cell->kind == LB_CELL_GAP)
        {
          where = lb_cell_source_text (cell->import_id, NULL, NULL, cell->source_row,
                                       cell->source_column, cell->source_path);
          /* TRANSLATORS: a footnote: model, benchmark, reason, then where the cell came from
           * ("import 2, cell D4") */
          note = g_strdup_printf (_("“%s” on “%s”: %s (%s)"),
                                  self->models[m].model->name, row->benchmark->name,
                                  lb_compare_cell_reason (cell), where);
        }
      else
        note = g_strdup_printf (_("“%s” on “%s”: %s"), self->models[m].model->name, row->benchmark->name,
                                lb_compare_cell_reason (cell));
      g_ptr_array_add (footnotes, note);
      return g_strdup_printf ("—[%u]", footnotes->len);
    }

  score = lb_compare_format_cell_score_stderr (row, cell);
  s = g_string_new (score);
  if (cell->best)
    g_string_append_c (s, '*');
  if (cell->has_difference)
    {
      g_autofree char *diff = lb_compare_format_cell_difference (row, cell, &row->cells[self->baseline]);

      if (cell->significance == LB_SIGNIFICANCE_NOT_DISTINGUISHABLE)
        /* TRANSLATORS: "n.d." abbreviates "not distinguishable", explained below the table */
        g_string_append_printf (s, _(" (%s, n.d.)"), diff);
      else
        g_string_append_printf (s, " (%s)", diff);
    }
  if (cell->clamped)
    g_string_append (s, "!");
  return g_string_free (s, FALSE);
}

char *
lb_comparison_to_text (const LbComparison *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) footnotes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n_cols, n_lines;
  g_autofree guint *widths = NULL;
  gboolean any_best = FALSE, any_nd = FALSE, any_out = FALSE, any_clamped = FALSE;

  g_return_val_if_fail (self != NULL, NULL);

  /* a grid of strings: header, coverage, one line per benchmark, composite */
  n_cols = 2 + self->n_models;
  n_lines = 3 + self->n_rows;
  g_ptr_array_add (cells, g_strdup (_("Benchmark")));
  g_ptr_array_add (cells, g_strdup (_("Weight")));
  for (guint m = 0; m < self->n_models; m++)
    g_ptr_array_add (cells, self->models[m].baseline
                            ? g_strdup_printf (_("%s (baseline)"), self->models[m].model->name)
                            : g_strdup (self->models[m].model->name));

  g_ptr_array_add (cells, g_strdup (_("Coverage")));
  g_ptr_array_add (cells, g_strdup (""));
  for (guint m = 0; m < self->n_models; m++)
    {
      g_autofree char *coverage = g_strdup_printf ("%u/%u", self->models[m].n_covered, self->models[m].n_benchmarks);

      g_ptr_array_add (cells, self->models[m].partial ? g_strdup_printf (_("%s partial"), coverage)
                                                      : g_steal_pointer (&coverage));
    }

  for (guint r = 0; r < self->n_rows; r++)
    {
      const LbCompareRow *row = &self->rows[r];
      g_autofree char *weight = format_number (row->weight);

      g_ptr_array_add (cells, g_strdup_printf ("%s %s", row->benchmark->name,
                                               row->benchmark->higher_is_better ? "↑" : "↓"));
      if (!row->in_composite)
        any_out = TRUE;
      g_ptr_array_add (cells, g_strdup_printf (row->in_composite ? "×%s" : "×%s†", weight));
      for (guint m = 0; m < self->n_models; m++)
        {
          const LbCompareCell *cell = &row->cells[m];

          any_best |= cell->best;
          any_nd |= cell->has_difference && cell->significance == LB_SIGNIFICANCE_NOT_DISTINGUISHABLE;
          any_clamped |= cell->clamped;
          g_ptr_array_add (cells, cell_text (self, row, m, footnotes));
        }
    }

  g_ptr_array_add (cells, g_strdup (_("Composite")));
  g_ptr_array_add (cells, g_strdup (""));
  for (guint m = 0; m < self->n_models; m++)
    {
      const LbCompareModel *model = &self->models[m];
      GString *s;

      if (!model->has_composite)
        {
          g_ptr_array_add (cells, g_strdup ("—"));
          continue;
        }
      s = g_string_new (NULL);
      g_string_append_printf (s, "%.3f", model->composite);
      if (model->has_composite_stderr)
        g_string_append_printf (s, "±%.3f", model->composite_stderr);
      {
        g_autofree char *rank = lb_compare_format_rank (model);

        g_string_append_printf (s, " #%s", rank);
      }
      if (model->partial && self->include_partial)
        g_string_append_printf (s, _(" partial (%u)"), model->composite_n);
      g_ptr_array_add (cells, g_string_free (s, FALSE));
    }

  widths = g_new0 (guint, n_cols);
  for (guint l = 0; l < n_lines; l++)
    for (guint col = 0; col < n_cols; col++)
      widths[col] = MAX (widths[col], display_width (g_ptr_array_index (cells, l * n_cols + col)));

  if (self->profile_name != NULL)
    g_string_append_printf (out, _("Profile: %s"), self->profile_name);
  else
    g_string_append (out, _("Profile: equal weights"));
  g_string_append (out, "\n\n");
  for (guint l = 0; l < n_lines; l++)
    {
      for (guint col = 0; col < n_cols; col++)
        {
          const char *text = g_ptr_array_index (cells, l * n_cols + col);

          if (col == n_cols - 1)
            g_string_append (out, text);
          else
            {
              append_padded (out, text, widths[col]);
              g_string_append (out, "  ");
            }
        }
      /* no trailing blanks */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s\n", self->coverage_text);
  if (self->n_ranked > 0)
    {
      g_string_append (out, _("Ranking:"));
      for (guint i = 0; i < self->n_ranked; i++)
        {
          const LbCompareModel *model = &self->models[self->ranking[i]];

          g_autofree char *rank = lb_compare_format_rank (model);

          g_string_append_printf (out, " %s. %s (%.3f)%s", rank, model->model->name, model->composite,
                                  i + 1 < self->n_ranked ? ";" : "");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, _("Robustness: %s"), self->robustness_text);
  g_string_append_c (out, '\n');
  if (*self->uncertainty_text != '\0')
    {
      g_string_append_printf (out, _("Uncertainty: %s"), self->uncertainty_text);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, _("Method: %s"), self->method_text);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->notes->len; i++)
    {
      g_string_append_printf (out, _("Note: %s"), (const char *) g_ptr_array_index (self->notes, i));
      g_string_append_c (out, '\n');
    }

  if (any_best || any_nd || any_out || any_clamped || self->n_models > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, _("(±x) difference to the baseline."));
  if (any_best)
    lb_sentence_append (out, _("* best of the compared models."));
  if (any_nd)
    lb_sentence_append (out, _("n.d. not distinguishable: within two standard errors."));
  if (any_out)
    lb_sentence_append (out, _("† not in the composite."));
  if (any_clamped)
    lb_sentence_append (out, _("! outside the declared scale."));
  lb_sentence_append (out, _(" #n rank; #1–3 a rank range: the models it cannot be told apart from could stand anywhere in it (docs/compare.md)."));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < footnotes->len; i++)
    g_string_append_printf (out, "[%u] %s\n", i + 1, (const char *) g_ptr_array_index (footnotes, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- profiles ---- */

gboolean
lb_compare_check_profile (const LbProfile  *profile,
                          GPtrArray        *benchmarks,
                          GError          **error)
{
  g_autofree char *name = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (profile != NULL, FALSE);

  name = g_strstrip (g_strdup (profile->name != NULL ? profile->name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_PROFILE,
                           _("The profile has no name. Give it one, e.g. “Customer-support chatbot”."));
      return FALSE;
    }
  for (guint i = 0; profile->weights != NULL && i < profile->weights->len; i++)
    {
      const LbWeight *weight = g_ptr_array_index (profile->weights, i);
      gboolean known = benchmarks == NULL;

      if (!isfinite (weight->weight) || weight->weight < 0.0)
        {
          g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_WEIGHT,
                       _("The profile “%s” gives “%s” the weight %g. A weight must be 0 or more; edit the profile."),
                       profile->name, weight->benchmark, weight->weight);
          return FALSE;
        }
      for (guint b = 0; !known && b < benchmarks->len; b++)
        known = g_strcmp0 (((LbBenchmark *) g_ptr_array_index (benchmarks, b))->name, weight->benchmark) == 0;
      if (!known)
        {
          g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_PROFILE,
                       _("The profile “%s” weighs “%s”, which is not a benchmark of this leaderboard. Remove the weight or check the name."),
                       profile->name, weight->benchmark);
          return FALSE;
        }
      any |= weight->weight > 0.0;
    }
  if (!any)
    {
      g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_PROFILE,
                   _("The profile “%s” gives every benchmark the weight 0, so it has no composite. Give at least one benchmark a weight above 0."),
                   profile->name);
      return FALSE;
    }
  return TRUE;
}

/* ---- over the store ---- */

LbProfile *
lb_compare_find_profile (LbStore     *store,
                         gint64       leaderboard_id,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  profiles = lb_store_list_profiles (store, leaderboard_id, error);
  if (profiles == NULL)
    return NULL;
  for (guint i = 0; i < profiles->len; i++)
    {
      LbProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (profile->name, name) == 0)
        return lb_profile_copy (profile);
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append_printf (names, _("“%s”"), profile->name);
    }
  if (profiles->len == 0)
    g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_PROFILE,
                 _("There is no profile named “%s”: this leaderboard has no profiles yet. Create one on the Compare page, or leave out the profile for equal weights."),
                 name);
  else
    g_set_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_UNKNOWN_PROFILE,
                 _("There is no profile named “%s”. The profiles of this leaderboard are: %s."),
                 name, names->str);
  return NULL;
}

LbComparison *
lb_compare_leaderboard (LbStore                 *store,
                        gint64                   leaderboard_id,
                        const LbCompareOptions  *options,
                        GError                 **error)
{
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) gaps = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if ((benchmarks = lb_store_list_benchmarks (store, leaderboard_id, error)) == NULL
      || (models = lb_store_list_models (store, leaderboard_id, error)) == NULL
      || (results = lb_store_list_results (store, leaderboard_id, TRUE, error)) == NULL
      || (gaps = lb_store_list_gaps (store, leaderboard_id, error)) == NULL)
    return NULL;
  return lb_compare (benchmarks, models, results, gaps, options, error);
}
