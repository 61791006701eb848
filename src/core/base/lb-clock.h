/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-clock.h: the one clock: now and today, which tests fix with $LEADERBOARD_NOW */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Now, in UTC. $LEADERBOARD_NOW, an ISO 8601 date-time or a bare date (its midnight, UTC),
 * stands in for the clock when set (tests, reproducible reports); a value that is neither is
 * ignored. Caller owns the result. */
GDateTime *lb_clock_now     (void);
/* lb_clock_now() as "YYYY-MM-DDTHH:MM:SSZ", newly allocated: what the store records. */
char      *lb_now_iso8601   (void);
/* The UTC date of lb_clock_now(). */
void       lb_clock_today   (GDate *today);

G_END_DECLS
