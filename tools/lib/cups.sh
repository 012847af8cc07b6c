# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# A private print queue for tools/test's print tests (tests/test-print.c).
# Source it after tools/lib/setup.sh; it defines functions and changes
# nothing by itself.
#
#   gma_cups_start   starts, under $GMA_BUILDDIR/cups, a cupsd with its own
#                    configuration, spool, cache and logs, listening on a Unix
#                    socket there (not on port 631: runs of other engineers
#                    never meet), with a cups-pdf queue "gma-pdf" as its
#                    default printer; and what a desktop has around printing:
#                    a system bus with colord and avahi-daemon on it, of this
#                    run alone. Exports GMA_CUPS_SERVER (the socket, for
#                    CUPS_SERVER), GMA_PRINT_SYSTEM_BUS (for
#                    DBUS_SYSTEM_BUS_ADDRESS) and GMA_PRINT_DIR (where
#                    cups-pdf writes each job's PDF): only the print tests use
#                    them. Returns 1 and says why when it cannot; the print
#                    tests then skip and say so.
#   gma_cups_stop    stops all of it.
#
# Why each piece:
# - cups-pdf (Debian's printer-driver-cups-pdf) reads where to write from
#   /etc/cups/cups-pdf.conf only (its PPD options cannot hold a path), and its
#   backend runs only under a root cupsd (it is 0700 root). So everything runs
#   as root in a mount namespace of its own, where a private cups-pdf.conf is
#   bind-mounted over that file: nothing under /etc changes.
# - GTK's print support asks colord for the printer's colour profile and
#   avahi for network printers, on the system bus; without them it warns
#   (a desktop has both). The machine's own system bus is not used: this one
#   has no other services, and colord's database and avahi's /run files are
#   private to the namespace too.
# - The queue renders PDF to PostScript with pdftocairo (the pdftops filter's
#   pdftocairo renderer), whose fonts keep their text through cups-pdf's
#   Ghostscript: the PDF it writes can be read back (with Ghostscript's own
#   renderer the text becomes unreadable Type 3 glyphs).

GMA_CUPS_PID=""

