"""`portal lint --fix`: the fixes the lint is certain of written into the pages, the rest
reported as before; files outside the selection, links and silenced lines left alone."""
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
NOW = "2026-11-25T09:00:00+09:00"

FRONT = "---\ntitle: 修正の確認\nsummary: \"ｶﾀｶﾅの説明です。\"\nfields: [safety]\nstatus: active\n---\n\n"
BODY = (
    "##見出し\n\n"
    "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞを使います。ゼロ\u200b幅です。\n\n"
    "＃＃ 全角の見出し\n\n"
    "2026年12月5日に開きます。\n\n"
    "｜日時｜場所｜\n｜ーー｜ーー｜\n｜1日｜県庁｜\n\n"
    "ﾒﾓです。 <!-- lint-disable-line lint.halfwidth-kana -->\n"
)
FIXED = (
    "---\ntitle: 修正の確認\nsummary: \"カタカナの説明です。\"\nfields: [safety]\nstatus: active\n---\n\n"
    "## 見出し\n\n"
    "マイナンバーカードを使います。ゼロ幅です。\n\n"
    "## 全角の見出し\n\n"
    "2026年12月5日（土）に開きます。\n\n"
    "|日時|場所|\n|--|--|\n|1日|県庁|\n\n"
    "ﾒﾓです。 <!-- lint-disable-line lint.halfwidth-kana -->\n"
)


def portal(*args, cwd, lang="en"):
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PORTAL_LANG": lang})


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    page = tmp_path / "content" / "initiatives" / "fix-me.md"
    page.write_bytes((FRONT + BODY).encode())
    return tmp_path


