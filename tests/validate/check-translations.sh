#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translations.sh SOURCE_ROOT
#
# For every language in po/LINGUAS:
#   - the .po compiles with msgfmt --check;
#   - it has no untranslated and no fuzzy message;
#   - it is up to date: every msgid that xgettext finds in the files of
#     po/POTFILES.in is translated in it.
# And po/POTFILES.in is complete: every file under src/ and data/ that marks
# strings for translation (_( N_( C_( NC_( or translatable="yes") is listed,
# and every listed file exists. Speaks TAP.
set -euo pipefail

root="${1:?usage: $0 SOURCE_ROOT}"
cd "$root"

for tool in msgfmt msgmerge msgattrib xgettext; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Bail out! $tool not found (install gettext)"; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

n=0
status=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1))
  echo "not ok $n - $1"
  echo "FAILED: $1" >&2
  status=1
  if [ -n "${2:-}" ]; then
    while IFS= read -r line; do
      echo "# ${3:-}$line"
      echo "  ${3:-}$line" >&2
    done <<<"$2"
  fi
}
# The msgids of a PO file, one per line (for messages).
msgids() {
  msgattrib --no-wrap --no-obsolete "$1" 2>/dev/null |
    sed -n 's/^msgid "\(..*\)"$/\1/p'
}

# --- POTFILES.in -------------------------------------------------------------
grep -v '^[[:space:]]*#' po/POTFILES.in | sed 's/[[:space:]]*$//' | grep -v '^$' |
  LC_ALL=C sort -u >"$tmp/potfiles" || true

missing_files=""
while IFS= read -r f; do
  [ -f "$f" ] || missing_files+="listed but missing: $f"$'\n'
done <"$tmp/potfiles"
if [ -z "$missing_files" ]; then
  ok "every file in po/POTFILES.in exists"
else
  not_ok "every file in po/POTFILES.in exists" "${missing_files%$'\n'}"
fi

# Files that mark strings for translation.
{
  find src -type f \( -name '*.c' -o -name '*.h' \) -print0 2>/dev/null |
    xargs -0r grep -lE '(^|[^A-Za-z0-9_])(N|C|NC)?_[[:space:]]*\(' || true
  find src -type f -name '*.ui' -print0 2>/dev/null |
    xargs -0r grep -l 'translatable="yes"' || true
  find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
    -o -name '*.appdata.xml.in' \) 2>/dev/null || true
  find data -maxdepth 1 -type f -name '*.gschema.xml' -print0 2>/dev/null |
    xargs -0r grep -l '<summary\|<description' || true
} | sed 's|^\./||' | LC_ALL=C sort -u >"$tmp/marked"

unlisted="$(LC_ALL=C comm -23 "$tmp/marked" "$tmp/potfiles")"
if [ -z "$unlisted" ]; then
  ok "every source file with translatable strings is in po/POTFILES.in"
else
  not_ok "every source file with translatable strings is in po/POTFILES.in" \
    "$unlisted" "not listed: "
fi

# --- the template, as meson's gettext 'glib' preset makes it -----------------
if [ -s "$tmp/potfiles" ] && [ -z "$missing_files" ]; then
  xgettext --package-name=gmis-assistant --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
    --files-from="$tmp/potfiles" --output="$tmp/template.pot" 2>"$tmp/xgettext.err" ||
    { not_ok "xgettext reads every file of po/POTFILES.in" "$(cat "$tmp/xgettext.err")"; }
fi
if [ -f "$tmp/template.pot" ] || [ ! -s "$tmp/potfiles" ]; then
  ok "xgettext reads every file of po/POTFILES.in"
fi

# --- each language -----------------------------------------------------------
langs="$(sed -e 's/#.*//' po/LINGUAS | tr -s '[:space:]' '\n' | grep -v '^$' || true)"
for lang in $langs; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    not_ok "$po exists"
    continue
  fi

  if msgfmt --check --check-format --output-file=/dev/null "$po" 2>"$tmp/msgfmt.err"; then
    ok "$po compiles with msgfmt --check"
  else
    not_ok "$po compiles with msgfmt --check" "$(cat "$tmp/msgfmt.err")"
  fi

  untranslated="$(msgattrib --untranslated --no-obsolete "$po" 2>/dev/null | msgids "/dev/stdin" || true)"
  if [ -z "$untranslated" ]; then
    ok "$po has no untranslated message"
  else
    not_ok "$po has no untranslated message" "$untranslated" "untranslated: "
  fi

  fuzzy="$(msgattrib --only-fuzzy --no-obsolete "$po" 2>/dev/null | msgids "/dev/stdin" || true)"
  if [ -z "$fuzzy" ]; then
    ok "$po has no fuzzy message"
  else
    not_ok "$po has no fuzzy message" "$fuzzy" "fuzzy: "
  fi

  if [ -f "$tmp/template.pot" ]; then
    # Merge exactly (no fuzzy matching) against the current sources: what is
    # then untranslated is a msgid that the sources have and the .po lacks.
    if ! msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/template.pot" 2>"$tmp/msgmerge.err"; then
      not_ok "$po translates every message of the current sources" "$(cat "$tmp/msgmerge.err")"
      continue
    fi
    stale="$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | msgids /dev/stdin || true)"
    if [ -z "$stale" ]; then
      ok "$po translates every message of the current sources"
    else
      not_ok "$po translates every message of the current sources (run ninja -C _build gmis-assistant-update-po and translate)" \
        "$stale" "missing: "
    fi
  fi
done

echo "1..$n"
exit "$status"
