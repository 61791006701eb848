/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-history-page.h: the History page: the imports and the audit log */
#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_HISTORY_PAGE (lb_history_page_get_type ())
G_DECLARE_FINAL_TYPE (LbHistoryPage, lb_history_page, LB, HISTORY_PAGE, LbPage)

/* Whether what the imports changed is still being worked out in a thread. */
gboolean lb_history_page_is_busy (LbHistoryPage *self);

G_END_DECLS
