/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-importer.c: turns a CSV file, a workbook's sheet or a result file into results in the store, in one transaction */

#define G_LOG_DOMAIN "lb-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lb-importer.h"
#include "lb-value.h"
#include "lb-cell-ref.h"
#include "lb-warning.h"
#include "lb-xlsx-reader.h"
#include "lb-xls-reader.h"
#include "lb-results-reader.h"

#define PREVIEW_RECORDS 100
#define SPOOL_CHUNK     (64 * 1024)
#define PROGRESS_EVERY  2048

struct _LbImporter
{
  GObject       parent_instance;

  /* owned */
  GFile        *file;           /* as the user named it: kept in the provenance */
  GFile        *spool;          /* a temporary copy of a pipe or device, or NULL */
  char         *user;           /* who imports, or NULL: the store's user */
  LbCsvFingerprint fingerprint; /* of the bytes the plan was made from */
  char         *display_name;
  LbCsvOptions  options;        /* as given; strings below own the borrowed members */
  char         *options_encoding;
  LbCsvDialect  dialect;        /* a copy of what the reader decided */
  LbLayout      layout;
  gboolean      layout_detected;
  GPtrArray    *columns;        /* of LbColumnSpec* */
  GPtrArray    *preview;        /* of LbCsvRecord* */
  char         *signature;
  gboolean      mapping_remembered;
  char         *encoding_warning;
  LbImportMode  mode;
  gboolean      mode_chosen;    /* by the user; else guessed at run */
  LbProvenanceClass provenance; /* who produced the numbers, as the user said */
  GHashTable   *forced_rows;    /* record numbers of summary rows to import anyway */
  GHashTable   *preview_summary;/* record → LbSummaryKind for the preview, NULL: to compute */
  LbXlsxReader *workbook;       /* the workbook's sheets when the file is one, or NULL */
  LbXlsReader  *old_workbook;   /* the same for an Excel 97-2003 workbook */
  char         *options_sheet;
  char         *sheet;          /* the sheet read, or NULL for a CSV file */
  GMutex        workbook_lock;  /* held by the run that reads through workbook */
  gboolean      sheet_chosen;   /* named by the caller, not picked as the only data sheet */
  gboolean      old_format;     /* the workbook is an .xls */
  LbResultsReader *results;     /* the result file (JSON) when the file is one, or NULL */
};

/* One importer, many readers: what the rows come from. Everything after reading is the same. */
typedef struct {
  LbCsvReader  *csv;
  LbXlsxReader *xlsx;
  LbXlsReader  *xls;
  LbResultsReader *results;
  GMutex       *locked;   /* the importer's workbook_lock, while xlsx is its workbook */
} Source;

static void
source_clear (Source *source)
{
  g_clear_object (&source->csv);
  g_clear_object (&source->xlsx);
  g_clear_object (&source->xls);
  g_clear_object (&source->results);
  if (source->locked != NULL)
    g_mutex_unlock (g_steal_pointer (&source->locked));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static LbCsvRecord *
source_next (Source        *source,
             GCancellable  *cancellable,
             GError       **error)
{
  if (source->xlsx != NULL)
    return lb_xlsx_reader_next (source->xlsx, cancellable, error);
  if (source->xls != NULL)
    return lb_xls_reader_next (source->xls, cancellable, error);
  if (source->results != NULL)
    return lb_results_reader_next (source->results, cancellable, error);
  return lb_csv_reader_next (source->csv, cancellable, error);
}

static const LbCsvDialect *
source_dialect (Source *source)
{
  if (source->xlsx != NULL)
    return lb_xlsx_reader_get_dialect (source->xlsx);
  if (source->xls != NULL)
    return lb_xls_reader_get_dialect (source->xls);
  if (source->results != NULL)
    return lb_results_reader_get_dialect (source->results);
  return lb_csv_reader_get_dialect (source->csv);
}

static double
source_progress (Source *source)
{
  if (source->xlsx != NULL)
    return lb_xlsx_reader_get_progress (source->xlsx);
  if (source->xls != NULL)
    return lb_xls_reader_get_progress (source->xls);
  if (source->results != NULL)
    return lb_results_reader_get_progress (source->results);
  return lb_csv_reader_get_progress (source->csv);
}

static const char *
source_encoding_warning (Source *source)
{
  if (source->csv == NULL)
    return NULL;
  return lb_csv_reader_get_encoding_warning (source->csv);
}

/* The same as a warning with its code, to keep. */
static const LbWarning *
source_encoding_record (Source *source)
{
  if (source->csv == NULL)
    return NULL;
  return lb_csv_reader_get_encoding_warning_record (source->csv);
}

typedef enum { KIND_TEXT, KIND_ZIP, KIND_OLE, KIND_JSON } FileKind;

/* What @file is by its first bytes, whatever its name says: a ZIP archive (.xlsx), an OLE2
 * compound file (.xls), JSON (a result file), or text for the CSV reader (which tells other
 * binaries apart). */
static FileKind
file_kind (GFile        *file,
           GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, NULL);
  guint8 magic[64] = { 0 };
  gsize n = 0;

  if (in == NULL)
    return KIND_TEXT;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), magic, sizeof magic, &n, cancellable, NULL))
    return KIND_TEXT;
  if (lb_xlsx_looks_like_zip (magic, n))
    return KIND_ZIP;
  if (lb_xls_looks_like_ole (magic, n))
    return KIND_OLE;
  if (lb_results_looks_like_json (magic, n))
    return KIND_JSON;
  return KIND_TEXT;
}

/* The old workbook's sheet to read (as for .xlsx), or NULL with @error set. */
static gboolean
open_old_workbook (LbImporter    *self,
                   Source        *source,
                   GFile         *file,
                   gboolean       again,
                   GCancellable  *cancellable,
                   GError       **error)
{
  source->xls = lb_xls_reader_new (file, self->display_name, cancellable, error);
  if (source->xls == NULL)
    return FALSE;
  if (again && g_strcmp0 (lb_xls_reader_get_dialect (source->xls)->sha256, self->dialect.sha256) != 0)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_CHANGED,
                   _("%s has changed since it was read for the preview: it is not the same file "
                     "any more (perhaps it was saved again from Excel). Nothing was imported. Open "
                     "the file again to see what it holds now, then import it."),
                   self->display_name);
      return FALSE;
    }
  if (!again)
    {
      const char *sheet = self->options.sheet;
      GPtrArray *sheets = lb_xls_reader_get_sheets (source->xls);

      self->sheet_chosen = sheet != NULL;
      if (sheet == NULL)
        sheet = lb_xls_reader_get_default_sheet (source->xls);
      if (sheet == NULL)
        sheet = ((LbXlsxSheet *) g_ptr_array_index (sheets, 0))->name;
      self->sheet = g_strdup (sheet);
      self->old_format = TRUE;
    }
  return lb_xls_reader_open_sheet (source->xls, self->sheet, self->options.header_record,
                                   cancellable, error);
}

/* The result file (JSON); read again for the import, it must hold the bytes of the plan. */
static gboolean
open_results (LbImporter    *self,
              Source        *source,
              GFile         *file,
              gboolean       again,
              GCancellable  *cancellable,
              GError       **error)
{
  source->results = lb_results_reader_new (file, self->display_name, cancellable, error);
  if (source->results == NULL)
    return FALSE;
  if (again && g_strcmp0 (lb_results_reader_get_dialect (source->results)->sha256,
                          self->dialect.sha256) != 0)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_CHANGED,
                   _("%s has changed since it was read for the preview: it is not the same file "
                     "any more. Nothing was imported. Open the file again to see what it holds "
                     "now, then import it."),
                   self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* Opens the reader for @self's file; with @expected_sha256, a workbook must be those bytes. */
static gboolean
source_open (LbImporter    *self,
             Source        *source,
             gboolean       again,
             GCancellable  *cancellable,
             GError       **error)
{
  GFile *file = self->spool != NULL ? self->spool : self->file;
  FileKind kind = again ? (self->results != NULL ? KIND_JSON
                           : self->sheet == NULL ? KIND_TEXT : self->old_format ? KIND_OLE : KIND_ZIP)
                        : file_kind (file, cancellable);

  if (kind == KIND_JSON)
    return open_results (self, source, file, again, cancellable, error);
  if (kind == KIND_OLE)
    return open_old_workbook (self, source, file, again, cancellable, error);
  if (kind == KIND_ZIP)
    {
      gboolean same = TRUE;

      /* The import reads through the workbook its plan opened (its strings and formats are
       * read already) when the file still holds the same bytes, and no other run uses it. */
      if (again && self->workbook != NULL && g_mutex_trylock (&self->workbook_lock))
        {
          source->locked = &self->workbook_lock;
          source->xlsx = g_object_ref (self->workbook);
          if (!lb_xlsx_reader_is_file (source->xlsx, file, &same, cancellable, error))
            return FALSE;
        }
      else
        {
          source->xlsx = lb_xlsx_reader_new (file, self->display_name, cancellable, error);
          if (source->xlsx == NULL)
            return FALSE;
          same = g_strcmp0 (lb_xlsx_reader_get_dialect (source->xlsx)->sha256, self->dialect.sha256) == 0;
        }
      if (again && !same)
        {
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_CHANGED,
                       _("%s has changed since it was read for the preview: it is not the same file "
                         "any more (perhaps it was saved again from Excel). Nothing was imported. Open "
                         "the file again to see what it holds now, then import it."),
                       self->display_name);
          return FALSE;
        }
      if (!again)
        {
          const char *sheet = self->options.sheet;

          self->sheet_chosen = sheet != NULL;
          if (sheet == NULL)
            sheet = lb_xlsx_reader_get_default_sheet (source->xlsx);
          if (sheet == NULL)
            {
              GPtrArray *sheets = lb_xlsx_reader_get_sheets (source->xlsx);

              /* Several data sheets (offered first), or none: the first, and the caller asks. */
              for (guint i = 0; i < sheets->len && sheet == NULL; i++)
                if (((LbXlsxSheet *) g_ptr_array_index (sheets, i))->part != NULL)
                  sheet = ((LbXlsxSheet *) g_ptr_array_index (sheets, i))->name;
            }
          if (sheet == NULL)
            {
              g_set_error (error, LB_XLSX_ERROR, LB_XLSX_ERROR_NO_SUCH_SHEET,
                           _("%s has no sheet of cells (only charts). Nothing was imported."),
                           self->display_name);
              return FALSE;
            }
          self->sheet = g_strdup (sheet);
        }
      return lb_xlsx_reader_open_sheet (source->xlsx, self->sheet, self->options.header_record,
                                        cancellable, error);
    }
  source->csv = lb_csv_reader_new_full (file, self->display_name, &self->options,
                                        again ? &self->fingerprint : NULL, cancellable, error);
  return source->csv != NULL;
}

