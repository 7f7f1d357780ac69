"""The split stage: every kept line becomes one or more segments, each in one language.

A source may interleave Vietnamese and Chinese paragraphs, and its first line
may hold the title in two languages; that line is cut where the script
changes. A line too short to tell (a number, a name in capitals) takes the
language of its neighbours. Text in a language the site does not have is set
aside with a reason the editor can act on.
"""

from __future__ import annotations

import re

from . import language, structure
from .model import LANGUAGES, Drop, Line, Role, Segment
from .overrides import Overrides
from .text import count_han

# An image's alt text left in copied text: `… hinh anh 1双方领导签署…` (an image placeholder, no words).
IMAGE_PLACEHOLDER = re.compile(
    r"\s*(?<![^\W\d_])(?:hình ảnh|hinh anh|ảnh|anh|image|photo|picture|фото)\s*\d{1,3}(?!\d)\s*", re.IGNORECASE
)
# How much of each language a line must hold before it is cut in two (a paragraph quoting a
# Chinese name, or a Chinese paragraph naming a Vietnamese place, stays whole).
MIN_HAN_PART = 6
MIN_WORDS_PART = 4


def tag_languages(kept: list[Line], overrides: Overrides) -> tuple[list[Segment], list[Drop]]:
    """Segments in one language each, and the image placeholders cut out of lines."""
    segments: list[Segment] = []
    dropped: list[Drop] = []
    gap = False
    first = True
    for line in kept:
        if not line.text:
            gap = True
            continue
        forced_lang = overrides.lang(line.no)
        pieces, placeholders = _cut_placeholders(line.text) if not forced_lang else ([line.text], [])
        dropped += [Drop(line.no, p, "an image placeholder (the alt text of a photo, not words)") for p in placeholders]
        for n, piece in enumerate(pieces):
            parts = [(forced_lang, piece)] if forced_lang else _split(piece, first)
            for lang, text in parts:
                seg = Segment(line.no, lang, text, blank_before=gap and not first, forced=overrides.role(line.no))
                seg.hint = overrides.hint(line.no)
                if n > 0 or structure.photo_credited(text):
                    seg.hint = Role.CAPTION  # after an image, or crediting a photo
                segments.append(seg)
        first = False
        gap = False
    resolved = language.resolve_context([s.lang for s in segments])
    for seg, lang in zip(segments, resolved, strict=True):
        seg.lang = lang
    _quotations(segments)
    return segments, dropped


def _quotations(segments: list[Segment]) -> None:
    """A line in another language between two lines of one of ours is a quotation in that
    text (`I am Wang Chi Lin，I am from Taiwan。` in a Chinese report): it belongs to it."""
    for i in range(1, len(segments) - 1):
        seg = segments[i]
        before, after = segments[i - 1].lang, segments[i + 1].lang
        if seg.lang not in LANGUAGES and seg.lang != language.UNDETERMINED and before == after in LANGUAGES:
            seg.lang = before


def _cut_placeholders(text: str) -> tuple[list[str], list[str]]:
    """A line in Chinese (or Ukrainian) with an image placeholder inside: the text around it."""
    found = list(IMAGE_PLACEHOLDER.finditer(text))
    if not found or not count_han(text):
        return [text], []
    pieces, placeholders, start = [], [], 0
    for match in found:
        pieces.append(text[start : match.start()].strip())
        placeholders.append(match.group(0).strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p], placeholders


def _split(text: str, first: bool) -> list[tuple[str, str]]:
    """A line holding two languages, cut where the script changes. The source's first line
    (a bilingual title) is cut whenever it holds two; any other line only when each part is
    substantial."""
    parts = language.split_by_language(text)
    if first or len(parts) == 1:
        return parts
    ours = all(lang in LANGUAGES for lang, _ in parts)  # a quotation in English stays in its line
    if ours and all(count_han(t) >= MIN_HAN_PART or len(t.split()) >= MIN_WORDS_PART for _, t in parts):
        return parts
    return [(language.detect(text), text)]


def set_aside_other_languages(segments: list[Segment]) -> tuple[list[Segment], list[Drop]]:
    """Segments in vi, zh or uk; the others dropped with why. Timestamp lines stay (they are
    dropped already, and the head's structure reads them) whatever their language."""
    kept, dropped = [], []
    for seg in segments:
        if seg.lang in LANGUAGES or seg.role == Role.TIMESTAMP:
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
