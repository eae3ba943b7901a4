"""Accessibility of the built portal in a real browser (headless Debian Chromium + Selenium).

- axe-core 4.x (the axe.min.js shipped inside PyPI axe-playwright-python) on every page type,
  at desktop and phone widths, with the WCAG 2.0/2.1/2.2 A and AA rules: 0 violations;
- keyboard: the first Tab reaches the skip link, which moves focus to <main>;
- 320 and 640 CSS px wide (400 % and 200 % zoom): no horizontal scrolling on any page type;
- JavaScript off: the site still works (content, navigation, furigana shown, no dead controls);
- the furigana toggle hides and shows furigana and is remembered on the next page;
- no Content-Security-Policy violations or script errors in the console;
- screenshots of home, a field, an initiative, an event and the glossary at 1280 and 375 px;
- /about/, the list of the pages about the site: its links, its h1 and its landmarks.
"""
import base64
import importlib.util
import json
import os
import re
from pathlib import Path

import pytest

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [1280, 320]
SCREENSHOT_PAGES = ["home", "field", "initiative", "event", "glossary"]
SCREENSHOT_WIDTHS = [1280, 375]

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]


# ---------------------------------------------------------------- helpers


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-core not found: pip install --no-deps axe-playwright-python "
                    "(run scripts/install-test-deps.sh)", pytrace=False)
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"axe.min.js missing at {path}", pytrace=False)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def axe_js():
    src = axe_source()
    assert "axe v4." in src[:200], "expected axe-core 4.x"
    return src


def set_viewport(driver, width, height=900):
    """Emulates a device of this CSS width (mobile rules apply below 600 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def reset_viewport(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def load(driver, url):
    driver.get(url)
    driver.execute_async_script(
        "const done = arguments[0];"
        "if (document.readyState === 'complete') done(); else addEventListener('load', () => done());")


def run_axe(driver, axe_js):
    driver.execute_script(axe_js)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done({violations: r.violations, version: axe.version}))"
        ".catch(e => done({error: String(e)}));",
        AXE_TAGS)


def format_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({', '.join(t for t in v['tags'] if t.startswith('wcag'))})")
        lines.append(f"    {v['helpUrl']}")
        for node in v["nodes"][:8]:
            lines.append(f"    at {' '.join(node['target'])}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


PAGE_TYPES = ["home", "strategy-index", "strategy", "domains", "domain", "field", "initiatives",
              "initiative", "events", "event", "glossary", "glossary-entry", "about", "about-index",
              "tags", "tag", "search", "404", "404-near"]


@pytest.fixture
def page_url(page_type, page_types, server):
    urls = dict(page_types)
    if page_type not in urls:
        pytest.fail(f"the built site has no page of type {page_type!r} (is the content complete?)", pytrace=False)
    return server + urls[page_type]


# ---------------------------------------------------------------- axe


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_no_violations(driver, axe_js, page_type, page_url, width):
    set_viewport(driver, width)
    try:
        load(driver, page_url)
        result = run_axe(driver, axe_js)
    finally:
        reset_viewport(driver)
    assert "error" not in result, f"axe failed to run: {result.get('error')}"
    violations = result["violations"]
    assert not violations, (
        f"axe-core {result['version']} found {len(violations)} violation(s) on {page_type} "
        f"({page_url}) at {width} px:\n{format_violations(violations)}")


# ---------------------------------------------------------------- keyboard


@pytest.mark.parametrize("page_type", ["home", "initiative", "glossary"])
def test_first_tab_reaches_skip_link_which_moves_focus_to_main(driver, page_url):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    load(driver, page_url)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link", (
        f"first Tab focused <{active.tag_name} class={active.get_attribute('class')!r}>, not the skip link")
    assert active.get_attribute("href").endswith("#main")
    rect = driver.execute_script(
        "const r = document.activeElement.getBoundingClientRect();"
        "return {top: r.top, left: r.left, width: r.width, height: r.height, vw: innerWidth};")
    assert rect["width"] > 0 and rect["height"] >= 24 and rect["top"] >= 0 and rect["left"] >= 0, (
        f"the focused skip link is not visible: {rect}")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    info = driver.execute_script(
        "const a = document.activeElement; return {tag: a.tagName, id: a.id, tabindex: a.getAttribute('tabindex')};")
    assert info == {"tag": "MAIN", "id": "main", "tabindex": "-1"}, f"after the skip link, focus is on {info}"
    # The next Tab continues from the main content, not from the top of the page.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    inside = driver.execute_script("return document.getElementById('main').contains(document.activeElement);")
    assert inside, "Tab after the skip link did not move into the main content"


def test_focus_is_visible(driver, page_types, server):
    """Every link and control shows a focus indicator that differs from its unfocused look."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    load(driver, server + dict(page_types)["home"])
    problems = []
    for _ in range(25):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script("""
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const focused = [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor, s.textDecorationLine, s.borderColor].join('|');
            el.blur();
            const b = getComputedStyle(el);
            const unfocused = [b.outlineStyle, b.outlineWidth, b.boxShadow, b.backgroundColor, b.textDecorationLine, b.borderColor].join('|');
            el.focus();
            return {html: el.outerHTML.slice(0, 120), same: focused === unfocused};
        """)
        if info is None:
            break
        if info["same"]:
            problems.append(info["html"])
    assert not problems, "no visible focus indicator on:\n" + "\n".join(problems)


