/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-record-form.c: the leaderboard record form as a plain value */

#define G_LOG_DOMAIN "lb-record-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lb-record-form.h"
#include "lb-value.h"

G_DEFINE_QUARK (lb-record-form-error-quark, lb_record_form_error)

static const struct {
  LbCadence cadence;
  int       days;
  const char *keyword;
} cadences[] = {
  { LB_CADENCE_WEEKLY, 7, "weekly" },
  { LB_CADENCE_MONTHLY, 30, "monthly" },
  { LB_CADENCE_QUARTERLY, 91, "quarterly" },
};

static const char * const field_labels[LB_RECORD_FORM_N_FIELDS] = {
  N_("Purpose"),
  N_("Owner"),
  N_("Owner contact"),
  N_("Update cadence"),
  N_("Workflow pattern"),
  N_("Evaluation data"),
  N_("Reproduction procedure"),
  N_("Production context"),
  N_("Last reviewed"),
};

static char *
clean_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static char **
field_slot (LbRecordForm      *form,
            LbRecordFormField  field)
{
  switch (field)
    {
    case LB_RECORD_FORM_PURPOSE: return &form->purpose;
    case LB_RECORD_FORM_OWNER: return &form->owner;
    case LB_RECORD_FORM_OWNER_CONTACT: return &form->owner_contact;
    case LB_RECORD_FORM_WORKFLOW_PATTERN: return &form->workflow_pattern;
    case LB_RECORD_FORM_EVALUATION_DATA: return &form->evaluation_data;
    case LB_RECORD_FORM_PROCEDURE: return &form->procedure;
    case LB_RECORD_FORM_PRODUCTION_CONTEXT: return &form->production_context;
    case LB_RECORD_FORM_LAST_REVIEWED: return &form->last_reviewed_at;
    case LB_RECORD_FORM_UPDATE_CADENCE:
    case LB_RECORD_FORM_N_FIELDS:
    default:
      return NULL;
    }
}

