/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk building blocks in a real display (Xvfb): the kana keypad typing
 * into a GtkEntry, QR codes read back by zbarimg, the idle overlay's
 * countdown, the attract screen, and GmaKiosk holding a window (close
 * refused, full screen kept, keys and secondary clicks swallowed end to
 * end through XTEST when xdotool is there, idle warning and reset,
 * clipboards emptied). */
#define G_LOG_DOMAIN "test-kiosk-widgets"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gma-attract-screen.h"
#include "gma-idle-overlay.h"
#include "gma-kana-keypad.h"
#include "gma-kiosk.h"
#include "gma-qr-view.h"
#include "gma-qr.h"
#include "gma-ui-resources.h"
#include "ui-test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* Iterates until *flag is set or the guard runs out; returns *flag. */
static gboolean
spin_until (const gboolean *flag,
            guint           timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!*flag && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }

  return *flag;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
count (guint *counter)
{
  (*counter)++;
}

static GtkWidget *
find_widget (GtkWidget   *root,
             GType        type,
             const char  *text)
{
  const char *got = NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (GTK_IS_BUTTON (root))
        got = gtk_button_get_label (GTK_BUTTON (root));
      else if (GTK_IS_LABEL (root))
        got = gtk_label_get_text (GTK_LABEL (root));

      if (g_strcmp0 (got, text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = find_widget (root, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_error ("No button “%s”", label);

  return button;
}

static void
press (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  /* What the button's click gesture emits on release. (Keyboard
   * activation, gtk_widget_activate(), emits it only after a delay.) */
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
window_new (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);

  return window;
}

/* ------------------------------------------------------------------ */
/* Kana keypad                                                          */
/* ------------------------------------------------------------------ */

static void
test_kana_marks (void)
{
  /* ゛ */
  g_assert_cmpuint (gma_kana_apply_mark (0x304B /* か */, GMA_KANA_MARK_DAKUTEN), ==, 0x304C /* が */);
  g_assert_cmpuint (gma_kana_apply_mark (0x304C /* が */, GMA_KANA_MARK_DAKUTEN), ==, 0x304B /* か */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3046 /* う */, GMA_KANA_MARK_DAKUTEN), ==, 0x3094 /* ゔ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3064 /* つ */, GMA_KANA_MARK_DAKUTEN), ==, 0x3065 /* づ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3071 /* ぱ */, GMA_KANA_MARK_DAKUTEN), ==, 0x3070 /* ば */);
  g_assert_cmpuint (gma_kana_apply_mark (0x307B /* ほ */, GMA_KANA_MARK_DAKUTEN), ==, 0x307C /* ぼ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3042 /* あ */, GMA_KANA_MARK_DAKUTEN), ==, 0);
  g_assert_cmpuint (gma_kana_apply_mark (0x3093 /* ん */, GMA_KANA_MARK_DAKUTEN), ==, 0);
  g_assert_cmpuint (gma_kana_apply_mark ('A', GMA_KANA_MARK_DAKUTEN), ==, 0);

  /* ゜ */
  g_assert_cmpuint (gma_kana_apply_mark (0x306F /* は */, GMA_KANA_MARK_HANDAKUTEN), ==, 0x3071 /* ぱ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3070 /* ば */, GMA_KANA_MARK_HANDAKUTEN), ==, 0x3071 /* ぱ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3071 /* ぱ */, GMA_KANA_MARK_HANDAKUTEN), ==, 0x306F /* は */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3078 /* へ */, GMA_KANA_MARK_HANDAKUTEN), ==, 0x307A /* ぺ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x304B /* か */, GMA_KANA_MARK_HANDAKUTEN), ==, 0);

  /* 小 */
  g_assert_cmpuint (gma_kana_apply_mark (0x3064 /* つ */, GMA_KANA_MARK_SMALL), ==, 0x3063 /* っ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3063 /* っ */, GMA_KANA_MARK_SMALL), ==, 0x3064 /* つ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3084 /* や */, GMA_KANA_MARK_SMALL), ==, 0x3083 /* ゃ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x3042 /* あ */, GMA_KANA_MARK_SMALL), ==, 0x3041 /* ぁ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x308F /* わ */, GMA_KANA_MARK_SMALL), ==, 0x308E /* ゎ */);
  g_assert_cmpuint (gma_kana_apply_mark (0x304B /* か */, GMA_KANA_MARK_SMALL), ==, 0);
}

