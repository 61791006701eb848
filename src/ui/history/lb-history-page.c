/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-history-page.c: the History page: the imports and the audit log */

#define G_LOG_DOMAIN "lb-history-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-changes.h"
#include "lb-record-item.h"
#include "lb-warning-row.h"
#include "lb-smells.h"
#include "lb-store.h"
#include "lb-value.h"
#include "lb-history-page.h"

/* The audit log can grow long; the page shows the newest entries. */
#define AUDIT_LIMIT 200
/* The longest value an audit line shows (the whole value is in the database and the LBOM). */
#define AUDIT_VALUE_CHARS 160

struct _LbHistoryPage
{
  LbPage      parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkListBox *list;
  GtkBox     *audit_box;
  GtkSearchEntry *audit_search;
  GtkDropDown *audit_kind;
  GtkLabel   *audit_no_match;

  /* owned */
  GListStore *items;      /* of LbRecordItem holding LbImport */
  GHashTable *changes;    /* import id (gint64*) → GPtrArray of LbChange*: what it changed;
                             NULL while it is being worked out (in a thread) */
  GCancellable *changes_cancellable;
  GtkCustomFilter *audit_filter;
  guint       audit_total;
  GHashTable *expanded;   /* import ids (gint64*) of the rows the reader opened: made anew
                             (when the changes arrive, at each reload), they stay open */
};

/* What an import changed is listed under it, up to this many lines. */
#define CHANGES_SHOWN 40
/* Replaying a leaderboard this large for every import would hold the window up: beyond it,
 * History points to leaderboard-cli changes. */
#define CHANGES_MAX_RESULTS 200000

/* What the kind filter offers, in the order of its drop-down. */
typedef enum {
  AUDIT_KIND_ALL,
  AUDIT_KIND_IMPORTS,
  AUDIT_KIND_RECORD,      /* the leaderboard's record, its benchmarks, models and results */
  AUDIT_KIND_CHECKS,      /* the smell checklist */
  AUDIT_KIND_DECISIONS,   /* profiles and reviews */
} AuditKind;

/* One event of the audit log as the page shows it: one plain line, its time and who, the
 * day it is grouped under, and the stored values in its tooltip. A smell check writes each
 * changed field of an item as an entry of its own; they are one event here. */
typedef struct {
  AuditKind  kind;
  char      *day;
  char      *title;
  char      *subtitle;
  char      *details;
  char      *search;      /* casefolded title and details */
} AuditLine;

static void
audit_line_free (AuditLine *line)
{
  g_free (line->day);
  g_free (line->title);
  g_free (line->subtitle);
  g_free (line->details);
  g_free (line->search);
  g_free (line);
}

G_DEFINE_FINAL_TYPE (LbHistoryPage, lb_history_page, LB_TYPE_PAGE)

static const char *
delimiter_name (const char *delimiter)
{
  if (g_strcmp0 (delimiter, ",") == 0)
    return _("comma");
  if (g_strcmp0 (delimiter, ";") == 0)
    return _("semicolon");
  if (g_strcmp0 (delimiter, "\t") == 0)
    return _("tab");
  if (g_strcmp0 (delimiter, "|") == 0)
    return _("bar");
  return delimiter != NULL ? delimiter : "?";
}

/* The encodings as the import assistant names them (the same messages). */
static const struct {
  const char *encoding;
  const char *label;
} encodings[] = {
  { "UTF-8", N_("UTF-8") },
  { "UTF-8-BOM", N_("UTF-8 with BOM (Excel “CSV UTF-8”)") },
  { "CP932", N_("Japanese Shift-JIS / CP932 (Excel “CSV”)") },
  { "UTF-16LE", N_("UTF-16 LE (Excel “Unicode Text”)") },
  { "UTF-16BE", N_("UTF-16 BE") },
  { "WINDOWS-1252", N_("Western / Windows-1252") },
};

