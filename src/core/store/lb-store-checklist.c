/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-checklist.c: the smells checklist, decision profiles and review meetings */

#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "lb-store-private.h"

static gpointer
smell_from_row (LbStmt *stmt)
{
  LbSmell *smell = g_new0 (LbSmell, 1);
  const char *component = (const char *) sqlite3_column_text (stmt, 3);

  smell->id = lb_column_id (stmt, 0);
  smell->leaderboard_id = lb_column_id (stmt, 1);
  smell->smell = lb_column_dup (stmt, 2);
  /* '' in the table stands for "no component". */
  smell->component = (component != NULL && *component != '\0') ? g_strdup (component) : NULL;
  smell->status = lb_column_dup (stmt, 4);
  smell->detected = sqlite3_column_int (stmt, 5) != 0;
  smell->evidence = lb_column_dup (stmt, 6);
  smell->note = lb_column_dup (stmt, 7);
  smell->reviewer = lb_column_dup (stmt, 8);
  smell->checked_at = lb_column_dup (stmt, 9);
  smell->needs_review = sqlite3_column_int (stmt, 10) != 0;
  return smell;
}

static gpointer
profile_from_row (LbStmt *stmt)
{
  LbProfile *profile = g_new0 (LbProfile, 1);

  profile->id = lb_column_id (stmt, 0);
  profile->leaderboard_id = lb_column_id (stmt, 1);
  profile->name = lb_column_dup (stmt, 2);
  profile->description = lb_column_dup (stmt, 3);
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  return profile;
}

static gpointer
weight_from_row (LbStmt *stmt)
{
  LbWeight *weight = g_new0 (LbWeight, 1);

  weight->benchmark = lb_column_dup (stmt, 0);
  weight->weight = sqlite3_column_double (stmt, 1);
  return weight;
}

static gpointer
review_from_row (LbStmt *stmt)
{
  LbReview *review = g_new0 (LbReview, 1);

  review->id = lb_column_id (stmt, 0);
  review->leaderboard_id = lb_column_id (stmt, 1);
  review->held_at = lb_column_dup (stmt, 2);
  review->reviewer = lb_column_dup (stmt, 3);
  review->decision = lb_column_dup (stmt, 4);
  review->notes = lb_column_dup (stmt, 5);
  return review;
}

/* ---- smells ---- */

GPtrArray *
lb_store_list_smells (LbStore  *self,
                      gint64    leaderboard_id,
                      GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id, leaderboard_id, smell, component, status, detected,"
                           "       evidence, note, reviewer, checked_at, needs_review"
                           " FROM smells WHERE leaderboard_id = ?1 ORDER BY smell, component",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  return lb_store_collect (self, stmt, smell_from_row, (GDestroyNotify) lb_smell_free, error);
}

GPtrArray *
lb_store_list_smell_states (LbStore  *self,
                            GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  /* The columns of lb_store_list_smells(), less the texts nobody counts. */
  stmt = lb_store_prepare (self,
                           "SELECT s.id, s.leaderboard_id, s.smell, s.component, s.status, s.detected,"
                           "       NULL, NULL, NULL, s.checked_at, s.needs_review"
                           " FROM smells s JOIN leaderboards l ON l.id = s.leaderboard_id"
                           " WHERE l.deleted_at IS NULL ORDER BY s.leaderboard_id, s.smell, s.component",
                           error);
  if (stmt == NULL)
    return NULL;
  return lb_store_collect (self, stmt, smell_from_row, (GDestroyNotify) lb_smell_free, error);
}

static gint64
put_smell (LbStore        *self,
           const LbSmell  *smell,
           GError        **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  gint64 id;
  int rc;

  stmt = lb_store_prepare (self,
                           "INSERT INTO smells (leaderboard_id, smell, component, status, detected,"
                           "  evidence, note, reviewer, checked_at, needs_review)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                           " ON CONFLICT (leaderboard_id, smell, component) DO UPDATE SET"
                           "  status = excluded.status, detected = excluded.detected,"
                           "  evidence = excluded.evidence, note = excluded.note,"
                           "  reviewer = excluded.reviewer, checked_at = excluded.checked_at,"
                           "  needs_review = excluded.needs_review"
                           " RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, smell->leaderboard_id);
  lb_bind_text (stmt, 2, smell->smell);
  lb_bind_text (stmt, 3, smell->component != NULL ? smell->component : "");
  lb_bind_text (stmt, 4, smell->status != NULL ? smell->status : "unchecked");
  sqlite3_bind_int (stmt, 5, smell->detected != FALSE);
  lb_bind_text (stmt, 6, smell->evidence);
  lb_bind_text (stmt, 7, smell->note);
  lb_bind_text (stmt, 8, smell->reviewer);
  lb_bind_text (stmt, 9, smell->checked_at);
  sqlite3_bind_int (stmt, 10, smell->needs_review != FALSE);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rc = sqlite3_extended_errcode (self->db);
      if (rc == SQLITE_CONSTRAINT_CHECK)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                       _("“%s” is not a verdict for a smell. Use unchecked, present, absent, "
                         "mitigated or accepted."), smell->status);
          return 0;
        }
      lb_store_fail (self, rc, error);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  /* RETURNING rows must be stepped to the end before the statement is done. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  lb_store_note_changed (self, smell->leaderboard_id);
  return id;
}

gint64
lb_store_put_smell (LbStore        *self,
                    const LbSmell  *smell,
                    GError        **error)
{
  gint64 id;

  g_return_val_if_fail (LB_IS_STORE (self), 0);
  g_return_val_if_fail (smell != NULL && smell->smell != NULL, 0);

  if (!lb_store_begin (self, error))
    return 0;
  id = put_smell (self, smell, error);
  if (!lb_store_finish_write (self, id != 0, error))
    return 0;
  return id;
}

/* ---- profiles ---- */

