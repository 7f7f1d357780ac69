"""Reading dates as the three languages' news sites write them."""

from datetime import date

from scripts.ingest.dates import RELATIVE, find_date, labelled_timestamp, timestamp, years_in
from scripts.ingest.text import normalize


def test_chinese_month_and_day_take_the_year_given():
    found = find_date("2月25日,2022年中国广西与越南…", 2022)
    assert (found.start, found.end) == (date(2022, 2, 25), None)


def test_a_chinese_range_keeps_its_start_and_end():
    found = find_date("2月19日至21日,在友好、坦诚、务实气氛中", 2025)
    assert (found.start, found.end) == (date(2025, 2, 19), date(2025, 2, 21))


def test_a_range_across_months():
    found = find_date("1月30日至2月2日举行", 2024)
    assert (found.start, found.end) == (date(2024, 1, 30), date(2024, 2, 2))


def test_vietnamese_time_of_day_and_day_month():
    assert find_date("Sáng 09/4, Tỉnh ủy Cao Bằng chủ trì", 2021).start == date(2021, 4, 9)


def test_vietnamese_words_with_a_year():
    assert find_date("Ngày 22 tháng 02 năm 2023, Chương trình").start == date(2023, 2, 22)


def test_vietnamese_day_range_before_the_month():
    found = find_date("lần thứ 16 từ ngày 19-21/2 được tổ chức", 2025)
    assert (found.start, found.end) == (date(2025, 2, 19), date(2025, 2, 21))


def test_ukrainian_genitive_month_names():
    assert find_date("Вранці 21 лютого в місті Халонг", 2025).start == date(2025, 2, 21)


def test_a_date_without_a_year_and_no_year_given_is_not_a_date():
    assert find_date("Sáng 09/4, Tỉnh ủy", None) is None


def test_fractions_and_year_spans_are_not_dates():
    assert find_date("giữa 5 tỉnh/khu, Kế hoạch 2021-2025", 2021) is None


def test_impossible_dates_are_ignored():
    assert find_date("ngày 31 tháng 2 năm 2023") is None


def test_the_earliest_date_in_the_text_wins():
    assert find_date("Ngày 3 tháng 3 năm 2024 ... (cập nhật 2024-03-05)").start == date(2024, 3, 3)


def test_a_line_that_is_only_a_timestamp():
    assert timestamp("14:27, 21 лютого 2025 р.").start == date(2025, 2, 21)
    assert timestamp("2015年12月05日 08：05").start == date(2015, 12, 5)
    assert timestamp("Thứ Sáu, 25/02/2022 - 09:15").start == date(2022, 2, 25)
    assert timestamp("Cập nhật: 2022-02-25 10:11").start == date(2022, 2, 25)


def test_a_sentence_with_a_date_is_not_a_timestamp():
    assert timestamp("Sáng 09/4/2021, Tỉnh ủy Cao Bằng chủ trì") is None
    assert timestamp("21 лютого") is None  # no year, no time: could be anything


def test_years_in_a_title():
    assert years_in("Gặp gỡ đầu Xuân 2025 (lần thứ 10)") == [2025]


def test_full_width_digits_colons_and_separators_in_timestamps():
    from scripts.ingest.dates import timestamp
    from scripts.ingest.text import normalize

    for line in (
        "2015年12月05日 08：05",
        "发布时间：2015年12月05日　08：05",
        "２０１５年１２月０５日 ０８：０５",
        "2015／12／05 08：05",
    ):
        found = timestamp(normalize(line))
        assert found is not None and found.start == date(2015, 12, 5), line


def test_timestamps_as_pages_print_them():
    cases = {
        "星期三, 20/11/2024 | 21:28:30 [GMT +7] A  A": date(2024, 11, 20),  # font-size buttons beside it
        "Thứ năm, 23/04/2020 10:15": date(2020, 4, 23),
        "Cập nhật: 10:15 ngày 23/04/2020": date(2020, 4, 23),
        "29.11.2024, 15:35": date(2024, 11, 29),
        "2023 11/ 17 20:52:15": date(2023, 11, 17),  # the year apart from month and day
        "出版時間：2016/05/21 11:44": date(2016, 5, 21),
        "Ngày 25-1-2025": date(2025, 1, 25),
    }
    for text, day in cases.items():
        assert timestamp(normalize(text)).start == day, text


def test_a_date_with_its_section_or_its_author_beside_it():
    section = labelled_timestamp("07-03-2026 - 00:01 AM | Thị trường chứng khoán")
    assert (section.found.start, section.label, section.before) == (date(2026, 3, 7), "Thị trường chứng khoán", False)
    author = labelled_timestamp("Nguyên Minh - 07/03/2026 08:47")
    assert (author.found.start, author.label, author.before) == (date(2026, 3, 7), "Nguyên Minh", True)
    assert labelled_timestamp("Hà Nội - Trung Quốc là đối tác lớn. 12/3/2024") is None


def test_a_time_relative_to_the_day_the_page_was_saved_has_no_date():
    assert RELATIVE.match("сьогодні, 10:15") and RELATIVE.match("hôm nay") and timestamp("сьогодні, 10:15") is None


def test_a_date_completed_by_a_hint_says_so():
    assert find_date("Sáng 09/4, tỉnh", 2021).year_given is False
    assert find_date("Ngày 09/4/2021, tỉnh").year_given is True
