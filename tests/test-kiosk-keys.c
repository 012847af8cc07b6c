/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's key policy, gma_kiosk_key_allowed(), checked key by key for
 * what a visitor needs and exhaustively for what must never get through. */
#define G_LOG_DOMAIN "test-kiosk-keys"

#include "config.h"

#include <gtk/gtk.h>

#include "gma-kiosk.h"

#define S GDK_SHIFT_MASK
#define C GDK_CONTROL_MASK
#define A GDK_ALT_MASK
#define SUPER GDK_SUPER_MASK

/* Modifiers that must never change the answer. */
static const GdkModifierType ignored_states[] = {
  0,
  GDK_LOCK_MASK,                       /* Caps Lock */
  GDK_BUTTON1_MASK,
  GDK_LOCK_MASK | GDK_BUTTON1_MASK,
};

/* The six modifiers that matter, all 64 combinations. */
static const GdkModifierType modifier_bits[] = {
  GDK_SHIFT_MASK, GDK_CONTROL_MASK, GDK_ALT_MASK,
  GDK_SUPER_MASK, GDK_HYPER_MASK, GDK_META_MASK,
};

static GdkModifierType
combination (guint i)
{
  GdkModifierType mods = 0;

  for (guint b = 0; b < G_N_ELEMENTS (modifier_bits); b++)
    if (i & (1u << b))
      mods |= modifier_bits[b];

  return mods;
}

typedef struct {
  const char      *what;
  guint            keyval;
  GdkModifierType  mods;
  gboolean         editable;
  gboolean         allowed;
} Case;

