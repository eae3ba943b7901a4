"""`portal search`: answers from the built index, text and JSON output, kinds, limits, errors.

Builds the BuildTests fixture plus a few pages written here (a glossary entry 防災 with the
reading ぼうさい, pages that use it in different spellings) into a temporary folder.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
NOW = "2026-11-25T09:00:00+09:00"

EXTRA = {
    "glossary/bousai.md": """---
term: 防災
reading: ぼうさい
short: 災害にそなえることです。
---

地震や台風にそなえます。
""",
    "initiatives/hazard-map.md": """---
title: ハザードマップをスマートフォンで
summary: 防災の情報をいつでも見られるようにします。
fields: [crisis-management]
status: planned
started: 2026-04-01
---

## なにが変わるか

ｽﾏｰﾄﾌｫﾝで、避難所までの道がわかります。ドローンの映像も見られます。
""",
    "initiatives/drone-delivery.md": """---
title: ドローンで物を運ぶ
summary: 山の多い地域に荷物を届けます。
fields: [safety]
status: active
started: 2025-04-01
---

## なにが変わるか

災害のときにも、ドローンで薬を届けられます。<防災>の訓練でも使います。
""",
    "initiatives/phone-class.md": """---
title: スマホ教室を開きます
summary: 定員は30人です。
fields: [safety]
status: active
started: 2025-06-01
---

## なにが変わるか

