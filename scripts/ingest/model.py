"""Plain data passed between the ingestion stages.

The stages run in one direction: read -> clean -> split by language ->
structure -> write. Each stage takes and returns these dataclasses; none of
them does I/O except `read` and `write`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..contract import LANGUAGES, Relation, Role

__all__ = ["LANGUAGES", "Relation", "Role"]  # re-exported: the stages name them through the model


class SourceError(Exception):
    """A problem in one source that an editor must fix.

    Carries the file and line so the message can point at it, and the fix so
    the editor knows what to do next. Other sources are still ingested.
    """

    def __init__(self, path: str, line: int | None, message: str, fix: str):
        self.path = path
        self.line = line
        self.message = message
        self.fix = fix
        super().__init__(self.render())

    def __reduce__(self):
        # Rebuilt from its fields when it crosses to another process.
        return (SourceError, (self.path, self.line, self.message, self.fix))

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}\n  fix: {self.fix}"

    def as_dict(self) -> dict:
        return {"source": self.path, "line": self.line, "message": self.message, "fix": self.fix}

    def each(self) -> tuple[SourceError, ...]:
        """Every problem this error stands for (see Incomplete)."""
        return (self,)


class Incomplete(SourceError):
    """A source that lacks several things an editor must give (titles, a date): all of them at once,
    so the editor fixes meta.yml in one go. Reads as its first problem; renders them all."""

    def __init__(self, problems: tuple[SourceError, ...]):
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(first.path, first.line, first.message, first.fix)

    def __reduce__(self):
        return (Incomplete, (self.problems,))

    def render(self) -> str:
        return "\n".join(problem.render() for problem in getattr(self, "problems", ())) or super().render()

    def each(self) -> tuple[SourceError, ...]:
        return self.problems


@dataclass(frozen=True)
class Line:
    """One line of a source file as read, and its normalized text."""

    no: int  # 1-based line number in the source file
    raw: str  # the line as decoded, without its line ending
    text: str  # whitespace-normalized; "" for blank and whitespace-only lines


@dataclass(frozen=True)
class Drop:
    """A source line that reaches no article, and why."""

    line: int
    text: str
    reason: str


@dataclass
class Segment:
    """A piece of a content line in one language.

    Most lines are one segment; a title line holding two languages is two.
    `role` is refined stage by stage: content -> title/kicker/paragraph/...
    """

    line: int
    lang: str  # vi, zh, uk, or "und" until context decides
    text: str
    role: Role = Role.CONTENT
    blank_before: bool = False  # an empty line precedes it in the source
    # Lines of other segments merged into this one (paragraphs broken by page breaks).
    joined: tuple[int, ...] = ()
    forced: Role | None = None  # a role meta.yml sets for this line, overriding the heuristics
    hint: Role | None = None  # what the line's place or shape says it is (a deck line: HEADING)

    @property
    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.joined)


@dataclass(frozen=True)
class Block:
    """A unit of an article body: one paragraph, heading or caption."""

    kind: Role  # PARAGRAPH | HEADING | CAPTION
    text: str
    lines: tuple[int, ...]
    level: int = 0  # heading level (2 or 3); 0 otherwise


@dataclass
class SourceMeta:
    """What an editor wrote in a source's meta.yml (all optional but `key`)."""

    key: str
    titles: dict[str, str] = field(default_factory=dict)
    date: date | None = None
    date_end: date | None = None
    source_url: str | None = None
    source_name: str | None = None  # the publisher's name, when the text does not say it
    event: str | None = None
    original: str | None = None  # language the text was first published in
    relation: str | None = None  # how this source relates to others under the key
    translation_of: str | None = None  # with relation "translation": the language translated
    authors: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[int, dict] = field(default_factory=dict)  # per-line overrides: {"role": Role, "lang": str}


@dataclass(frozen=True)
class Page:
    """What a saved HTML page says about its article besides its text.

    Its lines are the page's text blocks (see saved_page.py); `roles` and the page's
    metadata are defaults that meta.yml and the text itself override.
    """

    roles: dict[int, Role] = field(default_factory=dict)  # line -> TITLE | HEADING | SUBHEADING | CAPTION
    dropped: tuple[Drop, ...] = ()  # blocks outside the article, each with the part of the page it was in
    title: str | None = None  # the headline from the page's metadata, when no line holds it
    date: date | None = None
    date_from: str = "the page's metadata"  # or "beside the headline": a date line under it
    metadata_date: date | None = None  # what the page's metadata says, for comparison
    authors: tuple[str, ...] = ()
    url: str | None = None
    site_name: str | None = None  # the publisher, as the page names itself (og:site_name)


@dataclass(frozen=True)
class Source:
    """A raw article as found on disk, with its editor-owned metadata."""

    path: str  # repository-relative path of the raw file, e.g. sources/x/source.txt
    text: str
    meta: SourceMeta
    page: Page | None = None  # for an HTML source: what its markup says
    warnings: tuple[str, ...] = ()  # things the editor should check (an encoding guessed, mojibake repaired)


@dataclass
class Article:
    """One language version of one source, ready to be written."""

    key: str
    lang: str
    title: str
    blocks: list[Block]
    source: str
    kicker: str | None = None
    script: str | None = None  # "zh-Hant" for Chinese written in Traditional characters
    date: date | None = None
    date_end: date | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    source_url: str | None = None
    event: str | None = None
    relation: Relation = Relation.ORIGINAL
    translation_of: str | None = None
    # For bilingual sources: which blocks of another language answer which of
    # ours, as (our block numbers, their block numbers), numbered from 1.
    alignment: dict[str, list[tuple[tuple[int, ...], tuple[int, ...]]]] = field(default_factory=dict)
    lines: tuple[int, ...] = ()  # every source line that went into this article
    source_name: str | None = None  # the publisher: meta.yml, else the text (`Nguồn: …`), else the page
    places: tuple[str, ...] = ()  # ids from sources/places.yml it mentions (set by places.py)

    @property
    def path(self) -> Path:
        return Path(self.lang) / "articles" / f"{self.key}.md"

    def count(self, kind: str) -> int:
        return sum(1 for b in self.blocks if b.kind == kind)


@dataclass(frozen=True)
class Candidate:
    """A value the pipeline saw for a field, where, and why it might be the one."""

    line: int | None
    text: str
    why: str


@dataclass(frozen=True)
class Doubt:
    """A field the pipeline filled (or left empty) without being sure: the editor decides."""

    field: str  # date | title | authors
    lang: str | None
    chosen: str  # what was written; "" for nothing
    why: str  # why it is not sure
    candidates: tuple[Candidate, ...]
    pick: str  # the meta.yml line that settles it, e.g. `date: 2024-11-20`


@dataclass
class Result:
    """Everything ingestion made of one source."""

    source: str
    articles: list[Article]
    dropped: list[Drop]
    warnings: list[str] = field(default_factory=list)
    # What an editor must still give in meta.yml (a title, a date); the articles
    # then have an empty title or no date where it is missing.
    missing: list[SourceError] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)  # what was filled in without certainty
