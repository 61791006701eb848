/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-record-form.h: the leaderboard record form as a plain value, with its validation and the
 * review-due rule; the Overview page only applies what these functions say */
#pragma once

#include <glib.h>
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_RECORD_FORM_ERROR (lb_record_form_error_quark ())

typedef enum {
  LB_RECORD_FORM_ERROR_REQUIRED,  /* a required field is empty */
  LB_RECORD_FORM_ERROR_INVALID,   /* a value the field does not accept */
} LbRecordFormError;

/* The fields of the form, in the order the page shows them. */
typedef enum {
  LB_RECORD_FORM_PURPOSE,
  LB_RECORD_FORM_OWNER,
  LB_RECORD_FORM_OWNER_CONTACT,
  LB_RECORD_FORM_UPDATE_CADENCE,
  LB_RECORD_FORM_WORKFLOW_PATTERN,
  LB_RECORD_FORM_EVALUATION_DATA,
  LB_RECORD_FORM_PROCEDURE,
  LB_RECORD_FORM_PRODUCTION_CONTEXT,
  LB_RECORD_FORM_LAST_REVIEWED,
  LB_RECORD_FORM_N_FIELDS
} LbRecordFormField;

/* The choices of the cadence row; CUSTOM means "every N days". */
typedef enum {
  LB_CADENCE_NONE,
  LB_CADENCE_WEEKLY,
  LB_CADENCE_MONTHLY,
  LB_CADENCE_QUARTERLY,
  LB_CADENCE_CUSTOM,
} LbCadence;

typedef enum {
  LB_REVIEW_NO_CADENCE,   /* no cadence set: nothing is ever due */
  LB_REVIEW_DUE,          /* next review on due_date (today or later) */
  LB_REVIEW_OVERDUE,      /* review was due on due_date, before today */
} LbReviewState;

/* Every string is trimmed, NULL when empty; cadence_days 0 when not set. */
typedef struct {
  char *purpose;
  char *owner;
  char *owner_contact;
  int   update_cadence_days;
  char *workflow_pattern;        /* "P1".."P5" or NULL */
  char *evaluation_data;
  char *procedure;
  char *production_context;
  char *last_reviewed_at;        /* "YYYY-MM-DD" or NULL */
  char *created_at;              /* when the leaderboard was created; the first review counts from it */
} LbRecordForm;

GQuark        lb_record_form_error_quark   (void);

/* A new form holding the leaderboard's values (@leaderboard may be NULL for an empty form). */
LbRecordForm *lb_record_form_new           (const LbLeaderboard *leaderboard);
void          lb_record_form_free          (LbRecordForm *form);

/* The field's value as the store takes it (lb_store_set_leaderboard_field), or NULL when empty.
 * Owned by the form. For the cadence a decimal string that lives until the next call. */
const char   *lb_record_form_get           (LbRecordForm *form, LbRecordFormField field);

/* Sets a field from what the user typed: trims it; the cadence takes a number of days or
 * "weekly"/"monthly"/"quarterly", the pattern "P1".."P5", the review "YYYY-MM-DD" or the moment
 * "YYYY-MM-DDTHH:MM:SSZ" ("Mark as reviewed" records the moment, in UTC). Returns TRUE and sets *changed when the value differs; FALSE with
 * LB_RECORD_FORM_ERROR_INVALID (value unchanged) when the text is not accepted. */
gboolean      lb_record_form_set           (LbRecordForm      *form,
                                            LbRecordFormField  field,
                                            const char        *text,
                                            gboolean          *changed,
                                            GError           **error);

/* The store field a form field is saved to. */
LbLeaderboardField lb_record_form_field_to_store (LbRecordFormField field);

/* Whether the field is required by the issue (purpose, owner). */
gboolean      lb_record_form_field_is_required (LbRecordFormField field);
/* Whether the page flags the field: required and still empty. */
gboolean      lb_record_form_field_is_missing  (const LbRecordForm *form, LbRecordFormField field);
/* Whether the two forms hold the same value in every field. */
gboolean      lb_record_form_equal         (const LbRecordForm *a, const LbRecordForm *b);

/* TRUE when every required field is filled; otherwise LB_RECORD_FORM_ERROR_REQUIRED naming them. */
gboolean      lb_record_form_validate      (const LbRecordForm *form, GError **error);

/* Cadence <-> days: weekly 7, monthly 30, quarterly 91; any other positive number is CUSTOM. */
LbCadence     lb_cadence_from_days         (int days);
int           lb_cadence_to_days           (LbCadence cadence, int custom_days);

/* One plain sentence explaining a workflow pattern "P1".."P5" (untranslated N_() string), or NULL. */
const char   *lb_workflow_pattern_explanation (const char *pattern);

/* When the next review is due: @last_reviewed_at (or, never reviewed, @created_at; or, neither
 * known, @today) plus @cadence_days. Dates may be "YYYY-MM-DD" or ISO 8601 timestamps.
 * @due (may be NULL) receives the due date unless the state is NO_CADENCE. */
LbReviewState lb_review_state              (const char  *last_reviewed_at,
                                            const char  *created_at,
                                            int          cadence_days,
                                            const GDate *today,
                                            GDate       *due);

/* The line the page shows: "Next review due on 2026-12-28", "Review overdue since 2026-12-28"
 * or "No update cadence set". Newly allocated, translated. */
char         *lb_review_state_describe     (LbReviewState state, const GDate *due);


/* Reads "YYYY-MM-DD" or the date part of an ISO 8601 timestamp. */
gboolean      lb_iso_date_parse            (const char *text, GDate *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbRecordForm, lb_record_form_free)

G_END_DECLS
