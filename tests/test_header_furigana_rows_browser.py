"""The ふりがな button and the header's rows, in a real browser (headless Chromium + Selenium).

Residents with low vision enlarge the text to 200 % and turn on ふりがな. The button shows in
the header on every page with furigana, so the header must not grow a row for it: at 280 px
with text at 200 % it did (311 → 367 px), at 600–768 px with text at 200 % the header was
not in its phone form and the button took a row of its own (346 → 435 px at 640 px), at
475–542 px with text at 200 % and 390–460 px at 150 % it took a row beside a title that fitted
on one line beside メニュー (142 → 194 px, 123 → 173 px). These tests measure the header of
the home page, a field's page and an initiative's page at 280–1280 px, with the text at 100 %,
150 % (the page's own font size) and 200 % (the page's own font size, and Chrome's text size
setting), three ways: the button hidden (laid out as on a page without furigana), shown and on,
shown and off (pressed: the readings hidden). They fail when the button adds a row: the header
grows by a row's height (44 px) or more, and by more than a line of the title (where the
title and the buttons no longer share a row, the title may lose or gain a line: less than a
row). With the button shown the page must not scroll sideways at 320 px and wider (WCAG
1.4.10), every control stays at least 24 px (2.5.8) and on screen, and the button keeps its
name.

Where the button would add a row to a compact header (the buttons fit on no row together, as
at 280 px; or the title fits beside メニュー but not beside both, as at 500 px with text at
200 %), it is in the menu instead (behind メニュー): a test opens the menu there and uses it,
and checks that one ふりがな button shows at a time at every width; another reaches it there
from the keyboard (a focus ring, Space, Esc back to メニュー).
"""
import pytest

from conftest import large_text, normal_text
from test_browser_a11y import load, reset_viewport, set_viewport
from test_header_title_fit_browser import refit, settle

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

SCREEN = 812
ROW = 44  # the header's controls are at least 44 px tall: growing by this much is a row
WIDTHS = [280, 320, 375, 412, 450, 500, 520, 540, 600, 640, 768, 1024, 1280]
TEXT = pytest.mark.parametrize("how", [None, "150", "page", "chrome"],
                               ids=["100%", "150%-page", "200%-page", "200%-chrome"])

MEASURE_JS = """
const [state] = arguments;
const header = document.querySelector('header.site-header');
const buttons = [...header.querySelectorAll('button.ruby-toggle')];
// The one beside メニュー, or (where it would add a row) the one in the menu, which is closed.
const button = buttons.find((b) => b.getClientRects().length > 0) || buttons[buttons.length - 1];
if (state !== 'hidden' && (button.getAttribute('aria-pressed') === 'true') !== (state === 'on')) {
  button.click();
  // A page without furigana has no handler on the button (portal.js leaves it hidden there).
  if (!document.querySelector('ruby')) {
    button.setAttribute('aria-pressed', state === 'on' ? 'true' : 'false');
    document.documentElement.classList.toggle('ruby-off', state === 'off');
  }
}
const shown = (el) => el.getClientRects().length > 0;
const boxes = [...header.querySelectorAll('a, button, input')].filter(shown).map((el) => {
  const r = el.getBoundingClientRect();
  return {name: el.textContent.trim() || el.getAttribute('aria-label') || el.tagName,
          top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};
}).sort((a, b) => a.top - b.top);
// Rows: controls whose boxes overlap from top to bottom share one.
const rows = [];
for (const b of boxes) {
  const row = rows.find((r) => Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 1);
  if (row) { row.top = Math.min(row.top, b.top); row.bottom = Math.max(row.bottom, b.bottom); row.names.push(b.name); }
  else rows.push({top: b.top, bottom: b.bottom, names: [b.name]});
}
return {height: header.getBoundingClientRect().height, rows: rows.map((r) => r.names.join(' + ')),
  line: parseFloat(getComputedStyle(header.querySelector('.site-title')).lineHeight),
  boxes, viewport: innerWidth, scrollWidth: document.documentElement.scrollWidth,
  pressed: button.getAttribute('aria-pressed'), name: button.textContent.trim(),
  inMenu: !!button.closest('nav.site-nav'), buttons: buttons.length,
  rubyOff: document.documentElement.classList.contains('ruby-off')};
"""


