"""Event dates as machines and screen readers get them (headless Chromium + Selenium).

Each end of an event's range has its own <time datetime> (the start, and the end when there is
one): a single <time> whose datetime was the start around 「…から…まで」 told search engines and
calendar extensions the event was at its start only. Checked on the shipped site's event
cards (/events/, home, a field, an initiative, a tag) and each event page's 日時:

- every <time>'s datetime is the day and time its own text says (the text a resident reads);
- the last one is when the event ends (its `data-ends`: the instant, or the day before the
  midnight after an all-day event's last day);
- the accessibility tree reads the same words in the same order, から and まで between and
  after the pieces, with nothing named or added by the <time> elements: a screen reader hears
  what it heard when the whole label was one element.

Run: PORTAL_BIN=.build/debug/portal PORTAL_REQUIRE_BROWSER=1 python3 -m pytest -q tests/test_event_time_browser.py
"""
import datetime
import re

import pytest

from test_browser_a11y import load

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

JAPAN = datetime.timezone(datetime.timedelta(hours=9))

# The elements holding an event's dates: a card's first .card-date, the event page's 日時.
HOLDERS = """
return [...document.querySelectorAll('li.card[data-ends] > .card-date, dt + dd')]
  .filter((el) => el.querySelector(':scope > time')
    && (el.tagName !== 'DD' || el.previousElementSibling.textContent === '日時'));
"""

FACTS_JS = """
return arguments[0].map((el) => ({
  times: [...el.querySelectorAll(':scope > time')].map((t) => [t.getAttribute('datetime'), t.textContent]),
  text: [...el.childNodes].filter((n) => n.nodeType === 3 || n.tagName === 'TIME')
    .map((n) => n.textContent).join(''),
  // A past event's page and its tag-page card have none: nothing for portal.js to change.
  ends: (el.closest('[data-ends]') || document.querySelector('[data-ends]'))?.getAttribute('data-ends'),
}));
"""

LABEL = re.compile(r"(?:(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日（[日月火水木金土]）)?(?:(\d{1,2})時(?:(\d{1,2})分)?)?")


def said(text, before):
    """The day (and time) a piece of the label names, its year and day taken from the piece
    before it when it does not say them (「15時」, 「12月24日（木）」)."""
    m = LABEL.fullmatch(text)
    assert m and text, f"not a date: {text!r}"
    year, month, day, hour, minute = m.groups()
    if month:
        day = datetime.date(int(year) if year else before.year, int(month), int(day))
    else:
        day = before
    if hour is None:
        return day, None
    return day, datetime.datetime(day.year, day.month, day.day, int(hour), int(minute or 0), tzinfo=JAPAN)


def check_holder(fact, where):
    times = fact["times"]
    assert 1 <= len(times) <= 2, (where, fact)
    before = None
    for iso, text in times:
        day, at = said(text, before)
        if at is None:
            assert iso == day.isoformat(), (where, iso, text)
        else:
            assert datetime.datetime.fromisoformat(iso) == at, (where, iso, text)
        before = day
    # The words around the pieces: から between, まで after the end.
    expected = times[0][1] if len(times) == 1 else f"{times[0][1]}から{times[1][1]}まで"
    assert fact["text"].startswith(expected), (where, fact)
    if not fact["ends"]:
        return 0
    ends = datetime.datetime.fromisoformat(fact["ends"])
    last, _ = times[-1]
    if "T" in last:
        if len(times) == 2:
            assert datetime.datetime.fromisoformat(last) == ends, (where, fact)
    else:
        assert datetime.date.fromisoformat(last) + datetime.timedelta(days=1) == ends.date(), (where, fact)
    return 1