GPtrArray *
lb_store_list_profiles (LbStore  *self,
                        gint64    leaderboard_id,
                        GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id, leaderboard_id, name, description FROM profiles"
                           " WHERE leaderboard_id = ?1 ORDER BY name COLLATE NOCASE, name, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  profiles = lb_store_collect (self, stmt, profile_from_row, (GDestroyNotify) lb_profile_free,
                               error);
  if (profiles == NULL)
    return NULL;
  g_clear_pointer (&stmt, lb_stmt_release);

  stmt = lb_store_prepare (self,
                           "SELECT benchmark, weight FROM profile_weights WHERE profile_id = ?1"
                           " ORDER BY position, benchmark", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < profiles->len; i++)
    {
      LbProfile *profile = g_ptr_array_index (profiles, i);
      g_autoptr(GPtrArray) weights = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, profile->id);
      weights = lb_store_collect (self, stmt, weight_from_row, (GDestroyNotify) lb_weight_free,
                                  error);
      if (weights == NULL)
        return NULL;
      g_ptr_array_unref (profile->weights);
      profile->weights = g_steal_pointer (&weights);
    }
  return g_steal_pointer (&profiles);
}

/* "MMLU=1; GSM8K=0.5" for the audit log. */
static char *
describe_weights (const LbProfile *profile)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; profile->weights != NULL && i < profile->weights->len; i++)
    {
      const LbWeight *weight = g_ptr_array_index (profile->weights, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s=%s", weight->benchmark,
                              g_ascii_formatd (buf, sizeof buf, "%g", weight->weight));
    }
  return g_string_free (text, FALSE);
}