def set_text(driver, how):
    """Text at 150 % (the page's own font size) or at 200 % (conftest's large_text)."""
    if how == "150":
        driver.execute_script("document.documentElement.style.fontSize = '150%'")
    elif how:
        large_text(driver, how)
    settle(driver)


@pytest.fixture(scope="module")
def header_pages(page_types, server):
    urls = dict(page_types)
    return [(name, server + urls[name]) for name in ("home", "field", "initiative")]


def measure(driver, url, how, state, width):
    load(driver, url)
    set_text(driver, how)
    if state == "hidden":
        # Laid out as a page without furigana is: portal.js places the header's parts with the
        # button hidden (a width changed and back makes it measure again).
        driver.execute_script(
            "for (const b of document.querySelectorAll('header button.ruby-toggle')) b.hidden = true")
        refit(driver, width, SCREEN)
    return driver.execute_script(MEASURE_JS, state)


def adds_a_row(off, on):
    """The header grew by a row's height or more, and by more than a line of the title."""
    grown = on["height"] - off["height"]
    return grown >= ROW and grown > on["line"] + 1


def problems(name, off, on, state, width):
    found = []
    if adds_a_row(off, on):
        found.append(f"{name}: the button ({state}) adds a row: {off['height']:.0f} → {on['height']:.0f} px, "
                     f"{off['rows']} → {on['rows']}")
    if width >= 320 and on["scrollWidth"] > on["viewport"]:
        found.append(f"{name}: scrolls sideways ({on['scrollWidth']} > {on['viewport']})")
    for b in on["boxes"]:
        if b["height"] < 24 or b["left"] < -0.5 or b["right"] > on["viewport"] + 0.5:
            found.append(f"{name}: {b['name']} is {b['height']:.0f} px tall at {b['left']:.0f}–{b['right']:.0f}")
    if on["name"] != "ふりがな" or on["pressed"] != ("true" if state == "on" else "false"):
        found.append(f"{name}: the button is {on['name']!r}, aria-pressed {on['pressed']} ({state})")
    if on["rubyOff"] != (state == "off"):
        found.append(f"{name}: the readings are {'hidden' if on['rubyOff'] else 'shown'} with the button {state}")
    return found


@TEXT
@pytest.mark.parametrize("width", WIDTHS)
def test_the_furigana_button_adds_no_header_row(driver, header_pages, width, how):
    failures = []
    set_viewport(driver, width, SCREEN)
    try:
        for name, url in header_pages:
            off = measure(driver, url, how, "hidden", width)
            for state in ("on", "off"):
                on = measure(driver, url, how, state, width)
                failures += problems(name, off, on, state, width)
            driver.execute_script("localStorage.clear()")
            normal_text(driver)
    finally:
        driver.execute_script("localStorage.clear()")
        normal_text(driver)
        reset_viewport(driver)
    assert not failures, f"at {width} px, text at {how or '100 %'}:\n" + "\n".join(failures)


MENU_JS = """
const header = document.querySelector('header.site-header');
const menu = header.querySelector('button.menu-toggle');
const shown = (el) => el.getClientRects().length > 0;
const visible = () => [...header.querySelectorAll('button.ruby-toggle')].filter(shown);
const before = visible().length;
const compact = shown(menu);
if (compact) menu.click();
const open = visible();
const b = open[0];
const r = b ? b.getBoundingClientRect() : null;
const hit = r && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
if (b) b.click();
const after = {pressed: visible().map((x) => x.getAttribute('aria-pressed')),
  rubyOff: document.documentElement.classList.contains('ruby-off')};
if (b) b.click();
return {before, compact, open: open.length, inMenu: !!(b && b.closest('nav.site-nav')),
  box: r && {left: r.left, right: r.right, width: r.width, height: r.height}, onTop: !!(b && b.contains(hit)),
  name: b && b.textContent.trim(), after, back: document.documentElement.classList.contains('ruby-off'),
  viewport: innerWidth, scrollWidth: document.documentElement.scrollWidth};
"""


