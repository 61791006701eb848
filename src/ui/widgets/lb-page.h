/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-page.h: the base of the window's pages: a store and the leaderboard they show */
#pragma once

#include <adwaita.h>
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_PAGE (lb_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbPage, lb_page, LB, PAGE, AdwBin)

struct _LbPageClass
{
  AdwBinClass parent_class;

  /* Show the leaderboard again: after the store or the leaderboard changed
   * (@same_leaderboard FALSE), or after the store reported a write to it (TRUE). */
  void (*reload) (LbPage *self, gboolean same_leaderboard);
  /* The page is about to show another leaderboard or store: finish what is pending. */
  void (*leave)  (LbPage *self);
};

/* Properties: "store" (LbStore, may be NULL), "leaderboard-id" (gint64, 0: none). */
LbStore *lb_page_get_store          (LbPage *self);
gint64   lb_page_get_leaderboard_id (LbPage *self);
/* TRUE while the page has not yet shown the store or leaderboard it was given (it is not on
 * screen: it loads when shown, or soon after the window's first frame). */
gboolean lb_page_get_reload_pending (LbPage *self);

G_END_DECLS