static const char *
encoding_name (const char *encoding)
{
  for (guint i = 0; encoding != NULL && i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encoding, encodings[i].encoding) == 0)
      return _(encodings[i].label);
  return encoding != NULL ? encoding : "?";
}

static GtkWidget *
change_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
row_expanded_cb (LbHistoryPage  *self,
                 GParamSpec     *pspec,
                 AdwExpanderRow *row)
{
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  g_autoptr(LbRecordItem) item = NULL;
  const LbImport *import;

  if (position < 0 || (item = g_list_model_get_item (G_LIST_MODEL (self->items), (guint) position)) == NULL)
    return;
  import = lb_record_item_get (item);
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&import->id, sizeof import->id));
  else
    g_hash_table_remove (self->expanded, &import->id);
}

static GtkWidget *
create_import_row (gpointer item,
                   gpointer user_data)
{
  LbHistoryPage *self = user_data;
  LbImport *import = lb_record_item_get (item);
  GPtrArray *changes = self->changes != NULL ? g_hash_table_lookup (self->changes, &import->id) : NULL;
  g_autofree char *mode_text = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *imported = lb_date_text_to_display (import->imported_at);

  counts = g_strdup_printf (ngettext ("%u record, %u results", "%u records, %u results", import->records),
                            import->records, import->results);
  subtitle = g_strdup_printf (ngettext ("%s · %s · %s · %s · %u warning",
                                        "%s · %s · %s · %s · %u warnings", import->warnings->len),
                              imported != NULL ? imported : "?", encoding_name (import->encoding),
                              delimiter_name (import->delimiter), counts, import->warnings->len);
  if (changes != NULL)
    mode_text = g_strdup_printf (ngettext ("%s · %s · %u change", "%s · %s · %u changes", changes->len),
                                 subtitle,
                                 import->mode == LB_IMPORT_MODE_REPLACE
                                   ? _("new version of the sheet") : _("added to the leaderboard"),
                                 changes->len);
  else if (self->changes == NULL)
    mode_text = g_strdup_printf (_("%s · %s · working out what changed…"), subtitle,
                                 import->mode == LB_IMPORT_MODE_REPLACE
                                   ? _("new version of the sheet") : _("added to the leaderboard"));
  else
    /* Known, but not replayed: the leaderboard is too large (CHANGES_MAX_RESULTS). Said, not
       left out in silence. */
    mode_text = g_strdup_printf (_("%s · %s · too large to list what changed here: leaderboard-cli changes lists it"),
                                 subtitle,
                                 import->mode == LB_IMPORT_MODE_REPLACE
                                   ? _("new version of the sheet") : _("added to the leaderboard"));
  g_free (subtitle);
  subtitle = g_steal_pointer (&mode_text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), import->file_name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, import->file_path);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this import and its results"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-import");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", import->id);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row),
                                         import->warnings->len > 0
                                         || (changes != NULL && changes->len > 0));
  if (g_hash_table_contains (self->expanded, &import->id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self, G_CONNECT_SWAPPED);
  /* What it changed, exactly, before its warnings. */
  for (guint i = 0; changes != NULL && i < changes->len && i < CHANGES_SHOWN; i++)
    {
      g_autofree char *text = lb_change_describe (g_ptr_array_index (changes, i));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change_row (text));
    }
  if (changes != NULL && changes->len > CHANGES_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("… and %u more change: leaderboard-cli changes lists them all",
                                                         "… and %u more changes: leaderboard-cli changes lists them all",
                                                         changes->len - CHANGES_SHOWN),
                                               changes->len - CHANGES_SHOWN);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change_row (more));
    }
  for (guint i = 0; i < import->warnings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              lb_warning_row_new (g_ptr_array_index (import->warnings, i), NULL));
  return row;
}

