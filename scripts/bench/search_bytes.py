"""What a reader's browser downloads for one search, measured in Chromium.

The built site is served on 127.0.0.1 as GitHub Pages serves it: text
(HTML, CSS, JavaScript, JSON) gzipped for a browser that accepts it, other
files as they are (Pagefind's index, fragments and WebAssembly are compressed
by Pagefind already). For each language a fresh browser (nothing cached)
opens the language's home page and waits for it to settle; then the query is
typed into the header search box, and every byte the page and its workers
fetch from then until the results are shown and the network is quiet is
counted (bodies as sent, and headers).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from scripts import paths
from scripts.contract import url_prefix

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
QUERIES = {"vi": "hợp tác", "zh": "合作", "uk": "співпраця"}


@dataclass(frozen=True)
class Download:
    lang: str
    query: str
    bytes: int
    requests: int
    results: int


_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Static files, with text gzipped on the fly like GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if not (os.path.isfile(path) and kind.startswith(_TEXT) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def measure(site: Path, queries: dict[str, str] = QUERIES) -> list[Download]:
    """Measure in a process of its own: Playwright's sync API cannot start
    inside another Playwright session (a test run may have one open)."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench.search_bytes", str(site), json.dumps(queries)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring search downloads failed:\n{done.stderr[-3000:]}")
    return [Download(**d) for d in json.loads(done.stdout)]


def _measure_here(site: Path, queries: dict[str, str]) -> list[Download]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            try:
                return [_one(browser, base + url_prefix(lang), lang, query) for lang, query in queries.items()]
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def _one(browser, url: str, lang: str, query: str) -> Download:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        counted = {"on": False, "bytes": 0, "requests": 0}

        def finished(request):
            if counted["on"]:
                sizes = request.sizes()
                counted["bytes"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                counted["requests"] += 1

        context.on("requestfinished", finished)  # the page's requests and its workers'
        page.goto(url, wait_until="networkidle")
        counted["on"] = True
        page.fill(".md-search__input", query)
        page.wait_for_function(
            "q => document.querySelector('[data-arc-search-result]').dataset.query === q", arg=query, timeout=30_000
        )
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        results = page.locator(".md-search-result__link").count()
        return Download(lang, query, counted["bytes"], counted["requests"], results)
    finally:
        context.close()


if __name__ == "__main__":
    found = _measure_here(Path(sys.argv[1]), json.loads(sys.argv[2]))
    print(json.dumps([asdict(d) for d in found], ensure_ascii=False))
