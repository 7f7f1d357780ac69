"""Reading raw bytes: every encoding an editor may bring, and clear refusals.

The encoded files are made here from the seeds' real text, so each test
reads exactly what a newsroom's Windows tools would have saved.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import cache

import pytest

from scripts.ingest import decode
from scripts.ingest.model import SourceError
from scripts.ingest.text import normalize

from .helpers import SOURCES

SHOWN = "sources/x/source.txt"


@cache
def seed(folder: str) -> str:
    return (SOURCES / folder / "source.txt").read_text(encoding="utf-8")


def vietnamese() -> str:
    return seed("2021-04-09-spring-meeting")


def chinese() -> str:
    """The Chinese lines of the bilingual 2022 seed."""
    return "\n".join(
        line for line in seed("2022-02-25-spring-meeting").splitlines() if line[:1] and "\u4e00" <= line[:1] <= "\u9fff"
    )


def ukrainian() -> str:
    return seed("2025-02-21-spring-meeting-ha-giang")


TRADITIONAL = (
    "廣西與越南邊境四省黨委書記新春會晤舉行\n"
    "二月二十五日，廣西與越南高平、廣寧、河江、諒山等四省黨委書記新春會晤活動以視頻連線方式舉行。\n"
    "雙方表示，新的一年將繼續加強高層友好交往，深化經貿、人文、疫情防控、邊境管控等領域互利共贏合作。\n"
)


def cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letters, and tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def koi8_safe(text: str) -> str:
    """The seed's text with the few characters KOI8-U has no byte for written as it would."""
    return text.replace("–", "-").replace("’", "'").replace("«", '"').replace("»", '"')


def same_text(a: str, b: str) -> bool:
    return [normalize(x) for x in a.splitlines()] == [normalize(x) for x in b.splitlines()]


@pytest.mark.parametrize(
    "text, data, encoding",
    [
        (vietnamese, lambda t: t.encode("utf-8"), "UTF-8"),
        (vietnamese, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "UTF-8"),
        (vietnamese, lambda t: t.encode("utf-16"), "UTF-16"),
        (chinese, lambda t: t.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]), "UTF-16"),
        (vietnamese, cp1258, "Windows-1258"),
        (chinese, lambda t: t.encode("gb18030"), "GB18030"),
        (chinese, lambda t: t.encode("gbk"), "GB18030"),
        (lambda: TRADITIONAL, lambda t: t.encode("big5"), "Big5"),
        (ukrainian, lambda t: t.encode("cp1251"), "Windows-1251"),
        (ukrainian, lambda t: koi8_safe(t).encode("koi8_u"), "KOI8-U"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1258", "gb18030", "gbk", "big5", "cp1251", "koi8-u"],
)
def test_each_encoding_an_editor_may_bring_is_read_as_the_text_it_holds(text, data, encoding):
    original = text()
    decoded = decode.decode(data(original), SHOWN)
    expected = koi8_safe(original) if encoding == "KOI8-U" else original
    assert decoded.encoding == encoding
    assert same_text(decoded.text, expected)


def test_a_guessed_encoding_is_reported_so_the_editor_can_check_it():
    decoded = decode.decode(ukrainian().encode("cp1251"), SHOWN)
    assert decoded.warnings == ("read as Windows-1251; if any text looks wrong, " + decode.RESAVE,)
    assert decode.decode(ukrainian().encode("utf-8"), SHOWN).warnings == ()
    assert decode.decode(ukrainian().encode("utf-16"), SHOWN).warnings == (), "a byte-order mark is certain"


def test_text_whose_encoding_cannot_be_told_is_refused_with_how_to_resave_it():
    # A few accented bytes in English: no code page of ours reads it with confidence.
    data = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, na\u00efve fa\u00e7ade.\n".encode("latin-1")
    with pytest.raises(SourceError) as caught:
        decode.decode(data, SHOWN)
    err = caught.value
    assert err.path == SHOWN and err.line == 1
    assert "encoding cannot be told with confidence" in err.message
    assert "save it as UTF-8" in err.fix