G_DEFINE_FINAL_TYPE (LbImporter, lb_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (lb-import-error-quark, lb_import_error)

static const char * const role_names[LB_N_COLUMN_ROLES] = {
  [LB_COLUMN_IGNORE] = "ignore",
  [LB_COLUMN_MODEL] = "model",
  [LB_COLUMN_VERSION] = "version",
  [LB_COLUMN_PROVIDER] = "provider",
  [LB_COLUMN_DATE] = "date",
  [LB_COLUMN_NOTES] = "notes",
  [LB_COLUMN_SCORE] = "score",
  [LB_COLUMN_STDERR] = "stderr",
  [LB_COLUMN_BENCHMARK] = "benchmark",
  [LB_COLUMN_LICENSE] = "license",
  [LB_COLUMN_PARAMETERS] = "parameters",
};

static const char * const role_labels[LB_N_COLUMN_ROLES] = {
  [LB_COLUMN_IGNORE] = N_("Ignore"),
  [LB_COLUMN_MODEL] = N_("Model"),
  [LB_COLUMN_VERSION] = N_("Version"),
  [LB_COLUMN_PROVIDER] = N_("Provider"),
  [LB_COLUMN_DATE] = N_("Evaluation date"),
  [LB_COLUMN_NOTES] = N_("Notes"),
  [LB_COLUMN_SCORE] = N_("Benchmark score"),
  [LB_COLUMN_STDERR] = N_("Standard error"),
  [LB_COLUMN_BENCHMARK] = N_("Benchmark name"),
  [LB_COLUMN_LICENSE] = N_("License"),
  [LB_COLUMN_PARAMETERS] = N_("Parameters"),
};

/* Header names we recognise, compared after folding case, width and spacing. */
static const struct {
  LbColumnRole role;
  const char  *names[16];
} header_synonyms[] = {
  { LB_COLUMN_MODEL, { "model", "models", "model name", "modelname", "model_name", "llm", "name",
                       "モデル", "モデル名", "モデル名称", "llm名", "名前", "runname", "modell", NULL } },
  { LB_COLUMN_VERSION, { "version", "model version", "model_version", "revision", "model sha",
                         "バージョン", "版", "リビジョン", NULL } },
  { LB_COLUMN_PROVIDER, { "provider", "organization", "organisation", "org", "vendor", "company",
                          "developer", "提供元", "ベンダー", "開発元", "提供者", "企業", "開発者", NULL } },
  { LB_COLUMN_DATE, { "date", "evaluation date", "evaluated", "evaluated at", "evaluated_at",
                      "eval date", "評価日", "日付", "実施日", "測定日", "評価日時", "datum", NULL } },
  { LB_COLUMN_NOTES, { "notes", "note", "comment", "comments", "remarks", "memo",
                       "備考", "メモ", "コメント", "注記", NULL } },
  { LB_COLUMN_LICENSE, { "license", "licence", "hub license", "ライセンス", NULL } },
  { LB_COLUMN_PARAMETERS, { "parameters", "params", "#params (b)", "#params", "model size", "size",
                            "パラメータ数", "パラメータ", "パラメーター数", "モデルサイズ", NULL } },
  { LB_COLUMN_BENCHMARK, { "benchmark", "benchmarks", "task", "dataset", "ベンチマーク",
                           "ベンチマーク名", "タスク", "評価項目", NULL } },
  { LB_COLUMN_SCORE, { "score", "value", "result", "スコア", "値", "結果", "得点", NULL } },
  { LB_COLUMN_STDERR, { "stderr", "std err", "standard error", "se", "±", "標準誤差", NULL } },
};

/* Name fragments that mean "lower is better". */
static const char * const lower_is_better_words[] = {
  "latency", "cost", "error", "perplexity", "ppl", "loss", "wer", "cer", "price", "time",
  "seconds", "(s)", "(ms)", "toxicity", "遅延", "レイテンシ", "コスト", "誤り", "エラー",
  "料金", "価格", "時間", "秒", "毒性",
};

/* After folding: "JMMLU stderr", "JMMLU (SE)", "JMMLU ±", "JMMLU標準誤差" (the usual Japanese
 * spelling, without a space), ... The base name is compared without the spaces before these. */
static const char * const stderr_suffixes[] = {
  "stderr", "std err", "(stderr)", "(se)", " se", "_se", "-se", "±", "(±)", "標準誤差", "(標準誤差)",
  "standard error", "(standard error)",
};

static void
column_spec_free (LbColumnSpec *spec)
{
  g_free (spec->header);
  g_free (spec->unit);
  g_free (spec);
}

static void
append_count (GString    *out,
              const char *format,
              guint       n)
{
  if (out->len > 0)
    /* TRANSLATORS: joins the counts of an import: "6 values changed, 1 withdrawn" */
    g_string_append (out, _(", "));
  g_string_append_printf (out, format, n);
}

char *
lb_import_outcome_counts (const LbImportOutcome *outcome,
                          LbOutcomeCounts        which)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_warnings = outcome->warnings != NULL ? outcome->warnings->len : 0;

  if (which & LB_OUTCOME_RESULTS)
    append_count (out, ngettext ("%u result", "%u results", outcome->results), outcome->results);
  if (which & LB_OUTCOME_VALUES_CHANGED)
    append_count (out, ngettext ("%u value changed", "%u values changed", outcome->values_changed),
                  outcome->values_changed);
  if (which & LB_OUTCOME_WITHDRAWN)
    append_count (out, ngettext ("%u withdrawn", "%u withdrawn", outcome->withdrawn), outcome->withdrawn);
  if (which & LB_OUTCOME_UNLISTED)
    append_count (out, ngettext ("%u model no longer listed", "%u models no longer listed", outcome->unlisted),
                  outcome->unlisted);
  if (which & LB_OUTCOME_NEW_MODELS)
    append_count (out, ngettext ("%u new model", "%u new models", outcome->models_created),
                  outcome->models_created);
  if (which & LB_OUTCOME_NEW_BENCHMARKS)
    append_count (out, ngettext ("%u new benchmark", "%u new benchmarks", outcome->benchmarks_created),
                  outcome->benchmarks_created);
  if (which & LB_OUTCOME_GAPS)
    append_count (out, ngettext ("%u cell without a value", "%u cells without a value", outcome->gaps),
                  outcome->gaps);
  if (which & LB_OUTCOME_WARNINGS)
    append_count (out, ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
lb_import_outcome_clear (LbImportOutcome *outcome)
{
  g_clear_pointer (&outcome->warnings, g_ptr_array_unref);
  memset (outcome, 0, sizeof *outcome);
}

/* Folds a header for comparison: NFKC (full-width → ASCII), lower case, trimmed, inner runs of
 * white space collapsed to one space. */
static char *
fold_header (const char *header)
{
  g_autofree char *nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  g_autofree char *lower = g_utf8_strdown (nfkc != NULL ? nfkc : header, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x3000)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Removes what Excel and editors leave around header text: BOM, zero-width space, NBSP. */
static char *
clean_header (const char *text)
{
  GString *out = g_string_new (NULL);
  char *result;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFEFF || c == 0x200B)
        continue;
      if (c == 0xA0 || c == '\r' || c == '\n' || c == '\t')
        c = ' ';
      g_string_append_unichar (out, c);
    }
  result = g_string_free (out, FALSE);
  return g_strstrip (result);
}

static LbColumnRole
role_from_header (const char *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
    for (guint j = 0; header_synonyms[i].names[j] != NULL; j++)
      if (strcmp (folded, header_synonyms[i].names[j]) == 0)
        return header_synonyms[i].role;
  return LB_COLUMN_IGNORE;
}

static gboolean
name_means_lower_is_better (const char *name)
{
  g_autofree char *folded = fold_header (name);

  for (guint i = 0; i < G_N_ELEMENTS (lower_is_better_words); i++)
    {
      const char *word = lower_is_better_words[i];
      gsize len = strlen (word);
      gboolean ascii_word = g_ascii_isalpha (word[0]);

      for (const char *hit = strstr (folded, word); hit != NULL; hit = strstr (hit + 1, word))
        {
          /* "wer" must not match "answer": ASCII words count only as whole words. */
          if (!ascii_word
              || ((hit == folded || !g_ascii_isalnum (hit[-1])) && !g_ascii_isalnum (hit[len])))
            return TRUE;
        }
    }
  return FALSE;
}

/* If @folded is "<base><stderr suffix>", returns the length of <base> (without the spaces,
 * '_' or '-' before the suffix), else 0. */
static gsize
stderr_base_length (const char *folded)
{
  gsize len = strlen (folded);

  for (guint i = 0; i < G_N_ELEMENTS (stderr_suffixes); i++)
    {
      gsize slen = strlen (stderr_suffixes[i]);
      gsize base;

      if (len <= slen || strcmp (folded + len - slen, stderr_suffixes[i]) != 0)
        continue;
      base = len - slen;
      while (base > 0 && (folded[base - 1] == ' ' || folded[base - 1] == '_' || folded[base - 1] == '-'))
        base--;
      /* "Case" is not "Ca" + "se": an ASCII suffix needs a separator or a non-ASCII base. */
      if (base > 0 && base == len - slen && g_ascii_isalnum (stderr_suffixes[i][0])
          && g_ascii_isalnum (folded[base - 1]))
        continue;
      if (base > 0)
        return base;
    }
  return 0;
}

/* Units written in a header's last brackets, after NFKC: "(ms)", "(秒)", "[%]", "（％）",
 * "(USD/1Mトークン)", "($/1M)", "(円)". Returns the unit (newly allocated; "%" for a per
 * cent sign) or NULL; *@lower_is_better says whether it is a time or a price. */
static char *
unit_from_header (const char *header,
                  gboolean   *lower_is_better)
{
  static const char * const time_units[] = {
    "ms", "s", "sec", "secs", "seconds", "msec", "min", "秒", "ミリ秒", "分", "μs", "us",
  };
  static const char * const money_marks[] = {
    "usd", "$", "jpy", "円", "¥", "eur", "€", "ドル", "yen", "cent",
  };
  g_autofree char *nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  g_autofree char *inner = NULL;
  g_autofree char *lower = NULL;
  gsize len;
  char close, open;
  const char *start;

  *lower_is_better = FALSE;
  if (nfkc == NULL)
    return NULL;
  g_strstrip (nfkc);
  len = strlen (nfkc);
  if (len < 3)
    return NULL;
  close = nfkc[len - 1];
  if (close == ')')
    open = '(';
  else if (close == ']')
    open = '[';
  else
    return NULL;
  start = strrchr (nfkc, open);
  if (start == NULL || start == nfkc)
    return NULL;
  inner = g_strndup (start + 1, (gsize) (nfkc + len - 1 - (start + 1)));
  g_strstrip (inner);
  if (inner[0] == '\0' || g_utf8_strlen (inner, -1) > 24)
    return NULL;
  if (strcmp (inner, "%") == 0)
    return g_strdup ("%");
  lower = g_utf8_strdown (inner, -1);
  for (guint i = 0; i < G_N_ELEMENTS (time_units); i++)
    if (strcmp (lower, time_units[i]) == 0)
      {
        *lower_is_better = TRUE;
        return g_strdup (inner);
      }
  for (guint i = 0; i < G_N_ELEMENTS (money_marks); i++)
    if (strstr (lower, money_marks[i]) != NULL)
      {
        *lower_is_better = TRUE;
        return g_strdup (inner);
      }
  /* Anything else in brackets ("(SE)", "(v2)", "(日本語)") is not a unit. */
  return NULL;
}

static LbColumnSpec *
find_column (GPtrArray *columns,
             guint      column)
{
  if (column == 0 || column > columns->len)
    return NULL;
  return g_ptr_array_index (columns, column - 1);
}

static const char *
record_field (const LbCsvRecord *record,
              guint              column)
{
  if (column == 0 || column > record->n_fields)
    return "";
  return record->fields[column - 1];
}

/* The score column whose name @spec's header is with a standard-error suffix, or 0. */
static guint
stderr_target_by_name (LbImporter   *self,
                       LbColumnSpec *spec)
{
  g_autofree char *folded = fold_header (spec->header);
  gsize base = stderr_base_length (folded);

  if (base == 0)
    return 0;
  for (guint j = 0; j < self->columns->len; j++)
    {
      LbColumnSpec *other = g_ptr_array_index (self->columns, j);
      g_autofree char *other_folded = NULL;

      if (other == spec || other->role != LB_COLUMN_SCORE)
        continue;
      other_folded = fold_header (other->header);
      if (strlen (other_folded) == base && strncmp (other_folded, folded, base) == 0)
        return other->column;
    }
  return 0;
}

/* Looks at the header and the sample to propose roles, units and directions. */
static void
detect_plan (LbImporter *self)
{
  gboolean have_model = FALSE, have_benchmark = FALSE, have_score = FALSE, have_date = FALSE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      g_autofree char *folded = fold_header (spec->header);
      LbColumnRole role = role_from_header (folded);

      spec->role_detected = TRUE;
      spec->unit_detected = TRUE;
      spec->direction_detected = TRUE;
      spec->higher_is_better = !name_means_lower_is_better (spec->header);

      if (role == LB_COLUMN_MODEL && have_model)
        role = LB_COLUMN_IGNORE;
      have_model |= role == LB_COLUMN_MODEL;
      have_benchmark |= role == LB_COLUMN_BENCHMARK;
      have_score |= role == LB_COLUMN_SCORE;
      have_date |= role == LB_COLUMN_DATE;
      spec->role = role;
    }

  self->layout = (have_benchmark && have_score) ? LB_LAYOUT_LONG : LB_LAYOUT_WIDE;
  self->layout_detected = TRUE;

  /* Per column: how many sample cells are numbers, percentages, text. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      guint numbers = 0, percents = 0, texts = 0, dates = 0, missing = 0;

      for (guint r = 0; r < self->preview->len; r++)
        {
          LbCsvRecord *record = g_ptr_array_index (self->preview, r);
          LbValue value;

          lb_value_parse (record_field (record, spec->column), self->dialect.decimal_separator, &value);
          if (value.kind == LB_VALUE_NUMBER)
            {
              numbers++;
              percents += value.percent;
            }
          else if (value.kind == LB_VALUE_MISSING)
            {
              /* "#N/A", "-", "N/A": someone marked the score as missing; an empty cell does not. */
              const char *text = record_field (record, spec->column);

              missing += text[0] != '\0' && strspn (text, " ") != strlen (text);
            }
          else if (value.kind == LB_VALUE_TEXT)
            {
              GDate date;

              if (lb_date_parse (record_field (record, spec->column), &date))
                dates++;
              else
                texts++;
            }
        }

      {
        gboolean unit_lower = FALSE;
        char *header_unit = unit_from_header (spec->header, &unit_lower);

        /* The header's unit first ("(ms)", "[%]"), then what the cells carry. */
        if (header_unit != NULL)
          {
            spec->unit = header_unit;
            if (unit_lower)
              spec->higher_is_better = FALSE;
          }
        else if (percents > 0 && percents * 2 >= numbers)
          spec->unit = g_strdup ("%");
      }

      if (self->layout == LB_LAYOUT_WIDE && spec->role == LB_COLUMN_IGNORE)
        {
          if (!have_date && dates > 0 && dates > texts && dates > numbers)
            {
              /* A column of dates ("Datum", "01.05.2024") is the evaluation date. */
              spec->role = LB_COLUMN_DATE;
              have_date = TRUE;
            }
          else if (!have_model && texts > numbers)
            {
              /* No column is called "model": the first column of names is. */
              spec->role = LB_COLUMN_MODEL;
              have_model = TRUE;
            }
          else if (numbers > 0 && numbers >= texts)
            {
              spec->role = LB_COLUMN_SCORE;
            }
          else if (numbers == 0 && texts == 0 && dates == 0 && missing > 0 && !spec->unnamed)
            {
              /* A named column with no value at all, marked missing ("#N/A"): a benchmark
               * nobody has a score for yet, kept so that it is seen (covered by 0 of N). */
              spec->role = LB_COLUMN_SCORE;
            }
        }
      else if (self->layout == LB_LAYOUT_WIDE && spec->role == LB_COLUMN_SCORE
               && numbers == 0 && texts > 0)
        {
          /* A column called "score" holding text is not a benchmark. */
          spec->role = LB_COLUMN_IGNORE;
        }
    }

  /* Wide layout: "MMLU stderr" belongs to "MMLU". */
  if (self->layout == LB_LAYOUT_WIDE)
    {
      for (guint i = 0; i < self->columns->len; i++)
        {
          LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
          guint target;

          if (spec->role != LB_COLUMN_SCORE && spec->role != LB_COLUMN_STDERR)
            continue;
          target = stderr_target_by_name (self, spec);
          if (target != 0)
            {
              spec->role = LB_COLUMN_STDERR;
              spec->stderr_of = target;
              /* A standard error has its benchmark's unit, not a direction of its own. */
              g_clear_pointer (&spec->unit, g_free);
            }
          else if (spec->role == LB_COLUMN_STDERR)
            spec->role = LB_COLUMN_IGNORE;
        }
    }
}

