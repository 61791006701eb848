/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-page.c: the comparison page on a display, with a fixture leaderboard */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lb-compare-chart.h"
#include "lb-compare-page.h"

/* The leaderboard of test-compare.c: models A, B, C, D; benchmarks X, Y, Z; B's Z is empty. */
static const struct {
  const char *model;
  const char *benchmark;
  double      score;
} scores[] = {
  { "A", "X", 80 }, { "B", "X", 70 }, { "C", "X", 90 }, { "D", "X", 60 },
  { "A", "Y", 60 }, { "B", "Y", 90 }, { "C", "Y", 40 }, { "D", "Y", 20 },
  { "A", "Z", 50 }, { "C", "Z", 70 }, { "D", "Z", 0 },
};

typedef struct {
  GPtrArray *benchmarks;
  GPtrArray *models;
  GPtrArray *results;
  GPtrArray *gaps;
  GPtrArray *profiles;
  GtkWindow *window;
  LbComparePage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char *const benchmark_names[] = { "X", "Y", "Z" };
  static const char *const model_names[] = { "A", "B", "C", "D" };
  LbProfile *profile;
  LbWeight *w;
  LbGap *gap;

  f->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
  f->models = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_model_free);
  f->results = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_result_free);
  f->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_gap_free);
  f->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_profile_free);

  for (guint i = 0; i < G_N_ELEMENTS (benchmark_names); i++)
    {
      LbBenchmark *b = g_new0 (LbBenchmark, 1);

      b->id = 100 + i;
      b->leaderboard_id = 1;
      b->position = i;
      b->name = g_strdup (benchmark_names[i]);
      b->higher_is_better = TRUE;
      b->direction_confirmed = TRUE;
      g_ptr_array_add (f->benchmarks, b);
    }
  for (guint i = 0; i < G_N_ELEMENTS (model_names); i++)
    {
      LbModel *m = g_new0 (LbModel, 1);

      m->id = i + 1;
      m->leaderboard_id = 1;
      m->name = g_strdup (model_names[i]);
      g_ptr_array_add (f->models, m);
    }
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      LbResult *r = g_new0 (LbResult, 1);

      r->id = i + 1;
      r->leaderboard_id = 1;
      r->model_id = scores[i].model[0] - 'A' + 1;
      r->benchmark_id = 100 + scores[i].benchmark[0] - 'X';
      r->score = scores[i].score;
      r->raw = g_strdup_printf ("%g", scores[i].score);
      r->current = TRUE;
      r->import_id = 7;
      r->source_row = r->model_id + 1;
      r->source_column = r->benchmark_id - 100 + 2;
      g_ptr_array_add (f->results, r);
    }
  gap = g_new0 (LbGap, 1);
  gap->id = 1;
  gap->leaderboard_id = 1;
  gap->model_id = 2;
  gap->benchmark_id = 102;
  gap->import_id = 7;
  gap->source_row = 3;
  gap->source_column = 4;
  gap->raw = g_strdup ("");
  gap->reason = g_strdup ("The cell is empty.");
  g_ptr_array_add (f->gaps, gap);

  profile = g_new0 (LbProfile, 1);
  profile->id = 5;
  profile->leaderboard_id = 1;
  profile->name = g_strdup ("Support bot");
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  w = g_new0 (LbWeight, 1);
  w->benchmark = g_strdup ("X");
  w->weight = 3;
  g_ptr_array_add (profile->weights, w);
  w = g_new0 (LbWeight, 1);
  w->benchmark = g_strdup ("Y");
  w->weight = 1;
  g_ptr_array_add (profile->weights, w);
  g_ptr_array_add (f->profiles, profile);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->page = LB_COMPARE_PAGE (lb_compare_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  lb_compare_page_set_data (f->page, f->benchmarks, f->models, f->results, f->gaps, f->profiles);
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_ptr_array_unref (f->benchmarks);
  g_ptr_array_unref (f->models);
  g_ptr_array_unref (f->results);
  g_ptr_array_unref (f->gaps);
  g_ptr_array_unref (f->profiles);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

/* Lets GTK lay out and draw (the column view creates its rows on allocation). */
static void
run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_visible (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

/* The lines of the visible labels inside the table: a cell shows its value on the first line
 * and what to know about it on the second. */
static GPtrArray *
table_texts (Fixture *f)
{
  GtkWidget *table = find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect (table, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (gtk_label_get_text (g_ptr_array_index (labels, i)), "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        g_ptr_array_add (texts, g_strdup (lines[l]));
    }
  return texts;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* The table cell whose first line is @first_line. */
static GtkLabel *
find_label (Fixture    *f,
            const char *first_line)
{
  GtkWidget *table = find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (table, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (gtk_label_get_text (g_ptr_array_index (labels, i)), "\n", 2);

      if (g_strcmp0 (lines[0], first_line) == 0)
        return g_ptr_array_index (labels, i);
    }
  return NULL;
}

static gboolean
label_shows (Fixture    *f,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* Unfolds the explanations above the table. */
static void
unfold_details (Fixture *f)
{
  gtk_expander_set_expanded (GTK_EXPANDER (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE,
                                                                          "details_expander")),
                             TRUE);
  run_main_loop (100);
}

static void
choose_abc (Fixture *f)
{
  const gint64 ids[] = { 1, 2, 3 };

  lb_compare_page_set_chosen (f->page, ids, G_N_ELEMENTS (ids));
  run_main_loop (300);
}

static void
test_page_table (Fixture       *f,
                 gconstpointer  data)
{
  GtkColumnView *table;
  GListModel *columns;
  g_autoptr(GPtrArray) texts = NULL;
  LbComparison *c;
  GtkLabel *best;

  run_main_loop (300);
  table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (table);
  /* by default the (up to) four models with the most results: here all four */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 5);

  choose_abc (f);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->n_models, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  {
    g_autoptr(GtkColumnViewColumn) col1 = g_list_model_get_item (columns, 1);
    g_autoptr(GtkColumnViewColumn) col3 = g_list_model_get_item (columns, 3);

    g_assert_cmpstr (gtk_column_view_column_get_title (col1), ==, "A (baseline)");
    g_assert_cmpstr (gtk_column_view_column_get_title (col3), ==, "C");
  }

  texts = table_texts (f);
  /* coverage first, the missing cell with its reason, the composite with its rank */
  g_assert_true (has_text (texts, "Coverage"));
  g_assert_true (has_text (texts, "2 of 3 benchmarks"));
  g_assert_true (has_text (texts, "3 of 3 benchmarks"));
  g_assert_true (has_text (texts, "—"));
  g_assert_true (has_text (texts, "The cell is empty."));
  g_assert_true (has_text (texts, "X ↑"));
  g_assert_true (has_text (texts, "Composite"));
  g_assert_true (has_text (texts, "0.667"));   /* B: (1/3 + 1)/2 */
  g_assert_true (has_text (texts, "rank 1"));
  /* B's X is 10 below the baseline A's 80 */
  /* B's X: 70 on the range 60..90 of all four models rescales to 1/3 */
  g_assert_true (has_text (texts, "−10 (worse) · rescaled 0.33"));
  g_assert_true (has_text (texts, "best · +10 (better) · rescaled 1.00"));   /* C's X: 90 */
  g_assert_true (has_text (texts, "baseline · rescaled 0.67"));             /* A's X: 80 */

  /* the best value stands out by more than colour: bold and "best" */
  best = find_label (f, "90");
  g_assert_nonnull (best);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (best), "accent"));
  g_assert_nonnull (strstr (gtk_label_get_label (best), "<b>90</b>"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_label (f, "70")), "accent"));

  /* the missing cell says where it came from */
  {
    GtkLabel *missing = find_label (f, "—");

    g_assert_nonnull (missing);
    g_assert_cmpstr (gtk_label_get_text (missing), ==, "—\nThe cell is empty.");
    g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (missing)));
  }

  /* the sentences above the table are the core's */
  unfold_details (f);
  g_assert_true (label_shows (f, c->coverage_text));
  g_assert_true (label_shows (f, c->robustness_text));
  g_assert_true (label_shows (f, c->method_text));
  g_assert_cmpstr (c->robustness_text, ==,
                   "“B” is on top, but raising the weight of “X” by 50% puts “C” on top; "
                   "leaving out “Y” puts “C” on top; lowering the weight of “Y” by 50% puts “C” on top.");
}

