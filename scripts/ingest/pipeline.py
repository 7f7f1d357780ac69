"""One source in, its articles out: the cleaning stages in order.

    lines -> drop furniture -> tag languages -> metadata lines -> titles
          -> page-break joins -> blocks (headings, captions, paragraphs)
          -> pairing across languages -> articles

Every non-blank line ends in exactly one article (its `lines`) or in the
dropped list with a reason. `ingest` is pure: it takes the decoded text and
meta.yml, and returns data; the CLI does the reading and writing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates, furniture, language, metadata, structure
from .align import Unit, align
from .model import LANGUAGES, Article, Block, Drop, Line, Result, Segment, Source, SourceError
from .text import han_script, split_lines

LANGUAGE_NAMES = {"vi": "Vietnamese", "zh": "Chinese", "uk": "Ukrainian"}

# Roles that carry a line into its language's article (body or front matter).
_ARTICLE_ROLES = {"title", "kicker", "content", "byline", "author", "source"}
OVERRIDE_ROLES = {"paragraph", "heading", "subheading", "caption", "title", "kicker", "author", "drop", "join"}


@dataclass
class _Facts:
    """What the metadata lines of a source say."""

    authors: dict[str, list[str]] = field(default_factory=dict)
    agency: dict[str, str] = field(default_factory=dict)
    source_url: str | None = None
    source_name: str | None = None
    published: dates.FoundDate | None = None


def ingest(source: Source) -> Result:
    lines = split_lines(source.text)
    if not any(line.text for line in lines):
        raise SourceError(source.path, None, "the file holds no text", "put the article's text in the file")
    _check_overrides(source, lines)
    page = source.page
    # What an HTML page's markup says of a line (title, caption...) is a
    # default; meta.yml has the last word.
    overrides = {no: {"role": role} for no, role in page.roles.items()} if page else {}
    for no, override in source.meta.lines.items():
        overrides[no] = {**overrides.get(no, {}), **override}

    kept, dropped = _strip_furniture(lines, overrides)
    if page:
        dropped += page.dropped
    segments = _tag_languages(kept, overrides)
    facts = _Facts()
    dropped += _read_metadata_lines(segments, facts)
    if page:
        # The page's metadata counts where the text itself says nothing.
        if facts.published is None and page.date:
            facts.published = dates.FoundDate(page.date, None, "the page's publication date")
        facts.source_url = facts.source_url or page.url
    segments, unsupported = _set_aside_other_languages(source, segments)
    dropped += unsupported
    found = structure.find_titles(segments)
    for lang, seg in found.titles.items():
        seg.role = "title"
    if found.kicker:
        found.kicker.role = "kicker"
    _find_trailing_authors(segments, facts)
    _read_datelines(segments, facts)

    segments = structure.join_page_breaks(segments)
    # An HTML page marks its captions; no other line of it is taken for one.
    style = "html" if page else structure.separator_style(segments)
    langs = [lang for lang in LANGUAGES if any(s.lang == lang and s.role == "content" for s in segments)]
    if not langs:
        raise SourceError(
            source.path,
            None,
            "no article text: no line is a paragraph (the rest is title, furniture, metadata or another language)",
            "check that this is the article's text (the ingest report lists what each line was taken for)",
        )
    for seg in segments:
        if seg.role in _ARTICLE_ROLES and seg.lang not in langs:
            dropped.append(Drop(seg.line, seg.text, f"{seg.role} in {seg.lang}, but the source has no {seg.lang} text"))
            seg.role = "orphan-" + seg.role
    blocks, alignment = _build_blocks(segments, langs, style)

    titles, dropped_titles = _titles(source, found.titles, langs)
    dropped += dropped_titles
    start, end = _date(source, segments, facts, titles)

    relation = _relations(source, langs)
    articles: list[Article] = []
    page_authors = list(page.authors) if page and len(langs) == 1 else []
    for lang in langs:
        lang_lines = sorted({n for s in segments if s.lang == lang and s.role in _ARTICLE_ROLES for n in s.lines})
        rel, of = relation[lang]
        articles.append(
            Article(
                key=source.meta.key,
                lang=lang,
                title=titles[lang],
                blocks=blocks[lang],
                source=source.path,
                kicker=found.kicker.text if found.kicker and found.kicker.lang == lang else None,
                date=start,
                date_end=end,
                authors=source.meta.authors.get(lang) or facts.authors.get(lang) or page_authors,
                agency=facts.agency.get(lang),
                source_url=source.meta.source_url or facts.source_url,
                event=source.meta.event,
                relation=rel,
                translation_of=of,
                alignment=alignment.get(lang, {}),
                lines=tuple(lang_lines),
                script=han_script(titles[lang] + "".join(b.text for b in blocks[lang])) if lang == "zh" else None,
            )
        )
    dropped.sort(key=lambda d: d.line)
    return Result(source.path, articles, dropped, list(source.warnings))


def _check_overrides(source: Source, lines: list[Line]) -> None:
    by_no = {line.no: line for line in lines}
    for no, override in source.meta.lines.items():
        line = by_no.get(no)
        if line is None or not line.text:
            raise SourceError(
                source.path,
                no,
                f"meta.yml sets `lines: {{{no}: ...}}` but line {no} is {'blank' if line else 'past the end'}",
                "point the override at the line number of a line with text",
            )


def _strip_furniture(lines: list[Line], overrides: dict[int, dict]) -> tuple[list[Line], list[Drop]]:
    forced_keep = {no for no, o in overrides.items() if o.get("role") not in (None, "drop")}
    forced_drop = {no for no, o in overrides.items() if o.get("role") == "drop"}
    candidates = [line for line in lines if line.no not in forced_keep and line.no not in forced_drop]
    kept, dropped = furniture.strip(candidates)
    kept_nos = {line.no for line in kept} | forced_keep
    kept = [line for line in lines if line.no in kept_nos]
    dropped += [Drop(line.no, line.raw, "dropped in meta.yml") for line in lines if line.no in forced_drop]
    return kept, dropped


def _tag_languages(kept: list[Line], overrides: dict[int, dict]) -> list[Segment]:
    segments: list[Segment] = []
    gap = False
    first = True
    for line in kept:
        if not line.text:
            gap = True
            continue
        forced_lang = overrides.get(line.no, {}).get("lang")
        forced_role = overrides.get(line.no, {}).get("role")
        if first and not forced_lang:
            parts = language.split_by_language(line.text)
        else:
            parts = [(forced_lang or language.detect(line.text), line.text)]
        for lang, text in parts:
            segments.append(Segment(line.no, lang, text, blank_before=gap and not first, forced=forced_role))
        first = False
        gap = False
    resolved = language.resolve_context([s.lang for s in segments])
    for seg, lang in zip(segments, resolved):
        seg.lang = lang
    return segments


def _set_aside_other_languages(source: Source, segments: list[Segment]) -> tuple[list[Segment], list[Drop]]:
    kept, dropped = [], []
    for seg in segments:
        if seg.role == "timestamp":
            continue  # already in the dropped list
        if seg.lang in LANGUAGES:
            kept.append(seg)
        elif seg.lang == language.UNDETERMINED:
            # Nothing around it has a language either: a file of numbers and names.
            dropped.append(Drop(seg.line, seg.text, "no language could be told (no words in vi, zh or uk)"))
        else:
            dropped.append(
                Drop(
                    seg.line,
                    seg.text,
                    f"text in another language ({seg.lang}); the site has vi, zh and uk — "
                    f"if it is one of them, set `lines: {{{seg.line}: {{lang: ...}}}}` in meta.yml",
                )
            )
    return kept, dropped


def _read_metadata_lines(segments: list[Segment], facts: _Facts) -> list[Drop]:
    dropped: list[Drop] = []
    for seg in segments:
        if seg.forced:
            continue
        stamp = dates.timestamp(seg.text)
        if stamp:
            seg.role = "timestamp"
            facts.published = facts.published or stamp
            dropped.append(Drop(seg.line, seg.text, "publication timestamp (read as the article's date)"))
            continue
        credit = metadata.byline(seg.text)
        if credit:
            seg.role = "byline"
            facts.authors.setdefault(seg.lang, []).extend(credit.names)
            continue
        src = metadata.source_line(seg.text)
        if src:
            seg.role = "source"
            kind, value = src
            if kind == "url":
                facts.source_url = facts.source_url or value
            else:
                facts.source_name = facts.source_name or value
    return dropped


def _find_trailing_authors(segments: list[Segment], facts: _Facts) -> None:
    """A name standing alone as the last line of a language's text is its author."""
    for lang in LANGUAGES:
        body = [s for s in segments if s.lang == lang and s.role == "content"]
        if not body:
            continue
        last = body[-1]
        if last.forced == "author" or (not last.forced and metadata.is_author_name(last.text) and len(body) > 1):
            last.role = "author"
            facts.authors.setdefault(lang, []).append(last.text)
    for seg in segments:
        if seg.forced == "author" and seg.role != "author":
            seg.role = "author"
            facts.authors.setdefault(seg.lang, []).append(seg.text)


