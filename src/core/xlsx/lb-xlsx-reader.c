/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-xlsx-reader.c: a streaming reader for Excel workbooks (.xlsx), row by row like a CSV */

#define G_LOG_DOMAIN "lb-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <gsf/gsf-infile-impl.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "lb-xlsx-reader.h"
#include "lb-cell-ref.h"
#include "lb-types.h"
#include "lb-warning.h"

/* libgsf 1.14 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

#define HEADER_SAMPLE_ROWS 100
#define PEEK_ROWS          200
#define MAX_ROWS           1048576
#define MAX_COLUMNS        16384
#define MAX_FIELD_BYTES    (1024 * 1024)
#define MAX_WARNED         10
#define RATIO_FLOOR        ((guint64) 16 * 1024 * 1024)

typedef enum {
  FMT_GENERAL,
  FMT_NUMBER,
  FMT_PERCENT,
  FMT_DATE,      /* days, maybe with a time of day */
  FMT_TIME,      /* a time of day */
  FMT_TEXT,
} FmtKind;

typedef struct {
  FmtKind kind;
  char   *code;      /* the format code, or "General" */
} CellFormat;

typedef struct {
  guint r1, c1, r2, c2;
  char *fill;        /* the top-left cell's text, once read; NULL for a number */
  gboolean filled;   /* some cell took the text */
} Merge;

/* A part of the archive read through libxml2, counting what it gives. */
typedef struct {
  GsfInput *input;
  gboolean  failed;
} PartStream;

typedef struct {
  guint    column;
  gsize    text;     /* offset in row_text */
  gssize   detail;   /* offset in row_details, or -1 */
} RowCell;

struct _LbXlsxReader
{
  GObject        parent_instance;

  /* owned */
  char          *display_name;
  GsfInput      *source;
  GBytes        *bytes;          /* what source reads, when the workbook came as bytes */
  GsfInfile     *zip;
  guint64        file_size;
  char          *sha256;
  char          *workbook_dir;   /* "xl/" */
  GPtrArray     *sheets;         /* of LbXlsxSheet* */
  GPtrArray     *strings;        /* shared strings, of char* */
  GArray        *formats;        /* of CellFormat, by cellXfs index */
  gboolean       date1904;
  LbCsvDialect   dialect;

  /* the open sheet */
  LbXlsxSheet   *sheet;          /* borrowed from sheets */
  GsfInput      *part;
  PartStream     stream;
  xmlTextReaderPtr xml;
  char          *xml_error;
  GQueue         peeked;         /* of LbCsvRecord*, read ahead for the header guess */
  GArray        *merges;         /* of Merge */
  char          *merges_sheet;   /* the sheet whose merged ranges merges holds */
  GArray        *hidden_rows;    /* of guint, rows with values */
  GArray        *hidden_columns; /* of guint */
  guint          last_row;
  gboolean       done;
  gboolean       warned;         /* finish_warnings() ran */
  GPtrArray     *warnings;       /* of LbWarning* */
  GString       *row_text;
  GString       *row_details;
  GArray        *row_cells;      /* of RowCell */
  GString       *scratch;
};

G_DEFINE_FINAL_TYPE (LbXlsxReader, lb_xlsx_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (lb-xlsx-error-quark, lb_xlsx_error)

static const struct {
  guint       id;
  FmtKind     kind;
  const char *code;
} builtin_formats[] = {
  { 0, FMT_GENERAL, "General" }, { 1, FMT_NUMBER, "0" }, { 2, FMT_NUMBER, "0.00" },
  { 3, FMT_NUMBER, "#,##0" }, { 4, FMT_NUMBER, "#,##0.00" }, { 9, FMT_PERCENT, "0%" },
  { 10, FMT_PERCENT, "0.00%" }, { 11, FMT_NUMBER, "0.00E+00" }, { 12, FMT_NUMBER, "# ?/?" },
  { 13, FMT_NUMBER, "# ?\?/?\?" }, { 14, FMT_DATE, "m/d/yyyy" }, { 15, FMT_DATE, "d-mmm-yy" },
  { 16, FMT_DATE, "d-mmm" }, { 17, FMT_DATE, "mmm-yy" }, { 18, FMT_TIME, "h:mm AM/PM" },
  { 19, FMT_TIME, "h:mm:ss AM/PM" }, { 20, FMT_TIME, "h:mm" }, { 21, FMT_TIME, "h:mm:ss" },
  { 22, FMT_DATE, "m/d/yyyy h:mm" },
  /* East Asian dates: the code depends on the language Excel runs in. */
  { 27, FMT_DATE, "[$-411]ge.m.d" }, { 28, FMT_DATE, "[$-411]ggge\"年\"m\"月\"d\"日\"" },
  { 29, FMT_DATE, "[$-411]ggge\"年\"m\"月\"d\"日\"" }, { 30, FMT_DATE, "m/d/yy" },
  { 31, FMT_DATE, "yyyy\"年\"m\"月\"d\"日\"" }, { 32, FMT_TIME, "h\"時\"mm\"分\"" },
  { 33, FMT_TIME, "h\"時\"mm\"分\"ss\"秒\"" }, { 34, FMT_DATE, "yyyy\"年\"m\"月\"" },
  { 35, FMT_DATE, "m\"月\"d\"日\"" }, { 36, FMT_DATE, "[$-411]ge.m.d" },
  { 37, FMT_NUMBER, "#,##0 ;(#,##0)" }, { 38, FMT_NUMBER, "#,##0 ;[Red](#,##0)" },
  { 39, FMT_NUMBER, "#,##0.00;(#,##0.00)" }, { 40, FMT_NUMBER, "#,##0.00;[Red](#,##0.00)" },
  { 45, FMT_TIME, "mm:ss" }, { 46, FMT_TIME, "[h]:mm:ss" }, { 47, FMT_TIME, "mmss.0" },
  { 48, FMT_NUMBER, "##0.0E+0" }, { 49, FMT_TEXT, "@" },
  { 50, FMT_DATE, "[$-411]ge.m.d" }, { 51, FMT_DATE, "[$-411]ggge\"年\"m\"月\"d\"日\"" },
  { 52, FMT_DATE, "yyyy\"年\"m\"月\"" }, { 53, FMT_DATE, "m\"月\"d\"日\"" },
  { 54, FMT_DATE, "[$-411]ggge\"年\"m\"月\"d\"日\"" }, { 55, FMT_DATE, "yyyy\"年\"m\"月\"" },
  { 56, FMT_DATE, "m\"月\"d\"日\"" }, { 57, FMT_DATE, "[$-411]ge.m.d" },
  { 58, FMT_DATE, "[$-411]ggge\"年\"m\"月\"d\"日\"" },
};

void
lb_xlsx_sheet_free (LbXlsxSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->part);
  g_free (sheet);
}

static void
cell_format_clear (CellFormat *format)
{
  g_free (format->code);
}

static void
merge_clear (Merge *merge)
{
  g_free (merge->fill);
}

static void
close_sheet (LbXlsxReader *self)
{
  g_clear_pointer (&self->xml, xmlFreeTextReader);
  g_clear_object (&self->part);
  self->stream.input = NULL;
  self->stream.failed = FALSE;
  g_clear_pointer (&self->xml_error, g_free);
  g_queue_clear_full (&self->peeked, (GDestroyNotify) lb_csv_record_free);
  for (guint m = 0; m < self->merges->len; m++)
    {
      Merge *merge = &g_array_index (self->merges, Merge, m);

      g_clear_pointer (&merge->fill, g_free);
      merge->filled = FALSE;
    }
  g_array_set_size (self->hidden_rows, 0);
  g_array_set_size (self->hidden_columns, 0);
  g_ptr_array_set_size (self->warnings, 0);
  self->last_row = 0;
  self->done = FALSE;
  self->warned = FALSE;
  self->sheet = NULL;
}

static void
lb_xlsx_reader_finalize (GObject *object)
{
  LbXlsxReader *self = LB_XLSX_READER (object);

  close_sheet (self);
  g_clear_pointer (&self->merges, g_array_unref);
  g_clear_pointer (&self->merges_sheet, g_free);
  g_clear_pointer (&self->hidden_rows, g_array_unref);
  g_clear_pointer (&self->hidden_columns, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_object (&self->zip);
  g_clear_object (&self->source);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->display_name);
  g_free (self->sha256);
  g_free (self->workbook_dir);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->formats, g_array_unref);
  lb_csv_dialect_clear (&self->dialect);
  g_string_free (self->row_text, TRUE);
  g_string_free (self->row_details, TRUE);
  g_string_free (self->scratch, TRUE);
  g_clear_pointer (&self->row_cells, g_array_unref);

  G_OBJECT_CLASS (lb_xlsx_reader_parent_class)->finalize (object);
}

