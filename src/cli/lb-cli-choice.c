/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-choice.c: what compare and report compare — the choice saved on the Compare page,
 * with the command line's flags over it */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"

void
lb_cli_choice_flags_clear (LbCliChoiceFlags *flags)
{
  g_clear_pointer (&flags->models, g_strfreev);
  g_clear_pointer (&flags->baseline, g_free);
  g_clear_pointer (&flags->profile, g_free);
  g_clear_pointer (&flags->normalization, g_free);
}

GOptionEntry *
lb_cli_choice_entries (LbCliChoiceFlags   *flags,
                       const GOptionEntry *extra)
{
  const GOptionEntry entries[] = {
    { "models", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &flags->models,
      N_("The models to compare, separated by commas (default: as last chosen on the Compare page, else all)"),
      N_("A,B,…") },
    { "all-models", 0, 0, G_OPTION_ARG_NONE, &flags->all_models,
      N_("Compare all the leaderboard’s models"), NULL },
    { "baseline", 'b', 0, G_OPTION_ARG_STRING, &flags->baseline,
      N_("The model the differences are taken to (default: as last chosen, else the first)"), N_("MODEL") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &flags->profile,
      N_("The saved decision profile that weighs the benchmarks (default: as last chosen, else equal weights)"),
      N_("PROFILE") },
    { "equal-weights", 0, 0, G_OPTION_ARG_NONE, &flags->equal_weights,
      N_("Weigh every benchmark the same, whatever profile was last chosen"), NULL },
    { "include-partial", 0, 0, G_OPTION_ARG_NONE, &flags->include_partial,
      N_("Give models lacking some benchmarks a composite over those they have, marked partial"), NULL },
    { "exclude-partial", 0, 0, G_OPTION_ARG_NONE, &flags->exclude_partial,
      N_("Count in the composite only the benchmarks every compared model has"), NULL },
    { "normalization", 0, 0, G_OPTION_ARG_STRING, &flags->normalization,
      N_("How scores are rescaled: “min-max” over the leaderboard’s models (default) or “declared-scale”"),
      N_("METHOD") },
    { "ignore-saved", 0, 0, G_OPTION_ARG_NONE, &flags->ignore_saved,
      N_("Ignore what was last chosen on the Compare page"), NULL },
  };
  guint n_extra = 0;
  GOptionEntry *all;

  while (extra != NULL && extra[n_extra].long_name != NULL)
    n_extra++;
  all = g_new0 (GOptionEntry, G_N_ELEMENTS (entries) + n_extra + 1);
  memcpy (all, entries, sizeof entries);
  if (n_extra > 0)
    memcpy (all + G_N_ELEMENTS (entries), extra, n_extra * sizeof (GOptionEntry));
  return all;
}

static const LbModel *
find_model (GPtrArray  *models,
            const char *name)
{
  for (guint i = 0; i < models->len; i++)
    {
      const LbModel *model = g_ptr_array_index (models, i);

      if (g_strcmp0 (model->name, name) == 0)
        return model;
    }
  return NULL;
}

static void
unknown_model (const LbLeaderboard *lb,
               GPtrArray           *models,
               const char          *name)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < models->len; k++)
    g_string_append_printf (names, "%s“%s”", k > 0 ? ", " : "",
                            ((LbModel *) g_ptr_array_index (models, k))->name);
  lb_cli_error (_("The leaderboard “%s” has no model named “%s”. Its models are: %s."),
                lb->name, name, models->len > 0 ? names->str : _("none"));
}

/* Adds the models named in @values (each a name, or names separated by commas) to @options;
 * FALSE after printing which name is unknown. */
static gboolean
add_models (LbCompareOptions    *options,
            const LbLeaderboard *lb,
            GPtrArray           *models,
            char               **values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const LbModel *whole = find_model (models, values[i]);
      g_auto(GStrv) parts = NULL;

      /* A name may itself hold a comma: the whole value wins when it is a model's name. */
      if (whole != NULL)
        {
          lb_compare_options_add_model (options, whole->id);
          continue;
        }
      parts = g_strsplit (values[i], ",", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *name = g_strstrip (parts[j]);
          const LbModel *model;

          if (*name == '\0')
            continue;
          model = find_model (models, name);
          if (model == NULL)
            {
              unknown_model (lb, models, name);
              return FALSE;
            }
          lb_compare_options_add_model (options, model->id);
        }
    }
  return TRUE;
}

