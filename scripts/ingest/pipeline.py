"""One source in, its articles out: the stages in order.

    lines -> clean (furniture) -> split (languages) -> facts (dates, bylines,
    sources) -> structure (titles, page-break joins) -> blocks (paragraphs,
    headings, captions, pairing) -> articles

Every non-blank line ends in exactly one article (its `lines`) or in the
dropped list with a reason. Both functions are pure: they take the decoded
text and meta.yml, and return data; the CLI does the reading and writing.
"""

from __future__ import annotations

from . import articles, blocks, credits, facts, furniture, overrides, region, split, structure
from .model import Incomplete, Line, Result, Role, Source, SourceError
from .text import split_lines


def ingest(source: Source) -> Result:
    """The articles of a source; raises when an editor must first give something (all of it at once)."""
    result = examine(source)
    if result.missing:
        raise Incomplete(tuple(result.missing))
    return result


def examine(source: Source) -> Result:
    """Everything the pipeline makes of a source, with what is missing listed rather than raised."""
    lines = _lines(source)
    said = overrides.gather(source, lines)
    kept, dropped = furniture.clean(lines, said)
    if source.page:
        dropped += source.page.dropped
    segments, placeholders = split.tag_languages(kept, said)
    dropped += placeholders
    found_facts, more = facts.read_metadata_lines(segments, source.page)
    segments, unsupported = split.set_aside_other_languages(segments)
    article = region.find(segments, lines)
    more += region.set_aside_tail(segments, article, credits.closes_text)
    known = source.page.title if source.page else None
    opens = next(line.no for line in lines if line.text)
    titles = structure.find_titles(segments, article.first if article else None, known, opens)
    more += structure.mark_titles(titles)
    facts.read_bylines(titles.bylines, found_facts)
    more += facts.settle_published(found_facts, titles.headline_line, source.page)
    segments = [s for s in segments if s.role not in (Role.TIMESTAMP, Role.DROPPED)]
    facts.find_trailing_authors(segments, found_facts)
    more += facts.read_datelines(segments, found_facts, article.first if article else None)
    segments = structure.join_page_breaks(segments)
    # A saved page marks its captions; no other line of it is taken for one.
    style = "html" if source.page else structure.separator_style(segments)
    langs = articles.languages(source, segments, unsupported)
    orphans = articles.set_aside_orphans(segments, langs)
    body, alignment = blocks.build(segments, langs, style)
    return articles.assemble(
        source, segments, titles, found_facts, body, alignment, dropped + more + unsupported + orphans
    )


def _lines(source: Source) -> list[Line]:
    lines = split_lines(source.text)
    if not any(line.text for line in lines):
        raise SourceError(source.path, None, "the file holds no text", "put the article's text in the file")
    return lines
