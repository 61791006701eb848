/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window as a manager meets it — keys pressed for real (XTest, so they
 * take the path a keyboard's do) and every page reachable however narrow the window. Runs
 * under Xvfb (build-aux/test.sh). */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <string.h>

#include "display-util.h"
#include "lb-application.h"
#include "lb-compare-page.h"
#include "lb-history-page.h"
#include "lb-import-assistant.h"
#include "lb-lbom.h"
#include "lb-leaderboard-item.h"
#include "lb-overview-page.h"
#include "lb-record-form.h"
#include "lb-report-print.h"
#include "lb-results-page.h"
#include "lb-smells.h"
#include "lb-smells-page.h"
#include "lb-store.h"
#include "lb-warning-row.h"
#include "lb-window.h"

typedef struct {
  char          *dir;
  char          *db_path;
  LbStore       *store;
  LbApplication *app;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static guint n_apps;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;

  f->dir = g_dir_make_tmp ("lb-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "leaderboard.db", NULL);
  f->store = lb_store_open (f->db_path, &error);
  g_assert_no_error (error);
  lb_store_set_user (f->store, "Tester");
  /* The real application, registered: its keyboard accelerators are part of what is tested. */
  f->app = lb_application_new (G_APPLICATION_NON_UNIQUE);
  /* Only g_application_run() unexports an application from the session bus: without it, each
   * test's application keeps its object path, so each has an id of its own (its resource
   * path and settings stay the app's). */
  app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (f->app), app_id);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->app);
  lb_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static LbWindow *
new_window (Fixture *f,
            int      width,
            int      height)
{
  LbWindow *window = g_object_new (LB_TYPE_WINDOW,
                                   "application", f->app,
                                   "store", f->store,
                                   "database-path", f->db_path,
                                   "default-width", width,
                                   "default-height", height,
                                   NULL);

  gtk_window_present (GTK_WINDOW (window));
  lb_test_iterate (5);
  return window;
}

static guint
count_current_results (LbStore *store,
                       gint64   leaderboard_id)
{
  g_autoptr(GPtrArray) results = lb_store_list_results (store, leaderboard_id, TRUE, NULL);

  g_assert_nonnull (results);
  return results->len;
}

static LbImportAssistant *
find_assistant (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LB_IS_IMPORT_ASSISTANT (l->data))
      return l->data;
  return NULL;
}

/* Imports through the window, as a drop does, so that the window offers to undo it. */
static void
import_through_window (LbWindow   *window,
                       const char *name)
{
  g_autoptr(GFile) file = lb_test_import_fixture (name);
  LbImportAssistant *assistant;
  GtkWidget *button;

  lb_window_import_file (window, file);
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  lb_test_wait_idle (assistant);
  button = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "import_button");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_object_ref (assistant);
  g_signal_emit_by_name (button, "clicked");
  lb_test_wait_idle (assistant);
  g_object_unref (assistant);
  lb_test_iterate (5);
}

static GtkWidget *
page_in_slot (LbWindow   *window,
              const char *name)
{
  g_autofree char *slot = g_strconcat (name, "_slot", NULL);

  return adw_bin_get_child (ADW_BIN (lb_test_template_child (window, LB_TYPE_WINDOW, slot)));
}

/* Issue 17: before its first frame the window builds only what it shows. A page in the
 * background (the widgets and their data) and the sidebar's rows wait until they are shown,
 * or until the main loop is idle after the first frame; a page shown is never one still
 * waiting. */
