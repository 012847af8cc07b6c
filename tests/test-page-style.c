/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page style (gma-page-style.c): the pages follow the desktop's text size and
 * contrast, as the GTK parts of the window do.
 *
 * Text scaling (org.gnome.desktop.interface text-scaling-factor) reaches
 * GTK as GtkSettings:gtk-xft-dpi (from XSETTINGS, the settings portal or
 * GSettings); WebKitGTK zooms the page by it (WebKitWebViewBase's
 * refreshInternalScaling(): fontDPI() / 96). The HighContrast theme
 * reaches the pages through the app's high-contrast style sheets
 * (WebKitGTK 6.0 never matches prefers-contrast). Both are measured in
 * what the web view paints: the page's reference badge (対応方法2), a box
 * of the accent colour sized by its text, in a snapshot. */
#define G_LOG_DOMAIN "gma-test-page-style"
#include "config.h"

#include <string.h>

#include "gma-page-style.h"
#include "gma-router.h"
#include "ui-test-util.h"

/* The accent colour of the badge: page.css, high-contrast.css and
 * high-contrast-dark.css. */
static const guchar normal_accent[] = { 0x1a, 0x5f, 0xb4 };
static const guchar contrast_accent[] = { 0x00, 0x3c, 0x8f };
static const guchar inverse_accent[] = { 0xff, 0xd7, 0x00 };
static const guchar inverse_background[] = { 0x00, 0x00, 0x00 };