第3回の教室を12月に開きます。一部の地域では、一人でも申し込めます。
""",
}


def portal(*args, cwd=None):
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("search-cli")
    shutil.copytree(FIXTURE, work / "content")
    shutil.copytree(ROOT / "theme", work / "theme")
    for rel, text in EXTRA.items():
        (work / "content" / rel).write_text(text, encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=work)
    assert r.returncode == 0, r.stdout + r.stderr
    return work


def search_json(built, *args):
    r = portal("search", *args, "--json", cwd=built)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def urls(answer):
    return [r["url"] for r in answer["results"]]


def test_writes_the_index(built):
    meta = json.loads((built / "site" / "search" / "meta.json").read_text(encoding="utf-8"))
    assert meta["format"] == 1 and meta["documents"] >= 10
    assert any((built / "site" / "search" / "s").iterdir())


def test_text_output_for_writers(built):
    r = portal("search", "ドローン", cwd=built)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("「ドローン」の検索結果：2件")
    # Title with the kind label, URL, snippet with the match marked.
    assert "1. ドローンで物を運ぶ［取組］" in out
    assert "/initiatives/drone-delivery/" in out
    assert "**ドローン**" in out


def test_json_output(built):
    a = search_json(built, "防災")
    assert a["query"] == "防災" and a["exact"] is True
    assert a["count"] == len(a["results"]) >= 4
    first = a["results"][0]
    assert first["url"] == "/glossary/bousai/"  # exact title ranks first
    assert {"url", "title", "kind", "kind_label", "snippet", "highlights", "snippet_html", "score"} <= set(first)
    assert first["kind"] == "glossary" and first["kind_label"] == "用語"
    # The snippet is escaped and marks every match; highlights count Unicode code points.
    drone = next(r for r in a["results"] if r["url"] == "/initiatives/drone-delivery/")
    assert "&lt;<mark>防災</mark>&gt;" in drone["snippet_html"]
    for s, e in drone["highlights"]:
        assert drone["snippet"][s:e] == "防災"
    # The files the query read, as a browser would download them.
    assert a["files"][0]["path"] == "search/meta.json"
    assert a["bytes"] == sum(f["bytes"] for f in a["files"]) > 0
    assert all((built / "site" / f["path"]).is_file() for f in a["files"])


@pytest.mark.parametrize("query", ["防災", "ぼうさい", "ボウサイ"])
def test_glossary_reading_finds_the_term_and_its_pages(built, query):
    found = urls(search_json(built, query, "--limit", "0"))
    assert found[0] == "/glossary/bousai/"
    assert {"/initiatives/hazard-map/", "/initiatives/drone-delivery/", "/initiatives/ai-disaster/"} <= set(found)


def test_alias_both_ways(built):
    # The DX entry has the alias デジタル・トランスフォーメーション.
    dx = urls(search_json(built, "DX", "--limit", "0"))
    long = urls(search_json(built, "デジタルトランスフォーメーション", "--limit", "0"))
    assert dx[0] == "/glossary/dx/" and long[0] == "/glossary/dx/"
    assert set(dx) == set(long)


@pytest.mark.parametrize("query,expected", [
    ("ｽﾏｰﾄﾌｫﾝ", "/initiatives/hazard-map/"),     # half-width katakana
    ("すまーとふぉん", "/initiatives/hazard-map/"),  # hiragana for katakana
    ("ＤＸセミナー", "/events/seminar/"),            # full-width Latin
    ("dxせみなー", "/events/seminar/"),              # lower case, hiragana
    ("避難所までの道", "/initiatives/hazard-map/"),  # longer than an n-gram: verified
])
def test_normalisation(built, query, expected):
    assert expected in urls(search_json(built, query, "--limit", "0"))


def test_adjacency_not_just_grams(built):
    # ドローン and 映像 both occur on the hazard-map page, but never as ドローン映像: the page is
    # found only by the words split apart, searched once the query as typed found nothing.
    split = search_json(built, "ドローン映像", "--limit", "0")
    assert split["searched_as"] == "ドローン 映像" and urls(split) == ["/initiatives/hazard-map/"]
    assert "searched_as" not in search_json(built, "ドローン 映像")
    assert urls(search_json(built, "ドローンの映像", "--limit", "0")) == ["/initiatives/hazard-map/"]


def test_limit_and_every_match(built):
    every = search_json(built, "防災", "--limit", "0")
    assert len(every["results"]) == every["count"] > 2
    two = search_json(built, "防災", "--limit", "2")
    assert urls(two) == urls(every)[:2]
    assert two["count"] == every["count"]


@pytest.mark.parametrize("kinds", [["--kind", "initiative"], ["--kind", "取組"], ["--kind", "initiative,event"],
                                   ["--kind", "initiative", "--kind", "event"],
                                   ["--kind", "initiatives,events"], ["--kind", "取り組み"]])
def test_kind_filter(built, kinds):
    a = search_json(built, "防災", "--limit", "0", *kinds)
    assert a["results"] and all(r["kind"] in ("initiative", "event") for r in a["results"])
    assert "/glossary/bousai/" not in urls(a)


@pytest.mark.parametrize("kind", ["field", "分野"])
def test_field_kind(built, kind):
    """A field's vision and the domain pages (from site.yml) are 分野, not 戦略: the domain's
    name finds its page first, the field's name its vision."""
    a = search_json(built, "暮らし", "--limit", "0", "--kind", kind)
    assert urls(a)[0] == "/domains/life/"
    assert {(r["kind"], r["kind_label"]) for r in a["results"]} == {("field", "分野")}
    vision = search_json(built, "危機管理", "--kind", kind)["results"][0]
    assert (vision["url"], vision["title"], vision["kind_label"]) == ("/fields/crisis-management/", "危機管理", "分野")
    assert "/fields/crisis-management/" not in urls(search_json(built, "危機管理", "--limit", "0", "--kind", "戦略"))
    r = portal("search", "暮らし", "--kind", kind, cwd=built)
    assert r.returncode == 0 and "1. 暮らし［分野］\n   /domains/life/" in r.stdout, r.stdout


def test_query_starting_with_a_dash(built):
    r = portal("search", "--json", "--", "-2", cwd=built)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["query"] == "-2"


def test_no_match_is_not_an_error(built):
    r = portal("search", "存在しないことば", cwd=built)
    assert r.returncode == 0
    assert "一致するページはありません" in r.stdout
    assert search_json(built, "存在しないことば")["results"] == []


def test_a_query_without_spaces_is_answered_split(built):
    """A query typed without spaces that finds nothing is searched with its words split apart,
    and the text says so, as the search page does; --json has `searched_as`."""
    r = portal("search", "ドローンの映像を見たい", cwd=built)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("「ドローンの映像を見たい」に一致するページはありません。「ドローン 映像 見」で探しました：1件"), r.stdout
    assert "/initiatives/hazard-map/" in r.stdout
    answer = search_json(built, "ドローンの映像を見たい")
    assert answer["searched_as"] == "ドローン 映像 見" and answer["suggestions"] == []


