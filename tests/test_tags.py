"""Tags residents browse, end to end: a small site with tags in Japanese and with `#`, `&` and a
space is built; `portal check` finds no broken link among the tags' percent-encoded addresses;
the sitemap lists them encoded; `portal serve` serves a tag's page, whose links lead to its
pages, which link back; a mistyped tag's address gets the 404 page offering the tag; and axe
finds nothing on /tags/, a tag's page and a tagged page in Chromium at 1280 and 320 px."""
import re
import shutil
import subprocess
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from conftest import BIN, ROOT, THEME, build_site, require_browser, serving
from test_browser_a11y import axe_js, format_violations, load, reset_viewport, run_axe, set_viewport  # noqa: F401
from test_serve import Serve

FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
CHILDCARE = "/tags/" + urllib.parse.quote("子育て") + "/"


def add_tags(content):
    """The fixture with tags on an initiative, another and an event; 子育て read こそだて."""
    def edit(path, old, new):
        p = content / path
        text = p.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        p.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("initiatives/cyber-security.md", "status: planned", 'status: planned\ntags: [子育て, C#, "Q&A"]')
    edit("initiatives/ai-disaster.md", "status: active", "status: active\ntags: [子育て, AI 活用]")
    edit("events/seminar.md", "place: 千葉県庁", "place: 千葉県庁\ntags: [子育て]")
    edit("site.yml", "search_words: [", "search_words: [[子育て, こそだて], ")


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(THEME, tmp_path / "theme")
    add_tags(tmp_path / "content")
    return tmp_path


@pytest.fixture(scope="module")
def tagged_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("tagged")
    shutil.copytree(FIXTURE, work / "content")
    add_tags(work / "content")
    return build_site(work / "content", work / "site")


def test_tag_addresses_pass_the_link_checker_and_are_in_the_sitemap(tagged_site):
    for name in ["子育て", "C#", "Q&A", "AI 活用"]:
        assert (tagged_site / "tags" / name / "index.html").is_file(), name
    r = subprocess.run([str(BIN), "check", "--site", str(tagged_site), "--strict"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    tree = ET.parse(tagged_site / "sitemap.xml")
    locs = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    tags = {loc.split("/tags/", 1)[1] for loc in locs if "/tags/" in loc}
    # 個人情報 is the fixture's own tag (its page about privacy).
    assert tags == {"", "AI%20%E6%B4%BB%E7%94%A8/", "C%23/", "Q&A/", "%E5%AD%90%E8%82%B2%E3%81%A6/",
                    "%E5%80%8B%E4%BA%BA%E6%83%85%E5%A0%B1/"}, tags
    for loc in locs:
        assert loc.isascii(), loc
        path = urllib.parse.unquote(urllib.parse.urlsplit(loc).path)
        assert (tagged_site / path.lstrip("/") / "index.html").is_file(), loc


def test_the_dev_server_serves_a_tag_page_whose_links_lead_there_and_back(work):
    server = Serve(work)
    try:
        status, listing = server.get("/tags/")
        assert status == 200, listing
        assert f'<a href="{CHILDCARE}">子育て</a>' in listing
        status, page = server.get(CHILDCARE)
        assert status == 200 and "<h1 id=\"page-title\">タグ：子育て</h1>" in page
        links = re.findall(r'<h3 class="card-title"><a href="([^"]+)">', page)
        assert links == ["/initiatives/ai-disaster/", "/initiatives/cyber-security/", "/events/seminar/"]
        for link in links:
            status, tagged = server.get(link)
            assert status == 200 and f'<a href="{CHILDCARE}">子育て</a>' in tagged, link
        for path in ["/tags/C%23/", "/tags/Q&A/", "/tags/AI%20%E6%B4%BB%E7%94%A8/"]:
            status, _ = server.get(path)
            assert status == 200, path
        # A folder asked for without its slash is sent to it, still encoded.
        with urllib.request.urlopen(server.base + CHILDCARE.rstrip("/"), timeout=10) as r:
            assert r.status == 200 and r.geturl() == server.base + CHILDCARE
        status, missing = server.get("/tags/" + urllib.parse.quote("子育") + "/")
        assert status == 404 and f'<a href="{CHILDCARE}" data-nf-candidate>子育て</a>' in missing
    finally:
        server.stop()


@pytest.fixture(scope="module")
def tagged_server(tagged_site):
    with serving(tagged_site) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("path", ["/tags/", CHILDCARE, "/initiatives/cyber-security/"])
def test_tag_pages_pass_axe(driver, axe_js, tagged_server, path, width):
    require_browser()
    set_viewport(driver, width)
    try:
        load(driver, tagged_server + path)
        result = run_axe(driver, axe_js)
        scroll = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
    finally:
        reset_viewport(driver)
    assert "error" not in result, result.get("error")
    assert not result["violations"], f"{path} at {width} px:\n{format_violations(result['violations'])}"
    assert scroll <= 0, f"{path} scrolls sideways at {width} px"


@pytest.mark.browser
def test_a_tag_page_is_reached_by_keyboard_and_its_links_are_big_enough(driver, tagged_server):
    """From a tagged page, Tab reaches its tags (24 px targets at least), Enter opens the tag's
    page, whose cards lead back; a mistyped tag's address offers the tag."""
    require_browser()
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    load(driver, tagged_server + "/initiatives/cyber-security/")
    sizes = driver.execute_script(
        "return Array.from(document.querySelectorAll('.page-tags a'),"
        " a => [a.textContent, a.getBoundingClientRect().width, a.getBoundingClientRect().height]);")
    assert [s[0] for s in sizes] == ["子育て", "C#", "Q&A"]
    assert all(w >= 24 and h >= 24 for _, w, h in sizes), sizes
    label = driver.execute_script(
        "const n = document.querySelector('nav.page-tags');"
        "return document.getElementById(n.getAttribute('aria-labelledby')).textContent;")
    assert label == "タグ"
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.textContent") == "子育て":
            break
    else:
        pytest.fail("Tab never reached the tag 子育て")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    load(driver, driver.current_url)
    assert urllib.parse.unquote(urllib.parse.urlsplit(driver.current_url).path) == "/tags/子育て/"
    assert driver.find_element("css selector", "h1").text == "タグ：子育て"

    load(driver, tagged_server + "/tags/" + urllib.parse.quote("子育") + "/")
    driver.set_script_timeout(10)
    offered = driver.execute_async_script("""
        const done = arguments[0];
        const box = document.getElementById('nf-suggest');
        const wait = () => box.hidden ? setTimeout(wait, 50)
          : done(Array.from(box.querySelectorAll('a'), a => a.getAttribute('href')));
        wait();""")
    assert CHILDCARE in offered, offered
