"""Screenshots of every kind of page at phone and desktop size, for a reviewer.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--site site] [--dark] [--measure]

Builds the site into a temporary folder (or uses --site, an already built
site), serves it on 127.0.0.1 and drives Debian's Chromium with Playwright:
one full-page PNG per kind of page (tests/browser/site_pages.py) at 390x844 and
1280x800, written to --out (default screenshots/, which git ignores). With
--measure it also prints what the browser tests check: page width, the first
search result's position, the smallest chart text, the smallest target.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import socketserver
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from harness import CHROMIUM  # noqa: E402
from site_pages import REAL_PAGES  # noqa: E402

SIZES = {"telefon": (390, 844), "dator": (1280, 800)}

MEASURE = """() => {
  const doc = document.documentElement;
  const texts = [...document.querySelectorAll('.loft-chart svg text')]
    .filter(t => t.getBoundingClientRect().height > 0)
    .map(t => parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement.getScreenCTM()?.a || 1));
  const targets = [...document.querySelectorAll('main a[href], main button, main input, main summary, main label[for]')]
    .filter(e => e.getClientRects().length && !e.closest('p, li:not(.loft-task), td, dd')?.matches('p'))
    .map(e => e.getBoundingClientRect()).filter(r => r.width && r.height)
    .map(r => Math.min(r.width, r.height));
  const first = document.querySelector('#loft-search-list > li');
  return {overflow: doc.scrollWidth - doc.clientWidth,
          chartText: texts.length ? Math.min(...texts) : null,
          smallestTarget: targets.length ? Math.min(...targets) : null,
          firstResult: first ? first.getBoundingClientRect().top + scrollY : null,
          bytes: document.documentElement.outerHTML.length};
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> str:
    handler = functools.partial(_Quiet, directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def build(target: Path) -> Path:
    site = target / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, check=True)
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--site", help="an already built site (default: build one)")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    parser.add_argument("--measure", action="store_true", help="print the measurements too")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else build(Path(tmp))
        base = serve(site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE",
                                              color_scheme="dark" if args.dark else "light")
                page = context.new_page()
                for name, path in REAL_PAGES:
                    page.goto(base + path, wait_until="networkidle")
                    if path.startswith("sok/?"):
                        page.wait_for_selector("#loft-search-list > li", timeout=10_000)
                    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
                    file = out / f"{size}-{slug}{'-morkt' if args.dark else ''}.png"
                    page.screenshot(path=str(file), full_page=True)
                    if args.measure:
                        print(f"{size:8} {name:28} {page.evaluate(MEASURE)}")
                context.close()
            browser.close()
    print(f"Skärmbilder i {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
