"""What a reader must see side by side for the two bilingual seeds, written by reading their texts.

Each unit is (Vietnamese, Chinese): the words that open or mark each block of
that unit, in order. A translation pair has both; a unit with no counterpart
(the 2025 article's photo captions) has one side empty. The units are listed
in the order of the Vietnamese text, which both translations follow.
"""

from __future__ import annotations

Unit = tuple[tuple[str, ...], tuple[str, ...]]

SEEDS = {"2022": "2022-02-25-spring-meeting", "2025": "2025-02-19-spring-meeting"}

UNITS: dict[str, list[Unit]] = {
    "2022": [
        (("Ngày 25 tháng 2, Hội nghị Gặp gỡ đầu xuân năm 2022",), ("2月25日,2022年中国广西",)),
        # Liu Ning's speech and, run on in the same Vietnamese paragraph, the four
        # secretaries' reply: two paragraphs in the Chinese.
        (
            ("Tại hội nghị, Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) Lưu Ninh",),
            ("刘宁书记在致辞中回顾", "越南边境四省党委书记表示"),
        ),
        (("Đồng chí Trần Hồng Minh - Bí thư tỉnh ủy Cao Bằng cho biết",), ("越南高平省委书记陈红明表示",)),
        (("Phát biểu tại hội nghị, đồng chí Nguyễn Xuân Ký",), ("会晤中, 越共中央委员会委员、广宁省委书记",)),
        (("Ở vào những thời điểm khó khăn nhất",), ("在防控新冠肺炎疫情进入最困难时期时",)),
        (("Tại cuộc họp, các bên đã đạt được nhất trí cao",), ("会晤中,各方就加强疫情联防联控",)),
        (("Ngay sau chương trình Gặp gỡ đầu Xuân, các bên đã tổ chức Hội nghị lần thứ 13",), ("书记会晤之后",)),
        (("Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.",), ("会晤结束后,各方发表了联合新闻公报。",)),
    ],
    "2025": [
        (("Với tinh thần hữu nghị, thẳng thắn, thiết thực",), ("2月19日至21日,在友好、坦诚、务实气氛中",)),
        (("Khẳng định cơ chế hợp tác hiệu quả, tiêu biểu cấp địa phương",), ("肯定地方高效合作典范机制",)),
        (("Quang cảnh Chương trình Gặp gỡ đầu Xuân 2025.",), ()),
        (("Qua 9 kỳ Gặp gỡ đầu xuân và 15 lần",), ("通过九次新春会晤和十五次",)),
        (("Các đồng chí Bí thư Tỉnh uỷ, Thành uỷ 5 địa phương",), ()),
        (("Bí thư các tỉnh, khu đã thảo luận",), ("各省区党委书记就进一步加强全面战略合作伙伴关系",)),
        (('Các bên cần tiếp tục quán triệt và triển khai sâu sắc các "Tuyên bố chung',), ("各方应继续深入贯彻落实",)),
        (("Đồng chí Nguyễn Xuân Thắng, Ủy viên Bộ Chính trị",), ()),
        (
            ("Các bên nhất trí rằng năm 2025 là một năm có ý nghĩa đặc biệt",),
            ("各方一致认为,2025年是具有特殊意义的一年",),
        ),
        (("Nâng tầm mối quan hệ hợp tác chiến lược",), ("提升战略合作伙伴关系",)),
        (("Đại diện các địa phương ký kết Biên bản hội đàm",), ()),
        (
            ("Các cơ quan chức năng, địa phương biên giới đã ký kết 29 thỏa thuận",),
            ("中越各职能部门及边境地区共签署了29项",),
        ),
        (
            ("Cũng trong khuôn khổ chương trình, đã diễn ra các cuộc hội kiến",),
            ("在活动框架内,各省区党委书记还进行了会谈",),
        ),
        (("Các đại biểu tham dự Chương trình Gặp gỡ đầu Xuân 2025",), ()),
        (
            ("Những văn kiện được ký kết tại Chương trình gặp gỡ đầu xuân năm 2025",),
            ("2025年新春会晤暨联合工作委员会第十六次会晤期间签署的文件",),
        ),
        (
            ("Những thành công từ Chương trình Gặp gỡ đầu xuân 2025",),
            ("2025年新春会晤暨联合工作委员会第十六次会晤的成功",),
        ),
    ],
}


def matches(unit: Unit, vi_texts: list[str], zh_texts: list[str]) -> bool:
    """Whether the blocks of one shown unit are the expected ones: each opens with (or holds) its words."""
    vi_words, zh_words = unit
    return (
        len(vi_words) == len(vi_texts)
        and len(zh_words) == len(zh_texts)
        and all(w in t for w, t in zip(vi_words, vi_texts, strict=True))
        and all(w in t for w, t in zip(zh_words, zh_texts, strict=True))
    )