static void
lb_xlsx_reader_class_init (LbXlsxReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_xlsx_reader_finalize;
}

static void
lb_xlsx_reader_init (LbXlsxReader *self)
{
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_xlsx_sheet_free);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->formats = g_array_new (FALSE, TRUE, sizeof (CellFormat));
  g_array_set_clear_func (self->formats, (GDestroyNotify) cell_format_clear);
  self->merges = g_array_new (FALSE, TRUE, sizeof (Merge));
  g_array_set_clear_func (self->merges, (GDestroyNotify) merge_clear);
  self->hidden_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hidden_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);
  self->row_text = g_string_new (NULL);
  self->row_details = g_string_new (NULL);
  self->scratch = g_string_new (NULL);
  self->row_cells = g_array_new (FALSE, FALSE, sizeof (RowCell));
  g_queue_init (&self->peeked);
}

/* ---- the archive and its XML parts ---- */

static void
set_not_workbook (LbXlsxReader  *self,
                  GError       **error)
{
  g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
               _("%s is a ZIP archive but not an Excel workbook (.xlsx): it has no workbook "
                 "part. Nothing was imported. Open it in the program that made it and save it "
                 "as an Excel workbook or as CSV."),
               self->display_name);
}

/* Resolves a relationship target against the folder @base ("xl/"): "worksheets/sheet1.xml",
 * "/xl/worksheets/sheet1.xml" or "../xl/x.xml". Newly allocated, without a leading "/". */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_autofree char *joined = target[0] == '/' ? g_strdup (target + 1)
                                             : g_strconcat (base, target, NULL);
  g_auto(GStrv) parts = g_strsplit (joined, "/", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (out->len > 0)
            g_ptr_array_set_size (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

/* The member at @path ("xl/worksheets/sheet1.xml"), or NULL when there is none. Refuses a
 * member that would unpack to more than the limits allow. */
static GsfInput *
open_member (LbXlsxReader  *self,
             const char    *path,
             GError       **error)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input = g_object_ref (GSF_INPUT (self->zip));
  guint64 size, ratio_limit;

  /* Through the class, not gsf_infile_child_by_name(): that one logs a warning for a damaged
   * member, and the user is told here instead. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInfile *dir = GSF_IS_INFILE (input) ? GSF_INFILE (input) : NULL;
      g_autoptr(GError) local_error = NULL;
      GsfInput *child = NULL;
      int n = dir != NULL ? gsf_infile_num_children (dir) : -1;

      for (int j = 0; j < n && child == NULL && local_error == NULL; j++)
        if (g_strcmp0 (gsf_infile_name_by_index (dir, j), names[i]) == 0)
          child = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir))->child_by_index (dir, j, &local_error);
      g_object_unref (input);
      if (local_error != NULL)
        {
          g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
                       _("%s is damaged or incomplete: its part “%s” cannot be unpacked. "
                         "Nothing was imported. If the file was copied or downloaded, copy it "
                         "again; otherwise open it in Excel and save it again."),
                       self->display_name, path);
          g_clear_object (&child);
          return NULL;
        }
      if (child == NULL)
        return NULL;
      input = child;
    }
  size = (guint64) MAX (gsf_input_size (input), 0);
  ratio_limit = MAX (RATIO_FLOOR, self->file_size * LB_XLSX_MAX_RATIO);
  if (size > LB_XLSX_MAX_PART_SIZE || size > ratio_limit)
    {
      g_autofree char *unpacked = g_format_size (size);
      g_autofree char *packed = g_format_size (self->file_size);

      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_TOO_LARGE,
                   _("%s is refused: its part “%s” would unpack to %s from a file of %s, far "
                     "more than a workbook holds (this is how a “zip bomb” looks). Nothing was "
                     "imported. Open the file in Excel and save it again, or export the sheet "
                     "as CSV."),
                   self->display_name, path, unpacked, packed);
      g_object_unref (input);
      return NULL;
    }
  return input;
}

static int
part_read_cb (void *context,
              char *buffer,
              int   len)
{
  PartStream *stream = context;
  gsf_off_t remaining = gsf_input_remaining (stream->input);

  if (remaining <= 0 || len <= 0)
    return 0;
  if ((gsf_off_t) len > remaining)
    len = (int) remaining;
  if (gsf_input_read (stream->input, (size_t) len, (guint8 *) buffer) == NULL)
    {
      stream->failed = TRUE;
      return -1;
    }
  return len;
}

static int
part_close_cb (void *context)
{
  return 0;
}

static void
xml_error_cb (void        *data,
              xmlErrorPtr  err)
{
  char **slot = data;

  if (*slot == NULL && err != NULL)
    {
      g_autofree char *message = g_strdup (err->message != NULL ? err->message : "?");

      *slot = g_strdup_printf ("%d: %s", err->line, g_strstrip (message));
    }
}

/* An XML reader over @input: no network, no DTD loading, no entity substitution. */
static xmlTextReaderPtr
new_xml_reader (GsfInput    *input,
                PartStream  *stream,
                char       **error_slot)
{
  xmlTextReaderPtr xml;

  stream->input = input;
  stream->failed = FALSE;
  xml = xmlReaderForIO (part_read_cb, part_close_cb, stream, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR
                        | XML_PARSE_NOWARNING);
  if (xml != NULL)
    xmlTextReaderSetStructuredErrorHandler (xml, xml_error_cb, error_slot);
  return xml;
}

static void
set_damaged (LbXlsxReader  *self,
             const char    *part,
             PartStream    *stream,
             const char    *detail,
             GError       **error)
{
  if (stream != NULL && stream->failed)
    g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
                 _("%s is damaged or incomplete: its part “%s” cannot be unpacked. Nothing was "
                   "imported. If the file was copied or downloaded, copy it again; otherwise "
                   "open it in Excel and save it again."),
                 self->display_name, part);
  else
    g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED,
                 _("%s is damaged: its part “%s” is not valid workbook XML (line %s). Nothing "
                   "was imported. Open it in Excel and save it again."),
                 self->display_name, part, detail != NULL ? detail : "?");
}

/* One step of @xml: 1 a node, 0 the end, -1 an error (set). A document type declaration is
 * refused: no part of a workbook has one, and it is where entity expansion attacks live. */
static int
xml_step (LbXlsxReader     *self,
          xmlTextReaderPtr  xml,
          const char       *part,
          PartStream       *stream,
          char            **error_slot,
          GError          **error)
{
  int ret = xmlTextReaderRead (xml);
  int type;

  if (ret < 0)
    {
      set_damaged (self, part, stream, *error_slot, error);
      return -1;
    }
  if (ret != 1)
    return ret;
  type = xmlTextReaderNodeType (xml);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED,
                   _("%s is refused: its part “%s” declares a document type, which no Excel "
                     "workbook does (it can hide entity expansion). Nothing was imported. Open "
                     "the file in Excel and save it again."),
                   self->display_name, part);
      return -1;
    }
  if (type == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED,
                   _("%s is refused: its part “%s” uses an entity that is not part of XML "
                     "itself. Nothing was imported. Open the file in Excel and save it again."),
                   self->display_name, part);
      return -1;
    }
  return ret;
}

static gboolean
is_element (xmlTextReaderPtr  xml,
            const char       *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  xml,
        const char       *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

/* The attribute @name without namespace (or, with @any_ns, in any namespace). */
static char *
get_attr (xmlTextReaderPtr  xml,
          const char       *name,
          gboolean          any_ns)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return NULL;
  do
    {
      const xmlChar *ns = xmlTextReaderConstNamespaceUri (xml);

      if (strcmp ((const char *) xmlTextReaderConstLocalName (xml), name) == 0
          && (any_ns ? ns != NULL : ns == NULL))
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (xml));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);
  xmlTextReaderMoveToElement (xml);
  return value;
}

