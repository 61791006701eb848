/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-phrase-breaks.c: wrapped Japanese text breaks between phrases, not inside words */

#define G_LOG_DOMAIN "lb-phrase-breaks"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lb-phrase-breaks.h"

/* A longer phrase may break inside: one unbreakable run wider than a 360 px window's label
 * would widen the window. */
#define MAX_PHRASE_CHARS 10
#define MAX_MIN_WIDTH    120

typedef enum {
  CLASS_OTHER,    /* Latin, digits, symbols */
  CLASS_KANJI,
  CLASS_HIRAGANA,
  CLASS_KATAKANA,
  CLASS_BREAK,    /* spaces and punctuation: a break is Pango's to decide */
} CharClass;

static CharClass
classify (gunichar c)
{
  if (g_unichar_isspace (c))
    return CLASS_BREAK;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
      return CLASS_KANJI;
    case G_UNICODE_SCRIPT_HIRAGANA:
      return CLASS_HIRAGANA;
    case G_UNICODE_SCRIPT_KATAKANA:
      return CLASS_KATAKANA;
    default:
      break;
    }
  if (c == 0x30FC || c == 0xFF70)   /* ー, the long vowel mark, is of no script */
    return CLASS_KATAKANA;
  if (c == 0x3005)                  /* 々 repeats the kanji before it */
    return CLASS_KANJI;
  if (g_unichar_ispunct (c))
    return CLASS_BREAK;
  return CLASS_OTHER;
}

static gboolean
is_japanese (CharClass c)
{
  return c == CLASS_KANJI || c == CLASS_HIRAGANA || c == CLASS_KATAKANA;
}

/* Whether a phrase ends between @before and @after. */
static gboolean
phrase_boundary (CharClass before,
                 CharClass after)
{
  if (before == CLASS_BREAK || after == CLASS_BREAK)
    return TRUE;
  /* 「2026年|12月|16日」: a counter word ends a number */
  if (before == CLASS_KANJI && after == CLASS_OTHER)
    return TRUE;
  /* 「欠損値を|確認して|ください」: after a particle or an ending, the next word */
  return before == CLASS_HIRAGANA && after != CLASS_HIRAGANA;
}

static void
keep_together (PangoAttrList *attrs,
               const char    *text,
               const char    *start,
               const char    *end,
               guint          n_chars,
               gboolean       japanese)
{
  PangoAttribute *attr;

  if (!japanese || n_chars < 2 || n_chars > MAX_PHRASE_CHARS)
    return;
  attr = pango_attr_allow_breaks_new (FALSE);
  attr->start_index = (guint) (start - text);
  attr->end_index = (guint) (end - text);
  pango_attr_list_insert (attrs, attr);
}

PangoAttrList *
lb_phrase_break_attrs (const char *text)
{
  PangoAttrList *attrs = NULL;
  const char *start = text;
  CharClass previous = CLASS_BREAK;
  gboolean japanese = FALSE;
  gboolean any = FALSE;
  guint n_chars = 0;

  if (text == NULL)
    return NULL;
  attrs = pango_attr_list_new ();
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      CharClass now = classify (g_utf8_get_char (p));

      if (p != text && phrase_boundary (previous, now))
        {
          keep_together (attrs, text, start, p, n_chars, japanese);
          start = p;
          n_chars = 0;
          japanese = FALSE;
        }
      n_chars++;
      japanese |= is_japanese (now);
      any |= is_japanese (now);
      previous = now;
    }
  keep_together (attrs, text, start, text + strlen (text), n_chars, japanese);
  if (!any)
    g_clear_pointer (&attrs, pango_attr_list_unref);
  return attrs;
}

/* The narrowest width @label could take with @attrs: its plain text laid out with as many
 * line breaks as they allow (the label itself shows plain text once it has them, see
 * plain_text()). Measured on a layout of its own, not on the label: a label measured while
 * a resize is queued keeps that size in its cache even after its attributes change back. */
static int
min_width_with (GtkLabel      *label,
                PangoAttrList *attrs)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (label),
                                                                  gtk_label_get_text (label));
  PangoRectangle logical;

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_wrap (layout, gtk_label_get_wrap_mode (label));
  pango_layout_set_width (layout, 0);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

static GQuark
markup_off_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("lb-phrase-breaks-markup-off");
  return quark;
}

/* A label that takes markup merges its attributes into those of the markup, and merging
 * joins adjacent phrases into one unbreakable run: a smell group's description came out
 * 338 px wide and widened a 360 px window. Such a label whose text holds no markup is
 * switched to plain text, which shows the same (see restore_markup()). Returns whether
 * @label now shows plain text. */
