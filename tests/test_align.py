"""Pairing the paragraphs of a bilingual source."""

from scripts.ingest.align import Unit, align

ZH = "会晤结束后,各方发表了联合新闻公报。"  # 18 characters
VI = "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung."  # about 3.3 times longer


def test_translations_in_order_pair_one_to_one():
    zh = [Unit(ZH * 3), Unit(ZH), Unit(ZH * 2)]
    vi = [Unit(VI * 3), Unit(VI), Unit(VI * 2)]
    assert align(zh, vi) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_one_paragraph_may_answer_two():
    zh = [Unit(ZH * 3), Unit(ZH * 2), Unit(ZH * 2), Unit(ZH)]
    vi = [Unit(VI * 3), Unit(VI * 4), Unit(VI)]
    assert align(zh, vi) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_a_caption_candidate_with_no_counterpart_stays_unpaired():
    zh = [Unit(ZH * 3), Unit(ZH * 3)]
    vi = [Unit(VI * 3), Unit("Quang cảnh hội nghị.", skip=0.5), Unit(VI * 3)]
    assert align(zh, vi) == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


def test_shared_numbers_decide_between_close_lengths():
    zh = [Unit("签署了29项合作协议。" * 4), Unit("举行了第16次会晤。" * 4)]
    vi = [Unit("đã ký kết 29 thỏa thuận hợp tác." * 4), Unit("Hội nghị lần thứ 16 được tổ chức." * 4)]
    assert align(zh, vi) == [((0,), (0,)), ((1,), (1,))]


def test_an_untranslated_paragraph_is_left_alone():
    zh = [Unit(ZH * n) for n in (3, 2, 4, 3, 2)]
    vi = (
        [Unit(VI * n) for n in (3, 2)]
        + [Unit("Đây là một đoạn dài không được dịch sang tiếng Trung. " * 4)]
        + [Unit(VI * n) for n in (4, 3, 2)]
    )
    assert align(zh, vi) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,))]
