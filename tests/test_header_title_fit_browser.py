"""The header's first row by what fits, for any site's title, in a real browser (headless
Chromium + Selenium).

The title, ふりがな and メニュー share the header's first row by what fits, not by widths tuned
to 千葉県DXポータル: a prefecture with a longer title (鹿児島県デジタル・トランスフォーメーション推進
ポータル, a fixture's site.yml) had its title squeezed to six lines of four or five characters
beside the buttons at 550–600 px with text at 200 % (218 → 343 px, the button shown), and to
five or six lines beside メニュー alone at 430–490 px (302–343 px, 275 with the title on a row
of its own). These tests build the shipped content under that title and measure a field's page
at 280–1280 px with text at 100 %, 150 % and 200 %:

- the title beside the buttons takes at most one line more than on a row of its own (it is
  measured there too, in a copy as wide as the row);
- ふりがな adds no row to a compact header (the page laid out with the button hidden against it
  shown); nothing scrolls sideways from 320 px, sticks out of the screen or overlaps;
- with a desktop's scroll bar (a browser of this module's own that shows it) the header is
  laid out as it is without one at the width the scroll bar leaves: it follows the header's own
  width, so the phone header's end moves from 640 to 655 px at 100 % text, as it should;
- a focused ふりがな button that moves into the closed menu (the window narrowed) hands focus to
  メニュー, and back beside メニュー to the button there (WCAG 2.4.3: focus is not lost).
"""
import shutil

import pytest

from conftest import CONTENT, build_site, serving
from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

SCREEN = 812
LONG_TITLE = "鹿児島県デジタル・トランスフォーメーション推進ポータル"
PAGE = "/fields/crisis-management/"  # a field's page with furigana and the header's search box


def settle(driver):
    """Two frames: portal.js lays the header out again a frame after its width or text changes."""
    driver.execute_async_script(
        "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done))")


def refit(driver, width, height):
    """Makes portal.js measure the header again (a width changed and back), then settles."""
    for w in (width + 1, width):
        set_viewport(driver, w, height)
        settle(driver)


@pytest.fixture(scope="module")
def long_title_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("long-title")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    site_yml = content / "site.yml"
    lines = site_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    titled = [f"title: {LONG_TITLE}\n" if line.startswith("title:") else line for line in lines]
    assert titled != lines, "site.yml has no title line"
    site_yml.write_text("".join(titled), encoding="utf-8")
    out = build_site(content, work / "site")
    assert (out / PAGE.strip("/") / "index.html").is_file(), f"{PAGE} is not built"
    with serving(out) as url:
        yield url


FIT_JS = """
const header = document.querySelector('header.site-header');
const bar = header.querySelector('.header-bar');
const title = bar.querySelector('.site-title');
const shown = (el) => el.getClientRects().length > 0;
const lines = (el) => {
  // The title's text, not the logo beside it.
  const r = document.createRange(); r.selectNodeContents([...el.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim()));
  return new Set([...r.getClientRects()].filter((x) => x.width > 1).map((x) => Math.round(x.top))).size;
};
// The title on a row of its own: a copy as wide as the row's content box, out of sight.
const cs = getComputedStyle(bar);
const copy = title.cloneNode(true);
copy.removeAttribute('href');
copy.setAttribute('aria-hidden', 'true');
Object.assign(copy.style, {position: 'absolute', visibility: 'hidden', left: '0', top: '0', maxWidth: 'none',
  minWidth: '0', width: (bar.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)) + 'px'});
bar.appendChild(copy);
const alone = lines(copy);
copy.remove();
const controls = [...header.querySelectorAll('a, button, input')].filter(shown).map((el) => {
  const r = el.getBoundingClientRect();
  return {name: el.textContent.trim() || el.tagName, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
});
const text = [...title.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim());
return {height: header.getBoundingClientRect().height, lines: lines(title), alone,
  line: parseFloat(getComputedStyle(title).lineHeight), compact: shown(header.querySelector('.menu-toggle')),
  ruby: shown(bar.querySelector('.ruby-toggle')), controls, viewport: innerWidth, client: document.documentElement.clientWidth,
  scrollWidth: document.documentElement.scrollWidth, textRight: Math.max(...[...(() => {
    const r = document.createRange(); r.selectNodeContents(text); return r.getClientRects(); })()].map((x) => x.right)),
  headerRight: header.getBoundingClientRect().right};
"""


def measure(driver, url, width, pct, hidden):
    load(driver, url)
    set_viewport(driver, width, SCREEN)
    driver.execute_script("document.documentElement.style.fontSize = arguments[0] + '%'", pct)
    if hidden:
        driver.execute_script(
            "for (const b of document.querySelectorAll('header button.ruby-toggle')) b.hidden = true")
    refit(driver, width, SCREEN)
    return driver.execute_script(FIT_JS)


def overlaps(a, b):
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5)


def fit_problems(got, width):
    found = []
    if got["lines"] > got["alone"] + 1:
        found.append(f"the title takes {got['lines']} lines beside the buttons, {got['alone']} on a row of its own")
    if width >= 320 and got["scrollWidth"] > got["client"]:
        found.append(f"scrolls sideways: {got['scrollWidth']} > {got['client']}")
    if got["textRight"] > got["headerRight"] + 0.5:
        found.append(f"the title sticks out: {got['textRight']:.0f} > {got['headerRight']:.0f}")
    controls = got["controls"]
    for i, c in enumerate(controls):
        if c["left"] < -0.5 or c["right"] > got["viewport"] + 0.5:
            found.append(f"{c['name']} is off screen: {c['left']:.0f}–{c['right']:.0f}")
        for d in controls[i + 1:]:
            if overlaps(c, d):
                found.append(f"{c['name']} overlaps {d['name']}")
    return found