/* Issue 15.5: the explanations fold into an expander so the table gets the room (what is
 * not firm about the top place said on the fold), and a line says when one partial model
 * keeps a benchmark out of everyone's composite. */
static void
test_page_fold_and_lone_partial (Fixture       *f,
                                 gconstpointer  data)
{
  GtkExpander *expander;
  GtkLabel *notes;
  GtkCheckButton *partial;

  choose_abc (f);
  expander = GTK_EXPANDER (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "details_expander"));
  notes = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "notes_label"));
  partial = GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "partial_check"));
  g_assert_false (gtk_expander_get_expanded (expander));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "robustness_label"))));
  /* B on top is not firm (see test_page_table): the fold says so. */
  g_assert_cmpstr (gtk_expander_get_label (expander), ==, "The top place is not firm: _see why, and how the ranking was made");

  /* B alone lacks Z: Z is out of A's and C's composites too, and the page says why. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (notes)));
  g_assert_nonnull (strstr (gtk_label_get_text (notes),
                            "“B” alone has no result on “Z”, so that benchmark is left out of every model’s composite."));

  /* Counting every benchmark: nothing is left out, no such line. */
  gtk_check_button_set_active (partial, TRUE);
  run_main_loop (300);
  g_assert_null (strstr (gtk_label_get_text (notes), "alone has no result"));

  gtk_expander_set_expanded (expander, TRUE);
  run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "robustness_label"))));
}

