"""`portal serve`'s panel and error overlay follow the writer's dark setting, in real Chromium.

The site's theme turns dark when the device is set to dark (test_dark_scheme_browser.py); the
panel of what lint and check say and the overlay of a failed build stayed light over the dark
page, a bright patch for a writer who set dark because bright screens hurt. This test runs the
real `portal serve --port 0` on a page with lint findings, emulates `prefers-color-scheme: dark`
through the DevTools protocol (reset afterwards), opens the panel, breaks the build so the
overlay shows, and proves for both, in the dark and without the setting:

- their background is dark in the dark (light without it) and their text the opposite;
- axe-core's color-contrast rule finds nothing in them (and did check some text there);
- the edges of their controls stand out at 3:1 at least, the focused control's outline too;
- the theme's button colours do not leak into 閉じる (the theme's dark buttons are light blue).
"""
from contextlib import contextmanager

import pytest

from test_browser_a11y import axe_source, format_violations, set_viewport
from test_dark_scheme_browser import COLOURS_JS
from test_serve import PAGE, served_in_browser, wait_until, work  # noqa: F401 (work is a fixture)
from test_serve_panel_browser import problems_on_the_page

pytestmark = pytest.mark.browser

URL = "/initiatives/ai-disaster/"


@contextmanager
def scheme(driver, value):
    """The writer's setting `prefers-color-scheme: value`, the browser's own again afterwards."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": value}]})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


def contrast_in(driver, axe_js, selector):
    """axe-core's color-contrast rule on `selector` alone: its violations and how many nodes
    passed (so a check of nothing does not pass)."""
    driver.execute_script(axe_js)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run({include: [arguments[0]]}, {runOnly: {type: 'rule', values: ['color-contrast']}})"
        ".then(r => done({violations: r.violations,"
        " passed: r.passes.reduce((n, p) => n + p.nodes.length, 0)}))"
        ".catch(e => done({error: String(e)}));",
        selector)
    assert "error" not in result, f"axe failed to run: {result.get('error')}"
    return result


# The colours of the panel (its bar focused) or the overlay's box (閉じる focused), with the
# ratios of their edges and of the focus outline to what is behind them.
LOOK_JS = COLOURS_JS + """
const [box, control, focus] = arguments;
const b = getComputedStyle(box), c = getComputedStyle(control);
const f = document.activeElement === focus && focus.matches(':focus-visible') && getComputedStyle(focus);
const edge = box.classList.contains('portal-lint') ? b.borderTopColor : c.borderTopColor;
return {
  background: b.backgroundColor, backgroundLum: lum(b.backgroundColor), textLum: lum(b.color),
  text: ratio(b.color, b.backgroundColor),
  controlBackground: c.backgroundColor, controlLum: lum(behind(control)),
  edge: ratio(edge, b.backgroundColor),
  outline: f ? {style: f.outlineStyle, width: parseFloat(f.outlineWidth),
                ratio: ratio(f.outlineColor, behind(focus)), box: ratio(f.outlineColor, b.backgroundColor)} : null,
};
"""


def look(driver, box, control, focus):
    return driver.execute_script(LOOK_JS, box, control, focus)


def assert_readable(driver, axe_js, selector, box, control, focus, dark, what):
    info = look(driver, box, control, focus)
    setting = "dark" if dark else "light"
    if dark:
        assert info["backgroundLum"] < 0.05 and info["textLum"] > 0.6, f"{what} is not dark in the dark: {info}"
        assert info["controlLum"] < 0.1, f"{what}'s control takes the theme's colours: {info}"
    else:
        assert info["backgroundLum"] > 0.8 and info["textLum"] < 0.05, f"{what} is not light without the setting: {info}"
    assert info["text"] >= 7, f"{what}'s text is {info['text']:.1f}:1 ({setting})"
    assert info["edge"] >= 3, f"{what}'s edge is {info['edge']:.1f}:1 ({setting})"
    outline = info["outline"]
    assert outline and outline["style"] != "none" and outline["width"] >= 2, f"no focus outline on {what}: {info}"
    assert min(outline["ratio"], outline["box"]) >= 3, f"{what}'s focus outline ({setting}): {outline}"
    result = contrast_in(driver, axe_js, selector)
    assert result["passed"] > 0, f"axe checked no text in {what}"
    assert not result["violations"], f"{what} ({setting}):\n" + format_violations(result["violations"])


def test_the_panel_and_the_overlay_follow_the_dark_setting(work):
    problems_on_the_page(work)
    with served_in_browser(work) as (server, driver):
        axe_js = axe_source()
        set_viewport(driver, 1280, 900)
        with scheme(driver, "dark"):
            driver.get(server.base + URL)
            wait_until(lambda: driver.find_elements("id", "portal-lint"), what="the panel")
            page = driver.execute_script(COLOURS_JS + "return lum(getComputedStyle(document.body).backgroundColor)")
            assert page < 0.05, "the theme's page is not dark: the emulation did not apply"
            panel = driver.find_element("id", "portal-lint")
            toggle = panel.find_element("css selector", "button.portal-lint-toggle")
            driver.execute_script("arguments[0].click(); arguments[0].focus()", toggle)
            wait_until(lambda: toggle.get_attribute("aria-expanded") == "true", what="the panel to open")
            assert_readable(driver, axe_js, "#portal-lint", panel, toggle, toggle, True, "the panel")
        assert_readable(driver, axe_js, "#portal-lint", panel, toggle, toggle, False, "the panel")

        source = work / "content" / PAGE
        source.write_text(source.read_text(encoding="utf-8").replace("status: active", "status: actve"),
                          encoding="utf-8")
        overlay = wait_until(lambda: driver.find_elements("id", "portal-live-overlay"), what="the error overlay")[0]
        box = overlay.find_element("css selector", ".portal-live-box")
        close = overlay.find_element("css selector", "button.portal-live-close")
        assert_readable(driver, axe_js, "#portal-live-overlay", box, close, close, False, "the overlay")
        with scheme(driver, "dark"):
            assert_readable(driver, axe_js, "#portal-live-overlay", box, close, close, True, "the overlay")
