/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare-page.c: how long the comparison page takes to show a change, on a display.
 * Not a test: build-aux/bench/bench-compare-page.sh runs it under Xvfb and prints the times. */

#include "config.h"

#include <adwaita.h>

#include "lb-compare-chart.h"
#include "lb-compare-page.h"

#define RUNS 9

static const guint chosen_counts[] = { 5, 20, 200 };
/* Issue 17's goals, with 200 models compared: choosing them, and a change of profile or
 * selection. */
#define GOAL_MODELS 200
#define GOAL_CHOOSE_MS 200.0
#define GOAL_CHANGE_MS 50.0

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a frame has been painted after the change (or 5 s went by: a
 * change that shows nothing new paints nothing). */
static void
wait_for_frame (void)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  painted = FALSE;
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_printerr ("no frame was painted within 5 s of a change\n");
  else
    g_source_remove (id);
  /* and whatever was queued during that frame */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef void (*ChangeFunc) (LbComparePage *page, guint run);

/* Between the saved profile and equal weights, whichever is not shown. */
static void
change_profile (LbComparePage *page,
                guint          run)
{
  static gboolean weighted;

  weighted = !weighted;
  g_assert_true (lb_compare_page_select_profile (page, weighted ? "Support bot" : NULL));
}

static guint n_chosen;

/* The first @n_chosen models but one, a different one each time. */
static void
change_selection (LbComparePage *page,
                  guint          run)
{
  g_autofree gint64 *ids = g_new (gint64, n_chosen);
  guint n = 0;

  for (guint m = 0; m < n_chosen; m++)
    if (m != run % n_chosen)
      ids[n++] = m + 1;
  lb_compare_page_set_chosen (page, ids, n);
}

static void
choose_first (LbComparePage *page,
              guint          n)
{
  g_autofree gint64 *ids = g_new (gint64, n);

  for (guint m = 0; m < n; m++)
    ids[m] = m + 1;
  n_chosen = n;
  lb_compare_page_set_chosen (page, ids, n);
  wait_for_frame ();
}

static double
median_ms (LbComparePage *page,
           ChangeFunc     change)
{
  double times[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      change (page, run);
      wait_for_frame ();
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof times[0], cmp_double);
  return times[RUNS / 2];
}

/* What a figure says about its goal, when it has one. */
static const char *
goal_text (gboolean has_goal,
           double   ms,
           double   goal_ms)
{
  static char text[64];

  if (!has_goal)
    return "";
  g_snprintf (text, sizeof text, "  goal < %.0f ms: %s", goal_ms, ms < goal_ms ? "met" : "NOT met");
  return text;
}

int
main (int   argc,
      char *argv[])
{
  guint n_models = argc > 1 ? (guint) atoi (argv[1]) : 200;
  guint n_benchmarks = argc > 2 ? (guint) atoi (argv[2]) : 50;
  g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_benchmark_free);
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_model_free);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_result_free);
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_gap_free);
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_profile_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251128);
  LbProfile *profile;
  GtkWindow *window;
  LbComparePage *page;
  GdkFrameClock *clock;
  gint64 start;

  adw_init ();
  setvbuf (stdout, NULL, _IOLBF, 0);

  for (guint b = 0; b < n_benchmarks; b++)
    {
      LbBenchmark *benchmark = g_new0 (LbBenchmark, 1);

      benchmark->id = b + 1;
      benchmark->leaderboard_id = 1;
      benchmark->position = (int) b;
      benchmark->name = g_strdup_printf ("Benchmark %u", b + 1);
      benchmark->higher_is_better = b % 7 != 3;
      benchmark->direction_confirmed = TRUE;
      g_ptr_array_add (benchmarks, benchmark);
    }
  for (guint m = 0; m < n_models; m++)
    {
      LbModel *model = g_new0 (LbModel, 1);

      model->id = m + 1;
      model->leaderboard_id = 1;
      model->name = g_strdup_printf ("Model %u", m + 1);
      g_ptr_array_add (models, model);
      for (guint b = 0; b < n_benchmarks; b++)
        {
          LbResult *r = g_new0 (LbResult, 1);

          r->id = (gint64) (m * n_benchmarks + b + 1);
          r->leaderboard_id = 1;
          r->model_id = model->id;
          r->benchmark_id = b + 1;
          r->score = g_rand_double_range (rand, 20, 95);
          r->raw = g_strdup_printf ("%.1f", r->score);
          r->current = TRUE;
          r->import_id = 1;
          r->source_row = m + 2;
          r->source_column = b + 2;
          g_ptr_array_add (results, r);
        }
    }
  profile = g_new0 (LbProfile, 1);
  profile->id = 1;
  profile->leaderboard_id = 1;
  profile->name = g_strdup ("Support bot");
  profile->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  for (guint b = 0; b < n_benchmarks; b += 3)
    {
      LbWeight *w = g_new0 (LbWeight, 1);

      w->benchmark = g_strdup_printf ("Benchmark %u", b + 1);
      w->weight = 1 + b % 4;
      g_ptr_array_add (profile->weights, w);
    }
  g_ptr_array_add (profiles, profile);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 760);
  page = LB_COMPARE_PAGE (lb_compare_page_new ());
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  start = g_get_monotonic_time ();
  lb_compare_page_set_data (page, benchmarks, models, results, gaps, profiles);
  wait_for_frame ();
  printf ("%u models × %u benchmarks, window 1100 × 760; the median of %d changes, from the call\n"
          "to the next painted frame (goals with %u models compared: choose them under %.0f ms,\n"
          "a change under %.0f ms)\n", n_models, n_benchmarks, RUNS, GOAL_MODELS, GOAL_CHOOSE_MS,
          GOAL_CHANGE_MS);
  printf ("  %-44s %8.1f ms (once)\n", "open the page (its default choice)",
          (g_get_monotonic_time () - start) / 1000.0);
  for (guint k = 0; k < G_N_ELEMENTS (chosen_counts); k++)
    {
      guint n = MIN (chosen_counts[k], n_models);
      gboolean goal = n == GOAL_MODELS;
      double choose, profile_ms, selection;

      start = g_get_monotonic_time ();
      choose_first (page, n);
      choose = (g_get_monotonic_time () - start) / 1000.0;
      printf ("  %u models compared:\n", n);
      printf ("    %-42s %8.1f ms (once)%s\n", "choose them", choose, goal_text (goal, choose, GOAL_CHOOSE_MS));
      profile_ms = median_ms (page, change_profile);
      printf ("    %-42s %8.1f ms%s\n", "change the profile", profile_ms, goal_text (goal, profile_ms, GOAL_CHANGE_MS));
      selection = median_ms (page, change_selection);
      printf ("    %-42s %8.1f ms%s\n", "leave one of them out", selection, goal_text (goal, selection, GOAL_CHANGE_MS));
    }
  gtk_window_destroy (window);
  return 0;
}
