"""Typed forms the pages do not use, on a phone (375 px; docs/search.md, "Typed forms the
pages do not use"), in headless Chromium, on the built site:

- 取り組み状況 (the pages write 取組 and 状況, never together) is offered 取組 状況 first, a link
  that finds what `portal search` finds; 手続き方法 is offered 手続き 方法;
- 坊災 and 電子新生 (converted to the wrong kanji) are offered 防災 and 電子申請, the names they
  read as;
- e-tax (no shipped page writes it) is offered nothing, not its one letter e;
- on the shipped content with a page writing eTax added, e-Tax typed is searched as eTax at
  once, and the status says so, as `portal search` answers.
"""
import shutil

import pytest

from conftest import CONTENT, build_site, serving
from test_browser_a11y import load, reset_viewport, set_viewport
from test_search_browser import assert_same, cli, offered_links, type_query, wait_for_results
from test_search_offers_parity import FIXTURE_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]


@pytest.fixture
def phone(driver):
    set_viewport(driver, 375, 800)
    yield driver
    reset_viewport(driver)


@pytest.mark.parametrize("typed, offer", [("取り組み状況", "取組 状況"), ("手続き方法", "手続き 方法"),
                                          ("坊災", "防災"), ("電子新生", "電子申請")])
def test_a_word_run_together_is_offered_split(phone, server, site_dir, typed, offer):
    load(phone, server + "/search/")
    answer = cli(site_dir, typed)
    assert answer["count"] == 0 and answer["suggestions"][:1] == [offer], answer
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


def test_a_latin_compound_no_page_writes_gets_no_letter(phone, server, site_dir):
    load(phone, server + "/search/")
    answer = cli(site_dir, "e-tax")
    assert answer["count"] == 0 and answer["suggestions"] == [], answer
    page = type_query(phone, "e-tax")
    assert page["items"] == [] and page["status"].startswith("「e-tax」に一致するページは見つかりませんでした。")
    assert "もしかして" not in page["status"], page["status"]
    assert offered_links(phone) == []


@pytest.fixture(scope="module")
def compound_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("latin-compounds-browser")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    for rel, text in FIXTURE_PAGES.items():
        (content / rel).write_text(text, encoding="utf-8")
    return build_site(content, work / "site")


def test_a_hyphenated_compound_finds_the_joined_spelling(phone, compound_site):
    answer = cli(compound_site, "e-Tax")
    assert answer["searched_as"] == "eTax" and answer["results"], answer
    with serving(compound_site) as base:
        load(phone, base + "/search/")
        page = type_query(phone, "e-Tax")
        assert "「eTax」で探しました" in page["status"], page["status"]
        assert_same(page, answer, "e-Tax")
