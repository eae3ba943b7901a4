"""Romaji typed into the search page with the input method off (a library's or school's
computer), in headless Chromium at 375 px (docs/search.md, "Romaji"):

- sumaho, bousai, mainanba-ka-do, sa-bisu find nothing as typed, and the status line (read
  aloud) offers the word the site uses, as `portal search` does (もしかして：スマートフォン, 防災,
  サービス in katakana as the site writes it);
- konpyu-ta- is one word (its - is ー): the site has no コンピューター, and `ta` alone is not offered;
- a query of romaji and a word is offered what it meant first when that finds something
  (sumaho 教室 → スマートフォン 教室), else the words that find something alone (bousai 訓練 → 訓練);
- the offer is a link that searches it on the page, by tap or by keyboard, and finds what
  `portal search` finds for it;
- a Latin word that finds something as typed (AI, DX) is searched as typed, with no offer.
"""
import pytest

from test_search_audit_browser import phone_search  # noqa: F401 (the same 375 px search page)
from test_search_browser import assert_same, cli, offered_links, type_query, wait_for_results

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]


def offer_shown(driver, site_dir, typed, wanted):
    """Types `typed`, checks the page offers what `portal search` offers (`wanted` first) and
    returns the offer's link."""
    answer = cli(site_dir, typed)
    assert answer["count"] == 0 and answer["suggestions"][:1] == [wanted], answer
    page = type_query(driver, typed)
    assert page["items"] == [] and page["listHidden"]
    assert page["status"].startswith(f"「{typed}」に一致するページは見つかりませんでした。"), page["status"]
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(driver)
    assert [a.text for a in links] == answer["suggestions"]
    # The offer is a target of at least 24 px, and the status fits the phone's width.
    assert links[0].size["height"] >= 24 or links[0].size["width"] >= 24, links[0].size
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 375
    return links[0]


@pytest.mark.parametrize("typed, wanted", [("sumaho", "スマートフォン"), ("bousai", "防災"), ("sa-bisu", "サービス"),
                                           ("sumaho 教室", "スマートフォン 教室")])
def test_romaji_is_offered_as_the_site_writes_it_and_the_offer_finds(phone_search, site_dir, typed, wanted):
    link = offer_shown(phone_search, site_dir, typed, wanted)
    link.click()
    page = wait_for_results(phone_search, wanted)
    assert page["items"], f"{wanted}: the offer leads to no results"
    assert_same(page, cli(site_dir, wanted), wanted)
    assert "q=" in page["url"] and typed.split()[0] not in page["url"], page["url"]
    assert "もしかして" not in page["status"]


def test_a_romaji_word_with_a_long_vowel_is_not_cut_at_it(phone_search, site_dir):
    """konpyu-ta- (こんぴゅーたー) finds nothing, and the shipped pages have no コンピューター:
    nothing is offered, not the `ta` after its -."""
    typed = "konpyu-ta-"
    answer = cli(site_dir, typed)
    assert answer["count"] == 0 and answer["suggestions"] == [], answer
    page = type_query(phone_search, typed)
    assert page["items"] == [] and page["listHidden"]
    assert page["status"].startswith(f"「{typed}」に一致するページは見つかりませんでした。"), page["status"]
    assert "もしかして" not in page["status"] and offered_links(phone_search) == [], page["status"]


def test_romaji_and_a_word_get_the_offers_portal_search_gives(phone_search, site_dir):
    """bousai 訓練: 防災 訓練 finds nothing on the shipped site, so 訓練 (which finds something
    alone) is offered first, then 防災; both links fit the phone and lead to results."""
    typed = "bousai 訓練"
    assert not cli(site_dir, "防災 訓練")["results"]
    offer_shown(phone_search, site_dir, typed, "訓練")
    links = offered_links(phone_search)
    assert [a.text for a in links] == ["訓練", "防災"]
    for link in links:
        assert link.size["height"] >= 24 or link.size["width"] >= 24, link.size
    links[1].click()
    page = wait_for_results(phone_search, "防災")
    assert_same(page, cli(site_dir, "防災"), "防災")


def test_the_offer_is_followed_by_keyboard(phone_search, site_dir):
    from selenium.webdriver.common.keys import Keys

    wanted = "マイナンバーカード"
    link = offer_shown(phone_search, site_dir, "mainanba-ka-do", wanted)
    phone_search.execute_script("arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    page = wait_for_results(phone_search, wanted)
    assert_same(page, cli(site_dir, wanted), wanted)


@pytest.mark.parametrize("typed", ["AI", "DX"])
def test_a_latin_word_that_finds_something_is_searched_as_typed(phone_search, site_dir, typed):
    expected = cli(site_dir, typed)
    assert expected["results"] and not expected["suggestions"]
    page = type_query(phone_search, typed)
    assert_same(page, expected, typed)
    assert "もしかして" not in page["status"], page["status"]
