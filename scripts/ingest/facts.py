"""Lines that describe the article rather than tell it, read into facts.

A timestamp line is the publication date; a byline (`Bài: Lưu Linh`) or a
name standing alone at the end names the authors; `Nguồn: …` says where the
text was published; an agency dateline (`БХГ – `) opens the first paragraph.
Each such line gets its role here, so the structure stage leaves it out of
the body, and what it says goes to the front matter. A saved page's metadata
counts only where the text itself says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import credits, dates
from .model import LANGUAGES, Drop, Page, Role, Segment


@dataclass
class Facts:
    """What the metadata lines of a source say."""

    authors: dict[str, list[str]] = field(default_factory=dict)
    agency: dict[str, str] = field(default_factory=dict)
    source_url: str | None = None
    source_name: str | None = None
    published: dates.FoundDate | None = None


def read_metadata_lines(segments: list[Segment], page: Page | None) -> tuple[Facts, list[Drop]]:
    """Timestamps, bylines and source lines: their roles set, what they say gathered."""
    facts = Facts()
    dropped: list[Drop] = []
    for seg in segments:
        if seg.forced:
            continue
        stamp = dates.timestamp(seg.text)
        if stamp:
            seg.role = Role.TIMESTAMP
            facts.published = facts.published or stamp
            dropped.append(Drop(seg.line, seg.text, "publication timestamp (read as the article's date)"))
            continue
        credit = credits.byline(seg.text)
        if credit:
            seg.role = Role.BYLINE
            facts.authors.setdefault(seg.lang, []).extend(credit.names)
            continue
        src = credits.source_line(seg.text)
        if src:
            seg.role = Role.SOURCE
            kind, value = src
            if kind == "url":
                facts.source_url = facts.source_url or value
            else:
                facts.source_name = facts.source_name or value
    if page:
        if facts.published is None and page.date:
            facts.published = dates.FoundDate(page.date, None, "the page's publication date")
        facts.source_url = facts.source_url or page.url
    return facts, dropped


def find_trailing_authors(segments: list[Segment], facts: Facts) -> None:
    """A name standing alone as the last line of a language's text is its author."""
    for lang in LANGUAGES:
        body = [s for s in segments if s.lang == lang and s.role == Role.CONTENT]
        if not body:
            continue
        last = body[-1]
        if last.forced == Role.AUTHOR or (not last.forced and credits.is_author_name(last.text) and len(body) > 1):
            last.role = Role.AUTHOR
            facts.authors.setdefault(lang, []).append(last.text)
    for seg in segments:
        if seg.forced == Role.AUTHOR and seg.role != Role.AUTHOR:
            seg.role = Role.AUTHOR
            facts.authors.setdefault(seg.lang, []).append(seg.text)


def read_datelines(segments: list[Segment], facts: Facts) -> None:
    """Strip an agency dateline (`БХГ – `) from the first paragraph of each language."""
    for lang in LANGUAGES:
        first = next((s for s in segments if s.lang == lang and s.role == Role.CONTENT), None)
        if first is None or first.forced:
            continue
        found = credits.dateline(first.text)
        if found:
            facts.agency[lang], first.text = found
