/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-json-writer.h: JSON written as it goes, pretty-printed, in bounded memory */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Receives the next @length bytes of the document. Returns FALSE with @error to stop writing. */
typedef gboolean (*LbJsonFlushFunc) (const char  *data,
                                     gsize        length,
                                     gpointer     user_data,
                                     GError     **error);

typedef struct _LbJsonWriter LbJsonWriter;

/* A writer that hands its text to @flush in pieces of about 64 KiB (and the rest at
 * lb_json_writer_finish). With @flush NULL it keeps everything for lb_json_writer_steal_text. */
LbJsonWriter *lb_json_writer_new          (LbJsonFlushFunc  flush,
                                           gpointer         user_data);
void          lb_json_writer_free         (LbJsonWriter    *self);

void          lb_json_writer_begin_object (LbJsonWriter    *self);
void          lb_json_writer_end_object   (LbJsonWriter    *self);
void          lb_json_writer_begin_array  (LbJsonWriter    *self);
void          lb_json_writer_end_array    (LbJsonWriter    *self);
/* The name of the next member of the current object. */
void          lb_json_writer_member       (LbJsonWriter    *self,
                                           const char      *name);
/* A string; null when @value is NULL. Text that is not UTF-8 is written repaired (U+FFFD). */
void          lb_json_writer_string       (LbJsonWriter    *self,
                                           const char      *value);
/* A number in its shortest form that reads back exactly; null unless @has and finite. */
void          lb_json_writer_double       (LbJsonWriter    *self,
                                           gboolean         has,
                                           double           value);
void          lb_json_writer_int          (LbJsonWriter    *self,
                                           gint64           value);
void          lb_json_writer_boolean      (LbJsonWriter    *self,
                                           gboolean         value);
void          lb_json_writer_null         (LbJsonWriter    *self);

/* Ends the document with a line end and flushes what is left. FALSE with the first error a
 * flush gave. */
gboolean      lb_json_writer_finish       (LbJsonWriter    *self,
                                           GError         **error);
/* Without a flush function: the whole document, newly allocated; the writer is freed. */
char         *lb_json_writer_steal_text   (LbJsonWriter    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbJsonWriter, lb_json_writer_free)

G_END_DECLS
