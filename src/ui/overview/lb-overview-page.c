/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-overview-page.c: the leaderboard's record form */

#define G_LOG_DOMAIN "lb-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lb-overview-page.h"
#include "lb-record-form.h"
#include "lb-store.h"
#include "lb-value.h"

/* Long enough not to write on every key, short enough that closing soon after loses nothing
 * (dispose flushes anyway). */
#define SAVE_DELAY_MS 600

struct _LbOverviewPage
{
  LbPage          parent_instance;

  /* template widgets */
  GtkLabel       *name_label;
  GtkLabel       *models_label;
  GtkLabel       *unlisted_label;
  GtkLabel       *benchmarks_label;
  GtkLabel       *results_label;
  GtkLabel       *newest_label;
  GtkLabel       *owner_label;
  AdwActionRow   *review_row;
  AdwComboRow    *cadence_row;
  AdwActionRow   *cadence_days_row;
  GtkSpinButton  *cadence_days_spin;
  AdwEntryRow    *purpose_row;
  AdwEntryRow    *owner_row;
  AdwEntryRow    *owner_contact_row;
  AdwEntryRow    *production_context_row;
  AdwComboRow    *pattern_row;
  GtkStringList  *pattern_list;
  AdwEntryRow    *evaluation_data_row;
  GtkTextView    *procedure_view;

  /* owned */
  LbRecordForm   *form;
  guint           dirty;        /* bit per LbRecordFormField not yet written */
  guint           save_id;

  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LbOverviewPage, lb_overview_page, LB_TYPE_PAGE)

#define STORE(page) lb_page_get_store (LB_PAGE (page))
#define LEADERBOARD_ID(page) lb_page_get_leaderboard_id (LB_PAGE (page))

static const char * const patterns[] = { "P1", "P2", "P3", "P4", "P5" };

static AdwEntryRow *
entry_for_field (LbOverviewPage    *self,
                 LbRecordFormField  field)
{
  switch (field)
    {
    case LB_RECORD_FORM_PURPOSE: return self->purpose_row;
    case LB_RECORD_FORM_OWNER: return self->owner_row;
    case LB_RECORD_FORM_OWNER_CONTACT: return self->owner_contact_row;
    case LB_RECORD_FORM_PRODUCTION_CONTEXT: return self->production_context_row;
    case LB_RECORD_FORM_EVALUATION_DATA: return self->evaluation_data_row;
    case LB_RECORD_FORM_UPDATE_CADENCE:
    case LB_RECORD_FORM_WORKFLOW_PATTERN:
    case LB_RECORD_FORM_PROCEDURE:
    case LB_RECORD_FORM_LAST_REVIEWED:
    case LB_RECORD_FORM_N_FIELDS:
    default:
      return NULL;
    }
}

static void
apply_flags (LbOverviewPage *self)
{
  for (LbRecordFormField f = 0; f < LB_RECORD_FORM_N_FIELDS; f++)
    {
      AdwEntryRow *row = entry_for_field (self, f);

      if (row == NULL)
        continue;
      if (self->form != NULL && lb_record_form_field_is_missing (self->form, f))
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
}

static void
update_review (LbOverviewPage *self)
{
  g_autofree char *status = NULL;
  g_autofree char *last = NULL;
  LbReviewState state;
  GDate today, due;

  if (self->form == NULL)
    return;
  lb_clock_today (&today);
  g_date_clear (&due, 1);
  state = lb_review_state (self->form->last_reviewed_at, self->form->created_at,
                           self->form->update_cadence_days, &today, &due);
  status = lb_review_state_describe (state, &due);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), status);
  if (self->form->last_reviewed_at != NULL)
    {
      g_autofree char *reviewed = lb_date_text_to_display (self->form->last_reviewed_at);

      last = g_strdup_printf (_("Last reviewed on %s"), reviewed);
    }
  else
    last = g_strdup (_("Never reviewed"));
  adw_action_row_set_subtitle (self->review_row, last);
  if (state == LB_REVIEW_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self->review_row), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->review_row), "overdue");
}

/* A Japanese date goes onto two lines after its year (「2026年 / 12月2日」), never inside the
 * day (「2026年12月2 / 日」) as the card's narrow label would break it. Newly allocated. */
static char *
date_card_text (const char *date)
{
  const char *year = date != NULL ? strstr (date, "年") : NULL;
  gsize split;

  if (year == NULL || year[strlen ("年")] == '\0')
    return g_strdup (date != NULL ? date : "—");
  split = (gsize) (year - date) + strlen ("年");
  return g_strdup_printf ("%.*s\n%s", (int) split, date, date + split);
}