def test_fix_writes_the_certain_fixes_and_lints_again(work):
    page = work / "content" / "initiatives" / "fix-me.md"
    page.chmod(0o640)
    crlf = work / "content" / "initiatives" / "crlf.md"
    crlf.write_bytes(b"\xef\xbb\xbf" + FRONT.replace("\n", "\r\n").encode() + "ﾃｽﾄです。\r\n".encode())
    other = work / "content" / "initiatives" / "ai-disaster.md"
    before = other.read_bytes()

    r = portal("lint", "--fix", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stdout + r.stderr
    assert page.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    # The BOM and CR LF kept, only the characters fixed.
    assert crlf.read_bytes() == b"\xef\xbb\xbf" + FRONT.replace("ｶﾀｶﾅ", "カタカナ").replace("\n", "\r\n").encode() \
        + "テストです。\r\n".encode()
    assert other.read_bytes() == before
    assert not list(work.rglob(".*portal-tmp")), "a temporary file was left"
    lines = r.stdout.splitlines()
    fixed = [line for line in lines if ": fixed: " in line]
    assert "content/initiatives/fix-me.md:3:11: fixed: 「ｶﾀｶﾅ」→「カタカナ」 [lint.halfwidth-kana]" in fixed
    assert "content/initiatives/fix-me.md:10:18: fixed: 「<U+200B>」→「」 [lint.invisible-character]" in fixed
    assert any("「｜日時｜場所｜」→「|日時|場所|」, 「｜ーー｜ーー｜」→「|--|--|」" in line for line in fixed), fixed
    assert len(fixed) == 9, fixed
    assert "Fixed 9 problems in 2 files." in lines
    # The lint after the fixes: what is left (the katakana words now readable as such).
    assert lines[-1].startswith("Linted "), lines[-1]
    assert "lint.halfwidth-kana" not in "\n".join(lines[lines.index("Fixed 9 problems in 2 files."):])

    again = portal("lint", "--fix", "--now", NOW, cwd=work)
    assert "Nothing to fix automatically." in again.stdout.splitlines()
    assert page.read_text(encoding="utf-8") == FIXED
    build = portal("build", "--now", NOW, cwd=work)
    assert build.returncode == 0, build.stdout + build.stderr
    html = (work / "site" / "initiatives" / "fix-me" / "index.html").read_text(encoding="utf-8")
    assert ">全角の見出し</span></h2>" in html and "<table" in html and "ﾏｲﾅﾝﾊﾞｰ" not in html


def test_fix_in_japanese_beside_json_and_only_on_the_pages_asked_for(work):
    page = work / "content" / "initiatives" / "fix-me.md"
    other = work / "content" / "initiatives" / "other.md"
    other.write_bytes((FRONT + BODY).encode())
    r = portal("lint", "--fix", "--format", "json", "content/initiatives/fix-me.md", "--now", NOW,
               cwd=work, lang="ja")
    # stdout stays one JSON document (the problems left); what was fixed is on stderr.
    report = json.loads(r.stdout)
    assert all(not d.get("fixes") for d in report["diagnostics"]), report
    assert "ファイル1個の問題7件を直しました。" in r.stderr.splitlines(), r.stderr
    assert "content/initiatives/fix-me.md:14:1: 直しました: 「日」→「日（土）」 [lint.date-weekday]" \
        in r.stderr.splitlines(), r.stderr
    assert page.read_text(encoding="utf-8") == FIXED
    assert other.read_bytes() == (FRONT + BODY).encode()


def test_json_names_each_fix_for_editors(work):
    r = portal("lint", "--format", "json", "content/initiatives/fix-me.md", "--now", NOW, cwd=work)
    found = [d for d in json.loads(r.stdout)["diagnostics"] if d.get("fixes")]
    assert [(d["line"], d["code"], len(d["fixes"])) for d in found] == [
        (3, "lint.halfwidth-kana", 1), (8, "lint.markdown", 1), (10, "lint.halfwidth-kana", 1),
        (10, "lint.invisible-character", 1), (12, "lint.markdown", 1), (14, "lint.date-weekday", 1),
        (16, "lint.table-cells", 3)]
    assert found[1]["fixes"] == [{"line": 8, "column": 1, "expected": "##", "replacement": "## "}]
    assert found[5]["fixes"] == [
        {"line": 14, "column": 10, "expected": "日", "replacement": "日（土）"}]
    # Linting alone changes nothing.
    page = work / "content" / "initiatives" / "fix-me.md"
    assert page.read_bytes() == (FRONT + BODY).encode()


def test_fix_does_not_write_through_a_link(work, tmp_path_factory):
    # A link to a file outside content/ is refused, as the build refuses it: not read, not fixed.
    outside = tmp_path_factory.mktemp("outside") / "linked.md"
    outside.write_bytes((FRONT + BODY).encode())
    link = work / "content" / "initiatives" / "linked.md"
    link.symlink_to(outside)
    # A link inside content/ is read, and the file it links to is fixed as itself, not through it.
    inside_target = work / "content" / "initiatives" / "target.md"
    inside_target.write_bytes((FRONT + BODY).encode())
    inside = work / "content" / "initiatives" / "alias.md"
    inside.symlink_to("target.md")
    r = portal("lint", "--fix", "--now", NOW, cwd=work)
    assert outside.read_bytes() == (FRONT + BODY).encode()
    assert link.is_symlink() and inside.is_symlink()
    assert (work / "content" / "initiatives" / "fix-me.md").read_text(encoding="utf-8") == FIXED
    assert any(line.startswith("content/initiatives/linked.md:1:1: error: this is a link to `")
               and line.endswith("outside the content folder, and would publish that file [source.link-outside]")
               for line in r.stdout.splitlines()), r.stdout
    assert "content/initiatives/alias.md: not fixed: a symbolic link: fix the file it links to" \
        in r.stdout.splitlines(), r.stdout


def test_fix_and_list_rules_is_a_usage_mistake(work):
    r = portal("lint", "--fix", "--list-rules", cwd=work)
    assert r.returncode == 2
    assert "--fix and --list-rules cannot be used together" in r.stderr
    rules = json.loads(portal("lint", "--list-rules", "--format", "json", cwd=work).stdout)
    assert sorted(rule["id"] for rule in rules if rule["fix"]) == [
        "lint.date-weekday", "lint.double-bullet", "lint.era-year", "lint.fullwidth-alphanumeric", "lint.fullwidth-indent", "lint.halfwidth-kana",
        "lint.invisible-character", "lint.kanji-number", "lint.list-indent", "lint.markdown", "lint.table-cells"]


def test_fix_takes_out_the_indent_of_print(work):
    """Paragraphs indented with a full-width space (as in Word): the spaces are taken out, the
    line of a space alone made empty, and the page builds with its paragraphs at the edge."""
    page = work / "content" / "initiatives" / "indent.md"
    page.write_text(FRONT.replace("ｶﾀｶﾅの", "") + "　県は、取組を進めます。\n　\n　　次に、ＤＸの会を開きます。\n", encoding="utf-8")
    r = portal("lint", "--fix", "content/initiatives/indent.md", cwd=work, lang="ja")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "content/initiatives/indent.md:8:1: 直しました: 「　」→「」 [lint.fullwidth-indent]" in r.stdout
    assert r.stdout.count("[lint.fullwidth-indent]") == 3, r.stdout
    assert "content/initiatives/indent.md:10:6: 直しました: 「ＤＸ」→「DX」 [lint.fullwidth-alphanumeric]" in r.stdout
    assert page.read_text(encoding="utf-8").endswith("---\n\n県は、取組を進めます。\n\n次に、DXの会を開きます。\n")
    assert portal("build", "--now", NOW, cwd=work).returncode == 0
    html = (work / "site" / "initiatives" / "indent" / "index.html").read_text(encoding="utf-8")
    assert "<p>県は、取組を進めます。</p>" in html and "　" not in html.split("<main", 1)[1]


def test_fix_goes_round_until_nothing_more_is_fixed(work):
    """A zero-width space before `##見出し` hides the heading's slip until it is taken out: the
    second round fixes it, and the places it names are in the file as the first round left it."""
    page = work / "content" / "initiatives" / "fix-me.md"
    page.write_bytes((FRONT + "\u200b##見出し\n\n本文です。\n").encode())
    r = portal("lint", "--fix", "content/initiatives/fix-me.md", "--now", NOW, cwd=work)
    fixed = [line for line in r.stdout.splitlines() if ": fixed: " in line]
    assert fixed == [
        "content/initiatives/fix-me.md:3:11: fixed: 「ｶﾀｶﾅ」→「カタカナ」 [lint.halfwidth-kana]",
        "content/initiatives/fix-me.md:8:1: fixed: 「<U+200B>」→「」 [lint.invisible-character]",
        "content/initiatives/fix-me.md:8:1: fixed: 「##」→「## 」 [lint.markdown]",
    ], r.stdout
    assert page.read_text(encoding="utf-8").endswith("---\n\n## 見出し\n\n本文です。\n")


def test_a_read_only_page_is_left_as_it_is(work):
    page = work / "content" / "initiatives" / "fix-me.md"
    page.chmod(0o444)
    r = portal("lint", "--fix", "content/initiatives/fix-me.md", "--now", NOW, cwd=work)
    assert page.read_bytes() == (FRONT + BODY).encode()
    assert "content/initiatives/fix-me.md: not fixed: the file is read-only" in r.stdout.splitlines(), r.stdout
    assert "Nothing fixed. 1 file was not written." in r.stdout.splitlines(), r.stdout
    # Its warnings are still reported.
    assert "[lint.halfwidth-kana]" in r.stdout


def test_links_follow_a_heading_whose_anchor_a_fix_changed(work):
    """`## ＤＸの推進` fixed to `## DXの推進` moves its anchor to `#dxの推進`: the links to the old
    anchor, on its own page and on others, get the new one, each said as a fix, and the build
    that warned at them before the fix warns no more."""
    page = work / "content" / "initiatives" / "dx-heading.md"
    page.write_text("---\ntitle: 見出しの確認\nsummary: 見出しを確かめます。\nfields: [safety]\nstatus: active\n---\n\n"
                    "[推進](#ＤＸの推進)を読みます。\n\n## ＤＸの推進\n\n県が進めます。\n", encoding="utf-8")
    other = work / "content" / "initiatives" / "links-in.md"
    other.write_text("---\ntitle: リンクの確認\nsummary: リンクを確かめます。\nfields: [safety]\nstatus: active\n---\n\n"
                     "[推進](dx-heading.md#ＤＸの推進)と[別](dx-heading.md#ない見出し)です。\n", encoding="utf-8")
    before = portal("build", "--now", NOW, "--output", "site", cwd=work)
    # Before the fix, only the link to a heading that never was is warned at.
    assert before.stderr.count("[content.heading-link]") == 1 and "#ない見出し" in before.stderr, before.stderr
    r = portal("lint", "--fix", "content/initiatives/dx-heading.md", "content/initiatives/links-in.md", cwd=work)
    assert "content/initiatives/links-in.md:8:19: fixed: 「#ＤＸの推進」→「#dxの推進」 [lint.fullwidth-alphanumeric]" in r.stdout, r.stdout
    assert "content/initiatives/dx-heading.md:8:6: fixed: 「#ＤＸの推進」→「#dxの推進」 [lint.fullwidth-alphanumeric]" in r.stdout, r.stdout
    assert "## DXの推進" in page.read_text(encoding="utf-8")
    assert "[推進](dx-heading.md#dxの推進)と[別](dx-heading.md#ない見出し)" in other.read_text(encoding="utf-8")
    after = portal("build", "--now", NOW, "--output", "site", cwd=work)
    # After it too: the links to the renamed heading lead to it.
    assert after.stderr.count("[content.heading-link]") == 1 and "#ない見出し" in after.stderr, after.stderr


def test_links_that_follow_a_heading_are_not_written_through_a_link(work, tmp_path_factory):
    """A page linked in from outside the content folder that links to a renamed heading is
    left as it is and said not fixed, as `--fix` treats every page reached through a link."""
    page = work / "content" / "initiatives" / "dx-heading.md"
    page.write_text("---\ntitle: 見出しの確認\nsummary: 見出しを確かめます。\nfields: [safety]\nstatus: active\n---\n\n"
                    "## ＤＸの推進\n\n県が進めます。\n", encoding="utf-8")
    linked = "---\ntitle: リンクの確認\nsummary: リンクを確かめます。\nfields: [safety]\nstatus: active\n---\n\n" \
             "[推進](dx-heading.md#ＤＸの推進)です。\n"
    outside = tmp_path_factory.mktemp("outside") / "links-in.md"
    outside.write_text(linked, encoding="utf-8")
    link = work / "content" / "initiatives" / "links-in.md"
    link.symlink_to(outside)
    r = portal("lint", "--fix", "content/initiatives/dx-heading.md", cwd=work)
    assert "## DXの推進" in page.read_text(encoding="utf-8")
    assert link.is_symlink() and outside.read_text(encoding="utf-8") == linked
    assert "content/initiatives/links-in.md: not fixed: a symbolic link: fix the file it links to" \
        in r.stdout.splitlines(), r.stdout