/* Issue 15.8: a difference of percentages is said in points (“−10%” read as ten per cent
 * less), in words. */
static void
test_page_percent_points (Fixture       *f,
                          gconstpointer  data)
{
  LbBenchmark *x = g_ptr_array_index (f->benchmarks, 0);
  g_autoptr(GPtrArray) texts = NULL;

  x->unit = g_strdup ("%");
  lb_compare_page_set_data (f->page, f->benchmarks, f->models, f->results, f->gaps, f->profiles);
  choose_abc (f);
  texts = table_texts (f);
  g_assert_true (has_text (texts, "10 points lower (worse) · rescaled 0.33"));            /* B: 70% */
  g_assert_true (has_text (texts, "best · 10 points higher (better) · rescaled 1.00"));   /* C: 90% */
  g_assert_false (has_text (texts, "−10% (worse) · rescaled 0.33"));
  /* other units keep their signed difference */
  g_assert_true (has_text (texts, "best · +30 (better) · rescaled 1.00"));               /* B's Y */
}

/* Issue 15.5: picking a profile with a long name does not move the controls. */
static void
test_page_controls_stay (Fixture       *f,
                         gconstpointer  data)
{
  LbProfile *profile = g_ptr_array_index (f->profiles, 0);
  GtkWidget *partial = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "partial_check"));
  GtkWidget *normalization = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "normalization_dropdown"));
  graphene_rect_t partial_before, partial_after, norm_before, norm_after;

  g_free (profile->name);
  profile->name = g_strdup ("Customer support chatbot for the Japanese help desk");
  lb_compare_page_set_data (f->page, f->benchmarks, f->models, f->results, f->gaps, f->profiles);
  choose_abc (f);
  g_assert_true (gtk_widget_compute_bounds (partial, GTK_WIDGET (f->page), &partial_before));
  g_assert_true (gtk_widget_compute_bounds (normalization, GTK_WIDGET (f->page), &norm_before));
  g_assert_true (lb_compare_page_select_profile (f->page, profile->name));
  run_main_loop (300);
  g_assert_cmpstr (lb_compare_page_get_comparison (f->page)->profile_name, ==, profile->name);
  g_assert_true (gtk_widget_compute_bounds (partial, GTK_WIDGET (f->page), &partial_after));
  g_assert_true (gtk_widget_compute_bounds (normalization, GTK_WIDGET (f->page), &norm_after));
  g_assert_true (graphene_rect_equal (&partial_before, &partial_after));
  g_assert_true (graphene_rect_equal (&norm_before, &norm_after));
}

/* The window folds its sidebar below 400 pixels: the page must fit. */
static void
test_page_narrow (Fixture       *f,
                  gconstpointer  data)
{
  int min = 0, nat = 0;

  choose_abc (f);
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 400);
  gtk_window_set_default_size (f->window, 400, 700);
  run_main_loop (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 400);
  /* and it still works there */
  g_assert_true (lb_compare_page_select_profile (f->page, "Support bot"));
  run_main_loop (300);
  g_assert_nonnull (find_label (f, "Composite"));
  g_assert_cmpstr (lb_compare_page_get_comparison (f->page)->profile_name, ==, "Support bot");
}

static void
test_page_profile (Fixture       *f,
                   gconstpointer  data)
{
  GtkColumnView *table;
  g_autoptr(GtkColumnViewColumn) before = NULL;
  g_autoptr(GtkColumnViewColumn) after = NULL;
  GtkLabel *composite_a;
  LbComparison *c;

  choose_abc (f);
  table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  before = g_list_model_get_item (gtk_column_view_get_columns (table), 2);
  composite_a = find_label (f, "0.619");   /* A, equal weights: 13/21 */
  g_assert_nonnull (composite_a);

  g_assert_false (lb_compare_page_select_profile (f->page, "No such profile"));
  g_assert_true (lb_compare_page_select_profile (f->page, "Support bot"));
  run_main_loop (200);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_cmpstr (c->profile_name, ==, "Support bot");
  g_assert_cmpstr (c->robustness_text, ==, "“C” is on top, but leaving out “X” puts “B” on top.");
  unfold_details (f);
  g_assert_true (label_shows (f, c->robustness_text));
  g_assert_true (label_shows (f, "Composite over 2 of 3 benchmarks. 1 has weight 0 in the profile or is not in it."));
  /* C: (3 + 2/7)/4 = 0.821 */
  g_assert_nonnull (find_label (f, "0.821"));

  /* a new profile renders the same cells again; no column or cell is made anew */
  after = g_list_model_get_item (gtk_column_view_get_columns (table), 2);
  g_assert_true (before == after);
  g_assert_true (find_label (f, "0.643") == composite_a);   /* A with the profile: 9/14 */
}

