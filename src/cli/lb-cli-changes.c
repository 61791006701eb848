/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-changes.c: leaderboard-cli changes — what changed since the last review, a date, or
 * the import before */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lb-changes.h"
#include "lb-cli.h"
#include "lb-value.h"

int
lb_cli_changes (LbCli  *cli,
                int     argc,
                char  **argv)
{
  gboolean since_review = FALSE;
  gboolean json = FALSE;
  g_autofree char *since = NULL;
  GOptionEntry entries[] = {
    { "since-review", 0, 0, G_OPTION_ARG_NONE, &since_review,
      N_("Since the leaderboard was last marked as reviewed"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Since a date (2024/5/1, 2024-05-01) or a moment (2024-05-01T09:30:00Z)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON"), NULL },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *since_iso = NULL;
  LbStore *store;
  gint64 from = 0, to = 0;

  if (!lb_cli_parse ("changes", N_("NAME"),
                     _("What changed in a leaderboard: values (old → new, with both cells), new "
                       "models, models no longer listed, withdrawn values, benchmarks added or "
                       "gone and version changes. Without an option: what the newest import "
                       "changed."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2 || (since_review && since != NULL))
    {
      lb_cli_error (_("Usage: leaderboard-cli changes NAME [--since-review | --since DATE] [--json]"));
      return LB_CLI_USAGE;
    }
  if (since != NULL)
    {
      GDate date;

      if (strchr (since, 'T') != NULL)
        since_iso = g_strdup (since);
      else if (lb_date_parse (since, &date))
        {
          /* Since a day: from its start. */
          g_autofree char *day = lb_date_to_iso (&date);
          since_iso = g_strconcat (day, "T00:00:00Z", NULL);
        }
      else
        {
          lb_cli_error (_("“%s” is not a date we can read. Write it as 2024/5/1 or 2024-05-01."),
                        since);
          return LB_CLI_USAGE;
        }
    }

  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);

  if (since_review)
    {
      if (lb->last_reviewed_at == NULL)
        {
          lb_cli_error (_("“%s” has not been marked as reviewed yet, so there is no review to "
                          "compare with. Use --since DATE, or mark it as reviewed in the app."),
                        lb->name);
          return LB_CLI_ERROR;
        }
      changes = lb_changes_since (store, lb->id, lb->last_reviewed_at, &from, &error);
      from_text = g_strdup_printf (_("since the last review (%s)"), lb->last_reviewed_at);
    }
  else if (since_iso != NULL)
    {
      changes = lb_changes_since (store, lb->id, since_iso, &from, &error);
      from_text = g_strdup_printf (_("since %s"), since);
    }
  else
    {
      imports = lb_store_list_imports (store, lb->id, &error);
      if (imports != NULL && imports->len > 0)
        to = ((LbImport *) g_ptr_array_index (imports, 0))->id;
      if (imports != NULL && imports->len > 1)
        from = ((LbImport *) g_ptr_array_index (imports, 1))->id;
      if (imports != NULL)
        changes = lb_changes_of_import (store, lb->id, to, &error);
      from_text = g_strdup_printf (_("in the newest import (#%" PRId64 ")"), to);
    }
  if (changes == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }

  if (json)
    {
      g_autoptr(LbJsonWriter) w = lb_json_writer_new (lb_cli_write_stdout, NULL);

      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "leaderboard");
      lb_json_writer_string (w, lb->name);
      lb_json_writer_member (w, "from_import");
      lb_json_writer_int (w, from);
      lb_json_writer_member (w, "changes");
      lb_changes_write_json (w, changes);
      lb_json_writer_end_object (w);
      if (!lb_json_writer_finish (w, &error))
        {
          lb_cli_error ("%s", error->message);
          return LB_CLI_ERROR;
        }
      printf ("\n");
      return LB_CLI_OK;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u change %s\n", "%s: %u changes %s\n",
                       changes->len),
          lb->name, changes->len, from_text);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *text = lb_change_describe (g_ptr_array_index (changes, i));
      printf ("  %s\n", text);
    }
  return LB_CLI_OK;
}
