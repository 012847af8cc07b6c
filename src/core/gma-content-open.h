/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-content-open.h: the files of an override directory, each opened
 * once, beneath the directory, without following a link.
 *
 * The directory is opened once (gma_content_open_directory()); every file
 * of the set is then reached from that descriptor, one component at a
 * time, each opened with O_NOFOLLOW from the descriptor of the folder
 * before it. What is checked (a folder, a regular file, its size) is
 * what was opened, and what is read is that same open file, at most its
 * limit and one byte more. No name is looked up twice, so nothing can be
 * swapped in between a check and the read: a link put in place of a
 * file or a folder before it is opened is refused as a link; one put
 * there after, changes nothing (the open file is read). A file that
 * grows past its limit after it was looked at is refused when it is read.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opens the directory @path of a content set (links are followed: an
 * administrator may name the set's directory through a link). Returns a
 * descriptor (O_PATH, close-on-exec) or -1 with @error's message the
 * reason, without the path: "the directory does not exist", "this is not a
 * directory; …", "the directory cannot be opened: Permission denied"… */
int      gma_content_open_directory (const char  *path,
                                     GError     **error);

/* Reads the regular file @path (relative, '/'-separated, already checked
 * by gma_content_path_is_safe()) below the directory @dir_fd, whose name
 * @dir_name is used in messages only. At most @max_size bytes.
 *
 * On failure @error is in G_IO_ERROR, its message a reason for an
 * administrator: G_IO_ERROR_NOT_FOUND (no such file, or a part of the
 * path is a file), G_IO_ERROR_TOO_MANY_LINKS (the file, or a folder on
 * the way, is a symbolic link), G_IO_ERROR_NOT_REGULAR_FILE,
 * G_IO_ERROR_MESSAGE_TOO_LARGE (over @max_size), G_IO_ERROR_FAILED (it
 * cannot be read, or a folder on the way cannot be opened: the reason
 * says which). */
GBytes  *gma_content_read_beneath   (int          dir_fd,
                                     const char  *dir_name,
                                     const char  *path,
                                     gsize        max_size,
                                     GError     **error);

/* Reads @path of the resource bundle below @root (a resource:// GFile:
 * the embedded set), with the same size limit and errors. */
GBytes  *gma_content_read_resource  (GFile       *root,
                                     const char  *path,
                                     gsize        max_size,
                                     GError     **error);

/* For tests: the moments at which another process could change the
 * directory while gma_content_read_beneath() reads @path. */
typedef enum {
  GMA_CONTENT_STEP_OPEN_FOLDER,  /* before the folder @name of the path is opened */
  GMA_CONTENT_STEP_OPEN_FILE,    /* before the file @name itself is opened */
  GMA_CONTENT_STEP_STAT,         /* the file is open; before it is looked at */
  GMA_CONTENT_STEP_READ,         /* before each read of the open file */
} GmaContentStep;

typedef void (*GmaContentStepHook) (const char     *path,
                                    GmaContentStep  step,
                                    const char     *name,
                                    gpointer        user_data);

/* Calls @hook at each step of every read (NULL: none, the default). A
 * test seam: one process-wide hook, not for use by the program. */
void     gma_content_set_step_hook  (GmaContentStepHook hook,
                                     gpointer           user_data);

G_END_DECLS
