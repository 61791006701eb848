/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-profile-editor.h: the window that makes or changes a decision profile: its name, what it
 * is for, and a weight per benchmark */
#pragma once

#include <gtk/gtk.h>

#include "lb-types.h"

G_BEGIN_DECLS

#define LB_TYPE_PROFILE_EDITOR (lb_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (LbProfileEditor, lb_profile_editor, LB, PROFILE_EDITOR, GtkWindow)

/* Saves @profile (its id is 0 for a new one); FALSE with @error set keeps the editor open
 * and shows the message. */
typedef gboolean (*LbProfileSaveFunc) (const LbProfile  *profile,
                                       gpointer          user_data,
                                       GError          **error);

/* A modal editor over @parent for @profile (NULL: a new profile, every weight 1) of the
 * leaderboard whose benchmarks are @benchmarks (of LbBenchmark*, kept: the page may reload
 * while the editor is open). Save calls @save_func; Cancel and a successful save close it. */
LbProfileEditor *lb_profile_editor_new (GtkWindow         *parent,
                                        GPtrArray         *benchmarks,
                                        const LbProfile   *profile,
                                        LbProfileSaveFunc  save_func,
                                        gpointer           user_data);

G_END_DECLS
