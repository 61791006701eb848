/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-toast-queue.c: shows toasts, holding back a dismissal until the toast has slid in
 *
 * Why: in libadwaita 1.2.2 a toast dismissed while its slide-in animation still runs is freed
 * by AdwToastOverlay when its fade-out ends, but the slide-in animation keeps running and, when
 * it ends, writes into the freed record (show_done_cb() in adw-toast-overlay.c; fixed upstream
 * later by disconnecting that handler in free_toast_info()). The fade-out ends first whenever
 * one frame is late enough to end both (GTK runs the newer tick callback first: a loaded
 * machine, a long main-loop stall), or when the toast was sliding in for 500 ms because it
 * replaced another and is dismissed within 200 ms (a quick Ctrl+Z). With malloc's freed memory
 * scribbled over, that is a SIGSEGV in the next frame.
 *
 * So no toast is let go before its slide-in is over: a dismissal that comes sooner (from our
 * code, the close button, Escape, the timeout) is stopped and emitted again once a frame has
 * passed the end of the slide-in. The toast loses its button meanwhile, so it can no longer
 * act. When the overlay is unmapped (the window closes), libadwaita has ended every animation
 * in its own "unmap" handlers, and everything held goes at once. */

#define G_LOG_DOMAIN "lb-toast-queue"

#include "config.h"

#include "lb-toast-queue.h"

/* The longest slide-in of libadwaita 1.2: REPLACE_DURATION in adw-toast-overlay.c. */
#define SLIDE_IN_USEC (500 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  AdwToast *toast;        /* owned */
  gint64    settle_time;  /* frame time from which its slide-in is over; 0 while not shown */
  gboolean  settled;      /* shown, and its slide-in is over (or was skipped) */
  gboolean  held;         /* dismissed too soon: emitted again once settled */
} Entry;

struct _LbToastQueue
{
  GObject          parent_instance;

  /* owned */
  AdwToastOverlay *overlay;
  GQueue           entries;        /* of Entry, in the overlay's order: the head is shown */
  guint            tick_id;
  gulong           unmap_id;
  gboolean         deadline_seen;  /* a frame reached the head's settle_time */
};

G_DEFINE_FINAL_TYPE (LbToastQueue, lb_toast_queue, G_TYPE_OBJECT)

static void
entry_free (LbToastQueue *self,
            Entry        *entry)
{
  g_signal_handlers_disconnect_by_data (entry->toast, self);
  g_object_unref (entry->toast);
  g_free (entry);
}

static GList *
find_link (LbToastQueue *self,
           AdwToast     *toast)
{
  for (GList *l = self->entries.head; l != NULL; l = l->next)
    if (((Entry *) l->data)->toast == toast)
      return l;
  return NULL;
}

/* The head's slide-in is over: let a held dismissal through. */
static void
settle_head (LbToastQueue *self)
{
  Entry *head = g_queue_peek_head (&self->entries);
  g_autoptr(AdwToast) toast = NULL;

  if (head == NULL || head->settled)
    return;
  head->settled = TRUE;
  if (!head->held)
    return;
  /* adw_toast_dismiss() would do nothing now: the first emission already detached the toast
   * from its overlay. The overlay's handler, which did not run then, runs now. */
  toast = g_object_ref (head->toast);
  g_signal_emit_by_name (toast, "dismissed");
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  LbToastQueue *self = user_data;
  Entry *head = g_queue_peek_head (&self->entries);

  if (head == NULL || head->settled)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  /* The frame that reaches the end ends the slide-in too, but its tick callback may run after
   * this one: wait for the next frame. */
  if (!self->deadline_seen)
    {
      self->deadline_seen = gdk_frame_clock_get_frame_time (frame_clock) >= head->settle_time;
      return G_SOURCE_CONTINUE;
    }
  self->tick_id = 0;
  settle_head (self);
  return G_SOURCE_REMOVE;
}

