"""The script time of a page load on a slow phone, for titles' words (docs/theme.md, "A phrase
longer than its row breaks between its words"): headless Chromium at 320 px, the CPU slowed 4 x
(`Emulation.setCPUThrottlingRate`), Chromium's own `ScriptDuration` (`Performance.getMetrics`)
once the page has loaded and portal.js has mended every title (its `portal-title-words`
performance mark; a site without the mark is waited for a second). A warm-up load, then
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


def one_load(driver, url, wait):
    driver.get(url)
    driver.execute_async_script(
        "const [name, wait, done] = arguments, t0 = performance.now();"
        "(function poll() {"
        "  if (document.readyState === 'complete' && (performance.getEntriesByName(name).length"
        "      || performance.now() - t0 > wait)) done(); else setTimeout(poll, 50);"
        "})();", DONE, wait)
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    marked = driver.execute_script("return performance.getEntriesByName(arguments[0]).length > 0", DONE)
    return next(m["value"] for m in metrics if m["name"] == "ScriptDuration") * 1000, marked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", action="append", required=True, help="name=folder")
    ap.add_argument("--page", action="append", required=True)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--width", type=int, default=320)
    ap.add_argument("--height", type=int, default=640)
    ap.add_argument("--rate", type=float, default=4)
    ap.add_argument("--text", type=int, default=100, choices=[100, 200])
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
            return one_load(driver, url, 1000)
        driver = browser()
        try:
            one_load(driver, url.rsplit("/", 1)[0] + "/no-such-page/", 1000)  # the script compiled, cached
            return one_load(driver, url, 1000)
        finally:
            driver.quit()

    shared = browser() if args.warm else None
    try:
        for spec in args.site:
            name, folder = spec.split("=", 1)
            base = serve(folder)
            for page in args.page:
                if args.warm:
                    one_load(shared, base + page, 1000)
                runs = [measure(shared, base + page) for _ in range(args.loads)]
                times = [t for t, _ in runs]
                print(f"{name:8} {page:28} {statistics.median(times):7.1f} ms  "
                      f"({', '.join(f'{t:.0f}' for t in times)}){'' if all(m for _, m in runs) else '  no mark'}",
                      flush=True)
    finally:
        if shared:
            shared.quit()


if __name__ == "__main__":
    main()
