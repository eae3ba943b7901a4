"""Images in pages: the site's own keep their room while they load (`width` and `height` read
from the file) and every image loads lazily. Built from the shipped portal with a real PNG under
content/files/ (Japanese file name) and an image on another site; checked in headless Chromium
(the room is kept before the image arrives, it fits a 320 px screen), by axe-core and by the Nu
HTML Checker."""
import shutil
import struct
import zlib

import pytest

from conftest import CONTENT, build_site, serving
from test_browser_a11y import axe_source, page_problems, reset_viewport, set_viewport

PAGE = "strategy/basics.md"


def png(width, height):
    """A real PNG: one colour, 8-bit RGB, as any image program writes it."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x00\x3f\x7f" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    work = tmp_path_factory.mktemp("images")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    (content / "files" / "地図").mkdir(parents=True, exist_ok=True)
    (content / "files" / "地図" / "避難所.png").write_bytes(png(1200, 800))
    page = content / PAGE
    page.write_text(page.read_text(encoding="utf-8")
                    + "\n![避難所の場所を示す地図](../files/地図/避難所.png)\n", encoding="utf-8")
    out = build_site(content, work / "site")
    with serving(out) as base:
        yield out, base


def test_the_image_has_its_size_and_loads_lazily(pictured):
    out, _ = pictured
    html = (out / "strategy" / "basics" / "index.html").read_text(encoding="utf-8")
    assert ('width="1200" height="800" loading="lazy" decoding="async" alt="避難所の場所を示す地図"'
            in html), html


def test_its_room_is_kept_before_it_arrives_and_it_fits_a_phone(driver, pictured):
    """The browser derives the box's shape from the attributes before any byte of the image
    (`aspect-ratio: auto 1200 / 800` in its own style sheet); loaded, it fits 320 px with that
    shape."""
    from test_browser_a11y import load

    _, base = pictured
    set_viewport(driver, 320)
    try:
        load(driver, base + "/strategy/basics/")
        box = driver.execute_script(
            "const i = document.querySelector('main img');"
            "i.scrollIntoView();"
            "return new Promise(done => {"
            "  const report = () => { const r = i.getBoundingClientRect();"
            "    done([getComputedStyle(i).aspectRatio, r.width, r.height,"
            "          document.documentElement.scrollWidth, innerWidth, i.naturalWidth]); };"
            "  if (i.complete) report(); else i.addEventListener('load', report);"
            "});")
        ratio, width, height, scroll_width, inner_width, natural = box
        assert ratio == "auto 1200 / 800", box
        assert natural == 1200, box
        assert 0 < width <= inner_width and scroll_width <= inner_width, box
        assert abs(height - width * 800 / 1200) < 1.5, box
    finally:
        reset_viewport(driver)


def test_the_page_passes_axe_and_nu(driver, pictured):
    from test_html_valid import nu_errors

    out, base = pictured
    set_viewport(driver, 320)
    try:
        failures = page_problems(driver, axe_source(), base, "/strategy/basics/")
    finally:
        reset_viewport(driver)
    assert not failures, "\n".join(failures)
    count, lines = nu_errors(out, [out / "strategy" / "basics" / "index.html"])
    assert not count, "\n".join(lines)


def test_lint_says_a_heavy_photo_is_heavy(tmp_path):
    """A photo as a camera saves it (noise does not compress): `portal lint` gives its size in
    bytes and pixels."""
    import os
    import subprocess

    from conftest import BIN, THEME

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    width, height = 1000, 700
    rows = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    (content / "files").mkdir(exist_ok=True)
    (content / "files" / "会場.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    page = content / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n![会場の様子](../files/会場.png)\n", encoding="utf-8")
    r = subprocess.run([str(BIN), "lint", "--content", str(content), str(page)], capture_output=True,
                       text=True, timeout=120)
    assert "(1000 × 700 px, more than 500KB): every reader downloads all of it [lint.image-weight]" in r.stdout, (
        r.stdout + r.stderr)


def test_an_image_from_another_site_is_reported_where_the_browser_refuses_it(tmp_path, driver):
    """The theme's Content-Security-Policy lets pages show only the site's own images. `portal
    check` says so at the image's Markdown line and column, and Chromium refuses the same image
    under the same policy: the rule and the browser agree."""
    import subprocess
    import time

    from conftest import BIN
    from test_browser_a11y import load

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / PAGE
    text = page.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    page.write_text(text + "\n地図：![避難所の地図](https://maps.example.com/避難所.png)\n", encoding="utf-8")
    out = build_site(content, tmp_path / "site")
    r = subprocess.run([str(BIN), "check", "--site", "site"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 1, r.stdout + r.stderr
    assert (f"content/{PAGE}:{line}:4: error: the page's Content-Security-Policy (img-src 'self' data:) "
            "blocks the image https://maps.example.com/避難所.png: browsers leave it out [csp.blocked]"
            in r.stdout), r.stdout + r.stderr
    with serving(out) as base:
        driver.get_log("browser")  # drop earlier entries
        load(driver, base + "/strategy/basics/")
        driver.execute_script("document.querySelector('img[alt=\"避難所の地図\"]').scrollIntoView()")
        blocked = []
        for _ in range(50):
            blocked += [e["message"] for e in driver.get_log("browser")
                        if "Content Security Policy" in e["message"] and "maps.example.com" in e["message"]]
            if blocked:
                break
            time.sleep(0.1)
    assert blocked and "img-src 'self' data:" in blocked[0], blocked
