/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: leaderboard-cli, the headless front end over the core */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"

static const struct {
  const char       *name;
  LbCliCommandFunc  func;
  const char       *summary;
} commands[] = {
  { "import",      lb_cli_import,      N_("Import a CSV file, an Excel workbook or a result file (JSON)") },
  { "list",        lb_cli_list,        N_("List the leaderboards") },
  { "show",        lb_cli_show,        N_("Show a leaderboard’s record, benchmarks, models and imports") },
  { "set",         lb_cli_set,         N_("Set fields of a leaderboard’s record") },
  { "set-benchmark", lb_cli_set_benchmark, N_("Set a benchmark’s number of items, unit or direction") },
  { "export",      lb_cli_export,      N_("Export a leaderboard as LBOM or CSV") },
  { "import-lbom", lb_cli_import_lbom, N_("Import an LBOM file") },
  { "compare",     lb_cli_compare,     N_("Compare models side by side") },
  { "changes",     lb_cli_changes,     N_("What changed since the last review, a date or the import before") },
  { "smells",      lb_cli_smells,      N_("Check a leaderboard for smells and print the checklist") },
  { "report",      lb_cli_report,      N_("Write the review report as a PDF, for the meeting") },
  { "profile",     lb_cli_profile,     N_("List, show, create or delete the decision profiles of a leaderboard") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: leaderboard-cli [--db PATH] COMMAND …"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “leaderboard-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  LbCli cli = { 0 };
  g_autofree char *db_path = NULL;
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Each command's --help says "leaderboard-cli COMMAND …", not the command twice. */
  g_set_prgname ("leaderboard-cli");

  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (strcmp (arg, "--db") == 0 && first + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (arg + strlen ("--db="));
          first++;
        }
      else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_usage (stdout);
          return LB_CLI_OK;
        }
      else if (strcmp (arg, "--version") == 0)
        {
          printf ("leaderboard-cli %s\n", VERSION);
          return LB_CLI_OK;
        }
      else
        {
          lb_cli_error (_("Unknown option “%s”."), arg);
          print_usage (stderr);
          return LB_CLI_USAGE;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return LB_CLI_USAGE;
    }

  if (db_path == NULL)
    db_path = lb_store_default_path ();
  /* SQLite would take both for a private database that vanishes at exit: an import would
   * report success and keep nothing. */
  if (*db_path == '\0')
    {
      lb_cli_error (_("The database path given with --db is empty. Give the path of a "
                      "database file, or leave --db out to use the default database."));
      return LB_CLI_USAGE;
    }
  if (strcmp (db_path, ":memory:") == 0)
    {
      lb_cli_error (_("“:memory:” is not a database file: what is written there is lost when "
                      "the command ends. Give the path of a database file with --db, or "
                      "leave --db out to use the default database."));
      return LB_CLI_USAGE;
    }
  cli.db_path = db_path;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[first], commands[i].name) == 0)
      {
        status = commands[i].func (&cli, argc - first, argv + first);
        g_clear_object (&cli.store);
        return status;
      }

  lb_cli_error (_("Unknown command “%s”."), argv[first]);
  print_usage (stderr);
  return LB_CLI_USAGE;
}