# ---------------------------------------------------------------- reflow


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scroll(driver, page_type, page_url, width):
    """320 CSS px is a 1280 px window at 400 % zoom (WCAG 1.4.10); 640 px is 200 % zoom."""
    set_viewport(driver, width, 640)
    try:
        load(driver, page_url)
        result = driver.execute_script("""
            const vw = window.innerWidth;
            const offenders = [];
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              if (r.right > vw + 0.5 || r.left < -0.5) {
                // Content that scrolls inside its own box (wide tables) is allowed.
                let p = el.parentElement, clipped = false;
                while (p && p !== document.body) {
                  const o = getComputedStyle(p).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; }
                  p = p.parentElement;
                }
                const pos = getComputedStyle(el).position;
                if (!clipped && pos !== 'fixed') offenders.push(el.outerHTML.slice(0, 140));
              }
            }
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, offenders: offenders.slice(0, 10)};
        """)
    finally:
        reset_viewport(driver)
    assert result["innerWidth"] == width
    assert result["scrollWidth"] <= result["innerWidth"], (
        f"{page_type} scrolls sideways at {width} px: scrollWidth {result['scrollWidth']} > {result['innerWidth']}\n"
        + "\n".join(result["offenders"]))


def test_targets_at_least_24px(driver, page_types, server):
    """WCAG 2.5.8: links and buttons outside running text are at least 24 × 24 CSS px
    (axe's target-size rule checks spacing too; this checks the boxes of the site's own controls)."""
    problems = []
    for name in ("home", "initiative", "event", "glossary"):
        url = dict(page_types).get(name)
        if not url:
            continue
        load(driver, server + url)
        small = driver.execute_script("""
            const out = [];
            for (const el of document.querySelectorAll('header a, header button, nav a, footer a, button, .button, .kana-index a, .actions a, .facts .tel')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.height < 24 || r.width < 24) out.push(el.outerHTML.slice(0, 120) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
            }
            return out;
        """)
        problems += [f"{name}: {s}" for s in small]
    assert not problems, "targets smaller than 24 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 320])
def test_footer_links_reach_the_pages_about_the_site(driver, page_types, server, width):
    """Every page's footer lists the pages about the site under its own labelled navigation,
    as links of at least 24 px that lead to those pages (their h1 is the link's text)."""
    from selenium.webdriver.common.by import By

    set_viewport(driver, width)
    try:
        links = None
        for name in ("home", "initiative", "about", "404"):
            load(driver, server + dict(page_types)[name])
            found = driver.execute_script("""
                const nav = document.querySelector('footer nav[aria-label="このサイトについて"]');
                if (!nav) return null;
                return Array.from(nav.querySelectorAll('li > a')).map((a) => {
                  const r = a.getBoundingClientRect();
                  return {href: a.href, text: a.textContent.trim(), w: r.width, h: r.height};
                });
            """)
            assert found, f"no このサイトについて navigation in the footer of {name}"
            assert links is None or [l["href"] for l in found] == [l["href"] for l in links], name
            links = found
        for link in links:
            assert link["w"] >= 24 and link["h"] >= 24, f"{link['text']} is {link['w']}x{link['h']} px"
        for link in links:
            load(driver, link["href"])
            h1 = driver.find_element(By.CSS_SELECTOR, "main h1").text
            assert h1 == link["text"], f"{link['href']}: h1 {h1!r}, link {link['text']!r}"
            assert "/about/" in driver.current_url
    finally:
        reset_viewport(driver)


