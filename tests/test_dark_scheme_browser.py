"""The dark colour scheme of the default theme in real Chromium, for residents whose phone is set
to dark (many because bright screens hurt: light sensitivity, migraine, low vision).

The reader's setting is emulated through the DevTools protocol (`prefers-color-scheme: dark`)
and reset after each test. The tests prove:

- axe-core (the WCAG 2.0/2.1/2.2 A and AA rules, colour contrast among them) finds nothing on
  every page type at 1280 and 320 px in the dark, nor on a search with its highlighted matches,
  nor on a page with every kind of callout, a table, code, a quotation and an image;
- the page really is dark (the body's background is near black, its text near white), form
  fields and scrollbars follow (`color-scheme`), and without the setting the page is exactly as
  light as before;
- every link and control the keyboard reaches shows its focus in the dark, with its text at
  4.5:1 at least on the focus colour (the trail's links kept their light colour on the
  yellow: 1.2:1);
- a page printed from a dark phone is printed light: black text on white paper.
"""
import base64
import shutil
import struct
import zlib
from contextlib import contextmanager

import pytest

from conftest import CONTENT, build_site, serving
from test_browser_a11y import PAGE_TYPES, format_violations, load, reset_viewport, run_axe, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

WIDTHS = [1280, 320]


@contextmanager
def scheme(driver, value, media=""):
    """The reader's setting `prefers-color-scheme: value` (and `media`, e.g. print), put back to
    the browser's own afterwards so the next test sees what it expects."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": "prefers-color-scheme", "value": value}]})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


# Relative luminance and contrast ratio as WCAG defines them, of computed `rgb()` colours; the
# background behind an element is the first opaque one among it and its ancestors.
COLOURS_JS = """
const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
const lum = (c) => {
  const [r, g, b] = rgb(c).slice(0, 3).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const opaque = (c) => { const v = rgb(c); return v.length === 3 || v[3] === 1; };
const behind = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (opaque(c)) return c;
  }
  return 'rgb(255, 255, 255)';
};
"""


def page_colours(driver):
    return driver.execute_script(COLOURS_JS + """
        const body = getComputedStyle(document.body), root = getComputedStyle(document.documentElement);
        const field = document.querySelector('input[type="search"]');
        return {
          background: body.backgroundColor, text: body.color,
          backgroundLum: lum(body.backgroundColor), textLum: lum(body.color),
          contrast: ratio(body.color, body.backgroundColor),
          colorScheme: root.colorScheme, paper: root.getPropertyValue('--paper').trim(),
          field: field && getComputedStyle(field).backgroundColor,
        };
    """)


def every_colour(driver):
    """The computed colours of every element of the page, to compare two renderings."""
    return driver.execute_script("""
        return [...document.querySelectorAll('body, body *')].map(e => {
          const s = getComputedStyle(e);
          return [e.tagName, e.className, s.color, s.backgroundColor, s.borderTopColor,
                  s.borderLeftColor, s.borderBottomColor, s.outlineColor].join('|');
        });
    """)


def assert_no_violations(driver, axe_js, what):
    result = run_axe(driver, axe_js)
    assert "error" not in result, f"axe failed to run: {result.get('error')}"
    violations = result["violations"]
    assert not violations, (
        f"axe-core {result['version']} found {len(violations)} violation(s) in the dark on "
        f"{what}:\n{format_violations(violations)}")


# ---------------------------------------------------------------- axe in the dark


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_in_the_dark(driver, axe_js, page_types, server, page_type, width):
    urls = dict(page_types)
    if page_type not in urls:
        pytest.fail(f"the built site has no page of type {page_type!r}", pytrace=False)
    set_viewport(driver, width)
    try:
        with scheme(driver, "dark"):
            load(driver, server + urls[page_type])
            assert page_colours(driver)["backgroundLum"] < 0.05, "the page is not dark"
            assert_no_violations(driver, axe_js, f"{page_type} ({urls[page_type]}) at {width} px")
    finally:
        reset_viewport(driver)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_matches_and_furigana_off_pass_axe_in_the_dark(driver, axe_js, server, width):
    """The highlighted matches (`mark`) of a search, and the header's ふりがな button in both
    of its states."""
    from selenium.webdriver.support.ui import WebDriverWait

    set_viewport(driver, width)
    try:
        with scheme(driver, "dark"):
            load(driver, server + "/search/?q=" + "デジタル")
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return document.querySelectorAll('#search-results mark').length"))
            assert_no_violations(driver, axe_js, f"a search for デジタル at {width} px")
            ruby = driver.execute_script(
                "const a = [...document.querySelectorAll('#search-results h3 a')]"
                ".find(a => a.querySelector('ruby')); return a && a.href;")
            if ruby:
                load(driver, ruby)
                driver.execute_script("document.querySelector('.ruby-toggle').click()")
                assert driver.execute_script(
                    "return document.querySelector('.ruby-toggle').getAttribute('aria-pressed')") == "false"
                assert_no_violations(driver, axe_js, f"{ruby} with furigana off at {width} px")
                driver.execute_script("document.querySelector('.ruby-toggle').click()")
    finally:
        driver.execute_script("localStorage.clear()")
        reset_viewport(driver)


def transparent_png(size=24):
    """A black cross on a transparent square: a diagram that vanishes on a dark page unless
    the theme puts a light backing behind images."""
    rows = b""
    for y in range(size):
        rows += b"\0" + b"".join(
            b"\0\0\0\xff" if abs(x - size // 2) < 2 or abs(y - size // 2) < 2 else b"\0\0\0\0"
            for x in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def sampler_site(tmp_path_factory):
    """The shipped content and a page about the site with what a writer can put in a body:
    every kind of callout, a table, code, a quotation, a task list and an image."""
    work = tmp_path_factory.mktemp("dark-sampler")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    (content / "files").mkdir(exist_ok=True)
    (content / "files" / "cross.png").write_bytes(transparent_png())
    callouts = "\n\n".join(
        f"> [!{kind}] {label}の例\n> {label}の本文です。[分野の一覧](/fields/)もあります。"
        for kind, label in [("NOTE", "補足"), ("TIP", "ヒント"), ("重要", "重要"), ("注意", "注意"), ("CAUTION", "警告")])
    body = (
        "ふつうの段落です。`portal build` のようなコードもあります。\n\n" + callouts + "\n\n"
        "> ただの引用です。\n\n"
        "| 項目 | 内容 |\n|---|---|\n| 時間 | 10時から |\n| 場所 | 県庁 |\n\n"
        "```\nportal serve\n```\n\n"
        "- [x] 済んだこと\n- [ ] これからのこと\n\n"
        "![十字の図](../files/cross.png)\n")
    (content / "pages" / "dark-sampler.md").write_text(
        "---\ntitle: 表示の見本\n---\n\n" + body, encoding="utf-8")
    return build_site(content, work / "site")


@pytest.mark.parametrize("width", WIDTHS)
def test_callouts_tables_code_and_images_in_the_dark(driver, axe_js, sampler_site, width):
    with serving(sampler_site) as base:
        set_viewport(driver, width)
        try:
            with scheme(driver, "dark"):
                load(driver, base + "/about/dark-sampler/")
                kinds = driver.execute_script(
                    "return [...document.querySelectorAll('.callout')].map(c => c.className)")
                assert len(kinds) == 5, kinds
                assert_no_violations(driver, axe_js, f"callouts, a table, code and an image at {width} px")
                backing = driver.execute_script(
                    "return getComputedStyle(document.querySelector('.prose img')).backgroundColor")
                assert backing == "rgb(255, 255, 255)", backing
            load(driver, base + "/about/dark-sampler/")
            assert driver.execute_script(
                "return getComputedStyle(document.querySelector('.prose img')).backgroundColor") == "rgba(0, 0, 0, 0)"
        finally:
            reset_viewport(driver)


# ---------------------------------------------------------------- dark, and light unchanged


@pytest.mark.parametrize("page_type", ["home", "initiative", "search"])
def test_the_page_is_dark_and_light_is_unchanged(driver, page_types, server, page_type):
    url = server + dict(page_types)[page_type]
    load(driver, url)
    plain = page_colours(driver)
    plain_all = every_colour(driver)
    # The browser's own setting here is light: the page is as it was before the dark scheme.
    assert plain["background"] == "rgb(255, 255, 255)" and plain["text"] == "rgb(26, 26, 28)", plain
    with scheme(driver, "light"):
        load(driver, url)
        assert every_colour(driver) == plain_all, "the light scheme differs from the page without a setting"
    with scheme(driver, "dark"):
        load(driver, url)
        dark = page_colours(driver)
        dark_all = every_colour(driver)
    # Near black and off white (not pure: white on black blurs for readers with astigmatism).
    assert dark["backgroundLum"] < 0.02 and dark["textLum"] > 0.7, dark
    assert dark["contrast"] >= 7, dark
    assert dark["colorScheme"] == "light dark", dark
    if dark["field"]:  # a search field follows: dark, not a white box
        assert plain["field"] == "rgb(255, 255, 255)" and dark["field"] == dark["background"], (plain, dark)
    changed = sum(a != b for a, b in zip(plain_all, dark_all))
    assert changed > len(plain_all) // 2, f"only {changed} of {len(plain_all)} elements changed colour"


# ---------------------------------------------------------------- focus in the dark


FOCUS_JS = COLOURS_JS + """
const el = document.activeElement;
if (!el || el === document.body || el.id === 'main') return null;
const look = () => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
          s.borderColor, s.color].join('|');
};
const focused = look();
const s = getComputedStyle(el);
const text = el.innerText.trim() ? ratio(s.color, behind(el)) : null;
el.blur();
const unfocused = look();
el.focus();
return {html: el.outerHTML.slice(0, 120), same: focused === unfocused, text, shown: el.getClientRects().length > 0};
"""


@pytest.mark.parametrize("page_type", ["home", "initiative", "event", "glossary-entry"])
def test_focus_is_visible_and_readable_in_the_dark(driver, page_types, server, page_type):
    """Every link and control the keyboard reaches looks different when focused, and its text
    stays readable on the focus colour (the trail's links kept their own light colour on the
    yellow: 1.2:1)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    url = server + dict(page_types)[page_type]
    problems, seen = [], 0
    with scheme(driver, "dark"):
        load(driver, url)
        for _ in range(60):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            info = driver.execute_script(FOCUS_JS)
            if info is None:
                break
            seen += 1
            if info["same"]:
                problems.append("no visible focus: " + info["html"])
            if info["text"] is not None and info["text"] < 4.5:
                problems.append(f"text at {info['text']:.2f}:1 when focused: " + info["html"])
    assert seen >= 10, f"the keyboard reached only {seen} elements on {url}"
    assert not problems, f"on {url} in the dark:\n" + "\n".join(problems)


