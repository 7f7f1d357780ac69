"""Text normalization shared by every stage: whitespace, scripts, punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .model import Line

# Spaces that scraped pages use for layout: NBSP, figure/narrow spaces,
# the ideographic space, and the like; and the Unicode line and paragraph
# separators, which do not end a line (see LINE_BREAKS). All become a plain space.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029]")
# Characters with no width that only get in the way of matching.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r" {2,}")
_OTHER_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# What ends a line, as editors count lines (and as they show line numbers): LF, CRLF, CR.
# A form feed, vertical tab, NEL (U+0085) or U+2028/U+2029 stays inside its line and
# reads as a space (normalize), so a line number in a message is the one the editor shows.
LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def normalize(raw: str) -> str:
    """The text of a line as the pipeline sees it: NFC, single spaces, trimmed."""
    text = unicodedata.normalize("NFC", raw)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    if _OTHER_CONTROLS.search(text):
        text = "".join(_control_replacement(ch) for ch in text)
    return _RUNS.sub(" ", text).strip()


def _control_replacement(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cc":
        return " "
    if category == "Cf":
        return ""  # direction marks and the like: invisible, and no content
    return ch


def split_lines(text: str) -> list[Line]:
    """Number the lines of a decoded source (CRLF, CR and LF all end a line)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    raws = LINE_BREAKS.split(text)
    if raws and raws[-1] == "":
        raws.pop()  # the file's final newline ends the last line, it does not start one
    return [Line(no, raw, normalize(raw)) for no, raw in enumerate(raws, start=1)]


# Letters only Vietnamese uses among Latin-script languages: ă, â, đ, ê, ô, ơ,
# ư and the stacked tone marks of Latin Extended Additional (ạ ả ấ ầ ... ỹ).
VI_LETTERS = "ăâđêôơưĂÂĐÊÔƠƯ"
VI_MARKED = re.compile(f"[{VI_LETTERS}\u1ea0-\u1ef9]")

# The same ranges as is_han, for counting in C rather than char by char.
HAN = re.compile("[\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")


def count_han(text: str) -> int:
    return len(HAN.findall(text))


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2EBEF
        or 0xF900 <= o <= 0xFAFF
        or 0x3005 <= o <= 0x3007
    )


def is_cyrillic(ch: str) -> bool:
    return 0x0400 <= ord(ch) <= 0x052F


def is_latin(ch: str) -> bool:
    o = ord(ch)
    return (
        (0x41 <= o <= 0x5A)
        or (0x61 <= o <= 0x7A)
        or (0xC0 <= o <= 0x24F and o not in (0xD7, 0xF7))
        or (0x1E00 <= o <= 0x1EFF)
    )


# Punctuation that closes a sentence, in the scripts we handle.
SENTENCE_END = ".!?…。！？"
# Closing quotes and brackets that may follow the sentence end.
_CLOSERS = "\"'”’»」』）)]"


def ends_sentence(text: str) -> bool:
    """True when the text ends like a finished sentence (`.`, `。`, `?`, `.”`...)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def words(text: str) -> list[str]:
    return [w for w in text.split(" ") if w]


def starts_lowercase(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if not ch.isspace():
            return False
    return False


def han_script(text: str) -> str | None:
    """ "zh-Hant" when Chinese text is written in Traditional characters, else None.

    Most characters are shared by both systems; only those that exist in one
    of them count, so a Simplified text quoting one Traditional name stays
    Simplified.
    """
    from hanzidentifier import helpers

    shared = helpers.SHARED_CHARACTERS
    traditional = simplified = 0
    for ch, count in Counter(HAN.findall(text)).items():
        if ch in shared:
            continue
        if ch in helpers.TRADITIONAL_CHARACTERS:
            traditional += count
        elif ch in helpers.SIMPLIFIED_CHARACTERS:
            simplified += count
    return "zh-Hant" if traditional > simplified else None
