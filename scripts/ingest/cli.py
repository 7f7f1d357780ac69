"""`python -m scripts.ingest`: turn sources into per-language Markdown.

    python -m scripts.ingest [SOURCE ...] [--docs DIR] [--report FILE.json] [--check]

With no SOURCE, every folder under sources/ is ingested and generated
articles that no source makes any more are removed. `--check` writes
nothing and exits 1 when any file would change (CI uses it to prove the
committed Markdown matches the sources).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import cache as cache_mod
from . import report as report_mod
from . import sources as sources_mod
from . import write
from .model import LANGUAGES, SourceError

ROOT = Path(__file__).resolve().parents[2]
PROGRESS_THRESHOLD = 20
# Below this many sources to ingest, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 40
MAX_WORKERS = 4


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources_dir: Path = args.sources_dir
    # Paths in messages and front matter are relative to the tree that holds sources/.
    root = sources_dir.resolve().parent
    docs: Path = args.docs if args.docs is not None else root / "docs"
    errors: list[SourceError] = []

    try:
        registry = sources_mod.load_events(sources_dir, root)
    except SourceError as err:
        print("error: " + err.render(), file=sys.stderr)
        return 1
    events = set(registry) if registry is not None else None

    full_run = not args.sources
    targets = [Path(s) for s in args.sources] if args.sources else sources_mod.discover(sources_dir)
    shown_docs = sources_mod.display(docs, root)
    store = cache_mod.Cache(None if args.no_cache else _cache_path(root, docs))
    shared = cache_mod.code_version() + "\0" + "\0".join(sorted(events or ()))
    docs_dir = os.fspath(docs)

    # Sources unchanged since the last run are taken from the cache; the rest
    # are ingested, on every core when there are many. (Paths are plain strings
    # here: with thousands of sources, pathlib's overhead is most of a re-run.)
    shown_sources = sources_mod.display(sources_dir, root)
    done: list[_Done | None] = [None] * len(targets)
    todo: list[tuple[int, str | None]] = []  # (target, its fingerprint) to ingest
    for i, target in enumerate(targets):
        shown = f"{shown_sources}/{target.name}" if full_run else sources_mod.display(target, root)
        print_ = cache_mod.fingerprint(os.fspath(target), shown, shared)
        entry = store.lookup(shown, print_, docs_dir)
        if entry is not None:
            done[i] = _Done(shown, entry.fragment["source"], entry.fragment, None, list(entry.outputs), print_)
        else:
            todo.append((i, print_))
    missed = [(targets[i], print_) for i, print_ in todo]
    for (i, _), outcome in zip(todo, _ingest_all(missed, root, events, shown_docs)):
        done[i] = outcome
    finished = [d for d in done if d is not None and d.error is None]
    errors += [d.error for d in done if d is not None and d.error is not None]

    # Two sources that would write the same article both fail, whatever their
    # order: neither may overwrite the other, and the one just added is as
    # likely to be wrong as the one already there.
    claims: dict[str, set[str]] = {}
    for item in finished:
        for rel in item.paths:
            claims.setdefault(rel, set()).add(item.source)
    on_disk = write.article_files(docs_dir, LANGUAGES)
    kept: list[_Done] = []
    outputs: dict[Path, str] = {}
    for item in finished:
        clash = [rel for rel in item.paths if len(claims[rel]) > 1]
        if clash:
            others = sorted({s for rel in clash for s in claims[rel]} - {item.source})
            errors.append(_key_clash(item.source, clash, others, docs, root))
            continue
        if item.outputs is not None:
            taken = next((e for rel in item.paths if (e := _taken_on_disk(rel, item.source, docs, root, on_disk))), None)
            if taken:
                errors.append(taken)
                continue
            outputs.update({docs / rel: text for rel, text in item.outputs.items()})
        kept.append(item)

    made = {rel for item in kept for rel in item.paths}
    stale: list[Path] = []
    if full_run:
        # A source that failed this time keeps its earlier articles until it is fixed.
        failed = {_folder(e.path) for e in errors}
        for rel in sorted(set(on_disk) - made):
            owner = write.generated_by(on_disk[rel])
            if owner is not None and _folder(owner) not in failed:
                stale.append(docs / rel)
    plan = write.plan(outputs, stale)
    plan.reused = len(made) - len(outputs)
    fragments = [item.fragment for item in kept]

    if not args.check:
        if args.report:
            write.write_atomic(args.report, report_mod.dumps(report_mod.build(fragments, errors)).encode("utf-8"))
        write.apply(plan, outputs)
        # A run over some sources keeps what the cache knows of the others.
        store.save(
            ({} if full_run else store.entries)
            | {
                item.target: cache_mod.Entry(
                    item.fingerprint,
                    item.fragment,
                    {rel: cache_mod.stat_of(f"{docs_dir}/{rel}") for rel in item.paths},
                )
                for item in kept
                if item.fingerprint is not None
            }
        )
    print(report_mod.summary(fragments, errors, plan, args.check, root), file=sys.stderr if args.quiet else sys.stdout)
    if args.check and plan.changes:
        print("ingest --check: the generated Markdown is out of date; run `make ingest` and commit the result.")
    return 1 if errors or (args.check and plan.changes) else 0


@dataclass
class _Done:
    """What became of one source."""

    target: str  # the folder or file as given, as messages show it (the cache's key)
    source: str  # its raw file, as messages show it
    fragment: dict | None  # its part of the report
    outputs: dict[str, str] | None  # article path under docs/ -> text; None when taken from the cache
    paths: list[str]  # its article paths under docs/
    fingerprint: str | None = None
    error: SourceError | None = None


def ingest(source):
    # Imported here: a run that finds every source unchanged never needs the
    # pipeline, and loading it is a good part of such a run's second.
    from .pipeline import ingest as run

    return run(source)


def render(article) -> str:
    from .render import render as run

    return run(article)


def _ingest_one(target: Path, print_: str | None, root: Path, events: set[str] | None, shown_docs: str) -> _Done:
    shown = sources_mod.display(target, root)
    try:
        result = ingest(sources_mod.load(target, root, events))
    except SourceError as err:
        return _Done(shown, shown, None, None, [], error=err)
    outputs = {article.path.as_posix(): render(article) for article in result.articles}
    return _Done(shown, result.source, report_mod.fragment(result, shown_docs), outputs, list(outputs), print_)


def _ingest_all(missed: list[tuple[Path, str | None]], root: Path, events, shown_docs: str) -> list[_Done]:
    """Ingest (target, fingerprint) pairs, in order, in worker processes when there are many."""
    extra = (root, events, shown_docs)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(missed) < PARALLEL_THRESHOLD or workers < 2:
        return [_ingest_one(target, print_, *extra) for target, print_ in _progress(missed)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, len(missed) // (workers * 8))
        columns = [[t for t, _ in missed], [p for _, p in missed], *[[a] * len(missed) for a in extra]]
        return list(_progress(pool.map(_ingest_one, *columns, chunksize=chunk), len(missed)))


def _cache_path(root: Path, docs: Path) -> Path:
    tag = hashlib.sha256(str(docs.resolve()).encode()).hexdigest()[:12]
    return root / "build" / f"ingest-cache-{tag}.json"


def _taken_on_disk(rel: str, source: str, docs: Path, root: Path, on_disk: dict[str, str]) -> SourceError | None:
    """An error when the article file `rel` (under docs/) is one this source must not overwrite.

    Another source that still exists may own it (a run over some sources
    only, or a run where that source failed), or it may be a hand-written page.
    """
    if rel not in on_disk:
        return None
    shown = sources_mod.display(docs / rel, root)
    owner = write.generated_by(on_disk[rel])
    if not owner:
        return SourceError(
            source, None, f"would overwrite {shown}, which ingestion did not write", "give this source another `key`"
        )
    if _folder(owner) != _folder(source) and (root / owner).exists():
        return SourceError(
            source,
            None,
            f"writes the same file as {owner}: {shown}",
            "give one of the two sources another `key` in its meta.yml "
            "(sources in different languages may share a key; two in one language may not)",
        )
    return None


def _key_clash(source: str, clash: list[str], others: list[str], docs: Path, root: Path) -> SourceError:
    """Sources would write the same article: point at the `key:` line that says so.

    `clash` holds the article paths under docs/ (`vi/articles/<key>.md`) both would write.
    """
    key = Path(clash[0]).stem
    langs = " and ".join(Path(rel).parts[0] for rel in clash)
    other = ", ".join(others)
    written = ", ".join(sources_mod.display(docs / rel, root) for rel in clash)
    meta_path = root / Path(source).parent / sources_mod.META_NAME
    if Path(source).name not in sources_mod.SOURCE_NAMES or not meta_path.is_file():
        # A bare file: its key comes from its name.
        return SourceError(
            source,
            None,
            f"its key {key!r} (from the file name) is also the key of {other}, and both make the {langs} "
            f"article ({written})",
            "rename the file, or give it a folder and a meta.yml with a key of its own (`make new` does both)",
        )
    return SourceError(
        sources_mod.display(meta_path, root),
        _key_line(meta_path),
        f"`key`: {key} is also the key of {other}, and both make its {langs} article ({written})",
        f"give one of the two (most likely the one you added) a key of its own, e.g. `key: {key}-2`; sources "
        "share a key only when they are the same article in different languages (a translation, or a report "
        "in a language the key lacks)",
    )


def _key_line(meta_path: Path) -> int | None:
    try:
        root = yaml.compose(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((k.start_mark.line + 1 for k, _ in root.value if k.value == "key"), None)


def _folder(path: str) -> str:
    return str(Path(path).parent) if Path(path).suffix else path


def _progress(items, total: int | None = None):
    total = len(items) if total is None else total
    if total >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(items, desc="ingest", unit="source", total=total, file=sys.stderr)
    return items


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="a source folder or a bare file (default: all)")
    parser.add_argument("--docs", type=Path, help="output folder (default: docs/ beside sources/)")
    parser.add_argument(
        "--sources-dir", type=Path, default=ROOT / "sources", help="where source folders live (default: sources/)"
    )
    parser.add_argument("--report", type=Path, help="write a JSON report of every article and dropped line")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any output would change")
    parser.add_argument("--quiet", action="store_true", help="print the summary to stderr")
    parser.add_argument("--no-cache", action="store_true", help="ingest every source, even unchanged ones")
    return parser
