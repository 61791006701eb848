/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells-private.h: what the tests reach inside lb_smells_run() */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LB_SMELLS_RUN_COMPUTING,  /* the snapshot is read; no transaction is open */
  LB_SMELLS_RUN_WRITING,    /* the checks are done; the write transaction comes next */
} LbSmellsRunStage;

typedef void (*LbSmellsRunHook) (LbSmellsRunStage stage,
                                 gpointer         data);

/* Tests only: @hook is called at each stage of every lb_smells_run() (NULL: none). */
void lb_smells_run_set_test_hook (LbSmellsRunHook hook,
                                  gpointer        data);
void lb_smells_run_test_hook     (LbSmellsRunStage stage);

G_END_DECLS
