/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gma-timing"
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gma-timing.h"

gboolean
gma_timing_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv ("GMIS_ASSISTANT_TIMINGS"), "1") == 0;

  return enabled;
}

/* The process's start time in clock ticks since boot, or -1. */
static gint64
read_start_ticks (void)
{
  g_autofree char *stat = NULL;
  const char *after_name;
  g_auto(GStrv) fields = NULL;
  gint64 ticks;
  char *end = NULL;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;

  /* "PID (COMM) STATE PPID …": COMM may hold spaces and parentheses, so
   * count the fields from the last ')'. Field 3 (STATE) is the first
   * after it, so field 22 (starttime) is the twentieth. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return -1;
  fields = g_strsplit (after_name + 2, " ", 21);
  if (g_strv_length (fields) < 21)
    return -1;

  ticks = g_ascii_strtoll (fields[19], &end, 10);
  if (end == fields[19] || *end != '\0' || ticks < 0)
    return -1;

  return ticks;
}

/* Milliseconds since the process started (see gma-timing.h), or -1 when
 * the start time cannot be read. */
static double
timing_since_start (void)
{
  static gint64 start_ticks = -2;
  static long ticks_per_second;
  struct timespec now;

  if (start_ticks == -2)
    {
      start_ticks = read_start_ticks ();
      ticks_per_second = sysconf (_SC_CLK_TCK);
    }
  if (start_ticks < 0 || ticks_per_second <= 0 ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6) -
         (start_ticks * 1000.0 / ticks_per_second);
}

void
gma_timing_mark (const char *what,
                 const char *id)
{
  double ms;

  if (!gma_timing_enabled ())
    return;

  ms = timing_since_start ();
  if (id != NULL)
    fprintf (stderr, "timing: %s %s %.0f\n", what, id, ms);
  else
    fprintf (stderr, "timing: %s %.0f\n", what, ms);
  fflush (stderr);
}
