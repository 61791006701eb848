/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-lbom.c: the few raw writes an LBOM import needs to restore a leaderboard faithfully */

#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "lb-store-private.h"

static gboolean
check_changed (LbStore     *self,
               const char  *message_format,
               gint64       id,
               GError     **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND, message_format, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
lb_store_restore_leaderboard_times (LbStore     *self,
                                    gint64       id,
                                    const char  *created_at,
                                    const char  *updated_at,
                                    GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE leaderboards SET created_at = coalesce (?1, created_at),"
                           "  updated_at = coalesce (?2, updated_at) WHERE id = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, created_at);
  lb_bind_text (stmt, 2, updated_at);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!lb_store_step_done (self, stmt, error) ||
      !check_changed (self, _("There is no leaderboard with the id %" PRId64 "."),
                      id, error))
    return FALSE;
  lb_store_note_changed (self, id);
  return TRUE;
}

gboolean
lb_store_restore_import (LbStore     *self,
                         gint64       id,
                         const char  *imported_at,
                         const char  *imported_by,
                         GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE imports SET imported_at = coalesce (?1, imported_at),"
                           "  imported_by = ?2 WHERE id = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, imported_at);
  lb_bind_text (stmt, 2, imported_by);
  sqlite3_bind_int64 (stmt, 3, id);
  return lb_store_step_done (self, stmt, error) &&
         check_changed (self, _("There is no import with the id %" PRId64 "."), id, error);
}

gboolean
lb_store_restore_result_current (LbStore   *self,
                                 gint64     id,
                                 gboolean   current,
                                 GError   **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One current result per cell: a second one would be used by every comparison beside
   * the first, silently. */
  if (current)
    {
      gboolean taken;

      stmt = lb_store_prepare (self,
                               "SELECT EXISTS (SELECT 1 FROM results r JOIN results o"
                               "  ON o.model_id = r.model_id AND o.benchmark_id = r.benchmark_id"
                               "  AND +o.leaderboard_id = r.leaderboard_id"
                               /* one seek of results_import_cell per import and one among
                                * the results typed in */
                               "  AND (o.import_id IN (SELECT i.id FROM imports i"
                               "                        WHERE i.leaderboard_id = r.leaderboard_id)"
                               "       OR o.import_id IS NULL)"
                               "  AND o.current = 1 AND o.id <> r.id"
                               " WHERE r.id = ?1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
      taken = sqlite3_column_int (stmt, 0) != 0;
      g_clear_pointer (&stmt, lb_stmt_release);
      if (taken)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("another result of the same model on the same benchmark is already "
                         "marked current, and only one can be. Mark only the newest one "
                         "current."));
          return FALSE;
        }
    }

  stmt = lb_store_prepare (self, "UPDATE results SET current = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, current != FALSE);
  sqlite3_bind_int64 (stmt, 2, id);
  return lb_store_step_done (self, stmt, error) &&
         check_changed (self, _("There is no result with the id %" PRId64 "."), id, error);
}

gboolean
lb_store_restore_review_reviewer (LbStore     *self,
                                  gint64       id,
                                  const char  *reviewer,
                                  GError     **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = lb_store_prepare (self, "UPDATE reviews SET reviewer = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, reviewer);
  sqlite3_bind_int64 (stmt, 2, id);
  return lb_store_step_done (self, stmt, error) &&
         check_changed (self, _("There is no review with the id %" PRId64 "."), id, error);
}