static char *
compute_signature (GPtrArray *columns)
{
  g_autoptr(GString) sig = g_string_new ("v1");

  for (guint i = 0; i < columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (columns, i);
      g_autofree char *folded = fold_header (spec->header);

      g_string_append_c (sig, '\x1f');
      g_string_append (sig, folded);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, sig->str, sig->len);
}

static char *
mapping_to_json (LbImporter *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "layout");
  json_builder_add_string_value (builder, lb_layout_to_string (self->layout));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "header");
      json_builder_add_string_value (builder, spec->header);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, lb_column_role_to_string (spec->role));
      json_builder_set_member_name (builder, "unit");
      if (spec->unit != NULL)
        json_builder_add_string_value (builder, spec->unit);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "higher_is_better");
      json_builder_add_boolean_value (builder, spec->higher_is_better);
      json_builder_set_member_name (builder, "stderr_of");
      json_builder_add_int_value (builder, spec->stderr_of);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static LbColumnRole
role_from_string (const char *name)
{
  for (guint i = 0; i < LB_N_COLUMN_ROLES; i++)
    if (g_strcmp0 (role_names[i], name) == 0)
      return i;
  return LB_COLUMN_IGNORE;
}

/* Applies a remembered mapping; ignores it unless it fits the columns exactly. */
static gboolean
apply_mapping (LbImporter *self,
               const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *columns;

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "columns")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "columns")))
    return FALSE;
  columns = json_object_get_array_member (root, "columns");
  if (json_array_get_length (columns) != self->columns->len)
    return FALSE;
  for (guint i = 0; i < self->columns->len; i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (columns, i)))
      return FALSE;

  self->layout = g_strcmp0 (json_object_get_string_member_with_default (root, "layout", "wide"),
                            "long") == 0 ? LB_LAYOUT_LONG : LB_LAYOUT_WIDE;
  self->layout_detected = FALSE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      JsonObject *obj = json_array_get_object_element (columns, i);
      const char *unit = NULL;
      gint64 stderr_of;

      if (json_object_has_member (obj, "unit") && !json_object_get_null_member (obj, "unit"))
        unit = json_object_get_string_member_with_default (obj, "unit", NULL);
      spec->role = role_from_string (json_object_get_string_member_with_default (obj, "role", "ignore"));
      spec->role_detected = FALSE;
      g_free (spec->unit);
      spec->unit = g_strdup (unit);
      spec->unit_detected = FALSE;
      spec->higher_is_better = json_object_get_boolean_member_with_default (obj, "higher_is_better", TRUE);
      spec->direction_detected = FALSE;
      stderr_of = json_object_get_int_member_with_default (obj, "stderr_of", 0);
      spec->stderr_of = (stderr_of > 0 && (guint64) stderr_of <= self->columns->len) ? (guint) stderr_of : 0;
    }
  return TRUE;
}

static void
lb_importer_finalize (GObject *object)
{
  LbImporter *self = (LbImporter *) object;

  g_clear_object (&self->file);
  if (self->spool != NULL)
    g_file_delete (self->spool, NULL, NULL);
  g_clear_object (&self->spool);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->options_encoding, g_free);
  lb_csv_dialect_clear (&self->dialect);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->encoding_warning, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->forced_rows, g_hash_table_unref);
  g_clear_pointer (&self->preview_summary, g_hash_table_unref);
  g_clear_object (&self->workbook);
  g_clear_object (&self->old_workbook);
  g_clear_object (&self->results);
  g_mutex_clear (&self->workbook_lock);
  g_clear_pointer (&self->options_sheet, g_free);
  g_clear_pointer (&self->sheet, g_free);

  G_OBJECT_CLASS (lb_importer_parent_class)->finalize (object);
}

static void
lb_importer_class_init (LbImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_importer_finalize;
}

static void
lb_importer_init (LbImporter *self)
{
  g_mutex_init (&self->workbook_lock);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_spec_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_csv_record_free);
  self->forced_rows = g_hash_table_new (NULL, NULL);
}

static void
copy_dialect (LbCsvDialect       *dst,
              const LbCsvDialect *src)
{
  *dst = *src;
  dst->encoding = g_strdup (src->encoding);
  dst->encoding_reason = g_strdup (src->encoding_reason);
  dst->header_reason = g_strdup (src->header_reason);
  dst->sha256 = g_strdup (src->sha256);
}

/* Standard input, a pipe or a device can be read only once and has no size: its bytes go to
 * a temporary file first, so that the preview and the import read the same bytes. */
static gboolean
spool_if_needed (LbImporter    *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) spool = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  GOutputStream *out;
  guint64 total = 0;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  /* A file that cannot be looked at is reported by the reader, with the reason. */
  if (info == NULL || g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      || g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return TRUE;

  in = g_file_read (self->file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO, _("%s cannot be opened: %s"),
                   self->display_name, local_error->message);
      return FALSE;
    }
  spool = g_file_new_tmp ("leaderboard-import-XXXXXX", &io, &local_error);
  if (spool == NULL)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO,
                   _("%s cannot be read: there is no room for a temporary copy (%s)."),
                   self->display_name, local_error->message);
      return FALSE;
    }
  /* Owned from here, so that any failure below removes it. */
  self->spool = g_object_ref (spool);
  out = g_io_stream_get_output_stream (G_IO_STREAM (io));
  buffer = g_malloc (SPOOL_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, SPOOL_CHUNK, cancellable,
                                      &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO, _("%s cannot be read: %s"),
                         self->display_name, local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;
      total += (guint64) n;
      if (total > LB_IMPORT_MAX_STREAM_SIZE)
        {
          g_autofree char *limit = g_format_size (LB_IMPORT_MAX_STREAM_SIZE);

          g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_TOO_LARGE,
                       _("%s gives more than %s. Leaderboard reads at most %s from a pipe or a "
                         "device. Nothing was imported. Save the data to a file and import "
                         "the file."),
                       self->display_name, limit, limit);
          return FALSE;
        }
      if (!g_output_stream_write_all (out, buffer, (gsize) n, NULL, cancellable, &local_error))
        {
          g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO,
                       _("%s cannot be read: its temporary copy cannot be written (%s)."),
                       self->display_name, local_error->message);
          return FALSE;
        }
    }
  if (!g_io_stream_close (G_IO_STREAM (io), cancellable, &local_error))
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_IO,
                   _("%s cannot be read: its temporary copy cannot be written (%s)."),
                   self->display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

