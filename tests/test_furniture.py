"""Site furniture is dropped, each line with the reason it was dropped."""

from scripts.ingest.furniture import strip
from scripts.ingest.text import split_lines


def reasons(text: str) -> dict[int, str]:
    _, dropped = strip(split_lines(text))
    return {d.line: d.reason for d in dropped}


def kept(text: str) -> list[str]:
    lines, _ = strip(split_lines(text))
    return [line.text for line in lines if line.text]


def test_view_counters_in_each_language():
    assert reasons("Lượt xem: 5205\n浏览次数：1,024\nПереглядів: 77") == {
        1: "view counter",
        2: "view counter",
        3: "view counter",
    }


def test_comment_counters():
    assert reasons("Коментар (0)\nBình luận (12)\n评论(3)") == {
        1: "comment counter",
        2: "comment counter",
        3: "comment counter",
    }


def test_pagination_with_non_breaking_spaces():
    assert reasons("1\u00a02\u00a03\u00a04\u00a05\u00a0\u00a0...\u00a0") == {1: "pagination"}


def test_whitespace_only_lines_are_dropped_but_empty_lines_are_kept_as_gaps():
    lines, dropped = strip(split_lines("a\n\n\u00a0\nb"))
    assert [d.reason for d in dropped] == ["whitespace-only line"]
    assert [line.raw for line in lines] == ["a", "", "b"]


def test_a_visitor_statistics_widget_and_its_bullet_lines():
    text = "Thống kê truy cập\n  • Đang truy cập: 1\n  • Hôm nay: 1\n  • Trong tuần: 1\n  • Tổng lượt truy cập: 1"
    assert set(reasons(text).values()) == {"visitor-statistics widget"}
    assert len(reasons(text)) == 5


def test_label_and_number_lines_outside_a_widget_are_kept():
    assert kept("Tổng kim ngạch: 6,23") == ["Tổng kim ngạch: 6,23"]


def test_a_related_articles_list_is_dropped_with_its_items():
    text = "Tin khác\nHai tỉnh ký kết hợp tác du lịch\nMở cửa khẩu mới tại Lạng Sơn\n"
    assert reasons(text) == {1: "related-articles list", 2: "related-articles list", 3: "related-articles list"}


def test_a_related_list_ends_at_the_first_real_paragraph():
    paragraph = "Năm 2020, các tỉnh đẩy nhanh tiến độ xây dựng hạ tầng cơ sở kết nối giao thông, " * 3
    text = f"Tin liên quan\nHai tỉnh ký kết hợp tác du lịch\n{paragraph.strip()}."
    assert reasons(text) == {1: "related-articles list", 2: "related-articles list"}
    assert len(kept(text)) == 1


def test_share_print_and_font_size_buttons():
    assert set(
        reasons("Chia sẻ\nIn bài viết\nFacebook Twitter Zalo\n分享到\nПоділитися\nA- A A+\n字号：大 中 小").values()
    ) == {"share, print or font-size buttons"}


def test_article_text_is_kept():
    text = "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.\n会晤结束后,各方发表了联合新闻公报。\na\n中"
    assert reasons(text) == {}
    assert len(kept(text)) == 4


def test_skip_links_menus_and_comment_boxes_in_each_language():
    text = (
        "Nhảy đến nội dung\n跳到主要内容\nПерейти до вмісту\n"
        "首頁南寧新聞縣區開發區五象新區節慶活動東盟經濟暢遊綠城\nTrang chủ | Thời sự | Kinh tế | Xã hội\n"
        "Tối đa: 1500 ký tự\nHiện chưa có bình luận nào, hãy là người đầu tiên bình luận\n发表评论\nДодати коментар\n"
        "反馈\n列印\n小字号\n客户端下载\n复制链接\n责任编辑：\n新华社记者"
    )
    found = reasons(text)
    assert len(found) == 16
    assert found[1] == found[2] == found[3] == "skip-to-content link"
    assert found[4] == "site menu" and found[5] in ("site menu", "breadcrumb navigation")
    assert {found[n] for n in (6, 7, 8, 9)} == {"comment box"}
    assert {found[n] for n in (15, 16)} == {"empty credit line"}


def test_lines_that_open_like_a_menu_but_are_text_are_kept():
    assert kept("Головна подія року в Куангніні\n首页") == ["Головна подія року в Куангніні", "首页"]