static void
test_page_profile_editor (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *editor = NULL;
  GtkButton *edit = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  LbComparison *c;

  choose_abc (f);
  collect (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_New Profile…") == 0)
      edit = g_ptr_array_index (buttons, i);
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  run_main_loop (200);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window && gtk_window_get_transient_for (l->data) == f->window)
      editor = l->data;
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Decision Profile");

  /* name it, weigh Y only, save */
  collect (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Only Y");
  collect (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 3);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 0);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 2);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 2), 0);
  g_ptr_array_set_size (buttons, 0);
  collect (gtk_window_get_titlebar (editor), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Save") == 0)
      g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
  run_main_loop (200);

  c = lb_compare_page_get_comparison (f->page);
  g_assert_cmpstr (c->profile_name, ==, "Only Y");
  g_assert_cmpuint (f->profiles->len, ==, 2);
  /* Y alone: B (90) is best */
  g_assert_cmpstr (c->models[c->ranking[0]].model->name, ==, "B");
  g_assert_cmpuint (c->n_composite, ==, 1);

  /* an editor left open goes when the page shows another leaderboard */
  g_signal_emit_by_name (edit, "clicked");
  run_main_loop (100);
  g_clear_pointer (&toplevels, g_list_free);
  toplevels = gtk_window_list_toplevels ();
  g_assert_cmpuint (g_list_length (toplevels), ==, 2);
  g_object_set (f->page, "leaderboard-id", (gint64) 42, NULL);
  run_main_loop (100);
  g_clear_pointer (&toplevels, g_list_free);
  toplevels = gtk_window_list_toplevels ();
  g_assert_cmpuint (g_list_length (toplevels), ==, 1);
}

/* Five models: the default leaves out B, the one with the fewest results. */
static void
test_page_default_choice (Fixture       *f,
                          gconstpointer  data)
{
  LbModel *e = g_new0 (LbModel, 1);
  LbComparison *c;

  e->id = 5;
  e->leaderboard_id = 1;
  e->name = g_strdup ("E");
  g_ptr_array_add (f->models, e);
  for (guint b = 0; b < 3; b++)
    {
      LbResult *r = g_new0 (LbResult, 1);

      r->id = 100 + b;
      r->leaderboard_id = 1;
      r->model_id = 5;
      r->benchmark_id = 100 + b;
      r->score = 50;
      r->raw = g_strdup ("50");
      r->current = TRUE;
      g_ptr_array_add (f->results, r);
    }
  lb_compare_page_set_data (f->page, f->benchmarks, f->models, f->results, f->gaps, f->profiles);
  run_main_loop (200);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_cmpuint (c->n_models, ==, 4);
  g_assert_cmpstr (c->models[0].model->name, ==, "A");
  g_assert_cmpstr (c->models[1].model->name, ==, "C");
  g_assert_cmpstr (c->models[2].model->name, ==, "D");
  g_assert_cmpstr (c->models[3].model->name, ==, "E");
  /* the one left out is named on the page, not only counted on the Models button */
  g_assert_true (label_shows (f, "1 of the leaderboard’s 5 models is not compared: B. Add it under Models."));
  /* and every model has all three benchmarks, so the composite counts them all */
  g_assert_cmpuint (c->n_composite, ==, 3);
}

static void
test_page_too_few (Fixture       *f,
                   gconstpointer  data)
{
  const gint64 one[] = { 1 };
  GtkColumnView *table;

  lb_compare_page_set_chosen (f->page, one, 1);
  run_main_loop (200);
  g_assert_null (lb_compare_page_get_comparison (f->page));
  g_assert_true (label_shows (f, "A comparison needs at least two models, but only 1 is chosen. Pick another model."));
  table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 1);

  /* all four */
  lb_compare_page_set_chosen (f->page, NULL, 0);
  run_main_loop (200);
  g_assert_cmpuint (lb_compare_page_get_comparison (f->page)->n_models, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 5);
}

/* Issue 15.5: a legend entry is as wide as the longest model name, not cut at 180 px
 * ("Claude 3.5 Sonnet (b…"): long names take more legend rows. */
