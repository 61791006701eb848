/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-vfs.h: the SQLite VFS whose locks survive the process closing other descriptors */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Registers, once, SQLite's unix VFS with open-file-description locks as the process's
 * default VFS, and returns its name (a static string) for sqlite3_open_v2(). */
const char *lb_store_vfs_register (void);

G_END_DECLS
