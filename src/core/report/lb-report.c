/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-report.c: the printable document, its page layout and its drawing */

#define G_LOG_DOMAIN "lb-report"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <pango/pangocairo.h>

#include "lb-report.h"

/* Type sizes in points; CJK text stays legible at these. */
#define FONT_FAMILY   "Noto Sans CJK JP, Cantarell, sans"
#define SIZE_TITLE    19.0
#define SIZE_SECTION  13.5
#define SIZE_HEADING  11.0
#define SIZE_BODY      9.5
#define SIZE_TABLE     8.5
#define SIZE_SMALL     7.5

/* Page geometry in points */
#define MARGIN_SIDE     54.0   /* 19 mm */
#define HEADER_TOP      34.0
#define CONTENT_TOP     66.0
#define FOOTER_GAP      50.0   /* from the bottom edge to the footer rule */
#define CONTENT_BOTTOM  64.0   /* from the bottom edge to the end of the content */

#define CELL_PAD_X   3.5
#define CELL_PAD_Y   2.5
#define ANSWER_LINE 21.0
/* What must follow a heading on its page, in points */
#define KEEP_FOLLOWING 44.0

typedef struct {
  double r, g, b;
} Rgb;

static const Rgb COLOR_TEXT = { 0.10, 0.10, 0.11 };
static const Rgb COLOR_MUTED = { 0.36, 0.37, 0.40 };
static const Rgb COLOR_RULE = { 0.62, 0.63, 0.66 };
static const Rgb COLOR_RULE_LIGHT = { 0.84, 0.85, 0.87 };
static const Rgb COLOR_HEADER_BG = { 0.90, 0.91, 0.93 };
static const Rgb COLOR_STRIPE = { 0.965, 0.968, 0.975 };
static const Rgb COLOR_BAR = { 0.21, 0.42, 0.70 };
static const Rgb COLOR_ACCENT = { 0.13, 0.29, 0.53 };

typedef enum {
  BLOCK_TITLE,
  BLOCK_SECTION,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_KEY_VALUE,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_QUESTION,
  BLOCK_SIGN_OFF,
  BLOCK_SIGN_OFF_BOXES,
  BLOCK_PAGE_BREAK,
} BlockKind;

struct _LbReportTable {
  guint          n_columns;
  GStrv          headers;
  double        *widths;
  LbReportAlign *align;
  GPtrArray     *rows;     /* of GStrv */
};

typedef struct {
  char   *label;
  double  fraction;
  double  error;           /* ± as a fraction of the axis; NAN: none */
  guint   tie_group;       /* bars of one group > 0 are bracketed together */
  char   *value;
} Bar;

struct _LbReportChart {
  GArray *bars;            /* of Bar */
  GStrv   ticks;           /* labels of equally spaced ticks from 0 to 1, or NULL */
  char   *legend;          /* under the axis, or NULL */
};

typedef struct {
  BlockKind      kind;
  char          *text;
  char          *text2;
  GStrv          strv;
  GStrv          strv2;
  guint          n_lines;
  LbReportTable *table;
  LbReportChart *chart;
} Block;

/* A laid-out piece of text or drawing, positioned relative to the chunk's top-left corner. */
typedef struct {
  PangoLayout *layout;
  double       x, y;
  Rgb          color;
} Text;

typedef struct {
  double x, y, w, h;
  Rgb    color;
} Rect;

typedef struct {
  double x0, y0, x1, y1, width;
  Rgb    color;
} Rule;

typedef struct {
  double y0, y1;
} Atom;

/* The unit the paginator places: a vertical strip of the content width. It may be split
 * between pages anywhere outside its atoms (text lines, bars). */
typedef struct _Chunk Chunk;
struct _Chunk {
  double   height;
  double   space_before;
  gboolean keep_with_next;
  gboolean keep_with_one;  /* only the start of the next chunk must follow on its page */
  gboolean keep_together;
  gboolean break_before;
  Chunk   *header;         /* borrowed: the table header to repeat above this row */
  GArray  *texts;          /* of Text */
  GArray  *rects;          /* of Rect */
  GArray  *rules;          /* of Rule */
  GArray  *atoms;          /* of Atom */
};

typedef struct {
  Chunk  *chunk;           /* borrowed from chunks */
  double  y;               /* from the top of the content area */
  double  from, to;        /* the part of the chunk shown */
} Placement;

struct _LbReport {
  gatomicrefcount  ref_count;
  char            *running_title;
  char            *date_text;
  char            *document_title;
  GPtrArray       *blocks;

  /* layout */
  PangoFontMap    *font_map;
  PangoContext    *context;
  GPtrArray       *fonts;   /* of PangoFontDescription*, by size and weight */
  double           width, height;
  GPtrArray       *chunks;  /* of Chunk* */
  GPtrArray       *pages;   /* of GArray of Placement */
};

G_DEFINE_BOXED_TYPE (LbReport, lb_report, lb_report_ref, lb_report_unref)

G_DEFINE_QUARK (lb-report-error-quark, lb_report_error)

/* ---- document model ---- */

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->text2);
  g_strfreev (block->strv);
  g_strfreev (block->strv2);
  if (block->table != NULL)
    {
      g_strfreev (block->table->headers);
      g_free (block->table->widths);
      g_free (block->table->align);
      g_ptr_array_unref (block->table->rows);
      g_free (block->table);
    }
  if (block->chart != NULL)
    {
      for (guint i = 0; i < block->chart->bars->len; i++)
        {
          Bar *bar = &g_array_index (block->chart->bars, Bar, i);
          g_free (bar->label);
          g_free (bar->value);
        }
      g_array_unref (block->chart->bars);
      g_strfreev (block->chart->ticks);
      g_free (block->chart->legend);
      g_free (block->chart);
    }
  g_free (block);
}

/* @text, or its first LB_REPORT_MAX_TEXT_CHARS characters and a note saying how many more
 * there are: a field of 100 MB would take minutes and thousands of pages to lay out, and
 * a cut that did not say so would be silently wrong. Newly allocated. */
static char *
cut_text (const char *text)
{
  const char *p = text;
  glong n = 0;

  if (text == NULL)
    return NULL;
  while (*p != '\0' && n < LB_REPORT_MAX_TEXT_CHARS)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (*p == '\0')
    return g_strdup (text);
  return g_strdup_printf (_("%.*s… (%ld more characters are not shown here; the whole text "
                            "is in the leaderboard’s record)"),
                          (int) (p - text), text, g_utf8_strlen (p, -1));
}

