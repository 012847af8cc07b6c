#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""atspi-probe.py: an application's accessibility tree, read through AT-SPI
from another process, as a screen reader reads it.

    atspi-probe.py --pid PID dump          the tree, as JSON
    atspi-probe.py --pid PID find ROLE [NAME-REGEX]
                                           the elements with that role (and a
                                           name matching the regular expression)
    atspi-probe.py --pid PID check-names   the visible interactive elements
                                           without a meaningful name
    atspi-probe.py --pid PID serve         commands on standard input, one JSON
                                           object a line; one JSON answer a line

The UI tests (tests/a11y-test-util.h) start it with "serve" while their main
loop keeps running: the application answers AT-SPI from its main loop, so an
AT-SPI client inside it would wait for itself.

Commands of "serve" (answers in brackets; {"error": "..."} when one fails):

    {"cmd": "dump"}                         [the tree]
    {"cmd": "dump", "root": ROOT}           [the first subtree ROOT matches]
    {"cmd": "find", "role": R, "name": RE}  [{"nodes": [...]}]; "root" as above
    {"cmd": "check-names"}                  [{"problems": [...]}]; "root" as above
    {"cmd": "focused"}                      [the element that has the focus, or
                                             {"role": null}]
    {"cmd": "action", "role": R, "name": N, "action": A}
                                            [{"done": true}]: does action A
                                             ("click"…) of the first element
                                             with role R and name N
    {"cmd": "quit"}

ROOT is {"role": R, "name": N} (N optional). Each element of the tree is
{"role", "name", "description", "states": [...], "attributes": {...},
"interfaces": [...], "actions": [...], "text", "level", "extents": [x, y, w,
h] (window coordinates), "path": [child indices from the application],
"children": [...]}. "level" is a heading's level: AT-SPI's "level"
attribute, or with GTK 4.8 (which does not pass it on) the number the
heading's description ends with.

