/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-metadata-editor.h: a small window editing a benchmark's or a model's metadata */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LB_TYPE_METADATA_EDITOR (lb_metadata_editor_get_type ())
G_DECLARE_FINAL_TYPE (LbMetadataEditor, lb_metadata_editor, LB, METADATA_EDITOR, AdwWindow)

/* Writes one changed field (the store audits it); FALSE with @error keeps the window open. */
typedef gboolean (*LbMetadataApplyFunc) (guint        field,
                                         const char  *value,
                                         gpointer     user_data,
                                         GError     **error);

LbMetadataEditor *lb_metadata_editor_new        (GtkWindow           *parent,
                                                 const char          *title,
                                                 const char          *description,
                                                 LbMetadataApplyFunc  apply,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);
void              lb_metadata_editor_add_entry  (LbMetadataEditor *self,
                                                 guint             field,
                                                 const char       *label,
                                                 const char       *value);
/* A choice among @labels, each written as the matching @values entry, opening on @value.
 * With @guess_note, @value is only a guess: the row opens on an entry of its own naming it
 * ("Lower is better (guess)") and shows @guess_note; left there, nothing is written, and
 * choosing any of @labels (the guessed one too) writes it as confirmed. */
void              lb_metadata_editor_add_choice (LbMetadataEditor   *self,
                                                 guint               field,
                                                 const char         *label,
                                                 const char * const *labels,
                                                 const char * const *values,
                                                 const char         *value,
                                                 const char         *guess_note);
/* Applies every changed field, as the Save button does; FALSE when one failed (shown). */
gboolean          lb_metadata_editor_save       (LbMetadataEditor *self);
/* The row of @field, for tests. */
GtkWidget        *lb_metadata_editor_get_row    (LbMetadataEditor *self, guint field);

G_END_DECLS
