"""The search page in a real browser (headless Chromium + Selenium, the built site over HTTP).

- parity: for queries in hiragana, katakana, kanji, mixed, full-width Latin, one character, a
  glossary reading and DX, typed into the page, the page shows the same results (URLs in order,
  snippets with the same <mark>s) and the same count as `portal search --json`;
- もしかして: a typo is offered the site's own word as a link that searches for it, and a
  sentence or a reading converted in part the site's names inside it; its module
  (search-offers.js) is fetched only after a search that finds nothing, and when it cannot be
  loaded the page still says that nothing was found;
- the kind filter, `?q=` and `?kind=` in the address, もっと見る, the home page search box;
- the result count is in an aria-live region; matches are <mark>;
- without JavaScript the page says so and links to the lists;
- axe-core: 0 violations with results shown, at 1280 and 320 px; no sideways scrolling;
  keyboard operation; no CSP reports or script errors.
"""
import html
import json
import re
import subprocess

import pytest

from conftest import BIN
from test_browser_a11y import format_violations, load, reset_viewport, run_axe, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

# (query, why): every kind of input residents type.
QUERIES = [
    ("防災", "kanji"),
    ("まいなんばー", "hiragana for katakana"),
    ("ドローン", "katakana"),
    ("ﾃﾞｼﾞﾀﾙ", "half-width katakana"),
    ("DX推進", "mixed Latin and kanji"),
    ("ＤＸ", "full-width Latin"),
    ("DX", "Latin, glossary alias group"),
    ("県", "one character"),
    ("でざいんしこう", "glossary reading"),
    ("でぃーえっくす", "glossary reading of DX"),
    ("ぼうさい", "a reading listed in site.yml's search_words"),
    ("暮らし", "a domain's name (分野)"),
    ("デジタル技術を活用", "longer than an n-gram"),
    ("オンライン 申請", "two words"),
    ("存在しないことば", "no match"),
]


def cli(site_dir, query, limit=10, kinds=()):
    args = [str(BIN), "search", "--site", str(site_dir), "--json", "--limit", str(limit)]
    for k in kinds:
        args += ["--kind", k]
    args += ["--", query]
    r = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def wait_for_results(driver, query, timeout=30):
    """Waits until the page has finished the search for `query` and returns what it shows."""
    from selenium.webdriver.support.ui import WebDriverWait

    script = """
        const q = arguments[0];
        // Still on the page the search was typed on (the home page), or loading the next.
        const box = document.getElementById('search-status');
        if (!box) return null;
        const status = box.textContent;
        if (!status.startsWith('「' + q + '」')) return null;
        const items = [...document.querySelectorAll('#search-results > li')];
        return {
          status,
          items: items.map(li => ({
            url: li.querySelector('h3 a').getAttribute('href'),
            title: li.querySelector('h3 a').textContent,
            meta: li.querySelector('.card-meta').textContent,
            snippet: li.querySelector('.search-snippet').innerHTML,
            marks: [...li.querySelectorAll('.search-snippet mark')].map(m => m.textContent),
          })),
          more: !document.getElementById('search-more').hidden,
          listHidden: document.getElementById('search-results').hidden,
          url: location.href,
        };
    """
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script, query))


def type_query(driver, query):
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "q")
    driver.execute_script("arguments[0].value = ''", box)
    box.send_keys(query)
    return wait_for_results(driver, query)


def expected_status(answer, query):
    if not answer["results"]:
        return f"「{query}」に一致するページは見つかりませんでした"
    count = f"{'' if answer['exact'] else '約'}{answer['count']:,}件"
    if answer.get("searched_as"):
        return f"「{query}」に一致するページはありません。「{answer['searched_as']}」で探しました：{count}"
    return f"「{query}」の検索結果：{count}"


PAST = "（終わりました）"


def is_over(result, now=None):
    """Whether a result is an event over by `now` (the browser's clock: this computer's)."""
    import datetime

    now = now or datetime.datetime.now(datetime.timezone.utc)
    return bool(result.get("ends")) and datetime.datetime.fromisoformat(result["ends"]) <= now


