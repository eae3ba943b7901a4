"""Titles' words mended cheaply on a slow phone (docs/theme.md, "A phrase longer than its row
breaks between its words"), in headless Chromium at 320 × 640 px with text at 200 % (Chrome's
text setting), on 取組の一覧 (84 titles on more than one row, 1,530 characters):

- loading the page measures only the titles near the screen: Range.getClientRects called a few
  times, not once per character of every title that wraps (1,779 times before), and no
  Intl.Segmenter made (making one loads its dictionary, ~100 ms with a phone's CPU);
- scrolled to its end, every title measured costs fewer calls than it has characters (a row's
  end found by halving);
- a title far down, jumped to, is mended on the screen: no row there ends inside a word that
  would fit a row, and nothing scrolls sideways.

The counts are the page's own calls, counted by wrappers installed before its scripts run (no
hook of portal.js), so the theme of before fails the first two.
"""
import pytest

from conftest import normal_text
from test_browser_a11y import load, reset_viewport
from test_phone_leftovers_browser import TITLE_WORD_BREAKS
from test_resident_phone_audit_browser import at_size

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

COUNT = """
window.__rects = 0; window.__segmenters = 0;
const rects = Range.prototype.getClientRects;
Range.prototype.getClientRects = function () { window.__rects++; return rects.call(this); };
const Made = Intl.Segmenter;
if (Made) Intl.Segmenter = function (locale, options) { window.__segmenters++; return new Made(locale, options); };
"""

# The titles portal.js mends (style.css breaks them by phrase), those on more than one row and
# their characters.
WRAPPING = """
const sel = 'main h1, main h2, main h3, main h4, main .card-title, main .eyebrow, main .link-list a,' +
  'main .pager a, main .page-terms dt, main .glossary-list dt, main summary';
let titles = 0, chars = 0;
for (const el of document.querySelectorAll(sel)) {
  const rs = el.getClientRects();
  if (!rs.length) continue;
  if (rs.length > 1 || rs[0].height >= parseFloat(getComputedStyle(el).lineHeight) * 1.5) {
    titles++; chars += el.textContent.length;
  }
}
return {titles, chars};
"""

SETTLED = ("const done = arguments[0];"
           "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));")

# Two screens at a time: the titles a screen above and below the screen are mended, so every
# title comes that near (one screen at a time took more than two minutes on a busy machine).
TO_THE_END = """
const done = arguments[0];
(function step() {
  if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) return setTimeout(done, 300);
  scrollBy(0, 2 * innerHeight);
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(step, 30)));
})();
"""


@pytest.fixture
def counted(driver):
    added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT})
    at_size(driver, 320, 640, 200)
    yield driver
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})
    normal_text(driver)
    reset_viewport(driver)


def calls(driver):
    return driver.execute_script("return {rects: window.__rects, segmenters: window.__segmenters}")


def test_a_load_measures_only_the_titles_near_the_screen(counted, server):
    load(counted, server + "/initiatives/")
    counted.execute_async_script(SETTLED)
    at_load = calls(counted)
    wrapping = counted.execute_script(WRAPPING)
    assert wrapping["titles"] > 40, f"the page proves little: {wrapping}"
    assert at_load["rects"] <= 60, f"measured {at_load['rects']} times at load for {wrapping}"
    assert at_load["segmenters"] == 0, "Intl.Segmenter made though no title near the screen needs it"


def test_every_title_scrolled_to_costs_fewer_measurements_than_characters(counted, server):
    load(counted, server + "/initiatives/")
    counted.set_script_timeout(600)
    try:
        counted.execute_async_script(TO_THE_END)
    finally:
        counted.set_script_timeout(120)
    wrapping = counted.execute_script(WRAPPING)
    done = calls(counted)
    assert done["rects"] < 0.8 * wrapping["chars"], f"{done} for {wrapping}"
    assert done["segmenters"] <= 1


# Titles far down 取組の一覧 (beyond two screens at 320 px with text at 200 %) whose rows ended
# inside a word: カーボンニュートラルの実現に向けた企業振 / 興 and the like.
ON_SCREEN_BREAKS = TITLE_WORD_BREAKS.replace(
    "if (!el.getClientRects().length) continue;",
    "if (!el.getClientRects().length) continue;"
    " { const b = el.getBoundingClientRect(); if (b.bottom < 0 || b.top > innerHeight) continue; }")


@pytest.mark.parametrize("title", ["カーボンニュートラルの実現に向けた企業振興", "公金収納のキャッシュレス決済の推進",
                                   "再生可能エネルギー設備等の導入促進"])
def test_a_title_far_down_is_mended_once_on_the_screen(counted, server, title):
    assert ON_SCREEN_BREAKS != TITLE_WORD_BREAKS
    load(counted, server + "/initiatives/")
    counted.execute_async_script(SETTLED)
    top = counted.execute_script(
        "const a = [...document.querySelectorAll('main .link-list a')].find(a => a.textContent.trim() === arguments[0]);"
        "a.scrollIntoView({block: 'center', behavior: 'instant'}); return a.getBoundingClientRect().top + scrollY;", title)
    assert top > 2 * 640, f"{title} is near the first screen ({top} px): the test proves little"
    counted.execute_async_script(SETTLED)
    assert counted.execute_script(ON_SCREEN_BREAKS) == []
    assert counted.execute_script(
        "return [...document.querySelectorAll('main .link-list a')].some(a => a.textContent.trim() === arguments[0]"
        " && a.querySelector('wbr'))", title), f"{title} had no break to mend"
    assert counted.execute_script("return document.documentElement.scrollWidth") <= 320
