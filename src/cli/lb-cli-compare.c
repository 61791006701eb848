/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-compare.c: compare models side by side */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-compare.h"

static LbModel *
find_model (GPtrArray  *models,
            const char *name)
{
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = g_ptr_array_index (models, i);

      if (g_strcmp0 (model->name, name) == 0)
        return model;
    }
  return NULL;
}

static void
unknown_model (const char    *name,
               const char    *leaderboard,
               GPtrArray     *models)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < models->len; i++)
    g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                            ((LbModel *) g_ptr_array_index (models, i))->name);
  lb_cli_error (_("The leaderboard “%s” has no model named “%s”. Its models are: %s."),
                leaderboard, name, names->str);
}

int
lb_cli_compare (LbCli  *cli,
                int     argc,
                char  **argv)
{
  g_auto(GStrv) model_args = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *profile_name = NULL;
  g_autofree char *normalization = NULL;
  gboolean include_partial = FALSE;
  gboolean include_unlisted = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "models", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &model_args,
      N_("The models to compare, separated by commas (default: all)"), N_("A,B,…") },
    { "baseline", 'b', 0, G_OPTION_ARG_STRING, &baseline,
      N_("The model the differences are taken to (default: the first)"), N_("MODEL") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name,
      N_("The saved decision profile that weighs the benchmarks (default: equal weights)"), N_("PROFILE") },
    { "include-partial", 0, 0, G_OPTION_ARG_NONE, &include_partial,
      N_("Give models lacking some benchmarks a composite over those they have, marked partial"), NULL },
    { "include-unlisted", 0, 0, G_OPTION_ARG_NONE, &include_unlisted,
      N_("Also compare the models no longer listed in the newest version of the sheet"), NULL },
    { "normalization", 0, 0, G_OPTION_ARG_STRING, &normalization,
      N_("How scores are rescaled: “min-max” over the leaderboard’s models (default) or “declared-scale”"),
      N_("METHOD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the comparison as JSON"), NULL },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(LbCompareOptions) options = lb_compare_options_new ();
  g_autoptr(LbComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  LbStore *store;

  if (!lb_cli_parse ("compare", N_("NAME"),
                     _("Compare models of a leaderboard side by side: each benchmark’s scores, the best "
                       "marked, the differences to a baseline, the coverage, the composite and whether "
                       "the top model stays on top."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2)
    {
      lb_cli_error (_("Usage: leaderboard-cli compare NAME [--models A,B,…] [--baseline A] [--profile P] "
                      "[--include-partial] [--include-unlisted] [--json]"));
      return LB_CLI_USAGE;
    }
  if (normalization != NULL && strcmp (normalization, "min-max") != 0
      && strcmp (normalization, "declared-scale") != 0)
    {
      lb_cli_error (_("Unknown normalization “%s”. Use “min-max” or “declared-scale”."), normalization);
      return LB_CLI_USAGE;
    }

  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);
  models = lb_store_list_models (store, lb->id, &error);
  if (models == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }

  for (guint i = 0; model_args != NULL && model_args[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (model_args[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          const char *name = g_strstrip (names[j]);
          LbModel *model;

          if (*name == '\0')
            continue;
          model = find_model (models, name);
          if (model == NULL)
            {
              unknown_model (name, lb->name, models);
              return LB_CLI_ERROR;
            }
          lb_compare_options_add_model (options, model->id);
        }
    }
  if (baseline != NULL)
    {
      LbModel *model = find_model (models, baseline);

      if (model == NULL)
        {
          unknown_model (baseline, lb->name, models);
          return LB_CLI_ERROR;
        }
      lb_compare_options_set_baseline (options, model->id);
    }
  if (profile_name != NULL)
    {
      g_autoptr(LbProfile) profile = lb_compare_find_profile (store, lb->id, profile_name, &error);

      if (profile == NULL)
        {
          lb_cli_error ("%s", error->message);
          return LB_CLI_ERROR;
        }
      lb_compare_options_set_profile (options, profile);
    }
  lb_compare_options_set_include_partial (options, include_partial);
  lb_compare_options_set_include_unlisted (options, include_unlisted);
  if (g_strcmp0 (normalization, "declared-scale") == 0)
    lb_compare_options_set_normalization (options, LB_NORMALIZE_DECLARED_SCALE);

  comparison = lb_compare_leaderboard (store, lb->id, options, &error);
  if (comparison == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }

  if (json)
    {
      if (!lb_comparison_write_json (comparison, lb->name, lb_cli_write_stdout, NULL, &error))
        {
          lb_cli_error ("%s", error->message);
          return LB_CLI_ERROR;
        }
    }
  else
    {
      g_autofree char *text = lb_comparison_to_text (comparison);

      printf ("%s\n\n%s", lb->name, text);
    }
  return LB_CLI_OK;
}
