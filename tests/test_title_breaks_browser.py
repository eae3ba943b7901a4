"""Titles in lists break between words on a narrow phone, in a real browser (headless Chromium
+ Selenium).

Headings already broke between phrases (`word-break: auto-phrase`, test_heading_breaks_browser),
but titles listed as links did not: on 取組の一覧 at 320 px 様々な分野におけるデジタル人材の確保・育成
wrapped as デジタル人 / 材 with the text at 200 %, and at 100 % データとデジタル技術を駆使した防 / 犯
and 有害鳥獣対 / 策 (127 such breaks over the site's link lists at 100 %, 507 at 200 %). They now
break between phrases as headings do. These tests prove, at 320 px with the text at 100 % and
200 % (the page's own font size):

- known long titles, as a link in 取組の一覧, a field's card title and a page's <h1>, wrap and
  break only between words: where each character's box (Range.getClientRects) starts a row is
  never inside one of the title's words;
- no page of a sample (a page of each kind, and the lists) scrolls sideways: a phrase or word
  longer than its row still wraps (Chromium breaks a long phrase by characters, body's
  `overflow-wrap: anywhere` a long Latin word).
"""
import pytest

from conftest import large_text, normal_text
from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

WIDTH = 320
TALENT = "様々な分野におけるデジタル人材の確保・育成"
TALENT_WORDS = ["様々", "分野", "デジタル人材", "確保", "育成"]
# (page, selector, title as read without its furigana, words that must stay whole)
KNOWN = [
    ("/initiatives/", ".link-list a", TALENT, TALENT_WORDS),
    ("/initiatives/", ".link-list a", "データとデジタル技術を駆使した防犯・交通安全施策",
     ["データ", "デジタル技術", "駆使", "防犯", "交通安全", "施策"]),
    ("/initiatives/", ".link-list a", "デジタル技術を活用した有害鳥獣対策",
     ["デジタル技術", "活用", "有害鳥獣", "対策"]),
    ("/initiatives/digital-talent-industry/", ".link-list a", TALENT, TALENT_WORDS),
    ("/fields/awareness/", ".card-title", TALENT, TALENT_WORDS),
    ("/initiatives/digital-talent-all-fields/", "main h1", TALENT, TALENT_WORDS),
]

ROWS_JS = """
// The element of `selector` whose text (furigana left out) is `title`, and the offsets in that
// text where a row starts: a character whose box is lower than the one before it.
const [selector, title] = arguments;
const range = document.createRange();
for (const el of document.querySelectorAll(selector)) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: (n) =>
    n.parentElement.closest('rt, rp') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const chars = [];
  for (let n; (n = walker.nextNode());) for (let i = 0; i < n.data.length; i++) chars.push([n, i]);
  if (chars.map(([n, i]) => n.data[i]).join('').trim() !== title) continue;
  const starts = [];
  let prev = null;
  chars.forEach(([n, i], k) => {
    range.setStart(n, i); range.setEnd(n, i + 1);
    const r = [...range.getClientRects()].find((q) => q.width > 0);
    if (!r) return;
    if (prev && r.top > prev.top + r.height / 2) starts.push(k);
    prev = r;
  });
  return {starts, size: parseFloat(getComputedStyle(el).fontSize)};
}
return null;
"""


def breaks_inside(title, words, starts):
    """The row starts that fall inside one of `words`, shown as 人 / 材."""
    inside = []
    for word in words:
        at = title.find(word)
        assert at >= 0, f"{word!r} is not in {title!r}"
        inside += [f"{title[max(0, k - 4):k]} / {title[k:k + 4]} (in {word})"
                   for k in starts if at < k < at + len(word)]
    return inside


@pytest.mark.parametrize("large", [False, True], ids=["100%", "200%"])
def test_known_long_titles_break_between_words(driver, server, large):
    failures, wrapped = [], 0
    set_viewport(driver, WIDTH, 640)
    try:
        for path, selector, title, words in KNOWN:
            load(driver, server + path)
            if large:
                large_text(driver, "page")
            info = driver.execute_script(ROWS_JS, selector, title)
            if info is None:
                failures.append(f"{path}: no {selector} reads {title!r}")
                continue
            wrapped += bool(info["starts"])
            inside = breaks_inside(title, words, info["starts"])
            if inside:
                failures.append(f"{path} {selector} ({info['size']:.0f} px): {title!r} breaks inside "
                                f"a word: {', '.join(inside)}")
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert wrapped >= len(KNOWN) - 1, f"only {wrapped} of the titles wrap at {WIDTH} px: the test proves little"
    assert not failures, f"at {WIDTH} px:\n" + "\n".join(failures)


def test_breaks_inside_are_found():
    """The check above finds デジタル人 / 材, and lets a break between words be."""
    assert breaks_inside(TALENT, TALENT_WORDS, [TALENT.index("材")]) == ["ジタル人 / 材の確保 (in デジタル人材)"]
    assert breaks_inside(TALENT, TALENT_WORDS, [TALENT.index("デ"), TALENT.index("の確")]) == []


@pytest.mark.parametrize("large", [False, True], ids=["100%", "200%"])
def test_no_page_of_a_sample_scrolls_sideways(driver, server, page_types, large):
    pages = [url for _, url in page_types] + ["/initiatives/", "/events/", "/glossary/", "/domains/",
                                               "/fields/awareness/", "/initiatives/digital-talent-all-fields/"]
    failures = []
    set_viewport(driver, WIDTH, 640)
    try:
        for url in dict.fromkeys(pages):
            load(driver, server + url)
            if large:
                large_text(driver, "page")
            width = driver.execute_script("return document.documentElement.scrollWidth")
            if width > WIDTH:
                failures.append(f"{url}: {width} px wide")
    finally:
        normal_text(driver)
        reset_viewport(driver)
    assert not failures, f"at {WIDTH} px the page scrolls sideways:\n" + "\n".join(failures)
