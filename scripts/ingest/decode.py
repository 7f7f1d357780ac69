"""Raw bytes to text: what encoding a source is in, and what cannot be read.

Editors bring what newsrooms and archives hand over: UTF-8 with or without a
byte-order mark, UTF-16 from Windows tools, and the legacy code pages of our
three languages (Windows-1258 for Vietnamese, GB18030/GBK and Big5 for
Chinese, Windows-1251 and KOI8-U for Ukrainian). The order of trust:

1. a byte-order mark says the encoding outright;
2. text that is valid UTF-8 is UTF-8 (legacy text is almost never valid UTF-8
   by chance);
3. an HTML page's own `<meta charset>`, when the bytes decode with it;
4. otherwise charset-normalizer guesses among the legacy code pages above,
   and the guess is kept only when it is confident: little "mess" in the
   decoded text, and text that reads as Vietnamese, Chinese or Ukrainian.
   A guess that is not confident is refused with a message that says how to
   re-save the file, since a wrong guess would publish gibberish.

After decoding, mojibake (UTF-8 text once read as Windows-1252 or the like,
`ChÆ°Æ¡ng` for `Chương`) is repaired line by line with ftfy, and every
repaired line is reported so an editor can check it.

Empty files, binary files (PDF, Word, images...) and files above the size
limit are refused before any of that.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .model import SourceError
from .text import HAN, LINE_BREAKS, VI_MARKED, is_cyrillic, normalize

# Size limits, checked before a file is read. A long news article is ~50 KB
# of text; a saved page with inline styles and scripts a few MB.
MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_HTML_BYTES = 10 * 1024 * 1024

# The legacy code pages detection chooses among, with the names editors see.
LEGACY = {
    "cp1258": "Windows-1258",
    "gb18030": "GB18030",
    "big5": "Big5",
    "cp1251": "Windows-1251",
    "koi8_u": "KOI8-U",
}
NAMES = {"utf_8": "UTF-8", "utf_16": "UTF-16", "utf_32": "UTF-32", **LEGACY}
# charset-normalizer's mean "mess" above which a guess is not trusted.
MAX_CHAOS = 0.1
# Fewer non-ASCII characters than this cannot show which code page it is.
MIN_EVIDENCE = 12

RESAVE = "open it in a text editor and save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)

# Files that are not text at all, by their first bytes.
_MAGIC = (
    (b"%PDF", "a PDF document", "copy the article's text out of it into source.txt"),
    (b"PK\x03\x04", "a Word (.docx), OpenDocument or ZIP file", "open it and save it as plain text (.txt, UTF-8)"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or Excel file", "open it and save it as plain text (.txt, UTF-8)"),
    (b"{\\rtf", "an RTF document", "open it and save it as plain text (.txt, UTF-8)"),
    (b"\x89PNG", "a PNG image", "save the article's text instead"),
    (b"\xff\xd8\xff", "a JPEG image", "save the article's text instead"),
    (b"GIF8", "a GIF image", "save the article's text instead"),
    (b"RIFF", "a media file", "save the article's text instead"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and save the article as source.txt or source.html"),
    (b"MIME-Version:", "a web archive (.mhtml)", 'save the page again as "Webpage, HTML only" (source.html)'),
)

# Characters that Vietnamese typed in the old TCVN3 (ABC) or VNI font
# encodings turns into when read as a code page: `Ch­¬ng tr×nh`, `Vieät Nam`.
# TCVN3 puts its most frequent letters (ư ơ đ â ê ô ă à ả ã á ạ) on bytes that
# are symbols in every Western code page: `Ch­¬ng`, `®Çu`, `Xu©n`.
_TCVN3_SIGNS = re.compile(r"[a-zA-Z][\xa8-\xae\xb5-\xbe\xd7\xf7]|[\xa8-\xae\xb5-\xbe][a-z]")
_VNI_SIGNS = re.compile(r"[aeiouyAEIOUY][\xf8\xf9\xfb\xf5\xef\xe4\xe1\xe0\xe2\xe3\xe5\xf6\xf4\xf2\xf3\xf1][a-z ]")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7]")
# C0 controls other than tab, line feed, vertical tab, form feed, carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the name an editor knows: UTF-8, Windows-1258...
    warnings: tuple[str, ...] = field(default=())


def read_bytes(path: Path, shown: str, limit: int) -> bytes:
    """The file's bytes, refusing one above `limit` before reading it."""
    size = path.stat().st_size
    if size > limit:
        raise SourceError(
            shown,
            None,
            f"the file is {_size(size)}, above the limit of {_size(limit)} for this kind of source",
            "save only the article (not a whole site or a PDF's worth of pages); "
            "split a very long document into one source per article",
        )
    return path.read_bytes()


