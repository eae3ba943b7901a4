"""The browser engine (theme/assets/search.js, run under node) against the Swift engine
(`portal search --json`) on the built site, over many more queries than the browser test:
random stretches of the site's own text (1 to 20 characters, so both n-gram lookups and
verified long queries), fixed hard cases (half-width kana, combining voiced marks, full-width
Latin and digits, accents, non-BMP characters, punctuation only, several words), kind filters,
and limits 3, 10 and 0 (every match).

Results (URL, title, kind, date, end, snippet, highlights, score), the count, `exact`, もしかして,
the query searched instead (its words split apart) and the set of index files read must all be
equal. Needs node (Debian package `nodejs`). `PORTAL_PARITY_QUERIES` and `PORTAL_PARITY_SEED`
draw more random queries, or others.
"""
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, ROOT

NODE = shutil.which("node") or shutil.which("nodejs")
RUNNER = ROOT / "tests" / "search_node.mjs"

HARD = [
    "防災", "ぼうさい", "でぃーえっくす", "DX", "ＤＸ", "dx", "Dx推進", "ﾏｲﾅﾝﾊﾞｰ", "ﾄﾞﾛｰﾝ", "ト\u3099ローン",
    "カ゛イド", "マイナンバー", "まいなんばー", "サーバ", "申", "県", "の", "デジタル・トランスフォーメーション",
    "デジタルトランスフォーメーションの推進", "千葉県のデジタル化を進めるための計画", "オンライン 申請",
    "ai 防災", "digi", "a", "x", "でぢたる", "ヂヅ", "きづな", "Society 5.0", "Ｓｏｃｉｅｔｙ　５．０", "５Ｇ",
    "society5.0", "Society5.0", "ｓｏｃｉｅｔｙ５", "windows11", "5g", "a1b2", "3Dプリンター", "society 5", "①", "Ⅱ", "café",
    "cafe\u0301", "straße", "İ", "😀防災", "𠮷", "「防災」", "、。", "ー", "・", "#", "*",
    "電子 申請 オンライン 防災 ドローン 県 市 町 村 DX", "の1", "を2", "のa", "状況をa", "第5世代", "令和6年度",
]

# Typos of the shipped site's names, which find nothing and get もしかして (a glossary term, a
# word group of site.yml): one missing, extra, changed or swapped character, two from six on.
TYPOS = ["ぼうさ", "こそだって", "きょいく", "まいなんばかあど", "でざいんしこ", "opne data",
         "オープンデータア", "しちょうそ", "デザイン指向", "オンライン しんせ", "こそだって　きょいく"]

# Queries that find nothing and are no typo, offered the names inside them (QueryNames in
# Swift, queryNameOffers in search.js): a pasted sentence, a word the site lacks, a reading
# converted in part, Latin names (whole words only), a field's name inside a sentence. Searched
# with no kind and with kinds, since an offer is shown only if it finds something with them.
FALLBACKS = ["マイナンバーカードの申請方法を知りたい", "防災 ドローン教室", "こそだて支援", "ぼうさい体験",
             "ごみ収集", "その他の手続き", "ぼうさい訓練", "ふるさと納税",
             "コソダテ支援のおしらせ", "DXすいしん", "ai教室", "mail相談", "危機管理の訓練について",
             "けんみんのくらしをよくしたい", "ｺｿﾀﾞﾃ しえん ぶろぐ"]

# Queries typed as residents say them, with no spaces (QuerySplit in Swift, splitTerms in
# search-offers.js): found by their words split apart (searched_as), or offered the words that
# find something. Searched with no kind and with kinds.
SPLITS = ["スマートフォン教室", "千葉県DXパネル展", "パネル展 いつ", "近くのスマホ教室", "スマホ教室に申し込みたい",
          "パネル展 会場案内", "12月のイベント", "ｽﾏｰﾄﾌｫﾝ教室", "子どもの学校", "パネル展はいつですか",
          "5Gの活用", "霞ヶ関の手続き", "スマホ教室のドローン"]

# A word typed with its okurigana inside a longer query, where the pages write it without
# (Okurigana in Swift, spellingOffers in search-offers.js): 行政手続き is offered 行政手続 first,
# before the typo 電子申請; 申し込み書 and 取り組み状況 get their groups' spellings only when the
# pages write them (they do not: the offers that follow instead); 手続き alone finds as typed,
# and 取組み状況 (取組 cut from 取組み) is offered no 取り組みみ状況. The value is the first offer
# (None: the query finds something and gets none). Searched with no kind and with kinds.
OKURIGANA = {"行政手続き": "行政手続", "手続き": None}
OKURIGANA_EDGES = ["申し込み書", "取り組み状況", "取組み状況", "申込み書", "問い合わせ窓口一覧", "子ども食堂の案内"]