def test_names_inside_a_query_are_offered(built):
    """A sentence that finds nothing is offered the site's names inside it (ぼうさい, the
    glossary reading, as its term 防災), only where the offer finds something with the kinds
    asked for, and never after a search that found something."""
    query = "ぼうさいの訓練について知りたい"
    r = portal("search", query, cwd=built)
    assert r.returncode == 0, r.stderr
    assert "一致するページはありません。\nもしかして：「防災」" in r.stdout, r.stdout
    assert search_json(built, query, "--kind", "initiative")["suggestions"] == ["防災"]
    assert search_json(built, "防災", "--kind", "event")["results"] == []
    assert search_json(built, query, "--kind", "event")["suggestions"] == []
    assert search_json(built, "ぼうさい")["results"] and search_json(built, "ぼうさい")["suggestions"] == []


def test_kanji_numbers_find_arabic_numerals(built):
    """A number typed in kanji (三十人, 十二月, 第三回) also finds the Arabic numerals the page
    writes, and the output says which form was searched too, as the page does; a numeral
    inside a word (一部, 一人) is searched as typed."""
    r = portal("search", "三十人", cwd=built)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("「三十人」の検索結果：1件。「30人」でも探しました。"), r.stdout
    assert "**30人**" in r.stdout
    for typed, arabic in (("三十人", "30人"), ("十二月", "12月"), ("第三回", "第3回"), ("十二月 三十人", "12月 30人")):
        answer = search_json(built, typed)
        assert "/initiatives/phone-class/" in urls(answer), typed
        assert answer["also_searched"] == arabic and answer["query"] == typed
    # The fixture's December event is found by its day (12月…), as 12月 finds it.
    assert urls(search_json(built, "十二月")) == urls(search_json(built, "12月"))
    for word in ("一部", "一人", "千葉"):
        assert "also_searched" not in search_json(built, word), word
    none = portal("search", "九十九人", cwd=built)
    assert none.stdout.startswith("「九十九人」に一致するページはありません。「99人」でも探しました。"), none.stdout


def test_a_long_query_is_said_in_its_first_30_characters(built):
    """A pasted paragraph is said in its first 30 characters and 「…」, as the search page says
    it, not printed whole in the line that answers it; --json keeps the query whole."""
    pasted = "ドローンの映像を見たい。" * 8
    r = portal("search", pasted, cwd=built)
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("「" + pasted[:30] + "…」に一致するページはありません。"), first
    assert pasted not in r.stdout and len(first) < 120, first
    split = portal("search", "ドローンの映像を見たい" + "とても" * 12, cwd=built)
    assert "とても" * 12 not in split.stdout, split.stdout
    assert search_json(built, pasted)["query"] == pasted
    short = portal("search", "ドローン" * 7 + "いろいろ", cwd=built)  # 32 characters
    assert ("「" + "ドローン" * 7 + "いろ…」") in short.stdout, short.stdout


def test_explain_lists_files(built):
    r = portal("search", "防災", "--explain", cwd=built)
    assert r.returncode == 0
    assert "search/meta.json" in r.stdout and "bytes" in r.stdout


