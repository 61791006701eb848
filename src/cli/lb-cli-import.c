/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-cli-import.c: import, list, show and set */

#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-importer.h"
#include "lb-value.h"
#include "lb-cell-ref.h"
#include "lb-warning.h"

static gboolean
parse_encoding (const char  *text,
                const char **encoding)
{
  static const struct { const char *alias; const char *name; } encodings[] = {
    { "utf-8", LB_ENCODING_UTF8 }, { "utf8", LB_ENCODING_UTF8 },
    { "utf-8-bom", LB_ENCODING_UTF8_BOM }, { "utf8-bom", LB_ENCODING_UTF8_BOM },
    { "utf-16le", LB_ENCODING_UTF16LE }, { "utf-16be", LB_ENCODING_UTF16BE },
    { "cp932", LB_ENCODING_CP932 }, { "windows-31j", LB_ENCODING_CP932 },
    { "shift_jis", LB_ENCODING_CP932 }, { "shift-jis", LB_ENCODING_CP932 },
    { "sjis", LB_ENCODING_CP932 }, { "ms932", LB_ENCODING_CP932 },
    { "windows-1252", LB_ENCODING_WINDOWS1252 }, { "cp1252", LB_ENCODING_WINDOWS1252 },
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (strcmp (lower, encodings[i].alias) == 0)
      {
        *encoding = encodings[i].name;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_delimiter (const char *text,
                 gunichar   *delimiter)
{
  if (strcmp (text, ",") == 0 || g_ascii_strcasecmp (text, "comma") == 0)
    *delimiter = ',';
  else if (strcmp (text, ";") == 0 || g_ascii_strcasecmp (text, "semicolon") == 0)
    *delimiter = ';';
  else if (strcmp (text, "\t") == 0 || strcmp (text, "\\t") == 0 || g_ascii_strcasecmp (text, "tab") == 0)
    *delimiter = '\t';
  else if (strcmp (text, "|") == 0 || g_ascii_strcasecmp (text, "pipe") == 0)
    *delimiter = '|';
  else
    return FALSE;
  return TRUE;
}

static const char *
delimiter_name (gunichar delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("comma");
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    case '|':
      return _("vertical bar");
    default:
      return "?";
    }
}

static const char *
detected_or_chosen (gboolean detected)
{
  return detected ? _("detected") : _("chosen");
}

/* Prints "  LABEL       VALUE" and frees @value. */
static void
print_detected (const char *label,
                char       *value)
{
  g_autofree char *padded = lb_cli_pad (label, 12);

  printf ("  %s %s\n", padded, value);
  g_free (value);
}

static void
print_warning (const LbWarning *warning)
{
  g_autofree char *text = lb_warning_dup_text (warning);

  printf ("  %s %s\n", _("warning:"), text);
}

int
lb_cli_import (LbCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *leaderboard = NULL;
  g_autofree char *encoding_text = NULL;
  g_autofree char *delimiter_text = NULL;
  g_autofree char *layout_text = NULL;
  g_autofree char *mode_text = NULL;
  g_autofree char *mode_reason = NULL;
  LbImportMode mode;
  g_autofree char *decimal_text = NULL;
  int header_row = 0;
  g_auto(GStrv) include_rows = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *provenance_text = NULL;
  LbProvenanceClass provenance = LB_PROVENANCE_NOT_STATED;
  gboolean dry_run = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "leaderboard", 'l', 0, G_OPTION_ARG_STRING, &leaderboard, N_("The leaderboard to import into (created if missing)"), N_("NAME") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_text, N_("Force the encoding: utf-8, utf-8-bom, utf-16le, utf-16be, cp932, windows-1252"), N_("E") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text, N_("Force the delimiter: , ; tab |"), N_("D") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_text, N_("Force the layout: wide or long"), N_("LAYOUT") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode_text, N_("replace: the file is the new version of the sheet and defines what is current; add: it adds to the leaderboard (default: replace when it has the same columns as the last import)"), N_("MODE") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &header_row, N_("The row that names the columns (1 is the first row)"), N_("N") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &decimal_text, N_("Force the decimal separator: point or comma"), N_("SEP") },
    { "include-row", 0, 0, G_OPTION_ARG_STRING_ARRAY, &include_rows, N_("Import row N although it looks like a summary row (平均, Total); may be repeated"), N_("N") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet of an Excel workbook to import (needed when several sheets hold a table)"), N_("NAME") },
    { "provenance", 0, 0, G_OPTION_ARG_STRING, &provenance_text, N_("Who produced the numbers: vendor (the model’s maker reports them), third-party (a public leaderboard, a paper) or ours (our own evaluation)"), N_("WHO") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Read and check everything, write nothing"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Import a file that was imported before"), NULL },
    { NULL }
  };
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LbImportOutcome outcome = { 0 };
  LbCsvOptions options = { 0 };
  const LbCsvDialect *dialect;
  const char *source_format;
  LbImportFlags flags = LB_IMPORT_FLAGS_NONE;
  LbStore *store;
  GPtrArray *columns;
  guint n_scores = 0;

  if (!lb_cli_parse ("import", N_("FILE --leaderboard NAME"), _("Import a CSV file exported from Excel, a sheet of an Excel workbook (.xlsx, .xls), or a result file (lm-evaluation-harness, Arena or Every Eval Ever JSON)."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2 || leaderboard == NULL || leaderboard[0] == '\0')
    {
      lb_cli_error (_("Usage: leaderboard-cli import FILE --leaderboard NAME [--encoding E] "
                      "[--delimiter D] [--layout wide|long] [--header-row N] [--decimal point|comma] "
                      "[--sheet NAME] [--mode replace|add] [--provenance vendor|third-party|ours] "
                      "[--dry-run] [--force]"));
      return LB_CLI_USAGE;
    }
  if (encoding_text != NULL && !parse_encoding (encoding_text, &options.encoding))
    {
      lb_cli_error (_("Unknown encoding “%s”. Use utf-8, utf-8-bom, utf-16le, utf-16be, cp932 or "
                      "windows-1252."), encoding_text);
      return LB_CLI_USAGE;
    }
  if (delimiter_text != NULL && !parse_delimiter (delimiter_text, &options.delimiter))
    {
      lb_cli_error (_("Unknown delimiter “%s”. Use , ; tab or |."), delimiter_text);
      return LB_CLI_USAGE;
    }
  if (header_row < 0 || header_row > 1048576)
    {
      lb_cli_error (_("Unknown header row “%d”. Use the row number Excel shows, from 1."), header_row);
      return LB_CLI_USAGE;
    }
  options.header_record = (guint) header_row;
  if (decimal_text != NULL)
    {
      if (strcmp (decimal_text, ",") == 0 || g_ascii_strcasecmp (decimal_text, "comma") == 0)
        options.decimal_separator = ',';
      else if (strcmp (decimal_text, ".") == 0 || g_ascii_strcasecmp (decimal_text, "point") == 0)
        options.decimal_separator = '.';
      else
        {
          lb_cli_error (_("Unknown decimal separator “%s”. Use point or comma."), decimal_text);
          return LB_CLI_USAGE;
        }
    }
  if (layout_text != NULL && strcmp (layout_text, "wide") != 0 && strcmp (layout_text, "long") != 0)
    {
      lb_cli_error (_("Unknown layout “%s”. Use wide or long."), layout_text);
      return LB_CLI_USAGE;
    }

  if (mode_text != NULL && !lb_import_mode_from_string (mode_text, &mode))
    {
      lb_cli_error (_("Unknown mode “%s”. Use replace (the new version of the sheet) or add (adds "
                      "to the leaderboard)."), mode_text);
      return LB_CLI_USAGE;
    }

  if (provenance_text != NULL
      && (!lb_provenance_class_from_string (provenance_text, &provenance)
          || provenance == LB_PROVENANCE_NOT_STATED))
    {
      lb_cli_error (_("Unknown provenance “%s”. Use vendor (the model’s maker reports the numbers), "
                      "third-party (a public leaderboard or a paper) or ours (our own evaluation)."),
                    provenance_text);
      return LB_CLI_USAGE;
    }

  options.sheet = sheet;

  /* A dry run creates, upgrades and writes nothing, as it says. */
  cli->dry_run = dry_run;
  store = lb_cli_get_store (cli);
  if (store == NULL)
    return LB_CLI_ERROR;

  file = g_file_new_for_commandline_arg (argv[1]);
  importer = lb_importer_new (file, &options, store, NULL, &error);
  if (importer == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  if (lb_importer_get_sheet_ambiguous (importer))
    {
      GPtrArray *sheets = lb_importer_get_sheets (importer);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < sheets->len; i++)
        {
          LbXlsxSheet *s = g_ptr_array_index (sheets, i);

          if (s->part != NULL)
            g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", s->name);
        }
      lb_cli_error (_("%s has several sheets (%s). Say which one to import with --sheet NAME. "
                      "Nothing was imported."),
                    argv[1], names->str);
      return LB_CLI_ERROR;
    }
  if (layout_text != NULL)
    lb_importer_set_layout (importer, strcmp (layout_text, "long") == 0 ? LB_LAYOUT_LONG : LB_LAYOUT_WIDE);
  if (mode_text != NULL)
    lb_importer_set_mode (importer, mode);
  lb_importer_set_provenance (importer, provenance);
  for (guint i = 0; include_rows != NULL && include_rows[i] != NULL; i++)
    {
      guint64 row = 0;

      if (!g_ascii_string_to_unsigned (include_rows[i], 10, 1, G_MAXUINT, &row, NULL))
        {
          lb_cli_error (_("Unknown row “%s” for --include-row. Use the row number Excel shows."),
                        include_rows[i]);
          return LB_CLI_USAGE;
        }
      lb_importer_set_row_forced (importer, (guint) row, TRUE);
    }

  dialect = lb_importer_get_dialect (importer);
  source_format = lb_importer_get_source_format (importer);
  printf (_("Reading %s\n"), argv[1]);
  /* A result file is JSON: its format is what was detected, from its content. */
  if (source_format != NULL)
    print_detected (_("Format:"),
                    g_strdup_printf ("%s (%s)", source_format,
                                     detected_or_chosen (TRUE)));
  else if (lb_importer_get_sheet (importer) != NULL)
    print_detected (_("Sheet:"),
                    g_strdup_printf ("%s (%s)", lb_importer_get_sheet (importer),
                                     detected_or_chosen (sheet == NULL)));
  /* A result file has neither encoding nor header row to guess: its format says it all. */
  if (source_format == NULL)
    {
      print_detected (_("Encoding:"),
                      g_strdup_printf ("%s (%s)%s%s", dialect->encoding,
                                       detected_or_chosen (dialect->encoding_detected),
                                       dialect->encoding_reason != NULL ? " — " : "",
                                       dialect->encoding_reason != NULL ? dialect->encoding_reason : ""));
      /* A workbook has cells, not delimiters, and its numbers have no locale. */
      if (lb_importer_get_sheet (importer) == NULL)
        {
          print_detected (_("Delimiter:"),
                          g_strdup_printf ("%s (%s)%s", delimiter_name (dialect->delimiter),
                                           detected_or_chosen (dialect->delimiter_detected),
                                           dialect->sep_line ? _(", from the “sep=” line") : ""));
          print_detected (_("Decimal:"),
                          g_strdup_printf ("%s (%s)", dialect->decimal_separator == ',' ? _("comma") : _("point"),
                                           detected_or_chosen (dialect->decimal_separator_detected)));
        }
      print_detected (_("Header row:"),
                      g_strdup_printf ("%u (%s)%s%s", dialect->header_record,
                                       detected_or_chosen (dialect->header_detected),
                                       dialect->header_detected && dialect->header_reason != NULL ? " — " : "",
                                       dialect->header_detected && dialect->header_reason != NULL
                                         ? dialect->header_reason : ""));
    }
  print_detected (_("Layout:"),
                  g_strdup_printf ("%s (%s)%s", lb_layout_to_string (lb_importer_get_layout (importer)),
                                   detected_or_chosen (lb_importer_get_layout_detected (importer)),
                                   lb_importer_get_mapping_remembered (importer)
                                     ? _(", columns as remembered from the last import of this sheet") : ""));
  if (lb_importer_get_encoding_warning (importer) != NULL)
    printf ("  %s %s\n", _("warning:"), lb_importer_get_encoding_warning (importer));

  columns = lb_importer_get_columns (importer);
  printf ("  %s\n", _("Columns:"));
  for (guint i = 0; i < columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (columns, i);
      g_autofree char *letter = lb_column_letter (spec->column);
      g_autofree char *header = lb_cli_pad (spec->header, 24);

      n_scores += spec->role == LB_COLUMN_SCORE;
      printf ("    %-3s %s %s", letter, header, lb_column_role_label (spec->role));
      if (spec->role == LB_COLUMN_SCORE && lb_importer_get_layout (importer) == LB_LAYOUT_LONG)
        {
          g_autofree char *direction = lb_importer_dup_direction_text (importer);

          printf (" [%s%s%s]", spec->unit != NULL ? spec->unit : "",
                  spec->unit != NULL ? ", " : "", direction);
        }
      else if (spec->role == LB_COLUMN_SCORE)
        {
          printf (" [%s%s%s]", spec->unit != NULL ? spec->unit : "",
                  spec->unit != NULL ? ", " : "",
                  spec->higher_is_better ? _("higher is better") : _("lower is better"));
          if (spec->unit_detected || spec->direction_detected)
            printf (" %s", _("(guessed from the header and the values)"));
        }
      else if (spec->role == LB_COLUMN_STDERR && lb_importer_get_layout (importer) == LB_LAYOUT_WIDE)
        {
          LbColumnSpec *of = spec->stderr_of > 0 && spec->stderr_of <= columns->len
                               ? g_ptr_array_index (columns, spec->stderr_of - 1) : NULL;
          g_autofree char *of_letter = of != NULL ? lb_column_letter (of->column) : NULL;

          if (of != NULL)
            {
              /* Translators: follows "Standard error": "of JMMLU (column C)" */
              printf (" ");
              printf (_("of %s (column %s)"), of->header, of_letter);
            }
        }
      printf ("\n");
    }

  mode = lb_importer_guess_mode (importer, store, leaderboard, &mode_reason);
  print_detected (_("Mode:"),
                  g_strdup_printf ("%s — %s (%s)", lb_import_mode_to_string (mode),
                                   mode == LB_IMPORT_MODE_REPLACE
                                     ? _("the new version of the sheet: it defines what is current")
                                     : _("adds to the leaderboard: empty cells withdraw nothing"),
                                   mode_reason));
  if (provenance != LB_PROVENANCE_NOT_STATED)
    print_detected (_("Provenance:"), g_strdup (lb_provenance_class_label (provenance)));

  if (dry_run)
    flags |= LB_IMPORT_FLAGS_DRY_RUN;
  if (force)
    flags |= LB_IMPORT_FLAGS_FORCE;

  if (!lb_importer_run (importer, store, leaderboard, flags, NULL, NULL, NULL, &outcome, &error))
    {
      for (guint i = 0; outcome.warnings != NULL && i < outcome.warnings->len; i++)
        print_warning (g_ptr_array_index (outcome.warnings, i));
      if (g_error_matches (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_DUPLICATE_FILE))
        lb_cli_error ("%s %s", error->message, _("To import it again anyway, use --force."));
      else if (g_error_matches (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_HEADER_AMBIGUOUS))
        lb_cli_error (_("%s Run it again with --header-row %u or --header-row %u."), error->message,
                      dialect->header_record, dialect->header_alternative);
      else
        lb_cli_error ("%s", error->message);
      lb_import_outcome_clear (&outcome);
      return LB_CLI_ERROR;
    }

  for (guint i = 0; i < outcome.warnings->len; i++)
    print_warning (g_ptr_array_index (outcome.warnings, i));

  if (dry_run)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Dry run: would import %u result from %u rows into “%s”; nothing was written.\n",
                         "Dry run: would import %u results from %u rows into “%s”; nothing was written.\n",
                         outcome.results),
            outcome.results, outcome.records, leaderboard);
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Imported %u result from %u rows into “%s”.\n",
                         "Imported %u results from %u rows into “%s”.\n",
                         outcome.results),
            outcome.results, outcome.records, leaderboard);
  {
    g_autofree char *changes = lb_import_outcome_counts (&outcome, LB_OUTCOME_VALUES_CHANGED | LB_OUTCOME_WITHDRAWN
                                                                   | LB_OUTCOME_UNLISTED | LB_OUTCOME_NEW_MODELS
                                                                   | LB_OUTCOME_NEW_BENCHMARKS);
    g_autofree char *rest = lb_import_outcome_counts (&outcome, LB_OUTCOME_GAPS | LB_OUTCOME_WARNINGS);

    /* TRANSLATORS: "  Mode replace: 6 values changed, 1 withdrawn, …" */
    printf (_("  Mode %s: %s.\n"), lb_import_mode_to_string (outcome.mode), changes);
    /* TRANSLATORS: "  1 cell without a value, 3 warnings." */
    printf (_("  %s.\n"), rest);
  }
  if (outcome.summary_rows > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "  %u summary row was left out (to import one anyway: --include-row N).\n",
                         "  %u summary rows were left out (to import one anyway: --include-row N).\n",
                         outcome.summary_rows),
            outcome.summary_rows);
  lb_import_outcome_clear (&outcome);
  return LB_CLI_OK;
}

