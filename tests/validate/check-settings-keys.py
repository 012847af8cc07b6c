#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GSettings schema and the code agree: every key the sources read or
write is in the schema, with a summary (and a range when it is a number);
every key of the schema is used by the sources. TAP output.

Usage: check-settings-keys.py SOURCE_ROOT
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1])
schema_file = root / 'data' / 'io.github.gmisassistant.Assistant.gschema.xml'

# g_settings_get_string (settings, "key"), g_settings_set_boolean (…, "key", …),
# g_settings_reset, g_settings_bind, g_settings_is_writable …
CALL = re.compile(r'\bg_settings_[a-z_]+\s*\(\s*[^,;()]+(?:\([^()]*\))?\s*,\s*"([a-z0-9-]+)"', re.S)
# "changed::key", "writable-changed::key"
SIGNAL = re.compile(r'"(?:writable-)?changed::([a-z0-9-]+)"')
# The counter's keys, read through gma_contact_field_get_key() (gma-contact.c).
FIELD_TABLE = re.compile(r'\[GMA_CONTACT_[A-Z_]+\]\s*=\s*\{\s*"([a-z0-9-]+)"')

tests = []


def check(ok, description, diagnostics=()):
    tests.append((ok, description, list(diagnostics)))


used = {}
for path in sorted((root / 'src').rglob('*.c')):
    text = path.read_text(encoding='utf-8')
    for pattern in (CALL, SIGNAL, FIELD_TABLE):
        for match in pattern.finditer(text):
            line = text.count('\n', 0, match.start()) + 1
            used.setdefault(match.group(1), []).append(f'{path.relative_to(root)}:{line}')

check(len(used) >= 10, f'the sources name {len(used)} settings keys',
      [] if len(used) >= 10 else ['fewer keys found than the app reads: is the pattern broken?'])

schema = ET.parse(schema_file).getroot().find('schema')
keys = {key.get('name'): key for key in schema.findall('key')}

for name in sorted(used):
    check(name in keys, f'key "{name}" used by the sources is in the schema',
          [f'used at {place}' for place in used[name]] if name not in keys else [])

all_sources = '\n'.join(p.read_text(encoding='utf-8') for p in (root / 'src').rglob('*.[ch]'))
for name, key in sorted(keys.items()):
    problems = []
    summary = key.find('summary')
    if summary is None or not (summary.text or '').strip():
        problems.append('no <summary>')
    if key.get('type') in ('i', 'u', 'd', 'x', 't', 'n', 'q', 'y') and key.find('range') is None:
        problems.append(f'a number (type {key.get("type")}) without a <range>')
    if name not in used and f'"{name}"' not in all_sources:
        problems.append('no source reads it')
    check(not problems, f'schema key "{name}" is described and used', problems)

print(f'1..{len(tests)}')
for number, (ok, description, diagnostics) in enumerate(tests, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {description}')
    for line in diagnostics:
        print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in tests) else 1)
