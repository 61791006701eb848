/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-form.c: the record form's values, validation and review-due rule, without a display */
#include "config.h"

#include <string.h>

#include "lb-record-form.h"

static void
set_date (GDate *date, int y, int m, int d)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static void
test_new_from_leaderboard (void)
{
  LbLeaderboard lb = {
    .id = 3,
    .name = (char *) "Chat models",
    .purpose = (char *) "  Pick the model for customer support  ",
    .owner = (char *) "",
    .update_cadence_days = 30,
    .workflow_pattern = (char *) "P9",
    .last_reviewed_at = (char *) "2026-10-01T09:00:00Z",
    .created_at = (char *) "2026-09-01T00:00:00Z",
  };
  g_autoptr(LbRecordForm) form = lb_record_form_new (&lb);

  g_assert_cmpstr (form->purpose, ==, "Pick the model for customer support");
  g_assert_null (form->owner);
  g_assert_cmpint (form->update_cadence_days, ==, 30);
  /* An unknown pattern in the store is not shown as if it were chosen. */
  g_assert_null (form->workflow_pattern);
  /* The review is the moment it was marked: an import later that day is a change since it. */
  g_assert_cmpstr (form->last_reviewed_at, ==, "2026-10-01T09:00:00Z");
  g_assert_cmpstr (lb_record_form_get (form, LB_RECORD_FORM_UPDATE_CADENCE), ==, "30");
  g_assert_true (lb_record_form_field_is_missing (form, LB_RECORD_FORM_OWNER));
  g_assert_false (lb_record_form_field_is_missing (form, LB_RECORD_FORM_PURPOSE));
}

/* The Overview page reloads its form when the stored record no longer equals it. */
static void
test_equal (void)
{
  LbLeaderboard lb = {
    .id = 3,
    .name = (char *) "Chat models",
    .purpose = (char *) "Pick the model for customer support",
    .update_cadence_days = 30,
    .created_at = (char *) "2026-09-01T00:00:00Z",
  };
  g_autoptr(LbRecordForm) a = lb_record_form_new (&lb);
  g_autoptr(LbRecordForm) b = lb_record_form_new (&lb);
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_true (lb_record_form_equal (a, b));
  for (LbRecordFormField f = 0; f < LB_RECORD_FORM_N_FIELDS; f++)
    {
      static const char *const values[LB_RECORD_FORM_N_FIELDS] = {
        [LB_RECORD_FORM_PURPOSE] = "Pick a model",
        [LB_RECORD_FORM_OWNER] = "佐藤",
        [LB_RECORD_FORM_OWNER_CONTACT] = "ext. 1234",
        [LB_RECORD_FORM_UPDATE_CADENCE] = "7",
        [LB_RECORD_FORM_WORKFLOW_PATTERN] = "P2",
        [LB_RECORD_FORM_EVALUATION_DATA] = "Support tickets 2026",
        [LB_RECORD_FORM_PROCEDURE] = "Run the harness",
        [LB_RECORD_FORM_PRODUCTION_CONTEXT] = "Chat support",
        [LB_RECORD_FORM_LAST_REVIEWED] = "2026-11-01",
      };
      g_autoptr(LbRecordForm) other = lb_record_form_new (&lb);

      g_assert_nonnull (values[f]);
      g_assert_true (lb_record_form_set (other, f, values[f], &changed, &error));
      g_assert_no_error (error);
      g_assert_true (changed);
      g_assert_false (lb_record_form_equal (a, other));
      g_assert_false (lb_record_form_equal (other, a));
    }
  /* Trimmed on the way in: what the user typed with spaces is the same value. */
  g_assert_true (lb_record_form_set (b, LB_RECORD_FORM_PURPOSE, "  Pick the model for customer support ",
                                     &changed, &error));
  g_assert_false (changed);
  g_assert_true (lb_record_form_equal (a, b));
}