static Block *
add_block (LbReport   *self,
           BlockKind   kind,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = text != NULL ? cut_text (text) : g_strdup ("");
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* ---- chunks ---- */

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->texts = g_array_new (FALSE, FALSE, sizeof (Text));
  chunk->rects = g_array_new (FALSE, FALSE, sizeof (Rect));
  chunk->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  chunk->atoms = g_array_new (FALSE, FALSE, sizeof (Atom));
  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  for (guint i = 0; i < chunk->texts->len; i++)
    g_object_unref (g_array_index (chunk->texts, Text, i).layout);
  g_array_unref (chunk->texts);
  g_array_unref (chunk->rects);
  g_array_unref (chunk->rules);
  g_array_unref (chunk->atoms);
  g_free (chunk);
}

static void
chunk_add_atom (Chunk  *chunk,
                double  y0,
                double  y1)
{
  Atom atom = { y0, y1 };

  g_array_append_val (chunk->atoms, atom);
}

/* Takes @layout; its lines become atoms. Returns the text's height. */
static double
chunk_add_text (Chunk       *chunk,
                PangoLayout *layout,
                double       x,
                double       y,
                const Rgb   *color)
{
  Text text = { layout, x, y, *color };
  PangoLayoutIter *iter;
  PangoRectangle logical;

  g_array_append_val (chunk->texts, text);

  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      chunk_add_atom (chunk, y + (double) y0 / PANGO_SCALE, y + (double) y1 / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
chunk_add_rect (Chunk     *chunk,
                double     x,
                double     y,
                double     w,
                double     h,
                const Rgb *color)
{
  Rect rect = { x, y, w, h, *color };

  g_array_append_val (chunk->rects, rect);
}

static void
chunk_add_rule (Chunk     *chunk,
                double     x0,
                double     y0,
                double     x1,
                double     y1,
                double     width,
                const Rgb *color)
{
  Rule rule = { x0, y0, x1, y1, width, *color };

  g_array_append_val (chunk->rules, rule);
}

/* Whether the chunk may be cut at @y without cutting through an atom. */
static const Atom *
chunk_atom_at (Chunk  *chunk,
               double  y)
{
  for (guint i = 0; i < chunk->atoms->len; i++)
    {
      const Atom *atom = &g_array_index (chunk->atoms, Atom, i);

      if (atom->y0 + 0.01 < y && y < atom->y1 - 0.01)
        return atom;
    }
  return NULL;
}

/* The largest offset in (@lo, @hi] where the chunk may be cut, or @lo when there is none. */
static double
chunk_find_break (Chunk  *chunk,
                  double  lo,
                  double  hi)
{
  double y = MIN (hi, chunk->height);
  const Atom *atom;

  while (y > lo + 0.01 && (atom = chunk_atom_at (chunk, y)) != NULL)
    y = atom->y0;
  return y > lo + 0.01 ? y : lo;
}

/* The height of the smallest first piece the chunk can be cut into. */
static double
chunk_first_piece (Chunk  *chunk,
                   double  page_height)
{
  double best = chunk->height;

  /* What must stay together but is taller than a page is cut anyway: where it can be. */
  if (chunk->keep_together && chunk->height <= page_height)
    return best;
  for (guint i = 0; i < chunk->atoms->len; i++)
    {
      double y = g_array_index (chunk->atoms, Atom, i).y1;

      if (y > 0.01 && y < best && chunk_atom_at (chunk, y) == NULL)
        best = y;
    }
  return best;
}

static void
chunk_draw (Chunk   *chunk,
            cairo_t *cr)
{
  for (guint i = 0; i < chunk->rects->len; i++)
    {
      const Rect *rect = &g_array_index (chunk->rects, Rect, i);

      cairo_set_source_rgb (cr, rect->color.r, rect->color.g, rect->color.b);
      cairo_rectangle (cr, rect->x, rect->y, rect->w, rect->h);
      cairo_fill (cr);
    }
  for (guint i = 0; i < chunk->rules->len; i++)
    {
      const Rule *rule = &g_array_index (chunk->rules, Rule, i);

      cairo_set_source_rgb (cr, rule->color.r, rule->color.g, rule->color.b);
      cairo_set_line_width (cr, rule->width);
      cairo_move_to (cr, rule->x0, rule->y0);
      cairo_line_to (cr, rule->x1, rule->y1);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < chunk->texts->len; i++)
    {
      const Text *text = &g_array_index (chunk->texts, Text, i);

      cairo_set_source_rgb (cr, text->color.r, text->color.g, text->color.b);
      cairo_move_to (cr, text->x, text->y);
      pango_cairo_show_layout (cr, text->layout);
    }
}

/* ---- layout helpers ---- */

/* The font of @size points, bold or not; owned by the report. */
static const PangoFontDescription *
font (LbReport *self,
      double    size,
      gboolean  bold)
{
  PangoFontDescription *desc;

  for (guint i = 0; i < self->fonts->len; i++)
    {
      desc = g_ptr_array_index (self->fonts, i);
      if (pango_font_description_get_size (desc) == (int) (size * PANGO_SCALE) &&
          (pango_font_description_get_weight (desc) == PANGO_WEIGHT_BOLD) == !!bold)
        return desc;
    }
  desc = pango_font_description_from_string (FONT_FAMILY);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  g_ptr_array_add (self->fonts, desc);
  return desc;
}

static PangoLayout *
make_layout (LbReport      *self,
             const char    *text,
             double         size,
             gboolean       bold,
             double         width,
             LbReportAlign  align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font (self, size, bold));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  switch (align)
    {
    case LB_REPORT_ALIGN_END:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case LB_REPORT_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case LB_REPORT_ALIGN_START:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }
  /* Plain text, never markup: user text may hold < and &. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
content_width (LbReport *self)
{
  return self->width - 2 * MARGIN_SIDE;
}

static double
content_height (LbReport *self)
{
  return self->height - CONTENT_TOP - CONTENT_BOTTOM;
}

static Chunk *
text_chunk (LbReport   *self,
            const char *text,
            double      size,
            gboolean    bold,
            const Rgb  *color,
            double      space_before)
{
  Chunk *chunk = chunk_new ();
  double w = content_width (self);

  chunk->height = chunk_add_text (chunk, make_layout (self, text, size, bold, w, LB_REPORT_ALIGN_START),
                                  0, 0, color);
  chunk->space_before = space_before;
  return chunk;
}

static void
layout_key_value (LbReport *self,
                  Block    *block,
                  gboolean  first)
{
  Chunk *chunk = chunk_new ();
  double w = content_width (self);
  double key_w = MIN (150.0, w * 0.3);
  double h_key, h_value;
  const char *value = block->text2;
  const Rgb *value_color = &COLOR_TEXT;

  if (value == NULL || *value == '\0')
    {
      value = block->strv != NULL ? block->strv[0] : "—";
      value_color = &COLOR_MUTED;
    }

  h_key = chunk_add_text (chunk, make_layout (self, block->text, SIZE_BODY, TRUE, key_w - 8,
                                              LB_REPORT_ALIGN_START),
                          0, 0, &COLOR_MUTED);
  h_value = chunk_add_text (chunk, make_layout (self, value, SIZE_BODY, FALSE, w - key_w,
                                                LB_REPORT_ALIGN_START),
                            key_w, 0, value_color);
  chunk->height = MAX (h_key, h_value) + 3;
  chunk->space_before = first ? 6 : 0;
  g_ptr_array_add (self->chunks, chunk);
}

/* Whether @c is written without spaces between words (Japanese, Chinese): a line may break
 * between any two such characters, which cuts 「エンコーディング」 or 「基準」 in two. */
static gboolean
is_cjk_letter (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      /* ー and the iteration marks are "common" but belong to the word */
      return c == 0x30FC || c == 0x3005 || c == 0x309D || c == 0x309E || c == 0x30FD || c == 0x30FE;
    }
}

/* A header as phrases: Japanese letters joined by WORD JOINER (U+2060, not drawn), so that a
 * line breaks only where a space, 「、」 or other punctuation allows — at a phrase, as in
 * 「行数、/値の数」, never inside a word. Newly allocated. */
static char *
header_phrases (const char *text)
{
  GString *out = g_string_new (NULL);
  gunichar prev = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (prev != 0 && is_cjk_letter (prev) && is_cjk_letter (c))
        g_string_append_unichar (out, 0x2060);
      g_string_append_unichar (out, c);
      prev = c;
    }
  return g_string_free (out, FALSE);
}

