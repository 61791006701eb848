/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-import-assistant.h: the window that previews a CSV file, maps its columns and imports it */
#pragma once

#include <adwaita.h>
#include "lb-importer.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_IMPORT_ASSISTANT (lb_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (LbImportAssistant, lb_import_assistant, LB, IMPORT_ASSISTANT, AdwWindow)

/* Opens on @file. @current_leaderboard (0: none) is offered as the target when the file's
 * column mapping was remembered. Emits ::imported (gint64 leaderboard_id, gint64 import_id,
 * guint results, const char *file_name) once the import committed, then closes. */
LbImportAssistant *lb_import_assistant_new          (LbStore *store,
                                                     GFile   *file,
                                                     gint64   current_leaderboard);

/* The importer in use, or NULL when the file could not be read; for tests. */
LbImporter        *lb_import_assistant_get_importer (LbImportAssistant *self);
/* TRUE while a check or the import runs; the "busy" property notifies. */
gboolean           lb_import_assistant_get_busy     (LbImportAssistant *self);
/* The row of column @column (1-based) in the column list, for tests. */
GtkWidget         *lb_import_assistant_get_column_row (LbImportAssistant *self, guint column);
/* The status line: the blocking reason or what the import will do. */
const char        *lb_import_assistant_get_status   (LbImportAssistant *self);

G_END_DECLS
