"""Japanese summary lines count one way (docs/decisions.md, `JapaneseCount`): the thing, then
the number with its digits grouped by threes, then the counter word of its kind (件 for
problems and results, ページ for pages, 個 for files and links), with no space between the
number and the counter. Built from the shipped content, the counts pass a thousand."""
import os
import re
import shutil
import subprocess

from conftest import BIN, NOW, ROOT

JA = {**os.environ, "PORTAL_LANG": "ja"}

# A count with a space before its counter, a counter before the thing (「3個のファイル」), or
# four digits or more without their commas.
MISTAKES = [
    re.compile(r"\d[ \u3000]+(件|個|ページ|回|秒|ミリ秒|バイト)"),
    re.compile(r"\d(件|個)の"),
    re.compile(r"(?<![\d,.])\d{4,}(件|個|ページ|回|ミリ秒|バイト)"),
]


def portal(*args, cwd):
    return subprocess.run([str(BIN), *args], cwd=cwd, env=JA, capture_output=True, text=True, timeout=300)


def expect_counted(text):
    for line in text.splitlines():
        for mistake in MISTAKES:
            assert not mistake.search(line), f"{mistake.pattern} in {line!r}"


def last_line(r):
    return r.stdout.rstrip().splitlines()[-1]


def test_every_summary_counts_the_same_way(tmp_path):
    for folder in ["content", "theme"]:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    page = tmp_path / "content" / "initiatives" / "ai-disaster-management.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n詳しくは[こちら](/events/)。\n", encoding="utf-8")

    r = portal("build", "--now", NOW, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    built = last_line(r)
    assert re.fullmatch(r"ファイル\d{1,3}(,\d{3})+個を作りました（(\S+?\d+ページ、)+\S+?\d+ページ）。警告0件、\d+\.\d\d秒", built), built
    assert "取組" in built and "用語" in built
    expect_counted(r.stdout + r.stderr)

    r = portal("build", "--now", NOW, cwd=tmp_path)
    assert re.fullmatch(r"前回のビルドから変わったものはありません（(\S+?\d+ページ、)+\S+?\d+ページ）。警告0件、\d+\.\d\d秒", last_line(r)), r.stdout
    page.write_text(page.read_text(encoding="utf-8") + "\n追記です。\n", encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=tmp_path)
    assert re.fullmatch(r"変わったファイル[\d,]+個を書き直しました（.+ページ）。警告0件、\d+\.\d\d秒", last_line(r)), r.stdout

    r = portal("lint", cwd=tmp_path)
    assert re.fullmatch(r"ファイル[\d,]+個を確かめました：警告[\d,]+件です。", last_line(r)), r.stdout
    expect_counted(r.stdout + r.stderr)

    r = portal("check", cwd=tmp_path)
    checked = last_line(r)
    assert re.fullmatch(r"ファイル[\d,]+個とリンク\d{1,3}(,\d{3})+個を確かめました：警告1件です。", checked), checked
    expect_counted(r.stdout + r.stderr)
    r = portal("check", "--format", "json", cwd=tmp_path)
    assert r.stderr.strip() == checked

    r = portal("search", "防災", "--limit", "2", "--explain", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert re.fullmatch(r"「防災」の検索結果：約?[\d,]+件（上位2件を表示）", lines[0]), lines[0]
    assert any(re.fullmatch(r"読んだ索引のファイル[\d,]+個（合わせて[\d,]+バイト。gzip で縮める前の大きさ）：", l) for l in lines), r.stdout
    assert any(re.fullmatch(r"  search/\S+  [\d,]+バイト", l) for l in lines), r.stdout
    expect_counted(r.stdout)
