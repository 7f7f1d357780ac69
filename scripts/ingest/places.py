"""Places: which places of the gazetteer (sources/places.yml) an article mentions.

A stage after the articles are assembled: each article's title, kicker and
body are searched, in the article's own language, for the spellings the
gazetteer gives. How a name is found depends on how the language writes it:

- Vietnamese: whole words, as capitalized in the gazetteer or in capitals
  (`Cao Bằng`, `CAO BẰNG`; never `bằng tường`, "by a wall");
- Ukrainian: whole words, with a case ending (`Каобанг` finds `Каобанга`,
  `Куангнінь` finds `Куангніня`): a final vowel or soft sign of the name gives
  way to up to three letters;
- Chinese: anywhere (Chinese has no spaces), in both scripts: each spelling is
  also looked for in its Simplified and Traditional forms (OpenCC), so a
  gazetteer that forgot one script still finds it.

Text the gazetteer says to ignore (边海防 holds 海防 without naming Hải Phòng)
does not count. Which spellings were found is kept for the report, so a
spelling no article holds can be named there.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..contract import PlaceEntry
from .model import Article

_UK_SOFT_END = re.compile(r"[аяоеєіиьй]$")
_UK_LETTERS = "а-яіїєґ'’"
# OpenCC's configurations: to Traditional, and to Simplified from the Traditional of anywhere
# (the Taiwan and Hong Kong variants of a name are spellings the gazetteer can give).
_OPENCC = ("s2t", "t2s", "tw2s", "hk2s")


@dataclass(frozen=True)
class Spelling:
    """One way of writing a place's name: which place, in which language, as the gazetteer writes it."""

    place: str
    lang: str
    text: str


@dataclass
class Gazetteer:
    """The places, and per language one pattern finding every spelling at once."""

    places: dict[str, PlaceEntry]
    digest: str  # of places.yml's text: part of every source's cache fingerprint
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    # Each alternative of a pattern is a named group: group name -> the spelling it stands for.
    groups: dict[str, Spelling] = field(default_factory=dict)
    ignored: dict[str, re.Pattern] = field(default_factory=dict)

    @classmethod
    def build(cls, places: dict[str, PlaceEntry], text: str) -> Gazetteer:
        gazetteer = cls(places, hashlib.sha256(text.encode("utf-8")).hexdigest())
        alternatives: dict[str, list[tuple[str, str]]] = {}
        for place in places.values():
            for lang, spellings in place.spellings.items():
                for spelling in spellings:
                    name = f"g{len(gazetteer.groups)}"
                    gazetteer.groups[name] = Spelling(place.id, lang, spelling)
                    alternatives.setdefault(lang, []).append((name, _pattern(lang, spelling)))
        for lang, found in alternatives.items():
            # Longest first, so `Hạ Long` is not cut short by a shorter name at the same place.
            found.sort(key=lambda item: -len(item[1]))
            alternation = "|".join(f"(?P<{name}>{pattern})" for name, pattern in found)
            gazetteer.patterns[lang] = re.compile(_WORD.get(lang, "{}").format(f"(?:{alternation})"))
        for lang in {lang for place in places.values() for lang in place.ignore}:
            phrases = [_pattern(lang, p) for place in places.values() for p in place.ignore.get(lang, ())]
            alternation = "|".join(sorted(phrases, key=len, reverse=True))
            gazetteer.ignored[lang] = re.compile(_WORD.get(lang, "{}").format(f"(?:{alternation})"))
        return gazetteer

    def find(self, lang: str, text: str) -> list[Spelling]:
        """The spellings `text` holds, in the order of the gazetteer, each once."""
        pattern = self.patterns.get(lang)
        if pattern is None or not text:
            return []
        text = unicodedata.normalize("NFC", text)  # the gazetteer's spellings are NFC too (_pattern)
        ignored = self.ignored.get(lang)
        spans = [m.span() for m in ignored.finditer(text)] if ignored else []
        found: dict[str, Spelling] = {}
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start and end <= e for s, e in spans):
                continue
            spelling = self.groups[match.lastgroup]
            found.setdefault(match.lastgroup, spelling)
        order = list(self.groups)
        return [found[name] for name in sorted(found, key=order.index)]

    def spellings(self) -> list[Spelling]:
        return list(self.groups.values())


