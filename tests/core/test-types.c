/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lb-cell-ref.h"
#include "lb-types.h"
#include "lb-warning.h"
#include "lb-sentence.h"

static void
test_import_copy_is_deep (void)
{
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  g_autoptr(LbImport) copy = NULL;

  import->file_name = g_strdup ("scores.csv");
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_ptr_array_add (import->warnings, lb_warning_new (3, 2, "The cell is empty."));

  copy = lb_import_copy (import);
  g_assert_true (copy->file_name != import->file_name);
  g_assert_cmpstr (copy->file_name, ==, "scores.csv");
  g_assert_cmpuint (copy->warnings->len, ==, 1);
  g_assert_true (g_ptr_array_index (copy->warnings, 0) != g_ptr_array_index (import->warnings, 0));
  g_assert_cmpuint (((LbWarning *) g_ptr_array_index (copy->warnings, 0))->row, ==, 3);
}

static void
test_workflow_pattern_names (void)
{
  g_assert_cmpstr (lb_workflow_pattern_name ("P1"), ==, "External Evaluation Integration");
  g_assert_cmpstr (lb_workflow_pattern_name ("P5"), ==, "Pairwise Model Evaluation");
  g_assert_null (lb_workflow_pattern_name ("P6"));
  g_assert_null (lb_workflow_pattern_name (NULL));
}

