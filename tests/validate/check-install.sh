#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# meson install into a scratch DESTDIR, check that everything a distribution
# package needs is there, and run the installed program against the
# installed (and freshly compiled) settings schema. Prints TAP.
#
#   check-install.sh BUILD-ROOT PREFIX LIBDIR APP-ID
set -uo pipefail

build=$1 prefix=$2 libdir=$3 app_id=$4
destdir=$(mktemp -d "${TMPDIR:-/tmp}/gma-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT
root="$destdir$prefix"
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

if out=$(meson install -C "$build" --no-rebuild --destdir "$destdir" 2>&1); then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir" "$out"
  echo "1..$n"
  exit 1
fi

expect_file() {
  if [ -f "$root/$1" ] && [ -s "$root/$1" ]; then ok "installed: $1"; else not_ok "installed: $1" "missing or empty: $root/$1"; fi
}

expect_file "bin/gmis-assistant"
expect_file "$libdir/gmis-assistant/gma-webkit.so"
expect_file "$libdir/gmis-assistant/gma-mail.so"
expect_file "share/applications/$app_id.desktop"
expect_file "share/metainfo/$app_id.metainfo.xml"
expect_file "share/glib-2.0/schemas/$app_id.gschema.xml"
expect_file "share/icons/hicolor/scalable/apps/$app_id.svg"
expect_file "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect_file "share/locale/ja/LC_MESSAGES/gmis-assistant.mo"
expect_file "share/doc/gmis-assistant/examples/kiosk/README.md"
expect_file "share/doc/gmis-assistant/examples/kiosk/gmis-assistant-kiosk.service"

if [ -x "$root/bin/gmis-assistant" ]; then ok "the program is executable"; else not_ok "the program is executable"; fi

# Nothing installed may point back into the build tree: no RPATH/RUNPATH
# into it, no path in data or code. (Debug information records the
# compilation directory; distributions strip it, so it is left out here.)
builddir_abs=$(cd "$build" && pwd)
leaks=()
while IFS= read -r -d '' f; do
  scan=$f
  if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
    if readelf -d "$f" 2>/dev/null | grep -E 'RPATH|RUNPATH' | grep -qF "$builddir_abs"; then
      leaks+=("$f (RPATH)")
    fi
    scan="$destdir/stripped"
    objcopy --strip-debug "$f" "$scan"
  fi
  if grep -q --binary-files=text -F "$builddir_abs" "$scan"; then leaks+=("$f"); fi
done < <(find "$root" -type f -print0)
if [ "${#leaks[@]}" -eq 0 ]; then
  ok "no installed file mentions the build directory"
else
  not_ok "no installed file mentions the build directory" "${leaks[@]}"
fi

# The installed desktop file and metainfo are the validated ones.
if out=$(desktop-file-validate "$root/share/applications/$app_id.desktop" 2>&1); then
  ok "installed desktop file validates"
else
  not_ok "installed desktop file validates" "$out"
fi
if out=$(appstreamcli validate --no-net "$root/share/metainfo/$app_id.metainfo.xml" 2>&1); then
  ok "installed metainfo validates"
else
  not_ok "installed metainfo validates" "$out"
fi

schemas="$root/share/glib-2.0/schemas"
if out=$(glib-compile-schemas --strict "$schemas" 2>&1); then
  ok "installed schema compiles with --strict"
else
  not_ok "installed schema compiles with --strict" "$out"
fi

# The installed program, in a clean environment: nothing from the build
# tree (no GMA_* overrides), the installed schema only.
run_installed() {
  env -i PATH=/usr/bin:/bin HOME="$destdir" LANG=C.UTF-8 \
    GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory \
    "$root/bin/gmis-assistant" "$@"
}

if out=$(run_installed --version 2>&1) && [[ "$out" == *"$(meson introspect --projectinfo "$build" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"* ]]; then
  ok "installed program: --version"
else
  not_ok "installed program: --version" "$out"
fi

pages=$(run_installed --list-pages 2>&1)
status=$?
missing=()
for id in start pre-notice issue-mail which-mail mailbox-space spam-folder url-access \
          remedy-1 remedy-2 remedy-3 remedy-4 set-password existing-account; do
  grep -qE "^$id([[:space:]]|$)" <<<"$pages" || missing+=("$id")
done
if [ "$status" -eq 0 ] && [ "${#missing[@]}" -eq 0 ]; then
  ok "installed program: --list-pages lists the 13 pages"
else
  not_ok "installed program: --list-pages lists the 13 pages" "exit $status" "missing: ${missing[*]:-none}" "$pages"
fi

# The mail checker's module as installed (the program looks for it under
# the prefix, which DESTDIR is not: it is named as the tests name theirs)
subject='【厚生労働省G-MIS事務局】G-MISのご利用準備完了に伴うパスワード登録のご依頼'
mail=$(printf '件名：%s\n差出人：厚生労働省G-MIS事務局 <info@g-mis.net>\n\nG-MISへようこそ！\n' "$subject" |
  env -i PATH=/usr/bin:/bin HOME="$destdir" LANG=C.UTF-8 \
    GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory \
    GMA_MAIL_MODULE="$root/$libdir/gmis-assistant/gma-mail.so" \
    "$root/bin/gmis-assistant" --check-mail=- 2>&1)
status=$?
if [ "$status" -eq 0 ] && [[ "$mail" == *"mail: issue-mail"*"sender: ok"*"next: url-access"* ]]; then
  ok "installed program: --check-mail with the installed module"
else
  not_ok "installed program: --check-mail with the installed module" "exit $status" "$mail"
fi

# Against the installed schema: a content directory set in GSettings that
# does not exist must be refused by name (proves the schema was read).
bad=$(env -i PATH=/usr/bin:/bin HOME="$destdir" LANG=C.UTF-8 \
  GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$destdir/config" \
  sh -c 'mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings" &&
         printf "[io/github/gmisassistant/Assistant]\ncontent-directory=%s\n" "'"'"'/nonexistent/gma-content'"'"'" > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" &&
         "$0" --list-pages' "$root/bin/gmis-assistant" 2>&1)
status=$?
if [ "$status" -ne 0 ] && [[ "$bad" == *"/nonexistent/gma-content"* ]]; then
  ok "installed program reads content-directory from the installed schema's settings"
else
  not_ok "installed program reads content-directory from the installed schema's settings" "exit $status" "$bad"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
