/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-writer.c: the streaming JSON writer against json-glib and printf */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lb-json-writer.h"

/* What printf gives: "%.15g" when it reads back, else "%.17g" (".0" on whole numbers). */
static char *
reference (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  if (strpbrk (buffer, ".e") == NULL)
    return g_strconcat (buffer, ".0\n", NULL);
  return g_strconcat (buffer, "\n", NULL);
}

static char *
written (double value)
{
  LbJsonWriter *w = lb_json_writer_new (NULL, NULL);

  lb_json_writer_double (w, TRUE, value);
  return lb_json_writer_steal_text (w);
}

static void
check_double (double value)
{
  g_autofree char *expected = reference (value);
  g_autofree char *actual = written (value);

  if (g_strcmp0 (expected, actual) != 0)
    g_error ("%.17g (%a): wrote %s, printf gives %s", value, value, actual, expected);
  g_assert_cmpfloat (g_ascii_strtod (actual, NULL), ==, value);
}

static void
test_doubles_as_printf (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  static const double cases[] = {
    85.3, 0.853, 1250, 1e-4, 9.9999999999999e-5, 1e-5, 0.1, 0.2, 0.30000000000000004, 1.0 / 3,
    2.0 / 3, 1e15, 1e16, 999999999999999, 9999999999999998, 1e17, 1.7e308, 5e-324, 2.2250738585072014e-308,
    123456789012345678.0, 0.5, 5.199999999999989, 100, 1e21, 1e22, 1e23, -0.853, -1e-7, 4.35, 2.675,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_double (cases[i]);
  /* Normalised values, differences and scores: [0, 1], [-100, 100], short decimals. */
  for (guint i = 0; i < 50000; i++)
    {
      check_double (g_rand_double (rand));
      check_double (g_rand_double_range (rand, -100, 100));
      check_double (g_rand_int_range (rand, -100000, 100000) / 10.0);
      check_double (g_rand_int_range (rand, -100000, 100000) / 1000.0);
    }
  /* Any bit pattern that is a finite number. */
  for (guint i = 0; i < 50000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value) && value != 0)
        check_double (value);
    }
}

static void
test_not_finite_is_null (void)
{
  LbJsonWriter *w = lb_json_writer_new (NULL, NULL);
  g_autofree char *text = NULL;

  lb_json_writer_begin_array (w);
  lb_json_writer_double (w, TRUE, NAN);
  lb_json_writer_double (w, TRUE, INFINITY);
  lb_json_writer_double (w, FALSE, 1);
  lb_json_writer_end_array (w);
  text = lb_json_writer_steal_text (w);
  g_assert_cmpstr (text, ==, "[\n  null,\n  null,\n  null\n]\n");
}

static gboolean
collect (const char  *data,
         gsize        length,
         gpointer     user_data,
         GError     **error)
{
  GString *out = user_data;

  g_assert_cmpuint (length, >, 0);
  g_string_append_len (out, data, length);
  return TRUE;
}

static gboolean
fail_second (const char  *data,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  guint *calls = user_data;

  if (++*calls < 2)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
  return FALSE;
}

/* Strings with every escape, non-UTF-8 text, nesting, and pieces handed on as they fill. */
static void
test_document_parses_back (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(LbJsonWriter) w = lb_json_writer_new (collect, out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *rows;

  lb_json_writer_begin_object (w);
  lb_json_writer_member (w, "text");
  lb_json_writer_string (w, "quote \" backslash \\ tab \t line\nCR\r\001 社内GPT");
  lb_json_writer_member (w, "broken");
  lb_json_writer_string (w, "a\xff" "b");
  lb_json_writer_member (w, "none");
  lb_json_writer_string (w, NULL);
  lb_json_writer_member (w, "empty");
  lb_json_writer_begin_array (w);
  lb_json_writer_end_array (w);
  lb_json_writer_member (w, "rows");
  lb_json_writer_begin_array (w);
  for (int i = 0; i < 20000; i++)
    {
      lb_json_writer_begin_object (w);
      lb_json_writer_member (w, "i");
      lb_json_writer_int (w, i);
      lb_json_writer_member (w, "ok");
      lb_json_writer_boolean (w, i % 2 == 0);
      lb_json_writer_member (w, "score");
      lb_json_writer_double (w, TRUE, i / 10.0);
      lb_json_writer_end_object (w);
    }
  lb_json_writer_end_array (w);
  lb_json_writer_end_object (w);
  g_assert_true (lb_json_writer_finish (w, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, >, 64 * 1024);

  g_assert_true (json_parser_load_from_data (parser, out->str, out->len, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "text"), ==,
                   "quote \" backslash \\ tab \t line\nCR\r\001 社内GPT");
  g_assert_cmpstr (json_object_get_string_member (root, "broken"), ==, "a\xef\xbf\xbd" "b");
  g_assert_true (json_object_get_null_member (root, "none"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "empty")), ==, 0);
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 20000);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (rows, 853), "score"),
                     ==, 85.3);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (rows, 853), "ok"));
}

static void
test_flush_error_is_reported (void)
{
  guint calls = 0;
  g_autoptr(LbJsonWriter) w = lb_json_writer_new (fail_second, &calls);
  g_autoptr(GError) error = NULL;

  lb_json_writer_begin_array (w);
  for (int i = 0; i < 100000; i++)
    lb_json_writer_string (w, "a piece of text to fill the buffer");
  lb_json_writer_end_array (w);
  g_assert_false (lb_json_writer_finish (w, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  /* After the first failure nothing more is handed on. */
  g_assert_cmpuint (calls, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/json-writer/double/as-printf", test_doubles_as_printf);
  g_test_add_func ("/json-writer/double/not-finite", test_not_finite_is_null);
  g_test_add_func ("/json-writer/document/parses-back", test_document_parses_back);
  g_test_add_func ("/json-writer/flush/error", test_flush_error_is_reported);
  return g_test_run ();
}
