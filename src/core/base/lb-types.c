/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-types.c: copying and freeing the domain records */

#define G_LOG_DOMAIN "lb-types"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-types.h"

LbLeaderboard *
lb_leaderboard_copy (const LbLeaderboard *src)
{
  LbLeaderboard *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->name = g_strdup (src->name);
  copy->purpose = g_strdup (src->purpose);
  copy->owner = g_strdup (src->owner);
  copy->owner_contact = g_strdup (src->owner_contact);
  copy->workflow_pattern = g_strdup (src->workflow_pattern);
  copy->evaluation_data = g_strdup (src->evaluation_data);
  copy->procedure = g_strdup (src->procedure);
  copy->production_context = g_strdup (src->production_context);
  copy->created_at = g_strdup (src->created_at);
  copy->updated_at = g_strdup (src->updated_at);
  copy->last_reviewed_at = g_strdup (src->last_reviewed_at);
  return copy;
}

void
lb_leaderboard_free (LbLeaderboard *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->name);
  g_free (rec->purpose);
  g_free (rec->owner);
  g_free (rec->owner_contact);
  g_free (rec->workflow_pattern);
  g_free (rec->evaluation_data);
  g_free (rec->procedure);
  g_free (rec->production_context);
  g_free (rec->created_at);
  g_free (rec->updated_at);
  g_free (rec->last_reviewed_at);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbLeaderboard, lb_leaderboard, lb_leaderboard_copy, lb_leaderboard_free)

LbBenchmark *
lb_benchmark_copy (const LbBenchmark *src)
{
  LbBenchmark *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->name = g_strdup (src->name);
  copy->task = g_strdup (src->task);
  copy->metric = g_strdup (src->metric);
  copy->unit = g_strdup (src->unit);
  copy->dataset = g_strdup (src->dataset);
  copy->dataset_version = g_strdup (src->dataset_version);
  copy->protocol = g_strdup (src->protocol);
  copy->harness = g_strdup (src->harness);
  copy->description = g_strdup (src->description);
  return copy;
}

void
lb_benchmark_free (LbBenchmark *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->name);
  g_free (rec->task);
  g_free (rec->metric);
  g_free (rec->unit);
  g_free (rec->dataset);
  g_free (rec->dataset_version);
  g_free (rec->protocol);
  g_free (rec->harness);
  g_free (rec->description);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbBenchmark, lb_benchmark, lb_benchmark_copy, lb_benchmark_free)

LbModel *
lb_model_copy (const LbModel *src)
{
  LbModel *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->name = g_strdup (src->name);
  copy->version = g_strdup (src->version);
  copy->provider = g_strdup (src->provider);
  copy->provenance_url = g_strdup (src->provenance_url);
  copy->access = g_strdup (src->access);
  copy->notes = g_strdup (src->notes);
  return copy;
}

void
lb_model_free (LbModel *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->name);
  g_free (rec->version);
  g_free (rec->provider);
  g_free (rec->provenance_url);
  g_free (rec->access);
  g_free (rec->notes);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbModel, lb_model, lb_model_copy, lb_model_free)

LbResult *
lb_result_copy (const LbResult *src)
{
  LbResult *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->evaluated_at = g_strdup (src->evaluated_at);
  copy->raw = g_strdup (src->raw);
  copy->model_version = g_strdup (src->model_version);
  copy->source_path = g_strdup (src->source_path);
  copy->settings = g_strdup (src->settings);
  return copy;
}

void
lb_result_free (LbResult *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->evaluated_at);
  g_free (rec->raw);
  g_free (rec->model_version);
  g_free (rec->source_path);
  g_free (rec->settings);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbResult, lb_result, lb_result_copy, lb_result_free)

LbGap *
lb_gap_copy (const LbGap *src)
{
  LbGap *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->raw = g_strdup (src->raw);
  copy->reason = g_strdup (src->reason);
  copy->was_raw = g_strdup (src->was_raw);
  copy->source_path = g_strdup (src->source_path);
  return copy;
}

void
lb_gap_free (LbGap *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->raw);
  g_free (rec->reason);
  g_free (rec->was_raw);
  g_free (rec->source_path);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbGap, lb_gap, lb_gap_copy, lb_gap_free)

LbWarning *
lb_warning_copy (const LbWarning *src)
{
  LbWarning *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->message = g_strdup (src->message);
  copy->code = g_strdup (src->code);
  copy->args = g_strdupv (src->args);
  return copy;
}

void
lb_warning_free (LbWarning *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->message);
  g_free (rec->code);
  g_strfreev (rec->args);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbWarning, lb_warning, lb_warning_copy, lb_warning_free)

