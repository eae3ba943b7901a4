"""The 現在位置 trail (breadcrumbs) on a phone with large text, in a real browser (headless
Chromium + Selenium), on every kind of page.

At 320 × 640 px with the text at 200 % the trail took a row of 101 px (its links' padding
below the text's line), ホーム › 分野 › 産業 on a field's page two rows (169 px), and a page
about the site three (222 px: ホーム › on one row, このサイトについ / て on two more), so the
page's <h1> started at 458 to 632 px of a 640 px screen. Where the trail is narrow for its text
it is now the way up, the parent page alone as a link back (‹ 産業, ‹ ホーム on a list of the
menu), on one row unless its name is longer than the row, then on two, broken between phrases.
These tests prove, at 320 and 375 px with the text at 200 % (the page's own font size, and
Chrome's text size setting), on every kind of page that has a trail (each list, each kind of
content page, every page about the site, a tag, a year of past events, search, 更新情報):

- the trail is a `nav` named 現在位置 whose last item is the current page (`aria-current`),
  hidden from sight but not from screen readers; the one link shown is the parent page's,
  which the trail's last but one item links, and no link is focusable out of sight;
- the trail is one row (at most 14 % of the screen) when the parent's name fits on a row, two
  at most otherwise, and sticks out of nothing; axe-core finds nothing on it;
- with room (1280 px, or a phone at 100 % text) the whole trail shows, ホーム first, as before;
  there a long current title breaks between phrases (活用した / 生産基盤…), never inside a
  word (生産基 / 盤).

The home page (it is the top) and the 404 page (the missing address is nowhere in the site)
have no trail.
"""
import pytest

from conftest import large_text, normal_text, serving
from test_browser_a11y import format_violations, load, reset_viewport, run_axe, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

SCREEN = 640
KINDS = ["strategy-index", "strategy", "domains", "domain", "field", "initiatives", "initiative",
         "events", "event", "glossary", "glossary-entry", "about-index", "about", "tags", "tag",
         "search"]


@pytest.fixture(scope="module")
def trail_pages(site_dir, server, page_types, limited_events_site):
    """(name, url) of a page of every kind with a trail, every page about the site, and a year
    of past events (served from the site built with `past_events_listed: 1`)."""
    urls = dict(page_types)
    missing = [k for k in KINDS if k not in urls]
    assert not missing, f"the built site has no page of kind {missing}"
    pages = [(k, server + urls[k]) for k in KINDS] + [("updates", server + "/updates/")]
    about = sorted(p.parent.name for p in (site_dir / "about").glob("*/index.html"))
    pages += [(f"about/{slug}", f"{server}/about/{slug}/") for slug in about]
    year = sorted(p.name for p in (limited_events_site / "events" / "past").iterdir())[0]
    with serving(limited_events_site) as base:
        yield pages + [(f"events-year {year}", f"{base}/events/past/{year}/")]


TRAIL_JS = """
const nav = document.querySelector('nav[aria-label="現在位置"]');
if (!nav) return null;
const box = (el) => { const r = el.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
const items = [...nav.querySelectorAll('li')];
const shown = (el) => el.getClientRects().length > 0 && el.getBoundingClientRect().width > 1;
const current = nav.querySelectorAll('[aria-current="page"]');
const parent = items.length > 1 ? items[items.length - 2].querySelector('a') : null;
const link = parent || items[0].querySelector('a');
const s = getComputedStyle(nav.querySelector('a'));
const ctx = document.createElement('canvas').getContext('2d');
ctx.font = s.font;
const text = (link || nav).textContent.trim();
return {
  nav: box(nav),
  viewport: innerWidth, scrollWidth: document.documentElement.scrollWidth,
  tag: nav.tagName, currentCount: current.length,
  currentIsLast: current.length === 1 && items[items.length - 1].contains(current[0]),
  currentText: current.length ? current[0].textContent.trim() : '',
  currentDisplay: current.length ? getComputedStyle(current[0].closest('li')).display : '',
  currentWidth: current.length ? current[0].closest('li').getBoundingClientRect().width : 0,
  shownItems: items.filter(shown).map((li) => li.textContent.trim()),
  shownLinks: [...nav.querySelectorAll('a')].filter(shown).map((a) => a.getAttribute('href')),
  parentHref: parent && parent.getAttribute('href'),
  // Links neither displayed nor hidden from the keyboard: focusable but out of sight.
  unseenFocusable: [...nav.querySelectorAll('a')].filter((a) => a.getClientRects().length > 0
    && !shown(a)).map((a) => a.textContent.trim()),
  link: link && box(link), linkText: text,
  // The row's room for the link: from where it starts to the trail's right edge.
  room: link ? nav.getBoundingClientRect().right - parseFloat(getComputedStyle(nav).paddingRight)
    - link.getBoundingClientRect().left : 0,
  lineHeight: parseFloat(s.lineHeight), padding: parseFloat(s.paddingTop) + parseFloat(s.paddingBottom),
  textWidth: ctx.measureText(text).width + text.length * parseFloat(s.letterSpacing || 0),
};
"""