/* Decodes the _xHHHH_ escapes OOXML uses for control characters, in place. */
static void
unescape_ooxml (GString *s,
                gsize    from)
{
  gsize r = from, w = from;

  if (strstr (s->str + from, "_x") == NULL)
    return;
  while (r < s->len)
    {
      const char *p = s->str + r;

      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);
          char buf[6];
          int n;

          if (c == 0 || !g_unichar_validate (c))
            c = 0xFFFD;
          n = g_unichar_to_utf8 (c, buf);
          memcpy (s->str + w, buf, (gsize) n);
          w += (gsize) n;
          r += 7;
          continue;
        }
      s->str[w++] = s->str[r++];
    }
  g_string_truncate (s, w);
}

/* Appends the text inside the current element (not empty) to @out, up to its end. */
static int
read_text (LbXlsxReader     *self,
           xmlTextReaderPtr  xml,
           const char       *part,
           PartStream       *stream,
           char            **error_slot,
           GString          *out,
           GError          **error)
{
  int depth = xmlTextReaderDepth (xml);
  int ret;

  if (xmlTextReaderIsEmptyElement (xml))
    return 1;
  while ((ret = xml_step (self, xml, part, stream, error_slot, error)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (xml) == depth)
        return 1;
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE)
        {
          g_string_append (out, (const char *) xmlTextReaderConstValue (xml));
          if (out->len > MAX_FIELD_BYTES)
            {
              g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED,
                           _("%s is refused: a text in its part “%s” is longer than Excel "
                             "allows in a cell. Nothing was imported."),
                           self->display_name, part);
              return -1;
            }
        }
    }
  if (ret == 0)
    set_damaged (self, part, stream, *error_slot, error);
  return -1;
}

/* Appends a string item (<si> or <is>): its text and rich-text runs, leaving out phonetic
 * readings (<rPh>, furigana) so that 「社内GPT」 stays 「社内GPT」. */
static int
read_string_item (LbXlsxReader     *self,
                  xmlTextReaderPtr  xml,
                  const char       *part,
                  PartStream       *stream,
                  char            **error_slot,
                  GString          *out,
                  GError          **error)
{
  int depth = xmlTextReaderDepth (xml);
  gsize from = out->len;
  int ret;

  if (xmlTextReaderIsEmptyElement (xml))
    return 1;
  ret = xml_step (self, xml, part, stream, error_slot, error);
  while (ret == 1)
    {
      if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT
          && xmlTextReaderDepth (xml) == depth)
        {
          unescape_ooxml (out, from);
          return 1;
        }
      if (is_element (xml, "rPh") || is_element (xml, "phoneticPr") || is_element (xml, "rPr"))
        {
          /* Skips the whole subtree, landing on the node after it. */
          if (xmlTextReaderIsEmptyElement (xml))
            ret = xml_step (self, xml, part, stream, error_slot, error);
          else
            {
              ret = xmlTextReaderNext (xml);
              if (ret < 0)
                set_damaged (self, part, stream, *error_slot, error);
            }
          continue;
        }
      if (is_element (xml, "t")
          && read_text (self, xml, part, stream, error_slot, out, error) < 0)
        return -1;
      ret = xml_step (self, xml, part, stream, error_slot, error);
    }
  if (ret == 0)
    set_damaged (self, part, stream, *error_slot, error);
  return -1;
}

typedef struct {
  char *id;
  char *type;
  char *target;
} Rel;

static void
rel_free (Rel *rel)
{
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

/* The relationships of @rels_path, of Rel*, or NULL on error; an absent part is empty. */
static GPtrArray *
read_rels (LbXlsxReader  *self,
           const char    *rels_path,
           GError       **error)
{
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) rel_free);
  g_autoptr(GsfInput) input = NULL;
  g_autofree char *xml_error = NULL;
  GError *local_error = NULL;
  PartStream stream = { 0 };
  xmlTextReaderPtr xml;
  int ret;

  input = open_member (self, rels_path, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      return g_steal_pointer (&rels);
    }
  xml = new_xml_reader (input, &stream, &xml_error);
  while ((ret = xml_step (self, xml, rels_path, &stream, &xml_error, error)) == 1)
    if (is_element (xml, "Relationship"))
      {
        Rel *rel = g_new0 (Rel, 1);

        rel->id = get_attr (xml, "Id", FALSE);
        rel->type = get_attr (xml, "Type", FALSE);
        rel->target = get_attr (xml, "Target", FALSE);
        if (rel->id == NULL || rel->type == NULL || rel->target == NULL)
          rel_free (rel);
        else
          g_ptr_array_add (rels, rel);
      }
  xmlFreeTextReader (xml);
  if (ret < 0)
    return NULL;
  return g_steal_pointer (&rels);
}

static const Rel *
find_rel (GPtrArray  *rels,
          const char *type_suffix,
          const char *id)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Rel *rel = g_ptr_array_index (rels, i);

      if (id != NULL ? strcmp (rel->id, id) == 0 : g_str_has_suffix (rel->type, type_suffix))
        return rel;
    }
  return NULL;
}

static gboolean
read_shared_strings (LbXlsxReader  *self,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autofree char *xml_error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GError *local_error = NULL;
  PartStream stream = { 0 };
  xmlTextReaderPtr xml;
  int ret;

  input = open_member (self, path, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error == NULL;
    }
  xml = new_xml_reader (input, &stream, &xml_error);
  while ((ret = xml_step (self, xml, path, &stream, &xml_error, error)) == 1)
    if (is_element (xml, "si"))
      {
        g_string_truncate (text, 0);
        ret = read_string_item (self, xml, path, &stream, &xml_error, text, error);
        if (ret < 0)
          break;
        g_ptr_array_add (self->strings, g_strndup (text->str, text->len));
      }
  xmlFreeTextReader (xml);
  return ret >= 0;
}

/* What a number format code shows: only its first section decides. */
static FmtKind
classify_code (const char *code)
{
  gboolean date = FALSE, time = FALSE, month = FALSE, percent = FALSE, text = FALSE;
  gboolean digits = FALSE, general = FALSE;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '"')
        {
          const char *end = strchr (p + 1, '"');
          if (end == NULL)
            break;
          p = end;
        }
      else if (c == '\\' || c == '_' || c == '*')
        {
          if (p[1] == '\0')
            break;
          p = g_utf8_next_char (p + 1) - 1;
        }
      else if (c == '[')
        {
          const char *end = strchr (p, ']');
          if (end == NULL)
            break;
          /* [h]:mm elapsed time; [$-ja-JP-x-gannen], [Red], [>100] say nothing of the kind. */
          if (end - p >= 2 && strchr ("hms", g_ascii_tolower (p[1])) != NULL && p[1] == p[end - p - 1])
            time = TRUE;
          p = end;
        }
      else if (g_ascii_strncasecmp (p, "general", 7) == 0)
        {
          general = TRUE;
          p += 6;
        }
      else if (g_ascii_strncasecmp (p, "am/pm", 5) == 0 || g_ascii_strncasecmp (p, "a/p", 3) == 0)
        {
          time = TRUE;
          p += c == 'a' && p[1] == '/' ? 2 : 4;
        }
      else if (c == 'e' && (p[1] == '+' || p[1] == '-'))
        p++;
      else if (c == 'y' || c == 'd' || c == 'e' || c == 'g' || c == 'b')
        date = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
      else if (c == 'm')
        month = TRUE;
      else if (c == '%')
        percent = TRUE;
      else if (c == '@')
        text = TRUE;
      else if (c == '0' || c == '#' || c == '?')
        digits = TRUE;
    }
  if (date || (month && !time))
    return FMT_DATE;
  if (time)
    return FMT_TIME;
  if (percent)
    return FMT_PERCENT;
  if (text && !digits)
    return FMT_TEXT;
  if (general && !digits)
    return FMT_GENERAL;
  return FMT_NUMBER;
}

