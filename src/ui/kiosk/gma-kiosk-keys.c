/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-kiosk"

#include "config.h"

#include "gma-kiosk-keys.h"

#define RELEVANT_MODIFIERS (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | \
                            GDK_SUPER_MASK | GDK_HYPER_MASK | GDK_META_MASK)

static gboolean
is_zoom_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * gma_kiosk_key_allowed:
 * @keyval: the key pressed
 * @state: the modifiers held
 * @focus_is_editable: whether the focus widget takes text
 *
 * The kiosk's key policy, an allow-list: focus movement (Tab, Shift+Tab,
 * arrows, Page Up/Down, Home, End), activation (Enter, Space), back
 * (BackSpace, Alt+Left, the Back key), zoom (Ctrl with +, =, -, 0 and the
 * zoom keys) and, when an editable has the focus, text: printable
 * characters with at most Shift, Delete and input method keys. Everything
 * else is swallowed: quit, close, new, open, save, print, F1–F12, Escape,
 * the inspector (Ctrl+Shift+I, Ctrl+Shift+D), the window menu (Alt+Space),
 * context menus (Menu, Shift+F10), copy and paste.
 *
 * Caps Lock, Num Lock and mouse buttons in @state are ignored.
 *
 * Returns: %TRUE if the key may reach the window's widgets
 */
gboolean
gma_kiosk_key_allowed (guint           keyval,
                       GdkModifierType state,
                       gboolean        focus_is_editable)
{
  GdkModifierType mods = state & RELEVANT_MODIFIERS;
  gboolean none = mods == 0;
  gboolean none_or_shift = (mods & ~GDK_SHIFT_MASK) == 0;
  gunichar c;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      return none_or_shift;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* Alt+Left is “back”. */
      return none_or_shift || mods == GDK_ALT_MASK;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Back:
    case GDK_KEY_ZoomIn:
    case GDK_KEY_ZoomOut:
      return none;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      return focus_is_editable && none;

    /* Input method keys of a Japanese keyboard. */
    case GDK_KEY_Henkan:
    case GDK_KEY_Muhenkan:
    case GDK_KEY_Zenkaku_Hankaku:
    case GDK_KEY_Hiragana_Katakana:
    case GDK_KEY_Eisu_toggle:
    case GDK_KEY_Kanji:
      return focus_is_editable && none_or_shift;

    default:
      break;
    }

  /* Ctrl and Ctrl+Shift (+ is Shift+; on a JIS keyboard) for zoom. */
  if (is_zoom_key (keyval) &&
      (mods & GDK_CONTROL_MASK) != 0 &&
      (mods & ~(GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    return TRUE;

  if (!focus_is_editable || !none_or_shift)
    return FALSE;

  c = gdk_keyval_to_unicode (keyval);

  return c != 0 && g_unichar_isprint (c);
}
