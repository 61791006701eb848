/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-report.c: report — the review report as a PDF */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-review-report.h"

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

/* Adds the models named in @values (each a name, or names separated by commas) to @options;
 * FALSE after printing which name is unknown. */
static gboolean
add_models (LbReviewReportOptions *options,
            const LbLeaderboard   *lb,
            GPtrArray             *models,
            char                 **values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const LbModel *whole = find_model (models, values[i]);
      g_auto(GStrv) parts = NULL;

      /* A name may itself hold a comma: the whole value wins when it is a model's name. */
      if (whole != NULL)
        {
          lb_review_report_options_add_model (options, whole->id);
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
              g_autoptr(GString) names = g_string_new (NULL);

              for (guint k = 0; k < models->len; k++)
                g_string_append_printf (names, "%s“%s”", k > 0 ? ", " : "",
                                        ((LbModel *) g_ptr_array_index (models, k))->name);
              lb_cli_error (_("The leaderboard “%s” has no model named “%s”. Its models are: %s."),
                            lb->name, name, models->len > 0 ? names->str : _("none"));
              return FALSE;
            }
          lb_review_report_options_add_model (options, model->id);
        }
    }
  return TRUE;
}

int
lb_cli_report (LbCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *prepared_by = NULL;
  g_auto(GStrv) model_names = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "models", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &model_names,
      N_("The models to compare, separated by commas (default: all)"), N_("NAMES") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile,
      N_("The decision profile whose weights to use (default: equal weights)"), N_("PROFILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("a4 or letter (default: the locale’s paper)"), N_("SIZE") },
    { "prepared-by", 0, 0, G_OPTION_ARG_STRING, &prepared_by,
      N_("The name printed as the report’s author (default: your name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(LbReviewReportOptions) options = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(LbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LbPaper paper = lb_paper_for_locale ();
  LbStore *store;

  if (!lb_cli_parse ("report", N_("NAME -o FILE.pdf [--models A,B,…] [--profile P] [--paper a4|letter]"),
                     _("Write the review report of a leaderboard as a PDF, for the meeting."),
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

  /* Only reads: nothing is created or changed, on a full disk or a read-only share too. */
  cli->read_only = TRUE;
  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);

  options = lb_review_report_options_new ();
  if (profile != NULL)
    lb_review_report_options_set_profile (options, profile);
  if (prepared_by != NULL)
    lb_review_report_options_set_prepared_by (options, prepared_by);
  if (model_names != NULL)
    {
      models = lb_store_list_models (store, lb->id, &error);
      if (models == NULL)
        {
          lb_cli_error ("%s", error->message);
          return LB_CLI_ERROR;
        }
      if (!add_models (options, lb, models, model_names))
        return LB_CLI_ERROR;
    }

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