static const Case cases[] = {
  /* What a visitor needs, anywhere. */
  { "Tab",              GDK_KEY_Tab,          0,     FALSE, TRUE },
  { "Shift+Tab",        GDK_KEY_ISO_Left_Tab, S,     FALSE, TRUE },
  { "Up",               GDK_KEY_Up,           0,     FALSE, TRUE },
  { "Down",             GDK_KEY_Down,         0,     FALSE, TRUE },
  { "Left",             GDK_KEY_Left,         0,     FALSE, TRUE },
  { "Right",            GDK_KEY_Right,        0,     FALSE, TRUE },
  { "KP Down",          GDK_KEY_KP_Down,      0,     FALSE, TRUE },
  { "Page Down",        GDK_KEY_Page_Down,    0,     FALSE, TRUE },
  { "Return",           GDK_KEY_Return,       0,     FALSE, TRUE },
  { "KP Enter",         GDK_KEY_KP_Enter,     0,     FALSE, TRUE },
  { "space",            GDK_KEY_space,        0,     FALSE, TRUE },
  { "BackSpace",        GDK_KEY_BackSpace,    0,     FALSE, TRUE },
  { "Alt+Left (back)",  GDK_KEY_Left,         A,     FALSE, TRUE },
  { "Back key",         GDK_KEY_Back,         0,     FALSE, TRUE },
  { "Ctrl+plus",        GDK_KEY_plus,         C,     FALSE, TRUE },
  { "Ctrl+Shift+plus",  GDK_KEY_plus,         C | S, FALSE, TRUE },
  { "Ctrl+equal",       GDK_KEY_equal,        C,     FALSE, TRUE },
  { "Ctrl+minus",       GDK_KEY_minus,        C,     FALSE, TRUE },
  { "Ctrl+0",           GDK_KEY_0,            C,     FALSE, TRUE },
  { "Ctrl+KP_Add",      GDK_KEY_KP_Add,       C,     FALSE, TRUE },
  { "Ctrl+KP_Subtract", GDK_KEY_KP_Subtract,  C,     FALSE, TRUE },
  { "ZoomIn key",       GDK_KEY_ZoomIn,       0,     FALSE, TRUE },

  /* What takes the visitor out or shows what is not theirs. */
  { "Alt+F4",           GDK_KEY_F4,           A,     FALSE, FALSE },
  { "Ctrl+Q",           GDK_KEY_q,            C,     FALSE, FALSE },
  { "Ctrl+Q (Caps)",    GDK_KEY_Q,            C,     FALSE, FALSE },
  { "Ctrl+W",           GDK_KEY_w,            C,     FALSE, FALSE },
  { "Ctrl+N",           GDK_KEY_n,            C,     FALSE, FALSE },
  { "Ctrl+O",           GDK_KEY_o,            C,     FALSE, FALSE },
  { "Ctrl+S",           GDK_KEY_s,            C,     FALSE, FALSE },
  { "Ctrl+P",           GDK_KEY_p,            C,     FALSE, FALSE },
  { "Ctrl+Shift+I",     GDK_KEY_I,            C | S, FALSE, FALSE },
  { "Ctrl+Shift+D",     GDK_KEY_D,            C | S, FALSE, FALSE },
  { "Ctrl+Shift+I (in an entry)", GDK_KEY_I,  C | S, TRUE,  FALSE },
  { "F1",               GDK_KEY_F1,           0,     FALSE, FALSE },
  { "F10",              GDK_KEY_F10,          0,     FALSE, FALSE },
  { "F11",              GDK_KEY_F11,          0,     FALSE, FALSE },
  { "Shift+F10",        GDK_KEY_F10,          S,     FALSE, FALSE },
  { "Menu",             GDK_KEY_Menu,         0,     FALSE, FALSE },
  { "Alt+Space",        GDK_KEY_space,        A,     FALSE, FALSE },
  { "Escape",           GDK_KEY_Escape,       0,     FALSE, FALSE },
  { "Super",            GDK_KEY_Super_L,      0,     FALSE, FALSE },
  { "Super+Left",       GDK_KEY_Left,         SUPER, FALSE, FALSE },
  { "Alt+Right",        GDK_KEY_Right,        A,     FALSE, FALSE },
  { "Ctrl+Tab",         GDK_KEY_Tab,          C,     FALSE, FALSE },
  { "Ctrl+Alt+plus",    GDK_KEY_plus,         C | A, FALSE, FALSE },
  { "Print",            GDK_KEY_Print,        0,     FALSE, FALSE },
  { "Ctrl+C (in an entry)", GDK_KEY_c,        C,     TRUE,  FALSE },
  { "Ctrl+V (in an entry)", GDK_KEY_v,        C,     TRUE,  FALSE },
  { "Ctrl+A (in an entry)", GDK_KEY_a,        C,     TRUE,  FALSE },
  { "Ctrl+Z (in an entry)", GDK_KEY_z,        C,     TRUE,  FALSE },
  { "Delete (not in an entry)", GDK_KEY_Delete, 0,   FALSE, FALSE },

  /* Text, only where text goes. */
  { "a",                GDK_KEY_a,            0,     TRUE,  TRUE },
  { "A",                GDK_KEY_A,            S,     TRUE,  TRUE },
  { "7",                GDK_KEY_7,            0,     TRUE,  TRUE },
  { "KP 7",             GDK_KEY_KP_7,         0,     TRUE,  TRUE },
  { "@",                GDK_KEY_at,           S,     TRUE,  TRUE },
  { "あ",               0x1003042,            0,     TRUE,  TRUE },
  { "Delete",           GDK_KEY_Delete,       0,     TRUE,  TRUE },
  { "Henkan",           GDK_KEY_Henkan,       0,     TRUE,  TRUE },
  { "a (no entry)",     GDK_KEY_a,            0,     FALSE, FALSE },
  { "q (no entry)",     GDK_KEY_q,            0,     FALSE, FALSE },
  { "Alt+a (entry)",    GDK_KEY_a,            A,     TRUE,  FALSE },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ignored_states); j++)
      {
        const Case *c = &cases[i];
        gboolean got = gma_kiosk_key_allowed (c->keyval, c->mods | ignored_states[j], c->editable);

        if (got != c->allowed)
          g_error ("%s%s: expected %s, got %s", c->what,
                   ignored_states[j] ? " (with Caps Lock or a button held)" : "",
                   c->allowed ? "allowed" : "swallowed",
                   got ? "allowed" : "swallowed");
      }
}

/* No function key, in any combination of modifiers, ever gets through:
 * F1 help, F10 menu, F11 full screen, Shift+F10 context menu, Alt+F4. */
static void
test_function_keys (void)
{
  for (guint k = GDK_KEY_F1; k <= GDK_KEY_F35; k++)
    for (guint m = 0; m < 64; m++)
      for (int editable = 0; editable <= 1; editable++)
        g_assert_false (gma_kiosk_key_allowed (k, combination (m), editable));
}