static void
test_page_chart_legend_whole (Fixture       *f,
                              gconstpointer  data)
{
  LbCompareChart *chart;
  int short_nat, long_nat;
  LbModel *a = g_ptr_array_index (f->models, 0);

  choose_abc (f);
  chart = LB_COMPARE_CHART (find_one (GTK_WIDGET (f->page), LB_TYPE_COMPARE_CHART));
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 720, NULL, &short_nat, NULL, NULL);

  g_free (a->name);
  a->name = g_strdup ("Claude 3.5 Sonnet (beta) on the company's own servers");
  lb_compare_page_set_data (f->page, f->benchmarks, f->models, f->results, f->gaps, f->profiles);
  choose_abc (f);
  chart = LB_COMPARE_CHART (find_one (GTK_WIDGET (f->page), LB_TYPE_COMPARE_CHART));
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 720, NULL, &long_nat, NULL, NULL);
  /* three entries no longer fit on one 720 px row: at least one more row of 20 px */
  g_assert_cmpint (long_nat, >=, short_nat + 20);
}

static void
test_page_chart (Fixture       *f,
                 gconstpointer  data)
{
  LbCompareChart *chart;
  g_autofree char *description = NULL;
  GdkRGBA color;
  int min, nat;

  choose_abc (f);
  chart = LB_COMPARE_CHART (find_one (GTK_WIDGET (f->page), LB_TYPE_COMPARE_CHART));
  g_assert_true (lb_compare_chart_get_comparison (chart) == lb_compare_page_get_comparison (f->page));
  description = lb_compare_chart_dup_description (chart);
  g_assert_cmpstr (description, ==,
                   "Bar chart of the rescaled scores (0 to 1, 1 = best) of 3 models on 3 benchmarks, and the composite. "
                   "“B” has the highest composite. The table shows the same values.");
  /* four groups (3 benchmarks + composite) of three bars each grow the chart */
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 720, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, >, 4 * 3 * 14);
  g_assert_cmpint (min, <=, nat);

  /* Okabe–Ito: orange first, black last — grey on a dark style */
  lb_compare_chart_model_color (0, FALSE, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0xE6 / 255.0, 1e-6);
  lb_compare_chart_model_color (7, TRUE, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0xBB / 255.0, 1e-6);
  lb_compare_chart_model_color (7, FALSE, &color);
  g_assert_cmpfloat_with_epsilon (color.red, 0.0, 1e-6);

  /* draw it once, in both styles */
  {
    GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_STACK);

    gtk_stack_set_visible_child_name (GTK_STACK (stack), "chart");
    run_main_loop (200);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    run_main_loop (200);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));

    /* the table, hidden meanwhile, shows the comparison of when it is shown again */
    gtk_stack_set_visible_child_name (GTK_STACK (stack), "chart");
    g_assert_true (lb_compare_page_select_profile (f->page, "Support bot"));
    run_main_loop (100);
    gtk_stack_set_visible_child_name (GTK_STACK (stack), "table");
    run_main_loop (200);
    g_assert_nonnull (find_label (f, "0.821"));   /* C with the profile: 23/28 */
    g_assert_nonnull (find_label (f, "0.643"));   /* A: 9/14 */
    g_assert_null (find_label (f, "0.619"));      /* A with equal weights is gone */
    gtk_stack_set_visible_child_name (GTK_STACK (stack), "chart");
    run_main_loop (100);

    /* it scrolls itself: the scrolled window hands it the adjustment, sized to the content */
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (chart));

      g_assert_nonnull (vadjustment);
      g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >=, nat);
      g_assert_cmpfloat (gtk_adjustment_get_page_size (vadjustment), ==, gtk_widget_get_height (GTK_WIDGET (chart)));
    }
  }
}

