#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The include graph of a folder of C files has no circle. TAP output.

A module is a public header and the files that implement it: gma-X.h,
gma-X.c, gma-X-private.h and every gma-X-PART.c that has no header of its
own (gma-search-index.c belongs to gma-search, as gma-search.h declares
what it implements; gma-text-wrap.c with gma-text-wrap.h is a module of
its own). A module includes another when any of its files has an
`#include "…"` line naming one of the other's files. A circle (gma-json
includes gma-content, which includes gma-flow, which includes gma-json)
means that no part can be understood, tested or replaced alone.

Usage:
  check-include-graph.py DIR       TAP: the planted circle is found (the
                                   check can fail), then DIR has none
  check-include-graph.py --print DIR
                                   every module and what it includes,
                                   lowest layers first; circles, if any
"""
import pathlib
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def module_of(name, headers):
    """The module of file @name ("gma-search-index.c"): the longest
    dash-separated prefix of its stem that is a public header of the
    folder; the stem itself when there is none."""
    stem = name.rsplit('.', 1)[0]
    if stem.endswith('-private'):
        stem = stem[:-len('-private')]
    parts = stem.split('-')
    for n in range(len(parts), 0, -1):
        candidate = '-'.join(parts[:n])
        if candidate in headers:
            return candidate
    return stem


def read_graph(folder):
    """{module: {included module: [(file, included file)]}} of @folder."""
    folder = pathlib.Path(folder)
    files = sorted(p for p in folder.iterdir() if p.suffix in ('.c', '.h'))
    headers = {p.stem for p in files if p.suffix == '.h' and not p.stem.endswith('-private')}
    names = {p.name for p in files}
    graph = {}
    for path in files:
        source = module_of(path.name, headers)
        graph.setdefault(source, {})
        for included in INCLUDE.findall(path.read_text(encoding='utf-8')):
            if included not in names:
                continue  # config.h, generated headers, system headers
            target = module_of(included, headers)
            if target != source:
                graph[source].setdefault(target, []).append((path.name, included))
    return graph


def find_circles(graph):
    """Every circle, once, as a list of modules (first == last)."""
    circles = []
    seen = set()
    state = {}
    stack = []

    def visit(node):
        state[node] = 'open'
        stack.append(node)
        for target in sorted(graph.get(node, {})):
            if state.get(target) == 'open':
                circle = stack[stack.index(target):] + [target]
                key = frozenset(circle)
                if key not in seen:
                    seen.add(key)
                    circles.append(circle)
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 'done'

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return circles


def describe(circle, graph):
    """gma-a (gma-a.c: "gma-b.h") → gma-b (…) → gma-a"""
    steps = []
    for source, target in zip(circle, circle[1:]):
        file, included = graph[source][target][0]
        steps.append(f'{source} ({file}: "{included}")')
    return ' → '.join(steps + [circle[-1]])


def layers(graph):
    """Modules by layer: 0 includes nothing of the folder, n includes
    modules of layers below n only (circles: the modules on them last)."""
    layer = {}
    remaining = set(graph)
    n = 0
    while remaining:
        ready = {m for m in remaining if all(t in layer for t in graph[m])}
        if not ready:
            break
        for m in ready:
            layer[m] = n
        remaining -= ready
        n += 1
    return layer, remaining


def print_graph(folder):
    graph = read_graph(folder)
    layer, stuck = layers(graph)
    for module in sorted(layer, key=lambda m: (layer[m], m)):
        targets = ', '.join(sorted(graph[module])) or '-'
        print(f'{layer[module]}  {module} → {targets}')
    for module in sorted(stuck):
        print(f'?  {module} → {", ".join(sorted(graph[module]))}')
    for circle in find_circles(graph):
        print('circle: ' + describe(circle, graph))


def plant_circle(folder):
    """A folder with the circle this check exists for: json includes
    content, content includes flow, flow includes json (through a .c
    file and a part file, as such circles hide)."""
    files = {
        'gma-json.h': '#pragma once\n#include <glib.h>\n',
        'gma-json.c': '#include "config.h"\n#include "gma-content.h"\n#include "gma-json.h"\n',
        'gma-flow.h': '#pragma once\n#include "gma-json.h"\n',
        'gma-flow.c': '#include "gma-flow.h"\n',
        'gma-content.h': '#pragma once\n#include "gma-base.h"\n',
        'gma-content-files.c': '#include "gma-content.h"\n#include "gma-flow.h"\n',
        'gma-base.h': '#pragma once\n',
    }
    for name, text in files.items():
        (pathlib.Path(folder) / name).write_text(text, encoding='utf-8')


def main(argv):
    if len(argv) == 3 and argv[1] == '--print':
        print_graph(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2

    status = 0
    print('1..2')

    with tempfile.TemporaryDirectory() as planted:
        plant_circle(planted)
        circles = find_circles(read_graph(planted))
        expected = {'gma-json', 'gma-content', 'gma-flow'}
        if len(circles) == 1 and set(circles[0]) == expected:
            print('ok 1 - a planted circle is found: ' + describe(circles[0], read_graph(planted)))
        else:
            print('not ok 1 - a planted circle json → content → flow → json is found')
            print(f'# found: {circles}')
            status = 1

    graph = read_graph(argv[1])
    circles = find_circles(graph)
    if not circles:
        print(f'ok 2 - the {len(graph)} modules of {argv[1]} include each other without a circle')
    else:
        print(f'not ok 2 - the include graph of {argv[1]} has {len(circles)} circle(s)')
        for circle in circles:
            print('# ' + describe(circle, graph))
            print('circle: ' + describe(circle, graph), file=sys.stderr)
        status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
