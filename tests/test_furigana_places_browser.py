"""Events' places with furigana, and the ふりがな button on the pages that list them, in a real
browser (headless Chromium + Selenium).

The shipped events' places lost their readings (b156068) because the trail of a field page
listing them grew to 120 px at 320 px with the text at 200 %, and the button was blamed. It
was not the button: the button is in the header, the trail below it, and showing or hiding it
changes neither's height at 320 or 375 px. The readings gave a field of 推進を支える土台づくり
the most markup, so test_trail_browser took it for "the" field page, and that domain's name
is wider than a 320 px row at 200 % (two rows, where the test expected the one row of 産業).
These tests prove, at 320 and 375 px with the text at 200 % (the page's own font size, and
Chrome's text size setting):

- shipped events have readings in their places, and every field page listing one of them
  shows the button (visible, at least 44 × 44 px as the header's other controls), keeps its
  trail to the way up within test_trail_browser's limits and the header within
  test_header_browser's (30 % of an 812 px screen at 320 px, 35 % at 375);
- on every kind of page with a trail, showing the button (or hiding it) changes neither the
  header's height nor the trail's, at 100 % text too.
"""
import re

import pytest

from conftest import CONTENT, large_text, normal_text
from test_browser_a11y import load, reset_viewport, set_viewport
from test_trail_browser import SCREEN as TRAIL_SCREEN
from test_trail_browser import narrow_problems, trail

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

# test_header_browser's limits: the header's share of an 812 px screen.
HEADER_SCREEN = 812
HEADER_MOST = {320: 0.30, 375: 0.35}


def events_with_place_readings():
    """Slugs of the content's events whose `place` has furigana ({千葉県|ちばけん})."""
    found = []
    for path in sorted((CONTENT / "events").glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        m = re.search(r"^place:\s*(.+)$", head, re.M)
        if m and re.search(r"\{[^{}|]+\|[^{}]+\}", m.group(1)):
            found.append(path.stem)
    return found


@pytest.fixture(scope="module")
def listing_fields(site_dir, server):
    """(event, url) of every field page that lists an event whose place has readings, with the
    reading shown in the card's place."""
    events = events_with_place_readings()
    assert len(events) >= 3, f"shipped events with readings in their places: {events}"
    pages = []
    for page in sorted((site_dir / "fields").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        for slug in events:
            card = re.search(rf'href="/events/{re.escape(slug)}/".*?</li>', html, re.S)
            if card and re.search(r'class="card-place">[^<]*<ruby>', card.group(0)):
                pages.append((slug, f"{server}/fields/{page.parent.name}/"))
                break
    assert pages, f"no field page lists {events} with the reading in its place"
    return pages


BUTTON_JS = """
const b = document.querySelector('button.ruby-toggle');
const r = b.getBoundingClientRect();
const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
return {shown: !b.hidden && b.getClientRects().length > 0, width: r.width, height: r.height,
  left: r.left, right: r.right, top: r.top, onTop: b.contains(hit),
  header: document.querySelector('header.site-header').getBoundingClientRect().height};
"""


@pytest.mark.parametrize("how", ["page", "chrome"])
@pytest.mark.parametrize("width", [320, 375])
def test_a_field_listing_such_an_event_shows_the_button_and_keeps_its_trail(
        driver, listing_fields, width, how):
    failures = []
    set_viewport(driver, width, TRAIL_SCREEN)
    try:
        for event, url in listing_fields:
            load(driver, url)
            large_text(driver, how)
            button = driver.execute_script(BUTTON_JS)
            name = f"{url} (lists {event})"
            if not button["shown"]:
                failures.append(f"{name}: no ふりがな button")
            else:
                if button["width"] < 44 or button["height"] < 44:
                    failures.append(f"{name}: the button is {button['width']:.0f} × {button['height']:.0f} px")
                if button["left"] < 0 or button["right"] > width + 0.5 or not button["onTop"]:
                    failures.append(f"{name}: the button is not all on screen and on top: {button}")
            if button["header"] > HEADER_MOST[width] * HEADER_SCREEN:
                failures.append(f"{name}: the header is {button['header']:.0f} px")
            failures += [f"{name}: {p}" for p in narrow_problems(trail(driver))]
            normal_text(driver)
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert not failures, f"at {width} px, text at 200 % ({how}):\n" + "\n".join(failures)


HEIGHTS_JS = """
const h = (s) => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().height : null; };
const b = document.querySelector('button.ruby-toggle');
b.hidden = arguments[0];
return {header: h('header.site-header'), trail: h('nav.breadcrumbs'), shown: b.getClientRects().length > 0};
"""


@pytest.mark.parametrize("width", [320, 375])
def test_the_button_changes_neither_the_header_nor_the_trail(driver, page_types, server, width):
    """The button shown (as on a page with furigana) or hidden, on every kind of page: the
    header and the trail are as tall either way, with the text at 100 % and at 200 %."""
    failures, compared = [], 0
    set_viewport(driver, width, TRAIL_SCREEN)
    try:
        for name, url in page_types:
            for how in (None, "page", "chrome"):
                load(driver, server + url)
                if how:
                    large_text(driver, how)
                hidden = driver.execute_script(HEIGHTS_JS, True)
                shown = driver.execute_script(HEIGHTS_JS, False)
                normal_text(driver)
                if not shown["shown"] or hidden["shown"]:
                    failures.append(f"{name}: the button did not show and hide ({shown}, {hidden})")
                    continue
                compared += 1
                for part in ("header", "trail"):
                    if shown[part] != hidden[part]:
                        failures.append(f"{name} ({how or '100 %'}): the {part} is {shown[part]:.0f} px "
                                        f"with the button, {hidden[part]:.0f} px without")
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert compared >= 3 * 10, f"only {compared} pages compared"
    assert not failures, f"at {width} px:\n" + "\n".join(failures)
