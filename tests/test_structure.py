"""Shapes that make a line a title, kicker, heading or caption; page-break joins."""

from scripts.ingest.model import Segment
from scripts.ingest.structure import (
    caption_candidate,
    find_titles,
    heading_levels,
    is_kicker,
    join_page_breaks,
    numbering_scheme,
    piped_caption,
    separator_style,
)


def seg(line, text, lang="vi", blank_before=False):
    return Segment(line, lang, text, blank_before=blank_before)


def test_a_document_kind_in_capitals_is_a_kicker():
    assert is_kicker("THÔNG CÁO CHUNG")
    assert not is_kicker("Thông cáo chung")
    assert not is_kicker("UBND")  # too short to be a document kind


def test_the_kicker_sits_above_the_title():
    segments = [seg(3, "THÔNG CÁO CHUNG"), seg(5, "Gặp gỡ đầu Xuân 2023"), seg(7, "Ngày 22 tháng 02 năm 2023, …" * 20)]
    found = find_titles(segments)
    assert found.kicker.line == 3 and found.titles["vi"].line == 5


def test_a_source_opening_with_its_lead_has_no_title():
    found = find_titles([seg(2, "Вранці 21 лютого в місті Халонг відбулася зустріч." * 3, "uk")])
    assert found.titles == {}


def test_each_language_takes_its_own_title():
    found = find_titles([seg(1, "Gặp gỡ đầu xuân", "vi"), seg(1, "新春会晤", "zh"), seg(2, "2月25日,…。", "zh")])
    assert set(found.titles) == {"vi", "zh"}


def test_numbered_sections_are_level_2_and_bracketed_ones_level_3():
    segments = [seg(1, "1. Về giao lưu"), seg(2, "(1) Về hợp tác kinh tế"), seg(3, "2. Về du lịch")]
    assert numbering_scheme("1. Về giao lưu") == "arabic"
    assert heading_levels(segments) == {"arabic": 2, "paren": 3}


def test_the_first_numbering_used_is_the_top_level():
    segments = [seg(1, "I. Tình hình chung"), seg(2, "1. Về giao lưu")]
    assert heading_levels(segments) == {"roman": 2, "arabic": 3}


def test_piped_lines_are_captions_without_the_pipes():
    assert (
        piped_caption("| Огляд програми весняної зустрічі 2025 року. |")
        == "Огляд програми весняної зустрічі 2025 року."
    )
    assert piped_caption("a | b") is None


def test_separator_style():
    blank = [seg(1, "a"), seg(3, "b", blank_before=True), seg(5, "c", blank_before=True)]
    line = [seg(1, "a"), seg(2, "b"), seg(4, "c", blank_before=True), seg(5, "d")]
    assert separator_style(blank) == "blank"
    assert separator_style(line) == "line"


def test_after_an_empty_line_in_line_separated_text_a_sentence_can_be_a_caption():
    assert caption_candidate(seg(7, "Quang cảnh Chương trình Gặp gỡ đầu Xuân 2025.", blank_before=True), "line")
    assert not caption_candidate(seg(7, "Quang cảnh Chương trình Gặp gỡ đầu Xuân 2025."), "line")


def test_in_blank_separated_text_only_short_unpunctuated_lines_are_candidates():
    assert caption_candidate(seg(12, "Các đại biểu dự Hội nghị tại điểm cầu Cao Bằng", blank_before=True), "blank")
    assert not caption_candidate(seg(12, "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo.", blank_before=True), "blank")
    assert not caption_candidate(seg(12, "Tham dự có các đồng chí:", blank_before=True), "blank")


def test_a_paragraph_cut_by_a_page_break_is_joined_back():
    segments = [seg(11, "nâng cao hiệu quả đời sống nhân dân hai Bên, góp"), seg(13, "phần tích cực vào việc.")]
    (joined,) = join_page_breaks(segments)
    assert joined.text == "nâng cao hiệu quả đời sống nhân dân hai Bên, góp phần tích cực vào việc."
    assert joined.lines == (11, 13)


def test_a_finished_sentence_or_a_capital_is_not_joined():
    assert len(join_page_breaks([seg(1, "Kết thúc."), seg(2, "tiếp theo")])) == 2
    assert len(join_page_breaks([seg(1, "Các bên nhất trí"), seg(2, "Quảng Ninh và Quảng Tây")])) == 2


def test_lines_in_different_languages_are_never_joined():
    assert len(join_page_breaks([seg(1, "hai bên, góp", "vi"), seg(2, "phần tích cực", "uk")])) == 2


def test_a_hyphenated_break_loses_its_hyphen():
    (joined,) = join_page_breaks([seg(1, "Сторони погодилися про співро-", "uk"), seg(2, "бітництво.", "uk")])
    assert joined.text == "Сторони погодилися про співробітництво."


def test_chinese_broken_after_a_comma_is_joined_without_a_space():
    (joined,) = join_page_breaks([seg(1, "双方就合作领域达成共识，", "zh"), seg(2, "并签署了文件。", "zh")])
    assert joined.text == "双方就合作领域达成共识，并签署了文件。"