int
lb_cli_list (LbCli  *cli,
             int     argc,
             char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GPtrArray) leaderboards = NULL;
  g_autoptr(GError) error = NULL;
  LbStore *store;

  if (!lb_cli_parse ("list", "", _("List the leaderboards."), entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 1)
    {
      lb_cli_error (_("Usage: leaderboard-cli list"));
      return LB_CLI_USAGE;
    }
  /* Only reads: nothing is created or changed, on a full disk or a read-only share too. */
  cli->read_only = TRUE;
  store = lb_cli_get_store (cli);
  if (store == NULL)
    return LB_CLI_ERROR;
  leaderboards = lb_store_list_leaderboards (store, &error);
  if (leaderboards == NULL)
    {
      lb_cli_error ("%s", error->message);
      return LB_CLI_ERROR;
    }
  if (leaderboards->len == 0)
    {
      printf ("%s\n", _("No leaderboards yet. Import a CSV file with “leaderboard-cli import FILE --leaderboard NAME”."));
      return LB_CLI_OK;
    }
  for (guint i = 0; i < leaderboards->len; i++)
    {
      LbLeaderboard *lb = g_ptr_array_index (leaderboards, i);
      LbLeaderboardStats stats = { 0 };
      g_autofree char *newest = NULL;

      if (!lb_store_get_leaderboard_stats (store, lb->id, &stats, &error))
        {
          lb_cli_error ("%s", error->message);
          return LB_CLI_ERROR;
        }
      newest = lb_date_text_to_display (stats.newest_result);
      printf (_("%s\t%u models, %u benchmarks, %u results; owner: %s; newest result: %s\n"),
              lb->name, stats.n_models, stats.n_benchmarks, stats.n_results,
              lb->owner != NULL ? lb->owner : _("not set"),
              newest != NULL ? newest : _("none"));
      lb_leaderboard_stats_clear (&stats);
    }
  return LB_CLI_OK;
}

