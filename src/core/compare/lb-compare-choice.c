/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-choice.c: the comparison choice saved per leaderboard, and the sentences that
 * say which comparison this is and what its composite leaves out */

#define G_LOG_DOMAIN "lb-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-compare.h"

/* Models named in the one-line summary before it counts the rest. */
#define SUMMARY_MODELS 6
/* Models named in a left-out reason before it counts the rest. */
#define REASON_MODELS 3

const char *
lb_normalization_to_string (LbNormalization method)
{
  return method == LB_NORMALIZE_DECLARED_SCALE ? "declared-scale" : "min-max";
}

gboolean
lb_normalization_from_string (const char      *text,
                              LbNormalization *method)
{
  g_return_val_if_fail (method != NULL, FALSE);

  if (g_strcmp0 (text, "min-max") == 0)
    *method = LB_NORMALIZE_MIN_MAX;
  else if (g_strcmp0 (text, "declared-scale") == 0)
    *method = LB_NORMALIZE_DECLARED_SCALE;
  else
    return FALSE;
  return TRUE;
}

LbCompareChoice *
lb_compare_choice_from_options (const LbCompareOptions *options,
                                gint64                  leaderboard_id)
{
  LbCompareChoice *choice;
  const LbProfile *profile;
  const gint64 *ids;
  guint n_ids = 0;

  g_return_val_if_fail (options != NULL, NULL);

  choice = lb_compare_choice_new (leaderboard_id);
  ids = lb_compare_options_get_models (options, &n_ids);
  g_array_append_vals (choice->model_ids, ids, n_ids);
  choice->baseline_id = lb_compare_options_get_baseline (options);
  profile = lb_compare_options_get_profile (options);
  choice->profile = profile != NULL ? g_strdup (profile->name) : NULL;
  choice->include_partial = lb_compare_options_get_include_partial (options);
  g_free (choice->normalization);
  choice->normalization = g_strdup (lb_normalization_to_string (lb_compare_options_get_normalization (options)));
  return choice;
}

static gboolean
has_model (GPtrArray *models,
           gint64     id)
{
  for (guint i = 0; i < models->len; i++)
    if (((LbModel *) g_ptr_array_index (models, i))->id == id)
      return TRUE;
  return FALSE;
}

