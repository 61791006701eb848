/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-profile.c: profile list|show|create|delete — the decision profiles of a leaderboard */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-compare.h"

static void
usage (void)
{
  lb_cli_error (_("Usage: leaderboard-cli profile list NAME | show NAME PROFILE | "
                  "create NAME PROFILE --weight BENCHMARK=WEIGHT … [--description TEXT] [--replace] | "
                  "delete NAME PROFILE"));
}

static const LbProfile *
find_profile (GPtrArray  *profiles,
              const char *name)
{
  for (guint i = 0; i < profiles->len; i++)
    if (g_strcmp0 (((LbProfile *) g_ptr_array_index (profiles, i))->name, name) == 0)
      return g_ptr_array_index (profiles, i);
  return NULL;
}

static char *
weight_text (double weight)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", weight));
}

/* "BENCHMARK=WEIGHT": the name may itself hold "=", so the weight is after the last one. */
static LbWeight *
parse_weight (const char *arg)
{
  const char *eq = strrchr (arg, '=');
  g_autofree char *name = NULL;
  const char *number;
  char *end = NULL;
  double value;
  LbWeight *weight;

  if (eq == NULL || eq == arg)
    {
      lb_cli_error (_("“%s” is not a weight. Write the benchmark’s name, “=” and a number, e.g. --weight MMLU=2."),
                    arg);
      return NULL;
    }
  name = g_strstrip (g_strndup (arg, eq - arg));
  number = eq + 1;
  value = g_ascii_strtod (number, &end);
  if (*name == '\0' || *number == '\0' || end == NULL || *end != '\0' || !isfinite (value) || value < 0.0)
    {
      lb_cli_error (_("The weight “%s” of “%s” is not a number of 0 or more. Write it with a point, e.g. 0.5."),
                    number, *name != '\0' ? name : arg);
      return NULL;
    }
  weight = g_new0 (LbWeight, 1);
  weight->benchmark = g_steal_pointer (&name);
  weight->weight = value;
  return weight;
}

/* Terminal columns of @text: East Asian wide characters take two (as lb_cli_pad counts). */
static guint
columns (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return n;
}

static void
print_profile (const LbProfile *profile,
               GPtrArray       *benchmarks)
{
  guint width = 0;

  printf ("%s\n", profile->name);
  if (profile->description != NULL && *profile->description != '\0')
    printf ("%s\n", profile->description);
  printf ("\n");
  for (guint i = 0; i < profile->weights->len; i++)
    width = MAX (width, columns (((LbWeight *) g_ptr_array_index (profile->weights, i))->benchmark));
  for (guint i = 0; i < profile->weights->len; i++)
    {
      const LbWeight *weight = g_ptr_array_index (profile->weights, i);
      g_autofree char *name = lb_cli_pad (weight->benchmark, width + 2);
      g_autofree char *value = weight_text (weight->weight);

      printf ("  %s%s\n", name, value);
    }
  /* What the profile leaves out weighs 0: say which, so nobody thinks it counts. */
  {
    g_autoptr(GString) others = g_string_new (NULL);
    guint n = 0;

    for (guint b = 0; benchmarks != NULL && b < benchmarks->len; b++)
      {
        const LbBenchmark *benchmark = g_ptr_array_index (benchmarks, b);
        gboolean weighed = FALSE;

        for (guint i = 0; i < profile->weights->len && !weighed; i++)
          weighed = g_strcmp0 (((LbWeight *) g_ptr_array_index (profile->weights, i))->benchmark,
                               benchmark->name) == 0;
        if (weighed || benchmark->retired)
          continue;
        if (n++ > 0)
          g_string_append (others, _(", "));
        g_string_append_printf (others, _("“%s”"), benchmark->name);
      }
    if (n > 0)
      {
        printf ("\n");
        printf (g_dngettext (GETTEXT_PACKAGE, "Not in the profile, so weight 0: %s.\n",
                             "Not in the profile, so weight 0: %s.\n", n),
                others->str);
      }
  }
}