static void
test_start_builds_what_is_shown (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LbResult result = { 0 };
  LbWindow *window;
  const char *hidden[] = { "results", "compare", "smells", "history" };
  GtkWidget *results_page;
  GtkListView *sidebar;
  gint64 lb;

  lb = lb_store_create_leaderboard (f->store, "Chatbot", &error);
  g_assert_no_error (error);
  result.leaderboard_id = lb;
  result.model_id = lb_store_ensure_model (f->store, lb, "Qwen2.5 72B", NULL, NULL, &error);
  result.benchmark_id = lb_store_ensure_benchmark (f->store, lb, "MMLU", NULL, NULL, &error);
  result.score = 86.0;
  result.raw = (char *) "86.0";
  result.current = TRUE;
  g_assert_cmpint (lb_store_add_result (f->store, &result, &error), >, 0);
  g_assert_no_error (error);

  window = g_object_new (LB_TYPE_WINDOW, "application", f->app, "store", f->store,
                         "database-path", f->db_path, "default-width", 1100, "default-height", 760,
                         NULL);
  /* Only the page shown is built; another is built when shown, or when asked for. */
  g_assert_true (LB_IS_OVERVIEW_PAGE (page_in_slot (window, "overview")));
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_null (page_in_slot (window, hidden[i]));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "history");
  g_assert_true (LB_IS_HISTORY_PAGE (page_in_slot (window, "history")));
  g_assert_null (page_in_slot (window, "results"));
  results_page = lb_window_get_page (LB_WINDOW (window), "results");
  g_assert_true (page_in_slot (window, "results") == results_page);
  sidebar = GTK_LIST_VIEW (lb_test_template_child (window, LB_TYPE_WINDOW, "sidebar_list"));
  /* Not shown yet: the leaderboard is chosen, its Results page not built, no sidebar rows. */
  g_assert_cmpint (lb_window_get_leaderboard_id (window), ==, lb);
  g_assert_cmpint (lb_page_get_leaderboard_id (LB_PAGE (results_page)), ==, lb);
  g_assert_true (lb_page_get_reload_pending (LB_PAGE (results_page)));
  g_assert_cmpuint (g_list_model_get_n_items (lb_results_page_get_rows (LB_RESULTS_PAGE (results_page))), ==, 0);
  g_assert_null (gtk_list_view_get_factory (sidebar));
  g_assert_null (gtk_list_view_get_model (sidebar));
  /* Wide, the bar below the pages is hidden and has no buttons to lay out. */
  g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (lb_test_template_child (window, LB_TYPE_WINDOW, "switcher_bar"))));

  /* Shown: the sidebar gets its rows, and once idle after the first frame every page is
   * built and the background ones have loaded their data too. */
  gtk_window_present (GTK_WINDOW (window));
  lb_test_spin (300);
  g_assert_nonnull (gtk_list_view_get_factory (sidebar));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (sidebar))), ==, 1);
  g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (lb_test_template_child (window, LB_TYPE_WINDOW, "switcher_bar"))));
  g_assert_true (LB_IS_COMPARE_PAGE (page_in_slot (window, "compare")));
  g_assert_true (LB_IS_SMELLS_PAGE (page_in_slot (window, "smells")));
  g_assert_false (lb_page_get_reload_pending (LB_PAGE (page_in_slot (window, "smells"))));
  g_assert_false (lb_page_get_reload_pending (LB_PAGE (results_page)));
  g_assert_cmpuint (g_list_model_get_n_items (lb_results_page_get_rows (LB_RESULTS_PAGE (results_page))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
}

/* Issue 17: the window's menus are made the first time they open, with their items, and
 * then kept. */
static void
test_menus_made_when_opened (Fixture       *f,
                             gconstpointer  data)
{
  const char *buttons[] = { "sidebar_menu_button", "leaderboard_menu_button" };
  const char *menus[] = { "primary_menu", "leaderboard_menu" };
  g_autoptr(GError) error = NULL;
  LbWindow *window;

  lb_store_create_leaderboard (f->store, "Chatbot", &error);
  g_assert_no_error (error);
  window = new_window (f, 1100, 760);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (lb_test_template_child (window, LB_TYPE_WINDOW, buttons[i]));
      GObject *menu = gtk_widget_get_template_child (GTK_WIDGET (window), LB_TYPE_WINDOW, menus[i]);
      GtkPopover *popover;

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      g_assert_null (gtk_menu_button_get_popover (button));

      gtk_menu_button_popup (button);
      lb_test_iterate (5);
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_assert_true (G_OBJECT (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover))) == menu);
      g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (menu)), >, 0);

      gtk_menu_button_popdown (button);
      lb_test_iterate (5);
      gtk_menu_button_popup (button);
      lb_test_iterate (5);
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (button);
      lb_test_iterate (5);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
}