LbImporter *
lb_importer_new (GFile               *file,
                 const LbCsvOptions  *options,
                 LbStore             *store,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(LbImporter) self = NULL;
  g_auto(Source) reader = { 0 };
  const LbCsvDialect *dialect;
  gboolean have_header = FALSE;
  guint n_named = 0;  /* header cells that are not blank */

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (store == NULL || LB_IS_STORE (store), NULL);

  self = g_object_new (LB_TYPE_IMPORTER, NULL);
  self->file = g_object_ref (file);
  self->display_name = g_file_get_basename (file);
  if (options != NULL)
    self->options = *options;
  self->options_encoding = g_strdup (self->options.encoding);
  self->options.encoding = self->options_encoding;
  self->options_sheet = g_strdup (self->options.sheet);
  self->options.sheet = self->options_sheet;

  if (!spool_if_needed (self, cancellable, error))
    return NULL;
  if (!source_open (self, &reader, FALSE, cancellable, error))
    return NULL;
  dialect = source_dialect (&reader);

  while (self->preview->len < PREVIEW_RECORDS)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LbCsvRecord) record = source_next (&reader, cancellable, &local_error);

      if (record == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }
      if (record->record < dialect->header_record)
        continue;
      if (!have_header)
        {
          for (guint i = 0; i < record->n_fields; i++)
            {
              LbColumnSpec *spec = g_new0 (LbColumnSpec, 1);

              spec->column = i + 1;
              spec->header = clean_header (record->fields[i]);
              n_named += spec->header[0] != '\0';
              if (spec->header[0] == '\0')
                {
                  g_autofree char *letter = lb_column_letter (i + 1);

                  spec->unnamed = TRUE;
                  g_free (spec->header);
                  /* Translators: a name for a column whose header cell is empty; %s is its letter */
                  spec->header = g_strdup_printf (_("Column %s"), letter);
                }
              g_ptr_array_add (self->columns, spec);
            }
          have_header = TRUE;
          continue;
        }
      if (record->n_fields == 0)
        continue;
      g_ptr_array_add (self->preview, g_steal_pointer (&record));
    }

  copy_dialect (&self->dialect, dialect);
  /* The plan is made from these bytes: the import checks that it reads them again. */
  if (reader.csv != NULL)
    lb_csv_reader_get_fingerprint (reader.csv, &self->fingerprint);
  self->encoding_warning = g_strdup (source_encoding_warning (&reader));
  self->workbook = g_steal_pointer (&reader.xlsx);
  self->old_workbook = g_steal_pointer (&reader.xls);
  self->results = g_steal_pointer (&reader.results);

  if (!have_header || self->columns->len == 0 || n_named == 0)
    {
      g_set_error (error, LB_CSV_ERROR, LB_CSV_ERROR_EMPTY,
                   _("“%s” has no header row. The first row should name the columns (for example "
                     "“Model”, then one column per benchmark)."),
                   self->display_name);
      return NULL;
    }

  self->signature = compute_signature (self->columns);
  detect_plan (self);

  if (store != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *json = lb_store_get_mapping (store, self->signature, &local_error);

      if (json != NULL)
        self->mapping_remembered = apply_mapping (self, json);
      else if (local_error != NULL)
        g_debug ("No remembered mapping: %s", local_error->message);
    }

  return g_steal_pointer (&self);
}

GFile *
lb_importer_get_file (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return self->file;
}

const LbCsvDialect *
lb_importer_get_dialect (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return &self->dialect;
}

GPtrArray *
lb_importer_get_sheets (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  if (self->old_workbook != NULL)
    return lb_xls_reader_get_sheets (self->old_workbook);
  return self->workbook != NULL ? lb_xlsx_reader_get_sheets (self->workbook) : NULL;
}

const char *
lb_importer_get_source_format (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);

  return self->results != NULL ? lb_results_reader_get_format_label (self->results) : NULL;
}

char *
lb_importer_dup_direction_text (LbImporter *self)
{
  guint stated = 0, total = 0;

  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);

  if (self->layout != LB_LAYOUT_LONG)
    return NULL;
  if (self->results != NULL)
    lb_results_reader_count_directions (self->results, &stated, &total);
  if (stated == 0)
    return g_strdup (_("direction per benchmark, guessed from its name"));
  if (stated == total)
    return g_strdup (_("direction per benchmark, as the file states"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "direction as the file states for %u of %u benchmark, "
                                       "the others guessed from their names",
                                       "direction as the file states for %u of %u benchmarks, "
                                       "the others guessed from their names", total),
                          stated, total);
}

const char *
lb_importer_get_sheet (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return self->sheet;
}

gboolean
lb_importer_get_sheet_ambiguous (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);
  if (self->old_workbook != NULL)
    return !self->sheet_chosen && lb_xls_reader_get_default_sheet (self->old_workbook) == NULL;
  return self->workbook != NULL && !self->sheet_chosen
         && lb_xlsx_reader_get_default_sheet (self->workbook) == NULL;
}

LbLayout
lb_importer_get_layout (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), LB_LAYOUT_WIDE);
  return self->layout;
}

gboolean
lb_importer_get_layout_detected (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);
  return self->layout_detected;
}

void
lb_importer_set_layout (LbImporter *self,
                        LbLayout    layout)
{
  g_return_if_fail (LB_IS_IMPORTER (self));
  self->layout = layout;
  self->layout_detected = FALSE;
  g_clear_pointer (&self->preview_summary, g_hash_table_unref);
}

GPtrArray *
lb_importer_get_columns (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return self->columns;
}

void
lb_importer_set_column_role (LbImporter   *self,
                             guint         column,
                             LbColumnRole  role)
{
  LbColumnSpec *spec;

  g_return_if_fail (LB_IS_IMPORTER (self));
  g_return_if_fail (role < LB_N_COLUMN_ROLES);
  spec = find_column (self->columns, column);
  g_return_if_fail (spec != NULL);

  /* One model column at a time. */
  if (role == LB_COLUMN_MODEL)
    for (guint i = 0; i < self->columns->len; i++)
      {
        LbColumnSpec *other = g_ptr_array_index (self->columns, i);

        if (other != spec && other->role == LB_COLUMN_MODEL)
          other->role = LB_COLUMN_IGNORE;
      }
  spec->role = role;
  spec->role_detected = FALSE;
  g_clear_pointer (&self->preview_summary, g_hash_table_unref);

  /* A standard error chosen by hand belongs to the benchmark its name says, or else to the
   * nearest score column on its left; the user can change it. */
  if (role == LB_COLUMN_STDERR)
    {
      LbColumnSpec *target = find_column (self->columns, spec->stderr_of);

      if (target == NULL || target->role != LB_COLUMN_SCORE)
        {
          spec->stderr_of = stderr_target_by_name (self, spec);
          for (guint c = spec->column - 1; spec->stderr_of == 0 && c >= 1; c--)
            if (find_column (self->columns, c)->role == LB_COLUMN_SCORE)
              spec->stderr_of = c;
        }
    }
  else
    spec->stderr_of = 0;
}

void
lb_importer_set_column_stderr_of (LbImporter *self,
                                  guint       column,
                                  guint       score_column)
{
  LbColumnSpec *spec;

  g_return_if_fail (LB_IS_IMPORTER (self));
  spec = find_column (self->columns, column);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (score_column == 0 || find_column (self->columns, score_column) != NULL);

  spec->stderr_of = score_column;
  spec->role_detected = FALSE;
}

void
lb_importer_set_column_unit (LbImporter *self,
                             guint       column,
                             const char *unit)
{
  LbColumnSpec *spec;

  g_return_if_fail (LB_IS_IMPORTER (self));
  spec = find_column (self->columns, column);
  g_return_if_fail (spec != NULL);
  g_free (spec->unit);
  spec->unit = (unit != NULL && unit[0] != '\0') ? g_strdup (unit) : NULL;
  spec->unit_detected = FALSE;
}

void
lb_importer_set_column_direction (LbImporter *self,
                                  guint       column,
                                  gboolean    higher_is_better)
{
  LbColumnSpec *spec;

  g_return_if_fail (LB_IS_IMPORTER (self));
  spec = find_column (self->columns, column);
  g_return_if_fail (spec != NULL);
  spec->higher_is_better = !!higher_is_better;
  spec->direction_detected = FALSE;
}

const char *
lb_importer_get_signature (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return self->signature;
}

gboolean
lb_importer_get_mapping_remembered (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);
  return self->mapping_remembered;
}

void
lb_importer_set_user (LbImporter *self,
                      const char *user)
{
  g_return_if_fail (LB_IS_IMPORTER (self));

  g_free (self->user);
  self->user = user != NULL && *user != '\0' ? g_strdup (user) : NULL;
}

const char *
lb_importer_get_encoding_warning (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return self->encoding_warning;
}

GPtrArray *
lb_importer_get_preview (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), NULL);
  return self->preview;
}

static LbColumnSpec *
first_with_role (LbImporter   *self,
                 LbColumnRole  role)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);

      if (spec->role == role)
        return spec;
    }
  return NULL;
}

void
lb_importer_set_provenance (LbImporter        *self,
                            LbProvenanceClass  provenance)
{
  g_return_if_fail (LB_IS_IMPORTER (self));

  self->provenance = provenance;
}

LbProvenanceClass
lb_importer_get_provenance (LbImporter *self)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), LB_PROVENANCE_NOT_STATED);

  return self->provenance;
}

void
lb_importer_set_mode (LbImporter   *self,
                      LbImportMode  mode)
{
  g_return_if_fail (LB_IS_IMPORTER (self));

  self->mode = mode;
  self->mode_chosen = TRUE;
}

/* Whether the plan's score columns name exactly the leaderboard's benchmarks (after folding),
 * none more and none fewer. */
static gboolean
same_benchmarks (LbImporter *self,
                 LbStore    *store,
                 gint64      leaderboard_id)
{
  g_autoptr(GPtrArray) benchmarks = lb_store_list_benchmarks (store, leaderboard_id, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_scores = 0;

  if (benchmarks == NULL || benchmarks->len == 0 || self->layout != LB_LAYOUT_WIDE)
    return FALSE;
  for (guint i = 0; i < benchmarks->len; i++)
    {
      const LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);

      if (!benchmark->retired)
        g_hash_table_add (names, fold_header (benchmark->name));
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      g_autofree char *folded = NULL;

      if (spec->role != LB_COLUMN_SCORE)
        continue;
      folded = fold_header (spec->header);
      if (!g_hash_table_contains (names, folded))
        return FALSE;
      n_scores++;
    }
  return n_scores == g_hash_table_size (names);
}

LbImportMode
lb_importer_guess_mode (LbImporter  *self,
                        LbStore     *store,
                        const char  *leaderboard_name,
                        char       **reason)
{
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  LbImportMode remembered;
  LbImport *newest = NULL;

  g_return_val_if_fail (LB_IS_IMPORTER (self), LB_IMPORT_MODE_ADD);

  if (reason != NULL)
    *reason = NULL;
  if (self->mode_chosen)
    {
      if (reason != NULL)
        *reason = g_strdup (_("as chosen"));
      return self->mode;
    }
  /* lm-eval writes one file per model and run: the next file is more results, never the
   * new version of the last one (that would withdraw the other models' scores). */
  if (self->results != NULL)
    {
      if (reason != NULL)
        *reason = g_strdup (_("a result file holds the results of the models it names; it is not "
                              "a new version of the sheet"));
      return LB_IMPORT_MODE_ADD;
    }
  if (store != NULL && leaderboard_name != NULL)
    leaderboard = lb_store_find_leaderboard (store, leaderboard_name, NULL);
  if (leaderboard != NULL)
    imports = lb_store_list_imports (store, leaderboard->id, NULL);
  for (guint i = 0; imports != NULL && i < imports->len && newest == NULL; i++)
    {
      LbImport *import = g_ptr_array_index (imports, i);

      if (import->status == LB_IMPORT_COMPLETE)
        newest = import;
    }
  if (newest == NULL)
    {
      if (reason != NULL)
        *reason = g_strdup (_("the leaderboard has no import yet"));
      return LB_IMPORT_MODE_ADD;
    }
  if (lb_store_get_import_mode (store, leaderboard->id, &remembered, NULL))
    {
      if (reason != NULL)
        *reason = g_strdup (_("as chosen for this leaderboard last time"));
      return remembered;
    }
  /* An import made before this version kept no signature: the file is the new version of
   * the sheet when its score columns are exactly the leaderboard's benchmarks. */
  if (newest->signature == NULL && same_benchmarks (self, store, leaderboard->id))
    {
      g_autofree char *when = lb_datetime_text_to_display (newest->imported_at);

      if (reason != NULL)
        *reason = g_strdup_printf (_("the file’s score columns are the benchmarks of “%s”, imported %s: "
                                     "it is the new version of that sheet"),
                                   newest->file_name != NULL ? newest->file_name : "",
                                   when != NULL ? when : "");
      return LB_IMPORT_MODE_REPLACE;
    }
  if (g_strcmp0 (newest->signature, self->signature) == 0)
    {
      g_autofree char *when = lb_datetime_text_to_display (newest->imported_at);

      if (reason != NULL)
        *reason = g_strdup_printf (_("the file has the same columns as “%s”, imported %s: it is "
                                     "the new version of that sheet"),
                                   newest->file_name != NULL ? newest->file_name : "",
                                   when != NULL ? when : "");
      return LB_IMPORT_MODE_REPLACE;
    }
  if (reason != NULL)
    *reason = g_strdup_printf (_("the file’s columns differ from those of “%s”, the newest import"),
                               newest->file_name != NULL ? newest->file_name : "");
  return LB_IMPORT_MODE_ADD;
}