/* A column header wraps between words ("JCommonsenseQA ↑", not "JCommonsens-eQA ↑") and, in
 * Japanese, between phrases: a word wider than the column is set smaller first, and cut only
 * when it is still too wide. */
static PangoLayout *
header_layout (LbReport      *self,
               const char    *text,
               double         width,
               LbReportAlign  align)
{
  static const double sizes[] = { SIZE_TABLE, SIZE_SMALL, 6.5 };
  g_autofree char *phrases = header_phrases (text);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      PangoLayout *layout = make_layout (self, phrases, sizes[i], TRUE, width, align);
      PangoRectangle ink, logical;
      gboolean word_cut = FALSE;

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_extents (layout, &ink, &logical);
      /* Pango lets a word it cannot wrap run over the width: that is the sign. */
      word_cut = (double) logical.width / PANGO_SCALE > width + 0.5;
      if (!word_cut)
        return layout;
      g_object_unref (layout);
    }
  return make_layout (self, text, SIZE_SMALL, TRUE, width, align);
}

static void
layout_table (LbReport      *self,
              LbReportTable *table)
{
  double w = content_width (self);
  double total = 0;
  g_autofree double *col_x = g_new0 (double, table->n_columns + 1);
  Chunk *header = chunk_new ();
  double h = 0;

  for (guint c = 0; c < table->n_columns; c++)
    total += table->widths[c];
  for (guint c = 0; c < table->n_columns; c++)
    col_x[c + 1] = col_x[c] + w * table->widths[c] / total;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double cw = col_x[c + 1] - col_x[c] - 2 * CELL_PAD_X;
      double th = chunk_add_text (header, header_layout (self, table->headers[c], cw, table->align[c]),
                                  col_x[c] + CELL_PAD_X, CELL_PAD_Y, &COLOR_TEXT);
      h = MAX (h, th);
    }
  header->height = h + 2 * CELL_PAD_Y;
  /* Drawn first: the background goes under the text. */
  chunk_add_rect (header, 0, 0, w, header->height, &COLOR_HEADER_BG);
  chunk_add_rule (header, 0, header->height - 0.4, w, header->height - 0.4, 0.8, &COLOR_RULE);
  header->space_before = 6;
  header->keep_with_next = table->rows->len > 0;
  header->keep_together = TRUE;
  g_ptr_array_add (self->chunks, header);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (table->rows, r);
      Chunk *row = chunk_new ();

      h = 0;
      for (guint c = 0; c < table->n_columns; c++)
        {
          double cw = col_x[c + 1] - col_x[c] - 2 * CELL_PAD_X;
          double th = chunk_add_text (row, make_layout (self, cells[c], SIZE_TABLE, FALSE, cw,
                                                        table->align[c]),
                                      col_x[c] + CELL_PAD_X, CELL_PAD_Y, &COLOR_TEXT);
          h = MAX (h, th);
        }
      row->height = h + 2 * CELL_PAD_Y;
      if (r % 2 == 1)
        chunk_add_rect (row, 0, 0, w, row->height, &COLOR_STRIPE);
      chunk_add_rule (row, 0, row->height - 0.25, w, row->height - 0.25, 0.5, &COLOR_RULE_LIGHT);
      row->header = header;
      /* A row is read across: it moves to the next page whole (a row taller than a page is
       * still cut, at a line). */
      row->keep_together = TRUE;
      g_ptr_array_add (self->chunks, row);
    }
}

/* The chart is one chunk: never split between pages (unless taller than a page, then
 * between bars), with tick labels under its axis. */
