"""What a resident's audit of the shipped portal on a phone found and fixed (5 December), in
headless Chromium at 320 × 568 and 390 × 844, text at 100 % and 200 % (docs/theme.md,
"A resident's audit on a phone, 5 December").

- A search made on another page (the home page's box, the header's, the 404 page's) opens the
  search page with its answer at the top of the screen and focused: the form, its hint and the
  kinds had filled the first screen, and the first result began 757 px down at 320 px (1,902 px
  with text at 200 %), with a screen reader left at the top of the page.
- A glossary term's reading (the help for readers with little kanji) moves to the next row
  whole: （で / ぃーえっくす）, （あいおーて / ぃー）, a row starting with a small kana.
- A table in the strategy keeps its words whole, and one that then does not fit is shown a row
  at a time, each cell under its column's name: at 320 px with text at 200 % the three columns
  of デジタル化の3つの段階 held two or three characters a line (デジ / タイ / ゼー / ショ / ン),
  and the header 段階 broke 段 / 階 at every size. A screen reader still hears a table.
- The blank above a page's title does not double with the text: at 320 × 568 px with text at
  200 % it was 72 px between the trail and the grey label, and an <h1> began at 436 px.
- A glossary term's definition box, shown when the keyboard reaches the term, opens above it
  where below it would run off the bottom of the screen.
"""
import pytest

from conftest import large_text, normal_text
from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

PHONES = [(320, 568), (390, 844)]


@pytest.fixture
def phone(driver):
    yield driver
    normal_text(driver)
    driver.execute_script("document.documentElement.style.fontSize = ''")
    reset_viewport(driver)


def at_size(driver, width, height, text):
    set_viewport(driver, width, height)
    normal_text(driver)
    if text == 200:
        large_text(driver, "browser")


def wait_for_answer(driver):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.getElementById('search-status').textContent"))


def box(driver, rect_of):
    return driver.execute_script(
        "const e = arguments[0]; const r = e.getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, height: innerHeight};", rect_of)