def assert_same(page, answer, query, why=""):
    label = f"{query} ({why})" if why else query
    got = [i["url"] for i in page["items"]]
    want = [r["url"] for r in answer["results"]]
    assert got == want, f"{label}: the page shows {got}, portal search {want}"
    for item, r in zip(page["items"], answer["results"]):
        assert item["title"] == r["title"]
        assert item["meta"].startswith(r["kind_label"])
        meta = item["meta"]
        # An event over by the browser's clock says so after its day.
        if meta.endswith(PAST):
            assert is_over(r), meta
            meta = meta.removesuffix(PAST)
        if r.get("date"):
            # The day as the site writes it, with its weekday (2027年2月13日（土）).
            y, m, d = (int(x) for x in r["date"].split("-"))
            weekday = "月火水木金土日"[__import__("datetime").date(y, m, d).weekday()]
            assert meta.endswith(f"{y}年{m}月{d}日（{weekday}）"), item["meta"]
        # The same snippet and the same highlighted stretches (the page builds text nodes and
        # <mark>s; the command escapes quotes too).
        assert html.unescape(item["snippet"]) == html.unescape(r["snippet_html"]), label
    assert page["status"].startswith(expected_status(answer, query)), page["status"]


@pytest.fixture
def search_page(driver, server):
    load(driver, server + "/search/")
    return driver


def test_parity_with_portal_search(search_page, site_dir):
    found = 0
    for query, why in QUERIES:
        page = type_query(search_page, query)
        answer = cli(site_dir, query)
        assert_same(page, answer, query, why)
        found += bool(answer["results"])
    assert found >= len(QUERIES) - 3, "most test queries should find something in the built site"


def test_marks_highlight_the_query(search_page, site_dir):
    page = type_query(search_page, "防災")
    assert page["items"], "防災 finds pages"
    marks = [m for i in page["items"] for m in i["marks"]]
    # 防災 and the words site.yml's search_words groups with it (危機管理 finds the field);
    # side by side (防災危機管理部, a department) they are one mark.
    assert "防災" in marks and all(m and not m.replace("防災", "").replace("危機管理", "") for m in marks), marks
    # Folding: a query in hiragana marks the katakana in the text, long vowel included.
    page = type_query(search_page, "まいなんばー")
    marks = [m for i in page["items"] for m in i["marks"]]
    assert marks and all(m.startswith("マイナンバー") for m in marks), marks


def test_a_reading_is_shown_beside_its_word(search_page, site_dir):
    """A title written with furigana ({鳥獣|ちょうじゅう}) is found by its reading; the snippet shows
    the title as written with the reading in brackets after its word, the characters typed
    marked, as `portal search` shows it (docs/search.md, Readings in snippets); an event's place
    with furigana, a keyword as read and as written, is shown once."""
    url = "/initiatives/wildlife-damage-control/"
    for query, marks in [("ちょうじゅう", ["ちょうじゅう"]), ("有害ちょうじゅう対策", ["有害", "ちょうじゅう", "対策"])]:
        page = type_query(search_page, query)
        assert_same(page, cli(site_dir, query), query, "a furigana reading")
        item = next(i for i in page["items"] if i["url"] == url)
        text = html.unescape(re.sub(r"<[^>]+>", "", item["snippet"]))
        assert "有害鳥獣（ちょうじゅう）対策" in text and "有害ちょうじゅう" not in text, text
        assert item["marks"] == marks, item["snippet"]
    # An event's place with furigana is a keyword as read and as written: shown once.
    url = "/events/dx-promotion-council-2026/"
    for query, marks in [("いちばちょう", ["いちばちょう"]), ("市場町", ["市場町"])]:
        page = type_query(search_page, query)
        assert_same(page, cli(site_dir, query), query, "a place with furigana")
        item = next(i for i in page["items"] if i["url"] == url)
        text = html.unescape(re.sub(r"<[^>]+>", "", item["snippet"]))
        assert text.count("1番1号") == 1 and "千葉市中央区市場町" in text, text
        assert item["marks"] == marks, item["snippet"]


def test_no_search_while_an_input_method_converts(search_page, site_dir):
    """Typing ぼうさい with a Japanese input method, then choosing 防災: the page searches once,
    for 防災, not for each step of the conversion (b, ぼ, ぼう…), which a screen reader would
    announce as 「見つかりませんでした」 one after another. Driven through Chromium's own IME
    events (DevTools `Input.imeSetComposition`, then `Input.insertText` to commit)."""
    import time

    from selenium.webdriver.common.by import By

    box = search_page.find_element(By.ID, "q")
    box.click()
    status = search_page.find_element(By.ID, "search-status")
    before = status.text
    for step in ["b", "ぼ", "ぼう", "ぼうs", "ぼうさ", "ぼうさい", "防災"]:
        search_page.execute_cdp_cmd(
            "Input.imeSetComposition", {"text": step, "selectionStart": len(step), "selectionEnd": len(step)})
        time.sleep(0.4)
        assert status.text == before, f"searched while converting, at {step!r}: {status.text!r}"
        assert "q=" not in search_page.current_url
    search_page.execute_cdp_cmd("Input.insertText", {"text": "防災"})
    page = wait_for_results(search_page, "防災")
    assert_same(page, cli(site_dir, "防災"), "防災")