LbImport *
lb_import_copy (const LbImport *src)
{
  LbImport *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->file_name = g_strdup (src->file_name);
  copy->file_path = g_strdup (src->file_path);
  copy->sha256 = g_strdup (src->sha256);
  copy->encoding = g_strdup (src->encoding);
  copy->delimiter = g_strdup (src->delimiter);
  copy->layout = g_strdup (src->layout);
  copy->imported_at = g_strdup (src->imported_at);
  copy->imported_by = g_strdup (src->imported_by);
  copy->sheet = g_strdup (src->sheet);
  copy->signature = g_strdup (src->signature);
  copy->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  if (src->warnings != NULL)
    for (guint i = 0; i < src->warnings->len; i++)
      g_ptr_array_add (copy->warnings, lb_warning_copy (g_ptr_array_index (src->warnings, i)));
  return copy;
}

void
lb_import_free (LbImport *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->file_name);
  g_free (rec->file_path);
  g_free (rec->sha256);
  g_free (rec->encoding);
  g_free (rec->delimiter);
  g_free (rec->layout);
  g_free (rec->imported_at);
  g_free (rec->imported_by);
  g_free (rec->sheet);
  g_free (rec->signature);
  g_clear_pointer (&rec->warnings, g_ptr_array_unref);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbImport, lb_import, lb_import_copy, lb_import_free)

LbSmell *
lb_smell_copy (const LbSmell *src)
{
  LbSmell *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->smell = g_strdup (src->smell);
  copy->component = g_strdup (src->component);
  copy->status = g_strdup (src->status);
  copy->evidence = g_strdup (src->evidence);
  copy->note = g_strdup (src->note);
  copy->reviewer = g_strdup (src->reviewer);
  copy->checked_at = g_strdup (src->checked_at);
  return copy;
}

void
lb_smell_free (LbSmell *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->smell);
  g_free (rec->component);
  g_free (rec->status);
  g_free (rec->evidence);
  g_free (rec->note);
  g_free (rec->reviewer);
  g_free (rec->checked_at);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbSmell, lb_smell, lb_smell_copy, lb_smell_free)

LbWeight *
lb_weight_copy (const LbWeight *src)
{
  LbWeight *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->benchmark = g_strdup (src->benchmark);
  return copy;
}

void
lb_weight_free (LbWeight *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->benchmark);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbWeight, lb_weight, lb_weight_copy, lb_weight_free)

LbProfile *
lb_profile_copy (const LbProfile *src)
{
  LbProfile *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->name = g_strdup (src->name);
  copy->description = g_strdup (src->description);
  copy->weights = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_weight_free);
  if (src->weights != NULL)
    for (guint i = 0; i < src->weights->len; i++)
      g_ptr_array_add (copy->weights, lb_weight_copy (g_ptr_array_index (src->weights, i)));
  return copy;
}

void
lb_profile_free (LbProfile *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->name);
  g_free (rec->description);
  g_clear_pointer (&rec->weights, g_ptr_array_unref);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbProfile, lb_profile, lb_profile_copy, lb_profile_free)

LbReview *
lb_review_copy (const LbReview *src)
{
  LbReview *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->held_at = g_strdup (src->held_at);
  copy->reviewer = g_strdup (src->reviewer);
  copy->decision = g_strdup (src->decision);
  copy->notes = g_strdup (src->notes);
  return copy;
}

void
lb_review_free (LbReview *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->held_at);
  g_free (rec->reviewer);
  g_free (rec->decision);
  g_free (rec->notes);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbReview, lb_review, lb_review_copy, lb_review_free)

LbAuditEntry *
lb_audit_entry_copy (const LbAuditEntry *src)
{
  LbAuditEntry *copy;

  g_return_val_if_fail (src != NULL, NULL);

  copy = g_memdup2 (src, sizeof *src);
  copy->at = g_strdup (src->at);
  copy->who = g_strdup (src->who);
  copy->entity = g_strdup (src->entity);
  copy->field = g_strdup (src->field);
  copy->old_value = g_strdup (src->old_value);
  copy->new_value = g_strdup (src->new_value);
  return copy;
}

void
lb_audit_entry_free (LbAuditEntry *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->at);
  g_free (rec->who);
  g_free (rec->entity);
  g_free (rec->field);
  g_free (rec->old_value);
  g_free (rec->new_value);
  g_free (rec);
}

G_DEFINE_BOXED_TYPE (LbAuditEntry, lb_audit_entry, lb_audit_entry_copy, lb_audit_entry_free)

LbWarning *
lb_warning_new (guint       row,
                guint       column,
                const char *message)
{
  LbWarning *warning = g_new0 (LbWarning, 1);

  warning->row = row;
  warning->column = column;
  warning->message = g_strdup (message);
  return warning;
}

const char *
lb_workflow_pattern_name (const char *pattern)
{
  static const struct { const char *id; const char *name; } patterns[] = {
    { "P1", N_("External Evaluation Integration") },
    { "P2", N_("Model Output Evaluation") },
    { "P3", N_("Direct Model Evaluation") },
    { "P4", N_("Pointwise Model Evaluation") },
    { "P5", N_("Pairwise Model Evaluation") },
  };

  if (pattern == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (g_strcmp0 (pattern, patterns[i].id) == 0)
      return patterns[i].name;
  return NULL;
}

gboolean
lb_size_mul3 (gsize  a,
              gsize  b,
              gsize  c,
              gsize *out)
{
  gsize ab = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!g_size_checked_mul (&ab, a, b) || !g_size_checked_mul (out, ab, c))
    {
      *out = 0;
      return FALSE;
    }
  return TRUE;
}