/* Issue 17: a sidebar row says since when a review is overdue, in the words the Overview
 * uses; the sentence is written when a row asks for it. */
static void
test_sidebar_item_overdue (void)
{
  g_autoptr(LbLeaderboardItem) overdue = NULL;
  g_autoptr(LbLeaderboardItem) on_time = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *none = NULL;
  gboolean is_overdue = FALSE;
  GDate due;

  g_date_clear (&due, 1);
  g_date_set_dmy (&due, 27, G_DATE_NOVEMBER, 2026);
  overdue = lb_leaderboard_item_new (7, "Chatbot", &due, 2);
  g_object_get (overdue, "review-overdue", &is_overdue, "overdue-tooltip", &tooltip, NULL);
  g_assert_true (is_overdue);
  g_assert_cmpstr (tooltip, ==, "Review overdue since 2026-11-27");

  on_time = lb_leaderboard_item_new (8, "Search", NULL, 0);
  g_object_get (on_time, "review-overdue", &is_overdue, "overdue-tooltip", &none, NULL);
  g_assert_false (is_overdue);
  g_assert_null (none);
}

/* Issue 17: Ctrl+? shows the keyboard shortcuts; the window builds them when first asked
 * for, not before its first frame. */
static void
test_shortcuts_built_when_asked (Fixture       *f,
                                 gconstpointer  data)
{
  LbWindow *window = new_window (f, 1100, 760);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                "win.show-help-overlay");
  GtkShortcutsWindow *overlay;

  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  lb_test_iterate (5);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (overlay)));

  /* Closed, it is hidden and shown again the next time, not built twice. */
  gtk_window_close (GTK_WINDOW (overlay));
  lb_test_iterate (5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  lb_test_iterate (5);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_destroy (GTK_WINDOW (window));
  lb_test_iterate (5);
}

/* ---- real keys through the X server ---- */

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  return gdk_x11_display_get_xdisplay (display);
}

/* Gives @window the keyboard focus as a window manager would (Xvfb has none). */
static void
x_focus (GtkWindow *window)
{
  Display *dpy = x_display ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
  lb_test_spin (200);
  g_assert_true (gtk_window_is_active (window));
}

static void
x_key (KeySym   keysym,
       gboolean control)
{
  Display *dpy = x_display ();
  KeyCode ctrl = XKeysymToKeycode (dpy, XK_Control_L);
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  g_assert_cmpuint (code, !=, 0);
  if (control)
    XTestFakeKeyEvent (dpy, ctrl, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  if (control)
    XTestFakeKeyEvent (dpy, ctrl, False, CurrentTime);
  XSync (dpy, False);
  lb_test_spin (150);
}

static void
x_type (const char *ascii)
{
  for (const char *c = ascii; *c != '\0'; c++)
    x_key (*c == ' ' ? XK_space : (KeySym) *c, FALSE);
}

/* Issue 15.2: Ctrl+Z in a text field undoes the typing there and leaves the import alone;
 * with no text field focused it undoes the import. */
static void
test_ctrl_z_in_text_field (Fixture       *f,
                           gconstpointer  data)
{
  LbWindow *window;
  GtkWidget *purpose;
  GtkWidget *sidebar;
  gint64 id;

  if (x_display () == NULL)
    {
      g_test_skip ("needs an X display (Xvfb) for real key presses");
      return;
    }
  window = new_window (f, 1100, 760);
  import_through_window (window, "wide-cp932.csv");
  id = lb_window_get_leaderboard_id (window);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_current_results (f->store, id), ==, 9);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "overview");
  lb_test_iterate (5);
  purpose = lb_test_template_child (lb_window_get_page (LB_WINDOW (window), "overview"),
                                    LB_TYPE_OVERVIEW_PAGE, "purpose_row");
  x_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_grab_focus (purpose));
  lb_test_iterate (5);
  x_type ("chatbot");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (purpose)), ==, "chatbot");

  x_key (XK_z, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (purpose)), ==, "");
  g_assert_cmpuint (count_current_results (f->store, id), ==, 9);
  /* Nothing left to undo in the field: still its key, not the import's. */
  x_key (XK_z, TRUE);
  g_assert_cmpuint (count_current_results (f->store, id), ==, 9);

  /* Out of the text field (on the sidebar's list), Ctrl+Z undoes the import. */
  sidebar = lb_test_template_child (window, LB_TYPE_WINDOW, "sidebar_list");
  g_assert_true (gtk_widget_grab_focus (sidebar));
  lb_test_iterate (5);
  x_key (XK_z, TRUE);
  lb_test_iterate (5);
  g_assert_cmpuint (count_current_results (f->store, id), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_toggles (GtkWidget *widget,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        g_ptr_array_add (out, child);
      else
        collect_toggles (child, out);
    }
}

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Issue 15.3: at 360 px the sidebar folds away, the pages are switched from the bar at the
 * bottom, every page fits (nothing clipped, the close button on screen). */
