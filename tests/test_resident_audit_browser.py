"""What three residents met on a phone, in a real browser (headless Chromium + Selenium).

An audit of the shipped portal read as a 70-year-old looking for a smartphone class, a
screen-reader user looking up マイナンバーカード, and a small-business owner looking for support,
at 375 px and at 320 px with the text at 200 %. Each test here failed before its fix:

- an initiative's 関係するイベント listed last September's workshop, with 「（オンラインで参加）」
  after it and no word that it was over: its cards now say so on the reader's clock
  (portal.js, as the lists of upcoming events do);
- an event's card said 「申し込み：…」 only when one was needed: a card without it left the
  resident guessing whether to apply (the event's own page said いりません);
- IT and AI in the glossary were links 18 px wide, and a field's 「産業の分野」 link 21 px tall:
  controls outside running text are 24 × 24 px at least (WCAG 2.5.8), glossary terms 44 px wide;
- a screen reader's list of links on /initiatives/ gave 危機管理 twice, for two places;
- at 320 px with text at 200 %, 043-000-0300 under 問い合わせ broke after 043-000-;
- a field's page put 実施中 on nearly every card, which /initiatives/ had already dropped.

The reader's clock is the build's (`reader_clock`), so the cards say the same whatever the day.
"""
import re

import pytest

from conftest import NOW, large_text, normal_text
from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

SCREEN = 812
# A phone as it comes, and the narrowest phone with its text at 200 %.
PHONES = [(375, False), (320, True)]


@pytest.fixture
def reader_clock(driver):
    """The reader's clock at the build's (portal.js says an event is over on the reader's clock):
    what the cards say does not depend on the day the tests run."""
    import datetime

    ms = int(datetime.datetime.fromisoformat(NOW).timestamp() * 1000)
    script = driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": f"Date.now = () => {ms};"})
    yield
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def open_on_phone(driver, url, width, big):
    set_viewport(driver, width, SCREEN)
    normal_text(driver)
    load(driver, url)
    if big:
        large_text(driver, "page")


def past_event_urls(site_dir):
    """The addresses of the events the build counts as over (the events page's 終わったイベント)."""
    page = (site_dir / "events" / "index.html").read_text(encoding="utf-8")
    past = page[page.index('<h2 id="past">'):]
    return set(re.findall(r'<h3 class="card-title"><a href="([^"]+)"', past))


CARDS_JS = """
const section = document.getElementById(arguments[0]);
if (!section) return null;
return [...section.closest('section').querySelectorAll('li.card')].map((card) => ({
  url: card.querySelector('.card-title a').getAttribute('href'),
  text: card.innerText.replace(/\\s+/g, ' '),
}));
"""


@pytest.mark.parametrize("width,big", PHONES)
def test_an_initiatives_events_say_when_they_are_over(driver, site_dir, server, reader_clock, width, big):
    past = past_event_urls(site_dir)
    assert past, "expected the shipped content to have events that are over"
    pages = [p for p in sorted((site_dir / "initiatives").glob("*/index.html"))
             if 'id="events-heading"' in (text := p.read_text(encoding="utf-8"))
             and any(f'href="{u}"' in text for u in past)]
    assert pages, "expected an initiative that lists an event that is over"
    try:
        for page in pages:
            url = "/initiatives/" + page.parent.name + "/"
            open_on_phone(driver, server + url, width, big)
            cards = driver.execute_script(CARDS_JS, "events-heading")
            for card in cards:
                over = "このイベントは終わりました" in card["text"]
                assert over == (card["url"] in past), f"{url}: {card}"
    finally:
        normal_text(driver)
        reset_viewport(driver)


@pytest.mark.parametrize("width,big", PHONES)
def test_every_upcoming_events_card_says_whether_to_apply(driver, server, reader_clock, width, big):
    seen = []
    try:
        for url in ("/", "/events/"):
            open_on_phone(driver, server + url, width, big)
            heading = "events-heading" if url == "/" else "upcoming"
            cards = driver.execute_script(CARDS_JS, heading)
            assert cards, f"{url}: expected upcoming events"
            silent = [c for c in cards if "申し込み：" not in c["text"]]
            assert not silent, f"{url}: cards that do not say whether to apply: {silent}"
            seen += cards
        # The shipped content has an event to just turn up at (the panel exhibition).
        assert any("申し込み：いりません" in c["text"] for c in seen), seen
    finally:
        normal_text(driver)
        reset_viewport(driver)


