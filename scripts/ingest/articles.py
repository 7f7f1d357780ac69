"""The last stage: one article per language, with its title, date, authors and relation.

What the editor wrote in meta.yml wins over what the text says; what the text
says wins over a saved page's metadata. What nobody says (a title not in the
text, a date nowhere) is never made up: each such gap is recorded with the
line to point at and the meta.yml line that fills it, all of them at once.
"""

from __future__ import annotations

import re
from collections import Counter

from ..contract import LANGUAGE_NAMES
from . import credits, dates, doubts, language
from .facts import Facts
from .model import (
    LANGUAGES,
    Article,
    Block,
    Drop,
    Relation,
    Result,
    Role,
    Segment,
    Source,
    SourceError,
)
from .structure import Titles
from .text import han_script, split_lines

_OTHER = re.compile(r"^text in another language \((\w+)\)")
# Names for the languages identified most often besides ours, for messages.
_NAMES = {"ru": "Russian", "en": "English", "fr": "French", "de": "German", "ja": "Japanese", "ko": "Korean"}

# Roles that carry a line into its language's article (body or front matter).
ARTICLE_ROLES = {Role.TITLE, Role.KICKER, Role.CONTENT, Role.BYLINE, Role.AUTHOR, Role.SOURCE}


def languages(source: Source, segments: list[Segment], elsewhere: list[Drop] = ()) -> list[str]:
    """The languages the source has article text in, in site order. `elsewhere` are the lines
    set aside as another language: when they are all there is, the refusal names it."""
    langs = [lang for lang in LANGUAGES if any(s.lang == lang and s.role == Role.CONTENT for s in segments)]
    other = Counter(m.group(1) for d in elsewhere if (m := _OTHER.match(d.reason)))
    if not langs and other:
        lang, _ = other.most_common(1)[0]
        name = LANGUAGE_NAMES.get(lang) or _NAMES.get(lang, lang)
        raise SourceError(
            source.path,
            None,
            f"the text is in {name} ({lang}), not in a language of the archive (vi, zh, uk)",
            "the archive takes Vietnamese, Chinese and Ukrainian texts: add the article's version in one of them; "
            "if the text is in one of them, set `lines: {N: {lang: ...}}` in meta.yml for its lines",
        )
    if not langs:
        raise SourceError(
            source.path,
            None,
            "no article text: no line is a paragraph (the rest is title, furniture, metadata or another language)",
            "check that this is the article's text (the ingest report lists what each line was taken for)",
        )
    return langs


def set_aside_orphans(segments: list[Segment], langs: list[str]) -> list[Drop]:
    """A title or byline in a language the source has no text in reaches no article."""
    dropped = []
    for seg in segments:
        if seg.role in ARTICLE_ROLES and seg.lang not in langs:
            dropped.append(Drop(seg.line, seg.text, f"{seg.role} in {seg.lang}, but the source has no {seg.lang} text"))
            seg.role = Role.ORPHAN
    return dropped


def assemble(
    source: Source,
    segments: list[Segment],
    found: Titles,
    facts: Facts,
    blocks: dict[str, list[Block]],
    alignment: dict[str, dict],
    dropped: list[Drop],
) -> Result:
    langs = list(blocks)
    titles, missing, replaced = _titles(source, found.titles, langs)
    start, end, no_date, date = _date(source, segments, facts, titles)
    if no_date:
        missing.append(no_date)
    relation = _relations(source, langs)
    superseded = _superseded(source, segments, facts)  # before counting each article's lines
    page = source.page
    page_authors = list(page.authors) if page and len(langs) == 1 else []
    articles: list[Article] = []
    for lang in langs:
        lang_lines = sorted({n for s in segments if s.lang == lang and s.role in ARTICLE_ROLES for n in s.lines})
        rel, of = relation[lang]
        title = titles.get(lang, "")
        articles.append(
            Article(
                key=source.meta.key,
                lang=lang,
                title=title,
                blocks=blocks[lang],
                source=source.path,
                kicker=found.kicker.text if found.kicker and found.kicker.lang == lang else None,
                date=start,
                date_end=end,
                authors=source.meta.authors.get(lang) or facts.authors.get(lang) or page_authors,
                agency=facts.agency.get(lang),
                source_url=source.meta.source_url or facts.source_url,
                source_name=source.meta.source_name or facts.source_name or (page.site_name if page else None),
                event=source.meta.event,
                relation=rel,
                translation_of=of,
                alignment=alignment.get(lang, {}),
                lines=tuple(lang_lines),
                script=han_script(title + "".join(b.text for b in blocks[lang])) if lang == "zh" else None,
            )
        )
    dropped = sorted(dropped + replaced + superseded, key=lambda d: d.line)
    found_doubts = doubts.find(source, langs, found, facts, titles, date)
    return Result(source.path, articles, dropped, list(source.warnings), missing, found_doubts)


