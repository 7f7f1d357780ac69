"""What the pipeline filled in without being sure, with the candidates it saw.

A date, a title or an author the pipeline is not sure of is never written
silently: `make new` and `make ingest` list the candidates (line, text, why)
and the exact meta.yml line that picks one. What meta.yml already says is
never in doubt.
"""

from __future__ import annotations

from .dates import FoundDate
from .facts import Facts
from .model import Candidate, Doubt, Segment, Source
from .structure import Titles, headline_like


def find(
    source: Source, langs: list[str], found: Titles, facts: Facts, titles: dict[str, str], date: FoundDate | None
) -> list[Doubt]:
    doubts = []
    if not source.meta.date:
        doubt = _date(facts, date)
        if doubt:
            doubts.append(doubt)
    for lang in langs:
        if not source.meta.titles.get(lang):
            doubt = _title(lang, found, titles.get(lang, ""))
            if doubt:
                doubts.append(doubt)
        if not source.meta.authors.get(lang) and lang in facts.trailing_author:
            name = facts.authors.get(lang, [""])[-1]
            line = facts.trailing_author[lang]
            doubts.append(
                Doubt(
                    "authors",
                    lang,
                    name,
                    "a name standing alone at the end of the text was read as its author",
                    (Candidate(line, name, "the text's last line, a name"),),
                    f"authors: {{{lang}: [{name}]}}   (or `lines: {{{line}: paragraph}}` if it is not an author)",
                )
            )
    return doubts


def _date(facts: Facts, date: FoundDate | None) -> Doubt | None:
    candidates = [Candidate(s.line, s.text, "a timestamp") for s in facts.stamps]
    candidates += [
        Candidate(line, text, "a time relative to the day the page was saved") for line, text in facts.relative
    ]
    chosen = date.start.isoformat() if date else ""
    if date is not None and not date.year_given:
        why = f"the text says {date.text!r} without a year; the year was taken from the title"
        candidates.append(Candidate(None, date.text, "a date in the opening paragraphs"))
    elif date is not None and facts.published_from == "above the headline":
        why = "the only timestamp is above the headline, where pages show their clock (when the page was saved)"
    elif date is None and facts.relative:
        why = "the only time given is relative to the day the page was saved"
    elif len({s.found.start for s in facts.stamps}) > 1 and facts.published_from != "under the headline":
        why = "the text gives several dates"
    else:
        return None
    pick = f"date: {chosen or 'YYYY-MM-DD'}"
    return Doubt("date", None, chosen, why, tuple(candidates), pick)


def _title(lang: str, found: Titles, chosen: str) -> Doubt | None:
    others: list[Segment] = [s for s in found.others.get(lang, []) if headline_like(s.text) and s.text != chosen]
    if not others or not chosen:
        return None
    title = found.titles.get(lang)
    candidates = [Candidate(title.line if title else None, chosen, "taken: the headline-like line nearest the text")]
    candidates += [Candidate(s.line, s.text, "another headline-like line at the top") for s in others]
    return Doubt(
        "title",
        lang,
        chosen,
        "several lines at the top could be the headline",
        tuple(candidates),
        f'title: {{{lang}: "…"}}   (copy the right one)',
    )
