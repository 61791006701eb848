/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <string.h>

#include "lb-report.h"
#include "lb-review-report.h"
#include "lb-importer.h"
#include "lb-smells.h"

/* ---- helpers ---- */

/* glibc caches each translation per locale, not per $LANGUAGE: after switching the language
 * within the process, tell gettext that the catalogs changed (as the gettext manual says). */
extern int _nl_msg_cat_cntr;

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

/* LB_REPORT_TEST_OUTPUT=DIR keeps the PDFs there, to look at the pages. */
static char *
temp_pdf (const char *name)
{
  const char *keep = g_getenv ("LB_REPORT_TEST_OUTPUT");

  if (keep != NULL && *keep != '\0')
    return g_build_filename (keep, name, NULL);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The PDF's text, page by page when @page > 0 (1-based), with line breaks kept. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);

  if (page == 0)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      return run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
      return run_tool (argv);
    }
}

/* The text with every space and line break taken out, so wrapped words compare whole. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

/* Every word box of the PDF (pdftotext -bbox) lies inside the page with a margin. */
static void
assert_inside_pages (const char *path,
                     double      width,
                     double      height)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_autoptr(GRegex) regex = g_regex_new ("xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                                         "yMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      double box[4];

      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *v = g_match_info_fetch (match, i + 1);
          box[i] = g_ascii_strtod (v, NULL);
        }
      g_assert_cmpfloat (box[0], >=, 30);
      g_assert_cmpfloat (box[1], >=, 20);
      g_assert_cmpfloat (box[2], <=, width - 30);
      g_assert_cmpfloat (box[3], <=, height - 20);
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >, 0);
}

/* ---- the document renderer ---- */

static LbReport *
small_report (void)
{
  LbReport *report = lb_report_new ("Support bot 2026", "28 November 2026");
  const char *headers[] = { "Model", "Score", NULL };
  const char *row[] = { "Alpha-7B", "85.3%", NULL };
  const char *labels[] = { "Reviewer", "Decision", NULL };
  LbReportTable *table;
  LbReportChart *chart;

  lb_report_add_title (report, "Leaderboard review");
  lb_report_add_key_value (report, "Purpose", "Pick the model for the help desk", NULL);
  lb_report_add_key_value (report, "Owner", NULL, "Not recorded");
  lb_report_add_section (report, "1 Results");
  lb_report_add_paragraph (report, "One paragraph of text.");
  table = lb_report_add_table (report, 2, headers);
  lb_report_table_set_align (table, 1, LB_REPORT_ALIGN_END);
  lb_report_table_add_row (table, row);
  chart = lb_report_add_bar_chart (report);
  lb_report_chart_add_bar (chart, "Alpha-7B", 0.853, "0.853");
  lb_report_chart_add_bar (chart, "Beta-13B", NAN, "no composite");
  lb_report_add_question (report, "Which data is this comparison based on?", "Recorded: <none> & more", 3);
  lb_report_add_sign_off (report, labels);
  return report;
}

/* A 100 MB purpose made `report` run past 120 s. A long text is cut, visibly: the report
 * says how much it left out and where the whole text is. */
static void
test_pdf_long_text (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Long", "28 November 2026");
  g_autofree char *path = temp_pdf ("long.pdf");
  g_autoptr(GString) purpose = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (purpose, "選定の目的 ");
  lb_report_add_section (report, "The record");
  lb_report_add_key_value (report, "Purpose", purpose->str, NULL);
  lb_report_add_paragraph (report, purpose->str);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_report_get_n_pages (report), <=, 40);
  text = pdf_text (path, 0);
  assert_contains (text, "characters are not shown here");
}

static void
test_pdf_small (void)
{
  g_autoptr(LbReport) report = small_report ();
  g_autofree char *path = temp_pdf ("small.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_report_get_n_pages (report), ==, 1);
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  text = pdf_text (path, 0);
  assert_contains (text, "Leaderboard review");
  assert_contains (text, "Support bot 2026");
  assert_contains (text, "28 November 2026");
  assert_contains (text, "Pick the model for the help desk");
  assert_contains (text, "Not recorded");
  assert_contains (text, "Alpha-7B");
  assert_contains (text, "85.3%");
  assert_contains (text, "no composite");
  assert_contains (text, "Which data is this comparison based on?");
  assert_contains (text, "Recorded: <none> & more");
  assert_contains (text, "Reviewer");
  assert_contains (text, "Page 1 of 1");
  assert_inside_pages (path, 595.28, 841.89);

  /* Written again over the old file, through a temporary file that is gone afterwards. */
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_LETTER, path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_assert_cmpstr (name, ==, "small.pdf");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_pdf_paper (void)
{
  static const struct { LbPaper paper; const char *size; } cases[] = {
    { LB_PAPER_A4, "595.276 x 841.89 pts (A4)" },
    { LB_PAPER_LETTER, "612 x 792 pts (letter)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LbReport) report = small_report ();
      g_autofree char *path = temp_pdf ("paper.pdf");
      const char *argv[] = { "pdfinfo", path, NULL };
      g_autofree char *info = NULL;

      g_assert_true (lb_report_render_pdf (report, cases[i].paper, path, NULL));
      info = run_tool (argv);
      assert_contains (info, cases[i].size);
    }
}

static void
test_paper_names (void)
{
  static const struct { const char *text; gboolean ok; LbPaper paper; } cases[] = {
    { "a4", TRUE, LB_PAPER_A4 },
    { "A4", TRUE, LB_PAPER_A4 },
    { "letter", TRUE, LB_PAPER_LETTER },
    { "Letter", TRUE, LB_PAPER_LETTER },
    { "a5", FALSE, LB_PAPER_A4 },
    { "", FALSE, LB_PAPER_A4 },
    { NULL, FALSE, LB_PAPER_A4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LbPaper paper = LB_PAPER_A4;

      g_assert_cmpint (lb_paper_from_string (cases[i].text, &paper), ==, cases[i].ok);
      g_assert_cmpint (paper, ==, cases[i].paper);
    }
  /* The test runs in C.UTF-8, whose paper is A4. */
  g_assert_cmpint (lb_paper_for_locale (), ==, LB_PAPER_A4);
}

static void
test_unsafe_text (void)
{
  const char *evil = "<b>Model & Co</b> <span foreground=\"red\">x</span> &amp; 1 < 2";
  g_autofree char *long_word = NULL;
  g_autoptr(LbReport) report = NULL;
  g_autofree char *path = temp_pdf ("unsafe.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *headers[] = { evil, "Score", NULL };
  LbReportTable *table;
  GString *word = g_string_new (NULL);

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (word, "Word%02u", i);
  long_word = g_string_free (word, FALSE);

  report = lb_report_new (evil, long_word);
  lb_report_add_title (report, evil);
  lb_report_add_key_value (report, evil, long_word, NULL);
  lb_report_add_paragraph (report, long_word);
  table = lb_report_add_table (report, 2, headers);
  lb_report_table_add_row (table, (const char *[]) { long_word, evil, NULL });
  lb_report_chart_add_bar (lb_report_add_bar_chart (report), long_word, 0.5, evil);
  lb_report_add_question (report, long_word, long_word, 2);

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  /* The markup shows as the characters typed, never interpreted. */
  assert_contains (text, "<b>Model");
  assert_contains (flat, "<b>Model&Co</b><spanforeground=\"red\">x</span>&amp;1<2");
  assert_contains (flat, long_word);
  /* Wrapped, not run off the page. */
  assert_inside_pages (path, 595.28, 841.89);
}

static void
test_table_header_repeats (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Many rows", "today");
  g_autofree char *path = temp_pdf ("long-table.pdf");
  const char *headers[] = { "ModelColumnHeader", "ScoreColumnHeader", NULL };
  LbReportTable *table;
  guint n_pages;

  lb_report_add_title (report, "A long table");
  table = lb_report_add_table (report, 2, headers);
  for (guint i = 0; i < 240; i++)
    {
      g_autofree char *name = g_strdup_printf ("row-%03u", i);
      lb_report_table_add_row (table, (const char *[]) { name, "1.0", NULL });
    }
  lb_report_add_paragraph (report, "After the table.");

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  n_pages = lb_report_get_n_pages (report);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, n_pages);

      assert_contains (text, "ModelColumnHeader");
      assert_contains (text, "ScoreColumnHeader");
      assert_contains (text, footer);
    }

  /* Every row is printed exactly once. */
  {
    g_autofree char *all = pdf_text (path, 0);
    for (guint i = 0; i < 240; i++)
      {
        g_autofree char *name = g_strdup_printf ("row-%03u\n", i);
        const char *hit = strstr (all, name);

        g_assert_nonnull (hit);
        g_assert_null (strstr (hit + 1, name));
      }
  }
}

static void assert_in_order (const char *text, const char * const *needles);

/* The first page (1-based) holding @needle; 0 for none. */
static guint
page_of (const char *path,
         guint       n_pages,
         const char *needle)
{
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);

      if (strstr (text, needle) != NULL)
        return p;
    }
  return 0;
}

/* A table row of three-line cells moves to the next page whole; a heading stays with its table;
 * a chart is not split; what comes after a chart taller than a page still starts beside its
 * heading. */
static void
test_keep_together (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Keep", "today");
  g_autofree char *path = temp_pdf ("keep.pdf");
  const char *headers[] = { "Model", "Score", NULL };
  LbReportTable *table;
  LbReportChart *chart;
  guint n_pages;

  lb_report_add_title (report, "Keeping things together");
  table = lb_report_add_table (report, 2, headers);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("rowtop%02u\nrowmid%02u\nrowend%02u", i, i, i);
      lb_report_table_add_row (table, (const char *[]) { name, "1.0", NULL });
    }
  lb_report_add_heading (report, "HeadingOfChart");
  chart = lb_report_add_bar_chart (report);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *label = g_strdup_printf ("bar%02u", i);
      lb_report_chart_add_bar (chart, label, i / 20.0, "x");
    }
  lb_report_add_heading (report, "HeadingOfTable");
  table = lb_report_add_table (report, 2, headers);
  lb_report_table_add_row (table, (const char *[]) { "firstrowafterheading", "2", NULL });

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  n_pages = lb_report_get_n_pages (report);
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *top = g_strdup_printf ("rowtop%02u", i);
      g_autofree char *end = g_strdup_printf ("rowend%02u", i);

      g_assert_cmpuint (page_of (path, n_pages, top), ==, page_of (path, n_pages, end));
    }
  g_assert_cmpuint (page_of (path, n_pages, "HeadingOfChart"), ==, page_of (path, n_pages, "bar00"));
  g_assert_cmpuint (page_of (path, n_pages, "bar00"), ==, page_of (path, n_pages, "bar19"));
  g_assert_cmpuint (page_of (path, n_pages, "HeadingOfTable"), ==,
                    page_of (path, n_pages, "firstrowafterheading"));
}

