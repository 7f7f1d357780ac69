"""Telling Vietnamese, Chinese and Ukrainian apart, paragraph by paragraph."""

from scripts.ingest.language import UNDETERMINED, detect, resolve_context, split_by_language


def test_vietnamese_is_recognised_by_its_diacritics():
    assert detect("Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.") == "vi"


def test_chinese_is_recognised_by_han_characters():
    assert detect("会晤结束后,各方发表了联合新闻公报。") == "zh"


def test_a_vietnamese_paragraph_quoting_a_chinese_name_stays_vietnamese():
    assert detect("Bí thư Khu ủy Quảng Tây Trần Cương (陈刚) phát biểu tại hội nghị.") == "vi"


def test_a_chinese_paragraph_with_latin_acronyms_stays_chinese():
    assert detect("在新冠肺炎COVID-19疫情持续蔓延背景下,双方加强OCOP合作。") == "zh"


def test_ukrainian_is_not_confused_with_russian():
    assert detect("Сторони погодилися, що 2025 рік має особливе значення.") == "uk"
    assert detect("Стороны согласились, что 2025 год имеет особое значение.") == "ru"


def test_ukrainian_without_its_own_letters_is_told_by_the_identifier():
    # No і/ї/є/ґ and no apostrophe: only the statistics can tell.
    assert detect("Сторони погодилися на конференції про торговельну співпрацю") == "uk"


def test_vietnamese_typed_without_diacritics_is_still_vietnamese():
    assert detect("Mong Cai la thanh pho bien gioi cua tinh Quang Ninh") == "vi"


def test_other_languages_come_back_under_their_own_code():
    assert detect("The meeting was held online with eight connection points.") == "en"


def test_too_little_text_is_undetermined():
    assert detect("COVID-19") == UNDETERMINED
    assert detect("2022") == UNDETERMINED


def test_web_addresses_do_not_count_as_words():
    url = "https://baohagiang.vn/thoi-su-chinh-tri/202502/gap-go-dau-xuan-giua-bi-thu"
    assert detect(f"Джерело: {url}") == UNDETERMINED  # one Cyrillic word; the address is not Latin text
    assert detect(f"Новини та фотографії: {url}") == "uk"


def test_undetermined_items_take_the_language_of_the_item_before_them():
    assert resolve_context(["und", "zh", "und", "vi", "und"]) == ["zh", "zh", "zh", "vi", "vi"]


def test_a_title_line_in_two_languages_is_split_where_the_language_changes():
    line = "Gặp gỡ đầu xuân 4 tỉnh biên giới Việt Nam với Quảng Tây - Trung Quốc 2022年中国广西与越南边境四省党委书记新春会晤"
    assert split_by_language(line) == [
        ("vi", "Gặp gỡ đầu xuân 4 tỉnh biên giới Việt Nam với Quảng Tây - Trung Quốc"),
        ("zh", "2022年中国广西与越南边境四省党委书记新春会晤"),
    ]


def test_the_chinese_half_may_contain_spaces_and_begin_with_digits():
    line = "Chương trình Gặp gỡ đầu Xuân 2025 Thúc đẩy hợp tác 2025年新春会晤活动 推动活跃、有效、务实、全面合作"
    assert split_by_language(line) == [
        ("vi", "Chương trình Gặp gỡ đầu Xuân 2025 Thúc đẩy hợp tác"),
        ("zh", "2025年新春会晤活动 推动活跃、有效、务实、全面合作"),
    ]


def test_a_year_standing_alone_at_the_boundary_goes_with_the_text_after_it():
    assert split_by_language("Gặp gỡ đầu Xuân 2022 年新春会晤") == [
        ("vi", "Gặp gỡ đầu Xuân"),
        ("zh", "2022 年新春会晤"),
    ]


def test_a_line_in_one_language_is_not_split():
    line = "Chương trình Gặp gỡ đầu Xuân năm 2021 giữa Bí thư Tỉnh ủy 4 tỉnh của Việt Nam"
    assert split_by_language(line) == [("vi", line)]


def test_a_middle_dot_in_a_transliterated_name_does_not_make_chinese_japanese():
    assert detect("玻利维亚总统图帕克・卡塔里表示，两国将加强合作。") == "zh"
    assert detect("東京タワーは高い") == "ja"


def test_a_very_long_first_line_is_split_in_linear_time():
    # 50,000 tokens without letters before the title: the old search for each one's neighbours was
    # quadratic (hours); the nearest tags are now found in one pass each way.
    line = " ".join(["2024"] * 50_000) + " Tiêu đề bài viết 中文标题"
    (vi, vi_text), (zh, zh_text) = split_by_language(line)
    assert (vi, zh, zh_text) == ("vi", "zh", "中文标题") and vi_text.endswith("Tiêu đề bài viết")
