/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-window-keys.c: the keyboard between the window's regions.
 *
 * - F6 and Shift+F6 move the focus from region to region: the header, the
 *   question column, the page, the FAQ (when shown), and round again.
 * - Tab and Shift+Tab never stay in the page pane: WebKit keeps GTK's
 *   focus in its view and moves it among the page's links itself, round
 *   and round (from the second link on to a text widget of its own, of
 *   no size, that says nothing to a screen reader). So Tab in the page
 *   goes on to the header, Shift+Tab back to the question column;
 *   the page's links are read and activated through its outline
 *   (gma-page-outline.c) and reached with the keyboard cursor (F7).
 * - The first focus is the question's first answer (はじめる), not the
 *   FAQ's search entry, and the focus ring is on from the start. */
#define G_LOG_DOMAIN "gma-window"
#include "config.h"

#include "gma-window-private.h"

typedef enum {
  REGION_HEADER,
  REGION_QUESTION,
  REGION_PAGE,
  REGION_FAQ,
  N_REGIONS
} Region;

static GtkWidget *
region_widget (GmaWindow *self,
               Region     region)
{
  switch (region)
    {
    case REGION_HEADER:
      return gtk_widget_get_ancestor (GTK_WIDGET (self->restart_button), GTK_TYPE_HEADER_BAR);
    case REGION_QUESTION:
      return self->wizard_column;
    case REGION_PAGE:
      return GTK_WIDGET (self->page_view);
    case REGION_FAQ:
      return GTK_WIDGET (self->sidebar);
    case N_REGIONS:
    default:
      g_assert_not_reached ();
    }
}

/* The region the focus is in, or N_REGIONS. */
static Region
focus_region (GmaWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (Region region = 0; focus != NULL && region < N_REGIONS; region++)
    {
      GtkWidget *widget = region_widget (self, region);

      if (widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
        return region;
    }
  return N_REGIONS;
}

/* Puts the focus in @region (its first control, or its last going
 * backwards; the page's web view); FALSE if it cannot take it now
 * (hidden, covered, nothing focusable). */
static gboolean
focus_in_region (GmaWindow        *self,
                 Region            region,
                 GtkDirectionType  direction)
{
  GtkWidget *widget = region_widget (self, region);

  if (widget == NULL || !gtk_widget_is_drawable (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;

  if (region == REGION_PAGE)
    {
      GtkWidget *view = gma_page_view_get_web_view (self->page_view);

      return view != NULL && gtk_widget_grab_focus (view);
    }

  /* The question column's first control is the first answer. */
  if (region == REGION_QUESTION && direction == GTK_DIR_TAB_FORWARD &&
      gma_question_view_get_answer_button (self->question_view, 0) != NULL &&
      gtk_widget_grab_focus (gma_question_view_get_answer_button (self->question_view, 0)))
    return TRUE;

  /* child_focus() moves on from a focus already inside. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  return gtk_widget_child_focus (widget, direction);
}

/* The next region (@step 1) or the one before (-1) that takes the focus,
 * starting from the focus's own. */
static gboolean
cycle_regions (GmaWindow *self,
               int        step)
{
  Region from = focus_region (self);
  GtkDirectionType direction = step > 0 ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD;

  if (from == N_REGIONS)
    from = step > 0 ? N_REGIONS - 1 : 0;
  for (int i = 1; i <= N_REGIONS; i++)
    {
      Region region = (from + N_REGIONS + step * i) % N_REGIONS;

      if (focus_in_region (self, region, direction))
        {
          gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
on_key_pressed (GmaWindow             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  GdkModifierType others = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);

  if (others != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_F6)
    return cycle_regions (self, shift ? -1 : 1);

  /* Out of the page, never round inside it. */
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab) &&
      focus_region (self) == REGION_PAGE)
    {
      if (keyval == GDK_KEY_ISO_Left_Tab)
        shift = TRUE;
      /* Back: the question column, beside it. On: where GTK's order goes
       * after the window's content, the header (and from there the FAQ
       * and the question again). */
      if (focus_in_region (self, shift ? REGION_QUESTION : REGION_HEADER,
                           shift ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD))
        return GDK_EVENT_STOP;
      return cycle_regions (self, shift ? -1 : 1);
    }

  return GDK_EVENT_PROPAGATE;
}

/* The window's first focus: the question's first answer. */
static void
on_map (GmaWindow *self)
{
  GtkWidget *first = gma_question_view_get_answer_button (self->question_view, 0);

  if (first != NULL && gtk_widget_grab_focus (first))
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

void
_gma_window_setup_keys (GmaWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the web view, which takes every key it is given. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}