/* The store's audit names, as people read them; a name not listed is shown as stored. */
static const struct {
  const char *id;
  const char *label;
} audit_names[] = {
  /* entities */
  { "leaderboard", NC_("audit entity", "Leaderboard") },
  { "benchmark", NC_("audit entity", "Benchmark") },
  { "model", NC_("audit entity", "Model") },
  { "result", NC_("audit entity", "Result") },
  { "import", NC_("audit entity", "Import") },
  { "smell", NC_("audit entity", "Smell") },
  { "profile", NC_("audit entity", "Profile") },
  { "review", NC_("audit entity", "Review") },
  /* events and fields */
  { "created", NC_("audit field", "created") },
  { "deleted", NC_("audit field", "deleted") },
  { "file", NC_("audit field", "file") },
  { "weights", NC_("audit field", "weights") },
  { "decision", NC_("audit field", "decision") },
  { "name", NC_("audit field", "name") },
  { "purpose", NC_("audit field", "purpose") },
  { "owner", NC_("audit field", "owner") },
  { "owner_contact", NC_("audit field", "owner contact") },
  { "update_cadence_days", NC_("audit field", "update cadence (days)") },
  { "workflow_pattern", NC_("audit field", "workflow pattern") },
  { "evaluation_data", NC_("audit field", "evaluation data") },
  { "procedure", NC_("audit field", "reproduction procedure") },
  { "production_context", NC_("audit field", "production context") },
  { "last_reviewed_at", NC_("audit field", "last reviewed") },
  { "task", NC_("audit field", "task") },
  { "metric", NC_("audit field", "metric") },
  { "unit", NC_("audit field", "unit") },
  { "higher_is_better", NC_("audit field", "higher is better") },
  { "scale_min", NC_("audit field", "scale minimum") },
  { "scale_max", NC_("audit field", "scale maximum") },
  { "dataset", NC_("audit field", "data set") },
  { "dataset_version", NC_("audit field", "data set version") },
  { "protocol", NC_("audit field", "protocol") },
  { "harness", NC_("audit field", "harness") },
  { "description", NC_("audit field", "description") },
  { "retired", NC_("audit field", "retired") },
  { "version", NC_("audit field", "version") },
  { "provider", NC_("audit field", "provider") },
  { "provenance_url", NC_("audit field", "provenance link") },
  { "access", NC_("audit field", "access") },
  { "notes", NC_("audit field", "notes") },
  /* what the smell checks record on a checklist item */
  { "status", NC_("audit field", "status") },
  { "detected", NC_("audit field", "detected") },
  { "evidence", NC_("audit field", "evidence") },
  { "needs_review", NC_("audit field", "needs a new look") },
  { "note", NC_("audit field", "note") },
  { "reviewer", NC_("audit field", "reviewer") },
  { "checked_at", NC_("audit field", "verdict date") },
};

static const char *
audit_name (const char *id,
            const char *context)
{
  if (id == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (audit_names); i++)
    if (g_str_equal (id, audit_names[i].id))
      return g_dpgettext2 (NULL, context, audit_names[i].label);
  return id;
}

/* The field of a smell's checklist item, "missing/model.status", as people read it:
 * "Missing entity (Model) status"; @attr gets "status". NULL for any other field. */
static char *
smell_field_label (const LbAuditEntry  *e,
                   const char         **attr)
{
  g_auto(GStrv) parts = NULL;
  const char *dot;
  g_autofree char *component = NULL;
  LbSmellKind kind;
  LbComponent comp;

  if (g_strcmp0 (e->entity, "smell") != 0 || e->field == NULL
      || (dot = strrchr (e->field, '.')) == NULL)
    return NULL;
  parts = g_strsplit (e->field, "/", 2);
  if (g_strv_length (parts) != 2 || !lb_smell_kind_from_string (parts[0], &kind))
    return NULL;
  component = g_strndup (parts[1], (gsize) (dot - e->field) - strlen (parts[0]) - 1);
  *attr = dot + 1;
  if (lb_component_from_string (component, &comp))
    /* Translators: a smell of the checklist and the component it is about */
    return g_strdup_printf (_("%s (%s)"), lb_smell_kind_label (kind), lb_component_label (comp));
  return g_strdup (lb_smell_kind_label (kind));
}

