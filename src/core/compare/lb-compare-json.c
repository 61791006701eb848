/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-compare-json.c: a comparison as data, for the CLI's --json and for tests */

#define G_LOG_DOMAIN "lb-compare"

#include "config.h"

#include "lb-compare.h"
#include "lb-json-writer.h"

static void
add_number_or_null (LbJsonWriter *w,
                    const char   *member,
                    gboolean      has,
                    double        value)
{
  lb_json_writer_member (w, member);
  lb_json_writer_double (w, has, value);
}

static void
add_string_or_null (LbJsonWriter *w,
                    const char   *member,
                    const char   *value)
{
  lb_json_writer_member (w, member);
  lb_json_writer_string (w, value);
}

static const char *
normalization_id (LbNormalization method)
{
  return method == LB_NORMALIZE_DECLARED_SCALE ? "declared-scale" : "min-max";
}

static void
add_cell (LbJsonWriter        *w,
          const LbComparison  *self,
          const LbCompareRow  *row,
          guint                m)
{
  const LbCompareCell *cell = &row->cells[m];
  static const char *const kinds[] = { "value", "missing", "not-evaluated", "withdrawn" };
  static const char *const significances[] = { "unknown", "distinguishable", "not-distinguishable" };

  lb_json_writer_begin_object (w);
  lb_json_writer_member (w, "model");
  lb_json_writer_string (w, self->models[m].model->name);
  lb_json_writer_member (w, "status");
  lb_json_writer_string (w, kinds[cell->kind]);
  add_number_or_null (w, "score", cell->kind == LB_CELL_VALUE, cell->score);
  add_number_or_null (w, "stderr", cell->has_stderr, cell->stderr_value);
  lb_json_writer_member (w, "stderr_binomial");
  lb_json_writer_boolean (w, cell->stderr_binomial);
  add_number_or_null (w, "normalized", cell->kind == LB_CELL_VALUE, cell->normalized);
  lb_json_writer_member (w, "best");
  lb_json_writer_boolean (w, cell->best);
  lb_json_writer_member (w, "baseline");
  lb_json_writer_boolean (w, cell->baseline);
  add_number_or_null (w, "difference", cell->has_difference, cell->difference);
  lb_json_writer_member (w, "difference_better");
  if (cell->has_difference)
    lb_json_writer_boolean (w, cell->difference_better);
  else
    lb_json_writer_null (w);
  lb_json_writer_member (w, "significance");
  if (cell->has_difference)
    lb_json_writer_string (w, significances[cell->significance]);
  else
    lb_json_writer_null (w);
  lb_json_writer_member (w, "in_composite");
  lb_json_writer_boolean (w, cell->in_composite);
  add_string_or_null (w, "raw", cell->raw);
  add_string_or_null (w, "reason", lb_compare_cell_reason (cell));
  lb_json_writer_member (w, "withdrawn");
  if (cell->kind == LB_CELL_WITHDRAWN)
    {
      g_autofree char *text = lb_compare_dup_withdrawn_text (row, cell);

      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "was_score");
      lb_json_writer_double (w, TRUE, cell->was_score);
      add_string_or_null (w, "was_raw", cell->was_raw);
      lb_json_writer_member (w, "was_import");
      lb_json_writer_int (w, cell->was_import_id);
      lb_json_writer_member (w, "was_row");
      lb_json_writer_int (w, cell->was_row);
      lb_json_writer_member (w, "was_column");
      lb_json_writer_int (w, cell->was_column);
      add_string_or_null (w, "text", text);
      lb_json_writer_end_object (w);
    }
  else
    lb_json_writer_null (w);
  add_string_or_null (w, "evaluated_at", cell->evaluated_at);
  add_string_or_null (w, "model_version", cell->model_version);
  add_string_or_null (w, "settings", cell->settings);
  add_string_or_null (w, "provenance", lb_provenance_class_to_string (cell->provenance));
  lb_json_writer_member (w, "source");
  if (cell->import_id != 0)
    {
      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "import");
      lb_json_writer_int (w, cell->import_id);
      lb_json_writer_member (w, "row");
      lb_json_writer_int (w, cell->source_row);
      lb_json_writer_member (w, "column");
      lb_json_writer_int (w, cell->source_column);
      if (cell->source_path != NULL)
        add_string_or_null (w, "path", cell->source_path);
      lb_json_writer_end_object (w);
    }
  else
    lb_json_writer_null (w);
  lb_json_writer_end_object (w);
}