/* The same leaderboard written to a store, as the importer would. */
static gint64
fill_store (Fixture *f,
            LbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImport) import = g_new0 (LbImport, 1);
  gint64 lb, import_id;
  gint64 benchmark_ids[3], model_ids[4];

  lb = lb_store_create_leaderboard (store, "Chatbots", &error);
  g_assert_no_error (error);
  for (guint b = 0; b < f->benchmarks->len; b++)
    {
      benchmark_ids[b] = lb_store_ensure_benchmark (store, lb, ((LbBenchmark *) g_ptr_array_index (f->benchmarks, b))->name,
                                                    g_ptr_array_index (f->benchmarks, b), NULL, &error);
      g_assert_no_error (error);
    }
  for (guint m = 0; m < f->models->len; m++)
    {
      model_ids[m] = lb_store_ensure_model (store, lb, ((LbModel *) g_ptr_array_index (f->models, m))->name,
                                            NULL, NULL, &error);
      g_assert_no_error (error);
    }
  import->leaderboard_id = lb;
  import->file_name = g_strdup ("chatbots.csv");
  import->sha256 = g_strdup ("00");
  import->layout = g_strdup ("wide");
  import->status = LB_IMPORT_COMPLETE;
  import->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  g_assert_true (lb_store_begin (store, &error));
  import_id = lb_store_add_import (store, import, &error);
  for (guint i = 0; i < f->results->len; i++)
    {
      LbResult result = *(LbResult *) g_ptr_array_index (f->results, i);

      result.leaderboard_id = lb;
      result.model_id = model_ids[result.model_id - 1];
      result.benchmark_id = benchmark_ids[result.benchmark_id - 100];
      result.import_id = import_id;
      g_assert_cmpint (lb_store_add_result (store, &result, &error), >, 0);
    }
  {
    LbGap gap = *(LbGap *) g_ptr_array_index (f->gaps, 0);

    gap.leaderboard_id = lb;
    gap.model_id = model_ids[gap.model_id - 1];
    gap.benchmark_id = benchmark_ids[gap.benchmark_id - 100];
    gap.import_id = import_id;
    g_assert_cmpint (lb_store_add_gap (store, &gap, &error), >, 0);
  }
  g_assert_true (lb_store_finish_import (store, import_id, 5, f->results->len, &error));
  g_assert_true (lb_store_commit (store, &error));
  g_assert_no_error (error);
  return lb;
}

static void
test_page_store (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (":memory:", &error);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(LbProfile) profile = NULL;
  g_autoptr(LbProfile) bad = NULL;
  g_autoptr(GPtrArray) models = NULL;
  LbComparison *c;
  gint64 lb, ids[3];
  LbWeight *w;

  g_assert_no_error (error);
  lb = fill_store (f, store);
  lb_compare_page_load (f->page, store, lb);
  run_main_loop (200);

  /* the four models with the most results, in the leaderboard's order (by name) */
  c = lb_compare_page_get_comparison (f->page);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->n_models, ==, 4);
  g_assert_cmpstr (c->models[0].model->name, ==, "A");

  models = lb_store_list_models (store, lb, &error);
  for (guint i = 0; i < 3; i++)
    ids[i] = ((LbModel *) g_ptr_array_index (models, i))->id;
  lb_compare_page_set_chosen (f->page, ids, 3);
  run_main_loop (200);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_cmpuint (c->n_models, ==, 3);
  g_assert_cmpint (lb_compare_cell_reason (lb_comparison_get_cell (c, 2, 1)) != NULL, ==, TRUE);
  g_assert_nonnull (find_label (f, "—"));
  g_assert_cmpstr (gtk_label_get_text (find_label (f, "—")), ==, "—\nThe cell is empty.");

  /* saving a profile writes it to the store and selects it */
  profile = g_new0 (LbProfile, 1);
  profile->name = g_strdup ("Support bot");
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  w = g_new0 (LbWeight, 1);
  w->benchmark = g_strdup ("X");
  w->weight = 3;
  g_ptr_array_add (profile->weights, w);
  w = g_new0 (LbWeight, 1);
  w->benchmark = g_strdup ("Y");
  w->weight = 1;
  g_ptr_array_add (profile->weights, w);
  g_assert_true (lb_compare_page_save_profile (f->page, profile, &error));
  g_assert_no_error (error);
  run_main_loop (100);
  profiles = lb_store_list_profiles (store, lb, &error);
  g_assert_cmpuint (profiles->len, ==, 1);
  g_assert_cmpint (((LbProfile *) g_ptr_array_index (profiles, 0))->leaderboard_id, ==, lb);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_cmpstr (c->profile_name, ==, "Support bot");
  g_assert_cmpuint (c->n_models, ==, 3);   /* the choice survives the reload */
  g_assert_cmpstr (c->robustness_text, ==, "“C” is on top, but leaving out “X” puts “B” on top.");

  /* a profile that weighs nothing is refused, and the store keeps the one it has */
  bad = lb_profile_copy (profile);
  g_free (bad->name);
  bad->name = g_strdup ("Nothing");
  ((LbWeight *) g_ptr_array_index (bad->weights, 0))->weight = 0;
  ((LbWeight *) g_ptr_array_index (bad->weights, 1))->weight = 0;
  g_assert_false (lb_compare_page_save_profile (f->page, bad, &error));
  g_assert_error (error, LB_COMPARE_ERROR, LB_COMPARE_ERROR_INVALID_PROFILE);
  g_clear_error (&error);
  g_clear_pointer (&profiles, g_ptr_array_unref);
  profiles = lb_store_list_profiles (store, lb, &error);
  g_assert_cmpuint (profiles->len, ==, 1);

  /* the window's contract: "store" and "leaderboard-id" */
  g_assert_true (lb_compare_page_get_comparison (f->page) != NULL);
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
    g_autoptr(LbStore) got = NULL;
    gint64 got_id = -1;
    gint64 empty;

    g_object_get (f->page, "store", &got, "leaderboard-id", &got_id, NULL);
    g_assert_true (got == store);
    g_assert_cmpint (got_id, ==, lb);

    g_object_set (f->page, "leaderboard-id", (gint64) 0, NULL);
    run_main_loop (100);
    g_assert_null (lb_compare_page_get_comparison (f->page));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 1);

    /* a leaderboard with one model says what to do */
    empty = lb_store_create_leaderboard (store, "Lonely", &error);
    g_assert_no_error (error);
    lb_store_ensure_model (store, empty, "Solo", NULL, NULL, &error);
    g_assert_no_error (error);
    g_object_set (f->page, "leaderboard-id", empty, NULL);
    run_main_loop (100);
    g_assert_null (lb_compare_page_get_comparison (f->page));
    g_assert_true (label_shows (f, "This leaderboard has 1 model; a comparison needs at least two. Import the results of more models."));

    g_object_set (f->page, "leaderboard-id", lb, NULL);
    run_main_loop (100);
    g_assert_nonnull (lb_compare_page_get_comparison (f->page));
    lb_compare_page_set_chosen (f->page, ids, 3);
    lb_compare_page_select_profile (f->page, "Support bot");
  }

  /* a change written elsewhere (a model renamed) shows up */
  g_assert_true (lb_store_set_model_field (store, ids[2], LB_MODEL_FIELD_NAME, "C-2", &error));
  g_assert_no_error (error);
  run_main_loop (100);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_cmpstr (c->models[2].model->name, ==, "C-2");
  g_assert_cmpstr (c->profile_name, ==, "Support bot");
}

