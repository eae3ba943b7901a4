"""`portal serve`'s panel and error overlay on a phone, in a real browser (headless Chromium).

Writers preview on phones (`portal serve --host 0.0.0.0`). At 375 × 812 px the panel of what
lint and check say covered most of the page when open (up to 60 % of the screen, and all of it
with the text at 200 %), and a failed build covered all of it: the writer could not see the page
the problems are about. These tests run the real `portal serve --port 0` on a page with errors
and warnings, emulate a 375 px phone and prove:

- closed, the panel is a one-line bar (エラー…件・警告…件 first) and the page has room below its
  end as tall as the bar, so nothing of the page stays under it;
- open, it is at most 45 % of the screen high, the list scrolls inside it (and a keyboard can
  reach it to scroll it), the page's heading is visible above it and the page still scrolls;
- the keyboard reaches the bar in the page's Tab order, Enter and Space open and close it, Esc
  closes it from inside and puts focus back on the bar, Tab and Shift+Tab leave it (no trap);
- it says how many problems there are in a polite live region; axe-core finds nothing, closed
  or open; nothing in the console (a Content-Security-Policy violation would be there);
- a page reloaded after a save shows the panel as the writer left it;
- a failed build's errors are a sheet at the bottom no higher than 45 % of the screen, not
  modal, and Esc closes them.
"""
import re
import time

import pytest

from test_browser_a11y import axe_source, format_violations, run_axe, set_viewport
from test_serve import PAGE, served_in_browser, wait_until, work  # noqa: F401 (work is a fixture)

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 375, 812
URL = "/initiatives/ai-disaster/"

PANEL_JS = """
const panel = document.getElementById('portal-lint');
const toggle = panel.querySelector('button.portal-lint-toggle');
const body = document.getElementById(toggle.getAttribute('aria-controls'));
const box = (el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height, width: r.width}; };
const a = document.activeElement;
return {
  panel: box(panel), toggle: box(toggle), expanded: toggle.getAttribute('aria-expanded'),
  bodyShown: !body.hidden && body.getClientRects().length > 0,
  bodyScroll: {height: body.scrollHeight, client: body.clientHeight, top: body.scrollTop, tabIndex: body.tabIndex},
  kinds: panel.querySelector('.portal-lint-kinds').innerText,
  room: parseFloat(getComputedStyle(document.body).paddingBottom),
  h1: box(document.querySelector('h1')),
  scrollY: scrollY, innerHeight: innerHeight,
  scrollWidth: document.documentElement.scrollWidth,
  focus: {inPanel: panel.contains(a), isToggle: a === toggle, isBody: a === body, tag: a.tagName},
  status: (panel.querySelector('[role="status"]') || {}).textContent || '',
};
"""


def panel_info(driver):
    return driver.execute_script(PANEL_JS)


