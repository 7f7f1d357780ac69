"""Ingest many sources: unchanged ones from the cache, the rest on every core when there are many.

Paths are plain strings here: with thousands of sources, pathlib's overhead is
most of a run that finds nothing to do.
"""

from __future__ import annotations

import os
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..contract import quoted
from . import cache as cache_mod
from . import pairing
from . import places as places_mod
from . import report as report_mod
from . import sources as sources_mod
from .model import SourceError
from .ownership import folder

PROGRESS_THRESHOLD = 20
# Below this many sources to ingest, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 40
MAX_WORKERS = 4


@dataclass
class Outcome:
    """What became of one source."""

    target: str  # the folder or file as given, as messages show it (the cache's key)
    source: str  # its raw file, as messages show it
    fragment: dict | None  # its part of the report
    outputs: dict[str, str] | None  # article path under docs/ -> text; None when taken from the cache
    paths: list[str]  # its article paths under docs/
    fingerprint: str | None = None
    error: SourceError | None = None
    articles: list | None = None  # when ingested in this run, until the run has aligned them across sources


@dataclass(frozen=True)
class Where:
    """Where a run reads and writes, and how messages show those places."""

    root: Path  # the tree that holds sources/: paths in messages and front matter are relative to it
    sources_dir: Path
    docs: Path
    events: frozenset[str] | None
    shown_docs: str  # docs/ as messages show it
    places: places_mod.Gazetteer | None = None  # sources/places.yml


def run(targets: list[Path], full_run: bool, where: Where, store: cache_mod.Cache) -> list[Outcome]:
    """Every target's outcome, in order: from the cache when its fingerprint matches, else ingested.

    A source's fingerprint includes those of the sources it shares a key with
    (pairing.py): their articles are aligned with each other across sources.
    """
    shared = cache_mod.shared_inputs(where.events, where.places.digest if where.places else None)
    docs_dir = os.fspath(where.docs)
    shown_sources = sources_mod.display(where.sources_dir, where.root)
    prints = pairing.Prints(lambda shown: cache_mod.fingerprint(os.fspath(where.root / shown), shown, shared))
    before = pairing.partners({source: entry.outputs for source, entry in store.entries.items()})
    done: list[Outcome | None] = [None] * len(targets)
    todo: list[tuple[int, str | None]] = []  # (target, its fingerprint) to ingest
    for i, target in enumerate(targets):
        shown = f"{shown_sources}/{target.name}" if full_run else sources_mod.display(target, where.root)
        prints.own[shown] = cache_mod.fingerprint(os.fspath(target), shown, shared)
        print_ = prints.combined(shown, before)
        entry = store.lookup(shown, print_, docs_dir)
        if entry is not None:
            done[i] = Outcome(shown, entry.fragment["source"], entry.fragment, None, list(entry.outputs), print_)
        else:
            todo.append((i, print_))
    missed = [(targets[i], print_) for i, print_ in todo]
    for (i, _), outcome in zip(todo, _ingest_all(missed, where), strict=True):
        done[i] = outcome
    outcomes = _realign([d for d in done if d is not None], full_run, where)
    after = pairing.partners(
        ({} if full_run else {source: entry.outputs for source, entry in store.entries.items()})
        | {o.target: o.paths for o in outcomes if o.error is None}
    )
    for outcome in outcomes:
        outcome.fingerprint = prints.combined(outcome.target, after) if outcome.error is None else None
    return outcomes


def _realign(outcomes: list[Outcome], full_run: bool, where: Where) -> list[Outcome]:
    """Align the versions of a key that come from different sources (pairing.py), and render them again."""
    if not full_run:
        # Sources outside this run that share a key with one it ingested: ingested too, to be aligned.
        claimed = [path for o in outcomes if o.articles for path in o.paths]
        known = {o.source for o in outcomes}
        for raw in sorted(pairing.partners_on_disk(os.fspath(where.docs), claimed, known)):
            if (where.root / folder(raw)).is_dir():
                outcomes.append(ingest_one(where.root / folder(raw), None, where))
    by_source = {o.target: o for o in outcomes if o.error is None}

    def reingest(source: str):
        fresh = ingest_one(where.root / source, None, where)
        fresh.target = source
        at = next(i for i, o in enumerate(outcomes) if o is by_source[source])
        outcomes[at] = by_source[source] = fresh
        return fresh.articles

    members = [pairing.Member(o.target, o.paths, _relations(o), o.articles) for o in by_source.values()]
    for source, articles in pairing.realign(members, reingest).changed.items():
        outputs = by_source[source].outputs
        if outputs is not None:
            outputs.update({a.path.as_posix(): render(a) for a in articles})
    for outcome in outcomes:
        outcome.articles = None  # aligned and rendered: not kept for the rest of the run
    return outcomes


def _relations(outcome: Outcome) -> dict[str, str]:
    if outcome.articles is not None:
        return {a.path.as_posix(): a.relation for a in outcome.articles}
    return {f"{a['lang']}/articles/{a['key']}.md": a["relation"] for a in (outcome.fragment or {}).get("articles", ())}


def ingest(source):
    # Imported here: a run that finds every source unchanged never needs the
    # pipeline, and loading it is a good part of such a run's second.
    from .pipeline import ingest as run_pipeline

    return run_pipeline(source)


def render(article) -> str:
    from .render import render as run_render

    return run_render(article)


def ingest_one(target: Path, print_: str | None, where: Where) -> Outcome:
    shown = sources_mod.display(target, where.root)
    try:
        result = ingest(sources_mod.load(target, where.root, where.events))
    except SourceError as err:
        return Outcome(shown, shown, None, None, [], error=err)
    except Exception as err:  # noqa: BLE001 - one source's crash is reported; it never stops the others
        return Outcome(shown, shown, None, None, [], error=_crash(shown, err))
    found = places_mod.mark(result.articles, where.places)
    outputs = {article.path.as_posix(): render(article) for article in result.articles}
    fragment = report_mod.fragment(result, where.shown_docs)
    places_mod.report(fragment, result.articles, found)
    return Outcome(shown, result.source, fragment, outputs, list(outputs), print_, articles=result.articles)


def _crash(shown: str, err: Exception) -> SourceError:
    """An error ingestion did not foresee, as a message: what it was, and where in our code."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return SourceError(
        shown,
        None,
        f"ingestion failed: {type(err).__name__}: {quoted(err, 200)}{where}",
        "this is a bug in ingestion, not in the source: report it with the source attached "
        "(the other sources were ingested)",
    )


def _ingest_all(missed: list[tuple[Path, str | None]], where: Where) -> list[Outcome]:
    """Ingest (target, fingerprint) pairs, in order, in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(missed) < PARALLEL_THRESHOLD or workers < 2:
        return [ingest_one(target, print_, where) for target, print_ in _progress(missed)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, len(missed) // (workers * 8))
        columns = [[t for t, _ in missed], [p for _, p in missed], [where] * len(missed)]
        return list(_progress(pool.map(ingest_one, *columns, chunksize=chunk), len(missed)))


def _progress(items, total: int | None = None):
    total = len(items) if total is None else total
    if total >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(items, desc="ingest", unit="source", total=total, file=sys.stderr)
    return items
