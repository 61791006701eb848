/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-lbom.c: LBOM import into an in-memory store; what imports must export and import again */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "lb-lbom.h"

static LbStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  LbStore *store = lb_store_open (":memory:", &error);

  g_assert_no_error (error);
  lb_store_set_user (store, "Fuzzer");
  return store;
}

static guint
count_leaderboards (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lb_store_list_leaderboards (store, &error);

  g_assert_no_error (error);
  return all->len;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbStore) again = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) names_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  fuzz_setup ();
  store = new_store ();
  if (!lb_lbom_import (store, (const char *) data, (gssize) size, &names, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LB_LBOM_ERROR || error->domain == LB_STORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* All or nothing. */
      g_assert_cmpuint (count_leaderboards (store), ==, 0);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count_leaderboards (store), ==, names->len);

  /* What was accepted is written out again and reads back as the same document. */
  exported = lb_lbom_export (store, NULL, 0, &error);
  g_assert_no_error (error);
  again = new_store ();
  if (!lb_lbom_import (again, exported, -1, &names_again, &error))
    g_error ("An accepted document does not import again after export: %s\n%s",
             error->message, exported);
  g_assert_cmpuint (names_again->len, ==, names->len);
  exported_again = lb_lbom_export (again, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, exported_again);
  return 0;
}
