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


@dataclass(frozen=True)
class Stamp:
    """A line that gives the time of publication (or of the page's clock), and what it says."""

    line: int
    text: str
    found: dates.FoundDate
    reason: str = "publication timestamp (read as the article's date)"


@dataclass
class Facts:
    """What the metadata lines of a source say."""

    authors: dict[str, list[str]] = field(default_factory=dict)
    agency: dict[str, str] = field(default_factory=dict)
    source_url: str | None = None
    source_name: str | None = None
    published: dates.FoundDate | None = None
    stamps: list[Stamp] = field(default_factory=list)  # every timestamp line, in order
    # Timestamps not taken: above the headline (a clock), or after the first one under it.
    passed_over: list[Stamp] = field(default_factory=list)
    relative: list[tuple[int, str]] = field(default_factory=list)  # `сьогодні, 10:15`: no date to read
    # Where the publication date came from: "under the headline", "a timestamp" (no headline in
    # the text), "above the headline" (it may be the site's clock), "the page's metadata".
    published_from: str | None = None
    trailing_author: dict[str, int] = field(default_factory=dict)  # lang -> line of a name read as author


def read_metadata_lines(segments: list[Segment], page: Page | None) -> tuple[Facts, list[Drop]]:
    """Timestamps, metadata lines, bylines, editors and source lines: their roles set, what they say gathered.

    Which timestamp is the publication date is settled once the headline is
    known (`settle_published`).
    """
    facts = Facts()
    dropped: list[Drop] = []
    for seg in segments:
        if not seg.forced:
            drop = _metadata_line(seg, facts)
            if drop:
                dropped.append(drop)
    if page:
        facts.source_url = facts.source_url or page.url
    return facts, dropped


def _metadata_line(seg: Segment, facts: Facts) -> Drop | None:
    """Read one line if it says something about the article; the Drop when it leaves the text."""
    fields = credits.fields_line(seg.text)
    if fields:
        return _fields(seg, fields, facts)
    stamp = dates.timestamp(seg.text)
    if stamp:
        seg.role = Role.TIMESTAMP
        facts.stamps.append(Stamp(seg.line, seg.text, stamp))
        return None
    labelled = dates.labelled_timestamp(seg.text)
    if labelled:
        return _labelled(seg, labelled, facts)
    if dates.RELATIVE.match(seg.text):
        seg.role = Role.TIMESTAMP
        facts.relative.append((seg.line, seg.text))
        return Drop(seg.line, seg.text, "a time relative to the day the page was saved (`today`): no date in it")
    names = credits.editors(seg.text)
    if names is not None:
        seg.role = Role.TIMESTAMP  # out of the text, like a timestamp
        return Drop(seg.line, seg.text, "the editor's credit (an editor is not an author)")
    return _credit_line(seg, facts)


def _labelled(seg: Segment, labelled: dates.Labelled, facts: Facts) -> Drop:
    """A timestamp with a name before it (the author) or a section after it."""
    seg.role = Role.TIMESTAMP
    facts.stamps.append(Stamp(seg.line, seg.text, labelled.found, "metadata line"))
    read = f"date {labelled.found.start.isoformat()}"
    name = labelled.label if labelled.before else None
    if name and credits.is_author_name(name):
        facts.authors.setdefault(seg.lang, []).append(name)
        read += f"; author {name}"
    return Drop(seg.line, seg.text, "metadata line, read: " + read)


def _credit_line(seg: Segment, facts: Facts) -> Drop | None:
    credit = credits.byline(seg.text)
    if credit:
        seg.role = Role.BYLINE
        facts.authors.setdefault(seg.lang, []).extend(credit.names)
        return None
    src = credits.source_line(seg.text)
    if src:
        seg.role = Role.SOURCE
        kind, value = src
        if kind == "url":
            facts.source_url = facts.source_url or value
        else:
            facts.source_name = facts.source_name or value
        return None
    name = credits.theo(seg.text)
    if name:
        seg.role = Role.SOURCE
        facts.source_name = facts.source_name or name
        return None
    url = credits.copy_link(seg.text)
    if url:
        seg.role = Role.SOURCE
        facts.source_url = facts.source_url or url
        return Drop(seg.line, seg.text, "a copy-link button; its address read as the article's")
    return None


def _fields(seg: Segment, fields: credits.FieldsLine, facts: Facts) -> Drop:
    """A line of labelled fields: its date is a timestamp; its authors, source and editors are read."""
    seg.role = Role.TIMESTAMP
    read = []
    found = dates.timestamp(fields.date_text) if fields.date_text else None
    if found:
        facts.stamps.append(Stamp(seg.line, seg.text, found, "metadata line"))
        read.append(f"date {found.start.isoformat()}")
    if fields.source:
        facts.source_name = facts.source_name or fields.source
        read.append(f"source {fields.source}")
    if fields.authors:
        facts.authors.setdefault(seg.lang, []).extend(fields.authors)
        read.append("authors " + ", ".join(fields.authors))
    if fields.editors:
        read.append("editor " + ", ".join(fields.editors) + " (not an author)")
    return Drop(seg.line, seg.text, "metadata line, read: " + "; ".join(read) if read else "metadata line")


def read_bylines(bylines: list[Segment], facts: Facts) -> None:
    """Names standing alone under the headline: the article's authors."""
    for seg in bylines:
        seg.role = Role.BYLINE
        facts.authors.setdefault(seg.lang, []).append(seg.text)