def search_from(driver, server, start, selector, word):
    """Opens `start`, types `word` in the search box at `selector` and presses Enter, as a
    resident does; waits for the search page's answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load(driver, server + start)
    field = driver.find_element(By.CSS_SELECTOR, selector)
    field.send_keys(word)
    field.send_keys(Keys.ENTER)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: "/search/" in d.current_url)
    return wait_for_answer(driver)


@pytest.mark.parametrize("width, height", PHONES)
@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("start, selector", [
    ("/", "main input[type=search]"),
    ("/fields/crisis-management/", "header input[type=search]"),
    ("/no-such-page/", "main input[type=search]"),
])
def test_a_search_from_another_page_opens_at_its_answer(phone, server, width, height, text, start, selector):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    at_size(phone, width, height, text)
    answer = search_from(phone, server, start, selector, "防災")
    assert answer.startswith("「防災」の検索結果"), answer
    status = phone.find_element(By.ID, "search-status")
    assert phone.switch_to.active_element == status, "the answer is not focused: a screen reader starts at the top"
    where = box(phone, status)
    assert 0 <= where["top"] <= 16, f"the answer is not at the top of the screen: {where}"
    first = phone.find_element(By.CSS_SELECTOR, "#search-results li .card-title a")
    seen = box(phone, first)
    assert seen["bottom"] <= seen["height"], f"the first result's title is below the first screen: {seen}"
    # Tab goes on to the first result, Shift+Tab back to the form.
    status.send_keys(Keys.TAB)
    assert phone.switch_to.active_element == first
    first.send_keys(Keys.SHIFT, Keys.TAB)
    first.send_keys(Keys.SHIFT, Keys.TAB)
    assert phone.switch_to.active_element.get_attribute("form") is not None or \
        phone.execute_script("return !!document.activeElement.closest('#search-form')")


def test_a_search_that_finds_nothing_opens_at_its_advice(phone, server):
    from selenium.webdriver.common.by import By

    at_size(phone, 320, 568, 200)
    answer = search_from(phone, server, "/", "main input[type=search]", "坊災")
    assert "見つかりませんでした" in answer, answer
    status = phone.find_element(By.ID, "search-status")
    assert phone.switch_to.active_element == status
    assert 0 <= box(phone, status)["top"] <= 16


def test_typing_on_the_search_page_keeps_the_cursor_in_the_box(phone, server):
    """Only a search opened from elsewhere is brought to the top: one typed on the page leaves
    the cursor where it is, and the page where it was."""
    from selenium.webdriver.common.by import By

    at_size(phone, 320, 568, 100)
    load(phone, server + "/search/")
    field = phone.find_element(By.ID, "q")
    field.send_keys("防災")
    assert wait_for_answer(phone).startswith("「防災」")
    assert phone.switch_to.active_element == field
    assert phone.execute_script("return scrollY") < 400
    # A reload (the address now holds the word) keeps the page as the browser left it too.
    phone.execute_script("scrollTo(0, 0)")
    phone.refresh()
    wait_for_answer(phone)
    assert phone.switch_to.active_element != phone.find_element(By.ID, "search-status")


# Where each row of a text starts, as the characters' boxes say: the reading's rows, with the
# characters that begin them.
ROW_STARTS = """
const out = [];
for (const el of document.querySelectorAll(arguments[0])) {
  const text = el.firstChild;
  if (!text || text.nodeType !== 3) continue;
  const r = document.createRange();
  let last = null;
  let wide = 0;
  const starts = [];
  for (let i = 0; i < text.data.length; i++) {
    r.setStart(text, i); r.setEnd(text, i + 1);
    const box = r.getClientRects()[0];
    if (!box) continue;
    if (last === null || box.top > last + 4) starts.push(text.data[i]);
    last = box.top;
    wide += box.width;
  }
  // Whether the reading, on one row, is narrower than its term's row.
  const row = el.parentElement.getBoundingClientRect().width;
  out.push({reading: text.data, starts, fits: wide <= row});
}
return out;
"""
SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮー")


@pytest.mark.parametrize("width, height", PHONES)
@pytest.mark.parametrize("text", [100, 200])
def test_a_reading_in_the_glossary_is_not_broken(phone, server, width, height, text):
    at_size(phone, width, height, text)
    load(phone, server + "/glossary/")
    readings = phone.execute_script(ROW_STARTS, ".glossary-list .reading")
    assert len(readings) > 20, readings
    broken = [r for r in readings if r["fits"] and len(r["starts"]) > 1]
    assert not broken, f"readings that fit a row broken over rows: {broken}"
    small = [r for r in readings if any(c in SMALL_KANA for c in r["starts"])]
    assert not small, f"a row of a reading starts with a small kana: {small}"


TABLE_PAGE = "/strategy/dx-concept/"  # デジタル化の3つの段階: three columns, the widest table shipped

# Each cell's words and the rows they took: a word (as Intl.Segmenter splits it) that fits its
# cell's row is on one row.
CELL_WORDS = """
const seg = new Intl.Segmenter('ja', {granularity: 'word'});
const out = [];
for (const cell of document.querySelectorAll('main .prose table th, main .prose table td')) {
  const text = cell.textContent;
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  const box = cell.getBoundingClientRect();
  const style = getComputedStyle(cell);
  const row = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  for (const node of nodes) {
    for (const part of seg.segment(node.data)) {
      if (!part.isWordLike) continue;
      const r = document.createRange();
      r.setStart(node, part.index); r.setEnd(node, part.index + part.segment.length);
      const rects = [...r.getClientRects()].filter(x => x.width > 0);
      const tops = new Set(rects.map(x => Math.round(x.top)));
      // A katakana word is measured with the katakana around it (デジタイゼー + ション are one
      // word to a reader): nine characters of デジタイゼーション are wider than a 320 px row at
      // 200 %, and then break, as any word longer than its row does.
      let start = part.index, end = part.index + part.segment.length;
      if (/^[\u30A0-\u30FF]+$/.test(part.segment)) {
        while (start > 0 && /[\u30A0-\u30FF]/.test(node.data[start - 1])) start--;
        while (end < node.data.length && /[\u30A0-\u30FF]/.test(node.data[end])) end++;
      }
      const whole = document.createRange();
      whole.setStart(node, start); whole.setEnd(node, end);
      const wide = [...whole.getClientRects()].reduce((w, x) => w + x.width, 0);
      out.push({word: part.segment, rows: tops.size, fits: wide <= row + 0.5, cell: text.trim().slice(0, 12)});
    }
  }
}
return out;
"""


@pytest.mark.parametrize("width, height", PHONES)
@pytest.mark.parametrize("text", [100, 200])
def test_a_table_on_a_phone_keeps_its_words_and_its_headers(phone, server, width, height, text):
    at_size(phone, width, height, text)
    load(phone, server + TABLE_PAGE)
    words = phone.execute_script(CELL_WORDS)
    assert any(w["word"] == "段階" for w in words), words
    broken = [w for w in words if w["fits"] and w["rows"] > 1]
    assert not broken, f"words broken inside a table's cell: {broken}"
    # Each cell is wide enough to read: at least 8 characters of its text a row, or the page's row.
    narrow = phone.execute_script("""
        const page = document.querySelector('main .prose').getBoundingClientRect().width;
        return [...document.querySelectorAll('main .prose table td')].map(c => {
          const s = getComputedStyle(c);
          return {cell: c.textContent.trim().slice(0, 12), chars: c.clientWidth / parseFloat(s.fontSize),
                  share: c.getBoundingClientRect().width / page};
        }).filter(c => c.chars < 8 && c.share < 0.9);""")
    assert not narrow, f"cells too narrow to read on a {width} px phone: {narrow}"
    assert phone.execute_script("return document.documentElement.scrollWidth") <= width
    # A screen reader hears a table: its column headers, and each cell's text alone.
    tree = phone.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    roles = [(n.get("role", {}).get("value"), n.get("name", {}).get("value", "")) for n in tree
             if not n.get("ignored")]
    assert ("table", "") in roles or any(r == "table" for r, _ in roles), roles
    assert [n for r, n in roles if r == "columnheader"] == ["段階", "名前", "どんなことか"], roles
    cells = [n for r, n in roles if r == "cell"]
    assert "デジタイゼーション" in cells and "1" in cells, cells


def test_a_table_with_room_stays_a_table(phone, server):
    at_size(phone, 1280, 900, 100)
    load(phone, server + TABLE_PAGE)
    shown = phone.execute_script(
        "const t = document.querySelector('main .prose table');"
        "return [getComputedStyle(t.querySelector('thead')).position, getComputedStyle(t.querySelector('td')).display,"
        " t.scrollWidth <= t.clientWidth]")
    assert shown == ["static", "table-cell", True], shown


def test_without_javascript_a_table_keeps_its_words_and_scrolls_in_its_box(driver_nojs, server):
    set_viewport(driver_nojs, 320, 568)
    try:
        load(driver_nojs, server + TABLE_PAGE)
        words = driver_nojs.execute_script(CELL_WORDS)
        broken = [w for w in words if w["fits"] and w["rows"] > 1]
        assert not broken, broken
        assert driver_nojs.execute_script("return document.documentElement.scrollWidth") <= 320
    finally:
        reset_viewport(driver_nojs)


@pytest.mark.parametrize("page", ["/events/senior-smartphone-class/", "/fields/crisis-management/", "/glossary/"])
def test_the_blank_above_a_title_does_not_double_with_the_text(phone, server, page):
    gaps = {}
    for text in (100, 200):
        at_size(phone, 320, 568, text)
        load(phone, server + page)
        gaps[text] = phone.execute_script("""
            const trail = document.querySelector('.breadcrumbs').getBoundingClientRect();
            const first = document.querySelector('main .eyebrow, main h1').getBoundingClientRect();
            return first.top - trail.bottom;""")
    # The label's or the title's own margin grows with the text a little (h1: 0.5rem); the
    # page's padding and the label's margin do not.
    assert gaps[200] <= gaps[100] + 16, f"the blank above the title at 100 % and 200 %: {gaps}"


@pytest.mark.parametrize("width, height", PHONES)
def test_a_terms_box_near_the_bottom_of_the_screen_opens_above_it(phone, server, width, height):
    """Tab to a term that sits in the last rows of the screen: its box is on the screen."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    at_size(phone, width, height, 100)
    load(phone, server + "/initiatives/ai-disaster-management/")
    term = phone.find_element(By.CSS_SELECTOR, "main .prose a.term")
    # The term's row 40 px above the screen's bottom, then the keyboard onto it.
    phone.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "window.scrollTo({top: scrollY + r.bottom - innerHeight + 40, behavior: 'instant'});", term)
    phone.execute_script(
        "const links = [...document.querySelectorAll('a[href]')];"
        "links[links.indexOf(arguments[0]) - 1].focus({preventScroll: true});", term)
    ActionChains(phone).send_keys(Keys.TAB).perform()
    assert phone.switch_to.active_element == term
    placed = phone.execute_script("""
        const tip = document.querySelector('.term-tip');
        const t = tip.getBoundingClientRect(), a = arguments[0].getBoundingClientRect();
        return {shown: !tip.hidden, top: t.top, bottom: t.bottom, termTop: a.top, termBottom: a.bottom,
                height: innerHeight};""", term)
    assert placed["shown"], placed
    assert placed["termBottom"] <= placed["height"], f"the term itself is off the screen: {placed}"
    assert 0 <= placed["top"] and placed["bottom"] <= placed["height"], f"the box runs off the screen: {placed}"
    assert placed["bottom"] <= placed["termTop"], f"the box covers the term: {placed}"