/* A tracker over the plan's score columns (none in a long table: there only names count). */
static LbSummaryTracker *
new_summary_tracker (LbImporter *self)
{
  g_autofree guint *columns = g_new0 (guint, self->columns->len + 1);
  guint n = 0;

  if (self->layout == LB_LAYOUT_WIDE)
    for (guint i = 0; i < self->columns->len; i++)
      {
        LbColumnSpec *spec = g_ptr_array_index (self->columns, i);

        if (spec->role == LB_COLUMN_SCORE)
          columns[n++] = spec->column;
      }
  return lb_summary_tracker_new (columns, n, self->dialect.decimal_separator);
}

LbSummaryKind
lb_importer_get_row_summary (LbImporter *self,
                             guint       record)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), LB_SUMMARY_NONE);

  if (self->preview_summary == NULL)
    {
      g_autoptr(LbSummaryTracker) tracker = new_summary_tracker (self);
      LbColumnSpec *model_spec = first_with_role (self, LB_COLUMN_MODEL);

      self->preview_summary = g_hash_table_new (NULL, NULL);
      for (guint i = 0; model_spec != NULL && i < self->preview->len; i++)
        {
          LbCsvRecord *r = g_ptr_array_index (self->preview, i);
          LbSummaryKind kind = lb_summary_tracker_judge (tracker, r, record_field (r, model_spec->column));

          if (kind != LB_SUMMARY_NONE)
            g_hash_table_insert (self->preview_summary, GUINT_TO_POINTER (r->record),
                                 GINT_TO_POINTER (kind));
          if (kind == LB_SUMMARY_NONE || g_hash_table_contains (self->forced_rows, GUINT_TO_POINTER (r->record)))
            lb_summary_tracker_add (tracker, r);
        }
    }
  return GPOINTER_TO_INT (g_hash_table_lookup (self->preview_summary, GUINT_TO_POINTER (record)));
}

void
lb_importer_set_row_forced (LbImporter *self,
                            guint       record,
                            gboolean    forced)
{
  g_return_if_fail (LB_IS_IMPORTER (self));

  if (forced)
    g_hash_table_add (self->forced_rows, GUINT_TO_POINTER (record));
  else
    g_hash_table_remove (self->forced_rows, GUINT_TO_POINTER (record));
  g_clear_pointer (&self->preview_summary, g_hash_table_unref);
}

gboolean
lb_importer_get_row_forced (LbImporter *self,
                            guint       record)
{
  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);
  return g_hash_table_contains (self->forced_rows, GUINT_TO_POINTER (record));
}

gboolean
lb_importer_check (LbImporter  *self,
                   GError     **error)
{
  g_autoptr(GHashTable) names = NULL;

  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);

  /* Never a silent guess that may put a row of data into the header. */
  if (self->dialect.header_detected && self->dialect.header_alternative != 0)
    {
      g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_HEADER_AMBIGUOUS,
                   _("“%s”: rows %u and %u are equally likely to be the header row, so nothing "
                     "was imported. Choose the row that names the columns."),
                   self->display_name, self->dialect.header_record,
                   self->dialect.header_alternative);
      return FALSE;
    }

  /* Say what is really wrong with a sheet that has nothing below its header, rather than
   * that no column looks like scores. */
  if (self->preview->len == 0)
    {
      g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_NO_RESULTS,
                   _("“%s” has a header row (row %u) but no data rows below it. Check that you "
                     "exported the right sheet."),
                   self->display_name, self->dialect.header_record);
      return FALSE;
    }

  if (first_with_role (self, LB_COLUMN_MODEL) == NULL)
    {
      g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_NO_MODEL_COLUMN,
                   _("“%s”: no column of the header row (row %u) says which model a row is "
                     "about. Mark the column with the model names as “Model”."),
                   self->display_name, self->dialect.header_record);
      return FALSE;
    }

  if (self->layout == LB_LAYOUT_LONG)
    {
      if (first_with_role (self, LB_COLUMN_BENCHMARK) == NULL
          || first_with_role (self, LB_COLUMN_SCORE) == NULL)
        {
          g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_LAYOUT,
                       _("“%s”: a long table needs a column with the benchmark names and a column "
                         "with the scores. Mark them, or choose the wide layout (one column per "
                         "benchmark)."),
                       self->display_name);
          return FALSE;
        }
      return TRUE;
    }

  if (first_with_role (self, LB_COLUMN_SCORE) == NULL)
    {
      g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_NO_SCORE_COLUMN,
                   _("“%s”: no column holds benchmark scores. Mark at least one column as "
                     "“Benchmark score”."),
                   self->display_name);
      return FALSE;
    }

  /* A standard error must say whose it is. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      LbColumnSpec *target;

      if (spec->role != LB_COLUMN_STDERR)
        continue;
      target = find_column (self->columns, spec->stderr_of);
      if (target == NULL || target->role != LB_COLUMN_SCORE)
        {
          g_autofree char *letter = lb_column_letter (spec->column);

          g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_LAYOUT,
                       _("“%s”: column %s (“%s”) is marked as a standard error, but of no "
                         "benchmark column. Choose the benchmark it belongs to, or mark it as "
                         "“Ignore”."),
                       self->display_name, letter, spec->header);
          return FALSE;
        }
    }

  /* One standard error per benchmark: a second would silently replace the first. */
  for (guint i = 0; i < self->columns->len; i++)
    for (guint j = i + 1; j < self->columns->len; j++)
      {
        LbColumnSpec *a = g_ptr_array_index (self->columns, i);
        LbColumnSpec *b = g_ptr_array_index (self->columns, j);

        if (a->role == LB_COLUMN_STDERR && b->role == LB_COLUMN_STDERR && a->stderr_of == b->stderr_of)
          {
            g_autofree char *la = lb_column_letter (a->column);
            g_autofree char *lb = lb_column_letter (b->column);
            LbColumnSpec *target = find_column (self->columns, a->stderr_of);

            g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_LAYOUT,
                         _("“%s”: columns %s and %s are both marked as the standard error of "
                           "“%s”. Choose another benchmark for one of them, or mark it as "
                           "“Ignore”."),
                         self->display_name, la, lb, target->header);
            return FALSE;
          }
      }

  /* Two score columns with the same name would merge into one benchmark. */
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      g_autofree char *folded = NULL;
      gpointer other;

      if (spec->role != LB_COLUMN_SCORE)
        continue;
      folded = fold_header (spec->header);
      other = g_hash_table_lookup (names, folded);
      if (other != NULL)
        {
          g_autofree char *a = lb_column_letter (GPOINTER_TO_UINT (other));
          g_autofree char *b = lb_column_letter (spec->column);

          g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_DUPLICATE_HEADER,
                       _("“%s”, row %u: columns %s and %s are both called “%s”. Rename one in "
                         "the spreadsheet, or mark one as “Ignore”."),
                       self->display_name, self->dialect.header_record, a, b, spec->header);
          return FALSE;
        }
      g_hash_table_insert (names, g_steal_pointer (&folded), GUINT_TO_POINTER (spec->column));
    }
  return TRUE;
}

/* ---- running the import ---- */

/* A model or benchmark met in this import. Benchmarks get dense indexes; a model keeps, per
 * benchmark index, the row of its first value in this file (0: none yet), so a repeated row
 * is caught with a few bytes per cell. */
typedef struct {
  gint64      id;
  guint      *rows;         /* n_rows of them */
  /* models known before: version, provider and notes as stored (in RunState.strings) */
  const char *version;
  const char *provider;
  const char *notes;
  guint       index;
  guint       n_rows;
  guint       known : 1;
  guint       unlisted : 1; /* known, and no longer listed */
  guint       seen : 1;     /* met in this file */
} Entry;

typedef struct {
  LbImporter      *self;
  LbStore         *store;
  gint64           leaderboard_id;
  gint64           import_id;
  gboolean         dry_run;
  GStringChunk    *strings;        /* the names of model_ids and benchmark_ids, the models' fields */
  GHashTable      *model_ids;      /* name → Entry* */
  GHashTable      *benchmark_ids;  /* name → Entry* */
  Entry          **column_benchmarks; /* wide layout, per index in self->columns: the benchmark */
  guint           *stderr_columns;    /* wide layout, per index: its standard error column or 0 */
  guint           *column_values;     /* wide layout, per index: results read from the column */
  gint64           next_fake_id;   /* ids handed out in a dry run */
  GArray          *pending;        /* LbResult not yet written, up to PENDING_RESULTS */
  GPtrArray       *kept_records;   /* the records their strings point into */
  GPtrArray       *kept_dates;     /* and the dates */
  char            *row_date;       /* the current record's date */
  char            *last_date_text; /* the last date read, and its ISO form */
  char            *last_date_iso;
  LbSummaryTracker *summary;       /* what the rows imported so far add up to */
  LbImportOutcome *outcome;
  LbImportMode     mode;
  GHashTable      *model_by_id;    /* id → Entry*, of the known models */
  double          *current;        /* known model index × known benchmark index → current score or NAN */
  guint8          *covered;        /* the same cells → what this file holds there (LbCellCover) */
  guint            n_known_models;
  guint            n_known_benchmarks;
  GHashTable      *benchmark_by_id;
  LbResultsReader *results;        /* the result file read, or NULL: what it declares */
} RunState;

/* What the state owns itself; the rest belongs to lb_importer_run()'s locals. */
static void
run_state_clear (RunState *state)
{
  g_clear_pointer (&state->row_date, g_free);
  g_clear_pointer (&state->last_date_text, g_free);
  g_clear_pointer (&state->last_date_iso, g_free);
  g_clear_pointer (&state->model_by_id, g_hash_table_unref);
  g_clear_pointer (&state->current, g_free);
  g_clear_pointer (&state->covered, g_free);
  g_clear_pointer (&state->benchmark_by_id, g_hash_table_unref);
  g_clear_pointer (&state->summary, lb_summary_tracker_free);
  g_clear_pointer (&state->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunState, run_state_clear)

static void
entry_free (Entry *entry)
{
  g_free (entry->rows);
  g_free (entry);
}

/* A hundred thousand models of one sheet: each name once, without an allocation of its own. */
static Entry *
remember_id (RunState   *state,
             GHashTable *table,
             const char *key,
             gint64      id)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->id = id;
  entry->index = g_hash_table_size (table);
  g_hash_table_insert (table, g_string_chunk_insert (state->strings, key), entry);
  return entry;
}

/* Many models share a provider or a version: each text is kept once. NULL stays NULL. */
static const char *
intern (RunState   *state,
        const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (state->strings, text) : NULL;
}

