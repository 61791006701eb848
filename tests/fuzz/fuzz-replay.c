/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a harness over its seed corpus and over every input that once made it
 * fail (tests/fuzz/regressions/TARGET/), as an ordinary test in every build, with any compiler. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "fuzz-common.h"

typedef struct {
  char     *path;
  gboolean  control_byte;  /* a seed file: prepend a 0 control byte (nothing forced) */
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static void
replay_file (gconstpointer data)
{
  const Input *input = data;
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (input->path, &contents, &length, &error);
  g_assert_no_error (error);
  if (input->control_byte)
    g_byte_array_append (bytes, (const guint8 *) "", 1);
  g_byte_array_append (bytes, (const guint8 *) contents, length);
  g_assert_cmpint (LLVMFuzzerTestOneInput (bytes->data, bytes->len), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_dir (const char *target,
         const char *dir,
         gboolean    control_byte)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *base = g_path_get_basename (dir);
      g_autofree char *test_path = NULL;
      Input *input;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || file[0] == '.')
        continue;
      test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target, base, file);
      input = g_new0 (Input, 1);
      input->path = g_steal_pointer (&path);
      input->control_byte = control_byte;
      g_test_add_data_func_full (test_path, input, replay_file, input_free);
    }
}

/* Usage: fuzz-TARGET-replay TARGET [seed:]DIR… [g_test options]. Files in a "seed:" directory
 * are test fixtures and get a 0 control byte in front (for harnesses that read one); other
 * directories hold inputs exactly as the fuzzer wrote them. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) dirs = g_ptr_array_new ();
  const char *target;
  int out = 1;

  fuzz_setup ();
  g_assert_cmpint (argc, >=, 2);
  target = argv[1];
  /* Our own arguments come first; what follows is for g_test_init(). */
  for (int i = 2; i < argc; i++)
    {
      if (argv[i][0] == '-')
        argv[out++] = argv[i];
      else
        g_ptr_array_add (dirs, argv[i]);
    }
  argc = out;
  argv[argc] = NULL;
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  for (guint i = 0; i < dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (dirs, i);

      if (g_str_has_prefix (dir, "seed:"))
        add_dir (target, dir + strlen ("seed:"), TRUE);
      else
        add_dir (target, dir, FALSE);
    }
  return g_test_run ();
}