static void
update_summary (LbOverviewPage *self)
{
  LbLeaderboardStats stats = { 0 };
  g_autofree char *models = NULL, *benchmarks = NULL, *results = NULL, *newest = NULL;
  g_autofree char *card_date = NULL;

  if (STORE (self) == NULL || LEADERBOARD_ID (self) == 0 ||
      !lb_store_get_leaderboard_stats (STORE (self), LEADERBOARD_ID (self), &stats, NULL))
    return;
  models = g_strdup_printf ("%u", stats.n_models);
  benchmarks = g_strdup_printf ("%u", stats.n_benchmarks);
  results = g_strdup_printf ("%u", stats.n_results);
  gtk_label_set_label (self->models_label, models);
  if (stats.n_unlisted > 0)
    {
      /* Translators: under the number of models on the Overview, e.g. "of which 1 no longer listed". */
      g_autofree char *unlisted = g_strdup_printf (ngettext ("of which %u no longer listed",
                                                             "of which %u no longer listed",
                                                             stats.n_unlisted),
                                                   stats.n_unlisted);
      gtk_label_set_label (self->unlisted_label, unlisted);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unlisted_label), stats.n_unlisted > 0);
  gtk_label_set_label (self->benchmarks_label, benchmarks);
  gtk_label_set_label (self->results_label, results);
  newest = lb_date_text_to_display (stats.newest_result);
  card_date = date_card_text (newest);
  gtk_label_set_label (self->newest_label, card_date);
  gtk_label_set_label (self->owner_label,
                       self->form != NULL && self->form->owner != NULL ? self->form->owner : _("Not set"));
  lb_leaderboard_stats_clear (&stats);
}

static gboolean
save_cb (gpointer user_data)
{
  LbOverviewPage *self = user_data;

  self->save_id = 0;
  lb_overview_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
field_edited (LbOverviewPage    *self,
              LbRecordFormField  field,
              const char        *text)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (self->loading || self->form == NULL)
    return;
  if (!lb_record_form_set (self->form, field, text, &changed, &error))
    {
      /* The widgets only offer accepted values, so this is a programming error. */
      g_critical ("%s", error->message);
      return;
    }
  if (!changed)
    return;
  self->dirty |= 1u << field;
  apply_flags (self);
  update_review (self);
  if (field == LB_RECORD_FORM_OWNER)
    gtk_label_set_label (self->owner_label, self->form->owner != NULL ? self->form->owner : _("Not set"));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
entry_changed_cb (LbOverviewPage *self,
                  AdwEntryRow    *row)
{
  for (LbRecordFormField f = 0; f < LB_RECORD_FORM_N_FIELDS; f++)
    if (entry_for_field (self, f) == row)
      field_edited (self, f, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
procedure_changed_cb (LbOverviewPage *self,
                      GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  field_edited (self, LB_RECORD_FORM_PROCEDURE, text);
}

/* The cadence row shows the chosen custom cadence as "Every 14 days", not as the choice's
 * name in the list ("Every few days…"). */
static void
bind_cadence_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  LbOverviewPage *self = data;
  GtkStringObject *string = gtk_list_item_get_item (item);
  g_autofree char *custom = NULL;
  const char *text = gtk_string_object_get_string (string);

  g_autoptr(GObject) custom_item = data != NULL
    ? g_list_model_get_item (adw_combo_row_get_model (self->cadence_row), LB_CADENCE_CUSTOM) : NULL;

  /* By the item: the row's shown value is not in a list and has no position. */
  if (custom_item != NULL && (gpointer) string == (gpointer) custom_item)
    {
      int days = gtk_spin_button_get_value_as_int (self->cadence_days_spin);

      custom = g_strdup_printf (ngettext ("Every %d day", "Every %d days", days), days);
      text = custom;
    }
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
setup_cadence_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static GtkListItemFactory *
cadence_factory_new (LbOverviewPage *shown_for)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cadence_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cadence_cb), shown_for);
  return factory;
}

/* A new factory makes the row bind its shown value again, with the days as they are now. */
static void
update_cadence_shown (LbOverviewPage *self)
{
  g_autoptr(GtkListItemFactory) factory = cadence_factory_new (self);

  adw_combo_row_set_factory (self->cadence_row, factory);
}

static void
cadence_changed_cb (LbOverviewPage *self)
{
  LbCadence cadence = adw_combo_row_get_selected (self->cadence_row);
  int days = lb_cadence_to_days (cadence, gtk_spin_button_get_value_as_int (self->cadence_days_spin));
  g_autofree char *text = days > 0 ? g_strdup_printf ("%d", days) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->cadence_days_row), cadence == LB_CADENCE_CUSTOM);
  update_cadence_shown (self);
  field_edited (self, LB_RECORD_FORM_UPDATE_CADENCE, text);
}

