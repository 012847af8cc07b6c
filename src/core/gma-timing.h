/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-timing.h: the timings GMIS_ASSISTANT_TIMINGS=1 prints on standard
 * error, for tools/bench. The floors of the benchmark (tests/bench/bench-*.c)
 * print theirs with the same code.
 *
 *   timing: first-frame MS       the window's first frame was painted
 *   timing: page-ready ID MS     page ID finished loading and a frame was
 *                                painted after that
 *
 * MS is in milliseconds since the process started: the kernel's start
 * time of the process (/proc/self/stat, field 22, in clock ticks since
 * boot, 10 ms on Linux) subtracted from CLOCK_BOOTTIME, the clock that
 * start time is counted on. The start time is that of the fork that made
 * the process, before its exec; the figure is exact to one clock tick. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when GMIS_ASSISTANT_TIMINGS is "1". */
gboolean gma_timing_enabled       (void);
/* Prints "timing: WHAT [ID] MS" when timings are enabled. @id may be
 * NULL. */
void     gma_timing_mark          (const char *what,
                                   const char *id);

G_END_DECLS