def test_missing_index_is_a_clear_error(tmp_path):
    r = portal("search", "防災", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith("Error: no search index")
    assert "portal build" in r.stderr
    r = portal("search", "防災", "--site", str(tmp_path / "nowhere"))
    assert r.returncode == 1


@pytest.mark.parametrize("change", [{"gram": -1}, {"shards": 0}, {"shards": -1}, {"documents": -5},
                                    {"kinds": {"initiative": [0, 99999999999]}}])
def test_a_damaged_index_is_an_error_not_a_crash(built, tmp_path, change):
    """A site passed between CI jobs may come back damaged: numbers the build could not have
    written in meta.json are said to be an unreadable index (exit 1), not a crash."""
    import shutil
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    meta_path = site / "search" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(change)
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    r = portal("search", "防災", "--site", str(site))
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert r.stderr.startswith("Error: "), r.stderr


def test_a_file_of_the_index_cut_short_is_an_error_not_no_match(built, tmp_path):
    """A shard cut short in an upload read as "no match": the search says the index is
    damaged, names the file and exits 1; the whole index still answers."""
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    whole = portal("search", "防災", "--site", str(site), "--json")
    assert whole.returncode == 0
    files = [f["path"] for f in json.loads(whole.stdout)["files"]]
    shard = next(f for f in files if f.startswith("search/s/"))
    (site / shard).write_bytes((site / shard).read_bytes()[:10])
    r = portal("search", "防災", "--site", str(site))
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.startswith(f"Error: the search index is damaged: {shard} could not be read"), r.stderr
    assert "portal build" in r.stderr
    assert "に一致するページはありません" not in r.stdout


@pytest.mark.parametrize("args", [[], [""], ["防災", "--limit", "-1"], ["防災", "--kind", "news"],
                                  ["防災", "--no-such-flag"]])
def test_usage_errors_exit_2(built, args):
    r = portal("search", *args, cwd=built)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Error:" in r.stderr


def test_an_unknown_kind_lists_the_kinds(built):
    r = portal("search", "防災", "--kind", "domain", cwd=built)
    assert r.returncode == 2
    assert "use strategy, field, initiative, event, glossary or about (or 戦略, 分野, 取組, イベント, 用語, このサイトについて)" in r.stderr


def test_help_has_examples():
    r = portal("search", "--help")
    assert r.returncode == 0
    assert "Examples:" in r.stdout and "--limit 0" in r.stdout
    r = portal("--help")
    assert "search" in r.stdout


@pytest.mark.parametrize("language, said", [
    ("en", ["十二月 → 12月", "三十人 → 30人", "千葉"]),
    ("ja", ["漢数字", "十二月 なら 12月 も", "三十人 なら 30人 も", "千葉や一部"]),
])
def test_help_says_numbers_typed_in_kanji_find_arabic_numerals(language, said):
    """The help says what search.js and `portal search` do with a number typed in kanji, in
    either language (the Japanese help had left it out): the help is wrapped, so its lines are
    joined before looking."""
    r = subprocess.run([BIN, "search", "--help"], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PORTAL_LANG": language})
    assert r.returncode == 0, r.stderr
    joined = "".join(line.strip() for line in r.stdout.splitlines())
    joined_en = " ".join(line.strip() for line in r.stdout.splitlines())
    for words in said:
        assert words in (joined if language == "ja" else joined_en), (words, r.stdout)


def test_text_output_shows_control_characters_instead_of_sending_them(tmp_path):
    """An escape sequence in the index's text reaches the writer's terminal as text
    (`\\u{1B}`), not as a command that recolours or retitles it. The build refuses one in a
    page (`content.control-character`), so it is put into the built index's text, as an index
    made by another tool or an older Portal could hold it."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    page = tmp_path / "content" / "initiatives" / "escape.md"
    head = ("---\ntitle: 制御文字のページ\nsummary: 表示の確かめです。\nfields: [safety]\nstatus: active\n"
            "started: 2025-04-01\n---\n\n")
    page.write_text(head + "ぞぞてすと \x1b]0;pwned\x07 \x1b[31mRED\x1b[0m です。\n", encoding="utf-8")
    r = portal("build", "--now", NOW, cwd=tmp_path)
    assert r.returncode == 1 and "[content.control-character]" in r.stderr, r.stderr
    page.write_text(head + "ぞぞてすと MARKER です。\n", encoding="utf-8")
    assert portal("build", "--now", NOW, cwd=tmp_path).returncode == 0
    chunks = [c for c in (tmp_path / "site" / "search" / "c").glob("*-*.json")
              if "MARKER" in c.read_text(encoding="utf-8")]
    assert len(chunks) == 1
    chunks[0].write_text(chunks[0].read_text(encoding="utf-8").replace(
        "MARKER", "\\u001b]0;pwned\\u0007 \\u001b[31mRED\\u001b[0m"), encoding="utf-8")
    r = portal("search", "ぞぞてすと", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "ぞぞてすと" in r.stdout
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "\\u{1B}[31mRED" in r.stdout


@pytest.mark.parametrize("kind", ["page", "pages", "ページ"])
def test_pages_about_the_site_by_portal_news_names(built, kind):
    """`--kind` takes a page about the site by the names `portal new` takes it (page, pages,
    ページ) as well as `about`."""
    a = search_json(built, "サイト", "--limit", "0", "--kind", kind)
    assert a["results"] and all(r["kind"] == "about" for r in a["results"])