# Numbers typed in kanji, which also find the Arabic numerals the shipped pages write (12月, 30人,
# 20人, 令和3年; QueryNumerals in Swift, `arabic` in search.js), and words whose numerals stay
# (千葉, 一部, 一人…): searched with no kind, with kinds, and with limits.
NUMERALS = {"十二月": "12月", "三十人": "30人", "二十人": "20人", "令和三年": "令和3年", "十二月 イベント": "12月 イベント",
            "十二月のイベント": None, "二〇二六年十二月": "2026年12月", "第三回": "第3回", "三十万人": "30万人",
            "一万五千人": "1万5000人"}
# Edges of the reading, for both engines alike: widths and spaces around, 〇, units out of order.
NUMERAL_EDGES = ["ｽﾏﾎ教室　十二月", "1万人", "九十九人", "〇十人", "一万万人", "二十二十人", "千円", "第三者", "二三日",
                 "三ヶ月", "三カ月", "令和六年度", "一億二千万円", "十二"]
NUMERAL_WORDS = ["千葉", "千葉県", "一部", "一人", "一人ひとり", "一つ", "一番", "一般", "万が一", "一緒", "統一", "十分", "九十九里"]

# Romaji typed with the input method off (Romaji.swift, `hiragana` and `romajiOffers` in
# search-offers.js): offered in kana, as the site names it, when the query finds nothing; words
# that are not romaji or that find something as typed are left alone. Searched with no kind and
# with kinds, since an offer is shown only if it finds something with them.
ROMAJI = {"sumaho": "スマートフォン", "bousai": "防災", "mainanba-ka-do": "マイナンバーカード", "kosodate": "子育て",
          "hinanjo": "避難所", "Sumaho": "スマートフォン", "ｂｏｕｓａｉ": "防災", "denshishinsei": "電子申請",
          "mainanbaakaado": "マイナンバーカード", "kosodateshien": "子育て支援", "bousai kunren": "防災",
          # Loanwords named as the site writes them; the whole query read as romaji first when
          # it finds something (before 教室 or 避難, which find something alone); a ー typed
          # after a name inside kana goes with it (not スマートフォンーと).
          "sa-bisu": "サービス", "de-ta": "データ", "terewa-ku": "テレワーク", "sumaho 教室": "スマートフォン 教室",
          "bousai 避難": "防災 避難", "sumaho-to": "スマートフォンと"}
ROMAJI_LEFT = ["dx", "AI", "IoT", "smart", "xyz", "AI kyoushitsu", "opendeta", "kon'ya", "konnnitiha",
               # A romaji word with - is one word (no ta, ya alone); words with - that are no
               # romaji are split as before; 防災 訓練 finds nothing, so 訓練 comes first.
               "konpyu-ta-", "konpyu-ta- 教室", "Wi-Fi", "2026-12", "e-tax", "bousai 訓練"]
# What the shipped site answers for some of ROMAJI_LEFT (no kind): their offers, or None when
# they find something.
ROMAJI_ANSWERS = {"konpyu-ta-": [], "kon'ya": ["こんや"], "Wi-Fi": [], "2026-12": None, "bousai 訓練": ["訓練", "防災"]}

# Domain and field names (分野 in the navigation), searched with the 分野 filter as the search
# page's check box sends it, alone and with 戦略.
FIELD_QUERIES = ["暮らし", "産業", "行政", "土台づくり", "危機管理", "観光", "データ", "目指す姿"]

# Words of the pages about the site (kind `about`, no check box on the search page): found with
# no kind asked for, and not when other kinds are.
ABOUT_QUERIES = ["アクセシビリティ", "あくせしびりてぃ", "このサイトについて", "方針"]

# Readings of furigana written in shipped titles and places ({鳥獣|ちょうじゅう}): found by the
# page's keywords as read, by both engines, with the title shown plain and the snippet showing
# the text as written, the reading in brackets after its word (docs/search.md).
READING_QUERIES = {"ちょうじゅう": "/initiatives/wildlife-damage-control/",
                   "ぼうちょう": "/events/dx-advisory-council-2027/",
                   "いちばちょう": "/events/dx-promotion-council-2026/",
                   "しゅし": "/strategy/purpose/"}
