/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-smells.c: `leaderboard-cli smells NAME [--json]`, the smell checklist with its evidence */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "lb-cli.h"
#include "lb-smells.h"

/* The checks without writing: for a database that cannot be written. */
static GPtrArray *
check_read_only (LbStore          *store,
                 gint64            leaderboard_id,
                 const char       *today,
                 LbSmellSnapshot **snapshot_out,
                 GPtrArray       **detections_out,
                 GError          **error)
{
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  GPtrArray *checklist;
  LbSmellOptions options;

  snapshot = lb_smell_snapshot_load (store, leaderboard_id, error);
  if (snapshot == NULL)
    return NULL;
  stored = lb_store_list_smells (store, leaderboard_id, error);
  if (stored == NULL)
    return NULL;
  lb_smell_options_init (&options);
  options.today = today;
  detections = lb_smells_detect (snapshot, &options);

  checklist = lb_smell_checklist (stored, leaderboard_id);
  for (guint i = 0; i < checklist->len; i++)
    {
      LbSmell *item = g_ptr_array_index (checklist, i);
      LbSmellKind smell;
      LbComponent component;

      if (!lb_smell_kind_from_string (item->smell, &smell)
          || !lb_component_from_string (item->component, &component))
        continue;
      g_ptr_array_index (checklist, i) =
        lb_smell_apply_detection (item, leaderboard_id, smell, component,
                                  lb_detections_find (detections, smell, component));
      lb_smell_free (item);
    }
  *snapshot_out = g_steal_pointer (&snapshot);
  *detections_out = g_steal_pointer (&detections);
  return checklist;
}

int
lb_cli_smells (LbCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the checklist as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autoptr(LbSmellSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) detections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  LbStore *store;

  if (!lb_cli_parse ("smells", _("NAME"),
                     _("Runs the leaderboard smell checks (LBOps) on the leaderboard NAME, records "
                       "what they found in its checklist (reviewers' verdicts are kept), and "
                       "prints every smell with its status, detection and evidence. The exit "
                       "status is 0 whether or not smells are present."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2)
    {
      lb_cli_error (_("Give the name of one leaderboard, for example: leaderboard-cli smells "
                      "\"Support chatbot 2026\""));
      return LB_CLI_USAGE;
    }

  leaderboard = lb_cli_find_leaderboard (cli, argv[1]);
  if (leaderboard == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);
  today = lb_now_iso8601 ();

  checklist = lb_smells_run (store, leaderboard->id, NULL, &snapshot, &detections, &error);
  if (checklist == NULL && g_error_matches (error, LB_STORE_ERROR, LB_STORE_ERROR_READ_ONLY))
    {
      /* Still worth showing; say that nothing was recorded. */
      fprintf (stderr, "%s\n", _("leaderboard-cli: the database is read-only, so the checklist "
                                 "was checked but not updated."));
      g_clear_error (&error);
      checklist = check_read_only (store, leaderboard->id, today, &snapshot, &detections, &error);
    }
  if (checklist == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = lb_smells_to_json (snapshot, checklist, detections, today);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }
  else
    {
      g_autofree char *text = lb_smells_format_text (snapshot, checklist, detections, today);

      printf ("%s", text);
    }
  return LB_CLI_OK;
}
