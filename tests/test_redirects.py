"""`redirect_from`: a page's earlier addresses keep working on the built site, in a real browser
(with and without JavaScript), pass `portal check` and the Nu HTML Checker, and an address another
page still has is a build error at its line."""
import re
import shutil
import subprocess

import pytest

from conftest import BIN, CONTENT, NOW, THEME, build_site, serving

MOVED = "agri-facility-maintenance"
OLD = "/initiatives/old-agri-facility/"
# 「旧・施設」 as the address bar copies it.
OLD_HTML = "/kurashi/%E6%97%A7%E6%96%BD%E8%A8%AD.html"


def build(content, out):
    return subprocess.run(
        [str(BIN), "build", "--content", str(content), "--theme", str(THEME), "--output", str(out), "--now", NOW],
        capture_output=True, text=True, timeout=300,
    )


def add_redirects(page, yaml):
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", f"---\nredirect_from: {yaml}\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """The portal with one initiative given two earlier addresses, built and served: (site folder,
    base URL)."""
    work = tmp_path_factory.mktemp("moved")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    add_redirects(content / "initiatives" / f"{MOVED}.md", f'[{OLD}, "{OLD_HTML}"]')
    out = build_site(content, work / "site")
    with serving(out) as base:
        yield out, base


def test_earlier_addresses_are_written_and_left_out_of_the_sitemap(moved):
    out, _ = moved
    for path in ["initiatives/old-agri-facility/index.html", "kurashi/旧施設.html"]:
        html = (out / path).read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url=/initiatives/{MOVED}/">' in html, path
        assert '<meta name="robots" content="noindex">' in html, path
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/initiatives/{MOVED}/</loc>" in sitemap
    assert "old-agri-facility" not in sitemap and "kurashi" not in sitemap


def test_portal_check_follows_them(moved):
    out, _ = moved
    r = subprocess.run([str(BIN), "check", "--site", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_browser_arrives_at_the_page(moved, javascript, request):
    from selenium.webdriver.support.ui import WebDriverWait

    _, base = moved
    driver = request.getfixturevalue("driver" if javascript else "driver_nojs")
    for old in [OLD, OLD_HTML]:
        driver.get(base + old)
        # The address changes before the page it leads to is there: wait for its heading too.
        WebDriverWait(driver, 10).until(
            lambda d: d.current_url == f"{base}/initiatives/{MOVED}/"
            and d.find_elements("css selector", "h1"))
        assert driver.find_element("css selector", "h1").text == "デジタル技術を活用した生産基盤施設維持管理"


def test_they_are_valid_html(moved):
    from test_html_valid import nu_errors

    out, _ = moved
    files = [out / "initiatives" / "old-agri-facility" / "index.html", out / "kurashi" / "旧施設.html"]
    count, lines = nu_errors(out, files)
    assert not count, "\n".join(lines)


def test_an_address_in_use_is_an_error_at_its_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    add_redirects(content / "initiatives" / f"{MOVED}.md", "[/initiatives/ai-disaster-management/]")
    r = build(content, tmp_path / "site")
    assert r.returncode == 1
    assert re.search(
        rf"initiatives/{MOVED}\.md:2:17: error: `redirect_from` address /initiatives/ai-disaster-management/ "
        r"is the address of .*content/initiatives/ai-disaster-management\.md \[content\.redirect-conflict\]",
        r.stderr,
    ), r.stderr
    assert not (tmp_path / "site").exists()