/* A value on one line of the log: its first line, at most AUDIT_VALUE_CHARS characters, and
 * how many lines follow. A smells run stores every finding as a line; laying out tens of
 * thousands of characters only to show two lines of them held the window up for seconds. */
static char *
audit_line (char *value)
{
  const char *end = strchr (value, '\n');
  guint more = 0;
  g_autoptr(GString) line = NULL;

  for (const char *p = end; p != NULL; p = strchr (p + 1, '\n'))
    if (p[1] != '\0')
      more++;
  if (more == 0 && g_utf8_strlen (value, -1) <= AUDIT_VALUE_CHARS)
    return value;
  line = g_string_new_len (value, end != NULL ? end - value : -1);
  if (g_utf8_strlen (line->str, -1) > AUDIT_VALUE_CHARS)
    {
      g_string_truncate (line, g_utf8_offset_to_pointer (line->str, AUDIT_VALUE_CHARS) - line->str);
      g_string_append (line, "…");
    }
  if (more > 0)
    /* Translators: after the first line of a long value in the audit log */
    g_string_append_printf (line, ngettext (" (and %u more line)", " (and %u more lines)", more), more);
  g_free (value);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* A stored value for people: dates of *_at fields the user's way, smell verdicts and yes/no
 * in words, evidence without the keys the checks use; the rest as stored. */
static char *
audit_value (const LbAuditEntry *e,
             const char         *attr,
             const char         *value)
{
  LbSmellStatus status;

  if (value == NULL)
    return NULL;
  if (attr != NULL && g_str_has_suffix (attr, "_at"))
    return lb_date_text_to_display (value);
  if (g_strcmp0 (value, "true") == 0)
    return g_strdup (C_("audit value", "yes"));
  if (g_strcmp0 (value, "false") == 0)
    return g_strdup (C_("audit value", "no"));
  if (g_strcmp0 (e->entity, "smell") == 0 && g_strcmp0 (attr, "status") == 0
      && lb_smell_status_from_string (value, &status))
    return g_strdup (lb_smell_status_label (status));
  if (g_strcmp0 (e->entity, "smell") == 0 && g_strcmp0 (attr, "evidence") == 0)
    {
      LbSmell smell = { .evidence = (char *) value };
      char *shown = lb_smell_evidence_display (&smell);

      return audit_line (shown != NULL ? shown : g_strdup (value));
    }
  return audit_line (g_strdup (value));
}

/* "Benchmark “JMMLU”": the entity and, where the page knows it, its name. */
static char *
entity_text (const LbAuditEntry *e,
             GHashTable         *names)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, e->entity, e->entity_id);
  const char *name = g_hash_table_lookup (names, key);
  const char *entity = audit_name (e->entity, "audit entity");

  if (name == NULL)
    return g_strdup (entity);
  /* Translators: an entity of the audit log and its name, as in “Benchmark “JMMLU”” */
  return g_strdup_printf (_("%s “%s”"), entity, name);
}

/* "status: “Unchecked” → “Needs a look”", for the tooltip of an event. */
static void
append_change (GString            *details,
               const LbAuditEntry *e,
               const char         *attr,
               const char         *field)
{
  g_autofree char *old_value = audit_value (e, attr, e->old_value);
  g_autofree char *new_value = audit_value (e, attr, e->new_value);

  if (details->len > 0)
    g_string_append_c (details, '\n');
  if (old_value != NULL && *old_value != '\0')
    /* Translators: a field of the audit log with its old and new value */
    g_string_append_printf (details, _("%s: “%s” → “%s”"), field, old_value,
                            new_value != NULL ? new_value : "");
  else
    /* Translators: a field of the audit log with its new value */
    g_string_append_printf (details, _("%s: “%s”"), field, new_value != NULL ? new_value : "");
}