/* What the web view shows now, as BGRA bytes (opaque: straight colours). */
static guchar *
take_snapshot (UiFixture *fixture,
               int       *width,
               int       *height)
{
  g_autoptr(GdkTexture) texture = ui_snapshot_web_view (gma_page_view_get_web_view (fixture->window->page_view),
                                                        WEBKIT_SNAPSHOT_REGION_VISIBLE);
  guchar *pixels;

  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

static gboolean
is_colour (const guchar *pixel,
           const guchar *rgb)
{
  return ABS (pixel[2] - rgb[0]) <= 2 && ABS (pixel[1] - rgb[1]) <= 2 && ABS (pixel[0] - rgb[2]) <= 2;
}

/* The tallest unbroken column of @rgb in what the web view shows: the
 * badge's height in pixels (0 when there is none). */
static int
colour_height (UiFixture    *fixture,
               const guchar *rgb)
{
  int width, height, tallest = 0;
  g_autofree guchar *pixels = take_snapshot (fixture, &width, &height);

  for (int x = 0; x < width; x++)
    {
      int run = 0;

      for (int y = 0; y < height; y++)
        {
          run = is_colour (pixels + ((gsize) y * width + x) * 4, rgb) ? run + 1 : 0;
          tallest = MAX (tallest, run);
        }
    }

  return tallest;
}

/* The height of the first line of text in the page's own text colour
 * (page.css's --fg): the ink of the page's title, under the badge (whose
 * words are white). Not the badge: page.css makes its type smaller in a
 * narrow pane, and 30rem is wider at a larger text size. */
static int
title_height (UiFixture *fixture)
{
  static const guchar fg[] = { 0x1f, 0x23, 0x28 };
  int width, height, top = -1;
  g_autofree guchar *pixels = take_snapshot (fixture, &width, &height);

  for (int y = 0; y < height; y++)
    {
      gboolean ink = FALSE;

      for (int x = 0; x < width && !ink; x++)
        ink = is_colour (pixels + ((gsize) y * width + x) * 4, fg);
      if (ink && top < 0)
        top = y;
      else if (!ink && top >= 0)
        return y - top;
    }

  return 0;
}

typedef struct {
  UiFixture *fixture;
  int        other;
  int        height;
} InkWait;

static gboolean
title_changed (gpointer data)
{
  InkWait *wait = data;

  wait->height = title_height (wait->fixture);
  return wait->height != wait->other && wait->height > 0;
}

/* Waits until the title is painted at a height other than @other, and
 * returns it. */
static int
wait_for_title (UiFixture  *fixture,
                int         other,
                const char *what)
{
  InkWait wait = { fixture, other, 0 };

  ui_wait_until (title_changed, &wait, what);
  return wait.height;
}

typedef struct {
  UiFixture    *fixture;
  const guchar *rgb;
  int           other;     /* wait until the height is another than this… */
  int           expected;  /* …or this (when not -1) */
  int           height;
} HeightWait;

static gboolean
height_reached (gpointer data)
{
  HeightWait *wait = data;

  wait->height = colour_height (wait->fixture, wait->rgb);
  return wait->expected >= 0 ? wait->height == wait->expected : wait->height != wait->other;
}

/* Waits until the badge of colour @rgb is painted at a height other than
 * @other (the page was painted again), and returns it. */
static int
wait_for_height (UiFixture    *fixture,
                 const guchar *rgb,
                 int           other,
                 const char   *what)
{
  HeightWait wait = { fixture, rgb, other, -1, 0 };

  ui_wait_until (height_reached, &wait, what);
  return wait.height;
}

/* Waits until the badge of colour @rgb is painted @expected pixels high;
 * fails saying how high it was. */
static void
assert_height (UiFixture    *fixture,
               const guchar *rgb,
               int           expected,
               const char   *what)
{
  HeightWait wait = { fixture, rgb, -1, expected, 0 };

  if (!ui_try_wait_until (height_reached, &wait))
    g_error ("%s: the badge is %d pixels high, not %d", what, wait.height, expected);
}

static void
show_page (UiFixture  *fixture,
           const char *id)
{
  g_autofree char *uri = gma_router_uri (GMA_ROUTE_PAGE, id);

  g_assert_true (gma_window_show_page (fixture->window, id));
  ui_wait_for_page (fixture, uri);
}

static int
label_height (GtkWidget *label)
{
  int height;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

/* Text scaling 1.5: the page's text is half as large again, in the page
 * shown, in the one kept warm and in the next one loaded; and so is the
 * window's. */
static void
test_text_scaling (UiFixture *fixture, gconstpointer data)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->window));
  GmaSession *session = gma_window_get_session (fixture->window);
  int dpi, before, after, label_before, label_after;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_assert_cmpint (dpi, ==, 96 * 1024);

  /* At the question whose first answer leads to 対応方法2: that page is
   * kept warm, then comes in by the click. */
  show_page (fixture, "remedy-2");
  before = wait_for_title (fixture, 0, "the title");
  label_before = label_height (GTK_WIDGET (fixture->window->title_label));
  show_page (fixture, "spam-folder");
  ui_wait_for_warm_page (fixture, "gma://page/remedy-2");

  /* What the desktop's text-scaling-factor 1.5 makes of it. */
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  gma_session_answer (session, 0);
  ui_wait_for_page (fixture, "gma://page/remedy-2");
  after = wait_for_title (fixture, before, "the title at the larger text size");
  label_after = label_height (GTK_WIDGET (fixture->window->title_label));
  g_test_message ("title in the page %d → %d px, the window's title %d → %d px",
                  before, after, label_before, label_after);
  g_assert_cmpfloat ((double) after / before, >=, 1.4);
  g_assert_cmpfloat ((double) after / before, <=, 1.6);
  g_assert_cmpfloat ((double) label_after / label_before, >=, 1.4);

  /* A page loaded afterwards, and back to the normal size. */
  show_page (fixture, "remedy-1");
  show_page (fixture, "remedy-2");
  g_assert_cmpint (title_height (fixture), ==, after);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  g_assert_cmpint (wait_for_title (fixture, after, "the title at the normal size"), ==, before);
}

/* The HighContrast theme: the pages take its colours (the inverse one's
 * for HighContrastInverse), at once and in the page kept warm; back to
 * their own without it. */