static void
assert_entry (GtkWidget  *entry,
              const char *text,
              int         position)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, position);
}

static void
test_kana_keypad_typing (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *keypad = gma_kana_keypad_new ();
  GtkWidget *window;
  GtkWidget *key;
  int min_w, min_h;

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), keypad);
  window = window_new (box);

  /* No target: the keys do nothing and say so. */
  g_assert_false (gtk_widget_is_sensitive (find_button (keypad, "か")));

  gma_kana_keypad_set_target (GMA_KANA_KEYPAD (keypad), GTK_EDITABLE (entry));
  g_assert_true (gma_kana_keypad_get_target (GMA_KANA_KEYPAD (keypad)) == GTK_EDITABLE (entry));
  gtk_widget_grab_focus (entry);

  press (keypad, "か");
  assert_entry (entry, "か", 1);
  press (keypad, "゛");
  assert_entry (entry, "が", 1);
  press (keypad, "゛");
  assert_entry (entry, "か", 1);

  press (keypad, "Clear");
  assert_entry (entry, "", 0);

  press (keypad, "は");
  press (keypad, "゜");
  assert_entry (entry, "ぱ", 1);
  press (keypad, "゛");
  assert_entry (entry, "ば", 1);
  press (keypad, "゜");
  assert_entry (entry, "ぱ", 1);

  press (keypad, "つ");
  press (keypad, "小");
  assert_entry (entry, "ぱっ", 2);
  press (keypad, "う");
  press (keypad, "゛");
  press (keypad, "ー");
  assert_entry (entry, "ぱっゔー", 4);

  press (keypad, "⌫");
  assert_entry (entry, "ぱっゔ", 3);
  press (keypad, "⌫");
  press (keypad, "⌫");
  press (keypad, "⌫");
  assert_entry (entry, "", 0);
  /* Nothing before the cursor: nothing happens. */
  press (keypad, "⌫");
  press (keypad, "゛");
  assert_entry (entry, "", 0);

  /* In the middle of the text, at the cursor. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "かき");
  gtk_editable_set_position (GTK_EDITABLE (entry), 1);
  press (keypad, "゛");
  assert_entry (entry, "がき", 1);
  press (keypad, "あ");
  assert_entry (entry, "があき", 2);
  press (keypad, "⌫");
  assert_entry (entry, "がき", 1);

  /* A selection is replaced. */
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, 2);
  press (keypad, "ん");
  assert_entry (entry, "ん", 1);

  press (keypad, "Space");
  assert_entry (entry, "ん ", 2);

  /* The A–Z / 0–9 page. */
  g_assert_cmpstr (gma_kana_keypad_get_page (GMA_KANA_KEYPAD (keypad)), ==, "kana");
  press (keypad, "A–Z / 0–9");
  g_assert_cmpstr (gma_kana_keypad_get_page (GMA_KANA_KEYPAD (keypad)), ==, "latin");
  spin (50);
  g_assert_true (gtk_widget_get_mapped (find_button (keypad, "Q")));
  g_assert_false (gtk_widget_get_mapped (find_button (keypad, "か")));
  press (keypad, "Q");
  press (keypad, "7");
  press (keypad, "@");
  assert_entry (entry, "ん Q7@", 5);
  press (keypad, "Kana");
  g_assert_cmpstr (gma_kana_keypad_get_page (GMA_KANA_KEYPAD (keypad)), ==, "kana");

  /* Keys are touch sized and leave the focus in the entry when touched;
   * they take it from the keyboard or a switch. */
  key = find_button (keypad, "ぬ");
  gtk_widget_measure (key, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (key, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
  g_assert_cmpint (min_w, >=, 48);
  g_assert_cmpint (min_h, >=, 48);
  g_assert_true (gtk_widget_get_focusable (key));
  g_assert_false (gtk_widget_get_focus_on_click (key));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  press (keypad, "Clear");
  assert_entry (entry, "", 0);

  /* The keypad does not keep its target alive. */
  entry = g_object_ref_sink (gtk_entry_new ());
  gma_kana_keypad_set_target (GMA_KANA_KEYPAD (keypad), GTK_EDITABLE (entry));
  g_assert_true (gtk_widget_is_sensitive (find_button (keypad, "か")));
  g_object_unref (entry);
  g_assert_null (gma_kana_keypad_get_target (GMA_KANA_KEYPAD (keypad)));
  g_assert_false (gtk_widget_is_sensitive (find_button (keypad, "か")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The FAQ search uses a GtkSearchEntry: typing on the keypad is a search. */
static void
test_kana_keypad_search_entry (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *keypad = gma_kana_keypad_new ();
  GtkWidget *window;
  gboolean searched = FALSE;

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), keypad);
  window = window_new (box);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (set_flag), &searched);
  gma_kana_keypad_set_target (GMA_KANA_KEYPAD (keypad), GTK_EDITABLE (entry));

  press (keypad, "は");
  press (keypad, "゜");
  press (keypad, "す");
  assert_entry (entry, "ぱす", 2);
  g_assert_true (spin_until (&searched, 2000));

  searched = FALSE;
  press (keypad, "Clear");
  assert_entry (entry, "", 0);
  g_assert_true (spin_until (&searched, 2000));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* QR codes                                                             */
/* ------------------------------------------------------------------ */

static char *
decode_with_zbar (GdkTexture *texture)
{
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "zbarimg", "--raw", "-q", NULL, NULL };
  int status = 0;

  dir = g_dir_make_tmp ("gma-qr-XXXXXX", &error);
  g_assert_no_error (error);
  png = g_build_filename (dir, "qr.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, png));

  argv[3] = png;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_unlink (png);
  g_rmdir (dir);

  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;

  /* zbarimg ends each symbol with a newline. */
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';

  return g_steal_pointer (&out);
}

static void
test_qr_texture (void)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  int side, modules;
  gsize stride;

  texture = gma_qr_texture_new ("https://www.g-mis.mhlw.go.jp/", 4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (texture);

  side = gdk_texture_get_width (texture);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, side);
  g_assert_cmpint (side % 4, ==, 0);
  modules = side / 4 - 2 * GMA_QR_QUIET_ZONE;
  /* A QR symbol is 21, 25, 29 … modules wide. */
  g_assert_cmpint (modules, >=, 21);
  g_assert_cmpint ((modules - 21) % 4, ==, 0);

  stride = (gsize) side * 4;
  pixels = g_malloc (stride * side);
  gdk_texture_download (texture, pixels, stride);

#define PIXEL(x, y) (pixels + (gsize) (y) * stride + (gsize) (x) * 4)
  /* The quiet zone is white all round. */
  for (int i = 0; i < side; i++)
    for (int q = 0; q < GMA_QR_QUIET_ZONE * 4; q++)
      {
        g_assert_cmphex (PIXEL (i, q)[0], ==, 0xff);
        g_assert_cmphex (PIXEL (q, i)[1], ==, 0xff);
        g_assert_cmphex (PIXEL (i, side - 1 - q)[2], ==, 0xff);
        g_assert_cmphex (PIXEL (side - 1 - q, i)[0], ==, 0xff);
      }
  /* The top-left finder: dark corner, light ring, dark centre. */
  g_assert_cmphex (PIXEL (16, 16)[0], ==, 0x00);
  g_assert_cmphex (PIXEL (16 + 4 + 1, 16 + 4 + 1)[0], ==, 0xff);
  g_assert_cmphex (PIXEL (16 + 12 + 2, 16 + 12 + 2)[0], ==, 0x00);
#undef PIXEL
}

static void
test_qr_errors (void)
{
  g_autoptr(GdkTexture) empty = NULL;
  g_autoptr(GdkTexture) huge = NULL;
  g_autoptr(GdkTexture) largest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (3000, 'a');
  g_autofree char *long_ok = g_strnfill (2000, 'a');

  empty = gma_qr_texture_new ("", 4, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (empty);
  g_clear_error (&error);

  huge = gma_qr_texture_new (too_long, 1, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (huge);
  g_clear_error (&error);

  largest = gma_qr_texture_new (long_ok, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (largest);
}

static void
test_qr_decodes (void)
{
  static const char * const texts[] = {
    "https://www.g-mis.mhlw.go.jp/",
    "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryuu/iryuu/teikyouseido/index.html",
    "mailto:info@g-mis.net",
    "https://www.med-login.mhlw.go.jp/s/login/",
    "MiXeD CaSe 0123",
  };
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *decoded = NULL;

      texture = gma_qr_texture_new (texts[i], 4, &error);
      g_assert_no_error (error);

      decoded = decode_with_zbar (texture);
      g_assert_cmpstr (decoded, ==, texts[i]);
    }
}

static void
test_qr_view (void)
{
  GtkWidget *view = gma_qr_view_new ();
  GtkWidget *window = window_new (view);
  g_autofree char *too_long = g_strnfill (3000, 'x');
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  gboolean closed = FALSE;
  int min_w;

  g_assert_true (gma_qr_view_set_uri (GMA_QR_VIEW (view), "https://www.g-mis.mhlw.go.jp/"));
  g_assert_cmpstr (gma_qr_view_get_text (GMA_QR_VIEW (view)), ==, "https://www.g-mis.mhlw.go.jp/");
  g_assert_nonnull (gma_qr_view_get_texture (GMA_QR_VIEW (view)));
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "https://www.g-mis.mhlw.go.jp/"));
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "Scan with your phone"));

  /* Drawn large, so that the picture is only ever scaled down. */
  g_assert_cmpint (gdk_texture_get_width (gma_qr_view_get_texture (GMA_QR_VIEW (view))), >=, 600);

  /* The shown code is the one that decodes. */
  if (zbarimg != NULL)
    {
      g_autofree char *decoded = decode_with_zbar (gma_qr_view_get_texture (GMA_QR_VIEW (view)));
      g_assert_cmpstr (decoded, ==, "https://www.g-mis.mhlw.go.jp/");
    }

  /* mailto: the code carries the URI, the visitor reads the address. */
  g_assert_true (gma_qr_view_set_uri (GMA_QR_VIEW (view), "mailto:info@g-mis.net?subject=x"));
  g_assert_cmpstr (gma_qr_view_get_text (GMA_QR_VIEW (view)), ==, "mailto:info@g-mis.net?subject=x");
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "info@g-mis.net"));

  /* Not a link to show. */
  g_assert_false (gma_qr_view_set_uri (GMA_QR_VIEW (view), "file:///etc/passwd"));
  g_assert_false (gma_qr_view_set_uri (GMA_QR_VIEW (view), "javascript:alert(1)"));
  g_assert_false (gma_qr_view_set_uri (GMA_QR_VIEW (view), "mailto:"));
  g_assert_cmpstr (gma_qr_view_get_text (GMA_QR_VIEW (view)), ==, "mailto:info@g-mis.net?subject=x");

  /* Too long for a code: the text alone. */
  gma_qr_view_set_text (GMA_QR_VIEW (view), too_long, "caption");
  g_assert_null (gma_qr_view_get_texture (GMA_QR_VIEW (view)));
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, too_long));
  g_assert_nonnull (find_widget (view, GTK_TYPE_LABEL, "caption"));

  /* A big Close. */
  g_signal_connect_swapped (view, "closed", G_CALLBACK (set_flag), &closed);
  gtk_widget_measure (find_button (view, "Close"), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  g_assert_cmpint (min_w, >=, 48);
  press (view, "Close");
  g_assert_true (closed);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Idle overlay and attract screen                                      */
/* ------------------------------------------------------------------ */

static void
test_idle_overlay (void)
{
  GtkWidget *overlay = gma_idle_overlay_new ();
  GtkWidget *window = window_new (overlay);
  gboolean timed_out = FALSE;
  gboolean continued = FALSE;
  gint64 start;

  g_signal_connect_swapped (overlay, "timeout", G_CALLBACK (set_flag), &timed_out);
  g_signal_connect_swapped (overlay, "continue", G_CALLBACK (set_flag), &continued);

  g_assert_nonnull (find_widget (overlay, GTK_TYPE_LABEL, "Do you want to continue?"));

  /* Counts down and times out. */
  start = g_get_monotonic_time ();
  gma_idle_overlay_start (GMA_IDLE_OVERLAY (overlay), 2);
  g_assert_cmpuint (gma_idle_overlay_get_remaining (GMA_IDLE_OVERLAY (overlay)), ==, 2);
  g_assert_nonnull (find_widget (overlay, GTK_TYPE_LABEL, "Returning to the start screen in 2 seconds"));
  g_assert_true (gma_idle_overlay_get_running (GMA_IDLE_OVERLAY (overlay)));
  g_assert_true (spin_until (&timed_out, 5000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1900 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (gma_idle_overlay_get_remaining (GMA_IDLE_OVERLAY (overlay)), ==, 0);
  g_assert_false (gma_idle_overlay_get_running (GMA_IDLE_OVERLAY (overlay)));
  g_assert_false (continued);

  /* Stopped: no timeout. */
  timed_out = FALSE;
  gma_idle_overlay_start (GMA_IDLE_OVERLAY (overlay), 1);
  g_assert_nonnull (find_widget (overlay, GTK_TYPE_LABEL, "Returning to the start screen in 1 second"));
  gma_idle_overlay_stop (GMA_IDLE_OVERLAY (overlay));
  spin (1500);
  g_assert_false (timed_out);

  /* Continue stops the countdown. */
  gma_idle_overlay_start (GMA_IDLE_OVERLAY (overlay), 1);
  press (overlay, "Continue");
  g_assert_true (continued);
  g_assert_false (gma_idle_overlay_get_running (GMA_IDLE_OVERLAY (overlay)));
  spin (1500);
  g_assert_false (timed_out);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_attract_screen (void)
{
  GtkWidget *screen = gma_attract_screen_new ();
  GtkWidget *window = window_new (screen);
  guint activated = 0;

  g_signal_connect_swapped (screen, "activated", G_CALLBACK (count), &activated);

  g_assert_nonnull (find_widget (screen, GTK_TYPE_LABEL, "G-MIS Mail Assistant"));
  g_assert_nonnull (find_widget (screen, GTK_TYPE_LABEL, "Touch the screen to start"));

  gtk_widget_activate_action (screen, "attract.activate", NULL);
  g_assert_cmpuint (activated, ==, 1);

  if (ui_have_xtest ())
    {
      gtk_window_fullscreen (GTK_WINDOW (window));
      spin (200);
      ui_xdotool (150, "mousemove 300 300 click 1");
      g_assert_cmpuint (activated, ==, 2);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* GmaKiosk                                                             */
/* ------------------------------------------------------------------ */

/* Without a window manager (Xvfb) GDK applies state changes of an
 * unmapped window itself, which is what this test relies on to see the
 * kiosk put full screen back. */
static void
test_kiosk_close_and_fullscreen (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GmaKiosk) kiosk = gma_kiosk_new (GTK_WINDOW (window), NULL);
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("kiosk"));

  gma_kiosk_set_active (kiosk, TRUE);
  g_assert_true (gma_kiosk_get_active (kiosk));
  g_assert_true (gtk_widget_has_css_class (window, "kiosk"));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));

  gtk_window_present (GTK_WINDOW (window));
  spin (300);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  /* Closing is refused. */
  gtk_window_close (GTK_WINDOW (window));
  spin (100);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (window));

  /* Leaving full screen puts it back. */
  gtk_widget_set_visible (window, FALSE);
  spin (100);
  gtk_window_unfullscreen (GTK_WINDOW (window));
  spin (100);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  /* Given back: the window is what it was, and may leave full screen. */
  gma_kiosk_set_active (kiosk, FALSE);
  g_assert_false (gtk_widget_has_css_class (window, "kiosk"));
  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (window)));
  spin (100);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  gtk_window_fullscreen (GTK_WINDOW (window));
  spin (100);
  gtk_window_unfullscreen (GTK_WINDOW (window));
  spin (100);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  gtk_window_close (GTK_WINDOW (window));
  spin (100);
  g_assert_null (weak);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  return NULL;
}

