#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk as data/kiosk/gmis-assistant-kiosk.service starts it, on a
terminal without a GPU: cage on wlroots' headless backend with the pixman
(CPU) renderer, the unit's ExecStart and Environment read from the unit
file, as an unprivileged user with a private XDG_RUNTIME_DIR. The
assistant must still be running 15 seconds after the start, and a
screenshot (grim) must show its attract screen over the whole output: no
compositor black at any edge, the start button in the middle.

Three compositors run side by side:

  shipped    the unit's command line as it is (the 1280 x 720 output of
             the headless backend): the assistant stays alive.
  landscape  the same with the output turned by 180 degrees (cage -r -r;
             still 1280 x 720, grim turns the picture back): screenshot.
  portrait   the output turned by 90 degrees (cage -r): 720 x 1280,
             screenshot.

Why turn the output for the screenshots: cage 0.1.4 (Debian 12) shows a
full-screen client's buffer directly ("direct scan-out"), and when grim
asks for a frame it composites one into a buffer whose damage history
misses the scanned-out frames: grim then shows a stale frame (an early,
smaller window, or black), not what the output shows. A turned output
cannot show a client's buffer directly, so cage composites every frame
and grim sees what is on the output. wlroots' headless output is always
1280 x 720 (no environment variable sizes it) and cage 0.1.4 offers no
output management (wlr-randr): the turn is also the only way to give cage
a portrait output here.

When run as root (cage refuses root), the compositor runs as the system
user gma-kiosk-test, which tools/test creates; without it the test is
skipped with the reason. TAP output.