gma_cups_start() {
  local dir="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/cups" program
  local socket="$dir/cups.sock" bus="$dir/system_bus_socket"

  for program in cupsd lpadmin lpstat unshare mount dbus-daemon avahi-daemon; do
    command -v "$program" >/dev/null 2>&1 || {
      gma_log "no print queue: $program is not installed (tools/packages.txt)"
      return 1
    }
  done
  if [ ! -x /usr/lib/cups/backend/cups-pdf ] || [ ! -f /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd ]; then
    gma_log "no print queue: cups-pdf is not installed (tools/packages.txt lists printer-driver-cups-pdf)"
    return 1
  fi
  if [ ! -x /usr/libexec/colord ]; then
    gma_log "no print queue: colord is not installed (tools/packages.txt)"
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    gma_log "no print queue: cups-pdf's backend runs only under a root cupsd (run tools/test as root)"
    return 1
  fi
  # A Unix socket's path has at most 107 bytes.
  if [ "${#bus}" -gt 100 ]; then
    gma_log "no print queue: the build directory's path is too long for a socket ($bus)"
    return 1
  fi

  rm -rf "$dir"
  mkdir -p "$dir/etc/ppd" "$dir/spool/tmp" "$dir/cache" "$dir/state" "$dir/log" "$dir/pdf" \
    "$dir/cups-pdf" "$dir/run" "$dir/colord"
  # cupsd runs filters as lp, which must reach the spool.
  chmod 755 "$dir" "$dir/pdf"

  cat >"$dir/etc/cupsd.conf" <<EOF
# tools/lib/cups.sh: a private cupsd for the tests.
Listen $socket
LogLevel info
MaxLogSize 0
# The document each job was given stays in the spool (d*-001).
PreserveJobFiles Yes
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
  cat >"$dir/etc/cups-files.conf" <<EOF
ServerRoot $dir/etc
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
Printcap $dir/state/printcap
SystemGroup root
FileDevice No
EOF
  # Where cups-pdf writes (its PPD's Label 2 ends each file's name with
  # -job_N, the CUPS job).
  cat >"$dir/cups-pdf.conf" <<EOF
Out $dir/pdf
AnonDirName $dir/pdf
Spool $dir/cups-pdf
Log $dir/log
Grp lp
DecodeHexStrings 1
EOF
  cat >"$dir/system-bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
    <allow eavesdrop="true"/>
  </policy>
</busconfig>
EOF
  # avahi on the loopback only, publishing nothing: no packet leaves.
  cat >"$dir/avahi-daemon.conf" <<EOF
[server]
host-name=gma-print-test
allow-interfaces=lo
use-ipv6=no
ratelimit-interval-usec=1000000
ratelimit-burst=1000
[wide-area]
enable-wide-area=no
[publish]
disable-publishing=yes
disable-user-service-publishing=yes
[reflector]
[rlimits]
EOF
  # The namespace's first process: mounts, starts the services, and stops
  # them all when it is told to (gma_cups_stop).
  cat >"$dir/services.sh" <<EOF
#!/bin/sh
set -e
mount --bind '$dir/cups-pdf.conf' /etc/cups/cups-pdf.conf
mount --bind '$dir/run' /run
mount --bind '$dir/colord' /var/lib/colord
export DBUS_SYSTEM_BUS_ADDRESS='unix:path=$bus'
dbus-daemon --config-file='$dir/system-bus.conf' --nofork >'$dir/log/system-bus.log' 2>&1 &
bus_pid=\$!
while [ ! -S '$bus' ]; do kill -0 \$bus_pid; sleep 0.1; done
/usr/libexec/colord >'$dir/log/colord.log' 2>&1 &
colord_pid=\$!
avahi-daemon --no-drop-root --no-chroot --no-rlimits -f '$dir/avahi-daemon.conf' \\
  >'$dir/log/avahi.log' 2>&1 &
avahi_pid=\$!
cupsd -f -c '$dir/etc/cupsd.conf' -s '$dir/etc/cups-files.conf' >'$dir/log/cupsd.out' 2>&1 &
cupsd_pid=\$!
stop() {
  kill \$cupsd_pid \$avahi_pid \$colord_pid 2>/dev/null || true
  wait \$cupsd_pid \$avahi_pid \$colord_pid 2>/dev/null || true
  kill \$bus_pid 2>/dev/null || true
  wait \$bus_pid 2>/dev/null || true
  exit 0
}
trap stop TERM INT
wait \$cupsd_pid
stop
EOF
  chmod 755 "$dir/services.sh"

  unshare --mount --propagation private "$dir/services.sh" >"$dir/log/services.out" 2>&1 &
  GMA_CUPS_PID=$!

  # lpstat -r says whether the scheduler runs (its status is 0 either way).
  local _
  for _ in $(seq 150); do
    [ -S "$socket" ] && lpstat -h "$socket" -r 2>/dev/null | grep -q "is running" && break
    if ! kill -0 "$GMA_CUPS_PID" 2>/dev/null; then
      gma_log "no print queue: the print services ended at their start ($dir/log)"
      GMA_CUPS_PID=""
      return 1
    fi
    sleep 0.1
  done
  if ! lpstat -h "$socket" -r 2>/dev/null | grep -q "is running"; then
    gma_log "no print queue: cupsd did not answer in 15 s ($dir/log)"
    gma_cups_stop
    return 1
  fi

  # lpadmin warns that printer drivers are deprecated: cups-pdf is one.
  if ! lpadmin -h "$socket" -p gma-pdf -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd \
    -o pdftops-renderer-default=pdftocairo >"$dir/log/lpadmin.out" 2>&1 ||
    ! lpadmin -h "$socket" -d gma-pdf >>"$dir/log/lpadmin.out" 2>&1; then
    gma_log "no print queue: lpadmin could not add the cups-pdf queue ($dir/log)"
    gma_cups_stop
    return 1
  fi

  export GMA_CUPS_SERVER="$socket"
  export GMA_PRINT_SYSTEM_BUS="unix:path=$bus"
  export GMA_PRINT_DIR="$dir/pdf"
}

gma_cups_stop() {
  if [ -n "$GMA_CUPS_PID" ]; then
    kill "$GMA_CUPS_PID" 2>/dev/null || true
    wait "$GMA_CUPS_PID" 2>/dev/null || true
    GMA_CUPS_PID=""
  fi
  unset GMA_CUPS_SERVER GMA_PRINT_SYSTEM_BUS GMA_PRINT_DIR
}