def decode(data: bytes, shown: str, declared: str | None = None) -> Decoded:
    """Text of a source file. `declared` is an HTML page's own charset, if any."""
    if not data:
        raise SourceError(shown, None, "the file is empty (0 bytes)", "save the article's text in it")
    _refuse_binary(data, shown)
    text, encoding = _decode(data, shown, declared)
    if not normalize(text.replace("\n", " ")):
        raise SourceError(shown, None, "the file holds only blank lines", "save the article's text in it")
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) * 100 > len(text):
        raise SourceError(
            shown, None, "the file is binary, not text (it is full of control characters)", "save the article as text"
        )
    warnings = []
    if encoding not in ("UTF-8", "UTF-16", "UTF-32"):  # a code page was guessed or declared, not certain
        warnings.append(f"read as {encoding}; if any text looks wrong, {RESAVE}")
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(
            f"repaired mojibake (text garbled by a wrong encoding) on line{'s' if len(repaired) > 1 else ''} "
            f"{_ranges(repaired)}; check those lines against the original"
        )
    return Decoded(text, encoding, tuple(warnings))


def _refuse_binary(data: bytes, shown: str) -> None:
    for magic, what, fix in _MAGIC:
        if data.startswith(magic):
            raise SourceError(shown, None, f"the file is {what}, not text", fix)
    if b"\x00" in data[:4096] and not any(data.startswith(bom) for bom, _ in _BOMS):
        if _looks_like_bomless_utf16(data):
            raise SourceError(shown, None, "the file looks like UTF-16 without a byte-order mark", RESAVE)
        raise SourceError(shown, None, "the file is binary, not text", "save the article as text (source.txt, UTF-8)")


def _looks_like_bomless_utf16(data: bytes) -> bool:
    head = data[:4096]
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    return max(odd, even) * 3 > len(head) // 2 and min(odd, even) * 10 < max(odd, even)


def _decode(data: bytes, shown: str, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), NAMES[codec.replace("_sig", "")]
            except UnicodeDecodeError as err:
                raise SourceError(
                    shown,
                    line_of(data, err.start),
                    f"the file starts with a {NAMES[codec.replace('_sig', '')]} byte-order mark but is damaged after it",
                    RESAVE,
                ) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    if declared:
        codec = _codec(declared)
        if codec and codec != "utf_8":
            try:
                return data.decode(codec), NAMES.get(codec, declared)
            except UnicodeDecodeError:
                pass
    return _detect(data, shown, utf8_error)


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name.replace("-", "_")
    except LookupError:
        return None
    # Pages that declare GB2312 or GBK are written in GB18030's subsets and
    # often stray outside them; Big5 pages stray into Microsoft's CP950.
    return {"gb2312": "gb18030", "gbk": "gb18030", "euc_cn": "gb18030", "cp936": "gb18030"}.get(codec, codec)


