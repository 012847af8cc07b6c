# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Shared set-up for the scripts in tools/. Source it; it defines functions
# and changes nothing by itself.
#
#   gma_setup_all        packages + ja_JP.UTF-8 locale + meson setup + ninja
#   gma_use_build_tree   programs started afterwards use the build tree, in
#                        Japanese
#
# Environment:
#   GMA_BUILDDIR    build directory, relative to the source root (default _build)
#   GMA_SKIP_APT=1  do not check or install Debian packages (e.g. in a container
#                   that is known to be complete)
#   GMA_EXTRA_PACKAGES  more Debian packages to check (tools/test --sanitize:
#                   clang and its sanitizer runtimes)
#   GMA_MESON_SETUP_ARGS  extra arguments for the first 'meson setup' of the
#                   build directory (tools/test --sanitize)
#   GMA_KEEP_LOCALE=1  gma_use_build_tree keeps the locale as it is

GMA_SOURCE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GMA_BUILDDIR="${GMA_BUILDDIR:-_build}"

gma_log() {
  printf '\033[1m==>\033[0m %s\n' "$*" >&2
}

gma_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Run a command as root: directly when we are root, through sudo otherwise.
gma_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    gma_die "need root to run '$*' and sudo is not installed"
  fi
}

# The package names from tools/packages.txt, comments and blanks removed.
gma_package_list() {
  sed -e 's/#.*//' -e 's/[[:space:]]\+//g' "$GMA_SOURCE_ROOT/tools/packages.txt" | grep -v '^$'
}

# Install the packages of tools/packages.txt that are not installed yet.
# Runs apt-get update only when something is missing.
gma_install_packages() {
  if [ "${GMA_SKIP_APT:-0}" = 1 ]; then
    return 0
  fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    gma_log "not a Debian system (no dpkg-query): skipping package check"
    return 0
  fi

  local wanted=() missing=() pkg
  mapfile -t wanted < <(gma_package_list)
  # shellcheck disable=SC2206 # a space-separated list of package names
  wanted+=(${GMA_EXTRA_PACKAGES:-})
  # One dpkg-query for all of them; unknown packages print nothing here.
  local installed
  installed="$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null |
    awk '$2 ~ /^ii/ { print $1 }' || true)"
  for pkg in "${wanted[@]}"; do
    if ! grep -qxF "$pkg" <<<"$installed"; then
      missing+=("$pkg")
    fi
  done

  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  gma_log "installing missing packages: ${missing[*]}"
  gma_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  gma_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q "${missing[@]}"
}

# Whether the ja_JP.UTF-8 locale is installed.
gma_have_japanese_locale() {
  locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'
}

# Make sure ja_JP.UTF-8 exists so that the Japanese translation is really
# loaded by gettext (tests and tools/run use it).
gma_ensure_locale() {
  if gma_have_japanese_locale; then
    return 0
  fi
  if ! command -v localedef >/dev/null 2>&1; then
    gma_log "localedef not found: cannot generate ja_JP.UTF-8"
    return 0
  fi

  gma_log "generating locale ja_JP.UTF-8"
  # Keep it enabled in /etc/locale.gen so that a later locale-gen keeps it.
  if [ -f /etc/locale.gen ] && ! grep -q '^ja_JP\.UTF-8 UTF-8' /etc/locale.gen; then
    if grep -q '^# *ja_JP\.UTF-8 UTF-8' /etc/locale.gen; then
      gma_as_root sed -i 's/^# *\(ja_JP\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    else
      echo 'ja_JP.UTF-8 UTF-8' | gma_as_root tee -a /etc/locale.gen >/dev/null
    fi
  fi
  # What locale-gen does for one entry, without rebuilding every other locale.
  local alias=()
  if [ -f /usr/share/locale/locale.alias ]; then
    alias=(-A /usr/share/locale/locale.alias)
  fi
  gma_as_root localedef -i ja_JP -c -f UTF-8 "${alias[@]}" ja_JP.UTF-8 || true
  if ! gma_have_japanese_locale; then
    gma_die "could not generate the ja_JP.UTF-8 locale"
  fi
}

# meson setup (first time, or when the build directory is broken), then ninja.
# ninja itself re-runs meson when a meson.build file changed.
gma_build() {
  cd "$GMA_SOURCE_ROOT" || return 1
  if [ ! -f "$GMA_BUILDDIR/build.ninja" ]; then
    if [ -f "$GMA_BUILDDIR/meson-private/coredata.dat" ]; then
      gma_log "reconfiguring $GMA_BUILDDIR"
      meson setup --reconfigure "$GMA_BUILDDIR" ||
        meson setup --wipe "$GMA_BUILDDIR"
    else
      gma_log "configuring $GMA_BUILDDIR"
      # shellcheck disable=SC2086 # a space-separated list of arguments
      meson setup ${GMA_MESON_SETUP_ARGS:-} "$GMA_BUILDDIR"
    fi
  fi
  gma_log "building in $GMA_BUILDDIR"
  ninja -C "$GMA_BUILDDIR"
}

# Points the programs started from now on at the build tree, so that they
# run without anything installed: the schema compiled there
# (data/meson.build), the WebKit module the UI opens after its first frame
# (src/ui/meson.build) and the translations (po/meson.build builds
# po/ja/LC_MESSAGES/gmis-assistant.mo there; the app binds its text domain
# to $GMA_LOCALEDIR when it is set). They run in Japanese: LANG=ja_JP.UTF-8
# (C.UTF-8 when that locale is missing, see gma_ensure_locale), unless a
# Japanese locale is set already or GMA_KEEP_LOCALE=1.
gma_use_build_tree() {
  export GSETTINGS_SCHEMA_DIR="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/data"
  export GMA_WEB_MODULE="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/src/ui/web/gma-webkit.so"
  export GMA_MAIL_MODULE="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/src/core/gma-mail.so"
  export GMA_LOCALEDIR="$GMA_SOURCE_ROOT/$GMA_BUILDDIR/po"

  if [ "${GMA_KEEP_LOCALE:-0}" = 1 ]; then
    return 0
  fi
  case "${LC_ALL:-}${LC_MESSAGES:-}${LANG:-}" in
    ja*) return 0 ;;
  esac
  unset LC_ALL LC_MESSAGES LANGUAGE
  if gma_have_japanese_locale; then
    export LANG=ja_JP.UTF-8
  else
    export LANG=C.UTF-8
  fi
}

gma_setup_all() {
  gma_install_packages
  gma_ensure_locale
  gma_build
}
