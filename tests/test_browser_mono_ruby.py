"""A reading per character (`{綺麗|き|れい}`) in real Chromium: one <ruby> with each reading
drawn over its own kanji, a line that breaks inside the word keeps each reading with its kanji,
a kana with an empty reading (`{お茶||ちゃ}`) has none, and the ふりがな toggle hides every
reading of the word. The title is ruby in the <h1> and plain in the tab."""

import shutil

import pytest

from conftest import CONTENT, build_site, serving
from test_browser_a11y import load

PAGE = "/about/mono-ruby/"


@pytest.fixture(scope="module")
def mono_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("mono-ruby")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    (content / "pages" / "mono-ruby.md").write_text(
        '---\ntitle: "{綺麗|き|れい}な海"\n---\n\n'
        '海が{綺麗|き|れい}で、{お茶||ちゃ}もあります。\n',
        encoding="utf-8")
    return build_site(content, work / "site")


# Each <rt>'s box and the box of the base character just before it (a Range over the text).
PAIRS = """
const ruby = document.querySelector(arguments[0]);
return [...ruby.querySelectorAll('rt')].map(rt => {
  let node = rt.previousSibling;
  while (node && node.nodeType !== Node.TEXT_NODE) node = node.previousSibling;
  const range = document.createRange();
  range.selectNodeContents(node);
  const base = range.getBoundingClientRect(), box = rt.getBoundingClientRect();
  return {base: node.textContent, rt: rt.textContent, shown: box.width > 0 && getComputedStyle(rt).display !== 'none',
          baseTop: base.top, baseMiddle: (base.top + base.bottom) / 2, baseLeft: base.left,
          baseRight: base.right, rtTop: box.top, rtMiddle: (box.top + box.bottom) / 2,
          rtCenter: (box.left + box.right) / 2};
});
"""


def test_each_reading_sits_over_its_own_kanji(chromium, mono_site):
    with serving(mono_site) as base:
        load(chromium, base + PAGE)
        chromium.execute_script("localStorage.clear()")
        load(chromium, base + PAGE)
        assert chromium.title.startswith("綺麗な海｜")
        p = chromium.execute_script(
            "return [...document.querySelectorAll('main p')].find(p => p.textContent.startsWith('海が')).innerHTML")
        assert "<ruby>綺<rp>（</rp><rt>き</rt><rp>）</rp>麗<rp>（</rp><rt>れい</rt><rp>）</rp></ruby>" in p
        assert "、お<ruby>茶<rp>" in p
        for selector in ["main h1 ruby", "main p ruby"]:
            pairs = chromium.execute_script(PAIRS, selector)
            assert [(x["base"], x["rt"]) for x in pairs] == [("綺", "き"), ("麗", "れい")]
            for x in pairs:
                assert x["shown"], x
                assert x["baseLeft"] - 1 <= x["rtCenter"] <= x["baseRight"] + 1, x
                assert x["rtTop"] < x["baseTop"] and x["rtMiddle"] < x["baseMiddle"], x

        # A line too narrow for the word breaks inside it; each reading stays over its kanji.
        chromium.execute_script(
            "const p = document.querySelector('main p ruby').parentElement;"
            "p.style.width = '1.5em';")
        pairs = chromium.execute_script(PAIRS, "main p ruby")
        assert pairs[1]["baseTop"] > pairs[0]["baseTop"], pairs
        for x in pairs:
            assert x["baseLeft"] - 1 <= x["rtCenter"] <= x["baseRight"] + 1, x
            assert x["rtTop"] < x["baseTop"] and x["rtMiddle"] < x["baseMiddle"], x


def test_the_toggle_hides_every_reading_of_the_word(chromium, mono_site):
    from selenium.webdriver.common.by import By

    with serving(mono_site) as base:
        load(chromium, base + PAGE)
        chromium.execute_script("localStorage.clear()")
        load(chromium, base + PAGE)
        button = chromium.find_element(By.CSS_SELECTOR, "button.ruby-toggle")
        assert button.is_displayed()
        button.click()
        for selector in ["main h1 ruby", "main p ruby"]:
            assert not any(x["shown"] for x in chromium.execute_script(PAIRS, selector))
        h1 = chromium.execute_script(
            "return document.querySelector('main h1').innerText.replace(/\\s+/g, '')")
        assert h1 == "綺麗な海"
        button.click()
        assert all(x["shown"] for x in chromium.execute_script(PAIRS, "main p ruby"))
        chromium.execute_script("localStorage.clear()")
