#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""docs/architecture.md names every folder of the code, the tests and the
resources. TAP.

The document is a newcomer's map: which room a change belongs in. A
folder it does not name is a room missing from the map, so a new folder
fails here until its paragraph is written. The folders checked:

  - every folder under src/, however deep (src/ui/kiosk/, src/ui/gtk/ …);
  - every folder under tests/ down to two levels (tests/bench/,
    tests/fixtures/content/ …); deeper ones are data (one content set of
    the fixtures, one corpus of the fuzzers), named by the tests that
    read them;
  - resources/ and the folders right under it (resources/content/ …);
    deeper ones are the content set's own layout (docs/content-format.md).

Only folders that exist are checked: the document may describe a folder
before it lands (src/ui/kiosk/ on a branch that has not moved the kiosk
yet), and the check passes before and after the move.

A folder is named when its path from the source root appears in the
document as a path of its own: `src/ui/` or src/ui, not only inside
src/ui/kiosk/. Folders whose name begins with "." or "_" (build
directories) are not part of the tree.

Usage:
  check-architecture-doc.py SOURCE_ROOT
      TAP: a planted folder the document does not name is found (the
      check can fail), then SOURCE_ROOT's document names all of its
      folders
"""
import pathlib
import re
import sys
import tempfile

DOCUMENT = pathlib.Path('docs') / 'architecture.md'
# (top folder, how many levels below it are checked; None: all)
CHECKED = (('src', None), ('tests', 2), ('resources', 1))


def folders(root):
    """The folders of @root the document must name, as 'src/ui/kiosk'."""
    root = pathlib.Path(root)
    found = []
    for top, depth in CHECKED:
        base = root / top
        if not base.is_dir():
            continue
        found.append(top)
        for path in sorted(base.rglob('*')):
            relative = path.relative_to(root)
            if not path.is_dir() or any(part[0] in '._' for part in relative.parts):
                continue
            if depth is not None and len(relative.parts) - 1 > depth:
                continue
            found.append(relative.as_posix())
    return found


def named(text, folder):
    """Whether @folder appears in @text as a path of its own: not glued to
    more of a path or a word before it, and not followed by more of one
    (src/ui in src/ui/kiosk is not src/ui)."""
    pattern = r'(?<![\w./-])' + re.escape(folder) + r'/?(?![\w/-])'
    return re.search(pattern, text) is not None


def missing(root):
    """The folders of @root its document does not name, and the error
    when there is no document."""
    path = pathlib.Path(root) / DOCUMENT
    try:
        text = path.read_text(encoding='utf-8')
    except OSError as error:
        return None, f'cannot read {path}: {error.strerror}'
    return [f for f in folders(root) if not named(text, f)], None


def plant(root):
    """A tree whose document names src/, src/core/ and tests/ but not
    src/ui/kiosk/ (nor src/ui/, which it mentions only inside the
    other's path)."""
    root = pathlib.Path(root)
    for folder in ('src/core', 'src/ui/kiosk', 'tests', '_build/src/x', '.git/y'):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / 'docs').mkdir()
    (root / DOCUMENT).write_text(
        '# Architecture\n\n`src/` holds the code; `src/core/` the models.\n'
        'The kiosk will go to src/ui/kiosk-old someday.\n\n`tests/`: the tests.\n',
        encoding='utf-8')


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2

    status = 0
    print('1..2')

    with tempfile.TemporaryDirectory() as planted:
        plant(planted)
        found, error = missing(planted)
        if error is None and found == ['src/ui', 'src/ui/kiosk']:
            print('ok 1 - folders a planted document does not name are found: ' + ', '.join(found))
        else:
            print('not ok 1 - a planted document that does not name src/ui/ and src/ui/kiosk/')
            print(f'# found: {found}, error: {error}')
            status = 1

    found, error = missing(argv[1])
    if error is not None:
        print(f'not ok 2 - {DOCUMENT} names every folder of src/, tests/ and resources/')
        print(f'# {error}')
        status = 1
    elif not found:
        print(f'ok 2 - {DOCUMENT} names the {len(folders(argv[1]))} folders of src/, tests/ and resources/')
    else:
        print(f'not ok 2 - {DOCUMENT} does not name {len(found)} folder(s)')
        for folder in found:
            print(f'# {folder}/: no paragraph names it')
            print(f'{DOCUMENT} does not name {folder}/', file=sys.stderr)
        status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
