#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-startup.sh [-n RUNS] [--check]: time to first frame.
#
# Runs, alternately, a bare GTK window (tests/bench-bare-window) and
# gmis-assistant with GMA_EXIT_AFTER_FIRST_FRAME=1; both quit right after
# their first frame is painted. The wall time from exec to exit of each run
# is measured; the report gives min/median/mean of each and the ratio of the
# medians (app / bare). Goal: <= 1.25, i.e. starting the app costs about what
# a plain GTK window costs.
#
# Headless: without a display it re-runs itself under xvfb-run (and a private
# D-Bus session), so every run shares one X server.
#
# Options:
#   -n RUNS   runs of each program (default 30, or $GMA_BENCH_RUNS)
#   --check   exit 1 when the ratio is above the goal
#
# Environment: GMA_BUILDDIR (default _build).
set -euo pipefail

# shellcheck source=tools/lib/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

runs="${GMA_BENCH_RUNS:-30}"
check=0
goal="1.25"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    -n*) runs="${1#-n}"; shift ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    --check) check=1; shift ;;
    -h | --help) sed -n '3,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) gma_die "bench startup: unknown argument '$1'" ;;
  esac
done
case "$runs" in
  '' | *[!0-9]* | 0) gma_die "bench startup: RUNS must be a positive number" ;;
esac

cd "$GMA_SOURCE_ROOT"

# Build once, outside the X server (and only the first time round).
if [ -z "${GMA_BENCH_INNER:-}" ]; then
  gma_build >&2
fi

bare="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/tests/bench-bare-window"
app="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/src/gmis-assistant"
[ -x "$bare" ] || gma_die "$bare was not built"
[ -x "$app" ] || gma_die "$app was not built"

# One X server and one D-Bus session for the whole series.
inner_args=(-n "$runs")
if [ "$check" = 1 ]; then
  inner_args+=(--check)
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || gma_die "no display and no xvfb-run (run tools/setup)"
  exec env GMA_BENCH_INNER=1 xvfb-run -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- bash "${BASH_SOURCE[0]}" "${inner_args[@]}"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec env GMA_BENCH_INNER=1 dbus-run-session -- bash "${BASH_SOURCE[0]}" "${inner_args[@]}"
fi

# The same stable environment for both programs.
export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/data"
export GMA_WEB_MODULE="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/src/ui/gma-webkit.so"
export GMA_LOCALEDIR="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/po"
export LANG=ja_JP.UTF-8
unset LC_ALL LC_MESSAGES LANGUAGE
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  export LANG=C.UTF-8
fi

# now_us: microseconds since the epoch, without forking (bash 5's
# $EPOCHREALTIME; 'date +%s%N' would add a fork to every sample).
now_us() {
  local t="$EPOCHREALTIME"
  echo "${t%[.,]*}${t#*[.,]}"
}

# run_once NAME CMD...: one timed run; appends microseconds to $tmp/NAME.
run_once() {
  local name="$1" t0 t1 rc=0
  shift
  t0="$(now_us)"
  timeout 60 "$@" >/dev/null 2>"$tmp/$name.err" || rc=$?
  t1="$(now_us)"
  if [ "$rc" -ne 0 ]; then
    echo "bench startup: $name exited with status $rc:" >&2
    sed 's/^/  /' "$tmp/$name.err" >&2
    exit 1
  fi
  echo $((t1 - t0)) >>"$tmp/$name"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

run_bare() { run_once bare "$bare"; }
run_titled() { run_once titled env GMA_BENCH_TITLEBAR=1 "$bare"; }
run_app() { run_once app env GMA_EXIT_AFTER_FIRST_FRAME=1 "$app"; }

# Warm up the caches (files, fonts, the session bus) once each, not counted.
run_bare
run_titled
run_app
rm -f "$tmp/bare" "$tmp/titled" "$tmp/app"

echo "bench startup: $runs runs each, alternating (GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory, LANG=$LANG)" >&2
for ((i = 0; i < runs; i++)); do
  # Alternate which goes first so that slow drift hits both alike.
  if ((i % 2 == 0)); then
    run_bare
    run_titled
    run_app
  else
    run_app
    run_titled
    run_bare
  fi
done

# stats FILE: "min median mean" in milliseconds.
stats() {
  sort -n "$1" | awk '
    { v[NR] = $1; sum += $1 }
    END {
      if (NR % 2) med = v[(NR + 1) / 2]; else med = (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "%.1f %.1f %.1f\n", v[1] / 1000, med / 1000, sum / NR / 1000
    }'
}

read -r bmin bmed bmean < <(stats "$tmp/bare")
read -r tmin tmed tmean < <(stats "$tmp/titled")
read -r amin amed amean < <(stats "$tmp/app")
ratio="$(awk -v a="$amed" -v b="$bmed" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
ratio_titled="$(awk -v a="$amed" -v b="$tmed" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
ok="$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (r <= g ? 1 : 0) }')"

printf '%-16s %9s %9s %9s\n' "first frame (ms)" min median mean
printf '%-16s %9s %9s %9s\n' "bare window" "$bmin" "$bmed" "$bmean"
printf '%-16s %9s %9s %9s\n' "bare + titlebar" "$tmin" "$tmed" "$tmean"
printf '%-16s %9s %9s %9s\n' "gmis-assistant" "$amin" "$amed" "$amean"
echo "ratio app/(bare + titlebar) (medians): $ratio_titled"
if [ "$ok" = 1 ]; then
  echo "ratio app/bare (medians): $ratio (goal <= $goal: met)"
else
  echo "ratio app/bare (medians): $ratio (goal <= $goal: NOT met)"
fi

if [ "$check" = 1 ] && [ "$ok" != 1 ]; then
  exit 1
fi
exit 0
