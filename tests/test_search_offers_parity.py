"""Typed forms the pages do not use (docs/search.md, "Typed forms the pages do not use"): the
same answers from search.js with search-offers.js under node and from `portal search --json`,
on the shipped site and on the shipped content with two pages added that write Latin
compounds, one joined (eTax) and one with its hyphen (e-Gov), which the shipped pages do not.

On the shipped site: a word with its okurigana run together with another word is offered split
at the name (取り組み状況 → 取組 状況, 手続き方法 → 手続き 方法); a verb's form is offered no spelling
(申し込みます); e-tax is offered nothing rather than its one letter `e`. On the fixture: e-tax,
e-Tax and ｅ－Ｔａｘ find the page that writes eTax (searched joined), and egov is offered e-gov.
"""
import json
import shutil
import subprocess

import pytest

from conftest import CONTENT, build_site
from test_search_parity import NODE, RUNNER, node_available, swift_answer

# The survey of docs/search.md: typed as residents type them, with no kind and with kinds.
SURVEY = ["申し込み書", "取り組み状況", "取り組み内容", "手続き方法", "申し込み方法", "申込み方法", "申し込み期間",
          "取り組み事例", "問い合わせ先", "問合せ", "お問い合わせ", "問い合わせ窓口", "子育て支援", "子育て支援センター",
          "マイナンバーカードの申請", "申し込みます", "取組ます", "取り組みます", "手続きしました", "申し込みの方法",
          "e-tax", "e-Tax", "ｅ－Ｔａｘ", "ｅ－ｔａｘ", "etax", "eTax", "e-tax 申告", "e-learning", "Wi-Fi",
          "COVID-19", "防災 ドローン教室", "ぼうさい体験", "e tax", "ｅ　ｔａｘ", "x 教室はどこ"]
# What the shipped site offers first (None: nothing), with no kind.
SHIPPED = {"取り組み状況": "取組 状況", "手続き方法": "手続き 方法", "申し込み方法": "申し込み 方法",
           "取り組み内容": "取組 内容", "申し込みます": "申し込み", "e-tax": None, "e-Tax": None, "ｅ－Ｔａｘ": None,
           "e tax": None, "ｅ　ｔａｘ": None}

# Readings typed in kana with two words run together (docs/search.md, "Readings run together"),
# with no kind and with kinds; romaji is read as kana first (onrainshien).
READINGS = ["とりくみじょうきょう", "しんせいほうほう", "こそだてしえん", "まいなんばーかーどのしんせい", "ぼうさいじょうほう",
            "ぼうさいくんれん", "ひなんばしょ", "こそだてそうだん", "ぎょうせいてつづき", "ちいきこうつう", "おんらいんしえん",
            "オンラインシエン", "onrainshien", "ちばけんみん", "ぶんやしんせい", "でぃーえっくすこども", "でぃーえっくすすまほ",
            "すまーとほんのうぎょう", "こそだて しえん", "ちば こそだてしえん", "しんせいの", "こゝろ"]
# What the shipped site searches instead, with no kind: a query made wholly of the site's names
# is searched as those names at once (as one term, 子育て支援, or else as words; before
# 2026-12-07 it was only offered them, a click away, and before that the typos it is near:
# 電子申請, DX推進協議会…), with the readings site.yml gives for words typed beside a name
# (じょうきょう, ほうほう). すまーとほんのうぎょう, whose names no page holds together, is offered each;
# romaji (onrainshien), which may be no Japanese at all, is offered its names first, not searched.
READINGS_SHIPPED = {"おんらいんしえん": "オンライン 支援", "オンラインシエン": "オンライン 支援",
                    "ちばけんみん": "千葉 県民", "ぶんやしんせい": "分野 申請", "でぃーえっくすこども": "DX 子ども",
                    "でぃーえっくすすまほ": "DX スマートフォン", "とりくみじょうきょう": "取組 状況", "しんせいほうほう": "申請 方法",
                    "こそだてしえん": "子育て支援", "ぎょうせいてつづき": "行政 手続き"}

