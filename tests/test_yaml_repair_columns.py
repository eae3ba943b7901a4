"""End-to-end: after a front-matter slip Portal repairs (a full-width colon, no space after `:`,
a tab or full-width space before a key, an indented key or `- `), the errors read from the
repaired text point at the characters as the writer typed them, in `portal build`'s text and
JSON output alike (columns in characters)."""
import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
NOW = os.environ.get("PORTAL_NOW", "2026-11-25T09:00:00+09:00")

HEAD = "---\ntitle: 防災\nsummary: 説明です。\nfields: [crisis-management]\n"
PAGES = {
    # `actve` is the 10th character of its line; the repair wrote `status: actve`.
    "colon": HEAD + "status：  actve\nstarted: 2026/4/1\n---\n本文です。\n",
    "nospace": HEAD + "status:actve\nstarted: 2026/4/1\n---\n本文です。\n",
    "tab": HEAD + "\t\tstatus: actve\nstarted：2026/4/1\n---\n本文です。\n",
    "wide": HEAD + "\u3000\u3000status: actve\nstarted：2026/4/1\n---\n本文です。\n",
    "indented": "---\ntitle: 防災\nsummary: 説明です。\n   fields: [crisis-managment]\n"
    "started: 2026/4/1\n---\n本文です。\n",
    "item": "---\ntitle: 防災\nsummary: 説明です。\nfields:\n- crisis-management\n    - tourizm\n"
    "started: 2026/4/1\n---\n本文です。\n",
    # A flag is one character of two Unicode scalars: `a/b` is the 10th character.
    "flag": HEAD + "tags：[🇯🇵, a/b]\n---\n本文です。\n",
}
EXPECTED = {
    "colon": ["5:7 front-matter.yaml", "5:10 front-matter.value", "6:10 front-matter.date"],
    "nospace": ["5:8 front-matter.value", "5:8 front-matter.yaml", "6:10 front-matter.date"],
    "tab": ["5:1 front-matter.yaml", "5:11 front-matter.value", "6:8 front-matter.yaml",
            "6:9 front-matter.date"],
    "wide": ["5:1 front-matter.yaml", "5:11 front-matter.value", "6:8 front-matter.yaml",
             "6:9 front-matter.date"],
    "indented": ["4:4 front-matter.yaml", "4:13 content.unknown-id", "5:10 front-matter.date"],
    "item": ["6:5 front-matter.yaml", "6:7 content.unknown-id", "7:10 front-matter.date"],
    "flag": ["5:5 front-matter.yaml", "5:10 front-matter.tag"],
}


def test_errors_after_a_repaired_slip_are_where_the_writer_typed_them(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    for name, text in PAGES.items():
        (tmp_path / "content" / "initiatives" / f"{name}.md").write_text(text, encoding="utf-8")
    run = [BIN, "build", "--now", NOW]
    r = subprocess.run([*run, "--diagnostics", "json"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    found = {}
    for d in json.loads(r.stdout)["diagnostics"]:
        name = Path(d["file"]).stem
        if name in PAGES and d["severity"] == "error":
            found.setdefault(name, []).append((d["line"], d["column"], d["code"]))
    assert {n: [f"{l}:{c} {code}" for l, c, code in sorted(v)] for n, v in found.items()} == EXPECTED
    # The text output names the same places.
    text = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=120).stderr
    assert "content/initiatives/colon.md:5:10: error: unknown status `actve`" in text, text
    assert "content/initiatives/item.md:6:7: error: `fields` names an unknown field `tourizm`" in text
