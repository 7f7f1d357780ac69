"""The cleaning stages together, on small made-up sources."""

from datetime import date

import pytest

from scripts.ingest.model import Incomplete, Source, SourceError, SourceMeta
from scripts.ingest.pipeline import examine

from .helpers import DAY, article, ingest_text

LEAD_VI = "Sáng 09/4/2021, Tỉnh ủy Cao Bằng chủ trì tổ chức Chương trình Gặp gỡ đầu Xuân theo hình thức trực tuyến."
BODY_VI = "Các bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại, du lịch và giao lưu nhân dân."


def test_a_plain_vietnamese_article():
    result = ingest_text(f"Tiêu đề bài viết\n\n{LEAD_VI}\n\n{BODY_VI}\n")
    vi = article(result, "vi")
    assert vi.title == "Tiêu đề bài viết"
    assert vi.date == date(2021, 4, 9)
    assert [b.kind for b in vi.blocks] == ["paragraph", "paragraph"]
    assert vi.lines == (1, 3, 5)
    assert result.dropped == []


def test_with_no_title_and_none_in_meta_the_error_names_the_file_and_the_fix():
    with pytest.raises(SourceError) as caught:
        ingest_text(f"{LEAD_VI}\n{BODY_VI}\n")
    err = caught.value
    assert err.path == "sources/test/source.txt"
    assert "no Vietnamese title" in err.message
    assert "sources/test/meta.yml" in err.fix and "title: {vi:" in err.fix


def test_the_title_in_meta_is_used_when_the_source_has_none():
    vi = article(ingest_text(f"{LEAD_VI}\n{BODY_VI}\n", titles={"vi": "Tiêu đề"}), "vi")
    assert vi.title == "Tiêu đề" and len(vi.blocks) == 2


def test_a_title_in_meta_replaces_the_source_title_and_the_report_says_so():
    result = ingest_text(f"Tiêu đề cũ\n{LEAD_VI}\n", titles={"vi": "Tiêu đề mới"})
    assert article(result, "vi").title == "Tiêu đề mới"
    assert [(d.line, d.reason) for d in result.dropped] == [(1, "title replaced by the title in meta.yml")]


def test_without_any_date_the_error_asks_for_one_in_meta():
    with pytest.raises(SourceError) as caught:
        ingest_text(f"Tiêu đề\n{BODY_VI}\n")
    assert "no date" in caught.value.message and "date: YYYY-MM-DD" in caught.value.fix


def test_every_missing_field_is_reported_at_once():
    bilingual = f"{BODY_VI}\n越南与中国边境省份加强合作，推动经济、贸易和旅游交流。\n"
    with pytest.raises(Incomplete) as caught:
        ingest_text(bilingual)
    problems = [p.message for p in caught.value.each()]
    assert [m.split(":")[0] for m in problems] == ["no Vietnamese title", "no Chinese title", "no date"]
    assert caught.value.render().count("fix: ") == 3


def test_examine_lists_what_is_missing_without_raising():
    result = examine(Source("sources/test/source.txt", f"{BODY_VI}\n", SourceMeta(key="k")))
    assert [a.title for a in result.articles] == [""]
    assert [m.message.split(":")[0] for m in result.missing] == ["no Vietnamese title", "no date"]


def test_a_date_in_meta_wins():
    vi = article(ingest_text(f"Tiêu đề\n{LEAD_VI}\n", date=date(2021, 4, 10)), "vi")
    assert vi.date == date(2021, 4, 10)


def test_an_empty_file_is_an_error():
    with pytest.raises(SourceError, match="holds no text"):
        ingest_text("\n \n")


def test_russian_text_is_reported_not_filed_as_ukrainian():
    text = (
        "Весняна зустріч секретарів\n"
        "14:27, 21 лютого 2025 р.\n"
        "Сторони погодилися, що 2025 рік має особливе значення для співпраці.\n"
        "Стороны согласились, что этот год имеет особое значение для сотрудничества.\n"
    )
    result = ingest_text(text)
    assert [a.lang for a in result.articles] == ["uk"]
    (russian,) = [d for d in result.dropped if d.line == 4]
    assert "another language (ru)" in russian.reason and "lang:" in russian.reason


