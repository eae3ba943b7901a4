"""The script time of a page load on a slow phone, for titles' words (docs/theme.md, "A phrase
longer than its row breaks between its words"): headless Chromium at 320 px, the CPU slowed 4 x
(`Emulation.setCPUThrottlingRate`), Chromium's own `ScriptDuration` (`Performance.getMetrics`)
once the page has loaded and portal.js has mended the titles near the screen (its
`portal-title-words` performance mark; a site without the mark, the theme of before, is waited
for --wait ms), with the layout's time and all of the page's tasks' beside it; with --scroll,
after scrolling then to the page's end a screen at a time (every title mended). A warm-up load, then
`--loads` loads of each page of each site; prints the median and each load, in ms.

    python3 bench/title_words_cost.py --site old=/tmp/old-site --site new=/tmp/new-site \
        --page / --page /events/ --page /initiatives/
"""
import argparse
import functools
import http.server
import socketserver
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import make_driver  # noqa: E402

DONE = "portal-title-words"


def serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
    handler.func.log_message = lambda *a: None

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


# A screen further down at a time, to the page's end, each after the page has drawn the last.
SCROLL = """
const done = arguments[0];
(function step() {
  if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) return setTimeout(done, 500);
  scrollBy(0, innerHeight);
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(step, 50)));
})();
"""


def one_load(driver, url, wait, scroll=False):
    driver.get(url)
    driver.execute_async_script(
        "const [name, wait, done] = arguments, t0 = performance.now();"
        "(function poll() {"
        "  if (document.readyState === 'complete' && (performance.getEntriesByName(name).length"
        "      || performance.now() - t0 > wait)) done(); else setTimeout(poll, 50);"
        "})();", DONE, wait)
    if scroll:
        driver.execute_async_script(SCROLL)
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    marked = driver.execute_script(
        "const m = performance.getEntriesByName(arguments[0]); return m.length ? m[0].detail : null", DONE)
    got = {m["name"]: m["value"] * 1000 for m in metrics}
    return (got["ScriptDuration"], got["LayoutDuration"], got["TaskDuration"]), marked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", action="append", required=True, help="name=folder")
    ap.add_argument("--page", action="append", required=True)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--width", type=int, default=320)
    ap.add_argument("--height", type=int, default=640)
    ap.add_argument("--rate", type=float, default=4)
    ap.add_argument("--text", type=int, default=100, choices=[100, 200])
    ap.add_argument("--wait", type=int, default=1500, help="ms to wait for the mark at most")
    ap.add_argument("--scroll", action="store_true")
    ap.add_argument("--warm", action="store_true",
                    help="one browser for all loads (a page after the first of a visit: the browser "
                         "keeps what Intl.Segmenter loaded); by default each load has a browser of its own")
    args = ap.parse_args()

    def browser():
        driver = make_driver()
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": True})
        if args.text == 200:
            driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})
        driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": args.rate})
        driver.execute_cdp_cmd("Performance.enable", {})
        return driver

    def measure(driver, url):
        if args.warm:
            return one_load(driver, url, args.wait, args.scroll)
        driver = browser()
        try:
            one_load(driver, url.rsplit("/", 1)[0] + "/no-such-page/", 1000)  # the script compiled, cached
            return one_load(driver, url, args.wait, args.scroll)
        finally:
            driver.quit()

    shared = browser() if args.warm else None
    try:
        for spec in args.site:
            name, folder = spec.split("=", 1)
            base = serve(folder)
            for page in args.page:
                if args.warm:
                    one_load(shared, base + page, args.wait)
                runs = [measure(shared, base + page) for _ in range(args.loads)]
                times = [t[0] for t, _ in runs]
                layout = statistics.median(t[1] for t, _ in runs)
                task = statistics.median(t[2] for t, _ in runs)
                print(f"{name:8} {page:24} script {statistics.median(times):6.1f} ms "
                      f"({', '.join(f'{t:.0f}' for t in times)}); layout {layout:6.1f}, all tasks {task:6.1f}"
                      f"; {runs[-1][1] or 'no mark'}", flush=True)
    finally:
        if shared:
            shared.quit()


if __name__ == "__main__":
    main()