static void
note_current_score (gint64   model_id,
                    gint64   benchmark_id,
                    double   score,
                    gpointer user_data)
{
  RunState *state = user_data;
  Entry *model = g_hash_table_lookup (state->model_by_id, &model_id);
  Entry *benchmark = g_hash_table_lookup (state->benchmark_by_id, &benchmark_id);

  if (model == NULL || benchmark == NULL || state->current == NULL)
    return;
  state->current[(gsize) model->index * state->n_known_benchmarks + benchmark->index] = score;
}

/* The index in state->current and state->covered of a cell known before the import, or -1. */
static gssize
known_cell (RunState *state,
            Entry    *model,
            Entry    *benchmark)
{
  if (state->current == NULL || !model->known || model->index >= state->n_known_models
      || benchmark->index >= state->n_known_benchmarks)
    return -1;
  return (gssize) ((gsize) model->index * state->n_known_benchmarks + benchmark->index);
}

/* What the file holds in a cell that had a current result (lb_store_finish_import_covering()). */
static LbCellCover
cell_cover (gint64   model_id,
            gint64   benchmark_id,
            gpointer user_data)
{
  RunState *state = user_data;
  Entry *model = g_hash_table_lookup (state->model_by_id, &model_id);
  Entry *benchmark = g_hash_table_lookup (state->benchmark_by_id, &benchmark_id);
  gssize cell;

  if (model == NULL || benchmark == NULL || (cell = known_cell (state, model, benchmark)) < 0)
    return LB_CELL_COVER_UNKNOWN;
  return (LbCellCover) state->covered[cell];
}

/* What the import compares with, read one model at a time. */
static void
preload_model (const LbModel *model,
               gpointer       user_data)
{
  RunState *state = user_data;
  Entry *entry = remember_id (state, state->model_ids, model->name, model->id);

  entry->known = TRUE;
  entry->unlisted = model->unlisted;
  entry->version = intern (state, model->version);
  entry->provider = intern (state, model->provider);
  entry->notes = intern (state, model->notes);
  g_hash_table_insert (state->model_by_id, &entry->id, entry);
}

/* Known models and benchmarks, so a dry run counts what it would create and a real run
 * asks the store once per name. */
static gboolean
preload_ids (RunState  *state,
             GError   **error)
{
  g_autoptr(GPtrArray) benchmarks = NULL;

  state->model_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  state->benchmark_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!lb_store_foreach_model (state->store, state->leaderboard_id, preload_model, state, error))
    return FALSE;
  benchmarks = lb_store_list_benchmarks (state->store, state->leaderboard_id, error);
  if (benchmarks == NULL)
    return FALSE;
  for (guint i = 0; i < benchmarks->len; i++)
    {
      LbBenchmark *benchmark = g_ptr_array_index (benchmarks, i);
      Entry *entry = remember_id (state, state->benchmark_ids, benchmark->name, benchmark->id);

      g_hash_table_insert (state->benchmark_by_id, &entry->id, entry);
    }
  state->n_known_models = g_hash_table_size (state->model_ids);
  state->n_known_benchmarks = g_hash_table_size (state->benchmark_ids);
  if (state->n_known_models > 0 && state->n_known_benchmarks > 0
      && (gsize) state->n_known_models <= G_MAXSIZE / sizeof (double) / state->n_known_benchmarks)
    {
      gsize n = (gsize) state->n_known_models * state->n_known_benchmarks;

      state->current = g_new (double, n);
      for (gsize i = 0; i < n; i++)
        state->current[i] = NAN;
      state->covered = g_new0 (guint8, n);
    }
  /* What is current now, to count what this file changes (before anything is written). */
  return lb_store_foreach_current_score (state->store, state->leaderboard_id, note_current_score,
                                         state, error);
}

/* A warning by its code (lb-warning.c) and arguments, so that it is read in the reader's
 * language. */
static void
add_warning (RunState           *state,
             guint               row,
             guint               column,
             const char         *code,
             const char * const *args)
{
  g_ptr_array_add (state->outcome->warnings, lb_warning_new_coded (row, column, code, args));
}

static Entry *
ensure_model (RunState           *state,
              const char         *name,
              const LbCsvRecord  *record,
              GError            **error)
{
  LbImporter *self = state->self;
  LbModel init = { 0 };
  g_autoptr(GString) notes = NULL;
  gboolean created = FALSE;
  Entry *entry = g_hash_table_lookup (state->model_ids, name);
  gint64 id;

  if (entry != NULL && (entry->seen || !entry->known))
    return entry;

  notes = g_string_new (NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *c = g_ptr_array_index (self->columns, i);
      const char *text = record_field (record, c->column);

      if (text[0] == '\0')
        continue;
      switch (c->role)
        {
        case LB_COLUMN_VERSION:
          init.version = (char *) text;
          break;
        case LB_COLUMN_PROVIDER:
          init.provider = (char *) text;
          break;
        case LB_COLUMN_NOTES:
        case LB_COLUMN_LICENSE:
        case LB_COLUMN_PARAMETERS:
          if (notes->len > 0)
            g_string_append (notes, "; ");
          if (c->role == LB_COLUMN_NOTES)
            g_string_append (notes, text);
          else
            g_string_append_printf (notes, "%s: %s", c->header, text);
          break;
        case LB_COLUMN_IGNORE:
        case LB_COLUMN_MODEL:
        case LB_COLUMN_DATE:
        case LB_COLUMN_SCORE:
        case LB_COLUMN_STDERR:
        case LB_COLUMN_BENCHMARK:
        case LB_N_COLUMN_ROLES:
        default:
          break;
        }
    }
  if (notes->len > 0)
    init.notes = notes->str;

  if (entry != NULL)
    {
      /* A model known before, met for the first time in this file: its version, provider and
       * notes come from the newest import (a new version of the sheet may clear them; a file
       * that adds to the leaderboard only brings what it has). The audit log keeps the old. */
      gboolean has_notes = first_with_role (self, LB_COLUMN_NOTES) != NULL
                           || first_with_role (self, LB_COLUMN_LICENSE) != NULL
                           || first_with_role (self, LB_COLUMN_PARAMETERS) != NULL;
      struct { LbModelField field; gboolean column; const char *value; const char *old; } fields[] = {
        { LB_MODEL_FIELD_VERSION, first_with_role (self, LB_COLUMN_VERSION) != NULL,
          init.version, entry->version },
        { LB_MODEL_FIELD_PROVIDER, first_with_role (self, LB_COLUMN_PROVIDER) != NULL,
          init.provider, entry->provider },
        { LB_MODEL_FIELD_NOTES, has_notes, init.notes, entry->notes },
      };
      gboolean updated = FALSE;

      entry->seen = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          if (!fields[i].column || (fields[i].value == NULL && state->mode != LB_IMPORT_MODE_REPLACE))
            continue;
          if (g_strcmp0 (fields[i].value, fields[i].old) == 0)
            continue;
          updated = TRUE;
          if (!state->dry_run
              && !lb_store_set_model_field (state->store, entry->id, fields[i].field,
                                            fields[i].value, error))
            return NULL;
        }
      state->outcome->models_updated += updated;
      return entry;
    }

  if (state->dry_run)
    {
      id = --state->next_fake_id;
      created = TRUE;
    }
  else
    {
      id = lb_store_ensure_model (state->store, state->leaderboard_id, name, &init, &created, error);
      if (id == 0)
        return NULL;
    }
  /* A model only removed imports brought is not listed, yet the store still knows it. */
  state->outcome->models_created += created || !state->dry_run;
  entry = remember_id (state, state->model_ids, name, id);
  entry->seen = TRUE;
  return entry;
}

static Entry *
ensure_benchmark (RunState            *state,
                  const char          *name,
                  const LbColumnSpec  *spec,
                  int                  position,
                  GError             **error)
{
  LbBenchmark init = { 0 };
  const LbBenchmark *declared = NULL;
  gboolean created = FALSE;
  Entry *entry = g_hash_table_lookup (state->benchmark_ids, name);
  gint64 id;

  if (entry != NULL)
    return entry;

  /* A result file says what its benchmarks are: direction, scale, task, metric, harness. */
  if (state->results != NULL)
    declared = lb_results_reader_get_benchmark (state->results, name);
  if (declared != NULL)
    init = *declared;
  init.id = 0;
  init.leaderboard_id = 0;
  init.name = (char *) name;
  init.unit = spec->unit;
  /* In a long table the direction comes from each benchmark's name. */
  init.higher_is_better = state->self->layout == LB_LAYOUT_LONG
    ? !name_means_lower_is_better (name)
    : spec->higher_is_better;
  init.direction_confirmed = state->self->layout == LB_LAYOUT_WIDE && !spec->direction_detected;
  if (declared != NULL && declared->direction_confirmed)
    {
      init.higher_is_better = declared->higher_is_better;
      init.direction_confirmed = TRUE;
    }
  init.position = position;

  if (state->dry_run)
    {
      id = --state->next_fake_id;
      created = TRUE;
    }
  else
    {
      id = lb_store_ensure_benchmark (state->store, state->leaderboard_id, name, &init, &created, error);
      if (id == 0)
        return NULL;
    }
  state->outcome->benchmarks_created += created || !state->dry_run;
  return remember_id (state, state->benchmark_ids, name, id);
}

/* A warning about one cell: @code with where the cell is (the workbook reference or "", the
 * row, the column letter, the column's header; see lb-warning.c) and then the strings given,
 * up to a NULL. */
static void
add_cell_warning (RunState          *state,
                  const LbCsvRecord *record,
                  guint              column,
                  const char        *code,
                  ...)
{
  LbColumnSpec *spec = find_column (state->self->columns, column);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const char *arg;
  va_list ap;

  /* A workbook's cell as Excel names it; a result file's value by its JSON path. */
  if (state->self->sheet != NULL)
    g_ptr_array_add (args, lb_cell_ref_format (state->self->sheet, record->record, column));
  else if (state->results != NULL)
    {
      const char *path = lb_results_reader_get_path (state->results, record->record, column);

      g_ptr_array_add (args, g_strdup (path != NULL ? path : ""));
    }
  else
    g_ptr_array_add (args, g_strdup (""));
  g_ptr_array_add (args, g_strdup_printf ("%u", record->record));
  g_ptr_array_add (args, lb_column_letter (column));
  g_ptr_array_add (args, g_strdup (spec != NULL && spec->header != NULL ? spec->header : ""));
  va_start (ap, code);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);
  add_warning (state, record->record, column, code, (const char * const *) args->pdata);
}