def _read_datelines(segments: list[Segment], facts: _Facts) -> None:
    """Strip an agency dateline (`БХГ – `) from the first paragraph of each language."""
    for lang in LANGUAGES:
        first = next((s for s in segments if s.lang == lang and s.role == "content"), None)
        if first is None or first.forced:
            continue
        found = metadata.dateline(first.text)
        if found:
            facts.agency[lang], first.text = found


def _build_blocks(
    segments: list[Segment], langs: list[str], style: str
) -> tuple[dict[str, list[Block]], dict[str, dict]]:
    body = {lang: [s for s in segments if s.lang == lang and s.role == "content"] for lang in langs}
    levels = structure.heading_levels([s for seg in body.values() for s in seg])
    candidate = {id(s): style != "html" and structure.caption_candidate(s, style) for seg in body.values() for s in seg}

    # Pair every language with the one that has the most text.
    partner: dict[int, int | None] = {id(s): None for seg in body.values() for s in seg}
    pairs_by_lang: dict[tuple[str, str], list] = {}
    if len(langs) > 1:
        main = max(langs, key=lambda lang: sum(len(s.text) for s in body[lang]))
        for other in langs:
            if other == main:
                continue
            pairs = align(
                [_unit(s, style, candidate) for s in body[main]],
                [_unit(s, style, candidate) for s in body[other]],
            )
            pairs_by_lang[(main, other)] = pairs
            for xs, ys in pairs:
                if len(xs) == 1 and len(ys) == 1:
                    a, b = body[main][xs[0]], body[other][ys[0]]
                    partner[id(a)], partner[id(b)] = id(b), id(a)
                elif xs and ys:
                    for i in xs:
                        partner[id(body[main][i])] = -1
                    for j in ys:
                        partner[id(body[other][j])] = -1
    by_id = {id(s): s for seg in body.values() for s in seg}

    blocks: dict[str, list[Block]] = {}
    for lang in langs:
        blocks[lang] = [_block(s, style, candidate, partner, by_id, levels, len(langs) > 1) for s in body[lang]]

    alignment: dict[str, dict] = {}
    for (main, other), pairs in pairs_by_lang.items():
        main_pairs = []
        other_pairs = []
        for xs, ys in pairs:
            if xs and ys:
                ours = tuple(i + 1 for i in xs)
                theirs = tuple(j + 1 for j in ys)
                main_pairs.append((ours, theirs))
                other_pairs.append((theirs, ours))
        alignment.setdefault(main, {})[other] = main_pairs
        alignment.setdefault(other, {})[main] = other_pairs
    return blocks, alignment


