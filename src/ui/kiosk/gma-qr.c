/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-qr"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <qrencode.h>

#include "gma-qr.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

/**
 * gma_qr_texture_new:
 * @text: the UTF-8 text to encode, e.g. a URL
 * @module_px: size of one module in pixels, 1 to %GMA_QR_MAX_MODULE_PX
 * @error: return location for a #GError
 *
 * Encodes @text as a QR code (error correction level M, case kept) and
 * draws it black on white with a quiet zone of %GMA_QR_QUIET_ZONE modules
 * on every side. Every module is exactly @module_px × @module_px pixels,
 * so the texture can be shown scaled down without losing its edges.
 *
 * Returns: (transfer full): the texture, or %NULL with @error set if
 *   @text is empty or too long for a QR code.
 */
GdkTexture *
gma_qr_texture_new (const char  *text,
                    int          module_px,
                    GError     **error)
{
  g_autoptr(QRcode) code = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels;
  gsize stride;
  int side;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (module_px >= 1 && module_px <= GMA_QR_MAX_MODULE_PX, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is nothing to show as a QR code"));
      return NULL;
    }

  errno = 0;
  /* Version 0 lets libqrencode pick the smallest symbol that fits; mixed
   * modes keep it small, and case sensitivity keeps the text exact. */
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ERANGE)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                             _("The text is too long for a QR code"));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not make a QR code: %s"), g_strerror (saved_errno));
      return NULL;
    }

  side = (code->width + 2 * GMA_QR_QUIET_ZONE) * module_px;
  stride = (gsize) side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);

  for (int my = 0; my < code->width; my++)
    {
      for (int mx = 0; mx < code->width; mx++)
        {
          /* Bit 0 of each byte is the module's colour: 1 is dark. */
          if ((code->data[my * code->width + mx] & 1) == 0)
            continue;

          for (int dy = 0; dy < module_px; dy++)
            {
              gsize y = (gsize) (my + GMA_QR_QUIET_ZONE) * module_px + dy;
              gsize x = (gsize) (mx + GMA_QR_QUIET_ZONE) * module_px;

              memset (pixels + y * stride + x * 3, 0x00, (gsize) module_px * 3);
            }
        }
    }

  bytes = g_bytes_new_take (pixels, stride * side);

  return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, stride);
}