static int
profile_list (LbStore             *store,
              const LbLeaderboard *lb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = lb_store_list_profiles (store, lb->id, &error);

  if (profiles == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  if (profiles->len == 0)
    {
      printf (_("“%s” has no decision profiles yet. Create one with: leaderboard-cli profile create "
                "“%s” NAME --weight BENCHMARK=WEIGHT …\n"), lb->name, lb->name);
      return LB_CLI_OK;
    }
  for (guint i = 0; i < profiles->len; i++)
    {
      const LbProfile *profile = g_ptr_array_index (profiles, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      for (guint w = 0; w < profile->weights->len; w++)
        {
          const LbWeight *weight = g_ptr_array_index (profile->weights, w);
          g_autofree char *value = weight_text (weight->weight);

          g_ptr_array_add (parts, g_strdup_printf ("%s=%s", weight->benchmark, value));
        }
      g_ptr_array_add (parts, NULL);
      {
        g_autofree char *weights = g_strjoinv (", ", (char **) parts->pdata);
        printf ("%s\t%s\n", profile->name, weights);
      }
    }
  return LB_CLI_OK;
}

static int
profile_show (LbStore             *store,
              const LbLeaderboard *lb,
              const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProfile) profile = lb_compare_find_profile (store, lb->id, name, &error);
  g_autoptr(GPtrArray) benchmarks = NULL;

  if (profile == NULL || (benchmarks = lb_store_list_benchmarks (store, lb->id, &error)) == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  print_profile (profile, benchmarks);
  return LB_CLI_OK;
}

static int
profile_create (LbStore             *store,
                const LbLeaderboard *lb,
                const char          *name,
                char               **weights,
                const char          *description,
                gboolean             replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, lb->id, &error);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(LbProfile) profile = g_new0 (LbProfile, 1);
  const LbProfile *existing;

  if (benchmarks == NULL || (profiles = lb_store_list_profiles (store, lb->id, &error)) == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  profile->leaderboard_id = lb->id;
  profile->name = g_strstrip (g_strdup (name));
  profile->description = description != NULL && *description != '\0' ? g_strdup (description) : NULL;
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  for (guint i = 0; weights != NULL && weights[i] != NULL; i++)
    {
      LbWeight *weight = parse_weight (weights[i]);

      if (weight == NULL)
        return LB_CLI_USAGE;
      for (guint j = 0; j < profile->weights->len; j++)
        if (g_strcmp0 (((LbWeight *) g_ptr_array_index (profile->weights, j))->benchmark, weight->benchmark) == 0)
          {
            lb_cli_error (_("“%s” is weighed twice. Give each benchmark one --weight."), weight->benchmark);
            lb_weight_free (weight);
            return LB_CLI_USAGE;
          }
      g_ptr_array_add (profile->weights, weight);
    }
  if (profile->weights->len == 0)
    {
      lb_cli_error (_("A profile needs weights: give at least one --weight BENCHMARK=WEIGHT."));
      return LB_CLI_USAGE;
    }
  if (!lb_compare_check_profile (profile, benchmarks, &error))
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  existing = find_profile (profiles, profile->name);
  if (existing != NULL && !replace)
    {
      lb_cli_error (_("“%s” already has a profile named “%s”. Give --replace to replace it, or choose another name."),
                    lb->name, profile->name);
      return LB_CLI_ERROR;
    }
  if (existing != NULL)
    profile->id = existing->id;
  if (lb_store_put_profile (store, profile, &error) == 0)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  printf (existing != NULL ? _("Replaced the profile “%s” of “%s”:\n\n") : _("Created the profile “%s” of “%s”:\n\n"),
          profile->name, lb->name);
  print_profile (profile, benchmarks);
  return LB_CLI_OK;
}

static int
profile_delete (LbStore             *store,
                const LbLeaderboard *lb,
                const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProfile) profile = lb_compare_find_profile (store, lb->id, name, &error);

  if (profile == NULL || !lb_store_delete_profile (store, profile->id, &error))
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  printf (_("Deleted the profile “%s” of “%s”.\n"), profile->name, lb->name);
  return LB_CLI_OK;
}

int
lb_cli_profile (LbCli  *cli,
                int     argc,
                char  **argv)
{
  g_auto(GStrv) weights = NULL;
  g_autofree char *description = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "weight", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &weights,
      N_("With create: a benchmark’s weight, e.g. MMLU=2 (repeat it for each benchmark; those left out weigh 0)"),
      N_("BENCHMARK=WEIGHT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description,
      N_("With create: what the profile is for"), N_("TEXT") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("With create: replace the profile of that name"), NULL },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  const char *action;
  guint n_args;
  LbStore *store;

  if (!lb_cli_parse ("profile", N_("list NAME | show NAME PROFILE | create NAME PROFILE --weight B=W … | delete NAME PROFILE"),
                     _("Manage the decision profiles of a leaderboard: the weights its composite gives each "
                       "benchmark."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc < 3)
    {
      usage ();
      return LB_CLI_USAGE;
    }
  action = argv[1];
  n_args = strcmp (action, "list") == 0 ? 3 : 4;
  if ((strcmp (action, "list") != 0 && strcmp (action, "show") != 0 && strcmp (action, "create") != 0
       && strcmp (action, "delete") != 0) || (guint) argc != n_args)
    {
      usage ();
      return LB_CLI_USAGE;
    }
  if (strcmp (action, "create") != 0 && (weights != NULL || description != NULL || replace))
    {
      lb_cli_error (_("--weight, --description and --replace go with “profile create” only."));
      return LB_CLI_USAGE;
    }

  lb = lb_cli_find_leaderboard (cli, argv[2]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);
  if (strcmp (action, "list") == 0)
    return profile_list (store, lb);
  if (strcmp (action, "show") == 0)
    return profile_show (store, lb, argv[3]);
  if (strcmp (action, "create") == 0)
    return profile_create (store, lb, argv[3], weights, description, replace);
  return profile_delete (store, lb, argv[3]);
}