# ---------------------------------------------------------------- print stays light


@pytest.mark.parametrize("page_type", ["home", "initiative"])
def test_a_page_printed_from_a_dark_phone_is_light(driver, page_types, server, page_type):
    url = server + dict(page_types)[page_type]
    with scheme(driver, "dark", media="print"):
        load(driver, url)
        printed = page_colours(driver)
        boxes = driver.execute_script(COLOURS_JS + """
            return [...document.querySelectorAll('main *, .site-footer, .site-footer *')]
              .filter(e => e.getClientRects().length && e.innerText && e.innerText.trim())
              .map(e => ({html: e.outerHTML.slice(0, 80), bg: behind(e), lum: lum(behind(e))}))
              .filter(b => b.lum < 0.5);
        """)
    assert printed["background"] == "rgb(255, 255, 255)" and printed["text"] == "rgb(0, 0, 0)", printed
    assert printed["colorScheme"] == "light", printed
    assert not boxes, "dark boxes on paper:\n" + "\n".join(f"{b['bg']} {b['html']}" for b in boxes[:10])


# ---------------------------------------------------------------- screenshot


def test_dark_screenshot_of_the_home_page(driver, page_types, server, screenshot_dir):
    """home-375-dark.png: the first screen of a phone (375 × 812) set to dark, beside the light
    screenshots (docs/screenshots/ has a copy; the whole page would be 600 KB)."""
    try:
        with scheme(driver, "dark"):
            set_viewport(driver, 375, 812)
            load(driver, server + dict(page_types)["home"])
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    finally:
        reset_viewport(driver)
    png = base64.b64decode(shot["data"])
    path = screenshot_dir / "home-375-dark.png"
    path.write_bytes(png)
    print(f"\nscreenshot written to {path}")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
