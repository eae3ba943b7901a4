"""Readings typed in kana with two words run together, on a phone (375 px; docs/search.md,
"Readings run together"), in headless Chromium, on the built site: おんらいんしえん (two typos
from おんらいんしんせい, which offered 電子申請) and ちばけんみん (whose longest name, ちばけん,
left みん) are offered the site's names they are made of, first, as links that find what
`portal search` finds.
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


@pytest.mark.parametrize("typed, offer, typo", [("おんらいんしえん", "オンライン 支援", "電子申請"),
                                                ("ちばけんみん", "千葉 県民", None),
                                                ("でぃーえっくすすまほ", "DX スマートフォン", "DX推進協議会")])
def test_readings_run_together_are_offered_as_the_names(phone, server, site_dir, typed, offer, typo):
    load(phone, server + "/search/")
    answer = cli(site_dir, typed)
    assert answer["count"] == 0 and answer["suggestions"][:1] == [offer], answer
    assert typo not in answer["suggestions"], answer
    page = type_query(phone, typed)
    assert page["items"] == []
    assert "もしかして：" + "、".join(answer["suggestions"]) + "。" in page["status"], page["status"]
    links = offered_links(phone)
    assert [a.text for a in links] == answer["suggestions"]
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 375
    links[0].click()
    shown = wait_for_results(phone, offer)
    assert shown["items"], f"{offer} finds nothing"
    assert_same(shown, cli(site_dir, offer), offer)
