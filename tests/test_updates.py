"""更新情報: pages with an `updated` date (or a `publish` time) show on the home page (the latest
five), on /updates/ and in /updates/feed.xml, newest first. The shipped portal dates only its
upcoming events (`publish: 2026-11-25`, listed as 公開), so these tests build it with three pages
given `updated` dates too; the pages pass axe-core at every width and the Nu HTML Checker, and
the feed is well-formed Atom."""
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import BIN, CONTENT, build_site, serving
from test_browser_a11y import WIDTHS, axe_source, page_problems, reset_viewport, set_viewport

DATES = {
    "initiatives/agri-facility-maintenance.md": "2026-11-20",
    "initiatives/ai-disaster-management.md": "2026-11-02",
    "strategy/basics.md": "2026-10-01",
}
ATOM = "{http://www.w3.org/2005/Atom}"
# The shipped events published on 2026-11-25 (midnight in Japan), listed before the pages above
# and, at the same instant, by path.
PUBLISHED = [
    "chiba-dx-hiroba-2026", "civic-tech-hackathon", "disaster-dx-experience", "dx-advisory-council-2027",
    "dx-panel-exhibition-2027", "senior-smartphone-class", "sme-dx-seminar"]


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """The portal with three pages given `updated` dates, built and served: (site folder, base URL)."""
    work = tmp_path_factory.mktemp("updated")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    for path, date in DATES.items():
        page = content / path
        assert page.is_file(), f"the shipped content has no {path}"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("---\n", f"---\nupdated: {date}\n", 1), encoding="utf-8")
    out = build_site(content, work / "site")
    with serving(out) as base:
        yield out, base


def test_the_feed_lists_them_newest_first(updated):
    out, _ = updated
    feed = ET.parse(out / "updates" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}updated").text for e in entries] == ["2026-11-25T00:00:00+09:00"] * len(PUBLISHED) + [
        "2026-11-20T00:00:00+09:00", "2026-11-02T00:00:00+09:00", "2026-10-01T00:00:00+09:00"]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert [link.rstrip("/").rsplit("/", 1)[1] for link in links[:len(PUBLISHED)]] == PUBLISHED
    assert links[len(PUBLISHED)].endswith("/initiatives/agri-facility-maintenance/")
    assert feed.find(f"{ATOM}updated").text == "2026-11-25T00:00:00+09:00"


def test_the_home_page_and_the_list_show_them(updated):
    out, _ = updated
    home = (out / "index.html").read_text(encoding="utf-8")
    section = home[home.index('<h2 id="updates-heading">更新情報</h2>'):]
    section = section[:section.index("</section>")]
    assert section.count('<li class="card">') == 5 and section.count('2026年11月25日（水）</time>公開<span class="card-kind"><span class="visually-hidden">、</span>イベント</span>') == 5
    listing = (out / "updates" / "index.html").read_text(encoding="utf-8")
    assert listing.count('<li class="card">') == len(PUBLISHED) + 3
    assert listing.count('公開<span class="card-kind"><span class="visually-hidden">、</span>イベント</span>') == len(PUBLISHED)
    assert listing.index("2026年11月25日") < listing.index("2026年11月20日") < listing.index("2026年11月2日") \
        < listing.index("2026年10月1日")


@pytest.mark.parametrize("width", WIDTHS)
def test_they_pass_axe_and_fit(driver, updated, width):
    _, base = updated
    axe_js = axe_source()
    failures = []
    set_viewport(driver, width)
    try:
        for path in ["/", "/updates/"]:
            failures += page_problems(driver, axe_js, base, path)
    finally:
        reset_viewport(driver)
    assert not failures, f"at {width} px:\n" + "\n".join(failures)


def test_the_sitemap_dates_them_and_portal_check_reads_it(updated):
    out, _ = updated
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "/initiatives/agri-facility-maintenance/</loc><lastmod>2026-11-20</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == 3
    r = subprocess.run([str(BIN), "check", "--site", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_they_are_valid_html(updated):
    from test_html_valid import nu_errors

    out, _ = updated
    count, lines = nu_errors(out, [out / "index.html", out / "updates" / "index.html"])
    assert not count, "\n".join(lines)
