/* SPDX-License-Identifier: GPL-3.0-or-later */
/* g_object_new() alone makes each public widget of the UI, with what it
 * needs given as its properties: the window (settings, kiosk mode,
 * content), the kiosk (window, settings, idle warning), the keypad
 * (target, page), the QR view (text), the preferences (settings). Nothing
 * has to be set after construction for the object to work. */
#include "config.h"

#include "gma-attract-screen.h"
#include "gma-idle-overlay.h"
#include "gma-preferences-window.h"
#include "gma-qr-view.h"
#include "ui-test-util.h"

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

/* The window, from its properties only: no application, no setter. */
static void
test_window (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  g_autoptr(GSettings) got_settings = NULL;
  g_autoptr(GmaContent) got_content = NULL;
  GmaWindow *window;
  gboolean kiosk_mode = TRUE;

  g_assert_no_error (error);
  g_settings_set_boolean (settings, "show-sidebar", FALSE);
  window = g_object_new (GMA_TYPE_WINDOW,
                         "settings", settings,
                         "kiosk-mode", FALSE,
                         "content", content,
                         NULL);

  g_object_get (window, "settings", &got_settings, "kiosk-mode", &kiosk_mode,
                "content", &got_content, NULL);
  g_assert_true (got_settings == settings);
  g_assert_false (kiosk_mode);
  g_assert_true (got_content == content);
  g_assert_true (gma_window_get_content (window) == content);
  /* The settings were read at construction: the sidebar is hidden, as
   * they say, and the walk has begun in the content. */
  g_assert_false (gtk_revealer_get_reveal_child (window->sidebar_revealer));
  g_assert_nonnull (gma_window_get_session (window));
  g_assert_cmpstr (gma_node_get_id (gma_session_get_current (gma_window_get_session (window))), ==,
                   gma_node_get_id (gma_flow_get_start (gma_content_get_flow (content))));
  g_assert_null (window->kiosk);
  /* The header is the first row of the full-screen box, which lies in the
   * overlay, the window's child. */
  g_assert_true (gtk_window_get_child (GTK_WINDOW (window)) == GTK_WIDGET (window->overlay));
  g_assert_true (gtk_overlay_get_child (window->overlay) == window->fullscreen_box);
  g_assert_true (gtk_widget_get_first_child (window->fullscreen_box) == GTK_WIDGET (window->header_bar));
  g_assert_null (gtk_revealer_get_child (window->keypad_revealer));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In kiosk mode the kiosk's parts go into the places the template keeps
 * for them: nothing is rebuilt. */
static void
test_kiosk_window (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GmaContent) content = gma_content_new_embedded (&error);
  GmaWindow *window;
  GtkWidget *box;

  g_assert_no_error (error);
  window = g_object_new (GMA_TYPE_WINDOW,
                         "settings", settings,
                         "kiosk-mode", TRUE,
                         "content", content,
                         NULL);
  box = window->fullscreen_box;

  g_assert_nonnull (window->kiosk);
  g_assert_true (gma_kiosk_get_active (window->kiosk->kiosk));
  g_assert_true (gma_kiosk_get_window (window->kiosk->kiosk) == GTK_WINDOW (window));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)) || !gtk_widget_get_realized (GTK_WIDGET (window)));
  /* The same overlay, box and header as on a desktop. */
  g_assert_true (gtk_window_get_child (GTK_WINDOW (window)) == GTK_WIDGET (window->overlay));
  g_assert_true (gtk_overlay_get_child (window->overlay) == box);
  g_assert_true (gtk_widget_get_first_child (box) == GTK_WIDGET (window->header_bar));
  g_assert_true (gtk_widget_get_parent (window->kiosk->attract_screen) == GTK_WIDGET (window->overlay));
  g_assert_true (gtk_widget_get_parent (window->kiosk->qr_view) == GTK_WIDGET (window->overlay));
  g_assert_true (gtk_revealer_get_child (window->keypad_revealer) == GTK_WIDGET (window->kiosk->keypad));
  g_assert_true (gtk_widget_get_parent (window->kiosk->language_button) != NULL);
  /* The attract screen covers the box, which cannot be reached under it. */
  g_assert_true (gtk_widget_get_visible (window->kiosk->attract_screen));
  g_assert_false (gtk_widget_get_sensitive (box));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_kiosk (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = gma_idle_overlay_new ();
  GtkWidget *box = gtk_overlay_new ();
  g_autoptr(GmaKiosk) kiosk = NULL;
  g_autoptr(GtkWindow) got_window = NULL;
  g_autoptr(GSettings) got_settings = NULL;
  g_autoptr(GmaIdleOverlay) got_overlay = NULL;

  g_settings_set_uint (settings, "idle-timeout", 42);
  gtk_overlay_add_overlay (GTK_OVERLAY (box), overlay);
  gtk_window_set_child (GTK_WINDOW (window), box);
  kiosk = g_object_new (GMA_TYPE_KIOSK,
                        "window", window,
                        "settings", settings,
                        "idle-overlay", overlay,
                        "warning-seconds", 7,
                        NULL);

  g_object_get (kiosk, "window", &got_window, "settings", &got_settings,
                "idle-overlay", &got_overlay, NULL);
  g_assert_true (got_window == GTK_WINDOW (window));
  g_assert_true (got_settings == settings);
  g_assert_true (got_overlay == GMA_IDLE_OVERLAY (overlay));
  /* The idle timeout follows the settings; the overlay waits, hidden. */
  g_assert_cmpuint (gma_kiosk_get_idle_timeout (kiosk), ==, 42);
  g_assert_cmpuint (gma_kiosk_get_warning_seconds (kiosk), ==, 7);
  g_assert_false (gtk_widget_get_visible (overlay));
  g_assert_false (gma_kiosk_get_active (kiosk));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_widgets (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  GtkWidget *keypad = g_object_ref_sink (g_object_new (GMA_TYPE_KANA_KEYPAD,
                                                       "target", entry,
                                                       "page", "latin",
                                                       NULL));
  GtkWidget *qr = g_object_ref_sink (g_object_new (GMA_TYPE_QR_VIEW, "text", "https://www.g-mis.net/", NULL));
  GtkWidget *preferences = g_object_new (GMA_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
  GtkWidget *plain[] = {
    g_object_ref_sink (g_object_new (GMA_TYPE_ATTRACT_SCREEN, NULL)),
    g_object_ref_sink (g_object_new (GMA_TYPE_IDLE_OVERLAY, NULL)),
    g_object_ref_sink (g_object_new (GMA_TYPE_FAQ_SIDEBAR, NULL)),
    g_object_ref_sink (g_object_new (GMA_TYPE_QUESTION_VIEW, NULL)),
    g_object_ref_sink (g_object_new (GMA_TYPE_PAGE_VIEW, NULL)),
  };
  g_autoptr(GSettings) got_settings = NULL;

  g_assert_true (gma_kana_keypad_get_target (GMA_KANA_KEYPAD (keypad)) == GTK_EDITABLE (entry));
  g_assert_cmpstr (gma_kana_keypad_get_page (GMA_KANA_KEYPAD (keypad)), ==, "latin");
  g_assert_cmpstr (gma_qr_view_get_text (GMA_QR_VIEW (qr)), ==, "https://www.g-mis.net/");
  g_assert_nonnull (gma_qr_view_get_texture (GMA_QR_VIEW (qr)));
  g_object_get (preferences, "settings", &got_settings, NULL);
  g_assert_true (got_settings == settings);
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_assert_true (GTK_IS_WIDGET (plain[i]));
      g_object_unref (plain[i]);
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_object_unref (qr);
  g_object_unref (keypad);
  g_object_unref (entry);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/construct/window", test_window);
  g_test_add_func ("/construct/kiosk-window", test_kiosk_window);
  g_test_add_func ("/construct/kiosk", test_kiosk);
  g_test_add_func ("/construct/widgets", test_widgets);

  return g_test_run ();
}