gboolean
lb_iso_date_parse (const char *text,
                   GDate      *out)
{
  int y = 0, m = 0, d = 0;
  int consumed = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* A review is recorded as the moment it was marked ("2026-11-28T03:00:00Z"), so that an
 * import later the same day is a change since it; a date alone stays a date. */
static char *
review_moment (const char  *text,
               const GDate *date)
{
  g_autoptr(GDateTime) moment = NULL;

  if (text != NULL && text[10] == 'T')
    moment = g_date_time_new_from_iso8601 (text, NULL);
  if (moment != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (moment);
      return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  return lb_date_to_iso (date);
}

LbRecordForm *
lb_record_form_new (const LbLeaderboard *leaderboard)
{
  LbRecordForm *form = g_new0 (LbRecordForm, 1);
  GDate reviewed;

  if (leaderboard == NULL)
    return form;

  form->purpose = clean_text (leaderboard->purpose);
  form->owner = clean_text (leaderboard->owner);
  form->owner_contact = clean_text (leaderboard->owner_contact);
  form->update_cadence_days = MAX (leaderboard->update_cadence_days, 0);
  form->workflow_pattern = lb_workflow_pattern_name (leaderboard->workflow_pattern) != NULL
                           ? g_strdup (leaderboard->workflow_pattern) : NULL;
  form->evaluation_data = clean_text (leaderboard->evaluation_data);
  form->procedure = clean_text (leaderboard->procedure);
  form->production_context = clean_text (leaderboard->production_context);
  if (lb_iso_date_parse (leaderboard->last_reviewed_at, &reviewed))
    form->last_reviewed_at = review_moment (leaderboard->last_reviewed_at, &reviewed);
  form->created_at = g_strdup (leaderboard->created_at);
  return form;
}

void
lb_record_form_free (LbRecordForm *form)
{
  if (form == NULL)
    return;
  g_free (form->purpose);
  g_free (form->owner);
  g_free (form->owner_contact);
  g_free (form->workflow_pattern);
  g_free (form->evaluation_data);
  g_free (form->procedure);
  g_free (form->production_context);
  g_free (form->last_reviewed_at);
  g_free (form->created_at);
  g_free (form);
}

const char *
lb_record_form_get (LbRecordForm      *form,
                    LbRecordFormField  field)
{
  static char cadence_text[16];
  char **slot;

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (field < LB_RECORD_FORM_N_FIELDS, NULL);

  if (field == LB_RECORD_FORM_UPDATE_CADENCE)
    {
      if (form->update_cadence_days <= 0)
        return NULL;
      g_snprintf (cadence_text, sizeof cadence_text, "%d", form->update_cadence_days);
      return cadence_text;
    }
  slot = field_slot (form, field);
  return *slot;
}

static gboolean
parse_cadence (const char  *text,
               int         *days,
               GError     **error)
{
  gint64 number = 0;

  if (text == NULL)
    {
      *days = 0;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cadences); i++)
    if (g_ascii_strcasecmp (text, cadences[i].keyword) == 0)
      {
        *days = cadences[i].days;
        return TRUE;
      }
  if (!g_ascii_string_to_signed (text, 10, 1, 3660, &number, NULL))
    {
      g_set_error (error, LB_RECORD_FORM_ERROR, LB_RECORD_FORM_ERROR_INVALID,
                   _("“%s” is not an update cadence. Choose weekly, monthly, quarterly, "
                     "or a number of days from 1 to 3660."), text);
      return FALSE;
    }
  *days = (int) number;
  return TRUE;
}

gboolean
lb_record_form_set (LbRecordForm       *form,
                    LbRecordFormField   field,
                    const char         *text,
                    gboolean           *changed,
                    GError            **error)
{
  g_autofree char *clean = NULL;
  char **slot;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (field < LB_RECORD_FORM_N_FIELDS, FALSE);

  if (changed != NULL)
    *changed = FALSE;
  clean = clean_text (text);

  if (field == LB_RECORD_FORM_UPDATE_CADENCE)
    {
      int days = 0;

      if (!parse_cadence (clean, &days, error))
        return FALSE;
      if (changed != NULL)
        *changed = days != form->update_cadence_days;
      form->update_cadence_days = days;
      return TRUE;
    }

  if (field == LB_RECORD_FORM_WORKFLOW_PATTERN && clean != NULL)
    {
      g_autofree char *upper = g_ascii_strup (clean, -1);

      if (lb_workflow_pattern_name (upper) == NULL)
        {
          g_set_error (error, LB_RECORD_FORM_ERROR, LB_RECORD_FORM_ERROR_INVALID,
                       _("“%s” is not a workflow pattern. Choose one of P1 to P5."), clean);
          return FALSE;
        }
      g_free (clean);
      clean = g_steal_pointer (&upper);
    }

  if (field == LB_RECORD_FORM_LAST_REVIEWED && clean != NULL)
    {
      GDate date;

      if (!lb_iso_date_parse (clean, &date))
        {
          g_set_error (error, LB_RECORD_FORM_ERROR, LB_RECORD_FORM_ERROR_INVALID,
                       _("“%s” is not a date. Write it as YYYY-MM-DD, for example 2026-11-28."),
                       clean);
          return FALSE;
        }
      {
        char *moment = review_moment (clean, &date);

        g_free (clean);
        clean = moment;
      }
    }

  slot = field_slot (form, field);
  if (g_strcmp0 (*slot, clean) == 0)
    return TRUE;
  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  if (changed != NULL)
    *changed = TRUE;
  return TRUE;
}

LbLeaderboardField
lb_record_form_field_to_store (LbRecordFormField field)
{
  static const LbLeaderboardField map[LB_RECORD_FORM_N_FIELDS] = {
    [LB_RECORD_FORM_PURPOSE] = LB_LEADERBOARD_FIELD_PURPOSE,
    [LB_RECORD_FORM_OWNER] = LB_LEADERBOARD_FIELD_OWNER,
    [LB_RECORD_FORM_OWNER_CONTACT] = LB_LEADERBOARD_FIELD_OWNER_CONTACT,
    [LB_RECORD_FORM_UPDATE_CADENCE] = LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS,
    [LB_RECORD_FORM_WORKFLOW_PATTERN] = LB_LEADERBOARD_FIELD_WORKFLOW_PATTERN,
    [LB_RECORD_FORM_EVALUATION_DATA] = LB_LEADERBOARD_FIELD_EVALUATION_DATA,
    [LB_RECORD_FORM_PROCEDURE] = LB_LEADERBOARD_FIELD_PROCEDURE,
    [LB_RECORD_FORM_PRODUCTION_CONTEXT] = LB_LEADERBOARD_FIELD_PRODUCTION_CONTEXT,
    [LB_RECORD_FORM_LAST_REVIEWED] = LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT,
  };

  g_return_val_if_fail (field < LB_RECORD_FORM_N_FIELDS, LB_LEADERBOARD_FIELD_PURPOSE);
  return map[field];
}

gboolean
lb_record_form_field_is_required (LbRecordFormField field)
{
  return field == LB_RECORD_FORM_PURPOSE || field == LB_RECORD_FORM_OWNER;
}

gboolean
lb_record_form_equal (const LbRecordForm *a,
                      const LbRecordForm *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->purpose, b->purpose) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         g_strcmp0 (a->owner_contact, b->owner_contact) == 0 &&
         a->update_cadence_days == b->update_cadence_days &&
         g_strcmp0 (a->workflow_pattern, b->workflow_pattern) == 0 &&
         g_strcmp0 (a->evaluation_data, b->evaluation_data) == 0 &&
         g_strcmp0 (a->procedure, b->procedure) == 0 &&
         g_strcmp0 (a->production_context, b->production_context) == 0 &&
         g_strcmp0 (a->last_reviewed_at, b->last_reviewed_at) == 0;
}