def press(driver, *keys):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def shift_tab(driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def problems_on_the_page(work):
    """A sentence too long (lint: warnings) and a link to a heading that is not there (check:
    an error), three times over: more than fits in 40 % of a phone's screen."""
    source = work / "content" / PAGE
    long = "県の取組を説明する長い文が続き" * 10 + "ます。"
    anchor = "[基本の考え方](../strategy/basics.md#ないみだし)を読みます。"
    source.write_text(source.read_text(encoding="utf-8") + ("\n" + long + "\n\n" + anchor + "\n") * 3,
                      encoding="utf-8")
    return source


def test_the_panel_on_a_phone_leaves_the_page_readable(work):
    problems_on_the_page(work)
    with served_in_browser(work) as (server, driver):
        from selenium.webdriver.common.keys import Keys

        axe_js = axe_source()
        set_viewport(driver, WIDTH, HEIGHT)
        driver.get(server.base + URL)
        wait_until(lambda: driver.find_elements("id", "portal-lint"), what="the panel")
        time.sleep(0.3)

        # Closed: one line at the bottom, the counts first, the page with room below its end.
        info = panel_info(driver)
        assert info["expanded"] == "false" and not info["bodyShown"], info
        assert re.fullmatch(r"エラー\d+件・警告\d+件", info["kinds"]), info["kinds"]
        assert info["panel"]["height"] <= 60, f"the closed bar is {info['panel']['height']:.0f} px high"
        assert info["panel"]["bottom"] == pytest.approx(HEIGHT, abs=1) and info["panel"]["width"] == WIDTH
        assert info["room"] >= info["panel"]["height"], info
        assert info["scrollWidth"] <= WIDTH, info
        # Scrolled to the end, the page's last line is above the bar, not under it.
        driver.execute_script("scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})")
        last = driver.execute_script(
            "const f = [...document.querySelectorAll('footer *')].filter((e) => e.getClientRects().length).pop();"
            "return f.getBoundingClientRect().bottom")
        assert last <= panel_info(driver)["panel"]["top"] + 0.5, "the page's end stays under the bar"
        driver.execute_script("scrollTo({top: 0, behavior: 'instant'})")

        # The live region has said how many, politely.
        wait_until(lambda: panel_info(driver)["status"], what="the live region's words")
        assert re.search(r"\d+件", panel_info(driver)["status"])
        assert driver.execute_script(
            "return document.querySelector('#portal-lint [role=status]').getAttribute('aria-live')") in (None, "polite")

        result = run_axe(driver, axe_js)
        assert not result.get("violations"), "closed:\n" + format_violations(result["violations"])

        # The keyboard reaches the bar after the page's last link, in the page's Tab order.
        driver.execute_script(
            "const links = [...document.querySelectorAll('footer a')]; links[links.length - 1].focus()")
        press(driver, Keys.TAB)
        assert panel_info(driver)["focus"]["isToggle"], panel_info(driver)["focus"]
        press(driver, Keys.ENTER)
        info = panel_info(driver)
        assert info["expanded"] == "true" and info["bodyShown"], info
        assert info["panel"]["height"] <= 0.45 * HEIGHT, f"open, the panel is {info['panel']['height']:.0f} px high"
        assert info["room"] >= info["panel"]["height"] - 1, info
        # The page is visible and scrolls above it.
        assert info["h1"]["bottom"] <= info["panel"]["top"], info
        driver.execute_script("scrollBy({top: 200, behavior: 'instant'})")
        assert panel_info(driver)["scrollY"] > 0, "the page does not scroll with the panel open"
        driver.execute_script("scrollTo({top: 0, behavior: 'instant'})")
        # The list scrolls inside the panel, and Tab reaches it so the keyboard can scroll it.
        scroll = info["bodyScroll"]
        assert scroll["height"] > scroll["client"] > 0 and scroll["tabIndex"] == 0, scroll
        press(driver, Keys.TAB)
        assert panel_info(driver)["focus"]["isBody"], panel_info(driver)["focus"]
        # Measured after the focus moved: on a busy machine the page could still be settling
        # from the scrolls above (CI once saw 33 px), which is not what Page Down did.
        time.sleep(0.3)
        before = panel_info(driver)["scrollY"]
        press(driver, Keys.PAGE_DOWN)
        wait_until(lambda: panel_info(driver)["bodyScroll"]["top"] > 0, timeout=5, what="the list to scroll")
        time.sleep(0.3)
        assert panel_info(driver)["scrollY"] == before, "the page scrolled instead of the list"

        result = run_axe(driver, axe_js)
        assert not result.get("violations"), "open:\n" + format_violations(result["violations"])

        # Esc from inside closes it and puts focus back on the bar.
        press(driver, Keys.ESCAPE)
        info = panel_info(driver)
        assert info["expanded"] == "false" and not info["bodyShown"] and info["focus"]["isToggle"], info
        assert info["panel"]["height"] <= 60
        # Space opens and closes it; Shift+Tab leaves it for the page (nothing is trapped).
        press(driver, Keys.SPACE)
        assert panel_info(driver)["expanded"] == "true"
        press(driver, Keys.SPACE)
        assert panel_info(driver)["expanded"] == "false"
        shift_tab(driver)
        focus = panel_info(driver)["focus"]
        assert not focus["inPanel"] and focus["tag"] == "A", focus

        # Left open, the panel is open again after a reload (a save reloads the page).
        driver.execute_script("document.querySelector('#portal-lint button').click()")
        driver.refresh()
        wait_until(lambda: driver.find_elements("id", "portal-lint"), what="the panel after a reload")
        info = panel_info(driver)
        assert info["expanded"] == "true" and info["bodyShown"], info
        assert not info["focus"]["inPanel"], "the panel took focus on its own"

        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        assert errors == []


def test_a_failed_build_on_a_phone_leaves_the_page_readable(work):
    with served_in_browser(work) as (server, driver):
        from selenium.webdriver.common.keys import Keys

        set_viewport(driver, WIDTH, HEIGHT)
        driver.get(server.base + URL)
        time.sleep(1)
        source = work / "content" / PAGE
        source.write_text(source.read_text(encoding="utf-8").replace("status: active", "status: actve"),
                          encoding="utf-8")
        overlay = wait_until(lambda: driver.find_elements("id", "portal-live-overlay"), what="the error overlay")[0]
        assert re.search(r"ai-disaster\.md:\d+:\d+", overlay.text), overlay.text
        box = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height}",
            overlay)
        assert box["height"] <= 0.45 * HEIGHT and box["bottom"] == pytest.approx(HEIGHT, abs=1), box
        h1 = driver.execute_script("return document.querySelector('h1').getBoundingClientRect().bottom")
        assert h1 <= box["top"], "the page's heading is under the errors"
        # Not modal (nothing traps focus, the page stays usable); its close button has focus
        # and is visible; Esc closes it.
        assert overlay.get_attribute("aria-modal") in (None, "false")
        active = driver.switch_to.active_element
        assert active.text == "閉じる" and active.is_displayed()
        press(driver, Keys.ESCAPE)
        assert not driver.find_elements("id", "portal-live-overlay")