TARGETS_JS = """
// Links and buttons of the page's main part outside running text (a link in a sentence is
// exempt from WCAG 2.5.8), each of its boxes (a wrapped link has one per line).
const running = '.prose, .lead, .term-meaning, .context-box p, .link-desc, .link-summary, .notice, dd, .card p';
const out = [];
for (const el of document.querySelectorAll('main a[href], main button, main summary')) {
  if (el.closest(running) && !el.closest('dt')) continue;
  // A <wbr> where a wrapped title breaks (portal.js, setupTitleWords) adds an empty box at the
  // row's end: nothing to touch. A link whose boxes are all empty is still counted.
  const all = [...el.getClientRects()];
  const boxes = all.some((r) => r.width > 0) ? all.filter((r) => r.width > 0) : all;
  if (!boxes.length) continue;
  const wide = el.closest('.glossary-list dt') ? 44 : 24;
  if (boxes.some((r) => r.width < wide - 0.5 || r.height < 23.5))
    out.push(el.outerHTML.slice(0, 100) + ' ' + boxes.map((r) => `${Math.round(r.width)}x${Math.round(r.height)}`).join(','));
}
return out;
"""


@pytest.mark.parametrize("width,big", PHONES)
def test_controls_outside_running_text_are_big_enough_to_touch(driver, page_types, server, width, big):
    problems = []
    try:
        for name, url in page_types:
            open_on_phone(driver, server + url, width, big)
            problems += [f"{name} {url}: {p}" for p in driver.execute_script(TARGETS_JS)]
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert not problems, "targets too small:\n" + "\n".join(problems)


NAMES_JS = """
// Each link's accessible name (aria-label, else its text, visually hidden words included) and
// where it goes, for the links a screen reader lists (those displayed).
return [...document.querySelectorAll('a[href]')].filter((a) => a.getClientRects().length).map((a) => [
  (a.getAttribute('aria-label') || a.textContent).replace(/\\s+/g, ' ').trim(),
  new URL(a.getAttribute('href'), location.href).href,
]);
"""


def test_links_named_alike_go_to_the_same_place(driver, page_types, server):
    """A screen reader's list of links showed 危機管理 twice on /initiatives/, one jumping down the
    page and one opening the field's page (WCAG 2.4.4, 2.4.9): the jumps now say where they go
    (「危機管理の取組へ移動」, the added words visually hidden, the visible name first)."""
    problems = []
    set_viewport(driver, 375, SCREEN)
    try:
        for name, url in page_types:
            load(driver, server + url)
            targets = {}
            for text, href in driver.execute_script(NAMES_JS):
                targets.setdefault(text, set()).add(href)
            problems += [f"{name} {url}: 「{text}」 goes to {sorted(hrefs)}"
                         for text, hrefs in targets.items() if len(hrefs) > 1]
    finally:
        reset_viewport(driver)
    assert not problems, "links with one name and different places:\n" + "\n".join(problems)


TEL_LINES_JS = """
// The lines each phone or fax number is printed on (its text's boxes, by their tops).
return [...document.querySelectorAll('.tel')].filter((el) => el.getClientRects().length).map((el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return [el.textContent.trim(), tops.size];
});
"""


@pytest.mark.parametrize("how", ["page", "chrome"])
def test_a_phone_number_stays_on_one_line_with_large_text(driver, page_types, server, how):
    """At 320 px with text at 200 %, 043-000-0300 under 問い合わせ broke after 043-000-: the list
    of ways to ask was indented 1.25rem (40 px there), so the number no longer fitted its line.
    On a phone the list is not indented; every number, on every page type, is on one line."""
    problems, seen = [], 0
    set_viewport(driver, 320, SCREEN)
    try:
        for name, url in page_types:
            normal_text(driver)
            load(driver, server + url)
            large_text(driver, how)
            for number, lines in driver.execute_script(TEL_LINES_JS):
                seen += 1
                if lines != 1:
                    problems.append(f"{name} {url}: {number} on {lines} lines")
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert seen, "expected phone numbers (the footer's, an initiative's, an event's)"
    assert not problems, "\n".join(problems)


BADGES_JS = """
return [...document.querySelectorAll('#initiatives-heading ~ .card-list .card')].map((card) => [
  card.querySelector('h3').innerText.trim(),
  [...card.querySelectorAll('.status')].filter((b) => b.getClientRects().length).map((b) => b.innerText.trim()),
]);
"""


def test_a_fields_initiatives_are_marked_only_when_not_under_way(driver, site_dir, server):
    """A field's page put 実施中 on 73 of its 76 cards (the shipped fields), a badge that said
    nothing and made each card a line longer; /initiatives/ had already dropped it. Now a card
    there says 準備中 or 完了, as on /initiatives/, and nothing when the initiative is under way."""
    badges = []
    set_viewport(driver, 375, SCREEN)
    try:
        for page in sorted((site_dir / "fields").glob("*/index.html")):
            load(driver, f"{server}/fields/{page.parent.name}/")
            badges += driver.execute_script(BADGES_JS)
    finally:
        reset_viewport(driver)
    shown = [label for _, labels in badges for label in labels]
    assert badges and "実施中" not in shown, [b for b in badges if "実施中" in b[1]]
    assert "準備中" in shown, "expected the shipped content's planned initiatives to say 準備中"
