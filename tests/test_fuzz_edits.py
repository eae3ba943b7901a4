"""Random damage and random edits, as writers make them by accident and on purpose.

Two promises hold whatever the content folder holds, not only for the mistakes the other tests
name:

- **A damaged file fails cleanly.** Bytes flipped, lines cut, YAML's, Markdown's and
  Mustache's special characters pasted anywhere (in pages, site.yml and the theme's
  templates), full-width colons, a file cut off mid-character: `portal build`
  exits 0 or 1 (never a crash), every diagnostic names the file, a line and a column, with a
  hint and the Japanese message, a failed build leaves the site as it was and writes nothing
  beside it, and `portal lint` and `portal check` do not crash on what the build took.
- **An edit gives the site a full build gives.** After random edits (bodies, titles, summaries,
  tags, dates; pages added and removed; the theme touched), the site `portal build` or
  `portal serve` made incrementally is the site `portal build --no-cache` makes from scratch.

Each case is a seed: a failure names it, and the same seed makes the same edits again
(`pytest tests/test_fuzz_edits.py -k 'seed-17'`). CI runs a few seeds; to search wider,
`PORTAL_FUZZ_SEEDS=500 PORTAL_FUZZ_EDITS=200 PORTAL_FUZZ_SERVE_SEEDS=12 pytest tests/test_fuzz_edits.py` (with a release
binary in `PORTAL_BIN`, it takes a few minutes; `PORTAL_FUZZ_CONTENT=content` damages and edits
the shipped portal instead of the small fixture).
"""
import difflib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import threading
import time

import pytest

from conftest import BIN, NOW, ROOT, THEME

# The test fixture by default; PORTAL_FUZZ_CONTENT=content fuzzes the shipped portal instead.
FIXTURE = ROOT / os.environ.get("PORTAL_FUZZ_CONTENT", "Tests/BuildTests/Fixtures/valid/content")
SEEDS = int(os.environ.get("PORTAL_FUZZ_SEEDS", "16"))
EDITS = int(os.environ.get("PORTAL_FUZZ_EDITS", "16"))
# Series of edits made in `portal serve` (each EDITS long).
SERVE_SEEDS = int(os.environ.get("PORTAL_FUZZ_SERVE_SEEDS", "2"))
ENV = {**os.environ, "PORTAL_NOW": NOW, "PORTAL_LANG": "en"}

# What writers paste or mistype, and what YAML and Markdown read as syntax.
PASTES = [
    "{{#pages}}", "{{/pages}}", "{{^x}}", "{{{title}}}", "{{> missing}}", "{{!", "{{=<% %>=}}", "{{title",
    "---", "---\n", ": :", "{|}", "{漢字|", "{|かな}", "{綺麗|き|れい}", "> [!重要]", "> [!", "> [!WARNING]\n",
    "<script>alert(1)</script>", "\x00", "\t", "タイトル：", "\n>>>>>>>>>>>>>>>>>>>>>>>>x\n", "*" * 300, "[x]: ",
    "\n|a|b|\n|-|\n|1|2|3|\n", "\u202e", "\ufeff", "\r\n", "あ" * 2000, "[[", "]]", "[link](", "![](", "![](x.png)",
    "<!--", "-->", "```", "\n```\n", "~~~", "\\", "`", "\n- [ ] ", "\n1. ", "\n# ", "\n####### ", "&#0;", "&#xD800;",
    "%", "{{", "}}", "{{> x}}", "\n    code\n", "\ntitle: x\n", "\ntags: [\n", "date: 2026-13-45", "slug: ../../x",
    "slug: /", "kind: 何", "fields: [nope]", "related: [initiatives/none]", "\n---\n---\n", "\"", "'", "é", "🇯🇵",
    "👨‍👩‍👧", "a\u0301", "ｶﾞ", "※", "＊", "\n[^1]\n[^1]: x\n", "http://", "www.", "<div>", "</div>",
    "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "start: 2026-02-30", "start: 2026-11-31T25:00",
    "publish: tomorrow", "updated: 3000-01-01", "draft: maybe", "status: 完了", "\naliases:\n  - \n", "term: ",
    "reading: ", "place: {会場|かいじょう}", "\n: x\n", "? x\n", "&anchor", "*alias", "!!binary", "<<: *a",
    "[用語](../glossary/ai.md)", "[x](#nope)", "[y](../initiatives/none.md)", "{鳥獣|ちょうじゅう}", "\n## 見出し\n",
    "> [!注意] 題\n> 本文\n", "| 表 | b |\n|---|---|\n| 1 | 2 |\n", "<!-- decorative -->", "**強調**",
]


