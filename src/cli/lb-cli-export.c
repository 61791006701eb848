/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-export.c: export and import-lbom */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-csv-writer.h"
#include "lb-lbom.h"

/* Writes @bytes to @path (atomically replacing it), or to standard output when @path is NULL. */
static gboolean
write_output (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (path == NULL || strcmp (path, "-") == 0)
    return lb_cli_write_stdout (data, size, NULL, error);
  return g_file_set_contents (path, data, size, error);
}

int
lb_cli_export (LbCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("lbom (the bill of materials, JSON) or csv (for Excel)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LbStore *store;

  if (!lb_cli_parse ("export", N_("NAME --format lbom|csv [-o FILE]"),
                     _("Export a leaderboard as LBOM or CSV."), entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2 || format == NULL || (strcmp (format, "lbom") != 0 && strcmp (format, "csv") != 0))
    {
      lb_cli_error (_("Usage: leaderboard-cli export NAME --format lbom|csv [-o FILE]"));
      return LB_CLI_USAGE;
    }
  /* Only reads: nothing is created or changed, on a full disk or a read-only share too. */
  cli->read_only = TRUE;
  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);

  if (strcmp (format, "lbom") == 0)
    {
      char *text = lb_lbom_export (store, &lb->id, 1, &error);

      if (text != NULL)
        bytes = g_bytes_new_take (text, strlen (text));
    }
  else
    {
      bytes = lb_csv_export_leaderboard (store, lb->id, &error);
    }

  if (bytes == NULL || !write_output (output, bytes, &error))
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  if (output != NULL && strcmp (output, "-") != 0)
    printf (_("Exported “%s” to %s.\n"), lb->name, output);
  return LB_CLI_OK;
}

int
lb_cli_import_lbom (LbCli  *cli,
                    int     argc,
                    char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  LbStore *store;

  if (!lb_cli_parse ("import-lbom", N_("FILE"), _("Import an LBOM file."), entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2)
    {
      lb_cli_error (_("Usage: leaderboard-cli import-lbom FILE"));
      return LB_CLI_USAGE;
    }
  store = lb_cli_get_store (cli);
  if (store == NULL)
    return LB_CLI_ERROR;
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!lb_lbom_import_file (store, file, NULL, &names, &error))
    {
      lb_cli_error (_("%s Nothing was imported."), error->message);
      return LB_CLI_ERROR;
    }
  for (guint i = 0; i < names->len; i++)
    printf (_("Imported the leaderboard “%s”.\n"), (const char *) g_ptr_array_index (names, i));
  return LB_CLI_OK;
}