Environment (meson sets it, tests/meson.build): GMA_SOURCE_ROOT,
GMA_BINARY, GMA_WEB_MODULE, GSETTINGS_SCHEMA_DIR, GMA_LOCALEDIR.
"""
import os
import pathlib
import pwd
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TEST_USER = 'gma-kiosk-test'
ALIVE_SECONDS = 15
# Waiting for a condition gives up after this long (a loaded machine).
TIMEOUT_SECONDS = 60
# The attract screen's start button: GTK's accent colour (Adwaita blue).
BUTTON = (0x35, 0x84, 0xe4)
UNIT = pathlib.Path(os.environ['GMA_SOURCE_ROOT']) / 'data' / 'kiosk' / 'gmis-assistant-kiosk.service'
INSTALLED_BINARY = '/usr/bin/gmis-assistant'

results = []


def tap(ok, description, diagnostics=()):
    results.append((ok, description, list(diagnostics)))


def skip_all(reason):
    print('1..0 # SKIP ' + reason)
    sys.exit(0)


def parse_unit(path):
    """The [Service] section's ExecStart, Environment (in order, every
    line) and UnsetEnvironment of a systemd unit."""
    service = {'ExecStart': None, 'Environment': [], 'UnsetEnvironment': []}
    section = None
    for raw in path.read_text(encoding='utf-8').splitlines():
        line = raw.strip()
        if not line or line[0] in '#;':
            continue
        if line.startswith('[') and line.endswith(']'):
            section = line[1:-1]
            continue
        if section != 'Service' or '=' not in line:
            continue
        key, value = (part.strip() for part in line.split('=', 1))
        if key == 'ExecStart':
            service['ExecStart'] = value
        elif key in ('Environment', 'UnsetEnvironment'):
            # systemd splits on spaces and honours quotes, as a shell does.
            service[key].extend(shlex.split(value))
    return service


def unit_environment(service, runtime_dir, home, user):
    """What the service's processes see: systemd's and PAM's basics, the
    unit's Environment=, minus UnsetEnvironment=; then what makes this a
    terminal without a GPU, and what points the assistant at the build
    tree. Nothing of the test's own environment (GSK_RENDERER=cairo,
    among others) leaks in."""
    env = {
        'PATH': '/usr/local/bin:/usr/bin:/bin',
        'HOME': home,
        'USER': user,
        'LOGNAME': user,
        'SHELL': '/bin/sh',
        'LANG': os.environ.get('GMA_KIOSK_LANG', 'ja_JP.UTF-8'),
        'XDG_RUNTIME_DIR': runtime_dir,
    }
    for assignment in service['Environment']:
        key, _, value = assignment.partition('=')
        env[key] = value
    for key in service['UnsetEnvironment']:
        env.pop(key, None)
    env.update({
        # A terminal without a working GPU: no DRM device, no input device.
        'WLR_BACKENDS': 'headless',
        'WLR_LIBINPUT_NO_DEVICES': '1',
        'WLR_RENDERER': 'pixman',
        # The build tree instead of an installation; settings in memory
        # (kiosk-mode comes from --kiosk, as in the unit).
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': os.environ['GSETTINGS_SCHEMA_DIR'],
        'GMA_WEB_MODULE': os.environ['GMA_WEB_MODULE'],
        'GMA_LOCALEDIR': os.environ['GMA_LOCALEDIR'],
    })
    return env


def command_line(service, binary):
    """The unit's ExecStart with the build tree's assistant in place of the
    installed one."""
    argv = shlex.split(service['ExecStart'])
    if INSTALLED_BINARY not in argv:
        raise ValueError(f'ExecStart does not run {INSTALLED_BINARY}: {service["ExecStart"]}')
    return [binary if arg == INSTALLED_BINARY else arg for arg in argv]


def children(pid):
    """Every process that descends from @pid: {pid: command name}."""
    parents = {}
    names = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            stat = pathlib.Path('/proc', entry, 'stat').read_text()
        except OSError:
            continue
        # "PID (COMM) STATE PPID …": COMM ends at the last ')'.
        name = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        parents[int(entry)] = int(fields[1])
        names[int(entry)] = name
    family = {pid}
    grew = True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in family and child not in family:
                family.add(child)
                grew = True
    family.discard(pid)
    return {p: names[p] for p in family}


class Kiosk:
    """One cage compositor running the unit's command line."""

    def __init__(self, name, cage_options, service, binary, account):
        self.name = name
        self.account = account
        self.runtime_dir = tempfile.mkdtemp(prefix=f'gma-cage-{name}-')
        os.chmod(self.runtime_dir, 0o700)
        if account is not None:
            os.chown(self.runtime_dir, account.pw_uid, account.pw_gid)
        home = account.pw_dir if account is not None else os.environ.get('HOME', '/')
        user = account.pw_name if account is not None else pwd.getpwuid(os.getuid()).pw_name
        self.env = unit_environment(service, self.runtime_dir, home, user)
        argv = command_line(service, binary)
        # cage's own options go before its "--".
        self.argv = argv[:1] + cage_options + argv[1:]
        self.log_path = os.path.join(self.runtime_dir, 'log')
        self.process = None
        self.app_pid = None

    def start(self):
        log = open(self.log_path, 'wb')
        kwargs = {}
        if self.account is not None:
            kwargs = {'user': self.account.pw_uid, 'group': self.account.pw_gid, 'extra_groups': []}
        self.process = subprocess.Popen(self.argv, env=self.env, stdin=subprocess.DEVNULL,
                                        stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True, cwd=self.runtime_dir, **kwargs)
        log.close()
        self.started = time.monotonic()

    def assistant(self):
        """The pid of the assistant under this cage, or None."""
        found = [p for p, n in children(self.process.pid).items() if n == 'gmis-assistant']
        return found[0] if found else None

    def log_tail(self, lines=25):
        try:
            text = pathlib.Path(self.log_path).read_text(errors='replace')
        except OSError:
            return []
        # wlroots repeats this on every frame it could not scan out.
        kept = [line for line in text.splitlines() if 'Basic output test failed' not in line]
        return kept[-lines:]

    def watch(self):
        """Follows the assistant until it has run ALIVE_SECONDS: FALSE and
        why as soon as cage or the assistant ends, or another assistant
        takes its place."""
        while True:
            if self.process.poll() is not None:
                return False, f'cage exited with status {self.process.returncode}'
            pid = self.assistant()
            if self.app_pid is None:
                self.app_pid = pid
            elif pid != self.app_pid:
                return False, f'the assistant (pid {self.app_pid}) ended'
            elapsed = time.monotonic() - self.started
            if self.app_pid is not None and elapsed >= ALIVE_SECONDS:
                return True, f'alive after {elapsed:.1f} s (pid {self.app_pid})'
            if self.app_pid is None and elapsed > TIMEOUT_SECONDS:
                return False, 'the assistant never started'
            time.sleep(0.2)

    def wayland_display(self):
        for entry in sorted(os.listdir(self.runtime_dir)):
            if entry.startswith('wayland-') and not entry.endswith('.lock'):
                return entry
        return None

    def screenshot(self, path):
        """A grim screenshot of the output, as the compositor's user."""
        env = {'PATH': self.env['PATH'], 'XDG_RUNTIME_DIR': self.runtime_dir,
               'WAYLAND_DISPLAY': self.wayland_display() or 'wayland-0'}
        kwargs = {}
        if self.account is not None:
            kwargs = {'user': self.account.pw_uid, 'group': self.account.pw_gid, 'extra_groups': []}
        done = subprocess.run(['grim', path], env=env, capture_output=True, timeout=60, **kwargs)
        if done.returncode != 0:
            raise RuntimeError('grim: ' + done.stderr.decode(errors='replace').strip())

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            # The process group this test started: cage and its children.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def clean(self):
        shutil.rmtree(self.runtime_dir, ignore_errors=True)


def read_rgb(path):
    """(width, height, bytes RGB) of a PNG, through ImageMagick."""
    size = subprocess.run(['identify', '-format', '%w %h', path], capture_output=True,
                          check=True, text=True).stdout.split()
    pixels = subprocess.run(['convert', path, '-alpha', 'off', '-depth', '8', 'rgb:-'],
                            capture_output=True, check=True).stdout
    return int(size[0]), int(size[1]), pixels


