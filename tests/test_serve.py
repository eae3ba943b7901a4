"""`portal serve` as a writer runs it: the real process on a free port, a real browser on a page,
an edit that reloads the page, a broken file that shows the error overlay (file, line, message)
while the last good page stays, a fix that clears it, and Ctrl-C that stops it cleanly."""
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from conftest import BIN, ROOT, THEME, make_driver, require_browser

FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
PAGE = "initiatives/ai-disaster.md"


class Serve:
    """A `portal serve --port 0` process and the address it printed."""

    def __init__(self, work, *extra):
        self.work = work
        self.proc = subprocess.Popen(
            [str(BIN), "serve", "--port", "0", "--content", "content", "--theme", "theme", "--output", "site",
             *extra],
            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.stderr = []
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()
        line = self.proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.proc.kill()
            pytest.fail(f"portal serve printed no address: {line!r} {''.join(self.stderr)}")
        self.base = f"http://127.0.0.1:{match.group(1)}"

    def get(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            pytest.fail("portal serve did not stop within 20 s of Ctrl-C (SIGINT)")


@contextmanager
def served_in_browser(work, *extra):
    """`portal serve` on `work` and a headless Chromium to open its pages; afterwards the
    browser quits and the server must stop cleanly on Ctrl-C (its stderr is the message)."""
    require_browser()
    server = Serve(work, *extra)
    driver = make_driver()
    try:
        yield server, driver
    finally:
        driver.quit()
        assert server.stop() == 0, "".join(server.stderr)


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    shutil.copytree(THEME, tmp_path / "theme")
    return tmp_path


def wait_until(check, timeout=30, what="condition"):
    end = time.time() + timeout
    while time.time() < end:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _network_address():
    """This computer's address on its default route (no packet is sent), or None without one."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))
            address = s.getsockname()[0]
            return None if address.startswith("127.") else address
    except OSError:
        return None


def test_host_0000_serves_the_network_and_says_so(work):
    """`--host 0.0.0.0`: the addresses other devices can open are printed, with a warning, and
    the preview answers on this computer's network address."""
    server = Serve(work, "--host", "0.0.0.0")
    try:
        line = server.proc.stdout.readline()
        printed = re.findall(r"On other devices on this network: http://([0-9.]+):(\d+)/", line)
        network = _network_address()
        if network:
            port = server.base.rsplit(":", 1)[1]
            assert (network, port) in printed, line
            with urllib.request.urlopen(f"http://{network}:{port}/", timeout=10) as r:
                assert r.status == 200
        assert server.get("/")[0] == 200
        wait_until(lambda: "anyone on this network" in "".join(server.stderr), what="the warning")
    finally:
        assert server.stop() == 0


def test_a_host_that_is_not_an_address_is_a_usage_error(work):
    r = subprocess.run([str(BIN), "serve", "--host", "my-laptop"], cwd=work, capture_output=True, text=True,
                       timeout=30)
    assert r.returncode == 2, r
    assert "`--host my-laptop` is not an IPv4 address" in r.stderr


def test_serve_ctrl_c_stops_cleanly(work):
    server = Serve(work)
    status, body = server.get("/")
    assert status == 200 and "<html" in body
    assert "/_portal/live.js" in body
    assert (work / "site" / "index.html").exists()
    assert "_portal" not in (work / "site" / "index.html").read_text(encoding="utf-8")
    assert server.stop() == 0
    assert "Stopped." in server.proc.stdout.read()
    # Nothing was left beside the output (no staging folders).
    assert sorted(p.name for p in work.iterdir()) == ["content", "site", "theme"]


def test_while_serving_other_writers_of_the_output_stop_at_once(work):
    """`portal build` (or a second `portal serve`) on the folder being served would write under
    the server, which keeps what it wrote in memory: both stop at once, saying which process
    serves it, at which address, and what to do; the site and the server go on."""
    server = Serve(work)
    try:
        site = work / "site"
        before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
        expected = f"Error: portal serve (process {server.proc.pid}, {server.base}/) is already writing site/"
        for args in (["build"], ["serve", "--port", "0"]):
            r = subprocess.run([str(BIN), *args, "--content", "content", "--theme", "theme", "--output", "site"],
                               cwd=work, capture_output=True, text=True, timeout=60)
            assert r.returncode == 1, r
            assert expected in r.stderr, r.stderr
            assert f"Help: it rebuilds site/ on every save; open {server.base}/, or stop it first" in r.stderr
        assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
        page = work / "content" / PAGE
        page.write_text(page.read_text(encoding="utf-8") + "\nまだ動いています。\n", encoding="utf-8")
        wait_until(lambda: "まだ動いています" in server.get("/initiatives/ai-disaster/")[1], what="the edit")
    finally:
        assert server.stop() == 0
    assert sorted(p.name for p in work.iterdir()) == ["content", "site", "theme"]
    build = subprocess.run([str(BIN), "build", "--content", "content", "--theme", "theme", "--output", "site"],
                           cwd=work, capture_output=True, text=True, timeout=60)
    assert build.returncode == 0, build.stderr


def test_an_edit_then_ctrl_c_leaves_the_cache_for_portal_build(work):
    """An edit is rebuilt in place with the cache kept in memory (the one on disk is removed);
    Ctrl-C right after it must still write the cache, so `portal build` has nothing to do."""
    server = Serve(work)
    page = work / "content" / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n止める直前の追記です。\n", encoding="utf-8")
    wait_until(lambda: "止める直前の追記です" in server.get("/initiatives/ai-disaster/")[1], what="the edit")
    assert server.stop() == 0
    build = subprocess.run(
        [str(BIN), "build", "--content", "content", "--theme", "theme", "--output", "site"],
        cwd=work, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert "Up to date" in build.stdout + build.stderr, build.stdout + build.stderr


@pytest.mark.browser
def test_browser_reloads_on_edit_and_shows_errors(work):
    with served_in_browser(work) as (server, driver):
        driver.get(server.base + "/initiatives/ai-disaster/")
        assert "AIを活用した防災対策" in driver.find_element("tag name", "h1").text
        # A marker on the old document: it disappears when the page reloads.
        driver.execute_script("window.__portalOld = true")
        # Let the page connect to the event stream before editing.
        time.sleep(1)

        source = work / "content" / PAGE
        text = source.read_text(encoding="utf-8")
        assert "status: active" in text
        source.write_text(text + "\n自動で読み込み直した段落です。\n", encoding="utf-8")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the page to reload after the edit")
        wait_until(lambda: "自動で読み込み直した段落です。" in driver.page_source, what="the edited text")

        # A broken file: the overlay names file and line; the last good page is still served.
        source.write_text(text.replace("status: active", "status: actve"), encoding="utf-8")
        overlay = wait_until(lambda: driver.find_elements("id", "portal-live-overlay"), what="the error overlay")[0]
        assert re.search(r"ai-disaster\.md:\d+:\d+", overlay.text), overlay.text
        assert "actve" in overlay.text or "status" in overlay.text
        status, body = server.get("/initiatives/ai-disaster/")
        assert status == 200 and "自動で読み込み直した段落です。" in body
        # The overlay is keyboard operable: its close button has focus and closes it.
        active = driver.switch_to.active_element
        assert active.text == "閉じる"
        active.click()
        assert not driver.find_elements("id", "portal-live-overlay")
        # Another save while the error stands (another page's body): the build fails again with
        # the same error, and the overlay closed by the writer comes back, where the preview
        # had looked frozen (the save not shown, nothing said on the page).
        other = work / "content" / "initiatives" / "cyber-security.md"
        other.write_text(other.read_text(encoding="utf-8") + "\nエラーの間の追記です。\n", encoding="utf-8")
        overlay = wait_until(lambda: driver.find_elements("id", "portal-live-overlay"),
                             what="the error overlay again after another save")[0]
        assert re.search(r"ai-disaster\.md:\d+:\d+", overlay.text), overlay.text
        wait_until(lambda: "saved changes show once they are fixed" in "".join(server.stderr)
                   or "保存した変更は、エラーを直すと表示されます" in "".join(server.stderr),
                   what="the terminal's line saying the save waits for the fix")
        driver.switch_to.active_element.click()

        # Fixing the file reloads the page without the overlay.
        driver.execute_script("window.__portalOld = true")
        source.write_text(text, encoding="utf-8")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the page to reload after the fix")
        assert not driver.find_elements("id", "portal-live-overlay")
        assert "自動で読み込み直した段落です。" not in driver.page_source
        # No console errors from the live-reload script (for example a CSP violation).
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and "_portal" in e.get("message", "")]
        assert errors == []


@pytest.mark.browser
def test_browser_shows_what_lint_and_check_say_about_the_page(work):
    """The page being previewed shows `portal lint`'s warnings for its file, the build's own
    warnings on it and `portal check`'s findings on it in a closed panel, in the corner of a
    desktop's screen (on a phone: test_serve_panel_browser.py); a page without any shows none."""
    with served_in_browser(work) as (server, driver):
        driver.get(server.base + "/initiatives/ai-disaster/")
        time.sleep(1)
        assert not driver.find_elements("id", "portal-lint")
        driver.execute_script("window.__portalOld = true")
        source = work / "content" / PAGE
        long = "県の取組を説明する長い文が続き" * 10 + "ます。ﾃｽﾄです。"
        anchor = "[基本の考え方](../strategy/basics.md#ないみだし)を読みます。"
        # An address copied from the browser and mistyped.
        address = "[取組の一覧](/initiativs/)も見ます。"
        # The build's own warning on the file (an unknown callout), which `--strict` fails on.
        callout = "> [!NOTO]\n> 大事です。"
        source.write_text(source.read_text(encoding="utf-8") + "\n" + long + "\n\n" + anchor + "\n\n" + address + "\n\n"
                          + callout + "\n", encoding="utf-8")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the page to reload after the edit")
        panel = wait_until(lambda: driver.find_elements("id", "portal-lint"), what="the warnings panel")[0]
        summary = panel.find_element("css selector", "button.portal-lint-toggle")
        assert re.match(r"このページの指摘[\d,]+件（エラー[\d,]+件・警告[\d,]+件、.*ai-disaster\.md）", summary.text), \
            summary.text
        assert panel.get_attribute("aria-label") == "このページの指摘"
        # Closed until asked; the keyboard opens it.
        assert not panel.find_element("tag name", "ul").is_displayed()
        assert summary.get_attribute("aria-expanded") == "false"
        # On a desktop, a box in the bottom right corner, as it was: the page stays beside it.
        box = driver.execute_script(
            "const r = document.getElementById('portal-lint').getBoundingClientRect();"
            "return {left: r.left, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight}")
        assert box["left"] > box["width"] / 3 and box["width"] - box["right"] < 16, box
        from selenium.webdriver.common.keys import Keys
        driver.execute_script("arguments[0].focus()", summary)
        summary.send_keys(Keys.ENTER)
        assert summary.get_attribute("aria-expanded") == "true"
        items = [li.text for li in panel.find_elements("css selector", "li")]
        assert any("lint.sentence-length" in t and t.startswith("警告") for t in items), items
        # A warning with one right fix says the command that writes it; the others do not.
        assert any("lint.halfwidth-kana" in t and t.endswith("portal lint --fix で直せます") for t in items), items
        assert not any("lint.sentence-length" in t and "--fix" in t for t in items), items
        # The broken anchor once, in the build's words (the link as written) at the check's
        # severity: not the check's `link.fragment` beside it.
        assert sum("content.heading-link" in t and t.startswith("エラー") for t in items) == 1, items
        assert sum("ないみだし" in t for t in items) == 1, items
        assert not any("link.fragment" in t for t in items), items
        # The address likewise: the build's `content.address-link` (the address meant), not
        # the check's `link.broken`.
        assert sum("content.address-link" in t and t.startswith("エラー") and "/initiatives/" in t
                   for t in items) == 1, items
        assert not any("link.broken" in t for t in items), items
        assert sum("content.callout" in t and t.startswith("警告") for t in items) == 1, items
        assert all(t.startswith(("エラー", "警告")) for t in items), items
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        assert errors == []


def test_a_port_in_use_is_a_clear_error(work):
    import socket
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        r = subprocess.run(
            [str(BIN), "serve", "--port", str(port), "--content", "content", "--theme", "theme", "--output", "site"],
            cwd=work, capture_output=True, text=True, timeout=60,
        )
    finally:
        holder.close()
    assert r.returncode == 1
    assert f"Error: port {port} on 127.0.0.1 is in use by another program" in r.stderr, r.stderr
    assert "Help:" in r.stderr and "--port 0" in r.stderr


@pytest.mark.parametrize("output", ["/", ".", "content", "unrelated", "a-file"])
def test_an_output_the_build_refuses_is_not_served(work, output):
    """The build refuses to write the root, the working folder, content/, a folder of other
    files or a file; `portal serve` used to go on serving that folder (`--output /` answered
    /etc/passwd). It stops before building or serving, exit 1, and the folder is untouched."""
    (work / "unrelated").mkdir()
    (work / "unrelated" / "notes.txt").write_text("keep me", encoding="utf-8")
    (work / "a-file").write_text("a file", encoding="utf-8")
    r = subprocess.run(
        [str(BIN), "serve", "--port", "0", "--content", "content", "--theme", "theme", "--output", output],
        cwd=work, capture_output=True, text=True, timeout=60,
    )
    assert r.returncode == 1, r
    assert "Error: the output" in r.stderr and "Help: give a folder of its own with --output" in r.stderr, r.stderr
    assert "http://" not in r.stdout, r.stdout
    assert (work / "unrelated" / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (work / "a-file").read_text(encoding="utf-8") == "a file"
    assert sorted(p.name for p in work.iterdir()) == ["a-file", "content", "theme", "unrelated"]


def test_ctrl_c_during_the_first_build_stops_at_once(tmp_path):
    """Ctrl-C while the first build of a large site runs stops the process then, not after the
    build (it used to be ignored: the server started and never stopped); nothing is served,
    and the next build starts over (no half-written output, no staging folder kept)."""
    subprocess.run(["python3", str(ROOT / "bench" / "gen_corpus.py"), "--pages", "1500", "--out",
                    str(tmp_path / "content")], check=True, capture_output=True, timeout=120)
    shutil.copytree(THEME, tmp_path / "theme")
    proc = subprocess.Popen(
        [str(BIN), "serve", "--port", "0", "--content", "content", "--theme", "theme", "--output", "site"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(0.5)
    assert proc.poll() is None, proc.stderr.read()
    started = time.time()
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("portal serve did not stop within 20 s of Ctrl-C during its first build")
    assert time.time() - started < 3, "it finished the build before stopping"
    assert proc.returncode == 130, (proc.returncode, err)
    assert "http://" not in out, out
    assert "Stopped during the first build" in err, err
    r = subprocess.run([str(BIN), "build", "--content", "content", "--theme", "theme", "--output", "site"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site", "theme"]


def test_a_hidden_tab_lets_its_connection_go_and_catches_up_when_shown(work):
    """Each open preview holds an event stream, and a browser opens at most six connections to
    one server: a hidden tab closes its stream (so a seventh tab does not hang), and when shown
    again connects and reloads if the site was rebuilt while it was hidden."""
    with served_in_browser(work) as (server, driver):
        hide = """
            Object.defineProperty(document, 'hidden', {configurable: true, get: () => arguments[0]});
            document.dispatchEvent(new Event('visibilitychange'));
        """
        driver.get(server.base + "/initiatives/ai-disaster/")
        driver.execute_script("window.__portalOld = true")
        time.sleep(1)
        driver.execute_script(hide, True)
        source = work / "content" / PAGE
        text = source.read_text(encoding="utf-8")
        source.write_text(text + "\n隠れている間の編集です。\n", encoding="utf-8")
        wait_until(lambda: "隠れている間の編集です。" in server.get("/initiatives/ai-disaster/")[1],
                   what="the rebuild")
        time.sleep(0.5)
        assert driver.execute_script("return window.__portalOld === true"), "a hidden tab reloaded"
        driver.execute_script(hide, False)
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the page to reload when shown again")
        assert "隠れている間の編集です。" in driver.page_source
        # Shown again after no rebuild: it stays.
        driver.execute_script("window.__portalOld = true")
        time.sleep(1)
        driver.execute_script(hide, True)
        driver.execute_script(hide, False)
        time.sleep(1.5)
        assert driver.execute_script("return window.__portalOld === true"), "reloaded without a rebuild"


@pytest.mark.browser
def test_a_page_that_missed_a_rebuild_before_it_connected_reloads(work):
    """A page served just before a rebuild, whose event stream connected only after it (a burst
    of saves), carries the version it was served at; the server's differs, so it reloads. Here
    the page's EventSource is held back (a stand-in that opens the real one when told) until
    after the rebuild."""
    hold = """
        const Real = window.EventSource;
        window.__held = [];
        window.EventSource = class {
          constructor(url) { this.url = url; this.listeners = []; this.real = null; window.__held.push(this); }
          addEventListener(type, f) { this.listeners.push([type, f]); if (this.real) this.real.addEventListener(type, f); }
          close() { this.closed = true; if (this.real) this.real.close(); }
          open() {
            if (this.closed) return;
            this.real = new Real(this.url);
            for (const [type, f] of this.listeners) this.real.addEventListener(type, f);
          }
        };
        window.__connect = () => window.__held.forEach((e) => e.open());
    """
    with served_in_browser(work) as (server, driver):
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": hold})
        driver.get(server.base + "/initiatives/ai-disaster/")
        driver.execute_script("window.__portalOld = true")
        source = work / "content" / PAGE
        text = source.read_text(encoding="utf-8")
        source.write_text(text + "\n接続の前の編集です。\n", encoding="utf-8")
        wait_until(lambda: "接続の前の編集です。" in server.get("/initiatives/ai-disaster/")[1], what="the rebuild")
        assert driver.execute_script("return window.__portalOld === true")
        driver.execute_script("window.__connect()")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the page to reload once connected")
        assert "接続の前の編集です。" in driver.page_source


@pytest.mark.browser
def test_only_the_pages_that_changed_reload(work):
    """An edit reloads the page it changed; another page open in another window stays as it is
    (what was typed in it is kept), and still reloads when its own page changes later."""
    with served_in_browser(work) as (server, driver):
        driver.get(server.base + "/initiatives/ai-disaster/")
        first = driver.current_window_handle
        # A window of its own: a background tab is hidden, and lets its stream go.
        driver.switch_to.new_window("window")
        driver.get(server.base + "/glossary/")
        other = driver.current_window_handle
        for handle in (first, other):
            driver.switch_to.window(handle)
            driver.execute_script("window.__portalOld = true")
        time.sleep(1)
        source = work / "content" / PAGE
        text = source.read_text(encoding="utf-8")
        source.write_text(text + "\n一つのページだけの編集です。\n", encoding="utf-8")
        driver.switch_to.window(first)
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the edited page to reload")
        driver.switch_to.window(other)
        time.sleep(1)
        assert driver.execute_script("return window.__portalOld === true"), "a page the edit did not change reloaded"
        # A change to the theme's stylesheet shows on every page.
        css = work / "theme" / "assets" / "style.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the other page to reload after the stylesheet changed")


def _png(width, height, extra=b""):
    """A PNG of one colour, `extra` bytes after its end (the same picture, other bytes)."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"") + extra)


@pytest.mark.browser
def test_a_file_of_the_files_folder_reloads_only_the_pages_showing_it(work):
    """A file added under content/files/ (a PDF beside the pages) reloaded every open tab, as a
    rebuild that writes no page did; it now reloads only the pages that link or show it."""
    files = work / "content" / "files"
    files.mkdir()
    (files / "map.png").write_bytes(_png(2, 2))
    source = work / "content" / PAGE
    source.write_text(source.read_text(encoding="utf-8") + "\n![避難所の地図](../files/map.png)\n", encoding="utf-8")
    with served_in_browser(work) as (server, driver):
        driver.get(server.base + "/initiatives/ai-disaster/")
        showing = driver.current_window_handle
        driver.switch_to.new_window("window")
        driver.get(server.base + "/glossary/")
        other = driver.current_window_handle
        for handle in (showing, other):
            driver.switch_to.window(handle)
            driver.execute_script("window.__portalOld = true")
        time.sleep(1)
        rebuilt = "".join(server.stderr).count("Rebuilt in")
        (files / "memo.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
        wait_until(lambda: "".join(server.stderr).count("Rebuilt in") > rebuilt, what="the rebuild")
        time.sleep(1)
        for handle in (showing, other):
            driver.switch_to.window(handle)
            assert driver.execute_script("return window.__portalOld === true"), "a page not linking the new file reloaded"
        # The picture one page shows, changed (the same size): that page reloads, the other not.
        (files / "map.png").write_bytes(_png(2, 2, extra=b"changed"))
        driver.switch_to.window(showing)
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                   what="the page showing the picture to reload")
        driver.switch_to.window(other)
        time.sleep(0.5)
        assert driver.execute_script("return window.__portalOld === true"), "a page not showing the picture reloaded"


@pytest.mark.browser
def test_a_page_from_an_earlier_run_of_the_server_reloads(work):
    """Stop `portal serve`, edit, start it again on the same port: the open page reconnects to
    the new run, whose version is another, and reloads to show the edit."""
    require_browser()
    server = Serve(work)
    port = server.base.rsplit(":", 1)[1]
    driver = make_driver()
    try:
        driver.get(server.base + "/initiatives/ai-disaster/")
        driver.execute_script("window.__portalOld = true")
        time.sleep(1)
        assert server.stop() == 0
        source = work / "content" / PAGE
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("AIを活用した防災対策", "AIを活用した防災対策（再起動）", 1), encoding="utf-8")
        proc = subprocess.Popen([str(BIN), "serve", "--port", port, "--content", "content", "--theme", "theme",
                                 "--output", "site"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !window.__portalOld"),
                       what="the page to reload from the new run")
            assert "（再起動）" in driver.find_element("tag name", "h1").text
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=20)
    finally:
        driver.quit()


def test_static_files_are_served_and_copied_again_when_edited(work):
    """`static/` is watched: an edit, a new hidden file and a removal are served after the
    rebuild; hidden files copied from there (`.well-known/`) are served, other hidden ones not."""
    static = work / "static"
    (static / ".well-known").mkdir(parents=True)
    (static / ".well-known" / "security.txt").write_text("Contact: mailto:a@example.jp\n")
    (static / "CNAME").write_text("dx.example.jp\n")
    server = Serve(work)
    try:
        assert server.get("/.well-known/security.txt") == (200, "Contact: mailto:a@example.jp\n")
        assert server.get("/CNAME") == (200, "dx.example.jp\n")
        assert server.get("/.portal/static.json")[0] == 404
        (static / "CNAME").write_text("portal.example.jp\n")
        wait_until(lambda: server.get("/CNAME") == (200, "portal.example.jp\n"), what="the edited CNAME")
        (static / ".well-known" / "change-password").write_text("/account/\n")
        wait_until(lambda: server.get("/.well-known/change-password") == (200, "/account/\n"),
                   what="the new hidden file")
        (static / "CNAME").unlink()
        wait_until(lambda: server.get("/CNAME")[0] == 404, what="the removed CNAME to be gone")
        assert not (work / "site" / "CNAME").exists()
    finally:
        assert server.stop() == 0, "".join(server.stderr)


def test_a_static_folder_made_while_serving_is_watched(work):
    server = Serve(work)
    try:
        assert server.get("/_headers")[0] == 404
        (work / "static").mkdir()
        (work / "static" / "_headers").write_text("/*\n  X-Frame-Options: DENY\n")
        wait_until(lambda: server.get("/_headers") == (200, "/*\n  X-Frame-Options: DENY\n"), what="the new folder's file")
        # Watched from then on: an edit inside it is rebuilt at once, not at the next full scan.
        started = time.time()
        (work / "static" / "_headers").write_text("/*\n")
        wait_until(lambda: server.get("/_headers") == (200, "/*\n"), what="the edited file")
        assert time.time() - started < 4
    finally:
        assert server.stop() == 0, "".join(server.stderr)


def test_a_renamed_page_is_said_renamed_with_where_its_redirect_goes(work):
    """A file renamed while serving: the rebuild's line says renamed (not "editing"), the page
    gone is said at the new file, where its `redirect_from` goes, and the new address serves."""
    events = work / "content" / "events"
    server = Serve(work)
    try:
        (events / "past-forum.md").rename(events / "forum-2025.md")
        log = wait_until(lambda: "Rebuilt in" in "".join(server.stderr) and "".join(server.stderr),
                         what="the rebuild after the rename")
        assert "after renaming content/events/past-forum.md to content/events/forum-2025.md" in log, log
        assert "content/events/forum-2025.md:1:1: warning: the page /events/past-forum/" in log, log
        assert "add `redirect_from: /events/past-forum/` to its front matter" in log, log
        assert server.get("/events/forum-2025/")[0] == 200
        (events / "extra.md").write_text((events / "forum-2025.md").read_text())
        wait_until(lambda: "after adding content/events/extra.md" in "".join(server.stderr),
                   what="the rebuild after the new page")
    finally:
        assert server.stop() == 0, "".join(server.stderr)


@pytest.mark.browser
def test_a_tab_showing_a_renamed_page_follows_it(work):
    """A page open in the browser while its file is renamed goes to the page's new address
    (it had reloaded onto the 404 page, and the writer had to find the new address); the
    old address is replaced in the tab's history, so Back does not lead to the 404 page."""
    events = work / "content" / "events"
    with served_in_browser(work) as (server, driver):
        driver.get(server.base + "/glossary/")
        driver.get(server.base + "/events/past-forum/#a")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete'"),
                   what="the page to load")
        time.sleep(1)
        (events / "past-forum.md").rename(events / "forum-2025.md")
        wait_until(lambda: driver.current_url.endswith("/events/forum-2025/#a"),
                   what="the tab to follow the renamed page")
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete'"),
                   what="the new page to load")
        assert "見つかりません" not in driver.title, driver.title
        driver.back()
        wait_until(lambda: driver.current_url.endswith("/glossary/"), what="Back to skip the old address")


def test_a_burst_of_files_is_one_rebuild(work):
    """Files written some milliseconds apart (a sync client, `git pull`) are waited out while
    they come, up to a second: one rebuild for the burst, where each 80 ms gave one more."""
    events = work / "content" / "events"
    source = (events / "past-forum.md").read_text()
    server = Serve(work)
    try:
        # 10 ms apart: a writer stalled past a save's 30 ms of settling splits the burst.
        for n in range(30):
            (events / f"synced-{n}.md").write_text(source.replace("title: ", f"title: 同期{n} ", 1))
            time.sleep(0.01)
        wait_until(lambda: all(server.get(f"/events/synced-{n}/")[0] == 200 for n in range(30)),
                   what="the synced pages")
        time.sleep(1.5)
        log = "".join(server.stderr)
        # One, and a second only if the machine stalled the writer past a save's settling time.
        assert 1 <= log.count("Rebuilt in") <= 2, log
        assert "after adding 30 files" in log or log.count("Rebuilt in") == 2, log
    finally:
        assert server.stop() == 0, "".join(server.stderr)


def test_an_output_emptied_behind_the_server_is_built_again(work):
    """`rm -rf site/*` while serving keeps the cache in `site/.portal`: every page answered 404
    until a save, and after a restart `portal serve` and `portal build` said "Up to date" over
    the empty folder. The server finds it within its safety scan and builds everything again;
    so does the next `portal build` when the top of the output is gone."""
    server = Serve(work)
    try:
        assert server.get("/initiatives/ai-disaster/")[0] == 200
        for entry in (work / "site").iterdir():
            if entry.name != ".portal":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        assert server.get("/initiatives/ai-disaster/")[0] == 404
        wait_until(lambda: server.get("/initiatives/ai-disaster/")[0] == 200, timeout=20,
                   what="the emptied output to be built again")
        # The page is served as soon as it is written; the line saying why comes just after,
        # through the thread that reads the server's stderr.
        wait_until(lambda: "after finding the output folder emptied" in "".join(server.stderr),
                   timeout=10, what="the rebuild's line: " + "".join(server.stderr))
    finally:
        assert server.stop() == 0, "".join(server.stderr)
    for entry in (work / "site").iterdir():
        if entry.name != ".portal":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    build = subprocess.run(
        [str(BIN), "build", "--content", "content", "--theme", "theme", "--output", "site"],
        cwd=work, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert "Up to date" not in build.stdout + build.stderr
    assert (work / "site" / "initiatives" / "ai-disaster" / "index.html").exists()



def _rebuilding_server(tmp_path):
    """`portal serve` on the shipped content with five times its initiatives, rebuilding every
    page after a layout edit, 0.3 s into that rebuild."""
    from conftest import CONTENT

    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(THEME, tmp_path / "theme")
    # Five times the initiatives, so that making every page again takes a while.
    initiatives = tmp_path / "content" / "initiatives"
    for page in list(initiatives.glob("*.md")):
        for n in range(5):
            (initiatives / f"{page.stem}-copy{n}.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    server = Serve(tmp_path)
    # The layout, which every page is made with: every page is made again.
    layout = tmp_path / "theme" / "templates" / "layout.mustache"
    layout.write_text(layout.read_text(encoding="utf-8") + "\n{{! 編集 }}\n", encoding="utf-8")
    time.sleep(0.3)
    return server


def test_ctrl_c_during_a_rebuild_says_it_waits_for_it(tmp_path):
    """Ctrl-C while a rebuild runs waits for it to end (the site is never left half-written),
    which took seconds with nothing printed: it now says so at once, then stops cleanly."""
    server = _rebuilding_server(tmp_path)
    try:
        before = "".join(server.stderr)
        server.proc.send_signal(signal.SIGINT)
        assert server.proc.wait(timeout=60) == 0, "".join(server.stderr)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
    out = "".join(server.stderr)
    if "Rebuilt in" in before:
        pytest.skip("the rebuild of every page ended within 0.3 s: nothing was under way")
    assert "Stopping once the build under way ends" in out, out


def test_a_second_ctrl_c_stops_a_rebuild_at_once(tmp_path):
    """A build that would take minutes (a template of thousands of sections) could not be
    stopped but with `kill -9`: a second Ctrl-C while it runs stops the server at once, and
    the next build writes the site whole."""
    server = _rebuilding_server(tmp_path)
    try:
        before = "".join(server.stderr)
        server.proc.send_signal(signal.SIGINT)
        time.sleep(0.01)
        server.proc.send_signal(signal.SIGINT)
        code = server.proc.wait(timeout=60)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
    out = "".join(server.stderr)
    if "Rebuilt in" in before or "Rebuilt in" in out:
        pytest.skip("the rebuild of every page ended before the second Ctrl-C")
    assert code == 130, out
    assert "Stopped at once (a second Ctrl-C)" in out, out
    build = subprocess.run(
        [str(BIN), "build", "--content", "content", "--theme", "theme", "--output", "site"],
        cwd=tmp_path, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    # The stopped rebuild's edit is built now: nothing was taken as done that was not.
    assert "Up to date" not in build.stdout, build.stdout