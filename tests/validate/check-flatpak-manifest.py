#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without flatpak-builder (no Flatpak remote is
# reachable where the suite runs): strict JSON, the GNOME runtime, the
# sandbox (display and GPU only: no network, no files, no D-Bus names), the
# libqrencode module pinned to the v4.1.1 commit, the GMime module (the
# GNOME SDK has none; the mail checker's backend) pinned to Debian's 3.2.13
# source by its checksum and built without crypto, and the app built from
# this directory with its tests on. Prints TAP.
#
#   check-flatpak-manifest.py MANIFEST APP-ID

import json
import sys

QRENCODE_URL = "https://github.com/fukuchi/libqrencode.git"
QRENCODE_TAG = "v4.1.1"
QRENCODE_COMMIT = "715e29fd4cd71b6e452ae0f4e36d917b43122ce8"
FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
RUNTIMES = {"50", "51"}
# Debian's source of GMime 3.2.13 (its release without generated files:
# the module regenerates them), the checksum as in gmime_3.2.13+dfsg-2.dsc
GMIME_URL = "https://deb.debian.org/debian/pool/main/g/gmime/gmime_3.2.13+dfsg.orig.tar.xz"
GMIME_SHA256 = "4b868eb152b83ccbc593340560c1fd1cc497e43e14104c85869de6f2101675e0"

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def reject_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError("duplicate member(s) " + ", ".join(dupes))
    return dict(pairs)


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f, object_pairs_hook=reject_duplicates)
    except (OSError, ValueError) as e:
        print("1..1")
        print(f"not ok 1 - {path} is valid JSON # {e}")
        return 1

    check("id is the application id", manifest.get("id") == app_id, manifest.get("id"))
    check("command is gmis-assistant", manifest.get("command") == "gmis-assistant")
    check("runtime is org.gnome.Platform", manifest.get("runtime") == "org.gnome.Platform")
    check("sdk is org.gnome.Sdk", manifest.get("sdk") == "org.gnome.Sdk")
    check("runtime-version is GNOME 50 or 51",
          manifest.get("runtime-version") in RUNTIMES, manifest.get("runtime-version"))

    args = manifest.get("finish-args", [])
    check("finish-args have no duplicates", len(args) == len(set(args)), args)
    check("finish-args are exactly wayland, fallback-x11, ipc and dri",
          set(args) == FINISH_ARGS, sorted(set(args) ^ FINISH_ARGS))
    check("no network, file system or bus access",
          not any(a.startswith(("--share=network", "--filesystem", "--talk-name",
                                "--own-name", "--socket=session-bus", "--socket=system-bus",
                                "--device=all"))
                  for a in args))

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    check("modules are libqrencode, gmime, then the app",
          names == ["libqrencode", "gmime", "gmis-assistant"], names)
    qr = next((m for m in modules if isinstance(m, dict) and m.get("name") == "libqrencode"), {})
    app = next((m for m in modules if isinstance(m, dict) and m.get("name") == "gmis-assistant"), {})

    check("libqrencode builds with CMake", qr.get("buildsystem") in ("cmake", "cmake-ninja"),
          qr.get("buildsystem"))
    opts = qr.get("config-opts", [])
    check("libqrencode: -DCMAKE_POLICY_VERSION_MINIMUM=3.5 (CMake 4 in current SDKs)",
          "-DCMAKE_POLICY_VERSION_MINIMUM=3.5" in opts, opts)
    check("libqrencode: tools off", "-DWITH_TOOLS=OFF" in opts or "-DWITH_TOOLS=NO" in opts, opts)
    sources = qr.get("sources", [])
    check("libqrencode has one source", len(sources) == 1, sources)
    src = sources[0] if sources else {}
    check("libqrencode source is the upstream git repository",
          src.get("type") == "git" and src.get("url") == QRENCODE_URL, src)
    check("libqrencode is pinned to the v4.1.1 commit",
          src.get("commit") == QRENCODE_COMMIT, src.get("commit"))
    check("libqrencode tag (if given) is v4.1.1",
          src.get("tag", QRENCODE_TAG) == QRENCODE_TAG, src.get("tag"))
    check("libqrencode source does not follow a branch", "branch" not in src, src)

    gmime = next((m for m in modules if isinstance(m, dict) and m.get("name") == "gmime"), {})
    gmime_sources = gmime.get("sources", [])
    archive = gmime_sources[0] if gmime_sources else {}
    check("gmime source is Debian's GMime 3.2.13, pinned by its checksum",
          archive.get("type") == "archive" and archive.get("url") == GMIME_URL and
          archive.get("sha256") == GMIME_SHA256, archive)
    check("gmime builds with autotools, without crypto (GPGME), introspection or vala",
          gmime.get("buildsystem") == "autotools" and
          {"--disable-crypto", "--disable-introspection", "--disable-vala"} <=
          set(gmime.get("config-opts", [])), gmime.get("config-opts"))

    check("app builds with meson", app.get("buildsystem") == "meson", app.get("buildsystem"))
    check("app runs its tests", app.get("run-tests") is True, app.get("run-tests"))
    app_sources = app.get("sources", [])
    check("app is built from this directory",
          app_sources == [{"type": "dir", "path": ".."}], app_sources)
    check("every source anywhere is pinned (no archive without a checksum, no unpinned git)",
          all((s.get("type") != "git" or "commit" in s) and
              (s.get("type") not in ("archive", "file") or "sha256" in s)
              for m in modules if isinstance(m, dict) for s in m.get("sources", [])))

    print(f"1..{len(results) + 1}")
    print(f"ok 1 - {path} is valid JSON without duplicate members")
    failed = 0
    for i, (name, ok, detail) in enumerate(results, start=2):
        if ok:
            print(f"ok {i} - {name}")
        else:
            failed += 1
            print(f"not ok {i} - {name} # got: {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