LANDMARKS_JS = """
    return Array.from(document.querySelectorAll('header, nav, main, footer, [role="search"]'))
      .map((e) => e.tagName.toLowerCase() + (e.getAttribute('role') ? '[' + e.getAttribute('role') + ']' : '')
        + (e.getAttribute('aria-label') ? ' ' + e.getAttribute('aria-label') : ''));
"""


def test_the_list_of_pages_about_the_site(driver, page_types, server):
    """/about/ has one h1, the landmarks of the other list pages, a trail ending at itself, and
    a card for each page about the site whose link leads to that page (its h1 is the link's
    text), whose own trail leads back here."""
    from selenium.webdriver.common.by import By

    urls = dict(page_types)
    assert "about-index" in urls, "the built site has no /about/ (no pages about the site?)"
    load(driver, server + urls["strategy-index"])
    expected = driver.execute_script(LANDMARKS_JS)
    load(driver, server + urls["about-index"])
    assert driver.execute_script(LANDMARKS_JS) == expected
    h1s = driver.find_elements(By.TAG_NAME, "h1")
    assert [h.text for h in h1s] == ["このサイトについて"]
    crumbs = driver.find_elements(By.CSS_SELECTOR, 'nav[aria-label="現在位置"] li')
    assert [c.text for c in crumbs] == ["ホーム", "このサイトについて"]
    assert crumbs[-1].find_element(By.CSS_SELECTOR, "[aria-current=page]")
    links = [(a.get_attribute("href"), a.text)
             for a in driver.find_elements(By.CSS_SELECTOR, "main .card-list h2 a")]
    assert len(links) >= 2, links
    for href, text in links:
        load(driver, href)
        assert driver.find_element(By.CSS_SELECTOR, "main h1").text == text, href
        trail = driver.find_element(By.CSS_SELECTOR, 'nav[aria-label="現在位置"] a[href$="/about/"]')
        assert trail.text == "このサイトについて"
        trail.click()
        assert driver.current_url == server + urls["about-index"]


# ---------------------------------------------------------------- JavaScript off