/* The pattern list shows each pattern's name whole with its explanation under it (the names
 * were cut: "P1 · External …"); the row shows the chosen name, wrapped rather than cut. */
static void
setup_pattern_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *explanation = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (explanation), 40);
  gtk_widget_add_css_class (explanation, "caption");
  gtk_widget_add_css_class (explanation, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), explanation);
  gtk_list_item_set_child (item, box);
}

static void
bind_pattern_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *explanation = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (item);
  const char *text = NULL;

  gtk_label_set_label (GTK_LABEL (name), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  if (position >= 1 && position <= G_N_ELEMENTS (patterns))
    text = lb_workflow_pattern_explanation (patterns[position - 1]);
  gtk_label_set_label (GTK_LABEL (explanation), text != NULL ? _(text) : "");
  gtk_widget_set_visible (explanation, text != NULL);
}

static void
setup_pattern_shown_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_list_item_set_child (item, label);
}

static void
bind_pattern_shown_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
update_pattern_subtitle (LbOverviewPage *self)
{
  guint selected = adw_combo_row_get_selected (self->pattern_row);
  const char *text = NULL;

  if (selected >= 1 && selected <= G_N_ELEMENTS (patterns))
    text = _(lb_workflow_pattern_explanation (patterns[selected - 1]));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pattern_row),
                               text != NULL ? text : _("Which LBOps workflow produces these numbers"));
}

static void
pattern_changed_cb (LbOverviewPage *self)
{
  guint selected = adw_combo_row_get_selected (self->pattern_row);

  update_pattern_subtitle (self);
  field_edited (self, LB_RECORD_FORM_WORKFLOW_PATTERN,
                selected >= 1 && selected <= G_N_ELEMENTS (patterns) ? patterns[selected - 1] : NULL);
}

static void
reviewed_clicked_cb (LbOverviewPage *self)
{
  /* The moment, not the day: an import later today is a change since the review. */
  g_autofree char *text = lb_now_iso8601 ();

  field_edited (self, LB_RECORD_FORM_LAST_REVIEWED, text);
  lb_overview_page_flush (self);
}

static void
load (LbOverviewPage *self)
{
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->procedure_view);
  LbCadence cadence;
  guint pattern = 0;

  g_clear_pointer (&self->form, lb_record_form_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  if (STORE (self) == NULL || LEADERBOARD_ID (self) == 0)
    return;
  lb = lb_store_get_leaderboard (STORE (self), LEADERBOARD_ID (self), &error);
  if (lb == NULL)
    {
      g_message ("Cannot load leaderboard %" G_GINT64_FORMAT ": %s", LEADERBOARD_ID (self), error->message);
      return;
    }

  self->form = lb_record_form_new (lb);
  gtk_label_set_label (self->name_label, lb->name);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), self->form->purpose ? self->form->purpose : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), self->form->owner ? self->form->owner : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_contact_row),
                         self->form->owner_contact ? self->form->owner_contact : "");
  gtk_editable_set_text (GTK_EDITABLE (self->production_context_row),
                         self->form->production_context ? self->form->production_context : "");
  gtk_editable_set_text (GTK_EDITABLE (self->evaluation_data_row),
                         self->form->evaluation_data ? self->form->evaluation_data : "");
  gtk_text_buffer_set_text (buffer, self->form->procedure ? self->form->procedure : "", -1);
  cadence = lb_cadence_from_days (self->form->update_cadence_days);
  if (cadence == LB_CADENCE_CUSTOM)
    gtk_spin_button_set_value (self->cadence_days_spin, self->form->update_cadence_days);
  adw_combo_row_set_selected (self->cadence_row, cadence);
  gtk_widget_set_visible (GTK_WIDGET (self->cadence_days_row), cadence == LB_CADENCE_CUSTOM);
  update_cadence_shown (self);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (g_strcmp0 (self->form->workflow_pattern, patterns[i]) == 0)
      pattern = i + 1;
  adw_combo_row_set_selected (self->pattern_row, pattern);
  update_pattern_subtitle (self);
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  apply_flags (self);
  update_review (self);
  update_summary (self);
}

/* Whether the stored record differs from what the page shows: the page's own edits are in
 * the form before they are written, so only another program (leaderboard-cli) makes it so. */