def test_interleaved_languages_become_one_article_each_in_their_own_order():
    text = (
        "Gặp gỡ đầu Xuân 2024 2024年新春会晤\n"
        "2月20日,双方在南宁举行会晤,签署了12项合作协议。\n"
        "Ngày 20 tháng 2, hai bên tổ chức hội đàm tại Nam Ninh và ký kết 12 văn kiện hợp tác quan trọng.\n"
        "会晤结束后,各方发表了联合新闻公报。\n"
        "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.\n"
    )
    result = ingest_text(text)
    vi, zh = article(result, "vi"), article(result, "zh")
    assert (vi.title, zh.title) == ("Gặp gỡ đầu Xuân 2024", "2024年新春会晤")
    assert [b.lines for b in vi.blocks] == [(3,), (5,)]
    assert [b.lines for b in zh.blocks] == [(2,), (4,)]
    assert vi.alignment == {"zh": [((1,), (1,)), ((2,), (2,))]}
    assert zh.alignment == {"vi": [((1,), (1,)), ((2,), (2,))]}
    assert vi.relation == zh.relation == "parallel"


def test_the_original_language_is_marked_and_the_other_is_its_translation():
    text = "Tiêu đề 标题\n2月20日,双方举行会晤。\nNgày 20 tháng 2 năm 2024, hai bên tổ chức hội đàm.\n"
    result = ingest_text(text, original="vi")
    assert article(result, "vi").relation == "original"
    assert (article(result, "zh").relation, article(result, "zh").translation_of) == ("translation", "vi")


def test_a_separate_report_under_a_shared_key():
    result = ingest_text(f"Tiêu đề\n{LEAD_VI}\n", relation="report")
    assert article(result, "vi").relation == "report"


def test_headings_pair_across_languages_and_captions_have_no_counterpart():
    zh_para = "通过九次新春会晤的举办,这一机制的成效日渐显著,已成为地方合作的典范。"
    vi_para = (
        "Qua 9 kỳ Gặp gỡ đầu xuân, cơ chế này ngày càng phát huy hiệu quả, là hình mẫu trong hợp tác cấp địa phương."
    )
    text = (
        "Gặp gỡ 2024 2024年会晤\n"
        f"2月20日,{zh_para}\n"
        f"Ngày 20 tháng 2, {vi_para}\n"
        "肯定地方高效合作典范机制\n"
        "Khẳng định cơ chế hợp tác hiệu quả, tiêu biểu cấp địa phương\n"
        "\n"
        "Quang cảnh Chương trình Gặp gỡ đầu Xuân 2024.\n"
        f"{zh_para}\n"
        f"{vi_para}\n"
    )
    result = ingest_text(text)
    vi, zh = article(result, "vi"), article(result, "zh")
    assert [b.kind for b in zh.blocks] == ["paragraph", "heading", "paragraph"]
    assert [b.kind for b in vi.blocks] == ["paragraph", "heading", "caption", "paragraph"]


def test_a_meta_override_turns_a_line_into_a_heading():
    text = f"Tiêu đề\n\n{LEAD_VI}\n\nMột tiêu đề phụ ngắn\n\n{BODY_VI}\n"
    auto = article(ingest_text(text), "vi")
    fixed = article(ingest_text(text, lines={5: {"role": "heading"}}), "vi")
    assert [b.kind for b in auto.blocks] == ["paragraph", "caption", "paragraph"]
    assert [b.kind for b in fixed.blocks] == ["paragraph", "heading", "paragraph"]


def test_a_meta_override_joins_a_paragraph_split_in_two():
    text = f"Tiêu đề\n\n{LEAD_VI}\n\nHà Nội và Quảng Tây cùng thúc đẩy hợp tác.\n"
    fixed = article(ingest_text(text, lines={5: {"role": "join"}}), "vi")
    assert len(fixed.blocks) == 1 and fixed.blocks[0].lines == (3, 5)