static gboolean
plain_text (GtkLabel *label)
{
  const char *raw = gtk_label_get_label (label);

  if (!gtk_label_get_use_markup (label))
    return TRUE;
  if (strcmp (raw, gtk_label_get_text (label)) != 0)
    return FALSE;
  g_object_set_qdata (G_OBJECT (label), markup_off_quark (), GINT_TO_POINTER (1));
  gtk_label_set_use_markup (label, FALSE);
  return TRUE;
}

/* A label plain_text() switched takes markup again as soon as its text holds some. */
static void
restore_markup (GtkLabel *label)
{
  const char *raw = gtk_label_get_label (label);

  if (g_object_get_qdata (G_OBJECT (label), markup_off_quark ()) != NULL
      && (strchr (raw, '<') != NULL || strchr (raw, '&') != NULL))
    {
      g_object_set_qdata (G_OBJECT (label), markup_off_quark (), NULL);
      gtk_label_set_use_markup (label, TRUE);
    }
}

static void
update_label (GtkLabel *label)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  restore_markup (label);
  /* A label held to a few lines must fit them in its narrowest width: whole phrases could
     widen it (the overview's figures), so it keeps Pango's breaks. */
  if (gtk_label_get_wrap (label) && gtk_label_get_lines (label) <= 0)
    attrs = lb_phrase_break_attrs (gtk_label_get_text (label));
  /* Whole phrases must not widen a narrow window: past a third of a 360 px one, Pango's
     breaks again. */
  if (attrs != NULL && min_width_with (label, attrs) > MAX_MIN_WIDTH)
    g_clear_pointer (&attrs, pango_attr_list_unref);
  if (attrs != NULL && !plain_text (label))
    g_clear_pointer (&attrs, pango_attr_list_unref);
  if (attrs == NULL && gtk_label_get_attributes (label) == NULL)
    return;
  gtk_label_set_attributes (label, attrs);
}

static void
label_notify_cb (GtkLabel   *label,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  update_label (label);
}

/* In a horizontal box beside other widgets, itself or a box holding it, up to the page. */
static gboolean
beside_others (GtkWidget *widget)
{
  for (GtkWidget *parent = gtk_widget_get_parent (widget);
       parent != NULL && !GTK_IS_VIEWPORT (parent) && !ADW_IS_CLAMP (parent) && !GTK_IS_ROOT (parent);
       widget = parent, parent = gtk_widget_get_parent (parent))
    if (GTK_IS_BOX (parent)
        && gtk_orientable_get_orientation (GTK_ORIENTABLE (parent)) == GTK_ORIENTATION_HORIZONTAL
        && (gtk_widget_get_prev_sibling (widget) != NULL || gtk_widget_get_next_sibling (widget) != NULL))
      return TRUE;
  return FALSE;
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_params,
          const GValue          *params,
          gpointer               data)
{
  GObject *object = g_value_get_object (&params[0]);
  static GQuark watched;

  /* Only the labels that have a line of their own (explanations, descriptions, notes): in
     the cells of list and column views they are bound while the view allocates, and new
     attributes would resize a cell in the middle of it; in buttons and rows they sit beside
     other widgets, and whole phrases in each would add up to more than a narrow window. */
  if (!GTK_IS_LABEL (object)
      || gtk_widget_get_ancestor (GTK_WIDGET (object), GTK_TYPE_LIST_VIEW) != NULL
      || gtk_widget_get_ancestor (GTK_WIDGET (object), GTK_TYPE_COLUMN_VIEW) != NULL
      || gtk_widget_get_ancestor (GTK_WIDGET (object), GTK_TYPE_BUTTON) != NULL
      || gtk_widget_get_ancestor (GTK_WIDGET (object), GTK_TYPE_CHECK_BUTTON) != NULL
      || gtk_widget_get_ancestor (GTK_WIDGET (object), GTK_TYPE_FLOW_BOX_CHILD) != NULL
      || gtk_widget_get_ancestor (GTK_WIDGET (object), ADW_TYPE_PREFERENCES_ROW) != NULL
      || beside_others (GTK_WIDGET (object)))
    return TRUE;
  if (watched == 0)
    watched = g_quark_from_static_string ("lb-phrase-breaks");
  if (g_object_get_qdata (object, watched) == NULL)
    {
      g_object_set_qdata (object, watched, GINT_TO_POINTER (1));
      g_signal_connect (object, "notify::label", G_CALLBACK (label_notify_cb), NULL);
      g_signal_connect (object, "notify::wrap", G_CALLBACK (label_notify_cb), NULL);
      g_signal_connect (object, "notify::lines", G_CALLBACK (label_notify_cb), NULL);
    }
  update_label (GTK_LABEL (object));
  return TRUE;
}

void
lb_phrase_breaks_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
