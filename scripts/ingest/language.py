"""Which language a piece of text is in.

The script decides most cases outright: Han is Chinese, Vietnamese writes
Latin letters with diacritics no other language uses, Ukrainian writes
Cyrillic with і, ї, є and ґ. Only text those signs do not settle (Latin
without Vietnamese marks, Cyrillic without distinctive letters) goes to a
statistical identifier, py3langid, which is loaded on first use.

Anything that is not vi, zh or uk comes back under its own code (ru, en, ...)
so the caller can report it instead of filing it under the wrong language.
"""

from __future__ import annotations

import functools
import re

from .text import VI_MARKED, count_han, is_cyrillic, is_han, is_latin

UNDETERMINED = "und"

_UK_LETTERS = set("іїєґІЇЄҐ")
_RU_LETTERS = set("ыэъёЫЭЪЁ")
# Hiragana and katakana, but not the katakana middle dot (U+30FB) or the prolonged sound mark
# (U+30FC): Chinese writes transliterated names with the dot (图帕克・卡塔里).
_KANA = re.compile(r"[\u3040-\u30fa\u30fd-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
# Ukrainian writes an apostrophe inside words (В'єтнам, м'ясо); Russian does not.
_UK_APOSTROPHE = re.compile(r"(?<=[а-щьюяіїєґА-ЩЬЮЯІЇЄҐ])['ʼ’](?=[а-щьюяіїєґА-ЩЬЮЯІЇЄҐ])")
# Web and mail addresses are Latin whatever the language around them.
_ADDRESSES = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+")
# Words written wholly in one script (a word mixing scripts counts for neither).
_LATIN_TOKEN = re.compile(r"(?<![^\W\d_])[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+(?![^\W\d_])")
_CYRILLIC_TOKEN = re.compile(r"(?<![^\W\d_])[\u0400-\u052f]+(?![^\W\d_])")

# A Han character carries about half a Latin word's worth of text, so a
# Vietnamese paragraph quoting a Chinese name stays Vietnamese.
_HAN_WEIGHT = 0.5
_SAMPLE = 300


# A word holding one of the letters only Vietnamese uses.
_VI_MARKED_WORD = re.compile(f"[^\\W\\d_]*{VI_MARKED.pattern}[^\\W\\d_]*")


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _classify(text: str, among: list[str]) -> str:
    ident = _identifier()
    ident.set_languages(among)
    lang, _ = ident.classify(text)
    return lang


def detect(text: str) -> str:
    """The language of `text`: vi, zh, uk, another ISO code, or "und".

    "und" means the text has too few letters to tell (a number, a name in
    capitals, "COVID-19"); the caller decides from the surrounding lines.
    """
    if len(text) > _SAMPLE * 2:
        # A paragraph's language shows in its opening and closing words; reading
        # all of a 3,000-character paragraph tells nothing more.
        text = text[:_SAMPLE] + " " + text[-_SAMPLE:]
    if "://" in text or "www." in text or "@" in text:
        text = _ADDRESSES.sub(" ", text)
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    han = count_han(text)
    latin = len(_LATIN_TOKEN.findall(text))
    cyrillic = len(_CYRILLIC_TOKEN.findall(text))
    scores = {"zh": han * _HAN_WEIGHT, "latin": latin, "cyrillic": cyrillic}
    script = max(scores, key=lambda k: scores[k])
    if scores[script] == 0:
        return UNDETERMINED
    if script == "zh":
        return "zh"
    if script == "latin":
        return _latin_language(latin, text)
    return _cyrillic_language(cyrillic, text)


def _latin_language(tokens: int, text: str) -> str:
    marked = len(_VI_MARKED_WORD.findall(text))
    if marked and marked >= 0.15 * tokens:
        return "vi"
    if tokens < 4:
        return UNDETERMINED  # "COVID-19", "OCOP", a bare name: too little to tell
    # Vietnamese typed without diacritics, or another language altogether.
    return _classify(text, ["vi", "en", "fr", "de", "es", "pt", "it", "id", "ms", "tl", "nl"])


def _cyrillic_language(tokens: int, text: str) -> str:
    uk = sum(1 for ch in text if ch in _UK_LETTERS) + len(_UK_APOSTROPHE.findall(text))
    ru = sum(1 for ch in text if ch in _RU_LETTERS)
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    if tokens < 4:
        return UNDETERMINED
    return _classify(text, ["uk", "ru", "be", "bg", "sr", "mk"])


def resolve_context(langs: list[str]) -> list[str]:
    """Give undetermined items the language of the nearest item before them,
    or after them when nothing precedes."""
    resolved = list(langs)
    last = None
    for i, lang in enumerate(resolved):
        if lang == UNDETERMINED:
            if last is not None:
                resolved[i] = last
        else:
            last = lang
    following = None
    for i in range(len(resolved) - 1, -1, -1):
        if resolved[i] == UNDETERMINED:
            if following is not None:
                resolved[i] = following
        else:
            following = resolved[i]
    return resolved


def split_by_language(text: str) -> list[tuple[str, str]]:
    """Cut a line holding two languages where the language changes.

    Works on whitespace-separated tokens, so a Chinese title that opens with
    its year (`2022年…`) keeps it. Returns one (lang, text) pair when the line
    is in one language.
    """
    tokens = text.split(" ")
    tags = [_token_script(t) for t in tokens]
    # A token with no letters (a year, a dash) belongs with its neighbours. At
    # a boundary it stays with the text before it, unless it is a number that
    # the next token finishes in Chinese (`2022 年…`). The nearest tag on each
    # side is found in one pass each way, so a long line costs linear time.
    before = _nearest(tags)
    after = _nearest(tags[::-1])[::-1]
    for i, tag in enumerate(tags):
        if tag is None:
            nxt, prev = after[i], before[i]
            glued = i + 1 < len(tokens) and tokens[i][-1:].isdigit() and tokens[i + 1][:1] in _NUMBER_SUFFIXES
            tags[i] = nxt if prev is None or (glued and nxt == "han") else prev
    runs: list[tuple[str | None, list[str]]] = []
    for token, tag in zip(tokens, tags, strict=True):
        if runs and runs[-1][0] == tag:
            runs[-1][1].append(token)
        else:
            runs.append((tag, [token]))
    if len(runs) != 2 or None in (runs[0][0], runs[1][0]):
        return [(detect(text), text)]
    parts = [" ".join(run) for _, run in runs]
    langs = [detect(p) for p in parts]
    if langs[0] == langs[1] or UNDETERMINED in langs:
        return [(detect(text), text)]
    return list(zip(langs, parts, strict=True))


_NUMBER_SUFFIXES = set("年月日号届次个项周")


def _nearest(tags: list[str | None]) -> list[str | None]:
    """For each position, the last tag before it that is not None (None when there is none)."""
    out: list[str | None] = []
    last = None
    for tag in tags:
        out.append(last)
        if tag is not None:
            last = tag
    return out


def _token_script(token: str) -> str | None:
    han = sum(1 for ch in token if is_han(ch))
    latin = sum(1 for ch in token if is_latin(ch))
    cyr = sum(1 for ch in token if is_cyrillic(ch))
    if not (han or latin or cyr):
        return None
    if han >= max(latin, cyr):
        return "han"
    return "latin" if latin >= cyr else "cyrillic"
