"""Links that take a resident to another site say so, in a real browser (headless Chromium).

An audit found that a page's own words linking to another site (the strategy's full text on the
prefecture's site) gave no sign of leaving the portal, while the theme's links there (an event's
online page, its application form) said （外部のサイト）. A reader unused to the web, or a
screen reader's list of links, could not tell. Every link to another host, on every built page,
now has 外部 in its accessible name; links within the portal's host have none.
"""
import re
from urllib.parse import urlsplit

import pytest

from conftest import html_files, url_of
from test_browser_a11y import load

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

def own_host(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return urlsplit(re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)).hostname


def pages_linking_out(site_dir, host):
    """The built pages whose HTML holds a link to another host."""
    found = []
    for path in html_files(site_dir):
        html = path.read_text(encoding="utf-8")
        for href in re.findall(r'<a [^>]*href="((?:https?:)?//[^"]+)"', html):
            if urlsplit(href if href.startswith("http") else "https:" + href).hostname != host:
                found.append(path)
                break
    return found


def test_every_link_to_another_site_says_so(driver, site_dir, server):
    host = own_host(site_dir)
    pages = pages_linking_out(site_dir, host)
    # The shipped site links out from a strategy page's body and from events' pages.
    assert any("/strategy/" in str(p) for p in pages), pages
    assert any("/events/" in str(p) for p in pages), pages
    problems, checked = [], 0
    for path in pages:
        load(driver, server + url_of(site_dir, path))
        for element in driver.find_elements("css selector", "a[href]"):
            href = element.get_attribute("href")
            target = urlsplit(href)
            if target.scheme not in ("http", "https") or target.hostname in (host, "127.0.0.1", "localhost"):
                continue
            checked += 1
            # A link portal.js hides by the reader's clock (an application closed since) has no
            # accessible name while hidden: its words are what a reader would get.
            name = element.accessible_name if element.is_displayed() else element.get_attribute("textContent")
            if "外部" not in name:
                problems.append(f"{url_of(site_dir, path)}: 「{name}」 → {href}")
    assert checked, "no link to another site was found in a browser"
    assert not problems, "links to other sites that do not say so:\n" + "\n".join(problems)


def test_links_within_the_portal_do_not_say_it(driver, site_dir, server):
    """The note is for leaving: the portal's own links, and the prefecture's pages on its host,
    carry none (the note in every link would be noise to a screen reader)."""
    page = site_dir / "strategy" / "promotion" / "index.html"
    load(driver, server + url_of(site_dir, page))
    notes = driver.execute_script(
        "return [...document.querySelectorAll('a')].filter((a) => a.querySelector('.other-site'))"
        ".map((a) => a.href);")
    assert notes and all(not h.startswith(server) for h in notes), notes