static gboolean
chosen (const LbCompareOptions *options,
        gint64                  id)
{
  guint n = 0;
  const gint64 *ids = lb_compare_options_get_models (options, &n);

  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return n == 0;
}

gboolean
lb_cli_check_choice_flags (const LbCliChoiceFlags *flags)
{
  LbNormalization method;

  if (flags->normalization != NULL && !lb_normalization_from_string (flags->normalization, &method))
    {
      lb_cli_error (_("Unknown normalization “%s”. Use “min-max” or “declared-scale”."), flags->normalization);
      return FALSE;
    }
  if (flags->include_partial && flags->exclude_partial)
    {
      lb_cli_error (_("--include-partial and --exclude-partial say opposite things. Give one of them."));
      return FALSE;
    }
  if (flags->profile != NULL && flags->equal_weights)
    {
      lb_cli_error (_("--profile and --equal-weights say opposite things. Give one of them."));
      return FALSE;
    }
  if (flags->models != NULL && flags->all_models)
    {
      lb_cli_error (_("--models and --all-models say opposite things. Give one of them."));
      return FALSE;
    }
  return TRUE;
}

LbCompareOptions *
lb_cli_compare_options (LbCli                  *cli,
                        const LbLeaderboard    *lb,
                        const LbCliChoiceFlags *flags)
{
  LbStore *store = lb_cli_get_store (cli);
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;
  LbNormalization method;

  if (store == NULL)
    return NULL;
  if (flags->ignore_saved)
    options = lb_compare_options_new ();
  else
    options = lb_compare_options_load_choice (store, lb->id, notices, &saved, &error);
  if (options == NULL || (models = lb_store_list_models (store, lb->id, &error)) == NULL)
    {
      lb_cli_error ("%s", error->message);
      return NULL;
    }

  if (flags->models != NULL || flags->all_models)
    {
      lb_compare_options_clear_models (options);
      if (!add_models (options, lb, models, flags->models))
        return NULL;
    }
  if (flags->baseline != NULL)
    {
      const LbModel *model = find_model (models, flags->baseline);

      if (model == NULL)
        {
          unknown_model (lb, models, flags->baseline);
          return NULL;
        }
      lb_compare_options_set_baseline (options, model->id);
    }
  else if (lb_compare_options_get_baseline (options) != 0 &&
           !chosen (options, lb_compare_options_get_baseline (options)))
    {
      /* The saved baseline is not among the models given now. */
      lb_compare_options_set_baseline (options, 0);
      g_ptr_array_add (notices, g_strdup (_("The saved baseline is not among the models given, so the first of them is the baseline.")));
    }
  if (flags->profile != NULL)
    {
      g_autoptr(LbProfile) profile = lb_compare_find_profile (store, lb->id, flags->profile, &error);

      if (profile == NULL)
        {
          lb_cli_error ("%s", error->message);
          return NULL;
        }
      lb_compare_options_set_profile (options, profile);
    }
  else if (flags->equal_weights)
    lb_compare_options_set_profile (options, NULL);
  if (flags->include_partial || flags->exclude_partial)
    lb_compare_options_set_include_partial (options, flags->include_partial);
  if (flags->normalization != NULL && lb_normalization_from_string (flags->normalization, &method))
    lb_compare_options_set_normalization (options, method);

  /* Never silently: say that the saved choice is in use, and what of it changed. */
  if (saved)
    fprintf (stderr, "%s\n",
             _("leaderboard-cli: comparing as the Compare page last showed it; flags given here override that "
               "(--ignore-saved for none of it)."));
  for (guint i = 0; i < notices->len; i++)
    fprintf (stderr, "leaderboard-cli: %s\n", (const char *) g_ptr_array_index (notices, i));
  return g_steal_pointer (&options);
}
