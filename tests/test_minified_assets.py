"""The theme's scripts and stylesheet as the build publishes them: minified (no comments or
indentation, each script line kept at its number, the stylesheet without blank lines;
Sources/Render/AssetMinifier.swift), smaller than written, valid
JavaScript for node, and the published search.js and search-offers.js answer the parity
queries exactly as the theme's own files do (the parity test runs those). Needs node.
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, THEME
from test_search_parity import HARD, STRETCHES, TYPOS, make_queries

NODE = shutil.which("node") or shutil.which("nodejs")
RUNNER = ROOT / "tests" / "search_node.mjs"


def published(site, name):
    """The published file of theme/assets/<name> (`search.js` → assets/search.<hash>.js)."""
    stem, ext = name.rsplit(".", 1)
    found = [p for p in (site / "assets").iterdir()
             if p.name.startswith(stem + ".") and p.name.endswith("." + ext) and p.name.count(".") == 2]
    assert len(found) == 1, (name, found)
    return found[0]


def need_node():
    if not NODE:
        pytest.skip("node is not installed (Debian package `nodejs`)")


def test_published_assets_shrink_and_lose_comments(site_dir):
    for name in ("search.js", "search-offers.js", "portal.js", "style.css"):
        written = (THEME / "assets" / name).read_text(encoding="utf-8")
        text = published(site_dir, name).read_text(encoding="utf-8")
        assert len(text.encode()) < len(written.encode()) * 0.85, name
        lines = text.split("\n")
        assert all(line == line.strip() for line in lines), name
        if name.endswith(".js"):
            assert not any(line.startswith("//") for line in lines), name
            # Each line of code keeps its number: errors and breakpoints name the source's lines.
            assert len(lines) == len(written.split("\n")), f"{name} moved its lines"
            for n in (i for i, line in enumerate(lines) if line):
                assert written.split("\n")[n].strip().startswith(lines[n][:1]), (name, n + 1)
        else:
            assert "" not in lines[:-1], f"{name} keeps a blank line"
            assert "/*" not in text, name


def test_published_scripts_are_valid_javascript(site_dir, tmp_path):
    need_node()
    for name in ("search.js", "search-offers.js", "portal.js"):
        module = tmp_path / (name + ".mjs")  # search.js has `export`: checked as a module
        shutil.copy(published(site_dir, name), module)
        r = subprocess.run([NODE, "--check", str(module)], capture_output=True, text=True)
        assert r.returncode == 0, f"{name}: {r.stderr}"


def run_engine(assets, site, queries, work):
    """tests/search_node.mjs with theme/assets/ replaced by `assets` (search.js and
    search-offers.js): the runner reads them from ../theme/assets beside itself."""
    (work / "tests").mkdir(parents=True)
    (work / "theme" / "assets").mkdir(parents=True)
    shutil.copy(RUNNER, work / "tests" / RUNNER.name)
    for name, path in assets.items():
        shutil.copy(path, work / "theme" / "assets" / name)
    r = subprocess.run([NODE, str(work / "tests" / RUNNER.name), str(site)], input=json.dumps(queries),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_published_search_answers_as_the_theme_files(site_dir, tmp_path):
    need_node()
    queries = make_queries(site_dir)
    names = ("search.js", "search-offers.js")
    written = run_engine({n: THEME / "assets" / n for n in names}, site_dir, queries, tmp_path / "written")
    shipped = run_engine({n: published(site_dir, n) for n in names}, site_dir, queries, tmp_path / "published")
    assert len(shipped) == len(queries)
    # Most random stretches of the site's text find something (each asked with a kind cycled
    # through): the engines compared answer real searches, not only empty ones.
    stretches = [a for q, a in zip(queries, shipped) if q["q"] in STRETCHES and q["q"] not in HARD + TYPOS]
    assert sum(bool(a["results"]) for a in stretches) > len(stretches) // 2
    differences = [f"{q}: {json.dumps(a, ensure_ascii=False)[:300]} != {json.dumps(b, ensure_ascii=False)[:300]}"
                   for q, a, b in zip(queries, written, shipped) if a != b]
    assert not differences, f"{len(differences)} difference(s):\n" + "\n".join(differences[:5])