def test_works_without_javascript(driver_nojs, page_types, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    d = driver_nojs
    urls = dict(page_types)
    d.get(server + urls["home"])
    # The furigana control needs JavaScript: without it, it is not shown at all.
    buttons = d.find_elements(By.CSS_SELECTOR, "button.ruby-toggle")
    assert buttons and not buttons[0].is_displayed()
    assert "js" not in (d.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
    # Navigation is plain links. Search needs the script: its boxes (which would lead to a page
    # that can only say so) are not shown, and the menu's link to the search page is.
    nav_links = d.find_elements(By.CSS_SELECTOR, "nav.site-nav a")
    assert nav_links and all(a.is_displayed() for a in nav_links)
    search = d.find_elements(By.CSS_SELECTOR, "form[role=search] input[name=q]")
    assert search and not any(box.is_displayed() for box in search)
    d.set_window_size(320, 800)
    try:
        link = d.find_element(By.CSS_SELECTOR, "nav.site-nav .nav-search a")
        assert link.is_displayed(), "without JavaScript a phone's menu must still lead to search"
        assert not any(box.is_displayed() for box in search)
    finally:
        d.set_window_size(1280, 900)
    # Following a link from the home page reaches a domain page with its fields.
    card = d.find_element(By.CSS_SELECTOR, ".domain-card h3 a")
    # Below the upcoming events: scrolled to by the browser, as the page has no script here.
    ActionChains(d).scroll_to_element(card).scroll_by_amount(0, 200).perform()
    card.click()
    assert d.find_elements(By.CSS_SELECTOR, "main h1")
    # Glossary jump links work.
    d.get(server + urls["glossary"])
    jumps = d.find_elements(By.CSS_SELECTOR, ".kana-index a")
    assert jumps
    target = jumps[-1].get_attribute("href").split("#")[1]
    jumps[-1].click()
    assert d.current_url.endswith("#" + target)
    # Furigana, when a page has them, are shown.
    for name in ("initiative", "strategy", "field", "event"):
        if name not in urls:
            continue
        d.get(server + urls[name])
        rts = d.find_elements(By.CSS_SELECTOR, "main rt")
        if rts:
            assert rts[0].is_displayed(), f"furigana hidden without JavaScript on {name}"
            break


# ---------------------------------------------------------------- furigana toggle


def _ruby_page(site_dir, server):
    for p in sorted(site_dir.rglob("index.html")):
        if "<ruby>" in p.read_text(encoding="utf-8"):
            rel = p.relative_to(site_dir).as_posix()
            return server + "/" + rel[: -len("index.html")]
    return None


def _plain_page(site_dir, server):
    """A page without furigana (titles and summaries in lists may have some, as on home)."""
    for p in sorted(site_dir.rglob("index.html")):
        text = p.read_text(encoding="utf-8")
        if "<ruby>" not in text and 'http-equiv="refresh"' not in text:
            rel = p.relative_to(site_dir).as_posix()
            return server + "/" + rel[: -len("index.html")]
    return None


def test_furigana_toggle_hides_shows_and_persists(driver, site_dir, server, page_types):
    from selenium.webdriver.common.by import By

    page = _ruby_page(site_dir, server)
    home = _plain_page(site_dir, server) or server + dict(page_types)["home"]
    if page is None:
        # No page of this content uses {漢字|かんじ}: the control has nothing to do anywhere.
        load(driver, home)
        assert not driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle").is_displayed()
        return

    load(driver, page)
    driver.execute_script("localStorage.clear()")
    load(driver, page)
    button = driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle")
    assert button.is_displayed(), "with JavaScript on, the furigana control is shown"
    assert button.get_attribute("aria-pressed") == "true"
    rt = driver.find_element(By.CSS_SELECTOR, "main rt")
    assert rt.is_displayed()

    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert "ruby-off" in driver.find_element(By.TAG_NAME, "html").get_attribute("class")
    assert not driver.find_element(By.CSS_SELECTOR, "main rt").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, "main rp").is_displayed()

    # Remembered on the next page load, and on another page; a page without furigana shows no
    # control (it would change nothing there) but keeps the choice.
    load(driver, page)
    assert driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle").get_attribute("aria-pressed") == "false"
    assert not driver.find_element(By.CSS_SELECTOR, "main rt").is_displayed()
    load(driver, home)
    assert not driver.find_elements(By.CSS_SELECTOR, "ruby")
    assert not driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle").is_displayed()
    assert "ruby-off" in driver.find_element(By.TAG_NAME, "html").get_attribute("class")

    # And turned back on.
    load(driver, page)
    driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle").click()
    assert driver.find_element(By.CSS_SELECTOR, "main rt").is_displayed()
    load(driver, page)
    assert driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle").get_attribute("aria-pressed") == "true"
    driver.execute_script("localStorage.clear()")


def test_a_phone_sees_a_short_header(driver, site_dir, server, page_types):
    """At 320 px the header is three rows (title and ふりがな, the menu, the search box), not five:
    the menu's 検索 link, which would take a row of its own, is left out where the page has a
    search box; on a wide screen it is there. Every menu link stays 44 px tall."""
    page = _ruby_page(site_dir, server) or server + dict(page_types)["initiative"]
    measure = (
        "const h = document.querySelector('header.site-header').getBoundingClientRect().height;"
        "const links = [...document.querySelectorAll('.site-nav a')].filter(a => a.offsetParent);"
        "const search = document.querySelector('.nav-search a');"
        "const toggle = document.querySelector('.ruby-toggle');"
        "return [h, links.map(a => a.getBoundingClientRect().height), !!(search && search.offsetParent),"
        "  new Set(links.map(a => a.getBoundingClientRect().top)).size,"
        "  toggle.offsetParent ? toggle.getBoundingClientRect().top : null];")
    try:
        set_viewport(driver, 320, 640)
        for url in (page, server + dict(page_types)["home"], server + "/search/"):
            load(driver, url)
            height, links, search_shown, rows, toggle_top = driver.execute_script(measure)
            assert height <= 180, (url, height)
            assert rows == 1 and not search_shown, (url, rows, search_shown)
            assert all(h >= 44 for h in links), (url, links)
            if url == page and toggle_top is not None:
                assert toggle_top < 20, "ふりがな shares the title's row"
        set_viewport(driver, 1280)
        load(driver, page)
        assert driver.execute_script(measure)[2], "the menu's 検索 link is shown on a wide screen"
    finally:
        reset_viewport(driver)


def test_large_text_on_a_phone_keeps_the_title_readable(driver, site_dir, server, page_types):
    """With the phone's text at 200 % the ふりがな button moves below the title, which had been
    squeezed into a column of one character a line beside it (WCAG 1.4.4, 1.4.10)."""
    page = _ruby_page(site_dir, server) or server + dict(page_types)["initiative"]
    try:
        set_viewport(driver, 360, 740)
        for size in ("100%", "200%"):
            load(driver, page)
            # Set through the CSSOM, which the page's Content-Security-Policy allows.
            width, font, no_scroll = driver.execute_script(
                "document.documentElement.style.fontSize = arguments[0];"
                "const t = document.querySelector('.site-title');"
                "return [t.getBoundingClientRect().width, parseFloat(getComputedStyle(t).fontSize),"
                "  document.documentElement.scrollWidth <= document.documentElement.clientWidth];",
                size)
            assert width >= 6 * font, (size, width, font)
            assert no_scroll, size
    finally:
        reset_viewport(driver)


def test_large_text_on_a_phone_keeps_the_search_boxes_wide(driver, server, page_types):
    """At 320 px with text at 200 % a search box keeps room for a few words: its button goes
    below it instead of squeezing it to a character or two beside it (WCAG 1.4.4, 1.4.10).
    At 100 % the box and its button still share a row."""
    measure = (
        "document.documentElement.style.fontSize = arguments[0];"
        "return [...document.querySelectorAll('form[role=search] input[type=search]')]"
        "  .filter(i => i.offsetParent).map(i => {"
        "    const b = i.form.querySelector('button').getBoundingClientRect();"
        "    const r = i.getBoundingClientRect();"
        "    return [r.width, parseFloat(getComputedStyle(i).fontSize), b.top >= r.bottom];});")
    try:
        set_viewport(driver, 320, 640)
        for url in (server + "/search/", server + dict(page_types)["initiative"]):
            load(driver, url)
            boxes = driver.execute_script(measure, "200%")
            assert boxes, url
            for width, font, below in boxes:
                assert width >= 6 * font, (url, width, font)
            load(driver, url)
            boxes = driver.execute_script(measure, "100%")
            assert boxes and not any(below for _, _, below in boxes), (url, boxes)
    finally:
        reset_viewport(driver)


def test_the_furigana_button_looks_on_or_off_not_only_by_colour(driver, site_dir, server):
    page = _ruby_page(site_dir, server)
    if page is None:
        pytest.skip("no page of this content uses furigana")
    load(driver, page)
    driver.execute_script("localStorage.clear()")
    load(driver, page)
    look = ("const b = document.querySelector('.ruby-toggle'); b.blur();"
            "return [b.getAttribute('aria-pressed'), getComputedStyle(b).backgroundColor,"
            "  getComputedStyle(b, '::before').backgroundColor];")
    on = driver.execute_script(look)
    # Clicked from script, so the pointer does not rest on it (its hover look is another).
    driver.execute_script("document.querySelector('.ruby-toggle').click()")
    off = driver.execute_script(look)
    driver.execute_script("localStorage.clear()")
    assert on[0] == "true" and off[0] == "false", (on, off)
    # Filled white with a filled box when on; see-through with an empty box when off.
    assert on[1] == "rgb(255, 255, 255)" and off[1] == "rgba(0, 0, 0, 0)", (on, off)
    assert on[2] != "rgba(0, 0, 0, 0)" and off[2] == "rgba(0, 0, 0, 0)", (on, off)


def test_a_printed_page_says_its_address(driver, page_types, server):
    """On paper the page says where it is on the web (residents print pages to read later or
    to hand on); on screen that line is not shown, nor read by screen readers."""
    url = server + dict(page_types)["initiative"]
    load(driver, url)
    shown = "const p = document.querySelector('.print-address'); return p && getComputedStyle(p).display;"
    try:
        assert driver.execute_script(shown) == "none"
        assert driver.execute_script(
            "return [...document.querySelectorAll('.print-only')].every(s => getComputedStyle(s).display === 'none')")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert driver.execute_script(shown) == "block"
        text = driver.execute_script("return document.querySelector('.print-address').textContent")
        canonical = driver.execute_script("return document.querySelector('link[rel=canonical]').href")
        assert text == "このページのアドレス：" + canonical, text
        # Where to ask, as an address to type: a path on paper leads nowhere.
        contact = driver.execute_script(
            "const s = document.querySelector('.footer-operator .print-only');"
            "const a = document.querySelector('.footer-operator a');"
            "return s && [getComputedStyle(s).display, s.textContent,"
            "  decodeURIComponent(new URL(a.href).pathname + new URL(a.href).hash)];")
        if contact:
            site = canonical.split("/")[0] + "//" + canonical.split("/")[2]
            assert contact[0] == "inline" and contact[1] == f"（{site}{contact[2]}）", contact
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_glossary_term_links_navigate_and_describe(driver, site_dir, server):
    """A term in the body is a real link to its entry, described by its definition on the page."""
    from selenium.webdriver.common.by import By

    page = None
    for p in sorted(site_dir.rglob("index.html")):
        if 'class="term"' in p.read_text(encoding="utf-8"):
            page = server + "/" + p.relative_to(site_dir).as_posix()[: -len("index.html")]
            break
    if page is None:
        pytest.skip("no page links a glossary term")
    load(driver, page)
    term = driver.find_element(By.CSS_SELECTOR, "a.term")
    described = term.get_attribute("aria-describedby")
    definition = driver.find_element(By.ID, described)
    assert definition.text.strip()
    assert term.value_of_css_property("text-decoration-style") == "dotted"
    # Focusing shows the definition box; Esc closes it.
    driver.execute_script("arguments[0].focus()", term)
    tip = driver.find_element(By.CSS_SELECTOR, ".term-tip")
    assert tip.is_displayed() and definition.text.strip() in tip.text
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed()
    href = term.get_attribute("href")
    # The theme scrolls smoothly (unless reduced motion is asked for): WebDriver's own scroll
    # before a click could still be under way, leaving the link below the fold (a flaky
    # "click intercepted"). Scroll at once first.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", term)
    term.click()
    assert driver.current_url == href


# ---------------------------------------------------------------- CSP and console


def test_no_csp_violations_or_script_errors(driver, page_types, server):
    from selenium.webdriver.common.by import By

    driver.get_log("browser")  # drop earlier entries
    problems = []
    for name, url in page_types:
        load(driver, server + url)
        # Exercise the scripts too.
        for b in driver.find_elements(By.CSS_SELECTOR, "button.ruby-toggle"):
            if b.is_displayed():
                b.click()
                b.click()
        for entry in driver.get_log("browser"):
            msg = entry["message"]
            if name.startswith("404") and "status of 404" in msg:
                continue  # the 404 page itself is served with status 404
            if entry["level"] == "SEVERE" or "Content Security Policy" in msg or "Refused to" in msg:
                problems.append(f"{name}: [{entry['level']}] {msg}")
    driver.execute_script("localStorage.clear()")
    assert not problems, "console problems:\n" + "\n".join(problems)


# ---------------------------------------------------------------- screenshots


def full_page_png(driver, width):
    set_viewport(driver, width, 900)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    height = max(600, min(int(height), 12000))
    set_viewport(driver, width, height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    return base64.b64decode(shot["data"])


@pytest.mark.parametrize("width", SCREENSHOT_WIDTHS)
def test_screenshots(driver, page_types, server, screenshot_dir, width):
    urls = dict(page_types)
    written = []
    try:
        for name in SCREENSHOT_PAGES:
            set_viewport(driver, width, 900)
            load(driver, server + urls[name])
            png = full_page_png(driver, width)
            path = screenshot_dir / f"{name}-{width}.png"
            path.write_bytes(png)
            written.append(path)
    finally:
        reset_viewport(driver)
    print(f"\nscreenshots written to {screenshot_dir}: " + ", ".join(p.name for p in written))
    assert all(p.stat().st_size > 5000 for p in written)


# ---------------------------------------------------------------- every page (opt-in)


def page_problems(driver, axe_js, base, url):
    """axe-core's violations on the page at `url` and whether it scrolls sideways, as a list of
    one report, or none."""
    load(driver, base + url)
    result = run_axe(driver, axe_js)
    overflow = driver.execute_script("return document.documentElement.scrollWidth > innerWidth")
    if not (result.get("error") or result["violations"] or overflow):
        return []
    return [f"{url}{' (scrolls sideways)' if overflow else ''}:\n"
            + (result.get("error") or format_violations(result["violations"]))]


@pytest.mark.skipif(not os.environ.get("PORTAL_AXE_ALL"), reason="set PORTAL_AXE_ALL=1 to run axe on every page (a few minutes)")
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_every_page(driver, axe_js, site_dir, server, width):
    from conftest import html_files, url_of

    failures = []
    set_viewport(driver, width)
    try:
        for page in html_files(site_dir):
            url = url_of(site_dir, page)
            failures += page_problems(driver, axe_js, server, url)
    finally:
        reset_viewport(driver)
    assert not failures, f"at {width} px:\n" + "\n".join(failures)


# ---------------------------------------------------------------- past events by year


@pytest.fixture(scope="module")
def limited_events(limited_events_site):
    """`limited_events_site` served on a free port: the base URL, and the events page and the
    pages per year."""
    from conftest import serving

    out = limited_events_site
    years = sorted(p.name for p in (out / "events" / "past").iterdir())
    with serving(out) as base:
        yield base, ["/events/"] + [f"/events/past/{y}/" for y in years]


@pytest.mark.parametrize("width", WIDTHS)
def test_past_events_by_year_pass_axe_and_fit(driver, axe_js, limited_events, width):
    base, paths = limited_events
    failures = []
    set_viewport(driver, width)
    try:
        for path in paths:
            failures += page_problems(driver, axe_js, base, path)
        # The events page links each year; the year's page marks itself as the current one.
        load(driver, base + paths[1])
        current = driver.find_elements("css selector", "nav a[aria-current='page']")
        assert [a.get_attribute("href") for a in current] == [base + paths[1]]
    finally:
        reset_viewport(driver)
    assert not failures, f"at {width} px:\n" + "\n".join(failures)


# ---------------------------------------------------------------- feeds


def test_a_feed_is_explained_not_opened_as_code(driver, server, page_types):
    """A resident tapping 「お知らせを受け取る」 used to get the feed's raw XML. The footer, the
    events page and 更新情報 now open a short explanation in place, with the whole address to
    copy into a reader; the page stays where it was."""
    from selenium.webdriver.common.by import By

    urls = dict(page_types)
    for url, feed in ((urls["home"], "/events/feed.xml"), ("/events/", "/events/feed.xml"),
                      ("/updates/", "/updates/feed.xml")):
        load(driver, server + url)
        helps = driver.find_elements(By.CSS_SELECTOR, "details.feed-help")
        assert helps, url
        box = helps[-1] if url == urls["home"] else helps[0]
        address = box.find_element(By.CSS_SELECTOR, ".feed-address")
        assert not address.is_displayed()
        summary = box.find_element(By.TAG_NAME, "summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", summary)
        assert summary.size["height"] >= 24
        summary.click()
        assert driver.current_url == server + url
        assert address.is_displayed()
        assert address.text.startswith("http") and address.text.endswith(feed), address.text
        link = box.find_element(By.CSS_SELECTOR, "a[type='application/atom+xml']")
        assert link.get_attribute("href").endswith(feed)


# ---------------------------------------------------------------- an event read later


def test_an_event_page_read_after_its_deadline_or_end_says_so(driver, site_dir, server):
    """A static page says what was true when it was built. Read after the deadline (before
    the next build), the page says registration is closed and hides the button; read after the
    event, it says the event is over. The reader's clock is fixed through the DevTools protocol."""
    import datetime
    import re
    from selenium.webdriver.common.by import By

    page = None
    for f in sorted((site_dir / "events").glob("*/index.html")):
        text = f.read_text(encoding="utf-8")
        m = re.search(
            r'<article data-starts="([^"]+)" data-ends="([^"]+)" data-closes="([^"]+)"', text)
        if m and 'data-when="open"><a class="button"' in text:
            page, starts, ends, closes = f, *(datetime.datetime.fromisoformat(x) for x in m.groups())
            break
    if page is None:
        pytest.skip("no upcoming event with a deadline and a registration link")
    assert closes < starts < ends
    url = server + "/" + page.relative_to(site_dir).parent.as_posix() + "/"

    def at(moment):
        ms = int(moment.timestamp() * 1000)
        script = driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": f"Date.now = () => {ms};"})
        try:
            load(driver, url)
            shown = lambda css: [e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, css)]
            return {
                "button": shown('[data-when="open"] a.button'),
                "open": shown('dd > [data-when="open"]'),
                "closed": shown('[data-when="closed"]'),
                "ended": shown('[data-when="ended"]'),
                "ongoing": shown('[data-when="ongoing"]'),
                "actions": shown('ul.actions'),
            }
        finally:
            driver.execute_cdp_cmd(
                "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})

    minute = datetime.timedelta(minutes=1)
    assert at(closes - minute) == {
        "button": [True], "open": [True], "closed": [False], "ended": [False], "ongoing": [False],
        "actions": [True]}
    assert at(closes + minute) == {
        "button": [False], "open": [False], "closed": [True], "ended": [False], "ongoing": [False],
        "actions": [True]}
    # Under way: a page built before it says 開催中.
    assert at(starts + minute) == {
        "button": [False], "open": [False], "closed": [True], "ended": [False], "ongoing": [True],
        "actions": [True]}
    assert driver.find_element(By.CSS_SELECTOR, '[data-when="ongoing"]').text == "いま開催中です。"
    assert at(ends + minute) == {
        "button": [False], "open": [False], "closed": [True], "ended": [True], "ongoing": [False],
        "actions": [False]}
    notice = driver.find_element(By.CSS_SELECTOR, '[data-when="ended"]')
    assert notice.text == "このイベントは終わりました。"

    # Its card in the list of upcoming events says the same, and so does the home page's when
    # it is among the soonest there (the shipped portal's first such event is).
    path = "/" + page.relative_to(site_dir).parent.as_posix() + "/"
    on_home = f'href="{path}"' in (site_dir / "index.html").read_text(encoding="utf-8")

    def card_at(moment, listing):
        ms = int(moment.timestamp() * 1000)
        script = driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": f"Date.now = () => {ms};"})
        try:
            load(driver, server + listing)
            card = driver.find_element(
                By.XPATH, f'//li[@data-ends][.//a[@href="{path}"]]')
            shown = lambda css: [e.is_displayed() for e in card.find_elements(By.CSS_SELECTOR, css)]
            return (shown('[data-when="open"]'), shown('[data-when="closed"]'),
                    shown('[data-when="ended"]'), shown('[data-when="ongoing"]'))
        finally:
            driver.execute_cdp_cmd(
                "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})

    for listing in ["/events/"] + (["/"] if on_home else []):
        assert card_at(closes - minute, listing) == ([True], [False], [False], [False]), listing
        assert card_at(closes + minute, listing) == ([False], [True], [False], [False]), listing
        assert card_at(starts + minute, listing) == ([False], [True], [False], [True]), listing
        assert card_at(ends + minute, listing) == ([False], [True], [True], [False]), listing


def test_a_phone_sees_where_to_go_then_the_upcoming_events(driver, site_dir, server):
    """The home page at 375 px: where to go (分野から探す) right after the search, then the
    upcoming events, before 更新情報 and the strategy (a resident can act on the events; the
    news and the long read wait). The events once came first; the resident audit of 4 December
    found 分野から探す three screens down under them (docs/theme.md, The home page's order;
    tests/test_home_order_browser.py)."""
    set_viewport(driver, 375, 812)
    try:
        driver.get(server + "/")
        top = driver.execute_script(
            "return ['domains-heading', 'events-heading', 'updates-heading', 'strategy-heading']"
            ".map(id => document.getElementById(id).getBoundingClientRect().top + window.scrollY)")
        assert top == sorted(top), top
        assert top[0] < 812, f"分野から探す starts {top[0]} px down"
    finally:
        reset_viewport(driver)


def test_the_initiatives_list_jumps_to_every_field_and_marks_only_what_is_not_under_way(site_dir):
    html = (site_dir / "initiatives" / "index.html").read_text(encoding="utf-8")
    targets = re.findall(r'<h3 id="(f-[^"]+)">', html)
    assert len(targets) >= 18
    assert sorted(re.findall(r'href="#(f-[^"]+)"', html)) == sorted(targets)
    badges = re.findall(r'<span class="status status-([a-z]+)">([^<]+)</span>', html)
    assert badges and all(kind != "active" for kind, _ in badges), badges
    assert "実施中" not in {label for _, label in badges}