/* A long benchmark name in a narrow column header is set smaller, not cut mid-word. */
static void
test_header_words (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Headers", "today");
  g_autofree char *path = temp_pdf ("headers.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *headers[] = { "Model", "JMMLU ↑?", "JCommonsenseQA ↑?", "MT-bench ↑?", "JNLI ↑? †",
                            "JSQuAD ↑?", NULL };
  LbReportTable *table = lb_report_add_table (report, 6, headers);

  lb_report_table_set_widths (table, (const double[]) { 1.5, 1.3, 1.3, 1.3, 1.3, 1.3 });
  lb_report_table_add_row (table, (const char *[]) { "a", "1", "2", "3", "4", "5", NULL });
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  assert_contains (flat, "JCommonsenseQA");
  g_assert_null (strstr (flat, "JCommonsens-"));
}

/* Japanese headers break between phrases, never inside a word: 「エンコーディング」 stays whole
 * (set smaller when it must), 「行数、値の数」 breaks after 「、」. The widths are the provenance
 * table's, where 「エンコーディ/ング」 was cut. */
static void
test_header_phrases (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Headers", "today");
  g_autofree char *path = temp_pdf ("headers-ja.pdf");
  g_autofree char *text = NULL;
  const char *headers[] = { "キー", "ファイル", "SHA-256", "インポート日", "エンコーディング",
                            "行数、値の数", "警告", NULL };
  LbReportTable *table = lb_report_add_table (report, 7, headers);

  lb_report_table_set_widths (table, (const double[]) { 0.45, 2.0, 1.25, 1.7, 1.0, 0.9, 0.85 });
  lb_report_table_add_row (table, (const char *[]) { "[1]", "a.csv", "a8294ddd221e", "2026年12月2日",
                                                     "UTF-8", "5, 10", "3", NULL });
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  text = pdf_text (path, 0);
  /* Whole, and without the joiners that keep it so (they are not drawn). */
  assert_contains (text, "エンコーディング");
  g_assert_null (strstr (text, "\u2060"));
  g_assert_null (strstr (text, "値の\n"));
  g_assert_null (strstr (text, "行\n"));
}

/* The composite chart's axis: tick labels, whiskers and tie brackets drawn without error. */
static void
test_chart_axis (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Chart", "today");
  g_autofree char *path = temp_pdf ("chart.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *ticks[] = { "0", "0.25", "0.50", "0.75", "1", NULL };
  LbReportChart *chart = lb_report_add_bar_chart (report);

  lb_report_chart_set_axis (chart, ticks, "Whiskers explained");
  lb_report_chart_add_bar_full (chart, "1–2 A", 0.9, 0.05, 1, "0.900 ± 0.050");
  lb_report_chart_add_bar_full (chart, "1–2 B", 0.85, 0.05, 1, "0.850 ± 0.050");
  lb_report_chart_add_bar_full (chart, "3 C", 0.2, NAN, 0, "0.200");
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  {
    const char *order[] = { "1–2A", "0.900±0.050", "3C", "0.200", "00.250.500.751", "Whiskersexplained", NULL };
    assert_in_order (flat, order);
  }
}

static void
test_tall_cell_splits (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Tall", "today");
  g_autofree char *path = temp_pdf ("tall.pdf");
  GString *text = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *all = NULL;
  g_autofree char *flat_all = NULL;
  const char *headers[] = { "Smell", "Evidence", NULL };
  LbReportTable *table;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "sentence%03u of the evidence. ", i);
  body = g_string_free (text, FALSE);

  table = lb_report_add_table (report, 2, headers);
  lb_report_table_add_row (table, (const char *[]) { "Missing", body, NULL });
  lb_report_add_key_value (report, "Procedure", body, NULL);
  lb_report_add_paragraph (report, body);

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_LETTER, path, NULL));
  g_assert_cmpuint (lb_report_get_n_pages (report), >=, 4);
  all = pdf_text (path, 0);
  flat_all = squeeze (all);
  /* Nothing lost or printed twice at the page breaks: each sentence appears three times. */
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *needle = g_strdup_printf ("sentence%03uofthe", i);
      guint n = 0;

      for (const char *hit = strstr (flat_all, needle); hit != NULL; hit = strstr (hit + 1, needle))
        n++;
      g_assert_cmpuint (n, ==, 3);
    }
  assert_inside_pages (path, 612, 792);
}

static void
test_japanese_text (void)
{
  g_autoptr(LbReport) report = lb_report_new ("カスタマーサポート評価", "2026年11月28日");
  g_autofree char *path = temp_pdf ("ja.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *headers[] = { "モデル", "スコア", NULL };
  LbReportTable *table;

  lb_report_add_title (report, "リーダーボードのレビュー");
  lb_report_add_key_value (report, "目的", "問い合わせ対応に使うモデルを選ぶ", NULL);
  table = lb_report_add_table (report, 2, headers);
  lb_report_table_add_row (table, (const char *[]) { "日本語モデル", "85.3%", NULL });

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, NULL));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  assert_contains (flat, "カスタマーサポート評価");
  assert_contains (flat, "2026年11月28日");
  assert_contains (flat, "問い合わせ対応に使うモデルを選ぶ");
  assert_contains (flat, "日本語モデル");
  /* The glyphs come from a CJK font, not from boxes of a fallback. */
  {
    const char *argv[] = { "pdffonts", path, NULL };
    g_autofree char *fonts = run_tool (argv);
    assert_contains (fonts, "NotoSansCJK");
  }
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(LbReport) report = small_report ();
  g_autofree char *dir = temp_pdf ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  g_assert_nonnull (error);
  assert_contains (error->message, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}