static void
test_set_fields (void)
{
  static const struct {
    LbRecordFormField field;
    const char *text;
    gboolean ok;
    const char *stored;   /* what lb_record_form_get gives afterwards */
  } cases[] = {
    { LB_RECORD_FORM_PURPOSE, "  Choose a chat model ", TRUE, "Choose a chat model" },
    { LB_RECORD_FORM_PURPOSE, "   ", TRUE, NULL },
    { LB_RECORD_FORM_OWNER, "山田 花子", TRUE, "山田 花子" },
    { LB_RECORD_FORM_UPDATE_CADENCE, "weekly", TRUE, "7" },
    { LB_RECORD_FORM_UPDATE_CADENCE, "Monthly", TRUE, "30" },
    { LB_RECORD_FORM_UPDATE_CADENCE, "quarterly", TRUE, "91" },
    { LB_RECORD_FORM_UPDATE_CADENCE, "14", TRUE, "14" },
    { LB_RECORD_FORM_UPDATE_CADENCE, "", TRUE, NULL },
    { LB_RECORD_FORM_UPDATE_CADENCE, "0", FALSE, NULL },
    { LB_RECORD_FORM_UPDATE_CADENCE, "-3", FALSE, NULL },
    { LB_RECORD_FORM_UPDATE_CADENCE, "often", FALSE, NULL },
    { LB_RECORD_FORM_WORKFLOW_PATTERN, "p4", TRUE, "P4" },
    { LB_RECORD_FORM_WORKFLOW_PATTERN, "P6", FALSE, "P4" },
    { LB_RECORD_FORM_WORKFLOW_PATTERN, "", TRUE, NULL },
    { LB_RECORD_FORM_LAST_REVIEWED, "2026-11-28", TRUE, "2026-11-28" },
    { LB_RECORD_FORM_LAST_REVIEWED, "2026-02-30", FALSE, "2026-11-28" },
    { LB_RECORD_FORM_LAST_REVIEWED, "28/11/2026", FALSE, "2026-11-28" },
    { LB_RECORD_FORM_LAST_REVIEWED, "2026-12-01T10:00:00Z", TRUE, "2026-12-01T10:00:00Z" },
    { LB_RECORD_FORM_LAST_REVIEWED, "2026-12-01T19:00:00+09:00", TRUE, "2026-12-01T10:00:00Z" },
    { LB_RECORD_FORM_PROCEDURE, "1. Export\n2. Import", TRUE, "1. Export\n2. Import" },
  };
  g_autoptr(LbRecordForm) form = lb_record_form_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean changed = FALSE;
      gboolean ok;

      g_test_message ("case %u: %s", i, cases[i].text);
      ok = lb_record_form_set (form, cases[i].field, cases[i].text, &changed, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, LB_RECORD_FORM_ERROR, LB_RECORD_FORM_ERROR_INVALID);
          g_assert_false (changed);
        }
      g_assert_cmpstr (lb_record_form_get (form, cases[i].field), ==, cases[i].stored);
    }
}

static void
test_set_reports_change (void)
{
  g_autoptr(LbRecordForm) form = lb_record_form_new (NULL);
  gboolean changed = FALSE;

  g_assert_true (lb_record_form_set (form, LB_RECORD_FORM_OWNER, "Sato", &changed, NULL));
  g_assert_true (changed);
  g_assert_true (lb_record_form_set (form, LB_RECORD_FORM_OWNER, " Sato ", &changed, NULL));
  g_assert_false (changed);
  g_assert_true (lb_record_form_set (form, LB_RECORD_FORM_UPDATE_CADENCE, "7", &changed, NULL));
  g_assert_true (changed);
  g_assert_true (lb_record_form_set (form, LB_RECORD_FORM_UPDATE_CADENCE, "weekly", &changed, NULL));
  g_assert_false (changed);
}

static void
test_validate (void)
{
  g_autoptr(LbRecordForm) form = lb_record_form_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_record_form_validate (form, &error));
  g_assert_error (error, LB_RECORD_FORM_ERROR, LB_RECORD_FORM_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Purpose, Owner"));
  g_clear_error (&error);

  lb_record_form_set (form, LB_RECORD_FORM_PURPOSE, "Support bot", NULL, NULL);
  g_assert_false (lb_record_form_validate (form, &error));
  g_assert_nonnull (strstr (error->message, "Owner"));
  g_assert_null (strstr (error->message, "Purpose"));
  g_clear_error (&error);

  lb_record_form_set (form, LB_RECORD_FORM_OWNER, "Sato", NULL, NULL);
  g_assert_true (lb_record_form_validate (form, &error));
  g_assert_no_error (error);

  for (LbRecordFormField f = 0; f < LB_RECORD_FORM_N_FIELDS; f++)
    g_assert_false (lb_record_form_field_is_missing (form, f));
}

static void
test_field_mapping (void)
{
  g_assert_cmpint (lb_record_form_field_to_store (LB_RECORD_FORM_UPDATE_CADENCE), ==,
                   LB_LEADERBOARD_FIELD_UPDATE_CADENCE_DAYS);
  g_assert_cmpint (lb_record_form_field_to_store (LB_RECORD_FORM_LAST_REVIEWED), ==,
                   LB_LEADERBOARD_FIELD_LAST_REVIEWED_AT);
  g_assert_cmpint (lb_record_form_field_to_store (LB_RECORD_FORM_PROCEDURE), ==,
                   LB_LEADERBOARD_FIELD_PROCEDURE);
  g_assert_true (lb_record_form_field_is_required (LB_RECORD_FORM_PURPOSE));
  g_assert_true (lb_record_form_field_is_required (LB_RECORD_FORM_OWNER));
  g_assert_false (lb_record_form_field_is_required (LB_RECORD_FORM_OWNER_CONTACT));
}