static void
test_narrow_every_page_reachable (Fixture       *f,
                                  gconstpointer  data)
{
  static const char * const pages[] = { "overview", "results", "compare", "smells", "history" };
  const int width = GPOINTER_TO_INT (data);
  LbWindow *window = new_window (f, 1100, 760);
  AdwLeaflet *leaflet = ADW_LEAFLET (lb_test_template_child (window, LB_TYPE_WINDOW, "leaflet"));
  AdwViewStack *stack = ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack"));
  GtkWidget *bar = lb_test_template_child (window, LB_TYPE_WINDOW, "switcher_bar");
  /* What the window shows; the window itself asks for 360 px whatever it holds. */
  GtkWidget *child = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *shot = NULL;

  import_through_window (window, "wide-cp932.csv");
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  lb_test_spin (400);
  /* No wider than asked for (the frame of a window without a window manager takes a few px). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* A leaderboard was just imported: its pages are shown, the list is one Back away. */
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == lb_test_template_child (window, LB_TYPE_WINDOW, "content"));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) == ADW_VIEW_STACK (stack));

  collect_toggles (bar, buttons);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (pages));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      lb_test_spin (200);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i]);
      /* Wider than the window would mean clipped, the close button off screen. */
      if (min_width (child) > gtk_widget_get_width (child))
        g_test_message ("%s needs %d px", pages[i], min_width (child));
      g_assert_cmpint (min_width (child), <=, gtk_widget_get_width (child));
      shot = g_strdup_printf ("narrow-%d-%s.png", width, pages[i]);
      lb_test_save_screenshot (GTK_WIDGET (window), shot);
      g_clear_pointer (&shot, g_free);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* Issue 15.8: a custom cadence shows as "Every 14 days", not as the choice "Every few days…",
 * and follows the days. */
