"""How fast the web page is ready, in headless chromium, with 1,000 and 20,000 events.

    .venv/bin/python benchmarks/page.py [--events 20000] [--runs 3]
    .venv/bin/python benchmarks/page.py --db STORE --screenshots docs/   # pictures for the docs

Builds two stores of generated events (tests/generated.py, ingested through Desk so the
incremental merge runs), serves each with ``eventdesk serve`` and opens the page ``--runs``
times in a fresh browser context: "ready" is the time from navigation until the page has its
data in the table, the timeline drawn and every marker placed in the map's clusters
(``body[data-ready]``). Printed: each run, the median, and the ratio of the large store to
the 1,000-event baseline measured in the same run.

With ``--screenshots DIR`` it writes map.png, map-ukraine.png, timeline.png and source.png of the
store given
by ``--db`` instead.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))

CHROMIUM = os.environ.get("EVENTDESK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path) -> None:
        import httpx

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "eventdesk", "serve", "--db", str(db),
                                      "--port", str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        for _ in range(200):
            try:
                if httpx.get(self.base + "/api/status", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise SystemExit("server did not start")

    def close(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)


def store_with(events: int, path: Path) -> int:
    """A store of generated reports with at least ``events`` merged events."""
    from generated import build_store

    reports = int(events * 2.26) + 200  # about 2.2 reports an event in the generated data
    counts = build_store(path, reports, batch=256)
    return counts["clusters"]


def ready_times(browser, base: str, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 1100})
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        out.append(time.perf_counter() - t0)
        context.close()
    return out


def screenshots(browser, base: str, out: Path) -> None:
    import httpx

    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    page.wait_for_selector(".leaflet-regions-pane path", timeout=30_000)
    page.wait_for_timeout(800)
    page.locator("#map-panel").screenshot(path=str(out / "map.png"))
    # the map fitted to one country's events: its regions, clusters opening into markers
    loads = page.evaluate("() => Number(document.body.dataset.loads || 0)")
    page.fill("input[name=actor]", "UKR")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("n => Number(document.body.dataset.loads || 0) > n", arg=loads)
    page.wait_for_timeout(1200)
    page.locator("#map-panel").screenshot(path=str(out / "map-ukraine.png"))
    page.click("#filters button[type=reset]")
    page.wait_for_function("n => Number(document.body.dataset.loads || 0) > n + 1", arg=loads)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=6)
    page.mouse.up()
    page.wait_for_timeout(800)
    page.locator("main").screenshot(path=str(out / "timeline.png"))
    # an event several reports give, preferably the Odesa port strike of the dev reports
    events = (httpx.get(base + "/api/events?near=46.48,30.73&within=30").json()["events"]
              + httpx.get(base + "/api/events?order=killed&limit=400").json()["events"])
    multi = next((e for e in events if len(e["sources"]) > 1), events[0])
    page.goto(base + "/#event=" + multi["id"])
    page.wait_for_selector("#doc-text span.ev-trigger", timeout=30_000)
    page.wait_for_timeout(800)
    page.locator("#source-panel").screenshot(path=str(out / "source.png"))
    context.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", type=Path, help="with --screenshots: the store to picture")
    ap.add_argument("--screenshots", type=Path, metavar="DIR")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            if args.screenshots:
                server = Server(args.db)
                try:
                    screenshots(browser, server.base, args.screenshots)
                finally:
                    server.close()
                print(f"wrote map.png, map-ukraine.png, timeline.png, source.png to {args.screenshots}")
                return
            with tempfile.TemporaryDirectory(prefix="eventdesk-page-") as tmp:
                medians, counts = {}, {}
                for n in (1000, args.events):
                    db = Path(tmp) / f"page-{n}.duckdb"
                    got = store_with(n, db)
                    server = Server(db)
                    try:
                        times = ready_times(browser, server.base, args.runs)
                    finally:
                        server.close()
                    medians[n] = statistics.median(times)
                    counts[n] = got
                    print(f"{got:>6,} events: page ready in "
                          f"{', '.join(f'{t:.2f}' for t in times)} s (median {medians[n]:.2f} s)")
                print(f"ratio {counts[args.events]:,} / {counts[1000]:,} events: "
                      f"{medians[args.events] / medians[1000]:.2f}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