static gboolean
read_styles (LbXlsxReader  *self,
             const char    *path,
             GError       **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GHashTable) custom = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *xml_error = NULL;
  GError *local_error = NULL;
  PartStream stream = { 0 };
  gboolean in_xfs = FALSE;
  xmlTextReaderPtr xml;
  int ret;

  input = open_member (self, path, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error == NULL;
    }
  xml = new_xml_reader (input, &stream, &xml_error);
  while ((ret = xml_step (self, xml, path, &stream, &xml_error, error)) == 1)
    {
      if (is_element (xml, "numFmt"))
        {
          g_autofree char *id = get_attr (xml, "numFmtId", FALSE);
          char *code = get_attr (xml, "formatCode", FALSE);

          if (id != NULL && code != NULL)
            g_hash_table_replace (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)), code);
          else
            g_free (code);
        }
      else if (is_element (xml, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (xml);
      else if (is_end (xml, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (xml, "xf"))
        {
          g_autofree char *id_text = get_attr (xml, "numFmtId", FALSE);
          guint id = id_text != NULL ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          const char *code = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
          CellFormat format = { FMT_NUMBER, NULL };

          if (code != NULL)
            {
              format.kind = classify_code (code);
              format.code = g_strdup (code);
            }
          else
            {
              for (guint i = 0; i < G_N_ELEMENTS (builtin_formats); i++)
                if (builtin_formats[i].id == id)
                  {
                    format.kind = builtin_formats[i].kind;
                    format.code = g_strdup (builtin_formats[i].code);
                  }
              if (format.code == NULL)
                format.code = g_strdup_printf ("#%u", id);
            }
          g_array_append_val (self->formats, format);
        }
    }
  xmlFreeTextReader (xml);
  return ret >= 0;
}

/* Whether a worksheet has two rows of two cells or more, looking at its first rows only. */
static gboolean
sheet_has_table (LbXlsxReader  *self,
                 const char    *path,
                 GError       **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autofree char *xml_error = NULL;
  GError *local_error = NULL;
  PartStream stream = { 0 };
  guint rows = 0, wide_rows = 0, cells = 0;
  xmlTextReaderPtr xml;
  int ret;

  input = open_member (self, path, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
                     _("%s is damaged: the sheet part “%s” it names is missing. Nothing was "
                       "imported. Open it in Excel and save it again."),
                     self->display_name, path);
      return FALSE;
    }
  xml = new_xml_reader (input, &stream, &xml_error);
  while (wide_rows < 2 && rows < PEEK_ROWS
         && (ret = xml_step (self, xml, path, &stream, &xml_error, &local_error)) == 1)
    {
      if (is_element (xml, "row"))
        {
          rows++;
          cells = 0;
        }
      else if (is_element (xml, "v") || is_element (xml, "is"))
        cells++;
      else if (is_end (xml, "row"))
        wide_rows += cells >= 2;
      else if (is_end (xml, "sheetData"))
        break;
    }
  xmlFreeTextReader (xml);
  /* A damaged sheet is reported when it is read; here it only has no table. */
  g_clear_error (&local_error);
  return wide_rows >= 2;
}

static gboolean
read_workbook (LbXlsxReader  *self,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) root_rels = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GPtrArray) data_sheets = g_ptr_array_new ();
  g_autoptr(GPtrArray) other_sheets = g_ptr_array_new ();
  g_autoptr(GsfInput) input = NULL;
  g_autofree char *workbook_path = NULL;
  g_autofree char *rels_path = NULL;
  g_autofree char *xml_error = NULL;
  GError *local_error = NULL;
  PartStream stream = { 0 };
  const Rel *rel;
  xmlTextReaderPtr xml;
  char *slash;
  int ret;

  root_rels = read_rels (self, "_rels/.rels", error);
  if (root_rels == NULL)
    return FALSE;
  rel = find_rel (root_rels, "/officeDocument", NULL);
  workbook_path = rel != NULL ? resolve_target ("", rel->target) : g_strdup ("xl/workbook.xml");
  slash = strrchr (workbook_path, '/');
  self->workbook_dir = slash != NULL ? g_strndup (workbook_path, (gsize) (slash - workbook_path + 1))
                                     : g_strdup ("");
  input = open_member (self, workbook_path, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        set_not_workbook (self, error);
      return FALSE;
    }
  rels_path = g_strdup_printf ("%s_rels/%s.rels", self->workbook_dir, slash != NULL ? slash + 1 : workbook_path);
  rels = read_rels (self, rels_path, error);
  if (rels == NULL)
    return FALSE;

  xml = new_xml_reader (input, &stream, &xml_error);
  while ((ret = xml_step (self, xml, workbook_path, &stream, &xml_error, error)) == 1)
    {
      if (is_element (xml, "workbookPr"))
        {
          g_autofree char *d = get_attr (xml, "date1904", FALSE);
          self->date1904 = d != NULL && (strcmp (d, "1") == 0 || g_ascii_strcasecmp (d, "true") == 0);
        }
      else if (is_element (xml, "sheet"))
        {
          g_autofree char *id = get_attr (xml, "id", TRUE);
          g_autofree char *state = get_attr (xml, "state", FALSE);
          LbXlsxSheet *sheet = g_new0 (LbXlsxSheet, 1);
          const Rel *sheet_rel = id != NULL ? find_rel (rels, NULL, id) : NULL;

          sheet->name = get_attr (xml, "name", FALSE);
          if (sheet->name == NULL || !g_utf8_validate (sheet->name, -1, NULL))
            {
              g_free (sheet->name);
              sheet->name = g_strdup_printf ("Sheet%u", self->sheets->len + 1);
            }
          sheet->hidden = state != NULL && strcmp (state, "visible") != 0;
          if (sheet_rel != NULL && g_str_has_suffix (sheet_rel->type, "/worksheet"))
            sheet->part = resolve_target (self->workbook_dir, sheet_rel->target);
          g_ptr_array_add (self->sheets, sheet);
        }
    }
  xmlFreeTextReader (xml);
  if (ret < 0)
    return FALSE;
  if (self->sheets->len == 0)
    {
      set_not_workbook (self, error);
      return FALSE;
    }

  rel = find_rel (rels, "/sharedStrings", NULL);
  if (rel != NULL)
    {
      g_autofree char *path = resolve_target (self->workbook_dir, rel->target);
      if (!read_shared_strings (self, path, error))
        return FALSE;
    }
  rel = find_rel (rels, "/styles", NULL);
  if (rel != NULL)
    {
      g_autofree char *path = resolve_target (self->workbook_dir, rel->target);
      if (!read_styles (self, path, error))
        return FALSE;
    }

  for (guint i = 0; i < self->sheets->len; i++)
    {
      LbXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (sheet->part != NULL)
        {
          sheet->has_table = sheet_has_table (self, sheet->part, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
        }
      g_ptr_array_add (sheet->has_table && !sheet->hidden ? data_sheets : other_sheets, sheet);
    }
  /* Data sheets first: the order the assistant offers them in. */
  g_ptr_array_set_free_func (self->sheets, NULL);
  g_ptr_array_set_size (self->sheets, 0);
  g_ptr_array_set_free_func (self->sheets, (GDestroyNotify) lb_xlsx_sheet_free);
  for (guint i = 0; i < data_sheets->len; i++)
    g_ptr_array_add (self->sheets, g_ptr_array_index (data_sheets, i));
  for (guint i = 0; i < other_sheets->len; i++)
    g_ptr_array_add (self->sheets, g_ptr_array_index (other_sheets, i));
  return TRUE;
}

static gboolean
hash_file (LbXlsxReader  *self,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  self->file_size = 0;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gssize n;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_IO, _("%s cannot be opened: %s"),
                   self->display_name, local_error->message);
      return FALSE;
    }
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 64 * 1024, cancellable, &local_error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      self->file_size += (guint64) n;
    }
  if (n < 0)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_IO, _("%s cannot be read: %s"),
                   self->display_name, local_error->message);
      return FALSE;
    }
  self->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* ---- one sheet ---- */

static void
parse_ref (const char *ref,
           guint      *row,
           guint      *column)
{
  guint c = 0, r = 0;
  const char *p = ref;

  while (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        {
          c = MAX_COLUMNS + 1;
          break;
        }
    }
  while (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint) (*p - '0');
      if (r > MAX_ROWS)
        {
          r = MAX_ROWS + 1;
          break;
        }
    }
  *row = r;
  *column = c;
}

/* The merged ranges of a sheet are listed after its rows: find them in the raw XML first, so
 * that the rows can be read in one pass. */