static void
layout_chart (LbReport      *self,
              LbReportChart *chart)
{
  double w = content_width (self);
  double label_w = w * 0.34;
  double value_w = 78;
  double bar_x = label_w + 10;
  double bar_w = w - bar_x - value_w - 6;
  Chunk *chunk = chunk_new ();
  guint n_ticks = chart->ticks != NULL ? g_strv_length (chart->ticks) : 0;
  guint n_grid = n_ticks >= 2 ? n_ticks - 1 : 4;
  double y = 0;
  g_autofree double *bar_mid = g_new0 (double, MAX (chart->bars->len, 1));

  for (guint i = 0; i < chart->bars->len; i++)
    {
      const Bar *bar = &g_array_index (chart->bars, Bar, i);
      double lh, vh, row_h, bar_h = 9;

      lh = chunk_add_text (chunk, make_layout (self, bar->label, SIZE_TABLE, FALSE, label_w - 4,
                                               LB_REPORT_ALIGN_END),
                           0, y + 2, &COLOR_TEXT);
      row_h = MAX (lh + 4, bar_h + 6);
      /* The grid goes under the bar. */
      for (guint q = 0; q <= n_grid; q++)
        chunk_add_rect (chunk, bar_x + bar_w * q / n_grid - (q == 0 ? 0.4 : 0.2), y,
                        q == 0 ? 0.8 : 0.4, row_h, q == 0 ? &COLOR_RULE : &COLOR_RULE_LIGHT);
      if (!isnan (bar->fraction))
        {
          double f = CLAMP (bar->fraction, 0.0, 1.0);
          double len = MAX (bar_w * f, 0.8);
          double by = y + (row_h - bar_h) / 2;

          chunk_add_rect (chunk, bar_x, by, len, bar_h, &COLOR_BAR);
          if (!isnan (bar->error) && bar->error > 0)
            {
              /* The error bar: ± one standard error, with end caps. */
              double x0 = bar_x + bar_w * CLAMP (f - bar->error, 0.0, 1.0);
              double x1 = bar_x + bar_w * CLAMP (f + bar->error, 0.0, 1.0);
              double mid = by + bar_h / 2;

              chunk_add_rule (chunk, x0, mid, x1, mid, 0.9, &COLOR_TEXT);
              chunk_add_rule (chunk, x0, mid - 3, x0, mid + 3, 0.9, &COLOR_TEXT);
              chunk_add_rule (chunk, x1, mid - 3, x1, mid + 3, 0.9, &COLOR_TEXT);
            }
          vh = chunk_add_text (chunk, make_layout (self, bar->value, SIZE_TABLE, FALSE, value_w,
                                                   LB_REPORT_ALIGN_START),
                               bar_x + bar_w + 6, y + 2, &COLOR_TEXT);
        }
      else
        {
          vh = chunk_add_text (chunk, make_layout (self, bar->value, SIZE_TABLE, FALSE,
                                                   bar_w + value_w, LB_REPORT_ALIGN_START),
                               bar_x + 4, y + 2, &COLOR_MUTED);
        }
      row_h = MAX (row_h, vh + 4);
      /* The bar's row is one atom: a cut falls between bars. */
      chunk_add_atom (chunk, y, y + row_h);
      bar_mid[i] = y + row_h / 2;
      y += row_h;
    }

  /* Tie marks: a bracket left of the bars joining the neighbours of one group. */
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const Bar *bar = &g_array_index (chart->bars, Bar, i);
      guint j = i;

      if (bar->tie_group == 0)
        continue;
      while (j + 1 < chart->bars->len && g_array_index (chart->bars, Bar, j + 1).tie_group == bar->tie_group)
        j++;
      if (j > i)
        {
          double x = bar_x - 5;

          chunk_add_rule (chunk, x, bar_mid[i], x, bar_mid[j], 0.9, &COLOR_ACCENT);
          chunk_add_rule (chunk, x, bar_mid[i], x + 3, bar_mid[i], 0.9, &COLOR_ACCENT);
          chunk_add_rule (chunk, x, bar_mid[j], x + 3, bar_mid[j], 0.9, &COLOR_ACCENT);
          for (guint k = i + 1; k < j; k++)
            chunk_add_rule (chunk, x, bar_mid[k], x + 2, bar_mid[k], 0.6, &COLOR_ACCENT);
        }
      i = j;
    }

  /* The axis: tick marks and their labels. */
  if (n_ticks >= 2)
    {
      double th = 0;

      chunk_add_rule (chunk, bar_x, y, bar_x + bar_w, y, 0.8, &COLOR_RULE);
      for (guint q = 0; q < n_ticks; q++)
        {
          double x = bar_x + bar_w * q / (n_ticks - 1);
          PangoLayout *tick = make_layout (self, chart->ticks[q], SIZE_SMALL, FALSE, 40,
                                           LB_REPORT_ALIGN_CENTER);

          double h;

          chunk_add_rule (chunk, x, y, x, y + 3, 0.8, &COLOR_RULE);
          h = chunk_add_text (chunk, tick, x - 20, y + 4, &COLOR_MUTED);
          th = MAX (th, h);
        }
      chunk_add_atom (chunk, y, y + 4 + th);
      y += 4 + th;
    }
  if (chart->legend != NULL)
    {
      double lh = chunk_add_text (chunk, make_layout (self, chart->legend, SIZE_SMALL, FALSE, w,
                                                      LB_REPORT_ALIGN_START),
                                  0, y + 3, &COLOR_MUTED);
      y += 3 + lh;
    }
  chunk->height = y + 2;
  chunk->space_before = 8;
  chunk->keep_together = TRUE;
  g_ptr_array_add (self->chunks, chunk);
}

static void
layout_question (LbReport *self,
                 Block    *block)
{
  Chunk *chunk = chunk_new ();
  double w = content_width (self);
  double h;

  h = chunk_add_text (chunk, make_layout (self, block->text, SIZE_BODY, TRUE, w,
                                          LB_REPORT_ALIGN_START),
                      0, 0, &COLOR_TEXT);
  if (block->text2 != NULL && *block->text2 != '\0')
    {
      double hint_h = chunk_add_text (chunk, make_layout (self, block->text2, SIZE_SMALL, FALSE, w,
                                                          LB_REPORT_ALIGN_START),
                                      0, h + 2, &COLOR_MUTED);
      h += 2 + hint_h;
    }
  for (guint i = 1; i <= block->n_lines; i++)
    {
      double y = h + i * ANSWER_LINE;

      chunk_add_rule (chunk, 0, y, w, y, 0.5, &COLOR_RULE);
      chunk_add_atom (chunk, y - 1, y + 1);
    }
  chunk->height = h + block->n_lines * ANSWER_LINE + 4;
  chunk->space_before = 14;
  chunk->keep_together = TRUE;
  g_ptr_array_add (self->chunks, chunk);
}