static void
test_custom_cadence_shown (Fixture       *f,
                           gconstpointer  data)
{
  LbWindow *window = new_window (f, 1100, 760);
  GtkWidget *page;
  AdwComboRow *cadence;
  GtkSpinButton *days;
  g_autoptr(LbLeaderboard) lb = NULL;

  import_through_window (window, "wide-cp932.csv");
  page = lb_window_get_page (LB_WINDOW (window), "overview");
  cadence = ADW_COMBO_ROW (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "cadence_row"));
  days = GTK_SPIN_BUTTON (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "cadence_days_spin"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "overview");
  adw_combo_row_set_selected (cadence, LB_CADENCE_CUSTOM);
  gtk_spin_button_set_value (days, 14);
  lb_test_spin (300);
  g_assert_true (shows_label (GTK_WIDGET (cadence), "Every 14 days"));
  g_assert_false (shows_label (GTK_WIDGET (cadence), "Every few days…"));
  gtk_spin_button_set_value (days, 10);
  lb_test_spin (300);
  g_assert_true (shows_label (GTK_WIDGET (cadence), "Every 10 days"));
  /* Saved after the typing pause, and shown the same after the reload that follows. */
  lb_test_spin (1500);
  g_assert_true (shows_label (GTK_WIDGET (cadence), "Every 10 days"));
  lb = lb_store_get_leaderboard (f->store, lb_window_get_leaderboard_id (window), NULL);
  g_assert_cmpint (lb->update_cadence_days, ==, 10);
  lb_test_save_screenshot (GTK_WIDGET (window), "custom-cadence.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The GtkLabel under @widget showing @text, mapped or not. */
static GtkLabel *
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 15.8: the chosen workflow pattern is shown whole (it was cut: "P1 · External …"), the
 * list explains each pattern under its name, and the owner is not cut in the stat card. */
static void
test_pattern_and_owner_whole (Fixture       *f,
                              gconstpointer  data)
{
  LbWindow *window = new_window (f, 800, 600);
  GtkWidget *page;
  AdwComboRow *pattern;
  g_autofree char *shown = NULL;
  GtkLabel *label;
  GtkLabel *owner;

  import_through_window (window, "wide-cp932.csv");
  g_assert_true (lb_store_set_leaderboard_field (f->store, lb_window_get_leaderboard_id (window),
                                                 LB_LEADERBOARD_FIELD_OWNER,
                                                 "Tanaka Hiroshi (Information Systems)", NULL));
  lb_test_spin (300);
  page = lb_window_get_page (LB_WINDOW (window), "overview");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "overview");
  pattern = ADW_COMBO_ROW (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "pattern_row"));
  adw_combo_row_set_selected (pattern, 1);
  lb_test_spin (300);
  shown = g_strdup_printf ("P1 · %s", lb_workflow_pattern_name ("P1"));
  label = find_label_text (GTK_WIDGET (pattern), shown);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);

  /* The list: each pattern's explanation under its name. */
  gtk_widget_activate (GTK_WIDGET (pattern));
  lb_test_spin (500);
  label = find_label_text (GTK_WIDGET (pattern), lb_workflow_pattern_explanation ("P2"));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  lb_test_save_screenshot (GTK_WIDGET (window), "workflow-pattern-list.png");
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_POPOVER)));
  lb_test_spin (300);

  /* The owner: three lines, and the whole name in the tooltip. */
  owner = GTK_LABEL (lb_test_template_child (page, LB_TYPE_OVERVIEW_PAGE, "owner_label"));
  g_assert_cmpint (gtk_label_get_lines (owner), >=, 3);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (owner)), ==, "Tanaka Hiroshi (Information Systems)");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 15.3: at 800 × 600 (and 600 × 600) every page fits the height too (Compare asked for 607 px, which put
 * the bar of pages below a 600 px screen); its controls and notes scroll instead. */
static void
test_800_by_600_fits (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const pages[] = { "overview", "results", "compare", "smells", "history" };
  LbWindow *window = new_window (f, 1100, 760);
  AdwViewStack *stack = ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack"));
  GtkWidget *child = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  import_through_window (window, "wide-cp932.csv");
  gtk_window_set_default_size (GTK_WINDOW (window), GPOINTER_TO_INT (data), 600);
  lb_test_spin (400);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int min = 0;

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      lb_test_spin (300);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (child), &min, NULL, NULL, NULL);
      if (min > 600)
        g_test_message ("%s needs %d px of height", pages[i], min);
      g_assert_cmpint (min, <=, 600);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 15.8: the same file again: the window points at its checkbox, not at --force. */
static void
test_duplicate_points_at_checkbox (Fixture       *f,
                                   gconstpointer  data)
{
  LbWindow *window = new_window (f, 1100, 760);
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-cp932.csv");
  LbImportAssistant *assistant;
  const char *status;

  import_through_window (window, "wide-cp932.csv");
  lb_window_import_file (window, file);
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  lb_test_wait_idle (assistant);
  status = gtk_label_get_label (GTK_LABEL (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "status_label")));
  g_assert_nonnull (strstr (status, "already imported"));
  g_assert_nonnull (strstr (status, "“Import this file again anyway”"));
  g_assert_null (strstr (status, "--force"));
  g_assert_true (gtk_widget_get_visible (lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "force_check")));
  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 15.8: "Print to File" proposes the name Export proposes, in the last folder used. */