def test_count_is_announced(search_page, site_dir):
    from selenium.webdriver.common.by import By

    status = search_page.find_element(By.ID, "search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.get_attribute("role") == "status"
    page = type_query(search_page, "ドローン")
    answer = cli(site_dir, "ドローン")
    assert f"{answer['count']}件" in page["status"]
    assert status.is_displayed()


def test_a_typo_is_offered_the_site_word(search_page, site_dir):
    """もしかして: a typo that finds nothing offers the site's names as links, in the status the
    screen reader announces; following one searches for it, keyboard in the box."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    answer = cli(site_dir, "まいなんばかあど")
    assert answer["count"] == 0 and answer["suggestions"] == ["マイナンバーカード"]
    page = type_query(search_page, "まいなんばかあど")
    assert page["items"] == [] and page["listHidden"]
    assert "もしかして：マイナンバーカード。" in page["status"], page["status"]
    status = search_page.find_element(By.ID, "search-status")
    links = status.find_elements(By.TAG_NAME, "a")
    assert [a.text for a in links] == answer["suggestions"]
    assert "q=%E3%83%9E%E3%82%A4%E3%83%8A" in links[0].get_attribute("href")  # マイナ…
    # Reached by keyboard like any link; Enter searches on the page.
    search_page.execute_script("arguments[0].focus()", links[0])
    links[0].send_keys(Keys.ENTER)
    page = wait_for_results(search_page, "マイナンバーカード")
    assert page["items"] and page["items"][0]["url"] == cli(site_dir, "マイナンバーカード")["results"][0]["url"]
    assert search_page.switch_to.active_element.get_attribute("id") == "q"
    assert search_page.find_element(By.ID, "q").get_attribute("value") == "マイナンバーカード"
    # A word of two characters that finds nothing is offered nothing.
    page = type_query(search_page, "ぼう")
    assert "もしかして" not in page["status"]
    # Candidates that all fail the check of the whole term: nothing found, so the query is
    # answered once checked, as `portal search` does (the page asked only before checking):
    # here by its words split apart (DX and the reading of 推進).
    query = "DXすいしん"
    expected = cli(site_dir, query)
    page = type_query(search_page, query)
    assert expected["searched_as"] == "DX すいしん" and expected["results"], expected
    assert_same(page, expected, query)
    # The advice to try kanji is for a search typed in kana.
    assert "漢字でも試してください" not in page["status"]
    page = type_query(search_page, "ぼうさいぶろぐ")
    assert "漢字でも試してください" in page["status"], page["status"]


def offered_links(driver):
    from selenium.webdriver.common.by import By

    status = driver.find_element(By.ID, "search-status")
    return status.find_elements(By.TAG_NAME, "a")


def test_a_sentence_is_offered_the_names_in_it(search_page, site_dir):
    """A pasted sentence finds nothing and is no typo: the site's names inside it are offered,
    as `portal search` offers them, and each leads to results (an offer that finds nothing
    is not shown)."""
    from selenium.webdriver.common.keys import Keys

    query = "マイナンバーカードの申請方法を知りたい"
    answer = cli(site_dir, query)
    assert answer["count"] == 0 and "マイナンバーカード" in answer["suggestions"], answer
    for offer in answer["suggestions"]:
        assert cli(site_dir, offer, limit=1)["results"], f"{offer} is offered but finds nothing"
    page = type_query(search_page, query)
    assert page["items"] == [] and page["listHidden"]
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(search_page)
    assert [a.text for a in links] == answer["suggestions"]
    first = answer["suggestions"][0]
    search_page.execute_script("arguments[0].focus()", links[0])
    links[0].send_keys(Keys.ENTER)
    page = wait_for_results(search_page, first)
    assert_same(page, cli(site_dir, first), first)
    assert page["items"], f"{first}: the offer leads to no results"


def test_a_reading_converted_in_part_is_offered_in_kanji(search_page, site_dir):
    """こそだて支援 (こそだて left unconverted) finds nothing, since a reading finds its word only
    as a whole term: 子育て支援 is offered first, and the link finds the pages that say it."""
    query, wanted = "こそだて支援", "子育て支援"
    answer = cli(site_dir, query)
    assert answer["count"] == 0 and answer["suggestions"][:1] == [wanted], answer
    page = type_query(search_page, query)
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(search_page)
    assert [a.text for a in links] == answer["suggestions"]
    links[0].click()
    page = wait_for_results(search_page, wanted)
    assert page["items"] and any(wanted in i["title"] for i in page["items"])
    assert_same(page, cli(site_dir, wanted), wanted)
    assert "もしかして" not in page["status"]  # it found something: nothing more to offer


# (query, its words split apart): typed as residents say them, found nothing as one stretch.
SPLIT = [
    ("スマートフォン教室", "スマートフォン 教室"),
    ("千葉県DXパネル展", "千葉県 DX パネル 展"),
    ("パネル展 いつ", "パネル展"),
    ("近くのスマホ教室", "スマホ 教室"),
    ("スマホ教室に申し込みたい", "スマホ 教室 申し込み"),
]


def test_a_query_without_spaces_is_searched_split(search_page, site_dir):
    """A query typed as a resident says it finds nothing as one stretch of text: the page
    searches its words split apart (particles and question words left out) at once, shows
    those results and says so, as `portal search` answers; 「もっと見る」 goes on with them."""
    for query, split in SPLIT:
        answer = cli(site_dir, query)
        assert answer["searched_as"] == split and answer["results"], answer
        assert answer["results"] == cli(site_dir, split)["results"]
        page = type_query(search_page, query)
        assert_same(page, answer, query)
        assert f"「{split}」で探しました" in page["status"], page["status"]
        assert "もしかして" not in page["status"]
        # The address keeps what was typed.
        from urllib.parse import parse_qs, urlparse

        assert parse_qs(urlparse(page["url"]).query)["q"] == [query]
    # With a kind asked for: the split query is searched with it.
    answer = cli(site_dir, "スマートフォン教室", kinds=["initiative"])
    from selenium.webdriver.common.by import By

    box = search_page.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="initiative"]')
    box.click()
    try:
        page = type_query(search_page, "スマートフォン教室")
        assert_same(page, answer, "スマートフォン教室")
        assert all(i["meta"].startswith("取組") for i in page["items"]) and page["items"]
    finally:
        box.click()


def test_a_word_that_finds_nothing_is_offered_left_out(search_page, site_dir):
    """Words that find nothing together, one of which finds nothing at all: the others are
    offered first (パネル展 会場案内 → パネル展), and the link finds them."""
    query = "パネル展 会場案内"
    answer = cli(site_dir, query)
    assert answer["count"] == 0 and answer["suggestions"][:1] == ["パネル展"], answer
    page = type_query(search_page, query)
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(search_page)
    assert [a.text for a in links] == answer["suggestions"]
    links[0].click()
    page = wait_for_results(search_page, "パネル展")
    assert_same(page, cli(site_dir, "パネル展"), "パネル展")


def test_a_past_event_says_it_is_over(driver, server, site_dir):
    """A result for an event whose end has gone by on the reader's clock says 「（終わりました）」
    after its day; an all-day event is current until its last day is over in Japan. The
    reader's clock is fixed through the DevTools protocol, as for the event pages."""
    import datetime

    answer = cli(site_dir, "イベント", limit=0, kinds=["event"])
    events = {r["url"]: r for r in answer["results"]}
    past = "/events/open-data-workshop-2026/"
    all_day = "/events/dx-panel-exhibition-2027/"
    assert events[past]["ends"].startswith("2026-09-26T") and events[all_day]["ends"] == "2027-02-01T00:00:00+09:00"
    japan = datetime.timezone(datetime.timedelta(hours=9))

    def metas_at(moment):
        ms = int(moment.timestamp() * 1000)
        script = driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": f"Date.now = () => {ms};"})
        try:
            load(driver, server + "/search/?kind=event&q=" + "イベント")
            page = wait_for_results(driver, "イベント")
            assert len(page["items"]) == min(10, len(answer["results"]))
            for item in page["items"]:
                wanted = is_over(events[item["url"]], moment)
                assert item["meta"].endswith(PAST) == wanted, (moment, item)
            return {i["url"]: i["meta"] for i in page["items"]}
        finally:
            driver.execute_cdp_cmd(
                "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})

    now = datetime.datetime(2026, 11, 25, 9, tzinfo=japan)
    metas = metas_at(now)
    assert metas[past] == "イベント　2026年9月26日（土）（終わりました）", metas[past]
    assert metas[all_day] == "イベント　2027年1月26日（火）", metas[all_day]
    # The last day of an all-day event counts whole.
    assert not metas_at(datetime.datetime(2027, 1, 31, 23, 59, tzinfo=japan))[all_day].endswith(PAST)
    assert metas_at(datetime.datetime(2027, 2, 1, 0, 1, tzinfo=japan))[all_day].endswith(PAST)


def test_the_404_page_offers_the_nearest_pages(driver, server, site_dir):
    """An address typed from paper with a typo, or in other capitals, gets the page it meant;
    an address near nothing gets no offer (the section stays hidden)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    urls = json.loads((site_dir / "search" / "pages.json").read_text(encoding="utf-8"))
    doc, url = next((n, u) for n, u in enumerate(urls) if u.startswith("/initiatives/"))
    # Entry n's title is in head n.
    title = json.loads((site_dir / "search" / "c" / f"{doc}.json").read_text(encoding="utf-8"))["t"]
    for asked in (url[:-2] + "/", url.upper(), url + "old/page/"):
        load(driver, server + asked)
        box = driver.find_element(By.ID, "nf-suggest")
        WebDriverWait(driver, 20).until(lambda d: box.is_displayed())
        links = box.find_elements(By.CSS_SELECTOR, "li a")
        assert links and links[0].get_attribute("pathname") == url, asked
        assert links[0].text == title
        assert box.find_element(By.TAG_NAME, "h2").text == "もしかして、このページですか"
    links[0].click()
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return location.pathname") == url)
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith(title[:10])
    # The lists the page links are offered too, by their links' words.
    for asked, wanted in (("/INITIATIVES/", "/initiatives/"), ("/evnts/", "/events/")):
        load(driver, server + asked)
        box = driver.find_element(By.ID, "nf-suggest")
        WebDriverWait(driver, 20).until(lambda d: box.is_displayed())
        first = box.find_elements(By.CSS_SELECTOR, "li a")[0]
        assert first.get_attribute("pathname") == wanted, asked
        assert first.text == driver.find_element(
            By.CSS_SELECTOR, f'.not-found a[data-nf-candidate][href="{wanted}"]').text
    # An address cut short, or remembered in part: the pages that continue it or hold it.
    for asked in ("/events/senior-smartphone/", "/events/smartphone-class/", "/events/senior-smartphone-class-2026/"):
        load(driver, server + asked)
        box = driver.find_element(By.ID, "nf-suggest")
        WebDriverWait(driver, 20).until(lambda d: box.is_displayed())
        links = box.find_elements(By.CSS_SELECTOR, "li a")
        assert links[0].get_attribute("pathname") == "/events/senior-smartphone-class/", asked
        assert links[0].text == "はじめてのスマホ教室（例）"
    load(driver, server + "/no-such-page/")
    driver.execute_script("return new Promise(r => setTimeout(r, 500))")
    assert not driver.find_element(By.ID, "nf-suggest").is_displayed()
    # The page for missing addresses is not for search engines.
    assert driver.find_elements(By.CSS_SELECTOR, 'meta[name="robots"][content="noindex"]')


def fetched(driver):
    """The paths of what the page has fetched so far (its performance entries)."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")


def is_offers(path):
    return path.startswith("/assets/search-offers.") and path.endswith(".js")


def test_a_search_that_finds_something_does_not_fetch_the_offers(search_page, site_dir):
    """もしかして and the page for missing addresses are in a module of their own
    (search-offers.js), which a first search that finds something never downloads; a search
    that finds nothing fetches it, and words.json, for its offers."""
    page = type_query(search_page, "防災")
    assert page["items"]
    paths = fetched(search_page)
    assert any(p.startswith("/search/s/") for p in paths), paths  # the search did fetch
    assert not any(is_offers(p) for p in paths), paths
    assert "/search/words.json" not in paths
    page = type_query(search_page, "まいなんばかあど")
    assert "もしかして：マイナンバーカード。" in page["status"], page["status"]
    paths = fetched(search_page)
    assert [p for p in paths if is_offers(p)] and "/search/words.json" in paths, paths
    # Fetched once: a second search that finds nothing uses it again.
    type_query(search_page, "ぼうさいぶろぐ")
    assert len([p for p in fetched(search_page) if is_offers(p)]) == 1


def test_without_the_offers_module_nothing_found_is_still_said(driver, server, site_dir):
    """When search-offers.js cannot be loaded (the network), a search that finds nothing says
    so with the usual advice and the lists, only without もしかして; searches that find
    something are shown as usual, and once the network is back a search that finds nothing
    loads it and offers."""
    from selenium.webdriver.common.by import By

    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/assets/search-offers.*"]})
    try:
        load(driver, server + "/search/")
        page = type_query(driver, "まいなんばかあど")
        assert page["items"] == [] and page["listHidden"]
        assert page["status"] == ("「まいなんばかあど」に一致するページは見つかりませんでした。"
                                  "短いことばや、別のことばで試してください。"
                                  "ひらがなで見つからないときは、漢字でも試してください。"), page["status"]
        assert not offered_links(driver)
        assert driver.find_element(By.ID, "search-help").is_displayed()
        page = type_query(driver, "防災")
        assert_same(page, cli(site_dir, "防災"), "防災")
        assert not driver.find_element(By.ID, "search-help").is_displayed()
        page = type_query(driver, "こそだて支援")
        assert page["status"].startswith("「こそだて支援」に一致するページは見つかりませんでした。")
        assert not offered_links(driver)
        # Back on the network, the next search that finds nothing loads it and offers.
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        page = type_query(driver, "まいなんばかあど")
        assert "もしかして：マイナンバーカード。" in page["status"], page["status"]
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        driver.execute_cdp_cmd("Network.disable", {})
        driver.get_log("browser")  # the blocked load's error is this test's own


def test_a_part_of_the_index_that_does_not_arrive_is_said_not_no_match(driver, server, site_dir):
    """A shard that does not arrive (the connection dropped on a phone) read as 「一致するページ
    は見つかりませんでした」: the search says a part could not be read and to try again, and the
    next search once the network is back finds the pages."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/search/s/*"]})
    try:
        load(driver, server + "/search/")
        page = type_query(driver, "防災")
        assert page["items"] == [] and page["listHidden"]
        assert page["status"] == ("「防災」を検索できませんでした。検索に使うファイルの一部を読み込めませんでした。"
                                  "通信の状態を確かめて、もう一度ためしてください。"), page["status"]
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        type_query(driver, "子育て")
        page = type_query(driver, "防災")
        assert_same(page, cli(site_dir, "防災"), "防災")
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        driver.execute_cdp_cmd("Network.disable", {})
        driver.get_log("browser")  # the blocked loads' errors are this test's own


def test_the_404_page_loads_only_the_offers(driver, server):
    """The page for missing addresses loads search-offers.js alone, not search.js (the engine
    and the search page, which it does not use)."""
    load(driver, server + "/initiatives/no-such-page/")
    scripts = [p for p in fetched(driver) if p.startswith("/assets/") and p.endswith(".js")]
    assert any(is_offers(p) for p in scripts), scripts
    assert not any(p.startswith("/assets/search.") for p in scripts), scripts


def test_kind_filter(search_page, site_dir):
    from selenium.webdriver.common.by import By

    type_query(search_page, "DX")
    search_page.find_element(By.CSS_SELECTOR, "label[for=kind-event]").click()
    page = wait_for_results(search_page, "DX")
    answer = cli(site_dir, "DX", kinds=["event"])
    # The status may still show the unfiltered search for a moment; wait for the filtered one.
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(search_page, 30).until(
        lambda d: [i["url"] for i in wait_for_results(d, "DX")["items"]] == [r["url"] for r in answer["results"]])
    page = wait_for_results(search_page, "DX")
    assert_same(page, answer, "DX", "events only")
    assert all(i["meta"].startswith("イベント") for i in page["items"])
    assert "kind=event" in page["url"] and "q=DX" in page["url"]
    # Two kinds.
    search_page.find_element(By.CSS_SELECTOR, "label[for=kind-glossary]").click()
    answer = cli(site_dir, "DX", kinds=["event", "glossary"])
    WebDriverWait(search_page, 30).until(
        lambda d: [i["url"] for i in wait_for_results(d, "DX")["items"]] == [r["url"] for r in answer["results"]])
    assert answer["results"]


def test_kind_boxes_follow_the_navigation(search_page):
    """One labelled check box per kind, in the order of the site's menu (戦略, 分野, 取組,
    イベント, 用語集), each label a 44 px target."""
    boxes = search_page.execute_script("""
        return [...document.querySelectorAll('.search-kinds li')].map(li => {
          const box = li.querySelector('input[type=checkbox][name=kind]');
          const label = li.querySelector('label');
          return {id: box.id, value: box.value, for: label.htmlFor, text: label.textContent,
                  height: label.getBoundingClientRect().height};
        });""")
    assert [b["text"] for b in boxes] == ["戦略", "分野", "取組", "イベント", "用語"]
    assert [b["value"] for b in boxes] == ["strategy", "field", "initiative", "event", "glossary"]
    assert all(b["id"] == "kind-" + b["value"] == b["for"] for b in boxes), boxes
    assert all(b["height"] >= 44 for b in boxes), boxes


def test_field_filter(search_page, site_dir):
    """分野 keeps the domain and field pages: a domain's name finds its page first, labelled
    分野, and the status and the address say so."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = type_query(search_page, "暮らし")
    assert page["items"][0]["url"] == "/domains/life/"
    assert page["items"][0]["meta"] == "分野"
    search_page.find_element(By.CSS_SELECTOR, "label[for=kind-field]").click()
    answer = cli(site_dir, "暮らし", kinds=["field"])
    assert answer["results"][0]["url"] == "/domains/life/"
    assert {r["kind_label"] for r in answer["results"]} == {"分野"}
    assert any(r["url"].startswith("/fields/") for r in answer["results"])
    WebDriverWait(search_page, 30).until(
        lambda d: [i["url"] for i in wait_for_results(d, "暮らし")["items"]] == [r["url"] for r in answer["results"]])
    page = wait_for_results(search_page, "暮らし")
    assert_same(page, answer, "暮らし", "分野 only")
    assert all(i["meta"] == "分野" for i in page["items"])
    assert "（分野だけで探しています）" in page["status"]
    assert "kind=field" in page["url"]