static void
layout_sign_off (LbReport *self,
                 Block    *block)
{
  Chunk *chunk = chunk_new ();
  double w = content_width (self);
  double label_w = MIN (150.0, w * 0.3);
  double y = 0;

  for (guint i = 0; block->strv[i] != NULL; i++)
    {
      double lh;

      y += 14;
      lh = chunk_add_text (chunk, make_layout (self, block->strv[i], SIZE_BODY, TRUE, label_w - 8,
                                               LB_REPORT_ALIGN_START),
                           0, y, &COLOR_MUTED);
      y += MAX (lh, 12.0);
      chunk_add_rule (chunk, label_w, y, w, y, 0.6, &COLOR_TEXT);
      chunk_add_atom (chunk, y - 1, y + 1);
    }
  chunk->height = y + 6;
  chunk->space_before = 10;
  chunk->keep_together = TRUE;
  g_ptr_array_add (self->chunks, chunk);
}

/* Boxes side by side, one per role: the role, the name, the date and a box for the seal or
 * signature (作成・確認・承認 with 印, or Prepared / Reviewed / Approved). */
static void
layout_sign_off_boxes (LbReport *self,
                       Block    *block)
{
  Chunk *chunk = chunk_new ();
  double w = content_width (self);
  guint n = g_strv_length (block->strv);
  double box_w = MIN (150.0, w / MAX (n, 1));
  double x0 = w - n * box_w;
  const char *name_label = block->text;
  const char *date_label = block->text2;
  const char *mark_label = block->strv2 != NULL && block->strv2[0] != NULL ? block->strv2[0] : "";
  double head_h = 0, line_h = 0, mark_h = 54;
  double y;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *role = make_layout (self, block->strv[i], SIZE_BODY, TRUE, box_w - 2 * CELL_PAD_X,
                                       LB_REPORT_ALIGN_CENTER);
      double h = chunk_add_text (chunk, role, x0 + i * box_w + CELL_PAD_X, CELL_PAD_Y, &COLOR_TEXT);

      head_h = MAX (head_h, h);
    }
  head_h += 2 * CELL_PAD_Y;
  line_h = 2 * 15.0;
  y = head_h;
  for (guint i = 0; i < n; i++)
    {
      double bx = x0 + i * box_w;
      const char *name = block->strv2 != NULL && g_strv_length (block->strv2) > i + 1 ? block->strv2[i + 1] : "";
      g_autofree char *name_line = g_strdup_printf ("%s %s", name_label, name);
      g_autofree char *date_line = NULL;
      const char *date = block->strv2 != NULL && g_strv_length (block->strv2) > n + i + 1
                         ? block->strv2[n + i + 1] : "";

      date_line = g_strdup_printf ("%s %s", date_label, date);
      chunk_add_rect (chunk, bx, 0, box_w, head_h, &COLOR_HEADER_BG);
      chunk_add_text (chunk, make_layout (self, name_line, SIZE_SMALL, FALSE, box_w - 2 * CELL_PAD_X,
                                          LB_REPORT_ALIGN_START),
                      bx + CELL_PAD_X, y + 3, &COLOR_TEXT);
      chunk_add_text (chunk, make_layout (self, date_line, SIZE_SMALL, FALSE, box_w - 2 * CELL_PAD_X,
                                          LB_REPORT_ALIGN_START),
                      bx + CELL_PAD_X, y + 15 + 3, &COLOR_TEXT);
      chunk_add_text (chunk, make_layout (self, mark_label, SIZE_SMALL, FALSE, box_w - 2 * CELL_PAD_X,
                                          LB_REPORT_ALIGN_END),
                      bx + CELL_PAD_X, y + line_h + mark_h - 12, &COLOR_RULE);
      /* the box's frame and its inner rules */
      chunk_add_rule (chunk, bx, 0, bx, y + line_h + mark_h, 0.8, &COLOR_TEXT);
      chunk_add_rule (chunk, bx + box_w, 0, bx + box_w, y + line_h + mark_h, 0.8, &COLOR_TEXT);
      chunk_add_rule (chunk, bx, 0, bx + box_w, 0, 0.8, &COLOR_TEXT);
      chunk_add_rule (chunk, bx, head_h, bx + box_w, head_h, 0.6, &COLOR_TEXT);
      chunk_add_rule (chunk, bx, y + 15, bx + box_w, y + 15, 0.4, &COLOR_RULE);
      chunk_add_rule (chunk, bx, y + line_h, bx + box_w, y + line_h, 0.6, &COLOR_TEXT);
      chunk_add_rule (chunk, bx, y + line_h + mark_h, bx + box_w, y + line_h + mark_h, 0.8, &COLOR_TEXT);
    }
  chunk->height = y + line_h + mark_h + 4;
  chunk->space_before = 10;
  chunk->keep_together = TRUE;
  g_ptr_array_add (self->chunks, chunk);
}

static void
layout_blocks (LbReport *self)
{
  gboolean break_pending = FALSE;
  double w = content_width (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *prev = i > 0 ? g_ptr_array_index (self->blocks, i - 1) : NULL;
      guint first_chunk = self->chunks->len;
      Chunk *chunk = NULL;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          chunk = text_chunk (self, block->text, SIZE_TITLE, TRUE, &COLOR_ACCENT, 0);
          chunk->keep_with_next = TRUE;
          chunk->height += 4;
          break;
        case BLOCK_SECTION:
          chunk = text_chunk (self, block->text, SIZE_SECTION, TRUE, &COLOR_ACCENT, 20);
          chunk->height += 3;
          chunk_add_rule (chunk, 0, chunk->height, w, chunk->height, 0.8, &COLOR_ACCENT);
          chunk->height += 2;
          chunk->keep_with_next = TRUE;
          chunk->keep_together = TRUE;
          break;
        case BLOCK_HEADING:
          chunk = text_chunk (self, block->text, SIZE_HEADING, TRUE, &COLOR_TEXT, 12);
          chunk->keep_with_next = TRUE;
          chunk->keep_together = TRUE;
          break;
        case BLOCK_PARAGRAPH:
          chunk = text_chunk (self, block->text, SIZE_BODY, FALSE, &COLOR_TEXT, 6);
          break;
        case BLOCK_NOTE:
          chunk = text_chunk (self, block->text, SIZE_SMALL, FALSE, &COLOR_MUTED, 4);
          /* A table's notes stand under it: its last row does not end a page alone. */
          if (prev != NULL && prev->kind == BLOCK_TABLE && first_chunk > 0)
            ((Chunk *) g_ptr_array_index (self->chunks, first_chunk - 1))->keep_with_one = TRUE;
          break;
        case BLOCK_KEY_VALUE:
          layout_key_value (self, block, prev == NULL || prev->kind != BLOCK_KEY_VALUE);
          break;
        case BLOCK_TABLE:
          layout_table (self, block->table);
          break;
        case BLOCK_CHART:
          layout_chart (self, block->chart);
          break;
        case BLOCK_QUESTION:
          layout_question (self, block);
          break;
        case BLOCK_SIGN_OFF:
          layout_sign_off (self, block);
          break;
        case BLOCK_SIGN_OFF_BOXES:
          /* The decision lines and the boxes that sign them stay on one page. */
          if (prev != NULL && prev->kind == BLOCK_SIGN_OFF && self->chunks->len > 0)
            ((Chunk *) g_ptr_array_index (self->chunks, self->chunks->len - 1))->keep_with_next = TRUE;
          layout_sign_off_boxes (self, block);
          break;
        case BLOCK_PAGE_BREAK:
          break_pending = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }

      if (chunk != NULL)
        g_ptr_array_add (self->chunks, chunk);
      if (break_pending && self->chunks->len > first_chunk)
        {
          ((Chunk *) g_ptr_array_index (self->chunks, first_chunk))->break_before = TRUE;
          break_pending = FALSE;
        }
    }
}