def near(pixel, colour, tolerance=24):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def check_attract_screen(path, width, height, label):
    """What the screenshot shows, as TAP results: the attract screen over
    the whole output."""
    checks = []
    w, h, pixels = read_rgb(path)
    checks.append(((w, h) == (width, height), f'{label}: the screenshot is {w} x {h}',
                   [] if (w, h) == (width, height) else [f'expected {width} x {height}']))
    if (w, h) != (width, height):
        return checks

    def pixel(x, y):
        i = (y * w + x) * 3
        return tuple(pixels[i:i + 3])

    edges = {
        'top': [(x, 0) for x in range(w)],
        'bottom': [(x, h - 1) for x in range(w)],
        'left': [(0, y) for y in range(h)],
        'right': [(w - 1, y) for y in range(h)],
    }
    for edge, points in edges.items():
        black = [p for p in points if pixel(*p) == (0, 0, 0)]
        checks.append((not black, f'{label}: no compositor black at the {edge} edge',
                       [f'{len(black)} black pixels, the first at {black[0]}'] if black else []))

    # The start button: the accent-coloured pixels, centred on the output
    # and wide (a window narrower than the output, or wider and cut off,
    # moves the centre away), not cut by any edge.
    xs = []
    ys = []
    for y in range(0, h, 2):
        row = y * w * 3
        for x in range(0, w, 2):
            i = row + x * 3
            if near((pixels[i], pixels[i + 1], pixels[i + 2]), BUTTON):
                xs.append(x)
                ys.append(y)
    if not xs:
        checks.append((False, f'{label}: the attract screen\'s start button is shown in the middle',
                       ['no accent-coloured pixels']))
        return checks
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    centre = (left + right) / 2
    checks.append((abs(centre - w / 2) <= 4 and right - left >= w * 0.4 and left > 0 and right < w - 2 and
                   bottom - top >= 30 and top > 0 and bottom < h - 2,
                   f'{label}: the attract screen\'s start button is shown in the middle',
                   [f'button box x {left}–{right}, y {top}–{bottom}; output {w} x {h}']))
    return checks


def shows_attract_screen(kiosk, width, height):
    """Screenshots until one shows the attract screen over the output (the
    first frame may come late on a loaded machine), at most
    TIMEOUT_SECONDS: the checks of the last one."""
    shot = os.path.join(kiosk.runtime_dir, 'screenshot.png')
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while True:
        try:
            kiosk.screenshot(shot)
            checks = check_attract_screen(shot, width, height, kiosk.name)
        except (RuntimeError, subprocess.SubprocessError, OSError) as error:
            checks = [(False, f'{kiosk.name}: a screenshot of the output', [str(error)])]
        if all(ok for ok, _, _ in checks) or time.monotonic() > deadline or kiosk.process.poll() is not None:
            break
        time.sleep(0.5)
    keep = os.environ.get('GMA_CAGE_SCREENSHOTS')
    if keep and os.path.exists(shot):
        shutil.copy(shot, os.path.join(keep, f'kiosk-cage-{kiosk.name}.png'))
    return checks


def main():
    for program in ('cage', 'grim', 'dbus-run-session', 'identify', 'convert'):
        if shutil.which(program) is None:
            skip_all(f'{program} is not installed (tools/packages.txt lists it)')

    account = None
    if os.getuid() == 0:
        try:
            account = pwd.getpwnam(TEST_USER)
        except KeyError:
            skip_all(f'cage refuses to run as root and the user {TEST_USER} does not exist '
                     f'(tools/test creates it: useradd --system --create-home {TEST_USER})')

    service = parse_unit(UNIT)
    binary = os.environ['GMA_BINARY']
    tap(service['ExecStart'] is not None and '--kiosk' in shlex.split(service['ExecStart'] or ''),
        'the unit runs the assistant with --kiosk', [f'ExecStart={service["ExecStart"]}'])
    tap('GSK_RENDERER' not in ' '.join(service['Environment']),
        'the unit leaves the renderer to the assistant', [f'Environment={service["Environment"]}'])

    kiosks = [
        Kiosk('shipped', [], service, binary, account),
        Kiosk('landscape', ['-r', '-r'], service, binary, account),
        Kiosk('portrait', ['-r'], service, binary, account),
    ]
    sizes = {'landscape': (1280, 720), 'portrait': (720, 1280)}
    try:
        for kiosk in kiosks:
            kiosk.start()
        for kiosk in kiosks:
            alive, why = kiosk.watch()
            tap(alive, f'{kiosk.name}: the assistant is alive after {ALIVE_SECONDS} s',
                [f'{" ".join(kiosk.argv)}', why] + ([] if alive else kiosk.log_tail()))
            if not alive or kiosk.name not in sizes:
                continue
            for check in shows_attract_screen(kiosk, *sizes[kiosk.name]):
                tap(*check)
            # Still the same assistant once the screenshot is taken.
            running = kiosk.process.poll() is None and kiosk.assistant() == kiosk.app_pid
            tap(running, f'{kiosk.name}: the assistant still runs after the screenshot',
                [] if running else kiosk.log_tail())
    finally:
        for kiosk in kiosks:
            kiosk.stop()
        for kiosk in kiosks:
            kiosk.clean()

    print(f'1..{len(results)}')
    for number, (ok, description, diagnostics) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {description}')
        for line in diagnostics:
            print(f'# {line}')
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