def ax_texts(driver, element):
    """The texts the accessibility tree gives under `element`, in order, and the names of the
    nodes that are not text (a <time> named would be read a second time)."""
    driver.execute_cdp_cmd("Accessibility.enable", {})
    obj = driver.execute_cdp_cmd("Runtime.evaluate", {"expression": "window.__holder"})["result"]["objectId"]
    backend = driver.execute_cdp_cmd("DOM.describeNode", {"objectId": obj})["node"]["backendNodeId"]
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    root = next(n for n in nodes if n.get("backendDOMNodeId") == backend)
    texts, names = [], []

    def walk(node):
        if node.get("ignored"):
            return
        role = node.get("role", {}).get("value")
        name = node.get("name", {}).get("value", "")
        if role == "StaticText":
            texts.append(name)
            return
        if node is not root and name:
            names.append((role, name))
        for child in node.get("childIds", []):
            if child in by_id:
                walk(by_id[child])

    walk(root)
    return texts, names


def pages(site_dir):
    events = sorted(p.parent.name for p in (site_dir / "events").glob("*/index.html")
                    if (p.parent / "event.ics").exists())
    assert events, "expected the shipped content's events"
    tagged = [p for p in sorted((site_dir / "tags").glob("*/index.html"))
              if "data-ends=" in p.read_text(encoding="utf-8")]
    initiative = next(p for p in sorted((site_dir / "initiatives").glob("*/index.html"))
                      if "data-ends=" in p.read_text(encoding="utf-8"))
    return (["/events/", "/", "/fields/business/", f"/initiatives/{initiative.parent.name}/"]
            + [f"/tags/{p.parent.name}/" for p in tagged[:1]] + [f"/events/{e}/" for e in events])


def test_each_time_says_what_its_text_says(driver, server, site_dir):
    ranges = ended = 0
    for path in pages(site_dir):
        load(driver, server + path)
        holders = driver.execute_script(HOLDERS)
        facts = driver.execute_script(FACTS_JS, holders)
        assert facts, f"{path}: no event dates"
        for fact in facts:
            ended += check_holder(fact, path)
            ranges += len(fact["times"]) == 2
    # The shipped events have ranges (over hours, over days), and most say when they end.
    assert ranges > 0 and ended > 0


def test_a_screen_reader_hears_the_label_as_before(driver, server, site_dir):
    for path in ["/events/", "/events/dx-panel-exhibition-2027/", "/events/civic-tech-hackathon/"]:
        load(driver, server + path)
        holders = driver.execute_script(HOLDERS)
        facts = driver.execute_script(FACTS_JS, holders)
        for element, fact in zip(holders, facts):
            driver.execute_script("window.__holder = arguments[0];", element)
            texts, names = ax_texts(driver, element)
            pieces = [t for _, t in fact["times"]]
            if len(pieces) == 2:
                # What follows まで (the hours, 「（会場で参加）」) is in the same text.
                assert texts[:3] == [pieces[0], "から", pieces[1]], (path, texts)
                assert texts[3].startswith("まで"), (path, texts)
            else:
                assert texts[0] == pieces[0], (path, texts)
            # Read as one label: the <time> elements add no name of their own.
            assert not [n for n in names if n[0] == "time"], (path, names)
            # Word for word the element's own text (a 日時's hours, a <p> after it, follow).
            assert "".join(texts).startswith(fact["text"]), (path, texts, fact)


def test_the_facts_lists_start_where_the_other_values_do(driver, server):
    """On a wide screen 参加しやすくするための配慮's list (no bullets) started 20 px right of the
    other facts' values; on a phone it was already flush."""
    from test_browser_a11y import reset_viewport, set_viewport

    try:
        for width in (1280, 390):
            set_viewport(driver, width)
            load(driver, server + "/events/senior-smartphone-class/")
            lefts = driver.execute_script(
                "return [...document.querySelectorAll('.facts dd')].map((dd) => [dd.getBoundingClientRect().left,"
                " dd.querySelector(':scope > ul') && dd.querySelector(':scope > ul > li').getBoundingClientRect().left]);")
            lists = [(dd, li) for dd, li in lefts if li is not None]
            assert lists, lefts
            assert all(abs(dd - li) < 1 for dd, li in lists), (width, lefts)
    finally:
        reset_viewport(driver)