static gboolean
is_navigation (guint keyval)
{
  static const guint nav[] = {
    GDK_KEY_Tab, GDK_KEY_ISO_Left_Tab, GDK_KEY_KP_Tab,
    GDK_KEY_Up, GDK_KEY_KP_Up, GDK_KEY_Down, GDK_KEY_KP_Down,
    GDK_KEY_Left, GDK_KEY_KP_Left, GDK_KEY_Right, GDK_KEY_KP_Right,
    GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down,
    GDK_KEY_Home, GDK_KEY_KP_Home, GDK_KEY_End, GDK_KEY_KP_End,
    GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter,
    GDK_KEY_space, GDK_KEY_KP_Space, GDK_KEY_BackSpace, GDK_KEY_Back,
    GDK_KEY_ZoomIn, GDK_KEY_ZoomOut,
  };

  for (guint i = 0; i < G_N_ELEMENTS (nav); i++)
    if (nav[i] == keyval)
      return TRUE;

  return FALSE;
}

static gboolean
is_zoom (guint keyval)
{
  return keyval == GDK_KEY_plus || keyval == GDK_KEY_equal ||
         keyval == GDK_KEY_KP_Add || keyval == GDK_KEY_minus ||
         keyval == GDK_KEY_KP_Subtract || keyval == GDK_KEY_0 ||
         keyval == GDK_KEY_KP_0;
}

/* Every keyval GDK names (the whole 16-bit space and the Unicode keyvals
 * of the BMP) with every modifier combination: whatever is allowed must
 * belong to one of the allowed families. */
static void
test_exhaustive_invariants (void)
{
  guint n_allowed = 0;

  for (guint k = 1; k <= 0x100FFFF; k = (k == 0xFFFF ? 0x1000100 : k + 1))
    for (guint m = 0; m < 64; m++)
      {
        GdkModifierType mods = combination (m);
        gboolean plain = (mods & ~GDK_SHIFT_MASK) == 0;

        for (int editable = 0; editable <= 1; editable++)
          {
            gunichar c;

            if (!gma_kiosk_key_allowed (k, mods, editable))
              continue;

            n_allowed++;

            /* Super, Hyper and Meta never. */
            g_assert_cmpint (mods & (GDK_SUPER_MASK | GDK_HYPER_MASK | GDK_META_MASK), ==, 0);

            /* Ctrl only for zoom. */
            if (mods & GDK_CONTROL_MASK)
              {
                g_assert_true (is_zoom (k));
                g_assert_cmpint (mods & GDK_ALT_MASK, ==, 0);
                continue;
              }

            /* Alt only for back. */
            if (mods & GDK_ALT_MASK)
              {
                g_assert_true (k == GDK_KEY_Left || k == GDK_KEY_KP_Left);
                g_assert_cmpint (mods, ==, GDK_ALT_MASK);
                continue;
              }

            g_assert_true (plain);

            if (is_navigation (k))
              continue;

            /* Anything else is text, and only for an editable. */
            g_assert_true (editable);
            if (k == GDK_KEY_Delete || k == GDK_KEY_KP_Delete ||
                k == GDK_KEY_Henkan || k == GDK_KEY_Muhenkan ||
                k == GDK_KEY_Zenkaku_Hankaku || k == GDK_KEY_Hiragana_Katakana ||
                k == GDK_KEY_Eisu_toggle || k == GDK_KEY_Kanji)
              continue;
            c = gdk_keyval_to_unicode (k);
            g_assert_true (c != 0 && g_unichar_isprint (c));
          }
      }

  /* The policy is not simply “nothing”. */
  g_assert_cmpuint (n_allowed, >, 1000);
}

/* Without an editable focused, no printable key does anything. */
static void
test_no_typing_without_entry (void)
{
  for (guint k = 0x20; k < 0x7f; k++)
    {
      if (k == GDK_KEY_space)
        continue;
      g_assert_false (gma_kiosk_key_allowed (k, 0, FALSE));
      g_assert_false (gma_kiosk_key_allowed (k, GDK_SHIFT_MASK, FALSE));
      g_assert_true (gma_kiosk_key_allowed (k, 0, TRUE));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/keys/cases", test_cases);
  g_test_add_func ("/kiosk/keys/function-keys", test_function_keys);
  g_test_add_func ("/kiosk/keys/no-typing-without-entry", test_no_typing_without_entry);
  g_test_add_func ("/kiosk/keys/exhaustive-invariants", test_exhaustive_invariants);

  return g_test_run ();
}