def _superseded(source: Source, segments: list[Segment], facts: Facts) -> list[Drop]:
    """Credit lines whose text reaches no article: meta.yml gives the authors or the address
    instead, or a second address after the one taken. They go to the report, not silently away."""
    dropped = []
    for seg in segments:
        if seg.role == Role.BYLINE and source.meta.authors.get(seg.lang):
            dropped.append(Drop(seg.line, seg.text, "byline: meta.yml's `authors` replace it"))
            seg.role = Role.DROPPED
        elif seg.role == Role.SOURCE:
            url = credits.source_line(seg.text)
            if url and url[0] == "url" and url[1] != (source.meta.source_url or facts.source_url):
                why = "meta.yml's `source_url` replaces it" if source.meta.source_url else "another address is taken"
                dropped.append(Drop(seg.line, seg.text, f"the text's source address: {why}"))
                seg.role = Role.DROPPED
    return dropped


def _titles(
    source: Source, found: dict[str, Segment], langs: list[str]
) -> tuple[dict[str, str], list[SourceError], list[Drop]]:
    """Each language's title, what is missing, and title lines meta.yml replaced."""
    titles: dict[str, str] = {}
    missing: list[SourceError] = []
    dropped: list[Drop] = []
    for lang in langs:
        override = source.meta.titles.get(lang)
        seg = found.get(lang)
        if override:
            titles[lang] = override
            if seg is not None:
                seg.role = Role.REPLACED_TITLE
                dropped.append(Drop(seg.line, seg.text, "title replaced by the title in meta.yml"))
        elif seg is not None:
            titles[lang] = seg.text
        elif source.page and source.page.title and language.detect(source.page.title) == lang:
            titles[lang] = source.page.title  # the page's headline, from its metadata
        else:
            first = next((line.no for line in _first_of(lang, source)), 1)
            missing.append(
                SourceError(
                    source.path,
                    first,
                    f"no {LANGUAGE_NAMES[lang]} title: the {lang} text does not open with a title line",
                    f'add the title to {meta_path(source)} as `title: {{{lang}: "…"}}` '
                    "(copy it from the original page; never make one up)",
                )
            )
    return titles, missing, dropped


def _first_of(lang: str, source: Source):
    for line in split_lines(source.text):
        if line.text and language.detect(line.text) == lang:
            yield line
            return


def meta_path(source: Source) -> str:
    return source.path.rsplit("/", 1)[0] + "/meta.yml" if "/" in source.path else "meta.yml"


def _date(source: Source, segments: list[Segment], facts: Facts, titles: dict[str, str]):
    """(first day, last day, the missing-date error or None, what the date was read from)."""
    if source.meta.date:
        return source.meta.date, source.meta.date_end, None, None
    years = [y for title in titles.values() for y in dates.years_in(title)]
    hint = years[0] if years else None
    found = facts.published or _date_in_leads(segments, hint)
    if found is None:
        return (
            None,
            None,
            SourceError(
                source.path,
                None,
                "no date: neither a timestamp line nor a date in the opening paragraphs"
                + ("" if hint else " (a date without a year needs a year in the title)"),
                f"add `date: YYYY-MM-DD` to {meta_path(source)}",
            ),
            None,
        )
    return found.start, source.meta.date_end or found.end, None, found


def _date_in_leads(segments: list[Segment], hint: int | None) -> dates.FoundDate | None:
    """The first date in the first two paragraphs of each language."""
    leads: dict[str, int] = {}
    for seg in segments:
        if seg.role not in (Role.CONTENT, Role.PARAGRAPH):
            continue
        if leads.get(seg.lang, 0) >= 2:
            continue
        leads[seg.lang] = leads.get(seg.lang, 0) + 1
        found = dates.find_date(seg.text, hint)
        if found:
            return found
    return None


def _relations(source: Source, langs: list[str]) -> dict[str, tuple[Relation, str | None]]:
    meta = source.meta
    if len(langs) == 1:
        (lang,) = langs
        if meta.relation == Relation.TRANSLATION:
            return {lang: (Relation.TRANSLATION, meta.translation_of)}
        return {lang: (Relation(meta.relation or Relation.ORIGINAL), None)}
    if meta.original in langs:
        return {
            lang: (Relation.ORIGINAL, None) if lang == meta.original else (Relation.TRANSLATION, meta.original)
            for lang in langs
        }
    return {lang: (Relation.PARALLEL, None) for lang in langs}
