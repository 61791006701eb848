/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-compare.c: the Compare page's choices, saved per leaderboard */

#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-store-private.h"

LbCompareChoice *
lb_compare_choice_new (gint64 leaderboard_id)
{
  LbCompareChoice *choice = g_new0 (LbCompareChoice, 1);

  choice->leaderboard_id = leaderboard_id;
  choice->model_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choice->normalization = g_strdup ("min-max");
  return choice;
}

void
lb_compare_choice_free (LbCompareChoice *choice)
{
  if (choice == NULL)
    return;
  g_array_unref (choice->model_ids);
  g_free (choice->profile);
  g_free (choice->normalization);
  g_free (choice->updated_at);
  g_free (choice);
}

static gpointer
choice_from_row (LbStmt *stmt)
{
  LbCompareChoice *choice = lb_compare_choice_new (lb_column_id (stmt, 0));
  const char *models = (const char *) sqlite3_column_text (stmt, 1);
  g_auto(GStrv) ids = g_strsplit (models != NULL ? models : "", ",", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      /* A hand-edited file may hold anything: only positive ids are ids. */
      if (id > 0)
        g_array_append_val (choice->model_ids, id);
    }
  choice->baseline_id = lb_column_id (stmt, 2);
  choice->profile = lb_column_dup (stmt, 3);
  choice->include_partial = sqlite3_column_int (stmt, 4) != 0;
  g_free (choice->normalization);
  choice->normalization = lb_column_dup (stmt, 5);
  choice->updated_at = lb_column_dup (stmt, 6);
  return choice;
}

LbCompareChoice *
lb_store_get_compare_choice (LbStore  *self,
                             gint64    leaderboard_id,
                             GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = lb_store_prepare (self,
                           "SELECT leaderboard_id, models, baseline_id, profile, include_partial,"
                           " normalization, updated_at FROM compare_choices WHERE leaderboard_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  return lb_store_fetch_one (self, stmt, choice_from_row, &found, error);
}

gboolean
lb_store_put_compare_choice (LbStore                *self,
                             const LbCompareChoice  *choice,
                             GError                **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autoptr(GString) models = g_string_new (NULL);
  g_autofree char *now = NULL;
  const char *normalization;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (choice != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalization = choice->normalization != NULL ? choice->normalization : "min-max";
  if (strcmp (normalization, "min-max") != 0 && strcmp (normalization, "declared-scale") != 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                   _("“%s” is not a normalization. Use “min-max” or “declared-scale”."), normalization);
      return FALSE;
    }
  for (guint i = 0; i < choice->model_ids->len; i++)
    g_string_append_printf (models, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (choice->model_ids, gint64, i));

  stmt = lb_store_prepare (self,
                           "INSERT INTO compare_choices (leaderboard_id, models, baseline_id, profile,"
                           " include_partial, normalization, updated_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                           " ON CONFLICT (leaderboard_id) DO UPDATE SET models = excluded.models,"
                           " baseline_id = excluded.baseline_id, profile = excluded.profile,"
                           " include_partial = excluded.include_partial,"
                           " normalization = excluded.normalization, updated_at = excluded.updated_at",
                           error);
  if (stmt == NULL)
    return FALSE;
  now = lb_now_iso8601 ();
  sqlite3_bind_int64 (stmt, 1, choice->leaderboard_id);
  lb_bind_text (stmt, 2, models->str);
  lb_bind_id (stmt, 3, choice->baseline_id);
  lb_bind_text (stmt, 4, choice->profile);
  sqlite3_bind_int (stmt, 5, choice->include_partial ? 1 : 0);
  lb_bind_text (stmt, 6, normalization);
  lb_bind_text (stmt, 7, now);
  /* One statement is atomic on its own. A leaderboard that is gone fails its foreign key. */
  return lb_store_step_done (self, stmt, error);
}
