/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.c: the environment every harness runs in */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "fuzz-common.h"

void
fuzz_setup (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_setenv ("TZ", "UTC", TRUE);
      g_setenv ("LEADERBOARD_NOW", "2026-11-28T00:00:00Z", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}