def _unit(seg: Segment, style: str, candidate: dict[int, bool]) -> Unit:
    skip = None
    if seg.forced == "caption" or structure.piped_caption(seg.text):
        skip = 0.1
    elif candidate[id(seg)]:
        skip = 0.5 if (style == "line" and seg.blank_before) else 1.5
    return Unit(seg.text, skip)


def _block(
    seg: Segment,
    style: str,
    candidate: dict[int, bool],
    partner: dict[int, int | None],
    by_id: dict[int, Segment],
    levels: dict[str, int],
    bilingual: bool,
) -> Block:
    lines = seg.lines
    if seg.forced in ("heading", "subheading"):
        return Block("heading", seg.text, lines, 2 if seg.forced == "heading" else 3)
    if seg.forced in ("caption", "paragraph"):
        return Block(seg.forced, structure.piped_caption(seg.text) or seg.text, lines)
    piped = structure.piped_caption(seg.text)
    if piped:
        return Block("caption", piped, lines)
    scheme = structure.numbering_scheme(seg.text)
    if scheme and structure.heading_shaped(seg.text):
        return Block("heading", seg.text, lines, levels[scheme])
    if not candidate[id(seg)]:
        return Block("paragraph", seg.text, lines)
    if not bilingual:
        return Block("caption", seg.text, lines)
    other_id = partner[id(seg)]
    if other_id is None:
        return Block("caption", seg.text, lines)  # no counterpart: where a photo was
    if other_id == -1:
        return Block("paragraph", seg.text, lines)
    other = by_id[other_id]
    photo_gap = style == "line" and seg.blank_before and other.blank_before
    if photo_gap and candidate[other_id]:
        return Block("caption", seg.text, lines)
    if structure.heading_shaped(seg.text) and structure.heading_shaped(other.text):
        return Block("heading", seg.text, lines, 2)
    return Block("paragraph", seg.text, lines)


