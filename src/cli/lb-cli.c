/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli.c: what the commands of leaderboard-cli share */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "lb-cli.h"

void
lb_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "leaderboard-cli: %s\n", message);
}

gboolean
lb_cli_write_stdout (const char  *data,
                     gsize        length,
                     gpointer     user_data,
                     GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output."));
      return FALSE;
    }
  return TRUE;
}

/* The name set once in the app's Preferences (GSettings report-author), or NULL when none is
 * set or the schema is not installed. Newly allocated. */
char *
lb_cli_preferences_author (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "report-author"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  name = g_strstrip (g_settings_get_string (settings, "report-author"));
  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}

LbStore *
lb_cli_get_store (LbCli *cli)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (cli->store != NULL)
    return cli->store;
  if (!cli->read_only && !cli->dry_run)
    cli->store = lb_store_open (cli->db_path, &error);
  else if (g_stat (cli->db_path, &st) != 0 && errno == ENOENT)
    /* Nothing there yet: as good as an empty database, and none is created. */
    cli->store = lb_store_open (":memory:", &error);
  else
    {
      cli->store = lb_store_open_read_only (cli->db_path, &error);
      if (cli->store == NULL && g_error_matches (error, LB_STORE_ERROR, LB_STORE_ERROR_OLDER_SCHEMA))
        {
          if (cli->dry_run)
            {
              lb_cli_error (_("“%s” was written by an older version of Leaderboard, and a dry run "
                              "does not upgrade it. Run the import without --dry-run (the database "
                              "is backed up before it is upgraded); nothing was written."),
                            cli->db_path);
              return NULL;
            }
          g_clear_error (&error);
          cli->store = lb_store_open (cli->db_path, &error);
        }
    }
  if (cli->store == NULL)
    lb_cli_error ("%s", error->message);
  else
    {
      /* Who imports and gives verdicts: the name set in Preferences, else the full name. */
      g_autofree char *author = lb_cli_preferences_author ();

      if (author != NULL)
        lb_store_set_user (cli->store, author);
    }
  return cli->store;
}

LbLeaderboard *
lb_cli_find_leaderboard (LbCli      *cli,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  LbStore *store = lb_cli_get_store (cli);
  LbLeaderboard *leaderboard;

  if (store == NULL)
    return NULL;
  leaderboard = lb_store_find_leaderboard (store, name, &error);
  if (leaderboard != NULL)
    return leaderboard;
  if (!g_error_matches (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND))
    {
      lb_cli_error ("%s", error->message);
      return NULL;
    }

  all = lb_store_list_leaderboards (store, NULL);
  if (all == NULL || all->len == 0)
    {
      lb_cli_error (_("No leaderboard named “%s”. The database has none yet: import a CSV file "
                      "first (leaderboard-cli import FILE --leaderboard NAME)."), name);
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < all->len; i++)
        {
          if (i > 0)
            g_string_append (names, _(", "));
          /* Translators: a leaderboard's name in a list, quoted */
          g_string_append_printf (names, _("“%s”"), ((LbLeaderboard *) g_ptr_array_index (all, i))->name);
        }
      lb_cli_error (_("No leaderboard named “%s”. The leaderboards are: %s."), name, names->str);
    }
  return NULL;
}

gboolean
lb_cli_parse (const char    *command,
              const char    *parameter_string,
              const char    *summary,
              GOptionEntry  *entries,
              int           *argc,
              char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  /* _("") would be the catalog's header. */
  g_autofree char *parameters = g_strdup_printf ("%s %s", command,
                                                 *parameter_string != '\0' ? _(parameter_string) : "");

  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      lb_cli_error ("%s", error->message);
      fprintf (stderr, "%s", help);
      return FALSE;
    }
  return TRUE;
}

char *
lb_cli_pad (const char *text,
            guint       width)
{
  GString *out = g_string_new (text);
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      columns += g_unichar_iswide (c) ? 2 : 1;
    }
  while (columns++ < width)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}