/* The lines above the table take the height they need at the window's width, no more: the
 * Table/Chart switcher follows the notes, with no empty band between them (GTK 4.8's scrolled
 * window asked for the height the lines need at their narrow natural width). */
static void
test_page_no_gap (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *notes = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "notes_label"));
  GtkWidget *text_box = gtk_widget_get_parent (notes);
  GtkWidget *switcher = find_one (GTK_WIDGET (f->page), GTK_TYPE_STACK_SWITCHER);
  GtkWidget *stack = GTK_WIDGET (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)));
  graphene_rect_t text_bounds, switcher_bounds;

  gtk_window_set_default_size (f->window, 1280, 600);
  choose_abc (f);
  g_assert_true (gtk_widget_get_visible (notes));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (notes)), !=, "");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->page)), ==, 600);
  g_assert_true (gtk_widget_compute_bounds (text_box, GTK_WIDGET (f->page), &text_bounds));
  g_assert_true (gtk_widget_compute_bounds (switcher, GTK_WIDGET (f->page), &switcher_bounds));
  /* the text box's bottom margin (6) and a little */
  g_assert_cmpfloat (switcher_bounds.origin.y - (text_bounds.origin.y + text_bounds.size.height), <=, 10);
  g_assert_cmpfloat (switcher_bounds.origin.y - (text_bounds.origin.y + text_bounds.size.height), >=, 0);
  /* and the table gets the rest */
  g_assert_cmpint (gtk_widget_get_height (stack), >=, 300);
}

/* Issue 15.5: in a short or narrow window the controls and notes took all the height they
 * wanted and left the table 80 px (800 × 600, 360 px wide); the table keeps half of it. */
static void
test_page_table_keeps_share (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *switcher = find_one (GTK_WIDGET (f->page), GTK_TYPE_STACK_SWITCHER);
  GtkWidget *stack = GTK_WIDGET (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)));
  GtkWidget *top = gtk_widget_get_first_child (gtk_widget_get_parent (stack));
  int page_height, top_natural = 0, rest;

  gtk_window_set_default_size (f->window, 360, 420);
  choose_abc (f);
  page_height = gtk_widget_get_height (GTK_WIDGET (f->page));
  g_assert_cmpint (page_height, ==, 420);
  gtk_widget_measure (top, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (top), NULL, &top_natural, NULL, NULL);
  rest = page_height - gtk_widget_get_height (switcher) - gtk_widget_get_margin_bottom (switcher);
  /* the lines above the table would like more than half */
  g_assert_cmpint (top_natural, >, rest / 2);
  g_assert_cmpint (gtk_widget_get_height (stack), >=, rest / 2);
  g_assert_cmpint (gtk_widget_get_height (top), <, top_natural);
}

/* Issue 16.4: scores of one benchmark under different stated settings are flagged on the
 * benchmark's row and in the notes above the table, with each model's settings; the cell's
 * tooltip says its own. */
