/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-changes.h: what changed between two states of a leaderboard (after one import, after another) */
#pragma once

#include <glib-object.h>

#include "lb-store.h"
#include "lb-types.h"
#include "lb-json-writer.h"

G_BEGIN_DECLS

typedef enum {
  LB_CHANGE_NEW_MODEL,          /* listed now, not then */
  LB_CHANGE_UNLISTED,           /* listed then, no longer listed now */
  LB_CHANGE_VERSION,            /* the model's version changed */
  LB_CHANGE_BENCHMARK_ADDED,
  LB_CHANGE_BENCHMARK_GONE,
  LB_CHANGE_VALUE,              /* old → new score */
  LB_CHANGE_VALUE_ADDED,        /* a value where the model had none */
  LB_CHANGE_WITHDRAWN,          /* the value was withdrawn by a new version of the sheet */
} LbChangeKind;

typedef struct {
  LbChangeKind  kind;
  char         *model;          /* NULL for benchmark changes */
  char         *benchmark;      /* NULL for model changes */
  LbResult     *old_result;     /* VALUE, WITHDRAWN: the value then */
  LbResult     *new_result;     /* VALUE, VALUE_ADDED: the value now */
  LbGap        *gap;            /* WITHDRAWN: the empty cell that withdrew it */
  char         *old_version;    /* VERSION */
  char         *new_version;
} LbChange;

void lb_change_free (LbChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbChange, lb_change_free)

/* The changes from the state after import @from_import (0: before any import) to the state
 * after import @to_import (0: the newest), over the leaderboard's imports that were not
 * removed, in id order. Of LbChange*, by kind, then model, then benchmark; NULL on error. */
GPtrArray *lb_changes_between      (LbStore *store, gint64 leaderboard_id, gint64 from_import,
                                    gint64 to_import, GError **error);
/* What import @import_id changed, against the import before it. */
GPtrArray *lb_changes_of_import    (LbStore *store, gint64 leaderboard_id, gint64 import_id,
                                    GError **error);
/* What each import of the leaderboard changed (as lb_changes_of_import()): import id
 * (gint64*) → GPtrArray of LbChange*. A leaderboard of more than @max_results results is not
 * replayed: the table comes back empty. NULL with @error set on failure or when cancelled. */
GHashTable *lb_changes_of_imports        (LbStore             *store,
                                          gint64               leaderboard_id,
                                          guint                max_results,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* The same, worked out in a
 * thread on a read-only connection of its own to the database at @db_path, so that a window
 * is not held up. A leaderboard of more than @max_results results is not replayed: the table
 * comes back empty. */
void        lb_changes_of_imports_async  (const char          *db_path,
                                          gint64               leaderboard_id,
                                          guint                max_results,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Import id (gint64*) → GPtrArray of LbChange*; NULL with @error set on failure. */
GHashTable *lb_changes_of_imports_finish (GAsyncResult        *result,
                                          GError             **error);

/* Since @since (an ISO 8601 timestamp; a date alone counts the whole day): from the state
 * after the newest import imported by then. @from_import (may be NULL) is set to that import. */
GPtrArray *lb_changes_since        (LbStore *store, gint64 leaderboard_id, const char *since,
                                    gint64 *from_import, GError **error);

/* One change as a sentence, translated, newly allocated: "GPT-4o: version 2024-08-06 → 2024-11-20",
 * "cotomi Pro, レイテンシ(ms): 330 [1:F3] → — withdrawn in [2:F3]", … Cells are [import:cell]. */
char      *lb_change_describe      (const LbChange *change);
/* "changes": [...] as JSON objects. */
void       lb_changes_write_json   (LbJsonWriter *w, GPtrArray *changes);

G_END_DECLS
