/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-smells-page.h: the Smells page: the smell checks recorded in the store */
#pragma once

#include "lb-page.h"

G_BEGIN_DECLS

#define LB_TYPE_SMELLS_PAGE (lb_smells_page_get_type ())
G_DECLARE_FINAL_TYPE (LbSmellsPage, lb_smells_page, LB, SMELLS_PAGE, LbPage)


G_END_DECLS