# Words converted to the wrong kanji (docs/search.md, "Homophones"), and words that only look
# like one: what the shipped site offers first (None: nothing), with no kind; 坊災 避難 is offered
# 避難 first, the word that finds something alone, then 防災 避難. 防災訓連 is two
# characters longer than 防災 and gets the name inside it, as before.
HOMOPHONES = {"坊災": "防災", "感光": "観光", "電子新生": "電子申請", "小育て": "子育て", "ぼう災": "防災",
              "防さい": "防災", "かん光": "観光", "でんし申請": "電子申請", "坊災 避難": "避難",
              "火災": None, "坊主": None, "防災訓連": "防災", "感光地": None}

FIXTURE_PAGES = {
    "initiatives/h101-etax.md": """---
title: 税の申告をオンラインで
summary: 国のeTaxで、家から申告できることを案内します。
fields: [public-services]
status: active
department: 総務部
---

確定申告は、eTaxを使うと家から出せます。
""",
    "initiatives/h101-egov.md": """---
title: 国の手続をオンラインで
summary: e-Govから、国への申請ができることを案内します。
fields: [public-services]
status: active
department: 総務部
---

国への申請の多くは、e-Govからできます。
""",
}
FIXTURE_QUERIES = ["e-tax", "e-Tax", "ｅ－Ｔａｘ", "E-TAX", "etax", "eTax", "egov", "ｅＧｏｖ", "e-gov", "e-tax 申告",
                   "eTax 申告", "e-learning", "egov 申請"]


@pytest.fixture(scope="module")
def compound_site(tmp_path_factory):
    """The shipped content with two pages writing eTax and e-Gov."""
    work = tmp_path_factory.mktemp("latin-compounds")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    for rel, text in FIXTURE_PAGES.items():
        (content / rel).write_text(text, encoding="utf-8")
    return build_site(content, work / "site")