static gboolean
scan_merges (LbXlsxReader  *self,
             const char    *path,
             GError       **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GString) window = g_string_new (NULL);
  GError *local_error = NULL;

  input = open_member (self, path, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error == NULL;
    }
  while (gsf_input_remaining (input) > 0)
    {
      gsize n = (gsize) MIN (gsf_input_remaining (input), 256 * 1024);
      const guint8 *data = gsf_input_read (input, n, NULL);
      const char *p;
      gsize keep;

      if (data == NULL)
        {
          g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
                       _("%s is damaged or incomplete: its part “%s” cannot be unpacked. "
                         "Nothing was imported. If the file was copied or downloaded, copy it "
                         "again; otherwise open it in Excel and save it again."),
                       self->display_name, path);
          return FALSE;
        }
      g_string_append_len (window, (const char *) data, (gssize) n);
      p = window->str;
      while ((p = strstr (p, "mergeCell ")) != NULL)
        {
          const char *ref = strstr (p, "ref=\"");
          const char *end = ref != NULL ? strchr (ref + 5, '"') : NULL;
          Merge merge = { 0 };
          g_autofree char *text = NULL;
          char *colon;

          if (end == NULL || ref - p > 200)
            break;
          text = g_strndup (ref + 5, (gsize) (end - ref - 5));
          colon = strchr (text, ':');
          if (colon != NULL)
            {
              *colon = '\0';
              parse_ref (text, &merge.r1, &merge.c1);
              parse_ref (colon + 1, &merge.r2, &merge.c2);
              if (merge.r1 >= 1 && merge.c1 >= 1 && merge.r2 >= merge.r1 && merge.c2 >= merge.c1
                  && merge.r2 <= MAX_ROWS && merge.c2 <= MAX_COLUMNS && self->merges->len < 65536)
                g_array_append_val (self->merges, merge);
            }
          p = end;
        }
      /* Keep a tail in case an element is split between two chunks. */
      keep = MIN (window->len, 256);
      if (p != NULL && (gsize) (p - window->str) > window->len - keep)
        keep = window->len - (gsize) (p - window->str);
      g_string_erase (window, 0, (gssize) (window->len - keep));
    }
  return TRUE;
}

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Excel keeps 15 significant digits: 0.61199999999999999 is the 0.612 it shows. */
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/* Appends the date or time of the serial @value; FALSE when it is not one. */
static gboolean
append_date (LbXlsxReader *self,
             GString      *out,
             double        value,
             FmtKind       kind)
{
  double days = floor (value);
  gint64 seconds = (gint64) llround ((value - days) * 86400.0);
  GDate date;

  if (!isfinite (value) || value < 0 || value >= 2958466)
    return FALSE;
  if (seconds >= 86400)
    {
      days += 1;
      seconds -= 86400;
    }
  if (kind == FMT_TIME)
    {
      if (value >= 1)
        return FALSE;   /* a duration ([h]:mm): kept as the number of days */
      g_string_append_printf (out, "%02d:%02d:%02d", (int) (seconds / 3600),
                              (int) (seconds / 60 % 60), (int) (seconds % 60));
      return TRUE;
    }
  if (self->date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (days == 60)
    {
      /* Excel's 1900 system counts a 29 February 1900 that never was: say it as it is. */
      g_string_append (out, "1900-02-29");
      return TRUE;
    }
  else if (days < 60)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  if (days < 1 && !self->date1904)
    return FALSE;
  g_date_add_days (&date, (guint) days);
  g_string_append_printf (out, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  if (seconds != 0)
    g_string_append_printf (out, " %02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60));
  return TRUE;
}

/* A plain decimal of at most 15 significant digits ("61.2", "-3", "0.612"): shown as it is. */
static gboolean
is_short_decimal (const char *s)
{
  guint digits = 0, dots = 0;
  const char *p = s;

  if (*p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '.')
        dots++;
      else
        return FALSE;
    }
  return digits > 0 && digits <= 15 && dots <= 1 && p[-1] != '.';
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

typedef struct {
  guint    column;
  guint    style;
  char     type[12];
  gboolean has_value;
  gboolean has_formula;
} CellRead;

/* Appends to row_details how the cell is stored, as JSON: {"cell":"C14","type":"n",
 * "value":"0.612","format":"0.0%","formula":"B14/C14"}. */
static void
add_detail (LbXlsxReader     *self,
            RowCell          *cell,
            const CellRead   *read,
            const char       *value,
            const char       *formula,
            const CellFormat *format,
            guint             row)
{
  g_autofree char *letter = lb_column_letter (read->column);
  GString *out = self->row_details;

  cell->detail = (gssize) out->len;
  g_string_append_printf (out, "{\"cell\":\"%s%u\",\"type\":", letter, row);
  append_json_string (out, read->type[0] != '\0' ? read->type : "n");
  g_string_append (out, ",\"value\":");
  append_json_string (out, value);
  if (format != NULL && format->code != NULL && format->kind != FMT_GENERAL)
    {
      g_string_append (out, ",\"format\":");
      append_json_string (out, format->code);
    }
  if (formula != NULL)
    {
      g_string_append (out, ",\"formula\":");
      append_json_string (out, formula);
    }
  g_string_append_c (out, '}');
  g_string_append_c (out, '\0');
}

/* Turns the cell just read into text for the row; FALSE on a broken reference. */
static gboolean
finish_cell (LbXlsxReader    *self,
             const CellRead  *read,
             GString         *value,
             const char      *formula,
             guint            row,
             GError         **error)
{
  const CellFormat *format = read->style < self->formats->len
    ? &g_array_index (self->formats, CellFormat, read->style) : NULL;
  RowCell cell = { read->column, self->row_text->len, -1 };
  gboolean detail = formula != NULL;
  const char *t = read->type;

  if (!read->has_value && formula == NULL)
    return TRUE;
  if (strcmp (t, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value->str, NULL, 10);

      if (value->len == 0 || index >= self->strings->len)
        {
          g_autofree char *letter = lb_column_letter (read->column);

          g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED,
                       _("%s is damaged: cell %s!%s%u refers to a text that is not in the "
                         "workbook. Nothing was imported. Open it in Excel and save it again."),
                       self->display_name, self->sheet->name, letter, row);
          return FALSE;
        }
      g_string_append (self->row_text, g_ptr_array_index (self->strings, index));
    }
  else if (strcmp (t, "inlineStr") == 0 || strcmp (t, "str") == 0)
    g_string_append_len (self->row_text, value->str, (gssize) value->len);
  else if (strcmp (t, "b") == 0)
    {
      g_string_append (self->row_text, strcmp (value->str, "1") == 0 ? "TRUE" : "FALSE");
      detail = TRUE;
    }
  else if (strcmp (t, "e") == 0)
    {
      /* "#N/A", "#DIV/0!": the value reader says what each means. */
      g_string_append_len (self->row_text, value->str, (gssize) value->len);
      detail = TRUE;
    }
  else if (strcmp (t, "d") == 0)
    {
      g_string_append_len (self->row_text, value->str, MIN (value->len, 10));
      detail = TRUE;
    }
  else if (value->len > 0)
    {
      char *end = NULL;
      FmtKind kind = format != NULL ? format->kind : FMT_GENERAL;
      double number;

      /* Most cells hold a short decimal that is already what Excel shows. */
      if ((kind == FMT_GENERAL || kind == FMT_NUMBER || kind == FMT_TEXT) && is_short_decimal (value->str))
        {
          g_string_append_len (self->row_text, value->str, (gssize) value->len);
          g_string_append_c (self->row_text, '\0');
          if (detail || kind != FMT_GENERAL)
            add_detail (self, &cell, read, value->str, formula, format, row);
          g_array_append_val (self->row_cells, cell);
          return TRUE;
        }
      number = g_ascii_strtod (value->str, &end);
      if (end == value->str || *end != '\0' || !isfinite (number))
        g_string_append_len (self->row_text, value->str, (gssize) value->len);
      else if (kind == FMT_PERCENT)
        {
          /* As Excel shows it and as a CSV of the sheet holds it: 0.612 is 61.2%. */
          append_number (self->row_text, number * 100.0);
          g_string_append_c (self->row_text, '%');
        }
      else if ((kind == FMT_DATE || kind == FMT_TIME) && append_date (self, self->row_text, number, kind))
        ;
      else
        append_number (self->row_text, number);
      detail |= kind != FMT_GENERAL;
    }
  else
    return TRUE;

  g_string_append_c (self->row_text, '\0');
  if (detail)
    add_detail (self, &cell, read, value->str, formula, format, row);
  g_array_append_val (self->row_cells, cell);
  return TRUE;
}

static const char *
cell_text (LbXlsxReader *self,
           guint         i)
{
  return self->row_text->str + g_array_index (self->row_cells, RowCell, i).text;
}

/* Fills empty cells of merged ranges with the text of their top-left cell. */
static void
apply_merges (LbXlsxReader *self,
              guint         row)
{
  for (guint m = 0; m < self->merges->len; m++)
    {
      Merge *merge = &g_array_index (self->merges, Merge, m);

      if (row == merge->r1)
        for (guint i = 0; i < self->row_cells->len; i++)
          if (g_array_index (self->row_cells, RowCell, i).column == merge->c1)
            {
              const char *text = cell_text (self, i);
              char *end = NULL;

              g_ascii_strtod (text, &end);
              /* A number is never copied: it would become several scores. */
              if (text[0] != '\0' && (end == text || *end != '\0') && !g_str_has_suffix (text, "%"))
                merge->fill = g_strdup (text);
            }
      if (merge->fill == NULL || row < merge->r1 || row > merge->r2)
        continue;
      for (guint c = merge->c1; c <= merge->c2; c++)
        {
          gboolean present = FALSE;

          if (row == merge->r1 && c == merge->c1)
            continue;
          for (guint i = 0; i < self->row_cells->len && !present; i++)
            present = g_array_index (self->row_cells, RowCell, i).column == c;
          if (!present)
            {
              RowCell cell = { c, 0, -1 };

              cell.text = self->row_text->len;
              g_string_append_len (self->row_text, merge->fill, (gssize) strlen (merge->fill) + 1);
              g_array_append_val (self->row_cells, cell);
              merge->filled = TRUE;
            }
        }
    }
}

static LbCsvRecord *
build_record (LbXlsxReader *self,
              guint         row)
{
  guint n = 0;
  gboolean any_detail = FALSE;
  gsize head, total;
  LbCsvRecord *record;
  char *text;
  g_autofree guint *slot = NULL;

  for (guint i = 0; i < self->row_cells->len; i++)
    {
      RowCell *cell = &g_array_index (self->row_cells, RowCell, i);

      if (cell_text (self, i)[0] != '\0' || cell->detail >= 0)
        n = MAX (n, cell->column);
      any_detail |= cell->detail >= 0;
    }
  head = sizeof (LbCsvRecord) + (n + 1) * sizeof (char *) * (any_detail ? 2 : 1);
  total = head + 1 + self->row_text->len + self->row_details->len;
  record = g_malloc (total);
  record->record = row;
  record->line = row;
  record->n_fields = n;
  record->fields = (char **) (gpointer) (record + 1);
  record->details = any_detail ? record->fields + n + 1 : NULL;
  text = (char *) record + head;
  text[0] = '\0';
  memcpy (text + 1, self->row_text->str, self->row_text->len);
  memcpy (text + 1 + self->row_text->len, self->row_details->str, self->row_details->len);
  for (guint c = 0; c <= n; c++)
    {
      record->fields[c] = c < n ? text : NULL;
      if (any_detail)
        record->details[c] = NULL;
    }
  for (guint i = 0; i < self->row_cells->len; i++)
    {
      RowCell *cell = &g_array_index (self->row_cells, RowCell, i);

      if (cell->column == 0 || cell->column > n)
        continue;
      record->fields[cell->column - 1] = text + 1 + cell->text;
      if (any_detail && cell->detail >= 0)
        record->details[cell->column - 1] = text + 1 + self->row_text->len + cell->detail;
    }
  return record;
}

static void
sheet_error (LbXlsxReader  *self,
             const char    *what,
             guint          row,
             GError       **error)
{
  g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_MALFORMED,
               _("%s is damaged: sheet “%s” has %s at row %u, outside what Excel allows. "
                 "Nothing was imported. Open it in Excel and save it again."),
               self->display_name, self->sheet->name, what, row);
}

/* Reads the next row with values from the sheet's XML. */
#define ELEMENT_IS(n) (type == XML_READER_TYPE_ELEMENT && strcmp (name, (n)) == 0)
#define END_IS(n) (type == XML_READER_TYPE_END_ELEMENT && strcmp (name, (n)) == 0)

static LbCsvRecord *
read_row (LbXlsxReader  *self,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *part = self->sheet->part;
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) formula = g_string_new (NULL);
  guint row = 0, last_column = 0;
  gboolean in_row = FALSE, hidden = FALSE;
  CellRead cell = { 0 };
  gboolean in_cell = FALSE;
  const char *name;
  int ret, type;

  while (!self->done)
    {
      ret = xml_step (self, self->xml, part, &self->stream, &self->xml_error, error);
      if (ret < 0)
        return NULL;
      if (ret == 0)
        {
          self->done = TRUE;
          break;
        }
      /* One look at each node: a sheet has millions. */
      type = xmlTextReaderNodeType (self->xml);
      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        continue;
      name = (const char *) xmlTextReaderConstLocalName (self->xml);
      if (!in_row)
        {
          if (ELEMENT_IS ("row"))
            {
              g_autofree char *r = get_attr (self->xml, "r", FALSE);
              g_autofree char *h = get_attr (self->xml, "hidden", FALSE);

              row = r != NULL ? (guint) MIN (g_ascii_strtoull (r, NULL, 10), MAX_ROWS + 1) : self->last_row + 1;
              if (row <= self->last_row || row > MAX_ROWS)
                {
                  sheet_error (self, _("a row out of order"), row, error);
                  return NULL;
                }
              self->last_row = row;
              hidden = h != NULL && (strcmp (h, "1") == 0 || strcmp (h, "true") == 0);
              last_column = 0;
              g_string_truncate (self->row_text, 0);
              g_string_truncate (self->row_details, 0);
              g_array_set_size (self->row_cells, 0);
              in_row = !xmlTextReaderIsEmptyElement (self->xml);
              if (!in_row)
                continue;
            }
          else if (ELEMENT_IS ("col"))
            {
              g_autofree char *h = get_attr (self->xml, "hidden", FALSE);
              g_autofree char *min = get_attr (self->xml, "min", FALSE);
              g_autofree char *max = get_attr (self->xml, "max", FALSE);

              if (h != NULL && (strcmp (h, "1") == 0 || strcmp (h, "true") == 0) && min != NULL)
                {
                  guint lo = (guint) MIN (g_ascii_strtoull (min, NULL, 10), MAX_COLUMNS);
                  guint hi = max != NULL ? (guint) MIN (g_ascii_strtoull (max, NULL, 10), MAX_COLUMNS) : lo;

                  for (guint c = MAX (lo, 1); c <= hi && self->hidden_columns->len < MAX_COLUMNS; c++)
                    g_array_append_val (self->hidden_columns, c);
                }
            }
          else if (END_IS ("sheetData"))
            self->done = TRUE;
          continue;
        }

      if (ELEMENT_IS ("c"))
        {
          gboolean have_ref = FALSE;

          /* The attributes in one pass, without copies: a sheet has a million cells. */
          memset (&cell, 0, sizeof cell);
          if (xmlTextReaderMoveToFirstAttribute (self->xml) == 1)
            {
              do
                {
                  const char *attr = (const char *) xmlTextReaderConstLocalName (self->xml);
                  const char *v = (const char *) xmlTextReaderConstValue (self->xml);

                  if (xmlTextReaderConstNamespaceUri (self->xml) != NULL || v == NULL)
                    continue;
                  if (strcmp (attr, "r") == 0)
                    {
                      guint cr;

                      have_ref = TRUE;
                      parse_ref (v, &cr, &cell.column);
                      if (cr != 0 && cr != row)
                        cell.column = 0;
                    }
                  else if (strcmp (attr, "s") == 0)
                    cell.style = (guint) MIN (g_ascii_strtoull (v, NULL, 10), G_MAXUINT);
                  else if (strcmp (attr, "t") == 0)
                    g_strlcpy (cell.type, v, sizeof cell.type);
                }
              while (xmlTextReaderMoveToNextAttribute (self->xml) == 1);
              xmlTextReaderMoveToElement (self->xml);
            }
          if (!have_ref)
            cell.column = last_column + 1;
          if (cell.column == 0 || cell.column > MAX_COLUMNS || cell.column <= last_column)
            {
              sheet_error (self, _("a cell out of place"), row, error);
              return NULL;
            }
          last_column = cell.column;
          g_string_truncate (value, 0);
          g_string_truncate (formula, 0);
          in_cell = !xmlTextReaderIsEmptyElement (self->xml);
        }
      else if (in_cell && ELEMENT_IS ("v"))
        {
          cell.has_value = TRUE;
          if (read_text (self, self->xml, part, &self->stream, &self->xml_error, value, error) < 0)
            return NULL;
        }
      else if (in_cell && ELEMENT_IS ("f"))
        {
          cell.has_formula = TRUE;
          if (read_text (self, self->xml, part, &self->stream, &self->xml_error, formula, error) < 0)
            return NULL;
        }
      else if (in_cell && ELEMENT_IS ("is"))
        {
          cell.has_value = TRUE;
          if (read_string_item (self, self->xml, part, &self->stream, &self->xml_error, value, error) < 0)
            return NULL;
        }
      else if (in_cell && END_IS ("c"))
        {
          in_cell = FALSE;
          /* A formula without a cached value (never calculated) leaves the cell empty. */
          if (cell.has_value
              && !finish_cell (self, &cell, value, cell.has_formula ? formula->str : NULL, row, error))
            return NULL;
        }
      else if (END_IS ("row"))
        in_row = FALSE;
      else
        continue;

      if (in_row)
        continue;
      /* The end of a row. */
      if (self->merges->len > 0)
        apply_merges (self, row);
      if (self->row_cells->len == 0)
        continue;
      if (hidden && self->hidden_rows->len < MAX_ROWS)
        g_array_append_val (self->hidden_rows, row);
      return build_record (self, row);
    }
  return NULL;
}