static void
test_print_proposes_export_name (void)
{
  g_autoptr(LbReport) report = lb_report_new ("Support bot", "2 December 2026");
  g_autoptr(GtkPrintOperation) operation = lb_report_print_operation_new (report, NULL);
  g_autoptr(GtkPrintSettings) last = gtk_print_settings_new ();
  GtkPrintSettings *settings;

  gtk_print_settings_set (last, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///tmp/reports/output.pdf");
  gtk_print_operation_set_print_settings (operation, last);
  lb_report_print_suggest_name (operation, "Support bot review 2026-12-02.pdf");
  settings = gtk_print_operation_get_print_settings (operation);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "Support bot review 2026-12-02");
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==, "file:///tmp/reports");
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *text = find_text (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static void
count_imported_cb (LbImportAssistant *assistant,
                   gint64             leaderboard_id,
                   gint64             import_id,
                   guint              results,
                   const char        *file_name,
                   guint             *count)
{
  (*count)++;
}

/* Issue 15.8: Enter in the assistant's name field presses Import. */
static void
test_enter_in_name_imports (Fixture       *f,
                            gconstpointer  data)
{
  LbWindow *window = new_window (f, 1100, 760);
  g_autoptr(GFile) file = lb_test_import_fixture ("wide-cp932.csv");
  g_autoptr(LbLeaderboard) lb = NULL;
  LbImportAssistant *assistant;
  GtkWidget *name;
  guint imported = 0;

  lb_window_import_file (window, file);
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  name = lb_test_template_child (assistant, LB_TYPE_IMPORT_ASSISTANT, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name), "Support bot");
  lb_test_wait_idle (assistant);
  g_signal_connect (assistant, "imported", G_CALLBACK (count_imported_cb), &imported);
  g_object_ref (assistant);
  /* As after typing the name: the focus is in the field. */
  g_assert_true (gtk_widget_grab_focus (name));
  g_signal_emit_by_name (find_text (name), "activate");
  /* An activated button shows itself pressed for a moment before it clicks. */
  lb_test_spin (500);
  lb_test_wait_idle (assistant);
  g_object_unref (assistant);
  g_assert_cmpuint (imported, ==, 1);
  lb = lb_store_find_leaderboard (f->store, "Support bot", NULL);
  g_assert_nonnull (lb);
  g_assert_cmpuint (count_current_results (f->store, lb->id), ==, 9);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 15.8: a warning names its row and column once, in the subtitle. */
static void
test_warning_row_says_where_once (void)
{
  LbWarning warning = { 4, 6, (char *) "row 4, column F (MT-bench): Llama 3.1 70B has no MT-bench score. "
                                         "Excel error #N/A (the value is not available)." };
  LbWarning whole = { 0, 0, (char *) "The file ends inside a quoted cell." };
  g_autoptr(GtkWidget) row = g_object_ref_sink (lb_warning_row_new (&warning, "MT-bench"));
  g_autoptr(GtkWidget) other = g_object_ref_sink (lb_warning_row_new (&whole, NULL));

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Llama 3.1 70B has no MT-bench score. Excel error #N/A (the value is not available).");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Row 4, column F (MT-bench)");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (other)), ==, whole.message);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (other)), ==, "Whole file");
  /* The row keeps its own copy of the warning, and shows names as they are, over 3 lines. */
  g_assert_true (lb_warning_row_get_warning (LB_WARNING_ROW (row)) != &warning);
  g_assert_cmpuint (lb_warning_row_get_warning (LB_WARNING_ROW (row))->row, ==, 4);
  g_assert_cmpuint (lb_warning_row_get_warning (LB_WARNING_ROW (row))->column, ==, 6);
  g_assert_cmpstr (lb_warning_row_get_warning (LB_WARNING_ROW (row))->message, ==, warning.message);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpint (adw_action_row_get_title_lines (ADW_ACTION_ROW (row)), ==, 3);
}

/* The colour of the pixel at (@x, @y) of what @widget shows, as 0xRRGGBB. */
static guint32
pixel_at (GtkWidget *widget,
          int        x,
          int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint32 *pixels = g_new0 (guint32, (gsize) width * height);
  guint32 value;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* GDK_MEMORY_DEFAULT: B, G, R, A bytes, premultiplied; the window is opaque. */
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  value = pixels[y * width + x] & 0xffffff;
  g_free (pixels);
  return value;
}

/* Issue 15.8: a file dragged over the window outlines where it will land. */
static void
test_drop_highlight (Fixture       *f,
                     gconstpointer  data)
{
  LbWindow *window = new_window (f, 900, 600);
  GtkWidget *overlay = lb_test_template_child (window, LB_TYPE_WINDOW, "toast_overlay");
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int y = gtk_widget_get_height (content) / 2;
  guint32 before, during;
  gboolean has_target = FALSE;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (overlay);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      has_target |= GTK_IS_DROP_TARGET (controller);
    }
  g_assert_true (has_target);
  lb_test_spin (200);
  before = pixel_at (content, 1, y);
  /* What GTK sets on the target's widget while a drag hovers over it. */
  gtk_widget_set_state_flags (overlay, GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
  lb_test_spin (200);
  during = pixel_at (content, 1, y);
  lb_test_save_screenshot (GTK_WIDGET (window), "drop-highlight.png");
  g_assert_cmpuint (before, !=, during);
  /* Blue: the accent colour. */
  g_assert_cmpuint (during & 0xff, >, ((during >> 16) & 0xff) + 60);
  gtk_widget_unset_state_flags (overlay, GTK_STATE_FLAG_DROP_ACTIVE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_expanders (GtkWidget *widget,
                   GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child))
        g_ptr_array_add (out, child);
      else
        collect_expanders (child, out);
    }
}

