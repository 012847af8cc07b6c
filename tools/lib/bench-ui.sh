#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-ui.sh [-n RUNS] [first-frame] [page] [warm]: the app against its
# floors, medians over RUNS runs of each program (default 15), run
# alternately.
#
#   first-frame  "timing: first-frame" of gmis-assistant (it stops in its
#                first after-paint, GMA_EXIT_AFTER_FIRST_FRAME=1) against
#                tests/bench/bench-bare-window, a bare GTK window (and, for
#                information, the same with a title bar, which draws text,
#                and the same with the words of the app's first frame at its
#                type sizes in plain GTK widgets: what the text costs).
#   page         "timing: page-ready remedy-2" of gmis-assistant
#                --page=remedy-2 against tests/bench/bench-bare-webview, a bare
#                window with one WebKitWebView showing the same page (the
#                same bytes under the same URIs, dumped by
#                tests/bench/bench-dump-page); and the total PSS of each process
#                tree (the program, its WebKit processes and their
#                sandbox), read from /proc/PID/smaps_rollup as soon as the
#                page-ready line is out.
#   warm         from a click on an answer to a frame showing its page, in
#                frames and ms: the first answer, whose page is kept warm,
#                against the second, which loads (tests/bench/bench-warm).
#
# Both programs print their own timings (GMIS_ASSISTANT_TIMINGS=1):
# milliseconds since the process started, see src/core/gma-timing.h.
# Without a display it re-runs itself under xvfb-run and a private D-Bus
# session. GSK_RENDERER is cairo unless set (the test suite's renderer).
# tools/bench, its only caller, builds the programs first.
#
# Environment: GMA_BUILDDIR (default _build), GSK_RENDERER.
set -euo pipefail

# shellcheck source=tools/lib/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

runs=15
figures=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    -n*) runs="${1#-n}"; shift ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    first-frame | page | warm) figures+=("$1"); shift ;;
    -h | --help) sed -n '3,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) gma_die "bench: unknown argument '$1'" ;;
  esac
done
case "$runs" in
  '' | *[!0-9]* | 0) gma_die "bench: RUNS must be a positive number" ;;
esac
[ ${#figures[@]} -gt 0 ] || figures=(first-frame page warm)

cd "$GMA_SOURCE_ROOT"
build="$GMA_SOURCE_ROOT/$GMA_BUILDDIR"

inner=(env GMA_BUILDDIR="$GMA_BUILDDIR" bash "${BASH_SOURCE[0]}" -n "$runs" "${figures[@]}")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || gma_die "no display and no xvfb-run (run tools/setup)"
  exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "${inner[@]}"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "${inner[@]}"
fi

export GSK_RENDERER="${GSK_RENDERER:-cairo}"
export GSETTINGS_BACKEND=memory
export GMIS_ASSISTANT_TIMINGS=1
unset GMA_EXIT_AFTER_FIRST_FRAME
gma_use_build_tree

app="$build/src/gmis-assistant"
bare="$build/tests/bench/bench-bare-window"
bare_web="$build/tests/bench/bench-bare-webview"
page_id=remedy-2

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gma-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# timing_of FILE WHAT: the MS of the first "timing: WHAT MS" line.
timing_of() {
  sed -n "s/^timing: $2 \([0-9][0-9.]*\)\$/\1/p" "$1" | head -n 1
}

# tree_of PID: PID and all its descendants, one a line.
tree_of() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      keep[root] = 1; print root
      do {
        added = 0
        for (i in pids) {
          p = pids[i]
          if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; print p; added = 1 }
        }
      } while (added)
    }'
}