/* ---- pagination ---- */

static GArray *
new_page (LbReport *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Chunk  *chunk,
       double  y,
       double  from,
       double  to)
{
  Placement placement = { chunk, y, from, to };

  g_array_append_val (page, placement);
}

/* How much of what follows chunk @first - 1 must fit on its page with it: a heading is never
 * left alone at the foot of a page, nor followed by only a line of a note. */
static double
following_need (LbReport *self,
                guint     first)
{
  double need = 0;
  double target = KEEP_FOLLOWING;

  for (guint j = first; j < self->chunks->len && need < target; j++)
    {
      Chunk *chunk = g_ptr_array_index (self->chunks, j);
      double piece;

      if (chunk->break_before)
        break;
      if (chunk->keep_with_next)
        {
          /* A heading followed by a table header: both, and what the header needs after it
           * (so that the header does not move on alone and leave the heading behind). */
          need += chunk->space_before + chunk->height;
          target = need + KEEP_FOLLOWING;
          continue;
        }
      piece = chunk->height < target - need ? chunk->height
                                            : chunk_first_piece (chunk, content_height (self));
      need += chunk->space_before + piece;
      if (piece < chunk->height)
        break;
    }
  return need;
}

static void
paginate_chunks (LbReport *self)
{
  double avail_h = content_height (self);
  GArray *page = new_page (self);
  double y = 0;
  gboolean page_has_content = FALSE;

  for (guint i = 0; i < self->chunks->len; i++)
    {
      Chunk *chunk = g_ptr_array_index (self->chunks, i);
      double off = 0;

      if (chunk->break_before && page_has_content)
        {
          page = new_page (self);
          y = 0;
          page_has_content = FALSE;
        }

      while (off < chunk->height - 0.01)
        {
          double space = (page_has_content && off == 0) ? chunk->space_before : 0;
          double rest = chunk->height - off;
          double room = avail_h - y - space;
          double need = rest;
          double cut;

          if (off == 0 && chunk->keep_with_next)
            need = rest + following_need (self, i + 1);
          else if (off == 0 && chunk->keep_with_one && i + 1 < self->chunks->len)
            {
              Chunk *next = g_ptr_array_index (self->chunks, i + 1);

              if (!next->break_before)
                need = rest + next->space_before + chunk_first_piece (next, avail_h);
            }

          if (need <= room + 0.01)
            {
              place (page, chunk, y + space, off, chunk->height);
              y += space + rest;
              page_has_content = TRUE;
              break;
            }

          cut = off;
          /* Taller than a page, what should stay together starts where it is and is cut
           * where it can be (between table lines, between bars). */
          if ((!chunk->keep_together || chunk->height > avail_h) && !(off == 0 && chunk->keep_with_next))
            cut = chunk_find_break (chunk, off, off + room);

          if (cut <= off && page_has_content)
            {
              /* Nothing of it fits here: start a new page and try again. */
              page = new_page (self);
              y = 0;
              page_has_content = FALSE;
              if (chunk->header != NULL)
                {
                  place (page, chunk->header, 0, 0, chunk->header->height);
                  y = chunk->header->height;
                }
              continue;
            }

          if (cut <= off)
            {
              /* Even an empty page is too short for what must stay together: cut it where
               * it can be cut, and as a last resort at the page end. */
              cut = chunk_find_break (chunk, off, off + room);
              if (cut <= off)
                cut = MIN (off + room, chunk->height);
            }

          if (cut >= chunk->height - 0.01)
            {
              place (page, chunk, y + space, off, chunk->height);
              y += space + chunk->height - off;
              page_has_content = TRUE;
              break;
            }

          place (page, chunk, y + space, off, cut);
          off = cut;
          page = new_page (self);
          y = 0;
          page_has_content = FALSE;
          if (chunk->header != NULL)
            {
              place (page, chunk->header, 0, 0, chunk->header->height);
              y = chunk->header->height;
            }
        }
    }
}

static void
clear_layout (LbReport *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->chunks, 0);
}

/* ---- page furniture ---- */

static void
draw_furniture (LbReport *self,
                cairo_t  *cr,
                guint     page)
{
  double w = content_width (self);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *page_text = NULL;
  PangoRectangle logical;
  double header_h, footer_y;

  date = make_layout (self, self->date_text, SIZE_SMALL, FALSE, w * 0.3, LB_REPORT_ALIGN_END);
  title = make_layout (self, self->running_title, SIZE_SMALL, TRUE, w * 0.68, LB_REPORT_ALIGN_START);
  /* The running head is a reminder, the full texts are on the first page: the title takes two
   * lines at most, the date one. */
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -2);
  pango_layout_set_ellipsize (date, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (date, -1);

  pango_layout_get_extents (title, NULL, &logical);
  header_h = (double) logical.height / PANGO_SCALE;
  pango_layout_get_extents (date, NULL, &logical);
  header_h = MAX (header_h, (double) logical.height / PANGO_SCALE);

  cairo_set_source_rgb (cr, COLOR_MUTED.r, COLOR_MUTED.g, COLOR_MUTED.b);
  cairo_move_to (cr, MARGIN_SIDE, HEADER_TOP);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, MARGIN_SIDE + w * 0.7, HEADER_TOP);
  pango_cairo_show_layout (cr, date);

  cairo_set_source_rgb (cr, COLOR_RULE.r, COLOR_RULE.g, COLOR_RULE.b);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_SIDE, MAX (HEADER_TOP + header_h + 3, CONTENT_TOP - 10));
  cairo_line_to (cr, MARGIN_SIDE + w, MAX (HEADER_TOP + header_h + 3, CONTENT_TOP - 10));
  cairo_stroke (cr);

  footer_y = self->height - FOOTER_GAP;
  cairo_move_to (cr, MARGIN_SIDE, footer_y);
  cairo_line_to (cr, MARGIN_SIDE + w, footer_y);
  cairo_stroke (cr);

  /* TRANSLATORS: the page footer of the printed report */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  footer = make_layout (self, page_text, SIZE_SMALL, FALSE, w, LB_REPORT_ALIGN_END);
  cairo_set_source_rgb (cr, COLOR_MUTED.r, COLOR_MUTED.g, COLOR_MUTED.b);
  cairo_move_to (cr, MARGIN_SIDE, footer_y + 4);
  pango_cairo_show_layout (cr, footer);
}