static gboolean
emit_key (GtkEventController *controller,
          guint               keyval,
          GdkModifierType     state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);

  return handled;
}

/* The filter is a capture-phase controller on the window that consults
 * the focus. */
static void
test_kiosk_key_controller (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("button");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *window;
  g_autoptr(GmaKiosk) kiosk = NULL;
  GtkEventController *keys;

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), entry);
  window = window_new (box);
  kiosk = gma_kiosk_new (GTK_WINDOW (window), NULL);

  g_assert_null (find_controller (window, "gma-kiosk-keys"));
  gma_kiosk_set_active (kiosk, TRUE);
  keys = find_controller (window, "gma-kiosk-keys");
  g_assert_nonnull (keys);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (keys), ==, GTK_PHASE_CAPTURE);

  gtk_widget_grab_focus (button);
  g_assert_true (emit_key (keys, GDK_KEY_q, GDK_CONTROL_MASK));
  g_assert_true (emit_key (keys, GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (emit_key (keys, GDK_KEY_F11, 0));
  g_assert_true (emit_key (keys, GDK_KEY_a, 0));
  g_assert_false (emit_key (keys, GDK_KEY_Tab, 0));

  gtk_widget_grab_focus (entry);
  g_assert_false (emit_key (keys, GDK_KEY_a, 0));
  g_assert_true (emit_key (keys, GDK_KEY_v, GDK_CONTROL_MASK));

  gma_kiosk_set_active (kiosk, FALSE);
  g_assert_null (find_controller (window, "gma-kiosk-keys"));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  guint quit;
  guint inspector;
} Hits;

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                Hits          *hits)
{
  hits->quit++;
}