static void
print_field (const char *label,
             const char *value)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *padded = lb_cli_pad (label, 20);
  g_autofree char *blank = lb_cli_pad ("", 20);

  if (value == NULL || value[0] == '\0')
    {
      printf ("  %s %s\n", padded, _("(not set)"));
      return;
    }
  lines = g_strsplit (value, "\n", -1);
  printf ("  %s %s\n", padded, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    printf ("  %s %s\n", blank, lines[i]);
}

int
lb_cli_show (LbCli  *cli,
             int     argc,
             char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cadence = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *newest = NULL;
  LbLeaderboardStats stats = { 0 };
  LbStore *store;

  if (!lb_cli_parse ("show", N_("NAME"), _("Show a leaderboard’s record, benchmarks, models and imports."),
                     entries, &argc, &argv))
    return LB_CLI_USAGE;
  if (argc != 2)
    {
      lb_cli_error (_("Usage: leaderboard-cli show NAME"));
      return LB_CLI_USAGE;
    }
  /* Only reads: nothing is created or changed, on a full disk or a read-only share too. */
  cli->read_only = TRUE;
  lb = lb_cli_find_leaderboard (cli, argv[1]);
  if (lb == NULL)
    return LB_CLI_ERROR;
  store = lb_cli_get_store (cli);

  if (!lb_store_get_leaderboard_stats (store, lb->id, &stats, &error)
      || (benchmarks = lb_store_list_benchmarks (store, lb->id, &error)) == NULL
      || (models = lb_store_list_models (store, lb->id, &error)) == NULL
      || (imports = lb_store_list_imports (store, lb->id, &error)) == NULL)
    {
      lb_cli_error ("%s", error->message);
      lb_leaderboard_stats_clear (&stats);
      return LB_CLI_ERROR;
    }

  if (lb->update_cadence_days > 0)
    cadence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %d day", "every %d days",
                                            lb->update_cadence_days),
                               lb->update_cadence_days);
  if (lb->workflow_pattern != NULL)
    pattern = g_strdup_printf ("%s %s", lb->workflow_pattern,
                               _(lb_workflow_pattern_name (lb->workflow_pattern)));

  printf ("%s\n", lb->name);
  print_field (_("Purpose:"), lb->purpose);
  print_field (_("Owner:"), lb->owner);
  print_field (_("Owner contact:"), lb->owner_contact);
  print_field (_("Update cadence:"), cadence);
  print_field (_("Workflow pattern:"), pattern);
  print_field (_("Evaluation data:"), lb->evaluation_data);
  print_field (_("Procedure:"), lb->procedure);
  print_field (_("Production context:"), lb->production_context);
  reviewed = lb_date_text_to_display (lb->last_reviewed_at);
  newest = lb_date_text_to_display (stats.newest_result);
  print_field (_("Last reviewed:"), reviewed);
  print_field (_("Created:"), lb->created_at);
  print_field (_("Updated:"), lb->updated_at);
  printf (_("  %u models, %u benchmarks, %u current results; newest result: %s\n"),
          stats.n_models, stats.n_benchmarks, stats.n_results,
          newest != NULL ? newest : _("none"));
  lb_leaderboard_stats_clear (&stats);

  printf ("\n%s\n", _("Benchmarks:"));
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *b = g_ptr_array_index (benchmarks, i);

      printf ("  %s %s%s%s%s%s\n", b->higher_is_better ? "↑" : "↓", b->name,
              b->unit != NULL ? " (" : "", b->unit != NULL ? b->unit : "", b->unit != NULL ? ")" : "",
              b->direction_confirmed ? "" : _(" — direction not confirmed"));
    }

  printf ("\n%s\n", _("Models:"));
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *m = g_ptr_array_index (models, i);

      printf ("  %s", m->name);
      if (m->version != NULL)
        printf (_(", version %s"), m->version);
      if (m->provider != NULL)
        printf (_(", by %s"), m->provider);
      printf ("\n");
    }

  printf ("\n%s\n", _("Imports:"));
  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *imp = g_ptr_array_index (imports, i);
      g_autofree char *short_sha = g_strndup (imp->sha256 != NULL ? imp->sha256 : "", 12);
      g_autofree char *who = lb_person_display (imp->imported_by);

      printf (_("  #%" PRId64 " %s (sha256 %s…, %s, %s) on %s by %s: %u rows, %u results, %u warnings\n"),
              imp->id, imp->file_name, short_sha, imp->encoding, imp->layout,
              imp->imported_at, who,
              imp->records, imp->results, imp->warnings->len);
      /* Each in the reader's language, whatever the language of the import. */
      for (guint w = 0; w < imp->warnings->len; w++)
        {
          const LbWarning *warning = g_ptr_array_index (imp->warnings, w);
          g_autofree char *text = lb_warning_dup_text (warning);

          printf ("    %s %s\n", _("warning:"), text);
        }
    }
  return LB_CLI_OK;
}

