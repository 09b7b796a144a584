"""Phone-width screenshots of the citizen portal for docs/screenshots/, from a running demo.

    LAYANI_DATA_DIR=/tmp/portal-demo .venv/bin/layani demo_up --no-serve
    LAYANI_DATA_DIR=/tmp/portal-demo .venv/bin/layani runserver 127.0.0.1:8123 &
    .venv/bin/python scripts/portal-screenshots.py [http://127.0.0.1:8123]

Also prints the transfer size of each page (HTML + CSS + JS, uncompressed) for the page-weight
budget in docs/decisions/0015-portal-frontend.md.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8123"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PAGES = {"portal-submit.png": "/lapor/", "portal-browse.png": "/laporan/"}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(
            viewport={"width": 360, "height": 740},
            device_scale_factor=1,
            locale="id-ID",
            service_workers="block",
        )
        for name, path in PAGES.items():
            page = context.new_page()
            page.goto(BASE + path, wait_until="networkidle")
            page.screenshot(path=str(OUT / name), full_page=False)
            entries = page.evaluate(
                "() => [...performance.getEntriesByType('navigation'),"
                " ...performance.getEntriesByType('resource')]"
                ".map(e => [e.initiatorType, e.decodedBodySize])"
            )
            sizes: dict[str, int] = {}
            for kind, size in entries:
                sizes[kind] = sizes.get(kind, 0) + size
            total = sum(sizes.values())
            print(f"{path}: {total / 1024:.1f} KiB uncompressed {sizes}")  # noqa: T201
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
