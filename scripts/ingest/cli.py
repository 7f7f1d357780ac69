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
from collections.abc import Iterator, Mapping
from pathlib import Path

from .. import logsafe, paths
from ..contract import PLACES_NAME
from . import batch, meta_yml, ownership, places, write
from . import cache as cache_mod
from . import report as report_mod
from . import sources as sources_mod
from .model import LANGUAGES, SourceError


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.sources_dir.resolve().parent
    # One run at a time writes (a check may run beside another check).
    with write.lock(root / "build", shared=args.check):
        return _run(args, root)


def _run(args: argparse.Namespace, root: Path) -> int:
    docs: Path = args.docs if args.docs is not None else root / "docs"
    try:
        registry = sources_mod.load_events(args.sources_dir, root)
        gazetteer = sources_mod.load_places(args.sources_dir, root)
    except SourceError as err:
        print("error: " + logsafe.text(err.render()), file=sys.stderr)
        return 1
    events = frozenset(registry) if registry is not None else None
    where = batch.Where(root, args.sources_dir, docs, events, sources_mod.display(docs, root), gazetteer)
    full_run = not args.sources
    targets = [Path(s) for s in args.sources] if args.sources else sources_mod.discover(args.sources_dir)
    skipped = report_mod.notes(sources_mod.not_ingested(args.sources_dir, root) if full_run else [])
    # --check compares content: it never lets the cache vouch for a file by its size and mtime.
    store = cache_mod.Cache(None if args.no_cache or args.check else _cache_path(root, docs))

    # Folders refused for their names never reach the cache: a clash is between folders.
    badly_named = sources_mod.check_names([t for t in targets if t.is_dir()], root)
    outcomes = batch.run([t for t in targets if t not in badly_named], full_run, where, store)
    errors = list(badly_named.values())
    errors += [e for o in outcomes if o.error is not None for e in o.error.each()]
    finished = [o for o in outcomes if o.error is None]
    decision = ownership.decide(
        [ownership.Claim(o.source, tuple(o.paths), o.outputs is not None) for o in finished],
        _OnDisk(write.article_files(os.fspath(docs), LANGUAGES), root),
        full_run,
        {ownership.folder(e.path) for e in errors},
    )
    errors += [ownership.explain(r, where.shown_docs, lambda s: _meta_of(s, root)) for r in decision.refused]
    allowed = {claim.source for claim in decision.allowed}
    kept = [o for o in finished if o.source in allowed]
    outputs = {docs / rel: text for o in kept if o.outputs is not None for rel, text in o.outputs.items()}
    plan = write.plan(outputs, [docs / rel for rel in decision.stale])
    plan.reused = sum(len(o.paths) for o in kept) - len(outputs)
    fragments = [o.fragment for o in kept]
    notes = _place_notes(gazetteer, fragments, full_run and not errors, args.sources_dir, root)

    if not args.check:
        removed = write.remove_leftovers(os.fspath(docs), LANGUAGES)
        if removed:
            plural = "s" if len(removed) > 1 else ""
            print(
                f"removed {len(removed)} half-written file{plural} an interrupted ingest left",
                file=sys.stderr if args.quiet else sys.stdout,
            )
        if args.report:
            report = report_mod.build(fragments, errors, skipped) | {"notes": notes}
            write.write_atomic(args.report, report_mod.dumps(report).encode("utf-8"))
        write.apply(plan, outputs)
        _remember(store, kept, full_run, os.fspath(docs))
    summary = report_mod.summary(fragments, errors, plan, args.check, root, skipped)
    summary += places.summary(notes)
    print(summary, file=sys.stderr if args.quiet else sys.stdout)
    if args.check and plan.changes:
        print("ingest --check: the generated Markdown is out of date; run `make ingest` and commit the result.")
    return 1 if errors or (args.check and plan.changes) else 0


class _OnDisk(Mapping):
    """The article files under docs/, each read (for the source its notice names) only when asked about."""

    def __init__(self, files: dict[str, str], root: Path):
        self.files = files
        self.root = root
        self.seen: dict[str, ownership.OnDisk] = {}

    def __getitem__(self, rel: str) -> ownership.OnDisk:
        if rel not in self.seen:
            owner = write.generated_by(self.files[rel])
            self.seen[rel] = ownership.OnDisk(owner, bool(owner) and (self.root / owner).exists())
        return self.seen[rel]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def __contains__(self, rel: object) -> bool:
        return rel in self.files


def _place_notes(gazetteer, fragments: list[dict], every_source: bool, sources_dir: Path, root: Path) -> list[dict]:
    """Spellings of places.yml that no article holds: only known once every source has been read."""
    if gazetteer is None or not every_source:
        return []
    shown = sources_mod.display(sources_dir / PLACES_NAME, root)
    return places.notes(gazetteer, places.unused(gazetteer, fragments), shown)


def _remember(store: cache_mod.Cache, kept: list[batch.Outcome], full_run: bool, docs_dir: str) -> None:
    """Save what each source made; a run over some sources keeps what the cache knows of the others."""
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


def _cache_path(root: Path, docs: Path) -> Path:
    tag = hashlib.sha256(str(docs.resolve()).encode()).hexdigest()[:12]
    return root / "build" / f"ingest-cache-{tag}.json"


def _meta_of(source: str, root: Path) -> tuple[str, int | None] | None:
    """A source's meta.yml as messages show it, and the line of its `key:`; None for a bare file."""
    meta_path = root / Path(source).parent / sources_mod.META_NAME
    if Path(source).name not in sources_mod.SOURCE_NAMES or not meta_path.is_file():
        return None
    return sources_mod.display(meta_path, root), _key_line(meta_path)


def _key_line(meta_path: Path) -> int | None:
    try:
        _, lines = meta_yml.parse(str(meta_path), meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SourceError):
        return None
    return lines.get("key")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="a source folder or a bare file (default: all)")
    parser.add_argument("--docs", type=Path, help="output folder (default: docs/ beside sources/)")
    parser.add_argument(
        "--sources-dir", type=Path, default=paths.SOURCES, help="where source folders live (default: sources/)"
    )
    parser.add_argument("--report", type=Path, help="write a JSON report of every article and dropped line")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any output would change (compares every file: the cache is not used)",
    )
    parser.add_argument("--quiet", action="store_true", help="print the summary to stderr")
    parser.add_argument("--no-cache", action="store_true", help="ingest every source, even unchanged ones")
    return parser