static void
test_high_contrast (UiFixture *fixture, gconstpointer data)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->window));
  GmaSession *session = gma_window_get_session (fixture->window);
  g_autofree char *theme = NULL;
  int normal, width, height;
  g_autofree guchar *pixels = NULL;

  g_object_get (settings, "gtk-theme-name", &theme, NULL);
  show_page (fixture, "remedy-2");
  normal = wait_for_height (fixture, normal_accent, 0, "the badge");
  g_assert_cmpint (colour_height (fixture, contrast_accent), ==, 0);

  g_object_set (settings, "gtk-theme-name", "HighContrast", NULL);
  assert_height (fixture, contrast_accent, normal, "HighContrast");
  g_assert_cmpint (colour_height (fixture, normal_accent), ==, 0);

  g_object_set (settings, "gtk-theme-name", "HighContrastInverse", NULL);
  assert_height (fixture, inverse_accent, normal, "HighContrastInverse");
  /* Light on black: the page's background. */
  pixels = take_snapshot (fixture, &width, &height);
  g_assert_true (is_colour (pixels + ((gsize) (height - 2) * width + 2) * 4, inverse_background));

  /* The page kept warm has the colours too when it comes in. */
  g_object_set (settings, "gtk-theme-name", "HighContrast", NULL);
  show_page (fixture, "spam-folder");
  ui_wait_for_warm_page (fixture, "gma://page/remedy-2");
  gma_session_answer (session, 0);
  ui_wait_for_page (fixture, "gma://page/remedy-2");
  assert_height (fixture, contrast_accent, normal, "HighContrast, the page kept warm");

  g_object_set (settings, "gtk-theme-name", theme, NULL);
  assert_height (fixture, normal_accent, normal, "Back to the normal theme");
  g_assert_cmpint (colour_height (fixture, contrast_accent), ==, 0);
}

/* Which settings ask for which colours: the light high-contrast ones
 * (#003c8f), also the dark ones (#ffd700), or none. */
static void
test_contrast_settings (void)
{
  static const struct {
    const char *theme;
    gboolean    prefer_dark;
    const char *expected;  /* NULL, "light" or "dark" */
  } cases[] = {
    { "Default", FALSE, NULL },
    { "Adwaita", TRUE, NULL },
    { "HighContrast", FALSE, "light" },
    { "HighContrast", TRUE, "dark" },
    { "HighContrastInverse", FALSE, "dark" },
    { "HighConstrastInverse", FALSE, "dark" },
    { "Default-hc", FALSE, "light" },
    { "Default-hc-dark", FALSE, "dark" },
  };
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *theme = NULL;
  gboolean prefer_dark;

  g_object_get (settings, "gtk-theme-name", &theme, "gtk-application-prefer-dark-theme", &prefer_dark, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *css = NULL;

      g_object_set (settings, "gtk-theme-name", cases[i].theme,
                    "gtk-application-prefer-dark-theme", cases[i].prefer_dark, NULL);
      css = gma_page_style_for_settings (settings);
      g_test_message ("%s%s", cases[i].theme, cases[i].prefer_dark ? " (dark)" : "");
      if (cases[i].expected == NULL)
        {
          g_assert_null (css);
          continue;
        }
      g_assert_nonnull (strstr (css, "--accent: #003c8f !important"));
      g_assert_true ((strstr (css, "--accent: #ffd700 !important") != NULL) ==
                     g_str_equal (cases[i].expected, "dark"));
      /* The dark colours come after the light ones, and so win. */
      if (g_str_equal (cases[i].expected, "dark"))
        g_assert_true (strstr (css, "#ffd700") > strstr (css, "#003c8f"));
    }
  g_object_set (settings, "gtk-theme-name", theme, "gtk-application-prefer-dark-theme", prefer_dark, NULL);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/page-style/text-scaling", test_text_scaling);
  ADD ("/page-style/high-contrast", test_high_contrast);
#undef ADD
  g_test_add_func ("/page-style/contrast-settings", test_contrast_settings);

  return g_test_run ();
}
