"""Small findings of a resident's-eye audit of the shipped portal, on a phone (375 px) in a
real browser (headless Chromium + Selenium) and in the accessibility tree. Each failed before
its fix:

- マイナンバーカード's entry said 「よみかた：まいなんばーかーど」: a reading that only spells the
  term's own kana is not shown (it is still in the data, for 五十音 order and search);
- an event's key facts (日時, 会場, 申し込み…) had no heading: heading navigation jumped from the
  title into the body. They are under 「参加の案内」, an h2 like the page's other ones;
- 更新情報 read 「2026年11月25日（水）公開（イベント）」: the kind of page is now a box of its
  own, apart from 公開 to the eye, and after a 、 to a screen reader.

The tag's page was checked too: its heading already names the tag (「タグ：防災」), as its
title does; nothing to fix.
"""
import re
import unicodedata

import pytest

from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

EVENT = "/events/senior-smartphone-class/"


def folded_kana(text):
    """The text's kana as the portal compares a term with its reading (katakana as hiragana,
    small kana as large, ー ・ and spaces left out), or None when it holds anything else."""
    small = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ"))
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch in "ー・ \u3000":
            continue
        if "\u30a1" <= ch <= "\u30f6":
            ch = chr(ord(ch) - 0x60)
        if not "\u3041" <= ch <= "\u3096":
            return None
        out.append(small.get(ch, ch))
    return "".join(out)


def on_phone(driver, url):
    set_viewport(driver, 375, 812)
    load(driver, url)


def test_a_reading_that_spells_the_terms_kana_is_not_shown(driver, server, site_dir):
    try:
        on_phone(driver, server + "/glossary/my-number-card/")
        text = driver.find_element("css selector", "main").text
        on_phone(driver, server + "/glossary/dx/")
        dx = driver.find_element("css selector", "main").text
    finally:
        reset_viewport(driver)
    assert "まいなんばーかーど" not in text and "よみかた" not in text, text[:300]
    assert "英語：My Number Card" in text
    assert "よみかた：でぃーえっくす" in dx
    # Every entry: a reading is shown only where it says more than the term.
    shown = 0
    for page in sorted((site_dir / "glossary").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        term = re.search(r'<h1 id="page-title">([^<]*)</h1>', html).group(1)
        reading = re.search(r'<p class="reading">よみかた：<span class="reading-word">([^<　]*)', html)
        if reading:
            shown += 1
            assert folded_kana(term) != folded_kana(reading.group(1)), page
        else:
            assert folded_kana(term) is not None, f"{page}: {term} lost a reading it needs"
    assert shown >= 10, "expected the readings of the terms with kanji and letters"


HEADINGS_JS = """
return [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
  .map((h) => ({level: Number(h.tagName[1]), text: h.innerText.trim(), id: h.id,
                size: getComputedStyle(h).fontSize, shown: h.getClientRects().length > 0,
                top: h.getBoundingClientRect().top, section: !!h.closest('.prose, .section')}));
"""


def ax_headings(driver):
    """The headings a screen reader lists: (level, name) of each not ignored, in tree order."""
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    out = []

    def walk(node):
        if not node.get("ignored") and node.get("role", {}).get("value") == "heading":
            level = next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "level"), None)
            out.append((level, node.get("name", {}).get("value", "")))
        for child in node.get("childIds", []):
            if child in by_id:
                walk(by_id[child])

    walk(nodes[0])
    return out


def test_an_events_facts_have_a_heading(driver, server):
    try:
        on_phone(driver, server + EVENT)
        headings = driver.execute_script(HEADINGS_JS)
        facts_top = driver.execute_script("return document.querySelector('dl.facts').getBoundingClientRect().top")
        outline = ax_headings(driver)
    finally:
        reset_viewport(driver)
    assert [h["level"] for h in headings[:2]] == [1, 2], headings
    facts = headings[1]
    assert facts["text"] == "参加の案内" and facts["shown"], facts
    assert facts["top"] < facts_top, "the heading comes before the facts"
    # A heading like the page's sections' h2s (the body's, 関係する取組), and the levels never
    # skip one. The boxes of tags and terms at the foot have smaller headings of their own.
    others = [h for h in headings[2:] if h["level"] == 2 and h["section"]]
    assert others and all(h["size"] == facts["size"] for h in others), headings
    levels = [h["level"] for h in headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    # What heading navigation gives: the title, then the facts' heading.
    main = [h for h in outline if h[1] in {x["text"] for x in headings}]
    assert main[:2] == [(1, headings[0]["text"]), (2, "参加の案内")], outline


def card_date_reading(driver, selector):
    """The text a screen reader reads for the first element matching `selector`, its static
    text pieces joined in order (a visually hidden 、 included, nothing added between)."""
    doc = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": selector})
    backend = driver.execute_cdp_cmd("DOM.describeNode", {"nodeId": node["nodeId"]})["node"]["backendNodeId"]
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    start = next(n for n in nodes if n.get("backendDOMNodeId") == backend)
    parts = []

    def walk(n):
        if n.get("role", {}).get("value") == "StaticText" and not n.get("ignored"):
            parts.append(n.get("name", {}).get("value", ""))
            return
        for child in n.get("childIds", []):
            if child in by_id:
                walk(by_id[child])

    walk(start)
    return "".join(parts)


GAP_JS = """
const p = document.querySelector(arguments[0]);
const kind = p.querySelector('.card-kind');
const time = p.querySelector('time');
if (!kind) return null;
const range = document.createRange();
range.setStartAfter(time); range.setEndBefore(kind);
const word = range.getBoundingClientRect(), box = kind.getBoundingClientRect();
const style = getComputedStyle(kind);
return {word: range.toString(), gap: box.left - word.right, sameRow: Math.abs(box.top - word.top) < word.height,
        border: parseFloat(style.borderLeftWidth), weight: style.fontWeight};
"""


@pytest.mark.parametrize("path,selector", [("/updates/", "main .card-date"), ("/", "#updates-heading ~ .card-list .card-date")])
def test_an_updates_date_and_kind_read_apart(driver, server, path, selector):
    try:
        on_phone(driver, server + path)
        heard = card_date_reading(driver, selector)
        seen = driver.execute_script(GAP_JS, selector)
    finally:
        reset_viewport(driver)
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日（.）(公開|更新)、[^、（）]+", heard), heard
    assert seen and seen["word"] in ("公開", "更新"), seen
    # Apart to the eye: a box of its own, a space away, not bold like the date.
    if seen["sameRow"]:
        assert seen["gap"] >= 8, seen
    assert seen["border"] >= 1 and int(seen["weight"]) < 700, seen