@pytest.mark.parametrize("pct", [100, 150, 200])
def test_a_long_title_shares_the_row_by_what_fits(driver, long_title_site, pct):
    failures = []
    try:
        for width in (280, 320, 360, 412, 450, 480, 500, 560, 600, 700, 800, 1024, 1280):
            off = measure(driver, long_title_site + PAGE, width, pct, hidden=True)
            on = measure(driver, long_title_site + PAGE, width, pct, hidden=False)
            where = f"{width} px, {pct} %"
            failures += [f"{where}, no ふりがな: {p}" for p in fit_problems(off, width)]
            failures += [f"{where}, ふりがな shown: {p}" for p in fit_problems(on, width)]
            grown = on["height"] - off["height"]
            if on["compact"] and grown >= 44 and grown > on["line"] + 1:
                failures.append(f"{where}: ふりがな adds a row: {off['height']:.0f} → {on['height']:.0f} px")
    finally:
        reset_viewport(driver)
    assert not failures, "\n".join(failures)


@pytest.fixture(scope="module")
def scrollbar_driver():
    """A browser that shows a desktop's scroll bar (the session's hides it)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    import conftest

    opts = webdriver.ChromeOptions()
    opts.binary_location = conftest.CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--lang=ja-JP", "--force-device-scale-factor=1", "--window-size=1280,900"):
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service(executable_path=conftest.CHROMEDRIVER), options=opts)
    d.set_script_timeout(60)
    yield d
    d.quit()


def desktop(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": SCREEN, "deviceScaleFactor": 1, "mobile": False})
    settle(driver)


SHAPE_JS = """
const header = document.querySelector('header.site-header');
const shown = (el) => el.getClientRects().length > 0;
return {height: Math.round(header.getBoundingClientRect().height), width: header.clientWidth,
  bar: innerWidth - document.documentElement.clientWidth,
  compact: shown(header.querySelector('.menu-toggle')),
  rubyInBar: shown(header.querySelector('.header-bar .ruby-toggle'))};
"""


@pytest.mark.parametrize("pct", [100, 200])
def test_with_a_scroll_bar_the_header_follows_its_own_width(driver, scrollbar_driver, server, pct):
    failures = []
    try:
        for width in (500, 520, 560, 640, 650, 660):
            load(scrollbar_driver, server + PAGE)
            desktop(scrollbar_driver, width)
            scrollbar_driver.execute_script("document.documentElement.style.fontSize = arguments[0] + '%'", pct)
            settle(scrollbar_driver)
            with_bar = scrollbar_driver.execute_script(SHAPE_JS)
            assert with_bar["bar"] > 0, f"no scroll bar shown at {width} px: {with_bar}"
            load(driver, server + PAGE)
            desktop(driver, width - with_bar["bar"])
            driver.execute_script("document.documentElement.style.fontSize = arguments[0] + '%'", pct)
            settle(driver)
            without = driver.execute_script(SHAPE_JS)
            same = {k: v for k, v in with_bar.items() if k != "bar"}
            if same != {k: v for k, v in without.items() if k != "bar"}:
                failures.append(f"{width} px with a {with_bar['bar']} px scroll bar: {with_bar}; "
                                f"{width - with_bar['bar']} px without: {without}")
    finally:
        reset_viewport(driver)
        reset_viewport(scrollbar_driver)
    assert not failures, "\n".join(failures)


FOCUS_JS = """
const a = document.activeElement;
return {cls: a.className, inMenu: !!a.closest('nav.site-nav'),
  menuInBar: !!document.querySelector('.site-header.ruby-in-menu')};
"""


def test_a_focused_furigana_button_that_moves_hands_focus_on(driver, server):
    """ふりがな focused at 560 px / 200 % (beside メニュー), the window narrowed to 500 px, where it
    goes into the closed menu: focus moves to メニュー, not to the page's start; opened and
    widened again, focus on the menu's ふりがな comes back to the one beside メニュー."""
    try:
        load(driver, server + PAGE)
        set_viewport(driver, 560, SCREEN)
        driver.execute_script("document.documentElement.style.fontSize = '200%'")
        settle(driver)
        driver.execute_script("document.querySelector('.header-bar button.ruby-toggle').focus()")
        set_viewport(driver, 500, SCREEN)
        settle(driver)
        got = driver.execute_script(FOCUS_JS)
        assert got["menuInBar"] and "menu-toggle" in got["cls"], got
        driver.execute_script("document.querySelector('button.menu-toggle').click();"
                              "document.querySelector('.menu-ruby button.ruby-toggle').focus()")
        got = driver.execute_script(FOCUS_JS)
        assert "ruby-toggle" in got["cls"] and got["inMenu"], got
        set_viewport(driver, 560, SCREEN)
        settle(driver)
        got = driver.execute_script(FOCUS_JS)
        assert "ruby-toggle" in got["cls"] and not got["inMenu"] and not got["menuInBar"], got
    finally:
        reset_viewport(driver)