static void
write_comparison (LbJsonWriter        *w,
                  const LbComparison  *self,
                  const char          *leaderboard)
{
  static const char *const flip_kinds[] = { "leave-out", "weight-up", "weight-down" };

  lb_json_writer_begin_object (w);
  lb_json_writer_member (w, "normalization");
  lb_json_writer_string (w, normalization_id (self->normalization));
  add_string_or_null (w, "profile", self->profile_name);
  lb_json_writer_member (w, "include_partial");
  lb_json_writer_boolean (w, self->include_partial);
  lb_json_writer_member (w, "baseline");
  lb_json_writer_string (w, self->models[self->baseline].model->name);
  lb_json_writer_member (w, "composite_benchmarks");
  lb_json_writer_int (w, self->n_composite);
  lb_json_writer_member (w, "benchmarks_compared");
  lb_json_writer_int (w, self->n_rows);
  lb_json_writer_member (w, "method");
  lb_json_writer_string (w, self->method_text);
  lb_json_writer_member (w, "coverage");
  lb_json_writer_string (w, self->coverage_text);
  lb_json_writer_member (w, "uncertainty");
  lb_json_writer_string (w, self->uncertainty_text);
  lb_json_writer_member (w, "notes");
  lb_json_writer_begin_array (w);
  for (guint i = 0; i < self->notes->len; i++)
    lb_json_writer_string (w, g_ptr_array_index (self->notes, i));
  lb_json_writer_end_array (w);

  lb_json_writer_member (w, "models");
  lb_json_writer_begin_array (w);
  for (guint m = 0; m < self->n_models; m++)
    {
      const LbCompareModel *model = &self->models[m];
      g_autofree char *coverage = lb_comparison_dup_model_coverage (self, m);

      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "name");
      lb_json_writer_string (w, model->model->name);
      add_string_or_null (w, "version", model->model->version);
      lb_json_writer_member (w, "baseline");
      lb_json_writer_boolean (w, model->baseline);
      lb_json_writer_member (w, "covered");
      lb_json_writer_int (w, model->n_covered);
      lb_json_writer_member (w, "benchmarks");
      lb_json_writer_int (w, model->n_benchmarks);
      lb_json_writer_member (w, "coverage");
      lb_json_writer_string (w, coverage);
      lb_json_writer_member (w, "partial");
      lb_json_writer_boolean (w, model->partial);
      add_number_or_null (w, "composite", model->has_composite, model->composite);
      add_number_or_null (w, "composite_stderr", model->has_composite_stderr, model->composite_stderr);
      lb_json_writer_member (w, "composite_benchmarks");
      lb_json_writer_int (w, model->composite_n);
      lb_json_writer_member (w, "rank");
      if (model->rank > 0)
        lb_json_writer_int (w, model->rank);
      else
        lb_json_writer_null (w);
      lb_json_writer_member (w, "rank_lo");
      if (model->rank_lo > 0)
        lb_json_writer_int (w, model->rank_lo);
      else
        lb_json_writer_null (w);
      lb_json_writer_member (w, "rank_hi");
      if (model->rank_hi > 0)
        lb_json_writer_int (w, model->rank_hi);
      else
        lb_json_writer_null (w);
      lb_json_writer_member (w, "tie_group");
      if (model->tie_group > 0)
        lb_json_writer_int (w, model->tie_group);
      else
        lb_json_writer_null (w);
      lb_json_writer_end_object (w);
    }
  lb_json_writer_end_array (w);

  lb_json_writer_member (w, "ranking");
  lb_json_writer_begin_array (w);
  for (guint i = 0; i < self->n_ranked; i++)
    lb_json_writer_string (w, self->models[self->ranking[i]].model->name);
  lb_json_writer_end_array (w);

  lb_json_writer_member (w, "benchmarks");
  lb_json_writer_begin_array (w);
  for (guint r = 0; r < self->n_rows; r++)
    {
      const LbCompareRow *row = &self->rows[r];

      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "name");
      lb_json_writer_string (w, row->benchmark->name);
      add_string_or_null (w, "unit", row->benchmark->unit);
      lb_json_writer_member (w, "higher_is_better");
      lb_json_writer_boolean (w, row->benchmark->higher_is_better);
      lb_json_writer_member (w, "weight");
      lb_json_writer_double (w, TRUE, row->weight);
      lb_json_writer_member (w, "normalization");
      lb_json_writer_string (w, normalization_id (row->method));
      add_number_or_null (w, "range_min", TRUE, row->range_min);
      add_number_or_null (w, "range_max", TRUE, row->range_max);
      lb_json_writer_member (w, "common");
      lb_json_writer_boolean (w, row->common);
      lb_json_writer_member (w, "in_composite");
      lb_json_writer_boolean (w, row->in_composite);
      lb_json_writer_member (w, "settings_differ");
      lb_json_writer_boolean (w, row->settings_differ);
      lb_json_writer_member (w, "cells");
      lb_json_writer_begin_array (w);
      for (guint m = 0; m < self->n_models; m++)
        add_cell (w, self, row, m);
      lb_json_writer_end_array (w);
      lb_json_writer_end_object (w);
    }
  lb_json_writer_end_array (w);

  lb_json_writer_member (w, "robustness");
  lb_json_writer_begin_object (w);
  lb_json_writer_member (w, "sentence");
  lb_json_writer_string (w, self->robustness_text);
  lb_json_writer_member (w, "tested");
  lb_json_writer_boolean (w, self->robustness_tested);
  add_string_or_null (w, "top", self->n_ranked > 0 ? self->models[self->ranking[0]].model->name : NULL);
  lb_json_writer_member (w, "top_robust");
  lb_json_writer_boolean (w, self->top_robust);
  lb_json_writer_member (w, "flips");
  lb_json_writer_begin_array (w);
  for (guint i = 0; i < self->flips->len; i++)
    {
      const LbCompareFlip *flip = &g_array_index (self->flips, LbCompareFlip, i);

      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "kind");
      lb_json_writer_string (w, flip_kinds[flip->kind]);
      lb_json_writer_member (w, "benchmark");
      lb_json_writer_string (w, self->rows[flip->row].benchmark->name);
      lb_json_writer_member (w, "new_top");
      lb_json_writer_string (w, self->models[flip->new_top].model->name);
      lb_json_writer_end_object (w);
    }
  lb_json_writer_end_array (w);
  lb_json_writer_end_object (w);

  if (leaderboard != NULL)
    add_string_or_null (w, "leaderboard", leaderboard);
  lb_json_writer_end_object (w);
}

gboolean
lb_comparison_write_json (const LbComparison  *self,
                          const char          *leaderboard,
                          LbJsonFlushFunc      flush,
                          gpointer             user_data,
                          GError             **error)
{
  g_autoptr(LbJsonWriter) w = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (flush != NULL, FALSE);

  w = lb_json_writer_new (flush, user_data);
  write_comparison (w, self, leaderboard);
  return lb_json_writer_finish (w, error);
}

JsonNode *
lb_comparison_to_json (const LbComparison *self)
{
  LbJsonWriter *w;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  w = lb_json_writer_new (NULL, NULL);
  write_comparison (w, self, NULL);
  text = lb_json_writer_steal_text (w);
  node = json_from_string (text, &error);
  /* The writer's own output: anything else is a bug here. */
  g_assert_no_error (error);
  return node;
}