static gboolean
enable_debugging_cb (GtkWindow *window,
                     gboolean   toggle,
                     Hits      *hits)
{
  hits->inspector++;
  /* Handled: never actually open the inspector in a test. */
  return TRUE;
}

/* Real key presses through the X server (XTEST), with an application
 * accelerator and GTK's own inspector binding listening. */
static void
test_kiosk_keys_end_to_end (void)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GSimpleAction) quit = NULL;
  g_autoptr(GmaKiosk) kiosk = NULL;
  g_autoptr(GError) error = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *first;
  GtkWidget *second;
  GtkWidget *entry;
  Hits hits = { 0, 0 };

  if (!ui_have_xtest ())
    {
      g_test_skip (ui_xtest_skip_reason ());
      return;
    }

  app = gtk_application_new ("io.github.gmisassistant.Assistant.TestKiosk",
                             G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  quit = g_simple_action_new ("quit", NULL);
  g_signal_connect (quit, "activate", G_CALLBACK (quit_activated), &hits);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (quit));
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);

  window = gtk_application_window_new (app);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = gtk_button_new_with_label ("first");
  second = gtk_button_new_with_label ("second");
  entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (window, "enable-debugging", G_CALLBACK (enable_debugging_cb), &hits);
  kiosk = gma_kiosk_new (GTK_WINDOW (window), NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gma_kiosk_set_active (kiosk, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);
  ui_xdotool (150, "mousemove 200 200");

  ui_xdotool (150, "key ctrl+q");
  ui_xdotool (150, "key ctrl+shift+i");
  ui_xdotool (150, "key ctrl+shift+d");
  ui_xdotool (150, "key alt+F4");
  ui_xdotool (150, "key F11");
  ui_xdotool (150, "key ctrl+w");
  g_assert_cmpuint (hits.quit, ==, 0);
  g_assert_cmpuint (hits.inspector, ==, 0);
  g_assert_true (gtk_widget_get_visible (window));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  /* What a visitor needs still works. */
  gtk_widget_grab_focus (first);
  ui_xdotool (150, "key Tab");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == second);

  gtk_widget_grab_focus (entry);
  ui_xdotool (150, "type ab");
  ui_xdotool (150, "key ctrl+a BackSpace");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "a");

  /* Without the kiosk the same presses do what they normally do, so the
   * counts above are not zero because nothing arrived. (This opens the
   * real inspector, which takes the keyboard: it comes last.) */
  gma_kiosk_set_active (kiosk, FALSE);
  gtk_widget_grab_focus (first);
  ui_xdotool (150, "key ctrl+q");
  g_assert_cmpuint (hits.quit, ==, 1);
  ui_xdotool (150, "key ctrl+shift+i");
  g_assert_cmpuint (hits.inspector, ==, 1);

  gtk_window_set_interactive_debugging (FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
}