Needs the Atspi GObject introspection bindings (Debian: python3-pyatspi,
gir1.2-atspi-2.0, python3-gi) and the AT-SPI bus of the D-Bus session.
"""

import argparse
import json
import re
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Roles a person operates: each must have a name.
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "link", "entry",
    "password text", "combo box", "menu item", "check menu item", "radio menu item",
    "page tab", "spin button", "slider", "switch", "tree item", "menu",
}

# Names that are a toolkit's class name, not a name.
CLASS_NAME = re.compile(r"^(Gtk|Gdk|Gma|WebKit|Adw)[A-Z][A-Za-z0-9]*$")
# "最初からやり直す(_S)": a mnemonic's underscore left in the name.
MNEMONIC = re.compile(r"\(_[^)]\)")
LEVEL_IN_DESCRIPTION = re.compile(r"(\d+)\s*$")


def fail(message):
    raise ProbeError(message)


class ProbeError(Exception):
    pass


def states_of(acc):
    return [Atspi.StateType(s).value_nick.replace("-", " ")
            for s in acc.get_state_set().get_states()]


def node_of(acc, path, children=True):
    """One element (and what it holds) as a dictionary."""
    node = {"path": path}
    try:
        node["role"] = acc.get_role_name()
        node["name"] = acc.get_name() or ""
        node["description"] = acc.get_description() or ""
        node["states"] = states_of(acc)
        node["attributes"] = dict(acc.get_attributes() or {})
        node["interfaces"] = list(acc.get_interfaces() or [])
        node["text"] = None
        if "Text" in node["interfaces"]:
            node["text"] = Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc))
        node["actions"] = []
        if "Action" in node["interfaces"]:
            node["actions"] = [Atspi.Action.get_action_name(acc, i)
                               for i in range(Atspi.Action.get_n_actions(acc))]
        node["extents"] = None
        if "Component" in node["interfaces"]:
            rect = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
            node["extents"] = [rect.x, rect.y, rect.width, rect.height]
        node["level"] = None
        if node["role"] == "heading":
            level = node["attributes"].get("level")
            match = LEVEL_IN_DESCRIPTION.search(node["description"])
            if level is not None:
                node["level"] = int(level)
            elif match:
                node["level"] = int(match.group(1))
        node["children"] = []
        if children:
            for i in range(acc.get_child_count()):
                child = acc.get_child_at_index(i)
                if child is not None:
                    node["children"].append(node_of(child, path + [i]))
    except GLib.Error as error:
        # The element went while it was read.
        node["error"] = error.message
        node.setdefault("role", None)
        node.setdefault("children", [])
    return node


def walk(node):
    yield node
    for child in node.get("children", []):
        yield from walk(child)


def matches(node, role, name):
    if role is not None and node.get("role") != role:
        return False
    if name is not None and node.get("name") != name:
        return False
    return True


def find_nodes(tree, role, name_regex):
    pattern = re.compile(name_regex) if name_regex else None
    return [n for n in walk(tree)
            if (role is None or n.get("role") == role) and
            (pattern is None or pattern.search(n.get("name") or ""))]


def subtree(tree, root):
    if not root:
        return tree
    for node in walk(tree):
        if matches(node, root.get("role"), root.get("name")):
            return node
    fail("nothing with role %r and name %r" % (root.get("role"), root.get("name")))


def plain(word):
    """@word without a mnemonic: 「最初からやり直す(_S)」, 「最初からやり直す(S)」
    and 「最初からやり直す」 are the same words."""
    return re.sub(r"\(_?[^)]\)$", "", word).replace("_", "")


def name_problem(name):
    """Why @name is no name for an interactive element, or None."""
    stripped = name.strip()
    if not stripped:
        return "no name"
    if CLASS_NAME.match(stripped):
        return "named after its class"
    if MNEMONIC.search(stripped):
        return "a mnemonic's underscore in the name"
    words = stripped.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and \
            [plain(w) for w in words[:half]] == [plain(w) for w in words[half:]]:
        return "the same words twice"
    return None


def check_names(tree):
    """Every element a person operates that is on the screen (visible,
    showing where the toolkit says so, its ancestors too) has a meaningful
    name."""
    # GTK 4.8 sets "showing" on windows only; where the toolkit sets it on
    # anything inside a window, it counts.
    uses_showing = any("showing" in n.get("states", []) and n.get("role") not in ("frame", "window", "dialog")
                       for n in walk(tree))
    problems = []

    def visit(node, on_screen):
        states = node.get("states", [])
        extents = node.get("extents")
        # Something of no size is not on the screen (GTK 4.8 says "visible"
        # of what a closed revealer holds, and gives it 0×0).
        on_screen = (on_screen and "visible" in states and ("showing" in states or not uses_showing) and
                     (extents is None or (extents[2] > 0 and extents[3] > 0)))
        if not on_screen:
            return
        # GTK's own scroll bars are named after their class, and nothing
        # of the application can name them.
        if node.get("role") == "scroll bar":
            return
        interactive = (node.get("role") in INTERACTIVE_ROLES or "editable" in states or
                       ("focusable" in states and not node.get("children")))
        reason = None
        if interactive:
            reason = name_problem(node.get("name") or "")
        elif CLASS_NAME.match((node.get("name") or "").strip()):
            # Not operated, but read: a label or a region read as
            # "GtkLabel" is no better.
            reason = "named after its class"
        if reason:
            problems.append({"path": node["path"], "role": node.get("role"),
                             "name": node.get("name"), "reason": reason,
                             "states": states, "extents": node.get("extents")})
        for child in node.get("children", []):
            visit(child, on_screen)

    for child in tree.get("children", []):
        visit(child, True)
    return problems


class Probe:
    def __init__(self, pid, timeout):
        Atspi.init()
        self.pid = pid
        self.app = self.wait_for_app(timeout)
        self.focused = None
        self.listener = Atspi.EventListener.new(self.on_focus)
        self.listener.register("object:state-changed:focused")

    def wait_for_app(self, timeout):
        """The application with our pid, once it has registered."""
        deadline = time.monotonic() + timeout
        context = GLib.MainContext.default()
        while True:
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                try:
                    if app is not None and app.get_process_id() == self.pid:
                        return app
                except GLib.Error:
                    continue
            if time.monotonic() > deadline:
                fail("no application with pid %d on the AT-SPI bus" % self.pid)
            # Waiting for the registry to hear of it.
            context.iteration(False)
            time.sleep(0.05)

    def on_focus(self, event):
        if event.detail1:
            self.focused = event.source

    def sync(self):
        """Everything the application sent before now has been handled:
        a call it answers from its main loop (never cached), then the
        events queued before the answer."""
        self.app.clear_cache()
        for i in range(self.app.get_child_count()):
            window = self.app.get_child_at_index(i)
            if window is not None:
                Atspi.Component.get_extents(window, Atspi.CoordType.WINDOW)
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def tree(self):
        self.sync()
        return node_of(self.app, [])

    def path_of(self, acc):
        path = []
        while acc is not None and acc != self.app:
            index = acc.get_index_in_parent()
            if index < 0:
                return None
            path.insert(0, index)
            acc = acc.get_parent()
        return path

    def run(self, command):
        cmd = command.get("cmd")
        if cmd == "dump":
            return subtree(self.tree(), command.get("root"))
        if cmd == "find":
            tree = subtree(self.tree(), command.get("root"))
            return {"nodes": find_nodes(tree, command.get("role"), command.get("name"))}
        if cmd == "check-names":
            return {"problems": check_names(subtree(self.tree(), command.get("root")))}
        if cmd == "focused":
            self.sync()
            if self.focused is None:
                # Focused before the probe listened: the element whose
                # state says so.
                for node in walk(node_of(self.app, [])):
                    if "focused" in node.get("states", []):
                        node["children"] = []
                        return node
                return {"role": None}
            try:
                # Read again from the application, through its parents: not
                # what the event brought.
                path = self.path_of(self.focused)
                acc = self.app if path is not None else None
                for index in path or []:
                    acc = acc.get_child_at_index(index) if acc is not None else None
                if acc is None:
                    # Not among its parent's children (WebKit's own text
                    # widget in the web view): as the event has it.
                    acc = self.focused
                    acc.clear_cache()
                node = node_of(acc, path, children=False)
            except GLib.Error as error:
                return {"role": None, "error": error.message}
            return node
        if cmd == "action":
            return self.action(command)
        fail("unknown command %r" % cmd)

    def action(self, command):
        self.sync()
        role, name, wanted = command.get("role"), command.get("name"), command.get("action")

        def search(acc):
            if acc.get_role_name() == role and (name is None or acc.get_name() == name):
                return acc
            for i in range(acc.get_child_count()):
                child = acc.get_child_at_index(i)
                found = child is not None and search(child)
                if found:
                    return found
            return None

        acc = search(self.app)
        if not acc:
            fail("nothing with role %r and name %r" % (role, name))
        if "Action" not in (acc.get_interfaces() or []):
            fail("%r %r has no actions" % (role, name))
        for i in range(Atspi.Action.get_n_actions(acc)):
            if Atspi.Action.get_action_name(acc, i) == wanted:
                return {"done": bool(Atspi.Action.do_action(acc, i))}
        fail("%r %r has no action %r" % (role, name, wanted))


def serve(probe):
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            command = json.loads(line)
            if command.get("cmd") == "quit":
                break
            answer = probe.run(command)
        except Exception as error:  # noqa: BLE001: the test reads the error
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pid", type=int, required=True, help="the application's process id")
    parser.add_argument("--timeout", type=float, default=60,
                        help="how long to wait for the application to register (seconds)")
    parser.add_argument("command", choices=["dump", "find", "check-names", "serve"])
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()

    try:
        probe = Probe(options.pid, options.timeout)
        if options.command == "serve":
            serve(probe)
            return 0
        if options.command == "dump":
            answer = probe.run({"cmd": "dump"})
        elif options.command == "find":
            if not options.args:
                parser.error("find needs a ROLE")
            answer = probe.run({"cmd": "find", "role": options.args[0],
                                "name": options.args[1] if len(options.args) > 1 else None})
        else:
            answer = probe.run({"cmd": "check-names"})
    except (ProbeError, GLib.Error) as error:
        print("atspi-probe: %s" % error, file=sys.stderr)
        return 1
    print(json.dumps(answer, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
