"""Normalizing lines: what the pipeline sees of each line of a source."""

from scripts.ingest.text import ends_sentence, normalize, split_lines


def test_non_breaking_and_ideographic_spaces_become_plain_spaces():
    assert normalize("1\u00a02\u00a0\u00a03\u3000...") == "1 2 3 ..."


def test_zero_width_characters_and_direction_marks_are_removed():
    assert normalize("Quảng\u200b Ninh\u200e") == "Quảng Ninh"


def test_decomposed_vietnamese_is_composed():
    decomposed = "Vie\u0302\u0323t Nam"  # ê + dot below as combining marks
    assert normalize(decomposed) == "Việt Nam"


def test_runs_of_spaces_and_tabs_collapse_and_ends_are_trimmed():
    assert normalize("  a \t\t b  ") == "a b"


def test_every_line_ending_ends_a_line_and_numbers_start_at_one():
    lines = split_lines("one\r\ntwo\rthree\nfour\n")
    assert [(line.no, line.text) for line in lines] == [(1, "one"), (2, "two"), (3, "three"), (4, "four")]


def test_a_byte_order_mark_is_not_text():
    assert split_lines("\ufefftitle")[0].text == "title"


def test_whitespace_only_lines_keep_their_raw_text_but_have_no_text():
    (line,) = split_lines("\u00a0 ")
    assert line.raw == "\u00a0 " and line.text == ""


def test_sentence_ends_in_each_script():
    assert ends_sentence("Kết thúc.")
    assert ends_sentence("会晤结束后,各方发表了联合新闻公报。")
    assert ends_sentence("він сказав: «Так.»")
    assert not ends_sentence("Khẳng định cơ chế hợp tác hiệu quả")
    assert not ends_sentence("góp")