def test_a_meta_override_can_drop_a_line_and_keep_a_line_taken_for_furniture():
    text = f"Tiêu đề\n{LEAD_VI}\nChia sẻ\nLượt xem: 12\n"
    result = ingest_text(text, lines={3: {"role": "paragraph"}, 2: {"role": "drop"}}, date=date(2021, 4, 9))
    vi = article(result, "vi")
    assert [b.text for b in vi.blocks] == ["Chia sẻ"]
    assert {(d.line, d.reason) for d in result.dropped} == {(2, "dropped in meta.yml"), (4, "view counter")}


def test_an_override_on_a_blank_line_is_an_error():
    with pytest.raises(SourceError, match="line 2 is blank"):
        ingest_text(f"Tiêu đề\n\n{LEAD_VI}\n", lines={2: {"role": "caption"}})


def test_traditional_chinese_text_is_chinese_kept_as_written_and_marked_zh_hant():
    from scripts.ingest.render import render

    text = (
        "廣西與越南邊境四省黨委書記新春會晤舉行\n"
        "二月二十五日，廣西與越南高平、廣寧、河江、諒山等四省黨委書記新春會晤活動以視頻連線方式舉行。\n"
    )
    zh = article(ingest_text(text, date=date(2022, 2, 25)), "zh")
    assert zh.title == "廣西與越南邊境四省黨委書記新春會晤舉行"
    assert zh.script == "zh-Hant"
    assert "\nlang: zh\nscript: zh-Hant\n" in render(zh)


def test_credit_lines_meta_yml_overrides_go_to_the_report_not_silently_away():
    text = f"Tiêu đề\nBài: Lưu Linh\n{LEAD_VI}\nNguồn: https://a.example/x\nNguồn: https://b.example/y\n"
    result = ingest_text(text, authors={"vi": ["Minh Anh"]}, source_url="https://c.example/z")
    vi = article(result, "vi")
    assert vi.authors == ["Minh Anh"] and vi.source_url == "https://c.example/z"
    reasons = {d.line: d.reason for d in result.dropped}
    assert reasons[2] == "byline: meta.yml's `authors` replace it"
    assert reasons[4] == reasons[5] == "the text's source address: meta.yml's `source_url` replaces it"
    assert not {2, 4, 5} & set(vi.lines)


def test_a_second_source_address_in_the_text_is_reported():
    result = ingest_text(f"Tiêu đề\n{LEAD_VI}\nNguồn: https://a.example/x\nNguồn: https://b.example/y\n")
    assert article(result, "vi").source_url == "https://a.example/x"
    assert [(d.line, d.reason) for d in result.dropped] == [(4, "the text's source address: another address is taken")]


# The head of a text: chrome above the headline, a date or byline under it, a deck. ---------------

LEAD = "Ngày 23/4/2020, tại thực địa Km số 0 cửa khẩu quốc tế Hữu Nghị, hai đoàn đại biểu đã hội đàm."


def test_the_headline_is_the_line_just_above_the_date_line_not_the_banner_above_it():
    text = (
        "Nhảy đến nội dung\nQuyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI\n\n"
        "Đoàn đại biểu tỉnh Lạng Sơn hội đàm với Đoàn đại biểu Quảng Tây\n23/04/2020 10:15\n\n" + LEAD + "\n"
    )
    result = ingest_text(text)
    assert article(result, "vi").title == "Đoàn đại biểu tỉnh Lạng Sơn hội đàm với Đoàn đại biểu Quảng Tây"
    reasons = {d.line: d.reason for d in result.dropped}
    assert reasons[1] == "skip-to-content link"
    assert reasons[2] == "above the headline: the site's menu, banner or other chrome"


def test_the_sites_clock_above_the_headline_never_wins_over_the_date_under_it():
    text = (
        "星期二, 10/12/2024 10:05 (GMT +7)\n\nTiêu đề bài viết\n\n星期三, 20/11/2024 | 21:28:30 [GMT +7] A  A\n\n"
        + LEAD
    )
    result = ingest_text(text)
    assert article(result, "vi").date == date(2024, 11, 20)
    assert [d.reason for d in result.dropped if d.line == 1] == [
        "the site's clock above the headline (when the page was saved), not the publication date"
    ]
    assert result.doubts == []


