/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli.h: what the commands of leaderboard-cli share */
#pragma once

#include <gio/gio.h>
#include "lb-store.h"
#include "lb-compare.h"

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 a data or user error (one clear message on stderr, nothing
 * written), 2 wrong usage. */
enum {
  LB_CLI_OK = 0,
  LB_CLI_ERROR = 1,
  LB_CLI_USAGE = 2,
};

typedef struct {
  const char *db_path;  /* from --db, $LEADERBOARD_DB, or the default */
  LbStore    *store;    /* opened lazily by lb_cli_get_store() */
  gboolean    read_only;  /* set by a command that only reads, before the store is opened */
  gboolean    dry_run;    /* read_only, and an older database is not upgraded either */
} LbCli;

/* Opens the store on first use; prints the error and returns NULL on failure. With
 * cli->read_only nothing is created or changed: a missing database reads as an empty one,
 * and only an older one is upgraded (not with cli->dry_run, which refuses it). */
LbStore  *lb_cli_get_store       (LbCli *cli);

/* The name set once in the app's Preferences (GSettings report-author), or NULL when none is
 * set or the schema is not installed. Newly allocated. */
char     *lb_cli_preferences_author (void);

/* Finds a leaderboard by name; prints "No leaderboard named “X”." (and the names that exist)
 * and returns NULL when there is none. */
LbLeaderboard *lb_cli_find_leaderboard (LbCli *cli, const char *name);

/* Prints "leaderboard-cli: MESSAGE" on stderr. */
void      lb_cli_error           (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Parses @entries from argv (argv[0] is the command name); on a usage error prints it with the
 * command's help and returns FALSE. */
gboolean  lb_cli_parse           (const char    *command,
                                  const char    *parameter_string,
                                  const char    *summary,
                                  GOptionEntry  *entries,
                                  int           *argc,
                                  char        ***argv);

/* @text padded with spaces to @width terminal columns (East Asian wide characters count
 * two). Newly allocated. */
char     *lb_cli_pad             (const char *text, guint width);

/* Writes @length bytes of @data to standard output (an LbJsonFlushFunc); FALSE with a
 * message when standard output cannot take them (a full disk, a closed pipe). */
gboolean  lb_cli_write_stdout    (const char  *data,
                                  gsize        length,
                                  gpointer     user_data,
                                  GError     **error);

/* The flags of compare and report that choose the comparison (src/cli/lb-cli-choice.c). */
typedef struct {
  char     **models;
  gboolean   all_models;
  char      *baseline;
  char      *profile;
  gboolean   equal_weights;
  gboolean   include_partial;
  gboolean   exclude_partial;
  char      *normalization;
  gboolean   ignore_saved;
} LbCliChoiceFlags;

void      lb_cli_choice_flags_clear (LbCliChoiceFlags *flags);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LbCliChoiceFlags, lb_cli_choice_flags_clear)

/* The choice flags' entries followed by @extra (ending in { NULL }); free with g_free. */
GOptionEntry     *lb_cli_choice_entries     (LbCliChoiceFlags   *flags,
                                             const GOptionEntry *extra);
/* FALSE after printing what is wrong when the flags contradict each other or name an unknown
 * normalisation (a usage error). */
gboolean          lb_cli_check_choice_flags (const LbCliChoiceFlags *flags);
/* The leaderboard's saved choice with @flags over it; says on stderr that a saved choice is in
 * use and what of it no longer applies. NULL after printing the error. */
LbCompareOptions *lb_cli_compare_options    (LbCli                  *cli,
                                             const LbLeaderboard    *lb,
                                             const LbCliChoiceFlags *flags);

/* Each command: returns an exit status. argv[0] is the command name. */
typedef int (*LbCliCommandFunc) (LbCli *cli, int argc, char **argv);

int lb_cli_import       (LbCli *cli, int argc, char **argv);
int lb_cli_list         (LbCli *cli, int argc, char **argv);
int lb_cli_show         (LbCli *cli, int argc, char **argv);
int lb_cli_set          (LbCli *cli, int argc, char **argv);
int lb_cli_set_benchmark (LbCli *cli, int argc, char **argv);  /* src/cli/lb-cli-benchmark.c */
int lb_cli_export       (LbCli *cli, int argc, char **argv);
int lb_cli_import_lbom  (LbCli *cli, int argc, char **argv);
int lb_cli_compare      (LbCli *cli, int argc, char **argv);  /* src/cli/lb-cli-compare.c */
int lb_cli_smells       (LbCli *cli, int argc, char **argv);  /* src/cli/lb-cli-smells.c */
int lb_cli_report       (LbCli *cli, int argc, char **argv);  /* src/cli/lb-cli-report.c */
int lb_cli_profile      (LbCli *cli, int argc, char **argv);  /* src/cli/lb-cli-profile.c */
int lb_cli_changes      (LbCli *cli, int argc, char **argv);  /* src/cli/lb-cli-changes.c */

G_END_DECLS