static gint64
put_profile (LbStore          *self,
             const LbProfile  *profile,
             GError          **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = describe_weights (profile);
  gint64 id = profile->id;

  if (profile->name == NULL || *profile->name == '\0')
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_INVALID,
                   _("A profile needs a name. Enter a name."));
      return 0;
    }

  if (id == 0)
    stmt = lb_store_prepare (self,
                             "INSERT INTO profiles (leaderboard_id, name, description)"
                             " VALUES (?1, ?2, ?3)", error);
  else
    {
      /* Keep the weights it had, for the audit log. */
      LbProfile before = { 0 };

      stmt = lb_store_prepare (self,
                               "SELECT benchmark, weight FROM profile_weights WHERE profile_id = ?1"
                               " ORDER BY position, benchmark", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      before.weights = lb_store_collect (self, stmt, weight_from_row,
                                         (GDestroyNotify) lb_weight_free, error);
      if (before.weights == NULL)
        return 0;
      old_text = describe_weights (&before);
      g_ptr_array_unref (before.weights);
      g_clear_pointer (&stmt, lb_stmt_release);

      stmt = lb_store_prepare (self,
                               "UPDATE profiles SET name = ?2, description = ?3"
                               " WHERE id = ?4 AND leaderboard_id = ?1", error);
    }
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, profile->leaderboard_id);
  lb_bind_text (stmt, 2, profile->name);
  lb_bind_text (stmt, 3, profile->description);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_EXISTS,
                     _("This leaderboard already has a profile named “%s”. Choose another name."),
                     profile->name);
      else
        lb_store_fail (self, sqlite3_extended_errcode (self->db), error);
      return 0;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      lb_store_not_found (error,
                          _("There is no profile with id %" PRId64 " in this "
                            "leaderboard; it may have been removed. Save it as a new profile."),
                          id);
      return 0;
    }
  g_clear_pointer (&stmt, lb_stmt_release);

  stmt = lb_store_prepare (self, "DELETE FROM profile_weights WHERE profile_id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!lb_store_step_done (self, stmt, error))
    return 0;
  g_clear_pointer (&stmt, lb_stmt_release);

  stmt = lb_store_prepare (self,
                           "INSERT INTO profile_weights (profile_id, benchmark, weight, position)"
                           " VALUES (?1, ?2, ?3, ?4)"
                           " ON CONFLICT (profile_id, benchmark) DO UPDATE SET weight = excluded.weight",
                           error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; profile->weights != NULL && i < profile->weights->len; i++)
    {
      const LbWeight *weight = g_ptr_array_index (profile->weights, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      lb_bind_text (stmt, 2, weight->benchmark);
      sqlite3_bind_double (stmt, 3, weight->weight);
      sqlite3_bind_int (stmt, 4, i);
      if (!lb_store_step_done (self, stmt, error))
        return 0;
    }
  g_clear_pointer (&stmt, lb_stmt_release);

  lb_store_note_changed (self, profile->leaderboard_id);
  if (!lb_store_audit (self, profile->leaderboard_id, "profile", id,
                       profile->id == 0 ? "created" : "weights",
                       old_text, profile->id == 0 ? profile->name : new_text, error))
    return 0;
  if (profile->id == 0 && new_text[0] != '\0'
      && !lb_store_audit (self, profile->leaderboard_id, "profile", id, "weights",
                          NULL, new_text, error))
    return 0;
  return id;
}

gint64
lb_store_put_profile (LbStore          *self,
                      const LbProfile  *profile,
                      GError          **error)
{
  gint64 id;

  g_return_val_if_fail (LB_IS_STORE (self), 0);
  g_return_val_if_fail (profile != NULL, 0);

  if (!lb_store_begin (self, error))
    return 0;
  id = put_profile (self, profile, error);
  if (!lb_store_finish_write (self, id != 0, error))
    return 0;
  return id;
}

static gboolean
delete_profile (LbStore  *self,
                gint64    id,
                GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 leaderboard_id;
  int rc;

  stmt = lb_store_prepare (self, "SELECT leaderboard_id, name FROM profiles WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return lb_store_not_found (error,
                               _("There is no profile with id %" PRId64 "; it may "
                                 "have been removed already."), id);
  if (rc != SQLITE_ROW)
    return lb_store_fail (self, rc, error);
  leaderboard_id = sqlite3_column_int64 (stmt, 0);
  name = lb_column_dup (stmt, 1);
  g_clear_pointer (&stmt, lb_stmt_release);

  stmt = lb_store_prepare (self, "DELETE FROM profiles WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;
  lb_store_note_changed (self, leaderboard_id);
  return lb_store_audit (self, leaderboard_id, "profile", id, "deleted", name, NULL, error);
}

gboolean
lb_store_delete_profile (LbStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!lb_store_begin (self, error))
    return FALSE;
  return lb_store_finish_write (self, delete_profile (self, id, error), error);
}

/* ---- reviews ---- */

GPtrArray *
lb_store_list_reviews (LbStore  *self,
                       gint64    leaderboard_id,
                       GError  **error)
{
  g_autoptr(LbStmt) stmt = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id, leaderboard_id, held_at, reviewer, decision, notes"
                           " FROM reviews WHERE leaderboard_id = ?1"
                           " ORDER BY held_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, leaderboard_id);
  return lb_store_collect (self, stmt, review_from_row, (GDestroyNotify) lb_review_free, error);
}

static gint64
add_review (LbStore         *self,
            const LbReview  *review,
            GError         **error)
{
  g_autoptr(LbStmt) stmt = NULL;
  g_autofree char *now = lb_now_iso8601 ();
  gint64 id;

  stmt = lb_store_prepare (self,
                           "INSERT INTO reviews (leaderboard_id, held_at, reviewer, decision, notes)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review->leaderboard_id);
  lb_bind_text (stmt, 2, review->held_at != NULL ? review->held_at : now);
  lb_bind_text (stmt, 3, review->reviewer != NULL ? review->reviewer : lb_store_get_user (self));
  lb_bind_text (stmt, 4, review->decision);
  lb_bind_text (stmt, 5, review->notes);
  if (!lb_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  lb_store_note_changed (self, review->leaderboard_id);
  if (!lb_store_audit (self, review->leaderboard_id, "review", id, "decision", NULL,
                       review->decision, error))
    return 0;
  return id;
}

gint64
lb_store_add_review (LbStore         *self,
                     const LbReview  *review,
                     GError         **error)
{
  gint64 id;

  g_return_val_if_fail (LB_IS_STORE (self), 0);
  g_return_val_if_fail (review != NULL, 0);

  if (!lb_store_begin (self, error))
    return 0;
  id = add_review (self, review, error);
  if (!lb_store_finish_write (self, id != 0, error))
    return 0;
  return id;
}