const char *
lb_import_mode_to_string (LbImportMode mode)
{
  return mode == LB_IMPORT_MODE_REPLACE ? "replace" : "add";
}

gboolean
lb_import_mode_from_string (const char   *text,
                            LbImportMode *mode)
{
  if (g_strcmp0 (text, "replace") == 0)
    *mode = LB_IMPORT_MODE_REPLACE;
  else if (g_strcmp0 (text, "add") == 0)
    *mode = LB_IMPORT_MODE_ADD;
  else
    return FALSE;
  return TRUE;
}

static const char *const provenance_names[] = {
  [LB_PROVENANCE_NOT_STATED] = NULL,
  [LB_PROVENANCE_VENDOR] = "vendor",
  [LB_PROVENANCE_THIRD_PARTY] = "third-party",
  [LB_PROVENANCE_OURS] = "ours",
};

const char *
lb_provenance_class_to_string (LbProvenanceClass provenance)
{
  return (guint) provenance < G_N_ELEMENTS (provenance_names) ? provenance_names[provenance] : NULL;
}

gboolean
lb_provenance_class_from_string (const char        *text,
                                 LbProvenanceClass *provenance)
{
  g_return_val_if_fail (provenance != NULL, FALSE);

  *provenance = LB_PROVENANCE_NOT_STATED;
  if (text == NULL || *text == '\0')
    return TRUE;
  for (guint i = 1; i < G_N_ELEMENTS (provenance_names); i++)
    if (g_str_equal (text, provenance_names[i]))
      {
        *provenance = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lb_provenance_class_label (LbProvenanceClass provenance)
{
  switch (provenance)
    {
    case LB_PROVENANCE_VENDOR:
      return _("Reported by the vendor");
    case LB_PROVENANCE_THIRD_PARTY:
      return _("Reported by a third party");
    case LB_PROVENANCE_OURS:
      return _("Measured by us");
    case LB_PROVENANCE_NOT_STATED:
    default:
      return _("Source of the numbers not stated");
    }
}

/* @settings without its "N-shot" part (a part of its own, between "; "), newly allocated;
 * NULL when it states no shots. */
static char *
settings_without_shots (const char *settings)
{
  g_auto(GStrv) parts = g_strsplit (settings, "; ", -1);
  g_autoptr(GString) rest = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];
      size_t digits = strspn (p, "0123456789");

      if (!found && digits > 0 && strcmp (p + digits, "-shot") == 0)
        {
          found = TRUE;
          continue;
        }
      g_string_append_printf (rest, "%s%s", rest->len > 0 ? "; " : "", p);
    }
  return found ? g_string_free (g_steal_pointer (&rest), FALSE) : NULL;
}

gboolean
lb_settings_agree (const char *a,
                   const char *b)
{
  g_autofree char *a_rest = NULL;
  g_autofree char *b_rest = NULL;

  if (a == NULL || b == NULL || strcmp (a, b) == 0)
    return TRUE;
  a_rest = settings_without_shots (a);
  b_rest = settings_without_shots (b);
  /* Both state shots, and they differ, or neither does and the rest differs. */
  if ((a_rest == NULL) == (b_rest == NULL))
    return FALSE;
  return strcmp (a_rest != NULL ? a_rest : a, b_rest != NULL ? b_rest : b) == 0;
}

gboolean
lb_settings_state_shots (const char *settings)
{
  g_autofree char *rest = NULL;

  if (settings == NULL)
    return FALSE;
  rest = settings_without_shots (settings);
  return rest != NULL;
}

char *
lb_provenance_dup_text (LbProvenanceClass  provenance,
                        const char        *settings)
{
  GString *text;

  if (provenance == LB_PROVENANCE_NOT_STATED && settings == NULL)
    return NULL;
  text = g_string_new (NULL);
  if (provenance != LB_PROVENANCE_NOT_STATED)
    g_string_append (text, lb_provenance_class_label (provenance));
  if (settings != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Settings: %s"), settings);
    }
  return g_string_free (text, FALSE);
}

const char *
lb_real_name (void)
{
  const char *real = g_get_real_name ();

  /* GLib says "Unknown" when the account has no full name. */
  if (real == NULL || *real == '\0' || g_strcmp0 (real, "Unknown") == 0
      || g_strcmp0 (real, g_get_user_name ()) == 0)
    return NULL;
  return real;
}

char *
lb_person_display (const char *name)
{
  if (name == NULL || *name == '\0')
    /* TRANSLATORS: who imported a file or gave a verdict, when no name was set */
    return g_strdup (_("(name not recorded)"));
  if (g_strcmp0 (name, g_get_user_name ()) == 0 && g_strcmp0 (name, lb_real_name ()) != 0)
    /* TRANSLATORS: %s is a login such as "root": it is not a person's name */
    return g_strdup_printf (_("the account “%s” (no name recorded)"), name);
  return g_strdup (name);
}
