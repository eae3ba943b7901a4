"""The home page's order as a resident on a phone meets it (headless Chromium + Selenium, 375 px).

The resident audit found 更新情報 and これからのイベント before 分野から探す: a resident unused to
digital services scrolled three screens of news before learning where to go. The page now
reads: what the site is and its search (the hero), where to go (分野から探す, the four
domains and their fields, then the foundation), then what is new (events, 更新情報), then the
strategy itself. Checked in what a screen reader hears (the accessibility tree: landmarks and
headings in order) and in what is seen (the first screen, and nothing moved by CSS).
"""
import pytest

from conftest import normal_text
from test_browser_a11y import load, reset_viewport, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

SCREEN = 812

SEEN_JS = """
const top = (el) => el.getBoundingClientRect().top + scrollY;
return {
  headings: [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) => ({
    level: Number(h.tagName[1]), text: h.innerText.replace(/\\s+/g, ' ').trim(), top: top(h),
    bottom: h.getBoundingClientRect().bottom + scrollY, shown: h.getClientRects().length > 0,
  })),
  search: top(document.getElementById('home-q')),
  updates: [...document.querySelectorAll('#updates-heading ~ .card-list > li.card')].length,
  updatesLink: !!document.querySelector('#updates-heading ~ .more a[href$="/updates/"]'),
};
"""


def ax_outline(driver):
    """What a screen reader's lists of landmarks and headings give, in tree order: ("search",
    name) for a search landmark, (level, name) for a heading."""
    driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    out = []

    def walk(node):
        role = node.get("role", {}).get("value")
        name = node.get("name", {}).get("value", "")
        if not node.get("ignored") and role == "heading":
            level = next(p["value"]["value"] for p in node.get("properties", []) if p["name"] == "level")
            out.append((level, name))
        elif not node.get("ignored") and role == "search":
            out.append(("search", name))
        for child in node.get("childIds", []):
            if child in by_id:
                walk(by_id[child])

    walk(nodes[0])
    return out


@pytest.fixture
def home_on_phone(driver, server):
    set_viewport(driver, 375, SCREEN)
    normal_text(driver)
    try:
        load(driver, server + "/")
        yield driver.execute_script(SEEN_JS), ax_outline(driver)
    finally:
        reset_viewport(driver)


def test_a_resident_hears_what_the_site_is_then_where_to_go_then_the_news(home_on_phone, site_dir):
    seen, outline = home_on_phone
    title = seen["headings"][0]["text"]
    h2 = [name for level, name in outline if level == 2]
    # The page's own sections (the footer's 問い合わせ comes after them all).
    h2 = h2[: h2.index("千葉県DX推進戦略を読む") + 1]
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    foundation = "foundation-heading" in home
    assert h2[0] == "分野から探す", h2
    # The foundation, when the site has one, is where to go too: right after the domains.
    assert h2.index("これからのイベント") == (2 if foundation else 1), h2
    assert h2.index("分野から探す") < h2.index("これからのイベント") < h2.index("更新情報"), h2
    # The title, then the search, then where to go: every domain before the news.
    at = [entry for entry in outline if entry[0] in (1, 2, 3, "search")]
    assert at[at.index((1, title)) + 1][0] == "search", at
    domains = at[at.index((2, "分野から探す")) + 1 : at.index((2, "これからのイベント"))]
    assert len([e for e in domains if e[0] == 3]) == 4, domains


def test_where_to_go_starts_on_the_first_screen_and_the_news_stays(home_on_phone):
    seen, _ = home_on_phone
    headings = seen["headings"]
    fields = next(h for h in headings if h["text"] == "分野から探す")
    # The search box and the heading of the domains on a phone's first screen (it was 2,488 px
    # down, under three events and five updates).
    assert seen["search"] < SCREEN and fields["shown"] and fields["bottom"] <= SCREEN, fields
    # Seen in the order heard: no section moved by CSS.
    tops = [h["top"] for h in headings if h["shown"]]
    assert tops == sorted(tops), headings
    levels = [h["level"] for h in headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    # 更新情報 stays on the home page, with its link to the whole list.
    assert any(h["text"] == "更新情報" for h in headings), headings
    assert seen["updates"] >= 1 and seen["updatesLink"], seen