READING_SNIPPETS = {"ちょうじゅう": "有害鳥獣（ちょうじゅう）対策", "ぼうちょう": "オンライン傍聴（ぼうちょう）（例）",
                    "いちばちょう": "中央区市場町（いちばちょう）1番1号", "しゅし": "策定の趣旨（しゅし）・ねらい"}
# Part of a reading, and a query running from the text into a reading and out of it.
READING_PARTS = ["ちょう", "有害ちょうじゅう対策", "くしした防犯", "ふほうとうきを"]
# An event's place with furigana is a keyword as read and as written: its snippet, by the
# reading or by the kanji, shows the place once (docs/search.md, Readings in snippets).
PLACE_ONCE = {"いちばちょう": "/events/dx-promotion-council-2026/", "市場町": "/events/dx-promotion-council-2026/"}
# A page found only by a tag: its snippet is its summary, then the tag that matched (not the
# keywords alone, 「高齢者 健康福祉部」), by both engines.
KEYWORD_SNIPPETS = {"高齢者": ("/initiatives/it-support-diversity/", "障害のある人", "キーワード：高齢者")}


def node_available():
    if NODE:
        return True
    if os.environ.get("PORTAL_REQUIRE_BROWSER"):
        pytest.fail("node is needed for the search parity test: apt-get install nodejs "
                    "(scripts/install-test-deps.sh)", pytrace=False)
    pytest.skip("node is not installed (apt-get install nodejs)")