def both(site, queries):
    """Each query's answer from portal search and from search.js, as test_search_parity."""
    node_available()
    r = subprocess.run([NODE, str(RUNNER), str(site)], input=json.dumps(queries),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    out = []
    for q, js in zip(queries, json.loads(r.stdout)):
        swift = swift_answer(site, q)
        js = {"count": js["count"], "exact": js["exact"], "more": js["more"], "results": js["results"],
              "suggestions": js["suggestions"], "searched_as": js["searchedAs"], "also_searched": js["alsoSearched"],
              "files": sorted(js["files"])}
        out.append((q, swift, js))
    return out


def assert_same(answers):
    differences = [f"{q}: {k}\n  portal search: {swift[k]}\n  search.js:     {js[k]}"
                   for q, swift, js in answers for k in swift if swift[k] != js[k]]
    assert not differences, "\n".join(differences[:10])


def test_the_shipped_site_answers_alike_and_offers_the_split(site_dir):
    queries = [{"q": q, "limit": limit, "kinds": k} for q in SURVEY
               for limit, k in ((10, None), (3, ["initiative"]), (0, ["event"]))]
    answers = both(site_dir, queries)
    assert_same(answers)
    first = {q["q"]: (swift["suggestions"][:1] or [None])[0] for q, swift, _ in answers if q["kinds"] is None}
    assert {q: first[q] for q in SHIPPED} == SHIPPED
    for q, swift, _ in answers:
        # No offer is a single Latin letter, nor a verb's form in another spelling.
        assert not any(len(o) == 1 and o.isascii() for o in swift["suggestions"]), (q, swift["suggestions"])
        assert not any(o.endswith("ます") for o in swift["suggestions"]), (q, swift["suggestions"])
        if q["q"] in SHIPPED and SHIPPED[q["q"]] and q["kinds"] is None:
            assert not swift["results"]


def test_readings_run_together_are_offered_split(site_dir):
    queries = [{"q": q, "limit": limit, "kinds": k} for q in READINGS
               for limit, k in ((10, None), (3, ["initiative"]), (0, ["event"]))]
    answers = both(site_dir, queries)
    assert_same(answers)
    plain = {q["q"]: swift for q, swift, _ in answers if q["kinds"] is None}
    assert {q: plain[q]["searched_as"] for q in READINGS_SHIPPED} == READINGS_SHIPPED
    for q in READINGS_SHIPPED:
        assert plain[q]["count"] > 0 and plain[q]["results"] and not plain[q]["suggestions"], q
    # Names no page holds together are offered each, not searched; no typo is offered with them.
    assert plain["onrainshien"]["searched_as"] is None
    assert plain["onrainshien"]["suggestions"][:1] == ["オンライン 支援"]
    assert plain["すまーとほんのうぎょう"]["searched_as"] is None
    assert plain["すまーとほんのうぎょう"]["suggestions"][:2] == ["スマートフォン", "農業"]
    assert "電子申請" not in plain["おんらいんしえん"]["suggestions"]
    assert "DX推進協議会" not in plain["でぃーえっくすすまほ"]["suggestions"]


def test_latin_compounds_find_the_pages_spelling(compound_site):
    queries = [{"q": q, "limit": limit, "kinds": k} for q in FIXTURE_QUERIES
               for limit, k in ((10, None), (0, ["event"]))]
    answers = both(compound_site, queries)
    assert_same(answers)
    plain = {q["q"]: swift for q, swift, _ in answers if q["kinds"] is None}
    for typed in ["e-tax", "e-Tax", "ｅ－Ｔａｘ", "E-TAX"]:
        assert plain[typed]["searched_as"], typed
        assert [r["url"] for r in plain[typed]["results"]] == ["/initiatives/h101-etax/"], typed
    assert plain["e-tax 申告"]["searched_as"] == "etax 申告"
    assert [r["url"] for r in plain["etax"]["results"]] == ["/initiatives/h101-etax/"]
    assert [r["url"] for r in plain["e-gov"]["results"]] == ["/initiatives/h101-egov/"]
    assert plain["egov"]["suggestions"] == ["e-gov"] and not plain["egov"]["results"]
    assert plain["ｅＧｏｖ"]["suggestions"] == ["ｅ-Ｇｏｖ"]
    # After the word that finds something alone, as every split query's offers.
    assert plain["egov 申請"]["suggestions"][:2] == ["申請", "e-gov 申請"]
    assert not plain["e-learning"]["suggestions"] and not plain["e-learning"]["results"]


def test_a_word_converted_to_the_wrong_kanji_is_offered_the_name_it_reads_as(site_dir):
    queries = [{"q": q, "limit": limit, "kinds": k} for q in HOMOPHONES
               for limit, k in ((10, None), (3, ["initiative"]), (0, ["event"]))]
    answers = both(site_dir, queries)
    assert_same(answers)
    plain = {q["q"]: swift for q, swift, _ in answers if q["kinds"] is None}
    assert {q: (plain[q]["suggestions"][:1] or [None])[0] for q in HOMOPHONES} == HOMOPHONES
    for q, offer in HOMOPHONES.items():
        if offer:
            assert plain[q]["count"] == 0, q
    # Several words: after the word that finds something alone (as every split query's
    # offers), the query with the wrong kanji's word read as its name.
    assert plain["坊災 避難"]["suggestions"][:2] == ["避難", "防災 避難"]
    # The readings the site's names can use, and only those: ぼう (防災's) with 坊 and 防, no
    # reading that is in no name's reading.
    readings = json.loads((site_dir / "search" / "kanji.json").read_text(encoding="utf-8"))
    assert "坊" in readings["ぼう"] and "防" in readings["ぼう"]
    assert "ふせ" not in readings and (site_dir / "search" / "kanji.json").stat().st_size < 16_000
