"""Bylines, author names, source lines and datelines become metadata."""

from scripts.ingest.credits import byline, dateline, is_author_name, source_line


def test_bylines_in_each_language():
    assert byline("文:刘玲").names == ["刘玲"]
    assert byline("Bài: Lưu Linh").names == ["Lưu Linh"]
    assert byline("Новини та фотографії: ВАН НГХІ").names == ["ВАН НГХІ"]


def test_a_byline_can_credit_several_people():
    assert byline("Tin, ảnh: Minh Anh - Thu Hà").names == ["Minh Anh", "Thu Hà"]


def test_a_sentence_that_starts_like_a_byline_is_not_one():
    assert byline("Ảnh: Các đại biểu dự hội nghị tại điểm cầu Cao Bằng") is None


def test_a_name_standing_alone():
    assert is_author_name("Dương Liễu")
    assert is_author_name("ВАН НГХІ")


def test_captions_and_sentences_are_not_names():
    assert not is_author_name("Các đại biểu dự Hội nghị tại điểm cầu Cao Bằng")
    assert not is_author_name("Kết thúc.")
    assert not is_author_name("Việt")


def test_source_lines_give_a_url_or_a_name():
    assert source_line("Джерело: https://baohagiang.vn/a/b/") == ("url", "https://baohagiang.vn/a/b/")
    assert source_line("Nguồn: Báo Quảng Ninh") == ("name", "Báo Quảng Ninh")


def test_an_agency_dateline_is_split_from_the_paragraph():
    assert dateline("БХГ – Вранці 21 лютого в місті Халонг") == ("БХГ", "Вранці 21 лютого в місті Халонг")
    assert dateline("(Baohagiang.vn) - Sáng nay, tỉnh") == ("Baohagiang.vn", "Sáng nay, tỉnh")


def test_a_paragraph_opening_with_a_place_is_not_a_dateline():
    assert dateline("Hà Nội - Trung Quốc là đối tác") is None