static void
test_cadence (void)
{
  static const struct { int days; LbCadence cadence; } cases[] = {
    { 0, LB_CADENCE_NONE }, { -1, LB_CADENCE_NONE }, { 7, LB_CADENCE_WEEKLY },
    { 30, LB_CADENCE_MONTHLY }, { 91, LB_CADENCE_QUARTERLY }, { 14, LB_CADENCE_CUSTOM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (lb_cadence_from_days (cases[i].days), ==, cases[i].cadence);
  g_assert_cmpint (lb_cadence_to_days (LB_CADENCE_WEEKLY, 99), ==, 7);
  g_assert_cmpint (lb_cadence_to_days (LB_CADENCE_QUARTERLY, 0), ==, 91);
  g_assert_cmpint (lb_cadence_to_days (LB_CADENCE_CUSTOM, 45), ==, 45);
  g_assert_cmpint (lb_cadence_to_days (LB_CADENCE_NONE, 45), ==, 0);
}

static void
test_workflow_explanations (void)
{
  const char *patterns[] = { "P1", "P2", "P3", "P4", "P5" };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      const char *text = lb_workflow_pattern_explanation (patterns[i]);

      g_assert_nonnull (text);
      g_assert_true (g_str_has_suffix (text, "."));
    }
  g_assert_nonnull (strstr (lb_workflow_pattern_explanation ("P1"), "vendor"));
  g_assert_null (lb_workflow_pattern_explanation ("P0"));
  g_assert_null (lb_workflow_pattern_explanation (NULL));
}

static void
test_review_state (void)
{
  static const struct {
    const char *reviewed;
    const char *created;
    int cadence;
    LbReviewState state;
    const char *text;
  } cases[] = {
    /* today is 2026-11-28 */
    { "2026-11-01", NULL, 30, LB_REVIEW_DUE, "Next review due on 2026-12-01" },
    { "2026-10-29", NULL, 30, LB_REVIEW_DUE, "Next review due on 2026-11-28" },
    { "2026-10-28", NULL, 30, LB_REVIEW_OVERDUE, "Review overdue since 2026-11-27" },
    { "2026-11-20T08:00:00Z", NULL, 7, LB_REVIEW_OVERDUE, "Review overdue since 2026-11-27" },
    { NULL, "2026-09-01T00:00:00Z", 91, LB_REVIEW_DUE, "Next review due on 2026-12-01" },
    { NULL, "2026-06-01T00:00:00Z", 91, LB_REVIEW_OVERDUE, "Review overdue since 2026-08-31" },
    { NULL, NULL, 14, LB_REVIEW_DUE, "Next review due on 2026-12-12" },
    { "2026-01-01", NULL, 0, LB_REVIEW_NO_CADENCE, "No update cadence set, so no review is scheduled" },
    { "2024-02-29", NULL, 365, LB_REVIEW_OVERDUE, "Review overdue since 2025-02-28" },
    /* Stored before cadences were bounded, or reviewed near the end of what a date can be:
     * bounded, never "29354-01-00". */
    { "2026-11-01", NULL, G_MAXINT, LB_REVIEW_DUE, "Next review due on 9999-12-31" },
    { "9999-12-20", NULL, 30, LB_REVIEW_DUE, "Next review due on 9999-12-31" },
    { "9999-12-31T23:59:59Z", NULL, 3660, LB_REVIEW_DUE, "Next review due on 9999-12-31" },
  };
  GDate today;

  set_date (&today, 2026, 11, 28);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate due;
      g_autofree char *text = NULL;
      LbReviewState state;

      g_date_clear (&due, 1);
      state = lb_review_state (cases[i].reviewed, cases[i].created, cases[i].cadence, &today, &due);
      g_assert_cmpint (state, ==, cases[i].state);
      text = lb_review_state_describe (state, &due);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_today_honours_env (void)
{
  GDate today;

  g_setenv ("LEADERBOARD_NOW", "2030-01-02T03:04:05Z", TRUE);
  lb_clock_today (&today);
  g_assert_cmpint (g_date_get_year (&today), ==, 2030);
  g_assert_cmpint (g_date_get_month (&today), ==, 1);
  g_assert_cmpint (g_date_get_day (&today), ==, 2);
  g_unsetenv ("LEADERBOARD_NOW");
  lb_clock_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_year (&today), >=, 2024);
}

static void
test_iso_date_parse (void)
{
  static const struct { const char *text; gboolean ok; } cases[] = {
    { "2026-11-28", TRUE }, { "2026-11-28T00:00:00Z", TRUE }, { "2026-11-28 10:00", TRUE },
    { "2026-13-01", FALSE }, { "2026-1-1", FALSE }, { "2026-11-28x", FALSE }, { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_assert_cmpint (lb_iso_date_parse (cases[i].text, &date), ==, cases[i].ok);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/record-form/new-from-leaderboard", test_new_from_leaderboard);
  g_test_add_func ("/record-form/equal", test_equal);
  g_test_add_func ("/record-form/set/table", test_set_fields);
  g_test_add_func ("/record-form/set/reports-change", test_set_reports_change);
  g_test_add_func ("/record-form/validate/required", test_validate);
  g_test_add_func ("/record-form/field-mapping", test_field_mapping);
  g_test_add_func ("/record-form/cadence", test_cadence);
  g_test_add_func ("/record-form/workflow-explanations", test_workflow_explanations);
  g_test_add_func ("/record-form/review-state", test_review_state);
  g_test_add_func ("/record-form/today-honours-env", test_today_honours_env);
  g_test_add_func ("/record-form/iso-date-parse", test_iso_date_parse);
  return g_test_run ();
}