/* The head has just been shown: note when its slide-in ends. */
static void
watch_head (LbToastQueue *self)
{
  GtkWidget *overlay = GTK_WIDGET (self->overlay);
  Entry *head = g_queue_peek_head (&self->entries);
  GdkFrameClock *frame_clock;

  if (head == NULL || head->settled || head->settle_time != 0)
    return;
  frame_clock = gtk_widget_get_frame_clock (overlay);
  /* Off screen or with animations off, libadwaita shows the toast without a slide-in. */
  if (frame_clock == NULL || !gtk_widget_get_mapped (overlay) || !adw_get_enable_animations (overlay))
    {
      head->settled = TRUE;
      return;
    }
  /* Read after the overlay started the animation, so never earlier than its start. */
  head->settle_time = gdk_frame_clock_get_frame_time (frame_clock) + SLIDE_IN_USEC;
  self->deadline_seen = FALSE;
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (overlay, tick_cb, self, NULL);
}

/* Runs before the overlay's handler: a toast still sliding in is held. */
static void
toast_dismissed_cb (AdwToast     *toast,
                    LbToastQueue *self)
{
  Entry *head = g_queue_peek_head (&self->entries);

  if (head == NULL || head->toast != toast || head->settled)
    return;
  g_signal_stop_emission_by_name (toast, "dismissed");
  if (!head->held)
    {
      head->held = TRUE;
      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
    }
}

/* Runs after the overlay's handler: the toast is gone, and the next one may be shown. */
static void
toast_dismissed_after_cb (AdwToast     *toast,
                          LbToastQueue *self)
{
  GList *link = find_link (self, toast);
  gboolean was_head = link != NULL && link == self->entries.head;

  if (link == NULL)
    return;
  entry_free (self, link->data);
  g_queue_delete_link (&self->entries, link);
  if (was_head)
    watch_head (self);
}

/* Connected after libadwaita's animations, which ended in their own "unmap" handlers. */
static void
overlay_unmap_cb (LbToastQueue *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->overlay), self->tick_id);
      self->tick_id = 0;
    }
  settle_head (self);
}

static void
lb_toast_queue_dispose (GObject *object)
{
  LbToastQueue *self = LB_TOAST_QUEUE (object);
  Entry *entry;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->overlay), self->tick_id);
      self->tick_id = 0;
    }
  if (self->overlay != NULL)
    g_clear_signal_handler (&self->unmap_id, self->overlay);
  while ((entry = g_queue_pop_head (&self->entries)) != NULL)
    entry_free (self, entry);
  g_clear_object (&self->overlay);
  G_OBJECT_CLASS (lb_toast_queue_parent_class)->dispose (object);
}

static void
lb_toast_queue_class_init (LbToastQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lb_toast_queue_dispose;
}

static void
lb_toast_queue_init (LbToastQueue *self)
{
  g_queue_init (&self->entries);
}

LbToastQueue *
lb_toast_queue_new (AdwToastOverlay *overlay)
{
  LbToastQueue *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (LB_TYPE_TOAST_QUEUE, NULL);
  self->overlay = g_object_ref (overlay);
  self->unmap_id = g_signal_connect_object (overlay, "unmap", G_CALLBACK (overlay_unmap_cb), self,
                                            G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return self;
}

void
lb_toast_queue_add (LbToastQueue *self,
                    AdwToast     *toast)
{
  Entry *entry;

  g_return_if_fail (LB_IS_TOAST_QUEUE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (find_link (self, toast) == NULL);

  entry = g_new0 (Entry, 1);
  entry->toast = g_object_ref (toast);
  g_queue_push_tail (&self->entries, entry);
  /* Before the overlay connects its own handler, and after it. */
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self);
  adw_toast_overlay_add_toast (self->overlay, toast);
  g_signal_connect_after (toast, "dismissed", G_CALLBACK (toast_dismissed_after_cb), self);
  if (self->entries.head->data == entry)
    watch_head (self);
}

guint
lb_toast_queue_get_n_toasts (LbToastQueue *self)
{
  g_return_val_if_fail (LB_IS_TOAST_QUEUE (self), 0);
  return self->entries.length;
}

gboolean
lb_toast_queue_get_sliding_in (LbToastQueue *self)
{
  Entry *head;

  g_return_val_if_fail (LB_IS_TOAST_QUEUE (self), FALSE);
  head = g_queue_peek_head (&self->entries);
  return head != NULL && !head->settled;
}

gboolean
lb_toast_queue_get_holding (LbToastQueue *self)
{
  Entry *head;

  g_return_val_if_fail (LB_IS_TOAST_QUEUE (self), FALSE);
  head = g_queue_peek_head (&self->entries);
  return head != NULL && head->held;
}