def boundary(data, i):
    """`i` moved back to the start of the UTF-8 character holding it."""
    while 0 < i < len(data) and (data[i] & 0xC0) == 0x80:
        i -= 1
    return i


def damage(data, rnd):
    """One random change to a file's bytes; flipped bytes are the only way to bad UTF-8."""
    kind = rnd.choice(["flip", "paste", "paste", "cut", "copy-line", "drop-line", "head-line", "colon"])
    paste = rnd.choice(PASTES).encode("utf-8")
    if kind == "flip" and data:
        b = bytearray(data)
        for _ in range(rnd.randint(1, 4)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        return bytes(b)
    if kind == "paste":
        i = boundary(data, rnd.randrange(len(data) + 1))
        return data[:i] + paste + data[i:]
    if kind == "cut":
        return data[: boundary(data, rnd.randrange(len(data) + 1))]
    lines = data.split(b"\n")
    i = rnd.randrange(len(lines))
    if kind == "copy-line":
        lines.insert(i, lines[rnd.randrange(len(lines))])
    elif kind == "drop-line" and len(lines) > 1:
        del lines[i]
    elif kind == "head-line":
        lines.insert(rnd.randrange(min(len(lines), 10)), paste)
    else:
        lines[i] = lines[i].replace(b": ", rnd.choice([b":", "： ".encode(), b":\t", b": : ", b"  : "]), 1)
    return b"\n".join(lines)


def damage_body(data, rnd):
    """A change below the front matter only, so the build mostly gets as far as Markdown."""
    head = data.find(b"\n---", 3)
    if not data.startswith(b"---") or head < 0:
        return damage(data, rnd)
    end = data.find(b"\n", head + 1) + 1 or len(data)
    body = data[end:]
    paste = rnd.choice(PASTES).encode("utf-8")
    kind = rnd.choice(["paste", "append", "cut", "line"])
    if kind == "paste":
        i = boundary(body, rnd.randrange(len(body) + 1))
        body = body[:i] + paste + body[i:]
    elif kind == "append":
        body += b"\n" + paste + b"\n"
    elif kind == "cut":
        body = body[: boundary(body, rnd.randrange(len(body) + 1))]
    else:
        lines = body.split(b"\n")
        lines.insert(rnd.randrange(len(lines) + 1), paste)
        body = b"\n".join(lines)
    return data[:end] + body


def portal(*args, cwd):
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, timeout=300, env=ENV)


def tree(path):
    """Every file under `path` but the cache, by relative path."""
    return {
        p.relative_to(path).as_posix(): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and ".portal" not in p.relative_to(path).parts
    }


def expect_same_as_full_build(work, what):
    full = work / "full"
    shutil.rmtree(full, ignore_errors=True)
    r = portal("build", "--no-cache", "--output", "full", cwd=work)
    assert r.returncode == 0, f"{what}: the full build failed: {r.stderr.decode()}"
    made, fresh = tree(work / "site"), tree(full)
    differ = sorted(k for k in made.keys() | fresh.keys() if made.get(k) != fresh.get(k))
    assert not differ, f"{what}: the site differs from a full build's in {differ[:20]}"
    shutil.rmtree(full)


def content_files(work):
    return sorted(p for p in (work / "content").rglob("*") if p.is_file() and p.suffix in (".md", ".yml"))


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(THEME, tmp_path / "theme")
    # A field page shows the definitions of the glossary terms its vision links: in the small
    # fixture no vision links one, and that dependency went untested here (an edit of a
    # term's `short` once left the field page stale, found only on the shipped portal).
    vision = tmp_path / "content" / "fields" / "crisis-management.md"
    if vision.exists() and "DX" not in vision.read_text(encoding="utf-8"):
        with vision.open("a", encoding="utf-8") as f:
            f.write("\nAIとDXで備えます。\n")
    return tmp_path


