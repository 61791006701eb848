/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-split-box.c: children stacked top to bottom; the last one, the page's main view, keeps
 * a share of the height whatever the first one would like
 *
 * A vertical GtkBox gives every child its natural height before the one that expands gets
 * what is left: on the Compare page, controls and notes that need 600 px left the table
 * 80 px at 800 × 600 and at 360 px wide. Here the table keeps its share and the lines above
 * it scroll. Children are added in the .ui as <child> elements. */

#include "config.h"

#include "lb-split-box.h"

struct _LbSplitBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LbSplitBox, lb_split_box, GTK_TYPE_WIDGET)

static void
lb_split_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  int min = 0, nat = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          min += child_min;
          nat += child_nat;
        }
      else
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }
  *minimum = min;
  *natural = nat;
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static void
lb_split_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkWidget *first = NULL, *last = NULL;
  int first_min = 0, first_nat = 0, last_min = 0;
  int middle = 0, rest, share, first_height, y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        if (first == NULL)
          first = child;
        last = child;
      }
  if (first == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_next_sibling (first); child != NULL && child != last;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int nat = 0;

        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &nat, NULL, NULL);
        middle += nat;
      }
  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, width, &first_min, &first_nat, NULL, NULL);
  if (last != first)
    gtk_widget_measure (last, GTK_ORIENTATION_VERTICAL, width, &last_min, NULL, NULL, NULL);

  rest = MAX (0, height - middle);
  share = last != first ? MAX (last_min, MIN (rest / 2, LB_SPLIT_BOX_MAIN_SHARE_MAX)) : 0;
  first_height = last != first ? MIN (first_nat, rest - share) : height;
  first_height = MAX (first_height, first_min);

  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == first)
        child_height = first_height;
      else if (child == last)
        child_height = MAX (last_min, height - y);
      else
        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
      gtk_widget_allocate (child, width, child_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_height;
    }
}

static GtkSizeRequestMode
lb_split_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lb_split_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lb_split_box_parent_class)->dispose (object);
}

static void
lb_split_box_class_init (LbSplitBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_split_box_dispose;
  widget_class->measure = lb_split_box_measure;
  widget_class->size_allocate = lb_split_box_size_allocate;
  widget_class->get_request_mode = lb_split_box_get_request_mode;
}

static void
lb_split_box_init (LbSplitBox *self)
{
}

GtkWidget *
lb_split_box_new (void)
{
  return g_object_new (LB_TYPE_SPLIT_BOX, NULL);
}
