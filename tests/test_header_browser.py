"""The site header on a phone with large text, in a real browser (headless Chromium + Selenium).

At 375 × 812 px with the text at 200 % the header took 460 px (the menu on two rows, the search
box and its button on two more), so the first screen of a page showed almost nothing of it.
Where the menu would not fit on one row, the header is compact: the menu folds behind a
disclosure button メニュー, the search box and its button share a row. These tests prove:

- at 375 px with text at 200 % (the page's own font size, and Chrome's text size setting) the
  header takes at most 35 % of the screen, at 320 px at most 30 % (it took 290 px, 36 %, when
  ふりがな and メニュー had a row each); at both nothing overlaps, is clipped or scrolls
  sideways, every control is 44 px tall, and the two buttons share a row;
- the button opens and closes the menu from the keyboard (Enter, Space), says so in
  `aria-expanded`, Tab goes on into the opened menu and out of it (no trap), Esc closes it and
  puts focus back on the button; closed, the menu's links are not displayed at all;
- axe-core finds nothing with the menu open or closed;
- without JavaScript there is no button and the whole menu is shown; at 1280 px and at 100 %
  text on a phone the header is as before (no button, the menu on one row); printed, no button.
"""
import pytest

from conftest import large_text, normal_text
from test_browser_a11y import (_ruby_page, format_violations, load, reset_viewport, run_axe,
                               set_viewport)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

SCREEN = 812


@pytest.fixture
def pages(site_dir, server, page_types):
    """A page with furigana (the ふりがな button shows there), a page with the header's search
    box, and the home and search pages (their search box is their own)."""
    urls = dict(page_types)
    ruby = _ruby_page(site_dir, server)
    found = [(server + urls[name], False) for name in ("initiative", "home", "search")]
    return ([(ruby, True)] if ruby else []) + found


HEADER_JS = """
const header = document.querySelector('header.site-header');
const shown = (el) => el.getClientRects().length > 0;
const box = (el) => { const r = el.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
const controls = [...header.querySelectorAll('a, button, input')].filter(shown);
const toggle = header.querySelector('button.menu-toggle');
return {
  height: header.getBoundingClientRect().height,
  viewport: innerWidth,
  scrollWidth: document.documentElement.scrollWidth,
  controls: controls.map((el) => ({name: (el.textContent.trim() || el.getAttribute('name') || el.tagName),
    box: box(el), clipped: el.tagName !== 'INPUT' && el.scrollWidth > el.clientWidth + 1})),
  toggle: toggle && shown(toggle),
  expanded: toggle && toggle.getAttribute('aria-expanded'),
  menuLinks: [...header.querySelectorAll('nav.site-nav a')].filter(shown).length,
  navDisplay: getComputedStyle(header.querySelector('nav.site-nav')).display,
  ruby: (() => { const b = header.querySelector('.ruby-toggle'); return !!b && shown(b); })(),
};
"""


def overlaps(a, b):
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5)


def layout_problems(info):
    """Controls that overlap one another, stick out of the screen, are clipped or are less
    than 44 px tall, and sideways scrolling."""
    problems = []
    if info["scrollWidth"] > info["viewport"]:
        problems.append(f"scrolls sideways: {info['scrollWidth']} > {info['viewport']}")
    controls = info["controls"]
    for i, c in enumerate(controls):
        b = c["box"]
        if b["left"] < -0.5 or b["right"] > info["viewport"] + 0.5:
            problems.append(f"{c['name']} sticks out of the screen: {b}")
        if c["clipped"]:
            problems.append(f"{c['name']}'s text is clipped")
        if b["height"] < 44 and c["name"] != "千葉県DXポータル" or b["height"] < 24:
            problems.append(f"{c['name']} is {b['height']:.0f} px tall")
        for d in controls[i + 1:]:
            if overlaps(b, d["box"]):
                problems.append(f"{c['name']} overlaps {d['name']}")
    return problems


@pytest.mark.parametrize("how", ["page", "chrome"])
@pytest.mark.parametrize("width", [375, 320])
def test_large_text_on_a_phone_gets_a_compact_header(driver, pages, width, how):
    set_viewport(driver, width, SCREEN)
    try:
        for url, has_furigana in pages:
            load(driver, url)
            large_text(driver, how)
            info = driver.execute_script(HEADER_JS)
            where = f"{url} at {width} px, text at 200 % ({how})"
            assert not layout_problems(info), where + ":\n" + "\n".join(layout_problems(info))
            share = 0.35 if width == 375 else 0.30
            assert info["height"] <= share * SCREEN, f"{where}: the header is {info['height']:.0f} px"
            assert info["toggle"] and info["expanded"] == "false", where
            # Closed, the menu is not there for anyone (not merely off screen).
            assert info["navDisplay"] == "none" and info["menuLinks"] == 0, where
            if has_furigana:
                assert info["ruby"], f"{where}: the ふりがな button is not shown"
                boxes = {c["name"]: c["box"] for c in info["controls"]}
                ruby, menu = boxes["ふりがな"], boxes["メニュー"]
                assert abs(ruby["top"] - menu["top"]) < 1, (
                    f"{where}: ふりがな and メニュー take a row each: {ruby}, {menu}")
            # Opened, the menu's links fit as well.
            driver.find_element("css selector", "button.menu-toggle").click()
            opened = driver.execute_script(HEADER_JS)
            assert opened["expanded"] == "true" and opened["menuLinks"] >= 5, where
            assert not layout_problems(opened), where + " (menu open):\n" + "\n".join(layout_problems(opened))
            normal_text(driver)
    finally:
        normal_text(driver)
        reset_viewport(driver)