#undef ELEMENT_IS
#undef END_IS

static char *
join_numbers (GArray *numbers,
              gboolean letters)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < numbers->len && i < MAX_WARNED; i++)
    {
      guint n = g_array_index (numbers, guint, i);

      if (i > 0)
        g_string_append (out, ", ");
      if (letters)
        {
          g_autofree char *letter = lb_column_letter (n);
          g_string_append (out, letter);
        }
      else
        g_string_append_printf (out, "%u", n);
    }
  if (numbers->len > MAX_WARNED)
    /* Translators: after a list of rows or columns cut short; %u is how many more */
    g_string_append_printf (out, _(" and %u more"), numbers->len - MAX_WARNED);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
finish_warnings (LbXlsxReader *self)
{
  if (self->warned)
    return;
  self->warned = TRUE;
  if (self->hidden_rows->len > 0)
    {
      g_autofree char *list = join_numbers (self->hidden_rows, FALSE);
      g_autofree char *count = g_strdup_printf ("%u", self->hidden_rows->len);

      g_ptr_array_add (self->warnings,
                       lb_warning_new_coded (g_array_index (self->hidden_rows, guint, 0), 0,
                                             "sheet.hidden-rows",
                                             (const char *[]) { self->sheet->name, list, count, NULL }));
    }
  if (self->hidden_columns->len > 0)
    {
      g_autofree char *list = join_numbers (self->hidden_columns, TRUE);
      g_autofree char *count = g_strdup_printf ("%u", self->hidden_columns->len);

      g_ptr_array_add (self->warnings,
                       lb_warning_new_coded (0, g_array_index (self->hidden_columns, guint, 0),
                                             "sheet.hidden-columns",
                                             (const char *[]) { self->sheet->name, list, count, NULL }));
    }
  for (guint m = 0, warned = 0; m < self->merges->len && warned < MAX_WARNED; m++)
    {
      Merge *merge = &g_array_index (self->merges, Merge, m);
      g_autofree char *c1 = NULL;
      g_autofree char *c2 = NULL;
      g_autofree char *r1 = NULL;
      g_autofree char *r2 = NULL;

      if (!merge->filled)
        continue;
      warned++;
      c1 = lb_column_letter (merge->c1);
      c2 = lb_column_letter (merge->c2);
      r1 = g_strdup_printf ("%u", merge->r1);
      r2 = g_strdup_printf ("%u", merge->r2);
      g_ptr_array_add (self->warnings,
                       lb_warning_new_coded (merge->r1, merge->c1, "sheet.merged",
                                             (const char *[]) { self->sheet->name, c1, r1, c2, r2,
                                                                merge->fill != NULL ? merge->fill : "",
                                                                NULL }));
    }
}

