"""Shared fixtures for the Python tests of the built portal.

Environment:
  PORTAL_BIN               the portal binary (default: <repo>/.build/debug/portal)
  PORTAL_CONTENT           the content folder to build (default: <repo>/content; relative paths
                           are taken from the repository root)
  PORTAL_NOW               the build clock (default: 2026-11-25T09:00:00+09:00)
  PORTAL_REQUIRE_BROWSER   when set, a missing chromium/chromedriver/selenium is a failure, never
                           a skip (CI sets it)
  PORTAL_SCREENSHOTS       folder for the screenshots the browser tests write (default: a temp dir)
"""
import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _path_from_env(name, default):
    value = os.environ.get(name)
    if not value:
        return Path(default)
    p = Path(value)
    return p if p.is_absolute() else (ROOT / p)


BIN = _path_from_env("PORTAL_BIN", ROOT / ".build" / "debug" / "portal").resolve()
CONTENT = _path_from_env("PORTAL_CONTENT", ROOT / "content").resolve()
# Another theme (a designer's) for the browser tests of the built site: `PORTAL_THEME=../my-theme`
# with `-k axe` (docs/theme.md, *Checking a changed theme*).
THEME = _path_from_env("PORTAL_THEME", ROOT / "theme").resolve()
NOW = os.environ.get("PORTAL_NOW") or "2026-11-25T09:00:00+09:00"
# The tests read Portal's messages in English, whatever language this computer is set to
# (a test that wants Japanese sets PORTAL_LANG=ja for its own run).
os.environ["PORTAL_LANG"] = "en"

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMEDRIVER_CANDIDATES = ["/usr/bin/chromedriver"]


def _first_existing(candidates, name):
    for c in candidates:
        if os.path.exists(c):
            return c
    return shutil.which(name)


CHROMIUM = _first_existing(CHROMIUM_CANDIDATES, "chromium")
CHROMEDRIVER = _first_existing(CHROMEDRIVER_CANDIDATES, "chromedriver")


def browser_unavailable_reason():
    """Why the browser tests cannot run here, or None when they can."""
    missing = []
    if not CHROMIUM:
        missing.append("chromium (Debian package `chromium`)")
    if not CHROMEDRIVER:
        missing.append("chromedriver (Debian package `chromium-driver`)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install selenium)")
    if not missing:
        return None
    return "browser tests need " + ", ".join(missing) + "; run scripts/install-test-deps.sh"


def require_browser():
    """Skips the calling test when no browser is available, unless PORTAL_REQUIRE_BROWSER is set,
    in which case it fails: CI must never skip the accessibility proof silently."""
    reason = browser_unavailable_reason()
    if reason is None:
        return
    if os.environ.get("PORTAL_REQUIRE_BROWSER"):
        pytest.fail("PORTAL_REQUIRE_BROWSER is set but " + reason, pytrace=False)
    pytest.skip(reason)