static AdwExpanderRow *
expander_titled (GPtrArray  *rows,
                 guint       from,
                 const char *title)
{
  for (guint i = from; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
  return NULL;
}

/* Issue 15.6: the Smells page tells "the checks found nothing" from "nobody looked", and can
 * show only what needs a look. */
static void
test_smells_filter_and_states (Fixture       *f,
                               gconstpointer  data)
{
  LbWindow *window = new_window (f, 1100, 760);
  GtkWidget *page;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  LbSmellCounts counts;
  guint shown = 0;
  gint64 id;

  import_through_window (window, "wide-cp932.csv");
  id = lb_window_get_leaderboard_id (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (lb_test_template_child (window, LB_TYPE_WINDOW, "view_stack")),
                                         "smells");
  lb_test_spin (500);
  page = lb_window_get_page (LB_WINDOW (window), "smells");
  collect_expanders (lb_test_template_child (page, LB_TYPE_SMELLS_PAGE, "groups_box"), rows);
  g_assert_cmpuint (rows->len, ==, LB_N_SMELLS * LB_N_COMPONENTS);

  /* Rows are in catalogue order: smell by smell, component by component. Confusing entity
   * is first; the evaluation harness has no automatic check, the submission channel of an
   * unresponsive leaderboard has one that found nothing here. */
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (expander_titled (rows, 0, "Evaluation harness")),
                                   "Nobody has looked"));
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (expander_titled (rows, rows->len - LB_N_COMPONENTS,
                                                                                   "Submission channel")),
                                   "Checked: nothing found"));

  gtk_switch_set_active (GTK_SWITCH (lb_test_template_child (page, LB_TYPE_SMELLS_PAGE, "attention_switch")), TRUE);
  lb_test_iterate (5);
  g_assert_true (lb_smells_count_stored (f->store, id, &counts, NULL));
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (rows, i)))
      {
        shown++;
        g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "lb-smell-attention"));
      }
  g_assert_cmpuint (counts.attention, >, 0);
  g_assert_cmpuint (shown, ==, counts.attention);
  lb_test_save_screenshot (GTK_WIDGET (window), "smells-needs-a-look.png");
  gtk_switch_set_active (GTK_SWITCH (lb_test_template_child (page, LB_TYPE_SMELLS_PAGE, "attention_switch")), FALSE);
  lb_test_iterate (5);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, i)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

/* Exports the shown leaderboard through the window's menu action into the fixture's folder,
 * as a person would in the file chooser, and returns what was written. */