def _titles(source: Source, found: dict[str, Segment], langs: list[str]) -> tuple[dict[str, str], list[Drop]]:
    titles: dict[str, str] = {}
    dropped: list[Drop] = []
    for lang in langs:
        override = source.meta.titles.get(lang)
        seg = found.get(lang)
        if override:
            titles[lang] = override
            if seg is not None:
                seg.role = "replaced-title"
                dropped.append(Drop(seg.line, seg.text, "title replaced by the title in meta.yml"))
        elif seg is not None:
            titles[lang] = seg.text
        elif source.page and source.page.title and language.detect(source.page.title) == lang:
            titles[lang] = source.page.title  # the page's headline, from its metadata
        else:
            first = next((line.no for line in _first_of(lang, source)), 1)
            raise SourceError(
                source.path,
                first,
                f"no {LANGUAGE_NAMES[lang]} title: the {lang} text does not open with a title line",
                f"add the title to {_meta_path(source)} as `title: {{{lang}: \"…\"}}` "
                "(copy it from the original page; never make one up)",
            )
    return titles, dropped


def _first_of(lang: str, source: Source):
    for line in split_lines(source.text):
        if line.text and language.detect(line.text) == lang:
            yield line
            return


def _meta_path(source: Source) -> str:
    return source.path.rsplit("/", 1)[0] + "/meta.yml" if "/" in source.path else "meta.yml"


def _date(source: Source, segments: list[Segment], facts: _Facts, titles: dict[str, str]):
    if source.meta.date:
        return source.meta.date, source.meta.date_end
    years = [y for title in titles.values() for y in dates.years_in(title)]
    hint = years[0] if years else None
    found = facts.published
    if found is None:
        leads: dict[str, int] = {}
        for seg in segments:
            if seg.role != "content" and seg.role not in ("paragraph",):
                continue
            if leads.get(seg.lang, 0) >= 2:
                continue
            leads[seg.lang] = leads.get(seg.lang, 0) + 1
            found = dates.find_date(seg.text, hint)
            if found:
                break
    if found is None:
        raise SourceError(
            source.path,
            None,
            "no date: neither a timestamp line nor a date in the opening paragraphs"
            + ("" if hint else " (a date without a year needs a year in the title)"),
            f"add `date: YYYY-MM-DD` to {_meta_path(source)}",
        )
    return found.start, source.meta.date_end or found.end


def _relations(source: Source, langs: list[str]) -> dict[str, tuple[str, str | None]]:
    meta = source.meta
    if len(langs) == 1:
        (lang,) = langs
        if meta.relation == "translation":
            return {lang: ("translation", meta.translation_of)}
        return {lang: (meta.relation or "original", None)}
    if meta.original in langs:
        return {
            lang: ("original", None) if lang == meta.original else ("translation", meta.original) for lang in langs
        }
    return {lang: ("parallel", None) for lang in langs}