def test_the_status_says_what_the_search_is_limited_to(search_page, site_dir):
    """A kind ticked for an earlier search is not forgotten: the status names it, also when
    nothing is found, and then the lists are offered. The tab's title names the query; the
    header's search box is not shown on this page (one box, not two)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    assert not search_page.find_elements(By.CSS_SELECTOR, "form.header-search")
    base = search_page.title
    page = type_query(search_page, "DX")
    assert "だけで探しています" not in page["status"]
    assert search_page.title == f"「DX」の検索結果｜{base}"
    help_block = search_page.find_element(By.ID, "search-help")
    assert not help_block.is_displayed()
    search_page.find_element(By.CSS_SELECTOR, "label[for=kind-event]").click()
    search_page.find_element(By.CSS_SELECTOR, "label[for=kind-glossary]").click()
    WebDriverWait(search_page, 30).until(
        lambda d: "（イベント・用語だけで探しています）" in wait_for_results(d, "DX")["status"])
    page = type_query(search_page, "存在しないことば")
    assert page["status"].startswith("「存在しないことば」に一致するページは見つかりませんでした（イベント・用語だけで探しています）。")
    assert page["status"].endswith("短いことばや、別のことばで試してください。")
    assert help_block.is_displayed()
    links = [a.get_attribute("href") for a in help_block.find_elements(By.TAG_NAME, "a")]
    assert any(h.endswith("/glossary/") for h in links) and not any(h.endswith("/search/") for h in links)
    # Found again: the lists go away.
    type_query(search_page, "DX")
    assert not help_block.is_displayed()


def test_address_query_and_kind(driver, server, site_dir):
    load(driver, server + "/search/?q=%E3%83%89%E3%83%AD%E3%83%BC%E3%83%B3&kind=initiative")
    page = wait_for_results(driver, "ドローン")
    assert_same(page, cli(site_dir, "ドローン", kinds=["initiative"]), "ドローン", "?q= and ?kind=")
    assert driver.find_element("id", "kind-initiative").is_selected()
    assert driver.find_element("id", "q").get_attribute("value") == "ドローン"


def test_more_results(search_page, site_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = type_query(search_page, "県")
    answer = cli(site_dir, "県", limit=0)
    if len(answer["results"]) <= 10:
        pytest.skip("県 has 10 matches or fewer in this site")
    assert page["more"] and len(page["items"]) == 10
    assert "（10件を表示）" in page["status"]
    more = search_page.find_element(By.ID, "search-more")
    assert more.text == "もっと見る"
    # (The page scrolls smoothly; jump so the click lands on the button.)
    search_page.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", more)
    more.click()
    WebDriverWait(search_page, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results > li")) > 10)
    page = wait_for_results(search_page, "県")
    assert [i["url"] for i in page["items"]] == [r["url"] for r in answer["results"]][:20]
    # Keyboard users continue at the first new result.
    focused = search_page.execute_script("return document.activeElement.getAttribute('href')")
    assert focused == answer["results"][10]["url"]


def test_home_search_box_leads_to_results(driver, server, site_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load(driver, server + "/")
    box = driver.find_element(By.ID, "home-q")
    box.send_keys("ドローン", Keys.ENTER)
    page = wait_for_results(driver, "ドローン")
    assert "/search/?q=" in page["url"]
    assert_same(page, cli(site_dir, "ドローン"), "ドローン", "home search box")


def test_keyboard_only(search_page, site_dir):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    box = search_page.find_element("id", "q")
    box.click()
    ActionChains(search_page).send_keys("防災").perform()
    wait_for_results(search_page, "防災")
    # Tab past the button to the first kind checkbox; Space ticks it and the results follow.
    ActionChains(search_page).send_keys(Keys.TAB, Keys.TAB).perform()
    active = search_page.switch_to.active_element
    assert active.get_attribute("id") == "kind-strategy"
    ActionChains(search_page).send_keys(Keys.SPACE).perform()
    assert active.is_selected()
    answer = cli(site_dir, "防災", kinds=["strategy"])
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(search_page, 30).until(
        lambda d: [i["url"] for i in wait_for_results(d, "防災")["items"]] == [r["url"] for r in answer["results"]])
    # The next box is 分野; ticked too, both kinds are searched.
    ActionChains(search_page).send_keys(Keys.TAB).perform()
    active = search_page.switch_to.active_element
    assert active.get_attribute("id") == "kind-field"
    ActionChains(search_page).send_keys(Keys.SPACE).perform()
    assert active.is_selected()
    answer = cli(site_dir, "防災", kinds=["strategy", "field"])
    WebDriverWait(search_page, 30).until(
        lambda d: [i["url"] for i in wait_for_results(d, "防災")["items"]] == [r["url"] for r in answer["results"]])
    # Focus is visible on the checkbox.
    outline = search_page.execute_script(
        "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;")
    assert outline.startswith("solid") and not outline.endswith(" 0px")


def test_without_javascript_the_page_says_so(driver_nojs, server):
    from selenium.webdriver.common.by import By

    driver_nojs.get(server + "/search/?q=%E9%98%B2%E7%81%BD")
    message = driver_nojs.find_element(By.ID, "search-nojs")
    assert message.is_displayed()
    assert "JavaScript" in message.text
    links = {a.get_attribute("href").removeprefix(server) for a in message.find_elements(By.TAG_NAME, "a")}
    assert {"/strategy/", "/initiatives/", "/events/", "/glossary/"} <= links
    # The form that cannot work without JavaScript is not shown.
    assert not driver_nojs.find_element(By.ID, "search-form").is_displayed()


def test_with_javascript_the_form_replaces_the_message(search_page):
    from selenium.webdriver.common.by import By

    assert not search_page.find_element(By.ID, "search-nojs").is_displayed()
    assert search_page.find_element(By.ID, "q").is_displayed()


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_with_results_shown(driver, server, width):
    from test_browser_a11y import axe_source

    set_viewport(driver, width)
    try:
        load(driver, server + "/search/?q=%E3%83%89%E3%83%AD%E3%83%BC%E3%83%B3")
        page = wait_for_results(driver, "ドローン")
        assert page["items"]
        result = run_axe(driver, axe_source())
        overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
        small = driver.execute_script("""
            const out = [];
            for (const el of document.querySelectorAll('main a, main button, main input, main label')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.height < 24 || r.width < 24) out.push(el.outerHTML.slice(0, 100) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
            }
            return out;""")
    finally:
        reset_viewport(driver)
    assert "error" not in result, result.get("error")
    assert not result["violations"], format_violations(result["violations"])
    assert overflow <= 0, f"the search page scrolls sideways at {width} px"
    # Result links sit in running text only in snippets; titles and controls are 24 px or more.
    assert not small, "targets smaller than 24 px:\n" + "\n".join(small)


def test_no_console_errors(driver, server):
    driver.get_log("browser")
    load(driver, server + "/search/?q=%E9%98%B2%E7%81%BD")
    wait_for_results(driver, "防災")
    problems = [e["message"] for e in driver.get_log("browser")
                if e["level"] == "SEVERE" or "Content Security Policy" in e["message"]]
    assert not problems, "\n".join(problems)
