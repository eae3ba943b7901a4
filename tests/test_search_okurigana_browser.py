"""A word typed with its okurigana inside a longer query, on a phone (375 px; docs/search.md,
"The pages' spelling"): the shipped pages write 行政手続オンライン化 (公用文 drops okurigana in
compounds), and 行政手続き, as residents type it, finds nothing. The status line (read aloud)
offers 行政手続, the spelling the pages use, as `portal search` does; the offer is a link that
searches it on the page, by tap or by keyboard, and finds what `portal search` finds. A word
alone (手続き) is searched as typed, with no offer.
"""
import re

import pytest

from test_search_audit_browser import phone_search  # noqa: F401 (the same 375 px search page)
from test_search_browser import assert_same, cli, offered_links, type_query, wait_for_results

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

TYPED, WANTED = "行政手続き", "行政手続"


def offer_shown(driver, site_dir):
    answer = cli(site_dir, TYPED)
    assert answer["count"] == 0 and answer["suggestions"][:1] == [WANTED], answer
    page = type_query(driver, TYPED)
    assert page["items"] == [] and page["listHidden"]
    assert page["status"].startswith(f"「{TYPED}」に一致するページは見つかりませんでした。"), page["status"]
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(driver)
    assert [a.text for a in links] == answer["suggestions"]
    assert links[0].size["height"] >= 24 or links[0].size["width"] >= 24, links[0].size
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 375
    return links[0]


def test_the_pages_spelling_is_offered_and_finds(phone_search, site_dir):
    link = offer_shown(phone_search, site_dir)
    link.click()
    page = wait_for_results(phone_search, WANTED)
    assert page["items"], "the offer leads to no results"
    assert_same(page, cli(site_dir, WANTED), WANTED)
    assert "もしかして" not in page["status"]
    # The page written 行政手続オンライン化 is among them.
    shown = [item["title"] + re.sub(r"<[^>]+>", "", item["snippet"]) for item in page["items"]]
    assert any("行政手続オンライン化" in text for text in shown), shown


def test_the_offer_is_followed_by_keyboard(phone_search, site_dir):
    from selenium.webdriver.common.keys import Keys

    link = offer_shown(phone_search, site_dir)
    phone_search.execute_script("arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    page = wait_for_results(phone_search, WANTED)
    assert_same(page, cli(site_dir, WANTED), WANTED)


def test_a_word_alone_is_searched_as_typed(phone_search, site_dir):
    expected = cli(site_dir, "手続き")
    assert expected["results"] and not expected["suggestions"]
    page = type_query(phone_search, "手続き")
    assert_same(page, expected, "手続き")
    assert "もしかして" not in page["status"], page["status"]
