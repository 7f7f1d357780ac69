"""The body of each language's article: paragraphs, headings and captions, and their pairing.

In a bilingual source the two languages are aligned first (align.py), and the
pairing settles what shape alone cannot: a short line with a counterpart in
the other language is a heading or a paragraph, one without is a caption
where a photo was. The alignment is kept, numbered by block, for the front
matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import structure
from .align import Pair, Unit, align
from .model import Block, Role, Segment

# A segment's counterpart in the other language, by id(): a segment, none (None),
# or MERGED when it is one of two segments answering one.
MERGED = -1


@dataclass
class _Pairing:
    partner: dict[int, int | None] = field(default_factory=dict)
    by_id: dict[int, Segment] = field(default_factory=dict)
    pairs: dict[tuple[str, str], list[Pair]] = field(default_factory=dict)


def build(segments: list[Segment], langs: list[str], style: str) -> tuple[dict[str, list[Block]], dict[str, dict]]:
    """Each language's blocks, and for a bilingual source which blocks answer which."""
    body = {lang: [s for s in segments if s.lang == lang and s.role == Role.CONTENT] for lang in langs}
    every = [s for seg in body.values() for s in seg]
    levels = structure.heading_levels(every)
    candidate = {id(s): style != "html" and structure.caption_candidate(s, style) for s in every}
    pairing = _pair(body, langs, style, candidate)
    bilingual = len(langs) > 1
    blocks = {lang: [_block(s, style, candidate, pairing, levels, bilingual) for s in body[lang]] for lang in langs}
    return blocks, _alignment(pairing)


def _pair(body: dict[str, list[Segment]], langs: list[str], style: str, candidate: dict[int, bool]) -> _Pairing:
    """Pair every language with the one that has the most text."""
    pairing = _Pairing(
        partner={id(s): None for seg in body.values() for s in seg},
        by_id={id(s): s for seg in body.values() for s in seg},
    )
    if len(langs) < 2:
        return pairing
    main = max(langs, key=lambda lang: sum(len(s.text) for s in body[lang]))
    for other in langs:
        if other == main:
            continue
        pairs = align(
            [_unit(s, style, candidate) for s in body[main]],
            [_unit(s, style, candidate) for s in body[other]],
        )
        pairing.pairs[(main, other)] = pairs
        for xs, ys in pairs:
            if len(xs) == 1 and len(ys) == 1:
                a, b = body[main][xs[0]], body[other][ys[0]]
                pairing.partner[id(a)], pairing.partner[id(b)] = id(b), id(a)
            elif xs and ys:
                for s in [body[main][i] for i in xs] + [body[other][j] for j in ys]:
                    pairing.partner[id(s)] = MERGED
    return pairing


def _alignment(pairing: _Pairing) -> dict[str, dict]:
    alignment: dict[str, dict] = {}
    for (main, other), pairs in pairing.pairs.items():
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
    return alignment


def _unit(seg: Segment, style: str, candidate: dict[int, bool]) -> Unit:
    if seg.forced == Role.CAPTION or seg.hint == Role.CAPTION or structure.piped_caption(seg.text):
        return Unit(seg.text, 0.1, caption=True)
    heading = seg.hint in (Role.HEADING, Role.SUBHEADING) or structure.heading_shaped(seg.text)
    if candidate[id(seg)]:
        return Unit(seg.text, 0.5 if (style == "line" and seg.blank_before) else 1.5, heading=heading)
    return Unit(seg.text, heading=heading)


def _block(
    seg: Segment,
    style: str,
    candidate: dict[int, bool],
    pairing: _Pairing,
    levels: dict[str, int],
    bilingual: bool,
) -> Block:
    lines = seg.lines
    if seg.forced in (Role.HEADING, Role.SUBHEADING):
        return Block(Role.HEADING, seg.text, lines, 2 if seg.forced == Role.HEADING else 3)
    if seg.forced in (Role.CAPTION, Role.PARAGRAPH):
        return Block(seg.forced, structure.piped_caption(seg.text) or seg.text, lines)
    piped = structure.piped_caption(seg.text)
    if piped:
        return Block(Role.CAPTION, piped, lines)
    if seg.hint in (Role.HEADING, Role.SUBHEADING):
        return Block(Role.HEADING, seg.text, lines, 2 if seg.hint == Role.HEADING else 3)
    if seg.hint == Role.CAPTION:
        return Block(Role.CAPTION, seg.text, lines)
    scheme = structure.numbering_scheme(seg.text)
    if scheme and structure.heading_shaped(seg.text):
        return Block(Role.HEADING, seg.text, lines, levels[scheme])
    if not candidate[id(seg)]:
        return Block(Role.PARAGRAPH, seg.text, lines)
    if not bilingual:
        kind = _alone(seg, style)
        return Block(kind, seg.text, lines, 2 if kind == Role.HEADING else 0)
    kind = _by_counterpart(seg, style, candidate, pairing)
    return Block(kind, seg.text, lines, 2 if kind == Role.HEADING else 0)


def _alone(seg: Segment, style: str) -> Role:
    """A short line with no counterpart. Where line breaks separate paragraphs, a photo's
    caption follows the empty line the photo left; a short line without one is text (often
    the last line of a copy cut short). In Chinese, a caption closes with a stop (`。`) or
    credits its photo; a short phrase without either is a subheading."""
    if style == "line" and not seg.blank_before:
        return Role.PARAGRAPH
    if seg.lang == "zh" and not structure.ends_sentence(seg.text):
        return Role.HEADING
    return Role.CAPTION


def _by_counterpart(seg: Segment, style: str, candidate: dict[int, bool], pairing: _Pairing) -> Role:
    """A caption candidate in a bilingual source: what its counterpart (or the lack of one) makes it."""
    other_id = pairing.partner[id(seg)]
    if other_id is None:
        return _alone(seg, style)  # no counterpart: where a photo was, a line cut short, a heading
    if other_id == MERGED:
        return Role.PARAGRAPH
    other = pairing.by_id[other_id]
    photo_gap = style == "line" and seg.blank_before and other.blank_before
    if photo_gap and candidate[other_id]:
        return Role.CAPTION
    if structure.heading_shaped(seg.text) and structure.heading_shaped(other.text):
        return Role.HEADING
    return Role.PARAGRAPH