def mark(articles: list[Article], gazetteer: Gazetteer | None) -> list[Spelling]:
    """Set each article's places; return every spelling found, for the report."""
    if gazetteer is None:
        return []
    found: list[Spelling] = []
    for article in articles:
        text = "\n".join([article.title, article.kicker or "", *(block.text for block in article.blocks)])
        spellings = gazetteer.find(article.lang, text)
        ids = {s.place for s in spellings}
        article.places = tuple(place for place in gazetteer.places if place in ids)
        found += [s for s in spellings if s not in found]
    return found


# Where a name must start and end: at word boundaries, except in Chinese. The boundary is
# checked once, around all the names of a language, so most places in a text are passed over
# at the first test.
_WORD = {"vi": r"(?<!\w){}(?!\w)", "uk": r"(?<![\w'’]){}(?![\w'’])"}


def _pattern(lang: str, spelling: str) -> str:
    spelling = unicodedata.normalize("NFC", spelling)
    if lang == "zh":
        forms = sorted(chinese_forms(spelling), key=len, reverse=True)
        return "|".join(re.escape(form) for form in forms)
    if lang == "uk":
        stem = _UK_SOFT_END.sub("", spelling) if len(spelling) > 4 else spelling
        word = f"{re.escape(stem)}[{_UK_LETTERS}]{{0,3}}"
        upper = f"{re.escape(stem.upper())}[{_UK_LETTERS.upper()}]{{0,3}}"
        return f"{word}|{upper}"
    return f"{re.escape(spelling)}|{re.escape(spelling.upper())}"


@lru_cache(maxsize=1024)
def chinese_forms(text: str) -> frozenset[str]:
    """`text` in each script OpenCC writes it in: 广宁 -> {广宁, 廣寧}."""
    return frozenset({text, *(_converter(config).convert(text) for config in _OPENCC)})


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def report(fragment: dict, articles: list[Article], found: list[Spelling]) -> None:
    """Add to a source's part of the report the places of each article and the spellings found."""
    for entry, article in zip(fragment["articles"], articles, strict=True):
        entry["places"] = list(article.places)
    fragment["place_names"] = [[s.place, s.lang, s.text] for s in found]


def unused(gazetteer: Gazetteer, fragments: list[dict]) -> list[Spelling]:
    """The gazetteer's spellings that no source's articles hold (from every source's part of the report)."""
    seen = {tuple(item) for part in fragments for item in part.get("place_names", ())}
    return [s for s in gazetteer.spellings() if (s.place, s.lang, s.text) not in seen]


def notes(gazetteer: Gazetteer, missing: list[Spelling], shown: str) -> list[dict]:
    """One note per spelling never found: where it is in places.yml, and what to check."""
    return [
        {
            "source": shown,
            "line": gazetteer.places[s.place].lines.get((s.lang, s.text)),
            "message": f"{s.lang} spelling {s.text!r} of {s.place!r} is in no article",
            "fix": NOTE_FIX,
        }
        for s in missing
    ]


NOTE_FIX = "check that the papers spell it so (a place or spelling no article holds yet may stay)"


def summary(found: list[dict]) -> str:
    """The notes as the printed summary shows them: one line each, after one that says what they are."""
    if not found:
        return ""
    lines = [f"\nnote: {len(found)} spelling(s) in places.yml are in no article; {NOTE_FIX}:"]
    lines += [f"  {n['source']}:{n['line']}  {n['message'].removesuffix(' is in no article')}" for n in found]
    return "\n".join(lines)