static gboolean
changed_elsewhere (LbOverviewPage *self)
{
  g_autoptr(LbLeaderboard) lb = NULL;
  g_autoptr(LbRecordForm) stored = NULL;

  if (self->form == NULL)
    return FALSE;
  lb = lb_store_get_leaderboard (STORE (self), LEADERBOARD_ID (self), NULL);
  if (lb == NULL)
    return FALSE;
  stored = lb_record_form_new (lb);
  return !lb_record_form_equal (stored, self->form) ||
         g_strcmp0 (lb->name, gtk_label_get_label (self->name_label)) != 0;
}

static void
page_reload (LbPage   *page,
             gboolean  same_leaderboard)
{
  LbOverviewPage *self = LB_OVERVIEW_PAGE (page);

  /* The summary can change under us; the fields only when another program wrote them, and
   * then the page shows the store's values, unless an edit of the user's is not saved yet
   * (saving it reloads the page again). */
  if (same_leaderboard && self->dirty == 0 && changed_elsewhere (self))
    same_leaderboard = FALSE;
  if (same_leaderboard)
    update_summary (self);
  else
    load (self);
}

static void
page_leave (LbPage *page)
{
  lb_overview_page_flush (LB_OVERVIEW_PAGE (page));
}

static void
lb_overview_page_dispose (GObject *object)
{
  LbOverviewPage *self = LB_OVERVIEW_PAGE (object);

  lb_overview_page_flush (self);
  /* Through AdwBin, or AdwBin would later unparent a child the template already dropped. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (lb_overview_page_parent_class)->dispose (object);
}

static void
lb_overview_page_finalize (GObject *object)
{
  LbOverviewPage *self = LB_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->form, lb_record_form_free);
  G_OBJECT_CLASS (lb_overview_page_parent_class)->finalize (object);
}

static void
lb_overview_page_class_init (LbOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_overview_page_dispose;
  object_class->finalize = lb_overview_page_finalize;
  LB_PAGE_CLASS (klass)->reload = page_reload;
  LB_PAGE_CLASS (klass)->leave = page_leave;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Leaderboard/lb-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, models_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, unlisted_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, benchmarks_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, newest_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, cadence_days_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, cadence_days_spin);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, owner_contact_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, production_context_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, pattern_list);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, evaluation_data_row);
  gtk_widget_class_bind_template_child (widget_class, LbOverviewPage, procedure_view);
  gtk_widget_class_bind_template_child_full (widget_class, "reviewed_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cadence_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pattern_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reviewed_clicked_cb);
}

static void
lb_overview_page_init (LbOverviewPage *self)
{
  g_autoptr(GtkListItemFactory) cadence_list = cadence_factory_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->owner_label, "label", self->owner_label, "tooltip-text", G_BINDING_SYNC_CREATE);
  /* The list names the choices as they are ("Every few days…"); the row shows the days. */
  adw_combo_row_set_list_factory (self->cadence_row, cadence_list);
  update_cadence_shown (self);

  {
    g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkListItemFactory) shown = gtk_signal_list_item_factory_new ();

    g_signal_connect (list, "setup", G_CALLBACK (setup_pattern_cb), NULL);
    g_signal_connect (list, "bind", G_CALLBACK (bind_pattern_cb), NULL);
    g_signal_connect (shown, "setup", G_CALLBACK (setup_pattern_shown_cb), NULL);
    g_signal_connect (shown, "bind", G_CALLBACK (bind_pattern_shown_cb), NULL);
    adw_combo_row_set_factory (self->pattern_row, shown);
    adw_combo_row_set_list_factory (self->pattern_row, list);
  }
  gtk_string_list_append (self->pattern_list, _("Not set"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s · %s", patterns[i],
                                                _(lb_workflow_pattern_name (patterns[i])));

      gtk_string_list_append (self->pattern_list, label);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->procedure_view), "changed",
                           G_CALLBACK (procedure_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

void
lb_overview_page_flush (LbOverviewPage *self)
{
  g_return_if_fail (LB_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->dirty == 0 || STORE (self) == NULL || self->form == NULL || LEADERBOARD_ID (self) == 0)
    {
      self->dirty = 0;
      return;
    }
  for (LbRecordFormField f = 0; f < LB_RECORD_FORM_N_FIELDS; f++)
    {
      g_autoptr(GError) error = NULL;

      if ((self->dirty & (1u << f)) == 0)
        continue;
      self->dirty &= ~(1u << f);
      if (!lb_store_set_leaderboard_field (STORE (self), LEADERBOARD_ID (self),
                                           lb_record_form_field_to_store (f),
                                           lb_record_form_get (self->form, f), &error))
        {
          GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

          /* A failed write (disk full, read-only) must not pass silently. */
          g_message ("Cannot save the field: %s", error->message);
          if (root != NULL)
            gtk_widget_activate_action (root, "win.show-error", "s", error->message);
        }
    }
}