def trail(driver):
    return driver.execute_script(TRAIL_JS)


def narrow_problems(info):
    """What is wrong with the trail where it is narrow for its text: anything but the parent
    shown, the current page not left to screen readers, too tall, sticking out."""
    if info is None:
        return ["no 現在位置 trail"]
    problems = []
    if info["tag"] != "NAV":
        problems.append(f"the trail is a {info['tag']}, not a nav")
    if not info["currentIsLast"]:
        problems.append(f"{info['currentCount']} aria-current items, not the last item alone")
    if info["currentDisplay"] == "none":
        problems.append("the current page is hidden from screen readers too (display: none)")
    if info["currentWidth"] > 1:
        problems.append(f"the current page {info['currentText']!r} is shown ({info['currentWidth']:.0f} px)")
    if info["shownLinks"] != [info["parentHref"]] or len(info["shownItems"]) != 1:
        problems.append(f"shows {info['shownItems']} ({info['shownLinks']}), not the parent alone "
                        f"({info['parentHref']})")
    if info["unseenFocusable"]:
        problems.append(f"links focusable out of sight: {info['unseenFocusable']}")
    if info["scrollWidth"] > info["viewport"] or info["link"]["right"] > info["viewport"] + 0.5:
        problems.append(f"sticks out: {info['link']}, page {info['scrollWidth']} px wide")
    if info["link"]["height"] < 24:
        problems.append(f"the link is {info['link']['height']:.0f} px tall")
    rows = round((info["link"]["height"] - info["padding"]) / info["lineHeight"])
    # The parent's name on one row when it fits beside its chevron, else two.
    fits = info["textWidth"] <= info["room"]
    if rows > (1 if fits else 2):
        problems.append(f"{info['linkText']!r} takes {rows} rows")
    # Nothing but the link takes a row: the trail is the link and the trail's own spacing.
    extra = info["nav"]["height"] - info["link"]["height"]
    if extra > 0.6 * info["lineHeight"]:
        problems.append(f"the trail is {info['nav']['height']:.0f} px for a link of "
                        f"{info['link']['height']:.0f} px")
    if rows == 1 and info["nav"]["height"] > 0.14 * SCREEN:
        problems.append(f"the trail's row is {info['nav']['height']:.0f} px")
    return problems


@pytest.mark.parametrize("how", ["page", "chrome"])
@pytest.mark.parametrize("width", [320, 375])
def test_with_large_text_the_trail_is_the_way_up(driver, trail_pages, width, how):
    failures = []
    set_viewport(driver, width, SCREEN)
    try:
        for name, url in trail_pages:
            load(driver, url)
            large_text(driver, how)
            problems = narrow_problems(trail(driver))
            failures += [f"{name} ({url}): {p}" for p in problems]
            normal_text(driver)
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert not failures, f"at {width} px, text at 200 % ({how}):\n" + "\n".join(failures)


