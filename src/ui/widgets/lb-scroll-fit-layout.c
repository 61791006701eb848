/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-scroll-fit-layout.c: lays out one GtkScrolledWindow child, asking for the natural height
 * its content has at the width it is given
 *
 * GTK 4.8's GtkScrolledWindow, with propagate-natural-height, reports as its natural height
 * the content's natural height measured for no particular width (-1), even when its
 * horizontal scrollbar policy is "never" and so the width is known. Content with wrapping
 * labels is much taller at its own narrow natural width than at the window's width: the
 * scrolled window then asks for (and gets) far more height than its content uses, leaving an
 * empty band below it. (Newer GTK passes the width on.) Set this as the layout manager of a
 * bin holding such a scrolled window: the natural height becomes the content's natural height
 * at the bin's width. The minimum and the width pass through unchanged. */

#include "config.h"

#include "lb-scroll-fit-layout.h"

struct _LbScrollFitLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (LbScrollFitLayout, lb_scroll_fit_layout, GTK_TYPE_LAYOUT_MANAGER)

static int
clamp_content_height (GtkScrolledWindow *scrolled,
                      int                height)
{
  int min_content = gtk_scrolled_window_get_min_content_height (scrolled);
  int max_content = gtk_scrolled_window_get_max_content_height (scrolled);

  if (max_content >= 0)
    height = MIN (height, max_content);
  if (min_content >= 0)
    height = MAX (height, min_content);
  return height;
}

static void
lb_scroll_fit_layout_measure (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              GtkOrientation    orientation,
                              int               for_size,
                              int              *minimum,
                              int              *natural,
                              int              *minimum_baseline,
                              int              *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GtkScrolledWindow *scrolled;
  GtkWidget *content;
  GtkPolicyType hpolicy = GTK_POLICY_AUTOMATIC;
  int min = 0, nat = 0;

  if (child != NULL && gtk_widget_get_visible (child))
    gtk_widget_measure (child, orientation, for_size, &min, &nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && GTK_IS_SCROLLED_WINDOW (child)
      && gtk_widget_get_visible (child)
      && gtk_scrolled_window_get_propagate_natural_height (scrolled = GTK_SCROLLED_WINDOW (child))
      && (gtk_scrolled_window_get_policy (scrolled, &hpolicy, NULL), hpolicy == GTK_POLICY_NEVER)
      && (content = gtk_scrolled_window_get_child (scrolled)) != NULL
      && gtk_widget_get_visible (content))
    {
      int content_width = MAX (0, for_size - gtk_widget_get_margin_start (child)
                                  - gtk_widget_get_margin_end (child));
      int nat_unknown_width = 0, nat_at_width = 0;

      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, -1, NULL, &nat_unknown_width, NULL, NULL);
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, content_width, NULL, &nat_at_width, NULL, NULL);
      /* What the scrolled window adds around its content (margins, border) stays. */
      nat += clamp_content_height (scrolled, nat_at_width) - clamp_content_height (scrolled, nat_unknown_width);
      nat = MAX (nat, min);
    }

  *minimum = min;
  *natural = nat;
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static void
lb_scroll_fit_layout_allocate (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               int               width,
                               int               height,
                               int               baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
lb_scroll_fit_layout_get_request_mode (GtkLayoutManager *manager,
                                       GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lb_scroll_fit_layout_class_init (LbScrollFitLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = lb_scroll_fit_layout_measure;
  manager_class->allocate = lb_scroll_fit_layout_allocate;
  manager_class->get_request_mode = lb_scroll_fit_layout_get_request_mode;
}

static void
lb_scroll_fit_layout_init (LbScrollFitLayout *self)
{
}

GtkLayoutManager *
lb_scroll_fit_layout_new (void)
{
  return g_object_new (LB_TYPE_SCROLL_FIT_LAYOUT, NULL);
}
