"""Readings typed in kana with two words run together, on a phone (375 px; docs/search.md,
"Readings run together"), in headless Chromium, on the built site: おんらいんしえん (two typos
from おんらいんしんせい, which offered 電子申請), ちばけんみん (whose longest name, ちばけん,
left みん) and ぎょうせいてつづき are searched at once as the site's names they are made of,
and the page says so, as `portal search` answers; names no page holds together are offered.
"""
import pytest

from test_browser_a11y import load, reset_viewport, set_viewport
from test_search_browser import assert_same, cli, offered_links, type_query, wait_for_results

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]


@pytest.fixture
def phone(driver):
    set_viewport(driver, 375, 800)
    yield driver
    reset_viewport(driver)


@pytest.mark.parametrize("typed, named, typo", [("おんらいんしえん", "オンライン 支援", "電子申請"),
                                                ("ちばけんみん", "千葉 県民", None),
                                                ("でぃーえっくすすまほ", "DX スマートフォン", "DX推進協議会"),
                                                ("ぎょうせいてつづき", "行政 手続き", None)])
def test_readings_run_together_are_searched_as_the_names(phone, server, site_dir, typed, named, typo):
    load(phone, server + "/search/")
    answer = cli(site_dir, typed)
    assert answer["searched_as"] == named and answer["results"], answer
    assert answer["results"] == cli(site_dir, named)["results"]
    assert typo not in answer["suggestions"], answer
    page = type_query(phone, typed)
    assert_same(page, answer, typed)
    assert f"「{typed}」に一致するページはありません。「{named}」で探しました" in page["status"], page["status"]
    assert "もしかして" not in page["status"]
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 375


def test_names_no_page_holds_together_are_offered_each(phone, server, site_dir):
    """すまーとほんのうぎょう: no page holds both names, so each is offered, as links that find
    what `portal search` finds."""
    load(phone, server + "/search/")
    answer = cli(site_dir, "すまーとほんのうぎょう")
    assert answer["count"] == 0 and answer["suggestions"][:2] == ["スマートフォン", "農業"], answer
    page = type_query(phone, "すまーとほんのうぎょう")
    assert page["items"] == []
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(phone)
    assert [a.text for a in links] == answer["suggestions"]
    links[0].click()
    shown = wait_for_results(phone, "スマートフォン")
    assert_same(shown, cli(site_dir, "スマートフォン"), "スマートフォン")