/* The plain line of an entry that is not a smell's. */
static char *
entry_title (const LbAuditEntry *e,
             GHashTable         *names)
{
  g_autofree char *old_value = audit_value (e, e->field, e->old_value);
  g_autofree char *new_value = audit_value (e, e->field, e->new_value);
  g_autofree char *entity = NULL;
  const char *field = audit_name (e->field, "audit field");
  gboolean now_true = g_strcmp0 (e->new_value, "true") == 0;

  if (g_strcmp0 (e->entity, "import") == 0)
    {
      g_autofree char *key = g_strdup_printf ("import:%" G_GINT64_FORMAT, e->entity_id);
      const char *file = g_hash_table_lookup (names, key);

      if (g_strcmp0 (e->field, "file") == 0)
        return g_strdup_printf (_("Imported “%s”"), new_value != NULL ? new_value : "?");
      if (g_strcmp0 (e->field, "deleted") == 0)
        return g_strdup_printf (now_true ? _("Removed the import of “%s”") : _("Restored the import of “%s”"),
                                file != NULL ? file : "?");
    }
  else if (g_strcmp0 (e->entity, "leaderboard") == 0)
    {
      if (g_strcmp0 (e->field, "created") == 0)
        return g_strdup_printf (_("Created the leaderboard “%s”"), new_value != NULL ? new_value : "?");
      if (g_strcmp0 (e->field, "deleted") == 0)
        return g_strdup (now_true ? _("Deleted the leaderboard") : _("Restored the leaderboard"));
    }
  else if (g_strcmp0 (e->entity, "profile") == 0)
    {
      if (g_strcmp0 (e->field, "created") == 0)
        return g_strdup_printf (_("Created the profile “%s”"), new_value != NULL ? new_value : "?");
      if (g_strcmp0 (e->field, "deleted") == 0)
        return g_strdup_printf (_("Deleted the profile “%s”"), old_value != NULL ? old_value : "?");
    }
  else if (g_strcmp0 (e->entity, "review") == 0 && g_strcmp0 (e->field, "decision") == 0)
    {
      return g_strdup_printf (_("Recorded a review: “%s”"), new_value != NULL ? new_value : "");
    }

  entity = entity_text (e, names);
  if (g_strcmp0 (e->entity, "benchmark") == 0 && g_strcmp0 (e->field, "higher_is_better") == 0
      && e->new_value != NULL)
    return g_strdup_printf (now_true ? _("%s: higher is better now") : _("%s: lower is better now"), entity);
  /* Translators: the audit entries start with the entity, then the field or event, as in
     “Leaderboard purpose: …” or “Import deleted”. */
  if (old_value != NULL && *old_value != '\0' && new_value != NULL && *new_value != '\0')
    return g_strdup_printf (_("%s %s: “%s” → “%s”"), entity, field, old_value, new_value);
  if (new_value != NULL && *new_value != '\0')
    return g_strdup_printf (_("%s %s: “%s”"), entity, field, new_value);
  if (old_value != NULL && *old_value != '\0')
    return g_strdup_printf (_("%s %s cleared (was “%s”)"), entity, field, old_value);
  return g_strdup_printf (_("%s %s"), entity, field);
}

static AuditKind
entry_kind (const LbAuditEntry *e)
{
  if (g_strcmp0 (e->entity, "import") == 0)
    return AUDIT_KIND_IMPORTS;
  if (g_strcmp0 (e->entity, "smell") == 0)
    return AUDIT_KIND_CHECKS;
  if (g_strcmp0 (e->entity, "profile") == 0 || g_strcmp0 (e->entity, "review") == 0)
    return AUDIT_KIND_DECISIONS;
  return AUDIT_KIND_RECORD;
}

/* Whether @b is another field of the same event as @a (a smell check writes one entry per
 * field it changed, at the same moment). */
static gboolean
same_event (const LbAuditEntry *a,
            const LbAuditEntry *b)
{
  return g_strcmp0 (a->entity, "smell") == 0 && g_strcmp0 (b->entity, "smell") == 0
         && a->entity_id == b->entity_id && g_strcmp0 (a->at, b->at) == 0
         && g_strcmp0 (a->who, b->who) == 0;
}