/* ---- PDF output ---- */

static cairo_status_t
write_stream_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  FILE *out = closure;

  if (fwrite (data, 1, length, out) != length)
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  LbPaper  paper;
  char    *path;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
render_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LbReport *self = g_object_get_data (G_OBJECT (task), "report");
  RenderData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (lb_report_render_pdf (self, data->paper, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- public API ---- */

void
lb_paper_get_size (LbPaper  paper,
                   double  *width,
                   double  *height)
{
  double w = 595.2756, h = 841.8898;   /* 210 × 297 mm */

  if (paper == LB_PAPER_LETTER)
    {
      w = 612;
      h = 792;
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

LbPaper
lb_paper_for_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc gives the paper width of LC_PAPER in millimetres: 216 is Letter. */
  union { char *string; unsigned int word; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return LB_PAPER_LETTER;
#endif
  return LB_PAPER_A4;
}

gboolean
lb_paper_from_string (const char *text,
                      LbPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = LB_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = LB_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

char *
lb_report_format_date (const char *iso)
{
  static const struct { const char *language; const char *format; } formats[] = {
    { "ja", "%Y年%-m月%-d日" },
    { "zh", "%Y年%-m月%-d日" },
    { "ko", "%Y년 %-m월 %-d일" },
  };
  const char * const *languages = g_get_language_names ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *format = NULL;
  int y, m, d;

  if (iso == NULL)
    return NULL;
  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  if (strlen (iso) > 10)
    {
      /* A moment (stored in UTC) is dated where the reader is: 05:00 JST on 2 December is
       * 2 December, though it is 1 December in UTC. */
      g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (iso, utc);

      if (moment != NULL)
        dt = g_date_time_to_local (moment);
    }
  if (dt == NULL)
    dt = g_date_time_new (utc, y, m, d, 0, 0, 0);
  if (dt == NULL)
    return NULL;

  /* The report's language decides, not LC_TIME: a Japanese report says 2026年11月28日
   * even where LC_TIME is C. */
  for (guint i = 0; i < G_N_ELEMENTS (formats) && format == NULL; i++)
    if (g_str_has_prefix (languages[0], formats[i].language))
      format = formats[i].format;
  if (format == NULL)
    /* TRANSLATORS: a date in the printed report, g_date_time_format() syntax;
     * e.g. "%Y年%-m月%-d日" for Japanese */
    format = C_("report date", "%-d %B %Y");
  return g_date_time_format (dt, format);
}

LbReport *
lb_report_new (const char *running_title,
               const char *date_text)
{
  LbReport *self = g_new0 (LbReport, 1);
  cairo_font_options_t *options;
  const char * const *languages = g_get_language_names ();

  g_atomic_ref_count_init (&self->ref_count);
  self->running_title = g_strdup (running_title != NULL ? running_title : "");
  self->date_text = g_strdup (date_text != NULL ? date_text : "");
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_font_description_free);

  /* Our own font map, so a report can be laid out in any thread; metrics unhinted and in
   * points so the layout is the same on paper, in the preview and in the PDF. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Han characters take the Japanese forms in a Japanese report. */
  if (languages[0] != NULL && strcmp (languages[0], "C") != 0)
    pango_context_set_language (self->context, pango_language_from_string (languages[0]));
  else
    pango_context_set_language (self->context, pango_language_from_string ("en"));

  lb_paper_get_size (LB_PAPER_A4, &self->width, &self->height);
  return self;
}

LbReport *
lb_report_ref (LbReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lb_report_unref (LbReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->chunks);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->fonts);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->running_title);
  g_free (self->date_text);
  g_free (self->document_title);
  g_free (self);
}

void
lb_report_set_document_title (LbReport   *self,
                              const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->document_title);
  self->document_title = g_strdup (title);
}

void
lb_report_add_title (LbReport   *self,
                     const char *title)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_TITLE, title);
}

void
lb_report_add_section (LbReport   *self,
                       const char *heading)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_SECTION, heading);
}

void
lb_report_add_heading (LbReport   *self,
                       const char *heading)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_HEADING, heading);
}

void
lb_report_add_paragraph (LbReport   *self,
                         const char *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_PARAGRAPH, text);
}

void
lb_report_add_note (LbReport   *self,
                    const char *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_NOTE, text);
}

void
lb_report_add_key_value (LbReport   *self,
                         const char *key,
                         const char *value,
                         const char *missing_text)
{
  Block *block;

  g_return_if_fail (self != NULL);

  block = add_block (self, BLOCK_KEY_VALUE, key);
  block->text2 = cut_text (value);
  if (missing_text != NULL)
    {
      block->strv = g_new0 (char *, 2);
      block->strv[0] = g_strdup (missing_text);
    }
}

LbReportTable *
lb_report_add_table (LbReport           *self,
                     guint               n_columns,
                     const char * const *headers)
{
  Block *block;
  LbReportTable *table;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  block = add_block (self, BLOCK_TABLE, NULL);
  table = block->table = g_new0 (LbReportTable, 1);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->widths = g_new (double, n_columns);
  table->align = g_new0 (LbReportAlign, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint c = 0; c < n_columns; c++)
    {
      table->headers[c] = g_strdup (headers != NULL && headers[c] != NULL ? headers[c] : "");
      table->widths[c] = 1.0;
    }
  return table;
}

void
lb_report_table_set_widths (LbReportTable *table,
                            const double  *widths)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (widths != NULL);

  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] = widths[c] > 0 ? widths[c] : 1.0;
}