gboolean
lb_record_form_field_is_missing (const LbRecordForm *form,
                                 LbRecordFormField   field)
{
  g_return_val_if_fail (form != NULL, FALSE);

  if (!lb_record_form_field_is_required (field))
    return FALSE;
  return lb_record_form_get ((LbRecordForm *) form, field) == NULL;
}

gboolean
lb_record_form_validate (const LbRecordForm  *form,
                         GError             **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *list = NULL;

  g_return_val_if_fail (form != NULL, FALSE);

  for (LbRecordFormField f = 0; f < LB_RECORD_FORM_N_FIELDS; f++)
    if (lb_record_form_field_is_missing (form, f))
      g_ptr_array_add (missing, (gpointer) _(field_labels[f]));
  if (missing->len == 0)
    return TRUE;

  g_ptr_array_add (missing, NULL);
  list = g_strjoinv (_(", "), (char **) missing->pdata);
  g_set_error (error, LB_RECORD_FORM_ERROR, LB_RECORD_FORM_ERROR_REQUIRED,
               /* Translators: %s lists the empty fields, e.g. "Purpose, Owner" */
               _("Required fields are empty: %s. Fill them in so others know what this "
                 "leaderboard is for and who keeps it current."), list);
  return FALSE;
}

LbCadence
lb_cadence_from_days (int days)
{
  if (days <= 0)
    return LB_CADENCE_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (cadences); i++)
    if (cadences[i].days == days)
      return cadences[i].cadence;
  return LB_CADENCE_CUSTOM;
}

int
lb_cadence_to_days (LbCadence cadence,
                    int       custom_days)
{
  for (guint i = 0; i < G_N_ELEMENTS (cadences); i++)
    if (cadences[i].cadence == cadence)
      return cadences[i].days;
  if (cadence == LB_CADENCE_CUSTOM)
    return MAX (custom_days, 0);
  return 0;
}

const char *
lb_workflow_pattern_explanation (const char *pattern)
{
  static const struct { const char *id; const char *text; } explanations[] = {
    { "P1", N_("Scores come from outside (papers, model cards, vendor claims) and are collected "
               "into the table; a spreadsheet of vendor numbers is this pattern.") },
    { "P2", N_("Submitters upload their model’s outputs on a test set and you score them.") },
    { "P3", N_("Models are ranked directly, for example by votes or ratings, without running "
               "a benchmark.") },
    { "P4", N_("You run each model (weights or API) yourself and score it on the benchmarks.") },
    { "P5", N_("Models are judged against each other, by people or a judge model, and the "
               "wins are aggregated into a ranking.") },
  };

  if (pattern == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (explanations); i++)
    if (g_strcmp0 (pattern, explanations[i].id) == 0)
      return explanations[i].text;
  return NULL;
}

LbReviewState
lb_review_state (const char  *last_reviewed_at,
                 const char  *created_at,
                 int          cadence_days,
                 const GDate *today,
                 GDate       *due)
{
  GDate base;

  g_return_val_if_fail (today != NULL && g_date_valid (today), LB_REVIEW_NO_CADENCE);

  if (cadence_days <= 0)
    return LB_REVIEW_NO_CADENCE;

  if (!lb_iso_date_parse (last_reviewed_at, &base) && !lb_iso_date_parse (created_at, &base))
    base = *today;
  /* A cadence stored before it was bounded, or a review dated near the year 9999, would
   * run past what a date can show ("29354-01-00"): the schedule ends on 9999-12-31. */
  {
    GDate last;
    gint64 julian;

    g_date_clear (&last, 1);
    g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
    julian = (gint64) g_date_get_julian (&base) + cadence_days;
    g_date_set_julian (&base, (guint32) MIN (julian, (gint64) g_date_get_julian (&last)));
  }
  if (due != NULL)
    *due = base;
  return g_date_compare (&base, today) < 0 ? LB_REVIEW_OVERDUE : LB_REVIEW_DUE;
}

char *
lb_review_state_describe (LbReviewState  state,
                          const GDate   *due)
{
  g_autofree char *date = NULL;

  if (state == LB_REVIEW_NO_CADENCE)
    return g_strdup (_("No update cadence set, so no review is scheduled"));

  g_return_val_if_fail (due != NULL && g_date_valid (due), NULL);
  date = lb_date_to_display (due);
  if (state == LB_REVIEW_OVERDUE)
    return g_strdup_printf (_("Review overdue since %s"), date);
  return g_strdup_printf (_("Next review due on %s"), date);
}
