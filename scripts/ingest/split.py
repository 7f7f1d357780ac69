"""The split stage: every kept line becomes one or more segments, each in one language.

A source may interleave Vietnamese and Chinese paragraphs, and its first line
may hold the title in two languages; that line is cut where the script
changes. A line too short to tell (a number, a name in capitals) takes the
language of its neighbours. Text in a language the site does not have is set
aside with a reason the editor can act on.
"""

from __future__ import annotations

from . import language
from .model import LANGUAGES, Drop, Line, Role, Segment
from .overrides import Overrides


def tag_languages(kept: list[Line], overrides: Overrides) -> list[Segment]:
    segments: list[Segment] = []
    gap = False
    first = True
    for line in kept:
        if not line.text:
            gap = True
            continue
        forced_lang = overrides.lang(line.no)
        if first and not forced_lang:
            parts = language.split_by_language(line.text)
        else:
            parts = [(forced_lang or language.detect(line.text), line.text)]
        for lang, text in parts:
            segments.append(
                Segment(line.no, lang, text, blank_before=gap and not first, forced=overrides.role(line.no))
            )
        first = False
        gap = False
    resolved = language.resolve_context([s.lang for s in segments])
    for seg, lang in zip(segments, resolved, strict=True):
        seg.lang = lang
    return segments


def set_aside_other_languages(segments: list[Segment]) -> tuple[list[Segment], list[Drop]]:
    """Segments in vi, zh or uk; the others dropped with why (timestamps are dropped already)."""
    kept, dropped = [], []
    for seg in segments:
        if seg.role == Role.TIMESTAMP:
            continue
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
