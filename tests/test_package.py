"""scripts/package.sh: portal as a Debian package and a tarball, for machines without Swift.

The tests package the binary under test (PORTAL_BIN, a debug build linking the Swift runtime,
hence `--allow-dynamic-swift`), read the package back with dpkg-deb and run the binary it holds
on the shipped content. A release build (the script's default) is what users package; the
refusal of a binary that needs the toolchain is tested too.

Run: PORTAL_BIN=.build/debug/portal python3 -m pytest -q tests/test_package.py
"""
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("PORTAL_BIN", str(ROOT / ".build" / "debug" / "portal"))
SCRIPT = ROOT / "scripts" / "package.sh"

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is a Debian tool")


def package(tmp_path, *args):
    return subprocess.run([str(SCRIPT), "--binary", BIN, "--out", str(tmp_path / "dist"), *args],
                          capture_output=True, text=True, timeout=600)


def version():
    return subprocess.run([BIN, "--version"], capture_output=True, text=True, check=True).stdout.strip()


def test_a_package_that_installs_what_portal_links(tmp_path):
    r = package(tmp_path, "--allow-dynamic-swift")
    assert r.returncode == 0, r.stderr
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    deb = tmp_path / "dist" / f"portal_{version()}_{arch}.deb"
    tarball = tmp_path / "dist" / f"portal-{version()}-linux-{arch}.tar.gz"
    assert r.stdout.split() == [str(deb), str(tarball)]

    def field(name):
        return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                              check=True).stdout.strip()

    assert field("Package") == "portal" and field("Version") == version() and field("Architecture") == arch
    depends = [d.strip() for d in field("Depends").split(",")]
    # The C libraries portal links, by the Debian packages holding them; nothing of Swift's.
    assert any(d.startswith("libcmark-gfm0") for d in depends), depends
    assert any(d.startswith("libcmark-gfm-extensions") for d in depends), depends
    assert "libjemalloc2" in depends and "libc6" in depends, depends
    assert not any("swift" in d for d in depends), depends
    assert field("Recommends") == "libcurl4"

    files = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "./usr/bin/portal" in files and "./usr/share/doc/portal/README.md" in files

    # The binary in the package runs, stripped, and builds the shipped portal.
    unpacked = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    portal = unpacked / "usr" / "bin" / "portal"
    assert subprocess.run([str(portal), "--version"], capture_output=True, text=True).stdout.strip() == version()
    assert portal.stat().st_size < Path(BIN).stat().st_size  # stripped
    out = tmp_path / "site"
    built = subprocess.run([str(portal), "build", "--output", str(out)], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert (out / "index.html").is_file()

    with tarfile.open(tarball) as t:
        member = t.getmember("portal")
        assert member.isfile() and member.mode & 0o111


def test_a_binary_needing_the_swift_toolchain_is_refused(tmp_path):
    r = package(tmp_path)
    assert r.returncode == 1
    assert "links the Swift runtime dynamically" in r.stderr, r.stderr
    assert "help: build it with scripts/package.sh alone" in r.stderr
    assert not (tmp_path / "dist").exists()


def test_an_unknown_argument_is_a_usage_error(tmp_path):
    r = subprocess.run([str(SCRIPT), "--binray", BIN], capture_output=True, text=True)
    assert r.returncode == 2 and "unknown argument --binray" in r.stderr and "usage:" in r.stderr