def test_only_a_clock_above_the_headline_is_taken_with_a_doubt():
    result = ingest_text(
        "星期二, 10/12/2024 10:05 (GMT +7)\n\nTiêu đề bài viết\n\n" + LEAD.replace("23/4/2020", "23/4")
    )
    (doubt,) = result.doubts
    assert doubt.field == "date" and "clock" in doubt.why and doubt.pick == "date: 2024-12-10"


def test_a_name_under_the_headline_is_its_byline_and_a_deck_is_a_heading():
    text = "Tiêu đề bài viết về hội đàm\nDuy Anh\n23/04/2020 10:15\n\n" + LEAD + "\n"
    vi = article(ingest_text(text), "vi")
    assert vi.authors == ["Duy Anh"]
    deck = ingest_text(
        "2023年中國廣西與越南邊境四省黨委書記新春會晤\n發佈時間: 2023-02-23 |來源: 廣西日報\n\n"
        "貫徹落實好中越兩黨兩國最高領導人重要共識\n\n2月22日，2023年中國廣西與越南邊境四省黨委書記新春會晤活動以視頻連線方式舉行。\n"
    )
    zh = article(deck, "zh")
    assert [(b.kind, b.level) for b in zh.blocks] == [("heading", 2), ("paragraph", 0)]


def test_a_bilingual_title_line_is_split_wherever_it_is():
    text = (
        "星期二, 10/12/2024 10:05 (GMT +7)\n\nHai lối mở biên giới Trung Quốc - Việt Nam tạm thời mở 中越边境两条通道临时开放客运功能\n\n"
        "星期三, 20/11/2024 | 21:28:30 [GMT +7]\n\n11月17日,中国八布-越南义顺通道临时开放客运功能。\n\n"
        "Ngày 17/11, lối mở Bát Bố - Nghĩa Thuận tạm thời mở để vận chuyển hành khách.\n"
    )
    result = ingest_text(text)
    assert article(result, "vi").title == "Hai lối mở biên giới Trung Quốc - Việt Nam tạm thời mở"
    assert article(result, "zh").title == "中越边境两条通道临时开放客运功能"


def test_a_paragraph_quoting_a_chinese_name_is_not_split():
    text = "Tiêu đề\n\n" + LEAD + " Bí thư Lưu Ninh (刘宁) phát biểu.\n"
    vi = article(ingest_text(text), "vi")
    assert vi.blocks[0].text.endswith("(刘宁) phát biểu.")


def test_an_image_placeholder_is_cut_out_and_the_caption_after_it_kept():
    text = (
        "越南广宁省芒街市与中国东兴市签署备忘录 hinh anh 1双方领导签署2018年协议。(图片来源:广宁报网)\n\n"
        "越通社河内——据越南《人民报》,会议4月16日在广宁省芒街市举行。双方同意加强合作。\n"
    )
    result = ingest_text(text, date=DAY)
    zh = article(result, "zh")
    assert zh.title == "越南广宁省芒街市与中国东兴市签署备忘录"
    assert [b.kind for b in zh.blocks] == ["caption", "paragraph"] and zh.agency == "越通社"
    assert [(d.text, d.reason) for d in result.dropped] == [
        ("hinh anh 1", "an image placeholder (the alt text of a photo, not words)")
    ]


def test_a_quotation_in_english_inside_a_chinese_text_stays_in_it():
    text = "標題\n\n今天對上中國組合的金牌戰，台灣羽球選手王齊麟獲勝。\n\nI am Wang Chi Lin, I am from Taiwan.\n\n李洋也說：「我們讓世界看見了台灣。」\n"
    zh = article(ingest_text(text, date=DAY), "zh")
    assert "I am Wang Chi Lin, I am from Taiwan." in [b.text for b in zh.blocks]


def test_a_whole_text_in_russian_is_refused_by_name():
    with pytest.raises(SourceError, match=r"the text is in Russian \(ru\)"):
        ingest_text("Заголовок статьи\n\nСтороны согласились, что этот год очень важный для всех.\n")
