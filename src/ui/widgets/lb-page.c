/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-page.c: the base of the window's pages */

#define G_LOG_DOMAIN "lb-page"

#include "config.h"

#include "lb-page.h"

typedef struct
{
  /* owned */
  LbStore *store;

  gint64   leaderboard_id;
  /* A reload asked for while the page was not shown: done when it is, or once the main loop
   * is idle (after the window's first frame), whichever comes first. */
  guint    pending_source;
  gboolean pending_same;
} LbPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LbPage, lb_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LEADERBOARD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_now (LbPage   *self,
            gboolean  same_leaderboard)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_clear_handle_id (&priv->pending_source, g_source_remove);
  if (LB_PAGE_GET_CLASS (self)->reload != NULL)
    LB_PAGE_GET_CLASS (self)->reload (self, same_leaderboard);
}

static gboolean
pending_reload_cb (gpointer user_data)
{
  LbPage *self = user_data;
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  priv->pending_source = 0;
  reload_now (self, priv->pending_same);
  return G_SOURCE_REMOVE;
}

/* A page on screen reloads at once; one that is not (another page of the view stack, or the
 * window not shown yet) later, so the window shows its first frame without building every
 * page. */
static void
reload (LbPage   *self,
        gboolean  same_leaderboard)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      reload_now (self, same_leaderboard);
      return;
    }
  if (priv->pending_source == 0)
    {
      priv->pending_same = same_leaderboard;
      priv->pending_source = g_idle_add_full (G_PRIORITY_LOW, pending_reload_cb, self, NULL);
    }
  else
    priv->pending_same = priv->pending_same && same_leaderboard;
}

static void
lb_page_map (GtkWidget *widget)
{
  LbPage *self = LB_PAGE (widget);
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  GTK_WIDGET_CLASS (lb_page_parent_class)->map (widget);
  if (priv->pending_source != 0)
    reload_now (self, priv->pending_same);
}

static void
leave (LbPage *self)
{
  if (LB_PAGE_GET_CLASS (self)->leave != NULL)
    LB_PAGE_GET_CLASS (self)->leave (self);
}

static void
store_changed_cb (LbPage  *self,
                  gint64   leaderboard_id,
                  LbStore *store)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  /* 0 means "several leaderboards". */
  if (leaderboard_id == 0 || leaderboard_id == priv->leaderboard_id)
    reload (self, TRUE);
}

static void
lb_page_dispose (GObject *object)
{
  LbPage *self = LB_PAGE (object);
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_clear_handle_id (&priv->pending_source, g_source_remove);
  /* Subclasses finish pending work in their own dispose, while their widgets still exist. */
  if (priv->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->store, self);
      g_clear_object (&priv->store);
    }
  G_OBJECT_CLASS (lb_page_parent_class)->dispose (object);
}

static void
lb_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LbPage *self = LB_PAGE (object);
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_LEADERBOARD_ID:
      g_value_set_int64 (value, priv->leaderboard_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LbPage *self = LB_PAGE (object);
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      leave (self);
      if (priv->store != NULL)
        g_signal_handlers_disconnect_by_data (priv->store, self);
      g_set_object (&priv->store, g_value_get_object (value));
      if (priv->store != NULL)
        g_signal_connect_object (priv->store, "changed", G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      reload (self, FALSE);
      break;
    case PROP_LEADERBOARD_ID:
      if (priv->leaderboard_id != g_value_get_int64 (value))
        {
          leave (self);
          priv->leaderboard_id = g_value_get_int64 (value);
          reload (self, FALSE);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_page_class_init (LbPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_page_dispose;
  widget_class->map = lb_page_map;
  object_class->get_property = lb_page_get_property;
  object_class->set_property = lb_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADERBOARD_ID] =
    g_param_spec_int64 ("leaderboard-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_page_init (LbPage *self)
{
}

LbStore *
lb_page_get_store (LbPage *self)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_val_if_fail (LB_IS_PAGE (self), NULL);
  return priv->store;
}

gint64
lb_page_get_leaderboard_id (LbPage *self)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_val_if_fail (LB_IS_PAGE (self), 0);
  return priv->leaderboard_id;
}

gboolean
lb_page_get_reload_pending (LbPage *self)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_val_if_fail (LB_IS_PAGE (self), FALSE);
  return priv->pending_source != 0;
}