def test_a_field_and_a_page_about_the_site_gain_the_most(driver, site_dir, server, trail_pages):
    """The trails that wrapped: a field's (ホーム › 分野 › 産業, 169 px) and a page about the
    site's (222 px) are one row and two at 320 px: a link back to the field's domain, and to
    the list of the pages about the site. Every field is looked at, not one page chosen for its
    markup: a field of 推進を支える土台づくり (11 characters, wider than the 260 px row at 30 px)
    takes two rows (120 px, the about page's limit), the others one. (That page was once taken
    for a field with too tall a trail when its events' places gained furigana and made it the
    page with the most markup; test_furigana_places_browser.)"""
    fields = sorted(p.parent.name for p in (site_dir / "fields").glob("*/index.html"))
    pages = [(f"field {slug}", f"{server}/fields/{slug}/", "/domains/") for slug in fields]
    pages.append(("about", dict(trail_pages)["about"], "/about/"))
    rows = {1: 0, 2: 0}
    failures = []
    set_viewport(driver, 320, SCREEN)
    try:
        for name, url, parent in pages:
            load(driver, url)
            large_text(driver, "page")
            info = trail(driver)
            if info["shownLinks"] != [info["parentHref"]]:
                failures.append(f"{name}: shows {info['shownLinks']}, not its parent")
                continue
            # A field's way up is its domain's page; a page about the site's, the list of them.
            up = info["parentHref"]
            if (up == parent) if name.startswith("field") else (up != parent):
                failures.append(f"{name}: the way up is {up}")
            elif not up.startswith(parent):
                failures.append(f"{name}: the way up is {up}, not under {parent}")
            fits = info["textWidth"] <= info["room"]
            rows[1 if fits else 2] += name.startswith("field")
            # One row where the parent's name fits beside its chevron, two otherwise.
            most = 0.14 if fits else 0.2
            if info["nav"]["height"] > most * SCREEN:
                failures.append(f"{name}: the trail is {info['nav']['height']:.0f} px for "
                                f"{info['linkText']!r} ({'one row' if fits else 'two rows'}), "
                                f"over {most * SCREEN:.0f} px")
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert rows[1] and rows[2], f"fields with a one-row and a two-row parent: {rows}, the test proves little"
    assert not failures, "at 320 px, text at 200 %:\n" + "\n".join(failures)


@pytest.mark.parametrize("name", ["field", "about", "events", "event"])
def test_axe_on_the_narrow_trail(driver, axe_js, trail_pages, name):
    set_viewport(driver, 320, SCREEN)
    try:
        load(driver, dict(trail_pages)[name])
        large_text(driver, "page")
        result = run_axe(driver, axe_js)
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert "error" not in result, result.get("error")
    assert not result["violations"], f"{name}:\n{format_violations(result['violations'])}"


@pytest.mark.parametrize("width,large", [(1280, False), (1280, True), (375, False)])
def test_with_room_the_whole_trail_shows(driver, trail_pages, width, large):
    """A desktop (at 200 % too) and a phone at 100 % text show the whole trail as before:
    ホーム first, every page on the way, the current page last."""
    failures = []
    set_viewport(driver, width, 812)
    try:
        for name, url in trail_pages:
            load(driver, url)
            if large:
                large_text(driver, "page")
            info = trail(driver)
            if info is None:
                failures.append(f"{name}: no trail")
                continue
            items = driver.execute_script(
                "return [...document.querySelectorAll('nav.breadcrumbs li')].length")
            if len(info["shownItems"]) != items or info["currentWidth"] <= 20:
                failures.append(f"{name}: shows {info['shownItems']} of {items} items")
            elif info["shownLinks"][:1] != ["/"]:
                failures.append(f"{name}: the trail starts with {info['shownLinks'][:1]}, not ホーム")
            normal_text(driver)
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert not failures, f"at {width} px:\n" + "\n".join(failures)


def test_the_home_and_404_pages_have_no_trail(driver, server, page_types):
    """The home page is the top; the 404 page's address is no place in the site (its own
    links lead on). Neither has a 現在位置 trail, at any width."""
    urls = dict(page_types)
    set_viewport(driver, 320, SCREEN)
    try:
        for name in ("home", "404"):
            load(driver, server + urls[name])
            assert trail(driver) is None, f"the {name} page has a trail"
    finally:
        reset_viewport(driver)