def _detect(data: bytes, shown: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    line = line_of(data, utf8_error.start)
    evidence = sum(1 for b in data if b >= 0x80)
    if evidence >= MIN_EVIDENCE:
        # Best first; the first guess that reads as the language of its code page wins.
        for match in from_bytes(data, cp_isolation=list(LEGACY)):
            if match.encoding in LEGACY and match.chaos <= MAX_CHAOS:
                text = str(match)
                if _reads_as_our_languages(text, match.encoding):
                    return text, LEGACY[match.encoding]
    if _legacy_vietnamese(data):
        raise SourceError(
            shown,
            line,
            "the file looks like Vietnamese typed in an old font encoding (TCVN3/ABC or VNI), which cannot be read reliably",
            "convert it to Unicode with UniKey's converter (Ctrl+Shift+F6, source TCVN3 or VNI, target Unicode) "
            "and save it as UTF-8",
        )
    raise SourceError(
        shown,
        line,
        "the file is not UTF-8 and its encoding cannot be told with confidence "
        f"(the first byte that is not UTF-8 is on line {line})",
        RESAVE + '; a page from a browser: save it again as "Webpage, HTML only"',
    )


def _legacy_vietnamese(data: bytes) -> bool:
    """Many words carrying the marks TCVN3 or VNI leave when read as a code page."""
    text = data.decode("latin-1")
    words = re.findall(r"\S+", text)
    if not words:
        return False
    signs = len(_TCVN3_SIGNS.findall(text)) + len(_VNI_SIGNS.findall(text))
    return signs >= 3 and signs * 3 >= len(words)


def _reads_as_our_languages(text: str, encoding: str) -> bool:
    """Does the decoded text look like the language its code page is for?"""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not non_ascii:
        return False
    if encoding == "cp1258":
        composed = unicodedata.normalize("NFC", text)
        words = re.findall(r"[^\W\d_]+", composed)
        accented = [w for w in words if not w.isascii()]
        vi = [w for w in accented if VI_MARKED.search(w) or all(_vi_letter(ch) for ch in w)]
        stray = sum(1 for ch in composed if unicodedata.combining(ch))
        return bool(accented) and len(vi) * 10 >= len(accented) * 9 and stray * 50 <= len(accented)
    if encoding in ("gb18030", "big5"):
        han = sum(1 for ch in non_ascii if HAN.match(ch) or _CJK_PUNCT.match(ch))
        return han * 10 >= len(non_ascii) * 9
    cyrillic = [ch for ch in non_ascii if is_cyrillic(ch)]
    # KOI8 read as Windows-1251 (and back) swaps the case of most letters.
    lower = sum(1 for ch in cyrillic if ch.islower())
    return len(cyrillic) * 10 >= len(non_ascii) * 8 and lower * 2 >= len(cyrillic)


def _vi_letter(ch: str) -> bool:
    # Latin letters with the tone marks Vietnamese shares with other languages (à, é, ì, ò, ú, ý, ã...).
    return ch.isascii() or ch in "àáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝĩũĨŨ" or bool(VI_MARKED.match(ch))


# What UTF-8 read in the wrong code page leaves behind: a lead byte's character
# followed by a continuation byte's, as cp1252/latin-1 show them ("áº·" for
# "ặ") or cp1251 ("Р’Рµ" for "Ве"); C1 controls; replacement characters. A
# line with none of these has no mojibake ftfy could fix, so it is not handed
# to ftfy, whose checks cost far more than this search. Ukrainian's own letters
# and the punctuation that follows a letter in real text are left out of the
# cp1251 signs; a line of real mojibake holds plenty of the others.
def _images(encoding: str, first: int, last: int, leave_out: str = "") -> str:
    chars = bytes(range(first, last + 1)).decode(encoding, errors="ignore")
    return "".join(sorted(set(chars) - set(leave_out)))


_MAYBE_MOJIBAKE = re.compile(
    f"[{re.escape(_images('cp1252', 0xC2, 0xF4))}][{re.escape(_images('cp1252', 0x80, 0xBF))}\u0080-\u00bf]"
    f"|[{re.escape(_images('cp1251', 0xC2, 0xF4))}]"
    f"[{re.escape(_images('cp1251', 0x80, 0xBF, leave_out='іїєґёІЇЄҐЁ’»“”…«'))}]"
    "|[\u0080-\u009f\ufffd]"
)


def repair_mojibake(text: str) -> tuple[str, list[int]]:
    """Text with mojibake repaired line by line, and the numbers of the lines repaired.

    Only encoding fixes are made: quotes, widths, entities and the like stay
    as the source wrote them. Line breaks are never added or removed, so line
    numbers still point at the source file.
    """
    import ftfy

    if text.isascii():
        return text, []
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    parts = LINE_BREAKS.split(text)
    breaks = LINE_BREAKS.findall(text)
    repaired = []
    for index, part in enumerate(parts):
        if part.isascii() or not _MAYBE_MOJIBAKE.search(part):
            continue
        fixed = ftfy.fix_text(part, config)
        if fixed != part and not LINE_BREAKS.search(fixed):
            parts[index] = fixed
            repaired.append(index + 1)
    if not repaired:
        return text, []
    out = [parts[0]]
    for brk, part in zip(breaks, parts[1:], strict=True):
        out += [brk, part]
    return "".join(out), repaired


_BYTE_LINE_BREAKS = re.compile(rb"\r\n|\r|\n")


def line_of(data: bytes, offset: int) -> int:
    """The line (from 1) that byte `offset` is on, counted as text.LINE_BREAKS counts."""
    return len(_BYTE_LINE_BREAKS.findall(data, 0, offset)) + 1


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _ranges(numbers: list[int]) -> str:
    out = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
