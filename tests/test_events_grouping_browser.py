"""Events where residents look for them, on the shipped portal in a real browser (headless Chromium).

- /events/: the upcoming events under a heading per month (2026年12月 2件), each event under
  the month it begins in, headings in order (h2 これからのイベント, h3 month, h4 the event);
- an initiative's 関係するイベント read without JavaScript: the upcoming events first, and each
  past one says 「このイベントは終わりました。」 (it came first, with no word that it was over);
- a field's page shows its upcoming events: 産業振興・中小企業 the 中小企業DX講座.
"""
import re

import pytest

from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

MONTHS_JS = """
const section = document.getElementById('upcoming').closest('section');
return [...section.querySelectorAll('.month-group')].map((group) => ({
  heading: group.querySelector('h3').innerText.replace(/\\s+/g, ' ').trim(),
  shown: group.querySelector('h3').getClientRects().length > 0,
  // Each card's first <time>: its start (a range's end has a <time> of its own).
  days: [...group.querySelectorAll('li.card h4 + .card-date')].map((p) => p.querySelector('time').getAttribute('datetime')),
}));
"""

LEVELS_JS = "return [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map((h) => Number(h.tagName[1]));"


def test_upcoming_events_are_under_their_months(driver, server):
    set_viewport(driver, 375, 812)
    try:
        load(driver, server + "/events/")
        groups = driver.execute_script(MONTHS_JS)
        levels = driver.execute_script(LEVELS_JS)
    finally:
        reset_viewport(driver)
    assert groups, "expected the shipped content's upcoming events under month headings"
    for g in groups:
        m = re.fullmatch(r"(\d{4})年(\d{1,2})月 （?(\d+)件）?", g["heading"])
        assert m and g["shown"], g
        year, month, count = (int(x) for x in m.groups())
        assert count == len(g["days"]) > 0, g
        # Each event under the month its first day is in.
        assert all(d.startswith(f"{year:04d}-{month:02d}") for d in g["days"]), g
    # The months in order, each once, and the events in the order they begin.
    days = [d for g in groups for d in g["days"]]
    assert days == sorted(days)
    assert len({g["heading"].split(" ")[0] for g in groups}) == len(groups)
    # No level skipped (a screen reader's list of headings: h2, then the months, then events).
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


CARDS_JS = """
return [...document.getElementById('events-heading').closest('section').querySelectorAll('li.card')]
  .map((card) => card.innerText.replace(/\\s+/g, ' '));
"""


def test_an_initiatives_past_events_say_so_without_javascript(driver_nojs, site_dir, server):
    events = site_dir / "events" / "index.html"
    page = events.read_text(encoding="utf-8")
    past = set(re.findall(r'<h3 class="card-title"><a href="([^"]+)"', page[page.index('<h2 id="past">'):]))
    initiatives = [p for p in sorted((site_dir / "initiatives").glob("*/index.html"))
                   if 'id="events-heading"' in (text := p.read_text(encoding="utf-8"))
                   and any(f'href="{u}"' in text for u in past)]
    assert initiatives, "expected an initiative listing an event that is over"
    for path in initiatives:
        load(driver_nojs, f"{server}/initiatives/{path.parent.name}/")
        cards = driver_nojs.execute_script(CARDS_JS)
        over = ["このイベントは終わりました" in c for c in cards]
        # Those over after all the others, and only they say so.
        assert over == sorted(over), (path, cards)
        assert sum(over) == sum(f'href="{u}"' in path.read_text(encoding="utf-8") for u in past), cards


def test_a_field_shows_its_upcoming_events(driver, server):
    set_viewport(driver, 375, 812)
    try:
        load(driver, server + "/fields/business/")
        cards = driver.execute_script(CARDS_JS)
        heading = driver.execute_script(
            "const h = document.getElementById('events-heading'); return h && h.innerText;")
    finally:
        reset_viewport(driver)
    assert heading and heading.startswith("この分野のこれからのイベント"), heading
    assert any("中小企業のための はじめてのDX講座" in c for c in cards), cards
    assert all("申し込み：" in c for c in cards), cards