/* ---- public ---- */

gboolean
lb_xlsx_looks_like_zip (const guint8 *data,
                        gsize         len)
{
  return len >= 4 && data[0] == 'P' && data[1] == 'K'
         && ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

static gboolean open_zip (LbXlsxReader *self, GCancellable *cancellable, GError **error);

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
le64 (const guint8 *p)
{
  return (guint64) le32 (p) | ((guint64) le32 (p + 4) << 32);
}

/* Whether a member's DOS time (date in the high half) is a real time, or 0 (none). */
static gboolean
dos_time_valid (guint32 dostime)
{
  guint year = (dostime >> 25) + 1980, month = (dostime >> 21) & 0x0f, day = (dostime >> 16) & 0x1f;
  guint minute = (dostime >> 5) & 0x3f, second = (dostime & 0x1f) * 2;

  /* libgsf reads the hour as four bits, so it is never out of range. */
  return dostime == 0
         || (month >= 1 && month <= 12 && day >= 1
             && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)
             && minute <= 59 && second <= 59);
}

/* Whether every member's DOS time in the archive's table of contents is a real time (or 0).
 * libgsf makes a GLib critical of an impossible one; no Excel writes one. The table is read
 * the way libgsf reads it: the end record's count of entries from its offset (or the zip64
 * record's), whatever the table's size says. An archive whose table cannot be read here is
 * left to libgsf, which then refuses it before it looks at a time. */
static gboolean
dos_times_valid (GsfInput *source)
{
  gsf_off_t size = gsf_input_size (source);
  gsize tail = (gsize) MIN (size, 22 + 65535);
  g_autofree guint8 *end = NULL;
  const guint8 *eocd = NULL;
  guint64 entries, offset;

  if (tail < 22 || gsf_input_seek (source, size - (gsf_off_t) tail, G_SEEK_SET))
    return TRUE;
  end = g_malloc (tail);
  if (gsf_input_read (source, tail, end) == NULL)
    return TRUE;
  for (gsize i = tail - 22 + 1; i-- > 0 && eocd == NULL;)
    if (end[i] == 'P' && end[i + 1] == 'K' && end[i + 2] == 5 && end[i + 3] == 6)
      eocd = end + i;
  if (eocd == NULL)
    return TRUE;
  /* Byte by byte: the record has no alignment. */
  entries = (guint64) (eocd[8] | (eocd[9] << 8));
  offset = le32 (eocd + 16);
  {
    gsf_off_t at = size - (gsf_off_t) tail + (eocd - end);
    guint8 locator[20], record[56];

    /* A zip64 locator just before the end record points at the record that counts. */
    if (at >= 20 && !gsf_input_seek (source, at - 20, G_SEEK_SET)
        && gsf_input_read (source, sizeof locator, locator) != NULL
        && le32 (locator) == 0x07064b50)
      {
        if (le64 (locator + 8) > (guint64) size
            || gsf_input_seek (source, (gsf_off_t) le64 (locator + 8), G_SEEK_SET)
            || gsf_input_read (source, sizeof record, record) == NULL
            || le32 (record) != 0x06064b50)
          return TRUE;
        entries = le64 (record + 24);
        offset = le64 (record + 48);
      }
  }
  /* Each entry is at least 46 bytes, so the walk ends within the file. */
  for (guint64 i = 0; i < entries && offset <= (guint64) size; i++)
    {
      guint8 e[46];

      if (gsf_input_seek (source, (gsf_off_t) offset, G_SEEK_SET)
          || gsf_input_read (source, sizeof e, e) == NULL || le32 (e) != 0x02014b50)
        return TRUE;
      if (!dos_time_valid (le32 (e + 12)))
        return FALSE;
      offset += 46 + (guint64) (e[28] | (e[29] << 8)) + (guint64) (e[30] | (e[31] << 8))
                + (guint64) (e[32] | (e[33] << 8));
    }
  return TRUE;
}