/* The one way column numbers become letters, everywhere a cell is named. */
static void
test_column_letters (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 0, "?" }, { 1, "A" }, { 3, "C" }, { 26, "Z" }, { 27, "AA" }, { 52, "AZ" }, { 702, "ZZ" },
    { 703, "AAA" }, { 16384, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = lb_column_letter (cases[i].column);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* Every code renders with its arguments, and only with them; a warning without a code (or with
 * one this version does not know) shows its stored text. */
static void
test_warning_codes (void)
{
  const struct { const char *code; const char *args[10]; const char *expected; } cases[] = {
    { "cell.duplicate", { "", "4", "B", "JMMLU", "Alpha", "JMMLU", "2", "81", NULL },
      "row 4, column B (JMMLU): “Alpha” already has a JMMLU score in row 2; this value (81) was "
      "not imported. Remove the duplicate row in the spreadsheet." },
    { "cell.stderr-invalid", { "評価!C14", "14", "C", "JMMLU", "-1", NULL },
      "評価!C14 (JMMLU): the standard error “-1” is not a positive number and was left out." },
    { "cell.not-number", { "", "3", "B", "Q", "abc", "A", "Q", NULL }, NULL },
    { "cell.not-number.formula", { "", "3", "B", "Q", "=A1", "A", "Q", NULL }, NULL },
    { "cell.no-value", { "", "3", "B", "Q", "A", "Q", "The cell is empty.", NULL },
      "row 3, column B (Q): A has no Q score. The cell is empty." },
    { "date.unreadable", { "", "3", "D", "Date", "yesterday", NULL }, NULL },
    { "row.model-empty", { "5", "A", NULL }, NULL },
    { "row.benchmark-empty", { "5", "B", NULL }, NULL },
    { "row.summary-name", { "9", "平均", NULL }, NULL },
    { "row.summary-mean", { "9", "Mean", NULL }, NULL },
    { "row.summary-sum", { "9", "Sum", NULL }, NULL },
    { "column.empty-benchmark", { "E", "HumanEval", "12", NULL },
      "column E: the benchmark “HumanEval” has no value in any of the 12 rows (covered by 0 of "
      "12). It was kept so that the gap is seen; fill in the scores in the spreadsheet when "
      "there are some." },
    { "csv.mojibake", { "s.csv", "2", "A", "", "縺繝", NULL },
      "s.csv, row 2, column A: the text “縺繝” looks garbled (mojibake): Japanese text was "
      "probably opened with the wrong encoding and saved again. Check the original sheet." },
    { "xls.no-formats", { NULL }, NULL },
    { "sheet.hidden-rows", { "Scores", "4, 5", "2", NULL },
      "Sheet “Scores”: rows 4, 5 are hidden in Excel. They were imported all the same; check "
      "that they belong to the table, or delete them in the workbook." },
    { "sheet.hidden-columns", { "Scores", "C", "1", NULL }, NULL },
    { "sheet.merged", { "Scores", "A", "2", "A", "3", "GPT", NULL },
      "Sheet “Scores”: cells A2:A3 are merged; their text “GPT” was used in each of them." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lb_warning_render (cases[i].code, cases[i].args);
      g_autoptr(LbWarning) warning = lb_warning_new_coded (1, 2, cases[i].code, cases[i].args);
      g_autoptr(LbWarning) copy = lb_warning_copy (warning);
      g_autofree char *copied = lb_warning_dup_text (copy);
      guint n = g_strv_length ((char **) cases[i].args);

      g_assert_nonnull (text);
      if (cases[i].expected != NULL)
        g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpstr (copied, ==, text);
      g_assert_cmpstr (warning->message, ==, text);
      /* One argument too many is not this code's sentence. */
      if (n < 9)
        {
          const char *more[11] = { NULL };
          g_autofree char *wrong = NULL;

          for (guint k = 0; k < n; k++)
            more[k] = cases[i].args[k];
          more[n] = "extra";
          wrong = lb_warning_render (cases[i].code, more);
          g_assert_null (wrong);
        }
    }

  {
    g_autoptr(LbWarning) old = lb_warning_new (3, 1, "stored text, as written");
    g_autofree char *text = lb_warning_dup_text (old);

    g_assert_cmpstr (text, ==, "stored text, as written");
    old->code = g_strdup ("from.a.newer.version");
    old->args = g_new0 (char *, 1);
    g_clear_pointer (&text, g_free);
    text = lb_warning_dup_text (old);
    g_assert_cmpstr (text, ==, "stored text, as written");
    g_assert_null (lb_warning_render ("from.a.newer.version", NULL));
  }
}

/* Who imported or reviewed, as people read it: a name, never a bare login. */
static void
test_person_display (void)
{
  g_autofree char *none = lb_person_display (NULL);
  g_autofree char *empty = lb_person_display ("");
  g_autofree char *name = lb_person_display ("山田 花子");
  g_autofree char *login = lb_person_display (g_get_user_name ());
  g_autofree char *account = g_strdup_printf ("the account “%s” (no name recorded)", g_get_user_name ());
  const char *real = lb_real_name ();

  g_assert_cmpstr (none, ==, "(name not recorded)");
  g_assert_cmpstr (empty, ==, "(name not recorded)");
  g_assert_cmpstr (name, ==, "山田 花子");
  g_assert_cmpstr (login, ==, account);
  g_assert_cmpstr (real, !=, g_get_user_name ());
  g_assert_cmpstr (real, !=, "Unknown");
}

/* Sentences join with a space in English and without one after Japanese punctuation. */
static void
test_sentence_append (void)
{
  const struct { const char *first, *second, *expected; } cases[] = {
    { "", "One.", "One." },
    { "One.", "Two.", "One. Two." },
    { "One.", " Two.", "One. Two." },
    { "総合スコアです。", "重みは同じです。", "総合スコアです。重みは同じです。" },
    { "本当ですか？", "はい。", "本当ですか？はい。" },
    { "注意！", "確認してください。", "注意！確認してください。" },
    { "(1 = 最良)です（注）", "次へ。", "(1 = 最良)です（注）次へ。" },
    { "「正確さ」", "です。", "「正確さ」です。" },
    { "(±x) difference.\n", "* best.", "(±x) difference.\n* best." },
    { "One.", "", "One." },
    { "One.", NULL, "One." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (cases[i].first);

      lb_sentence_append (text, cases[i].second);
      g_assert_cmpstr (text->str, ==, cases[i].expected);
    }
  {
    g_autoptr(GString) text = g_string_new ("2 件です。");

    lb_sentence_append_printf (text, "%u 件が残ります。", 3u);
    g_assert_cmpstr (text->str, ==, "2 件です。3 件が残ります。");
  }
}

/* Issue 17.3: one spelling of where a stored value came from, on screen, in the CLI and the
 * report: the short key and the words. */
static void
test_cell_source (void)
{
  static const struct { gint64 import; const char *file, *sheet; guint row, column; const char *path, *key, *text; } cases[] = {
    { 2, "scores.csv", NULL, 4, 5, NULL, "[2:E4]", "scores.csv, cell E4" },
    { 3, "評価表.xlsx", "評価", 2, 2, NULL, "[3:B2]", "評価表.xlsx, cell 評価!B2" },
    { 3, "q.xlsx", "Q1 scores", 2, 2, NULL, "[3:B2]", "q.xlsx, cell 'Q1 scores'!B2" },
    { 7, NULL, NULL, 3, 4, NULL, "[7:D3]", "import 7, cell D3" },
    { 7, "scores.csv", NULL, 0, 0, NULL, "[7]", "scores.csv" },
    { 0, NULL, NULL, 3, 4, NULL, "[H]", "typed in by hand" },
    /* issue 16: a result file has no cells; the row and column are of the table it was read as */
    { 4, "results.json", NULL, 2, 3, "results.jmmlu.\"acc,none\"", "[4]",
      "results.json, at results.jmmlu.\"acc,none\"" },
    { 4, NULL, NULL, 2, 3, "[0].evaluation_results[1].score_details.score", "[4]",
      "import 4, at [0].evaluation_results[1].score_details.score" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = lb_cell_key (cases[i].import, cases[i].row, cases[i].column, cases[i].path);
      g_autofree char *text = lb_cell_source_text (cases[i].import, cases[i].file, cases[i].sheet,
                                                   cases[i].row, cases[i].column, cases[i].path);

      g_assert_cmpstr (key, ==, cases[i].key);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Issue 16.4: who produced a value and under which settings, as the tooltips say it. */
static void
test_provenance_text (void)
{
  g_autofree char *both = lb_provenance_dup_text (LB_PROVENANCE_THIRD_PARTY, "lm-evaluation-harness 0.4.2; 5-shot");
  g_autofree char *who = lb_provenance_dup_text (LB_PROVENANCE_OURS, NULL);
  g_autofree char *how = lb_provenance_dup_text (LB_PROVENANCE_NOT_STATED, "inspect_ai 0.3");
  LbProvenanceClass provenance;

  g_assert_cmpstr (both, ==, "Reported by a third party\nSettings: lm-evaluation-harness 0.4.2; 5-shot");
  g_assert_cmpstr (who, ==, "Measured by us");
  g_assert_cmpstr (how, ==, "Settings: inspect_ai 0.3");
  g_assert_null (lb_provenance_dup_text (LB_PROVENANCE_NOT_STATED, NULL));
  g_assert_true (lb_provenance_class_from_string ("vendor", &provenance));
  g_assert_cmpint (provenance, ==, LB_PROVENANCE_VENDOR);
  g_assert_cmpstr (lb_provenance_class_to_string (provenance), ==, "vendor");
  g_assert_false (lb_provenance_class_from_string ("vendors", &provenance));
}

/* Issue 16.4: settings that state less (no shots) agree; stated differently, they do not. */
static void
test_settings_state_shots (void)
{
  g_assert_true (lb_settings_state_shots ("lm-evaluation-harness 0.4.2; 5-shot"));
  g_assert_true (lb_settings_state_shots ("inspect_ai 0.3; 0-shot; temperature 0"));
  g_assert_false (lb_settings_state_shots ("lm-evaluation-harness 0.4.2"));
  g_assert_false (lb_settings_state_shots ("5-shots of espresso"));
  g_assert_false (lb_settings_state_shots (NULL));
}

static void
test_settings_agree (void)
{
  static const struct { const char *a, *b; gboolean agree; } cases[] = {
    { "lm-evaluation-harness 0.4.2; 5-shot", "lm-evaluation-harness 0.4.2; 5-shot", TRUE },
    { "lm-evaluation-harness 0.4.2; 5-shot", NULL, TRUE },
    { "lm-evaluation-harness 0.4.2; 5-shot", "lm-evaluation-harness 0.4.2", TRUE },
    { "inspect_ai 0.3; temperature 0", "inspect_ai 0.3; 0-shot; temperature 0", TRUE },
    { "lm-evaluation-harness 0.4.2; 5-shot", "lm-evaluation-harness 0.4.2; 2-shot", FALSE },
    { "lm-evaluation-harness 0.4.2; 5-shot", "lm-evaluation-harness 0.4.3", FALSE },
    { "lm-evaluation-harness 0.4.2", "inspect_ai 0.3", FALSE },
    { "inspect_ai 0.3; temperature 0", "inspect_ai 0.3; 5-shot; temperature 0.7", FALSE },
    { "inspect_ai 0.3; prompt 5-shot", "inspect_ai 0.3", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (lb_settings_agree (cases[i].a, cases[i].b), ==, cases[i].agree);
      g_assert_cmpint (lb_settings_agree (cases[i].b, cases[i].a), ==, cases[i].agree);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/types/import/copy-is-deep", test_import_copy_is_deep);
  g_test_add_func ("/types/workflow-pattern/names", test_workflow_pattern_names);
  g_test_add_func ("/types/cell-ref/column-letters", test_column_letters);
  g_test_add_func ("/types/cell-ref/source", test_cell_source);
  g_test_add_func ("/types/provenance/text", test_provenance_text);
  g_test_add_func ("/types/settings/agree", test_settings_agree);
  g_test_add_func ("/types/settings/state-shots", test_settings_state_shots);
  g_test_add_func ("/types/warning/codes", test_warning_codes);
  g_test_add_func ("/types/person/display", test_person_display);
  g_test_add_func ("/types/sentence/append", test_sentence_append);
  return g_test_run ();
}
