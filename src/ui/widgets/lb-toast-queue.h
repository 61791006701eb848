/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-toast-queue.h: shows toasts, holding back a dismissal until the toast has slid in */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LB_TYPE_TOAST_QUEUE (lb_toast_queue_get_type ())
G_DECLARE_FINAL_TYPE (LbToastQueue, lb_toast_queue, LB, TOAST_QUEUE, GObject)

/* Shows toasts in @overlay, which it keeps a reference to. Every toast of @overlay must come
 * through it. */
LbToastQueue *lb_toast_queue_new          (AdwToastOverlay *overlay);
/* Like adw_toast_overlay_add_toast(): takes @toast. Connect to its "dismissed" afterwards:
 * a handler connected before runs also when a dismissal is held back. */
void          lb_toast_queue_add          (LbToastQueue *self,
                                           AdwToast     *toast);
/* How many toasts are shown or waiting (not yet dismissed for good). */
guint         lb_toast_queue_get_n_toasts (LbToastQueue *self);
/* Whether the shown toast may still be sliding in (a dismissal now would be held back). */
gboolean      lb_toast_queue_get_sliding_in (LbToastQueue *self);
/* Whether the shown toast was dismissed while sliding in and still waits to go. */
gboolean      lb_toast_queue_get_holding  (LbToastQueue *self);

G_END_DECLS