def focus_info(driver):
    return driver.execute_script("""
        const a = document.activeElement;
        const s = getComputedStyle(a);
        return {cls: a.className, tag: a.tagName, text: a.textContent.trim(),
                inMenu: !!a.closest('nav.site-nav'), outline: s.outlineStyle + ' ' + s.outlineWidth,
                shadow: s.boxShadow, background: s.backgroundColor};
    """)


def test_the_menu_opens_and_closes_from_the_keyboard(driver, page_types, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(key):
        ActionChains(driver).send_keys(key).perform()

    set_viewport(driver, 375, SCREEN)
    try:
        load(driver, server + dict(page_types)["initiative"])
        large_text(driver, "page")
        for _ in range(6):
            press(Keys.TAB)
            if "menu-toggle" in focus_info(driver)["cls"]:
                break
        focused = focus_info(driver)
        assert "menu-toggle" in focused["cls"], f"Tab never reached the menu button: {focused}"
        assert focused["text"] == "メニュー"
        # A focus ring: the theme's yellow and black ring on buttons.
        assert focused["outline"].startswith("solid") and focused["shadow"] != "none", focused
        button = driver.switch_to.active_element
        assert button.get_attribute("aria-expanded") == "false"
        menu = driver.find_element("id", button.get_attribute("aria-controls"))
        assert menu.tag_name == "nav" and menu.get_attribute("aria-label") == "メインメニュー"
        assert not menu.is_displayed()
        size = button.size
        assert size["height"] >= 44 and size["width"] >= 44, size

        press(Keys.ENTER)
        assert button.get_attribute("aria-expanded") == "true"
        assert menu.is_displayed()
        links = [a for a in menu.find_elements("css selector", "a") if a.is_displayed()]
        assert [a.text for a in links][:5] == ["戦略", "分野", "取組", "イベント", "用語集"]
        info = driver.execute_script(HEADER_JS)
        assert not layout_problems(info), "\n".join(layout_problems(info))

        # Tab goes into the menu, through it and out of it: nothing is trapped.
        seen = []
        for _ in range(len(links) + 1):
            press(Keys.TAB)
            seen.append(focus_info(driver))
        assert [f["text"] for f in seen[:len(links)]] == [a.text for a in links], seen
        assert not seen[-1]["inMenu"] and seen[-1]["tag"] == "INPUT", seen[-1]

        # Esc from a link inside the menu closes it and puts focus back on the button.
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        assert focus_info(driver)["inMenu"]
        press(Keys.ESCAPE)
        assert button.get_attribute("aria-expanded") == "false"
        assert not menu.is_displayed()
        assert "menu-toggle" in focus_info(driver)["cls"]

        # Space opens and closes it too, and so does Esc on the button itself.
        press(Keys.SPACE)
        assert button.get_attribute("aria-expanded") == "true" and menu.is_displayed()
        press(Keys.SPACE)
        assert button.get_attribute("aria-expanded") == "false" and not menu.is_displayed()
        press(Keys.ENTER)
        press(Keys.ESCAPE)
        assert button.get_attribute("aria-expanded") == "false" and not menu.is_displayed()
        assert "menu-toggle" in focus_info(driver)["cls"]

        # A click works as well, and the chosen link leads to its page.
        button.click()
        target = links[0].get_attribute("href")
        links[0].click()
        assert driver.current_url == target
    finally:
        reset_viewport(driver)


@pytest.mark.parametrize("page_type", ["initiative", "home"])
def test_axe_with_the_menu_open_and_closed(driver, axe_js, page_types, server, page_type):
    set_viewport(driver, 375, SCREEN)
    try:
        load(driver, server + dict(page_types)[page_type])
        large_text(driver, "page")
        for state in ("closed", "open"):
            if state == "open":
                driver.find_element("css selector", "button.menu-toggle").click()
            expanded = driver.find_element("css selector", "button.menu-toggle").get_attribute("aria-expanded")
            assert expanded == ("true" if state == "open" else "false")
            result = run_axe(driver, axe_js)
            assert "error" not in result, result.get("error")
            assert not result["violations"], (
                f"menu {state} on {page_type}:\n{format_violations(result['violations'])}")
    finally:
        reset_viewport(driver)


def test_without_javascript_the_whole_menu_is_shown(driver_nojs, page_types, server):
    d = driver_nojs
    set_viewport(d, 375, SCREEN)
    try:
        load(d, server + dict(page_types)["initiative"])
        large_text(d, "chrome")
        info = d.execute_script(HEADER_JS)
        assert not info["toggle"], "a メニュー button that cannot work is shown without JavaScript"
        assert info["navDisplay"] != "none" and info["menuLinks"] >= 5, info
        assert not layout_problems(info), "\n".join(layout_problems(info))
    finally:
        normal_text(d)
        reset_viewport(d)


@pytest.mark.parametrize("width", [1280, 375, 320])
def test_with_room_the_header_is_as_before(driver, page_types, server, width):
    """Where the menu fits on one row (a desktop, a phone at 100 % text) there is no button and
    the menu is shown; printed, neither the menu nor the button is."""
    set_viewport(driver, width, SCREEN)
    try:
        load(driver, server + dict(page_types)["initiative"])
        info = driver.execute_script(HEADER_JS)
        assert not info["toggle"] and info["menuLinks"] >= 5, info
        rows = {round(c["box"]["top"]) for c in info["controls"] if c["name"] in ("戦略", "用語集")}
        assert len(rows) == 1, f"the menu wraps at {width} px"
        assert info["height"] <= (130 if width == 1280 else 180), info["height"]
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            printed = driver.execute_script(HEADER_JS)
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        assert not printed["toggle"] and printed["menuLinks"] == 0
    finally:
        reset_viewport(driver)
