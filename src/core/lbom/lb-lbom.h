/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-lbom.h: the LBOM v1 interchange file (docs/lbom.md) */
#pragma once

#include <gio/gio.h>
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_LBOM_ERROR (lb_lbom_error_quark ())

typedef enum {
  LB_LBOM_ERROR_NOT_LBOM,       /* not JSON, not UTF-8, or "format" is not "lbom" */
  LB_LBOM_ERROR_VERSION,        /* a "version" this build does not read */
  LB_LBOM_ERROR_TOO_LARGE,      /* bigger than LB_LBOM_MAX_SIZE or nested deeper than the format */
  LB_LBOM_ERROR_MISSING_KEY,    /* a required key is missing (the message names it and where) */
  LB_LBOM_ERROR_WRONG_TYPE,     /* a key holds the wrong JSON type */
  LB_LBOM_ERROR_INVALID,        /* a value the format does not allow, a duplicate, a dangling reference */
  LB_LBOM_ERROR_EXISTS,         /* a leaderboard of that name is already in the store */
} LbLbomError;

/* The LBOM version this build writes and reads. */
#define LB_LBOM_VERSION 1
/* Larger documents are refused before parsing. */
#define LB_LBOM_MAX_SIZE ((gsize) 256 * 1024 * 1024)
/* Deepest nesting of arrays and objects the format has (root → leaderboards → leaderboard →
 * imports → import → warnings → warning). Deeper documents are refused before parsing. */
#define LB_LBOM_MAX_DEPTH 7
/* The largest size of a number (score, standard error, scale, weight) read from a file: far
 * beyond any benchmark's, and small enough that differences and sums of them stay finite. */
#define LB_LBOM_MAX_MAGNITUDE 1e15

GQuark    lb_lbom_error_quark  (void);

/* Writes the leaderboards @ids (all non-deleted ones, by name, when @n_ids is 0) as one
 * pretty-printed LBOM document ending in a newline. Returns a newly allocated UTF-8 string,
 * or NULL with @error (LB_STORE_ERROR, e.g. NOT_FOUND for an unknown id). Not in LBOM v1, so
 * not written: gaps, deleted imports and their results, retired flags, audit log. */
char     *lb_lbom_export       (LbStore       *store,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error);

/* Reads the LBOM document @data (@length bytes, -1 when NUL-terminated) into @store as new
 * leaderboards, in one transaction: on any error nothing is written. Import ids are given
 * new numbers; everything else is kept as in the file. On success @names (may be NULL)
 * receives the names of the leaderboards created, in file order (owned by the caller).
 * Errors: LB_LBOM_ERROR with a message naming the key and where ("leaderboards[0].results[3]"),
 * EXISTS when a leaderboard of the same name exists; LB_STORE_ERROR when the store fails. */
gboolean  lb_lbom_import       (LbStore       *store,
                                const char    *data,
                                gssize         length,
                                GPtrArray    **names,
                                GError       **error);

/* lb_lbom_import() on the contents of @file, refusing a file larger than LB_LBOM_MAX_SIZE
 * before reading it. Messages start with the file's name ("team.lbom: leaderboards[0]: …");
 * a file that cannot be read gives its G_IO_ERROR. The read stops at the limit, so a pipe or a
 * device (which has no size) is refused as well. */
gboolean  lb_lbom_import_file  (LbStore       *store,
                                GFile         *file,
                                GCancellable  *cancellable,
                                GPtrArray    **names,
                                GError       **error);

G_END_DECLS