/* The entries audit[first..last) of one event as one line. */
static AuditLine *
audit_line_new (GPtrArray  *audit,
                guint       first,
                guint       last,
                GHashTable *names)
{
  const LbAuditEntry *e = g_ptr_array_index (audit, first);
  AuditLine *line = g_new0 (AuditLine, 1);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GDateTime) at = e->at != NULL ? g_date_time_new_from_iso8601 (e->at, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup (e->at);
  g_autofree char *folded = NULL;

  line->kind = entry_kind (e);
  line->day = lb_date_text_to_display (e->at);
  {
    g_autofree char *who = lb_person_display (e->who);

    if (e->who == NULL || *e->who == '\0')
      /* TRANSLATORS: an audit log line's time, when no name was recorded with it */
      line->subtitle = g_strdup_printf (_("%s, no name recorded"), time != NULL ? time : "?");
    else
      line->subtitle = g_strdup_printf (_("%s by %s"), time != NULL ? time : "?", who);
  }

  for (guint i = first; i < last; i++)
    {
      const LbAuditEntry *entry = g_ptr_array_index (audit, i);
      const char *attr = entry->field;
      g_autofree char *smell_label = smell_field_label (entry, &attr);

      append_change (details, entry, attr, audit_name (attr, "audit field"));
    }

  if (g_strcmp0 (e->entity, "smell") == 0)
    {
      const char *attr = e->field;
      g_autofree char *check = smell_field_label (e, &attr);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) said = g_string_new (NULL);

      for (guint i = first; i < last; i++)
        {
          const LbAuditEntry *entry = g_ptr_array_index (audit, i);
          const char *entry_attr = entry->field;
          g_autofree char *unused = smell_field_label (entry, &entry_attr);
          gboolean now_true = g_strcmp0 (entry->new_value, "true") == 0;
          LbSmellStatus status;

          if (unused == NULL)
            continue;
          if (g_strcmp0 (entry_attr, "status") == 0 && entry->new_value != NULL
              && lb_smell_status_from_string (entry->new_value, &status))
            g_ptr_array_add (parts, g_strdup (lb_smell_status_label (status)));
          else if (g_strcmp0 (entry_attr, "detected") == 0)
            g_ptr_array_add (parts, g_strdup (now_true ? _("found something to look at") : _("found nothing")));
          else if (g_strcmp0 (entry_attr, "needs_review") == 0 && now_true)
            g_ptr_array_add (parts, g_strdup (_("needs a new look")));
          else if (g_strcmp0 (entry_attr, "note") == 0 && entry->new_value != NULL && *entry->new_value != '\0')
            g_ptr_array_add (parts, g_strdup (_("note added")));
        }
      if (parts->len == 0)
        g_ptr_array_add (parts, g_strdup (_("its findings were updated")));
      for (guint i = 0; i < parts->len; i++)
        {
          if (i > 0)
            /* Translators: between the parts of one line of the audit log */
            g_string_append (said, C_("audit list", ", "));
          g_string_append (said, g_ptr_array_index (parts, i));
        }
      /* Translators: a smell check of the checklist and what changed on it */
      line->title = g_strdup_printf (_("Check “%s”: %s"), check != NULL ? check : e->field, said->str);
    }
  else
    {
      line->title = entry_title (e, names);
    }
  line->details = details->len > 0 ? g_strdup (details->str) : NULL;
  folded = g_strconcat (line->title, "\n", line->details != NULL ? line->details : "", NULL);
  line->search = g_utf8_casefold (folded, -1);
  return line;
}

static GtkWidget *
create_audit_row (gpointer item,
                  gpointer user_data)
{
  AuditLine *line = lb_record_item_get (item);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, line->details != NULL ? line->details : line->title);
  return row;
}

