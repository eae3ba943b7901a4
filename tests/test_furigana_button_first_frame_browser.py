"""The ふりがな button is in the page as built, on pages with furigana: shown in the first frame
Chromium paints, before the page's first ruby has arrived (headless Chromium + Selenium).

portal.js used to show the button once a <ruby> was parsed. Chromium paints a long page before
it has parsed all of it, so on a page whose first furigana come far down the header was painted
without the button, and the button came at DOMContentLoaded: the header's row could change
under the reader, and the header was laid out (setupHeaderFit) without it. Now the layout
renders the button shown where the page has ruby (`page.has_furigana`).

A server of the built site's own sends such a page in two parts, pausing before its first
`<ruby`, so the browser paints the header with no ruby parsed every time, not by the timing
of a long body. In every frame while the page loads the button is shown and the
header is as tall as when the page has loaded; nothing shifts. Without JavaScript the button,
which would do nothing, is not shown.
"""
import functools
import http.server
import threading
import time

import pytest

from conftest import _Handler, _free_port
from test_browser_a11y import load, reset_viewport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

# A chapter of the strategy whose first furigana are 3.7 KB into <main>.
PAGE = "/strategy/direction/"
PAUSE = 0.8

# Each frame while the page loads: whether the button in the header's row shows, and the
# header's height. Installed before the page's own scripts.
FRAMES_JS = """
window.__frames = [];
(function tick() {
  requestAnimationFrame(() => {
    // The header whole: the page's <main> after it is parsed (a frame painted while the
    // header itself arrived, split by the network under load, measured it half-made).
    const header = document.querySelector('header.site-header');
    if (header && document.querySelector('main') && document.readyState === 'loading'
        && !document.querySelector('ruby')) {
      const button = header.querySelector('.header-tools button.ruby-toggle');
      window.__frames.push({shown: !!button && button.getClientRects().length > 0,
        height: header.getBoundingClientRect().height});
    }
    if (document.readyState === 'loading') tick();
  });
})();
window.__shift = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; })
  .observe({type: 'layout-shift', buffered: true});
"""


def slow_handler(site_dir):
    class Slow(_Handler):
        """Sends `PAGE` up to its first `<ruby`, then the rest after `PAUSE` seconds."""

        def do_GET(self):
            if self.path != PAGE:
                return super().do_GET()
            body = (site_dir / PAGE.strip("/") / "index.html").read_bytes()
            cut = body.index(b"<ruby", body.index(b"<main"))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:cut])
            self.wfile.flush()
            time.sleep(PAUSE)
            self.wfile.write(body[cut:])

    return functools.partial(Slow, directory=str(site_dir))


@pytest.fixture(scope="module")
def slow_server(site_dir):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), slow_handler(site_dir))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("width,height", [(375, 667), (320, 568), (1280, 800)])
def test_the_button_is_there_before_the_first_ruby(driver, slow_server, width, height):
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FRAMES_JS})
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        load(driver, slow_server + PAGE)
        frames = driver.execute_script("return window.__frames")
        after = driver.execute_script(
            "const b = document.querySelector('.header-tools button.ruby-toggle');"
            "return {shown: b.getClientRects().length > 0, ruby: !!document.querySelector('ruby'),"
            " height: document.querySelector('header.site-header').getBoundingClientRect().height,"
            " shift: window.__shift}")
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", script)
        reset_viewport(driver)
    assert after["ruby"] and after["shown"], after
    # The pause is long enough for several frames with the header and no ruby yet.
    assert len(frames) >= 3, f"{len(frames)} frames while loading at {width} px"
    hidden = [f for f in frames if not f["shown"]]
    assert not hidden, f"button hidden in {len(hidden)} of {len(frames)} frames at {width} px"
    heights = {round(f["height"]) for f in frames}
    assert heights == {round(after["height"])}, (heights, after)
    assert after["shift"] < 0.001, after


def test_without_javascript_no_button_shows(driver_nojs, server):
    load(driver_nojs, server + PAGE)
    shown = driver_nojs.execute_script(
        "return [...document.querySelectorAll('button.ruby-toggle')]"
        ".map((b) => [b.hidden, b.getClientRects().length > 0])")
    # As built the buttons are not `hidden` (the page has furigana); style.css hides them.
    assert shown == [[False, False], [False, False]], shown