LbCompareOptions *
lb_compare_options_load_choice (LbStore    *store,
                                gint64      leaderboard_id,
                                GPtrArray  *notices,
                                gboolean   *saved,
                                GError    **error)
{
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbCompareChoice) choice = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) local_error = NULL;
  LbNormalization method = LB_NORMALIZE_MIN_MAX;
  guint n_gone = 0;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (saved != NULL)
    *saved = FALSE;
  choice = lb_store_get_compare_choice (store, leaderboard_id, &local_error);
  if (choice == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (choice == NULL)
    return g_steal_pointer (&options);
  if (saved != NULL)
    *saved = TRUE;

  if ((models = lb_store_list_models (store, leaderboard_id, error)) == NULL ||
      (profiles = lb_store_list_profiles (store, leaderboard_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < choice->model_ids->len; i++)
    {
      gint64 id = g_array_index (choice->model_ids, gint64, i);

      if (has_model (models, id))
        lb_compare_options_add_model (options, id);
      else
        n_gone++;
    }
  if (n_gone > 0 && notices != NULL)
    {
      guint n_left = 0;

      lb_compare_options_get_models (options, &n_left);
      if (n_left == 0)
        g_ptr_array_add (notices,
                         g_strdup (_("None of the saved comparison’s models is in the leaderboard any more, so all its models are compared.")));
      else
        g_ptr_array_add (notices,
                         g_strdup_printf (ngettext ("%u model of the saved comparison is no longer in the leaderboard and is left out.",
                                                    "%u models of the saved comparison are no longer in the leaderboard and are left out.",
                                                    n_gone),
                                          n_gone));
    }

  if (choice->baseline_id != 0)
    {
      guint n_chosen = 0;
      const gint64 *chosen = lb_compare_options_get_models (options, &n_chosen);
      gboolean among = n_chosen == 0 && has_model (models, choice->baseline_id);

      for (guint i = 0; i < n_chosen && !among; i++)
        among = chosen[i] == choice->baseline_id;
      if (among)
        lb_compare_options_set_baseline (options, choice->baseline_id);
      else if (notices != NULL)
        g_ptr_array_add (notices,
                         g_strdup (_("The saved baseline is no longer among the compared models; the first compared model is the baseline.")));
    }

  if (choice->profile != NULL)
    {
      const LbProfile *found = NULL;

      for (guint i = 0; i < profiles->len && found == NULL; i++)
        if (g_strcmp0 (((LbProfile *) g_ptr_array_index (profiles, i))->name, choice->profile) == 0)
          found = g_ptr_array_index (profiles, i);
      if (found != NULL)
        lb_compare_options_set_profile (options, found);
      else if (notices != NULL)
        g_ptr_array_add (notices,
                         g_strdup_printf (_("The saved decision profile “%s” no longer exists, so every benchmark weighs the same."),
                                          choice->profile));
    }

  lb_compare_options_set_include_partial (options, choice->include_partial);
  /* The table's CHECK admits only the two the app knows. */
  if (lb_normalization_from_string (choice->normalization, &method))
    lb_compare_options_set_normalization (options, method);
  return g_steal_pointer (&options);
}

gboolean
lb_compare_options_save_choice (const LbCompareOptions  *options,
                                LbStore                 *store,
                                gint64                   leaderboard_id,
                                GError                 **error)
{
  g_autoptr(LbCompareChoice) choice = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  choice = lb_compare_choice_from_options (options, leaderboard_id);
  return lb_store_put_compare_choice (store, choice, error);
}

static const char *
list_separator (void)
{
  /* TRANSLATORS: between the items of a list in a sentence; Japanese uses "、" */
  return C_("list separator", ", ");
}

char *
lb_comparison_dup_summary (const LbComparison *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *models = NULL;
  g_autofree char *weights = NULL;
  const char *partial;
  const char *normalization;
  guint named;

  g_return_val_if_fail (self != NULL, NULL);

  named = MIN (self->n_models, SUMMARY_MODELS);
  for (guint m = 0; m < named; m++)
    {
      if (m > 0)
        g_string_append (names, list_separator ());
      g_string_append (names, self->models[m].model->name);
    }
  if (self->n_models > named)
    /* TRANSLATORS: "Alpha, Beta, … and 54 more" */
    models = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", self->n_models - named),
                              names->str, self->n_models - named);
  else
    models = g_strdup (names->str);

  if (self->profile_name != NULL)
    weights = g_strdup_printf (_("decision profile “%s”"), self->profile_name);
  else
    weights = g_strdup (_("equal weights"));
  partial = self->include_partial ? _("partial models get a composite over their own benchmarks")
                                  : _("the composite only over benchmarks every model has");
  normalization = self->normalization == LB_NORMALIZE_DECLARED_SCALE
                  ? _("rescaled against declared scales")
                  : _("rescaled between the lowest and highest score");

  /* TRANSLATORS: the one line saying which comparison is printed: number of models, their
   * names, the baseline, the weights, partial models, the normalisation */
  return g_strdup_printf (ngettext ("%u model (%s); baseline “%s”; %s; %s; %s.",
                                    "%u models (%s); baseline “%s”; %s; %s; %s.",
                                    self->n_models),
                          self->n_models, models,
                          self->n_models > 0 ? self->models[self->baseline].model->name : "—",
                          weights, partial, normalization);
}

char *
lb_comparison_dup_left_out_reason (const LbComparison *self,
                                   guint               row)
{
  const LbCompareRow *r;
  g_autoptr(GString) missing = NULL;
  guint n_missing = 0, named = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  r = &self->rows[row];
  if (r->in_composite)
    return NULL;
  if (r->weight <= 0.0)
    {
      if (self->profile_name != NULL)
        return g_strdup_printf (_("weight 0 in the decision profile “%s” (or not in it)"), self->profile_name);
      return g_strdup (_("weight 0"));
    }
  if (r->n_values == 0)
    return g_strdup (_("no compared model has a value"));

  missing = g_string_new (NULL);
  for (guint m = 0; m < self->n_models; m++)
    {
      if (r->cells[m].kind == LB_CELL_VALUE)
        continue;
      if (n_missing++ < REASON_MODELS)
        {
          if (named++ > 0)
            g_string_append (missing, list_separator ());
          g_string_append (missing, self->models[m].model->name);
        }
    }
  if (n_missing > named)
    {
      g_autofree char *head = g_string_free (g_steal_pointer (&missing), FALSE);

      missing = g_string_new (NULL);
      g_string_append_printf (missing, ngettext ("%s and %u more", "%s and %u more", n_missing - named),
                              head, n_missing - named);
    }
  /* TRANSLATORS: why a benchmark is not in the composite: "2 of 5 compared models have no
   * value (Beta, Gamma)" */
  return g_strdup_printf (ngettext ("%u of %u compared models has no value (%s)",
                                    "%u of %u compared models have no value (%s)",
                                    n_missing),
                          n_missing, self->n_models, missing->str);
}

char *
lb_comparison_dup_coverage_warning (const LbComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_rows == 0 || self->n_composite * 2 >= self->n_rows)
    return NULL;
  if (self->n_composite == 0)
    return g_strdup (_("Warning: the composite covers none of the benchmarks, so no model is ranked. "
                       "Compare fewer models, include partial models, or import the missing values."));
  return g_strdup_printf (ngettext ("Warning: the composite covers only %u of %u benchmarks — fewer than half — so "
                                    "the ranking rests on a small part of the leaderboard. Compare fewer models "
                                    "(each model lacking a value leaves that benchmark out), include partial "
                                    "models, or import the missing values before deciding.",
                                    "Warning: the composite covers only %u of %u benchmarks — fewer than half — so "
                                    "the ranking rests on a small part of the leaderboard. Compare fewer models "
                                    "(each model lacking a value leaves that benchmark out), include partial "
                                    "models, or import the missing values before deciding.",
                                    self->n_rows),
                          self->n_composite, self->n_rows);
}