@pytest.mark.parametrize("seed", range(SEEDS), ids=lambda s: f"seed-{s}")
def test_a_damaged_file_fails_cleanly(work, seed):
    rnd = random.Random(seed)
    assert portal("build", cwd=work).returncode == 0
    before, beside = tree(work / "site"), sorted(p.name for p in work.iterdir())
    changes, edited = [], []
    # Every fourth seed damages a template of the theme instead (Mustache tags, HTML cut off).
    targets = (rnd.sample(sorted((work / "theme" / "templates").rglob("*.mustache")), 1) if seed % 4 == 3
               else rnd.sample(content_files(work), rnd.randint(1, 2)))
    for path in targets:
        old = data = path.read_bytes()
        for _ in range(rnd.randint(1, 3)):
            data = (damage_body if seed % 4 == 1 else damage)(data, rnd)
        path.write_bytes(data)
        edited += [str(path.relative_to(work))] if path.suffix == ".md" else []
        changes += [f"--- {path.relative_to(work)}"] + list(
            difflib.unified_diff(old.decode("utf-8", "replace").splitlines(),
                                 data.decode("utf-8", "replace").splitlines(), lineterm="", n=0))[2:12]
    what = f"seed {seed}:\n" + "\n".join(changes)

    r = portal("build", "--diagnostics", "json", cwd=work)
    assert r.returncode in (0, 1), f"{what}\nexit {r.returncode}\n{r.stderr.decode('utf-8', 'replace')}"
    report = json.loads(r.stdout)
    for d in report["diagnostics"]:
        assert d["file"].startswith(("content/", "theme/")) and d["line"] >= 1 and d["column"] >= 1, (what, d)
        assert d["message"] and d["japanese"]["message"], (what, d)
        if d["severity"] == "error":
            assert d["hint"] and d["japanese"]["hint"], (what, d)
    assert sorted(p.name for p in work.iterdir()) == beside, what
    if r.returncode == 1:
        assert report["errors"] >= 1, what
        assert tree(work / "site") == before, f"{what}\na failed build changed the site"
    else:
        expect_same_as_full_build(work, what)
        c = portal("check", "--site", "site", cwd=work)
        assert c.returncode in (0, 1), f"{what}\nportal check: exit {c.returncode}\n{c.stderr.decode()}"

    if edited:
        lint = portal("lint", "--format", "json", *edited, cwd=work)
        assert lint.returncode in (0, 1), f"{what}\nportal lint: exit {lint.returncode}\n{lint.stderr.decode()}"
        for d in json.loads(lint.stdout)["diagnostics"]:
            assert d["line"] >= 1 and d["column"] >= 1, (what, d)


# Edits a writer makes while previewing, most keeping the site buildable.
WORDS = ["デジタル", "防災", "子育て", "AI", "オープンデータ", "{鳥獣|ちょうじゅう}", "マイナンバーカード",
         "DX推進", "[用語集](../glossary/ai.md)", "**大切**"]
TAGS = ["子育て", "防災", "交通", "学び", "ＤＸ"]


def split_front_matter(text):
    end = text.find("\n---\n", 4)
    return (text[4:end + 1], text[end + 5:]) if text.startswith("---\n") and end > 0 else None


def ids(work, folder):
    """The ids pages of a folder can be named by: their file names (a field: its `field:`)."""
    if folder == "fields":
        return sorted(re.findall(r"^field: (\S+)$", "\n".join(
            p.read_text(encoding="utf-8") for p in (work / "content" / "fields").glob("*.md")), re.M))
    return sorted(p.stem for p in (work / "content" / folder).glob("*.md"))


def edit(path, rnd, work):
    """A random edit of a page's body or front matter; None when the page has no such field."""
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    if not parts:
        return None
    fm, body = parts
    kind = rnd.choice(["body", "body", "title", "summary", "tags", "line", "date", "list", "status", "alias"])
    if kind in ("list", "status", "alias"):
        # Front matter naming other pages (fields, related initiatives, an event's initiatives),
        # an initiative's status, a glossary entry's other names: what lists and links derive from.
        key = {"list": r"(?:fields|related|initiatives)", "status": "status", "alias": "aliases"}[kind]
        m = re.search(rf"^({key}): (\[.*\]|\S+)$", fm, re.M)
        if not m:
            return None
        name = m.group(1)
        if name == "status":
            new = rnd.choice(["planned", "active", "completed"])
        elif name == "aliases":
            new = "[" + ", ".join(filter(None, [m.group(2)[1:-1], rnd.choice(["電子化", "デジタル化", "遠隔"])])) + "]"
        else:
            pool = ids(work, "fields" if name == "fields" else "initiatives")
            pool = [p for p in pool if p != path.stem]
            new = "[" + ", ".join(sorted(set(rnd.sample(pool, min(len(pool), rnd.randint(1, 3)))))) + "]"
        fm = fm[:m.start(2)] + new + fm[m.end(2):]
        kind = name
    elif kind == "body":
        lines = body.split("\n")
        lines.insert(rnd.randrange(len(lines) + 1), "\n" + "".join(rnd.sample(WORDS, 3)) + "について説明します。\n")
        body = "\n".join(lines)
    elif kind == "line":
        lines = body.split("\n")
        if len(lines) < 4:
            return None
        del lines[rnd.randrange(len(lines))]
        body = "\n".join(lines)
    else:
        pattern = {"title": r"^(?:title|term): (.*)$", "summary": r"^(?:summary|short): (.*)$",
                   "tags": r"^tags: \[(.*)\]$", "date": r"^(?:start|date|updated): \d{4}-\d\d-(\d\d)"}[kind]
        m = re.search(pattern, fm, re.M)
        if kind == "tags" and not m:
            fm += f"tags: [{rnd.choice(TAGS)}]\n"
        elif not m:
            return None
        else:
            old = m.group(1)
            new = {
                "title": lambda: old + rnd.choice(["の案内", "（改訂）", "DX"]),
                "summary": lambda: rnd.choice(WORDS[:7]) + "に取り組みます。",
                "tags": lambda: "" if rnd.random() < 0.3 else ", ".join(filter(None, [old, rnd.choice(TAGS)])),
                "date": lambda: f"{min(28, max(1, int(old) + rnd.choice([-3, -1, 1, 2]))):02d}",
            }[kind]()
            fm = fm[:m.start(1)] + new + fm[m.end(1):]
    path.write_text("---\n" + fm + "---\n" + body, encoding="utf-8")
    return kind