static void
test_page_settings_differ (Fixture       *f,
                           gconstpointer  data)
{
  GtkLabel *x;
  const LbComparison *c;

  for (guint i = 0; i < f->results->len; i++)
    {
      LbResult *r = g_ptr_array_index (f->results, i);

      if (r->benchmark_id == 100)
        r->settings = g_strdup (r->model_id == 2 ? "harness 1.0; 0-shot" : "harness 1.0; 5-shot");
      if (r->benchmark_id == 101)
        r->settings = g_strdup ("harness 1.0; 5-shot");
    }
  lb_compare_page_set_data (f->page, f->benchmarks, f->models, f->results, f->gaps, f->profiles);
  choose_abc (f);
  c = lb_compare_page_get_comparison (f->page);
  g_assert_true (c->rows[0].settings_differ);
  g_assert_false (c->rows[1].settings_differ);
  x = find_label (f, "X ↑");
  g_assert_nonnull (x);
  g_assert_nonnull (strstr (gtk_label_get_text (x), "scores under different settings"));
  g_assert_null (strstr (gtk_label_get_text (find_label (f, "Y ↑")), "different settings"));
  /* "weight 1" is never split over two lines in the narrow benchmark column. */
  g_assert_nonnull (strstr (gtk_label_get_text (find_label (f, "Y ↑")), "weight\u00a01"));
  {
    /* the notes above the table: one label, a line per note */
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean noted = FALSE;

    collect (GTK_WIDGET (f->page), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      noted |= strstr (gtk_label_get_text (g_ptr_array_index (labels, i)),
                       "The scores on “X” were produced under different settings "
                       "(“harness 1.0; 5-shot” for “A”, “C”; “harness 1.0; 0-shot” for “B”), "
                       "so they are not comparable as they stand") != NULL;
    g_assert_true (noted);
  }
}

/* The picker's list is brought up to date when it opens, not on every change behind it: its
 * check buttons then show the choice made while it was closed. */
static void
test_page_picker_shows_choice (Fixture       *f,
                               gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE,
                                                                          "models_button"));
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), LB_TYPE_COMPARE_PAGE, "model_list"));
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  guint n_active = 0;

  run_main_loop (300);
  choose_abc (f);
  gtk_menu_button_popup (button);
  run_main_loop (300);
  collect (list, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 4);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gboolean chosen = g_strcmp0 (gtk_check_button_get_label (check), "D") != 0;

      g_assert_cmpint (gtk_check_button_get_active (check), ==, chosen);
      n_active += chosen;
    }
  g_assert_cmpuint (n_active, ==, 3);
  gtk_menu_button_popdown (button);
}

int
main (int argc, char *argv[])
{
  /* no accessibility bus on a test display; the chart's description is checked directly */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/compare-page/table", Fixture, NULL, fixture_setup, test_page_table, fixture_teardown);
  g_test_add ("/compare-page/settings-differ", Fixture, NULL, fixture_setup, test_page_settings_differ, fixture_teardown);
  g_test_add ("/compare-page/fold-and-lone-partial", Fixture, NULL, fixture_setup, test_page_fold_and_lone_partial, fixture_teardown);
  g_test_add ("/compare-page/percent-points", Fixture, NULL, fixture_setup, test_page_percent_points, fixture_teardown);
  g_test_add ("/compare-page/controls-stay", Fixture, NULL, fixture_setup, test_page_controls_stay, fixture_teardown);
  g_test_add ("/compare-page/narrow", Fixture, NULL, fixture_setup, test_page_narrow, fixture_teardown);
  g_test_add ("/compare-page/no-gap", Fixture, NULL, fixture_setup, test_page_no_gap, fixture_teardown);
  g_test_add ("/compare-page/table-keeps-share", Fixture, NULL, fixture_setup, test_page_table_keeps_share, fixture_teardown);
  g_test_add ("/compare-page/profile", Fixture, NULL, fixture_setup, test_page_profile, fixture_teardown);
  g_test_add ("/compare-page/profile-editor", Fixture, NULL, fixture_setup, test_page_profile_editor, fixture_teardown);
  g_test_add ("/compare-page/default-choice", Fixture, NULL, fixture_setup, test_page_default_choice, fixture_teardown);
  g_test_add ("/compare-page/too-few", Fixture, NULL, fixture_setup, test_page_too_few, fixture_teardown);
  g_test_add ("/compare-page/store", Fixture, NULL, fixture_setup, test_page_store, fixture_teardown);
  g_test_add ("/compare-page/chart-legend-whole", Fixture, NULL, fixture_setup, test_page_chart_legend_whole, fixture_teardown);
  g_test_add ("/compare-page/picker-shows-choice", Fixture, NULL, fixture_setup, test_page_picker_shows_choice, fixture_teardown);
  g_test_add ("/compare-page/chart", Fixture, NULL, fixture_setup, test_page_chart, fixture_teardown);
  return g_test_run ();
}
