"""Furigana written in front matter, in a real browser (headless Debian Chromium + Selenium).

The shipped 策定の趣旨・ねらい is titled `策定の{趣旨|しゅし}・ねらい`, and its title is the only
furigana of its page: the <h1> shows the ruby, the ふりがな toggle appears for it and hides it,
and the tab's title, the shared card and the trail stay plain. The list of initiatives shows a
title's furigana in its link, hidden by the same toggle.
"""
import pytest

from test_browser_a11y import load

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

PAGE = "/strategy/purpose/"
PLAIN = "策定の趣旨・ねらい"
LISTED = "/initiatives/wildlife-damage-control/"
LISTED_PLAIN = "デジタル技術を活用した有害鳥獣対策"


@pytest.fixture
def page(site_dir, server):
    if not (site_dir / PAGE.strip("/") / "index.html").is_file():
        pytest.skip("the content has no 策定の趣旨・ねらい page")
    return server + PAGE


def visible_text(driver, selector):
    return driver.execute_script(
        "return document.querySelector(arguments[0]).innerText.replace(/\\s+/g, '')", selector)


def test_the_heading_shows_furigana_and_the_toggle_hides_them(driver, page):
    from selenium.webdriver.common.by import By

    load(driver, page)
    driver.execute_script("localStorage.clear()")
    load(driver, page)
    h1 = driver.find_element(By.CSS_SELECTOR, "main h1")
    rt = h1.find_element(By.CSS_SELECTOR, "ruby rt")
    assert rt.text == "しゅし" and rt.is_displayed()
    assert h1.find_element(By.CSS_SELECTOR, "ruby").get_attribute("innerHTML").startswith("趣旨<rp>")
    # The title is this page's only furigana, and the control appears for it.
    assert len(driver.find_elements(By.CSS_SELECTOR, "main ruby")) == 1
    button = driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle")
    assert button.is_displayed() and button.get_attribute("aria-pressed") == "true"

    # Where text must be plain: the tab, the shared card, the trail.
    assert driver.title.startswith(PLAIN + "｜")
    og = driver.find_element(By.CSS_SELECTOR, 'meta[property="og:title"]').get_attribute("content")
    assert og == PLAIN
    # (Its text, whether or not a narrow trail shows it: the <h1> repeats it.)
    crumb = driver.execute_script(
        "return document.querySelector('[aria-current=\"page\"]').textContent")
    assert crumb == PLAIN

    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert not h1.find_element(By.CSS_SELECTOR, "rt").is_displayed()
    assert not h1.find_element(By.CSS_SELECTOR, "rp").is_displayed()
    assert visible_text(driver, "main h1") == PLAIN

    # On again: the reading above the kanji, its brackets (rp) hidden as where ruby is drawn.
    button.click()
    assert h1.find_element(By.CSS_SELECTOR, "rt").is_displayed()
    assert not h1.find_element(By.CSS_SELECTOR, "rp").is_displayed()
    driver.execute_script("localStorage.clear()")


def test_lists_show_the_furigana_of_titles(driver, site_dir, server):
    from selenium.webdriver.common.by import By

    if not (site_dir / LISTED.strip("/") / "index.html").is_file():
        pytest.skip("the content has no 有害鳥獣対策 initiative")
    load(driver, server + "/initiatives/")
    driver.execute_script("localStorage.clear()")
    load(driver, server + "/initiatives/")
    link = driver.find_element(By.CSS_SELECTOR, f'main a[href$="{LISTED}"]')
    assert link.find_element(By.CSS_SELECTOR, "rt").text == "ちょうじゅう"
    driver.find_element(By.CSS_SELECTOR, "button.ruby-toggle").click()
    assert link.text.replace("\n", "") == LISTED_PLAIN
    driver.execute_script("localStorage.clear()")


def test_a_word_keeps_its_kanji_together_under_a_longer_reading(driver, site_dir, server):
    """A reading longer than its word (有害{鳥獣|ちょうじゅう}対策: six kana over two kanji)
    spread the kanji apart by default (鳥　獣), which reads as two words; the theme centres the
    reading over the word instead (`ruby-align: center`, in every place furigana show). The
    browser's boxes of the characters are spread either way, so what is checked is the style
    the page's furigana get."""
    if not (site_dir / LISTED.strip("/") / "index.html").is_file():
        pytest.skip("the content has no 有害鳥獣対策 page")
    load(driver, server + LISTED)
    aligns = driver.execute_script(
        "return [...document.querySelectorAll('ruby')].map((r) => getComputedStyle(r).rubyAlign)")
    assert aligns and set(aligns) == {"center"}, aligns


def test_screen_readers_get_the_word_once_with_its_reading_as_a_description(driver, page):
    """Ruby is kept as `<ruby>` with `<rt>` (not hidden, not the reading spelled out in hidden
    text): Chromium then exposes the heading's and links' names as the text as written, once
    (趣旨, not 趣旨しゅし), and the reading as the ruby's description, which a screen reader can
    announce or skip. Reading both aloud in a row is what Japanese readers of ruby ask to avoid
    (decisions.md, "Furigana and screen readers")."""
    load(driver, page)
    driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]

    def value(node, key):
        return (node.get(key) or {}).get("value")

    headings = [value(n, "name") for n in nodes if value(n, "role") == "heading"]
    assert PLAIN in headings, headings
    assert not any("しゅし" in (h or "") for h in headings), headings
    rubies = [n for n in nodes if value(n, "role") == "Ruby" and not n.get("ignored")]
    assert [value(n, "description") for n in rubies] == ["しゅし"]
    # The reading is not also a text of its own in the tree.
    texts = [value(n, "name") for n in nodes
             if value(n, "role") == "StaticText" and not n.get("ignored")]
    assert "しゅし" not in texts, texts


def test_text_copied_with_furigana_shown_is_the_words_alone(driver, page):
    """Selected and copied with furigana on, the title read 策定の趣旨しゅし・ねらい (an event's
    place, pasted into a map, 千葉県立ちばけんりつ中央…): the readings are for the eye."""
    load(driver, page)
    driver.execute_script("localStorage.clear()")
    load(driver, page)
    selected = driver.execute_script(
        "const h = document.querySelector('main h1');"
        "const r = document.createRange(); r.selectNodeContents(h);"
        "const s = getSelection(); s.removeAllRanges(); s.addRange(r);"
        "return [s.toString(), getComputedStyle(h.querySelector('rt')).display];")
    assert selected[1] != "none", "furigana are shown"
    assert selected[0].replace("\n", "").strip() == PLAIN, selected
    driver.execute_script("getSelection().removeAllRanges(); localStorage.clear()")
