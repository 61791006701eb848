/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-application.h: the Leaderboard application (single instance, opens CSV files) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LB_TYPE_APPLICATION (lb_application_get_type ())
G_DECLARE_FINAL_TYPE (LbApplication, lb_application, LB, APPLICATION, AdwApplication)

LbApplication *lb_application_new          (GApplicationFlags extra_flags);

/* The app's settings, or NULL when the schema is not installed (then nothing is remembered). */
GSettings     *lb_application_get_settings (LbApplication *self);

/* Closes the current window and its database, opens @path and shows a new window for it;
 * a database that cannot be opened gives the window's error page. */
void           lb_application_open_database (LbApplication *self, const char *path);

G_END_DECLS
