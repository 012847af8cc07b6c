#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-resources-listed.sh RESOURCES_DIR
#
# Every file under RESOURCES_DIR/content/ and RESOURCES_DIR/web/ must be listed
# in RESOURCES_DIR/gma-content.gresource.xml, and every file listed there must
# exist. Speaks TAP.
set -euo pipefail

dir="${1:?usage: $0 RESOURCES_DIR}"
xml="$dir/gma-content.gresource.xml"

if [ ! -f "$xml" ]; then
  echo "1..1"
  echo "not ok 1 - $xml exists"
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Files on disk, relative to the resources directory.
(cd "$dir" && find content web -type f ! -name '*~' ! -name '.*' 2>/dev/null | LC_ALL=C sort) >"$tmp/disk"

# Files listed in the XML: the text of each <file ...>NAME</file> element
# (one element per line or several, attributes allowed).
grep -o '<file[^>]*>[^<]*</file>' "$xml" |
  sed -e 's/<file[^>]*>[[:space:]]*//' -e 's/[[:space:]]*<\/file>//' |
  LC_ALL=C sort >"$tmp/listed"

status=0
echo "1..3"

report() {
  # report N DESCRIPTION LABEL LIST
  if [ -n "$4" ]; then
    echo "not ok $1 - $2"
    echo "FAILED: $2" >&2
    while IFS= read -r f; do
      echo "# $3: $f"
      echo "  $3: $f" >&2
    done <<<"$4"
    status=1
  else
    echo "ok $1 - $2"
  fi
}

report 1 "no file is listed twice" "listed more than once" \
  "$(uniq -d "$tmp/listed")"

report 2 "every file under content/ and web/ is listed in $(basename "$xml")" "not listed" \
  "$(LC_ALL=C comm -23 "$tmp/disk" <(uniq "$tmp/listed"))"

missing=""
while IFS= read -r f; do
  [ -f "$dir/$f" ] || missing+="$f"$'\n'
done < <(uniq "$tmp/listed")
report 3 "every listed file exists" "listed but missing" "${missing%$'\n'}"

exit "$status"
