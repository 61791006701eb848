/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-compare.c: compare models side by side */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-compare.h"

int
lb_cli_compare (LbCli  *cli,
                int     argc,
                char  **argv)
{
  g_auto(LbCliChoiceFlags) flags = { 0 };
  gboolean json = FALSE;
  gboolean include_unlisted = FALSE;
  const GOptionEntry extra[] = {
    { "include-unlisted", 0, 0, G_OPTION_ARG_NONE, &include_unlisted,
      N_("Also compare the models no longer listed in the newest version of the sheet"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the comparison as JSON"), NULL },
    { NULL }
  };
  g_autofree GOptionEntry *entries = lb_cli_choice_entries (&flags, extra);
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(LbCompareOptions) options = NULL;
  g_autoptr(LbComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  LbStore *store;

  if (!lb_cli_parse ("compare", N_("NAME"),
                     _("Compare models of a leaderboard side by side: each benchmark’s scores, the best "
                       "marked, the differences to a baseline, the coverage, the composite and whether "
                       "the top model stays on top. Without flags it compares as last chosen on the "
                       "Compare page."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2)
    {
      lb_cli_error (_("Usage: leaderboard-cli compare NAME [--models A,B,…] [--baseline A] [--profile P] "
                      "[--include-partial] [--normalization METHOD] [--json]"));
      return LB_CLI_USAGE;
    }
  if (!lb_cli_check_choice_flags (&flags))
    return LB_CLI_USAGE;

  /* Only reads: nothing is created or changed, on a full disk or a read-only share too. */
  cli->read_only = TRUE;
  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);
  options = lb_cli_compare_options (cli, lb, &flags);
  if (options == NULL)
    return LB_CLI_ERROR;
  if (include_unlisted)
    lb_compare_options_set_include_unlisted (options, TRUE);

  comparison = lb_compare_leaderboard (store, lb->id, options, &error);
  if (comparison == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  warning = lb_comparison_dup_coverage_warning (comparison);

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
      g_autofree char *summary = lb_comparison_dup_summary (comparison);
      /* TRANSLATORS: the same line the print step shows: which comparison this report holds */
      g_autofree char *which = g_strdup_printf (_("This comparison: %s"), summary);

      /* Which comparison first, as the report and the print dialog say it. */
      printf ("%s\n%s\n\n%s", lb->name, which, text);
      if (warning != NULL)
        printf ("\n%s\n", warning);
    }
  return LB_CLI_OK;
}