static char *
export_through_window (Fixture    *f,
                       LbWindow   *window,
                       const char *format,
                       const char *proposed)
{
  g_autofree char *path = g_build_filename (f->dir, proposed, NULL);
  GtkFileChooser *chooser = NULL;
  char *contents = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-data", "s", format));
  while ((chooser = find_file_chooser ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (chooser);
  /* It proposes the leaderboard's name with the format's extension. */
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    g_assert_cmpstr (name, ==, proposed);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  lb_test_iterate (5);
  g_assert_null (find_file_chooser ());
  /* What the chooser's Export button calls (answering GTK's own chooser from a test is not
     reliable: it takes the answer only once it has looked at the folder). */
  {
    g_autoptr(GFile) target = g_file_new_for_path (path);

    lb_window_export_file (window, format, target);
  }
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    lb_test_spin (50);
  lb_test_spin (200);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Issue 15.8: the window exports a leaderboard as CSV for Excel and as LBOM (the CLI could,
 * the window could not). */
static void
test_export_csv_and_lbom (Fixture       *f,
                          gconstpointer  data)
{
  LbWindow *window = new_window (f, 1100, 760);
  g_autofree char *csv = NULL;
  g_autofree char *lbom = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *lbom_path = NULL;

  import_through_window (window, "wide-cp932.csv");

  csv = export_through_window (f, window, "csv", "wide-cp932.csv");
  g_assert_nonnull (strstr (csv, "Claude 3.5 Sonnet"));
  g_assert_nonnull (strstr (csv, "JMMLU"));

  lbom = export_through_window (f, window, "lbom", "wide-cp932.lbom.json");
  g_assert_nonnull (strstr (lbom, "\"leaderboards\""));
  /* What was written reads back, into a colleague's database. */
  other_path = g_build_filename (f->dir, "other.db", NULL);
  lbom_path = g_build_filename (f->dir, "wide-cp932.lbom.json", NULL);
  other = lb_store_open (other_path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (lbom_path);
  g_assert_true (lb_lbom_import_file (other, file, NULL, &names, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "wide-cp932");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LEADERBOARD_DB", "/nonexistent/never-used.db", TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  {
    /* AdwApplication loads the app's style.css itself; the tests build windows without it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/Leaderboard/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/undo/ctrl-z-in-text-field", test_ctrl_z_in_text_field);
  ADD ("/window/overview/custom-cadence-shown", test_custom_cadence_shown);
  ADD ("/window/overview/pattern-and-owner-whole", test_pattern_and_owner_whole);
  ADD ("/window/import/duplicate-points-at-checkbox", test_duplicate_points_at_checkbox);
  g_test_add_func ("/window/report/print-proposes-export-name", test_print_proposes_export_name);
  ADD ("/window/import/enter-in-name-imports", test_enter_in_name_imports);
  g_test_add_func ("/window/import/warning-says-where-once", test_warning_row_says_where_once);
  ADD ("/window/import/drop-highlight", test_drop_highlight);
  ADD ("/window/smells/filter-and-states", test_smells_filter_and_states);
  ADD ("/window/export/csv-and-lbom", test_export_csv_and_lbom);
  ADD ("/window/start/builds-what-is-shown", test_start_builds_what_is_shown);
  ADD ("/window/start/shortcuts-built-when-asked", test_shortcuts_built_when_asked);
  g_test_add_func ("/window/sidebar/item-overdue", test_sidebar_item_overdue);
  ADD ("/window/start/menus-made-when-opened", test_menus_made_when_opened);
  g_test_add ("/window/narrow/800x600/every-page-fits", Fixture, GINT_TO_POINTER (800), fixture_setup,
              test_800_by_600_fits, fixture_teardown);
  g_test_add ("/window/narrow/600x600/every-page-fits", Fixture, GINT_TO_POINTER (600), fixture_setup,
              test_800_by_600_fits, fixture_teardown);
  g_test_add ("/window/narrow/360/every-page-reachable", Fixture, GINT_TO_POINTER (360), fixture_setup,
              test_narrow_every_page_reachable, fixture_teardown);
#undef ADD
  return g_test_run ();
}