/* Stores one score cell: a result, or a gap with its reason. */
static gboolean
store_cell (RunState           *state,
            const LbCsvRecord  *record,
            Entry              *model,
            const char         *model_name,
            Entry              *benchmark,
            const char         *benchmark_name,
            guint               score_column,
            guint               stderr_column,
            const char         *evaluated_at,
            const char         *model_version,
            GError            **error)
{
  LbImporter *self = state->self;
  const char *text = record_field (record, score_column);
  gint64 model_id = model->id, benchmark_id = benchmark->id;
  guint first_row = 0;
  double *current;
  gssize cell;
  LbValue value;

  if (benchmark->index < model->n_rows)
    first_row = model->rows[benchmark->index];
  if (first_row != 0)
    {
      g_autofree char *first = NULL;

      if (text[0] == '\0')
        return TRUE;
      first = g_strdup_printf ("%u", first_row);
      add_cell_warning (state, record, score_column, "cell.duplicate", model_name, benchmark_name,
                        first, text, NULL);
      return TRUE;
    }

  lb_value_parse (text, self->dialect.decimal_separator, &value);
  /* A result file's NaN or Infinity is a missing value, and says why. */
  if (state->results != NULL)
    {
      const char *reason = lb_results_reader_get_missing_reason (state->results, record->record,
                                                                 score_column);

      if (reason != NULL)
        {
          value.kind = LB_VALUE_MISSING;
          value.reason = reason;
        }
    }

  cell = known_cell (state, model, benchmark);
  current = cell >= 0 ? &state->current[cell] : NULL;
  if (current != NULL && !isnan (*current))
    {
      if (value.kind == LB_VALUE_NUMBER)
        state->outcome->values_changed += value.number != *current;
      else if (state->mode == LB_IMPORT_MODE_REPLACE)
        state->outcome->withdrawn++;
      /* Counted once, should the file repeat the cell. */
      *current = NAN;
    }
  /* How the workbook stored it (value, number format, formula) goes with the result. */
  if (!state->dry_run && record->details != NULL && score_column <= record->n_fields
      && record->details[score_column - 1] != NULL
      && !lb_store_add_source_cell (state->store, state->import_id, record->record, score_column,
                                    record->details[score_column - 1], error))
    return FALSE;

  if (value.kind == LB_VALUE_NUMBER)
    {
      LbResult result = { 0 };

      result.leaderboard_id = state->leaderboard_id;
      result.model_id = model_id;
      result.benchmark_id = benchmark_id;
      result.score = value.number;
      result.raw = (char *) text;
      result.evaluated_at = (char *) evaluated_at;
      result.model_version = (char *) model_version;
      result.current = TRUE;
      result.import_id = state->import_id;
      result.source_row = record->record;
      result.source_column = score_column;

      if (stderr_column != 0)
        {
          const char *stext = record_field (record, stderr_column);
          LbValue svalue;

          lb_value_parse (stext, self->dialect.decimal_separator, &svalue);
          if (svalue.kind == LB_VALUE_NUMBER && svalue.number >= 0)
            {
              result.has_stderr = TRUE;
              result.stderr_value = svalue.number;
            }
          else if (stext[0] != '\0')
            {
              add_cell_warning (state, record, stderr_column, "cell.stderr-invalid", stext, NULL);
            }
        }

      /* Its strings point into the record, which import_record() keeps until it is written. */
      if (!state->dry_run)
        g_array_append_val (state->pending, result);
      if (cell >= 0)
        state->covered[cell] = LB_CELL_COVER_RESULT;
      state->outcome->results++;
      /* Room for every benchmark known so far at once: a wide sheet's model needs no more. */
      if (benchmark->index >= model->n_rows)
        {
          guint n = MAX (benchmark->index + 1, g_hash_table_size (state->benchmark_ids));

          model->rows = g_renew (guint, model->rows, n);
          memset (model->rows + model->n_rows, 0, (n - model->n_rows) * sizeof (guint));
          model->n_rows = n;
        }
      model->rows[benchmark->index] = record->record;
    }
  else
    {
      LbGap gap = { 0 };

      if (value.kind == LB_VALUE_TEXT)
        add_cell_warning (state, record, score_column,
                          value.formula_like ? "cell.not-number.formula" : "cell.not-number",
                          text, model_name, benchmark_name, NULL);
      else
        /* The reason is an untranslated msgid: the renderer translates it. */
        add_cell_warning (state, record, score_column, "cell.no-value", model_name,
                          benchmark_name, value.reason != NULL ? value.reason : "", NULL);

      gap.leaderboard_id = state->leaderboard_id;
      gap.model_id = model_id;
      gap.benchmark_id = benchmark_id;
      gap.import_id = state->import_id;
      gap.source_row = record->record;
      gap.source_column = score_column;
      gap.raw = (char *) text;
      gap.reason = (char *) (value.reason != NULL ? value.reason : N_("The cell is not a number."));
      if (!state->dry_run && lb_store_add_gap (state->store, &gap, error) == 0)
        return FALSE;
      if (cell >= 0 && state->covered[cell] == LB_CELL_COVER_NONE)
        state->covered[cell] = LB_CELL_COVER_GAP;
      state->outcome->gaps++;
    }
  return TRUE;
}

static char *
row_date (RunState          *state,
          const LbCsvRecord *record,
          LbColumnSpec      *date_spec)
{
  const char *text;
  GDate date;

  if (date_spec == NULL)
    return NULL;
  text = record_field (record, date_spec->column);
  if (text[0] == '\0')
    return NULL;
  /* Most sheets give many rows the same date. */
  if (g_strcmp0 (text, state->last_date_text) == 0)
    return g_strdup (state->last_date_iso);
  if (lb_date_parse (text, &date))
    {
      g_free (state->last_date_text);
      g_free (state->last_date_iso);
      state->last_date_text = g_strdup (text);
      state->last_date_iso = lb_date_to_iso (&date);
      return g_strdup (state->last_date_iso);
    }
  else
    {
      add_cell_warning (state, record, date_spec->column, "date.unreadable", text, NULL);
      return NULL;
    }
}

static gboolean
import_record_cells (RunState           *state,
               const LbCsvRecord  *record,
               GError            **error)
{
  LbImporter *self = state->self;
  LbColumnSpec *model_spec = first_with_role (self, LB_COLUMN_MODEL);
  LbColumnSpec *version_spec = first_with_role (self, LB_COLUMN_VERSION);
  g_autofree char *model_name = g_strstrip (g_strdup (record_field (record, model_spec->column)));
  const char *date;
  const char *version;
  Entry *model;

  if (model_name[0] == '\0')
    {
      g_autofree char *letter = lb_column_letter (model_spec->column);
      g_autofree char *row = g_strdup_printf ("%u", record->record);

      add_warning (state, record->record, model_spec->column, "row.model-empty",
                   (const char *[]) { row, letter, NULL });
      return TRUE;
    }

  /* 平均, Total, or a row of averages is not a model (unless the user says it is). */
  {
    LbSummaryKind kind = lb_summary_tracker_judge (state->summary, record, model_name);

    if (kind != LB_SUMMARY_NONE
        && !g_hash_table_contains (self->forced_rows, GUINT_TO_POINTER (record->record)))
      {
        g_autofree char *row = g_strdup_printf ("%u", record->record);

        add_warning (state, record->record, model_spec->column,
                     kind == LB_SUMMARY_BY_NAME ? "row.summary-name"
                     : kind == LB_SUMMARY_MEAN ? "row.summary-mean" : "row.summary-sum",
                     (const char *[]) { row, model_name, NULL });
        state->outcome->summary_rows++;
        return TRUE;
      }
    lb_summary_tracker_add (state->summary, record);
  }

  model = ensure_model (state, model_name, record, error);
  if (model == NULL)
    return FALSE;
  g_free (state->row_date);
  state->row_date = row_date (state, record, first_with_role (self, LB_COLUMN_DATE));
  date = state->row_date;
  version = version_spec != NULL ? record_field (record, version_spec->column) : "";
  if (version[0] == '\0')
    version = NULL;

  if (self->layout == LB_LAYOUT_LONG)
    {
      LbColumnSpec *bench_spec = first_with_role (self, LB_COLUMN_BENCHMARK);
      LbColumnSpec *score_spec = first_with_role (self, LB_COLUMN_SCORE);
      LbColumnSpec *stderr_spec = first_with_role (self, LB_COLUMN_STDERR);
      g_autofree char *bench_name = g_strstrip (g_strdup (record_field (record, bench_spec->column)));
      Entry *benchmark;

      if (bench_name[0] == '\0')
        {
          g_autofree char *letter = lb_column_letter (bench_spec->column);
          g_autofree char *row = g_strdup_printf ("%u", record->record);

          add_warning (state, record->record, bench_spec->column, "row.benchmark-empty",
                       (const char *[]) { row, letter, NULL });
          return TRUE;
        }
      benchmark = ensure_benchmark (state, bench_name, score_spec,
                                    g_hash_table_size (state->benchmark_ids), error);
      if (benchmark == NULL)
        return FALSE;
      return store_cell (state, record, model, model_name, benchmark, bench_name,
                         score_spec->column, stderr_spec != NULL ? stderr_spec->column : 0,
                         date, version, error);
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);

      if (spec->role != LB_COLUMN_SCORE)
        continue;
      if (state->column_benchmarks[i] == NULL)
        {
          state->column_benchmarks[i] = ensure_benchmark (state, spec->header, spec, (int) i, error);
          if (state->column_benchmarks[i] == NULL)
            return FALSE;
        }
      {
        guint before = state->outcome->results;

        if (!store_cell (state, record, model, model_name, state->column_benchmarks[i], spec->header,
                         spec->column, state->stderr_columns[i], date, version, error))
          return FALSE;
        state->column_values[i] += state->outcome->results > before;
      }
    }
  return TRUE;
}

/* Results are written in batches of about this many, across records: a long-layout file has
 * one result per record, and one INSERT per result costs twice as much. */
#define PENDING_RESULTS 64

static gboolean
flush_pending (RunState  *state,
               GError   **error)
{
  gboolean ok = TRUE;

  if (state->pending->len > 0)
    ok = lb_store_add_results (state->store, (const LbResult *) (gpointer) state->pending->data,
                               state->pending->len, error);
  g_array_set_size (state->pending, 0);
  g_ptr_array_set_size (state->kept_records, 0);
  g_ptr_array_set_size (state->kept_dates, 0);
  return ok;
}

/* Takes @record: it is kept until the results that point into it are written. */
static gboolean
import_record (RunState     *state,
               LbCsvRecord  *record,
               GError      **error)
{
  guint before = state->pending->len;
  gboolean ok = import_record_cells (state, record, error);

  if (state->pending->len > before)
    {
      g_ptr_array_add (state->kept_records, record);
      if (state->row_date != NULL)
        g_ptr_array_add (state->kept_dates, g_steal_pointer (&state->row_date));
    }
  else
    lb_csv_record_free (record);
  g_clear_pointer (&state->row_date, g_free);
  if (ok && state->pending->len >= PENDING_RESULTS)
    ok = flush_pending (state, error);
  return ok;
}

/* Fails with DUPLICATE_FILE when the same bytes were imported into @leaderboard before. */
static gboolean
check_not_imported (LbImporter     *self,
                    LbStore        *store,
                    LbLeaderboard  *leaderboard,
                    const char     *sha256,
                    GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LbImport) earlier = NULL;
  g_autofree char *when = NULL;
  gint64 previous;

  previous = lb_store_find_import_by_sha256 (store, leaderboard->id, sha256, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (previous == 0)
    return TRUE;

  earlier = lb_store_get_import (store, previous, NULL);
  when = lb_datetime_text_to_display (earlier != NULL ? earlier->imported_at : NULL);
  g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_DUPLICATE_FILE,
               /* The way to import it anyway is the caller's to say: --force, or a checkbox. */
               _("“%s” was already imported into “%s” on %s (the same bytes). Nothing was "
                 "imported."),
               self->display_name, leaderboard->name, when != NULL ? when : "?");
  return FALSE;
}

static const char *
delimiter_string (gunichar delimiter)
{
  switch (delimiter)
    {
    case ';':
      return ";";
    case '\t':
      return "\t";
    case '|':
      return "|";
    default:
      return ",";
    }
}