@TEXT
@pytest.mark.parametrize("width", WIDTHS)
def test_one_furigana_button_shows_and_works_beside_or_in_the_menu(driver, site_dir, server, width, how):
    """On a page with furigana: beside メニュー, or in the opened menu where it would add a row
    (at 280 px with text at 200 %: the two buttons fit on no row together; at 500 px: the title
    fits on one line beside メニュー, not beside both); only in a compact header; one button at a
    time, 44 px tall, on screen and on top, and pressing it hides the readings."""
    from test_browser_a11y import _ruby_page

    page = _ruby_page(site_dir, server)
    assert page, "no shipped page has furigana"
    set_viewport(driver, width, SCREEN)
    try:
        load(driver, page)
        driver.execute_script("localStorage.clear()")
        load(driver, page)
        set_text(driver, how)
        got = driver.execute_script(MENU_JS)
    finally:
        driver.execute_script("localStorage.clear()")
        normal_text(driver)
        reset_viewport(driver)
    where = f"at {width} px, text at {how or '100 %'}: {got}"
    assert got["open"] == 1, f"{got['open']} ふりがな buttons shown, with the menu open, {where}"
    assert got["before"] == (0 if got["inMenu"] else 1), f"the header's own button, {where}"
    if got["inMenu"]:
        assert got["compact"], f"in the menu with no メニュー to open it, {where}"
    if how in ("page", "chrome") and width in (280, 500, 520):
        assert got["inMenu"], f"the button would add a row beside メニュー, {where}"
    if not how and width >= 640:
        assert not got["compact"] and not got["inMenu"], where
    assert got["name"] == "ふりがな" and got["onTop"], where
    assert got["box"]["height"] >= 44 and got["box"]["left"] >= 0 and got["box"]["right"] <= width + 0.5, where
    assert got["after"] == {"pressed": ["false"], "rubyOff": True} and not got["back"], where
    if width >= 320:
        assert got["scrollWidth"] <= got["viewport"], where


@pytest.mark.parametrize("how", [None, "page"], ids=["100%", "200%-page"])
def test_the_menu_s_furigana_button_from_the_keyboard_at_280(driver, site_dir, server, how):
    """At 280 px: Tab reaches メニュー, Enter opens the menu, Tab reaches ふりがな after the
    menu's links with a visible focus ring, Space turns the readings off, Esc closes the menu
    and puts focus back on メニュー."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from test_browser_a11y import _ruby_page
    from test_header_browser import focus_info

    def press(key):
        ActionChains(driver).send_keys(key).perform()

    page = _ruby_page(site_dir, server)
    set_viewport(driver, 280, SCREEN)
    try:
        load(driver, page)
        driver.execute_script("localStorage.clear()")
        load(driver, page)
        set_text(driver, how)
        driver.execute_script("document.activeElement && document.activeElement.blur()")
        for _ in range(6):
            press(Keys.TAB)
            if "menu-toggle" in focus_info(driver)["cls"]:
                break
        assert "menu-toggle" in focus_info(driver)["cls"], focus_info(driver)
        press(Keys.ENTER)
        seen = []
        for _ in range(12):
            press(Keys.TAB)
            seen.append(focus_info(driver))
            if "ruby-toggle" in seen[-1]["cls"]:
                break
        focused = seen[-1]
        assert "ruby-toggle" in focused["cls"] and focused["inMenu"], seen
        assert all(s["inMenu"] for s in seen), f"left the menu before ふりがな: {seen}"
        # The theme's focus look on the header's buttons: yellow, not the bar's colours.
        assert focused["background"] == "rgb(255, 212, 59)", focused
        press(Keys.SPACE)
        assert driver.execute_script("return document.documentElement.classList.contains('ruby-off')")
        assert driver.execute_script(
            "return document.activeElement.getAttribute('aria-pressed')") == "false"
        press(Keys.ESCAPE)
        assert "menu-toggle" in focus_info(driver)["cls"], focus_info(driver)
        assert driver.execute_script(
            "return document.querySelector('button.menu-toggle').getAttribute('aria-expanded')") == "false"
    finally:
        driver.execute_script("localStorage.clear()")
        normal_text(driver)
        reset_viewport(driver)