BREAKS_JS = """
// Where the current page's name breaks across rows, and the breaks that are not between two
// phrases: for each row, the same text from the row's start in a box as wide as the row,
// broken by phrases (word-break: auto-phrase, Chromium's own segmenter, as headings break),
// must end its first row where the trail's row ends.
const node = document.createTreeWalker(document.querySelector(arguments[0] || 'nav.breadcrumbs [aria-current="page"]'),
  NodeFilter.SHOW_TEXT).nextNode();
const text = node.textContent, range = document.createRange();
const rowStarts = (n) => {
  const tops = [], starts = [];
  for (let i = 0; i < n.textContent.length; i++) {
    range.setStart(n, i); range.setEnd(n, i + 1);
    const r = range.getClientRects()[0];
    tops.push(r ? r.top : (tops[i - 1] || 0));
  }
  for (let i = 1; i < tops.length; i++) if (tops[i] > tops[i - 1] + 2) starts.push(i);
  return starts;
};
const starts = rowStarts(node);
const style = getComputedStyle(node.parentElement);
const inside = [];
let from = 0;
for (const i of starts) {
  range.setStart(node, from); range.setEnd(node, i);
  const width = Math.max(...[...range.getClientRects()].map((r) => r.right))
    - Math.min(...[...range.getClientRects()].map((r) => r.left));
  const probe = document.createElement('div');
  probe.textContent = text.slice(from);
  Object.assign(probe.style, {position: 'absolute', top: '0', left: '0', visibility: 'hidden',
    width: (width + 1) + 'px', font: style.font, letterSpacing: style.letterSpacing,
    wordBreak: 'auto-phrase', overflowWrap: 'normal', lineBreak: 'strict', whiteSpace: 'normal'});
  document.body.append(probe);
  const end = from + (rowStarts(probe.firstChild)[0] ?? text.length - from);
  probe.remove();
  if (end !== i) inside.push(text.slice(Math.max(0, i - 3), i) + ' / ' + text.slice(i, i + 3)
    + ' (between phrases: ' + text.slice(Math.max(from, end - 3), end) + ' / ' + text.slice(end, end + 3) + ')');
  from = i;
}
return {text, starts, inside};
"""


def test_a_long_current_title_breaks_between_phrases(driver, site_dir, trail_pages, server):
    """At 375 px and 100 % text the whole trail shows, and an initiative's long title wrapped
    inside a word (デジタル技術を活用した生産基 / 盤施設維持管理); it breaks between phrases.
    Every initiative and event is looked at: their titles are the longest."""
    urls = [url for _, url in trail_pages]
    for kind in ("initiatives", "events"):
        urls += [f"{server}/{kind}/{p.parent.name}/" for p in sorted((site_dir / kind).glob("*/index.html"))]
    set_viewport(driver, 375, 812)
    wrapped, failures = 0, []
    try:
        for url in urls:
            load(driver, url)
            info = driver.execute_script(BREAKS_JS)
            wrapped += bool(info["starts"])
            if info["inside"]:
                failures.append(f"{url}: {info['text']!r} breaks inside a phrase: {info['inside']}")
    finally:
        reset_viewport(driver)
    assert wrapped >= 3, f"{wrapped} current pages' names wrap at 375 px: the test proves little"
    assert not failures, "\n".join(failures)


def test_the_label_above_the_title_breaks_between_phrases(driver, trail_pages):
    """The grey label over a page's <h1> (このサイトについて, 千葉県DX推進戦略, すべての分野を支える
    取組) broke inside a word (このサイトについ / て) at 320 px with 200 % text until it took
    `word-break: auto-phrase` as headings do. Since the page's side margins stop at 16 px
    (2400f74) a 320 px row holds these labels whole, so the test narrows the row to 280 px,
    where they wrap again."""
    set_viewport(driver, 280, SCREEN)
    labelled, failures = 0, []
    try:
        for name, url in trail_pages:
            load(driver, url)
            large_text(driver, "page")
            if driver.execute_script("return document.querySelector('.eyebrow') !== null"):
                info = driver.execute_script(BREAKS_JS, ".eyebrow")
                labelled += bool(info["starts"])
                if info["inside"]:
                    failures.append(f"{name} ({url}): {info['text']!r} breaks inside a phrase: {info['inside']}")
            normal_text(driver)
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert labelled >= 1, "no label wraps at 320 px / 200 %: the test proves little"
    assert not failures, "\n".join(failures)
