"""Screenshot a situation report's HTML in Chromium (Playwright driving Debian's chromium).

    python scripts/report_screenshot.py docs/sample-report.html docs/sample-report.png

Network requests are refused and reported: a report must load with none.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def main() -> None:
    from playwright.sync_api import sync_playwright

    src, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    chromium = os.environ.get("EVENTDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1100, "height": 1500})

        def route(r):
            if r.request.url.startswith("file://"):
                return r.continue_()
            outside.append(r.request.url)
            return r.abort()

        page.route("**/*", route)
        page.goto(src.as_uri())
        page.screenshot(path=str(out))
        browser.close()
    if outside:
        raise SystemExit(f"the report asked the network for: {outside}")
    print(f"{out}: ok")


if __name__ == "__main__":
    main()