gboolean
lb_importer_run (LbImporter        *self,
                 LbStore           *store,
                 const char        *leaderboard_name,
                 LbImportFlags      flags,
                 LbImportProgress   progress,
                 gpointer           progress_data,
                 GCancellable      *cancellable,
                 LbImportOutcome   *outcome,
                 GError           **error)
{
  g_auto(Source) reader = { 0 };
  g_autoptr(GHashTable) model_ids = NULL;
  g_autoptr(GHashTable) benchmark_ids = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (LbResult));
  g_autofree Entry **column_benchmarks = NULL;
  g_autofree guint *stderr_columns = NULL;
  g_autofree guint *column_values = NULL;
  g_autoptr(GPtrArray) kept_records = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_csv_record_free);
  g_autoptr(GPtrArray) kept_dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LbLeaderboard) leaderboard = NULL;
  g_autoptr(GError) local_error = NULL;
  const LbCsvDialect *dialect;
  g_autofree char *now = NULL;
  g_autofree char *path = NULL;
  LbImport import = { 0 };
  g_auto(RunState) state = { 0 };
  guint since_progress = 0;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (leaderboard_name != NULL && leaderboard_name[0] != '\0', FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  memset (outcome, 0, sizeof *outcome);
  outcome->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_warning_free);

  if (!lb_importer_check (self, error))
    return FALSE;

  leaderboard = lb_store_find_leaderboard (store, leaderboard_name, &local_error);
  if (leaderboard == NULL && !g_error_matches (local_error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  /* The second reader sees the same bytes with the same choices, so it detects the same;
   * if the file was saved again since the plan was made, it stops before anything is kept. */
  if (!source_open (self, &reader, TRUE, cancellable, error))
    goto fail;

  model_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  benchmark_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  state.strings = g_string_chunk_new (64 * 1024);
  state.self = self;
  state.store = store;
  state.dry_run = (flags & LB_IMPORT_FLAGS_DRY_RUN) != 0;
  state.model_ids = model_ids;
  state.benchmark_ids = benchmark_ids;
  state.outcome = outcome;
  state.pending = pending;
  column_benchmarks = g_new0 (Entry *, self->columns->len);
  stderr_columns = g_new0 (guint, self->columns->len);
  column_values = g_new0 (guint, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    for (guint j = 0; j < self->columns->len; j++)
      {
        LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
        LbColumnSpec *other = g_ptr_array_index (self->columns, j);

        if (spec->role == LB_COLUMN_SCORE && other->role == LB_COLUMN_STDERR
            && other->stderr_of == spec->column)
          stderr_columns[i] = other->column;
      }
  state.column_benchmarks = column_benchmarks;
  state.stderr_columns = stderr_columns;
  state.column_values = column_values;
  state.kept_records = kept_records;
  state.kept_dates = kept_dates;
  state.summary = new_summary_tracker (self);
  state.results = reader.results;

  if (!state.dry_run)
    {
      if (!lb_store_begin (store, error))
        return FALSE;
      in_transaction = TRUE;
      /* Under the write lock: another import may have created it since we looked. */
      if (leaderboard == NULL)
        {
          leaderboard = lb_store_find_leaderboard (store, leaderboard_name, &local_error);
          if (leaderboard == NULL
              && !g_error_matches (local_error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto fail;
            }
          g_clear_error (&local_error);
        }
    }

  state.mode = lb_importer_guess_mode (self, store, leaderboard_name, NULL);
  outcome->mode = state.mode;

  if (leaderboard != NULL)
    {
      state.leaderboard_id = leaderboard->id;
      if (!preload_ids (&state, error))
        goto fail;
    }
  else if (!state.dry_run)
    {
      state.leaderboard_id = lb_store_create_leaderboard (store, leaderboard_name, error);
      if (state.leaderboard_id == 0)
        goto fail;
      outcome->leaderboard_created = TRUE;
    }
  else
    {
      outcome->leaderboard_created = TRUE;
    }
  outcome->leaderboard_id = state.leaderboard_id;

  path = g_file_get_path (self->file);
  now = lb_now_iso8601 ();
  import.leaderboard_id = state.leaderboard_id;
  import.file_name = self->display_name;
  import.file_path = path;
  /* The file's SHA-256 and size are known once the reader has read it all. */
  import.encoding = self->dialect.encoding;
  import.delimiter = (char *) delimiter_string (self->dialect.delimiter);
  import.layout = (char *) lb_layout_to_string (self->layout);
  import.header_row = self->dialect.header_record;
  import.imported_at = now;
  import.imported_by = (char *) (self->user != NULL ? self->user : lb_store_get_user (store));
  import.status = LB_IMPORT_COMPLETE;
  import.warnings = outcome->warnings;
  import.mode = state.mode;
  import.signature = self->signature;
  import.provenance = self->provenance;

  if (!state.dry_run)
    {
      state.import_id = lb_store_add_import (store, &import, error);
      if (state.import_id == 0)
        goto fail;
      outcome->import_id = state.import_id;
    }

  for (;;)
    {
      g_autoptr(LbCsvRecord) record = NULL;

      if (since_progress == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_CANCELLED,
                       _("The import of “%s” was cancelled. Nothing was imported."),
                       self->display_name);
          goto fail;
        }
      record = source_next (&reader, cancellable, &local_error);

      if (record == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto fail;
            }
          break;
        }
      if (record->record <= self->dialect.header_record || record->n_fields == 0)
        continue;

      outcome->records++;
      if (!import_record (&state, g_steal_pointer (&record), error))
        goto fail;

      if (++since_progress >= PROGRESS_EVERY)
        {
          since_progress = 0;
          if (progress != NULL)
            progress (source_progress (&reader), progress_data);
        }
    }

  if (!state.dry_run && !flush_pending (&state, error))
    goto fail;

  if (outcome->results == 0)
    {
      g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_NO_RESULTS,
                   _("“%s” holds no scores: none of its %u data rows has a number in a benchmark "
                     "column. Nothing was imported. Check that the right columns are marked as "
                     "benchmark scores."),
                   self->display_name, outcome->records);
      goto fail;
    }

  /* A new version of the sheet that leaves out a model listed until now: no longer listed. */
  if (state.mode == LB_IMPORT_MODE_REPLACE && state.model_by_id != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, state.model_by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Entry *entry = value;

          if (!entry->seen && !entry->unlisted)
            outcome->unlisted++;
        }
    }

  if (source_encoding_record (&reader) != NULL)
    g_ptr_array_add (outcome->warnings, lb_warning_copy (source_encoding_record (&reader)));
  if (reader.xlsx != NULL || reader.xls != NULL || reader.results != NULL)
    {
      GPtrArray *sheet_warnings = reader.xlsx != NULL ? lb_xlsx_reader_get_warnings (reader.xlsx)
                                  : reader.xls != NULL ? lb_xls_reader_get_warnings (reader.xls)
                                  : lb_results_reader_get_warnings (reader.results);

      for (guint i = 0; i < sheet_warnings->len; i++)
        {
          LbWarning *w = g_ptr_array_index (sheet_warnings, i);
          g_ptr_array_add (outcome->warnings, lb_warning_copy (w));
        }
    }

  /* A benchmark column without a single value is kept, and said. */
  for (guint i = 0; self->layout == LB_LAYOUT_WIDE && i < self->columns->len; i++)
    {
      LbColumnSpec *spec = g_ptr_array_index (self->columns, i);
      g_autofree char *letter = NULL;
      g_autofree char *records = NULL;

      if (spec->role != LB_COLUMN_SCORE || column_values[i] > 0 || column_benchmarks[i] == NULL)
        continue;
      letter = lb_column_letter (spec->column);
      records = g_strdup_printf ("%u", outcome->records);
      add_warning (&state, 0, spec->column, "column.empty-benchmark",
                   (const char *[]) { letter, spec->header != NULL ? spec->header : "", records, NULL });
    }

  /* The hash of the very bytes imported: a duplicate is found after reading, and rolled back. */
  dialect = source_dialect (&reader);
  if (leaderboard != NULL && !(flags & LB_IMPORT_FLAGS_FORCE)
      && !check_not_imported (self, store, leaderboard, dialect->sha256, error))
    goto fail;

  if (!state.dry_run)
    {
      if (!lb_store_set_import_file (store, state.import_id, dialect->sha256, dialect->size_bytes,
                                     dialect->encoding, error))
        goto fail;
      if (self->sheet != NULL && !lb_store_set_import_sheet (store, state.import_id, self->sheet, error))
        goto fail;
      if (!lb_store_add_import_warnings (store, state.import_id, outcome->warnings, error))
        goto fail;
      /* What the file holds in each cell known before decides what stops being current. */
      if (state.covered != NULL
          ? !lb_store_finish_import_covering (store, state.import_id, outcome->records,
                                              outcome->results, cell_cover, &state, error)
          : !lb_store_finish_import (store, state.import_id, outcome->records, outcome->results,
                                     error))
        goto fail;
      {
        g_autofree char *json = mapping_to_json (self);

        if (!lb_store_set_mapping (store, self->signature, json, error))
          goto fail;
      }
      /* The mode the user chose is the leaderboard's from now on. */
      if (self->mode_chosen
          && !lb_store_set_import_mode (store, state.leaderboard_id, self->mode, error))
        goto fail;
      /* A failed commit has rolled back and closed the transaction already. */
      in_transaction = FALSE;
      if (!lb_store_commit (store, error))
        goto fail;
    }

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

fail:
  if (in_transaction)
    lb_store_rollback (store);
  /* Whatever stopped it first (opening the file, say), a cancelled import says so. */
  if (error != NULL && *error != NULL && !g_error_matches (*error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_CANCELLED)
      && (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (cancellable)))
    {
      g_clear_error (error);
      g_set_error (error, LB_IMPORT_ERROR, LB_IMPORT_ERROR_CANCELLED,
                   _("The import of “%s” was cancelled. Nothing was imported."),
                   self->display_name);
    }
  outcome->import_id = 0;
  if (outcome->leaderboard_created)
    outcome->leaderboard_id = 0;
  return FALSE;
}

/* ---- in a worker thread ---- */

typedef struct {
  char             *db_path;
  char             *leaderboard_name;
  LbImportFlags     flags;
  LbImportProgress  progress;
  gpointer          progress_data;
  GMainContext     *context;
  LbImportOutcome   outcome;
  double            fraction;    /* last reported, guarded by the main context */
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->db_path);
  g_free (data->leaderboard_name);
  g_main_context_unref (data->context);
  lb_import_outcome_clear (&data->outcome);
  g_free (data);
}

typedef struct {
  LbImportProgress progress;
  gpointer         progress_data;
  double           fraction;
} ProgressIdle;

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressIdle *idle = user_data;

  idle->progress (idle->fraction, idle->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  RunData *data = user_data;
  ProgressIdle *idle;

  if (data->progress == NULL)
    return;
  idle = g_new0 (ProgressIdle, 1);
  idle->progress = data->progress;
  idle->progress_data = data->progress_data;
  idle->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_idle_cb, idle, g_free);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  LbImporter *self = source_object;
  RunData *data = task_data;
  g_autoptr(LbStore) store = NULL;
  GError *error = NULL;

  store = lb_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!lb_importer_run (self, store, data->leaderboard_name, data->flags,
                        thread_progress_cb, data, cancellable, &data->outcome, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
lb_importer_run_async (LbImporter          *self,
                       const char          *db_path,
                       const char          *leaderboard_name,
                       LbImportFlags        flags,
                       LbImportProgress     progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (LB_IS_IMPORTER (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (leaderboard_name != NULL);

  data = g_new0 (RunData, 1);
  data->db_path = g_strdup (db_path);
  data->leaderboard_name = g_strdup (leaderboard_name);
  data->flags = flags;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lb_importer_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
lb_importer_run_finish (LbImporter       *self,
                        GAsyncResult     *result,
                        LbImportOutcome  *outcome,
                        GError          **error)
{
  RunData *data;

  g_return_val_if_fail (LB_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (outcome != NULL)
    {
      *outcome = data->outcome;
      memset (&data->outcome, 0, sizeof data->outcome);
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
lb_column_role_to_string (LbColumnRole role)
{
  g_return_val_if_fail (role < LB_N_COLUMN_ROLES, NULL);
  return role_names[role];
}

const char *
lb_column_role_label (LbColumnRole role)
{
  g_return_val_if_fail (role < LB_N_COLUMN_ROLES, NULL);
  return _(role_labels[role]);
}

const char *
lb_layout_to_string (LbLayout layout)
{
  return layout == LB_LAYOUT_LONG ? "long" : "wide";
}