def settle_published(facts: Facts, headline: int | None, page: Page | None) -> list[Drop]:
    """The publication date: the first timestamp under the headline.

    A page copied whole often shows the site's clock (the moment it was saved)
    above the headline and the publication time under it; the clock never
    wins over a timestamp under the headline. With no headline in the text,
    the first timestamp is taken. A saved page's metadata counts only when the
    text gives no timestamp.
    """
    under = [s for s in facts.stamps if headline is None or s.line > headline]
    above = [s for s in facts.stamps if s not in under]
    chosen = (under or above or [None])[0]
    dropped = []
    if chosen is not None:
        facts.published_from = "under the headline" if headline is not None and under else "a timestamp"
        if headline is not None and not under:
            facts.published_from = "above the headline"
    for stamp in facts.stamps:
        if stamp is chosen:
            facts.published = stamp.found
            reason = stamp.reason
        elif stamp in above and under:
            facts.passed_over.append(stamp)
            reason = "the site's clock above the headline (when the page was saved), not the publication date"
        else:
            facts.passed_over.append(stamp)
            reason = "another timestamp (the first one under the headline is the publication date)"
        if stamp.reason != "metadata line":  # a metadata line is in the dropped list already
            dropped.append(Drop(stamp.line, stamp.text, reason))
    if facts.published is None and page and page.date:
        facts.published = dates.FoundDate(page.date, None, f"the page's date ({page.date_from})")
        facts.published_from = page.date_from
    return dropped


def find_trailing_authors(segments: list[Segment], facts: Facts) -> None:
    """A name standing alone as the last line of a language's text is its author; an
    agency's name there (`越通社`, `TTXVN`) is the text's source."""
    for lang in LANGUAGES:
        body = [s for s in segments if s.lang == lang and s.role == Role.CONTENT]
        if not body:
            continue
        last = body[-1]
        if not last.forced and len(body) > 1 and credits.is_agency_name(last.text):
            last.role = Role.SOURCE
            facts.agency.setdefault(lang, last.text)
            continue
        if last.forced == Role.AUTHOR or (not last.forced and credits.is_author_name(last.text) and len(body) > 1):
            last.role = Role.AUTHOR
            facts.authors.setdefault(lang, []).append(last.text)
            if not last.forced:
                facts.trailing_author[lang] = last.line
    for seg in segments:
        if seg.forced == Role.AUTHOR and seg.role != Role.AUTHOR:
            seg.role = Role.AUTHOR
            facts.authors.setdefault(seg.lang, []).append(seg.text)


def read_datelines(segments: list[Segment], facts: Facts, body_starts: int | None = None) -> list[Drop]:
    """Strip an agency dateline (`БХГ – `, `新华社南宁2月22日电（记者唐霁）`) from the first
    paragraph of each language (the first of the article's region, on a page copied whole),
    and a source credit (`(新华社)`) from the end of its last."""
    dropped = []
    for lang in LANGUAGES:
        body = [s for s in segments if s.lang == lang and s.role == Role.CONTENT and s.hint != Role.CAPTION]
        if not body:
            continue
        opening = [s for s in body if body_starts is None or s.line >= body_starts][:2] or body[:1]
        last = body[-1]
        # A dateline opens the article's first paragraph; on a page copied whole, a photo's
        # caption may come before it.
        for first in opening:
            if not first.forced and _opening(first, lang, facts):
                break
        if not last.forced and len(body) > 1 and lang == "zh":
            dropped += _closing_han(last, lang, facts)
        if not last.forced and len(body) > 1:
            found = credits.trailing_credit(last.text)
            if found:
                last.text, credit = found
                agency = facts.agency.setdefault(lang, credit)
                if agency != credit:
                    dropped.append(Drop(last.line, credit, f"source credit closing the text (the agency is {agency})"))
    return dropped


def _closing_han(last: Segment, lang: str, facts: Facts) -> list[Drop]:
    closing = credits.closing_han(last.text)
    if closing is None:
        return []
    last.text = closing.rest
    facts.authors.setdefault(lang, []).extend(n for n in closing.reporters if n not in facts.authors.get(lang, []))
    read = []
    if closing.reporters:
        read.append("reporter " + ", ".join(closing.reporters))
    if closing.editors:
        read.append("editor " + ", ".join(closing.editors) + " (not an author)")
    if closing.roc_date and (day := credits.roc_date(closing.roc_date)):
        found = dates.FoundDate(day, None, closing.roc_date)
        facts.stamps.append(Stamp(last.line, closing.roc_date, found, "metadata line"))
        if facts.published is None:  # the agency's own date line, at the end of its text
            facts.published, facts.published_from = found, "a timestamp"
        read.append(f"date {day.isoformat()} (Republic of China calendar)")
    return [Drop(last.line, closing.removed, "credits closing the text, read: " + "; ".join(read))]


def _opening(first: Segment, lang: str, facts: Facts) -> bool:
    found = credits.dateline(first.text)
    if found:
        facts.agency[lang], first.text = found
        return True
    opening = credits.dateline_han(first.text) if lang == "zh" else None
    if opening:
        if opening.agency:
            facts.agency[lang] = opening.agency
        if opening.names:
            facts.authors.setdefault(lang, []).extend(opening.names)
        first.text = opening.rest
        return True
    return False
