/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-clock.c: the one clock: now and today, which tests fix with $LEADERBOARD_NOW */

#define G_LOG_DOMAIN "lb-clock"

#include "config.h"

#include "lb-clock.h"

GDateTime *
lb_clock_now (void)
{
  const char *env = g_getenv ("LEADERBOARD_NOW");
  g_autoptr(GDateTime) fixed = NULL;

  if (env != NULL && *env != '\0')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      fixed = g_date_time_new_from_iso8601 (env, utc);
      if (fixed == NULL)
        {
          /* A bare date means its midnight. */
          g_autofree char *midnight = g_strconcat (env, "T00:00:00Z", NULL);

          fixed = g_date_time_new_from_iso8601 (midnight, utc);
        }
      if (fixed == NULL)
        g_debug ("Ignoring LEADERBOARD_NOW=%s: not an ISO 8601 date or time", env);
    }
  if (fixed == NULL)
    return g_date_time_new_now_utc ();
  return g_date_time_to_utc (fixed);
}

char *
lb_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = lb_clock_now ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
lb_clock_today (GDate *today)
{
  g_autoptr(GDateTime) now = lb_clock_now ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
