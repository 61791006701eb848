/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-benchmark.c: set-benchmark, the fields of one benchmark */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"

int
lb_cli_set_benchmark (LbCli  *cli,
                      int     argc,
                      char  **argv)
{
  struct {
    LbBenchmarkField  field;
    char             *value;
  } fields[] = {
    { LB_BENCHMARK_FIELD_N_ITEMS, NULL },
    { LB_BENCHMARK_FIELD_UNIT, NULL },
    { LB_BENCHMARK_FIELD_HIGHER_IS_BETTER, NULL },
  };
  g_autofree char *direction = NULL;
  GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_STRING, &fields[0].value, N_("How many items (questions) the benchmark scores, for the standard error of a score; empty clears it"), N_("N") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &fields[1].value, N_("The unit of the scores, for example %, ms or 円; empty clears it"), N_("UNIT") },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction, N_("Which scores are better: higher or lower (confirms the importer’s guess)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GError) error = NULL;
  LbBenchmark *benchmark = NULL;
  LbStore *store;
  int status = LB_CLI_OK;

  if (!lb_cli_parse ("set-benchmark", N_("NAME BENCHMARK [--items N] [--unit UNIT] [--direction higher|lower]"),
                     _("Set fields of a benchmark. An empty value clears a field."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 3 || (fields[0].value == NULL && fields[1].value == NULL && direction == NULL))
    {
      lb_cli_error (_("Usage: leaderboard-cli set-benchmark NAME BENCHMARK [--items N] [--unit UNIT] "
                      "[--direction higher|lower]"));
      status = LB_CLI_USAGE;
      goto out;
    }
  if (direction != NULL)
    {
      if (g_ascii_strcasecmp (direction, "higher") == 0)
        fields[2].value = g_strdup ("true");
      else if (g_ascii_strcasecmp (direction, "lower") == 0)
        fields[2].value = g_strdup ("false");
      else
        {
          lb_cli_error (_("Unknown direction “%s”. Use higher or lower."), direction);
          status = LB_CLI_USAGE;
          goto out;
        }
    }

  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    {
      status = LB_CLI_ERROR;
      goto out;
    }
  store = lb_cli_get_store (cli);
  benchmarks = lb_store_list_benchmarks (store, lb->id, &error);
  if (benchmarks == NULL)
    {
      lb_cli_error ("%s", error->message);
      status = LB_CLI_ERROR;
      goto out;
    }
  for (guint i = 0; i < benchmarks->len && benchmark == NULL; i++)
    if (g_strcmp0 (((LbBenchmark *) g_ptr_array_index (benchmarks, i))->name, argv[2]) == 0)
      benchmark = g_ptr_array_index (benchmarks, i);
  if (benchmark == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < benchmarks->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                ((LbBenchmark *) g_ptr_array_index (benchmarks, i))->name);
      lb_cli_error (_("“%s” has no benchmark named “%s”. Its benchmarks: %s."), lb->name, argv[2],
                    names->str);
      status = LB_CLI_ERROR;
      goto out;
    }

  if (!lb_store_begin (store, &error))
    {
      lb_cli_error ("%s", error->message);
      status = LB_CLI_ERROR;
      goto out;
    }
  for (guint i = 0; status == LB_CLI_OK && i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL
        && !lb_store_set_benchmark_field (store, benchmark->id, fields[i].field, fields[i].value, &error))
      status = LB_CLI_ERROR;
  if (status != LB_CLI_OK)
    lb_store_rollback (store);
  /* A failed commit has rolled back already. */
  else if (!lb_store_commit (store, &error))
    status = LB_CLI_ERROR;
  if (status != LB_CLI_OK)
    lb_cli_error (_("Nothing was changed: %s"), error->message);
  else
    printf (_("Benchmark “%s” of “%s” updated.\n"), benchmark->name, lb->name);

out:
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i].value);
  return status;
}
