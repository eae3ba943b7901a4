"""All-day events (`start: 2027-01-26`, `end: 2027-01-31`) in the built shipped content, and a
date mixed with a time reported where it is written.

Each shipped event whose `start` is a date alone is shown as days on its page and in the list,
is a whole-day event in its calendar (DTSTART;VALUE=DATE, DTEND the day after the last day) and
in its JSON-LD; every entry of the events feed is dated in RFC 3339 and not after the build's
clock.

Run: PORTAL_BIN=.build/debug/portal python3 -m pytest -q tests/test_all_day_events.py
"""
import datetime
import json
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import BIN, CONTENT, NOW, ROOT

WEEKDAYS = "月火水木金土日"


def shown(day):
    return f"{day.year}年{day.month}月{day.day}日（{WEEKDAYS[day.weekday()]}）"


def all_day_events():
    events = []
    for path in sorted((CONTENT / "events").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        start, end = front.get("start"), front.get("end")
        # PyYAML reads an unquoted date alone as a date; a date and time is a datetime.
        if isinstance(start, datetime.date) and not isinstance(start, datetime.datetime):
            events.append((path.stem, start, end or start))
    return events


def test_the_shipped_content_has_an_all_day_event():
    assert any(first != last for _, first, last in all_day_events())


@pytest.mark.parametrize("slug,first,last", all_day_events())
def test_all_day_event_is_days_everywhere(site_dir, slug, first, last):
    page = (site_dir / "events" / slug / "index.html").read_text(encoding="utf-8")
    # Each end of a range in its own <time>, so machines read the last day too; the text
    # between and after them is the label's.
    days = f'<time datetime="{first.isoformat()}">{shown(first)}</time>' if first == last else (
        f'<time datetime="{first.isoformat()}">{shown(first)}</time>から'
        f'<time datetime="{last.isoformat()}">'
        + (shown(last) if last.year != first.year else shown(last)[5:]) + "</time>まで")
    assert days in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert ld["startDate"] == first.isoformat()
    if last != first:
        assert ld["endDate"] == last.isoformat()
    assert days in (site_dir / "events" / "index.html").read_text(encoding="utf-8")

    ics = (site_dir / "events" / slug / "event.ics").read_bytes().decode("utf-8")  # CRLF kept
    after = last + datetime.timedelta(days=1)
    assert f"\r\nDTSTART;VALUE=DATE:{first:%Y%m%d}\r\nDTEND;VALUE=DATE:{after:%Y%m%d}\r\n" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_feed_entries_are_never_dated_after_the_build(site_dir):
    feed = (site_dir / "events" / "feed.xml").read_text(encoding="utf-8")
    now = datetime.datetime.fromisoformat(NOW)
    stamps = re.findall(r"<updated>([^<]*)</updated>", feed)
    assert len(stamps) > 1
    for stamp in stamps:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", stamp), stamp
        assert datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")) <= now, stamp


def test_a_date_with_a_time_is_an_error_at_end(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content", content)
    (content / "events" / "fair.md").write_text(
        "---\ntitle: 体験フェア\nsummary: 体験できます。\nstart: 2026-12-20\n"
        "end: 2026-12-20T16:00:00+09:00\nplace: 千葉県庁\n---\n\n本文です。\n", encoding="utf-8")
    r = subprocess.run(
        [str(BIN), "build", "--content", str(content), "--theme", str(ROOT / "theme"),
         "--output", str(tmp_path / "site"), "--now", NOW, "--diagnostics", "json"],
        capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    [problem] = json.loads(r.stdout)["diagnostics"]
    assert (problem["line"], problem["column"], problem["code"]) == (5, 6, "front-matter.date")
    assert problem["file"].endswith("events/fair.md")
    assert "`start: 2026-12-20` and `end: 2026-12-20`" in problem["hint"]
    assert "`start: 2026-12-20T10:00:00+09:00` and `end: 2026-12-20T16:00:00+09:00`" in problem["hint"]
    assert "終日のイベント" in problem["japanese"]["message"]
