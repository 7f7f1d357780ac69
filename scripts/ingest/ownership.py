"""Which source may write which article file: the rules, apart from any I/O.

Sources share a key only when they are the same article in different
languages. So:

- two sources that would write the same article both fail, whatever their
  order: neither may overwrite the other, and the one just added is as likely
  to be wrong as the one already there;
- a source never overwrites a file ingestion did not write (a hand-written
  page), nor one another source still on disk wrote (a run over some sources
  only, or a run in which that source failed);
- on a run over every source, a generated article no source makes any more is
  stale and goes, unless its source failed this time: a broken source keeps its
  earlier articles until it is fixed.

`decide` takes what the caller found on disk and returns what to write, what
to refuse and what to delete; `explain` words a refusal for the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .model import SourceError


@dataclass(frozen=True)
class Claim:
    """The article files one ingested source would write."""

    source: str  # its raw file, as messages show it
    paths: tuple[str, ...]  # article paths under docs/: `vi/articles/<key>.md`
    fresh: bool = True  # ingested now; False when the cache vouches its files are on disk as written


@dataclass(frozen=True)
class OnDisk:
    """An article file already under docs/."""

    owner: str | None  # the source its notice names ("" names none); None: ingestion did not write it
    owner_exists: bool = False  # that source is still on disk


@dataclass(frozen=True)
class Refusal:
    claim: Claim
    paths: tuple[str, ...]  # the files in dispute
    others: tuple[str, ...] = ()  # the other sources claiming them (a clash)
    owner: str | None = None  # for a file on disk: who wrote it (None: nobody, by hand)
    clash: bool = False  # True: sources claim the same file in this run


@dataclass
class Decision:
    allowed: list[Claim] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # generated files to delete, under docs/


def folder(path: str) -> str:
    """The source folder a message's path belongs to (a file's parent, or the folder itself)."""
    pure = PurePosixPath(path)
    return str(pure.parent) if pure.suffix else path


def decide(claims: list[Claim], on_disk: dict[str, OnDisk], full_run: bool, failed: set[str]) -> Decision:
    """What may be written. `failed` holds the folders of sources whose ingest failed."""
    by_path: dict[str, set[str]] = {}
    for claim in claims:
        for rel in claim.paths:
            by_path.setdefault(rel, set()).add(claim.source)
    decision = Decision()
    for claim in claims:
        clash = tuple(rel for rel in claim.paths if len(by_path[rel]) > 1)
        if clash:
            others = tuple(sorted({s for rel in clash for s in by_path[rel]} - {claim.source}))
            decision.refused.append(Refusal(claim, clash, others, clash=True))
            continue
        taken = _taken(claim, on_disk) if claim.fresh else None
        if taken:
            decision.refused.append(taken)
            continue
        decision.allowed.append(claim)
    if full_run:
        made = {rel for claim in decision.allowed for rel in claim.paths}
        failed = failed | {folder(r.claim.source) for r in decision.refused}
        decision.stale = [
            rel
            for rel in sorted(set(on_disk) - made)
            if on_disk[rel].owner is not None and folder(on_disk[rel].owner) not in failed
        ]
    return decision


def _taken(claim: Claim, on_disk: dict[str, OnDisk]) -> Refusal | None:
    for rel in claim.paths:
        there = on_disk.get(rel)
        if there is None:
            continue
        if not there.owner:
            return Refusal(claim, (rel,), owner=None)
        if folder(there.owner) != folder(claim.source) and there.owner_exists:
            return Refusal(claim, (rel,), owner=there.owner)
    return None


def explain(refusal: Refusal, shown_docs: str, meta_of: Callable[[str], tuple[str, int | None] | None]) -> SourceError:
    """The editor's message for a refusal. `meta_of(source)` gives a source's meta.yml
    (as messages show it) and the line of its `key:`, or None for a bare file."""
    source = refusal.claim.source
    shown = [f"{shown_docs}/{rel}" for rel in refusal.paths]
    if not refusal.clash:
        if refusal.owner is None:
            return SourceError(
                source,
                None,
                f"would overwrite {shown[0]}, which ingestion did not write",
                "give this source another `key`",
            )
        return SourceError(
            source,
            None,
            f"writes the same file as {refusal.owner}: {shown[0]}",
            "give one of the two sources another `key` in its meta.yml "
            "(sources in different languages may share a key; two in one language may not)",
        )
    key = PurePosixPath(refusal.paths[0]).stem
    langs = " and ".join(PurePosixPath(rel).parts[0] for rel in refusal.paths)
    other = ", ".join(refusal.others)
    written = ", ".join(shown)
    meta = meta_of(source)
    if meta is None:
        # A bare file: its key comes from its name.
        return SourceError(
            source,
            None,
            f"its key {key!r} (from the file name) is also the key of {other}, and both make the {langs} "
            f"article ({written})",
            "rename the file, or give it a folder and a meta.yml with a key of its own (`make new` does both)",
        )
    meta_path, key_line = meta
    return SourceError(
        meta_path,
        key_line,
        f"`key`: {key} is also the key of {other}, and both make its {langs} article ({written})",
        f"give one of the two (most likely the one you added) a key of its own, e.g. `key: {key}-2`; sources "
        "share a key only when they are the same article in different languages (a translation, or a report "
        "in a language the key lacks)",
    )