class Server:
    """`portal serve --port 0` with its output collected, to wait for each rebuild."""

    def __init__(self, work):
        self.proc = subprocess.Popen([str(BIN), "serve", "--port", "0"], cwd=work, env=ENV, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines = []
        threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True).start()
        self.wait_for(lambda text: "127.0.0.1" in text, 0)

    def wait_for(self, done, start, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            text = "".join(self.lines[start:])
            if done(text):
                return text
            assert self.proc.poll() is None, "".join(self.lines)
            time.sleep(0.05)
        pytest.fail(f"portal serve did not rebuild within {timeout} s: {''.join(self.lines[start:])}")

    def rebuilt(self, start):
        """What the server said after `start`, once it says a build ended and then nothing for
        half a second: a run once saw two builds for one change (events split across the
        watcher's ticks), and the site is compared only once the server is quiet."""
        self.wait_for(lambda text: "Rebuilt in" in text or "Build failed" in text, start)
        while True:
            count = len(self.lines)
            time.sleep(0.5)
            if len(self.lines) == count:
                return "".join(self.lines[start:])

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        assert self.proc.wait(timeout=20) == 0


@pytest.mark.parametrize("seed", range(SERVE_SEEDS), ids=lambda s: f"seed-{s}")
def test_random_edits_in_serve_give_a_full_builds_site(work, seed):
    rnd = random.Random(seed)
    server = Server(work)
    try:
        for step in range(EDITS):
            files = [p for p in content_files(work) if p.suffix == ".md"]
            saved = {p: p.read_bytes() for p in files}
            start = len(server.lines)
            path, roll = rnd.choice(files), rnd.random()
            if roll < 0.1 and "fields" not in path.parts:
                copy = path.with_name(f"{path.stem}-copy{step}.md")
                text = re.sub(r"^(title|term): (.*)$", lambda m: m.group(0) + f"（写し{step}）",
                              path.read_text(encoding="utf-8"), count=1, flags=re.M)
                copy.write_text(re.sub(r"^slug: .*\n", "", text, flags=re.M), encoding="utf-8")
                kind, path = "page added", copy
            elif roll < 0.15 and any("-copy" in p.name for p in files):
                path = rnd.choice([p for p in files if "-copy" in p.name])
                path.unlink()
                kind = "page removed"
            elif roll < 0.2:
                with open(work / "theme" / "assets" / "style.css", "a", encoding="utf-8") as css:
                    css.write(f"\n/* {step} */\n")
                kind = "theme"
            else:
                kind = edit(path, rnd, work)
                if kind is None:
                    continue
            what = f"seed {seed}, step {step}: {kind} in {path.relative_to(work)}"
            said = server.rebuilt(start)
            if "Build failed" in said:
                # An edit the site refuses (a copy's title clashing, say): put it back, as the
                # writer would, and the server builds the last good site again.
                start = len(server.lines)
                for p in content_files(work):
                    if p.suffix == ".md" and p not in saved:
                        p.unlink()
                for p, data in saved.items():
                    p.write_bytes(data)
                server.wait_for(lambda text: "Rebuilt in" in text, start)
                server.rebuilt(start)
                continue
            expect_same_as_full_build(work, what)
    finally:
        server.stop()
