/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: leaderboard-cli, the headless front end over the core */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_printerr ("%s\n", _("Usage: leaderboard-cli [--db PATH] COMMAND …"));
  return 2;
}