static gboolean
audit_filter_cb (gpointer item,
                 gpointer user_data)
{
  LbHistoryPage *self = user_data;
  AuditLine *line = lb_record_item_get (item);
  guint kind = gtk_drop_down_get_selected (self->audit_kind);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->audit_search));
  g_autofree char *needle = NULL;

  if (kind != AUDIT_KIND_ALL && kind != GTK_INVALID_LIST_POSITION && line->kind != kind)
    return FALSE;
  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  return strstr (line->search, needle) != NULL;
}

/* A day's section shows while any of its events passes the filter; the page says so when
 * none does. */
static void
update_audit_sections (LbHistoryPage *self)
{
  guint shown = 0;

  for (GtkWidget *section = gtk_widget_get_first_child (GTK_WIDGET (self->audit_box)); section != NULL;
       section = gtk_widget_get_next_sibling (section))
    {
      GListModel *model = g_object_get_data (G_OBJECT (section), "lb-day-model");
      guint n = g_list_model_get_n_items (model);

      gtk_widget_set_visible (section, n > 0);
      shown += n;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->audit_no_match), shown == 0 && self->audit_total > 0);
}

static void
audit_filter_changed_cb (LbHistoryPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->audit_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_audit_sections (self);
}

/* A heading with the day and a list of that day's events under it. */
static void
add_day_section (LbHistoryPage *self,
                 const char    *day,
                 GListStore    *events)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (day);
  GtkWidget *list = gtk_list_box_new ();
  GtkFilterListModel *shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (events)),
                                                         GTK_FILTER (g_object_ref (self->audit_filter)));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (shown), create_audit_row, NULL, NULL);
  gtk_box_append (GTK_BOX (section), list);
  /* The section's own model, for update_audit_sections(); the list box holds a reference. */
  g_object_set_data_full (G_OBJECT (section), "lb-day-model", shown, g_object_unref);
  gtk_box_append (self->audit_box, section);
}

