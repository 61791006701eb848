/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lb-cell-ref.h"
#include "lb-types.h"

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

/* Issue 17.3: one spelling of where a stored value came from, on screen, in the CLI and the
 * report: the short key and the words. */
static void
test_cell_source (void)
{
  static const struct { gint64 import; const char *file, *sheet; guint row, column; const char *key, *text; } cases[] = {
    { 2, "scores.csv", NULL, 4, 5, "[2:E4]", "scores.csv, cell E4" },
    { 3, "評価表.xlsx", "評価", 2, 2, "[3:B2]", "評価表.xlsx, cell 評価!B2" },
    { 3, "q.xlsx", "Q1 scores", 2, 2, "[3:B2]", "q.xlsx, cell 'Q1 scores'!B2" },
    { 7, NULL, NULL, 3, 4, "[7:D3]", "import 7, cell D3" },
    { 7, "scores.csv", NULL, 0, 0, "[7]", "scores.csv" },
    { 0, NULL, NULL, 3, 4, "[H]", "typed in by hand" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = lb_cell_key (cases[i].import, cases[i].row, cases[i].column);
      g_autofree char *text = lb_cell_source_text (cases[i].import, cases[i].file, cases[i].sheet,
                                                   cases[i].row, cases[i].column);

      g_assert_cmpstr (key, ==, cases[i].key);
      g_assert_cmpstr (text, ==, cases[i].text);
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
  return g_test_run ();
}