def tcvn3(text: str) -> bytes:
    """Vietnamese in the old TCVN3 (ABC) font encoding, for the letters of the sample below."""
    table = {"ư": 0xAD, "ơ": 0xAC, "đ": 0xAE, "â": 0xA9, "ă": 0xA8, "ê": 0xAA, "ô": 0xAB, "ì": 0xD7, "ặ": 0xC6,
             "ỡ": 0xEC, "ầ": 0xC7, "ố": 0xE8, "ả": 0xB6, "ị": 0xDE, "ế": 0xD5, "ợ": 0xEE, "á": 0xB8, "ạ": 0xB9,
             "ộ": 0xE9, "ủ": 0xF1, "ỉ": 0xD8, "ụ": 0xF4, "í": 0xDD, "ớ": 0xED, "ữ": 0xF7}  # fmt: skip
    return bytes(table[ch] if ch in table else ord(ch) for ch in text)


def test_vietnamese_in_an_old_font_encoding_is_refused_with_how_to_convert_it():
    text = "Chương trình Gặp gỡ đầu Xuân năm 2021 giữa Bí thư Tỉnh ủy bốn tỉnh biên giới.\n" * 3
    with pytest.raises(SourceError) as caught:
        decode.decode(tcvn3(text), SHOWN)
    assert "TCVN3" in caught.value.message and "UniKey" in caught.value.fix


@pytest.mark.parametrize(
    "broken_with",
    # How browsers and editors misread UTF-8: Windows-1252 with its five
    # undefined bytes passed through, Latin-1, and Windows-1251.
    ["sloppy-windows-1252", "latin-1", "sloppy-windows-1251"],
)
def test_mojibake_is_repaired_and_each_repaired_line_reported(broken_with):
    import ftfy.bad_codecs  # noqa: F401 - registers the sloppy codecs

    lines = [line for line in vietnamese().splitlines() if line][:4]
    garbled = lines[:2] + [lines[2].encode("utf-8").decode(broken_with)] + lines[3:]
    assert garbled[2] != lines[2]
    decoded = decode.decode("\n".join(garbled).encode("utf-8"), SHOWN)
    assert decoded.text.splitlines() == lines
    (warning,) = decoded.warnings
    assert "repaired mojibake" in warning and "line 3;" in warning


def test_the_seeds_have_no_mojibake_to_repair():
    for folder in SOURCES.iterdir():
        if (folder / "source.txt").is_file():
            text = (folder / "source.txt").read_text(encoding="utf-8")
            assert decode.repair_mojibake(text) == (text, [])


def test_repairing_mojibake_keeps_every_line_break_where_it_was():
    text = "a\r\nChÆ°Æ¡ng trÃ¬nh\rb\n\nc"
    fixed, lines = decode.repair_mojibake(text)
    assert fixed == "a\r\nChương trình\rb\n\nc" and lines == [2]


@pytest.mark.parametrize(
    "data, what",
    [
        (b"", "empty"),
        (b"\n\r\n  \t\n", "only blank lines"),
        (codecs.BOM_UTF8 + b"\n\n", "only blank lines"),
        ("\u00a0\u200b\u3000\n".encode("utf-8"), "only blank lines"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a Word (.docx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "an old Word (.doc)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "a web archive (.mhtml)"),
        (bytes(range(256)) * 4, "binary"),
        ("Tiêu đề bài viết\n".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (b"\x01\x02\x03Ti\x04\x05u \x06\x07\x08 \x0e\x0f" * 10, "binary"),
    ],
    ids=[
        "empty",
        "blank",
        "bom-blank",
        "invisible",
        "pdf",
        "docx",
        "doc",
        "png",
        "jpeg",
        "mhtml",
        "bytes",
        "utf16-nobom",
        "controls",
    ],
)
def test_what_is_not_text_is_refused_with_a_message_naming_the_file(data, what):
    with pytest.raises(SourceError) as caught:
        decode.decode(data, SHOWN)
    assert caught.value.path == SHOWN
    assert what in caught.value.message
    assert caught.value.fix


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "source.txt"
    with big.open("wb") as handle:
        handle.truncate(decode.MAX_TEXT_BYTES + 1)
    with pytest.raises(SourceError) as caught:
        decode.read_bytes(big, SHOWN, decode.MAX_TEXT_BYTES)
    assert "above the limit of 2.0 MB" in caught.value.message
    assert len(decode.read_bytes(big, SHOWN, decode.MAX_HTML_BYTES)) == decode.MAX_TEXT_BYTES + 1


def test_damaged_utf16_after_its_byte_order_mark_is_refused():
    with pytest.raises(SourceError, match="damaged"):
        decode.decode(codecs.BOM_UTF16_LE + "Tiêu đề".encode("utf-16-le") + b"\x00\xd8", SHOWN)