static void
test_pdf_async (void)
{
  static const char *names[] = { "async.pdf", "no-such-folder/async.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LbReport) report = small_report ();
      g_autofree char *path = temp_pdf (names[i]);
      g_autoptr(GError) error = NULL;
      gboolean done = FALSE;
      g_autoptr(GAsyncResult) result = NULL;

      lb_report_render_pdf_async (report, LB_PAPER_A4, path, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      done = lb_report_render_pdf_finish (report, result, &error);
      if (i == 0)
        {
          g_assert_no_error (error);
          g_assert_true (done);
          g_assert_cmpuint (pdf_pages (path), ==, 1);
        }
      else
        {
          g_assert_false (done);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
          assert_contains (error->message, path);
        }
    }
}

static void
test_file_name (void)
{
  static const struct { const char *name; const char *date; const char *expected; } cases[] = {
    { "Support bot 2026", "2026-11-28", "Support bot 2026 – review 2026-11-28.pdf" },
    { "Support bot 2026", "2026-11-28T03:00:00Z", "Support bot 2026 – review 2026-11-28.pdf" },
    { "a/b\\c:d*e?f\"g<h>i|j", "2026-11-28", "a_b_c_d_e_f_g_h_i_j – review 2026-11-28.pdf" },
    { "日本語の評価\tボード", "2026-11-28", "日本語の評価_ボード – review 2026-11-28.pdf" },
    { "..", NULL, "Leaderboard.. – review.pdf" },
    { "", "", "Leaderboard – review.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = lb_review_report_file_name (cases[i].name, cases[i].date);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_format_date (void)
{
  static const struct { const char *language; const char *iso; const char *expected; } cases[] = {
    { "en", "2026-11-28", "28 November 2026" },
    { "en", "2026-03-05T10:00:00Z", "5 March 2026" },
    { "ja", "2026-11-28", "2026年11月28日" },
    { "ja", "2026-03-05T10:00:00Z", "2026年3月5日" },
    { "ja_JP", "2026-01-01", "2026年1月1日" },
    { "en", "2026-02-30", NULL },
    { "en", "soon", NULL },
    { "en", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      set_language (cases[i].language);
      text = lb_report_format_date (cases[i].iso);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  set_language ("");
}


/* ---- the review report, from a store ---- */

typedef struct {
  LbStore *store;
  gint64   lb;
  gint64   alpha, beta, nihongo, gamma;
  gint64   jcqa, mtbench, latency;
} Fixture;

typedef struct {
  gint64     *model;
  gint64     *benchmark;
  const char *raw;
  double      score;
  guint       row, column;
} Value;

static void
set_field (Fixture            *fx,
           LbLeaderboardField  field,
           const char         *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_store_set_leaderboard_field (fx->store, fx->lb, field, value, &error));
  g_assert_no_error (error);
}

static void
import_values (Fixture     *fx,
               const char  *file_name,
               const char  *sha256,
               const char  *imported_at,
               const Value *values,
               guint        n_values,
               const Value *gaps,
               guint        n_gaps,
               guint        n_warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  gint64 id;

  import->leaderboard_id = fx->lb;
  import->file_name = g_strdup (file_name);
  import->sha256 = g_strdup (sha256);
  import->encoding = g_strdup ("CP932");
  import->layout = g_strdup ("wide");
  import->imported_at = g_strdup (imported_at);
  import->imported_by = g_strdup ("Hanako Yamada");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  for (guint i = 0; i < n_warnings; i++)
    g_ptr_array_add (import->warnings, lb_warning_new (i + 2, 3, "The cell is empty."));

  g_assert_true (lb_store_begin (fx->store, &error));
  id = lb_store_add_import (fx->store, import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_values; i++)
    {
      LbResult result = { 0 };

      result.leaderboard_id = fx->lb;
      result.model_id = *values[i].model;
      result.benchmark_id = *values[i].benchmark;
      result.score = values[i].score;
      result.raw = (char *) values[i].raw;
      result.import_id = id;
      result.source_row = values[i].row;
      result.source_column = values[i].column;
      g_assert_cmpint (lb_store_add_result (fx->store, &result, &error), >, 0);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_gaps; i++)
    {
      LbGap gap = { 0 };

      gap.leaderboard_id = fx->lb;
      gap.model_id = *gaps[i].model;
      gap.benchmark_id = *gaps[i].benchmark;
      gap.import_id = id;
      gap.source_row = gaps[i].row;
      gap.source_column = gaps[i].column;
      gap.raw = (char *) gaps[i].raw;
      gap.reason = (char *) "The cell is empty.";
      g_assert_cmpint (lb_store_add_gap (fx->store, &gap, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (lb_store_finish_import (fx->store, id, n_values, n_values, &error));
  g_assert_true (lb_store_commit (fx->store, &error));
  g_assert_no_error (error);
}

static gint64
ensure_benchmark (Fixture    *fx,
                  const char *name,
                  const char *unit,
                  gboolean    higher_is_better)
{
  LbBenchmark init = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  init.unit = (char *) unit;
  init.higher_is_better = higher_is_better;
  init.direction_confirmed = TRUE;
  id = lb_store_ensure_benchmark (fx->store, fx->lb, name, &init, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
ensure_model (Fixture    *fx,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lb_store_ensure_model (fx->store, fx->lb, name, NULL, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LbSmell smell = { 0 };
  LbReview review = { 0 };

  g_setenv ("LEADERBOARD_NOW", "2026-11-28T03:00:00Z", TRUE);
  fx->store = lb_store_open (":memory:", &error);
  g_assert_no_error (error);
  lb_store_set_user (fx->store, "Taro Suzuki");
  fx->lb = lb_store_create_leaderboard (fx->store, "Support bot 2026", &error);
  g_assert_no_error (error);

  set_field (fx, LB_LEADERBOARD_FIELD_PURPOSE, "Answer customer questions about invoices");
  set_field (fx, LB_LEADERBOARD_FIELD_OWNER, "Hanako Yamada");
  set_field (fx, LB_LEADERBOARD_FIELD_OWNER_CONTACT, "hanako@example.com");
  set_field (fx, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, "30");
  set_field (fx, LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN, "P1");
  set_field (fx, LB_LEADERBOARD_FIELD_EVALUATION_DATA, "Vendor model cards and JGLUE v1.1");
  set_field (fx, LB_LEADERBOARD_FIELD_PROCEDURE, "Export sheet Scores as CSV and import it");
  set_field (fx, LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, "2026-11-01");

  fx->jcqa = ensure_benchmark (fx, "JCommonsenseQA", "%", TRUE);
  fx->mtbench = ensure_benchmark (fx, "MT-Bench", NULL, TRUE);
  fx->latency = ensure_benchmark (fx, "Latency", NULL, FALSE);
  fx->alpha = ensure_model (fx, "Alpha-7B");
  fx->beta = ensure_model (fx, "Beta <&> 13B");
  fx->nihongo = ensure_model (fx, "日本語モデル");
  fx->gamma = ensure_model (fx, "Gamma-2B");

  {
    const Value october[] = {
      { &fx->alpha, &fx->jcqa, "85.3%", 85.3, 2, 2 },
      { &fx->alpha, &fx->mtbench, "7.9", 7.9, 2, 3 },
      { &fx->alpha, &fx->latency, "420", 420, 2, 4 },
      { &fx->beta, &fx->jcqa, "80.1%", 80.1, 3, 2 },
      { &fx->beta, &fx->latency, "390", 390, 3, 4 },
      { &fx->gamma, &fx->jcqa, "61.0%", 61.0, 4, 2 },
    };
    const Value november[] = {
      { &fx->alpha, &fx->jcqa, "86.1%", 86.1, 2, 2 },
      { &fx->nihongo, &fx->jcqa, "88.8%", 88.8, 5, 2 },
      { &fx->nihongo, &fx->mtbench, "8.1", 8.1, 5, 3 },
    };

    const Value october_gaps[] = {
      { &fx->beta, &fx->mtbench, "", NAN, 3, 3 },
    };

    import_values (fx, "scores-october.csv", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                   "2026-10-20T09:00:00Z", october, G_N_ELEMENTS (october),
                   october_gaps, G_N_ELEMENTS (october_gaps), 2);
    import_values (fx, "scores-november.csv", "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
                   "2026-11-20T09:00:00Z", november, G_N_ELEMENTS (november), NULL, 0, 0);
  }

  smell.leaderboard_id = fx->lb;
  smell.smell = "missing";
  smell.status = "present";
  smell.evidence = "MT-Bench has no procedure";
  smell.note = "Ask the vendor for the prompts";
  g_assert_cmpint (lb_store_put_smell (fx->store, &smell, &error), >, 0);
  smell.smell = "redundant";
  smell.status = "absent";
  smell.evidence = NULL;
  smell.note = "Checked model names";
  g_assert_cmpint (lb_store_put_smell (fx->store, &smell, &error), >, 0);
  g_assert_no_error (error);

  review.leaderboard_id = fx->lb;
  review.held_at = "2026-11-01";
  review.reviewer = "Jiro Tanaka";
  review.decision = "Keep Alpha-7B for now";
  g_assert_cmpint (lb_store_add_review (fx->store, &review, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  g_unsetenv ("LEADERBOARD_NOW");
}

/* Builds, renders and returns the report's text with spaces and line breaks taken out. */
static char *
render_review (Fixture                     *fx,
               const LbReviewReportOptions *options,
               const char                  *name,
               guint                       *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbReport) report = lb_review_report_build (fx->store, fx->lb, options, &error);
  g_autofree char *path = temp_pdf (name);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, lb_report_get_n_pages (report));
  if (n_pages != NULL)
    *n_pages = lb_report_get_n_pages (report);
  assert_inside_pages (path, 595.28, 841.89);
  text = pdf_text (path, 0);
  return squeeze (text);
}

static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *hit = strstr (at, needles[i]);

      if (hit == NULL)
        g_error ("“%s” not found (in this order) in:\n%s", needles[i], text);
      at = hit + strlen (needles[i]);
    }
}

/* Issue 17.3 / what the screen shows, the paper shows: a value's key is its import's own
 * number, as Results, History and `leaderboard-cli changes` print it. With October's import
 * removed, November's values were "[1:B2]" on paper and "[2:B2]" on screen. */
static void
test_review_keys_are_import_ids (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 october = 0;

  imports = lb_store_list_imports (fx->store, fx->lb, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < imports->len; i++)
    if (g_strcmp0 (((LbImport *) g_ptr_array_index (imports, i))->file_name, "scores-october.csv") == 0)
      october = ((LbImport *) g_ptr_array_index (imports, i))->id;
  g_assert_cmpint (october, ==, 1);
  g_assert_true (lb_store_set_import_deleted (fx->store, october, TRUE, &error));
  g_assert_no_error (error);

  text = render_review (fx, NULL, "review-keys.pdf", NULL);
  /* Alpha-7B's JCommonsenseQA of November, cell B2 of import 2 */
  g_assert_nonnull (strstr (text, "86.1%[2:B2]"));
  g_assert_null (strstr (text, "[1:"));
  /* and the provenance list names import 2 as [2] */
  g_assert_nonnull (strstr (text, "[2]scores-november.csv"));
}

static void
test_review_english (Fixture       *fx,
                     gconstpointer  data)
{
  guint n_pages = 0;
  g_autofree char *text = render_review (fx, NULL, "review-en.pdf", &n_pages);
  const char *order[] = {
    /* 1. title block */
    "Leaderboardreview", "Supportbot2026", "28November2026",
    "Preparedby", "TaroSuzuki",
    /* 2. the record */
    "1Therecord", "Answercustomerquestionsaboutinvoices", "HanakoYamada", "hanako@example.com",
    "Every30days—nextreviewdue1December2026", "P1—ExternalEvaluationIntegration",
    "VendormodelcardsandJGLUEv1.1", "ExportsheetScoresasCSVandimportit", "Notrecorded",
    /* 3. the comparison: ranking, sentences, chart, then every value with its source cell */
    "2Comparisonofthechosenmodels",
    "4oftheleaderboard’s4modelsarecomparedon3benchmarks,everybenchmarkweighingthesame.",
    "1日本語モデル2of3benchmarks1.000", "2Alpha-7B3of3benchmarks0.903baseline",
    "3Beta<&>13B2of3benchmarks0.687", "4Gamma-2B1of3benchmarks0.000",
    "Compositeover1of3benchmarks", "Onlyonebenchmarkcountsinthecomposite", "Compositescore",
    /* one row per model in the ranking's order (cells come line by line: checked below) */
    "Scores", "Model", "JCommonsenseQA↑", "日本語モデル", "Alpha-7B(baseline)", "Beta<&>13B", "Gamma-2B",
    "(1)Beta<&>13BonMT-Bench:Thecellisempty.[1:C3]",
    /* 4. smells: today's checks merged with the stored verdicts, then what nobody checked */
    "3Smellchecklist", "74items", "8present,0mitigated,0accepted,1absent,65unchecked",
    "Notcheckedyet", "Confusingentity", "Benchmarkdataset", "Deprecatedentityeverypart",
    "Unresponsiveentityeverypart",
    /* 5. changes */
    "4Whatchangedsincethelastreview", "Lastreviewedon1November2026", "KeepAlpha-7Bfornow",
    "[2]scores-november.csv", "Newmodels", "日本語モデル", "Changedvalues", "Alpha-7B",
    "JCommonsenseQA", "85.3%[1:B2]", "86.1%[2:B2]",
    /* 6. provenance */
    "5Provenance", "[1]", "scores-october.csv", "0123456789ab", "20October2026,byHanakoYamada",
    "CP932", "6,6", "2", "[2]", "scores-november.csv", "fedcba987654", "[1]C2:Thecellisempty.", "[1]C3:Thecellisempty.",
    /* 7. questions, 8. sign-off */
    "6Questionsforthemeeting", "1.Whichdataisthiscomparisonbasedon?",
    "Therecordsays:VendormodelcardsandJGLUEv1.1.2filesimported(seeProvenance).",
    "2.Whoupdatestheresults,andhowoften?",
    "Therecordsays:ownerHanakoYamada;Every30days—nextreviewdue1December2026.",
    "3.Whichsmellsarepresent,andwhatisdoneaboutthem?",
    "Presentordetected:Confusingentity,Mismatchedentity,Missingentity.",
    "4.Cantheresultbereproducedfromthewrittenprocedure?",
    "Therecordsays:ExportsheetScoresasCSVandimportit.",
    "7Decisionandsign-off", "Every30days—nextreviewdue1December2026",
    "Chosenmodel", "Conditions", "Nextreviewdate",
    "PreparedReviewedApproved", "NameTaroSuzuki", "Date28November2026", "Signature",
    NULL
  };

  assert_in_order (text, order);
  /* The checklist rows (table cells come out of pdftotext in no fixed order). */
  {
    const char *rows[] = { "Present(detected,noverdictyet)", "Benchmark“MT-Bench”hasnodescription",
                           "Missingentity", "MT-Benchhasnoprocedure", "Askthevendorfortheprompts",
                           "Redundantentity", "Absent", "Checkedmodelnames", NULL };

    for (guint i = 0; rows[i] != NULL; i++)
      assert_contains (text, rows[i]);
  }
  /* Every value as its cell showed it (61.0% stays 61.0%), with its source cell, and the
   * difference to the baseline in points on a percent benchmark. */
  {
    const char *cells[] = { "88.8%*[2:B5]", "86.1%[2:B2]", "80.1%[1:B3]", "61.0%[1:B4]", "8.1*[2:C5]",
                            "7.9[1:C2]", "—(1)", "420[1:D2]", "390*[1:D3]", "(+2.7pt)", "(−6.0pt)",
                            "(−25.1pt)", "(+0.2)", "(−30)", NULL };

    for (guint i = 0; cells[i] != NULL; i++)
      assert_contains (text, cells[i]);
    g_assert_null (strstr (text, "(+2.7%)"));
    g_assert_null (strstr (text, "61%"));
  }
  /* Benchmarks outside the composite are marked. */
  assert_contains (text, "MT-Bench↑†");
  assert_contains (text, "Latency↓†");
  g_assert_cmpuint (n_pages, >=, 2);
  /* The second file changed one value of a model listed then; the new model is not a change. */
  g_assert_null (strstr (text, "88.8%[2:B5]86.1"));
  {
    g_autofree char *footer = g_strdup_printf ("Page%uof%u", n_pages, n_pages);
    assert_contains (text, footer);
  }
}

static void
test_review_japanese (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = temp_pdf ("review-ja.pdf");
  const char *heading = NULL;

  set_language ("ja");
  heading = _("Questions for the meeting");
  set_field (fx, LB_LEADERBOARD_FIELD_PURPOSE, "請求書に関する問い合わせに答えるモデルを選ぶ");
  set_field (fx, LB_LEADERBOARD_FIELD_OWNER, "山田 花子");
  text = render_review (fx, NULL, "review-ja.pdf", NULL);
  set_language ("");

  /* Japanese user text, and dates as a Japanese reader writes them. */
  {
    const char *order[] = { "2026年11月28日", "請求書に関する問い合わせに答えるモデルを選ぶ", "山田花子",
                            "2026年12月1日", "日本語モデル", "88.8%*[2:B5]", "2026年11月1日",
                            "2026年10月20日", NULL };
    assert_in_order (text, order);
  }

  if (g_strcmp0 (heading, "Questions for the meeting") != 0)
    {
      g_autofree char *flat = squeeze (heading);
      assert_contains (text, flat);
    }
  else
    {
      /* po/ja.po has no translations yet: the translated headings are checked once it does. */
      g_test_message ("No Japanese translation built yet; checked Japanese user text and dates only.");
      assert_contains (text, "Questionsforthemeeting");
    }
}

static void
test_review_states (Fixture       *fx,
                    gconstpointer  data)
{
  static const struct {
    const char *last_reviewed;
    const char *cadence;
    const char *expected[4];
  } cases[] = {
    { "2026-10-01", "30", { "Every30days—reviewoverduesince31October2026", "Lastreviewedon1October2026",
                            "[2]scores-november.csv", NULL } },
    { "2026-11-01", "1", { "Every1day—reviewoverduesince2November2026", NULL } },
    { "2026-11-28", "7", { "Every7days—nextreviewdue5December2026", "Filesimportedsince", "None", NULL } },
    { NULL, NULL, { "UpdatecadenceNotrecorded", "LastreviewedNever", "hasnotbeenreviewedbefore", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      set_field (fx, LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT, cases[i].last_reviewed);
      set_field (fx, LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS, cases[i].cadence);
      text = render_review (fx, NULL, "states.pdf", NULL);
      assert_in_order (text, cases[i].expected);
    }
}

static void
test_review_choices (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(LbReviewReportOptions) options = lb_review_report_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbReport) report = NULL;
  g_autofree char *text = NULL;
  LbProfile profile = { 0 };
  LbWeight weight = { (char *) "JCommonsenseQA", 2.0 };

  profile.leaderboard_id = fx->lb;
  profile.name = (char *) "accuracy";
  profile.weights = g_ptr_array_new ();
  g_ptr_array_add (profile.weights, &weight);
  g_assert_cmpint (lb_store_put_profile (fx->store, &profile, &error), >, 0);
  g_assert_no_error (error);
  g_ptr_array_unref (profile.weights);

  /* Two chosen models, a profile and an author. */
  lb_review_report_options_add_model (options, fx->gamma);
  lb_review_report_options_add_model (options, fx->beta);
  lb_review_report_options_set_profile (options, "accuracy");
  lb_review_report_options_set_prepared_by (options, "Ichiro <QA>");
  text = render_review (fx, options, "choices.pdf", NULL);
  {
    const char *order[] = { "Preparedby", "Ichiro<QA>",
                            "2oftheleaderboard’s4modelsarecomparedon3benchmarks,weightedbythedecisionprofile“accuracy”.",
                            "1Beta<&>13B", "2Gamma-2B", "Compositescore", NULL };
    assert_in_order (text, order);
  }
  {
    /* Alpha-7B is not compared: it only shows up in the changes section. */
    const char *compared = strstr (text, "Comparisonofthechosenmodels");
    const char *smells = strstr (text, "Smellchecklist");

    g_assert_nonnull (compared);
    g_assert_nonnull (smells);
    g_assert_null (g_strstr_len (compared, smells - compared, "Alpha-7B"));
  }

  /* A profile or a model the leaderboard does not have: nothing is built. */
  lb_review_report_options_set_profile (options, "speed");
  report = lb_review_report_build (fx->store, fx->lb, options, &error);
  g_assert_null (report);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  assert_contains (error->message, "“speed”");
  assert_contains (error->message, "accuracy");
  g_clear_error (&error);

  lb_review_report_options_set_profile (options, NULL);
  lb_review_report_options_add_model (options, 9999);
  report = lb_review_report_build (fx->store, fx->lb, options, &error);
  g_assert_null (report);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  assert_contains (error->message, "Support bot 2026");
  g_clear_error (&error);

  report = lb_review_report_build (fx->store, 4242, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

static void
test_review_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(LbReport) report = NULL;
  g_autofree char *path = temp_pdf ("empty.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  gint64 lb;

  g_assert_no_error (error);
  lb = lb_store_create_leaderboard (store, "Nothing yet", &error);
  g_assert_no_error (error);
  report = lb_review_report_build (store, lb, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  {
    const char *order[] = { "8of8fieldsoftherecordarenotfilledin", "Therearenomodelstocompareyet",
                            "Missingentity", "Present(detected,noverdictyet)", "hasnotbeenreviewedbefore",
                            "Nothinghasbeenimported", "Questionsforthemeeting", "Decisionandsign-off", NULL };
    assert_in_order (flat, order);
  }
}

/* Dated where the reader is: at 05:00 JST on 2 December (20:00 UTC on 1 December) the report
 * says 2 December, in the title block, the running head and the 作成 box alike. */
static void
test_review_local_date (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  g_setenv ("LEADERBOARD_NOW", "2026-12-01T20:00:00Z", TRUE);
  text = render_review (fx, NULL, "local-date.pdf", NULL);
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();

  {
    const char *order[] = { "Date2December2026", "PreparedbyTaroSuzuki", "Date2December2026", NULL };
    assert_in_order (text, order);
  }
  g_assert_null (strstr (text, "1December2026Preparedby"));
  g_assert_null (strstr (text, "Date1December2026"));
}

static void
test_format_date_local (void)
{
  g_autofree char *utc = NULL;
  g_autofree char *jst = NULL;
  g_autofree char *day = NULL;

  utc = lb_report_format_date ("2026-12-01T20:00:00Z");
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  jst = lb_report_format_date ("2026-12-01T20:00:00Z");
  /* A bare date is a day, not a moment: it does not move. */
  day = lb_report_format_date ("2026-12-01");
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
  g_assert_cmpstr (utc, ==, "1 December 2026");
  g_assert_cmpstr (jst, ==, "2 December 2026");
  g_assert_cmpstr (day, ==, "1 December 2026");
}

/* Imports @contents, written to @file_name, into the new leaderboard @leaderboard of a store
 * of its own, and returns the text of its review report with the blanks squeezed out. */
static char *
report_of_file (const char *file_name,
                const char *contents,
                const char *leaderboard)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autofree char *source = temp_pdf (file_name);
  g_autofree char *pdf = g_strconcat (source, ".pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(LbReport) report = NULL;
  g_auto(LbImportOutcome) outcome = { 0 };
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (source, contents, -1, NULL));
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, store, leaderboard, LB_IMPORT_FLAGS_NONE,
                                  NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  report = lb_review_report_build (store, outcome.leaderboard_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, pdf, &error));
  text = pdf_text (pdf, 0);
  return squeeze (text);
}

static char *
report_text (LbReport   *report,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = temp_pdf (name);
  g_autofree char *text = NULL;

  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  g_unlink (pdf);
  return squeeze (text);
}

static LbReport *
build_in_thread (const char                  *db,
                 gint64                       leaderboard_id,
                 const LbReviewReportOptions *options,
                 GCancellable                *cancellable,
                 char                       **comparison,
                 GError                     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lb_review_report_build_async (db, leaderboard_id, options, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lb_review_report_build_finish (result, comparison, error);
}

/* Issue 17.5: the window has the report built in a thread, on a connection of its own: the
 * same report as built on the spot, with the summary of the comparison it holds (what the
 * print step shows). */
static void
test_review_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = temp_pdf ("async.db");
  g_autofree char *source = temp_pdf ("async.csv");
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_auto(LbImportOutcome) outcome = { 0 };
  g_autoptr(LbReviewReportOptions) options = lb_review_report_options_new ();
  g_autoptr(LbCompareOptions) compare = lb_compare_options_new ();
  g_autoptr(LbReport) here = NULL;
  g_autoptr(LbReport) there = NULL;
  g_autoptr(LbComparison) comparison = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) models = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text_here = NULL;
  g_autofree char *text_there = NULL;

  g_unlink (db);
  store = lb_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (source, "Model,JMMLU,MT-bench\r\nAlpha,61.5,7.25\r\n"
                                      "Beta,55.0,8.00\r\nGamma,58.5,6.50\r\n", -1, NULL));
  importer = lb_importer_new (file, NULL, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_importer_run (importer, store, "Async", LB_IMPORT_FLAGS_NONE,
                                  NULL, NULL, NULL, &outcome, &error));
  g_assert_no_error (error);
  models = lb_store_list_models (store, outcome.leaderboard_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (models->len, ==, 3);
  /* Two of the three, as the Compare page would pass them on. */
  lb_compare_options_add_model (compare, ((LbModel *) g_ptr_array_index (models, 2))->id);
  lb_compare_options_add_model (compare, ((LbModel *) g_ptr_array_index (models, 0))->id);
  lb_review_report_options_set_compare_options (options, compare);
  lb_review_report_options_set_prepared_by (options, "Hanako Sato");

  here = lb_review_report_build (store, outcome.leaderboard_id, options, &error);
  g_assert_no_error (error);
  there = build_in_thread (db, outcome.leaderboard_id, options, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (there);
  text_here = report_text (here, "async-here.pdf");
  text_there = report_text (there, "async-there.pdf");
  g_assert_cmpstr (text_there, ==, text_here);
  assert_contains (text_there, "2oftheleaderboard’s3modelsarecompared");
  assert_contains (text_there, "HanakoSato");
  comparison = lb_compare_leaderboard (store, outcome.leaderboard_id, compare, &error);
  g_assert_no_error (error);
  expected = lb_comparison_dup_summary (comparison);
  g_assert_cmpstr (summary, ==, expected);

  /* What the store refuses, the thread refuses alike; a cancelled build gives nothing. */
  g_clear_pointer (&summary, g_free);
  g_assert_null (build_in_thread (db, 4242, NULL, NULL, &summary, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  g_assert_null (summary);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_null (build_in_thread (db, outcome.leaderboard_id, options, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_object (&store);
  g_unlink (source);
  g_unlink (db);
}

/* Issue 16: the values of a result file (JSON) are cited by their file's key, and Provenance
 * says where in the file each one is: never a sheet's cell such as [1:D2]. */
static void
test_review_result_file_paths (void)
{
  static const char json[] =
    "[{\"schema_version\": \"0.2.1\", \"evaluation_id\": \"e1\", \"retrieved_timestamp\": \"1714521600\",\n"
    "  \"source_metadata\": {\"source_type\": \"documentation\", \"source_organization_name\": \"Org\",\n"
    "                      \"evaluator_relationship\": \"third_party\"},\n"
    "  \"eval_library\": {\"name\": \"lm_eval\", \"version\": \"0.4.2\"},\n"
    "  \"model_info\": {\"name\": \"m1\", \"id\": \"org/alpha\"},\n"
    "  \"evaluation_results\": [{\"evaluation_name\": \"JMMLU\", \"source_data\": {\"dataset_name\": \"jmmlu\"},\n"
    "    \"metric_config\": {\"lower_is_better\": false}, \"score_details\": {\"score\": 0.61}}]},\n"
    " {\"schema_version\": \"0.2.1\", \"evaluation_id\": \"e2\", \"retrieved_timestamp\": \"1714521600\",\n"
    "  \"source_metadata\": {\"source_type\": \"documentation\", \"source_organization_name\": \"Org\",\n"
    "                      \"evaluator_relationship\": \"third_party\"},\n"
    "  \"eval_library\": {\"name\": \"inspect_ai\", \"version\": \"0.3\"},\n"
    "  \"model_info\": {\"name\": \"m2\", \"id\": \"org/beta\"},\n"
    "  \"evaluation_results\": [{\"evaluation_name\": \"JMMLU\", \"source_data\": {\"dataset_name\": \"jmmlu\"},\n"
    "    \"metric_config\": {\"lower_is_better\": false}, \"score_details\": {\"score\": 0.55}}]}]\n";
  g_autofree char *flat = report_of_file ("scores.json", json, "Public results");

  /* the comparison's cells: the value, then its file's key alone */
  assert_contains (flat, "0.61*[1]");
  g_assert_null (strstr (flat, "[1:"));
  {
    const char *order[] = { "Provenance", "scores.json", "Aresultfile(JSON)hasnocells",
                            "KeyModelBenchmarkWhereinthefile",
                            "[1]org/alphaJMMLU[0].evaluation_results[0].score_details.score",
                            "[1]org/betaJMMLU[1].evaluation_results[0].score_details.score", NULL };
    assert_in_order (flat, order);
  }
  /* issue 16.4: the two were produced under different settings: said under the comparison
   * and asked of the meeting */
  assert_contains (flat, "Thescoreson“JMMLU”wereproducedunderdifferentsettings"
                         "(“lm-evaluation-harness0.4.2”for“org/alpha”;“inspect_ai0.3”for“org/beta”)");
  assert_contains (flat, "Maythescoreson“JMMLU”becomparedalthoughtheywereproducedunderdifferentsettings?");
}

/* Issue 14: a leaderboard of thousands of models gives a report a meeting can read, in
 * bounded time and memory: the best ranked are listed, the others counted, never dropped
 * without a word. */
static void
test_review_many_models (void)
{
  g_autoptr(GString) csv = g_string_new ("Model,JMMLU,MT-bench\r\n");
  g_autofree char *flat = NULL;

  for (guint i = 1; i <= 120; i++)
    g_string_append_printf (csv, "M%03u,%u.5,%u.25\r\n", i, 200 - i, 200 - i);
  flat = report_of_file ("many.csv", csv->str, "Many");
  assert_contains (flat, "120oftheleaderboard’s120modelsarecompared");
  assert_contains (flat, "20morecomparedmodelsarerankedbutnotlistedinthisreport,whichliststhe100bestranked");
  {
    /* the comparison section: the ranking, the chart and the scores */
    const char *from = strstr (flat, "2Comparisonofthechosenmodels");
    const char *to = strstr (flat, "3Smellchecklist");
    g_autofree char *section = NULL;

    g_assert_nonnull (from);
    g_assert_nonnull (to);
    section = g_strndup (from, to - from);
    assert_contains (section, "100M100");
    g_assert_null (strstr (section, "M101"));
    g_assert_null (strstr (section, "M120"));
  }
}

/* "Prepared by" is a name, never the login: the one given, else the real name. */
static void
test_review_prepared_by (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(LbReviewReportOptions) options = lb_review_report_options_new ();
  g_autoptr(LbReport) report = NULL;
  g_autofree char *path = temp_pdf ("prepared-by.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *login = squeeze (g_get_user_name ());
  g_autofree char *as_login = g_strconcat ("Preparedby", login, NULL);
  const char *real = g_get_real_name ();
  gint64 lb;

  g_assert_no_error (error);
  lb = lb_store_create_leaderboard (store, "Nobody named", &error);
  report = lb_review_report_build (store, lb, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  if (g_strcmp0 (real, "Unknown") == 0 || g_strcmp0 (real, g_get_user_name ()) == 0)
    /* Said plainly, with how to set it. */
    assert_contains (flat, "PreparedbyNonameset:enteryoursinPreferences(Yournameinreports),"
                           "orgiveleaderboard-clireport--authorNAME.");
  else
    {
      g_autofree char *name = squeeze (real);
      g_autofree char *line = g_strconcat ("Preparedby", name, NULL);

      assert_contains (flat, line);
    }
  g_assert_null (strstr (flat, as_login));
  g_clear_pointer (&report, lb_report_unref);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);

  /* Who imported: never the login as if it were a name. One import as an older version
   * recorded it (the login), one with no name known to the store. */
  {
    g_autofree char *csv = temp_pdf ("prepared-by.csv");
    g_autofree char *csv2 = temp_pdf ("prepared-by-2.csv");
    g_autofree char *as_account = g_strdup_printf ("bytheaccount“%s”(nonamerecorded)", login);
    g_autofree char *by_login = g_strdup_printf (",by%s", login);
    const char *who = lb_store_get_user (store);

    g_assert_cmpstr (who, !=, g_get_user_name ());
    g_assert_true (g_file_set_contents (csv, "Model,MMLU\nA,0.5\nB,0.6\n", -1, NULL));
    g_assert_true (g_file_set_contents (csv2, "Model,MMLU\nA,0.7\nB,0.8\n", -1, NULL));
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? csv : csv2);
        g_autoptr(LbImporter) importer = lb_importer_new (file, NULL, store, NULL, &error);
        g_auto(LbImportOutcome) outcome = { 0 };

        g_assert_no_error (error);
        if (i == 0)
          lb_importer_set_user (importer, g_get_user_name ());
        g_assert_true (lb_importer_run (importer, store, "Nobody named", LB_IMPORT_FLAGS_NONE,
                                        NULL, NULL, NULL, &outcome, &error));
        g_assert_no_error (error);
      }
    report = lb_review_report_build (store, lb, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
    text = pdf_text (path, 0);
    flat = squeeze (text);
    assert_contains (flat, as_account);
    if (who == NULL)
      assert_contains (flat, "by(namenotrecorded)");
    else
      {
        g_autofree char *name = squeeze (who);
        g_autofree char *line = g_strconcat (",by", name, NULL);

        assert_contains (flat, line);
      }
    g_assert_null (strstr (flat, by_login));
    g_clear_pointer (&report, lb_report_unref);
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&flat, g_free);
  }

  /* The name set in Preferences (or report --author), on the title page and in the 作成 box. */
  lb_review_report_options_set_prepared_by (options, "Ichiro Sato");
  report = lb_review_report_build (store, lb, options, &error);
  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  text = pdf_text (path, 0);
  flat = squeeze (text);
  {
    const char *order[] = { "PreparedbyIchiroSato", "PreparedReviewedApproved", "NameIchiroSato", NULL };
    assert_in_order (flat, order);
  }
}

/* The uncertainty on paper as on screen: 90.0 ± 2, 87.0 ± 2, 84.0 ± 2 and 70.0 ± 1 on one percent
 * benchmark. Min–max over 70–90, so the composites are 1, 0.85, 0.7, 0 with standard errors
 * 0.1, 0.1, 0.1, 0.05: A and C can be told apart (0.3 > 2·√0.02 = 0.28), B from neither. */
static void
test_review_uncertainty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(LbReport) report = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  g_autofree char *path = temp_pdf ("uncertainty.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  static const struct { const char *model; const char *raw; double score, se; } values[] = {
    { "A", "90.0%", 90.0, 2.0 }, { "B", "87.0%", 87.0, 2.0 }, { "C", "84.0%", 84.0, 2.0 },
    { "D", "70.0%", 70.0, 1.0 },
  };
  LbBenchmark init = { .unit = (char *) "%", .higher_is_better = TRUE, .direction_confirmed = TRUE };
  gint64 lb, bench, import_id;

  g_assert_no_error (error);
  lb = lb_store_create_leaderboard (store, "Close race", &error);
  bench = lb_store_ensure_benchmark (store, lb, "JMMLU", &init, NULL, &error);
  g_assert_no_error (error);
  import->leaderboard_id = lb;
  import->file_name = g_strdup ("close.csv");
  import->sha256 = g_strdup ("00");
  import->encoding = g_strdup ("UTF-8");
  import->layout = g_strdup ("wide");
  import->imported_at = g_strdup ("2026-11-20T09:00:00Z");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_assert_true (lb_store_begin (store, &error));
  import_id = lb_store_add_import (store, import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      LbResult result = { 0 };

      result.leaderboard_id = lb;
      result.model_id = lb_store_ensure_model (store, lb, values[i].model, NULL, NULL, &error);
      result.benchmark_id = bench;
      result.score = values[i].score;
      result.raw = (char *) values[i].raw;
      result.has_stderr = TRUE;
      result.stderr_value = values[i].se;
      result.import_id = import_id;
      result.source_row = i + 2;
      result.source_column = 2;
      g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
    }
  g_assert_true (lb_store_finish_import (store, import_id, 4, 4, &error));
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);

  report = lb_review_report_build (store, lb, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_report_render_pdf (report, LB_PAPER_A4, path, &error));
  text = pdf_text (path, 0);
  flat = squeeze (text);

  /* The ranking: rank ranges, composites with their standard errors, who cannot be told apart. */
  {
    const char *order[] = { "1–2A", "1.000±0.100", "notdistinguishablefromB",
                            "1–3B", "0.850±0.100", "notdistinguishablefromA,C",
                            "2–3C", "0.700±0.100", "notdistinguishablefromB",
                            "4D", "0.000±0.050", NULL };
    assert_in_order (flat, order);
  }
  /* The chart: ticks, the whiskers explained, rank before the name. */
  {
    const char *order[] = { "Compositescore", "1–2A", "00.250.500.751", "Whiskers:±onestandarderror", NULL };
    assert_in_order (flat, order);
  }
  /* Every cell with its standard error, and n.d. where the difference is within the noise. */
  {
    const char *cells[] = { "90.0±2.0%*[1:B2]", "87.0±2.0%[1:B3]", "84.0±2.0%[1:B4]", "70.0±1.0%[1:B5]",
                            "(−3.0pt,n.d.)", "(−20.0pt)", NULL };

    for (guint i = 0; cells[i] != NULL; i++)
      assert_contains (flat, cells[i]);
  }
  assert_contains (flat, "“A”,“B”and“C”cannotbetoldapart");
}

/* The Japanese meeting form: 作成・確認・承認 with 氏名, 日付 and 印 each, and the decision. */
static void
test_review_japanese_sign_off (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *text = NULL;

  set_language ("ja");
  if (g_strcmp0 (C_("sign-off", "Prepared"), "Prepared") == 0)
    {
      set_language ("");
      g_test_skip ("No Japanese catalog built");
      return;
    }
  text = render_review (fx, NULL, "sign-off-ja.pdf", NULL);
  set_language ("");
  {
    const char *order[] = { "決定と承認", "採用モデル", "採用条件", "次回見直し日", "作成確認承認",
                            "氏名TaroSuzuki氏名氏名", "日付2026年11月28日日付日付", "印印印", NULL };
    assert_in_order (text, order);
  }
  /* differences on percent benchmarks in ポイント */
  assert_contains (text, "(+2.7ポイント)");
}

/* ---- leaderboard-cli report ---- */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_cli (const char         *db,
         Run                *run,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("LEADERBOARD_CLI");
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_cli_report (void)
{
  g_autofree char *db = temp_pdf ("cli.db");
  g_autofree char *csv = temp_pdf ("scores.csv");
  g_autofree char *pdf = temp_pdf ("cli.pdf");
  g_autofree char *bad = temp_pdf ("not-written.pdf");
  const char *csv_text = "Model,JCommonsenseQA,MT-Bench\n"
                         "Alpha-7B,85.3%,7.9\n"
                         "\"Beta, the second\",80.1%,\n"
                         "日本語モデル,88.8%,8.1\n";
  Run run = { 0 };

  g_assert_true (g_file_set_contents (csv, csv_text, -1, NULL));
  run_cli (db, &run, (const char *[]) { "import", csv, "--leaderboard", "Support bot", NULL });
  g_assert_cmpint (run.status, ==, 0);

  /* Chosen models, one of them with a comma in its name; Letter paper. */
  run_cli (db, &run, (const char *[]) { "report", "Support bot", "-o", pdf, "--models",
                                        "Beta, the second", "--models", "日本語モデル",
                                        "--paper", "letter", NULL });
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, pdf);
  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *info = run_tool (argv);
    g_autofree char *text = pdf_text (pdf, 0);
    g_autofree char *flat = squeeze (text);

    assert_contains (info, "612 x 792 pts");
    assert_contains (flat, "2oftheleaderboard’s3modelsarecompared");
    assert_contains (flat, "Beta,thesecond");
    assert_contains (flat, "80.1%[1:B3]");
    assert_contains (flat, "88.8%*[1:B4]");
    assert_contains (flat, "scores.csv");
    g_assert_null (strstr (flat, "85.3%"));
  }

  /* Eleven benchmarks page across three tables of equal size (4, 4, 3), never a lone one,
   * each with the model column. */
  {
    g_autofree char *wide_db = temp_pdf ("wide.db");
    g_autofree char *wide_csv = temp_pdf ("wide.csv");
    g_autofree char *wide_pdf = temp_pdf ("wide.pdf");
    GString *sheet = g_string_new ("Model");
    g_autofree char *sheet_text = NULL;

    for (guint b = 1; b <= 11; b++)
      g_string_append_printf (sheet, ",B%02u", b);
    g_string_append (sheet, "\r\n");
    for (guint m = 1; m <= 3; m++)
      {
        g_string_append_printf (sheet, "model%u", m);
        for (guint b = 1; b <= 11; b++)
          g_string_append_printf (sheet, ",%u.0%%", 50 + m * 7 + b);
        g_string_append (sheet, "\r\n");
      }
    sheet_text = g_string_free (sheet, FALSE);
    g_assert_true (g_file_set_contents (wide_csv, sheet_text, -1, NULL));
    run_cli (wide_db, &run, (const char *[]) { "import", wide_csv, "--leaderboard", "Wide", NULL });
    g_assert_cmpint (run.status, ==, 0);
    run_cli (wide_db, &run, (const char *[]) { "report", "Wide", "-o", wide_pdf, NULL });
    g_assert_cmpint (run.status, ==, 0);
    {
      g_autofree char *text = pdf_text (wide_pdf, 0);
      g_autofree char *flat = squeeze (text);
      /* (pdftotext gives the tables' text in no fixed order) */
      const char *parts[] = { "Benchmarks1–4of11", "Benchmarks5–8of11", "Benchmarks9–11of11",
                              "ModelB01↑?B02↑?B03↑?B04↑?", "ModelB05↑?B06↑?B07↑?B08↑?",
                              "ModelB09↑?B10↑?B11↑?", NULL };

      for (guint i = 0; parts[i] != NULL; i++)
        assert_contains (flat, parts[i]);
      g_assert_null (strstr (flat, "Benchmarks11–11"));
      /* 58.0% stays 58.0%, as the sheet showed it */
      assert_contains (flat, "58.0%");
    }
  }

  /* --author: the name on the title page and in the first sign-off box. */
  run_cli (db, &run, (const char *[]) { "report", "Support bot", "-o", pdf, "--author", "山田 花子", NULL });
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *text = pdf_text (pdf, 0);
    g_autofree char *flat = squeeze (text);
    const char *order[] = { "Preparedby山田花子", "PreparedReviewedApproved", "Name山田花子", NULL };

    assert_in_order (flat, order);
  }

  /* Mistakes: a clear message, nothing written. */
  {
    static const struct { const char *args[8]; int status; const char *message; } cases[] = {
      { { "report", "Support bot", "-o", NULL }, 2, "" },
      { { "report", "Support bot", NULL }, 2, "Usage" },
      { { "report", "No such board", "-o", "@", NULL }, 1, "No leaderboard named “No such board”" },
      { { "report", "Support bot", "-o", "@", "--models", "Alpha-7B,Gamma", NULL }, 1,
        "has no model named “Gamma”. Its models are: “Alpha-7B”" },
      { { "report", "Support bot", "-o", "@", "--profile", "speed", NULL }, 1,
        "There is no profile named “speed”" },
      { { "report", "Support bot", "-o", "@", "--paper", "a5", NULL }, 2, "Use a4 or letter" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *args[8] = { NULL };

        for (guint j = 0; cases[i].args[j] != NULL; j++)
          args[j] = strcmp (cases[i].args[j], "@") == 0 ? bad : cases[i].args[j];
        run_cli (db, &run, args);
        g_assert_cmpint (run.status, ==, cases[i].status);
        assert_contains (run.err, cases[i].message);
        g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
      }
  }
  run_clear (&run);
}

/* Evidence too long for the checklist's table is cut there and given in full in the appendix:
 * the report never sends the meeting to the app. */
static void
test_review_evidence_appendix (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *text = NULL;

  /* The fixture's eight results without an evaluation date are one item of eight lines. */
  text = render_review (fx, NULL, "evidence-appendix.pdf", NULL);
  g_assert_null (strstr (text, "SmellsPage"));
  {
    const char *order[] = { "Smellchecklist", "(scores-october.csv,cellB4)hasnoevaluationdate",
                            "…and3more(allofitintheappendix,A.1).", "Decisionandsign-off",
                            "Appendix:theevidenceinfull", "A.1Missingentity—Evaluationscore",
                            "(scores-october.csv,cellC2)hasnoevaluationdate",
                            "(scores-november.csv,cellC5)hasnoevaluationdate", NULL };
    assert_in_order (text, order);
  }
}

/* Warnings are kept as a code and arguments: a sheet imported in one language reads in the
 * report's language (data: the language of the import; the report is in the other one). */
static void
test_review_warnings_language (Fixture       *fx,
                               gconstpointer  data)
{
  const char *import_language = data;
  gboolean report_in_japanese = *import_language == '\0';
  g_autofree char *csv = temp_pdf ("warnings.csv");
  g_autoptr(GFile) file = NULL;
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LbImportOutcome) outcome = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *english = NULL;
  g_autofree char *japanese = NULL;

  g_assert_true (g_file_set_contents (csv, "Model,JCommonsenseQA,MT-Bench\nGamma-2B,62.5%,6.1\nAlpha-7B,abc,7.9\n,70%,8.0\n", -1, NULL));
  file = g_file_new_for_path (csv);
  set_language (import_language);
  importer = lb_importer_new (file, NULL, fx->store, NULL, &error);
  g_assert_no_error (error);
  lb_importer_run (importer, fx->store, "Support bot 2026", LB_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                   &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.warnings->len, ==, 2);

  set_language (report_in_japanese ? "ja" : "");
  text = render_review (fx, NULL, "warnings-language.pdf", NULL);
  set_language ("");

  english = g_strdup ("row3,columnB(JCommonsenseQA):“abc”isnotanumber,soAlpha-7BhasnoJCommonsenseQAscore.");
  japanese = g_strdup ("3行目、B列(JCommonsenseQA):「abc」は数値ではないため、Alpha-7BにはJCommonsenseQAのスコアがありません。");
  if (report_in_japanese)
    {
      assert_contains (text, japanese);
      assert_contains (text, "4行目:A列のモデル名が空のため、この行をスキップしました。");
      g_assert_null (strstr (text, "isnotanumber"));
      g_assert_null (strstr (text, "themodelnameincolumnAisempty"));
    }
  else
    {
      assert_contains (text, english);
      assert_contains (text, "row4:themodelnameincolumnAisempty,sotherowwasskipped.");
      g_assert_null (strstr (text, "数値ではない"));
      g_assert_null (strstr (text, "スキップ"));
    }
}

/* Smell evidence is read in the report's language too: the checks run again for the report,
 * so evidence stored by a run in English prints in Japanese (and the reverse). */
static void
test_review_evidence_language (Fixture       *fx,
                               gconstpointer  data)
{
  const char *run_language = data;
  gboolean report_in_japanese = *run_language == '\0';
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_language (run_language);
  checklist = lb_smells_run (fx->store, fx->lb, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (checklist);
  set_language (report_in_japanese ? "ja" : "");
  text = render_review (fx, NULL, "evidence-language.pdf", NULL);
  set_language ("");

  if (report_in_japanese)
    {
      assert_contains (text, "ベンチマーク「MT-Bench」に説明がないため");
      g_assert_null (strstr (text, "hasnodescription"));
    }
  else
    {
      assert_contains (text, "Benchmark“MT-Bench”hasnodescription");
      g_assert_null (strstr (text, "に説明がないため"));
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *po_dir = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The translations built with the tests (po/<lang>/LC_MESSAGES/leaderboard.mo). */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/report/render/small", test_pdf_small);
  g_test_add_func ("/report/render/long-text-cut", test_pdf_long_text);
  g_test_add_func ("/report/render/paper", test_pdf_paper);
  g_test_add_func ("/report/render/paper-names", test_paper_names);
  g_test_add_func ("/report/render/unsafe-text", test_unsafe_text);
  g_test_add_func ("/report/render/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/report/render/tall-cell-splits", test_tall_cell_splits);
  g_test_add_func ("/report/render/keep-together", test_keep_together);
  g_test_add_func ("/report/render/chart-axis", test_chart_axis);
  g_test_add_func ("/report/render/header-words", test_header_words);
  g_test_add_func ("/report/render/header-phrases", test_header_phrases);
  g_test_add_func ("/report/render/japanese", test_japanese_text);
  g_test_add_func ("/report/render/unwritable", test_pdf_unwritable);
  g_test_add_func ("/report/render/async", test_pdf_async);
  g_test_add_func ("/report/date/format", test_format_date);
  g_test_add_func ("/report/review/file-name", test_file_name);
  g_test_add_func ("/report/cli/report", test_cli_report);
  g_test_add_func ("/report/review/empty", test_review_empty);
  g_test_add_func ("/report/date/local", test_format_date_local);
  g_test_add_func ("/report/review/prepared-by", test_review_prepared_by);
  g_test_add_func ("/report/review/result-file-paths", test_review_result_file_paths);
  g_test_add_func ("/report/review/many-models", test_review_many_models);
  g_test_add_func ("/report/review/async", test_review_async);
  g_test_add_func ("/report/review/uncertainty", test_review_uncertainty);
  g_test_add ("/report/review/evidence-appendix", Fixture, NULL, fixture_set_up,
              test_review_evidence_appendix, fixture_tear_down);
  g_test_add ("/report/review/local-date", Fixture, NULL, fixture_set_up, test_review_local_date,
              fixture_tear_down);
  g_test_add ("/report/review/japanese-sign-off", Fixture, NULL, fixture_set_up,
              test_review_japanese_sign_off, fixture_tear_down);
  g_test_add ("/report/review/states", Fixture, NULL, fixture_set_up, test_review_states,
              fixture_tear_down);
  g_test_add ("/report/review/choices", Fixture, NULL, fixture_set_up, test_review_choices,
              fixture_tear_down);
  g_test_add ("/report/review/japanese", Fixture, NULL, fixture_set_up, test_review_japanese,
              fixture_tear_down);
  g_test_add ("/report/review/keys-are-import-ids", Fixture, NULL, fixture_set_up, test_review_keys_are_import_ids,
              fixture_tear_down);
  g_test_add ("/report/review/warnings-en-read-in-ja", Fixture, "", fixture_set_up,
              test_review_warnings_language, fixture_tear_down);
  g_test_add ("/report/review/warnings-ja-read-in-en", Fixture, "ja", fixture_set_up,
              test_review_warnings_language, fixture_tear_down);
  g_test_add ("/report/review/evidence-en-read-in-ja", Fixture, "", fixture_set_up,
              test_review_evidence_language, fixture_tear_down);
  g_test_add ("/report/review/evidence-ja-read-in-en", Fixture, "ja", fixture_set_up,
              test_review_evidence_language, fixture_tear_down);
  g_test_add ("/report/review/english", Fixture, NULL, fixture_set_up, test_review_english,
              fixture_tear_down);
  return g_test_run ();
}
