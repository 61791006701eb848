/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-leaderboard-item.c: one leaderboard in the sidebar, with its badges */

#define G_LOG_DOMAIN "lb-leaderboard-item"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-leaderboard-item.h"
#include "lb-record-form.h"

struct _LbLeaderboardItem
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  gboolean overdue;
  GDate    due;            /* since when, when overdue */
  guint    smells_present;
};

G_DEFINE_FINAL_TYPE (LbLeaderboardItem, lb_leaderboard_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REVIEW_OVERDUE,
  PROP_OVERDUE_TOOLTIP,
  PROP_HAS_SMELLS,
  PROP_SMELLS_LABEL,
  PROP_SMELLS_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lb_leaderboard_item_finalize (GObject *object)
{
  LbLeaderboardItem *self = LB_LEADERBOARD_ITEM (object);

  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (lb_leaderboard_item_parent_class)->finalize (object);
}

static void
lb_leaderboard_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LbLeaderboardItem *self = LB_LEADERBOARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REVIEW_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_OVERDUE_TOOLTIP:
      /* Written when a row shows it, not for each of a thousand leaderboards at start. */
      if (self->overdue)
        g_value_take_string (value, lb_review_state_describe (LB_REVIEW_OVERDUE, &self->due));
      break;
    case PROP_HAS_SMELLS:
      g_value_set_boolean (value, self->smells_present > 0);
      break;
    case PROP_SMELLS_LABEL:
      g_value_take_string (value, g_strdup_printf ("%u", self->smells_present));
      break;
    case PROP_SMELLS_TOOLTIP:
      g_value_take_string (value, g_strdup_printf (ngettext ("%u leaderboard smell present",
                                                             "%u leaderboard smells present",
                                                             self->smells_present),
                                                   self->smells_present));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_leaderboard_item_class_init (LbLeaderboardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_leaderboard_item_finalize;
  object_class->get_property = lb_leaderboard_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_OVERDUE] =
    g_param_spec_boolean ("review-overdue", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE_TOOLTIP] =
    g_param_spec_string ("overdue-tooltip", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SMELLS] =
    g_param_spec_boolean ("has-smells", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMELLS_LABEL] =
    g_param_spec_string ("smells-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMELLS_TOOLTIP] =
    g_param_spec_string ("smells-tooltip", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_leaderboard_item_init (LbLeaderboardItem *self)
{
}

LbLeaderboardItem *
lb_leaderboard_item_new (gint64         id,
                         const char    *name,
                         const GDate   *overdue_since,
                         guint          smells_present)
{
  LbLeaderboardItem *self = g_object_new (LB_TYPE_LEADERBOARD_ITEM, NULL);

  self->id = id;
  self->name = g_strdup (name);
  g_date_clear (&self->due, 1);
  if (overdue_since != NULL && g_date_valid (overdue_since))
    {
      self->overdue = TRUE;
      self->due = *overdue_since;
    }
  self->smells_present = smells_present;
  return self;
}

gint64
lb_leaderboard_item_get_id (LbLeaderboardItem *self)
{
  g_return_val_if_fail (LB_IS_LEADERBOARD_ITEM (self), 0);
  return self->id;
}

const char *
lb_leaderboard_item_get_name (LbLeaderboardItem *self)
{
  g_return_val_if_fail (LB_IS_LEADERBOARD_ITEM (self), NULL);
  return self->name;
}
