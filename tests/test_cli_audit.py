"""What a writer types and mistypes at the `portal` command line, as found by the CLI audit:
each slip gets `Error:` naming what was typed, `Help:`/`直し方:` with the line to type instead
and the usage, exit 2, in English and in Japanese (PORTAL_LANG)."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
NOW = "2026-11-25T09:00:00+09:00"
COMMANDS = "build, new, search, check, lint, serve"


def portal(*args, cwd=None, language="en"):
    env = {**os.environ, "PORTAL_LANG": language, "PORTAL_NOW": NOW}
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path


@pytest.mark.parametrize("typed, english, japanese", [
    # `portal help buld` printed the general help and exited 0, as if nothing were wrong.
    (["help", "buld"], "did you mean `portal help build`?", "`portal help build` のまちがいではありませんか。"),
    (["help", "zzz"], f"the commands are {COMMANDS}", "コマンドは build、new、search、check、lint、serve のどれかです。"),
    # The input method left in full-width or Japanese mode, Caps Lock, a command named in Japanese.
    (["ｂｕｉｌｄ"], "it is typed in full-width characters: write `portal build`",
     "全角で書かれています。半角で `portal build` と書いてください。"),
    (["ビルド"], "commands are typed in English: write `portal build`",
     "コマンドは英語で書きます。`portal build` と書いてください。"),
    (["検索", "防災"], "commands are typed in English: write `portal search`",
     "コマンドは英語で書きます。`portal search` と書いてください。"),
    (["BUILD"], "commands are typed in lower case: write `portal build`",
     "コマンドは小文字で書きます。`portal build` と書いてください。"),
    (["version"], "did you mean `portal --version`?", "`portal --version` のまちがいではありませんか。"),
])
def test_a_word_for_a_command_gets_the_command_to_type(typed, english, japanese):
    r = portal(*typed)
    assert r.returncode == 2, r
    lines = r.stderr.splitlines()
    assert lines[0] == f"Error: there is no command `{typed[-1] if typed[0] == 'help' else typed[0]}`", r.stderr
    assert lines[1] == "Help: " + english, r.stderr
    assert lines[2] == f"Usage: portal <command>, with one of: {COMMANDS}"
    r = portal(*typed, language="ja")
    assert r.returncode == 2, r
    assert r.stderr.splitlines()[1] == "直し方: " + japanese, r.stderr


def test_v_is_no_option_and_the_version_is_named():
    r = portal("-v")
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == ["Error: there is no option `-v`", "Help: did you mean `portal --version`?"]


@pytest.mark.parametrize("args, typed, meant, shorts", [
    # ArgumentParser read `-output` as `-o -u …` and said "Unknown option '-u'".
    (["build", "-output", "out"], "-output", "--output", "-o, -h"),
    # … and `-port` as "Unknown option '-port'. Did you mean '--port'?" plus "or: Missing value for '-o <output>'".
    (["serve", "-port", "8000"], "-port", "--port", "-o, -p, -h"),
    (["lint", "-strict"], "-strict", "--strict", "-h"),
    (["search", "-limit", "3", "防災"], "-limit", "--limit", "-h"),
])
def test_a_long_option_with_one_dash_is_named_with_two(work, args, typed, meant, shorts):
    r = portal(*args, cwd=work)
    assert r.returncode == 2, r
    lines = r.stderr.splitlines()
    assert lines[:2] == [f"Error: `{typed}` is written with one dash",
                         f"Help: write `{meant}`, with two dashes (one dash is for the short forms: {shorts})"], r.stderr
    assert lines[2].startswith(f"Usage: portal {args[0]} ")
    assert "   or: " not in r.stderr
    r = portal(*args, cwd=work, language="ja")
    assert r.stderr.splitlines()[:2] == [
        f"Error: `{typed}` のダッシュ（-）が一つです",
        f"直し方: `{meant}` と、ダッシュを二つ書いてください（ダッシュ一つは {shorts.replace(', ', '・')} のような短い形のときです）"]
    assert r.stderr.splitlines()[2].startswith(f"使い方: portal {args[0]} ")


def test_new_with_a_title_alone_asks_for_the_kind_first(work):
    """`portal new 防災の取組` read the title as the kind and said the title was missing."""
    r = portal("new", "防災の取組", cwd=work)
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == [
        "Error: the kind of page is missing before the title `防災の取組`",
        'Help: write the kind first: portal new initiative "防災の取組" --slug my-initiative '
        "(the kinds: initiative, event, glossary, strategy, page)"]
    r = portal("new", "防災の取組", "--slug", "bousai", cwd=work, language="ja")
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == [
        "Error: 題名 `防災の取組` の前に、ページの種類がありません",
        '直し方: 種類を先に書いてください（例：portal new initiative "防災の取組" --slug my-initiative）。'
        "種類は 取組・イベント・用語・戦略・ページ のどれかです"]
    # A kind mistyped with nothing after it: the kind meant, and the order.
    r = portal("new", "イベンと", cwd=work)
    assert r.stderr.splitlines()[:2] == [
        "Error: there is no kind `イベンと`, and the title is missing",
        'Help: did you mean `イベント`? write the kind, then the title: portal new イベント "タイトル" --slug my-event']
    # A right kind without a title is still "the title is missing".
    r = portal("new", "event", cwd=work)
    assert r.stderr.startswith("Error: Missing expected argument '<title>'")
    assert not list((work / "content").rglob("*防災*"))


def test_search_for_words_beginning_with_a_dash_is_shown_the_double_dash(work):
    """`portal search -a` said the query was missing: the words looked for were read as an
    option. Alone, a word with a dash that is no option is offered with `--` before it, which
    then searches for it; after a query the dash word is more likely an option mistyped."""
    # The line offered keeps the options typed, and every word looked for, quoted for the shell.
    for args, line in ((["search", "-DX"], "portal search -- -DX"),
                       (["search", "--json", "--limit", "3", "-DX", "-AI"],
                        "portal search --json --limit 3 -- -DX -AI"),
                       (["search", "-a'b"], "portal search -- '-a'\"'\"'b'"),
                       (["search", "-$HOME 推進"], "portal search -- '-$HOME 推進'")):
        r = portal(*args, cwd=work)
        assert r.returncode == 2, r
        assert r.stderr.splitlines()[1:2] == [
            f"Help: to search for words that begin with a dash, put `--` before them: `{line}`"], r.stderr
        assert r.stderr.splitlines()[2].startswith("Usage: portal search ")
    assert portal("search", "-DX", cwd=work).stderr.splitlines()[0] == "Error: `-DX` is no option of `portal search`"
    r = portal("search", "-DX", cwd=work, language="ja")
    assert r.stderr.splitlines()[:2] == [
        "Error: `-DX` は portal search のオプションではありません",
        "直し方: ダッシュ（-）で始まる言葉を探すときは、その前に `--` を書いてください："
        "`portal search -- -DX`"], r.stderr
    # A mistyped option is still named as one, with no query too (it said the query was
    # missing), and so is a dash word after a query.
    r = portal("search", "--limt", "3", "防災", cwd=work)
    assert r.stderr.splitlines()[:2] == ["Error: Unknown option '--limt'", "Help: did you mean `--limit`?"]
    r = portal("search", "--jsno", cwd=work)
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == ["Error: Unknown option '--jsno'", "Help: did you mean `--json`?"]
    r = portal("search", "--jsno", cwd=work, language="ja")
    assert r.stderr.splitlines()[:2] == [
        "Error: portal search には、`--jsno` というオプションはありません",
        "直し方: `--json` のまちがいではありませんか。"], r.stderr
    r = portal("search", "防災", "-DX", cwd=work)
    assert r.stderr.splitlines()[0] == "Error: Unknown option '-DX'", r.stderr
    # With `--` it is searched for.
    assert portal("build", cwd=work).returncode == 0
    r = portal("search", "--", "-DX", cwd=work)
    assert r.returncode == 0, r


@pytest.mark.parametrize("args, meant", [
    (["search", "-n", "3", "防災"], "--limit"),  # head -n
    (["search", "防災", "-n", "3"], "--limit"),
    (["search", "-n"], "--limit"),  # no query: it said the query was missing
    (["search", "--type", "glossary", "防災"], "--kind"),
    (["build", "-D"], "--drafts"),  # Hugo's
    (["build", "-d", "out"], "--output"),
    (["build", "--destination", "out"], "--output"),
    (["build", "-s", "content"], "--content"),
    (["build", "--baseURL", "https://a.example/"], "--base-url"),
    # The built site is `--site` to search and check: `--output` as build calls it, or Hugo's.
    (["search", "--output", "site", "防災"], "--site"),
    (["search", "-o", "site", "防災"], "--site"),
    (["check", "--output", "site"], "--site"),
    (["check", "-d", "site"], "--site"),
    (["serve", "-P", "8080"], "--port"),  # scp's; `-p` is Portal's short name
    (["build", "--site", "out"], "--output"),  # the other way round
])
def test_other_tools_names_for_an_option_are_offered_portals(work, args, meant):
    """`head -n`, Hugo's `-D`, `--destination`, `--baseURL`: "see the options" said nothing of
    the option meant."""
    r = portal(*args, cwd=work)
    assert r.returncode == 2, r
    assert r.stderr.splitlines()[:2] == [
        f"Error: Unknown option '{args[1] if args[1].startswith('-') else args[2]}'",
        f"Help: did you mean `{meant}`?"], r.stderr
    r = portal(*args, cwd=work, language="ja")
    assert r.stderr.splitlines()[1] == f"直し方: `{meant}` のまちがいではありませんか。", r.stderr


def test_english_says_what_the_japanese_says_of_a_full_width_value_and_a_flag_given_one(work):
    r = portal("serve", "--port", "８０８０", cwd=work)
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert lines[1] == "Help: `８０８０` is typed in full-width characters: write `--port 8080`", r.stderr
    assert sum(line.startswith("Help:") for line in lines) == 1, r.stderr
    r = portal("build", "--strict=true", cwd=work)
    assert r.returncode == 2
    assert r.stderr.splitlines()[1] == "Help: remove `=true`: write `--strict` alone", r.stderr


def test_run_from_a_folder_inside_the_project_names_the_folder_and_the_line_to_type(work):
    """A terminal opened in content/initiatives/: the build said "no content folder" and to run
    in "the project's folder" without naming it, and `portal lint civic-tech.md` that the page
    "is not in the content folder"; now each names the project and the command to run there."""
    inside = work / "content" / "initiatives"
    page = next(inside.glob("*.md")).name
    for args, again in [(["build"], "portal build"), (["lint", page], f"portal lint content/initiatives/{page}"),
                        (["new", "initiative", "テスト", "--slug", "t2"], "portal new initiative テスト --slug t2")]:
        r = portal(*args, cwd=inside)
        assert r.returncode == 2, r
        lines = r.stderr.splitlines()
        assert lines[0] == f"Error: there is no content folder `content` here: {inside} is inside the project {work}", r.stderr
        assert lines[1] == f"Help: go to the project folder first, then run it again: cd ../.. && {again}", r.stderr
        r = portal(*args, cwd=inside, language="ja")
        assert r.stderr.splitlines()[0] == (
            f"Error: ここには、content フォルダー `content` がありません。{inside} は、プロジェクトのフォルダー {work} の中です"), r.stderr
        assert r.stderr.splitlines()[1].endswith(f"：cd ../.. && {again}"), r.stderr
        # The line given works.
        r = subprocess.run(f"cd ../.. && {again.replace('portal', BIN, 1)}", shell=True, cwd=inside,
                           capture_output=True, text=True, env={**os.environ, "PORTAL_NOW": NOW, "PORTAL_LANG": "en"})
        assert r.returncode in (0, 1), r
    assert not (inside / "site").exists() and not (inside / "content").exists()
    assert portal("lint", "--list-rules", cwd=inside).returncode == 0


def test_check_and_search_from_inside_the_project_name_it_too(work, tmp_path_factory):
    """`portal check` and `portal search` in content/initiatives/ or in the built site itself:
    check said "no built site here, run portal build first" (exit 1) and, in site/, offered
    `--site sitemap.xml`; search named a path under content/initiatives/. Now both name the
    project and the line to type there, as build, lint and new do."""
    assert portal("build", cwd=work).returncode == 0
    for folder, up in [(work / "content" / "initiatives", "../.."), (work / "site", "..")]:
        for args, again in [(["check"], "portal check"), (["search", "防災"], "portal search 防災")]:
            r = portal(*args, cwd=folder)
            assert r.returncode == 2, r
            lines = r.stderr.splitlines()
            assert lines[0] == f"Error: there is no built site `site` here: {folder} is inside the project {work}", r.stderr
            assert lines[1] == f"Help: go to the project folder first, then run it again: cd {up} && {again}", r.stderr
    r = portal("check", "--site", ".", cwd=work / "site")
    assert r.returncode == 0, r
    # Elsewhere, no project: a plain "no built site", without a file offered as the folder.
    lone = tmp_path_factory.mktemp("lone")
    (lone / "sitemap.xml").write_text("<urlset/>")
    r = portal("check", cwd=lone)
    assert r.returncode == 1 and "there is no built site here" in r.stdout, r
    assert "sitemap.xml" not in r.stdout, r.stdout


def test_a_file_given_as_the_content_folder_gets_the_folder_holding_it(work):
    r = portal("build", "--content", "content/site.yml", cwd=work)
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == [
        "Error: `--content content/site.yml` is a file, not a folder",
        "Help: give the folder holding site.yml and the pages: --content content"], r.stderr
    page = "content/" + next((work / "content" / "initiatives").glob("*.md")).relative_to(work / "content").as_posix()
    r = portal("serve", "--content", page, cwd=work, language="ja")
    assert r.returncode == 2
    assert r.stderr.splitlines()[:2] == [
        f"Error: `--content {page}` はファイルです。フォルダーを指定してください",
        f"直し方: site.yml とページのあるフォルダーを、--content content のように指定してください（一つのページを確かめるときは portal lint {page} です）"]


def test_a_folder_or_a_pipe_named_like_a_page_is_said_what_it_is(work):
    """A folder `dir.md` was "the file could not be read" with no reason and no hint; a pipe
    `fifo.md` hung `portal build` and `portal lint` for ever, waiting for a writer."""
    folder = work / "content" / "initiatives"
    (folder / "dir.md").mkdir()
    os.mkfifo(folder / "fifo.md")
    for command in ("build", "lint"):
        r = subprocess.run([BIN, command], cwd=work, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PORTAL_LANG": "en", "PORTAL_NOW": NOW})
        assert r.returncode == 1, r
        said = r.stdout + r.stderr
        assert "content/initiatives/dir.md:1:1: error: the file could not be read: it is a folder, not a file [source.read]" in said, said
        assert "content/initiatives/fifo.md:1:1: error: the file could not be read: it is not a plain file (a pipe or a device)" in said, said
        assert "hint: a page is a plain text file ending in `.md`" in said, said


def test_a_link_to_no_file_named_like_a_page_is_said_not_left_out(work):
    """A dangling link `gone.md` was left out of the build without a word (lint said it)."""
    (work / "content" / "pages" / "gone.md").symlink_to("/nonexistent/gone.md")
    for command in ("build", "lint"):
        r = subprocess.run([BIN, command], cwd=work, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PORTAL_LANG": "en", "PORTAL_NOW": NOW})
        assert r.returncode == 1, r
        assert ("content/pages/gone.md:1:1: error: the file could not be read: it is a link to "
                "`/nonexistent/gone.md`, which is not there [source.read]") in r.stdout + r.stderr, r
