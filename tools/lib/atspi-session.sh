#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tools/lib/atspi-session.sh COMMAND [ARGS...]: runs COMMAND with the AT-SPI
# bus started in the current D-Bus session (at-spi-bus-launcher and
# at-spi2-registryd, from at-spi2-core), as a desktop session has it, and
# stops the bus afterwards. tools/test runs the test suite in it, inside
# dbus-run-session: GTK registers the window there, and the UI tests read
# it from another process (tests/atspi-probe.py), as a screen reader does.
#
# Exit status: COMMAND's; 1 when the bus cannot be started.
set -euo pipefail

launcher=/usr/libexec/at-spi-bus-launcher
if [ ! -x "$launcher" ]; then
  echo "error: $launcher not found (package at-spi2-core, tools/packages.txt)" >&2
  exit 1
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "error: no D-Bus session (run this inside dbus-run-session)" >&2
  exit 1
fi

# Its output (the registry says it is running) goes to stderr: stdout is
# the TAP of the tests run inside.
"$launcher" --launch-immediately --a11y=1 >&2 &
launcher_pid=$!
trap 'kill "$launcher_pid" 2>/dev/null || true; wait "$launcher_pid" 2>/dev/null || true' EXIT

if ! gdbus wait --session --timeout 30 org.a11y.Bus; then
  echo "error: the AT-SPI bus launcher did not start" >&2
  exit 1
fi
address="$(gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
  --method org.a11y.Bus.GetAddress | sed -e "s/^('//" -e "s/',)\$//")"
# The registry, which the applications and the readers meet at.
if ! gdbus wait --address "$address" --activate org.a11y.atspi.Registry --timeout 30 \
  org.a11y.atspi.Registry; then
  echo "error: the AT-SPI registry did not start on $address" >&2
  exit 1
fi

"$@"
