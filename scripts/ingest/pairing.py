"""Align the language versions of one article that come from different sources.

A bilingual source pairs its own paragraphs (blocks.py). A translation can
also arrive as a source of its own: an editor adds the Chinese version of a
Vietnamese article under the same key, `relation: translation`. Such versions
are aligned here, after every source is ingested, with the same method
(align.py) on the two articles' blocks, and the result goes into each
article's `alignment`, beside the same-source pairs, so both languages' pages
read it the same way. A `report` of the same event is no translation and is
never aligned.

A cross-source alignment depends on two sources, so the ingest cache
(cache.py) must not vouch for one without the other: `combined` folds the
fingerprints of a source's partners (the other sources that write articles
under one of its keys) into its own, so a change to either re-ingests both,
and `realign` re-ingests a partner the cache vouched for when a source joins
its key.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import PurePosixPath

from ..contract import HEAD_BYTES, generated_source
from .align import Unit, align
from .model import LANGUAGES, Article, Relation, Role

# The relations whose versions say the same thing, paragraph for paragraph.
ALIGNED = frozenset({Relation.ORIGINAL, Relation.TRANSLATION, Relation.PARALLEL})
# A block whose kind is settled as a caption costs next to nothing to leave unpaired.
_CAPTION_SKIP = 0.1


def key_of(path: str) -> str:
    """The key of an article path under docs/: `vi/articles/<key>.md` -> `<key>`."""
    return PurePosixPath(path).stem


# Which sources depend on which -----------------------------------------------------------------


def partners(paths_by_source: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """For each source, the other sources that write an article under one of its keys."""
    by_key: dict[str, set[str]] = {}
    for source, paths in paths_by_source.items():
        for path in paths:
            by_key.setdefault(key_of(path), set()).add(source)
    found: dict[str, set[str]] = {source: set() for source in paths_by_source}
    for sources in by_key.values():
        if len(sources) > 1:
            for source in sources:
                found[source] |= sources - {source}
    return found


class Prints:
    """Sources' own fingerprints, each computed once (`own` is filled by the caller for its targets),
    and combined with their partners'."""

    def __init__(self, fingerprint: Callable[[str], str | None]):
        self.fingerprint = fingerprint  # of a source outside the run's targets (or gone), by its name
        self.own: dict[str, str | None] = {}

    def of(self, source: str) -> str | None:
        if source not in self.own:
            self.own[source] = self.fingerprint(source)
        return self.own[source]

    def combined(self, source: str, partners: dict[str, set[str]]) -> str | None:
        return combined(self.of(source), [(p, self.of(p)) for p in partners.get(source, ())])


def combined(own: str | None, partner_prints: Iterable[tuple[str, str | None]]) -> str | None:
    """A source's fingerprint with its partners' folded in; None when any of them cannot be had."""
    prints = sorted(partner_prints)
    if own is None or any(p is None for _, p in prints):
        return None
    if not prints:
        return own
    digest = hashlib.sha256(own.encode())
    for name, print_ in prints:
        digest.update(f"\0{name}\0{print_}".encode())
    return digest.hexdigest()


# The alignment ------------------------------------------------------------------------------------


def units(article: Article) -> list[Unit]:
    return [Unit(b.text, _CAPTION_SKIP if b.kind == Role.CAPTION else None) for b in article.blocks]


def align_pair(first: Article, second: Article) -> None:
    """Align two versions and give each the pairs, numbered by block from 1, as it sees them."""
    pairs = align(units(first), units(second))
    ours = [(tuple(i + 1 for i in xs), tuple(j + 1 for j in ys)) for xs, ys in pairs if xs and ys]
    first.alignment[second.lang] = ours
    second.alignment[first.lang] = [(theirs, mine) for mine, theirs in ours]


def align_across(versions: list[tuple[str, Article]]) -> list[Article]:
    """Align every two versions of one key from different sources; the articles that changed.

    `versions` are (source, article) pairs. A key that two sources write in one
    language is a clash the ownership rules refuse: nothing is aligned for it.
    """
    langs = [article.lang for _, article in versions]
    if len(set(langs)) != len(langs):
        return []
    eligible = sorted(
        ((source, a) for source, a in versions if a.relation in ALIGNED),
        key=lambda item: LANGUAGES.index(item[1].lang) if item[1].lang in LANGUAGES else len(LANGUAGES),
    )
    changed: dict[int, Article] = {}
    for (source_a, a), (source_b, b) in combinations(eligible, 2):
        if source_a != source_b and b.lang not in a.alignment:
            align_pair(a, b)
            changed[id(a)], changed[id(b)] = a, b
    return list(changed.values())


# The run's step -------------------------------------------------------------------------------------


@dataclass
class Member:
    """One source's part in the run, as realign needs it."""

    source: str  # the cache's name for it: the folder as messages show it
    paths: list[str]  # its article paths under docs/
    relations: dict[str, str]  # article path -> its relation
    articles: list[Article] | None = None  # None when the cache vouched for it and it was not ingested


@dataclass
class Realigned:
    changed: dict[str, list[Article]] = field(default_factory=dict)  # source -> its articles to render again
    reingested: list[str] = field(default_factory=list)


def realign(members: list[Member], reingest: Callable[[str], list[Article] | None]) -> Realigned:
    """Align, across sources, every key that a source ingested in this run shares with another source.

    `reingest(source)` ingests a member the cache vouched for and returns its
    articles (None when it fails); it is called only for a member that shares
    an aligned key with a member ingested in this run.
    """
    by_key: dict[str, list[Member]] = {}
    for member in members:
        # A bilingual source writes two articles under one key: it joins the key's group once.
        for key in dict.fromkeys(key_of(p) for p in member.paths if member.relations.get(p) in ALIGNED):
            by_key.setdefault(key, []).append(member)
    done = Realigned()
    for group in by_key.values():
        if len({m.source for m in group}) < 2 or all(m.articles is None for m in group):
            continue
        for member in group:
            if member.articles is None:
                member.articles = reingest(member.source)
                done.reingested.append(member.source)
    for key, group in sorted(by_key.items()):
        versions = [(m.source, a) for m in group if m.articles for a in m.articles if a.key == key]
        if len({source for source, _ in versions}) < 2:
            continue
        for article in align_across(versions):
            owner = next(source for source, a in versions if a is article)
            done.changed.setdefault(owner, []).append(article)
    return done


def partners_on_disk(docs: str, claimed: Iterable[str], known: set[str]) -> set[str]:
    """The raw files (as their notices name them) of the generated articles in other languages under
    the keys of the `claimed` article paths, that no `known` source wrote.

    For a run over some sources only: the other sources of a key are not among
    its targets, and their articles must be aligned with the new ones too. A file
    the run itself claims is not a partner's but a clash, which ownership.py judges.
    """
    claimed = set(claimed)
    found = set()
    for key in sorted({key_of(path) for path in claimed}):
        for lang in LANGUAGES:
            if f"{lang}/articles/{key}.md" in claimed:
                continue
            try:
                with open(os.path.join(docs, lang, "articles", f"{key}.md"), "rb") as handle:
                    head = handle.read(HEAD_BYTES).decode("utf-8", "replace")
            except OSError:
                continue
            owner = generated_source(head)
            if owner and owner not in known:
                found.add(owner)
    return found