/* Secondary clicks (context menus) never reach a widget. */
static void
test_kiosk_secondary_click (void)
{
  GtkWidget *screen = gma_attract_screen_new ();
  GtkWidget *window;
  g_autoptr(GmaKiosk) kiosk = NULL;
  guint activated = 0;

  if (!ui_have_xtest ())
    {
      g_test_skip (ui_xtest_skip_reason ());
      return;
    }

  window = window_new (screen);
  kiosk = gma_kiosk_new (GTK_WINDOW (window), NULL);
  g_signal_connect_swapped (screen, "activated", G_CALLBACK (count), &activated);

  /* The attract screen takes any button… */
  gtk_window_fullscreen (GTK_WINDOW (window));
  spin (300);
  ui_xdotool (150, "mousemove 300 300 click 3");
  g_assert_cmpuint (activated, ==, 1);

  /* …but in a kiosk only the primary one arrives. */
  gma_kiosk_set_active (kiosk, TRUE);
  spin (300);
  ui_xdotool (150, "click 3");
  ui_xdotool (150, "click 2");
  g_assert_cmpuint (activated, ==, 1);
  ui_xdotool (150, "click 1");
  g_assert_cmpuint (activated, ==, 2);

  gma_kiosk_set_active (kiosk, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  guint warnings;
  guint cancelled;
  guint resets;
  guint last_seconds;
  gboolean warned;
  gboolean reset;
} IdleLog;

static void
idle_warning_cb (GmaKiosk *kiosk,
                 guint     seconds,
                 IdleLog  *log)
{
  log->warnings++;
  log->last_seconds = seconds;
  log->warned = TRUE;
}

static void
idle_reset_cb (GmaKiosk *kiosk,
               IdleLog  *log)
{
  log->resets++;
  log->reset = TRUE;
}

static void
test_kiosk_idle (void)
{
  GtkWidget *overlay_box = gtk_overlay_new ();
  GtkWidget *overlay = gma_idle_overlay_new ();
  GtkWidget *window;
  g_autoptr(GmaKiosk) kiosk = NULL;
  IdleLog log = { 0, };

  gtk_overlay_set_child (GTK_OVERLAY (overlay_box), gtk_label_new ("content"));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay_box), overlay);
  window = window_new (overlay_box);

  kiosk = gma_kiosk_new (GTK_WINDOW (window), NULL);
  gma_kiosk_set_idle_overlay (kiosk, GMA_IDLE_OVERLAY (overlay));
  g_assert_false (gtk_widget_get_visible (overlay));
  gma_kiosk_set_idle_timeout (kiosk, 1);
  gma_kiosk_set_warning_seconds (kiosk, 1);
  g_signal_connect (kiosk, "idle-warning", G_CALLBACK (idle_warning_cb), &log);
  g_signal_connect (kiosk, "reset", G_CALLBACK (idle_reset_cb), &log);
  g_signal_connect_swapped (kiosk, "idle-cancelled", G_CALLBACK (count), &log.cancelled);
  gma_kiosk_set_active (kiosk, TRUE);

  /* Nobody has come yet: nothing to forget. */
  spin (1500);
  g_assert_cmpuint (log.warnings, ==, 0);

  /* A visitor, then nothing: warning, then reset. */
  gma_kiosk_reset_idle (kiosk);
  g_assert_true (spin_until (&log.warned, 3000));
  g_assert_cmpuint (log.last_seconds, ==, 1);
  g_assert_true (gma_kiosk_get_idle_warning (kiosk));
  g_assert_true (gtk_widget_get_visible (overlay));
  g_assert_true (gma_idle_overlay_get_running (GMA_IDLE_OVERLAY (overlay)));
  g_assert_cmpuint (log.resets, ==, 0);

  g_assert_true (spin_until (&log.reset, 3000));
  g_assert_false (gma_kiosk_get_idle_warning (kiosk));
  g_assert_false (gtk_widget_get_visible (overlay));

  /* After a reset the attract screen is not reset again and again. */
  spin (2500);
  g_assert_cmpuint (log.warnings, ==, 1);
  g_assert_cmpuint (log.resets, ==, 1);

  /* The visitor answers the warning: no reset, and the timer runs again. */
  log.warned = FALSE;
  gma_kiosk_reset_idle (kiosk);
  g_assert_true (spin_until (&log.warned, 3000));
  press (overlay, "Continue");
  g_assert_cmpuint (log.cancelled, ==, 1);
  g_assert_false (gma_kiosk_get_idle_warning (kiosk));
  g_assert_false (gtk_widget_get_visible (overlay));
  g_assert_cmpuint (log.resets, ==, 1);
  log.warned = FALSE;
  g_assert_true (spin_until (&log.warned, 3000));
  g_assert_cmpuint (log.resets, ==, 1);
  g_assert_cmpuint (log.warnings, ==, 3);

  /* Inactive: no timers at all. */
  gma_kiosk_set_active (kiosk, FALSE);
  g_assert_false (gtk_widget_get_visible (overlay));
  spin (2500);
  g_assert_cmpuint (log.resets, ==, 1);
  g_assert_cmpuint (log.warnings, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_kiosk_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GmaKiosk) kiosk = NULL;
  GtkWidget *window;

  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    {
      g_test_skip ("the app's GSettings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }

  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "idle-timeout", 45);
  window = window_new (gtk_label_new ("settings"));
  kiosk = gma_kiosk_new (GTK_WINDOW (window), settings);

  g_assert_cmpuint (gma_kiosk_get_idle_timeout (kiosk), ==, 45);
  g_settings_set_uint (settings, "idle-timeout", 120);
  g_assert_cmpuint (gma_kiosk_get_idle_timeout (kiosk), ==, 120);

  g_settings_set_boolean (settings, "kiosk-allow-print", FALSE);
  g_assert_false (gma_kiosk_get_allow_print (kiosk));
  g_settings_set_boolean (settings, "kiosk-allow-print", TRUE);
  g_assert_true (gma_kiosk_get_allow_print (kiosk));

  g_settings_reset (settings, "idle-timeout");
  g_settings_reset (settings, "kiosk-allow-print");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  out[0] = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  /* Mark the read as finished; the text itself may be NULL. */
  out[1] = GINT_TO_POINTER (1);
}