/* What the imports changed when nothing is known to have changed. */
static GHashTable *
no_changes (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static void
changes_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LbHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = lb_changes_of_imports_finish (result, &error);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A failure leaves the rows without their changes, and says why. */
  if (changes == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      changes = no_changes ();
    }
  g_clear_object (&self->changes_cancellable);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  self->changes = g_steal_pointer (&changes);
  /* The same imports again: each row is made anew, with its changes. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n > 0)
    {
      g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (same, g_list_model_get_item (G_LIST_MODEL (self->items), i));
      g_list_store_splice (self->items, 0, n, same->pdata, n);
    }
}

/* Whether what the imports changed is still being worked out (tests wait for it). */
gboolean
lb_history_page_is_busy (LbHistoryPage *self)
{
  g_return_val_if_fail (LB_IS_HISTORY_PAGE (self), FALSE);
  return self->changes == NULL && self->changes_cancellable != NULL;
}

static void
reload (LbHistoryPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 leaderboard_id = lb_page_get_leaderboard_id (LB_PAGE (self));
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListStore) day_events = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_list_store_remove_all (self->items);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->audit_box))) != NULL)
    gtk_box_remove (self->audit_box, child);
  self->audit_total = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->audit_no_match), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (store == NULL || leaderboard_id == 0)
    return;
  if ((imports = lb_store_list_imports (store, leaderboard_id, &error)) == NULL ||
      (audit = lb_store_list_audit (store, leaderboard_id, AUDIT_LIMIT, &error)) == NULL ||
      (benchmarks = lb_store_list_benchmarks (store, leaderboard_id, &error)) == NULL ||
      (models = lb_store_list_models (store, leaderboard_id, &error)) == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  /* What each import changed is worked out in a thread: replaying a large leaderboard's
     imports held the window up. Its rows show the rest at once and the changes when known. */
  g_cancellable_cancel (self->changes_cancellable);
  g_clear_object (&self->changes_cancellable);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  if (lb_store_get_path (store) != NULL && strcmp (lb_store_get_path (store), ":memory:") != 0)
    {
      self->changes_cancellable = g_cancellable_new ();
      lb_changes_of_imports_async (lb_store_get_path (store), leaderboard_id, CHANGES_MAX_RESULTS,
                                   self->changes_cancellable, changes_ready_cb, g_object_ref (self));
    }
  else
    {
      /* A private in-memory store (tests) has no file another connection could open. */
      self->changes = lb_changes_of_imports (store, leaderboard_id, CHANGES_MAX_RESULTS, NULL, &error);
      if (self->changes == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
          g_clear_error (&error);
          self->changes = no_changes ();
        }
    }
  /* The names the log's lines use; the records outlive the table (freed at the end). */
  for (guint i = 0; i < imports->len; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);
      g_autoptr(LbRecordItem) item = lb_record_item_new (lb_import_copy (import),
                                                         (GDestroyNotify) lb_import_free);

      g_list_store_append (self->items, item);
      g_hash_table_insert (names, g_strdup_printf ("import:%" G_GINT64_FORMAT, import->id), import->file_name);
    }
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);

      g_hash_table_insert (names, g_strdup_printf ("benchmark:%" G_GINT64_FORMAT, benchmark->id), benchmark->name);
    }
  for (guint i = 0; i < models->len; i++)
    {
      LbModel *model = g_ptr_array_index (models, i);

      g_hash_table_insert (names, g_strdup_printf ("model:%" G_GINT64_FORMAT, model->id), model->name);
    }

  for (guint i = 0; i < audit->len;)
    {
      guint last = i + 1;
      AuditLine *line;
      g_autoptr(LbRecordItem) item = NULL;

      while (last < audit->len && same_event (g_ptr_array_index (audit, i), g_ptr_array_index (audit, last)))
        last++;
      line = audit_line_new (audit, i, last, names);
      if (day_events == NULL || g_strcmp0 (day, line->day) != 0)
        {
          if (day_events != NULL)
            add_day_section (self, day, day_events);
          g_clear_object (&day_events);
          g_free (day);
          day = g_strdup (line->day);
          day_events = g_list_store_new (LB_TYPE_RECORD_ITEM);
        }
      item = lb_record_item_new (line, (GDestroyNotify) audit_line_free);
      g_list_store_append (day_events, item);
      self->audit_total++;
      i = last;
    }
  if (day_events != NULL)
    add_day_section (self, day, day_events);
  update_audit_sections (self);
  gtk_stack_set_visible_child_name (self->stack, imports->len + audit->len > 0 ? "list" : "empty");
}

/* ---- GObject ---- */

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  reload (LB_HISTORY_PAGE (page));
}

static void
lb_history_page_dispose (GObject *object)
{
  g_cancellable_cancel (LB_HISTORY_PAGE (object)->changes_cancellable);
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_HISTORY_PAGE);
  G_OBJECT_CLASS (lb_history_page_parent_class)->dispose (object);
}

static void
lb_history_page_finalize (GObject *object)
{
  LbHistoryPage *self = LB_HISTORY_PAGE (object);

  g_clear_object (&self->items);
  g_clear_object (&self->audit_filter);
  g_clear_object (&self->changes_cancellable);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  G_OBJECT_CLASS (lb_history_page_parent_class)->finalize (object);
}

static void
lb_history_page_class_init (LbHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_history_page_dispose;
  object_class->finalize = lb_history_page_finalize;
  LB_PAGE_CLASS (klass)->reload = page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, list);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, audit_box);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, audit_search);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, audit_kind);
  gtk_widget_class_bind_template_child (widget_class, LbHistoryPage, audit_no_match);
  gtk_widget_class_bind_template_callback (widget_class, audit_filter_changed_cb);
}

static void
lb_history_page_init (LbHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (LB_TYPE_RECORD_ITEM);
  self->audit_filter = gtk_custom_filter_new (audit_filter_cb, self, NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_import_row, self, NULL);
  self->changes = no_changes ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}