LbXlsxReader *
lb_xlsx_reader_new (GFile         *file,
                    const char    *display_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(LbXlsxReader) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LB_TYPE_XLSX_READER, NULL);
  self->display_name = display_name != NULL ? g_strdup (display_name) : g_file_get_basename (file);
  if (!hash_file (self, file, cancellable, error))
    return NULL;
  path = g_file_get_path (file);
  if (path != NULL)
    self->source = gsf_input_stdio_new (path, &local_error);
  else
    {
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
      if (bytes != NULL)
        self->source = gsf_input_memory_new_clone (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  if (self->source == NULL)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_IO, _("%s cannot be opened: %s"),
                   self->display_name, local_error != NULL ? local_error->message : "?");
      return NULL;
    }
  return open_zip (self, cancellable, error) ? g_steal_pointer (&self) : NULL;
}

static gboolean
open_zip (LbXlsxReader  *self,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (dos_times_valid (self->source))
    self->zip = gsf_infile_zip_new (self->source, &local_error);
  if (self->zip == NULL)
    {
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
                   _("%s is damaged or incomplete: it starts like an Excel workbook (.xlsx), "
                     "but its table of contents cannot be read. Nothing was imported. If the "
                     "file was copied or downloaded, copy it again; otherwise open it in Excel "
                     "and save it again, as a workbook or with File › Save As › CSV UTF-8."),
                   self->display_name);
      return FALSE;
    }
  if (!read_workbook (self, cancellable, error))
    return FALSE;

  self->dialect.encoding = g_strdup (LB_ENCODING_UTF8);
  self->dialect.encoding_detected = TRUE;
  self->dialect.encoding_reason = g_strdup (_("An Excel workbook stores its text as Unicode."));
  self->dialect.delimiter = ',';
  self->dialect.decimal_separator = '.';
  self->dialect.line_ending = "CRLF";
  self->dialect.size_bytes = self->file_size;
  self->dialect.sha256 = g_strdup (self->sha256);
  return TRUE;
}

LbXlsxReader *
lb_xlsx_reader_new_from_bytes (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(LbXlsxReader) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (LB_TYPE_XLSX_READER, NULL);
  self->display_name = g_strdup (display_name != NULL ? display_name : "workbook.xlsx");
  self->bytes = g_bytes_ref (bytes);
  self->file_size = g_bytes_get_size (bytes);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  self->source = gsf_input_memory_new (g_bytes_get_data (bytes, NULL), (gsf_off_t) g_bytes_get_size (bytes), FALSE);
  return open_zip (self, NULL, error) ? g_steal_pointer (&self) : NULL;
}

GPtrArray *
lb_xlsx_reader_get_sheets (LbXlsxReader *self)
{
  g_return_val_if_fail (LB_IS_XLSX_READER (self), NULL);
  return self->sheets;
}

const char *
lb_xlsx_reader_get_default_sheet (LbXlsxReader *self)
{
  const char *found = NULL;

  g_return_val_if_fail (LB_IS_XLSX_READER (self), NULL);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      LbXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (!sheet->has_table || sheet->hidden)
        continue;
      if (found != NULL)
        return NULL;
      found = sheet->name;
    }
  return found;
}

gboolean
lb_xlsx_reader_open_sheet (LbXlsxReader  *self,
                           const char    *name,
                           guint          header_record,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) sample = NULL;
  GError *local_error = NULL;
  LbXlsxSheet *sheet = NULL;

  g_return_val_if_fail (LB_IS_XLSX_READER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  close_sheet (self);
  for (guint i = 0; i < self->sheets->len && sheet == NULL; i++)
    if (strcmp (((LbXlsxSheet *) g_ptr_array_index (self->sheets, i))->name, name) == 0)
      sheet = g_ptr_array_index (self->sheets, i);
  if (sheet == NULL || sheet->part == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->sheets->len; i++)
        {
          LbXlsxSheet *s = g_ptr_array_index (self->sheets, i);
          if (s->part == NULL)
            continue;
          g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", s->name);
        }
      g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NO_SUCH_SHEET,
                   sheet == NULL ? _("%s has no sheet “%s”. Its sheets are: %s.")
                                 : _("%s: “%s” is a chart, not a sheet of cells. Its sheets are: %s."),
                   self->display_name, name, names->str);
      return FALSE;
    }
  self->sheet = sheet;
  /* Read again (the import after its preview), a sheet keeps the merged ranges found. */
  if (g_strcmp0 (self->merges_sheet, sheet->name) != 0)
    {
      g_array_set_size (self->merges, 0);
      g_clear_pointer (&self->merges_sheet, g_free);
      if (!scan_merges (self, sheet->part, error))
        return FALSE;
      self->merges_sheet = g_strdup (sheet->name);
    }
  self->part = open_member (self, sheet->part, &local_error);
  if (self->part == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NOT_WORKBOOK,
                     _("%s is damaged: the sheet part “%s” it names is missing. Nothing was "
                       "imported. Open it in Excel and save it again."),
                     self->display_name, sheet->part);
      return FALSE;
    }
  self->xml = new_xml_reader (self->part, &self->stream, &self->xml_error);

  /* Read ahead for the header guess, which is the one CSV files get. */
  sample = g_ptr_array_new_with_free_func (g_free);
  while (g_queue_get_length (&self->peeked) < HEADER_SAMPLE_ROWS)
    {
      LbCsvRecord *record = read_row (self, cancellable, error);

      if (record == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          break;
        }
      g_queue_push_tail (&self->peeked, record);
    }
  for (GList *l = self->peeked.head; l != NULL; l = l->next)
    {
      LbCsvRecord *record = l->data;

      while (sample->len + 1 < record->record && sample->len < HEADER_SAMPLE_ROWS)
        g_ptr_array_add (sample, g_new0 (char *, 1));
      if (sample->len >= HEADER_SAMPLE_ROWS)
        break;
      g_ptr_array_add (sample, g_memdup2 (record->fields, sizeof (char *) * (record->n_fields + 1)));
    }
  if (header_record != 0)
    {
      self->dialect.header_record = header_record;
      self->dialect.header_detected = FALSE;
    }
  else
    {
      lb_csv_dialect_guess_header (&self->dialect, sample);
    }
  return TRUE;
}

const LbCsvDialect *
lb_xlsx_reader_get_dialect (LbXlsxReader *self)
{
  g_return_val_if_fail (LB_IS_XLSX_READER (self), NULL);
  return &self->dialect;
}

const char *
lb_xlsx_reader_get_sheet_name (LbXlsxReader *self)
{
  g_return_val_if_fail (LB_IS_XLSX_READER (self), NULL);
  return self->sheet != NULL ? self->sheet->name : NULL;
}

LbCsvRecord *
lb_xlsx_reader_next (LbXlsxReader  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  LbCsvRecord *record;

  g_return_val_if_fail (LB_IS_XLSX_READER (self), NULL);
  g_return_val_if_fail (self->sheet != NULL, NULL);

  if (!g_queue_is_empty (&self->peeked))
    return g_queue_pop_head (&self->peeked);
  if (self->done)
    {
      finish_warnings (self);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  record = read_row (self, cancellable, error);
  if (record == NULL && self->done && (error == NULL || *error == NULL))
    finish_warnings (self);
  return record;
}

GPtrArray *
lb_xlsx_reader_get_warnings (LbXlsxReader *self)
{
  g_return_val_if_fail (LB_IS_XLSX_READER (self), NULL);
  return self->warnings;
}

gboolean
lb_xlsx_reader_is_file (LbXlsxReader  *self,
                        GFile         *file,
                        gboolean      *same,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *sha256 = NULL;
  guint64 size = 0;

  g_return_val_if_fail (LB_IS_XLSX_READER (self), FALSE);
  g_return_val_if_fail (same != NULL, FALSE);

  sha256 = g_steal_pointer (&self->sha256);
  size = self->file_size;
  if (!hash_file (self, file, cancellable, error))
    {
      self->sha256 = g_steal_pointer (&sha256);
      self->file_size = size;
      return FALSE;
    }
  *same = g_strcmp0 (sha256, self->sha256) == 0 && size == self->file_size;
  g_free (self->sha256);
  self->sha256 = g_steal_pointer (&sha256);
  self->file_size = size;
  return TRUE;
}

double
lb_xlsx_reader_get_progress (LbXlsxReader *self)
{
  gsf_off_t size;

  g_return_val_if_fail (LB_IS_XLSX_READER (self), 0.0);
  if (self->part == NULL)
    return self->done ? 1.0 : 0.0;
  size = gsf_input_size (self->part);
  return size > 0 ? (double) gsf_input_tell (self->part) / (double) size : 1.0;
}