static char *
read_text (GdkClipboard *clipboard)
{
  char *out[2] = { NULL, NULL };
  gint64 end = g_get_monotonic_time () + 3 * G_TIME_SPAN_SECOND;

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, out);
  while (out[1] == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (out[1]);

  return out[0];
}

static void
test_kiosk_clipboards (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GdkClipboard *clipboard = gdk_display_get_clipboard (display);
  GdkClipboard *primary = gdk_display_get_primary_clipboard (display);
  g_autofree char *before = NULL;
  g_autofree char *before_primary = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_primary = NULL;

  gdk_clipboard_set_text (clipboard, "the previous visitor's address");
  gdk_clipboard_set_text (primary, "a selection");

  /* The read path works, so an empty read below means empty. */
  before = read_text (clipboard);
  before_primary = read_text (primary);
  g_assert_cmpstr (before, ==, "the previous visitor's address");
  g_assert_cmpstr (before_primary, ==, "a selection");

  gma_kiosk_clear_clipboards (display);

  g_assert_false (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING));
  g_assert_false (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (primary), G_TYPE_STRING));
  after = read_text (clipboard);
  after_primary = read_text (primary);
  g_assert_null (after);
  g_assert_null (after_primary);
}

static void
test_kiosk_css (void)
{
  GtkWidget *button = gtk_button_new_with_label ("x");
  GtkWidget *window = window_new (button);
  g_autoptr(GmaKiosk) kiosk = gma_kiosk_new (GTK_WINDOW (window), NULL);
  int before, after;

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &before, NULL, NULL, NULL);

  gma_kiosk_set_active (kiosk, TRUE);
  spin (100);
  gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &after, NULL, NULL, NULL);
  g_assert_cmpint (after, >=, 48);
  g_assert_cmpint (after, >, before);

  gma_kiosk_set_active (kiosk, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  gma_ui_register_resource ();

  g_test_add_func ("/kiosk/kana/marks", test_kana_marks);
  g_test_add_func ("/kiosk/kana/keypad-typing", test_kana_keypad_typing);
  g_test_add_func ("/kiosk/kana/keypad-search-entry", test_kana_keypad_search_entry);
  g_test_add_func ("/kiosk/qr/texture", test_qr_texture);
  g_test_add_func ("/kiosk/qr/errors", test_qr_errors);
  g_test_add_func ("/kiosk/qr/decodes", test_qr_decodes);
  g_test_add_func ("/kiosk/qr/view", test_qr_view);
  g_test_add_func ("/kiosk/idle-overlay", test_idle_overlay);
  g_test_add_func ("/kiosk/attract-screen", test_attract_screen);
  g_test_add_func ("/kiosk/window/close-and-fullscreen", test_kiosk_close_and_fullscreen);
  g_test_add_func ("/kiosk/window/key-controller", test_kiosk_key_controller);
  g_test_add_func ("/kiosk/window/secondary-click", test_kiosk_secondary_click);
  g_test_add_func ("/kiosk/window/css", test_kiosk_css);
  g_test_add_func ("/kiosk/idle", test_kiosk_idle);
  g_test_add_func ("/kiosk/settings", test_kiosk_settings);
  g_test_add_func ("/kiosk/clipboards", test_kiosk_clipboards);
  /* Last: its control step opens the real inspector. */
  g_test_add_func ("/kiosk/window/keys-end-to-end", test_kiosk_keys_end_to_end);

  return g_test_run ();
}
