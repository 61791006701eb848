/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-preferences-window.h: the Preferences window: what is set once for every leaderboard */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LB_TYPE_PREFERENCES_WINDOW (lb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LbPreferencesWindow, lb_preferences_window, LB, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A new Preferences window over @settings (org.example.Leaderboard; NULL when the schema is not
 * installed: the rows are then insensitive and say why). */
GtkWidget *lb_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