# pss_of PIDS...: the total PSS in kB.
pss_of() {
  local total=0 kb p
  for p in "$@"; do
    kb="$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

# end_tree PIDS...: TERM to the first (the program), then waits for every
# one of them to be gone, KILLing what is left after 10 s.
end_tree() {
  local first="$1" p alive tries=0
  kill -TERM "$first" 2>/dev/null || true
  wait "$first" 2>/dev/null || true
  while :; do
    alive=()
    for p in "$@"; do
      [ -d "/proc/$p" ] && alive+=("$p")
    done
    [ ${#alive[@]} -eq 0 ] && return 0
    if ((tries++ > 200)); then
      kill -KILL "${alive[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.05
  done
}

# run_first_frame NAME CMD...: one run of a program that quits after its
# first frame; appends its first-frame MS to $tmp/NAME.
run_first_frame() {
  local name="$1" rc=0 ms
  shift
  timeout 60 "$@" >/dev/null 2>"$tmp/err" || rc=$?
  ms="$(timing_of "$tmp/err" first-frame)"
  if [ "$rc" -ne 0 ] || [ -z "$ms" ]; then
    echo "bench: $name failed (status $rc):" >&2
    sed 's/^/  /' "$tmp/err" >&2
    exit 1
  fi
  echo "$ms" >>"$tmp/$name"
}

# run_page NAME CMD...: starts a program that shows page $page_id, waits
# for its page-ready line, reads the PSS of its process tree, ends it;
# appends to $tmp/NAME.ready, NAME.first and NAME.pss.
run_page() {
  local name="$1" pid tries=0 ms pids
  shift
  "$@" >/dev/null 2>"$tmp/err" &
  pid=$!
  until grep -q "^timing: page-ready $page_id " "$tmp/err"; do
    if ! kill -0 "$pid" 2>/dev/null || ((tries++ > 6000)); then
      echo "bench: $name did not show $page_id:" >&2
      sed 's/^/  /' "$tmp/err" >&2
      kill -TERM "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.01
  done
  mapfile -t pids < <(tree_of "$pid")
  pss_of "${pids[@]}" >>"$tmp/$name.pss"
  end_tree "${pids[@]}"
  timing_of "$tmp/err" "page-ready $page_id" >>"$tmp/$name.ready"
  ms="$(timing_of "$tmp/err" first-frame)"
  echo "${ms:-0}" >>"$tmp/$name.first"
}

# median FILE
median() {
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'
}

# row LABEL FLOOR APP GOAL [UNIT-SCALE]
row() {
  awk -v label="$1" -v f="$2" -v a="$3" -v goal="$4" 'BEGIN {
    r = (f > 0 ? a / f : 0)
    verdict = (goal == "" ? "" : (r <= goal ? "met" : "NOT met"))
    printf "%-34s %10.1f %10.1f %7.2f×   %s\n", label, f, a, r, (goal == "" ? "" : "goal ≤ " goal "×: " verdict)
  }'
}

echo "bench: $runs runs of each program, alternating; GSK_RENDERER=$GSK_RENDERER, LANG=$LANG," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
header() {
  printf '%-34s %10s %10s %8s\n' "median of $runs runs" floor app ratio
  header() { :; }
}

for figure in "${figures[@]}"; do
  case "$figure" in
    first-frame)
      header
      # Warm the caches (files, fonts, the session bus) once, not counted.
      run_first_frame warmup "$bare"
      run_first_frame warmup env GMA_EXIT_AFTER_FIRST_FRAME=1 "$app"
      for ((i = 0; i < runs; i++)); do
        if ((i % 2 == 0)); then
          run_first_frame bare "$bare"
          run_first_frame titled env GMA_BENCH_TITLEBAR=1 "$bare"
          run_first_frame text env GMA_BENCH_TEXT=1 "$bare"
          run_first_frame app env GMA_EXIT_AFTER_FIRST_FRAME=1 "$app"
        else
          run_first_frame app env GMA_EXIT_AFTER_FIRST_FRAME=1 "$app"
          run_first_frame text env GMA_BENCH_TEXT=1 "$bare"
          run_first_frame titled env GMA_BENCH_TITLEBAR=1 "$bare"
          run_first_frame bare "$bare"
        fi
      done
      row "first frame (ms)" "$(median "$tmp/bare")" "$(median "$tmp/app")" 1.10
      row "  against a window with a title bar" "$(median "$tmp/titled")" "$(median "$tmp/app")" ""
      row "  against the same text, plain GTK" "$(median "$tmp/text")" "$(median "$tmp/app")" ""
      ;;

    page)
      header
      "$build/tests/bench/bench-dump-page" "$tmp/page" "$page_id" >/dev/null
      run_page warmup "$bare_web" "$tmp/page" "gma://page/$page_id"
      run_page warmup "$app" --page="$page_id"
      rm -f "$tmp"/warmup.*
      for ((i = 0; i < runs; i++)); do
        if ((i % 2 == 0)); then
          run_page web "$bare_web" "$tmp/page" "gma://page/$page_id"
          run_page app "$app" --page="$page_id"
        else
          run_page app "$app" --page="$page_id"
          run_page web "$bare_web" "$tmp/page" "gma://page/$page_id"
        fi
      done
      row "page ready, $page_id (ms)" "$(median "$tmp/web.ready")" "$(median "$tmp/app.ready")" 1.10
      row "  its first frame (ms)" "$(median "$tmp/web.first")" "$(median "$tmp/app.first")" ""
      row "PSS of the process tree (MiB)" \
        "$(awk -v k="$(median "$tmp/web.pss")" 'BEGIN { print k / 1024 }')" \
        "$(awk -v k="$(median "$tmp/app.pss")" 'BEGIN { print k / 1024 }')" 1.10
      ;;

    warm)
      echo
      "$build/tests/bench/bench-warm" --runs="$runs" 2>"$tmp/err" || {
        echo "bench: bench-warm failed:" >&2
        sed 's/^/  /' "$tmp/err" >&2
        exit 1
      }
      ;;
  esac
done