def site_texts(site):
    texts = []
    for p in sorted((site / "search" / "c").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        texts += [d[k] for k in ("t", "s", "w", "x") if d.get(k)]
    return texts


# To search wider than CI: PORTAL_PARITY_QUERIES=2000 PORTAL_PARITY_SEED=11 (random stretches
# of the site's text, and their seed).
QUERIES = int(os.environ.get("PORTAL_PARITY_QUERIES", "240"))
QUERY_SEED = int(os.environ.get("PORTAL_PARITY_SEED", "4"))


# The random stretches of the site's text asked (`make_queries`): most must find something.
STRETCHES = set()


def make_queries(site, count=QUERIES, seed=QUERY_SEED):
    rng = random.Random(seed)
    texts = site_texts(site)
    queries = list(HARD) + TYPOS
    while len(queries) < count and texts:
        t = rng.choice(texts)
        n = rng.choice([1, 2, 3, 4, 5, 7, 8, 9, 12, 20])
        if len(t) <= n:
            continue
        i = rng.randrange(len(t) - n)
        q = t[i:i + n].strip()
        if q:
            queries.append(q)
            STRETCHES.add(q)
    kinds = [None, None, ["event"], None, ["initiative", "glossary"], ["strategy"], ["field"]]
    return ([{"q": q, "limit": [10, 0, 3][i % 3], "kinds": kinds[i % len(kinds)]} for i, q in enumerate(queries)]
            + [{"q": q, "limit": 10, "kinds": k} for q in FALLBACKS
               for k in (None, ["glossary"], ["initiative", "event"])]
            + [{"q": q, "limit": limit, "kinds": k} for q in SPLITS
               for limit, k in ((10, None), (3, ["initiative"]), (0, ["event"]))]
            + [{"q": q, "limit": limit, "kinds": k} for q in FIELD_QUERIES
               for limit, k in ((10, ["field"]), (0, ["strategy", "field"]))]
            + [{"q": q, "limit": 0, "kinds": k} for q in ABOUT_QUERIES
               for k in (None, ["about"], ["strategy", "field", "initiative", "event", "glossary"])]
            + [{"q": q, "limit": 10, "kinds": None} for q in [*READING_QUERIES, *READING_PARTS, "市場町", *KEYWORD_SNIPPETS]]
            + [{"q": q, "limit": limit, "kinds": k} for q in [*NUMERALS, *NUMERAL_WORDS]
               for limit, k in ((10, None), (3, ["event"]), (0, ["strategy", "initiative"]))]
            + [{"q": q, "limit": 10, "kinds": None} for q in NUMERAL_EDGES]
            + [{"q": q, "limit": limit, "kinds": k} for q in [*OKURIGANA, *OKURIGANA_EDGES]
               for limit, k in ((10, None), (3, ["initiative"]), (0, ["event"]))])


def romaji_queries():
    """ROMAJI and ROMAJI_LEFT with no kind and with kinds; kept out of `make_queries`, whose
    queries must mostly find something (test_minified_assets.py runs them too)."""
    return [{"q": q, "limit": limit, "kinds": k} for q in [*ROMAJI, *ROMAJI_LEFT]
            for limit, k in ((10, None), (3, ["event"]), (0, ["glossary", "initiative"]))]


def swift_answer(site, q):
    args = [str(BIN), "search", "--site", str(site), "--json", "--limit", str(q["limit"])]
    for k in q["kinds"] or []:
        args += ["--kind", k]
    args += ["--", q["q"]]  # a query may start with "-"
    r = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if r.returncode == 2 and not q["q"].strip():
        return None
    assert r.returncode == 0, f"portal search {q}: {r.stderr}"
    a = json.loads(r.stdout)
    return {
        "count": a["count"], "exact": a["exact"], "more": a["more"],
        "results": [{k: v for k, v in x.items() if k not in ("kind_label", "snippet_html")} for x in a["results"]],
        "suggestions": a["suggestions"],
        "searched_as": a.get("searched_as"),
        "also_searched": a.get("also_searched"),
        "files": sorted(f["path"].removeprefix("search/") for f in a["files"]),
    }


def test_search_js_matches_portal_search(site_dir):
    node_available()
    queries = make_queries(site_dir) + romaji_queries()
    r = subprocess.run([NODE, str(RUNNER), str(site_dir)], input=json.dumps(queries),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    answers = json.loads(r.stdout)
    assert len(answers) == len(queries)
    differences = []
    matched = 0
    suggested = 0
    offered = set()
    fields_found = set()
    about_found = set()
    split_found = set()
    readings_found = set()
    places_once = set()
    keyword_snippets = set()
    numerals = {}
    romaji = {}
    asked = 0
    for q, js in zip(queries, answers):
        swift = swift_answer(site_dir, q)
        if swift is None:
            continue
        if q["kinds"] == ["field"]:
            assert all(r["kind"] == "field" for r in swift["results"]), q
            if q["q"] in FIELD_QUERIES and swift["results"]:
                fields_found.add(q["q"])
        if q["q"] in ABOUT_QUERIES:
            about = [r for r in swift["results"] if r["kind"] == "about"]
            if q["kinds"] not in (None, ["about"]):
                assert not about, q
            elif about:
                about_found.add(q["q"])
        js = {"count": js["count"], "exact": js["exact"], "more": js["more"], "results": js["results"],
              "suggestions": js["suggestions"], "searched_as": js["searchedAs"], "also_searched": js["alsoSearched"],
              "files": sorted(js["files"])}
        suggested += bool(swift["suggestions"] or swift["searched_as"])
        # A fallback is offered the names inside it, or found by its words split apart (DXすいしん).
        if q["q"] in FALLBACKS and q["kinds"] is None and (swift["suggestions"] or swift["searched_as"]):
            offered.add(q["q"])
        if q["q"] in SPLITS and q["kinds"] is None and swift["searched_as"] and swift["results"]:
            split_found.add(q["q"])
        if q["q"] in READING_QUERIES:
            hit = [r for r in swift["results"] if r["url"] == READING_QUERIES[q["q"]]]
            if (hit and "{" not in hit[0]["title"] and q["q"] not in hit[0]["title"]
                    and READING_SNIPPETS[q["q"]] in hit[0]["snippet"] and q["q"] + "）" in hit[0]["snippet"]):
                readings_found.add(q["q"])
        if q["q"] in PLACE_ONCE:
            hit = [r for r in swift["results"] if r["url"] == PLACE_ONCE[q["q"]]]
            if hit and hit[0]["snippet"].count("1番1号") == 1 and "市場町" in hit[0]["snippet"]:
                places_once.add(q["q"])
        if q["q"] in KEYWORD_SNIPPETS and q["kinds"] is None:
            url, start, tail = KEYWORD_SNIPPETS[q["q"]]
            hit = [r for r in swift["results"] if r["url"] == url]
            if hit and hit[0]["snippet"].startswith(start) and hit[0]["snippet"].endswith(tail):
                keyword_snippets.add(q["q"])
        # The site's own text: the fixed hard cases, typos and fallbacks find nothing by design.
        if q["q"] in STRETCHES and q["q"] not in HARD and q["q"] not in TYPOS:
            matched += bool(swift["results"])
            asked += 1
        if q["q"] in NUMERALS and q["kinds"] is None:
            numerals[q["q"]] = (swift["also_searched"], [r["url"] for r in swift["results"]])
        if q["q"] in ROMAJI and q["kinds"] is None:
            romaji[q["q"]] = swift["suggestions"]
        if q["q"] in ROMAJI_ANSWERS and q["kinds"] is None:
            wanted = ROMAJI_ANSWERS[q["q"]]
            assert (swift["suggestions"] if wanted is not None else None) == wanted, (q, swift["suggestions"])
            assert bool(swift["results"]) == (wanted is None), q
        if q["q"] in ["dx", "AI", "IoT", "smart"] and q["kinds"] is None:
            assert swift["results"] and not swift["suggestions"], q
        if q["q"] in NUMERAL_WORDS:
            assert swift["also_searched"] is None, q
        if q["q"] in OKURIGANA and q["kinds"] is None:
            wanted = OKURIGANA[q["q"]]
            assert (swift["suggestions"][:1] or [None])[0] == wanted, (q, swift["suggestions"])
            assert bool(swift["results"]) == (wanted is None), q
        if q["q"] in OKURIGANA_EDGES:
            assert not any("みみ" in o or "きき" in o for o in swift["suggestions"]), (q, swift["suggestions"])
        for key in ("results", "count", "exact", "more", "suggestions", "searched_as", "also_searched", "files"):
            if swift[key] != js[key]:
                differences.append(f"{q}: {key} differs\n  portal search: {json.dumps(swift[key], ensure_ascii=False)[:600]}"
                                   f"\n  search.js:     {json.dumps(js[key], ensure_ascii=False)[:600]}")
    assert not differences, f"{len(differences)} difference(s):\n" + "\n".join(differences[:10])
    # Half: each is asked with a kind of page cycled through, and most kinds lack it.
    assert matched > asked // 2, f"stretches of the site's text find their pages: {matched} of {asked}"
    assert suggested >= len(TYPOS) // 2, "typos of the site's names get もしかして"
    assert len(offered) >= len(FALLBACKS) // 2, f"names inside queries are offered: {sorted(offered)}"
    assert fields_found == set(FIELD_QUERIES), "each domain's and field's name finds it as 分野"
    assert {"スマートフォン教室", "千葉県DXパネル展", "パネル展 いつ", "近くのスマホ教室",
            "スマホ教室に申し込みたい"} <= split_found, f"found split: {sorted(split_found)}"
    # Romaji is offered as the shipped site names it (sumaho → スマートフォン, bousai → 防災).
    assert {q: (o[:1] or [None])[0] for q, o in romaji.items()} == ROMAJI, romaji
    # Each number typed in kanji says its Arabic form, and those on the shipped pages find them.
    for typed, arabic in NUMERALS.items():
        also, found = numerals[typed]
        if arabic:
            assert also == arabic, (typed, also)
    if (site_dir / "events" / "dx-promotion-council-2026").is_dir():
        assert "/events/dx-promotion-council-2026/" in numerals["三十人"][1], numerals["三十人"]
        assert "/strategy/national-policy/" in numerals["令和三年"][1], numerals["令和三年"]
    if (site_dir / "about").is_dir():
        assert about_found == set(ABOUT_QUERIES), "the pages about the site are found as このサイトについて"
    if (site_dir / "initiatives" / "wildlife-damage-control").is_dir():
        assert readings_found == set(READING_QUERIES), \
            f"furigana's readings find their pages, titled plainly, shown as written: {sorted(readings_found)}"
        assert places_once == set(PLACE_ONCE), f"a place with furigana is shown once: {sorted(places_once)}"
        assert keyword_snippets == set(KEYWORD_SNIPPETS), \
            f"a page found by a tag shows its summary first: {sorted(keyword_snippets)}"


def test_normalise_and_tokenise(site_dir):
    """The exported helpers of search.js follow the rules in docs/search.md (the Swift tests
    check the same rules on SearchText.normalize and tokenize)."""
    node_available()
    samples = ["ＤＸ", "dx", "ﾄﾞﾛｰﾝ", "ト\u3099ローン", "マイナンバー", "まいなんばー", "Ｓｏｃｉｅｔｙ　５．０",
               "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "\u200bゼロ幅", "DX", "防災", "オンライン 申請", "デジタル・トランスフォーメーション"]
    code = (
        "const m = await import(" + json.dumps((ROOT / "theme" / "assets" / "search.js").as_uri()) + ");"
        "const xs = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(xs.map(x => [m.normalise(x), m.tokenise(x)])));"
    )
    r = subprocess.run([NODE, "--input-type=module", "-e", code, json.dumps(samples)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    by = dict(zip(samples, json.loads(r.stdout)))
    assert by["ＤＸ"][0] == by["dx"][0] == "dx"
    assert by["ﾄﾞﾛｰﾝ"][0] == by["ト\u3099ローン"][0] == "どろん"
    assert by["マイナンバー"][0] == by["まいなんばー"][0] == "まいなんば"
    assert by["Ｓｏｃｉｅｔｙ　５．０"][0] == "society 5.0"
    assert by["ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"][0] == "ぱぴぷぺぽ"
    assert by["\u200bゼロ幅"][0] == "ぜろ幅"
    assert by["DX"][1] == ["#dx*"] and by["防災"][1] == ["防災"]
    assert by["オンライン 申請"][1] == ["おんらいん", "|", "申請"]
    # Longer than 8 characters: overlapping 8-grams (all of them when planning with no limit).
    assert by["デジタル・トランスフォーメーション"][1][0] == "でじたるとらんす"


# Everyday spellings and readings of words the shipped pages write one way (site.yml's
# search_words): each finds every page the written word finds.
SPELLINGS = [("子供", "子ども"), ("こども", "子ども"), ("保育園", "保育所"), ("ほいくえん", "保育所"),
             ("ほいくしょ", "保育所"), ("がっこう", "学校"), ("にんしん", "妊娠"), ("しゅっさん", "出産"),
             ("障がい", "障害"), ("そうだん", "相談"), ("まどぐち", "窓口"), ("医者", "医師")]


def test_everyday_spellings_find_the_pages(site_dir):
    def urls(q):
        return {r["url"] for r in swift_answer(site_dir, {"q": q, "limit": 0, "kinds": None})["results"]}

    for typed, written in SPELLINGS:
        pages = urls(written)
        assert pages, f"{written} is on the shipped pages"
        assert pages <= urls(typed), f"{typed} misses pages that write {written}: {sorted(pages - urls(typed))}"
    # One group: each spelling finds the pages of all three (こども・若者, a field, and the
    # pages that write 子ども).
    assert urls("子ども") == urls("子供") == urls("こども") > urls("こども・若者")
    # A word of letters and digits typed joined finds the pages that write it apart too (the
    # glossary's Society 5.0 and the two strategy pages), not only the alias written joined.
    assert urls("society5.0") == urls("Society 5.0") == urls("SOCIETY5.0")
    assert len(urls("society5.0")) >= 3


def test_romaji_is_converted_as_romaji_swift_converts_it():
    """search-offers.js's `hiragana` gives tests/romaji_cases.json's kana (every spelling of the
    table, edges, seeded random words; null: refused), which RomajiTests holds Romaji.swift to."""
    node_available()
    cases = json.loads((ROOT / "tests" / "romaji_cases.json").read_text(encoding="utf-8"))
    code = (
        "const m = await import(" + json.dumps((ROOT / "theme" / "assets" / "search-offers.js").as_uri()) + ");"
        "const xs = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(Object.fromEntries(xs.map(x => [x, m.hiragana(x)]))));"
    )
    r = subprocess.run([NODE, "--input-type=module", "-e", code, json.dumps(list(cases))],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert {w: k for w, k in got.items() if k != cases[w]} == {}
    assert sum(k is not None for k in cases.values()) > 200 and len(cases) > 500


def test_the_names_index_is_made_once_per_vocabulary():
    """search-offers.js makes a vocabulary's names' index once, not at each offer of a search
    that found nothing (queryNameOffers, romajiQuery, firstNames each asked for it): a second
    query reads the vocabulary's keys no more, and gets the same answer."""
    node_available()
    assets = ROOT / "theme" / "assets"
    code = (
        "const { loadOffers } = await import(" + json.dumps((assets / "search.js").as_uri()) + ");"
        "const o = await loadOffers(" + json.dumps((assets / "search-offers.js").as_uri()) + ");"
        "const v = o.vocabulary([['防災', 'ぼうさい'], ['スマートフォン', 'すまほ']]);"
        "let reads = 0;"
        "const counted = new Proxy(v, { get(t, k) { if (k === 'keys') reads++; return t[k]; } });"
        "const first = o.queryNameOffers('xyzzy', counted);"
        "const afterFirst = reads;"
        "const again = o.queryNameOffers('qwerty', counted);"
        "console.log(JSON.stringify({ afterFirst, reads, first, again,"
        " named: o.queryNameOffers('ぼうさいの訓練', counted) }));"
    )
    r = subprocess.run([NODE, "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["afterFirst"] == 1 and got["reads"] == 1, got
    assert got["first"] == got["again"] == [] and got["named"][0] == "防災の訓練", got
