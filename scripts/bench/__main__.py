"""`make bench N=1000`: the archive at N articles per language, measured.

    python -m scripts.bench [N] [--seed S] [--keep DIR] [--no-build] [--no-search] [--no-serve]

Builds a deterministic synthetic corpus from the real sources' paragraphs
(scripts/bench/corpus.py) in a scratch copy of the repository, then runs the
same commands as `make site` there and prints one table of figures. Nothing
here asserts a target: the figures are for people to read (the README's
Performance section has one run's table).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from scripts import paths, worktree
from scripts.contract import url_prefix
from scripts.ingest import sources as sources_mod
from scripts.ingest.pipeline import ingest

from . import corpus, large, measure

ROOT = paths.ROOT


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        build = not args.no_build
        rows = bench(
            args.n, args.seed, work, build, search=build and not args.no_search, loop=build and not args.no_serve
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(args.n, rows))
    return 0


def bench(
    n: int, seed: int, work: Path, build: bool = True, search: bool = True, loop: bool = True
) -> list[tuple[str, str]]:
    repo = prepare(work)
    results = [ingest(sources_mod.load(p, ROOT, None)) for p in sources_mod.discover(ROOT / "sources")]
    pools = corpus.pools_from(results)
    synthetic = corpus.generate(pools, n, seed)
    corpus.write(synthetic, repo / "sources")
    # The real gazetteer: the synthetic articles mention the real places, and get their pages.
    shutil.copyfile(ROOT / "sources" / "places.yml", repo / "sources" / "places.yml")
    articles = 3 * n
    rows: list[tuple[str, str]] = [("sources / articles", f"{len(synthetic)} / {articles} ({n} per language)")]

    first = measure.run(MAKE + ["ingest"], repo)
    rows.append(
        (
            "ingest (make ingest)",
            f"{first.seconds:.1f} s · {articles / first.seconds:.0f} articles/s · peak {first.peak_mb:.0f} MB",
        )
    )
    before = measure.snapshot(repo / "docs")
    second = measure.run(MAKE + ["ingest"], repo)
    rows.append(
        (
            "re-ingest, unchanged",
            f"{second.seconds:.2f} s · {measure.touched(before, measure.snapshot(repo / 'docs'))} files touched",
        )
    )
    peak = max(first.peak_mb, second.peak_mb)
    rows.append(_large_source(pools, work, repo))
    if not build:
        rows.append(("peak memory", f"{peak:.0f} MB"))
        return rows

    # Once without the side-by-side pages (hooks.py's switch), to tell what they cost; then the real build.
    without = measure.run(MAKE + ["site"], repo, env={SIDE_BY_SIDE_SWITCH: "off"})
    pages_without = len(list((repo / "site").rglob("*.html")))
    built = measure.run(MAKE + ["site"], repo)
    site = repo / "site"
    pages = sorted(site.rglob("*.html"))
    peak = max(peak, built.peak_mb, without.peak_mb)
    rows.append(
        (
            "full build (make site)",
            f"{built.seconds:.1f} s · {1000 * built.seconds / len(pages):.1f} ms/page · {len(pages)} pages · peak {built.peak_mb:.0f} MB"
            f" · CPU {built.cpu_seconds:.1f} s, {1000 * built.cpu_seconds / len(pages):.1f} ms/page",
        )
    )
    rows.append(_side_by_side(site, len(pages), pages_without, built, without))
    written = [
        site / url_prefix(md.parent.parent.name) / "articles" / md.stem / "index.html"
        for md in (repo / "docs").glob("*/articles/*.md")
    ]
    median, biggest = measure.sizes(written)
    rows.append(("article page HTML", f"median {median / 1024:.1f} KB · max {biggest / 1024:.1f} KB"))
    rows.append(("site size", f"{measure.tree_size(site) / 1e6:.1f} MB"))
    if search:
        from . import search_bytes

        if search_bytes.CHROMIUM.exists():
            for d in search_bytes.measure(site):
                rows.append(
                    (
                        f"first search, {d.lang} ({d.query})",
                        f"{d.bytes / 1024:.0f} KB in {d.requests} requests · {d.results} results shown",
                    )
                )
        else:
            rows.append(("first search", f"not measured: no Chromium at {search_bytes.CHROMIUM}"))
    if loop:
        from . import editor_loop

        vi_only = next(s for s in synthetic if "original" not in s.meta and "relation" not in s.meta)
        up, shown = editor_loop.measure(repo, vi_only.folder, vi_only.meta["key"])
        rows.append(
            ("editor loop (make serve)", f"a saved source shows in {shown:.1f} s · first page after {up:.0f} s")
        )
        up, shown = editor_loop.measure(repo, vi_only.folder, vi_only.meta["key"], preview=True)
        rows.append(
            ("editor loop (make preview)", f"a saved source shows in {shown:.1f} s · first page after {up:.0f} s")
        )
    rows.append(("peak memory", f"{peak:.0f} MB (all of a command's processes together)"))
    return rows


MAKE = ["make", "--no-print-directory"]
SIDE_BY_SIDE_SWITCH = "ARCHIVE_SIDE_BY_SIDE"  # scripts/site/hooks.py: "off" leaves those pages out


def _large_source(pools: corpus.Pools, work: Path, repo: Path) -> tuple[str, str]:
    """Ingest and align a 2 MB bilingual source, in a process of its own (for its peak memory)."""
    folder = large.write(pools, work / "large" / "bilingual-2mb")
    run = measure.run([sys.executable, "-m", "scripts.bench.large", str(folder)], repo)
    got = json.loads(run.out)
    n_vi, n_zh = got["paragraphs"]
    return (
        "a 2 MB bilingual source",
        f"{got['bytes'] / 1e6:.1f} MB, {n_vi} + {n_zh} paragraphs, {got['pairs']} pairs: "
        f"ingest {got['ingest_s']:.1f} s (alignment {got['align_s']:.1f} s) · peak {run.peak_mb:.0f} MB",
    )


def _side_by_side(site: Path, pages: int, pages_without: int, built: measure.Run, without: measure.Run):
    """How many side-by-side pages, how big, and what they add to the build: the difference between
    the build and one without them, in CPU time (steady on a shared machine) and in wall time."""
    made = sorted(site.rglob("parallel/*/index.html"))
    if not made:
        return ("side-by-side pages", "none")
    median, biggest = measure.sizes(made)
    cpu, wall = built.cpu_seconds - without.cpu_seconds, built.seconds - without.seconds
    return (
        "side-by-side pages",
        f"{len(made)} pages · HTML median {median / 1024:.1f} KB, max {biggest / 1024:.1f} KB · "
        f"they add CPU {cpu:+.1f} s ({1000 * cpu / len(made):.1f} ms/page), wall {wall:+.1f} s · "
        f"the other {pages_without} pages: CPU {1000 * without.cpu_seconds / pages_without:.1f} ms/page",
    )


def prepare(work: Path) -> Path:
    """A scratch copy of the working tree, minus sources, generated articles and tests."""

    def skip(path: Path) -> bool:
        top = path.parts[0]
        return top in ("sources", "tests") or (top == "docs" and "articles" in path.parts)

    return worktree.copy(work / "repo", skip)


def table(n: int, rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    head = f"Benchmark, N={n} per language — {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}"
    lines = [head, "", f"| {'measure'.ljust(width)} | result |", f"|{'-' * (width + 2)}|--------|"]
    lines += [f"| {k.ljust(width)} | {v} |" for k, v in rows]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=30, help="articles per language (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temporary folder)")
    parser.add_argument("--no-build", action="store_true", help="measure ingestion only")
    parser.add_argument("--no-search", action="store_true", help="skip the browser search measurement")
    parser.add_argument("--no-serve", action="store_true", help="skip the editor-loop measurement (make serve)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
