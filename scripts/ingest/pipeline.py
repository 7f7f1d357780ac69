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
    # clean
    kept, dropped = furniture.clean(lines, said)
    dropped += source.page.dropped if source.page else ()
    # split by language
    segments, placeholders = split.tag_languages(kept, said)
    found_facts, left_out = facts.read_metadata_lines(segments, source.page)
    segments, unsupported = split.set_aside_other_languages(segments)
    # structure: where the article is, its head, its credits
    article = region.find(segments, lines)
    body_starts = article.first if article else None
    left_out += region.set_aside_tail(segments, article, credits.closes_text)
    opens = next(line.no for line in lines if line.text)
    titles = structure.find_titles(segments, body_starts, source.page.title if source.page else None, opens)
    left_out += structure.mark_titles(titles)
    facts.read_bylines(titles.bylines, found_facts)
    left_out += facts.settle_published(found_facts, titles.headline_line, source.page)
    segments = [s for s in segments if s.role not in (Role.TIMESTAMP, Role.DROPPED)]
    facts.find_trailing_authors(segments, found_facts)
    left_out += facts.read_datelines(segments, found_facts, body_starts)
    segments = structure.join_page_breaks(segments)
    # blocks, then one article per language
    # A saved page marks its captions; no other line of it is taken for one.
    style = "html" if source.page else structure.separator_style(segments)
    langs = articles.languages(source, segments, unsupported)
    orphans = articles.set_aside_orphans(segments, langs)
    body, alignment = blocks.build(segments, langs, style)
    set_aside = dropped + placeholders + left_out + unsupported + orphans
    return articles.assemble(source, segments, titles, found_facts, body, alignment, set_aside)


def _lines(source: Source) -> list[Line]:
    lines = split_lines(source.text)
    if not any(line.text for line in lines):
        raise SourceError(source.path, None, "the file holds no text", "put the article's text in the file")
    return lines
