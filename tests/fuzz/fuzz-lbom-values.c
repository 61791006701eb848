/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-lbom-values.c: one fuzzed value at a time in an otherwise valid LBOM document. The
 * first byte says where (a model's name, a score, a weight, an id, …), the rest is put there
 * as it is (JSON text). Whatever is accepted must be stored as valid, finite, bounded values
 * under clean, distinct names; whatever is refused names the place and writes nothing. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "lb-lbom.h"

typedef struct {
  const char *path;      /* what a refusal of a value there must name */
  const char *before;    /* the document up to the value */
} Slot;

/* The document is DOC_HEAD, the slot's value or the default, … as laid out in template[]. */
static const char *const template[] = {
  "{\"format\": \"lbom\", \"version\": 1, \"leaderboards\": [{\"name\": \"Board\",\n"
  " \"benchmarks\": [{\"name\": ", "\"JMMLU\"",
  ", \"higher_is_better\": true, \"scale_min\": ", "0",
  ", \"scale_max\": 100}],\n \"models\": [{\"name\": ", "\"Model A\"",
  "}, {\"name\": \"Model B\"}],\n \"imports\": [{\"id\": ", "7",
  "}],\n \"results\": [{\"model\": ", "\"Model A\"",
  ", \"benchmark\": \"JMMLU\", \"score\": ", "85.3",
  ", \"stderr\": ", "1.5",
  ", \"source\": {\"import\": 7, \"row\": ", "2",
  ", \"column\": 2}},\n  {\"model\": \"Model B\", \"benchmark\": \"JMMLU\", \"score\": 70}],\n"
  " \"profiles\": [{\"name\": \"P\", \"weights\": {", "\"JMMLU\"",
  ": ", "1",
  "}}]}]}\n",
};

/* The paths of the slots, in the order of the values above. */
static const char *const slot_paths[] = {
  "leaderboards[0].benchmarks[0]",
  "leaderboards[0].benchmarks[0]",
  "leaderboards[0].models[0]",
  "leaderboards[0].imports[0]",
  "leaderboards[0].results[0]",
  "leaderboards[0].results[0]",
  "leaderboards[0].results[0]",
  "leaderboards[0].results[0].source",
  "leaderboards[0].profiles[0].weights",
  "leaderboards[0].profiles[0].weights",
};

#define N_SLOTS G_N_ELEMENTS (slot_paths)

G_STATIC_ASSERT (G_N_ELEMENTS (template) == 2 * N_SLOTS + 1);

static LbStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  LbStore *store = lb_store_open (":memory:", &error);

  g_assert_no_error (error);
  lb_store_set_user (store, "Fuzzer");
  return store;
}

static void
assert_clean_name (const char *name)
{
  gsize length;

  g_assert_nonnull (name);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  length = strlen (name);
  g_assert_cmpuint (length, >, 0);
  g_assert_false (g_ascii_isspace (name[0]) || g_ascii_isspace (name[length - 1]));
  g_assert_null (strstr (name, "\xe2\x80\x8b"));  /* U+200B */
  g_assert_null (strstr (name, "\xef\xbb\xbf"));  /* U+FEFF */
}

static void
assert_number (double value)
{
  g_assert_true (isfinite (value));
  g_assert_cmpfloat (fabs (value), <=, LB_LBOM_MAX_MAGNITUDE);
}

/* Every value of what was stored is one Leaderboard can show, compare and write again. */
static void
check_stored (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeaderboard) board = lb_store_find_leaderboard (store, "Board", &error);
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  models = lb_store_list_models (store, board->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < models->len; i++)
    {
      const LbModel *model = g_ptr_array_index (models, i);

      assert_clean_name (model->name);
      g_assert_true (g_hash_table_add (seen, model->name));
    }
  g_assert_cmpuint (models->len, ==, 2);
  benchmarks = lb_store_list_benchmarks (store, board->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < benchmarks->len; i++)
    {
      const LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);

      assert_clean_name (benchmark->name);
      if (benchmark->has_scale)
        {
          assert_number (benchmark->scale_min);
          assert_number (benchmark->scale_max);
        }
    }
  results = lb_store_list_results (store, board->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  for (guint i = 0; i < results->len; i++)
    {
      const LbResult *result = g_ptr_array_index (results, i);

      assert_number (result->score);
      if (result->has_stderr)
        {
          assert_number (result->stderr_value);
          g_assert_cmpfloat (result->stderr_value, >=, 0.0);
        }
    }
  profiles = lb_store_list_profiles (store, board->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < profiles->len; i++)
    {
      const LbProfile *profile = g_ptr_array_index (profiles, i);

      for (guint j = 0; j < profile->weights->len; j++)
        {
          const LbWeight *weight = g_ptr_array_index (profile->weights, j);

          assert_clean_name (weight->benchmark);
          assert_number (weight->weight);
          g_assert_cmpfloat (weight->weight, >=, 0.0);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbStore) again = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) names_again = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) document = g_string_new (NULL);
  g_autofree char *exported = NULL;
  guint slot;

  if (size == 0)
    return 0;
  fuzz_setup ();
  slot = data[0] % N_SLOTS;
  for (guint i = 0; i < G_N_ELEMENTS (template); i++)
    {
      if (i % 2 == 1 && i / 2 == slot)
        g_string_append_len (document, (const char *) data + 1, (gssize) size - 1);
      else
        g_string_append (document, template[i]);
    }

  store = new_store ();
  if (!lb_lbom_import (store, document->str, (gssize) document->len, &names, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LB_LBOM_ERROR || error->domain == LB_STORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* A value refused by the checks names its place (JSON that does not parse, or that
       * changes the document's shape, is refused as such). */
      if (error->code == LB_LBOM_ERROR_INVALID && strstr (error->message, "leaderboards[0]") == NULL
          && strstr (error->message, "the top level") == NULL)
        g_error ("The refusal does not say where (slot %s): %s", slot_paths[slot], error->message);
      all = lb_store_list_leaderboards (store, NULL);
      g_assert_cmpuint (all->len, ==, 0);
      return 0;
    }
  g_assert_no_error (error);
  check_stored (store);

  exported = lb_lbom_export (store, NULL, 0, &error);
  g_assert_no_error (error);
  again = new_store ();
  if (!lb_lbom_import (again, exported, -1, &names_again, &error))
    g_error ("An accepted document does not import again after export: %s\n%s",
             error->message, exported);
  check_stored (again);
  return 0;
}