void
lb_report_table_set_align (LbReportTable *table,
                           guint          column,
                           LbReportAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  table->align[column] = align;
}

void
lb_report_table_add_row (LbReportTable      *table,
                         const char * const *cells)
{
  GStrv row;

  g_return_if_fail (table != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strdup (cells != NULL && cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
}

guint
lb_report_table_get_n_rows (LbReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

LbReportChart *
lb_report_add_bar_chart (LbReport *self)
{
  Block *block;

  g_return_val_if_fail (self != NULL, NULL);

  block = add_block (self, BLOCK_CHART, NULL);
  block->chart = g_new0 (LbReportChart, 1);
  block->chart->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  return block->chart;
}

void
lb_report_chart_add_bar (LbReportChart *chart,
                         const char    *label,
                         double         fraction,
                         const char    *value_text)
{
  g_return_if_fail (chart != NULL);

  lb_report_chart_add_bar_full (chart, label, fraction, NAN, 0, value_text);
}

void
lb_report_chart_add_bar_full (LbReportChart *chart,
                              const char    *label,
                              double         fraction,
                              double         error,
                              guint          tie_group,
                              const char    *value_text)
{
  Bar bar;

  g_return_if_fail (chart != NULL);

  bar.label = g_strdup (label != NULL ? label : "");
  bar.fraction = fraction;
  bar.error = error;
  bar.tie_group = tie_group;
  bar.value = g_strdup (value_text != NULL ? value_text : "");
  g_array_append_val (chart->bars, bar);
}

void
lb_report_chart_set_axis (LbReportChart      *chart,
                          const char * const *tick_labels,
                          const char         *legend)
{
  g_return_if_fail (chart != NULL);

  g_strfreev (chart->ticks);
  chart->ticks = tick_labels != NULL ? g_strdupv ((char **) tick_labels) : NULL;
  g_free (chart->legend);
  chart->legend = g_strdup (legend);
}

void
lb_report_add_question (LbReport   *self,
                        const char *question,
                        const char *hint,
                        guint       n_lines)
{
  Block *block;

  g_return_if_fail (self != NULL);

  block = add_block (self, BLOCK_QUESTION, question);
  block->text2 = g_strdup (hint);
  block->n_lines = n_lines;
}

void
lb_report_add_sign_off (LbReport           *self,
                        const char * const *labels)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL);

  block = add_block (self, BLOCK_SIGN_OFF, NULL);
  block->strv = g_strdupv ((char **) labels);
}

void
lb_report_add_sign_off_boxes (LbReport           *self,
                              const char * const *roles,
                              const char * const *names,
                              const char * const *dates,
                              const char         *name_label,
                              const char         *date_label,
                              const char         *mark_label)
{
  Block *block;
  guint n;
  g_autoptr(GPtrArray) fill = g_ptr_array_new ();

  g_return_if_fail (self != NULL);
  g_return_if_fail (roles != NULL);

  n = g_strv_length ((char **) roles);
  block = add_block (self, BLOCK_SIGN_OFF_BOXES, name_label);
  block->text2 = g_strdup (date_label != NULL ? date_label : "");
  block->strv = g_strdupv ((char **) roles);
  /* strv2: the mark label, n names, n dates */
  g_ptr_array_add (fill, (gpointer) (mark_label != NULL ? mark_label : ""));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (fill, (gpointer) (names != NULL && names[i] != NULL ? names[i] : ""));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (fill, (gpointer) (dates != NULL && dates[i] != NULL ? dates[i] : ""));
  g_ptr_array_add (fill, NULL);
  block->strv2 = g_strdupv ((char **) fill->pdata);
}

void
lb_report_add_page_break (LbReport *self)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_PAGE_BREAK, NULL);
}

guint
lb_report_paginate (LbReport *self,
                    double    width,
                    double    height)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 2 * MARGIN_SIDE + 50, 0);
  g_return_val_if_fail (height > CONTENT_TOP + CONTENT_BOTTOM + 50, 0);

  clear_layout (self);
  self->width = width;
  self->height = height;
  layout_blocks (self);
  paginate_chunks (self);
  return self->pages->len;
}

guint
lb_report_get_n_pages (LbReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

void
lb_report_draw_page (LbReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  GArray *placements;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_furniture (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *p = &g_array_index (placements, Placement, i);
      double top = CONTENT_TOP + p->y;

      cairo_save (cr);
      if (p->from > 0 || p->to < p->chunk->height)
        {
          cairo_rectangle (cr, 0, top, self->width, p->to - p->from);
          cairo_clip (cr);
        }
      cairo_translate (cr, MARGIN_SIDE, top - p->from);
      chunk_draw (p->chunk, cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

gboolean
lb_report_render_pdf (LbReport    *self,
                      LbPaper      paper,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;
  guint n_pages;
  FILE *out;
  int fd, saved_errno;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lb_paper_get_size (paper, &width, &height);
  n_pages = lb_report_paginate (self, width, height);

  /* Written to a temporary file beside @path that takes its name only once complete: a
   * half-written report never appears, and an older one stays until the new one is whole. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0 || (out = fdopen (fd, "wb")) == NULL)
    {
      saved_errno = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (temp);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the report to “%s”: %s. Check that the folder exists and "
                     "you may write to it."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_stream_cb, out, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->document_title != NULL ? self->document_title
                                                               : self->running_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      lb_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  ok = status == CAIRO_STATUS_SUCCESS && fflush (out) == 0 && fsync (fileno (out)) == 0;
  saved_errno = errno;
  if (fclose (out) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (ok && g_rename (temp, path) != 0)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    {
      g_unlink (temp);
      if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
        g_set_error (error, LB_REPORT_ERROR, LB_REPORT_ERROR_WRITE,
                     _("Could not write the report to “%s”: %s."), path,
                     cairo_status_to_string (status));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not write the report to “%s”: %s. Check that the disk has room and "
                       "you may write to the folder."),
                     path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

void
lb_report_render_pdf_async (LbReport            *self,
                            LbPaper              paper,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderData *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (RenderData, 1);
  data->paper = paper;
  data->path = g_strdup (path);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lb_report_render_pdf_async);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_object_set_data_full (G_OBJECT (task), "report", lb_report_ref (self), (GDestroyNotify) lb_report_unref);
  g_task_run_in_thread (task, render_pdf_thread);
}

gboolean
lb_report_render_pdf_finish (LbReport      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lb_report_render_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