# ---------------------------------------------------------------- the built site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The portal built once from PORTAL_CONTENT with the repository's theme and a fixed clock."""
    if not BIN.exists():
        pytest.fail(f"portal binary not found at {BIN}: run `swift build --product portal` or set PORTAL_BIN", pytrace=False)
    if not CONTENT.is_dir():
        pytest.fail(f"content folder not found at {CONTENT}: set PORTAL_CONTENT", pytrace=False)
    out = tmp_path_factory.mktemp("portal-site") / "site"
    r = subprocess.run(
        [str(BIN), "build", "--content", str(CONTENT), "--theme", str(THEME), "--output", str(out), "--now", NOW],
        capture_output=True, text=True, timeout=300,
    )
    if r.returncode != 0:
        pytest.fail(f"portal build failed (exit {r.returncode}):\n{r.stdout}\n{r.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def limited_events_site(site_dir, tmp_path_factory):
    """The same content built with `past_events_listed: 1`: the events page lists the latest
    past event and links a page per year (the shipped portal has too few events for that)."""
    work = tmp_path_factory.mktemp("limited-events")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    with open(content / "site.yml", "a", encoding="utf-8") as f:
        f.write("\npast_events_listed: 1\n")
    out = build_site(content, work / "site")
    assert list((out / "events" / "past").iterdir()), "expected a page per year of past events"
    return out


def html_files(site):
    return sorted(p for p in site.rglob("*.html") if ".portal" not in p.parts)


def url_of(site, path):
    rel = path.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def _richest(site, folder):
    """The page under `folder`/<slug>/ with the most markup: it exercises the most template paths
    (related events and initiatives, glossary terms, furigana, tables)."""
    base = site / folder
    if not base.is_dir():
        return None
    pages = [p / "index.html" for p in sorted(base.iterdir()) if (p / "index.html").is_file()]
    if not pages:
        return None

    def score(p):
        text = p.read_text(encoding="utf-8")
        return (text.count('class="term"') > 0) + (text.count("<ruby>") > 0) + (text.count("<table") > 0), len(text)

    return url_of(site, max(pages, key=score))


@pytest.fixture(scope="session")
def page_types(site_dir):
    """One URL per page type, as a list of (name, url). The 404 page is requested at a missing URL."""
    s = site_dir
    types = [("home", "/"), ("strategy-index", "/strategy/")]
    candidates = [
        ("strategy", _richest(s, "strategy")),
        ("domains", "/domains/"),
        ("domain", _first_non_foundation_domain(s)),
        ("field", _richest(s, "fields")),
        ("initiatives", "/initiatives/"),
        ("initiative", _richest(s, "initiatives")),
        ("events", "/events/"),
        ("event", _richest(s, "events")),
        ("glossary", "/glossary/"),
        ("glossary-entry", _richest(s, "glossary")),
        ("about", _richest(s, "about")),
        # The list of the pages about the site, made while there is any.
        ("about-index", "/about/" if (s / "about" / "index.html").is_file() else None),
        ("search", "/search/"),
        # The list of tags and a tag's page, made while pages have tags (the address encoded).
        ("tags", "/tags/" if (s / "tags" / "index.html").is_file() else None),
        ("tag", _first_tag(s)),
        ("404", "/no-such-page/"),
        # A page's address with a typo: the 404 page then offers that page.
        ("404-near", _typo(_richest(s, "initiatives"))),
    ]
    types += [(n, u) for n, u in candidates if u]
    return types


def _first_tag(site):
    """The address of the page of the tag with the most pages, percent-encoded as links write it."""
    import urllib.parse

    base = site / "tags"
    if not base.is_dir():
        return None
    tags = [d for d in sorted(base.iterdir()) if (d / "index.html").is_file()]
    if not tags:
        return None
    richest = max(tags, key=lambda d: (d / "index.html").read_text(encoding="utf-8").count('class="card"'))
    return "/tags/" + urllib.parse.quote(richest.name) + "/"


def _typo(url):
    """`url` with the last letter of its last part dropped (/initiatives/ai-disaste/)."""
    if not url:
        return None
    return url[:-2] + "/" if len(url.rstrip("/").split("/")[-1]) > 3 else None


def _first_non_foundation_domain(site):
    base = site / "domains"
    if not base.is_dir():
        return None
    for d in sorted(base.iterdir()):
        if (d / "index.html").is_file() and d.name != "foundation":
            return f"/domains/{d.name}/"
    return None


# ---------------------------------------------------------------- a local HTTP server


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
        ".ics": "text/calendar", ".xml": "application/xml", ".json": "application/json",
    }

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as a static host would.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(content, out):
    """Builds `content` with the repository's theme and the fixed clock into `out`; a failed
    build fails the test with the build's output."""
    r = subprocess.run(
        [str(BIN), "build", "--content", str(content), "--theme", str(THEME), "--output", str(out), "--now", NOW],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return out


@contextlib.contextmanager
def serving(folder):
    """Serves `folder` on 127.0.0.1 on a free port, as a static host would; gives the base URL
    without a slash."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", _free_port()), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site_dir):
    """Serves the built site on 127.0.0.1 on a free port; yields the base URL without a slash."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# ---------------------------------------------------------------- Selenium Chrome


def make_driver(javascript=True, width=1280, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--lang=ja-JP", "--force-device-scale-factor=1", "--hide-scrollbars",
                f"--window-size={width},{height}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


@pytest.fixture(scope="session")
def driver():
    require_browser()
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture(scope="module")
def chromium():
    """A browser of the test module's own, for tests that change what the session's `driver`
    would carry into the next module (its storage, a served site's origin)."""
    require_browser()
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture(scope="session")
def driver_nojs():
    require_browser()
    d = make_driver(javascript=False)
    yield d
    d.quit()


@pytest.fixture
def browser_available():
    """For a module of browser tests (`pytest.mark.usefixtures("browser_available")`): each of
    its tests is skipped, or failed when PORTAL_REQUIRE_BROWSER is set, without a browser."""
    require_browser()


@pytest.fixture(scope="session")
def axe_js():
    """axe-core's source, read once (test_browser_a11y's own fixture also checks its version)."""
    from test_browser_a11y import axe_source

    return axe_source()


def large_text(driver, how):
    """Text at 200 %: the page's own font size (a phone's text setting, emulated), or Chrome's
    text size setting (a default font of 32 px instead of 16)."""
    if how == "page":
        driver.execute_script("document.documentElement.style.fontSize = '200%'")
    else:
        driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})


def normal_text(driver):
    """Chrome's text size setting back to its defaults (16 px, 13 px for fixed-width text)."""
    driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory):
    # Without PORTAL_SCREENSHOTS, pytest's own temporary folder: it keeps the last three runs
    # (for a look after a failure) and removes older ones, so runs do not pile up in /tmp.
    folder = os.environ.get("PORTAL_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: needs headless Chromium and chromedriver")
