/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import.c: the importer from a file into an in-memory store, all or nothing */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "lb-importer.h"

/* The importer reads a GFile: one scratch file per process, rewritten for each input. */
static const char *
scratch_path (void)
{
  static char *path = NULL;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      int fd = g_file_open_tmp ("lb-fuzz-import-XXXXXX.csv", &path, &error);

      g_assert_no_error (error);
      close (fd);
    }
  return path;
}

/* Without g_file_set_contents()'s fsync: tens of thousands of runs a minute. */
static void
write_scratch (const char    *path,
               const uint8_t *data,
               size_t         size)
{
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (data, 1, size, out), ==, size);
  g_assert_cmpint (fclose (out), ==, 0);
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
  g_autoptr(LbImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LbImportOutcome outcome = { 0 };
  const char *path;
  gboolean long_layout;

  fuzz_setup ();
  if (size < 1)
    return 0;
  /* The first byte chooses the layout the user forces (or none). */
  long_layout = data[0] & 1;
  path = scratch_path ();
  write_scratch (path, data + 1, size - 1);
  file = g_file_new_for_path (path);
  store = lb_store_open (":memory:", &error);
  g_assert_no_error (error);
  lb_store_set_user (store, "Fuzzer");

  importer = lb_importer_new (file, NULL, store, NULL, &error);
  if (importer == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (count_leaderboards (store), ==, 0);
      return 0;
    }
  if (data[0] & 2)
    lb_importer_set_layout (importer, long_layout ? LB_LAYOUT_LONG : LB_LAYOUT_WIDE);

  if (!lb_importer_run (importer, store, "Fuzz", LB_IMPORT_FLAGS_FORCE, NULL, NULL, NULL,
                        &outcome, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* On any error nothing is written. */
      g_assert_cmpuint (count_leaderboards (store), ==, 0);
    }
  else
    {
      g_autoptr(GPtrArray) results = lb_store_list_results (store, outcome.leaderboard_id, FALSE,
                                                            &error);

      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, outcome.results);
      g_assert_cmpuint (outcome.results, >, 0);
    }
  lb_import_outcome_clear (&outcome);
  return 0;
}
