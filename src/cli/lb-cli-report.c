/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-report.c: report — the review report as a PDF */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-review-report.h"

int
lb_cli_report (LbCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *prepared_by = NULL;
  g_auto(LbCliChoiceFlags) flags = { 0 };
  const GOptionEntry extra[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("a4 or letter (default: the locale’s paper)"), N_("SIZE") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &prepared_by,
      N_("The name printed as “Prepared by” and in the first sign-off box (default: the name set "
         "in Preferences, else your full name; never the login)"), N_("NAME") },
    { "prepared-by", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &prepared_by,
      N_("The name printed as the report’s author (default: your name)"), N_("NAME") },
    { NULL }
  };
  g_autofree GOptionEntry *entries = lb_cli_choice_entries (&flags, extra);
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(LbReviewReportOptions) options = NULL;
  g_autoptr(LbCompareOptions) compare = NULL;
  g_autoptr(LbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LbPaper paper = lb_paper_for_locale ();
  LbStore *store;

  if (!lb_cli_parse ("report", N_("NAME -o FILE.pdf [--models A,B,…] [--profile P] [--paper a4|letter]"),
                     _("Write the review report of a leaderboard as a PDF, for the meeting. Without "
                       "flags it compares as last chosen on the Compare page."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2 || output == NULL)
    {
      lb_cli_error (_("Usage: leaderboard-cli report NAME -o FILE.pdf [--models A,B,…] "
                      "[--profile P] [--paper a4|letter]"));
      return LB_CLI_USAGE;
    }
  if (paper_name != NULL && !lb_paper_from_string (paper_name, &paper))
    {
      lb_cli_error (_("“%s” is not a paper size this command knows. Use a4 or letter."), paper_name);
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
  compare = lb_cli_compare_options (cli, lb, &flags);
  if (compare == NULL)
    return LB_CLI_ERROR;

  options = lb_review_report_options_new ();
  lb_review_report_options_set_compare_options (options, compare);
  if (prepared_by == NULL)
    prepared_by = lb_cli_preferences_author ();
  if (prepared_by != NULL)
    lb_review_report_options_set_prepared_by (options, prepared_by);

  report = lb_review_report_build (store, lb->id, options, &error);
  if (report == NULL || !lb_report_render_pdf (report, paper, output, &error))
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the review report of “%s” to %s (%u page).\n",
                       "Wrote the review report of “%s” to %s (%u pages).\n",
                       lb_report_get_n_pages (report)),
          lb->name, output, lb_report_get_n_pages (report));
  return LB_CLI_OK;
}