int
lb_cli_set (LbCli  *cli,
            int     argc,
            char  **argv)
{
  struct {
    const char         *option;
    LbLeaderboardField  field;
    char               *value;
  } fields[] = {
    { "purpose", LB_LEADERBOARD_FIELD_PURPOSE, NULL },
    { "owner", LB_LEADERBOARD_FIELD_OWNER, NULL },
    { "owner-contact", LB_LEADERBOARD_FIELD_OWNER_CONTACT, NULL },
    { "cadence-days", LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, NULL },
    { "pattern", LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, NULL },
    { "evaluation-data", LB_LEADERBOARD_FIELD_EVALUATION_DATA, NULL },
    { "procedure", LB_LEADERBOARD_FIELD_PROCEDURE, NULL },
    { "production-context", LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT, NULL },
    { "rename", LB_LEADERBOARD_FIELD_NAME, NULL },
  };
  GOptionEntry entries[] = {
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &fields[0].value, N_("What the evaluation is for, in one line"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &fields[1].value, N_("Who keeps it current"), N_("NAME") },
    { "owner-contact", 0, 0, G_OPTION_ARG_STRING, &fields[2].value, N_("Mail address, team or extension"), N_("TEXT") },
    { "cadence-days", 0, 0, G_OPTION_ARG_STRING, &fields[3].value, N_("How often results are refreshed, in days"), N_("N") },
    { "pattern", 0, 0, G_OPTION_ARG_STRING, &fields[4].value, N_("Workflow pattern P1 to P5"), N_("P") },
    { "evaluation-data", 0, 0, G_OPTION_ARG_STRING, &fields[5].value, N_("Which data the numbers come from"), N_("TEXT") },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &fields[6].value, N_("How to reproduce the numbers"), N_("TEXT") },
    { "production-context", 0, 0, G_OPTION_ARG_STRING, &fields[7].value, N_("What the business will use the model for"), N_("TEXT") },
    { "rename", 0, 0, G_OPTION_ARG_STRING, &fields[8].value, N_("A new name for the leaderboard"), N_("NAME") },
    { NULL }
  };
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GError) error = NULL;
  LbStore *store;
  guint n_set = 0;
  int status = LB_CLI_OK;

  if (!lb_cli_parse ("set", N_("NAME [--purpose TEXT] [--owner NAME] …"),
                     _("Set fields of a leaderboard’s record. An empty value clears a field."),
                     entries, &argc, &argv))
    status = LB_CLI_USAGE;
  else if (argc != 2)
    {
      lb_cli_error (_("Usage: leaderboard-cli set NAME [--purpose TEXT] [--owner NAME] [--owner-contact TEXT] "
                      "[--cadence-days N] [--pattern P1..P5] [--evaluation-data TEXT] [--procedure TEXT] "
                      "[--production-context TEXT]"));
      status = LB_CLI_USAGE;
    }

  for (guint i = 0; status == LB_CLI_OK && i < G_N_ELEMENTS (fields); i++)
    n_set += fields[i].value != NULL;
  if (status == LB_CLI_OK && n_set == 0)
    {
      lb_cli_error (_("Nothing to set: give at least one field, for example --purpose \"…\"."));
      status = LB_CLI_USAGE;
    }

  if (status == LB_CLI_OK && (lb = lb_cli_find_leaderboard (cli, argv[1])) == NULL)
    status = LB_CLI_ERROR;

  if (status == LB_CLI_OK)
    {
      store = lb_cli_get_store (cli);
      if (!lb_store_begin (store, &error))
        {
          lb_cli_error ("%s", error->message);
          status = LB_CLI_ERROR;
          goto out;
        }
      for (guint i = 0; status == LB_CLI_OK && i < G_N_ELEMENTS (fields); i++)
        if (fields[i].value != NULL
            && !lb_store_set_leaderboard_field (store, lb->id, fields[i].field, fields[i].value, &error))
          status = LB_CLI_ERROR;
      if (status != LB_CLI_OK)
        lb_store_rollback (store);
      /* A failed commit has rolled back already. */
      else if (!lb_store_commit (store, &error))
        status = LB_CLI_ERROR;
      if (status != LB_CLI_OK)
        lb_cli_error (_("Nothing was changed: %s"), error->message);
      else
        printf (g_dngettext (GETTEXT_PACKAGE, "Set %u field of “%s”.\n", "Set %u fields of “%s”.\n", n_set),
                n_set, lb->name);
    }

out:
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i].value);
  return status;
}
