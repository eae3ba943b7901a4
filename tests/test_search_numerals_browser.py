"""Numbers typed in kanji on the search page, in headless Chromium at 375 px (docs/search.md,
"Numbers typed in kanji"):

- 十二月, 三十人, 令和三年 also find the Arabic numerals the pages write (12月, 30人, 令和3年),
  with the same results as `portal search`, the Arabic form marked in the snippets, and the
  status line (read aloud) saying 「「30人」でも探しました」;
- a search that finds nothing says it too, before its advice;
- words whose numerals are no number (千葉, 一部, 一人, 一般, 万が一) are searched as typed and
  the page says nothing more.
"""
import pytest

from test_search_audit_browser import phone_search  # noqa: F401 (the same 375 px search page)
from test_search_browser import assert_same, cli, type_query

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]


def marks(page):
    return {m for item in page["items"] for m in item["marks"]}


@pytest.mark.parametrize("typed, written, url", [
    ("三十人", "30人", "/events/dx-promotion-council-2026/"),
    ("二十人", "20人", "/events/senior-smartphone-class/"),
    ("令和三年", "令和3年", "/strategy/national-policy/"),
    ("十二月", "12月", "/strategy/national-policy/"),
])
def test_a_kanji_number_finds_the_arabic_numerals(phone_search, site_dir, typed, written, url):
    expected = cli(site_dir, typed)
    assert expected.get("also_searched") == written
    assert url in [r["url"] for r in expected["results"]], f"{typed} finds the page that writes {written}"
    page = type_query(phone_search, typed)
    assert_same(page, expected, typed)
    assert f"。「{written}」でも探しました。" in page["status"], page["status"]
    assert written in marks(page) or any(written in item["title"] for item in page["items"]), page["items"]


def test_a_search_that_finds_nothing_says_the_arabic_form_too(phone_search, site_dir):
    assert not cli(site_dir, "九十九人")["results"]
    page = type_query(phone_search, "九十九人")
    assert page["status"].startswith("「九十九人」に一致するページは見つかりませんでした。「99人」でも探しました。"), page["status"]


@pytest.mark.parametrize("word", ["千葉", "一部", "一人", "一般", "万が一"])
def test_words_with_numerals_are_searched_as_typed(phone_search, site_dir, word):
    expected = cli(site_dir, word)
    assert "also_searched" not in expected
    page = type_query(phone_search, word)
    assert_same(page, expected, word)
    assert "でも探しました" not in page["status"], page["status"]
