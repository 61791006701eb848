/* SPDX-License-Identifier: GPL-3.0-or-later */
/* display-util.c: what the display tests share (main loop, screenshots, fixtures) */

#include "config.h"

#include <glib/gstdio.h>

#include "display-util.h"

void
lb_test_iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
lb_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
lb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        lb_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
lb_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("LB_SCREENSHOT_DIR");
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = 0, height = 0;

  if (dir == NULL)
    return;
  /* Let frames be drawn; a page that is still building its rows may need a few more. */
  for (guint tries = 0; node == NULL && tries < 10; tries++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      GtkSnapshot *snapshot;

      lb_test_spin (400);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      paintable = gtk_widget_paintable_new (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

GtkWidget *
lb_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

GFile *
lb_test_import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

void
lb_test_wait_idle (LbImportAssistant *assistant)
{
  /* The first check waits for the debounce timeout; then the dry run in its thread. */
  lb_test_iterate (2);
  while (lb_import_assistant_get_busy (assistant))
    g_main_context_iteration (NULL, TRUE);
  lb_test_iterate (2);
}

void
lb_test_ask_report (LbWindow   *window,
                    const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  /* The report is made in a thread: the action comes back at once. */
  g_assert_true (lb_window_get_preparing_report (window));
  while (lb_window_get_preparing_report (window))
    g_main_context_iteration (NULL, TRUE);
  lb_test_iterate (5);
}

/* Two access keys of one letter on a page make Alt+letter stop at the first and then cycle
 * (「新しいプロファイル(N)」 and 「掲載されなくなったモデルも含める(N)」, issue 15.8). */
static void
collect_access_keys (GtkWidget  *widget,
                   GHashTable *seen,
                   const char *page)
{
  if (!gtk_widget_get_mapped (widget) || GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

      if (other != NULL)
        g_error ("page %s: “%s” and “%s” share the access key %s", page, other,
                 gtk_label_get_text (GTK_LABEL (widget)), gdk_keyval_name (key));
      g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_access_keys (child, seen, page);
}

void
lb_test_assert_unique_access_keys (GtkWidget  *page,
                                   const char *name)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  collect_access_keys (page, seen, name);
}
