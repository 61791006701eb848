/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-private.h: what the lb-store-*.c files share (the connection, statements, helpers) */
#pragma once

#include <sqlite3.h>

#include "lb-store.h"

G_BEGIN_DECLS

struct _LbStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  char       *path;
  char       *backup_path;
  char       *user;
  GHashTable *statements;      /* SQL text → sqlite3_stmt*, prepared once */
  GHashTable *static_statements; /* address of a string literal → sqlite3_stmt* (borrowed) */

  guint       depth;           /* open transaction levels (0: autocommit) */
  gint64      pending_changed; /* -1: nothing written; 0: several leaderboards; else the id */
  gint64      data_version;    /* PRAGMA data_version when ::changed was last emitted */
  /* borrowed, during lb_store_finish_import_covering(): what lb_import_covers() asks */
  LbCellCoverFunc covers;
  gpointer        covers_data;
  guint           covers_unknown;  /* cells it did not know */
};

/* A cached statement borrowed for one use: g_autoptr resets it and clears its bindings. */
typedef sqlite3_stmt LbStmt;
void lb_stmt_release (LbStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbStmt, lb_stmt_release)

/* Returns the cached statement for @sql (prepared on first use), reset; NULL with @error. */
LbStmt   *lb_store_prepare        (LbStore *self, const char *sql, GError **error);
/* The same for a string literal, looked up by address: for the importer's hot paths, where
 * hashing the SQL text of each of a million statements would show. */
LbStmt   *lb_store_prepare_static (LbStore *self, const char *sql, GError **error);
/* Sets @error from SQLite's result code @rc on this connection. Always returns FALSE. */
gboolean  lb_store_fail           (LbStore *self, int rc, GError **error);
/* Runs a statement that returns no rows. */
gboolean  lb_store_step_done      (LbStore *self, LbStmt *stmt, GError **error);
/* Inside lb_store_begin(): fails when SQLite already rolled the transaction back on its own
 * (it does on a full disk or an I/O error), so later writes are not committed one by one. */
gboolean  lb_store_check_transaction (LbStore *self, GError **error);
/* Records that a write touched @leaderboard_id; ::changed is emitted after the top-level commit. */
void      lb_store_note_changed   (LbStore *self, gint64 leaderboard_id);
/* Sets the leaderboard's updated_at to now (inside the caller's transaction). */
gboolean  lb_store_touch_leaderboard (LbStore *self, gint64 leaderboard_id, GError **error);

void      lb_bind_text            (LbStmt *stmt, int index, const char *text);
void      lb_bind_id              (LbStmt *stmt, int index, gint64 id); /* 0 binds NULL */
char     *lb_column_dup           (LbStmt *stmt, int column);           /* NULL stays NULL */
gint64    lb_column_id            (LbStmt *stmt, int column);           /* NULL gives 0 */

typedef gpointer (*LbRowFunc) (LbStmt *stmt);
/* Steps @stmt to the end, converting each row; NULL with @error on failure. */
GPtrArray *lb_store_collect       (LbStore *self, LbStmt *stmt, LbRowFunc func,
                                   GDestroyNotify free_func, GError **error);
/* The first row converted; NULL without @error when there is none (check *@found). */
gpointer  lb_store_fetch_one      (LbStore *self, LbStmt *stmt, LbRowFunc func,
                                   gboolean *found, GError **error);
/* Fails with NOT_FOUND naming what is missing. Always returns FALSE. */
gboolean  lb_store_not_found      (GError **error, const char *message_format, gint64 id);
/* Ends a store write: commits, or on @ok == FALSE rolls back. Returns whether it committed. */
gboolean  lb_store_finish_write   (LbStore *self, gboolean ok, GError **error);

/* Defines the SQL function lb_import_covers(model_id, benchmark_id) on the connection: what
 * self->covers says of the cell (an LbCellCover); NULL, counted in self->covers_unknown, when
 * the cell is unknown to it or no one is asking. */
gboolean  lb_store_define_functions (LbStore *self, GError **error);
/* Opens @path migrated only up to @version (tests use it to build an older database). */
LbStore  *lb_store_open_at_version (const char *path, int version, GError **error);

G_END_DECLS
