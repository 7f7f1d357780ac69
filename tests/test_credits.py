"""Bylines, author names, source lines and datelines become metadata."""

from scripts.ingest.credits import (
    byline,
    closing_han,
    copy_link,
    dateline,
    dateline_han,
    editors,
    fields_line,
    is_agency_name,
    is_author_name,
    source_line,
    theo,
    trailing_credit,
)


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


def test_chinese_credits_written_without_a_colon():
    assert byline("文/刘玲").names == ["刘玲"]
    assert byline("记者 唐霁 王某").names == ["唐霁", "王某"]
    assert byline("（记者唐霁）").names == ["唐霁"]
    assert byline("作者：《中国企业家》记者 林涛").names == ["林涛"]


def test_a_line_of_labelled_fields_gives_date_source_authors_and_editors_apart():
    found = fields_line("發佈時間: 2023-02-23 |來源: 廣西日報 |作者: 陳貽澤 楊秋 |責任編輯: 李鑫")
    assert (found.source, found.authors, found.editors) == ("廣西日報", ["陳貽澤", "楊秋"], ["李鑫"])
    assert found.date_text == "發佈時間: 2023-02-23"
    unlabelled = fields_line("2012年07月10日 22:13 来源：新华网 参与互动(0)")
    assert (unlabelled.date_text, unlabelled.source) == ("2012年07月10日 22:13", "新华网")
    assert fields_line("Các bên nhất trí: tăng cường hợp tác | mở rộng giao thương") is None


def test_chinese_datelines_give_the_agency_and_the_reporter():
    found = dateline_han("新华社南宁2月22日电（记者唐霁）2月22日，广西")
    assert (found.agency, found.names, found.rest) == ("新华社", ["唐霁"], "2月22日，广西")
    assert dateline_han("人民网合肥11月8日电 （记者钱伟）安徽省").names == ["钱伟"]
    assert dateline_han("（中央社記者楊啟芳台北31日電）「麟洋配」").names == ["楊啟芳"]
    assert dateline_han("〔記者方韋傑／台北報導〕緬甸").names == ["方韋傑"]
    assert dateline_han("〔即時新聞／綜合報導〕2008年").names == [], "a desk is not a person"
    assert dateline_han("越通社河内——据越南《人民报》").agency == "越通社"


def test_credits_glued_to_a_paragraphs_end_are_peeled_off():
    closing = closing_han("…並與所有支持我們的人分享。」（編輯：張銘坤）1100731")
    assert (closing.rest, closing.editors, closing.roc_date) == ("…並與所有支持我們的人分享。」", ["張銘坤"], "1100731")
    assert closing_han("达到68.4毫米。(记者张淼淼)").reporters == ["张淼淼"]
    assert closing_han("將進一步釐清死因。（王煌忠／台中報導）").reporters == ["王煌忠"]
    assert closing_han("两国关系（2018年）取得进展。") is None


def test_a_source_credit_closing_a_paragraph():
    assert trailing_credit("实现多方共赢发展,巩固传统友谊。(新华社)") == ("实现多方共赢发展,巩固传统友谊。", "新华社")
    assert trailing_credit("và củng cố tình hữu nghị. (Tân Hoa Xã)") == ("và củng cố tình hữu nghị.", "Tân Hoa Xã")
    assert trailing_credit("Hai bên ký kết biên bản (lần thứ hai) về hợp tác") is None


def test_editors_agencies_copy_links_and_theo_lines():
    assert editors("（责任编辑：刘则华）") == ["刘则华"] and editors("【编辑:马学玲】") == ["马学玲"]
    assert is_agency_name("越通社") and is_agency_name("TTXVN") and not is_agency_name("Dương Liễu")
    assert copy_link("Скопіювати Скопійовано! https://imi.org.ua/news/x-i1") == "https://imi.org.ua/news/x-i1"
    assert theo("Theo TTXVN") == "TTXVN" and theo("Theo đó, các bên thống nhất") is None
